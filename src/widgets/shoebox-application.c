/* shoebox-application.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-application"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-application.h"
#include "shoebox-archive-command.h"
#include "shoebox-backup-service.h"
#include "shoebox-collection.h"
#include "shoebox-compat.h"
#include "shoebox-news-service.h"
#include "shoebox-photos.h"
#include "shoebox-csv-command.h"
#include "shoebox-preferences-window.h"
#include "shoebox-window.h"

struct _ShoeboxApplication
{
  AdwApplication   parent_instance;

  ShoeboxDatabase   *database;
  ShoeboxCollection *collection;
  ShoeboxPhotos     *photos;
  ShoeboxNewsService *news;
  ShoeboxBackupService *backups;
  GError            *database_error; /* why the database could not be opened */
};

G_DEFINE_FINAL_TYPE (ShoeboxApplication, shoebox_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_options[] = {
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "import-csv", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Import pairs from a CSV file into the collection and exit"), N_("FILE") },
  { "export-csv", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the collection to a CSV file and exit"), N_("FILE") },
  { "export-collection", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the collection and its photos to a .shoebox file and exit"), N_("FILE") },
  { "import-collection", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace the collection with the one of a .shoebox file, after backing it up, and exit"), N_("FILE") },
  { "backup-now", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Back up the collection now and exit"), NULL },
  { "list-backups", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("List the backups, newest first, and exit"), NULL },
  { "restore-backup", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, NULL,
    N_("Replace the collection with backup N of --list-backups, after backing it up, and exit"), N_("N") },
  { NULL }
};

static void
shoebox_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
shoebox_application_preferences_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  ShoeboxApplication *self = SHOEBOX_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *path = NULL;
  GtkWidget *preferences;

  if (self->database != NULL)
    path = g_strdup (shoebox_database_get_path (self->database));
  else
    path = shoebox_database_dup_default_path ();

  preferences = g_object_new (SHOEBOX_TYPE_PREFERENCES_WINDOW,
                              "database-path", path,
                              "news", self->news,
                              "backups", self->backups,
                              NULL);
  shoebox_dialog_present (preferences, GTK_WIDGET (parent));
}

/* The facts, whichever widget shows them. */
static void
set_about_facts (GObject *about)
{
  static const char *developers[] = { "The Shoebox developers", NULL };

  g_object_set (about,
                "application-icon", APPLICATION_ID,
                "application-name", _("Shoebox"),
                "developer-name", _("The Shoebox developers"),
                "version", PACKAGE_VERSION,
                "comments", _("Keep your sneaker collection, compare silhouettes side by side and follow release news."),
                "website", "https://github.com/shoebox/shoebox",
                "issue-url", "https://github.com/shoebox/shoebox/issues",
                "copyright", _("© 2026 The Shoebox developers"),
                "license-type", GTK_LICENSE_GPL_3_0,
                "developers", developers,
                /* Translators: Replace "translator-credits" with your name(s), one per line. */
                "translator-credits", _("translator-credits"),
                NULL);
}

static void
shoebox_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  ShoeboxApplication *self = SHOEBOX_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* From libadwaita 1.5 it is a dialog inside the window, as in current
   * GNOME apps; AdwAboutWindow is deprecated there.
   */
#if ADW_CHECK_VERSION (1, 5, 0)
  AdwDialog *about = adw_about_dialog_new ();

  set_about_facts (G_OBJECT (about));
  adw_dialog_present (about, GTK_WIDGET (parent));
#else
  GtkWidget *about = adw_about_window_new ();

  set_about_facts (G_OBJECT (about));
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_window_present (GTK_WINDOW (about));
#endif
}

#if !ADW_CHECK_VERSION (1, 8, 0)
/* libadwaita 1.8 shows its AdwShortcutsDialog (shortcuts-dialog.ui in the
 * resources) through app.shortcuts. Below, the same action shows GTK's
 * help overlay (ui/help-overlay.ui), so the menu names one action.
 */
static void
shoebox_application_shortcuts_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    shoebox_compat_show_help_overlay (window);
}
#endif

static const GActionEntry app_actions[] = {
  { "quit", shoebox_application_quit_action },
  { "preferences", shoebox_application_preferences_action },
  { "about", shoebox_application_about_action },
#if !ADW_CHECK_VERSION (1, 8, 0)
  { "shortcuts", shoebox_application_shortcuts_action },
#endif
};

static int
shoebox_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  const char *path = NULL;
  int number = 0;

  /* Handled here, before GTK starts, so it works without a display. */
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "import-csv") || g_variant_dict_contains (options, "export-csv"))
    {
      const char *import_path = NULL;
      const char *export_path = NULL;

      g_variant_dict_lookup (options, "import-csv", "^&ay", &import_path);
      g_variant_dict_lookup (options, "export-csv", "^&ay", &export_path);
      return shoebox_csv_command_run (import_path, export_path);
    }

  if (g_variant_dict_lookup (options, "export-collection", "^&ay", &path))
    return shoebox_archive_command_export (path);
  if (g_variant_dict_lookup (options, "import-collection", "^&ay", &path))
    return shoebox_archive_command_import (path);
  if (g_variant_dict_contains (options, "backup-now"))
    return shoebox_archive_command_back_up ();
  if (g_variant_dict_contains (options, "list-backups"))
    return shoebox_archive_command_list_backups ();
  if (g_variant_dict_lookup (options, "restore-backup", "i", &number))
    return shoebox_archive_command_restore_backup (number);

  return G_APPLICATION_CLASS (shoebox_application_parent_class)->handle_local_options (application, options);
}

