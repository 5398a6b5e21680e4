/* shoebox-backups-group.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-backups-group"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-archive-dialogs.h"
#include "shoebox-backups-group.h"
#include "shoebox-dialog.h"
#include "shoebox-toast.h"

/* Preferences → Storage → Backups: the switch for automatic backups, the
 * last backup (when, how big) with Back Up Now, and the list to restore
 * from (date, pairs, photos). The list is read in a worker thread: each
 * backup is opened to count what it holds.
 */

struct _ShoeboxBackupsGroup
{
  AdwPreferencesGroup   parent_instance;

  ShoeboxBackupService *service;
  GSettings            *settings;
  GCancellable         *cancellable;
  GPtrArray            *backup_rows; /* the rows in restore_row */

  AdwActionRow         *last_backup_row;
  AdwExpanderRow       *restore_row;
  AdwActionRow         *folder_row;
  GtkSwitch            *automatic_switch;
};

G_DEFINE_FINAL_TYPE (ShoeboxBackupsGroup, shoebox_backups_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_SERVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  /* Translators: a backup's date and time, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

static void
open_backup_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ShoeboxBackupsGroup *self = source_object;
  g_autofree char *pool = shoebox_backups_dup_photos_pool (shoebox_backup_service_get_folder (self->service));
  GError *error = NULL;
  ShoeboxArchive *archive = shoebox_archive_open_backup (task_data, pool, cancellable, &error);

  if (archive == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, archive, g_object_unref);
}

static GtkWidget *
get_reporter (ShoeboxBackupsGroup *self)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (self), SHOEBOX_TYPE_PREFERENCES_DIALOG);

  return dialog != NULL ? dialog : GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
backup_opened_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ShoeboxBackupsGroup *self = SHOEBOX_BACKUPS_GROUP (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxArchive) archive = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (archive == NULL)
    {
      shoebox_toast_report (get_reporter (self), shoebox_toast_new_error (error->message));
      return;
    }

  shoebox_archive_dialogs_confirm (GTK_WIDGET (self), self->service, archive, FALSE, get_reporter (self));
}

static void
restore_clicked_cb (GtkButton           *button,
                    ShoeboxBackupsGroup *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "backup-path");
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, backup_opened_cb, NULL);

  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_backup_thread);
}

static GtkWidget *
backup_row_new (ShoeboxBackupsGroup *self,
                ShoeboxBackupInfo   *info)
{
  g_autofree char *when = format_time (info->time);
  /* Translators: how many pairs and photos a backup holds */
  g_autofree char *what = g_strdup_printf (_("%u pairs, %u photos"), info->n_pairs, info->n_photos);
  /* Translators: the accessible name of a Restore button; %s is a date */
  g_autofree char *name = g_strdup_printf (_("Restore the backup of %s"), when);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), what);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Recent GTK (4.18 in Debian 13) names a button by its label through
   * labelled-by, which wins over an accessible label: every row would
   * read "Restore…".
   */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (button), "backup-path", g_strdup (info->path), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (restore_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_task_return_pointer (task, shoebox_backups_list (task_data), (GDestroyNotify) g_ptr_array_unref);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ShoeboxBackupsGroup *self = SHOEBOX_BACKUPS_GROUP (object);
  g_autoptr(GPtrArray) backups = g_task_propagate_pointer (G_TASK (result), NULL);

  if (backups == NULL || self->service == NULL)
    return;

  for (guint i = 0; i < self->backup_rows->len; i++)
    adw_expander_row_remove (self->restore_row, g_ptr_array_index (self->backup_rows, i));
  g_ptr_array_set_size (self->backup_rows, 0);

  if (backups->len == 0)
    adw_action_row_set_subtitle (self->last_backup_row, _("None yet"));
  else
    {
      ShoeboxBackupInfo *last = g_ptr_array_index (backups, 0);
      g_autofree char *when = format_time (last->time);
      g_autofree char *size = g_format_size (last->size);
      /* Translators: a date and time, then a file size */
      g_autofree char *text = g_strdup_printf (_("%s, %s"), when, size);

      adw_action_row_set_subtitle (self->last_backup_row, text);
    }

  for (guint i = 0; i < backups->len; i++)
    {
      GtkWidget *row = backup_row_new (self, g_ptr_array_index (backups, i));

      adw_expander_row_add_row (self->restore_row, row);
      g_ptr_array_add (self->backup_rows, row);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_row), backups->len > 0);
}

