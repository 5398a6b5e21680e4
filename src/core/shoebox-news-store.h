/* shoebox-news-store.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "shoebox-database.h"
#include "shoebox-feed-parser.h"
#include "shoebox-news-item.h"
#include "shoebox-news-source.h"

G_BEGIN_DECLS

/**
 * ShoeboxNewsFilter:
 * @SHOEBOX_NEWS_FILTER_ALL: every item that is not hidden
 * @SHOEBOX_NEWS_FILTER_UNREAD: unread items only
 * @SHOEBOX_NEWS_FILTER_STARRED: starred items only
 * @SHOEBOX_NEWS_FILTER_MENTIONS: items that mention a pair the user owns
 *   or wants (as found by #ShoeboxMentions)
 *
 * Which items a list shows; a source id narrows any of them further.
 */
typedef enum
{
  SHOEBOX_NEWS_FILTER_ALL,
  SHOEBOX_NEWS_FILTER_UNREAD,
  SHOEBOX_NEWS_FILTER_STARRED,
  SHOEBOX_NEWS_FILTER_MENTIONS,
} ShoeboxNewsFilter;

/* The largest OPML file accepted, in bytes. */
#define SHOEBOX_NEWS_MAX_OPML (4 * 1024 * 1024)

/* How long items are kept unless starred, unless told otherwise. */
#define SHOEBOX_NEWS_DEFAULT_MAX_AGE_DAYS 30

#define SHOEBOX_TYPE_NEWS_STORE (shoebox_news_store_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxNewsStore, shoebox_news_store, SHOEBOX, NEWS_STORE, GObject)

char              *shoebox_news_normalize_url            (const char         *url,
                                                          GError            **error);
char              *shoebox_news_dup_search_feed_url      (const char * const *terms);

ShoeboxNewsStore  *shoebox_news_store_new                (ShoeboxDatabase    *database,
                                                          GError            **error);
ShoeboxDatabase   *shoebox_news_store_get_database       (ShoeboxNewsStore   *self);
guint              shoebox_news_store_get_max_age_days   (ShoeboxNewsStore   *self);
void               shoebox_news_store_set_max_age_days   (ShoeboxNewsStore   *self,
                                                          guint               days);

/* Sources */
GListModel        *shoebox_news_store_get_sources        (ShoeboxNewsStore   *self);
ShoeboxNewsSource *shoebox_news_store_lookup_source      (ShoeboxNewsStore   *self,
                                                          gint64              id);
ShoeboxNewsSource *shoebox_news_store_add_source         (ShoeboxNewsStore   *self,
                                                          const char         *url,
                                                          const char         *title,
                                                          GError            **error);
gboolean           shoebox_news_store_rename_source      (ShoeboxNewsStore   *self,
                                                          ShoeboxNewsSource  *source,
                                                          const char         *title,
                                                          GError            **error);
gboolean           shoebox_news_store_set_source_enabled (ShoeboxNewsStore   *self,
                                                          ShoeboxNewsSource  *source,
                                                          gboolean            enabled,
                                                          GError            **error);
gboolean           shoebox_news_store_remove_source      (ShoeboxNewsStore   *self,
                                                          ShoeboxNewsSource  *source,
                                                          GError            **error);

/* What a fetch found, recorded by the fetcher */
gboolean           shoebox_news_store_record_success     (ShoeboxNewsStore   *self,
                                                          ShoeboxNewsSource  *source,
                                                          ShoeboxFeed        *feed,
                                                          const char         *etag,
                                                          const char         *last_modified,
                                                          GDateTime          *next_refresh,
                                                          guint              *n_new,
                                                          GError            **error);
gboolean           shoebox_news_store_record_failure     (ShoeboxNewsStore   *self,
                                                          ShoeboxNewsSource  *source,
                                                          ShoeboxNewsErrorKind kind,
                                                          const char         *message,
                                                          GDateTime          *next_refresh,
                                                          GError            **error);
gboolean           shoebox_news_store_move_source        (ShoeboxNewsStore   *self,
                                                          ShoeboxNewsSource  *source,
                                                          const char         *url,
                                                          GError            **error);

/* Items */
GPtrArray         *shoebox_news_store_query_items        (ShoeboxNewsStore   *self,
                                                          ShoeboxNewsFilter   filter,
                                                          gint64              source_id,
                                                          const char         *search,
                                                          GError            **error);
GListModel        *shoebox_news_store_list_items         (ShoeboxNewsStore   *self,
                                                          ShoeboxNewsFilter   filter,
                                                          gint64              source_id,
                                                          const char         *search);
guint              shoebox_news_store_count_unread       (ShoeboxNewsStore   *self,
                                                          gint64              source_id);
gboolean           shoebox_news_store_set_item_read      (ShoeboxNewsStore   *self,
                                                          ShoeboxNewsItem    *item,
                                                          gboolean            read,
                                                          GError            **error);
gboolean           shoebox_news_store_set_item_starred   (ShoeboxNewsStore   *self,
                                                          ShoeboxNewsItem    *item,
                                                          gboolean            starred,
                                                          GError            **error);
gboolean           shoebox_news_store_set_item_hidden    (ShoeboxNewsStore   *self,
                                                          ShoeboxNewsItem    *item,
                                                          gboolean            hidden,
                                                          GError            **error);
gboolean           shoebox_news_store_mark_all_read      (ShoeboxNewsStore   *self,
                                                          gint64              source_id,
                                                          GError            **error);
void               shoebox_news_store_items_changed      (ShoeboxNewsStore   *self);
gboolean           shoebox_news_store_prune              (ShoeboxNewsStore   *self,
                                                          GDateTime          *now,
                                                          guint              *n_removed,
                                                          GError            **error);

/* OPML */
GBytes            *shoebox_news_store_export_opml        (ShoeboxNewsStore   *self,
                                                          GError            **error);
gboolean           shoebox_news_store_import_opml        (ShoeboxNewsStore   *self,
                                                          GBytes             *opml,
                                                          guint              *n_added,
                                                          guint              *n_skipped,
                                                          GError            **error);

#define SHOEBOX_TYPE_NEWS_ITEM_LIST (shoebox_news_item_list_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxNewsItemList, shoebox_news_item_list, SHOEBOX, NEWS_ITEM_LIST, GObject)

ShoeboxNewsFilter  shoebox_news_item_list_get_filter     (ShoeboxNewsItemList *self);
void               shoebox_news_item_list_set_filter     (ShoeboxNewsItemList *self,
                                                          ShoeboxNewsFilter    filter);
gint64             shoebox_news_item_list_get_source_id  (ShoeboxNewsItemList *self);
void               shoebox_news_item_list_set_source_id  (ShoeboxNewsItemList *self,
                                                          gint64               source_id);
const char        *shoebox_news_item_list_get_search     (ShoeboxNewsItemList *self);
void               shoebox_news_item_list_set_search     (ShoeboxNewsItemList *self,
                                                          const char          *search);

G_END_DECLS
