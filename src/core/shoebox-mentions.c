/* shoebox-mentions.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-mentions"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shoebox-database-worker.h"
#include "shoebox-mentions.h"

/* Which news items name a silhouette the user owns or wants.
 *
 * Text is compared in a normal form: case-folded, every run of characters
 * that are neither letters nor digits turned into one space (a dot between
 * two digits stays, for "2.0"), with a space at both ends. A name then
 * matches on word boundaries when " name " is found in " text ". Every
 * catalogue silhouette takes part, not only the wanted ones, and the
 * longest name wins where two overlap: "Track 2.0" is not a mention of the
 * Track, nor "Race Runner" of the Runner. The results are kept in the
 * news_mentions table, so the Mentions filter and the badges need no
 * matching, and so a mention is announced once.
 */

struct _ShoeboxMentions
{
  GObject          parent_instance;

  ShoeboxDatabase *database;
  GHashTable      *labels;   /* item id (gint64 *) -> pair label */
};

G_DEFINE_FINAL_TYPE (ShoeboxMentions, shoebox_mentions, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (ShoeboxMention, shoebox_mention, shoebox_mention_copy, shoebox_mention_free)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Abbreviations collectors write before a model number: "AM97". */
static const struct
{
  const char *words;
  const char *short_form;
} abbreviations[] = {
  { "air max", "am" },
  { "air force", "af" },
  { "air jordan", "aj" },
};

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
  char   *label;
} WantedPair;

static void
term_free (Term *term)
{
  g_free (term->words);
  g_free (term->brand);
  g_free (term);
}

static void
wanted_pair_free (WantedPair *pair)
{
  g_free (pair->label);
  g_free (pair);
}

static void
set_sqlite_error (ShoeboxDatabase  *database,
                  GError          **error)
{
  sqlite3 *handle = shoebox_database_get_handle (database);

  g_set_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_FAILED,
               _("The news mentions could not be read or saved: %s"), sqlite3_errmsg (handle));
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

static void
append_normal (GString    *out,
               const char *text)
{
  g_autofree char *composed = NULL;
  g_autofree char *folded = NULL;
  gunichar previous = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return;

  composed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (composed == NULL)
    return;
  folded = g_utf8_casefold (composed, -1);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar next = g_utf8_get_char (g_utf8_next_char (p));

      if (is_word_char (c))
        g_string_append_unichar (out, c);
      else if (c == '.' && g_unichar_isdigit (previous) && g_unichar_isdigit (next))
        g_string_append_c (out, '.');
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
      previous = c;
    }
}

/**
 * shoebox_mentions_normalize:
 * @text: (nullable): any text
 *
 * Returns: (transfer full): @text in the form names are compared in:
 *   case-folded words separated by single spaces, with a space at both
 *   ends; a dot stays only between two digits
 */
