/* shoebox-test-collection.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-test-collection.h"

/* A collection for a widget test to show: a fresh database in the
 * test's isolated XDG folders (G_TEST_OPTION_ISOLATE_DIRS) with the
 * starter catalogue, photos beside it, and pairs added the way the
 * editor saves them.
 */

/**
 * shoebox_test_open_collection:
 * @database: (out): where to put the database
 * @starter_catalogue: whether to load the starter catalogue
 *
 * Opens the default database, a fresh one in the test's isolated
 * folders.
 *
 * Returns: (transfer full): a collection on *@database
 */
ShoeboxCollection *
shoebox_test_open_collection (ShoeboxDatabase **database,
                              gboolean          starter_catalogue)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *real_data_dir = g_build_filename (g_get_home_dir (), ".local", "share", NULL);
  ShoeboxCollection *collection;

  /* A test run with g_test_init() but without G_TEST_OPTION_ISOLATE_DIRS
   * would write pairs into the collection of whoever runs it.
   */
  if (g_strcmp0 (g_get_user_data_dir (), real_data_dir) == 0 || g_getenv ("XDG_DATA_HOME") == NULL)
    g_error ("%s opens the default collection without G_TEST_OPTION_ISOLATE_DIRS", g_get_prgname ());

  *database = shoebox_database_open_default (&error);
  g_assert_no_error (error);
  collection = shoebox_collection_new (*database);
  if (starter_catalogue)
    {
      g_assert_true (shoebox_collection_load_starter_catalogue (collection, NULL, &error));
      g_assert_no_error (error);
    }
  return collection;
}

/**
 * shoebox_test_collection_set_up:
 * @fixture: the fixture to fill
 * @data: unused: a g_test_add() set-up function
 *
 * Opens a collection with the starter catalogue, and makes the photo
 * store.
 */
void
shoebox_test_collection_set_up (ShoeboxTestCollection *fixture,
                                gconstpointer          data)
{
  fixture->collection = shoebox_test_open_collection (&fixture->database, TRUE);
  fixture->photos = shoebox_photos_new ();
}

void
shoebox_test_collection_tear_down (ShoeboxTestCollection *fixture,
                                   gconstpointer          data)
{
  g_clear_object (&fixture->photos);
  g_clear_object (&fixture->collection);
  g_clear_object (&fixture->database);
}

/**
 * shoebox_test_new_pair:
 * @brand: the brand's name
 * @silhouette: the silhouette's name, in the catalogue or new to it
 * @colorway: the pair's colorway
 *
 * Returns: (transfer full): a pair not saved yet, for a test to give
 *   more facts before shoebox_test_save_pair()
 */
ShoeboxPair *
shoebox_test_new_pair (const char *brand,
                       const char *silhouette,
                       const char *colorway)
{
  ShoeboxPair *pair = shoebox_pair_new ();

  shoebox_pair_set_brand_name (pair, brand);
  shoebox_pair_set_silhouette_name (pair, silhouette);
  shoebox_pair_set_colorway (pair, colorway);
  return pair;
}

/* Saves @pair, which must succeed: it then has its id. */
void
shoebox_test_save_pair (ShoeboxCollection *collection,
                        ShoeboxPair       *pair)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (shoebox_collection_save_pair (collection, pair, &error));
  g_assert_no_error (error);
}

/**
 * shoebox_test_add_pair:
 * @collection: where to save
 * @brand: the brand's name
 * @silhouette: the silhouette's name, in the catalogue or new to it
 * @colorway: the pair's colorway
 * @price_paid: in US cents
 *
 * Returns: (transfer full): the pair, saved
 */
ShoeboxPair *
shoebox_test_add_pair (ShoeboxCollection *collection,
                       const char        *brand,
                       const char        *silhouette,
                       const char        *colorway,
                       gint64             price_paid)
{
  ShoeboxPair *pair = shoebox_test_new_pair (brand, silhouette, colorway);

  shoebox_pair_set_currency (pair, "USD");
  shoebox_pair_set_price_paid (pair, price_paid);
  shoebox_test_save_pair (collection, pair);
  return pair;
}

