/* shoebox-selection.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-selection"

#include "config.h"

#include "shoebox-selection.h"

/* A multiple selection kept as positions only.
 *
 * GtkMultiSelection (GTK 4.8) remembers selected items by object and, on
 * every items-changed, fetches each added item to look it up: refilling
 * the search results of 100,000 pairs made it load all 100,000 from the
 * database per keystroke. This model never asks for an item; it moves its
 * bitset along with the changes instead.
 */

struct _ShoeboxSelection
{
  GObject     parent_instance;

  GListModel *model;
  GtkBitset  *selected;
  gboolean    toggling;   /* selection mode: a click adds or removes */
};

static void shoebox_selection_list_model_init      (GListModelInterface        *iface);
static void shoebox_selection_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ShoeboxSelection, shoebox_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, shoebox_selection_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, shoebox_selection_selection_model_init))

static GType
shoebox_selection_get_item_type (GListModel *list)
{
  ShoeboxSelection *self = SHOEBOX_SELECTION (list);

  return self->model != NULL ? g_list_model_get_item_type (self->model) : G_TYPE_OBJECT;
}

static guint
shoebox_selection_get_n_items (GListModel *list)
{
  ShoeboxSelection *self = SHOEBOX_SELECTION (list);

  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

static gpointer
shoebox_selection_get_item (GListModel *list,
                            guint       position)
{
  ShoeboxSelection *self = SHOEBOX_SELECTION (list);

  return self->model != NULL ? g_list_model_get_item (self->model, position) : NULL;
}

static void
shoebox_selection_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = shoebox_selection_get_item_type;
  iface->get_n_items = shoebox_selection_get_n_items;
  iface->get_item = shoebox_selection_get_item;
}

static gboolean
shoebox_selection_is_selected (GtkSelectionModel *model,
                               guint              position)
{
  return gtk_bitset_contains (SHOEBOX_SELECTION (model)->selected, position);
}

static GtkBitset *
shoebox_selection_get_selection_in_range (GtkSelectionModel *model,
                                          guint              position,
                                          guint              n_items)
{
  return gtk_bitset_ref (SHOEBOX_SELECTION (model)->selected);
}

static gboolean
shoebox_selection_set_selection (GtkSelectionModel *model,
                                 GtkBitset         *selected,
                                 GtkBitset         *mask)
{
  ShoeboxSelection *self = SHOEBOX_SELECTION (model);
  g_autoptr(GtkBitset) changes = gtk_bitset_copy (self->selected);
  g_autoptr(GtkBitset) keep = gtk_bitset_copy (self->selected);
  g_autoptr(GtkBitset) add = gtk_bitset_copy (selected);
  guint first;
  guint last;

  /* new = (old & ~mask) | (selected & mask); gtk_bitset_difference()
   * would be the symmetric difference, selecting every unselected item
   * under the mask.
   */
  gtk_bitset_subtract (keep, mask);
  gtk_bitset_intersect (add, mask);
  gtk_bitset_union (keep, add);

  gtk_bitset_difference (changes, keep);
  {
    g_autoptr(GtkBitset) added = gtk_bitset_copy (keep);

    gtk_bitset_difference (added, self->selected);
    gtk_bitset_union (changes, added);
  }

  gtk_bitset_unref (self->selected);
  self->selected = g_steal_pointer (&keep);

  if (gtk_bitset_is_empty (changes))
    return TRUE;

  first = gtk_bitset_get_minimum (changes);
  last = gtk_bitset_get_maximum (changes);
  gtk_selection_model_selection_changed (model, first, last - first + 1);
  return TRUE;
}

/* A click selects the pair alone; in selection mode it adds the pair to
 * the selection, or takes it out, as Ctrl+click does.
 */
static gboolean
shoebox_selection_select_item (GtkSelectionModel *model,
                               guint              position,
                               gboolean           unselect_rest)
{
  ShoeboxSelection *self = SHOEBOX_SELECTION (model);
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = gtk_bitset_new_empty ();
  gboolean was_selected = gtk_bitset_contains (self->selected, position);

  if (!self->toggling || !was_selected)
    gtk_bitset_add (selected, position);
  if (unselect_rest && !self->toggling && self->model != NULL)
    gtk_bitset_add_range (mask, 0, g_list_model_get_n_items (self->model));
  else
    gtk_bitset_add (mask, position);
  return shoebox_selection_set_selection (model, selected, mask);
}

static void
shoebox_selection_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->select_item = shoebox_selection_select_item;
  iface->is_selected = shoebox_selection_is_selected;
  iface->get_selection_in_range = shoebox_selection_get_selection_in_range;
  iface->set_selection = shoebox_selection_set_selection;
}

static void
model_items_changed_cb (ShoeboxSelection *self,
                        guint             position,
                        guint             removed,
                        guint             added)
{
  gtk_bitset_splice (self->selected, position, removed, added);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
shoebox_selection_dispose (GObject *object)
{
  ShoeboxSelection *self = SHOEBOX_SELECTION (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (shoebox_selection_parent_class)->dispose (object);
}

static void
shoebox_selection_finalize (GObject *object)
{
  ShoeboxSelection *self = SHOEBOX_SELECTION (object);

  g_clear_pointer (&self->selected, gtk_bitset_unref);

  G_OBJECT_CLASS (shoebox_selection_parent_class)->finalize (object);
}

static void
shoebox_selection_class_init (ShoeboxSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = shoebox_selection_dispose;
  object_class->finalize = shoebox_selection_finalize;
}

static void
shoebox_selection_init (ShoeboxSelection *self)
{
  self->selected = gtk_bitset_new_empty ();
}

/**
 * shoebox_selection_new:
 * @model: (nullable) (transfer none): the items
 *
 * Returns: (transfer full): a multiple selection over @model
 */
ShoeboxSelection *
shoebox_selection_new (GListModel *model)
{
  ShoeboxSelection *self = g_object_new (SHOEBOX_TYPE_SELECTION, NULL);

  shoebox_selection_set_model (self, model);
  return self;
}

/**
 * shoebox_selection_get_model:
 * @self: a #ShoeboxSelection
 *
 * Returns: (transfer none) (nullable): the items
 */
GListModel *
shoebox_selection_get_model (ShoeboxSelection *self)
{
  g_return_val_if_fail (SHOEBOX_IS_SELECTION (self), NULL);

  return self->model;
}

void
shoebox_selection_set_model (ShoeboxSelection *self,
                             GListModel       *model)
{
  guint n_before;
  guint n_after;

  g_return_if_fail (SHOEBOX_IS_SELECTION (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  n_before = shoebox_selection_get_n_items (G_LIST_MODEL (self));
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_bitset_remove_all (self->selected);
  n_after = shoebox_selection_get_n_items (G_LIST_MODEL (self));
  if (n_before > 0 || n_after > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_before, n_after);
}

/**
 * shoebox_selection_set_toggling:
 * @self: a #ShoeboxSelection
 * @toggling: whether selecting an item adds it to the selection, or
 *   takes it out when it was in, instead of selecting it alone
 */
void
shoebox_selection_set_toggling (ShoeboxSelection *self,
                                gboolean          toggling)
{
  g_return_if_fail (SHOEBOX_IS_SELECTION (self));

  self->toggling = !!toggling;
}
