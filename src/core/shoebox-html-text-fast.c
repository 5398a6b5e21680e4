/* shoebox-html-text-fast.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-html-text"

#include "config.h"

#include <string.h>

#include "shoebox-html-text-private.h"

/* Most summaries are plain text or a few paragraphs with bold and links,
 * and running libxml2's HTML parser over each costs more than the rest of
 * a feed put together. This reads that simple kind in one pass and gives
 * the raw text the parser's tree would give, and declines (returns FALSE)
 * as soon as anything is less simple: comments, unknown or unusual tags,
 * unknown entities, mismatched end tags, control characters, invalid
 * UTF-8. What it accepts it reads as the libxml2 it is built with does:
 * test-html-fast-path checks both agree on every text of the corpus and
 * on tens of thousands of made-up ones, and the html-text fuzz harness on
 * any bytes.
 *
 * The two parsers differ only outside any element and in references.
 * libxml2 2.9–2.13's HTML 4 parser opens an implied <p> for text there,
 * drops white space there, and puts an inline element after a closed
 * block inside that block. libxml2 2.14's HTML 5 parser keeps both in the
 * body as they are, and turns the references &#128;–&#159; into the
 * Windows-1252 characters they stood for, which this reader leaves to it.
 * Without this reader on 2.14 and later, every summary with a tag went
 * through the parser: feed parsing ran at 38 % of xmlReadMemory's
 * throughput on Debian sid, against 56–60 % with it on Debian 12.
 */

#define MAX_DEPTH 64

typedef enum {
  KIND_INLINE,
  KIND_BLOCK,
  KIND_VOID_INLINE,
  KIND_VOID_BLOCK,
} ElementKind;

typedef struct {
  const char  *name;
  ElementKind  kind;
} Element;

/* Elements whose start tag closes nothing but, at most, a <p> or an
 * element of the same name, which the reader checks for itself.
 */
static const Element elements[] = {
  { "a", KIND_INLINE }, { "abbr", KIND_INLINE }, { "b", KIND_INLINE },
  { "blockquote", KIND_BLOCK }, { "br", KIND_VOID_BLOCK },
  { "cite", KIND_INLINE }, { "code", KIND_INLINE }, { "del", KIND_INLINE },
  { "div", KIND_BLOCK }, { "em", KIND_INLINE }, { "h1", KIND_BLOCK },
  { "h2", KIND_BLOCK }, { "h3", KIND_BLOCK }, { "h4", KIND_BLOCK },
  { "h5", KIND_BLOCK }, { "h6", KIND_BLOCK }, { "i", KIND_INLINE },
  { "img", KIND_VOID_INLINE }, { "ins", KIND_INLINE }, { "li", KIND_BLOCK },
  { "ol", KIND_BLOCK }, { "p", KIND_BLOCK }, { "small", KIND_INLINE },
  { "span", KIND_INLINE }, { "strong", KIND_INLINE }, { "sub", KIND_INLINE },
  { "sup", KIND_INLINE }, { "u", KIND_INLINE }, { "ul", KIND_BLOCK },
};

typedef struct {
  const char *name;
  gunichar    value;
} Entity;

/* HTML 4 entities, which every libxml2 knows. */
static const Entity entities[] = {
  { "amp", '&' }, { "copy", 0xA9 }, { "gt", '>' }, { "hellip", 0x2026 },
  { "laquo", 0xAB }, { "ldquo", 0x201C }, { "lsquo", 0x2018 },
  { "lt", '<' }, { "mdash", 0x2014 }, { "nbsp", 0xA0 }, { "ndash", 0x2013 },
  { "quot", '"' }, { "raquo", 0xBB }, { "rdquo", 0x201D }, { "reg", 0xAE },
  { "rsquo", 0x2019 }, { "trade", 0x2122 },
};

typedef struct {
  GString       *text;
  const Element *open[MAX_DEPTH];
  guint          depth;
  gboolean       block_closed_at_top; /* see read_start_tag() */
} Reader;

static const Element *
find_element (const char *name,
              gsize       length)
{
  char first;

  if (length == 0 || length > 10)
    return NULL;

  /* Every tag of every summary comes here: the first letter rules out
   * nearly all the table before any name is compared.
   */
  first = g_ascii_tolower (name[0]);
  for (gsize i = 0; i < G_N_ELEMENTS (elements); i++)
    if (elements[i].name[0] == first && strlen (elements[i].name) == length &&
        g_ascii_strncasecmp (elements[i].name, name, length) == 0)
      return &elements[i];
  return NULL;
}

static gboolean
is_block (const Element *element)
{
  return element->kind == KIND_BLOCK || element->kind == KIND_VOID_BLOCK;
}

