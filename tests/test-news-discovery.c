/* test-news-discovery.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "shoebox-news-fetcher.h"
#include "shoebox-news-store.h"
#include "shoebox-test-news.h"
#include "shoebox-test-wait.h"

/* Tests of adding a source: a bare address or a site's page leads to its feed, and
 * an address that cannot be a feed is refused with a reason.
 * Feeds come from shoebox-test-news.c's server on 127.0.0.1: nothing here
 * touches the network.
 */

typedef ShoeboxTestNews Fixture;

typedef struct
{
  const char *url;
  const char *message_part;
} BadUrl;

static const BadUrl bad_urls[] = {
  { "ftp://example.com/feed.xml", "ftp:" },
  { "file:///etc/passwd", "file:" },
  { "javascript:alert(1)", "javascript:" },
  { "https://", "no server name" },
  { "http:///feed.xml", "no server name" },
  { "https://exa mple.com/feed", "not a valid web address" },
  { "garbage", "not a web address" },
  { "example.com/feed", "not a web address" },
  { "", "Enter the address" },
  { "   ", "Enter the address" },
};

static ShoeboxNewsSource *
add_source_async (Fixture     *fixture,
                  const char  *url,
                  GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  shoebox_news_fetcher_add_source_async (fixture->fetcher, url, NULL, shoebox_test_store_result_cb, &result);
  shoebox_test_wait_for_result (&result);
  return shoebox_news_fetcher_add_source_finish (fixture->fetcher, result, error);
}

static void
test_sources_bad_urls (Fixture       *fixture,
                       gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_urls); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShoeboxNewsSource) source = NULL;

      g_test_message ("%s", bad_urls[i].url);
      g_assert_null (shoebox_news_store_add_source (fixture->store, bad_urls[i].url, NULL, &error));
      g_assert_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_INVALID_URL);
      g_assert_nonnull (strstr (error->message, bad_urls[i].message_part));
      g_clear_error (&error);

      /* The fetcher refuses them before libsoup sees them (it would be
       * critical about file: and host-less addresses). A host with a
       * dot and no scheme it tries over https and http instead (see
       * /news/add/bare-address): not on the network here.
       */
      if (strchr (bad_urls[i].url, '.') != NULL && strchr (bad_urls[i].url, ':') == NULL)
        continue;
      source = add_source_async (fixture, bad_urls[i].url, &error);
      g_assert_null (source);
      g_assert_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_INVALID_URL);
    }

  g_assert_cmpuint (g_list_model_get_n_items (shoebox_news_store_get_sources (fixture->store)), ==, 0);
  g_assert_cmpuint (fixture->n_requests, ==, 0);
}

static void
test_add_discovery (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *site = shoebox_test_news_url (fixture, "/site/");
  g_autofree char *page = shoebox_test_news_url (fixture, "/page.html");
  g_autofree char *missing = shoebox_test_news_url (fixture, "/missing");
  g_autofree char *feed = shoebox_test_news_url (fixture, "/feeds/main.xml");
  g_autoptr(ShoeboxNewsSource) source = NULL;
  g_autoptr(ShoeboxNewsSource) again = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  /* The page names its feed with a relative link. */
  source = add_source_async (fixture, site, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);
  g_assert_cmpstr (shoebox_news_source_get_url (source), ==, feed);
  g_assert_cmpstr (shoebox_news_source_get_title (source), ==, "Test Kicks");
  g_assert_nonnull (shoebox_news_source_get_last_success (source));
  items = shoebox_test_news_items_of (fixture, source);
  g_assert_cmpuint (items->len, ==, 3);

  again = add_source_async (fixture, site, &error);
  g_assert_null (again);
  g_assert_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_DUPLICATE);
  g_clear_error (&error);

  /* A page with no feed. */
  g_assert_null (add_source_async (fixture, page, &error));
  g_assert_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_NOT_A_FEED);
  g_assert_nonnull (strstr (error->message, "Not a feed"));
  g_clear_error (&error);

  g_assert_null (add_source_async (fixture, missing, &error));
  g_assert_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "Not found (404)");
  g_clear_error (&error);

  /* "Not modified" to a question that was not conditional. */
  {
    g_autofree char *odd = shoebox_test_news_url (fixture, "/always-304");

    g_assert_null (add_source_async (fixture, odd, &error));
    g_assert_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_HTTP);
  }

  g_assert_cmpuint (g_list_model_get_n_items (shoebox_news_store_get_sources (fixture->store)), ==, 1);
}

/* "127.0.0.1:PORT/feed.xml", typed without a scheme as one types
 * "example.com/feed": https first, which this plain HTTP server cannot
 * speak, then http, which it does.
 */
static void
test_add_bare_address (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *feed = shoebox_test_news_url (fixture, "/feed.xml");
  const char *bare = feed + strlen ("http://");
  g_autoptr(ShoeboxNewsSource) source = NULL;
  g_autoptr(GError) error = NULL;

  source = add_source_async (fixture, bare, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);
  g_assert_cmpstr (shoebox_news_source_get_url (source), ==, feed);
  g_assert_cmpstr (shoebox_news_source_get_title (source), ==, "Test Kicks");

  /* Typed again, bare or whole: already a source. */
  g_assert_null (add_source_async (fixture, bare, &error));
  g_assert_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_DUPLICATE);
  g_clear_error (&error);

  /* A word is no host: refused, never looked up. */
  g_assert_null (add_source_async (fixture, "garbage", &error));
  g_assert_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_INVALID_URL);
}

static void
test_discover (void)
{
  static const struct
  {
    const char *html;
    const char *expected;
  } cases[] = {
    { "<html><head><link rel=\"alternate\" type=\"application/atom+xml\" href=\"/atom\"></head></html>",
      "https://kicks.example/atom" },
    { "<html><head><LINK REL=\"Alternate Home\" TYPE=\"application/rss+xml; charset=utf-8\" HREF=\" feed.xml \"></head></html>",
      "https://kicks.example/news/feed.xml" },
    { "<html><head><base href=\"https://cdn.example/x/\"><link rel=\"alternate\" type=\"application/feed+json\" href=\"f.json\"></head></html>",
      "https://cdn.example/x/f.json" },
    { "<html><head><link rel=\"alternate\" type=\"text/html\" href=\"/fr\"></head></html>", NULL },
    { "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"javascript:alert(1)\"></head></html>", NULL },
    { "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"ftp://kicks.example/feed\"></head></html>", NULL },
    { "<html><body>nothing</body></html>", NULL },
    { "not html at all \x01\x02", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].html, strlen (cases[i].html));
      g_autofree char *found = shoebox_news_discover_feed (bytes, "https://kicks.example/news/index.html");

      g_assert_cmpstr (found, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, shoebox_test_news_set_up, fn, shoebox_test_news_tear_down)
  ADD ("/news/sources/bad-urls", test_sources_bad_urls);
  ADD ("/news/add/bare-address", test_add_bare_address);
  ADD ("/news/add/discovery", test_add_discovery);
  g_test_add_func ("/news/discover", test_discover);
#undef ADD

  return g_test_run ();
}
