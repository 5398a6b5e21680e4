/* shoebox-silhouette-editor.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-silhouette-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-currency-row.h"
#include "shoebox-form-problems.h"
#include "shoebox-money.h"
#include "shoebox-silhouette-editor.h"

#define FIRST_YEAR 1800

struct _ShoeboxSilhouetteEditor
{
  ShoeboxDialog      parent_instance;

  ShoeboxCollection *collection;
  ShoeboxSilhouette *silhouette;      /* the saved silhouette, or NULL while adding */
  GArray            *predecessor_ids; /* gint64 per Predecessor item; 0 for None */
  GSettings         *settings;
  GPtrArray         *invalid_rows;    /* rows marked with the error style */
  char              *problems;        /* one line per invalid field */
  gboolean           name_touched;
  gboolean           brand_touched;
  gboolean           can_save;

  AdwToastOverlay   *toasts;
  GtkLabel          *problems_label;
  AdwEntryRow       *name_row;
  AdwEntryRow       *brand_row;
  AdwEntryRow       *designer_row;
  AdwEntryRow       *release_year_row;
  AdwEntryRow       *category_row;
  AdwEntryRow       *retail_price_row;
  AdwComboRow       *currency_row;
  AdwComboRow       *predecessor_row;
  AdwEntryRow       *inspiration_row;
  GtkTextView       *notes_view;
};

G_DEFINE_FINAL_TYPE (ShoeboxSilhouetteEditor, shoebox_silhouette_editor, SHOEBOX_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_COLLECTION,
  PROP_SILHOUETTE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];

static guint signals[N_SIGNALS];

static char *
dup_row_text (gpointer row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static const char *
selected_currency (ShoeboxSilhouetteEditor *self)
{
  return shoebox_currency_row_get_currency (self->currency_row);
}

static void
select_currency (ShoeboxSilhouetteEditor *self,
                 const char              *currency)
{
  shoebox_currency_row_set_currency (self->currency_row, currency);
}

static gint64
selected_predecessor (ShoeboxSilhouetteEditor *self)
{
  guint position = adw_combo_row_get_selected (self->predecessor_row);

  if (position == GTK_INVALID_LIST_POSITION || position >= self->predecessor_ids->len)
    return 0;
  return g_array_index (self->predecessor_ids, gint64, position);
}

static int
next_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now) + 1;
}

/* A year as digits only: "1997", not "1997.0", " 1e3" or "-5". */
static gboolean
parse_year (const char *text,
            guint      *year)
{
  guint64 value;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  if (!g_ascii_string_to_unsigned (text, 10, FIRST_YEAR, next_year (), &value, NULL))
    return FALSE;
  *year = value;
  return TRUE;
}

/* Checks every field as the user types. A wrong field is shown as wrong,
 * with its reason; nothing is clamped or fixed behind the user's back.
 */
static void
validate (ShoeboxSilhouetteEditor *self)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *name = dup_row_text (self->name_row);
  g_autofree char *brand = dup_row_text (self->brand_row);
  g_autofree char *year = dup_row_text (self->release_year_row);
  g_autofree char *price = dup_row_text (self->retail_price_row);
  gboolean editing = self->silhouette != NULL;
  g_autoptr(GError) error = NULL;
  guint parsed_year;
  gint64 minor_units;

  shoebox_form_clear_invalid (self->invalid_rows);

  /* An empty name or brand keeps Save disabled from the start, but is only
   * pointed out once the user has been in the field: a new form should not
   * open in red.
   */
  if (*name == '\0' && (self->name_touched || editing))
    shoebox_form_mark_invalid (self->invalid_rows, problems, self->name_row, _("Name"), _("Give the silhouette a name, e.g. Track 2.0"));
  if (*brand == '\0' && (self->brand_touched || editing))
    shoebox_form_mark_invalid (self->invalid_rows, problems, self->brand_row, _("Brand"), _("Name the brand, e.g. Balenciaga"));

  if (*name != '\0' && *brand != '\0' && self->collection != NULL)
    {
      g_autoptr(ShoeboxSilhouette) same = shoebox_collection_find_silhouette (self->collection, brand, name, NULL);

      if (same != NULL && (!editing || shoebox_silhouette_get_id (same) != shoebox_silhouette_get_id (self->silhouette)))
        {
          g_autofree char *message = g_strdup_printf (_("The catalogue already has a %s %s"), brand, name);

          shoebox_form_mark_invalid (self->invalid_rows, problems, self->name_row, _("Name"), message);
        }
    }

  if (*year != '\0' && !parse_year (year, &parsed_year))
    {
      g_autofree char *message = g_strdup_printf (_("Type a year from %d to %d"), FIRST_YEAR, next_year ());

      shoebox_form_mark_invalid (self->invalid_rows, problems, self->release_year_row, _("Release Year"), message);
    }

  if (*price != '\0' && !shoebox_money_parse (price, selected_currency (self), &minor_units, &error))
    shoebox_form_mark_invalid (self->invalid_rows, problems, self->retail_price_row, _("Retail Price"), error->message);

  shoebox_form_show_problems (self->problems_label, &self->problems, g_steal_pointer (&problems));
  self->can_save = *self->problems == '\0' && *name != '\0' && *brand != '\0';
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->can_save);
}

