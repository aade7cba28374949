/* cf-report-painter.c — an A4 report page drawn with Cairo and Pango
 *
 * The operations CfReportDoc laid out, drawn as the PDF writer draws them:
 * text character by character at its cells in the slip font, bold as fill
 * then a 0.6 pt stroke, lines and boxes 0.6 pt wide, bars in the same grey.
 * One unit of the context is one point, origin at the page's top left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <pango/pangocairo.h>

#include "cf-receipt-doc.h"
#include "cf-receipt-painter.h"
#include "cf-report-painter.h"

#define LINE_WIDTH_PT 0.6

static void
draw_text (cairo_t          *cr,
           GHashTable       *layouts,
           const CfReportOp *op)
{
  PangoLayout *layout = g_hash_table_lookup (layouts, &op->size);
  double x = op->x;

  if (layout == NULL)
    {
      layout = cf_receipt_painter_new_layout (cr, op->size);
      g_hash_table_insert (layouts, (gpointer) &op->size, layout);
    }
  for (const char *c = op->text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);
      PangoLayoutLine *line;

      if (ch != ' ')
        {
          pango_layout_set_text (layout, c, (int) (g_utf8_next_char (c) - c));
          line = pango_layout_get_line_readonly (layout, 0);
          cairo_move_to (cr, x, op->y);
          pango_cairo_show_layout_line (cr, line);
          if (op->bold)
            {
              cairo_move_to (cr, x, op->y);
              pango_cairo_layout_line_path (cr, line);
              cairo_stroke (cr);
            }
        }
      x += cf_receipt_char_cells (ch) * op->size / 2;
    }
}

/**
 * cf_report_painter_draw_page:
 * @cr: a context whose unit is a point, origin at the page's top left
 *
 * Draws @page of @doc on white paper.
 */
void
cf_report_painter_draw_page (CfReportDoc *doc,
                             guint        page,
                             cairo_t     *cr)
{
  g_autoptr(GHashTable) layouts = g_hash_table_new_full (g_double_hash, g_double_equal, NULL, g_object_unref);
  GArray *ops;

  g_return_if_fail (page < cf_report_doc_get_n_pages (doc));
  ops = cf_report_doc_get_page (doc, page);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, CF_REPORT_PAGE_WIDTH_PT, CF_REPORT_PAGE_HEIGHT_PT);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, LINE_WIDTH_PT);

  for (guint i = 0; i < ops->len; i++)
    {
      const CfReportOp *op = &g_array_index (ops, CfReportOp, i);

      switch (op->kind)
        {
        case CF_REPORT_OP_TEXT:
          draw_text (cr, layouts, op);
          break;
        case CF_REPORT_OP_LINE:
          cairo_move_to (cr, op->x, op->y);
          cairo_line_to (cr, op->x + op->width, op->y + op->height);
          cairo_stroke (cr);
          break;
        case CF_REPORT_OP_RECT:
          cairo_rectangle (cr, op->x, op->y, op->width, op->height);
          cairo_stroke (cr);
          break;
        case CF_REPORT_OP_FILL:
          cairo_set_source_rgb (cr, CF_REPORT_FILL_GREY, CF_REPORT_FILL_GREY, CF_REPORT_FILL_GREY);
          cairo_rectangle (cr, op->x, op->y, op->width, op->height);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
          break;
        default:
          break;
        }
    }
  cairo_restore (cr);
}
