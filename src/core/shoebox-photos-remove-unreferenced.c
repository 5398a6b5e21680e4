/* shoebox-photos-remove-unreferenced.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-photos"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "shoebox-photos-private.h"

/* Removing the photos, and their thumbnails, that no row refers to. */

typedef struct
{
  GStrv referenced;
  guint grace_seconds;
} RemoveData;

static void
remove_data_free (RemoveData *data)
{
  g_clear_pointer (&data->referenced, g_strfreev);
  g_free (data);
}

static void
remove_unreferenced_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  RemoveData *data = task_data;
  GError *error = NULL;
  guint n_removed = 0;

  if (shoebox_photos_remove_unreferenced (source_object, (const char * const *) data->referenced,
                                          data->grace_seconds, &n_removed, cancellable, &error))
    g_task_return_int (task, n_removed);
  else
    g_task_return_error (task, error);
}

/**
 * shoebox_photos_remove_unreferenced:
 * @self: a #ShoeboxPhotos
 * @referenced: (array zero-terminated=1): the file names of every photo
 *   row in the database
 * @grace_seconds: keep files changed less than this long ago, so a photo
 *   imported into an editor that is not saved yet survives; use
 *   %SHOEBOX_PHOTOS_DEFAULT_GRACE_SECONDS
 * @n_removed: (out) (optional): how many photos were removed
 * @cancellable: (nullable): a #GCancellable
 * @error: where to put the first failure
 *
 * Removes the photos (and their thumbnails) that no row refers to any
 * more, such as those of pairs whose deletion can no longer be undone,
 * and leftovers of interrupted imports. Files in the folder whose names
 * Shoebox does not give are left alone. Blocks: call it from a thread, or
 * use shoebox_photos_remove_unreferenced_async().
 *
 * Returns: %TRUE when every unreferenced photo went
 */
gboolean
shoebox_photos_remove_unreferenced (ShoeboxPhotos       *self,
                                    const char * const  *referenced,
                                    guint                grace_seconds,
                                    guint               *n_removed,
                                    GCancellable        *cancellable,
                                    GError             **error)
{
  g_autoptr(GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) size_folders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (SHOEBOX_IS_PHOTOS (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_removed != NULL)
    *n_removed = 0;

  for (guint i = 0; referenced != NULL && referenced[i] != NULL; i++)
    g_hash_table_add (keep, (gpointer) referenced[i]);

  dir = g_dir_open (self->photos_directory, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE; /* No photo was ever imported. */

      g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_FAILED,
                   _("The photos folder could not be read: %s"), local_error->message);
      return FALSE;
    }

  {
    g_autoptr(GDir) cache = g_dir_open (self->cache_directory, 0, NULL);

    while (cache != NULL && (name = g_dir_read_name (cache)) != NULL)
      g_ptr_array_add (size_folders, g_build_filename (self->cache_directory, name, NULL));
  }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      gboolean is_temp = g_str_has_prefix (name, TEMP_PREFIX);
      GStatBuf info;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!is_temp && (!_shoebox_photos_is_valid_file_name (name) || g_hash_table_contains (keep, name)))
        continue;

      path = g_build_filename (self->photos_directory, name, NULL);
      if (g_lstat (path, &info) != 0 || !S_ISREG (info.st_mode))
        continue;

      if ((gint64) info.st_mtime > now - (gint64) grace_seconds)
        continue;

      if (g_unlink (path) != 0)
        {
          int saved_errno = errno;

          if (local_error == NULL)
            g_set_error (&local_error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_FAILED,
                         _("The photo “%s” could not be removed: %s"), name, g_strerror (saved_errno));
          continue;
        }

      if (is_temp)
        continue;

      removed++;
      for (guint i = 0; i < size_folders->len; i++)
        {
          g_autofree char *hash = g_strndup (name, HASH_LENGTH);
          g_autofree char *base = g_strconcat (hash, ".png", NULL);
          g_autofree char *thumbnail = g_build_filename (g_ptr_array_index (size_folders, i), base, NULL);

          g_unlink (thumbnail);
        }
    }

  if (n_removed != NULL)
    *n_removed = removed;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * shoebox_photos_remove_unreferenced_async:
 * @self: a #ShoeboxPhotos
 * @referenced: (array zero-terminated=1): the file names of every photo
 *   row in the database (copied)
 * @grace_seconds: see shoebox_photos_remove_unreferenced()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the current thread-default main context when done
 * @user_data: data for @callback
 *
 * shoebox_photos_remove_unreferenced() on the shared pool of threads.
 */
void
shoebox_photos_remove_unreferenced_async (ShoeboxPhotos       *self,
                                          const char * const  *referenced,
                                          guint                grace_seconds,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RemoveData *data;

  g_return_if_fail (SHOEBOX_IS_PHOTOS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (RemoveData, 1);
  data->referenced = g_strdupv ((char **) referenced);
  data->grace_seconds = grace_seconds;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_photos_remove_unreferenced_async);
  g_task_set_task_data (task, data, (GDestroyNotify) remove_data_free);
  _shoebox_photos_queue_job (g_steal_pointer (&task), remove_unreferenced_thread, FALSE);
}

/**
 * shoebox_photos_remove_unreferenced_finish:
 * @self: a #ShoeboxPhotos
 * @result: the result given to the callback
 * @n_removed: (out) (optional): how many photos were removed
 * @error: where to put the first failure
 *
 * Returns: %TRUE when every unreferenced photo went
 */
gboolean
shoebox_photos_remove_unreferenced_finish (ShoeboxPhotos  *self,
                                           GAsyncResult   *result,
                                           guint          *n_removed,
                                           GError        **error)
{
  gssize removed;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == shoebox_photos_remove_unreferenced_async, FALSE);

  removed = g_task_propagate_int (G_TASK (result), error);
  if (n_removed != NULL)
    *n_removed = removed < 0 ? 0 : (guint) removed;

  return removed >= 0;
}
