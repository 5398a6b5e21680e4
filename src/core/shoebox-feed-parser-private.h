/* shoebox-feed-parser-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "shoebox-feed-parser.h"

G_BEGIN_DECLS

/* The feed parser is split by what it reads: bytes to UTF-8 XML text
 * (-decode.c), RSS and Atom trees (-xml.c, with the files listed in
 * shoebox-feed-parser-xml-private.h), JSON Feed (-json.c). They build on
 * the boxes (shoebox-feed.c) and the link checks (shoebox-feed-links.c),
 * and only the public entry point (shoebox-feed-parser.c) calls them, so
 * each file uses only those listed before it.
 */

#define SHOEBOX_FEED_MAX_ENTITY_EXPANSION (16 * 1024)
#define SHOEBOX_FEED_MAX_ID               4096
#define SHOEBOX_FEED_MAX_AUTHOR           1024

/* How _shoebox_feed_prepare_xml() writes the '<' and '&' of a CDATA
 * section it hands libxml2 as character data: DEL, which XML allows, no
 * feed means and the preparation drops everywhere else, then a digit.
 */
#define SHOEBOX_FEED_MARK_LT  "\x7F" "1"
#define SHOEBOX_FEED_MARK_AMP "\x7F" "2"

ShoeboxFeed     *_shoebox_feed_new               (void);
ShoeboxFeedItem *_shoebox_feed_item_new          (void);
char            *_shoebox_feed_clean_line        (const char       *text,
                                                  gsize             max_bytes);
gboolean         _shoebox_feed_has_web_scheme    (const char       *uri);
gboolean         _shoebox_feed_uri_is_plain_web  (const char       *uri);
char            *_shoebox_feed_resolve_against   (const char       *base,
                                                  const char       *reference);
char            *_shoebox_feed_resolve_link      (const char       *base,
                                                  const char       *raw);
void             _shoebox_feed_add_enclosure     (GPtrArray        *array,
                                                  char             *url,
                                                  const char       *type,
                                                  const char       *length);
void             _shoebox_feed_choose_thumbnail  (ShoeboxFeedItem  *item,
                                                  const char       *base);

char            *_shoebox_feed_dup_charset       (const char       *content_type);
char            *_shoebox_feed_finish_utf8       (const char       *text,
                                                  gsize             length,
                                                  gsize            *out_length);
char            *_shoebox_feed_decode            (const guint8     *data,
                                                  gsize             length,
                                                  const char       *http_charset,
                                                  gboolean         *overridden,
                                                  const char      **out_text,
                                                  gsize            *out_length);
char            *_shoebox_feed_prepare_xml       (const char       *text,
                                                  gsize             length,
                                                  gboolean         *rewritten,
                                                  gboolean         *netscape,
                                                  gboolean         *marked,
                                                  gsize            *out_length);
const char      *_shoebox_feed_find_mark         (const char       *text,
                                                  gsize             length);
gsize            _shoebox_feed_unmark            (char             *text,
                                                  gsize             length);

ShoeboxFeed     *_shoebox_feed_parse_xml         (const guint8     *data,
                                                  gsize             length,
                                                  const char       *content_type,
                                                  const char       *base_uri,
                                                  GError          **error);
ShoeboxFeed     *_shoebox_feed_parse_json        (const guint8     *data,
                                                  gsize             length,
                                                  const char       *base_uri,
                                                  GError          **error);

G_END_DECLS
