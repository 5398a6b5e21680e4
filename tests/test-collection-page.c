/* test-collection-page.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "shoebox-alert.h"
#include "shoebox-bar-chart.h"
#include "shoebox-collection-page.h"
#include "shoebox-compare-page.h"
#include "shoebox-csv-dialogs.h"
#include "shoebox-pair-card.h"
#include "shoebox-pair-editor.h"
#include "shoebox-pair-list.h"
#include "shoebox-statistics-window.h"
#include "shoebox-test-dialogs.h"
#include "shoebox-test-gtk-quirks.h"
#include "shoebox-test-images.h"
#include "shoebox-test-sql-log.h"
#include "shoebox-window.h"

/* Widget tests of the Collection page, the pair editor, statistics and the
 * CSV preview, each on a fresh database in isolated XDG folders.
 */

typedef struct
{
  ShoeboxDatabase   *database;
  ShoeboxCollection *collection;
  ShoeboxPhotos     *photos;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->database = shoebox_database_open_default (&error);
  g_assert_no_error (error);
  fixture->collection = shoebox_collection_new (fixture->database);
  g_assert_true (shoebox_collection_load_starter_catalogue (fixture->collection, NULL, &error));
  g_assert_no_error (error);
  fixture->photos = shoebox_photos_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->photos);
  g_clear_object (&fixture->collection);
  g_clear_object (&fixture->database);
}

static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Destroys a window that was on screen once any tooltip under the pointer
 * has shown: GTK 4.8 keeps a tooltip still to show after its window is
 * destroyed, then asks for the gone window's surface, a critical in
 * whichever later test spins the main loop long enough. Its hover timeout
 * is 500 ms.
 */
static void
destroy_settled (GtkWindow *window)
{
  spin (600);
  gtk_window_destroy (window);
}

static ShoeboxPair *
add_pair (Fixture    *fixture,
          const char *silhouette,
          const char *brand,
          const char *colorway,
          gint64      price)
{
  g_autoptr(GError) error = NULL;
  ShoeboxPair *pair = shoebox_pair_new ();

  shoebox_pair_set_silhouette_name (pair, silhouette);
  shoebox_pair_set_brand_name (pair, brand);
  shoebox_pair_set_colorway (pair, colorway);
  shoebox_pair_set_currency (pair, "USD");
  shoebox_pair_set_price_paid (pair, price);
  g_assert_true (shoebox_collection_save_pair (fixture->collection, pair, &error));
  g_assert_no_error (error);
  return pair;
}

static guint
count_pairs (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  guint n = shoebox_collection_count_pairs (fixture->collection, &error);

  g_assert_no_error (error);
  return n;
}

static GtkWidget *
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

typedef struct
{
  GtkWindow             *window;
  ShoeboxCollectionPage *page;
} PageWindow;

static PageWindow
show_page (Fixture *fixture)
{
  PageWindow shown;

  shown.window = GTK_WINDOW (gtk_window_new ());
  shown.page = g_object_new (SHOEBOX_TYPE_COLLECTION_PAGE, NULL);
  gtk_window_set_child (shown.window, adw_toast_overlay_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (gtk_window_get_child (shown.window)), GTK_WIDGET (shown.page));
  shoebox_collection_page_set_photos (shown.page, fixture->photos);
  shoebox_collection_page_set_collection (shown.page, fixture->collection);
  gtk_window_set_default_size (shown.window, 900, 700);
  gtk_window_present (shown.window);
  return shown;
}

/* Whether a label under @widget (a toast, say) shows @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static const char *
visible_view (ShoeboxCollectionPage *page)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (template_child (page, SHOEBOX_TYPE_COLLECTION_PAGE, "view_stack")));
}

typedef struct
{
  GListModel *model;
  guint       n_items;
} CountWait;

static gboolean
model_has_count (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n_items;
}

/* GtkSearchEntry reports a change from the main loop, even with no delay:
 * type, then wait for the results.
 */
static void
type_search (ShoeboxCollectionPage *page,
             const char            *text,
             guint                  expected)
{
  CountWait wait = { shoebox_collection_page_get_model (page), expected };

  gtk_editable_set_text (GTK_EDITABLE (template_child (page, SHOEBOX_TYPE_COLLECTION_PAGE, "search_entry")), text);
  wait_until (model_has_count, &wait);
}

static void
test_page_empty_and_search (Fixture       *fixture,
                            gconstpointer  data)
{
  PageWindow shown = show_page (fixture);
  GListModel *model = shoebox_collection_page_get_model (shown.page);
  g_autoptr(ShoeboxPair) first = NULL;
  g_autoptr(ShoeboxPair) track = NULL;
  g_autoptr(ShoeboxPair) item = NULL;

  g_assert_cmpstr (visible_view (shown.page), ==, "empty");

  first = add_pair (fixture, "Air Max 97", "Nike", "Silver Bullet", 18500);
  track = add_pair (fixture, "Track 2.0", "Balenciaga", "Silver", 89000);
  shoebox_collection_page_reload (shown.page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpstr (visible_view (shown.page), ==, "grid");

  /* Search as you type, by prefix: "trac" finds the Track 2.0. */
  type_search (shown.page, "trac", 1);
  item = g_list_model_get_item (model, 0);
  g_assert_cmpstr (shoebox_pair_get_silhouette_name (item), ==, "Track 2.0");

  type_search (shown.page, "zzzz", 0);
  g_assert_cmpstr (visible_view (shown.page), ==, "no-results");

  type_search (shown.page, "", 2);

  /* The list view, remembered in the settings. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (template_child (shown.page, SHOEBOX_TYPE_COLLECTION_PAGE,
                                                                   "list_button")),
                                TRUE);
  g_assert_cmpstr (visible_view (shown.page), ==, "list");
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
    g_autofree char *view = g_settings_get_string (settings, "collection-view");

    g_assert_cmpstr (view, ==, "list");
  }

  spin (100);
  gtk_window_destroy (shown.window);
}

static gboolean
grid_has_cards (gpointer data)
{
  GtkWidget *grid = template_child (data, SHOEBOX_TYPE_COLLECTION_PAGE, "grid_view");

  for (GtkWidget *cell = gtk_widget_get_first_child (grid); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    if (SHOEBOX_IS_PAIR_CARD (gtk_widget_get_first_child (cell))
        && shoebox_pair_card_get_pair (SHOEBOX_PAIR_CARD (gtk_widget_get_first_child (cell))) != NULL)
      return TRUE;
  return FALSE;
}

/* The card that shows the pair @id, if the grid has one. */
static ShoeboxPairCard *
find_card (ShoeboxCollectionPage *page,
           gint64                 id)
{
  GtkWidget *grid = template_child (page, SHOEBOX_TYPE_COLLECTION_PAGE, "grid_view");

  for (GtkWidget *cell = gtk_widget_get_first_child (grid); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *card = gtk_widget_get_first_child (cell);

      if (SHOEBOX_IS_PAIR_CARD (card) && shoebox_pair_card_get_pair (SHOEBOX_PAIR_CARD (card)) != NULL
          && shoebox_pair_get_id (shoebox_pair_card_get_pair (SHOEBOX_PAIR_CARD (card))) == id)
        return SHOEBOX_PAIR_CARD (card);
    }

  return NULL;
}

/* The check box a card shows in Select mode: whether it shows, and is
 * ticked.
 */
static GtkCheckButton *
find_check (GtkWidget *widget)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    return GTK_CHECK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *check = find_check (child);

      if (check != NULL)
        return check;
    }
  return NULL;
}

static void
assert_card_check (ShoeboxCollectionPage *page,
                   GListModel            *model,
                   guint                  position,
                   gboolean               shown,
                   gboolean               ticked)
{
  g_autoptr(ShoeboxPair) pair = g_list_model_get_item (model, position);
  ShoeboxPairCard *card = find_card (page, shoebox_pair_get_id (pair));
  GtkCheckButton *check;

  g_assert_nonnull (card);
  check = find_check (GTK_WIDGET (card));
  if (!shown)
    {
      g_assert_true (check == NULL || !gtk_widget_get_visible (GTK_WIDGET (check)));
      return;
    }
  g_assert_nonnull (check);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (check)));
  g_assert_cmpint (gtk_check_button_get_active (check), ==, ticked);
}

