/* shoebox-pair-editor.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-pair-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-currency-row.h"
#include "shoebox-labels.h"
#include "shoebox-money.h"
#include "shoebox-pair-editor-private.h"
#include "shoebox-photos.h"

G_DEFINE_FINAL_TYPE (ShoeboxPairEditor, shoebox_pair_editor, SHOEBOX_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_COLLECTION,
  PROP_PHOTOS,
  PROP_PAIR,
  N_PROPS
};

enum {
  SAVED,
  DELETE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* "grail; to clean" → { "grail", "to clean" }: people put spaces after
 * separators, and an empty item is no tag.
 */
static char **
split_list (const char *text)
{
  g_autofree char *stripped = _shoebox_pair_editor_dup_stripped (text);
  g_auto(GStrv) items = NULL;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();

  if (*stripped == '\0')
    return NULL;

  items = shoebox_list_split (stripped);
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    if (*g_strstrip (items[i]) != '\0')
      g_strv_builder_add (kept, items[i]);
  return g_strv_builder_end (kept);
}

static void
set_list_row (AdwEntryRow        *row,
              const char * const *items)
{
  g_autofree char *text = items != NULL ? shoebox_list_join (items) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
set_money_row (AdwEntryRow *row,
               gint64       minor_units,
               const char  *currency)
{
  g_autofree char *text = NULL;

  if (minor_units >= 0 && currency != NULL)
    text = shoebox_money_format_plain (minor_units, currency);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
select_currency (ShoeboxPairEditor *self,
                 const char        *currency)
{
  shoebox_currency_row_set_currency (self->currency_row, currency);
}

static void
fill_from_pair (ShoeboxPairEditor *self,
                ShoeboxPair       *pair)
{
  GtkTextBuffer *notes = gtk_text_view_get_buffer (self->notes_view);
  const char *text;

  self->picking_silhouette = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->silhouette_entry), shoebox_pair_get_silhouette_name (pair) ?: "");
  self->picking_silhouette = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->brand_row), shoebox_pair_get_brand_name (pair) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->colorway_row), shoebox_pair_get_colorway (pair) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->official_colorway_row), shoebox_pair_get_official_colorway (pair) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->style_code_row), shoebox_pair_get_style_code (pair) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->size_row), shoebox_pair_get_size (pair) ?: "");
  adw_combo_row_set_selected (self->size_system_row, shoebox_pair_get_size_system (pair));
  adw_combo_row_set_selected (self->condition_row, shoebox_pair_get_condition (pair));
  adw_combo_row_set_selected (self->box_row, shoebox_pair_get_box (pair));
  set_list_row (self->extras_row, shoebox_pair_get_extras (pair));
  adw_combo_row_set_selected (self->status_row, shoebox_pair_get_status (pair));
  if (shoebox_pair_get_currency (pair) != NULL)
    select_currency (self, shoebox_pair_get_currency (pair));
  set_money_row (self->price_paid_row, shoebox_pair_get_price_paid (pair), shoebox_pair_get_currency (pair));
  gtk_editable_set_text (GTK_EDITABLE (self->purchase_date_row), shoebox_pair_get_purchase_date (pair) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->where_bought_row), shoebox_pair_get_where_bought (pair) ?: "");
  set_money_row (self->estimated_value_row, shoebox_pair_get_estimated_value (pair), shoebox_pair_get_currency (pair));
  gtk_editable_set_text (GTK_EDITABLE (self->storage_location_row), shoebox_pair_get_storage_location (pair) ?: "");
  set_list_row (self->tags_row, shoebox_pair_get_tags (pair));
  text = shoebox_pair_get_notes (pair);
  gtk_text_buffer_set_text (notes, text != NULL ? text : "", -1);
}

static void
set_optional_text (ShoeboxPair *pair,
                   void (*setter) (ShoeboxPair *, const char *),
                   const char  *text)
{
  g_autofree char *stripped = _shoebox_pair_editor_dup_stripped (text);

  setter (pair, *stripped != '\0' ? stripped : NULL);
}

