/* shoebox-collection-page-catch-up.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-collection-page"

#include "config.h"

#include "shoebox-collection-page-private.h"
#include "shoebox-pair-list.h"

/* A new result updates the pairs the view shows before its frame, and
 * the rest of the cells GTK keeps bound right after it
 * (shoebox_pair_list_set_near(), _catch_up()). With GTK 4.8's 200 bound
 * rows, of which a screenful shows, reading and assigning the other
 * pairs was a third of a sort's time to its frame.
 */

/* A quarter of a screenful above and below the view is near too: the
 * grid's partly shown rows, and a view whose rows are estimated before
 * they are laid out. A full screenful either side made a sort read and
 * assign twice as many pairs before its frame; the catch-up runs right
 * after that frame, and any scroll catches up first (scrolled_cb).
 */
#define SCREENFULS_AROUND 0.25

static GtkScrollable *
view_on_screen (ShoeboxCollectionPage *self)
{
  const char *visible = gtk_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (visible, "list") == 0)
    return GTK_SCROLLABLE (self->column_view);
  if (g_strcmp0 (visible, "grid") == 0)
    return GTK_SCROLLABLE (self->grid_view);
  return NULL;
}

/* Tells the results where the view is, before they change. The view's
 * height over its number of items is its height per item whether it
 * shows one per row (the list) or several (the grid).
 */
void
_shoebox_collection_page_tell_near (ShoeboxCollectionPage *self)
{
  GtkScrollable *view = view_on_screen (self);
  GtkAdjustment *adjustment = view != NULL ? gtk_scrollable_get_vadjustment (view) : NULL;
  guint n_items;
  double upper, per_item, first, shown;

  if (self->pairs == NULL)
    return;

  n_items = g_list_model_get_n_items (self->pairs);
  upper = adjustment != NULL ? gtk_adjustment_get_upper (adjustment) : 0;
  if (n_items == 0 || upper <= 0 || !gtk_widget_get_mapped (GTK_WIDGET (view)))
    {
      /* Nothing laid out to go by: every position is near. */
      shoebox_pair_list_set_near (SHOEBOX_PAIR_LIST (self->pairs), 0, 0);
      return;
    }

  per_item = upper / n_items;
  first = gtk_adjustment_get_value (adjustment) / per_item;
  shown = gtk_adjustment_get_page_size (adjustment) / per_item + 1;
  first = MAX (0, first - SCREENFULS_AROUND * shown);
  shown = (1 + 2 * SCREENFULS_AROUND) * shown + 1;
  shoebox_pair_list_set_near (SHOEBOX_PAIR_LIST (self->pairs), (guint) first, (guint) MIN (shown, G_MAXUINT - 1));
}

void
_shoebox_collection_page_stop_catch_up (ShoeboxCollectionPage *self)
{
  if (self->catch_up_clock != NULL)
    g_clear_signal_handler (&self->catch_up_handler, self->catch_up_clock);
  g_clear_object (&self->catch_up_clock);
}

void
_shoebox_collection_page_catch_up (ShoeboxCollectionPage *self)
{
  _shoebox_collection_page_stop_catch_up (self);
  if (self->pairs != NULL)
    shoebox_pair_list_catch_up (SHOEBOX_PAIR_LIST (self->pairs));
}

static void
frame_painted_cb (GdkFrameClock         *clock,
                  ShoeboxCollectionPage *self)
{
  _shoebox_collection_page_catch_up (self);
}

/* After the frame that shows the new result, the pairs away from the
 * view: on the frame clock, not an idle, which could run first while the
 * clock waits for its next frame.
 */
void
_shoebox_collection_page_catch_up_later (ShoeboxCollectionPage *self)
{
  GdkFrameClock *clock;

  if (self->pairs == NULL || !shoebox_pair_list_is_behind (SHOEBOX_PAIR_LIST (self->pairs))
      || self->catch_up_clock != NULL)
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    {
      _shoebox_collection_page_catch_up (self);
      return;
    }

  self->catch_up_clock = g_object_ref (clock);
  self->catch_up_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_painted_cb), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

/* Rows coming on screen must show their pairs: bound before, they are
 * not asked for again.
 */
static void
scrolled_cb (GtkAdjustment         *adjustment,
             ShoeboxCollectionPage *self)
{
  _shoebox_collection_page_catch_up (self);
}

void
_shoebox_collection_page_set_up_catch_up (ShoeboxCollectionPage *self)
{
  GtkScrollable *views[] = { GTK_SCROLLABLE (self->grid_view), GTK_SCROLLABLE (self->column_view) };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_signal_connect_object (gtk_scrollable_get_vadjustment (views[i]), "value-changed", G_CALLBACK (scrolled_cb),
                             self, G_CONNECT_DEFAULT);
}
