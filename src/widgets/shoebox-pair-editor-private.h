/* shoebox-pair-editor-private.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "shoebox-pair-editor.h"

G_BEGIN_DECLS

/* The pair editor is split over files by job: the fields and saving in
 * shoebox-pair-editor.c, its photos in shoebox-pair-editor-photos.c, the
 * silhouette suggestions in shoebox-pair-editor-suggestions.c, asking
 * before unsaved changes are closed away in shoebox-pair-editor-discard.c,
 * the wear log in shoebox-pair-editor-wears.c, and checking the fields
 * and enabling the actions in shoebox-pair-editor-validate.c. The main
 * file calls the parts; no part calls back into it.
 */
struct _ShoeboxPairEditor
{
  ShoeboxDialog       parent_instance;

  ShoeboxCollection  *collection;
  ShoeboxPhotos      *photos;
  ShoeboxPair        *pair;      /* the saved pair, or NULL while adding */
  GPtrArray          *photo_files;   /* file names, in order */
  char               *side_profile;  /* one of photo_files, or NULL */
  GCancellable       *cancellable;   /* imports and thumbnails */
  guint               n_importing;
  gboolean            silhouette_touched;
  gboolean            can_save;
  GSettings          *settings;
  gboolean            picking_silhouette;
  char               *remembered_fields; /* as loaded or saved */
  GtkWidget          *discard_alert;     /* weak: "Discard changes?" */
  gboolean            closing;           /* answered, or nothing to lose */
  gboolean            discarding;        /* Discard was the answer */
  gboolean            escape_for_popup;  /* the Escape being handled closed the suggestions */
#if GTK_CHECK_VERSION (4, 10, 0)
  GtkPopover         *suggestions_popover;  /* silhouettes matching the field */
  GtkListView        *suggestions_list;
  GtkSingleSelection *suggestions;
  GtkCustomFilter    *suggestion_filter;
#else
  GtkListStore       *silhouettes; /* name, brand, "name — brand" */
#endif

  AdwToastOverlay    *toasts;
  GtkLabel           *problems_label;
  GtkFlowBox         *photos_box;
  GtkWidget          *no_photos_label;
  AdwActionRow       *silhouette_row;
  GtkEntry           *silhouette_entry;
  AdwEntryRow        *brand_row;
  AdwEntryRow        *colorway_row;
  AdwEntryRow        *official_colorway_row;
  AdwEntryRow        *style_code_row;
  AdwEntryRow        *size_row;
  AdwComboRow        *size_system_row;
  AdwComboRow        *condition_row;
  AdwComboRow        *box_row;
  AdwEntryRow        *extras_row;
  AdwComboRow        *status_row;
  AdwEntryRow        *price_paid_row;
  AdwComboRow        *currency_row;
  AdwEntryRow        *purchase_date_row;
  AdwEntryRow        *where_bought_row;
  AdwEntryRow        *estimated_value_row;
  AdwEntryRow        *storage_location_row;
  AdwEntryRow        *tags_row;
  GtkTextView        *notes_view;
  AdwPreferencesGroup *wear_group;
  AdwActionRow       *wears_row;
  AdwActionRow       *last_worn_row;
  AdwActionRow       *cost_per_wear_row;
  GtkWidget          *manage_box;
  AdwPreferencesGroup *wear_history_group;
  AdwEntryRow        *past_wear_row;
  GPtrArray          *wear_rows;     /* one per day worn, in the history group */

  GPtrArray          *invalid_rows;  /* rows marked with the error style */
  char               *problems;      /* one line per invalid field */
};

void     _shoebox_pair_editor_validate           (ShoeboxPairEditor *self);
void     _shoebox_pair_editor_update_actions     (ShoeboxPairEditor *self);
const char *_shoebox_pair_editor_row_text        (gpointer           row);
char    *_shoebox_pair_editor_dup_stripped       (const char        *text);
const char *_shoebox_pair_editor_selected_currency (ShoeboxPairEditor *self);
void     _shoebox_pair_editor_set_up_suggestions (ShoeboxPairEditor *self);
void     _shoebox_pair_editor_clear_suggestions  (ShoeboxPairEditor *self);
void     _shoebox_pair_editor_set_up_discard     (ShoeboxPairEditor *self);
void     _shoebox_pair_editor_clear_discard      (ShoeboxPairEditor *self);
void     _shoebox_pair_editor_remember_fields    (ShoeboxPairEditor *self);
gboolean _shoebox_pair_editor_has_changes        (ShoeboxPairEditor *self);
void     _shoebox_pair_editor_set_up_wears       (ShoeboxPairEditor *self);
void     _shoebox_pair_editor_update_wear        (ShoeboxPairEditor *self);
void     _shoebox_pair_editor_worn_today        (ShoeboxPairEditor *self);
void     _shoebox_pair_editor_remove_wear       (ShoeboxPairEditor *self,
                                                 const char        *date);
void     _shoebox_pair_editor_log_past_wear     (ShoeboxPairEditor *self);
void     _shoebox_pair_editor_past_wear_activated_cb (ShoeboxPairEditor *self);
void     _shoebox_pair_editor_load_photos        (ShoeboxPairEditor *self);
void     _shoebox_pair_editor_import_file        (ShoeboxPairEditor *self,
                                                  GFile             *file);
void     _shoebox_pair_editor_add_photos        (ShoeboxPairEditor *self);
void     _shoebox_pair_editor_paste_photo       (ShoeboxPairEditor *self);
gboolean _shoebox_pair_editor_drop_cb            (GtkDropTarget     *target,
                                                  const GValue      *value,
                                                  double             x,
                                                  double             y,
                                                  ShoeboxPairEditor *self);

G_END_DECLS