/* Whether @id comes after @ancestor in a lineage: choosing it as
 * @ancestor's predecessor would make a loop. The walk stops after as many
 * steps as there are silhouettes, in case a loop is already stored.
 */
static gboolean
descends_from (GHashTable *predecessors,
               gint64      id,
               gint64      ancestor)
{
  guint steps = g_hash_table_size (predecessors);

  while (id != 0 && steps-- > 0)
    {
      gint64 *predecessor = g_hash_table_lookup (predecessors, &id);

      if (predecessor == NULL)
        return FALSE;
      if (*predecessor == ancestor)
        return TRUE;
      id = *predecessor;
    }
  return FALSE;
}

/* "None", then every silhouette of the catalogue except this one and the
 * ones that follow it, so that no choice makes a loop.
 */
static void
fill_predecessors (ShoeboxSilhouetteEditor *self)
{
  g_autoptr(GListModel) silhouettes = shoebox_collection_list_silhouettes (self->collection, NULL);
  g_autoptr(GHashTable) predecessors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  gint64 self_id = self->silhouette != NULL ? shoebox_silhouette_get_id (self->silhouette) : 0;
  gint64 none = 0;
  guint n = silhouettes != NULL ? g_list_model_get_n_items (silhouettes) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShoeboxSilhouette) silhouette = g_list_model_get_item (silhouettes, i);
      gint64 id = shoebox_silhouette_get_id (silhouette);
      gint64 predecessor = shoebox_silhouette_get_predecessor_id (silhouette);

      g_hash_table_insert (predecessors, g_memdup2 (&id, sizeof id), g_memdup2 (&predecessor, sizeof predecessor));
    }

  g_array_set_size (self->predecessor_ids, 0);
  gtk_string_list_append (labels, C_("predecessor", "None"));
  g_array_append_val (self->predecessor_ids, none);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShoeboxSilhouette) silhouette = g_list_model_get_item (silhouettes, i);
      g_autofree char *label = shoebox_silhouette_dup_display_name (silhouette);
      gint64 id = shoebox_silhouette_get_id (silhouette);

      if (self_id != 0 && (id == self_id || descends_from (predecessors, id, self_id)))
        continue;
      gtk_string_list_append (labels, label);
      g_array_append_val (self->predecessor_ids, id);
    }

  adw_combo_row_set_model (self->predecessor_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->predecessor_row, 0);
}

