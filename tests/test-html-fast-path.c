/* test-html-fast-path.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "shoebox-feed-parser.h"
#include "shoebox-html-text.h"
#include "shoebox-feed-parser-private.h"
#include "shoebox-html-text-private.h"

#include <libxml/parser.h>

/* The one-pass summary reader (shoebox-html-text-fast.c) against
 * libxml2's HTML parser, over tens of thousands of texts. A test of its
 * own, outside the core suite: under the sanitizers' slow unwinder its
 * hundreds of thousands of libxml2 allocations would take many minutes,
 * and there the html-text fuzz harness makes the same comparison.
 */

/* The one-pass reader and libxml2's tree must give the same text whenever
 * the reader takes an input at all. Returns whether it took it.
 */
static gboolean
check_fast_agrees (const char *html,
                   gssize      length,
                   gsize       max_bytes)
{
  g_autofree char *fast = _shoebox_html_to_text_fast (html, length, max_bytes);
  g_autofree char *tree = NULL;

  if (fast == NULL)
    return FALSE;

  tree = _shoebox_html_to_text_tree (html, length, max_bytes);
  if (g_strcmp0 (fast, tree) != 0)
    g_error ("The fast path reads %s\n  as \"%s\",\n  libxml2 as \"%s\"", html, fast, tree);
  return TRUE;
}

/* The plain-text way (no HTML parser) must give libxml2's text, with
 * every libxml2, whenever it takes an input. Returns whether it took it.
 */
static gboolean
check_plain_agrees (const char *html,
                    gssize      length,
                    gsize       max_bytes)
{
  g_autofree char *plain = _shoebox_html_to_text_plain (html, length, max_bytes);
  g_autofree char *tree = NULL;

  if (plain == NULL)
    return FALSE;

  tree = _shoebox_html_to_text_tree (html, length, max_bytes);
  if (g_strcmp0 (plain, tree) != 0)
    g_error ("The plain-text way reads %s\n  as \"%s\",\n  libxml2 as \"%s\"", html, plain, tree);
  return TRUE;
}

/* Inputs chosen to meet the quirks of libxml2's HTML parsers: implied
 * paragraphs and dropped white space outside elements (2.9), text and
 * white space kept in the body and Windows-1252 references (the HTML 5
 * parser of 2.14), start tags that close open ones, stray end tags,
 * references at the edges of what is allowed.
 */
static const char * const tricky_html[] = {
  "plain text", "  lead and trail  ", "<b>x</b>y", "<b>x</b> <b>y</b>", "x<b>y</b>z",
  "<b>x</b> &amp; y", "<p>a</p><p>b</p>", "a<p>b</p>c", "<div>a<p>b</p>c</div>",
  "<p>a<div>b</div>c</p>", "<b>x<p>y</p>z</b>", "a</p>b", "<b>a</div>b</b>", "<i>a</b>b</i>",
  "<ul><li>a<li>b</ul>", "<ul><li>a</li><li>b</li></ul>c", "<ol><ul><li>x</li></ul></ol>",
  "<li>x</li>y", "<ul>x<li>y</li></ul>", "<blockquote><p>q</p></blockquote>r",
  "a<br>b", "a<br/>b", "a<br />b", "<br>a", "<img src=x>a", "a<img src=\"x.png\" alt='y'>b",
  "<img src=x/>a", "<b/>a", "<a href=x title=\"y\">l</a>", "<a href=\"x\"title=\"y\">l</a>",
  "<a href=x\"y>l</a>", "<a href='a>b'>l</a>", "<a><a>x</a></a>", "<b><i>x</i></b>y",
  "&#8217;", "&#x2019;", "&#X2019;", "&#0;", "&#65", "&#;", "&#x;", "&#1114111;", "&#1114112;",
  "&#55296;", "&#150;", "&#xFFFE;", "&#9;x", "&amp", "&AMP;", "&nbsp;&nbsp;x", "&apos;",
  "&unknown;", "&; x", "a & b", "a < b", "a > b", "<!-- c -->x", "<![CDATA[x]]>", "<?pi?>x",
  "<script>x</script>y", "<style>x</style>y", "x\ry\r\nz", "x\ty", "x\x01y", "x\x7Fy",
  "x\xC2\x85y", "x\xEF\xBB\xBFy", "\xEF\xBB\xBFx", "x\xC2\xA0y", "<p>\xE2\x80\x83</p>x",
  "<B>Up</B>per", "<P>a<P>b", "<h1>t</h1>x", "<h2>a<p>b</p></h2>", "<span>a</span><span>b</span>",
  "<p>a</p>\n<p>b</p>", "<div>\n  <p>a</p>\n</div>b", "<em>a</em>\n<strong>b</strong>",
  "<sup>1</sup>&#8260;<sub>2</sub>", "<p >a</p >", "<p\n>a</p\n>", "<p class=\"x\" >a</p>",
  "</b>x", "<b>x</b></b>y", "<b>x", "<div><div><div>x</div></div></div>y",
  "&#128;", "&#159;x", "&#x80;", "&#160;", " <b>x</b>", "<p>a</p> b", "a <p>b</p> <p>c</p> d",
  /* Found by the html-text fuzzer: content after a closed top-level block. */
  "<p>xe</p><b>w</b>", "<p>a</p><img src=x><b>b</b>", "<p>a</p>b<b>c</b>", "<div>a</div><span>b</span>",
};

