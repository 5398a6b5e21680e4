/* shoebox-news-store.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-news-store"

#include "config.h"

#include "shoebox-news-store.h"

#include "shoebox-news-private.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

struct _ShoeboxNewsStore
{
  GObject          parent_instance;

  ShoeboxDatabase *database;
  GListStore      *sources;
  guint            max_age_days;
};

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

static sqlite3_stmt *
prepare (ShoeboxNewsStore  *self,
         Sql                sql,
         GError           **error)
{
  return shoebox_database_prepare (self->database, sql_text[sql], error);
}

static void
set_sqlite_error (ShoeboxNewsStore  *self,
                  GError           **error)
{
  sqlite3 *handle = shoebox_database_get_handle (self->database);
  int code = sqlite3_extended_errcode (handle);

  g_set_error (error, SHOEBOX_DATABASE_ERROR,
               (code & 0xff) == SQLITE_CONSTRAINT ? SHOEBOX_DATABASE_ERROR_CONSTRAINT
                                                  : SHOEBOX_DATABASE_ERROR_FAILED,
               _("The news could not be saved: %s"), sqlite3_errmsg (handle));
}

/* Runs a statement that returns no rows. */
static gboolean
step_done (ShoeboxNewsStore  *self,
           sqlite3_stmt      *stmt,
           GError           **error)
{
  int result = sqlite3_step (stmt);

  if (result != SQLITE_DONE)
    {
      set_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Dates are stored as ISO 8601 in UTC, to the second, so text order is
 * time order.
 */
static char *
format_date (GDateTime *date_time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (date_time == NULL)
    return NULL;

  utc = g_date_time_to_utc (date_time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static GDateTime *
parse_date (const unsigned char *text)
{
  if (text == NULL)
    return NULL;
  return g_date_time_new_from_iso8601 ((const char *) text, NULL);
}

static char *
dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static ShoeboxNewsSource *
source_from_row (sqlite3_stmt *stmt)
{
  ShoeboxNewsSource *source = g_object_new (SHOEBOX_TYPE_NEWS_SOURCE, NULL);

  source->id = sqlite3_column_int64 (stmt, 0);
  source->title = dup_column_text (stmt, 1);
  source->url = dup_column_text (stmt, 2);
  source->enabled = sqlite3_column_int (stmt, 3) != 0;
  source->position = sqlite3_column_int (stmt, 4);
  source->etag = dup_column_text (stmt, 5);
  source->last_modified = dup_column_text (stmt, 6);
  source->last_success = parse_date (sqlite3_column_text (stmt, 7));
  source->last_error = dup_column_text (stmt, 8);
  source->last_error_kind = sqlite3_column_int (stmt, 9);
  source->next_refresh = parse_date (sqlite3_column_text (stmt, 10));

  return source;
}

static ShoeboxNewsItem *
item_from_row (sqlite3_stmt *stmt)
{
  ShoeboxNewsItem *item = g_object_new (SHOEBOX_TYPE_NEWS_ITEM, NULL);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->source_id = sqlite3_column_int64 (stmt, 1);
  item->source_title = dup_column_text (stmt, 2);
  item->title = dup_column_text (stmt, 3);
  item->link = dup_column_text (stmt, 4);
  item->summary = dup_column_text (stmt, 5);
  item->thumbnail_url = dup_column_text (stmt, 6);
  item->author = dup_column_text (stmt, 7);
  item->published = parse_date (sqlite3_column_text (stmt, 8));
  item->fetched_at = parse_date (sqlite3_column_text (stmt, 9));
  item->read = sqlite3_column_int (stmt, 10) != 0;
  item->starred = sqlite3_column_int (stmt, 11) != 0;
  item->hidden = sqlite3_column_int (stmt, 12) != 0;

  return item;
}

/* Reads the sources again and brings the list model in line, updating
 * the objects views already hold rather than replacing them.
 */
static gboolean
reload_sources (ShoeboxNewsStore  *self,
                GError           **error)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  guint n_old;
  gboolean same_order;
  int result;

  stmt = prepare (self, SQL_LIST_SOURCES, error);
  if (stmt == NULL)
    return FALSE;

  while ((result = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (fresh, source_from_row (stmt));
  if (result != SQLITE_DONE)
    {
      set_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  for (guint i = 0; i < n_old; i++)
    {
      g_autoptr(ShoeboxNewsSource) old = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      g_hash_table_insert (by_id, &old->id, old);
    }

  same_order = n_old == fresh->len;
  for (guint i = 0; i < fresh->len; i++)
    {
      ShoeboxNewsSource *source = g_ptr_array_index (fresh, i);
      ShoeboxNewsSource *old = g_hash_table_lookup (by_id, &source->id);

      if (old != NULL)
        {
          _shoebox_news_source_update_from (old, source);
          g_ptr_array_index (fresh, i) = g_object_ref (old);
          g_object_unref (source);
        }

      if (same_order)
        {
          g_autoptr(ShoeboxNewsSource) at = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

          same_order = at == g_ptr_array_index (fresh, i);
        }
    }

  if (!same_order)
    g_list_store_splice (self->sources, 0, n_old, fresh->pdata, fresh->len);

  return TRUE;
}

static void
emit_items_changed (ShoeboxNewsStore *self)
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
 * shoebox_news_normalize_url:
 * @url: what the user typed, or what a file or a server gave
 * @error: return location for a #GError
 *
 * Only http and https addresses with a server name may be news sources:
 * everything else is refused here, with words for the user, before
 * libsoup ever sees it.
 *
 * Returns: (transfer full): the address in its normal form, or %NULL with
 *   @error set (%SHOEBOX_NEWS_ERROR_KIND_INVALID_URL)
 */
char *
shoebox_news_normalize_url (const char  *url,
                            GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (url != NULL ? url : ""));
  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_INVALID_URL,
                           _("Enter the address of a news feed or site, starting with https://"));
      return NULL;
    }

  scheme = g_uri_peek_scheme (trimmed);
  if (scheme == NULL)
    {
      g_set_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_INVALID_URL,
                   _("“%s” is not a web address. Enter an address starting with https:// or http://"),
                   trimmed);
      return NULL;
    }

  if (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
    {
      g_set_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_INVALID_URL,
                   _("Only web addresses (https:// or http://) can be news sources, not “%s:” addresses"),
                   scheme);
      return NULL;
    }

  /* GUri takes spaces and control characters inside a host; libsoup and
   * servers do not.
   */
  for (const char *p = trimmed; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7f)
      {
        g_set_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_INVALID_URL,
                     _("“%s” is not a valid web address"), trimmed);
        return NULL;
      }

  uri = g_uri_parse (trimmed, G_URI_FLAGS_ENCODED | G_URI_FLAGS_SCHEME_NORMALIZE, NULL);
  if (uri == NULL)
    {
      g_set_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_INVALID_URL,
                   _("“%s” is not a valid web address"), trimmed);
      return NULL;
    }

  host = g_uri_get_host (uri);
  if (host == NULL || host[0] == '\0')
    {
      g_set_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_INVALID_URL,
                   _("“%s” has no server name"), trimmed);
      return NULL;
    }

  return g_uri_to_string (uri);
}

