/* shoebox-bar-chart.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-bar-chart"

#include "config.h"

#include "shoebox-bar-chart.h"
#include "shoebox-compat.h"

/* A horizontal bar chart drawn with GtkSnapshot: one row per bar, its
 * label on the left, the bar scaled to the largest value, the value at
 * its end. Colours come from the theme (the widget's colour, and the
 * accent colour), so it follows dark mode and high contrast.
 */

#define ROW_HEIGHT   28
#define BAR_HEIGHT   16
#define LABEL_GAP    12
#define VALUE_GAP    6

typedef struct
{
  char  *label;
  guint  value;
} Bar;

struct _ShoeboxBarChart
{
  GtkWidget  parent_instance;

  GArray    *bars; /* Bar */
};

G_DEFINE_FINAL_TYPE (ShoeboxBarChart, shoebox_bar_chart, GTK_TYPE_WIDGET)

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_clear_pointer (&bar->label, g_free);
}

static void
update_description (ShoeboxBarChart *self)
{
  g_autoptr(GString) description = g_string_new (NULL);

  /* A screen reader reads the figures the bars show. */
  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);

      g_string_append_printf (description, "%s%s: %u", i > 0 ? ", " : "", bar->label, bar->value);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

static int
widest_label (ShoeboxBarChart *self)
{
  int widest = 0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                                      g_array_index (self->bars, Bar, i).label);
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }

  return widest;
}

static void
shoebox_bar_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  ShoeboxBarChart *self = SHOEBOX_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = *natural = (int) self->bars->len * ROW_HEIGHT;
    }
  else
    {
      /* Labels are ellipsized to a third of a narrow width. */
      *minimum = 200;
      *natural = MAX (*minimum, widest_label (self) + LABEL_GAP + 240);
    }
}

static void
shoebox_bar_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  ShoeboxBarChart *self = SHOEBOX_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int label_width = MIN (widest_label (self), width / 3);
  int bar_area;
  guint largest = 1;
  GdkRGBA foreground;
  GdkRGBA accent;

  shoebox_compat_widget_get_color (widget, &foreground);
  shoebox_compat_get_accent_color (widget, &accent);

  for (guint i = 0; i < self->bars->len; i++)
    largest = MAX (largest, g_array_index (self->bars, Bar, i).value);

  bar_area = width - label_width - LABEL_GAP - 48;
  if (bar_area < 1)
    bar_area = 1;

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      g_autoptr(PangoLayout) label = gtk_widget_create_pango_layout (widget, bar->label);
      g_autofree char *value_text = g_strdup_printf ("%u", bar->value);
      g_autoptr(PangoLayout) value = gtk_widget_create_pango_layout (widget, value_text);
      float y = (float) i * ROW_HEIGHT;
      float bar_width = (float) bar_area * bar->value / largest;
      int text_height;

      pango_layout_set_width (label, label_width * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (label, NULL, &text_height);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y + (ROW_HEIGHT - text_height) / 2.0f));
      gtk_snapshot_append_layout (snapshot, label, &foreground);
      gtk_snapshot_restore (snapshot);

      gtk_snapshot_append_color (snapshot, &accent,
                                 &GRAPHENE_RECT_INIT (label_width + LABEL_GAP,
                                                      y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0f,
                                                      MAX (bar_width, 2.0f), BAR_HEIGHT));

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (label_width + LABEL_GAP + MAX (bar_width, 2.0f) + VALUE_GAP,
                                                               y + (ROW_HEIGHT - text_height) / 2.0f));
      gtk_snapshot_append_layout (snapshot, value, &foreground);
      gtk_snapshot_restore (snapshot);
    }
}

static void
shoebox_bar_chart_finalize (GObject *object)
{
  ShoeboxBarChart *self = SHOEBOX_BAR_CHART (object);

  g_clear_pointer (&self->bars, g_array_unref);

  G_OBJECT_CLASS (shoebox_bar_chart_parent_class)->finalize (object);
}

static void
shoebox_bar_chart_class_init (ShoeboxBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = shoebox_bar_chart_finalize;
  widget_class->measure = shoebox_bar_chart_measure;
  widget_class->snapshot = shoebox_bar_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
shoebox_bar_chart_init (ShoeboxBarChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
}

GtkWidget *
shoebox_bar_chart_new (void)
{
  return g_object_new (SHOEBOX_TYPE_BAR_CHART, NULL);
}

void
shoebox_bar_chart_clear (ShoeboxBarChart *self)
{
  g_return_if_fail (SHOEBOX_IS_BAR_CHART (self));

  g_array_set_size (self->bars, 0);
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
shoebox_bar_chart_add_bar (ShoeboxBarChart *self,
                           const char      *label,
                           guint            value)
{
  Bar bar;

  g_return_if_fail (SHOEBOX_IS_BAR_CHART (self));
  g_return_if_fail (label != NULL);

  bar.label = g_strdup (label);
  bar.value = value;
  g_array_append_val (self->bars, bar);
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
shoebox_bar_chart_get_n_bars (ShoeboxBarChart *self)
{
  g_return_val_if_fail (SHOEBOX_IS_BAR_CHART (self), 0);

  return self->bars->len;
}
