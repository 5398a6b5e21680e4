/* shoebox-feed-parser-xml-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "shoebox-feed-parser-private.h"

G_BEGIN_DECLS

/* The XML feeds are read over several files: the document, libxml2 and
 * the format (shoebox-feed-parser-xml.c), reading nodes (-xml-tree.c),
 * Media RSS and enclosures (-media.c), RSS (-rss.c) and Atom (-atom.c).
 * They share the parse context and the node readers declared here.
 */

#define NS_ATOM10  "http://www.w3.org/2005/Atom"
#define NS_ATOM03  "http://purl.org/atom/ns#"
#define NS_RSS10   "http://purl.org/rss/1.0/"
#define NS_RSS090  "http://my.netscape.com/rdf/simple/0.9/"
#define NS_RDF     "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_XML     "http://www.w3.org/XML/1998/namespace"

typedef enum
{
  NS_CLASS_NONE,
  NS_CLASS_RSS,
  NS_CLASS_ATOM,
  NS_CLASS_DC,
  NS_CLASS_DCTERMS,
  NS_CLASS_CONTENT,
  NS_CLASS_MEDIA,
  NS_CLASS_XHTML,
  NS_CLASS_RDF,
  NS_CLASS_OTHER,
} NsClass;

typedef struct
{
  xmlDocPtr    doc;
  char        *base_uri;       /* http or https, or NULL */
  const char  *root_ns;        /* the root element's namespace */
  ShoeboxFeed *feed;
} ParseContext;

typedef enum
{
  TEXT_KIND_PLAIN,
  TEXT_KIND_HTML,
  TEXT_KIND_XHTML,
} TextKind;

NsClass    _shoebox_feed_xml_classify                (xmlNodePtr        node,
                                                      const char      **local);
gboolean   _shoebox_feed_xml_is_core                 (ParseContext     *ctx,
                                                      xmlNodePtr        node,
                                                      const char       *local);
gboolean   _shoebox_feed_xml_is_core_class           (ParseContext     *ctx,
                                                      xmlNodePtr        node,
                                                      NsClass           ns_class);
gboolean   _shoebox_feed_xml_is_ns                   (xmlNodePtr        node,
                                                      NsClass           ns_class,
                                                      const char       *local);
xmlChar   *_shoebox_feed_xml_unmark_value            (xmlNodePtr        node,
                                                      xmlChar          *value);
char      *_shoebox_feed_xml_get_attribute           (xmlNodePtr        node,
                                                      const char       *name);
char      *_shoebox_feed_xml_dup_raw_text            (ParseContext     *ctx,
                                                      xmlNodePtr        node,
                                                      gsize             cap);
char      *_shoebox_feed_xml_dup_line                (ParseContext     *ctx,
                                                      xmlNodePtr        node,
                                                      gsize             cap);
char      *_shoebox_feed_xml_dup_inner_xml           (ParseContext     *ctx,
                                                      xmlNodePtr        node,
                                                      gsize             cap);
char      *_shoebox_feed_xml_dup_node_base           (ParseContext     *ctx,
                                                      xmlNodePtr        node);
const char *_shoebox_feed_xml_peek_node_base         (ParseContext     *ctx,
                                                      xmlNodePtr        node,
                                                      char            **copy);
char      *_shoebox_feed_xml_dup_link                (ParseContext     *ctx,
                                                      xmlNodePtr        node,
                                                      const char       *raw);
char      *_shoebox_feed_xml_dup_link_from_text      (ParseContext     *ctx,
                                                      xmlNodePtr        node);
char      *_shoebox_feed_xml_dup_link_from_attribute (ParseContext     *ctx,
                                                      xmlNodePtr        node,
                                                      const char       *attribute);
char      *_shoebox_feed_xml_dup_text_construct      (ParseContext     *ctx,
                                                      xmlNodePtr        node,
                                                      gsize             cap,
                                                      TextKind         *kind);
char      *_shoebox_feed_xml_dup_text_construct_line (ParseContext     *ctx,
                                                      xmlNodePtr        node,
                                                      gsize             cap);
GDateTime *_shoebox_feed_xml_parse_date_node         (ParseContext     *ctx,
                                                      xmlNodePtr        node);

void       _shoebox_feed_xml_read_media              (ParseContext     *ctx,
                                                      ShoeboxFeedItem  *item,
                                                      xmlNodePtr        node);
char      *_shoebox_feed_xml_dup_media_description   (ParseContext     *ctx,
                                                      xmlNodePtr        item);
void       _shoebox_feed_xml_read_enclosure          (ParseContext     *ctx,
                                                      ShoeboxFeedItem  *item,
                                                      xmlNodePtr        node,
                                                      const char       *url_attribute);

void       _shoebox_feed_xml_parse_rss               (ParseContext     *ctx,
                                                      xmlNodePtr        root);
void       _shoebox_feed_xml_parse_atom              (ParseContext     *ctx,
                                                      xmlNodePtr        root);

G_END_DECLS
