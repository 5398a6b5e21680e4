/* shoebox-wear-button.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-wear-button.h"

/**
 * shoebox_wear_button_new_remove:
 * @date: the day worn, as stored (`YYYY-MM-DD`)
 * @label: the day as its row shows it
 * @action_name: the action that removes a wear, taking the date
 *
 * Creates the button beside a day in a pair's wear log, in the pair
 * editor and on the pair page alike: the same look and the same
 * accessible name ("Remove Wear of …") in both places.
 *
 * Returns: (transfer floating): the button
 */
GtkWidget *
shoebox_wear_button_new_remove (const char *date,
                                const char *label,
                                const char *action_name)
{
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *remove_label = NULL;

  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove This Wear"));
  /* Translators: the button beside a day in the pair's wear log. */
  remove_label = g_strdup_printf (_("Remove Wear of %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_string (date));
  return remove;
}