static void
show_grid (PageWindow *shown)
{
  /* The memory settings backend lives as long as the process: an earlier
   * case may have left the page in list view.
   */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (template_child (shown->page, SHOEBOX_TYPE_COLLECTION_PAGE,
                                                                   "grid_button")),
                                TRUE);
  shoebox_collection_page_reload (shown->page);
  wait_until (grid_has_cards, shown->page);
}

/* A card drags as "pair:ID", which the Compare page takes. */
static void
test_page_card_drags_pair (Fixture       *fixture,
                           gconstpointer  data)
{
  PageWindow shown = show_page (fixture);
  g_autoptr(ShoeboxPair) pair = add_pair (fixture, "Track 2.0", "Balenciaga", "Silver", 89000);
  g_autoptr(GdkContentProvider) content = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *grid;
  GtkWidget *card = NULL;
  GtkDragSource *source = NULL;
  g_autoptr(GListModel) controllers = NULL;
  GValue value = G_VALUE_INIT;

  show_grid (&shown);
  grid = template_child (shown.page, SHOEBOX_TYPE_COLLECTION_PAGE, "grid_view");
  for (GtkWidget *cell = gtk_widget_get_first_child (grid); cell != NULL && card == NULL; cell = gtk_widget_get_next_sibling (cell))
    if (SHOEBOX_IS_PAIR_CARD (gtk_widget_get_first_child (cell)))
      card = gtk_widget_get_first_child (cell);
  g_assert_nonnull (card);

  controllers = gtk_widget_observe_controllers (card);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && source == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DRAG_SOURCE (controller))
        source = GTK_DRAG_SOURCE (controller);
    }
  g_assert_nonnull (source);

  g_signal_emit_by_name (source, "prepare", 4.0, 4.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  expected = g_strdup_printf ("pair:%" G_GINT64_FORMAT, shoebox_pair_get_id (pair));
  g_assert_cmpstr (g_value_get_string (&value), ==, expected);
  g_value_unset (&value);

  gtk_window_destroy (shown.window);
}

/* Typing keeps the cards on screen and shows other pairs in them (GTK 4.8
 * would build a new cell for each pair a search replaces); the selection
 * stays with the selected pairs, wherever the search puts them.
 */
static void
test_page_search_keeps_cards (Fixture       *fixture,
                              gconstpointer  data)
{
  PageWindow shown = show_page (fixture);
  GListModel *model = shoebox_collection_page_get_model (shown.page);
  g_autoptr(ShoeboxPair) air_max = add_pair (fixture, "Air Max 97", "Nike", "Silver Bullet", 18500);
  g_autoptr(ShoeboxPair) track = add_pair (fixture, "Track 2.0", "Balenciaga", "Silver", 89000);
  g_autoptr(ShoeboxPair) runner = add_pair (fixture, "Runner", "Balenciaga", "Grey", 115000);
  g_autoptr(GArray) selected = NULL;
  ShoeboxPairCard *first_card;

  show_grid (&shown);
  /* Newest first. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  first_card = find_card (shown.page, shoebox_pair_get_id (runner));
  g_assert_nonnull (first_card);
  g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 1, TRUE));
  selected = shoebox_collection_page_dup_selected_ids (shown.page);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_cmpint (g_array_index (selected, gint64, 0), ==, shoebox_pair_get_id (track));
  g_clear_pointer (&selected, g_array_unref);

  /* "track": the Track 2.0 comes first, in the first card. */
  type_search (shown.page, "track", 1);
  g_assert_true (find_card (shown.page, shoebox_pair_get_id (track)) == first_card);
  g_assert_cmpstr (shoebox_pair_get_colorway (shoebox_pair_card_get_pair (first_card)), ==, "Silver");
  g_assert_null (find_card (shown.page, shoebox_pair_get_id (runner)));
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 0));
  selected = shoebox_collection_page_dup_selected_ids (shown.page);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_cmpint (g_array_index (selected, gint64, 0), ==, shoebox_pair_get_id (track));
  g_clear_pointer (&selected, g_array_unref);

  /* Cleared: the Runner is back in the first card, the Track 2.0 second
   * and still selected, the Air Max 97 not.
   */
  type_search (shown.page, "", 3);
  spin (50);
  g_assert_true (find_card (shown.page, shoebox_pair_get_id (runner)) == first_card);
  g_assert_nonnull (find_card (shown.page, shoebox_pair_get_id (air_max)));
  g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 0));
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 1));
  g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 2));

  gtk_window_destroy (shown.window);
}

typedef struct
{
  GListModel *model;
  guint       n_items_at_first_frame;
} FirstFrame;

static void
first_frame_cb (GdkFrameClock *clock,
                FirstFrame    *first)
{
  if (first->n_items_at_first_frame == 0)
    first->n_items_at_first_frame = g_list_model_get_n_items (first->model);
}

/* A big collection shows its first screenful in the first frame and the
 * rest right after; a page already on screen gets everything at once.
 */
static void
test_page_first_screenful (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) everything = NULL;
  CountWait all = { 0 };
  FirstFrame first = { 0 };
  PageWindow shown;

  g_assert_true (shoebox_collection_generate_pairs (fixture->collection, 100, 7, &error));
  g_assert_no_error (error);
  everything = shoebox_collection_search (fixture->collection, &(ShoeboxPairQuery) { .descending = TRUE }, &error);
  g_assert_no_error (error);

  shown = show_page (fixture);
  all.model = first.model = shoebox_collection_page_get_model (shown.page);
  all.n_items = 100;
  /* Presented, not yet painted: no main loop has run. */
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (shown.window)), "after-paint",
                    G_CALLBACK (first_frame_cb), &first);
  g_assert_cmpuint (g_list_model_get_n_items (all.model), <, 100);
  g_assert_cmpuint (g_list_model_get_n_items (all.model), >=, 24);

  wait_until (model_has_count, &all);
  g_assert_cmpuint (first.n_items_at_first_frame, >, 0);
  g_assert_cmpuint (first.n_items_at_first_frame, <, 100);
  /* The rest followed the head it had: the same order as one search. */
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(ShoeboxPair) pair = g_list_model_get_item (all.model, i);

      g_assert_cmpint (shoebox_pair_get_id (pair), ==, shoebox_pair_list_get_id (SHOEBOX_PAIR_LIST (everything), i));
    }

  shoebox_collection_page_set_collection (shown.page, NULL);
  shoebox_collection_page_set_collection (shown.page, fixture->collection);
  g_assert_cmpuint (g_list_model_get_n_items (shoebox_collection_page_get_model (shown.page)), ==, 100);

  gtk_window_destroy (shown.window);
}

