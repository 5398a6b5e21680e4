/* test-pair-page.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "shoebox-collection-page.h"
#include "shoebox-compat.h"
#include "shoebox-labels.h"
#include "shoebox-pair-editor.h"
#include "shoebox-pair-page.h"
#include "shoebox-test-collection.h"
#include "shoebox-test-gtk.h"
#include "shoebox-window.h"

/* Widget tests of a pair's page in the main window: it opens from the
 * grid, shows the pair's facts, wear log and lineage, follows a save in
 * the editor, and goes back to the grid where it was.
 */

typedef struct
{
  ShoeboxTestCollection base;
  ShoeboxWindow        *window;
} Fixture;

static gboolean
can_scroll (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_upper (adjustment) > 2 * gtk_adjustment_get_page_size (adjustment);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  shoebox_test_collection_set_up (&fixture->base, data);
  fixture->window = shoebox_window_new (NULL);
  shoebox_window_set_collection (fixture->window, fixture->base.collection);
  shoebox_window_set_photos (fixture->window, fixture->base.photos);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  shoebox_test_destroy_settled (fixture->window);
  shoebox_test_collection_tear_down (&fixture->base, data);
}

static GtkWidget *
navigation (Fixture *fixture)
{
  return shoebox_test_template_child (fixture->window, SHOEBOX_TYPE_WINDOW, "navigation");
}

static ShoeboxPairPage *
shown_pair_page (Fixture *fixture)
{
  GtkWidget *pushed = shoebox_compat_navigation_get_pushed (navigation (fixture));

  return pushed != NULL ? SHOEBOX_PAIR_PAGE (pushed) : NULL;
}

static ShoeboxPair *
add_pair (Fixture    *fixture,
          const char *colorway)
{
  ShoeboxPair *pair = shoebox_test_new_pair ("Balenciaga", "Track 2.0", colorway);

  shoebox_pair_set_currency (pair, "USD");
  shoebox_pair_set_price_paid (pair, 89000);
  shoebox_pair_set_estimated_value (pair, 120000);
  shoebox_pair_set_tags (pair, (const char *[]) { "grail", NULL });
  shoebox_pair_set_notes (pair, "Laces swapped");
  shoebox_pair_set_condition (pair, SHOEBOX_CONDITION_DEADSTOCK);
  shoebox_test_save_pair (fixture->base.collection, pair);
  return pair;
}

