/* shoebox-test-gtk.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-alert.h"
#include "shoebox-pair-editor.h"
#include "shoebox-test-gtk.h"
#include "shoebox-test-gtk-quirks.h"
#include "shoebox-test-images.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "shoebox-dialog.h"

/* What the widget tests share: finding a template's children and shown
 * dialogs, and letting GTK settle before a window goes. Dialogs are
 * windows of their own on libadwaita 1.2 and widgets inside their
 * parent's window from 1.5 on: the tests find them either way.
 */

/**
 * shoebox_test_gtk_init:
 * @argc: main()'s
 * @argv: main()'s
 *
 * Starts a widget test: g_test_init() with each case in its own empty
 * XDG folders, then GTK on the display (Xvfb), libadwaita, and GTK's
 * faults on Xvfb worked around. Exits if there is no display.
 */
void
shoebox_test_gtk_init (int    *argc,
                       char ***argv)
{
  /* ISOLATE_DIRS would hide the system's shared-mime-info database, which
   * gdk-pixbuf needs to recognise images and SVG icons: pin GIO to the
   * real one, as g_content_type_set_mime_dirs() documents for tests.
   */
  g_content_type_set_mime_dirs (NULL);
  shoebox_test_images_init (); /* before the XDG folders are isolated */
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* Not gtk_test_init (): on GTK 4.8 it ignores ISOLATE_DIRS. */
  if (!gtk_init_check ())
    {
      g_printerr ("No display: run the widget tests under xvfb-run -a\n");
      exit (1);
    }
  shoebox_test_gtk_quirks_init ();
  adw_init ();

  /* Without animations a libadwaita 1.5 dialog leaves its window as soon
   * as it is closed, instead of after its closing animation.
   */
  if (ADW_CHECK_VERSION (1, 5, 0))
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/**
 * shoebox_test_spin:
 * @ms: how long
 *
 * Iterates the default main context for @ms milliseconds: only for a
 * pause GTK itself times (a tooltip's hover, a double click's window);
 * for a state, shoebox_test_wait_until() waits for it.
 */
void
shoebox_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* A ShoeboxTestCondition: @widget is mapped. */
gboolean
shoebox_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

/**
 * shoebox_test_template_child:
 * @widget: a widget built from a template
 * @type: the class of @widget that declares the child
 * @name: the child's id in the template
 *
 * Returns: (transfer none): the child, which must exist
 */
GtkWidget *
shoebox_test_template_child (gpointer    widget,
                             GType       type,
                             const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
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
 * shoebox_test_find_alert:
 *
 * Returns: (transfer none) (nullable): the alert shown, if any
 */
ShoeboxAlert *
shoebox_test_find_alert (void)
{
  GtkWidget *alert = shoebox_test_find_shown (SHOEBOX_TYPE_ALERT);

  return alert != NULL ? SHOEBOX_ALERT (alert) : NULL;
}

/**
 * shoebox_test_shows_text:
 * @widget: a widget
 * @text: part of a label's text
 *
 * Returns: whether a visible label at or under @widget (a toast's, say)
 *   shows @text
 */
gboolean
shoebox_test_shows_text (GtkWidget  *widget,
                         const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shoebox_test_shows_text (child, text))
      return TRUE;
  return FALSE;
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
  shoebox_test_spin (600);
#endif
}

/**
 * shoebox_test_destroy_settled:
 * @window: a #GtkWindow that was on screen
 *
 * Destroys @window once any tooltip under the pointer has shown.
 */
void
shoebox_test_destroy_settled (gpointer window)
{
  shoebox_test_settle ();
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A ShoeboxTestCondition: the pointer @data points to is %NULL. */
static gboolean
is_unset (gpointer data)
{
  return *(gpointer *) data == NULL;
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

  shoebox_test_settle ();
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_object_ref (dialog);
  shoebox_dialog_close (GTK_WIDGET (dialog));
  g_assert_false (shoebox_dialog_is_shown (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
  /* An AdwDialog inside a window lets go of itself a frame later. */
  shoebox_test_wait_until (is_unset, &weak);
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
  shoebox_test_wait_until (is_unset, &weak);
}
