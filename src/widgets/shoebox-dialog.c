/* shoebox-dialog.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-dialog"

#include "config.h"

#include "shoebox-dialog.h"

/* What Shoebox's dialogs do alike on libadwaita 1.5's AdwDialog and on
 * the AdwWindow they are below it: presenting, closing, refusing to close
 * while work runs. See shoebox-dialog.h.
 */

#define CANNOT_CLOSE_KEY "shoebox-dialog-cannot-close"

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  shoebox_dialog_close (widget);
}

/**
 * shoebox_dialog_class_install_close:
 * @widget_class: the class of a ShoeboxDialog subclass
 *
 * Installs the "dialog.close" action, which Cancel and Close buttons
 * name: "window.close" would close the main window around an AdwDialog.
 * Escape closes the dialog too, as AdwDialog does by itself.
 */
void
shoebox_dialog_class_install_close (GtkWidgetClass *widget_class)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), SHOEBOX_TYPE_DIALOG)
                    || g_type_is_a (G_TYPE_FROM_CLASS (widget_class), SHOEBOX_TYPE_PREFERENCES_DIALOG));

  gtk_widget_class_install_action (widget_class, "dialog.close", NULL, close_action);
#if !ADW_CHECK_VERSION (1, 5, 0)
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.close", NULL);
#endif
}

/**
 * shoebox_dialog_present:
 * @dialog: a ShoeboxDialog or ShoeboxPreferencesDialog
 * @parent: (nullable): a widget in the window it belongs to
 *
 * Shows @dialog, modal, over @parent's window: inside it on libadwaita
 * 1.5 when that is an AdwWindow or AdwApplicationWindow, else as a
 * window of its own. Owned by GTK until closed.
 */
void
shoebox_dialog_present (GtkWidget *dialog,
                        GtkWidget *parent)
{
  g_return_if_fail (GTK_IS_WIDGET (dialog));
  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (dialog), parent);
#else
  {
    GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
    gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
    gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
    gtk_window_present (GTK_WINDOW (dialog));
  }
#endif
}

/**
 * shoebox_dialog_close:
 * @dialog: a ShoeboxDialog or ShoeboxPreferencesDialog
 *
 * Closes @dialog as the user does, unless shoebox_dialog_set_can_close()
 * forbids it. A dialog never presented has nothing to close.
 */
void
shoebox_dialog_close (GtkWidget *dialog)
{
  g_return_if_fail (GTK_IS_WIDGET (dialog));

#if ADW_CHECK_VERSION (1, 5, 0)
  if (gtk_widget_get_parent (dialog) != NULL)
    adw_dialog_close (ADW_DIALOG (dialog));
#else
  gtk_window_close (GTK_WINDOW (dialog));
#endif
}

/**
 * shoebox_dialog_is_shown:
 * @dialog: a ShoeboxDialog or ShoeboxPreferencesDialog
 *
 * Returns: whether @dialog is presented and not closed
 */
gboolean
shoebox_dialog_is_shown (GtkWidget *dialog)
{
  g_return_val_if_fail (GTK_IS_WIDGET (dialog), FALSE);

#if ADW_CHECK_VERSION (1, 5, 0)
  /* Closed, it leaves its window (once its closing animation is over). */
  return gtk_widget_get_parent (dialog) != NULL;
#else
  return gtk_widget_get_visible (dialog);
#endif
}

#if !ADW_CHECK_VERSION (1, 5, 0)
static gboolean
close_request_cb (GtkWindow *window)
{
  return g_object_get_data (G_OBJECT (window), CANNOT_CLOSE_KEY) != NULL;
}
#endif

/**
 * shoebox_dialog_set_can_close:
 * @dialog: a ShoeboxDialog
 * @can_close: whether Escape, Cancel or the close button close it
 *
 * Keeps @dialog open while work it shows is running.
 */