static gint64
parse_amount (ShoeboxPairEditor *self,
              AdwEntryRow       *row)
{
  g_autofree char *text = _shoebox_pair_editor_dup_stripped (_shoebox_pair_editor_row_text (row));
  gint64 minor_units = -1;

  if (*text != '\0' && !shoebox_money_parse (text, _shoebox_pair_editor_selected_currency (self), &minor_units, NULL))
    return -1;
  return minor_units;
}

/* The pair as the fields describe it, ready to save. */
static ShoeboxPair *
collect_pair (ShoeboxPairEditor *self)
{
  ShoeboxPair *pair = self->pair != NULL ? shoebox_pair_copy (self->pair) : shoebox_pair_new ();
  GtkTextBuffer *notes = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *notes_text = NULL;
  g_auto(GStrv) extras = split_list (_shoebox_pair_editor_row_text (self->extras_row));
  g_auto(GStrv) tags = split_list (_shoebox_pair_editor_row_text (self->tags_row));
  GtkTextIter start, end;

  /* By name: the catalogue finds the silhouette, or adds a new one. */
  shoebox_pair_set_silhouette_id (pair, 0);
  set_optional_text (pair, shoebox_pair_set_silhouette_name, gtk_editable_get_text (GTK_EDITABLE (self->silhouette_entry)));
  set_optional_text (pair, shoebox_pair_set_brand_name, _shoebox_pair_editor_row_text (self->brand_row));
  set_optional_text (pair, shoebox_pair_set_colorway, _shoebox_pair_editor_row_text (self->colorway_row));
  set_optional_text (pair, shoebox_pair_set_official_colorway, _shoebox_pair_editor_row_text (self->official_colorway_row));
  set_optional_text (pair, shoebox_pair_set_style_code, _shoebox_pair_editor_row_text (self->style_code_row));
  set_optional_text (pair, shoebox_pair_set_size, _shoebox_pair_editor_row_text (self->size_row));
  shoebox_pair_set_size_system (pair, adw_combo_row_get_selected (self->size_system_row));
  shoebox_pair_set_condition (pair, adw_combo_row_get_selected (self->condition_row));
  shoebox_pair_set_box (pair, adw_combo_row_get_selected (self->box_row));
  shoebox_pair_set_extras (pair, (const char * const *) extras);
  shoebox_pair_set_status (pair, adw_combo_row_get_selected (self->status_row));
  shoebox_pair_set_currency (pair, _shoebox_pair_editor_selected_currency (self));
  shoebox_pair_set_price_paid (pair, parse_amount (self, self->price_paid_row));
  set_optional_text (pair, shoebox_pair_set_purchase_date, _shoebox_pair_editor_row_text (self->purchase_date_row));
  set_optional_text (pair, shoebox_pair_set_where_bought, _shoebox_pair_editor_row_text (self->where_bought_row));
  shoebox_pair_set_estimated_value (pair, parse_amount (self, self->estimated_value_row));
  set_optional_text (pair, shoebox_pair_set_storage_location, _shoebox_pair_editor_row_text (self->storage_location_row));
  shoebox_pair_set_tags (pair, (const char * const *) tags);
  gtk_text_buffer_get_bounds (notes, &start, &end);
  notes_text = gtk_text_buffer_get_text (notes, &start, &end, FALSE);
  shoebox_pair_set_notes (pair, *notes_text != '\0' ? notes_text : NULL);

  return pair;
}


