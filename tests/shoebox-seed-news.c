/* shoebox-seed-news.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Puts stories in a database as if one fetch had brought them, for tests
 * that need news before the application runs (a notification clicked
 * after Shoebox has quit):
 *
 *   shoebox-seed-news DATABASE TITLE...
 *
 * The database is created if need be. Every other source goes, so nothing
 * is fetched from the network; the one added is on 127.0.0.1 and not due
 * for a day. Prints each story's id and title, one a line, tab between.
 */

#include "config.h"

#include "shoebox-news-store.h"

static GBytes *
build_feed (char **titles)
{
  GString *rss = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<rss version=\"2.0\"><channel><title>Loopback Kicks</title>"
                               "<link>http://127.0.0.1:9/</link>");

  for (guint i = 0; titles[i] != NULL; i++)
    {
      g_autofree char *title = g_markup_escape_text (titles[i], -1);

      /* No date: the store dates a story by when it came, now, which no
       * pruning of old stories removes.
       */
      g_string_append_printf (rss,
                              "<item><title>%s</title><link>http://127.0.0.1:9/story/%u</link>"
                              "<guid>http://127.0.0.1:9/story/%u</guid><description>Seeded.</description></item>",
                              title, i, i);
    }
  g_string_append (rss, "</channel></rss>\n");

  return g_string_free_to_bytes (rss);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ShoeboxDatabase) database = NULL;
  g_autoptr(ShoeboxNewsStore) store = NULL;
  ShoeboxNewsSource *source; /* the store's */
  g_autoptr(ShoeboxFeed) feed = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *sources;

  if (argc < 3)
    {
      g_printerr ("Usage: shoebox-seed-news DATABASE TITLE...\n");
      return 2;
    }

  database = shoebox_database_open (argv[1], &error);
  if (database != NULL)
    store = shoebox_news_store_new (database, &error);
  if (store == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  sources = shoebox_news_store_get_sources (store);
  while (g_list_model_get_n_items (sources) > 0)
    {
      g_autoptr(ShoeboxNewsSource) other = g_list_model_get_item (sources, 0);

      if (!shoebox_news_store_remove_source (store, other, &error))
        {
          g_printerr ("Could not remove a source: %s\n", error->message);
          return 1;
        }
    }

  source = shoebox_news_store_add_source (store, "http://127.0.0.1:9/feed.xml", "Loopback Kicks", &error);
  bytes = build_feed (&argv[2]);
  if (source != NULL)
    feed = shoebox_feed_parse (bytes, "application/rss+xml", "http://127.0.0.1:9/feed.xml", &error);
  now = g_date_time_new_now_utc ();
  tomorrow = g_date_time_add_days (now, 1);
  if (feed == NULL
      || !shoebox_news_store_record_success (store, source, feed, NULL, NULL, tomorrow, NULL, &error))
    {
      g_printerr ("Could not store the stories: %s\n", error->message);
      return 1;
    }

  items = shoebox_news_store_query_items (store, SHOEBOX_NEWS_FILTER_ALL, 0, NULL, &error);
  if (items == NULL)
    {
      g_printerr ("Could not read the stories back: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < items->len; i++)
    {
      ShoeboxNewsItem *item = g_ptr_array_index (items, i);

      g_print ("%" G_GINT64_FORMAT "\t%s\n", shoebox_news_item_get_id (item), shoebox_news_item_get_title (item));
    }

  shoebox_database_close (database);
  return 0;
}
