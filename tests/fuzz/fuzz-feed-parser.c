/* fuzz-feed-parser.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The feed parser on any bytes, with a check of every field it hands back
 * against what shoebox-feed-parser.h promises: valid UTF-8, within the
 * caps, one line where the field is one line, dates in UTC.
 */

#include "config.h"

#include <stdint.h>

#include "shoebox-feed-parser-private.h"
#include "shoebox-fuzz.h"

/* The Content-Type an HTTP server gave, picked by the input's length so
 * that the bytes themselves stay a feed from the corpus: none, a plain
 * XML type, a charset that contradicts most documents, JSON Feed's.
 */
static const char * const content_types[] = {
  NULL,
  "application/rss+xml",
  "text/xml; charset=iso-8859-1",
  "application/feed+json",
};

#define ENCLOSURE_MAX_TYPE 256

static void
check_date (const char *what,
            GDateTime  *date)
{
  if (date != NULL && g_date_time_get_utc_offset (date) != 0)
    shoebox_fuzz_fail (what, "is not in UTC");
}

static void
check_enclosures (const char *what,
                  GPtrArray  *enclosures)
{
  if (enclosures == NULL)
    shoebox_fuzz_fail (what, "is NULL");

  for (guint i = 0; i < enclosures->len; i++)
    {
      ShoeboxFeedEnclosure *enclosure = g_ptr_array_index (enclosures, i);

      if (enclosure->url == NULL)
        shoebox_fuzz_fail (what, "has an enclosure without a URL");
      shoebox_fuzz_check_text ("enclosure url", enclosure->url, SHOEBOX_FEED_MAX_URL, FALSE);
      shoebox_fuzz_check_text ("enclosure type", enclosure->type, ENCLOSURE_MAX_TYPE, TRUE);
      if (enclosure->length < -1)
        shoebox_fuzz_fail ("enclosure length", "is negative");
    }
}

static void
check_item (ShoeboxFeedItem *item)
{
  shoebox_fuzz_check_text ("item title", item->title, SHOEBOX_FEED_MAX_TITLE, TRUE);
  shoebox_fuzz_check_text ("item link", item->link, SHOEBOX_FEED_MAX_URL, FALSE);
  shoebox_fuzz_check_text ("item id", item->id, SHOEBOX_FEED_MAX_ID, TRUE);
  shoebox_fuzz_check_text ("item summary", item->summary, SHOEBOX_FEED_MAX_SUMMARY, TRUE);
  shoebox_fuzz_check_text ("item content", item->content, SHOEBOX_FEED_MAX_CONTENT, FALSE);
  shoebox_fuzz_check_text ("item author", item->author, SHOEBOX_FEED_MAX_AUTHOR, TRUE);
  shoebox_fuzz_check_text ("item thumbnail", item->thumbnail, SHOEBOX_FEED_MAX_URL, FALSE);
  shoebox_fuzz_check_text ("item media thumbnail", item->media_thumbnail, SHOEBOX_FEED_MAX_URL, FALSE);
  check_date ("item published", item->published);
  check_date ("item updated", item->updated);
  check_enclosures ("item enclosures", item->enclosures);
  check_enclosures ("item media", item->media);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ShoeboxFeed) feed = NULL;
  g_autoptr(GError) error = NULL;

  shoebox_fuzz_init ();

  bytes = g_bytes_new_static (data, size);
  feed = shoebox_feed_parse (bytes, content_types[size % G_N_ELEMENTS (content_types)],
                             "https://feeds.example.com/kicks/feed.xml", &error);
  if (feed == NULL)
    {
      shoebox_fuzz_check_error ("a failed parse", error);
      if (error->domain != SHOEBOX_FEED_PARSER_ERROR)
        shoebox_fuzz_fail ("a failed parse", "set another error than the parser's");
      return 0;
    }
  if (error != NULL)
    shoebox_fuzz_fail ("a feed", "came with an error");

  if (shoebox_feed_format_to_string (feed->format) == NULL)
    shoebox_fuzz_fail ("feed format", "has no name");
  shoebox_fuzz_check_text ("feed title", feed->title, SHOEBOX_FEED_MAX_TITLE, TRUE);
  shoebox_fuzz_check_text ("feed link", feed->link, SHOEBOX_FEED_MAX_URL, FALSE);
  if (feed->items == NULL || feed->items->len > SHOEBOX_FEED_MAX_ITEMS)
    shoebox_fuzz_fail ("feed items", "are missing or over their cap");

  for (guint i = 0; i < feed->items->len; i++)
    check_item (g_ptr_array_index (feed->items, i));

  return 0;
}
