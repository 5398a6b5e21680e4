/* bench-durability.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What it costs to make every single edit survive a power cut: edits/s
 * with `PRAGMA synchronous = FULL` (the main connection, since issue 14)
 * and with NORMAL (what it was), measured in the same run on the same
 * database, in rounds that take turns so the disk's mood weighs on both.
 *
 *   bench-durability [--edits N] [--rounds N] [FOLDER]
 *
 * FOLDER (default: the current one) must be on the disk the collection
 * lives on: a tmpfs syncs nothing, and shows no difference.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "shoebox-collection.h"

static const char * const levels[] = { "FULL", "NORMAL" };

static gboolean
time_edits (ShoeboxCollection  *collection,
            ShoeboxPair        *pair,
            guint               n_edits,
            gint64             *elapsed,
            GError            **error)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < n_edits; i++)
    {
      g_autofree char *notes = g_strdup_printf ("edit %u", i);

      /* What the pair editor does on every change it saves. */
      shoebox_pair_set_notes (pair, notes);
      if (!shoebox_collection_save_pair (collection, pair, error))
        return FALSE;
    }

  *elapsed += g_get_monotonic_time () - start;
  return TRUE;
}

static gboolean
run (const char  *folder,
     guint        n_edits,
     guint        n_rounds,
     GError     **error)
{
  g_autofree char *path = g_build_filename (folder, "shoebox.db", NULL);
  g_autoptr(ShoeboxDatabase) database = shoebox_database_open (path, error);
  g_autoptr(ShoeboxCollection) collection = NULL;
  g_autoptr(ShoeboxPair) pair = shoebox_pair_new ();
  gint64 elapsed[G_N_ELEMENTS (levels)] = { 0 };
  double ms[G_N_ELEMENTS (levels)];

  if (database == NULL)
    return FALSE;
  collection = shoebox_collection_new (database);

  shoebox_pair_set_silhouette_name (pair, "Track 2.0");
  shoebox_pair_set_brand_name (pair, "Balenciaga");
  shoebox_pair_set_colorway (pair, "Silver");
  if (!shoebox_collection_save_pair (collection, pair, error))
    return FALSE;

  for (guint round = 0; round < n_rounds; round++)
    for (guint turn = 0; turn < G_N_ELEMENTS (levels); turn++)
      {
        guint level = (round + turn) % G_N_ELEMENTS (levels);
        g_autofree char *sql = g_strdup_printf ("PRAGMA synchronous = %s", levels[level]);

        if (!shoebox_database_exec (database, sql, error)
            || !time_edits (collection, pair, n_edits, &elapsed[level], error))
          return FALSE;
      }

  for (guint level = 0; level < G_N_ELEMENTS (levels); level++)
    {
      ms[level] = elapsed[level] / 1e3 / (n_edits * n_rounds);
      g_print ("synchronous=%-6s %8.0f edits/s  %6.3f ms per edit  (%u edits)\n",
               levels[level], 1e3 / ms[level], ms[level], n_edits * n_rounds);
    }
  g_print ("FULL costs %.3f ms more per edit, %.1f times NORMAL's time, in %s\n",
           ms[0] - ms[1], ms[0] / ms[1], folder);

  shoebox_database_close (database);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  int n_edits = 200;
  int n_rounds = 5;
  const GOptionEntry entries[] = {
    { "edits", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_edits, "Edits per round and level", "N" },
    { "rounds", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_rounds, "Rounds", "N" },
    { NULL }
  };
  gboolean done;

  context = g_option_context_new ("[FOLDER]");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 2 || n_edits < 1 || n_rounds < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message
                                         : "Usage: bench-durability [--edits N] [--rounds N] [FOLDER]");
      return 2;
    }

  folder = g_build_filename (argc == 2 ? argv[1] : ".", "bench-durability-XXXXXX", NULL);
  if (g_mkdtemp (folder) == NULL)
    {
      g_printerr ("Could not make a folder in %s\n", argc == 2 ? argv[1] : ".");
      return 1;
    }

  done = run (folder, (guint) n_edits, (guint) n_rounds, &error);

  /* The database was closed: no -wal or -shm is left. */
  {
    g_autofree char *path = g_build_filename (folder, "shoebox.db", NULL);

    g_unlink (path);
    g_rmdir (folder);
  }

  if (!done)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
