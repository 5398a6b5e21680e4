/* shoebox-html-text.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-html-text"

#include "config.h"

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <string.h>

#include "shoebox-html-entity.h"
#include "shoebox-html-text.h"
#include "shoebox-html-text-private.h"

static char *sanitize_valid (const char *text,
                             gsize       length,
                             gsize       max_bytes,
                             gboolean    collapse_spaces);

/* Feed summaries are HTML written by strangers. Shoebox never shows them
 * as markup: they become plain text here, with libxml2's forgiving HTML
 * parser doing the tag soup and entities, and a walk over its tree that
 * keeps only text. The walk is a loop, not a recursion, so a deeply nested
 * document cannot exhaust the stack.
 */

/* HTML larger than this is cut before parsing: a summary shows far less. */
#define MAX_HTML_INPUT (2 * 1024 * 1024)

/* Code, not text. The fallback text inside <object> or <iframe> is text
 * meant for readers whose browser shows no object, so it is kept.
 */
static const char * const dropped_elements[] = {
  "script", "style", "template",
};

static const char * const block_elements[] = {
  "address", "article", "aside", "blockquote", "br", "caption", "dd", "div",
  "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
  "h6", "header", "hr", "li", "nav", "ol", "p", "pre", "section", "table",
  "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
};

/* The elements feedparser's sanitizer accepts; an RSS title using only
 * these (and known entities) is read as HTML, as the peer does.
 */
static const char * const acceptable_elements[] = {
  "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b",
  "big", "blockquote", "br", "button", "canvas", "caption", "center", "cite",
  "code", "col", "colgroup", "command", "datagrid", "datalist", "dd", "del",
  "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "event-source",
  "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2",
  "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "input", "ins", "kbd",
  "keygen", "label", "legend", "li", "m", "map", "menu", "meter", "multicol",
  "nav", "nextid", "noscript", "ol", "optgroup", "option", "output", "p",
  "pre", "progress", "q", "s", "samp", "section", "select", "small", "sound",
  "source", "spacer", "span", "strike", "strong", "sub", "sup", "table",
  "tbody", "td", "textarea", "tfoot", "th", "thead", "time", "tr", "tt", "u",
  "ul", "var", "video",
};

