/* cf-pdf-report.c — A4 reports as PDF
 *
 * A report document (app/cf-report-doc.c) is a list of drawing operations
 * per page, laid out once; this draws them with libharu, as the Cairo
 * report painter draws them on the screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-pdf-report"

#include "config.h"

#include "cf-pdf-report.h"
#include "cf-receipt-doc.h"

/* Cell by cell, as the layout counted them. */
static void
draw_text (HPDF_Page         page,
           HPDF_Font         font,
           const CfReportOp *op,
           double            baseline)
{
  double x = op->x;

  HPDF_Page_SetTextRenderingMode (page, op->bold ? HPDF_FILL_THEN_STROKE : HPDF_FILL);
  HPDF_Page_BeginText (page);
  HPDF_Page_SetFontAndSize (page, font, (HPDF_REAL) op->size);
  for (const char *c = op->text; *c != '\0'; c = g_utf8_next_char (c))
    {
      char one[8];
      gunichar ch = g_utf8_get_char (c);
      int n = g_unichar_to_utf8 (ch, one);

      one[n] = '\0';
      if (ch != ' ')
        HPDF_Page_TextOut (page, (HPDF_REAL) x, (HPDF_REAL) baseline, one);
      x += cf_receipt_char_cells (ch) * op->size / 2;
    }
  HPDF_Page_EndText (page);
}

static void
draw_op (HPDF_Page         page,
         HPDF_Font         font,
         const CfReportOp *op)
{
  double y = CF_REPORT_PAGE_HEIGHT_PT - op->y;   /* PDF's y grows upwards */

  switch (op->kind)
    {
    case CF_REPORT_OP_TEXT:
      draw_text (page, font, op, y);
      break;
    case CF_REPORT_OP_LINE:
      HPDF_Page_MoveTo (page, (HPDF_REAL) op->x, (HPDF_REAL) y);
      HPDF_Page_LineTo (page, (HPDF_REAL) (op->x + op->width), (HPDF_REAL) (y - op->height));
      HPDF_Page_Stroke (page);
      break;
    case CF_REPORT_OP_RECT:
      HPDF_Page_Rectangle (page, (HPDF_REAL) op->x, (HPDF_REAL) (y - op->height),
                           (HPDF_REAL) op->width, (HPDF_REAL) op->height);
      HPDF_Page_Stroke (page);
      break;
    case CF_REPORT_OP_FILL:
      HPDF_Page_SetGrayFill (page, (HPDF_REAL) CF_REPORT_FILL_GREY);
      HPDF_Page_Rectangle (page, (HPDF_REAL) op->x, (HPDF_REAL) (y - op->height),
                           (HPDF_REAL) op->width, (HPDF_REAL) op->height);
      HPDF_Page_Fill (page);
      HPDF_Page_SetGrayFill (page, 0);
      break;
    default:
      break;
    }
}

/**
 * cf_pdf_write_report:
 * @report: an A4 document
 * @path: the PDF to write
 *
 * Draws the document's operations, page by page.
 *
 * Returns: whether the PDF was written whole
 */
gboolean
cf_pdf_write_report (CfReportDoc  *report,
                     const char   *path,
                     GError      **error)
{
  g_autofree char *characters = NULL;
  g_autoptr(CfPdfWriter) writer = NULL;

  g_return_val_if_fail (CF_IS_REPORT_DOC (report), FALSE);

  characters = cf_report_doc_dup_characters (report);
  writer = cf_pdf_writer_new (characters, cf_report_doc_get_title (report), error);
  if (writer == NULL)
    return FALSE;

  for (guint p = 0; p < cf_report_doc_get_n_pages (report) && !cf_pdf_writer_failed (writer); p++)
    {
      GArray *ops = cf_report_doc_get_page (report, p);
      HPDF_Page page = cf_pdf_writer_add_page (writer, CF_REPORT_PAGE_WIDTH_PT, CF_REPORT_PAGE_HEIGHT_PT);

      HPDF_Page_SetLineWidth (page, 0.6f);
      for (guint i = 0; i < ops->len; i++)
        draw_op (page, cf_pdf_writer_get_font (writer), &g_array_index (ops, CfReportOp, i));
    }

  return cf_pdf_writer_save (writer, path, error);
}