static void
read_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  /* Any lookup reads the theme first, under the theme's own lock. */
  gtk_icon_theme_has_icon (GTK_ICON_THEME (source_object), "image-missing");
  g_task_return_boolean (task, TRUE);
}

/* The icon theme is read on first use, and the icon resource paths GTK
 * and libadwaita add at start-up make it read again: without this, the
 * window's first frame waits for it (index files and every resource
 * folder, 10 ms on a test machine). A lookup from a worker thread, as GTK
 * itself does when it creates the theme (lookups are thread-safe once it
 * is set up), reads it on the second core while this one opens the
 * database and builds the window.
 */
static void
read_icon_theme_in_thread (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GTask) task = g_task_new (theme, NULL, NULL, NULL);

  g_task_run_in_thread (task, read_icon_theme_thread);
}

static void
shoebox_application_show_window_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  g_application_activate (G_APPLICATION (user_data));
}

/* The news service's actions, for when there are no news (the database
 * could not be opened). A notification clicked after Shoebox has quit
 * starts it through D-Bus with one of them: GApplication refuses an action
 * it does not know, and the service it was started as would wait with no
 * window, then quit. The window says why instead.
 */
static const GActionEntry no_news_actions[] = {
  { "show-news-item", shoebox_application_show_window_action, "x" },
  { "show-pair-news", shoebox_application_show_window_action, "x" },
};

static void
shoebox_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  ShoeboxApplication *self = SHOEBOX_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (shoebox_application_parent_class)->startup (application);
  read_icon_theme_in_thread ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
#if !ADW_CHECK_VERSION (1, 8, 0)
  {
    /* From 1.8, AdwApplication sets it with its dialog. */
    static const char *shortcuts_accels[] = { "<Control>question", NULL };

    gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts", shortcuts_accels);
  }
#endif

  /* Opened once, in the primary instance only: a second `shoebox` just
   * asks this one to show its window.
   */
  self->database = shoebox_database_open_default (&self->database_error);
  if (self->database == NULL)
    {
      g_message ("Not using the database: %s", self->database_error->message);
      g_action_map_add_action_entries (G_ACTION_MAP (self), no_news_actions,
                                       G_N_ELEMENTS (no_news_actions), self);
      return;
    }

  self->collection = shoebox_collection_new (self->database);
  self->photos = shoebox_photos_new ();
  {
    g_autofree char *backups_folder = shoebox_backups_dup_default_folder ();

    self->backups = shoebox_backup_service_new (shoebox_database_get_path (self->database),
                                                shoebox_photos_get_photos_directory (self->photos),
                                                backups_folder);
  }
  if (!shoebox_collection_load_starter_catalogue (self->collection, NULL, &error))
    g_message ("The starter catalogue could not be loaded: %s", error->message);

  /* After the collection, whose pairs the news may mention. */
  g_clear_error (&error);
  self->news = shoebox_news_service_new (G_APPLICATION (self), self->database, self->collection, NULL, &error);
  if (self->news == NULL)
    {
      g_message ("The news are not available: %s", error->message);
      g_action_map_add_action_entries (G_ACTION_MAP (self), no_news_actions,
                                       G_N_ELEMENTS (no_news_actions), self);
    }
}

