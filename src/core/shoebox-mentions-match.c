/* shoebox-mentions-match.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-mentions"

#include "config.h"

#include <string.h>

#include "shoebox-mentions-private.h"

/* Which pairs each news item names: the catalogue's names and the
 * wanted pairs' style codes as terms, matched against every item.
 */

/* A style code shorter than this, or without a digit, is too likely to be
 * an ordinary word.
 */
#define MIN_STYLE_CODE 5

/* The most pairs of one silhouette a story is tied to by the name alone. */
#define MAX_PAIRS_PER_NAME 20

typedef struct
{
  char   *words;         /* normalized, without the outer spaces */
  gint64  silhouette_id;
  gint64  pair_id;       /* a style code names one pair; 0 for a name */
  char   *brand;         /* normalized; the text must name it too, or NULL */
} Term;

typedef struct
{
  gsize  start;
  gsize  end;
  Term  *term;
} Match;

typedef struct
{
  gint64  id;
  gint64  silhouette_id;
} WantedPair;

static void
term_free (Term *term)
{
  g_free (term->words);
  g_free (term->brand);
  g_free (term);
}

/* A one-word name without a digit ("Runner", "Track") is an ordinary word
 * too: it counts only where the text also names the brand.
 */
gboolean
_shoebox_mentions_needs_brand (const char *words)
{
  for (const char *p = words; *p != '\0'; p++)
    if (*p == ' ' || g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
load_terms (ShoeboxDatabase  *database,
            GPtrArray        *terms,
            GHashTable       *wanted,
            GError          **error)
{
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gboolean ok, has_row;

  stmt = _shoebox_mentions_prepare (database, MENTIONS_SQL_SILHOUETTE_NAMES, error);
  if (stmt == NULL)
    return FALSE;
  while ((ok = shoebox_database_step_row (database, stmt, &has_row, error)) && has_row)
    {
      g_auto(GStrv) aliases = shoebox_mentions_dup_aliases (shoebox_statement_column_text (stmt, 1));
      g_autofree char *brand = _shoebox_mentions_normalize_words (shoebox_statement_column_text (stmt, 2));

      for (guint i = 0; aliases[i] != NULL; i++)
        {
          Term *term = g_new0 (Term, 1);

          term->words = g_strdup (aliases[i]);
          term->silhouette_id = shoebox_statement_column_int64 (stmt, 0);
          if (_shoebox_mentions_needs_brand (term->words) && brand[0] != '\0' && !g_str_equal (brand, term->words))
            term->brand = g_strdup (brand);
          g_ptr_array_add (terms, term);
        }
    }
  if (!ok)
    return FALSE;

  /* Owned pairs first: the badge names the first pair found. */
  stmt = _shoebox_mentions_prepare (database, MENTIONS_SQL_WANTED_PAIRS, error);
  if (stmt == NULL)
    return FALSE;
  while ((ok = shoebox_database_step_row (database, stmt, &has_row, error)) && has_row)
    {
      WantedPair *pair = g_new0 (WantedPair, 1);
      g_autofree char *code = _shoebox_mentions_normalize_words (shoebox_statement_column_text (stmt, 2));
      GPtrArray *of_silhouette;

      pair->id = shoebox_statement_column_int64 (stmt, 0);
      pair->silhouette_id = shoebox_statement_column_int64 (stmt, 1);

      of_silhouette = g_hash_table_lookup (wanted, &pair->silhouette_id);
      if (of_silhouette == NULL)
        {
          of_silhouette = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (wanted, &pair->silhouette_id, of_silhouette);
        }
      g_ptr_array_add (of_silhouette, pair);

      if (strlen (code) >= MIN_STYLE_CODE && strpbrk (code, "0123456789") != NULL)
        {
          Term *term = g_new0 (Term, 1);

          term->words = g_steal_pointer (&code);
          term->silhouette_id = pair->silhouette_id;
          term->pair_id = pair->id;
          g_ptr_array_add (terms, term);
        }
    }
  if (!ok)
    return FALSE;

  return TRUE;
}

static gboolean
contains_words (const char *normal,
                const char *words)
{
  g_autofree char *needle = g_strconcat (" ", words, " ", NULL);

  return strstr (normal, needle) != NULL;
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *ma = a;
  const Match *mb = b;
  gsize la = ma->end - ma->start;
  gsize lb = mb->end - mb->start;

  if (la != lb)
    return la > lb ? -1 : 1;
  /* A style code before a name of the same length: it is more precise. */
  if ((ma->term->pair_id != 0) != (mb->term->pair_id != 0))
    return ma->term->pair_id != 0 ? -1 : 1;
  return ma->start < mb->start ? -1 : ma->start > mb->start;
}

typedef struct
{
  gint64   pair_id;
  gboolean by_style_code;
} Found;

/* The terms by their first word: a text is read once, word by word, and
 * each word is checked only against the terms that start with it, so a
 * collection of 100,000 pairs with style codes costs no more per story
 * than a handful.
 */
static GHashTable *
index_terms (GPtrArray *terms)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < terms->len; i++)
    {
      Term *term = g_ptr_array_index (terms, i);
      const char *space = strchr (term->words, ' ');
      g_autofree char *first = space != NULL ? g_strndup (term->words, space - term->words) : g_strdup (term->words);
      GPtrArray *with_first = g_hash_table_lookup (index, first);

      if (with_first == NULL)
        {
          with_first = g_ptr_array_new ();
          g_hash_table_insert (index, g_steal_pointer (&first), with_first);
        }
      g_ptr_array_add (with_first, term);
    }

  return index;
}

