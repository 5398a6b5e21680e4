/* test-pair-editor.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "shoebox-alert.h"
#include "shoebox-compare-page.h"
#include "shoebox-pair-editor.h"
#include "shoebox-test-collection.h"
#include "shoebox-test-gtk.h"
#include "shoebox-test-images.h"
#include "shoebox-window.h"

/* Widget tests of the pair editor: what it refuses, every field saved, photos, Compare
 * With…, suggestions, discarding changes, and the wear log, each on a fresh
 * database in isolated XDG folders.
 */

typedef ShoeboxTestCollection Fixture;
/* "Compare With…" in a pair's editor opens the Compare page on it. */
static void
test_editor_compare_with (Fixture       *fixture,
                          gconstpointer  data)
{
  ShoeboxWindow *window = shoebox_window_new (NULL);
  g_autoptr(ShoeboxPair) pair = shoebox_test_add_pair (fixture->collection, "Balenciaga", "Track 2.0", "Silver", 89000);
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

  pages = ADW_VIEW_STACK (shoebox_test_template_child (window, SHOEBOX_TYPE_WINDOW, "pages"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (pages), ==, "compare");
  g_assert_cmpuint (shoebox_compare_page_get_n_items (shoebox_window_get_compare_page (window)), ==, 1);

  shoebox_test_destroy_settled (GTK_WINDOW (window));
}

static void
set_row (ShoeboxPairEditor *editor,
         const char        *name,
         const char        *text)
{
  gtk_editable_set_text (GTK_EDITABLE (shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, name)), text);
}

static gboolean
save_enabled (ShoeboxPairEditor *editor)
{
  GtkWidget *save = shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "save_button");

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
      gtk_editable_set_text (GTK_EDITABLE (shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "silhouette_entry")),
                             "Track 2.0");
      set_row (editor, "brand_row", "Balenciaga");
      set_row (editor, "size_row", "42");
      adw_combo_row_set_selected (ADW_COMBO_ROW (shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "size_system_row")),
                                  SHOEBOX_SIZE_SYSTEM_EU);
      g_assert_true (save_enabled (editor));

      set_row (editor, bad[i].row, bad[i].text);
      g_assert_false (save_enabled (editor));
      g_assert_false (shoebox_pair_editor_is_valid (editor));
      problems = shoebox_pair_editor_dup_problems (editor);
      g_test_message ("%s = “%s”: %s", bad[i].row, bad[i].text, problems);
      g_assert_true (g_str_has_prefix (problems, bad[i].field));
      g_assert_true (gtk_widget_has_css_class (shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, bad[i].row), "error"));

      gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
      g_assert_cmpuint (shoebox_test_count_pairs (fixture->collection), ==, 0);
      g_assert_true (shoebox_dialog_is_shown (GTK_WIDGET (editor)));

      shoebox_test_discard_editor (editor);
    }
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
  guint n_saved = 0;

  shoebox_dialog_present (GTK_WIDGET (editor), NULL);
  g_signal_connect_swapped (editor, "saved", G_CALLBACK (shoebox_test_count_cb), &n_saved);

  gtk_editable_set_text (GTK_EDITABLE (shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "silhouette_entry")),
                         "Gel-Kayano 14");
  set_row (editor, "brand_row", "Asics");
  set_row (editor, "colorway_row", "Cream / Pure Silver");
  set_row (editor, "style_code_row", "1201A019-108");
  set_row (editor, "size_row", "27.5");
  adw_combo_row_set_selected (ADW_COMBO_ROW (shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "size_system_row")),
                              SHOEBOX_SIZE_SYSTEM_JP_CM);
  adw_combo_row_set_selected (ADW_COMBO_ROW (shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "condition_row")),
                              SHOEBOX_CONDITION_VNDS);
  set_row (editor, "price_paid_row", "150.00");
  set_row (editor, "purchase_date_row", "2024-05-17");
  set_row (editor, "tags_row", "grail; to clean");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR,
                                                                                                  "notes_view"))),
                            "Kept in the box.", -1);
  g_assert_true (save_enabled (editor));

  shoebox_test_settle ();
  g_object_ref (editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_cmpuint (n_saved, ==, 1);
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
         && gtk_widget_is_sensitive (shoebox_test_template_child (wait->editor, SHOEBOX_TYPE_PAIR_EDITOR, "save_button"));
}

static void
test_editor_photos (Fixture       *fixture,
                    gconstpointer  data)
{
  ShoeboxPairEditor *editor = SHOEBOX_PAIR_EDITOR (shoebox_pair_editor_new (fixture->collection, fixture->photos, NULL));
  g_autofree char *red = shoebox_test_write_png ("red.png", 0xff0000ff);
  g_autofree char *blue = shoebox_test_write_png ("blue.png", 0x0000ffff);
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
  gtk_editable_set_text (GTK_EDITABLE (shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "silhouette_entry")),
                         "Track 2.0");
  set_row (editor, "brand_row", "Balenciaga");

  /* Two photos, the same one again (stored once), and a file that is not
   * an image (a toast, nothing added).
   */
  shoebox_pair_editor_import_photo (editor, red_file);
  shoebox_pair_editor_import_photo (editor, blue_file);
  shoebox_pair_editor_import_photo (editor, red_again);
  shoebox_pair_editor_import_photo (editor, text_file);
  shoebox_test_wait_until (editor_has_photos, &wait);
  shoebox_test_spin (200);
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
  GtkWidget *entry = shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "silhouette_entry");
  GtkWidget *brand = shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "brand_row");

  adw_window_set_content (ADW_WINDOW (window), gtk_label_new ("Parent"));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  gtk_window_present (GTK_WINDOW (window));
  shoebox_dialog_present (GTK_WIDGET (editor), window);
