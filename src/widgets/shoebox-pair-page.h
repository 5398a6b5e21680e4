/* shoebox-pair-page.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "shoebox-collection.h"
#include "shoebox-news-service.h"
#include "shoebox-photos.h"

G_BEGIN_DECLS

#define SHOEBOX_TYPE_PAIR_PAGE (shoebox_pair_page_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxPairPage, shoebox_pair_page, SHOEBOX, PAIR_PAGE, GtkWidget)

GtkWidget   *shoebox_pair_page_new         (ShoeboxCollection  *collection,
                                            ShoeboxPhotos      *photos,
                                            ShoeboxNewsService *news,
                                            gint64              pair_id);
gint64       shoebox_pair_page_get_pair_id (ShoeboxPairPage    *self);
ShoeboxPair *shoebox_pair_page_get_pair    (ShoeboxPairPage    *self);
char        *shoebox_pair_page_dup_title   (ShoeboxPairPage    *self);

G_END_DECLS
