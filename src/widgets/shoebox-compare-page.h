/* shoebox-compare-page.h
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

/* The most items compared at once: more columns would not fit any screen. */
#define SHOEBOX_COMPARE_MAX_ITEMS 4

#define SHOEBOX_TYPE_COMPARE_PAGE (shoebox_compare_page_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxComparePage, shoebox_compare_page, SHOEBOX, COMPARE_PAGE, GtkWidget)

ShoeboxCollection *shoebox_compare_page_get_collection       (ShoeboxComparePage *self);
void               shoebox_compare_page_set_collection       (ShoeboxComparePage *self,
                                                              ShoeboxCollection  *collection);
void               shoebox_compare_page_set_photos           (ShoeboxComparePage *self,
                                                              ShoeboxPhotos      *photos);
void               shoebox_compare_page_set_pairs            (ShoeboxComparePage *self,
                                                              const gint64       *ids,
                                                              guint               n_ids);
gboolean           shoebox_compare_page_add_pair             (ShoeboxComparePage *self,
                                                              gint64              id);
gboolean           shoebox_compare_page_add_silhouette       (ShoeboxComparePage *self,
                                                              gint64              id);
void               shoebox_compare_page_compare_with_pair    (ShoeboxComparePage *self,
                                                              gint64              id);
void               shoebox_compare_page_compare_with_silhouette (ShoeboxComparePage *self,
                                                                 gint64              id);
void               shoebox_compare_page_compare_generations  (ShoeboxComparePage *self,
                                                              gint64              silhouette_id);
guint              shoebox_compare_page_get_n_items          (ShoeboxComparePage *self);
const char        *shoebox_compare_page_get_mode             (ShoeboxComparePage *self);
void               shoebox_compare_page_set_mode             (ShoeboxComparePage *self,
                                                              const char         *mode);
gboolean           shoebox_compare_page_get_only_differences (ShoeboxComparePage *self);
void               shoebox_compare_page_set_only_differences (ShoeboxComparePage *self,
                                                              gboolean            only_differences);
gboolean           shoebox_compare_page_is_loading           (ShoeboxComparePage *self);
gboolean           shoebox_compare_page_save_image           (ShoeboxComparePage *self,
                                                              GFile              *file,
                                                              GError            **error);

G_END_DECLS
