/* shoebox-silhouette-editor.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "shoebox-collection.h"
#include "shoebox-dialog.h"

G_BEGIN_DECLS

#define SHOEBOX_TYPE_SILHOUETTE_EDITOR (shoebox_silhouette_editor_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxSilhouetteEditor, shoebox_silhouette_editor, SHOEBOX, SILHOUETTE_EDITOR, ShoeboxDialog)

GtkWidget         *shoebox_silhouette_editor_new             (ShoeboxCollection       *collection,
                                                              ShoeboxSilhouette       *silhouette);
ShoeboxSilhouette *shoebox_silhouette_editor_get_silhouette  (ShoeboxSilhouetteEditor *self);
gboolean           shoebox_silhouette_editor_can_save        (ShoeboxSilhouetteEditor *self);
char              *shoebox_silhouette_editor_dup_problems    (ShoeboxSilhouetteEditor *self);
gboolean           shoebox_silhouette_editor_select_predecessor (ShoeboxSilhouetteEditor *self,
                                                                 gint64                   id);

G_END_DECLS