#define SEARCH_FEED_MAX_TERMS 20
#define SEARCH_FEED_MAX_QUERY 1500

/**
 * shoebox_news_dup_search_feed_url:
 * @terms: (array zero-terminated=1): what to search for, silhouette names
 *   say ("Track 2.0", "Air Max 97")
 *
 * The address of a Google News search feed for any of @terms, each as an
 * exact phrase, to add as a source. Terms past the first twenty, or past
 * a query length search engines accept, are left out.
 *
 * Returns: (transfer full) (nullable): the address, or %NULL when no term
 *   has any text
 */
char *
shoebox_news_dup_search_feed_url (const char * const *terms)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  guint n_terms = 0;

  g_return_val_if_fail (terms != NULL, NULL);

  for (guint i = 0; terms[i] != NULL && n_terms < SEARCH_FEED_MAX_TERMS; i++)
    {
      g_autofree char *term = g_utf8_make_valid (terms[i], -1);

      /* A quote inside a phrase would end it. */
      g_strdelimit (term, "\"\t\r\n", ' ');
      g_strstrip (term);
      if (term[0] == '\0')
        continue;
      if (query->len + strlen (term) + 6 > SEARCH_FEED_MAX_QUERY)
        break;

      if (n_terms > 0)
        g_string_append (query, " OR ");
      g_string_append_printf (query, "\"%s\"", term);
      n_terms++;
    }

  if (n_terms == 0)
    return NULL;

  escaped = g_uri_escape_string (query->str, NULL, FALSE);
  return g_strconcat ("https://news.google.com/rss/search?q=", escaped, "&hl=en-US&gl=US&ceid=US:en", NULL);
}

/**
 * shoebox_news_store_new:
 * @database: an open database
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the news store, its sources loaded, or %NULL
 *   with @error set
 */
ShoeboxNewsStore *
shoebox_news_store_new (ShoeboxDatabase  *database,
                        GError          **error)
{
  g_autoptr(ShoeboxNewsStore) self = NULL;

  g_return_val_if_fail (SHOEBOX_IS_DATABASE (database), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SHOEBOX_TYPE_NEWS_STORE, "database", database, NULL);
  if (!reload_sources (self, error))
    return NULL;

  return g_steal_pointer (&self);
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

/**
 * shoebox_news_store_get_sources:
 * @self: a #ShoeboxNewsStore
 *
 * Returns: (transfer none): the sources in the user's order, a list of
 *   #ShoeboxNewsSource kept up to date
 */
GListModel *
shoebox_news_store_get_sources (ShoeboxNewsStore *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), NULL);

  return G_LIST_MODEL (self->sources);
}

/**
 * shoebox_news_store_lookup_source:
 * @self: a #ShoeboxNewsStore
 * @id: the source's id
 *
 * Returns: (transfer none) (nullable): the source, or %NULL
 */
ShoeboxNewsSource *
shoebox_news_store_lookup_source (ShoeboxNewsStore *self,
                                  gint64            id)
{
  guint n;

  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShoeboxNewsSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      if (source->id == id)
        return source; /* The list store keeps it alive. */
    }

  return NULL;
}

typedef struct
{
  ShoeboxNewsStore *self;
  const char       *url;
  const char       *title;
  gint64            id;
} AddSource;

static gboolean
add_source_in_transaction (ShoeboxDatabase  *database,
                           gpointer          user_data,
                           GError          **error)
{
  AddSource *add = user_data;
  ShoeboxNewsStore *self = add->self;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = format_date (now);
  sqlite3_stmt *stmt;
  int result;

  stmt = prepare (self, SQL_SOURCE_ID_FOR_URL, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, add->url);
  result = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (result == SQLITE_ROW)
    {
      g_set_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_DUPLICATE,
                   _("“%s” is already one of your news sources"), add->url);
      return FALSE;
    }
  if (result != SQLITE_DONE)
    {
      set_sqlite_error (self, error);
      return FALSE;
    }

  stmt = prepare (self, SQL_INSERT_SOURCE, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, add->title != NULL ? add->title : "");
  bind_text (stmt, 2, add->url);
  bind_text (stmt, 3, created);
  if (!step_done (self, stmt, error))
    return FALSE;

  add->id = sqlite3_last_insert_rowid (shoebox_database_get_handle (database));
  return TRUE;
}

