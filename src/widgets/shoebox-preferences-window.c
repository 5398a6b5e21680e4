/* shoebox-preferences-window.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-alert.h"
#include "shoebox-file-dialog.h"
#include "shoebox-news-row.h"
#include "shoebox-backups-group.h"
#include "shoebox-preferences-window.h"

#include <string.h>

struct _ShoeboxPreferencesWindow
{
  ShoeboxPreferencesDialog parent_instance;

  GSettings            *settings;
  char                 *database_path;
  ShoeboxNewsService   *news;
  ShoeboxBackupService *backups;
  GCancellable         *cancellable;
  GCancellable         *chooser;   /* the OPML file chooser's, while it is open */

  AdwActionRow         *database_row;
  ShoeboxBackupsGroup  *backups_group;
  GtkSpinButton        *refresh_interval_spin;
  GtkSwitch            *notifications_switch;
  GtkListBox           *sources_list;
  GtkWidget            *add_source_button;
  AdwToast             *looking_toast; /* "Looking for a feed…", while it looks */
};

G_DEFINE_FINAL_TYPE (ShoeboxPreferencesWindow, shoebox_preferences_window, SHOEBOX_TYPE_PREFERENCES_DIALOG)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  PROP_NEWS,
  PROP_BACKUPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static ShoeboxNewsStore *
get_store (ShoeboxPreferencesWindow *self)
{
  return self->news != NULL ? shoebox_news_service_get_store (self->news) : NULL;
}

static void
toast (ShoeboxPreferencesWindow *self,
       const char               *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  shoebox_preferences_dialog_add_toast (GTK_WIDGET (self), toast);
}

/* Every action's sensitivity, in one place. */
static void
update_actions (ShoeboxPreferencesWindow *self)
{
  gboolean has_news = self->news != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.add-source", has_news);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.add-search-feed", has_news);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.import-opml", has_news && self->chooser == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.export-opml", has_news && self->chooser == NULL);
}

static char *
format_next (GDateTime *date,
             GDateTime *now)
{
  GTimeSpan span = g_date_time_difference (date, now);
  gint64 minutes = (span + G_TIME_SPAN_MINUTE - 1) / G_TIME_SPAN_MINUTE;

  if (minutes <= 1)
    return g_strdup (_("next refresh now"));
  if (minutes < 120)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "next refresh in %d minute", "next refresh in %d minutes",
                                         minutes),
                            (int) minutes);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "next refresh in %d hour", "next refresh in %d hours",
                                       minutes / 60),
                          (int) (minutes / 60));
}

/* A source's health in plain words: when it last worked, what went wrong
 * since, and when it is fetched next.
 */
static char *
dup_health (ShoeboxNewsSource *source)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDateTime *last_success = shoebox_news_source_get_last_success (source);
  GDateTime *next_refresh = shoebox_news_source_get_next_refresh (source);
  const char *last_error = shoebox_news_source_get_last_error (source);
  g_autofree char *worked = NULL;
  g_autofree char *next = NULL;
  GString *health = g_string_new (NULL);

  if (!shoebox_news_source_get_enabled (source))
    {
      g_string_append (health, _("Disabled"));
      return g_string_free (health, FALSE);
    }

  if (last_success != NULL)
    {
      g_autofree char *age = shoebox_news_row_format_age (last_success, now);

      /* Translators: %s is an age, e.g. "5 minutes ago" */
      worked = g_strdup_printf (_("Updated %s"), age);
    }

  if (shoebox_news_source_get_last_error_kind (source) != SHOEBOX_NEWS_ERROR_KIND_NONE
      && last_error != NULL && last_error[0] != '\0')
    {
      g_string_append (health, last_error);
      g_string_append (health, " · ");
      if (worked != NULL)
        {
          g_autofree char *age = shoebox_news_row_format_age (last_success, now);

          /* Translators: %s is an age, e.g. "2 days ago" */
          g_string_append_printf (health, _("last worked %s"), age);
        }
      else
        g_string_append (health, _("never worked yet"));
    }
  else if (worked != NULL)
    g_string_append (health, worked);
  else
    g_string_append (health, _("Not fetched yet"));

  if (next_refresh != NULL)
    {
      next = format_next (next_refresh, now);
      g_string_append (health, " · ");
      g_string_append (health, next);
    }

  return g_string_free (health, FALSE);
}

