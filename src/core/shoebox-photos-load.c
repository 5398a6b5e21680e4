/* shoebox-photos-load.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-photos"

#include "config.h"

#include <glib/gstdio.h>

#include "shoebox-photos-private.h"

/* Loading a stored photo: as a thumbnail, cached as a PNG, or whole for
 * display and analysis.
 */

#define MAX_THUMBNAIL_SIZE   2048

/* shoebox_photos_load_thumbnail() or shoebox_photos_load_pixbuf(), which
 * a thread of the pool runs for the asynchronous calls. */
typedef GdkPixbuf *(*LoadFunc) (ShoeboxPhotos  *self,
                                const char     *file_name,
                                int             size,
                                GCancellable   *cancellable,
                                GError        **error);

typedef struct
{
  LoadFunc  load;
  char     *file_name;
  int       size;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_pointer (&data->file_name, g_free);
  g_free (data);
}

static char *
dup_thumbnail_path (ShoeboxPhotos *self,
                    const char    *file_name,
                    int            size)
{
  g_autofree char *size_name = g_strdup_printf ("%d", size);
  g_autofree char *hash = g_strndup (file_name, HASH_LENGTH);
  g_autofree char *base = g_strconcat (hash, ".png", NULL);

  return g_build_filename (self->cache_directory, size_name, base, NULL);
}

/* A thumbnail from the cache, or %NULL (after removing a damaged one). */
static GdkPixbuf *
load_cached_thumbnail (const char *path,
                       int         size)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  GdkPixbuf *pixbuf;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("Could not read the thumbnail %s: %s", path, error->message);
      return NULL;
    }

  /* Named as PNG, not sniffed: see shoebox_photos_new_loader(). */
  loader = gdk_pixbuf_loader_new_with_type ("png", &error);
  if (loader != NULL
      && gdk_pixbuf_loader_write (loader, (const guint8 *) data, length, &error)
      && gdk_pixbuf_loader_close (loader, &error)
      && (pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) != NULL
      && gdk_pixbuf_get_width (pixbuf) <= size
      && gdk_pixbuf_get_height (pixbuf) <= size)
    return g_object_ref (pixbuf);

  if (loader != NULL)
    gdk_pixbuf_loader_close (loader, NULL);

  g_debug ("Making the thumbnail %s again: %s", path,
           error != NULL ? error->message : "wrong size");
  g_unlink (path);
  return NULL;
}

static void
save_thumbnail (ShoeboxPhotos *self,
                GdkPixbuf     *pixbuf,
                const char    *path,
                int            size)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  /* A cache that cannot be written costs time, not data: say it in the
   * debug log and show the thumbnail anyway.
   */
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &data, &length, "png", &error, NULL)
      || !_shoebox_photos_ensure_directory (folder, &error)
      || !g_file_set_contents_full (path, data, (gssize) length,
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("Could not cache the thumbnail %s: %s", path, error->message);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  GdkPixbuf *pixbuf = data->load (source_object, data->file_name, data->size, cancellable, &error);

  if (pixbuf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pixbuf, g_object_unref);
}

/**
 * shoebox_photos_load_thumbnail:
 * @self: a #ShoeboxPhotos
 * @file_name: a photo's name, as shoebox_photos_import() gave it
 * @size: the largest width and height, in pixels (1–2048)
 * @cancellable: (nullable): a #GCancellable
 * @error: where to put the reason
 *
 * The photo turned by its EXIF orientation and shrunk (never enlarged)
 * to fit in @size × @size, from the cache when it is there; otherwise
 * decoded at a reduced size where the format allows it, and cached as a
 * PNG. Blocks: call it from a thread, or use
 * shoebox_photos_load_thumbnail_async().
 *
 * Returns: (transfer full) (nullable): the thumbnail, or %NULL with
 *   @error set
 */
