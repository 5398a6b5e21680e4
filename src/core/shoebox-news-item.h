/* shoebox-news-item.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SHOEBOX_TYPE_NEWS_ITEM (shoebox_news_item_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxNewsItem, shoebox_news_item, SHOEBOX, NEWS_ITEM, GObject)

gint64      shoebox_news_item_get_id            (ShoeboxNewsItem *self);
gint64      shoebox_news_item_get_source_id     (ShoeboxNewsItem *self);
const char *shoebox_news_item_get_source_title  (ShoeboxNewsItem *self);
const char *shoebox_news_item_get_title         (ShoeboxNewsItem *self);
const char *shoebox_news_item_get_link          (ShoeboxNewsItem *self);
const char *shoebox_news_item_get_summary       (ShoeboxNewsItem *self);
const char *shoebox_news_item_get_thumbnail_url (ShoeboxNewsItem *self);
const char *shoebox_news_item_get_author        (ShoeboxNewsItem *self);
GDateTime  *shoebox_news_item_get_published     (ShoeboxNewsItem *self);
GDateTime  *shoebox_news_item_get_fetched_at    (ShoeboxNewsItem *self);
gboolean    shoebox_news_item_get_read          (ShoeboxNewsItem *self);
gboolean    shoebox_news_item_get_starred       (ShoeboxNewsItem *self);
gboolean    shoebox_news_item_get_hidden        (ShoeboxNewsItem *self);

G_END_DECLS
