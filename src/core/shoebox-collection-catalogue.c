/* shoebox-collection-catalogue.c
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

/* The catalogue: silhouettes with their brands and lineage, and the
 * starter catalogue loaded on first start. */

typedef struct
{
  ShoeboxCollection *self;
  GKeyFile          *catalogue;
  guint              n_added;
} CatalogueLoad;

static gboolean
load_catalogue_in_transaction (ShoeboxDatabase  *database,
                               gpointer          user_data,
                               GError          **error)
{
  CatalogueLoad *load = user_data;
  ShoeboxCollection *self = load->self;
  g_auto(GStrv) groups = g_key_file_get_groups (load->catalogue, NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  sqlite3 *handle = shoebox_database_get_handle (database);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      GKeyFile *file = load->catalogue;
      g_autofree char *brand = g_key_file_get_string (file, groups[i], "brand", NULL);
      g_autofree char *name = g_key_file_get_string (file, groups[i], "name", NULL);
      g_autofree char *designer = g_key_file_get_string (file, groups[i], "designer", NULL);
      g_autofree char *category = g_key_file_get_string (file, groups[i], "category", NULL);
      g_autofree char *inspiration = g_key_file_get_string (file, groups[i], "inspiration", NULL);
      g_autofree char *notes = g_key_file_get_string (file, groups[i], "notes", NULL);
      g_autofree char *price = g_key_file_get_string (file, groups[i], "retail_price", NULL);
      g_autofree char *currency = g_key_file_get_string (file, groups[i], "retail_currency", NULL);
      int year = g_key_file_get_integer (file, groups[i], "release_year", NULL);
      gint64 retail_price = -1;
      gint64 brand_id;
      gint64 silhouette_id;
      g_autoptr(ShoeboxStatement) stmt = NULL;

      if (brand == NULL || name == NULL)
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                       _("The catalogue entry “%s” has no brand or name"), groups[i]);
          return FALSE;
        }
      if (price != NULL && !shoebox_money_parse (price, currency, &retail_price, error))
        {
          g_prefix_error (error, _("The catalogue entry “%s”: "), groups[i]);
          return FALSE;
        }

      if (!_shoebox_collection_ensure_brand (self, brand, &brand_id, error))
        return FALSE;

      /* The user may already have the silhouette (created by a CSV import,
       * say): theirs is kept as it is.
       */
      stmt = _shoebox_collection_statement (self, COLLECTION_SQL_INSERT_STARTER_SILHOUETTE,
                      error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_int64 (stmt, 1, brand_id);
      shoebox_statement_bind_text (stmt, 2, name);
      shoebox_statement_bind_text (stmt, 3, designer);
      shoebox_statement_bind_optional_int64 (stmt, 4, year, 0);
      shoebox_statement_bind_optional_int64 (stmt, 5, retail_price, -1);
      shoebox_statement_bind_text (stmt, 6, retail_price >= 0 ? currency : NULL);
      shoebox_statement_bind_text (stmt, 7, category);
      shoebox_statement_bind_text (stmt, 8, inspiration);
      shoebox_statement_bind_text (stmt, 9, notes);
      if (!shoebox_database_step_done (self->database, stmt, error))
        return FALSE;
      if (sqlite3_changes (handle) > 0)
        load->n_added++;

      stmt = _shoebox_collection_statement (self, COLLECTION_SQL_SILHOUETTE_ID_BY_NAME, error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_int64 (stmt, 1, brand_id);
      shoebox_statement_bind_text (stmt, 2, name);
      if (!shoebox_database_query_int64 (self->database, stmt, &silhouette_id, error))
        return FALSE;
      g_hash_table_insert (ids, groups[i], g_memdup2 (&silhouette_id, sizeof silhouette_id));
    }

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *predecessor = g_key_file_get_string (load->catalogue, groups[i], "predecessor", NULL);
      const gint64 *predecessor_id;
      g_autoptr(ShoeboxStatement) stmt = NULL;

      if (predecessor == NULL)
        continue;

      predecessor_id = g_hash_table_lookup (ids, predecessor);
      if (predecessor_id == NULL)
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                       _("The catalogue entry “%s” follows “%s”, which is not in the catalogue"),
                       groups[i], predecessor);
          return FALSE;
        }

      stmt = _shoebox_collection_statement (self, COLLECTION_SQL_LINK_PREDECESSOR, error);
      if (stmt == NULL)
        return FALSE;
      shoebox_statement_bind_int64 (stmt, 1, *predecessor_id);
      shoebox_statement_bind_int64 (stmt, 2, *(const gint64 *) g_hash_table_lookup (ids, groups[i]));
      if (!shoebox_database_step_done (self->database, stmt, error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  ShoeboxCollection *self;
  CatalogueLoad     *load;
  gboolean           already_loaded;
} StarterLoad;

static gboolean
query_starter_loaded (ShoeboxCollection  *self,
                      gboolean           *loaded,
                      GError            **error)
{
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gint64 count;

  stmt = _shoebox_collection_statement (self, COLLECTION_SQL_STARTER_CATALOGUE_LOADED, error);
  if (stmt == NULL || !shoebox_database_query_int64 (self->database, stmt, &count, error))
    return FALSE;

  *loaded = count > 0;
  return TRUE;
}

static gboolean
load_starter_in_transaction (ShoeboxDatabase  *database,
                             gpointer          user_data,
                             GError          **error)
{
  StarterLoad *starter = user_data;
  ShoeboxCollection *self = starter->self;
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gboolean loaded;

  /* Looked up again under the write lock: the command line and the
   * window may both be starting for the first time.
   */
  if (!query_starter_loaded (self, &loaded, error))
    return FALSE;
  if (loaded)
    {
      starter->already_loaded = TRUE;
      return TRUE;
    }

  if (!load_catalogue_in_transaction (database, starter->load, error))
    return FALSE;

  stmt = _shoebox_collection_statement (self, COLLECTION_SQL_MARK_STARTER_CATALOGUE_LOADED, error);
  return stmt != NULL && shoebox_database_step_done (self->database, stmt, error);
}

typedef struct
{
  ShoeboxCollection *self;
  ShoeboxSilhouette *silhouette;
  gint64             id;
} SilhouetteSave;

static gboolean
save_silhouette_in_transaction (ShoeboxDatabase  *database,
                                gpointer          user_data,
                                GError          **error)
{
  SilhouetteSave *data = user_data;
  ShoeboxCollection *self = data->self;
  ShoeboxSilhouette *silhouette = data->silhouette;
  gint64 id = shoebox_silhouette_get_id (silhouette);
  gint64 brand_id;
  g_autoptr(ShoeboxStatement) stmt = NULL;

  if (!_shoebox_collection_ensure_brand (self, shoebox_silhouette_get_brand_name (silhouette), &brand_id, error))
    return FALSE;

  if (id == 0)
    stmt = _shoebox_collection_statement (self, COLLECTION_SQL_INSERT_SILHOUETTE_WITH_ID,
                    error);
  else
    stmt = _shoebox_collection_statement (self, COLLECTION_SQL_UPDATE_SILHOUETTE,
                    error);
  if (stmt == NULL)
    return FALSE;

  shoebox_statement_bind_int64 (stmt, 1, brand_id);
  shoebox_statement_bind_text (stmt, 2, shoebox_silhouette_get_name (silhouette));
  shoebox_statement_bind_text (stmt, 3, shoebox_silhouette_get_designer (silhouette));
  shoebox_statement_bind_optional_int64 (stmt, 4, shoebox_silhouette_get_release_year (silhouette), 0);
  shoebox_statement_bind_optional_int64 (stmt, 5, shoebox_silhouette_get_retail_price (silhouette), -1);
  shoebox_statement_bind_text (stmt, 6, shoebox_silhouette_get_retail_currency (silhouette));
  shoebox_statement_bind_text (stmt, 7, shoebox_silhouette_get_category (silhouette));
  shoebox_statement_bind_text (stmt, 8, shoebox_silhouette_get_inspiration (silhouette));
  shoebox_statement_bind_text (stmt, 9, shoebox_silhouette_get_notes (silhouette));
  shoebox_statement_bind_optional_int64 (stmt, 10, shoebox_silhouette_get_predecessor_id (silhouette), 0);
  shoebox_statement_bind_optional_int64 (stmt, 11, id, 0);
  if (!shoebox_database_step_done (self->database, stmt, error))
    return FALSE;

  data->id = id != 0 ? id : sqlite3_last_insert_rowid (shoebox_database_get_handle (database));
  return TRUE;
}

typedef struct
{
  ShoeboxCollection *self;
  gint64             id;
} DeleteSilhouette;

static gboolean
delete_silhouette_in_transaction (ShoeboxDatabase  *database,
                                  gpointer          user_data,
                                  GError          **error)
{
  DeleteSilhouette *data = user_data;
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gint64 n_pairs;

  stmt = _shoebox_collection_statement (data->self, COLLECTION_SQL_COUNT_PAIRS_OF_SILHOUETTE, error);
  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_int64 (stmt, 1, data->id);
  if (!shoebox_database_query_int64 (data->self->database, stmt, &n_pairs, error))
    return FALSE;
  if (n_pairs > 0)
    {
      /* No G_GINT64_FORMAT in a msgid: xgettext cuts the string there. */
      g_set_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_CONSTRAINT,
                   ngettext ("The silhouette has %u pair in the collection: delete it first",
                             "The silhouette has %u pairs in the collection: delete them first",
                             (gulong) n_pairs),
                   (guint) n_pairs);
      return FALSE;
    }

  stmt = _shoebox_collection_statement (data->self, COLLECTION_SQL_DELETE_SILHOUETTE, error);
  if (stmt == NULL)
    return FALSE;
  shoebox_statement_bind_int64 (stmt, 1, data->id);
  return shoebox_database_step_done (data->self->database, stmt, error);
}

