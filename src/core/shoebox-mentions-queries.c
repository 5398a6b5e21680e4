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
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), FALSE);

  stmt = _shoebox_mentions_prepare (self->database, MENTIONS_SQL_ITEM_IS_UNREAD, &error);
  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_int64 (stmt, 1, item_id);
  if (!shoebox_database_step_row (self->database, stmt, &has_row, &error))
    return FALSE;

  return has_row && shoebox_statement_column_boolean (stmt, 0);
}

static gboolean
mark_notified_in_transaction (ShoeboxDatabase  *database,
                              gpointer          user_data,
                              GError          **error)
{
  g_autoptr(ShoeboxStatement) stmt = _shoebox_mentions_prepare (database, MENTIONS_SQL_MARK_NOTIFIED, error);

  return stmt != NULL && shoebox_database_step_done (database, stmt, error);
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
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gint64 last_item = 0;
  gboolean ok, has_row;

  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), NULL);

  stmt = _shoebox_mentions_prepare (self->database, MENTIONS_SQL_UNNOTIFIED, error);
  if (stmt == NULL)
    return NULL;
  while ((ok = shoebox_database_step_row (self->database, stmt, &has_row, error)) && has_row)
    {
      ShoeboxMention *mention;

      if (shoebox_statement_column_int64 (stmt, 0) == last_item)
        continue;
      last_item = shoebox_statement_column_int64 (stmt, 0);

      mention = g_new0 (ShoeboxMention, 1);
      mention->item_id = last_item;
      mention->pair_id = shoebox_statement_column_int64 (stmt, 1);
      mention->item_title = g_strdup (shoebox_statement_column_text (stmt, 2));
      mention->pair_label = _shoebox_mentions_dup_pair_label (shoebox_statement_column_text (stmt, 3),
                                                              shoebox_statement_column_text (stmt, 4),
                                                              shoebox_statement_column_text (stmt, 5));
      g_ptr_array_add (mentions, mention);
    }
  if (!ok)
    return NULL;

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
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gboolean ok, has_row;

  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), NULL);

  stmt = _shoebox_mentions_prepare (self->database, MENTIONS_SQL_WATCHED_NAMES, error);
  if (stmt == NULL)
    return NULL;
  while ((ok = shoebox_database_step_row (self->database, stmt, &has_row, error)) && has_row)
    {
      const char *brand = shoebox_statement_column_text (stmt, 0);
      const char *name = shoebox_statement_column_text (stmt, 1);
      g_autofree char *words = _shoebox_mentions_normalize_words (name);

      if (_shoebox_mentions_needs_brand (words) && brand != NULL)
        g_ptr_array_add (terms, g_strdup_printf ("%s %s", brand, name));
      else
        g_ptr_array_add (terms, g_strdup (name));
    }
  if (!ok)
    return NULL;

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
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), NULL);

  stmt = _shoebox_mentions_prepare (self->database, MENTIONS_SQL_PAIR_LABEL, &error);
  if (stmt == NULL)
    return NULL;
  shoebox_statement_bind_int64 (stmt, 1, pair_id);
  if (!shoebox_database_step_row (self->database, stmt, &has_row, &error) || !has_row)
    return NULL;

  return _shoebox_mentions_dup_pair_label (shoebox_statement_column_text (stmt, 0),
                                           shoebox_statement_column_text (stmt, 1),
                                           shoebox_statement_column_text (stmt, 2));
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
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gboolean ok, has_row;

  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), NULL);

  stmt = _shoebox_mentions_prepare (self->database, MENTIONS_SQL_ITEMS_OF_PAIR, error);
  if (stmt == NULL)
    return NULL;
  shoebox_statement_bind_int64 (stmt, 1, pair_id);
  while ((ok = shoebox_database_step_row (self->database, stmt, &has_row, error)) && has_row)
    {
      gint64 id = shoebox_statement_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!ok)
    return NULL;

  return g_steal_pointer (&ids);
}
