/* shoebox-photos.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define SHOEBOX_PHOTOS_ERROR (shoebox_photos_error_quark ())

/**
 * ShoeboxPhotosError:
 * @SHOEBOX_PHOTOS_ERROR_FAILED: the photo could not be stored (disk full,
 *   read-only folder); the message has the system's words
 * @SHOEBOX_PHOTOS_ERROR_NOT_AN_IMAGE: the file is not an image Shoebox can read
 * @SHOEBOX_PHOTOS_ERROR_UNREADABLE: the file cannot be read: missing, not
 *   allowed, a folder or a special file
 * @SHOEBOX_PHOTOS_ERROR_TOO_LARGE: the file is over
 *   %SHOEBOX_PHOTOS_MAX_FILE_SIZE bytes, or the image over
 *   %SHOEBOX_PHOTOS_MAX_PIXELS pixels
 * @SHOEBOX_PHOTOS_ERROR_EMPTY: the file is empty
 * @SHOEBOX_PHOTOS_ERROR_INVALID_NAME: a photo name that Shoebox never gives
 *   (it could point outside the photos folder)
 * @SHOEBOX_PHOTOS_ERROR_MISSING: the photo is no longer in the photos folder
 * @SHOEBOX_PHOTOS_ERROR_NO_LOADER: the file is an image in a format (HEIC,
 *   WebP, AVIF…) that this system has no image loader for
 * @SHOEBOX_PHOTOS_ERROR_DAMAGED: the file is a JPEG or PNG image that
 *   stops before its end (a copy cut short)
 *
 * Every message names the file, ready for a toast. A cancelled operation
 * gives %G_IO_ERROR_CANCELLED instead.
 */
typedef enum
{
  SHOEBOX_PHOTOS_ERROR_FAILED,
  SHOEBOX_PHOTOS_ERROR_NOT_AN_IMAGE,
  SHOEBOX_PHOTOS_ERROR_UNREADABLE,
  SHOEBOX_PHOTOS_ERROR_TOO_LARGE,
  SHOEBOX_PHOTOS_ERROR_EMPTY,
  SHOEBOX_PHOTOS_ERROR_INVALID_NAME,
  SHOEBOX_PHOTOS_ERROR_MISSING,
  SHOEBOX_PHOTOS_ERROR_NO_LOADER,
  SHOEBOX_PHOTOS_ERROR_DAMAGED,
} ShoeboxPhotosError;

/**
 * SHOEBOX_PHOTOS_MAX_FILE_SIZE:
 *
 * The largest file Shoebox imports, in bytes.
 */
#define SHOEBOX_PHOTOS_MAX_FILE_SIZE (G_GINT64_CONSTANT (64) * 1024 * 1024)

/**
 * SHOEBOX_PHOTOS_MAX_PIXELS:
 *
 * The largest image Shoebox imports, in pixels (width × height): a small
 * file may still describe a huge image, and decoding one costs four bytes
 * a pixel.
 */
#define SHOEBOX_PHOTOS_MAX_PIXELS (G_GINT64_CONSTANT (100) * 1000 * 1000)

/**
 * SHOEBOX_PHOTOS_BIG_DECODE_PIXELS:
 *
 * Images of more pixels than this are decoded one at a time in the whole
 * process: decoding one costs up to four bytes a pixel, and two near
 * %SHOEBOX_PHOTOS_MAX_PIXELS at once would take 800 MB. Phone photos of
 * 12 megapixels still decode side by side.
 */
#define SHOEBOX_PHOTOS_BIG_DECODE_PIXELS (G_GINT64_CONSTANT (16) * 1000 * 1000)

/**
 * SHOEBOX_PHOTOS_MAX_DECODES:
 *
 * How many photos are imported or decoded at the same time, at most, in
 * the whole process; further requests wait in a queue.
 */
#define SHOEBOX_PHOTOS_MAX_DECODES 2

