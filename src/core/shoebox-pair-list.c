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
 *
 * The list keeps no pair alive but the last it handed out and the few it
 * read ahead of a view (read_ahead()): each position has a weak reference
 * to the object it handed out, which lives as long as a cell shows it.
 * Scrolling through every pair holds no more memory than the cells on
 * screen.
 *
 * A new result (shoebox_pair_list_replace()) keeps the positions: the
 * objects cells still hold become the pairs now at their positions
 * (shoebox_pair_assign(), ShoeboxPair::changed), and items-changed only
 * covers the positions added or removed at the end. With GTK 4.8, whose
 * views drop and build again the cell of every item an items-changed
 * replaces, this is what keeps a keystroke in a search of 100,000 pairs
 * within a frame: the cells on screen are updated, never rebuilt. Code
 * that keeps a pair from the list across a search must take a copy.
 *
 * GTK 4.8 keeps 200 cells bound, of which a screenful shows. Told where
 * the view is (shoebox_pair_list_set_near()), a new result updates the
 * objects near it at once and leaves the others behind until
 * shoebox_pair_list_catch_up(), which the view calls after its frame or
 * as it scrolls: reading and assigning 200 pairs took a third of a
 * sort's time before its frame. An object left behind is never handed
 * out as it is: get_item() brings it up to date first.
 */
struct _ShoeboxPairList
{
  GObject            parent_instance;

  ShoeboxCollection *collection;
  GArray            *ids;       /* gint64, one per position */
  GPtrArray         *slots;     /* GWeakRef *, or NULL until asked for */
  ShoeboxPair       *last_item; /* see get_item */
  GHashTable        *ahead;     /* position + 1 → a pair read ahead, see read_ahead() */
  guint              last_asked;
  gboolean           keep_unchanged;
  guint              near_first; /* the positions a view shows, about */
  guint              near_n;     /* 0: every position is near */
  GHashTable        *behind;     /* position + 1 → its live object shows an older pair */
};

static void shoebox_pair_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ShoeboxPairList, shoebox_pair_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, shoebox_pair_list_model_init))

static void
slot_free (gpointer data)
{
  GWeakRef *slot = data;

  if (slot == NULL)
    return;
  g_weak_ref_clear (slot);
  g_free (slot);
}

/* The object handed out for @position, if something still holds it. */
static ShoeboxPair *
dup_live_pair (ShoeboxPairList *self,
               guint            position)
{
  GWeakRef *slot = g_ptr_array_index (self->slots, position);

  return slot != NULL ? g_weak_ref_get (slot) : NULL;
}

static ShoeboxPair *
read_pair (ShoeboxPairList *self,
           gint64           id)
{
  ShoeboxPair *pair = shoebox_collection_get_pair (self->collection, id, NULL);

  /* Deleted since the query ran: an empty pair keeps the positions
   * stable until the view runs the query again.
   */
  if (pair == NULL)
    {
      pair = shoebox_pair_new ();
      shoebox_pair_set_id (pair, id);
    }

  return pair;
}

/* Makes each object of @held the pair of the id beside it, the pairs
 * read in one go before any cell hears of its new pair.
 */
static void
assign_pairs (ShoeboxPairList *self,
              GPtrArray       *held,
              GArray          *held_ids)
{
  g_autoptr(GPtrArray) read = NULL;

  if (held->len == 0)
    return;

  read = shoebox_collection_get_pairs (self->collection, (const gint64 *) (gpointer) held_ids->data, held_ids->len,
                                       NULL);
  for (guint i = 0; i < held->len; i++)
    {
      ShoeboxPair *pair = read != NULL ? g_ptr_array_index (read, i) : NULL;
      g_autoptr(ShoeboxPair) missing = NULL;

      /* Deleted meanwhile, or the database failed: an empty pair. */
      if (pair == NULL)
        pair = missing = read_pair (self, g_array_index (held_ids, gint64, i));
      shoebox_pair_assign (g_ptr_array_index (held, i), pair);
    }
}

static gboolean
is_near (ShoeboxPairList *self,
         guint            position)
{
  return self->near_n == 0 || (position >= self->near_first && position - self->near_first < self->near_n);
}

/* A view asks for positions one at a time, the ones after (or, scrolling
 * up, before) the last: the pair at @position is read with the next ones
 * that no cell shows, in one query (three, with tags and wears, whatever
 * their number), not a query each. With 100,000 pairs a pair read alone
 * took 0.3 ms; the list's first screenful and the 200 rows GTK 4.8 binds
 * after it asked for that many.
 */
