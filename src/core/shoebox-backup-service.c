/* shoebox-backup-service.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-backup-service"

#include "config.h"

#include <glib/gi18n.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "shoebox-backup-service.h"

/* The automatic backups of the running app: one when the last is a day
 * old (looked at a minute after start, then every hour), one on quit when the
 * collection changed since the last, and Back Up Now. Each runs in a
 * worker thread on its own connection (shoebox_backups_back_up()), so
 * the window never waits for one. A failure is reported once
 * ("failed"), then tried again a day later, not every hour.
 *
 * Restores and merges from the window run here too, after a backup of
 * the collection, so that they can be undone from the list.
 */

#define CHECK_INTERVAL_SECONDS (60 * 60)
#define FIRST_CHECK_DELAY_SECONDS 60

/* How much less CPU a backup's thread gets than the window's, when both
 * want it: a backup may take a second longer, a frame may not.
 */
#define BACKGROUND_NICENESS 10

struct _ShoeboxBackupService
{
  GObject    parent_instance;

  char      *database_path;
  char      *photos_directory;
  char      *folder;
  GSettings *settings;
  guint      check_id;
  guint      n_running;
  GDateTime *failed_at; /* the last failure, until a backup works again */
};

G_DEFINE_FINAL_TYPE (ShoeboxBackupService, shoebox_backup_service, G_TYPE_OBJECT)

