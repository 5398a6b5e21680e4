/* test-photos.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "shoebox-photos.h"
#include "shoebox-test-images.h"

/* Each case runs with its own empty XDG folders (G_TEST_OPTION_ISOLATE_DIRS),
 * so the photos and thumbnails folders start empty every time. Images are
 * made here with gdk-pixbuf, but for the HEIC, WebP and AVIF samples in
 * tests/data/photos, which gdk-pixbuf cannot write (make-samples.sh there
 * made them).
 */

#define WAIT_TIMEOUT_SECONDS 60
#define HOUR_SECONDS         3600

typedef struct
{
  GAsyncResult *result;
  gint64        finished_at;
} AsyncWait;

/* Ticks of a 10 ms timeout, to see whether the main loop stalls.
 *
 * A gap counts only the time the main thread was not kept waiting for a
 * CPU: on a loaded two-core CI machine, under the sanitizers, the
 * scheduler alone can hold the thread back for over 100 ms, and that is
 * no stall of ours. Work done on the main thread, or the main thread
 * waiting for a worker, still counts in full.
 */
typedef struct
{
  gint64 last;
  gint64 last_queue_wait;
  gint64 longest_gap;
  guint  n_ticks;
} TickMeter;

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncWait *wait = user_data;

  g_assert_null (wait->result);
  wait->result = g_object_ref (result);
  wait->finished_at = g_get_monotonic_time ();
}

static gboolean
wait_timed_out_cb (gpointer user_data)
{
  g_error ("An asynchronous operation took over %d s", WAIT_TIMEOUT_SECONDS);
  return G_SOURCE_REMOVE;
}

static void
wait_for (AsyncWait *wait)
{
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, wait_timed_out_cb, NULL);

  while (wait->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (timeout_id);
}

/* Microseconds this thread has spent runnable but waiting for a CPU,
 * the second field of the kernel's schedstat; 0 where the kernel does
 * not report it, so that every gap then counts in full.
 */
static gint64
queue_wait_of_this_thread (void)
{
  g_autofree char *contents = NULL;
  guint64 running_ns = 0;
  guint64 waiting_ns = 0;

  if (!g_file_get_contents ("/proc/thread-self/schedstat", &contents, NULL, NULL) ||
      sscanf (contents, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &running_ns, &waiting_ns) != 2)
    return 0;

  return (gint64) (waiting_ns / 1000);
}

static void
tick_meter_start (TickMeter *meter)
{
  meter->last = g_get_monotonic_time ();
  meter->last_queue_wait = queue_wait_of_this_thread ();
  meter->longest_gap = 0;
  meter->n_ticks = 0;
}

static gboolean
tick_cb (gpointer user_data)
{
  TickMeter *meter = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 queue_wait = queue_wait_of_this_thread ();
  gint64 gap = (now - meter->last) - (queue_wait - meter->last_queue_wait);

  meter->longest_gap = MAX (meter->longest_gap, gap);
  meter->last = now;
  meter->last_queue_wait = queue_wait;
  meter->n_ticks++;
  return G_SOURCE_CONTINUE;
}

static char *
dup_photos_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "shoebox", "photos", NULL);
}

/* Source files live in the case's own isolated home, not in the shared
 * temporary folder.
 */
static char *
dup_temp_path (const char *name)
{
  g_autofree char *folder = g_build_filename (g_get_home_dir (), "sources", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  return g_build_filename (folder, name, NULL);
}

/* Files in the photos folder, temporary ones included; 0 when there is no
 * folder at all.
 */
static guint
count_photo_files (void)
{
  g_autofree char *folder = dup_photos_dir ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static char *
dup_sha256_of_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* A @width × @height image whose left half is @left and right half @right
 * (0xRRGGBB), so a turn shows in the pixels.
 */
static GdkPixbuf *
make_pixbuf (int     width,
             int     height,
             guint32 left,
             guint32 right)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 colour = x < width / 2 ? left : right;
        guint8 *p = pixels + y * rowstride + x * 3;

        p[0] = (colour >> 16) & 0xff;
        p[1] = (colour >> 8) & 0xff;
        p[2] = colour & 0xff;
      }

  return g_steal_pointer (&pixbuf);
}

static char *
write_png (const char *name,
           int         width,
           int         height,
           guint32     left,
           guint32     right)
{
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (width, height, left, right);
  g_autoptr(GError) error = NULL;
  char *path = dup_temp_path (name);

  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_assert_no_error (error);
  return path;
}

static void
write_file (const char   *path,
            const guint8 *data,
            gsize         length)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, (const char *) data, (gssize) length, &error));
  g_assert_no_error (error);
}

/* A JPEG whose EXIF says "turn 90° clockwise to show" (orientation 6).
 * gdk-pixbuf's JPEG saver writes no EXIF, so a minimal APP1 segment goes
 * in after the SOI marker: a big-endian TIFF header and one IFD with the
 * Orientation tag (0x0112, SHORT, 1 value).
 */
static GBytes *
make_jpeg_with_orientation (int    width,
                            int    height,
                            guint8 orientation)
{
  const guint8 app1[] = {
    0xff, 0xe1, 0x00, 0x22,             /* APP1, 34 bytes with this length */
    'E', 'x', 'i', 'f', 0x00, 0x00,
    'M', 'M', 0x00, 0x2a,               /* TIFF, big-endian */
    0x00, 0x00, 0x00, 0x08,             /* first IFD right after */
    0x00, 0x01,                         /* one entry */
    0x01, 0x12, 0x00, 0x03,             /* Orientation, SHORT */
    0x00, 0x00, 0x00, 0x01,             /* one value */
    0x00, orientation, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,             /* no next IFD */
  };
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (width, height, 0xff0000, 0x0000ff);
  g_autoptr(GError) error = NULL;
  g_autofree char *jpeg = NULL;
  GByteArray *bytes = g_byte_array_new ();
  gsize length = 0;

  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &length, "jpeg", &error, "quality", "95", NULL));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 2);
  g_assert_cmpint ((guint8) jpeg[0], ==, 0xff);
  g_assert_cmpint ((guint8) jpeg[1], ==, 0xd8);

  g_byte_array_append (bytes, (const guint8 *) jpeg, 2);
  g_byte_array_append (bytes, app1, sizeof app1);
  g_byte_array_append (bytes, (const guint8 *) jpeg + 2, (guint) (length - 2));
  return g_byte_array_free_to_bytes (bytes);
}

static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         length)
{
  crc = ~crc;
  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int bit = 0; bit < 8; bit++)
        crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
    }
  return ~crc;
}

