/* shoebox-news-fetcher.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "shoebox-news-store.h"

G_BEGIN_DECLS

/* Defaults; each is a property of the fetcher. */
#define SHOEBOX_NEWS_MAX_BODY_SIZE    (8 * 1024 * 1024)
#define SHOEBOX_NEWS_MAX_CONCURRENT   4
#define SHOEBOX_NEWS_MAX_REDIRECTS    5
#define SHOEBOX_NEWS_TIMEOUT          30
#define SHOEBOX_NEWS_FETCH_DEADLINE   120
#define SHOEBOX_NEWS_REFRESH_INTERVAL (30 * 60)

/**
 * ShoeboxNewsRefreshFlags:
 * @SHOEBOX_NEWS_REFRESH_NONE: fetch every source given
 * @SHOEBOX_NEWS_REFRESH_ONLY_DUE: skip the sources whose next refresh has
 *   not come (a 429's Retry-After included)
 */
typedef enum
{
  SHOEBOX_NEWS_REFRESH_NONE     = 0,
  SHOEBOX_NEWS_REFRESH_ONLY_DUE = 1 << 0,
} ShoeboxNewsRefreshFlags;

#define SHOEBOX_TYPE_NEWS_FETCHER (shoebox_news_fetcher_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxNewsFetcher, shoebox_news_fetcher, SHOEBOX, NEWS_FETCHER, GObject)

SoupSession        *shoebox_news_create_session              (void);

ShoeboxNewsFetcher *shoebox_news_fetcher_new                  (ShoeboxNewsStore         *store,
                                                               SoupSession              *session);
ShoeboxNewsStore   *shoebox_news_fetcher_get_store            (ShoeboxNewsFetcher       *self);
SoupSession        *shoebox_news_fetcher_get_session          (ShoeboxNewsFetcher       *self);
void                shoebox_news_fetcher_set_network_monitor  (ShoeboxNewsFetcher       *self,
                                                               GNetworkMonitor          *monitor);
void                shoebox_news_fetcher_set_max_body_size    (ShoeboxNewsFetcher       *self,
                                                               guint                     max_body_size);
void                shoebox_news_fetcher_set_fetch_deadline   (ShoeboxNewsFetcher       *self,
                                                               guint                     seconds);
void                shoebox_news_fetcher_set_refresh_interval (ShoeboxNewsFetcher       *self,
                                                               guint                     seconds);
gboolean            shoebox_news_fetcher_get_busy             (ShoeboxNewsFetcher       *self);
guint               shoebox_news_fetcher_get_n_done           (ShoeboxNewsFetcher       *self);
guint               shoebox_news_fetcher_get_n_total          (ShoeboxNewsFetcher       *self);
gboolean            shoebox_news_fetcher_get_offline          (ShoeboxNewsFetcher       *self);
guint               shoebox_news_fetcher_get_n_new            (ShoeboxNewsFetcher       *self);

void                shoebox_news_fetcher_refresh_async        (ShoeboxNewsFetcher       *self,
                                                               GPtrArray                *sources,
                                                               ShoeboxNewsRefreshFlags   flags,
                                                               GCancellable             *cancellable,
                                                               GAsyncReadyCallback       callback,
                                                               gpointer                  user_data);
gboolean            shoebox_news_fetcher_refresh_finish       (ShoeboxNewsFetcher       *self,
                                                               GAsyncResult             *result,
                                                               GError                  **error);

void                shoebox_news_fetcher_add_source_async     (ShoeboxNewsFetcher       *self,
                                                               const char               *url,
                                                               GCancellable             *cancellable,
                                                               GAsyncReadyCallback       callback,
                                                               gpointer                  user_data);
ShoeboxNewsSource  *shoebox_news_fetcher_add_source_finish    (ShoeboxNewsFetcher       *self,
                                                               GAsyncResult             *result,
                                                               GError                  **error);

void                shoebox_news_fetcher_download_async       (ShoeboxNewsFetcher       *self,
                                                               const char               *url,
                                                               gsize                     max_size,
                                                               GCancellable             *cancellable,
                                                               GAsyncReadyCallback       callback,
                                                               gpointer                  user_data);
GBytes             *shoebox_news_fetcher_download_finish      (ShoeboxNewsFetcher       *self,
                                                               GAsyncResult             *result,
                                                               char                    **content_type,
                                                               GError                  **error);

char               *shoebox_news_discover_feed                (GBytes                   *html,
                                                               const char               *page_url);

G_END_DECLS
