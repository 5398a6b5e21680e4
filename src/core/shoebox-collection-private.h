/* shoebox-collection-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "shoebox-collection.h"

G_BEGIN_DECLS

#include <sqlite3.h>

/* The collection is split over files by what they do (pairs, catalogue,
 * statistics, generated pairs); they share the struct, the SQL column
 * lists and the statement helpers declared here.
 */

#define STARTER_CATALOGUE_RESOURCE RESOURCE_PREFIX "/core/starter-catalogue.ini"
#define STARTER_CATALOGUE_KEY      "starter-catalogue"

struct _ShoeboxCollection
{
  GObject          parent_instance;

  ShoeboxDatabase *database;
};

/* Every column of a pair, in the order pair_from_row() reads them. */
#define PAIR_COLUMNS \
  "p.id, p.silhouette_id, s.name, b.name, p.colorway, p.official_colorway, p.style_code," \
  " p.size, p.size_system, p.condition, p.box, p.extras, p.status, p.price_paid, p.currency," \
  " p.purchase_date, p.where_bought, p.estimated_value, p.storage_location, p.notes," \
  " p.created_at, p.updated_at"
#define PAIR_FROM \
  " FROM pairs p JOIN silhouettes s ON s.id = p.silhouette_id JOIN brands b ON b.id = s.brand_id"

#define SILHOUETTE_COLUMNS \
  "s.id, b.name, s.name, s.designer, s.release_year, s.retail_price, s.retail_currency," \
  " s.category, s.inspiration, s.notes, s.predecessor_id"
#define SILHOUETTE_FROM \
  " FROM silhouettes s JOIN brands b ON b.id = s.brand_id"

#define CONDITION_INDEX \
  "(CASE p.condition WHEN 'Deadstock' THEN 1 WHEN 'VNDS' THEN 2 WHEN 'Worn' THEN 3" \
  " WHEN 'Beater' THEN 4 ELSE 0 END)"
#define STATUS_INDEX \
  "(CASE p.status WHEN 'Owned' THEN 0 WHEN 'Wishlist' THEN 1 ELSE 2 END)"

/* Parameters: 1 FTS query, 2 brand, 3 silhouette id, 4 condition mask,
 * 5 status mask, 6 tag.
 */
#define SEARCH_FILTERS \
  " AND (?2 IS NULL OR b.name = ?2)" \
  " AND (?3 = 0 OR p.silhouette_id = ?3)" \
  " AND (?4 = 0 OR ((1 << " CONDITION_INDEX ") & ?4) != 0)" \
  " AND (?5 = 0 OR ((1 << " STATUS_INDEX ") & ?5) != 0)" \
  " AND (?6 IS NULL OR EXISTS (SELECT 1 FROM pair_tags pt JOIN tags t ON t.id = pt.tag_id" \
  "                            WHERE pt.pair_id = p.id AND t.name = ?6 COLLATE NOCASE))"

#define WEAR_COUNT "(SELECT count(*) FROM wears w WHERE w.pair_id = p.id)"
#define LAST_WORN  "(SELECT max(w.date) FROM wears w WHERE w.pair_id = p.id)"


gboolean _shoebox_collection_insert_pair (ShoeboxCollection  *self,
                                          ShoeboxPair        *pair,
                                          GError            **error);

/* shoebox-collection-sql.c: every fixed statement, by the file that runs it. */
typedef enum
{
  /* shoebox-collection-deletion.c */
  COLLECTION_SQL_DELETE_PAIR,
  /* shoebox-collection-generate.c */
  COLLECTION_SQL_ALL_SILHOUETTE_IDS,
  COLLECTION_SQL_INSERT_TAG_IF_NEW,
  COLLECTION_SQL_TAG_ID_BY_NAME,
  COLLECTION_SQL_INSERT_GENERATED_PAIR,
  COLLECTION_SQL_INSERT_FIRST_PAIR_TAG,
  COLLECTION_SQL_INSERT_WEAR,
  COLLECTION_SQL_GENERATE_CACHE_SIZE,
  COLLECTION_SQL_DEFAULT_CACHE_SIZE,
  /* shoebox-collection-photos.c */
  COLLECTION_SQL_DELETE_PHOTO,
  COLLECTION_SQL_CLEAR_SIDE_PROFILE,
  COLLECTION_SQL_SET_SIDE_PROFILE,
  COLLECTION_SQL_APPEND_PHOTO,
  COLLECTION_SQL_COVER_PHOTO_OF_SILHOUETTE,
  COLLECTION_SQL_MOVE_PHOTO,
  /* shoebox-collection-read.c */
  COLLECTION_SQL_LOAD_PAIRS,
  /* shoebox-collection-statistics.c */
  COLLECTION_SQL_COUNT_BY_STATUS,
  COLLECTION_SQL_COUNT_BY_CONDITION,
  COLLECTION_SQL_TOTALS_BY_CURRENCY,
  COLLECTION_SQL_COUNT_BY_BRAND,
  COLLECTION_SQL_MOST_WORN,
  COLLECTION_SQL_LEAST_WORN,
  COLLECTION_SQL_COUNT_NOT_WORN_RECENTLY,
  /* shoebox-collection-wear.c */
  COLLECTION_SQL_DELETE_WEAR,
  /* shoebox-collection.c */
  COLLECTION_SQL_INSERT_BRAND_IF_NEW,
  COLLECTION_SQL_BRAND_ID_BY_NAME,
  COLLECTION_SQL_SILHOUETTE_EXISTS,
  COLLECTION_SQL_INSERT_SILHOUETTE,
  COLLECTION_SQL_DELETE_PAIR_TAGS,
  COLLECTION_SQL_TAG_ID_OR_ZERO,
  COLLECTION_SQL_INSERT_TAG,
  COLLECTION_SQL_INSERT_PAIR_TAG,
  COLLECTION_SQL_INSERT_PAIR,
  COLLECTION_SQL_UPDATE_PAIR,
  COLLECTION_SQL_SAVED_PAIR,
  COLLECTION_SQL_LIST_PHOTOS,
  COLLECTION_SQL_INSERT_PHOTO,
  COLLECTION_SQL_COUNT_PAIRS,
  /* shoebox-catalogue.c */
  COLLECTION_SQL_INSERT_STARTER_SILHOUETTE,
  COLLECTION_SQL_SILHOUETTE_ID_BY_NAME,
  COLLECTION_SQL_LINK_PREDECESSOR,
  COLLECTION_SQL_STARTER_CATALOGUE_LOADED,
  COLLECTION_SQL_MARK_STARTER_CATALOGUE_LOADED,
  COLLECTION_SQL_INSERT_SILHOUETTE_WITH_ID,
  COLLECTION_SQL_UPDATE_SILHOUETTE,
  COLLECTION_SQL_COUNT_PAIRS_OF_SILHOUETTE,
  COLLECTION_SQL_DELETE_SILHOUETTE,
  COLLECTION_SQL_GET_SILHOUETTE,
  COLLECTION_SQL_LIST_SILHOUETTES,
  COLLECTION_SQL_SUCCESSORS,
  COLLECTION_SQL_LIST_BRANDS,
  COLLECTION_SQL_LIST_USED_TAGS,
  /* shoebox-collection-search.c */
  COLLECTION_SQL_NOT_WORN_SINCE,
  /* shoebox-collection-read.c */
  COLLECTION_SQL_TAGS_OF_PAIRS,
  COLLECTION_SQL_WEARS_OF_PAIRS,
  /* shoebox-collection.c */
  COLLECTION_SQL_FIND_SILHOUETTE_OF_BRAND,
  COLLECTION_SQL_FIND_SILHOUETTE_OF_BRAND_NOCASE,
  COLLECTION_SQL_FIND_SILHOUETTE,
  COLLECTION_SQL_FIND_SILHOUETTE_NOCASE,
  /* shoebox-pair-order.c */
  COLLECTION_SQL_PAIR_ORDER_SILHOUETTES,
  COLLECTION_SQL_PAIR_ORDER_PAIRS,
  COLLECTION_SQL_PAIR_ORDER_WEARS,
  N_COLLECTION_SQL
} CollectionSql;

