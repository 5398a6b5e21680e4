/* shoebox-feed-parser.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-feed-parser"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <string.h>

#include "shoebox-date-parser.h"
#include "shoebox-feed-parser.h"
#include "shoebox-html-text.h"

/* Bytes from the network become a ShoeboxFeed here, and nothing from the
 * network gets further than this file unchecked. The rules, each for a
 * file of ../shared/corpus/feeds/hostile/:
 *
 * - The document is decoded to UTF-8 here (BOM, then the HTTP charset,
 *   then UTF-16/32 sniffing, then the XML declaration), invalid bytes
 *   becoming U+FFFD, and handed to libxml2 as UTF-8 without a declaration:
 *   libxml2 2.9.14 mis-detects UTF-32 and keeps raw invalid bytes in
 *   recovered text nodes.
 * - libxml2 parses with XML_PARSE_NONET and XML_PARSE_RECOVER, never with
 *   XML_PARSE_NOENT, DTDLOAD, DTDATTR or HUGE, and an external entity
 *   loader that refuses everything, so no file or host is ever read.
 * - Text is collected node by node, never with xmlNodeGetContent() (which
 *   expands entity references without limit): an internal entity is
 *   expanded only when it holds plain text and the document's small
 *   expansion budget allows, so neither nested ("billion laughs") nor flat
 *   ("quadratic blowup") expansion can grow.
 * - HTML entities that XML lacks (&nbsp; &eacute;) are rewritten as
 *   character references before parsing, as feeds mean them; unknown ones
 *   and bare ampersands stay literal text.
 * - JSON nesting is measured on the bytes before json-glib sees them
 *   (json-glib 1.6 recurses without a limit); XML nesting is capped by
 *   libxml2 (256 levels without XML_PARSE_HUGE).
 * - Every string that leaves is valid UTF-8 without NUL or control
 *   characters, capped in length; links are http or https only.
 */

#define NS_ATOM10  "http://www.w3.org/2005/Atom"
#define NS_ATOM03  "http://purl.org/atom/ns#"
#define NS_RSS10   "http://purl.org/rss/1.0/"
#define NS_RSS090  "http://my.netscape.com/rdf/simple/0.9/"
#define NS_RDF     "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_XML     "http://www.w3.org/XML/1998/namespace"

#define MAX_JSON_DEPTH       64
#define MAX_ENTITY_EXPANSION (16 * 1024)
#define MAX_ID               4096
#define MAX_AUTHOR           1024

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
  const char *uri;
  NsClass     ns_class;
} KnownNamespace;

static const KnownNamespace known_namespaces[] = {
  { NS_RSS10, NS_CLASS_RSS },
  { NS_RSS090, NS_CLASS_RSS },
  { "http://backend.userland.com/rss2", NS_CLASS_RSS },
  { "http://backend.userland.com/rss", NS_CLASS_RSS },
  { "http://blogs.law.harvard.edu/tech/rss", NS_CLASS_RSS },
  { "http://purl.org/net/rss1.1#", NS_CLASS_RSS },
  { NS_ATOM10, NS_CLASS_ATOM },
  { NS_ATOM03, NS_CLASS_ATOM },
  { "http://purl.org/dc/elements/1.1/", NS_CLASS_DC },
  { "http://purl.org/dc/elements/1.0/", NS_CLASS_DC },
  { "http://purl.org/dc/terms/", NS_CLASS_DCTERMS },
  { "http://purl.org/rss/1.0/modules/content/", NS_CLASS_CONTENT },
  { "http://search.yahoo.com/mrss/", NS_CLASS_MEDIA },
  { "http://search.yahoo.com/mrss", NS_CLASS_MEDIA },
  { "http://tools.search.yahoo.com/mrss/", NS_CLASS_MEDIA },
  { "http://www.w3.org/1999/xhtml", NS_CLASS_XHTML },
  { NS_RDF, NS_CLASS_RDF },
};

/* Prefixes used without a declaration, as ill-formed feeds do. */
static const struct
{
  const char *prefix;
  NsClass     ns_class;
} known_prefixes[] = {
  { "dc", NS_CLASS_DC },
  { "dcterms", NS_CLASS_DCTERMS },
  { "content", NS_CLASS_CONTENT },
  { "media", NS_CLASS_MEDIA },
  { "atom", NS_CLASS_ATOM },
  { "xhtml", NS_CLASS_XHTML },
  { "rdf", NS_CLASS_RDF },
};

typedef struct
{
  xmlDocPtr    doc;
  char        *base_uri;       /* http or https, or NULL */
  const char  *root_ns;        /* the root element's namespace */
  gsize        entity_budget;  /* bytes of entity text still allowed */
  ShoeboxFeed *feed;
} ParseContext;

typedef enum
{
  TEXT_KIND_PLAIN,
  TEXT_KIND_HTML,
  TEXT_KIND_XHTML,
} TextKind;

G_DEFINE_QUARK (shoebox-feed-parser-error-quark, shoebox_feed_parser_error)

G_DEFINE_BOXED_TYPE (ShoeboxFeed, shoebox_feed, shoebox_feed_ref, shoebox_feed_unref)
G_DEFINE_BOXED_TYPE (ShoeboxFeedItem, shoebox_feed_item, shoebox_feed_item_ref, shoebox_feed_item_unref)

/* ------------------------------------------------------------------ boxes */

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

static ShoeboxFeedItem *
item_new (void)
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

static ShoeboxFeed *
feed_new (void)
{
  ShoeboxFeed *feed = g_atomic_rc_box_new0 (ShoeboxFeed);

  feed->items = g_ptr_array_new_with_free_func ((GDestroyNotify) shoebox_feed_item_unref);
  return feed;
}

/* ------------------------------------------------------------------ text */

static char *
clean_line (const char *text,
            gsize       max_bytes)
{
  return shoebox_text_sanitize (text, -1, max_bytes, TRUE);
}

static gboolean
has_web_scheme (const char *uri)
{
  const char *scheme_end;

  if (uri == NULL)
    return FALSE;

  scheme_end = strchr (uri, ':');
  if (scheme_end == NULL)
    return FALSE;

  return ((scheme_end - uri == 4 && g_ascii_strncasecmp (uri, "http", 4) == 0) ||
          (scheme_end - uri == 5 && g_ascii_strncasecmp (uri, "https", 5) == 0));
}

/**
 * shoebox_feed_uri_is_web:
 * @uri: (nullable): an address from a feed
 *
 * Whether @uri may be opened or downloaded: an absolute http or https
 * URL with a host, judged as a browser would after trimming and removing
 * tabs and newlines (so `java\tscript:` is javascript).
 *
 * Returns: %TRUE for http and https URLs only
 */
gboolean
shoebox_feed_uri_is_web (const char *uri)
{
  g_autoptr(GString) cleaned = NULL;
  g_autoptr(GUri) parsed = NULL;
  const char *host;

  if (uri == NULL)
    return FALSE;

  cleaned = g_string_new (NULL);
  for (const char *p = uri; *p != '\0'; p++)
    if (*p != '\t' && *p != '\n' && *p != '\r')
      g_string_append_c (cleaned, *p);
  g_strstrip (cleaned->str);

  if (!has_web_scheme (cleaned->str))
    return FALSE;

  parsed = g_uri_parse (cleaned->str, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (parsed == NULL)
    return FALSE;

  host = g_uri_get_host (parsed);
  return host != NULL && host[0] != '\0';
}

/* ------------------------------------------------------------- namespaces */

static NsClass
classify_uri (const char *uri)
{
  if (uri == NULL)
    return NS_CLASS_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (known_namespaces); i++)
    if (g_ascii_strcasecmp (uri, known_namespaces[i].uri) == 0)
      return known_namespaces[i].ns_class;

  return NS_CLASS_OTHER;
}

/* The namespace class and the local name of an element. An element with an
 * undeclared prefix keeps "prefix:name" as its name in libxml2's recovery.
 */
static NsClass
classify (xmlNodePtr   node,
          const char **local)
{
  const char *name = (const char *) node->name;
  const char *colon;

  *local = name;

  if (node->ns != NULL && node->ns->href != NULL)
    return classify_uri ((const char *) node->ns->href);

  colon = strchr (name, ':');
  if (colon != NULL)
    {
      *local = colon + 1;
      for (guint i = 0; i < G_N_ELEMENTS (known_prefixes); i++)
        if (strncmp (name, known_prefixes[i].prefix, (gsize) (colon - name)) == 0 &&
            known_prefixes[i].prefix[colon - name] == '\0')
          return known_prefixes[i].ns_class;
      return NS_CLASS_OTHER;
    }

  return NS_CLASS_NONE;
}

