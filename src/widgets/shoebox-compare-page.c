/* shoebox-compare-page.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-compare-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-compare-page.h"
#include "shoebox-labels.h"
#include "shoebox-profile-loader.h"
#include "shoebox-profile-view.h"

/* What a missing value shows: a mark, never an empty hole. */
#define MISSING "—"

/* How many pairs, and how many silhouettes, "Compare With…" lists. */
#define PICKER_LIMIT 30

#define COLUMN_WIDTH 220
#define PHOTO_HEIGHT 130

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

static const char * const row_titles[N_ROWS] = {
  N_("Silhouette"),
  N_("Brand"),
  N_("Designer"),
  N_("Release Year"),
  N_("Category"),
  N_("Retail Price"),
  N_("Price Paid"),
  N_("Estimated Value"),
  N_("Size"),
  N_("Condition"),
  N_("Wears"),
  N_("Cost per Wear"),
  N_("Inspiration"),
  N_("Predecessor"),
  N_("Successor"),
};

typedef enum
{
  ITEM_PAIR,
  ITEM_SILHOUETTE,
} ItemKind;

static const char * const item_kind_keys[] = { "pair", "silhouette" };

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
  GtkWidget            *flip_button;
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
  GtkFileChooserNative  *chooser;
  GtkWidget             *row_labels[N_ROWS];
  guint                  n_loading;
  guint                  default_photos_source;

  GtkFlowBox            *toolbar;
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
  GtkWidget             *legend_box;
  ShoeboxProfileView    *overlay_view;
  GtkLabel              *overlay_caption;
  GtkWidget             *columns_box;

  guint                  truncated : 1;
  guint                  only_differences : 1;
  guint                  restoring : 1;
};

G_DEFINE_FINAL_TYPE (ShoeboxComparePage, shoebox_compare_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLLECTION,
  PROP_MODE,
  PROP_ONLY_DIFFERENCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
item_free (Item *item)
{
  g_clear_object (&item->pair);
  g_clear_object (&item->silhouette);
  g_free (item->name);
  g_free (item->photo);
  for (guint i = 0; i < N_ROWS; i++)
    g_free (item->values[i]);
  g_clear_pointer (&item->result, shoebox_profile_result_unref);
  g_free (item->photo_error);
  g_free (item);
}

static char *
dup_text (const char *text)
{
  return g_strdup (text != NULL && *text != '\0' ? text : MISSING);
}

static char *
dup_money (gint64      minor_units,
           const char *currency)
{
  g_autofree char *text = shoebox_labels_dup_money (minor_units, currency);

  return dup_text (text);
}

static char *
dup_silhouette_name (ShoeboxCollection *collection,
                     gint64             id)
{
  g_autoptr(ShoeboxSilhouette) silhouette = NULL;

  if (id <= 0)
    return g_strdup (MISSING);

  silhouette = shoebox_collection_get_silhouette (collection, id, NULL);
  if (silhouette == NULL)
    return g_strdup (MISSING);

  return dup_text (shoebox_silhouette_get_name (silhouette));
}

/* The catalogue's side of a row: the same for a pair and its silhouette. */
static void
fill_silhouette_values (ShoeboxCollection *collection,
                        Item              *item)
{
  ShoeboxSilhouette *silhouette = item->silhouette;
  g_autoptr(GListModel) lineage = NULL;
  g_autoptr(GString) successors = NULL;
  guint year;

  if (silhouette == NULL)
    {
      for (Row row = ROW_DESIGNER; row <= ROW_RETAIL_PRICE; row++)
        item->values[row] = g_strdup (MISSING);
      item->values[ROW_INSPIRATION] = g_strdup (MISSING);
      item->values[ROW_PREDECESSOR] = g_strdup (MISSING);
      item->values[ROW_SUCCESSOR] = g_strdup (MISSING);
      return;
    }

  year = shoebox_silhouette_get_release_year (silhouette);
  item->values[ROW_DESIGNER] = dup_text (shoebox_silhouette_get_designer (silhouette));
  item->values[ROW_RELEASE_YEAR] = year > 0 ? g_strdup_printf ("%u", year) : g_strdup (MISSING);
  item->values[ROW_CATEGORY] = dup_text (shoebox_silhouette_get_category (silhouette));
  item->values[ROW_RETAIL_PRICE] = dup_money (shoebox_silhouette_get_retail_price (silhouette),
                                              shoebox_silhouette_get_retail_currency (silhouette));
  item->values[ROW_INSPIRATION] = dup_text (shoebox_silhouette_get_inspiration (silhouette));
  item->values[ROW_PREDECESSOR] = dup_silhouette_name (collection,
                                                       shoebox_silhouette_get_predecessor_id (silhouette));

  successors = g_string_new (NULL);
  lineage = shoebox_collection_list_lineage (collection, shoebox_silhouette_get_id (silhouette), NULL);
  if (lineage != NULL)
    {
      guint n = g_list_model_get_n_items (lineage);

      item->has_lineage = n > 1;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ShoeboxSilhouette) other = g_list_model_get_item (lineage, i);

          if (shoebox_silhouette_get_predecessor_id (other) != shoebox_silhouette_get_id (silhouette))
            continue;
          if (successors->len > 0)
            g_string_append (successors, ", ");
          g_string_append (successors, shoebox_silhouette_get_name (other));
        }
    }
  item->values[ROW_SUCCESSOR] = dup_text (successors->str);
}

static Item *
item_new_silhouette (ShoeboxCollection  *collection,
                     gint64              id,
                     GError            **error)
{
  ShoeboxSilhouette *silhouette = shoebox_collection_get_silhouette (collection, id, error);
  Item *item;

  if (silhouette == NULL)
    return NULL;

  item = g_new0 (Item, 1);
  item->kind = ITEM_SILHOUETTE;
  item->id = id;
  item->silhouette = silhouette;
  item->name = shoebox_silhouette_dup_display_name (silhouette);
  item->values[ROW_SILHOUETTE] = dup_text (shoebox_silhouette_get_name (silhouette));
  item->values[ROW_BRAND] = dup_text (shoebox_silhouette_get_brand_name (silhouette));
  fill_silhouette_values (collection, item);

  /* A silhouette has no photo, no price paid, no size: a catalogue entry
   * is not a pair one owns.
   */
  for (Row row = ROW_PRICE_PAID; row <= ROW_COST_PER_WEAR; row++)
    item->values[row] = g_strdup (MISSING);

  return item;
}

