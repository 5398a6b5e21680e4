/* shoebox-seed.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Seeds the user's database for the store listing's screenshots
 * (build-aux/take-screenshot.sh) with what the command line cannot do, the
 * way the app does it: through the core library, in the database and
 * photos folder of $XDG_DATA_HOME.
 *
 *   shoebox-seed photo SILHOUETTE COLORWAY FILE
 *     imports FILE into the photos folder, as the pair editor does, and
 *     makes it the side-profile photo of the pair of that silhouette and
 *     colorway (pairs come from `shoebox --import-csv`)
 *   shoebox-seed only-source URL TITLE
 *     replaces every news source with this one, so the screenshots show a
 *     feed served on this machine instead of fetching real sites
 */

#include "config.h"

#include "shoebox-collection.h"
#include "shoebox-news-store.h"
#include "shoebox-photos.h"

static gboolean
attach_photo (ShoeboxDatabase  *database,
              const char       *silhouette,
              const char       *colorway,
              const char       *path,
              GError          **error)
{
  g_autoptr(ShoeboxCollection) collection = shoebox_collection_new (database);
  g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GListModel) pairs = NULL;
  g_autofree char *file_name = NULL;
  ShoeboxPairQuery query = { 0 };

  pairs = shoebox_collection_search (collection, &query, error);
  if (pairs == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (pairs); i++)
    {
      g_autoptr(ShoeboxPair) pair = g_list_model_get_item (pairs, i);

      if (g_strcmp0 (shoebox_pair_get_silhouette_name (pair), silhouette) != 0
          || g_strcmp0 (shoebox_pair_get_colorway (pair), colorway) != 0)
        continue;

      file_name = shoebox_photos_import (photos, file, NULL, error);
      if (file_name == NULL)
        return FALSE;
      return shoebox_collection_add_photo (collection, shoebox_pair_get_id (pair), file_name, TRUE, error);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No pair “%s — %s”", silhouette, colorway);
  return FALSE;
}

static gboolean
only_source (ShoeboxDatabase  *database,
             const char       *url,
             const char       *title,
             GError          **error)
{
  g_autoptr(ShoeboxNewsStore) store = shoebox_news_store_new (database, error);
  GListModel *sources;

  if (store == NULL)
    return FALSE;

  sources = shoebox_news_store_get_sources (store);
  while (g_list_model_get_n_items (sources) > 0)
    {
      g_autoptr(ShoeboxNewsSource) source = g_list_model_get_item (sources, 0);

      if (!shoebox_news_store_remove_source (store, source, error))
        return FALSE;
    }

  return shoebox_news_store_add_source (store, url, title, error) != NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ShoeboxDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (!((argc == 5 && g_str_equal (argv[1], "photo")) || (argc == 4 && g_str_equal (argv[1], "only-source"))))
    {
      g_printerr ("Usage: shoebox-seed photo SILHOUETTE COLORWAY FILE\n"
                  "       shoebox-seed only-source URL TITLE\n");
      return 2;
    }

  database = shoebox_database_open_default (&error);
  if (database == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_str_equal (argv[1], "photo"))
    done = attach_photo (database, argv[2], argv[3], argv[4], &error);
  else
    done = only_source (database, argv[2], argv[3], &error);
  shoebox_database_close (database);

  if (!done)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