static const char *
source_name (ShoeboxNewsSource *source)
{
  const char *title = shoebox_news_source_get_title (source);

  return title != NULL && title[0] != '\0' ? title : shoebox_news_source_get_url (source);
}

static void
update_source_row (AdwActionRow *row)
{
  ShoeboxNewsSource *source = g_object_get_data (G_OBJECT (row), "source");
  GtkSwitch *enabled = g_object_get_data (G_OBJECT (row), "enabled-switch");
  g_autofree char *health = dup_health (source);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), source_name (source));
  adw_action_row_set_subtitle (row, health);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), shoebox_news_source_get_url (source));
  g_object_set_data (G_OBJECT (row), "updating", GINT_TO_POINTER (TRUE));
  gtk_switch_set_active (enabled, shoebox_news_source_get_enabled (source));
  g_object_set_data (G_OBJECT (row), "updating", NULL);
}

static ShoeboxPreferencesWindow *
row_window (GtkWidget *widget)
{
  return SHOEBOX_PREFERENCES_WINDOW (gtk_widget_get_ancestor (widget, SHOEBOX_TYPE_PREFERENCES_WINDOW));
}

static void
enabled_changed_cb (GtkSwitch  *enabled,
                    GParamSpec *pspec,
                    GtkWidget  *row)
{
  ShoeboxPreferencesWindow *self = row_window (row);
  ShoeboxNewsSource *source = g_object_get_data (G_OBJECT (row), "source");
  g_autoptr(GError) error = NULL;

  if (g_object_get_data (G_OBJECT (row), "updating") != NULL || self == NULL)
    return;

  if (!shoebox_news_store_set_source_enabled (get_store (self), source, gtk_switch_get_active (enabled), &error))
    toast (self, error->message);
}

/* A dialog with a text field: Add Source and Rename. */
static GtkEntry *
dialog_entry (ShoeboxAlert *dialog)
{
  return GTK_ENTRY (shoebox_alert_get_extra_child (dialog));
}

static ShoeboxAlert *
new_entry_dialog (ShoeboxPreferencesWindow *self,
                  const char               *heading,
                  const char               *body,
                  const char               *entry_label,
                  const char               *text,
                  const char               *response,
                  const char               *response_label)
{
  ShoeboxAlert *dialog;
  GtkWidget *entry;

  dialog = shoebox_alert_new (heading, body);
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label, -1);
  shoebox_alert_set_extra_child (dialog, entry);
  shoebox_alert_add_response (dialog, "cancel", _("Cancel"), ADW_RESPONSE_DEFAULT);
  shoebox_alert_add_response (dialog, response, response_label, ADW_RESPONSE_SUGGESTED);
  shoebox_alert_set_default_response (dialog, response);
  shoebox_alert_set_close_response (dialog, "cancel");

  return dialog;
}

/* The answer to Rename Source or Remove Source, for the source of @row:
 * either changes the news store the same way, and says why it could not.
 */
static void
source_response_cb (ShoeboxAlert *dialog,
                    const char   *response,
                    GtkWidget    *row)
{
  ShoeboxPreferencesWindow *self = row_window (row);
  ShoeboxNewsSource *source = g_object_get_data (G_OBJECT (row), "source");
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (self == NULL)
    return;

  if (g_strcmp0 (response, "rename") == 0)
    done = shoebox_news_store_rename_source (get_store (self), source,
                                             gtk_editable_get_text (GTK_EDITABLE (dialog_entry (dialog))), &error);
  else if (g_strcmp0 (response, "remove") == 0)
    done = shoebox_news_store_remove_source (get_store (self), source, &error);
  else
    return;

  if (!done)
    toast (self, error->message);
}

