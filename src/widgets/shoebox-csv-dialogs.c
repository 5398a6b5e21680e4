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

/* How many bad rows the preview lists one by one; the rest are counted. */
#define MAX_PROBLEM_ROWS 200

/* Set on a parent window while an export from it runs. */
#define EXPORTING_KEY "shoebox-csv-dialogs-exporting"

struct _ShoeboxCsvImportWindow
{
  ShoeboxDialog        parent_instance;

  ShoeboxCollection   *collection;
  GBytes              *contents;
  char                *file_name;
  GCancellable        *cancellable;
  guint                n_good;
  gboolean             importing;

  GtkLabel            *summary_label;
  GtkButton           *cancel_button;
  GtkSpinner          *spinner;
  GtkButton           *import_button;
  AdwPreferencesGroup *problems_group;
  AdwPreferencesGroup *columns_group;
};

G_DEFINE_FINAL_TYPE (ShoeboxCsvImportWindow, shoebox_csv_import_window, SHOEBOX_TYPE_DIALOG)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Everything here comes from the file: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* The field a header fills, in words: "Price Paid" for "price_paid". */
static const char *
field_of_header (ShoeboxCsvReport *report,
                 int               position)
{
  for (ShoeboxCsvColumn column = 0; column < SHOEBOX_CSV_N_COLUMNS; column++)
    if (shoebox_csv_report_get_column_position (report, column) == position)
      return shoebox_labels_csv_column (column);

  return NULL;
}

/* While the import runs nothing can start it again, cancel it or close
 * the window: it lands whole or not at all, and the window says which.
 */
static void
set_importing (ShoeboxCsvImportWindow *self,
               gboolean                importing)
{
  g_autofree char *button = NULL;

  self->importing = importing;
  /* An import runs to its end: Escape and Cancel wait for it. */
  shoebox_dialog_set_can_close (GTK_WIDGET (self), !importing);
  if (importing)
    button = g_strdup (_("Importing…"));
  else
    button = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u Pair", "Import %u Pairs", self->n_good),
                              self->n_good);
  gtk_button_set_label (self->import_button, button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", !importing && self->n_good > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), !importing);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), importing);
  gtk_spinner_set_spinning (self->spinner, importing);
}

static void
show_preview (ShoeboxCsvImportWindow *self,
              ShoeboxCsvReport       *report)
{
  const char * const *headers = shoebox_csv_report_get_headers (report);
  GPtrArray *problems = shoebox_csv_report_get_problems (report);
  guint n_rows = shoebox_csv_report_get_n_rows (report);
  guint n_rejected = shoebox_csv_report_get_n_rejected_rows (report);
  g_autofree char *summary = NULL;

  self->n_good = n_rows - n_rejected;
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "“%s” has %u row: %u can be imported, %u will be skipped.",
                                          "“%s” has %u rows: %u can be imported, %u will be skipped.",
                                          n_rows),
                             self->file_name, n_rows, self->n_good, n_rejected);
  gtk_label_set_text (self->summary_label, summary);
  set_importing (self, FALSE);

  for (guint i = 0; headers != NULL && headers[i] != NULL; i++)
    {
      const char *field = field_of_header (report, (int) i);
      /* Translators: where a column of the file goes: "Imported as Price Paid" */
      g_autofree char *imported_as = field != NULL ? g_strdup_printf (_("Imported as %s"), field) : NULL;

      adw_preferences_group_add (self->columns_group,
                                 text_row (headers[i], imported_as != NULL ? imported_as : _("Unknown column: ignored")));
    }
  for (ShoeboxCsvColumn column = 0; column < SHOEBOX_CSV_N_COLUMNS; column++)
    if (shoebox_csv_report_get_column_position (report, column) < 0)
      adw_preferences_group_add (self->columns_group,
                                 text_row (shoebox_labels_csv_column (column), _("Not in the file: left empty")));

  if (problems == NULL || problems->len == 0)
    adw_preferences_group_add (self->problems_group, text_row (_("None: every row is good"), ""));
  for (guint i = 0; problems != NULL && i < problems->len && i < MAX_PROBLEM_ROWS; i++)
    {
      ShoeboxCsvProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *title = problem->field != NULL
                                 ? g_strdup_printf (_("Line %u, %s"), problem->line,
                                                    shoebox_labels_csv_field (problem->field))
                                 : g_strdup_printf (_("Line %u"), problem->line);

      adw_preferences_group_add (self->problems_group, text_row (title, problem->reason));
    }
  if (problems != NULL && problems->len > MAX_PROBLEM_ROWS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more", "And %u more",
                                                            problems->len - MAX_PROBLEM_ROWS),
                                               problems->len - MAX_PROBLEM_ROWS);

      adw_preferences_group_add (self->problems_group, text_row (more, ""));
    }
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ShoeboxCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  ShoeboxCsvImportWindow *self;

  report = shoebox_csv_import_finish (SHOEBOX_COLLECTION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SHOEBOX_CSV_IMPORT_WINDOW (user_data);
  set_importing (self, FALSE);
  if (report == NULL)
    {
      /* The transaction was rolled back: nothing was imported. */
      gtk_label_set_text (self->summary_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0,
                 shoebox_csv_report_get_n_imported (report),
                 shoebox_csv_report_get_n_rejected_rows (report));
  shoebox_dialog_close (GTK_WIDGET (self));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShoeboxCsvImportWindow *self = SHOEBOX_CSV_IMPORT_WINDOW (widget);

  if (self->importing)
    return;

  /* 100,000 rows take seconds: a worker thread writes them while the
   * window keeps drawing its spinner.
   */
  set_importing (self, TRUE);
  shoebox_csv_import_async (self->collection, self->contents, self->cancellable, imported_cb, self);
}

static void
shoebox_csv_import_window_dispose (GObject *object)
{
  ShoeboxCsvImportWindow *self = SHOEBOX_CSV_IMPORT_WINDOW (object);

  /* Destroyed with its parent during an import: imported_cb() must not
   * touch it. An import already running still lands whole.
   */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->collection);
  g_clear_pointer (&self->contents, g_bytes_unref);
  g_clear_pointer (&self->file_name, g_free);

  G_OBJECT_CLASS (shoebox_csv_import_window_parent_class)->dispose (object);
}

