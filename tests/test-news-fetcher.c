/* test-news-fetcher.c
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

/* Tests of the news fetcher: feeds fetched over HTTP, cached, redirected, limited,
 * failing in every way a server can, cancelled, and downloads.
 * Feeds come from shoebox-test-news.c's server on 127.0.0.1: nothing here
 * touches the network.
 */

typedef ShoeboxTestNews Fixture;

/* ------------------------------------------------------------- fetching */

static void
test_fetch_first (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) items = NULL;
  ShoeboxNewsSource *source = shoebox_test_news_fetch_one (fixture, "/feed.xml");
  ShoeboxNewsItem *item;

  g_assert_cmpuint (fixture->n_feed_full, ==, 1);
  g_assert_cmpuint (shoebox_news_fetcher_get_n_new (fixture->fetcher), ==, 3);
  g_assert_null (shoebox_news_source_get_last_error (source));
  g_assert_cmpint (shoebox_news_source_get_last_error_kind (source), ==, SHOEBOX_NEWS_ERROR_KIND_NONE);
  g_assert_nonnull (shoebox_news_source_get_last_success (source));
  g_assert_cmpint (g_date_time_compare (shoebox_news_source_get_next_refresh (source), before), >, 0);
  g_assert_cmpstr (shoebox_news_source_get_etag (source), ==, "\"v1\"");
  g_assert_cmpstr (shoebox_news_source_get_last_modified (source), ==, "Mon, 30 Nov 2026 08:00:00 GMT");
  /* The source had no name: it takes the feed's. */
  g_assert_cmpstr (shoebox_news_source_get_title (source), ==, "Test Kicks");

  items = shoebox_test_news_items_of (fixture, source);
  g_assert_cmpuint (items->len, ==, 3);
  /* Newest first. */
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (shoebox_news_item_get_title (item), ==, "Air Max 97 returns");
  g_assert_cmpstr (shoebox_news_item_get_link (item), ==, "http://127.0.0.1/am97");
  g_assert_cmpstr (shoebox_news_item_get_summary (item), ==, "Shiny mesh and reflective overlays.");
  g_assert_cmpstr (shoebox_news_item_get_source_title (item), ==, "Test Kicks");
  g_assert_nonnull (shoebox_news_item_get_published (item));
  g_assert_false (shoebox_news_item_get_read (item));
  g_assert_cmpstr (shoebox_news_item_get_title (g_ptr_array_index (items, 1)), ==, "Track 2.0 in black");
  g_assert_cmpstr (shoebox_news_item_get_title (g_ptr_array_index (items, 2)), ==, "Gel-1090 restock");
  g_assert_null (shoebox_news_item_get_link (g_ptr_array_index (items, 2)));
  g_assert_null (shoebox_news_item_get_thumbnail_url (g_ptr_array_index (items, 2)));
  g_assert_cmpuint (shoebox_news_store_count_unread (fixture->store, 0), ==, 3);
}

/* The charset of the HTTP Content-Type reaches the feed's decoder: the
 * feeds declare no encoding of their own.
 */
static void
test_fetch_http_charset (Fixture       *fixture,
                         gconstpointer  data)
{
  const struct
  {
    const char *path;
    const char *title;
  } cases[] = {
    { "/latin1.xml", "München drop: the Café colourway" },
    { "/latin9.xml", "Šamba OG for 90 €" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) items = NULL;
      ShoeboxNewsSource *source = shoebox_test_news_fetch_one (fixture, cases[i].path);

      g_assert_null (shoebox_news_source_get_last_error (source));
      g_assert_cmpstr (shoebox_news_source_get_title (source), ==, "Café Kicks");
      items = shoebox_test_news_items_of (fixture, source);
      g_assert_cmpuint (items->len, ==, 1);
      g_assert_cmpstr (shoebox_news_item_get_title (g_ptr_array_index (items, 0)), ==, cases[i].title);
    }
}

