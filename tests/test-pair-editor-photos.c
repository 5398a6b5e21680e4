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
#include "shoebox-test-collection.h"
#include "shoebox-test-gtk.h"

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
  guint              n_photos; /* what wait_for_photos() waits for */
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
  fixture->collection = shoebox_test_open_collection (&fixture->database, FALSE);
  fixture->photos = shoebox_photos_new ();
  fixture->editor = SHOEBOX_PAIR_EDITOR (shoebox_pair_editor_new (fixture->collection, fixture->photos, NULL));
  shoebox_dialog_present (GTK_WIDGET (fixture->editor), NULL);
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

static gboolean
has_photos (gpointer data)
{
  Fixture *fixture = data;

  return shoebox_pair_editor_get_n_photos (fixture->editor) == fixture->n_photos;
}

static void
wait_for_photos (Fixture *fixture,
                 guint    n_photos)
{
  fixture->n_photos = n_photos;
  shoebox_test_wait_until (has_photos, fixture);
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
  shoebox_test_spin (300);
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
  shoebox_test_gtk_init (&argc, &argv);

  g_test_add ("/pair-editor-photos/drop-files", Fixture, NULL, set_up, test_drop_files, tear_down);
  g_test_add ("/pair-editor-photos/paste-files", Fixture, NULL, set_up, test_paste_files, tear_down);
  g_test_add ("/pair-editor-photos/paste-image", Fixture, NULL, set_up, test_paste_image, tear_down);

  return g_test_run ();
}
