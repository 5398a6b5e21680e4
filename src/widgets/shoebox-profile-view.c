/* shoebox-profile-view.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-profile-view"

#include "config.h"

#include "shoebox-compat.h"
#include "shoebox-profile-view.h"

/* Space around the drawing, in pixels. */
#define MARGIN 8.0

/* Space kept around each shoe, as a fraction of its length: a toe or a
 * pull-tab never touches the edge of its crop.
 */
#define CROP_MARGIN 0.04

/* A sneaker's height over its length, before any photo says otherwise. */
#define DEFAULT_HEIGHT_RATIO 0.42

typedef struct
{
  GdkTexture     *texture;
  ShoeboxProfile  profile;
  GArray         *outline;
} Layer;

struct _ShoeboxProfileView
{
  GtkWidget               parent_instance;

  GArray                 *layers; /* Layer */
  ShoeboxProfileViewMode  mode;
  double                  overlay_opacity;
  double                  divider;
  double                  height_ratio;
  double                  drag_start_x;
};

G_DEFINE_FINAL_TYPE (ShoeboxProfileView, shoebox_profile_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_OVERLAY_OPACITY,
  PROP_DIVIDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One colour per layer, the same in the outline and in its legend: the
 * GNOME palette's blue, orange, green and purple, told apart also by
 * people who do not see red and green apart.
 */
static const char * const layer_colors[SHOEBOX_PROFILE_VIEW_MAX_LAYERS] = {
  "#1c71d8", "#e66100", "#26a269", "#9141ac",
};

static void
layer_clear (Layer *layer)
{
  g_clear_object (&layer->texture);
  g_clear_pointer (&layer->outline, g_array_unref);
}

static guint
n_drawn_layers (ShoeboxProfileView *self)
{
  if (self->mode == SHOEBOX_PROFILE_VIEW_OVERLAY)
    return MIN (self->layers->len, 2);

  return MIN (self->layers->len, SHOEBOX_PROFILE_VIEW_MAX_LAYERS);
}

/* Where the drawing goes: every shoe @length long, its sole on @sole_y,
 * the image's pixels placed by @placements (relative to a zero origin).
 */
typedef struct
{
  double                  x0;
  double                  sole_y;
  double                  length;
  double                  baseline;
  ShoeboxProfilePlacement placements[SHOEBOX_PROFILE_VIEW_MAX_LAYERS];
} Layout;

static gboolean
compute_layout (ShoeboxProfileView *self,
                Layout             *layout)
{
  ShoeboxProfile profiles[SHOEBOX_PROFILE_VIEW_MAX_LAYERS];
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  guint n = n_drawn_layers (self);
  double ratio;

  if (n == 0 || width <= 2 * MARGIN + 1 || height <= 2 * MARGIN + 1)
    return FALSE;

  for (guint i = 0; i < n; i++)
    profiles[i] = g_array_index (self->layers, Layer, i).profile;

  /* The baseline scales with the length: measure it at length 1, then fit. */
  ratio = shoebox_profile_align_place (profiles, n, 1.0, SHOEBOX_PROFILE_TOE_LEFT, layout->placements);
  ratio = MAX (ratio, self->height_ratio);
  layout->length = MIN ((width - 2 * MARGIN) / (1 + 2 * CROP_MARGIN),
                        (height - 2 * MARGIN) / (ratio + 2 * CROP_MARGIN));
  layout->baseline = shoebox_profile_align_place (profiles, n, layout->length,
                                                  SHOEBOX_PROFILE_TOE_LEFT, layout->placements);
  layout->x0 = (width - layout->length) / 2;
  layout->sole_y = (height + layout->length * ratio) / 2;

  return TRUE;
}

static void
snapshot_photo (GtkSnapshot   *snapshot,
                const Layer   *layer,
                const Layout  *layout,
                guint          index)
{
  const ShoeboxProfilePlacement *placement = &layout->placements[index];
  double box_height = placement->scale * MAX (layer->profile.box.height, 1);
  double dy = layout->sole_y - layout->baseline;
  double margin = CROP_MARGIN * layout->length;

  if (layer->texture == NULL)
    return;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (layout->x0 - margin, layout->sole_y - box_height - margin,
                                                         layout->length + 2 * margin, box_height + 2 * margin));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (layout->x0 + placement->x_offset,
                                                          dy + placement->y_offset));
  gtk_snapshot_scale (snapshot, placement->mirror ? -placement->scale : placement->scale, placement->scale);
  gtk_snapshot_append_texture (snapshot, layer->texture,
                               &GRAPHENE_RECT_INIT (0, 0,
                                                    gdk_texture_get_width (layer->texture),
                                                    gdk_texture_get_height (layer->texture)));
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
snapshot_outlines (ShoeboxProfileView *self,
                   GtkSnapshot        *snapshot,
                   const Layout       *layout,
                   guint               n)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double dy = layout->sole_y - layout->baseline;
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n; i++)
    {
      const Layer *layer = &g_array_index (self->layers, Layer, i);
      const ShoeboxProfilePlacement *placement = &layout->placements[i];
      GdkRGBA color;

      if (layer->outline == NULL || layer->outline->len < 2)
        continue;

      shoebox_profile_view_append_outline (cr, layer->outline, placement, layout->x0, dy);
      shoebox_profile_view_get_layer_color (i, &color);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
shoebox_profile_view_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  ShoeboxProfileView *self = SHOEBOX_PROFILE_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  guint n = n_drawn_layers (self);
  GdkRGBA line;
  Layout layout;

  if (!compute_layout (self, &layout))
    return;

  /* The sole line, faintly: it is what every shoe stands on. */
  shoebox_compat_widget_get_color (widget, &line);
  line.alpha *= 0.2;
  if (self->mode != SHOEBOX_PROFILE_VIEW_PHOTOS)
    gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, layout.sole_y, width, 1));

  switch (self->mode)
    {
    case SHOEBOX_PROFILE_VIEW_PHOTOS:
      for (guint i = 0; i < n; i++)
        snapshot_photo (snapshot, &g_array_index (self->layers, Layer, i), &layout, i);
      break;

    case SHOEBOX_PROFILE_VIEW_OVERLAY:
      snapshot_photo (snapshot, &g_array_index (self->layers, Layer, 0), &layout, 0);
      if (n > 1)
        {
          double divider_x = self->divider * width;
          GdkRGBA accent = { 0.11, 0.44, 0.85, 1.0 };

          gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, divider_x, height));
          gtk_snapshot_push_opacity (snapshot, self->overlay_opacity);
          snapshot_photo (snapshot, &g_array_index (self->layers, Layer, 1), &layout, 1);
          gtk_snapshot_pop (snapshot);
          gtk_snapshot_pop (snapshot);

          if (self->divider < 1.0)
            {
              gtk_snapshot_append_color (snapshot, &accent,
                                         &GRAPHENE_RECT_INIT (divider_x - 1, 0, 2, height));
              gtk_snapshot_append_color (snapshot, &accent,
                                         &GRAPHENE_RECT_INIT (divider_x - 4, height / 2 - 16, 8, 32));
            }
        }
      break;

    case SHOEBOX_PROFILE_VIEW_OUTLINE:
      snapshot_outlines (self, snapshot, &layout, n);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
