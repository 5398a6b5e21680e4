/* shoebox-toast.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