static void
rename_clicked_cb (GtkWidget *row)
{
  ShoeboxPreferencesWindow *self = row_window (row);
  ShoeboxNewsSource *source = g_object_get_data (G_OBJECT (row), "source");
  ShoeboxAlert *dialog;

  dialog = new_entry_dialog (self, _("Rename Source"), shoebox_news_source_get_url (source), _("Name"),
                             source_name (source), "rename", _("Rename"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (source_response_cb), row, 0);
  shoebox_alert_present (dialog, GTK_WIDGET (self));
}

static void
remove_clicked_cb (GtkWidget *row)
{
  ShoeboxPreferencesWindow *self = row_window (row);
  ShoeboxNewsSource *source = g_object_get_data (G_OBJECT (row), "source");
  g_autofree char *heading = g_strdup_printf (_("Remove “%s”?"), source_name (source));
  ShoeboxAlert *dialog;

  dialog = shoebox_alert_new (heading, _("Its stories are removed too, starred ones included."));
  shoebox_alert_add_response (dialog, "cancel", _("Cancel"), ADW_RESPONSE_DEFAULT);
  shoebox_alert_add_response (dialog, "remove", _("Remove"), ADW_RESPONSE_DESTRUCTIVE);
  shoebox_alert_set_default_response (dialog, "cancel");
  shoebox_alert_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (source_response_cb), row, 0);
  shoebox_alert_present (dialog, GTK_WIDGET (self));
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static GtkWidget *
create_source_row (gpointer item,
                   gpointer user_data)
{
  ShoeboxNewsSource *source = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *enabled = gtk_switch_new ();
  GtkWidget *rename = icon_button ("document-edit-symbolic", _("Rename"));
  GtkWidget *remove = icon_button ("user-trash-symbolic", _("Remove"));

  /* Source names and errors come from the network: plain text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (enabled, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (enabled), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Enabled"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), rename);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), enabled);

  g_object_set_data_full (G_OBJECT (row), "source", g_object_ref (source), g_object_unref);
  g_object_set_data (G_OBJECT (row), "enabled-switch", enabled);
  update_source_row (ADW_ACTION_ROW (row));

  g_signal_connect_object (source, "notify", G_CALLBACK (update_source_row), row, G_CONNECT_SWAPPED);
  g_signal_connect (enabled, "notify::active", G_CALLBACK (enabled_changed_cb), row);
  g_signal_connect_swapped (rename, "clicked", G_CALLBACK (rename_clicked_cb), row);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_clicked_cb), row);

  return row;
}

static gboolean
is_web_address (const char *text,
                char      **scheme)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);

  *scheme = NULL;
  if (uri == NULL)
    return FALSE;
  *scheme = g_strdup (g_uri_get_scheme (uri));
  return g_ascii_strcasecmp (*scheme, "http") == 0 || g_ascii_strcasecmp (*scheme, "https") == 0;
}

static void
dismiss_looking_toast (ShoeboxPreferencesWindow *self)
{
  if (self->looking_toast != NULL)
    adw_toast_dismiss (self->looking_toast);
  g_clear_object (&self->looking_toast);
}

static void
source_added_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoeboxNewsSource) source = NULL;
  g_autofree char *message = NULL;
  ShoeboxPreferencesWindow *self;

  source = shoebox_news_service_add_source_finish (SHOEBOX_NEWS_SERVICE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SHOEBOX_PREFERENCES_WINDOW (user_data);
  gtk_widget_set_sensitive (self->add_source_button, TRUE);
  dismiss_looking_toast (self);
  if (source == NULL)
    {
      /* The whole reason, which a toast would cut short. */
      ShoeboxAlert *alert = shoebox_alert_new (_("Could Not Add Source"), error->message);

      shoebox_alert_add_response (alert, "close", _("Close"), ADW_RESPONSE_DEFAULT);
      shoebox_alert_set_default_response (alert, "close");
      shoebox_alert_set_close_response (alert, "close");
      shoebox_alert_present (alert, GTK_WIDGET (self));
      return;
    }

  message = g_strdup_printf (_("Added “%s”"), source_name (source));
  toast (self, message);
}

