/* shoebox-test-news.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "shoebox-test-news.h"
#include "shoebox-test-wait.h"

/* The news tests' fixture: a store on a fresh database, and a fetcher
 * whose feeds all come from a SoupServer on 127.0.0.1 that this file
 * runs; the tests of the store, the fetcher, discovery and OPML share it.
 */

/* Every feed is served by a SoupServer on 127.0.0.1 inside the test, and
 * the session has no proxy resolver: nothing here touches the network.
 * Each case runs with its own empty XDG folders (G_TEST_OPTION_ISOLATE_DIRS)
 * and so with a fresh database.
 */


static const char * const day_names[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
static const char * const month_names[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};

/* RFC 822 in English whatever the locale, as feeds date their items. */
char *
shoebox_test_news_rfc822 (GDateTime *date)
{
  return g_strdup_printf ("%s, %02d %s %04d %02d:%02d:%02d GMT",
                          day_names[g_date_time_get_day_of_week (date) - 1],
                          g_date_time_get_day_of_month (date),
                          month_names[g_date_time_get_month (date) - 1],
                          g_date_time_get_year (date),
                          g_date_time_get_hour (date),
                          g_date_time_get_minute (date),
                          g_date_time_get_second (date));
}

/* RFC 822, hours before the tests began: a feed served twice must carry
 * the same dates, even a second apart (an item without guid or link is
 * known by its title and date).
 */
char *
shoebox_test_news_hours_ago (int hours)
{
  static GDateTime *start;
  g_autoptr(GDateTime) date = NULL;

  if (start == NULL)
    start = g_date_time_new_now_utc ();
  date = g_date_time_add_hours (start, -hours);
  return shoebox_test_news_rfc822 (date);
}

/* Three items: one with a guid, one with a link only, one with a title and
 * a date only; @extra adds items before them.
 */
char *
shoebox_test_news_make_feed (const char *channel_title,
                             const char *first_title,
                             const char *extra)
{
  g_autofree char *d1 = shoebox_test_news_hours_ago (1);
  g_autofree char *d2 = shoebox_test_news_hours_ago (2);
  g_autofree char *d3 = shoebox_test_news_hours_ago (3);

  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<rss version=\"2.0\"><channel>"
                          "<title>%s</title><link>http://127.0.0.1/</link>"
                          "%s"
                          "<item><title>%s</title><link>http://127.0.0.1/am97</link>"
                          "<guid isPermaLink=\"false\">am97-1</guid><pubDate>%s</pubDate>"
                          "<description>Shiny mesh and reflective overlays.</description></item>"
                          "<item><title>Track 2.0 in black</title><link>http://127.0.0.1/track2</link>"
                          "<pubDate>%s</pubDate><description>Chunky sole.</description></item>"
                          "<item><title>Gel-1090 restock</title><pubDate>%s</pubDate>"
                          "<media:thumbnail xmlns:media=\"http://search.yahoo.com/mrss/\" url=\"javascript:alert(1)\"/></item>"
                          "</channel></rss>\n",
                          channel_title, extra != NULL ? extra : "", first_title, d1, d2, d3);
}

static void
serve (SoupServerMessage *msg,
       guint              status,
       const char        *content_type,
       const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
redirect (SoupServerMessage *msg,
          guint              status,
          const char        *location)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", location);
}

typedef struct
{
  ShoeboxTestNews           *fixture;
  SoupServerMessage *msg;
} SlowAnswer;