static char *
find_side_profile (ShoeboxCollection *collection,
                   gint64             pair_id)
{
  g_autoptr(GPtrArray) photos = shoebox_collection_list_photos (collection, pair_id, NULL);
  ShoeboxPhotoRow *first = NULL;

  if (photos == NULL)
    return NULL;

  /* The photo marked as the side profile, or else the first one. */
  for (guint i = 0; i < photos->len; i++)
    {
      ShoeboxPhotoRow *row = g_ptr_array_index (photos, i);

      if (row->is_side_profile)
        return g_strdup (row->file_name);
      if (first == NULL || row->position < first->position)
        first = row;
    }

  return first != NULL ? g_strdup (first->file_name) : NULL;
}

static Item *
item_new_pair (ShoeboxCollection  *collection,
               gint64              id,
               GError            **error)
{
  ShoeboxPair *pair = shoebox_collection_get_pair (collection, id, error);
  ShoeboxCondition condition;
  g_autofree char *size = NULL;
  gint64 cost_per_wear;
  Item *item;

  if (pair == NULL)
    return NULL;

  item = g_new0 (Item, 1);
  item->kind = ITEM_PAIR;
  item->id = id;
  item->pair = pair;
  item->name = shoebox_labels_dup_pair_name (pair);
  if (shoebox_pair_get_silhouette_id (pair) > 0)
    item->silhouette = shoebox_collection_get_silhouette (collection, shoebox_pair_get_silhouette_id (pair), NULL);
  item->photo = find_side_profile (collection, id);

  item->values[ROW_SILHOUETTE] = dup_text (shoebox_pair_get_silhouette_name (pair));
  item->values[ROW_BRAND] = dup_text (shoebox_pair_get_brand_name (pair));
  fill_silhouette_values (collection, item);

  item->values[ROW_PRICE_PAID] = dup_money (shoebox_pair_get_price_paid (pair), shoebox_pair_get_currency (pair));
  item->values[ROW_ESTIMATED_VALUE] = dup_money (shoebox_pair_get_estimated_value (pair),
                                                 shoebox_pair_get_currency (pair));
  size = shoebox_labels_dup_size (pair);
  item->values[ROW_SIZE] = dup_text (size);
  condition = shoebox_pair_get_condition (pair);
  item->values[ROW_CONDITION] = condition != SHOEBOX_CONDITION_NONE
                                ? g_strdup (shoebox_labels_condition (condition))
                                : g_strdup (MISSING);
  item->values[ROW_WEARS] = g_strdup_printf ("%u", shoebox_pair_get_wear_count (pair));
  cost_per_wear = shoebox_pair_get_cost_per_wear (pair);
  item->values[ROW_COST_PER_WEAR] = dup_money (cost_per_wear, shoebox_pair_get_currency (pair));

  return item;
}

static gboolean
has_item (ShoeboxComparePage *self,
          ItemKind            kind,
          gint64              id)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->kind == kind && item->id == id)
        return TRUE;
    }

  return FALSE;
}

static Item *
get_item (ShoeboxComparePage *self,
          int                 index)
{
  if (index < 0 || (guint) index >= self->items->len)
    return NULL;

  return g_ptr_array_index (self->items, index);
}

/* The photo's profile with the user's flip applied. */
static void
get_profile (Item           *item,
             ShoeboxProfile *profile)
{
  *profile = item->result->profile;
  if (!item->flipped)
    return;

  profile->toe = profile->toe == SHOEBOX_PROFILE_TOE_RIGHT ? SHOEBOX_PROFILE_TOE_LEFT : SHOEBOX_PROFILE_TOE_RIGHT;
  profile->mirror = profile->toe == SHOEBOX_PROFILE_TOE_RIGHT;
}

static gboolean
is_side_by_side (ShoeboxComparePage *self)
{
  return g_strcmp0 (self->mode, "side-by-side") == 0;
}

static void
update_item_photo (ShoeboxComparePage *self,
                   Item               *item)
{
  ShoeboxProfile profile;

  if (item->column == NULL)
    return;

  gtk_widget_set_visible (item->flip_button, item->result != NULL);
  gtk_widget_set_visible (item->photo_box, is_side_by_side (self));

  if (item->photo == NULL || (item->result == NULL && item->photo_error != NULL))
    {
      gtk_stack_set_visible_child_name (item->photo_stack, "placeholder");
      gtk_label_set_text (item->caption, item->photo_error != NULL ? item->photo_error : "");
      return;
    }

  if (item->result == NULL)
    {
      gtk_stack_set_visible_child_name (item->photo_stack, "loading");
      gtk_label_set_text (item->caption, "");
      return;
    }

  get_profile (item, &profile);
  shoebox_profile_view_clear (item->view);
  shoebox_profile_view_add_layer (item->view, item->result->texture, &profile, item->result->outline);
  gtk_stack_set_visible_child_name (item->photo_stack, "photo");

  /* The message says why, and that the photo is shown whole. */
  if (item->result->message != NULL)
    gtk_label_set_text (item->caption, item->result->message);
  else if (item->result->profile.toe == SHOEBOX_PROFILE_TOE_UNKNOWN)
    gtk_label_set_text (item->caption, _("Toe direction unsure: use Flip if the shoe points the wrong way."));
  else
    gtk_label_set_text (item->caption, "");
}