/**
 * SHOEBOX_PHOTOS_DEFAULT_GRACE_SECONDS:
 *
 * The age under which shoebox_photos_remove_unreferenced() keeps a photo
 * that no row refers to: an editor may hold an imported photo for a long
 * time before its pair is saved.
 */
#define SHOEBOX_PHOTOS_DEFAULT_GRACE_SECONDS (24 * 60 * 60)

#define SHOEBOX_TYPE_PHOTOS (shoebox_photos_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxPhotos, shoebox_photos, SHOEBOX, PHOTOS, GObject)

GQuark           shoebox_photos_error_quark                (void);

gboolean         shoebox_photos_check_file_name            (const char           *file_name,
                                                            GError              **error);

char           **shoebox_photos_dup_mime_types             (void);
char            *shoebox_photos_dup_accept_header          (void);
GdkPixbufLoader *shoebox_photos_new_loader                 (const guint8         *data,
                                                            gsize                 length,
                                                            GError              **error);

ShoeboxPhotos   *shoebox_photos_new                        (void);
ShoeboxPhotos   *shoebox_photos_new_for_directories        (const char           *photos_directory,
                                                            const char           *cache_directory);

const char      *shoebox_photos_get_photos_directory       (ShoeboxPhotos        *self);
const char      *shoebox_photos_get_cache_directory        (ShoeboxPhotos        *self);
GFile           *shoebox_photos_dup_path                   (ShoeboxPhotos        *self,
                                                            const char           *file_name,
                                                            GError              **error);

char            *shoebox_photos_import                     (ShoeboxPhotos        *self,
                                                            GFile                *source,
                                                            GCancellable         *cancellable,
                                                            GError              **error);
void             shoebox_photos_import_async               (ShoeboxPhotos        *self,
                                                            GFile                *source,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
char            *shoebox_photos_import_finish              (ShoeboxPhotos        *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

char            *shoebox_photos_import_bytes               (ShoeboxPhotos        *self,
                                                            GBytes               *bytes,
                                                            const char           *display_name,
                                                            GCancellable         *cancellable,
                                                            GError              **error);
void             shoebox_photos_import_bytes_async         (ShoeboxPhotos        *self,
                                                            GBytes               *bytes,
                                                            const char           *display_name,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
char            *shoebox_photos_import_bytes_finish        (ShoeboxPhotos        *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

GdkPixbuf       *shoebox_photos_load_thumbnail             (ShoeboxPhotos        *self,
                                                            const char           *file_name,
                                                            int                   size,
                                                            GCancellable         *cancellable,
                                                            GError              **error);
void             shoebox_photos_load_thumbnail_async       (ShoeboxPhotos        *self,
                                                            const char           *file_name,
                                                            int                   size,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GdkPixbuf       *shoebox_photos_load_thumbnail_finish      (ShoeboxPhotos        *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

GdkPixbuf       *shoebox_photos_load_pixbuf                (ShoeboxPhotos        *self,
                                                            const char           *file_name,
                                                            int                   max_size,
                                                            GCancellable         *cancellable,
                                                            GError              **error);
void             shoebox_photos_load_pixbuf_async          (ShoeboxPhotos        *self,
                                                            const char           *file_name,
                                                            int                   max_size,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GdkPixbuf       *shoebox_photos_load_pixbuf_finish         (ShoeboxPhotos        *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

gboolean         shoebox_photos_remove_unreferenced        (ShoeboxPhotos        *self,
                                                            const char * const   *referenced,
                                                            guint                 grace_seconds,
                                                            guint                *n_removed,
                                                            GCancellable         *cancellable,
                                                            GError              **error);
void             shoebox_photos_remove_unreferenced_async  (ShoeboxPhotos        *self,
                                                            const char * const   *referenced,
                                                            guint                 grace_seconds,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean         shoebox_photos_remove_unreferenced_finish (ShoeboxPhotos        *self,
                                                            GAsyncResult         *result,
                                                            guint                *n_removed,
                                                            GError              **error);

guint            shoebox_photos_get_most_big_decodes       (void);
void             shoebox_photos_reset_most_big_decodes     (void);

G_END_DECLS
