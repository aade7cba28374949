/* cf-pdf-writer.c — one libharu document in the slip font: fonts, subsetting, errors
 *
 * Slips and reports draw every character at its grid cell with WenQuanYi
 * Zen Hei Mono — a TrueType face libharu embeds correctly (docs/HACKING.md) —
 * subset with HarfBuzz to the characters the document uses, so that a slip
 * is some 28 kilobytes, not half a megabyte. The subset lives in an anonymous
 * memory file: nothing is left in /tmp when a run is killed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-pdf-writer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <hb-subset.h>
#include <hpdf_font.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cf-partial-file.h"
#include "cf-pdf-writer.h"

#define RECEIPT_FAMILY "WenQuanYi Zen Hei Mono"

struct _CfPdfWriter
{
  HPDF_Doc     pdf;
  HPDF_Font    font;
  HPDF_STATUS  status;   /* libharu's first error, 0 while there is none */
  HPDF_STATUS  detail;
};

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

/* The face, cut down to @characters, as TrueType bytes. */
static GBytes *
subset_font (const char  *font_path,
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
  GBytes *bytes;

  if (blob == NULL)
    {
      g_set_error (error, CF_PDF_ERROR, CF_PDF_ERROR_FONT, _("Cannot read the font %s"), font_path);
      return NULL;
    }
  face = hb_face_create (blob, (unsigned int) index);
  hb_blob_destroy (blob);
  input = hb_subset_input_create_or_fail ();
  /* The hinting tables stay (cvt, fpgm, prep: some 2 KB a slip), though a
   * viewer scales a PDF: libharu writes an empty table where one is
   * missing, and then failed to save about one document in twenty. */
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

  bytes = g_bytes_new (data, len);
  hb_blob_destroy (subset_blob);
  hb_face_destroy (subset);
  return bytes;
}

/* libharu reads fonts from a path only. An anonymous memory file gives it
 * one (/proc/self/fd/N) that vanishes with the process; libharu opens its
 * own descriptor, so ours can be closed once the font is loaded. */
static int
open_font_file (GBytes  *font,
                char   **path,
                GError **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (font, &len);
  int fd = memfd_create ("counterfoil-font", MFD_CLOEXEC);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, CF_PDF_ERROR, CF_PDF_ERROR_FONT, _("Cannot hold the slip font in memory: %s"),
                   g_strerror (saved));
      return -1;
    }
  while (len > 0)
    {
      ssize_t n = write (fd, data, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;
          close (fd);
          g_set_error (error, CF_PDF_ERROR, CF_PDF_ERROR_FONT, _("Cannot hold the slip font in memory: %s"),
                       g_strerror (saved));
          return -1;
        }
      data += n;
      len -= (gsize) n;
    }
  *path = g_strdup_printf ("/proc/self/fd/%d", fd);
  return fd;
}

static void
haru_error_cb (HPDF_STATUS error_no,
               HPDF_STATUS detail_no,
               void       *user_data)
{
  CfPdfWriter *self = user_data;

  if (self->status == 0)
    {
      self->status = error_no;
      self->detail = detail_no;
    }
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

/**
 * cf_pdf_writer_new:
 * @characters: every character the document will draw
 * @title: the document's title, as readers show it
 *
 * Returns: (transfer full) (nullable): a document with the slip font loaded,
 *   or %NULL with @error set
 */
CfPdfWriter *
cf_pdf_writer_new (const char  *characters,
                   const char  *title,
                   GError     **error)
{
  g_autoptr(CfPdfWriter) self = g_new0 (CfPdfWriter, 1);
  g_autofree char *font_path = NULL;
  g_autofree char *subset_path = NULL;
  g_autoptr(GBytes) subset = NULL;
  const char *font_name;
  int index = 0;
  int fd;

  if (!cf_pdf_find_receipt_font (&font_path, &index, error))
    return NULL;
  if ((subset = subset_font (font_path, index, characters, error)) == NULL)
    return NULL;
  self->pdf = HPDF_New (haru_error_cb, self);
  if (self->pdf == NULL)
    {
      g_set_error_literal (error, CF_PDF_ERROR, CF_PDF_ERROR_LIBHARU, _("libharu could not start a PDF"));
      return NULL;
    }
  HPDF_SetCompressionMode (self->pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings (self->pdf);
  HPDF_SetCurrentEncoder (self->pdf, "UTF-8");
  HPDF_SetInfoAttr (self->pdf, HPDF_INFO_CREATOR, "Counterfoil " PACKAGE_VERSION);
  set_metadata (self->pdf, title);

  if ((fd = open_font_file (subset, &subset_path, error)) < 0)
    return NULL;
  font_name = HPDF_LoadTTFontFromFile (self->pdf, subset_path, HPDF_TRUE);
  close (fd);
  self->font = font_name != NULL ? HPDF_GetFont (self->pdf, font_name, "UTF-8") : NULL;
  if (self->font == NULL || self->status != 0 || !write_to_unicode (self->font, characters))
    {
      g_set_error (error, CF_PDF_ERROR, CF_PDF_ERROR_FONT, _("libharu could not load the slip font (error 0x%04X)"),
                   (guint) self->status);
      return NULL;
    }
  return g_steal_pointer (&self);
}

void
cf_pdf_writer_free (CfPdfWriter *self)
{
  if (self == NULL)
    return;
  if (self->pdf != NULL)
    HPDF_Free (self->pdf);
  g_free (self);
}

/**
 * cf_pdf_writer_add_page:
 *
 * Returns: a new last page of @width_pt × @height_pt, black ink on white
 */
HPDF_Page
cf_pdf_writer_add_page (CfPdfWriter *self,
                        double       width_pt,
                        double       height_pt)
{
  HPDF_Page page = HPDF_AddPage (self->pdf);

  HPDF_Page_SetWidth (page, (HPDF_REAL) width_pt);
  HPDF_Page_SetHeight (page, (HPDF_REAL) height_pt);
  HPDF_Page_SetRGBFill (page, 0, 0, 0);
  HPDF_Page_SetRGBStroke (page, 0, 0, 0);
  return page;
}

HPDF_Font
cf_pdf_writer_get_font (CfPdfWriter *self)
{
  return self->font;
}

/**
 * cf_pdf_writer_failed:
 *
 * Returns: whether libharu has reported an error; drawing more is pointless
 */
gboolean
cf_pdf_writer_failed (CfPdfWriter *self)
{
  return self->status != 0;
}

/**
 * cf_pdf_writer_save:
 *
 * Writes the document beside @path, then renames it: a failure leaves no
 * half PDF.
 */
gboolean
cf_pdf_writer_save (CfPdfWriter  *self,
                    const char   *path,
                    GError      **error)
{
  g_autofree char *tmp = NULL;

  if (self->status != 0)
    {
      g_set_error (error, CF_PDF_ERROR, CF_PDF_ERROR_LIBHARU, _("libharu failed drawing the document (error 0x%04X, 0x%04X)"),
                   (guint) self->status, (guint) self->detail);
      return FALSE;
    }
  if ((tmp = cf_partial_file_new (path, error)) == NULL)
    return FALSE;
  if (HPDF_SaveToFile (self->pdf, tmp) != HPDF_OK || self->status != 0)
    {
      g_unlink (tmp);
      g_set_error (error, CF_PDF_ERROR, CF_PDF_ERROR_WRITE, _("Cannot write %s (libharu error 0x%04X)"),
                   path, (guint) self->status);
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