static gboolean
answer_slowly_cb (gpointer user_data)
{
  SlowAnswer *answer = user_data;
  g_autofree char *body = shoebox_test_news_make_feed ("Slow Kicks", "Slow news", NULL);

  answer->fixture->n_slow_in_flight--;
  serve (answer->msg, SOUP_STATUS_OK, "application/rss+xml", body);
  soup_server_message_unpause (answer->msg);
  g_object_unref (answer->msg);
  g_free (answer);

  return G_SOURCE_REMOVE;
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  ShoeboxTestNews *fixture = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);

  fixture->n_requests++;
  g_assert_cmpstr (soup_server_message_get_method (msg), ==, "GET");

  if (g_str_equal (path, "/feed.xml") || g_str_equal (path, "/feeds/main.xml"))
    {
      const char *if_none_match = soup_message_headers_get_one (request, "If-None-Match");

      g_assert_true (g_str_has_prefix (soup_message_headers_get_one (request, "User-Agent"), "Shoebox/"));
      if (fixture->feed_etag != NULL && g_strcmp0 (if_none_match, fixture->feed_etag) == 0)
        {
          fixture->n_feed_not_modified++;
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          soup_message_headers_replace (response, "ETag", fixture->feed_etag);
          return;
        }

      fixture->n_feed_full++;
      if (fixture->feed_etag != NULL)
        soup_message_headers_replace (response, "ETag", fixture->feed_etag);
      soup_message_headers_replace (response, "Last-Modified", "Mon, 30 Nov 2026 08:00:00 GMT");
      serve (msg, SOUP_STATUS_OK, "application/rss+xml", fixture->feed_body);
    }
  else if (g_str_equal (path, "/latin1.xml"))
    /* ISO-8859-1 bytes (é is 0xE9, ü 0xFC) and no encoding declaration:
     * only the HTTP charset says how to read them.
     */
    serve (msg, SOUP_STATUS_OK, "application/rss+xml; charset=iso-8859-1",
           "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Caf\xe9 Kicks</title>"
           "<link>http://127.0.0.1/</link><description>News</description>"
           "<item><title>M\xfcnchen drop: the Caf\xe9 colourway</title><link>http://127.0.0.1/muenchen</link></item>"
           "</channel></rss>\n");
  else if (g_str_equal (path, "/latin9.xml"))
    /* ISO-8859-15, where 0xA4 is € and 0xA6 Š: read as the web's usual
     * fallback, Windows-1252, they would be ¤ and ¦.
     */
    serve (msg, SOUP_STATUS_OK, "application/rss+xml;charset=\"ISO-8859-15\"",
           "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Caf\xe9 Kicks</title>"
           "<link>http://127.0.0.1/</link><description>News</description>"
           "<item><title>\xa6" "amba OG for 90 \xa4</title><link>http://127.0.0.1/samba</link></item>"
           "</channel></rss>\n");
  else if (g_str_equal (path, "/other.xml"))
    {
      g_autofree char *body = shoebox_test_news_make_feed ("Other Kicks", "Other news", NULL);

      serve (msg, SOUP_STATUS_OK, "application/rss+xml", body);
    }
  else if (g_str_equal (path, "/old"))
    redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/feed.xml");
  else if (g_str_equal (path, "/older"))
    redirect (msg, SOUP_STATUS_PERMANENT_REDIRECT, "/old");
  else if (g_str_equal (path, "/elsewhere"))
    redirect (msg, SOUP_STATUS_FOUND, "/feed.xml");
  else if (g_str_equal (path, "/to-file"))
    redirect (msg, SOUP_STATUS_FOUND, "file:///etc/passwd");
  else if (g_str_equal (path, "/loop-a"))
    redirect (msg, SOUP_STATUS_FOUND, "/loop-b");
  else if (g_str_equal (path, "/loop-b"))
    redirect (msg, SOUP_STATUS_FOUND, "/loop-a");
  else if (g_str_has_prefix (path, "/chain/"))
    {
      guint64 n = g_ascii_strtoull (path + strlen ("/chain/"), NULL, 10);
      g_autofree char *next = g_strdup_printf ("/chain/%" G_GUINT64_FORMAT, n + 1);

      redirect (msg, SOUP_STATUS_FOUND, next);
    }
  else if (g_str_equal (path, "/thumb.png"))
    {
      static const char png[] = "\x89PNG\r\n\x1a\n not really a picture";

      g_assert_true (g_str_has_prefix (soup_message_headers_get_one (request, "Accept"), "image/"));
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_STATIC, png, sizeof png - 1);
    }
  else if (g_str_equal (path, "/always-304"))
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
  else if (g_str_equal (path, "/forbidden"))
    serve (msg, SOUP_STATUS_FORBIDDEN, "text/plain", "no");
  else if (g_str_equal (path, "/missing"))
    serve (msg, SOUP_STATUS_NOT_FOUND, "text/html", "<html><body>Not here</body></html>");
  else if (g_str_equal (path, "/broken"))
    serve (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "text/plain", "oops");
  else if (g_str_equal (path, "/limited"))
    {
      serve (msg, 429, "text/plain", "slow down");
      soup_message_headers_replace (response, "Retry-After", "3600");
    }
  else if (g_str_equal (path, "/limited-until"))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) later = g_date_time_add_hours (now, 2);
      g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);

      serve (msg, 429, "text/plain", "slow down");
      soup_message_headers_replace (response, "Retry-After", date);
    }
  else if (g_str_has_prefix (path, "/slow/"))
    {
      SlowAnswer *answer = g_new0 (SlowAnswer, 1);

      /* Answers after a while: how many wait at once is the fetcher's limit. */
      fixture->n_slow_in_flight++;
      fixture->max_slow_in_flight = MAX (fixture->max_slow_in_flight, fixture->n_slow_in_flight);
      answer->fixture = fixture;
      answer->msg = g_object_ref (msg);
      soup_server_message_pause (msg);
      g_timeout_add (150, answer_slowly_cb, answer);
    }
  else if (g_str_equal (path, "/hang") || g_str_equal (path, "/hang-too"))
    {
      /* Never answers: the message stays paused until the server goes. */
      soup_server_message_pause (msg);
      g_ptr_array_add (fixture->paused, g_object_ref (msg));
    }
  else if (g_str_equal (path, "/huge"))
    {
      gsize size = 256 * 1024;
      char *body = g_malloc (size);

      memset (body, 'x', size);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_TAKE, body, size);
    }
  else if (g_str_equal (path, "/huge-chunked"))
    {
      SoupMessageBody *body = soup_server_message_get_response_body (msg);
      char chunk[16 * 1024];

      memset (chunk, 'x', sizeof chunk);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
      soup_message_headers_set_content_type (response, "application/rss+xml", NULL);
      for (int i = 0; i < 16; i++)
        soup_message_body_append (body, SOUP_MEMORY_COPY, chunk, sizeof chunk);
      soup_message_body_complete (body);
    }
  else if (g_str_equal (path, "/page.html"))
    serve (msg, SOUP_STATUS_OK, "text/html; charset=utf-8",
           "<!DOCTYPE html><html><head><title>Kicks</title>"
           "<link rel=\"stylesheet\" href=\"/style.css\"></head>"
           "<body><p>Just a page.</p></body></html>");
  else if (g_str_equal (path, "/site/"))
    serve (msg, SOUP_STATUS_OK, "text/html",
           "<!DOCTYPE html><html><head><title>Kicks</title>"
           "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Kicks\" href=\"../feeds/main.xml\">"
           "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Comments\" href=\"/comments.xml\">"
           "</head><body><p>A site with a feed.</p></body></html>");
  else
    serve (msg, SOUP_STATUS_NOT_FOUND, "text/plain", "unknown");
}