/* Runs @func, which adds @load's silhouettes, in one transaction; says
 * how many were new, and tells the views only when some were. */
static gboolean
run_load (ShoeboxCollection         *self,
          ShoeboxDatabaseWriteFunc   func,
          gpointer                   user_data,
          CatalogueLoad             *load,
          guint                     *n_added,
          GError                   **error)
{
  if (!shoebox_database_write (self->database, func, user_data, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = load->n_added;
  if (load->n_added > 0)
    _shoebox_collection_emit_changed (self);
  return TRUE;
}

/**
 * shoebox_collection_load_catalogue_data:
 * @self: a #ShoeboxCollection
 * @data: a catalogue as a key file: one group per silhouette with `brand`,
 *   `name`, and optionally `designer`, `release_year`, `retail_price`,
 *   `retail_currency`, `category`, `inspiration`, `notes`, and
 *   `predecessor` (the group of the previous generation)
 * @n_added: (out) (optional): how many silhouettes were new
 * @error: return location for a #GError
 *
 * Adds the silhouettes the catalogue does not have yet, in one
 * transaction; silhouettes it has are left as the user keeps them.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_collection_load_catalogue_data (ShoeboxCollection  *self,
                                        GBytes             *data,
                                        guint              *n_added,
                                        GError            **error)
{
  g_autoptr(GKeyFile) catalogue = g_key_file_new ();
  CatalogueLoad load = { self, catalogue, 0 };

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (!g_key_file_load_from_bytes (catalogue, data, G_KEY_FILE_NONE, error))
    return FALSE;

  return run_load (self, load_catalogue_in_transaction, &load, &load, n_added, error);
}

/**
 * shoebox_collection_load_starter_catalogue:
 * @self: a #ShoeboxCollection
 * @n_added: (out) (optional): how many silhouettes were added
 * @error: return location for a #GError
 *
 * On the first start, fills the catalogue with the silhouettes Shoebox
 * ships (`data/starter-catalogue.ini`). It runs once per database: what
 * the user later deletes or edits stays deleted or edited. When it has
 * run, nothing is written and no lock is taken.
 *
 * Returns: %TRUE on success, also when it had already run
 */
gboolean
shoebox_collection_load_starter_catalogue (ShoeboxCollection  *self,
                                           guint              *n_added,
                                           GError            **error)
{
  g_autoptr(GKeyFile) catalogue = g_key_file_new ();
  g_autoptr(GBytes) data = NULL;
  CatalogueLoad load = { self, catalogue, 0 };
  StarterLoad starter = { self, &load, FALSE };
  gboolean already_loaded;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);

  if (n_added != NULL)
    *n_added = 0;

  /* Every start but the first finds it loaded, with a plain read that in
   * WAL mode never waits for a writer: a second Shoebox then starts
   * while another is in the middle of a long import, instead of waiting
   * for its write lock and failing.
   */
  if (!query_starter_loaded (self, &already_loaded, error))
    return FALSE;
  if (already_loaded)
    return TRUE;

  data = g_resources_lookup_data (STARTER_CATALOGUE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (data == NULL || !g_key_file_load_from_bytes (catalogue, data, G_KEY_FILE_NONE, error))
    return FALSE;

  return run_load (self, load_starter_in_transaction, &starter, &load, n_added, error);
}

static ShoeboxSilhouette *
silhouette_from_row (ShoeboxStatement *stmt)
{
  ShoeboxSilhouette *silhouette = shoebox_silhouette_new ();

  shoebox_silhouette_set_id (silhouette, shoebox_statement_column_int64 (stmt, 0));
  shoebox_silhouette_set_brand_name (silhouette, shoebox_statement_column_text (stmt, 1));
  shoebox_silhouette_set_name (silhouette, shoebox_statement_column_text (stmt, 2));
  shoebox_silhouette_set_designer (silhouette, shoebox_statement_column_text (stmt, 3));
  shoebox_silhouette_set_release_year (silhouette, (guint) shoebox_statement_column_int (stmt, 4));
  shoebox_silhouette_set_retail_price (silhouette, shoebox_statement_column_optional_int64 (stmt, 5, -1));
  shoebox_silhouette_set_retail_currency (silhouette, shoebox_statement_column_text (stmt, 6));
  shoebox_silhouette_set_category (silhouette, shoebox_statement_column_text (stmt, 7));
  shoebox_silhouette_set_inspiration (silhouette, shoebox_statement_column_text (stmt, 8));
  shoebox_silhouette_set_notes (silhouette, shoebox_statement_column_text (stmt, 9));
  shoebox_silhouette_set_predecessor_id (silhouette, shoebox_statement_column_optional_int64 (stmt, 10, 0));

  return silhouette;
}

/**
 * shoebox_collection_get_silhouette:
 * @self: a #ShoeboxCollection
 * @id: a silhouette id
 * @error: return location for a #GError; %G_IO_ERROR_NOT_FOUND when there
 *   is no such silhouette
 *
 * Returns: (transfer full): the silhouette, or %NULL with @error set
 */
ShoeboxSilhouette *
shoebox_collection_get_silhouette (ShoeboxCollection  *self,
                                   gint64              id,
                                   GError            **error)
{
  ShoeboxSilhouette *silhouette;
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);

  stmt = _shoebox_collection_statement (self, COLLECTION_SQL_GET_SILHOUETTE, error);
  if (stmt == NULL)
    return NULL;
  shoebox_statement_bind_int64 (stmt, 1, id);
  if (!shoebox_database_step_row (self->database, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The silhouette is no longer in the catalogue"));
      return NULL;
    }

  silhouette = silhouette_from_row (stmt);
  return silhouette;
}

/**
 * shoebox_collection_find_silhouette:
 * @self: a #ShoeboxCollection
 * @brand: (nullable): the brand, or %NULL to look in every brand
 * @name: the silhouette's name, in any case
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the only silhouette of that name,
 *   or %NULL (without an error) when there is none or more than one
 */
ShoeboxSilhouette *
shoebox_collection_find_silhouette (ShoeboxCollection  *self,
                                    const char         *brand,
                                    const char         *name,
                                    GError            **error)
{
  gint64 id;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!_shoebox_collection_find_silhouette_id (self, brand, name, &id, error) || id == 0)
    return NULL;

  return shoebox_collection_get_silhouette (self, id, error);
}

/**
 * shoebox_collection_save_silhouette:
 * @self: a #ShoeboxCollection
 * @silhouette: a silhouette with a brand and a name; id 0 to add it
 * @error: return location for a #GError
 *
 * Adds or updates the silhouette (and its brand, when new) in one
 * transaction, and gives a new silhouette its id.
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_collection_save_silhouette (ShoeboxCollection  *self,
                                    ShoeboxSilhouette  *silhouette,
                                    GError            **error)
{
  SilhouetteSave data = { self, silhouette, 0 };
  const char *currency;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (SHOEBOX_IS_SILHOUETTE (silhouette), FALSE);

  if (shoebox_silhouette_get_name (silhouette) == NULL || shoebox_silhouette_get_brand_name (silhouette) == NULL)
    {
      g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_MISSING_SILHOUETTE,
                   _("A silhouette needs a brand and a name"));
      return FALSE;
    }

  currency = shoebox_silhouette_get_retail_currency (silhouette);
  if ((shoebox_silhouette_get_retail_price (silhouette) >= 0 || currency != NULL)
      && !shoebox_money_is_currency (currency))
    {
      g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_INVALID_MONEY,
                   _("A retail price needs a currency such as EUR, USD or JPY"));
      return FALSE;
    }

  if (shoebox_silhouette_get_predecessor_id (silhouette) != 0
      && shoebox_silhouette_get_predecessor_id (silhouette) == shoebox_silhouette_get_id (silhouette))
    {
      g_set_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_INVALID_VALUE,
                   _("A silhouette cannot follow itself"));
      return FALSE;
    }

  if (!shoebox_database_write (self->database, save_silhouette_in_transaction, &data, error))
    return FALSE;

  shoebox_silhouette_set_id (silhouette, data.id);
  _shoebox_collection_emit_changed (self);
  return TRUE;
}

/**
 * shoebox_collection_delete_silhouette:
 * @self: a #ShoeboxCollection
 * @id: a silhouette id
 * @error: return location for a #GError; %SHOEBOX_DATABASE_ERROR_CONSTRAINT
 *   when pairs of it are in the collection
 *
 * Returns: %TRUE if the silhouette is gone; its successors then have no
 *   predecessor
 */
gboolean
shoebox_collection_delete_silhouette (ShoeboxCollection  *self,
                                      gint64              id,
                                      GError            **error)
{
  DeleteSilhouette data = { self, id };

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), FALSE);

  return _shoebox_collection_write (self, delete_silhouette_in_transaction, &data, error);
}