static void
append_png_chunk (GByteArray   *png,
                  const char   *type,
                  const guint8 *data,
                  guint32       length)
{
  guint8 be[4] = { length >> 24, length >> 16, length >> 8, length };
  guint32 crc;

  g_byte_array_append (png, be, 4);
  g_byte_array_append (png, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (png, data, length);

  crc = crc32_update (0, (const guint8 *) type, 4);
  crc = crc32_update (crc, data, length);
  be[0] = crc >> 24;
  be[1] = crc >> 16;
  be[2] = crc >> 8;
  be[3] = crc;
  g_byte_array_append (png, be, 4);
}

/* A tiny PNG that claims to be 20000 × 20000 pixels: 400 megapixels, and
 * 1.2 GB once decoded.
 */
static GBytes *
make_pixel_bomb (void)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 header[] = {
    0x00, 0x00, 0x4e, 0x20, 0x00, 0x00, 0x4e, 0x20, /* 20000 × 20000 */
    8, 2, 0, 0, 0,                                  /* 8-bit RGB */
  };
  static const guint8 deflate_start[] = { 0x78, 0x9c };
  GByteArray *png = g_byte_array_new ();

  g_byte_array_append (png, signature, sizeof signature);
  append_png_chunk (png, "IHDR", header, sizeof header);
  append_png_chunk (png, "IDAT", deflate_start, sizeof deflate_start);
  append_png_chunk (png, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (png);
}

/* Sets a file's times @seconds in the past. */
static void
age_file (const char *path,
          int         seconds)
{
  struct utimbuf times;

  times.actime = time (NULL) - seconds;
  times.modtime = times.actime;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

/* gdk_pixbuf_new_from_file() would need the MIME database. */
static GdkPixbuf *
load_png_file (const char  *path,
               GError     **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_type ("png", error);
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_nonnull (loader);
  if (!g_file_get_contents (path, &data, &length, error)
      || !gdk_pixbuf_loader_write (loader, (const guint8 *) data, length, error)
      || !gdk_pixbuf_loader_close (loader, error))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }

  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

static char *
import_file (ShoeboxPhotos *photos,
             const char    *path,
             GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AsyncWait wait = { NULL, 0 };
  char *file_name;

  shoebox_photos_import_async (photos, file, NULL, async_done_cb, &wait);
  wait_for (&wait);
  file_name = shoebox_photos_import_finish (photos, wait.result, error);
  g_object_unref (wait.result);
  return file_name;
}

static GdkPixbuf *
load_thumbnail (ShoeboxPhotos *photos,
                const char    *file_name,
                int            size,
                GError       **error)
{
  AsyncWait wait = { NULL, 0 };
  GdkPixbuf *pixbuf;

  shoebox_photos_load_thumbnail_async (photos, file_name, size, NULL, async_done_cb, &wait);
  wait_for (&wait);
  pixbuf = shoebox_photos_load_thumbnail_finish (photos, wait.result, error);
  g_object_unref (wait.result);
  return pixbuf;
}

static char *
dup_thumbnail_path (const char *file_name,
                    int         size)
{
  g_autofree char *size_name = g_strdup_printf ("%d", size);
  g_autofree char *hash = g_strndup (file_name, 64);
  g_autofree char *base = g_strconcat (hash, ".png", NULL);

  return g_build_filename (g_get_user_cache_dir (), "shoebox", "thumbnails", size_name, base, NULL);
}

/* The colour at (x, y), as 0xRRGGBB. */
static guint32
pixel_at (GdkPixbuf *pixbuf,
          int        x,
          int        y)
{
  const guint8 *p = gdk_pixbuf_read_pixels (pixbuf)
                    + y * gdk_pixbuf_get_rowstride (pixbuf)
                    + x * gdk_pixbuf_get_n_channels (pixbuf);

  return ((guint32) p[0] << 16) | ((guint32) p[1] << 8) | p[2];
}

static gboolean
is_reddish (guint32 colour)
{
  return ((colour >> 16) & 0xff) > 180 && (colour & 0xff) < 80;
}

static gboolean
is_bluish (guint32 colour)
{
  return (colour & 0xff) > 180 && ((colour >> 16) & 0xff) < 80;
}

static void
test_file_name_validation (void)
{
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *photos_dir = dup_photos_dir ();
  const char *valid = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.jpg";
  const char *invalid[] = {
    "../x",
    "a/b",
    "",
    ".",
    "..",
    "/etc/passwd",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.",
    "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef.jpg",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.JPG",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.jpegxl",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.jp/g",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef../x",
    "../0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.jpg",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.jpg\n",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde.jpg",
  };

  g_assert_true (shoebox_photos_check_file_name (valid, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_assert_false (shoebox_photos_check_file_name (invalid[i], &error));
      g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_INVALID_NAME);
      g_clear_error (&error);
    }

  g_assert_null (shoebox_photos_dup_path (photos, "../x", &error));
  g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_INVALID_NAME);
  g_assert_cmpstr (error->message, ==, "“../x” is not the name of a Shoebox photo");
  g_clear_error (&error);

  g_assert_null (shoebox_photos_dup_path (photos, "a/b", &error));
  g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_INVALID_NAME);
  g_clear_error (&error);

  /* Asynchronous loads refuse them too, before any file is touched. */
  {
    AsyncWait wait = { NULL, 0 };
    g_autoptr(GdkPixbuf) pixbuf = NULL;

    shoebox_photos_load_thumbnail_async (photos, "../x", 64, NULL, async_done_cb, &wait);
    wait_for (&wait);
    pixbuf = shoebox_photos_load_thumbnail_finish (photos, wait.result, &error);
    g_assert_null (pixbuf);
    g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_INVALID_NAME);
    g_clear_error (&error);
    g_clear_object (&wait.result);

    shoebox_photos_load_pixbuf_async (photos, "a/b", 64, NULL, async_done_cb, &wait);
    wait_for (&wait);
    g_assert_null (shoebox_photos_load_pixbuf_finish (photos, wait.result, &error));
    g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_INVALID_NAME);
    g_clear_error (&error);
    g_clear_object (&wait.result);
  }

  file = shoebox_photos_dup_path (photos, valid, &error);
  g_assert_no_error (error);
  expected = g_build_filename (photos_dir, valid, NULL);
  g_assert_cmpstr (g_file_peek_path (file), ==, expected);
  g_assert_cmpstr (shoebox_photos_get_photos_directory (photos), ==, photos_dir);
}

/* The sample photos in the formats phones and shops use, made by
 * tests/data/photos/make-samples.sh: 48 × 32, red on the left, blue on
 * the right; sample-turned.avif shown a quarter turn anticlockwise by its
 * irot property, sample-exif.webp a quarter turn clockwise by its EXIF
 * orientation.
 */
typedef enum
{
  TURN_NONE,
  TURN_ANTICLOCKWISE, /* blue on top, red below */
  TURN_CLOCKWISE,     /* red on top, blue below */
} Turn;

typedef struct
{
  const char *name;
  const char *mime_type;
  int         width;   /* as shown */
  int         height;
  Turn        turn;
} Sample;

static const Sample samples[] = {
  { "sample.webp", "image/webp", 48, 32, TURN_NONE },
  { "sample.heic", "image/heif", 48, 32, TURN_NONE },
  { "sample.avif", "image/avif", 48, 32, TURN_NONE },
  { "sample-turned.avif", "image/avif", 32, 48, TURN_ANTICLOCKWISE },
  { "sample-exif.webp", "image/webp", 32, 48, TURN_CLOCKWISE },
};

static char *
dup_sample_path (const char *name)
{
  const char *source_dir = g_getenv ("SHOEBOX_SOURCE_DIR");

  g_assert_nonnull (source_dir);
  return g_build_filename (source_dir, "tests", "data", "photos", name, NULL);
}

/* The loaders come from build-aux/install-deps.sh: without them these
 * cases fail rather than pass for nothing.
 */
static void
assert_loader_for (const char *mime_type)
{
  g_autoptr(GPtrArray) formats = shoebox_test_find_formats (mime_type);

  if (formats->len == 0)
    g_test_message ("No gdk-pixbuf loader reads %s here: build-aux/install-deps.sh installs one", mime_type);
  g_assert_cmpuint (formats->len, >, 0);
}

/* Disables every loader of @mime_type (gdk_pixbuf_format_set_disabled(),
 * as an administrator may), as if its package were not installed.
 * Returns the formats to enable again with enable_formats().
 */
static GPtrArray *
disable_formats (const char *mime_type)
{
  GPtrArray *formats = shoebox_test_find_formats (mime_type);

  for (guint i = 0; i < formats->len; i++)
    gdk_pixbuf_format_set_disabled (g_ptr_array_index (formats, i), TRUE);
  return formats;
}

static void
enable_formats (GPtrArray *formats)
{
  for (guint i = 0; i < formats->len; i++)
    gdk_pixbuf_format_set_disabled (g_ptr_array_index (formats, i), FALSE);
  g_ptr_array_unref (formats);
}

/* The image MIME types gdk-pixbuf reads now, worked out apart from the
 * code under test.
 */
static GHashTable *
dup_expected_mime_types (void)
{
  GHashTable *expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
  return expected;
}

