/* shoebox-photos-end.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-photos"

#include "config.h"

#include <string.h>

#include "shoebox-photos-private.h"

/* Whether a JPEG or PNG file reaches its end. gdk-pixbuf decodes a cut
 * file as far as it goes and shows the rest grey, without an error (a
 * JPEG cut after its header, a PNG anywhere after its header), so an
 * import would keep a damaged photo as if it were whole. The formats say
 * where they end: a JPEG with its EOI marker, a PNG with its IEND chunk.
 * Their structure is followed here, as the bytes go by, so that markers
 * inside segments (an EXIF thumbnail is a whole JPEG of its own) do not
 * count. Bytes after the end are allowed: some phones append data there.
 */

enum
{
  STATE_SNIFF,        /* collecting the first bytes */
  STATE_OTHER,        /* not JPEG or PNG: nothing to check */
  STATE_DONE,         /* the end was seen */

  STATE_PNG_CHUNK,    /* collecting a chunk's length and type */

  STATE_JPEG_MARKER,  /* waiting for the 0xFF of the next marker */
  STATE_JPEG_CODE,    /* the byte after 0xFF */
  STATE_JPEG_LENGTH,  /* collecting a segment's length */
  STATE_JPEG_SCAN,    /* entropy-coded data, up to the next real marker */
  STATE_JPEG_SCAN_FF, /* the byte after 0xFF in a scan */
};

#define JPEG_SOI  0xd8
#define JPEG_EOI  0xd9
#define JPEG_SOS  0xda
#define JPEG_RST0 0xd0
#define JPEG_RST7 0xd7
#define JPEG_TEM  0x01

static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

void
_shoebox_photos_end_init (PhotoEnd *end)
{
  memset (end, 0, sizeof *end);
  end->state = STATE_SNIFF;
}

static void
jpeg_code (PhotoEnd *end,
           guint8    code)
{
  if (code == 0xff)
    end->state = STATE_JPEG_CODE; /* fill bytes before a marker */
  else if (code == JPEG_EOI)
    end->state = STATE_DONE;
  else if (code == JPEG_SOI || code == JPEG_TEM || code == 0x00 || (code >= JPEG_RST0 && code <= JPEG_RST7))
    end->state = STATE_JPEG_MARKER; /* markers without a segment */
  else
    {
      end->in_scan = code == JPEG_SOS;
      end->in_pixels |= end->in_scan;
      end->n_header = 0;
      end->state = STATE_JPEG_LENGTH;
    }
}

static void
feed_byte (PhotoEnd *end,
           guint8    byte)
{
  switch (end->state)
    {
    case STATE_PNG_CHUNK:
      end->header[end->n_header++] = byte;
      if (end->n_header == 8)
        {
          guint64 length = ((guint64) end->header[0] << 24) | ((guint64) end->header[1] << 16)
                           | ((guint64) end->header[2] << 8) | end->header[3];

          /* The chunk's data and its CRC; IEND's CRC ends the file. */
          end->skip = length + 4;
          end->n_header = 0;
          if (memcmp (end->header + 4, "IDAT", 4) == 0)
            end->in_pixels = TRUE;
          if (memcmp (end->header + 4, "IEND", 4) == 0)
            end->state = STATE_DONE;
        }
      break;

    case STATE_JPEG_MARKER:
      /* Anything else is junk between segments, which decoders skip. */
      if (byte == 0xff)
        end->state = STATE_JPEG_CODE;
      break;

    case STATE_JPEG_CODE:
      jpeg_code (end, byte);
      break;

    case STATE_JPEG_LENGTH:
      end->header[end->n_header++] = byte;
      if (end->n_header == 2)
        {
          guint length = ((guint) end->header[0] << 8) | end->header[1];

          /* The length counts its own two bytes. */
          end->skip = length > 2 ? length - 2 : 0;
          end->state = end->in_scan ? STATE_JPEG_SCAN : STATE_JPEG_MARKER;
        }
      break;

    case STATE_JPEG_SCAN:
      if (byte == 0xff)
        end->state = STATE_JPEG_SCAN_FF;
      break;

    case STATE_JPEG_SCAN_FF:
      /* 0x00 is a stuffed 0xFF of the data, RSTn a restart inside the
       * scan; any other marker ends the scan.
       */
      if (byte == 0x00 || (byte >= JPEG_RST0 && byte <= JPEG_RST7))
        end->state = STATE_JPEG_SCAN;
      else if (byte != 0xff)
        jpeg_code (end, byte);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Decides the format from the first bytes, then follows the bytes that
 * came with them.
 */
static void
sniff (PhotoEnd *end)
{
  guint8 first[sizeof end->header];
  guint n_first = end->n_header;

  memcpy (first, end->header, n_first);
  end->n_header = 0;

  if (n_first == sizeof png_signature && memcmp (first, png_signature, sizeof png_signature) == 0)
    end->state = STATE_PNG_CHUNK;
  else if (n_first >= 2 && first[0] == 0xff && first[1] == JPEG_SOI)
    {
      end->state = STATE_JPEG_MARKER;
      _shoebox_photos_end_feed (end, first + 2, n_first - 2);
    }
  else
    end->state = STATE_OTHER;
}

void
_shoebox_photos_end_feed (PhotoEnd     *end,
                          const guint8 *data,
                          gsize         length)
{
  gsize i = 0;

  while (i < length)
    {
      if (end->skip > 0)
        {
          gsize n = (gsize) MIN (end->skip, (guint64) (length - i));

          end->skip -= n;
          i += n;
        }
      else if (end->state == STATE_DONE || end->state == STATE_OTHER)
        {
          return;
        }
      else if (end->state == STATE_SNIFF)
        {
          end->header[end->n_header++] = data[i++];
          if (end->n_header == sizeof png_signature)
            sniff (end);
        }
      else if (end->state == STATE_JPEG_SCAN)
        {
          /* Most of a JPEG is scan data: find its next 0xFF fast. */
          const guint8 *ff = memchr (data + i, 0xff, length - i);

          if (ff == NULL)
            return;
          i = (gsize) (ff - data) + 1;
          end->state = STATE_JPEG_SCAN_FF;
        }
      else
        {
          feed_byte (end, data[i++]);
        }
    }
}

/**
 * _shoebox_photos_end_is_missing:
 * @end: a #PhotoEnd fed with a whole file
 *
 * Returns: %TRUE when the file is a JPEG or PNG that stops before its end
 */
gboolean
_shoebox_photos_end_is_missing (PhotoEnd *end)
{
  /* A file shorter than a PNG signature is still told apart here. */
  if (end->state == STATE_SNIFF)
    sniff (end);

  if (end->state == STATE_OTHER)
    return FALSE;

  return end->state != STATE_DONE || end->skip > 0;
}

/**
 * _shoebox_photos_end_is_cut_in_pixels:
 * @end: a #PhotoEnd fed with a whole file
 *
 * A file cut before its pixels began is not an image at all; one cut in
 * them is a damaged one, whatever a loader makes of it.
 *
 * Returns: %TRUE when the file is a JPEG or PNG that stops after its
 *   pixels began and before its end
 */
gboolean
_shoebox_photos_end_is_cut_in_pixels (PhotoEnd *end)
{
  return _shoebox_photos_end_is_missing (end) && end->in_pixels;
}