/* Every transaction's data starts with the store. */
static gboolean
write_transaction (ShoeboxNewsStore          *self,
                   ShoeboxDatabaseWriteFunc   func,
                   gpointer                   user_data,
                   GError                   **error)
{
  g_assert (*(ShoeboxNewsStore **) user_data == self);

  return shoebox_database_write (self->database, func, user_data, error);
}

static char *
dup_clean_title (const char *title)
{
  g_autofree char *copy = NULL;

  if (title == NULL)
    return g_strdup ("");

  copy = g_utf8_make_valid (title, -1);
  g_strdelimit (copy, "\t\r\n", ' ');
  g_strstrip (copy);
  if (strlen (copy) > SHOEBOX_FEED_MAX_TITLE)
    {
      const char *end = g_utf8_find_prev_char (copy, copy + SHOEBOX_FEED_MAX_TITLE + 1);

      copy[end - copy] = '\0';
    }

  return g_steal_pointer (&copy);
}

/**
 * shoebox_news_store_add_source:
 * @self: a #ShoeboxNewsStore
 * @url: the feed's address, http or https only
 * @title: (nullable): its name; %NULL or empty to take the feed's title
 *   at the first fetch
 * @error: return location for a #GError
 *
 * Adds the address as given: finding the feed of a web page is the
 * fetcher's (shoebox_news_fetcher_add_source_async()).
 *
 * Returns: (transfer none): the new source, or %NULL with @error set
 *   (%SHOEBOX_NEWS_ERROR_KIND_INVALID_URL, %SHOEBOX_NEWS_ERROR_KIND_DUPLICATE,
 *   or a database error)
 */
ShoeboxNewsSource *
shoebox_news_store_add_source (ShoeboxNewsStore  *self,
                               const char        *url,
                               const char        *title,
                               GError           **error)
{
  g_autofree char *normal = NULL;
  g_autofree char *clean_title = NULL;
  AddSource add = { 0 };

  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  normal = shoebox_news_normalize_url (url, error);
  if (normal == NULL)
    return NULL;

  clean_title = dup_clean_title (title);
  add.self = self;
  add.url = normal;
  add.title = clean_title;
  if (!write_transaction (self, add_source_in_transaction, &add, error))
    return NULL;

  if (!reload_sources (self, error))
    return NULL;

  return shoebox_news_store_lookup_source (self, add.id);
}

typedef struct
{
  ShoeboxNewsStore *self;
  Sql               sql;
  gint64            id;
  const char       *text;
  gint64            number;
  gboolean          use_number;
} SimpleUpdate;

static gboolean
simple_update_in_transaction (ShoeboxDatabase  *database,
                              gpointer          user_data,
                              GError          **error)
{
  SimpleUpdate *update = user_data;
  ShoeboxNewsStore *self = update->self;
  sqlite3_stmt *stmt = prepare (self, update->sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, update->id);
  if (update->use_number)
    sqlite3_bind_int64 (stmt, 2, update->number);
  else if (sqlite3_bind_parameter_count (stmt) >= 2)
    bind_text (stmt, 2, update->text);

  return step_done (self, stmt, error);
}

static gboolean
simple_update (ShoeboxNewsStore  *self,
               SimpleUpdate      *update,
               GError           **error)
{
  return write_transaction (self, simple_update_in_transaction, update, error);
}

/**
 * shoebox_news_store_rename_source:
 * @self: a #ShoeboxNewsStore
 * @source: one of its sources
 * @title: (nullable): the new name; empty takes the feed's title again at
 *   the next fetch
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_news_store_rename_source (ShoeboxNewsStore   *self,
                                  ShoeboxNewsSource  *source,
                                  const char         *title,
                                  GError            **error)
{
  g_autofree char *clean = NULL;
  SimpleUpdate update = { self, SQL_RENAME_SOURCE, 0 };

  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), FALSE);
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SOURCE (source), FALSE);

  clean = dup_clean_title (title);
  update.id = source->id;
  update.text = clean;
  if (!simple_update (self, &update, error) || !reload_sources (self, error))
    return FALSE;

  /* Items show their source's name. */
  emit_items_changed (self);
  return TRUE;
}

gboolean
shoebox_news_store_set_source_enabled (ShoeboxNewsStore   *self,
                                       ShoeboxNewsSource  *source,
                                       gboolean            enabled,
                                       GError            **error)
{
  SimpleUpdate update = { self, SQL_ENABLE_SOURCE, 0 };

  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), FALSE);
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SOURCE (source), FALSE);

  update.id = source->id;
  update.number = enabled ? 1 : 0;
  update.use_number = TRUE;
  return simple_update (self, &update, error) && reload_sources (self, error);
}

