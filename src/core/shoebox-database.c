/* shoebox-database.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-database"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "shoebox-database-private.h"
#include "shoebox-disk-space.h"
#include "shoebox-migrations.h"

/* The first 100 bytes of every SQLite file: the magic string, and the
 * schema's user_version as a big-endian integer at offset 60.
 * https://www.sqlite.org/fileformat.html#the_database_header
 */
#define SQLITE_HEADER_SIZE         100
#define SQLITE_MAGIC               "SQLite format 3"
#define SQLITE_USER_VERSION_OFFSET 60

#define BUSY_TIMEOUT_MS 5000

/* What opening needs free on the disk when SQLite has to create the -wal
 * and -shm files: the shared-memory index maps 32 KiB, and the first
 * write appends to the log. With less, SQLite fails half-way through
 * opening ("disk I/O error") and leaves both files behind as stubs.
 */
#define MIN_FREE_BYTES_TO_OPEN (256 * 1024)

struct _ShoeboxDatabase
{
  GObject     parent_instance;

  sqlite3    *handle;
  char       *path;
  GHashTable *statements; /* SQL text → sqlite3_stmt, prepared once */
  GHashTable *contexts;   /* sqlite3_stmt → what its failure is worded as */
  guint       schema_version;
  gboolean    in_transaction;
};

G_DEFINE_FINAL_TYPE (ShoeboxDatabase, shoebox_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (shoebox-database-error-quark, shoebox_database_error)

static int
error_code_from_sqlite (int result)
{
  switch (result & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return SHOEBOX_DATABASE_ERROR_BUSY;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return SHOEBOX_DATABASE_ERROR_CORRUPT;

    case SQLITE_CONSTRAINT:
      return SHOEBOX_DATABASE_ERROR_CONSTRAINT;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      return SHOEBOX_DATABASE_ERROR_READ_ONLY;

    default:
      return SHOEBOX_DATABASE_ERROR_FAILED;
    }
}

static void
set_disk_full_error (GError    **error,
                     const char *path)
{
  g_set_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_DISK_FULL,
               _("The disk is full: there is no room left for “%s”. Your "
                 "collection is as it was; free some space, then try again."),
               path);
}

/* SQLite says SQLITE_FULL when a write finds the disk full, but only
 * "disk I/O error" when it cannot even allocate its shared-memory index:
 * the errno behind that tells.
 */
static gboolean
is_disk_full (sqlite3 *handle,
              int      result)
{
  if ((result & 0xff) == SQLITE_FULL)
    return TRUE;

  return (result & 0xff) == SQLITE_IOERR
         && handle != NULL
         && shoebox_disk_space_is_full_errno (sqlite3_system_errno (handle));
}

static void
set_too_new_error (GError    **error,
                   const char *path,
                   guint       found,
                   guint       latest)
{
  g_set_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_TOO_NEW,
               _("“%s” was saved by a newer version of Shoebox (database "
                 "version %u; this version understands up to %u). Update "
                 "Shoebox to open it. The file has not been changed."),
               path, found, latest);
}

/* Reads the header with plain file I/O, before SQLite opens anything: a
 * file that is not SQLite, or that a newer Shoebox wrote, is refused
 * without a single byte written, not even a journal-mode change or a
 * -wal/-shm file next to it.
 */
