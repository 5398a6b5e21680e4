/* shoebox-html-entity.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-html-entity"

#include "config.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>

#include "shoebox-html-entity.h"

/* HTML's named character references ("&eacute;"), looked up in libxml2's
 * own table. libxml2 2.14 deprecated htmlEntityLookup() along with the rest
 * of its HTML 4 tables, and its HTML 5 tokenizer has the full table but no
 * public lookup: there the name is looked up by letting the HTML parser
 * read "&NAME;" and seeing what it made of it.
 */

#if LIBXML_VERSION >= 21400

/* At most this many distinct names are remembered, so a hostile feed
 * full of made-up names cannot grow the cache without bound.
 */
#define CACHE_LIMIT 1024

static GMutex cache_lock;
static GHashTable *cache;   /* name → decoded UTF-8, or "" when unknown */

static char *
decode_with_parser (const char *name)
{
  g_autofree char *source = g_strdup_printf ("<p>&%s;</p>", name);
  g_autofree char *literal = g_strdup_printf ("&%s;", name);
  htmlDocPtr doc;
  xmlNodePtr body;
  xmlChar *content;
  char *decoded = NULL;

  doc = htmlReadMemory (source, (int) strlen (source), NULL, "UTF-8",
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
  if (doc == NULL)
    return NULL;

  body = xmlDocGetRootElement (doc);
  content = body != NULL ? xmlNodeGetContent (body) : NULL;

  /* An unknown name comes back as it went in. A name that only begins
   * with a legacy entity written without ";" ("&notit;" read as "¬it;")
   * comes back with the rest of it and the ";": that is not this name.
   * Only "&semi;" itself stands for a ";".
   */
  if (content != NULL &&
      strcmp ((const char *) content, literal) != 0 &&
      (!g_str_has_suffix ((const char *) content, ";") || strcmp (name, "semi") == 0))
    decoded = g_strdup ((const char *) content);

  xmlFree (content);
  xmlFreeDoc (doc);
  return decoded;
}

static char *
dup_decoded (const char *name)
{
  const char *cached;
  char *decoded;

  g_mutex_lock (&cache_lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cached = g_hash_table_lookup (cache, name);
  if (cached != NULL)
    {
      decoded = cached[0] != '\0' ? g_strdup (cached) : NULL;
      g_mutex_unlock (&cache_lock);
      return decoded;
    }
  g_mutex_unlock (&cache_lock);

  decoded = decode_with_parser (name);

  g_mutex_lock (&cache_lock);
  if (g_hash_table_size (cache) < CACHE_LIMIT)
    g_hash_table_replace (cache, g_strdup (name), g_strdup (decoded != NULL ? decoded : ""));
  g_mutex_unlock (&cache_lock);
  return decoded;
}

#endif

/**
 * shoebox_html_entity_lookup:
 * @name: an entity's name, without "&" and ";" ("eacute")
 * @code_points: (nullable): where to append the characters it stands for
 *   as numeric references ("&#233;"), or %NULL to only ask
 *
 * Returns: %TRUE when HTML knows @name
 */
gboolean
shoebox_html_entity_lookup (const char *name,
                            GString    *code_points)
{
#if LIBXML_VERSION >= 21400
  g_autofree char *decoded = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  /* Names are letters and digits: anything else is not one, and must not
   * reach the parser as markup.
   */
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  if (name[0] == '\0')
    return FALSE;

  decoded = dup_decoded (name);
  if (decoded == NULL)
    return FALSE;
  if (code_points != NULL)
    for (const char *p = decoded; *p != '\0'; p = g_utf8_next_char (p))
      g_string_append_printf (code_points, "&#%u;", (guint) g_utf8_get_char (p));
  return TRUE;
#else
  const htmlEntityDesc *entity;

  g_return_val_if_fail (name != NULL, FALSE);

  entity = htmlEntityLookup ((const xmlChar *) name);
  if (entity == NULL)
    return FALSE;
  if (code_points != NULL)
    g_string_append_printf (code_points, "&#%u;", entity->value);
  return TRUE;
#endif
}
