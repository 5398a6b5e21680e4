/* test-csv.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "shoebox-csv-async.h"
#include "shoebox-csv.h"
#include "shoebox-test-collection.h"
#include "shoebox-test-sql-log.h"
#include "shoebox-test-wait.h"

#define HEADER \
  "silhouette,brand,colorway,official_colorway,style_code,size,size_system,condition,box,extras," \
  "status,price_paid,currency,purchase_date,where_bought,estimated_value,storage_location,tags," \
  "notes,wear_dates"

/* Each case runs with its own empty XDG folders (G_TEST_OPTION_ISOLATE_DIRS). */
typedef struct
{
  ShoeboxDatabase   *database;
  ShoeboxCollection *collection;
} Fixture;

static void
open_collection (const char         *name,
                 ShoeboxDatabase   **database,
                 ShoeboxCollection **collection)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  *database = shoebox_database_open (path, &error);
  g_assert_no_error (error);
  *collection = shoebox_collection_new (*database);
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  open_collection ("first.db", &fixture->database, &fixture->collection);
  g_assert_true (shoebox_collection_load_starter_catalogue (fixture->collection, NULL, &error));
  g_assert_no_error (error);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  shoebox_test_wait_for_release (fixture->collection);
  g_assert_finalize_object (fixture->collection);
  g_assert_finalize_object (fixture->database);
}

