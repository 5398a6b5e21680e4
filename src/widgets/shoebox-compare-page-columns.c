/* shoebox-compare-page-columns.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-compare-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-compare-page-private.h"

/* The table: a column per item, with its head, its photo and a cell per
 * row, and the rows where the items differ marked.
 */

/* The narrowest a column gets: in a narrow window the columns scroll
 * sideways instead. Wider windows share their width out equally, as every
 * column asks for this much and no more (see new_cell()).
 */
#define MIN_COLUMN_WIDTH 200
#define PHOTO_HEIGHT 110

static const char * const row_titles[N_ROWS] = {
  N_("Silhouette"),
  N_("Brand"),
  N_("Designer"),
  N_("Release Year"),
  N_("Category"),
  N_("Retail Price"),
  N_("Price Paid"),
  N_("Estimated Value"),
  N_("Size"),
  N_("Condition"),
  N_("Wears"),
  N_("Cost per Wear"),
  N_("Inspiration"),
  N_("Predecessor"),
  N_("Successor"),
};

/* Marked for the eye (quietly: see style.css), and said for screen
 * readers.
 */
static void
mark_differs (GtkWidget *cell,
              gboolean   differs)
{
  if (differs)
    {
      gtk_widget_add_css_class (cell, "compare-differs");
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Differs"), -1);
    }
  else
    {
      gtk_widget_remove_css_class (cell, "compare-differs");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

const char *
_shoebox_compare_page_row_title (Row row)
{
  g_return_val_if_fail (row < N_ROWS, NULL);

  return _(row_titles[row]);
}

gboolean
_shoebox_compare_page_row_differs (ShoeboxComparePage *self,
                                   Row                 row)
{
  for (guint i = 1; i < self->items->len; i++)
    {
      Item *first = g_ptr_array_index (self->items, 0);
      Item *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (first->values[row], item->values[row]) != 0)
        return TRUE;
    }

  return FALSE;
}

void
_shoebox_compare_page_update_differences (ShoeboxComparePage *self)
{
  for (Row row = 0; row < N_ROWS; row++)
    {
      gboolean differs = _shoebox_compare_page_row_differs (self, row);
      gboolean visible;

      visible = differs || !self->only_differences;

      if (self->row_labels[row] != NULL)
        {
          gtk_widget_set_visible (self->row_labels[row], visible && !self->narrow);
          mark_differs (self->row_labels[row], differs);
        }

      for (guint i = 0; i < self->items->len; i++)
        {
          Item *item = g_ptr_array_index (self->items, i);

          if (item->cells[row] == NULL)
            continue;
          gtk_widget_set_visible (item->cells[row], visible);
          mark_differs (item->cells[row], differs);
        }
    }
}

static GtkWidget *
new_cell (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Narrower than a column's minimum, so that no text makes its column
   * wider than the others; it wraps to the width the column gets.
   */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 8);
  gtk_widget_add_css_class (label, "compare-cell");

  return label;
}

/* An action of the column at @index; the menu item takes the target's
 * floating reference. */
static void
append_column_action (GMenu      *section,
                      const char *label,
                      const char *action,
                      int         index)
{
  g_autoptr(GMenuItem) menu_item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (menu_item, action, g_variant_new_int32 (index));
  g_menu_append_item (section, menu_item);
}

/* Move Left, Move Right, Flip and Remove: one menu, so the column head
 * stays one line and the photo starts right under it.
 */
static GMenuModel *
build_column_menu (ShoeboxComparePage *self,
                   Item               *item,
                   int                 index)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenu) photo = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();

  if (index > 0)
    append_column_action (order, _("Move Left"), "compare.move-left", index);
  if ((guint) index + 1 < self->items->len)
    append_column_action (order, _("Move Right"), "compare.move-right", index);
  if (item->result != NULL)
    append_column_action (photo, _("Flip"), "compare.flip", index);
  append_column_action (remove, _("Remove"), "compare.remove", index);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (photo));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));
  return G_MENU_MODEL (menu);
}

