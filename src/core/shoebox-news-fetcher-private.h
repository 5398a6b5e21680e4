/* shoebox-news-fetcher-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "shoebox-news-fetcher.h"

G_BEGIN_DECLS

/* The fetcher is split over files by what it does: the object and its
 * properties (shoebox-news-fetcher.c), one fetch (-fetch.c), parsing a
 * body (-parse.c), a refresh (-refresh.c), adding a source (-add-source.c),
 * feed discovery (-discovery.c) and downloads (-download.c). They share
 * the struct and the helpers declared here.
 */

struct _ShoeboxNewsFetcher
{
  GObject           parent_instance;

  ShoeboxNewsStore *store;
  SoupSession      *session;
  GNetworkMonitor  *network_monitor;
  guint             max_body_size;
  guint             max_concurrent;
  guint             max_redirects;
  guint             fetch_deadline;
  guint             refresh_interval;

  gboolean          busy;
  guint             n_done;
  guint             n_total;
  gboolean          offline;
  guint             n_new;
};

/* What one GET found. A failure the user should see (a 404, a timeout)
 * is a result with @error set, not a failed task: the task fails only
 * when it was cancelled.
 */
typedef struct
{
  GError    *error;
  gboolean   not_modified;
  GBytes    *body;
  char      *content_type; /* the media type alone: "text/html" */
  char      *charset;      /* the Content-Type's charset parameter, or NULL */
  char      *final_url;
  char      *permanent_url;
  char      *etag;
  char      *last_modified;
  GDateTime *retry_after;
} FetchResult;

void         _shoebox_news_fetcher_fetch_result_free (FetchResult          *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FetchResult, _shoebox_news_fetcher_fetch_result_free)

void         _shoebox_news_fetcher_fetch_full_async  (ShoeboxNewsFetcher   *self,
                                                      const char           *url,
                                                      const char           *etag,
                                                      const char           *last_modified,
                                                      const char           *accept,
                                                      gsize                 max_size,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
void         _shoebox_news_fetcher_fetch_async       (ShoeboxNewsFetcher   *self,
                                                      const char           *url,
                                                      const char           *etag,
                                                      const char           *last_modified,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
FetchResult *_shoebox_news_fetcher_fetch_finish      (ShoeboxNewsFetcher   *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

void         _shoebox_news_fetcher_parse_async       (FetchResult          *result,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
ShoeboxFeed *_shoebox_news_fetcher_parse_finish      (GAsyncResult         *result,
                                                      GError              **error);

GDateTime   *_shoebox_news_fetcher_dup_next_refresh  (ShoeboxNewsFetcher   *self,
                                                      GDateTime            *retry_after);

void         _shoebox_news_fetcher_set_progress      (ShoeboxNewsFetcher   *self,
                                                      gboolean              busy,
                                                      guint                 n_done,
                                                      guint                 n_total);
void         _shoebox_news_fetcher_set_offline       (ShoeboxNewsFetcher   *self,
                                                      gboolean              offline);
void         _shoebox_news_fetcher_set_n_new         (ShoeboxNewsFetcher   *self,
                                                      guint                 n_new);

G_END_DECLS
