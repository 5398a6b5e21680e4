/* shoebox-database-ids.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-database"

#include "config.h"

#include "shoebox-database-private.h"

/* Many ids in one step: the aggregate `shoebox_ids (id, ?)` appends each
 * row's id to an array the caller binds, so SQLite runs the whole scan
 * inside one sqlite3_step() instead of handing every row back through
 * the C API.
 *
 * Each row handed back costs about as much as finding it: the search
 * for "s"*, which finds all of 100,000 pairs, took 7.9 ms row by row and
 * 4.5 ms through the aggregate (best of 8, SQLite 3.40); every pair in
 * the order added, 10.5 and 6.5 ms. That was most of the first key of a
 * search, the one that finds the most.
 *
 * An aggregate without GROUP BY has no order SQLite promises, so the
 * collector checks the order the ids came in and sorts them if it must.
 */

/* The type of pointer sqlite3_bind_pointer() gives the aggregate: SQL
 * cannot forge it, and no other pointer passes for it.
 */
#define ID_COLLECTOR_TYPE "shoebox-id-collector"

typedef struct
{
  GArray  *ids;
  gboolean ascending;  /* so far; else the ids are sorted at the end */
} IdCollector;

static void
collect_id_step (sqlite3_context  *context,
                 int               n_values,
                 sqlite3_value   **values)
{
  IdCollector *collector = sqlite3_value_pointer (values[1], ID_COLLECTOR_TYPE);
  gint64 id;

  if (collector == NULL)
    {
      sqlite3_result_error (context, "shoebox_ids() needs an id collector bound as its second argument", -1);
      return;
    }

  id = sqlite3_value_int64 (values[0]);
  if (collector->ids->len > 0 && id < g_array_index (collector->ids, gint64, collector->ids->len - 1))
    collector->ascending = FALSE;
  g_array_append_val (collector->ids, id);
}

static void
collect_id_final (sqlite3_context *context)
{
  sqlite3_result_null (context);
}

/* Called on every connection a #ShoeboxDatabase opens. DIRECTONLY: only
 * our own statements may call it, never a trigger or a view in the file.
 */
int
_shoebox_database_add_id_collector (sqlite3 *handle)
{
  return sqlite3_create_function_v2 (handle, "shoebox_ids", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
                                     NULL, collect_id_step, collect_id_final, NULL);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 id_a = *(const gint64 *) a;
  gint64 id_b = *(const gint64 *) b;

  return id_a < id_b ? -1 : id_a > id_b;
}

/**
 * shoebox_database_collect_ids:
 * @self: the database that prepared @stmt
 * @stmt: a query that passes each id it finds to `shoebox_ids (id, ?N)`,
 *   such as `SELECT shoebox_ids (rowid, ?2) FROM t WHERE x = ?1`
 * @parameter: N, the parameter that takes the collector
 * @error: return location for a #GError
 *
 * Runs @stmt, which finds every id in one step, and resets it.
 *
 * Returns: (transfer full) (element-type gint64): the ids, lowest first,
 *   or %NULL with @error set
 */
GArray *
shoebox_database_collect_ids (ShoeboxDatabase   *self,
                              ShoeboxStatement  *stmt,
                              int                parameter,
                              GError           **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  IdCollector collector = { ids, TRUE };
  gboolean has_row = TRUE;
  gboolean stepped = TRUE;

  g_return_val_if_fail (SHOEBOX_IS_DATABASE (self), NULL);
  g_return_val_if_fail (stmt != NULL, NULL);

  if (sqlite3_bind_pointer (stmt, parameter, &collector, ID_COLLECTOR_TYPE, NULL) != SQLITE_OK)
    g_critical ("“%s” has no parameter %d for the id collector", sqlite3_sql (stmt), parameter);

  /* One row, the aggregate's. */
  while (stepped && has_row)
    stepped = shoebox_database_step_row (self, stmt, &has_row, error);
  sqlite3_reset (stmt);
  /* The collector lives on this stack: nothing may keep it. */
  sqlite3_bind_null (stmt, parameter);
  if (!stepped)
    return NULL;

  if (!collector.ascending)
    g_array_sort (ids, compare_ids);
  return g_steal_pointer (&ids);
}
