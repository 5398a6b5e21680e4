/* test-archive.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The collection file's merge, and the rotation of the automatic backups
 * across simulated days (the clock is the caller's). The round trip,
 * the refusals, SIGKILL during a restore and a full disk during a backup
 * are in test-collection-file.py and test-disk-full.py, through the
 * command line.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "shoebox-archive.h"
#include "shoebox-backup-service.h"
#include "shoebox-backups.h"
#include "shoebox-collection.h"
#include "shoebox-test-collection.h"
#include "shoebox-test-wait.h"

typedef struct
{
  char *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = g_dir_make_tmp ("shoebox-archive-XXXXXX", NULL);
  g_assert_nonnull (fixture->folder);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_free (fixture->folder);
}

static ShoeboxDatabase *
make_collection (const char *folder,
                 const char *name,
                 guint       n_pairs)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(ShoeboxDatabase) database = NULL;
  g_autoptr(ShoeboxCollection) collection = NULL;
  g_autoptr(GError) error = NULL;

  database = shoebox_database_open (path, &error);
  g_assert_no_error (error);
  collection = shoebox_collection_new (database);
  shoebox_collection_generate_pairs (collection, n_pairs, 7, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&database);
}

static void
exec (ShoeboxDatabase *database,
      const char      *sql)
{
  g_autoptr(GError) error = NULL;

  shoebox_database_exec (database, sql, &error);
  g_assert_no_error (error);
}

static void
test_merge_counts (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *photos = g_build_filename (fixture->folder, "photos", NULL);
  g_autofree char *file_path = g_build_filename (fixture->folder, "theirs.shoebox", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(ShoeboxDatabase) theirs = NULL;
  g_autoptr(ShoeboxDatabase) mine = NULL;
  g_autoptr(ShoeboxArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  ShoeboxMergeCounts counts;
  guint n_silhouettes;
  guint n_wears_of_edited;

  g_mkdir_with_parents (photos, 0700);

  /* Theirs: 100 pairs, three of them on a silhouette of a brand of its own. */
  theirs = make_collection (fixture->folder, "theirs.db", 100);
  exec (theirs,
        "INSERT INTO brands (name) VALUES ('Merge Test Brand');"
        "INSERT INTO silhouettes (brand_id, name) SELECT id, 'Merge Runner' FROM brands WHERE name = 'Merge Test Brand';"
        "INSERT INTO silhouettes (brand_id, name, predecessor_id) SELECT b.id, 'Merge Runner 2', s.id"
        "  FROM brands b, silhouettes s WHERE b.name = 'Merge Test Brand' AND s.name = 'Merge Runner';"
        "UPDATE pairs SET silhouette_id = (SELECT id FROM silhouettes WHERE name = 'Merge Runner 2')"
        "  WHERE id IN (SELECT id FROM pairs ORDER BY id LIMIT 3);");
  g_assert_cmpuint (shoebox_test_query_int (theirs, "SELECT count(*) FROM pairs"), ==, 100);
  n_silhouettes = shoebox_test_query_int (theirs, "SELECT count(*) FROM silhouettes");
  shoebox_archive_export (shoebox_database_get_path (theirs), photos, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Mine: the same collection (a restore of theirs), then 30 pairs gone,
   * the notes of 10 others changed, the new silhouettes gone, and 5 pairs
   * of my own.
   */
  mine = make_collection (fixture->folder, "mine.db", 0);
  archive = shoebox_archive_open (file, NULL, &error);
  g_assert_no_error (error);
  shoebox_archive_restore (archive, mine, photos, NULL, &error);
  g_assert_no_error (error);
  exec (mine,
        "DELETE FROM pairs WHERE id IN (SELECT id FROM pairs ORDER BY id LIMIT 30);"
        "DELETE FROM silhouettes WHERE name IN ('Merge Runner 2', 'Merge Runner');"
        "UPDATE pairs SET notes = 'mine, changed' WHERE id IN (SELECT id FROM pairs ORDER BY id LIMIT 10);"
        "INSERT INTO pairs (silhouette_id, colorway, created_at, updated_at)"
        "  SELECT (SELECT min(id) FROM silhouettes), 'mine ' || value, '2026-01-01', '2026-01-01'"
        "  FROM (WITH RECURSIVE n (value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 5)"
        "        SELECT value FROM n);");
  g_assert_cmpuint (shoebox_test_query_int (mine, "SELECT count(*) FROM pairs"), ==, 75);

  shoebox_archive_merge (archive, mine, photos, &counts, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.pairs_added, ==, 40);
  g_assert_cmpuint (counts.pairs_skipped, ==, 60);
  g_assert_cmpuint (counts.silhouettes_added, ==, 2);
  g_assert_cmpuint (counts.silhouettes_skipped, ==, n_silhouettes - 2);
  g_assert_cmpuint (shoebox_test_query_int (mine, "SELECT count(*) FROM pairs"), ==, 115);
  g_assert_cmpuint (shoebox_test_query_int (mine, "SELECT count(*) FROM pairs WHERE notes = 'mine, changed'"), ==, 10);

  /* The added silhouettes keep their lineage, and the pairs their wears. */
  g_assert_cmpuint (shoebox_test_query_int (mine,
                                            "SELECT count(*) FROM silhouettes s JOIN silhouettes p ON p.id = s.predecessor_id"
                                            " WHERE s.name = 'Merge Runner 2' AND p.name = 'Merge Runner'"), ==, 1);
  n_wears_of_edited = shoebox_test_query_int (theirs, "SELECT count(*) FROM wears WHERE pair_id IN"
                                                      " (SELECT id FROM pairs ORDER BY id LIMIT 40)");
  g_assert_cmpuint (shoebox_test_query_int (mine, "SELECT count(*) FROM wears"), ==,
                    shoebox_test_query_int (theirs, "SELECT count(*) FROM wears") + n_wears_of_edited -
                    shoebox_test_query_int (theirs, "SELECT count(*) FROM wears WHERE pair_id IN"
                                                    " (SELECT id FROM pairs ORDER BY id LIMIT 30)"));

  /* A second merge finds everything there. */
  shoebox_archive_merge (archive, mine, photos, &counts, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.pairs_added, ==, 0);
  g_assert_cmpuint (counts.pairs_skipped, ==, 100);
  g_assert_cmpuint (counts.silhouettes_added, ==, 0);
  g_assert_cmpuint (counts.silhouettes_skipped, ==, n_silhouettes);
  g_assert_cmpuint (shoebox_test_query_int (mine, "SELECT count(*) FROM pairs"), ==, 115);
}

