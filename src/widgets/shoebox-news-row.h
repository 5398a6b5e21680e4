/* shoebox-news-row.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "shoebox-news-item.h"
#include "shoebox-news-thumbnails.h"

G_BEGIN_DECLS

#define SHOEBOX_TYPE_NEWS_ROW (shoebox_news_row_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxNewsRow, shoebox_news_row, SHOEBOX, NEWS_ROW, GtkListBoxRow)

GtkWidget       *shoebox_news_row_new           (ShoeboxNewsItem       *item,
                                                 ShoeboxNewsThumbnails *thumbnails);
ShoeboxNewsItem *shoebox_news_row_get_item      (ShoeboxNewsRow        *self);
void             shoebox_news_row_update        (ShoeboxNewsRow        *self);
void             shoebox_news_row_set_mention   (ShoeboxNewsRow        *self,
                                                 const char            *pair_label);
char            *shoebox_news_row_format_age    (GDateTime             *date,
                                                 GDateTime             *now);

G_END_DECLS
