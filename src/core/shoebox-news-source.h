/* shoebox-news-source.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * ShoeboxNewsErrorKind:
 * @SHOEBOX_NEWS_ERROR_KIND_NONE: the last fetch worked
 * @SHOEBOX_NEWS_ERROR_KIND_FAILED: any other failure
 * @SHOEBOX_NEWS_ERROR_KIND_INVALID_URL: not an http or https address with a host
 * @SHOEBOX_NEWS_ERROR_KIND_ACCESS_DENIED: 401 or 403
 * @SHOEBOX_NEWS_ERROR_KIND_NOT_FOUND: 404 or 410
 * @SHOEBOX_NEWS_ERROR_KIND_SERVER_ERROR: a 5xx status
 * @SHOEBOX_NEWS_ERROR_KIND_HTTP: another unexpected status
 * @SHOEBOX_NEWS_ERROR_KIND_RATE_LIMITED: 429; the next refresh follows Retry-After
 * @SHOEBOX_NEWS_ERROR_KIND_NOT_A_FEED: the answer was not RSS, Atom or JSON Feed
 * @SHOEBOX_NEWS_ERROR_KIND_TIMED_OUT: the server did not answer in time
 * @SHOEBOX_NEWS_ERROR_KIND_TOO_LARGE: the answer was over the size cap
 * @SHOEBOX_NEWS_ERROR_KIND_TOO_MANY_REDIRECTS: too many redirects, or a loop
 * @SHOEBOX_NEWS_ERROR_KIND_COULD_NOT_CONNECT: no connection (name, refused, TLS)
 * @SHOEBOX_NEWS_ERROR_KIND_OFFLINE: no connection, and the network is down
 * @SHOEBOX_NEWS_ERROR_KIND_DUPLICATE: the source is already in the list
 *
 * Why a source's last fetch failed. The values are stored in the
 * database: append, never renumber. Also the codes of %SHOEBOX_NEWS_ERROR.
 */
typedef enum
{
  SHOEBOX_NEWS_ERROR_KIND_NONE,
  SHOEBOX_NEWS_ERROR_KIND_FAILED,
  SHOEBOX_NEWS_ERROR_KIND_INVALID_URL,
  SHOEBOX_NEWS_ERROR_KIND_ACCESS_DENIED,
  SHOEBOX_NEWS_ERROR_KIND_NOT_FOUND,
  SHOEBOX_NEWS_ERROR_KIND_SERVER_ERROR,
  SHOEBOX_NEWS_ERROR_KIND_HTTP,
  SHOEBOX_NEWS_ERROR_KIND_RATE_LIMITED,
  SHOEBOX_NEWS_ERROR_KIND_NOT_A_FEED,
  SHOEBOX_NEWS_ERROR_KIND_TIMED_OUT,
  SHOEBOX_NEWS_ERROR_KIND_TOO_LARGE,
  SHOEBOX_NEWS_ERROR_KIND_TOO_MANY_REDIRECTS,
  SHOEBOX_NEWS_ERROR_KIND_COULD_NOT_CONNECT,
  SHOEBOX_NEWS_ERROR_KIND_OFFLINE,
  SHOEBOX_NEWS_ERROR_KIND_DUPLICATE,
} ShoeboxNewsErrorKind;

#define SHOEBOX_NEWS_ERROR (shoebox_news_error_quark ())

GQuark shoebox_news_error_quark (void);

#define SHOEBOX_TYPE_NEWS_SOURCE (shoebox_news_source_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxNewsSource, shoebox_news_source, SHOEBOX, NEWS_SOURCE, GObject)

gint64                shoebox_news_source_get_id             (ShoeboxNewsSource *self);
const char           *shoebox_news_source_get_title          (ShoeboxNewsSource *self);
const char           *shoebox_news_source_get_url            (ShoeboxNewsSource *self);
gboolean              shoebox_news_source_get_enabled        (ShoeboxNewsSource *self);
int                   shoebox_news_source_get_position       (ShoeboxNewsSource *self);
const char           *shoebox_news_source_get_etag           (ShoeboxNewsSource *self);
const char           *shoebox_news_source_get_last_modified  (ShoeboxNewsSource *self);
GDateTime            *shoebox_news_source_get_last_success   (ShoeboxNewsSource *self);
const char           *shoebox_news_source_get_last_error     (ShoeboxNewsSource *self);
ShoeboxNewsErrorKind  shoebox_news_source_get_last_error_kind (ShoeboxNewsSource *self);
GDateTime            *shoebox_news_source_get_next_refresh   (ShoeboxNewsSource *self);
gboolean              shoebox_news_source_is_due             (ShoeboxNewsSource *self,
                                                              GDateTime         *now);

G_END_DECLS