static void
test_html_fast_tricky (void)
{
  guint taken = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tricky_html); i++)
    for (gsize cap = 0; cap <= 16; cap += 4)
      {
        taken += check_fast_agrees (tricky_html[i], -1, cap == 16 ? 1024 : cap);
        check_plain_agrees (tricky_html[i], -1, cap == 16 ? 1024 : cap);
      }

  /* The reader must take a good share, or the test would prove nothing. */
  g_assert_cmpuint (taken, >, G_N_ELEMENTS (tricky_html));
}

/* Text without markup, as many summaries are: white space of every kind
 * at the ends and inside, non-ASCII letters and spaces, noncharacters,
 * a lone '>' or ']', and the characters the plain-text way turns away
 * (which must never make it differ, only decline).
 */
static const char * const plain_texts[] = {
  "plain text", "  lead and trail  ", "\n\tindented\n", " ", "\n", "", "a  b\t\tc\n\nd",
  "caf\xC3\xA9", "x\xC2\xA0y", "\xC2\xA0x\xC2\xA0", "\xE2\x80\x83" "em space\xE2\x80\x83",
  "\xE3\x80\x80ideographic", "a > b", "a]]>b", "]", "x\xEF\xB7\x90y", "x\xF0\x9F\x91\x9F",
  "x\xF4\x8F\xBF\xBFy", "\"quoted\" 'text'", "x\ry", "x\r\ny", "x\x01y", "x\x7Fy", "x\x0Cy",
  "x\xC2\x85y", "\xEF\xBB\xBFx", "x\xEF\xBF\xBEy", "a & b", "a < b", "x\xFFy", "x\xC3",
};

static void
test_html_plain_texts (void)
{
  guint taken = 0;

  for (guint i = 0; i < G_N_ELEMENTS (plain_texts); i++)
    for (gsize cap = 0; cap <= 16; cap += 4)
      taken += check_plain_agrees (plain_texts[i], -1, cap == 16 ? 1024 : cap);

  g_assert_cmpuint (taken, >, G_N_ELEMENTS (plain_texts));
}

/* Random plain text of words, white space and the pieces above, long
 * enough to cross libxml2's buffers (it hands text over in chunks of
 * about a thousand bytes, and judges white space chunk by chunk).
 */
