/* test-compare.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "shoebox-catalogue-window.h"
/* The rows of the table, in the order the page shows them. */
#include "shoebox-compare-page-private.h"
#include "shoebox-profile-view.h"
#include "shoebox-test-collection.h"
#include "shoebox-test-gtk.h"
#include "shoebox-window.h"

/* Widget tests of the Compare page: pairs with photos the test draws,
 * a catalogue silhouette, on a fresh database in isolated XDG folders.
 */

typedef ShoeboxTestCollection Fixture;

static gboolean
page_is_loaded (gpointer data)
{
  return !shoebox_compare_page_is_loading (SHOEBOX_COMPARE_PAGE (data));
}

static GtkWidget *
template_child (gpointer    page,
                const char *name)
{
  return shoebox_test_template_child (page, SHOEBOX_TYPE_COMPARE_PAGE, name);
}

/* A sneaker seen from the side on a plain background, drawn with cairo:
 * a flat sole, a tall heel at one end and a low toe box at the other.
 */
static char *
draw_shoe (Fixture  *fixture,
           gboolean  toe_right,
           double    heel_height,
           guint32   background)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "shoe.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 480, 300);
  cairo_t *cr = cairo_create (surface);
  char *name;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);

  cairo_set_source_rgb (cr, ((background >> 16) & 0xff) / 255.0, ((background >> 8) & 0xff) / 255.0,
                        (background & 0xff) / 255.0);
  cairo_paint (cr);

  if (toe_right)
    {
      cairo_translate (cr, 480, 0);
      cairo_scale (cr, -1, 1);
    }
  /* Toe on the left, heel on the right. */
  cairo_move_to (cr, 60, 240);
  cairo_line_to (cr, 420, 240);
  cairo_line_to (cr, 420, 240 - heel_height);
  cairo_curve_to (cr, 360, 240 - heel_height, 300, 240 - heel_height * 0.8, 240, 240 - heel_height * 0.6);
  cairo_curve_to (cr, 160, 240 - heel_height * 0.4, 90, 200, 60, 210);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 0.15, 0.15, 0.2);
  cairo_fill (cr);
  cairo_rectangle (cr, 55, 230, 370, 14);
  cairo_set_source_rgb (cr, 0.85, 0.3, 0.1);
  cairo_fill (cr);

  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  name = shoebox_photos_import (fixture->photos, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (name);
  return name;
}

/* A busy scene: no plain background to find a shoe on. */
static char *
draw_noise (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "busy.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 320, 200);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  char *name;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  for (int y = 0; y < 200; y++)
    for (int x = 0; x < 320 * 3; x++)
      pixels[y * rowstride + x] = g_rand_int_range (rand, 0, 256);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));

  name = shoebox_photos_import (fixture->photos, file, NULL, &error);
  g_assert_no_error (error);
  return name;
}

static gint64
add_pair (Fixture    *fixture,
          const char *silhouette,
          const char *colorway,
          gint64      price,
          const char *photo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxPair) pair = shoebox_test_new_pair ("Balenciaga", silhouette, colorway);

  shoebox_pair_set_currency (pair, "USD");
  shoebox_pair_set_price_paid (pair, price);
  shoebox_pair_set_condition (pair, SHOEBOX_CONDITION_DEADSTOCK);
  shoebox_test_save_pair (fixture->collection, pair);

  if (photo != NULL)
    {
      g_assert_true (shoebox_collection_add_photo (fixture->collection, shoebox_pair_get_id (pair), photo, TRUE,
                                                   &error));
      g_assert_no_error (error);
    }

  return shoebox_pair_get_id (pair);
}

static gint64
silhouette_id (Fixture    *fixture,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxSilhouette) silhouette = shoebox_collection_find_silhouette (fixture->collection,
                                                                                "Balenciaga", name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (silhouette);
  return shoebox_silhouette_get_id (silhouette);
}

static ShoeboxComparePage *
new_page_in_window (Fixture    *fixture,
                    GtkWindow **window_out,
                    int         width)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  ShoeboxComparePage *page = g_object_new (SHOEBOX_TYPE_COMPARE_PAGE, NULL);

  gtk_window_set_default_size (window, width, 800);
  gtk_window_set_child (window, GTK_WIDGET (page));
  shoebox_compare_page_set_photos (page, fixture->photos);
  shoebox_compare_page_set_collection (page, fixture->collection);
  gtk_window_present (window);
  shoebox_test_wait_until (shoebox_test_is_mapped, page);

  *window_out = window;
  return page;
}

static void
destroy_window (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  g_assert_finalize_object (window);
}

/* The table is a grid: column 0 names the rows, row 0 holds each item's
 * head (name, buttons), row 1 its photo, the table's rows follow.
 */
static guint
count_columns (ShoeboxComparePage *page)
{
  guint n = 1;

  while (gtk_grid_get_child_at (GTK_GRID (template_child (page, "columns_box")), n, 0) != NULL)
    n++;

  return n;
}

