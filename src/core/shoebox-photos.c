/* shoebox-photos.c
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

#include "shoebox-photos.h"

/* How photos are kept:
 *
 * - A photo is a file in the photos folder named after the SHA-256 of its
 *   bytes, "<64 hex digits>.<extension>", so the same image added twice is
 *   stored once, and a name from the database can always be checked
 *   against one strict pattern before it becomes a path.
 * - The stored file is the original, byte for byte; the EXIF orientation
 *   is applied to what is decoded from it, never written back.
 * - An import copies into a temporary file in the photos folder, hashing
 *   and decoding while it copies, and renames the copy into place only
 *   once it is known to be an image: a photo file is whole or absent.
 * - Thumbnails are PNGs in the cache folder, one subfolder per size,
 *   named after the photo's hash (the hash is the whole identity of the
 *   image, so a thumbnail is never stale).
 * - Imports and decodes run on one small pool of threads shared by the
 *   whole process, so a grid scrolling over 100,000 pairs queues requests
 *   instead of starting a thread each. Decodes are taken newest first (the
 *   cells the user looks at now), imports oldest first (the order the
 *   user picked the files in), and a request cancelled while it waits
 *   returns at once and is never decoded.
 */

#define HASH_LENGTH          64
#define MAX_EXTENSION_LENGTH 5
#define COPY_CHUNK_SIZE      (64 * 1024)
#define MAX_THUMBNAIL_SIZE   2048
#define TEMP_PREFIX          ".import-"

/* An import decodes the whole image to prove it is one, but at this size:
 * JPEG then decodes at an eighth of its size, and no format keeps more
 * than a few pixels once the decode is over.
 */
#define VALIDATION_SIZE 64

struct _ShoeboxPhotos
{
  GObject  parent_instance;

  char    *photos_directory;
  char    *cache_directory;
};

G_DEFINE_FINAL_TYPE (ShoeboxPhotos, shoebox_photos, G_TYPE_OBJECT)

G_DEFINE_QUARK (shoebox-photos-error-quark, shoebox_photos_error)

enum
{
  PROP_0,
  PROP_PHOTOS_DIRECTORY,
  PROP_CACHE_DIRECTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One queued import or decode. The pool holds one reference, the
 * cancellation handler another; whichever of the worker and the handler
 * claims the job first returns its task, the other leaves it alone.
 */
typedef struct
{
  GTask           *task;
  GTaskThreadFunc  func;
  guint            serial;
  gboolean         newest_first;
  gulong           cancelled_id;
  int              claimed; /* atomic */
} Job;

/* Limits given to a loader's ::size-prepared handler. */
typedef struct
{
  int      max_size;   /* the decoded image fits in max_size × max_size; 0: no limit */
  gint64   max_pixels; /* refuse bigger images; 0: no limit */
  gboolean too_many_pixels;
} DecodeLimits;

typedef struct
{
  GBytes *bytes;
  char   *display_name;
} ImportBytesData;

typedef struct
{
  char *file_name;
  int   size;
} LoadData;

typedef struct
{
  GStrv referenced;
  guint grace_seconds;
} RemoveData;

static GThreadPool *job_pool;
static int          job_serial; /* atomic */

static void
import_bytes_data_free (ImportBytesData *data)
{
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->display_name, g_free);
  g_free (data);
}

static void
load_data_free (LoadData *data)
{
  g_clear_pointer (&data->file_name, g_free);
  g_free (data);
}

static void
remove_data_free (RemoveData *data)
{
  g_clear_pointer (&data->referenced, g_strfreev);
  g_free (data);
}

static void
job_clear (Job *job)
{
  g_clear_object (&job->task);
}

static void
job_release (Job *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) job_clear);
}

static gboolean
return_cancelled_cb (gpointer user_data)
{
  GTask *task = user_data;

  g_task_return_error_if_cancelled (task);
  return G_SOURCE_REMOVE;
}

/* Runs in whichever thread cancels, possibly inside g_cancellable_connect()
 * itself: the task is returned from its own main context, never from here.
 */
static void
job_cancelled_cb (GCancellable *cancellable,
                  gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GSource) source = NULL;

  if (!g_atomic_int_compare_and_exchange (&job->claimed, 0, 1))
    return; /* A worker has it: the task returns cancelled when it ends. */

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, return_cancelled_cb, g_object_ref (job->task), g_object_unref);
  g_source_attach (source, g_task_get_context (job->task));
}