static void
shoebox_csv_import_window_class_init (ShoeboxCsvImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shoebox_csv_import_window_dispose;

  /**
   * ShoeboxCsvImportWindow::imported:
   * @n_imported: pairs added
   * @n_rejected: rows skipped
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/shoebox-csv-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCsvImportWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCsvImportWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCsvImportWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCsvImportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCsvImportWindow, problems_group);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCsvImportWindow, columns_group);
  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  shoebox_dialog_class_install_close (widget_class);
}

static void
shoebox_csv_import_window_init (ShoeboxCsvImportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * shoebox_csv_import_window_new:
 * @collection: where the pairs go
 * @file_name: the file's name, for the summary
 * @contents: the file's bytes
 * @error: return location for a #GError
 *
 * Reads the file without writing anything and shows what an import would
 * do. Its Import button imports in a worker thread and emits
 * #ShoeboxCsvImportWindow::imported when done.
 *
 * Returns: (transfer floating) (nullable): the preview, for
 *   shoebox_dialog_present(), or %NULL with @error set when the file is
 *   not CSV
 */
GtkWidget *
shoebox_csv_import_window_new (ShoeboxCollection *collection,
                               const char        *file_name,
                               GBytes            *contents,
                               GError           **error)
{
  g_autoptr(ShoeboxCsvReport) report = NULL;
  ShoeboxCsvImportWindow *self;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (collection), NULL);
  g_return_val_if_fail (contents != NULL, NULL);

  report = shoebox_csv_preview (contents, error);
  if (report == NULL)
    return NULL;

  self = g_object_new (SHOEBOX_TYPE_CSV_IMPORT_WINDOW, NULL);
  self->collection = g_object_ref (collection);
  self->contents = g_bytes_ref (contents);
  self->file_name = g_strdup (file_name);
  show_preview (self, report);

  return GTK_WIDGET (self);
}

typedef struct
{
  GtkWindow         *parent;
  ShoeboxCollection *collection;
  AdwToastOverlay   *toasts;
  GCallback          imported;
  gpointer           user_data;
  char              *file_name;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->collection);
  g_clear_object (&data->toasts);
  g_clear_pointer (&data->file_name, g_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportData, import_data_free)

static void
show_error_toast (AdwToastOverlay *toasts,
                  const char      *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (toasts, toast);
}

static void
window_imported_cb (ShoeboxCsvImportWindow *window,
                    guint                   n_imported,
                    guint                   n_rejected,
                    ImportData             *data)
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
    ((void (*) (gpointer)) data->imported) (data->user_data);
}

static void
contents_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ImportData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GtkWidget *preview;

  bytes = shoebox_csv_read_file_finish (G_FILE (object), result, &error);
  if (bytes == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” could not be read: %s"), data->file_name, error->message);

      show_error_toast (data->toasts, message);
      return;
    }

  preview = shoebox_csv_import_window_new (data->collection, data->file_name, bytes, &error);
  if (preview == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” cannot be imported: %s"), data->file_name, error->message);

      show_error_toast (data->toasts, message);
      return;
    }

  shoebox_dialog_present (preview, (GtkWidget *) data->parent);
  g_signal_connect_data (preview, "imported", G_CALLBACK (window_imported_cb),
                         g_steal_pointer (&data), (GClosureNotify) (void (*) (void)) import_data_free, 0);
}

