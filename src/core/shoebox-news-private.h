/* shoebox-news-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "shoebox-news-item.h"
#include "shoebox-news-source.h"

G_BEGIN_DECLS

/* The models are filled by the news store only: it builds a fresh object
 * from a row, then copies it into the one the views already hold, which
 * notifies each property that changed.
 */
struct _ShoeboxNewsSource
{
  GObject               parent_instance;

  gint64                id;
  char                 *title;
  char                 *url;
  gboolean              enabled;
  int                   position;
  char                 *etag;
  char                 *last_modified;
  GDateTime            *last_success;
  char                 *last_error;
  ShoeboxNewsErrorKind  last_error_kind;
  GDateTime            *next_refresh;
};

struct _ShoeboxNewsItem
{
  GObject    parent_instance;

  gint64     id;
  gint64     source_id;
  char      *source_title;
  char      *title;
  char      *link;
  char      *summary;
  char      *thumbnail_url;
  char      *author;
  GDateTime *published;
  GDateTime *fetched_at;
  gboolean   read;
  gboolean   starred;
  gboolean   hidden;
};

void _shoebox_news_source_update_from (ShoeboxNewsSource *self,
                                       ShoeboxNewsSource *other);
void _shoebox_news_item_update_from   (ShoeboxNewsItem   *self,
                                       ShoeboxNewsItem   *other);

G_END_DECLS
