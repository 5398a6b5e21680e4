/* test-csv-dialogs.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "shoebox-csv-dialogs.h"
#include "shoebox-test-collection.h"
#include "shoebox-test-gtk.h"
#include "shoebox-test-sql-log.h"
#include "shoebox-window.h"

/* Widget tests of the CSV dialogs: the import's preview, and the export, each on a fresh
 * database in isolated XDG folders.
 */

typedef ShoeboxTestCollection Fixture;
static void
imported_cb (ShoeboxCsvImportWindow *window,
             guint                   n_imported,
             guint                   n_rejected,
             gboolean               *imported)
{
  g_assert_cmpuint (n_imported, ==, 1);
  g_assert_cmpuint (n_rejected, ==, 2);
  *imported = TRUE;
}

static void
test_csv_preview (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char csv[] =
    "silhouette,brand,colorway,price_paid,currency,purchase_date,mood\n"
    "Track 2.0,Balenciaga,Silver,890.00,EUR,2023-04-12,happy\n"
    "Triple S,Balenciaga,Black,-5,USD,2022-11-25,\n"
    "Air Max 97,Nike,Silver Bullet,185.00,USD,2022-02-30,\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(ShoeboxCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  g_autofree char *summary = NULL;
  gboolean imported = FALSE;

  report = shoebox_csv_preview (bytes, &error);
  g_assert_no_error (error);
  window = shoebox_csv_import_window_new (fixture->collection, "pairs.csv", bytes, report);
  shoebox_dialog_present (window, NULL);
  g_object_ref (window);
  shoebox_test_settle ();
  summary = g_strdup (gtk_label_get_text (GTK_LABEL (shoebox_test_template_child (window, SHOEBOX_TYPE_CSV_IMPORT_WINDOW,
                                                                                  "summary_label"))));
  g_assert_nonnull (strstr (summary, "3 rows: 1 can be imported, 2 will be skipped"));
  /* Columns and problems in words, not the file's column names. */
  g_assert_true (shoebox_test_shows_text (window, "Imported as Price Paid"));
  g_assert_true (shoebox_test_shows_text (window, "Storage Location"));
  g_assert_false (shoebox_test_shows_text (window, "storage_location"));
  g_assert_true (shoebox_test_shows_text (window, "Line 3, Price Paid"));
  g_assert_false (shoebox_test_shows_text (window, "Line 3, price_paid"));
  /* The preview wrote nothing. */
  g_assert_cmpuint (shoebox_test_count_pairs (fixture->collection), ==, 0);

  /* The import runs in a worker thread; meanwhile the window says so,
   * and neither cancels nor closes.
   */
  g_signal_connect (window, "imported", G_CALLBACK (imported_cb), &imported);
  shoebox_test_sql_log_clear ();
  gtk_widget_activate_action (GTK_WIDGET (window), "import.import", NULL);
  g_assert_false (gtk_widget_get_sensitive (shoebox_test_template_child (window, SHOEBOX_TYPE_CSV_IMPORT_WINDOW, "cancel_button")));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (shoebox_test_template_child (window, SHOEBOX_TYPE_CSV_IMPORT_WINDOW,
                                                                                     "spinner"))));
  /* What Escape, Cancel or the window manager would ask. */
  shoebox_dialog_close (window);
  g_assert_true (shoebox_dialog_is_shown (window));

  shoebox_test_wait_until (shoebox_test_is_true, &imported);
  g_assert_cmpuint (shoebox_test_count_pairs (fixture->collection), ==, 1);
  g_assert_cmpuint (shoebox_test_sql_log_count ("INSERT INTO pairs (", FALSE), ==, 1);
  g_assert_cmpuint (shoebox_test_sql_log_count ("INSERT INTO pairs (", TRUE), ==, 0);
  /* Done, it closed itself. */
  g_assert_false (shoebox_dialog_is_shown (window));
  g_assert_finalize_object (window);
}

/* What the export told, in order: 1 started, 0 ended. */
static void
exporting_cb (gboolean exporting,
              gpointer user_data)
{
  GString *told = user_data;

  g_string_append_c (told, exporting ? '1' : '0');
}

static gboolean
export_done (gpointer data)
{
  GString *told = data;

  return g_str_has_suffix (told->str, "0");
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* Export CSV… writes in a worker thread: the window's export is marked
 * running until the file is written, and a window closed meanwhile lets
 * the export finish.
 */
static void
test_csv_export (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "export.csv", NULL);
  g_autofree char *closed_path = g_build_filename (g_get_user_data_dir (), "closed.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) closed_file = g_file_new_for_path (closed_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  ShoeboxWindow *window = shoebox_window_new (NULL);
  ShoeboxWindow *closed = shoebox_window_new (NULL);
  g_autoptr(GString) told = g_string_new (NULL);
  AdwToastOverlay *toasts;

  g_assert_true (shoebox_collection_generate_pairs (fixture->collection, 300, 4, &error));
  g_assert_no_error (error);
  shoebox_window_set_collection (window, fixture->collection);
  gtk_window_present (GTK_WINDOW (window));
  toasts = ADW_TOAST_OVERLAY (shoebox_test_template_child (window, SHOEBOX_TYPE_WINDOW, "toasts"));

  shoebox_test_sql_log_clear ();
  shoebox_csv_dialogs_export_to_file (GTK_WINDOW (window), fixture->collection, toasts, file, exporting_cb, told);
  g_assert_cmpstr (told->str, ==, "1");
  shoebox_test_wait_until (export_done, told);
  g_assert_cmpstr (told->str, ==, "10");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 302);
  g_assert_true (g_str_has_prefix (lines[0], "silhouette,brand,"));
  /* Every pair was read by the worker, 1,000 to a query (with their
   * tags and wears in two more).
   */
  g_assert_cmpuint (shoebox_test_sql_log_count ("WHERE p.id IN (SELECT value FROM json_each", FALSE), >=, 1);

  /* Closed at once, from another window that never showed (see
   * destroy_settled()).
   */
  g_string_truncate (told, 0);
  shoebox_csv_dialogs_export_to_file (GTK_WINDOW (closed), fixture->collection,
                                      ADW_TOAST_OVERLAY (shoebox_test_template_child (closed, SHOEBOX_TYPE_WINDOW, "toasts")),
                                      closed_file, exporting_cb, told);
  gtk_window_destroy (GTK_WINDOW (closed));
  shoebox_test_wait_until (file_exists, closed_path);
  shoebox_test_spin (100);
  /* A window not shown, or closed, has no Export item to tell. */
  g_assert_cmpstr (told->str, ==, "");
  shoebox_test_destroy_settled (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  shoebox_test_gtk_init (&argc, &argv);
  shoebox_test_sql_log_init ();

  shoebox_test_add_with_collection ("/csv/preview-and-import", test_csv_preview);
  shoebox_test_add_with_collection ("/csv/export", test_csv_export);

  return g_test_run ();
}