static gboolean
name_in (const char         *name,
         const char * const *names,
         gsize               n_names)
{
  for (gsize i = 0; i < n_names; i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* libxml2's HTML parser gives element names in lower case. */
static gboolean
lower_name_in (const char         *name,
               const char * const *names,
               gsize               n_names)
{
  for (gsize i = 0; i < n_names; i++)
    if (strcmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_space_char (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);

  /* Python's str.isspace(), which the corpus uses, includes U+00A0; so do
   * readers, who see no difference between the two.
   */
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0x1C || c == 0x1D ||
         c == 0x1E || c == 0x1F || c == 0x85;
}

/* A byte that stays as it is whatever surrounds it: printable ASCII, and
 * the space too when spaces are not collapsed.
 */
static inline gboolean
is_plain_ascii (char     byte,
                gboolean collapse_spaces)
{
  return (byte > ' ' && byte < 0x7F) || (byte == ' ' && !collapse_spaces);
}

/* g_utf8_validate_len(), which goes a byte at a time, answering the same
 * for feeds that are nearly all ASCII: those bytes are checked eight at a
 * time. A UTF-8 sequence of more than one byte has no byte below 0x80, so
 * the text is valid exactly when it has no NUL and every run of bytes of
 * 0x80 and above is valid; GLib judges each run.
 */
gboolean
_shoebox_utf8_validate_len (const char *text,
                            gsize       length)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + length;

  while (p < end)
    {
      const guchar *run;

      while (end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, sizeof word);
          /* A high bit, or a zero byte (the classic test for one). */
          if (((word | ((word - G_GUINT64_CONSTANT (0x0101010101010101)) & ~word)) &
               G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
            break;
          p += 8;
        }

      if (p == end)
        break;
      if (*p == '\0')
        return FALSE;
      if (*p < 0x80)
        {
          p++;
          continue;
        }

      run = p;
      while (p < end && *p >= 0x80)
        p++;
      if (!g_utf8_validate_len ((const char *) run, (gsize) (p - run), NULL))
        return FALSE;
    }

  return TRUE;
}

/* The end of the run of is_plain_ascii() bytes at @p. When spaces are
 * collapsed, a single space between two such bytes belongs to the run
 * too: it stays as it is, just as a pending space would be written.
 */
static const char *
skip_plain_ascii (const char *p,
                  const char *end,
                  gboolean    collapse_spaces)
{
  const char *start = p;
  guint64 lo = collapse_spaces ? 0x21 : 0x20;

  for (;;)
    {
      while (end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, sizeof word);
          if (!_shoebox_is_plain_word (word, lo))
            break;
          p += 8;
        }

      /* Words of text have single spaces between them: eight bytes of
       * printable ASCII and spaces, no two spaces side by side (nor the
       * first beside the byte before, which is in the run; the run
       * starts with a byte that is not a space), go whole.
       */
      while (collapse_spaces && end - p >= 8 && (p == start || p[-1] != ' '))
        {
          const guint64 sevens = G_GUINT64_CONSTANT (0x7F7F7F7F7F7F7F7F);
          guint64 word;
          guint64 x;
          guint64 spaces;

          memcpy (&word, p, sizeof word);
          if (!_shoebox_is_plain_word (word, 0x20))
            break;
          /* A high bit exactly where a byte is a space (every byte is
           * below 0x80 here).
           */
          x = word ^ G_GUINT64_CONSTANT (0x2020202020202020);
          spaces = ~(((x & sevens) + sevens) | x | sevens);
          if ((spaces & (spaces << 8)) != 0)
            break;
          p += 8;
        }

      /* A space the words took last, with no character after it, is
       * not the run's.
       */
      if (collapse_spaces && p > start && p[-1] == ' ' && (p == end || !is_plain_ascii (*p, TRUE)))
        return p - 1;

      if (p < end && is_plain_ascii (*p, collapse_spaces))
        p++;
      else if (collapse_spaces && end - p >= 2 && *p == ' ' && is_plain_ascii (p[1], TRUE))
        p += 2;
      else
        return p;
    }
}

/**
 * shoebox_text_sanitize:
 * @text: (nullable): text from a feed, in any state
 * @length: the length of @text in bytes, or -1 when it ends with a NUL
 * @max_bytes: the most bytes the result may have, 0 for no cap
 * @collapse_spaces: whether runs of white space become one space and the
 *   ends are trimmed
 *
 * Makes feed text safe to keep: invalid UTF-8 becomes U+FFFD, NUL and
 * other control characters (but tab and newlines) are dropped, and the
 * result is cut on a character boundary at @max_bytes.
 *
 * Returns: (transfer full) (nullable): valid UTF-8 without NUL characters,
 *   or %NULL when @text is %NULL
 */
char *
shoebox_text_sanitize (const char *text,
                       gssize      length,
                       gsize       max_bytes,
                       gboolean    collapse_spaces)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return NULL;

  if (length < 0)
    length = (gssize) strlen (text);

  /* Validating a megabyte to keep a kilobyte is wasted: cut first, with
   * room for the characters that will be dropped.
   */
  if (max_bytes > 0 && (gsize) length > max_bytes * 4 + 16)
    length = (gssize) (max_bytes * 4 + 16);

  /* Most feed text is valid already: copy it only when it is not. */
  if (_shoebox_utf8_validate_len (text, (gsize) length))
    return sanitize_valid (text, (gsize) length, max_bytes, collapse_spaces);

  valid = g_utf8_make_valid (text, length);
  return sanitize_valid (valid, strlen (valid), max_bytes, collapse_spaces);
}

/* shoebox_text_sanitize() on text known to be valid UTF-8 without NUL. */
static char *
sanitize_valid (const char *text,
                gsize       length,
                gsize       max_bytes,
                gboolean    collapse_spaces)
{
  const char *end = text + length;
  char *out;
  gsize out_len = 0;
  gboolean pending_space = FALSE;

  /* The result is never longer than the valid text, nor than the cap: one
   * buffer of that size, written directly, costs far less than growing a
   * string a word at a time.
   */
  out = g_malloc (MIN ((gsize) (end - text), max_bytes > 0 ? max_bytes : G_MAXSIZE) + 1);

  for (const char *p = text; p < end;)
    {
      const char *start = p;
      gunichar c;
      gsize n;

      /* Printable ASCII, nearly all of it, a run at a time. */
      if (is_plain_ascii (*p, collapse_spaces))
        {
          gsize room;

          p = skip_plain_ascii (p, end, collapse_spaces);
          n = (gsize) (p - start);

          if (pending_space)
            {
              if (max_bytes > 0 && out_len + 1 >= max_bytes)
                break;
              out[out_len++] = ' ';
              pending_space = FALSE;
            }
          room = max_bytes > 0 ? max_bytes - out_len : n;
          memcpy (out + out_len, start, MIN (n, room));
          out_len += MIN (n, room);
          if (n > room)
            {
              /* A space kept inside the run is written only with a
               * character after it, as a pending one would be.
               */
              if (out_len > 0 && out[out_len - 1] == ' ' && collapse_spaces)
                out_len--;
              break;
            }
          continue;
        }

      if ((guchar) *p < 0x80)
        {
          c = (guchar) *p;
          n = 1;
        }
      else
        {
          c = g_utf8_get_char (p);
          n = (gsize) (g_utf8_next_char (p) - p);
        }
      p += n;

      if (collapse_spaces && is_space_char (c))
        {
          pending_space = out_len > 0;
          continue;
        }

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F ||
          (c >= 0x80 && c < 0xA0) || c == 0xFFFE || c == 0xFFFF)
        continue;

      if (max_bytes > 0 && out_len + (pending_space ? 1 : 0) + n > max_bytes)
        break;

      if (pending_space)
        {
          out[out_len++] = ' ';
          pending_space = FALSE;
        }
      memcpy (out + out_len, start, n);
      out_len += n;
    }

  out[out_len] = '\0';
  return out;
}