static void
show_pair (ShoeboxPairEditor *self,
           ShoeboxPair       *pair)
{
  g_set_object (&self->pair, pair);
  /* Translators: the editor's title, between its Cancel and Save buttons:
   * keep it short, a phone's window is 360 px wide. */
  shoebox_dialog_set_title (GTK_WIDGET (self), pair != NULL ? C_("window title", "Edit Pair") : C_("window title", "Add Pair"));
  gtk_widget_set_visible (GTK_WIDGET (self->wear_group), pair != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->wear_history_group), pair != NULL);
  gtk_widget_set_visible (self->manage_box, pair != NULL);
  _shoebox_pair_editor_update_actions (self);
  if (pair != NULL)
    fill_from_pair (self, pair);
  _shoebox_pair_editor_load_photos (self);
  _shoebox_pair_editor_update_wear (self);
  _shoebox_pair_editor_validate (self);
  _shoebox_pair_editor_remember_fields (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShoeboxPairEditor *self = SHOEBOX_PAIR_EDITOR (widget);
  g_autoptr(ShoeboxPair) pair = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  _shoebox_pair_editor_validate (self);
  if (!self->can_save)
    return;

  pair = collect_pair (self);
  g_ptr_array_add (self->photo_files, NULL);
  saved = shoebox_collection_save_pair_with_photos (self->collection, pair,
                                                    (const char * const *) self->photo_files->pdata,
                                                    self->side_profile, &error);
  g_ptr_array_remove_index (self->photo_files, self->photo_files->len - 1);
  if (!saved)
    {
      /* Nothing was written; the fields keep what the user typed. */
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toasts, toast);
      return;
    }

  g_settings_set_string (self->settings, "last-currency", _shoebox_pair_editor_selected_currency (self));
  g_set_object (&self->pair, pair);
  _shoebox_pair_editor_remember_fields (self);
  g_signal_emit (self, signals[SAVED], 0);
  shoebox_dialog_close (GTK_WIDGET (self));
}

/* The actions the parts carry out, given the editor checked here: no part
 * needs the editor's type.
 */
static void
worn_today_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _shoebox_pair_editor_worn_today (SHOEBOX_PAIR_EDITOR (widget));
}

static void
remove_wear_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _shoebox_pair_editor_remove_wear (SHOEBOX_PAIR_EDITOR (widget), g_variant_get_string (parameter, NULL));
}

/* The "Add a Past Wear" field's Log button, or Enter in it. */
static void
log_past_wear_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _shoebox_pair_editor_log_past_wear (SHOEBOX_PAIR_EDITOR (widget));
}

static void
add_photos_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _shoebox_pair_editor_add_photos (SHOEBOX_PAIR_EDITOR (widget));
}

static void
paste_photo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _shoebox_pair_editor_paste_photo (SHOEBOX_PAIR_EDITOR (widget));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShoeboxPairEditor *self = SHOEBOX_PAIR_EDITOR (widget);
  g_autoptr(ShoeboxPair) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (self->pair == NULL)
    return;

  copy = shoebox_collection_duplicate_pair (self->collection, shoebox_pair_get_id (self->pair), &error);
  if (copy == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }

  show_pair (self, copy);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Duplicated: you are now editing the copy")));
  g_signal_emit (self, signals[SAVED], 0);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShoeboxPairEditor *self = SHOEBOX_PAIR_EDITOR (widget);

  if (self->pair == NULL)
    return;

  g_signal_emit (self, signals[DELETE_REQUESTED], 0, shoebox_pair_get_id (self->pair));
  /* The pair is gone: what was typed in it has nowhere to go. */
  _shoebox_pair_editor_remember_fields (self);
  shoebox_dialog_close (GTK_WIDGET (self));
}

/* The Compare page and the News belong to the main window, which this
 * editor sits over, perhaps through the Catalogue window: ask up the
 * chain of parents for @action_name with the pair's id, and close once
 * one of them took it.
 */
static void
activate_on_parents (ShoeboxPairEditor *self,
                     const char        *action_name)
{
  gint64 id;

  if (self->pair == NULL)
    return;

  id = shoebox_pair_get_id (self->pair);
  for (GtkWindow *window = shoebox_dialog_get_parent_window (GTK_WIDGET (self));
       window != NULL;
       window = gtk_window_get_transient_for (window))
    if (gtk_widget_activate_action (GTK_WIDGET (window), action_name, "x", id))
      {
        shoebox_dialog_close (GTK_WIDGET (self));
        return;
      }
}

static void
compare_with_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  activate_on_parents (SHOEBOX_PAIR_EDITOR (widget), "win.compare-with-pair");
}

/* The news service lists the pair's stories on the News page. */
static void
show_news_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  activate_on_parents (SHOEBOX_PAIR_EDITOR (widget), "app.show-pair-news");
}

static GListModel *
string_model (const char * const *strings)
{
  return G_LIST_MODEL (gtk_string_list_new (strings));
}