/**
 * shoebox_news_store_remove_source:
 * @self: a #ShoeboxNewsStore
 * @source: one of its sources
 * @error: return location for a #GError
 *
 * Removes the source and all its items, starred ones included.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_news_store_remove_source (ShoeboxNewsStore   *self,
                                  ShoeboxNewsSource  *source,
                                  GError            **error)
{
  SimpleUpdate update = { self, SQL_DELETE_SOURCE, 0 };

  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), FALSE);
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SOURCE (source), FALSE);

  update.id = source->id;
  if (!simple_update (self, &update, error) || !reload_sources (self, error))
    return FALSE;

  emit_items_changed (self);
  return TRUE;
}

/**
 * shoebox_news_store_move_source:
 * @self: a #ShoeboxNewsStore
 * @source: one of its sources
 * @url: its new address, after a permanent redirect
 * @error: return location for a #GError
 *
 * The validators of the old address mean nothing at the new one, so they
 * are dropped. When another source already has @url, nothing changes and
 * %SHOEBOX_NEWS_ERROR_KIND_DUPLICATE is set.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_news_store_move_source (ShoeboxNewsStore   *self,
                                ShoeboxNewsSource  *source,
                                const char         *url,
                                GError            **error)
{
  g_autofree char *normal = NULL;
  g_autoptr(GError) local_error = NULL;
  SimpleUpdate update = { self, SQL_MOVE_SOURCE, 0 };

  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), FALSE);
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SOURCE (source), FALSE);

  normal = shoebox_news_normalize_url (url, error);
  if (normal == NULL)
    return FALSE;
  if (g_strcmp0 (normal, source->url) == 0)
    return TRUE;

  update.id = source->id;
  update.text = normal;
  if (!simple_update (self, &update, &local_error))
    {
      if (g_error_matches (local_error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_CONSTRAINT))
        g_set_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_DUPLICATE,
                     _("“%s” is already one of your news sources"), normal);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return reload_sources (self, error);
}

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

  date_text = format_date (date);
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
  sqlite3_stmt *stmt;
  gint64 existing = 0;
  int result;

  if (key == NULL)
    return TRUE; /* Nothing to tell it from the next one: not kept. */

  /* Only web links are ever opened or downloaded; the parser resolves
   * relative ones against the feed's address.
   */
  published = format_date (date);

  stmt = prepare (self, SQL_FIND_ITEM, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->source->id);
  bind_text (stmt, 2, key);
  result = sqlite3_step (stmt);
  if (result == SQLITE_ROW)
    existing = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (result != SQLITE_ROW && result != SQLITE_DONE)
    {
      set_sqlite_error (self, error);
      return FALSE;
    }

  if (existing != 0)
    {
      stmt = prepare (self, SQL_UPDATE_ITEM, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, existing);
      bind_text (stmt, 2, item->title);
      bind_text (stmt, 3, link);
      bind_text (stmt, 4, item->summary);
      bind_text (stmt, 5, thumbnail);
      bind_text (stmt, 6, item->author);
      bind_text (stmt, 7, published);
      if (!step_done (self, stmt, error))
        return FALSE;
      if (sqlite3_changes (shoebox_database_get_handle (self->database)) > 0)
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

  stmt = prepare (self, SQL_INSERT_ITEM, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->source->id);
  bind_text (stmt, 2, key);
  bind_text (stmt, 3, item->title);
  bind_text (stmt, 4, link);
  bind_text (stmt, 5, item->summary);
  bind_text (stmt, 6, thumbnail);
  bind_text (stmt, 7, item->author);
  bind_text (stmt, 8, published);
  bind_text (stmt, 9, now_text);
  bind_text (stmt, 10, sort_date);
  if (!step_done (self, stmt, error))
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
  g_autofree char *now_text = format_date (now);
  g_autofree char *next_text = format_date (record->next_refresh);
  g_autofree char *cutoff_text = NULL;
  sqlite3_stmt *stmt;

  if (self->max_age_days > 0)
    {
      g_autoptr(GDateTime) cutoff = g_date_time_add_days (now, -(int) self->max_age_days);

      cutoff_text = format_date (cutoff);
    }

  stmt = prepare (self, SQL_RECORD_SUCCESS, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->source->id);
  bind_text (stmt, 2, record->etag);
  bind_text (stmt, 3, record->last_modified);
  bind_text (stmt, 4, now_text);
  bind_text (stmt, 5, next_text);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (record->feed == NULL)
    return TRUE; /* 304 Not Modified: nothing else changed. */

  if (record->feed->title != NULL && record->feed->title[0] != '\0')
    {
      g_autofree char *title = dup_clean_title (record->feed->title);

      stmt = prepare (self, SQL_FILL_SOURCE_TITLE, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, record->source->id);
      bind_text (stmt, 2, title);
      if (!step_done (self, stmt, error))
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

  if (!write_transaction (self, record_success_in_transaction, &record, error))
    return FALSE;
  if (!reload_sources (self, error))
    return FALSE;

  if (record.n_new > 0 || record.n_updated > 0)
    emit_items_changed (self);
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
  g_autofree char *next_text = format_date (record->next_refresh);
  sqlite3_stmt *stmt = prepare (self, SQL_RECORD_FAILURE, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->source->id);
  bind_text (stmt, 2, record->message);
  sqlite3_bind_int (stmt, 3, record->kind);
  bind_text (stmt, 4, next_text);
  return step_done (self, stmt, error);
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

  return write_transaction (self, record_failure_in_transaction, &record, error) && reload_sources (self, error);
}

/* A LIKE pattern matching @search anywhere, with its own % and _ taken
 * literally.
 */
static char *
dup_like_pattern (const char *search)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = search; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

/**
 * shoebox_news_store_query_items:
 * @self: a #ShoeboxNewsStore
 * @filter: which items
 * @source_id: one source's items only, or 0 for all sources
 * @search: (nullable): text the title, summary or source name contains
 * @error: return location for a #GError
 *
 * Hidden items are never listed.
 *
 * Returns: (transfer full) (element-type ShoeboxNewsItem): new items,
 *   newest first, or %NULL with @error set
 */
GPtrArray *
shoebox_news_store_query_items (ShoeboxNewsStore   *self,
                                ShoeboxNewsFilter   filter,
                                gint64              source_id,
                                const char         *search,
                                GError            **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *trimmed = NULL;
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;
  int result;

  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), NULL);

  trimmed = g_strstrip (g_strdup (search != NULL ? search : ""));
  if (trimmed[0] != '\0')
    pattern = dup_like_pattern (trimmed);

  stmt = prepare (self, SQL_QUERY_ITEMS, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, filter == SHOEBOX_NEWS_FILTER_UNREAD);
  sqlite3_bind_int (stmt, 2, filter == SHOEBOX_NEWS_FILTER_STARRED);
  sqlite3_bind_int64 (stmt, 3, source_id);
  bind_text (stmt, 4, pattern);
  sqlite3_bind_int (stmt, 5, filter == SHOEBOX_NEWS_FILTER_MENTIONS);

  while ((result = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (stmt));
  if (result != SQLITE_DONE)
    {
      set_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&items);
}

