/* shoebox-pair-card.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-pair-card"

#include "config.h"

#include <glib/gi18n.h>

#include "shoebox-compat.h"
#include "shoebox-labels.h"
#include "shoebox-pair-card.h"
#include "shoebox-text-line.h"

struct _ShoeboxPairCard
{
  GtkWidget        parent_instance;

  ShoeboxPair     *pair;
  GCancellable    *thumbnail_cancellable; /* the pending thumbnail, if any */
  gboolean         photo_looked_up;       /* for this pair, see get_photo_looked_up */
  guint            photo_wanted_idle;

  GtkOverlay      *photo_overlay;
  GtkWidget       *placeholder;           /* over the photo while it has none */
  GtkWidget       *check;                 /* made once Select is first on */
  gboolean         selectable;
  gboolean         selected;
  GtkPicture      *photo;
  ShoeboxTextLine *silhouette_label;
  ShoeboxTextLine *colorway_label;
  ShoeboxTextLine *details_label;
};

G_DEFINE_FINAL_TYPE (ShoeboxPairCard, shoebox_pair_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAIR,
  PROP_SELECTABLE,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PHOTO_WANTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_labels (ShoeboxPairCard *self)
{
  g_autofree char *name = NULL;
  g_autofree char *size = NULL;
  g_autofree char *details = NULL;
  ShoeboxCondition condition;

  if (self->pair == NULL)
    {
      shoebox_text_line_set_text (self->silhouette_label, "");
      shoebox_text_line_set_text (self->colorway_label, "");
      shoebox_text_line_set_text (self->details_label, "");
      return;
    }

  shoebox_text_line_set_text (self->silhouette_label, shoebox_pair_get_silhouette_name (self->pair));
  shoebox_text_line_set_text (self->colorway_label, shoebox_pair_get_colorway (self->pair));

  size = shoebox_labels_dup_size (self->pair);
  condition = shoebox_pair_get_condition (self->pair);
  if (condition != SHOEBOX_CONDITION_NONE && *size != '\0')
    details = g_strdup_printf ("%s · %s", size, shoebox_labels_condition (condition));
  else if (condition != SHOEBOX_CONDITION_NONE)
    details = g_strdup (shoebox_labels_condition (condition));
  else
    details = g_steal_pointer (&size);
  if (shoebox_pair_get_status (self->pair) != SHOEBOX_STATUS_OWNED)
    {
      g_autofree char *with_status = g_strdup_printf ("%s%s%s", details,
                                                      *details != '\0' ? " · " : "",
                                                      shoebox_labels_status (shoebox_pair_get_status (self->pair)));
      g_free (details);
      details = g_steal_pointer (&with_status);
    }
  shoebox_text_line_set_text (self->details_label, details);

  /* Screen readers, and tests, find a pair by this name. */
  name = shoebox_labels_dup_pair_name (self->pair);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
shoebox_pair_card_dispose (GObject *object)
{
  ShoeboxPairCard *self = SHOEBOX_PAIR_CARD (object);

  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_cancellable_cancel (self->thumbnail_cancellable);
  g_clear_object (&self->thumbnail_cancellable);
  g_clear_handle_id (&self->photo_wanted_idle, g_source_remove);
  g_clear_object (&self->pair);

  G_OBJECT_CLASS (shoebox_pair_card_parent_class)->dispose (object);
}

/* In Select mode each card shows a check box, ticked when its pair is
 * selected: a click on the card (the grid's cell) ticks it. The box only
 * shows the state, which screen readers have from the cell already.
 */
static void
update_check (ShoeboxPairCard *self)
{
  if (self->check == NULL && !self->selectable)
    return;

  if (self->check == NULL)
    {
      self->check = gtk_check_button_new ();
      gtk_widget_set_halign (self->check, GTK_ALIGN_START);
      gtk_widget_set_valign (self->check, GTK_ALIGN_START);
      gtk_widget_set_margin_start (self->check, 6);
      gtk_widget_set_margin_top (self->check, 6);
      gtk_widget_set_can_target (self->check, FALSE);
      gtk_widget_set_focusable (self->check, FALSE);
      gtk_widget_add_css_class (self->check, "selection-mode");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_overlay_add_overlay (self->photo_overlay, self->check);
    }
  gtk_widget_set_visible (self->check, self->selectable);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->check), self->selected);
}

