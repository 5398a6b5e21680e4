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
  sqlite3_stmt *stmt;
  int result;

  scan->n_new = 0;

  stmt = shoebox_database_prepare (database, "SELECT item_id, pair_id FROM news_mentions", error);
  if (stmt == NULL)
    return FALSE;
  while ((result = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 ids[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_hash_table_insert (existing, dup_key (ids[0], ids[1]), g_memdup2 (ids, sizeof ids));
    }
  sqlite3_reset (stmt);
  if (result != SQLITE_DONE)
    {
      _shoebox_mentions_set_sqlite_error (database, error);
      return FALSE;
    }

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
      stmt = shoebox_database_prepare (database,
                                       "INSERT INTO news_mentions (item_id, pair_id, by_style_code, notified)"
                                       " SELECT ?1, ?2, ?3, ?4"
                                       " WHERE EXISTS (SELECT 1 FROM news_items WHERE id = ?1)"
                                       " AND EXISTS (SELECT 1 FROM pairs WHERE id = ?2)"
                                       " ON CONFLICT (item_id, pair_id) DO UPDATE SET by_style_code = ?3",
                                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row[0]);
      sqlite3_bind_int64 (stmt, 2, row[1]);
      sqlite3_bind_int (stmt, 3, row[2] != 0);
      sqlite3_bind_int (stmt, 4, !(scan->notify_new && row[3] == 0));
      result = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (result != SQLITE_DONE)
        {
          _shoebox_mentions_set_sqlite_error (database, error);
          return FALSE;
        }
      if (is_new && sqlite3_changes (shoebox_database_get_handle (database)) > 0)
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

        stmt = shoebox_database_prepare (database,
                                         "DELETE FROM news_mentions WHERE item_id = ?1 AND pair_id = ?2",
                                         error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, ids[0]);
        sqlite3_bind_int64 (stmt, 2, ids[1]);
        result = sqlite3_step (stmt);
        sqlite3_reset (stmt);
        if (result != SQLITE_DONE)
          {
            _shoebox_mentions_set_sqlite_error (database, error);
            return FALSE;
          }
      }
  }

  return TRUE;
}
