/* shoebox-collection-generate.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-collection"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shoebox-collection-private.h"
#include "shoebox-money.h"
#include "shoebox-pair-list.h"

/* Made-up pairs for the benchmark and for trying Shoebox out. */

typedef struct
{
  ShoeboxCollection *self;
  guint              n_pairs;
  guint32            seed;
} GenerateData;

static gboolean
generate_in_transaction (ShoeboxDatabase  *database,
                         gpointer          user_data,
                         GError          **error)
{
  static const char * const colors[] = {
    "Silver", "Black", "White", "Lavender", "Red", "Neon", "Bone", "Sand", "Volt", "Navy",
    "Grey", "Olive", "Pink", "Orange", "Cream", "Teal",
  };
  static const char * const names[] = {
    "Bullet", "Out", "Wave", "Storm", "Dust", "Ghost", "Fade", "Camo", "Sail", "Rush",
  };
  static const char * const conditions[] = { "Deadstock", "VNDS", "Worn", "Beater" };
  static const char * const currencies_used[] = { "USD", "EUR", "GBP", "JPY" };
  static const char * const tag_names[] = { "grail", "to clean", "to sell", "daily", "vault" };
  GenerateData *data = user_data;
  ShoeboxCollection *self = data->self;
  g_autoptr(GRand) rand = g_rand_new_with_seed (data->seed);
  g_autoptr(GArray) silhouettes = NULL;
  g_autofree char *now = _shoebox_collection_dup_now ();
  gint64 tag_ids[G_N_ELEMENTS (tag_names)];
  g_autoptr(ShoeboxStatement) stmt = NULL;

  stmt = _shoebox_collection_statement (self, COLLECTION_SQL_ALL_SILHOUETTE_IDS, error);
  if (stmt == NULL || (silhouettes = shoebox_database_query_ids (self->database, stmt, error)) == NULL)
    return FALSE;
  if (silhouettes->len == 0)
    {
      g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_MISSING_SILHOUETTE,
                   _("The catalogue is empty: there is no silhouette to make pairs of"));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (tag_names); i++)
    {
      stmt = _shoebox_collection_statement (self, COLLECTION_SQL_INSERT_TAG_IF_NEW, error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_text (stmt, 1, tag_names[i]);
      if (!shoebox_database_step_done (self->database, stmt, error))
        return FALSE;
      stmt = _shoebox_collection_statement (self, COLLECTION_SQL_TAG_ID_BY_NAME, error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_text (stmt, 1, tag_names[i]);
      if (!shoebox_database_query_int64 (self->database, stmt, &tag_ids[i], error))
        return FALSE;
    }

  for (guint n = 0; n < data->n_pairs; n++)
    {
      const char *currency = currencies_used[g_rand_int_range (rand, 0, G_N_ELEMENTS (currencies_used))];
      gint64 scale = g_str_equal (currency, "JPY") ? 1 : 100;
      g_autofree char *colorway = g_strdup_printf ("%s %s", colors[g_rand_int_range (rand, 0, G_N_ELEMENTS (colors))],
                                                   names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))]);
      g_autofree char *style_code = g_strdup_printf ("SB-%06u", n);
      int half_sizes = g_rand_int_range (rand, 12, 27);
      g_autofree char *size = half_sizes % 2 == 0 ? g_strdup_printf ("%d", half_sizes / 2)
                                                  : g_strdup_printf ("%d.5", half_sizes / 2);
      int day = g_rand_int_range (rand, 0, 3650);
      g_autofree char *purchase_date = NULL;
      int status = g_rand_int_range (rand, 0, 10);
      gint64 pair_id;
      int n_wears;

      {
        g_autoptr(GDateTime) epoch = g_date_time_new_utc (2015, 1, 1, 0, 0, 0);
        g_autoptr(GDateTime) date = g_date_time_add_days (epoch, day);

        purchase_date = g_date_time_format (date, "%Y-%m-%d");
      }

      stmt = _shoebox_collection_statement (self, COLLECTION_SQL_INSERT_GENERATED_PAIR, error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_int64 (stmt, 1, g_array_index (silhouettes, gint64, g_rand_int_range (rand, 0, silhouettes->len)));
      shoebox_statement_bind_text (stmt, 2, colorway);
      shoebox_statement_bind_text (stmt, 3, style_code);
      shoebox_statement_bind_text (stmt, 4, size);
      shoebox_statement_bind_text (stmt, 5, conditions[g_rand_int_range (rand, 0, G_N_ELEMENTS (conditions))]);
      shoebox_statement_bind_text (stmt, 6, status < 8 ? "Owned" : status == 8 ? "Wishlist" : "Sold");
      shoebox_statement_bind_int64 (stmt, 7, g_rand_int_range (rand, 80, 2000) * scale * (scale == 1 ? 150 : 1));
      shoebox_statement_bind_text (stmt, 8, currency);
      shoebox_statement_bind_text (stmt, 9, purchase_date);
      shoebox_statement_bind_int64 (stmt, 10, g_rand_int_range (rand, 80, 3000) * scale * (scale == 1 ? 150 : 1));
      shoebox_statement_bind_text (stmt, 11, now);
      shoebox_statement_bind_text (stmt, 12, now);
      if (!shoebox_database_step_done (self->database, stmt, error))
        return FALSE;
      pair_id = shoebox_database_last_insert_id (database);

      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          stmt = _shoebox_collection_statement (self, COLLECTION_SQL_INSERT_FIRST_PAIR_TAG, error);
          if (stmt == NULL)
            return FALSE;
          shoebox_statement_bind_int64 (stmt, 1, pair_id);
          shoebox_statement_bind_int64 (stmt, 2, tag_ids[g_rand_int_range (rand, 0, G_N_ELEMENTS (tag_ids))]);
          if (!shoebox_database_step_done (self->database, stmt, error))
            return FALSE;
        }

      n_wears = g_rand_int_range (rand, 0, 4);
      for (int w = 0; w < n_wears; w++)
        {
          g_autoptr(GDateTime) today = g_date_time_new_now_utc ();
          g_autoptr(GDateTime) worn = g_date_time_add_days (today, -g_rand_int_range (rand, 1, 400));
          g_autofree char *date = g_date_time_format (worn, "%Y-%m-%d");

          stmt = _shoebox_collection_statement (self, COLLECTION_SQL_INSERT_WEAR, error);
          if (stmt == NULL)
            return FALSE;
          shoebox_statement_bind_int64 (stmt, 1, pair_id);
          shoebox_statement_bind_text (stmt, 2, date);
          if (!shoebox_database_step_done (self->database, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * shoebox_collection_generate_pairs:
 * @self: a #ShoeboxCollection
 * @n_pairs: how many pairs to add
 * @seed: the seed of the generator: the same seed makes the same pairs
 * @error: return location for a #GError
 *
 * Fills the collection with made-up pairs of the catalogue's silhouettes
 * (loading the starter catalogue first), in one transaction: the
 * benchmark's 100,000 pairs take a few seconds. Not for users.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_collection_generate_pairs (ShoeboxCollection  *self,
                                   guint               n_pairs,
                                   guint32             seed,
                                   GError            **error)
{
  GenerateData data = { self, n_pairs, seed };
  gboolean written;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);

  if (!shoebox_collection_load_starter_catalogue (self, NULL, error))
    return FALSE;

  /* A page cache that holds the whole transaction: otherwise SQLite
   * spills to the WAL again and again while the FTS index grows.
   */
  if (!_shoebox_collection_run (self, COLLECTION_SQL_GENERATE_CACHE_SIZE, error))
    return FALSE;
  written = shoebox_database_write (self->database, generate_in_transaction, &data, error);
  _shoebox_collection_run (self, COLLECTION_SQL_DEFAULT_CACHE_SIZE, NULL);
  if (!written)
    return FALSE;

  _shoebox_collection_emit_changed (self);
  return TRUE;
}
