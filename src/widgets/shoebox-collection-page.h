/* shoebox-collection-page.h
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

#define SHOEBOX_TYPE_COLLECTION_PAGE (shoebox_collection_page_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxCollectionPage, shoebox_collection_page, SHOEBOX, COLLECTION_PAGE, GtkWidget)

ShoeboxCollection *shoebox_collection_page_get_collection    (ShoeboxCollectionPage *self);
void               shoebox_collection_page_set_collection    (ShoeboxCollectionPage *self,
                                                              ShoeboxCollection     *collection);
void               shoebox_collection_page_set_photos        (ShoeboxCollectionPage *self,
                                                              ShoeboxPhotos         *photos);
void               shoebox_collection_page_reload            (ShoeboxCollectionPage *self);
void               shoebox_collection_page_focus_search      (ShoeboxCollectionPage *self);
GListModel        *shoebox_collection_page_get_model         (ShoeboxCollectionPage *self);
GArray            *shoebox_collection_page_dup_selected_ids  (ShoeboxCollectionPage *self);
void               shoebox_collection_page_log_wear          (ShoeboxCollectionPage *self);
void               shoebox_collection_page_log_wear_ids      (ShoeboxCollectionPage *self,
                                                              const gint64          *pair_ids,
                                                              guint                  n_ids);
void               shoebox_collection_page_delete_selected   (ShoeboxCollectionPage *self);
void               shoebox_collection_page_delete_pairs      (ShoeboxCollectionPage *self,
                                                              const gint64          *ids,
                                                              guint                  n_ids);
gboolean           shoebox_collection_page_undo              (ShoeboxCollectionPage *self);
void               shoebox_collection_page_open_selected     (ShoeboxCollectionPage *self);
void               shoebox_collection_page_add_pair          (ShoeboxCollectionPage *self);

G_END_DECLS
