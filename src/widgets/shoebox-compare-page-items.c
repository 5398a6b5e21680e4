/* shoebox-compare-page-items.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-compare-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-compare-page-private.h"
#include "shoebox-labels.h"

/* The compared items: made from pairs and silhouettes with the text of
 * every row, chosen through the page's API (Compare Selected, Compare
 * With…, Compare Generations), and kept in the settings for the next
 * start.
 */

/* What a missing value shows: a mark, never an empty hole. */
#define MISSING "—"

static const char * const item_kind_keys[] = { "pair", "silhouette" };

void
_shoebox_compare_page_item_free (Item *item)
{
  g_clear_object (&item->pair);
  g_clear_object (&item->silhouette);
  g_free (item->name);
  g_free (item->photo);
  for (guint i = 0; i < N_ROWS; i++)
    g_free (item->values[i]);
  g_clear_pointer (&item->result, shoebox_profile_result_unref);
  g_free (item->photo_error);
  g_free (item);
}

static char *
dup_text (const char *text)
{
  return g_strdup (text != NULL && *text != '\0' ? text : MISSING);
}

static char *
dup_money (gint64      minor_units,
           const char *currency)
{
  g_autofree char *text = shoebox_labels_dup_money (minor_units, currency);

  return dup_text (text);
}

static char *
dup_silhouette_name (ShoeboxCollection *collection,
                     gint64             id)
{
  g_autoptr(ShoeboxSilhouette) silhouette = NULL;

  if (id <= 0)
    return g_strdup (MISSING);

  silhouette = shoebox_collection_get_silhouette (collection, id, NULL);
  if (silhouette == NULL)
    return g_strdup (MISSING);

  return dup_text (shoebox_silhouette_get_name (silhouette));
}

/* The catalogue's side of a row: the same for a pair and its silhouette. */
static void
fill_silhouette_values (ShoeboxCollection *collection,
                        Item              *item)
{
  ShoeboxSilhouette *silhouette = item->silhouette;
  g_autoptr(GListModel) lineage = NULL;
  g_autoptr(GString) successors = NULL;
  guint year;

  if (silhouette == NULL)
    {
      for (Row row = ROW_DESIGNER; row <= ROW_RETAIL_PRICE; row++)
        item->values[row] = g_strdup (MISSING);
      item->values[ROW_INSPIRATION] = g_strdup (MISSING);
      item->values[ROW_PREDECESSOR] = g_strdup (MISSING);
      item->values[ROW_SUCCESSOR] = g_strdup (MISSING);
      return;
    }

  year = shoebox_silhouette_get_release_year (silhouette);
  item->values[ROW_DESIGNER] = dup_text (shoebox_silhouette_get_designer (silhouette));
  item->values[ROW_RELEASE_YEAR] = year > 0 ? g_strdup_printf ("%u", year) : g_strdup (MISSING);
  item->values[ROW_CATEGORY] = dup_text (shoebox_silhouette_get_category (silhouette));
  item->values[ROW_RETAIL_PRICE] = dup_money (shoebox_silhouette_get_retail_price (silhouette),
                                              shoebox_silhouette_get_retail_currency (silhouette));
  item->values[ROW_INSPIRATION] = dup_text (shoebox_silhouette_get_inspiration (silhouette));
  item->values[ROW_PREDECESSOR] = dup_silhouette_name (collection,
                                                       shoebox_silhouette_get_predecessor_id (silhouette));

  successors = g_string_new (NULL);
  lineage = shoebox_collection_list_lineage (collection, shoebox_silhouette_get_id (silhouette), NULL);
  if (lineage != NULL)
    {
      guint n = g_list_model_get_n_items (lineage);

      item->has_lineage = n > 1;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ShoeboxSilhouette) other = g_list_model_get_item (lineage, i);

          if (shoebox_silhouette_get_predecessor_id (other) != shoebox_silhouette_get_id (silhouette))
            continue;
          if (successors->len > 0)
            g_string_append (successors, ", ");
          g_string_append (successors, shoebox_silhouette_get_name (other));
        }
    }
  item->values[ROW_SUCCESSOR] = dup_text (successors->str);
}