static GtkWidget *
build_header (ShoeboxComparePage *self,
              Item               *item,
              int                 index)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (item->name);
  GtkWidget *kind = gtk_label_new (item->kind == ITEM_PAIR ? _("Pair") : _("Silhouette"));
  g_autofree char *menu_label = g_strdup_printf (_("Actions for %s"), item->name);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 8);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (titles), name);

  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_add_css_class (kind, "caption");
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_box_append (GTK_BOX (titles), kind);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (line), titles);

  item->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (item->menu_button), "view-more-symbolic");
  gtk_widget_set_valign (item->menu_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (item->menu_button, "flat");
  gtk_widget_set_tooltip_text (item->menu_button, _("Column Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
  gtk_box_append (GTK_BOX (line), item->menu_button);
  gtk_box_append (GTK_BOX (header), line);

  /* Offered once, in the selected column (see select_column()). */
  if (item->has_lineage)
    {
      item->generations_button = gtk_button_new_with_label (_("Compare Generations"));
      gtk_widget_set_tooltip_text (item->generations_button, _("Compare every generation of this silhouette's line"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (item->generations_button), "compare.generations");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (item->generations_button), "i", index);
      gtk_widget_set_halign (item->generations_button, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (header), item->generations_button);
    }

  return header;
}

/* Refreshes what depends on a column's photo: Flip is only offered once
 * there is a photo to flip.
 */
void
_shoebox_compare_page_update_column_menu (ShoeboxComparePage *self,
                                          Item               *item,
                                          int                 index)
{
  g_autoptr(GMenuModel) menu = NULL;

  if (item->menu_button == NULL)
    return;

  menu = build_column_menu (self, item, index);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (item->menu_button), menu);
}

/* The column whose lineage Compare Generations offers: the one last
 * clicked, or the first that has a lineage.
 */
static void
select_column (ShoeboxComparePage *self,
               int                 index)
{
  Item *chosen = index >= 0 && (guint) index < self->items->len ? g_ptr_array_index (self->items, index) : NULL;

  if (chosen == NULL || !chosen->has_lineage)
    {
      index = -1;
      for (guint i = 0; i < self->items->len && index < 0; i++)
        if (((Item *) g_ptr_array_index (self->items, i))->has_lineage)
          index = i;
    }

  self->selected_column = index;
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->generations_button != NULL)
        gtk_widget_set_visible (item->generations_button, (int) i == index);
      if ((int) i == index)
        gtk_widget_add_css_class (item->column, "compare-selected-column");
      else
        gtk_widget_remove_css_class (item->column, "compare-selected-column");
    }
}

static void
column_pressed_cb (GtkGestureClick    *gesture,
                   int                 n_press,
                   double              x,
                   double              y,
                   ShoeboxComparePage *self)
{
  GtkWidget *column = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  int        grid_column;

  /* Item i's head and photo are in the grid's column i + 1. */
  gtk_grid_query_child (GTK_GRID (self->columns_box), column, &grid_column, NULL, NULL, NULL);
  select_column (self, grid_column - 1);
}

