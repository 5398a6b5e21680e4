/* shoebox-feed-parser-rss.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-feed-parser"

#include "config.h"

#include <string.h>

#include "shoebox-feed-parser-xml-private.h"
#include "shoebox-html-text.h"

/* RSS 0.9x, 1.0 (RDF) and 2.0: the channel and its items. */

/* An RSS title: HTML when it looks like HTML, as feedparser decides. */
static char *
dup_rss_title (ParseContext *ctx,
               xmlNodePtr    node)
{
  g_autofree char *raw = _shoebox_feed_xml_dup_raw_text (ctx, node, SHOEBOX_FEED_MAX_TITLE * 4);

  if (shoebox_html_looks_like_html (raw))
    return shoebox_html_to_text (raw, -1, SHOEBOX_FEED_MAX_TITLE);

  return _shoebox_feed_clean_line (raw, SHOEBOX_FEED_MAX_TITLE);
}

/* _shoebox_feed_xml_is_core() for an element already classified: an
 * item's children are matched against a dozen names each.
 */
static inline gboolean
is_core (gboolean    core,
         const char *local,
         const char *name)
{
  return core && strcmp (local, name) == 0;
}

static ShoeboxFeedItem *
parse_rss_item (ParseContext *ctx,
                xmlNodePtr    node)
{
  ShoeboxFeedItem *item = _shoebox_feed_item_new ();
  xmlNodePtr title = NULL, dc_title = NULL, link = NULL, guid = NULL;
  xmlNodePtr description = NULL, encoded = NULL, body = NULL, dc_description = NULL;
  xmlNodePtr pub_date = NULL, issued = NULL, dc_date = NULL, modified = NULL;
  xmlNodePtr author = NULL, creator = NULL, atom_link = NULL, media_title = NULL;
  xmlNodePtr summary = NULL, fullitem = NULL, first_text = NULL;
  g_autofree char *summary_html = NULL;
  gboolean content_is_summary = FALSE;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      const char *local;
      NsClass ns_class;
      gboolean core;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      ns_class = _shoebox_feed_xml_classify (child, &local);
      core = _shoebox_feed_xml_is_core_class (ctx, child, ns_class);

      if (is_core (core, local, "title") && ns_class != NS_CLASS_ATOM)
        title = title != NULL ? title : child;
      else if (is_core (core, local, "link") && ns_class != NS_CLASS_ATOM)
        link = link != NULL ? link : child;
      else if (is_core (core, local, "guid"))
        guid = guid != NULL ? guid : child;
      else if (is_core (core, local, "description"))
        {
          description = description != NULL ? description : child;
          first_text = first_text != NULL ? first_text : child;
        }
      else if (is_core (core, local, "summary") && ns_class != NS_CLASS_ATOM)
        {
          summary = summary != NULL ? summary : child;
          first_text = first_text != NULL ? first_text : child;
        }
      else if (is_core (core, local, "fullitem"))
        fullitem = fullitem != NULL ? fullitem : child;
      else if (is_core (core, local, "pubDate"))
        pub_date = pub_date != NULL ? pub_date : child;
      else if (is_core (core, local, "author") && ns_class != NS_CLASS_ATOM)
        author = author != NULL ? author : child;
      else if (is_core (core, local, "enclosure"))
        _shoebox_feed_xml_read_enclosure (ctx, item, child, "url");
      else if (ns_class == NS_CLASS_ATOM && strcmp (local, "link") == 0)
        {
          g_autofree char *rel = _shoebox_feed_xml_get_attribute (child, "rel");

          if (rel == NULL || g_strcmp0 (rel, "alternate") == 0)
            atom_link = atom_link != NULL ? atom_link : child;
          else if (g_strcmp0 (rel, "enclosure") == 0)
            _shoebox_feed_xml_read_enclosure (ctx, item, child, "href");
        }
      else if (ns_class == NS_CLASS_DC && strcmp (local, "title") == 0)
        dc_title = dc_title != NULL ? dc_title : child;
      else if (ns_class == NS_CLASS_DC && strcmp (local, "date") == 0)
        dc_date = dc_date != NULL ? dc_date : child;
      else if (ns_class == NS_CLASS_DC && strcmp (local, "description") == 0)
        dc_description = dc_description != NULL ? dc_description : child;
      else if (ns_class == NS_CLASS_DC && strcmp (local, "creator") == 0)
        creator = creator != NULL ? creator : child;
      else if (ns_class == NS_CLASS_DCTERMS && strcmp (local, "issued") == 0)
        issued = issued != NULL ? issued : child;
      else if (ns_class == NS_CLASS_DCTERMS && strcmp (local, "modified") == 0)
        modified = modified != NULL ? modified : child;
      else if (ns_class == NS_CLASS_CONTENT && strcmp (local, "encoded") == 0)
        encoded = encoded != NULL ? encoded : child;
      else if (ns_class == NS_CLASS_XHTML && strcmp (local, "body") == 0)
        body = body != NULL ? body : child;
      else if (ns_class == NS_CLASS_MEDIA && strcmp (local, "title") == 0)
        media_title = media_title != NULL ? media_title : child;
      else if (ns_class == NS_CLASS_MEDIA)
        _shoebox_feed_xml_read_media (ctx, item, child);
    }

  if (title != NULL)
    item->title = dup_rss_title (ctx, title);
  else if (dc_title != NULL)
    item->title = dup_rss_title (ctx, dc_title);
  else if (media_title != NULL)
    item->title = dup_rss_title (ctx, media_title);

  if (guid != NULL)
    item->id = _shoebox_feed_xml_dup_line (ctx, guid, SHOEBOX_FEED_MAX_ID);
  else
    {
      g_autofree char *about = (char *) _shoebox_feed_xml_unmark_value (node, xmlGetNsProp (node, (const xmlChar *) "about",
                                                                                              (const xmlChar *) NS_RDF));

      if (about != NULL)
        item->id = _shoebox_feed_clean_line (about, SHOEBOX_FEED_MAX_ID);
    }

  if (link != NULL)
    item->link = _shoebox_feed_xml_dup_link_from_text (ctx, link);
  if (item->link == NULL && atom_link != NULL)
    item->link = _shoebox_feed_xml_dup_link_from_attribute (ctx, atom_link, "href");
  if (link == NULL && atom_link == NULL && guid != NULL && item->id != NULL && item->id[0] != '\0')
    {
      g_autofree char *permalink = _shoebox_feed_xml_get_attribute (guid, "isPermaLink");

      /* A guid is a permalink unless it says otherwise; feedparser then
       * takes it as the link, unresolved.
       */
      if (permalink == NULL || g_ascii_strcasecmp (g_strstrip (permalink), "true") == 0)
        item->link = _shoebox_feed_xml_dup_link (ctx, guid, item->id);
    }

  if (pub_date != NULL)
    item->published = _shoebox_feed_xml_parse_date_node (ctx, pub_date);
  if (item->published == NULL && issued != NULL)
    item->published = _shoebox_feed_xml_parse_date_node (ctx, issued);
  if (dc_date != NULL)
    item->updated = _shoebox_feed_xml_parse_date_node (ctx, dc_date);
  if (item->updated == NULL && modified != NULL)
    item->updated = _shoebox_feed_xml_parse_date_node (ctx, modified);

  /* With both a <summary> and a <description>, the first is the summary
   * and the other the content, as feedparser reads them.
   */
  if (first_text != NULL)
    summary_html = _shoebox_feed_xml_dup_raw_text (ctx, first_text, SHOEBOX_FEED_MAX_CONTENT);
  else if (dc_description != NULL)
    summary_html = _shoebox_feed_xml_dup_raw_text (ctx, dc_description, SHOEBOX_FEED_MAX_CONTENT);

  if (encoded != NULL)
    item->content = _shoebox_feed_xml_dup_raw_text (ctx, encoded, SHOEBOX_FEED_MAX_CONTENT);
  else if (body != NULL)
    item->content = _shoebox_feed_xml_dup_inner_xml (ctx, body, SHOEBOX_FEED_MAX_CONTENT);
  else if (fullitem != NULL)
    item->content = _shoebox_feed_xml_dup_raw_text (ctx, fullitem, SHOEBOX_FEED_MAX_CONTENT);
  else if (summary != NULL && description != NULL)
    item->content = _shoebox_feed_xml_dup_raw_text (ctx, first_text == summary ? description : summary,
                                                    SHOEBOX_FEED_MAX_CONTENT);
  else if (summary_html != NULL)
    content_is_summary = TRUE;
  item->content_is_html = item->content != NULL || content_is_summary;

  if (summary_html != NULL)
    item->summary = shoebox_html_to_text (summary_html, -1, SHOEBOX_FEED_MAX_SUMMARY);
  else if (item->content != NULL)
    item->summary = shoebox_html_to_text (item->content, -1, SHOEBOX_FEED_MAX_SUMMARY);
  else
    item->summary = _shoebox_feed_xml_dup_media_description (ctx, node);

  /* With no other content the summary's HTML is the content too: it is
   * handed over rather than copied, once the summary has been read.
   */
  if (content_is_summary)
    item->content = g_steal_pointer (&summary_html);

  if (author != NULL)
    item->author = _shoebox_feed_xml_dup_line (ctx, author, SHOEBOX_FEED_MAX_AUTHOR);
  else if (creator != NULL)
    item->author = _shoebox_feed_xml_dup_line (ctx, creator, SHOEBOX_FEED_MAX_AUTHOR);

  {
    g_autofree char *copy = NULL;

    _shoebox_feed_choose_thumbnail (item, _shoebox_feed_xml_peek_node_base (ctx, node, &copy));
  }
  return item;
}

