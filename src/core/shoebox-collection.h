/* shoebox-collection.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "shoebox-database.h"
#include "shoebox-pair.h"
#include "shoebox-silhouette.h"

G_BEGIN_DECLS

/**
 * ShoeboxPairSort:
 * @SHOEBOX_PAIR_SORT_ADDED: in the order the pairs were added
 * @SHOEBOX_PAIR_SORT_RELEVANCE: best full-text match first; like ADDED
 *   without search text
 *
 * The others sort by the column of the same name; pairs without a value
 * come last.
 */
typedef enum
{
  SHOEBOX_PAIR_SORT_ADDED,
  SHOEBOX_PAIR_SORT_RELEVANCE,
  SHOEBOX_PAIR_SORT_SILHOUETTE,
  SHOEBOX_PAIR_SORT_BRAND,
  SHOEBOX_PAIR_SORT_COLORWAY,
  SHOEBOX_PAIR_SORT_SIZE,
  SHOEBOX_PAIR_SORT_CONDITION,
  SHOEBOX_PAIR_SORT_PRICE_PAID,
  SHOEBOX_PAIR_SORT_PURCHASE_DATE,
  SHOEBOX_PAIR_SORT_WEARS,
  SHOEBOX_PAIR_SORT_LAST_WORN,
} ShoeboxPairSort;

/**
 * ShoeboxPairQuery:
 * @text: (nullable): what the user typed in the search entry; every word
 *   must match the start of a word in one of the pair's texts
 * @brand: (nullable): only pairs of this brand (name, any case)
 * @silhouette_id: only pairs of this silhouette, or 0
 * @conditions: only these conditions: a mask of `1 << ShoeboxCondition`,
 *   or 0 for any
 * @statuses: only these statuses: a mask of `1 << ShoeboxStatus`, or 0
 * @tag: (nullable): only pairs with this tag (any case)
 * @sort: the order
 * @descending: reverse the order
 * @limit: at most this many pairs, the first in the order; 0 for all
 *
 * Zero-initialise it, then set what filters: `{ 0 }` lists every pair.
 */
typedef struct
{
  const char      *text;
  const char      *brand;
  gint64           silhouette_id;
  guint            conditions;
  guint            statuses;
  const char      *tag;
  ShoeboxPairSort  sort;
  gboolean         descending;
  guint            limit;
} ShoeboxPairQuery;

/**
 * ShoeboxPhotoRow:
 * @file_name: the photo's file name under the photos folder (its hash)
 * @is_side_profile: the photo Compare shows
 * @position: the photo's place among the pair's photos
 */
typedef struct
{
  char     *file_name;
  gboolean  is_side_profile;
  int       position;
} ShoeboxPhotoRow;

/**
 * ShoeboxStatisticsCount:
 * @label: a brand name
 * @count: how many owned pairs
 */
typedef struct
{
  char  *label;
  guint  count;
} ShoeboxStatisticsCount;

/**
 * ShoeboxCurrencyTotal:
 * @currency: an ISO 4217 code
 * @paid: the sum of prices paid, in minor units
 * @estimated: the sum of estimated values, in minor units
 * @n_pairs: how many owned pairs have an amount in @currency
 * @n_paid: how many of them have a price paid
 * @n_estimated: how many of them have an estimated value
 * @paid_for_estimated: the sum of prices paid for the pairs with an
 *   estimated value, the like to compare @estimated with
 */
typedef struct
{
  char   *currency;
  gint64  paid;
  gint64  estimated;
  guint   n_pairs;
  guint   n_paid;
  guint   n_estimated;
  gint64  paid_for_estimated;
} ShoeboxCurrencyTotal;

