/* shoebox-csv.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shoebox-csv.h"
#include "shoebox-collection-private.h"
#include "shoebox-money.h"
#include "shoebox-pair-list.h"

/* The CSV contract (README, issue 4): RFC 4180, UTF-8, a header row with
 * the columns below in this order on export; import by name in any order.
 * Lists are `;`-separated with `\;` and `\\` escapes; a cell starting with
 * one of =+-@ (or ' then one of =+-@') gets one more leading ' on export,
 * and import takes exactly that one back off.
 */
static const char * const column_names[SHOEBOX_CSV_N_COLUMNS] = {
  "silhouette", "brand", "colorway", "official_colorway", "style_code", "size", "size_system",
  "condition", "box", "extras", "status", "price_paid", "currency", "purchase_date",
  "where_bought", "estimated_value", "storage_location", "tags", "notes", "wear_dates",
};

#define EXPORT_CHUNK_SIZE (64 * 1024)

struct _ShoeboxCsvReport
{
  gatomicrefcount  ref_count;
  char           **headers;
  int              positions[SHOEBOX_CSV_N_COLUMNS]; /* file column, or -1 */
  char           **unknown_columns;
  guint            n_rows;
  GPtrArray       *pairs;      /* ShoeboxPair, the rows without problems */
  GArray          *pair_lines; /* guint, the line of each of pairs */
  GPtrArray       *problems;   /* ShoeboxCsvProblem */
  guint            n_imported;
};

G_DEFINE_BOXED_TYPE (ShoeboxCsvReport, shoebox_csv_report, shoebox_csv_report_ref, shoebox_csv_report_unref)

G_DEFINE_QUARK (shoebox-csv-error-quark, shoebox_csv_error)

typedef struct
{
  const char *data;
  gsize       length;
  gsize       position;
  guint       line; /* the physical line at position, from 1 */
} Reader;

static void
problem_free (gpointer data)
{
  ShoeboxCsvProblem *problem = data;

  g_free (problem->field);
  g_free (problem->reason);
  g_free (problem);
}

static void
add_problem (ShoeboxCsvReport *report,
             guint             line,
             const char       *field,
             const char       *reason)
{
  ShoeboxCsvProblem *problem = g_new0 (ShoeboxCsvProblem, 1);

  problem->line = line;
  problem->field = g_strdup (field);
  problem->reason = g_strdup (reason);
  g_ptr_array_add (report->problems, problem);
}

static ShoeboxCsvReport *
report_new (void)
{
  ShoeboxCsvReport *report = g_new0 (ShoeboxCsvReport, 1);

  g_atomic_ref_count_init (&report->ref_count);
  report->pairs = g_ptr_array_new_with_free_func (g_object_unref);
  report->pair_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  report->problems = g_ptr_array_new_with_free_func (problem_free);
  for (guint i = 0; i < SHOEBOX_CSV_N_COLUMNS; i++)
    report->positions[i] = -1;

  return report;
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static GString *
next_field (GPtrArray *fields,
            guint     *n_fields)
{
  GString *field;

  if (*n_fields == fields->len)
    g_ptr_array_add (fields, g_string_new (NULL));

  field = g_ptr_array_index (fields, *n_fields);
  g_string_truncate (field, 0);
  (*n_fields)++;
  return field;
}

static gboolean
is_field_end (char c)
{
  return c == ',' || c == '\n' || c == '\r';
}

/* Counts line breaks the way readers of the file do: CRLF, LF and a lone
 * CR each end one physical line.
 */
static guint
count_lines (const char *text,
             gsize       length)
{
  guint lines = 0;

  for (gsize i = 0; i < length; i++)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == length || text[i + 1] != '\n')))
      lines++;

  return lines;
}

/* Reads one record (RFC 4180) into @fields. Quoted fields may hold
 * commas, quotes (doubled) and line breaks. A malformed record is still
 * read to its end, so the next one starts in the right place, and
 * @problem says what is wrong with it.
 *
 * Returns: %FALSE at the end of the data
 */