enum
{
  SIGNAL_FINISHED,
  SIGNAL_FAILED,
  SIGNAL_REPLACED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
shoebox_backup_service_dispose (GObject *object)
{
  ShoeboxBackupService *self = SHOEBOX_BACKUP_SERVICE (object);

  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (shoebox_backup_service_parent_class)->dispose (object);
}

static void
shoebox_backup_service_finalize (GObject *object)
{
  ShoeboxBackupService *self = SHOEBOX_BACKUP_SERVICE (object);

  g_clear_pointer (&self->failed_at, g_date_time_unref);
  g_free (self->database_path);
  g_free (self->photos_directory);
  g_free (self->folder);

  G_OBJECT_CLASS (shoebox_backup_service_parent_class)->finalize (object);
}

static void
shoebox_backup_service_class_init (ShoeboxBackupServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = shoebox_backup_service_dispose;
  object_class->finalize = shoebox_backup_service_finalize;

  /**
   * ShoeboxBackupService::finished:
   *
   * A backup, a restore or a merge ended, well or not: the list of
   * backups may have changed.
   */
  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * ShoeboxBackupService::failed:
   * @message: what went wrong, for the collector
   *
   * An automatic backup failed; emitted once, not again for the retries
   * until one works.
   */
  signals[SIGNAL_FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * ShoeboxBackupService::replaced:
   *
   * A restore or a merge changed the collection behind the window's back:
   * what it shows must be read again.
   */
  signals[SIGNAL_REPLACED] = g_signal_new ("replaced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
shoebox_backup_service_init (ShoeboxBackupService *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
}

/**
 * shoebox_backup_service_new:
 * @database_path: the collection's database
 * @photos_directory: its photos folder
 * @folder: the backups folder
 *
 * Returns: (transfer full): the service; shoebox_backup_service_start()
 *   starts its schedule
 */
ShoeboxBackupService *
shoebox_backup_service_new (const char *database_path,
                            const char *photos_directory,
                            const char *folder)
{
  ShoeboxBackupService *self = g_object_new (SHOEBOX_TYPE_BACKUP_SERVICE, NULL);

  self->database_path = g_strdup (database_path);
  self->photos_directory = g_strdup (photos_directory);
  self->folder = g_strdup (folder);
  return self;
}

const char *
shoebox_backup_service_get_folder (ShoeboxBackupService *self)
{
  g_return_val_if_fail (SHOEBOX_IS_BACKUP_SERVICE (self), NULL);

  return self->folder;
}

const char *
shoebox_backup_service_get_database_path (ShoeboxBackupService *self)
{
  g_return_val_if_fail (SHOEBOX_IS_BACKUP_SERVICE (self), NULL);

  return self->database_path;
}

const char *
shoebox_backup_service_get_photos_directory (ShoeboxBackupService *self)
{
  g_return_val_if_fail (SHOEBOX_IS_BACKUP_SERVICE (self), NULL);

  return self->photos_directory;
}

/**
 * shoebox_backup_service_is_busy:
 *
 * Returns: %TRUE while a backup, a restore or a merge runs
 */
gboolean
shoebox_backup_service_is_busy (ShoeboxBackupService *self)
{
  g_return_val_if_fail (SHOEBOX_IS_BACKUP_SERVICE (self), FALSE);

  return self->n_running > 0;
}

/* What every job of a worker thread knows. */
typedef struct
{
  char           *database_path;
  char           *photos_directory;
  char           *folder;
  ShoeboxArchive *archive;  /* for a restore or a merge */
  GDateTime      *now;
} Job;

static void
job_free (Job *job)
{
  g_free (job->database_path);
  g_free (job->photos_directory);
  g_free (job->folder);
  g_clear_object (&job->archive);
  g_date_time_unref (job->now);
  g_free (job);
}

static GTask *
job_task_new (ShoeboxBackupService *self,
              ShoeboxArchive       *archive,
              GAsyncReadyCallback   callback,
              gpointer              user_data)
{
  GTask *task = g_task_new (self, NULL, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->database_path = g_strdup (self->database_path);
  job->photos_directory = g_strdup (self->photos_directory);
  job->folder = g_strdup (self->folder);
  job->archive = archive != NULL ? g_object_ref (archive) : NULL;
  job->now = g_date_time_new_now_utc ();
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  self->n_running++;
  return task;
}

static void
job_ended (ShoeboxBackupService *self)
{
  self->n_running--;
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
}

typedef struct
{
  GTask          *task;
  GTaskThreadFunc func;
} Background;

static gpointer
background_thread (gpointer data)
{
  Background *background = data;
  GTask *task = background->task;

#ifdef __linux__
  /* On Linux a thread has a niceness of its own. The thread is this
   * job's alone (not GTask's shared pool, whose threads load photos for
   * the window afterwards): the niceness ends with it.
   */
  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), BACKGROUND_NICENESS);
#endif
  background->func (task, g_task_get_source_object (task), g_task_get_task_data (task),
                    g_task_get_cancellable (task));
  g_object_unref (task);
  g_free (background);
  return NULL;
}

/* Like g_task_run_in_thread(), in a thread of the job's own that yields
 * the CPU to the window's. */
static void
run_in_background (GTask           *task,
                   GTaskThreadFunc  func)
{
  Background *background = g_new (Background, 1);

  background->task = g_object_ref (task);
  background->func = func;
  g_thread_unref (g_thread_new ("shoebox-backup", background_thread, background));
}

static void
back_up_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  char *path;

  path = shoebox_backups_back_up (job->folder, job->database_path, job->photos_directory,
                                  job->now, cancellable, &error);
  if (path == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  shoebox_backups_rotate (job->folder);
  g_task_return_pointer (task, path, g_free);
}

static void
backed_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ShoeboxBackupService *self = SHOEBOX_BACKUP_SERVICE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);

  if (path == NULL)
    {
      gboolean first = self->failed_at == NULL;

      g_clear_pointer (&self->failed_at, g_date_time_unref);
      self->failed_at = g_date_time_new_now_utc ();
      g_message ("The backup failed: %s", error->message);
      if (first)
        g_signal_emit (self, signals[SIGNAL_FAILED], 0, error->message);
    }
  else
    g_clear_pointer (&self->failed_at, g_date_time_unref);

  job_ended (self);
}

/**
 * shoebox_backup_service_back_up_now:
 *
 * Takes a backup in a worker thread, whether one is due or not; "finished"
 * says when it ended, and "failed" why it did not work.
 */
void
shoebox_backup_service_back_up_now (ShoeboxBackupService *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SHOEBOX_IS_BACKUP_SERVICE (self));