/**
 * ShoeboxStatistics:
 * @n_by_status: pairs per #ShoeboxStatus
 * @n_by_condition: owned pairs per #ShoeboxCondition (index 0: not recorded)
 * @totals: (element-type ShoeboxCurrencyTotal): owned pairs' money, per currency
 * @by_brand: (element-type ShoeboxStatisticsCount): owned pairs per brand, most first
 * @most_worn: (element-type ShoeboxPair): owned pairs worn most, most first
 * @least_worn: (element-type ShoeboxPair): owned pairs worn least, least first
 * @n_not_worn_recently: owned pairs not worn in the last 90 days (or never)
 *
 * Only owned pairs count, except in @n_by_status: a wishlist price is a
 * wish and a sold pair is gone.
 */
typedef struct
{
  guint      n_by_status[3];
  guint      n_by_condition[5];
  GPtrArray *totals;
  GPtrArray *by_brand;
  GPtrArray *most_worn;
  GPtrArray *least_worn;
  guint      n_not_worn_recently;
} ShoeboxStatistics;

typedef struct _ShoeboxDeletion ShoeboxDeletion;

#define SHOEBOX_STATISTICS_N_WORN      5
#define SHOEBOX_STATISTICS_RECENT_DAYS 90

#define SHOEBOX_TYPE_DELETION   (shoebox_deletion_get_type ())
#define SHOEBOX_TYPE_STATISTICS (shoebox_statistics_get_type ())

GType              shoebox_deletion_get_type                  (void) G_GNUC_CONST;
ShoeboxDeletion   *shoebox_deletion_ref                       (ShoeboxDeletion    *deletion);
void               shoebox_deletion_unref                     (ShoeboxDeletion    *deletion);
guint              shoebox_deletion_get_n_pairs               (ShoeboxDeletion    *deletion);

GType              shoebox_statistics_get_type                (void) G_GNUC_CONST;
void               shoebox_statistics_free                    (ShoeboxStatistics  *statistics);
void               shoebox_photo_row_free                     (ShoeboxPhotoRow    *row);

#define SHOEBOX_TYPE_COLLECTION (shoebox_collection_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxCollection, shoebox_collection, SHOEBOX, COLLECTION, GObject)

ShoeboxCollection *shoebox_collection_new                     (ShoeboxDatabase    *database);
ShoeboxDatabase   *shoebox_collection_get_database            (ShoeboxCollection  *self);

gboolean           shoebox_collection_load_starter_catalogue  (ShoeboxCollection  *self,
                                                               guint              *n_added,
                                                               GError            **error);
gboolean           shoebox_collection_load_catalogue_data     (ShoeboxCollection  *self,
                                                               GBytes             *data,
                                                               guint              *n_added,
                                                               GError            **error);
ShoeboxSilhouette *shoebox_collection_get_silhouette          (ShoeboxCollection  *self,
                                                               gint64              id,
                                                               GError            **error);
ShoeboxSilhouette *shoebox_collection_find_silhouette         (ShoeboxCollection  *self,
                                                               const char         *brand,
                                                               const char         *name,
                                                               GError            **error);
gboolean           shoebox_collection_save_silhouette         (ShoeboxCollection  *self,
                                                               ShoeboxSilhouette  *silhouette,
                                                               GError            **error);
gboolean           shoebox_collection_delete_silhouette       (ShoeboxCollection  *self,
                                                               gint64              id,
                                                               GError            **error);
GListModel        *shoebox_collection_list_silhouettes        (ShoeboxCollection  *self,
                                                               GError            **error);
GListModel        *shoebox_collection_list_lineage            (ShoeboxCollection  *self,
                                                               gint64              silhouette_id,
                                                               GError            **error);
char             **shoebox_collection_list_brands             (ShoeboxCollection  *self,
                                                               GError            **error);
char             **shoebox_collection_list_tags               (ShoeboxCollection  *self,
                                                               GError            **error);

ShoeboxPair       *shoebox_collection_get_pair                (ShoeboxCollection  *self,
                                                               gint64              id,
                                                               GError            **error);
GPtrArray         *shoebox_collection_get_pairs               (ShoeboxCollection  *self,
                                                               const gint64       *ids,
                                                               guint               n_ids,
                                                               GError            **error);