static void
test_page_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  PageWindow shown = show_page (fixture);
  GListModel *model = shoebox_collection_page_get_model (shown.page);
  g_autoptr(ShoeboxPair) nike = add_pair (fixture, "Air Max 97", "Nike", "Silver Bullet", 18500);
  g_autoptr(ShoeboxPair) track = add_pair (fixture, "Track 2.0", "Balenciaga", "Silver", 89000);
  g_autoptr(ShoeboxPair) runner = add_pair (fixture, "Runner", "Balenciaga", "Grey", 115000);
  g_autoptr(GError) error = NULL;
  GtkDropDown *brand;
  GtkDropDown *tag;
  GListModel *brands;

  shoebox_pair_set_status (runner, SHOEBOX_STATUS_WISHLIST);
  shoebox_pair_set_tags (runner, (const char *[]) { "grail", NULL });
  g_assert_true (shoebox_collection_save_pair (fixture->collection, runner, &error));
  shoebox_collection_page_reload (shown.page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* The choices are listed when the popover opens. */
  brand = GTK_DROP_DOWN (template_child (shown.page, SHOEBOX_TYPE_COLLECTION_PAGE, "brand_filter"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (brand)), ==, 1);
  gtk_menu_button_popup (GTK_MENU_BUTTON (template_child (shown.page, SHOEBOX_TYPE_COLLECTION_PAGE, "filter_button")));
  brands = gtk_drop_down_get_model (brand);
  for (guint i = 0; i < g_list_model_get_n_items (brands); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (brands), i), "Balenciaga") == 0)
      gtk_drop_down_set_selected (brand, i);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* Status: "Wishlist" is the second choice after "Any Status". */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (template_child (shown.page, SHOEBOX_TYPE_COLLECTION_PAGE, "status_filter")), 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  /* The filter button counts them; Clear Filters shows beside it. */
  {
    GtkWidget *count = template_child (shown.page, SHOEBOX_TYPE_COLLECTION_PAGE, "filter_count_label");
    GtkWidget *clear = template_child (shown.page, SHOEBOX_TYPE_COLLECTION_PAGE, "clear_filters_button");

    g_assert_true (gtk_widget_get_visible (count));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, "2");
    g_assert_true (gtk_widget_get_visible (clear));
    g_signal_emit_by_name (clear, "clicked");
    g_assert_false (gtk_widget_get_visible (count));
    g_assert_false (gtk_widget_get_visible (clear));
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
    gtk_drop_down_set_selected (brand, 0);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (template_child (shown.page, SHOEBOX_TYPE_COLLECTION_PAGE, "status_filter")), 2);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, "1");
  }

  gtk_drop_down_set_selected (GTK_DROP_DOWN (template_child (shown.page, SHOEBOX_TYPE_COLLECTION_PAGE, "status_filter")), 0);
  gtk_drop_down_set_selected (brand, 0);
  /* The smart tag "grail" is offered even before a pair has it. */
  tag = GTK_DROP_DOWN (template_child (shown.page, SHOEBOX_TYPE_COLLECTION_PAGE, "tag_filter"));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (tag)), 1), ==, "grail");
  gtk_drop_down_set_selected (tag, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* The open popover holds a pointer grab, whose crossing events start a
   * tooltip on GTK 4.8: close it, and let the tooltip come and go while
   * the window is still there.
   */
  gtk_menu_button_popdown (GTK_MENU_BUTTON (template_child (shown.page, SHOEBOX_TYPE_COLLECTION_PAGE, "filter_button")));
  destroy_settled (shown.window);
}

static void
test_page_delete_undo_and_wear (Fixture       *fixture,
                                gconstpointer  data)
{
  PageWindow shown = show_page (fixture);
  GListModel *model = shoebox_collection_page_get_model (shown.page);
  g_autoptr(ShoeboxPair) first = add_pair (fixture, "Air Max 97", "Nike", "Silver Bullet", 18500);
  g_autoptr(ShoeboxPair) second = add_pair (fixture, "Track 2.0", "Balenciaga", "Silver", 89000);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxPair) worn = NULL;
  g_autoptr(GPtrArray) photos = NULL;

  g_assert_true (shoebox_collection_add_photo (fixture->collection, shoebox_pair_get_id (second),
                                               "0000000000000000000000000000000000000000000000000000000000000001.png",
                                               TRUE, &error));
  shoebox_collection_page_reload (shown.page);

  /* The selection: one, then another added, then one alone again. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 1, FALSE);
  {
    g_autoptr(GArray) ids = shoebox_collection_page_dup_selected_ids (shown.page);

    g_assert_cmpuint (ids->len, ==, 2);
  }
  gtk_selection_model_unselect_item (GTK_SELECTION_MODEL (model), 1);
  {
    g_autoptr(GArray) ids = shoebox_collection_page_dup_selected_ids (shown.page);

    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, shoebox_pair_get_id (second));
  }

  /* Worn Today on the selection, with an Undo that removes the wear. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);
  shoebox_collection_page_log_wear (shown.page);
  g_assert_true (shows_text (GTK_WIDGET (shown.window), "Wear logged for 1 pair"));
  g_assert_true (shoebox_collection_page_undo (shown.page));
  g_assert_true (shows_text (GTK_WIDGET (shown.window), "Wear removed from 1 pair"));
  worn = shoebox_collection_get_pair (fixture->collection, shoebox_pair_get_id (second), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shoebox_pair_get_wear_count (worn), ==, 0);
  g_clear_object (&worn);
  g_assert_false (shoebox_collection_page_undo (shown.page));
  shoebox_collection_page_log_wear (shown.page);
  worn = shoebox_collection_get_pair (fixture->collection, shoebox_pair_get_id (second), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shoebox_pair_get_wear_count (worn), ==, 1);
  g_clear_object (&worn);
  /* A second wear the same day is refused, and says so. */
  shoebox_collection_page_log_wear (shown.page);
  g_assert_true (shows_text (GTK_WIDGET (shown.window), "Already logged as worn today"));
  worn = shoebox_collection_get_pair (fixture->collection, shoebox_pair_get_id (second), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shoebox_pair_get_wear_count (worn), ==, 1);

  /* Delete one: nothing else is selected after, so a second Delete
   * takes nothing. Undo brings it back.
   */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);
  shoebox_collection_page_delete_selected (shown.page);
  g_assert_cmpuint (count_pairs (fixture), ==, 1);
  {
    g_autoptr(GArray) ids = shoebox_collection_page_dup_selected_ids (shown.page);

    g_assert_cmpuint (ids->len, ==, 0);
  }
  shoebox_collection_page_delete_selected (shown.page);
  g_assert_cmpuint (count_pairs (fixture), ==, 1);
  g_assert_true (shoebox_collection_page_undo (shown.page));
  g_assert_cmpuint (count_pairs (fixture), ==, 2);

  /* Selection mode: a click adds a pair, a second click takes it out;
   * each card shows a check box, ticked while its pair is selected.
   */
  assert_card_check (shown.page, model, 0, FALSE, FALSE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (template_child (shown.page, SHOEBOX_TYPE_COLLECTION_PAGE,
                                                                   "select_button")), TRUE);
  assert_card_check (shown.page, model, 0, TRUE, FALSE);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 1, TRUE);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 0));
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 1));
  assert_card_check (shown.page, model, 0, TRUE, TRUE);
  assert_card_check (shown.page, model, 1, TRUE, TRUE);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);
  g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 0));
  assert_card_check (shown.page, model, 0, TRUE, FALSE);
  assert_card_check (shown.page, model, 1, TRUE, TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (template_child (shown.page, SHOEBOX_TYPE_COLLECTION_PAGE,
                                                                   "select_button")), FALSE);
  assert_card_check (shown.page, model, 1, FALSE, FALSE);

  /* Delete both; Undo brings them back with their photos and wears. */
  gtk_selection_model_select_all (GTK_SELECTION_MODEL (model));
  shoebox_collection_page_delete_selected (shown.page);
  g_assert_cmpuint (count_pairs (fixture), ==, 0);
  g_assert_cmpstr (visible_view (shown.page), ==, "empty");

  g_assert_true (shoebox_collection_page_undo (shown.page));
  g_assert_cmpuint (count_pairs (fixture), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  photos = shoebox_collection_list_photos (fixture->collection, shoebox_pair_get_id (second), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (photos->len, ==, 1);
  g_clear_object (&worn);
  worn = shoebox_collection_get_pair (fixture->collection, shoebox_pair_get_id (second), &error);
  g_assert_cmpuint (shoebox_pair_get_wear_count (worn), ==, 1);

  /* Nothing more to undo. */
  g_assert_false (shoebox_collection_page_undo (shown.page));

  spin (50);
  gtk_window_destroy (shown.window);
}

/* A phone-wide window keeps its width when pairs are selected and the
 * selection bar shows: nothing asks for more than 360 px.
 */
static void
test_window_narrow_with_selection (Fixture       *fixture,
                                   gconstpointer  data)
{
  ShoeboxWindow *window = shoebox_window_new (NULL);
  g_autoptr(ShoeboxPair) first = add_pair (fixture, "Air Max 97", "Nike", "Silver Bullet", 18500);
  g_autoptr(ShoeboxPair) second = add_pair (fixture, "Track 2.0", "Balenciaga", "Silver", 89000);
  GListModel *model;
  int minimum = 0;

  shoebox_window_set_collection (window, fixture->collection);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  model = shoebox_collection_page_get_model (shoebox_window_get_collection_page (window));
  spin (300);
  gtk_selection_model_select_all (GTK_SELECTION_MODEL (model));
  spin (300);

  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (template_child (window, SHOEBOX_TYPE_WINDOW,
                                                                              "selection_revealer"))));
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Compare With…" in a pair's editor opens the Compare page on it. */
static void
test_editor_compare_with (Fixture       *fixture,
                          gconstpointer  data)
{
  ShoeboxWindow *window = shoebox_window_new (NULL);
  g_autoptr(ShoeboxPair) pair = add_pair (fixture, "Track 2.0", "Balenciaga", "Silver", 89000);
  AdwViewStack *pages;
  GtkWidget *editor;

  shoebox_window_set_collection (window, fixture->collection);
  shoebox_window_set_photos (window, fixture->photos);
  gtk_window_present (GTK_WINDOW (window));
  editor = shoebox_pair_editor_new (fixture->collection, fixture->photos, pair);
  shoebox_dialog_present (editor, GTK_WIDGET (window));

  shoebox_test_settle ();
  g_object_ref (editor);
  gtk_widget_activate_action (editor, "editor.compare-with", NULL);
  g_assert_false (shoebox_dialog_is_shown (editor));
  g_object_unref (editor);

  pages = ADW_VIEW_STACK (template_child (window, SHOEBOX_TYPE_WINDOW, "pages"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (pages), ==, "compare");
  g_assert_cmpuint (shoebox_compare_page_get_n_items (shoebox_window_get_compare_page (window)), ==, 1);

  destroy_settled (GTK_WINDOW (window));
}

static void
set_row (ShoeboxPairEditor *editor,
         const char        *name,
         const char        *text)
{
  gtk_editable_set_text (GTK_EDITABLE (template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, name)), text);
}