static gboolean
check_header (const char  *path,
              guint        latest_version,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 header[SQLITE_HEADER_SIZE];
  gsize n_read = 0;
  guint user_version;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE; /* A first start: SQLite creates the file. */

      g_set_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_FAILED,
                   _("The database “%s” could not be read: %s"),
                   path, local_error->message);
      return FALSE;
    }

  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header,
                                &n_read, NULL, &local_error))
    {
      g_set_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_FAILED,
                   _("The database “%s” could not be read: %s"),
                   path, local_error->message);
      return FALSE;
    }

  /* SQLite treats an empty file as a new, empty database. */
  if (n_read == 0)
    return TRUE;

  if (n_read < sizeof header || memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    {
      g_set_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_CORRUPT,
                   _("“%s” is damaged or is not a Shoebox database (it is not "
                     "an SQLite file). Shoebox has not changed it: restore it "
                     "from a backup, or move it away to start a new collection."),
                   path);
      return FALSE;
    }

  user_version = ((guint) header[SQLITE_USER_VERSION_OFFSET] << 24)
                 | ((guint) header[SQLITE_USER_VERSION_OFFSET + 1] << 16)
                 | ((guint) header[SQLITE_USER_VERSION_OFFSET + 2] << 8)
                 | (guint) header[SQLITE_USER_VERSION_OFFSET + 3];
  if (user_version > latest_version)
    {
      set_too_new_error (error, path, user_version, latest_version);
      return FALSE;
    }

  return TRUE;
}