static void
parse_rss_items_in (ParseContext *ctx,
                    xmlNodePtr    parent)
{
  for (xmlNodePtr child = parent->children; child != NULL; child = child->next)
    if (_shoebox_feed_xml_is_core (ctx, child, "item") && ctx->feed->items->len < SHOEBOX_FEED_MAX_ITEMS)
      g_ptr_array_add (ctx->feed->items, parse_rss_item (ctx, child));
}

void
_shoebox_feed_xml_parse_rss (ParseContext *ctx,
                             xmlNodePtr    root)
{
  xmlNodePtr channel = NULL;

  for (xmlNodePtr child = root->children; child != NULL; child = child->next)
    if (_shoebox_feed_xml_is_core (ctx, child, "channel"))
      {
        channel = child;
        break;
      }

  if (channel == NULL && _shoebox_feed_xml_is_core (ctx, root, "channel"))
    channel = root;

  if (channel != NULL)
    {
      xmlNodePtr title = NULL, link = NULL, dc_title = NULL, atom_link = NULL;

      for (xmlNodePtr child = channel->children; child != NULL; child = child->next)
        {
          const char *local;
          NsClass ns_class;

          if (child->type != XML_ELEMENT_NODE)
            continue;

          ns_class = _shoebox_feed_xml_classify (child, &local);
          if (_shoebox_feed_xml_is_core (ctx, child, "title") && ns_class != NS_CLASS_ATOM)
            title = title != NULL ? title : child;
          else if (_shoebox_feed_xml_is_core (ctx, child, "link") && ns_class != NS_CLASS_ATOM)
            link = link != NULL ? link : child;
          else if (ns_class == NS_CLASS_DC && strcmp (local, "title") == 0)
            dc_title = dc_title != NULL ? dc_title : child;
          else if (ns_class == NS_CLASS_ATOM && strcmp (local, "link") == 0)
            {
              g_autofree char *rel = _shoebox_feed_xml_get_attribute (child, "rel");

              if (rel == NULL || g_strcmp0 (rel, "alternate") == 0)
                atom_link = atom_link != NULL ? atom_link : child;
            }
        }

      if (title != NULL)
        ctx->feed->title = dup_rss_title (ctx, title);
      else if (dc_title != NULL)
        ctx->feed->title = dup_rss_title (ctx, dc_title);

      if (link != NULL)
        ctx->feed->link = _shoebox_feed_xml_dup_link_from_text (ctx, link);
      if (ctx->feed->link == NULL && atom_link != NULL)
        ctx->feed->link = _shoebox_feed_xml_dup_link_from_attribute (ctx, atom_link, "href");

      if (channel != root)
        parse_rss_items_in (ctx, channel);
    }

  parse_rss_items_in (ctx, root);
}