GdkPixbuf *
shoebox_photos_load_thumbnail (ShoeboxPhotos  *self,
                               const char     *file_name,
                               int             size,
                               GCancellable   *cancellable,
                               GError        **error)
{
  g_autofree char *thumbnail_path = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  g_return_val_if_fail (SHOEBOX_IS_PHOTOS (self), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (size > 0 && size <= MAX_THUMBNAIL_SIZE, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!shoebox_photos_check_file_name (file_name, error))
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  thumbnail_path = dup_thumbnail_path (self, file_name, size);
  pixbuf = load_cached_thumbnail (thumbnail_path, size);
  if (pixbuf != NULL)
    return g_steal_pointer (&pixbuf);

  pixbuf = _shoebox_photos_decode_photo (self, file_name, size, cancellable, error);
  if (pixbuf == NULL)
    return NULL;

  save_thumbnail (self, pixbuf, thumbnail_path, size);
  return g_steal_pointer (&pixbuf);
}

/* Both loads check the name at once, in the caller's thread, so a bad
 * name never takes a place in the pool's queue. */
static void
queue_load (GTask       *task,
            gpointer     source_tag,
            LoadFunc     load,
            const char  *file_name,
            int          size)
{
  GError *error = NULL;
  LoadData *data;

  g_task_set_source_tag (task, source_tag);

  if (!shoebox_photos_check_file_name (file_name, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  data = g_new0 (LoadData, 1);
  data->load = load;
  data->file_name = g_strdup (file_name);
  data->size = size;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  _shoebox_photos_queue_job (task, load_thread, TRUE);
}

/**
 * shoebox_photos_load_thumbnail_async:
 * @self: a #ShoeboxPhotos
 * @file_name: a photo's name, as shoebox_photos_import() gave it
 * @size: the largest width and height, in pixels (1–2048)
 * @cancellable: (nullable): a #GCancellable; cancel it when the thumbnail
 *   is no longer wanted (its grid cell scrolled away): a request still
 *   waiting then returns %G_IO_ERROR_CANCELLED at once, undecoded
 * @callback: called in the current thread-default main context when done
 * @user_data: data for @callback
 *
 * shoebox_photos_load_thumbnail() on the shared pool of threads, newest
 * requests first.
 */
void
shoebox_photos_load_thumbnail_async (ShoeboxPhotos       *self,
                                     const char          *file_name,
                                     int                  size,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (SHOEBOX_IS_PHOTOS (self));
  g_return_if_fail (file_name != NULL);
  g_return_if_fail (size > 0 && size <= MAX_THUMBNAIL_SIZE);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  queue_load (g_task_new (self, cancellable, callback, user_data),
              shoebox_photos_load_thumbnail_async, shoebox_photos_load_thumbnail, file_name, size);
}

/**
 * shoebox_photos_load_thumbnail_finish:
 * @self: a #ShoeboxPhotos
 * @result: the result given to the callback
 * @error: where to put the reason
 *
 * Returns: (transfer full) (nullable): the thumbnail, or %NULL with
 *   @error set
 */
GdkPixbuf *
shoebox_photos_load_thumbnail_finish (ShoeboxPhotos  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == shoebox_photos_load_thumbnail_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * shoebox_photos_load_pixbuf:
 * @self: a #ShoeboxPhotos
 * @file_name: a photo's name, as shoebox_photos_import() gave it
 * @max_size: the largest width and height, in pixels; 0 for full size
 * @cancellable: (nullable): a #GCancellable
 * @error: where to put the reason
 *
 * The photo for display or analysis (Compare's profile alignment), turned
 * by its EXIF orientation and shrunk (never enlarged) to fit in
 * @max_size × @max_size. Not cached. Blocks: call it from a thread, or
 * use shoebox_photos_load_pixbuf_async().
 *
 * Returns: (transfer full) (nullable): the image, or %NULL with @error set
 */
GdkPixbuf *
shoebox_photos_load_pixbuf (ShoeboxPhotos  *self,
                            const char     *file_name,
                            int             max_size,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_return_val_if_fail (SHOEBOX_IS_PHOTOS (self), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (max_size >= 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!shoebox_photos_check_file_name (file_name, error))
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return _shoebox_photos_decode_photo (self, file_name, max_size, cancellable, error);
}

/**
 * shoebox_photos_load_pixbuf_async:
 * @self: a #ShoeboxPhotos
 * @file_name: a photo's name, as shoebox_photos_import() gave it
 * @max_size: the largest width and height, in pixels; 0 for full size
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the current thread-default main context when done
 * @user_data: data for @callback
 *
 * shoebox_photos_load_pixbuf() on the shared pool of threads.
 */
void
shoebox_photos_load_pixbuf_async (ShoeboxPhotos       *self,
                                  const char          *file_name,
                                  int                  max_size,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (SHOEBOX_IS_PHOTOS (self));
  g_return_if_fail (file_name != NULL);
  g_return_if_fail (max_size >= 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  queue_load (g_task_new (self, cancellable, callback, user_data),
              shoebox_photos_load_pixbuf_async, shoebox_photos_load_pixbuf, file_name, max_size);
}

/**
 * shoebox_photos_load_pixbuf_finish:
 * @self: a #ShoeboxPhotos
 * @result: the result given to the callback
 * @error: where to put the reason
 *
 * Returns: (transfer full) (nullable): the image, or %NULL with @error set
 */
GdkPixbuf *
shoebox_photos_load_pixbuf_finish (ShoeboxPhotos  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == shoebox_photos_load_pixbuf_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