static void
update_views (ShoeboxComparePage *self)
{
  double ratio = 0.0;
  guint n_layers = 0;
  GtkWidget *child;
  gboolean overlay = g_strcmp0 (self->mode, "overlay") == 0;
  gboolean outline = g_strcmp0 (self->mode, "outline") == 0;

  /* One ratio for every column, so every shoe is the same length with its
   * sole on the same line.
   */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->result != NULL)
        ratio = MAX (ratio, shoebox_profile_view_measure_ratio (&item->result->profile));
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      update_item_photo (self, item);
      if (item->view != NULL)
        shoebox_profile_view_set_height_ratio (item->view, ratio);
    }

  shoebox_profile_view_clear (self->overlay_view);
  shoebox_profile_view_set_mode (self->overlay_view,
                                 overlay ? SHOEBOX_PROFILE_VIEW_OVERLAY : SHOEBOX_PROFILE_VIEW_OUTLINE);
  while ((child = gtk_widget_get_first_child (self->legend_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->legend_box), child);

  for (guint i = 0; i < self->items->len && n_layers < (overlay ? 2 : SHOEBOX_PROFILE_VIEW_MAX_LAYERS); i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      g_autofree char *markup = NULL;
      ShoeboxProfile profile;
      GtkWidget *legend;
      GdkRGBA color;
      g_autofree char *color_text = NULL;

      if (item->result == NULL || (outline && item->result->outline == NULL))
        continue;

      get_profile (item, &profile);
      shoebox_profile_view_add_layer (self->overlay_view, item->result->texture, &profile, item->result->outline);

      shoebox_profile_view_get_layer_color (n_layers, &color);
      color_text = g_strdup_printf ("#%02x%02x%02x", (guint) (color.red * 255 + 0.5),
                                    (guint) (color.green * 255 + 0.5), (guint) (color.blue * 255 + 0.5));
      if (overlay)
        markup = g_markup_printf_escaped ("%s: %s", n_layers == 0 ? _("Bottom") : _("Top"), item->name);
      else
        markup = g_markup_printf_escaped ("<span foreground=\"%s\">■</span> %s", color_text, item->name);
      legend = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (legend), markup);
      gtk_label_set_wrap (GTK_LABEL (legend), TRUE);
      gtk_label_set_xalign (GTK_LABEL (legend), 0);
      gtk_box_append (GTK_BOX (self->legend_box), legend);
      n_layers++;
    }

  if (overlay && n_layers < 2)
    gtk_label_set_text (self->overlay_caption,
                        _("The overlay needs two side-profile photos: add photos to the pairs, or compare pairs that have them."));
  else if (outline && n_layers == 0)
    gtk_label_set_text (self->overlay_caption,
                        _("No outline to draw: outlines come from side-profile photos on a plain background."));
  else if (overlay)
    gtk_label_set_text (self->overlay_caption,
                        _("The first two columns are overlaid: move a column to overlay another. Drag over the photos to move the divider."));
  else
    gtk_label_set_text (self->overlay_caption, "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->overlay_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  overlay ? _("Overlay of the first two profiles") : _("Outlines of the profiles"),
                                  -1);
  gtk_widget_set_visible (self->overlay_box, !is_side_by_side (self));
  gtk_revealer_set_reveal_child (self->overlay_controls_revealer, overlay);
}

/* Highlighted for the eye, and said for screen readers. */
static void
mark_differs (GtkWidget *cell,
              gboolean   differs)
{
  if (differs)
    {
      gtk_widget_add_css_class (cell, "compare-differs");
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Differs"), -1);
    }
  else
    {
      gtk_widget_remove_css_class (cell, "compare-differs");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
update_differences (ShoeboxComparePage *self)
{
  for (Row row = 0; row < N_ROWS; row++)
    {
      gboolean differs = FALSE;
      gboolean visible;

      for (guint i = 1; i < self->items->len; i++)
        {
          Item *first = g_ptr_array_index (self->items, 0);
          Item *item = g_ptr_array_index (self->items, i);

          if (g_strcmp0 (first->values[row], item->values[row]) != 0)
            differs = TRUE;
        }

      visible = differs || !self->only_differences;

      if (self->row_labels[row] != NULL)
        {
          gtk_widget_set_visible (self->row_labels[row], visible);
          mark_differs (self->row_labels[row], differs);
        }

      for (guint i = 0; i < self->items->len; i++)
        {
          Item *item = g_ptr_array_index (self->items, i);

          if (item->cells[row] == NULL)
            continue;
          gtk_widget_set_visible (item->cells[row], visible);
          mark_differs (item->cells[row], differs);
        }
    }
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *label,
                 const char *action_name,
                 int         index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", index);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static GtkWidget *
new_cell (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_add_css_class (label, "compare-cell");

  return label;
}

static GtkWidget *
build_header (ShoeboxComparePage *self,
              Item               *item,
              int                 index)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *name = gtk_label_new (item->name);
  GtkWidget *kind = gtk_label_new (item->kind == ITEM_PAIR ? _("Pair") : _("Silhouette"));
  GtkWidget *button;

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 20);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (header), name);

  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_add_css_class (kind, "caption");
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_box_append (GTK_BOX (header), kind);

  button = new_icon_button ("go-previous-symbolic", _("Move Left"), "compare.move-left", index);
  gtk_widget_set_sensitive (button, index > 0);
  gtk_box_append (GTK_BOX (buttons), button);
  button = new_icon_button ("go-next-symbolic", _("Move Right"), "compare.move-right", index);
  gtk_widget_set_sensitive (button, (guint) index + 1 < self->items->len);
  gtk_box_append (GTK_BOX (buttons), button);
  item->flip_button = new_icon_button ("object-flip-horizontal-symbolic", _("Flip"), "compare.flip", index);
  gtk_widget_set_tooltip_text (item->flip_button, _("Flip the photo when the toe points the wrong way"));
  gtk_box_append (GTK_BOX (buttons), item->flip_button);
  button = new_icon_button ("window-close-symbolic", _("Remove from Comparison"), "compare.remove", index);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (header), buttons);

  if (item->has_lineage)
    {
      button = gtk_button_new_with_label (_("Compare Generations"));
      gtk_widget_set_tooltip_text (button, _("Compare every generation of this silhouette's line"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "compare.generations");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", index);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (header), button);
    }

  return header;
}

static GtkWidget *
build_photo_box (Item *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *placeholder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("camera-photo-symbolic");
  GtkWidget *label;
  GtkWidget *spinner;
  g_autofree char *description = NULL;

  item->photo_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_size_request (GTK_WIDGET (item->photo_stack), COLUMN_WIDTH, PHOTO_HEIGHT);
  gtk_widget_add_css_class (GTK_WIDGET (item->photo_stack), "compare-photo");

  item->view = SHOEBOX_PROFILE_VIEW (shoebox_profile_view_new ());
  description = g_strdup_printf (_("Side profile of %s"), item->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->view), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_stack_add_named (item->photo_stack, GTK_WIDGET (item->view), "photo");

  gtk_widget_set_valign (placeholder, GTK_ALIGN_CENTER);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (placeholder), icon);
  label = gtk_label_new (item->kind == ITEM_PAIR ? _("No Side-Profile Photo") : _("No Photo of This Silhouette"));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (placeholder), label);
  gtk_stack_add_named (item->photo_stack, placeholder, "placeholder");

  spinner = gtk_spinner_new ();
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Loading the photo"), -1);
  gtk_stack_add_named (item->photo_stack, spinner, "loading");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (item->photo_stack));

  item->caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (item->caption, 0);
  gtk_label_set_wrap (item->caption, TRUE);
  gtk_label_set_wrap_mode (item->caption, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (item->caption, 28);
  gtk_widget_add_css_class (GTK_WIDGET (item->caption), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (item->caption), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (item->caption));

  gtk_widget_set_margin_bottom (box, 6);
  item->photo_box = box;
  return box;
}

