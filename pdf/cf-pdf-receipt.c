/* cf-pdf-receipt.c — slips as PDF through libharu, one page each
 *
 * Each page is as wide as the paper and as tall as its slip. Every character
 * is drawn at its grid cell, as the Cairo painter draws it, with WenQuanYi
 * Zen Hei Mono — a TrueType face libharu embeds correctly (docs/HACKING.md) —
 * subset with HarfBuzz to the characters the slips use, so that a slip is a
 * few kilobytes, not half a megabyte.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-pdf-receipt"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <hb-subset.h>
#include <hpdf.h>
#include <hpdf_font.h>
#include <stdio.h>
#include <string.h>

#include "cf-partial-file.h"
#include "cf-pdf-receipt.h"
#include "cf-qr-code.h"
#include "cf-receipt-doc.h"
#include "cf-report-doc.h"

#define RECEIPT_FAMILY "WenQuanYi Zen Hei Mono"

G_DEFINE_QUARK (cf-pdf-error-quark, cf_pdf_error)

/**
 * cf_pdf_find_receipt_font:
 * @path: (out) (transfer full): the font file
 * @index: (out): the face in it
 *
 * Finds WenQuanYi Zen Hei Mono through fontconfig, or the face named by
 * `COUNTERFOIL_RECEIPT_FONT=FILE:INDEX`.
 */
gboolean
cf_pdf_find_receipt_font (char   **path,
                          int     *index,
                          GError **error)
{
  const char *override = g_getenv ("COUNTERFOIL_RECEIPT_FONT");
  FcPattern *pattern;
  FcPattern *match;
  FcResult result;
  FcChar8 *file = NULL;
  char *family = NULL;
  gboolean found = FALSE;

  if (override != NULL)
    {
      const char *colon = strrchr (override, ':');
      *path = colon != NULL ? g_strndup (override, (gsize) (colon - override)) : g_strdup (override);
      *index = colon != NULL ? atoi (colon + 1) : 0;
      return TRUE;
    }

  pattern = FcNameParse ((const FcChar8 *) RECEIPT_FAMILY);
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);
  if (match != NULL &&
      FcPatternGetString (match, FC_FAMILY, 0, (FcChar8 **) &family) == FcResultMatch &&
      g_str_has_prefix (family, RECEIPT_FAMILY) &&
      FcPatternGetString (match, FC_FILE, 0, &file) == FcResultMatch &&
      FcPatternGetInteger (match, FC_INDEX, 0, index) == FcResultMatch)
    {
      *path = g_strdup ((const char *) file);
      found = TRUE;
    }
  if (match != NULL)
    FcPatternDestroy (match);
  FcPatternDestroy (pattern);

  if (!found)
    g_set_error (error, CF_PDF_ERROR, CF_PDF_ERROR_FONT,
                 _("The slip font “%s” is not installed (Debian package fonts-wqy-zenhei)"), RECEIPT_FAMILY);
  return found;
}