static GBytes *
export_to_bytes (ShoeboxCollection *collection,
                 guint             *n_exported)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (shoebox_csv_export (collection, stream, n_exported, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static ShoeboxCsvReport *
import_text (ShoeboxCollection *collection,
             const char        *text,
             gssize             length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);
  g_autoptr(GError) error = NULL;
  ShoeboxCsvReport *report = shoebox_csv_import (collection, bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
assert_problem (ShoeboxCsvReport *report,
                guint             line,
                const char       *field,
                const char       *reason_part)
{
  GPtrArray *problems = shoebox_csv_report_get_problems (report);

  for (guint i = 0; i < problems->len; i++)
    {
      ShoeboxCsvProblem *problem = g_ptr_array_index (problems, i);

      if (problem->line == line && g_strcmp0 (problem->field, field) == 0
          && strstr (problem->reason, reason_part) != NULL)
        return;
    }

  for (guint i = 0; i < problems->len; i++)
    {
      ShoeboxCsvProblem *problem = g_ptr_array_index (problems, i);

      g_test_message ("line %u, %s: %s", problem->line, problem->field, problem->reason);
    }
  g_error ("no problem on line %u in %s saying “%s”", line, field, reason_part);
}

static ShoeboxPair *
make_tricky_pair (guint variant)
{
  ShoeboxPair *pair = shoebox_pair_new ();
  g_autofree char *notes = NULL;

  switch (variant)
    {
    case 0:
      shoebox_pair_set_silhouette_name (pair, "Track 2.0");
      shoebox_pair_set_brand_name (pair, "Balenciaga");
      shoebox_pair_set_colorway (pair, "Silver, \"Bullet\"");
      shoebox_pair_set_official_colorway (pair, "=HYPERLINK(\"http://evil\")");
      shoebox_pair_set_style_code (pair, "+1 555");
      shoebox_pair_set_size (pair, "10.5");
      shoebox_pair_set_size_system (pair, SHOEBOX_SIZE_SYSTEM_US_M);
      shoebox_pair_set_condition (pair, SHOEBOX_CONDITION_DEADSTOCK);
      shoebox_pair_set_box (pair, SHOEBOX_BOX_ORIGINAL);
      shoebox_pair_set_extras (pair, (const char * const[]) { "receipt; paper", "laces \\ white", "\\;", NULL });
      shoebox_pair_set_status (pair, SHOEBOX_STATUS_OWNED);
      shoebox_pair_set_price_paid (pair, 115000);
      shoebox_pair_set_currency (pair, "USD");
      shoebox_pair_set_purchase_date (pair, "2023-11-24");
      shoebox_pair_set_where_bought (pair, "-Paris-");
      shoebox_pair_set_estimated_value (pair, 0);
      shoebox_pair_set_storage_location (pair, "@home");
      shoebox_pair_set_tags (pair, (const char * const[]) { "grail", "to clean", "a;b", "c\\d", NULL });
      shoebox_pair_set_notes (pair, "Line one,\nline \"two\"\r\nline three; with \\ backslash\n");
      shoebox_pair_set_wear_dates (pair, (const char * const[]) { "2024-01-02", "2024-02-29", NULL });
      break;

    case 1:
      shoebox_pair_set_silhouette_name (pair, "Gel-1090");
      shoebox_pair_set_brand_name (pair, "Asics");
      shoebox_pair_set_colorway (pair, "'=already quoted");
      shoebox_pair_set_official_colorway (pair, "''");
      shoebox_pair_set_style_code (pair, "'plain");
      shoebox_pair_set_size (pair, "27.5");
      shoebox_pair_set_size_system (pair, SHOEBOX_SIZE_SYSTEM_JP_CM);
      shoebox_pair_set_condition (pair, SHOEBOX_CONDITION_BEATER);
      shoebox_pair_set_box (pair, SHOEBOX_BOX_NONE);
      shoebox_pair_set_status (pair, SHOEBOX_STATUS_SOLD);
      shoebox_pair_set_price_paid (pair, 171000);
      shoebox_pair_set_currency (pair, "JPY");
      shoebox_pair_set_where_bought (pair, "東京 · アトモス");
      shoebox_pair_set_estimated_value (pair, 250000);
      shoebox_pair_set_tags (pair, (const char * const[]) { "'+", "=1+1", "日本", "👟", NULL });
      shoebox_pair_set_notes (pair, "-");
      break;

    case 2:
      /* Only what is required: every other field empty. */
      shoebox_pair_set_silhouette_name (pair, "Mystery Runner");
      shoebox_pair_set_brand_name (pair, "Unknown Label, Inc.");
      shoebox_pair_set_status (pair, SHOEBOX_STATUS_WISHLIST);
      break;

    case 3:
      shoebox_pair_set_silhouette_name (pair, "Triple S");
      shoebox_pair_set_brand_name (pair, "Balenciaga");
      shoebox_pair_set_colorway (pair, " leading and trailing spaces ");
      shoebox_pair_set_size (pair, "42 2/3");
      shoebox_pair_set_size_system (pair, SHOEBOX_SIZE_SYSTEM_EU);
      shoebox_pair_set_condition (pair, SHOEBOX_CONDITION_VNDS);
      shoebox_pair_set_box (pair, SHOEBOX_BOX_DAMAGED);
      shoebox_pair_set_currency (pair, "KWD");
      shoebox_pair_set_price_paid (pair, 1234);
      notes = g_strnfill (60 * 1024, 'n');
      notes[100] = '\n';
      notes[200] = ',';
      notes[300] = '"';
      shoebox_pair_set_notes (pair, notes);
      shoebox_pair_set_wear_dates (pair, (const char * const[]) { "1999-12-31", NULL });
      break;

    default:
      g_assert_not_reached ();
    }

  return pair;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(ShoeboxDatabase) database = NULL;
  g_autoptr(ShoeboxCollection) empty = NULL;
  g_autoptr(ShoeboxCsvReport) report = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) imported = NULL;
  g_autofree char *text = NULL;
  ShoeboxPair *originals[4];
  guint n_exported = 0;

  for (guint i = 0; i < G_N_ELEMENTS (originals); i++)
    {
      originals[i] = make_tricky_pair (i);
      g_assert_true (shoebox_collection_save_pair (fixture->collection, originals[i], &error));
      g_assert_no_error (error);
    }

  first = export_to_bytes (fixture->collection, &n_exported);
  g_assert_cmpuint (n_exported, ==, 4);
  text = g_strndup (g_bytes_get_data (first, NULL), g_bytes_get_size (first));
  g_assert_true (g_str_has_prefix (text, HEADER "\r\n"));
  /* Formula-like cells are protected, and the protection is protected. */
  g_assert_nonnull (strstr (text, ",\"'=HYPERLINK(\"\"http://evil\"\")\","));
  g_assert_nonnull (strstr (text, ",'+1 555,"));
  g_assert_nonnull (strstr (text, ",'-Paris-,"));
  g_assert_nonnull (strstr (text, ",'@home,"));
  g_assert_nonnull (strstr (text, ",''=already quoted,"));
  g_assert_nonnull (strstr (text, ",''',"));
  g_assert_nonnull (strstr (text, ",'plain,"));
  g_assert_nonnull (strstr (text, ",1150.00,USD,2023-11-24,"));
  g_assert_nonnull (strstr (text, ",171000,JPY,"));
  g_assert_nonnull (strstr (text, ",1.234,KWD,"));
  g_assert_nonnull (strstr (text, "grail;to clean;a\\;b;c\\\\d"));
  g_assert_nonnull (strstr (text, ",''+;=1+1;日本;👟,"));

  /* Into an empty collection, without even the starter catalogue. */
  open_collection ("second.db", &database, &empty);
  report = import_text (empty, g_bytes_get_data (first, NULL), g_bytes_get_size (first));
  g_assert_cmpuint (shoebox_csv_report_get_problems (report)->len, ==, 0);
  g_assert_cmpuint (shoebox_csv_report_get_n_imported (report), ==, 4);
  g_assert_cmpuint (shoebox_csv_report_get_n_rows (report), ==, 4);
  g_assert_null (shoebox_csv_report_get_unknown_columns (report)[0]);

  imported = shoebox_collection_search (empty, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (imported), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (originals); i++)
    {
      g_autoptr(ShoeboxPair) pair = g_list_model_get_item (imported, i);

      shoebox_test_assert_pairs_equal (originals[i], pair);
      g_object_unref (originals[i]);
    }

  second = export_to_bytes (empty, NULL);
  g_assert_true (g_bytes_equal (first, second));
  g_assert_cmpint (shoebox_test_query_int (database, "SELECT count(*) FROM silhouettes"), ==, 4);
}

static char *
build_broken_csv (void)
{
  GString *csv = g_string_new (HEADER "\r\n");
  g_autofree char *huge = g_strnfill (10 * 1024 * 1024, 'x');
  g_autofree char *long_colorway = g_strnfill (300, 'c');

  /* 2 */ g_string_append (csv, "Track,Balenciaga,Good One,,,10,US M,Worn,original,,Owned,100.00,EUR,2024-01-01,,,,,,\r\n");
  /* 3 */ g_string_append (csv, "Track,Balenciaga,Too Few\r\n");
  /* 4 */ g_string_append (csv, "Track,Balenciaga,Bad Date,,,,,,,,Owned,,,2024-13-45,,,,,,\r\n");
  /* 5 */ g_string_append (csv, "Track,Balenciaga,Future,,,,,,,,Owned,,,2999-01-01,,,,,,\r\n");
  /* 6 */ g_string_append (csv, "Track,Balenciaga,Bad Price,,,,,,,,Owned,\"12,50\",EUR,,,,,,,\r\n");
  /* 7 */ g_string_append (csv, "Track,Balenciaga,Negative,,,,,,,,Owned,-5.00,EUR,,,,,,,\r\n");
  /* 8 */ g_string_append (csv, "Track,Balenciaga,Bad \xff\xfe UTF-8,,,,,,,,Owned,,,,,,,,,\r\n");
  /* 9 */ g_string_append_printf (csv, "Track,Balenciaga,Huge,,,,,,,,Owned,,,,,,,,%s,\r\n", huge);
  /* 10 */ g_string_append (csv, "Track,Balenciaga,Bad Enums,,,,,Mint,shoebox,,Lost,,,,,,,,,\r\n");
  /* 11 */ g_string_append (csv, "Track,Balenciaga,\"Multi\r\nline\r\nnotes\",,,,,,,,Owned,,,,,,,,,\r\n");
  /* 14 */ g_string_append (csv, "Track,Balenciaga,Bad Size,,,99,US M,,,,Owned,,,,,,,,,\r\n");
  /* 15 */ g_string_append_printf (csv, "Track,Balenciaga,%s,,,,,,,,Owned,,,,,,,,,\r\n", long_colorway);
  /* 16 */ g_string_append (csv, "Track,Balenciaga,Yen Decimals,,,,,,,,Owned,100.5,JPY,,,,,,,2024-01-01;2999-12-31\r\n");
  /* 17 */ g_string_append (csv, ",Balenciaga,No Silhouette,,,,,,,,Owned,,,,,,,,,\r\n");
  /* 18 */ g_string_append (csv, "Track,Balenciaga,No Currency,,,,,,,,Owned,10.00,,,,,,,,\r\n");
  /* 19 */ g_string_append (csv, "Brand New,Newbrand,Last Good,,,8,UK,,,,Wishlist,,XYZ,,,,,,,\r\n");
  /* 20 */ g_string_append (csv, "Brand New,Newbrand,Really Last Good,,,8,UK,,,,Wishlist,,,,,,,,,\r\n");
  /* 21 */ g_string_append (csv, "Nowhere Runner,,Unknown Silhouette,,,,,,,,Owned,,,,,,,,,\r\n");

  return g_string_free (csv, FALSE);
}

static void
test_broken_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ShoeboxCsvReport) report = NULL;
  g_autoptr(ShoeboxPair) existing = make_tricky_pair (0);
  g_autoptr(ShoeboxPair) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = build_broken_csv ();
  gint64 n_silhouettes;

  g_assert_true (shoebox_collection_save_pair (fixture->collection, existing, &error));
  n_silhouettes = shoebox_test_query_int (fixture->database, "SELECT count(*) FROM silhouettes");

  report = import_text (fixture->collection, csv, -1);
  g_assert_cmpuint (shoebox_csv_report_get_n_rows (report), ==, 18);
  g_assert_cmpuint (shoebox_csv_report_get_n_imported (report), ==, 3);
  g_assert_cmpuint (shoebox_csv_report_get_n_rejected_rows (report), ==, 15);

  assert_problem (report, 3, NULL, "has 3 fields; the header has 20");
  assert_problem (report, 4, "purchase_date", "is not a date");
  assert_problem (report, 5, "purchase_date", "in the future");
  assert_problem (report, 6, "price_paid", "not an amount");
  assert_problem (report, 7, "price_paid", "negative");
  assert_problem (report, 8, "colorway", "UTF-8");
  assert_problem (report, 9, "notes", "64 KiB");
  assert_problem (report, 10, "condition", "“Mint” is not a condition");
  assert_problem (report, 10, "box", "“shoebox” is not a box");
  assert_problem (report, 10, "status", "“Lost” is not a status");
  assert_problem (report, 14, "size", "not a US M size");
  assert_problem (report, 15, "colorway", "256 characters");
  assert_problem (report, 16, "price_paid", "whole numbers");
  assert_problem (report, 16, "wear_dates", "in the future");
  assert_problem (report, 17, "silhouette", "Empty");
  assert_problem (report, 18, "price_paid", "needs a currency");
  assert_problem (report, 19, "currency", "“XYZ” is not an ISO 4217");
  assert_problem (report, 21, "silhouette", "give its brand");

  /* The good rows landed, and nothing else changed. */
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs"), ==, 4);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs WHERE colorway IN"
                                                              " ('Good One', 'Multi' || char (13, 10) || 'line' || char (13, 10) || 'notes',"
                                                              "  'Really Last Good')"), ==, 3);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM silhouettes"), ==, n_silhouettes + 1);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM wears"), ==, 2);
  after = shoebox_collection_get_pair (fixture->collection, shoebox_pair_get_id (existing), &error);
  shoebox_test_assert_pairs_equal (existing, after);
  g_assert_cmpstr (shoebox_pair_get_updated_at (after), ==, shoebox_pair_get_updated_at (existing));
}