static void
set_row_text (gpointer    row,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
fill_from_silhouette (ShoeboxSilhouetteEditor *self,
                      ShoeboxSilhouette       *silhouette)
{
  g_autofree char *year = NULL;
  g_autofree char *price = NULL;
  const char *currency = shoebox_silhouette_get_retail_currency (silhouette);
  const char *notes = shoebox_silhouette_get_notes (silhouette);

  if (shoebox_silhouette_get_release_year (silhouette) != 0)
    year = g_strdup_printf ("%u", shoebox_silhouette_get_release_year (silhouette));
  if (currency != NULL)
    select_currency (self, currency);
  if (shoebox_silhouette_get_retail_price (silhouette) >= 0 && currency != NULL)
    price = shoebox_money_format_plain (shoebox_silhouette_get_retail_price (silhouette), currency);

  set_row_text (self->name_row, shoebox_silhouette_get_name (silhouette));
  set_row_text (self->brand_row, shoebox_silhouette_get_brand_name (silhouette));
  set_row_text (self->designer_row, shoebox_silhouette_get_designer (silhouette));
  set_row_text (self->release_year_row, year);
  set_row_text (self->category_row, shoebox_silhouette_get_category (silhouette));
  set_row_text (self->retail_price_row, price);
  set_row_text (self->inspiration_row, shoebox_silhouette_get_inspiration (silhouette));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes != NULL ? notes : "", -1);
  shoebox_silhouette_editor_select_predecessor (self, shoebox_silhouette_get_predecessor_id (silhouette));
}

static void
set_optional_text (ShoeboxSilhouette *silhouette,
                   void (*setter) (ShoeboxSilhouette *, const char *),
                   gpointer           row)
{
  g_autofree char *text = dup_row_text (row);

  setter (silhouette, *text != '\0' ? text : NULL);
}

/* The silhouette as the fields describe it, ready to save. */
static ShoeboxSilhouette *
collect_silhouette (ShoeboxSilhouetteEditor *self)
{
  ShoeboxSilhouette *silhouette = self->silhouette != NULL ? shoebox_silhouette_copy (self->silhouette)
                                                           : shoebox_silhouette_new ();
  g_autofree char *year = dup_row_text (self->release_year_row);
  g_autofree char *price = dup_row_text (self->retail_price_row);
  g_autofree char *notes = NULL;
  GtkTextIter start, end;
  gint64 minor_units = -1;
  guint parsed_year = 0;

  set_optional_text (silhouette, shoebox_silhouette_set_name, self->name_row);
  set_optional_text (silhouette, shoebox_silhouette_set_brand_name, self->brand_row);
  set_optional_text (silhouette, shoebox_silhouette_set_designer, self->designer_row);
  set_optional_text (silhouette, shoebox_silhouette_set_category, self->category_row);
  set_optional_text (silhouette, shoebox_silhouette_set_inspiration, self->inspiration_row);

  if (*year == '\0' || !parse_year (year, &parsed_year))
    parsed_year = 0;
  shoebox_silhouette_set_release_year (silhouette, parsed_year);

  if (*price == '\0' || !shoebox_money_parse (price, selected_currency (self), &minor_units, NULL))
    minor_units = -1;
  shoebox_silhouette_set_retail_price (silhouette, minor_units);
  shoebox_silhouette_set_retail_currency (silhouette, minor_units >= 0 ? selected_currency (self) : NULL);

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (self->notes_view), &start, &end);
  notes = gtk_text_buffer_get_text (gtk_text_view_get_buffer (self->notes_view), &start, &end, FALSE);
  shoebox_silhouette_set_notes (silhouette, *notes != '\0' ? notes : NULL);
  shoebox_silhouette_set_predecessor_id (silhouette, selected_predecessor (self));

  return silhouette;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShoeboxSilhouetteEditor *self = SHOEBOX_SILHOUETTE_EDITOR (widget);
  g_autoptr(ShoeboxSilhouette) silhouette = NULL;
  g_autoptr(GError) error = NULL;

  validate (self);
  if (!self->can_save)
    return;

  /* One transaction in the core: all of it lands, or nothing. */
  silhouette = collect_silhouette (self);
  if (!shoebox_collection_save_silhouette (self->collection, silhouette, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toasts, toast);
      return;
    }

  g_set_object (&self->silhouette, silhouette);
  g_signal_emit (self, signals[SAVED], 0, silhouette);
  shoebox_dialog_close (GTK_WIDGET (self));
}

static void
field_changed_cb (ShoeboxSilhouetteEditor *self)
{
  validate (self);
}

