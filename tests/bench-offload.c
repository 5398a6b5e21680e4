/* bench-offload.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "shoebox-collection.h"
#include "shoebox-csv-async.h"
#include "shoebox-mentions.h"

/* Not a test: the longest the main loop goes without dispatching while
 * each long job runs, called synchronously (the whole job) and through
 * its _async() function (a worker thread). A 1 ms timeout ticks on the
 * main loop meanwhile; the figure is the largest gap between two ticks.
 * Run it by hand on a generated database:
 *
 *   _build/tests/shoebox-generate-pairs /tmp/bench.db 100000
 *   _build/tests/bench-offload /tmp/bench.db
 *
 * The CSV import goes into fresh databases in a temporary folder, so the
 * given one only grows by what the mentions scan stores.
 */

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  gint64        last_tick;
  gint64        max_gap;
} Run;

static gboolean
tick_cb (gpointer user_data)
{
  Run *run = user_data;
  gint64 now = g_get_monotonic_time ();

  run->max_gap = MAX (run->max_gap, now - run->last_tick);
  run->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;

  run->result = g_object_ref (result);
  g_main_loop_quit (run->loop);
}

/* Runs the main loop with the ticking timeout until the job's callback. */
static void
wait_ticking (Run *run)
{
  guint tick_id = g_timeout_add (1, tick_cb, run);

  run->last_tick = g_get_monotonic_time ();
  g_main_loop_run (run->loop);
  g_source_remove (tick_id);
}

static void
report (const char *job,
        gint64      sync_us,
        gint64      async_us,
        gint64      async_gap_us)
{
  g_print ("%-11s  synchronous: main loop blocked %7.1f ms   "
           "async: done in %7.1f ms, longest main-loop gap %5.1f ms\n",
           job, sync_us / 1e3, async_us / 1e3, async_gap_us / 1e3);
}

static ShoeboxCollection *
open_fresh (const char *folder,
            const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(ShoeboxDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  ShoeboxCollection *collection;

  database = shoebox_database_open (path, &error);
  g_assert_no_error (error);
  collection = shoebox_collection_new (database);
  g_assert_true (shoebox_collection_load_starter_catalogue (collection, NULL, &error));
  g_assert_no_error (error);
  return collection;
}

int
main (int   argc,
      char *argv[])
{
  static const char * const files[] = { "pairs.csv", "sync.db", "async.db" };
  g_autoptr(ShoeboxDatabase) database = NULL;
  g_autoptr(ShoeboxCollection) collection = NULL;
  g_autoptr(ShoeboxMentions) mentions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *csv_path = NULL;
  g_autoptr(GFile) csv = NULL;
  g_autoptr(GBytes) contents = NULL;
  Run run = { 0 };
  gint64 start;
  gint64 sync_us;

  if (argc != 2)
    {
      g_printerr ("Usage: bench-offload DATABASE\n");
      return 2;
    }

  database = shoebox_database_open (argv[1], &error);
  if (database == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  collection = shoebox_collection_new (database);
  mentions = shoebox_mentions_new (database);
  run.loop = g_main_loop_new (NULL, FALSE);
  folder = g_dir_make_tmp ("shoebox-bench-XXXXXX", &error);
  g_assert_no_error (error);
  csv_path = g_build_filename (folder, "pairs.csv", NULL);
  csv = g_file_new_for_path (csv_path);

  {
    g_autoptr(ShoeboxStatistics) statistics = NULL;

    start = g_get_monotonic_time ();
    statistics = shoebox_collection_compute_statistics (collection, NULL, &error);
    g_assert_no_error (error);
    sync_us = g_get_monotonic_time () - start;

    start = g_get_monotonic_time ();
    shoebox_collection_compute_statistics_async (collection, NULL, NULL, done_cb, &run);
    wait_ticking (&run);
    g_clear_pointer (&statistics, shoebox_statistics_free);
    statistics = shoebox_collection_compute_statistics_finish (collection, run.result, &error);
    g_assert_no_error (error);
    report ("statistics", sync_us, g_get_monotonic_time () - start, run.max_gap);
    g_clear_object (&run.result);
  }

  start = g_get_monotonic_time ();
  g_assert_true (shoebox_csv_export_file (collection, csv, NULL, NULL, &error));
  g_assert_no_error (error);
  sync_us = g_get_monotonic_time () - start;
  run.max_gap = 0;
  start = g_get_monotonic_time ();
  shoebox_csv_export_file_async (collection, csv, NULL, done_cb, &run);
  wait_ticking (&run);
  g_assert_true (shoebox_csv_export_file_finish (collection, run.result, NULL, &error));
  g_assert_no_error (error);
  report ("CSV export", sync_us, g_get_monotonic_time () - start, run.max_gap);
  g_clear_object (&run.result);

  start = g_get_monotonic_time ();
  g_assert_true (shoebox_mentions_scan (mentions, FALSE, NULL, &error));
  g_assert_no_error (error);
  sync_us = g_get_monotonic_time () - start;
  run.max_gap = 0;
  start = g_get_monotonic_time ();
  shoebox_mentions_scan_async (mentions, FALSE, NULL, done_cb, &run);
  wait_ticking (&run);
  g_assert_true (shoebox_mentions_scan_finish (mentions, run.result, NULL, &error));
  g_assert_no_error (error);
  report ("mentions", sync_us, g_get_monotonic_time () - start, run.max_gap);
  g_clear_object (&run.result);

  contents = g_file_load_bytes (csv, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(ShoeboxCollection) first = open_fresh (folder, "sync.db");
    g_autoptr(ShoeboxCollection) second = open_fresh (folder, "async.db");
    g_autoptr(ShoeboxCsvReport) report_sync = NULL;
    g_autoptr(ShoeboxCsvReport) report_async = NULL;

    start = g_get_monotonic_time ();
    report_sync = shoebox_csv_import (first, contents, &error);
    g_assert_no_error (error);
    sync_us = g_get_monotonic_time () - start;
    run.max_gap = 0;
    start = g_get_monotonic_time ();
    shoebox_csv_import_async (second, contents, NULL, done_cb, &run);
    wait_ticking (&run);
    report_async = shoebox_csv_import_finish (second, run.result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (shoebox_csv_report_get_n_imported (report_async), ==,
                      shoebox_csv_report_get_n_imported (report_sync));
    report ("CSV import", sync_us, g_get_monotonic_time () - start, run.max_gap);
    g_clear_object (&run.result);
    /* The window frees the report it is given on the main thread. */
    start = g_get_monotonic_time ();
    g_clear_pointer (&report_async, shoebox_csv_report_unref);
    g_print ("%-11s  the report, freed on the main thread: %.1f ms\n", "CSV import",
             (g_get_monotonic_time () - start) / 1e3);
    shoebox_database_close (shoebox_collection_get_database (first));
    shoebox_database_close (shoebox_collection_get_database (second));
  }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (folder, files[i], NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
  g_main_loop_unref (run.loop);
  return 0;
}