/* Whether @node is one of the feed format's own elements: no namespace,
 * a known RSS or Atom namespace, or the root's namespace.
 */
static gboolean
is_core (ParseContext *ctx,
         xmlNodePtr    node,
         const char   *local)
{
  const char *name;
  NsClass ns_class;

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  ns_class = classify (node, &name);
  if (strcmp (name, local) != 0)
    return FALSE;

  if (ns_class == NS_CLASS_NONE || ns_class == NS_CLASS_RSS || ns_class == NS_CLASS_ATOM)
    return TRUE;

  return (ctx->root_ns != NULL && node->ns != NULL &&
          g_strcmp0 ((const char *) node->ns->href, ctx->root_ns) == 0);
}

static gboolean
is_ns (xmlNodePtr  node,
       NsClass     ns_class,
       const char *local)
{
  const char *name;

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  return classify (node, &name) == ns_class && strcmp (name, local) == 0;
}

static char *
get_attribute (xmlNodePtr  node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = shoebox_text_sanitize ((const char *) value, -1, SHOEBOX_FEED_MAX_URL, FALSE);
  xmlFree (value);
  return copy;
}

/* ------------------------------------------------------------ text nodes */

static gboolean
is_block_element (xmlNodePtr node)
{
  static const char * const blocks[] = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div",
    "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "li", "nav", "ol", "p", "pre", "section",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (g_ascii_strcasecmp ((const char *) node->name, blocks[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
append_capped (GString    *out,
               const char *text,
               gsize       length,
               gsize       cap)
{
  if (out->len >= cap)
    return;
  g_string_append_len (out, text, (gssize) MIN (length, cap - out->len));
}

/* An entity reference the document declared itself. Only internal
 * entities holding plain text are expanded, and only while the document's
 * budget lasts: this is what keeps "billion laughs" (nested) and
 * "quadratic blowup" (one big entity, many references) small.
 */
static void
append_entity (ParseContext *ctx,
               xmlNodePtr    node,
               GString      *out,
               gsize         cap)
{
  xmlEntityPtr entity = xmlGetDocEntity (ctx->doc, node->name);
  gsize length;

  if (entity == NULL || entity->etype != XML_INTERNAL_GENERAL_ENTITY || entity->content == NULL)
    return;

  if (strchr ((const char *) entity->content, '&') != NULL ||
      strchr ((const char *) entity->content, '<') != NULL)
    return;

  length = strlen ((const char *) entity->content);
  if (length > ctx->entity_budget)
    return;

  ctx->entity_budget -= length;
  append_capped (out, (const char *) entity->content, length, cap);
}

/* All the text under @top, in document order, with a space for block
 * elements (for inline XHTML). An iterative walk: depth costs no stack.
 */
static void
collect_text (ParseContext *ctx,
              xmlNodePtr    top,
              GString      *out,
              gsize         cap)
{
  xmlNodePtr node = top->children;

  while (node != NULL && out->len < cap)
    {
      gboolean enter = FALSE;

      switch ((int) node->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (node->content != NULL)
            append_capped (out, (const char *) node->content,
                           strlen ((const char *) node->content), cap);
          break;

        case XML_ENTITY_REF_NODE:
          append_entity (ctx, node, out, cap);
          break;

        case XML_ELEMENT_NODE:
          if (g_ascii_strcasecmp ((const char *) node->name, "script") == 0 ||
              g_ascii_strcasecmp ((const char *) node->name, "style") == 0)
            break;
          if (is_block_element (node))
            g_string_append_c (out, ' ');
          enter = TRUE;
          break;

        default:
          break;
        }

      if (enter && node->children != NULL)
        {
          node = node->children;
          continue;
        }

      while (node != top && node->next == NULL)
        {
          node = node->parent;
          if (node != top && node->type == XML_ELEMENT_NODE && is_block_element (node))
            g_string_append_c (out, ' ');
        }

      node = node == top ? NULL : node->next;
    }
}

static char *
dup_raw_text (ParseContext *ctx,
              xmlNodePtr    node,
              gsize         cap)
{
  g_autoptr(GString) out = g_string_new (NULL);

  collect_text (ctx, node, out, cap);
  return shoebox_text_sanitize (out->str, (gssize) out->len, cap, FALSE);
}

static char *
dup_line (ParseContext *ctx,
          xmlNodePtr    node,
          gsize         cap)
{
  g_autoptr(GString) out = g_string_new (NULL);

  collect_text (ctx, node, out, cap * 4);
  return shoebox_text_sanitize (out->str, (gssize) out->len, cap, TRUE);
}

/* The children of @node as XML text (inline XHTML content). */
static char *
dup_inner_xml (ParseContext *ctx,
               xmlNodePtr    node,
               gsize         cap)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  char *result;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (xmlBufferLength (buffer) >= (int) cap)
        break;
      xmlNodeDump (buffer, ctx->doc, child, 0, 0);
    }

  result = shoebox_text_sanitize ((const char *) xmlBufferContent (buffer),
                                  xmlBufferLength (buffer), cap, FALSE);
  xmlBufferFree (buffer);
  return result;
}

/* ------------------------------------------------------------------ links */

static char *
resolve_against (const char *base,
                 const char *reference)
{
  g_autoptr(GError) error = NULL;
  char *resolved;

  if (g_uri_peek_scheme (reference) != NULL)
    return g_strdup (reference);

  if (base == NULL)
    return NULL;

  resolved = g_uri_resolve_relative (base, reference,
                                     G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED,
                                     &error);
  return resolved;
}

/* The base URI in force at @node: the document's, changed by every
 * xml:base from the root down. A base that is not http or https
 * (javascript:, data:) is ignored.
 */
static char *
dup_node_base (ParseContext *ctx,
               xmlNodePtr    node)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func (xmlFree);
  char *base = g_strdup (ctx->base_uri);

  for (xmlNodePtr n = node; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
    {
      xmlChar *value = xmlGetNsProp (n, (const xmlChar *) "base", (const xmlChar *) NS_XML);

      if (value != NULL)
        g_ptr_array_add (chain, value);
    }

  for (guint i = chain->len; i > 0; i--)
    {
      g_autofree char *value = shoebox_text_sanitize (g_ptr_array_index (chain, i - 1), -1,
                                                      SHOEBOX_FEED_MAX_URL, TRUE);
      g_autofree char *resolved = resolve_against (base, value);

      if (resolved != NULL && has_web_scheme (resolved))
        {
          g_free (base);
          base = g_steal_pointer (&resolved);
        }
    }

  return base;
}

/* A link from the feed, resolved and checked: an http or https URL, a
 * relative reference when there is no base to resolve it against, or
 * NULL (javascript:, data:, file:… are dropped).
 */
static char *
dup_link (ParseContext *ctx,
          xmlNodePtr    node,
          const char   *raw)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *base = NULL;
  g_autofree char *resolved = NULL;

  if (raw == NULL)
    return NULL;

  trimmed = shoebox_text_sanitize (raw, -1, SHOEBOX_FEED_MAX_URL, TRUE);
  if (trimmed[0] == '\0')
    return NULL;

  if (g_uri_peek_scheme (trimmed) != NULL || strchr (trimmed, ':') != NULL)
    {
      /* "java\tscript:" and friends are judged as a browser would. */
      if (!shoebox_feed_uri_is_web (trimmed))
        return NULL;
      return g_steal_pointer (&trimmed);
    }

  base = dup_node_base (ctx, node);
  resolved = resolve_against (base, trimmed);
  if (resolved == NULL)
    return g_steal_pointer (&trimmed);

  if (!has_web_scheme (resolved))
    return NULL;

  return g_steal_pointer (&resolved);
}

static char *
dup_link_from_text (ParseContext *ctx,
                    xmlNodePtr    node)
{
  g_autofree char *raw = dup_raw_text (ctx, node, SHOEBOX_FEED_MAX_URL);

  return dup_link (ctx, node, raw);
}

static char *
dup_link_from_attribute (ParseContext *ctx,
                         xmlNodePtr    node,
                         const char   *attribute)
{
  g_autofree char *raw = get_attribute (node, attribute);

  return dup_link (ctx, node, raw);
}

/* ------------------------------------------------------- text constructs */

