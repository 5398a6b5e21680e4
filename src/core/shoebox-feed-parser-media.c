/* shoebox-feed-parser-media.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-feed-parser"

#include "config.h"

#include "shoebox-feed-parser-xml-private.h"
#include "shoebox-html-text.h"

/* Media RSS and enclosures, in RSS items and Atom entries alike. */

/* Media RSS, at item level or inside <media:group>. */
void
_shoebox_feed_xml_read_media (ParseContext    *ctx,
                              ShoeboxFeedItem *item,
                              xmlNodePtr       node)
{
  if (_shoebox_feed_xml_is_ns (node, NS_CLASS_MEDIA, "thumbnail"))
    {
      if (item->media_thumbnail == NULL)
        item->media_thumbnail = _shoebox_feed_xml_dup_link_from_attribute (ctx, node, "url");
    }
  else if (_shoebox_feed_xml_is_ns (node, NS_CLASS_MEDIA, "content"))
    {
      g_autofree char *type = _shoebox_feed_xml_get_attribute (node, "type");
      g_autofree char *length = _shoebox_feed_xml_get_attribute (node, "fileSize");
      g_autofree char *medium = _shoebox_feed_xml_get_attribute (node, "medium");
      char *url = _shoebox_feed_xml_dup_link_from_attribute (ctx, node, "url");

      if (type == NULL && g_strcmp0 (medium, "image") == 0)
        type = g_strdup ("image/*");
      _shoebox_feed_add_enclosure (item->media, url, type, length);

      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        if (_shoebox_feed_xml_is_ns (child, NS_CLASS_MEDIA, "thumbnail"))
          _shoebox_feed_xml_read_media (ctx, item, child);
    }
  else if (_shoebox_feed_xml_is_ns (node, NS_CLASS_MEDIA, "group"))
    {
      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        _shoebox_feed_xml_read_media (ctx, item, child);
    }
}

/* <media:description>, of the item or its <media:group>: the summary of
 * last resort.
 */
char *
_shoebox_feed_xml_dup_media_description (ParseContext *ctx,
                                         xmlNodePtr    item)
{
  for (xmlNodePtr child = item->children; child != NULL; child = child->next)
    {
      xmlNodePtr found = NULL;

      if (_shoebox_feed_xml_is_ns (child, NS_CLASS_MEDIA, "description"))
        found = child;
      else if (_shoebox_feed_xml_is_ns (child, NS_CLASS_MEDIA, "group"))
        for (xmlNodePtr member = child->children; member != NULL && found == NULL; member = member->next)
          if (_shoebox_feed_xml_is_ns (member, NS_CLASS_MEDIA, "description"))
            found = member;

      if (found != NULL)
        {
          g_autofree char *type = _shoebox_feed_xml_get_attribute (found, "type");
          g_autofree char *raw = _shoebox_feed_xml_dup_raw_text (ctx, found, SHOEBOX_FEED_MAX_CONTENT);

          if (g_strcmp0 (type, "html") == 0)
            return shoebox_html_to_text (raw, -1, SHOEBOX_FEED_MAX_SUMMARY);
          return _shoebox_feed_clean_line (raw, SHOEBOX_FEED_MAX_SUMMARY);
        }
    }

  return NULL;
}

void
_shoebox_feed_xml_read_enclosure (ParseContext    *ctx,
                                  ShoeboxFeedItem *item,
                                  xmlNodePtr       node,
                                  const char      *url_attribute)
{
  g_autofree char *type = _shoebox_feed_xml_get_attribute (node, "type");
  g_autofree char *length = _shoebox_feed_xml_get_attribute (node, "length");
  char *url = _shoebox_feed_xml_dup_link_from_attribute (ctx, node, url_attribute);

  _shoebox_feed_add_enclosure (item->enclosures, url, type, length);
}