static gboolean
save_enabled (ShoeboxPairEditor *editor)
{
  GtkWidget *save = template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "save_button");

  return gtk_widget_is_sensitive (save);
}

typedef struct
{
  const char *row;
  const char *text;
  const char *field; /* the field the inline message names */
} BadInput;

/* Each bad input is shown as wrong with its reason, keeps Save disabled,
 * and saving anyway writes nothing.
 */
static void
test_editor_rejects_bad_input (Fixture       *fixture,
                               gconstpointer  data)
{
  static const BadInput bad[] = {
    { "price_paid_row", "-5", "Price Paid" },
    { "price_paid_row", "twelve", "Price Paid" },
    { "price_paid_row", "12.345", "Price Paid" },
    { "estimated_value_row", "1,5x", "Estimated Value" },
    { "purchase_date_row", "2999-01-01", "Purchase Date" },
    { "purchase_date_row", "2024-02-30", "Purchase Date" },
    { "size_row", "99", "Size" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      ShoeboxPairEditor *editor = SHOEBOX_PAIR_EDITOR (shoebox_pair_editor_new (fixture->collection, fixture->photos,
                                                                               NULL));
      g_autofree char *problems = NULL;

      /* Presented: an AdwDialog's buttons find its actions only then. */
      shoebox_dialog_present (GTK_WIDGET (editor), NULL);
      /* An empty silhouette alone keeps Save disabled. */
      g_assert_false (save_enabled (editor));
      gtk_editable_set_text (GTK_EDITABLE (template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "silhouette_entry")),
                             "Track 2.0");
      set_row (editor, "brand_row", "Balenciaga");
      set_row (editor, "size_row", "42");
      adw_combo_row_set_selected (ADW_COMBO_ROW (template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "size_system_row")),
                                  SHOEBOX_SIZE_SYSTEM_EU);
      g_assert_true (save_enabled (editor));

      set_row (editor, bad[i].row, bad[i].text);
      g_assert_false (save_enabled (editor));
      g_assert_false (shoebox_pair_editor_is_valid (editor));
      problems = shoebox_pair_editor_dup_problems (editor);
      g_test_message ("%s = “%s”: %s", bad[i].row, bad[i].text, problems);
      g_assert_true (g_str_has_prefix (problems, bad[i].field));
      g_assert_true (gtk_widget_has_css_class (template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, bad[i].row), "error"));

      gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
      g_assert_cmpuint (count_pairs (fixture), ==, 0);
      g_assert_true (shoebox_dialog_is_shown (GTK_WIDGET (editor)));

      shoebox_test_discard_editor (editor);
    }
}

static void
count_signal_cb (int *counter)
{
  (*counter)++;
}

static void
test_editor_saves_every_field (Fixture       *fixture,
                               gconstpointer  data)
{
  ShoeboxPairEditor *editor = SHOEBOX_PAIR_EDITOR (shoebox_pair_editor_new (fixture->collection, fixture->photos, NULL));
  g_autoptr(GListModel) pairs = NULL;
  g_autoptr(ShoeboxPair) saved = NULL;
  ShoeboxPairQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  int n_saved = 0;

  shoebox_dialog_present (GTK_WIDGET (editor), NULL);
  g_signal_connect_swapped (editor, "saved", G_CALLBACK (count_signal_cb), &n_saved);

  gtk_editable_set_text (GTK_EDITABLE (template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "silhouette_entry")),
                         "Gel-Kayano 14");
  set_row (editor, "brand_row", "Asics");
  set_row (editor, "colorway_row", "Cream / Pure Silver");
  set_row (editor, "style_code_row", "1201A019-108");
  set_row (editor, "size_row", "27.5");
  adw_combo_row_set_selected (ADW_COMBO_ROW (template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "size_system_row")),
                              SHOEBOX_SIZE_SYSTEM_JP_CM);
  adw_combo_row_set_selected (ADW_COMBO_ROW (template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "condition_row")),
                              SHOEBOX_CONDITION_VNDS);
  set_row (editor, "price_paid_row", "150.00");
  set_row (editor, "purchase_date_row", "2024-05-17");
  set_row (editor, "tags_row", "grail; to clean");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR,
                                                                                     "notes_view"))),
                            "Kept in the box.", -1);
  g_assert_true (save_enabled (editor));

  shoebox_test_settle ();
  g_object_ref (editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_cmpint (n_saved, ==, 1);
  g_assert_false (shoebox_dialog_is_shown (GTK_WIDGET (editor)));
  g_assert_finalize_object (editor);

  /* A silhouette new to the catalogue was added on the spot. */
  pairs = shoebox_collection_search (fixture->collection, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pairs), ==, 1);
  saved = g_list_model_get_item (pairs, 0);
  g_assert_cmpstr (shoebox_pair_get_silhouette_name (saved), ==, "Gel-Kayano 14");
  g_assert_cmpstr (shoebox_pair_get_brand_name (saved), ==, "Asics");
  g_assert_cmpstr (shoebox_pair_get_colorway (saved), ==, "Cream / Pure Silver");
  g_assert_cmpstr (shoebox_pair_get_style_code (saved), ==, "1201A019-108");
  g_assert_cmpstr (shoebox_pair_get_size (saved), ==, "27.5");
  g_assert_cmpint (shoebox_pair_get_size_system (saved), ==, SHOEBOX_SIZE_SYSTEM_JP_CM);
  g_assert_cmpint (shoebox_pair_get_condition (saved), ==, SHOEBOX_CONDITION_VNDS);
  g_assert_cmpint (shoebox_pair_get_price_paid (saved), ==, 15000);
  g_assert_cmpstr (shoebox_pair_get_purchase_date (saved), ==, "2024-05-17");
  g_assert_true (shoebox_pair_has_tag (saved, "grail"));
  g_assert_true (shoebox_pair_has_tag (saved, "to clean"));
  g_assert_cmpstr (shoebox_pair_get_notes (saved), ==, "Kept in the box.");
}

static char *
write_test_png (const char *name,
                guint32     colour)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  gdk_pixbuf_fill (pixbuf, colour);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_assert_no_error (error);
  return path;
}

typedef struct
{
  ShoeboxPairEditor *editor;
  guint              n_photos;
} PhotoWait;

static gboolean
editor_has_photos (gpointer data)
{
  PhotoWait *wait = data;

  return shoebox_pair_editor_get_n_photos (wait->editor) == wait->n_photos
         && gtk_widget_is_sensitive (template_child (wait->editor, SHOEBOX_TYPE_PAIR_EDITOR, "save_button"));
}