static Item *
item_new_silhouette (ShoeboxCollection  *collection,
                     gint64              id,
                     GError            **error)
{
  ShoeboxSilhouette *silhouette = shoebox_collection_get_silhouette (collection, id, error);
  Item *item;

  if (silhouette == NULL)
    return NULL;

  item = g_new0 (Item, 1);
  item->kind = ITEM_SILHOUETTE;
  item->id = id;
  item->silhouette = silhouette;
  item->name = shoebox_silhouette_dup_display_name (silhouette);
  item->values[ROW_SILHOUETTE] = dup_text (shoebox_silhouette_get_name (silhouette));
  item->values[ROW_BRAND] = dup_text (shoebox_silhouette_get_brand_name (silhouette));
  fill_silhouette_values (collection, item);

  /* The collector's own photo of it, when a pair of theirs has one; a
   * failure to look only means no photo.
   */
  shoebox_collection_find_silhouette_photo (collection, id, &item->photo_pair_id, &item->photo, NULL);

  /* A silhouette has no price paid, no size: a catalogue entry is not a
   * pair one owns.
   */
  for (Row row = ROW_PRICE_PAID; row <= ROW_COST_PER_WEAR; row++)
    item->values[row] = g_strdup (MISSING);

  return item;
}

static char *
find_side_profile (ShoeboxCollection *collection,
                   gint64             pair_id)
{
  g_autoptr(GPtrArray) photos = shoebox_collection_list_photos (collection, pair_id, NULL);
  ShoeboxPhotoRow *first = NULL;

  if (photos == NULL)
    return NULL;

  /* The photo marked as the side profile, or else the first one. */
  for (guint i = 0; i < photos->len; i++)
    {
      ShoeboxPhotoRow *row = g_ptr_array_index (photos, i);

      if (row->is_side_profile)
        return g_strdup (row->file_name);
      if (first == NULL || row->position < first->position)
        first = row;
    }

  return first != NULL ? g_strdup (first->file_name) : NULL;
}

static Item *
item_new_pair (ShoeboxCollection  *collection,
               gint64              id,
               GError            **error)
{
  ShoeboxPair *pair = shoebox_collection_get_pair (collection, id, error);
  ShoeboxCondition condition;
  g_autofree char *size = NULL;
  gint64 cost_per_wear;
  Item *item;

  if (pair == NULL)
    return NULL;

  item = g_new0 (Item, 1);
  item->kind = ITEM_PAIR;
  item->id = id;
  item->pair = pair;
  item->name = shoebox_labels_dup_pair_name (pair);
  if (shoebox_pair_get_silhouette_id (pair) > 0)
    item->silhouette = shoebox_collection_get_silhouette (collection, shoebox_pair_get_silhouette_id (pair), NULL);
  item->photo = find_side_profile (collection, id);

  item->values[ROW_SILHOUETTE] = dup_text (shoebox_pair_get_silhouette_name (pair));
  item->values[ROW_BRAND] = dup_text (shoebox_pair_get_brand_name (pair));
  fill_silhouette_values (collection, item);

  item->values[ROW_PRICE_PAID] = dup_money (shoebox_pair_get_price_paid (pair), shoebox_pair_get_currency (pair));
  item->values[ROW_ESTIMATED_VALUE] = dup_money (shoebox_pair_get_estimated_value (pair),
                                                 shoebox_pair_get_currency (pair));
  size = shoebox_labels_dup_size (pair);
  item->values[ROW_SIZE] = dup_text (size);
  condition = shoebox_pair_get_condition (pair);
  item->values[ROW_CONDITION] = condition != SHOEBOX_CONDITION_NONE
                                ? g_strdup (shoebox_labels_condition (condition))
                                : g_strdup (MISSING);
  item->values[ROW_WEARS] = g_strdup_printf ("%u", shoebox_pair_get_wear_count (pair));
  cost_per_wear = shoebox_pair_get_cost_per_wear (pair);
  item->values[ROW_COST_PER_WEAR] = dup_money (cost_per_wear, shoebox_pair_get_currency (pair));

  return item;
}

gboolean
_shoebox_compare_page_has_item (ShoeboxComparePage *self,
                                ItemKind            kind,
                                gint64              id)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->kind == kind && item->id == id)
        return TRUE;
    }

  return FALSE;
}

Item *
_shoebox_compare_page_get_item (ShoeboxComparePage *self,
                                int                 index)
{
  if (index < 0 || (guint) index >= self->items->len)
    return NULL;

  return g_ptr_array_index (self->items, index);
}

