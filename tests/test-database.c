/* test-database.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "shoebox-database-worker.h"
#include "shoebox-database.h"
#include "shoebox-migrations.h"
#include "shoebox-test-collection.h"
#include "shoebox-test-sql-log.h"
#include "shoebox-test-wait.h"

/* Each case runs with its own empty XDG folders (G_TEST_OPTION_ISOLATE_DIRS),
 * so "the user's database" is a fresh file every time.
 */

static char *
dup_checksum_of_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
assert_no_sidecar_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* Writes a real SQLite file with plain SQLite, as another program (or a
 * newer Shoebox) would have.
 */
static void
write_sqlite_file (const char *path,
                   const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

static void
test_open_creates_file (void)
{
  g_autoptr(ShoeboxDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = shoebox_database_dup_default_path ();
  g_autofree char *journal_mode = NULL;
  g_autofree char *foreign_keys = NULL;

  /* The isolated XDG_DATA_HOME, never the user's real one. */
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  db = shoebox_database_open_default (&error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (shoebox_database_get_path (db), ==, path);

  g_assert_cmpuint (shoebox_database_get_schema_version (db), ==, shoebox_database_get_latest_version ());
  g_assert_cmpuint (shoebox_test_query_int (db, "PRAGMA user_version"), ==, shoebox_database_get_latest_version ());

  journal_mode = shoebox_test_query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  foreign_keys = shoebox_test_query_text (db, "PRAGMA foreign_keys");
  g_assert_cmpstr (foreign_keys, ==, "1");
}

static void
test_open_twice_keeps_data (void)
{
  g_autofree char *path = shoebox_database_dup_default_path ();
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(ShoeboxDatabase) db = shoebox_database_open_default (&error);

    g_assert_no_error (error);
    g_assert_true (shoebox_database_exec (db, "INSERT INTO brands (name) VALUES ('Balenciaga')", &error));
    g_assert_no_error (error);
  }

  assert_no_sidecar_files (path);

  {
    g_autoptr(ShoeboxDatabase) db = shoebox_database_open_default (&error);
    g_autofree char *name = NULL;

    g_assert_no_error (error);
    name = shoebox_test_query_text (db, "SELECT name FROM brands");
    g_assert_cmpstr (name, ==, "Balenciaga");
  }
}

static const char * const test_migrations[] = {
  "CREATE TABLE a (x INTEGER)",
  "CREATE TABLE b (y INTEGER)",
  "INSERT INTO a (x) VALUES (3)",
};

static void
test_migrate_step_by_step (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "steps.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);

  for (guint n = 0; n <= G_N_ELEMENTS (test_migrations); n++)
    {
      g_autoptr(ShoeboxDatabase) db = shoebox_database_open_with_migrations (path, test_migrations, n, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (shoebox_database_get_schema_version (db), ==, n);
      g_assert_cmpuint (shoebox_test_query_int (db, "PRAGMA user_version"), ==, n);
    }

  /* Opening again at the newest version runs nothing twice. */
  {
    g_autoptr(ShoeboxDatabase) db = shoebox_database_open_with_migrations (path, test_migrations,
                                                                           G_N_ELEMENTS (test_migrations), &error);
    g_autofree char *count = NULL;

    g_assert_no_error (error);
    count = shoebox_test_query_text (db, "SELECT count(*) FROM a");
    g_assert_cmpstr (count, ==, "1");
  }
}

static void
test_migrate_failure_rolls_back (void)
{
  static const char * const broken[] = {
    "CREATE TABLE a (x INTEGER)",
    "CREATE TABLE c (z INTEGER); INSERT INTO nowhere VALUES (1)",
  };
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "broken.db", NULL);
  g_autoptr(ShoeboxDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  db = shoebox_database_open_with_migrations (path, broken, 2, &error);
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "version 2"));
  g_assert_nonnull (strstr (error->message, "nowhere"));
  g_assert_null (db);
  g_clear_error (&error);

  /* Step 1 landed, step 2 left nothing behind: no table c, version 1. */
  db = shoebox_database_open_with_migrations (path, broken, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shoebox_test_query_int (db, "PRAGMA user_version"), ==, 1);
  {
    g_autofree char *count = shoebox_test_query_text (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'c'");
    g_assert_cmpstr (count, ==, "0");
  }
}

/* A collection at version 4 (the pairs table whose CHECKs use IN lists),
 * with a pair of every kind of row that points to it.
 */
static const char version_4_rows[] =
  "INSERT INTO brands (id, name) VALUES (1, 'Balenciaga');"
  "INSERT INTO silhouettes (id, brand_id, name) VALUES (1, 1, 'Track');"
  "INSERT INTO pairs (id, silhouette_id, colorway, size, size_system, condition, box, extras, status,"
  "                   price_paid, currency, purchase_date, notes, created_at, updated_at)"
  "  VALUES (1, 1, 'Triple White', '43', 'EU', 'VNDS', 'damaged', 'laces;bag', 'Owned',"
  "          89500, 'EUR', '2021-03-04', 'grail', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'),"
  "         (2, 1, 'Black', NULL, NULL, NULL, NULL, NULL, 'Wishlist',"
  "          NULL, NULL, NULL, NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
  "         (3, 1, 'Gone', NULL, NULL, NULL, NULL, NULL, 'Sold',"
  "          NULL, NULL, NULL, NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
  "DELETE FROM pairs WHERE id = 3;"
  "INSERT INTO tags (id, name) VALUES (1, 'vault');"
  "INSERT INTO pair_tags (pair_id, tag_id) VALUES (1, 1);"
  "INSERT INTO wears (pair_id, date) VALUES (1, '2025-12-24');"
  "INSERT INTO photos (pair_id, file_name, is_side_profile) VALUES (1, 'side.jpg', 1);"
  "INSERT INTO news_items (id, source_id, key, fetched_at, sort_date)"
  "  VALUES (1, 1, 'k', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
  "INSERT INTO news_mentions (item_id, pair_id) VALUES (1, 1);";

static const char pairs_as_text[] =
  "SELECT group_concat (quote (id) || quote (silhouette_id) || quote (colorway) || quote (size)"
  "                     || quote (size_system) || quote (condition) || quote (box) || quote (extras)"
  "                     || quote (status) || quote (price_paid) || quote (currency)"
  "                     || quote (purchase_date) || quote (notes) || quote (created_at)"
  "                     || quote (updated_at), '|')"
  "  FROM (SELECT * FROM pairs ORDER BY id)";

static ShoeboxDatabase *
open_at_version (const char *path,
                 guint       version)
{
  g_autoptr(GError) error = NULL;
  guint n_migrations;
  const char * const *migrations = shoebox_migrations_get (&n_migrations);
  ShoeboxDatabase *db;

  g_assert_cmpuint (version, <=, n_migrations);
  db = shoebox_database_open_with_migrations (path, migrations, version, &error);
  g_assert_no_error (error);
  return db;
}

/* Writes version_4_rows into a new collection at version 4; returns its
 * pairs as text.
 */
static char *
write_version_4_collection (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(ShoeboxDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  db = open_at_version (path, 4);
  g_assert_true (shoebox_database_exec (db, version_4_rows, &error));
  g_assert_no_error (error);
  return shoebox_test_query_text (db, pairs_as_text);
}

static void
assert_refused (ShoeboxDatabase *db,
                const char      *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (shoebox_database_exec (db, sql, &error));
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_CONSTRAINT);
}

static void
test_migrate_rebuilds_pairs (void)
{
  g_autofree char *path = shoebox_database_dup_default_path ();
  g_autofree char *before = NULL;
  g_autoptr(ShoeboxDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const counts[][2] = {
    { "SELECT count(*) FROM pair_tags WHERE pair_id = 1", "1" },
    { "SELECT count(*) FROM wears WHERE pair_id = 1", "1" },
    { "SELECT count(*) FROM photos WHERE pair_id = 1", "1" },
    { "SELECT count(*) FROM news_mentions WHERE pair_id = 1", "1" },
    { "SELECT seq FROM sqlite_sequence WHERE name = 'pairs'", "3" },
    { "SELECT count(*) FROM sqlite_sequence WHERE name = 'pairs_new'", "0" },
    { "SELECT group_concat (rowid) FROM pairs_fts WHERE pairs_fts MATCH 'vault'", "1" },
    { "SELECT group_concat (rowid) FROM pairs_fts WHERE pairs_fts MATCH 'balen*'", "1,2" },
    { "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'", "8" },
    { "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '% IN (''%' AND tbl_name = 'pairs'", "0" },
    { "PRAGMA foreign_keys", "1" },
  };

  before = write_version_4_collection (path);

  db = open_at_version (path, 5);
  g_assert_cmpuint (shoebox_test_query_int (db, "PRAGMA user_version"), ==, 5);

  /* Every row, every id and the AUTOINCREMENT counter are still there,
   * and so is everything that points to the pairs.
   */
  {
    g_autofree char *after = shoebox_test_query_text (db, pairs_as_text);

    g_assert_cmpstr (after, ==, before);
  }
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *value = shoebox_test_query_text (db, counts[i][0]);

      g_assert_cmpstr (value, ==, counts[i][1]);
    }

  /* Every constraint still refuses what it refused. */
  assert_refused (db, "UPDATE pairs SET size_system = 'US X' WHERE id = 1");
  assert_refused (db, "UPDATE pairs SET size_system = 'eu' WHERE id = 1");
  assert_refused (db, "UPDATE pairs SET condition = 'Mint' WHERE id = 1");
  assert_refused (db, "UPDATE pairs SET box = '' WHERE id = 1");
  assert_refused (db, "UPDATE pairs SET status = 'Lost' WHERE id = 1");
  assert_refused (db, "UPDATE pairs SET status = NULL WHERE id = 1");
  assert_refused (db, "UPDATE pairs SET price_paid = -1 WHERE id = 1");
  assert_refused (db, "UPDATE pairs SET currency = 'eur' WHERE id = 1");
  assert_refused (db, "UPDATE pairs SET currency = NULL WHERE id = 1");
  assert_refused (db, "UPDATE pairs SET purchase_date = '2021-02-30' WHERE id = 1");
  assert_refused (db, "UPDATE pairs SET silhouette_id = 42 WHERE id = 1");
  assert_refused (db, "INSERT INTO pair_tags (pair_id, tag_id) VALUES (42, 1)");
  assert_refused (db, "DELETE FROM silhouettes WHERE id = 1");

  /* And lets through what it let through; the triggers index the rows. */
  g_assert_true (shoebox_database_exec (db,
                                        "UPDATE pairs SET size_system = 'JP cm', condition = 'Beater',"
                                        " box = 'none', status = 'Sold' WHERE id = 1;"
                                        "INSERT INTO pairs (silhouette_id, status, created_at, updated_at)"
                                        "  VALUES (1, 'Owned', 'now', 'now');",
                                        &error));
  g_assert_no_error (error);
  {
    g_autofree char *id = shoebox_test_query_text (db, "SELECT max (id) FROM pairs");
    g_autofree char *found = shoebox_test_query_text (db, "SELECT group_concat (rowid) FROM pairs_fts"
                                                          " WHERE pairs_fts MATCH 'beater OR owned'");

    /* Above the deleted pair's id: ids are never given twice. */
    g_assert_cmpstr (id, ==, "4");
    g_assert_cmpstr (found, ==, "1,4");
  }

  /* Deleting a pair still takes what points to it. */
  g_assert_true (shoebox_database_exec (db, "DELETE FROM pairs WHERE id = 1", &error));
  g_assert_no_error (error);
  {
    g_autofree char *left = shoebox_test_query_text (db, "SELECT (SELECT count(*) FROM pair_tags) + (SELECT count(*) FROM wears)"
                                                         " + (SELECT count(*) FROM photos) + (SELECT count(*) FROM news_mentions)"
                                                         " + (SELECT count(*) FROM pairs_fts WHERE rowid = 1)");

    g_assert_cmpstr (left, ==, "0");
  }
}

/* A row pointing to nothing (written with foreign keys off, by another
 * program) stops the upgrade, which then changes nothing.
 */
static void
test_migrate_refuses_broken_references (void)
{
  g_autofree char *path = shoebox_database_dup_default_path ();
  g_autoptr(ShoeboxDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  guint n_migrations;
  const char * const *migrations = shoebox_migrations_get (&n_migrations);

  g_free (write_version_4_collection (path));
  write_sqlite_file (path, "PRAGMA foreign_keys = OFF; INSERT INTO wears (pair_id, date) VALUES (42, '2025-01-01');");

  db = shoebox_database_open_with_migrations (path, migrations, 5, &error);
  g_assert_null (db);
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  db = open_at_version (path, 4);
  g_assert_cmpuint (shoebox_test_query_int (db, "PRAGMA user_version"), ==, 4);
  {
    g_autofree char *pairs = shoebox_test_query_text (db, "SELECT count(*) FROM pairs");
    g_autofree char *fk = shoebox_test_query_text (db, "PRAGMA foreign_keys");

    g_assert_cmpstr (pairs, ==, "2");
    g_assert_cmpstr (fk, ==, "1");
  }
}

static void
test_refuse_newer_schema (void)
{
  g_autofree char *path = shoebox_database_dup_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ShoeboxDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  guint newer = shoebox_database_get_latest_version () + 1;
  GStatBuf st_before, st_after;

  /* A newer Shoebox left its file in rollback-journal mode (the header is
   * then the whole truth) with a table we do not know.
   */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  sql = g_strdup_printf ("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('kept');"
                         "PRAGMA user_version = %u;",
                         newer);
  write_sqlite_file (path, sql);
  before = dup_checksum_of_file (path);
  g_assert_cmpint (g_stat (path, &st_before), ==, 0);

  db = shoebox_database_open_default (&error);
  g_assert_null (db);
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_TOO_NEW);
  /* The message names the file and says what to do. */
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "newer version of Shoebox"));

  after = dup_checksum_of_file (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (g_stat (path, &st_after), ==, 0);
  g_assert_cmpint (st_before.st_size, ==, st_after.st_size);
  g_assert_cmpint (st_before.st_mtime, ==, st_after.st_mtime);
  assert_no_sidecar_files (path);
}

static void
test_refuse_newer_schema_in_wal_mode (void)
{
  g_autofree char *path = shoebox_database_dup_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ShoeboxDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  sql = g_strdup_printf ("PRAGMA journal_mode = WAL; CREATE TABLE future (x TEXT);"
                         "PRAGMA user_version = %u;",
                         shoebox_database_get_latest_version () + 7);
  write_sqlite_file (path, sql);
  assert_no_sidecar_files (path);
  before = dup_checksum_of_file (path);

  db = shoebox_database_open_default (&error);
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_TOO_NEW);
  g_assert_null (db);

  after = dup_checksum_of_file (path);
  g_assert_cmpstr (before, ==, after);
  assert_no_sidecar_files (path);
}

