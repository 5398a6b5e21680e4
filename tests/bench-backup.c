/* bench-backup.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Not a test: the collection file and the backups on a big collection
 * (issue 13), with the figures printed, not asserted:
 *
 *   _build/tests/bench-backup [FOLDER [N_PAIRS [N_PHOTOS]]]
 *
 * In FOLDER (a new temporary one by default; the disk matters) it
 * generates N_PAIRS pairs (100,000) with N_PHOTOS photos (1,000, of
 * 100 KB each), then times, each against the floor of copying the same
 * bytes into one file, synced once, in the same run: Export Collection,
 * a first backup (photos copied) and a second one (photos unchanged,
 * not copied again). Then the app's own backup service backs up while a
 * 1 ms timeout ticks on the main loop, and the longest gap between two
 * ticks is printed beside the longest gap of the same loop with nothing
 * running: a backup must never stall the window a frame (16 ms).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "shoebox-archive.h"
#include "shoebox-backup-service.h"
#include "shoebox-backups.h"
#include "shoebox-collection.h"

#define PHOTO_SIZE (100 * 1024)

typedef struct
{
  GMainLoop *loop;
  gint64     last_tick;
  gint64     max_gap;
} Ticks;

static gboolean
tick_cb (gpointer user_data)
{
  Ticks *ticks = user_data;
  gint64 now = g_get_monotonic_time ();

  ticks->max_gap = MAX (ticks->max_gap, now - ticks->last_tick);
  ticks->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* The floor: the same bytes read with plain reads and written into one
 * file, synced once: the least a durable copy of them costs.
 */
static gint64
copy_floor (const char *database_path,
            const char *photos,
            const char *target)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GDir) dir = g_dir_open (photos, 0, NULL);
  g_autofree char *copy = g_build_filename (target, "floor", NULL);
  g_autofree char *contents = NULL;
  const char *name;
  gsize length;
  FILE *out = fopen (copy, "wb");

  g_assert_nonnull (out);
  if (g_file_get_contents (database_path, &contents, &length, NULL))
    fwrite (contents, 1, length, out);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from = g_build_filename (photos, name, NULL);
      g_autofree char *data = NULL;

      if (g_file_get_contents (from, &data, &length, NULL))
        fwrite (data, 1, length, out);
    }
  fflush (out);
  fsync (fileno (out));
  fclose (out);
  return g_get_monotonic_time () - start;
}

static void
add_photos (ShoeboxDatabase *database,
            const char      *photos,
            guint            n_photos)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autofree guint32 *data = g_new (guint32, PHOTO_SIZE / 4);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (photos, 0700);
  shoebox_database_exec (database, "BEGIN", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_photos; i++)
    {
      g_autofree char *hash = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      sqlite3_stmt *stmt;

      for (guint j = 0; j < PHOTO_SIZE / 4; j++)
        data[j] = g_rand_int (rand);
      hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, PHOTO_SIZE);
      name = g_strconcat (hash, ".jpg", NULL);
      path = g_build_filename (photos, name, NULL);
      g_file_set_contents (path, (const char *) data, PHOTO_SIZE, &error);
      g_assert_no_error (error);

      stmt = shoebox_database_prepare (database, "INSERT INTO photos (pair_id, file_name)"
                                                 " VALUES ((SELECT id FROM pairs LIMIT 1 OFFSET ?), ?)", &error);
      g_assert_no_error (error);
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    }
  shoebox_database_exec (database, "COMMIT", &error);
  g_assert_no_error (error);
}

