/* shoebox-pair-order.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-pair-order"

#include "config.h"

#include <string.h>
#include <time.h>

#include "shoebox-collection-private.h"
#include "shoebox-database-worker.h"
#include "shoebox-pair-order.h"
#include "shoebox-sort-key.h"

/* Every pair's place by every sort key, read once: a header click then
 * reorders the result in memory, in a counting sort of 100,000 integers,
 * where the same query ordered in SQL took 100–450 ms. The whole
 * collection is also put in every column's order, each way, as it is
 * read: a click on a list of every pair copies the ids in that order.
 *
 * The keys are those of the search's ORDER BY (shoebox-collection-search.c:
 * the same expressions, each way NULLS LAST, ties by id), compared the way
 * SQLite compares them; the core test "pair-order" checks that both give
 * the same order for every column. Each key's distinct values are ranked
 * once (ShoeboxSortKey), and a column's order is a sort of those ranks.
 *
 * A snapshot: the page drops it when the collection changes and reads a
 * new one (off the main thread); an id it does not know makes
 * shoebox_pair_order_sort() answer NULL, and the caller asks SQL.
 */

enum
{
  KEY_SILHOUETTE,
  KEY_BRAND,
  KEY_COLORWAY,
  KEY_SIZE_SYSTEM,
  KEY_SIZE,
  KEY_CONDITION,
  KEY_CURRENCY,
  KEY_PRICE_PAID,
  KEY_PURCHASE_DATE,
  KEY_WEARS,
  KEY_LAST_WORN,
  N_KEYS
};

/* Compared without regard to ASCII case, as COLLATE NOCASE. */
static const gboolean key_nocase[N_KEYS] = {
  [KEY_SILHOUETTE] = TRUE, [KEY_BRAND] = TRUE, [KEY_COLORWAY] = TRUE,
};

/* The keys of each ShoeboxPairSort, most significant first; -1 ends. */
static const int sort_keys[][2] = {
  [SHOEBOX_PAIR_SORT_ADDED] = { -1, -1 },
  [SHOEBOX_PAIR_SORT_RELEVANCE] = { -1, -1 },
  [SHOEBOX_PAIR_SORT_SILHOUETTE] = { KEY_SILHOUETTE, KEY_BRAND },
  [SHOEBOX_PAIR_SORT_BRAND] = { KEY_BRAND, KEY_SILHOUETTE },
  [SHOEBOX_PAIR_SORT_COLORWAY] = { KEY_COLORWAY, -1 },
  [SHOEBOX_PAIR_SORT_SIZE] = { KEY_SIZE_SYSTEM, KEY_SIZE },
  [SHOEBOX_PAIR_SORT_CONDITION] = { KEY_CONDITION, -1 },
  [SHOEBOX_PAIR_SORT_PRICE_PAID] = { KEY_CURRENCY, KEY_PRICE_PAID },
  [SHOEBOX_PAIR_SORT_PURCHASE_DATE] = { KEY_PURCHASE_DATE, -1 },
  [SHOEBOX_PAIR_SORT_WEARS] = { KEY_WEARS, -1 },
  [SHOEBOX_PAIR_SORT_LAST_WORN] = { KEY_LAST_WORN, -1 },
};

#define N_SORTS G_N_ELEMENTS (sort_keys)

struct _ShoeboxPairOrder
{
  guint    n_pairs;
  gint64  *ids;                /* ascending: a pair's index is its place here */
  guint32 *ranks[N_KEYS];      /* each key's place for each index (see ShoeboxSortKey) */
  guint32  n_ranks[N_KEYS];
  guint32 *index_of;           /* id → index + 1 (0: unknown), when the ids are dense enough */
  gint64   index_of_len;
  guint32 *every[N_SORTS][2];  /* every index in each sort's order, each way (order_every_pair()) */
};

/* A key's place the way the column sorts, NULL last either way. */
static guint32
directed_rank (guint32 rank,
               guint32 n_ranks,
               gboolean descending)
{
  if (rank == SHOEBOX_SORT_KEY_NULL)
    return n_ranks;
  return descending ? n_ranks - 1 - rank : rank;
}

