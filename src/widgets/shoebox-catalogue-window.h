/* shoebox-catalogue-window.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "shoebox-collection.h"
#include "shoebox-photos.h"

G_BEGIN_DECLS

#define SHOEBOX_TYPE_CATALOGUE_WINDOW (shoebox_catalogue_window_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxCatalogueWindow, shoebox_catalogue_window, SHOEBOX, CATALOGUE_WINDOW, AdwWindow)

GtkWindow         *shoebox_catalogue_window_new             (GtkWindow              *parent,
                                                             ShoeboxCollection      *collection,
                                                             ShoeboxPhotos          *photos);
void               shoebox_catalogue_window_show_silhouette (ShoeboxCatalogueWindow *self,
                                                             gint64                  id);
void               shoebox_catalogue_window_show_list       (ShoeboxCatalogueWindow *self);
ShoeboxSilhouette *shoebox_catalogue_window_get_silhouette  (ShoeboxCatalogueWindow *self);

G_END_DECLS