/**
 * shoebox_collection_list_silhouettes:
 * @self: a #ShoeboxCollection
 * @error: return location for a #GError
 *
 * Returns: (transfer full): every #ShoeboxSilhouette, by brand then name
 */
GListModel *
shoebox_collection_list_silhouettes (ShoeboxCollection  *self,
                                     GError            **error)
{
  g_autoptr(GListStore) store = g_list_store_new (SHOEBOX_TYPE_SILHOUETTE);
  g_autoptr(ShoeboxStatement) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);

  stmt = _shoebox_collection_statement (self, COLLECTION_SQL_LIST_SILHOUETTES,
                  error);
  if (stmt == NULL)
    return NULL;

  while (shoebox_database_step_row (self->database, stmt, &has_row, error))
    {
      g_autoptr(ShoeboxSilhouette) silhouette = NULL;

      if (!has_row)
        {
          return G_LIST_MODEL (g_steal_pointer (&store));
        }
      silhouette = silhouette_from_row (stmt);
      g_list_store_append (store, silhouette);
    }

  return NULL;
}

/**
 * shoebox_collection_list_lineage:
 * @self: a #ShoeboxCollection
 * @silhouette_id: any silhouette of the lineage
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the generations of the silhouette's lineage,
 *   oldest first (Track, Track 2.0, Track 3), the silhouette included
 */
