/* test-database-statement.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "shoebox-collection.h"
#include "shoebox-database.h"

/* The database layer's statement helpers: the one error mapper, the
 * statement that resets itself, the typed binds and columns, and the
 * search's bound LIMIT. Each case runs with its own empty XDG folders.
 */

#define CONTEXT "The test could not be run"

static ShoeboxDatabase *
open_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "statement.db", NULL);
  ShoeboxDatabase *database;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  database = shoebox_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (database);
  g_assert_true (shoebox_database_exec (database,
                                        "CREATE TEMP TABLE t (id INTEGER PRIMARY KEY,"
                                        " name TEXT UNIQUE, amount INTEGER)",
                                        &error));
  g_assert_no_error (error);
  return database;
}

/* How many statements the connection holds; with @busy, only those left
 * on a row (which hold a read transaction open).
 */
static guint
count_handle_statements (sqlite3  *handle,
                         gboolean  busy)
{
  guint n = 0;

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (handle, NULL); stmt != NULL; stmt = sqlite3_next_stmt (handle, stmt))
    if (!busy || sqlite3_stmt_busy (stmt))
      n++;

  return n;
}

static guint
count_statements (ShoeboxDatabase *database,
                  gboolean         busy)
{
  return count_handle_statements (shoebox_database_get_handle (database), busy);
}

static gboolean
read_first_row (ShoeboxDatabase *database,
                gboolean         fail_early)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxStatement) stmt = shoebox_database_prepare (database, "SELECT 1 UNION ALL SELECT 2", &error);
  gboolean has_row;

  g_assert_no_error (error);
  g_assert_true (shoebox_database_step_row (database, stmt, &has_row, &error));
  g_assert_true (has_row);
  if (fail_early)
    return FALSE;

  return shoebox_statement_column_int64 (stmt, 0) == 1;
}

/* A statement left on a row holds a read transaction open, which would
 * keep a checkpoint from finishing: the end of the scope resets it,
 * whichever return was taken.
 */
static void
test_resets_at_end_of_scope (void)
{
  g_autoptr(ShoeboxDatabase) database = open_database ();

  g_assert_false (read_first_row (database, TRUE));
  g_assert_cmpuint (count_statements (database, TRUE), ==, 0);
  g_assert_true (read_first_row (database, FALSE));
  g_assert_cmpuint (count_statements (database, TRUE), ==, 0);
}

static void
test_typed_binds_and_columns (void)
{
  g_autoptr(ShoeboxDatabase) database = open_database ();
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(ShoeboxStatement) insert = shoebox_database_prepare (database,
                                                                    "INSERT INTO t (name, amount) VALUES (?, ?)",
                                                                    &error);

    g_assert_no_error (error);
    shoebox_statement_bind_text (insert, 1, "none");
    shoebox_statement_bind_optional_int64 (insert, 2, -1, -1);
    g_assert_true (shoebox_database_step_done (database, insert, &error));
    g_assert_no_error (error);
    g_assert_cmpint (shoebox_database_changes (database), ==, 1);

    /* step_done resets: the same statement takes the next row. */
    shoebox_statement_bind_text (insert, 1, NULL);
    shoebox_statement_bind_optional_int64 (insert, 2, 42, -1);
    g_assert_true (shoebox_database_step_done (database, insert, &error));
    g_assert_no_error (error);
    g_assert_cmpint (shoebox_database_last_insert_id (database), ==, 2);
  }

  {
    g_autoptr(ShoeboxStatement) select = shoebox_database_prepare (database,
                                                                    "SELECT name, amount, amount > 0 FROM t ORDER BY id",
                                                                    &error);
    gboolean has_row;

    g_assert_no_error (error);
    g_assert_true (shoebox_database_step_row (database, select, &has_row, &error));
    g_assert_true (has_row);
    g_assert_cmpstr (shoebox_statement_column_text (select, 0), ==, "none");
    g_assert_cmpint (shoebox_statement_column_optional_int64 (select, 1, -1), ==, -1);
    g_assert_true (shoebox_database_step_row (database, select, &has_row, &error));
    g_assert_true (has_row);
    g_assert_null (shoebox_statement_column_text (select, 0));
    g_assert_cmpint (shoebox_statement_column_optional_int64 (select, 1, -1), ==, 42);
    g_assert_cmpint (shoebox_statement_column_int (select, 1), ==, 42);
    g_assert_true (shoebox_statement_column_boolean (select, 2));
    g_assert_true (shoebox_database_step_row (database, select, &has_row, &error));
    g_assert_false (has_row);
  }

  {
    g_autoptr(ShoeboxStatement) names = shoebox_database_prepare (database, "SELECT coalesce (name, '-') FROM t ORDER BY id", &error);
    g_auto(GStrv) strv = shoebox_database_query_strv (database, names, &error);
    const char * const expected[] = { "none", "-", NULL };

    g_assert_no_error (error);
    g_assert_cmpstrv (strv, expected);
  }

  {
    g_autoptr(ShoeboxStatement) ids = shoebox_database_prepare (database, "SELECT id FROM t ORDER BY id DESC", &error);
    g_autoptr(GArray) array = shoebox_database_query_ids (database, ids, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (array->len, ==, 2);
    g_assert_cmpint (g_array_index (array, gint64, 0), ==, 2);
    g_assert_cmpint (g_array_index (array, gint64, 1), ==, 1);
  }

  {
    g_autoptr(ShoeboxStatement) nothing = shoebox_database_prepare (database, "SELECT id FROM t WHERE id > 100", &error);
    gint64 value = -5;

    g_assert_true (shoebox_database_query_int64 (database, nothing, &value, &error));
    g_assert_no_error (error);
    g_assert_cmpint (value, ==, 0);
  }
  g_assert_cmpuint (count_statements (database, TRUE), ==, 0);
}