char *
shoebox_test_news_url (ShoeboxTestNews *fixture,
                       const char      *path)
{
  return g_strconcat (fixture->base, path[0] == '/' ? path + 1 : path, NULL);
}

void
shoebox_test_news_remove_all_sources (ShoeboxTestNews *fixture)
{
  GListModel *sources = shoebox_news_store_get_sources (fixture->store);
  g_autoptr(GError) error = NULL;

  while (g_list_model_get_n_items (sources) > 0)
    {
      g_autoptr(ShoeboxNewsSource) source = g_list_model_get_item (sources, 0);

      shoebox_news_store_remove_source (fixture->store, source, &error);
      g_assert_no_error (error);
    }
}

void
shoebox_test_news_set_up (ShoeboxTestNews *fixture,
                          gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fixture->db = shoebox_database_open_default (&error);
  g_assert_no_error (error);
  fixture->store = shoebox_news_store_new (fixture->db, &error);
  g_assert_no_error (error);

  /* The default sources are real sites: out of the way first. */
  shoebox_test_news_remove_all_sources (fixture);

  fixture->paused = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->feed_body = shoebox_test_news_make_feed ("Test Kicks", "Air Max 97 returns", NULL);
  fixture->feed_etag = g_strdup ("\"v1\"");

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  g_assert_nonnull (uris);
  fixture->base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  /* A one-second timeout keeps the "never answers" case short. */
  fixture->session = g_object_new (SOUP_TYPE_SESSION,
                                   "proxy-resolver", NULL,
                                   "user-agent", "Shoebox/" PACKAGE_VERSION " ",
                                   "timeout", 1,
                                   "idle-timeout", 30,
                                   NULL);
  if (g_getenv ("NEWS_SOUP_LOG"))
    {
      g_autoptr(SoupLogger) logger = soup_logger_new (SOUP_LOGGER_LOG_HEADERS);
      soup_session_add_feature (fixture->session, SOUP_SESSION_FEATURE (logger));
    }
  fixture->fetcher = shoebox_news_fetcher_new (fixture->store, fixture->session);
  shoebox_news_fetcher_set_fetch_deadline (fixture->fetcher, 10);
}