/**
 * shoebox_news_store_list_items:
 * @self: a #ShoeboxNewsStore
 * @filter: which items
 * @source_id: one source's items only, or 0 for all sources
 * @search: (nullable): text the items contain
 *
 * The list follows the store: it reloads whenever items change, keeping
 * the objects it already holds for items still in it. Its filter, source
 * and search can be changed later.
 *
 * Returns: (transfer full): a #ShoeboxNewsItemList of #ShoeboxNewsItem,
 *   newest first
 */
GListModel *
shoebox_news_store_list_items (ShoeboxNewsStore  *self,
                               ShoeboxNewsFilter  filter,
                               gint64             source_id,
                               const char        *search)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), NULL);

  return g_object_new (SHOEBOX_TYPE_NEWS_ITEM_LIST,
                       "store", self,
                       "filter", filter,
                       "source-id", source_id,
                       "search", search,
                       NULL);
}

/**
 * shoebox_news_store_count_unread:
 * @self: a #ShoeboxNewsStore
 * @source_id: one source, or 0 for all
 *
 * Returns: how many items are unread (and not hidden); 0 if the database
 *   cannot say
 */
guint
shoebox_news_store_count_unread (ShoeboxNewsStore *self,
                                 gint64            source_id)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), 0);

  stmt = prepare (self, SQL_COUNT_UNREAD, NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, source_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

static gboolean
set_item_flag (ShoeboxNewsStore  *self,
               ShoeboxNewsItem   *item,
               Sql                sql,
               gboolean          *field,
               gboolean           value,
               const char        *property,
               GError           **error)
{
  SimpleUpdate update = { self, sql, item->id, NULL, value ? 1 : 0, TRUE };

  if (!simple_update (self, &update, error))
    return FALSE;

  if (*field != value)
    {
      *field = value;
      g_object_notify (G_OBJECT (item), property);
    }

  emit_items_changed (self);
  return TRUE;
}

gboolean
shoebox_news_store_set_item_read (ShoeboxNewsStore  *self,
                                  ShoeboxNewsItem   *item,
                                  gboolean           read,
                                  GError           **error)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), FALSE);
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM (item), FALSE);

  return set_item_flag (self, item, SQL_SET_READ, &item->read, !!read, "read", error);
}

gboolean
shoebox_news_store_set_item_starred (ShoeboxNewsStore  *self,
                                     ShoeboxNewsItem   *item,
                                     gboolean           starred,
                                     GError           **error)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), FALSE);
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM (item), FALSE);

  return set_item_flag (self, item, SQL_SET_STARRED, &item->starred, !!starred, "starred", error);
}

/**
 * shoebox_news_store_set_item_hidden:
 * @self: a #ShoeboxNewsStore
 * @item: an item
 * @hidden: whether to hide it
 * @error: return location for a #GError
 *
 * A hidden item stays in the database, so fetching again does not bring
 * it back, until it is pruned.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_news_store_set_item_hidden (ShoeboxNewsStore  *self,
                                    ShoeboxNewsItem   *item,
                                    gboolean           hidden,
                                    GError           **error)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), FALSE);
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM (item), FALSE);

  return set_item_flag (self, item, SQL_SET_HIDDEN, &item->hidden, !!hidden, "hidden", error);
}

/**
 * shoebox_news_store_items_changed:
 * @self: a #ShoeboxNewsStore
 *
 * Tells the item lists that items changed outside the store (mentions
 * were found, say), so they load again.
 */
void
shoebox_news_store_items_changed (ShoeboxNewsStore *self)
{
  g_return_if_fail (SHOEBOX_IS_NEWS_STORE (self));

  emit_items_changed (self);
}

/**
 * shoebox_news_store_mark_all_read:
 * @self: a #ShoeboxNewsStore
 * @source_id: one source, or 0 for all
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_news_store_mark_all_read (ShoeboxNewsStore  *self,
                                  gint64             source_id,
                                  GError           **error)
{
  SimpleUpdate update = { self, SQL_MARK_ALL_READ, source_id };

  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), FALSE);

  if (!simple_update (self, &update, error))
    return FALSE;

  emit_items_changed (self);
  return TRUE;
}

typedef struct
{
  ShoeboxNewsStore *self;
  const char       *cutoff;
  guint             n_removed;
} Prune;

static gboolean
prune_in_transaction (ShoeboxDatabase  *database,
                      gpointer          user_data,
                      GError          **error)
{
  Prune *prune = user_data;
  ShoeboxNewsStore *self = prune->self;
  sqlite3_stmt *stmt = prepare (self, SQL_PRUNE, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, prune->cutoff);
  if (!step_done (self, stmt, error))
    return FALSE;

  prune->n_removed = (guint) sqlite3_changes (shoebox_database_get_handle (database));
  return TRUE;
}

/**
 * shoebox_news_store_prune:
 * @self: a #ShoeboxNewsStore
 * @now: (nullable): the time to count the age from; %NULL for now
 * @n_removed: (out) (optional): how many items went
 * @error: return location for a #GError
 *
 * Removes the items older than #ShoeboxNewsStore:max-age-days, except
 * starred ones. Does nothing when the age is 0.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_news_store_prune (ShoeboxNewsStore  *self,
                          GDateTime         *now,
                          guint             *n_removed,
                          GError           **error)
{
  g_autoptr(GDateTime) current = NULL;
  g_autoptr(GDateTime) cutoff = NULL;
  g_autofree char *cutoff_text = NULL;
  Prune prune = { self, NULL, 0 };

  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), FALSE);

  if (n_removed != NULL)
    *n_removed = 0;
  if (self->max_age_days == 0)
    return TRUE;

  current = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  cutoff = g_date_time_add_days (current, -(int) self->max_age_days);
  cutoff_text = format_date (cutoff);
  prune.cutoff = cutoff_text;
  if (!write_transaction (self, prune_in_transaction, &prune, error))
    return FALSE;

  if (prune.n_removed > 0)
    emit_items_changed (self);
  if (n_removed != NULL)
    *n_removed = prune.n_removed;
  return TRUE;
}

/* ------------------------------------------------------------------ OPML */

