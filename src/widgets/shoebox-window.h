/* shoebox-window.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "shoebox-backup-service.h"

#include "shoebox-collection-page.h"
#include "shoebox-compare-page.h"
#include "shoebox-collection.h"
#include "shoebox-news-page.h"
#include "shoebox-news-service.h"

G_BEGIN_DECLS

#define SHOEBOX_TYPE_WINDOW (shoebox_window_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxWindow, shoebox_window, SHOEBOX, WINDOW, AdwApplicationWindow)

ShoeboxWindow         *shoebox_window_new                 (AdwApplication    *application);
void                   shoebox_window_set_collection      (ShoeboxWindow     *self,
                                                           ShoeboxCollection *collection);
void                   shoebox_window_set_photos          (ShoeboxWindow     *self,
                                                           ShoeboxPhotos     *photos);
void                   shoebox_window_set_backups         (ShoeboxWindow        *self,
                                                           ShoeboxBackupService *backups);
void                   shoebox_window_set_news            (ShoeboxWindow      *self,
                                                           ShoeboxNewsService *news);
ShoeboxCollectionPage *shoebox_window_get_collection_page (ShoeboxWindow     *self);
ShoeboxComparePage    *shoebox_window_get_compare_page    (ShoeboxWindow     *self);
ShoeboxNewsPage       *shoebox_window_get_news_page       (ShoeboxWindow     *self);
void                   shoebox_window_show_database_error (ShoeboxWindow     *self,
                                                           const GError      *error);

G_END_DECLS
