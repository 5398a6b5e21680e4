/* shoebox-archive.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "shoebox-database.h"

G_BEGIN_DECLS

#define SHOEBOX_ARCHIVE_ERROR (shoebox_archive_error_quark ())

/**
 * ShoeboxArchiveError:
 * @SHOEBOX_ARCHIVE_ERROR_FAILED: the file could not be read or written
 * @SHOEBOX_ARCHIVE_ERROR_FOREIGN: the file is not a Shoebox collection file
 * @SHOEBOX_ARCHIVE_ERROR_DAMAGED: the file is damaged or cut short
 * @SHOEBOX_ARCHIVE_ERROR_TOO_NEW: a newer Shoebox wrote the file
 *
 * Every message names the file and says why, in plain words.
 */
typedef enum
{
  SHOEBOX_ARCHIVE_ERROR_FAILED,
  SHOEBOX_ARCHIVE_ERROR_FOREIGN,
  SHOEBOX_ARCHIVE_ERROR_DAMAGED,
  SHOEBOX_ARCHIVE_ERROR_TOO_NEW,
} ShoeboxArchiveError;

/**
 * ShoeboxMergeCounts:
 * @pairs_added: pairs of the file that were not in the collection
 * @pairs_skipped: pairs of the file that the collection already had
 * @silhouettes_added: silhouettes of the file that were not in the collection
 * @silhouettes_skipped: silhouettes the collection already had
 */
typedef struct
{
  guint pairs_added;
  guint pairs_skipped;
  guint silhouettes_added;
  guint silhouettes_skipped;
} ShoeboxMergeCounts;

#define SHOEBOX_TYPE_ARCHIVE (shoebox_archive_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxArchive, shoebox_archive, SHOEBOX, ARCHIVE, GObject)

GQuark          shoebox_archive_error_quark          (void);

gboolean        shoebox_archive_export               (const char          *database_path,
                                                      const char          *photos_directory,
                                                      GFile               *target,
                                                      guint               *n_pairs,
                                                      guint               *n_photos,
                                                      GCancellable        *cancellable,
                                                      GError             **error);

ShoeboxArchive *shoebox_archive_open                 (GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
ShoeboxArchive *shoebox_archive_open_backup          (const char          *database_path,
                                                      const char          *photos_pool,
                                                      GCancellable        *cancellable,
                                                      GError             **error);

const char     *shoebox_archive_get_display_name     (ShoeboxArchive      *self);
guint           shoebox_archive_get_n_pairs          (ShoeboxArchive      *self);
guint           shoebox_archive_get_n_photos         (ShoeboxArchive      *self);
guint           shoebox_archive_get_n_silhouettes    (ShoeboxArchive      *self);
guint           shoebox_archive_get_schema_version   (ShoeboxArchive      *self);

gboolean        shoebox_archive_restore              (ShoeboxArchive      *self,
                                                      ShoeboxDatabase     *database,
                                                      const char          *photos_directory,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
gboolean        shoebox_archive_merge                (ShoeboxArchive      *self,
                                                      ShoeboxDatabase     *database,
                                                      const char          *photos_directory,
                                                      ShoeboxMergeCounts  *counts,
                                                      GCancellable        *cancellable,
                                                      GError             **error);

G_END_DECLS
