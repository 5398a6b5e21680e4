/* shoebox-photos-import.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-photos"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <utime.h>

#include "shoebox-disk-space.h"
#include "shoebox-photos-private.h"

/* Imports: a file or an image in memory copied into the photos folder
 * under its content name, once it is known to be a whole image.
 */

/* An import decodes the whole image to prove it is one, but at this size:
 * JPEG then decodes at an eighth of its size, and no format keeps more
 * than a few pixels once the decode is over.
 */
#define VALIDATION_SIZE 64

typedef struct
{
  GBytes *bytes;
  char   *display_name;
} ImportBytesData;

static void
import_bytes_data_free (ImportBytesData *data)
{
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->display_name, g_free);
  g_free (data);
}

static char *
dup_extension_for_format (GdkPixbufFormat *format)
{
  g_autofree char *name = gdk_pixbuf_format_get_name (format);
  g_auto(GStrv) extensions = gdk_pixbuf_format_get_extensions (format);
  g_autofree char *extension = NULL;

  /* "jpeg" is the format's name and first extension, "jpg" what people see. */
  if (g_strcmp0 (name, "jpeg") == 0)
    return g_strdup ("jpg");

  extension = g_ascii_strdown (extensions != NULL && extensions[0] != NULL ? extensions[0] : "", -1);
  if (*extension == '\0' || strlen (extension) > MAX_EXTENSION_LENGTH)
    return g_strdup ("img");

  for (const char *c = extension; *c != '\0'; c++)
    if (!g_ascii_islower (*c) && !g_ascii_isdigit (*c))
      return g_strdup ("img");

  return g_steal_pointer (&extension);
}

static char *
dup_display_name_for_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL || g_strcmp0 (basename, "/") == 0)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length,
           GError      **error)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "%s", shoebox_disk_space_strerror (saved_errno));
          return FALSE;
        }

      data += written;
      length -= (gsize) written;
    }

  return TRUE;
}

static void
set_store_error (GError    **error,
                 const char *display_name,
                 GError     *cause)
{
  g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_FAILED,
               _("“%s” could not be saved in the photos folder: %s"),
               display_name, cause->message);
}

/* Copies @stream into @fd, hashing it and feeding it to a new *@loader,
 * and checks that it is a whole image. Leaves @fd open and *@loader, if
 * any, possibly unclosed.
 */
static void
set_damaged_error (GError     **error,
                   const char  *display_name)
{
  g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_DAMAGED,
               _("“%s” is damaged: the file ends before the image does"), display_name);
}

static gboolean
copy_and_check (GInputStream     *stream,
                int               fd,
                GChecksum        *checksum,
                GdkPixbufLoader **loader,
                DecodeLimits     *limits,
                const char       *display_name,
                GCancellable     *cancellable,
                GError          **error)
{
  g_autofree guint8 *buffer = g_malloc (COPY_CHUNK_SIZE);
  g_autoptr(GError) local_error = NULL;
  GdkPixbufFormat *format;
  PhotoEnd end;
  gint64 total = 0;
  gboolean closed;

  _shoebox_photos_end_init (&end);

  for (;;)
    {
      gssize n_read = g_input_stream_read (stream, buffer, COPY_CHUNK_SIZE, cancellable, &local_error);

      if (n_read < 0)
        {
          _shoebox_photos_set_unreadable_error (error, display_name, local_error);
          return FALSE;
        }

      if (n_read == 0)
        break;

      total += n_read;
      if (total > SHOEBOX_PHOTOS_MAX_FILE_SIZE)
        {
          _shoebox_photos_set_file_too_large_error (error, display_name);
          return FALSE;
        }

      g_checksum_update (checksum, buffer, n_read);
      _shoebox_photos_end_feed (&end, buffer, n_read);

      if (!_shoebox_photos_write_to_loader (loader, limits, buffer, n_read, &local_error) || limits->too_many_pixels)
        {
          if (limits->too_many_pixels)
            break;

          _shoebox_photos_set_not_an_image_error (error, display_name, local_error);
          return FALSE;
        }

      if (!write_all (fd, buffer, n_read, &local_error))
        {
          set_store_error (error, display_name, local_error);
          return FALSE;
        }
    }

  if (total == 0)
    {
      g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_EMPTY,
                   _("“%s” is empty"), display_name);
      return FALSE;
    }

  /* A file shorter than the loader's sniffing buffer is only decoded
   * here, so its size is known only now.
   */
  closed = limits->too_many_pixels || gdk_pixbuf_loader_close (*loader, &local_error);

  if (limits->too_many_pixels)
    {
      g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_TOO_LARGE,
                   _("“%s” is too large: Shoebox takes photos of up to %d megapixels"),
                   display_name, (int) (SHOEBOX_PHOTOS_MAX_PIXELS / 1000000));
      return FALSE;
    }

  /* A cut file is refused rather than imported with a warning: it is a
   * damaged photo, whose lost part gdk-pixbuf paints grey, and the user
   * still has the file to copy again from where it came. One cut in its
   * pixels is damaged whatever the loader says: glycin (gdk-pixbuf 2.44)
   * refuses a cut PNG outright, and "damaged" says more than "not an
   * image".
   */
  if (_shoebox_photos_end_is_cut_in_pixels (&end))
    {
      set_damaged_error (error, display_name);
      return FALSE;
    }

  if (!closed || gdk_pixbuf_loader_get_pixbuf (*loader) == NULL)
    {
      _shoebox_photos_set_not_an_image_error (error, display_name, local_error);
      return FALSE;
    }

  if (_shoebox_photos_end_is_missing (&end))
    {
      set_damaged_error (error, display_name);
      return FALSE;
    }

  /* A drawing (SVG) has no size of its own and is not a photo. */
  format = gdk_pixbuf_loader_get_format (*loader);
  if (format == NULL || gdk_pixbuf_format_is_scalable (format))
    {
      _shoebox_photos_set_not_an_image_error (error, display_name, NULL);
      return FALSE;
    }

  /* The photo is the user's data, and the database will point at it. */
  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_FAILED,
                   _("“%s” could not be saved in the photos folder: %s"),
                   display_name, shoebox_disk_space_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Moves the checked copy at @temp_path to its content name, or drops it
 * when the photos folder has that image already.
 */