/* Every action's state, from the group's, in one place: Back Up Now
 * needs a service that is not already taking a backup. */
static void
update_actions (ShoeboxBackupsGroup *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.back-up-now",
                                 self->service != NULL && !shoebox_backup_service_is_busy (self->service));
}

static void
refresh (ShoeboxBackupsGroup *self)
{
  g_autoptr(GTask) task = NULL;

  update_actions (self);
  if (self->service == NULL)
    return;

  task = g_task_new (self, self->cancellable, listed_cb, NULL);
  g_task_set_task_data (task, g_strdup (shoebox_backup_service_get_folder (self->service)), g_free);
  g_task_run_in_thread (task, list_thread);
}

static void
back_up_now_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ShoeboxBackupsGroup *self = SHOEBOX_BACKUPS_GROUP (widget);

  if (self->service == NULL)
    return;

  shoebox_backup_service_back_up_now (self->service);
  adw_action_row_set_subtitle (self->last_backup_row, _("Backing up…"));
  update_actions (self);
}

static void
failed_cb (ShoeboxBackupsGroup *self,
           const char          *message)
{
  shoebox_toast_report (get_reporter (self), shoebox_toast_new_error (message));
}

static void
shoebox_backups_group_dispose (GObject *object)
{
  ShoeboxBackupsGroup *self = SHOEBOX_BACKUPS_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  shoebox_backups_group_set_service (self, NULL);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->backup_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (shoebox_backups_group_parent_class)->dispose (object);
}

static void
shoebox_backups_group_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ShoeboxBackupsGroup *self = SHOEBOX_BACKUPS_GROUP (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      g_value_set_object (value, self->service);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_backups_group_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ShoeboxBackupsGroup *self = SHOEBOX_BACKUPS_GROUP (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      shoebox_backups_group_set_service (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_backups_group_class_init (ShoeboxBackupsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shoebox_backups_group_dispose;
  object_class->get_property = shoebox_backups_group_get_property;
  object_class->set_property = shoebox_backups_group_set_property;

  /**
   * ShoeboxBackupsGroup:service:
   *
   * The backups shown and made from here, or %NULL when there is no collection.
   */
  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL,
                         SHOEBOX_TYPE_BACKUP_SERVICE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/shoebox-backups-group.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoeboxBackupsGroup, last_backup_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxBackupsGroup, restore_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxBackupsGroup, folder_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxBackupsGroup, automatic_switch);

  gtk_widget_class_install_action (widget_class, "backups.back-up-now", NULL, back_up_now_action);
}

static void
shoebox_backups_group_init (ShoeboxBackupsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->backup_rows = g_ptr_array_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "automatic-backups", self->automatic_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  update_actions (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_row), FALSE);
}

/**
 * shoebox_backups_group_set_service:
 * @self: a #ShoeboxBackupsGroup
 * @service: (nullable): the backups, or %NULL when there is no collection
 */
void
shoebox_backups_group_set_service (ShoeboxBackupsGroup  *self,
                                   ShoeboxBackupService *service)
{
  g_return_if_fail (SHOEBOX_IS_BACKUPS_GROUP (self));

  if (self->service != NULL)
    g_signal_handlers_disconnect_by_data (self->service, self);
  if (!g_set_object (&self->service, service))
    return;

  if (service != NULL)
    {
      adw_action_row_set_subtitle (self->folder_row, shoebox_backup_service_get_folder (service));
      g_signal_connect_object (service, "finished", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (service, "failed", G_CALLBACK (failed_cb), self, G_CONNECT_SWAPPED);
      refresh (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
}