static GtkWidget *
get_cell (ShoeboxComparePage *page,
          guint               column,
          guint               row)
{
  GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (template_child (page, "columns_box")), column, row + 2);

  g_assert_true (GTK_IS_LABEL (cell));
  return cell;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
get_photo_stack (ShoeboxComparePage *page,
                 guint               column)
{
  GtkWidget *box = gtk_grid_get_child_at (GTK_GRID (template_child (page, "columns_box")), column, 1);

  g_assert_nonnull (box);
  return find_descendant (box, GTK_TYPE_STACK);
}

/* The caption under a column's photo: the label after the photo stack. */
static const char *
get_caption (ShoeboxComparePage *page,
             guint               column)
{
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (get_photo_stack (page, column))));
}

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  painted = TRUE;
}

static gboolean
is_painted (gpointer data)
{
  return painted;
}

static void
wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  painted = FALSE;
  gtk_widget_queue_draw (widget);
  shoebox_test_wait_until (is_painted, NULL);
  g_signal_handler_disconnect (clock, id);
}

/* Saves the comparison, checks it is a real PNG, and keeps a copy among
 * the test artefacts to look at.
 */
static void
save_and_check (ShoeboxComparePage *page,
                const char         *label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "comparison.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autofree char *contents = NULL;
  const char *build_dir = g_getenv ("SHOEBOX_BUILD_DIR");
  gsize length = 0;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  wait_for_paint (GTK_WIDGET (page));
  g_assert_true (shoebox_compare_page_save_image (page, file, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  pixbuf = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), >, 200);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), >, 200);

  if (build_dir != NULL)
    {
      g_autofree char *folder = g_build_filename (build_dir, "tests", "artifacts", NULL);
      g_autofree char *name = g_strdup_printf ("compare-%s.png", label);
      g_autofree char *copy = g_build_filename (folder, name, NULL);

      g_mkdir_with_parents (folder, 0755);
      g_assert_true (g_file_set_contents (copy, contents, length, &error));
    }
}