static void
test_header_mapping (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(ShoeboxCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxPair) pair = NULL;
  const char *csv =
    "\xEF\xBB\xBF" "Price Paid, Colorway ,shoe_id,SILHOUETTE,currency,Colorway\n"
    "\"1,150.00\",Silver,17,Runner,USD,Again\n";
  const char *fixed =
    "Price Paid,colorway,shoe_id,SILHOUETTE,currency,Colorway\n"
    "1150.00,Silver,17,Runner,USD,Again\n"
    "\n"
    "\n";

  report = import_text (fixture->collection, csv, -1);
  g_assert_cmpint (shoebox_csv_report_get_column_position (report, SHOEBOX_CSV_COLUMN_PRICE_PAID), ==, 0);
  g_assert_cmpint (shoebox_csv_report_get_column_position (report, SHOEBOX_CSV_COLUMN_COLORWAY), ==, 1);
  g_assert_cmpint (shoebox_csv_report_get_column_position (report, SHOEBOX_CSV_COLUMN_SILHOUETTE), ==, 3);
  g_assert_cmpint (shoebox_csv_report_get_column_position (report, SHOEBOX_CSV_COLUMN_NOTES), ==, -1);
  g_assert_cmpstrv (shoebox_csv_report_get_unknown_columns (report), ((const char * const[]) { "shoe_id", "Colorway", NULL }));
  g_assert_cmpstr (shoebox_csv_report_get_headers (report)[0], ==, "Price Paid");
  assert_problem (report, 2, "price_paid", "not an amount");
  g_clear_pointer (&report, shoebox_csv_report_unref);

  report = import_text (fixture->collection, fixed, -1);
  g_assert_cmpuint (shoebox_csv_report_get_problems (report)->len, ==, 0);
  g_assert_cmpuint (shoebox_csv_report_get_n_imported (report), ==, 1);
  g_assert_cmpuint (shoebox_csv_report_get_n_rows (report), ==, 1);

  pair = shoebox_collection_get_pair (fixture->collection,
                                      shoebox_test_query_int (fixture->database, "SELECT max (id) FROM pairs"),
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shoebox_pair_get_colorway (pair), ==, "Silver");
  g_assert_cmpstr (shoebox_pair_get_brand_name (pair), ==, "Balenciaga");
  g_assert_cmpint (shoebox_pair_get_price_paid (pair), ==, 115000);
  g_assert_cmpint (shoebox_pair_get_status (pair), ==, SHOEBOX_STATUS_OWNED);
}

static void
test_not_csv (Fixture       *fixture,
              gconstpointer  data)
{
  static const struct
  {
    const char *name;
    const char *contents;
    gsize       length;
    int         code;
  } cases[] = {
    { "empty", "", 0, SHOEBOX_CSV_ERROR_NOT_CSV },
    { "png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, SHOEBOX_CSV_ERROR_NOT_CSV },
    { "prose", "Dear diary, today I bought shoes.\nThey are great.\n", 50, SHOEBOX_CSV_ERROR_NOT_CSV },
    { "unclosed-header", "\"silhouette,brand\n", 18, SHOEBOX_CSV_ERROR_NOT_CSV },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].contents, cases[i].length);
      g_autoptr(GError) error = NULL;
      g_autoptr(ShoeboxCsvReport) report = NULL;

      g_test_message ("%s", cases[i].name);
      report = shoebox_csv_import (fixture->collection, bytes, &error);
      g_assert_error (error, SHOEBOX_CSV_ERROR, cases[i].code);
      g_assert_null (report);
    }

  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs"), ==, 0);
}

