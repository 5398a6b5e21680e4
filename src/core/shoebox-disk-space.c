/* shoebox-disk-space.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-disk-space"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <sys/statvfs.h>

#include "shoebox-disk-space.h"

/* A full disk is the one failure a collector can fix alone, so every
 * place that writes says it the same way, in words: "No space left on
 * device" and SQLite's "database or disk is full" name neither the disk
 * nor what to do.
 */

/**
 * shoebox_disk_space_is_full_errno:
 * @saved_errno: an errno value
 *
 * Returns: %TRUE for the errors of a full disk, or of a full quota
 */
gboolean
shoebox_disk_space_is_full_errno (int saved_errno)
{
  return saved_errno == ENOSPC || saved_errno == EDQUOT;
}

/**
 * shoebox_disk_space_strerror:
 * @saved_errno: an errno value
 *
 * Like g_strerror(), in plain words for a full disk.
 *
 * Returns: (transfer none): the reason, for the end of a message
 */
const char *
shoebox_disk_space_strerror (int saved_errno)
{
  if (shoebox_disk_space_is_full_errno (saved_errno))
    return _("the disk is full");

  return g_strerror (saved_errno);
}

/**
 * shoebox_disk_space_has_room:
 * @folder: a folder on the disk in question
 * @n_bytes: how much must still fit
 *
 * Returns: %FALSE when the disk of @folder has less than @n_bytes free
 *   for an unprivileged user; %TRUE when it has, or cannot tell
 */
gboolean
shoebox_disk_space_has_room (const char *folder,
                             guint64     n_bytes)
{
  struct statvfs info;

  if (statvfs (folder, &info) != 0)
    return TRUE;

  return (guint64) info.f_bavail * info.f_frsize >= n_bytes;
}
