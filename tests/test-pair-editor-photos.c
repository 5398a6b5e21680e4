/* test-pair-editor-photos.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "shoebox-collection.h"
#include "shoebox-compat.h"
#include "shoebox-database.h"
#include "shoebox-pair-editor.h"
#include "shoebox-photos.h"
#include "shoebox-test-dialogs.h"
#include "shoebox-test-gtk-quirks.h"
#include "shoebox-test-images.h"

/* The pair editor's photos dropped or pasted, in the formats phones and
 * shops use: the sample photos of tests/data/photos (made by
 * make-samples.sh there), as files the way a file manager drags or copies
 * them, or as image data. Each case has its own XDG folders, so its own
 * database and photos folder.
 */

typedef struct
{
  ShoeboxDatabase   *database;
  ShoeboxCollection *collection;
  ShoeboxPhotos     *photos;
  ShoeboxPairEditor *editor;
} Fixture;

static char *
dup_sample_path (const char *name)
{
  const char *source_dir = g_getenv ("SHOEBOX_SOURCE_DIR");

  g_assert_nonnull (source_dir);
  return g_build_filename (source_dir, "tests", "data", "photos", name, NULL);
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->database = shoebox_database_open_default (&error);
  g_assert_no_error (error);
  fixture->collection = shoebox_collection_new (fixture->database);
  fixture->photos = shoebox_photos_new ();
  fixture->editor = SHOEBOX_PAIR_EDITOR (shoebox_pair_editor_new (fixture->collection, fixture->photos, NULL));
  shoebox_dialog_present (GTK_WIDGET (fixture->editor), NULL);
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

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  /* Once any tooltip under the pointer has settled. */
  if (shoebox_pair_editor_has_changes (fixture->editor))
    shoebox_test_discard_editor (fixture->editor);
  else
    shoebox_test_close_dialog (fixture->editor);
  g_clear_object (&fixture->photos);
  g_clear_object (&fixture->collection);
  shoebox_database_close (fixture->database);
  g_clear_object (&fixture->database);
}

static void
wait_for_photos (Fixture *fixture,
                 guint    n_photos)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (shoebox_pair_editor_get_n_photos (fixture->editor) != n_photos)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The editor has %u photos, not %u", shoebox_pair_editor_get_n_photos (fixture->editor), n_photos);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Photos dropped from a file manager are imported as the files they are. */
static void
test_drop_files (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *names[] = { "sample.heic", "sample.webp", "sample-turned.avif" };
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->editor));
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *target = NULL;
  GSList *files = NULL;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = dup_sample_path (names[i]);

      files = g_slist_append (files, g_file_new_for_path (path));
    }
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);

  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  wait_for_photos (fixture, 3);
}

/* Photos copied in a file manager are pasted as the files they are. */
static void
test_paste_files (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *names[] = { "sample.heic", "sample.webp", "sample.avif" };
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->editor));
  GSList *files = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = dup_sample_path (names[i]);

      files = g_slist_append (files, g_file_new_for_path (path));
    }
  gdk_clipboard_set (clipboard, GDK_TYPE_FILE_LIST, files);
  g_slist_free_full (files, g_object_unref);

  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.paste-photo", NULL);
  wait_for_photos (fixture, 3);

  /* The same files again are the same photos. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.paste-photo", NULL);
  spin (300);
  g_assert_cmpuint (shoebox_pair_editor_get_n_photos (fixture->editor), ==, 3);
}

/* A picture copied as image data is pasted as an image. */
static void
test_paste_image (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = dup_sample_path ("sample.webp");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->editor));
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GdkPixbufLoader) loader = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  loader = shoebox_photos_new_loader ((const guint8 *) contents, length, &error);
  g_assert_no_error (error);
  g_assert_true (gdk_pixbuf_loader_write (loader, (const guint8 *) contents, length, &error));
  g_assert_true (gdk_pixbuf_loader_close (loader, &error));
  pixbuf = g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
  texture = shoebox_texture_new_for_pixbuf (pixbuf);
  gdk_clipboard_set_texture (clipboard, texture);

  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.paste-photo", NULL);
  wait_for_photos (fixture, 1);
}

int
main (int   argc,
      char *argv[])
{
  shoebox_test_images_init (); /* before the XDG folders are isolated */
  /* GTK 4.18 (Debian 13) has gdk-pixbuf sniff its symbolic SVG icons
   * (the entry rows' apply button), and gdk-pixbuf knows SVG only
   * through GIO's MIME database: GIO reads it once, here, before the XDG
   * folders are isolated. Photos are recognised without it
   * (test-photos.c).
   */
  g_free (g_content_type_guess ("icon.svg", NULL, 0, NULL));
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: run under xvfb-run -a\n");
      return 1;
    }
  shoebox_test_gtk_quirks_init ();
  adw_init ();
  shoebox_test_dialogs_init ();

  g_test_add ("/pair-editor-photos/drop-files", Fixture, NULL, set_up, test_drop_files, tear_down);
  g_test_add ("/pair-editor-photos/paste-files", Fixture, NULL, set_up, test_paste_files, tear_down);
  g_test_add ("/pair-editor-photos/paste-image", Fixture, NULL, set_up, test_paste_image, tear_down);

  return g_test_run ();
}
