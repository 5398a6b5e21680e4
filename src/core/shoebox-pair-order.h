/* shoebox-pair-order.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "shoebox-collection.h"

G_BEGIN_DECLS

typedef struct _ShoeboxPairOrder ShoeboxPairOrder;

ShoeboxPairOrder *shoebox_pair_order_read        (ShoeboxDatabase      *database,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void              shoebox_pair_order_read_async  (ShoeboxCollection    *collection,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
ShoeboxPairOrder *shoebox_pair_order_read_finish (GAsyncResult         *result,
                                                  GError              **error);
GArray           *shoebox_pair_order_sort        (ShoeboxPairOrder     *self,
                                                  ShoeboxPairSort       sort,
                                                  gboolean              descending,
                                                  const gint64         *ids,
                                                  guint                 n_ids);
GArray           *shoebox_pair_order_sort_all    (ShoeboxPairOrder     *self,
                                                  ShoeboxPairSort       sort,
                                                  gboolean              descending);
void              shoebox_pair_order_free        (ShoeboxPairOrder     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoeboxPairOrder, shoebox_pair_order_free)

G_END_DECLS
