/* shoebox-collection-page-views.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-collection-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-collection-page-private.h"
#include "shoebox-compat.h"
#include "shoebox-labels.h"
#include "shoebox-pair-card.h"
#include "shoebox-text-line.h"

/* The Collection page's two views of the same results: the grid's cards
 * and the list's sortable columns, their cells, and how a cell follows
 * its pair when a search keeps the cell (ShoeboxPairList).
 */

typedef char *(*PairTextFunc) (ShoeboxPair *pair);

typedef struct
{
  const char      *id;
  const char      *title;
  ShoeboxPairSort  sort;
  PairTextFunc     text;
  gboolean         expand;
  guint            chars; /* the width it asks for, in characters */
} ColumnSpec;

static char *
pair_silhouette_text (ShoeboxPair *pair)
{
  return g_strdup (shoebox_pair_get_silhouette_name (pair));
}

static char *
pair_brand_text (ShoeboxPair *pair)
{
  return g_strdup (shoebox_pair_get_brand_name (pair));
}

static char *
pair_colorway_text (ShoeboxPair *pair)
{
  return g_strdup (shoebox_pair_get_colorway (pair));
}

static char *
pair_condition_text (ShoeboxPair *pair)
{
  ShoeboxCondition condition = shoebox_pair_get_condition (pair);

  return g_strdup (condition == SHOEBOX_CONDITION_NONE ? "" : shoebox_labels_condition (condition));
}

static char *
pair_price_text (ShoeboxPair *pair)
{
  return shoebox_labels_dup_money (shoebox_pair_get_price_paid (pair), shoebox_pair_get_currency (pair));
}

static char *
pair_purchase_date_text (ShoeboxPair *pair)
{
  return shoebox_labels_dup_date (shoebox_pair_get_purchase_date (pair));
}

static char *
pair_wears_text (ShoeboxPair *pair)
{
  return g_strdup_printf ("%u", shoebox_pair_get_wear_count (pair));
}

static char *
pair_last_worn_text (ShoeboxPair *pair)
{
  return shoebox_labels_dup_date (shoebox_pair_get_last_worn (pair));
}

static const ColumnSpec columns[] = {
  { "silhouette", N_("Silhouette"), SHOEBOX_PAIR_SORT_SILHOUETTE, pair_silhouette_text, TRUE, 16 },
  { "brand", N_("Brand"), SHOEBOX_PAIR_SORT_BRAND, pair_brand_text, FALSE, 12 },
  { "colorway", N_("Colorway"), SHOEBOX_PAIR_SORT_COLORWAY, pair_colorway_text, TRUE, 16 },
  { "size", N_("Size"), SHOEBOX_PAIR_SORT_SIZE, shoebox_labels_dup_size, FALSE, 9 },
  { "condition", N_("Condition"), SHOEBOX_PAIR_SORT_CONDITION, pair_condition_text, FALSE, 10 },
  { "price-paid", N_("Price Paid"), SHOEBOX_PAIR_SORT_PRICE_PAID, pair_price_text, FALSE, 11 },
  { "purchase-date", N_("Purchase Date"), SHOEBOX_PAIR_SORT_PURCHASE_DATE, pair_purchase_date_text, FALSE, 13 },
  { "wears", N_("Wears"), SHOEBOX_PAIR_SORT_WEARS, pair_wears_text, FALSE, 6 },
  { "last-worn", N_("Last Worn"), SHOEBOX_PAIR_SORT_LAST_WORN, pair_last_worn_text, FALSE, 12 },
};

/* The order of the column the user sorted the list by, else newest
 * first: the grid shows the pairs in the same order.
 */
ShoeboxPairSort
_shoebox_collection_page_get_sort (ShoeboxCollectionPage *self,
                                   gboolean              *descending)
{
  GtkColumnViewColumn *column = shoebox_compat_column_view_get_sort (self->column_view, descending);

  if (column != NULL)
    {
      const ColumnSpec *spec = g_object_get_data (G_OBJECT (column), "shoebox-column-spec");

      if (spec != NULL)
        return spec->sort;
    }

  *descending = TRUE;
  return SHOEBOX_PAIR_SORT_ADDED;
}

/* The sort is remembered by the column's id (the settings' choices),
 * never by its translated title.
 */