static void
add_source_response_cb (ShoeboxAlert             *dialog,
                        const char               *response,
                        ShoeboxPreferencesWindow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *scheme = NULL;

  if (g_strcmp0 (response, "add") != 0 || self->news == NULL)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (dialog_entry (dialog)))));
  if (text[0] == '\0')
    return;

  /* A bare "example.com/feed" goes as typed: the fetcher tries https,
   * then http, and says in words why anything else is no address.
   */
  if (strstr (text, "://") != NULL && !is_web_address (text, &scheme))
    {
      g_autofree char *message = NULL;

      if (scheme != NULL)
        message = g_strdup_printf (_("“%s” addresses cannot be news sources: only web addresses (http or https) can"),
                                   scheme);
      else
        message = g_strdup (_("That is not a web address: a news source starts with https:// or http://"));
      toast (self, message);
      return;
    }

  gtk_widget_set_sensitive (self->add_source_button, FALSE);
  dismiss_looking_toast (self);
  self->looking_toast = adw_toast_new (_("Looking for a feed…"));
  adw_toast_set_timeout (self->looking_toast, 0);
  shoebox_preferences_dialog_add_toast (GTK_WIDGET (self), g_object_ref (self->looking_toast));
  shoebox_news_service_add_source_async (self->news, text, self->cancellable, source_added_cb, self);
}

static void
add_source_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShoeboxPreferencesWindow *self = SHOEBOX_PREFERENCES_WINDOW (widget);
  ShoeboxAlert *dialog;

  dialog = new_entry_dialog (self, _("Add Source"),
                             _("The address of a news feed, or of a web page that links to its feed."),
                             _("Address"), NULL, "add", _("Add"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_source_response_cb), self, 0);
  shoebox_alert_present (dialog, GTK_WIDGET (self));
  gtk_widget_grab_focus (GTK_WIDGET (dialog_entry (dialog)));
}

/* A Google News search for the silhouettes of the user's pairs, added
 * as it is: it is fetched with the next refresh.
 */
static void
add_search_feed_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ShoeboxPreferencesWindow *self = SHOEBOX_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) terms = NULL;
  g_autofree char *url = NULL;
  g_autofree char *message = NULL;
  ShoeboxNewsSource *source;

  if (self->news == NULL)
    return;

  terms = shoebox_mentions_dup_search_terms (shoebox_news_service_get_mentions (self->news), &error);
  if (terms == NULL)
    {
      toast (self, error->message);
      return;
    }

  url = shoebox_news_dup_search_feed_url ((const char * const *) terms);
  if (url == NULL)
    {
      toast (self, _("Add the pairs you own or want first: the search looks for their silhouettes"));
      return;
    }

  source = shoebox_news_store_add_source (get_store (self), url, _("Google News: Your Pairs"), &error);
  if (source == NULL)
    {
      toast (self, error->message);
      return;
    }

  message = g_strdup_printf (_("Added “%s”"), source_name (source));
  toast (self, message);
}

static void
opml_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;
  ShoeboxPreferencesWindow *self;
  gsize length;
  guint n_added = 0;
  guint n_skipped = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self = SHOEBOX_PREFERENCES_WINDOW (user_data);
      toast (self, error->message);
      return;
    }

  self = SHOEBOX_PREFERENCES_WINDOW (user_data);
  if (length > SHOEBOX_NEWS_MAX_OPML)
    {
      toast (self, _("The file is too large to be a list of sources"));
      return;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  if (!shoebox_news_store_import_opml (get_store (self), bytes, &n_added, &n_skipped, &error))
    {
      toast (self, error->message);
      return;
    }

  if (n_skipped > 0)
    /* Translators: the second number counts sources already listed or not web addresses */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u source, skipped %u",
                                            "Added %u sources, skipped %u", n_added),
                               n_added, n_skipped);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u source", "Added %u sources", n_added),
                               n_added);
  toast (self, message);
}

