/* shoebox-news-source.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-news-source"

#include "config.h"

#include "shoebox-news-source.h"

#include "shoebox-news-private.h"

G_DEFINE_FINAL_TYPE (ShoeboxNewsSource, shoebox_news_source, G_TYPE_OBJECT)

G_DEFINE_QUARK (shoebox-news-error-quark, shoebox_news_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_URL,
  PROP_ENABLED,
  PROP_POSITION,
  PROP_LAST_SUCCESS,
  PROP_LAST_ERROR,
  PROP_LAST_ERROR_KIND,
  PROP_NEXT_REFRESH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
date_time_equal (GDateTime *a,
                 GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

static void
copy_string (ShoeboxNewsSource  *self,
             char              **field,
             const char         *value,
             int                 prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  if (prop != PROP_0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
copy_date_time (ShoeboxNewsSource  *self,
                GDateTime         **field,
                GDateTime          *value,
                int                 prop)
{
  if (date_time_equal (*field, value))
    return;
  g_clear_pointer (field, g_date_time_unref);
  *field = value != NULL ? g_date_time_ref (value) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
shoebox_news_source_finalize (GObject *object)
{
  ShoeboxNewsSource *self = SHOEBOX_NEWS_SOURCE (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->last_modified, g_free);
  g_clear_pointer (&self->last_success, g_date_time_unref);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->next_refresh, g_date_time_unref);

  G_OBJECT_CLASS (shoebox_news_source_parent_class)->finalize (object);
}

static void
shoebox_news_source_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ShoeboxNewsSource *self = SHOEBOX_NEWS_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    case PROP_LAST_SUCCESS:
      g_value_set_boxed (value, self->last_success);
      break;

    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;

    case PROP_LAST_ERROR_KIND:
      g_value_set_int (value, self->last_error_kind);
      break;

    case PROP_NEXT_REFRESH:
      g_value_set_boxed (value, self->next_refresh);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_news_source_class_init (ShoeboxNewsSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shoebox_news_source_finalize;
  object_class->get_property = shoebox_news_source_get_property;

  /* Read-only: a source changes through the news store, which writes the
   * database first and then updates the object the views hold.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LAST_SUCCESS] =
    g_param_spec_boxed ("last-success", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LAST_ERROR_KIND] =
    g_param_spec_int ("last-error-kind", NULL, NULL,
                      SHOEBOX_NEWS_ERROR_KIND_NONE, G_MAXINT, SHOEBOX_NEWS_ERROR_KIND_NONE,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NEXT_REFRESH] =
    g_param_spec_boxed ("next-refresh", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shoebox_news_source_init (ShoeboxNewsSource *self)
{
  self->enabled = TRUE;
}

void
_shoebox_news_source_update_from (ShoeboxNewsSource *self,
                                  ShoeboxNewsSource *other)
{
  g_return_if_fail (SHOEBOX_IS_NEWS_SOURCE (self));
  g_return_if_fail (SHOEBOX_IS_NEWS_SOURCE (other));

  g_object_freeze_notify (G_OBJECT (self));

  self->id = other->id;
  copy_string (self, &self->title, other->title, PROP_TITLE);
  copy_string (self, &self->url, other->url, PROP_URL);
  if (self->enabled != other->enabled)
    {
      self->enabled = other->enabled;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
    }
  if (self->position != other->position)
    {
      self->position = other->position;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
    }
  copy_string (self, &self->etag, other->etag, PROP_0);
  copy_string (self, &self->last_modified, other->last_modified, PROP_0);
  copy_date_time (self, &self->last_success, other->last_success, PROP_LAST_SUCCESS);
  copy_string (self, &self->last_error, other->last_error, PROP_LAST_ERROR);
  if (self->last_error_kind != other->last_error_kind)
    {
      self->last_error_kind = other->last_error_kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR_KIND]);
    }
  copy_date_time (self, &self->next_refresh, other->next_refresh, PROP_NEXT_REFRESH);

  g_object_thaw_notify (G_OBJECT (self));
}

gint64
shoebox_news_source_get_id (ShoeboxNewsSource *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SOURCE (self), 0);

  return self->id;
}

/**
 * shoebox_news_source_get_title:
 * @self: a #ShoeboxNewsSource
 *
 * Returns: the name the user gave, else the feed's own title; may be empty
 */
const char *
shoebox_news_source_get_title (ShoeboxNewsSource *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SOURCE (self), NULL);

  return self->title;
}

const char *
shoebox_news_source_get_url (ShoeboxNewsSource *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SOURCE (self), NULL);

  return self->url;
}

gboolean
shoebox_news_source_get_enabled (ShoeboxNewsSource *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SOURCE (self), FALSE);

  return self->enabled;
}

int
shoebox_news_source_get_position (ShoeboxNewsSource *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SOURCE (self), 0);

  return self->position;
}

const char *
shoebox_news_source_get_etag (ShoeboxNewsSource *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SOURCE (self), NULL);

  return self->etag;
}

const char *
shoebox_news_source_get_last_modified (ShoeboxNewsSource *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SOURCE (self), NULL);

  return self->last_modified;
}

/**
 * shoebox_news_source_get_last_success:
 * @self: a #ShoeboxNewsSource
 *
 * Returns: (transfer none) (nullable): when a fetch last worked
 */
GDateTime *
shoebox_news_source_get_last_success (ShoeboxNewsSource *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SOURCE (self), NULL);

  return self->last_success;
}

/**
 * shoebox_news_source_get_last_error:
 * @self: a #ShoeboxNewsSource
 *
 * Returns: (nullable): why the last fetch failed, in plain words for the
 *   user ("Not found (404)"), or %NULL when it worked
 */
const char *
shoebox_news_source_get_last_error (ShoeboxNewsSource *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SOURCE (self), NULL);

  return self->last_error;
}

ShoeboxNewsErrorKind
shoebox_news_source_get_last_error_kind (ShoeboxNewsSource *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SOURCE (self), SHOEBOX_NEWS_ERROR_KIND_NONE);

  return self->last_error_kind;
}

/**
 * shoebox_news_source_get_next_refresh:
 * @self: a #ShoeboxNewsSource
 *
 * Returns: (transfer none) (nullable): when the source is next due, or
 *   %NULL if it never was fetched
 */
GDateTime *
shoebox_news_source_get_next_refresh (ShoeboxNewsSource *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SOURCE (self), NULL);

  return self->next_refresh;
}

/**
 * shoebox_news_source_is_due:
 * @self: a #ShoeboxNewsSource
 * @now: the time to judge at
 *
 * Returns: whether the source is enabled and its next refresh has come
 */
gboolean
shoebox_news_source_is_due (ShoeboxNewsSource *self,
                            GDateTime         *now)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_SOURCE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!self->enabled)
    return FALSE;
  return self->next_refresh == NULL || g_date_time_compare (self->next_refresh, now) <= 0;
}