const char *
_shoebox_collection_sql (CollectionSql sql);
ShoeboxStatement *
_shoebox_collection_statement (ShoeboxCollection  *self,
                               CollectionSql       sql,
                               GError            **error);
gboolean
_shoebox_collection_run (ShoeboxCollection  *self,
                         CollectionSql       sql,
                         GError            **error);
const char *
_shoebox_collection_error_context (void);
ShoeboxStatement *
_shoebox_collection_prepare (ShoeboxCollection  *self,
                             const char         *sql,
                             GError            **error);
char *
_shoebox_collection_dup_now (void);
void
_shoebox_collection_emit_changed (ShoeboxCollection *self);
gboolean
_shoebox_collection_write (ShoeboxCollection         *self,
                           ShoeboxDatabaseWriteFunc   func,
                           gpointer                   user_data,
                           GError                   **error);
gboolean
_shoebox_collection_ensure_brand (ShoeboxCollection  *self,
                                  const char         *name,
                                  gint64             *brand_id,
                                  GError            **error);
gboolean
_shoebox_collection_resolve_silhouette (ShoeboxCollection  *self,
                                        ShoeboxPair        *pair,
                                        gint64             *silhouette_id,
                                        GError            **error);
gboolean
_shoebox_collection_ensure_tag (ShoeboxCollection  *self,
                                const char         *name,
                                gint64             *tag_id,
                                GError            **error);
void
_shoebox_collection_bind_pair_fields (ShoeboxStatement *stmt,
                                      ShoeboxPair      *pair,
                                      gint64            silhouette_id);
gboolean
_shoebox_collection_find_silhouette_id (ShoeboxCollection  *self,
                                        const char         *brand,
                                        const char         *name,
                                        gint64             *silhouette_id,
                                        GError            **error);
GPtrArray *
_shoebox_collection_load_pairs (ShoeboxCollection  *self,
                                GArray             *ids,
                                GError            **error);

GPtrArray *
_shoebox_collection_list_photos (ShoeboxCollection  *self,
                                 gint64              pair_id,
                                 GError            **error);

typedef struct
{
  gint64  id;
  gint64  silhouette_id;
  char   *silhouette_name;
  char   *brand_name;
  char   *created_at;
  char   *updated_at;
} SavedPair;

typedef struct
{
  ShoeboxCollection *self;
  ShoeboxPair       *pair;
  SavedPair          saved;
} SaveData;


struct _ShoeboxDeletion
{
  gatomicrefcount  ref_count;
  GPtrArray       *pairs;  /* ShoeboxPair, every field as it was */
  GPtrArray       *photos; /* per pair: GPtrArray of ShoeboxPhotoRow */
};

void
_shoebox_collection_saved_pair_clear (SavedPair *saved);
gboolean
_shoebox_collection_write_pair (ShoeboxCollection  *self,
                                ShoeboxPair        *pair,
                                gboolean            restore,
                                SavedPair          *saved,
                                GError            **error);
gboolean
_shoebox_collection_write_photo (ShoeboxCollection      *self,
                                 gint64                  pair_id,
                                 const ShoeboxPhotoRow  *row,
                                 GError                **error);
void
_shoebox_collection_apply_saved (ShoeboxPair     *pair,
                                 const SavedPair *saved);

G_END_DECLS