static gboolean
read_record (Reader      *reader,
             GPtrArray   *fields,
             guint       *n_fields,
             guint       *start_line,
             const char **problem)
{
  const char *data = reader->data;
  gsize length = reader->length;

  if (reader->position >= length)
    return FALSE;

  *start_line = reader->line;
  *n_fields = 0;
  *problem = NULL;

  for (;;)
    {
      GString *field = next_field (fields, n_fields);
      gsize start;

      if (reader->position < length && data[reader->position] == '"')
        {
          reader->position++;
          for (;;)
            {
              const char *quote;

              start = reader->position;
              quote = memchr (data + start, '"', length - start);
              if (quote == NULL)
                {
                  g_string_append_len (field, data + start, length - start);
                  reader->line += count_lines (data + start, length - start);
                  reader->position = length;
                  *problem = N_("A quoted field is not closed before the end of the file");
                  return TRUE;
                }

              g_string_append_len (field, data + start, quote - (data + start));
              reader->line += count_lines (data + start, quote - (data + start));
              reader->position = quote - data + 1;

              if (reader->position < length && data[reader->position] == '"')
                {
                  g_string_append_c (field, '"');
                  reader->position++;
                  continue;
                }
              break;
            }

          if (reader->position < length && !is_field_end (data[reader->position]))
            {
              *problem = N_("Text follows the closing quote of a field");
              start = reader->position;
              while (reader->position < length && !is_field_end (data[reader->position]))
                reader->position++;
              g_string_append_len (field, data + start, reader->position - start);
            }
        }
      else
        {
          start = reader->position;
          while (reader->position < length && !is_field_end (data[reader->position]))
            reader->position++;
          g_string_append_len (field, data + start, reader->position - start);
        }

      if (reader->position >= length)
        return TRUE;

      if (data[reader->position] == ',')
        {
          reader->position++;
          continue;
        }

      if (data[reader->position] == '\r' && reader->position + 1 < length && data[reader->position + 1] == '\n')
        reader->position++;
      reader->position++;
      reader->line++;
      return TRUE;
    }
}

/* "Price Paid", "price-paid" and "PRICE_PAID" all name price_paid. */
static char *
normalize_header (const char *text,
                  gsize       length)
{
  g_autofree char *copy = g_strndup (text, length);
  char *name = g_strstrip (copy);

  for (char *p = name; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '-')
        *p = '_';
      else
        *p = g_ascii_tolower (*p);
    }

  return g_strdup (name);
}

/* Undoes the export's protection against spreadsheet formulas: one
 * leading ' goes, and only when one of =+-@' follows it.
 */
static const char *
unprotect (const char *cell)
{
  if (cell[0] == '\'' && cell[1] != '\0' && strchr ("=+-@'", cell[1]) != NULL)
    return cell + 1;

  return cell;
}

static gboolean
needs_protection (const char *cell)
{
  if (cell[0] == '\0')
    return FALSE;
  if (strchr ("=+-@", cell[0]) != NULL)
    return TRUE;

  return cell[0] == '\'' && cell[1] != '\0' && strchr ("=+-@'", cell[1]) != NULL;
}

static char *
dup_trimmed (const char *text)
{
  return g_strstrip (g_strdup (text));
}

typedef struct
{
  ShoeboxCsvReport *report;
  guint             line;
  gboolean          bad;
} Row;

static void
row_problem (Row        *row,
             guint       column,
             const char *reason)
{
  add_problem (row->report, row->line, column < SHOEBOX_CSV_N_COLUMNS ? column_names[column] : NULL, reason);
  row->bad = TRUE;
}

static void
row_problem_from_error (Row    *row,
                        guint   column,
                        GError *error)
{
  row_problem (row, column, error->message);
}