static void
test_fetch_not_modified (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  ShoeboxNewsSource *source = shoebox_test_news_fetch_one (fixture, "/feed.xml");
  g_autoptr(GDateTime) first_success = g_date_time_ref (shoebox_news_source_get_last_success (source));

  g_assert_cmpuint (fixture->n_feed_full, ==, 1);

  /* Were the body parsed, this item would appear: with the same ETag the
   * server answers 304 and nothing is read.
   */
  g_free (fixture->feed_body);
  fixture->feed_body = shoebox_test_news_make_feed ("Test Kicks", "Air Max 97 returns",
                                                    "<item><title>Should not appear</title><guid>new</guid></item>");

  g_ptr_array_add (sources, source);
  g_usleep (1100 * 1000); /* so last_success, to the second, moves */
  g_assert_true (shoebox_test_news_refresh (fixture, sources, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (fixture->n_feed_full, ==, 1);
  g_assert_cmpuint (fixture->n_feed_not_modified, ==, 1);
  items = shoebox_test_news_items_of (fixture, source);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_null (shoebox_test_news_find_item (items, "Should not appear"));
  g_assert_null (shoebox_news_source_get_last_error (source));
  g_assert_cmpstr (shoebox_news_source_get_etag (source), ==, "\"v1\"");
  g_assert_cmpint (g_date_time_compare (shoebox_news_source_get_last_success (source), first_success), >, 0);
}

static void
test_fetch_moved_permanently (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *feed_url = shoebox_test_news_url (fixture, "/feed.xml");
  g_autoptr(GPtrArray) items = NULL;
  ShoeboxNewsSource *source = shoebox_test_news_fetch_one (fixture, "/older");
  ShoeboxNewsSource *temporary;

  /* 308 then 301: both permanent, so the source moves to the end. */
  g_assert_cmpstr (shoebox_news_source_get_url (source), ==, feed_url);
  g_assert_null (shoebox_news_source_get_last_error (source));
  items = shoebox_test_news_items_of (fixture, source);
  g_assert_cmpuint (items->len, ==, 3);

  /* A 302 is followed but the source keeps its address. */
  g_assert_true (shoebox_news_store_remove_source (fixture->store, source, NULL));
  temporary = shoebox_test_news_fetch_one (fixture, "/elsewhere");
  g_assert_true (g_str_has_suffix (shoebox_news_source_get_url (temporary), "/elsewhere"));
  g_assert_null (shoebox_news_source_get_last_error (temporary));
}

static void
test_fetch_http_errors (Fixture       *fixture,
                        gconstpointer  data)
{
  ShoeboxNewsSource *source;
  g_autoptr(GPtrArray) items = NULL;

  source = shoebox_test_news_fetch_one (fixture, "/missing");
  shoebox_test_news_assert_failed_with (source, SHOEBOX_NEWS_ERROR_KIND_NOT_FOUND, "Not found (404)");
  g_assert_null (shoebox_news_source_get_last_success (source));
  items = shoebox_test_news_items_of (fixture, source);
  g_assert_cmpuint (items->len, ==, 0);

  source = shoebox_test_news_fetch_one (fixture, "/broken");
  shoebox_test_news_assert_failed_with (source, SHOEBOX_NEWS_ERROR_KIND_SERVER_ERROR, "Server error (500)");

  source = shoebox_test_news_fetch_one (fixture, "/forbidden");
  shoebox_test_news_assert_failed_with (source, SHOEBOX_NEWS_ERROR_KIND_ACCESS_DENIED, "Server refused access (403)");
}

static void
test_fetch_error_keeps_items (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = shoebox_test_news_url (fixture, "/missing");
  ShoeboxNewsSource *source = shoebox_test_news_fetch_one (fixture, "/feed.xml");
  GDateTime *success = shoebox_news_source_get_last_success (source);

  g_assert_nonnull (success);
  g_date_time_ref (success);

  /* The same source, now failing: its items and last success stay. */
  g_assert_true (shoebox_news_store_move_source (fixture->store, source, missing, &error));
  g_assert_no_error (error);
  g_ptr_array_add (sources, source);
  g_assert_true (shoebox_test_news_refresh (fixture, sources, NULL, &error));
  shoebox_test_news_assert_failed_with (source, SHOEBOX_NEWS_ERROR_KIND_NOT_FOUND, "Not found (404)");
  g_assert_true (g_date_time_equal (shoebox_news_source_get_last_success (source), success));
  items = shoebox_test_news_items_of (fixture, source);
  g_assert_cmpuint (items->len, ==, 3);
  g_date_time_unref (success);
}

static void
test_fetch_timeout (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 start = g_get_monotonic_time ();
  ShoeboxNewsSource *source = shoebox_test_news_fetch_one (fixture, "/hang");
  gint64 elapsed = g_get_monotonic_time () - start;

  shoebox_test_news_assert_failed_with (source, SHOEBOX_NEWS_ERROR_KIND_TIMED_OUT, "Timed out");
  g_assert_cmpint (elapsed, <, 5 * G_USEC_PER_SEC);
}

static void
test_fetch_deadline (Fixture       *fixture,
                     gconstpointer  data)
{
  ShoeboxNewsSource *source;

  /* The overall deadline, for a server that keeps a fetch alive. */
  g_object_set (fixture->session, "timeout", 0, NULL);
  shoebox_news_fetcher_set_fetch_deadline (fixture->fetcher, 1);
  source = shoebox_test_news_fetch_one (fixture, "/hang");
  shoebox_test_news_assert_failed_with (source, SHOEBOX_NEWS_ERROR_KIND_TIMED_OUT, "Timed out");
}

static void
test_fetch_too_large (Fixture       *fixture,
                      gconstpointer  data)
{
  ShoeboxNewsSource *source;

  shoebox_news_fetcher_set_max_body_size (fixture->fetcher, 64 * 1024);

  /* Declared too large. */
  source = shoebox_test_news_fetch_one (fixture, "/huge");
  shoebox_test_news_assert_failed_with (source, SHOEBOX_NEWS_ERROR_KIND_TOO_LARGE, "Too large");

  /* Found too large while reading. */
  source = shoebox_test_news_fetch_one (fixture, "/huge-chunked");
  shoebox_test_news_assert_failed_with (source, SHOEBOX_NEWS_ERROR_KIND_TOO_LARGE, "Too large");

  /* A feed under the cap still works. */
  source = shoebox_test_news_fetch_one (fixture, "/feed.xml");
  g_assert_null (shoebox_news_source_get_last_error (source));
}

static void
test_fetch_redirects (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *loop_a = shoebox_test_news_url (fixture, "/loop-a");
  ShoeboxNewsSource *source;

  source = shoebox_test_news_fetch_one (fixture, "/loop-a");
  shoebox_test_news_assert_failed_with (source, SHOEBOX_NEWS_ERROR_KIND_TOO_MANY_REDIRECTS, "Too many redirects");
  g_assert_cmpstr (shoebox_news_source_get_url (source), ==, loop_a);
  /* Seen at the first repeat: a, b, then a again. */
  g_assert_cmpuint (fixture->n_requests, ==, 2);

  fixture->n_requests = 0;
  source = shoebox_test_news_fetch_one (fixture, "/chain/0");
  shoebox_test_news_assert_failed_with (source, SHOEBOX_NEWS_ERROR_KIND_TOO_MANY_REDIRECTS, "Too many redirects");
  g_assert_cmpuint (fixture->n_requests, ==, SHOEBOX_NEWS_MAX_REDIRECTS + 1);

  /* Never to anything but http or https. */
  source = shoebox_test_news_fetch_one (fixture, "/to-file");
  g_assert_cmpint (shoebox_news_source_get_last_error_kind (source), ==, SHOEBOX_NEWS_ERROR_KIND_INVALID_URL);
}

static void
test_fetch_not_a_feed (Fixture       *fixture,
                       gconstpointer  data)
{
  ShoeboxNewsSource *source = shoebox_test_news_fetch_one (fixture, "/page.html");

  shoebox_test_news_assert_failed_with (source, SHOEBOX_NEWS_ERROR_KIND_NOT_A_FEED, "Not a feed");
}

static void
test_fetch_rate_limited (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  ShoeboxNewsSource *source = shoebox_test_news_fetch_one (fixture, "/limited");
  GTimeSpan wait_time;

  shoebox_test_news_assert_failed_with (source, SHOEBOX_NEWS_ERROR_KIND_RATE_LIMITED, "Too many requests (429)");
  wait_time = g_date_time_difference (shoebox_news_source_get_next_refresh (source), now);
  g_assert_cmpint (wait_time, >=, 3590 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (wait_time, <=, 3610 * G_TIME_SPAN_SECOND);
  g_assert_false (shoebox_news_source_is_due (source, now));

  /* A refresh of what is due leaves it alone. */
  fixture->n_requests = 0;
  shoebox_news_fetcher_refresh_async (fixture->fetcher, NULL, SHOEBOX_NEWS_REFRESH_ONLY_DUE,
                                      NULL, shoebox_test_store_result_cb, &result);
  shoebox_test_wait_for_result (&result);
  g_assert_true (shoebox_news_fetcher_refresh_finish (fixture->fetcher, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_requests, ==, 0);
}

static void
test_fetch_rate_limited_until (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  ShoeboxNewsSource *source = shoebox_test_news_fetch_one (fixture, "/limited-until");
  GTimeSpan wait_time;

  /* Retry-After as an HTTP date. */
  shoebox_test_news_assert_failed_with (source, SHOEBOX_NEWS_ERROR_KIND_RATE_LIMITED, "Too many requests (429)");
  wait_time = g_date_time_difference (shoebox_news_source_get_next_refresh (source), now);
  g_assert_cmpint (wait_time, >=, 7190 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (wait_time, <=, 7210 * G_TIME_SPAN_SECOND);
}

static void
test_fetch_a_few_at_a_time (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *sources = shoebox_news_store_get_sources (fixture->store);

  /* libsoup's own limit per host would hide ours. */
  g_assert_finalize_object (fixture->fetcher);
  g_clear_object (&fixture->session);
  fixture->session = g_object_new (SOUP_TYPE_SESSION,
                                   "proxy-resolver", NULL,
                                   "max-conns-per-host", 16,
                                   "max-conns", 32,
                                   "timeout", 5,
                                   NULL);
  fixture->fetcher = shoebox_news_fetcher_new (fixture->store, fixture->session);
  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *path = g_strdup_printf ("/slow/%u", i);

      shoebox_test_news_add_source (fixture, path);
    }

  g_assert_true (shoebox_test_news_refresh (fixture, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->max_slow_in_flight, ==, SHOEBOX_NEWS_MAX_CONCURRENT);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ShoeboxNewsSource) source = g_list_model_get_item (sources, i);

      g_assert_null (shoebox_news_source_get_last_error (source));
      g_assert_nonnull (shoebox_news_source_get_last_success (source));
    }
  g_assert_cmpuint (shoebox_news_fetcher_get_n_done (fixture->fetcher), ==, 9);
}

/* A network monitor that says what the test tells it. */
typedef struct
{
  GObject  parent_instance;
  gboolean available;
} FakeMonitor;

typedef GObjectClass FakeMonitorClass;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeMonitor, g_object_unref)

static void fake_monitor_iface_init (GNetworkMonitorInterface *iface);
static void fake_monitor_initable_init (GInitableIface *iface);

static GType fake_monitor_get_type (void);
G_DEFINE_TYPE_WITH_CODE (FakeMonitor, fake_monitor, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, fake_monitor_initable_init)
                         G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, fake_monitor_iface_init))

