/* test-news-opml.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "shoebox-news-store.h"
#include "shoebox-test-news.h"
#include "shoebox-test-wait.h"

/* Tests of OPML: the sources exported and imported again.
 * Feeds come from shoebox-test-news.c's server on 127.0.0.1: nothing here
 * touches the network.
 */

typedef ShoeboxTestNews Fixture;

/* ----------------------------------------------------------------- OPML */

static void
test_opml_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GBytes) opml = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *sources = shoebox_news_store_get_sources (fixture->store);
  ShoeboxNewsSource *source;
  guint n_added = 0;
  guint n_skipped = 0;

  shoebox_news_store_add_source (fixture->store, "https://kicks.example/feed", "Kicks & <Co> \"Daily\"", &error);
  g_assert_no_error (error);
  source = shoebox_news_store_add_source (fixture->store, "http://other.example/rss?a=1&b=2", NULL, &error);
  g_assert_no_error (error);
  shoebox_news_store_set_source_enabled (fixture->store, source, FALSE, &error);
  g_assert_no_error (error);

  opml = shoebox_news_store_export_opml (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (opml);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (opml, NULL), g_bytes_get_size (opml), "<opml version=\"2.0\">"));

  shoebox_test_news_remove_all_sources (fixture);
  g_assert_true (shoebox_news_store_import_opml (fixture->store, opml, &n_added, &n_skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 2);
  g_assert_cmpuint (n_skipped, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);
  {
    g_autoptr(ShoeboxNewsSource) first = g_list_model_get_item (sources, 0);
    g_autoptr(ShoeboxNewsSource) second = g_list_model_get_item (sources, 1);

    g_assert_cmpstr (shoebox_news_source_get_url (first), ==, "https://kicks.example/feed");
    g_assert_cmpstr (shoebox_news_source_get_title (first), ==, "Kicks & <Co> \"Daily\"");
    g_assert_true (shoebox_news_source_get_enabled (first));
    g_assert_cmpstr (shoebox_news_source_get_url (second), ==, "http://other.example/rss?a=1&b=2");
    g_assert_false (shoebox_news_source_get_enabled (second));
  }

  /* Importing the same file again adds nothing. */
  g_assert_true (shoebox_news_store_import_opml (fixture->store, opml, &n_added, &n_skipped, &error));
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpuint (n_skipped, ==, 2);
}

static void
test_opml_import (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char nested[] =
    "<?xml version=\"1.0\"?><opml version=\"1.0\"><head><title>Mine</title></head><body>"
    "<outline text=\"Sneakers\">"
    "  <outline text=\"Kicks\" type=\"rss\" xmlUrl=\"https://kicks.example/feed\"/>"
    "  <outline text=\"Bad\" type=\"rss\" xmlUrl=\"file:///etc/passwd\"/>"
    "  <outline text=\"Worse\" type=\"rss\" xmlUrl=\"ftp://kicks.example/feed\"/>"
    "</outline>"
    "<outline title=\"Top\" xmlUrl=\"http://top.example/rss\"/>"
    "</body></opml>";
  static const char * const refused[] = {
    /* Entities, internal or external, are refused outright. */
    "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
    "<opml><body><outline text=\"&b;\" xmlUrl=\"https://x.example/\"/></body></opml>",
    "<?xml version=\"1.0\"?><!DOCTYPE opml SYSTEM \"http://127.0.0.1:1/opml.dtd\">"
    "<opml><body><outline xmlUrl=\"https://x.example/\"/></body></opml>",
    "<html><body>not opml</body></html>",
    "not xml at all",
    "",
  };
  GListModel *sources = shoebox_news_store_get_sources (fixture->store);
  g_autoptr(GBytes) bytes = g_bytes_new_static (nested, strlen (nested));
  g_autoptr(GError) error = NULL;
  guint n_added = 0;
  guint n_skipped = 0;

  g_assert_true (shoebox_news_store_import_opml (fixture->store, bytes, &n_added, &n_skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 2);
  g_assert_cmpuint (n_skipped, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);
  {
    g_autoptr(ShoeboxNewsSource) top = g_list_model_get_item (sources, 1);

    g_assert_cmpstr (shoebox_news_source_get_title (top), ==, "Top");
  }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GBytes) bad = g_bytes_new_static (refused[i], strlen (refused[i]));

      g_assert_false (shoebox_news_store_import_opml (fixture->store, bad, &n_added, NULL, &error));
      g_assert_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_FAILED);
      g_assert_nonnull (strstr (error->message, "OPML"));
      g_clear_error (&error);
      g_assert_cmpuint (n_added, ==, 0);
    }

  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, shoebox_test_news_set_up, fn, shoebox_test_news_tear_down)
  ADD ("/news/opml/round-trip", test_opml_round_trip);
  ADD ("/news/opml/import", test_opml_import);
#undef ADD

  return g_test_run ();
}