/* @list (each once) is exactly the types gdk-pixbuf reads now. */
static void
assert_same_types (const char * const *list)
{
  g_autoptr(GHashTable) expected = dup_expected_mime_types ();

  for (guint i = 0; list[i] != NULL; i++)
    {
      g_assert_true (g_hash_table_contains (expected, list[i]));
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (list[j], !=, list[i]);
    }
  g_assert_cmpuint (g_strv_length ((char **) list), ==, g_hash_table_size (expected));
}

static void
assert_sample_pixels (GdkPixbuf    *pixbuf,
                      const Sample *sample)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);

  switch (sample->turn)
    {
    case TURN_NONE:
      g_assert_true (is_reddish (pixel_at (pixbuf, width / 4, height / 2)));
      g_assert_true (is_bluish (pixel_at (pixbuf, width * 3 / 4, height / 2)));
      break;

    case TURN_ANTICLOCKWISE:
      g_assert_true (is_bluish (pixel_at (pixbuf, width / 2, height / 4)));
      g_assert_true (is_reddish (pixel_at (pixbuf, width / 2, height * 3 / 4)));
      break;

    case TURN_CLOCKWISE:
      g_assert_true (is_reddish (pixel_at (pixbuf, width / 2, height / 4)));
      g_assert_true (is_bluish (pixel_at (pixbuf, width / 2, height * 3 / 4)));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
test_import_png (void)
{
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *source = write_png ("side.png", 64, 48, 0x336699, 0xcccccc);
  g_autofree char *source_hash = dup_sha256_of_file (source);
  g_autofree char *expected_name = g_strconcat (source_hash, ".png", NULL);
  g_autofree char *file_name = NULL;
  g_autofree char *photos_dir = dup_photos_dir ();
  g_autofree char *stored = NULL;
  g_autofree char *stored_hash = NULL;
  GStatBuf info;

  file_name = import_file (photos, source, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (file_name, ==, expected_name);
  g_assert_true (shoebox_photos_check_file_name (file_name, NULL));

  /* The original, byte for byte, alone in a private folder. */
  stored = g_build_filename (photos_dir, file_name, NULL);
  stored_hash = dup_sha256_of_file (stored);
  g_assert_cmpstr (stored_hash, ==, source_hash);
  g_assert_cmpuint (count_photo_files (), ==, 1);
  g_assert_cmpint (g_stat (photos_dir, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);
}

static void
test_import_same_image_twice (void)
{
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first_path = write_png ("first.png", 32, 32, 0x112233, 0x445566);
  g_autofree char *second_path = dup_temp_path ("copy of first.png");
  g_autofree char *contents = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *jpeg_path = dup_temp_path ("shoe.jpeg");
  g_autofree char *jpeg_name = NULL;
  g_autoptr(GBytes) jpeg = make_jpeg_with_orientation (20, 10, 1);
  gsize length = 0;

  g_assert_true (g_file_get_contents (first_path, &contents, &length, NULL));
  write_file (second_path, (const guint8 *) contents, length);

  first = import_file (photos, first_path, &error);
  g_assert_no_error (error);
  second = import_file (photos, second_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (count_photo_files (), ==, 1);

  /* The synchronous import, for the command line, finds it too. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (first_path);

    third = shoebox_photos_import (photos, file, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (third, ==, first);
    g_assert_cmpuint (count_photo_files (), ==, 1);
  }

  /* A different image is a second file, named for its format. */
  write_file (jpeg_path, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg));
  jpeg_name = import_file (photos, jpeg_path, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (jpeg_name, ".jpg"));
  g_assert_cmpuint (count_photo_files (), ==, 2);
}

static void
test_import_not_an_image (void)
{
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dup_temp_path ("shoe.txt");
  g_autofree char *fake_path = dup_temp_path ("fake.png");
  g_autofree char *truncated_path = dup_temp_path ("truncated.png");
  g_autofree char *png_path = write_png ("whole.png", 40, 40, 0xff8800, 0x0088ff);
  g_autofree char *png = NULL;
  g_autofree char *file_name = NULL;
  static const char text[] = "Track 2.0, Silver, EU 43\n";
  static const guint8 fake[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 'n', 'o', 'p', 'e' };
  gsize length = 0;

  write_file (path, (const guint8 *) text, sizeof text - 1);
  file_name = import_file (photos, path, &error);
  g_assert_null (file_name);
  g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_NOT_AN_IMAGE);
  g_assert_cmpstr (error->message, ==, "“shoe.txt” is not an image Shoebox can read");
  g_clear_error (&error);

  /* A PNG signature with nothing after it, and a PNG cut inside its
   * header. (gdk-pixbuf shows a PNG cut later, in its pixels, as far as
   * it goes, as browsers do.)
   */
  write_file (fake_path, fake, sizeof fake);
  g_assert_null (import_file (photos, fake_path, &error));
  g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_NOT_AN_IMAGE);
  g_assert_nonnull (strstr (error->message, "“fake.png”"));
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (png_path, &png, &length, NULL));
  write_file (truncated_path, (const guint8 *) png, 20);
  g_assert_null (import_file (photos, truncated_path, &error));
  g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_NOT_AN_IMAGE);
  g_assert_nonnull (strstr (error->message, "“truncated.png”"));
  g_clear_error (&error);

  /* Nothing written, not even a temporary file. */
  g_assert_cmpuint (count_photo_files (), ==, 0);
}

/* A @width × @height image of noise, which compresses badly: its file
 * spans several of the import's 64 KiB reads.
 */
static GdkPixbuf *
make_noise_pixbuf (int width,
                   int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width * 3; x++)
      pixels[y * rowstride + x] = (guint8) g_rand_int_range (rand, 0, 256);

  return g_steal_pointer (&pixbuf);
}

static GBytes *
save_pixbuf (GdkPixbuf  *pixbuf,
             const char *type)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  if (g_str_equal (type, "jpeg"))
    g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &length, type, &error, "quality", "95", NULL));
  else
    g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &length, type, &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

/* @bytes cut to @length, with @tail after it */
static GBytes *
dup_bytes_cut (GBytes     *bytes,
               gsize       length,
               const char *tail)
{
  GByteArray *cut = g_byte_array_new ();

  g_assert_cmpuint (length, <=, g_bytes_get_size (bytes));
  g_byte_array_append (cut, g_bytes_get_data (bytes, NULL), (guint) length);
  if (tail != NULL)
    g_byte_array_append (cut, (const guint8 *) tail, (guint) strlen (tail));
  return g_byte_array_free_to_bytes (cut);
}

static void
assert_import_fails_damaged (ShoeboxPhotos *photos,
                             GBytes        *bytes,
                             const char    *name)
{
  g_autofree char *path = dup_temp_path (name);
  g_autofree char *expected = g_strdup_printf ("“%s” is damaged: the file ends before the image does", name);
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;

  write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  file_name = import_file (photos, path, &error);
  if (file_name != NULL)
    g_error ("%s (%zu bytes) was imported as %s", name, g_bytes_get_size (bytes), file_name);
  g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_DAMAGED);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* Pasted bytes go through the same check. */
  g_assert_null (shoebox_photos_import_bytes (photos, bytes, name, NULL, &error));
  g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_DAMAGED);
}

static void
assert_import_succeeds (ShoeboxPhotos *photos,
                        GBytes        *bytes,
                        const char    *name)
{
  g_autofree char *path = dup_temp_path (name);
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;

  write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  file_name = import_file (photos, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file_name);
}

/* gdk-pixbuf decodes a JPEG or PNG cut after its header without an error,
 * painting the rest grey: such a file is refused as damaged, wherever the
 * cut is, and nothing is written. Whole files, also with bytes after their
 * end (as some phones write), still import.
 */