typedef struct
{
  const char *name;
  const char *contents;
  gssize      length;
} DamagedCase;

static void
test_refuse_not_sqlite (gconstpointer data)
{
  const DamagedCase *damaged = data;
  g_autofree char *path = shoebox_database_dup_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ShoeboxDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, damaged->contents, damaged->length, NULL));
  before = dup_checksum_of_file (path);

  db = shoebox_database_open_default (&error);
  g_assert_null (db);
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));

  after = dup_checksum_of_file (path);
  g_assert_cmpstr (before, ==, after);
  assert_no_sidecar_files (path);
}

/* A real SQLite file whose pages after the header were overwritten: the
 * header check passes, and reading the schema is what finds the damage.
 */
static void
test_refuse_damaged_pages (void)
{
  g_autofree char *path = shoebox_database_dup_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ShoeboxDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  write_sqlite_file (path,
                     "CREATE TABLE t (x TEXT);"
                     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)"
                     "  INSERT INTO t SELECT printf ('%0100d', i) FROM n;");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  /* Keep the 100-byte file header, scribble over the rest of page 1
   * (where sqlite_schema lives) and everything after it.
   */
  for (gsize i = 100; i < length; i++)
    contents[i] = (char) (0xA5 ^ (i * 31));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  before = dup_checksum_of_file (path);

  db = shoebox_database_open_default (&error);
  g_assert_null (db);
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "damaged"));

  after = dup_checksum_of_file (path);
  g_assert_cmpstr (before, ==, after);
  assert_no_sidecar_files (path);
}