static void
free_html_parser (gpointer data)
{
  htmlFreeParserCtxt (data);
}

static GPrivate html_parser = G_PRIVATE_INIT (free_html_parser);

static htmlDocPtr
read_html (const char *html,
           gssize      length)
{
  htmlParserCtxtPtr parser;

  if (html == NULL)
    return NULL;

  if (length < 0)
    length = (gssize) strlen (html);

  if (length > MAX_HTML_INPUT)
    length = MAX_HTML_INPUT;

  if (length == 0)
    return NULL;

  /* A feed has hundreds of summaries: one parser per thread, reset for
   * each, spares the allocator a new context (and its large buffers)
   * every time.
   */
  parser = g_private_get (&html_parser);
  if (parser == NULL)
    {
      parser = htmlNewParserCtxt ();
      if (parser == NULL)
        return NULL;
      g_private_set (&html_parser, parser);
    }

  /* libxml2 2.14's HTML 5 parser drops text outside any element when
   * asked not to imply <html> and <body>: "Line<br>break" would lose both
   * words. The elements it implies there add nothing to the text.
   */
  return htmlCtxtReadMemory (parser, html, (int) length, NULL, "UTF-8",
                             HTML_PARSE_NONET | HTML_PARSE_NOERROR |
#if LIBXML_VERSION < 21400
                             HTML_PARSE_NOIMPLIED |
#endif
                             HTML_PARSE_NOWARNING);
}

/* The next node of a depth-first walk that does not enter @node. */
static xmlNodePtr
next_node_after (xmlNodePtr  node,
                 xmlNodePtr  top,
                 GString    *text)
{
  while (node != NULL && node != top)
    {
      if (node->next != NULL)
        return node->next;

      node = node->parent;
      if (node != NULL && node != top && node->type == XML_ELEMENT_NODE && text != NULL &&
          lower_name_in ((const char *) node->name, block_elements, G_N_ELEMENTS (block_elements)))
        g_string_append_c (text, ' ');
    }

  return NULL;
}

/**
 * shoebox_html_is_block_element:
 * @name: an element name
 *
 * Returns: whether text on either side of the element reads as separate
 *   words (block-level elements and `<br>`)
 */
gboolean
shoebox_html_is_block_element (const char *name)
{
  return lower_name_in (name, block_elements, G_N_ELEMENTS (block_elements));
}