static void
opml_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  ShoeboxPreferencesWindow *self;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self = SHOEBOX_PREFERENCES_WINDOW (user_data);
      toast (self, error->message);
      return;
    }

  self = SHOEBOX_PREFERENCES_WINDOW (user_data);
  toast (self, _("Sources exported"));
}

static void
chosen_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saving = g_task_get_source_tag (G_TASK (result)) == shoebox_file_dialog_save;
  ShoeboxPreferencesWindow *self;

  if (saving)
    file = shoebox_file_dialog_save_finish (result, &error);
  else
    {
      g_autoptr(GListModel) files = shoebox_file_dialog_open_finish (result, &error);

      file = files != NULL ? g_list_model_get_item (files, 0) : NULL;
    }
  /* The window cancels its chooser when it goes. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  self = SHOEBOX_PREFERENCES_WINDOW (user_data);
  g_clear_object (&self->chooser);
  update_actions (self);
  g_clear_error (&error);

  if (file == NULL || self->news == NULL)
    return;

  if (saving)
    {
      g_autoptr(GBytes) opml = shoebox_news_store_export_opml (get_store (self), &error);

      if (opml == NULL)
        {
          toast (self, error->message);
          return;
        }
      g_file_replace_contents_bytes_async (file, opml, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                           self->cancellable, opml_saved_cb, self);
    }
  else
    g_file_load_contents_async (file, self->cancellable, opml_loaded_cb, self);
}

static void
open_chooser (ShoeboxPreferencesWindow *self,
              gboolean                  saving)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("OPML Files"));
  gtk_file_filter_add_pattern (filter, "*.opml");
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_mime_type (filter, "text/x-opml+xml");

  self->chooser = g_cancellable_new ();
  update_actions (self);
  if (saving)
    shoebox_file_dialog_save (GTK_WIDGET (self), _("Export Sources"), _("_Export"), filter,
                              "shoebox-sources.opml", NULL, self->chooser, chosen_cb, self);
  else
    shoebox_file_dialog_open (GTK_WIDGET (self), _("Import Sources"), _("_Import"), filter, FALSE,
                              self->chooser, chosen_cb, self);
}

static void
import_opml_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_chooser (SHOEBOX_PREFERENCES_WINDOW (widget), FALSE);
}

static void
export_opml_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_chooser (SHOEBOX_PREFERENCES_WINDOW (widget), TRUE);
}

static void
shoebox_preferences_window_dispose (GObject *object)
{
  ShoeboxPreferencesWindow *self = SHOEBOX_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->chooser);
  g_clear_object (&self->chooser);
  if (self->sources_list != NULL)
    gtk_list_box_bind_model (self->sources_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->settings);
  g_clear_object (&self->news);
  g_clear_object (&self->backups);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->looking_toast);

  G_OBJECT_CLASS (shoebox_preferences_window_parent_class)->dispose (object);
}

static void
shoebox_preferences_window_finalize (GObject *object)
{
  ShoeboxPreferencesWindow *self = SHOEBOX_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (shoebox_preferences_window_parent_class)->finalize (object);
}

static void
shoebox_preferences_window_constructed (GObject *object)
{
  ShoeboxPreferencesWindow *self = SHOEBOX_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (shoebox_preferences_window_parent_class)->constructed (object);

  g_return_if_fail (self->database_path != NULL);

  adw_action_row_set_subtitle (self->database_row, self->database_path);
}

static void
shoebox_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  ShoeboxPreferencesWindow *self = SHOEBOX_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;

    case PROP_NEWS:
      g_value_set_object (value, self->news);
      break;

    case PROP_BACKUPS:
      g_value_set_object (value, self->backups);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  ShoeboxPreferencesWindow *self = SHOEBOX_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      self->database_path = g_value_dup_string (value);
      break;

    case PROP_NEWS:
      shoebox_preferences_window_set_news (self, g_value_get_object (value));
      break;

    case PROP_BACKUPS:
      shoebox_preferences_window_set_backups (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_preferences_window_class_init (ShoeboxPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = shoebox_preferences_window_constructed;
  object_class->dispose = shoebox_preferences_window_dispose;
  object_class->finalize = shoebox_preferences_window_finalize;
  object_class->get_property = shoebox_preferences_window_get_property;
  object_class->set_property = shoebox_preferences_window_set_property;

  /**
   * ShoeboxPreferencesWindow:database-path:
   *
   * The database file, shown so the user can back it up.
   */
  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxPreferencesWindow:news:
   *
   * The news, whose sources are listed and edited here; %NULL when the
   * database could not be opened.
   */
  properties[PROP_NEWS] =
    g_param_spec_object ("news", NULL, NULL,
                         SHOEBOX_TYPE_NEWS_SERVICE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxPreferencesWindow:backups:
   *
   * The automatic backups, or %NULL when there is no collection.
   */
  properties[PROP_BACKUPS] =
    g_param_spec_object ("backups", NULL, NULL,
                         SHOEBOX_TYPE_BACKUP_SERVICE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHOEBOX_TYPE_BACKUPS_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/shoebox-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPreferencesWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPreferencesWindow, refresh_interval_spin);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPreferencesWindow, notifications_switch);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPreferencesWindow, sources_list);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPreferencesWindow, add_source_button);

  gtk_widget_class_install_action (widget_class, "prefs.add-source", NULL, add_source_action);
  gtk_widget_class_install_action (widget_class, "prefs.add-search-feed", NULL, add_search_feed_action);
  gtk_widget_class_install_action (widget_class, "prefs.import-opml", NULL, import_opml_action);
  gtk_widget_class_install_action (widget_class, "prefs.export-opml", NULL, export_opml_action);
}

