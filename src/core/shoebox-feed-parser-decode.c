/* shoebox-feed-parser-decode.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-feed-parser"

#include "config.h"

#include <errno.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "shoebox-feed-parser-private.h"
#include "shoebox-html-entity.h"
#include "shoebox-html-text-private.h"

/* Bytes as fetched become UTF-8 text that libxml2 can read without any
 * decision of its own: no encoding to detect, no DTD, no entity to define.
 */

char *
_shoebox_feed_dup_charset (const char *content_type)
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

/* Whether _shoebox_feed_prepare_xml() has more to do with @c than copy
 * it: markup it reads, an entity, a control character, and the lead
 * bytes of U+FFFE, U+FFFF and the C1 controls.
 */
static const guint8 looked_at[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1,
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
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

static inline gboolean
needs_a_look (guchar c)
{
  /* A table: this runs for every byte of every feed. */
  return looked_at[c];
}

/* Text that will go to libxml2 or json-glib as UTF-8: NUL characters
 * dropped (XML forbids them, C strings end at them), then every invalid
 * sequence replaced with U+FFFD.
 */
char *
_shoebox_feed_finish_utf8 (const char *text,
                           gsize       length,
                           gsize      *out_length)
{
  g_autofree char *without_nul = NULL;
  gsize n = 0;
  char *valid;

  /* Nearly every feed: one copy. */
  if (_shoebox_utf8_validate_len (text, length))
    {
      *out_length = length;
      return g_strndup (text, length);
    }

  without_nul = g_malloc (length + 1);
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

/* @text as it is when it is valid UTF-8 without NUL, as nearly every feed
 * is (no copy: the caller copies it anyway), or made so in a new string.
 */
static char *
finish_utf8_in_place (const char  *text,
                      gsize        length,
                      const char **out_text,
                      gsize       *out_length)
{
  char *finished;

  if (_shoebox_utf8_validate_len (text, length))
    {
      *out_text = text;
      *out_length = length;
      return NULL;
    }

  finished = _shoebox_feed_finish_utf8 (text, length, out_length);
  *out_text = finished;
  return finished;
}

/* The document as UTF-8: the BOM decides, then the HTTP charset, then
 * UTF-16/32 sniffed from "<?", then the XML declaration, then UTF-8.
 * *@out_text is the text, inside @data or in the string returned, which
 * is %NULL when @data (after any BOM) is the text already.
 */
char *
_shoebox_feed_decode (const guint8  *data,
                      gsize          length,
                      const char    *http_charset,
                      gboolean      *overridden,
                      const char   **out_text,
                      gsize         *out_length)
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

  /* The HTTP charset overriding the declaration is the rule (RFC 7303),
   * not a fault; bytes that are not in the encoding used are.
   */
  for (guint i = 0; i < n_candidates; i++)
    {
      const char *charset = normalise_charset (candidates[i]);
      char *converted;

      if (is_utf8_label (charset))
        {
          /* Valid, as nearly every feed is: validated once, not copied
           * (a NUL byte makes the validation fail).
           */
          char *finished = finish_utf8_in_place ((const char *) data, length, out_text, out_length);

          if (finished != NULL)
            *overridden = TRUE;
          return finished;
        }

      converted = convert_lossy (data, length, charset, charset_unit (charset), &converted_length);
      if (converted != NULL)
        {
          char *finished = _shoebox_feed_finish_utf8 (converted, converted_length, out_length);

          g_free (converted);
          *out_text = finished;
          return finished;
        }

      /* An encoding nobody knows ("bogus"): try the next guess. */
      *overridden = TRUE;
    }

  /* No usable label: UTF-8 if it is, else the web's usual fallback. */
  if (!_shoebox_utf8_validate_len ((const char *) data, length))
    {
      g_autofree char *converted = convert_lossy (data, length, "WINDOWS-1252", 1, &converted_length);

      *overridden = TRUE;
      if (converted != NULL)
        {
          char *finished = _shoebox_feed_finish_utf8 (converted, converted_length, out_length);

          *out_text = finished;
          return finished;
        }
    }

  return finish_utf8_in_place ((const char *) data, length, out_text, out_length);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '-' || c == '_' || c == ':';
}

/* What _shoebox_feed_prepare_xml() keeps track of for its marks of '<'
 * and '&' (SHOEBOX_FEED_MARK_LT, _AMP): whether it may write them,
 * whether it did, and whether the text holds one of its own, which would
 * then read as a mark.
 */
typedef struct
{
  gboolean may_mark;
  gboolean marked;
  gboolean mark_seen;
} Marking;

/* A DEL anywhere the readers of the tree could meet it: one byte is
 * enough to give up the marks, which start with one.
 */
static void
look_for_marks (Marking    *marking,
                const char *p,
                const char *end)
{
  if (memchr (p, 0x7F, (gsize) (end - p)) != NULL)
    marking->mark_seen = TRUE;
}

static const char *
copy_until (GString    *out,
            Marking    *marking,
            const char *p,
            const char *end,
            const char *terminator)
{
  gsize terminator_length = strlen (terminator);
  const char *found = NULL;
  const char *stop;

  /* memchr() to each candidate first byte: g_strstr_len() compares at
   * every byte, and a CDATA section is most of a feed's bytes.
   */
  for (const char *q = p; (q = memchr (q, terminator[0], (gsize) (end - q))) != NULL; q++)
    if ((gsize) (end - q) >= terminator_length && memcmp (q, terminator, terminator_length) == 0)
      {
        found = q;
        break;
      }
  stop = found != NULL ? found + terminator_length : end;

  look_for_marks (marking, p, stop);
  g_string_append_len (out, p, stop - p);
  return stop;
}

/* What copy_cdata() does with each byte of a CDATA section: copy it (0),
 * write it as a character reference (1: '&' and '<', the two that end
 * character data), or give up on the section (2: the characters XML
 * forbids, which libxml2 treats differently in CDATA, and CR, kept out of
 * the argument about line ends). 0xEF leads U+FFFE and U+FFFF, and is
 * looked at more closely.
 */
static const guint8 cdata_class[256] = {
  2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* Whether what was written last, white space aside, ends a tag: the
 * CDATA section that follows is then an element's content, as in
 * "<description><![CDATA[", and not inside a tag or an attribute value,
 * where libxml2 recovers from either form in its own way.
 */
static gboolean
follows_tag (GString *out)
{
  gsize i = out->len;

  while (i > 0 && g_ascii_isspace (out->str[i - 1]))
    i--;
  return i > 0 && out->str[i - 1] == '>';
}

/* Whether the character data after a section, up to the next tag, holds
 * the "]]>" it may not: libxml2 recovers from that differently when the
 * section before it is character data too.
 */
static gboolean
ends_badly (const char *p,
            const char *end)
{
  for (; p < end && *p != '<'; p++)
    if (*p == ']' && end - p >= 3 && p[1] == ']' && p[2] == '>')
      return TRUE;
  return FALSE;
}

/* A CDATA section, as character data with '&' and '<' written as
 * character references when that reads the same to libxml2: libxml2 2.9
 * reads a CDATA section a character at a time, several times slower than
 * the character data around it, and a feed's descriptions are nearly all
 * CDATA. The tree then has one text node where it had a CDATA node,
 * which the readers of the tree take alike. '>' stays: "]]>" is the only
 * use character data forbids it, and the section holds none; a section
 * ending in ']' could meet a "]>" after it, and stays a section, as does
 * one that does not follow a tag (follows_tag()) or is followed by a
 * "]]>" (ends_badly()).
 */
static const char *
copy_cdata (GString    *out,
            Marking    *marking,
            const char *p,
            const char *end)
{
  const char *text = p + strlen ("<![CDATA[");
  const char *close = NULL;
  gsize start_len = out->len;
  gboolean blank = TRUE;
  gboolean mark;
  char *w;

  for (const char *q = text; (q = memchr (q, ']', (gsize) (end - q))) != NULL; q++)
    if (end - q >= 3 && q[1] == ']' && q[2] == '>')
      {
        close = q;
        break;
      }

  if (close == NULL || close == text || close[-1] == ']' || !follows_tag (out) ||
      ends_badly (close + 3, end))
    return copy_until (out, marking, p, end, "]]>");

  /* A section of up to a mebibyte may use the marks: two bytes where the
   * text had one stays far below libxml2's 10 MB limit for a text node.
   */
  mark = marking->may_mark && close - text < 1024 * 1024;

  /* At most five bytes ("&#60;") for each: written in place. */
  g_string_set_size (out, start_len + (gsize) (close - text) * 5);
  w = out->str + start_len;
  for (const char *q = text; q < close; q++)
    {
      guchar c;
      const char *words_end;

      /* A section is mostly words and spaces: eight bytes at a time. */
      words_end = _shoebox_skip_text_words (q, close, w, &blank);
      w += words_end - q;
      q = words_end;
      if (q == close)
        break;

      c = (guchar) *q;

      switch (cdata_class[c])
        {
        case 0:
          blank = blank && g_ascii_isspace (c);
          *w++ = (char) c;
          break;

        case 1:
          blank = FALSE;
          if (mark)
            {
              memcpy (w, c == '&' ? SHOEBOX_FEED_MARK_AMP : SHOEBOX_FEED_MARK_LT, 2);
              w += 2;
              marking->marked = TRUE;
              break;
            }
          memcpy (w, c == '&' ? "&#38;" : "&#60;", 5);
          w += 5;
          break;

        case 3:
          if (close - q < 3 || (guchar) q[1] != 0xBF || ((guchar) q[2] != 0xBE && (guchar) q[2] != 0xBF))
            {
              blank = FALSE;
              *w++ = (char) c;
              break;
            }
          G_GNUC_FALLTHROUGH;

        default:
          g_string_truncate (out, start_len);
          return copy_until (out, marking, p, end, "]]>");
        }
    }
  /* White space alone is allowed outside the root element, where a
   * section is not: it stays a section.
   */
  if (blank)
    {
      g_string_truncate (out, start_len);
      return copy_until (out, marking, p, end, "]]>");
    }
  g_string_truncate (out, (gsize) (w - out->str));

  return close + 3;
}

/* U+0080…U+009F as windows-1252 reads those bytes; 0 where it has none. */
static const gunichar windows_1252_c1[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static void
append_c1 (GString *out,
           guint    code)
{
  gunichar c = windows_1252_c1[(code - 0x80) & 0x1F];

  if (c != 0)
    g_string_append_unichar (out, c);
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
              close - start <= SHOEBOX_FEED_MAX_ENTITY_EXPANSION)
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
 *   C1 controls, literal or as character references, are read as the
 *   windows-1252 characters they almost always are (U+0092 → ’), as
 *   HTML does.
 *
 * Comments are copied as they are, and CDATA sections too unless they
 * read the same as escaped text (copy_cdata()).
 */
static char *
prepare_xml (const char *text,
             gsize       length,
             Marking    *marking,
             gboolean   *rewritten,
             gboolean   *netscape,
             gsize      *out_length)
{
  g_autoptr(GHashTable) declared = NULL;
  /* Room for the character references of CDATA sections too (copy_cdata()),
   * so that a large feed is not moved in memory while it grows.
   */
  GString *out = g_string_sized_new (length + length / 8 + 16);
  const char *p = text;
  const char *end = text + length;
  gsize budget = SHOEBOX_FEED_MAX_ENTITY_EXPANSION;

  *rewritten = FALSE;
  *netscape = FALSE;

  while (p < end && g_ascii_isspace (*p))
    p++;
  if (end - p > 5 && strncmp (p, "<?xml", 5) == 0 && (p[5] == ' ' || p[5] == '\t' ||
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
        p = copy_cdata (out, marking, p, end);
      else if (c == '<' && end - p >= 4 && strncmp (p, "<!--", 4) == 0)
        p = copy_until (out, marking, p, end, "-->");
      else if (c == '<' && end - p >= 9 && strncmp (p, "<!DOCTYPE", 9) == 0)
        {
          /* Every DOCTYPE goes; the entities of the first one count. */
          g_autoptr(GHashTable) found = NULL;
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
              found = collect_declared_entities (q, (gsize) (close - q));
              close = memchr (close, '>', (gsize) (end - close));
            }
          else
            {
              found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
              close = q < end ? q : NULL;
            }
          if (declared == NULL)
            declared = g_steal_pointer (&found);
          p = close != NULL ? close + 1 : end;
        }
      else if (c == '&')
        {
          const char *name = p + 1;
          const char *q = name;

          if (q < end && *q == '#')
            {
              const char *digits = q + 1;
              gboolean hex = digits < end && (*digits == 'x' || *digits == 'X');
              guint64 value = 0;
              const char *stop = NULL;

              if (hex)
                digits++;
              /* Read within the text, which need not end with a NUL: it
               * may be the caller's bytes (_shoebox_feed_decode()).
               */
              if (digits < end && g_ascii_isxdigit (*digits))
                for (stop = digits; stop < end && (hex ? g_ascii_isxdigit (*stop) : g_ascii_isdigit (*stop)); stop++)
                  value = MIN (value * (hex ? 16 : 10) + (guint) (hex ? g_ascii_xdigit_value (*stop)
                                                                     : g_ascii_digit_value (*stop)),
                               G_GUINT64_CONSTANT (0x110000));
              if (stop != NULL && stop < end && *stop == ';' && value == 0x7F)
                marking->mark_seen = TRUE;
              if (stop != NULL && stop < end && *stop == ';' && value >= 0x80 && value <= 0x9F)
                {
                  append_c1 (out, (guint) value);
                  p = stop + 1;
                  continue;
                }

              g_string_append_c (out, '&');
              p++;
              continue;
            }

          while (q < end && q - name < 64 && is_name_char (*q))
            q++;

          if (q < end && *q == ';' && q > name)
            {
              char entity[65];
              const char *value;

              /* At most 64 bytes (the loop above): no allocation for the
               * &quot; of every title.
               */
              memcpy (entity, name, (gsize) (q - name));
              entity[q - name] = '\0';

              if (g_str_equal (entity, "amp") || g_str_equal (entity, "lt") ||
                  g_str_equal (entity, "gt") || g_str_equal (entity, "quot") ||
                  g_str_equal (entity, "apos"))
                g_string_append_len (out, p, q + 1 - p);
              else if (declared != NULL && (value = g_hash_table_lookup (declared, entity)) != NULL)
                {
                  gsize value_length = strlen (value);

                  if (value_length <= budget)
                    {
                      look_for_marks (marking, value, value + value_length);
                      g_string_append_len (out, value, (gssize) value_length);
                      budget -= value_length;
                    }
                }
              else if (shoebox_html_entity_lookup (entity, out))
                *rewritten = TRUE;
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
        {
          append_c1 (out, (guchar) p[1]);
          p += 2;
        }
      else
        {
          /* Everything up to the next byte one of the cases above looks
           * at, in one piece.
           */
          const char *q = p + 1;

          while (q < end && (!needs_a_look ((guchar) *q) ||
                             (*q == '<' && (q + 1 >= end || q[1] != '!'))))
            q++;
          g_string_append_len (out, p, q - p);
          p = q;
        }
    }

  *out_length = out->len;
  return g_string_free (out, FALSE);
}

/* Prepares decoded UTF-8 for libxml2 (prepare_xml()). *@marked says
 * whether the '<' and '&' of CDATA sections were written as the marks
 * SHOEBOX_FEED_MARK_LT and _AMP rather than as character references:
 * libxml2 hands the text of a section written so to the tree in one piece,
 * where a reference is a call of its own and a text node grown by a
 * reallocation, many times over in every summary. The readers of the tree
 * turn the marks back (_shoebox_feed_unmark()). The marks are ASCII, which
 * libxml2 reads on its fast path. A document whose tree could hold a DEL
 * of its own (in a comment, a section left as it is, an entity's value or
 * as a character reference) is prepared again without marks.
 */
char *
_shoebox_feed_prepare_xml (const char *text,
                           gsize       length,
                           gboolean   *rewritten,
                           gboolean   *netscape,
                           gboolean   *marked,
                           gsize      *out_length)
{
  Marking marking = { TRUE, FALSE, FALSE };
  char *prepared = prepare_xml (text, length, &marking, rewritten, netscape, out_length);

  if (marking.marked && marking.mark_seen)
    {
      g_free (prepared);
      marking = (Marking) { FALSE, FALSE, FALSE };
      prepared = prepare_xml (text, length, &marking, rewritten, netscape, out_length);
    }

  *marked = marking.marked;
  return prepared;
}

/* Where the first mark of _shoebox_feed_prepare_xml() is in @text, or NULL. */
const char *
_shoebox_feed_find_mark (const char *text,
                         gsize       length)
{
  return memchr (text, 0x7F, length);
}

/* @text with the marks of _shoebox_feed_prepare_xml() turned back into
 * '<' and '&', in place (the text only shrinks); returns the new length.
 */
gsize
_shoebox_feed_unmark (char  *text,
                      gsize  length)
{
  char *end = text + length;
  char *mark = memchr (text, 0x7F, length);
  char *w;

  if (mark == NULL)
    return length;

  /* From mark to mark, moving the text between them down. */
  w = mark;
  while (mark != NULL)
    {
      char *next;

      if (end - mark >= 2 && (mark[1] == SHOEBOX_FEED_MARK_LT[1] || mark[1] == SHOEBOX_FEED_MARK_AMP[1]))
        {
          *w++ = mark[1] == SHOEBOX_FEED_MARK_LT[1] ? '<' : '&';
          mark += 2;
        }
      else
        *w++ = *mark++;

      next = memchr (mark, 0x7F, (gsize) (end - mark));
      memmove (w, mark, (gsize) ((next != NULL ? next : end) - mark));
      w += (next != NULL ? next : end) - mark;
      mark = next;
    }
  if (w < end)
    *w = '\0';
  return (gsize) (w - text);
}
