/* shoebox-csv-parse.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shoebox-csv-private.h"
#include "shoebox-money.h"

/* Reading a CSV file: its records (RFC 4180), its header and each row
 * turned into a pair or into the problems that keep it out.
 */

typedef struct
{
  const char *data;
  gsize       length;
  gsize       position;
  guint       line; /* the physical line at position, from 1 */
} Reader;

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static GString *
next_field (GPtrArray *fields,
            guint     *n_fields)
{
  /* Past the cap every field goes into one spare string: a record of a
   * million fields is counted, not kept.
   */
  guint index = MIN (*n_fields, SHOEBOX_CSV_MAX_COLUMNS);
  GString *field;

  if (index == fields->len)
    g_ptr_array_add (fields, g_string_new (NULL));

  field = g_ptr_array_index (fields, index);
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
  _shoebox_csv_add_problem (row->report, row->line, column < SHOEBOX_CSV_N_COLUMNS ? _shoebox_csv_column_names[column] : NULL, reason);
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

  if (n_fields > SHOEBOX_CSV_MAX_COLUMNS)
    {
      g_set_error (error, SHOEBOX_CSV_ERROR, SHOEBOX_CSV_ERROR_TOO_MANY_COLUMNS,
                   ngettext ("The first line has %u column: Shoebox reads files of up to %u columns",
                             "The first line has %u columns: Shoebox reads files of up to %u columns",
                             n_fields),
                   n_fields, SHOEBOX_CSV_MAX_COLUMNS);
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
          if (g_str_equal (name, _shoebox_csv_column_names[column]) && report->positions[column] < 0)
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

struct _ShoeboxCsvParser
{
  ShoeboxCsvReport *report;
  GPtrArray        *fields;
  GDate            *today;
  Reader            reader;
  guint             n_headers;
};

/**
 * _shoebox_csv_parser_new:
 * @data: the file's bytes; they must outlive the parser
 * @length: their length
 * @error: return location for a #GError
 *
 * Reads the header: a file Shoebox cannot read at all fails here, before
 * any row.
 *
 * Returns: (transfer full) (nullable): the parser, at the first row
 */
ShoeboxCsvParser *
_shoebox_csv_parser_new (const char  *data,
                         gsize        length,
                         GError     **error)
{
  g_autoptr(ShoeboxCsvParser) parser = NULL;

  if (length > SHOEBOX_CSV_MAX_FILE_SIZE)
    {
      g_set_error (error, SHOEBOX_CSV_ERROR, SHOEBOX_CSV_ERROR_TOO_LARGE,
                   _("The file is larger than %d MiB"), SHOEBOX_CSV_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  parser = g_new0 (ShoeboxCsvParser, 1);
  parser->report = _shoebox_csv_report_new ();
  parser->fields = g_ptr_array_new_with_free_func (string_free);
  parser->today = g_date_new ();
  parser->reader = (Reader) { data, length, 0, 1 };
  g_date_set_time_t (parser->today, time (NULL));

  if (!read_header (parser->report, &parser->reader, parser->fields, error))
    return NULL;
  parser->n_headers = g_strv_length (parser->report->headers);

  return g_steal_pointer (&parser);
}

/**
 * _shoebox_csv_parser_get_report:
 * @parser: a parser
 *
 * The report the parser fills: its header, and the problems of the rows
 * read so far. The rows' pairs are for the caller to keep.
 *
 * Returns: (transfer none): the report
 */
ShoeboxCsvReport *
_shoebox_csv_parser_get_report (ShoeboxCsvParser *parser)
{
  return parser->report;
}

/* The day a date in the file may not be after, read once per file. */
const GDate *
_shoebox_csv_parser_get_today (ShoeboxCsvParser *parser)
{
  return parser->today;
}

/**
 * _shoebox_csv_parser_next:
 * @parser: a parser
 * @line: (out): the physical line where the row starts
 *
 * Reads rows up to the next one without problems; the report gets the
 * problems of the others on the way.
 *
 * Returns: (transfer full) (nullable): the row's pair, or %NULL at the
 *   end of the file
 */
ShoeboxPair *
_shoebox_csv_parser_next (ShoeboxCsvParser *parser,
                          guint            *line)
{
  ShoeboxCsvReport *report = parser->report;
  GPtrArray *fields = parser->fields;
  const char *problem;
  guint n_fields;

  while (read_record (&parser->reader, fields, &n_fields, line, &problem))
    {
      const char *cells[SHOEBOX_CSV_N_COLUMNS];
      Row row = { report, *line, FALSE };
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

      if (n_fields != parser->n_headers)
        {
          g_autofree char *reason = g_strdup_printf (ngettext ("The row has %u field; the header has %u",
                                                               "The row has %u fields; the header has %u",
                                                               n_fields),
                                                     n_fields, parser->n_headers);
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

      pair = parse_row (&row, cells, parser->today);
      if (pair != NULL)
        return pair;
    }

  return NULL;
}

void
_shoebox_csv_parser_free (ShoeboxCsvParser *parser)
{
  g_clear_pointer (&parser->report, shoebox_csv_report_unref);
  g_ptr_array_unref (parser->fields);
  g_date_free (parser->today);
  g_free (parser);
}

ShoeboxCsvReport *
_shoebox_csv_parse (const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(ShoeboxCsvParser) parser = _shoebox_csv_parser_new (data, length, error);
  ShoeboxCsvReport *report;
  ShoeboxPair *pair;
  guint line;

  if (parser == NULL)
    return NULL;

  report = parser->report;
  while ((pair = _shoebox_csv_parser_next (parser, &line)) != NULL)
    {
      g_ptr_array_add (report->pairs, pair);
      g_array_append_val (report->pair_lines, line);
    }

  return shoebox_csv_report_ref (report);
}