static void
test_editor_photos (Fixture       *fixture,
                    gconstpointer  data)
{
  ShoeboxPairEditor *editor = SHOEBOX_PAIR_EDITOR (shoebox_pair_editor_new (fixture->collection, fixture->photos, NULL));
  g_autofree char *red = write_test_png ("red.png", 0xff0000ff);
  g_autofree char *blue = write_test_png ("blue.png", 0x0000ffff);
  g_autofree char *text = g_build_filename (g_get_tmp_dir (), "notes.txt", NULL);
  g_autoptr(GFile) red_file = g_file_new_for_path (red);
  g_autoptr(GFile) red_again = g_file_new_for_path (red);
  g_autoptr(GFile) blue_file = g_file_new_for_path (blue);
  g_autoptr(GFile) text_file = g_file_new_for_path (text);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GListModel) pairs = NULL;
  g_autoptr(ShoeboxPair) saved = NULL;
  g_autoptr(GError) error = NULL;
  ShoeboxPairQuery query = { 0 };
  PhotoWait wait = { editor, 2 };

  g_assert_true (g_file_set_contents (text, "not an image", -1, NULL));
  shoebox_dialog_present (GTK_WIDGET (editor), NULL);
  gtk_editable_set_text (GTK_EDITABLE (template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "silhouette_entry")),
                         "Track 2.0");
  set_row (editor, "brand_row", "Balenciaga");

  /* Two photos, the same one again (stored once), and a file that is not
   * an image (a toast, nothing added).
   */
  shoebox_pair_editor_import_photo (editor, red_file);
  shoebox_pair_editor_import_photo (editor, blue_file);
  shoebox_pair_editor_import_photo (editor, red_again);
  shoebox_pair_editor_import_photo (editor, text_file);
  wait_until (editor_has_photos, &wait);
  spin (200);
  g_assert_cmpuint (shoebox_pair_editor_get_n_photos (editor), ==, 2);

  g_object_ref (editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_false (shoebox_dialog_is_shown (GTK_WIDGET (editor)));
  g_object_unref (editor);

  pairs = shoebox_collection_search (fixture->collection, &query, &error);
  g_assert_cmpuint (g_list_model_get_n_items (pairs), ==, 1);
  saved = g_list_model_get_item (pairs, 0);
  rows = shoebox_collection_list_photos (fixture->collection, shoebox_pair_get_id (saved), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  /* The first photo became the side profile. */
  g_assert_true (((ShoeboxPhotoRow *) g_ptr_array_index (rows, 0))->is_side_profile);
  g_assert_false (((ShoeboxPhotoRow *) g_ptr_array_index (rows, 1))->is_side_profile);

  g_unlink (red);
  g_unlink (blue);
  g_unlink (text);
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static GtkPopover *
find_suggestions (GtkWidget *entry)
{
  for (GtkWidget *child = gtk_widget_get_first_child (entry); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return GTK_POPOVER (child);
  return NULL;
}

/* A key as it reaches the silhouette field, before the field or the
 * editor: whether the suggestions took it.
 */
static gboolean
press_key (GtkWidget *entry,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "silhouette-suggestions") == 0)
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
          return handled;
        }
    }
  g_assert_not_reached ();
}

#if !GTK_CHECK_VERSION (4, 10, 0)
/* GTK 4.8's completion shows its list a moment after typing. */
static gboolean
suggestions_shown (gpointer entry)
{
  GtkPopover *suggestions = find_suggestions (entry);

  return suggestions != NULL && gtk_widget_get_visible (GTK_WIDGET (suggestions));
}
#endif

/* The editor is a dialog over its window (an AdwDialog inside it from
 * libadwaita 1.5 on), and typing in the silhouette field suggests the
 * catalogue's silhouettes: Down and Enter pick one and fill the brand,
 * and Escape closes the suggestions without closing the editor.
 */
static void
test_editor_suggestions (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *window = adw_window_new ();
  ShoeboxPairEditor *editor = SHOEBOX_PAIR_EDITOR (shoebox_pair_editor_new (fixture->collection, fixture->photos, NULL));
  GtkWidget *entry = template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "silhouette_entry");
  GtkWidget *brand = template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "brand_row");

  adw_window_set_content (ADW_WINDOW (window), gtk_label_new ("Parent"));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  gtk_window_present (GTK_WINDOW (window));
  shoebox_dialog_present (GTK_WIDGET (editor), window);
#if ADW_CHECK_VERSION (1, 4, 0)
  /* Its header bar is a toolbar view's top bar. */
  g_assert_nonnull (gtk_widget_get_ancestor (template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "save_button"),
                                             ADW_TYPE_TOOLBAR_VIEW));
#endif
#if ADW_CHECK_VERSION (1, 5, 0)
  g_assert_true (ADW_IS_DIALOG (editor));
  g_assert_true (gtk_widget_get_root (GTK_WIDGET (editor)) == GTK_ROOT (window));
  g_assert_cmpstr (adw_dialog_get_title (ADW_DIALOG (editor)), ==, "Add Pair");
#else
  g_assert_true (GTK_IS_WINDOW (editor));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Add Pair");
#endif
  wait_until (widget_mapped, entry);
  gtk_widget_grab_focus (entry);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    GtkPopover *suggestions = find_suggestions (entry);

    g_assert_nonnull (suggestions);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (suggestions)));
    gtk_editable_set_text (GTK_EDITABLE (entry), "track 2");
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (suggestions)));

    /* Escape: the list goes, the editor and the typing stay. */
    g_assert_true (press_key (entry, GDK_KEY_Escape));
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (suggestions)));
    g_assert_true (shoebox_dialog_is_shown (GTK_WIDGET (editor)));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "track 2");
    /* With no list open, Escape goes on to the editor, which closes. */
    g_assert_false (press_key (entry, GDK_KEY_Escape));

    /* Typing on opens it again; Down picks the first, Enter takes it. */
    gtk_editable_set_text (GTK_EDITABLE (entry), "track 2.");
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (suggestions)));
    g_assert_true (press_key (entry, GDK_KEY_Down));
    g_assert_true (press_key (entry, GDK_KEY_Return));
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (suggestions)));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Track 2.0");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (brand)), ==, "Balenciaga");
    g_assert_true (shoebox_dialog_is_shown (GTK_WIDGET (editor)));

    /* Nothing matches: no list. */
    gtk_editable_set_text (GTK_EDITABLE (entry), "no such shoe");
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (suggestions)));
  }