void
_shoebox_collection_page_save_sort (ShoeboxCollectionPage *self)
{
  gboolean descending = FALSE;
  GtkColumnViewColumn *column = shoebox_compat_column_view_get_sort (self->column_view, &descending);
  const ColumnSpec *spec = column != NULL ? g_object_get_data (G_OBJECT (column), "shoebox-column-spec") : NULL;

  g_settings_set_string (self->settings, "collection-sort", spec != NULL ? spec->id : "");
  g_settings_set_boolean (self->settings, "collection-sort-descending", spec != NULL && descending);
}

void
_shoebox_collection_page_restore_sort (ShoeboxCollectionPage *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "collection-sort");
  GListModel *view_columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (view_columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (view_columns, i);
      const ColumnSpec *spec = g_object_get_data (G_OBJECT (column), "shoebox-column-spec");

      if (spec != NULL && g_str_equal (spec->id, id))
        gtk_column_view_sort_by_column (self->column_view, column,
                                        g_settings_get_boolean (self->settings, "collection-sort-descending")
                                          ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
    }
}

/* A card dragged onto the Compare page (the switcher's Compare tab opens
 * it while hovered) is added to the comparison: "pair:ID" is what the page
 * takes.
 */
static GdkContentProvider *
card_drag_prepare_cb (GtkDragSource *source,
                      double         x,
                      double         y,
                      gpointer       user_data)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  ShoeboxPair *pair = shoebox_pair_card_get_pair (SHOEBOX_PAIR_CARD (card));
  g_autoptr(GdkPaintable) icon = NULL;
  g_autofree char *text = NULL;

  if (pair == NULL || shoebox_pair_get_id (pair) <= 0)
    return NULL;

  icon = gtk_widget_paintable_new (card);
  gtk_drag_source_set_icon (source, icon, (int) x, (int) y);
  text = g_strdup_printf ("pair:%" G_GINT64_FORMAT, shoebox_pair_get_id (pair));
  return gdk_content_provider_new_typed (G_TYPE_STRING, text);
}

/* The side profile, else the first photo: what a card shows. */
static char *
dup_card_photo (ShoeboxCollectionPage *self,
                ShoeboxPair           *pair)
{
  g_autoptr(GPtrArray) rows = shoebox_collection_list_photos (self->collection, shoebox_pair_get_id (pair), NULL);

  if (rows == NULL || rows->len == 0)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      ShoeboxPhotoRow *row = g_ptr_array_index (rows, i);

      if (row->is_side_profile)
        return g_strdup (row->file_name);
    }
  return g_strdup (((ShoeboxPhotoRow *) g_ptr_array_index (rows, 0))->file_name);
}

/* Only cards on screen ask for a thumbnail (ShoeboxPairCard::photo-wanted):
 * scrolling 100,000 pairs decodes just the visible ones, off the main
 * loop, and a keystroke that shows other pairs in the grid's 180 cells
 * looks up the photos of the dozen on screen.
 */
static void
card_photo_wanted_cb (ShoeboxPairCard       *card,
                      ShoeboxCollectionPage *self)
{
  ShoeboxPair *pair = shoebox_pair_card_get_pair (card);
  g_autofree char *photo = NULL;

  if (pair == NULL || self->photos == NULL || self->collection == NULL
      || shoebox_pair_card_get_photo_looked_up (card))
    return;

  photo = dup_card_photo (self, pair);
  shoebox_pair_card_load_thumbnail (card, self->photos, photo);
}

static void
grid_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ShoeboxCollectionPage    *self)
{
  GtkWidget *card = shoebox_pair_card_new ();
  GtkDragSource *drag = gtk_drag_source_new ();

  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (card_drag_prepare_cb), NULL);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect_object (card, "photo-wanted", G_CALLBACK (card_photo_wanted_cb), self, G_CONNECT_DEFAULT);
  gtk_list_item_set_child (item, card);
  /* A check box on each card while Select is on. */
  g_object_bind_property (item, "selected", card, "selected", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->select_button, "active", card, "selectable", G_BINDING_SYNC_CREATE);
}

/* Screen readers move over the grid's cells, not the cards inside them:
 * the cell (GTK's own list item widget) carries the pair's name too.
 */
