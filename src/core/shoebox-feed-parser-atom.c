/* shoebox-feed-parser-atom.c
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

/* Atom 0.3 and 1.0: the feed and its entries. */

static gboolean
is_html_type (const char *type)
{
  return (type == NULL ||
          g_ascii_strcasecmp (type, "text/html") == 0 ||
          g_ascii_strcasecmp (type, "application/xhtml+xml") == 0 ||
          g_ascii_strcasecmp (type, "html") == 0 ||
          g_ascii_strcasecmp (type, "xhtml") == 0);
}

/* Atom links: the first alternate (the default rel) of an HTML type is
 * the link; enclosures are collected when @item is given.
 */
static char *
read_atom_links (ParseContext    *ctx,
                 xmlNodePtr       parent,
                 ShoeboxFeedItem *item)
{
  char *link = NULL;

  for (xmlNodePtr child = parent->children; child != NULL; child = child->next)
    {
      g_autofree char *rel = NULL;
      g_autofree char *type = NULL;
      g_autofree char *href = NULL;

      if (!_shoebox_feed_xml_is_core (ctx, child, "link"))
        continue;

      rel = _shoebox_feed_xml_get_attribute (child, "rel");
      type = _shoebox_feed_xml_get_attribute (child, "type");
      href = _shoebox_feed_xml_get_attribute (child, "href");
      if (rel != NULL)
        g_strstrip (rel);

      /* Some feeds write the address as the element's text. */
      if (href == NULL)
        href = _shoebox_feed_xml_dup_raw_text (ctx, child, SHOEBOX_FEED_MAX_URL);
      if (href == NULL || href[0] == '\0')
        continue;

      if ((rel == NULL || rel[0] == '\0' || g_strcmp0 (rel, "alternate") == 0) &&
          is_html_type (type != NULL ? g_strstrip (type) : NULL))
        {
          if (link == NULL)
            link = _shoebox_feed_xml_dup_link (ctx, child, href);
        }
      else if (g_strcmp0 (rel, "enclosure") == 0 && item != NULL)
        {
          g_autofree char *length = _shoebox_feed_xml_get_attribute (child, "length");

          _shoebox_feed_add_enclosure (item->enclosures, _shoebox_feed_xml_dup_link (ctx, child, href), type, length);
        }
    }

  return link;
}

/* An Atom id, resolved when it is a relative reference, as feedparser does. */
static char *
dup_atom_id (ParseContext *ctx,
             xmlNodePtr    node)
{
  g_autofree char *id = _shoebox_feed_xml_dup_line (ctx, node, SHOEBOX_FEED_MAX_ID);
  g_autofree char *base = NULL;
  char *resolved;

  if (id == NULL || id[0] == '\0' || strchr (id, ':') != NULL)
    return g_steal_pointer (&id);

  base = _shoebox_feed_xml_dup_node_base (ctx, node);
  resolved = _shoebox_feed_resolve_against (base, id);
  /* A long base can take it over the cap: an id cut would no longer be
   * the entry's, so it stays as written.
   */
  if (resolved == NULL || strlen (resolved) > SHOEBOX_FEED_MAX_ID)
    {
      g_free (resolved);
      return g_steal_pointer (&id);
    }

  return resolved;
}

