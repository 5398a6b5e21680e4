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
#include <libxml/tree.h>
#include <string.h>

#include "shoebox-date-parser.h"
#include "shoebox-feed-parser-private.h"
#include "shoebox-html-text.h"

/* RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 from a libxml2 tree. Text is collected
 * from text and CDATA nodes only, iteratively and capped as it goes, and
 * every link is resolved against the xml:base in force and checked.
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
  ShoeboxFeed *feed;
} ParseContext;

typedef enum
{
  TEXT_KIND_PLAIN,
  TEXT_KIND_HTML,
  TEXT_KIND_XHTML,
} TextKind;

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
  const char *colon = NULL;
  NsClass ns_class = NS_CLASS_NONE;

  *local = name;
  if (node->ns == NULL && (colon = strchr (name, ':')) != NULL)
    *local = colon + 1;

  /* Every element is asked many times: the answer is kept in the node's
   * field for applications, shifted by one so that NULL means "not yet".
   */
  if (node->_private != NULL)
    return (NsClass) (GPOINTER_TO_INT (node->_private) - 1);

  if (node->ns != NULL && node->ns->href != NULL)
    ns_class = classify_uri ((const char *) node->ns->href);
  else if (colon != NULL)
    {
      ns_class = NS_CLASS_OTHER;
      for (guint i = 0; i < G_N_ELEMENTS (known_prefixes); i++)
        if (strncmp (name, known_prefixes[i].prefix, (gsize) (colon - name)) == 0 &&
            known_prefixes[i].prefix[colon - name] == '\0')
          ns_class = known_prefixes[i].ns_class;
    }

  node->_private = GINT_TO_POINTER ((int) ns_class + 1);
  return ns_class;
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
          /* None are left after _shoebox_feed_prepare_xml(); never follow
           * one (that is how entity bombs go off).
           */
          break;

        case XML_ELEMENT_NODE:
          if (g_ascii_strcasecmp ((const char *) node->name, "script") == 0 ||
              g_ascii_strcasecmp ((const char *) node->name, "style") == 0)
            break;
          if (shoebox_html_is_block_element ((const char *) node->name))
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
          if (node != top && node->type == XML_ELEMENT_NODE && shoebox_html_is_block_element ((const char *) node->name))
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
      g_autofree char *resolved = _shoebox_feed_resolve_against (base, value);

      if (resolved != NULL && _shoebox_feed_has_web_scheme (resolved))
        {
          g_free (base);
          base = g_steal_pointer (&resolved);
        }
    }

  return base;
}

/* A link at @node, resolved against the xml:base in force there. */
static char *
dup_link (ParseContext *ctx,
          xmlNodePtr    node,
          const char   *raw)
{
  g_autofree char *base = NULL;

  if (raw == NULL)
    return NULL;

  base = dup_node_base (ctx, node);
  return _shoebox_feed_resolve_link (base, raw);
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
      return _shoebox_feed_clean_line (raw, cap);
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

  return _shoebox_feed_clean_line (raw, SHOEBOX_FEED_MAX_TITLE);
}

static GDateTime *
parse_date_node (ParseContext *ctx,
                 xmlNodePtr    node)
{
  g_autofree char *text = dup_line (ctx, node, 256);

  return shoebox_date_parse (text);
}


/* ----------------------------------------------------------------- media */

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
      _shoebox_feed_add_enclosure (item->media, url, type, length);

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

/* <media:description>, of the item or its <media:group>: the summary of
 * last resort.
 */
static char *
dup_media_description (ParseContext *ctx,
                       xmlNodePtr    item)
{
  for (xmlNodePtr child = item->children; child != NULL; child = child->next)
    {
      xmlNodePtr found = NULL;

      if (is_ns (child, NS_CLASS_MEDIA, "description"))
        found = child;
      else if (is_ns (child, NS_CLASS_MEDIA, "group"))
        for (xmlNodePtr member = child->children; member != NULL && found == NULL; member = member->next)
          if (is_ns (member, NS_CLASS_MEDIA, "description"))
            found = member;

      if (found != NULL)
        {
          g_autofree char *type = get_attribute (found, "type");
          g_autofree char *raw = dup_raw_text (ctx, found, SHOEBOX_FEED_MAX_CONTENT);

          if (g_strcmp0 (type, "html") == 0)
            return shoebox_html_to_text (raw, -1, SHOEBOX_FEED_MAX_SUMMARY);
          return _shoebox_feed_clean_line (raw, SHOEBOX_FEED_MAX_SUMMARY);
        }
    }

  return NULL;
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

  _shoebox_feed_add_enclosure (item->enclosures, url, type, length);
}

