/* shoebox-database-owned.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-database.h"

/* Statements on a connection that is not a #ShoeboxDatabase: a copy in
 * memory, a file being written, a file only read. Such a connection lives
 * for one job and has no cache to give a statement back to, so the caller
 * owns each statement, and `g_autoptr(ShoeboxOwnedStatement)` finalizes
 * it on every way out of the scope. Failures are worded by the one mapper,
 * shoebox_database_set_handle_error(), with the caller's file and context.
 */

/* The file a failure names when the caller gives none: "" for a
 * connection in memory, which only a caller that ignores errors has.
 */
static const char *
path_or_filename (sqlite3    *handle,
                  const char *path)
{
  const char *filename;

  if (path != NULL)
    return path;

  filename = sqlite3_db_filename (handle, NULL);
  return filename != NULL ? filename : "";
}

/**
 * shoebox_owned_statement_new:
 * @handle: a connection of the caller's
 * @sql: one statement, with `?` parameters for every value
 * @path: (nullable): the file @handle is, as the user knows it; %NULL
 *   for SQLite's name of it, when a failure is not shown
 * @context: (nullable): what was being done, translated (see
 *   shoebox_database_set_handle_error())
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the statement, or %NULL with @error set
 */
ShoeboxOwnedStatement *
shoebox_owned_statement_new (sqlite3     *handle,
                             const char  *sql,
                             const char  *path,
                             const char  *context,
                             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int result;

  g_return_val_if_fail (handle != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  result = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  if (result != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      shoebox_database_set_handle_error (handle, result, path_or_filename (handle, path), context, error);
      return NULL;
    }

  return stmt;
}

/**
 * shoebox_owned_statement_step_done:
 * @stmt: a statement for a change, or one whose rows do not matter
 * @path: (nullable): as for shoebox_owned_statement_new()
 * @context: (nullable): as for shoebox_owned_statement_new()
 * @error: return location for a #GError
 *
 * Runs @stmt once and resets it, so that it can be bound and run again.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_owned_statement_step_done (ShoeboxOwnedStatement  *stmt,
                                   const char             *path,
                                   const char             *context,
                                   GError                **error)
{
  sqlite3 *handle;
  int result;

  g_return_val_if_fail (stmt != NULL, FALSE);

  handle = sqlite3_db_handle (stmt);
  result = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (result != SQLITE_DONE && result != SQLITE_ROW)
    return shoebox_database_set_handle_error (handle, result, path_or_filename (handle, path), context, error);

  return TRUE;
}

/**
 * shoebox_owned_statement_run:
 * @handle: a connection of the caller's
 * @sql: one statement without parameters
 * @path: (nullable): as for shoebox_owned_statement_new()
 * @context: (nullable): as for shoebox_owned_statement_new()
 * @error: return location for a #GError
 *
 * Prepares, runs and finalizes @sql: what sqlite3_exec() does for one
 * statement, with the failure worded like every other.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_owned_statement_run (sqlite3     *handle,
                             const char  *sql,
                             const char  *path,
                             const char  *context,
                             GError     **error)
{
  g_autoptr(ShoeboxOwnedStatement) stmt = shoebox_owned_statement_new (handle, sql, path, context, error);

  return stmt != NULL && shoebox_owned_statement_step_done (stmt, path, context, error);
}

/**
 * shoebox_owned_statement_free:
 * @stmt: (nullable): a statement of shoebox_owned_statement_new()
 *
 * Finalizes @stmt: what `g_autoptr(ShoeboxOwnedStatement)` calls at the
 * end of a scope.
 */
void
shoebox_owned_statement_free (ShoeboxOwnedStatement *stmt)
{
  sqlite3_finalize (stmt);
}
