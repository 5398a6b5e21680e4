/* shoebox-generate-pairs.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fills a database with generated pairs, for the benchmark and for trying
 * the Collection page with a big collection:
 *
 *   shoebox-generate-pairs [--seed N] DATABASE N_PAIRS
 *
 * The database is created (with the starter catalogue) if need be.
 */

#include "config.h"

#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "shoebox-collection.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShoeboxDatabase) database = NULL;
  g_autoptr(ShoeboxCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  int seed = 1;
  const GOptionEntry entries[] = {
    { "seed", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &seed, "The generator's seed", "N" },
    { NULL }
  };
  guint64 n_pairs;
  gint64 start;

#ifdef __GLIBC__
  /* FTS5 allocates and frees large buffers for every indexed row; with
   * glibc's default trim threshold each free gives the memory back to the
   * kernel and the next row faults it in again, which more than doubles
   * the time of a 100,000-pair run.
   */
  mallopt (M_TRIM_THRESHOLD, 256 * 1024 * 1024);
#endif

  context = g_option_context_new ("DATABASE N_PAIRS");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "Usage: shoebox-generate-pairs [--seed N] DATABASE N_PAIRS");
      return 2;
    }

  if (!g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXUINT, &n_pairs, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  database = shoebox_database_open (argv[1], &error);
  if (database == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  collection = shoebox_collection_new (database);

  start = g_get_monotonic_time ();
  if (!shoebox_collection_generate_pairs (collection, (guint) n_pairs, (guint32) seed, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%" G_GUINT64_FORMAT " pairs added to %s in %.2f s\n",
           n_pairs, argv[1], (g_get_monotonic_time () - start) / 1e6);
  shoebox_database_close (database);
  return 0;
}
