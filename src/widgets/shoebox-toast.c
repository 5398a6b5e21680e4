/* shoebox-toast.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-dialog.h"
#include "shoebox-toast.h"

/**
 * shoebox_toast_add:
 * @widget: the widget the toast is about
 * @toast: (transfer full): a floating #AdwToast
 *
 * Shows @toast in the toast overlay @widget is in. A page not in a window
 * yet (as in a test) has none: the toast is dropped.
 *
 * Pages add theirs at normal priority: the window's Worn Today and Delete
 * toasts, with their Undo, come first (libadwaita 1.2 also fails an
 * assertion when a toast that a high-priority one put back in the queue
 * shows again).
 */
void
shoebox_toast_add (GtkWidget *widget,
                   AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/**
 * shoebox_toast_show:
 * @widget: the widget the toast is about
 * @title: what to tell
 *
 * Shows a toast of @title at normal priority in the toast overlay
 * @widget is in.
 */
void
shoebox_toast_show (GtkWidget  *widget,
                    const char *title)
{
  shoebox_toast_add (widget, adw_toast_new (title));
}

/**
 * shoebox_toast_new_error:
 * @message: what went wrong, in plain words
 *
 * Creates a toast for a failure: it stays until it is read and
 * dismissed, where a toast that only confirms goes away by itself.
 *
 * Returns: (transfer floating): the toast
 */
AdwToast *
shoebox_toast_new_error (const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  return toast;
}

/**
 * shoebox_toast_report:
 * @reporter: an #AdwToastOverlay, a preferences dialog, or a widget in
 *   a toast overlay
 * @toast: (transfer full): a floating #AdwToast
 *
 * Shows @toast where the dialogs that work for a window or for the
 * preferences (archives, backups, CSV files) say what happened: the
 * overlay itself, the preferences' own toasts, or else the overlay
 * @reporter is in.
 */
void
shoebox_toast_report (GtkWidget *reporter,
                      AdwToast  *toast)
{
  g_return_if_fail (GTK_IS_WIDGET (reporter));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (ADW_IS_TOAST_OVERLAY (reporter))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (reporter), toast);
  else if (G_TYPE_CHECK_INSTANCE_TYPE (reporter, SHOEBOX_TYPE_PREFERENCES_DIALOG))
    shoebox_preferences_dialog_add_toast (reporter, toast);
  else
    shoebox_toast_add (reporter, toast);
}
