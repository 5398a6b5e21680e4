/* shoebox-feed-parser-xml.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-feed-parser"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

#include "shoebox-feed-parser-xml-private.h"

/* RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 from a libxml2 tree. Text is collected
 * from text and CDATA nodes only, iteratively and capped as it goes, and
 * every link is resolved against the xml:base in force and checked.
 */

static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  context)
{
  /* Nothing outside the bytes we were given is ever read: not a DTD, not
   * an external entity, not a file, not a host.
   */
  return NULL;
}

/* libxml2 2.12 made the error const in xmlStructuredErrorFunc. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *ShoeboxXmlError;
#else
typedef xmlError *ShoeboxXmlError;
#endif

static void
ignore_structured_error (void            *user_data,
                         ShoeboxXmlError  error)
{
}

static void
init_libxml2 (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&initialised, 1);
    }
}

/* A server that calls the feed text/plain or text/html is wrong, and
 * feedparser flags it; no content type at all is no fault.
 */
static gboolean
is_xml_content_type (const char *content_type)
{
  g_autofree char *type = NULL;

  if (content_type == NULL || content_type[0] == '\0')
    return TRUE;

  type = g_ascii_strdown (content_type, -1);
  return strstr (type, "xml") != NULL || strstr (type, "rss") != NULL || strstr (type, "atom") != NULL;
}

static ShoeboxFeedFormat
detect_rss_version (xmlNodePtr root,
                    gboolean   netscape)
{
  g_autofree char *version = _shoebox_feed_xml_get_attribute (root, "version");

  if (version == NULL)
    return SHOEBOX_FEED_FORMAT_RSS;
  g_strstrip (version);

  if (g_str_equal (version, "0.90"))
    return SHOEBOX_FEED_FORMAT_RSS090;
  if (g_str_equal (version, "0.91"))
    return netscape ? SHOEBOX_FEED_FORMAT_RSS091N : SHOEBOX_FEED_FORMAT_RSS091U;
  if (g_str_equal (version, "0.92"))
    return SHOEBOX_FEED_FORMAT_RSS092;
  if (g_str_equal (version, "0.93"))
    return SHOEBOX_FEED_FORMAT_RSS093;
  if (g_str_equal (version, "0.94"))
    return SHOEBOX_FEED_FORMAT_RSS094;
  if (g_str_has_prefix (version, "2."))
    return SHOEBOX_FEED_FORMAT_RSS20;

  return SHOEBOX_FEED_FORMAT_RSS;
}

ShoeboxFeed *
_shoebox_feed_parse_xml (const guint8  *data,
                         gsize          length,
                         const char    *content_type,
                         const char    *base_uri,
                         GError       **error)
{
  g_autofree char *charset = _shoebox_feed_dup_charset (content_type);
  g_autofree char *decoded = NULL;
  g_autofree char *prepared = NULL;
  const char *text = NULL;
  g_autoptr(ShoeboxFeed) feed = _shoebox_feed_new ();
  xmlParserCtxtPtr parser;
  xmlDocPtr doc;
  xmlNodePtr root;
  ParseContext ctx = { 0 };
  gboolean overridden = FALSE;
  gboolean rewritten = FALSE;
  gboolean netscape = FALSE;
  gboolean marked = FALSE;
  gboolean well_formed;
  gsize decoded_length = 0;
  gsize prepared_length = 0;
  const char *local;

  init_libxml2 ();

  decoded = _shoebox_feed_decode (data, length, charset, &overridden, &text, &decoded_length);
  prepared = _shoebox_feed_prepare_xml (text, decoded_length, &rewritten, &netscape, &marked,
                                        &prepared_length);
  g_clear_pointer (&decoded, g_free);

  if (prepared_length == 0 || prepared_length > G_MAXINT)
    {
      g_set_error (error, SHOEBOX_FEED_PARSER_ERROR, SHOEBOX_FEED_PARSER_ERROR_INVALID,
                   _("The document is empty"));
      return NULL;
    }

  parser = xmlNewParserCtxt ();
  if (parser == NULL)
    {
      g_set_error (error, SHOEBOX_FEED_PARSER_ERROR, SHOEBOX_FEED_PARSER_ERROR_INVALID,
                   _("The document could not be read"));
      return NULL;
    }
  parser->sax->serror = ignore_structured_error;

  /* No XML_PARSE_NOENT (entities stay references), no DTD loading, no
   * XML_PARSE_HUGE (libxml2's depth and text-size limits stay on).
   */
  doc = xmlCtxtReadMemory (parser, prepared, (int) prepared_length,
                           base_uri, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_COMPACT |
                           XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  well_formed = parser->wellFormed != 0 && parser->nsWellFormed != 0;
  xmlFreeParserCtxt (parser);
  g_clear_pointer (&prepared, g_free);

  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, SHOEBOX_FEED_PARSER_ERROR, SHOEBOX_FEED_PARSER_ERROR_INVALID,
                   _("The document is not a feed: it could not be read as XML"));
      return NULL;
    }

  /* The tree's readers ask the document whether its text has marks in
   * it (_shoebox_feed_prepare_xml()): the field is the application's.
   */
  doc->_private = GINT_TO_POINTER (marked);
  ctx.doc = doc;
  ctx.base_uri = _shoebox_feed_has_web_scheme (base_uri) ? g_strdup (base_uri) : NULL;
  ctx.root_ns = root->ns != NULL ? (const char *) root->ns->href : NULL;
  ctx.feed = feed;
  feed->recovered = !well_formed || rewritten || overridden || !is_xml_content_type (content_type);

  _shoebox_feed_xml_classify (root, &local);
  if (g_str_equal (local, "rss") || g_str_equal (local, "channel"))
    {
      feed->format = detect_rss_version (root, netscape);
      _shoebox_feed_xml_parse_rss (&ctx, root);
    }
  else if (g_str_equal (local, "RDF"))
    {
      feed->format = xmlSearchNsByHref (doc, root, (const xmlChar *) NS_RSS090) != NULL
                       ? SHOEBOX_FEED_FORMAT_RSS090
                       : SHOEBOX_FEED_FORMAT_RSS10;
      _shoebox_feed_xml_parse_rss (&ctx, root);
    }
  else if (g_str_equal (local, "feed"))
    {
      if (g_strcmp0 (ctx.root_ns, NS_ATOM10) == 0)
        feed->format = SHOEBOX_FEED_FORMAT_ATOM10;
      else if (g_strcmp0 (ctx.root_ns, NS_ATOM03) == 0)
        feed->format = SHOEBOX_FEED_FORMAT_ATOM03;
      else
        {
          g_autofree char *version = _shoebox_feed_xml_get_attribute (root, "version");

          feed->format = g_strcmp0 (version, "0.3") == 0 ? SHOEBOX_FEED_FORMAT_ATOM03
                                                         : SHOEBOX_FEED_FORMAT_ATOM;
        }
      _shoebox_feed_xml_parse_atom (&ctx, root);
    }
  else
    {
      /* The name lives in the document: copy it before freeing that. */
      g_autofree char *name = _shoebox_feed_clean_line (local, 64);

      g_set_error (error, SHOEBOX_FEED_PARSER_ERROR, SHOEBOX_FEED_PARSER_ERROR_NOT_A_FEED,
                   _("The document is not a feed (it is “%s”, not RSS or Atom)"), name);
      g_free (ctx.base_uri);
      xmlFreeDoc (doc);
      return NULL;
    }

  g_free (ctx.base_uri);
  xmlFreeDoc (doc);
  return g_steal_pointer (&feed);
}