/* The dates of the backups left after taking one a day at noon from
 * 2026-01-01 (a Thursday) to 2026-03-01 (a Sunday): the last 7 days, and
 * the last backup of each of the 4 weeks before (ISO weeks end on Sunday;
 * the week of Feb 23 – Mar 1 is all daily ones).
 */
static const char * const kept_after_60_days[] = {
  "2026-03-01", "2026-02-28", "2026-02-27", "2026-02-26", "2026-02-25", "2026-02-24", "2026-02-23",
  "2026-02-22", "2026-02-15", "2026-02-08", "2026-02-01", NULL
};

static GStrv
dup_backup_dates (const char *folder)
{
  g_autoptr(GPtrArray) backups = shoebox_backups_list (folder);
  g_autoptr(GStrvBuilder) dates = g_strv_builder_new ();

  for (guint i = 0; i < backups->len; i++)
    {
      ShoeboxBackupInfo *info = g_ptr_array_index (backups, i);

      g_autofree char *date = g_date_time_format (info->time, "%Y-%m-%d");

      g_strv_builder_add (dates, date);
    }
  return g_strv_builder_end (dates);
}

static void
test_rotation (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *photos = g_build_filename (fixture->folder, "photos", NULL);
  g_autofree char *folder = g_build_filename (fixture->folder, "backups", NULL);
  g_autofree char *pool = shoebox_backups_dup_photos_pool (folder);
  g_autoptr(ShoeboxDatabase) database = make_collection (fixture->folder, "mine.db", 20);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 1, 1, 12, 0, 0);
  g_auto(GStrv) dates = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (photos, 0700);

  for (int day = 0; day < 60; day++)
    {
      g_autoptr(GDateTime) now = g_date_time_add_days (start, day);
      g_autoptr(GDateTime) later = g_date_time_add_hours (now, 3);
      g_autoptr(GDateTime) next_day = g_date_time_add_hours (now, 24);
      g_autofree char *photo_name = NULL;
      g_autofree char *photo_path = NULL;
      g_autofree char *contents = g_strdup_printf ("photo of day %d", day);
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);
      g_autofree char *sql = NULL;
      g_autofree char *backup = NULL;

      /* Each day one more photo: a backup copies only the new one. */
      photo_name = g_strconcat (hash, ".jpg", NULL);
      photo_path = g_build_filename (photos, photo_name, NULL);
      g_file_set_contents (photo_path, contents, -1, &error);
      g_assert_no_error (error);
      sql = g_strdup_printf ("DELETE FROM photos; INSERT INTO photos (pair_id, file_name)"
                             " VALUES ((SELECT min(id) FROM pairs), '%s')", photo_name);
      exec (database, sql);

      g_assert_true (shoebox_backups_is_due (folder, now));
      backup = shoebox_backups_back_up (folder, shoebox_database_get_path (database), photos,
                                        now, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (backup);
      shoebox_backups_rotate (folder);

      g_assert_false (shoebox_backups_is_due (folder, later));
      g_assert_true (shoebox_backups_is_due (folder, next_day));
      g_assert_false (shoebox_backups_has_changed (folder, shoebox_database_get_path (database)));
    }

  dates = dup_backup_dates (folder);
  g_assert_cmpstrv (dates, kept_after_60_days);

  /* The pool holds exactly the photos of the kept backups: one each. */
  {
    g_autoptr(GDir) dir = g_dir_open (pool, 0, &error);
    guint n_photos = 0;

    g_assert_no_error (error);
    while (g_dir_read_name (dir) != NULL)
      n_photos++;
    g_assert_cmpuint (n_photos, ==, g_strv_length ((GStrv) kept_after_60_days));
  }

  /* A change is seen; two backups on one day keep the later one. */
  /* As the collection saves an edit: with its time. */
  exec (database, "UPDATE pairs SET notes = 'changed', updated_at = '2026-03-01T19:00:00Z'"
                  " WHERE id = (SELECT min(id) FROM pairs)");
  g_assert_true (shoebox_backups_has_changed (folder, shoebox_database_get_path (database)));
  {
    g_autoptr(GDateTime) evening = g_date_time_new_utc (2026, 3, 1, 20, 0, 0);
    g_autofree char *backup = shoebox_backups_back_up (folder, shoebox_database_get_path (database),
                                                       photos, evening, NULL, &error);
    g_auto(GStrv) after = NULL;
    g_autoptr(GPtrArray) backups = NULL;

    g_assert_no_error (error);
    shoebox_backups_rotate (folder);
    after = dup_backup_dates (folder);
    g_assert_cmpstrv (after, kept_after_60_days);
    backups = shoebox_backups_list (folder);
    g_assert_cmpstr (((ShoeboxBackupInfo *) g_ptr_array_index (backups, 0))->path, ==, backup);
    g_assert_cmpuint (((ShoeboxBackupInfo *) g_ptr_array_index (backups, 0))->n_pairs, ==, 20);
    g_assert_false (shoebox_backups_has_changed (folder, shoebox_database_get_path (database)));
  }
}