static void
job_run (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  GCancellable *cancellable = g_task_get_cancellable (job->task);

  /* A job cancelled while it waited has returned already: skip it. */
  if (g_atomic_int_compare_and_exchange (&job->claimed, 0, 1))
    job->func (job->task,
               g_task_get_source_object (job->task),
               g_task_get_task_data (job->task),
               cancellable);

  if (job->cancelled_id != 0)
    g_cancellable_disconnect (cancellable, job->cancelled_id);

  job_release (job);
}

static int
job_compare (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  const Job *job_a = a;
  const Job *job_b = b;
  /* Serials wrap around; their difference stays right for any two jobs
   * queued within two billion of each other.
   */
  int a_newer = (int) (job_a->serial - job_b->serial);

  if (job_a->newest_first != job_b->newest_first)
    return job_a->newest_first ? -1 : 1;

  if (a_newer == 0)
    return 0;

  if (job_a->newest_first)
    return a_newer > 0 ? -1 : 1;
  else
    return a_newer > 0 ? 1 : -1;
}

/* Takes @task. */
static void
queue_job (GTask           *task,
           GTaskThreadFunc  func,
           gboolean         newest_first)
{
  static gsize pool_initialized = 0;
  GCancellable *cancellable = g_task_get_cancellable (task);
  Job *job;

  /* Never freed: a pool per ShoeboxPhotos would have to be joined when the
   * object goes, and that can happen on one of the pool's own threads.
   */
  if (g_once_init_enter (&pool_initialized))
    {
      job_pool = g_thread_pool_new (job_run, NULL, SHOEBOX_PHOTOS_MAX_DECODES, FALSE, NULL);
      g_thread_pool_set_sort_function (job_pool, job_compare, NULL);
      g_once_init_leave (&pool_initialized, 1);
    }

  job = g_atomic_rc_box_new0 (Job);
  job->task = task;
  job->func = func;
  job->newest_first = newest_first;
  job->serial = (guint) g_atomic_int_add (&job_serial, 1);

  if (cancellable != NULL)
    job->cancelled_id = g_cancellable_connect (cancellable,
                                               G_CALLBACK (job_cancelled_cb),
                                               g_atomic_rc_box_acquire (job),
                                               (GDestroyNotify) job_release);

  g_thread_pool_push (job_pool, job, NULL);
}

static gboolean
is_hex_digit (char c)
{
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

static gboolean
is_valid_file_name (const char *file_name)
{
  gsize length = strlen (file_name);

  if (length < HASH_LENGTH + 2 || length > HASH_LENGTH + 1 + MAX_EXTENSION_LENGTH)
    return FALSE;

  for (gsize i = 0; i < HASH_LENGTH; i++)
    if (!is_hex_digit (file_name[i]))
      return FALSE;

  if (file_name[HASH_LENGTH] != '.')
    return FALSE;

  for (gsize i = HASH_LENGTH + 1; i < length; i++)
    if (!g_ascii_islower (file_name[i]) && !g_ascii_isdigit (file_name[i]))
      return FALSE;

  return TRUE;
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
ensure_directory (const char  *path,
                  GError     **error)
{
  int saved_errno;

  if (g_mkdir_with_parents (path, 0700) == 0)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s", g_strerror (saved_errno));
  return FALSE;
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
                       "%s", g_strerror (saved_errno));
          return FALSE;
        }

      data += written;
      length -= (gsize) written;
    }

  return TRUE;
}

/* The error for a file that cannot be opened or read, in the user's words. */
static void
set_unreadable_error (GError    **error,
                      const char *display_name,
                      GError     *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_UNREADABLE,
                 _("“%s” could not be found"), display_name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_UNREADABLE,
                 _("Shoebox is not allowed to read “%s”"), display_name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_UNREADABLE,
                 _("“%s” is a folder, not an image"), display_name);
  else
    g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_UNREADABLE,
                 _("“%s” could not be read: %s"), display_name, cause->message);
}

static void
set_not_an_image_error (GError    **error,
                        const char *display_name,
                        GError     *cause)
{
  g_debug ("“%s” does not decode: %s", display_name, cause != NULL ? cause->message : "no image");
  g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_NOT_AN_IMAGE,
               _("“%s” is not an image Shoebox can read"), display_name);
}