/* Text bound without a copy is read in place when the statement steps:
 * the row holds what the buffer held then, not what it holds later, and
 * NULL binds NULL.
 */
static void
test_kept_text_is_read_at_step (void)
{
  g_autoptr(ShoeboxDatabase) database = open_database ();
  g_autoptr(GError) error = NULL;
  char buffer[] = "kept";

  {
    g_autoptr(ShoeboxStatement) insert = shoebox_database_prepare (database, "INSERT INTO t (name) VALUES (?)", &error);

    g_assert_no_error (error);
    shoebox_statement_bind_kept_text (insert, 1, buffer);
    g_assert_true (shoebox_database_step_done (database, insert, &error));
    g_assert_no_error (error);
    buffer[0] = 'w';
    shoebox_statement_bind_kept_text (insert, 1, NULL);
    g_assert_true (shoebox_database_step_done (database, insert, &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(ShoeboxStatement) names = shoebox_database_prepare (database, "SELECT coalesce (name, '-') FROM t ORDER BY id", &error);
    g_auto(GStrv) strv = shoebox_database_query_strv (database, names, &error);
    const char * const expected[] = { "kept", "-", NULL };

    g_assert_no_error (error);
    g_assert_cmpstrv (strv, expected);
  }
}

/* A failed step says what the caller was doing, and the code tells the
 * kind of failure.
 */
static void
test_step_error_has_context (void)
{
  g_autoptr(ShoeboxDatabase) database = open_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxStatement) insert = NULL;

  insert = shoebox_database_prepare_for (database, "INSERT INTO t (name) VALUES (?)", CONTEXT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      shoebox_statement_bind_text (insert, 1, "twice");
      shoebox_database_step_done (database, insert, &error);
    }
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_CONSTRAINT);
  g_assert_true (g_str_has_prefix (error->message, CONTEXT ": "));
  g_assert_nonnull (strstr (error->message, "UNIQUE"));
  g_assert_cmpuint (count_statements (database, TRUE), ==, 0);
}

static gboolean
read_first_owned_row (sqlite3  *handle,
                      gboolean  fail_early)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxOwnedStatement) stmt = NULL;

  stmt = shoebox_owned_statement_new (handle, "SELECT name FROM t ORDER BY id", "x.db", CONTEXT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  if (fail_early)
    return FALSE;

  return g_strcmp0 (shoebox_statement_column_text (stmt, 0), "one") == 0;
}

/* On a connection of the caller's own, which has no cache to give a
 * statement back to, the end of the scope finalizes it, whichever return
 * was taken: the connection then closes, where a statement left behind
 * would keep it open (SQLITE_BUSY). Failures go through the one mapper
 * with the caller's file and context.
 */