static void
test_import_truncated (void)
{
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();
  g_autoptr(GdkPixbuf) noise = make_noise_pixbuf (320, 240);
  g_autoptr(GBytes) jpeg = save_pixbuf (noise, "jpeg");
  g_autoptr(GBytes) png = save_pixbuf (noise, "png");
  g_autoptr(GBytes) small_jpeg = make_jpeg_with_orientation (40, 30, 1);
  gsize jpeg_length = g_bytes_get_size (jpeg);
  gsize png_length = g_bytes_get_size (png);
  const struct
  {
    GBytes     *whole;
    gsize       length;
    const char *name;
  } cuts[] = {
    { jpeg, jpeg_length - 2, "no-eoi.jpg" },            /* only the EOI marker lost */
    { jpeg, jpeg_length - 1, "half-eoi.jpg" },
    { jpeg, jpeg_length * 9 / 10, "cut-in-scan.jpg" },  /* past the first 64 KiB read */
    { jpeg, jpeg_length / 3, "cut-early-in-scan.jpg" },
    { small_jpeg, g_bytes_get_size (small_jpeg) - 2, "exif-no-eoi.jpg" },
    { png, png_length - 12, "no-iend.png" },            /* only the IEND chunk lost */
    { png, png_length - 1, "half-iend.png" },
    { png, png_length * 9 / 10, "cut-in-idat.png" },
    { png, png_length / 3, "cut-early-in-idat.png" },
  };

  /* The cuts need files that span several reads. */
  g_assert_cmpuint (jpeg_length, >, 64 * 1024);
  g_assert_cmpuint (png_length, >, 64 * 1024);

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr(GBytes) cut = dup_bytes_cut (cuts[i].whole, cuts[i].length, NULL);

      assert_import_fails_damaged (photos, cut, cuts[i].name);
    }

  /* A JPEG whose EXIF holds the bytes of an EOI marker, cut before its
   * own: the marker inside the segment does not count.
   */
  {
    static const guint8 app1[] = {
      0xff, 0xe1, 0x00, 0x0c, 'E', 'x', 'i', 'f', 0x00, 0x00, 0xff, 0xd8, 0xff, 0xd9,
    };
    g_autoptr(GByteArray) with_thumbnail = g_byte_array_new ();
    g_autoptr(GBytes) cut = NULL;

    g_byte_array_append (with_thumbnail, g_bytes_get_data (jpeg, NULL), 2);
    g_byte_array_append (with_thumbnail, app1, sizeof app1);
    g_byte_array_append (with_thumbnail, (const guint8 *) g_bytes_get_data (jpeg, NULL) + 2,
                         (guint) (jpeg_length - 2 - 2));
    cut = g_bytes_new (with_thumbnail->data, with_thumbnail->len);
    assert_import_fails_damaged (photos, cut, "thumbnail-eoi.jpg");
  }

  g_assert_cmpuint (count_photo_files (), ==, 0);

  /* Whole files import, with or without bytes after their end. */
  assert_import_succeeds (photos, jpeg, "whole.jpg");
  assert_import_succeeds (photos, png, "whole.png");
  assert_import_succeeds (photos, small_jpeg, "exif.jpg");
  {
    g_autoptr(GBytes) jpeg_trailer = dup_bytes_cut (jpeg, jpeg_length, "MakerTrailer\xff\xd8");
    g_autoptr(GBytes) png_trailer = dup_bytes_cut (png, png_length, "trailing bytes");

    assert_import_succeeds (photos, jpeg_trailer, "trailer.jpg");
    assert_import_succeeds (photos, png_trailer, "trailer.png");
  }
  g_assert_cmpuint (count_photo_files (), ==, 5);
}

/* A PNG of @width × @height in one colour: small on disk, big to decode. */
static char *
write_big_png (const char *name,
               int         width,
               int         height,
               guint32     colour)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *path = dup_temp_path (name);

  gdk_pixbuf_fill (pixbuf, colour << 8 | 0xff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, "compression", "1", NULL));
  g_assert_no_error (error);
  return path;
}

/* Two imports, then two decodes, of images over the big-decode size asked
 * for at once: the pool has the threads to run them side by side, but
 * they must run one after the other, each at up to four bytes a pixel.
 */
static void
test_big_decodes_one_at_a_time (void)
{
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();
  const int width = 4500;
  const int height = 4000;
  g_autofree char *first_path = write_big_png ("big red.png", width, height, 0xcc0000);
  g_autofree char *second_path = write_big_png ("big blue.png", width, height, 0x0000cc);
  g_autoptr(GFile) first = g_file_new_for_path (first_path);
  g_autoptr(GFile) second = g_file_new_for_path (second_path);
  g_autofree char *first_name = NULL;
  g_autofree char *second_name = NULL;
  AsyncWait waits[2] = { { NULL, 0 }, { NULL, 0 } };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint ((gint64) width * height, >, SHOEBOX_PHOTOS_BIG_DECODE_PIXELS);
  g_assert_cmpint ((gint64) width * height, <=, SHOEBOX_PHOTOS_MAX_PIXELS);
  g_assert_cmpint (SHOEBOX_PHOTOS_MAX_DECODES, >=, 2);

  shoebox_photos_reset_most_big_decodes ();
  shoebox_photos_import_async (photos, first, NULL, async_done_cb, &waits[0]);
  shoebox_photos_import_async (photos, second, NULL, async_done_cb, &waits[1]);
  wait_for (&waits[0]);
  wait_for (&waits[1]);
  first_name = shoebox_photos_import_finish (photos, waits[0].result, &error);
  g_assert_no_error (error);
  second_name = shoebox_photos_import_finish (photos, waits[1].result, &error);
  g_assert_no_error (error);
  g_clear_object (&waits[0].result);
  g_clear_object (&waits[1].result);
  /* Both were counted, never at the same time. */
  g_assert_cmpuint (shoebox_photos_get_most_big_decodes (), ==, 1);

  shoebox_photos_reset_most_big_decodes ();
  shoebox_photos_load_pixbuf_async (photos, first_name, 256, NULL, async_done_cb, &waits[0]);
  shoebox_photos_load_pixbuf_async (photos, second_name, 256, NULL, async_done_cb, &waits[1]);
  wait_for (&waits[0]);
  wait_for (&waits[1]);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GdkPixbuf) pixbuf = shoebox_photos_load_pixbuf_finish (photos, waits[i].result, &error);

      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 256);
      g_clear_object (&waits[i].result);
    }
  g_assert_cmpuint (shoebox_photos_get_most_big_decodes (), ==, 1);
}

static void
test_import_unreadable (void)
{
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = dup_temp_path ("Photos.png");
  g_autofree char *missing = dup_temp_path ("no such folder/shoe.png");
  g_autofree char *fifo = dup_temp_path ("pipe.png");
  gint64 started;

  /* Works as root too, where permissions stop nothing. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_null (import_file (photos, folder, &error));
  g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_UNREADABLE);
  g_assert_cmpstr (error->message, ==, "“Photos.png” is a folder, not an image");
  g_clear_error (&error);

  g_assert_null (import_file (photos, missing, &error));
  g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_UNREADABLE);
  g_assert_cmpstr (error->message, ==, "“shoe.png” could not be found");
  g_clear_error (&error);

  /* A FIFO would block a read for ever: it is refused at once. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  started = g_get_monotonic_time ();
  g_assert_null (import_file (photos, fifo, &error));
  g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_UNREADABLE);
  g_assert_cmpstr (error->message, ==, "“pipe.png” is not a regular file");
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC);
  g_clear_error (&error);

  if (geteuid () != 0)
    {
      g_autofree char *locked = write_png ("locked.png", 8, 8, 0, 0);

      g_assert_cmpint (g_chmod (locked, 0), ==, 0);
      g_assert_null (import_file (photos, locked, &error));
      g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_UNREADABLE);
      g_assert_cmpstr (error->message, ==, "Shoebox is not allowed to read “locked.png”");
      g_clear_error (&error);
    }
  else
    {
      g_test_message ("Running as root: a chmod 000 file would be readable, so only the folder, "
                      "missing file and FIFO cases ran");
    }

  g_assert_cmpuint (count_photo_files (), ==, 0);
}

static void
test_import_empty (void)
{
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dup_temp_path ("empty.jpg");
  g_autoptr(GBytes) nothing = g_bytes_new_static ("", 0);

  write_file (path, (const guint8 *) "", 0);
  g_assert_null (import_file (photos, path, &error));
  g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "“empty.jpg” is empty");
  g_clear_error (&error);

  g_assert_null (shoebox_photos_import_bytes (photos, nothing, "clipboard", NULL, &error));
  g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "“clipboard” is empty");
  g_clear_error (&error);

  g_assert_cmpuint (count_photo_files (), ==, 0);
}

static void
test_import_too_large (void)
{
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dup_temp_path ("huge.jpg");
  g_autoptr(GBytes) bomb = make_pixel_bomb ();
  int fd;

  /* A sparse file: 64 MiB and one byte, without writing them. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, SHOEBOX_PHOTOS_MAX_FILE_SIZE + 1), ==, 0);
  g_assert_true (g_close (fd, NULL));

  g_assert_null (import_file (photos, path, &error));
  g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "“huge.jpg” is too large: Shoebox takes photos of up to 64 MiB");
  g_clear_error (&error);

  /* Few bytes, but 400 megapixels: refused from its header, undecoded. */
  g_assert_null (shoebox_photos_import_bytes (photos, bomb, "bomb.png", NULL, &error));
  g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "“bomb.png” is too large: Shoebox takes photos of up to 100 megapixels");
  g_clear_error (&error);

  g_assert_cmpuint (count_photo_files (), ==, 0);
}

