/* shoebox-window.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-window"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-window.h"

struct _ShoeboxWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  AdwViewStack         *pages;
  AdwToastOverlay      *toasts;
  AdwStatusPage        *collection_status;
  AdwViewSwitcherBar   *switcher_bar;
};

G_DEFINE_FINAL_TYPE (ShoeboxWindow, shoebox_window, ADW_TYPE_APPLICATION_WINDOW)

static void
restore_window_state (ShoeboxWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* The default size, not the allocation: it is the unmaximized size, so a
 * window closed while maximized comes back maximized over the size the
 * user last chose by hand.
 */
static void
save_window_state (ShoeboxWindow *self)
{
  int width;
  int height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static gboolean
shoebox_window_close_request (GtkWindow *window)
{
  save_window_state (SHOEBOX_WINDOW (window));

  return GTK_WINDOW_CLASS (shoebox_window_parent_class)->close_request (window);
}

static void
shoebox_window_dispose (GObject *object)
{
  ShoeboxWindow *self = SHOEBOX_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (shoebox_window_parent_class)->dispose (object);
}

static void
shoebox_window_class_init (ShoeboxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = shoebox_window_dispose;
  window_class->close_request = shoebox_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/shoebox-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoeboxWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxWindow, collection_status);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxWindow, switcher_bar);
}

static void
shoebox_window_init (ShoeboxWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  restore_window_state (self);
}

ShoeboxWindow *
shoebox_window_new (AdwApplication *application)
{
  return g_object_new (SHOEBOX_TYPE_WINDOW, "application", application, NULL);
}

/**
 * shoebox_window_show_database_error:
 * @self: a #ShoeboxWindow
 * @error: why the database could not be opened
 *
 * Tells the user, in a dialog over the window, that their collection could
 * not be opened and why. The message names the file; the file itself has
 * been left alone. The Collection page keeps saying so once the dialog is
 * closed, rather than pretending the collection is empty.
 */
void
shoebox_window_show_database_error (ShoeboxWindow *self,
                                    const GError  *error)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (SHOEBOX_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  adw_status_page_set_icon_name (self->collection_status, "dialog-warning-symbolic");
  adw_status_page_set_title (self->collection_status, _("Collection Unavailable"));
  adw_status_page_set_description (self->collection_status,
                                   _("Your database could not be opened. It has been left exactly as it was."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Your Collection Could Not Be Opened"),
                                                       error->message));
  /* No mnemonic: libadwaita 1.2 would put the underscore in the button's
   * accessible name. Enter and Escape both answer "close".
   */
  adw_message_dialog_add_response (dialog, "close", _("Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}
