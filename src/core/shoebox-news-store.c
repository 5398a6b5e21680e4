/* shoebox-news-store.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-news-store"

#include "config.h"

#include "shoebox-news-store-private.h"

#include "shoebox-news-private.h"

#include <glib/gi18n.h>

G_DEFINE_FINAL_TYPE (ShoeboxNewsStore, shoebox_news_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_MAX_AGE_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ITEMS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define SOURCE_COLUMNS \
  "id, title, url, enabled, position, etag, last_modified, last_success, " \
  "last_error, last_error_kind, next_refresh"

static const char * const sql_text[N_SQL] = {
  [SQL_LIST_SOURCES] =
    "SELECT " SOURCE_COLUMNS " FROM news_sources ORDER BY position, id",
  [SQL_INSERT_SOURCE] =
    "INSERT INTO news_sources (title, url, position, created_at)"
    "  VALUES (?1, ?2, (SELECT coalesce (max (position), 0) + 1 FROM news_sources), ?3)",
  [SQL_SOURCE_ID_FOR_URL] =
    "SELECT id FROM news_sources WHERE url = ?1",
  [SQL_RENAME_SOURCE] =
    "UPDATE news_sources SET title = ?2 WHERE id = ?1",
  [SQL_ENABLE_SOURCE] =
    "UPDATE news_sources SET enabled = ?2 WHERE id = ?1",
  [SQL_DELETE_SOURCE] =
    "DELETE FROM news_sources WHERE id = ?1",
  [SQL_MOVE_SOURCE] =
    "UPDATE news_sources SET url = ?2, etag = NULL, last_modified = NULL WHERE id = ?1",
  [SQL_RECORD_SUCCESS] =
    "UPDATE news_sources SET etag = ?2, last_modified = ?3, last_success = ?4,"
    "  last_error = NULL, last_error_kind = 0, next_refresh = ?5 WHERE id = ?1",
  [SQL_RECORD_FAILURE] =
    "UPDATE news_sources SET last_error = ?2, last_error_kind = ?3, next_refresh = ?4 WHERE id = ?1",
  [SQL_FILL_SOURCE_TITLE] =
    "UPDATE news_sources SET title = ?2 WHERE id = ?1 AND title = ''",
  [SQL_FIND_ITEM] =
    "SELECT id FROM news_items WHERE source_id = ?1 AND key = ?2",
  [SQL_INSERT_ITEM] =
    "INSERT INTO news_items (source_id, key, title, link, summary, thumbnail_url, author,"
    "                        published, fetched_at, sort_date)"
    "  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  /* Only what the feed says about the article: read, starred and hidden
   * are the user's, and an item keeps the place it was first given.
   */
  [SQL_UPDATE_ITEM] =
    "UPDATE news_items SET title = ?2, link = ?3, summary = ?4, thumbnail_url = ?5,"
    "                      author = ?6, published = ?7"
    "  WHERE id = ?1 AND (title IS NOT ?2 OR link IS NOT ?3 OR summary IS NOT ?4"
    "                     OR thumbnail_url IS NOT ?5 OR author IS NOT ?6 OR published IS NOT ?7)",
  [SQL_QUERY_ITEMS] =
    "SELECT i.id, i.source_id, s.title, i.title, i.link, i.summary, i.thumbnail_url, i.author,"
    "       i.published, i.fetched_at, i.read, i.starred, i.hidden"
    "  FROM news_items i JOIN news_sources s ON s.id = i.source_id"
    "  WHERE i.hidden = 0"
    "    AND (?1 = 0 OR i.read = 0)"
    "    AND (?2 = 0 OR i.starred = 1)"
    "    AND (?3 = 0 OR i.source_id = ?3)"
    "    AND (?5 = 0 OR EXISTS (SELECT 1 FROM news_mentions m WHERE m.item_id = i.id))"
    "    AND (?4 IS NULL OR i.title LIKE ?4 ESCAPE '\\' OR i.summary LIKE ?4 ESCAPE '\\'"
    "         OR s.title LIKE ?4 ESCAPE '\\')"
    "  ORDER BY i.sort_date DESC, i.id DESC",
  [SQL_COUNT_UNREAD] =
    "SELECT count(*) FROM news_items WHERE read = 0 AND hidden = 0 AND (?1 = 0 OR source_id = ?1)",
  [SQL_SET_READ] =
    "UPDATE news_items SET read = ?2 WHERE id = ?1",
  [SQL_SET_STARRED] =
    "UPDATE news_items SET starred = ?2 WHERE id = ?1",
  [SQL_SET_HIDDEN] =
    "UPDATE news_items SET hidden = ?2 WHERE id = ?1",
  [SQL_MARK_ALL_READ] =
    "UPDATE news_items SET read = 1 WHERE read = 0 AND (?1 = 0 OR source_id = ?1)",
  [SQL_PRUNE] =
    "DELETE FROM news_items WHERE starred = 0 AND sort_date < ?1",
};

