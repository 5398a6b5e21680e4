/* shoebox-html-text-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>
#include <libxml/xmlversion.h>

G_BEGIN_DECLS

/* Which of libxml2's HTML parsers the tree walk runs, and so whose trees
 * the one-pass reader (shoebox-html-text-fast.c) reproduces: the HTML 4
 * one of 2.9–2.13, or the HTML 5 one libxml2 2.14 brought. */
#define SHOEBOX_HTML_5_PARSER (LIBXML_VERSION >= 21400)

gboolean  _shoebox_html_read_simple   (const char *html,
                                       gsize       length,
                                       GString    *text);
char     *_shoebox_html_to_text_tree  (const char *html,
                                       gssize      length,
                                       gsize       max_bytes);
char     *_shoebox_html_to_text_fast  (const char *html,
                                       gssize      length,
                                       gsize       max_bytes);
char     *_shoebox_html_to_text_plain (const char *html,
                                       gssize      length,
                                       gsize       max_bytes);

gboolean  _shoebox_utf8_validate_len  (const char *text,
                                       gsize       length);

/* Bytes all in [lo, 0x7E], eight at a time (the "has a byte less than /
 * more than" word tests, which never miss one).
 */
static inline gboolean
_shoebox_is_plain_word (guint64 word,
                        guint64 lo)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 less = (word - ones * lo) & ~word & highs;
  guint64 more = ((word + ones * (127 - 0x7E)) | word) & highs;

  return (less | more) == 0;
}

/* Whether @word holds the byte @c (the "has a zero byte" test on the
 * bytes that differ from it, which never misses one).
 */
static inline gboolean
_shoebox_word_has_byte (guint64 word,
                        guchar  c)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 x = word ^ (ones * c);

  return ((x - ones) & ~x & highs) != 0;
}

/* Past the words of eight bytes at @p of printable ASCII and spaces
 * without '&' or '<', which text in HTML and XML is mostly made of,
 * copied to @copy unless it is %NULL; *@blank becomes FALSE when they
 * hold more than spaces.
 */
static inline const char *
_shoebox_skip_text_words (const char *p,
                          const char *end,
                          char       *copy,
                          gboolean   *blank)
{
  gboolean spaces_only = TRUE;

  while (end - p >= 8)
    {
      guint64 word;

      memcpy (&word, p, sizeof word);
      if (!_shoebox_is_plain_word (word, 0x20) ||
          _shoebox_word_has_byte (word, '&') || _shoebox_word_has_byte (word, '<'))
        break;
      spaces_only = spaces_only && word == G_GUINT64_CONSTANT (0x2020202020202020);
      if (copy != NULL)
        {
          memcpy (copy, &word, sizeof word);
          copy += sizeof word;
        }
      p += sizeof word;
    }
  if (!spaces_only)
    *blank = FALSE;
  return p;
}

G_END_DECLS
