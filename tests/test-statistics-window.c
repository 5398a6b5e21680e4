/* test-statistics-window.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "shoebox-bar-chart.h"
#include "shoebox-statistics-window.h"
#include "shoebox-test-collection.h"
#include "shoebox-test-gtk.h"
#include "shoebox-test-sql-log.h"

/* Widget tests of the statistics window, each on a fresh
 * database in isolated XDG folders.
 */

typedef ShoeboxTestCollection Fixture;
static gboolean
stack_shows_statistics (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (data)), "statistics") == 0;
}

static void
test_statistics_window (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(ShoeboxPair) nike = shoebox_test_add_pair (fixture->collection, "Nike", "Air Max 97", "Silver Bullet", 18500);
  g_autoptr(ShoeboxPair) track = shoebox_test_add_pair (fixture->collection, "Balenciaga", "Track 2.0", "Silver", 89000);
  g_autoptr(ShoeboxPair) runner = shoebox_test_add_pair (fixture->collection, "Balenciaga", "Runner", "Grey", 115000);
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  ShoeboxBarChart *brands;
  ShoeboxBarChart *conditions;
  AdwActionRow *owned;
  GtkStack *stack;

  /* The window shows at once, with a spinner, and the figures come from
   * a worker thread: not one query of theirs on the main thread.
   */
  shoebox_pair_set_estimated_value (runner, 140000);
  g_assert_true (shoebox_collection_save_pair (fixture->collection, runner, &error));
  g_assert_no_error (error);
  shoebox_test_sql_log_clear ();
  window = shoebox_statistics_window_new (fixture->collection);
  brands = SHOEBOX_BAR_CHART (shoebox_test_template_child (window, SHOEBOX_TYPE_STATISTICS_WINDOW, "brand_chart"));
  conditions = SHOEBOX_BAR_CHART (shoebox_test_template_child (window, SHOEBOX_TYPE_STATISTICS_WINDOW, "condition_chart"));
  owned = ADW_ACTION_ROW (shoebox_test_template_child (window, SHOEBOX_TYPE_STATISTICS_WINDOW, "owned_row"));
  stack = GTK_STACK (shoebox_test_template_child (window, SHOEBOX_TYPE_STATISTICS_WINDOW, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "computing");
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (shoebox_test_template_child (window, SHOEBOX_TYPE_STATISTICS_WINDOW,
                                                                                     "spinner"))));
  shoebox_dialog_present (window, NULL);
  shoebox_test_wait_until (stack_shows_statistics, stack);

  g_assert_cmpuint (shoebox_test_sql_log_count ("FROM pairs", FALSE), >=, 6);
  g_assert_cmpuint (shoebox_test_sql_log_count ("FROM pairs", TRUE), ==, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (owned), ==, "3");
  /* Like with like: the one estimate beside what that pair cost. */
  g_assert_true (shoebox_test_shows_text (window, "Paid for 3 pairs: 2225.00 USD"));
  g_assert_true (shoebox_test_shows_text (window, "Estimated value of 1 of 3 pairs: 1400.00 USD (paid 1150.00 USD)"));
  g_assert_cmpuint (shoebox_bar_chart_get_n_bars (brands), ==, 2);
  g_assert_cmpuint (shoebox_bar_chart_get_n_bars (conditions), >=, 4);
  shoebox_test_close_dialog (window);

  /* Closed before the figures come: nothing touches the window after. */
  window = shoebox_statistics_window_new (fixture->collection);
  shoebox_test_drop_dialog (window);
  shoebox_test_spin (300);
}

int
main (int   argc,
      char *argv[])
{
  shoebox_test_gtk_init (&argc, &argv);
  shoebox_test_sql_log_init ();

  shoebox_test_add_with_collection ("/statistics/window", test_statistics_window);

  return g_test_run ();
}