static gboolean
store_copy (ShoeboxPhotos  *self,
            const char     *temp_path,
            const char     *file_name,
            const char     *display_name,
            GError        **error)
{
  g_autofree char *path = g_build_filename (self->photos_directory, file_name, NULL);
  GStatBuf temp_info;
  GStatBuf info;

  if (g_stat (temp_path, &temp_info) == 0
      && g_lstat (path, &info) == 0
      && S_ISREG (info.st_mode)
      && info.st_size == temp_info.st_size)
    {
      g_unlink (temp_path);
      /* A fresh date keeps it from shoebox_photos_remove_unreferenced()
       * until its new row is written.
       */
      g_utime (path, NULL);
      return TRUE;
    }

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_FAILED,
                   _("“%s” could not be saved in the photos folder: %s"),
                   display_name, shoebox_disk_space_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static char *
import_stream_with_limits (ShoeboxPhotos  *self,
                           GInputStream   *stream,
                           const char     *display_name,
                           DecodeLimits   *limits,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *extension = NULL;
  g_autofree char *file_name = NULL;
  gboolean copied;
  int fd;

  if (!_shoebox_photos_ensure_directory (self->photos_directory, &local_error))
    {
      set_store_error (error, display_name, local_error);
      return NULL;
    }

  temp_path = g_build_filename (self->photos_directory, TEMP_PREFIX "XXXXXX", NULL);
  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_FAILED,
                   _("“%s” could not be saved in the photos folder: %s"),
                   display_name, shoebox_disk_space_strerror (saved_errno));
      return NULL;
    }

  copied = copy_and_check (stream, fd, checksum, &loader, limits, display_name, cancellable, error);
  if (loader != NULL)
    gdk_pixbuf_loader_close (loader, NULL); /* A no-op when it is closed already. */
  g_close (fd, NULL);

  if (copied)
    {
      extension = dup_extension_for_format (gdk_pixbuf_loader_get_format (loader));
      file_name = g_strdup_printf ("%s.%s", g_checksum_get_string (checksum), extension);
      copied = store_copy (self, temp_path, file_name, display_name, error);
    }

  if (!copied)
    {
      g_unlink (temp_path);
      return NULL;
    }

  return g_steal_pointer (&file_name);
}

static char *
import_stream (ShoeboxPhotos  *self,
               GInputStream   *stream,
               const char     *display_name,
               GCancellable   *cancellable,
               GError        **error)
{
  DecodeLimits limits = { VALIDATION_SIZE, SHOEBOX_PHOTOS_MAX_PIXELS, FALSE, FALSE };
  char *file_name = import_stream_with_limits (self, stream, display_name, &limits, cancellable, error);

  /* The loader and its full-size image are gone by now. */
  _shoebox_photos_end_big_decode (&limits);
  return file_name;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  char *file_name = shoebox_photos_import (source_object, task_data, cancellable, &error);

  if (file_name == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, file_name, g_free);
}

static void
import_bytes_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ImportBytesData *data = task_data;
  GError *error = NULL;
  char *file_name = shoebox_photos_import_bytes (source_object, data->bytes, data->display_name,
                                                 cancellable, &error);

  if (file_name == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, file_name, g_free);
}

/**
 * shoebox_photos_import:
 * @self: a #ShoeboxPhotos
 * @source: the file the user picked, dropped or named
 * @cancellable: (nullable): a #GCancellable
 * @error: where to put the reason, in words for a toast naming the file
 *
 * Copies @source into the photos folder under its content name, once it
 * has checked that it is a whole image of at most
 * %SHOEBOX_PHOTOS_MAX_FILE_SIZE bytes and %SHOEBOX_PHOTOS_MAX_PIXELS
 * pixels. An image already there is not copied again. Nothing is written
 * on failure. Blocks: call it from a thread, or use
 * shoebox_photos_import_async().
 *
 * Returns: (transfer full) (nullable): the photo's file name, for the
 *   database, or %NULL with @error set
 */
