/* shoebox-archive-dialogs.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-archive-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-alert.h"
#include "shoebox-archive-dialogs.h"
#include "shoebox-file-dialog.h"
#include "shoebox-toast.h"

/* Export Collection…, Import Collection… and the question a restore asks
 * before anything is replaced. The files come through the file chooser
 * (the portal in the Flatpak); the work (writing, checking, replacing)
 * runs in worker threads. What happened is said in a toast of
 * @reporter: the window's AdwToastOverlay, or the preferences.
 */

static void
report (GtkWidget  *reporter,
        const char *message,
        gboolean    is_error)
{
  AdwToast *toast = is_error ? shoebox_toast_new_error (message) : adw_toast_new (message);

  if (!is_error)
    adw_toast_set_timeout (toast, 8);
  shoebox_toast_report (reporter, toast);
}

static GtkFileFilter *
collection_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Shoebox Collections"));
  gtk_file_filter_add_pattern (filter, "*.shoebox");
  return filter;
}

typedef struct
{
  ShoeboxBackupService *service;
  GtkWidget            *reporter;
  GtkWidget            *parent;
  GFile                *file;
  ShoeboxArchive       *archive;
} DialogData;

static void
dialog_data_free (DialogData *data)
{
  g_clear_object (&data->service);
  g_clear_object (&data->reporter);
  g_clear_object (&data->parent);
  g_clear_object (&data->file);
  g_clear_object (&data->archive);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DialogData, dialog_data_free)

static DialogData *
dialog_data_new (GtkWidget            *parent,
                 ShoeboxBackupService *service,
                 GtkWidget            *reporter)
{
  DialogData *data = g_new0 (DialogData, 1);

  data->parent = g_object_ref (parent);
  data->service = g_object_ref (service);
  data->reporter = g_object_ref (reporter);
  return data;
}

/* The file work (writing, checking) runs in a worker thread, which owns
 * @data until @done_cb has the result.
 */
static void
run_in_thread (DialogData          *data,
               GTaskThreadFunc      thread_func,
               GAsyncReadyCallback  done_cb)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, done_cb, NULL);

  g_task_set_task_data (task, data, (GDestroyNotify) dialog_data_free);
  g_task_run_in_thread (task, thread_func);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DialogData *data = task_data;
  GError *error = NULL;
  guint n_pairs = 0;
  guint n_photos = 0;

  if (!shoebox_archive_export (shoebox_backup_service_get_database_path (data->service),
                               shoebox_backup_service_get_photos_directory (data->service),
                               data->file, &n_pairs, &n_photos, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_strdup_printf (_("Exported %u pairs and %u photos"), n_pairs, n_photos), g_free);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  DialogData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = g_task_propagate_pointer (G_TASK (result), &error);

  if (message == NULL)
    report (data->reporter, error->message, TRUE);
  else
    report (data->reporter, message, FALSE);
}

static void
export_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DialogData) data = user_data;

  data->file = shoebox_file_dialog_save_finish (result, NULL);
  if (data->file == NULL)
    return;

  run_in_thread (g_steal_pointer (&data), export_thread, exported_cb);
}

/**
 * shoebox_archive_dialogs_export:
 * @parent: the window
 * @service: the backups, which know the collection's files
 * @reporter: an #AdwToastOverlay, or a preferences dialog
 *
 * Export Collection…: asks where, then writes the `.shoebox` file in a
 * worker thread.
 */
void
shoebox_archive_dialogs_export (GtkWindow            *parent,
                                ShoeboxBackupService *service,
                                GtkWidget            *reporter)
{
  g_autoptr(GtkFileFilter) filter = collection_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Translators: the file name Export Collection suggests; %s is a date */
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf (_("Collection %s.shoebox"), date);

  shoebox_file_dialog_save (GTK_WIDGET (parent), _("Export Collection"), _("_Export"), filter, name,
                            NULL, NULL, export_chosen_cb,
                            dialog_data_new (GTK_WIDGET (parent), service, reporter));
}

static void
replaced_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DialogData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  ShoeboxMergeCounts counts;

  if (g_task_get_source_tag (G_TASK (result)) == shoebox_backup_service_merge_async)
    {
      if (!shoebox_backup_service_merge_finish (data->service, result, &counts, &error))
        {
          report (data->reporter, error->message, TRUE);
          return;
        }
      /* Translators: four counts */
      message = g_strdup_printf (_("Added %u pairs and %u silhouettes; %u pairs and %u silhouettes were already there"),
                                 counts.pairs_added, counts.silhouettes_added,
                                 counts.pairs_skipped, counts.silhouettes_skipped);
    }
  else
    {
      if (!shoebox_backup_service_restore_finish (data->service, result, &error))
        {
          report (data->reporter, error->message, TRUE);
          return;
        }
      message = g_strdup_printf (_("Your collection is now the one of “%s”; the one before is in the backups"),
                                 shoebox_archive_get_display_name (data->archive));
    }

  report (data->reporter, message, FALSE);
}

