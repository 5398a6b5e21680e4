/* shoebox-pair-editor-wears.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-pair-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-labels.h"
#include "shoebox-pair-editor-private.h"
#include "shoebox-wear-button.h"

/* The pair editor's wear log: Worn Today (refused, and saying so, when
 * today is already logged; with an Undo), the days the pair was worn,
 * newest first, each with a Remove button, and a field to log a past
 * day. Each writes at once, as Worn Today always did: the log is not
 * part of what Save writes.
 */

static void
show_toast (ShoeboxPairEditor *self,
            AdwToast          *toast)
{
  /* Each answers at once instead of waiting behind the one before. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
reload_pair (ShoeboxPairEditor *self)
{
  g_autoptr(ShoeboxPair) fresh = shoebox_collection_get_pair (self->collection, shoebox_pair_get_id (self->pair), NULL);

  if (fresh != NULL)
    g_set_object (&self->pair, fresh);
  _shoebox_pair_editor_update_wear (self);
  /* The editor's own signal, by its name: this part does not call back
   * into shoebox-pair-editor.c, which registers it.
   */
  g_signal_emit_by_name (self, "saved");
}

static GtkWidget *
create_wear_row (const char *date)
{
  g_autofree char *label = shoebox_labels_dup_date (date);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), shoebox_wear_button_new_remove (date, label, "editor.remove-wear"));
  return row;
}

void
_shoebox_pair_editor_update_wear (ShoeboxPairEditor *self)
{
  g_autofree char *count = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *last_worn = NULL;
  const char * const *dates;
  gint64 cost_per_wear;

  for (guint i = 0; i < self->wear_rows->len; i++)
    adw_preferences_group_remove (self->wear_history_group, g_ptr_array_index (self->wear_rows, i));
  g_ptr_array_set_size (self->wear_rows, 0);

  if (self->pair == NULL)
    return;

  count = g_strdup_printf ("%u", shoebox_pair_get_wear_count (self->pair));
  adw_action_row_set_subtitle (self->wears_row, count);
  last_worn = shoebox_pair_get_last_worn (self->pair) != NULL ? shoebox_labels_dup_date (shoebox_pair_get_last_worn (self->pair))
                                                              : g_strdup (_("Never"));
  adw_action_row_set_subtitle (self->last_worn_row, last_worn);
  cost_per_wear = shoebox_pair_get_cost_per_wear (self->pair);
  cost = cost_per_wear >= 0 ? shoebox_labels_dup_money (cost_per_wear, shoebox_pair_get_currency (self->pair))
                            : g_strdup (_("Not worn yet, or no price"));
  adw_action_row_set_subtitle (self->cost_per_wear_row, cost);

  /* The pair keeps its days oldest first: the newest is what one checks. */
  dates = shoebox_pair_get_wear_dates (self->pair);
  for (guint n = dates != NULL ? g_strv_length ((char **) dates) : 0; n > 0; n--)
    {
      GtkWidget *row = create_wear_row (dates[n - 1]);

      adw_preferences_group_add (self->wear_history_group, row);
      g_ptr_array_add (self->wear_rows, row);
    }
}

/* Logs @date; says so when it was logged already. */
static gboolean
log_day (ShoeboxPairEditor *self,
         const char        *date)
{
  g_autoptr(GArray) logged = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 id = shoebox_pair_get_id (self->pair);

  if (!shoebox_collection_log_new_wear (self->collection, &id, 1, date, logged, &error))
    {
      show_toast (self, adw_toast_new (error->message));
      return FALSE;
    }
  reload_pair (self);
  return logged->len > 0;
}

void
_shoebox_pair_editor_worn_today (ShoeboxPairEditor *self)
{
  g_autofree char *today = shoebox_date_dup_today ();
  AdwToast *toast;

  if (self->pair == NULL)
    return;

  if (!log_day (self, today))
    {
      show_toast (self, adw_toast_new (_("Already logged as worn today")));
      return;
    }

  toast = adw_toast_new (_("Wear logged for today"));
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "editor.remove-wear");
  adw_toast_set_action_target_value (toast, g_variant_new_string (today));
  show_toast (self, toast);
}

void
_shoebox_pair_editor_remove_wear (ShoeboxPairEditor *self,
                                  const char        *date)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  if (self->pair == NULL)
    return;

  if (!shoebox_collection_remove_wear (self->collection, shoebox_pair_get_id (self->pair), date, &error))
    {
      show_toast (self, adw_toast_new (error->message));
      return;
    }

  reload_pair (self);
  label = shoebox_labels_dup_date (date);
  /* Translators: %s is a day, as the wear log shows it. */
  message = g_strdup_printf (_("Wear of %s removed"), label);
  show_toast (self, adw_toast_new (message));
}

/* The "Add a Past Wear" field's Log button, or Enter in it. */
void
_shoebox_pair_editor_log_past_wear (ShoeboxPairEditor *self)
{
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->past_wear_row))));
  g_autoptr(GDate) today = shoebox_date_new_today ();
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  if (self->pair == NULL || *date == '\0')
    return;

  if (!shoebox_date_validate (date, today, &error))
    {
      show_toast (self, adw_toast_new (error->message));
      return;
    }

  label = shoebox_labels_dup_date (date);
  if (log_day (self, date))
    /* Translators: %s is a day, as the wear log shows it. */
    message = g_strdup_printf (_("Wear of %s logged"), label);
  else
    /* Translators: %s is a day, as the wear log shows it. */
    message = g_strdup_printf (_("%s is already in the wear log"), label);
  show_toast (self, adw_toast_new (message));
  gtk_editable_set_text (GTK_EDITABLE (self->past_wear_row), "");
}

void
_shoebox_pair_editor_past_wear_activated_cb (ShoeboxPairEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.log-past-wear", NULL);
}

void
_shoebox_pair_editor_set_up_wears (ShoeboxPairEditor *self)
{
  self->wear_rows = g_ptr_array_new ();
}