static void
set_up_choices (ShoeboxPairEditor *self)
{
  const char *systems[] = {
    _("Not Recorded"),
    shoebox_labels_size_system (SHOEBOX_SIZE_SYSTEM_US_M),
    shoebox_labels_size_system (SHOEBOX_SIZE_SYSTEM_US_W),
    shoebox_labels_size_system (SHOEBOX_SIZE_SYSTEM_UK),
    shoebox_labels_size_system (SHOEBOX_SIZE_SYSTEM_EU),
    shoebox_labels_size_system (SHOEBOX_SIZE_SYSTEM_JP_CM),
    NULL
  };
  const char *conditions[] = {
    shoebox_labels_condition (SHOEBOX_CONDITION_NONE),
    shoebox_labels_condition (SHOEBOX_CONDITION_DEADSTOCK),
    shoebox_labels_condition (SHOEBOX_CONDITION_VNDS),
    shoebox_labels_condition (SHOEBOX_CONDITION_WORN),
    shoebox_labels_condition (SHOEBOX_CONDITION_BEATER),
    NULL
  };
  const char *boxes[] = {
    shoebox_labels_box (SHOEBOX_BOX_UNKNOWN),
    shoebox_labels_box (SHOEBOX_BOX_ORIGINAL),
    shoebox_labels_box (SHOEBOX_BOX_NONE),
    shoebox_labels_box (SHOEBOX_BOX_DAMAGED),
    NULL
  };
  const char *statuses[] = {
    shoebox_labels_status (SHOEBOX_STATUS_OWNED),
    shoebox_labels_status (SHOEBOX_STATUS_WISHLIST),
    shoebox_labels_status (SHOEBOX_STATUS_SOLD),
    NULL
  };
  g_autofree char *currency = g_settings_get_string (self->settings, "last-currency");

  /* The lists follow the enums' order: a position is the value. */
  adw_combo_row_set_model (self->size_system_row, string_model (systems));
  adw_combo_row_set_model (self->condition_row, string_model (conditions));
  adw_combo_row_set_model (self->box_row, string_model (boxes));
  adw_combo_row_set_model (self->status_row, string_model (statuses));
  adw_combo_row_set_model (self->currency_row, string_model (shoebox_money_get_currencies ()));

  adw_combo_row_set_selected (self->size_system_row, SHOEBOX_SIZE_SYSTEM_US_M);
  select_currency (self, currency);
}

static void
field_changed_cb (ShoeboxPairEditor *self)
{
  _shoebox_pair_editor_validate (self);
}

static void
silhouette_changed_cb (ShoeboxPairEditor *self)
{
  self->silhouette_touched = TRUE;
  _shoebox_pair_editor_validate (self);
}

static void
shoebox_pair_editor_dispose (GObject *object)
{
  ShoeboxPairEditor *self = SHOEBOX_PAIR_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->collection);
  g_clear_object (&self->photos);
  g_clear_object (&self->pair);
  g_clear_object (&self->settings);
  _shoebox_pair_editor_clear_suggestions (self);
  _shoebox_pair_editor_clear_discard (self);

  G_OBJECT_CLASS (shoebox_pair_editor_parent_class)->dispose (object);
}

