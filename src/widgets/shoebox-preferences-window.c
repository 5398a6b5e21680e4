/* shoebox-preferences-window.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-preferences-window"

#include "config.h"

#include "shoebox-preferences-window.h"

struct _ShoeboxPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwActionRow         *database_row;
  GtkSpinButton        *refresh_interval_spin;
};

G_DEFINE_FINAL_TYPE (ShoeboxPreferencesWindow, shoebox_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
shoebox_preferences_window_dispose (GObject *object)
{
  ShoeboxPreferencesWindow *self = SHOEBOX_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (shoebox_preferences_window_parent_class)->dispose (object);
}

static void
shoebox_preferences_window_class_init (ShoeboxPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shoebox_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/shoebox-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPreferencesWindow, refresh_interval_spin);
}

static void
shoebox_preferences_window_init (ShoeboxPreferencesWindow *self)
{
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  adjustment = gtk_spin_button_get_adjustment (self->refresh_interval_spin);
  g_settings_bind (self->settings, "news-refresh-interval", adjustment, "value", G_SETTINGS_BIND_DEFAULT);
}

/**
 * shoebox_preferences_window_new:
 * @parent: (nullable): the window the preferences belong to
 * @database_path: the database file, shown so the user can back it up
 *
 * Returns: (transfer none): a new preferences window, owned by GTK's list
 *   of toplevels until it is closed
 */
GtkWindow *
shoebox_preferences_window_new (GtkWindow  *parent,
                                const char *database_path)
{
  ShoeboxPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  self = g_object_new (SHOEBOX_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  adw_action_row_set_subtitle (self->database_row, database_path);

  return GTK_WINDOW (self);
}
