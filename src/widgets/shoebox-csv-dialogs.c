/* shoebox-csv-dialogs.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-csv-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-compat.h"
#include "shoebox-csv-async.h"
#include "shoebox-csv-dialogs.h"
#include "shoebox-file-dialog.h"
#include "shoebox-labels.h"
#include "shoebox-toast.h"

/* What an import or an export needs from its start to its report: the
 * two share one record, set up in one place.
 */
typedef struct
{
  GtkWindow              *parent;
  ShoeboxCollection      *collection;
  AdwToastOverlay        *toasts;
  char                   *file_name;
  /* A toast with a spinner while the file is read or written */
  AdwToast               *progress;
  gint64                  progress_shown_at;
  /* An import's */
  ShoeboxCsvImportedFunc  imported;
  gpointer                user_data;
  GBytes                 *contents;
  guint                   progress_timeout;
  /* An export's */
  ShoeboxCsvExportingFunc exporting;
  gpointer                exporting_data;
  GApplication           *application;
} DialogData;

static DialogData *
dialog_data_new (GtkWindow         *parent,
                 ShoeboxCollection *collection,
                 AdwToastOverlay   *toasts)
{
  DialogData *data = g_new0 (DialogData, 1);

  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->collection = g_object_ref (collection);
  data->toasts = g_object_ref (toasts);
  return data;
}

static void
dialog_data_free (DialogData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->collection);
  g_clear_object (&data->toasts);
  g_clear_pointer (&data->file_name, g_free);
  g_clear_pointer (&data->contents, g_bytes_unref);
  g_clear_handle_id (&data->progress_timeout, g_source_remove);
  g_clear_object (&data->progress);
  if (data->application != NULL)
    g_application_release (data->application);
  g_clear_object (&data->application);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DialogData, dialog_data_free)

/* A toast with a spinner, shown until dismissed. */
static AdwToast *
progress_toast_new (const char *text)
{
  AdwToast *toast = adw_toast_new (text);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), label);
  adw_toast_set_custom_title (toast, box);
  adw_toast_set_timeout (toast, 0);
  return toast;
}

/* Reading a big file and checking its rows takes a while (0.4 s for
 * 100,000 rows): after a moment a toast says so, until the preview shows.
 * A small file's preview shows before the toast would.
 */
#define READING_TOAST_DELAY_MS 250

static gboolean
show_reading_toast_cb (gpointer user_data)
{
  DialogData *data = user_data;
  /* Translators: %s is a file name */
  g_autofree char *text = g_strdup_printf (_("Reading “%s”…"), data->file_name);

  data->progress_timeout = 0;
  data->progress = progress_toast_new (text);
  data->progress_shown_at = g_get_monotonic_time ();
  adw_toast_overlay_add_toast (data->toasts, g_object_ref (data->progress));
  return G_SOURCE_REMOVE;
}

static void
stop_reading_toast (DialogData *data)
{
  g_clear_handle_id (&data->progress_timeout, g_source_remove);
  if (data->progress != NULL)
    shoebox_compat_dismiss_toast (data->progress, data->progress_shown_at);
  g_clear_object (&data->progress);
}

static void
import_data_closure_notify (gpointer  data,
                            GClosure *closure)
{
  dialog_data_free (data);
}

static void
window_imported_cb (ShoeboxCsvImportWindow *window,
                    guint                   n_imported,
                    guint                   n_rejected,
                    DialogData             *data)
{
  g_autofree char *message = NULL;

  if (n_rejected > 0)
    {
      /* Two counts, two plurals: the rows first, then the pairs around them. */
      g_autofree char *skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "skipped %u row", "skipped %u rows",
                                                               n_rejected),
                                                  n_rejected);

      /* Translators: %s is "skipped 2 rows" */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u pair, %s", "Imported %u pairs, %s",
                                              n_imported),
                                 n_imported, skipped);
    }
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u pair", "Imported %u pairs", n_imported),
                               n_imported);
  adw_toast_overlay_add_toast (data->toasts, adw_toast_new (message));

  if (data->imported != NULL)
    data->imported (data->user_data);
}