/* A grid, so that rows line up across the columns whatever wraps: row 0
 * holds each item's column head (name and buttons), a group named after
 * the item; row 1 its photo; the rows below are the table.
 */
static void
rebuild_columns (ShoeboxComparePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->columns_box)) != NULL)
    gtk_grid_remove (GTK_GRID (self->columns_box), child);
  for (Row row = 0; row < N_ROWS; row++)
    self->row_labels[row] = NULL;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      item->column = NULL;
      item->view = NULL;
      item->photo_stack = NULL;
      item->photo_box = NULL;
      item->caption = NULL;
      item->flip_button = NULL;
      memset (item->cells, 0, sizeof item->cells);
    }

  if (self->items->len == 0)
    return;

  /* The first column names the rows. */
  for (Row row = 0; row < N_ROWS; row++)
    {
      GtkWidget *label = new_cell (_(row_titles[row]));

      /* Whole words, and room for them even when the window is narrow. */
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
      gtk_widget_add_css_class (label, "compare-row-title");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (self->columns_box), label, 0, row + 2, 1, 1);
      self->row_labels[row] = label;
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      item->column = g_object_new (GTK_TYPE_BOX,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                   "orientation", GTK_ORIENTATION_VERTICAL,
                                   "spacing", 6,
                                   "width-request", COLUMN_WIDTH,
                                   "margin-bottom", 6,
                                   NULL);
      gtk_widget_add_css_class (item->column, "compare-column");
      gtk_accessible_update_property (GTK_ACCESSIBLE (item->column), GTK_ACCESSIBLE_PROPERTY_LABEL, item->name, -1);
      gtk_box_append (GTK_BOX (item->column), build_header (self, item, i));
      gtk_grid_attach (GTK_GRID (self->columns_box), item->column, i + 1, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (self->columns_box), build_photo_box (item), i + 1, 1, 1, 1);

      for (Row row = 0; row < N_ROWS; row++)
        {
          item->cells[row] = new_cell (item->values[row]);
          gtk_widget_set_size_request (item->cells[row], COLUMN_WIDTH, -1);
          gtk_grid_attach (GTK_GRID (self->columns_box), item->cells[row], i + 1, row + 2, 1, 1);
        }
    }
}

static void
save_items (ShoeboxComparePage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;

  /* Without a collection nothing was chosen: keep the last comparison. */
  if (self->restoring || self->settings == NULL || self->collection == NULL)
    return;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, item_kind_keys[item->kind], item->id);

      g_strv_builder_add (builder, key);
    }

  keys = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "compare-items", (const char * const *) keys);
}

static void
update_actions (ShoeboxComparePage *self)
{
  guint n = self->items->len;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.save-image", n > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_with_button),
                            self->collection != NULL && n < SHOEBOX_COMPARE_MAX_ITEMS);
}

static void
update_hint (ShoeboxComparePage *self)
{
  const char *hint = NULL;

  if (self->truncated)
    hint = _("Only the first four are compared: more columns would not fit.");
  else if (self->items->len == 1)
    hint = _("Add one more pair or silhouette with “Compare With…” to see the differences.");

  gtk_label_set_text (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
}

static void photo_loaded_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data);

static void
load_photos (ShoeboxComparePage *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->photo == NULL || item->result != NULL || item->photo_error != NULL || self->loader == NULL)
        continue;

      item->result = shoebox_profile_loader_lookup (self->loader, item->photo);
      if (item->result != NULL)
        continue;

      self->n_loading++;
      shoebox_profile_loader_load_async (self->loader, item->photo, self->cancellable,
                                         photo_loaded_cb, g_strdup (item->photo));
    }
}

/* Everything after the items changed: the columns, the table, the photos. */
static void
items_changed (ShoeboxComparePage *self)
{
  rebuild_columns (self);
  load_photos (self);
  update_differences (self);
  update_views (self);
  update_hint (self);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, self->items->len > 0 ? "comparison" : "empty");
  save_items (self);
}

static void
photo_loaded_cb (GObject      *object,
                 GAsyncResult *async_result,
                 gpointer      user_data)
{
  ShoeboxProfileLoader *loader = SHOEBOX_PROFILE_LOADER (object);
  g_autofree char *file_name = user_data;
  g_autoptr(ShoeboxProfileResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ShoeboxComparePage *self;

  result = shoebox_profile_loader_load_finish (loader, async_result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SHOEBOX_COMPARE_PAGE (g_object_get_data (G_OBJECT (loader), "shoebox-compare-page"));
  if (self == NULL)
    return;
  self->n_loading--;
  if (loader != self->loader)
    return;

  /* Every item with this photo is answered by the first request. */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (item->photo, file_name) != 0 || item->result != NULL || item->photo_error != NULL)
        continue;

      if (result != NULL)
        item->result = shoebox_profile_result_ref (result);
      else
        item->photo_error = g_strdup (error->message);
    }

  update_views (self);
}

static gboolean
add_item (ShoeboxComparePage *self,
          ItemKind            kind,
          gint64              id)
{
  g_autoptr(GError) error = NULL;
  Item *item;

  if (self->collection == NULL || self->items->len >= SHOEBOX_COMPARE_MAX_ITEMS || has_item (self, kind, id))
    return FALSE;

  item = kind == ITEM_PAIR
         ? item_new_pair (self->collection, id, &error)
         : item_new_silhouette (self->collection, id, &error);
  if (item == NULL)
    {
      g_debug ("Cannot compare %s %" G_GINT64_FORMAT ": %s", item_kind_keys[kind], id, error->message);
      return FALSE;
    }

  g_ptr_array_add (self->items, item);
  return TRUE;
}

static void
clear_items (ShoeboxComparePage *self)
{
  g_ptr_array_set_size (self->items, 0);
  self->truncated = FALSE;
}