/* A picture of the whole window, among the test artefacts, to look at. */
static void
save_window_picture (GtkWidget  *window,
                     const char *label)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  if (g_getenv ("SHOEBOX_BUILD_DIR") == NULL)
    return;

  wait_for_paint (window);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  folder = g_build_filename (g_getenv ("SHOEBOX_BUILD_DIR"), "tests", "artifacts", NULL);
  g_mkdir_with_parents (folder, 0755);
  name = g_strdup_printf ("compare-window-%s.png", label);
  path = g_build_filename (folder, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_compare_empty (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWindow *window;
  ShoeboxComparePage *page = new_page_in_window (fixture, &window, 800);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "nothing.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_cmpuint (shoebox_compare_page_get_n_items (page), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (page, "stack"))), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (template_child (page, "empty_status"))), ==,
                   "Nothing to Compare Yet");
  g_assert_false (gtk_widget_is_sensitive (template_child (page, "save_button")));

  /* Nothing to save: an error, no file. */
  g_assert_false (shoebox_compare_page_save_image (page, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  destroy_window (window);
}

static void
test_compare_side_by_side (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *left_photo = draw_shoe (fixture, FALSE, 120, 0xffffff);
  g_autofree char *right_photo = draw_shoe (fixture, TRUE, 160, 0xe0e0e0);
  gint64 ids[2];
  gint64 track_3;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto(GStrv) saved = NULL;
  ShoeboxComparePage *page;
  GtkWindow *window;
  GtkWidget *stack;

  ids[0] = add_pair (fixture, "Track 2.0", "Silver", 115000, left_photo);
  ids[1] = add_pair (fixture, "Triple S", "Black", 89500, right_photo);
  track_3 = silhouette_id (fixture, "Track 3");

  page = new_page_in_window (fixture, &window, 1200);
  shoebox_compare_page_set_pairs (page, ids, 2);
  g_assert_true (shoebox_compare_page_add_silhouette (page, track_3));
  g_assert_false (shoebox_compare_page_add_silhouette (page, track_3));
  g_assert_cmpuint (shoebox_compare_page_get_n_items (page), ==, 3);
  shoebox_test_wait_until (page_is_loaded, page);
  shoebox_test_spin (50);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (page, "stack"))), ==, "comparison");
  g_assert_cmpuint (count_columns (page), ==, 4);
  g_assert_true (gtk_widget_is_sensitive (template_child (page, "save_button")));
  save_window_picture (GTK_WIDGET (window), "wide");

  /* The same brand everywhere; prices and years that differ. */
  for (guint column = 0; column < 4; column++)
    {
      g_assert_false (gtk_widget_has_css_class (get_cell (page, column, ROW_BRAND), "compare-differs"));
      g_assert_true (gtk_widget_has_css_class (get_cell (page, column, ROW_PRICE_PAID), "compare-differs"));
      g_assert_true (gtk_widget_has_css_class (get_cell (page, column, ROW_SILHOUETTE), "compare-differs"));
    }
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_cell (page, 0, ROW_PRICE_PAID))), ==, "Price Paid");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_cell (page, 1, ROW_BRAND))), ==, "Balenciaga");
  /* A silhouette has no price paid: a mark, not a hole. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_cell (page, 3, ROW_PRICE_PAID))), ==, "—");

  /* The two photos are shown, the silhouette's placeholder too. */
  stack = get_photo_stack (page, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "photo");
  stack = get_photo_stack (page, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "photo");
  stack = get_photo_stack (page, 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "placeholder");
  g_assert_cmpstr (get_caption (page, 1), ==, "");
  save_and_check (page, "side-by-side");

  /* Only Differences hides the rows that are alike, in every column. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "compare.only-differences", NULL));
  g_assert_true (shoebox_compare_page_get_only_differences (page));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (template_child (page, "only_differences_switch"))));
  for (guint column = 0; column < 4; column++)
    {
      g_assert_false (gtk_widget_get_visible (get_cell (page, column, ROW_BRAND)));
      g_assert_true (gtk_widget_get_visible (get_cell (page, column, ROW_PRICE_PAID)));
    }
  save_and_check (page, "only-differences");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "compare.only-differences", NULL));
  g_assert_true (gtk_widget_get_visible (get_cell (page, 1, ROW_BRAND)));

  /* A flip keeps everything on screen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "compare.flip", "i", 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "compare.flip", "i", 1));

  /* Overlay: two profiles, the opacity slider drives the top one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "compare.mode", "s", "overlay"));
  g_assert_cmpstr (shoebox_compare_page_get_mode (page), ==, "overlay");
  shoebox_test_spin (50);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (template_child (page, "overlay_button"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (template_child (page, "side_by_side_button"))));
  g_assert_true (gtk_widget_get_visible (template_child (page, "overlay_box")));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (template_child (page, "overlay_controls_revealer"))));
  g_assert_cmpuint (shoebox_profile_view_get_n_layers (SHOEBOX_PROFILE_VIEW (template_child (page, "overlay_view"))), ==, 2);
  gtk_adjustment_set_value (GTK_ADJUSTMENT (gtk_widget_get_template_child (GTK_WIDGET (page), SHOEBOX_TYPE_COMPARE_PAGE,
                                                                           "opacity_adjustment")),
                            0.25);
  g_assert_cmpfloat_with_epsilon (shoebox_profile_view_get_overlay_opacity (SHOEBOX_PROFILE_VIEW (template_child (page, "overlay_view"))),
                                  0.25, 1e-9);
  gtk_adjustment_set_value (GTK_ADJUSTMENT (gtk_widget_get_template_child (GTK_WIDGET (page), SHOEBOX_TYPE_COMPARE_PAGE,
                                                                           "divider_adjustment")),
                            0.6);
  g_assert_cmpfloat_with_epsilon (shoebox_profile_view_get_divider (SHOEBOX_PROFILE_VIEW (template_child (page, "overlay_view"))),
                                  0.6, 1e-9);
  save_and_check (page, "overlay");

  /* Outline: both contours. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "compare.mode", "s", "outline"));
  g_assert_cmpuint (shoebox_profile_view_get_n_layers (SHOEBOX_PROFILE_VIEW (template_child (page, "overlay_view"))), ==, 2);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (template_child (page, "overlay_controls_revealer"))));
  save_and_check (page, "outline");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "compare.mode", "s", "side-by-side"));
  g_assert_false (gtk_widget_get_visible (template_child (page, "overlay_box")));

  /* The comparison is remembered, in order; a move changes the order. */
  saved = g_settings_get_strv (settings, "compare-items");
  g_assert_cmpuint (g_strv_length (saved), ==, 3);
  g_assert_true (g_str_has_prefix (saved[0], "pair:"));
  g_assert_true (g_str_has_prefix (saved[2], "silhouette:"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "compare.move-right", "i", 0));
  g_clear_pointer (&saved, g_strfreev);
  saved = g_settings_get_strv (settings, "compare-items");
  g_assert_cmpint (g_ascii_strtoll (saved[0] + 5, NULL, 10), ==, ids[1]);
  g_assert_cmpint (g_ascii_strtoll (saved[1] + 5, NULL, 10), ==, ids[0]);
  destroy_window (window);

  /* A new page, as after a restart, brings it back. */
  page = new_page_in_window (fixture, &window, 1200);
  g_assert_cmpuint (shoebox_compare_page_get_n_items (page), ==, 3);
  shoebox_test_wait_until (page_is_loaded, page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "compare.remove", "i", 2));
  g_assert_cmpuint (shoebox_compare_page_get_n_items (page), ==, 2);
  g_assert_cmpuint (count_columns (page), ==, 3);
  destroy_window (window);
}