void
shoebox_test_news_tear_down (ShoeboxTestNews *fixture,
                             gconstpointer    data)
{
  for (guint i = 0; i < fixture->paused->len; i++)
    soup_server_message_unpause (g_ptr_array_index (fixture->paused, i));
  g_clear_pointer (&fixture->paused, g_ptr_array_unref);

  /* Idles and worker threads may hold the fetcher a moment longer. */
  {
    gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    g_object_add_weak_pointer (G_OBJECT (fixture->fetcher), (gpointer *) &fixture->fetcher);
    g_object_unref (fixture->fetcher);
    while (fixture->fetcher != NULL && g_get_monotonic_time () < end)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    g_assert_null (fixture->fetcher);
  }
  soup_session_abort (fixture->session);
  g_clear_object (&fixture->session);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);

  /* Let the closed connections go before the next case. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_finalize_object (fixture->store);
  shoebox_database_close (fixture->db);
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->base, g_free);
  g_clear_pointer (&fixture->feed_body, g_free);
  g_clear_pointer (&fixture->feed_etag, g_free);
}

gboolean
shoebox_test_news_refresh (ShoeboxTestNews  *fixture,
                           GPtrArray        *sources,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  shoebox_news_fetcher_refresh_async (fixture->fetcher, sources, SHOEBOX_NEWS_REFRESH_NONE,
                                      cancellable, shoebox_test_store_result_cb, &result);
  shoebox_test_wait_for_result (&result);
  return shoebox_news_fetcher_refresh_finish (fixture->fetcher, result, error);
}

ShoeboxNewsSource *
shoebox_test_news_add_source (ShoeboxTestNews *fixture,
                              const char      *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = shoebox_test_news_url (fixture, path);
  ShoeboxNewsSource *source = shoebox_news_store_add_source (fixture->store, url, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (source);
  return source;
}

/* Adds a source at @path and refreshes it alone. */
ShoeboxNewsSource *
shoebox_test_news_fetch_one (ShoeboxTestNews *fixture,
                             const char      *path)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  ShoeboxNewsSource *source = shoebox_test_news_add_source (fixture, path);

  g_ptr_array_add (sources, source);
  g_assert_true (shoebox_test_news_refresh (fixture, sources, NULL, &error));
  g_assert_no_error (error);
  return source;
}

GPtrArray *
shoebox_test_news_items_of (ShoeboxTestNews   *fixture,
                            ShoeboxNewsSource *source)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = shoebox_news_store_query_items (fixture->store, SHOEBOX_NEWS_FILTER_ALL,
                                                     source != NULL ? shoebox_news_source_get_id (source) : 0,
                                                     NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

ShoeboxNewsItem *
shoebox_test_news_find_item (GPtrArray  *items,
                             const char *title)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (shoebox_news_item_get_title (g_ptr_array_index (items, i)), title) == 0)
      return g_ptr_array_index (items, i);
  return NULL;
}

void
shoebox_test_news_assert_failed_with (ShoeboxNewsSource    *source,
                                      ShoeboxNewsErrorKind  kind,
                                      const char           *message)
{
  g_assert_cmpstr (shoebox_news_source_get_last_error (source), ==, message);
  g_assert_cmpint (shoebox_news_source_get_last_error_kind (source), ==, kind);
  g_assert_nonnull (shoebox_news_source_get_next_refresh (source));
}