/* A stable counting sort of the @n indexes @in by one key into @out. */
static void
sort_by_key (const guint32 *in,
             guint32       *out,
             guint          n,
             const guint32 *ranks,
             guint32        n_ranks,
             gboolean       descending)
{
  g_autofree guint32 *starts = g_new0 (guint32, (gsize) n_ranks + 2);

  for (guint32 i = 0; i < n; i++)
    starts[directed_rank (ranks[in[i]], n_ranks, descending) + 1]++;
  for (guint32 r = 1; r <= n_ranks + 1; r++)
    starts[r] += starts[r - 1];
  for (guint32 i = 0; i < n; i++)
    out[starts[directed_rank (ranks[in[i]], n_ranks, descending)]++] = in[i];
}

/* Direct lookup from id to index when the ids leave few holes, as they
 * do unless most pairs were deleted; else a binary search.
 */
static void
build_index (ShoeboxPairOrder *self)
{
  gint64 max_id = self->n_pairs > 0 ? self->ids[self->n_pairs - 1] : 0;

  if (self->n_pairs == 0 || self->ids[0] < 0 || max_id > 4 * (gint64) self->n_pairs + 4096)
    return;

  self->index_of_len = max_id + 1;
  self->index_of = g_new0 (guint32, self->index_of_len);
  for (guint32 i = 0; i < self->n_pairs; i++)
    self->index_of[self->ids[i]] = i + 1;
}

static gboolean
find_index (ShoeboxPairOrder *self,
            gint64            id,
            guint32          *index)
{
  guint32 low = 0;
  guint32 high = self->n_pairs;

  if (self->index_of != NULL)
    {
      if (id < 0 || id >= self->index_of_len || self->index_of[id] == 0)
        return FALSE;
      *index = self->index_of[id] - 1;
      return TRUE;
    }

  while (low < high)
    {
      guint32 middle = low + (high - low) / 2;

      if (self->ids[middle] < id)
        low = middle + 1;
      else
        high = middle;
    }
  if (low >= self->n_pairs || self->ids[low] != id)
    return FALSE;
  *index = low;
  return TRUE;
}

/* @by_id, @n indexes in order of id (which breaks every tie), put in
 * @sort's order: the least significant key first, each sort stable.
 * Takes @by_id.
 *
 * Returns: (transfer full): the indexes in order
 */
static guint32 *
order_indexes (ShoeboxPairOrder *self,
               ShoeboxPairSort   sort,
               gboolean          descending,
               guint32          *by_id,
               guint32           n)
{
  const int *keys = sort_keys[sort];
  guint32 *order;

  if (sort == SHOEBOX_PAIR_SORT_ADDED)
    {
      if (descending)
        for (guint32 i = 0; i < n / 2; i++)
          {
            guint32 swap = by_id[i];

            by_id[i] = by_id[n - 1 - i];
            by_id[n - 1 - i] = swap;
          }
      return by_id;
    }

  order = g_new (guint32, MAX (n, 1));
  if (keys[1] >= 0)
    {
      sort_by_key (by_id, order, n, self->ranks[keys[1]], self->n_ranks[keys[1]], descending);
      memcpy (by_id, order, n * sizeof (guint32));
    }
  sort_by_key (by_id, order, n, self->ranks[keys[0]], self->n_ranks[keys[0]], descending);
  g_free (by_id);
  return order;
}

static GArray *
ids_in_order (ShoeboxPairOrder *self,
              const guint32    *order,
              guint32           n)
{
  GArray *sorted = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);

  g_array_set_size (sorted, n);
  for (guint32 i = 0; i < n; i++)
    g_array_index (sorted, gint64, i) = self->ids[order[i]];

  return sorted;
}

static guint32 *
every_index (ShoeboxPairOrder *self)
{
  guint32 *by_id = g_new (guint32, MAX (self->n_pairs, 1));

  for (guint32 i = 0; i < self->n_pairs; i++)
    by_id[i] = i;

  return by_id;
}

/* Every pair in each column's order, each way, on the reading thread:
 * a header click on the whole collection then only copies the ids in
 * order, where its one or two counting sorts took 1.5–3.5 ms of the
 * click's frame with 100,000 pairs. 8 MB for 100,000 pairs.
 */