#else
  /* GTK 4.8's completion: its list shows a moment after typing. */
  g_assert_nonnull (gtk_entry_get_completion (GTK_ENTRY (entry)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (brand)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (entry), "track 2");
  wait_until (suggestions_shown, entry);
  /* Escape with the list open: the completion closes its list, and the
   * editor's close that follows (the key's binding) closes nothing and
   * asks nothing; the typing stays.
   */
  g_assert_false (press_key (entry, GDK_KEY_Escape));
  shoebox_dialog_close (GTK_WIDGET (editor));
  g_assert_true (shoebox_dialog_is_shown (GTK_WIDGET (editor)));
  g_assert_null (shoebox_pair_editor_get_discard_alert (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "track 2");
#endif

  shoebox_test_discard_editor (editor);
  destroy_settled (GTK_WINDOW (window));
}

/* Nothing typed is lost: closing the editor (Escape and Cancel close
 * through "dialog.close", as shoebox_dialog_close() does) with changes
 * asks "Discard changes?", Keep Editing keeps them; typing and undoing it
 * is no change; an untouched or saved editor closes at once.
 */
static void
test_editor_discard (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(ShoeboxPair) pair = add_pair (fixture, "Track 2.0", "Balenciaga", "Silver", 89000);
  ShoeboxPairEditor *editor = SHOEBOX_PAIR_EDITOR (shoebox_pair_editor_new (fixture->collection, fixture->photos, NULL));
  GtkWidget *colorway = template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "colorway_row");
  ShoeboxAlert *alert;

  shoebox_dialog_present (GTK_WIDGET (editor), NULL);
  g_assert_false (shoebox_pair_editor_has_changes (editor));
  gtk_editable_set_text (GTK_EDITABLE (colorway), "Silver");
  g_assert_true (shoebox_pair_editor_has_changes (editor));
  gtk_editable_set_text (GTK_EDITABLE (colorway), "");
  g_assert_false (shoebox_pair_editor_has_changes (editor));
  /* Untouched: no question. */
  shoebox_test_close_dialog (editor);
  g_assert_null (shoebox_test_find_shown (SHOEBOX_TYPE_ALERT));

  editor = SHOEBOX_PAIR_EDITOR (shoebox_pair_editor_new (fixture->collection, fixture->photos, NULL));
  colorway = template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "colorway_row");
  shoebox_dialog_present (GTK_WIDGET (editor), NULL);
  gtk_editable_set_text (GTK_EDITABLE (colorway), "Silver");
  shoebox_dialog_close (GTK_WIDGET (editor));
  g_assert_true (shoebox_dialog_is_shown (GTK_WIDGET (editor)));
  alert = SHOEBOX_ALERT (shoebox_pair_editor_get_discard_alert (editor));
  g_assert_nonnull (alert);
  /* A second Escape while it asks does not ask twice. */
  shoebox_dialog_close (GTK_WIDGET (editor));
  g_assert_true (shoebox_pair_editor_get_discard_alert (editor) == GTK_WIDGET (alert));
  shoebox_alert_respond (alert, "keep");
  spin (50);
  g_assert_null (shoebox_pair_editor_get_discard_alert (editor));
  g_assert_true (shoebox_dialog_is_shown (GTK_WIDGET (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (colorway)), ==, "Silver");
#if !ADW_CHECK_VERSION (1, 5, 0)
  /* The window manager's close button asks too. */
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_true (shoebox_dialog_is_shown (GTK_WIDGET (editor)));
  g_assert_nonnull (shoebox_pair_editor_get_discard_alert (editor));
  shoebox_alert_respond (SHOEBOX_ALERT (shoebox_pair_editor_get_discard_alert (editor)), "keep");
  spin (50);
#endif
  shoebox_test_discard_editor (editor);
  g_assert_cmpuint (count_pairs (fixture), ==, 1);

  /* A saved pair, changed and saved: it closes without asking. */
  editor = SHOEBOX_PAIR_EDITOR (shoebox_pair_editor_new (fixture->collection, fixture->photos, pair));
  colorway = template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "colorway_row");
  shoebox_dialog_present (GTK_WIDGET (editor), NULL);
  g_object_ref (editor);
  g_assert_false (shoebox_pair_editor_has_changes (editor));
  gtk_editable_set_text (GTK_EDITABLE (colorway), "Silver Blue");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin (50);
  g_assert_null (shoebox_pair_editor_get_discard_alert (editor));
  g_assert_false (shoebox_dialog_is_shown (GTK_WIDGET (editor)));
  g_object_unref (editor);
  shoebox_test_settle ();
}

static guint
wear_count (Fixture *fixture,
            gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxPair) pair = shoebox_collection_get_pair (fixture->collection, id, &error);

  g_assert_no_error (error);
  return shoebox_pair_get_wear_count (pair);
}

/* The editor's wear log: a second Worn Today is refused and says so, its
 * Undo removes the day, a day can be removed and a past one logged, a
 * future one is refused. None of it is an unsaved change.
 */
static void
test_editor_wears (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ShoeboxPair) pair = add_pair (fixture, "Track 2.0", "Balenciaga", "Silver", 89000);
  ShoeboxPairEditor *editor = SHOEBOX_PAIR_EDITOR (shoebox_pair_editor_new (fixture->collection, fixture->photos, pair));
  GtkWidget *past = template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "past_wear_row");
  g_autofree char *today = shoebox_date_dup_today ();
  gint64 id = shoebox_pair_get_id (pair);
  const char * const *dates;

  shoebox_dialog_present (GTK_WIDGET (editor), NULL);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.worn-today", NULL);
  g_assert_cmpuint (wear_count (fixture, id), ==, 1);
  g_assert_true (shows_text (GTK_WIDGET (editor), "Wear logged for today"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.worn-today", NULL);
  g_assert_cmpuint (wear_count (fixture, id), ==, 1);
  g_assert_true (shows_text (GTK_WIDGET (editor), "Already logged as worn today"));

  /* Undo on the toast, or Remove beside the day: the same action. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.remove-wear", "s", today);
  g_assert_cmpuint (wear_count (fixture, id), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (past), "2999-01-01");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.log-past-wear", NULL);
  g_assert_cmpuint (wear_count (fixture, id), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (past), "2024-01-02");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.log-past-wear", NULL);
  g_assert_cmpuint (wear_count (fixture, id), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (past)), ==, "");
  g_assert_true (shows_text (GTK_WIDGET (editor), "2024-01-02"));
  dates = shoebox_pair_get_wear_dates (shoebox_pair_editor_get_pair (editor));
  g_assert_cmpstr (dates[0], ==, "2024-01-02");
  g_assert_null (dates[1]);

  g_assert_false (shoebox_pair_editor_has_changes (editor));
  shoebox_test_close_dialog (editor);
}

static gboolean
stack_shows_statistics (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (data)), "statistics") == 0;
}

static void
test_statistics_window (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(ShoeboxPair) nike = add_pair (fixture, "Air Max 97", "Nike", "Silver Bullet", 18500);
  g_autoptr(ShoeboxPair) track = add_pair (fixture, "Track 2.0", "Balenciaga", "Silver", 89000);
  g_autoptr(ShoeboxPair) runner = add_pair (fixture, "Runner", "Balenciaga", "Grey", 115000);
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
  brands = SHOEBOX_BAR_CHART (template_child (window, SHOEBOX_TYPE_STATISTICS_WINDOW, "brand_chart"));
  conditions = SHOEBOX_BAR_CHART (template_child (window, SHOEBOX_TYPE_STATISTICS_WINDOW, "condition_chart"));
  owned = ADW_ACTION_ROW (template_child (window, SHOEBOX_TYPE_STATISTICS_WINDOW, "owned_row"));
  stack = GTK_STACK (template_child (window, SHOEBOX_TYPE_STATISTICS_WINDOW, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "computing");
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (template_child (window, SHOEBOX_TYPE_STATISTICS_WINDOW,
                                                                        "spinner"))));
  shoebox_dialog_present (window, NULL);
  wait_until (stack_shows_statistics, stack);

  g_assert_cmpuint (shoebox_test_sql_log_count ("FROM pairs", FALSE), >=, 6);
  g_assert_cmpuint (shoebox_test_sql_log_count ("FROM pairs", TRUE), ==, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (owned), ==, "3");
  /* Like with like: the one estimate beside what that pair cost. */
  g_assert_true (shows_text (window, "Paid for 3 pairs: 2225.00 USD"));
  g_assert_true (shows_text (window, "Estimated value of 1 of 3 pairs: 1400.00 USD (paid 1150.00 USD)"));
  g_assert_cmpuint (shoebox_bar_chart_get_n_bars (brands), ==, 2);
  g_assert_cmpuint (shoebox_bar_chart_get_n_bars (conditions), >=, 4);
  shoebox_test_close_dialog (window);

  /* Closed before the figures come: nothing touches the window after. */
  window = shoebox_statistics_window_new (fixture->collection);
  shoebox_test_drop_dialog (window);
  spin (300);
}

static void
imported_cb (ShoeboxCsvImportWindow *window,
             guint                   n_imported,
             guint                   n_rejected,
             gboolean               *imported)
{
  g_assert_cmpuint (n_imported, ==, 1);
  g_assert_cmpuint (n_rejected, ==, 2);
  *imported = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
test_csv_preview (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char csv[] =
    "silhouette,brand,colorway,price_paid,currency,purchase_date,mood\n"
    "Track 2.0,Balenciaga,Silver,890.00,EUR,2023-04-12,happy\n"
    "Triple S,Balenciaga,Black,-5,USD,2022-11-25,\n"
    "Air Max 97,Nike,Silver Bullet,185.00,USD,2022-02-30,\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  g_autofree char *summary = NULL;
  gboolean imported = FALSE;

  window = shoebox_csv_import_window_new (fixture->collection, "pairs.csv", bytes, &error);
  g_assert_no_error (error);
  shoebox_dialog_present (window, NULL);
  g_object_ref (window);
  shoebox_test_settle ();
  summary = g_strdup (gtk_label_get_text (GTK_LABEL (template_child (window, SHOEBOX_TYPE_CSV_IMPORT_WINDOW,
                                                                     "summary_label"))));
  g_assert_nonnull (strstr (summary, "3 rows: 1 can be imported, 2 will be skipped"));
  /* Columns and problems in words, not the file's column names. */
  g_assert_true (shows_text (window, "Imported as Price Paid"));
  g_assert_true (shows_text (window, "Storage Location"));
  g_assert_false (shows_text (window, "storage_location"));
  g_assert_true (shows_text (window, "Line 3, Price Paid"));
  g_assert_false (shows_text (window, "Line 3, price_paid"));
  /* The preview wrote nothing. */
  g_assert_cmpuint (count_pairs (fixture), ==, 0);

  /* The import runs in a worker thread; meanwhile the window says so,
   * and neither cancels nor closes.
   */
  g_signal_connect (window, "imported", G_CALLBACK (imported_cb), &imported);
  shoebox_test_sql_log_clear ();
  gtk_widget_activate_action (GTK_WIDGET (window), "import.import", NULL);
  g_assert_false (gtk_widget_get_sensitive (template_child (window, SHOEBOX_TYPE_CSV_IMPORT_WINDOW, "cancel_button")));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (template_child (window, SHOEBOX_TYPE_CSV_IMPORT_WINDOW,
                                                                        "spinner"))));
  /* What Escape, Cancel or the window manager would ask. */
  shoebox_dialog_close (window);
  g_assert_true (shoebox_dialog_is_shown (window));

  wait_until (is_true, &imported);
  g_assert_cmpuint (count_pairs (fixture), ==, 1);
  g_assert_cmpuint (shoebox_test_sql_log_count ("INSERT INTO pairs (", FALSE), ==, 1);
  g_assert_cmpuint (shoebox_test_sql_log_count ("INSERT INTO pairs (", TRUE), ==, 0);
  /* Done, it closed itself. */
  g_assert_false (shoebox_dialog_is_shown (window));
  g_assert_finalize_object (window);
}