static void
response_cb (ShoeboxAlert *alert,
             const char   *response,
             DialogData   *data)
{
  DialogData *job;

  if (!g_str_equal (response, "replace") && !g_str_equal (response, "merge"))
    return;

  job = dialog_data_new (data->parent, data->service, data->reporter);
  job->archive = g_object_ref (data->archive);
  if (g_str_equal (response, "merge"))
    shoebox_backup_service_merge_async (data->service, data->archive, replaced_cb, job);
  else
    shoebox_backup_service_restore_async (data->service, data->archive, replaced_cb, job);
}

/**
 * shoebox_archive_dialogs_confirm:
 * @parent: the widget to show the question over
 * @service: the backups
 * @archive: a checked collection file or backup
 * @offer_merge: whether Merge into My Collection is one of the answers
 * @reporter: an #AdwToastOverlay, or a preferences dialog
 *
 * Shows what @archive holds and asks what to do with it; nothing is
 * replaced before the answer.
 */
void
shoebox_archive_dialogs_confirm (GtkWidget            *parent,
                                 ShoeboxBackupService *service,
                                 ShoeboxArchive       *archive,
                                 gboolean              offer_merge,
                                 GtkWidget            *reporter)
{
  g_autofree char *body = NULL;
  g_autofree char *base_name = g_path_get_basename (shoebox_archive_get_display_name (archive));
  guint n_pairs = shoebox_archive_get_n_pairs (archive);
  guint n_photos = shoebox_archive_get_n_photos (archive);
  guint n_silhouettes = shoebox_archive_get_n_silhouettes (archive);
  g_autofree char *pairs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pair", "%u pairs", n_pairs), n_pairs);
  g_autofree char *photos = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u photo", "%u photos", n_photos),
                                             n_photos);
  g_autofree char *silhouettes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u silhouette", "%u silhouettes",
                                                               n_silhouettes),
                                                  n_silhouettes);
  DialogData *data = dialog_data_new (parent, service, reporter);
  ShoeboxAlert *alert;

  data->archive = g_object_ref (archive);
  /* Both answers are explained where both are offered: Merge is the safe
   * one, and nothing else says what it keeps.
   */
  if (offer_merge)
    /* Translators: a file name, then "3 pairs", "2 photos", "1 silhouette" */
    body = g_strdup_printf (_("“%s” holds %s, %s and %s. Merging adds the ones you don’t have yet and "
                              "changes nothing you have. Opening it as your collection replaces the "
                              "one you have now, which is backed up first and can be restored from "
                              "Preferences."),
                            base_name, pairs, photos, silhouettes);
  else
    /* Translators: a file name, then "3 pairs", "2 photos", "1 silhouette" */
    body = g_strdup_printf (_("“%s” holds %s, %s and %s. Opening it as your collection replaces the one "
                              "you have now, which is backed up first and can be restored from "
                              "Preferences."),
                            base_name, pairs, photos, silhouettes);
  alert = shoebox_alert_new (offer_merge ? _("Import Collection?") : _("Restore Backup?"), body);
  shoebox_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  if (offer_merge)
    shoebox_alert_add_response (alert, "merge", _("_Merge into My Collection"), ADW_RESPONSE_SUGGESTED);
  shoebox_alert_add_response (alert, "replace", _("_Open as My Collection"), ADW_RESPONSE_DESTRUCTIVE);
  shoebox_alert_set_default_response (alert, offer_merge ? "merge" : "cancel");
  shoebox_alert_set_close_response (alert, "cancel");
  g_signal_connect_data (alert, "response", G_CALLBACK (response_cb), data,
                         (GClosureNotify) (void (*) (void)) dialog_data_free, 0);
  shoebox_alert_present (alert, parent);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DialogData *data = task_data;
  GError *error = NULL;
  ShoeboxArchive *archive = shoebox_archive_open (data->file, cancellable, &error);

  if (archive == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, archive, g_object_unref);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  DialogData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxArchive) archive = g_task_propagate_pointer (G_TASK (result), &error);

  if (archive == NULL)
    {
      report (data->reporter, error->message, TRUE);
      return;
    }

  shoebox_archive_dialogs_confirm (data->parent, data->service, archive, TRUE, data->reporter);
}

static void
import_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DialogData) data = user_data;
  g_autoptr(GListModel) files = shoebox_file_dialog_open_finish (result, NULL);

  if (files == NULL || g_list_model_get_n_items (files) == 0)
    return;

  data->file = g_list_model_get_item (files, 0);
  run_in_thread (g_steal_pointer (&data), open_thread, opened_cb);
}

/**
 * shoebox_archive_dialogs_import:
 * @parent: the window
 * @service: the backups
 * @reporter: an #AdwToastOverlay, or a preferences dialog
 *
 * Import Collection…: asks for a `.shoebox` file, checks it whole in a
 * worker thread, then asks whether to open it as the collection or
 * merge it in.
 */
void
shoebox_archive_dialogs_import (GtkWindow            *parent,
                                ShoeboxBackupService *service,
                                GtkWidget            *reporter)
{
  g_autoptr(GtkFileFilter) filter = collection_filter_new ();

  shoebox_file_dialog_open (GTK_WIDGET (parent), _("Import Collection"), _("_Open"), filter, FALSE,
                            NULL, import_chosen_cb, dialog_data_new (GTK_WIDGET (parent), service, reporter));
}
