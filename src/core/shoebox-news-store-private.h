/* shoebox-news-store-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "shoebox-news-store.h"

G_BEGIN_DECLS

/* The news store is split over files by what it does: the object, its
 * statements and row readers (shoebox-news-store.c), the sources
 * (-sources.c), what a fetch found (-fetch-results.c), the items
 * (-items.c), OPML (-opml.c) and source addresses (-urls.c). They share
 * the struct and the helpers declared here. The item list model is
 * shoebox-news-item-list.c.
 */

struct _ShoeboxNewsStore
{
  GObject          parent_instance;

  ShoeboxDatabase *database;
  GListStore      *sources;
  guint            max_age_days;
};

/* Every statement of the store, prepared once by shoebox_database_prepare(). */
typedef enum
{
  SQL_LIST_SOURCES,
  SQL_INSERT_SOURCE,
  SQL_SOURCE_ID_FOR_URL,
  SQL_RENAME_SOURCE,
  SQL_ENABLE_SOURCE,
  SQL_DELETE_SOURCE,
  SQL_MOVE_SOURCE,
  SQL_RECORD_SUCCESS,
  SQL_RECORD_FAILURE,
  SQL_FILL_SOURCE_TITLE,
  SQL_FIND_ITEM,
  SQL_INSERT_ITEM,
  SQL_UPDATE_ITEM,
  SQL_QUERY_ITEMS,
  SQL_COUNT_UNREAD,
  SQL_SET_READ,
  SQL_SET_STARRED,
  SQL_SET_HIDDEN,
  SQL_MARK_ALL_READ,
  SQL_PRUNE,
  N_SQL
} Sql;

typedef struct
{
  ShoeboxNewsStore *self;
  const char       *url;
  const char       *title;
  gint64            id;
} AddSource;

typedef struct
{
  ShoeboxNewsStore *self;
  Sql               sql;
  gint64            id;
  const char       *text;
  gint64            number;
  gboolean          use_number;
} SimpleUpdate;

ShoeboxStatement      *_shoebox_news_store_prepare                   (ShoeboxNewsStore          *self,
                                                                  Sql                        sql,
                                                                  GError                   **error);
char              *_shoebox_news_store_format_date               (GDateTime                 *date_time);
ShoeboxNewsSource *_shoebox_news_store_source_from_row           (ShoeboxStatement              *stmt);
ShoeboxNewsItem   *_shoebox_news_store_item_from_row             (ShoeboxStatement              *stmt);
void               _shoebox_news_store_emit_items_changed        (ShoeboxNewsStore          *self);
gboolean           _shoebox_news_store_write_transaction         (ShoeboxNewsStore          *self,
                                                                  ShoeboxDatabaseWriteFunc   func,
                                                                  gpointer                   user_data,
                                                                  GError                   **error);
gboolean           _shoebox_news_store_simple_update             (ShoeboxNewsStore          *self,
                                                                  SimpleUpdate              *update,
                                                                  GError                   **error);

gboolean           _shoebox_news_store_reload_sources            (ShoeboxNewsStore          *self,
                                                                  GError                   **error);
char              *_shoebox_news_store_dup_clean_title           (const char                *title);
gboolean           _shoebox_news_store_add_source_in_transaction (ShoeboxDatabase           *database,
                                                                  gpointer                   user_data,
                                                                  GError                   **error);

G_END_DECLS