static void
test_empty_file_is_new_database (void)
{
  g_autofree char *path = shoebox_database_dup_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(ShoeboxDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "", 0, NULL));

  db = shoebox_database_open_default (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (shoebox_test_query_int (db, "PRAGMA user_version"), ==, shoebox_database_get_latest_version ());
}

/* Where the data folder should be, a regular file: the folder cannot be
 * created, whoever runs the test (root included).
 */
static void
test_data_folder_cannot_be_created (void)
{
  g_autofree char *blocker = g_build_filename (g_get_user_data_dir (), "shoebox", NULL);
  g_autoptr(ShoeboxDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));

  db = shoebox_database_open_default (&error);
  g_assert_null (db);
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, blocker));
  g_assert_nonnull (strstr (error->message, "cannot create its data folder"));
}

typedef struct
{
  int calls;
} WriteState;

static gboolean
insert_two_brands (ShoeboxDatabase  *db,
                   gpointer          user_data,
                   GError          **error)
{
  WriteState *state = user_data;

  state->calls++;
  return shoebox_database_exec (db, "INSERT INTO brands (name) VALUES ('Nike')", error)
         && shoebox_database_exec (db, "INSERT INTO brands (name) VALUES ('Asics')", error);
}

static gboolean
insert_then_violate (ShoeboxDatabase  *db,
                     gpointer          user_data,
                     GError          **error)
{
  WriteState *state = user_data;

  state->calls++;
  if (!shoebox_database_exec (db, "INSERT INTO brands (name) VALUES ('Valentino')", error))
    return FALSE;
  /* The brand names are unique, case-insensitively. */
  return shoebox_database_exec (db, "INSERT INTO brands (name) VALUES ('NIKE')", error);
}

