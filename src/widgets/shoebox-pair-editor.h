/* shoebox-pair-editor.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "shoebox-collection.h"
#include "shoebox-dialog.h"
#include "shoebox-photos.h"

G_BEGIN_DECLS

#define SHOEBOX_TYPE_PAIR_EDITOR (shoebox_pair_editor_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxPairEditor, shoebox_pair_editor, SHOEBOX, PAIR_EDITOR, ShoeboxDialog)

GtkWidget   *shoebox_pair_editor_new         (ShoeboxCollection *collection,
                                              ShoeboxPhotos     *photos,
                                              ShoeboxPair       *pair);
void         shoebox_pair_editor_import_photo (ShoeboxPairEditor *self,
                                               GFile             *file);
guint        shoebox_pair_editor_get_n_photos (ShoeboxPairEditor *self);
ShoeboxPair *shoebox_pair_editor_get_pair    (ShoeboxPairEditor *self);
gboolean     shoebox_pair_editor_is_valid    (ShoeboxPairEditor *self);
char        *shoebox_pair_editor_dup_problems (ShoeboxPairEditor *self);
gboolean     shoebox_pair_editor_has_changes (ShoeboxPairEditor *self);
GtkWidget   *shoebox_pair_editor_get_discard_alert (ShoeboxPairEditor *self);
void         shoebox_pair_editor_leave_to_page (ShoeboxPairEditor *self);

G_END_DECLS
