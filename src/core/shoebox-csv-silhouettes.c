/* shoebox-csv-silhouettes.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-csv-private.h"

/* The rows of a spreadsheet name a few silhouettes many times: an import
 * resolves each once, then finds its id here, by the brand and name the
 * row gives, looked up with the pair's own strings. Only a row that names
 * its brand: a name alone finds its silhouette only while one brand has
 * it, which a later row may change.
 */

typedef struct
{
  char *brand;
  char *name;
} SilhouetteKey;

static guint
silhouette_key_hash (gconstpointer data)
{
  const SilhouetteKey *key = data;

  return g_str_hash (key->brand) * 31 + g_str_hash (key->name);
}

static gboolean
silhouette_key_equal (gconstpointer a,
                      gconstpointer b)
{
  const SilhouetteKey *first = a;
  const SilhouetteKey *second = b;

  return g_str_equal (first->brand, second->brand) && g_str_equal (first->name, second->name);
}

static void
silhouette_key_free (gpointer data)
{
  SilhouetteKey *key = data;

  g_free (key->brand);
  g_free (key->name);
  g_free (key);
}

static SilhouetteKey
key_of (ShoeboxPair *pair)
{
  return (SilhouetteKey) {
    (char *) shoebox_pair_get_brand_name (pair),
    (char *) shoebox_pair_get_silhouette_name (pair),
  };
}

/* Returns: (transfer full): the silhouettes known so far: none */
GHashTable *
_shoebox_csv_silhouettes_new (void)
{
  return g_hash_table_new_full (silhouette_key_hash, silhouette_key_equal, silhouette_key_free, g_free);
}

/* Whether @silhouettes knows the silhouette @pair names, and its id. */
gboolean
_shoebox_csv_silhouettes_lookup (GHashTable  *silhouettes,
                                 ShoeboxPair *pair,
                                 gint64      *id)
{
  SilhouetteKey key = key_of (pair);
  const gint64 *found;

  if (key.brand == NULL || key.name == NULL)
    return FALSE;

  found = g_hash_table_lookup (silhouettes, &key);
  if (found == NULL)
    return FALSE;

  *id = *found;
  return TRUE;
}

/* Remembers @id for the silhouette @pair names, if it names its brand. */
void
_shoebox_csv_silhouettes_remember (GHashTable  *silhouettes,
                                   ShoeboxPair *pair,
                                   gint64       id)
{
  SilhouetteKey key = key_of (pair);
  SilhouetteKey *kept;

  if (key.brand == NULL || key.name == NULL)
    return;

  kept = g_new (SilhouetteKey, 1);
  kept->brand = g_strdup (key.brand);
  kept->name = g_strdup (key.name);
  g_hash_table_insert (silhouettes, kept, g_memdup2 (&id, sizeof id));
}