static void
order_every_pair (ShoeboxPairOrder *self)
{
  for (guint sort = 0; sort < N_SORTS; sort++)
    {
      if (sort_keys[sort][0] < 0)
        continue;
      for (int descending = 0; descending < 2; descending++)
        self->every[sort][descending] = order_indexes (self, sort, descending, every_index (self), self->n_pairs);
    }
}

/* The pairs' own keys, one row each in order of id; the silhouette and
 * brand names are read once per silhouette (read_silhouettes()), the
 * wears once per wear (read_wears()). Columns: the id, the silhouette,
 * then keys KEY_COLORWAY to KEY_PURCHASE_DATE.
 */
#define FIRST_OWN_KEY KEY_COLORWAY
#define LAST_OWN_KEY  KEY_PURCHASE_DATE

typedef struct
{
  guint    n_pairs;
  guint    capacity;
  gint64  *ids;
  guint32 *silhouette_of;      /* an index into the silhouettes read, or G_MAXUINT32 */
  guint32 *ranks[N_KEYS];      /* slots of each key's ShoeboxSortKey, then places */
  guint32  n_ranks[N_KEYS];
  ShoeboxSortKey *keys[N_KEYS];
  GArray  *silhouette_ids;     /* gint64, ascending */
  guint32 *silhouette_ranks[2]; /* per silhouette: the places of its name and its brand's */
} Reading;

static void
reading_clear (Reading *reading)
{
  g_free (reading->ids);
  g_free (reading->silhouette_of);
  for (int k = 0; k < N_KEYS; k++)
    {
      g_free (reading->ranks[k]);
      g_clear_pointer (&reading->keys[k], shoebox_sort_key_free);
    }
  g_clear_pointer (&reading->silhouette_ids, g_array_unref);
  g_free (reading->silhouette_ranks[0]);
  g_free (reading->silhouette_ranks[1]);
}

static ShoeboxStatement *
prepare (ShoeboxDatabase  *database,
         CollectionSql     sql,
         GError          **error)
{
  return shoebox_database_prepare (database, _shoebox_collection_sql (sql), error);
}

/* A few hundred silhouettes, whatever the number of pairs: each one's
 * name and brand ranked here stand for those of all its pairs.
 */
static gboolean
read_silhouettes (Reading          *reading,
                  ShoeboxDatabase  *database,
                  GError          **error)
{
  g_autoptr(ShoeboxStatement) stmt = prepare (database, COLLECTION_SQL_PAIR_ORDER_SILHOUETTES, error);
  g_autoptr(ShoeboxSortKey) names = shoebox_sort_key_new (key_nocase[KEY_SILHOUETTE]);
  g_autoptr(ShoeboxSortKey) brands = shoebox_sort_key_new (key_nocase[KEY_BRAND]);
  g_autoptr(GArray) name_slots = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) brand_slots = g_array_new (FALSE, FALSE, sizeof (guint32));
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  reading->silhouette_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((ok = shoebox_database_step_row (database, stmt, &has_row, error)) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint32 name = shoebox_sort_key_add_column (names, stmt, 1);
      guint32 brand = shoebox_sort_key_add_column (brands, stmt, 2);

      g_array_append_val (reading->silhouette_ids, id);
      g_array_append_val (name_slots, name);
      g_array_append_val (brand_slots, brand);
    }
  if (!ok)
    return FALSE;

  reading->n_ranks[KEY_SILHOUETTE] = shoebox_sort_key_rank (names, (guint32 *) (gpointer) name_slots->data, name_slots->len);
  reading->n_ranks[KEY_BRAND] = shoebox_sort_key_rank (brands, (guint32 *) (gpointer) brand_slots->data, brand_slots->len);
  reading->silhouette_ranks[0] = (guint32 *) (gpointer) g_array_free (g_steal_pointer (&name_slots), FALSE);
  reading->silhouette_ranks[1] = (guint32 *) (gpointer) g_array_free (g_steal_pointer (&brand_slots), FALSE);
  return TRUE;
}

