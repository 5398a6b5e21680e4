/* shoebox-csv-parse-ahead.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-csv"

#include "config.h"

#include "shoebox-csv-private.h"
#include "shoebox-pair-private.h"

/* The import reads its file on a thread of its own while it writes the
 * rows read so far. Reading 100,000 rows into pairs takes about a quarter
 * of a second, writing and indexing them about six times that: one after
 * the other they add up, side by side on two cores the reading is hidden
 * behind the writing.
 *
 * The rows come out in the file's order and are the ones
 * shoebox_csv_preview() lists: the same parser reads them. The thread
 * also checks each pair's values as saving it would, so the writer has
 * less to do. The report's pairs and their lines, and those checks'
 * errors, are shared under the mutex; the report's problems and row
 * count are the reading thread's alone until it is done.
 */

/* Rows are handed over in batches: one lock per batch, not per row. */
#define BATCH_SIZE 128

struct _ShoeboxCsvParseAhead
{
  GBytes           *contents;
  ShoeboxCsvParser *parser;
  GPtrArray        *invalid; /* GError or NULL, for each of the report's pairs */
  GThread          *thread;

  GMutex            mutex;
  GCond             cond;
  gboolean          done;
};

static ShoeboxCsvReport *
report_of (ShoeboxCsvParseAhead *ahead)
{
  return _shoebox_csv_parser_get_report (ahead->parser);
}

static void
error_free_nullable (gpointer error)
{
  if (error != NULL)
    g_error_free (error);
}

static void
publish (ShoeboxCsvParseAhead *ahead,
         GPtrArray            *pairs,
         GArray               *lines,
         GPtrArray            *invalid,
         gboolean              done)
{
  ShoeboxCsvReport *report = report_of (ahead);

  g_mutex_lock (&ahead->mutex);
  for (guint i = 0; i < pairs->len; i++)
    {
      g_ptr_array_add (report->pairs, g_ptr_array_index (pairs, i));
      g_ptr_array_add (ahead->invalid, g_ptr_array_index (invalid, i));
    }
  g_array_append_vals (report->pair_lines, lines->data, lines->len);
  ahead->done = done;
  g_cond_broadcast (&ahead->cond);
  g_mutex_unlock (&ahead->mutex);

  g_ptr_array_set_size (pairs, 0);
  g_array_set_size (lines, 0);
  g_ptr_array_set_size (invalid, 0);
}

static gpointer
read_rows (gpointer data)
{
  ShoeboxCsvParseAhead *ahead = data;
  g_autoptr(GPtrArray) pairs = g_ptr_array_sized_new (BATCH_SIZE);
  g_autoptr(GArray) lines = g_array_sized_new (FALSE, FALSE, sizeof (guint), BATCH_SIZE);
  g_autoptr(GPtrArray) invalid = g_ptr_array_sized_new (BATCH_SIZE);
  ShoeboxPair *pair;
  guint line;

  while ((pair = _shoebox_csv_parser_next (ahead->parser, &line)) != NULL)
    {
      GError *error = NULL;

      _shoebox_pair_validate_on (pair, _shoebox_csv_parser_get_today (ahead->parser), &error);
      g_ptr_array_add (pairs, pair);
      g_array_append_val (lines, line);
      g_ptr_array_add (invalid, error);
      if (pairs->len == BATCH_SIZE)
        publish (ahead, pairs, lines, invalid, FALSE);
    }

  /* Past this the thread touches nothing the others read. */
  publish (ahead, pairs, lines, invalid, TRUE);
  return NULL;
}

/**
 * _shoebox_csv_parse_ahead_start:
 * @contents: the file
 * @error: return location for a #GError
 *
 * Reads the header at once, so that a file Shoebox cannot read fails
 * here, then the rows on a thread.
 *
 * Returns: (transfer full) (nullable): the rows to come
 */
ShoeboxCsvParseAhead *
_shoebox_csv_parse_ahead_start (GBytes  *contents,
                                GError **error)
{
  ShoeboxCsvParseAhead *ahead;
  ShoeboxCsvParser *parser;
  gsize length;
  const char *data = g_bytes_get_data (contents, &length);

  parser = _shoebox_csv_parser_new (data != NULL ? data : "", length, error);
  if (parser == NULL)
    return NULL;

  ahead = g_new0 (ShoeboxCsvParseAhead, 1);
  ahead->contents = g_bytes_ref (contents);
  ahead->parser = parser;
  ahead->invalid = g_ptr_array_new_with_free_func (error_free_nullable);
  g_mutex_init (&ahead->mutex);
  g_cond_init (&ahead->cond);

  ahead->thread = g_thread_try_new ("shoebox-csv-read", read_rows, ahead, NULL);
  /* Without a thread the rows are read here, first: slower, not wrong. */
  if (ahead->thread == NULL)
    read_rows (ahead);

  return ahead;
}

/**
 * _shoebox_csv_parse_ahead_get:
 * @ahead: the rows
 * @index: a row's place among the pairs, from 0
 * @invalid: (out) (transfer none) (optional): why the pair cannot be
 *   saved as it is (shoebox_pair_validate()), or %NULL
 *
 * Waits until the pair at @index is read, or the file has no more.
 *
 * Returns: (transfer none) (nullable): the pair, or %NULL past the last
 */
ShoeboxPair *
_shoebox_csv_parse_ahead_get (ShoeboxCsvParseAhead  *ahead,
                              guint                  index,
                              const GError         **invalid)
{
  GPtrArray *pairs = report_of (ahead)->pairs;
  ShoeboxPair *pair = NULL;
  const GError *error = NULL;

  g_mutex_lock (&ahead->mutex);
  while (index >= pairs->len && !ahead->done)
    g_cond_wait (&ahead->cond, &ahead->mutex);
  if (index < pairs->len)
    {
      pair = g_ptr_array_index (pairs, index);
      error = g_ptr_array_index (ahead->invalid, index);
    }
  g_mutex_unlock (&ahead->mutex);

  if (invalid != NULL)
    *invalid = error;

  return pair;
}

/**
 * _shoebox_csv_parse_ahead_wait:
 * @ahead: the rows
 *
 * Waits until every row is read.
 *
 * Returns: (transfer none): the whole report, as shoebox_csv_preview()
 *   would give it
 */
ShoeboxCsvReport *
_shoebox_csv_parse_ahead_wait (ShoeboxCsvParseAhead *ahead)
{
  if (ahead->thread != NULL)
    g_thread_join (g_steal_pointer (&ahead->thread));

  return report_of (ahead);
}

void
_shoebox_csv_parse_ahead_free (ShoeboxCsvParseAhead *ahead)
{
  _shoebox_csv_parse_ahead_wait (ahead);
  g_clear_pointer (&ahead->parser, _shoebox_csv_parser_free);
  g_clear_pointer (&ahead->invalid, g_ptr_array_unref);
  g_clear_pointer (&ahead->contents, g_bytes_unref);
  g_mutex_clear (&ahead->mutex);
  g_cond_clear (&ahead->cond);
  g_free (ahead);
}