static void
make_selectable (ShoeboxComparePage *self,
                 GtkWidget          *widget)
{
  GtkGesture *click = gtk_gesture_click_new ();

  /* Capture, so a click on the photo selects before the view's own drag. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (column_pressed_cb), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
}

static GtkWidget *
build_photo_box (Item *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *placeholder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("camera-photo-symbolic");
  GtkWidget *label;
  GtkWidget *spinner;
  g_autofree char *description = NULL;

  item->photo_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_size_request (GTK_WIDGET (item->photo_stack), MIN_COLUMN_WIDTH, PHOTO_HEIGHT);
  gtk_widget_set_hexpand (GTK_WIDGET (item->photo_stack), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (item->photo_stack), "compare-photo");

  item->view = SHOEBOX_PROFILE_VIEW (shoebox_profile_view_new ());
  description = g_strdup_printf (_("Side profile of %s"), item->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->view), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_stack_add_named (item->photo_stack, GTK_WIDGET (item->view), "photo");

  gtk_widget_set_valign (placeholder, GTK_ALIGN_CENTER);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (placeholder), icon);
  label = gtk_label_new (item->kind == ITEM_PAIR ? _("No Side-Profile Photo") : _("No photo of this silhouette"));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (placeholder), label);

  /* None of the collector's pairs of it has a photo: add one to the best. */
  if (item->kind == ITEM_SILHOUETTE && item->photo == NULL && item->photo_pair_id > 0)
    {
      GtkWidget *add = gtk_button_new_with_label (_("Add Photo…"));

      gtk_widget_set_tooltip_text (add, _("Add a side-profile photo to your pair of this silhouette"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "compare.add-photo");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "x", item->photo_pair_id);
      gtk_widget_set_halign (add, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (add, "pill");
      gtk_box_append (GTK_BOX (placeholder), add);
    }
  gtk_stack_add_named (item->photo_stack, placeholder, "placeholder");

  spinner = gtk_spinner_new ();
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Loading the photo"), -1);
  gtk_stack_add_named (item->photo_stack, spinner, "loading");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (item->photo_stack));

  item->caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (item->caption, 0);
  gtk_label_set_wrap (item->caption, TRUE);
  gtk_label_set_wrap_mode (item->caption, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (item->caption, 8);
  gtk_widget_add_css_class (GTK_WIDGET (item->caption), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (item->caption), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (item->caption));

  gtk_widget_set_margin_bottom (box, 6);
  item->photo_box = box;
  return box;
}

/* A grid, so that rows line up across the columns whatever wraps: row 0
 * holds each item's column head (name and buttons), a group named after
 * the item; row 1 its photo; the rows below are the table.
 */
void
_shoebox_compare_page_rebuild_columns (ShoeboxComparePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->columns_box)) != NULL)
    gtk_grid_remove (GTK_GRID (self->columns_box), child);
  for (Row row = 0; row < N_ROWS; row++)
    self->row_labels[row] = NULL;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      item->column = NULL;
      item->view = NULL;
      item->photo_stack = NULL;
      item->photo_box = NULL;
      item->caption = NULL;
      item->menu_button = NULL;
      item->generations_button = NULL;
      memset (item->cells, 0, sizeof item->cells);
    }

  if (self->items->len == 0)
    return;

  /* The first column names the rows. */
  for (Row row = 0; row < N_ROWS; row++)
    {
      GtkWidget *label = new_cell (_(row_titles[row]));

      /* Whole words, and room for them even when the window is narrow. */
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
      gtk_label_set_width_chars (GTK_LABEL (label), 9);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 11);
      gtk_widget_add_css_class (label, "compare-row-title");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (self->columns_box), label, 0, row + 2, 1, 1);
      self->row_labels[row] = label;
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      item->column = g_object_new (GTK_TYPE_BOX,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                   "orientation", GTK_ORIENTATION_VERTICAL,
                                   "spacing", 6,
                                   "width-request", MIN_COLUMN_WIDTH,
                                   "hexpand", TRUE,
                                   "margin-bottom", 6,
                                   NULL);
      gtk_widget_add_css_class (item->column, "compare-column");
      gtk_accessible_update_property (GTK_ACCESSIBLE (item->column), GTK_ACCESSIBLE_PROPERTY_LABEL, item->name, -1);
      gtk_box_append (GTK_BOX (item->column), build_header (self, item, i));
      gtk_grid_attach (GTK_GRID (self->columns_box), item->column, i + 1, 0, 1, 1);
      _shoebox_compare_page_update_column_menu (self, item, i);
      gtk_grid_attach (GTK_GRID (self->columns_box), build_photo_box (item), i + 1, 1, 1, 1);
      make_selectable (self, item->column);
      make_selectable (self, item->photo_box);

      for (Row row = 0; row < N_ROWS; row++)
        {
          item->cells[row] = new_cell (item->values[row]);
          gtk_widget_set_size_request (item->cells[row], MIN_COLUMN_WIDTH, -1);
          gtk_widget_set_hexpand (item->cells[row], TRUE);
          gtk_grid_attach (GTK_GRID (self->columns_box), item->cells[row], i + 1, row + 2, 1, 1);
        }
    }

  select_column (self, self->selected_column);
}
