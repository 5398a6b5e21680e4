/* shoebox-compare-page-picker.c
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

/* "Compare With…": the list of pairs and silhouettes to add. */

/* How many pairs, and how many silhouettes, "Compare With…" lists. */
#define PICKER_LIMIT 30

static void
add_picker_row (ShoeboxComparePage *self,
                const char         *title,
                const char         *subtitle,
                const char         *action_name,
                gint64              id,
                gboolean            sensitive)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *subtitle_label = gtk_label_new (subtitle);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle_label, "caption");
  gtk_widget_add_css_class (subtitle_label, "dim-label");
  gtk_box_append (GTK_BOX (box), subtitle_label);

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  gtk_widget_set_sensitive (button, sensitive);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  gtk_list_box_append (self->picker_list, button);
}

void
_shoebox_compare_page_refill_picker (ShoeboxComparePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->picker_search));
  g_autofree char *folded = g_utf8_casefold (text, -1);
  ShoeboxPairQuery query = { 0 };
  g_autoptr(GListModel) pairs = NULL;
  g_autoptr(GListModel) silhouettes = NULL;
  GtkWidget *row;
  guint n_shown = 0;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->picker_list))) != NULL)
    gtk_list_box_remove (self->picker_list, row);

  if (self->collection == NULL)
    return;

  query.text = *text != '\0' ? text : NULL;
  query.sort = query.text != NULL ? SHOEBOX_PAIR_SORT_RELEVANCE : SHOEBOX_PAIR_SORT_SILHOUETTE;
  pairs = shoebox_collection_search (self->collection, &query, NULL);
  for (guint i = 0; pairs != NULL && i < g_list_model_get_n_items (pairs) && i < PICKER_LIMIT; i++)
    {
      g_autoptr(ShoeboxPair) pair = g_list_model_get_item (pairs, i);
      g_autofree char *name = NULL;
      g_autofree char *subtitle = NULL;

      if (pair == NULL)
        continue;
      name = shoebox_labels_dup_pair_name (pair);
      subtitle = g_strdup_printf (_("Pair · %s"), shoebox_pair_get_brand_name (pair) != NULL
                                                  ? shoebox_pair_get_brand_name (pair) : "");
      add_picker_row (self, name, subtitle, "compare.add-pair", shoebox_pair_get_id (pair),
                      !_shoebox_compare_page_has_item (self, ITEM_PAIR, shoebox_pair_get_id (pair)));
      n_shown++;
    }

  silhouettes = shoebox_collection_list_silhouettes (self->collection, NULL);
  for (guint i = 0, n = 0; silhouettes != NULL && i < g_list_model_get_n_items (silhouettes) && n < PICKER_LIMIT; i++)
    {
      g_autoptr(ShoeboxSilhouette) silhouette = g_list_model_get_item (silhouettes, i);
      g_autofree char *name = shoebox_silhouette_dup_display_name (silhouette);
      g_autofree char *name_folded = g_utf8_casefold (name, -1);
      gint64 id = shoebox_silhouette_get_id (silhouette);

      if (*folded != '\0' && strstr (name_folded, folded) == NULL)
        continue;
      add_picker_row (self, name, _("Silhouette"), "compare.add-silhouette", id,
                      !_shoebox_compare_page_has_item (self, ITEM_SILHOUETTE, id));
      n++;
      n_shown++;
    }

  if (n_shown == 0)
    {
      GtkWidget *label = gtk_label_new (_("Nothing matches"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_append (self->picker_list, label);
    }
}