/* Adds the item a "pair:ID" or "silhouette:ID" key names, if it exists. */
static gboolean
add_key (ShoeboxComparePage *self,
         const char         *key)
{
  const char *colon = strchr (key, ':');
  guint64 id;

  if (colon == NULL || !g_ascii_string_to_unsigned (colon + 1, 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;

  if (strncmp (key, "pair:", 5) == 0)
    return add_item (self, ITEM_PAIR, (gint64) id);
  if (strncmp (key, "silhouette:", 11) == 0)
    return add_item (self, ITEM_SILHOUETTE, (gint64) id);

  return FALSE;
}

/* A pair or silhouette deleted since it was compared is skipped. */
static void
restore_items (ShoeboxComparePage *self)
{
  g_auto(GStrv) keys = NULL;

  if (self->settings == NULL || self->collection == NULL)
    return;

  keys = g_settings_get_strv (self->settings, "compare-items");
  self->restoring = TRUE;
  clear_items (self);
  for (guint i = 0; keys[i] != NULL; i++)
    add_key (self, keys[i]);
  items_changed (self);
  self->restoring = FALSE;
}

static void
add_picker_row (ShoeboxComparePage *self,
                const char         *title,
                const char         *subtitle,
                const char         *action_name,
                gint64              id,
                gboolean            sensitive)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *subtitle_label = gtk_label_new (subtitle);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle_label, "caption");
  gtk_widget_add_css_class (subtitle_label, "dim-label");
  gtk_box_append (GTK_BOX (box), subtitle_label);

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  gtk_widget_set_sensitive (button, sensitive);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  gtk_list_box_append (self->picker_list, button);
}

static void
refill_picker (ShoeboxComparePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->picker_search));
  g_autofree char *folded = g_utf8_casefold (text, -1);
  ShoeboxPairQuery query = { 0 };
  g_autoptr(GListModel) pairs = NULL;
  g_autoptr(GListModel) silhouettes = NULL;
  GtkWidget *row;
  guint n_shown = 0;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->picker_list))) != NULL)
    gtk_list_box_remove (self->picker_list, row);

  if (self->collection == NULL)
    return;

  query.text = *text != '\0' ? text : NULL;
  query.sort = query.text != NULL ? SHOEBOX_PAIR_SORT_RELEVANCE : SHOEBOX_PAIR_SORT_SILHOUETTE;
  pairs = shoebox_collection_search (self->collection, &query, NULL);
  for (guint i = 0; pairs != NULL && i < g_list_model_get_n_items (pairs) && i < PICKER_LIMIT; i++)
    {
      g_autoptr(ShoeboxPair) pair = g_list_model_get_item (pairs, i);
      g_autofree char *name = NULL;
      g_autofree char *subtitle = NULL;

      if (pair == NULL)
        continue;
      name = shoebox_labels_dup_pair_name (pair);
      subtitle = g_strdup_printf (_("Pair · %s"), shoebox_pair_get_brand_name (pair) != NULL
                                                  ? shoebox_pair_get_brand_name (pair) : "");
      add_picker_row (self, name, subtitle, "compare.add-pair", shoebox_pair_get_id (pair),
                      !has_item (self, ITEM_PAIR, shoebox_pair_get_id (pair)));
      n_shown++;
    }

  silhouettes = shoebox_collection_list_silhouettes (self->collection, NULL);
  for (guint i = 0, n = 0; silhouettes != NULL && i < g_list_model_get_n_items (silhouettes) && n < PICKER_LIMIT; i++)
    {
      g_autoptr(ShoeboxSilhouette) silhouette = g_list_model_get_item (silhouettes, i);
      g_autofree char *name = shoebox_silhouette_dup_display_name (silhouette);
      g_autofree char *name_folded = g_utf8_casefold (name, -1);
      gint64 id = shoebox_silhouette_get_id (silhouette);

      if (*folded != '\0' && strstr (name_folded, folded) == NULL)
        continue;
      add_picker_row (self, name, _("Silhouette"), "compare.add-silhouette", id,
                      !has_item (self, ITEM_SILHOUETTE, id));
      n++;
      n_shown++;
    }

  if (n_shown == 0)
    {
      GtkWidget *label = gtk_label_new (_("Nothing matches"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_append (self->picker_list, label);
    }
}

static void
picker_popover_show_cb (ShoeboxComparePage *self)
{
  refill_picker (self);
}

static void
picker_search_changed_cb (ShoeboxComparePage *self)
{
  refill_picker (self);
}

static void
opacity_changed_cb (ShoeboxComparePage *self,
                    GtkAdjustment      *adjustment)
{
  shoebox_profile_view_set_overlay_opacity (self->overlay_view, gtk_adjustment_get_value (adjustment));
}

static void
divider_changed_cb (ShoeboxComparePage *self,
                    GtkAdjustment      *adjustment)
{
  shoebox_profile_view_set_divider (self->overlay_view, gtk_adjustment_get_value (adjustment));
}

static void
view_divider_changed_cb (ShoeboxComparePage *self)
{
  gtk_adjustment_set_value (self->divider_adjustment, shoebox_profile_view_get_divider (self->overlay_view));
}

static void
show_toast (ShoeboxComparePage *self,
            const char         *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
chooser_response_cb (ShoeboxComparePage   *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  if (shoebox_compare_page_save_image (self, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *title = g_strdup_printf (_("Saved the comparison as “%s”"), name);

      show_toast (self, title);
    }
  else
    show_toast (self, error->message);
}

static void
save_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Save as Image"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* Translators: the file name offered when saving a comparison; keep .png */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("Comparison.png"));
  if (g_get_user_special_dir (G_USER_DIRECTORY_PICTURES) != NULL)
    {
      g_autoptr(GFile) pictures = g_file_new_for_path (g_get_user_special_dir (G_USER_DIRECTORY_PICTURES));

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), pictures, NULL);
    }
  gtk_file_filter_set_name (filter, _("PNG Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (widget);
  int index = g_variant_get_int32 (parameter);
  int other = g_str_equal (action_name, "compare.move-left") ? index - 1 : index + 1;
  gpointer swap;

  if (get_item (self, index) == NULL || get_item (self, other) == NULL)
    return;

  swap = self->items->pdata[index];
  self->items->pdata[index] = self->items->pdata[other];
  self->items->pdata[other] = swap;
  items_changed (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (widget);
  int index = g_variant_get_int32 (parameter);

  if (get_item (self, index) == NULL)
    return;

  g_ptr_array_remove_index (self->items, index);
  self->truncated = FALSE;
  items_changed (self);
}

static void
flip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (widget);
  Item *item = get_item (self, g_variant_get_int32 (parameter));

  if (item == NULL || item->result == NULL)
    return;

  item->flipped = !item->flipped;
  update_views (self);
}

static void
generations_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (widget);
  Item *item = get_item (self, g_variant_get_int32 (parameter));

  if (item == NULL || item->silhouette == NULL)
    return;

  shoebox_compare_page_compare_generations (self, shoebox_silhouette_get_id (item->silhouette));
}

static void
add_pair_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (widget);

  gtk_popover_popdown (self->picker_popover);
  shoebox_compare_page_add_pair (self, g_variant_get_int64 (parameter));
}