static void
shoebox_pair_card_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ShoeboxPairCard *self = SHOEBOX_PAIR_CARD (object);

  switch (prop_id)
    {
    case PROP_PAIR:
      g_value_set_object (value, self->pair);
      break;

    case PROP_SELECTABLE:
      g_value_set_boolean (value, self->selectable);
      break;

    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_pair_card_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ShoeboxPairCard *self = SHOEBOX_PAIR_CARD (object);

  switch (prop_id)
    {
    case PROP_PAIR:
      shoebox_pair_card_set_pair (self, g_value_get_object (value));
      break;

    case PROP_SELECTABLE:
      self->selectable = g_value_get_boolean (value);
      update_check (self);
      break;

    case PROP_SELECTED:
      self->selected = g_value_get_boolean (value);
      update_check (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
photo_wanted_idle (gpointer data)
{
  ShoeboxPairCard *self = data;

  self->photo_wanted_idle = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->pair != NULL && !self->photo_looked_up)
    g_signal_emit (self, signals[PHOTO_WANTED], 0);

  return G_SOURCE_REMOVE;
}

/* A grid maps every new cell, then hides those its layout puts off
 * screen: the photo is wanted if the card is still on screen once the
 * frame is laid out.
 */
static void
want_photo (ShoeboxPairCard *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->photo_wanted_idle == 0 && !self->photo_looked_up)
    self->photo_wanted_idle = g_idle_add (photo_wanted_idle, self);
}

static void
shoebox_pair_card_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (shoebox_pair_card_parent_class)->map (widget);

  want_photo (SHOEBOX_PAIR_CARD (widget));
}

static void
shoebox_pair_card_unmap (GtkWidget *widget)
{
  ShoeboxPairCard *self = SHOEBOX_PAIR_CARD (widget);

  g_clear_handle_id (&self->photo_wanted_idle, g_source_remove);

  GTK_WIDGET_CLASS (shoebox_pair_card_parent_class)->unmap (widget);
}