static void
test_owned_finalized_at_end_of_scope (void)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (":memory:", &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_true (shoebox_owned_statement_run (handle, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)",
                                              "x.db", CONTEXT, &error));
  g_assert_no_error (error);
  g_assert_true (shoebox_owned_statement_run (handle, "INSERT INTO t (name) VALUES ('one')", "x.db", CONTEXT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_handle_statements (handle, FALSE), ==, 0);

  g_assert_false (read_first_owned_row (handle, TRUE));
  g_assert_cmpuint (count_handle_statements (handle, FALSE), ==, 0);
  g_assert_true (read_first_owned_row (handle, FALSE));
  g_assert_cmpuint (count_handle_statements (handle, FALSE), ==, 0);

  g_assert_null (shoebox_owned_statement_new (handle, "SELECT name FROM nowhere", "x.db", CONTEXT, &error));
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, CONTEXT ": "));
  g_assert_nonnull (strstr (error->message, "nowhere"));
  g_clear_error (&error);

  g_assert_false (shoebox_owned_statement_run (handle, "INSERT INTO t (name) VALUES ('one')", "x.db", CONTEXT, &error));
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_CONSTRAINT);
  g_assert_true (g_str_has_prefix (error->message, CONTEXT ": "));
  g_assert_nonnull (strstr (error->message, "UNIQUE"));
  g_assert_cmpuint (count_handle_statements (handle, FALSE), ==, 0);

  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

typedef struct
{
  int                  result;
  ShoeboxDatabaseError code;
  const char          *words;
} MappingCase;

/* Every result the same way, whoever asks: a full disk in plain words
 * with the file's name, a lock held by another Shoebox, a damaged file.
 */
static void
test_one_mapping (void)
{
  static const MappingCase cases[] = {
    { SQLITE_FULL, SHOEBOX_DATABASE_ERROR_DISK_FULL, "The disk is full: there is no room left for “x.db”" },
    { SQLITE_BUSY, SHOEBOX_DATABASE_ERROR_BUSY, "Another Shoebox is saving changes" },
    { SQLITE_LOCKED, SHOEBOX_DATABASE_ERROR_BUSY, "Another Shoebox is saving changes" },
    { SQLITE_CORRUPT, SHOEBOX_DATABASE_ERROR_CORRUPT, "“x.db” is damaged" },
    { SQLITE_NOTADB, SHOEBOX_DATABASE_ERROR_CORRUPT, "“x.db” is damaged" },
    { SQLITE_CONSTRAINT_UNIQUE, SHOEBOX_DATABASE_ERROR_CONSTRAINT, "constraint failed" },
    { SQLITE_READONLY, SHOEBOX_DATABASE_ERROR_READ_ONLY, "readonly" },
    { SQLITE_PERM, SHOEBOX_DATABASE_ERROR_READ_ONLY, "access permission denied" },
    { SQLITE_ERROR, SHOEBOX_DATABASE_ERROR_FAILED, "SQL logic error" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) with_context = NULL;
      g_autoptr(GError) without = NULL;

      g_assert_false (shoebox_database_set_handle_error (NULL, cases[i].result, "x.db", CONTEXT, &with_context));
      g_assert_false (shoebox_database_set_handle_error (NULL, cases[i].result, "x.db", NULL, &without));
      g_assert_error (with_context, SHOEBOX_DATABASE_ERROR, (int) cases[i].code);
      g_assert_error (without, SHOEBOX_DATABASE_ERROR, (int) cases[i].code);
      g_assert_nonnull (strstr (with_context->message, cases[i].words));
      g_assert_nonnull (strstr (without->message, cases[i].words));
      if (cases[i].code == SHOEBOX_DATABASE_ERROR_DISK_FULL)
        g_assert_cmpstr (with_context->message, ==, without->message);
      else
        g_assert_true (g_str_has_prefix (with_context->message, CONTEXT ": "));
    }
}

/* Each limit the window asks for is a bound value: ten searches with ten
 * limits prepare one statement, and each still returns its number of
 * pairs.
 */
