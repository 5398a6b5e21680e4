/* shoebox-news-item-list.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-news-store"

#include "config.h"

#include "shoebox-news-store.h"

#include "shoebox-news-private.h"

/* The list of items a view shows: a filter, a source and a search over
 * the store, reloaded whenever the store's items change.
 */

struct _ShoeboxNewsItemList
{
  GObject            parent_instance;

  ShoeboxNewsStore  *store;
  GPtrArray         *items;
  ShoeboxNewsFilter  filter;
  gint64             source_id;
  char              *search;
  gboolean           constructed;
};

static void shoebox_news_item_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ShoeboxNewsItemList, shoebox_news_item_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, shoebox_news_item_list_model_init))

enum {
  LIST_PROP_0,
  LIST_PROP_STORE,
  LIST_PROP_FILTER,
  LIST_PROP_SOURCE_ID,
  LIST_PROP_SEARCH,
  LIST_PROP_N_ITEMS,
  LIST_N_PROPS
};

static GParamSpec *list_properties[LIST_N_PROPS];

/* Loads the items again and tells views only about the part that moved:
 * the items at both ends that are still the same are updated in place,
 * so a view keeps its rows and its scroll position.
 */
static void
reload_items (ShoeboxNewsItemList *self)
{
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *old = self->items;
  guint n_old = old->len;
  guint prefix = 0;
  guint suffix = 0;

  if (!self->constructed || self->store == NULL)
    return;

  fresh = shoebox_news_store_query_items (self->store, self->filter, self->source_id,
                                          self->search, &error);
  if (fresh == NULL)
    {
      /* The list keeps what it shows; the next change tries again. */
      g_debug ("Could not list news items: %s", error->message);
      return;
    }

  while (prefix < n_old && prefix < fresh->len
         && SHOEBOX_NEWS_ITEM (g_ptr_array_index (old, prefix))->id
            == SHOEBOX_NEWS_ITEM (g_ptr_array_index (fresh, prefix))->id)
    {
      gpointer kept = g_ptr_array_index (old, prefix);

      _shoebox_news_item_update_from (kept, g_ptr_array_index (fresh, prefix));
      g_object_unref (g_ptr_array_index (fresh, prefix));
      g_ptr_array_index (fresh, prefix) = g_object_ref (kept);
      prefix++;
    }

  while (suffix < n_old - prefix && suffix < fresh->len - prefix
         && SHOEBOX_NEWS_ITEM (g_ptr_array_index (old, n_old - 1 - suffix))->id
            == SHOEBOX_NEWS_ITEM (g_ptr_array_index (fresh, fresh->len - 1 - suffix))->id)
    {
      guint i = fresh->len - 1 - suffix;
      gpointer kept = g_ptr_array_index (old, n_old - 1 - suffix);

      _shoebox_news_item_update_from (kept, g_ptr_array_index (fresh, i));
      g_object_unref (g_ptr_array_index (fresh, i));
      g_ptr_array_index (fresh, i) = g_object_ref (kept);
      suffix++;
    }

  self->items = g_steal_pointer (&fresh);
  g_ptr_array_unref (old);

  if (n_old - prefix - suffix > 0 || self->items->len - prefix - suffix > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                  n_old - prefix - suffix,
                                  self->items->len - prefix - suffix);
      if (n_old != self->items->len)
        g_object_notify_by_pspec (G_OBJECT (self), list_properties[LIST_PROP_N_ITEMS]);
    }
}

static void
store_items_changed_cb (ShoeboxNewsItemList *self)
{
  reload_items (self);
}

static GType
shoebox_news_item_list_get_item_type (GListModel *model)
{
  return SHOEBOX_TYPE_NEWS_ITEM;
}

static guint
shoebox_news_item_list_get_n_items (GListModel *model)
{
  return SHOEBOX_NEWS_ITEM_LIST (model)->items->len;
}

static gpointer
shoebox_news_item_list_get_item (GListModel *model,
                                 guint       position)
{
  ShoeboxNewsItemList *self = SHOEBOX_NEWS_ITEM_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
shoebox_news_item_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = shoebox_news_item_list_get_item_type;
  iface->get_n_items = shoebox_news_item_list_get_n_items;
  iface->get_item = shoebox_news_item_list_get_item;
}

static void
shoebox_news_item_list_constructed (GObject *object)
{
  ShoeboxNewsItemList *self = SHOEBOX_NEWS_ITEM_LIST (object);

  G_OBJECT_CLASS (shoebox_news_item_list_parent_class)->constructed (object);

  if (self->store != NULL)
    g_signal_connect_object (self->store, "items-changed",
                             G_CALLBACK (store_items_changed_cb), self, G_CONNECT_SWAPPED);
  self->constructed = TRUE;
  reload_items (self);
}

