/* shoebox-database-statement.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-database.h"

/* Typed access to a statement's parameters and columns, with the
 * conventions every table of ours shares: text may be NULL, and an
 * optional number has a "none" value that is stored as SQL NULL.
 * A failed bind is a mistake in our SQL (a wrong index), not something
 * the user can meet, so it is a critical rather than a GError.
 */

static void
check_bind (ShoeboxStatement *stmt,
            int               result)
{
  if (result != SQLITE_OK)
    g_critical ("Binding a parameter of “%s” failed: %s",
                sqlite3_sql (stmt), sqlite3_errstr (result));
}

void
shoebox_statement_bind_int64 (ShoeboxStatement *stmt,
                              int               index,
                              gint64            value)
{
  check_bind (stmt, sqlite3_bind_int64 (stmt, index, value));
}

void
shoebox_statement_bind_boolean (ShoeboxStatement *stmt,
                                int               index,
                                gboolean          value)
{
  check_bind (stmt, sqlite3_bind_int (stmt, index, value ? 1 : 0));
}

void
shoebox_statement_bind_optional_int64 (ShoeboxStatement *stmt,
                                       int               index,
                                       gint64            value,
                                       gint64            none)
{
  if (value == none)
    check_bind (stmt, sqlite3_bind_null (stmt, index));
  else
    check_bind (stmt, sqlite3_bind_int64 (stmt, index, value));
}

static void
bind_text (ShoeboxStatement        *stmt,
           int                      index,
           const char              *text,
           sqlite3_destructor_type  lifetime)
{
  if (text == NULL)
    check_bind (stmt, sqlite3_bind_null (stmt, index));
  else
    check_bind (stmt, sqlite3_bind_text (stmt, index, text, -1, lifetime));
}

void
shoebox_statement_bind_text (ShoeboxStatement *stmt,
                             int               index,
                             const char       *text)
{
  bind_text (stmt, index, text, SQLITE_TRANSIENT);
}

/**
 * shoebox_statement_bind_kept_text:
 * @stmt: a statement
 * @index: the parameter, from 1
 * @text: (nullable): text that stays as it is until @stmt is stepped and
 *   reset, or bound again, or given back with shoebox_statement_release()
 *
 * Like shoebox_statement_bind_text(), without copying @text: a bulk
 * write binds a dozen strings a row, and SQLite's copy of each (malloc,
 * memcpy, free) was 4 % of a CSV import's instructions. The caller
 * answers for @text outliving the step; SQLite reads it in place.
 */
void
shoebox_statement_bind_kept_text (ShoeboxStatement *stmt,
                                  int               index,
                                  const char       *text)
{
  bind_text (stmt, index, text, SQLITE_STATIC);
}

gint64
shoebox_statement_column_int64 (ShoeboxStatement *stmt,
                                int               column)
{
  return sqlite3_column_int64 (stmt, column);
}

int
shoebox_statement_column_int (ShoeboxStatement *stmt,
                              int               column)
{
  return sqlite3_column_int (stmt, column);
}

gboolean
shoebox_statement_column_boolean (ShoeboxStatement *stmt,
                                  int               column)
{
  return sqlite3_column_int (stmt, column) != 0;
}

gint64
shoebox_statement_column_optional_int64 (ShoeboxStatement *stmt,
                                         int               column,
                                         gint64            none)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return none;

  return sqlite3_column_int64 (stmt, column);
}

/* Valid until the next step or reset of @stmt. */
const char *
shoebox_statement_column_text (ShoeboxStatement *stmt,
                               int               column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/**
 * shoebox_statement_release:
 * @stmt: (nullable): a statement borrowed from the database's cache
 *
 * Resets @stmt and clears its bindings, giving it back to the database's
 * cache: what `g_autoptr(ShoeboxStatement)` calls at the end of a scope.
 * It does not finalize: the database owns the statement.
 */
void
shoebox_statement_release (ShoeboxStatement *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}