static void
set_file_too_large_error (GError    **error,
                          const char *display_name)
{
  g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_TOO_LARGE,
               _("“%s” is too large: Shoebox takes photos of up to %d MiB"),
               display_name, (int) (SHOEBOX_PHOTOS_MAX_FILE_SIZE / (1024 * 1024)));
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
static gboolean
write_to_loader (GdkPixbufLoader **loader,
                 DecodeLimits     *limits,
                 const guint8     *data,
                 gsize             length,
                 GError          **error)
{
  if (*loader == NULL)
    *loader = new_loader_for_header (data, length, limits);

  return gdk_pixbuf_loader_write (*loader, data, length, error);
}

/* Copies @stream into @fd, hashing it and feeding it to a new *@loader,
 * and checks that it is a whole image. Leaves @fd open and *@loader, if
 * any, possibly unclosed.
 */
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
  gint64 total = 0;
  gboolean closed;

  for (;;)
    {
      gssize n_read = g_input_stream_read (stream, buffer, COPY_CHUNK_SIZE, cancellable, &local_error);

      if (n_read < 0)
        {
          set_unreadable_error (error, display_name, local_error);
          return FALSE;
        }

      if (n_read == 0)
        break;

      total += n_read;
      if (total > SHOEBOX_PHOTOS_MAX_FILE_SIZE)
        {
          set_file_too_large_error (error, display_name);
          return FALSE;
        }

      g_checksum_update (checksum, buffer, n_read);

      if (!write_to_loader (loader, limits, buffer, n_read, &local_error) || limits->too_many_pixels)
        {
          if (limits->too_many_pixels)
            break;

          set_not_an_image_error (error, display_name, local_error);
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

  if (!closed || gdk_pixbuf_loader_get_pixbuf (*loader) == NULL)
    {
      set_not_an_image_error (error, display_name, local_error);
      return FALSE;
    }

  /* A drawing (SVG) has no size of its own and is not a photo. */
  format = gdk_pixbuf_loader_get_format (*loader);
  if (format == NULL || gdk_pixbuf_format_is_scalable (format))
    {
      set_not_an_image_error (error, display_name, NULL);
      return FALSE;
    }

  /* The photo is the user's data, and the database will point at it. */
  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_FAILED,
                   _("“%s” could not be saved in the photos folder: %s"),
                   display_name, g_strerror (saved_errno));
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
                   display_name, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static char *
import_stream (ShoeboxPhotos  *self,
               GInputStream   *stream,
               const char     *display_name,
               GCancellable   *cancellable,
               GError        **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *extension = NULL;
  g_autofree char *file_name = NULL;
  DecodeLimits limits = { VALIDATION_SIZE, SHOEBOX_PHOTOS_MAX_PIXELS, FALSE };
  gboolean copied;
  int fd;

  if (!ensure_directory (self->photos_directory, &local_error))
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
                   display_name, g_strerror (saved_errno));
      return NULL;
    }

  copied = copy_and_check (stream, fd, checksum, &loader, &limits, display_name, cancellable, error);
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

/* Decodes a stored photo to fit in @max_size × @max_size (0: full size),
 * turned the way its EXIF orientation says.
 */
static GdkPixbuf *
decode_photo (ShoeboxPhotos  *self,
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
        set_unreadable_error (error, file_name, local_error);
      return NULL;
    }

  buffer = g_malloc (COPY_CHUNK_SIZE);

  while (read_ok)
    {
      gssize n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer, COPY_CHUNK_SIZE,
                                           cancellable, &local_error);

      if (n_read < 0)
        {
          set_unreadable_error (error, file_name, local_error);
          read_ok = FALSE;
        }
      else if (n_read == 0)
        {
          break;
        }
      else if ((total += n_read) > SHOEBOX_PHOTOS_MAX_FILE_SIZE)
        {
          set_file_too_large_error (error, file_name);
          read_ok = FALSE;
        }
      else if (!write_to_loader (&loader, &limits, buffer, n_read, &local_error))
        {
          set_not_an_image_error (error, file_name, local_error);
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
      set_not_an_image_error (error, file_name, local_error);
      return NULL;
    }

  oriented = gdk_pixbuf_apply_embedded_orientation (decoded);
  if (oriented == NULL)
    {
      set_not_an_image_error (error, file_name, NULL);
      return NULL;
    }

  return fit_pixbuf (oriented, max_size);
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

  /* Named as PNG, not sniffed: see new_loader_for_header(). */
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
      || !ensure_directory (folder, &error)
      || !g_file_set_contents_full (path, data, (gssize) length,
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("Could not cache the thumbnail %s: %s", path, error->message);
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

static void
load_thumbnail_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  GdkPixbuf *pixbuf = shoebox_photos_load_thumbnail (source_object, data->file_name, data->size,
                                                     cancellable, &error);

  if (pixbuf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pixbuf, g_object_unref);
}