static gboolean
base64_decode_text (const char  *text,
                    char       **decoded)
{
  g_autofree guchar *bytes = NULL;
  gsize length = 0;

  bytes = g_base64_decode (text, &length);
  if (bytes == NULL)
    return FALSE;

  *decoded = shoebox_text_sanitize ((const char *) bytes, (gssize) length, SHOEBOX_FEED_MAX_CONTENT, FALSE);
  return TRUE;
}

/* Reads an Atom text construct (title, summary, content; also Atom 0.3
 * with its `mode`) into its raw form and kind.
 */
static char *
dup_text_construct (ParseContext *ctx,
                    xmlNodePtr    node,
                    gsize         cap,
                    TextKind     *kind)
{
  g_autofree char *type = get_attribute (node, "type");
  g_autofree char *mode = get_attribute (node, "mode");
  g_autofree char *raw = NULL;
  gboolean has_elements = FALSE;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      has_elements = TRUE;

  if (type != NULL)
    g_strstrip (type);

  if (type == NULL || type[0] == '\0' ||
      g_ascii_strcasecmp (type, "text") == 0 || g_ascii_strcasecmp (type, "text/plain") == 0)
    *kind = TEXT_KIND_PLAIN;
  else if (g_ascii_strcasecmp (type, "html") == 0 || g_ascii_strcasecmp (type, "text/html") == 0)
    *kind = TEXT_KIND_HTML;
  else if (g_ascii_strcasecmp (type, "xhtml") == 0 ||
           g_ascii_strcasecmp (type, "application/xhtml+xml") == 0)
    *kind = TEXT_KIND_XHTML;
  else if (g_str_has_prefix (type, "text/"))
    *kind = TEXT_KIND_PLAIN;
  else if (strchr (type, '/') != NULL && !g_str_has_suffix (type, "+xml") &&
           !g_str_has_suffix (type, "/xml") && mode == NULL)
    {
      /* Atom 1.0: any other media type is base64 (RFC 4287, 4.1.3.3). */
      *kind = TEXT_KIND_PLAIN;
      mode = g_strdup ("base64");
    }
  else
    *kind = has_elements ? TEXT_KIND_XHTML : TEXT_KIND_PLAIN;

  if (mode != NULL && g_ascii_strcasecmp (mode, "base64") == 0)
    {
      g_autofree char *encoded = dup_raw_text (ctx, node, SHOEBOX_FEED_MAX_CONTENT);
      char *decoded = NULL;

      if (!base64_decode_text (encoded, &decoded))
        return NULL;
      if (*kind == TEXT_KIND_XHTML)
        *kind = TEXT_KIND_HTML;
      return decoded;
    }

  if (mode != NULL && g_ascii_strcasecmp (mode, "escaped") == 0)
    {
      if (*kind == TEXT_KIND_XHTML)
        *kind = TEXT_KIND_HTML;
      return dup_raw_text (ctx, node, cap);
    }

  if (*kind == TEXT_KIND_XHTML || (*kind == TEXT_KIND_PLAIN && has_elements))
    {
      *kind = TEXT_KIND_XHTML;
      return dup_inner_xml (ctx, node, cap);
    }

  raw = dup_raw_text (ctx, node, cap);
  return g_steal_pointer (&raw);
}

/* A text construct as one line of plain text. */
static char *
dup_text_construct_line (ParseContext *ctx,
                         xmlNodePtr    node,
                         gsize         cap)
{
  TextKind kind;
  g_autofree char *raw = dup_text_construct (ctx, node, cap * 4, &kind);

  if (raw == NULL)
    return NULL;

  switch (kind)
    {
    case TEXT_KIND_HTML:
      return shoebox_html_to_text (raw, -1, cap);

    case TEXT_KIND_XHTML:
      return dup_line (ctx, node, cap);

    case TEXT_KIND_PLAIN:
    default:
      return clean_line (raw, cap);
    }
}

/* An RSS title: HTML when it looks like HTML, as feedparser decides. */
static char *
dup_rss_title (ParseContext *ctx,
               xmlNodePtr    node)
{
  g_autofree char *raw = dup_raw_text (ctx, node, SHOEBOX_FEED_MAX_TITLE * 4);

  if (shoebox_html_looks_like_html (raw))
    return shoebox_html_to_text (raw, -1, SHOEBOX_FEED_MAX_TITLE);

  return clean_line (raw, SHOEBOX_FEED_MAX_TITLE);
}

static GDateTime *
parse_date_node (ParseContext *ctx,
                 xmlNodePtr    node)
{
  g_autofree char *text = dup_line (ctx, node, 256);

  return shoebox_date_parse (text);
}

/* ----------------------------------------------------------------- media */

static gboolean
is_image_type (const char *type)
{
  return type != NULL && g_ascii_strncasecmp (type, "image/", 6) == 0;
}

