/* shoebox-news-thumbnails.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "shoebox-news-fetcher.h"

G_BEGIN_DECLS

/* The largest image downloaded, and the size thumbnails are kept at. */
#define SHOEBOX_NEWS_THUMBNAIL_MAX_BYTES  (4 * 1024 * 1024)
#define SHOEBOX_NEWS_THUMBNAIL_MAX_PIXELS (40 * 1000 * 1000)
#define SHOEBOX_NEWS_THUMBNAIL_WIDTH      240

#define SHOEBOX_TYPE_NEWS_THUMBNAILS (shoebox_news_thumbnails_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxNewsThumbnails, shoebox_news_thumbnails, SHOEBOX, NEWS_THUMBNAILS, GObject)

ShoeboxNewsThumbnails *shoebox_news_thumbnails_new         (ShoeboxNewsFetcher     *fetcher,
                                                            const char             *cache_dir);
GdkTexture            *shoebox_news_thumbnails_lookup      (ShoeboxNewsThumbnails  *self,
                                                            const char             *url);
void                   shoebox_news_thumbnails_load_async  (ShoeboxNewsThumbnails  *self,
                                                            const char             *url,
                                                            GCancellable           *cancellable,
                                                            GAsyncReadyCallback     callback,
                                                            gpointer                user_data);
GdkTexture            *shoebox_news_thumbnails_load_finish (ShoeboxNewsThumbnails  *self,
                                                            GAsyncResult           *result,
                                                            GError                **error);

G_END_DECLS
