/* shoebox-news-row.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-news-row"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-news-row.h"

struct _ShoeboxNewsRow
{
  GtkListBoxRow          parent_instance;

  ShoeboxNewsItem       *item;
  ShoeboxNewsThumbnails *thumbnails;
  GCancellable          *cancellable;
  gboolean               updating;

  GtkPicture            *thumbnail;
  GtkLabel              *title_label;
  GtkLabel              *meta_label;
  GtkLabel              *summary_label;
  GtkLabel              *badge_label;
  GtkToggleButton       *star_button;
  GtkButton             *open_button;
};

G_DEFINE_FINAL_TYPE (ShoeboxNewsRow, shoebox_news_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_THUMBNAILS,
  N_PROPS
};

enum {
  STAR_TOGGLED,
  OPEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update (ShoeboxNewsRow *self)
{
  shoebox_news_row_update (self);
}

/**
 * shoebox_news_row_update:
 * @self: a #ShoeboxNewsRow
 *
 * Shows the item again: its state, and its age, which changes by itself.
 */
void
shoebox_news_row_update (ShoeboxNewsRow *self)
{
  ShoeboxNewsItem *item = self->item;
  const char *title = shoebox_news_item_get_title (item);
  const char *summary = shoebox_news_item_get_summary (item);
  const char *source = shoebox_news_item_get_source_title (item);
  GDateTime *date = shoebox_news_item_get_published (item);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *age = NULL;
  g_autofree char *meta = NULL;
  gboolean starred = shoebox_news_item_get_starred (item);

  if (title == NULL || title[0] == '\0')
    title = _("Untitled story");
  if (date == NULL)
    date = shoebox_news_item_get_fetched_at (item);

  /* Feed text is plain text, never markup. */
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && summary[0] != '\0');

  age = date != NULL ? shoebox_news_row_format_age (date, now) : NULL;
  if (source != NULL && source[0] != '\0' && age != NULL)
    /* Translators: a news item's source and age, e.g. "Sneaker News · 2 hours ago" */
    meta = g_strdup_printf (_("%s · %s"), source, age);
  else
    meta = g_strdup (age != NULL ? age : (source != NULL ? source : ""));
  gtk_label_set_text (self->meta_label, meta);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, meta,
                                  -1);

  if (shoebox_news_item_get_read (item))
    gtk_widget_remove_css_class (GTK_WIDGET (self), "news-unread");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "news-unread");

  self->updating = TRUE;
  gtk_toggle_button_set_active (self->star_button, starred);
  self->updating = FALSE;
  gtk_button_set_icon_name (GTK_BUTTON (self->star_button), starred ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->star_button), starred ? _("Unstar") : _("Star"));
}

/* "just now", "5 minutes ago", "yesterday", "3 days ago", then a date. */
char *
shoebox_news_row_format_age (GDateTime *date,
                             GDateTime *now)
{
  GTimeSpan span = g_date_time_difference (now, date);
  gint64 minutes = span / G_TIME_SPAN_MINUTE;
  gint64 hours = span / G_TIME_SPAN_HOUR;
  gint64 days = span / G_TIME_SPAN_DAY;

  g_return_val_if_fail (date != NULL && now != NULL, NULL);

  if (minutes < 1)
    return g_strdup (_("just now"));
  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", minutes),
                            (int) minutes);
  if (hours < 24)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", hours), (int) hours);
  if (days < 2)
    return g_strdup (_("yesterday"));
  if (days < 7)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days), (int) days);

  {
    g_autoptr(GDateTime) local = g_date_time_to_local (date);

    /* Translators: a date as strftime() writes it, for news older than a week */
    return g_date_time_format (local, _("%-d %B %Y"));
  }
}

static void
thumbnail_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  ShoeboxNewsRow *self;

  texture = shoebox_news_thumbnails_load_finish (SHOEBOX_NEWS_THUMBNAILS (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SHOEBOX_NEWS_ROW (user_data);
  if (texture == NULL)
    {
      g_debug ("No thumbnail: %s", error->message);
      return;
    }
  gtk_picture_set_paintable (self->thumbnail, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->thumbnail), TRUE);
}