void
shoebox_dialog_set_can_close (GtkWidget *dialog,
                              gboolean   can_close)
{
  g_return_if_fail (GTK_IS_WIDGET (dialog));

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_set_can_close (ADW_DIALOG (dialog), can_close);
#else
  if (g_object_get_data (G_OBJECT (dialog), CANNOT_CLOSE_KEY "-handler") == NULL)
    {
      g_signal_connect (dialog, "close-request", G_CALLBACK (close_request_cb), NULL);
      g_object_set_data (G_OBJECT (dialog), CANNOT_CLOSE_KEY "-handler", GINT_TO_POINTER (TRUE));
    }
  g_object_set_data (G_OBJECT (dialog), CANNOT_CLOSE_KEY, can_close ? NULL : GINT_TO_POINTER (TRUE));
#endif
}

const char *
shoebox_dialog_get_title (GtkWidget *dialog)
{
  g_return_val_if_fail (GTK_IS_WIDGET (dialog), NULL);

#if ADW_CHECK_VERSION (1, 5, 0)
  return adw_dialog_get_title (ADW_DIALOG (dialog));
#else
  return gtk_window_get_title (GTK_WINDOW (dialog));
#endif
}

void
shoebox_dialog_set_title (GtkWidget  *dialog,
                          const char *title)
{
  g_return_if_fail (GTK_IS_WIDGET (dialog));

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_set_title (ADW_DIALOG (dialog), title);
#else
  gtk_window_set_title (GTK_WINDOW (dialog), title);
#endif
}

/* Enter activates @widget anywhere in @dialog. */
void
shoebox_dialog_set_default_widget (GtkWidget *dialog,
                                   GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (dialog));

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_set_default_widget (ADW_DIALOG (dialog), widget);
#else
  gtk_window_set_default_widget (GTK_WINDOW (dialog), widget);
#endif
}

/**
 * shoebox_dialog_get_parent_window:
 * @dialog: a presented ShoeboxDialog
 *
 * Returns: (transfer none) (nullable): the window @dialog was presented
 *   over, whose actions and transient parents it can ask
 */
GtkWindow *
shoebox_dialog_get_parent_window (GtkWidget *dialog)
{
  g_return_val_if_fail (GTK_IS_WIDGET (dialog), NULL);

#if ADW_CHECK_VERSION (1, 5, 0)
  {
    GtkRoot *root = gtk_widget_get_root (dialog);

    return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  }
#else
  return gtk_window_get_transient_for (GTK_WINDOW (dialog));
#endif
}

/* Toasts of a ShoeboxPreferencesDialog: its own overlay on both. */
void
shoebox_preferences_dialog_add_toast (GtkWidget *dialog,
                                      AdwToast  *toast)
{
  g_return_if_fail (GTK_IS_WIDGET (dialog));

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (dialog), toast);
#else
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (dialog), toast);
#endif
}

#if ADW_CHECK_VERSION (1, 5, 0)
static gboolean
lower_min_width (GtkWidget *widget,
                 int        from,
                 int        to)
{
  int width;
  int height;

  gtk_widget_get_size_request (widget, &width, &height);
  if (ADW_IS_BREAKPOINT_BIN (widget) && width == from)
    {
      gtk_widget_set_size_request (widget, to, height);
      return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (lower_min_width (child, from, to))
      return TRUE;

  return FALSE;
}
#endif

/**
 * shoebox_preferences_dialog_fit_phone:
 * @dialog: a ShoeboxPreferencesDialog, its template built
 *
 * AdwPreferencesDialog asks 360 px for its pages, but shown in a window
 * 360 px wide its bottom sheet has 350 ("AdwBottomSheet exceeds
 * AdwBreakpointBin width: requested 360 px, 350 px available"): there it
 * asks for 320, which Shoebox's preferences fit in. AdwPreferencesWindow,
 * a window of its own, needs nothing.
 */
void
shoebox_preferences_dialog_fit_phone (GtkWidget *dialog)
{
  g_return_if_fail (GTK_IS_WIDGET (dialog));

#if ADW_CHECK_VERSION (1, 5, 0)
  if (!lower_min_width (adw_dialog_get_child (ADW_DIALOG (dialog)), 360, 320))
    g_debug ("No 360 px breakpoint bin in %s", G_OBJECT_TYPE_NAME (dialog));
#endif
}