/* libxml2's way: its HTML parser builds a tree, a walk keeps the text. */
char *
_shoebox_html_to_text_tree (const char *html,
                            gssize      length,
                            gsize       max_bytes)
{
  g_autoptr(GString) text = g_string_new (NULL);
  htmlDocPtr doc = read_html (html, length);
  xmlNodePtr node;
  /* The raw text is capped too, with room for the spaces collapsing drops. */
  gsize raw_cap = max_bytes > 0 ? max_bytes * 2 + 64 : G_MAXSIZE;

  if (doc == NULL)
    return g_strdup ("");

  node = doc->children;
  while (node != NULL && text->len < raw_cap)
    {
      gboolean enter = TRUE;

      switch ((int) node->type)
        {
        case XML_ELEMENT_NODE:
          if (lower_name_in ((const char *) node->name, dropped_elements, G_N_ELEMENTS (dropped_elements)))
            enter = FALSE;
          else if (lower_name_in ((const char *) node->name, block_elements, G_N_ELEMENTS (block_elements)))
            g_string_append_c (text, ' ');
          break;

        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (node->content != NULL)
            g_string_append (text, (const char *) node->content);
          enter = FALSE;
          break;

        default:
          enter = FALSE;
          break;
        }

      if (enter && node->children != NULL)
        node = node->children;
      else
        node = next_node_after (node, (xmlNodePtr) doc, text);
    }

  xmlFreeDoc (doc);

  return shoebox_text_sanitize (text->str, (gssize) MIN (text->len, raw_cap), max_bytes, TRUE);
}

/* Whether @html is there and short enough that neither cap of the tree
 * walk could cut it: only such input is tried by the ways that skip the
 * walk, so the ways never cut differently. Sets *@length when it was -1.
 */
static gboolean
within_caps (const char *html,
             gssize     *length,
             gsize       max_bytes)
{
  if (html == NULL)
    return FALSE;
  if (*length < 0)
    *length = (gssize) strlen (html);
  return (gsize) *length <= (max_bytes > 0 ? MIN (max_bytes, MAX_HTML_INPUT) : MAX_HTML_INPUT);
}

/* The one-pass way, or %NULL when @html is not simple enough for it.
 * Only input at most @max_bytes long is tried: its text then never meets
 * the tree walk's raw cap, which would cut the two ways differently.
 */
char *
_shoebox_html_to_text_fast (const char *html,
                            gssize      length,
                            gsize       max_bytes)
{
  g_autoptr(GString) text = NULL;

  if (!within_caps (html, &length, max_bytes))
    return NULL;

  /* What libxml2 would take for another encoding, or for the end. */
  if (!_shoebox_utf8_validate_len (html, (gsize) length))
    return NULL;

  text = g_string_sized_new ((gsize) length + 16);
  if (!_shoebox_html_read_simple (html, (gsize) length, text))
    return NULL;

  return sanitize_valid (text->str, text->len, max_bytes, TRUE);
}

/* What _shoebox_html_to_text_plain() turns away, byte by byte: markup
 * ('<'), references ('&'), CR, NUL and the other control characters but
 * tab and newline (each libxml2 parser normalises or complains about
 * these in its own way), and the lead bytes of the C1 controls (0xC2),
 * the BOM, U+FFFE and U+FFFF (0xEF), looked at more closely.
 */
static const guint8 not_plain[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* The way for a summary that is plain text, with every libxml2: no
 * parser at all, only the normalisation the tree walk ends with, or
 * %NULL when @html holds anything an HTML parser could read as more than
 * characters. Both of libxml2's HTML parsers (2.9–2.13 and the HTML 5
 * one of 2.14) keep such text as one text node, dropping at most white
 * space at its ends, which the normalisation trims anyway;
 * test-html-fast-path compares the two ways on both. As with the fast
 * path, only input that the tree walk's caps cannot cut is taken.
 */
char *
_shoebox_html_to_text_plain (const char *html,
                             gssize      length,
                             gsize       max_bytes)
{
  const guchar *p;
  const guchar *end;

  if (!within_caps (html, &length, max_bytes))
    return NULL;

  p = (const guchar *) html;
  end = p + length;
  for (; p < end; p++)
    {
      if (G_LIKELY (not_plain[*p] == 0))
        continue;
      if (not_plain[*p] == 1)
        return NULL;
      /* U+0080–U+009F; U+FEFF, U+FFFE, U+FFFF. */
      if (*p == 0xC2 && end - p >= 2 && p[1] >= 0x80 && p[1] < 0xA0)
        return NULL;
      if (*p == 0xEF && end - p >= 3 &&
          ((p[1] == 0xBB && p[2] == 0xBF) || (p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))))
        return NULL;
    }

  /* What libxml2 would take for another encoding. */
  if (!_shoebox_utf8_validate_len (html, (gsize) length))
    return NULL;

  return sanitize_valid (html, (gsize) length, max_bytes, TRUE);
}