/* A busy photo is shown whole and the column says so; a photo missing
 * from disk and a pair without photos get the placeholder; no criticals.
 */
static void
test_compare_bad_photos (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *busy = draw_noise (fixture);
  gint64 ids[3];
  ShoeboxComparePage *page;
  GtkWindow *window;
  GtkWidget *stack;

  ids[0] = add_pair (fixture, "Track", "Grey", 85000, busy);
  ids[1] = add_pair (fixture, "Runner", "Blue", 115000,
                     "00000000000000000000000000000000000000000000000000000000000000aa.png");
  ids[2] = add_pair (fixture, "Phantom", "White", -1, NULL);

  page = new_page_in_window (fixture, &window, 1200);
  shoebox_compare_page_set_pairs (page, ids, 3);
  shoebox_test_wait_until (page_is_loaded, page);
  shoebox_test_spin (50);

  stack = get_photo_stack (page, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "photo");
  g_assert_cmpstr (get_caption (page, 1), ==, "No plain background found; showing the whole photo");

  stack = get_photo_stack (page, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "placeholder");
  g_assert_cmpstr (get_caption (page, 2), !=, "");

  stack = get_photo_stack (page, 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "placeholder");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_cell (page, 3, ROW_PRICE_PAID))), ==, "—");

  /* The overlay needs two photos: one is not enough, and it says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "compare.mode", "s", "overlay"));
  g_assert_cmpuint (shoebox_profile_view_get_n_layers (SHOEBOX_PROFILE_VIEW (template_child (page, "overlay_view"))), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (template_child (page, "overlay_caption"))), !=, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "compare.mode", "s", "outline"));
  g_assert_cmpuint (shoebox_profile_view_get_n_layers (SHOEBOX_PROFILE_VIEW (template_child (page, "overlay_view"))), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "compare.mode", "s", "side-by-side"));
  save_and_check (page, "bad-photos");

  destroy_window (window);
}

/* A new photo store while photos still load: the loads of the old one
 * no longer count, and the page still finishes loading from the new one.
 */
static void
test_compare_photos_replaced (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *photo = draw_shoe (fixture, FALSE, 120, 0xffffff);
  g_autoptr(ShoeboxPhotos) other_photos = shoebox_photos_new ();
  gint64 ids[2];
  ShoeboxComparePage *page;
  GtkWindow *window;

  ids[0] = add_pair (fixture, "Track 2.0", "Silver", 115000, photo);
  ids[1] = add_pair (fixture, "Triple S", "Black", 89500, NULL);

  page = new_page_in_window (fixture, &window, 1200);
  shoebox_compare_page_set_pairs (page, ids, 2);
  g_assert_true (shoebox_compare_page_is_loading (page));
  shoebox_compare_page_set_photos (page, other_photos);

  shoebox_test_wait_until (page_is_loaded, page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (get_photo_stack (page, 1))), ==, "photo");

  destroy_window (window);
}

static void
test_compare_generations (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto(GStrv) saved = NULL;
  g_autofree char *track = NULL;
  g_autofree char *track_2 = NULL;
  g_autofree char *track_3 = NULL;
  ShoeboxComparePage *page;
  GtkWindow *window;

  page = new_page_in_window (fixture, &window, 1200);
  g_assert_true (shoebox_compare_page_add_silhouette (page, silhouette_id (fixture, "Track 2.0")));
  g_assert_cmpuint (count_columns (page), ==, 2);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_cell (page, 1, ROW_SILHOUETTE))), ==, "Track 2.0");

  /* Its column offers the whole line. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "compare.generations", "i", 0));
  g_assert_cmpuint (shoebox_compare_page_get_n_items (page), ==, 3);
  track = g_strdup_printf ("silhouette:%" G_GINT64_FORMAT, silhouette_id (fixture, "Track"));
  track_2 = g_strdup_printf ("silhouette:%" G_GINT64_FORMAT, silhouette_id (fixture, "Track 2.0"));
  track_3 = g_strdup_printf ("silhouette:%" G_GINT64_FORMAT, silhouette_id (fixture, "Track 3"));
  saved = g_settings_get_strv (settings, "compare-items");
  g_assert_cmpuint (g_strv_length (saved), ==, 3);
  g_assert_cmpstr (saved[0], ==, track);
  g_assert_cmpstr (saved[1], ==, track_2);
  g_assert_cmpstr (saved[2], ==, track_3);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_cell (page, 2, ROW_PREDECESSOR))), ==, "Track");
  g_assert_true (gtk_widget_has_css_class (get_cell (page, 2, ROW_RELEASE_YEAR), "compare-differs") ||
                 gtk_widget_has_css_class (get_cell (page, 2, ROW_PREDECESSOR), "compare-differs"));

  /* Keys dropped on the page add their items; unknown ones are ignored. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (page));
    g_autofree char *text = g_strdup_printf ("silhouette:%" G_GINT64_FORMAT "\nsilhouette:999999\nshoe:1",
                                             silhouette_id (fixture, "Runner"));
    GValue value = G_VALUE_INIT;
    gboolean dropped = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (!GTK_IS_DROP_TARGET (controller))
          continue;
        g_value_init (&value, G_TYPE_STRING);
        g_value_set_string (&value, text);
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
        g_value_unset (&value);
      }
    g_assert_true (dropped);
    g_assert_cmpuint (shoebox_compare_page_get_n_items (page), ==, 4);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "compare.remove", "i", 3));
  }

  /* "Compare With…" lists pairs and silhouettes; picking one adds it. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (template_child (page, "compare_with_button")));
  shoebox_test_spin (50);
  g_assert_nonnull (gtk_widget_get_first_child (template_child (page, "picker_list")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "compare.add-silhouette", "x",
                                             silhouette_id (fixture, "Phantom")));
  g_assert_cmpuint (shoebox_compare_page_get_n_items (page), ==, 4);
  /* Four is the most. */
  g_assert_false (gtk_widget_is_sensitive (template_child (page, "compare_with_button")));
  g_assert_false (shoebox_compare_page_add_silhouette (page, silhouette_id (fixture, "Runner")));

  destroy_window (window);
}