static void
test_write_commits_or_rolls_back (void)
{
  g_autoptr(ShoeboxDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  WriteState state = { 0 };
  g_autofree char *count = NULL;
  g_autofree char *after = NULL;

  db = shoebox_database_open_default (&error);
  g_assert_no_error (error);

  g_assert_true (shoebox_database_write (db, insert_two_brands, &state, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state.calls, ==, 1);
  count = shoebox_test_query_text (db, "SELECT count(*) FROM brands");
  g_assert_cmpstr (count, ==, "2");

  g_assert_false (shoebox_database_write (db, insert_then_violate, &state, &error));
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "UNIQUE"));
  g_assert_cmpint (state.calls, ==, 2);

  /* Nothing half-written: Valentino went with the failed transaction. */
  after = shoebox_test_query_text (db, "SELECT group_concat (name, ',') FROM (SELECT name FROM brands ORDER BY name)");
  g_assert_cmpstr (after, ==, "Asics,Nike");
}

static gboolean
insert_then_fail_silently (ShoeboxDatabase  *db,
                           gpointer          user_data,
                           GError          **error)
{
  WriteState *state = user_data;

  state->calls++;
  return shoebox_database_exec (db, "INSERT INTO brands (name) VALUES ('Valentino')", error) && FALSE;
}

