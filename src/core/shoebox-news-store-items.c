/* shoebox-news-store-items.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-news-store"

#include "config.h"

#include "shoebox-news-store-private.h"

#include "shoebox-news-private.h"

/* The items: listing and counting them, marking them read, starred or
 * hidden, and pruning old ones.
 */

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
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gboolean ok, has_row;

  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), NULL);

  trimmed = g_strstrip (g_strdup (search != NULL ? search : ""));
  if (trimmed[0] != '\0')
    pattern = dup_like_pattern (trimmed);

  stmt = _shoebox_news_store_prepare (self, SQL_QUERY_ITEMS, error);
  if (stmt == NULL)
    return NULL;
  shoebox_statement_bind_int64 (stmt, 1, filter == SHOEBOX_NEWS_FILTER_UNREAD);
  shoebox_statement_bind_int64 (stmt, 2, filter == SHOEBOX_NEWS_FILTER_STARRED);
  shoebox_statement_bind_int64 (stmt, 3, source_id);
  shoebox_statement_bind_text (stmt, 4, pattern);
  shoebox_statement_bind_int64 (stmt, 5, filter == SHOEBOX_NEWS_FILTER_MENTIONS);

  while ((ok = shoebox_database_step_row (self->database, stmt, &has_row, error)) && has_row)
    g_ptr_array_add (items, _shoebox_news_store_item_from_row (stmt));
  if (!ok)
    return NULL;

  return g_steal_pointer (&items);
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
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gint64 count;

  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), 0);

  stmt = _shoebox_news_store_prepare (self, SQL_COUNT_UNREAD, NULL);
  if (stmt == NULL)
    return 0;
  shoebox_statement_bind_int64 (stmt, 1, source_id);
  if (!shoebox_database_query_int64 (self->database, stmt, &count, NULL))
    return 0;

  return (guint) count;
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

  if (!_shoebox_news_store_simple_update (self, &update, error))
    return FALSE;

  if (*field != value)
    {
      *field = value;
      g_object_notify (G_OBJECT (item), property);
    }

  _shoebox_news_store_emit_items_changed (self);
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

  _shoebox_news_store_emit_items_changed (self);
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

  if (!_shoebox_news_store_simple_update (self, &update, error))
    return FALSE;

  _shoebox_news_store_emit_items_changed (self);
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
  g_autoptr(ShoeboxStatement) stmt = _shoebox_news_store_prepare (self, SQL_PRUNE, error);

  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_text (stmt, 1, prune->cutoff);
  if (!shoebox_database_step_done (self->database, stmt, error))
    return FALSE;

  prune->n_removed = (guint) shoebox_database_changes (database);
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
  cutoff_text = _shoebox_news_store_format_date (cutoff);
  prune.cutoff = cutoff_text;
  if (!_shoebox_news_store_write_transaction (self, prune_in_transaction, &prune, error))
    return FALSE;

  if (prune.n_removed > 0)
    _shoebox_news_store_emit_items_changed (self);
  if (n_removed != NULL)
    *n_removed = prune.n_removed;
  return TRUE;
}