static void
shoebox_pair_card_class_init (ShoeboxPairCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shoebox_pair_card_dispose;
  object_class->get_property = shoebox_pair_card_get_property;
  object_class->set_property = shoebox_pair_card_set_property;
  widget_class->map = shoebox_pair_card_map;
  widget_class->unmap = shoebox_pair_card_unmap;

  properties[PROP_PAIR] =
    g_param_spec_object ("pair", NULL, NULL,
                         SHOEBOX_TYPE_PAIR,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Select mode is on: the card shows its check box. */
  properties[PROP_SELECTABLE] =
    g_param_spec_boolean ("selectable", NULL, NULL, FALSE, (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  /* The pair is selected: the check box is ticked. */
  properties[PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL, FALSE, (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ShoeboxPairCard::photo-wanted:
   *
   * The card is on screen and has not looked up its pair's photo:
   * whoever knows where photos are calls
   * shoebox_pair_card_load_thumbnail().
   */
  signals[PHOTO_WANTED] =
    g_signal_new ("photo-wanted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "paircard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* A ShoeboxTextLine, not a GtkLabel: its size comes from the font, not
 * from the text, so the grid measures its cells without laying out the
 * text of the many it keeps off screen.
 */
static ShoeboxTextLine *
add_label (ShoeboxPairCard *self,
           const char      *style,
           const char      *second_style)
{
  GtkWidget *label = shoebox_text_line_new ();

  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  if (second_style != NULL)
    gtk_widget_add_css_class (label, second_style);
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  return SHOEBOX_TEXT_LINE (label);
}

/* Built in code, not from a template: a grid makes and drops dozens of
 * cards whenever a search changes the pairs on screen, and parsing a
 * template for each one was most of a keystroke's time.
 */
static void
shoebox_pair_card_init (ShoeboxPairCard *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  /* The photo, clipped to its rounded frame, and the placeholder over it
   * while there is none: not a GtkStack of the two, a widget less in each
   * of the grid's many cells.
   */
  self->photo = GTK_PICTURE (gtk_picture_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->photo), 180, 135);
  gtk_widget_add_css_class (GTK_WIDGET (self->photo), "pair-card-photo");
  gtk_widget_set_overflow (GTK_WIDGET (self->photo), GTK_OVERFLOW_HIDDEN);
  gtk_picture_set_content_fit (self->photo, GTK_CONTENT_FIT_COVER);
  gtk_picture_set_can_shrink (self->photo, TRUE);
  self->placeholder = gtk_image_new_from_icon_name ("io.github.shoebox.Shoebox-symbolic");
  gtk_image_set_pixel_size (GTK_IMAGE (self->placeholder), 48);
  gtk_widget_add_css_class (self->placeholder, "dim-label");
  gtk_widget_set_can_target (self->placeholder, FALSE);
  self->photo_overlay = GTK_OVERLAY (gtk_overlay_new ());
  gtk_overlay_set_child (self->photo_overlay, GTK_WIDGET (self->photo));
  gtk_overlay_add_overlay (self->photo_overlay, self->placeholder);
  gtk_widget_set_parent (GTK_WIDGET (self->photo_overlay), GTK_WIDGET (self));

  self->silhouette_label = add_label (self, "heading", NULL);
  self->colorway_label = add_label (self, NULL, NULL);
  self->details_label = add_label (self, "caption", "dim-label");
}

GtkWidget *
shoebox_pair_card_new (void)
{
  return g_object_new (SHOEBOX_TYPE_PAIR_CARD, NULL);
}

/**
 * shoebox_pair_card_get_pair:
 * @self: a #ShoeboxPairCard
 *
 * Returns: (transfer none) (nullable): the pair shown
 */
ShoeboxPair *
shoebox_pair_card_get_pair (ShoeboxPairCard *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR_CARD (self), NULL);

  return self->pair;
}

void
shoebox_pair_card_set_pair (ShoeboxPairCard *self,
                            ShoeboxPair     *pair)
{
  g_return_if_fail (SHOEBOX_IS_PAIR_CARD (self));
  g_return_if_fail (pair == NULL || SHOEBOX_IS_PAIR (pair));

  if (!g_set_object (&self->pair, pair))
    return;

  /* A recycled card must not show the previous pair's photo, nor get it
   * late from a load still under way.
   */
  g_cancellable_cancel (self->thumbnail_cancellable);
  g_clear_object (&self->thumbnail_cancellable);
  self->photo_looked_up = FALSE;
  shoebox_pair_card_set_thumbnail (self, NULL);
  update_labels (self);
  want_photo (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAIR]);
}

/**
 * shoebox_pair_card_set_thumbnail:
 * @self: a #ShoeboxPairCard
 * @thumbnail: (nullable): the pair's photo, or %NULL for the placeholder
 */
void
shoebox_pair_card_set_thumbnail (ShoeboxPairCard *self,
                                 GdkPaintable    *thumbnail)
{
  g_return_if_fail (SHOEBOX_IS_PAIR_CARD (self));

  gtk_picture_set_paintable (self->photo, thumbnail);
  gtk_widget_set_visible (self->placeholder, thumbnail == NULL);
}

static void
thumbnail_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ShoeboxPairCard) self = user_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  pixbuf = shoebox_photos_load_thumbnail_finish (SHOEBOX_PHOTOS (object), result, &error);
  /* Cancelled: the card now shows another pair, or none. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->thumbnail_cancellable);
  if (pixbuf != NULL)
    {
      texture = shoebox_texture_new_for_pixbuf (pixbuf);
      shoebox_pair_card_set_thumbnail (self, GDK_PAINTABLE (texture));
    }
}

/**
 * shoebox_pair_card_get_thumbnail:
 * @self: a #ShoeboxPairCard
 *
 * Returns: (transfer none) (nullable): the photo shown, or %NULL while the
 *   card shows the placeholder
 */
GdkPaintable *
shoebox_pair_card_get_thumbnail (ShoeboxPairCard *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR_CARD (self), NULL);

  return gtk_picture_get_paintable (self->photo);
}

/**
 * shoebox_pair_card_get_photo_looked_up:
 * @self: a #ShoeboxPairCard
 *
 * The grid keeps cards off screen, and a search shows other pairs in all
 * of them: their photos are looked up when they come on screen, once per
 * pair.
 *
 * Returns: whether shoebox_pair_card_load_thumbnail() was called since
 *   the card was given its pair
 */
gboolean
shoebox_pair_card_get_photo_looked_up (ShoeboxPairCard *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PAIR_CARD (self), FALSE);

  return self->photo_looked_up;
}

/**
 * shoebox_pair_card_load_thumbnail:
 * @self: a #ShoeboxPairCard
 * @photos: where the photo is kept
 * @file_name: (nullable): the photo, or %NULL when the pair has none
 *
 * Shows the photo's thumbnail once it is made, in a worker thread; the
 * placeholder until then, and for good if it cannot be read or there is
 * none.
 */
void
shoebox_pair_card_load_thumbnail (ShoeboxPairCard *self,
                                  ShoeboxPhotos   *photos,
                                  const char      *file_name)
{
  g_return_if_fail (SHOEBOX_IS_PAIR_CARD (self));
  g_return_if_fail (SHOEBOX_IS_PHOTOS (photos));

  self->photo_looked_up = TRUE;
  g_cancellable_cancel (self->thumbnail_cancellable);
  g_clear_object (&self->thumbnail_cancellable);
  if (file_name == NULL)
    return;
  self->thumbnail_cancellable = g_cancellable_new ();
  shoebox_photos_load_thumbnail_async (photos, file_name, 360, self->thumbnail_cancellable,
                                       thumbnail_loaded_cb, g_object_ref (self));
}
