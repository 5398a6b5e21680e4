/* shoebox-photos-exif.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-photos"

#include "config.h"

#include <string.h>

#include "shoebox-photos-private.h"

/* The EXIF orientation of WebP photos. A WebP file keeps its EXIF in a
 * RIFF chunk of its own, which gdk-pixbuf's JPEG and TIFF loaders have no
 * part in: glycin (gdk-pixbuf 2.44) reads it, webp-pixbuf-loader (Debian
 * 12 and 13) does not, and a WebP photo taken sideways then showed
 * sideways. It is read here from the chunk, only where the loader gave
 * no orientation.
 */

#define MAX_EXIF_SIZE (64 * 1024)

static guint
read_16 (const guint8 *p,
         gboolean      big_endian)
{
  return big_endian ? (guint) (p[0] << 8 | p[1]) : (guint) (p[1] << 8 | p[0]);
}

static guint32
read_32 (const guint8 *p,
         gboolean      big_endian)
{
  return big_endian ? ((guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3])
                    : ((guint32) p[3] << 24 | (guint32) p[2] << 16 | (guint32) p[1] << 8 | p[0]);
}

/* The Orientation tag (1 to 8) of the first IFD of an EXIF block, or 0. */
static int
parse_exif_orientation (const guint8 *data,
                        gsize         length)
{
  gboolean big_endian;
  guint32 ifd;
  guint n_entries;

  /* Some writers keep JPEG's "Exif\0\0" in front of the TIFF header. */
  if (length >= 6 && memcmp (data, "Exif\0\0", 6) == 0)
    {
      data += 6;
      length -= 6;
    }

  if (length < 8)
    return 0;
  if (memcmp (data, "MM\0*", 4) == 0)
    big_endian = TRUE;
  else if (memcmp (data, "II*\0", 4) == 0)
    big_endian = FALSE;
  else
    return 0;

  ifd = read_32 (data + 4, big_endian);
  if (ifd < 8 || ifd > length - 2)
    return 0;

  n_entries = read_16 (data + ifd, big_endian);
  for (guint i = 0; i < n_entries; i++)
    {
      gsize entry = ifd + 2 + (gsize) i * 12;
      guint value;

      if (entry + 12 > length)
        break;
      if (read_16 (data + entry, big_endian) != 0x0112)
        continue;

      /* A SHORT: the first two bytes of the value field. */
      value = read_16 (data + entry + 8, big_endian);
      return value >= 1 && value <= 8 ? (int) value : 0;
    }

  return 0;
}

static gboolean
read_exactly (GInputStream  *stream,
              guint8        *buffer,
              gsize          length,
              GCancellable  *cancellable)
{
  gsize n_read = 0;

  return g_input_stream_read_all (stream, buffer, length, &n_read, cancellable, NULL) && n_read == length;
}

/* The EXIF orientation of the WebP file @path (1 to 8), or 0 when it has
 * none or cannot be read.
 */
int
_shoebox_photos_read_webp_orientation (const char   *path,
                                       GCancellable *cancellable)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, NULL);
  guint8 header[12];

  if (stream == NULL
      || !read_exactly (G_INPUT_STREAM (stream), header, sizeof header, cancellable)
      || memcmp (header, "RIFF", 4) != 0
      || memcmp (header + 8, "WEBP", 4) != 0)
    return 0;

  for (;;)
    {
      guint8 chunk[8];
      guint32 size;
      goffset skip;

      if (!read_exactly (G_INPUT_STREAM (stream), chunk, sizeof chunk, cancellable))
        return 0;
      size = read_32 (chunk + 4, FALSE);

      if (memcmp (chunk, "EXIF", 4) == 0)
        {
          g_autofree guint8 *exif = NULL;

          if (size > MAX_EXIF_SIZE)
            return 0;
          exif = g_malloc (size);
          if (!read_exactly (G_INPUT_STREAM (stream), exif, size, cancellable))
            return 0;
          return parse_exif_orientation (exif, size);
        }

      /* Chunks are padded to an even size. */
      skip = (goffset) size + (size & 1);
      if (!g_seekable_seek (G_SEEKABLE (stream), skip, G_SEEK_CUR, cancellable, NULL))
        return 0;
    }
}
