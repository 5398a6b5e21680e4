/* shoebox-csv-async.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-csv"

#include "config.h"

#include "shoebox-csv-async.h"
#include "shoebox-csv-private.h"
#include "shoebox-database-worker.h"

/* The window's CSV export, preview and import, off the main thread:
 * writing 100,000 pairs takes 1.4 s, reading them for the preview 0.4 s,
 * importing them longer. Each runs the same code as the command line, in
 * a worker thread; those that touch the collection do it on a connection
 * of their own (see shoebox-database-worker.c).
 */

static void
export_file_thread (GTask           *task,
                    ShoeboxDatabase *connection,
                    gpointer         job_data,
                    GCancellable    *cancellable)
{
  g_autoptr(ShoeboxCollection) collection = shoebox_collection_new (connection);
  GError *error = NULL;
  guint n_exported = 0;

  if (shoebox_csv_export_file (collection, G_FILE (job_data), &n_exported, cancellable, &error))
    g_task_return_int (task, n_exported);
  else
    g_task_return_error (task, error);
}

/**
 * shoebox_csv_export_file_async:
 * @collection: the pairs to write
 * @file: the CSV file; replaced as a whole, or left as it was on failure
 *   or cancellation
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Does what shoebox_csv_export_file() does, in a worker thread.
 */
void
shoebox_csv_export_file_async (ShoeboxCollection   *collection,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SHOEBOX_IS_COLLECTION (collection));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (collection, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_csv_export_file_async);
  shoebox_database_run_in_thread (shoebox_collection_get_database (collection), task, export_file_thread,
                                  g_object_ref (file), g_object_unref);
}

/**
 * shoebox_csv_export_file_finish:
 * @collection: the collection given to shoebox_csv_export_file_async()
 * @result: the result
 * @n_exported: (out) (optional): how many pairs were written
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the file was written
 */
gboolean
shoebox_csv_export_file_finish (ShoeboxCollection  *collection,
                                GAsyncResult       *result,
                                guint              *n_exported,
                                GError            **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, collection), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;

  if (n_exported != NULL)
    *n_exported = (guint) n;
  return TRUE;
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ShoeboxCsvReport *report;
  GError *error = NULL;

  report = shoebox_csv_preview (task_data, &error);
  if (report == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Freed here, not by the window that drops the report. */
  g_ptr_array_unref (_shoebox_csv_report_take_pairs (report));
  g_task_return_pointer (task, report, (GDestroyNotify) shoebox_csv_report_unref);
}

/**
 * shoebox_csv_preview_async:
 * @contents: a CSV file's bytes
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Does what shoebox_csv_preview() does, in a worker thread, for a window
 * that shows what an import would do: its report has the columns, the
 * counts and the problems, and none of the pairs.
 */
void
shoebox_csv_preview_async (GBytes              *contents,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (contents != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_csv_preview_async);
  g_task_set_task_data (task, g_bytes_ref (contents), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, preview_thread);
}

/**
 * shoebox_csv_preview_finish:
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the report, without pairs, or %NULL with
 *   @error set when the file is not CSV
 */
ShoeboxCsvReport *
shoebox_csv_preview_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
import_thread (GTask           *task,
               ShoeboxDatabase *connection,
               gpointer         job_data,
               GCancellable    *cancellable)
{
  g_autoptr(ShoeboxCollection) collection = shoebox_collection_new (connection);
  ShoeboxCsvReport *report;
  GError *error = NULL;

  /* Nobody listens to this collection's "changed": the main thread's
   * collection emits it in imported_cb().
   */
  report = shoebox_csv_import (collection, job_data, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) shoebox_csv_report_unref);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(ShoeboxCsvReport) report = NULL;
  GError *error = NULL;

  report = g_task_propagate_pointer (G_TASK (result), &error);
  if (report == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Back on the main thread: the views over the collection read again. */
  if (shoebox_csv_report_get_n_imported (report) > 0)
    g_signal_emit_by_name (object, "changed");
  g_task_return_pointer (task, g_steal_pointer (&report), (GDestroyNotify) shoebox_csv_report_unref);
}

/**
 * shoebox_csv_import_async:
 * @collection: where the pairs go
 * @contents: a CSV file's bytes
 * @cancellable: (nullable): a #GCancellable; it stops an import that has
 *   not started yet, never one halfway
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Does what shoebox_csv_import() does, in one transaction in a worker
 * thread. When pairs were imported, @collection emits
 * #ShoeboxCollection::changed in the calling thread before @callback runs.
 */
void
shoebox_csv_import_async (ShoeboxCollection   *collection,
                          GBytes              *contents,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) import = NULL;

  g_return_if_fail (SHOEBOX_IS_COLLECTION (collection));
  g_return_if_fail (contents != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (collection, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_csv_import_async);

  /* The worker's own task reports what happened even if @cancellable
   * fires meanwhile: committed pairs must still reach the views.
   */
  import = g_task_new (collection, cancellable, imported_cb, g_steal_pointer (&task));
  g_task_set_check_cancellable (import, FALSE);
  shoebox_database_run_in_thread (shoebox_collection_get_database (collection), import, import_thread,
                                  g_bytes_ref (contents), (GDestroyNotify) g_bytes_unref);
}

/**
 * shoebox_csv_import_finish:
 * @collection: the collection given to shoebox_csv_import_async()
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the report, or %NULL with @error set (then
 *   nothing was imported, unless the error is %G_IO_ERROR_CANCELLED)
 */
ShoeboxCsvReport *
shoebox_csv_import_finish (ShoeboxCollection  *collection,
                           GAsyncResult       *result,
                           GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, collection), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
