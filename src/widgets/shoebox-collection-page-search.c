/* shoebox-collection-page-search.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-collection-page"

#include "config.h"

#include "shoebox-collection-page-private.h"
#include "shoebox-pair-list.h"
#include "shoebox-selection.h"
#include "shoebox-toast.h"

/* The Collection page's search: the entry's text, the filters and the
 * sort made into one query, its results put into the same model so the
 * cells on screen are kept, the selection carried over by pair, the view
 * that fits the result shown, and a failure told in a toast. The rest of
 * the page (its filters, the editor, wears and deletions) calls in here,
 * never the other way.
 */

/* What the grid shows at first, before the window's first frame: six
 * columns (the most it has) of five rows, what a maximised full-HD window
 * shows. With 100,000 pairs, querying them all and building GTK's 180
 * cells for them would double the time to the first frame; the rest
 * follows right after it.
 */
#define FIRST_SCREENFUL 30

static const char *
selected_string (GtkDropDown *drop_down)
{
  guint position = gtk_drop_down_get_selected (drop_down);
  GListModel *model = gtk_drop_down_get_model (drop_down);

  /* Position 0 is "All …". */
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || model == NULL)
    return NULL;

  return gtk_string_list_get_string (GTK_STRING_LIST (model), position);
}

void
_shoebox_collection_page_update_view (ShoeboxCollectionPage *self)
{
  GListModel *model = shoebox_selection_get_model (self->selection);
  g_autoptr(GError) error = NULL;
  const char *visible;

  if (self->collection == NULL)
    visible = "unavailable";
  else if (model != NULL && g_list_model_get_n_items (model) > 0)
    visible = gtk_toggle_button_get_active (self->list_button) ? "list" : "grid";
  else if (shoebox_collection_count_pairs (self->collection, &error) == 0 && error == NULL)
    visible = "empty";
  else
    visible = "no-results";

  /* Only the view on screen follows the model: a hidden view would still
   * rebuild and measure its rows on every keystroke.
   */
  gtk_grid_view_set_model (self->grid_view, g_str_equal (visible, "grid") ? GTK_SELECTION_MODEL (self->selection) : NULL);
  gtk_column_view_set_model (self->column_view, g_str_equal (visible, "list") ? GTK_SELECTION_MODEL (self->selection) : NULL);
  gtk_stack_set_visible_child_name (self->view_stack, visible);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), self->collection != NULL);
  if (g_str_equal (visible, "list"))
    _shoebox_collection_page_want_order (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->filter_button), self->collection != NULL);
}

/* A new result keeps positions, not pairs (ShoeboxPairList): the pairs
 * selected before stay selected where they are now, and only they.
 */
void
_shoebox_collection_page_select_ids (ShoeboxCollectionPage *self,
            GArray                *ids)
{
  g_autoptr(GHashTable) wanted = NULL;
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GtkBitset) everything = NULL;
  g_autoptr(GtkBitset) selected_before = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n_items = g_list_model_get_n_items (self->pairs);

  if (ids->len == 0 && gtk_bitset_is_empty (selected_before))
    return;

  wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (wanted, &g_array_index (ids, gint64, i));

  selected = gtk_bitset_new_empty ();
  for (guint i = 0; i < n_items && g_hash_table_size (wanted) > 0; i++)
    {
      gint64 id = shoebox_pair_list_get_id (SHOEBOX_PAIR_LIST (self->pairs), i);

      if (g_hash_table_remove (wanted, &id))
        gtk_bitset_add (selected, i);
    }

  everything = gtk_bitset_new_range (0, n_items);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, everything);
}

/* @keep_unchanged: a new search over the same pairs, where a pair that
 * stays at its position is not read again; off when the pairs themselves
 * may have changed (an edit, a wear, an import).
 */
