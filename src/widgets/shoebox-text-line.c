/* shoebox-text-line.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-text-line"

#include "config.h"

#include <pango/pangocairo.h>

#include "shoebox-compat.h"
#include "shoebox-text-line.h"

/* One line of text, ellipsized at its end, whose size comes from its font
 * and not from its text: the cells of the Collection's grid and list,
 * whose text changes with every key typed and every sort without the
 * views laying out again.
 *
 * That is what GtkInscription does, but GtkInscription (GTK 4.8 to 4.20)
 * asks Pango for the font's metrics at every measure, and Pango itemizes
 * and shapes a sample sentence for each answer: 2,000 times in a launch
 * of the grid with 100,000 pairs, 3,700 in the list, a sixth of the time
 * to the first frame. Here a font's size is measured once per process,
 * and each line keeps it until its own font changes.
 *
 * Like GtkInscription, it names itself with its text for screen readers.
 */

typedef struct
{
  int char_width;   /* Pango units: the wider of an average character and a digit */
  int line_height;
} FontSize;

struct _ShoeboxTextLine
{
  GtkWidget       parent_instance;

  char           *text;
  guint           min_chars;
  guint           nat_chars;
  const FontSize *size;          /* owned by font_sizes() */
  guint           size_serial;   /* of the widget's Pango context, when size was looked up */
  PangoLayout    *layout;        /* made when first drawn */
  guint           layout_serial;
};

G_DEFINE_FINAL_TYPE (ShoeboxTextLine, shoebox_text_line, GTK_TYPE_WIDGET)

/* Every font's size, by its description, resolution, language and font
 * options: a handful in a process, kept for its life. Widgets live on
 * the main thread only.
 */
static GHashTable *
font_sizes (void)
{
  static GHashTable *sizes;

  if (sizes == NULL)
    sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return sizes;
}

static const FontSize *
look_up_font_size (PangoContext *context)
{
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  g_autofree char *font = pango_font_description_to_string (pango_context_get_font_description (context));
  g_autofree char *key = g_strdup_printf ("%s@%g@%s@%lu", font, pango_cairo_context_get_resolution (context),
                                          pango_language_to_string (pango_context_get_language (context)),
                                          options != NULL ? cairo_font_options_hash (options) : 0ul);
  FontSize *size = g_hash_table_lookup (font_sizes (), key);

  if (size == NULL)
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      size = g_new0 (FontSize, 1);
      size->char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                              pango_font_metrics_get_approximate_digit_width (metrics));
      size->line_height = pango_font_metrics_get_height (metrics);
      if (size->line_height == 0)
        size->line_height = pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics);
      pango_font_metrics_unref (metrics);
      g_hash_table_insert (font_sizes (), g_steal_pointer (&key), size);
    }
  return size;
}

/* GTK changes the widget's Pango context in place when its font changes
 * (a style class, the font settings, the scale): its serial says so.
 */
static const FontSize *
get_font_size (ShoeboxTextLine *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (context);

  if (self->size == NULL || serial != self->size_serial)
    {
      self->size = look_up_font_size (context);
      self->size_serial = serial;
    }
  return self->size;
}

static void
shoebox_text_line_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  ShoeboxTextLine *self = SHOEBOX_TEXT_LINE (widget);
  const FontSize *size = get_font_size (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = PANGO_PIXELS_CEIL (self->min_chars * size->char_width);
      *natural = PANGO_PIXELS_CEIL (MAX (self->min_chars, self->nat_chars) * size->char_width);
    }
  else
    {
      *minimum = *natural = PANGO_PIXELS_CEIL (size->line_height);
    }
}

static void
shoebox_text_line_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  ShoeboxTextLine *self = SHOEBOX_TEXT_LINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (widget));
  PangoRectangle logical;
  GdkRGBA color;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return;

  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (widget, self->text);
      /* A line break in the text is drawn as a glyph: one line always. */
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
    }
  else if (serial != self->layout_serial)
    {
      pango_layout_context_changed (self->layout);
    }
  self->layout_serial = serial;
  pango_layout_set_width (self->layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);

  shoebox_compat_widget_get_color (widget, &color);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (height - logical.height) / 2));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
shoebox_text_line_finalize (GObject *object)
{
  ShoeboxTextLine *self = SHOEBOX_TEXT_LINE (object);

  g_free (self->text);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (shoebox_text_line_parent_class)->finalize (object);
}

static void
shoebox_text_line_class_init (ShoeboxTextLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = shoebox_text_line_finalize;
  widget_class->measure = shoebox_text_line_measure;
  widget_class->snapshot = shoebox_text_line_snapshot;

  /* Styled as the labels it stands for. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
shoebox_text_line_init (ShoeboxTextLine *self)
{
}

GtkWidget *
shoebox_text_line_new (void)
{
  return g_object_new (SHOEBOX_TYPE_TEXT_LINE, NULL);
}

/**
 * shoebox_text_line_get_text:
 * @self: a #ShoeboxTextLine
 *
 * Returns: (nullable): the text shown
 */
const char *
shoebox_text_line_get_text (ShoeboxTextLine *self)
{
  g_return_val_if_fail (SHOEBOX_IS_TEXT_LINE (self), NULL);

  return self->text;
}

/**
 * shoebox_text_line_set_text:
 * @self: a #ShoeboxTextLine
 * @text: (nullable): the text to show
 *
 * Shows @text without changing the widget's size: it is drawn again, not
 * laid out.
 */
void
shoebox_text_line_set_text (ShoeboxTextLine *self,
                            const char      *text)
{
  g_return_if_fail (SHOEBOX_IS_TEXT_LINE (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text != NULL ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text != NULL ? text : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * shoebox_text_line_set_chars:
 * @self: a #ShoeboxTextLine
 * @min_chars: the width it needs, in average characters
 * @nat_chars: the width it asks for, in average characters
 *
 * Its width, whatever its text; by default it asks for none.
 */
void
shoebox_text_line_set_chars (ShoeboxTextLine *self,
                             guint            min_chars,
                             guint            nat_chars)
{
  g_return_if_fail (SHOEBOX_IS_TEXT_LINE (self));

  self->min_chars = min_chars;
  self->nat_chars = nat_chars;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
