/* test-pair-order.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-pair-list.h"
#include "shoebox-pair-order.h"
#include "shoebox-test-collection.h"

/* The list's sorts in memory (ShoeboxPairOrder) against the search's
 * ORDER BY in SQL: the same order for every column, each way, over all
 * pairs and over a search's result, with NULLs, case and ties.
 */

typedef ShoeboxTestCollection Fixture;

static GArray *
search_ids (ShoeboxCollection *collection,
            const char        *text,
            ShoeboxPairSort    sort,
            gboolean           descending)
{
  ShoeboxPairQuery query = { .text = text, .sort = sort, .descending = descending };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = shoebox_collection_search (collection, &query, &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *data;
  guint n_ids;

  g_assert_no_error (error);
  data = shoebox_pair_list_get_ids (SHOEBOX_PAIR_LIST (found), &n_ids);
  g_array_append_vals (ids, data, n_ids);
  return ids;
}

static void
add_odd_pair (ShoeboxCollection *collection,
              const char        *colorway,
              const char        *size,
              ShoeboxCondition   condition,
              const char        *currency,
              gint64             price_paid,
              const char        *purchase_date)
{
  g_autoptr(ShoeboxPair) pair = shoebox_test_new_pair (g_str_has_prefix (colorway, "a") ? "nike" : "Asics",
                                                       "Gel-Lyte III", colorway);

  shoebox_pair_set_size (pair, size);
  if (size != NULL)
    shoebox_pair_set_size_system (pair, g_str_has_prefix (size, "4") ? SHOEBOX_SIZE_SYSTEM_EU : SHOEBOX_SIZE_SYSTEM_US_M);
  shoebox_pair_set_condition (pair, condition);
  shoebox_pair_set_currency (pair, currency);
  shoebox_pair_set_price_paid (pair, price_paid);
  shoebox_pair_set_purchase_date (pair, purchase_date);
  {
    g_autoptr(GError) error = NULL;

    shoebox_collection_save_pair (collection, pair, &error);
    g_assert_no_error (error);
  }
}

static void
test_order_agrees_with_sql (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxPairOrder) order = NULL;
  const char *texts[] = { NULL, "silver", "alpha" };

  g_assert_true (shoebox_collection_generate_pairs (fixture->collection, 2000, 15, &error));
  g_assert_no_error (error);
  /* Case, accents, NULLs and ties that the generated pairs lack. */
  add_odd_pair (fixture->collection, "alpha", "9.5", SHOEBOX_CONDITION_NONE, NULL, -1, NULL);
  add_odd_pair (fixture->collection, "Alpha", NULL, SHOEBOX_CONDITION_WORN, "USD", 0, "2020-01-01");
  add_odd_pair (fixture->collection, "ALPHA beta", "10", SHOEBOX_CONDITION_NONE, "EUR", -1, NULL);
  add_odd_pair (fixture->collection, "Ébène", "44", SHOEBOX_CONDITION_DEADSTOCK, "USD", 12000, "2020-01-01");
  add_odd_pair (fixture->collection, "ébène", "9.5", SHOEBOX_CONDITION_NONE, NULL, -1, "1999-12-31");
  add_odd_pair (fixture->collection, "", "44", SHOEBOX_CONDITION_BEATER, "JPY", 12000, NULL);
  add_odd_pair (fixture->collection, "zeta", "7", SHOEBOX_CONDITION_NONE, "USD", 12000, NULL);

  order = shoebox_pair_order_read (shoebox_collection_get_database (fixture->collection), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (order);

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(GArray) unsorted = search_ids (fixture->collection, texts[t], SHOEBOX_PAIR_SORT_ADDED, FALSE);

      g_assert_cmpuint (unsorted->len, >, 0);
      for (ShoeboxPairSort sort = SHOEBOX_PAIR_SORT_ADDED; sort <= SHOEBOX_PAIR_SORT_LAST_WORN; sort++)
        for (int descending = 0; descending < 2; descending++)
          {
            g_autoptr(GArray) expected = search_ids (fixture->collection, texts[t], sort, descending);
            g_autoptr(GArray) sorted = shoebox_pair_order_sort (order, sort, descending,
                                                                (const gint64 *) (gpointer) unsorted->data,
                                                                unsorted->len);

            if (sort == SHOEBOX_PAIR_SORT_RELEVANCE)
              {
                g_assert_null (sorted);
                continue;
              }
            g_test_message ("search “%s”, sort %d, %s", texts[t] != NULL ? texts[t] : "", sort,
                            descending ? "descending" : "ascending");
            g_assert_nonnull (sorted);
            g_assert_cmpmem (sorted->data, sorted->len * sizeof (gint64),
                             expected->data, expected->len * sizeof (gint64));
          }
    }
}