static gboolean
looks_like_image_url (const char *url)
{
  static const char * const suffixes[] = { ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif" };
  g_autofree char *lower = NULL;
  char *query;

  if (url == NULL)
    return FALSE;

  lower = g_ascii_strdown (url, -1);
  query = strpbrk (lower, "?#");
  if (query != NULL)
    *query = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;
  return FALSE;
}

static void
add_enclosure (GPtrArray  *array,
               char       *url,
               const char *type,
               const char *length)
{
  ShoeboxFeedEnclosure *enclosure;

  if (url == NULL)
    return;

  enclosure = g_new0 (ShoeboxFeedEnclosure, 1);
  enclosure->url = url;
  enclosure->type = type != NULL && type[0] != '\0' ? clean_line (type, 256) : NULL;
  enclosure->length = -1;
  if (length != NULL)
    {
      guint64 value;

      if (g_ascii_string_to_unsigned (length, 10, 0, G_MAXINT64, &value, NULL))
        enclosure->length = (gint64) value;
    }

  g_ptr_array_add (array, enclosure);
}

/* Media RSS, at item level or inside <media:group>. */
static void
read_media (ParseContext    *ctx,
            ShoeboxFeedItem *item,
            xmlNodePtr       node)
{
  if (is_ns (node, NS_CLASS_MEDIA, "thumbnail"))
    {
      if (item->media_thumbnail == NULL)
        item->media_thumbnail = dup_link_from_attribute (ctx, node, "url");
    }
  else if (is_ns (node, NS_CLASS_MEDIA, "content"))
    {
      g_autofree char *type = get_attribute (node, "type");
      g_autofree char *length = get_attribute (node, "fileSize");
      g_autofree char *medium = get_attribute (node, "medium");
      char *url = dup_link_from_attribute (ctx, node, "url");

      if (type == NULL && g_strcmp0 (medium, "image") == 0)
        type = g_strdup ("image/*");
      add_enclosure (item->media, url, type, length);

      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        if (is_ns (child, NS_CLASS_MEDIA, "thumbnail"))
          read_media (ctx, item, child);
    }
  else if (is_ns (node, NS_CLASS_MEDIA, "group"))
    {
      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        read_media (ctx, item, child);
    }
}

static void
read_enclosure (ParseContext    *ctx,
                ShoeboxFeedItem *item,
                xmlNodePtr       node,
                const char      *url_attribute)
{
  g_autofree char *type = get_attribute (node, "type");
  g_autofree char *length = get_attribute (node, "length");
  char *url = dup_link_from_attribute (ctx, node, url_attribute);

  add_enclosure (item->enclosures, url, type, length);
}

/* The picture the app shows with an item. */
static void
choose_thumbnail (ShoeboxFeedItem *item,
                  ParseContext    *ctx,
                  xmlNodePtr       node)
{
  g_autofree char *src = NULL;

  if (item->media_thumbnail != NULL)
    {
      item->thumbnail = g_strdup (item->media_thumbnail);
      return;
    }

  for (guint i = 0; i < item->media->len; i++)
    {
      ShoeboxFeedEnclosure *media = g_ptr_array_index (item->media, i);

      if (is_image_type (media->type) || (media->type == NULL && looks_like_image_url (media->url)))
        {
          item->thumbnail = g_strdup (media->url);
          return;
        }
    }

  for (guint i = 0; i < item->enclosures->len; i++)
    {
      ShoeboxFeedEnclosure *enclosure = g_ptr_array_index (item->enclosures, i);

      if (is_image_type (enclosure->type) ||
          (enclosure->type == NULL && looks_like_image_url (enclosure->url)))
        {
          item->thumbnail = g_strdup (enclosure->url);
          return;
        }
    }

  if (item->content != NULL && item->content_is_html)
    src = shoebox_html_dup_first_image (item->content, -1);

  if (src != NULL)
    item->thumbnail = node != NULL ? dup_link (ctx, node, src) : g_strdup (src);

  if (item->thumbnail != NULL && !shoebox_feed_uri_is_web (item->thumbnail))
    g_clear_pointer (&item->thumbnail, g_free);
}

/* -------------------------------------------------------------------- RSS */

static ShoeboxFeedItem *
parse_rss_item (ParseContext *ctx,
                xmlNodePtr    node)
{
  ShoeboxFeedItem *item = item_new ();
  xmlNodePtr title = NULL, dc_title = NULL, link = NULL, guid = NULL;
  xmlNodePtr description = NULL, encoded = NULL, body = NULL, dc_description = NULL;
  xmlNodePtr pub_date = NULL, issued = NULL, dc_date = NULL, modified = NULL;
  xmlNodePtr author = NULL, creator = NULL, atom_link = NULL, media_title = NULL;
  g_autofree char *summary_html = NULL;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      const char *local;
      NsClass ns_class;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      ns_class = classify (child, &local);

      if (is_core (ctx, child, "title") && ns_class != NS_CLASS_ATOM)
        title = title != NULL ? title : child;
      else if (is_core (ctx, child, "link") && ns_class != NS_CLASS_ATOM)
        link = link != NULL ? link : child;
      else if (is_core (ctx, child, "guid"))
        guid = guid != NULL ? guid : child;
      else if (is_core (ctx, child, "description"))
        description = description != NULL ? description : child;
      else if (is_core (ctx, child, "pubDate"))
        pub_date = pub_date != NULL ? pub_date : child;
      else if (is_core (ctx, child, "author") && ns_class != NS_CLASS_ATOM)
        author = author != NULL ? author : child;
      else if (is_core (ctx, child, "enclosure"))
        read_enclosure (ctx, item, child, "url");
      else if (ns_class == NS_CLASS_ATOM && strcmp (local, "link") == 0)
        {
          g_autofree char *rel = get_attribute (child, "rel");

          if (rel == NULL || g_strcmp0 (rel, "alternate") == 0)
            atom_link = atom_link != NULL ? atom_link : child;
          else if (g_strcmp0 (rel, "enclosure") == 0)
            read_enclosure (ctx, item, child, "href");
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
        read_media (ctx, item, child);
    }

  if (title != NULL)
    item->title = dup_rss_title (ctx, title);
  else if (dc_title != NULL)
    item->title = dup_rss_title (ctx, dc_title);
  else if (media_title != NULL)
    item->title = dup_rss_title (ctx, media_title);

  if (guid != NULL)
    item->id = dup_line (ctx, guid, MAX_ID);
  else
    {
      g_autofree char *about = (char *) xmlGetNsProp (node, (const xmlChar *) "about",
                                                      (const xmlChar *) NS_RDF);

      if (about != NULL)
        item->id = clean_line (about, MAX_ID);
    }

  if (link != NULL)
    item->link = dup_link_from_text (ctx, link);
  if (item->link == NULL && atom_link != NULL)
    item->link = dup_link_from_attribute (ctx, atom_link, "href");
  if (link == NULL && atom_link == NULL && guid != NULL && item->id != NULL && item->id[0] != '\0')
    {
      g_autofree char *permalink = get_attribute (guid, "isPermaLink");

      /* A guid is a permalink unless it says otherwise; feedparser then
       * takes it as the link, unresolved.
       */
      if (permalink == NULL || g_ascii_strcasecmp (g_strstrip (permalink), "true") == 0)
        item->link = dup_link (ctx, guid, item->id);
    }

  if (pub_date != NULL)
    item->published = parse_date_node (ctx, pub_date);
  if (item->published == NULL && issued != NULL)
    item->published = parse_date_node (ctx, issued);
  if (dc_date != NULL)
    item->updated = parse_date_node (ctx, dc_date);
  if (item->updated == NULL && modified != NULL)
    item->updated = parse_date_node (ctx, modified);

  if (description != NULL)
    summary_html = dup_raw_text (ctx, description, SHOEBOX_FEED_MAX_CONTENT);
  else if (dc_description != NULL)
    summary_html = dup_raw_text (ctx, dc_description, SHOEBOX_FEED_MAX_CONTENT);

  if (encoded != NULL)
    item->content = dup_raw_text (ctx, encoded, SHOEBOX_FEED_MAX_CONTENT);
  else if (body != NULL)
    item->content = dup_inner_xml (ctx, body, SHOEBOX_FEED_MAX_CONTENT);
  else if (summary_html != NULL)
    item->content = g_strdup (summary_html);
  item->content_is_html = item->content != NULL;

  if (summary_html != NULL)
    item->summary = shoebox_html_to_text (summary_html, -1, SHOEBOX_FEED_MAX_SUMMARY);
  else if (item->content != NULL)
    item->summary = shoebox_html_to_text (item->content, -1, SHOEBOX_FEED_MAX_SUMMARY);

  if (author != NULL)
    item->author = dup_line (ctx, author, MAX_AUTHOR);
  else if (creator != NULL)
    item->author = dup_line (ctx, creator, MAX_AUTHOR);

  choose_thumbnail (item, ctx, node);
  return item;
}

static void
parse_rss_items_in (ParseContext *ctx,
                    xmlNodePtr    parent)
{
  for (xmlNodePtr child = parent->children; child != NULL; child = child->next)
    if (is_core (ctx, child, "item") && ctx->feed->items->len < SHOEBOX_FEED_MAX_ITEMS)
      g_ptr_array_add (ctx->feed->items, parse_rss_item (ctx, child));
}

static void
parse_rss (ParseContext *ctx,
           xmlNodePtr    root)
{
  xmlNodePtr channel = NULL;

  for (xmlNodePtr child = root->children; child != NULL; child = child->next)
    if (is_core (ctx, child, "channel"))
      {
        channel = child;
        break;
      }

  if (channel == NULL && is_core (ctx, root, "channel"))
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

          ns_class = classify (child, &local);
          if (is_core (ctx, child, "title") && ns_class != NS_CLASS_ATOM)
            title = title != NULL ? title : child;
          else if (is_core (ctx, child, "link") && ns_class != NS_CLASS_ATOM)
            link = link != NULL ? link : child;
          else if (ns_class == NS_CLASS_DC && strcmp (local, "title") == 0)
            dc_title = dc_title != NULL ? dc_title : child;
          else if (ns_class == NS_CLASS_ATOM && strcmp (local, "link") == 0)
            {
              g_autofree char *rel = get_attribute (child, "rel");

              if (rel == NULL || g_strcmp0 (rel, "alternate") == 0)
                atom_link = atom_link != NULL ? atom_link : child;
            }
        }

      if (title != NULL)
        ctx->feed->title = dup_rss_title (ctx, title);
      else if (dc_title != NULL)
        ctx->feed->title = dup_rss_title (ctx, dc_title);

      if (link != NULL)
        ctx->feed->link = dup_link_from_text (ctx, link);
      if (ctx->feed->link == NULL && atom_link != NULL)
        ctx->feed->link = dup_link_from_attribute (ctx, atom_link, "href");

      if (channel != root)
        parse_rss_items_in (ctx, channel);
    }

  parse_rss_items_in (ctx, root);
}

/* ------------------------------------------------------------------- Atom */

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

      if (!is_core (ctx, child, "link"))
        continue;

      rel = get_attribute (child, "rel");
      type = get_attribute (child, "type");
      href = get_attribute (child, "href");
      if (rel != NULL)
        g_strstrip (rel);

      /* Some feeds write the address as the element's text. */
      if (href == NULL)
        href = dup_raw_text (ctx, child, SHOEBOX_FEED_MAX_URL);
      if (href == NULL || href[0] == '\0')
        continue;

      if ((rel == NULL || rel[0] == '\0' || g_strcmp0 (rel, "alternate") == 0) &&
          is_html_type (type != NULL ? g_strstrip (type) : NULL))
        {
          if (link == NULL)
            link = dup_link (ctx, child, href);
        }
      else if (g_strcmp0 (rel, "enclosure") == 0 && item != NULL)
        {
          g_autofree char *length = get_attribute (child, "length");

          add_enclosure (item->enclosures, dup_link (ctx, child, href), type, length);
        }
    }

  return link;
}