static gboolean
is_list (const Element *element)
{
  return strcmp (element->name, "ul") == 0 || strcmp (element->name, "ol") == 0;
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
is_open (Reader        *reader,
         const Element *element)
{
  for (guint i = 0; i < reader->depth; i++)
    if (reader->open[i] == element)
      return TRUE;
  return FALSE;
}

/* Text (or an entity) outside any element: libxml2 2.9 opens a <p>; the
 * HTML 5 parser keeps it in the body.
 */
static void
check_paragraph (Reader *reader)
{
  if (SHOEBOX_HTML_5_PARSER || reader->depth > 0)
    return;
  g_string_append_c (reader->text, ' ');
  reader->open[reader->depth++] = find_element ("p", 1);
}

/* The text from *p to the next '<' or '&', if libxml2 takes its
 * characters as they are: no controls but blanks, no C1 controls, nothing
 * its tables call a non-character. The input is valid UTF-8 already.
 */
static gboolean
read_text (Reader      *reader,
           const char **p,
           const char  *end)
{
  const char *start = *p;
  const char *q = start;
  gboolean blank = TRUE;

  while (q < end && *q != '<' && *q != '&')
    {
      guchar byte;

      /* The text between two tags is mostly words and spaces. */
      q = _shoebox_skip_text_words (q, end, NULL, &blank);
      if (q == end || *q == '<' || *q == '&')
        break;

      byte = (guchar) *q;

      if (byte >= 0x80)
        {
          gunichar c = g_utf8_get_char (q);

          if ((c >= 0x80 && c < 0xA0) || c == 0xFFFE || c == 0xFFFF || c == 0xFEFF)
            return FALSE;
          blank = FALSE;
          q = g_utf8_next_char (q);
        }
      else if (byte > ' ' && byte != 0x7F)
        {
          blank = FALSE;
          q++;
        }
      else if (is_blank ((char) byte))
        q++;
      else
        return FALSE;
    }
  *p = q;

  /* White space outside any element has no node to go into, but for the
   * HTML 5 parser's body.
   */
  if (blank && reader->depth == 0 && !SHOEBOX_HTML_5_PARSER)
    return TRUE;

  if (!blank)
    check_paragraph (reader);
  g_string_append_len (reader->text, start, q - start);
  return TRUE;
}

/* A quoted attribute value may hold anything but controls and '<'. */
static gboolean
is_plain_value (const char *value,
                const char *end)
{
  for (const char *p = value; p < end; p++)
    if (((guchar) *p < 0x20 && !is_blank (*p)) || *p == 0x7F || *p == '<')
      return FALSE;
  return TRUE;
}

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* An entity or character reference at *p; on success *p is past it. */
static gboolean
read_reference (Reader      *reader,
                const char **p,
                const char  *end)
{
  const char *q = *p + 1;
  gunichar value = 0;

  if (q < end && *q == '#')
    {
      gboolean hex = FALSE;
      guint digits = 0;

      q++;
      if (q < end && *q == 'x')
        {
          hex = TRUE;
          q++;
        }
      for (; q < end && *q != ';'; q++, digits++)
        {
          int digit = hex ? g_ascii_xdigit_value (*q) : g_ascii_digit_value (*q);

          if (digit < 0 || digits >= 7)
            return FALSE;
          value = value * (hex ? 16 : 10) + (gunichar) digit;
        }
      if (q >= end || digits == 0 || !is_xml_char (value))
        return FALSE;
      /* The HTML 5 parser reads these as Windows-1252. */
      if (SHOEBOX_HTML_5_PARSER && value >= 0x80 && value <= 0x9F)
        return FALSE;
    }
  else
    {
      const char *name = q;
      gsize i;

      while (q < end && g_ascii_isalnum (*q))
        q++;
      if (q >= end || *q != ';')
        return FALSE;
      for (i = 0; i < G_N_ELEMENTS (entities); i++)
        if (strlen (entities[i].name) == (gsize) (q - name) &&
            strncmp (entities[i].name, name, (gsize) (q - name)) == 0)
          break;
      if (i == G_N_ELEMENTS (entities))
        return FALSE;
      value = entities[i].value;
    }

  check_paragraph (reader);
  g_string_append_unichar (reader->text, value);
  *p = q + 1;
  return TRUE;
}

/* The attributes of a start tag, up to and past its '>': plain names,
 * values quoted or simple, nothing that makes libxml2 guess.
 */
static gboolean
skip_attributes (const char **p,
                 const char  *end,
                 gboolean    *self_closing)
{
  const char *q = *p;

  *self_closing = FALSE;
  for (;;)
    {
      gboolean spaced = FALSE;

      while (q < end && is_blank (*q))
        {
          q++;
          spaced = TRUE;
        }
      if (q >= end)
        return FALSE;
      if (*q == '>')
        break;
      if (*q == '/' && q + 1 < end && q[1] == '>')
        {
          *self_closing = TRUE;
          q++;
          break;
        }
      if (!spaced || !(g_ascii_isalpha (*q) || *q == '_'))
        return FALSE;
      while (q < end && (g_ascii_isalnum (*q) || *q == '-' || *q == '_' || *q == ':'))
        q++;
      if (q < end && *q == '=')
        {
          q++;
          if (q < end && (*q == '"' || *q == '\''))
            {
              const char *close = memchr (q + 1, *q, (gsize) (end - q - 1));

              if (close == NULL || !is_plain_value (q + 1, close))
                return FALSE;
              q = close + 1;
            }
          else
            {
              const char *value = q;

              while (q < end && (g_ascii_isalnum (*q) || strchr ("-_.:/#%?+,;@~!$*()=&", *q) != NULL) &&
                     *q != '\0')
                q++;
              if (q == value)
                return FALSE;
            }
          if (q < end && !is_blank (*q) && *q != '>' && *q != '/')
            return FALSE;
        }
    }

  *p = q + 1;
  return TRUE;
}

static gboolean
read_start_tag (Reader      *reader,
                const char **p,
                const char  *end)
{
  const char *name = *p + 1;
  const char *q = name;
  const Element *element;
  gboolean self_closing;

  while (q < end && g_ascii_isalnum (*q))
    q++;
  element = find_element (name, (gsize) (q - name));
  if (element == NULL || !skip_attributes (&q, end, &self_closing))
    return FALSE;

  if (element->kind == KIND_VOID_INLINE || element->kind == KIND_VOID_BLOCK)
    {
      /* A <br> or <img> outside any element opens no paragraph. */
      if (is_block (element))
        g_string_append_c (reader->text, ' ');
      *p = q;
      return TRUE;
    }

  /* <b/> closes at once in libxml2, like nothing a browser does: leave
   * it, and every start tag that would close an open element, to the
   * parser.
   */
  if (self_closing || reader->depth == MAX_DEPTH || is_open (reader, element))
    return FALSE;
  /* Outside any element after a block closed there, libxml2 2.9 puts an
   * inline element inside that block: "<p>a</p><b>b</b>" reads "ab".
   * Leave that to the parser too.
   */
  if (!SHOEBOX_HTML_5_PARSER && reader->depth == 0 && reader->block_closed_at_top && !is_block (element))
    return FALSE;
  if (is_block (element))
    {
      for (guint i = 0; i < reader->depth; i++)
        {
          const char *open = reader->open[i]->name;

          if (!is_block (reader->open[i]) || strcmp (open, "p") == 0 || open[0] == 'h')
            return FALSE;
        }
      /* An <li> belongs right in a list, and a list holds nothing else. */
      if ((strcmp (element->name, "li") == 0) !=
          (reader->depth > 0 && is_list (reader->open[reader->depth - 1])))
        return FALSE;
      g_string_append_c (reader->text, ' ');
    }

  reader->open[reader->depth++] = element;
  *p = q;
  return TRUE;
}

static gboolean
read_end_tag (Reader      *reader,
              const char **p,
              const char  *end)
{
  const char *name = *p + 2;
  const char *q = name;
  const Element *element;

  while (q < end && g_ascii_isalnum (*q))
    q++;
  element = find_element (name, (gsize) (q - name));
  while (q < end && is_blank (*q))
    q++;
  if (element == NULL || q >= end || *q != '>')
    return FALSE;

  /* Only the innermost element may close: anything else moves libxml2's
   * stack in ways this reader does not follow.
   */
  if (reader->depth == 0 || reader->open[reader->depth - 1] != element)
    return FALSE;
  reader->depth--;
  if (is_block (element))
    {
      g_string_append_c (reader->text, ' ');
      reader->block_closed_at_top |= reader->depth == 0;
    }

  *p = q + 1;
  return TRUE;
}

/**
 * _shoebox_html_read_simple:
 * @html: HTML, valid UTF-8 of @length bytes
 * @length: its length
 * @text: where the text goes, block boundaries as spaces
 *
 * Returns: whether @html was simple enough to read here; when not, @text
 *   holds junk and the caller must use libxml2
 */
gboolean
_shoebox_html_read_simple (const char *html,
                           gsize       length,
                           GString    *text)
{
  Reader reader = { .text = text };
  const char *end = html + length;
  const char *p = html;

  /* Control characters, even inside a tag, make libxml2 complain and
   * recover in its own ways: the text and each part of a tag turns them
   * away.
   */
  while (p < end)
    {
      if (*p != '<' && *p != '&' && !read_text (&reader, &p, end))
        return FALSE;
      if (p >= end)
        break;

      if (*p == '&')
        {
          if (!read_reference (&reader, &p, end))
            return FALSE;
        }
      else if (p + 1 < end && g_ascii_isalpha (p[1]))
        {
          if (!read_start_tag (&reader, &p, end))
            return FALSE;
        }
      else if (p + 2 < end && p[1] == '/' && g_ascii_isalpha (p[2]))
        {
          if (!read_end_tag (&reader, &p, end))
            return FALSE;
        }
      else
        return FALSE;
    }

  return TRUE;
}
