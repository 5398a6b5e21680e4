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
 * ShoeboxStatement:
 *
 * A statement that the database prepared once and keeps (see
 * shoebox_database_prepare()). The caller borrows it: declared with
 * `g_autoptr(ShoeboxStatement)`, it is reset and its bindings cleared when
 * the variable goes out of scope, so no return path needs to remember to,
 * and the next user finds it ready.
 */
typedef sqlite3_stmt ShoeboxStatement;

/**
 * ShoeboxOwnedStatement:
 *
 * A statement on a connection that is not a #ShoeboxDatabase (a copy, a
 * file being written or only read), owned by the caller (see
 * shoebox_owned_statement_new()): declared with
 * `g_autoptr(ShoeboxOwnedStatement)`, it is finalized when the variable
 * goes out of scope. The `shoebox_statement_` bind and column helpers
 * work on it too.
 */
typedef sqlite3_stmt ShoeboxOwnedStatement;

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

void             shoebox_database_set_up_process     (void);

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

gboolean         shoebox_database_set_error          (ShoeboxDatabase          *self,
                                                      int                       result,
                                                      const char               *context,
                                                      GError                  **error);
gboolean         shoebox_database_set_handle_error   (sqlite3                  *handle,
                                                      int                       result,
                                                      const char               *path,
                                                      const char               *context,
                                                      GError                  **error);

gboolean         shoebox_database_write              (ShoeboxDatabase          *self,
                                                      ShoeboxDatabaseWriteFunc  func,
                                                      gpointer                  user_data,
                                                      GError                  **error);
gboolean         shoebox_database_exec               (ShoeboxDatabase          *self,
                                                      const char               *sql,
                                                      GError                  **error);
ShoeboxStatement *shoebox_database_prepare           (ShoeboxDatabase          *self,
                                                      const char               *sql,
                                                      GError                  **error);
ShoeboxStatement *shoebox_database_prepare_for       (ShoeboxDatabase          *self,
                                                      const char               *sql,
                                                      const char               *context,
                                                      GError                  **error);
void             shoebox_database_close              (ShoeboxDatabase          *self);

gboolean         shoebox_database_step_done          (ShoeboxDatabase          *self,
                                                      ShoeboxStatement         *stmt,
                                                      GError                  **error);
gboolean         shoebox_database_step_row           (ShoeboxDatabase          *self,
                                                      ShoeboxStatement         *stmt,
                                                      gboolean                 *has_row,
                                                      GError                  **error);
gboolean         shoebox_database_query_int64        (ShoeboxDatabase          *self,
                                                      ShoeboxStatement         *stmt,
                                                      gint64                   *value,
                                                      GError                  **error);
char           **shoebox_database_query_strv         (ShoeboxDatabase          *self,
                                                      ShoeboxStatement         *stmt,
                                                      GError                  **error);
GArray          *shoebox_database_query_ids          (ShoeboxDatabase          *self,
                                                      ShoeboxStatement         *stmt,
                                                      GError                  **error);
GArray          *shoebox_database_collect_ids        (ShoeboxDatabase          *self,
                                                      ShoeboxStatement         *stmt,
                                                      int                       parameter,
                                                      GError                  **error);
gint64           shoebox_database_last_insert_id     (ShoeboxDatabase          *self);
gint64           shoebox_database_changes            (ShoeboxDatabase          *self);

void             shoebox_statement_bind_int64        (ShoeboxStatement         *stmt,
                                                      int                       index,
                                                      gint64                    value);
void             shoebox_statement_bind_boolean      (ShoeboxStatement         *stmt,
                                                      int                       index,
                                                      gboolean                  value);
void             shoebox_statement_bind_optional_int64 (ShoeboxStatement       *stmt,
                                                        int                     index,
                                                        gint64                  value,
                                                        gint64                  none);
void             shoebox_statement_bind_text         (ShoeboxStatement         *stmt,
                                                      int                       index,
                                                      const char               *text);
void             shoebox_statement_bind_kept_text    (ShoeboxStatement         *stmt,
                                                      int                       index,
                                                      const char               *text);
gint64           shoebox_statement_column_int64      (ShoeboxStatement         *stmt,
                                                      int                       column);
int              shoebox_statement_column_int        (ShoeboxStatement         *stmt,
                                                      int                       column);
gboolean         shoebox_statement_column_boolean    (ShoeboxStatement         *stmt,
                                                      int                       column);
gint64           shoebox_statement_column_optional_int64 (ShoeboxStatement     *stmt,
                                                          int                   column,
                                                          gint64                none);
const char      *shoebox_statement_column_text       (ShoeboxStatement         *stmt,
                                                      int                       column);
void             shoebox_statement_release           (ShoeboxStatement         *stmt);

ShoeboxOwnedStatement *shoebox_owned_statement_new   (sqlite3                  *handle,
                                                      const char               *sql,
                                                      const char               *path,
                                                      const char               *context,
                                                      GError                  **error);
gboolean         shoebox_owned_statement_step_done   (ShoeboxOwnedStatement    *stmt,
                                                      const char               *path,
                                                      const char               *context,
                                                      GError                  **error);
gboolean         shoebox_owned_statement_run         (sqlite3                  *handle,
                                                      const char               *sql,
                                                      const char               *path,
                                                      const char               *context,
                                                      GError                  **error);
void             shoebox_owned_statement_free        (ShoeboxOwnedStatement    *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoeboxStatement, shoebox_statement_release)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoeboxOwnedStatement, shoebox_owned_statement_free)

G_END_DECLS