static void
shoebox_pair_editor_finalize (GObject *object)
{
  ShoeboxPairEditor *self = SHOEBOX_PAIR_EDITOR (object);

  g_clear_pointer (&self->invalid_rows, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_free);
  g_clear_pointer (&self->photo_files, g_ptr_array_unref);
  g_clear_pointer (&self->side_profile, g_free);
  g_clear_pointer (&self->wear_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (shoebox_pair_editor_parent_class)->finalize (object);
}

static void
shoebox_pair_editor_constructed (GObject *object)
{
  ShoeboxPairEditor *self = SHOEBOX_PAIR_EDITOR (object);
  g_autoptr(ShoeboxPair) pair = g_steal_pointer (&self->pair);

  G_OBJECT_CLASS (shoebox_pair_editor_parent_class)->constructed (object);

  g_return_if_fail (SHOEBOX_IS_COLLECTION (self->collection));

  gtk_widget_set_sensitive (GTK_WIDGET (self->photos_box), self->photos != NULL);
  _shoebox_pair_editor_set_up_suggestions (self);
  show_pair (self, pair);
}

static void
shoebox_pair_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ShoeboxPairEditor *self = SHOEBOX_PAIR_EDITOR (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      g_value_set_object (value, self->collection);
      break;

    case PROP_PHOTOS:
      g_value_set_object (value, self->photos);
      break;

    case PROP_PAIR:
      g_value_set_object (value, self->pair);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_pair_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ShoeboxPairEditor *self = SHOEBOX_PAIR_EDITOR (object);
  ShoeboxPair *pair;

  switch (prop_id)
    {
    case PROP_COLLECTION:
      self->collection = g_value_dup_object (value);
      break;

    case PROP_PHOTOS:
      self->photos = g_value_dup_object (value);
      break;

    case PROP_PAIR:
      /* A copy: the Collection page's objects become other pairs as the
       * user searches (ShoeboxPairList), and this editor stays on its
       * pair. constructed() shows it.
       */
      pair = g_value_get_object (value);
      self->pair = pair != NULL ? shoebox_pair_copy (pair) : NULL;
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_pair_editor_class_init (ShoeboxPairEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = shoebox_pair_editor_constructed;
  object_class->dispose = shoebox_pair_editor_dispose;
  object_class->finalize = shoebox_pair_editor_finalize;
  object_class->get_property = shoebox_pair_editor_get_property;
  object_class->set_property = shoebox_pair_editor_set_property;

  /**
   * ShoeboxPairEditor:collection:
   *
   * Where the pair is saved.
   */
  properties[PROP_COLLECTION] =
    g_param_spec_object ("collection", NULL, NULL,
                         SHOEBOX_TYPE_COLLECTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxPairEditor:photos:
   *
   * Where photo files are kept, or %NULL to leave photos out.
   */
  properties[PROP_PHOTOS] =
    g_param_spec_object ("photos", NULL, NULL,
                         SHOEBOX_TYPE_PHOTOS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxPairEditor:pair:
   *
   * The pair edited, or %NULL to add one. The editor keeps a copy, which
   * becomes the saved pair after Save.
   */
  properties[PROP_PAIR] =
    g_param_spec_object ("pair", NULL, NULL,
                         SHOEBOX_TYPE_PAIR,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ShoeboxPairEditor::saved:
   *
   * The pair was written to the collection (saved, duplicated or worn).
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * ShoeboxPairEditor::delete-requested:
   * @id: the pair's id
   *
   * The user asked to delete the pair; whoever shows the collection does
   * it, so that its Undo lives where the pair was listed.
   */
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/shoebox-pair-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, problems_label);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, photos_box);
  /* Not kept in the struct: the button follows editor.save. Reachable for tests. */
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, no_photos_label);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, silhouette_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, silhouette_entry);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, brand_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, colorway_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, official_colorway_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, style_code_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, size_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, size_system_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, condition_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, box_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, extras_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, price_paid_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, currency_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, purchase_date_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, where_bought_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, estimated_value_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, storage_location_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, wear_group);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, wears_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, last_worn_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, cost_per_wear_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, manage_box);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, wear_history_group);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxPairEditor, past_wear_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, silhouette_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, _shoebox_pair_editor_past_wear_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.worn-today", NULL, worn_today_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-wear", "s", remove_wear_action);
  gtk_widget_class_install_action (widget_class, "editor.log-past-wear", NULL, log_past_wear_action);
  gtk_widget_class_install_action (widget_class, "editor.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.add-photos", NULL, add_photos_action);
  gtk_widget_class_install_action (widget_class, "editor.compare-with", NULL, compare_with_action);
  gtk_widget_class_install_action (widget_class, "editor.show-news", NULL, show_news_action);
  gtk_widget_class_install_action (widget_class, "editor.paste-photo", NULL, paste_photo_action);
  /* Bubble phase: a focused text field pastes text itself. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "editor.paste-photo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "editor.worn-today", NULL);
  shoebox_dialog_class_install_close (widget_class);
}

static void
shoebox_pair_editor_init (ShoeboxPairEditor *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->invalid_rows = g_ptr_array_new ();
  self->problems = g_strdup ("");
  self->photo_files = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (_shoebox_pair_editor_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  set_up_choices (self);
  _shoebox_pair_editor_set_up_wears (self);
  _shoebox_pair_editor_set_up_discard (self);
}

/**
 * shoebox_pair_editor_new:
 * @collection: where the pair is saved
 * @photos: (nullable): where photo files are kept, or %NULL to leave
 *   photos out
 * @pair: (nullable): the pair to edit, or %NULL to add one
 *
 * Returns: (transfer floating): the editor, for shoebox_dialog_present()
 */