static void
test_import_bytes (void)
{
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (30, 20, 0x00ff00, 0xff00ff);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("hello", 5);
  g_autofree char *data = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *expected = NULL;
  gsize length = 0;

  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &length, "png", &error, NULL));
  png = g_bytes_new (data, length);
  expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);

  {
    AsyncWait wait = { NULL, 0 };

    shoebox_photos_import_bytes_async (photos, png, NULL, NULL, async_done_cb, &wait);
    wait_for (&wait);
    file_name = shoebox_photos_import_bytes_finish (photos, wait.result, &error);
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (file_name, expected));
    g_assert_true (g_str_has_suffix (file_name, ".png"));
    g_clear_object (&wait.result);
  }

  {
    AsyncWait wait = { NULL, 0 };

    shoebox_photos_import_bytes_async (photos, text, NULL, NULL, async_done_cb, &wait);
    wait_for (&wait);
    g_assert_null (shoebox_photos_import_bytes_finish (photos, wait.result, &error));
    g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_NOT_AN_IMAGE);
    g_assert_cmpstr (error->message, ==, "“Pasted image” is not an image Shoebox can read");
    g_clear_error (&error);
    g_clear_object (&wait.result);
  }

  g_assert_cmpuint (count_photo_files (), ==, 1);
}

/* A photo from a phone or a shop is imported like a JPEG, shown the way
 * it should be, whole and as a thumbnail scaled while decoding.
 */
static void
test_import_sample (gconstpointer user_data)
{
  const Sample *sample = user_data;
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dup_sample_path (sample->name);
  g_autofree char *hash = dup_sha256_of_file (path);
  g_autofree char *file_name = NULL;
  g_autofree char *pasted_name = NULL;
  g_autoptr(GdkPixbuf) full = NULL;
  g_autoptr(GdkPixbuf) thumbnail = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  assert_loader_for (sample->mime_type);

  file_name = import_file (photos, path, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (file_name, hash));
  g_assert_true (shoebox_photos_check_file_name (file_name, NULL));

  full = shoebox_photos_load_pixbuf (photos, file_name, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (full), ==, sample->width);
  g_assert_cmpint (gdk_pixbuf_get_height (full), ==, sample->height);
  assert_sample_pixels (full, sample);

  thumbnail = load_thumbnail (photos, file_name, 24, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (thumbnail), ==, sample->width / 2);
  g_assert_cmpint (gdk_pixbuf_get_height (thumbnail), ==, sample->height / 2);
  assert_sample_pixels (thumbnail, sample);

  /* Dropped or pasted bytes are the same photo. */
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  pasted_name = shoebox_photos_import_bytes (photos, bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pasted_name, ==, file_name);
  g_assert_cmpuint (count_photo_files (), ==, 1);
}

/* A HEIC whose major brand is the generic "mif1" says HEVC only among
 * its compatible brands, as some phones write them: it goes to a HEIC
 * loader, found without GIO's MIME database, and without one the words
 * say so. (Decoding it is the loader's business: glycin, on sid, finds
 * it only through the MIME database, which these tests hide.)
 */
static void
test_heic_compatible_brand (void)
{
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dup_sample_path ("sample.heic");
  g_autofree char *contents = NULL;
  g_autofree char *file_name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_auto(GStrv) mime_types = NULL;
  GdkPixbufFormat *format;
  GPtrArray *heif;
  gsize length = 0;

  assert_loader_for ("image/heif");
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 32);
  g_assert_cmpmem (contents + 4, 8, "ftypheic", 8);
  g_assert_nonnull (g_strstr_len (contents + 16, 16, "heic")); /* also a compatible brand */
  memcpy (contents + 8, "mif1", 4);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  loader = shoebox_photos_new_loader (g_bytes_get_data (bytes, NULL), length, &error);
  g_assert_no_error (error);
  format = gdk_pixbuf_loader_get_format (loader);
  g_assert_nonnull (format);
  mime_types = gdk_pixbuf_format_get_mime_types (format);
  g_assert_true (g_strv_contains ((const char * const *) mime_types, "image/heif"));
  /* Whole: heif-gdk-pixbuf warns when closed empty. */
  if (gdk_pixbuf_loader_write (loader, g_bytes_get_data (bytes, NULL), length, NULL))
    gdk_pixbuf_loader_close (loader, NULL);

  heif = disable_formats ("image/heif");
  file_name = shoebox_photos_import_bytes (photos, bytes, "mif1.heic", NULL, &error);
  enable_formats (heif);
  g_assert_null (file_name);
  g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_NO_LOADER);
  g_assert_nonnull (strstr (error->message, "“mif1.heic”"));
  g_assert_nonnull (strstr (error->message, "HEIC"));
}

/* The chooser's filter and the thumbnails' Accept header list what
 * gdk-pixbuf reads here, and follow its loaders as they come and go.
 */
static void
test_formats_follow_loaders (void)
{
  g_auto(GStrv) mime_types = shoebox_photos_dup_mime_types ();
  g_auto(GStrv) accepted = NULL;
  g_auto(GStrv) without_webp = NULL;
  g_autofree char *accept = shoebox_photos_dup_accept_header ();
  g_autofree char *accept_without_webp = NULL;
  GPtrArray *webp;

  assert_loader_for ("image/webp");
  assert_loader_for ("image/heif");
  assert_loader_for ("image/avif");

  assert_same_types ((const char * const *) mime_types);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    g_assert_true (g_strv_contains ((const char * const *) mime_types, samples[i].mime_type));
  g_assert_true (g_strv_contains ((const char * const *) mime_types, "image/png"));
  g_assert_true (g_strv_contains ((const char * const *) mime_types, "image/jpeg"));
  /* Drawings are not photos; WebP's loader also claims audio/x-riff. */
  g_assert_false (g_strv_contains ((const char * const *) mime_types, "image/svg+xml"));
  for (guint i = 0; mime_types[i] != NULL; i++)
    g_assert_true (g_str_has_prefix (mime_types[i], "image/"));

  accepted = g_strsplit (accept, ", ", -1);
  g_assert_true (g_strv_equal ((const char * const *) accepted, (const char * const *) mime_types));

  webp = disable_formats ("image/webp");
  without_webp = shoebox_photos_dup_mime_types ();
  accept_without_webp = shoebox_photos_dup_accept_header ();
  assert_same_types ((const char * const *) without_webp);
  enable_formats (webp);

  g_assert_false (g_strv_contains ((const char * const *) without_webp, "image/webp"));
  g_assert_true (g_strv_contains ((const char * const *) without_webp, "image/png"));
  g_assert_cmpuint (g_strv_length (without_webp), <, g_strv_length (mime_types));
  g_assert_null (strstr (accept_without_webp, "image/webp"));
  g_assert_nonnull (strstr (accept_without_webp, "image/png"));
}

