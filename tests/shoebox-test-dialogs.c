/* shoebox-test-dialogs.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-alert.h"
#include "shoebox-pair-editor.h"
#include "shoebox-test-dialogs.h"

#include <adwaita.h>

#include "shoebox-dialog.h"

/* Dialogs are windows of their own on libadwaita 1.2 and widgets inside
 * their parent's window from 1.5 on: the tests find them either way.
 */

/**
 * shoebox_test_dialogs_init:
 *
 * Turns animations off, after gtk_init_check(): a libadwaita 1.5 dialog
 * then leaves its window as soon as it is closed, instead of after its
 * closing animation.
 */
void
shoebox_test_dialogs_init (void)
{
  if (ADW_CHECK_VERSION (1, 5, 0))
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

static GtkWidget *
find_in (GtkWidget *widget,
         GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_visible (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_in (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * shoebox_test_find_shown:
 * @type: a widget type
 *
 * Returns: (transfer none) (nullable): a shown widget of @type: a
 *   visible toplevel, or a widget inside one
 */
GtkWidget *
shoebox_test_find_shown (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GtkWidget *found;

      if (!gtk_widget_get_visible (window))
        continue;
      found = find_in (window, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * shoebox_test_settle:
 *
 * Before a window that was on screen goes: GTK 4.8 keeps a tooltip still
 * to show after its window is destroyed, then asks for the gone window's
 * surface, a critical in whichever later test spins the main loop long
 * enough. Its hover timeout is 500 ms: let any tooltip show first.
 */
void
shoebox_test_settle (void)
{
#if !GTK_CHECK_VERSION (4, 10, 0)
  gint64 end = g_get_monotonic_time () + 600 * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
#endif
}

/**
 * shoebox_test_close_dialog:
 * @dialog: a presented ShoeboxDialog or ShoeboxPreferencesDialog
 *
 * Closes @dialog as Escape does, and checks that it is gone, and soon
 * freed.
 */
void
shoebox_test_close_dialog (gpointer dialog)
{
  gpointer weak = dialog;
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  shoebox_test_settle ();
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_object_ref (dialog);
  shoebox_dialog_close (GTK_WIDGET (dialog));
  g_assert_false (shoebox_dialog_is_shown (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
  /* An AdwDialog inside a window lets go of itself a frame later. */
  while (weak != NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (weak);
}

/**
 * shoebox_test_drop_dialog:
 * @dialog: a ShoeboxDialog never presented
 *
 * Frees @dialog: a floating AdwDialog on libadwaita 1.5, a window GTK
 * holds until destroyed before.
 */
void
shoebox_test_drop_dialog (gpointer dialog)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  g_object_ref_sink (dialog);
  g_assert_finalize_object (dialog);
#else
  gtk_window_destroy (GTK_WINDOW (dialog));
#endif
}

/**
 * shoebox_test_discard_editor:
 * @editor: a presented #ShoeboxPairEditor with unsaved changes
 *
 * Closes @editor as Escape does, which asks "Discard changes?" with Keep
 * Editing as the default, answers Discard, and checks that it is gone,
 * and soon freed.
 */
void
shoebox_test_discard_editor (gpointer editor)
{
  gpointer weak = editor;
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  ShoeboxAlert *alert;

  shoebox_test_settle ();
  g_assert_true (shoebox_pair_editor_has_changes (editor));
  g_object_add_weak_pointer (G_OBJECT (editor), &weak);
  shoebox_dialog_close (GTK_WIDGET (editor));
  g_assert_true (shoebox_dialog_is_shown (GTK_WIDGET (editor)));
  alert = SHOEBOX_ALERT (shoebox_pair_editor_get_discard_alert (editor));
  g_assert_nonnull (alert);
  g_assert_cmpstr (shoebox_alert_get_heading (alert), ==, "Discard changes?");
  g_assert_cmpstr (shoebox_alert_get_default_response (alert), ==, "keep");
  g_assert_cmpstr (shoebox_alert_get_close_response (alert), ==, "keep");
  shoebox_alert_respond (alert, "discard");
  while (weak != NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (weak);
}