/* What a list shows: each row's title, and its subtitle after " = ". */
static GPtrArray *
list_rows (ShoeboxPairPage *page,
           const char      *list)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (GtkWidget *row = gtk_widget_get_first_child (shoebox_test_template_child (page, SHOEBOX_TYPE_PAIR_PAGE, list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      {
        const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

        g_ptr_array_add (texts, g_strdup_printf ("%s = %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                                 subtitle != NULL ? subtitle : ""));
      }
  return texts;
}

static gboolean
has_row (ShoeboxPairPage *page,
         const char      *list,
         const char      *text)
{
  g_autoptr(GPtrArray) rows = list_rows (page, list);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (g_ptr_array_index (rows, i), text))
      return TRUE;
  return FALSE;
}

static char *
dup_fact (const char *name,
          const char *value)
{
  return g_strdup_printf ("%s = %s", name, value);
}

static void
activate_card (Fixture *fixture,
               guint    position)
{
  ShoeboxCollectionPage *collection_page = shoebox_window_get_collection_page (fixture->window);

  g_signal_emit_by_name (shoebox_test_template_child (collection_page, SHOEBOX_TYPE_COLLECTION_PAGE, "grid_view"),
                         "activate", position);
  shoebox_test_spin (50);
}

/* A card opens its pair's page, not the editor: photos' place, facts in
 * the locale's money, wear days newest first, lineage; then back. */
static void
test_opens_with_content (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ShoeboxPair) pair = add_pair (fixture, "Silver");
  gint64 id = shoebox_pair_get_id (pair);
  g_autoptr(GArray) logged = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *paid = shoebox_labels_dup_money (89000, "USD");
  g_autofree char *estimate = shoebox_labels_dup_money (120000, "USD");
  g_autofree char *paid_fact = dup_fact ("Price Paid", paid);
  g_autofree char *estimate_fact = dup_fact ("Estimated Value", estimate);
  g_autofree char *condition_fact = dup_fact ("Condition", shoebox_labels_condition (SHOEBOX_CONDITION_DEADSTOCK));
  g_autofree char *box_fact = NULL;
  g_autofree char *older = shoebox_labels_dup_date ("2024-01-02");
  g_autofree char *newer = shoebox_labels_dup_date ("2024-03-05");
  g_autofree char *added = shoebox_labels_dup_date ("2024-02-01");
  g_autoptr(GPtrArray) wears = NULL;
  ShoeboxPairPage *page;
  GtkWidget *gallery;
  int minimum = 0;

  g_assert_true (shoebox_collection_log_new_wear (fixture->base.collection, &id, 1, "2024-01-02", logged, &error));
  g_assert_true (shoebox_collection_log_new_wear (fixture->base.collection, &id, 1, "2024-03-05", logged, &error));
  g_assert_no_error (error);
  /* A top view added first, the side profile second. */
  g_assert_true (shoebox_collection_add_photo (fixture->base.collection, id,
                                               "0000000000000000000000000000000000000000000000000000000000000001.png",
                                               FALSE, &error));
  g_assert_true (shoebox_collection_add_photo (fixture->base.collection, id,
                                               "0000000000000000000000000000000000000000000000000000000000000002.png",
                                               TRUE, &error));
  g_assert_no_error (error);
  shoebox_collection_page_reload (shoebox_window_get_collection_page (fixture->window));
  shoebox_test_spin (200);

  g_assert_null (shown_pair_page (fixture));
  activate_card (fixture, 0);
  page = shown_pair_page (fixture);
  g_assert_nonnull (page);
  g_assert_null (shoebox_test_find_shown (SHOEBOX_TYPE_PAIR_EDITOR));
  g_assert_cmpint (shoebox_pair_page_get_pair_id (page), ==, id);

  /* The gallery shows the side profile first. */
  gallery = shoebox_test_template_child (page, SHOEBOX_TYPE_PAIR_PAGE, "gallery");
  g_assert_cmpuint (adw_carousel_get_n_pages (ADW_CAROUSEL (gallery)), ==, 2);
  g_assert_cmpstr (gtk_picture_get_alternative_text (GTK_PICTURE (adw_carousel_get_nth_page (ADW_CAROUSEL (gallery), 0))),
                   ==, "Side Profile");
  g_assert_cmpstr (gtk_picture_get_alternative_text (GTK_PICTURE (adw_carousel_get_nth_page (ADW_CAROUSEL (gallery), 1))),
                   ==, "Photo 2 of 2");

  g_assert_true (has_row (page, "facts_list", "Silhouette = Balenciaga Track 2.0"));
  g_assert_true (has_row (page, "facts_list", "Colorway = Silver"));
  g_assert_true (has_row (page, "facts_list", paid_fact));
  g_assert_true (has_row (page, "facts_list", estimate_fact));
  g_assert_true (has_row (page, "facts_list", "Tags = grail"));
  g_assert_true (has_row (page, "facts_list", "Notes = Laces swapped"));
  g_assert_true (has_row (page, "facts_list", condition_fact));
  /* A box not recorded is left out, not shown as "Not Recorded". */
  box_fact = dup_fact ("Box", shoebox_labels_box (SHOEBOX_BOX_UNKNOWN));
  g_assert_false (has_row (page, "facts_list", box_fact));

  wears = list_rows (page, "wears_list");
  g_assert_cmpuint (wears->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (wears, 0), newer));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (wears, 1), older));
  g_clear_pointer (&wears, g_ptr_array_unref);

  /* A past day goes in its place; a day removed goes. */
  gtk_editable_set_text (GTK_EDITABLE (shoebox_test_template_child (page, SHOEBOX_TYPE_PAIR_PAGE, "past_wear_row")), "2024-02-01");
  gtk_widget_activate_action (GTK_WIDGET (page), "pair-page.log-past-wear", NULL);
  wears = list_rows (page, "wears_list");
  g_assert_cmpuint (wears->len, ==, 3);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (wears, 1), added));
  g_clear_pointer (&wears, g_ptr_array_unref);
  gtk_widget_activate_action (GTK_WIDGET (page), "pair-page.remove-wear", "s", "2024-01-02");
  wears = list_rows (page, "wears_list");
  g_assert_cmpuint (wears->len, ==, 2);
  g_assert_false (has_row (page, "wears_list", older));
  g_clear_pointer (&wears, g_ptr_array_unref);

  /* Worn Today goes through the window, with its Undo. */
  gtk_widget_activate_action (GTK_WIDGET (page), "pair-page.worn-today", NULL);
  wears = list_rows (page, "wears_list");
  g_assert_cmpuint (wears->len, ==, 3);
  g_clear_pointer (&wears, g_ptr_array_unref);
  /* Shown before Undo dismisses it, as for anyone who clicks. */
  shoebox_test_spin (50);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  wears = list_rows (page, "wears_list");
  g_assert_cmpuint (wears->len, ==, 2);
  g_clear_pointer (&wears, g_ptr_array_unref);

  /* Track 2.0 has generations before and after it. */
  wears = list_rows (page, "lineage_list");
  g_assert_cmpuint (wears->len, >, 1);
  g_clear_pointer (&wears, g_ptr_array_unref);
  g_assert_true (gtk_widget_get_visible (shoebox_test_template_child (page, SHOEBOX_TYPE_PAIR_PAGE, "compare_generations_button")));

  /* Nothing on the page asks for more than a phone's 360 px. */
  gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("the pair page needs %d px", minimum);
  g_assert_cmpint (minimum, <=, 360);

  gtk_widget_activate_action (GTK_WIDGET (page), "pair-page.back", NULL);
  shoebox_test_spin (50);
  g_assert_null (shown_pair_page (fixture));
}

