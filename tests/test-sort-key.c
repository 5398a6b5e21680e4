/* test-sort-key.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-sort-key.h"

/* ShoeboxSortKey's places against SQLite's own ORDER BY and = on the same
 * values: numbers of both kinds, text that differs in case only in ASCII
 * or beyond it, text with a NUL inside, blobs, empty text and NULL.
 */

#define VALUES \
  "VALUES (NULL), (3), (3.0), (-1), (2.5), (1e300), (0), (''), ('a'), ('A'), ('b')," \
  " ('B'), ('ab'), ('aB'), ('É'), ('é'), ('e'), ('a' || char (0) || 'b'), ('a' || char (0) || 'c')," \
  " (CAST ('a' AS BLOB)), (x''), (x'00'), ('3'), (NULL), ('zeta'), ('Zeta')"

static void
check_places (gconstpointer data)
{
  const char *collation = data;
  gboolean nocase = g_str_equal (collation, "NOCASE");
  g_autoptr(ShoeboxSortKey) key = shoebox_sort_key_new (nocase);
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree char *same_sql = NULL;
  const guint32 *places;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint32 n_places;
  guint32 n_nulls = 0;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (v); INSERT INTO t " VALUES, NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT v FROM t ORDER BY rowid", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint32 slot = shoebox_sort_key_add_column (key, stmt, 0);

      g_array_append_val (slots, slot);
    }
  sqlite3_finalize (stmt);
  n_places = shoebox_sort_key_rank (key, (guint32 *) (gpointer) slots->data, slots->len);
  places = (const guint32 *) (gconstpointer) slots->data;

  /* Every two rows: SQLite's < and = against the places. */
  same_sql = g_strdup_printf ("SELECT a.rowid - 1, b.rowid - 1, a.v < b.v COLLATE %s, a.v = b.v COLLATE %s"
                              " FROM t a, t b", collation, collation);
  g_assert_cmpint (sqlite3_prepare_v2 (db, same_sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int a = sqlite3_column_int (stmt, 0);
      int b = sqlite3_column_int (stmt, 1);

      g_test_message ("rows %d and %d", a, b);
      if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
        {
          /* A NULL on either side: only NULL has no place. */
          g_assert_true (places[a] == SHOEBOX_SORT_KEY_NULL || places[b] == SHOEBOX_SORT_KEY_NULL);
          continue;
        }
      g_assert_cmpuint (places[a], !=, SHOEBOX_SORT_KEY_NULL);
      g_assert_cmpint (places[a] < places[b], ==, sqlite3_column_int (stmt, 2));
      g_assert_cmpint (places[a] == places[b], ==, sqlite3_column_int (stmt, 3));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  for (guint i = 0; i < slots->len; i++)
    {
      if (places[i] == SHOEBOX_SORT_KEY_NULL)
        n_nulls++;
      else
        g_assert_cmpuint (places[i], <, n_places);
    }
  g_assert_cmpuint (n_nulls, ==, 2);
}

/* The one-call readers, on the columns they are for. */
static void
check_one_call_readers (void)
{
  g_autoptr(ShoeboxSortKey) dates = shoebox_sort_key_new (FALSE);
  g_autoptr(ShoeboxSortKey) prices = shoebox_sort_key_new (FALSE);
  guint32 date_slots[4];
  guint32 price_slots[4];
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT column1, coalesce (column2, -1) FROM (VALUES"
                                           " ('2020-01-02', 0), (NULL, NULL), ('2019-12-31', 500), ('2020-01-02', 0))",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      date_slots[n] = shoebox_sort_key_add_text_column (dates, stmt, 0);
      price_slots[n] = shoebox_sort_key_add_integer_column (prices, stmt, 1, -1);
      n++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (shoebox_sort_key_rank (dates, date_slots, n), ==, 2);
  g_assert_cmpuint (shoebox_sort_key_rank (prices, price_slots, n), ==, 2);
  g_assert_cmpuint (date_slots[0], ==, 1);
  g_assert_cmpuint (date_slots[1], ==, SHOEBOX_SORT_KEY_NULL);
  g_assert_cmpuint (date_slots[2], ==, 0);
  g_assert_cmpuint (date_slots[3], ==, 1);
  g_assert_cmpuint (price_slots[0], ==, 0);
  g_assert_cmpuint (price_slots[1], ==, SHOEBOX_SORT_KEY_NULL);
  g_assert_cmpuint (price_slots[2], ==, 1);
  g_assert_cmpuint (price_slots[3], ==, 0);
}

/* More distinct values than the table's first size: it grows. */
static void
check_many_values (void)
{
  g_autoptr(ShoeboxSortKey) key = shoebox_sort_key_new (FALSE);
  g_autofree guint32 *slots = g_new (guint32, 2000);

  for (guint i = 0; i < 2000; i++)
    slots[i] = shoebox_sort_key_add_integer (key, (gint64) (1999 - i) / 2);
  g_assert_cmpuint (shoebox_sort_key_rank (key, slots, 2000), ==, 1000);
  for (guint i = 0; i < 2000; i++)
    g_assert_cmpuint (slots[i], ==, (1999 - i) / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/sort-key/binary", "BINARY", check_places);
  g_test_add_data_func ("/sort-key/nocase", "NOCASE", check_places);
  g_test_add_func ("/sort-key/one-call-readers", check_one_call_readers);
  g_test_add_func ("/sort-key/many-values", check_many_values);

  return g_test_run ();
}
