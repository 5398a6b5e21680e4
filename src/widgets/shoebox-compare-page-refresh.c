/* shoebox-compare-page-refresh.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-compare-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-compare-page-private.h"

/* The page shown again from its items: the parts it is drawn by are
 * called from here in order, and none of them calls back.
 */

/* Enables every action and tool of the page from its state, in one place. */
static void
update_actions (ShoeboxComparePage *self)
{
  guint n = self->items->len;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.save-image", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.copy-image", n > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_with_button),
                            self->collection != NULL && n < SHOEBOX_COMPARE_MAX_ITEMS);
}

static void
update_hint (ShoeboxComparePage *self)
{
  const char *hint = NULL;

  if (self->truncated)
    hint = _("Only the first four are compared: more columns would not fit.");
  else if (self->items->len == 1)
    hint = _("Add one more pair or silhouette with “Compare With…” to see the differences.");

  gtk_label_set_text (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
  _shoebox_compare_page_fit_views (self);
}

/**
 * _shoebox_compare_page_refresh:
 * @self: a #ShoeboxComparePage
 *
 * Everything after the items changed: the columns, the table, the photos.
 */
void
_shoebox_compare_page_refresh (ShoeboxComparePage *self)
{
  _shoebox_compare_page_rebuild_columns (self);
  _shoebox_compare_page_apply_narrow (self);
  _shoebox_compare_page_load_photos (self);
  _shoebox_compare_page_update_differences (self);
  _shoebox_compare_page_update_views (self);
  update_hint (self);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, self->items->len > 0 ? "comparison" : "empty");
}
