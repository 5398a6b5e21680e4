/* test-collection.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "shoebox-collection.h"
#include "shoebox-migrations.h"
#include "shoebox-pair-list.h"
#include "shoebox-test-collection.h"
#include "shoebox-test-sql-log.h"
#include "shoebox-test-wait.h"

/* Each case runs with its own empty XDG folders (G_TEST_OPTION_ISOLATE_DIRS),
 * so every fixture opens a fresh database.
 */
typedef struct
{
  ShoeboxDatabase   *database;
  ShoeboxCollection *collection;
  guint              n_changed;
} Fixture;

static void
collection_changed_cb (ShoeboxCollection *collection,
                       Fixture           *fixture)
{
  fixture->n_changed++;
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  fixture->collection = shoebox_test_open_collection (&fixture->database, data == NULL);
  g_signal_connect (fixture->collection, "changed", G_CALLBACK (collection_changed_cb), fixture);
  fixture->n_changed = 0;
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  shoebox_test_wait_for_release (fixture->collection);
  g_assert_finalize_object (fixture->collection);
  g_assert_finalize_object (fixture->database);
}

static ShoeboxPair *
make_full_pair (void)
{
  static const char * const extras[] = { "receipt", "extra laces; white", NULL };
  static const char * const tags[] = { "grail", "to clean", NULL };
  static const char * const wears[] = { "2024-03-02", "2023-12-24", NULL };
  ShoeboxPair *pair = shoebox_pair_new ();

  shoebox_pair_set_silhouette_name (pair, "Track 2.0");
  shoebox_pair_set_brand_name (pair, "Balenciaga");
  shoebox_pair_set_colorway (pair, "Silver");
  shoebox_pair_set_official_colorway (pair, "Metallic Silver/White");
  shoebox_pair_set_style_code (pair, "568614 W2GN3 8110");
  shoebox_pair_set_size (pair, "10.5");
  shoebox_pair_set_size_system (pair, SHOEBOX_SIZE_SYSTEM_US_M);
  shoebox_pair_set_condition (pair, SHOEBOX_CONDITION_VNDS);
  shoebox_pair_set_box (pair, SHOEBOX_BOX_DAMAGED);
  shoebox_pair_set_extras (pair, extras);
  shoebox_pair_set_status (pair, SHOEBOX_STATUS_OWNED);
  shoebox_pair_set_price_paid (pair, 115000);
  shoebox_pair_set_currency (pair, "USD");
  shoebox_pair_set_purchase_date (pair, "2023-11-24");
  shoebox_pair_set_where_bought (pair, "Balenciaga, Avenue Montaigne");
  shoebox_pair_set_estimated_value (pair, 90000);
  shoebox_pair_set_storage_location (pair, "Shelf 2, box 4");
  shoebox_pair_set_tags (pair, tags);
  shoebox_pair_set_notes (pair, "Bought on the launch day.\nSlight crease on the left toe.");
  shoebox_pair_set_wear_dates (pair, wears);

  return pair;
}

static void
assert_pairs_equal (ShoeboxPair *a,
                    ShoeboxPair *b)
{
  g_assert_cmpint (shoebox_pair_get_silhouette_id (a), ==, shoebox_pair_get_silhouette_id (b));
  shoebox_test_assert_pairs_equal (a, b);
}

static gint64
save_new_pair (Fixture    *fixture,
               const char *silhouette,
               const char *colorway)
{
  g_autoptr(ShoeboxPair) pair = shoebox_pair_new ();
  g_autoptr(GError) error = NULL;

  shoebox_pair_set_silhouette_name (pair, silhouette);
  shoebox_pair_set_colorway (pair, colorway);
  g_assert_true (shoebox_collection_save_pair (fixture->collection, pair, &error));
  g_assert_no_error (error);
  return shoebox_pair_get_id (pair);
}

static GListModel *
search (Fixture                *fixture,
        const ShoeboxPairQuery *query)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = shoebox_collection_search (fixture->collection, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (model);
  g_assert_true (g_list_model_get_item_type (model) == SHOEBOX_TYPE_PAIR);
  return model;
}

static guint
count_matches (Fixture    *fixture,
               const char *text)
{
  ShoeboxPairQuery query = { 0 };
  g_autoptr(GListModel) model = NULL;

  query.text = text;
  model = search (fixture, &query);
  return g_list_model_get_n_items (model);
}