static void
name_cell (GtkWidget   *child,
           ShoeboxPair *pair)
{
  GtkWidget *cell = gtk_widget_get_parent (child);
  g_autofree char *name = shoebox_labels_dup_pair_name (pair);

  if (cell != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
show_card (GtkListItem *item)
{
  ShoeboxPairCard *card = SHOEBOX_PAIR_CARD (gtk_list_item_get_child (item));
  ShoeboxPair *pair = gtk_list_item_get_item (item);

  shoebox_pair_card_set_pair (card, pair);
  name_cell (GTK_WIDGET (card), pair);
}

/* The search result kept this cell and made its pair another one
 * (ShoeboxPairList): the same card shows the new pair.
 */
static void
card_pair_changed_cb (ShoeboxPair *pair,
                      GtkListItem *item)
{
  shoebox_pair_card_set_pair (SHOEBOX_PAIR_CARD (gtk_list_item_get_child (item)), NULL);
  show_card (item);
}

static void
grid_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  g_signal_connect (gtk_list_item_get_item (item), "changed", G_CALLBACK (card_pair_changed_cb), item);
  show_card (item);
}

static void
grid_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), card_pair_changed_cb, item);
  shoebox_pair_card_set_pair (SHOEBOX_PAIR_CARD (gtk_list_item_get_child (item)), NULL);
}

/* A ShoeboxTextLine, not a GtkLabel, as on the grid's cards: its size
 * comes from the font, not from the text. A sort or a search changes the
 * text of the 200 rows GTK keeps bound, of which a screenful shows: with
 * labels, the next frame measured and laid out the text of all of them
 * (50 ms of CPU with 100,000 pairs), where a text line lays out only the
 * text it draws.
 */
static void cell_map_cb (GtkWidget   *label,
                         GtkListItem *item);

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const ColumnSpec         *spec)
{
  GtkWidget *label = shoebox_text_line_new ();

  shoebox_text_line_set_chars (SHOEBOX_TEXT_LINE (label), MIN (spec->chars, 6), spec->chars);
  g_signal_connect (label, "map", G_CALLBACK (cell_map_cb), item);
  gtk_list_item_set_child (item, label);
  /* For show_cell(), when the row's pair becomes another one. */
  g_object_set_data (G_OBJECT (item), "shoebox-column-spec", (gpointer) spec);
}

static void
show_cell (GtkListItem *item)
{
  const ColumnSpec *spec = g_object_get_data (G_OBJECT (item), "shoebox-column-spec");
  ShoeboxPair *pair = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = spec->text (pair);

  g_object_set_data (G_OBJECT (label), "shoebox-stale", NULL);
  shoebox_text_line_set_text (SHOEBOX_TEXT_LINE (label), text != NULL ? text : "");

  /* Each row is named after its pair, read out from its first cell. */
  if (spec == &columns[0])
    {
      g_autofree char *name = shoebox_labels_dup_pair_name (pair);

      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      /* And the row, two levels up (cell, then row), is what a screen
       * reader announces when moving through the list.
       */
      if (gtk_widget_get_parent (label) != NULL && gtk_widget_get_parent (gtk_widget_get_parent (label)) != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (gtk_widget_get_parent (label))),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

/* The search or sort kept this row and made its pair another one
 * (ShoeboxPairList). Of the 200 rows GTK keeps bound, only those on
 * screen are mapped: the others show their new pair when they come on
 * screen, and a sort's frame formats a screenful of cells, not 1,800.
 */
static void
cell_pair_changed_cb (ShoeboxPair *pair,
                      GtkListItem *item)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  if (gtk_widget_get_mapped (label))
    show_cell (item);
  else
    g_object_set_data (G_OBJECT (label), "shoebox-stale", GINT_TO_POINTER (TRUE));
}

static void
cell_map_cb (GtkWidget   *label,
             GtkListItem *item)
{
  if (g_object_get_data (G_OBJECT (label), "shoebox-stale") != NULL && gtk_list_item_get_item (item) != NULL)
    show_cell (item);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  g_signal_connect (gtk_list_item_get_item (item), "changed", G_CALLBACK (cell_pair_changed_cb), item);
  show_cell (item);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), cell_pair_changed_cb, item);
}

void
_shoebox_collection_page_set_up_views (ShoeboxCollectionPage *self)
{
  g_autoptr(GtkListItemFactory) grid_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (grid_factory, "setup", G_CALLBACK (grid_setup_cb), self);
  g_signal_connect (grid_factory, "bind", G_CALLBACK (grid_bind_cb), self);
  g_signal_connect (grid_factory, "unbind", G_CALLBACK (grid_unbind_cb), NULL);
  gtk_grid_view_set_factory (self->grid_view, grid_factory);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), (gpointer) &columns[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), NULL);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), NULL);
      column = gtk_column_view_column_new (_(columns[i].title), g_object_ref (factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      g_object_set_data (G_OBJECT (column), "shoebox-column-spec", (gpointer) &columns[i]);
      sorter = shoebox_compat_column_view_sorter_new (column);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_append_column (self->column_view, column);
    }
}
