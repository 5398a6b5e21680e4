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
  g_free (scan->fingerprint);
  g_free (scan);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Scan, scan_free)

static Scan *
scan_new (gboolean notify_new,
          gboolean unless_unchanged)
{
  Scan *scan = g_new0 (Scan, 1);

  scan->notify_new = notify_new;
  scan->unless_unchanged = unless_unchanged;
  scan->rows = g_array_new (FALSE, FALSE, sizeof (gint64) * 4);
  return scan;
}

/* Both halves of a scan, on whichever connection the thread owns; none
 * when asked to skip it if what it reads is as the last scan found it.
 */
static gboolean
run_scan (ShoeboxDatabase  *database,
          Scan             *scan,
          GError          **error)
{
  scan->fingerprint = _shoebox_mentions_dup_fingerprint (database, error);
  if (scan->fingerprint == NULL)
    return FALSE;
  if (scan->unless_unchanged)
    {
      g_autofree char *stored = _shoebox_mentions_dup_stored_fingerprint (database);

      scan->skipped = g_strcmp0 (stored, scan->fingerprint) == 0;
      if (scan->skipped)
        return TRUE;
    }

  return _shoebox_mentions_find (database, scan, error)
         && shoebox_database_write (database, _shoebox_mentions_store_in_transaction, scan, error);
}

/* A scan in this thread; the labels are read again unless it was skipped. */
static gboolean
scan_here (ShoeboxMentions  *self,
           Scan             *scan,
           GError          **error)
{
  if (!run_scan (self->database, scan, error))
    return FALSE;
  if (scan->skipped)
    return TRUE;
  if (!_shoebox_mentions_reload_labels (self, error))
    return FALSE;

  _shoebox_mentions_emit_changed (self);
  return TRUE;
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

  scan = scan_new (notify_new, FALSE);
  if (!scan_here (self, scan, error))
    return FALSE;

  if (n_new != NULL)
    *n_new = scan->n_new;
  return TRUE;
}

/**
 * shoebox_mentions_scan_unless_unchanged:
 * @self: a #ShoeboxMentions
 * @scanned: (out) (optional): whether the scan ran
 * @error: return location for a #GError
 *
 * shoebox_mentions_scan() without announcing, skipped when the stories,
 * the catalogue and the pairs are as the last scan found them (Shoebox's
 * launch: the collection may have changed while it was closed, say by
 * `--import-csv`, but most often has not).
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_mentions_scan_unless_unchanged (ShoeboxMentions  *self,
                                        gboolean         *scanned,
                                        GError          **error)
{
  g_autoptr(Scan) scan = NULL;

  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), FALSE);

  scan = scan_new (FALSE, TRUE);
  if (!scan_here (self, scan, error))
    return FALSE;

  if (scanned != NULL)
    *scanned = !scan->skipped;
  return TRUE;
}

/**
 * shoebox_mentions_forget_fingerprint:
 * @self: a #ShoeboxMentions
 *
 * The next shoebox_mentions_scan_unless_unchanged() runs in full: for a
 * change a scan was asked for but will not see (Shoebox quits first).
 */
void
shoebox_mentions_forget_fingerprint (ShoeboxMentions *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxStatement) stmt = NULL;

  g_return_if_fail (SHOEBOX_IS_MENTIONS (self));

  stmt = _shoebox_mentions_prepare (self->database, MENTIONS_SQL_FORGET_FINGERPRINT, &error);
  if (stmt == NULL || !shoebox_database_step_done (self->database, stmt, &error))
    g_message ("Could not mark the mentions for a new scan: %s", error->message);
}

/* What the worker returns for a scan skipped: no count of new mentions
 * comes close.
 */
#define SCAN_SKIPPED G_MAXSSIZE

static void
scan_thread (GTask           *task,
             ShoeboxDatabase *connection,
             gpointer         job_data,
             GCancellable    *cancellable)
{
  Scan *scan = job_data;
  GError *error = NULL;

  if (run_scan (connection, scan, &error))
    g_task_return_int (task, scan->skipped ? SCAN_SKIPPED : scan->n_new);
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
  if (n_new == SCAN_SKIPPED)
    {
      g_task_return_int (task, 0);
      return;
    }
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
static void
start_scan_in_thread (ShoeboxMentions     *self,
                      Scan                *scan,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_mentions_scan_async);

  inner = g_task_new (self, cancellable, scanned_cb, g_steal_pointer (&task));
  shoebox_database_run_in_thread (self->database, inner, scan_thread, scan, (GDestroyNotify) scan_free);
}

void
shoebox_mentions_scan_async (ShoeboxMentions     *self,
                             gboolean             notify_new,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (SHOEBOX_IS_MENTIONS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_scan_in_thread (self, scan_new (notify_new, FALSE), cancellable, callback, user_data);
}

/**
 * shoebox_mentions_scan_unless_unchanged_async:
 * @self: a #ShoeboxMentions
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * shoebox_mentions_scan_unless_unchanged() in a worker thread, as
 * shoebox_mentions_scan_async(); finish with shoebox_mentions_scan_finish().
 * When skipped, nothing is read again and #ShoeboxMentions::changed is
 * not emitted.
 */
void
shoebox_mentions_scan_unless_unchanged_async (ShoeboxMentions     *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_return_if_fail (SHOEBOX_IS_MENTIONS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_scan_in_thread (self, scan_new (FALSE, TRUE), cancellable, callback, user_data);
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