static void
load_pixbuf_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  GdkPixbuf *pixbuf = shoebox_photos_load_pixbuf (source_object, data->file_name, data->size,
                                                  cancellable, &error);

  if (pixbuf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pixbuf, g_object_unref);
}

static void
remove_unreferenced_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  RemoveData *data = task_data;
  GError *error = NULL;
  guint n_removed = 0;

  if (shoebox_photos_remove_unreferenced (source_object, (const char * const *) data->referenced,
                                          data->grace_seconds, &n_removed, cancellable, &error))
    g_task_return_int (task, n_removed);
  else
    g_task_return_error (task, error);
}

static void
shoebox_photos_finalize (GObject *object)
{
  ShoeboxPhotos *self = SHOEBOX_PHOTOS (object);

  g_clear_pointer (&self->photos_directory, g_free);
  g_clear_pointer (&self->cache_directory, g_free);

  G_OBJECT_CLASS (shoebox_photos_parent_class)->finalize (object);
}

static void
shoebox_photos_constructed (GObject *object)
{
  ShoeboxPhotos *self = SHOEBOX_PHOTOS (object);

  G_OBJECT_CLASS (shoebox_photos_parent_class)->constructed (object);

  if (self->photos_directory == NULL)
    self->photos_directory = g_build_filename (g_get_user_data_dir (), "shoebox", "photos", NULL);
  if (self->cache_directory == NULL)
    self->cache_directory = g_build_filename (g_get_user_cache_dir (), "shoebox", "thumbnails", NULL);
}