/* Turns the cells of one row into a pair, listing every problem. */
static ShoeboxPair *
parse_row (Row          *row,
           const char  **cells,
           const GDate  *today)
{
  g_autoptr(ShoeboxPair) pair = shoebox_pair_new ();
  g_autofree char *currency = NULL;
  const char *text;

  if (cells[SHOEBOX_CSV_COLUMN_SILHOUETTE][0] == '\0')
    row_problem (row, SHOEBOX_CSV_COLUMN_SILHOUETTE, _("Empty: every pair needs a silhouette"));

  shoebox_pair_set_silhouette_name (pair, cells[SHOEBOX_CSV_COLUMN_SILHOUETTE]);
  shoebox_pair_set_brand_name (pair, cells[SHOEBOX_CSV_COLUMN_BRAND]);
  shoebox_pair_set_colorway (pair, cells[SHOEBOX_CSV_COLUMN_COLORWAY]);
  shoebox_pair_set_official_colorway (pair, cells[SHOEBOX_CSV_COLUMN_OFFICIAL_COLORWAY]);
  shoebox_pair_set_style_code (pair, cells[SHOEBOX_CSV_COLUMN_STYLE_CODE]);
  shoebox_pair_set_where_bought (pair, cells[SHOEBOX_CSV_COLUMN_WHERE_BOUGHT]);
  shoebox_pair_set_storage_location (pair, cells[SHOEBOX_CSV_COLUMN_STORAGE_LOCATION]);
  shoebox_pair_set_notes (pair, cells[SHOEBOX_CSV_COLUMN_NOTES]);

  {
    g_auto(GStrv) extras = shoebox_list_split (cells[SHOEBOX_CSV_COLUMN_EXTRAS]);
    g_auto(GStrv) tags = shoebox_list_split (cells[SHOEBOX_CSV_COLUMN_TAGS]);

    shoebox_pair_set_extras (pair, (const char * const *) extras);
    shoebox_pair_set_tags (pair, (const char * const *) tags);
  }

  text = cells[SHOEBOX_CSV_COLUMN_SIZE_SYSTEM];
  if (text[0] != '\0')
    {
      ShoeboxSizeSystem system;

      if (shoebox_size_system_from_string (text, &system))
        shoebox_pair_set_size_system (pair, system);
      else
        {
          g_autofree char *reason = g_strdup_printf (_("“%s” is not a size system: use US M, US W, UK, EU or JP cm"), text);
          row_problem (row, SHOEBOX_CSV_COLUMN_SIZE_SYSTEM, reason);
        }
    }

  text = cells[SHOEBOX_CSV_COLUMN_SIZE];
  if (text[0] != '\0')
    {
      g_autoptr(GError) error = NULL;

      shoebox_pair_set_size (pair, text);
      if (cells[SHOEBOX_CSV_COLUMN_SIZE_SYSTEM][0] == '\0')
        row_problem (row, SHOEBOX_CSV_COLUMN_SIZE, _("A size needs its size_system: US M, US W, UK, EU or JP cm"));
      else if (shoebox_pair_get_size_system (pair) != SHOEBOX_SIZE_SYSTEM_NONE
               && !shoebox_size_validate (shoebox_pair_get_size_system (pair), text, &error))
        row_problem_from_error (row, SHOEBOX_CSV_COLUMN_SIZE, error);
    }

  text = cells[SHOEBOX_CSV_COLUMN_CONDITION];
  if (text[0] != '\0')
    {
      ShoeboxCondition condition;

      if (shoebox_condition_from_string (text, &condition))
        shoebox_pair_set_condition (pair, condition);
      else
        {
          g_autofree char *reason = g_strdup_printf (_("“%s” is not a condition: use Deadstock, VNDS, Worn or Beater"), text);
          row_problem (row, SHOEBOX_CSV_COLUMN_CONDITION, reason);
        }
    }

  text = cells[SHOEBOX_CSV_COLUMN_BOX];
  if (text[0] != '\0')
    {
      ShoeboxBox box;

      if (shoebox_box_from_string (text, &box))
        shoebox_pair_set_box (pair, box);
      else
        {
          g_autofree char *reason = g_strdup_printf (_("“%s” is not a box: use original, none or damaged"), text);
          row_problem (row, SHOEBOX_CSV_COLUMN_BOX, reason);
        }
    }

  text = cells[SHOEBOX_CSV_COLUMN_STATUS];
  if (text[0] != '\0')
    {
      ShoeboxStatus status;

      if (shoebox_status_from_string (text, &status))
        shoebox_pair_set_status (pair, status);
      else
        {
          g_autofree char *reason = g_strdup_printf (_("“%s” is not a status: use Owned, Wishlist or Sold"), text);
          row_problem (row, SHOEBOX_CSV_COLUMN_STATUS, reason);
        }
    }

  currency = dup_trimmed (cells[SHOEBOX_CSV_COLUMN_CURRENCY]);
  if (currency[0] != '\0')
    {
      g_autofree char *upper = g_ascii_strup (currency, -1);

      if (shoebox_money_is_currency (upper))
        shoebox_pair_set_currency (pair, upper);
      else
        {
          g_autofree char *reason = g_strdup_printf (_("“%s” is not an ISO 4217 currency code such as EUR, USD or JPY"),
                                                     currency);
          row_problem (row, SHOEBOX_CSV_COLUMN_CURRENCY, reason);
        }
    }

  for (guint i = 0; i < 2; i++)
    {
      guint column = i == 0 ? SHOEBOX_CSV_COLUMN_PRICE_PAID : SHOEBOX_CSV_COLUMN_ESTIMATED_VALUE;
      g_autofree char *amount = dup_trimmed (cells[column]);
      g_autoptr(GError) error = NULL;
      gint64 minor_units;

      if (amount[0] == '\0')
        continue;

      if (currency[0] == '\0')
        row_problem (row, column, _("An amount needs a currency: fill in the currency column"));
      else if (shoebox_pair_get_currency (pair) == NULL)
        continue; /* The currency column already has its problem. */
      else if (!shoebox_money_parse (amount, shoebox_pair_get_currency (pair), &minor_units, &error))
        row_problem_from_error (row, column, error);
      else if (i == 0)
        shoebox_pair_set_price_paid (pair, minor_units);
      else
        shoebox_pair_set_estimated_value (pair, minor_units);
    }

  {
    g_autofree char *date = dup_trimmed (cells[SHOEBOX_CSV_COLUMN_PURCHASE_DATE]);
    g_autoptr(GError) error = NULL;

    if (date[0] != '\0')
      {
        if (shoebox_date_validate (date, today, &error))
          shoebox_pair_set_purchase_date (pair, date);
        else
          row_problem_from_error (row, SHOEBOX_CSV_COLUMN_PURCHASE_DATE, error);
      }
  }

  {
    g_auto(GStrv) dates = shoebox_list_split (cells[SHOEBOX_CSV_COLUMN_WEAR_DATES]);
    gboolean dates_valid = TRUE;

    for (guint i = 0; dates != NULL && dates[i] != NULL; i++)
      {
        g_autoptr(GError) error = NULL;

        g_strstrip (dates[i]);
        if (!shoebox_date_validate (dates[i], today, &error))
          {
            row_problem_from_error (row, SHOEBOX_CSV_COLUMN_WEAR_DATES, error);
            dates_valid = FALSE;
            break;
          }
      }
    if (dates_valid)
      shoebox_pair_set_wear_dates (pair, (const char * const *) dates);
  }

  if (row->bad)
    return NULL;

  return g_steal_pointer (&pair);
}

