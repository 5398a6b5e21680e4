/* shoebox-test-edits.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Single-pair edits on the user's database ($XDG_DATA_HOME), through the
 * core library as the pair editor makes them, for the crash and full-disk
 * tests (tests/test-crash.py, tests/test-disk-full.py):
 *
 *   shoebox-test-edits edits N
 *     makes N edits, one transaction each: odd ones add a pair whose
 *     colorway is "edit-SEQ", even ones set the notes of the pair the edit
 *     before added to "edit-SEQ". After each commit it prints
 *     "committed SEQ ID": a kill after that line must not lose the edit.
 *   shoebox-test-edits [--fill FILE] edit ID
 *     sets the notes of pair ID to 60 KiB of text
 *   shoebox-test-edits [--fill FILE] photo ID IMAGE
 *     imports IMAGE into the photos folder and adds it to pair ID
 *
 * --fill writes FILE until the disk is full, after the database is open
 * and before the edit, so the edit itself meets the full disk. The error
 * goes to stderr as the user would read it; the exit status is 1.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "shoebox-collection.h"
#include "shoebox-photos.h"

#define NOTES_SIZE (60 * 1024)

static gboolean
fill_disk (const char  *path,
           GError     **error)
{
  static const char block[4096] = { 0 };
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not create %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  /* Whole blocks, then single bytes: the last partial block too. */
  for (gsize size = sizeof block; size > 0; size /= 2)
    while (write (fd, block, size) > 0)
      ;

  fsync (fd);
  close (fd);
  return TRUE;
}

static gboolean
make_edits (ShoeboxCollection  *collection,
            guint               n_edits,
            GError            **error)
{
  g_autoptr(ShoeboxPair) pair = NULL;

  for (guint seq = 1; seq <= n_edits; seq++)
    {
      g_autofree char *text = g_strdup_printf ("edit-%u", seq);

      if (seq % 2 == 1)
        {
          g_clear_object (&pair);
          pair = shoebox_pair_new ();
          shoebox_pair_set_silhouette_name (pair, "Track");
          shoebox_pair_set_brand_name (pair, "Balenciaga");
          shoebox_pair_set_colorway (pair, text);
        }
      else
        shoebox_pair_set_notes (pair, text);

      if (!shoebox_collection_save_pair (collection, pair, error))
        return FALSE;

      g_print ("committed %u %" G_GINT64_FORMAT "\n", seq, shoebox_pair_get_id (pair));
      fflush (stdout);
    }

  return TRUE;
}

static gboolean
edit_notes (ShoeboxCollection  *collection,
            gint64              id,
            GError            **error)
{
  g_autoptr(ShoeboxPair) pair = shoebox_collection_get_pair (collection, id, error);
  g_autofree char *notes = NULL;

  if (pair == NULL)
    return FALSE;

  notes = g_malloc (NOTES_SIZE + 1);
  memset (notes, 'n', NOTES_SIZE);
  notes[NOTES_SIZE] = '\0';
  shoebox_pair_set_notes (pair, notes);
  return shoebox_collection_save_pair (collection, pair, error);
}

static gboolean
add_photo (ShoeboxCollection  *collection,
           gint64              id,
           const char         *path,
           GError            **error)
{
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *file_name = shoebox_photos_import (photos, file, NULL, error);

  return file_name != NULL && shoebox_collection_add_photo (collection, id, file_name, TRUE, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShoeboxDatabase) database = NULL;
  g_autoptr(ShoeboxCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fill = NULL;
  const GOptionEntry entries[] = {
    { "fill", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &fill, "Fill the disk with FILE first", "FILE" },
    { NULL }
  };
  guint64 number = 0;
  gboolean done;

  /* GLib's “quotes” in messages need the locale's UTF-8. */
  setlocale (LC_ALL, "");

  context = g_option_context_new ("edits N | edit ID | photo ID IMAGE");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error)
      || !((argc == 3 && (g_str_equal (argv[1], "edits") || g_str_equal (argv[1], "edit")))
           || (argc == 4 && g_str_equal (argv[1], "photo")))
      || !g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXINT, &number, &error))
    {
      g_printerr ("%s\n", error != NULL ? error->message
                                         : "Usage: shoebox-test-edits [--fill FILE] edits N | edit ID | photo ID IMAGE");
      return 2;
    }

  database = shoebox_database_open_default (&error);
  if (database == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  collection = shoebox_collection_new (database);

  if (fill != NULL && !fill_disk (fill, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (g_str_equal (argv[1], "edits"))
    done = make_edits (collection, (guint) number, &error);
  else if (g_str_equal (argv[1], "edit"))
    done = edit_notes (collection, (gint64) number, &error);
  else
    done = add_photo (collection, (gint64) number, argv[3], &error);
  shoebox_database_close (database);

  if (!done)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
