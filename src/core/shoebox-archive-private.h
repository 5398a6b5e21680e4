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

/* Every fixed statement of the archive family (shoebox-archive-sql.c). */
typedef enum
{
  /* shoebox-archive.c */
  ARCHIVE_SQL_INTEGRITY_CHECK,
  ARCHIVE_SQL_HAS_PAIRS_TABLE,
  ARCHIVE_SQL_READ_ENTRY,
  /* shoebox-archive-export.c */
  ARCHIVE_SQL_JOURNAL_OFF,
  ARCHIVE_SQL_SYNCHRONOUS_OFF,
  ARCHIVE_SQL_SQLAR_PAGE_SIZE,
  ARCHIVE_SQL_CREATE_SQLAR,
  ARCHIVE_SQL_BEGIN,
  ARCHIVE_SQL_COMMIT,
  ARCHIVE_SQL_ADD_ENTRY,
  ARCHIVE_SQL_PHOTO_NAMES,
  ARCHIVE_SQL_COUNT_PAIRS,
  ARCHIVE_SQL_COUNT_SILHOUETTES,
  ARCHIVE_SQL_COUNT_PHOTOS,
  /* shoebox-archive-merge.c */
  ARCHIVE_SQL_ATTACH_SOURCE,
  ARCHIVE_SQL_DETACH_SOURCE,
  ARCHIVE_SQL_ADD_BRANDS,
  ARCHIVE_SQL_CREATE_MERGE_SILHOUETTES,
  ARCHIVE_SQL_MATCH_SILHOUETTES,
  ARCHIVE_SQL_MARK_NEW_SILHOUETTES,
  ARCHIVE_SQL_ADD_SILHOUETTES,
  ARCHIVE_SQL_NOTE_ADDED_SILHOUETTES,
  ARCHIVE_SQL_LINK_PREDECESSORS,
  ARCHIVE_SQL_COUNT_MERGED_SILHOUETTES,
  ARCHIVE_SQL_CREATE_MERGE_ADDED,
  ARCHIVE_SQL_SOURCE_PAIRS,
  ARCHIVE_SQL_PAIR_EXISTS,
  ARCHIVE_SQL_ADD_PAIR,
  ARCHIVE_SQL_NOTE_ADDED_PAIR,
  ARCHIVE_SQL_CREATE_MERGE_PAIRS,
  ARCHIVE_SQL_ADD_TAGS,
  ARCHIVE_SQL_FILL_MERGE_PAIRS,
  ARCHIVE_SQL_ADD_PAIR_TAGS,
  ARCHIVE_SQL_ADD_WEARS,
  ARCHIVE_SQL_ADD_PHOTOS,
  ARCHIVE_SQL_DROP_MERGE_PAIRS,
  ARCHIVE_SQL_DROP_MERGE_SILHOUETTES,
  ARCHIVE_SQL_DROP_MERGE_ADDED,
  /* shoebox-archive-restore.c */
  ARCHIVE_SQL_PAGE_SIZE,
  ARCHIVE_SQL_JOURNAL_DELETE,
  ARCHIVE_SQL_VACUUM,
  /* shoebox-backups.c */
  ARCHIVE_SQL_FINGERPRINT,
  N_ARCHIVE_SQL
} ArchiveSql;

const char            *_shoebox_archive_sql        (ArchiveSql        sql);
ShoeboxStatement      *_shoebox_archive_statement  (ShoeboxDatabase  *database,
                                                    ArchiveSql        sql,
                                                    GError          **error);
ShoeboxOwnedStatement *_shoebox_archive_prepare    (sqlite3          *handle,
                                                    ArchiveSql        sql,
                                                    const char       *path,
                                                    const char       *context,
                                                    GError          **error);
gboolean               _shoebox_archive_run        (sqlite3          *handle,
                                                    const ArchiveSql *sql,
                                                    guint             n_sql,
                                                    const char       *path,
                                                    const char       *context,
                                                    GError          **error);

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
char    **_shoebox_archive_dup_photo_names  (sqlite3     *handle,
                                             gboolean    *read_all);
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
                                             ArchiveSql   sql);
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