/* The items as keys, "pair:12" or "silhouette:3", in order. */
static GStrv
dup_keys (ShoeboxComparePage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, item_kind_keys[item->kind], item->id);

      g_strv_builder_add (builder, key);
    }

  return g_strv_builder_end (builder);
}

static void
save_items (ShoeboxComparePage *self)
{
  g_auto(GStrv) keys = NULL;

  /* Without a collection nothing was chosen: keep the last comparison. */
  if (self->restoring || self->settings == NULL || self->collection == NULL)
    return;

  keys = dup_keys (self);
  g_settings_set_strv (self->settings, "compare-items", (const char * const *) keys);
}

/* Everything after the items changed: the page drawn again, and the
 * items kept for the next start.
 */
void
_shoebox_compare_page_items_changed (ShoeboxComparePage *self)
{
  _shoebox_compare_page_refresh (self);
  save_items (self);
}

/**
 * _shoebox_compare_page_go_back:
 * @self: a #ShoeboxComparePage
 *
 * Returns to the comparison Compare Generations replaced.
 */
void
_shoebox_compare_page_go_back (ShoeboxComparePage *self)
{
  g_auto(GStrv) keys = g_steal_pointer (&self->previous_keys);

  _shoebox_compare_page_set_tool_visible (self->back_button, FALSE);
  if (keys == NULL)
    return;

  _shoebox_compare_page_clear_items (self);
  for (guint i = 0; keys[i] != NULL; i++)
    _shoebox_compare_page_add_key (self, keys[i]);
  _shoebox_compare_page_items_changed (self);
}

static gboolean
add_item (ShoeboxComparePage *self,
          ItemKind            kind,
          gint64              id)
{
  g_autoptr(GError) error = NULL;
  Item *item;

  if (self->collection == NULL || self->items->len >= SHOEBOX_COMPARE_MAX_ITEMS || _shoebox_compare_page_has_item (self, kind, id))
    return FALSE;

  item = kind == ITEM_PAIR
         ? item_new_pair (self->collection, id, &error)
         : item_new_silhouette (self->collection, id, &error);
  if (item == NULL)
    {
      g_debug ("Cannot compare %s %" G_GINT64_FORMAT ": %s", item_kind_keys[kind], id, error->message);
      return FALSE;
    }

  g_ptr_array_add (self->items, item);
  return TRUE;
}

void
_shoebox_compare_page_clear_items (ShoeboxComparePage *self)
{
  g_ptr_array_set_size (self->items, 0);
  self->truncated = FALSE;
}

/* Adds the item a "pair:ID" or "silhouette:ID" key names, if it exists. */
gboolean
_shoebox_compare_page_add_key (ShoeboxComparePage *self,
                               const char         *key)
{
  const char *colon = strchr (key, ':');
  guint64 id;

  if (colon == NULL || !g_ascii_string_to_unsigned (colon + 1, 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;

  if (strncmp (key, "pair:", 5) == 0)
    return add_item (self, ITEM_PAIR, (gint64) id);
  if (strncmp (key, "silhouette:", 11) == 0)
    return add_item (self, ITEM_SILHOUETTE, (gint64) id);

  return FALSE;
}

/* A pair or silhouette deleted since it was compared is skipped. */
void
_shoebox_compare_page_restore_items (ShoeboxComparePage *self)
{
  g_auto(GStrv) keys = NULL;

  if (self->settings == NULL || self->collection == NULL)
    return;

  keys = g_settings_get_strv (self->settings, "compare-items");
  self->restoring = TRUE;
  _shoebox_compare_page_clear_items (self);
  for (guint i = 0; keys[i] != NULL; i++)
    _shoebox_compare_page_add_key (self, keys[i]);
  _shoebox_compare_page_items_changed (self);
  self->restoring = FALSE;
}

/* Reads every item again, keeping its photo and flip: pairs change on the
 * Collection page (and go) while the comparison waits.
 */
void
_shoebox_compare_page_reload_items (ShoeboxComparePage *self)
{
  g_autoptr(GPtrArray) old = NULL;

  if (self->collection == NULL || self->items->len == 0)
    return;

  old = g_steal_pointer (&self->items);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) _shoebox_compare_page_item_free);
  for (guint i = 0; i < old->len; i++)
    {
      Item *previous = g_ptr_array_index (old, i);
      Item *item;

      if (!add_item (self, previous->kind, previous->id))
        continue;

      item = g_ptr_array_index (self->items, self->items->len - 1);
      if (g_strcmp0 (item->photo, previous->photo) == 0)
        {
          item->result = g_steal_pointer (&previous->result);
          item->photo_error = g_steal_pointer (&previous->photo_error);
          item->flipped = previous->flipped;
        }
    }

  _shoebox_compare_page_items_changed (self);
}