/* Without its loader, a WebP photo is refused with words that say why,
 * on import and when a stored one is shown.
 */
static void
test_missing_loader (void)
{
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dup_sample_path ("sample.webp");
  g_autofree char *file_name = NULL;
  g_autofree char *refused = NULL;
  g_autoptr(GdkPixbuf) thumbnail = NULL;
  g_autoptr(GdkPixbuf) full = NULL;
  GPtrArray *webp;

  assert_loader_for ("image/webp");
  file_name = import_file (photos, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_photo_files (), ==, 1);

  webp = disable_formats ("image/webp");

  refused = import_file (photos, path, &error);
  g_assert_null (refused);
  g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_NO_LOADER);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“sample.webp”"));
  g_assert_nonnull (strstr (error->message, "WebP"));
  g_assert_cmpuint (count_photo_files (), ==, 1);
  g_clear_error (&error);

  thumbnail = load_thumbnail (photos, file_name, 24, &error);
  g_assert_null (thumbnail);
  g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_NO_LOADER);
  g_assert_nonnull (strstr (error->message, file_name));
  g_clear_error (&error);

  enable_formats (webp);

  /* Back with its loader, it shows again. */
  full = shoebox_photos_load_pixbuf (photos, file_name, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (full), ==, 48);
}

static void
test_thumbnail_exif_orientation (void)
{
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) jpeg = make_jpeg_with_orientation (60, 40, 6);
  g_autoptr(GBytes) large_jpeg = make_jpeg_with_orientation (600, 400, 6);
  g_autoptr(GdkPixbuf) thumbnail = NULL;
  g_autoptr(GdkPixbuf) small = NULL;
  g_autoptr(GdkPixbuf) full = NULL;
  g_autoptr(GFile) stored = NULL;
  g_autoptr(GBytes) stored_bytes = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *large_name = NULL;
  g_autofree char *hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, jpeg);

  file_name = shoebox_photos_import_bytes (photos, jpeg, "exif.jpg", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (file_name, hash));

  /* The stored original keeps its bytes, EXIF and all. */
  stored = shoebox_photos_dup_path (photos, file_name, &error);
  g_assert_no_error (error);
  stored_bytes = g_file_load_bytes (stored, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored_bytes, jpeg));

  /* 60 × 40 turned a quarter clockwise: 40 × 60, red (the left) on top.
   * Small images are not enlarged.
   */
  thumbnail = load_thumbnail (photos, file_name, 256, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (thumbnail), ==, 40);
  g_assert_cmpint (gdk_pixbuf_get_height (thumbnail), ==, 60);
  g_assert_true (is_reddish (pixel_at (thumbnail, 20, 5)));
  g_assert_true (is_bluish (pixel_at (thumbnail, 20, 54)));

  /* Shrunk to fit, still turned. */
  large_name = shoebox_photos_import_bytes (photos, large_jpeg, "large.jpg", NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&thumbnail);
  thumbnail = load_thumbnail (photos, large_name, 128, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_height (thumbnail), ==, 128);
  g_assert_cmpint (gdk_pixbuf_get_width (thumbnail), >=, 84);
  g_assert_cmpint (gdk_pixbuf_get_width (thumbnail), <=, 86);
  g_assert_true (is_reddish (pixel_at (thumbnail, 42, 10)));
  g_assert_true (is_bluish (pixel_at (thumbnail, 42, 117)));

  /* The cached copy is turned already: loading it again keeps the turn. */
  g_clear_object (&thumbnail);
  thumbnail = load_thumbnail (photos, large_name, 128, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_height (thumbnail), ==, 128);
  g_assert_true (is_reddish (pixel_at (thumbnail, 42, 10)));

  /* The image for Compare: turned, at most 100 a side, or whole. */
  {
    AsyncWait wait = { NULL, 0 };

    shoebox_photos_load_pixbuf_async (photos, large_name, 100, NULL, async_done_cb, &wait);
    wait_for (&wait);
    small = shoebox_photos_load_pixbuf_finish (photos, wait.result, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gdk_pixbuf_get_height (small), ==, 100);
    g_assert_cmpint (gdk_pixbuf_get_width (small), <=, 67);
    g_assert_cmpint (gdk_pixbuf_get_width (small), >=, 66);
    g_clear_object (&wait.result);
  }

  full = shoebox_photos_load_pixbuf (photos, large_name, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (full), ==, 400);
  g_assert_cmpint (gdk_pixbuf_get_height (full), ==, 600);
  g_assert_true (is_reddish (pixel_at (full, 200, 10)));
  g_assert_true (is_bluish (pixel_at (full, 200, 590)));
}

/* The longest the main loop may stall while a photo is worked on: a
 * third of the work's own time, measured in the same run (work done on
 * the main thread, or waiting there for a worker, would stall it for
 * nearly all of it), and never less than 100 ms. The meter leaves out
 * the time the scheduler kept the main thread waiting for a CPU, but not
 * the time it waited for the disk, which a busy machine stretches too.
 */
static gint64
allowed_gap (gint64 started,
             gint64 finished)
{
  return MAX (100 * 1000, (finished - started) / 3);
}

/* A camera-sized photo is imported and thumbnailed while a 10 ms timeout
 * measures the gaps in the main loop. PNG is the worst case (gdk-pixbuf
 * decodes it whole, then shrinks it); JPEG decodes at an eighth.
 */