#define READ_AHEAD 32

static ShoeboxPair *
read_ahead (ShoeboxPairList *self,
            guint            position)
{
  gboolean backwards = position + 1 == self->last_asked;
  /* Anywhere else, a view jumped: one pair, not a guess. */
  guint n_wanted = backwards || position == self->last_asked + 1 || position == 0 ? READ_AHEAD : 1;
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) read = NULL;
  ShoeboxPair *pair = NULL;

  for (guint p = position; p < self->ids->len && positions->len < n_wanted; p = backwards ? p - 1 : p + 1)
    {
      GWeakRef *slot = g_ptr_array_index (self->slots, p);
      g_autoptr(ShoeboxPair) live = slot != NULL ? g_weak_ref_get (slot) : NULL;

      if (p != position && live != NULL)
        break;
      g_array_append_val (positions, p);
      g_array_append_val (ids, g_array_index (self->ids, gint64, p));
      if (backwards && p == 0)
        break;
    }

  /* What was read ahead before and not asked for goes. */
  g_hash_table_remove_all (self->ahead);
  read = shoebox_collection_get_pairs (self->collection, (const gint64 *) (gpointer) ids->data, ids->len, NULL);
  for (guint i = 0; i < positions->len; i++)
    {
      guint p = g_array_index (positions, guint, i);
      ShoeboxPair *found = read != NULL ? g_ptr_array_index (read, i) : NULL;
      ShoeboxPair *one = found != NULL ? g_object_ref (found) : read_pair (self, g_array_index (ids, gint64, i));

      if (p == position)
        pair = one;
      else
        g_hash_table_insert (self->ahead, GUINT_TO_POINTER (p + 1), one);
    }

  return pair;
}

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
  GWeakRef *slot;

  if (position >= self->ids->len)
    return NULL;

  pair = dup_live_pair (self, position);
  if (pair != NULL && self->behind != NULL && g_hash_table_remove (self->behind, GUINT_TO_POINTER (position + 1)))
    {
      g_autoptr(ShoeboxPair) now = read_pair (self, g_array_index (self->ids, gint64, position));

      shoebox_pair_assign (pair, now);
    }
  if (pair == NULL)
    {
      if (!g_hash_table_steal_extended (self->ahead, GUINT_TO_POINTER (position + 1), NULL, (gpointer *) &pair))
        pair = read_ahead (self, position);
      slot = g_ptr_array_index (self->slots, position);
      if (slot == NULL)
        {
          slot = g_new0 (GWeakRef, 1);
          g_weak_ref_init (slot, NULL);
          g_ptr_array_index (self->slots, position) = slot;
        }
      g_weak_ref_set (slot, pair);
    }
  self->last_asked = position;

  /* GTK 4.8 asks for an item, drops it, and asks again when it builds a
   * cell: the last one stays alive so it is read once.
   */
  g_set_object (&self->last_item, pair);

  return pair;
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

  g_clear_object (&self->last_item);
  g_clear_pointer (&self->ahead, g_hash_table_unref);
  g_clear_object (&self->collection);
  g_clear_pointer (&self->behind, g_hash_table_unref);

  G_OBJECT_CLASS (shoebox_pair_list_parent_class)->dispose (object);
}

static void
shoebox_pair_list_finalize (GObject *object)
{
  ShoeboxPairList *self = SHOEBOX_PAIR_LIST (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->slots, g_ptr_array_unref);

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
  self->ahead = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
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
  self->slots = g_ptr_array_new_full (ids->len, slot_free);
  g_ptr_array_set_size (self->slots, ids->len);

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
 * shoebox_pair_list_get_ids:
 * @self: a #ShoeboxPairList
 * @n_ids: (out): how many
 *
 * Every position's id, without reading a pair: what a sort in memory
 * reorders (ShoeboxPairOrder).
 *
 * Returns: (array length=n_ids) (transfer none): the ids, in order
 */
const gint64 *
shoebox_pair_list_get_ids (ShoeboxPairList *self,
                           guint           *n_ids)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR_LIST (self), NULL);

  *n_ids = self->ids->len;
  return (const gint64 *) (gconstpointer) self->ids->data;
}

/**
 * shoebox_pair_list_set_keep_unchanged:
 * @self: a #ShoeboxPairList
 * @keep_unchanged: whether shoebox_pair_list_replace() leaves alone the
 *   objects whose position still holds the same pair
 *
 * A search as the user types changes which pair is where, not the pairs:
 * kept, a pair that stays where it was is not read again. Off (the
 * default), every object in use is read again, as after an edit.
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
 * Puts the result of a new query in place of the old one. Positions stay:
 * the objects in use become the pairs now at their positions, each with
 * one ShoeboxPair::changed, and at most one #GListModel::items-changed
 * adds or removes positions at the end. Objects not in use are read when
 * next asked for.
 */
