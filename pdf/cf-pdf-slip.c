/* cf-pdf-slip.c — slips as PDF, one page each
 *
 * Each page is as wide as the paper and as tall as its slip. Where every
 * character and every QR module goes was decided by the slip's document
 * (app/cf-receipt-doc.c); this only puts them on the page, as the Cairo
 * painter puts them on the screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-pdf-slip"

#include "config.h"

#include <string.h>

#include "cf-pdf-slip.h"

typedef struct
{
  HPDF_Page page;
  double    page_height;   /* PDF's y grows upwards */
} PageTarget;

static void
glyph_cb (const char *glyph,
          gsize       len,
          double      x,
          double      baseline,
          gpointer    user_data)
{
  PageTarget *target = user_data;
  char one[8];

  memcpy (one, glyph, len);
  one[len] = '\0';
  HPDF_Page_TextOut (target->page, (HPDF_REAL) x, (HPDF_REAL) (target->page_height - baseline), one);
}

static void
rect_cb (double   x,
         double   y,
         double   width,
         double   height,
         gpointer user_data)
{
  PageTarget *target = user_data;

  HPDF_Page_Rectangle (target->page, (HPDF_REAL) x, (HPDF_REAL) (target->page_height - y - height),
                       (HPDF_REAL) width, (HPDF_REAL) height);
}

static void
draw_text_line (PageTarget          *target,
                HPDF_Font            font,
                const CfReceiptLine *line)
{
  double size = cf_receipt_line_get_font_pt (line);

  if (line->style & CF_RECEIPT_BOLD)
    {
      HPDF_Page_SetLineWidth (target->page, (HPDF_REAL) (CF_RECEIPT_BOLD_STROKE_PT * size / CF_RECEIPT_FONT_PT));
      HPDF_Page_SetTextRenderingMode (target->page, HPDF_FILL_THEN_STROKE);
    }
  else
    HPDF_Page_SetTextRenderingMode (target->page, HPDF_FILL);

  HPDF_Page_BeginText (target->page);
  HPDF_Page_SetFontAndSize (target->page, font, (HPDF_REAL) size);
  cf_receipt_line_foreach_glyph (line, glyph_cb, target);
  HPDF_Page_EndText (target->page);
}

static void
draw_slip (CfPdfWriter  *writer,
           CfReceiptDoc *doc)
{
  PageTarget target;
  guint n = cf_receipt_doc_get_n_lines (doc);

  target.page_height = cf_receipt_doc_get_height_pt (doc);
  target.page = cf_pdf_writer_add_page (writer, cf_receipt_doc_get_width_pt (doc), target.page_height);

  for (guint i = 0; i < n; i++)
    {
      const CfReceiptLine *line = cf_receipt_doc_get_line (doc, i);

      if (line->kind == CF_RECEIPT_LINE_QR)
        {
          cf_receipt_doc_foreach_qr_module (doc, line, rect_cb, &target);
          HPDF_Page_Fill (target.page);
        }
      else
        draw_text_line (&target, cf_pdf_writer_get_font (writer), line);
    }
}

/**
 * cf_pdf_write_slips:
 * @docs: (element-type CfReceiptDoc): the slips, a page each
 * @path: the PDF to write
 *
 * Returns: whether the PDF was written whole
 */
gboolean
cf_pdf_write_slips (GPtrArray   *docs,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GString) characters = g_string_new ("-");
  g_autoptr(CfPdfWriter) writer = NULL;

  g_return_val_if_fail (docs != NULL && docs->len > 0, FALSE);

  for (guint i = 0; i < docs->len; i++)
    {
      g_autofree char *chars = cf_receipt_doc_dup_characters (g_ptr_array_index (docs, i));
      g_string_append (characters, chars);
    }
  writer = cf_pdf_writer_new (characters->str, docs->len == 1 ? "Duplicate slip" : "Duplicate slips", error);
  if (writer == NULL)
    return FALSE;

  for (guint d = 0; d < docs->len && !cf_pdf_writer_failed (writer); d++)
    draw_slip (writer, g_ptr_array_index (docs, d));

  return cf_pdf_writer_save (writer, path, error);
}
