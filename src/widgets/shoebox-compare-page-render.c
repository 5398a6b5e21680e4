/* shoebox-compare-page-render.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-compare-page"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "shoebox-compare-page-private.h"

/* The comparison as an image to share, drawn with cairo rather than
 * snapshotted from the widgets: a title, the aligned profiles at the
 * resolution of their photos (a column is 1,100 px wide), the current
 * mode, and the spec table with its differences marked. No buttons, no
 * scroll position, the same picture whatever the window's size. Always in
 * the light style: it is read outside the app.
 */

#define MARGIN         72.0
#define LABEL_WIDTH    360.0
#define COLUMN_WIDTH   1100.0
#define GAP            40.0
#define CROP_MARGIN    0.04
#define CELL_PADDING   14.0
#define TITLE_FONT     "Sans Bold 44"
#define HEADING_FONT   "Sans Bold 22"
#define TEXT_FONT      "Sans 18"
#define BOLD_FONT      "Sans Bold 18"
/* Overlay and Outline: one drawing, never longer than this. */
#define MAX_OVERLAY_LENGTH 1800.0

typedef struct
{
  double r, g, b, a;
} Colour;

/* libadwaita's light palette: window background, text, accent. */
static const Colour background = { 0.98, 0.98, 0.98, 1.0 };
static const Colour text = { 0.0, 0.0, 0.0, 0.8 };
static const Colour dim = { 0.0, 0.0, 0.0, 0.5 };
static const Colour accent = { 0.11, 0.44, 0.85, 1.0 };
static const Colour rule = { 0.0, 0.0, 0.0, 0.08 };

static void
set_colour (cairo_t      *cr,
            const Colour *colour)
{
  cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, colour->a);
}

/* A name as a title says it: a silhouette's own name, without its brand
 * ("Runner"), a pair's as the app names it.
 */
static const char *
short_name (Item *item)
{
  if (item->kind == ITEM_SILHOUETTE && item->silhouette != NULL)
    return shoebox_silhouette_get_name (item->silhouette);

  return item->name;
}

/**
 * _shoebox_compare_page_dup_title:
 * @self: a #ShoeboxComparePage
 *
 * Returns: (transfer full): the comparison's title, "Runner vs Phantom"
 */
char *
_shoebox_compare_page_dup_title (ShoeboxComparePage *self)
{
  GString *title = g_string_new (NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      if (i > 0)
        /* Translators: between the items of a comparison's title, "Runner vs Phantom" */
        g_string_append (title, _(" vs "));
      g_string_append (title, short_name (g_ptr_array_index (self->items, i)));
    }

  return g_string_free (title, FALSE);
}

static PangoLayout *
new_layout (cairo_t    *cr,
            const char *font,
            const char *content,
            double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, content != NULL ? content : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }

  return layout;
}

/* Draws @content at (@x, @y) unless @cr is only measuring; returns its
 * height.
 */
static double
draw_text (cairo_t      *cr,
           gboolean      measuring,
           const char   *font,
           const Colour *colour,
           const char   *content,
           double        x,
           double        y,
           double        width)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, font, content, width);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  if (!measuring)
    {
      cairo_move_to (cr, x, y);
      set_colour (cr, colour);
      pango_cairo_show_layout (cr, layout);
    }

  return height;
}

static cairo_surface_t *
surface_for_texture (GdkTexture *texture)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         gdk_texture_get_width (texture),
                                                         gdk_texture_get_height (texture));

  gdk_texture_download (texture, cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  return surface;
}

typedef struct
{
  guint                   n;
  Item                   *items[SHOEBOX_PROFILE_VIEW_MAX_LAYERS];
  ShoeboxProfilePlacement placements[SHOEBOX_PROFILE_VIEW_MAX_LAYERS];
  double                  length;
  double                  baseline;
} Placed;

/* Every item with a photo, placed at @length on one baseline. */
static void
place_items (ShoeboxComparePage *self,
             guint               max_items,
             double              length,
             Placed             *placed)
{
  ShoeboxProfile profiles[SHOEBOX_PROFILE_VIEW_MAX_LAYERS];

  placed->n = 0;
  for (guint i = 0; i < self->items->len && placed->n < max_items; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->result == NULL || item->result->texture == NULL)
        continue;
      _shoebox_compare_page_get_item_profile (item, &profiles[placed->n]);
      placed->items[placed->n++] = item;
    }

  placed->length = length;
  placed->baseline = placed->n > 0 ? shoebox_profile_align_place (profiles, placed->n, length,
                                                                  SHOEBOX_PROFILE_TOE_LEFT, placed->placements)
                                   : 0.42 * length;
}