static void
test_html_plain_random (void)
{
  static const char * const pieces[] = {
    "x", "word", "Air Max", " ", "  ", "\n", "\t", " \n ", "\xC3\xA9", "\xC2\xA0",
    "\xE2\x80\x83", "\xE2\x80\x99", ">", "]", "\"", "'", ";", "#", "\xF0\x9F\x91\x9F",
    "\xEF\xB7\x90",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  g_autoptr(GString) text = g_string_new (NULL);
  guint taken = 0;
  guint n_cases = 10000;

  for (guint i = 0; i < n_cases; i++)
    {
      guint n = (guint) g_rand_int_range (rand, 1, i % 10 == 0 ? 1200 : 24);

      g_string_truncate (text, 0);
      for (guint j = 0; j < n; j++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      taken += check_plain_agrees (text->str, (gssize) text->len,
                                   i % 3 == 0 ? 8 : i % 3 == 1 ? 8192 : 0);
    }

  g_assert_cmpuint (taken, >, n_cases / 2);
}

/* Random sequences of the pieces summaries are made of, so that the
 * combinations nobody thought of get tried too.
 */
static void
test_html_fast_random (void)
{
  static const char * const pieces[] = {
    "<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<i>", "</i>", "<a href=\"u\">", "</a>",
    "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>", "<br>", "<br/>", "<img src=x>", "<span>",
    "</span>", "<blockquote>", "</blockquote>", "<h3>", "</h3>", "<em>", "</em>", "<strong>",
    "</strong>", "<sup>", "</sup>", "<u>", "</u>", "x", "word", " ", "  ", "\n", "\t", "&amp;",
    "&#8217;", "&nbsp;", "&quot;", "\xC3\xA9", "\xC2\xA0", "<small>", "</small>", "<code>",
    "</code>", "<h1>", "</h1>", "<cite>", "</cite>", "<del>", "</del>", "<ins>", "</ins>",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  g_autoptr(GString) html = g_string_new (NULL);
  guint taken = 0;
  guint n_cases = 20000;

  for (guint i = 0; i < n_cases; i++)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 14);

      g_string_truncate (html, 0);
      for (guint j = 0; j < n; j++)
        g_string_append (html, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      taken += check_fast_agrees (html->str, (gssize) html->len, i % 3 == 0 ? 8 : 1024);
      check_plain_agrees (html->str, (gssize) html->len, i % 3 == 0 ? 8 : 1024);
    }

  g_assert_cmpuint (taken, >, n_cases / 20);
}

static void
check_fast_in_tree (xmlNode *node,
                    guint   *n_texts,
                    guint   *taken,
                    guint   *taken_plain)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE)
        {
          xmlChar *content = xmlNodeGetContent (node);

          if (content != NULL)
            {
              (*n_texts)++;
              *taken += check_fast_agrees ((const char *) content, -1, SHOEBOX_FEED_MAX_SUMMARY);
              check_fast_agrees ((const char *) content, -1, SHOEBOX_FEED_MAX_TITLE);
              check_fast_agrees ((const char *) content, -1, 0);
              *taken_plain += check_plain_agrees ((const char *) content, -1, SHOEBOX_FEED_MAX_SUMMARY);
              check_plain_agrees ((const char *) content, -1, SHOEBOX_FEED_MAX_TITLE);
              check_plain_agrees ((const char *) content, -1, 0);
            }
          xmlFree (content);
          check_fast_in_tree (node->children, n_texts, taken, taken_plain);
        }
    }
}

static void
check_fast_in_directory (const char *path,
                         guint      *n_texts,
                         guint      *taken,
                         guint      *taken_plain)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *data = NULL;
      gsize size;
      xmlDoc *doc;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          check_fast_in_directory (child, n_texts, taken, taken_plain);
          continue;
        }
      if (!g_file_get_contents (child, &data, &size, NULL) || size > G_MAXINT)
        continue;

      doc = xmlReadMemory (data, (int) size, child, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_RECOVER);
      if (doc == NULL)
        continue;
      check_fast_in_tree (xmlDocGetRootElement (doc), n_texts, taken, taken_plain);
      xmlFreeDoc (doc);
    }
}

/* Every element's text in every feed of the shared corpus: the summaries,
 * titles and contents the parser meets, and more. The corpus is read in
 * place from ../shared, as the corpus test does.
 */
static void
test_html_fast_corpus (void)
{
  const char *source_dir = g_getenv ("SHOEBOX_SOURCE_DIR");
  g_autofree char *corpus = NULL;
  guint n_texts = 0;
  guint taken = 0;
  guint taken_plain = 0;

  if (g_getenv ("SHOEBOX_FEED_CORPUS") != NULL)
    corpus = g_strdup (g_getenv ("SHOEBOX_FEED_CORPUS"));
  else if (source_dir != NULL)
    corpus = g_build_filename (source_dir, "..", "shared", "corpus", "feeds", NULL);

  if (corpus == NULL || !g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("The feed corpus is not in ../shared (or SHOEBOX_FEED_CORPUS)");
      return;
    }

  check_fast_in_directory (corpus, &n_texts, &taken, &taken_plain);
  g_test_message ("%u of %u texts read by the fast path, %u as plain text", taken, n_texts, taken_plain);
  g_assert_cmpuint (n_texts, >, 1000);
  g_assert_cmpuint (taken_plain, >, n_texts / 4);
  g_assert_cmpuint (taken, >, n_texts / 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html-fast-path/tricky", test_html_fast_tricky);
  g_test_add_func ("/html-fast-path/random", test_html_fast_random);
  g_test_add_func ("/html-fast-path/plain-texts", test_html_plain_texts);
  g_test_add_func ("/html-fast-path/plain-random", test_html_plain_random);
  g_test_add_func ("/html-fast-path/corpus", test_html_fast_corpus);

  return g_test_run ();
}