/* An Atom id, resolved when it is a relative reference, as feedparser does. */
static char *
dup_atom_id (ParseContext *ctx,
             xmlNodePtr    node)
{
  g_autofree char *id = dup_line (ctx, node, MAX_ID);
  g_autofree char *base = NULL;
  char *resolved;

  if (id == NULL || id[0] == '\0' || strchr (id, ':') != NULL)
    return g_steal_pointer (&id);

  base = dup_node_base (ctx, node);
  resolved = resolve_against (base, id);
  if (resolved == NULL)
    return g_steal_pointer (&id);

  return resolved;
}

static ShoeboxFeedItem *
parse_atom_entry (ParseContext *ctx,
                  xmlNodePtr    node)
{
  ShoeboxFeedItem *item = item_new ();
  xmlNodePtr title = NULL, id = NULL, published = NULL, updated = NULL;
  xmlNodePtr summary = NULL, content = NULL, author = NULL;
  xmlNodePtr dc_date = NULL, issued = NULL, modified = NULL;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      const char *local;
      NsClass ns_class;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      ns_class = classify (child, &local);

      if (is_core (ctx, child, "title"))
        title = title != NULL ? title : child;
      else if (is_core (ctx, child, "id"))
        id = id != NULL ? id : child;
      /* A later date overrides an earlier one, as in feedparser. */
      else if (is_core (ctx, child, "published") || is_core (ctx, child, "issued"))
        published = child;
      else if (is_core (ctx, child, "updated") || is_core (ctx, child, "modified"))
        updated = child;
      else if (is_core (ctx, child, "summary"))
        summary = summary != NULL ? summary : child;
      else if (is_core (ctx, child, "content"))
        content = content != NULL ? content : child;
      else if (is_core (ctx, child, "author"))
        author = author != NULL ? author : child;
      else if (ns_class == NS_CLASS_DC && strcmp (local, "date") == 0)
        dc_date = dc_date != NULL ? dc_date : child;
      else if (ns_class == NS_CLASS_DCTERMS && strcmp (local, "issued") == 0)
        issued = issued != NULL ? issued : child;
      else if (ns_class == NS_CLASS_DCTERMS && strcmp (local, "modified") == 0)
        modified = modified != NULL ? modified : child;
      else if (ns_class == NS_CLASS_MEDIA)
        read_media (ctx, item, child);
    }

  if (title != NULL)
    item->title = dup_text_construct_line (ctx, title, SHOEBOX_FEED_MAX_TITLE);
  if (id != NULL)
    item->id = dup_atom_id (ctx, id);
  item->link = read_atom_links (ctx, node, item);
  if (item->link == NULL && item->id != NULL && shoebox_feed_uri_is_web (item->id))
    item->link = g_strdup (item->id);

  if (published != NULL)
    item->published = parse_date_node (ctx, published);
  else if (issued != NULL)
    item->published = parse_date_node (ctx, issued);
  if (updated != NULL)
    item->updated = parse_date_node (ctx, updated);
  else if (dc_date != NULL)
    item->updated = parse_date_node (ctx, dc_date);
  else if (modified != NULL)
    item->updated = parse_date_node (ctx, modified);

  if (content != NULL && !xmlHasProp (content, (const xmlChar *) "src"))
    {
      TextKind kind;

      item->content = dup_text_construct (ctx, content, SHOEBOX_FEED_MAX_CONTENT, &kind);
      item->content_is_html = kind != TEXT_KIND_PLAIN;
      if (item->content != NULL && !item->content_is_html)
        {
          g_autofree char *plain = item->content;

          item->content = shoebox_text_sanitize (plain, -1, SHOEBOX_FEED_MAX_CONTENT, FALSE);
        }
    }

  if (summary != NULL)
    item->summary = dup_text_construct_line (ctx, summary, SHOEBOX_FEED_MAX_SUMMARY);
  else if (item->content != NULL)
    item->summary = item->content_is_html
                      ? shoebox_html_to_text (item->content, -1, SHOEBOX_FEED_MAX_SUMMARY)
                      : clean_line (item->content, SHOEBOX_FEED_MAX_SUMMARY);

  if (author != NULL)
    {
      for (xmlNodePtr child = author->children; child != NULL; child = child->next)
        if (is_core (ctx, child, "name"))
          {
            item->author = dup_line (ctx, child, MAX_AUTHOR);
            break;
          }
    }

  choose_thumbnail (item, ctx, node);
  return item;
}

static void
parse_atom (ParseContext *ctx,
            xmlNodePtr    root)
{
  xmlNodePtr title = NULL;
  xmlNodePtr id = NULL;

  for (xmlNodePtr child = root->children; child != NULL; child = child->next)
    {
      if (is_core (ctx, child, "title"))
        title = title != NULL ? title : child;
      else if (is_core (ctx, child, "id"))
        id = id != NULL ? id : child;
      else if ((is_core (ctx, child, "entry") || is_core (ctx, child, "item")) &&
               ctx->feed->items->len < SHOEBOX_FEED_MAX_ITEMS)
        g_ptr_array_add (ctx->feed->items, parse_atom_entry (ctx, child));
    }

  if (title != NULL)
    ctx->feed->title = dup_text_construct_line (ctx, title, SHOEBOX_FEED_MAX_TITLE);
  ctx->feed->link = read_atom_links (ctx, root, NULL);
  if (ctx->feed->link == NULL && id != NULL)
    {
      g_autofree char *text = dup_atom_id (ctx, id);

      if (shoebox_feed_uri_is_web (text))
        ctx->feed->link = g_steal_pointer (&text);
    }
}

/* --------------------------------------------------------------- decoding */

static char *
dup_charset_from_content_type (const char *content_type)
{
  const char *p;
  GString *value;

  if (content_type == NULL)
    return NULL;

  for (p = content_type; *p != '\0'; p++)
    {
      if (g_ascii_strncasecmp (p, "charset", 7) == 0)
        {
          const char *q = p + 7;

          while (*q == ' ' || *q == '\t')
            q++;
          if (*q != '=')
            continue;
          q++;
          while (*q == ' ' || *q == '\t' || *q == '"' || *q == '\'')
            q++;

          value = g_string_new (NULL);
          while (*q != '\0' && *q != ';' && *q != '"' && *q != '\'' && *q != ' ' && value->len < 64)
            g_string_append_c (value, *q++);

          if (value->len == 0)
            {
              g_string_free (value, TRUE);
              return NULL;
            }
          return g_string_free (value, FALSE);
        }
    }

  return NULL;
}

/* The encoding an XML declaration names, if the bytes are ASCII-like. */
static char *
dup_declared_encoding (const guint8 *data,
                       gsize         length)
{
  g_autofree char *head = NULL;
  char *end;
  char *encoding;
  char quote;
  GString *value;

  length = MIN (length, 1024);
  if (length < 5 || memcmp (data, "<?xml", 5) != 0)
    return NULL;

  head = g_strndup ((const char *) data, length);
  end = strstr (head, "?>");
  if (end == NULL)
    return NULL;
  *end = '\0';

  encoding = strstr (head, "encoding");
  if (encoding == NULL)
    return NULL;
  encoding += strlen ("encoding");
  while (g_ascii_isspace (*encoding))
    encoding++;
  if (*encoding != '=')
    return NULL;
  encoding++;
  while (g_ascii_isspace (*encoding))
    encoding++;
  quote = *encoding;
  if (quote != '"' && quote != '\'')
    return NULL;
  encoding++;

  value = g_string_new (NULL);
  while (*encoding != '\0' && *encoding != quote && value->len < 64)
    g_string_append_c (value, *encoding++);
  return g_string_free (value, FALSE);
}

/* Charset names as feeds write them, mapped to what iconv knows. As
 * browsers do, ASCII and Latin-1 labels read as windows-1252, a superset
 * that also gives meaning to the bytes 0x80–0x9F real feeds put there.
 */
static const char *
normalise_charset (const char *charset)
{
  static const char * const windows_1252[] = {
    "us-ascii", "ascii", "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1",
    "iso_8859-1", "cp1252", "windows-1252", "x-cp1252", "ansi_x3.4-1968",
  };

  for (guint i = 0; i < G_N_ELEMENTS (windows_1252); i++)
    if (g_ascii_strcasecmp (charset, windows_1252[i]) == 0)
      return "WINDOWS-1252";

  if (g_ascii_strcasecmp (charset, "utf8") == 0)
    return "UTF-8";
  if (g_ascii_strcasecmp (charset, "gb2312") == 0)
    return "GBK";

  return charset;
}