gboolean           shoebox_collection_save_pair               (ShoeboxCollection  *self,
                                                               ShoeboxPair        *pair,
                                                               GError            **error);
ShoeboxPair       *shoebox_collection_duplicate_pair          (ShoeboxCollection  *self,
                                                               gint64              id,
                                                               GError            **error);
ShoeboxDeletion   *shoebox_collection_delete_pairs            (ShoeboxCollection  *self,
                                                               const gint64       *ids,
                                                               guint               n_ids,
                                                               GError            **error);
gboolean           shoebox_collection_restore_pairs           (ShoeboxCollection  *self,
                                                               ShoeboxDeletion    *deletion,
                                                               GError            **error);
guint              shoebox_collection_count_pairs             (ShoeboxCollection  *self,
                                                               GError            **error);

gboolean           shoebox_collection_log_wear                (ShoeboxCollection  *self,
                                                               const gint64       *ids,
                                                               guint               n_ids,
                                                               const char         *date,
                                                               GError            **error);
gboolean           shoebox_collection_log_new_wear            (ShoeboxCollection  *self,
                                                               const gint64       *ids,
                                                               guint               n_ids,
                                                               const char         *date,
                                                               GArray             *logged,
                                                               GError            **error);
gboolean           shoebox_collection_remove_wear             (ShoeboxCollection  *self,
                                                               gint64              pair_id,
                                                               const char         *date,
                                                               GError            **error);

gboolean           shoebox_collection_save_pair_with_photos   (ShoeboxCollection  *self,
                                                               ShoeboxPair        *pair,
                                                               const char * const *photos,
                                                               const char         *side_profile,
                                                               GError            **error);
gboolean           shoebox_collection_add_photo               (ShoeboxCollection  *self,
                                                               gint64              pair_id,
                                                               const char         *file_name,
                                                               gboolean            is_side_profile,
                                                               GError            **error);
gboolean           shoebox_collection_remove_photo            (ShoeboxCollection  *self,
                                                               gint64              pair_id,
                                                               const char         *file_name,
                                                               GError            **error);
gboolean           shoebox_collection_set_side_profile        (ShoeboxCollection  *self,
                                                               gint64              pair_id,
                                                               const char         *file_name,
                                                               GError            **error);
GPtrArray         *shoebox_collection_list_photos             (ShoeboxCollection  *self,
                                                               gint64              pair_id,
                                                               GError            **error);
gboolean           shoebox_collection_find_silhouette_photo   (ShoeboxCollection  *self,
                                                               gint64              silhouette_id,
                                                               gint64             *pair_id,
                                                               char              **file_name,
                                                               GError            **error);

GListModel        *shoebox_collection_search                  (ShoeboxCollection  *self,
                                                               const ShoeboxPairQuery *query,
                                                               GError            **error);
gboolean           shoebox_collection_search_into             (ShoeboxCollection  *self,
                                                               const ShoeboxPairQuery *query,
                                                               GListModel         *list,
                                                               GError            **error);
gboolean           shoebox_pair_query_finds_everything        (const ShoeboxPairQuery *query);
GListModel        *shoebox_collection_list_not_worn_since     (ShoeboxCollection  *self,
                                                               const char         *date,
                                                               GError            **error);
ShoeboxStatistics *shoebox_collection_compute_statistics      (ShoeboxCollection  *self,
                                                               const char         *today,
                                                               GError            **error);
void               shoebox_collection_compute_statistics_async  (ShoeboxCollection   *self,
                                                                 const char          *today,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
ShoeboxStatistics *shoebox_collection_compute_statistics_finish (ShoeboxCollection   *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);

gboolean           shoebox_collection_generate_pairs          (ShoeboxCollection  *self,
                                                               guint               n_pairs,
                                                               guint32             seed,
                                                               GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoeboxDeletion, shoebox_deletion_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoeboxStatistics, shoebox_statistics_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoeboxPhotoRow, shoebox_photo_row_free)

G_END_DECLS