static guint32
find_silhouette (Reading *reading,
                 gint64   id)
{
  const gint64 *ids = (const gint64 *) (gconstpointer) reading->silhouette_ids->data;
  guint32 low = 0;
  guint32 high = reading->silhouette_ids->len;

  while (low < high)
    {
      guint32 middle = low + (high - low) / 2;

      if (ids[middle] < id)
        low = middle + 1;
      else
        high = middle;
    }
  return low < reading->silhouette_ids->len && ids[low] == id ? low : G_MAXUINT32;
}

static void
grow_pairs (Reading *reading)
{
  reading->capacity = MAX (reading->capacity * 2, 1024);
  reading->ids = g_renew (gint64, reading->ids, reading->capacity);
  reading->silhouette_of = g_renew (guint32, reading->silhouette_of, reading->capacity);
  for (int k = 0; k < N_KEYS; k++)
    reading->ranks[k] = g_renew (guint32, reading->ranks[k], reading->capacity);
}

static gboolean
read_pairs (Reading          *reading,
            ShoeboxDatabase  *database,
            GError          **error)
{
  g_autoptr(ShoeboxStatement) stmt = prepare (database, COLLECTION_SQL_PAIR_ORDER_PAIRS, error);
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  for (int k = FIRST_OWN_KEY; k <= LAST_OWN_KEY; k++)
    reading->keys[k] = shoebox_sort_key_new (key_nocase[k]);

  while ((ok = shoebox_database_step_row (database, stmt, &has_row, error)) && has_row)
    {
      guint32 silhouette = find_silhouette (reading, sqlite3_column_int64 (stmt, 1));
      guint32 i = reading->n_pairs;

      /* A pair whose silhouette is missing is in no search (PAIR_FROM
       * joins them): left out, as the search leaves it out.
       */
      if (silhouette == G_MAXUINT32)
        continue;
      if (i == reading->capacity)
        grow_pairs (reading);
      reading->ids[i] = sqlite3_column_int64 (stmt, 0);
      reading->silhouette_of[i] = silhouette;
      /* In the fewest calls each column's constraints allow (see
       * COLLECTION_SQL_PAIR_ORDER_PAIRS).
       */
      reading->ranks[KEY_COLORWAY][i] = shoebox_sort_key_add_column (reading->keys[KEY_COLORWAY], stmt, 2);
      reading->ranks[KEY_SIZE_SYSTEM][i] = shoebox_sort_key_add_text_column (reading->keys[KEY_SIZE_SYSTEM], stmt, 3);
      reading->ranks[KEY_SIZE][i] = shoebox_sort_key_add_column (reading->keys[KEY_SIZE], stmt, 4);
      reading->ranks[KEY_CONDITION][i] = shoebox_sort_key_add_integer_column (reading->keys[KEY_CONDITION], stmt, 5, 0);
      reading->ranks[KEY_CURRENCY][i] = shoebox_sort_key_add_column (reading->keys[KEY_CURRENCY], stmt, 6);
      reading->ranks[KEY_PRICE_PAID][i] = shoebox_sort_key_add_integer_column (reading->keys[KEY_PRICE_PAID], stmt, 7, -1);
      reading->ranks[KEY_PURCHASE_DATE][i] = shoebox_sort_key_add_text_column (reading->keys[KEY_PURCHASE_DATE], stmt, 8);
      reading->n_pairs++;
    }
  if (!ok)
    return FALSE;
  if (reading->n_pairs == reading->capacity)
    grow_pairs (reading);
  return TRUE;
}

/* One ordered pass over the wears index, from the last pair back: a
 * pair's first wear there is its last worn, its wears its count; no
 * aggregate, no temporary table.
 */