static void
test_starter_catalogue_once (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) silhouettes = NULL;
  g_autoptr(GListModel) lineage = NULL;
  g_autoptr(ShoeboxSilhouette) track = NULL;
  g_autoptr(ShoeboxSilhouette) runner = NULL;
  g_auto(GStrv) brands = NULL;
  guint n_added = 42;

  g_assert_true (shoebox_collection_load_starter_catalogue (fixture->collection, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 15);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* A second start loads nothing, even after the user deleted one. */
  track = shoebox_collection_find_silhouette (fixture->collection, "Valentino", "Rockrunner", &error);
  g_assert_no_error (error);
  g_assert_nonnull (track);
  g_assert_true (shoebox_collection_delete_silhouette (fixture->collection, shoebox_silhouette_get_id (track), &error));
  g_assert_no_error (error);
  g_assert_true (shoebox_collection_load_starter_catalogue (fixture->collection, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 0);
  g_clear_object (&track);

  silhouettes = shoebox_collection_list_silhouettes (fixture->collection, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (silhouettes), ==, 14);
  /* Categories in Title Case, as the catalogue shows them; names as the
   * brand writes them, never with the brand again ("Asics Andersson Bell
   * x Asics").
   */
  for (guint i = 0; i < g_list_model_get_n_items (silhouettes); i++)
    {
      g_autoptr(ShoeboxSilhouette) silhouette = g_list_model_get_item (silhouettes, i);
      const char *category = shoebox_silhouette_get_category (silhouette);
      g_autofree char *name = g_utf8_casefold (shoebox_silhouette_get_name (silhouette), -1);
      g_autofree char *brand = g_utf8_casefold (shoebox_silhouette_get_brand_name (silhouette), -1);

      g_test_message ("%s: %s", shoebox_silhouette_get_name (silhouette), category);
      g_assert_nonnull (category);
      g_assert_true (g_unichar_isupper (g_utf8_get_char (category)));
      g_assert_null (strstr (name, brand));
    }

  brands = shoebox_collection_list_brands (fixture->collection, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (brands, ((const char * const[]) { "Asics", "Balenciaga", "Nike", "Valentino", NULL }));

  /* Lineage: Track → Track 2.0 → Track 3, from any generation. */
  track = shoebox_collection_find_silhouette (fixture->collection, NULL, "track 2.0", &error);
  g_assert_nonnull (track);
  g_assert_cmpstr (shoebox_silhouette_get_brand_name (track), ==, "Balenciaga");
  g_assert_cmpstr (shoebox_silhouette_get_category (track), ==, "Athletic");
  lineage = shoebox_collection_list_lineage (fixture->collection, shoebox_silhouette_get_id (track), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lineage), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const names[] = { "Track", "Track 2.0", "Track 3" };
      g_autoptr(ShoeboxSilhouette) generation = g_list_model_get_item (lineage, i);

      g_assert_cmpstr (shoebox_silhouette_get_name (generation), ==, names[i]);
    }
  g_clear_object (&lineage);

  runner = shoebox_collection_find_silhouette (fixture->collection, "Balenciaga", "Runner", &error);
  g_assert_nonnull (runner);
  g_assert_cmpint (shoebox_silhouette_get_retail_price (runner), ==, 115000);
  g_assert_cmpstr (shoebox_silhouette_get_retail_currency (runner), ==, "USD");
  g_assert_cmpstr (shoebox_silhouette_get_designer (runner), ==, "Demna");
  lineage = shoebox_collection_list_lineage (fixture->collection, shoebox_silhouette_get_id (runner), &error);
  g_assert_cmpuint (g_list_model_get_n_items (lineage), ==, 2);
  {
    g_autoptr(ShoeboxSilhouette) first = g_list_model_get_item (lineage, 0);

    g_assert_cmpstr (shoebox_silhouette_get_name (first), ==, "Race Runner");
    g_assert_cmpuint (shoebox_silhouette_get_release_year (first), ==, 2013);
  }
}

static void
test_save_and_get (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ShoeboxPair) pair = make_full_pair ();
  g_autoptr(ShoeboxPair) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (shoebox_pair_get_id (pair), ==, 0);
  g_assert_true (shoebox_collection_save_pair (fixture->collection, pair, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shoebox_pair_get_id (pair), >, 0);
  g_assert_cmpint (shoebox_pair_get_silhouette_id (pair), >, 0);
  g_assert_nonnull (shoebox_pair_get_created_at (pair));
  g_assert_cmpstr (shoebox_pair_get_created_at (pair), ==, shoebox_pair_get_updated_at (pair));

  loaded = shoebox_collection_get_pair (fixture->collection, shoebox_pair_get_id (pair), &error);
  g_assert_no_error (error);
  assert_pairs_equal (pair, loaded);
  g_assert_cmpuint (shoebox_pair_get_wear_count (loaded), ==, 2);
  g_assert_cmpstr (shoebox_pair_get_last_worn (loaded), ==, "2024-03-02");
  g_assert_cmpint (shoebox_pair_get_cost_per_wear (loaded), ==, 57500);
  g_assert_true (shoebox_pair_has_tag (loaded, "GRAIL"));
  {
    g_autofree char *name = shoebox_pair_dup_display_name (loaded);

    g_assert_cmpstr (name, ==, "Track 2.0 — Silver");
  }

  g_assert_null (shoebox_collection_get_pair (fixture->collection, 9999, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* Many pairs in three queries: the same pairs as one by one, in the
 * order asked, a gap where one is gone.
 */
static void
test_get_pairs (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ShoeboxPair) full = make_full_pair ();
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[4];

  g_assert_true (shoebox_collection_save_pair (fixture->collection, full, &error));
  g_assert_no_error (error);
  ids[0] = save_new_pair (fixture, "Runner", "Grey");
  ids[1] = 9999;
  ids[2] = shoebox_pair_get_id (full);
  ids[3] = ids[0];

  pairs = shoebox_collection_get_pairs (fixture->collection, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 4);
  g_assert_null (g_ptr_array_index (pairs, 1));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(ShoeboxPair) one = NULL;

      if (i == 1)
        continue;
      one = shoebox_collection_get_pair (fixture->collection, ids[i], &error);
      g_assert_no_error (error);
      g_assert_cmpint (shoebox_pair_get_id (g_ptr_array_index (pairs, i)), ==, ids[i]);
      assert_pairs_equal (one, g_ptr_array_index (pairs, i));
    }
  g_assert_cmpuint (g_strv_length ((char **) shoebox_pair_get_tags (g_ptr_array_index (pairs, 2))), >, 1);
  g_assert_cmpuint (shoebox_pair_get_wear_count (g_ptr_array_index (pairs, 2)), ==, 2);

  g_clear_pointer (&pairs, g_ptr_array_unref);
  pairs = shoebox_collection_get_pairs (fixture->collection, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 0);
}

static void
test_silhouette_resolution (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(ShoeboxPair) pair = shoebox_pair_new ();
  g_autoptr(GError) error = NULL;
  gint64 n_silhouettes = shoebox_test_query_int (fixture->database, "SELECT count(*) FROM silhouettes");

  /* Any case, no brand: the catalogue's only "Triple S". */
  shoebox_pair_set_silhouette_name (pair, "triple s");
  g_assert_true (shoebox_collection_save_pair (fixture->collection, pair, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (shoebox_pair_get_silhouette_name (pair), ==, "Triple S");
  g_assert_cmpstr (shoebox_pair_get_brand_name (pair), ==, "Balenciaga");
  g_clear_object (&pair);

  /* A silhouette the catalogue lacks is created with its brand. */
  pair = shoebox_pair_new ();
  shoebox_pair_set_silhouette_name (pair, "Gel-NYC");
  shoebox_pair_set_brand_name (pair, "Asics");
  g_assert_true (shoebox_collection_save_pair (fixture->collection, pair, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM silhouettes"), ==, n_silhouettes + 1);
  g_clear_object (&pair);

  /* Without a brand it cannot be: nothing is written. */
  pair = shoebox_pair_new ();
  shoebox_pair_set_silhouette_name (pair, "Samba");
  g_assert_false (shoebox_collection_save_pair (fixture->collection, pair, &error));
  g_assert_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_MISSING_SILHOUETTE);
  g_assert_nonnull (strstr (error->message, "Samba"));
  g_assert_cmpint (shoebox_pair_get_id (pair), ==, 0);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM silhouettes"), ==, n_silhouettes + 1);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs"), ==, 2);
}

typedef struct
{
  const char *name;
  int         error_code;
  void      (*spoil) (ShoeboxPair *pair);
} InvalidCase;

static void spoil_silhouette (ShoeboxPair *pair) { shoebox_pair_set_silhouette_name (pair, NULL); }
static void spoil_size (ShoeboxPair *pair) { shoebox_pair_set_size (pair, "31"); }
static void spoil_size_system (ShoeboxPair *pair) { shoebox_pair_set_size_system (pair, SHOEBOX_SIZE_SYSTEM_NONE); }
static void spoil_future (ShoeboxPair *pair) { shoebox_pair_set_purchase_date (pair, "2999-01-01"); }
static void spoil_date (ShoeboxPair *pair) { shoebox_pair_set_purchase_date (pair, "2023-02-30"); }
static void spoil_currency (ShoeboxPair *pair) { shoebox_pair_set_currency (pair, NULL); }
static void spoil_unknown_currency (ShoeboxPair *pair) { shoebox_pair_set_currency (pair, "XYZ"); }
static void spoil_wear (ShoeboxPair *pair) { shoebox_pair_set_wear_dates (pair, (const char * const[]) { "2999-12-31", NULL }); }

static void spoil_tag (ShoeboxPair *pair) { shoebox_pair_set_tags (pair, (const char * const[]) { "grail", "", NULL }); }

static void
spoil_colorway (ShoeboxPair *pair)
{
  g_autofree char *long_text = g_strnfill (257, 'x');

  shoebox_pair_set_colorway (pair, long_text);
}

static void
spoil_notes (ShoeboxPair *pair)
{
  g_autofree char *long_text = g_strnfill (64 * 1024 + 1, 'n');

  shoebox_pair_set_notes (pair, long_text);
}

static const InvalidCase invalid_cases[] = {
  { "silhouette", SHOEBOX_PAIR_ERROR_MISSING_SILHOUETTE, spoil_silhouette },
  { "size", SHOEBOX_PAIR_ERROR_INVALID_SIZE, spoil_size },
  { "size-system", SHOEBOX_PAIR_ERROR_INVALID_SIZE, spoil_size_system },
  { "future-date", SHOEBOX_PAIR_ERROR_FUTURE_DATE, spoil_future },
  { "date", SHOEBOX_PAIR_ERROR_INVALID_DATE, spoil_date },
  { "no-currency", SHOEBOX_PAIR_ERROR_INVALID_MONEY, spoil_currency },
  { "unknown-currency", SHOEBOX_PAIR_ERROR_INVALID_MONEY, spoil_unknown_currency },
  { "future-wear", SHOEBOX_PAIR_ERROR_FUTURE_DATE, spoil_wear },
  { "empty-tag", SHOEBOX_PAIR_ERROR_INVALID_VALUE, spoil_tag },
  { "long-colorway", SHOEBOX_PAIR_ERROR_TOO_LONG, spoil_colorway },
  { "long-notes", SHOEBOX_PAIR_ERROR_TOO_LONG, spoil_notes },
};

static void
test_invalid_pairs_write_nothing (Fixture       *fixture,
                                  gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autoptr(ShoeboxPair) pair = make_full_pair ();
      g_autoptr(GError) error = NULL;

      g_test_message ("invalid %s", invalid_cases[i].name);
      invalid_cases[i].spoil (pair);
      g_assert_false (shoebox_collection_save_pair (fixture->collection, pair, &error));
      g_assert_error (error, SHOEBOX_PAIR_ERROR, invalid_cases[i].error_code);
      g_assert_cmpint (shoebox_pair_get_id (pair), ==, 0);
    }

  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs"), ==, 0);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM wears"), ==, 0);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pair_tags"), ==, 0);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs_fts"), ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
test_schema_constraints (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const bad[] = {
    "INSERT INTO pairs (silhouette_id, status, created_at, updated_at) VALUES (1, 'Lost', 'x', 'x')",
    "INSERT INTO pairs (silhouette_id, condition, created_at, updated_at) VALUES (1, 'Mint', 'x', 'x')",
    "INSERT INTO pairs (silhouette_id, price_paid, currency, created_at, updated_at) VALUES (1, -5, 'USD', 'x', 'x')",
    "INSERT INTO pairs (silhouette_id, price_paid, created_at, updated_at) VALUES (1, 5, 'x', 'x')",
    "INSERT INTO pairs (silhouette_id, price_paid, currency, created_at, updated_at) VALUES (1, 5, 'usd', 'x', 'x')",
    "INSERT INTO pairs (silhouette_id, purchase_date, created_at, updated_at) VALUES (1, '2023-02-30', 'x', 'x')",
    "INSERT INTO pairs (silhouette_id, size_system, created_at, updated_at) VALUES (1, 'Mondo', 'x', 'x')",
    "INSERT INTO pairs (silhouette_id, created_at, updated_at) VALUES (9999, 'x', 'x')",
    "INSERT INTO wears (pair_id, date) VALUES (9999, '2024-01-01')",
    "INSERT INTO wears (pair_id, date) VALUES (1, '2023-02-29')",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_false (shoebox_database_exec (fixture->database, bad[i], &error));
      g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_CONSTRAINT);
    }
}

