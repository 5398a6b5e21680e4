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

#define COLUMN_WIDTH 220
#define PHOTO_HEIGHT 130

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

/* Highlighted for the eye, and said for screen readers. */
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

void
_shoebox_compare_page_update_differences (ShoeboxComparePage *self)
{
  for (Row row = 0; row < N_ROWS; row++)
    {
      gboolean differs = FALSE;
      gboolean visible;

      for (guint i = 1; i < self->items->len; i++)
        {
          Item *first = g_ptr_array_index (self->items, 0);
          Item *item = g_ptr_array_index (self->items, i);

          if (g_strcmp0 (first->values[row], item->values[row]) != 0)
            differs = TRUE;
        }

      visible = differs || !self->only_differences;

      if (self->row_labels[row] != NULL)
        {
          gtk_widget_set_visible (self->row_labels[row], visible);
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
new_icon_button (const char *icon_name,
                 const char *label,
                 const char *action_name,
                 int         index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", index);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static GtkWidget *
new_cell (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_add_css_class (label, "compare-cell");

  return label;
}

static GtkWidget *
build_header (ShoeboxComparePage *self,
              Item               *item,
              int                 index)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *name = gtk_label_new (item->name);
  GtkWidget *kind = gtk_label_new (item->kind == ITEM_PAIR ? _("Pair") : _("Silhouette"));
  GtkWidget *button;

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 20);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (header), name);

  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_add_css_class (kind, "caption");
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_box_append (GTK_BOX (header), kind);

  button = new_icon_button ("go-previous-symbolic", _("Move Left"), "compare.move-left", index);
  gtk_widget_set_sensitive (button, index > 0);
  gtk_box_append (GTK_BOX (buttons), button);
  button = new_icon_button ("go-next-symbolic", _("Move Right"), "compare.move-right", index);
  gtk_widget_set_sensitive (button, (guint) index + 1 < self->items->len);
  gtk_box_append (GTK_BOX (buttons), button);
  item->flip_button = new_icon_button ("object-flip-horizontal-symbolic", _("Flip"), "compare.flip", index);
  gtk_widget_set_tooltip_text (item->flip_button, _("Flip the photo when the toe points the wrong way"));
  gtk_box_append (GTK_BOX (buttons), item->flip_button);
  button = new_icon_button ("window-close-symbolic", _("Remove from Comparison"), "compare.remove", index);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (header), buttons);

  if (item->has_lineage)
    {
      button = gtk_button_new_with_label (_("Compare Generations"));
      gtk_widget_set_tooltip_text (button, _("Compare every generation of this silhouette's line"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "compare.generations");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", index);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (header), button);
    }

  return header;
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
  gtk_widget_set_size_request (GTK_WIDGET (item->photo_stack), COLUMN_WIDTH, PHOTO_HEIGHT);
  gtk_widget_add_css_class (GTK_WIDGET (item->photo_stack), "compare-photo");

  item->view = SHOEBOX_PROFILE_VIEW (shoebox_profile_view_new ());
  description = g_strdup_printf (_("Side profile of %s"), item->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->view), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_stack_add_named (item->photo_stack, GTK_WIDGET (item->view), "photo");

  gtk_widget_set_valign (placeholder, GTK_ALIGN_CENTER);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (placeholder), icon);
  label = gtk_label_new (item->kind == ITEM_PAIR ? _("No Side-Profile Photo") : _("No Photo of This Silhouette"));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (placeholder), label);
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
  gtk_label_set_max_width_chars (item->caption, 28);
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
      item->flip_button = NULL;
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
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
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
                                   "width-request", COLUMN_WIDTH,
                                   "margin-bottom", 6,
                                   NULL);
      gtk_widget_add_css_class (item->column, "compare-column");
      gtk_accessible_update_property (GTK_ACCESSIBLE (item->column), GTK_ACCESSIBLE_PROPERTY_LABEL, item->name, -1);
      gtk_box_append (GTK_BOX (item->column), build_header (self, item, i));
      gtk_grid_attach (GTK_GRID (self->columns_box), item->column, i + 1, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (self->columns_box), build_photo_box (item), i + 1, 1, 1, 1);

      for (Row row = 0; row < N_ROWS; row++)
        {
          item->cells[row] = new_cell (item->values[row]);
          gtk_widget_set_size_request (item->cells[row], COLUMN_WIDTH, -1);
          gtk_grid_attach (GTK_GRID (self->columns_box), item->cells[row], i + 1, row + 2, 1, 1);
        }
    }
}