/* A ShoeboxTestCondition: the monotonic time @data points to has come. */
static gboolean
is_past (gpointer data)
{
  return g_get_monotonic_time () >= *(const gint64 *) data;
}

/* The day's backup, a copy of the whole collection, waits a minute after
 * the service starts (issue 15: the first minute after launch is the
 * collector's, not a backup's). Started with no wait, the same check
 * backs up.
 */
static void
test_service_first_check_waits (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *photos = g_build_filename (fixture->folder, "photos", NULL);
  g_autofree char *folder = g_build_filename (fixture->folder, "backups", NULL);
  g_autoptr(ShoeboxDatabase) database = make_collection (fixture->folder, "mine.db", 20);
  g_autoptr(ShoeboxBackupService) service = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 two_seconds_later;
  guint n_finished = 0;

  g_mkdir_with_parents (photos, 0700);
  g_assert_true (shoebox_backups_is_due (folder, now));

  service = shoebox_backup_service_new (shoebox_database_get_path (database), photos, folder);
  g_signal_connect_swapped (service, "finished", G_CALLBACK (shoebox_test_count_cb), &n_finished);
  shoebox_backup_service_start (service);
  two_seconds_later = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  shoebox_test_wait_until (is_past, &two_seconds_later);
  g_assert_cmpuint (n_finished, ==, 0);
  g_assert_false (shoebox_backup_service_is_busy (service));
  g_assert_true (shoebox_backups_is_due (folder, now));
  g_clear_object (&service);

  service = shoebox_backup_service_new (shoebox_database_get_path (database), photos, folder);
  g_signal_connect_swapped (service, "finished", G_CALLBACK (shoebox_test_count_cb), &n_finished);
  shoebox_backup_service_start_after (service, 0);
  shoebox_test_wait_until (shoebox_test_is_positive, &n_finished);
  g_assert_cmpuint (n_finished, ==, 1);
  g_clear_pointer (&now, g_date_time_unref);
  now = g_date_time_new_now_utc ();
  g_assert_false (shoebox_backups_is_due (folder, now));
}