static void
test_thumbnail_large_photo_keeps_main_loop_running (gconstpointer user_data)
{
  const char *format = user_data;
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (6000, 4000, 0x808080, 0x303030);
  g_autoptr(GdkPixbuf) thumbnail = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *base = g_strconcat ("6000x4000.", format, NULL);
  g_autofree char *path = dup_temp_path (base);
  g_autofree char *file_name = NULL;
  TickMeter meter = { 0, 0, 0, 0 };
  AsyncWait wait = { NULL, 0 };
  gint64 started;
  guint tick_id;

  if (g_str_equal (format, "png"))
    g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, "compression", "1", NULL));
  else
    g_assert_true (gdk_pixbuf_save (pixbuf, path, format, &error, NULL));
  g_assert_no_error (error);
  g_clear_object (&pixbuf);
  file = g_file_new_for_path (path);

  started = g_get_monotonic_time ();
  tick_meter_start (&meter);
  tick_id = g_timeout_add (10, tick_cb, &meter);

  shoebox_photos_import_async (photos, file, NULL, async_done_cb, &wait);
  wait_for (&wait);
  file_name = shoebox_photos_import_finish (photos, wait.result, &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_test_message ("Importing a 6000×4000 %s: %.0f ms, longest main loop gap %.1f ms, %u ticks",
                  format, (wait.finished_at - started) / 1000.0, meter.longest_gap / 1000.0, meter.n_ticks);
  g_assert_cmpint (meter.longest_gap, <, allowed_gap (started, wait.finished_at));

  started = g_get_monotonic_time ();
  tick_meter_start (&meter);
  wait.finished_at = 0;
  shoebox_photos_load_thumbnail_async (photos, file_name, 256, NULL, async_done_cb, &wait);
  wait_for (&wait);
  thumbnail = shoebox_photos_load_thumbnail_finish (photos, wait.result, &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_source_remove (tick_id);

  g_test_message ("Thumbnailing it at 256: %.0f ms, longest main loop gap %.1f ms, %u ticks",
                  (wait.finished_at - started) / 1000.0, meter.longest_gap / 1000.0, meter.n_ticks);
  g_assert_cmpint (meter.longest_gap, <, allowed_gap (started, wait.finished_at));
  g_assert_cmpint (gdk_pixbuf_get_width (thumbnail), ==, 256);
  g_assert_cmpint (gdk_pixbuf_get_height (thumbnail), >=, 170);
  g_assert_cmpint (gdk_pixbuf_get_height (thumbnail), <=, 171);
}

static void
test_thumbnail_cache (void)
{
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) first = NULL;
  g_autoptr(GdkPixbuf) second = NULL;
  g_autoptr(GdkPixbuf) third = NULL;
  g_autoptr(GdkPixbuf) cached = NULL;
  g_autofree char *source = write_png ("cached.png", 300, 200, 0xffffff, 0x000000);
  g_autofree char *file_name = NULL;
  g_autofree char *again = NULL;
  g_autofree char *photo_path = NULL;
  g_autofree char *thumbnail_path = NULL;
  static const guint8 garbage[] = "not a PNG at all";

  file_name = import_file (photos, source, &error);
  g_assert_no_error (error);
  thumbnail_path = dup_thumbnail_path (file_name, 128);
  g_assert_false (g_file_test (thumbnail_path, G_FILE_TEST_EXISTS));

  first = load_thumbnail (photos, file_name, 128, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (first), ==, 128);
  g_assert_true (g_file_test (thumbnail_path, G_FILE_TEST_IS_REGULAR));
  cached = load_png_file (thumbnail_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (cached), ==, 128);

  /* The second load reads the cache only: the original may be gone. */
  photo_path = g_build_filename (shoebox_photos_get_photos_directory (photos), file_name, NULL);
  g_assert_cmpint (g_unlink (photo_path), ==, 0);
  second = load_thumbnail (photos, file_name, 128, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (second), ==, gdk_pixbuf_get_width (first));
  g_assert_cmpint (gdk_pixbuf_get_height (second), ==, gdk_pixbuf_get_height (first));

  /* Another size is another thumbnail, and needs the original. */
  g_assert_null (load_thumbnail (photos, file_name, 64, &error));
  g_assert_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, file_name));
  g_clear_error (&error);

  /* A damaged cache file is made again from the original. */
  write_file (thumbnail_path, garbage, sizeof garbage);
  again = import_file (photos, source, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, file_name);
  third = load_thumbnail (photos, file_name, 128, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (third), ==, 128);
  g_clear_object (&cached);
  cached = load_png_file (thumbnail_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (cached), ==, 128);
}

/* Blocks a decode thread: a FIFO under a photo's name makes the worker's
 * open() wait for a writer, then its reads wait for bytes. Returns the
 * write end once a worker holds the read end.
 */
