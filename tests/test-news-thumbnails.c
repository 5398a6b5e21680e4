/* test-news-thumbnails.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <libsoup/soup.h>
#include <string.h>

#include "shoebox-database.h"
#include "shoebox-news-fetcher.h"
#include "shoebox-news-store.h"
#include "shoebox-news-thumbnails.h"
#include "shoebox-test-images.h"
#include "shoebox-test-wait.h"

/* News thumbnails in the formats shops serve, from a SoupServer on
 * 127.0.0.1 through a session without a proxy resolver. The pictures are
 * the sample photos of tests/data/photos (made by make-samples.sh there):
 * 48 × 32, red on the left, blue on the right. Each case has its own XDG
 * folders, so its own database and thumbnail cache. No window is shown.
 */

typedef struct
{
  ShoeboxDatabase       *database;
  ShoeboxNewsStore      *store;
  ShoeboxNewsFetcher    *fetcher;
  ShoeboxNewsThumbnails *thumbnails;
  SoupSession           *session;
  SoupServer            *server;
  char                  *base;
  char                  *last_accept;
} Fixture;

static char *
dup_sample_path (const char *name)
{
  const char *source_dir = g_getenv ("SHOEBOX_SOURCE_DIR");

  g_assert_nonnull (source_dir);
  return g_build_filename (source_dir, "tests", "data", "photos", name, NULL);
}

/* /NAME serves the sample photo NAME, with the type its extension says. */
static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autofree char *file = dup_sample_path (path + 1);
  char *contents = NULL;
  gsize length = 0;

  g_free (fixture->last_accept);
  fixture->last_accept = g_strdup (soup_message_headers_get_one (headers, "Accept"));

  if (strchr (path + 1, '/') != NULL || !g_file_get_contents (file, &contents, &length, NULL))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, g_str_has_suffix (path, ".webp") ? "image/webp" : "image/avif",
                                    SOUP_MEMORY_TAKE, contents, length);
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fixture->database = shoebox_database_open_default (&error);
  g_assert_no_error (error);
  fixture->store = shoebox_news_store_new (fixture->database, &error);
  g_assert_no_error (error);

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  g_assert_true (soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  fixture->base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  fixture->session = g_object_new (SOUP_TYPE_SESSION, "proxy-resolver", NULL, "timeout", 5, NULL);
  fixture->fetcher = shoebox_news_fetcher_new (fixture->store, fixture->session);
  fixture->thumbnails = shoebox_news_thumbnails_new (fixture->fetcher, NULL);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_assert_finalize_object (fixture->thumbnails);
  shoebox_test_wait_for_release (fixture->fetcher);
  g_assert_finalize_object (fixture->fetcher);
  g_assert_finalize_object (fixture->store);
  shoebox_database_close (fixture->database);
  g_assert_finalize_object (fixture->database);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->session);
  g_clear_pointer (&fixture->base, g_free);
  g_clear_pointer (&fixture->last_accept, g_free);
}

static GdkTexture *
load (Fixture     *fixture,
      const char  *name,
      GError     **error)
{
  g_autofree char *url = g_strconcat (fixture->base, name, NULL);
  g_autoptr(GAsyncResult) result = NULL;

  shoebox_news_thumbnails_load_async (fixture->thumbnails, url, NULL, shoebox_test_store_result_cb, &result);
  shoebox_test_wait_for_result (&result);
  return shoebox_news_thumbnails_load_finish (fixture->thumbnails, result, error);
}

/* The Accept header lists exactly the image types of the enabled,
 * non-scalable gdk-pixbuf formats, each once, and nothing else: no fixed
 * list, no wildcard.
 */
static void
assert_accept_follows_loaders (const char *accept)
{
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) accepted = NULL;
  GSList *formats = gdk_pixbuf_get_formats ();

  for (GSList *l = formats; l != NULL; l = l->next)
    {
      g_auto(GStrv) mime_types = gdk_pixbuf_format_get_mime_types (l->data);

      if (gdk_pixbuf_format_is_disabled (l->data) || gdk_pixbuf_format_is_scalable (l->data))
        continue;
      for (guint i = 0; mime_types[i] != NULL; i++)
        if (g_str_has_prefix (mime_types[i], "image/"))
          g_hash_table_add (expected, g_ascii_strdown (mime_types[i], -1));
    }
  g_slist_free (formats);

  g_test_message ("Accept: %s", accept);
  g_assert_nonnull (accept);
  accepted = g_strsplit (accept, ", ", -1);
  for (guint i = 0; accepted[i] != NULL; i++)
    {
      g_assert_true (g_hash_table_contains (expected, accepted[i]));
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (accepted[j], !=, accepted[i]);
    }
  g_assert_cmpuint (g_strv_length (accepted), ==, g_hash_table_size (expected));
}

