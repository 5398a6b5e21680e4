#!/bin/bash
# Configures Shoebox against a SQLite without FTS5 and expects meson to
# refuse it. The stand-in library answers every FTS5 statement the way a
# SQLite built without -DSQLITE_ENABLE_FTS5 does ("no such module: fts5"),
# so only a configure check that runs a program can tell; one that only
# links (cc.links) lets it through.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

source_dir=$1
cc=${CC:-cc}
work=$(mktemp -d "${TMPDIR:-/tmp}/shoebox-fts5.XXXXXX")
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT

mkdir "$work/lib" "$work/pkgconfig"
cat >"$work/no-fts5.c" <<'C'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <string.h>
#include <sqlite3.h>

/* The real SQLite, except that FTS5 is not compiled in: every other call
 * falls through to it, as this library links it. */
static int
needs_fts5 (const char *sql)
{
  return sql != NULL && strstr (sql, "fts5") != NULL;
}

int
sqlite3_compileoption_used (const char *name)
{
  int (*real) (const char *) = dlsym (RTLD_NEXT, "sqlite3_compileoption_used");

  if (strstr (name, "FTS5") != NULL)
    return 0;
  return real (name);
}

int
sqlite3_exec (sqlite3 *db, const char *sql,
              int (*callback) (void *, int, char **, char **),
              void *data, char **message)
{
  int (*real) (sqlite3 *, const char *, int (*) (void *, int, char **, char **), void *, char **) =
    dlsym (RTLD_NEXT, "sqlite3_exec");

  if (!needs_fts5 (sql))
    return real (db, sql, callback, data, message);
  if (message != NULL)
    *message = sqlite3_mprintf ("no such module: fts5");
  return SQLITE_ERROR;
}

int
sqlite3_prepare_v2 (sqlite3 *db, const char *sql, int length,
                    sqlite3_stmt **statement, const char **tail)
{
  int (*real) (sqlite3 *, const char *, int, sqlite3_stmt **, const char **) =
    dlsym (RTLD_NEXT, "sqlite3_prepare_v2");

  if (!needs_fts5 (sql))
    return real (db, sql, length, statement, tail);
  *statement = NULL;
  return SQLITE_ERROR;
}
C
"$cc" -shared -fPIC -o "$work/lib/libsqlite3.so" "$work/no-fts5.c" \
    $(pkg-config --libs sqlite3) -ldl

# The real SQLite's version, so that meson's version check passes and only
# the FTS5 check is left to refuse it. The stand-in comes first on the link
# line, so its calls win, and the real library supplies the rest.
version=$(pkg-config --modversion sqlite3)
real_library=$(pkg-config --variable=libdir sqlite3)/libsqlite3.so
cat >"$work/pkgconfig/sqlite3.pc" <<PC
Name: SQLite
Description: SQL database engine without FTS5 (test stand-in)
Version: $version
Libs: -L$work/lib -Wl,-rpath,$work/lib -lsqlite3 $real_library
Cflags:
PC

status=0
PKG_CONFIG_PATH="$work/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}" \
    meson setup "$work/build" "$source_dir" -Dtests=false >"$work/setup.log" 2>&1 || status=$?

if [ "$status" -eq 0 ]; then
    echo "meson setup accepted a SQLite without FTS5:"
    grep -i -e sqlite -e fts5 "$work/setup.log" || true
    exit 1
fi
if ! grep -q "has no FTS5" "$work/setup.log"; then
    echo "meson setup failed, but not for the missing FTS5:"
    tail -n 20 "$work/setup.log"
    exit 1
fi
echo "refused, as it should be: $(grep -o 'The SQLite found has no FTS5.*' "$work/setup.log" | head -n 1)"