static void
shoebox_preferences_window_init (ShoeboxPreferencesWindow *self)
{
  GtkAdjustment *adjustment;
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  shoebox_preferences_dialog_fit_phone (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No sources: add a news feed to follow"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->sources_list, placeholder);

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  adjustment = gtk_spin_button_get_adjustment (self->refresh_interval_spin);
  g_settings_bind (self->settings, "news-refresh-interval", adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "news-notifications", self->notifications_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  update_actions (self);
}

/**
 * shoebox_preferences_window_new:
 * @database_path: the database file, shown so the user can back it up
 *
 * Returns: (transfer floating): new preferences, for
 *   shoebox_dialog_present()
 */
GtkWidget *
shoebox_preferences_window_new (const char *database_path)
{
  g_return_val_if_fail (database_path != NULL, NULL);

  return g_object_new (SHOEBOX_TYPE_PREFERENCES_WINDOW, "database-path", database_path, NULL);
}

/**
 * shoebox_preferences_window_set_news:
 * @self: a #ShoeboxPreferencesWindow
 * @news: (nullable): the news, whose sources are listed and edited here;
 *   %NULL when the database could not be opened
 */
void
shoebox_preferences_window_set_news (ShoeboxPreferencesWindow *self,
                                     ShoeboxNewsService       *news)
{
  g_return_if_fail (SHOEBOX_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (news == NULL || SHOEBOX_IS_NEWS_SERVICE (news));

  if (!g_set_object (&self->news, news))
    return;

  gtk_list_box_bind_model (self->sources_list,
                           news != NULL ? shoebox_news_store_get_sources (get_store (self)) : NULL,
                           news != NULL ? create_source_row : NULL, self, NULL);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEWS]);
}

/**
 * shoebox_preferences_window_set_backups:
 * @self: a #ShoeboxPreferencesWindow
 * @backups: (nullable): the backups, or %NULL when there is no collection
 */
void
shoebox_preferences_window_set_backups (ShoeboxPreferencesWindow *self,
                                        ShoeboxBackupService     *backups)
{
  g_return_if_fail (SHOEBOX_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (backups == NULL || SHOEBOX_IS_BACKUP_SERVICE (backups));

  shoebox_backups_group_set_service (self->backups_group, backups);
  if (g_set_object (&self->backups, backups))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKUPS]);
}
