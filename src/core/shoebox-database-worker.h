/* shoebox-database-worker.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "shoebox-database.h"

G_BEGIN_DECLS

/**
 * ShoeboxDatabaseWorkerFunc:
 * @task: the task to return the result on, with g_task_return_*()
 * @connection: a connection of the worker's own to the same file
 * @job_data: the data given to shoebox_database_run_in_thread()
 * @cancellable: (nullable): the task's cancellable
 *
 * Runs in a worker thread: it must touch no object the main thread uses,
 * only @connection, @job_data and what it creates itself.
 */
typedef void (*ShoeboxDatabaseWorkerFunc) (GTask           *task,
                                           ShoeboxDatabase *connection,
                                           gpointer         job_data,
                                           GCancellable    *cancellable);

void shoebox_database_run_in_thread (ShoeboxDatabase           *database,
                                     GTask                     *task,
                                     ShoeboxDatabaseWorkerFunc  func,
                                     gpointer                   job_data,
                                     GDestroyNotify             job_data_free);

G_END_DECLS