static gboolean
is_utf8_label (const char *charset)
{
  return g_ascii_strcasecmp (charset, "UTF-8") == 0 || g_ascii_strcasecmp (charset, "utf8") == 0;
}

static gboolean
is_wide_label (const char *charset)
{
  return (g_ascii_strncasecmp (charset, "utf-16", 6) == 0 ||
          g_ascii_strncasecmp (charset, "utf-32", 6) == 0 ||
          g_ascii_strncasecmp (charset, "ucs-2", 5) == 0 ||
          g_ascii_strncasecmp (charset, "ucs-4", 5) == 0 ||
          g_ascii_strncasecmp (charset, "utf16", 5) == 0 ||
          g_ascii_strncasecmp (charset, "utf32", 5) == 0);
}

/* Text that will go to libxml2 or json-glib as UTF-8: NUL characters
 * dropped (XML forbids them, C strings end at them), then every invalid
 * sequence replaced with U+FFFD.
 */
static char *
finish_utf8 (const char *text,
             gsize       length,
             gsize      *out_length)
{
  g_autofree char *without_nul = g_malloc (length + 1);
  gsize n = 0;
  char *valid;

  for (gsize i = 0; i < length; i++)
    if (text[i] != '\0')
      without_nul[n++] = text[i];
  without_nul[n] = '\0';

  valid = g_utf8_make_valid (without_nul, (gssize) n);
  *out_length = strlen (valid);
  return valid;
}

/* Converts with iconv, putting U+FFFD for every byte it cannot read:
 * g_convert() gives up on the first bad byte instead.
 */
static char *
convert_lossy (const guint8 *data,
               gsize         length,
               const char   *charset,
               gsize         unit,
               gsize        *out_length)
{
  GIConv converter = g_iconv_open ("UTF-8", charset);
  GString *out;
  char *in = (char *) data;
  gsize in_left = length;
  char buffer[4096];

  if (converter == (GIConv) -1)
    return NULL;

  out = g_string_sized_new (length + length / 2 + 1);
  while (in_left > 0)
    {
      char *outp = buffer;
      gsize out_left = sizeof buffer;
      gsize result = g_iconv (converter, &in, &in_left, &outp, &out_left);

      g_string_append_len (out, buffer, (gssize) (sizeof buffer - out_left));

      if (result == (gsize) -1)
        {
          if (errno == E2BIG)
            continue;

          /* EILSEQ or EINVAL (a truncated sequence at the end). */
          g_string_append (out, "\xEF\xBF\xBD");
          if (in_left <= unit)
            break;
          in += unit;
          in_left -= unit;
          g_iconv (converter, NULL, NULL, NULL, NULL);
        }
    }

  g_iconv_close (converter);
  *out_length = out->len;
  return g_string_free (out, FALSE);
}

static gsize
charset_unit (const char *charset)
{
  if (g_ascii_strncasecmp (charset, "utf-32", 6) == 0 || g_ascii_strncasecmp (charset, "ucs-4", 5) == 0)
    return 4;
  if (g_ascii_strncasecmp (charset, "utf-16", 6) == 0 || g_ascii_strncasecmp (charset, "ucs-2", 5) == 0)
    return 2;
  return 1;
}

/* The document as UTF-8: the BOM decides, then the HTTP charset, then
 * UTF-16/32 sniffed from "<?", then the XML declaration, then UTF-8.
 */
static char *
decode_document (const guint8 *data,
                 gsize         length,
                 const char   *http_charset,
                 gboolean     *overridden,
                 gsize        *out_length)
{
  const char *bom = NULL;
  const char *sniffed = NULL;
  g_autofree char *declared = NULL;
  const char *candidates[4];
  guint n_candidates = 0;
  gsize skip = 0;
  gsize converted_length = 0;

  *overridden = FALSE;

  if (length >= 4 && memcmp (data, "\xFF\xFE\x00\x00", 4) == 0)
    bom = "UTF-32LE", skip = 4;
  else if (length >= 4 && memcmp (data, "\x00\x00\xFE\xFF", 4) == 0)
    bom = "UTF-32BE", skip = 4;
  else if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    bom = "UTF-8", skip = 3;
  else if (length >= 2 && memcmp (data, "\xFF\xFE", 2) == 0)
    bom = "UTF-16LE", skip = 2;
  else if (length >= 2 && memcmp (data, "\xFE\xFF", 2) == 0)
    bom = "UTF-16BE", skip = 2;
  else if (length >= 4 && memcmp (data, "\x00\x00\x00<", 4) == 0)
    sniffed = "UTF-32BE";
  else if (length >= 4 && memcmp (data, "<\x00\x00\x00", 4) == 0)
    sniffed = "UTF-32LE";
  else if (length >= 4 && memcmp (data, "\x00<\x00?", 4) == 0)
    sniffed = "UTF-16BE";
  else if (length >= 4 && memcmp (data, "<\x00?\x00", 4) == 0)
    sniffed = "UTF-16LE";

  data += skip;
  length -= skip;

  if (bom == NULL && sniffed == NULL)
    {
      declared = dup_declared_encoding (data, length);
      /* A declaration read as ASCII cannot be right about UTF-16. */
      if (declared != NULL && is_wide_label (declared))
        g_clear_pointer (&declared, g_free);
    }

  if (bom != NULL)
    candidates[n_candidates++] = bom;
  if (http_charset != NULL && (bom == NULL || !is_wide_label (http_charset)))
    candidates[n_candidates++] = http_charset;
  if (sniffed != NULL)
    candidates[n_candidates++] = sniffed;
  if (declared != NULL)
    candidates[n_candidates++] = declared;

  if (http_charset != NULL && declared != NULL &&
      g_ascii_strcasecmp (normalise_charset (http_charset), normalise_charset (declared)) != 0)
    *overridden = TRUE;

  for (guint i = 0; i < n_candidates; i++)
    {
      const char *charset = normalise_charset (candidates[i]);
      char *converted;

      if (is_utf8_label (charset))
        return finish_utf8 ((const char *) data, length, out_length);

      converted = convert_lossy (data, length, charset, charset_unit (charset), &converted_length);
      if (converted != NULL)
        {
          char *finished = finish_utf8 (converted, converted_length, out_length);

          g_free (converted);
          return finished;
        }

      /* An encoding nobody knows ("bogus"): try the next guess. */
      *overridden = TRUE;
    }

  /* No usable label: UTF-8 if it is, else the web's usual fallback. */
  if (!g_utf8_validate_len ((const char *) data, length, NULL))
    {
      g_autofree char *converted = convert_lossy (data, length, "WINDOWS-1252", 1, &converted_length);

      if (converted != NULL)
        return finish_utf8 (converted, converted_length, out_length);
    }

  return finish_utf8 ((const char *) data, length, out_length);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '-' || c == '_' || c == ':';
}

static const char *
copy_until (GString    *out,
            const char *p,
            const char *end,
            const char *terminator)
{
  const char *found = g_strstr_len (p, end - p, terminator);
  const char *stop = found != NULL ? found + strlen (terminator) : end;

  g_string_append_len (out, p, stop - p);
  return stop;
}

/* The general entities the internal subset declares, name → replacement
 * text. Only internal entities whose text is plain (no markup, no
 * references) get a text; the others (external SYSTEM/PUBLIC ones, nested
 * ones) map to "" and vanish where they are used.
 */
static GHashTable *
collect_declared_entities (const char *subset,
                           gsize       length)
{
  GHashTable *entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *end = subset + length;
  const char *p = subset;

  while ((p = g_strstr_len (p, end - p, "<!ENTITY")) != NULL)
    {
      const char *start;
      g_autofree char *name = NULL;
      char *value = NULL;

      p += strlen ("<!ENTITY");
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p < end && *p == '%')
        continue;

      start = p;
      while (p < end && is_name_char (*p))
        p++;
      if (p == start)
        continue;
      name = g_strndup (start, (gsize) (p - start));

      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p < end && (*p == '"' || *p == '\''))
        {
          char quote = *p++;
          const char *close;

          start = p;
          close = memchr (p, quote, (gsize) (end - p));
          if (close == NULL)
            break;
          if (memchr (start, '&', (gsize) (close - start)) == NULL &&
              memchr (start, '<', (gsize) (close - start)) == NULL &&
              memchr (start, '%', (gsize) (close - start)) == NULL &&
              close - start <= MAX_ENTITY_EXPANSION)
            value = g_strndup (start, (gsize) (close - start));
          p = close + 1;
        }

      if (!g_hash_table_contains (entities, name))
        g_hash_table_insert (entities, g_steal_pointer (&name), value != NULL ? value : g_strdup (""));
      else
        g_free (value);
    }

  return entities;
}