static void
add_silhouette_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (widget);

  gtk_popover_popdown (self->picker_popover);
  shoebox_compare_page_add_silhouette (self, g_variant_get_int64 (parameter));
}

/* Reads every item again, keeping its photo and flip: pairs change on the
 * Collection page (and go) while the comparison waits.
 */
static void
reload_items (ShoeboxComparePage *self)
{
  g_autoptr(GPtrArray) old = NULL;

  if (self->collection == NULL || self->items->len == 0)
    return;

  old = g_steal_pointer (&self->items);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  for (guint i = 0; i < old->len; i++)
    {
      Item *previous = g_ptr_array_index (old, i);
      Item *item;

      if (!add_item (self, previous->kind, previous->id))
        continue;

      item = g_ptr_array_index (self->items, self->items->len - 1);
      if (g_strcmp0 (item->photo, previous->photo) == 0)
        {
          item->result = g_steal_pointer (&previous->result);
          item->photo_error = g_steal_pointer (&previous->photo_error);
          item->flipped = previous->flipped;
        }
    }

  items_changed (self);
}

/* Text dropped on the page: "pair:ID" or "silhouette:ID" keys, one a
 * line, as a pair card or catalogue row can offer them when dragged.
 */
static gboolean
drop_cb (ShoeboxComparePage *self,
         const GValue       *value,
         double              x,
         double              y)
{
  g_auto(GStrv) keys = NULL;
  gboolean added = FALSE;

  if (!G_VALUE_HOLDS_STRING (value) || g_value_get_string (value) == NULL)
    return FALSE;

  keys = g_strsplit (g_value_get_string (value), "\n", SHOEBOX_COMPARE_MAX_ITEMS + 1);
  for (guint i = 0; keys[i] != NULL; i++)
    added |= add_key (self, g_strstrip (keys[i]));
  if (added)
    items_changed (self);

  return added;
}

static void
shoebox_compare_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (shoebox_compare_page_parent_class)->map (widget);

  reload_items (SHOEBOX_COMPARE_PAGE (widget));
}

static gboolean
use_default_photos_cb (gpointer user_data)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (user_data);

  self->default_photos_source = 0;
  if (self->photos == NULL)
    {
      g_autoptr(ShoeboxPhotos) photos = shoebox_photos_new ();

      shoebox_compare_page_set_photos (self, photos);
    }

  return G_SOURCE_REMOVE;
}

static void
shoebox_compare_page_dispose (GObject *object)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->default_photos_source, g_source_remove);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHOEBOX_TYPE_COMPARE_PAGE);
  /* GTK 4.8 unparents only the template children bound to struct fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->items != NULL)
    g_ptr_array_set_size (self->items, 0);
  if (self->loader != NULL)
    g_object_set_data (G_OBJECT (self->loader), "shoebox-compare-page", NULL);
  g_clear_object (&self->loader);
  g_clear_object (&self->photos);
  g_clear_object (&self->collection);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (shoebox_compare_page_parent_class)->dispose (object);
}

static void
shoebox_compare_page_finalize (GObject *object)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->mode, g_free);

  G_OBJECT_CLASS (shoebox_compare_page_parent_class)->finalize (object);
}

static void
shoebox_compare_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      g_value_set_object (value, self->collection);
      break;

    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;

    case PROP_ONLY_DIFFERENCES:
      g_value_set_boolean (value, self->only_differences);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_compare_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ShoeboxComparePage *self = SHOEBOX_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      shoebox_compare_page_set_collection (self, g_value_get_object (value));
      break;

    case PROP_MODE:
      shoebox_compare_page_set_mode (self, g_value_get_string (value));
      break;

    case PROP_ONLY_DIFFERENCES:
      shoebox_compare_page_set_only_differences (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_compare_page_class_init (ShoeboxComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shoebox_compare_page_dispose;
  object_class->finalize = shoebox_compare_page_finalize;
  object_class->get_property = shoebox_compare_page_get_property;
  object_class->set_property = shoebox_compare_page_set_property;
  widget_class->map = shoebox_compare_page_map;

  properties[PROP_COLLECTION] =
    g_param_spec_object ("collection", NULL, NULL,
                         SHOEBOX_TYPE_COLLECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* "side-by-side", "overlay" or "outline" */
  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL,
                         "side-by-side",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ONLY_DIFFERENCES] =
    g_param_spec_boolean ("only-differences", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHOEBOX_TYPE_PROFILE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/shoebox-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, compare_with_button);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, picker_popover);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, picker_search);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, picker_list);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, overlay_controls_revealer);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, opacity_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, divider_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, stack);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, comparison);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, overlay_box);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, legend_box);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, overlay_view);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, overlay_caption);
  gtk_widget_class_bind_template_child (widget_class, ShoeboxComparePage, columns_box);
  /* Not kept in the struct, but reachable for tests. */
  gtk_widget_class_bind_template_child_full (widget_class, "empty_status", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "side_by_side_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "overlay_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "only_differences_switch", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "scrolled_window", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, picker_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, picker_search_changed_cb);

  gtk_widget_class_install_property_action (widget_class, "compare.mode", "mode");
  gtk_widget_class_install_property_action (widget_class, "compare.only-differences", "only-differences");
  gtk_widget_class_install_action (widget_class, "compare.save-image", NULL, save_image_action);
  gtk_widget_class_install_action (widget_class, "compare.move-left", "i", move_action);
  gtk_widget_class_install_action (widget_class, "compare.move-right", "i", move_action);
  gtk_widget_class_install_action (widget_class, "compare.remove", "i", remove_action);
  gtk_widget_class_install_action (widget_class, "compare.flip", "i", flip_action);
  gtk_widget_class_install_action (widget_class, "compare.generations", "i", generations_action);
  gtk_widget_class_install_action (widget_class, "compare.add-pair", "x", add_pair_action);
  gtk_widget_class_install_action (widget_class, "compare.add-silhouette", "x", add_silhouette_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comparepage");
}

