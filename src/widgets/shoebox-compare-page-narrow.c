/* shoebox-compare-page-narrow.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-compare-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-compare-page-private.h"

/* Compare in a narrow window (a phone's 360 px): the tool bar keeps the
 * mode switcher and puts the rest in a menu, and the table's row titles
 * move into each cell, above its value, so they stay in view while the
 * columns scroll sideways. libadwaita 1.2 has no breakpoints: the page
 * watches its own width, and changes its children after the allocation,
 * never during it.
 */

/* Below this width the tool bar would wrap. */
#define NARROW_WIDTH 600
/* The comparison's own padding on each side (.comparison in style.css). */
#define COMPARISON_PADDING 8
/* No limit: the clamp gives its child the whole width. */
#define UNCLAMPED 100000

/* The comparison's scrolling, whose page size is the page's width. */
static GtkAdjustment *
get_hadjustment (ShoeboxComparePage *self)
{
  return gtk_scrolled_window_get_hadjustment (self->scrolled_window);
}

/**
 * _shoebox_compare_page_set_tool_visible:
 * @tool: a child of the tool bar
 * @visible: whether to show it
 *
 * Shows or hides @tool and its slot in the tool bar's flow box, which
 * otherwise keeps its spacing (and takes the focus, empty).
 */
void
_shoebox_compare_page_set_tool_visible (GtkWidget *tool,
                                        gboolean   visible)
{
  GtkWidget *parent = gtk_widget_get_parent (tool);

  gtk_widget_set_visible (tool, visible);
  if (GTK_IS_FLOW_BOX_CHILD (parent))
    gtk_widget_set_visible (parent, visible);
}

static void
set_cell_text (GtkWidget  *cell,
               const char *title,
               const char *value)
{
  if (title != NULL)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<span size=\"small\" alpha=\"60%%\">%s</span>\n%s",
                                                         title, value != NULL ? value : "");

      gtk_label_set_markup (GTK_LABEL (cell), markup);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (cell), value);
    }
}

/**
 * _shoebox_compare_page_fit_views:
 * @self: a #ShoeboxComparePage
 *
 * Keeps the hint and the overlay to the part of the comparison that
 * shows. In a narrow window the columns scroll sideways, so the
 * comparison is wider than the window, and without a limit the overlay
 * would be drawn as wide as the columns, cut off at the window's edge.
 * The clamp is hidden when neither shows, so that it leaves no gap.
 */
void
_shoebox_compare_page_fit_views (ShoeboxComparePage *self)
{
  GtkWidget *clamp = GTK_WIDGET (self->view_clamp);
  int width = UNCLAMPED;

  gtk_widget_set_visible (clamp, gtk_widget_get_visible (GTK_WIDGET (self->hint_label)) ||
                                 gtk_widget_get_visible (self->overlay_box));
  if (self->narrow)
    width = MAX (1, (int) gtk_adjustment_get_page_size (get_hadjustment (self)) - 2 * COMPARISON_PADDING);
  /* Start-aligned: a clamp filling the wide comparison would centre
   * its child out of view. */
  gtk_widget_set_halign (clamp, self->narrow ? GTK_ALIGN_START : GTK_ALIGN_FILL);
  adw_clamp_set_maximum_size (self->view_clamp, width);
  adw_clamp_set_tightening_threshold (self->view_clamp, width);
}

/**
 * _shoebox_compare_page_apply_narrow:
 * @self: a #ShoeboxComparePage
 *
 * Shows the tool bar and the table as the page's width asks.
 */
void
_shoebox_compare_page_apply_narrow (ShoeboxComparePage *self)
{
  gboolean narrow = self->narrow;
  gboolean picking = gtk_widget_get_visible (GTK_WIDGET (self->picker_popover));

  _shoebox_compare_page_set_tool_visible (self->only_differences_box, !narrow);
  _shoebox_compare_page_set_tool_visible (GTK_WIDGET (self->compare_with_button), !narrow || picking);
  _shoebox_compare_page_set_tool_visible (self->image_box, !narrow);
  _shoebox_compare_page_set_tool_visible (self->back_button, self->previous_keys != NULL);
  gtk_widget_set_visible (self->more_button, narrow);
  _shoebox_compare_page_fit_views (self);
  /* The mode switcher and the menu on one line at 360 px. */
  gtk_widget_set_margin_start (GTK_WIDGET (self->toolbar), narrow ? 6 : 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->toolbar), narrow ? 6 : 12);

  for (Row row = 0; row < N_ROWS; row++)
    {
      for (guint i = 0; i < self->items->len; i++)
        {
          Item *item = g_ptr_array_index (self->items, i);

          if (item->cells[row] != NULL)
            set_cell_text (item->cells[row], narrow ? _shoebox_compare_page_row_title (row) : NULL,
                           item->values[row]);
        }
    }
}

static gboolean
apply_narrow_cb (gpointer user_data)
{
  ShoeboxComparePage *self = user_data;

  self->narrow_source = 0;
  _shoebox_compare_page_apply_narrow (self);
  /* The row titles' column shows in the wide layout only. */
  _shoebox_compare_page_update_differences (self);
  return G_SOURCE_REMOVE;
}

/* The viewport's width changed, in the middle of an allocation: switch
 * between the layouts in an idle when it crosses NARROW_WIDTH, and, while
 * narrow, fit the overlay to the new width there too.
 */
static void
page_size_changed_cb (ShoeboxComparePage *self)
{
  GtkAdjustment *adjustment = get_hadjustment (self);
  gboolean narrow = gtk_adjustment_get_page_size (adjustment) < NARROW_WIDTH;

  /* Narrow, the overlay follows every change of the width. */
  if (narrow == self->narrow && !narrow)
    return;

  self->narrow = narrow;
  if (self->narrow_source == 0)
    self->narrow_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_narrow_cb, g_object_ref (self),
                                           g_object_unref);
}

/**
 * _shoebox_compare_page_watch_width:
 * @self: a #ShoeboxComparePage, as it is initialised
 */
void
_shoebox_compare_page_watch_width (ShoeboxComparePage *self)
{
  GtkAdjustment *adjustment = get_hadjustment (self);

  g_signal_connect_object (adjustment, "notify::page-size", G_CALLBACK (page_size_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Compare With… from the narrow menu: its button, shown while it is open. */
void
_shoebox_compare_page_compare_with (ShoeboxComparePage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->compare_with_button), TRUE);
  gtk_menu_button_popup (self->compare_with_button);
}
