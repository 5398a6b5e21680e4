/* shoebox-test-news.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "shoebox-database.h"
#include "shoebox-news-fetcher.h"
#include "shoebox-news-store.h"

G_BEGIN_DECLS

typedef struct
{
  ShoeboxDatabase    *db;
  ShoeboxNewsStore   *store;
  ShoeboxNewsFetcher *fetcher;
  SoupSession        *session;
  SoupServer         *server;
  char               *base;
  GPtrArray          *paused;

  /* What the feed at /feed.xml serves, and how it was asked for. */
  char               *feed_body;
  char               *feed_etag;
  guint               n_feed_full;
  guint               n_feed_not_modified;
  guint               n_requests;
  guint               n_slow_in_flight;
  guint               max_slow_in_flight;
} ShoeboxTestNews;

char              *shoebox_test_news_rfc822               (GDateTime            *date);
char              *shoebox_test_news_hours_ago            (int                   hours);
char              *shoebox_test_news_make_feed            (const char           *channel_title,
                                                           const char           *first_title,
                                                           const char           *extra);
char              *shoebox_test_news_url                  (ShoeboxTestNews      *fixture,
                                                           const char           *path);
void               shoebox_test_news_remove_all_sources   (ShoeboxTestNews      *fixture);
void               shoebox_test_news_set_up               (ShoeboxTestNews      *fixture,
                                                           gconstpointer         data);
void               shoebox_test_news_tear_down            (ShoeboxTestNews      *fixture,
                                                           gconstpointer         data);
gboolean           shoebox_test_news_refresh              (ShoeboxTestNews      *fixture,
                                                           GPtrArray            *sources,
                                                           GCancellable         *cancellable,
                                                           GError              **error);
ShoeboxNewsSource *shoebox_test_news_add_source           (ShoeboxTestNews      *fixture,
                                                           const char           *path);
ShoeboxNewsSource *shoebox_test_news_fetch_one            (ShoeboxTestNews      *fixture,
                                                           const char           *path);
GPtrArray         *shoebox_test_news_items_of             (ShoeboxTestNews      *fixture,
                                                           ShoeboxNewsSource    *source);
ShoeboxNewsItem   *shoebox_test_news_find_item            (GPtrArray            *items,
                                                           const char           *title);
void               shoebox_test_news_assert_failed_with   (ShoeboxNewsSource    *source,
                                                           ShoeboxNewsErrorKind  kind,
                                                           const char           *message);

G_END_DECLS
