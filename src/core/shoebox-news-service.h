/* shoebox-news-service.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "shoebox-collection.h"
#include "shoebox-mentions.h"
#include "shoebox-news-fetcher.h"
#include "shoebox-news-store.h"

G_BEGIN_DECLS

#define SHOEBOX_NEWS_NOTIFICATION_ID "news-mention"

#define SHOEBOX_TYPE_NEWS_SERVICE (shoebox_news_service_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxNewsService, shoebox_news_service, SHOEBOX, NEWS_SERVICE, GObject)

ShoeboxNewsService *shoebox_news_service_new               (GApplication        *application,
                                                            ShoeboxDatabase     *database,
                                                            ShoeboxCollection   *collection,
                                                            SoupSession         *session,
                                                            GError             **error);
ShoeboxNewsStore   *shoebox_news_service_get_store         (ShoeboxNewsService  *self);
ShoeboxNewsFetcher *shoebox_news_service_get_fetcher       (ShoeboxNewsService  *self);
ShoeboxMentions    *shoebox_news_service_get_mentions      (ShoeboxNewsService  *self);
void                shoebox_news_service_start             (ShoeboxNewsService  *self);
void                shoebox_news_service_refresh           (ShoeboxNewsService  *self);
void                shoebox_news_service_add_source_async  (ShoeboxNewsService  *self,
                                                            const char          *url,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
ShoeboxNewsSource  *shoebox_news_service_add_source_finish (ShoeboxNewsService  *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void                shoebox_news_service_shutdown          (ShoeboxNewsService  *self);

G_END_DECLS