  /* Back Up Now after a failure says again why, if it fails again. */
  g_clear_pointer (&self->failed_at, g_date_time_unref);
  task = job_task_new (self, NULL, backed_up_cb, NULL);
  run_in_background (task, back_up_thread);
}

static gboolean
is_due (ShoeboxBackupService *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (!g_settings_get_boolean (self->settings, "automatic-backups") || self->n_running > 0)
    return FALSE;

  /* After a failure, the next try is a day later. */
  if (self->failed_at != NULL && g_date_time_difference (now, self->failed_at) < G_TIME_SPAN_DAY)
    return FALSE;

  return shoebox_backups_is_due (self->folder, now);
}

static gboolean
check_cb (gpointer user_data)
{
  ShoeboxBackupService *self = SHOEBOX_BACKUP_SERVICE (user_data);

  if (is_due (self))
    {
      g_autoptr(GTask) task = job_task_new (self, NULL, backed_up_cb, NULL);

      run_in_background (task, back_up_thread);
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
first_check_cb (gpointer user_data)
{
  ShoeboxBackupService *self = SHOEBOX_BACKUP_SERVICE (user_data);

  check_cb (self);
  self->check_id = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, check_cb, self);
  return G_SOURCE_REMOVE;
}

/**
 * shoebox_backup_service_start:
 *
 * Backs up if the last backup is a day old, a minute from now, and looks
 * again every hour after that.
 *
 * The first minute after launch is when a collector looks something up
 * or adds a pair; a backup copies the whole collection, 60 MB for
 * 100,000 pairs. Nothing is lost by the wait: on quit the service backs
 * up anyway when the collection changed since the last backup.
 */
void
shoebox_backup_service_start (ShoeboxBackupService *self)
{
  shoebox_backup_service_start_after (self, FIRST_CHECK_DELAY_SECONDS);
}

/**
 * shoebox_backup_service_start_after:
 * @seconds: how long the first look waits
 *
 * shoebox_backup_service_start(), with the first look after @seconds.
 */
void
shoebox_backup_service_start_after (ShoeboxBackupService *self,
                                    guint                 seconds)
{
  g_return_if_fail (SHOEBOX_IS_BACKUP_SERVICE (self));

  if (self->check_id != 0)
    return;

  self->check_id = g_timeout_add_seconds (seconds, first_check_cb, self);
}

/**
 * shoebox_backup_service_shutdown:
 *
 * On quit: lets a running job end (killed half-way, it would leave only a
 * temporary file, but also no backup), then backs up if the collection
 * changed since the last backup. The window is gone by then, so this
 * waits in the main thread.
 */
void
shoebox_backup_service_shutdown (ShoeboxBackupService *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SHOEBOX_IS_BACKUP_SERVICE (self));

  g_clear_handle_id (&self->check_id, g_source_remove);
  while (self->n_running > 0)
    g_main_context_iteration (NULL, TRUE);

  if (g_settings_get_boolean (self->settings, "automatic-backups")
      && shoebox_backups_has_changed (self->folder, self->database_path))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *path = shoebox_backups_back_up (self->folder, self->database_path,
                                                       self->photos_directory, now, NULL, &error);

      if (path == NULL)
        g_message ("The backup on quit failed: %s", error->message);
      else
        shoebox_backups_rotate (self->folder);
    }
}

/* A restore or a merge: first a backup of the collection as it is, then
 * the work, on a connection of this thread's own.
 */