static void
test_update_keeps_wears (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ShoeboxPair) pair = make_full_pair ();
  g_autoptr(ShoeboxPair) stale = NULL;
  g_autoptr(ShoeboxPair) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (shoebox_collection_save_pair (fixture->collection, pair, &error));
  id = shoebox_pair_get_id (pair);
  stale = shoebox_pair_copy (pair);

  /* A wear logged while the editor had its copy open. */
  g_assert_true (shoebox_collection_log_wear (fixture->collection, &id, 1, "2024-05-01", &error));
  g_assert_no_error (error);

  shoebox_pair_set_colorway (stale, "Black");
  shoebox_pair_set_tags (stale, (const char * const[]) { "to sell", NULL });
  shoebox_pair_set_condition (stale, SHOEBOX_CONDITION_WORN);
  shoebox_pair_set_estimated_value (stale, -1);
  g_assert_true (shoebox_collection_save_pair (fixture->collection, stale, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shoebox_pair_get_id (stale), ==, id);

  loaded = shoebox_collection_get_pair (fixture->collection, id, &error);
  g_assert_cmpstr (shoebox_pair_get_colorway (loaded), ==, "Black");
  g_assert_cmpstrv (shoebox_pair_get_tags (loaded), ((const char * const[]) { "to sell", NULL }));
  g_assert_cmpint (shoebox_pair_get_condition (loaded), ==, SHOEBOX_CONDITION_WORN);
  g_assert_cmpint (shoebox_pair_get_estimated_value (loaded), ==, -1);
  g_assert_cmpuint (shoebox_pair_get_wear_count (loaded), ==, 3);
  g_assert_cmpuint (count_matches (fixture, "grail"), ==, 0);
  g_assert_cmpuint (count_matches (fixture, "sell"), ==, 1);
  g_assert_cmpuint (count_matches (fixture, "black"), ==, 1);

  /* A pair deleted meanwhile is not brought back by a save. */
  {
    g_autoptr(ShoeboxDeletion) deletion = shoebox_collection_delete_pairs (fixture->collection, &id, 1, &error);

    g_assert_false (shoebox_collection_save_pair (fixture->collection, stale, &error));
    g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_FAILED);
    g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs"), ==, 0);
  }
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ShoeboxPair) pair = make_full_pair ();
  g_autoptr(ShoeboxPair) copy = NULL;
  g_autoptr(ShoeboxPair) loaded = NULL;
  g_autoptr(GPtrArray) photos = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (shoebox_collection_save_pair (fixture->collection, pair, &error));
  g_assert_true (shoebox_collection_add_photo (fixture->collection, shoebox_pair_get_id (pair), "aa11.jpg", TRUE, &error));
  g_assert_no_error (error);

  copy = shoebox_collection_duplicate_pair (fixture->collection, shoebox_pair_get_id (pair), &error);
  g_assert_no_error (error);
  g_assert_cmpint (shoebox_pair_get_id (copy), >, shoebox_pair_get_id (pair));

  loaded = shoebox_collection_get_pair (fixture->collection, shoebox_pair_get_id (copy), &error);
  g_assert_cmpstr (shoebox_pair_get_style_code (loaded), ==, shoebox_pair_get_style_code (pair));
  g_assert_cmpstrv (shoebox_pair_get_tags (loaded), shoebox_pair_get_tags (pair));
  g_assert_cmpuint (shoebox_pair_get_wear_count (loaded), ==, 0);

  photos = shoebox_collection_list_photos (fixture->collection, shoebox_pair_get_id (copy), &error);
  g_assert_cmpuint (photos->len, ==, 1);
  g_assert_cmpstr (((ShoeboxPhotoRow *) photos->pdata[0])->file_name, ==, "aa11.jpg");
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs"), ==, 2);
}

static void
test_save_with_photos (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const first[] = { "a.jpg", "b.jpg", "c.jpg", NULL };
  static const char * const second[] = { "c.jpg", "d.jpg", "a.jpg", NULL };
  g_autoptr(ShoeboxPair) pair = make_full_pair ();
  g_autoptr(GPtrArray) photos = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (shoebox_collection_save_pair_with_photos (fixture->collection, pair, first, "b.jpg", &error));
  g_assert_no_error (error);
  g_assert_cmpint (shoebox_pair_get_id (pair), >, 0);

  /* b goes, d comes, c moves first, and no photo is the side profile. */
  g_assert_true (shoebox_collection_save_pair_with_photos (fixture->collection, pair, second, NULL, &error));
  g_assert_no_error (error);
  photos = shoebox_collection_list_photos (fixture->collection, shoebox_pair_get_id (pair), &error);
  g_assert_cmpuint (photos->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      ShoeboxPhotoRow *row = photos->pdata[i];

      g_assert_cmpstr (row->file_name, ==, second[i]);
      g_assert_false (row->is_side_profile);
    }
  g_clear_pointer (&photos, g_ptr_array_unref);

  /* A bad pair saves neither itself nor its photos. */
  shoebox_pair_set_size (pair, "99");
  g_assert_false (shoebox_collection_save_pair_with_photos (fixture->collection, pair, first, "a.jpg", &error));
  g_assert_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_INVALID_SIZE);
  photos = shoebox_collection_list_photos (fixture->collection, shoebox_pair_get_id (pair), NULL);
  g_assert_cmpstr (((ShoeboxPhotoRow *) photos->pdata[0])->file_name, ==, "c.jpg");
}

static void
test_delete_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ShoeboxPair) first = make_full_pair ();
  g_autoptr(ShoeboxPair) second = make_full_pair ();
  g_autoptr(ShoeboxPair) keep = make_full_pair ();
  g_autoptr(ShoeboxDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[3];

  shoebox_pair_set_colorway (second, "Lavender");
  shoebox_pair_set_silhouette_name (second, "Gel-Kiril 2");
  shoebox_pair_set_brand_name (second, NULL);
  shoebox_pair_set_colorway (keep, "Kept");
  g_assert_true (shoebox_collection_save_pair (fixture->collection, first, &error));
  g_assert_true (shoebox_collection_save_pair (fixture->collection, second, &error));
  g_assert_true (shoebox_collection_save_pair (fixture->collection, keep, &error));
  g_assert_no_error (error);
  ids[0] = shoebox_pair_get_id (first);
  ids[1] = shoebox_pair_get_id (second);
  ids[2] = 4242; /* not a pair: skipped */

  g_assert_true (shoebox_collection_add_photo (fixture->collection, ids[0], "0a0a.jpg", FALSE, &error));
  g_assert_true (shoebox_collection_add_photo (fixture->collection, ids[0], "1b1b.png", TRUE, &error));
  g_assert_true (shoebox_collection_add_photo (fixture->collection, ids[1], "2c2c.jpg", TRUE, &error));
  g_assert_no_error (error);

  deletion = shoebox_collection_delete_pairs (fixture->collection, ids, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shoebox_deletion_get_n_pairs (deletion), ==, 2);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs"), ==, 1);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM photos"), ==, 0);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM wears"), ==, 2);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pair_tags"), ==, 2);
  g_assert_cmpuint (count_matches (fixture, "lavender"), ==, 0);

  g_assert_true (shoebox_collection_restore_pairs (fixture->collection, deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs"), ==, 3);

  for (guint i = 0; i < 2; i++)
    {
      ShoeboxPair *original = i == 0 ? first : second;
      g_autoptr(ShoeboxPair) restored = shoebox_collection_get_pair (fixture->collection, ids[i], &error);

      g_assert_no_error (error);
      assert_pairs_equal (original, restored);
      g_assert_cmpstr (shoebox_pair_get_created_at (restored), ==, shoebox_pair_get_created_at (original));
    }

  {
    g_autoptr(GPtrArray) photos = shoebox_collection_list_photos (fixture->collection, ids[0], &error);
    ShoeboxPhotoRow *side;

    g_assert_cmpuint (photos->len, ==, 2);
    g_assert_cmpstr (((ShoeboxPhotoRow *) photos->pdata[0])->file_name, ==, "0a0a.jpg");
    side = photos->pdata[1];
    g_assert_cmpstr (side->file_name, ==, "1b1b.png");
    g_assert_true (side->is_side_profile);
  }
  g_assert_cmpuint (count_matches (fixture, "lavender"), ==, 1);
  g_assert_cmpuint (count_matches (fixture, "grail"), ==, 3);

  /* A new pair never takes a deleted pair's id, so Undo cannot collide. */
  {
    g_autoptr(ShoeboxDeletion) again = shoebox_collection_delete_pairs (fixture->collection, &ids[1], 1, &error);
    gint64 newer = save_new_pair (fixture, "Phantom", "White");

    g_assert_cmpint (newer, >, ids[1]);
    g_assert_true (shoebox_collection_restore_pairs (fixture->collection, again, &error));
    g_assert_no_error (error);
  }
}

static void
test_wear_log (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = shoebox_date_dup_today ();
  gint64 ids[2];

  ids[0] = save_new_pair (fixture, "Track", "White");
  ids[1] = save_new_pair (fixture, "Runner", "Black");

  /* Worn Today twice is one wear, and the second logs nothing new. */
  {
    g_autoptr(GArray) logged = g_array_new (FALSE, FALSE, sizeof (gint64));

    g_assert_true (shoebox_collection_log_new_wear (fixture->collection, ids, 1, NULL, logged, &error));
    g_assert_cmpuint (logged->len, ==, 1);
    g_assert_cmpint (g_array_index (logged, gint64, 0), ==, ids[0]);
    g_array_set_size (logged, 0);
    g_assert_true (shoebox_collection_log_new_wear (fixture->collection, ids, 2, NULL, logged, &error));
    g_assert_cmpuint (logged->len, ==, 1);
    g_assert_cmpint (g_array_index (logged, gint64, 0), ==, ids[1]);
    g_array_set_size (logged, 0);
    g_assert_true (shoebox_collection_log_new_wear (fixture->collection, ids, 2, NULL, logged, &error));
    g_assert_cmpuint (logged->len, ==, 0);
  }
  g_assert_true (shoebox_collection_log_wear (fixture->collection, ids, 2, NULL, &error));
  g_assert_true (shoebox_collection_log_wear (fixture->collection, ids, 1, "2024-01-10", &error));
  g_assert_no_error (error);

  {
    g_autoptr(ShoeboxPair) pair = shoebox_collection_get_pair (fixture->collection, ids[0], &error);

    g_assert_cmpuint (shoebox_pair_get_wear_count (pair), ==, 2);
    g_assert_cmpstr (shoebox_pair_get_last_worn (pair), ==, today);
    g_assert_cmpint (shoebox_pair_get_cost_per_wear (pair), ==, -1);
  }

  g_assert_false (shoebox_collection_log_wear (fixture->collection, ids, 2, "2999-01-01", &error));
  g_assert_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_FUTURE_DATE);
  g_clear_error (&error);
  g_assert_false (shoebox_collection_log_wear (fixture->collection, ids, 2, "someday", &error));
  g_assert_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM wears"), ==, 3);

  g_assert_true (shoebox_collection_remove_wear (fixture->collection, ids[0], "2024-01-10", &error));
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM wears"), ==, 2);
}

