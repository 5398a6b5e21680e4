/* shoebox-photos-decode.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-photos"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shoebox-photos-private.h"

/* Decoding images with gdk-pixbuf, within limits, turned by their EXIF
 * orientation.
 */

static void
loader_size_prepared_cb (GdkPixbufLoader *loader,
                         int              width,
                         int              height,
                         gpointer         user_data)
{
  DecodeLimits *limits = user_data;
  double scale;

  if (width <= 0 || height <= 0)
    return;

  if (limits->max_pixels > 0 && (gint64) width * height > limits->max_pixels)
    {
      /* A size of 0 makes the loader stop before it allocates the image,
       * as gdk_pixbuf_get_file_info() does.
       */
      limits->too_many_pixels = TRUE;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }

  if (limits->max_size <= 0 || (width <= limits->max_size && height <= limits->max_size))
    return; /* Never scaled up. */

  scale = MIN ((double) limits->max_size / width, (double) limits->max_size / height);
  gdk_pixbuf_loader_set_size (loader,
                              CLAMP ((int) (width * scale), 1, limits->max_size),
                              CLAMP ((int) (height * scale), 1, limits->max_size));
}

/* Shrinks @pixbuf, if needed, to fit in @max_size × @max_size (the loader
 * rounds its scaled size up by a pixel at times).
 */
static GdkPixbuf *
fit_pixbuf (GdkPixbuf *pixbuf,
            int        max_size)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  double scale;

  if (max_size <= 0 || (width <= max_size && height <= max_size))
    return g_object_ref (pixbuf);

  scale = MIN ((double) max_size / width, (double) max_size / height);
  return gdk_pixbuf_scale_simple (pixbuf,
                                  CLAMP ((int) (width * scale + 0.5), 1, max_size),
                                  CLAMP ((int) (height * scale + 0.5), 1, max_size),
                                  GDK_INTERP_BILINEAR);
}

/* gdk-pixbuf tells formats apart through GIO's MIME database, which a
 * sandbox or a minimal system may lack: the common photo formats are
 * recognised here from their first bytes, the rest left to gdk-pixbuf.
 */
static GdkPixbufLoader *
new_loader_for_header (const guint8 *data,
                       gsize         length,
                       DecodeLimits *limits)
{
  static const struct
  {
    const char *type;
    gsize       offset;
    const char *magic;
    gsize       magic_length;
  } signatures[] = {
    { "png", 0, "\x89PNG\r\n\x1a\n", 8 },
    { "jpeg", 0, "\xff\xd8\xff", 3 },
    { "gif", 0, "GIF8", 4 },
    { "tiff", 0, "II*\0", 4 },
    { "tiff", 0, "MM\0*", 4 },
    { "webp", 8, "WEBP", 4 },
  };
  GdkPixbufLoader *loader = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (signatures) && loader == NULL; i++)
    if (length >= signatures[i].offset + signatures[i].magic_length
        && memcmp (data + signatures[i].offset, signatures[i].magic, signatures[i].magic_length) == 0)
      loader = gdk_pixbuf_loader_new_with_type (signatures[i].type, NULL); /* NULL: no such module */

  if (loader == NULL)
    loader = gdk_pixbuf_loader_new ();

  g_signal_connect (loader, "size-prepared", G_CALLBACK (loader_size_prepared_cb), limits);
  return loader;
}

/* Feeds @data to *@loader, made from the first bytes on the first call. */
gboolean
_shoebox_photos_write_to_loader (GdkPixbufLoader **loader,
                                 DecodeLimits     *limits,
                                 const guint8     *data,
                                 gsize             length,
                                 GError          **error)
{
  if (*loader == NULL)
    *loader = new_loader_for_header (data, length, limits);

  return gdk_pixbuf_loader_write (*loader, data, length, error);
}

/* Decodes a stored photo to fit in @max_size × @max_size (0: full size),
 * turned the way its EXIF orientation says.
 */
GdkPixbuf *
_shoebox_photos_decode_photo (ShoeboxPhotos  *self,
                              const char     *file_name,
                              int             max_size,
                              GCancellable   *cancellable,
                              GError        **error)
{
  g_autofree char *path = g_build_filename (self->photos_directory, file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *buffer = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;
  DecodeLimits limits = { max_size, 0, FALSE };
  GdkPixbuf *decoded = NULL;
  gint64 total = 0;
  gboolean read_ok = TRUE;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_MISSING,
                     _("The photo “%s” is missing from the photos folder"), file_name);
      else
        _shoebox_photos_set_unreadable_error (error, file_name, local_error);
      return NULL;
    }

  buffer = g_malloc (COPY_CHUNK_SIZE);

  while (read_ok)
    {
      gssize n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer, COPY_CHUNK_SIZE,
                                           cancellable, &local_error);

      if (n_read < 0)
        {
          _shoebox_photos_set_unreadable_error (error, file_name, local_error);
          read_ok = FALSE;
        }
      else if (n_read == 0)
        {
          break;
        }
      else if ((total += n_read) > SHOEBOX_PHOTOS_MAX_FILE_SIZE)
        {
          _shoebox_photos_set_file_too_large_error (error, file_name);
          read_ok = FALSE;
        }
      else if (!_shoebox_photos_write_to_loader (&loader, &limits, buffer, n_read, &local_error))
        {
          _shoebox_photos_set_not_an_image_error (error, file_name, local_error);
          read_ok = FALSE;
        }
    }

  if (!read_ok)
    {
      if (loader != NULL)
        gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }

  if (loader == NULL /* empty */
      || !gdk_pixbuf_loader_close (loader, &local_error)
      || (decoded = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    {
      _shoebox_photos_set_not_an_image_error (error, file_name, local_error);
      return NULL;
    }

  oriented = gdk_pixbuf_apply_embedded_orientation (decoded);
  if (oriented == NULL)
    {
      _shoebox_photos_set_not_an_image_error (error, file_name, NULL);
      return NULL;
    }

  return fit_pixbuf (oriented, max_size);
}