static void
shoebox_news_item_list_dispose (GObject *object)
{
  ShoeboxNewsItemList *self = SHOEBOX_NEWS_ITEM_LIST (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (shoebox_news_item_list_parent_class)->dispose (object);
}

static void
shoebox_news_item_list_finalize (GObject *object)
{
  ShoeboxNewsItemList *self = SHOEBOX_NEWS_ITEM_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (shoebox_news_item_list_parent_class)->finalize (object);
}

static void
shoebox_news_item_list_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ShoeboxNewsItemList *self = SHOEBOX_NEWS_ITEM_LIST (object);

  switch (prop_id)
    {
    case LIST_PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case LIST_PROP_FILTER:
      g_value_set_int (value, self->filter);
      break;

    case LIST_PROP_SOURCE_ID:
      g_value_set_int64 (value, self->source_id);
      break;

    case LIST_PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case LIST_PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_news_item_list_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ShoeboxNewsItemList *self = SHOEBOX_NEWS_ITEM_LIST (object);

  switch (prop_id)
    {
    case LIST_PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case LIST_PROP_FILTER:
      shoebox_news_item_list_set_filter (self, g_value_get_int (value));
      break;

    case LIST_PROP_SOURCE_ID:
      shoebox_news_item_list_set_source_id (self, g_value_get_int64 (value));
      break;

    case LIST_PROP_SEARCH:
      shoebox_news_item_list_set_search (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_news_item_list_class_init (ShoeboxNewsItemListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = shoebox_news_item_list_constructed;
  object_class->dispose = shoebox_news_item_list_dispose;
  object_class->finalize = shoebox_news_item_list_finalize;
  object_class->get_property = shoebox_news_item_list_get_property;
  object_class->set_property = shoebox_news_item_list_set_property;

  list_properties[LIST_PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SHOEBOX_TYPE_NEWS_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  list_properties[LIST_PROP_FILTER] =
    g_param_spec_int ("filter", NULL, NULL,
                      SHOEBOX_NEWS_FILTER_ALL, SHOEBOX_NEWS_FILTER_MENTIONS, SHOEBOX_NEWS_FILTER_ALL,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  list_properties[LIST_PROP_SOURCE_ID] =
    g_param_spec_int64 ("source-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  list_properties[LIST_PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  list_properties[LIST_PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, LIST_N_PROPS, list_properties);
}

static void
shoebox_news_item_list_init (ShoeboxNewsItemList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

ShoeboxNewsFilter
shoebox_news_item_list_get_filter (ShoeboxNewsItemList *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM_LIST (self), SHOEBOX_NEWS_FILTER_ALL);

  return self->filter;
}

void
shoebox_news_item_list_set_filter (ShoeboxNewsItemList *self,
                                   ShoeboxNewsFilter    filter)
{
  g_return_if_fail (SHOEBOX_IS_NEWS_ITEM_LIST (self));

  if (self->filter == filter)
    return;
  self->filter = filter;
  reload_items (self);
  g_object_notify_by_pspec (G_OBJECT (self), list_properties[LIST_PROP_FILTER]);
}

gint64
shoebox_news_item_list_get_source_id (ShoeboxNewsItemList *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM_LIST (self), 0);

  return self->source_id;
}

void
shoebox_news_item_list_set_source_id (ShoeboxNewsItemList *self,
                                      gint64               source_id)
{
  g_return_if_fail (SHOEBOX_IS_NEWS_ITEM_LIST (self));

  if (self->source_id == source_id)
    return;
  self->source_id = source_id;
  reload_items (self);
  g_object_notify_by_pspec (G_OBJECT (self), list_properties[LIST_PROP_SOURCE_ID]);
}

const char *
shoebox_news_item_list_get_search (ShoeboxNewsItemList *self)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_ITEM_LIST (self), NULL);

  return self->search;
}

void
shoebox_news_item_list_set_search (ShoeboxNewsItemList *self,
                                   const char          *search)
{
  g_return_if_fail (SHOEBOX_IS_NEWS_ITEM_LIST (self));

  if (g_strcmp0 (self->search, search) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (search);
  reload_items (self);
  g_object_notify_by_pspec (G_OBJECT (self), list_properties[LIST_PROP_SEARCH]);
}

/* The store's way to make a list lives beside the list, so that the
 * store's own files never need the list's type: the list uses the store,
 * not the other way round.
 */

/**
 * shoebox_news_store_list_items:
 * @self: a #ShoeboxNewsStore
 * @filter: which items
 * @source_id: one source's items only, or 0 for all sources
 * @search: (nullable): text the items contain
 *
 * The list follows the store: it reloads whenever items change, keeping
 * the objects it already holds for items still in it. Its filter, source
 * and search can be changed later.
 *
 * Returns: (transfer full): a #ShoeboxNewsItemList of #ShoeboxNewsItem,
 *   newest first
 */
GListModel *
shoebox_news_store_list_items (ShoeboxNewsStore  *self,
                               ShoeboxNewsFilter  filter,
                               gint64             source_id,
                               const char        *search)
{
  g_return_val_if_fail (SHOEBOX_IS_NEWS_STORE (self), NULL);

  return g_object_new (SHOEBOX_TYPE_NEWS_ITEM_LIST,
                       "store", self,
                       "filter", filter,
                       "source-id", source_id,
                       "search", search,
                       NULL);
}
