/* shoebox-news-item.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-news-item"

#include "config.h"

#include "shoebox-news-item.h"

#include "shoebox-news-private.h"

G_DEFINE_FINAL_TYPE (ShoeboxNewsItem, shoebox_news_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SOURCE_ID,
  PROP_SOURCE_TITLE,
  PROP_TITLE,
  PROP_LINK,
  PROP_SUMMARY,
  PROP_THUMBNAIL_URL,
  PROP_AUTHOR,
  PROP_PUBLISHED,
  PROP_FETCHED_AT,
  PROP_READ,
  PROP_STARRED,
  PROP_HIDDEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
copy_string (ShoeboxNewsItem  *self,
             char            **field,
             const char       *value,
             int               prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
copy_date_time (ShoeboxNewsItem  *self,
                GDateTime       **field,
                GDateTime        *value,
                int               prop)
{
  if (*field == value || (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    return;
  g_clear_pointer (field, g_date_time_unref);
  *field = value != NULL ? g_date_time_ref (value) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
copy_boolean (ShoeboxNewsItem *self,
              gboolean        *field,
              gboolean         value,
              int              prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
shoebox_news_item_finalize (GObject *object)
{
  ShoeboxNewsItem *self = SHOEBOX_NEWS_ITEM (object);

  g_clear_pointer (&self->source_title, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->link, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->thumbnail_url, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->published, g_date_time_unref);
  g_clear_pointer (&self->fetched_at, g_date_time_unref);

  G_OBJECT_CLASS (shoebox_news_item_parent_class)->finalize (object);
}

static void
shoebox_news_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ShoeboxNewsItem *self = SHOEBOX_NEWS_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_SOURCE_ID:
      g_value_set_int64 (value, self->source_id);
      break;

    case PROP_SOURCE_TITLE:
      g_value_set_string (value, self->source_title);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LINK:
      g_value_set_string (value, self->link);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_THUMBNAIL_URL:
      g_value_set_string (value, self->thumbnail_url);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_PUBLISHED:
      g_value_set_boxed (value, self->published);
      break;

    case PROP_FETCHED_AT:
      g_value_set_boxed (value, self->fetched_at);
      break;

    case PROP_READ:
      g_value_set_boolean (value, self->read);
      break;

    case PROP_STARRED:
      g_value_set_boolean (value, self->starred);
      break;

    case PROP_HIDDEN:
      g_value_set_boolean (value, self->hidden);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_news_item_class_init (ShoeboxNewsItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shoebox_news_item_finalize;
  object_class->get_property = shoebox_news_item_get_property;

  /* Read-only: an item changes through the news store (mark read, star),
   * which writes the database first and then updates the objects the
   * views hold. Feed text is plain text: never show it as markup.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SOURCE_ID] =
    g_param_spec_int64 ("source-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SOURCE_TITLE] =
    g_param_spec_string ("source-title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LINK] =
    g_param_spec_string ("link", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_THUMBNAIL_URL] =
    g_param_spec_string ("thumbnail-url", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PUBLISHED] =
    g_param_spec_boxed ("published", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FETCHED_AT] =
    g_param_spec_boxed ("fetched-at", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_READ] =
    g_param_spec_boolean ("read", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STARRED] =
    g_param_spec_boolean ("starred", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HIDDEN] =
    g_param_spec_boolean ("hidden", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shoebox_news_item_init (ShoeboxNewsItem *self)
{
}

void
_shoebox_news_item_update_from (ShoeboxNewsItem *self,
                                ShoeboxNewsItem *other)
{
  g_return_if_fail (SHOEBOX_IS_NEWS_ITEM (self));
  g_return_if_fail (SHOEBOX_IS_NEWS_ITEM (other));

  g_object_freeze_notify (G_OBJECT (self));
  self->id = other->id;
  self->source_id = other->source_id;
  copy_string (self, &self->source_title, other->source_title, PROP_SOURCE_TITLE);
  copy_string (self, &self->title, other->title, PROP_TITLE);
  copy_string (self, &self->link, other->link, PROP_LINK);
  copy_string (self, &self->summary, other->summary, PROP_SUMMARY);
  copy_string (self, &self->thumbnail_url, other->thumbnail_url, PROP_THUMBNAIL_URL);
  copy_string (self, &self->author, other->author, PROP_AUTHOR);
  copy_date_time (self, &self->published, other->published, PROP_PUBLISHED);
  copy_date_time (self, &self->fetched_at, other->fetched_at, PROP_FETCHED_AT);
  copy_boolean (self, &self->read, other->read, PROP_READ);
  copy_boolean (self, &self->starred, other->starred, PROP_STARRED);
  copy_boolean (self, &self->hidden, other->hidden, PROP_HIDDEN);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
shoebox_news_item_get_id (ShoeboxNewsItem *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM (self), 0);

  return self->id;
}

gint64
shoebox_news_item_get_source_id (ShoeboxNewsItem *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM (self), 0);

  return self->source_id;
}

const char *
shoebox_news_item_get_source_title (ShoeboxNewsItem *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM (self), NULL);

  return self->source_title;
}

const char *
shoebox_news_item_get_title (ShoeboxNewsItem *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM (self), NULL);

  return self->title;
}

const char *
shoebox_news_item_get_link (ShoeboxNewsItem *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM (self), NULL);

  return self->link;
}

const char *
shoebox_news_item_get_summary (ShoeboxNewsItem *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM (self), NULL);

  return self->summary;
}

const char *
shoebox_news_item_get_thumbnail_url (ShoeboxNewsItem *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM (self), NULL);

  return self->thumbnail_url;
}

const char *
shoebox_news_item_get_author (ShoeboxNewsItem *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM (self), NULL);

  return self->author;
}

/**
 * shoebox_news_item_get_published:
 * @self: a #ShoeboxNewsItem
 *
 * Returns: (transfer none) (nullable): in UTC
 */
GDateTime *
shoebox_news_item_get_published (ShoeboxNewsItem *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM (self), NULL);

  return self->published;
}

/**
 * shoebox_news_item_get_fetched_at:
 * @self: a #ShoeboxNewsItem
 *
 * Returns: (transfer none) (nullable): in UTC
 */
GDateTime *
shoebox_news_item_get_fetched_at (ShoeboxNewsItem *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM (self), NULL);

  return self->fetched_at;
}

gboolean
shoebox_news_item_get_read (ShoeboxNewsItem *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM (self), FALSE);

  return self->read;
}

gboolean
shoebox_news_item_get_starred (ShoeboxNewsItem *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM (self), FALSE);

  return self->starred;
}

gboolean
shoebox_news_item_get_hidden (ShoeboxNewsItem *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM (self), FALSE);

  return self->hidden;
}
