/* bench-feed-parse.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/parser.h>
#include <stdlib.h>

#include "shoebox-feed-parser.h"

/* Not a test: how fast the feed parser turns a large RSS feed into items,
 * beside libxml2 alone (xmlReadMemory) reading the same bytes in the same
 * run, so the cost of our own work shows as the difference. Run it by
 * hand: bench-feed-parse [ITEMS] [ROUNDS].
 */

static GBytes *
generate_feed (guint n_items)
{
  GString *feed = g_string_new (NULL);

  g_string_append (feed,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\" "
                   "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n"
                   "<title>Bench Kicks</title><link>https://kicks.example/</link>\n"
                   "<description>Sneaker release news</description>\n");

  for (guint i = 0; i < n_items; i++)
    g_string_append_printf (feed,
                            "<item>"
                            "<title>Air Max 97 &quot;Silver Bullet&quot; restock number %u</title>"
                            "<link>https://kicks.example/news/%u</link>"
                            "<guid isPermaLink=\"false\">kicks-%u</guid>"
                            "<pubDate>Mon, %02u Nov 2026 %02u:%02u:00 -0500</pubDate>"
                            "<dc:creator>Editor %u</dc:creator>"
                            "<description><![CDATA[<p>The <b>Air Max 97</b> returns in its "
                            "original silver colorway, inspired by Japan&#8217;s bullet trains, "
                            "with reflective 3M overlays and a full-length Air unit. "
                            "<img src=\"/img/%u.jpg\"> Retail is $185.</p>]]></description>"
                            "<media:thumbnail url=\"https://kicks.example/thumbs/%u.jpg\"/>"
                            "</item>\n",
                            i, i, i, 1 + i % 28, i % 24, i % 60, i % 7, i, i);

  g_string_append (feed, "</channel>\n</rss>\n");
  return g_string_free_to_bytes (feed);
}

static guint
count_items (xmlNode *node)
{
  guint n = 0;

  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, (const xmlChar *) "item") == 0)
        n++;
      else
        n += count_items (node->children);
    }

  return n;
}

/* glibc keeps small freed blocks aside and merges them all at the next
 * large request (malloc_consolidate()). Without this, the first large
 * request of shoebox_feed_parse() merged the hundred thousand blocks of
 * the tree that libxml2's round had just freed, outside its timing: 10
 * to 15 % of the parser's time by perf, which xmlReadMemory never paid
 * the other way round. A large request after each untimed free settles
 * the allocator, so that each parser is timed from the same state.
 */
static void
settle_allocator (void)
{
  g_free (g_malloc (4 * 1024 * 1024));
}

int
main (int   argc,
      char *argv[])
{
  guint n_items = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 5000;
  guint rounds = argc > 2 ? (guint) strtoul (argv[2], NULL, 10) : 10;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;
  double parser_seconds = 0;
  double xml_seconds = 0;
  guint parser_items = 0;
  guint xml_items = 0;

  n_items = CLAMP (n_items, 1, SHOEBOX_FEED_MAX_ITEMS);
  rounds = MAX (rounds, 1);
  bytes = generate_feed (n_items);
  data = g_bytes_get_data (bytes, &size);
  g_print ("feed: %u items, %.1f MiB, %u rounds\n", n_items, size / (1024.0 * 1024.0), rounds);

  /* Alternate the two so neither always runs on a warmer cache. */
  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShoeboxFeed) feed = NULL;
      xmlDoc *doc;
      gint64 start;

      start = g_get_monotonic_time ();
      doc = xmlReadMemory (data, (int) size, "https://kicks.example/feed", NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
      xml_seconds += (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
      if (doc == NULL)
        g_error ("libxml2 could not read the generated feed");
      xml_items += count_items (xmlDocGetRootElement (doc));
      xmlFreeDoc (doc);
      settle_allocator ();

      start = g_get_monotonic_time ();
      feed = shoebox_feed_parse (bytes, "application/rss+xml", "https://kicks.example/feed", &error);
      parser_seconds += (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
      if (feed == NULL)
        g_error ("The feed parser failed: %s", error->message);
      parser_items += feed->items->len;
      g_clear_pointer (&feed, shoebox_feed_unref);
      settle_allocator ();
    }

  g_print ("libxml2 xmlReadMemory: %10.0f items/s  %7.1f MiB/s\n",
           xml_items / xml_seconds, rounds * size / (1024.0 * 1024.0) / xml_seconds);
  g_print ("shoebox_feed_parse:    %10.0f items/s  %7.1f MiB/s  (%.1f x libxml2's time)\n",
           parser_items / parser_seconds, rounds * size / (1024.0 * 1024.0) / parser_seconds,
           parser_seconds / xml_seconds);

  return 0;
}