static int
block_a_worker (ShoeboxPhotos *photos,
                const char    *file_name,
                AsyncWait     *wait)
{
  g_autofree char *path = g_build_filename (shoebox_photos_get_photos_directory (photos), file_name, NULL);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int fd = -1;

  g_assert_cmpint (g_mkdir_with_parents (shoebox_photos_get_photos_directory (photos), 0700), ==, 0);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  shoebox_photos_load_thumbnail_async (photos, file_name, 64, NULL, async_done_cb, wait);

  while (fd < 0 && g_get_monotonic_time () < deadline)
    {
      fd = open (path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
        {
          g_assert_cmpint (errno, ==, ENXIO); /* No reader yet. */
          g_usleep (1000);
        }
    }

  g_assert_cmpint (fd, >=, 0);
  return fd;
}

static void
release_worker (int           fd,
                const guint8 *png,
                gsize         length)
{
  int flags = fcntl (fd, F_GETFL);

  g_assert_cmpint (fcntl (fd, F_SETFL, flags & ~O_NONBLOCK), ==, 0);
  while (length > 0)
    {
      gssize written = write (fd, png, length);

      g_assert_cmpint (written, >, 0);
      png += written;
      length -= (gsize) written;
    }
  g_assert_cmpint (close (fd), ==, 0);
}

static void
test_thumbnail_cancel_and_queue (void)
{
  enum { N_QUEUED = 12 };
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GCancellable) scrolled_away = g_cancellable_new ();
  g_autoptr(GdkPixbuf) pixbuf = make_pixbuf (16, 16, 0xabcdef, 0x123456);
  g_autofree char *png = NULL;
  g_autofree char *waiting_name = NULL;
  char *names[N_QUEUED];
  AsyncWait queued[N_QUEUED];
  AsyncWait blocked[SHOEBOX_PHOTOS_MAX_DECODES];
  AsyncWait waiting = { NULL, 0 };
  AsyncWait early = { NULL, 0 };
  int fds[SHOEBOX_PHOTOS_MAX_DECODES];
  gsize length = 0;
  gint64 deadline;

  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &png, &length, "png", &error, NULL));

  for (guint i = 0; i < N_QUEUED; i++)
    {
      g_autoptr(GdkPixbuf) image = make_pixbuf (20 + i, 20, 0x100000 * i, 0x0000ff);
      g_autofree char *data = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize size = 0;

      g_assert_true (gdk_pixbuf_save_to_buffer (image, &data, &size, "png", &error, NULL));
      bytes = g_bytes_new (data, size);
      names[i] = shoebox_photos_import_bytes (photos, bytes, NULL, NULL, &error);
      g_assert_no_error (error);
      queued[i].result = NULL;
    }

  {
    g_autoptr(GdkPixbuf) image = make_pixbuf (50, 50, 0x00ff00, 0x00ff00);
    g_autofree char *data = NULL;
    g_autoptr(GBytes) bytes = NULL;
    gsize size = 0;

    g_assert_true (gdk_pixbuf_save_to_buffer (image, &data, &size, "png", &error, NULL));
    bytes = g_bytes_new (data, size);
    waiting_name = shoebox_photos_import_bytes (photos, bytes, NULL, NULL, &error);
    g_assert_no_error (error);
  }

  /* Cancelled before it is asked for: never decoded. */
  g_cancellable_cancel (cancelled);
  shoebox_photos_load_thumbnail_async (photos, names[0], 64, cancelled, async_done_cb, &early);
  wait_for (&early);
  g_assert_null (shoebox_photos_load_thumbnail_finish (photos, early.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&early.result);

  /* Occupy every decode thread. */
  for (guint i = 0; i < SHOEBOX_PHOTOS_MAX_DECODES; i++)
    {
      g_autofree char *fifo_name = g_strdup_printf ("%064x.png", i + 1);

      blocked[i].result = NULL;
      fds[i] = block_a_worker (photos, fifo_name, &blocked[i]);
    }

  /* A grid scrolls: requests queue, then their cells scroll away. They
   * return cancelled at once, while the threads are still busy.
   */
  for (guint i = 0; i < N_QUEUED; i++)
    shoebox_photos_load_thumbnail_async (photos, names[i], 64, scrolled_away, async_done_cb, &queued[i]);
  shoebox_photos_load_thumbnail_async (photos, waiting_name, 64, NULL, async_done_cb, &waiting);
  g_cancellable_cancel (scrolled_away);

  for (guint i = 0; i < N_QUEUED; i++)
    {
      wait_for (&queued[i]);
      g_assert_null (shoebox_photos_load_thumbnail_finish (photos, queued[i].result, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_clear_object (&queued[i].result);
    }

  /* No more than SHOEBOX_PHOTOS_MAX_DECODES at a time: the request that
   * was not cancelled waits for a free thread.
   */
  deadline = g_get_monotonic_time () + 200 * 1000;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (waiting.result);
  for (guint i = 0; i < SHOEBOX_PHOTOS_MAX_DECODES; i++)
    g_assert_null (blocked[i].result);

  for (guint i = 0; i < SHOEBOX_PHOTOS_MAX_DECODES; i++)
    {
      g_autoptr(GdkPixbuf) thumbnail = NULL;

      release_worker (fds[i], (const guint8 *) png, length);
      wait_for (&blocked[i]);
      thumbnail = shoebox_photos_load_thumbnail_finish (photos, blocked[i].result, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (thumbnail), ==, 16);
      g_clear_object (&blocked[i].result);
    }

  wait_for (&waiting);
  {
    g_autoptr(GdkPixbuf) thumbnail = shoebox_photos_load_thumbnail_finish (photos, waiting.result, &error);

    g_assert_no_error (error);
    g_assert_cmpint (gdk_pixbuf_get_width (thumbnail), ==, 50);
    g_clear_object (&waiting.result);
  }

  /* The cancelled requests were dropped before decoding: no thumbnail. */
  for (guint i = 0; i < N_QUEUED; i++)
    {
      g_autofree char *thumbnail_path = dup_thumbnail_path (names[i], 64);

      g_assert_false (g_file_test (thumbnail_path, G_FILE_TEST_EXISTS));
      g_free (names[i]);
    }
}

static void
test_remove_unreferenced (void)
{
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *other = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *photos_dir = dup_photos_dir ();
  g_autofree char *kept_path = NULL;
  g_autofree char *deleted_path = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *fresh_path = NULL;
  g_autofree char *stray_path = NULL;
  g_autofree char *leftover_path = NULL;
  g_autofree char *kept_thumbnail = NULL;
  g_autofree char *deleted_thumbnail = NULL;
  g_autofree char *source_a = write_png ("a.png", 10, 10, 0x111111, 0x222222);
  g_autofree char *source_b = write_png ("b.png", 10, 10, 0x333333, 0x444444);
  g_autofree char *source_c = write_png ("c.png", 10, 10, 0x555555, 0x666666);
  g_autofree char *source_d = write_png ("d.png", 10, 10, 0x777777, 0x888888);
  guint n_removed = 99;

  /* Nothing imported yet: nothing to do, and no error. */
  g_assert_true (shoebox_photos_remove_unreferenced (photos, NULL, 0, &n_removed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_removed, ==, 0);

  kept = import_file (photos, source_a, &error);
  g_assert_no_error (error);
  deleted = import_file (photos, source_b, &error);
  g_assert_no_error (error);
  other = import_file (photos, source_c, &error);
  g_assert_no_error (error);

  {
    g_autoptr(GdkPixbuf) a = load_thumbnail (photos, kept, 64, &error);
    g_autoptr(GdkPixbuf) b = load_thumbnail (photos, deleted, 64, &error);

    g_assert_no_error (error);
  }
  kept_thumbnail = dup_thumbnail_path (kept, 64);
  deleted_thumbnail = dup_thumbnail_path (deleted, 64);
  g_assert_true (g_file_test (deleted_thumbnail, G_FILE_TEST_EXISTS));

  kept_path = g_build_filename (photos_dir, kept, NULL);
  deleted_path = g_build_filename (photos_dir, deleted, NULL);
  other_path = g_build_filename (photos_dir, other, NULL);
  stray_path = g_build_filename (photos_dir, "notes.txt", NULL);
  leftover_path = g_build_filename (photos_dir, ".import-AbC123", NULL);
  write_file (stray_path, (const guint8 *) "mine", 4);
  write_file (leftover_path, (const guint8 *) "half a photo", 12);
  age_file (kept_path, 2 * HOUR_SECONDS);
  age_file (deleted_path, 2 * HOUR_SECONDS);
  age_file (other_path, 2 * HOUR_SECONDS);
  age_file (stray_path, 2 * HOUR_SECONDS);
  age_file (leftover_path, 2 * HOUR_SECONDS);

  /* Re-importing "other" marks it as freshly used: an editor may be about
   * to write its row.
   */
  g_free (fresh);
  fresh = import_file (photos, source_c, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fresh, ==, other);

  {
    const char * const referenced[] = { kept, NULL };

    g_assert_true (shoebox_photos_remove_unreferenced (photos, referenced, HOUR_SECONDS,
                                                       &n_removed, NULL, &error));
    g_assert_no_error (error);
  }

  g_assert_cmpuint (n_removed, ==, 1);
  g_assert_true (g_file_test (kept_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept_thumbnail, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (deleted_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (deleted_thumbnail, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (stray_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (leftover_path, G_FILE_TEST_EXISTS));

  /* A new photo no row refers to yet stays for the default grace period;
   * the asynchronous call removes the old unreferenced one.
   */
  g_clear_pointer (&fresh, g_free);
  fresh = import_file (photos, source_d, &error);
  g_assert_no_error (error);
  fresh_path = g_build_filename (photos_dir, fresh, NULL);
  age_file (other_path, 2 * HOUR_SECONDS);

  {
    const char * const referenced[] = { kept, NULL };
    AsyncWait wait = { NULL, 0 };

    shoebox_photos_remove_unreferenced_async (photos, referenced, SHOEBOX_PHOTOS_DEFAULT_GRACE_SECONDS,
                                              NULL, async_done_cb, &wait);
    wait_for (&wait);
    g_assert_true (shoebox_photos_remove_unreferenced_finish (photos, wait.result, &n_removed, &error));
    g_assert_no_error (error);
    g_clear_object (&wait.result);
  }

  g_assert_cmpuint (n_removed, ==, 0);
  g_assert_true (g_file_test (fresh_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other_path, G_FILE_TEST_EXISTS));

  {
    const char * const referenced[] = { kept, NULL };
    AsyncWait wait = { NULL, 0 };

    shoebox_photos_remove_unreferenced_async (photos, referenced, HOUR_SECONDS,
                                              NULL, async_done_cb, &wait);
    wait_for (&wait);
    g_assert_true (shoebox_photos_remove_unreferenced_finish (photos, wait.result, &n_removed, &error));
    g_assert_no_error (error);
    g_clear_object (&wait.result);
  }

  g_assert_cmpuint (n_removed, ==, 1);
  g_assert_true (g_file_test (fresh_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (other_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept_path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  /* The isolated XDG folders also hide GIO's MIME database, which
   * gdk-pixbuf uses to tell formats apart: these cases show that photos
   * are recognised without it.
   */
  shoebox_test_images_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/photos/file-name/validation", test_file_name_validation);
  g_test_add_func ("/photos/import/png", test_import_png);
  g_test_add_func ("/photos/import/same-image-twice", test_import_same_image_twice);
  g_test_add_func ("/photos/import/not-an-image", test_import_not_an_image);
  g_test_add_func ("/photos/import/truncated", test_import_truncated);
  g_test_add_func ("/photos/import/unreadable", test_import_unreadable);
  g_test_add_func ("/photos/import/empty", test_import_empty);
  g_test_add_func ("/photos/import/too-large", test_import_too_large);
  g_test_add_func ("/photos/import/bytes", test_import_bytes);
  g_test_add_func ("/photos/big-decodes-one-at-a-time", test_big_decodes_one_at_a_time);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_strconcat ("/photos/import/format/", samples[i].name, NULL);

      g_test_add_data_func (path, &samples[i], test_import_sample);
    }
  g_test_add_func ("/photos/formats/heic-compatible-brand", test_heic_compatible_brand);
  g_test_add_func ("/photos/formats/follow-loaders", test_formats_follow_loaders);
  g_test_add_func ("/photos/formats/missing-loader", test_missing_loader);
  g_test_add_func ("/photos/thumbnail/exif-orientation", test_thumbnail_exif_orientation);
  g_test_add_data_func ("/photos/thumbnail/large-photo-no-stall/png", "png",
                        test_thumbnail_large_photo_keeps_main_loop_running);
  g_test_add_data_func ("/photos/thumbnail/large-photo-no-stall/jpeg", "jpeg",
                        test_thumbnail_large_photo_keeps_main_loop_running);
  g_test_add_func ("/photos/thumbnail/cache", test_thumbnail_cache);
  g_test_add_func ("/photos/thumbnail/cancel-and-queue", test_thumbnail_cancel_and_queue);
  g_test_add_func ("/photos/remove-unreferenced", test_remove_unreferenced);

  return g_test_run ();
}
