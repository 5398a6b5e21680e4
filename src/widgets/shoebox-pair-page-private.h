/* shoebox-pair-page-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "shoebox-pair-page.h"
#include "shoebox-toast.h"

G_BEGIN_DECLS

/* The page's state, shared by shoebox-pair-page.c (the header's actions
 * and the facts) and shoebox-pair-page-sections.c (photos, wear log,
 * news and lineage, and the rows both build). The sections do not call
 * back into the main file.
 */
struct _ShoeboxPairPage
{
  GtkWidget           parent_instance;

  ShoeboxCollection  *collection;
  ShoeboxPhotos      *photos;
  ShoeboxNewsService *news;
  ShoeboxPair        *pair;        /* NULL once the pair is gone */
  gint64              pair_id;
  GCancellable       *cancellable; /* the photos' loads */
  char               *shown_photos; /* the file names in the gallery, joined */

  GtkWidget          *back_button;
  AdwCarousel        *gallery;
  GtkWidget          *gallery_dots;
  GtkWidget          *no_photos_label;
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkListBox         *facts_list;
  GtkListBox         *wears_list;
  AdwEntryRow        *past_wear_row;
  GtkListBox         *news_list;
  GtkWidget          *lineage_group;
  GtkListBox         *lineage_list;
  GtkWidget          *compare_generations_button;
};

void _shoebox_pair_page_clear_list     (GtkListBox      *list,
                                        GtkWidget       *keep);
GtkWidget *_shoebox_pair_page_new_row  (const char      *title,
                                        const char      *subtitle);
void _shoebox_pair_page_update_photos  (ShoeboxPairPage *self);
void _shoebox_pair_page_update_wears   (ShoeboxPairPage *self);
void _shoebox_pair_page_update_news    (ShoeboxPairPage *self);
void _shoebox_pair_page_update_lineage (ShoeboxPairPage *self);
void _shoebox_pair_page_remove_wear    (ShoeboxPairPage *self,
                                        const char      *date);
void _shoebox_pair_page_log_past_wear  (ShoeboxPairPage *self);

G_END_DECLS
