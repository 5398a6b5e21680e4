/* shoebox-news-store-fetch-results.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-news-store"

#include "config.h"

#include "shoebox-news-store-private.h"

#include "shoebox-news-private.h"

#include <string.h>

/* What a fetch found, recorded by the fetcher: the feed's items, and the
 * source's health.
 */

/* An item's identity within its source: the feed's id, else its link,
 * else its title and date. The prefixes keep an id that looks like a
 * link from meeting that link.
 */
static char *
dup_item_key (ShoeboxFeedItem *item)
{
  GDateTime *date = item->published != NULL ? item->published : item->updated;
  g_autofree char *date_text = NULL;

  if (item->id != NULL && item->id[0] != '\0')
    return g_strconcat ("id:", item->id, NULL);
  if (item->link != NULL && item->link[0] != '\0')
    return g_strconcat ("link:", item->link, NULL);
  if (item->title == NULL || item->title[0] == '\0')
    return NULL;

  date_text = _shoebox_news_store_format_date (date);
  return g_strconcat ("title:", item->title, "\n", date_text != NULL ? date_text : "", NULL);
}

typedef struct
{
  ShoeboxNewsStore  *self;
  ShoeboxNewsSource *source;
  ShoeboxFeed       *feed;
  const char        *etag;
  const char        *last_modified;
  GDateTime         *next_refresh;
  guint              n_new;
  guint              n_updated;
} RecordSuccess;

/* What the feed says about an article, in the order both SQL_INSERT_ITEM
 * and SQL_UPDATE_ITEM take it from the parameter @first on.
 */
static void
bind_article (ShoeboxStatement      *stmt,
              int                    first,
              const ShoeboxFeedItem *item,
              const char            *link,
              const char            *thumbnail,
              const char            *published)
{
  shoebox_statement_bind_text (stmt, first, item->title);
  shoebox_statement_bind_text (stmt, first + 1, link);
  shoebox_statement_bind_text (stmt, first + 2, item->summary);
  shoebox_statement_bind_text (stmt, first + 3, thumbnail);
  shoebox_statement_bind_text (stmt, first + 4, item->author);
  shoebox_statement_bind_text (stmt, first + 5, published);
}