char *
shoebox_mentions_normalize (const char *text)
{
  GString *out = g_string_new (" ");

  append_normal (out, text);
  if (out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');

  return g_string_free (out, FALSE);
}

/* "track 2.0" -> "track 2.0"; without the outer spaces. */
static char *
normalize_words (const char *text)
{
  g_autofree char *normal = shoebox_mentions_normalize (text);

  return g_strstrip (g_strdup (normal));
}

static void
add_alias (GPtrArray  *aliases,
           const char *alias)
{
  if (alias[0] == '\0')
    return;
  for (guint i = 0; i < aliases->len; i++)
    if (g_str_equal (g_ptr_array_index (aliases, i), alias))
      return;
  g_ptr_array_add (aliases, g_strdup (alias));
}

/**
 * shoebox_mentions_dup_aliases:
 * @silhouette_name: a catalogue name, such as "Track 2.0"
 *
 * The name in normal form and the other ways news write it: "Track 2.0"
 * is also "Track 2", "Air Max 97" also "AM97", "Gel-1090" also "Gel1090".
 *
 * Returns: (transfer full): the normalized names, the name itself first
 */
char **
shoebox_mentions_dup_aliases (const char *silhouette_name)
{
  g_autoptr(GPtrArray) aliases = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = normalize_words (silhouette_name);
  guint n;

  add_alias (aliases, name);

  /* "track 2.0" -> "track 2" */
  if (g_str_has_suffix (name, ".0"))
    {
      g_autofree char *shorter = g_strndup (name, strlen (name) - 2);

      add_alias (aliases, shorter);
    }

  /* "air max 97" -> "am97", "am 97" */
  n = aliases->len;
  for (guint i = 0; i < n; i++)
    {
      const char *alias = g_ptr_array_index (aliases, i);

      for (guint j = 0; j < G_N_ELEMENTS (abbreviations); j++)
        {
          gsize len = strlen (abbreviations[j].words);

          if (strncmp (alias, abbreviations[j].words, len) == 0 && alias[len] == ' '
              && g_ascii_isdigit (alias[len + 1]))
            {
              g_autofree char *joined = g_strconcat (abbreviations[j].short_form, alias + len + 1, NULL);
              g_autofree char *spaced = g_strconcat (abbreviations[j].short_form, alias + len, NULL);

              g_ptr_array_add (aliases, g_steal_pointer (&joined));
              add_alias (aliases, spaced);
            }
        }
    }

  /* A model number glued to the word before it: "gel 1090" -> "gel1090",
   * "track 2" -> "track2".
   */
  n = aliases->len;
  for (guint i = 0; i < n; i++)
    {
      const char *alias = g_ptr_array_index (aliases, i);
      const char *space = strrchr (alias, ' ');

      if (space != NULL && space > alias && g_ascii_isalpha (space[-1]) && g_ascii_isdigit (space[1]))
        {
          g_autofree char *glued = g_strdup_printf ("%.*s%s", (int) (space - alias), alias, space + 1);

          add_alias (aliases, glued);
        }
    }

  g_ptr_array_add (aliases, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&aliases), FALSE);
}

/* A one-word name without a digit ("Runner", "Track") is an ordinary word
 * too: it counts only where the text also names the brand.
 */