ShoeboxStatement *
_shoebox_news_store_prepare (ShoeboxNewsStore  *self,
                             Sql                sql,
                             GError           **error)
{
  g_return_val_if_fail (sql < N_SQL, NULL);

  return shoebox_database_prepare_for (self->database, sql_text[sql],
                                       _("The news could not be read or saved"), error);
}

/* Dates are stored as ISO 8601 in UTC, to the second, so text order is
 * time order.
 */
char *
_shoebox_news_store_format_date (GDateTime *date_time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (date_time == NULL)
    return NULL;

  utc = g_date_time_to_utc (date_time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static GDateTime *
parse_date (const char *text)
{
  if (text == NULL)
    return NULL;
  return g_date_time_new_from_iso8601 (text, NULL);
}

static char *
dup_column_text (ShoeboxStatement *stmt,
                 int           column)
{
  return g_strdup (shoebox_statement_column_text (stmt, column));
}

ShoeboxNewsSource *
_shoebox_news_store_source_from_row (ShoeboxStatement *stmt)
{
  ShoeboxNewsSource *source = g_object_new (SHOEBOX_TYPE_NEWS_SOURCE, NULL);

  source->id = shoebox_statement_column_int64 (stmt, 0);
  source->title = dup_column_text (stmt, 1);
  source->url = dup_column_text (stmt, 2);
  source->enabled = shoebox_statement_column_int (stmt, 3) != 0;
  source->position = shoebox_statement_column_int (stmt, 4);
  source->etag = dup_column_text (stmt, 5);
  source->last_modified = dup_column_text (stmt, 6);
  source->last_success = parse_date (shoebox_statement_column_text (stmt, 7));
  source->last_error = dup_column_text (stmt, 8);
  source->last_error_kind = shoebox_statement_column_int (stmt, 9);
  source->next_refresh = parse_date (shoebox_statement_column_text (stmt, 10));

  return source;
}

ShoeboxNewsItem *
_shoebox_news_store_item_from_row (ShoeboxStatement *stmt)
{
  ShoeboxNewsItem *item = g_object_new (SHOEBOX_TYPE_NEWS_ITEM, NULL);

  item->id = shoebox_statement_column_int64 (stmt, 0);
  item->source_id = shoebox_statement_column_int64 (stmt, 1);
  item->source_title = dup_column_text (stmt, 2);
  item->title = dup_column_text (stmt, 3);
  item->link = dup_column_text (stmt, 4);
  item->summary = dup_column_text (stmt, 5);
  item->thumbnail_url = dup_column_text (stmt, 6);
  item->author = dup_column_text (stmt, 7);
  item->published = parse_date (shoebox_statement_column_text (stmt, 8));
  item->fetched_at = parse_date (shoebox_statement_column_text (stmt, 9));
  item->read = shoebox_statement_column_int (stmt, 10) != 0;
  item->starred = shoebox_statement_column_int (stmt, 11) != 0;
  item->hidden = shoebox_statement_column_int (stmt, 12) != 0;

  return item;
}

void
_shoebox_news_store_emit_items_changed (ShoeboxNewsStore *self)
{
  g_signal_emit (self, signals[ITEMS_CHANGED], 0);
}

static void
shoebox_news_store_dispose (GObject *object)
{
  ShoeboxNewsStore *self = SHOEBOX_NEWS_STORE (object);

  g_clear_object (&self->sources);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (shoebox_news_store_parent_class)->dispose (object);
}

static void
shoebox_news_store_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ShoeboxNewsStore *self = SHOEBOX_NEWS_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_MAX_AGE_DAYS:
      g_value_set_uint (value, self->max_age_days);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_news_store_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ShoeboxNewsStore *self = SHOEBOX_NEWS_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_MAX_AGE_DAYS:
      shoebox_news_store_set_max_age_days (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_news_store_class_init (ShoeboxNewsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = shoebox_news_store_dispose;
  object_class->get_property = shoebox_news_store_get_property;
  object_class->set_property = shoebox_news_store_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SHOEBOX_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxNewsStore:max-age-days:
   *
   * Items older than this are pruned unless starred, and not stored when
   * a feed still lists them; 0 keeps everything.
   */
  properties[PROP_MAX_AGE_DAYS] =
    g_param_spec_uint ("max-age-days", NULL, NULL, 0, 36500, SHOEBOX_NEWS_DEFAULT_MAX_AGE_DAYS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ShoeboxNewsStore::items-changed:
   *
   * Emitted after items were written: added, updated, marked or removed.
   * Item lists reload on it.
   */
  signals[ITEMS_CHANGED] =
    g_signal_new ("items-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
shoebox_news_store_init (ShoeboxNewsStore *self)
{
  self->max_age_days = SHOEBOX_NEWS_DEFAULT_MAX_AGE_DAYS;
  self->sources = g_list_store_new (SHOEBOX_TYPE_NEWS_SOURCE);
}

/**
 * shoebox_news_store_get_database:
 * @self: a #ShoeboxNewsStore
 *
 * Returns: (transfer none): the database
 */
ShoeboxDatabase *
shoebox_news_store_get_database (ShoeboxNewsStore *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), NULL);

  return self->database;
}

guint
shoebox_news_store_get_max_age_days (ShoeboxNewsStore *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), 0);

  return self->max_age_days;
}

void
shoebox_news_store_set_max_age_days (ShoeboxNewsStore *self,
                                     guint             days)
{
  g_return_if_fail (SHOEBOX_IS_NEWS_STORE (self));

  days = MIN (days, 36500);
  if (self->max_age_days == days)
    return;
  self->max_age_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_AGE_DAYS]);
}