static gboolean
read_wears (Reading          *reading,
            ShoeboxDatabase  *database,
            GError          **error)
{
  g_autoptr(ShoeboxStatement) stmt = prepare (database, COLLECTION_SQL_PAIR_ORDER_WEARS, error);
  g_autofree guint32 *counts = g_new0 (guint32, reading->n_pairs);
  guint32 *last = reading->ranks[KEY_LAST_WORN];
  gint64 index = (gint64) reading->n_pairs - 1;
  gint64 pair = G_MININT64;
  gboolean known = FALSE;
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  reading->keys[KEY_WEARS] = shoebox_sort_key_new (key_nocase[KEY_WEARS]);
  reading->keys[KEY_LAST_WORN] = shoebox_sort_key_new (key_nocase[KEY_LAST_WORN]);
  for (guint32 i = 0; i < reading->n_pairs; i++)
    last[i] = SHOEBOX_SORT_KEY_NULL;

  while ((ok = shoebox_database_step_row (database, stmt, &has_row, error)) && has_row)
    {
      gint64 pair_id = sqlite3_column_int64 (stmt, 0);

      if (pair_id != pair)
        {
          pair = pair_id;
          while (index >= 0 && reading->ids[index] > pair)
            index--;
          known = index >= 0 && reading->ids[index] == pair;
          if (known)
            last[index] = shoebox_sort_key_add_text_column (reading->keys[KEY_LAST_WORN], stmt, 1);
        }
      if (known)
        counts[index]++;
    }
  if (!ok)
    return FALSE;

  for (guint32 i = 0; i < reading->n_pairs; i++)
    reading->ranks[KEY_WEARS][i] = shoebox_sort_key_add_integer (reading->keys[KEY_WEARS], counts[i]);
  return TRUE;
}

/* Three statements, one snapshot: a read transaction round them. */
static gboolean
read_keys (Reading          *reading,
           ShoeboxDatabase  *database,
           GCancellable     *cancellable,
           GError          **error)
{
  gboolean ok;

  if (!shoebox_database_exec (database, "BEGIN", error))
    return FALSE;
  ok = read_silhouettes (reading, database, error)
       && read_pairs (reading, database, error)
       && read_wears (reading, database, error)
       && !g_cancellable_set_error_if_cancelled (cancellable, error);
  /* Nothing was written: ending the transaction cannot lose anything. */
  shoebox_database_exec (database, "ROLLBACK", NULL);
  return ok;
}

/**
 * shoebox_pair_order_read:
 * @database: the collection's database (a worker's own connection)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads and ranks every pair's sort keys: about 0.1 s of CPU with
 * 100,000 pairs, for a worker thread.
 *
 * Returns: (transfer full): the orders, or %NULL with @error set
 */
ShoeboxPairOrder *
shoebox_pair_order_read (ShoeboxDatabase  *database,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_autoptr(ShoeboxPairOrder) self = g_new0 (ShoeboxPairOrder, 1);
  Reading reading = { 0 };

  if (!read_keys (&reading, database, cancellable, error))
    {
      reading_clear (&reading);
      return NULL;
    }

  /* Key by key, each row's slot becomes a small integer, its place... */
  for (int k = FIRST_OWN_KEY; k < N_KEYS; k++)
    reading.n_ranks[k] = shoebox_sort_key_rank (reading.keys[k], reading.ranks[k], reading.n_pairs);
  for (guint32 i = 0; i < reading.n_pairs; i++)
    {
      reading.ranks[KEY_SILHOUETTE][i] = reading.silhouette_ranks[0][reading.silhouette_of[i]];
      reading.ranks[KEY_BRAND][i] = reading.silhouette_ranks[1][reading.silhouette_of[i]];
    }

  /* ...kept: a column's order over part of the collection is one or two
   * counting sorts of those integers, 1.5–3.5 ms for 100,000 pairs when
   * its header is clicked. Over all of it, the orders are made here
   * (order_every_pair()): 15 ms more of this thread's 110 ms of CPU.
   */
  self->n_pairs = reading.n_pairs;
  for (int k = 0; k < N_KEYS; k++)
    {
      self->ranks[k] = g_steal_pointer (&reading.ranks[k]);
      self->n_ranks[k] = reading.n_ranks[k];
    }
  self->ids = g_steal_pointer (&reading.ids);
  reading_clear (&reading);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  build_index (self);
  order_every_pair (self);
  return g_steal_pointer (&self);
}