static gboolean
needs_brand (const char *words)
{
  for (const char *p = words; *p != '\0'; p++)
    if (*p == ' ' || g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static char *
dup_pair_label (const char *brand,
                const char *silhouette,
                const char *colorway)
{
  if (colorway != NULL && colorway[0] != '\0')
    /* Translators: a pair on a news badge: brand, silhouette and colorway */
    return g_strdup_printf (_("%s %s “%s”"), brand, silhouette, colorway);
  /* Translators: a pair on a news badge: brand and silhouette */
  return g_strdup_printf (_("%s %s"), brand, silhouette);
}

static gboolean
load_terms (ShoeboxDatabase  *database,
            GPtrArray        *terms,
            GHashTable       *wanted,
            GError          **error)
{
  sqlite3_stmt *stmt;
  int result;

  stmt = shoebox_database_prepare (database,
                                   "SELECT s.id, s.name, b.name FROM silhouettes s"
                                   " JOIN brands b ON b.id = s.brand_id",
                                   error);
  if (stmt == NULL)
    return FALSE;
  while ((result = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_auto(GStrv) aliases = shoebox_mentions_dup_aliases (column_text (stmt, 1));
      g_autofree char *brand = normalize_words (column_text (stmt, 2));

      for (guint i = 0; aliases[i] != NULL; i++)
        {
          Term *term = g_new0 (Term, 1);

          term->words = g_strdup (aliases[i]);
          term->silhouette_id = sqlite3_column_int64 (stmt, 0);
          if (needs_brand (term->words) && brand[0] != '\0' && !g_str_equal (brand, term->words))
            term->brand = g_strdup (brand);
          g_ptr_array_add (terms, term);
        }
    }
  sqlite3_reset (stmt);
  if (result != SQLITE_DONE)
    {
      set_sqlite_error (database, error);
      return FALSE;
    }

  /* Owned pairs first: the badge names the first pair found. */
  stmt = shoebox_database_prepare (database,
                                   "SELECT p.id, p.silhouette_id, p.style_code, b.name, s.name, p.colorway"
                                   " FROM pairs p JOIN silhouettes s ON s.id = p.silhouette_id"
                                   " JOIN brands b ON b.id = s.brand_id"
                                   " WHERE p.status IN ('Owned', 'Wishlist')"
                                   " ORDER BY p.status = 'Owned' DESC, p.id",
                                   error);
  if (stmt == NULL)
    return FALSE;
  while ((result = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WantedPair *pair = g_new0 (WantedPair, 1);
      g_autofree char *code = normalize_words (column_text (stmt, 2));
      GPtrArray *of_silhouette;

      pair->id = sqlite3_column_int64 (stmt, 0);
      pair->silhouette_id = sqlite3_column_int64 (stmt, 1);
      pair->label = dup_pair_label (column_text (stmt, 3), column_text (stmt, 4), column_text (stmt, 5));

      of_silhouette = g_hash_table_lookup (wanted, &pair->silhouette_id);
      if (of_silhouette == NULL)
        {
          of_silhouette = g_ptr_array_new_with_free_func ((GDestroyNotify) wanted_pair_free);
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
  sqlite3_reset (stmt);
  if (result != SQLITE_DONE)
    {
      set_sqlite_error (database, error);
      return FALSE;
    }

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

static char *
dup_key (gint64 item_id,
         gint64 pair_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, item_id, pair_id);
}

/* One scan's state: the matches the reading found, then what storing
 * them changed.
 */
typedef struct
{
  gboolean  notify_new;
  GArray   *rows;  /* item id, pair id, by style code, read: 4 × gint64 each */
  guint     n_new;
} Scan;

static void
scan_free (Scan *scan)
{
  g_clear_pointer (&scan->rows, g_array_unref);
  g_free (scan);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Scan, scan_free)

static Scan *
scan_new (gboolean notify_new)
{
  Scan *scan = g_new0 (Scan, 1);

  scan->notify_new = notify_new;
  scan->rows = g_array_new (FALSE, FALSE, sizeof (gint64) * 4);
  return scan;
}

/* The expensive part, with 100,000 pairs: reading the catalogue and the
 * wanted pairs, and matching every item against them. It runs outside
 * the write transaction, so the write lock is held only while the rows
 * are stored, not for the whole scan.
 */
static gboolean
find_mentions (ShoeboxDatabase  *database,
               Scan             *scan,
               GError          **error)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) index = NULL;
  sqlite3_stmt *stmt;
  int result;

  if (!load_terms (database, terms, wanted, error))
    return FALSE;
  index = index_terms (terms);

  if (g_hash_table_size (wanted) == 0)
    return TRUE;

  stmt = shoebox_database_prepare (database,
                                   "SELECT id, title, summary, read FROM news_items WHERE hidden = 0",
                                   error);
  if (stmt == NULL)
    return FALSE;
  while ((result = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
      GString *normal = g_string_new (" ");

      append_normal (normal, column_text (stmt, 1));
      if (normal->str[normal->len - 1] != ' ')
        g_string_append_c (normal, ' ');
      append_normal (normal, column_text (stmt, 2));
      if (normal->str[normal->len - 1] != ' ')
        g_string_append_c (normal, ' ');

      match_text (normal->str, index, wanted, found);
      g_string_free (normal, TRUE);

      for (guint i = 0; i < found->len; i++)
        {
          Found *f = &g_array_index (found, Found, i);
          gint64 row[4] = { sqlite3_column_int64 (stmt, 0), f->pair_id, f->by_style_code,
                            sqlite3_column_int (stmt, 3) };

          g_array_append_vals (scan->rows, row, 1);
        }
    }
  sqlite3_reset (stmt);
  if (result != SQLITE_DONE)
    {
      set_sqlite_error (database, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
store_mentions_in_transaction (ShoeboxDatabase  *database,
                               gpointer          user_data,
                               GError          **error)
{
  Scan *scan = user_data;
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int result;

  scan->n_new = 0;

  stmt = shoebox_database_prepare (database, "SELECT item_id, pair_id FROM news_mentions", error);
  if (stmt == NULL)
    return FALSE;
  while ((result = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 ids[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_hash_table_insert (existing, dup_key (ids[0], ids[1]), g_memdup2 (ids, sizeof ids));
    }
  sqlite3_reset (stmt);
  if (result != SQLITE_DONE)
    {
      set_sqlite_error (database, error);
      return FALSE;
    }

  for (guint i = 0; i < scan->rows->len; i++)
    {
      gint64 *row = &g_array_index (scan->rows, gint64, i * 4);
      char *key = dup_key (row[0], row[1]);
      gboolean is_new = !g_hash_table_contains (existing, key);

      g_hash_table_add (kept, key);

      /* A mention found again keeps its notified flag: it is announced
       * once, and only when it came with new items (not when a pair was
       * added to the collection), and never once the item is read. An
       * item or pair deleted since find_mentions() read it is skipped;
       * its deletion asks for another scan anyway.
       */
      stmt = shoebox_database_prepare (database,
                                       "INSERT INTO news_mentions (item_id, pair_id, by_style_code, notified)"
                                       " SELECT ?1, ?2, ?3, ?4"
                                       " WHERE EXISTS (SELECT 1 FROM news_items WHERE id = ?1)"
                                       " AND EXISTS (SELECT 1 FROM pairs WHERE id = ?2)"
                                       " ON CONFLICT (item_id, pair_id) DO UPDATE SET by_style_code = ?3",
                                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row[0]);
      sqlite3_bind_int64 (stmt, 2, row[1]);
      sqlite3_bind_int (stmt, 3, row[2] != 0);
      sqlite3_bind_int (stmt, 4, !(scan->notify_new && row[3] == 0));
      result = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (result != SQLITE_DONE)
        {
          set_sqlite_error (database, error);
          return FALSE;
        }
      if (is_new && sqlite3_changes (shoebox_database_get_handle (database)) > 0)
        scan->n_new++;
    }

  /* What is no longer mentioned (a pair sold, a title edited) goes. */
  {
    GHashTableIter iter;
    const char *key;
    const gint64 *ids;

    g_hash_table_iter_init (&iter, existing);
    while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &ids))
      {
        if (g_hash_table_contains (kept, key))
          continue;

        stmt = shoebox_database_prepare (database,
                                         "DELETE FROM news_mentions WHERE item_id = ?1 AND pair_id = ?2",
                                         error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, ids[0]);
        sqlite3_bind_int64 (stmt, 2, ids[1]);
        result = sqlite3_step (stmt);
        sqlite3_reset (stmt);
        if (result != SQLITE_DONE)
          {
            set_sqlite_error (database, error);
            return FALSE;
          }
      }
  }

  return TRUE;
}

/* Both halves of a scan, on whichever connection the thread owns. */
static gboolean
run_scan (ShoeboxDatabase  *database,
          Scan             *scan,
          GError          **error)
{
  return find_mentions (database, scan, error)
         && shoebox_database_write (database, store_mentions_in_transaction, scan, error);
}

static gboolean
reload_labels (ShoeboxMentions  *self,
               GError          **error)
{
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int result;

  stmt = shoebox_database_prepare (self->database,
                                   "SELECT m.item_id, b.name, s.name, p.colorway FROM news_mentions m"
                                   " JOIN pairs p ON p.id = m.pair_id"
                                   " JOIN silhouettes s ON s.id = p.silhouette_id"
                                   " JOIN brands b ON b.id = s.brand_id"
                                   " ORDER BY m.item_id, m.by_style_code DESC, p.status = 'Owned' DESC, p.id",
                                   error);
  if (stmt == NULL)
    return FALSE;
  while ((result = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 item_id = sqlite3_column_int64 (stmt, 0);

      if (g_hash_table_contains (labels, &item_id))
        continue;
      g_hash_table_insert (labels, g_memdup2 (&item_id, sizeof item_id),
                           dup_pair_label (column_text (stmt, 1), column_text (stmt, 2), column_text (stmt, 3)));
    }
  sqlite3_reset (stmt);
  if (result != SQLITE_DONE)
    {
      set_sqlite_error (self->database, error);
      return FALSE;
    }

  g_clear_pointer (&self->labels, g_hash_table_unref);
  self->labels = g_steal_pointer (&labels);
  return TRUE;
}

static void
shoebox_mentions_finalize (GObject *object)
{
  ShoeboxMentions *self = SHOEBOX_MENTIONS (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->labels, g_hash_table_unref);

  G_OBJECT_CLASS (shoebox_mentions_parent_class)->finalize (object);
}

static void
shoebox_mentions_class_init (ShoeboxMentionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shoebox_mentions_finalize;

  /**
   * ShoeboxMentions::changed:
   *
   * Emitted after a scan: badges and the Mentions filter look again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
shoebox_mentions_init (ShoeboxMentions *self)
{
  self->labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

ShoeboxMention *
shoebox_mention_copy (const ShoeboxMention *mention)
{
  ShoeboxMention *copy = g_new0 (ShoeboxMention, 1);

  copy->item_id = mention->item_id;
  copy->pair_id = mention->pair_id;
  copy->item_title = g_strdup (mention->item_title);
  copy->pair_label = g_strdup (mention->pair_label);
  return copy;
}

void
shoebox_mention_free (ShoeboxMention *mention)
{
  if (mention == NULL)
    return;
  g_free (mention->item_title);
  g_free (mention->pair_label);
  g_free (mention);
}

/**
 * shoebox_mentions_new:
 * @database: an open database
 *
 * The mentions already stored are known at once; call
 * shoebox_mentions_scan() after new items arrive or the collection
 * changes.
 *
 * Returns: (transfer full): a new #ShoeboxMentions
 */
ShoeboxMentions *
shoebox_mentions_new (ShoeboxDatabase *database)
{
  ShoeboxMentions *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SHOEBOX_IS_DATABASE (database), NULL);

  self = g_object_new (SHOEBOX_TYPE_MENTIONS, NULL);
  self->database = g_object_ref (database);
  if (!reload_labels (self, &error))
    g_debug ("No mentions yet: %s", error->message);

  return self;
}

/**
 * shoebox_mentions_scan:
 * @self: a #ShoeboxMentions
 * @notify_new: whether mentions found for the first time, in unread
 *   items, are to be announced (see shoebox_mentions_take_unnotified())
 * @n_new: (out) (optional): how many mentions were found for the first time
 * @error: return location for a #GError
 *
 * Matches every item against the catalogue and the pairs the user owns or
 * wants, and stores the result in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_mentions_scan (ShoeboxMentions  *self,
                       gboolean          notify_new,
                       guint            *n_new,
                       GError          **error)
{
  g_autoptr(Scan) scan = NULL;

  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), FALSE);

  scan = scan_new (notify_new);
  if (!run_scan (self->database, scan, error))
    return FALSE;
  if (!reload_labels (self, error))
    return FALSE;

  if (n_new != NULL)
    *n_new = scan->n_new;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
scan_thread (GTask           *task,
             ShoeboxDatabase *connection,
             gpointer         job_data,
             GCancellable    *cancellable)
{
  Scan *scan = job_data;
  GError *error = NULL;

  if (run_scan (connection, scan, &error))
    g_task_return_int (task, scan->n_new);
  else
    g_task_return_error (task, error);
}

static void
scanned_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  ShoeboxMentions *self = SHOEBOX_MENTIONS (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gssize n_new;

  /* A cancelled scan (Shoebox shutting down) touches nothing more: the
   * main connection may be closed already.
   */
  n_new = g_task_propagate_int (G_TASK (result), &error);
  if (n_new < 0 || !reload_labels (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
  g_task_return_int (task, n_new);
}

/**
 * shoebox_mentions_scan_async:
 * @self: a #ShoeboxMentions
 * @notify_new: as for shoebox_mentions_scan()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Does what shoebox_mentions_scan() does, reading and matching in a
 * worker thread on a connection of its own (166 ms with 100,000 pairs).
 * The labels are read again and #ShoeboxMentions::changed is emitted in
 * the calling thread, before @callback runs.
 */
void
shoebox_mentions_scan_async (ShoeboxMentions     *self,
                             gboolean             notify_new,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) scan = NULL;

  g_return_if_fail (SHOEBOX_IS_MENTIONS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_mentions_scan_async);

  scan = g_task_new (self, cancellable, scanned_cb, g_steal_pointer (&task));
  shoebox_database_run_in_thread (self->database, scan, scan_thread,
                                  scan_new (notify_new), (GDestroyNotify) scan_free);
}

/**
 * shoebox_mentions_scan_finish:
 * @self: a #ShoeboxMentions
 * @result: the result
 * @n_new: (out) (optional): how many mentions were found for the first time
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_mentions_scan_finish (ShoeboxMentions  *self,
                              GAsyncResult     *result,
                              guint            *n_new,
                              GError          **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;

  if (n_new != NULL)
    *n_new = (guint) n;
  return TRUE;
}

/**
 * shoebox_mentions_get_label:
 * @self: a #ShoeboxMentions
 * @item_id: a news item
 *
 * Returns: (nullable): the pair the item mentions (the most precise
 *   match, owned before wanted), or %NULL when it mentions none
 */
const char *
shoebox_mentions_get_label (ShoeboxMentions *self,
                            gint64           item_id)
{
  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), NULL);

  return g_hash_table_lookup (self->labels, &item_id);
}

/**
 * shoebox_mentions_has_item:
 * @self: a #ShoeboxMentions
 * @item_id: a news item
 *
 * Returns: whether the item mentions a pair the user owns or wants
 */
gboolean
shoebox_mentions_has_item (ShoeboxMentions *self,
                           gint64           item_id)
{
  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), FALSE);

  return g_hash_table_contains (self->labels, &item_id);
}

/**
 * shoebox_mentions_get_n_items:
 * @self: a #ShoeboxMentions
 *
 * Returns: how many items mention a pair
 */
guint
shoebox_mentions_get_n_items (ShoeboxMentions *self)
{
  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), 0);

  return g_hash_table_size (self->labels);
}

/**
 * shoebox_mentions_is_unread:
 * @self: a #ShoeboxMentions
 * @item_id: a news item
 *
 * Returns: whether the item is still there, unread and not hidden: its
 *   notification still has something to say
 */
gboolean
shoebox_mentions_is_unread (ShoeboxMentions *self,
                            gint64           item_id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gboolean unread = FALSE;

  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), FALSE);

  stmt = shoebox_database_prepare (self->database,
                                   "SELECT read = 0 AND hidden = 0 FROM news_items WHERE id = ?1",
                                   &error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    unread = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);

  return unread;
}

static gboolean
mark_notified_in_transaction (ShoeboxDatabase  *database,
                              gpointer          user_data,
                              GError          **error)
{
  return shoebox_database_exec (database, "UPDATE news_mentions SET notified = 1 WHERE notified = 0", error);
}

/**
 * shoebox_mentions_take_unnotified:
 * @self: a #ShoeboxMentions
 * @error: return location for a #GError
 *
 * The mentions to announce, newest item first, one per item; they are
 * marked as announced.
 *
 * Returns: (transfer full) (element-type ShoeboxMention): the mentions,
 *   or %NULL with @error set
 */
GPtrArray *
shoebox_mentions_take_unnotified (ShoeboxMentions  *self,
                                  GError          **error)
{
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) shoebox_mention_free);
  sqlite3_stmt *stmt;
  gint64 last_item = 0;
  int result;

  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), NULL);

  stmt = shoebox_database_prepare (self->database,
                                   "SELECT m.item_id, m.pair_id, i.title, b.name, s.name, p.colorway"
                                   " FROM news_mentions m JOIN news_items i ON i.id = m.item_id"
                                   " JOIN pairs p ON p.id = m.pair_id"
                                   " JOIN silhouettes s ON s.id = p.silhouette_id"
                                   " JOIN brands b ON b.id = s.brand_id"
                                   " WHERE m.notified = 0 AND i.read = 0 AND i.hidden = 0"
                                   " ORDER BY i.sort_date DESC, i.id DESC, m.by_style_code DESC,"
                                   "          p.status = 'Owned' DESC, p.id",
                                   error);
  if (stmt == NULL)
    return NULL;
  while ((result = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShoeboxMention *mention;

      if (sqlite3_column_int64 (stmt, 0) == last_item)
        continue;
      last_item = sqlite3_column_int64 (stmt, 0);

      mention = g_new0 (ShoeboxMention, 1);
      mention->item_id = last_item;
      mention->pair_id = sqlite3_column_int64 (stmt, 1);
      mention->item_title = g_strdup (column_text (stmt, 2));
      mention->pair_label = dup_pair_label (column_text (stmt, 3), column_text (stmt, 4), column_text (stmt, 5));
      g_ptr_array_add (mentions, mention);
    }
  sqlite3_reset (stmt);
  if (result != SQLITE_DONE)
    {
      set_sqlite_error (self->database, error);
      return NULL;
    }

  if (!shoebox_database_write (self->database, mark_notified_in_transaction, NULL, error))
    return NULL;

  return g_steal_pointer (&mentions);
}

