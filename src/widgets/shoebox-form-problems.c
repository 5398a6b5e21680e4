/* shoebox-form-problems.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-form-problems.h"

/* The editors (pair, silhouette) check their form the same way: each
 * check marks its row in red with the reason as tooltip, and the reasons
 * are listed, one line a field, in a label under the form. One copy here
 * keeps the two editors' look and wording from drifting apart.
 */

/**
 * shoebox_form_clear_invalid:
 * @invalid_rows: (element-type GtkWidget): the rows marked last time
 *
 * Takes the error style and tooltip off the rows marked by
 * shoebox_form_mark_invalid(), before the form is checked again.
 */
void
shoebox_form_clear_invalid (GPtrArray *invalid_rows)
{
  g_return_if_fail (invalid_rows != NULL);

  for (guint i = 0; i < invalid_rows->len; i++)
    {
      gtk_widget_remove_css_class (g_ptr_array_index (invalid_rows, i), "error");
      gtk_widget_set_tooltip_text (g_ptr_array_index (invalid_rows, i), NULL);
    }
  g_ptr_array_set_size (invalid_rows, 0);
}

/**
 * shoebox_form_mark_invalid:
 * @invalid_rows: (element-type GtkWidget): where the marked rows are kept
 * @problems: the reasons so far, one line a field
 * @row: (type GtkWidget): the row of the invalid field
 * @field: the field's name, as its row shows it
 * @message: why the value is refused, and what would do
 *
 * Marks @row in the error style with @message as its tooltip, and adds
 * "@field: @message" as a line of @problems.
 */
void
shoebox_form_mark_invalid (GPtrArray  *invalid_rows,
                           GString    *problems,
                           gpointer    row,
                           const char *field,
                           const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (row));

  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), message);
  g_ptr_array_add (invalid_rows, row);

  if (problems->len > 0)
    g_string_append_c (problems, '\n');
  /* Translators: an invalid field in an editor: "Price Paid: …" */
  g_string_append_printf (problems, _("%s: %s"), field, message);
}

/**
 * shoebox_form_show_problems:
 * @label: the label under the form
 * @shown: (inout): the text the editor keeps of the problems shown
 * @problems: (transfer full): the reasons found by this check
 *
 * Replaces *@shown by @problems (which it frees) and shows them in
 * @label, hidden when there are none.
 */
void
shoebox_form_show_problems (GtkLabel  *label,
                            char     **shown,
                            GString   *problems)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  g_free (*shown);
  *shown = g_string_free (problems, FALSE);
  gtk_label_set_text (label, *shown);
  gtk_widget_set_visible (GTK_WIDGET (label), **shown != '\0');
}
