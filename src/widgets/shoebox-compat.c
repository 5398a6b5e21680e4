/* shoebox-compat.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-compat"

#include "config.h"

#include "shoebox-compat.h"

/* The one place where newer GTK API is used behind a version check, with
 * what Debian 12's GTK 4.8 offers instead.
 */

#if !GTK_CHECK_VERSION (4, 10, 0)
static GtkColumnViewColumn *probed_column;

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  probed_column = user_data;
  return GTK_ORDERING_SMALLER;
}
#endif

/**
 * shoebox_compat_column_view_sorter_new:
 * @column: the column it sorts
 *
 * Returns: (transfer full): a sorter to give @column, so that
 *   shoebox_compat_column_view_get_sort() can tell when the user sorts by
 *   it. The column view's model is never sorted by it: the database sorts.
 */
GtkSorter *
shoebox_compat_column_view_sorter_new (GtkColumnViewColumn *column)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  return GTK_SORTER (gtk_custom_sorter_new (NULL, NULL, NULL));
#else
  return GTK_SORTER (gtk_custom_sorter_new (probe_compare, column, NULL));
#endif
}

/**
 * shoebox_compat_column_view_get_sort:
 * @view: a column view whose columns have sorters from
 *   shoebox_compat_column_view_sorter_new()
 * @descending: (out): whether the order is reversed
 *
 * Returns: (transfer none) (nullable): the column the user sorted by
 */
GtkColumnViewColumn *
shoebox_compat_column_view_get_sort (GtkColumnView *view,
                                     gboolean      *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (view);

#if GTK_CHECK_VERSION (4, 10, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  *descending = gtk_column_view_sorter_get_primary_sort_order (GTK_COLUMN_VIEW_SORTER (sorter)) == GTK_SORT_DESCENDING;
  return gtk_column_view_sorter_get_primary_sort_column (GTK_COLUMN_VIEW_SORTER (sorter));
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  /* GTK 4.8 has no getter for the primary column: compare any object with
   * itself, and see which column's sorter the view asks first, and which
   * way it turns that column's answer.
   */
  g_autoptr(GObject) probe = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering ordering;

  probed_column = NULL;
  ordering = gtk_sorter_compare (sorter, probe, probe);
  *descending = ordering == GTK_ORDERING_LARGER;
  return probed_column;
#endif
}
