/* shoebox-mentions-store.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-mentions"

#include "config.h"

#include "shoebox-mentions-private.h"

/* A scan's result into the news_mentions table, in one transaction. */

static char *
dup_key (gint64 item_id,
         gint64 pair_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, item_id, pair_id);
}

gboolean
_shoebox_mentions_store_in_transaction (ShoeboxDatabase  *database,
                                        gpointer          user_data,
                                        GError          **error)
{
  Scan *scan = user_data;
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gboolean ok, has_row;

  scan->n_new = 0;

  stmt = _shoebox_mentions_prepare (database, MENTIONS_SQL_ALL, error);
  if (stmt == NULL)
    return FALSE;
  while ((ok = shoebox_database_step_row (database, stmt, &has_row, error)) && has_row)
    {
      gint64 ids[2] = { shoebox_statement_column_int64 (stmt, 0), shoebox_statement_column_int64 (stmt, 1) };

      g_hash_table_insert (existing, dup_key (ids[0], ids[1]), g_memdup2 (ids, sizeof ids));
    }
  if (!ok)
    return FALSE;

  for (guint i = 0; i < scan->rows->len; i++)
    {
      gint64 *row = &g_array_index (scan->rows, gint64, i * 4);
      char *key = dup_key (row[0], row[1]);
      gboolean is_new = !g_hash_table_contains (existing, key);

      g_hash_table_add (kept, key);

      /* A mention found again keeps its notified flag: it is announced
       * once, and only when it came with new items (not when a pair was
       * added to the collection), and never once the item is read. An
       * item or pair deleted since _shoebox_mentions_find() read it is
       * skipped; its deletion asks for another scan anyway.
       */
      stmt = _shoebox_mentions_prepare (database, MENTIONS_SQL_UPSERT, error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_int64 (stmt, 1, row[0]);
      shoebox_statement_bind_int64 (stmt, 2, row[1]);
      shoebox_statement_bind_int64 (stmt, 3, row[2] != 0);
      shoebox_statement_bind_int64 (stmt, 4, !(scan->notify_new && row[3] == 0));
      if (!shoebox_database_step_done (database, stmt, error))
        return FALSE;
      if (is_new && shoebox_database_changes (database) > 0)
        scan->n_new++;
    }

  /* What is no longer mentioned (a pair sold, a title edited) goes. */
  {
    GHashTableIter iter;
    const char *key;
    const gint64 *ids;

    g_hash_table_iter_init (&iter, existing);
    while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &ids))
      {
        if (g_hash_table_contains (kept, key))
          continue;

        stmt = _shoebox_mentions_prepare (database, MENTIONS_SQL_DELETE, error);
        if (stmt == NULL)
          return FALSE;
        shoebox_statement_bind_int64 (stmt, 1, ids[0]);
        shoebox_statement_bind_int64 (stmt, 2, ids[1]);
        if (!shoebox_database_step_done (database, stmt, error))
          return FALSE;
      }
  }

  /* With the result it goes with: one commit, or neither. */
  if (scan->fingerprint != NULL)
    {
      stmt = _shoebox_mentions_prepare (database, MENTIONS_SQL_STORE_FINGERPRINT, error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_text (stmt, 1, scan->fingerprint);
      if (!shoebox_database_step_done (database, stmt, error))
        return FALSE;
    }

  return TRUE;
}