static void
test_preview_writes_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char csv[] = "silhouette,colorway,condition\nTrack,Red,Worn\nTrack,Blue,Mint\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(ShoeboxCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = shoebox_csv_preview (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shoebox_csv_report_get_n_rows (report), ==, 2);
  g_assert_cmpuint (shoebox_csv_report_get_pairs (report)->len, ==, 1);
  g_assert_cmpuint (shoebox_csv_report_get_pair_line (report, 0), ==, 2);
  g_assert_cmpstr (shoebox_pair_get_colorway (shoebox_csv_report_get_pairs (report)->pdata[0]), ==, "Red");
  assert_problem (report, 3, "condition", "Mint");
  g_assert_cmpuint (shoebox_csv_report_get_n_imported (report), ==, 0);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs"), ==, 0);
}

static void
test_line_numbers (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ShoeboxCsvReport) report = NULL;
  const char *csv =
    "silhouette,notes,price_paid,currency\n"       /* 1 */
    "Track,\"a\nb\nc\",1.00,EUR\n"                 /* 2-4 */
    "Track,\"x\r\ny\",bad,EUR\n"                   /* 5-6 */
    "\n"                                           /* 7 */
    "Track,\"\"\"quoted\"\"\",-1,EUR\n"            /* 8 */
    "Track,\"stray\"quote,1,EUR\n"                 /* 9 */
    "Track,fine,2,EUR\n"                           /* 10 */
    "Track,\"never closed,3,EUR\n"                 /* 11 */
    "Track,swallowed,4,EUR\n";

  report = import_text (fixture->collection, csv, -1);
  assert_problem (report, 5, "price_paid", "not an amount");
  assert_problem (report, 8, "price_paid", "negative");
  assert_problem (report, 9, NULL, "closing quote");
  assert_problem (report, 11, NULL, "not closed");
  g_assert_cmpuint (shoebox_csv_report_get_n_imported (report), ==, 2);
  g_assert_cmpuint (shoebox_csv_report_get_n_rows (report), ==, 6);
}