GtkWidget *
shoebox_pair_editor_new (ShoeboxCollection *collection,
                         ShoeboxPhotos     *photos,
                         ShoeboxPair       *pair)
{
  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (collection), NULL);
  g_return_val_if_fail (photos == NULL || SHOEBOX_IS_PHOTOS (photos), NULL);
  g_return_val_if_fail (pair == NULL || SHOEBOX_IS_PAIR (pair), NULL);

  return g_object_new (SHOEBOX_TYPE_PAIR_EDITOR,
                       "collection", collection,
                       "photos", photos,
                       "pair", pair,
                       NULL);
}

/**
 * shoebox_pair_editor_get_pair:
 * @self: a #ShoeboxPairEditor
 *
 * Returns: (transfer none) (nullable): the saved pair being edited
 */
ShoeboxPair *
shoebox_pair_editor_get_pair (ShoeboxPairEditor *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR_EDITOR (self), NULL);

  return self->pair;
}

gboolean
shoebox_pair_editor_is_valid (ShoeboxPairEditor *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR_EDITOR (self), FALSE);

  return *self->problems == '\0';
}

/**
 * shoebox_pair_editor_dup_problems:
 * @self: a #ShoeboxPairEditor
 *
 * Returns: (transfer full): the inline messages, one line per invalid
 *   field, or "" when every field is valid
 */
char *
shoebox_pair_editor_dup_problems (ShoeboxPairEditor *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR_EDITOR (self), NULL);

  return g_strdup (self->problems);
}

/**
 * shoebox_pair_editor_import_photo:
 * @self: a #ShoeboxPairEditor
 * @file: an image file
 *
 * Adds a photo as dropping @file on the editor does: copied into the
 * photos folder in a worker thread, shown when it lands, a toast naming
 * the file when it is not an image.
 */
void
shoebox_pair_editor_import_photo (ShoeboxPairEditor *self,
                                  GFile             *file)
{
  g_return_if_fail (SHOEBOX_IS_PAIR_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  _shoebox_pair_editor_import_file (self, file);
}

guint
shoebox_pair_editor_get_n_photos (ShoeboxPairEditor *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR_EDITOR (self), 0);

  return self->photo_files->len;
}

/**
 * shoebox_pair_editor_leave_to_page:
 * @self: a #ShoeboxPairEditor
 *
 * Hides Duplicate, News and Compare With… at the bottom of the form: the
 * pair's page, which opened this editor, carries them in its header and
 * lists the pair's news. Delete stays, as in every editor.
 */
void
shoebox_pair_editor_leave_to_page (ShoeboxPairEditor *self)
{
  static const char * const on_page[] = { "editor.duplicate", "editor.show-news", "editor.compare-with", NULL };

  g_return_if_fail (SHOEBOX_IS_PAIR_EDITOR (self));

  for (GtkWidget *child = gtk_widget_get_first_child (self->manage_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_ACTIONABLE (child)
        && g_strv_contains (on_page, gtk_actionable_get_action_name (GTK_ACTIONABLE (child)) ?: ""))
      gtk_widget_set_visible (child, FALSE);
}

/**
 * shoebox_pair_editor_has_changes:
 * @self: a #ShoeboxPairEditor
 *
 * Returns: whether a field or photo differs from what was last loaded or
 *   saved, so that closing asks first
 */
gboolean
shoebox_pair_editor_has_changes (ShoeboxPairEditor *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR_EDITOR (self), FALSE);

  return _shoebox_pair_editor_has_changes (self);
}

/**
 * shoebox_pair_editor_get_discard_alert:
 * @self: a #ShoeboxPairEditor
 *
 * Returns: (transfer none) (nullable): the "Discard changes?" question
 *   while it is shown
 */
GtkWidget *
shoebox_pair_editor_get_discard_alert (ShoeboxPairEditor *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR_EDITOR (self), NULL);

  return self->discard_alert;
}
