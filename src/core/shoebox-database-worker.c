/* shoebox-database-worker.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-database"

#include "config.h"

#include "shoebox-database-worker.h"

/* Long database work (an export, an import, statistics, the mentions
 * scan over 100,000 pairs) must not freeze the window, and a connection
 * must not be shared between threads: each job opens a connection of its
 * own in a GTask worker thread, works on it, and closes it. In WAL mode
 * its reads do not wait for the main connection, nor the main
 * connection's reads for its writes.
 */

typedef struct
{
  char                      *path;
  ShoeboxDatabaseWorkerFunc  func;
  gpointer                   data;
  GDestroyNotify             data_free;
} Job;

static void
job_free (Job *job)
{
  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);
  g_free (job->path);
  g_free (job);
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(ShoeboxDatabase) connection = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  connection = shoebox_database_open_another (job->path, &error);
  if (connection == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  job->func (task, connection, job->data, cancellable);
  shoebox_database_close (connection);
}

/**
 * shoebox_database_run_in_thread:
 * @database: the main connection, for its file
 * @task: a task without task data; it is set here
 * @func: the work, run in a worker thread on a second connection
 * @job_data: (transfer full): data for @func
 * @job_data_free: (nullable): frees @job_data once the task is done
 *
 * Runs @func in a worker thread with a connection of its own to
 * @database's file, closed after @func returns. If the connection cannot
 * be opened, or @task is cancelled before it starts, @task returns the
 * error without calling @func.
 */
void
shoebox_database_run_in_thread (ShoeboxDatabase           *database,
                                GTask                     *task,
                                ShoeboxDatabaseWorkerFunc  func,
                                gpointer                   job_data,
                                GDestroyNotify             job_data_free)
{
  Job *job;

  g_return_if_fail (SHOEBOX_IS_DATABASE (database));
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (g_task_get_task_data (task) == NULL);
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  /* Copied here: the worker never touches the main connection. */
  job->path = g_strdup (shoebox_database_get_path (database));
  job->func = func;
  job->data = job_data;
  job->data_free = job_data_free;

  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_job);
}