static void
test_files (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/shoes.csv");
  g_autoptr(GFile) folder = g_file_new_for_path (g_get_user_data_dir ());
  g_autoptr(ShoeboxPair) pair = make_tricky_pair (1);
  g_autoptr(ShoeboxCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  guint n_exported = 0;

  g_assert_true (shoebox_collection_save_pair (fixture->collection, pair, &error));
  g_assert_true (shoebox_csv_export_file (fixture->collection, file, &n_exported, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_exported, ==, 1);

  report = shoebox_csv_import_file (fixture->collection, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shoebox_csv_report_get_n_imported (report), ==, 1);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs"), ==, 2);

  g_assert_null (shoebox_csv_import_file (fixture->collection, missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (shoebox_csv_import_file (fixture->collection, folder, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);
  g_assert_false (shoebox_csv_export_file (fixture->collection, missing, NULL, NULL, &error));
  g_assert_nonnull (error);
}

/* The window's export: the same bytes as the synchronous one, every
 * pair read in a worker thread, none on the main one.
 */
static void
test_export_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "async.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/shoes.csv");
  g_autoptr(ShoeboxPair) pair = make_tricky_pair (2);
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint n_exported = 0;

  g_assert_true (shoebox_collection_generate_pairs (fixture->collection, 1000, 5, &error));
  g_assert_true (shoebox_collection_save_pair (fixture->collection, pair, &error));
  g_assert_no_error (error);
  expected = export_to_bytes (fixture->collection, NULL);

  shoebox_test_sql_log_clear ();
  shoebox_csv_export_file_async (fixture->collection, file, NULL, shoebox_test_store_result_cb, &result);
  shoebox_test_wait_for_result (&result);
  g_assert_true (shoebox_csv_export_file_finish (fixture->collection, result, &n_exported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_exported, ==, 1001);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  written = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_true (g_bytes_equal (written, expected));
  g_assert_cmpuint (shoebox_test_sql_log_count ("FROM pairs", FALSE), >, 0);
  g_assert_cmpuint (shoebox_test_sql_log_count ("FROM pairs", TRUE), ==, 0);
  g_clear_object (&result);

  shoebox_csv_export_file_async (fixture->collection, missing, NULL, shoebox_test_store_result_cb, &result);
  shoebox_test_wait_for_result (&result);
  g_assert_false (shoebox_csv_export_file_finish (fixture->collection, result, &n_exported, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
count_changed_cb (ShoeboxCollection *collection,
                  guint             *n_changed)
{
  /* Views reload from here: it must be the main thread. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  (*n_changed)++;
}

/* The window's import: the pairs land in one transaction run by a worker
 * thread, the report is the synchronous one's, and "changed" comes once,
 * on the main thread. A file that is not CSV, or a cancelled import,
 * writes nothing.
 */
static void
test_import_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ShoeboxDatabase) database = NULL;
  g_autoptr(ShoeboxCollection) collection = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GBytes) not_csv = g_bytes_new_static ("\x00\x01binary", 8);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ShoeboxCsvReport) report = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;
  guint n_changed = 0;

  g_assert_true (shoebox_collection_generate_pairs (fixture->collection, 500, 9, &error));
  g_assert_no_error (error);
  exported = export_to_bytes (fixture->collection, NULL);
  text = g_string_new_len (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported));
  g_string_append (text, "Track 2.0,Balenciaga,Bad Price,,,,,,,,Owned,-5,USD,,,,,,,\r\n");
  contents = g_bytes_new (text->str, text->len);

  open_collection ("second.db", &database, &collection);
  g_signal_connect (collection, "changed", G_CALLBACK (count_changed_cb), &n_changed);

  shoebox_test_sql_log_clear ();
  shoebox_csv_import_async (collection, contents, NULL, shoebox_test_store_result_cb, &result);
  shoebox_test_wait_for_result (&result);
  report = shoebox_csv_import_finish (collection, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shoebox_csv_report_get_n_imported (report), ==, 500);
  g_assert_cmpuint (shoebox_csv_report_get_n_rejected_rows (report), ==, 1);
  assert_problem (report, 502, "price_paid", "");
  g_assert_cmpint (shoebox_test_query_int (database, "SELECT count(*) FROM pairs"), ==, 500);
  g_assert_cmpuint (n_changed, ==, 1);
  /* In the worker thread, and one statement for all the rows. */
  g_assert_cmpuint (shoebox_test_sql_log_count ("INSERT INTO pairs (", FALSE), ==, 1);
  g_assert_cmpuint (shoebox_test_sql_log_count ("INSERT INTO pairs (", TRUE), ==, 0);
  g_clear_object (&result);
  g_clear_pointer (&report, shoebox_csv_report_unref);

  shoebox_csv_import_async (collection, not_csv, NULL, shoebox_test_store_result_cb, &result);
  shoebox_test_wait_for_result (&result);
  g_assert_null (shoebox_csv_import_finish (collection, result, &error));
  g_assert_error (error, SHOEBOX_CSV_ERROR, SHOEBOX_CSV_ERROR_NOT_CSV);
  g_clear_error (&error);
  g_clear_object (&result);

  g_cancellable_cancel (cancellable);
  shoebox_csv_import_async (collection, contents, cancellable, shoebox_test_store_result_cb, &result);
  shoebox_test_wait_for_result (&result);
  g_assert_null (shoebox_csv_import_finish (collection, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_cmpint (shoebox_test_query_int (database, "SELECT count(*) FROM pairs"), ==, 500);
  g_assert_cmpuint (n_changed, ==, 1);
  g_clear_object (&result);
  shoebox_test_wait_for_release (collection);
  g_assert_finalize_object (g_steal_pointer (&collection));
  g_assert_finalize_object (g_steal_pointer (&database));
}

/* Hostile files: random bytes from the characters that matter to the
 * parser. Every one gives a report or a clear error, never a crash, a
 * hang or a warning.
 */
static void
test_random_files (void)
{
  static const char alphabet[] = ",\"\r\n;\\'=+-@ aZ0.9\xff\xc3\xa9";
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GString) text = g_string_new (round % 2 == 0 ? HEADER "\n" : "silhouette,price_paid,currency\n");
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(ShoeboxCsvReport) report = NULL;
      g_autoptr(GError) error = NULL;
      guint length = g_rand_int_range (rand, 0, 400);

      if (round % 7 == 0)
        g_string_truncate (text, 0);
      for (guint i = 0; i < length; i++)
        g_string_append_c (text, alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]);

      bytes = g_bytes_new (text->str, text->len);
      report = shoebox_csv_preview (bytes, &error);
      if (report == NULL)
        {
          g_assert_error (error, SHOEBOX_CSV_ERROR, SHOEBOX_CSV_ERROR_NOT_CSV);
          continue;
        }

      g_assert_no_error (error);
      g_assert_cmpuint (shoebox_csv_report_get_pairs (report)->len + shoebox_csv_report_get_n_rejected_rows (report),
                        ==, shoebox_csv_report_get_n_rows (report));
      for (guint i = 0; i < shoebox_csv_report_get_problems (report)->len; i++)
        {
          ShoeboxCsvProblem *problem = shoebox_csv_report_get_problems (report)->pdata[i];

          g_assert_cmpuint (problem->line, >=, 2);
          g_assert_true (g_utf8_validate (problem->reason, -1, NULL));
        }
    }
}

/* The capped read stops one byte past the cap, whatever the stream; a
 * small cap shows where, over streams of every length around it, read in
 * every chunk size a stream may give.
 */
static void
test_read_stream_cap (void)
{
  const gsize cap = 100 * 1024;

  for (gsize length = cap - 2; length <= cap + 2; length++)
    {
      g_autofree char *data = g_malloc (length);
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GBytes) contents = NULL;
      g_autoptr(GError) error = NULL;

      memset (data, 'a', length);
      stream = g_memory_input_stream_new_from_data (g_memdup2 (data, length), (gssize) length, g_free);
      contents = shoebox_csv_read_stream (stream, cap, NULL, &error);
      if (length <= cap)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (g_bytes_get_size (contents), ==, length);
          g_assert_cmpmem (g_bytes_get_data (contents, NULL), length, data, length);
        }
      else
        {
          g_assert_null (contents);
          g_assert_error (error, SHOEBOX_CSV_ERROR, SHOEBOX_CSV_ERROR_TOO_LARGE);
          /* Never more than one byte past the cap was taken. */
          g_assert_cmpint (g_seekable_tell (G_SEEKABLE (stream)), ==, cap + 1);
        }
    }
}

/* SHOEBOX_CSV_MAX_COLUMNS columns are read, one more refused; a row
 * longer than that is counted exactly, though its fields past the cap
 * are not kept.
 */
static void
test_column_cap (void)
{
  for (guint n_columns = SHOEBOX_CSV_MAX_COLUMNS; n_columns <= SHOEBOX_CSV_MAX_COLUMNS + 1; n_columns++)
    {
      g_autoptr(GString) csv = g_string_new ("silhouette");
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(ShoeboxCsvReport) report = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = 1; i < n_columns; i++)
        g_string_append_printf (csv, ",extra %u", i);
      g_string_append (csv, "\r\nSamba");
      for (guint i = 1; i < n_columns; i++)
        g_string_append_c (csv, ',');
      /* A row of three times the cap. */
      g_string_append (csv, "\r\nGazelle");
      for (guint i = 1; i < 3 * SHOEBOX_CSV_MAX_COLUMNS; i++)
        g_string_append_c (csv, ',');
      g_string_append (csv, "\r\n");

      bytes = g_bytes_new (csv->str, csv->len);
      report = shoebox_csv_preview (bytes, &error);
      if (n_columns <= SHOEBOX_CSV_MAX_COLUMNS)
        {
          g_autofree char *reason = g_strdup_printf ("The row has %u fields; the header has %u",
                                                     3 * SHOEBOX_CSV_MAX_COLUMNS, n_columns);
          ShoeboxCsvProblem *problem;

          g_assert_no_error (error);
          g_assert_cmpuint (g_strv_length ((char **) shoebox_csv_report_get_unknown_columns (report)), ==, n_columns - 1);
          g_assert_cmpuint (shoebox_csv_report_get_pairs (report)->len, ==, 1);
          g_assert_cmpuint (shoebox_csv_report_get_problems (report)->len, ==, 1);
          problem = g_ptr_array_index (shoebox_csv_report_get_problems (report), 0);
          g_assert_cmpuint (problem->line, ==, 3);
          g_assert_cmpstr (problem->reason, ==, reason);
        }
      else
        {
          g_assert_null (report);
          g_assert_error (error, SHOEBOX_CSV_ERROR, SHOEBOX_CSV_ERROR_TOO_MANY_COLUMNS);
          g_assert_cmpstr (error->message, ==, "The first line has 1001 columns: Shoebox reads files of up to 1000 columns");
        }
    }
}

