/* shoebox-collection-page-order.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-collection-page"

#include "config.h"

#include "shoebox-collection-page-private.h"
#include "shoebox-pair-list.h"

/* The list's sorts in memory (ShoeboxPairOrder). Ordered in SQL, a sort
 * of 100,000 pairs took 100–450 ms from the header click to the frame;
 * with every column's order read once, off the main thread, a click
 * reorders the ids the list already has, and a search with a sort asks
 * SQL only which pairs match.
 *
 * The orders are read when the list is first on screen, from its first
 * frame on, while the main thread loads the rest of the results; never
 * for the grid alone: a collector who never sorts never pays for it. Any
 * change to the collection drops them (the search after it orders in
 * SQL, as before) and they are read again.
 */

static void
order_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ShoeboxCollectionPage) self = user_data;
  g_autoptr(ShoeboxPairOrder) order = NULL;
  g_autoptr(GError) error = NULL;

  order = shoebox_pair_order_read_finish (result, &error);
  /* Dropped meanwhile: the collection changed since it was read. */
  if (g_task_get_cancellable (G_TASK (result)) != self->order_cancellable
      || g_cancellable_is_cancelled (self->order_cancellable))
    return;
  g_clear_object (&self->order_cancellable);
  if (order == NULL)
    {
      /* The sorts stay in SQL, as slow as before but right. */
      g_message ("The list's sort orders could not be read: %s", error->message);
      return;
    }
  self->order = g_steal_pointer (&order);
}

/* Reads the orders if the list is on screen and they are not read yet. */
void
_shoebox_collection_page_want_order (ShoeboxCollectionPage *self)
{
  /* Not before the first frame, whose work it would slow down. */
  if (self->collection == NULL || self->order != NULL || self->order_cancellable != NULL
      || self->first_frame_clock != NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->order_cancellable = g_cancellable_new ();
  shoebox_pair_order_read_async (self->collection, self->order_cancellable, order_read_cb, g_object_ref (self));
}

void
_shoebox_collection_page_drop_order (ShoeboxCollectionPage *self)
{
  g_cancellable_cancel (self->order_cancellable);
  g_clear_object (&self->order_cancellable);
  g_clear_pointer (&self->order, shoebox_pair_order_free);
}

/* @query's pairs in its order, into the page's list: SQL finds them in
 * the order they were added, the orders in memory sort them. A query
 * for every pair (the search word cleared) needs no SQL at all: the
 * orders know every pair. FALSE with nothing done when that cannot be
 * (no orders yet, a relevance sort, a pair the orders do not know).
 */
static gboolean
search_sorted_in_memory (ShoeboxCollectionPage   *self,
                         const ShoeboxPairQuery  *query,
                         GError                 **error)
{
  ShoeboxPairQuery unsorted = *query;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GArray) sorted = NULL;
  const gint64 *ids;
  guint n_ids;

  if (self->order == NULL || query->sort == SHOEBOX_PAIR_SORT_RELEVANCE)
    return FALSE;

  if (shoebox_pair_query_finds_everything (query))
    {
      sorted = shoebox_pair_order_sort_all (self->order, query->sort, query->descending);
    }
  else
    {
      /* In the order added, SQL alone is as quick. */
      if (query->sort == SHOEBOX_PAIR_SORT_ADDED)
        return FALSE;
      unsorted.sort = SHOEBOX_PAIR_SORT_ADDED;
      unsorted.descending = FALSE;
      found = shoebox_collection_search (self->collection, &unsorted, error);
      if (found == NULL)
        return FALSE;
      ids = shoebox_pair_list_get_ids (SHOEBOX_PAIR_LIST (found), &n_ids);
      sorted = shoebox_pair_order_sort (self->order, query->sort, query->descending, ids, n_ids);
    }
  if (sorted == NULL)
    return FALSE;

  shoebox_pair_list_replace (SHOEBOX_PAIR_LIST (self->pairs), g_steal_pointer (&sorted));
  return TRUE;
}

/**
 * _shoebox_collection_page_search_into:
 * @self: the page, with a list of results
 * @query: what to find, and in which order
 * @error: return location for a #GError
 *
 * Runs @query into the page's list: sorted in memory when it can be,
 * else ordered by SQL.
 *
 * Returns: %TRUE on success
 */
gboolean
_shoebox_collection_page_search_into (ShoeboxCollectionPage   *self,
                                      const ShoeboxPairQuery  *query,
                                      GError                 **error)
{
  g_autoptr(GError) local_error = NULL;

  if (search_sorted_in_memory (self, query, &local_error))
    return TRUE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return shoebox_collection_search_into (self->collection, query, self->pairs, error);
}

/**
 * _shoebox_collection_page_sort_in_place:
 * @self: the page
 * @sort: the column now sorted by
 * @descending: which way
 *
 * A header click: the same pairs in another order, without a query.
 *
 * Returns: %TRUE if the list was reordered, %FALSE if a search must
 *   order it (no orders yet, or only the first screenful is loaded)
 */
gboolean
_shoebox_collection_page_sort_in_place (ShoeboxCollectionPage *self,
                                        ShoeboxPairSort        sort,
                                        gboolean               descending)
{
  g_autoptr(GArray) sorted = NULL;
  const gint64 *ids;
  guint n_ids;

  if (self->order == NULL || self->pairs == NULL || self->rest_pending)
    return FALSE;

  ids = shoebox_pair_list_get_ids (SHOEBOX_PAIR_LIST (self->pairs), &n_ids);
  sorted = shoebox_pair_order_sort (self->order, sort, descending, ids, n_ids);
  if (sorted == NULL)
    return FALSE;

  /* The pairs are the same: a row that keeps its pair is not read again. */
  shoebox_pair_list_set_keep_unchanged (SHOEBOX_PAIR_LIST (self->pairs), TRUE);
  _shoebox_collection_page_tell_near (self);
  shoebox_pair_list_replace (SHOEBOX_PAIR_LIST (self->pairs), g_steal_pointer (&sorted));
  _shoebox_collection_page_catch_up_later (self);
  return TRUE;
}