static void
previewed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DialogData) data = user_data;
  g_autoptr(ShoeboxCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (data->toasts));
  GtkWidget *preview;

  report = shoebox_csv_preview_finish (result, &error);
  stop_reading_toast (data);

  /* A window closed meanwhile has no one to show the preview to. */
  if (root == NULL || !gtk_widget_get_visible (GTK_WIDGET (root)))
    return;

  if (report == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” cannot be imported: %s"), data->file_name, error->message);

      adw_toast_overlay_add_toast (data->toasts, shoebox_toast_new_error (message));
      return;
    }

  preview = shoebox_csv_import_window_new (data->collection, data->file_name, data->contents, report);
  shoebox_dialog_present (preview, (GtkWidget *) data->parent);
  g_signal_connect_data (preview, "imported", G_CALLBACK (window_imported_cb),
                         g_steal_pointer (&data), import_data_closure_notify, 0);
}

static void
contents_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DialogData) data = user_data;
  g_autoptr(GError) error = NULL;
  GBytes *contents;

  contents = data->contents = shoebox_csv_read_file_finish (G_FILE (object), result, &error);
  if (contents == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” could not be read: %s"), data->file_name, error->message);

      stop_reading_toast (data);
      adw_toast_overlay_add_toast (data->toasts, shoebox_toast_new_error (message));
      return;
    }

  /* Checking every row of 100,000 takes 0.4 s: a worker thread does it. */
  shoebox_csv_preview_async (contents, NULL, previewed_cb, g_steal_pointer (&data));
}

static void
import_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  DialogData *data = user_data;
  g_autoptr(GListModel) files = shoebox_file_dialog_open_finish (result, NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;

  if (files == NULL)
    {
      dialog_data_free (data);
      return;
    }
  file = g_list_model_get_item (files, 0);

  data->file_name = g_file_get_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_size (info) > SHOEBOX_CSV_MAX_FILE_SIZE)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is too large to be a collection"), data->file_name);

      adw_toast_overlay_add_toast (data->toasts, shoebox_toast_new_error (message));
      dialog_data_free (data);
      return;
    }

  data->progress_timeout = g_timeout_add (READING_TOAST_DELAY_MS, show_reading_toast_cb, data);
  /* Read with a cap as it goes: a FIFO or a device says its size is 0. */
  shoebox_csv_read_file_async (file, NULL, contents_loaded_cb, data);
}

static GtkFileFilter *
csv_filter_new (void)
{
  GtkFileFilter *csv = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_pattern (csv, "*.csv");
  return csv;
}

/**
 * shoebox_csv_dialogs_import:
 * @parent: the main window
 * @collection: where the pairs go
 * @toasts: where to report
 * @imported: (nullable): called with @user_data after an import
 * @user_data: data for @imported
 *
 * Asks for a CSV file (through the portal in the sandbox), then shows its
 * preview; importing happens only from there.
 */
void
shoebox_csv_dialogs_import (GtkWindow              *parent,
                            ShoeboxCollection      *collection,
                            AdwToastOverlay        *toasts,
                            ShoeboxCsvImportedFunc  imported,
                            gpointer                user_data)
{
  g_autoptr(GtkFileFilter) filter = csv_filter_new ();
  DialogData *data;

  g_return_if_fail (SHOEBOX_IS_COLLECTION (collection));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));

  data = dialog_data_new (parent, collection, toasts);
  data->imported = imported;
  data->user_data = user_data;

  /* The data holds what the answer needs: no cancellable. */
  shoebox_file_dialog_open (GTK_WIDGET (parent), _("Import CSV"), _("_Open"), filter, FALSE,
                            NULL, import_chosen_cb, data);
}

