/* shoebox-fuzz.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What every harness shares: the checks on what the core hands back, and
 * a throwaway database. A check that fails calls abort(), so that libFuzzer
 * keeps the input as a crash.
 */

#include "config.h"

#include <libxml/xmlerror.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shoebox-fuzz.h"

static void
ignore_xml_error (void       *context,
                  const char *message,
                  ...)
{
}

/* GLib's own way of making these fatal raises SIGTRAP, which libFuzzer
 * does not catch: it would stop without keeping the input. abort() it is.
 */
static GLogWriterOutput
write_log (GLogLevelFlags   log_level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return output;
}

/**
 * shoebox_fuzz_init:
 *
 * Called first by every harness, once per process: a critical or a
 * warning is a broken promise of the core (a g_return_if_fail() that
 * fired, say), so it aborts like a sanitizer finding does; libxml2's
 * messages about broken documents, which are the fuzzer's daily bread,
 * are dropped so the fuzzer's own output stays readable.
 */
void
shoebox_fuzz_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      g_log_set_writer_func (write_log, NULL, NULL);
      xmlSetGenericErrorFunc (NULL, ignore_xml_error);
      g_once_init_leave (&initialized, 1);
    }
}

void
shoebox_fuzz_fail (const char *what,
                   const char *problem)
{
  fprintf (stderr, "shoebox-fuzz: %s %s\n", what, problem);
  abort ();
}

/**
 * shoebox_fuzz_check_text:
 * @what: the field, for the message
 * @text: (nullable): a string the core returned
 * @max_bytes: the cap the core promises, 0 for none
 * @one_line: whether the core promises a single line
 *
 * Aborts unless @text is valid UTF-8 within @max_bytes (and without line
 * breaks when @one_line).
 */
void
shoebox_fuzz_check_text (const char *what,
                         const char *text,
                         gsize       max_bytes,
                         gboolean    one_line)
{
  gsize length;

  if (text == NULL)
    return;

  length = strlen (text);
  if (!g_utf8_validate_len (text, length, NULL))
    shoebox_fuzz_fail (what, "is not valid UTF-8");
  if (max_bytes > 0 && length > max_bytes)
    shoebox_fuzz_fail (what, "is longer than its cap");
  if (one_line && strpbrk (text, "\r\n") != NULL)
    shoebox_fuzz_fail (what, "has a line break");
}

static void
copy_database (sqlite3 *from,
               sqlite3 *to)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");

  if (backup == NULL)
    shoebox_fuzz_fail ("copying a database", sqlite3_errmsg (to));
  if (sqlite3_backup_step (backup, -1) != SQLITE_DONE)
    shoebox_fuzz_fail ("copying a database", sqlite3_errmsg (to));
  sqlite3_backup_finish (backup);
}

/**
 * shoebox_fuzz_check_error:
 * @what: what failed, for the message
 * @error: (nullable): the error it set
 *
 * Aborts unless a refusal came with an error the app can show.
 */
void
shoebox_fuzz_check_error (const char   *what,
                          const GError *error)
{
  if (error == NULL)
    shoebox_fuzz_fail (what, "set no error");
  shoebox_fuzz_check_text ("error message", error->message, 0, FALSE);
}

/* The input as a C string, for the APIs that take one: cut at the first
 * NUL, as a caller reading a file into a string would.
 */
char *
shoebox_fuzz_dup_string (const guint8 *data,
                         gsize         size)
{
  return g_strndup ((const char *) data, size);
}

/* A migrated database is kept aside once, and copied back over the one
 * the harness uses before each input: opening and migrating a database
 * for every input would make those harnesses a hundred times slower.
 */
static sqlite3 *
open_pristine_copy (ShoeboxDatabase *database)
{
  sqlite3 *pristine = NULL;

  if (sqlite3_open (":memory:", &pristine) != SQLITE_OK)
    shoebox_fuzz_fail ("a database in memory", sqlite3_errmsg (pristine));
  copy_database (shoebox_database_get_handle (database), pristine);
  return pristine;
}

/**
 * shoebox_fuzz_open_database:
 *
 * The database in memory, reset to the empty one this build creates:
 * each input starts from the same state, and nothing is left on disk.
 * Objects made on it (a collection, a news store) must be made anew for
 * each input, since they may cache what it held.
 *
 * Returns: (transfer full): the database
 */
ShoeboxDatabase *
shoebox_fuzz_open_database (void)
{
  static ShoeboxDatabase *database;
  static sqlite3 *pristine;

  if (database == NULL)
    {
      g_autoptr(GError) error = NULL;

      database = shoebox_database_open (":memory:", &error);
      if (database == NULL)
        shoebox_fuzz_fail ("a database in memory", error->message);
      pristine = open_pristine_copy (database);
    }
  else
    copy_database (pristine, shoebox_database_get_handle (database));

  return g_object_ref (database);
}
