/* shoebox-csv-read.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-csv"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-csv-private.h"

/* Reading a CSV file into memory, never more than the cap. The size that
 * stat() gives is no bound: a FIFO, /dev/zero or a file that grows while
 * it is read all say 0 or less than they give, so the bytes are counted
 * as they come and the read stops one byte past the cap.
 */

#define READ_CHUNK_SIZE (64 * 1024)

static void
set_too_large_error (GError **error)
{
  g_set_error (error, SHOEBOX_CSV_ERROR, SHOEBOX_CSV_ERROR_TOO_LARGE,
               _("The file is larger than %d MiB"), SHOEBOX_CSV_MAX_FILE_SIZE / (1024 * 1024));
}

/**
 * shoebox_csv_read_stream:
 * @stream: where the CSV file comes from
 * @max_size: the most bytes to accept; %SHOEBOX_CSV_MAX_FILE_SIZE for a
 *   file the user picked
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads @stream to its end in bounded memory: at most @max_size + 1
 * bytes are ever held.
 *
 * Returns: (transfer full): the bytes read, or %NULL with @error set,
 *   %SHOEBOX_CSV_ERROR_TOO_LARGE when @stream has more than @max_size
 */
GBytes *
shoebox_csv_read_stream (GInputStream  *stream,
                         gsize          max_size,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *data = NULL;
  gsize allocated = 0;
  gsize length = 0;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (max_size < G_MAXSIZE, NULL);

  for (;;)
    {
      gssize n_read;

      /* Grown by doubling, but never past the one byte that tells a
       * file of exactly @max_size from a longer one.
       */
      if (length == allocated)
        {
          allocated = MIN (MAX (allocated * 2, READ_CHUNK_SIZE), max_size + 1);
          data = g_realloc (data, allocated);
        }

      n_read = g_input_stream_read (stream, data + length, allocated - length, cancellable, error);
      if (n_read < 0)
        return NULL;
      if (n_read == 0)
        break;

      length += (gsize) n_read;
      if (length > max_size)
        {
          set_too_large_error (error);
          return NULL;
        }
    }

  return g_bytes_new_take (g_steal_pointer (&data), length);
}

/**
 * shoebox_csv_read_file:
 * @file: a CSV file, or a FIFO or device that gives one
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads @file, refusing a folder and anything over
 * %SHOEBOX_CSV_MAX_FILE_SIZE bytes, whatever its size claims to be.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
shoebox_csv_read_file (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("It is a folder, not a CSV file"));
      return NULL;
    }

  /* A regular file's size refuses a huge one before a byte is read; the
   * capped read below is what holds for everything else.
   */
  if (g_file_info_get_size (info) > SHOEBOX_CSV_MAX_FILE_SIZE)
    {
      set_too_large_error (error);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  return shoebox_csv_read_stream (G_INPUT_STREAM (stream), SHOEBOX_CSV_MAX_FILE_SIZE, cancellable, error);
}

static void
read_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *contents = shoebox_csv_read_file (G_FILE (source_object), cancellable, &error);

  if (contents == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, contents, (GDestroyNotify) g_bytes_unref);
}

/**
 * shoebox_csv_read_file_async:
 * @file: a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Does what shoebox_csv_read_file() does, in a thread.
 */
void
shoebox_csv_read_file_async (GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_csv_read_file_async);
  g_task_run_in_thread (task, read_file_thread);
}

/**
 * shoebox_csv_read_file_finish:
 * @file: the file given to shoebox_csv_read_file_async()
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
shoebox_csv_read_file_finish (GFile         *file,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, file), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