#if ADW_CHECK_VERSION (1, 4, 0)
  /* Its header bar is a toolbar view's top bar. */
  g_assert_nonnull (gtk_widget_get_ancestor (shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "save_button"),
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
  shoebox_test_wait_until (shoebox_test_is_mapped, entry);
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
  shoebox_test_wait_until (suggestions_shown, entry);
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
  shoebox_test_destroy_settled (GTK_WINDOW (window));
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
  g_autoptr(ShoeboxPair) pair = shoebox_test_add_pair (fixture->collection, "Balenciaga", "Track 2.0", "Silver", 89000);
  ShoeboxPairEditor *editor = SHOEBOX_PAIR_EDITOR (shoebox_pair_editor_new (fixture->collection, fixture->photos, NULL));
  GtkWidget *colorway = shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "colorway_row");
  ShoeboxAlert *alert;

  shoebox_dialog_present (GTK_WIDGET (editor), NULL);
  g_assert_false (shoebox_pair_editor_has_changes (editor));
  gtk_editable_set_text (GTK_EDITABLE (colorway), "Silver");
  g_assert_true (shoebox_pair_editor_has_changes (editor));
  gtk_editable_set_text (GTK_EDITABLE (colorway), "");
  g_assert_false (shoebox_pair_editor_has_changes (editor));
  /* Untouched: no question. */
  shoebox_test_close_dialog (editor);
  g_assert_null (shoebox_test_find_alert ());

  editor = SHOEBOX_PAIR_EDITOR (shoebox_pair_editor_new (fixture->collection, fixture->photos, NULL));
  colorway = shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "colorway_row");
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
  shoebox_test_spin (50);
  g_assert_null (shoebox_pair_editor_get_discard_alert (editor));
  g_assert_true (shoebox_dialog_is_shown (GTK_WIDGET (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (colorway)), ==, "Silver");
#if !ADW_CHECK_VERSION (1, 5, 0)
  /* The window manager's close button asks too. */
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_true (shoebox_dialog_is_shown (GTK_WIDGET (editor)));
  g_assert_nonnull (shoebox_pair_editor_get_discard_alert (editor));
  shoebox_alert_respond (SHOEBOX_ALERT (shoebox_pair_editor_get_discard_alert (editor)), "keep");
  shoebox_test_spin (50);
#endif
  shoebox_test_discard_editor (editor);
  g_assert_cmpuint (shoebox_test_count_pairs (fixture->collection), ==, 1);

  /* A saved pair, changed and saved: it closes without asking. */
  editor = SHOEBOX_PAIR_EDITOR (shoebox_pair_editor_new (fixture->collection, fixture->photos, pair));
  colorway = shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "colorway_row");
  shoebox_dialog_present (GTK_WIDGET (editor), NULL);
  g_object_ref (editor);
  g_assert_false (shoebox_pair_editor_has_changes (editor));
  gtk_editable_set_text (GTK_EDITABLE (colorway), "Silver Blue");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  shoebox_test_spin (50);
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
  g_autoptr(ShoeboxPair) pair = shoebox_test_add_pair (fixture->collection, "Balenciaga", "Track 2.0", "Silver", 89000);
  ShoeboxPairEditor *editor = SHOEBOX_PAIR_EDITOR (shoebox_pair_editor_new (fixture->collection, fixture->photos, pair));
  GtkWidget *past = shoebox_test_template_child (editor, SHOEBOX_TYPE_PAIR_EDITOR, "past_wear_row");
  g_autofree char *today = shoebox_date_dup_today ();
  gint64 id = shoebox_pair_get_id (pair);
  const char * const *dates;

  shoebox_dialog_present (GTK_WIDGET (editor), NULL);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.worn-today", NULL);
  g_assert_cmpuint (wear_count (fixture, id), ==, 1);
  g_assert_true (shoebox_test_shows_text (GTK_WIDGET (editor), "Wear logged for today"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.worn-today", NULL);
  g_assert_cmpuint (wear_count (fixture, id), ==, 1);
  g_assert_true (shoebox_test_shows_text (GTK_WIDGET (editor), "Already logged as worn today"));

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
  g_assert_true (shoebox_test_shows_text (GTK_WIDGET (editor), "2024-01-02"));
  dates = shoebox_pair_get_wear_dates (shoebox_pair_editor_get_pair (editor));
  g_assert_cmpstr (dates[0], ==, "2024-01-02");
  g_assert_null (dates[1]);

  g_assert_false (shoebox_pair_editor_has_changes (editor));
  shoebox_test_close_dialog (editor);
}

int
main (int   argc,
      char *argv[])
{
  shoebox_test_gtk_init (&argc, &argv);

  shoebox_test_add_with_collection ("/pair-editor/rejects-bad-input", test_editor_rejects_bad_input);
  shoebox_test_add_with_collection ("/pair-editor/saves-every-field", test_editor_saves_every_field);
  shoebox_test_add_with_collection ("/pair-editor/photos", test_editor_photos);
  shoebox_test_add_with_collection ("/pair-editor/compare-with", test_editor_compare_with);
  shoebox_test_add_with_collection ("/pair-editor/suggestions", test_editor_suggestions);
  shoebox_test_add_with_collection ("/pair-editor/discard", test_editor_discard);
  shoebox_test_add_with_collection ("/pair-editor/wears", test_editor_wears);

  return g_test_run ();
}