/* The face, cut down to @characters, written to a temporary TrueType file. */
static char *
write_subset (const char  *font_path,
              int          index,
              const char  *characters,
              GError     **error)
{
  hb_blob_t *blob = hb_blob_create_from_file_or_fail (font_path);
  hb_face_t *face;
  hb_subset_input_t *input;
  hb_face_t *subset;
  hb_blob_t *subset_blob;
  const char *data;
  unsigned int len;
  char *tmp_path = NULL;
  int fd;

  if (blob == NULL)
    {
      g_set_error (error, CF_PDF_ERROR, CF_PDF_ERROR_FONT, _("Cannot read the font %s"), font_path);
      return NULL;
    }
  face = hb_face_create (blob, (unsigned int) index);
  hb_blob_destroy (blob);
  input = hb_subset_input_create_or_fail ();
  /* Hinting is for screens at small sizes; a PDF is scaled by its viewer. */
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_NO_HINTING);
  /* Each character is placed at its cell: no shaping, no vertical metrics,
   * no bitmaps for screens. */
  {
    static const char *const dropped[] = { "GSUB", "GPOS", "GDEF", "kern", "vhea", "vmtx", "BASE", "morx", "gasp",
                                           "hdmx", "LTSH", "VDMX", "DSIG", "EBDT", "EBLC", "EBSC" };
    hb_set_t *drop = hb_subset_input_set (input, HB_SUBSET_SETS_DROP_TABLE_TAG);

    for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
      hb_set_add (drop, hb_tag_from_string (dropped[i], -1));
  }
  for (const char *p = characters; *p != '\0'; p = g_utf8_next_char (p))
    hb_set_add (hb_subset_input_unicode_set (input), g_utf8_get_char (p));
  subset = hb_subset_or_fail (face, input);
  hb_subset_input_destroy (input);
  hb_face_destroy (face);
  if (subset == NULL)
    {
      g_set_error (error, CF_PDF_ERROR, CF_PDF_ERROR_FONT, _("Cannot subset the font %s"), font_path);
      return NULL;
    }
  subset_blob = hb_face_reference_blob (subset);
  data = hb_blob_get_data (subset_blob, &len);

  fd = g_file_open_tmp ("counterfoil-font-XXXXXX.ttf", &tmp_path, error);
  if (fd >= 0)
    {
      close (fd);
      if (!g_file_set_contents (tmp_path, data, len, error))
        g_clear_pointer (&tmp_path, g_free);
    }
  hb_blob_destroy (subset_blob);
  hb_face_destroy (subset);
  return tmp_path;
}

typedef struct
{
  HPDF_STATUS  status;
  HPDF_STATUS  detail;
} HaruError;

static void
haru_error_cb (HPDF_STATUS error_no,
               HPDF_STATUS detail_no,
               void       *user_data)
{
  HaruError *e = user_data;

  if (e->status == 0)
    {
      e->status = error_no;
      e->detail = detail_no;
    }
}

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
draw_line (PageTarget          *target,
           HPDF_Font            font,
           const CfReceiptLine *line,
           double               top)
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
  cf_receipt_line_foreach_glyph (line, top, glyph_cb, target);
  HPDF_Page_EndText (target->page);
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
draw_qr (PageTarget   *target,
         CfReceiptDoc *doc,
         CfQrCode     *qr,
         double        top)
{
  double side = qr->width * CF_RECEIPT_QR_MODULE_PT;

  cf_qr_code_foreach_rect (qr, (cf_receipt_doc_get_width_pt (doc) - side) / 2, top + 2 * CF_RECEIPT_QR_MODULE_PT,
                           CF_RECEIPT_QR_MODULE_PT, rect_cb, target);
  HPDF_Page_Fill (target->page);
}

static int
compare_code_points (gconstpointer a,
                     gconstpointer b)
{
  gunichar x = *(const gunichar *) a;
  gunichar y = *(const gunichar *) b;

  return x < y ? -1 : x > y;
}

/* libharu gives its UTF-8 fonts the encoding's own CMap as ToUnicode: a
 * `begincidrange` that maps codes to themselves, which readers reject (and
 * so cannot extract or search the text). With Identity-H and libharu's
 * UTF-8 encoder a code is the character's BMP code point, so the right map
 * sends each code used to that same character: `beginbfchar` blocks of at
 * most 100, as the PDF specification allows. */