/**
 * shoebox_mentions_dup_search_terms:
 * @self: a #ShoeboxMentions
 * @error: return location for a #GError
 *
 * What to search the news for: the silhouettes of the pairs the user owns
 * or wants, owned first, each once. A one-word name ("Runner", "Track")
 * comes with its brand, as it matches only beside it.
 *
 * Returns: (transfer full) (array zero-terminated=1): the terms, maybe
 *   none, or %NULL with @error set
 */
char **
shoebox_mentions_dup_search_terms (ShoeboxMentions  *self,
                                   GError          **error)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int result;

  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), NULL);

  stmt = shoebox_database_prepare (self->database,
                                   "SELECT b.name, s.name FROM pairs p"
                                   " JOIN silhouettes s ON s.id = p.silhouette_id"
                                   " JOIN brands b ON b.id = s.brand_id"
                                   " WHERE p.status IN ('Owned', 'Wishlist')"
                                   " GROUP BY s.id ORDER BY max (p.status = 'Owned') DESC, min (p.id)",
                                   error);
  if (stmt == NULL)
    return NULL;
  while ((result = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *brand = column_text (stmt, 0);
      const char *name = column_text (stmt, 1);
      g_autofree char *words = normalize_words (name);

      if (needs_brand (words) && brand != NULL)
        g_ptr_array_add (terms, g_strdup_printf ("%s %s", brand, name));
      else
        g_ptr_array_add (terms, g_strdup (name));
    }
  sqlite3_reset (stmt);
  if (result != SQLITE_DONE)
    {
      set_sqlite_error (self->database, error);
      return NULL;
    }

  g_ptr_array_add (terms, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&terms), FALSE);
}

