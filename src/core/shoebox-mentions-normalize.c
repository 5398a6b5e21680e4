/* shoebox-mentions-normalize.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-mentions"

#include "config.h"

#include <string.h>

#include "shoebox-mentions-private.h"

/* The form text and names are compared in, and the other ways news
 * write a silhouette's name.
 */

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

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

/* What the general path below makes of ASCII text, without its three
 * copies of the text: NFKC leaves ASCII as it is, and case folding it is
 * g_ascii_tolower(). Style codes, most names and most stories are ASCII.
 */
static gboolean
append_normal_ascii (GString    *out,
                     const char *text)
{
  char previous = '\0';

  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (*p == '.' && g_ascii_isdigit (previous) && g_ascii_isdigit (p[1]))
        g_string_append_c (out, '.');
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
      previous = *p;
    }
  return TRUE;
}

void
_shoebox_mentions_append_normal (GString    *out,
                                 const char *text)
{
  g_autofree char *composed = NULL;
  g_autofree char *folded = NULL;
  gunichar previous = 0;

  if (text == NULL || append_normal_ascii (out, text) || !g_utf8_validate (text, -1, NULL))
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

  _shoebox_mentions_append_normal (out, text);
  if (out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');

  return g_string_free (out, FALSE);
}

/* "track 2.0" -> "track 2.0"; without the outer spaces. */
char *
_shoebox_mentions_normalize_words (const char *text)
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
  g_autofree char *name = _shoebox_mentions_normalize_words (silhouette_name);
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
