/* shoebox-compare-page-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "shoebox-compare-page.h"
#include "shoebox-profile-loader.h"
#include "shoebox-profile-view.h"
#include "shoebox-toast.h"

G_BEGIN_DECLS

/* The Compare page is split over files by what it does: the widget, its
 * actions and its API (shoebox-compare-page.c), the compared items
 * (-items.c), the table (-columns.c), the photos and the overlay view
 * (-photos.c), "Compare With…" (-picker.c) and Save as Image
 * (-save-image.c). They share the struct and the helpers declared here.
 * The order is one way: the widget calls the items, the items call
 * -refresh.c, which calls the table, the photos and -narrow.c; no part
 * calls back into one that calls it.
 */

typedef enum
{
  ROW_SILHOUETTE,
  ROW_BRAND,
  ROW_DESIGNER,
  ROW_RELEASE_YEAR,
  ROW_CATEGORY,
  ROW_RETAIL_PRICE,
  ROW_PRICE_PAID,
  ROW_ESTIMATED_VALUE,
  ROW_SIZE,
  ROW_CONDITION,
  ROW_WEARS,
  ROW_COST_PER_WEAR,
  ROW_INSPIRATION,
  ROW_PREDECESSOR,
  ROW_SUCCESSOR,
  N_ROWS
} Row;

typedef enum
{
  ITEM_PAIR,
  ITEM_SILHOUETTE,
} ItemKind;

/* One compared pair or silhouette, and its column's widgets (owned by
 * the column, which the page owns).
 */
typedef struct
{
  ItemKind              kind;
  gint64                id;
  ShoeboxPair          *pair;
  ShoeboxSilhouette    *silhouette; /* the pair's, for a pair; may be NULL */
  char                 *name;
  char                 *photo; /* side-profile file name, or NULL */
  gint64                photo_pair_id; /* a silhouette's: whose photo, or the pair to add one to */
  char                 *values[N_ROWS];
  gboolean              has_lineage;
  ShoeboxProfileResult *result;
  char                 *photo_error;
  gboolean              flipped;

  GtkWidget            *column;
  GtkWidget            *photo_box;
  GtkStack             *photo_stack;
  ShoeboxProfileView   *view;
  GtkLabel             *caption;
  GtkWidget            *menu_button;
  GtkWidget            *generations_button;
  GtkWidget            *cells[N_ROWS];
} Item;

struct _ShoeboxComparePage
{
  GtkWidget              parent_instance;

  ShoeboxCollection     *collection;
  ShoeboxPhotos         *photos;
  ShoeboxProfileLoader  *loader;
  GSettings             *settings;
  GCancellable          *cancellable;
  GPtrArray             *items; /* Item */
  char                  *mode;
  GCancellable          *chooser;   /* Save as Image's, while it is open */
  GtkWidget             *row_labels[N_ROWS];
  guint                  n_loading;
  guint                  default_photos_source;
  int                    selected_column; /* Compare Generations', or -1 */
  GStrv                  previous_keys;   /* the comparison Back returns to */
  guint                  narrow_source;
  gboolean               narrow;

  GtkFlowBox            *toolbar;
  GtkWidget             *back_button;
  GtkWidget             *only_differences_box;
  GtkWidget             *image_box;
  GtkWidget             *more_button;
  GtkMenuButton         *compare_with_button;
  GtkPopover            *picker_popover;
  GtkSearchEntry        *picker_search;
  GtkListBox            *picker_list;
  GtkRevealer           *overlay_controls_revealer;
  GtkAdjustment         *opacity_adjustment;
  GtkAdjustment         *divider_adjustment;
  GtkStack              *stack;
  GtkWidget             *comparison;
  GtkLabel              *hint_label;
  GtkWidget             *overlay_box;
  AdwClamp              *view_clamp;      /* hint and overlay, kept to the width that shows */
  GtkWidget             *legend_box;
  ShoeboxProfileView    *overlay_view;
  GtkLabel              *overlay_caption;
  GtkWidget             *columns_box;
  GtkScrolledWindow     *scrolled_window;

  guint                  truncated : 1;
  guint                  only_differences : 1;
  guint                  restoring : 1;
};

void     _shoebox_compare_page_refresh            (ShoeboxComparePage *self);

void     _shoebox_compare_page_apply_narrow       (ShoeboxComparePage *self);
void     _shoebox_compare_page_fit_views          (ShoeboxComparePage *self);
void     _shoebox_compare_page_set_tool_visible   (GtkWidget          *tool,
                                                   gboolean            visible);
void     _shoebox_compare_page_watch_width        (ShoeboxComparePage *self);
void     _shoebox_compare_page_compare_with       (ShoeboxComparePage *self);

void     _shoebox_compare_page_items_changed      (ShoeboxComparePage *self);
void     _shoebox_compare_page_go_back            (ShoeboxComparePage *self);
void     _shoebox_compare_page_item_free          (Item               *item);
gboolean _shoebox_compare_page_has_item           (ShoeboxComparePage *self,
                                                   ItemKind            kind,
                                                   gint64              id);
Item    *_shoebox_compare_page_get_item           (ShoeboxComparePage *self,
                                                   int                 index);
void     _shoebox_compare_page_clear_items        (ShoeboxComparePage *self);
gboolean _shoebox_compare_page_add_key            (ShoeboxComparePage *self,
                                                   const char         *key);
void     _shoebox_compare_page_set_pairs          (ShoeboxComparePage *self,
                                                   const gint64       *ids,
                                                   guint               n_ids);
gboolean _shoebox_compare_page_add_pair           (ShoeboxComparePage *self,
                                                   gint64              id);
gboolean _shoebox_compare_page_add_silhouette     (ShoeboxComparePage *self,
                                                   gint64              id);
void     _shoebox_compare_page_compare_with_pair  (ShoeboxComparePage *self,
                                                   gint64              id);
void     _shoebox_compare_page_compare_with_silhouette (ShoeboxComparePage *self,
                                                        gint64              id);
void     _shoebox_compare_page_compare_generations (ShoeboxComparePage *self,
                                                    gint64              silhouette_id);
void     _shoebox_compare_page_restore_items      (ShoeboxComparePage *self);
void     _shoebox_compare_page_reload_items       (ShoeboxComparePage *self);

void     _shoebox_compare_page_rebuild_columns    (ShoeboxComparePage *self);
void     _shoebox_compare_page_update_differences (ShoeboxComparePage *self);
const char *_shoebox_compare_page_row_title       (Row                 row);
gboolean _shoebox_compare_page_row_differs        (ShoeboxComparePage *self,
                                                   Row                 row);
void     _shoebox_compare_page_update_column_menu (ShoeboxComparePage *self,
                                                   Item               *item,
                                                   int                 index);

void     _shoebox_compare_page_load_photos        (ShoeboxComparePage *self);
void     _shoebox_compare_page_update_views       (ShoeboxComparePage *self);
void     _shoebox_compare_page_get_item_profile   (Item               *item,
                                                   ShoeboxProfile     *profile);

char       *_shoebox_compare_page_dup_title       (ShoeboxComparePage *self);
GdkTexture *_shoebox_compare_page_render_image    (ShoeboxComparePage *self);

void     _shoebox_compare_page_refill_picker      (ShoeboxComparePage *self);

void     _shoebox_compare_page_choose_image_file  (ShoeboxComparePage *self);
void     _shoebox_compare_page_copy_image         (ShoeboxComparePage *self);
gboolean _shoebox_compare_page_save_image         (ShoeboxComparePage  *self,
                                                   GFile               *file,
                                                   GError             **error);

G_END_DECLS