/* A backup is written into its file as it is read, never held whole in
 * memory: the day's first one, right after launch, held a 59 MB
 * collection twice (its copy, then that copy's bytes). SQLite counts what
 * it allocates; the backup of a 16 MB collection may use its page cache
 * (2 MB), not 16 MB. The file is whole: in the rollback-journal mode
 * (bytes 18 and 19 of the header), with every row, and nothing is left
 * beside it.
 */
static void
test_streamed (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(ShoeboxDatabase) database = make_collection (fixture->folder, "streamed.db", 20);
  g_autofree char *folder = g_build_filename (fixture->folder, "backups", NULL);
  g_autofree char *photos = g_build_filename (fixture->folder, "photos", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 1, 8, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *header = NULL;
  gsize header_length = 0;
  sqlite3_int64 before;
  sqlite3 *copy = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_files = 0;

  g_assert_cmpint (g_mkdir_with_parents (photos, 0700), ==, 0);
  exec (database, "CREATE TABLE ballast (data BLOB);"
                  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)"
                  " INSERT INTO ballast SELECT randomblob (4000) FROM n");

  before = sqlite3_memory_used ();
  sqlite3_memory_highwater (TRUE);
  backup = shoebox_backups_back_up (folder, shoebox_database_get_path (database), photos, now, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_assert_cmpint (sqlite3_memory_highwater (FALSE) - before, <, 6 * 1024 * 1024);

  g_file_get_contents (backup, &header, &header_length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (header_length, >, 16000000);
  g_assert_cmpint (header[18], ==, 1);
  g_assert_cmpint (header[19], ==, 1);

  g_assert_cmpint (sqlite3_open_v2 (backup, &copy, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (copy, "SELECT (SELECT count(*) FROM ballast), (SELECT count(*) FROM pairs),"
                                             " (SELECT integrity_check FROM pragma_integrity_check)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 4000);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 20);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (copy);

  /* The backup and the photos' pool, no temporary file. */
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
    const char *name;

    g_assert_no_error (error);
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_assert_true (g_str_equal (name, "photos") || g_str_has_suffix (backup, name));
        n_files++;
      }
    g_assert_cmpuint (n_files, ==, 2);
  }
  g_assert_false (shoebox_backups_has_changed (folder, shoebox_database_get_path (database)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/archive/merge-counts", Fixture, NULL, fixture_set_up, test_merge_counts, fixture_tear_down);
  g_test_add ("/backups/rotation", Fixture, NULL, fixture_set_up, test_rotation, fixture_tear_down);
  g_test_add ("/backups/streamed", Fixture, NULL, fixture_set_up, test_streamed, fixture_tear_down);
  g_test_add ("/backups/service-first-check-waits", Fixture, NULL, fixture_set_up,
              test_service_first_check_waits, fixture_tear_down);

  return g_test_run ();
}
