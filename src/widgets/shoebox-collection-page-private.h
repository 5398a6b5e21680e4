/* shoebox-collection-page-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "shoebox-collection-page.h"
#include "shoebox-pair-order.h"
#include "shoebox-photos.h"
#include "shoebox-selection.h"

G_BEGIN_DECLS

/* Shared by the page's files:
 *   shoebox-collection-page.c        the page: search, filters, actions
 *   shoebox-collection-page-views.c  its grid's cards and its list's columns
 *   shoebox-collection-page-order.c  the list's sorts in memory
 */

struct _ShoeboxCollectionPage
{
  GtkWidget           parent_instance;

  ShoeboxCollection  *collection;
  ShoeboxPhotos      *photos;
  GListModel         *pairs;     /* the search results, refilled per query */
  ShoeboxSelection   *selection;
  GSettings          *settings;
  ShoeboxDeletion    *last_deletion; /* what Undo brings back */
  GArray             *last_wear_ids; /* or the wears Undo removes, */
  char               *last_wear_date; /* logged on this day */
  AdwToast           *wear_toast;     /* weak: the last wear answer shown */
  GArray             *silhouette_ids; /* gint64 per silhouette filter entry */
  char               *searched_text; /* the entry's text at the last search */
  GdkFrameClock      *first_frame_clock; /* watched until the first frame, see load_rest */
  gulong              first_frame_handler;
  ShoeboxPairOrder   *order;             /* every column's order, once read */
  GCancellable       *order_cancellable; /* while it is read */
  GdkFrameClock      *catch_up_clock;    /* watched until the results catch up */
  gulong              catch_up_handler;

  GtkSearchEntry     *search_entry;
  GtkStack           *view_stack;
  GtkGridView        *grid_view;
  GtkColumnView      *column_view;
  GtkToggleButton    *grid_button;
  GtkToggleButton    *list_button;
  /* NULL until the filter popover first opens (build_filters()). */
  GtkDropDown        *brand_filter;
  GtkDropDown        *silhouette_filter;
  GtkDropDown        *condition_filter;
  GtkDropDown        *status_filter;
  GtkDropDown        *tag_filter;
  GtkMenuButton      *filter_button;
  GtkLabel           *filter_count_label;
  GtkWidget          *clear_filters_button;
  GtkToggleButton    *select_button;
  GtkPopover         *filter_popover;

  guint               updating_filters : 1;
  guint               rest_pending : 1;   /* only the first screenful is loaded */
  guint               filters_stale : 1;  /* the choices wait for the popover */
};

void            _shoebox_collection_page_update_view  (ShoeboxCollectionPage *self);
GArray         *_shoebox_collection_page_dup_selected_ids (ShoeboxCollectionPage *self);
void            _shoebox_collection_page_select_ids   (ShoeboxCollectionPage *self,
                                                       GArray                *ids);
void            _shoebox_collection_page_run_search   (ShoeboxCollectionPage *self,
                                                       gboolean               keep_unchanged);
void            _shoebox_collection_page_set_up_views (ShoeboxCollectionPage *self);
ShoeboxPairSort _shoebox_collection_page_get_sort     (ShoeboxCollectionPage *self,
                                                       gboolean              *descending);
void            _shoebox_collection_page_save_sort    (ShoeboxCollectionPage *self);
void            _shoebox_collection_page_restore_sort (ShoeboxCollectionPage *self);
void            _shoebox_collection_page_want_order   (ShoeboxCollectionPage *self);
void            _shoebox_collection_page_drop_order   (ShoeboxCollectionPage *self);
void            _shoebox_collection_page_set_up_catch_up (ShoeboxCollectionPage *self);
void            _shoebox_collection_page_tell_near    (ShoeboxCollectionPage *self);
void            _shoebox_collection_page_catch_up_later (ShoeboxCollectionPage *self);
void            _shoebox_collection_page_catch_up     (ShoeboxCollectionPage *self);
void            _shoebox_collection_page_stop_catch_up (ShoeboxCollectionPage *self);
gboolean        _shoebox_collection_page_search_into  (ShoeboxCollectionPage   *self,
                                                       const ShoeboxPairQuery  *query,
                                                       GError                 **error);
gboolean        _shoebox_collection_page_sort_in_place (ShoeboxCollectionPage *self,
                                                        ShoeboxPairSort        sort,
                                                        gboolean               descending);

G_END_DECLS
