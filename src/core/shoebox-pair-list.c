/* shoebox-pair-list.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-pair-list"

#include "config.h"

#include "shoebox-pair-list.h"

/* The result of a query as a GListModel: the ids come in one query, and a
 * pair is read from the database only when a view asks for its position,
 * so a grid over 100,000 pairs only ever loads the cards it shows.
 */
struct _ShoeboxPairList
{
  GObject            parent_instance;

  ShoeboxCollection *collection;
  GArray            *ids;   /* gint64, one per position */
  GPtrArray         *pairs; /* ShoeboxPair or NULL until asked for */
  gboolean           keep_unchanged;
};

static void shoebox_pair_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ShoeboxPairList, shoebox_pair_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, shoebox_pair_list_model_init))

static GType
shoebox_pair_list_get_item_type (GListModel *model)
{
  return SHOEBOX_TYPE_PAIR;
}

static guint
shoebox_pair_list_get_n_items (GListModel *model)
{
  return SHOEBOX_PAIR_LIST (model)->ids->len;
}

static gpointer
shoebox_pair_list_get_item (GListModel *model,
                            guint       position)
{
  ShoeboxPairList *self = SHOEBOX_PAIR_LIST (model);
  ShoeboxPair *pair;

  if (position >= self->ids->len)
    return NULL;

  pair = g_ptr_array_index (self->pairs, position);
  if (pair == NULL)
    {
      gint64 id = g_array_index (self->ids, gint64, position);

      pair = shoebox_collection_get_pair (self->collection, id, NULL);
      /* Deleted since the query ran: an empty pair keeps the positions
       * stable until the view runs the query again.
       */
      if (pair == NULL)
        {
          pair = shoebox_pair_new ();
          shoebox_pair_set_id (pair, id);
        }
      g_ptr_array_index (self->pairs, position) = pair;
    }

  return g_object_ref (pair);
}

static void
shoebox_pair_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = shoebox_pair_list_get_item_type;
  iface->get_n_items = shoebox_pair_list_get_n_items;
  iface->get_item = shoebox_pair_list_get_item;
}

static void
shoebox_pair_list_dispose (GObject *object)
{
  ShoeboxPairList *self = SHOEBOX_PAIR_LIST (object);

  g_clear_object (&self->collection);
  if (self->pairs != NULL)
    for (guint i = 0; i < self->pairs->len; i++)
      g_clear_object ((ShoeboxPair **) &g_ptr_array_index (self->pairs, i));

  G_OBJECT_CLASS (shoebox_pair_list_parent_class)->dispose (object);
}

static void
shoebox_pair_list_finalize (GObject *object)
{
  ShoeboxPairList *self = SHOEBOX_PAIR_LIST (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->pairs, g_ptr_array_unref);

  G_OBJECT_CLASS (shoebox_pair_list_parent_class)->finalize (object);
}

static void
shoebox_pair_list_class_init (ShoeboxPairListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = shoebox_pair_list_dispose;
  object_class->finalize = shoebox_pair_list_finalize;
}

static void
shoebox_pair_list_init (ShoeboxPairList *self)
{
}

/**
 * shoebox_pair_list_new:
 * @collection: where the pairs are read from
 * @ids: (transfer full): the pairs' ids, in order
 *
 * Returns: (transfer full): a list model of #ShoeboxPair
 */
ShoeboxPairList *
shoebox_pair_list_new (ShoeboxCollection *collection,
                       GArray            *ids)
{
  ShoeboxPairList *self;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (collection), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  self = g_object_new (SHOEBOX_TYPE_PAIR_LIST, NULL);
  self->collection = g_object_ref (collection);
  self->ids = ids;
  self->pairs = g_ptr_array_new_full (ids->len, NULL);
  g_ptr_array_set_size (self->pairs, ids->len);

  return self;
}

/**
 * shoebox_pair_list_get_id:
 * @self: a #ShoeboxPairList
 * @position: a position in the list
 *
 * The id without reading the pair: what a selection needs to delete or
 * log wears.
 *
 * Returns: the id of the pair at @position, or 0 past the end
 */
gint64
shoebox_pair_list_get_id (ShoeboxPairList *self,
                          guint            position)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}

/**
 * shoebox_pair_list_set_keep_unchanged:
 * @self: a #ShoeboxPairList
 * @keep_unchanged: whether shoebox_pair_list_replace() keeps the leading
 *   positions whose pair did not change
 *
 * Searching as the user types mostly narrows or reorders the tail of the
 * result, or keeps it whole ("sil" → "silv"): kept, those positions keep
 * their objects, so views keep their cells instead of building them
 * again. Off (the default), every pair is read again, as after an edit.
 */
void
shoebox_pair_list_set_keep_unchanged (ShoeboxPairList *self,
                                      gboolean         keep_unchanged)
{
  g_return_if_fail (SHOEBOX_IS_PAIR_LIST (self));

  self->keep_unchanged = !!keep_unchanged;
}

/**
 * shoebox_pair_list_replace:
 * @self: a #ShoeboxPairList
 * @ids: (transfer full): the ids of a new result, in order
 *
 * Puts the result of a new query in place of the old one with a single
 * #GListModel::items-changed, so a view over 100,000 pairs updates once
 * per keystroke. Pairs are read again when asked for: an edited pair
 * shows its new values (unless shoebox_pair_list_set_keep_unchanged()
 * keeps the unchanged head of the list, and then only the rest changes).
 */
void
shoebox_pair_list_replace (ShoeboxPairList *self,
                           GArray          *ids)
{
  guint n_before;
  guint same = 0;

  g_return_if_fail (SHOEBOX_IS_PAIR_LIST (self));
  g_return_if_fail (ids != NULL);

  n_before = self->ids->len;
  if (self->keep_unchanged)
    while (same < n_before && same < ids->len
           && g_array_index (self->ids, gint64, same) == g_array_index (ids, gint64, same))
      same++;

  for (guint i = same; i < self->pairs->len; i++)
    g_clear_object ((ShoeboxPair **) &g_ptr_array_index (self->pairs, i));
  g_array_unref (self->ids);
  self->ids = ids;
  g_ptr_array_set_size (self->pairs, ids->len);

  if (n_before > same || ids->len > same)
    g_list_model_items_changed (G_LIST_MODEL (self), same, n_before - same, ids->len - same);
}