void
_shoebox_compare_page_set_pairs (ShoeboxComparePage *self,
                                 const gint64       *ids,
                                 guint               n_ids)
{
  _shoebox_compare_page_clear_items (self);
  for (guint i = 0; i < n_ids; i++)
    add_item (self, ITEM_PAIR, ids[i]);
  self->truncated = n_ids > SHOEBOX_COMPARE_MAX_ITEMS;
  _shoebox_compare_page_items_changed (self);
}

gboolean
_shoebox_compare_page_add_pair (ShoeboxComparePage *self,
                                gint64              id)
{
  if (!add_item (self, ITEM_PAIR, id))
    return FALSE;

  _shoebox_compare_page_items_changed (self);
  return TRUE;
}

gboolean
_shoebox_compare_page_add_silhouette (ShoeboxComparePage *self,
                                      gint64              id)
{
  if (!add_item (self, ITEM_SILHOUETTE, id))
    return FALSE;

  _shoebox_compare_page_items_changed (self);
  return TRUE;
}

static void
compare_with (ShoeboxComparePage *self,
              ItemKind            kind,
              gint64              id)
{
  _shoebox_compare_page_clear_items (self);
  add_item (self, kind, id);
  _shoebox_compare_page_items_changed (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_menu_button_popup (self->compare_with_button);
}

void
_shoebox_compare_page_compare_with_pair (ShoeboxComparePage *self,
                                         gint64              id)
{
  compare_with (self, ITEM_PAIR, id);
}

void
_shoebox_compare_page_compare_with_silhouette (ShoeboxComparePage *self,
                                               gint64              id)
{
  compare_with (self, ITEM_SILHOUETTE, id);
}

void
_shoebox_compare_page_compare_generations (ShoeboxComparePage *self,
                                           gint64              silhouette_id)
{
  g_autoptr(GListModel) lineage = NULL;
  g_autoptr(GError) error = NULL;
  guint n;
  guint start = 0;

  if (self->collection == NULL)
    return;

  lineage = shoebox_collection_list_lineage (self->collection, silhouette_id, &error);
  if (lineage == NULL)
    {
      shoebox_toast_show (GTK_WIDGET (self), error->message);
      return;
    }

  n = g_list_model_get_n_items (lineage);
  if (n > SHOEBOX_COMPARE_MAX_ITEMS)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ShoeboxSilhouette) silhouette = g_list_model_get_item (lineage, i);

          if (shoebox_silhouette_get_id (silhouette) == silhouette_id)
            start = i > 1 ? MIN (i - 1, n - SHOEBOX_COMPARE_MAX_ITEMS) : 0;
        }
    }

  /* A new comparison: the one it replaces stays one Back (or Undo) away. */
  if (self->items->len > 0)
    {
      g_strfreev (self->previous_keys);
      self->previous_keys = dup_keys (self);
    }

  _shoebox_compare_page_clear_items (self);
  for (guint i = start; i < n && self->items->len < SHOEBOX_COMPARE_MAX_ITEMS; i++)
    {
      g_autoptr(ShoeboxSilhouette) silhouette = g_list_model_get_item (lineage, i);

      add_item (self, ITEM_SILHOUETTE, shoebox_silhouette_get_id (silhouette));
    }
  _shoebox_compare_page_items_changed (self);

  if (self->previous_keys != NULL)
    {
      AdwToast *toast = adw_toast_new (_("Generations shown"));

      _shoebox_compare_page_set_tool_visible (self->back_button, TRUE);
      adw_toast_set_button_label (toast, _("Undo"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (_shoebox_compare_page_go_back),
                               self, G_CONNECT_SWAPPED);
      shoebox_toast_add (GTK_WIDGET (self), toast);
    }
}