static void
import_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ImportData *data = user_data;
  g_autoptr(GListModel) files = shoebox_file_dialog_open_finish (result, NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;

  if (files == NULL)
    {
      import_data_free (data);
      return;
    }
  file = g_list_model_get_item (files, 0);

  data->file_name = g_file_get_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_size (info) > SHOEBOX_CSV_MAX_FILE_SIZE)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is too large to be a collection"), data->file_name);

      show_error_toast (data->toasts, message);
      import_data_free (data);
      return;
    }

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
shoebox_csv_dialogs_import (GtkWindow         *parent,
                            ShoeboxCollection *collection,
                            AdwToastOverlay   *toasts,
                            GCallback          imported,
                            gpointer           user_data)
{
  g_autoptr(GtkFileFilter) filter = csv_filter_new ();
  ImportData *data;

  g_return_if_fail (SHOEBOX_IS_COLLECTION (collection));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));

  data = g_new0 (ImportData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->collection = g_object_ref (collection);
  data->toasts = g_object_ref (toasts);
  data->imported = imported;
  data->user_data = user_data;

  /* The data holds what the answer needs: no cancellable. */
  shoebox_file_dialog_open (GTK_WIDGET (parent), _("Import CSV"), _("_Open"), filter, FALSE,
                            NULL, import_chosen_cb, data);
}

typedef struct
{
  GtkWindow         *parent;
  ShoeboxCollection *collection;
  AdwToastOverlay   *toasts;
  AdwToast          *progress;
  gint64             progress_shown_at;
  GApplication      *application;
  char              *file_name;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->collection);
  g_clear_object (&data->toasts);
  g_clear_object (&data->progress);
  if (data->application != NULL)
    g_application_release (data->application);
  g_clear_object (&data->application);
  g_clear_pointer (&data->file_name, g_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportData, export_data_free)

static void
set_exporting (GtkWindow *parent,
               gboolean   exporting)
{
  if (parent == NULL || gtk_widget_in_destruction (GTK_WIDGET (parent)))
    return;

  /* One export at a time from a window: its Export item is insensitive
   * meanwhile (ShoeboxWindow asks shoebox_csv_dialogs_is_exporting()).
   */
  g_object_set_data (G_OBJECT (parent), EXPORTING_KEY, GINT_TO_POINTER (exporting));
  gtk_widget_action_set_enabled (GTK_WIDGET (parent), "win.export-csv", !exporting);
}

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

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ExportData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (data->toasts));
  guint n_exported = 0;
  gboolean exported;

  exported = shoebox_csv_export_file_finish (SHOEBOX_COLLECTION (object), result, &n_exported, &error);
  set_exporting (data->parent, FALSE);

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
      show_error_toast (data->toasts, message);
    }
  shoebox_compat_dismiss_toast (data->progress, data->progress_shown_at);
}

/**
 * shoebox_csv_dialogs_export_to_file:
 * @parent: (nullable): the main window
 * @collection: what to export
 * @toasts: where to report
 * @file: the CSV file to write
 *
 * Writes the whole collection to @file in a worker thread (1.4 s with
 * 100,000 pairs), with a toast and a spinner until it is done. The
 * application is held meanwhile, so closing the window does not leave a
 * half-written temporary file.
 */
void
shoebox_csv_dialogs_export_to_file (GtkWindow         *parent,
                                    ShoeboxCollection *collection,
                                    AdwToastOverlay   *toasts,
                                    GFile             *file)
{
  g_autofree char *progress = NULL;
  ExportData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (SHOEBOX_IS_COLLECTION (collection));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ExportData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->collection = g_object_ref (collection);
  data->toasts = g_object_ref (toasts);
  data->file_name = g_file_get_basename (file);
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
  set_exporting (parent, TRUE);

  shoebox_csv_export_file_async (collection, file, NULL, exported_cb, data);
}

/**
 * shoebox_csv_dialogs_is_exporting:
 * @parent: a window given to shoebox_csv_dialogs_export()
 *
 * Returns: whether an export from @parent is running
 */
gboolean
shoebox_csv_dialogs_is_exporting (GtkWindow *parent)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), FALSE);

  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (parent), EXPORTING_KEY));
}

static void
export_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ExportData) data = user_data;
  g_autoptr(GFile) file = shoebox_file_dialog_save_finish (result, NULL);

  if (file != NULL)
    shoebox_csv_dialogs_export_to_file (data->parent, data->collection, data->toasts, file);
}

/**
 * shoebox_csv_dialogs_export:
 * @parent: the main window
 * @collection: what to export
 * @toasts: where to report
 *
 * Asks where to save, then writes the whole collection as CSV with
 * shoebox_csv_dialogs_export_to_file().
 */
void
shoebox_csv_dialogs_export (GtkWindow         *parent,
                            ShoeboxCollection *collection,
                            AdwToastOverlay   *toasts)
{
  g_autoptr(GtkFileFilter) filter = csv_filter_new ();
  ExportData *data;

  g_return_if_fail (SHOEBOX_IS_COLLECTION (collection));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));

  data = g_new0 (ExportData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->collection = g_object_ref (collection);
  data->toasts = g_object_ref (toasts);

  shoebox_file_dialog_save (GTK_WIDGET (parent), _("Export CSV"), _("_Export"), filter,
                            _("shoebox-collection.csv"), NULL, NULL, export_chosen_cb, data);
}
