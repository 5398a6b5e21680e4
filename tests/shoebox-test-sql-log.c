/* shoebox-test-sql-log.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-test-sql-log.h"

#include <sqlite3.h>
#include <string.h>

/* Which thread ran which SQL statement, on every connection opened after
 * shoebox_test_sql_log_init(), whoever opened it: tests check with it that
 * long work runs in a worker thread and never on the main one, without
 * any hook in the code they test. SQLite calls the trace callback in the
 * thread that runs the statement.
 */

typedef struct
{
  gboolean  on_main_thread;
  char     *sql;
} Entry;

static GMutex   lock;
static GArray  *entries;
static GThread *main_thread;

static void
entry_clear (gpointer data)
{
  g_free (((Entry *) data)->sql);
}

static int
trace_cb (unsigned int  type,
          void         *context,
          void         *statement,
          void         *sql)
{
  Entry entry = { g_thread_self () == main_thread, g_strdup (sql) };

  g_mutex_lock (&lock);
  g_array_append_val (entries, entry);
  g_mutex_unlock (&lock);
  return 0;
}

static int
trace_connection (sqlite3                          *handle,
                  char                            **error_message,
                  const struct sqlite3_api_routines *api)
{
  return sqlite3_trace_v2 (handle, SQLITE_TRACE_STMT, trace_cb, NULL);
}

/* Call from main(), before any connection is opened. */
void
shoebox_test_sql_log_init (void)
{
  main_thread = g_thread_self ();
  entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (entries, entry_clear);
  g_assert_cmpint (sqlite3_auto_extension ((void (*) (void)) trace_connection), ==, SQLITE_OK);
}

void
shoebox_test_sql_log_clear (void)
{
  g_mutex_lock (&lock);
  g_array_set_size (entries, 0);
  g_mutex_unlock (&lock);
}

/* How many statements containing @sql ran on the main thread, or on any
 * other, since the last clear.
 */
guint
shoebox_test_sql_log_count (const char *sql,
                            gboolean    on_main_thread)
{
  guint n = 0;

  g_mutex_lock (&lock);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);

      if (entry->on_main_thread == on_main_thread && strstr (entry->sql, sql) != NULL)
        n++;
    }
  g_mutex_unlock (&lock);
  return n;
}