static void
set_exporting (DialogData *data,
               gboolean    exporting)
{
  /* A window closed meanwhile (hidden, its children gone) has no Export
   * item left to update.
   */
  if (data->exporting == NULL ||
      (data->parent != NULL &&
       (gtk_widget_in_destruction (GTK_WIDGET (data->parent)) || !gtk_widget_get_visible (GTK_WIDGET (data->parent)))))
    return;

  data->exporting (exporting, data->exporting_data);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DialogData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (data->toasts));
  guint n_exported = 0;
  gboolean exported;

  exported = shoebox_csv_export_file_finish (SHOEBOX_COLLECTION (object), result, &n_exported, &error);
  set_exporting (data, FALSE);

  /* A window closed meanwhile let the export go on to its end (the
   * application was held), and has no one left to tell.
   */
  if (root == NULL || !gtk_widget_get_visible (GTK_WIDGET (root)))
    return;

  /* Queued behind the progress toast, shown once it is dismissed. */
  if (exported)
    {
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u pair to “%s”",
                                              "Exported %u pairs to “%s”", n_exported),
                                 n_exported, data->file_name);
      adw_toast_overlay_add_toast (data->toasts, adw_toast_new (message));
    }
  else
    {
      message = g_strdup_printf (_("“%s” could not be written: %s"), data->file_name, error->message);
      adw_toast_overlay_add_toast (data->toasts, shoebox_toast_new_error (message));
    }
  shoebox_compat_dismiss_toast (data->progress, data->progress_shown_at);
}

/**
 * shoebox_csv_dialogs_export_to_file:
 * @parent: (nullable): the main window
 * @collection: what to export
 * @toasts: where to report
 * @file: the CSV file to write
 * @exporting: (nullable): told as the export starts and once it ended
 * @user_data: data for @exporting
 *
 * Writes the whole collection to @file in a worker thread (1.4 s with
 * 100,000 pairs), with a toast and a spinner until it is done. The
 * application is held meanwhile, so closing the window does not leave a
 * half-written temporary file.
 */
void
shoebox_csv_dialogs_export_to_file (GtkWindow               *parent,
                                    ShoeboxCollection       *collection,
                                    AdwToastOverlay         *toasts,
                                    GFile                   *file,
                                    ShoeboxCsvExportingFunc  exporting,
                                    gpointer                 user_data)
{
  g_autofree char *progress = NULL;
  DialogData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (SHOEBOX_IS_COLLECTION (collection));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));
  g_return_if_fail (G_IS_FILE (file));

  data = dialog_data_new (parent, collection, toasts);
  data->file_name = g_file_get_basename (file);
  data->exporting = exporting;
  data->exporting_data = user_data;
  if (g_application_get_default () != NULL)
    {
      data->application = g_object_ref (g_application_get_default ());
      g_application_hold (data->application);
    }

  /* Translators: %s is a file name */
  progress = g_strdup_printf (_("Exporting to “%s”…"), data->file_name);
  data->progress = progress_toast_new (progress);
  data->progress_shown_at = g_get_monotonic_time ();
  adw_toast_overlay_add_toast (toasts, g_object_ref (data->progress));
  set_exporting (data, TRUE);

  shoebox_csv_export_file_async (collection, file, NULL, exported_cb, data);
}

static void
export_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DialogData) data = user_data;
  g_autoptr(GFile) file = shoebox_file_dialog_save_finish (result, NULL);

  if (file != NULL)
    shoebox_csv_dialogs_export_to_file (data->parent, data->collection, data->toasts, file,
                                        data->exporting, data->exporting_data);
}

/**
 * shoebox_csv_dialogs_export:
 * @parent: the main window
 * @collection: what to export
 * @toasts: where to report
 * @exporting: (nullable): told as the export starts and once it ended
 * @user_data: data for @exporting
 *
 * Asks where to save, then writes the whole collection as CSV with
 * shoebox_csv_dialogs_export_to_file().
 */
void
shoebox_csv_dialogs_export (GtkWindow               *parent,
                            ShoeboxCollection       *collection,
                            AdwToastOverlay         *toasts,
                            ShoeboxCsvExportingFunc  exporting,
                            gpointer                 user_data)
{
  g_autoptr(GtkFileFilter) filter = csv_filter_new ();
  DialogData *data;

  g_return_if_fail (SHOEBOX_IS_COLLECTION (collection));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));

  data = dialog_data_new (parent, collection, toasts);
  data->exporting = exporting;
  data->exporting_data = user_data;

  shoebox_file_dialog_save (GTK_WIDGET (parent), _("Export CSV"), _("_Export"), filter,
                            _("shoebox-collection.csv"), NULL, NULL, export_chosen_cb, data);
}