/* A write function that fails without saying why is a bug in Shoebox,
 * reported as one; the transaction still rolls back and the database
 * takes the next write, where it used to be left open and called a
 * success. */
static void
test_write_rolls_back_silent_failure (void)
{
  g_autoptr(ShoeboxDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  WriteState state = { 0 };
  g_autofree char *after = NULL;

  db = shoebox_database_open_default (&error);
  g_assert_no_error (error);

  g_test_expect_message ("shoebox-database", G_LOG_LEVEL_CRITICAL, "*failed without an error*");
  g_assert_false (shoebox_database_write (db, insert_then_fail_silently, &state, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_true (shoebox_database_write (db, insert_two_brands, &state, &error));
  g_assert_no_error (error);
  after = shoebox_test_query_text (db, "SELECT group_concat (name, ',') FROM (SELECT name FROM brands ORDER BY name)");
  g_assert_cmpstr (after, ==, "Asics,Nike");
}

static void
test_foreign_keys_enforced (void)
{
  g_autoptr(ShoeboxDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = shoebox_database_open_default (&error);
  g_assert_no_error (error);

  g_assert_false (shoebox_database_exec (db, "INSERT INTO silhouettes (brand_id, name) VALUES (42, 'Track')", &error));
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_CONSTRAINT);
}

static void
test_prepare_caches_and_reports (void)
{
  g_autoptr(ShoeboxDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *first;
  sqlite3_stmt *second;

  db = shoebox_database_open_default (&error);
  g_assert_no_error (error);

  g_assert_true (shoebox_database_exec (db, "INSERT INTO brands (id, name) VALUES (7, 'Nike')", &error));
  first = shoebox_database_prepare (db, "SELECT name FROM brands WHERE id = ?", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_bind_int (first, 1, 7), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (first), ==, SQLITE_ROW);

  /* The same statement comes back reset, with its binding cleared: the
   * NULL id matches nothing.
   */
  second = shoebox_database_prepare (db, "SELECT name FROM brands WHERE id = ?", &error);
  g_assert_no_error (error);
  g_assert_true (first == second);
  g_assert_cmpint (sqlite3_step (second), ==, SQLITE_DONE);

  g_assert_null (shoebox_database_prepare (db, "SELECT colour FROM nowhere", &error));
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "no such"));
}

/* A second connection sees what the first committed, and reads without
 * waiting for the first one's open write transaction (WAL).
 */
static void
test_open_another_shares_file (void)
{
  g_autoptr(ShoeboxDatabase) db = NULL;
  g_autoptr(ShoeboxDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *foreign_keys = NULL;
  g_autofree char *before = NULL;
  g_autofree char *during = NULL;
  g_autofree char *after = NULL;

  db = shoebox_database_open_default (&error);
  g_assert_no_error (error);
  other = shoebox_database_open_another (shoebox_database_get_path (db), &error);
  g_assert_no_error (error);
  g_assert_nonnull (other);
  g_assert_true (shoebox_database_get_handle (other) != shoebox_database_get_handle (db));
  g_assert_cmpstr (shoebox_database_get_path (other), ==, shoebox_database_get_path (db));
  g_assert_cmpuint (shoebox_database_get_schema_version (other), ==, shoebox_database_get_latest_version ());
  foreign_keys = shoebox_test_query_text (other, "PRAGMA foreign_keys");
  g_assert_cmpstr (foreign_keys, ==, "1");

  g_assert_true (shoebox_database_exec (db, "INSERT INTO brands (name) VALUES ('Nike')", &error));
  before = shoebox_test_query_text (other, "SELECT group_concat (name) FROM brands");
  g_assert_cmpstr (before, ==, "Nike");

  g_assert_true (shoebox_database_exec (db, "BEGIN IMMEDIATE; INSERT INTO brands (name) VALUES ('Asics')", &error));
  during = shoebox_test_query_text (other, "SELECT group_concat (name) FROM brands");
  g_assert_cmpstr (during, ==, "Nike");
  g_assert_true (shoebox_database_exec (db, "COMMIT", &error));
  after = shoebox_test_query_text (other, "SELECT group_concat (name) FROM (SELECT name FROM brands ORDER BY name)");
  g_assert_cmpstr (after, ==, "Asics,Nike");
}

/* Another connection creates, upgrades and loads nothing: a missing file
 * stays missing, an old or newer schema is refused as it is.
 */
static void
test_open_another_changes_nothing (void)
{
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "missing.db", NULL);
  g_autofree char *old = g_build_filename (g_get_user_data_dir (), "old.db", NULL);
  g_autofree char *newer = g_build_filename (g_get_user_data_dir (), "newer.db", NULL);
  g_autofree char *newer_sql = NULL;
  g_autoptr(ShoeboxDatabase) other = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);

  other = shoebox_database_open_another (missing, &error);
  g_assert_null (other);
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_FAILED);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  other = shoebox_database_open_with_migrations (old, test_migrations, 1, &error);
  g_assert_no_error (error);
  g_clear_object (&other);
  other = shoebox_database_open_another (old, &error);
  g_assert_null (other);
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "version 1"));
  g_clear_error (&error);
  other = shoebox_database_open_with_migrations (old, test_migrations, 1, &error);
  g_assert_cmpuint (shoebox_test_query_int (other, "PRAGMA user_version"), ==, 1);
  g_clear_object (&other);

  newer_sql = g_strdup_printf ("PRAGMA user_version = %u;", shoebox_database_get_latest_version () + 1);
  write_sqlite_file (newer, newer_sql);
  other = shoebox_database_open_another (newer, &error);
  g_assert_null (other);
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_TOO_NEW);
}

