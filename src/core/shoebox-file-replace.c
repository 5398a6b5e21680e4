/* shoebox-file-replace.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* O_TMPFILE */
#define _GNU_SOURCE

#define G_LOG_DOMAIN "shoebox-file-replace"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shoebox-disk-space.h"
#include "shoebox-file-replace.h"

/* Writing a file the user named (an export) so that the target is only
 * ever the old file or the whole new one, and a failure or a kill leaves
 * nothing else behind.
 *
 * g_file_replace() does not do it: a target that does not exist yet is
 * written in place, so a full disk leaves half a file there, and one that
 * exists is written to a ".goutputstream-XXXXXX" file beside it that
 * stays when the process is killed.
 *
 * Here the new contents go to an O_TMPFILE: a file without a name, which
 * the kernel frees whatever happens to the process. Only when it is
 * whole and synced does it get a name, with linkat(): the target's own
 * when there is none yet, otherwise a temporary one that rename() puts
 * in place of the target at once. Only a kill between those two calls
 * leaves a file, named TEMP_PREFIX…; the next export to that folder
 * removes it. On file systems without O_TMPFILE (FUSE, NFS) the file has
 * that name from the start, with the same clean-up. The file is locked
 * while it is written, so the clean-up of another process never takes a
 * file still being written.
 */

#define TEMP_PREFIX    ".shoebox-partial-"
#define TEMP_TEMPLATE  TEMP_PREFIX "XXXXXX"
#define MAX_LINK_TRIES 100

struct _ShoeboxFileReplace
{
  char          *path;       /* the target */
  char          *temp_path;  /* the temporary name, once there is one */
  int            fd;
  GOutputStream *stream;
  gboolean       committed;
};

static void
set_write_error (GError    **error,
                 int         saved_errno,
                 const char *path)
{
  g_autofree char *display_name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write “%s”: %s"), display_name, shoebox_disk_space_strerror (saved_errno));
}

/**
 * shoebox_file_replace_remove_leftovers:
 * @folder: a folder Shoebox writes files in
 *
 * Removes what killed writers left in @folder: files with our prefix
 * that nobody holds locked (with flock()).
 */
void
shoebox_file_replace_remove_leftovers (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      int fd;

      if (!g_str_has_prefix (name, TEMP_PREFIX))
        continue;

      path = g_build_filename (folder, name, NULL);

      /* SQLite's files beside a temporary database (the collection file's,
       * shoebox-archive.c) go with it, as its lock says: while it exists
       * they may be in use.
       */
      if (g_str_has_suffix (name, "-wal") || g_str_has_suffix (name, "-shm")
          || g_str_has_suffix (name, "-journal"))
        {
          g_autofree char *base = g_strndup (path, strrchr (path, '-') - path);

          if (!g_file_test (base, G_FILE_TEST_EXISTS))
            g_unlink (path);
          continue;
        }

      fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (path);
      close (fd);
    }
}

static int
open_unnamed (const char *folder)
{
#ifdef O_TMPFILE
  return g_open (folder, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
#else
  errno = EOPNOTSUPP;
  return -1;
#endif
}

/**
 * shoebox_file_replace_new:
 * @target: the file to write; it must have a local path
 * @error: return location for a #GError
 *
 * Starts writing the new contents of @target, which stays as it was until
 * shoebox_file_replace_commit(). Free the result without committing to
 * drop the new contents.
 *
 * Returns: (transfer full): the writer, or %NULL with @error set
 */
ShoeboxFileReplace *
shoebox_file_replace_new (GFile   *target,
                          GError **error)
{
  g_autoptr(ShoeboxFileReplace) self = g_new0 (ShoeboxFileReplace, 1);
  g_autofree char *folder = NULL;
  GStatBuf info;

  g_return_val_if_fail (G_IS_FILE (target), NULL);

  self->fd = -1;
  self->path = g_file_get_path (target);
  if (self->path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (target);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a file on this computer"), uri);
      return NULL;
    }

  folder = g_path_get_dirname (self->path);
  shoebox_file_replace_remove_leftovers (folder);

  self->fd = open_unnamed (folder);
  if (self->fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL))
    {
      self->temp_path = g_build_filename (folder, TEMP_TEMPLATE, NULL);
      self->fd = g_mkstemp_full (self->temp_path, O_WRONLY | O_CLOEXEC, 0666);
      if (self->fd < 0)
        g_clear_pointer (&self->temp_path, g_free);
    }
  if (self->fd < 0)
    {
      set_write_error (error, errno, self->path);
      return NULL;
    }

  /* Held until the file is closed: see shoebox_file_replace_remove_leftovers(). */
  flock (self->fd, LOCK_EX | LOCK_NB);

  /* The new file keeps the permissions of the one it replaces. */
  if (g_stat (self->path, &info) == 0)
    fchmod (self->fd, info.st_mode & 07777);

  self->stream = g_unix_output_stream_new (self->fd, FALSE);
  return g_steal_pointer (&self);
}