static gboolean
export_done (gpointer data)
{
  return !shoebox_csv_dialogs_is_exporting (GTK_WINDOW (data));
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* Export CSV… writes in a worker thread: the window's export is marked
 * running until the file is written, and a window closed meanwhile lets
 * the export finish.
 */
static void
test_csv_export (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "export.csv", NULL);
  g_autofree char *closed_path = g_build_filename (g_get_user_data_dir (), "closed.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) closed_file = g_file_new_for_path (closed_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  ShoeboxWindow *window = shoebox_window_new (NULL);
  ShoeboxWindow *closed = shoebox_window_new (NULL);
  AdwToastOverlay *toasts;

  g_assert_true (shoebox_collection_generate_pairs (fixture->collection, 300, 4, &error));
  g_assert_no_error (error);
  shoebox_window_set_collection (window, fixture->collection);
  gtk_window_present (GTK_WINDOW (window));
  toasts = ADW_TOAST_OVERLAY (template_child (window, SHOEBOX_TYPE_WINDOW, "toasts"));

  shoebox_test_sql_log_clear ();
  shoebox_csv_dialogs_export_to_file (GTK_WINDOW (window), fixture->collection, toasts, file);
  g_assert_true (shoebox_csv_dialogs_is_exporting (GTK_WINDOW (window)));
  wait_until (export_done, window);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 302);
  g_assert_true (g_str_has_prefix (lines[0], "silhouette,brand,"));
  /* Every pair was read by the worker, 1,000 to a query (with their
   * tags and wears in two more).
   */
  g_assert_cmpuint (shoebox_test_sql_log_count ("WHERE p.id IN (SELECT value FROM json_each", FALSE), >=, 1);

  /* Closed at once, from another window that never showed (see
   * destroy_settled()).
   */
  shoebox_csv_dialogs_export_to_file (GTK_WINDOW (closed), fixture->collection,
                                      ADW_TOAST_OVERLAY (template_child (closed, SHOEBOX_TYPE_WINDOW, "toasts")),
                                      closed_file);
  gtk_window_destroy (GTK_WINDOW (closed));
  wait_until (file_exists, closed_path);
  spin (100);
  destroy_settled (GTK_WINDOW (window));
}

static gboolean
card_shows_photo (gpointer data)
{
  ShoeboxPairCard *card = data;

  return shoebox_pair_card_get_thumbnail (card) != NULL;
}

/* Cards on screen show their pair's photo, found again when a search
 * shows another pair in them; cards kept off screen do not look theirs up.
 */
/* Cards look their photo up in an idle after they map, which a slow
 * machine (or AddressSanitizer) runs later than any fixed wait.
 */
static gboolean
mapped_cards_looked_up (gpointer data)
{
  GtkWidget *grid = template_child (data, SHOEBOX_TYPE_COLLECTION_PAGE, "grid_view");

  for (GtkWidget *cell = gtk_widget_get_first_child (grid); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    {
      ShoeboxPairCard *card = SHOEBOX_PAIR_CARD (gtk_widget_get_first_child (cell));

      if (gtk_widget_get_mapped (GTK_WIDGET (card)) && !shoebox_pair_card_get_photo_looked_up (card))
        return FALSE;
    }

  return TRUE;
}

static void
test_page_card_photos (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *red = write_test_png ("card-red.png", 0xff0000ff);
  g_autoptr(GFile) red_file = g_file_new_for_path (red);
  g_autofree char *photo = NULL;
  g_autoptr(ShoeboxPair) track = NULL;
  g_autoptr(GError) error = NULL;
  ShoeboxPairCard *first_card = NULL;
  guint n_off_screen = 0;
  PageWindow shown;
  GtkWidget *grid;

  /* The Track 2.0 first, so the 60 newer ones push it off screen. */
  track = add_pair (fixture, "Track 2.0", "Balenciaga", "Zebrafish", 89000);
  photo = shoebox_photos_import (fixture->photos, red_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (shoebox_collection_add_photo (fixture->collection, shoebox_pair_get_id (track), photo, TRUE, &error));
  g_assert_true (shoebox_collection_generate_pairs (fixture->collection, 60, 3, &error));
  g_assert_no_error (error);

  shown = show_page (fixture);
  show_grid (&shown);
  spin (100);
  wait_until (mapped_cards_looked_up, shown.page);
  /* GTK keeps a card for it, off screen: no photo looked up. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (find_card (shown.page, shoebox_pair_get_id (track)))));
  g_assert_false (shoebox_pair_card_get_photo_looked_up (find_card (shown.page, shoebox_pair_get_id (track))));

  grid = template_child (shown.page, SHOEBOX_TYPE_COLLECTION_PAGE, "grid_view");
  for (GtkWidget *cell = gtk_widget_get_first_child (grid); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    {
      ShoeboxPairCard *card = SHOEBOX_PAIR_CARD (gtk_widget_get_first_child (cell));

      if (first_card == NULL)
        first_card = card;
      if (!gtk_widget_get_mapped (GTK_WIDGET (card)))
        {
          n_off_screen++;
          g_assert_false (shoebox_pair_card_get_photo_looked_up (card));
        }
      else
        {
          g_assert_true (shoebox_pair_card_get_photo_looked_up (card));
        }
    }
  g_assert_cmpuint (n_off_screen, >, 0);
  g_assert_null (shoebox_pair_card_get_thumbnail (first_card));

  /* Found: in the first card, with its photo. */
  type_search (shown.page, "zebrafi", 1);
  g_assert_true (find_card (shown.page, shoebox_pair_get_id (track)) == first_card);
  wait_until (card_shows_photo, first_card);

  gtk_window_destroy (shown.window);
}

/* The colorways of the pairs in the page's model, in its order. */
static char *
dup_model_order (ShoeboxCollectionPage *page)
{
  GListModel *model = shoebox_collection_page_get_model (page);
  GString *order = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ShoeboxPair) pair = g_list_model_get_item (model, i);

      g_string_append_printf (order, "%s%s", i > 0 ? "," : "", shoebox_pair_get_colorway (pair));
    }
  return g_string_free (order, FALSE);
}