/**
 * shoebox_news_store_export_opml:
 * @self: a #ShoeboxNewsStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full): an OPML 2.0 document listing every source,
 *   or %NULL with @error set
 */
GBytes *
shoebox_news_store_export_opml (ShoeboxNewsStore  *self,
                                GError           **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;
  xmlNode *head;
  xmlNode *body;
  xmlChar *buffer = NULL;
  int size = 0;
  GBytes *bytes;
  guint n;

  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), NULL);

  doc = xmlNewDoc ((const xmlChar *) "1.0");
  root = xmlNewNode (NULL, (const xmlChar *) "opml");
  xmlSetProp (root, (const xmlChar *) "version", (const xmlChar *) "2.0");
  xmlDocSetRootElement (doc, root);
  head = xmlNewChild (root, NULL, (const xmlChar *) "head", NULL);
  xmlNewTextChild (head, NULL, (const xmlChar *) "title", (const xmlChar *) _("Shoebox news sources"));
  body = xmlNewChild (root, NULL, (const xmlChar *) "body", NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShoeboxNewsSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);
      const char *text = source->title[0] != '\0' ? source->title : source->url;
      xmlNode *outline = xmlNewChild (body, NULL, (const xmlChar *) "outline", NULL);

      /* xmlSetProp escapes the values. */
      xmlSetProp (outline, (const xmlChar *) "type", (const xmlChar *) "rss");
      xmlSetProp (outline, (const xmlChar *) "text", (const xmlChar *) text);
      xmlSetProp (outline, (const xmlChar *) "title", (const xmlChar *) text);
      xmlSetProp (outline, (const xmlChar *) "xmlUrl", (const xmlChar *) source->url);
      if (!source->enabled)
        xmlSetProp (outline, (const xmlChar *) "isDisabled", (const xmlChar *) "true");
    }

  xmlDocDumpFormatMemoryEnc (doc, &buffer, &size, "UTF-8", 1);
  if (buffer == NULL || size <= 0)
    {
      g_set_error_literal (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_FAILED,
                           _("The list of sources could not be written"));
      xmlFree (buffer);
      return NULL;
    }

  bytes = g_bytes_new (buffer, size);
  xmlFree (buffer);
  return bytes;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrcasecmp (node->name, (const xmlChar *) name) == 0;
}

static char *
dup_prop (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

typedef struct
{
  char     *url;
  char     *title;
  gboolean  disabled;
} OpmlEntry;

static void
opml_entry_free (gpointer data)
{
  OpmlEntry *entry = data;

  g_free (entry->url);
  g_free (entry->title);
  g_free (entry);
}

#define MAX_OPML_DEPTH   32
#define MAX_OPML_ENTRIES 5000

/* Outlines nest for folders; every one with an xmlUrl is a feed. */
static void
collect_outlines (xmlNode   *parent,
                  guint      depth,
                  GPtrArray *entries,
                  guint     *n_skipped)
{
  if (depth > MAX_OPML_DEPTH)
    return;

  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      g_autofree char *url = NULL;

      if (!is_element (node, "outline"))
        continue;

      url = dup_prop (node, "xmlUrl");
      if (url == NULL)
        url = dup_prop (node, "xmlurl");

      if (url != NULL)
        {
          g_autofree char *normal = shoebox_news_normalize_url (url, NULL);
          g_autofree char *title = dup_prop (node, "title");
          g_autofree char *disabled = dup_prop (node, "isDisabled");
          OpmlEntry *entry;

          if (normal == NULL || entries->len >= MAX_OPML_ENTRIES)
            {
              (*n_skipped)++;
              continue;
            }

          if (title == NULL)
            title = dup_prop (node, "text");

          entry = g_new0 (OpmlEntry, 1);
          entry->url = g_steal_pointer (&normal);
          entry->title = dup_clean_title (title);
          entry->disabled = g_strcmp0 (disabled, "true") == 0;
          g_ptr_array_add (entries, entry);
        }

      collect_outlines (node, depth + 1, entries, n_skipped);
    }
}

typedef struct
{
  ShoeboxNewsStore *self;
  GPtrArray        *entries;
  guint             n_added;
  guint             n_skipped;
} Import;

