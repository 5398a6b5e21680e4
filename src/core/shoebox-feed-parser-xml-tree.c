/* shoebox-feed-parser-xml-tree.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-feed-parser"

#include "config.h"

#include <string.h>

#include "shoebox-date-parser.h"
#include "shoebox-feed-parser-xml-private.h"
#include "shoebox-html-text.h"

/* Reading a libxml2 tree: which namespace an element is in, its text,
 * its links and its text constructs.
 */

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
NsClass
_shoebox_feed_xml_classify (xmlNodePtr   node,
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

  /* Elements share their namespace's declaration: its class is kept in
   * the declaration's own field for applications, shifted the same way.
   */
  if (node->ns != NULL && node->ns->href != NULL)
    {
      if (node->ns->_private == NULL)
        node->ns->_private = GINT_TO_POINTER ((int) classify_uri ((const char *) node->ns->href) + 1);
      ns_class = (NsClass) (GPOINTER_TO_INT (node->ns->_private) - 1);
    }
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
gboolean
_shoebox_feed_xml_is_core (ParseContext *ctx,
                           xmlNodePtr    node,
                           const char   *local)
{
  const char *name;
  NsClass ns_class;

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  ns_class = _shoebox_feed_xml_classify (node, &name);
  if (strcmp (name, local) != 0)
    return FALSE;

  return _shoebox_feed_xml_is_core_class (ctx, node, ns_class);
}

/* Whether an element of @ns_class (from _shoebox_feed_xml_classify()) is
 * in the feed format's own namespace, whatever its name.
 */
gboolean
_shoebox_feed_xml_is_core_class (ParseContext *ctx,
                                 xmlNodePtr    node,
                                 NsClass       ns_class)
{
  if (ns_class == NS_CLASS_NONE || ns_class == NS_CLASS_RSS || ns_class == NS_CLASS_ATOM)
    return TRUE;

  return (ctx->root_ns != NULL && node->ns != NULL &&
          g_strcmp0 ((const char *) node->ns->href, ctx->root_ns) == 0);
}

gboolean
_shoebox_feed_xml_is_ns (xmlNodePtr  node,
                         NsClass     ns_class,
                         const char *local)
{
  const char *name;

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  return _shoebox_feed_xml_classify (node, &name) == ns_class && strcmp (name, local) == 0;
}

/* ------------------------------------------------------------------ marks */

static inline gboolean
is_marked (xmlNodePtr node)
{
  return node->doc != NULL && node->doc->_private != NULL;
}

/* An attribute's value from xmlGetProp() or xmlGetNsProp(), marks turned
 * back: a CDATA section can end up in a tag that libxml2 recovers.
 */
xmlChar *
_shoebox_feed_xml_unmark_value (xmlNodePtr  node,
                                xmlChar    *value)
{
  if (value != NULL && is_marked (node))
    _shoebox_feed_unmark ((char *) value, strlen ((const char *) value));
  return value;
}

/* A text node's content with its marks turned back, once: the tree is
 * then as a parse of the section's character references would have
 * left it, for whatever reads or dumps it next.
 */
static void
unmark_text_node (xmlNodePtr node)
{
  g_autofree char *text = NULL;
  gsize length;

  if (node->content == NULL || !is_marked (node))
    return;

  length = strlen ((const char *) node->content);
  if (_shoebox_feed_find_mark ((const char *) node->content, length) == NULL)
    return;

  /* The content may be the dictionary's or inside the node: a copy. */
  text = g_strndup ((const char *) node->content, length);
  length = _shoebox_feed_unmark (text, length);
  xmlNodeSetContentLen (node, (const xmlChar *) text, (int) length);
}

/* unmark_text_node() for every text node under @top, attributes' too. */
static void
unmark_tree (xmlNodePtr top)
{
  xmlNodePtr node = top->children;

  if (!is_marked (top))
    return;

  while (node != NULL)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        unmark_text_node (node);

      /* A section that libxml2 recovered into a tag left its marks in
       * an attribute's value, which is dumped too.
       */
      for (xmlAttrPtr attribute = node->type == XML_ELEMENT_NODE ? node->properties : NULL;
           attribute != NULL; attribute = attribute->next)
        for (xmlNodePtr value = attribute->children; value != NULL; value = value->next)
          if (value->type == XML_TEXT_NODE)
            unmark_text_node (value);

      if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      while (node != top && node->next == NULL)
        node = node->parent;
      node = node == top ? NULL : node->next;
    }
}

