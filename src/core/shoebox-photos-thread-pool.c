/* shoebox-photos-thread-pool.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-photos"

#include "config.h"

#include "shoebox-photos-private.h"

/* The one small pool of threads that imports and decodes for the whole
 * process, and its queue.
 */

/* One queued import or decode. The pool holds one reference, the
 * cancellation handler another; whichever of the worker and the handler
 * claims the job first returns its task, the other leaves it alone.
 */
typedef struct
{
  GTask           *task;
  GTaskThreadFunc  func;
  guint            serial;
  gboolean         newest_first;
  gulong           cancelled_id;
  int              claimed; /* atomic */
} Job;

static GThreadPool *job_pool;
static int          job_serial; /* atomic */

static void
job_clear (Job *job)
{
  g_clear_object (&job->task);
}

static void
job_release (Job *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) job_clear);
}

static gboolean
return_cancelled_cb (gpointer user_data)
{
  GTask *task = user_data;

  g_task_return_error_if_cancelled (task);
  return G_SOURCE_REMOVE;
}

/* Runs in whichever thread cancels, possibly inside g_cancellable_connect()
 * itself: the task is returned from its own main context, never from here.
 */
static void
job_cancelled_cb (GCancellable *cancellable,
                  gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GSource) source = NULL;

  if (!g_atomic_int_compare_and_exchange (&job->claimed, 0, 1))
    return; /* A worker has it: the task returns cancelled when it ends. */

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, return_cancelled_cb, g_object_ref (job->task), g_object_unref);
  g_source_attach (source, g_task_get_context (job->task));
}

static void
job_run (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  GCancellable *cancellable = g_task_get_cancellable (job->task);

  /* A job cancelled while it waited has returned already: skip it. */
  if (g_atomic_int_compare_and_exchange (&job->claimed, 0, 1))
    job->func (job->task,
               g_task_get_source_object (job->task),
               g_task_get_task_data (job->task),
               cancellable);

  if (job->cancelled_id != 0)
    g_cancellable_disconnect (cancellable, job->cancelled_id);

  job_release (job);
}

static int
job_compare (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  const Job *job_a = a;
  const Job *job_b = b;
  /* Serials wrap around; their difference stays right for any two jobs
   * queued within two billion of each other.
   */
  int a_newer = (int) (job_a->serial - job_b->serial);

  if (job_a->newest_first != job_b->newest_first)
    return job_a->newest_first ? -1 : 1;

  if (a_newer == 0)
    return 0;

  if (job_a->newest_first)
    return a_newer > 0 ? -1 : 1;
  else
    return a_newer > 0 ? 1 : -1;
}

/* Takes @task. */
void
_shoebox_photos_queue_job (GTask           *task,
                           GTaskThreadFunc  func,
                           gboolean         newest_first)
{
  static gsize pool_initialized = 0;
  GCancellable *cancellable = g_task_get_cancellable (task);
  Job *job;

  /* Never freed: a pool per ShoeboxPhotos would have to be joined when the
   * object goes, and that can happen on one of the pool's own threads.
   */
  if (g_once_init_enter (&pool_initialized))
    {
      job_pool = g_thread_pool_new (job_run, NULL, SHOEBOX_PHOTOS_MAX_DECODES, FALSE, NULL);
      g_thread_pool_set_sort_function (job_pool, job_compare, NULL);
      g_once_init_leave (&pool_initialized, 1);
    }

  job = g_atomic_rc_box_new0 (Job);
  job->task = task;
  job->func = func;
  job->newest_first = newest_first;
  job->serial = (guint) g_atomic_int_add (&job_serial, 1);

  if (cancellable != NULL)
    job->cancelled_id = g_cancellable_connect (cancellable,
                                               G_CALLBACK (job_cancelled_cb),
                                               g_atomic_rc_box_acquire (job),
                                               (GDestroyNotify) job_release);

  g_thread_pool_push (job_pool, job, NULL);
}