static void
shoebox_compare_page_init (ShoeboxComparePage *self)
{
  GtkDropTarget *drop_target;

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->cancellable = g_cancellable_new ();
  self->mode = g_strdup ("side-by-side");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);

  drop_target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  g_signal_connect_object (self->opacity_adjustment, "value-changed", G_CALLBACK (opacity_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->divider_adjustment, "value-changed", G_CALLBACK (divider_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->overlay_view, "notify::divider", G_CALLBACK (view_divider_changed_cb),
                           self, G_CONNECT_SWAPPED);
  shoebox_profile_view_set_overlay_opacity (self->overlay_view, gtk_adjustment_get_value (self->opacity_adjustment));
  shoebox_profile_view_set_divider (self->overlay_view, gtk_adjustment_get_value (self->divider_adjustment));

  items_changed (self);
}

/**
 * shoebox_compare_page_get_collection:
 * @self: a #ShoeboxComparePage
 *
 * Returns: (transfer none) (nullable): the collection
 */
ShoeboxCollection *
shoebox_compare_page_get_collection (ShoeboxComparePage *self)
{
  g_return_val_if_fail (SHOEBOX_IS_COMPARE_PAGE (self), NULL);

  return self->collection;
}

/**
 * shoebox_compare_page_set_collection:
 * @self: a #ShoeboxComparePage
 * @collection: (nullable): the collection, or %NULL when it could not be
 *   opened
 *
 * Brings back the last comparison, as far as its items still exist.
 */
void
shoebox_compare_page_set_collection (ShoeboxComparePage *self,
                                     ShoeboxCollection  *collection)
{
  g_return_if_fail (SHOEBOX_IS_COMPARE_PAGE (self));
  g_return_if_fail (collection == NULL || SHOEBOX_IS_COLLECTION (collection));

  if (!g_set_object (&self->collection, collection))
    return;

  /* The application hands over its photo store right after the
   * collection; the user's own folders are only the fallback.
   */
  if (collection != NULL && self->photos == NULL && self->default_photos_source == 0)
    self->default_photos_source = g_idle_add (use_default_photos_cb, self);

  self->restoring = TRUE;
  clear_items (self);
  self->restoring = FALSE;
  if (collection != NULL)
    restore_items (self);
  else
    items_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLECTION]);
}

/**
 * shoebox_compare_page_set_photos:
 * @self: a #ShoeboxComparePage
 * @photos: (nullable): where the pairs' photos are; %NULL changes nothing
 *
 * Without one, the page uses the store of the user's folders once it has
 * a collection.
 */
void
shoebox_compare_page_set_photos (ShoeboxComparePage *self,
                                 ShoeboxPhotos      *photos)
{
  g_return_if_fail (SHOEBOX_IS_COMPARE_PAGE (self));
  g_return_if_fail (photos == NULL || SHOEBOX_IS_PHOTOS (photos));

  if (photos == NULL || !g_set_object (&self->photos, photos))
    return;

  if (self->loader != NULL)
    g_object_set_data (G_OBJECT (self->loader), "shoebox-compare-page", NULL);
  g_clear_object (&self->loader);
  self->loader = shoebox_profile_loader_new (photos);
  /* How a finished load finds the page: the page cancels its loads when it
   * goes, and the loader goes with it.
   */
  g_object_set_data (G_OBJECT (self->loader), "shoebox-compare-page", self);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      g_clear_pointer (&item->result, shoebox_profile_result_unref);
      g_clear_pointer (&item->photo_error, g_free);
    }
  load_photos (self);
  update_views (self);
}

/**
 * shoebox_compare_page_set_pairs:
 * @self: a #ShoeboxComparePage
 * @ids: (array length=n_ids): pairs' ids
 * @n_ids: how many
 *
 * Compares these pairs, in this order, instead of what was compared:
 * "Compare Selected". Only the first %SHOEBOX_COMPARE_MAX_ITEMS are kept,
 * and the page says so.
 */
void
shoebox_compare_page_set_pairs (ShoeboxComparePage *self,
                                const gint64       *ids,
                                guint               n_ids)
{
  g_return_if_fail (SHOEBOX_IS_COMPARE_PAGE (self));
  g_return_if_fail (n_ids == 0 || ids != NULL);

  clear_items (self);
  for (guint i = 0; i < n_ids; i++)
    add_item (self, ITEM_PAIR, ids[i]);
  self->truncated = n_ids > SHOEBOX_COMPARE_MAX_ITEMS;
  items_changed (self);
}

/**
 * shoebox_compare_page_add_pair:
 * @self: a #ShoeboxComparePage
 * @id: a pair's id
 *
 * Returns: %TRUE if the pair was added: it exists, is not compared yet,
 *   and there is room
 */
gboolean
shoebox_compare_page_add_pair (ShoeboxComparePage *self,
                               gint64              id)
{
  g_return_val_if_fail (SHOEBOX_IS_COMPARE_PAGE (self), FALSE);

  if (!add_item (self, ITEM_PAIR, id))
    return FALSE;

  items_changed (self);
  return TRUE;
}

/**
 * shoebox_compare_page_add_silhouette:
 * @self: a #ShoeboxComparePage
 * @id: a silhouette's id
 *
 * Returns: %TRUE if the silhouette was added
 */
gboolean
shoebox_compare_page_add_silhouette (ShoeboxComparePage *self,
                                     gint64              id)
{
  g_return_val_if_fail (SHOEBOX_IS_COMPARE_PAGE (self), FALSE);

  if (!add_item (self, ITEM_SILHOUETTE, id))
    return FALSE;

  items_changed (self);
  return TRUE;
}