static void
test_search_prefix (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ShoeboxPair) pair = make_full_pair ();
  g_autoptr(ShoeboxSilhouette) kiril = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const hostile[] = {
    "\"", "\"\"", "AND", "OR (", "NEAR(a b)", "*", "col:umn", "-track", "^", "'; DROP TABLE pairs; --", "—", "",
  };

  g_assert_true (shoebox_collection_save_pair (fixture->collection, pair, &error));
  save_new_pair (fixture, "Track", "White");
  save_new_pair (fixture, "Track 3", "Café au lait");
  save_new_pair (fixture, "Air Max 97", "Silver Bullet");
  save_new_pair (fixture, "Gel-Kiril 2", "Lavender");

  g_assert_cmpuint (count_matches (fixture, "trac"), ==, 3);
  g_assert_cmpuint (count_matches (fixture, "Trac"), ==, 3);
  g_assert_cmpuint (count_matches (fixture, "track 2"), ==, 1);
  g_assert_cmpuint (count_matches (fixture, "track 2.0"), ==, 1);
  g_assert_cmpuint (count_matches (fixture, "  track   silv "), ==, 1);
  g_assert_cmpuint (count_matches (fixture, "silver"), ==, 2);
  g_assert_cmpuint (count_matches (fixture, "balen"), ==, 3);
  g_assert_cmpuint (count_matches (fixture, "nike"), ==, 1);
  g_assert_cmpuint (count_matches (fixture, "cafe"), ==, 1);
  g_assert_cmpuint (count_matches (fixture, "568614"), ==, 1);
  g_assert_cmpuint (count_matches (fixture, "montaigne"), ==, 1);
  g_assert_cmpuint (count_matches (fixture, "crease"), ==, 1);
  g_assert_cmpuint (count_matches (fixture, "clean"), ==, 1);
  g_assert_cmpuint (count_matches (fixture, "laces"), ==, 1);
  g_assert_cmpuint (count_matches (fixture, "shelf"), ==, 1);
  g_assert_cmpuint (count_matches (fixture, "vnds"), ==, 1);
  g_assert_cmpuint (count_matches (fixture, "zzz"), ==, 0);

  /* Whatever is typed is searched for, never run as FTS5 syntax or SQL. */
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      ShoeboxPairQuery query = { .text = hostile[i] };
      g_autoptr(GListModel) model = shoebox_collection_search (fixture->collection, &query, &error);

      g_assert_no_error (error);
      g_assert_nonnull (model);
    }
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs"), ==, 5);

  /* Renaming a silhouette or its brand reaches the index. */
  kiril = shoebox_collection_find_silhouette (fixture->collection, "Asics", "Gel-Kiril 2", &error);
  shoebox_silhouette_set_name (kiril, "Gel-Kiril Two");
  g_assert_true (shoebox_collection_save_silhouette (fixture->collection, kiril, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_matches (fixture, "two"), ==, 1);
  g_assert_true (shoebox_database_exec (fixture->database, "UPDATE brands SET name = 'ASICS Tiger' WHERE name = 'Asics'", &error));
  g_assert_cmpuint (count_matches (fixture, "tiger"), ==, 1);
  g_assert_true (shoebox_database_exec (fixture->database, "UPDATE tags SET name = 'holy grail' WHERE name = 'grail'", &error));
  g_assert_cmpuint (count_matches (fixture, "holy"), ==, 1);
}

static void
test_search_filters (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxSilhouette) track = NULL;
  ShoeboxPairQuery query = { 0 };
  gint64 ids[4];

  for (guint i = 0; i < 4; i++)
    {
      static const char * const silhouettes[] = { "Track", "Track", "Gel-1090", "Air Max 97" };
      static const ShoeboxCondition conditions[] = {
        SHOEBOX_CONDITION_DEADSTOCK, SHOEBOX_CONDITION_WORN, SHOEBOX_CONDITION_WORN, SHOEBOX_CONDITION_NONE,
      };
      static const ShoeboxStatus statuses[] = {
        SHOEBOX_STATUS_OWNED, SHOEBOX_STATUS_SOLD, SHOEBOX_STATUS_OWNED, SHOEBOX_STATUS_WISHLIST,
      };
      static const gint64 prices[] = { 50000, 120000, -1, 20000 };
      g_autoptr(ShoeboxPair) pair = shoebox_pair_new ();

      shoebox_pair_set_silhouette_name (pair, silhouettes[i]);
      shoebox_pair_set_condition (pair, conditions[i]);
      shoebox_pair_set_status (pair, statuses[i]);
      shoebox_pair_set_price_paid (pair, prices[i]);
      shoebox_pair_set_currency (pair, "EUR");
      if (i % 2 == 0)
        shoebox_pair_set_tags (pair, (const char * const[]) { "Grail", NULL });
      g_assert_true (shoebox_collection_save_pair (fixture->collection, pair, &error));
      g_assert_no_error (error);
      ids[i] = shoebox_pair_get_id (pair);
    }

  {
    g_autoptr(GListModel) all = search (fixture, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (all), ==, 4);
    g_assert_cmpint (shoebox_pair_list_get_id (SHOEBOX_PAIR_LIST (all), 0), ==, ids[0]);
  }

  query.brand = "balenciaga";
  {
    g_autoptr(GListModel) model = search (fixture, &query);

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  }

  query = (ShoeboxPairQuery) { .statuses = 1 << SHOEBOX_STATUS_OWNED };
  {
    g_autoptr(GListModel) model = search (fixture, &query);

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  }

  query = (ShoeboxPairQuery) { .conditions = 1 << SHOEBOX_CONDITION_WORN, .statuses = 1 << SHOEBOX_STATUS_OWNED };
  {
    g_autoptr(GListModel) model = search (fixture, &query);
    g_autoptr(ShoeboxPair) pair = g_list_model_get_item (model, 0);

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
    g_assert_cmpint (shoebox_pair_get_id (pair), ==, ids[2]);
    g_assert_null (g_list_model_get_item (model, 1));
  }

  query = (ShoeboxPairQuery) { .tag = "grail" };
  {
    g_autoptr(GListModel) model = search (fixture, &query);

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  }

  track = shoebox_collection_find_silhouette (fixture->collection, "Balenciaga", "Track", &error);
  query = (ShoeboxPairQuery) { .silhouette_id = shoebox_silhouette_get_id (track), .tag = "GRAIL", .text = "trac" };
  {
    g_autoptr(GListModel) model = search (fixture, &query);

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  }

  /* Sorted by price, most expensive first; the pair without one last. */
  query = (ShoeboxPairQuery) { .sort = SHOEBOX_PAIR_SORT_PRICE_PAID, .descending = TRUE };
  {
    g_autoptr(GListModel) model = search (fixture, &query);
    ShoeboxPairList *list = SHOEBOX_PAIR_LIST (model);

    g_assert_cmpint (shoebox_pair_list_get_id (list, 0), ==, ids[1]);
    g_assert_cmpint (shoebox_pair_list_get_id (list, 1), ==, ids[0]);
    g_assert_cmpint (shoebox_pair_list_get_id (list, 2), ==, ids[3]);
    g_assert_cmpint (shoebox_pair_list_get_id (list, 3), ==, ids[2]);
  }

  /* Typing again refills the same model with one items-changed. */
  {
    ShoeboxPairQuery typed = { .text = "gel" };
    g_autoptr(GListModel) model = search (fixture, NULL);
    guint n_signals = 0;

    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (shoebox_test_count_cb), &n_signals);
    g_assert_true (shoebox_collection_search_into (fixture->collection, &typed, model, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_signals, ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
    g_assert_cmpint (shoebox_pair_list_get_id (SHOEBOX_PAIR_LIST (model), 0), ==, ids[2]);
  }

  /* Text alone, newest first: straight from the index. */
  {
    ShoeboxPairQuery typed = { .text = "trac", .descending = TRUE };
    g_autoptr(GListModel) model = search (fixture, &typed);

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
    g_assert_cmpint (shoebox_pair_list_get_id (SHOEBOX_PAIR_LIST (model), 0), ==, ids[1]);
    g_assert_cmpint (shoebox_pair_list_get_id (SHOEBOX_PAIR_LIST (model), 1), ==, ids[0]);
  }

  /* Every sort runs, both ways, with and without text. */
  for (ShoeboxPairSort sort = SHOEBOX_PAIR_SORT_ADDED; sort <= SHOEBOX_PAIR_SORT_LAST_WORN; sort++)
    for (guint descending = 0; descending < 2; descending++)
      {
        ShoeboxPairQuery sorted = { .sort = sort, .descending = descending, .text = sort % 2 ? "track" : NULL };
        g_autoptr(GListModel) model = search (fixture, &sorted);

        g_assert_cmpuint (g_list_model_get_n_items (model), ==, sort % 2 ? 2 : 4);
      }
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_signals;
} ItemsChanged;