static ShoeboxFeedItem *
parse_atom_entry (ParseContext *ctx,
                  xmlNodePtr    node)
{
  ShoeboxFeedItem *item = _shoebox_feed_item_new ();
  xmlNodePtr title = NULL, id = NULL, published = NULL, updated = NULL;
  xmlNodePtr summary = NULL, content = NULL, author = NULL;
  xmlNodePtr dc_date = NULL, issued = NULL, modified = NULL;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      const char *local;
      NsClass ns_class;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      ns_class = _shoebox_feed_xml_classify (child, &local);

      if (_shoebox_feed_xml_is_core (ctx, child, "title"))
        title = title != NULL ? title : child;
      else if (_shoebox_feed_xml_is_core (ctx, child, "id"))
        id = id != NULL ? id : child;
      /* A later date overrides an earlier one, as in feedparser. */
      else if (_shoebox_feed_xml_is_core (ctx, child, "published") || _shoebox_feed_xml_is_core (ctx, child, "issued"))
        published = child;
      else if (_shoebox_feed_xml_is_core (ctx, child, "updated") || _shoebox_feed_xml_is_core (ctx, child, "modified"))
        updated = child;
      else if (_shoebox_feed_xml_is_core (ctx, child, "summary"))
        summary = summary != NULL ? summary : child;
      else if (_shoebox_feed_xml_is_core (ctx, child, "content"))
        content = content != NULL ? content : child;
      else if (_shoebox_feed_xml_is_core (ctx, child, "author"))
        author = author != NULL ? author : child;
      else if (ns_class == NS_CLASS_DC && strcmp (local, "date") == 0)
        dc_date = dc_date != NULL ? dc_date : child;
      else if (ns_class == NS_CLASS_DCTERMS && strcmp (local, "issued") == 0)
        issued = issued != NULL ? issued : child;
      else if (ns_class == NS_CLASS_DCTERMS && strcmp (local, "modified") == 0)
        modified = modified != NULL ? modified : child;
      else if (ns_class == NS_CLASS_MEDIA)
        _shoebox_feed_xml_read_media (ctx, item, child);
    }

  if (title != NULL)
    item->title = _shoebox_feed_xml_dup_text_construct_line (ctx, title, SHOEBOX_FEED_MAX_TITLE);
  if (id != NULL)
    item->id = dup_atom_id (ctx, id);
  item->link = read_atom_links (ctx, node, item);
  if (item->link == NULL && item->id != NULL && shoebox_feed_uri_is_web (item->id))
    item->link = g_strdup (item->id);

  if (published != NULL)
    item->published = _shoebox_feed_xml_parse_date_node (ctx, published);
  else if (issued != NULL)
    item->published = _shoebox_feed_xml_parse_date_node (ctx, issued);
  if (updated != NULL)
    item->updated = _shoebox_feed_xml_parse_date_node (ctx, updated);
  else if (dc_date != NULL)
    item->updated = _shoebox_feed_xml_parse_date_node (ctx, dc_date);
  else if (modified != NULL)
    item->updated = _shoebox_feed_xml_parse_date_node (ctx, modified);

  if (content != NULL && !xmlHasProp (content, (const xmlChar *) "src"))
    {
      TextKind kind;

      item->content = _shoebox_feed_xml_dup_text_construct (ctx, content, SHOEBOX_FEED_MAX_CONTENT, &kind);
      item->content_is_html = kind != TEXT_KIND_PLAIN;
      if (item->content != NULL && !item->content_is_html)
        {
          g_autofree char *plain = item->content;

          item->content = shoebox_text_sanitize (plain, -1, SHOEBOX_FEED_MAX_CONTENT, FALSE);
        }
    }

  if (summary != NULL)
    item->summary = _shoebox_feed_xml_dup_text_construct_line (ctx, summary, SHOEBOX_FEED_MAX_SUMMARY);
  else if (item->content != NULL)
    item->summary = item->content_is_html
                      ? shoebox_html_to_text (item->content, -1, SHOEBOX_FEED_MAX_SUMMARY)
                      : _shoebox_feed_clean_line (item->content, SHOEBOX_FEED_MAX_SUMMARY);
  else
    item->summary = _shoebox_feed_xml_dup_media_description (ctx, node);

  if (author != NULL)
    {
      for (xmlNodePtr child = author->children; child != NULL; child = child->next)
        if (_shoebox_feed_xml_is_core (ctx, child, "name"))
          {
            item->author = _shoebox_feed_xml_dup_line (ctx, child, SHOEBOX_FEED_MAX_AUTHOR);
            break;
          }
    }

  {
    g_autofree char *copy = NULL;

    _shoebox_feed_choose_thumbnail (item, _shoebox_feed_xml_peek_node_base (ctx, node, &copy));
  }
  return item;
}

void
_shoebox_feed_xml_parse_atom (ParseContext *ctx,
                              xmlNodePtr    root)
{
  xmlNodePtr title = NULL;
  xmlNodePtr id = NULL;

  for (xmlNodePtr child = root->children; child != NULL; child = child->next)
    {
      if (_shoebox_feed_xml_is_core (ctx, child, "title"))
        title = title != NULL ? title : child;
      else if (_shoebox_feed_xml_is_core (ctx, child, "id"))
        id = id != NULL ? id : child;
      else if ((_shoebox_feed_xml_is_core (ctx, child, "entry") || _shoebox_feed_xml_is_core (ctx, child, "item")) &&
               ctx->feed->items->len < SHOEBOX_FEED_MAX_ITEMS)
        g_ptr_array_add (ctx->feed->items, parse_atom_entry (ctx, child));
    }

  if (title != NULL)
    ctx->feed->title = _shoebox_feed_xml_dup_text_construct_line (ctx, title, SHOEBOX_FEED_MAX_TITLE);
  ctx->feed->link = read_atom_links (ctx, root, NULL);
  if (ctx->feed->link == NULL && id != NULL)
    {
      g_autofree char *text = dup_atom_id (ctx, id);

      if (shoebox_feed_uri_is_web (text))
        ctx->feed->link = g_steal_pointer (&text);
    }
}