shoebox_profile_view_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  ShoeboxProfileView *self = SHOEBOX_PROFILE_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 64;
      *natural = 240;
    }
  else
    {
      /* As tall as the shoes are at the width given: the drawing grows
       * with the column, never with a band of empty space above it.
       */
      double ratio = self->height_ratio > 0.0 ? self->height_ratio : DEFAULT_HEIGHT_RATIO;

      for (guint i = 0; i < self->layers->len; i++)
        ratio = MAX (ratio, shoebox_profile_view_measure_ratio (&g_array_index (self->layers, Layer, i).profile));

      *minimum = 48;
      *natural = 140;
      if (for_size > 0)
        *natural = MAX (*minimum, (int) (2 * MARGIN + (for_size - 2 * MARGIN) * (ratio + 2 * CROP_MARGIN)
                                                                              / (1 + 2 * CROP_MARGIN)));
    }
}

static GtkSizeRequestMode
shoebox_profile_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
drag_begin_cb (ShoeboxProfileView *self,
               double              start_x,
               double              start_y,
               GtkGestureDrag     *gesture)
{
  if (self->mode != SHOEBOX_PROFILE_VIEW_OVERLAY)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->drag_start_x = start_x;
  shoebox_profile_view_set_divider (self, start_x / MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1));
}

static void
drag_update_cb (ShoeboxProfileView *self,
                double              offset_x,
                double              offset_y)
{
  double x = self->drag_start_x + offset_x;

  shoebox_profile_view_set_divider (self, x / MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1));
}

static void
shoebox_profile_view_finalize (GObject *object)
{
  ShoeboxProfileView *self = SHOEBOX_PROFILE_VIEW (object);

  g_clear_pointer (&self->layers, g_array_unref);

  G_OBJECT_CLASS (shoebox_profile_view_parent_class)->finalize (object);
}