/**
 * shoebox_html_to_text:
 * @html: (nullable): an HTML fragment or document, UTF-8
 * @length: its length in bytes, or -1 when it ends with a NUL
 * @max_bytes: the most bytes the result may have, 0 for no cap
 *
 * Turns HTML into one line of plain text: tags are dropped (block-level
 * ones and `<br>` count as a space), the contents of script, style and
 * embedded objects are dropped, comments are dropped, entities are
 * decoded, and runs of white space become one space.
 *
 * Returns: (transfer full): plain text, valid UTF-8, possibly empty
 */
char *
shoebox_html_to_text (const char *html,
                      gssize      length,
                      gsize       max_bytes)
{
  char *text = _shoebox_html_to_text_plain (html, length, max_bytes);

  /* Many summaries are plain text, most are simple; the rest go through
   * libxml2.
   */
  if (text == NULL)
    text = _shoebox_html_to_text_fast (html, length, max_bytes);
  if (text != NULL)
    return text;
  return _shoebox_html_to_text_tree (html, length, max_bytes);
}

/**
 * shoebox_html_dup_first_image:
 * @html: (nullable): an HTML fragment, UTF-8
 * @length: its length in bytes, or -1 when it ends with a NUL
 *
 * Finds the `src` of the first `<img>`, as written (not resolved).
 *
 * Returns: (transfer full) (nullable): the source, or %NULL
 */
char *
shoebox_html_dup_first_image (const char *html,
                              gssize      length)
{
  htmlDocPtr doc;
  xmlNodePtr node;
  char *found = NULL;

  doc = read_html (html, length);
  if (doc == NULL)
    return NULL;

  node = doc->children;
  while (node != NULL && found == NULL)
    {
      if (node->type == XML_ELEMENT_NODE &&
          g_ascii_strcasecmp ((const char *) node->name, "img") == 0)
        {
          xmlChar *src = xmlGetProp (node, (const xmlChar *) "src");

          if (src != NULL && src[0] != '\0')
            found = shoebox_text_sanitize ((const char *) src, -1, 8192, TRUE);
          xmlFree (src);
        }

      if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        node = node->children;
      else
        node = next_node_after (node, (xmlNodePtr) doc, NULL);
    }

  xmlFreeDoc (doc);
  return found;
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/**
 * shoebox_html_looks_like_html:
 * @text: text of an element whose type is not declared (an RSS title)
 *
 * The heuristic feedparser uses for RSS titles, so both read the same
 * feed the same way: the text has a closing tag or an entity reference,
 * every tag is an ordinary HTML element, and every named entity is an
 * HTML one.
 *
 * Returns: whether @text is best read as HTML
 */
gboolean
shoebox_html_looks_like_html (const char *text)
{
  gboolean has_close_or_entity = FALSE;

  if (text == NULL)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '<' && p[1] == '/' && is_word_char (p[2]))
        {
          const char *q = p + 2;

          while (is_word_char (*q))
            q++;
          if (*q == '>')
            has_close_or_entity = TRUE;
        }
      else if (p[0] == '&')
        {
          const char *q = p + 1;

          if (*q == '#')
            q++;
          if (is_word_char (*q))
            {
              while (is_word_char (*q))
                q++;
              if (*q == ';')
                has_close_or_entity = TRUE;
            }
        }
    }

  if (!has_close_or_entity)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '<')
        {
          const char *start = p + 1;
          const char *q;

          if (*start == '/')
            start++;
          q = start;
          while (is_word_char (*q))
            q++;
          if (q > start)
            {
              g_autofree char *name = g_strndup (start, (gsize) (q - start));

              if (!name_in (name, acceptable_elements, G_N_ELEMENTS (acceptable_elements)))
                return FALSE;
            }
        }
      else if (p[0] == '&' && is_word_char (p[1]))
        {
          const char *q = p + 1;

          while (is_word_char (*q))
            q++;
          if (*q == ';')
            {
              g_autofree char *name = g_strndup (p + 1, (gsize) (q - p - 1));

              if (!shoebox_html_entity_lookup (name, NULL))
                return FALSE;
            }
        }
    }

  return TRUE;
}