GListModel *
shoebox_collection_list_lineage (ShoeboxCollection  *self,
                                 gint64              silhouette_id,
                                 GError            **error)
{
  g_autoptr(GListStore) store = g_list_store_new (SHOEBOX_TYPE_SILHOUETTE);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 root = silhouette_id;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);

  /* Up to the first generation; the seen set stops a loop a user made. */
  for (;;)
    {
      g_autoptr(ShoeboxSilhouette) silhouette = shoebox_collection_get_silhouette (self, root, error);
      gint64 predecessor;

      if (silhouette == NULL)
        return NULL;
      g_hash_table_add (seen, g_memdup2 (&root, sizeof root));
      predecessor = shoebox_silhouette_get_predecessor_id (silhouette);
      if (predecessor == 0 || g_hash_table_contains (seen, &predecessor))
        break;
      root = predecessor;
    }

  /* Then down, generation by generation. */
  g_hash_table_remove_all (seen);
  g_array_append_val (queue, root);
  g_hash_table_add (seen, g_memdup2 (&root, sizeof root));
  for (guint i = 0; i < queue->len; i++)
    {
      gint64 id = g_array_index (queue, gint64, i);
      g_autoptr(ShoeboxSilhouette) silhouette = shoebox_collection_get_silhouette (self, id, error);
      g_autoptr(GArray) successors = NULL;
      g_autoptr(ShoeboxStatement) stmt = NULL;

      if (silhouette == NULL)
        return NULL;
      g_list_store_append (store, silhouette);

      stmt = _shoebox_collection_statement (self, COLLECTION_SQL_SUCCESSORS,
                      error);
      if (stmt == NULL)
        return NULL;
      shoebox_statement_bind_int64 (stmt, 1, id);
      successors = shoebox_database_query_ids (self->database, stmt, error);
      if (successors == NULL)
        return NULL;
      for (guint j = 0; j < successors->len; j++)
        {
          gint64 successor = g_array_index (successors, gint64, j);

          if (g_hash_table_contains (seen, &successor))
            continue;
          g_hash_table_add (seen, g_memdup2 (&successor, sizeof successor));
          g_array_append_val (queue, successor);
        }
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * shoebox_collection_list_brands:
 * @self: a #ShoeboxCollection
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the brands of the catalogue, by name
 */
char **
shoebox_collection_list_brands (ShoeboxCollection  *self,
                                GError            **error)
{
  g_autoptr(ShoeboxStatement) stmt = NULL;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);

  stmt = _shoebox_collection_statement (self, COLLECTION_SQL_LIST_BRANDS, error);
  if (stmt == NULL)
    return NULL;

  return shoebox_database_query_strv (self->database, stmt, error);
}

/**
 * shoebox_collection_list_tags:
 * @self: a #ShoeboxCollection
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the tags some pair carries, by name
 */
char **
shoebox_collection_list_tags (ShoeboxCollection  *self,
                              GError            **error)
{
  g_autoptr(ShoeboxStatement) stmt = NULL;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (self), NULL);

  stmt = _shoebox_collection_statement (self, COLLECTION_SQL_LIST_USED_TAGS,
                  error);
  if (stmt == NULL)
    return NULL;

  return shoebox_database_query_strv (self->database, stmt, error);
}