typedef struct
{
  GThread         *thread;
  ShoeboxDatabase *connection; /* compared, never used */
  char            *path;
  GAsyncResult    *result;
  guint            n_ticks;
} WorkerState;

static void
worker_state_clear (WorkerState *state)
{
  g_clear_pointer (&state->path, g_free);
  g_clear_object (&state->result);
}

static gboolean
tick_cb (gpointer user_data)
{
  WorkerState *state = user_data;

  state->n_ticks++;
  return G_SOURCE_CONTINUE;
}

static void
count_brands_thread (GTask           *task,
                     ShoeboxDatabase *connection,
                     gpointer         job_data,
                     GCancellable    *cancellable)
{
  WorkerState *state = job_data;
  g_autofree char *count = NULL;

  state->thread = g_thread_self ();
  state->connection = connection;
  state->path = g_strdup (shoebox_database_get_path (connection));
  count = shoebox_test_query_text (connection, "SELECT count(*) FROM brands");
  g_task_return_int (task, g_ascii_strtoll (count, NULL, 10));
}

static void
test_worker_runs_in_thread (void)
{
  g_autoptr(ShoeboxDatabase) db = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  WorkerState state = { 0 };

  db = shoebox_database_open_default (&error);
  g_assert_no_error (error);
  g_assert_true (shoebox_database_exec (db, "INSERT INTO brands (name) VALUES ('Nike')", &error));
  shoebox_test_sql_log_clear ();

  task = g_task_new (NULL, NULL, shoebox_test_store_result_cb, &state.result);
  shoebox_database_run_in_thread (db, task, count_brands_thread, &state, NULL);
  g_clear_object (&task);
  shoebox_test_wait_for_result (&state.result);

  g_assert_cmpint (g_task_propagate_int (G_TASK (state.result), &error), ==, 1);
  g_assert_no_error (error);
  g_assert_nonnull (state.thread);
  g_assert_true (state.thread != g_thread_self ());
  g_assert_true (state.connection != db);
  g_assert_cmpstr (state.path, ==, shoebox_database_get_path (db));
  g_assert_cmpuint (shoebox_test_sql_log_count ("FROM brands", FALSE), ==, 1);
  g_assert_cmpuint (shoebox_test_sql_log_count ("FROM brands", TRUE), ==, 0);
  worker_state_clear (&state);
}