static gboolean
start_news_idle (gpointer data)
{
  shoebox_news_service_start (SHOEBOX_NEWS_SERVICE (data));
  return G_SOURCE_REMOVE;
}

static gboolean
start_backups_idle (gpointer data)
{
  shoebox_backup_service_start (SHOEBOX_BACKUP_SERVICE (data));
  return G_SOURCE_REMOVE;
}

static void
shoebox_application_activate (GApplication *application)
{
  ShoeboxApplication *self = SHOEBOX_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      /* Photos first (properties are set in the order given): the
       * collection's first search binds the cards.
       */
      window = g_object_new (SHOEBOX_TYPE_WINDOW,
                             "application", self,
                             "photos", self->photos,
                             "collection", self->collection,
                             "news", self->news,
                             "backups", self->backups,
                             NULL);
      /* The backups' schedule, after the first frame too; the day's
       * backup, if due, a minute later (shoebox_backup_service_start()).
       */
      if (self->backups != NULL)
        g_idle_add_full (G_PRIORITY_LOW, start_backups_idle, g_object_ref (self->backups), g_object_unref);
      /* After the first frame: the window shows at once, then the news
       * are matched against the collection and due sources fetched.
       */
      if (self->news != NULL)
        g_idle_add_full (G_PRIORITY_LOW, start_news_idle, g_object_ref (self->news), g_object_unref);
      gtk_window_present (window);
      if (self->database_error != NULL)
        shoebox_window_show_database_error (SHOEBOX_WINDOW (window), self->database_error);
      return;
    }

  gtk_window_present (window);
}

static void
shoebox_application_shutdown (GApplication *application)
{
  ShoeboxApplication *self = SHOEBOX_APPLICATION (application);

  /* Fetches stop before the database closes under them. */
  if (self->news != NULL)
    shoebox_news_service_shutdown (self->news);
  /* The backup on quit, when the collection changed since the last. */
  if (self->backups != NULL)
    shoebox_backup_service_shutdown (self->backups);
  if (self->database != NULL)
    shoebox_database_close (self->database);

  G_APPLICATION_CLASS (shoebox_application_parent_class)->shutdown (application);
}

static void
shoebox_application_finalize (GObject *object)
{
  ShoeboxApplication *self = SHOEBOX_APPLICATION (object);

  g_clear_object (&self->collection);
  g_clear_object (&self->photos);
  g_clear_object (&self->news);
  g_clear_object (&self->backups);
  g_clear_object (&self->database);
  g_clear_error (&self->database_error);

  G_OBJECT_CLASS (shoebox_application_parent_class)->finalize (object);
}

static void
shoebox_application_class_init (ShoeboxApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = shoebox_application_finalize;

  app_class->handle_local_options = shoebox_application_handle_local_options;
  app_class->startup = shoebox_application_startup;
  app_class->activate = shoebox_application_activate;
  app_class->shutdown = shoebox_application_shutdown;
}

static void
shoebox_application_init (ShoeboxApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_options);
}

ShoeboxApplication *
shoebox_application_new (void)
{
  return g_object_new (SHOEBOX_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * shoebox_application_get_database:
 * @self: a #ShoeboxApplication
 *
 * Returns: (transfer none) (nullable): the open database, or %NULL when it
 *   could not be opened (the window then says why)
 */
ShoeboxDatabase *
shoebox_application_get_database (ShoeboxApplication *self)
{
  g_return_val_if_fail (SHOEBOX_IS_APPLICATION (self), NULL);

  return self->database;
}
