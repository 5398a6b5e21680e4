/* bench-collection.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Collection page's benchmark, one mode per run, driven by
 * build-aux/bench-collection.sh (which launches it and subtracts):
 *
 *   bench-collection floor   an empty AdwApplicationWindow: prints the
 *                            monotonic time of its first painted frame
 *   bench-collection app     the real ShoeboxApplication on the user's
 *                            database: prints the time of the first frame
 *                            whose grid shows real cards, then types a word
 *                            into the search entry one key at a time and
 *                            prints, per key, the time from the key to the
 *                            frame that shows its results; then peak memory
 *   bench-collection list    the same with the list view (as remembered in
 *                            the settings): the first frame whose list
 *                            shows real rows, the keys, then the word
 *                            cleared and a sort by several columns on every
 *                            pair, each timed from the header click to the
 *                            frame that shows the sorted rows
 *   bench-collection floor-idle, app-idle, list-idle
 *                            as floor, app and list, but without typing:
 *                            they stay open a few seconds, for the script
 *                            to watch when their CPU time stops growing
 *
 * Each key and sort is printed with the main thread's CPU time from the
 * input to the frame beside the time on the clock: on a machine shared
 * with other work, the CPU time is the program's own cost.
 *
 * Not a test: figures, not pass or fail on a noisy machine.
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "shoebox-application.h"
#include "shoebox-collection-page.h"
#include "shoebox-database.h"
#include "shoebox-pair-card.h"
#include "shoebox-text-line.h"
#include "shoebox-window.h"

typedef struct
{
  GApplication          *app;
  GtkWidget             *window;
  ShoeboxCollectionPage *page;
  const char            *word;
  guint                  n_typed;
  gint64                 key_time;   /* when the current key was "pressed" */
  double                 key_cpu;    /* the main thread's CPU time then, ms */
  gboolean               typing;
  gboolean               key_done;  /* its results are in the model */
  GArray                *key_times;  /* double, ms */
  gulong                 paint_handler;
  gboolean               list;       /* the list view, not the grid */
  gboolean               idle;       /* no typing: stay open, then quit */
  guint                  n_sorted;   /* sorts done, after the keys */
  gboolean               clearing;   /* the word is being cleared */
  GArray                *sort_times; /* double, ms */
} Bench;

/* The sorts the list mode times, on every pair: text columns, numbers,
 * each way, and a column computed by a subquery.
 */
static const struct
{
  const char  *title;
  GtkSortType  direction;
} sorts[] = {
  { "Silhouette", GTK_SORT_ASCENDING },
  { "Silhouette", GTK_SORT_DESCENDING },
  { "Price Paid", GTK_SORT_ASCENDING },
  { "Price Paid", GTK_SORT_DESCENDING },
  { "Colorway", GTK_SORT_ASCENDING },
  { "Purchase Date", GTK_SORT_DESCENDING },
  { "Wears", GTK_SORT_DESCENDING },
};

#define IDLE_STAY_MS 4000

static void
print_peak_memory (void)
{
  g_autofree char *status = NULL;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    {
      const char *hwm = strstr (status, "VmHWM:");

      if (hwm != NULL)
        {
          g_autofree char *line = g_strndup (hwm, strcspn (hwm, "\n"));

          g_print ("peak-memory %s\n", line + strlen ("VmHWM:"));
        }
    }
}

/* CPU time is what the load of other processes does not change: the
 * main thread's, from the input to the frame that shows its result.
 */
static double
thread_cpu_ms (void)
{
  struct timespec now = { 0 };

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static gboolean
grid_shows_cards (Bench *bench)
{
  GtkWidget *grid = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (bench->page),
                                                               SHOEBOX_TYPE_COLLECTION_PAGE, "grid_view"));

  if (!gtk_widget_get_mapped (grid))
    return FALSE;

  for (GtkWidget *cell = gtk_widget_get_first_child (grid); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *card = gtk_widget_get_first_child (cell);

      if (SHOEBOX_IS_PAIR_CARD (card) && gtk_widget_get_mapped (card)
          && shoebox_pair_card_get_pair (SHOEBOX_PAIR_CARD (card)) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* A row of the column view on screen with the text of a real pair. */
static gboolean
list_shows_rows (Bench *bench)
{
  GtkWidget *view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (bench->page),
                                                               SHOEBOX_TYPE_COLLECTION_PAGE, "column_view"));

  if (!gtk_widget_get_mapped (view))
    return FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL; child = gtk_widget_get_next_sibling (child))
    for (GtkWidget *row = gtk_widget_get_first_child (child); row != NULL; row = gtk_widget_get_next_sibling (row))
      for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
        {
          GtkWidget *label = gtk_widget_get_first_child (cell);

          if (label != NULL && SHOEBOX_IS_TEXT_LINE (label) && gtk_widget_get_mapped (label)
              && shoebox_text_line_get_text (SHOEBOX_TEXT_LINE (label)) != NULL
              && shoebox_text_line_get_text (SHOEBOX_TEXT_LINE (label))[0] != '\0')
            return TRUE;
        }
  return FALSE;
}

