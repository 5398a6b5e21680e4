/* shoebox-pair-list.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "shoebox-collection.h"

G_BEGIN_DECLS

#define SHOEBOX_TYPE_PAIR_LIST (shoebox_pair_list_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxPairList, shoebox_pair_list, SHOEBOX, PAIR_LIST, GObject)

ShoeboxPairList *shoebox_pair_list_new    (ShoeboxCollection *collection,
                                           GArray            *ids);
gint64           shoebox_pair_list_get_id (ShoeboxPairList   *self,
                                           guint              position);
const gint64    *shoebox_pair_list_get_ids (ShoeboxPairList   *self,
                                            guint             *n_ids);
void             shoebox_pair_list_set_keep_unchanged (ShoeboxPairList *self,
                                                       gboolean         keep_unchanged);
void             shoebox_pair_list_replace (ShoeboxPairList  *self,
                                            GArray           *ids);
void             shoebox_pair_list_set_near (ShoeboxPairList *self,
                                             guint            first,
                                             guint            n_positions);
void             shoebox_pair_list_catch_up (ShoeboxPairList *self);
gboolean         shoebox_pair_list_is_behind (ShoeboxPairList *self);

G_END_DECLS