/* The import indexes its rows at the end instead of row by row: every
 * row that landed must be found by search, a row skipped must not be, and
 * the triggers that index later edits must be back exactly as they were.
 */
static GListModel *
search_text (ShoeboxCollection *collection,
             const char        *text)
{
  ShoeboxPairQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  GListModel *found;

  query.text = text;
  found = shoebox_collection_search (collection, &query, &error);
  g_assert_no_error (error);
  return found;
}

/* FTS5's defaults when its config table has no value. */
#define AUTOMERGE "SELECT coalesce ((SELECT v FROM pairs_fts_config WHERE k = 'automerge'), 4)"
#define HASHSIZE "SELECT coalesce ((SELECT v FROM pairs_fts_config WHERE k = 'hashsize'), 1048576)"

static void
test_import_search_index (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(ShoeboxCsvReport) report = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(ShoeboxPair) later = shoebox_pair_new ();
  g_autoptr(GError) error = NULL;
  gint64 triggers_before = shoebox_test_query_int (fixture->database,
                                                   "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'");
  gint64 trigger_sql_before = shoebox_test_query_int (fixture->database,
                                                      "SELECT sum (length (sql)) FROM sqlite_schema WHERE type = 'trigger'");

  shoebox_pair_set_silhouette_name (later, "Track");
  shoebox_pair_set_brand_name (later, "Balenciaga");
  shoebox_pair_set_colorway (later, "Existing Zebra");
  g_assert_true (shoebox_collection_save_pair (fixture->collection, later, &error));
  g_assert_no_error (error);
  g_clear_object (&later);

  /* The import turns the index's automerge off and its hash size up
   * while it indexes, and gives back the values it found.
   */
  g_assert_true (shoebox_database_exec (fixture->database,
                                        "INSERT INTO pairs_fts (pairs_fts, rank) VALUES ('automerge', 7);"
                                        "INSERT INTO pairs_fts (pairs_fts, rank) VALUES ('hashsize', 65536)", &error));
  g_assert_no_error (error);

  report = import_text (fixture->collection,
                        HEADER "\r\n"
                        "Track,Balenciaga,Imported Quokka,,,,,,,,Owned,,,,,,,wombat;numbat,,\r\n"
                        "Track,Balenciaga,Skipped Quokka,,,,,,,,Owned,,,2999-01-01,,,,,,\r\n"
                        "Newshape,Newbrand,Second Quokka,,,,,,,,Wishlist,,,,,,,numbat,,\r\n",
                        -1);
  g_assert_cmpuint (shoebox_csv_report_get_n_imported (report), ==, 2);

  found = search_text (fixture->collection, "quokka");
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
  g_clear_object (&found);
  found = search_text (fixture->collection, "numbat");
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
  g_clear_object (&found);
  found = search_text (fixture->collection, "newbrand");
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);
  found = search_text (fixture->collection, "zebra");
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs_fts"), ==,
                   shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs"));
  g_assert_cmpint (shoebox_test_query_int (fixture->database, AUTOMERGE), ==, 7);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, HASHSIZE), ==, 65536);
  g_assert_true (shoebox_database_exec (fixture->database,
                                        "INSERT INTO pairs_fts (pairs_fts) VALUES ('integrity-check')", &error));
  g_assert_no_error (error);

  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"), ==,
                   triggers_before);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT sum (length (sql)) FROM sqlite_schema WHERE type = 'trigger'"),
                   ==, trigger_sql_before);

  /* An edit after the import is indexed by the triggers again. */
  later = shoebox_pair_new ();
  shoebox_pair_set_silhouette_name (later, "Track");
  shoebox_pair_set_brand_name (later, "Balenciaga");
  shoebox_pair_set_colorway (later, "Afterwards Axolotl");
  shoebox_pair_set_tags (later, (const char * const []) { "capybara", NULL });
  g_assert_true (shoebox_collection_save_pair (fixture->collection, later, &error));
  g_assert_no_error (error);
  found = search_text (fixture->collection, "axolotl capybara");
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
}

/* A row the checks in C let through but the database refuses: the
 * import writes the file again row by row, lists that row with its line,
 * and the others land as they would have, tags, wear log and all.
 */
static void
test_import_refused_row (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ShoeboxCsvReport) report = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_silhouettes = shoebox_test_query_int (fixture->database, "SELECT count(*) FROM silhouettes");
  gint64 first_id;

  g_assert_true (shoebox_database_exec (fixture->database,
                                        "CREATE TRIGGER refuse_walrus BEFORE INSERT ON pairs"
                                        " WHEN new.colorway = 'Refused Walrus'"
                                        " BEGIN SELECT RAISE (ABORT, 'no walruses here'); END",
                                        &error));
  g_assert_no_error (error);

  report = import_text (fixture->collection,
                        HEADER "\r\n"
                        "Track,Balenciaga,Landed Walrus,,,,,,,,Owned,,,,,,,tusk;floe,,2024-01-02;2024-01-03\r\n"
                        "Newshape,Newbrand,Refused Walrus,,,,,,,,Owned,,,,,,,tusk,,2024-01-04\r\n"
                        "Newshape,Newbrand,Other Walrus,,,,,,,,Wishlist,,,,,,,floe,,\r\n",
                        -1);

  g_assert_cmpuint (shoebox_csv_report_get_n_imported (report), ==, 2);
  g_assert_cmpuint (shoebox_csv_report_get_problems (report)->len, ==, 1);
  assert_problem (report, 3, NULL, "no walruses here");

  /* The landed rows, in the file's order, with the ids one after the
   * other; the report keeps none of them.
   */
  g_assert_cmpuint (shoebox_csv_report_get_pairs (report)->len, ==, 0);
  first_id = shoebox_test_query_int (fixture->database, "SELECT id FROM pairs WHERE colorway = 'Landed Walrus'");
  g_assert_cmpint (first_id, >, 0);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT id FROM pairs WHERE colorway = 'Other Walrus'"),
                   ==, first_id + 1);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs"), ==, 2);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pair_tags"), ==, 3);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM wears"), ==, 2);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM silhouettes"), ==, n_silhouettes + 1);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs_fts"), ==, 2);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, AUTOMERGE), ==, 4);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, HASHSIZE), ==, 1048576);
  found = search_text (fixture->collection, "walrus");
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
}