/* Every transaction's data starts with the store. */
gboolean
_shoebox_news_store_write_transaction (ShoeboxNewsStore          *self,
                                       ShoeboxDatabaseWriteFunc   func,
                                       gpointer                   user_data,
                                       GError                   **error)
{
  g_assert (*(ShoeboxNewsStore **) user_data == self);

  return shoebox_database_write (self->database, func, user_data, error);
}

static gboolean
simple_update_in_transaction (ShoeboxDatabase  *database,
                              gpointer          user_data,
                              GError          **error)
{
  SimpleUpdate *update = user_data;
  ShoeboxNewsStore *self = update->self;
  g_autoptr(ShoeboxStatement) stmt = _shoebox_news_store_prepare (self, update->sql, error);

  if (stmt == NULL)
    return FALSE;

  shoebox_statement_bind_int64 (stmt, 1, update->id);
  if (update->use_number)
    shoebox_statement_bind_int64 (stmt, 2, update->number);
  else if (sqlite3_bind_parameter_count (stmt) >= 2)
    shoebox_statement_bind_text (stmt, 2, update->text);

  return shoebox_database_step_done (self->database, stmt, error);
}

gboolean
_shoebox_news_store_simple_update (ShoeboxNewsStore  *self,
                                   SimpleUpdate      *update,
                                   GError           **error)
{
  return _shoebox_news_store_write_transaction (self, simple_update_in_transaction, update, error);
}
