/* shoebox-feed-parser.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SHOEBOX_FEED_PARSER_ERROR (shoebox_feed_parser_error_quark ())

/**
 * ShoeboxFeedParserError:
 * @SHOEBOX_FEED_PARSER_ERROR_INVALID: the bytes are not a readable document,
 *   even with recovery
 * @SHOEBOX_FEED_PARSER_ERROR_NOT_A_FEED: a document, but not RSS, Atom or
 *   JSON Feed (an HTML page, say)
 * @SHOEBOX_FEED_PARSER_ERROR_TOO_LARGE: more bytes than a feed may have
 * @SHOEBOX_FEED_PARSER_ERROR_TOO_DEEP: nested deeper than a feed may be
 */
typedef enum
{
  SHOEBOX_FEED_PARSER_ERROR_INVALID,
  SHOEBOX_FEED_PARSER_ERROR_NOT_A_FEED,
  SHOEBOX_FEED_PARSER_ERROR_TOO_LARGE,
  SHOEBOX_FEED_PARSER_ERROR_TOO_DEEP,
} ShoeboxFeedParserError;

/**
 * ShoeboxFeedFormat:
 *
 * What the document turned out to be. The names given by
 * shoebox_feed_format_to_string() are feedparser's (`rss20`, `atom10`,
 * `json11`…), so results can be compared with it.
 */
typedef enum
{
  SHOEBOX_FEED_FORMAT_UNKNOWN,
  SHOEBOX_FEED_FORMAT_RSS090,
  SHOEBOX_FEED_FORMAT_RSS091N,
  SHOEBOX_FEED_FORMAT_RSS091U,
  SHOEBOX_FEED_FORMAT_RSS092,
  SHOEBOX_FEED_FORMAT_RSS093,
  SHOEBOX_FEED_FORMAT_RSS094,
  SHOEBOX_FEED_FORMAT_RSS20,
  SHOEBOX_FEED_FORMAT_RSS10,
  SHOEBOX_FEED_FORMAT_RSS,
  SHOEBOX_FEED_FORMAT_ATOM03,
  SHOEBOX_FEED_FORMAT_ATOM10,
  SHOEBOX_FEED_FORMAT_ATOM,
  SHOEBOX_FEED_FORMAT_JSON10,
  SHOEBOX_FEED_FORMAT_JSON11,
} ShoeboxFeedFormat;

/* Caps on what a feed can hand the rest of Shoebox, in bytes. */
#define SHOEBOX_FEED_MAX_INPUT   (16 * 1024 * 1024)
#define SHOEBOX_FEED_MAX_TITLE   1024
#define SHOEBOX_FEED_MAX_URL     8192
#define SHOEBOX_FEED_MAX_SUMMARY (64 * 1024)
#define SHOEBOX_FEED_MAX_CONTENT (1024 * 1024)
#define SHOEBOX_FEED_MAX_ITEMS   10000

/**
 * ShoeboxFeedEnclosure:
 * @url: the http or https address
 * @type: (nullable): the MIME type the feed gave
 * @length: the size in bytes the feed gave, or -1
 *
 * An RSS `<enclosure>`, an Atom `<link rel="enclosure">`, a JSON Feed
 * attachment, or a Media RSS `<media:content>`.
 */
typedef struct
{
  char   *url;
  char   *type;
  gint64  length;
} ShoeboxFeedEnclosure;

/**
 * ShoeboxFeedItem:
 * @title: (nullable): plain text, one line, at most %SHOEBOX_FEED_MAX_TITLE bytes
 * @link: (nullable): the article, an absolute http or https URL (or, when
 *   the feed gives no base to resolve it against, a relative reference)
 * @id: (nullable): Atom `<id>`, RSS `<guid>`, RDF `rdf:about`, JSON Feed `id`
 * @published: (nullable): in UTC
 * @updated: (nullable): in UTC
 * @summary: (nullable): plain text, one line, at most %SHOEBOX_FEED_MAX_SUMMARY bytes
 * @content: (nullable): the full content as the feed gave it, at most
 *   %SHOEBOX_FEED_MAX_CONTENT bytes; HTML when @content_is_html. Untrusted:
 *   never show it as markup
 * @content_is_html: whether @content is HTML
 * @author: (nullable): plain text
 * @thumbnail: (nullable): the picture to show with the item: the first
 *   `media:thumbnail`, else an image `media:content`, else an image
 *   enclosure, else the first `<img>` of the content or summary
 * @media_thumbnail: (nullable): the first `media:thumbnail` (JSON Feed:
 *   `image`) and nothing else
 * @enclosures: (element-type ShoeboxFeedEnclosure): enclosures and
 *   attachments, in document order
 * @media: (element-type ShoeboxFeedEnclosure): `media:content` elements
 *
 * One article. All strings are valid UTF-8 without NUL characters; feed
 * text is plain text, never Pango markup. Read-only.
 */
typedef struct
{
  char      *title;
  char      *link;
  char      *id;
  GDateTime *published;
  GDateTime *updated;
  char      *summary;
  char      *content;
  gboolean   content_is_html;
  char      *author;
  char      *thumbnail;
  char      *media_thumbnail;
  GPtrArray *enclosures;
  GPtrArray *media;
} ShoeboxFeedItem;

/**
 * ShoeboxFeed:
 * @format: what the document was
 * @recovered: the document was not well-formed (or its encoding was
 *   wrong) and was read with recovery: feedparser's `bozo`
 * @title: (nullable): plain text, one line
 * @link: (nullable): the site's address
 * @items: (element-type ShoeboxFeedItem): the items, in document order
 *
 * A parsed feed: a reference-counted, read-only boxed type.
 */
typedef struct
{
  ShoeboxFeedFormat  format;
  gboolean           recovered;
  char              *title;
  char              *link;
  GPtrArray         *items;
} ShoeboxFeed;

#define SHOEBOX_TYPE_FEED      (shoebox_feed_get_type ())
#define SHOEBOX_TYPE_FEED_ITEM (shoebox_feed_item_get_type ())

GQuark           shoebox_feed_parser_error_quark (void);
GType            shoebox_feed_get_type           (void) G_GNUC_CONST;
GType            shoebox_feed_item_get_type      (void) G_GNUC_CONST;

ShoeboxFeed     *shoebox_feed_parse              (GBytes          *bytes,
                                                  const char      *content_type,
                                                  const char      *base_uri,
                                                  GError         **error);
ShoeboxFeed     *shoebox_feed_ref                (ShoeboxFeed     *feed);
void             shoebox_feed_unref              (ShoeboxFeed     *feed);
ShoeboxFeedItem *shoebox_feed_item_ref           (ShoeboxFeedItem *item);
void             shoebox_feed_item_unref         (ShoeboxFeedItem *item);
const char      *shoebox_feed_format_to_string   (ShoeboxFeedFormat format);
gboolean         shoebox_feed_uri_is_web         (const char      *uri);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoeboxFeed, shoebox_feed_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoeboxFeedItem, shoebox_feed_item_unref)

G_END_DECLS