static gboolean
model_has_three (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (data)) == 3;
}

/* "Compare Selected" on the Collection page's selection. */
static void
test_compare_selected (Fixture       *fixture,
                       gconstpointer  data)
{
  ShoeboxWindow *window = shoebox_window_new (NULL);
  g_autoptr(GArray) selected = NULL;
  GListModel *model;
  ShoeboxComparePage *page;
  AdwViewStack *pages;

  add_pair (fixture, "Track 2.0", "Silver", 115000, NULL);
  add_pair (fixture, "Triple S", "Black", 89500, NULL);
  add_pair (fixture, "Runner", "Blue", 115000, NULL);

  shoebox_window_set_collection (window, fixture->collection);
  shoebox_window_set_photos (window, fixture->photos);
  gtk_window_present (GTK_WINDOW (window));
  shoebox_test_wait_until (shoebox_test_is_mapped, window);

  model = shoebox_collection_page_get_model (shoebox_window_get_collection_page (window));
  g_assert_true (GTK_IS_SELECTION_MODEL (model));
  shoebox_test_wait_until (model_has_three, model);
  shoebox_test_spin (200);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (model));
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, FALSE);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 2, FALSE);
  shoebox_test_spin (50);
  selected = shoebox_collection_page_dup_selected_ids (shoebox_window_get_collection_page (window));
  g_assert_cmpuint (selected->len, ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-selected", NULL));
  pages = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), SHOEBOX_TYPE_WINDOW, "pages"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (pages), ==, "compare");
  page = shoebox_window_get_compare_page (window);
  g_assert_cmpuint (shoebox_compare_page_get_n_items (page), ==, selected->len);
  shoebox_test_wait_until (shoebox_test_is_mapped, page);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_cell (page, 1, ROW_PRICE_PAID))), !=, "1.00 USD");

  /* A pair edited meanwhile shows its new price when the page is back. */
  adw_view_stack_set_visible_child_name (pages, "collection");
  {
    g_autoptr(GArray) ids = shoebox_collection_page_dup_selected_ids (shoebox_window_get_collection_page (window));
    g_autoptr(ShoeboxPair) pair = shoebox_collection_get_pair (fixture->collection, g_array_index (ids, gint64, 0), NULL);
    g_autoptr(GError) error = NULL;

    shoebox_pair_set_price_paid (pair, 100);
    g_assert_true (shoebox_collection_save_pair (fixture->collection, pair, &error));
    g_assert_no_error (error);
  }
  adw_view_stack_set_visible_child_name (pages, "compare");
  shoebox_test_wait_until (shoebox_test_is_mapped, page);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_cell (page, 1, ROW_PRICE_PAID))), ==, "1.00 USD");

  /* From a silhouette's page elsewhere: its generations, on this page. */
  adw_view_stack_set_visible_child_name (pages, "collection");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-generations", "x",
                                             silhouette_id (fixture, "Track 3")));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (pages), ==, "compare");
  g_assert_cmpuint (shoebox_compare_page_get_n_items (page), ==, 3);

  /* Compare With… a pair: the pair alone, and the list to pick from. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-with-pair", "x",
                                             g_array_index (selected, gint64, 0)));
  g_assert_cmpuint (shoebox_compare_page_get_n_items (page), ==, 1);
  shoebox_test_spin (50);
  g_assert_true (gtk_widget_get_visible (template_child (page, "picker_popover")));
  gtk_popover_popdown (GTK_POPOVER (template_child (page, "picker_popover")));

  destroy_window (GTK_WINDOW (window));
}

/* At a phone's 360 px the columns scroll sideways: the window stays
 * 360 px wide and nothing asks for more.
 */