static void
assert_sample_texture (GdkTexture *texture)
{
  g_autofree guint8 *pixels = NULL;
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  const guint8 *left;
  const guint8 *right;

  g_assert_cmpint (width, ==, 48);
  g_assert_cmpint (height, ==, 32);

  /* Cairo's ARGB32 in memory: blue, green, red, alpha on little-endian. */
  pixels = g_malloc (width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);
  left = pixels + (height / 2 * width + width / 4) * 4;
  right = pixels + (height / 2 * width + width * 3 / 4) * 4;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  g_assert_cmpint (left[2], >, 180);
  g_assert_cmpint (left[0], <, 80);
  g_assert_cmpint (right[0], >, 180);
  g_assert_cmpint (right[2], <, 80);
#else
  g_assert_cmpint (left[1], >, 180);
  g_assert_cmpint (left[3], <, 80);
  g_assert_cmpint (right[3], >, 180);
  g_assert_cmpint (right[1], <, 80);
#endif
}

/* A shop's WebP or AVIF picture is decoded, asked for with an Accept
 * header that names what decodes here.
 */
static void
test_decodes (Fixture       *fixture,
              gconstpointer  data)
{
  const char *name = data;
  const char *mime_type = g_str_has_suffix (name, ".webp") ? "image/webp" : "image/avif";
  g_autoptr(GPtrArray) formats = shoebox_test_find_formats (mime_type);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTexture) cached = NULL;

  if (formats->len == 0)
    g_test_message ("No gdk-pixbuf loader reads %s here: build-aux/install-deps.sh installs one", mime_type);
  g_assert_cmpuint (formats->len, >, 0);

  texture = load (fixture, name, &error);
  g_assert_no_error (error);
  assert_sample_texture (texture);

  assert_accept_follows_loaders (fixture->last_accept);
  g_assert_nonnull (strstr (fixture->last_accept, mime_type));

  /* From the cache folder now, in a new loader. */
  g_clear_object (&fixture->thumbnails);
  fixture->thumbnails = shoebox_news_thumbnails_new (fixture->fetcher, NULL);
  g_clear_pointer (&fixture->last_accept, g_free);
  cached = load (fixture, name, &error);
  g_assert_no_error (error);
  g_assert_null (fixture->last_accept);
  assert_sample_texture (cached);
}

/* Without a WebP loader, WebP is not asked for, and a server that sends
 * it anyway gets an error, not a crash.
 */
static void
test_missing_loader (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) webp = shoebox_test_find_formats ("image/webp");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  g_assert_cmpuint (webp->len, >, 0);
  for (guint i = 0; i < webp->len; i++)
    gdk_pixbuf_format_set_disabled (g_ptr_array_index (webp, i), TRUE);

  texture = load (fixture, "sample.webp", &error);
  g_assert_null (texture);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (error->message, !=, "");
  assert_accept_follows_loaders (fixture->last_accept);
  g_assert_null (strstr (fixture->last_accept, "image/webp"));
  g_assert_nonnull (strstr (fixture->last_accept, "image/png"));

  for (guint i = 0; i < webp->len; i++)
    gdk_pixbuf_format_set_disabled (g_ptr_array_index (webp, i), FALSE);

  /* The failure was not cached: with the loader back, it decodes. */
  g_clear_error (&error);
  texture = load (fixture, "sample.webp", &error);
  g_assert_no_error (error);
  assert_sample_texture (texture);
  g_assert_nonnull (strstr (fixture->last_accept, "image/webp"));
}

int
main (int   argc,
      char *argv[])
{
  shoebox_test_images_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/news-thumbnails/decodes/webp", Fixture, "sample.webp", set_up, test_decodes, tear_down);
  g_test_add ("/news-thumbnails/decodes/avif", Fixture, "sample.avif", set_up, test_decodes, tear_down);
  g_test_add ("/news-thumbnails/missing-loader", Fixture, NULL, set_up, test_missing_loader, tear_down);

  return g_test_run ();
}
