/* shoebox-news-page.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "shoebox-news-service.h"

G_BEGIN_DECLS

#define SHOEBOX_TYPE_NEWS_PAGE (shoebox_news_page_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxNewsPage, shoebox_news_page, SHOEBOX, NEWS_PAGE, GtkWidget)

GtkWidget          *shoebox_news_page_new         (void);
ShoeboxNewsService *shoebox_news_page_get_service (ShoeboxNewsPage    *self);
void                shoebox_news_page_set_service (ShoeboxNewsPage    *self,
                                                   ShoeboxNewsService *service);
void                shoebox_news_page_show_item   (ShoeboxNewsPage    *self,
                                                   gint64              item_id);
void                shoebox_news_page_open_item   (ShoeboxNewsPage    *self,
                                                   gint64              item_id);
void                shoebox_news_page_show_pair   (ShoeboxNewsPage    *self,
                                                   gint64              pair_id);

G_END_DECLS