char *
shoebox_photos_import (ShoeboxPhotos  *self,
                       GFile          *source,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  GFileType type;

  g_return_val_if_fail (SHOEBOX_IS_PHOTOS (self), NULL);
  g_return_val_if_fail (G_IS_FILE (source), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (source,
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      display_name = dup_display_name_for_file (source);
      _shoebox_photos_set_unreadable_error (error, display_name, local_error);
      return NULL;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME))
    display_name = g_strdup (g_file_info_get_display_name (info));
  else
    display_name = dup_display_name_for_file (source);

  /* Reading a FIFO would wait for a writer for ever, and a device has no
   * end: only plain files (or ones a backend cannot tell) are read.
   */
  type = g_file_info_get_file_type (info);
  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_UNREADABLE,
                   _("“%s” is a folder, not an image"), display_name);
      return NULL;
    }
  if (type != G_FILE_TYPE_REGULAR && type != G_FILE_TYPE_UNKNOWN)
    {
      g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_UNREADABLE,
                   _("“%s” is not a regular file"), display_name);
      return NULL;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    {
      goffset size = g_file_info_get_size (info);

      if (size > SHOEBOX_PHOTOS_MAX_FILE_SIZE)
        {
          _shoebox_photos_set_file_too_large_error (error, display_name);
          return NULL;
        }
    }

  stream = g_file_read (source, cancellable, &local_error);
  if (stream == NULL)
    {
      _shoebox_photos_set_unreadable_error (error, display_name, local_error);
      return NULL;
    }

  return import_stream (self, G_INPUT_STREAM (stream), display_name, cancellable, error);
}

/**
 * shoebox_photos_import_async:
 * @self: a #ShoeboxPhotos
 * @source: the file the user picked, dropped or named
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the current thread-default main context when done
 * @user_data: data for @callback
 *
 * shoebox_photos_import() on the shared pool of threads. Imports run in
 * the order they were asked for.
 */
void
shoebox_photos_import_async (ShoeboxPhotos       *self,
                             GFile               *source,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SHOEBOX_IS_PHOTOS (self));
  g_return_if_fail (G_IS_FILE (source));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_photos_import_async);
  g_task_set_task_data (task, g_object_ref (source), g_object_unref);
  _shoebox_photos_queue_job (g_steal_pointer (&task), import_thread, FALSE);
}

/**
 * shoebox_photos_import_finish:
 * @self: a #ShoeboxPhotos
 * @result: the result given to the callback
 * @error: where to put the reason, in words for a toast naming the file
 *
 * Returns: (transfer full) (nullable): the photo's file name, or %NULL
 *   with @error set
 */
char *
shoebox_photos_import_finish (ShoeboxPhotos  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == shoebox_photos_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * shoebox_photos_import_bytes:
 * @self: a #ShoeboxPhotos
 * @bytes: an image's bytes, such as a PNG of a pasted texture
 * @display_name: (nullable): how messages name the image; %NULL for
 *   “Pasted image”
 * @cancellable: (nullable): a #GCancellable
 * @error: where to put the reason
 *
 * shoebox_photos_import() for an image in memory.
 *
 * Returns: (transfer full) (nullable): the photo's file name, or %NULL
 *   with @error set
 */
char *
shoebox_photos_import_bytes (ShoeboxPhotos  *self,
                             GBytes         *bytes,
                             const char     *display_name,
                             GCancellable   *cancellable,
                             GError        **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (SHOEBOX_IS_PHOTOS (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("Pasted image");

  if (g_bytes_get_size (bytes) > SHOEBOX_PHOTOS_MAX_FILE_SIZE)
    {
      _shoebox_photos_set_file_too_large_error (error, display_name);
      return NULL;
    }

  stream = g_memory_input_stream_new_from_bytes (bytes);
  return import_stream (self, stream, display_name, cancellable, error);
}

/**
 * shoebox_photos_import_bytes_async:
 * @self: a #ShoeboxPhotos
 * @bytes: an image's bytes, such as a PNG of a pasted texture
 * @display_name: (nullable): how messages name the image
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the current thread-default main context when done
 * @user_data: data for @callback
 *
 * shoebox_photos_import_bytes() on the shared pool of threads.
 */
void
shoebox_photos_import_bytes_async (ShoeboxPhotos       *self,
                                   GBytes              *bytes,
                                   const char          *display_name,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportBytesData *data;

  g_return_if_fail (SHOEBOX_IS_PHOTOS (self));
  g_return_if_fail (bytes != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ImportBytesData, 1);
  data->bytes = g_bytes_ref (bytes);
  data->display_name = g_strdup (display_name);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_photos_import_bytes_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_bytes_data_free);
  _shoebox_photos_queue_job (g_steal_pointer (&task), import_bytes_thread, FALSE);
}

/**
 * shoebox_photos_import_bytes_finish:
 * @self: a #ShoeboxPhotos
 * @result: the result given to the callback
 * @error: where to put the reason
 *
 * Returns: (transfer full) (nullable): the photo's file name, or %NULL
 *   with @error set
 */
char *
shoebox_photos_import_bytes_finish (ShoeboxPhotos  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == shoebox_photos_import_bytes_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