static double
thread_cpu_ms (void)
{
  struct timespec now = { 0 };

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static void
read_thread (GTask           *task,
             ShoeboxDatabase *connection,
             gpointer         job_data,
             GCancellable    *cancellable)
{
  GError *error = NULL;
  double start = thread_cpu_ms ();
  ShoeboxPairOrder *order = shoebox_pair_order_read (connection, cancellable, &error);

  if (order != NULL)
    g_debug ("Ordered %u pairs by every column in %.0f ms of CPU", order->n_pairs, thread_cpu_ms () - start);

  if (order == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, order, (GDestroyNotify) shoebox_pair_order_free);
}

/**
 * shoebox_pair_order_read_async:
 * @collection: a #ShoeboxCollection
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * shoebox_pair_order_read() in a worker thread, on a connection of its own.
 */
void
shoebox_pair_order_read_async (ShoeboxCollection   *collection,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SHOEBOX_IS_COLLECTION (collection));

  task = g_task_new (collection, cancellable, callback, user_data);
  g_task_set_source_tag (task, shoebox_pair_order_read_async);
  shoebox_database_run_in_thread (collection->database, task, read_thread, NULL, NULL);
}

/**
 * shoebox_pair_order_read_finish:
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the orders, or %NULL with @error set
 */
ShoeboxPairOrder *
shoebox_pair_order_read_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * shoebox_pair_order_sort:
 * @self: the orders
 * @sort: the column
 * @descending: which way
 * @ids: (array length=n_ids): the pairs of a result, in any order
 * @n_ids: how many
 *
 * Orders @ids as the search would with @sort, in one or two counting
 * sorts by the column's keys' ranks; the whole collection, as
 * shoebox_pair_order_sort_all() does.
 *
 * Returns: (transfer full) (nullable): the ids in order, or %NULL if
 *   @sort is by relevance or an id is not one @self knows
 */
GArray *
shoebox_pair_order_sort (ShoeboxPairOrder *self,
                         ShoeboxPairSort   sort,
                         gboolean          descending,
                         const gint64     *ids,
                         guint             n_ids)
{
  g_autofree guint8 *wanted = NULL;
  g_autofree guint32 *order = NULL;
  guint32 *by_id;
  guint32 n = 0;

  g_return_val_if_fail (self != NULL, NULL);

  if (sort >= N_SORTS || sort == SHOEBOX_PAIR_SORT_RELEVANCE)
    return NULL;

  wanted = g_new0 (guint8, self->n_pairs);
  for (guint i = 0; i < n_ids; i++)
    {
      guint32 index;

      if (!find_index (self, ids[i], &index))
        return NULL;
      n += !wanted[index];
      wanted[index] = 1;
    }
  /* The whole collection: in the order made when it was read. */
  if (n == self->n_pairs)
    return shoebox_pair_order_sort_all (self, sort, descending);

  by_id = g_new (guint32, MAX (n, 1));
  n = 0;
  for (guint32 i = 0; i < self->n_pairs; i++)
    if (wanted[i])
      by_id[n++] = i;

  order = order_indexes (self, sort, descending, by_id, n);
  return ids_in_order (self, order, n);
}

/**
 * shoebox_pair_order_sort_all:
 * @self: the orders
 * @sort: the column
 * @descending: which way
 *
 * Every pair @self knows, in @sort's order: what a search with no text
 * and no filter finds, without asking the database.
 *
 * Returns: (transfer full) (nullable): the ids in order, or %NULL if
 *   @sort is by relevance
 */
GArray *
shoebox_pair_order_sort_all (ShoeboxPairOrder *self,
                             ShoeboxPairSort   sort,
                             gboolean          descending)
{
  g_autofree guint32 *order = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (sort >= N_SORTS || sort == SHOEBOX_PAIR_SORT_RELEVANCE)
    return NULL;

  if (self->every[sort][!!descending] != NULL)
    return ids_in_order (self, self->every[sort][!!descending], self->n_pairs);

  order = order_indexes (self, sort, descending, every_index (self), self->n_pairs);
  return ids_in_order (self, order, self->n_pairs);
}

void
shoebox_pair_order_free (ShoeboxPairOrder *self)
{
  if (self == NULL)
    return;

  for (int k = 0; k < N_KEYS; k++)
    g_free (self->ranks[k]);
  for (guint sort = 0; sort < N_SORTS; sort++)
    {
      g_free (self->every[sort][0]);
      g_free (self->every[sort][1]);
    }
  g_free (self->ids);
  g_free (self->index_of);
  g_free (self);
}
