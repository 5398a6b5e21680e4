/* fuzz-html-text.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* HTML to one line of text, the first image, and the sanitizer under it,
 * on any bytes. The input's first two bytes are the cap (little-endian,
 * 0 for none), so that cutting at every boundary gets tried; the rest is
 * the HTML, handed over with its length and unterminated, as a feed's
 * content is, and once more as a C string.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "shoebox-fuzz.h"
#include "shoebox-html-text.h"
#include "shoebox-html-text-private.h"

/* shoebox_html_dup_first_image() keeps an address at most this long. */
#define MAX_IMAGE_URL 8192

static void
check_to_text (const char *html,
               gssize      length,
               gsize       max_bytes)
{
  g_autofree char *text = shoebox_html_to_text (html, length, max_bytes);

  if (text == NULL)
    shoebox_fuzz_fail ("HTML text", "is NULL");
  shoebox_fuzz_check_text ("HTML text", text, max_bytes, TRUE);
}

/* The one-pass reader and the plain-text way must read whatever they
 * take as libxml2 does.
 */
static void
check_fast_agrees (const char *html,
                   gssize      length,
                   gsize       max_bytes)
{
  g_autofree char *fast = _shoebox_html_to_text_fast (html, length, max_bytes);
  g_autofree char *plain = _shoebox_html_to_text_plain (html, length, max_bytes);
  g_autofree char *tree = NULL;

  if (fast == NULL && plain == NULL)
    return;
  tree = _shoebox_html_to_text_tree (html, length, max_bytes);
  if (fast != NULL && strcmp (fast, tree) != 0)
    shoebox_fuzz_fail ("HTML text", "differs between the fast path and libxml2");
  if (plain != NULL && strcmp (plain, tree) != 0)
    shoebox_fuzz_fail ("HTML text", "differs between the plain-text way and libxml2");
}

static void
check_sanitize (const char *html,
                gssize      length,
                gsize       max_bytes)
{
  g_autofree char *line = shoebox_text_sanitize (html, length, max_bytes, TRUE);
  g_autofree char *text = shoebox_text_sanitize (html, length, max_bytes, FALSE);

  shoebox_fuzz_check_text ("sanitized line", line, max_bytes, TRUE);
  shoebox_fuzz_check_text ("sanitized text", text, max_bytes, FALSE);

  /* Control characters go, but tab and line breaks. */
  for (const char *p = text; *p != '\0'; p++)
    if (((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7F)
      shoebox_fuzz_fail ("sanitized text", "has a control character");
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *string = NULL;
  g_autofree char *image = NULL;
  const char *html;
  gsize length;
  gsize max_bytes;

  shoebox_fuzz_init ();

  if (size < 2)
    return 0;

  max_bytes = data[0] | (gsize) data[1] << 8;
  html = (const char *) data + 2;
  length = size - 2;

  check_to_text (html, (gssize) length, max_bytes);
  check_fast_agrees (html, (gssize) length, max_bytes);
  check_sanitize (html, (gssize) length, max_bytes);

  image = shoebox_html_dup_first_image (html, (gssize) length);
  shoebox_fuzz_check_text ("first image", image, MAX_IMAGE_URL, TRUE);

  string = shoebox_fuzz_dup_string (data + 2, length);
  check_to_text (string, -1, max_bytes);
  shoebox_html_looks_like_html (string);
  return 0;
}
