/* shoebox-archive-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "shoebox-archive.h"

G_BEGIN_DECLS

/* The names inside a collection file: the database, and each photo under
 * its own name (its SHA-256 and extension) in a "photos/" folder.
 */
#define SHOEBOX_ARCHIVE_DATABASE_NAME "shoebox.db"
#define SHOEBOX_ARCHIVE_PHOTOS_PREFIX "photos/"

/* What killed writers leave behind; shoebox-file-replace.c removes them. */
#define SHOEBOX_ARCHIVE_TEMP_TEMPLATE ".shoebox-partial-XXXXXX"

sqlite3  *_shoebox_archive_snapshot         (const char  *database_path,
                                             GError     **error);
unsigned char *_shoebox_archive_serialize  (sqlite3       *copy,
                                             sqlite3_int64 *size,
                                             const char    *display_name,
                                             GError       **error);
gboolean  _shoebox_archive_copy_to_file     (const char   *database_path,
                                             const char   *temp_path,
                                             int           fd,
                                             const char   *display_name,
                                             char       ***photo_names,
                                             GError      **error);
char    **_shoebox_archive_dup_photo_names  (sqlite3     *handle);
gboolean  _shoebox_archive_write_all        (int           fd,
                                             const guint8 *data,
                                             gsize         size,
                                             const char   *display_name,
                                             GError      **error);
gboolean  _shoebox_archive_write_photo      (const char    *path,
                                             GBytes        *bytes,
                                             GCancellable  *cancellable,
                                             GError       **error);
GBytes   *_shoebox_archive_read_collection_photo (const char  *photos_directory,
                                                  const char  *name,
                                                  const char  *display_name,
                                                  GError     **error);
guint     _shoebox_archive_count            (sqlite3     *handle,
                                             const char  *sql);
gboolean  _shoebox_archive_sync_and_rename  (int          fd,
                                             const char  *temp_path,
                                             const char  *path,
                                             GError     **error);
char     *_shoebox_archive_unpack            (ShoeboxArchive  *self,
                                             ShoeboxDatabase *target,
                                             const char      *photos_directory,
                                             int             *lock_fd,
                                             GCancellable    *cancellable,
                                             GError         **error);
void      _shoebox_archive_remove_database  (const char     *path,
                                             int             lock_fd);

G_END_DECLS