static gboolean
fake_monitor_initable_init_fn (GInitable     *initable,
                               GCancellable  *cancellable,
                               GError       **error)
{
  return TRUE;
}

static void
fake_monitor_initable_init (GInitableIface *iface)
{
  iface->init = fake_monitor_initable_init_fn;
}

static void
fake_monitor_iface_init (GNetworkMonitorInterface *iface)
{
}

static void
fake_monitor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FakeMonitor *self = (FakeMonitor *) object;

  switch (prop_id)
    {
    case 1:
      g_value_set_boolean (value, self->available);
      break;

    case 2:
      g_value_set_boolean (value, FALSE);
      break;

    case 3:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL : G_NETWORK_CONNECTIVITY_LOCAL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fake_monitor_class_init (FakeMonitorClass *klass)
{
  klass->get_property = fake_monitor_get_property;
  g_object_class_override_property (klass, 1, "network-available");
  g_object_class_override_property (klass, 2, "network-metered");
  g_object_class_override_property (klass, 3, "connectivity");
}

static void
fake_monitor_init (FakeMonitor *self)
{
}

static void
test_fetch_could_not_connect (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(SoupServer) closed = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autoptr(FakeMonitor) monitor = g_object_new (fake_monitor_get_type (), NULL);
  g_autofree char *url = NULL;
  ShoeboxNewsSource *source;
  GSList *uris;

  /* A port that was just free: nobody listens there any more. */
  soup_server_listen_local (closed, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (closed);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  soup_server_disconnect (closed);

  source = shoebox_news_store_add_source (fixture->store, url, NULL, &error);
  g_assert_no_error (error);
  g_ptr_array_add (sources, source);
  g_assert_true (shoebox_test_news_refresh (fixture, sources, NULL, &error));
  shoebox_test_news_assert_failed_with (source, SHOEBOX_NEWS_ERROR_KIND_COULD_NOT_CONNECT, "Could not connect");
  g_assert_false (shoebox_news_fetcher_get_offline (fixture->fetcher));

  /* The same failure while the network is down is "Offline"... */
  shoebox_news_fetcher_set_network_monitor (fixture->fetcher, G_NETWORK_MONITOR (monitor));
  g_assert_true (shoebox_test_news_refresh (fixture, sources, NULL, &error));
  shoebox_test_news_assert_failed_with (source, SHOEBOX_NEWS_ERROR_KIND_OFFLINE, "Offline");
  g_assert_true (shoebox_news_fetcher_get_offline (fixture->fetcher));

  /* ...but a monitor that says "down" never stops a fetch that works. */
  {
    ShoeboxNewsSource *local = shoebox_test_news_fetch_one (fixture, "/feed.xml");

    g_assert_null (shoebox_news_source_get_last_error (local));
    g_assert_nonnull (shoebox_news_source_get_last_success (local));
    g_assert_false (shoebox_news_fetcher_get_offline (fixture->fetcher));
  }
  shoebox_news_fetcher_set_network_monitor (fixture->fetcher, NULL);
}

static void
test_fetch_concurrent (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) good_items = NULL;
  ShoeboxNewsSource *good = shoebox_test_news_add_source (fixture, "/feed.xml");
  ShoeboxNewsSource *bad = shoebox_test_news_add_source (fixture, "/missing");
  ShoeboxNewsSource *slow = shoebox_test_news_add_source (fixture, "/hang");
  ShoeboxNewsSource *other = shoebox_test_news_add_source (fixture, "/other.xml");
  ShoeboxNewsSource *disabled = shoebox_test_news_add_source (fixture, "/broken");
  guint n_done_notifies = 0;

  g_assert_true (shoebox_news_store_set_source_enabled (fixture->store, disabled, FALSE, NULL));
  shoebox_test_count_notify (fixture->fetcher, "n-done", &n_done_notifies);

  /* Every enabled source; the one that hangs holds up nobody. */
  g_assert_true (shoebox_test_news_refresh (fixture, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_null (shoebox_news_source_get_last_error (good));
  g_assert_null (shoebox_news_source_get_last_error (other));
  shoebox_test_news_assert_failed_with (bad, SHOEBOX_NEWS_ERROR_KIND_NOT_FOUND, "Not found (404)");
  shoebox_test_news_assert_failed_with (slow, SHOEBOX_NEWS_ERROR_KIND_TIMED_OUT, "Timed out");
  g_assert_null (shoebox_news_source_get_next_refresh (disabled));
  good_items = shoebox_test_news_items_of (fixture, good);
  g_assert_cmpuint (good_items->len, ==, 3);

  g_assert_cmpuint (shoebox_news_fetcher_get_n_total (fixture->fetcher), ==, 4);
  g_assert_cmpuint (shoebox_news_fetcher_get_n_done (fixture->fetcher), ==, 4);
  g_assert_cmpuint (n_done_notifies, ==, 4);
  g_assert_false (shoebox_news_fetcher_get_busy (fixture->fetcher));
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_fetch_cancel (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  ShoeboxNewsSource *first = shoebox_test_news_add_source (fixture, "/hang");
  ShoeboxNewsSource *second = shoebox_test_news_add_source (fixture, "/hang-too");
  gint64 start;

  /* Both are waiting on the server when the cancel comes. */
  g_timeout_add (200, cancel_cb, cancellable);
  start = g_get_monotonic_time ();
  g_assert_false (shoebox_test_news_refresh (fixture, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_cmpuint (fixture->paused->len, ==, 2);

  /* A cancelled fetch is not a failure of the source. */
  g_assert_null (shoebox_news_source_get_last_error (first));
  g_assert_null (shoebox_news_source_get_next_refresh (first));
  g_assert_null (shoebox_news_source_get_last_error (second));
  g_assert_false (shoebox_news_fetcher_get_busy (fixture->fetcher));

  /* Cancelled before it starts, too. */
  g_clear_error (&error);
  g_assert_false (shoebox_test_news_refresh (fixture, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_fetch_source_removed (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  ShoeboxNewsSource *source = shoebox_test_news_add_source (fixture, "/slow/0");
  ShoeboxNewsSource *other = shoebox_test_news_add_source (fixture, "/feed.xml");

  /* The user removes a source while it is being fetched. */
  shoebox_news_fetcher_refresh_async (fixture->fetcher, NULL, SHOEBOX_NEWS_REFRESH_NONE,
                                      NULL, shoebox_test_store_result_cb, &result);
  g_assert_true (shoebox_news_store_remove_source (fixture->store, source, &error));
  g_assert_no_error (error);
  shoebox_test_wait_for_result (&result);
  g_assert_true (shoebox_news_fetcher_refresh_finish (fixture->fetcher, result, &error));
  g_assert_no_error (error);
  g_assert_null (shoebox_news_source_get_last_error (other));
  g_assert_cmpuint (g_list_model_get_n_items (shoebox_news_store_get_sources (fixture->store)), ==, 1);
  g_assert_cmpuint (shoebox_news_store_count_unread (fixture->store, 0), ==, 3);
}

static GBytes *
download (Fixture     *fixture,
          const char  *url,
          gsize        max_size,
          char       **content_type,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  shoebox_news_fetcher_download_async (fixture->fetcher, url, max_size, NULL, shoebox_test_store_result_cb, &result);
  shoebox_test_wait_for_result (&result);
  return shoebox_news_fetcher_download_finish (fixture->fetcher, result, content_type, error);
}

static void
test_download (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *thumb = shoebox_test_news_url (fixture, "/thumb.png");
  g_autofree char *huge = shoebox_test_news_url (fixture, "/huge");
  g_autofree char *missing = shoebox_test_news_url (fixture, "/missing");
  g_autofree char *content_type = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = download (fixture, thumb, 1024, &content_type, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpstr (content_type, ==, "image/png");
  /* Bytes, not a string: no NUL at the end to stop at. */
  g_assert_cmpuint (g_bytes_get_size (bytes), >=, 4);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 4, "\x89PNG", 4);

  g_assert_null (download (fixture, huge, 1024, NULL, &error));
  g_assert_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_TOO_LARGE);
  g_clear_error (&error);

  g_assert_null (download (fixture, missing, 1024, NULL, &error));
  g_assert_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (download (fixture, "file:///etc/passwd", 1024, NULL, &error));
  g_assert_error (error, SHOEBOX_NEWS_ERROR, SHOEBOX_NEWS_ERROR_KIND_INVALID_URL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, shoebox_test_news_set_up, fn, shoebox_test_news_tear_down)
  ADD ("/news/fetch/first", test_fetch_first);
  ADD ("/news/fetch/http-charset", test_fetch_http_charset);
  ADD ("/news/fetch/not-modified", test_fetch_not_modified);
  ADD ("/news/fetch/moved-permanently", test_fetch_moved_permanently);
  ADD ("/news/fetch/http-errors", test_fetch_http_errors);
  ADD ("/news/fetch/error-keeps-items", test_fetch_error_keeps_items);
  ADD ("/news/fetch/timeout", test_fetch_timeout);
  ADD ("/news/fetch/deadline", test_fetch_deadline);
  ADD ("/news/fetch/too-large", test_fetch_too_large);
  ADD ("/news/fetch/redirects", test_fetch_redirects);
  ADD ("/news/fetch/not-a-feed", test_fetch_not_a_feed);
  ADD ("/news/fetch/rate-limited", test_fetch_rate_limited);
  ADD ("/news/fetch/rate-limited-until", test_fetch_rate_limited_until);
  ADD ("/news/fetch/concurrent", test_fetch_concurrent);
  ADD ("/news/fetch/a-few-at-a-time", test_fetch_a_few_at_a_time);
  ADD ("/news/fetch/could-not-connect", test_fetch_could_not_connect);
  ADD ("/news/fetch/cancel", test_fetch_cancel);
  ADD ("/news/fetch/source-removed", test_fetch_source_removed);
  ADD ("/news/download", test_download);
#undef ADD

  return g_test_run ();
}