/* How many pairs @collection holds, which must be readable. */
guint
shoebox_test_count_pairs (ShoeboxCollection *collection)
{
  g_autoptr(GError) error = NULL;
  guint n = shoebox_collection_count_pairs (collection, &error);

  g_assert_no_error (error);
  return n;
}

/* Tests look into the database with SQL of their own: the statement goes
 * back to the database's cache (reset) when it leaves the scope, so no
 * test keeps a read open that would hold back a later write or ATTACH.
 */
static ShoeboxStatement *
step_to_first_row (ShoeboxDatabase *database,
                   const char      *sql)
{
  g_autoptr(GError) error = NULL;
  ShoeboxStatement *stmt = shoebox_database_prepare (database, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return stmt;
}

/* The first column of the first row of @sql, which must give a row. */
gint64
shoebox_test_query_int (ShoeboxDatabase *database,
                        const char      *sql)
{
  g_autoptr(ShoeboxStatement) stmt = step_to_first_row (database, sql);

  return sqlite3_column_int64 (stmt, 0);
}

/* The same as text, or %NULL for SQL NULL. */
char *
shoebox_test_query_text (ShoeboxDatabase *database,
                         const char      *sql)
{
  g_autoptr(ShoeboxStatement) stmt = step_to_first_row (database, sql);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Every field a collector typed is the same in @a and @b; the ids, which
 * a copy into another database may change, are not compared.
 */
void
shoebox_test_assert_pairs_equal (ShoeboxPair *a,
                                 ShoeboxPair *b)
{
  g_assert_cmpstr (shoebox_pair_get_silhouette_name (a), ==, shoebox_pair_get_silhouette_name (b));
  g_assert_cmpstr (shoebox_pair_get_brand_name (a), ==, shoebox_pair_get_brand_name (b));
  g_assert_cmpstr (shoebox_pair_get_colorway (a), ==, shoebox_pair_get_colorway (b));
  g_assert_cmpstr (shoebox_pair_get_official_colorway (a), ==, shoebox_pair_get_official_colorway (b));
  g_assert_cmpstr (shoebox_pair_get_style_code (a), ==, shoebox_pair_get_style_code (b));
  g_assert_cmpstr (shoebox_pair_get_size (a), ==, shoebox_pair_get_size (b));
  g_assert_cmpint (shoebox_pair_get_size_system (a), ==, shoebox_pair_get_size_system (b));
  g_assert_cmpint (shoebox_pair_get_condition (a), ==, shoebox_pair_get_condition (b));
  g_assert_cmpint (shoebox_pair_get_box (a), ==, shoebox_pair_get_box (b));
  g_assert_cmpstrv (shoebox_pair_get_extras (a), shoebox_pair_get_extras (b));
  g_assert_cmpint (shoebox_pair_get_status (a), ==, shoebox_pair_get_status (b));
  g_assert_cmpint (shoebox_pair_get_price_paid (a), ==, shoebox_pair_get_price_paid (b));
  g_assert_cmpstr (shoebox_pair_get_currency (a), ==, shoebox_pair_get_currency (b));
  g_assert_cmpstr (shoebox_pair_get_purchase_date (a), ==, shoebox_pair_get_purchase_date (b));
  g_assert_cmpstr (shoebox_pair_get_where_bought (a), ==, shoebox_pair_get_where_bought (b));
  g_assert_cmpint (shoebox_pair_get_estimated_value (a), ==, shoebox_pair_get_estimated_value (b));
  g_assert_cmpstr (shoebox_pair_get_storage_location (a), ==, shoebox_pair_get_storage_location (b));
  g_assert_cmpstrv (shoebox_pair_get_tags (a), shoebox_pair_get_tags (b));
  g_assert_cmpstr (shoebox_pair_get_notes (a), ==, shoebox_pair_get_notes (b));
  g_assert_cmpstrv (shoebox_pair_get_wear_dates (a), shoebox_pair_get_wear_dates (b));
}