static void
replace_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(ShoeboxDatabase) database = NULL;
  g_autofree char *backup = NULL;
  GError *error = NULL;
  gboolean merge = g_task_get_source_tag (task) == shoebox_backup_service_merge_async;
  ShoeboxMergeCounts *counts = g_new0 (ShoeboxMergeCounts, 1);
  gboolean ok;

  backup = shoebox_backups_back_up (job->folder, job->database_path, job->photos_directory,
                                    job->now, cancellable, &error);
  if (backup != NULL)
    database = shoebox_database_open_another (job->database_path, &error);
  if (database == NULL)
    {
      g_prefix_error (&error, "%s", _("Your collection was not changed, as it could not be backed up first: "));
      g_free (counts);
      g_task_return_error (task, error);
      return;
    }

  if (merge)
    ok = shoebox_archive_merge (job->archive, database, job->photos_directory, counts, cancellable, &error);
  else
    ok = shoebox_archive_restore (job->archive, database, job->photos_directory, cancellable, &error);
  shoebox_database_close (database);
  shoebox_backups_rotate (job->folder);

  if (!ok)
    {
      g_free (counts);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, counts, g_free);
}

static void
replaced_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;
  ShoeboxMergeCounts *counts = g_task_propagate_pointer (G_TASK (result), &error);

  job_ended (SHOEBOX_BACKUP_SERVICE (object));
  if (counts == NULL)
    g_task_return_error (outer, error);
  else
    {
      g_signal_emit (object, signals[SIGNAL_REPLACED], 0);
      g_task_return_pointer (outer, counts, g_free);
    }
}

static void
run_replace (ShoeboxBackupService *self,
             ShoeboxArchive       *archive,
             gpointer              source_tag,
             GAsyncReadyCallback   callback,
             gpointer              user_data)
{
  GTask *outer = g_task_new (self, NULL, callback, user_data);
  g_autoptr(GTask) task = job_task_new (self, archive, replaced_cb, outer);

  g_task_set_source_tag (outer, source_tag);
  g_task_set_source_tag (task, source_tag);
  run_in_background (task, replace_thread);
}

/**
 * shoebox_backup_service_restore_async:
 * @archive: a checked archive: a collection file or a backup
 *
 * Backs the collection up, then replaces it with @archive's, in a worker
 * thread (shoebox_archive_restore()).
 */
void
shoebox_backup_service_restore_async (ShoeboxBackupService *self,
                                      ShoeboxArchive       *archive,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_return_if_fail (SHOEBOX_IS_BACKUP_SERVICE (self));
  g_return_if_fail (SHOEBOX_IS_ARCHIVE (archive));

  run_replace (self, archive, shoebox_backup_service_restore_async, callback, user_data);
}

gboolean
shoebox_backup_service_restore_finish (ShoeboxBackupService  *self,
                                       GAsyncResult          *result,
                                       GError               **error)
{
  g_autofree ShoeboxMergeCounts *counts = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  counts = g_task_propagate_pointer (G_TASK (result), error);
  return counts != NULL;
}

/**
 * shoebox_backup_service_merge_async:
 * @archive: a checked collection file
 *
 * Backs the collection up, then adds what @archive has that it has not,
 * in a worker thread (shoebox_archive_merge()).
 */
void
shoebox_backup_service_merge_async (ShoeboxBackupService *self,
                                    ShoeboxArchive       *archive,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_return_if_fail (SHOEBOX_IS_BACKUP_SERVICE (self));
  g_return_if_fail (SHOEBOX_IS_ARCHIVE (archive));

  run_replace (self, archive, shoebox_backup_service_merge_async, callback, user_data);
}

gboolean
shoebox_backup_service_merge_finish (ShoeboxBackupService  *self,
                                     GAsyncResult          *result,
                                     ShoeboxMergeCounts    *counts,
                                     GError               **error)
{
  g_autofree ShoeboxMergeCounts *found = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  found = g_task_propagate_pointer (G_TASK (result), error);
  if (found == NULL)
    return FALSE;

  *counts = *found;
  return TRUE;
}