static gboolean
import_in_transaction (ShoeboxDatabase  *database,
                       gpointer          user_data,
                       GError          **error)
{
  Import *import = user_data;
  ShoeboxNewsStore *self = import->self;

  for (guint i = 0; i < import->entries->len; i++)
    {
      OpmlEntry *entry = g_ptr_array_index (import->entries, i);
      g_autoptr(GError) local_error = NULL;
      AddSource add = { self, entry->url, entry->title, 0 };

      if (!add_source_in_transaction (database, &add, &local_error))
        {
          if (g_error_matches (local_error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_DUPLICATE))
            {
              import->n_skipped++;
              continue;
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (entry->disabled)
        {
          sqlite3_stmt *stmt = prepare (self, SQL_ENABLE_SOURCE, error);

          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, add.id);
          sqlite3_bind_int (stmt, 2, 0);
          if (!step_done (self, stmt, error))
            return FALSE;
        }

      import->n_added++;
    }

  return TRUE;
}

/**
 * shoebox_news_store_import_opml:
 * @self: a #ShoeboxNewsStore
 * @opml: the bytes of an OPML file
 * @n_added: (out) (optional): how many sources were added
 * @n_skipped: (out) (optional): how many were left out, already in the
 *   list or not http or https
 * @error: return location for a #GError
 *
 * Adds every feed the file lists, in one transaction. The file is
 * untrusted: it is read without network access, without entities and
 * without a DTD, and its size is capped.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_news_store_import_opml (ShoeboxNewsStore  *self,
                                GBytes            *opml,
                                guint             *n_added,
                                guint             *n_skipped,
                                GError           **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (opml_entry_free);
  Import import = { self, NULL, 0, 0 };
  const char *data;
  gsize size;
  xmlNode *root;

  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), FALSE);
  g_return_val_if_fail (opml != NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (n_skipped != NULL)
    *n_skipped = 0;

  data = g_bytes_get_data (opml, &size);
  if (size > SHOEBOX_NEWS_MAX_OPML)
    {
      g_set_error_literal (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_TOO_LARGE,
                           _("The file is too large to be a list of news sources"));
      return FALSE;
    }

  /* An OPML file has no use for a DTD: refusing entity declarations
   * outright keeps any expansion trick out of the parser.
   */
  if (size == 0 || g_strstr_len (data, size, "<!ENTITY") != NULL || g_strstr_len (data, size, "<!DOCTYPE") != NULL)
    {
      g_set_error_literal (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_FAILED,
                           _("The file is not a list of news sources (OPML)"));
      return FALSE;
    }

  doc = xmlReadMemory (data, (int) size, "sources.opml", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL || !is_element (root, "opml") || doc->intSubset != NULL)
    {
      g_set_error_literal (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_FAILED,
                           _("The file is not a list of news sources (OPML)"));
      return FALSE;
    }

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    if (is_element (node, "body"))
      collect_outlines (node, 0, entries, &import.n_skipped);

  import.entries = entries;
  if (!write_transaction (self, import_in_transaction, &import, error))
    return FALSE;
  if (!reload_sources (self, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = import.n_added;
  if (n_skipped != NULL)
    *n_skipped = import.n_skipped;
  return TRUE;
}

/* --------------------------------------------------------- the item list */

struct _ShoeboxNewsItemList
{
  GObject            parent_instance;

  ShoeboxNewsStore  *store;
  GPtrArray         *items;
  ShoeboxNewsFilter  filter;
  gint64             source_id;
  char              *search;
  gboolean           constructed;
};

static void shoebox_news_item_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ShoeboxNewsItemList, shoebox_news_item_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, shoebox_news_item_list_model_init))

enum {
  LIST_PROP_0,
  LIST_PROP_STORE,
  LIST_PROP_FILTER,
  LIST_PROP_SOURCE_ID,
  LIST_PROP_SEARCH,
  LIST_PROP_N_ITEMS,
  LIST_N_PROPS
};

static GParamSpec *list_properties[LIST_N_PROPS];

/* Loads the items again and tells views only about the part that moved:
 * the items at both ends that are still the same are updated in place,
 * so a view keeps its rows and its scroll position.
 */
static void
reload_items (ShoeboxNewsItemList *self)
{
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *old = self->items;
  guint n_old = old->len;
  guint prefix = 0;
  guint suffix = 0;

  if (!self->constructed || self->store == NULL)
    return;

  fresh = shoebox_news_store_query_items (self->store, self->filter, self->source_id,
                                          self->search, &error);
  if (fresh == NULL)
    {
      /* The list keeps what it shows; the next change tries again. */
      g_debug ("Could not list news items: %s", error->message);
      return;
    }

  while (prefix < n_old && prefix < fresh->len
         && SHOEBOX_NEWS_ITEM (g_ptr_array_index (old, prefix))->id
            == SHOEBOX_NEWS_ITEM (g_ptr_array_index (fresh, prefix))->id)
    {
      gpointer kept = g_ptr_array_index (old, prefix);

      _shoebox_news_item_update_from (kept, g_ptr_array_index (fresh, prefix));
      g_object_unref (g_ptr_array_index (fresh, prefix));
      g_ptr_array_index (fresh, prefix) = g_object_ref (kept);
      prefix++;
    }

  while (suffix < n_old - prefix && suffix < fresh->len - prefix
         && SHOEBOX_NEWS_ITEM (g_ptr_array_index (old, n_old - 1 - suffix))->id
            == SHOEBOX_NEWS_ITEM (g_ptr_array_index (fresh, fresh->len - 1 - suffix))->id)
    {
      guint i = fresh->len - 1 - suffix;
      gpointer kept = g_ptr_array_index (old, n_old - 1 - suffix);

      _shoebox_news_item_update_from (kept, g_ptr_array_index (fresh, i));
      g_object_unref (g_ptr_array_index (fresh, i));
      g_ptr_array_index (fresh, i) = g_object_ref (kept);
      suffix++;
    }

  self->items = g_steal_pointer (&fresh);
  g_ptr_array_unref (old);

  if (n_old - prefix - suffix > 0 || self->items->len - prefix - suffix > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                  n_old - prefix - suffix,
                                  self->items->len - prefix - suffix);
      if (n_old != self->items->len)
        g_object_notify_by_pspec (G_OBJECT (self), list_properties[LIST_PROP_N_ITEMS]);
    }
}