static void
compare_with (ShoeboxComparePage *self,
              ItemKind            kind,
              gint64              id)
{
  clear_items (self);
  add_item (self, kind, id);
  items_changed (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_menu_button_popup (self->compare_with_button);
}

/**
 * shoebox_compare_page_compare_with_pair:
 * @self: a #ShoeboxComparePage
 * @id: a pair's id
 *
 * "Compare With…" from a pair: starts a comparison with the pair alone and
 * opens the list to pick the others from.
 */
void
shoebox_compare_page_compare_with_pair (ShoeboxComparePage *self,
                                        gint64              id)
{
  g_return_if_fail (SHOEBOX_IS_COMPARE_PAGE (self));

  compare_with (self, ITEM_PAIR, id);
}

/**
 * shoebox_compare_page_compare_with_silhouette:
 * @self: a #ShoeboxComparePage
 * @id: a silhouette's id
 *
 * "Compare With…" from a silhouette.
 */
void
shoebox_compare_page_compare_with_silhouette (ShoeboxComparePage *self,
                                              gint64              id)
{
  g_return_if_fail (SHOEBOX_IS_COMPARE_PAGE (self));

  compare_with (self, ITEM_SILHOUETTE, id);
}

/**
 * shoebox_compare_page_compare_generations:
 * @self: a #ShoeboxComparePage
 * @silhouette_id: any silhouette of a lineage
 *
 * Compares the generations of the silhouette's line, oldest first (Track,
 * Track 2.0, Track 3). A line longer than %SHOEBOX_COMPARE_MAX_ITEMS shows
 * the generations around @silhouette_id.
 */
void
shoebox_compare_page_compare_generations (ShoeboxComparePage *self,
                                          gint64              silhouette_id)
{
  g_autoptr(GListModel) lineage = NULL;
  g_autoptr(GError) error = NULL;
  guint n;
  guint start = 0;

  g_return_if_fail (SHOEBOX_IS_COMPARE_PAGE (self));

  if (self->collection == NULL)
    return;

  lineage = shoebox_collection_list_lineage (self->collection, silhouette_id, &error);
  if (lineage == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  n = g_list_model_get_n_items (lineage);
  if (n > SHOEBOX_COMPARE_MAX_ITEMS)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ShoeboxSilhouette) silhouette = g_list_model_get_item (lineage, i);

          if (shoebox_silhouette_get_id (silhouette) == silhouette_id)
            start = i > 1 ? MIN (i - 1, n - SHOEBOX_COMPARE_MAX_ITEMS) : 0;
        }
    }

  clear_items (self);
  for (guint i = start; i < n && self->items->len < SHOEBOX_COMPARE_MAX_ITEMS; i++)
    {
      g_autoptr(ShoeboxSilhouette) silhouette = g_list_model_get_item (lineage, i);

      add_item (self, ITEM_SILHOUETTE, shoebox_silhouette_get_id (silhouette));
    }
  items_changed (self);
}

guint
shoebox_compare_page_get_n_items (ShoeboxComparePage *self)
{
  g_return_val_if_fail (SHOEBOX_IS_COMPARE_PAGE (self), 0);

  return self->items->len;
}

const char *
shoebox_compare_page_get_mode (ShoeboxComparePage *self)
{
  g_return_val_if_fail (SHOEBOX_IS_COMPARE_PAGE (self), NULL);

  return self->mode;
}

/**
 * shoebox_compare_page_set_mode:
 * @self: a #ShoeboxComparePage
 * @mode: "side-by-side", "overlay" or "outline"
 */
void
shoebox_compare_page_set_mode (ShoeboxComparePage *self,
                               const char         *mode)
{
  g_return_if_fail (SHOEBOX_IS_COMPARE_PAGE (self));
  g_return_if_fail (g_strcmp0 (mode, "side-by-side") == 0 ||
                    g_strcmp0 (mode, "overlay") == 0 ||
                    g_strcmp0 (mode, "outline") == 0);

  if (g_strcmp0 (self->mode, mode) == 0)
    return;

  g_free (self->mode);
  self->mode = g_strdup (mode);
  update_views (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

gboolean
shoebox_compare_page_get_only_differences (ShoeboxComparePage *self)
{
  g_return_val_if_fail (SHOEBOX_IS_COMPARE_PAGE (self), FALSE);

  return self->only_differences;
}

/**
 * shoebox_compare_page_set_only_differences:
 * @self: a #ShoeboxComparePage
 * @only_differences: whether to hide the rows where every item is alike
 */
void
shoebox_compare_page_set_only_differences (ShoeboxComparePage *self,
                                           gboolean            only_differences)
{
  g_return_if_fail (SHOEBOX_IS_COMPARE_PAGE (self));

  only_differences = !!only_differences;
  if (self->only_differences == (guint) only_differences)
    return;

  self->only_differences = only_differences;
  update_differences (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLY_DIFFERENCES]);
}

/**
 * shoebox_compare_page_is_loading:
 * @self: a #ShoeboxComparePage
 *
 * Returns: %TRUE while photos are being read and analysed
 */
gboolean
shoebox_compare_page_is_loading (ShoeboxComparePage *self)
{
  g_return_val_if_fail (SHOEBOX_IS_COMPARE_PAGE (self), FALSE);

  return self->n_loading > 0;
}

/**
 * shoebox_compare_page_save_image:
 * @self: a #ShoeboxComparePage
 * @file: where to write the PNG
 * @error: return location for a #GError
 *
 * Draws the comparison as it is shown (photos and table, all of it, also
 * what is scrolled out of sight) into a PNG. The page must be shown.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
shoebox_compare_page_save_image (ShoeboxComparePage  *self,
                                 GFile               *file,
                                 GError             **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GtkNative *native;
  GskRenderer *renderer;
  GdkRGBA background = { 1.0, 1.0, 1.0, 1.0 };
  int width;
  int height;

  g_return_val_if_fail (SHOEBOX_IS_COMPARE_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  width = gtk_widget_get_width (self->comparison);
  height = gtk_widget_get_height (self->comparison);
  native = gtk_widget_get_native (self->comparison);
  renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  if (self->items->len == 0 || width <= 0 || height <= 0 || renderer == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no comparison on screen to save"));
      return FALSE;
    }

  /* The window's own background: the widgets draw none of their own. */
  gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)), "window_bg_color", &background);
  background.alpha = 1.0;

  paintable = gtk_widget_paintable_new (self->comparison);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no comparison on screen to save"));
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  bytes = gdk_texture_save_to_png_bytes (texture);

  return g_file_replace_contents (file,
                                  g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}