static gboolean
window_is_gone (gpointer data)
{
  return *(GtkWindow **) data == NULL;
}

/* "Compare Generations" and "Compare With…" on a silhouette's page in the
 * Catalogue window open the main window's Compare page.
 */
static void
test_compare_from_catalogue (Fixture       *fixture,
                             gconstpointer  data)
{
  ShoeboxWindow *window = shoebox_window_new (NULL);
  ShoeboxComparePage *page = shoebox_window_get_compare_page (window);
  AdwViewStack *pages = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), SHOEBOX_TYPE_WINDOW,
                                                                       "pages"));
  GtkWindow *catalogue;

  shoebox_window_set_collection (window, fixture->collection);
  shoebox_window_set_photos (window, fixture->photos);
  gtk_window_present (GTK_WINDOW (window));
  shoebox_test_wait_until (shoebox_test_is_mapped, window);

  catalogue = shoebox_catalogue_window_new (GTK_WINDOW (window), fixture->collection, fixture->photos);
  g_object_add_weak_pointer (G_OBJECT (catalogue), (gpointer *) &catalogue);
  shoebox_catalogue_window_show_silhouette (SHOEBOX_CATALOGUE_WINDOW (catalogue), silhouette_id (fixture, "Track 2.0"));
  gtk_window_present (catalogue);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (catalogue),
                                                                                    SHOEBOX_TYPE_CATALOGUE_WINDOW,
                                                                                    "compare_generations_button"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (catalogue), "catalogue.compare-generations", NULL));
  shoebox_test_wait_until (window_is_gone, &catalogue);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (pages), ==, "compare");
  g_assert_cmpuint (shoebox_compare_page_get_n_items (page), ==, 3);

  adw_view_stack_set_visible_child_name (pages, "collection");
  catalogue = shoebox_catalogue_window_new (GTK_WINDOW (window), fixture->collection, fixture->photos);
  g_object_add_weak_pointer (G_OBJECT (catalogue), (gpointer *) &catalogue);
  shoebox_catalogue_window_show_silhouette (SHOEBOX_CATALOGUE_WINDOW (catalogue), silhouette_id (fixture, "Phantom"));
  gtk_window_present (catalogue);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (catalogue), "catalogue.compare-with", NULL));
  shoebox_test_wait_until (window_is_gone, &catalogue);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (pages), ==, "compare");
  g_assert_cmpuint (shoebox_compare_page_get_n_items (page), ==, 1);
  gtk_popover_popdown (GTK_POPOVER (template_child (page, "picker_popover")));

  destroy_window (GTK_WINDOW (window));
}

/* Setters notify once on a change and never for an equal value; more
 * than four pairs keep the first four and say so.
 */
static void
test_compare_setters (Fixture       *fixture,
                      gconstpointer  data)
{
  ShoeboxComparePage *page = g_object_ref_sink (g_object_new (SHOEBOX_TYPE_COMPARE_PAGE, NULL));
  guint n_mode = 0;
  guint n_only = 0;
  gint64 ids[5];

  shoebox_test_count_notify (page, "mode", &n_mode);
  shoebox_test_count_notify (page, "only-differences", &n_only);

  shoebox_compare_page_set_mode (page, "side-by-side");
  g_assert_cmpuint (n_mode, ==, 0);
  shoebox_compare_page_set_mode (page, "outline");
  shoebox_compare_page_set_mode (page, "outline");
  g_assert_cmpuint (n_mode, ==, 1);
  shoebox_compare_page_set_only_differences (page, FALSE);
  g_assert_cmpuint (n_only, ==, 0);
  shoebox_compare_page_set_only_differences (page, TRUE);
  shoebox_compare_page_set_only_differences (page, TRUE);
  g_assert_cmpuint (n_only, ==, 1);

  shoebox_compare_page_set_collection (page, fixture->collection);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *colorway = g_strdup_printf ("Colour %u", i);

      ids[i] = add_pair (fixture, "Runner", colorway, 100000 + i, NULL);
    }
  shoebox_compare_page_set_pairs (page, ids, G_N_ELEMENTS (ids));
  g_assert_cmpuint (shoebox_compare_page_get_n_items (page), ==, SHOEBOX_COMPARE_MAX_ITEMS);
  g_assert_true (gtk_widget_get_visible (template_child (page, "hint_label")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (template_child (page, "hint_label"))), !=, "");

  g_assert_finalize_object (page);
}

static gboolean
fits_phone (gpointer page)
{
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum <= 350;
}