static gboolean
read_header (ShoeboxCsvReport  *report,
             Reader            *reader,
             GPtrArray         *fields,
             GError           **error)
{
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) headers = g_strv_builder_new ();
  const char *problem = NULL;
  guint n_fields = 0;
  guint line;
  guint n_known = 0;

  /* Spreadsheets on Windows start UTF-8 files with a byte order mark. */
  if (reader->length >= 3 && memcmp (reader->data, "\xEF\xBB\xBF", 3) == 0)
    reader->position = 3;

  if (!read_record (reader, fields, &n_fields, &line, &problem))
    {
      g_set_error (error, SHOEBOX_CSV_ERROR, SHOEBOX_CSV_ERROR_NOT_CSV, _("The file is empty"));
      return FALSE;
    }

  if (problem != NULL)
    {
      g_set_error (error, SHOEBOX_CSV_ERROR, SHOEBOX_CSV_ERROR_NOT_CSV,
                   _("The file is not CSV: its first line is not a header row (%s)"), _(problem));
      return FALSE;
    }

  for (guint i = 0; i < n_fields; i++)
    {
      GString *field = g_ptr_array_index (fields, i);
      g_autofree char *name = NULL;
      gboolean known = FALSE;

      if (!g_utf8_validate_len (field->str, field->len, NULL))
        {
          g_set_error (error, SHOEBOX_CSV_ERROR, SHOEBOX_CSV_ERROR_NOT_CSV,
                       _("The file is not a UTF-8 CSV file: its first line is not text"));
          return FALSE;
        }

      g_strv_builder_add (headers, field->str);
      name = normalize_header (field->str, field->len);
      for (guint column = 0; column < SHOEBOX_CSV_N_COLUMNS; column++)
        {
          if (g_str_equal (name, column_names[column]) && report->positions[column] < 0)
            {
              report->positions[column] = (int) i;
              known = TRUE;
              n_known++;
              break;
            }
        }

      if (!known)
        g_ptr_array_add (unknown, g_strdup (field->str));
    }

  if (n_known == 0)
    {
      g_set_error (error, SHOEBOX_CSV_ERROR, SHOEBOX_CSV_ERROR_NOT_CSV,
                   _("The file is not a Shoebox CSV file: its first line names none of the columns "
                     "silhouette, brand, colorway, size, …"));
      return FALSE;
    }

  g_ptr_array_add (unknown, NULL);
  report->unknown_columns = (char **) g_ptr_array_free (g_steal_pointer (&unknown), FALSE);
  report->headers = g_strv_builder_end (headers);
  return TRUE;
}

