/* shoebox-database.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define SHOEBOX_DATABASE_ERROR (shoebox_database_error_quark ())

/**
 * ShoeboxDatabaseError:
 * @SHOEBOX_DATABASE_ERROR_FAILED: any other failure; the message has SQLite's words
 * @SHOEBOX_DATABASE_ERROR_BUSY: another process holds the database locked
 * @SHOEBOX_DATABASE_ERROR_CORRUPT: the file is damaged or is not an SQLite database
 * @SHOEBOX_DATABASE_ERROR_TOO_NEW: the file was written by a newer Shoebox
 * @SHOEBOX_DATABASE_ERROR_CONSTRAINT: a write broke a constraint of the schema
 * @SHOEBOX_DATABASE_ERROR_READ_ONLY: the data folder or the file cannot be written
 * @SHOEBOX_DATABASE_ERROR_DISK_FULL: the disk is full; the collection is as it was
 */
typedef enum
{
  SHOEBOX_DATABASE_ERROR_FAILED,
  SHOEBOX_DATABASE_ERROR_BUSY,
  SHOEBOX_DATABASE_ERROR_CORRUPT,
  SHOEBOX_DATABASE_ERROR_TOO_NEW,
  SHOEBOX_DATABASE_ERROR_CONSTRAINT,
  SHOEBOX_DATABASE_ERROR_READ_ONLY,
  SHOEBOX_DATABASE_ERROR_DISK_FULL,
} ShoeboxDatabaseError;

#define SHOEBOX_TYPE_DATABASE (shoebox_database_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxDatabase, shoebox_database, SHOEBOX, DATABASE, GObject)

/**
 * ShoeboxDatabaseWriteFunc:
 * @self: the database, inside an open transaction
 * @user_data: the data given to shoebox_database_write()
 * @error: where to put the reason for a failure
 *
 * Returns: %TRUE to commit, %FALSE (with @error set) to roll back
 */
typedef gboolean (*ShoeboxDatabaseWriteFunc) (ShoeboxDatabase *self,
                                              gpointer         user_data,
                                              GError         **error);

GQuark           shoebox_database_error_quark        (void);

char            *shoebox_database_dup_default_path   (void);
ShoeboxDatabase *shoebox_database_open_default       (GError                  **error);
ShoeboxDatabase *shoebox_database_open               (const char               *path,
                                                      GError                  **error);
ShoeboxDatabase *shoebox_database_open_with_migrations (const char             *path,
                                                        const char * const     *migrations,
                                                        guint                   n_migrations,
                                                        GError                **error);
ShoeboxDatabase *shoebox_database_open_another       (const char               *path,
                                                      GError                  **error);

guint            shoebox_database_get_latest_version (void);
guint            shoebox_database_get_schema_version (ShoeboxDatabase          *self);
const char      *shoebox_database_get_path           (ShoeboxDatabase          *self);
sqlite3         *shoebox_database_get_handle         (ShoeboxDatabase          *self);

gboolean         shoebox_database_set_disk_full_error (ShoeboxDatabase       *self,
                                                      int                    result,
                                                      GError               **error);

gboolean         shoebox_database_write              (ShoeboxDatabase          *self,
                                                      ShoeboxDatabaseWriteFunc  func,
                                                      gpointer                  user_data,
                                                      GError                  **error);
gboolean         shoebox_database_exec               (ShoeboxDatabase          *self,
                                                      const char               *sql,
                                                      GError                  **error);
sqlite3_stmt    *shoebox_database_prepare            (ShoeboxDatabase          *self,
                                                      const char               *sql,
                                                      GError                  **error);
void             shoebox_database_close              (ShoeboxDatabase          *self);

G_END_DECLS
