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

  if ((gint64) width * height > SHOEBOX_PHOTOS_BIG_DECODE_PIXELS)
    _shoebox_photos_begin_big_decode (limits);

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

/* The first enabled format that reads @mime_type, or %NULL. */
static char *
dup_format_name_for_mime_type (const char *mime_type)
{
  GSList *formats = gdk_pixbuf_get_formats ();
  char *name = NULL;

  for (GSList *l = formats; l != NULL && name == NULL; l = l->next)
    {
      g_auto(GStrv) mime_types = NULL;

      if (gdk_pixbuf_format_is_disabled (l->data))
        continue;
      mime_types = gdk_pixbuf_format_get_mime_types (l->data);
      if (mime_types != NULL && g_strv_contains ((const char * const *) mime_types, mime_type))
        name = gdk_pixbuf_format_get_name (l->data);
    }

  g_slist_free (formats);
  return name;
}

/* HEIC and AVIF photos are ISO base media files that open with an "ftyp"
 * box, whose brands say how the image is coded: the major brand, then
 * the compatible ones (a "mif1" file says it only there). Sets the MIME
 * type and the name people know the format by.
 */
static gboolean
sniff_heif (const guint8  *data,
            gsize          length,
            const char   **mime_type,
            const char   **format)
{
  static const char hevc_brands[][5] = { "heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs" };
  static const char av1_brands[][5] = { "avif", "avis" };
  gsize box_size;

  if (length < 16 || memcmp (data + 4, "ftyp", 4) != 0)
    return FALSE;

  box_size = ((gsize) data[0] << 24) | ((gsize) data[1] << 16) | ((gsize) data[2] << 8) | data[3];
  box_size = MIN (box_size, length);
  for (gsize offset = 8; offset + 4 <= box_size; offset += 4)
    {
      if (offset == 12)
        continue; /* the minor version, not a brand */

      for (guint i = 0; i < G_N_ELEMENTS (hevc_brands); i++)
        if (memcmp (data + offset, hevc_brands[i], 4) == 0)
          {
            *mime_type = "image/heif";
            *format = "HEIC";
            return TRUE;
          }
      for (guint i = 0; i < G_N_ELEMENTS (av1_brands); i++)
        if (memcmp (data + offset, av1_brands[i], 4) == 0)
          {
            *mime_type = "image/avif";
            *format = "AVIF";
            return TRUE;
          }
    }

  return FALSE;
}

/**
 * shoebox_photos_new_loader:
 * @data: the first bytes of an image, as many as there are (a few dozen
 *   are enough)
 * @length: the length of @data
 * @error: where to put the reason
 *
 * Makes a loader for an image that starts with @data. gdk-pixbuf tells
 * formats apart through GIO's MIME database, which a sandbox or a minimal
 * system may lack: the common photo formats are recognised here from
 * their first bytes, the rest left to gdk-pixbuf. HEIC, WebP and AVIF
 * need a loader that may not be installed: for them that is said, rather
 * than "not an image".
 *
 * Returns: (transfer full) (nullable): a loader to write the whole image
 *   to, or %NULL with @error set to %SHOEBOX_PHOTOS_ERROR_NO_LOADER
 */
GdkPixbufLoader *
shoebox_photos_new_loader (const guint8 *data,
                           gsize         length,
                           GError      **error)
{
  static const struct
  {
    const char *mime_type;
    const char *format;   /* the name people know, when its loader is optional */
    gsize       offset;
    const char *magic;
    gsize       magic_length;
  } signatures[] = {
    { "image/png", NULL, 0, "\x89PNG\r\n\x1a\n", 8 },
    { "image/jpeg", NULL, 0, "\xff\xd8\xff", 3 },
    { "image/gif", NULL, 0, "GIF8", 4 },
    { "image/tiff", NULL, 0, "II*\0", 4 },
    { "image/tiff", NULL, 0, "MM\0*", 4 },
    { "image/webp", "WebP", 8, "WEBP", 4 },
  };
  const char *mime_type = NULL;
  const char *format = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (signatures) && mime_type == NULL; i++)
    if (length >= signatures[i].offset + signatures[i].magic_length
        && memcmp (data + signatures[i].offset, signatures[i].magic, signatures[i].magic_length) == 0)
      {
        mime_type = signatures[i].mime_type;
        format = signatures[i].format;
      }

  if (mime_type == NULL && !sniff_heif (data, length, &mime_type, &format))
    return gdk_pixbuf_loader_new ();

  name = dup_format_name_for_mime_type (mime_type);
  if (name == NULL && format != NULL)
    {
      /* TRANSLATORS: %s is an image format: HEIC, WebP or AVIF */
      g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_NO_LOADER,
                   _("No image loader for %s is installed"), format);
      return NULL;
    }

  if (name != NULL)
    {
      GdkPixbufLoader *loader = gdk_pixbuf_loader_new_with_type (name, NULL); /* NULL: no such module */

      if (loader != NULL)
        return loader;
    }

  return gdk_pixbuf_loader_new ();
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
    {
      *loader = shoebox_photos_new_loader (data, length, error);
      if (*loader == NULL)
        return FALSE;
      g_signal_connect (*loader, "size-prepared", G_CALLBACK (loader_size_prepared_cb), limits);
    }

  return gdk_pixbuf_loader_write (*loader, data, length, error);
}

static gboolean
is_webp (GdkPixbufFormat *format)
{
  g_auto(GStrv) mime_types = format != NULL ? gdk_pixbuf_format_get_mime_types (format) : NULL;

  return mime_types != NULL && g_strv_contains ((const char * const *) mime_types, "image/webp");
}

static GdkPixbuf *
decode_photo (ShoeboxPhotos  *self,
              const char     *file_name,
              DecodeLimits   *limits,
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
  int max_size = limits->max_size;
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
      else if (!_shoebox_photos_write_to_loader (&loader, limits, buffer, n_read, &local_error))
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

  if (gdk_pixbuf_get_option (decoded, "orientation") == NULL && is_webp (gdk_pixbuf_loader_get_format (loader)))
    {
      int orientation = _shoebox_photos_read_webp_orientation (path, cancellable);

      if (orientation > 1)
        {
          char value[2] = { (char) ('0' + orientation), '\0' };

          gdk_pixbuf_set_option (decoded, "orientation", value);
        }
    }

  oriented = gdk_pixbuf_apply_embedded_orientation (decoded);
  if (oriented == NULL)
    {
      _shoebox_photos_set_not_an_image_error (error, file_name, NULL);
      return NULL;
    }

  return fit_pixbuf (oriented, max_size);
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
  DecodeLimits limits = { max_size, 0, FALSE, FALSE };
  GdkPixbuf *pixbuf = decode_photo (self, file_name, &limits, cancellable, error);

  /* decode_photo() has dropped the loader and its full-size image. */
  _shoebox_photos_end_big_decode (&limits);
  return pixbuf;
}