static void
record_items_changed_cb (GListModel   *model,
                         guint         position,
                         guint         removed,
                         guint         added,
                         ItemsChanged *changed)
{
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->n_signals++;
}

static void
search_into (Fixture                *fixture,
             const ShoeboxPairQuery *query,
             GListModel             *model)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (shoebox_collection_search_into (fixture->collection, query, model, &error));
  g_assert_no_error (error);
}

/* A new result keeps positions: the object a cell holds becomes the pair
 * now at its position, one ::changed each; items-changed only adds or
 * removes positions at the end; nothing else is kept alive.
 */
static void
test_search_keeps_positions (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 air_max = save_new_pair (fixture, "Air Max 97", "Silver Bullet");
  gint64 track = save_new_pair (fixture, "Track", "Silver");
  gint64 gel = save_new_pair (fixture, "Gel-1090", "Cream");
  gint64 runner = save_new_pair (fixture, "Runner", "Grey");
  g_autoptr(GListModel) model = search (fixture, NULL);
  g_autoptr(ShoeboxPair) held = g_list_model_get_item (model, 0);
  ShoeboxPairQuery gel_only = { .text = "gel" };
  ItemsChanged changed = { 0 };
  guint n_changed = 0;
  ShoeboxPair *dropped;
  ShoeboxPair *other;

  g_assert_cmpint (shoebox_pair_get_id (held), ==, air_max);
  g_assert_cmpint (shoebox_pair_list_get_id (SHOEBOX_PAIR_LIST (model), 1), ==, track);
  g_signal_connect_swapped (held, "changed", G_CALLBACK (shoebox_test_count_cb), &n_changed);
  g_signal_connect (model, "items-changed", G_CALLBACK (record_items_changed_cb), &changed);

  /* The list keeps no pair alive but the one it handed out last. */
  dropped = g_list_model_get_item (model, 3);
  g_assert_cmpint (shoebox_pair_get_id (dropped), ==, runner);
  g_object_add_weak_pointer (G_OBJECT (dropped), (gpointer *) &dropped);
  g_object_unref (dropped);
  g_assert_nonnull (dropped);
  other = g_list_model_get_item (model, 2);
  g_object_unref (other);
  g_assert_null (dropped);

  /* Asked again, a position held by nothing is read again. */
  {
    g_autoptr(ShoeboxPair) again = g_list_model_get_item (model, 3);

    g_assert_cmpint (shoebox_pair_get_id (again), ==, runner);
  }

  /* "gel": the held object at position 0 is now the Gel-1090. */
  search_into (fixture, &gel_only, model);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpint (shoebox_pair_get_id (held), ==, gel);
  g_assert_cmpstr (shoebox_pair_get_silhouette_name (held), ==, "Gel-1090");
  g_assert_cmpstr (shoebox_pair_get_colorway (held), ==, "Cream");
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 3);
  g_assert_cmpuint (changed.added, ==, 0);

  /* Typing on, the same pair where it was is left alone... */
  shoebox_pair_list_set_keep_unchanged (SHOEBOX_PAIR_LIST (model), TRUE);
  search_into (fixture, &gel_only, model);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (changed.n_signals, ==, 1);

  /* ...but read again when it may have changed (after an edit). */
  {
    g_autoptr(ShoeboxPair) edited = shoebox_pair_copy (held);
    g_autoptr(GError) error = NULL;

    shoebox_pair_set_colorway (edited, "Oatmeal");
    g_assert_true (shoebox_collection_save_pair (fixture->collection, edited, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpstr (shoebox_pair_get_colorway (held), ==, "Cream");
  shoebox_pair_list_set_keep_unchanged (SHOEBOX_PAIR_LIST (model), FALSE);
  search_into (fixture, &gel_only, model);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpstr (shoebox_pair_get_colorway (held), ==, "Oatmeal");

  /* Back to everything: positions added at the end, one signal. */
  search_into (fixture, NULL, model);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpuint (changed.n_signals, ==, 2);
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 3);
  g_assert_cmpint (shoebox_pair_get_id (held), ==, air_max);
  g_assert_cmpuint (n_changed, ==, 3);
}

/* A view asking for positions in turn gets them read in one query per
 * READ_AHEAD (32), not one each; one that jumps gets one pair; and a new
 * result drops what was read ahead for the old one.
 */
static void
test_search_reads_ahead (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  ShoeboxPairQuery newest_first = { .sort = SHOEBOX_PAIR_SORT_ADDED, .descending = TRUE };
  const char *load = "FROM json_each";

  g_assert_true (shoebox_collection_generate_pairs (fixture->collection, 100, 5, &error));
  g_assert_no_error (error);
  model = search (fixture, NULL);

  shoebox_test_sql_log_clear ();
  for (guint i = 0; i < 40; i++)
    {
      ShoeboxPair *pair = g_list_model_get_item (model, i);

      g_assert_cmpint (shoebox_pair_get_id (pair), ==, shoebox_pair_list_get_id (SHOEBOX_PAIR_LIST (model), i));
      g_ptr_array_add (held, pair);
    }
  /* The pairs, their tags and their wears: three queries per batch. */
  g_assert_cmpuint (shoebox_test_sql_log_count (load, TRUE), ==, 2 * 3);

  /* A jump reads one pair; going back up from there reads ahead upwards. */
  shoebox_test_sql_log_clear ();
  g_ptr_array_add (held, g_list_model_get_item (model, 90));
  g_assert_cmpuint (shoebox_test_sql_log_count (load, TRUE), ==, 3);
  for (guint i = 89; i >= 60; i--)
    {
      ShoeboxPair *pair = g_list_model_get_item (model, i);

      g_assert_cmpint (shoebox_pair_get_id (pair), ==, shoebox_pair_list_get_id (SHOEBOX_PAIR_LIST (model), i));
      g_ptr_array_add (held, pair);
    }
  g_assert_cmpuint (shoebox_test_sql_log_count (load, TRUE), ==, 2 * 3);

  /* Read ahead for the old order, position 59 now holds another pair. */
  search_into (fixture, &newest_first, model);
  {
    g_autoptr(ShoeboxPair) pair = g_list_model_get_item (model, 59);

    g_assert_cmpint (shoebox_pair_get_id (pair), ==, shoebox_pair_list_get_id (SHOEBOX_PAIR_LIST (model), 59));
  }
}

/* Told where the view is, a new result updates the objects near it at
 * once and the others at the catch-up; an object left behind is brought
 * up to date before it is handed out, and a later result that keeps its
 * id still brings it up to date.
 */
static void
test_search_near_view_first (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 air_max = save_new_pair (fixture, "Air Max 97", "Silver Bullet");
  gint64 track = save_new_pair (fixture, "Track", "Silver");
  gint64 gel = save_new_pair (fixture, "Gel-1090", "Cream");
  gint64 runner = save_new_pair (fixture, "Runner", "Grey");
  g_autoptr(GListModel) model = search (fixture, NULL);
  ShoeboxPairList *list = SHOEBOX_PAIR_LIST (model);
  g_autoptr(ShoeboxPair) near = g_list_model_get_item (model, 0);
  g_autoptr(ShoeboxPair) away = g_list_model_get_item (model, 2);
  g_autoptr(ShoeboxPair) away_too = g_list_model_get_item (model, 3);
  ShoeboxPairQuery reversed = { .sort = SHOEBOX_PAIR_SORT_ADDED, .descending = TRUE };
  ShoeboxPairQuery added = { .sort = SHOEBOX_PAIR_SORT_ADDED };

  g_assert_cmpint (shoebox_pair_get_id (near), ==, air_max);
  g_assert_cmpint (shoebox_pair_get_id (away), ==, gel);
  g_assert_cmpint (shoebox_pair_get_id (away_too), ==, runner);

  shoebox_pair_list_set_near (list, 0, 2);
  search_into (fixture, &reversed, model);
  g_assert_cmpint (shoebox_pair_get_id (near), ==, runner);
  g_assert_cmpint (shoebox_pair_get_id (away), ==, gel);
  g_assert_cmpint (shoebox_pair_get_id (away_too), ==, runner);
  g_assert_true (shoebox_pair_list_is_behind (list));

  /* Asked for, an object left behind is brought up to date first. */
  {
    g_autoptr(ShoeboxPair) asked = g_list_model_get_item (model, 2);

    g_assert_true (asked == away);
    g_assert_cmpint (shoebox_pair_get_id (away), ==, track);
    g_assert_cmpstr (shoebox_pair_get_silhouette_name (away), ==, "Track");
  }

  /* Position 3 keeps its id in the next result, yet its object still
   * shows the pair before: it is brought up to date all the same.
   */
  shoebox_pair_list_set_keep_unchanged (list, TRUE);
  shoebox_pair_list_set_near (list, 0, 0);
  search_into (fixture, &reversed, model);
  g_assert_cmpint (shoebox_pair_list_get_id (list, 3), ==, air_max);
  g_assert_cmpint (shoebox_pair_get_id (away_too), ==, air_max);
  g_assert_cmpstr (shoebox_pair_get_colorway (away_too), ==, "Silver Bullet");
  g_assert_false (shoebox_pair_list_is_behind (list));

  /* The catch-up brings every object left behind up to date. */
  shoebox_pair_list_set_near (list, 0, 1);
  search_into (fixture, &added, model);
  g_assert_cmpint (shoebox_pair_get_id (near), ==, air_max);
  g_assert_cmpint (shoebox_pair_get_id (away), ==, track);
  g_assert_cmpint (shoebox_pair_get_id (away_too), ==, air_max);
  shoebox_pair_list_catch_up (list);
  g_assert_false (shoebox_pair_list_is_behind (list));
  g_assert_cmpint (shoebox_pair_get_id (away), ==, gel);
  g_assert_cmpstr (shoebox_pair_get_colorway (away), ==, "Cream");
  g_assert_cmpint (shoebox_pair_get_id (away_too), ==, runner);
}

/* The first screenful (a limit), and every order through the quick path
 * (no text, no filter) the same as through the joins.
 */
static void
test_search_limit_and_quick_path (Fixture       *fixture,
                                  gconstpointer  data)
{
  gint64 ids[5];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ids[i] = save_new_pair (fixture, i % 2 ? "Track" : "Runner", "Grey");

  for (guint descending = 0; descending < 2; descending++)
    {
      ShoeboxPairQuery quick = { .descending = descending };
      /* Every status: the same pairs, through the filtered query. */
      ShoeboxPairQuery joined = { .descending = descending, .statuses = 0x7 << SHOEBOX_STATUS_OWNED };
      ShoeboxPairQuery first = { .descending = descending, .limit = 2 };
      g_autoptr(GListModel) all = search (fixture, &quick);
      g_autoptr(GListModel) filtered = search (fixture, &joined);
      g_autoptr(GListModel) head = search (fixture, &first);

      g_assert_cmpuint (g_list_model_get_n_items (all), ==, G_N_ELEMENTS (ids));
      g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, G_N_ELEMENTS (ids));
      g_assert_cmpuint (g_list_model_get_n_items (head), ==, 2);
      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          gint64 expected = ids[descending ? G_N_ELEMENTS (ids) - 1 - i : i];

          g_assert_cmpint (shoebox_pair_list_get_id (SHOEBOX_PAIR_LIST (all), i), ==, expected);
          g_assert_cmpint (shoebox_pair_list_get_id (SHOEBOX_PAIR_LIST (filtered), i), ==, expected);
          if (i < 2)
            g_assert_cmpint (shoebox_pair_list_get_id (SHOEBOX_PAIR_LIST (head), i), ==, expected);
        }
    }

  /* A limit with text and with a sort that needs the joins. */
  {
    ShoeboxPairQuery typed = { .text = "track", .limit = 1 };
    ShoeboxPairQuery sorted = { .sort = SHOEBOX_PAIR_SORT_SILHOUETTE, .limit = 3 };
    g_autoptr(GListModel) one = search (fixture, &typed);
    g_autoptr(GListModel) three = search (fixture, &sorted);

    g_assert_cmpuint (g_list_model_get_n_items (one), ==, 1);
    g_assert_cmpint (shoebox_pair_list_get_id (SHOEBOX_PAIR_LIST (one), 0), ==, ids[1]);
    g_assert_cmpuint (g_list_model_get_n_items (three), ==, 3);
    /* "Runner" before "Track": the three Runners, oldest first. */
    g_assert_cmpint (shoebox_pair_list_get_id (SHOEBOX_PAIR_LIST (three), 0), ==, ids[0]);
    g_assert_cmpint (shoebox_pair_list_get_id (SHOEBOX_PAIR_LIST (three), 1), ==, ids[2]);
    g_assert_cmpint (shoebox_pair_list_get_id (SHOEBOX_PAIR_LIST (three), 2), ==, ids[4]);
  }
}