static void
add_found (GArray   *found,
           gint64    pair_id,
           gboolean  by_style_code)
{
  Found f = { pair_id, by_style_code };

  for (guint k = 0; k < found->len; k++)
    if (g_array_index (found, Found, k).pair_id == pair_id)
      return;
  g_array_append_val (found, f);
}

/* Adds to @found the pairs @normal mentions, style codes first. */
static void
match_text (const char *normal,
            GHashTable *index,
            GHashTable *wanted,
            GArray     *found)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (Match));
  g_autoptr(GString) word = g_string_new (NULL);

  /* Only a wanted pair's silhouette can end in a mention, but every name
   * takes part so that a longer one hides the shorter ones it contains.
   */
  for (const char *at = normal + 1; *at != '\0'; )
    {
      const char *end = strchr (at, ' ');
      GPtrArray *candidates;

      if (end == NULL)
        break;
      g_string_truncate (word, 0);
      g_string_append_len (word, at, end - at);
      candidates = g_hash_table_lookup (index, word->str);
      for (guint i = 0; candidates != NULL && i < candidates->len; i++)
        {
          Term *term = g_ptr_array_index (candidates, i);
          gsize length = strlen (term->words);

          if (strncmp (at, term->words, length) == 0 && at[length] == ' ')
            {
              Match match = { at - normal, at - normal + length, term };

              g_array_append_val (matches, match);
            }
        }
      at = end + 1;
    }

  g_array_sort (matches, compare_matches);
  for (guint i = 0; i < matches->len; i++)
    {
      Match *match = &g_array_index (matches, Match, i);
      gboolean overlaps = FALSE;

      for (guint j = 0; j < chosen->len && !overlaps; j++)
        {
          Match *other = &g_array_index (chosen, Match, j);

          overlaps = match->start < other->end && other->start < match->end;
        }
      if (!overlaps)
        g_array_append_val (chosen, *match);
    }

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < chosen->len; i++)
      {
        Match *match = &g_array_index (chosen, Match, i);
        GPtrArray *pairs;

        if ((pass == 0) != (match->term->pair_id != 0))
          continue;
        if (match->term->pair_id != 0)
          {
            add_found (found, match->term->pair_id, TRUE);
            continue;
          }
        if (match->term->brand != NULL && !contains_words (normal, match->term->brand))
          continue;

        /* A name stands for every pair of the silhouette, but a story is
         * tied to a few at most: the badge names the first, and a
         * collection with hundreds of the same shoe would otherwise
         * store hundreds of rows per story.
         */
        pairs = g_hash_table_lookup (wanted, &match->term->silhouette_id);
        for (guint j = 0; pairs != NULL && j < MIN (pairs->len, MAX_PAIRS_PER_NAME); j++)
          add_found (found, ((WantedPair *) g_ptr_array_index (pairs, j))->id, FALSE);
      }
}

/* The expensive part, with 100,000 pairs: reading the catalogue and the
 * wanted pairs, and matching every item against them. It runs outside
 * the write transaction, so the write lock is held only while the rows
 * are stored, not for the whole scan.
 */
gboolean
_shoebox_mentions_find (ShoeboxDatabase  *database,
                        Scan             *scan,
                        GError          **error)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gboolean ok, has_row;

  /* No story, nothing to find: neither the catalogue nor 100,000 pairs
   * need reading.
   */
  stmt = _shoebox_mentions_prepare (database, MENTIONS_SQL_VISIBLE_ITEMS, error);
  if (stmt == NULL || !shoebox_database_step_row (database, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return TRUE;

  if (!load_terms (database, terms, wanted, error))
    return FALSE;
  index = index_terms (terms);

  if (g_hash_table_size (wanted) == 0)
    return TRUE;

  for (ok = TRUE; ok && has_row; ok = shoebox_database_step_row (database, stmt, &has_row, error))
    {
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
      GString *normal = g_string_new (" ");

      _shoebox_mentions_append_normal (normal, shoebox_statement_column_text (stmt, 1));
      if (normal->str[normal->len - 1] != ' ')
        g_string_append_c (normal, ' ');
      _shoebox_mentions_append_normal (normal, shoebox_statement_column_text (stmt, 2));
      if (normal->str[normal->len - 1] != ' ')
        g_string_append_c (normal, ' ');

      match_text (normal->str, index, wanted, found);
      g_string_free (normal, TRUE);

      for (guint i = 0; i < found->len; i++)
        {
          Found *f = &g_array_index (found, Found, i);
          gint64 row[4] = { shoebox_statement_column_int64 (stmt, 0), f->pair_id, f->by_style_code,
                            shoebox_statement_column_int (stmt, 3) };

          g_array_append_vals (scan->rows, row, 1);
        }
    }
  if (!ok)
    return FALSE;

  return TRUE;
}
