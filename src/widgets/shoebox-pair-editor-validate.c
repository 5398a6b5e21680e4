/* shoebox-pair-editor-validate.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-pair-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-currency-row.h"
#include "shoebox-form-problems.h"
#include "shoebox-money.h"
#include "shoebox-pair-editor-private.h"

/* What the editor's state allows: the fields checked as the user types,
 * and the actions enabled from the result. The other parts call this one;
 * it calls none of them.
 */

/* Every action's enabled state, from the editor's state: called whenever
 * that state changes, so no two places can disagree.
 */
void
_shoebox_pair_editor_update_actions (ShoeboxPairEditor *self)
{
  static const char * const need_saved_pair[] = {
    "editor.worn-today", "editor.remove-wear", "editor.log-past-wear", "editor.duplicate",
    "editor.delete", "editor.compare-with", "editor.show-news",
  };

  for (guint i = 0; i < G_N_ELEMENTS (need_saved_pair); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), need_saved_pair[i], self->pair != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-photos", self->photos != NULL);
}

const char *
_shoebox_pair_editor_row_text (gpointer row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

char *
_shoebox_pair_editor_dup_stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

const char *
_shoebox_pair_editor_selected_currency (ShoeboxPairEditor *self)
{
  return shoebox_currency_row_get_currency (self->currency_row);
}

static void
check_amount (ShoeboxPairEditor *self,
              GString           *problems,
              AdwEntryRow       *row,
              const char        *field)
{
  g_autofree char *text = _shoebox_pair_editor_dup_stripped (_shoebox_pair_editor_row_text (row));
  g_autoptr(GError) error = NULL;
  gint64 minor_units;

  if (*text != '\0' && !shoebox_money_parse (text, _shoebox_pair_editor_selected_currency (self), &minor_units, &error))
    shoebox_form_mark_invalid (self->invalid_rows, problems, row, field, error->message);
}

/* Checks every field as the user types. A wrong field is shown as wrong,
 * with its reason; nothing is clamped or fixed behind the user's back.
 */
void
_shoebox_pair_editor_validate (ShoeboxPairEditor *self)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *silhouette = _shoebox_pair_editor_dup_stripped (gtk_editable_get_text (GTK_EDITABLE (self->silhouette_entry)));
  g_autofree char *size = _shoebox_pair_editor_dup_stripped (_shoebox_pair_editor_row_text (self->size_row));
  g_autofree char *date = _shoebox_pair_editor_dup_stripped (_shoebox_pair_editor_row_text (self->purchase_date_row));
  ShoeboxSizeSystem system = adw_combo_row_get_selected (self->size_system_row);
  g_autoptr(GError) error = NULL;

  shoebox_form_clear_invalid (self->invalid_rows);

  /* An empty silhouette keeps Save disabled from the start, but is only
   * pointed out once the user has been in the field: a new form should
   * not open in red.
   */
  if (*silhouette == '\0' && (self->silhouette_touched || self->pair != NULL))
    shoebox_form_mark_invalid (self->invalid_rows, problems, self->silhouette_row, _("Silhouette"),
                  _("Pick a silhouette from the catalogue or type a new one"));

  if (*size != '\0' && system == SHOEBOX_SIZE_SYSTEM_NONE)
    shoebox_form_mark_invalid (self->invalid_rows, problems, self->size_system_row, _("Size System"), _("Choose the system the size is printed in"));
  else if (*size != '\0' && !shoebox_size_validate (system, size, &error))
    shoebox_form_mark_invalid (self->invalid_rows, problems, self->size_row, _("Size"), error->message);
  g_clear_error (&error);

  check_amount (self, problems, self->price_paid_row, _("Price Paid"));
  check_amount (self, problems, self->estimated_value_row, _("Estimated Value"));

  if (*date != '\0')
    {
      g_autoptr(GDate) today = shoebox_date_new_today ();

      if (!shoebox_date_validate (date, today, &error))
        shoebox_form_mark_invalid (self->invalid_rows, problems, self->purchase_date_row, _("Purchase Date"), error->message);
    }

  shoebox_form_show_problems (self->problems_label, &self->problems, g_steal_pointer (&problems));
  self->can_save = *self->problems == '\0' && *silhouette != '\0' && self->n_importing == 0;
  _shoebox_pair_editor_update_actions (self);
}