/* A file of @n_rows rows: every ninth from the third on has a field too
 * many (a problem the reading finds), every ninth from the sixth on a
 * silhouette without its brand that the catalogue lacks (one the
 * import's checks find), the others are good pairs
 * with a tag and a day worn, each silhouette its own.
 */
static GString *
many_rows (guint n_rows)
{
  GString *text = g_string_new (HEADER "\n");

  for (guint i = 0; i < n_rows; i++)
    {
      if (i % 9 == 2)
        g_string_append_printf (text, "Shape %u,Brand,Too Many,,,,,,,,Owned,,,,,,,t,,,extra\n", i);
      else if (i % 9 == 5)
        g_string_append_printf (text, "Nowhere Shape %u,,Brandless,,,,,,,,Owned,,,,,,,t,,\n", i);
      else
        g_string_append_printf (text, "Shape %u,Brand,Row %u,,,,,,,,Owned,,,,,,,t,,2024-01-%02u\n",
                                i, i, 1 + i % 28);
    }

  return text;
}

/* The import reads the file on a thread of its own while it writes the
 * rows read so far (shoebox-csv-parse-ahead.c): with many times its
 * batch of rows, what lands and what is listed is what the preview and
 * the checks say, in the file's order.
 */
static void
test_import_reads_ahead (Fixture       *fixture,
                         gconstpointer  data)
{
  const guint n_rows = 3000;
  g_autoptr(GString) text = many_rows (n_rows);
  g_autoptr(GBytes) bytes = g_bytes_new (text->str, text->len);
  g_autoptr(ShoeboxCsvReport) preview = NULL;
  g_autoptr(ShoeboxCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) expected = NULL;
  g_autofree char *landed = NULL;
  GPtrArray *pairs;
  gint64 first_id;
  guint n_good = 0;
  guint n_read_problems = 0;

  preview = shoebox_csv_preview (bytes, &error);
  g_assert_no_error (error);
  report = import_text (fixture->collection, text->str, (gssize) text->len);

  for (guint i = 0; i < n_rows; i++)
    if (i % 9 == 2)
      {
        assert_problem (report, i + 2, NULL, "fields");
        n_read_problems++;
      }
    else if (i % 9 == 5)
      assert_problem (report, i + 2, "silhouette", "catalogue");
    else
      n_good++;

  g_assert_cmpuint (shoebox_csv_report_get_n_rows (report), ==, n_rows);
  g_assert_cmpuint (shoebox_csv_report_get_problems (report)->len, ==, n_rows - n_good);
  g_assert_cmpuint (shoebox_csv_report_get_problems (preview)->len, ==, n_read_problems);
  g_assert_cmpuint (shoebox_csv_report_get_n_imported (report), ==, n_good);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs"), ==, n_good);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM wears"), ==, n_good);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs_fts"), ==, n_good);

  /* The preview's pairs that the checks let through, in its order, with
   * ids one after the other; the report keeps none of them.
   */
  g_assert_cmpuint (shoebox_csv_report_get_pairs (report)->len, ==, 0);
  pairs = shoebox_csv_report_get_pairs (preview);
  landed = shoebox_test_query_text (fixture->database,
                                    "SELECT group_concat (colorway, '|') FROM"
                                    " (SELECT colorway FROM pairs ORDER BY id)");
  first_id = shoebox_test_query_int (fixture->database, "SELECT min (id) FROM pairs");
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT max (id) FROM pairs"), ==, first_id + n_good - 1);
  expected = g_string_new (NULL);
  for (guint i = 0; i < pairs->len; i++)
    {
      ShoeboxPair *previewed = g_ptr_array_index (pairs, i);

      /* The rows the import's checks refuse: silhouettes without a brand. */
      if (g_str_equal (shoebox_pair_get_colorway (previewed), "Brandless"))
        continue;
      g_string_append_printf (expected, "%s%s", expected->len > 0 ? "|" : "", shoebox_pair_get_colorway (previewed));
    }
  g_assert_cmpstr (landed, ==, expected->str);
}

/* Enough rows that reading them takes tens of milliseconds. */
#define N_PREVIEW_ROWS 30000

static gboolean
count_tick_cb (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* The window's preview, read in a worker thread: the columns, counts and
 * problems shoebox_csv_preview() gives, and none of the pairs, which the
 * worker frees rather than the window's thread.
 */
static void
test_preview_async (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  g_autoptr(GString) text = many_rows (N_PREVIEW_ROWS);
  g_autoptr(GBytes) bytes = g_bytes_new (text->str, text->len);
  g_autoptr(GBytes) not_csv = g_bytes_new_static (binary, sizeof binary - 1);
  g_autoptr(ShoeboxCsvReport) preview = NULL;
  g_autoptr(ShoeboxCsvReport) report = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) sync_error = NULL;
  GPtrArray *problems;
  guint n_ticks = 0;
  guint tick;

  preview = shoebox_csv_preview (bytes, &error);
  g_assert_no_error (error);

  /* Nothing is read on this thread: its main loop turns meanwhile. */
  tick = g_timeout_add (1, count_tick_cb, &n_ticks);
  shoebox_csv_preview_async (bytes, NULL, shoebox_test_store_result_cb, &result);
  g_assert_null (result);
  shoebox_test_wait_for_result (&result);
  g_source_remove (tick);
  g_test_message ("the main loop ticked %u times during the preview", n_ticks);
  g_assert_cmpuint (n_ticks, >=, 3);
  report = shoebox_csv_preview_finish (result, &error);
  g_assert_no_error (error);

  g_assert_cmpstrv (shoebox_csv_report_get_headers (report), shoebox_csv_report_get_headers (preview));
  for (int column = 0; column < SHOEBOX_CSV_N_COLUMNS; column++)
    g_assert_cmpint (shoebox_csv_report_get_column_position (report, column), ==,
                     shoebox_csv_report_get_column_position (preview, column));
  g_assert_cmpuint (shoebox_csv_report_get_n_rows (report), ==, N_PREVIEW_ROWS);
  g_assert_cmpuint (shoebox_csv_report_get_n_rejected_rows (report), ==,
                    shoebox_csv_report_get_n_rejected_rows (preview));
  problems = shoebox_csv_report_get_problems (report);
  g_assert_cmpuint (problems->len, ==, shoebox_csv_report_get_problems (preview)->len);
  for (guint i = 0; i < problems->len; i++)
    {
      ShoeboxCsvProblem *problem = g_ptr_array_index (problems, i);
      ShoeboxCsvProblem *previewed = g_ptr_array_index (shoebox_csv_report_get_problems (preview), i);

      g_assert_cmpuint (problem->line, ==, previewed->line);
      g_assert_cmpstr (problem->reason, ==, previewed->reason);
    }
  g_assert_cmpuint (shoebox_csv_report_get_pairs (preview)->len, >, 0);
  g_assert_cmpuint (shoebox_csv_report_get_pairs (report)->len, ==, 0);

  /* A file that is not CSV says so, as the synchronous preview does. */
  g_clear_object (&result);
  g_assert_null (shoebox_csv_preview (not_csv, &sync_error));
  shoebox_csv_preview_async (not_csv, NULL, shoebox_test_store_result_cb, &result);
  shoebox_test_wait_for_result (&result);
  g_assert_null (shoebox_csv_preview_finish (result, &error));
  g_assert_error (error, sync_error->domain, sync_error->code);
  g_assert_cmpstr (error->message, ==, sync_error->message);
}