static gboolean
exec_sql (ShoeboxDatabase  *self,
          const char       *sql,
          GError          **error)
{
  int result = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);

  if (result != SQLITE_OK)
    {
      shoebox_database_set_handle_error (self->handle, result, self->path, NULL, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_uint (ShoeboxDatabase  *self,
            const char       *sql,
            guint            *value,
            GError          **error)
{
  g_autoptr(ShoeboxStatement) stmt = shoebox_database_prepare (self, sql, error);
  gint64 read;

  if (stmt == NULL || !shoebox_database_query_int64 (self, stmt, &read, error))
    return FALSE;

  *value = (guint) read;
  return TRUE;
}

typedef struct
{
  const char *sql;
  guint       version;
} MigrationStep;

static gboolean
run_migration_step (ShoeboxDatabase  *self,
                    gpointer          user_data,
                    GError          **error)
{
  const MigrationStep *step = user_data;
  g_autofree char *set_version = NULL;
  guint current;
  guint n_broken;

  /* Another Shoebox (the command line, say) may have migrated between our
   * read and this transaction's lock: look again under the lock.
   */
  if (!query_uint (self, "PRAGMA user_version", &current, error))
    return FALSE;
  if (current >= step->version)
    return TRUE;

  if (!exec_sql (self, step->sql, error))
    return FALSE;

  /* Foreign keys are off during the step (see migrate()): check them all
   * before the commit.
   */
  if (!query_uint (self, "SELECT count(*) FROM pragma_foreign_key_check", &n_broken, error))
    return FALSE;
  if (n_broken > 0)
    {
      g_set_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_CONSTRAINT,
                   _("Rows that point to missing rows: %u."), n_broken);
      return FALSE;
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %u", step->version);
  return exec_sql (self, set_version, error);
}

static gboolean
migrate (ShoeboxDatabase     *self,
         const char * const  *migrations,
         guint                n_migrations,
         GError             **error)
{
  guint current;

  if (!query_uint (self, "PRAGMA user_version", &current, error))
    return FALSE;

  /* A step that rebuilds a table (SQLite's way: new table, copy, drop,
   * rename) must not have the drop delete the rows that point to it, nor
   * the rename rewrite their references: foreign keys are off for the
   * steps, and each checks them all before it commits. The pragma does
   * nothing inside a transaction, hence here.
   */
  if (current < n_migrations && !exec_sql (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  for (guint version = current + 1; version <= n_migrations; version++)
    {
      MigrationStep step = { migrations[version - 1], version };

      if (!shoebox_database_write (self, run_migration_step, &step, error))
        {
          g_prefix_error (error, _("Upgrading the database to version %u failed: "), version);
          exec_sql (self, "PRAGMA foreign_keys = ON", NULL);
          return FALSE;
        }
    }

  if (!exec_sql (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  if (!query_uint (self, "PRAGMA user_version", &self->schema_version, error))
    return FALSE;

  return TRUE;
}

/* Sets up a connection that was just opened, and reads the schema version
 * it finds into self->schema_version; nothing is migrated here.
 */
static gboolean
configure (ShoeboxDatabase  *self,
           guint             latest_version,
           const char       *synchronous,
           GError          **error)
{
  guint n_tables;
  int result;

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);
  result = _shoebox_database_add_id_collector (self->handle);
  if (result != SQLITE_OK)
    return shoebox_database_set_error (self, result, NULL, error);

  /* Read before any write: the header check above misses a version that
   * is still only in a -wal file, and reading the schema is what finds a
   * damaged file whose first page looks fine.
   */
  if (!query_uint (self, "PRAGMA user_version", &self->schema_version, error))
    return FALSE;
  if (self->schema_version > latest_version)
    {
      set_too_new_error (error, self->path, self->schema_version, latest_version);
      return FALSE;
    }
  if (!query_uint (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return FALSE;

  /* WAL lets the news fetcher write while the window reads, and a worker
   * thread read or write on a connection of its own. A crash of Shoebox
   * loses no commit either way; the level only matters across a power
   * cut (see shoebox_database_open() and _open_another()).
   */
  return exec_sql (self, "PRAGMA journal_mode = WAL", error)
         && exec_sql (self, synchronous, error)
         && exec_sql (self, "PRAGMA foreign_keys = ON", error);
}

/* Without a -wal file, SQLite creates it and the -shm file as it opens;
 * on a disk with no room for them it would leave both behind, empty.
 * With a -wal file, another connection has them already.
 */
static gboolean
has_room_to_open (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *folder = NULL;

  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    return TRUE;

  folder = g_path_get_dirname (path);
  return shoebox_disk_space_has_room (folder, MIN_FREE_BYTES_TO_OPEN);
}

/* The steps both ways of opening share: the header check, the connection
 * itself with @flags, and configure() with the PRAGMA @synchronous.
 */
static ShoeboxDatabase *
open_connection (const char  *path,
                 int          flags,
                 guint        latest_version,
                 const char  *synchronous,
                 GError     **error)
{
  g_autoptr(ShoeboxDatabase) self = NULL;
  int result;

  if (!check_header (path, latest_version, error))
    return NULL;

  if (!has_room_to_open (path))
    {
      set_disk_full_error (error, path);
      return NULL;
    }

  self = g_object_new (SHOEBOX_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  /* NOMUTEX: a connection is only ever used by the thread that opened
   * it (shoebox_database_open_another() gives each worker its own), so
   * SQLite's lock around every call on it guards nothing. Taking and
   * releasing it at each step and column read was 16 M of the 83 M
   * instructions of a search that finds 100,000 pairs (callgrind).
   */
  result = sqlite3_open_v2 (path, &self->handle,
                            flags | SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX, NULL);
  if (result != SQLITE_OK)
    {
      shoebox_database_set_handle_error (self->handle, result, path, NULL, error);
      return NULL;
    }

  if (!configure (self, latest_version, synchronous, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
statement_free (gpointer data)
{
  sqlite3_finalize (data);
}

static void
shoebox_database_finalize (GObject *object)
{
  ShoeboxDatabase *self = SHOEBOX_DATABASE (object);

  shoebox_database_close (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->contexts, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (shoebox_database_parent_class)->finalize (object);
}

static void
shoebox_database_class_init (ShoeboxDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shoebox_database_finalize;
}

static void
shoebox_database_init (ShoeboxDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, statement_free);
  self->contexts = g_hash_table_new (NULL, NULL);
}

/**
 * shoebox_database_dup_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/shoebox/shoebox.db`
 */
char *
shoebox_database_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "shoebox", "shoebox.db", NULL);
}

static gboolean
ensure_writable_folder (const char  *folder,
                        GError     **error)
{
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_READ_ONLY,
                   _("Shoebox cannot create its data folder “%s”: %s. Check "
                     "that you may write to the folder that holds it."),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_access (folder, W_OK) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_READ_ONLY,
                   _("Shoebox cannot write to its data folder “%s”: %s. Your "
                     "collection can only be kept in a folder you may write to."),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * shoebox_database_set_up_process:
 *
 * Sets up SQLite for a program that does not read its memory
 * statistics: the app and its benchmarks, before their first database.
 *
 * By default SQLite counts every allocation and free it makes, under a
 * lock every thread shares: 5.7 % of the instructions of the thread that
 * writes a 20,000-row CSV import went to that count (callgrind,
 * `shoebox --import-csv`), which nothing in Shoebox reads. The tests keep it: one checks the memory an
 * archive restore uses by it.
 */
void
shoebox_database_set_up_process (void)
{
  /* Refused (SQLITE_MISUSE) once SQLite is in use: harmless, as the
   * count is then only kept.
   */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
}

/**
 * shoebox_database_open_default:
 * @error: return location for a #GError
 *
 * Opens the user's database, creating its folder and the file on first
 * start, and upgrades its schema to the newest version.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
ShoeboxDatabase *
shoebox_database_open_default (GError **error)
{
  g_autofree char *path = shoebox_database_dup_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);

  if (!ensure_writable_folder (folder, error))
    return NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_access (path, W_OK) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_READ_ONLY,
                   _("Shoebox cannot write to its database “%s”: %s."),
                   path, g_strerror (saved_errno));
      return NULL;
    }

  return shoebox_database_open (path, error);
}

/**
 * shoebox_database_open:
 * @path: the database file; created if it does not exist
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the database at the newest schema version, or
 *   %NULL with @error set; a refused file is left as it was
 */
ShoeboxDatabase *
shoebox_database_open (const char  *path,
                       GError     **error)
{
  const char * const *migrations;
  guint n_migrations;

  migrations = shoebox_migrations_get (&n_migrations);
  return shoebox_database_open_with_migrations (path, migrations, n_migrations, error);
}

/**
 * shoebox_database_open_with_migrations:
 * @path: the database file; created if it does not exist
 * @migrations: (array length=n_migrations): the schema steps, oldest first
 * @n_migrations: how many steps there are; also the newest version
 * @error: return location for a #GError
 *
 * Like shoebox_database_open(), with a schema of the caller's: tests use it
 * to check upgrades from every older version and a failing step.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
ShoeboxDatabase *
shoebox_database_open_with_migrations (const char          *path,
                                       const char * const  *migrations,
                                       guint                n_migrations,
                                       GError             **error)
{
  g_autoptr(ShoeboxDatabase) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (migrations != NULL || n_migrations == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* This is the connection of the window's single edits, which the
   * collector makes one at a time and expects to stay: FULL syncs the log
   * at every commit, so an edit Shoebox said was saved survives a power
   * cut too. NORMAL would sync only at checkpoints and could lose the
   * last edits. It costs a few milliseconds per edit (tests/bench-durability.c).
   */
  self = open_connection (path, SQLITE_OPEN_CREATE, n_migrations, "PRAGMA synchronous = FULL", error);
  if (self == NULL || !migrate (self, migrations, n_migrations, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * shoebox_database_open_another:
 * @path: a database that shoebox_database_open() opened and upgraded,
 *   usually shoebox_database_get_path() of the main connection
 * @error: return location for a #GError
 *
 * Opens a second connection to the same file, for work done in another
 * thread: a connection and its cached statements must never be used by
 * two threads, and in WAL mode a reader on this connection does not wait
 * for the other one, nor the other one for it. Nothing is created,
 * migrated or loaded: a missing file, or a schema other than the one
 * this build writes, is refused. The connection syncs the log only at
 * checkpoints (`synchronous=NORMAL`), for bulk work; the main connection
 * syncs at every commit.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
ShoeboxDatabase *
shoebox_database_open_another (const char  *path,
                               GError     **error)
{
  g_autoptr(ShoeboxDatabase) self = NULL;
  guint latest = shoebox_database_get_latest_version ();

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Bulk work (imports, the mentions scan) runs here, each job one
   * transaction that can be run again: NORMAL, where a power cut may undo
   * the last of them but never damages the file.
   */
  self = open_connection (path, 0, latest, "PRAGMA synchronous = NORMAL", error);
  if (self == NULL)
    return NULL;

  if (self->schema_version != latest)
    {
      g_set_error (error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_FAILED,
                   _("The database “%s” is at version %u, not %u: this version "
                     "of Shoebox has not upgraded it yet."),
                   path, self->schema_version, latest);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * shoebox_database_get_latest_version:
 *
 * Returns: the schema version this build of Shoebox writes
 */
guint
shoebox_database_get_latest_version (void)
{
  guint n_migrations;

  shoebox_migrations_get (&n_migrations);
  return n_migrations;
}

guint
shoebox_database_get_schema_version (ShoeboxDatabase *self)
{
  g_return_val_if_fail (SHOEBOX_IS_DATABASE (self), 0);

  return self->schema_version;
}

const char *
shoebox_database_get_path (ShoeboxDatabase *self)
{
  g_return_val_if_fail (SHOEBOX_IS_DATABASE (self), NULL);

  return self->path;
}

/**
 * shoebox_database_get_handle:
 * @self: a #ShoeboxDatabase
 *
 * Returns: (transfer none): the SQLite connection, for the repositories in
 *   core; %NULL once closed
 */
sqlite3 *
shoebox_database_get_handle (ShoeboxDatabase *self)
{
  g_return_val_if_fail (SHOEBOX_IS_DATABASE (self), NULL);

  return self->handle;
}

/**
 * shoebox_database_set_handle_error:
 * @handle: (nullable): the connection that failed, if there is one
 * @result: what an SQLite call on @handle returned
 * @path: the file @handle is, as the user knows it
 * @context: (nullable): what was being done, translated, such as “The
 *   collection could not be read or changed”; %NULL for the database itself
 * @error: return location for a #GError
 *
 * The one place that turns an SQLite result into a #GError: every caller,
 * whichever file it works on, says a full disk, a lock held by another
 * Shoebox and a damaged file in the same plain words, with the same
 * #ShoeboxDatabaseError code, after its @context.
 *
 * Returns: %FALSE, so that a caller can `return` it
 */
gboolean
shoebox_database_set_handle_error (sqlite3     *handle,
                                   int          result,
                                   const char  *path,
                                   const char  *context,
                                   GError     **error)
{
  int code = error_code_from_sqlite (result);
  const char *reason = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (result);
  g_autofree char *detail = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (is_disk_full (handle, result))
    {
      set_disk_full_error (error, path);
      return FALSE;
    }

  /* The busy timeout ran out: another Shoebox (the window, or a command
   * line import) holds the write lock for a long transaction. SQLite's
   * "database is locked" tells people nothing they can act on.
   */
  if (code == SHOEBOX_DATABASE_ERROR_BUSY)
    detail = g_strdup (_("Another Shoebox is saving changes to the collection. Try again when it has finished."));
  else if (code == SHOEBOX_DATABASE_ERROR_CORRUPT)
    detail = g_strdup_printf (_("“%s” is damaged or is not a Shoebox database (%s). "
                                "Shoebox has not changed it: restore it from a backup, "
                                "or move it away to start a new collection."),
                              path, reason);
  else if (context == NULL)
    detail = g_strdup_printf (_("The database “%s” could not be used: %s"), path, reason);
  else
    detail = g_strdup (reason);

  if (context != NULL)
    g_set_error (error, SHOEBOX_DATABASE_ERROR, code, "%s: %s", context, detail);
  else
    g_set_error_literal (error, SHOEBOX_DATABASE_ERROR, code, detail);

  return FALSE;
}

/**
 * shoebox_database_set_error:
 * @self: a #ShoeboxDatabase
 * @result: what an SQLite call on @self returned
 * @context: (nullable): what was being done, translated
 * @error: return location for a #GError
 *
 * shoebox_database_set_handle_error() for a connection of ours.
 *
 * Returns: %FALSE
 */
gboolean
shoebox_database_set_error (ShoeboxDatabase  *self,
                            int               result,
                            const char       *context,
                            GError          **error)
{
  g_return_val_if_fail (SHOEBOX_IS_DATABASE (self), FALSE);

  return shoebox_database_set_handle_error (self->handle, result, self->path, context, error);
}

/**
 * shoebox_database_write:
 * @self: a #ShoeboxDatabase
 * @func: the work to do inside the transaction
 * @user_data: data for @func
 * @error: return location for a #GError
 *
 * Runs @func inside `BEGIN IMMEDIATE … COMMIT`. If @func or the commit
 * fails, everything @func did is rolled back and the first error is kept:
 * nothing is ever half-written.
 *
 * Returns: %TRUE if the transaction was committed
 */
gboolean
shoebox_database_write (ShoeboxDatabase           *self,
                        ShoeboxDatabaseWriteFunc   func,
                        gpointer                   user_data,
                        GError                   **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SHOEBOX_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (self->handle != NULL, FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  /* IMMEDIATE takes the write lock now, so a second writer waits on the
   * busy timeout here instead of failing halfway through.
   */
  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_transaction = TRUE;
  if (func (self, user_data, &local_error))
    {
      exec_sql (self, "COMMIT", &local_error);
    }
  else if (local_error == NULL)
    {
      /* A bug of the caller's; still, the transaction must not stay open. */
      g_critical ("%s: the write function failed without an error", G_STRFUNC);
      g_set_error_literal (&local_error, SHOEBOX_DATABASE_ERROR, SHOEBOX_DATABASE_ERROR_FAILED,
                           _("The change could not be saved"));
    }
  self->in_transaction = FALSE;

  if (local_error != NULL)
    {
      /* A failed COMMIT may already have rolled back by itself. */
      if (!sqlite3_get_autocommit (self->handle))
        sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * shoebox_database_exec:
 * @self: a #ShoeboxDatabase
 * @sql: one or more statements without parameters
 * @error: return location for a #GError
 *
 * For fixed SQL only: values always go through bound parameters of
 * shoebox_database_prepare().
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_database_exec (ShoeboxDatabase  *self,
                       const char       *sql,
                       GError          **error)
{
  g_return_val_if_fail (SHOEBOX_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);
  g_return_val_if_fail (self->handle != NULL, FALSE);

  return exec_sql (self, sql, error);
}

/**
 * shoebox_database_prepare:
 * @self: a #ShoeboxDatabase
 * @sql: one statement, with `?` parameters for every value
 * @error: return location for a #GError
 *
 * Statements are prepared once and kept: the same @sql gives back the same
 * statement, reset and with its bindings cleared.
 *
 * Returns: (transfer none): the statement, or %NULL with @error set
 */
ShoeboxStatement *
shoebox_database_prepare (ShoeboxDatabase  *self,
                          const char       *sql,
                          GError          **error)
{
  return shoebox_database_prepare_for (self, sql, NULL, error);
}

/**
 * shoebox_database_prepare_for:
 * @self: a #ShoeboxDatabase
 * @sql: one statement, with `?` parameters for every value
 * @context: (nullable): what a failure of the statement is worded as (see
 *   shoebox_database_set_error()); a static, translated string
 * @error: return location for a #GError
 *
 * Like shoebox_database_prepare(); the step and query helpers then word
 * the statement's failures with @context.
 *
 * Returns: (transfer none): the statement, or %NULL with @error set
 */
ShoeboxStatement *
shoebox_database_prepare_for (ShoeboxDatabase  *self,
                              const char       *sql,
                              const char       *context,
                              GError          **error)
{
  sqlite3_stmt *stmt;
  int result;

  g_return_val_if_fail (SHOEBOX_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);
  g_return_val_if_fail (self->handle != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      shoebox_statement_release (stmt);
    }
  else
    {
      result = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
      if (result != SQLITE_OK)
        {
          shoebox_database_set_handle_error (self->handle, result, self->path, context, error);
          return NULL;
        }
      g_hash_table_insert (self->statements, g_strdup (sql), stmt);
    }

  if (context != NULL)
    g_hash_table_insert (self->contexts, stmt, (gpointer) context);
  else
    g_hash_table_remove (self->contexts, stmt);

  return stmt;
}

/**
 * shoebox_database_close:
 * @self: a #ShoeboxDatabase
 *
 * Closes the connection now rather than at the last unref. SQLite then
 * checkpoints the WAL and removes the -wal and -shm files.
 */
void
shoebox_database_close (ShoeboxDatabase *self)
{
  g_return_if_fail (SHOEBOX_IS_DATABASE (self));

  g_hash_table_remove_all (self->contexts);
  g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->handle, sqlite3_close);
}

/* Words a failed step of @stmt with the context it was prepared for. */
static gboolean
set_step_error (ShoeboxDatabase  *self,
                ShoeboxStatement *stmt,
                int               result,
                GError          **error)
{
  const char *context = g_hash_table_lookup (self->contexts, stmt);

  return shoebox_database_set_error (self, result, context, error);
}

/**
 * shoebox_database_step_done:
 * @self: the database that prepared @stmt
 * @stmt: a statement for a change, or one whose rows do not matter
 * @error: return location for a #GError
 *
 * Runs @stmt once and resets it, so that it can be bound and run again
 * in the same scope (a loop of inserts).
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_database_step_done (ShoeboxDatabase   *self,
                            ShoeboxStatement  *stmt,
                            GError           **error)
{
  int result;

  g_return_val_if_fail (SHOEBOX_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);

  result = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (result != SQLITE_DONE && result != SQLITE_ROW)
    return set_step_error (self, stmt, result, error);

  return TRUE;
}

/**
 * shoebox_database_step_row:
 * @self: the database that prepared @stmt
 * @stmt: a query
 * @has_row: (out): %TRUE when @stmt is on a row, %FALSE past the last
 * @error: return location for a #GError
 *
 * Steps @stmt once. A failed step resets it; a finished one is left for
 * its `g_autoptr` to reset.
 *
 * Returns: %TRUE with @has_row set, or %FALSE with @error set
 */
gboolean
shoebox_database_step_row (ShoeboxDatabase   *self,
                           ShoeboxStatement  *stmt,
                           gboolean          *has_row,
                           GError           **error)
{
  int result;

  g_return_val_if_fail (SHOEBOX_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);
  g_return_val_if_fail (has_row != NULL, FALSE);

  result = sqlite3_step (stmt);
  *has_row = result == SQLITE_ROW;
  if (result == SQLITE_ROW || result == SQLITE_DONE)
    return TRUE;

  sqlite3_reset (stmt);
  return set_step_error (self, stmt, result, error);
}

/**
 * shoebox_database_query_int64:
 * @self: the database that prepared @stmt
 * @stmt: a query whose first column of the first row is wanted
 * @value: (out): that value; 0 when there is no row
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
shoebox_database_query_int64 (ShoeboxDatabase   *self,
                              ShoeboxStatement  *stmt,
                              gint64            *value,
                              GError           **error)
{
  gboolean has_row;

  if (!shoebox_database_step_row (self, stmt, &has_row, error))
    return FALSE;

  *value = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * shoebox_database_query_strv:
 * @self: the database that prepared @stmt
 * @stmt: a query of one text column
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the column of every row, or %NULL with @error set
 */
char **
shoebox_database_query_strv (ShoeboxDatabase   *self,
                             ShoeboxStatement  *stmt,
                             GError           **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean has_row;

  while (shoebox_database_step_row (self, stmt, &has_row, error))
    {
      if (!has_row)
        {
          sqlite3_reset (stmt);
          return g_strv_builder_end (builder);
        }
      g_strv_builder_add (builder, shoebox_statement_column_text (stmt, 0));
    }

  return NULL;
}

/**
 * shoebox_database_query_ids:
 * @self: the database that prepared @stmt
 * @stmt: a query of one integer column
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type gint64): the column of every row,
 *   or %NULL with @error set
 */
GArray *
shoebox_database_query_ids (ShoeboxDatabase   *self,
                            ShoeboxStatement  *stmt,
                            GError           **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean has_row;

  while (shoebox_database_step_row (self, stmt, &has_row, error))
    {
      gint64 id;

      if (!has_row)
        {
          sqlite3_reset (stmt);
          return g_steal_pointer (&ids);
        }
      id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  return NULL;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 id_a = *(const gint64 *) a;
  gint64 id_b = *(const gint64 *) b;

  return id_a < id_b ? -1 : id_a > id_b;
}

static gboolean
ids_ascend (GArray *ids)
{
  for (guint i = 1; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) < g_array_index (ids, gint64, i - 1))
      return FALSE;
  return TRUE;
}

/**
 * shoebox_database_collect_ids:
 * @self: the database that prepared @stmt
 * @stmt: a query that passes each id it finds to `shoebox_ids (id, ?N)`,
 *   such as `SELECT shoebox_ids (rowid, ?2) FROM t WHERE x = ?1`
 * @parameter: N, the parameter that takes the collector
 * @error: return location for a #GError
 *
 * Runs @stmt, which finds every id in one step, and resets it.
 *
 * Returns: (transfer full) (element-type gint64): the ids, lowest first,
 *   or %NULL with @error set
 */
GArray *
shoebox_database_collect_ids (ShoeboxDatabase   *self,
                              ShoeboxStatement  *stmt,
                              int                parameter,
                              GError           **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean has_row = TRUE;
  gboolean stepped = TRUE;

  g_return_val_if_fail (SHOEBOX_IS_DATABASE (self), NULL);
  g_return_val_if_fail (stmt != NULL, NULL);

  if (sqlite3_bind_pointer (stmt, parameter, ids, SHOEBOX_ID_COLLECTOR_TYPE, NULL) != SQLITE_OK)
    g_critical ("“%s” has no parameter %d for the id collector", sqlite3_sql (stmt), parameter);

  /* One row, the aggregate's. */
  while (stepped && has_row)
    stepped = shoebox_database_step_row (self, stmt, &has_row, error);
  sqlite3_reset (stmt);
  /* The statement is cached: it must not keep the array. */
  sqlite3_bind_null (stmt, parameter);
  if (!stepped)
    return NULL;

  /* An aggregate has no promised order; the scans used come in order. */
  if (!ids_ascend (ids))
    g_array_sort (ids, compare_ids);
  return g_steal_pointer (&ids);
}

/**
 * shoebox_database_last_insert_id:
 * @self: a #ShoeboxDatabase
 *
 * Returns: the rowid of the last row this connection inserted
 */
gint64
shoebox_database_last_insert_id (ShoeboxDatabase *self)
{
  g_return_val_if_fail (SHOEBOX_IS_DATABASE (self), 0);

  return sqlite3_last_insert_rowid (self->handle);
}

/**
 * shoebox_database_changes:
 * @self: a #ShoeboxDatabase
 *
 * Returns: how many rows the last change on this connection touched
 */
gint64
shoebox_database_changes (ShoeboxDatabase *self)
{
  g_return_val_if_fail (SHOEBOX_IS_DATABASE (self), 0);

  return sqlite3_changes (self->handle);
}