static gboolean
insert_asics (ShoeboxDatabase  *db,
              gpointer          user_data,
              GError          **error)
{
  return shoebox_database_exec (db, "INSERT INTO brands (name) VALUES ('Asics')", error);
}

static void
insert_brand_thread (GTask           *task,
                     ShoeboxDatabase *connection,
                     gpointer         job_data,
                     GCancellable    *cancellable)
{
  GError *error = NULL;

  if (shoebox_database_write (connection, insert_asics, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* A worker that waits for the write lock the main connection holds
 * leaves the main loop running; it writes once the lock is free.
 */
static void
test_worker_waits_off_main_loop (void)
{
  g_autoptr(ShoeboxDatabase) db = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *brands = NULL;
  WorkerState state = { 0 };
  guint tick_id;

  db = shoebox_database_open_default (&error);
  g_assert_no_error (error);
  g_assert_true (shoebox_database_exec (db, "BEGIN IMMEDIATE; INSERT INTO brands (name) VALUES ('Nike')", &error));

  task = g_task_new (NULL, NULL, shoebox_test_store_result_cb, &state.result);
  shoebox_database_run_in_thread (db, task, insert_brand_thread, NULL, NULL);
  g_clear_object (&task);

  tick_id = g_timeout_add (10, tick_cb, &state);
  while (state.n_ticks < 10)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (state.result);

  g_assert_true (shoebox_database_exec (db, "COMMIT", &error));
  shoebox_test_wait_for_result (&state.result);
  g_source_remove (tick_id);
  g_assert_true (g_task_propagate_boolean (G_TASK (state.result), &error));
  g_assert_no_error (error);
  brands = shoebox_test_query_text (db, "SELECT group_concat (name) FROM (SELECT name FROM brands ORDER BY id)");
  g_assert_cmpstr (brands, ==, "Nike,Asics");
  worker_state_clear (&state);
}

static void
test_worker_not_started (void)
{
  g_autofree char *old = g_build_filename (g_get_user_data_dir (), "old.db", NULL);
  g_autoptr(ShoeboxDatabase) db = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  WorkerState state = { 0 };

  /* Cancelled before it starts: the work is not done. */
  db = shoebox_database_open_default (&error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  task = g_task_new (NULL, cancellable, shoebox_test_store_result_cb, &state.result);
  shoebox_database_run_in_thread (db, task, count_brands_thread, &state, NULL);
  g_clear_object (&task);
  shoebox_test_wait_for_result (&state.result);
  g_assert_cmpint (g_task_propagate_int (G_TASK (state.result), &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (state.thread);
  g_clear_error (&error);
  worker_state_clear (&state);
  g_clear_object (&db);

  /* A file the worker may not use reports why, and nothing runs. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  db = shoebox_database_open_with_migrations (old, test_migrations, 1, &error);
  g_assert_no_error (error);
  task = g_task_new (NULL, NULL, shoebox_test_store_result_cb, &state.result);
  shoebox_database_run_in_thread (db, task, count_brands_thread, &state, NULL);
  g_clear_object (&task);
  shoebox_test_wait_for_result (&state.result);
  g_assert_cmpint (g_task_propagate_int (G_TASK (state.result), &error), ==, -1);
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_FAILED);
  g_assert_null (state.thread);
  worker_state_clear (&state);
}

int
main (int   argc,
      char *argv[])
{
  static const char not_sqlite[] = "silhouette,brand\nTrack 2.0,Balenciaga\n";
  static const char short_header[] = "SQLite format 3";
  static const DamagedCase text_file = { "text", not_sqlite, sizeof not_sqlite - 1 };
  static const DamagedCase truncated_header = { "short", short_header, sizeof short_header };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  shoebox_test_sql_log_init ();

  g_test_add_func ("/database/open/creates-file", test_open_creates_file);
  g_test_add_func ("/database/open/twice-keeps-data", test_open_twice_keeps_data);
  g_test_add_func ("/database/open/empty-file", test_empty_file_is_new_database);
  g_test_add_func ("/database/migrate/step-by-step", test_migrate_step_by_step);
  g_test_add_func ("/database/migrate/failure-rolls-back", test_migrate_failure_rolls_back);
  g_test_add_func ("/database/migrate/rebuilds-pairs", test_migrate_rebuilds_pairs);
  g_test_add_func ("/database/migrate/refuses-broken-references", test_migrate_refuses_broken_references);
  g_test_add_func ("/database/refuse/newer-schema", test_refuse_newer_schema);
  g_test_add_func ("/database/refuse/newer-schema-wal", test_refuse_newer_schema_in_wal_mode);
  g_test_add_data_func ("/database/refuse/not-sqlite", &text_file, test_refuse_not_sqlite);
  g_test_add_data_func ("/database/refuse/truncated-header", &truncated_header, test_refuse_not_sqlite);
  g_test_add_func ("/database/refuse/damaged-pages", test_refuse_damaged_pages);
  g_test_add_func ("/database/refuse/data-folder-cannot-be-created", test_data_folder_cannot_be_created);
  g_test_add_func ("/database/write/commit-or-rollback", test_write_commits_or_rolls_back);
  g_test_add_func ("/database/write/silent-failure", test_write_rolls_back_silent_failure);
  g_test_add_func ("/database/write/foreign-keys", test_foreign_keys_enforced);
  g_test_add_func ("/database/prepare/cache-and-errors", test_prepare_caches_and_reports);
  g_test_add_func ("/database/another/shares-file", test_open_another_shares_file);
  g_test_add_func ("/database/another/changes-nothing", test_open_another_changes_nothing);
  g_test_add_func ("/database/worker/runs-in-thread", test_worker_runs_in_thread);
  g_test_add_func ("/database/worker/waits-off-main-loop", test_worker_waits_off_main_loop);
  g_test_add_func ("/database/worker/not-started", test_worker_not_started);

  return g_test_run ();
}