static gboolean
store_item (ShoeboxNewsStore  *self,
            RecordSuccess     *record,
            ShoeboxFeedItem   *item,
            GDateTime         *now,
            const char        *now_text,
            const char        *cutoff_text,
            GError           **error)
{
  g_autofree char *key = dup_item_key (item);
  g_autofree char *published = NULL;
  const char *link = shoebox_feed_uri_is_web (item->link) ? item->link : NULL;
  const char *thumbnail = shoebox_feed_uri_is_web (item->thumbnail) ? item->thumbnail : NULL;
  g_autofree char *sort_date = NULL;
  GDateTime *date = item->published != NULL ? item->published : item->updated;
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gint64 existing;

  if (key == NULL)
    return TRUE; /* Nothing to tell it from the next one: not kept. */

  /* Only web links are ever opened or downloaded; the parser resolves
   * relative ones against the feed's address.
   */
  published = _shoebox_news_store_format_date (date);

  stmt = _shoebox_news_store_prepare (self, SQL_FIND_ITEM, error);
  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_int64 (stmt, 1, record->source->id);
  shoebox_statement_bind_text (stmt, 2, key);
  if (!shoebox_database_query_int64 (self->database, stmt, &existing, error))
    return FALSE;

  if (existing != 0)
    {
      stmt = _shoebox_news_store_prepare (self, SQL_UPDATE_ITEM, error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_int64 (stmt, 1, existing);
      bind_article (stmt, 2, item, link, thumbnail, published);
      if (!shoebox_database_step_done (self->database, stmt, error))
        return FALSE;
      if (shoebox_database_changes (self->database) > 0)
        record->n_updated++;
      return TRUE;
    }

  /* A date in the future would pin the item to the top of the list. */
  if (date != NULL && g_date_time_compare (date, now) < 0)
    sort_date = g_strdup (published);
  else
    sort_date = g_strdup (now_text);

  /* Pruned once, never back: a feed that still lists an old item does
   * not bring it back unread.
   */
  if (cutoff_text != NULL && strcmp (sort_date, cutoff_text) < 0)
    return TRUE;

  stmt = _shoebox_news_store_prepare (self, SQL_INSERT_ITEM, error);
  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_int64 (stmt, 1, record->source->id);
  shoebox_statement_bind_text (stmt, 2, key);
  bind_article (stmt, 3, item, link, thumbnail, published);
  shoebox_statement_bind_text (stmt, 9, now_text);
  shoebox_statement_bind_text (stmt, 10, sort_date);
  if (!shoebox_database_step_done (self->database, stmt, error))
    return FALSE;

  record->n_new++;
  return TRUE;
}

static gboolean
record_success_in_transaction (ShoeboxDatabase  *database,
                               gpointer          user_data,
                               GError          **error)
{
  RecordSuccess *record = user_data;
  ShoeboxNewsStore *self = record->self;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = _shoebox_news_store_format_date (now);
  g_autofree char *next_text = _shoebox_news_store_format_date (record->next_refresh);
  g_autofree char *cutoff_text = NULL;
  g_autoptr(ShoeboxStatement) stmt = NULL;

  if (self->max_age_days > 0)
    {
      g_autoptr(GDateTime) cutoff = g_date_time_add_days (now, -(int) self->max_age_days);

      cutoff_text = _shoebox_news_store_format_date (cutoff);
    }

  stmt = _shoebox_news_store_prepare (self, SQL_RECORD_SUCCESS, error);
  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_int64 (stmt, 1, record->source->id);
  shoebox_statement_bind_text (stmt, 2, record->etag);
  shoebox_statement_bind_text (stmt, 3, record->last_modified);
  shoebox_statement_bind_text (stmt, 4, now_text);
  shoebox_statement_bind_text (stmt, 5, next_text);
  if (!shoebox_database_step_done (self->database, stmt, error))
    return FALSE;

  if (record->feed == NULL)
    return TRUE; /* 304 Not Modified: nothing else changed. */

  if (record->feed->title != NULL && record->feed->title[0] != '\0')
    {
      g_autofree char *title = _shoebox_news_store_dup_clean_title (record->feed->title);

      stmt = _shoebox_news_store_prepare (self, SQL_FILL_SOURCE_TITLE, error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_int64 (stmt, 1, record->source->id);
      shoebox_statement_bind_text (stmt, 2, title);
      if (!shoebox_database_step_done (self->database, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < record->feed->items->len; i++)
    if (!store_item (self, record, g_ptr_array_index (record->feed->items, i),
                     now, now_text, cutoff_text, error))
      return FALSE;

  return TRUE;
}

/**
 * shoebox_news_store_record_success:
 * @self: a #ShoeboxNewsStore
 * @source: the source that was fetched
 * @feed: (nullable): what it gave, or %NULL when it was not modified (304)
 * @etag: (nullable): the answer's ETag, for the next conditional GET
 * @last_modified: (nullable): the answer's Last-Modified
 * @next_refresh: (nullable): when the source is next due
 * @n_new: (out) (optional): how many items were added
 * @error: return location for a #GError
 *
 * Stores the feed's items in one transaction: new items are added unread,
 * known ones (same key) get the feed's text again and keep the user's
 * read, starred and hidden state. The source's health is reset.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_news_store_record_success (ShoeboxNewsStore   *self,
                                   ShoeboxNewsSource  *source,
                                   ShoeboxFeed        *feed,
                                   const char         *etag,
                                   const char         *last_modified,
                                   GDateTime          *next_refresh,
                                   guint              *n_new,
                                   GError            **error)
{
  RecordSuccess record = { self, source, feed, etag, last_modified, next_refresh, 0, 0 };

  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), FALSE);
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SOURCE (source), FALSE);

  if (n_new != NULL)
    *n_new = 0;

  if (!_shoebox_news_store_write_transaction (self, record_success_in_transaction, &record, error))
    return FALSE;
  if (!_shoebox_news_store_reload_sources (self, error))
    return FALSE;

  if (record.n_new > 0 || record.n_updated > 0)
    _shoebox_news_store_emit_items_changed (self);
  if (n_new != NULL)
    *n_new = record.n_new;
  return TRUE;
}

typedef struct
{
  ShoeboxNewsStore     *self;
  ShoeboxNewsSource    *source;
  ShoeboxNewsErrorKind  kind;
  const char           *message;
  GDateTime            *next_refresh;
} RecordFailure;

static gboolean
record_failure_in_transaction (ShoeboxDatabase  *database,
                               gpointer          user_data,
                               GError          **error)
{
  RecordFailure *record = user_data;
  ShoeboxNewsStore *self = record->self;
  g_autofree char *next_text = _shoebox_news_store_format_date (record->next_refresh);
  g_autoptr(ShoeboxStatement) stmt = _shoebox_news_store_prepare (self, SQL_RECORD_FAILURE, error);

  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_int64 (stmt, 1, record->source->id);
  shoebox_statement_bind_text (stmt, 2, record->message);
  shoebox_statement_bind_int64 (stmt, 3, record->kind);
  shoebox_statement_bind_text (stmt, 4, next_text);
  return shoebox_database_step_done (self->database, stmt, error);
}

/**
 * shoebox_news_store_record_failure:
 * @self: a #ShoeboxNewsStore
 * @source: the source that failed
 * @kind: why, as a kind
 * @message: why, in plain words for the user
 * @next_refresh: (nullable): when to try again
 * @error: return location for a #GError
 *
 * Keeps the last success, the validators and every item: a failure only
 * changes the source's health.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_news_store_record_failure (ShoeboxNewsStore      *self,
                                   ShoeboxNewsSource     *source,
                                   ShoeboxNewsErrorKind   kind,
                                   const char            *message,
                                   GDateTime             *next_refresh,
                                   GError               **error)
{
  RecordFailure record = { self, source, kind, message, next_refresh };

  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), FALSE);
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SOURCE (source), FALSE);
  g_return_val_if_fail (kind != SHOEBOX_NEWS_ERROR_KIND_NONE, FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  return _shoebox_news_store_write_transaction (self, record_failure_in_transaction, &record, error) && _shoebox_news_store_reload_sources (self, error);
}