static void
test_search_limit_is_bound (void)
{
  g_autoptr(ShoeboxDatabase) database = open_database ();
  g_autoptr(ShoeboxCollection) collection = shoebox_collection_new (database);
  guint before;

  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShoeboxPair) pair = shoebox_pair_new ();

      shoebox_pair_set_brand_name (pair, "Brand");
      shoebox_pair_set_silhouette_name (pair, "Runner");
      g_assert_true (shoebox_collection_save_pair (collection, pair, &error));
      g_assert_no_error (error);
    }

  for (guint limit = 1; limit <= 10; limit++)
    {
      ShoeboxPairQuery query = { .limit = limit };
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) pairs = shoebox_collection_search (collection, &query, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (pairs), ==, limit);
      if (limit == 1)
        before = count_statements (database, FALSE);
    }
  g_assert_cmpuint (count_statements (database, FALSE), ==, before);

  {
    ShoeboxPairQuery everything = { 0 };
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) pairs = shoebox_collection_search (collection, &everything, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (pairs), ==, 12);
  }
}

/* shoebox_ids() gives every id in one step, lowest first whatever order
 * SQLite scanned them in; a statement run without its collector fails
 * with a message rather than crashing; and the statement runs again.
 */
static void
test_collect_ids (void)
{
  g_autoptr(ShoeboxDatabase) database = open_database ();
  g_autoptr(GError) error = NULL;
  const gint64 ids[] = { 7, 3, 12, 5 };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *insert = g_strdup_printf ("INSERT INTO t (id, name) VALUES (%" G_GINT64_FORMAT ", 'n%u')", ids[i], i);

      g_assert_true (shoebox_database_exec (database, insert, &error));
      g_assert_no_error (error);
    }

  for (guint run = 0; run < 2; run++)
    {
      /* The unique index on name orders the scan by name: n0 (7), n1 (3),
       * n2 (12), n3 (5), which the collector puts in order.
       */
      g_autoptr(ShoeboxStatement) collect = shoebox_database_prepare (database,
                                                                      "SELECT shoebox_ids (id, ?2) FROM t INDEXED BY sqlite_autoindex_t_1"
                                                                      " WHERE name > ?1",
                                                                      &error);
      g_autoptr(GArray) collected = NULL;
      const gint64 expected[] = { 3, 5, 7, 12 };

      g_assert_no_error (error);
      shoebox_statement_bind_text (collect, 1, "");
      collected = shoebox_database_collect_ids (database, collect, 2, &error);
      g_assert_no_error (error);
      g_assert_nonnull (collected);
      g_assert_cmpmem (collected->data, collected->len * sizeof (gint64), expected, sizeof expected);
    }

  {
    g_autoptr(ShoeboxStatement) none = shoebox_database_prepare (database, "SELECT shoebox_ids (id, ?1) FROM t WHERE id > 100", &error);
    g_autoptr(GArray) collected = shoebox_database_collect_ids (database, none, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (collected->len, ==, 0);
  }

  {
    g_autoptr(ShoeboxStatement) unbound = shoebox_database_prepare (database, "SELECT shoebox_ids (id, NULL) FROM t", &error);
    gboolean has_row;

    g_assert_no_error (error);
    g_assert_false (shoebox_database_step_row (database, unbound, &has_row, &error));
    g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_FAILED);
    g_assert_nonnull (strstr (error->message, "shoebox_ids() needs an id collector"));
  }
  g_assert_cmpuint (count_statements (database, TRUE), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/database/statement/resets-at-end-of-scope", test_resets_at_end_of_scope);
  g_test_add_func ("/database/statement/typed-binds-and-columns", test_typed_binds_and_columns);
  g_test_add_func ("/database/statement/kept-text-is-read-at-step", test_kept_text_is_read_at_step);
  g_test_add_func ("/database/statement/step-error-has-context", test_step_error_has_context);
  g_test_add_func ("/database/statement/owned-finalized-at-end-of-scope", test_owned_finalized_at_end_of_scope);
  g_test_add_func ("/database/statement/one-mapping", test_one_mapping);
  g_test_add_func ("/database/statement/search-limit-is-bound", test_search_limit_is_bound);
  g_test_add_func ("/database/statement/collect-ids", test_collect_ids);

  return g_test_run ();
}
