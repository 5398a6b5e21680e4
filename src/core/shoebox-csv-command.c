/* shoebox-csv-command.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-csv-command"

#include "config.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "shoebox-csv-command.h"
#include "shoebox-collection.h"
#include "shoebox-csv.h"
#include "shoebox-database.h"

/* How many unknown columns the summary names, and how much of each. */
#define MAX_NAMED_COLUMNS     5
#define MAX_COLUMN_NAME_CHARS 40

/* One line for all the unknown columns, naming the first few: a file of
 * a thousand columns must not print a thousand lines.
 */
static void
print_unknown_columns (const char * const *unknown)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n_unknown = unknown != NULL ? g_strv_length ((char **) unknown) : 0;

  if (n_unknown == 0)
    return;

  for (guint i = 0; i < n_unknown && i < MAX_NAMED_COLUMNS; i++)
    {
      g_autofree char *name = NULL;

      if (g_utf8_strlen (unknown[i], -1) > MAX_COLUMN_NAME_CHARS)
        {
          g_autofree char *start = g_utf8_substring (unknown[i], 0, MAX_COLUMN_NAME_CHARS);

          name = g_strconcat (start, "…", NULL);
        }
      else
        name = g_strdup (unknown[i]);

      if (names->len > 0)
        g_string_append (names, _(", "));
      /* Translators: a column name in quotes */
      g_string_append_printf (names, _("“%s”"), name);
    }
  if (n_unknown > MAX_NAMED_COLUMNS)
    g_string_append (names, _(", …"));

  /* Translators: %u is a count, %s the first few column names: “a”, “b”, … */
  g_print (ngettext ("Ignored %u unknown column: %s\n", "Ignored %u unknown columns: %s\n", n_unknown),
           n_unknown, names->str);
}

static int
run_import (ShoeboxCollection *collection,
            const char        *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(ShoeboxCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;
  guint n_imported;
  guint n_rejected;

  report = shoebox_csv_import_file (collection, file, NULL, &error);
  if (report == NULL)
    {
      g_printerr (_("Could not import “%s”: %s\n"), path, error->message);
      return 1;
    }

  print_unknown_columns (shoebox_csv_report_get_unknown_columns (report));

  n_imported = shoebox_csv_report_get_n_imported (report);
  g_print (ngettext ("Imported %u pair from “%s”.\n", "Imported %u pairs from “%s”.\n", n_imported),
           n_imported, path);

  n_rejected = shoebox_csv_report_get_n_rejected_rows (report);
  if (n_rejected > 0)
    g_print (ngettext ("Rejected %u row:\n", "Rejected %u rows:\n", n_rejected), n_rejected);

  problems = shoebox_csv_report_get_problems (report);
  for (guint i = 0; i < problems->len; i++)
    {
      ShoeboxCsvProblem *problem = g_ptr_array_index (problems, i);

      if (problem->field != NULL)
        /* Translators: line number, CSV column name, what is wrong */
        g_print (_("  line %u, %s: %s\n"), problem->line, problem->field, problem->reason);
      else
        g_print (_("  line %u: %s\n"), problem->line, problem->reason);
    }

  return 0;
}

static int
run_export (ShoeboxCollection *collection,
            const char        *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  guint n_exported = 0;

  if (!shoebox_csv_export_file (collection, file, &n_exported, NULL, &error))
    {
      g_printerr (_("Could not export to “%s”: %s\n"), path, error->message);
      return 1;
    }

  g_print (ngettext ("Exported %u pair to “%s”.\n", "Exported %u pairs to “%s”.\n", n_exported),
           n_exported, path);
  return 0;
}

/**
 * shoebox_csv_command_run:
 * @import_path: (nullable): the file of `--import-csv`
 * @export_path: (nullable): the file of `--export-csv`
 *
 * `shoebox --import-csv FILE` and `shoebox --export-csv FILE`: work on the
 * user's database without a display and say what was done. With both,
 * the import runs first.
 *
 * Returns: the exit status: 0 when the file was read (even with rejected
 *   rows, which are listed) or written; 1 when it could not be, or the
 *   database could not be opened
 */
int
shoebox_csv_command_run (const char *import_path,
                         const char *export_path)
{
  g_autoptr(ShoeboxDatabase) database = NULL;
  g_autoptr(ShoeboxCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  database = shoebox_database_open_default (&error);
  if (database == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  collection = shoebox_collection_new (database);

  /* Like the window's first start: an import then finds the catalogue's
   * silhouettes instead of creating bare ones. An export only reads, and
   * must work while another Shoebox writes.
   */
  if (import_path != NULL && !shoebox_collection_load_starter_catalogue (collection, NULL, &error))
    {
      g_printerr (_("Could not load the starter catalogue: %s\n"), error->message);
      return 1;
    }

  if (import_path != NULL)
    {
#ifdef __GLIBC__
      /* This process only imports and exits. FTS5 allocates and frees
       * large buffers for every indexed row; with glibc's default trim
       * threshold each free returns the memory to the kernel and the next
       * row faults it back in, which doubles the time of a big import.
       */
      mallopt (M_TRIM_THRESHOLD, 256 * 1024 * 1024);
      /* And the heap grows by 64 MiB at a time, not by what each
       * allocation lacks: 20 brk() calls for 100,000 rows, not 1,100.
       * Pages are only touched as they are used.
       */
      mallopt (M_TOP_PAD, 64 * 1024 * 1024);
#endif
      status = run_import (collection, import_path);
    }
  if (status == 0 && export_path != NULL)
    status = run_export (collection, export_path);

  shoebox_database_close (database);
  return status;
}