static void
print_timing (const char *what,
              gint64      us,
              gint64      floor_us)
{
  g_print ("%-36s %8.0f ms   (floor, plain copy of the same bytes: %6.0f ms; ratio %.2f)\n",
           what, us / 1e3, floor_us / 1e3, (double) us / MAX (floor_us, 1));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = argc > 1 ? g_strdup (argv[1]) : g_dir_make_tmp ("shoebox-bench-backup-XXXXXX", NULL);
  guint n_pairs = argc > 2 ? (guint) atoi (argv[2]) : 100000;
  guint n_photos = argc > 3 ? (guint) atoi (argv[3]) : 1000;
  g_autofree char *program_folder = NULL;
  g_autofree char *build_data = NULL;
  g_autofree char *database_path = g_build_filename (folder, "shoebox.db", NULL);
  g_autofree char *photos = g_build_filename (folder, "photos", NULL);
  g_autofree char *backups = g_build_filename (folder, "backups", NULL);
  g_autofree char *floor_folder = g_build_filename (folder, "floor", NULL);
  g_autofree char *export_path = g_build_filename (folder, "collection.shoebox", NULL);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autoptr(ShoeboxDatabase) database = NULL;
  g_autoptr(ShoeboxCollection) collection = NULL;
  g_autoptr(ShoeboxBackupService) service = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  Ticks ticks = { 0 };
  gint64 floor_us;
  gint64 start;
  gint64 idle_gap;
  guint tick_id;

#ifdef __GLIBC__
  mallopt (M_TRIM_THRESHOLD, 256 * 1024 * 1024);
#endif

  /* The service reads its switch from GSettings: the schema this build made. */
  program_folder = g_path_get_dirname (argv[0]);
  build_data = g_build_filename (program_folder, "..", "data", NULL);
  g_setenv ("GSETTINGS_SCHEMA_DIR", build_data, FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);

  g_mkdir_with_parents (floor_folder, 0700);
  g_print ("In %s: %u pairs, %u photos of %u KB\n", folder, n_pairs, n_photos, PHOTO_SIZE / 1024);
  database = shoebox_database_open (database_path, &error);
  g_assert_no_error (error);
  collection = shoebox_collection_new (database);
  shoebox_collection_generate_pairs (collection, n_pairs, 1, &error);
  g_assert_no_error (error);
  add_photos (database, photos, n_photos);
  shoebox_database_exec (database, "PRAGMA wal_checkpoint(TRUNCATE)", &error);
  g_assert_no_error (error);

  floor_us = copy_floor (database_path, photos, floor_folder);

  start = g_get_monotonic_time ();
  shoebox_archive_export (database_path, photos, export_file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  print_timing ("Export Collection", g_get_monotonic_time () - start, floor_us);

  start = g_get_monotonic_time ();
  first = shoebox_backups_back_up (backups, database_path, photos, now, NULL, &error);
  g_assert_no_error (error);
  print_timing ("first backup (photos copied)", g_get_monotonic_time () - start, floor_us);

  start = g_get_monotonic_time ();
  second = shoebox_backups_back_up (backups, database_path, photos, tomorrow, NULL, &error);
  g_assert_no_error (error);
  print_timing ("next backup (photos unchanged)", g_get_monotonic_time () - start, floor_us);

  /* The main loop alone, as the floor of its gaps. */
  ticks.loop = g_main_loop_new (NULL, FALSE);
  tick_id = g_timeout_add (1, tick_cb, &ticks);
  ticks.last_tick = g_get_monotonic_time ();
  g_timeout_add (1000, quit_cb, ticks.loop);
  g_main_loop_run (ticks.loop);
  idle_gap = ticks.max_gap;

  /* The app's service, as Back Up Now runs it. */
  service = shoebox_backup_service_new (database_path, photos, backups);
  g_signal_connect_swapped (service, "finished", G_CALLBACK (g_main_loop_quit), ticks.loop);
  ticks.max_gap = 0;
  start = g_get_monotonic_time ();
  ticks.last_tick = start;
  shoebox_backup_service_back_up_now (service);
  g_main_loop_run (ticks.loop);
  g_source_remove (tick_id);
  g_print ("backup in the app's service          %8.0f ms   longest main-loop gap %.1f ms "
           "(the loop alone: %.1f ms; a frame is 16 ms)\n",
           (g_get_monotonic_time () - start) / 1e3, ticks.max_gap / 1e3, idle_gap / 1e3);
  {
    GStatBuf info;

    if (g_stat (export_path, &info) == 0)
      g_print ("collection file: %.1f MB; database: ", info.st_size / 1e6);
    if (g_stat (database_path, &info) == 0)
      g_print ("%.1f MB\n", info.st_size / 1e6);
  }
  g_main_loop_unref (ticks.loop);
  return 0;
}