/* Edit opens the editor on the pair; a save shows on the page at once. */
static void
test_edit_and_delete (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ShoeboxPair) pair = add_pair (fixture, "Silver");
  g_autoptr(GError) error = NULL;
  ShoeboxPairPage *page;
  GtkWidget *editor;

  shoebox_collection_page_reload (shoebox_window_get_collection_page (fixture->window));
  shoebox_test_spin (200);
  activate_card (fixture, 0);
  page = shown_pair_page (fixture);
  g_assert_nonnull (page);

  gtk_widget_activate_action (GTK_WIDGET (page), "pair-page.edit", NULL);
  shoebox_test_settle ();
  editor = shoebox_test_find_shown (SHOEBOX_TYPE_PAIR_EDITOR);
  g_assert_nonnull (editor);
  /* Duplicate, News and Compare With… are on the page, not at the
   * bottom of its editor; Delete is in both. */
  for (GtkWidget *button = gtk_widget_get_first_child (shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "manage_box"));
       button != NULL;
       button = gtk_widget_get_next_sibling (button))
    g_assert_true (gtk_widget_get_visible (button)
                   == g_str_equal (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), "editor.delete"));
  gtk_editable_set_text (GTK_EDITABLE (shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "colorway_row")), "Black");
  gtk_widget_activate_action (editor, "editor.save", NULL);
  shoebox_test_settle ();
  g_assert_true (shown_pair_page (fixture) == page);
  g_assert_true (has_row (page, "facts_list", "Colorway = Black"));
  g_assert_false (has_row (page, "facts_list", "Colorway = Silver"));

  /* Duplicate shows the copy. */
  gtk_widget_activate_action (GTK_WIDGET (page), "pair-page.duplicate", NULL);
  g_assert_cmpint (shoebox_pair_page_get_pair_id (page), !=, shoebox_pair_get_id (pair));
  g_assert_cmpuint (shoebox_collection_count_pairs (fixture->base.collection, &error), ==, 2);

  /* Delete closes the page; Undo brings the pair back. */
  gtk_widget_activate_action (GTK_WIDGET (page), "pair-page.delete", NULL);
  shoebox_test_spin (50);
  g_assert_null (shown_pair_page (fixture));
  g_assert_cmpuint (shoebox_collection_count_pairs (fixture->base.collection, &error), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpuint (shoebox_collection_count_pairs (fixture->base.collection, &error), ==, 2);
  g_assert_no_error (error);
}