static void type_next_key (Bench *bench);
static void sort_next (Bench *bench);

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
finish (Bench *bench)
{
  double worst = 0;

  g_array_sort (bench->key_times, compare_doubles);
  for (guint i = 0; i < bench->key_times->len; i++)
    worst = MAX (worst, g_array_index (bench->key_times, double, i));
  g_print ("keystroke-median-ms %.2f\n", g_array_index (bench->key_times, double, bench->key_times->len / 2));
  g_print ("keystroke-worst-ms %.2f\n", worst);
  worst = 0;
  for (guint i = 0; i < bench->sort_times->len; i++)
    worst = MAX (worst, g_array_index (bench->sort_times, double, i));
  if (bench->sort_times->len > 0)
    g_print ("sort-worst-ms %.2f\n", worst);
  print_peak_memory ();
  g_application_quit (bench->app);
}

static gboolean
quit_idle (gpointer data)
{
  Bench *bench = data;

  g_application_quit (bench->app);
  return G_SOURCE_REMOVE;
}

static gboolean
sort_next_idle (gpointer data)
{
  sort_next (data);
  return G_SOURCE_REMOVE;
}

static gboolean
type_next_key_idle (gpointer data)
{
  type_next_key (data);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  if (!bench->typing)
    {
      if (!(bench->list ? list_shows_rows (bench) : grid_shows_cards (bench)))
        return;

      g_print ("first-cards %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
      print_peak_memory ();
      bench->typing = TRUE;
      if (bench->idle)
        {
          g_timeout_add (IDLE_STAY_MS, quit_idle, bench);
          return;
        }
      /* Type a second after the first frame, as a person would: not while
       * the start-up work the window deferred is still running.
       */
      g_timeout_add (1000, type_next_key_idle, bench);
      return;
    }

  if (bench->key_time == 0 || !bench->key_done)
    return;

  /* The frame that shows this key's (or sort's) results has been painted. */
  {
    double ms = (g_get_monotonic_time () - bench->key_time) / 1000.0;
    double cpu = thread_cpu_ms () - bench->key_cpu;
    guint n = g_list_model_get_n_items (shoebox_collection_page_get_model (bench->page));

    if (bench->clearing)
      g_print ("cleared the word: %.2f ms (CPU %.2f ms), %u pairs\n", ms, cpu, n);
    else if (bench->n_sorted > 0)
      {
        g_array_append_val (bench->sort_times, ms);
        g_print ("sort %u %s %s: %.2f ms (CPU %.2f ms), %u pairs\n", bench->n_sorted, sorts[bench->n_sorted - 1].title,
                 sorts[bench->n_sorted - 1].direction == GTK_SORT_ASCENDING ? "ascending" : "descending", ms, cpu, n);
      }
    else
      {
        g_array_append_val (bench->key_times, ms);
        g_print ("keystroke %u “%.*s” %.2f ms (CPU %.2f ms), %u pairs\n", bench->n_typed, (int) bench->n_typed,
                 bench->word, ms, cpu, n);
      }
  }
  bench->key_time = 0;
  bench->clearing = FALSE;
  if (bench->n_typed < strlen (bench->word))
    g_timeout_add (50, type_next_key_idle, bench);
  else if (bench->list && bench->n_sorted < G_N_ELEMENTS (sorts))
    g_timeout_add (200, sort_next_idle, bench);
  else
    finish (bench);
}

/* After the page's own handler: the search has run and the model holds
 * its results (changed or not); the next painted frame shows them.
 */
static void
search_done_cb (Bench *bench)
{
  if (bench->key_time != 0)
    {
      bench->key_done = TRUE;
      gtk_widget_queue_draw (bench->window);
    }
}

static void
type_next_key (Bench *bench)
{
  GtkEditable *entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (bench->page),
                                                                    SHOEBOX_TYPE_COLLECTION_PAGE, "search_entry"));
  int position = -1;

  bench->key_done = FALSE;
  bench->key_time = g_get_monotonic_time ();
  bench->key_cpu = thread_cpu_ms ();
  /* What a key press does to the entry: one character inserted at the
   * end (gtk_editable_set_text would clear the entry first, a search of
   * its own). The page runs the search from the entry's search-changed,
   * as for a real key.
   */
  position = gtk_editable_get_position (entry);
  gtk_editable_insert_text (entry, bench->word + bench->n_typed, 1, &position);
  gtk_editable_set_position (entry, position);
  bench->n_typed++;
}

