/* shoebox-generate-pairs.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fills a database with generated pairs, for the benchmark and for trying
 * the Collection page with a big collection:
 *
 *   shoebox-generate-pairs [--seed N] [--search WORD] DATABASE N_PAIRS
 *
 * The database is created (with the starter catalogue) if need be. With
 * --search, it then times the search of each prefix of WORD, as typed
 * (N_PAIRS may be 0 to only search).
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
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
  g_autofree char *word = NULL;
  int seed = 1;
  const GOptionEntry entries[] = {
    { "seed", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &seed, "The generator's seed", "N" },
    { "search", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &word, "Time the search of each prefix of WORD", "WORD" },
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
      g_printerr ("%s\n", error != NULL ? error->message
                                         : "Usage: shoebox-generate-pairs [--seed N] [--search WORD] DATABASE N_PAIRS");
      return 2;
    }

  if (!g_ascii_string_to_unsigned (argv[2], 10, 0, G_MAXUINT, &n_pairs, &error))
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

  if (n_pairs > 0)
    {
      start = g_get_monotonic_time ();
      if (!shoebox_collection_generate_pairs (collection, (guint) n_pairs, (guint32) seed, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      g_print ("%" G_GUINT64_FORMAT " pairs added to %s in %.2f s\n",
               n_pairs, argv[1], (g_get_monotonic_time () - start) / 1e6);
    }

  /* What one keystroke costs the store: the query and the ids of every
   * match, before any widget asks for a pair.
   */
  for (gsize length = 1; word != NULL && length <= strlen (word); length++)
    {
      g_autofree char *typed = g_strndup (word, length);
      g_autoptr(GListModel) results = NULL;
      ShoeboxPairQuery query = { .text = typed };

      start = g_get_monotonic_time ();
      results = shoebox_collection_search (collection, &query, &error);
      if (results == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_print ("\"%s\": %u pairs in %.1f ms\n", typed, g_list_model_get_n_items (results),
               (g_get_monotonic_time () - start) / 1e3);
    }
  shoebox_database_close (database);
  return 0;
}