/* Prepares decoded UTF-8 for libxml2, which then never sees an entity
 * declaration or a DTD:
 *
 * - the XML declaration goes (the text is UTF-8 now, whatever it said);
 * - the DOCTYPE goes, and the entities its internal subset declares are
 *   expanded here: plain-text ones while the document's budget lasts, the
 *   others (external, nested: "billion laughs", "quadratic blowup") not at
 *   all. libxml2 2.9.14 would otherwise stop the whole parse at a nested
 *   reference, or hand out a 100 MB text;
 * - entity references XML does not define become character references
 *   when HTML defines them (&nbsp; &eacute;), literal text otherwise, as
 *   do bare ampersands;
 * - characters XML forbids (NUL and other controls, U+FFFE, U+FFFF) and
 *   C1 controls are dropped.
 *
 * CDATA sections and comments are copied as they are.
 */
static char *
prepare_xml (const char *text,
             gsize       length,
             gboolean   *rewritten,
             gboolean   *netscape,
             gsize      *out_length)
{
  g_autoptr(GHashTable) declared = NULL;
  GString *out = g_string_sized_new (length + 16);
  const char *p = text;
  const char *end = text + length;
  gsize budget = MAX_ENTITY_EXPANSION;

  *rewritten = FALSE;
  *netscape = FALSE;

  while (p < end && g_ascii_isspace (*p))
    p++;
  if (end - p >= 5 && strncmp (p, "<?xml", 5) == 0 && (p[5] == ' ' || p[5] == '\t' ||
                                                       p[5] == '\r' || p[5] == '\n' || p[5] == '?'))
    {
      const char *close = g_strstr_len (p, MIN (end - p, 1024), "?>");

      if (close != NULL)
        p = close + 2;
    }

  while (p < end)
    {
      guchar c = (guchar) *p;

      if (c == '<' && end - p >= 9 && strncmp (p, "<![CDATA[", 9) == 0)
        p = copy_until (out, p, end, "]]>");
      else if (c == '<' && end - p >= 4 && strncmp (p, "<!--", 4) == 0)
        p = copy_until (out, p, end, "-->");
      else if (c == '<' && end - p >= 9 && strncmp (p, "<!DOCTYPE", 9) == 0 && declared == NULL)
        {
          const char *q = p;
          const char *close;

          while (q < end && *q != '>' && *q != '[')
            q++;
          if (g_strstr_len (p, q - p, "Netscape") != NULL)
            *netscape = TRUE;

          if (q < end && *q == '[')
            {
              close = g_strstr_len (q, end - q, "]");
              while (close != NULL && close + 1 < end && g_ascii_isspace (close[1]))
                close++;
              if (close == NULL)
                close = end - 1;
              declared = collect_declared_entities (q, (gsize) (close - q));
              close = memchr (close, '>', (gsize) (end - close));
            }
          else
            {
              declared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
              close = q < end ? q : NULL;
            }
          p = close != NULL ? close + 1 : end;
        }
      else if (c == '&')
        {
          const char *name = p + 1;
          const char *q = name;

          if (q < end && *q == '#')
            {
              g_string_append_c (out, '&');
              p++;
              continue;
            }

          while (q < end && q - name < 64 && is_name_char (*q))
            q++;

          if (q < end && *q == ';' && q > name)
            {
              g_autofree char *entity = g_strndup (name, (gsize) (q - name));
              const htmlEntityDesc *html;
              const char *value;

              if (g_str_equal (entity, "amp") || g_str_equal (entity, "lt") ||
                  g_str_equal (entity, "gt") || g_str_equal (entity, "quot") ||
                  g_str_equal (entity, "apos"))
                g_string_append_len (out, p, q + 1 - p);
              else if (declared != NULL && (value = g_hash_table_lookup (declared, entity)) != NULL)
                {
                  gsize value_length = strlen (value);

                  if (value_length <= budget)
                    {
                      g_string_append_len (out, value, (gssize) value_length);
                      budget -= value_length;
                    }
                }
              else if ((html = htmlEntityLookup ((const xmlChar *) entity)) != NULL)
                {
                  g_string_append_printf (out, "&#%u;", html->value);
                  *rewritten = TRUE;
                }
              else
                {
                  g_string_append (out, "&amp;");
                  g_string_append_len (out, name, q + 1 - name);
                  *rewritten = TRUE;
                }
              p = q + 1;
            }
          else
            {
              g_string_append (out, "&amp;");
              *rewritten = TRUE;
              p++;
            }
        }
      else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
        p++;
      else if (c == 0xEF && end - p >= 3 && (guchar) p[1] == 0xBF &&
               ((guchar) p[2] == 0xBE || (guchar) p[2] == 0xBF))
        p += 3;
      else if (c == 0xC2 && end - p >= 2 && (guchar) p[1] >= 0x80 && (guchar) p[1] < 0xA0)
        p += 2; /* C1 controls, which XML 1.0 allows but no reader wants */
      else
        {
          g_string_append_c (out, (char) c);
          p++;
        }
    }

  *out_length = out->len;
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------- libxml2 */

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

static void
ignore_structured_error (void        *user_data,
                         xmlErrorPtr  error)
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

static ShoeboxFeedFormat
detect_rss_version (xmlNodePtr root,
                    gboolean   netscape)
{
  g_autofree char *version = get_attribute (root, "version");

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

static ShoeboxFeed *
parse_xml (const guint8  *data,
           gsize          length,
           const char    *content_type,
           const char    *base_uri,
           GError       **error)
{
  g_autofree char *charset = dup_charset_from_content_type (content_type);
  g_autofree char *decoded = NULL;
  g_autofree char *prepared = NULL;
  g_autoptr(ShoeboxFeed) feed = feed_new ();
  xmlParserCtxtPtr parser;
  xmlDocPtr doc;
  xmlNodePtr root;
  ParseContext ctx = { 0 };
  gboolean overridden = FALSE;
  gboolean rewritten = FALSE;
  gboolean netscape = FALSE;
  gboolean well_formed;
  gsize decoded_length = 0;
  gsize prepared_length = 0;
  const char *local;

  init_libxml2 ();

  decoded = decode_document (data, length, charset, &overridden, &decoded_length);
  prepared = prepare_xml (decoded, decoded_length, &rewritten, &netscape, &prepared_length);
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
                           XML_PARSE_NONET | XML_PARSE_RECOVER |
                           XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  well_formed = parser->wellFormed != 0;
  xmlFreeParserCtxt (parser);

  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, SHOEBOX_FEED_PARSER_ERROR, SHOEBOX_FEED_PARSER_ERROR_INVALID,
                   _("The document is not a feed: it could not be read as XML"));
      return NULL;
    }

  ctx.doc = doc;
  ctx.base_uri = has_web_scheme (base_uri) ? g_strdup (base_uri) : NULL;
  ctx.root_ns = root->ns != NULL ? (const char *) root->ns->href : NULL;
  ctx.entity_budget = MAX_ENTITY_EXPANSION;
  ctx.feed = feed;
  feed->recovered = !well_formed || rewritten || overridden;

  classify (root, &local);
  if (g_str_equal (local, "rss") || g_str_equal (local, "channel"))
    {
      feed->format = detect_rss_version (root, netscape);
      parse_rss (&ctx, root);
    }
  else if (g_str_equal (local, "RDF"))
    {
      feed->format = SHOEBOX_FEED_FORMAT_RSS10;
      for (xmlNodePtr child = root->children; child != NULL; child = child->next)
        if (child->type == XML_ELEMENT_NODE && child->ns != NULL &&
            g_strcmp0 ((const char *) child->ns->href, NS_RSS090) == 0)
          feed->format = SHOEBOX_FEED_FORMAT_RSS090;
      parse_rss (&ctx, root);
    }
  else if (g_str_equal (local, "feed"))
    {
      if (g_strcmp0 (ctx.root_ns, NS_ATOM10) == 0)
        feed->format = SHOEBOX_FEED_FORMAT_ATOM10;
      else if (g_strcmp0 (ctx.root_ns, NS_ATOM03) == 0)
        feed->format = SHOEBOX_FEED_FORMAT_ATOM03;
      else
        feed->format = SHOEBOX_FEED_FORMAT_ATOM;
      parse_atom (&ctx, root);
    }
  else
    {
      /* The name lives in the document: copy it before freeing that. */
      g_autofree char *name = clean_line (local, 64);

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

/* -------------------------------------------------------------- JSON Feed */

/* json-glib 1.6 recurses once per level and has no limit: measure the
 * nesting on the bytes first.
 */
static gboolean
json_depth_ok (const char *text,
               gsize       length,
               guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > max_depth)
            return FALSE;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }

  return TRUE;
}