/* -------------------------------------------------------------------- RSS */

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
        {
          description = description != NULL ? description : child;
          first_text = first_text != NULL ? first_text : child;
        }
      else if (is_core (ctx, child, "summary") && ns_class != NS_CLASS_ATOM)
        {
          summary = summary != NULL ? summary : child;
          first_text = first_text != NULL ? first_text : child;
        }
      else if (is_core (ctx, child, "fullitem"))
        fullitem = fullitem != NULL ? fullitem : child;
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
    item->id = dup_line (ctx, guid, SHOEBOX_FEED_MAX_ID);
  else
    {
      g_autofree char *about = (char *) xmlGetNsProp (node, (const xmlChar *) "about",
                                                      (const xmlChar *) NS_RDF);

      if (about != NULL)
        item->id = _shoebox_feed_clean_line (about, SHOEBOX_FEED_MAX_ID);
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

  /* With both a <summary> and a <description>, the first is the summary
   * and the other the content, as feedparser reads them.
   */
  if (first_text != NULL)
    summary_html = dup_raw_text (ctx, first_text, SHOEBOX_FEED_MAX_CONTENT);
  else if (dc_description != NULL)
    summary_html = dup_raw_text (ctx, dc_description, SHOEBOX_FEED_MAX_CONTENT);

  if (encoded != NULL)
    item->content = dup_raw_text (ctx, encoded, SHOEBOX_FEED_MAX_CONTENT);
  else if (body != NULL)
    item->content = dup_inner_xml (ctx, body, SHOEBOX_FEED_MAX_CONTENT);
  else if (fullitem != NULL)
    item->content = dup_raw_text (ctx, fullitem, SHOEBOX_FEED_MAX_CONTENT);
  else if (summary != NULL && description != NULL)
    item->content = dup_raw_text (ctx, first_text == summary ? description : summary,
                                  SHOEBOX_FEED_MAX_CONTENT);
  else if (summary_html != NULL)
    item->content = g_strdup (summary_html);
  item->content_is_html = item->content != NULL;

  if (summary_html != NULL)
    item->summary = shoebox_html_to_text (summary_html, -1, SHOEBOX_FEED_MAX_SUMMARY);
  else if (item->content != NULL)
    item->summary = shoebox_html_to_text (item->content, -1, SHOEBOX_FEED_MAX_SUMMARY);
  else
    item->summary = dup_media_description (ctx, node);

  if (author != NULL)
    item->author = dup_line (ctx, author, SHOEBOX_FEED_MAX_AUTHOR);
  else if (creator != NULL)
    item->author = dup_line (ctx, creator, SHOEBOX_FEED_MAX_AUTHOR);

  {
    g_autofree char *base = dup_node_base (ctx, node);

    _shoebox_feed_choose_thumbnail (item, base);
  }
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

          _shoebox_feed_add_enclosure (item->enclosures, dup_link (ctx, child, href), type, length);
        }
    }

  return link;
}

/* An Atom id, resolved when it is a relative reference, as feedparser does. */
static char *
dup_atom_id (ParseContext *ctx,
             xmlNodePtr    node)
{
  g_autofree char *id = dup_line (ctx, node, SHOEBOX_FEED_MAX_ID);
  g_autofree char *base = NULL;
  char *resolved;

  if (id == NULL || id[0] == '\0' || strchr (id, ':') != NULL)
    return g_steal_pointer (&id);

  base = dup_node_base (ctx, node);
  resolved = _shoebox_feed_resolve_against (base, id);
  if (resolved == NULL)
    return g_steal_pointer (&id);

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
                      : _shoebox_feed_clean_line (item->content, SHOEBOX_FEED_MAX_SUMMARY);
  else
    item->summary = dup_media_description (ctx, node);

  if (author != NULL)
    {
      for (xmlNodePtr child = author->children; child != NULL; child = child->next)
        if (is_core (ctx, child, "name"))
          {
            item->author = dup_line (ctx, child, SHOEBOX_FEED_MAX_AUTHOR);
            break;
          }
    }

  {
    g_autofree char *base = dup_node_base (ctx, node);

    _shoebox_feed_choose_thumbnail (item, base);
  }
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
  g_autoptr(ShoeboxFeed) feed = _shoebox_feed_new ();
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

  decoded = _shoebox_feed_decode (data, length, charset, &overridden, &decoded_length);
  prepared = _shoebox_feed_prepare_xml (decoded, decoded_length, &rewritten, &netscape, &prepared_length);
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
  well_formed = parser->wellFormed != 0 && parser->nsWellFormed != 0;
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
  ctx.base_uri = _shoebox_feed_has_web_scheme (base_uri) ? g_strdup (base_uri) : NULL;
  ctx.root_ns = root->ns != NULL ? (const char *) root->ns->href : NULL;
  ctx.feed = feed;
  feed->recovered = !well_formed || rewritten || overridden || !is_xml_content_type (content_type);

  classify (root, &local);
  if (g_str_equal (local, "rss") || g_str_equal (local, "channel"))
    {
      feed->format = detect_rss_version (root, netscape);
      parse_rss (&ctx, root);
    }
  else if (g_str_equal (local, "RDF"))
    {
      feed->format = xmlSearchNsByHref (doc, root, (const xmlChar *) NS_RSS090) != NULL
                       ? SHOEBOX_FEED_FORMAT_RSS090
                       : SHOEBOX_FEED_FORMAT_RSS10;
      parse_rss (&ctx, root);
    }
  else if (g_str_equal (local, "feed"))
    {
      if (g_strcmp0 (ctx.root_ns, NS_ATOM10) == 0)
        feed->format = SHOEBOX_FEED_FORMAT_ATOM10;
      else if (g_strcmp0 (ctx.root_ns, NS_ATOM03) == 0)
        feed->format = SHOEBOX_FEED_FORMAT_ATOM03;
      else
        {
          g_autofree char *version = get_attribute (root, "version");

          feed->format = g_strcmp0 (version, "0.3") == 0 ? SHOEBOX_FEED_FORMAT_ATOM03
                                                         : SHOEBOX_FEED_FORMAT_ATOM;
        }
      parse_atom (&ctx, root);
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

