/* shoebox-test-collection.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "shoebox-collection.h"
#include "shoebox-database.h"
#include "shoebox-photos.h"

G_BEGIN_DECLS

typedef struct
{
  ShoeboxDatabase   *database;
  ShoeboxCollection *collection;
  ShoeboxPhotos     *photos;
} ShoeboxTestCollection;

/* Adds a test case run on a fresh ShoeboxTestCollection. */
#define shoebox_test_add_with_collection(path, func) \
  g_test_add ((path), ShoeboxTestCollection, NULL, shoebox_test_collection_set_up, (func), \
              shoebox_test_collection_tear_down)

ShoeboxCollection *shoebox_test_open_collection      (ShoeboxDatabase       **database,
                                                      gboolean                starter_catalogue);
void               shoebox_test_collection_set_up    (ShoeboxTestCollection  *fixture,
                                                      gconstpointer           data);
void               shoebox_test_collection_tear_down (ShoeboxTestCollection  *fixture,
                                                      gconstpointer           data);
ShoeboxPair       *shoebox_test_new_pair             (const char             *brand,
                                                      const char             *silhouette,
                                                      const char             *colorway);
void               shoebox_test_save_pair            (ShoeboxCollection      *collection,
                                                      ShoeboxPair            *pair);
ShoeboxPair       *shoebox_test_add_pair             (ShoeboxCollection      *collection,
                                                      const char             *brand,
                                                      const char             *silhouette,
                                                      const char             *colorway,
                                                      gint64                  price_paid);
guint              shoebox_test_count_pairs          (ShoeboxCollection      *collection);
gint64             shoebox_test_query_int            (ShoeboxDatabase        *database,
                                                      const char             *sql);
char              *shoebox_test_query_text           (ShoeboxDatabase        *database,
                                                      const char             *sql);
void               shoebox_test_assert_pairs_equal   (ShoeboxPair            *a,
                                                      ShoeboxPair            *b);

G_END_DECLS