static char *
json_dup_string (JsonObject *object,
                 const char *member,
                 gsize       cap,
                 gboolean    line)
{
  JsonNode *node;
  const char *value;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;

  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  value = json_node_get_string (node);
  return shoebox_text_sanitize (value, -1, cap, line);
}

static char *
json_dup_link (ParseContext *ctx,
               JsonObject   *object,
               const char   *member)
{
  g_autofree char *raw = json_dup_string (object, member, SHOEBOX_FEED_MAX_URL, TRUE);
  g_autofree char *resolved = NULL;

  if (raw == NULL || raw[0] == '\0')
    return NULL;

  if (strchr (raw, ':') != NULL)
    return shoebox_feed_uri_is_web (raw) ? g_steal_pointer (&raw) : NULL;

  resolved = resolve_against (ctx->base_uri, raw);
  if (resolved == NULL)
    return g_steal_pointer (&raw);
  return has_web_scheme (resolved) ? g_steal_pointer (&resolved) : NULL;
}

static char *
json_dup_id (JsonObject *object)
{
  JsonNode *node;
  GType type;

  if (!json_object_has_member (object, "id"))
    return NULL;

  node = json_object_get_member (object, "id");
  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return clean_line (json_node_get_string (node), MAX_ID);
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_DOUBLE)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
    }
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "True" : "False");

  return NULL;
}

static GDateTime *
json_parse_date (JsonObject *object,
                 const char *member)
{
  g_autofree char *text = json_dup_string (object, member, 256, TRUE);

  return shoebox_date_parse (text);
}

static char *
json_dup_author (JsonObject *item)
{
  JsonObject *author = NULL;

  if (json_object_has_member (item, "authors") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (item, "authors")))
    {
      JsonArray *authors = json_object_get_array_member (item, "authors");

      if (json_array_get_length (authors) > 0 &&
          JSON_NODE_HOLDS_OBJECT (json_array_get_element (authors, 0)))
        author = json_array_get_object_element (authors, 0);
    }
  else if (json_object_has_member (item, "author") &&
           JSON_NODE_HOLDS_OBJECT (json_object_get_member (item, "author")))
    author = json_object_get_object_member (item, "author");

  return json_dup_string (author, "name", MAX_AUTHOR, TRUE);
}

static ShoeboxFeedItem *
parse_json_item (ParseContext *ctx,
                 JsonObject   *object)
{
  ShoeboxFeedItem *item = item_new ();
  g_autofree char *summary = json_dup_string (object, "summary", SHOEBOX_FEED_MAX_SUMMARY, TRUE);
  g_autofree char *content_html = json_dup_string (object, "content_html", SHOEBOX_FEED_MAX_CONTENT, FALSE);
  g_autofree char *content_text = json_dup_string (object, "content_text", SHOEBOX_FEED_MAX_CONTENT, FALSE);

  item->id = json_dup_id (object);
  item->title = json_dup_string (object, "title", SHOEBOX_FEED_MAX_TITLE, TRUE);
  item->link = json_dup_link (ctx, object, "url");
  item->published = json_parse_date (object, "date_published");
  item->updated = json_parse_date (object, "date_modified");
  item->author = json_dup_author (object);
  item->media_thumbnail = json_dup_link (ctx, object, "image");

  if (content_html != NULL)
    {
      item->content = g_steal_pointer (&content_html);
      item->content_is_html = TRUE;
    }
  else if (content_text != NULL)
    item->content = g_strdup (content_text);

  if (summary != NULL)
    item->summary = g_steal_pointer (&summary);
  else if (item->content != NULL && item->content_is_html)
    item->summary = shoebox_html_to_text (item->content, -1, SHOEBOX_FEED_MAX_SUMMARY);
  else if (content_text != NULL)
    item->summary = clean_line (content_text, SHOEBOX_FEED_MAX_SUMMARY);

  if (json_object_has_member (object, "attachments") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "attachments")))
    {
      JsonArray *attachments = json_object_get_array_member (object, "attachments");

      for (guint i = 0; i < json_array_get_length (attachments); i++)
        {
          JsonNode *element = json_array_get_element (attachments, i);
          JsonObject *attachment;
          g_autofree char *type = NULL;
          char *url;
          ShoeboxFeedEnclosure *enclosure;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          attachment = json_node_get_object (element);
          url = json_dup_link (ctx, attachment, "url");
          if (url == NULL)
            continue;

          type = json_dup_string (attachment, "mime_type", 256, TRUE);
          add_enclosure (item->enclosures, url, type, NULL);
          enclosure = g_ptr_array_index (item->enclosures, item->enclosures->len - 1);
          if (json_object_has_member (attachment, "size_in_bytes") &&
              JSON_NODE_HOLDS_VALUE (json_object_get_member (attachment, "size_in_bytes")) &&
              json_node_get_value_type (json_object_get_member (attachment, "size_in_bytes")) == G_TYPE_INT64)
            enclosure->length = json_object_get_int_member (attachment, "size_in_bytes");
        }
    }

  choose_thumbnail (item, ctx, NULL);
  return item;
}

static ShoeboxFeed *
parse_json (const guint8  *data,
            gsize          length,
            const char    *base_uri,
            GError       **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ShoeboxFeed) feed = feed_new ();
  g_autofree char *text = NULL;
  g_autofree char *version = NULL;
  ParseContext ctx = { 0 };
  gsize text_length = 0;
  JsonNode *root;
  JsonObject *object;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  /* Invalid UTF-8 becomes U+FFFD before json-glib sees it. */
  text = finish_utf8 ((const char *) data, length, &text_length);

  if (!json_depth_ok (text, text_length, MAX_JSON_DEPTH))
    {
      g_set_error (error, SHOEBOX_FEED_PARSER_ERROR, SHOEBOX_FEED_PARSER_ERROR_TOO_DEEP,
                   _("The feed is nested more than %d levels deep"), MAX_JSON_DEPTH);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, -1, &local_error))
    {
      g_set_error (error, SHOEBOX_FEED_PARSER_ERROR, SHOEBOX_FEED_PARSER_ERROR_INVALID,
                   _("The feed is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, SHOEBOX_FEED_PARSER_ERROR, SHOEBOX_FEED_PARSER_ERROR_NOT_A_FEED,
                   _("The document is JSON but not a JSON Feed"));
      return NULL;
    }

  object = json_node_get_object (root);
  version = json_dup_string (object, "version", 256, TRUE);
  if (version == NULL || !g_str_has_prefix (version, "https://jsonfeed.org/version/"))
    {
      if (!json_object_has_member (object, "items"))
        {
          g_set_error (error, SHOEBOX_FEED_PARSER_ERROR, SHOEBOX_FEED_PARSER_ERROR_NOT_A_FEED,
                       _("The document is JSON but not a JSON Feed"));
          return NULL;
        }
    }

  feed->format = g_strcmp0 (version, "https://jsonfeed.org/version/1") == 0
                   ? SHOEBOX_FEED_FORMAT_JSON10
                   : SHOEBOX_FEED_FORMAT_JSON11;

  ctx.base_uri = has_web_scheme (base_uri) ? g_strdup (base_uri) : NULL;
  ctx.feed = feed;

  feed->title = json_dup_string (object, "title", SHOEBOX_FEED_MAX_TITLE, TRUE);
  feed->link = json_dup_link (&ctx, object, "home_page_url");

  if (json_object_has_member (object, "items") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "items")))
    {
      JsonArray *items = json_object_get_array_member (object, "items");

      for (guint i = 0; i < json_array_get_length (items) && feed->items->len < SHOEBOX_FEED_MAX_ITEMS; i++)
        {
          JsonNode *element = json_array_get_element (items, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            g_ptr_array_add (feed->items, parse_json_item (&ctx, json_node_get_object (element)));
        }
    }

  g_free (ctx.base_uri);
  return g_steal_pointer (&feed);
}

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

/* ---------------------------------------------------------------- public */

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
    return parse_json (data, length, base_uri, error);

  return parse_xml (data, length, content_type, base_uri, error);
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
