/* shoebox-news-thumbnails.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-news-thumbnails"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "shoebox-compat.h"
#include "shoebox-feed-parser.h"
#include "shoebox-news-thumbnails.h"
#include "shoebox-photos.h"

/* Thumbnails of news items: downloaded by the fetcher with the
 * application's session (the transfer stops past a size cap), decoded off
 * the main loop at thumbnail size (an image announcing more pixels than the cap is
 * refused before it is decoded), and kept as small PNG files under
 * $XDG_CACHE_HOME/shoebox/news-thumbnails, named by a hash of the URL, and
 * in memory while the application runs.
 */

struct _ShoeboxNewsThumbnails
{
  GObject             parent_instance;

  ShoeboxNewsFetcher *fetcher;
  char               *cache_dir;
  GHashTable         *textures;   /* url -> GdkTexture */
};

G_DEFINE_FINAL_TYPE (ShoeboxNewsThumbnails, shoebox_news_thumbnails, G_TYPE_OBJECT)

typedef struct
{
  char   *url;
  char   *cache_path;
  GBytes *bytes;
} Load;

static void
load_free (Load *load)
{
  g_free (load->url);
  g_free (load->cache_path);
  g_clear_pointer (&load->bytes, g_bytes_unref);
  g_free (load);
}

typedef struct
{
  gboolean too_large;
} SizeCheck;

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  SizeCheck *check = user_data;

  if (width <= 0 || height <= 0 || (gint64) width * height > SHOEBOX_NEWS_THUMBNAIL_MAX_PIXELS)
    {
      check->too_large = TRUE;
      gdk_pixbuf_loader_set_size (loader, 1, 1);
      return;
    }
  if (width > SHOEBOX_NEWS_THUMBNAIL_WIDTH)
    gdk_pixbuf_loader_set_size (loader, SHOEBOX_NEWS_THUMBNAIL_WIDTH,
                                MAX (1, (int) ((gint64) height * SHOEBOX_NEWS_THUMBNAIL_WIDTH / width)));
}

static GdkPixbuf *
decode (GBytes  *bytes,
        GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  SizeCheck check = { FALSE };
  const guint8 *data;
  gsize size;
  GdkPixbuf *pixbuf;

  /* Recognised from its first bytes as the photo store does: WebP and
   * AVIF too where there is no MIME database, and a clear error where
   * their loader is missing.
   */
  data = g_bytes_get_data (bytes, &size);
  loader = shoebox_photos_new_loader (data, size, error);
  if (loader == NULL)
    return NULL;
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &check);
  for (gsize offset = 0; offset < size && !check.too_large; offset += 4096)
    {
      if (!gdk_pixbuf_loader_write (loader, data + offset, MIN (4096, size - offset), &local_error))
        break;
    }
  gdk_pixbuf_loader_close (loader, local_error == NULL ? &local_error : NULL);
  if (check.too_large)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The image is too large"));
      return NULL;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Not an image"));
      return NULL;
    }

  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

/* In a worker thread: from the cache file, or from the downloaded bytes,
 * which are then cached at thumbnail size.
 */
static void
decode_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  if (load->bytes == NULL)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (load->cache_path, &contents, &length, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      load->bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      pixbuf = decode (load->bytes, &error);
    }
  else
    {
      pixbuf = decode (load->bytes, &error);
      if (pixbuf != NULL)
        {
          g_autofree char *dir = g_path_get_dirname (load->cache_path);
          g_autoptr(GError) save_error = NULL;

          if (g_mkdir_with_parents (dir, 0700) != 0
              || !gdk_pixbuf_save (pixbuf, load->cache_path, "png", &save_error, NULL))
            g_debug ("Could not cache the thumbnail of %s: %s", load->url,
                     save_error != NULL ? save_error->message : g_strerror (errno));
        }
    }

  if (pixbuf == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&pixbuf), g_object_unref);
}

static void
downloaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *content_type = NULL;
  Load *load = g_task_get_task_data (task);

  load->bytes = shoebox_news_fetcher_download_finish (SHOEBOX_NEWS_FETCHER (object), result, &content_type, &error);
  if (load->bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_run_in_thread (task, decode_thread);
}

static void
shoebox_news_thumbnails_finalize (GObject *object)
{
  ShoeboxNewsThumbnails *self = SHOEBOX_NEWS_THUMBNAILS (object);

  g_clear_object (&self->fetcher);
  g_clear_pointer (&self->cache_dir, g_free);
  g_clear_pointer (&self->textures, g_hash_table_unref);

  G_OBJECT_CLASS (shoebox_news_thumbnails_parent_class)->finalize (object);
}