static void
load_thumbnail (ShoeboxNewsRow *self)
{
  const char *url = shoebox_news_item_get_thumbnail_url (self->item);
  GdkTexture *texture;

  if (self->thumbnails == NULL || url == NULL || url[0] == '\0')
    return;

  texture = shoebox_news_thumbnails_lookup (self->thumbnails, url);
  if (texture != NULL)
    {
      gtk_picture_set_paintable (self->thumbnail, GDK_PAINTABLE (texture));
      gtk_widget_set_visible (GTK_WIDGET (self->thumbnail), TRUE);
      return;
    }

  shoebox_news_thumbnails_load_async (self->thumbnails, url, self->cancellable, thumbnail_cb, self);
}

static void
star_toggled_cb (ShoeboxNewsRow *self)
{
  if (!self->updating)
    g_signal_emit (self, signals[STAR_TOGGLED], 0, gtk_toggle_button_get_active (self->star_button));
}

static void
open_clicked_cb (ShoeboxNewsRow *self)
{
  g_signal_emit (self, signals[OPEN], 0);
}

static void
shoebox_news_row_dispose (GObject *object)
{
  ShoeboxNewsRow *self = SHOEBOX_NEWS_ROW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->item);
  g_clear_object (&self->thumbnails);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHOEBOX_TYPE_NEWS_ROW);

  G_OBJECT_CLASS (shoebox_news_row_parent_class)->dispose (object);
}

static void
shoebox_news_row_constructed (GObject *object)
{
  ShoeboxNewsRow *self = SHOEBOX_NEWS_ROW (object);

  G_OBJECT_CLASS (shoebox_news_row_parent_class)->constructed (object);

  g_return_if_fail (SHOEBOX_IS_NEWS_ITEM (self->item));

  g_signal_connect_object (self->item, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  load_thumbnail (self);
}

static void
shoebox_news_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ShoeboxNewsRow *self = SHOEBOX_NEWS_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_THUMBNAILS:
      g_value_set_object (value, self->thumbnails);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_news_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ShoeboxNewsRow *self = SHOEBOX_NEWS_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;

    case PROP_THUMBNAILS:
      self->thumbnails = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_news_row_class_init (ShoeboxNewsRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = shoebox_news_row_constructed;
  object_class->dispose = shoebox_news_row_dispose;
  object_class->get_property = shoebox_news_row_get_property;
  object_class->set_property = shoebox_news_row_set_property;

  /**
   * ShoeboxNewsRow:item:
   *
   * The story shown; the row follows its changes.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         SHOEBOX_TYPE_NEWS_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxNewsRow:thumbnails:
   *
   * Where the story's picture comes from, or %NULL to show none.
   */
  properties[PROP_THUMBNAILS] =
    g_param_spec_object ("thumbnails", NULL, NULL,
                         SHOEBOX_TYPE_NEWS_THUMBNAILS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ShoeboxNewsRow::star-toggled:
   * @starred: what the user chose
   */
  signals[STAR_TOGGLED] =
    g_signal_new ("star-toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  /**
   * ShoeboxNewsRow::open:
   *
   * The user asked for the article in the browser.
   */
  signals[OPEN] =
    g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/shoebox-news-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsRow, thumbnail);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsRow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsRow, badge_label);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsRow, star_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxNewsRow, open_button);
  gtk_widget_class_bind_template_callback (widget_class, star_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
}

static void
shoebox_news_row_init (ShoeboxNewsRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * shoebox_news_row_new:
 * @item: the item shown; the row follows its changes
 * @thumbnails: (nullable): where thumbnails come from
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
shoebox_news_row_new (ShoeboxNewsItem       *item,
                      ShoeboxNewsThumbnails *thumbnails)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM (item), NULL);
  g_return_val_if_fail (thumbnails == NULL || SHOEBOX_IS_NEWS_THUMBNAILS (thumbnails), NULL);

  return g_object_new (SHOEBOX_TYPE_NEWS_ROW,
                       "item", item,
                       "thumbnails", thumbnails,
                       NULL);
}

ShoeboxNewsItem *
shoebox_news_row_get_item (ShoeboxNewsRow *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ROW (self), NULL);

  return self->item;
}

/**
 * shoebox_news_row_set_mention:
 * @self: a #ShoeboxNewsRow
 * @pair_label: (nullable): the pair the item mentions, or %NULL
 */
void
shoebox_news_row_set_mention (ShoeboxNewsRow *self,
                              const char     *pair_label)
{
  g_return_if_fail (SHOEBOX_IS_NEWS_ROW (self));

  gtk_label_set_text (self->badge_label, pair_label != NULL ? pair_label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->badge_label), pair_label != NULL);
}