static void
shoebox_photos_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ShoeboxPhotos *self = SHOEBOX_PHOTOS (object);

  switch (prop_id)
    {
    case PROP_PHOTOS_DIRECTORY:
      g_value_set_string (value, self->photos_directory);
      break;

    case PROP_CACHE_DIRECTORY:
      g_value_set_string (value, self->cache_directory);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_photos_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ShoeboxPhotos *self = SHOEBOX_PHOTOS (object);

  switch (prop_id)
    {
    case PROP_PHOTOS_DIRECTORY:
      g_free (self->photos_directory);
      self->photos_directory = g_value_dup_string (value);
      break;

    case PROP_CACHE_DIRECTORY:
      g_free (self->cache_directory);
      self->cache_directory = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_photos_class_init (ShoeboxPhotosClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shoebox_photos_finalize;
  object_class->constructed = shoebox_photos_constructed;
  object_class->get_property = shoebox_photos_get_property;
  object_class->set_property = shoebox_photos_set_property;

  /**
   * ShoeboxPhotos:photos-directory:
   *
   * The folder of the photo files; by default
   * `$XDG_DATA_HOME/shoebox/photos`.
   */
  properties[PROP_PHOTOS_DIRECTORY] =
    g_param_spec_string ("photos-directory", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * ShoeboxPhotos:cache-directory:
   *
   * The folder of the thumbnails, one subfolder per size; by default
   * `$XDG_CACHE_HOME/shoebox/thumbnails`.
   */
  properties[PROP_CACHE_DIRECTORY] =
    g_param_spec_string ("cache-directory", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shoebox_photos_init (ShoeboxPhotos *self)
{
}

/**
 * shoebox_photos_check_file_name:
 * @file_name: a photo's name, as the database keeps it
 * @error: where to put the reason it is refused
 *
 * Checks that @file_name is a name Shoebox gives photos: 64 lowercase hex
 * digits, a dot and a short lowercase extension. Nothing else (no "/",
 * no "..") ever reaches a path.
 *
 * Returns: %TRUE when the name is valid
 */
gboolean
shoebox_photos_check_file_name (const char  *file_name,
                                GError     **error)
{
  g_autofree char *shown = NULL;

  g_return_val_if_fail (file_name != NULL, FALSE);

  if (is_valid_file_name (file_name))
    return TRUE;

  shown = g_utf8_make_valid (file_name, -1);
  g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_INVALID_NAME,
               _("“%s” is not the name of a Shoebox photo"), shown);
  return FALSE;
}

/**
 * shoebox_photos_new:
 *
 * Creates the photo store of the user's data and cache folders.
 *
 * Returns: (transfer full): a new #ShoeboxPhotos
 */
ShoeboxPhotos *
shoebox_photos_new (void)
{
  return g_object_new (SHOEBOX_TYPE_PHOTOS, NULL);
}

/**
 * shoebox_photos_new_for_directories:
 * @photos_directory: (nullable): the photos folder, %NULL for the default
 * @cache_directory: (nullable): the thumbnails folder, %NULL for the default
 *
 * Returns: (transfer full): a new #ShoeboxPhotos
 */
ShoeboxPhotos *
shoebox_photos_new_for_directories (const char *photos_directory,
                                    const char *cache_directory)
{
  return g_object_new (SHOEBOX_TYPE_PHOTOS,
                       "photos-directory", photos_directory,
                       "cache-directory", cache_directory,
                       NULL);
}

const char *
shoebox_photos_get_photos_directory (ShoeboxPhotos *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PHOTOS (self), NULL);

  return self->photos_directory;
}

const char *
shoebox_photos_get_cache_directory (ShoeboxPhotos *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PHOTOS (self), NULL);

  return self->cache_directory;
}

/**
 * shoebox_photos_dup_path:
 * @self: a #ShoeboxPhotos
 * @file_name: a photo's name, as shoebox_photos_import() gave it
 * @error: where to put the reason the name is refused
 *
 * Returns: (transfer full) (nullable): the stored photo file, or %NULL
 *   when @file_name is not a valid photo name. The file may be missing.
 */
GFile *
shoebox_photos_dup_path (ShoeboxPhotos  *self,
                         const char     *file_name,
                         GError        **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (SHOEBOX_IS_PHOTOS (self), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  if (!shoebox_photos_check_file_name (file_name, error))
    return NULL;

  path = g_build_filename (self->photos_directory, file_name, NULL);
  return g_file_new_for_path (path);
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
      set_unreadable_error (error, display_name, local_error);
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
          set_file_too_large_error (error, display_name);
          return NULL;
        }
    }

  stream = g_file_read (source, cancellable, &local_error);
  if (stream == NULL)
    {
      set_unreadable_error (error, display_name, local_error);
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
  queue_job (g_steal_pointer (&task), import_thread, FALSE);
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
      set_file_too_large_error (error, display_name);
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
  queue_job (g_steal_pointer (&task), import_bytes_thread, FALSE);
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

  pixbuf = decode_photo (self, file_name, size, cancellable, error);
  if (pixbuf == NULL)
    return NULL;

  save_thumbnail (self, pixbuf, thumbnail_path, size);
  return g_steal_pointer (&pixbuf);
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
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  LoadData *data;

  g_return_if_fail (SHOEBOX_IS_PHOTOS (self));
  g_return_if_fail (file_name != NULL);
  g_return_if_fail (size > 0 && size <= MAX_THUMBNAIL_SIZE);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_photos_load_thumbnail_async);

  if (!shoebox_photos_check_file_name (file_name, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (LoadData, 1);
  data->file_name = g_strdup (file_name);
  data->size = size;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  queue_job (g_steal_pointer (&task), load_thumbnail_thread, TRUE);
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

  return decode_photo (self, file_name, max_size, cancellable, error);
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
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  LoadData *data;

  g_return_if_fail (SHOEBOX_IS_PHOTOS (self));
  g_return_if_fail (file_name != NULL);
  g_return_if_fail (max_size >= 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_photos_load_pixbuf_async);

  if (!shoebox_photos_check_file_name (file_name, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (LoadData, 1);
  data->file_name = g_strdup (file_name);
  data->size = max_size;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  queue_job (g_steal_pointer (&task), load_pixbuf_thread, TRUE);
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

/**
 * shoebox_photos_remove_unreferenced:
 * @self: a #ShoeboxPhotos
 * @referenced: (array zero-terminated=1): the file names of every photo
 *   row in the database
 * @grace_seconds: keep files changed less than this long ago, so a photo
 *   imported into an editor that is not saved yet survives; use
 *   %SHOEBOX_PHOTOS_DEFAULT_GRACE_SECONDS
 * @n_removed: (out) (optional): how many photos were removed
 * @cancellable: (nullable): a #GCancellable
 * @error: where to put the first failure
 *
 * Removes the photos (and their thumbnails) that no row refers to any
 * more, such as those of pairs whose deletion can no longer be undone,
 * and leftovers of interrupted imports. Files in the folder whose names
 * Shoebox does not give are left alone. Blocks: call it from a thread, or
 * use shoebox_photos_remove_unreferenced_async().
 *
 * Returns: %TRUE when every unreferenced photo went
 */
gboolean
shoebox_photos_remove_unreferenced (ShoeboxPhotos       *self,
                                    const char * const  *referenced,
                                    guint                grace_seconds,
                                    guint               *n_removed,
                                    GCancellable        *cancellable,
                                    GError             **error)
{
  g_autoptr(GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) size_folders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (SHOEBOX_IS_PHOTOS (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_removed != NULL)
    *n_removed = 0;

  for (guint i = 0; referenced != NULL && referenced[i] != NULL; i++)
    g_hash_table_add (keep, (gpointer) referenced[i]);

  dir = g_dir_open (self->photos_directory, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE; /* No photo was ever imported. */

      g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_FAILED,
                   _("The photos folder could not be read: %s"), local_error->message);
      return FALSE;
    }

  {
    g_autoptr(GDir) cache = g_dir_open (self->cache_directory, 0, NULL);

    while (cache != NULL && (name = g_dir_read_name (cache)) != NULL)
      g_ptr_array_add (size_folders, g_build_filename (self->cache_directory, name, NULL));
  }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      gboolean is_temp = g_str_has_prefix (name, TEMP_PREFIX);
      GStatBuf info;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!is_temp && (!is_valid_file_name (name) || g_hash_table_contains (keep, name)))
        continue;

      path = g_build_filename (self->photos_directory, name, NULL);
      if (g_lstat (path, &info) != 0 || !S_ISREG (info.st_mode))
        continue;

      if ((gint64) info.st_mtime > now - (gint64) grace_seconds)
        continue;

      if (g_unlink (path) != 0)
        {
          int saved_errno = errno;

          if (local_error == NULL)
            g_set_error (&local_error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_FAILED,
                         _("The photo “%s” could not be removed: %s"), name, g_strerror (saved_errno));
          continue;
        }

      if (is_temp)
        continue;

      removed++;
      for (guint i = 0; i < size_folders->len; i++)
        {
          g_autofree char *hash = g_strndup (name, HASH_LENGTH);
          g_autofree char *base = g_strconcat (hash, ".png", NULL);
          g_autofree char *thumbnail = g_build_filename (g_ptr_array_index (size_folders, i), base, NULL);

          g_unlink (thumbnail);
        }
    }

  if (n_removed != NULL)
    *n_removed = removed;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * shoebox_photos_remove_unreferenced_async:
 * @self: a #ShoeboxPhotos
 * @referenced: (array zero-terminated=1): the file names of every photo
 *   row in the database (copied)
 * @grace_seconds: see shoebox_photos_remove_unreferenced()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the current thread-default main context when done
 * @user_data: data for @callback
 *
 * shoebox_photos_remove_unreferenced() on the shared pool of threads.
 */
void
shoebox_photos_remove_unreferenced_async (ShoeboxPhotos       *self,
                                          const char * const  *referenced,
                                          guint                grace_seconds,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RemoveData *data;

  g_return_if_fail (SHOEBOX_IS_PHOTOS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (RemoveData, 1);
  data->referenced = g_strdupv ((char **) referenced);
  data->grace_seconds = grace_seconds;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_photos_remove_unreferenced_async);
  g_task_set_task_data (task, data, (GDestroyNotify) remove_data_free);
  queue_job (g_steal_pointer (&task), remove_unreferenced_thread, FALSE);
}

/**
 * shoebox_photos_remove_unreferenced_finish:
 * @self: a #ShoeboxPhotos
 * @result: the result given to the callback
 * @n_removed: (out) (optional): how many photos were removed
 * @error: where to put the first failure
 *
 * Returns: %TRUE when every unreferenced photo went
 */
gboolean
shoebox_photos_remove_unreferenced_finish (ShoeboxPhotos  *self,
                                           GAsyncResult   *result,
                                           guint          *n_removed,
                                           GError        **error)
{
  gssize removed;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == shoebox_photos_remove_unreferenced_async, FALSE);

  removed = g_task_propagate_int (G_TASK (result), error);
  if (n_removed != NULL)
    *n_removed = removed < 0 ? 0 : (guint) removed;

  return removed >= 0;
}
