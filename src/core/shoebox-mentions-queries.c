/* shoebox-mentions-queries.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-mentions"

#include "config.h"

#include "shoebox-mentions-private.h"

/* What the news page, a pair's page and the notifications ask of the
 * stored mentions.
 */

/**
 * shoebox_mentions_is_unread:
 * @self: a #ShoeboxMentions
 * @item_id: a news item
 *
 * Returns: whether the item is still there, unread and not hidden: its
 *   notification still has something to say
 */
gboolean
shoebox_mentions_is_unread (ShoeboxMentions *self,
                            gint64           item_id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gboolean unread = FALSE;

  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), FALSE);

  stmt = shoebox_database_prepare (self->database,
                                   "SELECT read = 0 AND hidden = 0 FROM news_items WHERE id = ?1",
                                   &error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    unread = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);

  return unread;
}

static gboolean
mark_notified_in_transaction (ShoeboxDatabase  *database,
                              gpointer          user_data,
                              GError          **error)
{
  return shoebox_database_exec (database, "UPDATE news_mentions SET notified = 1 WHERE notified = 0", error);
}

/**
 * shoebox_mentions_take_unnotified:
 * @self: a #ShoeboxMentions
 * @error: return location for a #GError
 *
 * The mentions to announce, newest item first, one per item; they are
 * marked as announced.
 *
 * Returns: (transfer full) (element-type ShoeboxMention): the mentions,
 *   or %NULL with @error set
 */
GPtrArray *
shoebox_mentions_take_unnotified (ShoeboxMentions  *self,
                                  GError          **error)
{
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) shoebox_mention_free);
  sqlite3_stmt *stmt;
  gint64 last_item = 0;
  int result;

  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), NULL);

  stmt = shoebox_database_prepare (self->database,
                                   "SELECT m.item_id, m.pair_id, i.title, b.name, s.name, p.colorway"
                                   " FROM news_mentions m JOIN news_items i ON i.id = m.item_id"
                                   " JOIN pairs p ON p.id = m.pair_id"
                                   " JOIN silhouettes s ON s.id = p.silhouette_id"
                                   " JOIN brands b ON b.id = s.brand_id"
                                   " WHERE m.notified = 0 AND i.read = 0 AND i.hidden = 0"
                                   " ORDER BY i.sort_date DESC, i.id DESC, m.by_style_code DESC,"
                                   "          p.status = 'Owned' DESC, p.id",
                                   error);
  if (stmt == NULL)
    return NULL;
  while ((result = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShoeboxMention *mention;

      if (sqlite3_column_int64 (stmt, 0) == last_item)
        continue;
      last_item = sqlite3_column_int64 (stmt, 0);

      mention = g_new0 (ShoeboxMention, 1);
      mention->item_id = last_item;
      mention->pair_id = sqlite3_column_int64 (stmt, 1);
      mention->item_title = g_strdup (_shoebox_mentions_column_text (stmt, 2));
      mention->pair_label = _shoebox_mentions_dup_pair_label (_shoebox_mentions_column_text (stmt, 3),
                                                              _shoebox_mentions_column_text (stmt, 4),
                                                              _shoebox_mentions_column_text (stmt, 5));
      g_ptr_array_add (mentions, mention);
    }
  sqlite3_reset (stmt);
  if (result != SQLITE_DONE)
    {
      _shoebox_mentions_set_sqlite_error (self->database, error);
      return NULL;
    }

  if (!shoebox_database_write (self->database, mark_notified_in_transaction, NULL, error))
    return NULL;

  return g_steal_pointer (&mentions);
}

/**
 * shoebox_mentions_dup_search_terms:
 * @self: a #ShoeboxMentions
 * @error: return location for a #GError
 *
 * What to search the news for: the silhouettes of the pairs the user owns
 * or wants, owned first, each once. A one-word name ("Runner", "Track")
 * comes with its brand, as it matches only beside it.
 *
 * Returns: (transfer full) (array zero-terminated=1): the terms, maybe
 *   none, or %NULL with @error set
 */
char **
shoebox_mentions_dup_search_terms (ShoeboxMentions  *self,
                                   GError          **error)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int result;

  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), NULL);

  stmt = shoebox_database_prepare (self->database,
                                   "SELECT b.name, s.name FROM pairs p"
                                   " JOIN silhouettes s ON s.id = p.silhouette_id"
                                   " JOIN brands b ON b.id = s.brand_id"
                                   " WHERE p.status IN ('Owned', 'Wishlist')"
                                   " GROUP BY s.id ORDER BY max (p.status = 'Owned') DESC, min (p.id)",
                                   error);
  if (stmt == NULL)
    return NULL;
  while ((result = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *brand = _shoebox_mentions_column_text (stmt, 0);
      const char *name = _shoebox_mentions_column_text (stmt, 1);
      g_autofree char *words = _shoebox_mentions_normalize_words (name);

      if (_shoebox_mentions_needs_brand (words) && brand != NULL)
        g_ptr_array_add (terms, g_strdup_printf ("%s %s", brand, name));
      else
        g_ptr_array_add (terms, g_strdup (name));
    }
  sqlite3_reset (stmt);
  if (result != SQLITE_DONE)
    {
      _shoebox_mentions_set_sqlite_error (self->database, error);
      return NULL;
    }

  g_ptr_array_add (terms, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&terms), FALSE);
}

/**
 * shoebox_mentions_dup_pair_label:
 * @self: a #ShoeboxMentions
 * @pair_id: a pair
 *
 * Returns: (transfer full) (nullable): the pair as badges name it, or
 *   %NULL when there is no such pair
 */
char *
shoebox_mentions_dup_pair_label (ShoeboxMentions *self,
                                 gint64           pair_id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  char *label = NULL;

  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), NULL);

  stmt = shoebox_database_prepare (self->database,
                                   "SELECT b.name, s.name, p.colorway FROM pairs p"
                                   " JOIN silhouettes s ON s.id = p.silhouette_id"
                                   " JOIN brands b ON b.id = s.brand_id WHERE p.id = ?1",
                                   &error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pair_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    label = _shoebox_mentions_dup_pair_label (_shoebox_mentions_column_text (stmt, 0),
                                              _shoebox_mentions_column_text (stmt, 1),
                                              _shoebox_mentions_column_text (stmt, 2));
  sqlite3_reset (stmt);

  return label;
}

/**
 * shoebox_mentions_list_pair_items:
 * @self: a #ShoeboxMentions
 * @pair_id: a pair
 * @error: return location for a #GError
 *
 * The news of one pair, for its page.
 *
 * Returns: (transfer full) (element-type gint64): the ids of the items
 *   that mention the pair, newest first, or %NULL with @error set
 */
GArray *
shoebox_mentions_list_pair_items (ShoeboxMentions  *self,
                                  gint64            pair_id,
                                  GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int result;

  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), NULL);

  stmt = shoebox_database_prepare (self->database,
                                   "SELECT m.item_id FROM news_mentions m JOIN news_items i ON i.id = m.item_id"
                                   " WHERE m.pair_id = ?1 AND i.hidden = 0 ORDER BY i.sort_date DESC, i.id DESC",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pair_id);
  while ((result = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (result != SQLITE_DONE)
    {
      _shoebox_mentions_set_sqlite_error (self->database, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}