static void
test_statistics (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(ShoeboxStatistics) statistics = NULL;
  g_autoptr(GListModel) unworn = NULL;
  g_autoptr(GError) error = NULL;
  struct
  {
    const char       *silhouette;
    ShoeboxStatus     status;
    ShoeboxCondition  condition;
    gint64            price;
    gint64            estimate;
    const char       *currency;
    const char       *wears[4];
  } rows[] = {
    { "Track", SHOEBOX_STATUS_OWNED, SHOEBOX_CONDITION_WORN, 100000, 80000, "USD", { "2024-06-01", "2024-05-01", "2024-04-01" } },
    { "Triple S", SHOEBOX_STATUS_OWNED, SHOEBOX_CONDITION_DEADSTOCK, 89500, -1, "USD", { NULL } },
    { "Gel-1090", SHOEBOX_STATUS_OWNED, SHOEBOX_CONDITION_WORN, 171000, 200000, "JPY", { "2024-01-01" } },
    { "Air Max 97", SHOEBOX_STATUS_OWNED, SHOEBOX_CONDITION_NONE, -1, -1, NULL, { "2024-06-10", "2024-06-11" } },
    { "Runner", SHOEBOX_STATUS_WISHLIST, SHOEBOX_CONDITION_NONE, 115000, -1, "USD", { NULL } },
    { "Phantom", SHOEBOX_STATUS_SOLD, SHOEBOX_CONDITION_BEATER, 89500, -1, "USD", { "2023-01-01" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(ShoeboxPair) pair = shoebox_pair_new ();

      shoebox_pair_set_silhouette_name (pair, rows[i].silhouette);
      shoebox_pair_set_status (pair, rows[i].status);
      shoebox_pair_set_condition (pair, rows[i].condition);
      shoebox_pair_set_price_paid (pair, rows[i].price);
      shoebox_pair_set_estimated_value (pair, rows[i].estimate);
      shoebox_pair_set_currency (pair, rows[i].currency);
      shoebox_pair_set_wear_dates (pair, rows[i].wears);
      g_assert_true (shoebox_collection_save_pair (fixture->collection, pair, &error));
      g_assert_no_error (error);
    }

  statistics = shoebox_collection_compute_statistics (fixture->collection, "2024-06-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (statistics->n_by_status[SHOEBOX_STATUS_OWNED], ==, 4);
  g_assert_cmpuint (statistics->n_by_status[SHOEBOX_STATUS_WISHLIST], ==, 1);
  g_assert_cmpuint (statistics->n_by_status[SHOEBOX_STATUS_SOLD], ==, 1);
  g_assert_cmpuint (statistics->n_by_condition[SHOEBOX_CONDITION_WORN], ==, 2);
  g_assert_cmpuint (statistics->n_by_condition[SHOEBOX_CONDITION_DEADSTOCK], ==, 1);
  g_assert_cmpuint (statistics->n_by_condition[SHOEBOX_CONDITION_NONE], ==, 1);
  g_assert_cmpuint (statistics->n_by_condition[SHOEBOX_CONDITION_BEATER], ==, 0);

  g_assert_cmpuint (statistics->totals->len, ==, 2);
  {
    ShoeboxCurrencyTotal *jpy = statistics->totals->pdata[0];
    ShoeboxCurrencyTotal *usd = statistics->totals->pdata[1];

    g_assert_cmpstr (jpy->currency, ==, "JPY");
    g_assert_cmpint (jpy->paid, ==, 171000);
    g_assert_cmpint (jpy->estimated, ==, 200000);
    g_assert_cmpstr (usd->currency, ==, "USD");
    g_assert_cmpint (usd->paid, ==, 189500);
    g_assert_cmpint (usd->estimated, ==, 80000);
    g_assert_cmpuint (usd->n_pairs, ==, 2);
    /* Like with like: one of the two has an estimate, paid 1000.00. */
    g_assert_cmpuint (usd->n_paid, ==, 2);
    g_assert_cmpuint (usd->n_estimated, ==, 1);
    g_assert_cmpint (usd->paid_for_estimated, ==, 100000);
  }

  g_assert_cmpuint (statistics->by_brand->len, ==, 3);
  {
    ShoeboxStatisticsCount *first = statistics->by_brand->pdata[0];

    g_assert_cmpstr (first->label, ==, "Balenciaga");
    g_assert_cmpuint (first->count, ==, 2);
  }

  g_assert_cmpuint (statistics->most_worn->len, ==, 3);
  g_assert_cmpstr (shoebox_pair_get_silhouette_name (statistics->most_worn->pdata[0]), ==, "Track");
  g_assert_cmpstr (shoebox_pair_get_silhouette_name (statistics->most_worn->pdata[1]), ==, "Air Max 97");
  g_assert_cmpuint (statistics->least_worn->len, ==, 4);
  g_assert_cmpstr (shoebox_pair_get_silhouette_name (statistics->least_worn->pdata[0]), ==, "Triple S");
  g_assert_cmpstr (shoebox_pair_get_silhouette_name (statistics->least_worn->pdata[1]), ==, "Gel-1090");

  /* Not worn since 2024-03-17: Triple S (never) and Gel-1090. */
  g_assert_cmpuint (statistics->n_not_worn_recently, ==, 2);
  unworn = shoebox_collection_list_not_worn_since (fixture->collection, "2024-03-17", &error);
  g_assert_cmpuint (g_list_model_get_n_items (unworn), ==, 2);
  {
    g_autoptr(ShoeboxPair) never = g_list_model_get_item (unworn, 0);

    g_assert_cmpstr (shoebox_pair_get_silhouette_name (never), ==, "Triple S");
  }

  /* The boxed copy is a deep copy. */
  {
    ShoeboxStatistics *copy = g_boxed_copy (SHOEBOX_TYPE_STATISTICS, statistics);

    g_assert_cmpuint (copy->by_brand->len, ==, 3);
    for (guint i = 0; i < copy->by_brand->len; i++)
      {
        ShoeboxStatisticsCount *original = g_ptr_array_index (statistics->by_brand, i);
        ShoeboxStatisticsCount *copied = g_ptr_array_index (copy->by_brand, i);

        g_assert_true (copied != original && copied->label != original->label);
        g_assert_cmpstr (copied->label, ==, original->label);
        g_assert_cmpuint (copied->count, ==, original->count);
      }
    g_assert_cmpuint (copy->totals->len, ==, statistics->totals->len);
    g_assert_cmpuint (copy->totals->len, >, 0);
    for (guint i = 0; i < copy->totals->len; i++)
      {
        ShoeboxCurrencyTotal *original = g_ptr_array_index (statistics->totals, i);
        ShoeboxCurrencyTotal *copied = g_ptr_array_index (copy->totals, i);

        g_assert_true (copied != original && copied->currency != original->currency);
        g_assert_cmpstr (copied->currency, ==, original->currency);
        g_assert_cmpint (copied->paid, ==, original->paid);
        g_assert_cmpint (copied->paid_for_estimated, ==, original->paid_for_estimated);
      }
    g_boxed_free (SHOEBOX_TYPE_STATISTICS, copy);
  }
}

static void
assert_same_pairs (GPtrArray *a,
                   GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpint (shoebox_pair_get_id (a->pdata[i]), ==, shoebox_pair_get_id (b->pdata[i]));
}

static void
assert_statistics_equal (ShoeboxStatistics *a,
                         ShoeboxStatistics *b)
{
  g_assert_cmpmem (a->n_by_status, sizeof a->n_by_status, b->n_by_status, sizeof b->n_by_status);
  g_assert_cmpmem (a->n_by_condition, sizeof a->n_by_condition, b->n_by_condition, sizeof b->n_by_condition);
  g_assert_cmpuint (a->n_not_worn_recently, ==, b->n_not_worn_recently);

  g_assert_cmpuint (a->totals->len, ==, b->totals->len);
  for (guint i = 0; i < a->totals->len; i++)
    {
      ShoeboxCurrencyTotal *ta = a->totals->pdata[i];
      ShoeboxCurrencyTotal *tb = b->totals->pdata[i];

      g_assert_cmpstr (ta->currency, ==, tb->currency);
      g_assert_cmpint (ta->paid, ==, tb->paid);
      g_assert_cmpint (ta->estimated, ==, tb->estimated);
      g_assert_cmpuint (ta->n_pairs, ==, tb->n_pairs);
    }

  g_assert_cmpuint (a->by_brand->len, ==, b->by_brand->len);
  for (guint i = 0; i < a->by_brand->len; i++)
    {
      ShoeboxStatisticsCount *ca = a->by_brand->pdata[i];
      ShoeboxStatisticsCount *cb = b->by_brand->pdata[i];

      g_assert_cmpstr (ca->label, ==, cb->label);
      g_assert_cmpuint (ca->count, ==, cb->count);
    }

  assert_same_pairs (a->most_worn, b->most_worn);
  assert_same_pairs (a->least_worn, b->least_worn);
}

/* The window's statistics: the same figures as the synchronous call, and
 * not one of their queries on the main thread.
 */
static void
test_statistics_async (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(ShoeboxStatistics) expected = NULL;
  g_autoptr(ShoeboxStatistics) statistics = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (shoebox_collection_generate_pairs (fixture->collection, 2000, 11, &error));
  g_assert_no_error (error);
  expected = shoebox_collection_compute_statistics (fixture->collection, "2024-06-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->most_worn->len, ==, SHOEBOX_STATISTICS_N_WORN);
  g_assert_cmpuint (expected->by_brand->len, >, 1);

  shoebox_test_sql_log_clear ();
  shoebox_collection_compute_statistics_async (fixture->collection, "2024-06-15", NULL, shoebox_test_store_result_cb, &result);
  shoebox_test_wait_for_result (&result);
  statistics = shoebox_collection_compute_statistics_finish (fixture->collection, result, &error);
  g_assert_no_error (error);
  assert_statistics_equal (statistics, expected);
  g_assert_cmpuint (shoebox_test_sql_log_count ("FROM pairs", FALSE), >=, 6);
  g_assert_cmpuint (shoebox_test_sql_log_count ("FROM pairs", TRUE), ==, 0);
  g_clear_object (&result);

  /* Cancelled before it starts: an error, nothing computed. */
  shoebox_test_sql_log_clear ();
  g_cancellable_cancel (cancellable);
  shoebox_collection_compute_statistics_async (fixture->collection, NULL, cancellable, shoebox_test_store_result_cb, &result);
  shoebox_test_wait_for_result (&result);
  g_assert_null (shoebox_collection_compute_statistics_finish (fixture->collection, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (shoebox_test_sql_log_count ("FROM pairs", FALSE), ==, 0);
}

static void
test_silhouettes (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ShoeboxSilhouette) silhouette = shoebox_silhouette_new ();
  g_autoptr(ShoeboxSilhouette) loaded = NULL;
  g_autoptr(ShoeboxSilhouette) rockrunner = NULL;
  g_autoptr(ShoeboxDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pair_id;

  shoebox_silhouette_set_brand_name (silhouette, "Salomon");
  shoebox_silhouette_set_name (silhouette, "XT-6");
  shoebox_silhouette_set_release_year (silhouette, 2013);
  shoebox_silhouette_set_retail_price (silhouette, 19000);
  shoebox_silhouette_set_retail_currency (silhouette, "EUR");
  shoebox_silhouette_set_category (silhouette, "trail");
  g_assert_true (shoebox_collection_save_silhouette (fixture->collection, silhouette, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shoebox_silhouette_get_id (silhouette), >, 0);

  loaded = shoebox_collection_get_silhouette (fixture->collection, shoebox_silhouette_get_id (silhouette), &error);
  g_assert_cmpstr (shoebox_silhouette_get_brand_name (loaded), ==, "Salomon");
  g_assert_cmpuint (shoebox_silhouette_get_release_year (loaded), ==, 2013);
  g_assert_cmpint (shoebox_silhouette_get_retail_price (loaded), ==, 19000);
  {
    g_autofree char *name = shoebox_silhouette_dup_display_name (loaded);

    g_assert_cmpstr (name, ==, "Salomon XT-6");
  }

  /* Two silhouettes of one brand cannot share a name. */
  g_clear_object (&silhouette);
  silhouette = shoebox_silhouette_new ();
  shoebox_silhouette_set_brand_name (silhouette, "salomon");
  shoebox_silhouette_set_name (silhouette, "XT-6");
  g_assert_false (shoebox_collection_save_silhouette (fixture->collection, silhouette, &error));
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* A retail price needs its currency. */
  shoebox_silhouette_set_name (silhouette, "XT-4");
  shoebox_silhouette_set_retail_price (silhouette, 100);
  g_assert_false (shoebox_collection_save_silhouette (fixture->collection, silhouette, &error));
  g_assert_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_INVALID_MONEY);
  g_clear_error (&error);

  /* A silhouette with pairs stays. */
  pair_id = save_new_pair (fixture, "Rockrunner", "Camo");
  rockrunner = shoebox_collection_find_silhouette (fixture->collection, NULL, "Rockrunner", &error);
  g_assert_false (shoebox_collection_delete_silhouette (fixture->collection, shoebox_silhouette_get_id (rockrunner), &error));
  g_assert_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  deletion = shoebox_collection_delete_pairs (fixture->collection, &pair_id, 1, &error);
  g_assert_nonnull (deletion);
  g_assert_true (shoebox_collection_delete_silhouette (fixture->collection, shoebox_silhouette_get_id (rockrunner), &error));
  g_assert_no_error (error);
}

static void
test_generate (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (shoebox_collection_generate_pairs (fixture->collection, 5000, 7, &error));
  g_assert_no_error (error);
  g_test_message ("5000 pairs in %.2f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (shoebox_collection_count_pairs (fixture->collection, &error), ==, 5000);
  g_assert_cmpint (shoebox_test_query_int (fixture->database, "SELECT count(*) FROM pairs_fts"), ==, 5000);

  all = search (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 5000);
  g_assert_cmpuint (count_matches (fixture, "trac"), >, 0);
  g_assert_cmpuint (count_matches (fixture, "trac"), <, 5000);

  /* Every generated pair is one the editor could save. */
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(ShoeboxPair) pair = g_list_model_get_item (all, i * 97);

      g_assert_true (shoebox_pair_validate (pair, &error));
      g_assert_no_error (error);
    }
}

static void
test_pair_notify (void)
{
  g_autoptr(ShoeboxPair) pair = shoebox_pair_new ();
  guint n_colorway = 0;
  guint n_tags = 0;
  guint n_wears = 0;
  guint n_price = 0;

  shoebox_test_count_notify (pair, "colorway", &n_colorway);
  shoebox_test_count_notify (pair, "tags", &n_tags);
  shoebox_test_count_notify (pair, "wear-count", &n_wears);
  shoebox_test_count_notify (pair, "price-paid", &n_price);

  shoebox_pair_set_colorway (pair, "Silver");
  shoebox_pair_set_colorway (pair, "Silver");
  g_object_set (pair, "colorway", "Silver", NULL);
  g_assert_cmpuint (n_colorway, ==, 1);
  /* Empty is none. */
  shoebox_pair_set_colorway (pair, "");
  shoebox_pair_set_colorway (pair, NULL);
  g_assert_null (shoebox_pair_get_colorway (pair));
  g_assert_cmpuint (n_colorway, ==, 2);

  shoebox_pair_set_tags (pair, (const char * const[]) { "a", "b", NULL });
  shoebox_pair_set_tags (pair, (const char * const[]) { "a", "b", NULL });
  shoebox_pair_set_tags (pair, (const char * const[]) { NULL });
  shoebox_pair_set_tags (pair, NULL);
  g_assert_cmpuint (n_tags, ==, 2);

  shoebox_pair_set_wear_dates (pair, (const char * const[]) { "2024-02-01", "2024-01-01", "2024-02-01", NULL });
  shoebox_pair_set_wear_dates (pair, (const char * const[]) { "2024-01-01", "2024-02-01", NULL });
  g_assert_cmpuint (n_wears, ==, 1);
  g_assert_cmpuint (shoebox_pair_get_wear_count (pair), ==, 2);
  g_assert_cmpstr (shoebox_pair_get_last_worn (pair), ==, "2024-02-01");

  g_object_set (pair, "price-paid", (gint64) 500, NULL);
  shoebox_pair_set_price_paid (pair, 500);
  g_assert_cmpuint (n_price, ==, 1);

  {
    g_autoptr(ShoeboxPair) copy = shoebox_pair_copy (pair);

    assert_pairs_equal (pair, copy);
  }
}

static void
test_silhouette_notify (void)
{
  g_autoptr(ShoeboxSilhouette) silhouette = shoebox_silhouette_new ();
  guint n_name = 0;

  shoebox_test_count_notify (silhouette, "name", &n_name);
  shoebox_silhouette_set_name (silhouette, "Track");
  shoebox_silhouette_set_name (silhouette, "Track");
  g_assert_cmpuint (n_name, ==, 1);
  g_assert_cmpint (shoebox_silhouette_get_retail_price (silhouette), ==, -1);
}

/* A collection kept by the first release (catalogue only) gains the
 * collection tables, keeps its silhouettes, and takes pairs.
 */
static void
test_migrate_from_1 (void)
{
  g_autofree char *path = shoebox_database_dup_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  const char * const *migrations;
  guint n_migrations;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  migrations = shoebox_migrations_get (&n_migrations);
  g_assert_cmpuint (n_migrations, >=, 2);

  {
    g_autoptr(ShoeboxDatabase) old = shoebox_database_open_with_migrations (path, migrations, 1, &error);

    g_assert_no_error (error);
    g_assert_true (shoebox_database_exec (old,
                                          "INSERT INTO brands (id, name) VALUES (1, 'Balenciaga');"
                                          "INSERT INTO silhouettes (brand_id, name, designer) VALUES (1, 'Track', 'Mine');",
                                          &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(ShoeboxDatabase) database = shoebox_database_open_default (&error);
    g_autoptr(ShoeboxCollection) collection = NULL;
    g_autoptr(ShoeboxSilhouette) track = NULL;
    g_autoptr(ShoeboxSilhouette) track3 = NULL;
    g_autoptr(ShoeboxPair) pair = shoebox_pair_new ();
    ShoeboxPairQuery query = { .text = "trac" };
    g_autoptr(GListModel) found = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (shoebox_database_get_schema_version (database), ==, shoebox_database_get_latest_version ());
    collection = shoebox_collection_new (database);
    g_assert_true (shoebox_collection_load_starter_catalogue (collection, NULL, &error));
    g_assert_no_error (error);

    /* The user's own Track stays theirs; the rest of the catalogue came. */
    track = shoebox_collection_find_silhouette (collection, "Balenciaga", "Track", &error);
    g_assert_cmpstr (shoebox_silhouette_get_designer (track), ==, "Mine");
    track3 = shoebox_collection_find_silhouette (collection, NULL, "Track 3", &error);
    g_assert_nonnull (track3);

    shoebox_pair_set_silhouette_id (pair, shoebox_silhouette_get_id (track));
    g_assert_true (shoebox_collection_save_pair (collection, pair, &error));
    g_assert_no_error (error);
    found = shoebox_collection_search (collection, &query, &error);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  shoebox_test_sql_log_init ();

  g_test_add_func ("/collection/pair/notify", test_pair_notify);
  g_test_add_func ("/collection/silhouette/notify", test_silhouette_notify);
  g_test_add_func ("/collection/migrate/from-1", test_migrate_from_1);
  g_test_add ("/collection/catalogue/starter-once", Fixture, "empty", set_up, test_starter_catalogue_once, tear_down);
  g_test_add ("/collection/catalogue/silhouettes", Fixture, NULL, set_up, test_silhouettes, tear_down);
  g_test_add ("/collection/pair/save-and-get", Fixture, NULL, set_up, test_save_and_get, tear_down);
  g_test_add ("/collection/pair/get-many", Fixture, NULL, set_up, test_get_pairs, tear_down);
  g_test_add ("/collection/pair/silhouette-resolution", Fixture, NULL, set_up, test_silhouette_resolution, tear_down);
  g_test_add ("/collection/pair/invalid-writes-nothing", Fixture, NULL, set_up, test_invalid_pairs_write_nothing, tear_down);
  g_test_add ("/collection/pair/schema-constraints", Fixture, NULL, set_up, test_schema_constraints, tear_down);
  g_test_add ("/collection/pair/update-keeps-wears", Fixture, NULL, set_up, test_update_keeps_wears, tear_down);
  g_test_add ("/collection/pair/duplicate", Fixture, NULL, set_up, test_duplicate, tear_down);
  g_test_add ("/collection/pair/delete-restore", Fixture, NULL, set_up, test_delete_and_restore, tear_down);
  g_test_add ("/collection/pair/save-with-photos", Fixture, NULL, set_up, test_save_with_photos, tear_down);
  g_test_add ("/collection/wear/log", Fixture, NULL, set_up, test_wear_log, tear_down);
  g_test_add ("/collection/search/prefix", Fixture, NULL, set_up, test_search_prefix, tear_down);
  g_test_add ("/collection/search/filters", Fixture, NULL, set_up, test_search_filters, tear_down);
  g_test_add ("/collection/search/keeps-positions", Fixture, NULL, set_up, test_search_keeps_positions, tear_down);
  g_test_add ("/collection/search/reads-ahead", Fixture, NULL, set_up, test_search_reads_ahead, tear_down);
  g_test_add ("/collection/search/near-view-first", Fixture, NULL, set_up, test_search_near_view_first, tear_down);
  g_test_add ("/collection/search/limit-and-quick-path", Fixture, NULL, set_up, test_search_limit_and_quick_path, tear_down);
  g_test_add ("/collection/statistics", Fixture, NULL, set_up, test_statistics, tear_down);
  g_test_add ("/collection/statistics/async", Fixture, NULL, set_up, test_statistics_async, tear_down);
  g_test_add ("/collection/generate", Fixture, NULL, set_up, test_generate, tear_down);

  return g_test_run ();
}