static void
shoebox_news_thumbnails_class_init (ShoeboxNewsThumbnailsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shoebox_news_thumbnails_finalize;
}

static void
shoebox_news_thumbnails_init (ShoeboxNewsThumbnails *self)
{
  self->textures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/**
 * shoebox_news_thumbnails_new:
 * @fetcher: the application's fetcher, whose session and checks are used
 * @cache_dir: (nullable): where thumbnails are kept; %NULL for
 *   $XDG_CACHE_HOME/shoebox/news-thumbnails
 *
 * Returns: (transfer full): a thumbnail loader
 */
ShoeboxNewsThumbnails *
shoebox_news_thumbnails_new (ShoeboxNewsFetcher *fetcher,
                             const char         *cache_dir)
{
  ShoeboxNewsThumbnails *self;

  g_return_val_if_fail (SHOEBOX_IS_NEWS_FETCHER (fetcher), NULL);

  self = g_object_new (SHOEBOX_TYPE_NEWS_THUMBNAILS, NULL);
  self->fetcher = g_object_ref (fetcher);
  if (cache_dir != NULL)
    self->cache_dir = g_strdup (cache_dir);
  else
    self->cache_dir = g_build_filename (g_get_user_cache_dir (), "shoebox", "news-thumbnails", NULL);

  return self;
}

/**
 * shoebox_news_thumbnails_lookup:
 * @self: a #ShoeboxNewsThumbnails
 * @url: (nullable): an image's address
 *
 * Returns: (transfer none) (nullable): the thumbnail, when it was loaded
 *   already
 */
GdkTexture *
shoebox_news_thumbnails_lookup (ShoeboxNewsThumbnails *self,
                                const char            *url)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_THUMBNAILS (self), NULL);

  return url != NULL ? g_hash_table_lookup (self->textures, url) : NULL;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  ShoeboxNewsThumbnails *self;
  Load *load;
  GdkTexture *texture;

  pixbuf = g_task_propagate_pointer (G_TASK (result), &error);
  if (pixbuf == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  self = g_task_get_source_object (task);
  load = g_task_get_task_data (task);
  texture = shoebox_texture_new_for_pixbuf (pixbuf);
  g_hash_table_replace (self->textures, g_strdup (load->url), g_object_ref (texture));
  g_task_return_pointer (task, texture, g_object_unref);
}

/**
 * shoebox_news_thumbnails_load_async:
 * @self: a #ShoeboxNewsThumbnails
 * @url: an http or https image address
 * @cancellable: (nullable): stops the load
 * @callback: called with the thumbnail
 * @user_data: data for @callback
 *
 * Loads a thumbnail from memory, the cache folder or the network, in
 * that order.
 */
void
shoebox_news_thumbnails_load_async (ShoeboxNewsThumbnails *self,
                                    const char            *url,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;
  GdkTexture *texture;
  Load *load;

  g_return_if_fail (SHOEBOX_IS_NEWS_THUMBNAILS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_news_thumbnails_load_async);

  if (!shoebox_feed_uri_is_web (url))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Only http and https images are loaded"));
      return;
    }

  texture = shoebox_news_thumbnails_lookup (self, url);
  if (texture != NULL)
    {
      g_task_return_pointer (task, g_object_ref (texture), g_object_unref);
      return;
    }

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
  name = g_strconcat (hash, ".png", NULL);
  load = g_new0 (Load, 1);
  load->url = g_strdup (url);
  load->cache_path = g_build_filename (self->cache_dir, name, NULL);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);

  /* The inner task does the work, so the outer one returns a texture
   * made on the main thread.
   */
  inner = g_task_new (self, cancellable, loaded_cb, g_steal_pointer (&task));
  load = g_new0 (Load, 1);
  load->url = g_strdup (url);
  load->cache_path = g_build_filename (self->cache_dir, name, NULL);
  g_task_set_task_data (inner, load, (GDestroyNotify) load_free);

  if (g_file_test (load->cache_path, G_FILE_TEST_IS_REGULAR))
    g_task_run_in_thread (inner, decode_thread);
  else
    shoebox_news_fetcher_download_async (self->fetcher, url, SHOEBOX_NEWS_THUMBNAIL_MAX_BYTES, cancellable,
                                         downloaded_cb, g_steal_pointer (&inner));
}

/**
 * shoebox_news_thumbnails_load_finish:
 * @self: a #ShoeboxNewsThumbnails
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the thumbnail, or %NULL with @error set
 */
GdkTexture *
shoebox_news_thumbnails_load_finish (ShoeboxNewsThumbnails  *self,
                                     GAsyncResult           *result,
                                     GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