/* A row the database refuses while the file is still being read (its
 * new silhouette, early in a long file): the import waits for the rest
 * of the file, then writes it row by row, and lists only that row.
 */
static void
test_import_refused_while_reading (Fixture       *fixture,
                                   gconstpointer  data)
{
  const guint n_rows = 3000;
  g_autoptr(GString) text = g_string_new (HEADER "\n");
  g_autoptr(ShoeboxCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (shoebox_database_exec (fixture->database,
                                        "CREATE TRIGGER refuse_shape BEFORE INSERT ON silhouettes"
                                        " WHEN new.name = 'Refused Shape'"
                                        " BEGIN SELECT RAISE (ABORT, 'no such shapes'); END",
                                        &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "%s,Brand,Row %u,,,,,,,,Owned,,,,,,,,,\n",
                            i == 1 ? "Refused Shape" : "Accepted Shape", i);

  report = import_text (fixture->collection, text->str, (gssize) text->len);

  g_assert_cmpuint (shoebox_csv_report_get_n_imported (report), ==, n_rows - 1);
  g_assert_cmpuint (shoebox_csv_report_get_problems (report)->len, ==, 1);
  assert_problem (report, 3, NULL, "no such shapes");
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs"), ==, n_rows - 1);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs_fts"), ==, n_rows - 1);
}

/* The import's settings of the connection, a PRAGMA each, act when the
 * statement is prepared: a statement the database keeps must still set
 * them on a second import (a page cache above SQLite's default 2,000
 * KiB, temporary tables in memory), and set them back after every one.
 */
static void
test_import_settings (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (shoebox_database_exec (fixture->database,
                                        "CREATE TABLE seen_settings (cache_size, temp_store);"
                                        "CREATE TRIGGER see_settings AFTER INSERT ON pairs BEGIN"
                                        " INSERT INTO seen_settings SELECT c.cache_size, t.temp_store"
                                        " FROM pragma_cache_size c, pragma_temp_store t; END",
                                        &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ShoeboxCsvReport) report = NULL;

      report = import_text (fixture->collection,
                            HEADER "\r\n"
                            "Track,Balenciaga,Setting Sloth,,,,,,,,Owned,,,,,,,,,\r\n",
                            -1);
      g_assert_cmpuint (shoebox_csv_report_get_n_imported (report), ==, 1);
      g_assert_cmpint (shoebox_test_query_int (fixture->database, "PRAGMA cache_size"), ==, -2000);
      g_assert_cmpint (shoebox_test_query_int (fixture->database, "PRAGMA temp_store"), ==, 0);
    }

  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM seen_settings"), ==, 2);
  g_assert_cmpint (shoebox_test_query_int (fixture->database,
                                           "SELECT count(*) FROM seen_settings"
                                           " WHERE cache_size < -2000 AND temp_store = 2"), ==, 2);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs_fts"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  shoebox_test_sql_log_init ();

  g_test_add ("/csv/round-trip", Fixture, NULL, set_up, test_round_trip, tear_down);
  g_test_add ("/csv/broken-file", Fixture, NULL, set_up, test_broken_file, tear_down);
  g_test_add ("/csv/header-mapping", Fixture, NULL, set_up, test_header_mapping, tear_down);
  g_test_add ("/csv/not-csv", Fixture, NULL, set_up, test_not_csv, tear_down);
  g_test_add ("/csv/preview", Fixture, NULL, set_up, test_preview_writes_nothing, tear_down);
  g_test_add ("/csv/preview-async", Fixture, NULL, set_up, test_preview_async, tear_down);
  g_test_add ("/csv/line-numbers", Fixture, NULL, set_up, test_line_numbers, tear_down);
  g_test_add ("/csv/files", Fixture, NULL, set_up, test_files, tear_down);
  g_test_add ("/csv/export-async", Fixture, NULL, set_up, test_export_async, tear_down);
  g_test_add ("/csv/import-async", Fixture, NULL, set_up, test_import_async, tear_down);
  g_test_add ("/csv/import-search-index", Fixture, NULL, set_up, test_import_search_index, tear_down);
  g_test_add ("/csv/import-refused-row", Fixture, NULL, set_up, test_import_refused_row, tear_down);
  g_test_add ("/csv/import-settings", Fixture, NULL, set_up, test_import_settings, tear_down);
  g_test_add ("/csv/import-reads-ahead", Fixture, NULL, set_up, test_import_reads_ahead, tear_down);
  g_test_add ("/csv/import-refused-while-reading", Fixture, NULL, set_up, test_import_refused_while_reading, tear_down);
  g_test_add_func ("/csv/random-files", test_random_files);
  g_test_add_func ("/csv/read-stream-cap", test_read_stream_cap);
  g_test_add_func ("/csv/column-cap", test_column_cap);

  return g_test_run ();
}