/* Back leaves the grid scrolled where it was. */
static void
test_back_keeps_scroll (Fixture       *fixture,
                        gconstpointer  data)
{
  ShoeboxCollectionPage *collection_page = shoebox_window_get_collection_page (fixture->window);
  GtkWidget *grid = shoebox_test_template_child (collection_page, SHOEBOX_TYPE_COLLECTION_PAGE, "grid_view");
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
  g_autoptr(GError) error = NULL;
  double scrolled;

  g_assert_true (shoebox_collection_generate_pairs (fixture->base.collection, 200, 7, &error));
  g_assert_no_error (error);
  shoebox_collection_page_reload (collection_page);
  shoebox_test_wait_until (can_scroll, adjustment);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  shoebox_test_spin (100);
  scrolled = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (scrolled, >, 0);

  activate_card (fixture, 40);
  g_assert_nonnull (shown_pair_page (fixture));
  shoebox_test_spin (100);
  gtk_widget_activate_action (GTK_WIDGET (shown_pair_page (fixture)), "pair-page.back", NULL);
  shoebox_test_spin (300);
  g_assert_null (shown_pair_page (fixture));
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), scrolled, 1);
}

static gboolean
focus_is_in (gpointer data)
{
  GtkWidget *widget = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Back returns the focus to the card that opened the page, so that a
 * keyboard or screen reader user goes on from where they were. */
static void
test_back_restores_focus (Fixture       *fixture,
                          gconstpointer  data)
{
  ShoeboxCollectionPage *collection_page = shoebox_window_get_collection_page (fixture->window);
  GtkWidget *grid = shoebox_test_template_child (collection_page, SHOEBOX_TYPE_COLLECTION_PAGE, "grid_view");
  g_autoptr(ShoeboxPair) first = add_pair (fixture, "Silver");
  g_autoptr(ShoeboxPair) second = add_pair (fixture, "Black");
  ShoeboxPairPage *page;

  shoebox_collection_page_reload (collection_page);
  shoebox_test_wait_until (shoebox_test_is_mapped, grid);
  gtk_widget_grab_focus (grid);
  shoebox_test_wait_until (focus_is_in, grid);

  activate_card (fixture, 1);
  page = shown_pair_page (fixture);
  g_assert_nonnull (page);
  shoebox_test_wait_until (focus_is_in, page);

  gtk_widget_activate_action (GTK_WIDGET (page), "pair-page.back", NULL);
  shoebox_test_wait_until (focus_is_in, grid);
  g_assert_null (shown_pair_page (fixture));
}

int
main (int   argc,
      char *argv[])
{
  shoebox_test_gtk_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pair-page/opens-with-content", test_opens_with_content);
  ADD ("/pair-page/edit-and-delete", test_edit_and_delete);
  ADD ("/pair-page/back-keeps-scroll", test_back_keeps_scroll);
  ADD ("/pair-page/back-restores-focus", test_back_restores_focus);
#undef ADD

  return g_test_run ();
}