static gboolean
write_to_unicode (HPDF_Font   font,
                  const char *characters)
{
  HPDF_FontAttr attr = (HPDF_FontAttr) font->attr;
  g_autoptr(GArray) codes = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) cmap = g_string_new (NULL);

  if (attr == NULL || attr->cmap_stream == NULL || attr->cmap_stream->stream == NULL)
    return FALSE;
  for (const char *p = characters; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0x20 && c <= 0xFFFF && (c < 0xD800 || c > 0xDFFF) &&
          !g_hash_table_contains (seen, GUINT_TO_POINTER (c)))
        {
          g_hash_table_add (seen, GUINT_TO_POINTER (c));
          g_array_append_val (codes, c);
        }
    }
  g_array_sort (codes, compare_code_points);

  g_string_append (cmap,
                   "/CIDInit /ProcSet findresource begin\n"
                   "12 dict begin\n"
                   "begincmap\n"
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                   "/CMapName /Adobe-Identity-UCS def\n"
                   "/CMapType 2 def\n"
                   "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  for (guint i = 0; i < codes->len; i += 100)
    {
      guint n = MIN (100, codes->len - i);

      g_string_append_printf (cmap, "%u beginbfchar\n", n);
      for (guint k = i; k < i + n; k++)
        g_string_append_printf (cmap, "<%04X> <%04X>\n", g_array_index (codes, gunichar, k),
                                g_array_index (codes, gunichar, k));
      g_string_append (cmap, "endbfchar\n");
    }
  g_string_append (cmap, "endcmap\n"
                         "CMapName currentdict /CMap defineresource pop\n"
                         "end\n"
                         "end\n");

  HPDF_MemStream_FreeData (attr->cmap_stream->stream);
  return HPDF_Stream_WriteStr (attr->cmap_stream->stream, cmap->str) == HPDF_OK;
}

/* Title, author, producer and dates, as every reader's document properties show them. */
static void
set_metadata (HPDF_Doc    pdf,
              const char *title)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GTimeSpan offset = g_date_time_get_utc_offset (now) / G_TIME_SPAN_MINUTE;
  HPDF_Date date = {
    g_date_time_get_year (now), g_date_time_get_month (now), g_date_time_get_day_of_month (now),
    g_date_time_get_hour (now), g_date_time_get_minute (now), g_date_time_get_second (now),
    offset > 0 ? '+' : offset < 0 ? '-' : 'Z', (HPDF_INT) (ABS (offset) / 60), (HPDF_INT) (ABS (offset) % 60),
  };

  HPDF_SetInfoAttr (pdf, HPDF_INFO_TITLE, title);
  HPDF_SetInfoAttr (pdf, HPDF_INFO_AUTHOR, "Counterfoil");
  HPDF_SetInfoAttr (pdf, HPDF_INFO_PRODUCER, "Counterfoil " PACKAGE_VERSION " with libharu " HPDF_VERSION_TEXT);
  HPDF_SetInfoDateAttr (pdf, HPDF_INFO_CREATION_DATE, date);
  HPDF_SetInfoDateAttr (pdf, HPDF_INFO_MOD_DATE, date);
}