static void
name_changed_cb (ShoeboxSilhouetteEditor *self)
{
  self->name_touched = TRUE;
  validate (self);
}

static void
brand_changed_cb (ShoeboxSilhouetteEditor *self)
{
  self->brand_touched = TRUE;
  validate (self);
}

/* The text fields call back from the template; the currency, whose list
 * is filled in init, only once it holds the remembered currency.
 */
static void
connect_fields (ShoeboxSilhouetteEditor *self)
{
  g_signal_connect_object (self->currency_row, "notify::selected", G_CALLBACK (field_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
shoebox_silhouette_editor_dispose (GObject *object)
{
  ShoeboxSilhouetteEditor *self = SHOEBOX_SILHOUETTE_EDITOR (object);

  g_clear_object (&self->collection);
  g_clear_object (&self->silhouette);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (shoebox_silhouette_editor_parent_class)->dispose (object);
}

static void
shoebox_silhouette_editor_finalize (GObject *object)
{
  ShoeboxSilhouetteEditor *self = SHOEBOX_SILHOUETTE_EDITOR (object);

  g_clear_pointer (&self->predecessor_ids, g_array_unref);
  g_clear_pointer (&self->invalid_rows, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_free);

  G_OBJECT_CLASS (shoebox_silhouette_editor_parent_class)->finalize (object);
}

static void
shoebox_silhouette_editor_constructed (GObject *object)
{
  ShoeboxSilhouetteEditor *self = SHOEBOX_SILHOUETTE_EDITOR (object);

  G_OBJECT_CLASS (shoebox_silhouette_editor_parent_class)->constructed (object);

  g_return_if_fail (SHOEBOX_IS_COLLECTION (self->collection));

  shoebox_dialog_set_title (GTK_WIDGET (self), self->silhouette != NULL ? _("Edit Silhouette") : _("Add Silhouette"));
  fill_predecessors (self);
  if (self->silhouette != NULL)
    fill_from_silhouette (self, self->silhouette);
  validate (self);
}

static void
shoebox_silhouette_editor_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  ShoeboxSilhouetteEditor *self = SHOEBOX_SILHOUETTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      g_value_set_object (value, self->collection);
      break;

    case PROP_SILHOUETTE:
      g_value_set_object (value, self->silhouette);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_silhouette_editor_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  ShoeboxSilhouetteEditor *self = SHOEBOX_SILHOUETTE_EDITOR (object);
  ShoeboxSilhouette *silhouette;

  switch (prop_id)
    {
    case PROP_COLLECTION:
      self->collection = g_value_dup_object (value);
      break;

    case PROP_SILHOUETTE:
      /* A copy: the editor keeps its silhouette while the caller's
       * object goes on being the catalogue's.
       */
      silhouette = g_value_get_object (value);
      self->silhouette = silhouette != NULL ? shoebox_silhouette_copy (silhouette) : NULL;
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_silhouette_editor_class_init (ShoeboxSilhouetteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = shoebox_silhouette_editor_constructed;
  object_class->dispose = shoebox_silhouette_editor_dispose;
  object_class->finalize = shoebox_silhouette_editor_finalize;
  object_class->get_property = shoebox_silhouette_editor_get_property;
  object_class->set_property = shoebox_silhouette_editor_set_property;

  /**
   * ShoeboxSilhouetteEditor:collection:
   *
   * Where the silhouette is saved.
   */
  properties[PROP_COLLECTION] =
    g_param_spec_object ("collection", NULL, NULL,
                         SHOEBOX_TYPE_COLLECTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * ShoeboxSilhouetteEditor:silhouette:
   *
   * The silhouette edited, or %NULL to add one. The editor keeps a copy,
   * which becomes the saved silhouette after Save.
   */
  properties[PROP_SILHOUETTE] =
    g_param_spec_object ("silhouette", NULL, NULL,
                         SHOEBOX_TYPE_SILHOUETTE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ShoeboxSilhouetteEditor::saved:
   * @silhouette: the silhouette as saved, with its id
   *
   * The silhouette was written to the catalogue.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SHOEBOX_TYPE_SILHOUETTE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/shoebox-silhouette-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoeboxSilhouetteEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxSilhouetteEditor, problems_label);
  /* Not kept in the struct: the button follows editor.save. Reachable for tests. */
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxSilhouetteEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxSilhouetteEditor, brand_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxSilhouetteEditor, designer_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxSilhouetteEditor, release_year_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxSilhouetteEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxSilhouetteEditor, retail_price_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxSilhouetteEditor, currency_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxSilhouetteEditor, predecessor_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxSilhouetteEditor, inspiration_row);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxSilhouetteEditor, notes_view);

  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, brand_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  shoebox_dialog_class_install_close (widget_class);
}

static void
shoebox_silhouette_editor_init (ShoeboxSilhouetteEditor *self)
{
  g_autofree char *currency = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->predecessor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->invalid_rows = g_ptr_array_new ();
  self->problems = g_strdup ("");

  /* The list follows shoebox_money_get_currencies (): a position is an index. */
  adw_combo_row_set_model (self->currency_row,
                           G_LIST_MODEL (gtk_string_list_new (shoebox_money_get_currencies ())));
  currency = g_settings_get_string (self->settings, "last-currency");
  select_currency (self, currency);
  connect_fields (self);
}

/**
 * shoebox_silhouette_editor_new:
 * @collection: where the silhouette is saved
 * @silhouette: (nullable): the silhouette to edit, or %NULL to add one
 *
 * Returns: (transfer floating): the editor, for shoebox_dialog_present()
 */
GtkWidget *
shoebox_silhouette_editor_new (ShoeboxCollection *collection,
                               ShoeboxSilhouette *silhouette)
{
  g_return_val_if_fail (SHOEBOX_IS_COLLECTION (collection), NULL);
  g_return_val_if_fail (silhouette == NULL || SHOEBOX_IS_SILHOUETTE (silhouette), NULL);

  return g_object_new (SHOEBOX_TYPE_SILHOUETTE_EDITOR,
                       "collection", collection,
                       "silhouette", silhouette,
                       NULL);
}

/**
 * shoebox_silhouette_editor_get_silhouette:
 * @self: a #ShoeboxSilhouetteEditor
 *
 * Returns: (transfer none) (nullable): the saved silhouette being edited
 */
ShoeboxSilhouette *
shoebox_silhouette_editor_get_silhouette (ShoeboxSilhouetteEditor *self)
{
  g_return_val_if_fail (SHOEBOX_IS_SILHOUETTE_EDITOR (self), NULL);

  return self->silhouette;
}

gboolean
shoebox_silhouette_editor_can_save (ShoeboxSilhouetteEditor *self)
{
  g_return_val_if_fail (SHOEBOX_IS_SILHOUETTE_EDITOR (self), FALSE);

  return self->can_save;
}

/**
 * shoebox_silhouette_editor_dup_problems:
 * @self: a #ShoeboxSilhouetteEditor
 *
 * Returns: (transfer full): the inline messages, one line per invalid
 *   field, or "" when every field is valid
 */
char *
shoebox_silhouette_editor_dup_problems (ShoeboxSilhouetteEditor *self)
{
  g_return_val_if_fail (SHOEBOX_IS_SILHOUETTE_EDITOR (self), NULL);

  return g_strdup (self->problems);
}

/**
 * shoebox_silhouette_editor_select_predecessor:
 * @self: a #ShoeboxSilhouetteEditor
 * @id: a silhouette id, or 0 for none
 *
 * Returns: %TRUE if @id is one of the choices (it is not when it would
 *   make a loop)
 */
gboolean
shoebox_silhouette_editor_select_predecessor (ShoeboxSilhouetteEditor *self,
                                              gint64                   id)
{
  g_return_val_if_fail (SHOEBOX_IS_SILHOUETTE_EDITOR (self), FALSE);

  for (guint i = 0; i < self->predecessor_ids->len; i++)
    if (g_array_index (self->predecessor_ids, gint64, i) == id)
      {
        adw_combo_row_set_selected (self->predecessor_row, i);
        return TRUE;
      }
  return FALSE;
}
