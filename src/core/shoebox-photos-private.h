/* shoebox-photos-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "shoebox-photos.h"

G_BEGIN_DECLS

/* The photo store is split over files by what it does: the object, file
 * names and errors (shoebox-photos.c), the shared thread pool
 * (-thread-pool.c), decoding (-decode.c), imports (-import.c), loading
 * thumbnails and whole photos (-load.c), removing unreferenced photos
 * (-remove-unreferenced.c), the formats there are loaders for (-formats.c),
 * WebP's EXIF orientation (-exif.c), whether a JPEG or PNG file is
 * whole (-end.c) and decodes of big images (-big-decode.c). They share the struct and the helpers declared here.
 */

#define HASH_LENGTH          64
#define MAX_EXTENSION_LENGTH 5
#define COPY_CHUNK_SIZE      (64 * 1024)
#define TEMP_PREFIX          ".import-"

struct _ShoeboxPhotos
{
  GObject  parent_instance;

  char    *photos_directory;
  char    *cache_directory;
};

/* Limits given to a loader's ::size-prepared handler. */
typedef struct
{
  int      max_size;   /* the decoded image fits in max_size × max_size; 0: no limit */
  gint64   max_pixels; /* refuse bigger images; 0: no limit */
  gboolean too_many_pixels;
  gboolean big_decode; /* counted in -big-decode.c: end it when done */
} DecodeLimits;

void       _shoebox_photos_begin_big_decode         (DecodeLimits      *limits);
void       _shoebox_photos_end_big_decode           (DecodeLimits      *limits);

/* Follows a JPEG or PNG file's structure to its end marker
 * (shoebox-photos-end.c).
 */
typedef struct
{
  int      state;
  guint64  skip;      /* bytes of a segment or chunk still to pass over */
  guint8   header[8];
  guint    n_header;
  gboolean in_scan;   /* the segment being passed over is a JPEG SOS */
  gboolean in_pixels; /* a PNG IDAT or a JPEG scan has begun */
} PhotoEnd;

void       _shoebox_photos_end_init                 (PhotoEnd          *end);
void       _shoebox_photos_end_feed                 (PhotoEnd          *end,
                                                     const guint8      *data,
                                                     gsize              length);
gboolean   _shoebox_photos_end_is_missing           (PhotoEnd          *end);
gboolean   _shoebox_photos_end_is_cut_in_pixels     (PhotoEnd          *end);

void       _shoebox_photos_queue_job                (GTask             *task,
                                                     GTaskThreadFunc    func,
                                                     gboolean           newest_first);

gboolean   _shoebox_photos_is_valid_file_name       (const char        *file_name);
gboolean   _shoebox_photos_ensure_directory         (const char        *path,
                                                     GError           **error);
void       _shoebox_photos_set_unreadable_error     (GError           **error,
                                                     const char        *display_name,
                                                     GError            *cause);
void       _shoebox_photos_set_not_an_image_error   (GError           **error,
                                                     const char        *display_name,
                                                     GError            *cause);
void       _shoebox_photos_set_file_too_large_error (GError           **error,
                                                     const char        *display_name);

gboolean   _shoebox_photos_write_to_loader          (GdkPixbufLoader  **loader,
                                                     DecodeLimits      *limits,
                                                     const guint8      *data,
                                                     gsize              length,
                                                     GError           **error);
int        _shoebox_photos_read_webp_orientation    (const char        *path,
                                                     GCancellable      *cancellable);
GdkPixbuf *_shoebox_photos_decode_photo             (ShoeboxPhotos     *self,
                                                     const char        *file_name,
                                                     int                max_size,
                                                     GCancellable      *cancellable,
                                                     GError           **error);

G_END_DECLS