/* Every pair in every order, as the search with nothing typed lists
 * them, and what counts as nothing typed.
 */
static void
test_order_sort_all (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxPairOrder) order = NULL;

  g_assert_true (shoebox_collection_generate_pairs (fixture->collection, 500, 15, &error));
  g_assert_no_error (error);
  add_odd_pair (fixture->collection, "Alpha", NULL, SHOEBOX_CONDITION_WORN, "USD", 0, "2020-01-01");
  add_odd_pair (fixture->collection, "ébène", "9.5", SHOEBOX_CONDITION_NONE, NULL, -1, "1999-12-31");
  order = shoebox_pair_order_read (shoebox_collection_get_database (fixture->collection), NULL, &error);
  g_assert_no_error (error);

  for (ShoeboxPairSort sort = SHOEBOX_PAIR_SORT_ADDED; sort <= SHOEBOX_PAIR_SORT_LAST_WORN; sort++)
    for (int descending = 0; descending < 2; descending++)
      {
        g_autoptr(GArray) expected = search_ids (fixture->collection, NULL, sort, descending);
        g_autoptr(GArray) sorted = shoebox_pair_order_sort_all (order, sort, descending);

        if (sort == SHOEBOX_PAIR_SORT_RELEVANCE)
          {
            g_assert_null (sorted);
            continue;
          }
        g_test_message ("sort %d, %s", sort, descending ? "descending" : "ascending");
        g_assert_nonnull (sorted);
        g_assert_cmpuint (sorted->len, ==, 502);
        g_assert_cmpmem (sorted->data, sorted->len * sizeof (gint64), expected->data, expected->len * sizeof (gint64));
      }

  {
    ShoeboxPairQuery query = { 0 };

    g_assert_true (shoebox_pair_query_finds_everything (&query));
    query.text = "  - ";
    g_assert_true (shoebox_pair_query_finds_everything (&query));
    query.sort = SHOEBOX_PAIR_SORT_COLORWAY;
    g_assert_true (shoebox_pair_query_finds_everything (&query));
    query.text = "a";
    g_assert_false (shoebox_pair_query_finds_everything (&query));
    query.text = "";
    query.brand = "Nike";
    g_assert_false (shoebox_pair_query_finds_everything (&query));
    query.brand = "";
    query.tag = "grail";
    g_assert_false (shoebox_pair_query_finds_everything (&query));
    query.tag = NULL;
    query.statuses = 1;
    g_assert_false (shoebox_pair_query_finds_everything (&query));
    query.statuses = 0;
    query.limit = 30;
    g_assert_false (shoebox_pair_query_finds_everything (&query));
  }
}

/* A pair added after the orders were read is not one they can place. */
static void
test_order_unknown_pair (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxPairOrder) order = NULL;
  g_autoptr(ShoeboxPair) first = shoebox_test_add_pair (fixture->collection, "Nike", "Air Max 1", "Red", 100);
  g_autoptr(ShoeboxPair) later = NULL;
  g_autoptr(GArray) sorted = NULL;
  gint64 ids[2];

  order = shoebox_pair_order_read (shoebox_collection_get_database (fixture->collection), NULL, &error);
  g_assert_no_error (error);
  later = shoebox_test_add_pair (fixture->collection, "Nike", "Air Max 1", "Blue", 100);
  ids[0] = shoebox_pair_get_id (first);
  ids[1] = shoebox_pair_get_id (later);

  sorted = shoebox_pair_order_sort (order, SHOEBOX_PAIR_SORT_COLORWAY, FALSE, ids, 1);
  g_assert_nonnull (sorted);
  g_assert_cmpuint (sorted->len, ==, 1);
  g_clear_pointer (&sorted, g_array_unref);
  g_assert_null (shoebox_pair_order_sort (order, SHOEBOX_PAIR_SORT_COLORWAY, FALSE, ids, 2));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  shoebox_test_add_with_collection ("/pair-order/agrees-with-sql", test_order_agrees_with_sql);
  shoebox_test_add_with_collection ("/pair-order/unknown-pair", test_order_unknown_pair);
  shoebox_test_add_with_collection ("/pair-order/sort-all", test_order_sort_all);

  return g_test_run ();
}