static ShoeboxCsvReport *
parse (const char  *data,
       gsize        length,
       GError     **error)
{
  g_autoptr(ShoeboxCsvReport) report = report_new ();
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (string_free);
  g_autoptr(GDate) today = g_date_new ();
  Reader reader = { data, length, 0, 1 };
  guint n_headers;
  const char *problem;
  guint n_fields;
  guint line;

  if (length > SHOEBOX_CSV_MAX_FILE_SIZE)
    {
      g_set_error (error, SHOEBOX_CSV_ERROR, SHOEBOX_CSV_ERROR_TOO_LARGE,
                   _("The file is larger than %d MiB"), SHOEBOX_CSV_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  g_date_set_time_t (today, time (NULL));

  if (!read_header (report, &reader, fields, error))
    return NULL;
  n_headers = g_strv_length (report->headers);

  while (read_record (&reader, fields, &n_fields, &line, &problem))
    {
      const char *cells[SHOEBOX_CSV_N_COLUMNS];
      Row row = { report, line, FALSE };
      ShoeboxPair *pair;

      /* An empty line is no row: files often end with a few. */
      if (n_fields == 1 && ((GString *) g_ptr_array_index (fields, 0))->len == 0 && problem == NULL)
        continue;

      report->n_rows++;

      if (problem != NULL)
        {
          row_problem (&row, SHOEBOX_CSV_N_COLUMNS, _(problem));
          continue;
        }

      if (n_fields != n_headers)
        {
          g_autofree char *reason = g_strdup_printf (ngettext ("The row has %u field; the header has %u",
                                                               "The row has %u fields; the header has %u",
                                                               n_fields),
                                                     n_fields, n_headers);
          row_problem (&row, SHOEBOX_CSV_N_COLUMNS, reason);
          continue;
        }

      for (guint column = 0; column < SHOEBOX_CSV_N_COLUMNS; column++)
        {
          GString *field;
          gsize limit;

          cells[column] = "";
          if (report->positions[column] < 0)
            continue;

          field = g_ptr_array_index (fields, report->positions[column]);
          if (!g_utf8_validate_len (field->str, field->len, NULL))
            {
              row_problem (&row, column, _("Not valid UTF-8 text"));
              continue;
            }

          cells[column] = unprotect (field->str);

          if (column == SHOEBOX_CSV_COLUMN_NOTES || column == SHOEBOX_CSV_COLUMN_WEAR_DATES)
            {
              limit = SHOEBOX_PAIR_MAX_NOTES;
              if (strlen (cells[column]) > limit)
                {
                  g_autofree char *reason = g_strdup_printf (_("Longer than %zu KiB"), limit / 1024);
                  row_problem (&row, column, reason);
                  cells[column] = "";
                }
            }
          else
            {
              limit = SHOEBOX_PAIR_MAX_SHORT_TEXT;
              /* Counting characters of a huge cell is wasted work: bytes
               * bound them from above.
               */
              if (strlen (cells[column]) > limit && g_utf8_strlen (cells[column], -1) > (glong) limit)
                {
                  g_autofree char *reason = g_strdup_printf (_("Longer than %zu characters"), limit);
                  row_problem (&row, column, reason);
                  cells[column] = "";
                }
            }
        }

      if (row.bad)
        continue;

      pair = parse_row (&row, cells, today);
      if (pair == NULL)
        continue;

      g_ptr_array_add (report->pairs, pair);
      g_array_append_val (report->pair_lines, line);
    }

  return g_steal_pointer (&report);
}

typedef struct
{
  ShoeboxCollection *collection;
  ShoeboxCsvReport  *report;
} ImportData;

static gboolean
import_in_transaction (ShoeboxDatabase  *database,
                       gpointer          user_data,
                       GError          **error)
{
  ImportData *data = user_data;
  ShoeboxCsvReport *report = data->report;

  data->report->n_imported = 0;

  for (guint i = 0; i < report->pairs->len; i++)
    {
      ShoeboxPair *pair = g_ptr_array_index (report->pairs, i);
      g_autoptr(GError) row_error = NULL;

      /* A savepoint per row: a row the database refuses is listed and
       * skipped, and the others still land.
       */
      if (!shoebox_database_exec (database, "SAVEPOINT csv_row", error))
        return FALSE;

      if (shoebox_pair_validate (pair, &row_error)
          && _shoebox_collection_insert_pair (data->collection, pair, &row_error))
        {
          if (!shoebox_database_exec (database, "RELEASE csv_row", error))
            return FALSE;
          report->n_imported++;
          continue;
        }

      if (!shoebox_database_exec (database, "ROLLBACK TO csv_row", error)
          || !shoebox_database_exec (database, "RELEASE csv_row", error))
        return FALSE;
      add_problem (report, g_array_index (report->pair_lines, guint, i),
                   g_error_matches (row_error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_MISSING_SILHOUETTE)
                     ? column_names[SHOEBOX_CSV_COLUMN_SILHOUETTE] : NULL,
                   row_error->message);
    }

  return TRUE;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const ShoeboxCsvProblem *first = *(const ShoeboxCsvProblem * const *) a;
  const ShoeboxCsvProblem *second = *(const ShoeboxCsvProblem * const *) b;

  if (first->line != second->line)
    return first->line < second->line ? -1 : 1;
  return 0;
}

static void
append_cell (GString    *row,
             const char *cell)
{
  gboolean quote;

  if (cell == NULL)
    cell = "";

  quote = strpbrk (cell, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (row, '"');
  if (needs_protection (cell))
    g_string_append_c (row, '\'');

  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (row, '"');
      g_string_append_c (row, *p);
    }

  if (quote)
    g_string_append_c (row, '"');
}

static void
append_pair (GString     *row,
             ShoeboxPair *pair)
{
  const char *currency = shoebox_pair_get_currency (pair);
  g_autofree char *extras = shoebox_list_join (shoebox_pair_get_extras (pair));
  g_autofree char *tags = shoebox_list_join (shoebox_pair_get_tags (pair));
  g_autofree char *wears = shoebox_list_join (shoebox_pair_get_wear_dates (pair));
  g_autofree char *price = NULL;
  g_autofree char *estimated = NULL;
  const char *cells[SHOEBOX_CSV_N_COLUMNS];

  if (shoebox_pair_get_price_paid (pair) >= 0 && shoebox_money_is_currency (currency))
    price = shoebox_money_format_plain (shoebox_pair_get_price_paid (pair), currency);
  if (shoebox_pair_get_estimated_value (pair) >= 0 && shoebox_money_is_currency (currency))
    estimated = shoebox_money_format_plain (shoebox_pair_get_estimated_value (pair), currency);

  cells[SHOEBOX_CSV_COLUMN_SILHOUETTE] = shoebox_pair_get_silhouette_name (pair);
  cells[SHOEBOX_CSV_COLUMN_BRAND] = shoebox_pair_get_brand_name (pair);
  cells[SHOEBOX_CSV_COLUMN_COLORWAY] = shoebox_pair_get_colorway (pair);
  cells[SHOEBOX_CSV_COLUMN_OFFICIAL_COLORWAY] = shoebox_pair_get_official_colorway (pair);
  cells[SHOEBOX_CSV_COLUMN_STYLE_CODE] = shoebox_pair_get_style_code (pair);
  cells[SHOEBOX_CSV_COLUMN_SIZE] = shoebox_pair_get_size (pair);
  cells[SHOEBOX_CSV_COLUMN_SIZE_SYSTEM] = shoebox_size_system_to_string (shoebox_pair_get_size_system (pair));
  cells[SHOEBOX_CSV_COLUMN_CONDITION] = shoebox_condition_to_string (shoebox_pair_get_condition (pair));
  cells[SHOEBOX_CSV_COLUMN_BOX] = shoebox_box_to_string (shoebox_pair_get_box (pair));
  cells[SHOEBOX_CSV_COLUMN_EXTRAS] = extras;
  cells[SHOEBOX_CSV_COLUMN_STATUS] = shoebox_status_to_string (shoebox_pair_get_status (pair));
  cells[SHOEBOX_CSV_COLUMN_PRICE_PAID] = price;
  cells[SHOEBOX_CSV_COLUMN_CURRENCY] = currency;
  cells[SHOEBOX_CSV_COLUMN_PURCHASE_DATE] = shoebox_pair_get_purchase_date (pair);
  cells[SHOEBOX_CSV_COLUMN_WHERE_BOUGHT] = shoebox_pair_get_where_bought (pair);
  cells[SHOEBOX_CSV_COLUMN_ESTIMATED_VALUE] = estimated;
  cells[SHOEBOX_CSV_COLUMN_STORAGE_LOCATION] = shoebox_pair_get_storage_location (pair);
  cells[SHOEBOX_CSV_COLUMN_TAGS] = tags;
  cells[SHOEBOX_CSV_COLUMN_NOTES] = shoebox_pair_get_notes (pair);
  cells[SHOEBOX_CSV_COLUMN_WEAR_DATES] = wears;

  for (guint column = 0; column < SHOEBOX_CSV_N_COLUMNS; column++)
    {
      if (column > 0)
        g_string_append_c (row, ',');
      append_cell (row, cells[column]);
    }
  g_string_append (row, "\r\n");
}

const char *
shoebox_csv_column_get_name (ShoeboxCsvColumn column)
{
  g_return_val_if_fail (column < SHOEBOX_CSV_N_COLUMNS, NULL);

  return column_names[column];
}

ShoeboxCsvReport *
shoebox_csv_report_ref (ShoeboxCsvReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  g_atomic_ref_count_inc (&report->ref_count);
  return report;
}

void
shoebox_csv_report_unref (ShoeboxCsvReport *report)
{
  g_return_if_fail (report != NULL);

  if (!g_atomic_ref_count_dec (&report->ref_count))
    return;

  g_strfreev (report->headers);
  g_strfreev (report->unknown_columns);
  g_ptr_array_unref (report->pairs);
  g_array_unref (report->pair_lines);
  g_ptr_array_unref (report->problems);
  g_free (report);
}

/**
 * shoebox_csv_report_get_headers:
 * @report: a #ShoeboxCsvReport
 *
 * Returns: (transfer none): the header row as the file has it
 */
const char * const *
shoebox_csv_report_get_headers (ShoeboxCsvReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return (const char * const *) report->headers;
}

/**
 * shoebox_csv_report_get_column_position:
 * @report: a #ShoeboxCsvReport
 * @column: a column of the contract
 *
 * How the file's columns map to fields, for the import preview.
 *
 * Returns: the position of @column in the file (from 0), or -1 when the
 *   file lacks it (its values are then empty)
 */
int
shoebox_csv_report_get_column_position (ShoeboxCsvReport *report,
                                        ShoeboxCsvColumn  column)
{
  g_return_val_if_fail (report != NULL, -1);
  g_return_val_if_fail (column < SHOEBOX_CSV_N_COLUMNS, -1);

  return report->positions[column];
}

/**
 * shoebox_csv_report_get_unknown_columns:
 * @report: a #ShoeboxCsvReport
 *
 * Returns: (transfer none): the header names that are not columns of the
 *   contract (or repeat one): their values are ignored
 */
const char * const *
shoebox_csv_report_get_unknown_columns (ShoeboxCsvReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return (const char * const *) report->unknown_columns;
}

/**
 * shoebox_csv_report_get_n_rows:
 * @report: a #ShoeboxCsvReport
 *
 * Returns: how many rows the file has after its header, not counting
 *   empty lines
 */
guint
shoebox_csv_report_get_n_rows (ShoeboxCsvReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->n_rows;
}

/**
 * shoebox_csv_report_get_n_rejected_rows:
 * @report: a #ShoeboxCsvReport
 *
 * Returns: how many rows have at least one problem
 */
guint
shoebox_csv_report_get_n_rejected_rows (ShoeboxCsvReport *report)
{
  guint n_rejected = 0;
  guint last_line = 0;

  g_return_val_if_fail (report != NULL, 0);

  for (guint i = 0; i < report->problems->len; i++)
    {
      ShoeboxCsvProblem *problem = g_ptr_array_index (report->problems, i);

      if (problem->line != last_line)
        n_rejected++;
      last_line = problem->line;
    }

  return n_rejected;
}

/**
 * shoebox_csv_report_get_pairs:
 * @report: a #ShoeboxCsvReport
 *
 * Returns: (transfer none) (element-type ShoeboxPair): the rows without
 *   problems, as pairs, in the file's order; after an import, those
 *   that landed have their ids
 */
GPtrArray *
shoebox_csv_report_get_pairs (ShoeboxCsvReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return report->pairs;
}

guint
shoebox_csv_report_get_pair_line (ShoeboxCsvReport *report,
                                  guint             index)
{
  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (index < report->pair_lines->len, 0);

  return g_array_index (report->pair_lines, guint, index);
}

/**
 * shoebox_csv_report_get_problems:
 * @report: a #ShoeboxCsvReport
 *
 * Returns: (transfer none) (element-type ShoeboxCsvProblem): every
 *   problem found, by line; a rejected row may have several
 */
GPtrArray *
shoebox_csv_report_get_problems (ShoeboxCsvReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return report->problems;
}

/**
 * shoebox_csv_report_get_n_imported:
 * @report: a #ShoeboxCsvReport
 *
 * Returns: how many pairs the import added; 0 for a preview
 */
guint
shoebox_csv_report_get_n_imported (ShoeboxCsvReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->n_imported;
}

/**
 * shoebox_csv_preview:
 * @contents: a CSV file's bytes
 * @error: return location for a #GError
 *
 * Reads and checks the file without writing anything: the column mapping
 * and every row's problems, for the import preview.
 *
 * Returns: (transfer full): the report, or %NULL with @error set when the
 *   file is not a CSV file Shoebox can read at all
 */
ShoeboxCsvReport *
shoebox_csv_preview (GBytes  *contents,
                     GError **error)
{
  gsize length;
  const char *data;

  g_return_val_if_fail (contents != NULL, NULL);

  data = g_bytes_get_data (contents, &length);
  return parse (data != NULL ? data : "", length, error);
}

/**
 * shoebox_csv_import:
 * @collection: where the pairs go
 * @contents: a CSV file's bytes
 * @error: return location for a #GError
 *
 * Imports the file in one transaction: the good rows land, the bad ones
 * are skipped and listed in the report with their line, field and
 * reason, and nothing else in the collection changes. Silhouettes and
 * brands the catalogue lacks are added.
 *
 * Returns: (transfer full): the report, or %NULL with @error set when the
 *   file could not be read as CSV or the database refused the transaction
 *   (then nothing was imported)
 */
ShoeboxCsvReport *
shoebox_csv_import (ShoeboxCollection  *collection,
                    GBytes             *contents,
                    GError            **error)
{
  g_autoptr(ShoeboxCsvReport) report = NULL;
  ImportData data;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (collection), NULL);
  g_return_val_if_fail (contents != NULL, NULL);

  report = shoebox_csv_preview (contents, error);
  if (report == NULL)
    return NULL;

  data.collection = collection;
  data.report = report;
  if (report->pairs->len > 0)
    {
      if (!shoebox_database_write (shoebox_collection_get_database (collection),
                                   import_in_transaction, &data, error))
        {
          report->n_imported = 0;
          return NULL;
        }
      g_ptr_array_sort (report->problems, compare_problems);
      if (report->n_imported > 0)
        g_signal_emit_by_name (collection, "changed");
    }

  return g_steal_pointer (&report);
}

/**
 * shoebox_csv_import_file:
 * @collection: where the pairs go
 * @file: a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Like shoebox_csv_import(), reading @file first.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
ShoeboxCsvReport *
shoebox_csv_import_file (ShoeboxCollection  *collection,
                         GFile              *file,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) contents = NULL;
  char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (collection), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("It is a folder, not a CSV file"));
      return NULL;
    }
  if (g_file_info_get_size (info) > SHOEBOX_CSV_MAX_FILE_SIZE)
    {
      g_set_error (error, SHOEBOX_CSV_ERROR, SHOEBOX_CSV_ERROR_TOO_LARGE,
                   _("The file is larger than %d MiB"), SHOEBOX_CSV_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;
  contents = g_bytes_new_take (data, length);

  return shoebox_csv_import (collection, contents, error);
}

/**
 * shoebox_csv_export:
 * @collection: the pairs to write
 * @stream: where to write them
 * @n_exported: (out) (optional): how many pairs were written
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes every pair as one row of the CSV contract, in the order they
 * were added, with CRLF line ends (RFC 4180).
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_csv_export (ShoeboxCollection  *collection,
                    GOutputStream      *stream,
                    guint              *n_exported,
                    GCancellable       *cancellable,
                    GError            **error)
{
  static const ShoeboxPairQuery everything = { 0 };
  g_autoptr(GListModel) pairs = NULL;
  g_autoptr(GString) buffer = g_string_new (NULL);
  guint n_pairs;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (collection), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  pairs = shoebox_collection_search (collection, &everything, error);
  if (pairs == NULL)
    return FALSE;

  for (guint column = 0; column < SHOEBOX_CSV_N_COLUMNS; column++)
    {
      if (column > 0)
        g_string_append_c (buffer, ',');
      g_string_append (buffer, column_names[column]);
    }
  g_string_append (buffer, "\r\n");

  n_pairs = g_list_model_get_n_items (pairs);
  for (guint i = 0; i < n_pairs; i++)
    {
      g_autoptr(ShoeboxPair) pair = NULL;

      /* The list keeps what it loaded; the export reads each pair once. */
      pair = shoebox_collection_get_pair (collection,
                                          shoebox_pair_list_get_id (SHOEBOX_PAIR_LIST (pairs), i),
                                          error);
      if (pair == NULL)
        return FALSE;
      append_pair (buffer, pair);

      if (buffer->len >= EXPORT_CHUNK_SIZE || i + 1 == n_pairs)
        {
          if (!g_output_stream_write_all (stream, buffer->str, buffer->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (buffer, 0);
        }
    }

  if (buffer->len > 0
      && !g_output_stream_write_all (stream, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;

  if (n_exported != NULL)
    *n_exported = n_pairs;
  return TRUE;
}

/**
 * shoebox_csv_export_file:
 * @collection: the pairs to write
 * @file: the CSV file; replaced as a whole, or left as it was on failure
 * @n_exported: (out) (optional): how many pairs were written
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_csv_export_file (ShoeboxCollection  *collection,
                         GFile              *file,
                         guint              *n_exported,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abort = NULL;

  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (collection), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (!shoebox_csv_export (collection, G_OUTPUT_STREAM (stream), n_exported, cancellable, error))
    {
      /* Closing with a cancelled cancellable drops the temporary file
       * instead of putting it in place of the old one.
       */
      abort = g_cancellable_new ();
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}
