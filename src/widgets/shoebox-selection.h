/* shoebox-selection.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SHOEBOX_TYPE_SELECTION (shoebox_selection_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxSelection, shoebox_selection, SHOEBOX, SELECTION, GObject)

ShoeboxSelection *shoebox_selection_new       (GListModel       *model);
GListModel       *shoebox_selection_get_model (ShoeboxSelection *self);
void              shoebox_selection_set_model (ShoeboxSelection *self,
                                               GListModel       *model);
void              shoebox_selection_set_toggling (ShoeboxSelection *self,
                                                  gboolean          toggling);

G_END_DECLS