/**
 * shoebox_file_replace_get_stream:
 * @self: a #ShoeboxFileReplace
 *
 * Returns: (transfer none): where to write the new contents
 */
GOutputStream *
shoebox_file_replace_get_stream (ShoeboxFileReplace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->stream;
}

static gboolean
link_temp_name (ShoeboxFileReplace  *self,
                GError             **error)
{
  g_autofree char *proc_path = g_strdup_printf ("/proc/self/fd/%d", self->fd);
  g_autofree char *folder = g_path_get_dirname (self->path);
  int saved_errno = EEXIST;

  /* A new target gets its name at once, or never. */
  if (linkat (AT_FDCWD, proc_path, AT_FDCWD, self->path, AT_SYMLINK_FOLLOW) == 0)
    return TRUE;
  if (errno != EEXIST)
    {
      set_write_error (error, errno, self->path);
      return FALSE;
    }

  for (guint i = 0; i < MAX_LINK_TRIES; i++)
    {
      g_autofree char *name = g_strdup_printf (TEMP_PREFIX "%08x", g_random_int ());

      g_free (self->temp_path);
      self->temp_path = g_build_filename (folder, name, NULL);
      if (linkat (AT_FDCWD, proc_path, AT_FDCWD, self->temp_path, AT_SYMLINK_FOLLOW) == 0)
        return TRUE;
      saved_errno = errno;
      if (saved_errno != EEXIST)
        break;
    }

  set_write_error (error, saved_errno, self->path);
  g_clear_pointer (&self->temp_path, g_free);
  return FALSE;
}

/**
 * shoebox_file_sync_folder:
 * @path: a file just renamed or created
 *
 * Syncs the folder that holds @path, so that its new name survives a
 * crash or a power cut. A folder that cannot be opened is left as it is:
 * the file itself is already on the disk.
 */
void
shoebox_file_sync_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int folder_fd;

  folder_fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (folder_fd >= 0)
    {
      fsync (folder_fd);
      close (folder_fd);
    }
}

/**
 * shoebox_file_replace_commit:
 * @self: a #ShoeboxFileReplace
 * @error: return location for a #GError
 *
 * Syncs the new contents to the disk and puts them in place of the
 * target, in one step. On failure the target is as it was.
 *
 * Returns: %TRUE if the target now has the new contents
 */
gboolean
shoebox_file_replace_commit (ShoeboxFileReplace  *self,
                             GError             **error)
{
  gboolean unnamed;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  /* Synced before it gets the target's name: after a power cut the
   * target is then the old file or the whole new one, never empty.
   */
  if (fsync (self->fd) != 0)
    {
      set_write_error (error, errno, self->path);
      return FALSE;
    }

  unnamed = self->temp_path == NULL;
  if (unnamed && !link_temp_name (self, error))
    return FALSE;

  if (self->temp_path != NULL && g_rename (self->temp_path, self->path) != 0)
    {
      set_write_error (error, errno, self->path);
      return FALSE;
    }
  g_clear_pointer (&self->temp_path, g_free);
  self->committed = TRUE;

  /* The new name is durable once the folder is synced too. */
  shoebox_file_sync_folder (self->path);
  return TRUE;
}

/**
 * shoebox_file_replace_free:
 * @self: (transfer full): a #ShoeboxFileReplace
 *
 * Closes the new file. Before shoebox_file_replace_commit(), or after it
 * failed, the new contents are dropped and the target is as it was.
 */
void
shoebox_file_replace_free (ShoeboxFileReplace *self)
{
  if (self == NULL)
    return;

  if (self->temp_path != NULL && !self->committed)
    g_unlink (self->temp_path);
  g_clear_object (&self->stream);
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->temp_path);
  g_free (self->path);
  g_free (self);
}
