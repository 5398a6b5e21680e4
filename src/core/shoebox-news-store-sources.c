/* shoebox-news-store-sources.c
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
#include <string.h>

/* The sources: the list model views hold, and adding, renaming,
 * enabling, removing and moving them.
 */

/* Reads the sources again and brings the list model in line, updating
 * the objects views already hold rather than replacing them.
 */
gboolean
_shoebox_news_store_reload_sources (ShoeboxNewsStore  *self,
                                    GError           **error)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(ShoeboxStatement) stmt = NULL;
  guint n_old;
  gboolean same_order;
  gboolean ok, has_row;

  stmt = _shoebox_news_store_prepare (self, SQL_LIST_SOURCES, error);
  if (stmt == NULL)
    return FALSE;

  while ((ok = shoebox_database_step_row (self->database, stmt, &has_row, error)) && has_row)
    g_ptr_array_add (fresh, _shoebox_news_store_source_from_row (stmt));
  if (!ok)
    return FALSE;
  g_clear_pointer (&stmt, shoebox_statement_release);

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

gboolean
_shoebox_news_store_add_source_in_transaction (ShoeboxDatabase  *database,
                                               gpointer          user_data,
                                               GError          **error)
{
  AddSource *add = user_data;
  ShoeboxNewsStore *self = add->self;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = _shoebox_news_store_format_date (now);
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gint64 existing;

  stmt = _shoebox_news_store_prepare (self, SQL_SOURCE_ID_FOR_URL, error);
  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_text (stmt, 1, add->url);
  if (!shoebox_database_query_int64 (self->database, stmt, &existing, error))
    return FALSE;
  if (existing != 0)
    {
      g_set_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_DUPLICATE,
                   _("“%s” is already one of your news sources"), add->url);
      return FALSE;
    }

  stmt = _shoebox_news_store_prepare (self, SQL_INSERT_SOURCE, error);
  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_text (stmt, 1, add->title != NULL ? add->title : "");
  shoebox_statement_bind_text (stmt, 2, add->url);
  shoebox_statement_bind_text (stmt, 3, created);
  if (!shoebox_database_step_done (self->database, stmt, error))
    return FALSE;

  add->id = shoebox_database_last_insert_id (database);
  return TRUE;
}

char *
_shoebox_news_store_dup_clean_title (const char *title)
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

  clean_title = _shoebox_news_store_dup_clean_title (title);
  add.self = self;
  add.url = normal;
  add.title = clean_title;
  if (!_shoebox_news_store_write_transaction (self, _shoebox_news_store_add_source_in_transaction, &add, error))
    return NULL;

  if (!_shoebox_news_store_reload_sources (self, error))
    return NULL;

  return shoebox_news_store_lookup_source (self, add.id);
}

/* One change to a source's row, then the sources read again; the items
 * are told too when @items_changed, as they show what changed. */
static gboolean
update_source (ShoeboxNewsStore  *self,
               SimpleUpdate      *update,
               gboolean           items_changed,
               GError           **error)
{
  if (!_shoebox_news_store_simple_update (self, update, error) || !_shoebox_news_store_reload_sources (self, error))
    return FALSE;

  if (items_changed)
    _shoebox_news_store_emit_items_changed (self);
  return TRUE;
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

  clean = _shoebox_news_store_dup_clean_title (title);
  update.id = source->id;
  update.text = clean;
  /* Items show their source's name. */
  return update_source (self, &update, TRUE, error);
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
  return update_source (self, &update, FALSE, error);
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
  return update_source (self, &update, TRUE, error);
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
  if (!_shoebox_news_store_simple_update (self, &update, &local_error))
    {
      if (g_error_matches (local_error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_CONSTRAINT))
        g_set_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_DUPLICATE,
                     _("“%s” is already one of your news sources"), normal);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return _shoebox_news_store_reload_sources (self, error);
}

/* The constructor is here, with the sources it loads, so that
 * shoebox-news-store.c needs nothing of this file.
 */

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
  if (!_shoebox_news_store_reload_sources (self, error))
    return NULL;

  return g_steal_pointer (&self);
}