/* First the word goes, so the sorts order every pair; then one sort per
 * call, as a header click does (the column view's sorter changes, and the
 * page queries in the new order before this returns).
 */
static void
sort_next (Bench *bench)
{
  GtkEditable *entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (bench->page),
                                                                    SHOEBOX_TYPE_COLLECTION_PAGE, "search_entry"));
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (bench->page),
                                                                        SHOEBOX_TYPE_COLLECTION_PAGE, "column_view"));
  GListModel *columns = gtk_column_view_get_columns (view);

  bench->key_done = FALSE;
  bench->key_time = g_get_monotonic_time ();
  bench->key_cpu = thread_cpu_ms ();
  if (gtk_editable_get_text (entry)[0] != '\0')
    {
      /* The entry's search-changed marks it done. */
      bench->clearing = TRUE;
      gtk_editable_set_text (entry, "");
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_str_equal (gtk_column_view_column_get_title (column), sorts[bench->n_sorted].title))
        {
          gtk_column_view_sort_by_column (view, column, sorts[bench->n_sorted].direction);
          break;
        }
    }
  bench->n_sorted++;
  bench->key_done = TRUE;
  gtk_widget_queue_draw (bench->window);
}

static void
window_mapped_cb (GtkWidget *window,
                  Bench     *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  bench->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), bench);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 Bench          *bench)
{
  if (!SHOEBOX_IS_WINDOW (window) || bench->window != NULL)
    return;

  bench->window = GTK_WIDGET (window);
  bench->page = shoebox_window_get_collection_page (SHOEBOX_WINDOW (window));
  g_signal_connect_swapped (gtk_widget_get_template_child (GTK_WIDGET (bench->page), SHOEBOX_TYPE_COLLECTION_PAGE,
                                                           "search_entry"),
                            "search-changed", G_CALLBACK (search_done_cb), bench);
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), bench);
}

static void
floor_after_paint_cb (GdkFrameClock  *clock,
                      GApplication   *app)
{
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  print_peak_memory ();
  g_signal_handlers_disconnect_by_func (clock, floor_after_paint_cb, app);
  if (g_object_get_data (G_OBJECT (app), "bench-idle") != NULL)
    g_timeout_add_once (IDLE_STAY_MS, (GSourceOnceFunc) g_application_quit, app);
  else
    g_application_quit (app);
}

static void
floor_mapped_cb (GtkWidget    *window,
                 GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (floor_after_paint_cb), app);
}

static void
floor_activate_cb (GApplication *app)
{
  GtkWidget *window;

  window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  g_signal_connect (window, "map", G_CALLBACK (floor_mapped_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;
  Bench bench = { 0 };
  int status;

  if (argc < 2 || !g_strv_contains ((const char * const []) { "floor", "floor-idle", "app", "app-idle", "list", "list-idle", NULL },
                                     argv[1]))
    {
      g_printerr ("Usage: bench-collection floor|floor-idle|app|app-idle|list|list-idle [WORD]\n");
      return 2;
    }

  if (g_str_has_prefix (argv[1], "floor"))
    {
      app = G_APPLICATION (adw_application_new ("io.github.shoebox.Bench", G_APPLICATION_NON_UNIQUE));
      if (g_str_equal (argv[1], "floor-idle"))
        g_object_set_data (G_OBJECT (app), "bench-idle", GINT_TO_POINTER (TRUE));
      g_signal_connect (app, "activate", G_CALLBACK (floor_activate_cb), NULL);
      return g_application_run (app, 1, argv);
    }

  /* As the app's main() does. */
  shoebox_database_set_up_process ();
  bench.list = g_str_has_prefix (argv[1], "list");
  bench.idle = g_str_has_suffix (argv[1], "-idle");
  if (bench.list)
    {
      /* As a collector who left the page in list view finds it. The
       * benchmark runs on the memory settings backend: this process only.
       */
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

      g_settings_set_string (settings, "collection-view", "list");
    }
  bench.word = argc > 2 ? argv[2] : "silver";
  bench.key_times = g_array_new (FALSE, FALSE, sizeof (double));
  bench.sort_times = g_array_new (FALSE, FALSE, sizeof (double));
  app = G_APPLICATION (shoebox_application_new ());
  bench.app = app;
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &bench);
  status = g_application_run (app, 1, argv);
  g_array_unref (bench.key_times);
  g_array_unref (bench.sort_times);
  return status;
}