/* The texts of the list's first column, top to bottom, as on screen. */
static char *
dup_list_colorways (ShoeboxCollectionPage *page)
{
  GtkWidget *view = template_child (page, SHOEBOX_TYPE_COLLECTION_PAGE, "column_view");
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
  g_autoptr(GtkColumnViewColumn) colorway = g_list_model_get_item (columns, 2);
  GListModel *model = shoebox_collection_page_get_model (page);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GString *order = g_string_new (NULL);

  g_assert_cmpstr (gtk_column_view_column_get_title (colorway), ==, "Colorway");
  /* Every label of the view whose text is a colorway of the model, in the
   * order their rows are laid out.
   */
  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child) || g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkColumnListView"))
      for (GtkWidget *row = gtk_widget_get_first_child (child); row != NULL; row = gtk_widget_get_next_sibling (row))
        {
          graphene_point_t top;
          GtkWidget *cell = gtk_widget_get_first_child (row);

          if (cell == NULL || !gtk_widget_get_visible (row)
              || !gtk_widget_compute_point (row, view, &GRAPHENE_POINT_INIT (0, 0), &top))
            continue;
          for (cell = gtk_widget_get_first_child (row); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
            {
              GtkWidget *label = gtk_widget_get_first_child (cell);

              for (guint i = 0; label != NULL && GTK_IS_LABEL (label) && i < g_list_model_get_n_items (model); i++)
                {
                  g_autoptr(ShoeboxPair) pair = g_list_model_get_item (model, i);

                  if (g_str_equal (gtk_label_get_text (GTK_LABEL (label)), shoebox_pair_get_colorway (pair)))
                    {
                      g_ptr_array_add (labels, label);
                      g_ptr_array_add (texts, GINT_TO_POINTER ((int) top.y));
                      break;
                    }
                }
            }
        }

  /* Sorted by their row's position on screen. */
  for (guint done = 0; done < labels->len; done++)
    {
      guint best = G_MAXUINT;

      for (guint i = 0; i < labels->len; i++)
        if (g_ptr_array_index (labels, i) != NULL
            && (best == G_MAXUINT || GPOINTER_TO_INT (g_ptr_array_index (texts, i)) < GPOINTER_TO_INT (g_ptr_array_index (texts, best))))
          best = i;
      g_string_append_printf (order, "%s%s", done > 0 ? "," : "",
                              gtk_label_get_text (GTK_LABEL (g_ptr_array_index (labels, best))));
      g_ptr_array_index (labels, best) = NULL;
    }
  return g_string_free (order, FALSE);
}

static void
assert_model_order (ShoeboxCollectionPage *page,
                    const char            *expected)
{
  g_autofree char *order = dup_model_order (page);

  g_assert_cmpstr (order, ==, expected);
}

static void
assert_list_order (ShoeboxCollectionPage *page,
                   const char            *expected)
{
  g_autofree char *order = dup_list_colorways (page);

  g_assert_cmpstr (order, ==, expected);
}

static void
sort_list_by (ShoeboxCollectionPage *page,
              const char            *title,
              GtkSortType            direction)
{
  GtkWidget *view = template_child (page, SHOEBOX_TYPE_COLLECTION_PAGE, "column_view");
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_str_equal (gtk_column_view_column_get_title (column), title))
        {
          gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), column, direction);
          spin (150);
          return;
        }
    }
  g_assert_not_reached ();
}

/* Issue 12, item 2: a header click sorts the rows, both ways, with ties
 * in a stable order, and the order is remembered.
 */
static void
test_page_list_sorts (Fixture       *fixture,
                      gconstpointer  data)
{
  PageWindow shown = show_page (fixture);
  g_autoptr(ShoeboxPair) a = add_pair (fixture, "Track 2.0", "Balenciaga", "Bravo", 50000);
  g_autoptr(ShoeboxPair) b = add_pair (fixture, "Air Max 97", "Nike", "Delta", 10000);
  g_autoptr(ShoeboxPair) c = add_pair (fixture, "Gel-Kayano 14", "Asics", "Alpha", 50000);
  g_autoptr(ShoeboxPair) d = add_pair (fixture, "Air Max 97", "Nike", "Charlie", 30000);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (template_child (shown.page, SHOEBOX_TYPE_COLLECTION_PAGE,
                                                                   "list_button")),
                                TRUE);
  shoebox_collection_page_reload (shown.page);
  spin (150);
  g_assert_cmpstr (visible_view (shown.page), ==, "list");

  /* Newest first, until a column is chosen. */
  assert_model_order (shown.page, "Charlie,Alpha,Delta,Bravo");

  sort_list_by (shown.page, "Colorway", GTK_SORT_ASCENDING);
  assert_model_order (shown.page, "Alpha,Bravo,Charlie,Delta");
  assert_list_order (shown.page, "Alpha,Bravo,Charlie,Delta");

  sort_list_by (shown.page, "Colorway", GTK_SORT_DESCENDING);
  assert_list_order (shown.page, "Delta,Charlie,Bravo,Alpha");

  /* Ties keep the order they were added in, both ways. */
  sort_list_by (shown.page, "Price Paid", GTK_SORT_ASCENDING);
  assert_list_order (shown.page, "Delta,Charlie,Bravo,Alpha");
  sort_list_by (shown.page, "Price Paid", GTK_SORT_DESCENDING);
  assert_list_order (shown.page, "Bravo,Alpha,Charlie,Delta");

  sort_list_by (shown.page, "Silhouette", GTK_SORT_ASCENDING);
  assert_list_order (shown.page, "Delta,Charlie,Alpha,Bravo");

  /* Remembered: a new page sorts the same way. */
  destroy_settled (shown.window);
  shown = show_page (fixture);
  shoebox_collection_page_reload (shown.page);
  spin (150);
  g_assert_cmpstr (visible_view (shown.page), ==, "list");
  assert_list_order (shown.page, "Delta,Charlie,Alpha,Bravo");
  sort_list_by (shown.page, "Silhouette", GTK_SORT_DESCENDING);
  destroy_settled (shown.window);
  shown = show_page (fixture);
  shoebox_collection_page_reload (shown.page);
  spin (150);
  assert_list_order (shown.page, "Bravo,Alpha,Delta,Charlie");

  destroy_settled (shown.window);
  {
    /* The memory backend outlives the case: later ones expect newest first. */
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

    g_settings_reset (settings, "collection-sort");
    g_settings_reset (settings, "collection-sort-descending");
  }
}

int
main (int   argc,
      char *argv[])
{
  /* ISOLATE_DIRS would hide the system's shared-mime-info database, which
   * gdk-pixbuf needs to recognise images and SVG icons.
   */
  g_content_type_set_mime_dirs (NULL);
  shoebox_test_images_init (); /* before the XDG folders are isolated */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  shoebox_test_sql_log_init ();

  if (!gtk_init_check ())
    {
      g_printerr ("No display: run the widget tests under xvfb-run -a\n");
      return 1;
    }
  shoebox_test_gtk_quirks_init ();
  adw_init ();
  shoebox_test_dialogs_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/collection-page/empty-and-search", test_page_empty_and_search);
  ADD ("/collection-page/filters", test_page_filters);
  ADD ("/collection-page/card-drags-pair", test_page_card_drags_pair);
  ADD ("/collection-page/search-keeps-cards", test_page_search_keeps_cards);
  ADD ("/collection-page/first-screenful", test_page_first_screenful);
  ADD ("/collection-page/card-photos", test_page_card_photos);
  ADD ("/collection-page/delete-undo-wear", test_page_delete_undo_and_wear);
  ADD ("/collection-page/list-sorts", test_page_list_sorts);
  ADD ("/pair-editor/rejects-bad-input", test_editor_rejects_bad_input);
  ADD ("/pair-editor/saves-every-field", test_editor_saves_every_field);
  ADD ("/pair-editor/photos", test_editor_photos);
  ADD ("/pair-editor/compare-with", test_editor_compare_with);
  ADD ("/pair-editor/suggestions", test_editor_suggestions);
  ADD ("/pair-editor/discard", test_editor_discard);
  ADD ("/pair-editor/wears", test_editor_wears);
  ADD ("/statistics/window", test_statistics_window);
  ADD ("/collection-page/narrow-with-selection", test_window_narrow_with_selection);
  ADD ("/csv/preview-and-import", test_csv_preview);
  ADD ("/csv/export", test_csv_export);
#undef ADD

  return g_test_run ();
}
