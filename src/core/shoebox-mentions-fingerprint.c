/* shoebox-mentions-fingerprint.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-mentions"

#include "config.h"

#include "shoebox-mentions-private.h"

/* What a scan read, in a few bytes, stored with its result: the launch's
 * scan is skipped when nothing it reads changed since (with 100,000 pairs
 * it normalises every wanted pair: 300 ms of a worker's CPU right after
 * the first frame, for the same result).
 *
 * The catalogue's names and the visible stories are hashed whole, as the
 * scan reads them (a few hundred rows each). The pairs are summed up, as
 * reading them is most of the scan's cost; an edit the summary cannot see
 * (the same pair edited twice in one second, before the rescan the
 * edit asks for) makes the service forget the fingerprint on quit
 * (shoebox_mentions_forget_fingerprint()).
 */

/* A new matching rule changes this: every stored result is then stale. */
#define MATCHING_VERSION "1"

static gboolean
hash_rows (ShoeboxDatabase  *database,
           MentionsSql       sql,
           GChecksum        *checksum,
           guint            *n_rows,
           GError          **error)
{
  g_autoptr(ShoeboxStatement) stmt = _shoebox_mentions_prepare (database, sql, error);
  gboolean ok, has_row;

  *n_rows = 0;
  if (stmt == NULL)
    return FALSE;
  while ((ok = shoebox_database_step_row (database, stmt, &has_row, error)) && has_row)
    {
      ++*n_rows;
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = shoebox_statement_column_text (stmt, i);

          /* Each value with its length: no two rows hash alike by moving a
           * boundary. NULL is told from the empty text.
           */
          if (text == NULL)
            g_checksum_update (checksum, (const guchar *) "N", 1);
          else
            {
              g_autofree char *length = g_strdup_printf ("%zu:", strlen (text));

              g_checksum_update (checksum, (const guchar *) length, -1);
              g_checksum_update (checksum, (const guchar *) text, -1);
            }
        }
    }
  return ok;
}

/* Call it before the scan reads: a change meanwhile then makes the stored
 * fingerprint older than the result, and the next scan runs.
 */
char *
_shoebox_mentions_dup_fingerprint (ShoeboxDatabase  *database,
                                   GError          **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint n_stories, n_rows;

  g_checksum_update (checksum, (const guchar *) MATCHING_VERSION, -1);
  if (!hash_rows (database, MENTIONS_SQL_VISIBLE_ITEMS, checksum, &n_stories, error))
    return NULL;
  /* Without a story nothing is found, whatever the pairs: their summary,
   * a read of the whole table, would change nothing.
   */
  if (n_stories > 0
      && (!hash_rows (database, MENTIONS_SQL_PAIRS_SUMMARY, checksum, &n_rows, error)
          || !hash_rows (database, MENTIONS_SQL_SILHOUETTE_NAMES, checksum, &n_rows, error)))
    return NULL;

  return g_strdup (g_checksum_get_string (checksum));
}

/* Returns: (nullable): the fingerprint of the last scan stored */
char *
_shoebox_mentions_dup_stored_fingerprint (ShoeboxDatabase *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxStatement) stmt = _shoebox_mentions_prepare (database, MENTIONS_SQL_STORED_FINGERPRINT, &error);
  gboolean has_row;

  if (stmt == NULL || !shoebox_database_step_row (database, stmt, &has_row, &error) || !has_row)
    return NULL;
  return g_strdup (shoebox_statement_column_text (stmt, 0));
}
