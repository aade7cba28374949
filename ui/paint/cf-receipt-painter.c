/* cf-receipt-painter.c — a slip drawn with Cairo and Pango, cell by cell
 *
 * The same geometry as the PDF writer (cf-receipt-doc.h): each character at
 * its grid cell, on its baseline, in WenQuanYi Zen Hei Mono; bold as fill
 * and stroke, as libharu does it. Pango is told not to hint or round, so its
 * advances are the font's own (docs/HACKING.md). One unit of the cairo context
 * is one point: the preview scales it, printing and tests draw it as is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <pango/pangocairo.h>

#include "cf-receipt-painter.h"

#define RECEIPT_FAMILY "WenQuanYi Zen Hei Mono"

/**
 * cf_receipt_painter_get_size:
 * @width_pt: (out): the slip's width in points
 * @height_pt: (out): its height
 */
void
cf_receipt_painter_get_size (CfReceiptDoc *doc,
                             double       *width_pt,
                             double       *height_pt)
{
  *width_pt = cf_receipt_doc_get_width_pt (doc);
  *height_pt = cf_receipt_doc_get_height_pt (doc);
}

/**
 * cf_receipt_painter_new_layout:
 * @size: the font size in points
 *
 * Returns: (transfer full): a layout in the slip font whose advances are the
 *   font's own, unhinted, as the PDF writer places glyphs
 */
PangoLayout *
cf_receipt_painter_new_layout (cairo_t *cr,
                               double   size)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoFontDescription *desc = pango_font_description_from_string (RECEIPT_FAMILY);
  PangoLayout *layout;

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_cairo_update_context (cr, context);

  layout = pango_layout_new (context);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);

  pango_font_description_free (desc);
  cairo_font_options_destroy (options);
  g_object_unref (context);  /* the layout keeps it */
  return layout;
}

typedef struct
{
  cairo_t     *cr;
  PangoLayout *layout;
  gboolean     bold;
  double       stroke;
} LineTarget;

static void
glyph_cb (const char *glyph,
          gsize       len,
          double      x,
          double      baseline,
          gpointer    user_data)
{
  LineTarget *t = user_data;
  PangoLayoutLine *layout_line;

  pango_layout_set_text (t->layout, glyph, (int) len);
  layout_line = pango_layout_get_line_readonly (t->layout, 0);
  cairo_move_to (t->cr, x, baseline);
  pango_cairo_show_layout_line (t->cr, layout_line);
  if (t->bold)
    {
      /* Text, so that a printed-to-PDF slip can be searched, then its
       * outline stroked: the same fill-then-stroke as libharu's. */
      cairo_move_to (t->cr, x, baseline);
      pango_cairo_layout_line_path (t->cr, layout_line);
      cairo_set_line_width (t->cr, t->stroke);
      cairo_stroke (t->cr);
    }
}

static void
rect_cb (double   x,
         double   y,
         double   width,
         double   height,
         gpointer user_data)
{
  cairo_rectangle (user_data, x, y, width, height);
}

/**
 * cf_receipt_painter_draw:
 * @cr: a context whose unit is a point, origin at the slip's top left
 *
 * Draws the slip on white paper.
 */
void
cf_receipt_painter_draw (CfReceiptDoc *doc,
                         cairo_t      *cr)
{
  g_autoptr(PangoLayout) normal = NULL;
  g_autoptr(PangoLayout) doubled = NULL;
  double width, height;
  guint n = cf_receipt_doc_get_n_lines (doc);

  cf_receipt_painter_get_size (doc, &width, &height);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  normal = cf_receipt_painter_new_layout (cr, CF_RECEIPT_FONT_PT);
  doubled = cf_receipt_painter_new_layout (cr, 2 * CF_RECEIPT_FONT_PT);

  for (guint i = 0; i < n; i++)
    {
      const CfReceiptLine *line = cf_receipt_doc_get_line (doc, i);

      if (line->kind == CF_RECEIPT_LINE_QR)
        {
          cf_receipt_doc_foreach_qr_module (doc, line, rect_cb, cr);
          cairo_fill (cr);
        }
      else
        {
          LineTarget target = { cr, line->style & CF_RECEIPT_DOUBLE ? doubled : normal,
                                (line->style & CF_RECEIPT_BOLD) != 0,
                                CF_RECEIPT_BOLD_STROKE_PT * cf_receipt_line_get_font_pt (line) / CF_RECEIPT_FONT_PT };
          cf_receipt_line_foreach_glyph (line, glyph_cb, &target);
        }
    }
  cairo_restore (cr);
}
