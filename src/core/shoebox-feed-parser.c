/* shoebox-feed-parser.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-feed-parser"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shoebox-feed-parser.h"
#include "shoebox-feed-parser-private.h"

/* Bytes from the network become a ShoeboxFeed here, and nothing from the
 * network gets further than the parser unchecked. The rules, each for a
 * file of ../shared/corpus/feeds/hostile/:
 *
 * - The document is decoded to UTF-8 by the parser (BOM, then the HTTP
 *   charset, then UTF-16/32 sniffing, then the XML declaration), invalid
 *   bytes becoming U+FFFD, and handed to libxml2 as UTF-8 without a
 *   declaration or a DOCTYPE (shoebox-feed-parser-decode.c): libxml2
 *   2.9.14 mis-detects UTF-32 and keeps raw invalid bytes in recovered
 *   text nodes.
 * - Entities the DOCTYPE declares are expanded before libxml2 runs, only
 *   when they hold plain text and the document's small budget allows, so
 *   neither nested ("billion laughs") nor flat ("quadratic blowup")
 *   expansion can grow. HTML entities that XML lacks (&nbsp; &eacute;)
 *   become character references, as feeds mean them; unknown ones and
 *   bare ampersands stay literal text.
 * - libxml2 parses with XML_PARSE_NONET and XML_PARSE_RECOVER, never with
 *   XML_PARSE_NOENT, DTDLOAD, DTDATTR or HUGE (so its limit of 256 levels
 *   of nesting stays on), and an external entity loader that refuses
 *   everything, so no file or host is ever read. Text is collected node
 *   by node, never with xmlNodeGetContent() (shoebox-feed-parser-xml.c).
 * - JSON nesting is measured on the bytes before json-glib sees them:
 *   json-glib 1.6 recurses without a limit (shoebox-feed-parser-json.c).
 * - Every string that leaves is valid UTF-8 without NUL or control
 *   characters, capped in length; links are http or https (or relative,
 *   when there is nothing to resolve them against), never javascript:,
 *   data: or file:.
 */

static gboolean
looks_like_json (const guint8 *data,
                 gsize         length,
                 const char   *content_type)
{
  gsize i = 0;

  if (content_type != NULL &&
      (g_ascii_strncasecmp (content_type, "application/feed+json", 21) == 0 ||
       g_ascii_strncasecmp (content_type, "application/json", 16) == 0))
    return TRUE;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return i < length && (data[i] == '{' || data[i] == '[');
}

/**
 * shoebox_feed_parse:
 * @bytes: the document, as fetched
 * @content_type: (nullable): the HTTP Content-Type, whose charset overrides
 *   the XML declaration
 * @base_uri: (nullable): the address relative links are resolved against
 *   (the HTTP Content-Location, or the feed's URL); ignored unless http or https
 * @error: where to put the reason the document is not a feed
 *
 * Reads RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and JSON Feed 1.0/1.1.
 * Ill-formed XML is recovered as far as libxml2 can; the feed is then
 * flagged as `recovered`. Nothing but @bytes is read: no file, no network.
 *
 * Returns: (transfer full) (nullable): the feed, or %NULL with @error set
 */
ShoeboxFeed *
shoebox_feed_parse (GBytes      *bytes,
                    const char  *content_type,
                    const char  *base_uri,
                    GError     **error)
{
  const guint8 *data;
  gsize length = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  if (length > SHOEBOX_FEED_MAX_INPUT)
    {
      g_set_error (error, SHOEBOX_FEED_PARSER_ERROR, SHOEBOX_FEED_PARSER_ERROR_TOO_LARGE,
                   _("The feed is too large (more than %d MiB)"),
                   SHOEBOX_FEED_MAX_INPUT / (1024 * 1024));
      return NULL;
    }

  if (length == 0 || data == NULL)
    {
      g_set_error (error, SHOEBOX_FEED_PARSER_ERROR, SHOEBOX_FEED_PARSER_ERROR_INVALID,
                   _("The document is empty"));
      return NULL;
    }

  if (looks_like_json (data, length, content_type))
    return _shoebox_feed_parse_json (data, length, base_uri, error);

  return _shoebox_feed_parse_xml (data, length, content_type, base_uri, error);
}