/**
 * shoebox_mentions_dup_pair_label:
 * @self: a #ShoeboxMentions
 * @pair_id: a pair
 *
 * Returns: (transfer full) (nullable): the pair as badges name it, or
 *   %NULL when there is no such pair
 */
char *
shoebox_mentions_dup_pair_label (ShoeboxMentions *self,
                                 gint64           pair_id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  char *label = NULL;

  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), NULL);

  stmt = shoebox_database_prepare (self->database,
                                   "SELECT b.name, s.name, p.colorway FROM pairs p"
                                   " JOIN silhouettes s ON s.id = p.silhouette_id"
                                   " JOIN brands b ON b.id = s.brand_id WHERE p.id = ?1",
                                   &error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pair_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    label = dup_pair_label (column_text (stmt, 0), column_text (stmt, 1), column_text (stmt, 2));
  sqlite3_reset (stmt);

  return label;
}

/**
 * shoebox_mentions_list_pair_items:
 * @self: a #ShoeboxMentions
 * @pair_id: a pair
 * @error: return location for a #GError
 *
 * The news of one pair, for its page.
 *
 * Returns: (transfer full) (element-type gint64): the ids of the items
 *   that mention the pair, newest first, or %NULL with @error set
 */
GArray *
shoebox_mentions_list_pair_items (ShoeboxMentions  *self,
                                  gint64            pair_id,
                                  GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int result;

  g_return_val_if_fail (SHOEBOX_IS_MENTIONS (self), NULL);

  stmt = shoebox_database_prepare (self->database,
                                   "SELECT m.item_id FROM news_mentions m JOIN news_items i ON i.id = m.item_id"
                                   " WHERE m.pair_id = ?1 AND i.hidden = 0 ORDER BY i.sort_date DESC, i.id DESC",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pair_id);
  while ((result = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (result != SQLITE_DONE)
    {
      set_sqlite_error (self->database, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}