void
_shoebox_collection_page_run_search (ShoeboxCollectionPage *self,
            gboolean               keep_unchanged)
{
  g_autoptr(GListModel) pairs = NULL;
  g_autoptr(GError) error = NULL;
  ShoeboxPairQuery query = { 0 };
  guint condition;
  guint status;
  guint silhouette;

  if (self->collection == NULL)
    {
      shoebox_selection_set_model (self->selection, NULL);
      g_clear_object (&self->pairs);
      _shoebox_collection_page_update_view (self);
      return;
    }

  /* The pairs may have changed: their orders in memory may be wrong. */
  if (!keep_unchanged)
    _shoebox_collection_page_drop_order (self);

  query.text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_free (self->searched_text);
  self->searched_text = g_strdup (query.text);
  /* Whatever runs now runs in full. */
  self->rest_pending = FALSE;
  /* The filters, once built (their popover opened once). */
  if (self->brand_filter != NULL)
    {
      query.brand = selected_string (self->brand_filter);
      query.tag = selected_string (self->tag_filter);

      silhouette = gtk_drop_down_get_selected (self->silhouette_filter);
      if (silhouette != GTK_INVALID_LIST_POSITION && silhouette > 0 && silhouette < self->silhouette_ids->len)
        query.silhouette_id = g_array_index (self->silhouette_ids, gint64, silhouette);

      /* The drop-downs list the values in enum order, after "All …". */
      condition = gtk_drop_down_get_selected (self->condition_filter);
      if (condition != GTK_INVALID_LIST_POSITION && condition > 0)
        query.conditions = 1u << (SHOEBOX_CONDITION_DEADSTOCK + condition - 1);
      status = gtk_drop_down_get_selected (self->status_filter);
      if (status != GTK_INVALID_LIST_POSITION && status > 0)
        query.statuses = 1u << (SHOEBOX_STATUS_OWNED + status - 1);
    }

  /* The order the user chose holds while they type: results do not jump
   * around between keys, and a key that narrows the result leaves the
   * pairs that stay at its head as they are.
   */
  query.sort = _shoebox_collection_page_get_sort (self, &query.descending);

  /* Refill the same model, which keeps its positions: the cells on
   * screen show the new pairs, none is built again.
   */
  if (self->pairs != NULL)
    {
      g_autoptr(GArray) selected = _shoebox_collection_page_dup_selected_ids (self);

      shoebox_pair_list_set_keep_unchanged (SHOEBOX_PAIR_LIST (self->pairs), keep_unchanged);
      _shoebox_collection_page_tell_near (self);
      if (!_shoebox_collection_page_search_into (self, &query, &error))
        shoebox_toast_add (GTK_WIDGET (self), shoebox_toast_new_error (error->message));
      _shoebox_collection_page_catch_up_later (self);
      _shoebox_collection_page_select_ids (self, selected);
    }
  else
    {
      /* Not on screen yet: the first screenful now, the rest after the
       * first frame (load_rest).
       */
      if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
        query.limit = FIRST_SCREENFUL;
      pairs = shoebox_collection_search (self->collection, &query, &error);
      if (pairs == NULL)
        shoebox_toast_add (GTK_WIDGET (self), shoebox_toast_new_error (error->message));
      self->pairs = g_steal_pointer (&pairs);
      shoebox_selection_set_model (self->selection, self->pairs);
      self->rest_pending = query.limit > 0 && self->pairs != NULL
                           && g_list_model_get_n_items (self->pairs) == query.limit;
    }

  _shoebox_collection_page_update_view (self);
}

/* The ids of the selected pairs, for shoebox_collection_page_dup_selected_ids()
 * and for carrying the selection over a new search.
 */
GArray *
_shoebox_collection_page_dup_selected_ids (ShoeboxCollectionPage *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GListModel *model = shoebox_selection_get_model (self->selection);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  if (model == NULL)
    return ids;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = shoebox_pair_list_get_id (SHOEBOX_PAIR_LIST (model), position);

      g_array_append_val (ids, id);
    }

  return ids;
}
