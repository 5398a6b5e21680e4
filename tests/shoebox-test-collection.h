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

void         shoebox_test_collection_set_up    (ShoeboxTestCollection *fixture,
                                                gconstpointer          data);
void         shoebox_test_collection_tear_down (ShoeboxTestCollection *fixture,
                                                gconstpointer          data);
ShoeboxPair *shoebox_test_new_pair             (const char            *brand,
                                                const char            *silhouette,
                                                const char            *colorway);
void         shoebox_test_save_pair            (ShoeboxCollection     *collection,
                                                ShoeboxPair           *pair);
ShoeboxPair *shoebox_test_add_pair             (ShoeboxCollection     *collection,
                                                const char            *brand,
                                                const char            *silhouette,
                                                const char            *colorway,
                                                gint64                 price_paid);
guint        shoebox_test_count_pairs          (ShoeboxCollection     *collection);

G_END_DECLS