static void
store_items_changed_cb (ShoeboxNewsItemList *self)
{
  reload_items (self);
}

static GType
shoebox_news_item_list_get_item_type (GListModel *model)
{
  return SHOEBOX_TYPE_NEWS_ITEM;
}

static guint
shoebox_news_item_list_get_n_items (GListModel *model)
{
  return SHOEBOX_NEWS_ITEM_LIST (model)->items->len;
}

static gpointer
shoebox_news_item_list_get_item (GListModel *model,
                                 guint       position)
{
  ShoeboxNewsItemList *self = SHOEBOX_NEWS_ITEM_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
shoebox_news_item_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = shoebox_news_item_list_get_item_type;
  iface->get_n_items = shoebox_news_item_list_get_n_items;
  iface->get_item = shoebox_news_item_list_get_item;
}

static void
shoebox_news_item_list_constructed (GObject *object)
{
  ShoeboxNewsItemList *self = SHOEBOX_NEWS_ITEM_LIST (object);

  G_OBJECT_CLASS (shoebox_news_item_list_parent_class)->constructed (object);

  if (self->store != NULL)
    g_signal_connect_object (self->store, "items-changed",
                             G_CALLBACK (store_items_changed_cb), self, G_CONNECT_SWAPPED);
  self->constructed = TRUE;
  reload_items (self);
}

static void
shoebox_news_item_list_dispose (GObject *object)
{
  ShoeboxNewsItemList *self = SHOEBOX_NEWS_ITEM_LIST (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (shoebox_news_item_list_parent_class)->dispose (object);
}

static void
shoebox_news_item_list_finalize (GObject *object)
{
  ShoeboxNewsItemList *self = SHOEBOX_NEWS_ITEM_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (shoebox_news_item_list_parent_class)->finalize (object);
}

static void
shoebox_news_item_list_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ShoeboxNewsItemList *self = SHOEBOX_NEWS_ITEM_LIST (object);

  switch (prop_id)
    {
    case LIST_PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case LIST_PROP_FILTER:
      g_value_set_int (value, self->filter);
      break;

    case LIST_PROP_SOURCE_ID:
      g_value_set_int64 (value, self->source_id);
      break;

    case LIST_PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case LIST_PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_news_item_list_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ShoeboxNewsItemList *self = SHOEBOX_NEWS_ITEM_LIST (object);

  switch (prop_id)
    {
    case LIST_PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case LIST_PROP_FILTER:
      shoebox_news_item_list_set_filter (self, g_value_get_int (value));
      break;

    case LIST_PROP_SOURCE_ID:
      shoebox_news_item_list_set_source_id (self, g_value_get_int64 (value));
      break;

    case LIST_PROP_SEARCH:
      shoebox_news_item_list_set_search (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_news_item_list_class_init (ShoeboxNewsItemListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = shoebox_news_item_list_constructed;
  object_class->dispose = shoebox_news_item_list_dispose;
  object_class->finalize = shoebox_news_item_list_finalize;
  object_class->get_property = shoebox_news_item_list_get_property;
  object_class->set_property = shoebox_news_item_list_set_property;

  list_properties[LIST_PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SHOEBOX_TYPE_NEWS_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  list_properties[LIST_PROP_FILTER] =
    g_param_spec_int ("filter", NULL, NULL,
                      SHOEBOX_NEWS_FILTER_ALL, SHOEBOX_NEWS_FILTER_MENTIONS, SHOEBOX_NEWS_FILTER_ALL,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  list_properties[LIST_PROP_SOURCE_ID] =
    g_param_spec_int64 ("source-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  list_properties[LIST_PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  list_properties[LIST_PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, LIST_N_PROPS, list_properties);
}

static void
shoebox_news_item_list_init (ShoeboxNewsItemList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

ShoeboxNewsFilter
shoebox_news_item_list_get_filter (ShoeboxNewsItemList *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM_LIST (self), SHOEBOX_NEWS_FILTER_ALL);

  return self->filter;
}

void
shoebox_news_item_list_set_filter (ShoeboxNewsItemList *self,
                                   ShoeboxNewsFilter    filter)
{
  g_return_if_fail (SHOEBOX_IS_NEWS_ITEM_LIST (self));

  if (self->filter == filter)
    return;
  self->filter = filter;
  reload_items (self);
  g_object_notify_by_pspec (G_OBJECT (self), list_properties[LIST_PROP_FILTER]);
}

gint64
shoebox_news_item_list_get_source_id (ShoeboxNewsItemList *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM_LIST (self), 0);

  return self->source_id;
}

void
shoebox_news_item_list_set_source_id (ShoeboxNewsItemList *self,
                                      gint64               source_id)
{
  g_return_if_fail (SHOEBOX_IS_NEWS_ITEM_LIST (self));

  if (self->source_id == source_id)
    return;
  self->source_id = source_id;
  reload_items (self);
  g_object_notify_by_pspec (G_OBJECT (self), list_properties[LIST_PROP_SOURCE_ID]);
}

const char *
shoebox_news_item_list_get_search (ShoeboxNewsItemList *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM_LIST (self), NULL);

  return self->search;
}

void
shoebox_news_item_list_set_search (ShoeboxNewsItemList *self,
                                   const char          *search)
{
  g_return_if_fail (SHOEBOX_IS_NEWS_ITEM_LIST (self));

  if (g_strcmp0 (self->search, search) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (search);
  reload_items (self);
  g_object_notify_by_pspec (G_OBJECT (self), list_properties[LIST_PROP_SEARCH]);
}
