/* shoebox-news-fetcher-discovery.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-news-fetcher"

#include "config.h"

#include "shoebox-news-fetcher.h"
#include "shoebox-xml-attribute.h"

#include <libxml/HTMLparser.h>
#include <string.h>

/* Feed discovery: the feed a web page advertises. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

#define MAX_HTML_DEPTH     256

static gboolean
has_token (const char *list,
           const char *token)
{
  g_auto(GStrv) tokens = NULL;

  if (list == NULL)
    return FALSE;

  tokens = g_strsplit_set (list, " \t\r\n\f", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_ascii_strcasecmp (tokens[i], token) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_feed_type (const char *type)
{
  g_autofree char *bare = NULL;
  char *semicolon;

  if (type == NULL)
    return FALSE;

  bare = g_ascii_strdown (type, -1);
  semicolon = strchr (bare, ';');
  if (semicolon != NULL)
    *semicolon = '\0';
  g_strstrip (bare);

  return strcmp (bare, "application/rss+xml") == 0
         || strcmp (bare, "application/atom+xml") == 0
         || strcmp (bare, "application/feed+json") == 0
         || strcmp (bare, "application/rdf+xml") == 0;
}

typedef struct
{
  char *base;
  char *feed;
} Discovery;

static void
walk_html (xmlNode   *parent,
           guint      depth,
           Discovery *discovery)
{
  if (depth > MAX_HTML_DEPTH)
    return;

  for (xmlNode *node = parent; node != NULL && discovery->feed == NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (xmlStrcasecmp (node->name, (const xmlChar *) "base") == 0 && discovery->base == NULL)
        {
          g_autofree char *href = _shoebox_xml_dup_attribute (node, "href");

          if (href != NULL)
            discovery->base = g_steal_pointer (&href);
        }
      else if (xmlStrcasecmp (node->name, (const xmlChar *) "link") == 0)
        {
          g_autofree char *rel = _shoebox_xml_dup_attribute (node, "rel");
          g_autofree char *type = _shoebox_xml_dup_attribute (node, "type");
          g_autofree char *href = _shoebox_xml_dup_attribute (node, "href");

          if (href != NULL && has_token (rel, "alternate") && is_feed_type (type))
            discovery->feed = g_strstrip (g_steal_pointer (&href));
        }

      walk_html (node->children, depth + 1, discovery);
    }
}

/**
 * shoebox_news_discover_feed:
 * @html: a web page
 * @page_url: where it came from, to resolve relative links against
 *
 * Finds the first feed a page advertises with
 * `<link rel="alternate" type="application/rss+xml" href="…">` (or Atom,
 * RDF, JSON Feed). The page is parsed without network access.
 *
 * Returns: (transfer full) (nullable): the feed's absolute http or https
 *   address, or %NULL if the page names none
 */
char *
shoebox_news_discover_feed (GBytes     *html,
                            const char *page_url)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *base = NULL;
  g_autofree char *resolved = NULL;
  Discovery discovery = { NULL, NULL };
  const char *data;
  gsize size;

  g_return_val_if_fail (html != NULL, NULL);
  g_return_val_if_fail (page_url != NULL, NULL);

  data = g_bytes_get_data (html, &size);
  if (size == 0 || size > G_MAXINT)
    return NULL;

  doc = htmlReadMemory (data, (int) size, NULL, NULL,
                        HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR
                        | HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED);
  if (doc == NULL)
    return NULL;

  walk_html (doc->children, 0, &discovery);
  if (discovery.feed == NULL)
    {
      g_free (discovery.base);
      return NULL;
    }

  base = page_url != NULL ? g_strdup (page_url) : NULL;
  if (discovery.base != NULL)
    {
      g_autofree char *page_base = g_uri_resolve_relative (page_url, discovery.base, G_URI_FLAGS_ENCODED, NULL);

      if (page_base != NULL)
        {
          g_free (base);
          base = g_steal_pointer (&page_base);
        }
    }

  resolved = g_uri_resolve_relative (base, discovery.feed, G_URI_FLAGS_ENCODED, NULL);
  g_free (discovery.base);
  g_free (discovery.feed);

  return resolved != NULL ? shoebox_news_normalize_url (resolved, NULL) : NULL;
}