void
shoebox_pair_list_replace (ShoeboxPairList *self,
                           GArray          *ids)
{
  g_autoptr(GArray) old_ids = NULL;
  g_autoptr(GPtrArray) held = NULL;
  g_autoptr(GArray) held_ids = NULL;
  g_autoptr(GHashTable) was_behind = NULL;
  guint n_before;
  guint n_kept;

  g_return_if_fail (SHOEBOX_IS_PAIR_LIST (self));
  g_return_if_fail (ids != NULL);

  /* Held by nothing but the list: read when next asked for, not now. */
  g_clear_object (&self->last_item);
  g_hash_table_remove_all (self->ahead);

  old_ids = g_steal_pointer (&self->ids);
  self->ids = ids;
  n_before = old_ids->len;
  n_kept = MIN (n_before, ids->len);
  /* An object left behind shows an older pair than its old id says. */
  was_behind = g_steal_pointer (&self->behind);

  /* The objects in use whose pair changes: those near the view now... */
  held = g_ptr_array_new_with_free_func (g_object_unref);
  held_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < n_kept; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      ShoeboxPair *pair;

      if (self->keep_unchanged && id == g_array_index (old_ids, gint64, i)
          && (was_behind == NULL || !g_hash_table_contains (was_behind, GUINT_TO_POINTER (i + 1))))
        continue;
      pair = dup_live_pair (self, i);
      if (pair == NULL)
        continue;
      if (!is_near (self, i))
        {
          /* ...the others when the view catches up. */
          if (self->behind == NULL)
            self->behind = g_hash_table_new (NULL, NULL);
          g_hash_table_add (self->behind, GUINT_TO_POINTER (i + 1));
          g_object_unref (pair);
          continue;
        }
      g_ptr_array_add (held, pair);
      g_array_append_val (held_ids, id);
    }

  g_ptr_array_set_size (self->slots, ids->len);

  /* The new ids are in place before any cell hears of its pair. */
  assign_pairs (self, held, held_ids);

  if (n_before != ids->len)
    g_list_model_items_changed (G_LIST_MODEL (self), n_kept, n_before - n_kept, ids->len - n_kept);
}

/**
 * shoebox_pair_list_set_near:
 * @self: a #ShoeboxPairList
 * @first: the first position a view shows, about
 * @n_positions: how many from there; 0 for all of them
 *
 * Where a view of @self is: shoebox_pair_list_replace() updates the
 * objects there at once, and the others at shoebox_pair_list_catch_up().
 */
void
shoebox_pair_list_set_near (ShoeboxPairList *self,
                            guint            first,
                            guint            n_positions)
{
  g_return_if_fail (SHOEBOX_IS_PAIR_LIST (self));

  self->near_first = first;
  self->near_n = n_positions;
}

/**
 * shoebox_pair_list_catch_up:
 * @self: a #ShoeboxPairList
 *
 * Brings the objects shoebox_pair_list_replace() left behind, away from
 * the view, up to the pairs at their positions.
 */
void
shoebox_pair_list_catch_up (ShoeboxPairList *self)
{
  g_autoptr(GHashTable) behind = NULL;
  g_autoptr(GPtrArray) held = NULL;
  g_autoptr(GArray) held_ids = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (SHOEBOX_IS_PAIR_LIST (self));

  behind = g_steal_pointer (&self->behind);
  if (behind == NULL)
    return;

  held = g_ptr_array_new_with_free_func (g_object_unref);
  held_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_hash_table_iter_init (&iter, behind);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint position = GPOINTER_TO_UINT (key) - 1;
      ShoeboxPair *pair = position < self->ids->len ? dup_live_pair (self, position) : NULL;

      if (pair == NULL)
        continue;
      g_ptr_array_add (held, pair);
      g_array_append_val (held_ids, g_array_index (self->ids, gint64, position));
    }
  assign_pairs (self, held, held_ids);
}

/**
 * shoebox_pair_list_is_behind:
 * @self: a #ShoeboxPairList
 *
 * Returns: %TRUE if objects away from the view wait for
 *   shoebox_pair_list_catch_up()
 */
gboolean
shoebox_pair_list_is_behind (ShoeboxPairList *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR_LIST (self), FALSE);

  return self->behind != NULL;
}