static void
test_compare_narrow (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 ids[3];
  ShoeboxComparePage *page;
  GtkWindow *window;
  GtkAdjustment *hadjustment;

  ids[0] = add_pair (fixture, "Track 2.0", "Silver", 115000, NULL);
  ids[1] = add_pair (fixture, "Triple S", "Black", 89500, NULL);
  ids[2] = add_pair (fixture, "Runner", "Blue", 115000, NULL);

  page = new_page_in_window (fixture, &window, 360);
  shoebox_compare_page_set_pairs (page, ids, 3);
  wait_for_paint (GTK_WIDGET (page));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, 360);
  shoebox_test_wait_until (page_is_loaded, page);

  /* In the app a 360 px window's frame leaves 350 px to its content; the
   * narrow tool bar (the modes and the menu on one line) must fit that,
   * with the wider fonts of newer systems too. The page takes its narrow
   * layout some frames after it is loaded, later on a busy machine than
   * any fixed pause.
   */
  shoebox_test_wait_until (fits_phone, page);
  /* The tool bars' cells take no focus: Tab goes to the tools. */
  for (GtkWidget *cell = gtk_widget_get_first_child (template_child (page, "toolbar")); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    g_assert_false (gtk_widget_get_focusable (cell));
  hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (template_child (page, "scrolled_window")));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >, gtk_adjustment_get_page_size (hadjustment));
  save_and_check (page, "narrow");
  save_window_picture (GTK_WIDGET (window), "narrow");

  destroy_window (window);
}

/* Compare Generations shows the collector's own photos: for each
 * silhouette the side profile of an owned pair before a wished-for one,
 * and "No photo of this silhouette" only where no pair has one. It is a
 * new comparison: Back returns to the one before.
 */
static void
test_compare_generations_photos (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *owned_photo = draw_shoe (fixture, FALSE, 120, 0xffffff);
  g_autofree char *wished_photo = draw_shoe (fixture, TRUE, 100, 0xf0f0f0);
  g_autofree char *track_2_photo = draw_shoe (fixture, FALSE, 160, 0xe0e0e0);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxPair) wished = NULL;
  gint64 owned_id;
  gint64 wished_id;
  gint64 runner_id;
  ShoeboxComparePage *page;
  GtkWindow *window;

  owned_id = add_pair (fixture, "Track", "White", 79500, owned_photo);
  add_pair (fixture, "Track 2.0", "Silver", 95000, track_2_photo);
  /* Newer, but only wished for: the owned pair's photo comes first. */
  wished_id = add_pair (fixture, "Track", "Black", 0, wished_photo);
  wished = shoebox_collection_get_pair (fixture->collection, wished_id, &error);
  g_assert_no_error (error);
  shoebox_pair_set_status (wished, SHOEBOX_STATUS_WISHLIST);
  g_assert_true (shoebox_collection_save_pair (fixture->collection, wished, &error));
  g_assert_no_error (error);
  /* A pair of a silhouette outside the line, to come back to. */
  runner_id = add_pair (fixture, "Runner", "Grey", 12000, NULL);
  g_assert_cmpint (owned_id, !=, wished_id);

  page = new_page_in_window (fixture, &window, 1280);
  shoebox_compare_page_set_pairs (page, &runner_id, 1);
  g_assert_false (gtk_widget_get_visible (template_child (page, "back_button")));

  shoebox_compare_page_compare_generations (page, silhouette_id (fixture, "Track 2.0"));
  g_assert_cmpuint (shoebox_compare_page_get_n_items (page), ==, 3);
  shoebox_test_wait_until (page_is_loaded, page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (get_photo_stack (page, 1))), ==, "photo");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (get_photo_stack (page, 2))), ==, "photo");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (get_photo_stack (page, 3))), ==, "placeholder");
  {
    g_autofree char *file_name = NULL;
    gint64 pair_id = 0;

    /* The Track's photo is the owned pair's, though the other is newer. */
    g_assert_true (shoebox_collection_find_silhouette_photo (fixture->collection, silhouette_id (fixture, "Track"),
                                                             &pair_id, &file_name, &error));
    g_assert_no_error (error);
    g_assert_cmpint (pair_id, ==, owned_id);
    g_assert_cmpstr (file_name, ==, owned_photo);
    g_clear_pointer (&file_name, g_free);
    /* No pair of the Track 3: no photo, and no pair to add one to. */
    g_assert_true (shoebox_collection_find_silhouette_photo (fixture->collection, silhouette_id (fixture, "Track 3"),
                                                             &pair_id, &file_name, &error));
    g_assert_cmpint (pair_id, ==, 0);
    g_assert_null (file_name);
  }
  g_assert_true (gtk_widget_get_visible (template_child (page, "back_button")));

  /* Back: the comparison before, and no Back any more. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "compare.back", NULL));
  g_assert_cmpuint (shoebox_compare_page_get_n_items (page), ==, 1);
  g_assert_false (gtk_widget_get_visible (template_child (page, "back_button")));

  destroy_window (window);
}

/* The runs of columns of @pixbuf with a few pixels of the test shoes'
 * orange sole in them: one run per profile drawn.
 */
