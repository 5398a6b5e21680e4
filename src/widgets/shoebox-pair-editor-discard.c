/* shoebox-pair-editor-discard.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-pair-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-alert.h"
#include "shoebox-pair-editor-private.h"

/* Nothing typed is lost by a stray key: closing the pair editor by
 * Escape, Cancel or the window's close button while its fields differ
 * from what was last loaded or saved asks "Discard changes?", with Keep
 * Editing as the answer Enter and Escape give. The fields are compared
 * as text, so typing and then undoing it asks nothing.
 */

static const char *
editable_text (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

/* Every field the user can change, one after the other, in one string. */
static char *
dup_fields (ShoeboxPairEditor *self)
{
  gpointer editables[] = {
    self->silhouette_entry, self->brand_row, self->colorway_row, self->official_colorway_row,
    self->style_code_row, self->size_row, self->extras_row, self->price_paid_row,
    self->purchase_date_row, self->where_bought_row, self->estimated_value_row,
    self->storage_location_row, self->tags_row,
  };
  AdwComboRow *combos[] = {
    self->size_system_row, self->condition_row, self->box_row, self->status_row, self->currency_row,
  };
  GtkTextBuffer *notes = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *notes_text = NULL;
  GString *fields = g_string_new (NULL);
  GtkTextIter start, end;

  /* A unit separator between fields: no field can hold one by typing. */
  for (guint i = 0; i < G_N_ELEMENTS (editables); i++)
    g_string_append_printf (fields, "%s\x1f", editable_text (editables[i]));
  for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
    g_string_append_printf (fields, "%u\x1f", adw_combo_row_get_selected (combos[i]));
  gtk_text_buffer_get_bounds (notes, &start, &end);
  notes_text = gtk_text_buffer_get_text (notes, &start, &end, FALSE);
  g_string_append_printf (fields, "%s\x1f", notes_text);
  for (guint i = 0; i < self->photo_files->len; i++)
    g_string_append_printf (fields, "%s\x1f", (char *) g_ptr_array_index (self->photo_files, i));
  g_string_append_printf (fields, "%s\x1f%u", self->side_profile != NULL ? self->side_profile : "",
                          self->n_importing);

  return g_string_free (fields, FALSE);
}

/* The fields as loaded or saved: what closing may drop without asking. */
void
_shoebox_pair_editor_remember_fields (ShoeboxPairEditor *self)
{
  g_free (self->remembered_fields);
  self->remembered_fields = dup_fields (self);
}

/* Whether a field or photo differs from what was last loaded or saved. */
gboolean
_shoebox_pair_editor_has_changes (ShoeboxPairEditor *self)
{
  g_autofree char *fields = dup_fields (self);

  return g_strcmp0 (fields, self->remembered_fields) != 0;
}

static void
close_now (ShoeboxPairEditor *self)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_force_close (ADW_DIALOG (self));
#else
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
#endif
}

static gboolean
close_idle_cb (gpointer user_data)
{
  close_now (user_data);
  return G_SOURCE_REMOVE;
}

/* The question is gone for good: now the editor may close. Closed from
 * within the question's "response", it would take the question, its
 * transient child, down with it while the question still runs its
 * handler and tells the accessibility bus about it.
 */
static void
alert_gone_cb (gpointer  user_data,
               GObject  *alert)
{
  ShoeboxPairEditor *self = user_data;

  if (self->discarding)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
  g_object_unref (self);
}

static void
discard_response_cb (ShoeboxAlert      *alert,
                     const char        *response,
                     ShoeboxPairEditor *self)
{
  self->discarding = g_strcmp0 (response, "discard") == 0;
}

/* Asks once: a second Escape while the question shows answers it. */
static void
ask_to_discard (ShoeboxPairEditor *self)
{
  ShoeboxAlert *alert;

  if (self->discard_alert != NULL)
    return;

  alert = shoebox_alert_new (_("Discard changes?"),
                             _("What you typed in this pair has not been saved."));
  shoebox_alert_add_response (alert, "keep", _("Keep Editing"), ADW_RESPONSE_DEFAULT);
  shoebox_alert_add_response (alert, "discard", _("Discard"), ADW_RESPONSE_DESTRUCTIVE);
  shoebox_alert_set_default_response (alert, "keep");
  shoebox_alert_set_close_response (alert, "keep");
  g_signal_connect_object (alert, "response", G_CALLBACK (discard_response_cb), self, 0);
  self->discarding = FALSE;
  self->discard_alert = GTK_WIDGET (alert);
  g_object_add_weak_pointer (G_OBJECT (alert), (gpointer *) &self->discard_alert);
  g_object_weak_ref (G_OBJECT (alert), alert_gone_cb, g_object_ref (self));
  shoebox_alert_present (alert, GTK_WIDGET (self));
}

#if ADW_CHECK_VERSION (1, 5, 0)
static void
close_attempt_cb (ShoeboxPairEditor *self)
{
  if (self->escape_for_popup)
    return;
  if (_shoebox_pair_editor_has_changes (self))
    ask_to_discard (self);
  else
    close_now (self);
}
#else
static gboolean
close_request_cb (ShoeboxPairEditor *self)
{
  if (self->escape_for_popup)
    return GDK_EVENT_STOP;  /* that Escape closed the suggestions */
  if (self->closing || !_shoebox_pair_editor_has_changes (self))
    return GDK_EVENT_PROPAGATE;
  ask_to_discard (self);
  return GDK_EVENT_STOP;
}
#endif

void
_shoebox_pair_editor_set_up_discard (ShoeboxPairEditor *self)
{
  /* Every way of closing comes here first: Escape and Cancel through
   * "dialog.close", the window manager's close button directly.
   */
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_set_can_close (ADW_DIALOG (self), FALSE);
  g_signal_connect (self, "close-attempt", G_CALLBACK (close_attempt_cb), NULL);
#else
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
#endif
}

void
_shoebox_pair_editor_clear_discard (ShoeboxPairEditor *self)
{
  if (self->discard_alert != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->discard_alert), (gpointer *) &self->discard_alert);
  self->discard_alert = NULL;
  g_clear_pointer (&self->remembered_fields, g_free);
}