/* A libharu document with the slip font subset to @characters loaded. */
static HPDF_Doc
open_pdf (const char  *characters,
          HaruError   *haru,
          HPDF_Font   *font,
          char       **subset_path,
          GError     **error)
{
  g_autofree char *font_path = NULL;
  const char *font_name;
  int index = 0;
  HPDF_Doc pdf;

  if (!cf_pdf_find_receipt_font (&font_path, &index, error))
    return NULL;
  *subset_path = write_subset (font_path, index, characters, error);
  if (*subset_path == NULL)
    return NULL;
  pdf = HPDF_New (haru_error_cb, haru);
  if (pdf == NULL)
    {
      g_set_error_literal (error, CF_PDF_ERROR, CF_PDF_ERROR_LIBHARU, _("libharu could not start a PDF"));
      return NULL;
    }
  HPDF_SetCompressionMode (pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings (pdf);
  HPDF_SetCurrentEncoder (pdf, "UTF-8");
  HPDF_SetInfoAttr (pdf, HPDF_INFO_CREATOR, "Counterfoil " PACKAGE_VERSION);
  font_name = HPDF_LoadTTFontFromFile (pdf, *subset_path, HPDF_TRUE);
  *font = font_name != NULL ? HPDF_GetFont (pdf, font_name, "UTF-8") : NULL;
  if (*font == NULL || haru->status != 0 || !write_to_unicode (*font, characters))
    {
      g_set_error (error, CF_PDF_ERROR, CF_PDF_ERROR_FONT, _("libharu could not load the slip font (error 0x%04X)"),
                   (guint) haru->status);
      HPDF_Free (pdf);
      return NULL;
    }
  return pdf;
}

/* Written beside the target, then renamed: a failure leaves no half PDF. */
static gboolean
save_pdf (HPDF_Doc    pdf,
          HaruError  *haru,
          const char *path,
          GError    **error)
{
  g_autofree char *tmp = NULL;

  if (haru->status != 0)
    {
      g_set_error (error, CF_PDF_ERROR, CF_PDF_ERROR_LIBHARU, _("libharu failed drawing the slips (error 0x%04X, 0x%04X)"),
                   (guint) haru->status, (guint) haru->detail);
      return FALSE;
    }
  if ((tmp = cf_partial_file_new (path, error)) == NULL)
    return FALSE;
  if (HPDF_SaveToFile (pdf, tmp) != HPDF_OK || haru->status != 0)
    {
      g_unlink (tmp);
      g_set_error (error, CF_PDF_ERROR, CF_PDF_ERROR_WRITE, _("Cannot write %s (libharu error 0x%04X)"),
                   path, (guint) haru->status);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, CF_PDF_ERROR, CF_PDF_ERROR_WRITE, _("Cannot write %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * cf_pdf_write_report:
 * @report: (type CfReportDoc): an A4 document
 *
 * Draws the document's operations, page by page.
 */
gboolean
cf_pdf_write_report (gpointer     report,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *characters = cf_report_doc_dup_characters (report);
  g_autofree char *subset_path = NULL;
  HaruError haru = { 0 };
  HPDF_Font font = NULL;
  HPDF_Doc pdf = open_pdf (characters, &haru, &font, &subset_path, error);
  gboolean ok;

  if (pdf == NULL)
    {
      if (subset_path != NULL)
        g_unlink (subset_path);
      return FALSE;
    }
  set_metadata (pdf, cf_report_doc_get_title (report));

  for (guint p = 0; p < cf_report_doc_get_n_pages (report) && haru.status == 0; p++)
    {
      GArray *ops = cf_report_doc_get_page (report, p);
      HPDF_Page page = HPDF_AddPage (pdf);

      HPDF_Page_SetWidth (page, (HPDF_REAL) CF_REPORT_PAGE_WIDTH_PT);
      HPDF_Page_SetHeight (page, (HPDF_REAL) CF_REPORT_PAGE_HEIGHT_PT);
      HPDF_Page_SetLineWidth (page, 0.6f);
      for (guint i = 0; i < ops->len; i++)
        {
          const CfReportOp *op = &g_array_index (ops, CfReportOp, i);
          double y = CF_REPORT_PAGE_HEIGHT_PT - op->y;

          switch (op->kind)
            {
            case CF_REPORT_OP_TEXT:
              {
                double x = op->x;

                HPDF_Page_SetTextRenderingMode (page, op->bold ? HPDF_FILL_THEN_STROKE : HPDF_FILL);
                HPDF_Page_BeginText (page);
                HPDF_Page_SetFontAndSize (page, font, (HPDF_REAL) op->size);
                /* Cell by cell, as the layout counted them. */
                for (const char *c = op->text; *c != '\0'; c = g_utf8_next_char (c))
                  {
                    char one[8];
                    gunichar ch = g_utf8_get_char (c);
                    int n = g_unichar_to_utf8 (ch, one);

                    one[n] = '\0';
                    if (ch != ' ')
                      HPDF_Page_TextOut (page, (HPDF_REAL) x, (HPDF_REAL) y, one);
                    x += cf_receipt_char_cells (ch) * op->size / 2;
                  }
                HPDF_Page_EndText (page);
                break;
              }
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
    }

  ok = save_pdf (pdf, &haru, path, error);
  HPDF_Free (pdf);
  g_unlink (subset_path);
  return ok;
}

/**
 * cf_receipt_page_height:
 * @doc: (type CfReceiptDoc): a slip
 *
 * Returns: the height of @doc's page in points, as every renderer lays it out
 */
double
cf_receipt_page_height (gpointer doc)
{
  guint n = cf_receipt_doc_get_n_lines (doc);
  double height = 2 * CF_RECEIPT_MARGIN_PT;

  for (guint i = 0; i < n; i++)
    {
      const CfReceiptLine *line = cf_receipt_doc_get_line (doc, i);
      g_autoptr(CfQrCode) qr = line->kind == CF_RECEIPT_LINE_QR ? cf_qr_code_new (line->text) : NULL;

      height += cf_receipt_line_get_height_pt (line, qr != NULL ? qr->width : 0);
    }
  return height;
}

/**
 * cf_pdf_write_receipts:
 * @docs: (element-type CfReceiptDoc): the slips, a page each
 * @path: the PDF to write
 *
 * Returns: whether the PDF was written whole
 */
gboolean
cf_pdf_write_receipts (GPtrArray   *docs,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *subset_path = NULL;
  g_autoptr(GString) characters = g_string_new ("-");
  HaruError haru = { 0 };
  HPDF_Doc pdf;
  HPDF_Font font = NULL;
  gboolean ok;

  g_return_val_if_fail (docs != NULL && docs->len > 0, FALSE);

  for (guint i = 0; i < docs->len; i++)
    {
      g_autofree char *chars = cf_receipt_doc_dup_characters (g_ptr_array_index (docs, i));
      g_string_append (characters, chars);
    }
  pdf = open_pdf (characters->str, &haru, &font, &subset_path, error);
  if (pdf == NULL)
    {
      if (subset_path != NULL)
        g_unlink (subset_path);
      return FALSE;
    }
  set_metadata (pdf, docs->len == 1 ? "Duplicate slip" : "Duplicate slips");

  for (guint d = 0; d < docs->len && haru.status == 0; d++)
    {
      CfReceiptDoc *doc = g_ptr_array_index (docs, d);
      guint n = cf_receipt_doc_get_n_lines (doc);
      g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_qr_code_free);
      double height = 2 * CF_RECEIPT_MARGIN_PT;
      double top = CF_RECEIPT_MARGIN_PT;
      PageTarget target;

      for (guint i = 0; i < n; i++)
        {
          const CfReceiptLine *line = cf_receipt_doc_get_line (doc, i);
          CfQrCode *qr = line->kind == CF_RECEIPT_LINE_QR ? cf_qr_code_new (line->text) : NULL;

          g_ptr_array_add (codes, qr);
          height += cf_receipt_line_get_height_pt (line, qr != NULL ? qr->width : 0);
        }

      target.page = HPDF_AddPage (pdf);
      target.page_height = height;
      HPDF_Page_SetWidth (target.page, (HPDF_REAL) cf_receipt_doc_get_width_pt (doc));
      HPDF_Page_SetHeight (target.page, (HPDF_REAL) height);
      HPDF_Page_SetRGBFill (target.page, 0, 0, 0);
      HPDF_Page_SetRGBStroke (target.page, 0, 0, 0);

      for (guint i = 0; i < n; i++)
        {
          const CfReceiptLine *line = cf_receipt_doc_get_line (doc, i);
          CfQrCode *qr = g_ptr_array_index (codes, i);

          if (qr != NULL)
            draw_qr (&target, doc, qr, top);
          else if (line->kind != CF_RECEIPT_LINE_QR)
            draw_line (&target, font, line, top);
          top += cf_receipt_line_get_height_pt (line, qr != NULL ? qr->width : 0);
        }
    }

  ok = save_pdf (pdf, &haru, path, error);
  HPDF_Free (pdf);
  g_unlink (subset_path);
  return ok;
}
