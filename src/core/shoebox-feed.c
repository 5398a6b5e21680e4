/* shoebox-feed.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-feed-parser"

#include "config.h"

#include "shoebox-feed-parser-private.h"

/* The feed and its items as the parser hands them out: reference-counted
 * boxes, their error domain, and the names of their formats.
 */

G_DEFINE_QUARK (shoebox-feed-parser-error-quark, shoebox_feed_parser_error)

G_DEFINE_BOXED_TYPE (ShoeboxFeed, shoebox_feed, shoebox_feed_ref, shoebox_feed_unref)
G_DEFINE_BOXED_TYPE (ShoeboxFeedItem, shoebox_feed_item, shoebox_feed_item_ref, shoebox_feed_item_unref)

static void
enclosure_free (gpointer data)
{
  ShoeboxFeedEnclosure *enclosure = data;

  g_free (enclosure->url);
  g_free (enclosure->type);
  g_free (enclosure);
}

static void
item_clear (gpointer data)
{
  ShoeboxFeedItem *item = data;

  g_free (item->title);
  g_free (item->link);
  g_free (item->id);
  g_clear_pointer (&item->published, g_date_time_unref);
  g_clear_pointer (&item->updated, g_date_time_unref);
  g_free (item->summary);
  g_free (item->content);
  g_free (item->author);
  g_free (item->thumbnail);
  g_free (item->media_thumbnail);
  g_ptr_array_unref (item->enclosures);
  g_ptr_array_unref (item->media);
}

ShoeboxFeedItem *
_shoebox_feed_item_new (void)
{
  ShoeboxFeedItem *item = g_atomic_rc_box_new0 (ShoeboxFeedItem);

  item->enclosures = g_ptr_array_new_with_free_func (enclosure_free);
  item->media = g_ptr_array_new_with_free_func (enclosure_free);
  return item;
}

static void
feed_clear (gpointer data)
{
  ShoeboxFeed *feed = data;

  g_free (feed->title);
  g_free (feed->link);
  g_ptr_array_unref (feed->items);
}

ShoeboxFeed *
_shoebox_feed_new (void)
{
  ShoeboxFeed *feed = g_atomic_rc_box_new0 (ShoeboxFeed);

  feed->items = g_ptr_array_new_with_free_func ((GDestroyNotify) shoebox_feed_item_unref);
  return feed;
}


/**
 * shoebox_feed_ref:
 * @feed: a feed
 *
 * Returns: (transfer full): @feed
 */
ShoeboxFeed *
shoebox_feed_ref (ShoeboxFeed *feed)
{
  g_return_val_if_fail (feed != NULL, NULL);

  return g_atomic_rc_box_acquire (feed);
}

/**
 * shoebox_feed_unref:
 * @feed: (transfer full): a feed
 */
void
shoebox_feed_unref (ShoeboxFeed *feed)
{
  g_return_if_fail (feed != NULL);

  g_atomic_rc_box_release_full (feed, feed_clear);
}

/**
 * shoebox_feed_item_ref:
 * @item: an item
 *
 * Returns: (transfer full): @item
 */
ShoeboxFeedItem *
shoebox_feed_item_ref (ShoeboxFeedItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  return g_atomic_rc_box_acquire (item);
}

/**
 * shoebox_feed_item_unref:
 * @item: (transfer full): an item
 */
void
shoebox_feed_item_unref (ShoeboxFeedItem *item)
{
  g_return_if_fail (item != NULL);

  g_atomic_rc_box_release_full (item, item_clear);
}

/**
 * shoebox_feed_format_to_string:
 * @format: a format
 *
 * Returns: feedparser's name for @format (`rss20`, `atom10`, `json11`…),
 *   `""` for %SHOEBOX_FEED_FORMAT_UNKNOWN
 */
const char *
shoebox_feed_format_to_string (ShoeboxFeedFormat format)
{
  switch (format)
    {
    case SHOEBOX_FEED_FORMAT_RSS090: return "rss090";
    case SHOEBOX_FEED_FORMAT_RSS091N: return "rss091n";
    case SHOEBOX_FEED_FORMAT_RSS091U: return "rss091u";
    case SHOEBOX_FEED_FORMAT_RSS092: return "rss092";
    case SHOEBOX_FEED_FORMAT_RSS093: return "rss093";
    case SHOEBOX_FEED_FORMAT_RSS094: return "rss094";
    case SHOEBOX_FEED_FORMAT_RSS20: return "rss20";
    case SHOEBOX_FEED_FORMAT_RSS10: return "rss10";
    case SHOEBOX_FEED_FORMAT_RSS: return "rss";
    case SHOEBOX_FEED_FORMAT_ATOM03: return "atom03";
    case SHOEBOX_FEED_FORMAT_ATOM10: return "atom10";
    case SHOEBOX_FEED_FORMAT_ATOM: return "atom";
    case SHOEBOX_FEED_FORMAT_JSON10: return "json1";
    case SHOEBOX_FEED_FORMAT_JSON11: return "json11";
    case SHOEBOX_FEED_FORMAT_UNKNOWN:
    default:
      return "";
    }
}
