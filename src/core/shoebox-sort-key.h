/* shoebox-sort-key.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The place of a NULL key: after every value, whichever way. */
#define SHOEBOX_SORT_KEY_NULL G_MAXUINT32

typedef struct _ShoeboxSortKey ShoeboxSortKey;

ShoeboxSortKey *shoebox_sort_key_new         (gboolean        nocase);
guint32         shoebox_sort_key_add_column  (ShoeboxSortKey *self,
                                              sqlite3_stmt   *stmt,
                                              int             column);
guint32         shoebox_sort_key_add_integer_column (ShoeboxSortKey *self,
                                                     sqlite3_stmt   *stmt,
                                                     int             column,
                                                     gint64          null_as);
guint32         shoebox_sort_key_add_text_column (ShoeboxSortKey *self,
                                                  sqlite3_stmt   *stmt,
                                                  int             column);
guint32         shoebox_sort_key_add_integer (ShoeboxSortKey *self,
                                              gint64          integer);
guint32         shoebox_sort_key_rank        (ShoeboxSortKey *self,
                                              guint32        *slots,
                                              gsize           n_slots);
void            shoebox_sort_key_free        (ShoeboxSortKey *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoeboxSortKey, shoebox_sort_key_free)

G_END_DECLS
