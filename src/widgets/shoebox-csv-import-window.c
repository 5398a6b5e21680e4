/* shoebox-csv-import-window.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-csv-import-window"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-csv-async.h"
#include "shoebox-csv-import-window.h"
#include "shoebox-labels.h"

/* How many bad rows the preview lists one by one; the rest are counted. */
#define MAX_PROBLEM_ROWS 200

struct _ShoeboxCsvImportWindow
{
  ShoeboxDialog        parent_instance;

  ShoeboxCollection   *collection;
  GBytes              *contents;
  char                *file_name;
  GCancellable        *cancellable;
  ShoeboxCsvReport    *report;    /* the preview, until shown */
  guint                n_good;
  gboolean             importing;

  AdwHeaderBar        *header_bar;
  GtkLabel            *summary_label;
  GtkButton           *cancel_button;
  GtkSpinner          *spinner;
  GtkButton           *import_button;
  AdwPreferencesGroup *problems_group;
  AdwPreferencesGroup *columns_group;
};

G_DEFINE_FINAL_TYPE (ShoeboxCsvImportWindow, shoebox_csv_import_window, SHOEBOX_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_COLLECTION,
  PROP_FILE_NAME,
  PROP_CONTENTS,
  PROP_REPORT,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
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
  g_clear_pointer (&self->report, shoebox_csv_report_unref);

  G_OBJECT_CLASS (shoebox_csv_import_window_parent_class)->dispose (object);
}

/* Without a :report, the preview is read here from the contents: a file
 * that is not CSV leaves the window saying so, with nothing to import.
 */
static void
shoebox_csv_import_window_constructed (GObject *object)
{
  ShoeboxCsvImportWindow *self = SHOEBOX_CSV_IMPORT_WINDOW (object);
  g_autoptr(ShoeboxCsvReport) report = g_steal_pointer (&self->report);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (shoebox_csv_import_window_parent_class)->constructed (object);

  g_return_if_fail (SHOEBOX_IS_COLLECTION (self->collection));
  g_return_if_fail (self->contents != NULL);

  if (report == NULL)
    report = shoebox_csv_preview (self->contents, &error);
  if (report == NULL)
    {
      set_importing (self, FALSE);
      gtk_label_set_text (self->summary_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
      return;
    }
  show_preview (self, report);
}

static void
shoebox_csv_import_window_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  ShoeboxCsvImportWindow *self = SHOEBOX_CSV_IMPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      g_value_set_object (value, self->collection);
      break;

    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;

    case PROP_CONTENTS:
      g_value_set_boxed (value, self->contents);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_csv_import_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  ShoeboxCsvImportWindow *self = SHOEBOX_CSV_IMPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      self->collection = g_value_dup_object (value);
      break;

    case PROP_FILE_NAME:
      self->file_name = g_value_dup_string (value);
      break;

    case PROP_CONTENTS:
      self->contents = g_value_dup_boxed (value);
      break;

    case PROP_REPORT:
      self->report = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_csv_import_window_class_init (ShoeboxCsvImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = shoebox_csv_import_window_constructed;
  object_class->dispose = shoebox_csv_import_window_dispose;
  object_class->get_property = shoebox_csv_import_window_get_property;
  object_class->set_property = shoebox_csv_import_window_set_property;

  /**
   * ShoeboxCsvImportWindow:collection:
   *
   * Where the pairs go.
   */
  properties[PROP_COLLECTION] =
    g_param_spec_object ("collection", NULL, NULL,
                         SHOEBOX_TYPE_COLLECTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxCsvImportWindow:file-name:
   *
   * The file's name, for the summary.
   */
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxCsvImportWindow:contents:
   *
   * The file's bytes, previewed when the window is built.
   */
  properties[PROP_CONTENTS] =
    g_param_spec_boxed ("contents", NULL, NULL,
                        G_TYPE_BYTES,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxCsvImportWindow:report:
   *
   * The contents' preview, when the caller read it already (to refuse a
   * file that is not CSV before there is a window); %NULL to have the
   * window read it.
   */
  properties[PROP_REPORT] =
    g_param_spec_boxed ("report", NULL, NULL,
                        SHOEBOX_TYPE_CSV_REPORT,
                        (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ShoeboxCsvImportWindow::imported:
   * @n_imported: pairs added
   * @n_rejected: rows skipped
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/shoebox-csv-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoeboxCsvImportWindow, header_bar);
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

#if ADW_CHECK_VERSION (1, 5, 0)
  /* In a window 360 px wide the dialog's bottom sheet has 350, and
   * Cancel, the title and "Import 39998 Pairs" ask for 355: there the
   * header bar drops the title (the summary below names the file). With
   * a breakpoint, a dialog's minimum size is its size request.
   */
  {
    AdwBreakpoint *narrow = adw_breakpoint_new (adw_breakpoint_condition_parse ("max-width: 400px"));

    adw_breakpoint_add_setters (narrow, G_OBJECT (self->header_bar), "show-title", FALSE, NULL);
    adw_dialog_add_breakpoint (ADW_DIALOG (self), narrow);
    gtk_widget_set_size_request (GTK_WIDGET (self), 320, 294);
  }
#endif
}

/**
 * shoebox_csv_import_window_new:
 * @collection: where the pairs go
 * @file_name: the file's name, for the summary
 * @contents: the file's bytes
 * @preview: their preview, from shoebox_csv_preview_async() (or
 *   shoebox_csv_preview() for a small file)
 *
 * Shows what an import of the file would do, from its preview; nothing is
 * written until its Import button imports in a worker thread and emits
 * #ShoeboxCsvImportWindow::imported when done.
 *
 * Returns: (transfer floating): the preview, for shoebox_dialog_present()
 */
GtkWidget *
shoebox_csv_import_window_new (ShoeboxCollection *collection,
                               const char        *file_name,
                               GBytes            *contents,
                               ShoeboxCsvReport  *preview)
{
  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (collection), NULL);
  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (preview != NULL, NULL);

  return g_object_new (SHOEBOX_TYPE_CSV_IMPORT_WINDOW,
                       "collection", collection,
                       "file-name", file_name,
                       "contents", contents,
                       "report", preview,
                       NULL);
}