static GArray *
find_sole_runs (GdkPixbuf *pixbuf)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (int) * 2);
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int n_channels = gdk_pixbuf_get_n_channels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  int start = -1;

  for (int x = 0; x <= width; x++)
    {
      int n = 0;

      for (int y = 0; x < width && y < height && n < 3; y++)
        {
          const guint8 *p = pixels + (gsize) y * rowstride + (gsize) x * n_channels;

          /* 0.85, 0.3, 0.1, as draw_shoe() paints it. */
          if (ABS (p[0] - 217) < 24 && ABS (p[1] - 77) < 24 && ABS (p[2] - 26) < 24)
            n++;
        }

      if (n >= 3 && start < 0)
        start = x;
      else if (n < 3 && start >= 0)
        {
          int run[2] = { start, x };

          g_array_append_val (runs, run);
          start = -1;
        }
    }

  return runs;
}

/* Save as Image… draws a composition, not the widgets: at least 2,400 px
 * wide for two profiles at full resolution, each of them in it, in every
 * mode, whatever the window's size.
 */
static void
test_compare_composition (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *left_photo = draw_shoe (fixture, FALSE, 120, 0xffffff);
  g_autofree char *right_photo = draw_shoe (fixture, TRUE, 160, 0xe0e0e0);
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "composition.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char * const modes[] = { "side-by-side", "overlay", "outline" };
  gint64 ids[2];
  ShoeboxComparePage *page;
  GtkWindow *window;

  ids[0] = add_pair (fixture, "Runner", "Grey", 12000, left_photo);
  ids[1] = add_pair (fixture, "Phantom", "Black", 14000, right_photo);

  /* A small window: the image does not depend on it. */
  page = new_page_in_window (fixture, &window, 640);
  shoebox_compare_page_set_pairs (page, ids, 2);
  shoebox_test_wait_until (page_is_loaded, page);

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkPixbuf) pixbuf = NULL;
      g_autoptr(GArray) runs = NULL;

      shoebox_compare_page_set_mode (page, modes[m]);
      g_assert_true (shoebox_compare_page_save_image (page, file, &error));
      g_assert_no_error (error);
      pixbuf = gdk_pixbuf_new_from_file (path, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %d×%d", modes[m], gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf));
      g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), >=, 2400);
      g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), >=, 600);

      if (g_getenv ("SHOEBOX_BUILD_DIR") != NULL)
        {
          g_autofree char *name = g_strdup_printf ("compare-composition-%s.png", modes[m]);
          g_autofree char *copy = g_build_filename (g_getenv ("SHOEBOX_BUILD_DIR"), "tests", "artifacts", name, NULL);

          g_assert_true (gdk_pixbuf_save (pixbuf, copy, "png", &error, NULL));
        }

      runs = find_sole_runs (pixbuf);
      if (g_strcmp0 (modes[m], "side-by-side") == 0)
        {
          /* Two soles, each as long as a column's shoe: about 1,000 px. */
          g_assert_cmpuint (runs->len, ==, 2);
          for (guint i = 0; i < runs->len; i++)
            {
              int *run = &g_array_index (runs, int, 2 * i);

              g_assert_cmpint (run[1] - run[0], >=, 900);
            }
        }
      else if (g_strcmp0 (modes[m], "overlay") == 0)
        {
          /* One on the other: one run, the length of the drawing. */
          g_assert_cmpuint (runs->len, ==, 1);
          g_assert_cmpint (g_array_index (runs, int, 1) - g_array_index (runs, int, 0), >=, 1500);
        }
    }

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  shoebox_test_gtk_init (&argc, &argv);

  /* The application loads its style sheet itself; the saved images should
   * look like the app.
   */
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  shoebox_test_add_with_collection ("/compare/empty", test_compare_empty);
  shoebox_test_add_with_collection ("/compare/side-by-side", test_compare_side_by_side);
  shoebox_test_add_with_collection ("/compare/bad-photos", test_compare_bad_photos);
  shoebox_test_add_with_collection ("/compare/photos-replaced", test_compare_photos_replaced);
  shoebox_test_add_with_collection ("/compare/generations", test_compare_generations);
  shoebox_test_add_with_collection ("/compare/selected", test_compare_selected);
  shoebox_test_add_with_collection ("/compare/from-catalogue", test_compare_from_catalogue);
  shoebox_test_add_with_collection ("/compare/setters", test_compare_setters);
  shoebox_test_add_with_collection ("/compare/narrow", test_compare_narrow);
  shoebox_test_add_with_collection ("/compare/generations/own-photos", test_compare_generations_photos);
  shoebox_test_add_with_collection ("/compare/save-image/composition", test_compare_composition);

  return g_test_run ();
}