static void
shoebox_profile_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ShoeboxProfileView *self = SHOEBOX_PROFILE_VIEW (object);

  switch (prop_id)
    {
    case PROP_OVERLAY_OPACITY:
      g_value_set_double (value, self->overlay_opacity);
      break;

    case PROP_DIVIDER:
      g_value_set_double (value, self->divider);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_profile_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ShoeboxProfileView *self = SHOEBOX_PROFILE_VIEW (object);

  switch (prop_id)
    {
    case PROP_OVERLAY_OPACITY:
      shoebox_profile_view_set_overlay_opacity (self, g_value_get_double (value));
      break;

    case PROP_DIVIDER:
      shoebox_profile_view_set_divider (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_profile_view_class_init (ShoeboxProfileViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = shoebox_profile_view_finalize;
  object_class->get_property = shoebox_profile_view_get_property;
  object_class->set_property = shoebox_profile_view_set_property;

  widget_class->snapshot = shoebox_profile_view_snapshot;
  widget_class->measure = shoebox_profile_view_measure;
  widget_class->get_request_mode = shoebox_profile_view_get_request_mode;

  properties[PROP_OVERLAY_OPACITY] =
    g_param_spec_double ("overlay-opacity", NULL, NULL,
                         0.0, 1.0, 0.5,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DIVIDER] =
    g_param_spec_double ("divider", NULL, NULL,
                         0.0, 1.0, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "profileview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
shoebox_profile_view_init (ShoeboxProfileView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->layers = g_array_new (FALSE, TRUE, sizeof (Layer));
  g_array_set_clear_func (self->layers, (GDestroyNotify) layer_clear);
  self->overlay_opacity = 0.5;
  self->divider = 1.0;

  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}

GtkWidget *
shoebox_profile_view_new (void)
{
  return g_object_new (SHOEBOX_TYPE_PROFILE_VIEW, NULL);
}

ShoeboxProfileViewMode
shoebox_profile_view_get_mode (ShoeboxProfileView *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PROFILE_VIEW (self), SHOEBOX_PROFILE_VIEW_PHOTOS);

  return self->mode;
}

void
shoebox_profile_view_set_mode (ShoeboxProfileView     *self,
                               ShoeboxProfileViewMode  mode)
{
  g_return_if_fail (SHOEBOX_IS_PROFILE_VIEW (self));
  g_return_if_fail (mode <= SHOEBOX_PROFILE_VIEW_OUTLINE);

  if (self->mode == mode)
    return;

  self->mode = mode;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * shoebox_profile_view_clear:
 * @self: a #ShoeboxProfileView
 *
 * Removes every layer.
 */
void
shoebox_profile_view_clear (ShoeboxProfileView *self)
{
  g_return_if_fail (SHOEBOX_IS_PROFILE_VIEW (self));

  g_array_set_size (self->layers, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * shoebox_profile_view_add_layer:
 * @self: a #ShoeboxProfileView
 * @texture: (nullable): the photo, or %NULL to draw only its outline
 * @profile: where the shoe is in @texture, and which way its toe points
 * @outline: (nullable) (element-type ShoeboxProfilePoint): its contour
 *
 * Adds a shoe to draw. Every shoe is drawn at the same length with its
 * sole on one line and its toe to the left.
 */
void
shoebox_profile_view_add_layer (ShoeboxProfileView   *self,
                                GdkTexture           *texture,
                                const ShoeboxProfile *profile,
                                GArray               *outline)
{
  Layer layer = { 0 };

  g_return_if_fail (SHOEBOX_IS_PROFILE_VIEW (self));
  g_return_if_fail (texture == NULL || GDK_IS_TEXTURE (texture));
  g_return_if_fail (profile != NULL);

  if (self->layers->len >= SHOEBOX_PROFILE_VIEW_MAX_LAYERS)
    return;

  layer.texture = texture != NULL ? g_object_ref (texture) : NULL;
  layer.profile = *profile;
  layer.outline = outline != NULL ? g_array_ref (outline) : NULL;
  g_array_append_val (self->layers, layer);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
shoebox_profile_view_get_n_layers (ShoeboxProfileView *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PROFILE_VIEW (self), 0);

  return self->layers->len;
}

double
shoebox_profile_view_get_overlay_opacity (ShoeboxProfileView *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PROFILE_VIEW (self), 1.0);

  return self->overlay_opacity;
}

/**
 * shoebox_profile_view_set_overlay_opacity:
 * @self: a #ShoeboxProfileView
 * @opacity: how opaque the top shoe of the overlay is, from 0 to 1
 */
void
shoebox_profile_view_set_overlay_opacity (ShoeboxProfileView *self,
                                          double              opacity)
{
  g_return_if_fail (SHOEBOX_IS_PROFILE_VIEW (self));

  opacity = CLAMP (opacity, 0.0, 1.0);
  if (self->overlay_opacity == opacity)
    return;

  self->overlay_opacity = opacity;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERLAY_OPACITY]);
}

double
shoebox_profile_view_get_divider (ShoeboxProfileView *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PROFILE_VIEW (self), 1.0);

  return self->divider;
}

/**
 * shoebox_profile_view_set_divider:
 * @self: a #ShoeboxProfileView
 * @divider: where the swipe divider is, from 0 (left edge) to 1 (right
 *   edge); the top shoe of the overlay shows left of it
 */
void
shoebox_profile_view_set_divider (ShoeboxProfileView *self,
                                  double              divider)
{
  g_return_if_fail (SHOEBOX_IS_PROFILE_VIEW (self));

  divider = CLAMP (divider, 0.0, 1.0);
  if (self->divider == divider)
    return;

  self->divider = divider;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIVIDER]);
}

/**
 * shoebox_profile_view_set_height_ratio:
 * @self: a #ShoeboxProfileView
 * @ratio: the height of the tallest shoe over its length, among every
 *   view that must match this one, or 0
 *
 * Views of the same size given the same ratio draw their shoes at the same
 * length with their soles at the same height.
 */
void
shoebox_profile_view_set_height_ratio (ShoeboxProfileView *self,
                                       double              ratio)
{
  g_return_if_fail (SHOEBOX_IS_PROFILE_VIEW (self));

  if (self->height_ratio == ratio)
    return;

  self->height_ratio = MAX (ratio, 0.0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * shoebox_profile_view_measure_ratio:
 * @profile: a shoe
 *
 * Returns: its height over its length
 */
double
shoebox_profile_view_measure_ratio (const ShoeboxProfile *profile)
{
  g_return_val_if_fail (profile != NULL, 0.0);

  return (double) MAX (profile->box.height, 1) / MAX (profile->box.width, 1);
}

/**
 * shoebox_profile_view_append_outline:
 * @cr: where to draw
 * @outline: (element-type ShoeboxProfilePoint): a shoe's contour, in the
 *   pixels of its photo
 * @placement: where the photo goes
 * @x: the target x of the placement's origin
 * @y: the target y of the placement's origin
 *
 * Adds @outline, placed, to @cr's path, closed, for the caller to stroke.
 */
void
shoebox_profile_view_append_outline (cairo_t                       *cr,
                                     GArray                        *outline,
                                     const ShoeboxProfilePlacement *placement,
                                     double                         x,
                                     double                         y)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (outline != NULL);
  g_return_if_fail (placement != NULL);

  cairo_save (cr);
  cairo_translate (cr, x + placement->x_offset, y + placement->y_offset);
  cairo_scale (cr, placement->mirror ? -placement->scale : placement->scale, placement->scale);

  /* The contour runs along the analysis grid, in steps: drawn through the
   * midpoints of its segments, each corner a curve, it reads as a line.
   */
  for (guint j = 0; j <= outline->len; j++)
    {
      const ShoeboxProfilePoint *p = &g_array_index (outline, ShoeboxProfilePoint, j % outline->len);
      const ShoeboxProfilePoint *next = &g_array_index (outline, ShoeboxProfilePoint, (j + 1) % outline->len);
      double mid_x = (p->x + next->x) / 2;
      double mid_y = (p->y + next->y) / 2;

      if (j == 0)
        {
          cairo_move_to (cr, mid_x, mid_y);
        }
      else
        {
          double from_x, from_y;

          cairo_get_current_point (cr, &from_x, &from_y);
          cairo_curve_to (cr,
                          from_x + 2.0 / 3.0 * (p->x - from_x), from_y + 2.0 / 3.0 * (p->y - from_y),
                          mid_x + 2.0 / 3.0 * (p->x - mid_x), mid_y + 2.0 / 3.0 * (p->y - mid_y),
                          mid_x, mid_y);
        }
    }
  cairo_close_path (cr);
  cairo_restore (cr);
}

/**
 * shoebox_profile_view_get_layer_color:
 * @index: a layer's index
 * @color: (out caller-allocates): the colour of its outline
 */
void
shoebox_profile_view_get_layer_color (guint    index,
                                      GdkRGBA *color)
{
  g_return_if_fail (color != NULL);

  gdk_rgba_parse (color, layer_colors[index % SHOEBOX_PROFILE_VIEW_MAX_LAYERS]);
}