static void
draw_photo (cairo_t                       *cr,
            Item                          *item,
            const ShoeboxProfilePlacement *placement,
            double                         x0,
            double                         sole_y,
            double                         baseline,
            double                         length,
            double                         alpha)
{
  cairo_surface_t *surface = surface_for_texture (item->result->texture);
  double box_height = placement->scale * MAX (item->result->profile.box.height, 1);
  double margin = CROP_MARGIN * length;

  cairo_save (cr);
  cairo_rectangle (cr, x0 - margin, sole_y - box_height - margin, length + 2 * margin, box_height + 2 * margin);
  cairo_clip (cr);
  cairo_translate (cr, x0 + placement->x_offset, sole_y - baseline + placement->y_offset);
  cairo_scale (cr, placement->mirror ? -placement->scale : placement->scale, placement->scale);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint_with_alpha (cr, alpha);
  cairo_restore (cr);
  cairo_surface_destroy (surface);
}

static void
draw_outline (cairo_t                       *cr,
              Item                          *item,
              const ShoeboxProfilePlacement *placement,
              double                         x0,
              double                         sole_y,
              double                         baseline,
              guint                          index)
{
  GArray *outline = item->result->outline;
  GdkRGBA colour;

  if (outline == NULL || outline->len < 2)
    return;

  shoebox_profile_view_append_outline (cr, outline, placement, x0, sole_y - baseline);
  shoebox_profile_view_get_layer_color (index, &colour);
  gdk_cairo_set_source_rgba (cr, &colour);
  cairo_set_line_width (cr, 5.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

static double
column_x (guint index)
{
  return MARGIN + LABEL_WIDTH + index * (COLUMN_WIDTH + GAP);
}

/* The profiles, from @top; returns their height. */
static double
draw_profiles (ShoeboxComparePage *self,
               cairo_t            *cr,
               gboolean            measuring,
               double              top,
               double              content_width)
{
  gboolean overlay = g_strcmp0 (self->mode, "overlay") == 0;
  gboolean outline = g_strcmp0 (self->mode, "outline") == 0;
  Placed placed;
  double length;
  double sole_y;

  if (!overlay && !outline)
    {
      length = COLUMN_WIDTH / (1 + 2 * CROP_MARGIN);
      place_items (self, SHOEBOX_PROFILE_VIEW_MAX_LAYERS, length, &placed);
      sole_y = top + CROP_MARGIN * length + placed.baseline;
      if (measuring)
        return sole_y + CROP_MARGIN * length - top;

      for (guint i = 0, p = 0; i < self->items->len; i++)
        {
          Item *item = g_ptr_array_index (self->items, i);
          double x0 = column_x (i) + CROP_MARGIN * length;

          if (p < placed.n && placed.items[p] == item)
            {
              draw_photo (cr, item, &placed.placements[p], x0, sole_y, placed.baseline, length, 1.0);
              p++;
            }
          else
            {
              draw_text (cr, FALSE, TEXT_FONT, &dim,
                         item->kind == ITEM_PAIR ? _("No Side-Profile Photo") : _("No Photo of This Silhouette"),
                         column_x (i), sole_y - placed.baseline / 2, COLUMN_WIDTH);
            }
        }
      return sole_y + CROP_MARGIN * length - top;
    }

  length = MIN (content_width / (1 + 2 * CROP_MARGIN), MAX_OVERLAY_LENGTH);
  place_items (self, overlay ? 2 : SHOEBOX_PROFILE_VIEW_MAX_LAYERS, length, &placed);
  sole_y = top + CROP_MARGIN * length + placed.baseline;
  if (measuring)
    return sole_y + CROP_MARGIN * length - top;

  {
    double x0 = column_x (0) + (content_width - length) / 2;

    cairo_save (cr);
    set_colour (cr, &rule);
    cairo_rectangle (cr, column_x (0), sole_y, content_width, 2);
    cairo_fill (cr);
    cairo_restore (cr);

    for (guint p = 0; p < placed.n; p++)
      {
        if (outline)
          {
            draw_outline (cr, placed.items[p], &placed.placements[p], x0, sole_y, placed.baseline, p);
          }
        else
          {
            double opacity = p == 0 ? 1.0 : shoebox_profile_view_get_overlay_opacity (self->overlay_view);
            double divider = shoebox_profile_view_get_divider (self->overlay_view);

            cairo_save (cr);
            if (p > 0)
              {
                cairo_rectangle (cr, 0, top, column_x (0) + divider * content_width, sole_y + length);
                cairo_clip (cr);
              }
            draw_photo (cr, placed.items[p], &placed.placements[p], x0, sole_y, placed.baseline, length, opacity);
            cairo_restore (cr);
          }
      }
  }

  return sole_y + CROP_MARGIN * length - top;
}

/* Each column's name above its profile, in its outline colour in Overlay
 * and Outline so the names are the legend; returns the height.
 */
static double
draw_headings (ShoeboxComparePage *self,
               cairo_t            *cr,
               gboolean            measuring,
               double              top)
{
  gboolean coloured = g_strcmp0 (self->mode, "side-by-side") != 0;
  double height = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      Colour colour = text;

      if (coloured && i < SHOEBOX_PROFILE_VIEW_MAX_LAYERS
          && (g_strcmp0 (self->mode, "outline") == 0 || i < 2))
        {
          GdkRGBA rgba;

          shoebox_profile_view_get_layer_color (i, &rgba);
          colour = (Colour) { rgba.red, rgba.green, rgba.blue, 1.0 };
        }
      height = MAX (height, draw_text (cr, measuring, HEADING_FONT, &colour, item->name,
                                       column_x (i), top, COLUMN_WIDTH));
    }

  return height;
}

/* The table, from @top; returns its height. */
static double
draw_table (ShoeboxComparePage *self,
            cairo_t            *cr,
            gboolean            measuring,
            double              top,
            double              content_width)
{
  double y = top;

  for (Row row = 0; row < N_ROWS; row++)
    {
      gboolean differs = _shoebox_compare_page_row_differs (self, row);
      double height;

      if (!differs && self->only_differences)
        continue;

      height = draw_text (cr, TRUE, differs ? BOLD_FONT : TEXT_FONT, &text,
                          _shoebox_compare_page_row_title (row), 0, 0, LABEL_WIDTH - 2 * CELL_PADDING);
      for (guint i = 0; i < self->items->len; i++)
        {
          Item *item = g_ptr_array_index (self->items, i);

          height = MAX (height, draw_text (cr, TRUE, TEXT_FONT, &text, item->values[row], 0, 0,
                                           COLUMN_WIDTH - 2 * CELL_PADDING));
        }
      height += 2 * CELL_PADDING;

      if (!measuring)
        {
          /* The same marking as on the page: an accent bar at the row's
           * start, its title undimmed and bold.
           */
          set_colour (cr, &rule);
          cairo_rectangle (cr, MARGIN, y + height - 1, LABEL_WIDTH + content_width, 1);
          cairo_fill (cr);
          if (differs)
            {
              set_colour (cr, &accent);
              cairo_rectangle (cr, MARGIN, y + CELL_PADDING / 2, 5, height - CELL_PADDING);
              cairo_fill (cr);
            }
          draw_text (cr, FALSE, differs ? BOLD_FONT : TEXT_FONT, differs ? &text : &dim,
                     _shoebox_compare_page_row_title (row), MARGIN + CELL_PADDING + 6, y + CELL_PADDING,
                     LABEL_WIDTH - 2 * CELL_PADDING);
          for (guint i = 0; i < self->items->len; i++)
            {
              Item *item = g_ptr_array_index (self->items, i);

              draw_text (cr, FALSE, TEXT_FONT, &text, item->values[row], column_x (i) + CELL_PADDING,
                         y + CELL_PADDING, COLUMN_WIDTH - 2 * CELL_PADDING);
            }
        }
      y += height;
    }

  return y - top;
}

/* The whole picture; returns its height. */
static double
draw_all (ShoeboxComparePage *self,
          cairo_t            *cr,
          gboolean            measuring,
          double              width)
{
  g_autofree char *title = _shoebox_compare_page_dup_title (self);
  double content_width = width - 2 * MARGIN - LABEL_WIDTH;
  double y = MARGIN;

  y += draw_text (cr, measuring, TITLE_FONT, &text, title, MARGIN, y, width - 2 * MARGIN);
  y += GAP;
  y += draw_headings (self, cr, measuring, y);
  y += draw_profiles (self, cr, measuring, y, content_width);
  y += GAP;
  y += draw_table (self, cr, measuring, y, content_width);

  return y + MARGIN;
}

/**
 * _shoebox_compare_page_render_image:
 * @self: a #ShoeboxComparePage with items
 *
 * Returns: (transfer full): the comparison drawn as an image to share
 */
GdkTexture *
_shoebox_compare_page_render_image (ShoeboxComparePage *self)
{
  double width = 2 * MARGIN + LABEL_WIDTH + MAX (self->items->len, 1) * (COLUMN_WIDTH + GAP) - GAP;
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (scratch);
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  double height;
  int stride;

  height = draw_all (self, cr, TRUE, width);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cr = cairo_create (surface);
  set_colour (cr, &background);
  cairo_paint (cr);
  draw_all (self, cr, FALSE, width);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* cairo's ARGB32 is GDK's default memory format. */
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * (int) height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new ((int) width, (int) height, GDK_MEMORY_DEFAULT, bytes, stride);
}