char *
_shoebox_feed_xml_get_attribute (xmlNodePtr  node,
                                 const char *name)
{
  xmlAttrPtr attribute = xmlHasProp (node, (const xmlChar *) name);
  xmlNodePtr child = attribute != NULL && attribute->type == XML_ATTRIBUTE_NODE ? attribute->children : NULL;
  xmlChar *value;
  char *copy;

  if (attribute == NULL)
    return NULL;

  /* Nearly every value is one text node, which xmlGetProp() would copy
   * as it is: read it where it is, unless it has marks to turn back.
   */
  if (child != NULL && child->next == NULL && child->content != NULL &&
      (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
      (!is_marked (node) || strchr ((const char *) child->content, 0x7F) == NULL))
    return shoebox_text_sanitize ((const char *) child->content, -1, SHOEBOX_FEED_MAX_URL, FALSE);

  value = _shoebox_feed_xml_unmark_value (node, xmlGetProp (node, (const xmlChar *) name));
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
          unmark_text_node (node);
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

/* The text of an element whose only child is one text node, as nearly
 * every element of a feed is: what collect_text() would gather, without
 * gathering it.
 */
static const char *
only_text (xmlNodePtr  node,
           gsize       cap,
           gsize      *length)
{
  xmlNodePtr child = node->children;

  if (child == NULL || child->next != NULL || child->content == NULL ||
      (child->type != XML_TEXT_NODE && child->type != XML_CDATA_SECTION_NODE))
    return NULL;

  unmark_text_node (child);

  *length = MIN (strlen ((const char *) child->content), cap);
  return (const char *) child->content;
}

char *
_shoebox_feed_xml_dup_raw_text (ParseContext *ctx,
                                xmlNodePtr    node,
                                gsize         cap)
{
  g_autoptr(GString) out = NULL;
  gsize length;
  const char *text = only_text (node, cap, &length);

  if (text != NULL)
    return shoebox_text_sanitize (text, (gssize) length, cap, FALSE);

  out = g_string_new (NULL);
  collect_text (ctx, node, out, cap);
  return shoebox_text_sanitize (out->str, (gssize) out->len, cap, FALSE);
}

char *
_shoebox_feed_xml_dup_line (ParseContext *ctx,
                            xmlNodePtr    node,
                            gsize         cap)
{
  g_autoptr(GString) out = NULL;
  gsize length;
  const char *text = only_text (node, cap * 4, &length);

  if (text != NULL)
    return shoebox_text_sanitize (text, (gssize) length, cap, TRUE);

  out = g_string_new (NULL);
  collect_text (ctx, node, out, cap * 4);
  return shoebox_text_sanitize (out->str, (gssize) out->len, cap, TRUE);
}

/* The children of @node as XML text (inline XHTML content). */
char *
_shoebox_feed_xml_dup_inner_xml (ParseContext *ctx,
                                 xmlNodePtr    node,
                                 gsize         cap)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  char *result;

  unmark_tree (node);

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

static gboolean
has_xml_base (xmlNodePtr node)
{
  for (xmlAttrPtr attribute = node->properties; attribute != NULL; attribute = attribute->next)
    if (attribute->ns != NULL && attribute->ns->href != NULL &&
        strcmp ((const char *) attribute->name, "base") == 0 &&
        strcmp ((const char *) attribute->ns->href, NS_XML) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the base URI in force at @node is the document's. Nearly
 * always no element up to the root has an xml:base: say so without
 * copying any attribute. Without a DTD to give one a default, the
 * attributes are all there is.
 */
static gboolean
has_document_base (ParseContext *ctx,
                   xmlNodePtr    node)
{
  xmlNodePtr n;

  for (n = node; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
    if (has_xml_base (n))
      break;
  return (n == NULL || n->type != XML_ELEMENT_NODE) && ctx->doc->intSubset == NULL;
}

/* The base URI in force at @node: the document's, changed by every
 * xml:base from the root down. A base that is not http or https
 * (javascript:, data:) is ignored.
 */
char *
_shoebox_feed_xml_dup_node_base (ParseContext *ctx,
                                 xmlNodePtr    node)
{
  g_autoptr(GPtrArray) chain = NULL;
  char *base;
  xmlNodePtr n;

  if (has_document_base (ctx, node))
    return g_strdup (ctx->base_uri);

  chain = g_ptr_array_new_with_free_func (xmlFree);
  base = g_strdup (ctx->base_uri);
  for (n = node; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
    {
      xmlChar *value = _shoebox_feed_xml_unmark_value (n, xmlGetNsProp (n, (const xmlChar *) "base",
                                                                        (const xmlChar *) NS_XML));

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

/* _shoebox_feed_xml_dup_node_base() without a copy of the document's
 * base, which is what nearly every element has: *@copy holds any other,
 * for the caller to free.
 */
const char *
_shoebox_feed_xml_peek_node_base (ParseContext  *ctx,
                                  xmlNodePtr     node,
                                  char         **copy)
{
  if (has_document_base (ctx, node))
    {
      *copy = NULL;
      return ctx->base_uri;
    }

  *copy = _shoebox_feed_xml_dup_node_base (ctx, node);
  return *copy;
}

/* A link at @node, resolved against the xml:base in force there. */
char *
_shoebox_feed_xml_dup_link (ParseContext *ctx,
                            xmlNodePtr    node,
                            const char   *raw)
{
  g_autofree char *copy = NULL;

  if (raw == NULL)
    return NULL;

  return _shoebox_feed_resolve_link (_shoebox_feed_xml_peek_node_base (ctx, node, &copy), raw);
}

char *
_shoebox_feed_xml_dup_link_from_text (ParseContext *ctx,
                                      xmlNodePtr    node)
{
  g_autofree char *raw = _shoebox_feed_xml_dup_raw_text (ctx, node, SHOEBOX_FEED_MAX_URL);

  return _shoebox_feed_xml_dup_link (ctx, node, raw);
}

char *
_shoebox_feed_xml_dup_link_from_attribute (ParseContext *ctx,
                                           xmlNodePtr    node,
                                           const char   *attribute)
{
  g_autofree char *raw = _shoebox_feed_xml_get_attribute (node, attribute);

  return _shoebox_feed_xml_dup_link (ctx, node, raw);
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
char *
_shoebox_feed_xml_dup_text_construct (ParseContext *ctx,
                                      xmlNodePtr    node,
                                      gsize         cap,
                                      TextKind     *kind)
{
  g_autofree char *type = _shoebox_feed_xml_get_attribute (node, "type");
  g_autofree char *mode = _shoebox_feed_xml_get_attribute (node, "mode");
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
      g_autofree char *encoded = _shoebox_feed_xml_dup_raw_text (ctx, node, SHOEBOX_FEED_MAX_CONTENT);
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
      return _shoebox_feed_xml_dup_raw_text (ctx, node, cap);
    }

  if (*kind == TEXT_KIND_XHTML || (*kind == TEXT_KIND_PLAIN && has_elements))
    {
      *kind = TEXT_KIND_XHTML;
      return _shoebox_feed_xml_dup_inner_xml (ctx, node, cap);
    }

  raw = _shoebox_feed_xml_dup_raw_text (ctx, node, cap);
  return g_steal_pointer (&raw);
}

/* A text construct as one line of plain text. */
char *
_shoebox_feed_xml_dup_text_construct_line (ParseContext *ctx,
                                           xmlNodePtr    node,
                                           gsize         cap)
{
  TextKind kind;
  g_autofree char *raw = _shoebox_feed_xml_dup_text_construct (ctx, node, cap * 4, &kind);

  if (raw == NULL)
    return NULL;

  switch (kind)
    {
    case TEXT_KIND_HTML:
      return shoebox_html_to_text (raw, -1, cap);

    case TEXT_KIND_XHTML:
      return _shoebox_feed_xml_dup_line (ctx, node, cap);

    case TEXT_KIND_PLAIN:
    default:
      return _shoebox_feed_clean_line (raw, cap);
    }
}

GDateTime *
_shoebox_feed_xml_parse_date_node (ParseContext *ctx,
                                   xmlNodePtr    node)
{
  g_autofree char *text = _shoebox_feed_xml_dup_line (ctx, node, 256);

  return shoebox_date_parse (text);
}
