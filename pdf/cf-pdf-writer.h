/* cf-pdf-writer.h — one libharu document in the slip font: fonts, subsetting, errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <hpdf.h>

G_BEGIN_DECLS

#define CF_PDF_ERROR (cf_pdf_error_quark ())

typedef enum
{
  CF_PDF_ERROR_FONT,
  CF_PDF_ERROR_LIBHARU,
  CF_PDF_ERROR_WRITE,
} CfPdfError;

typedef struct _CfPdfWriter CfPdfWriter;

GQuark       cf_pdf_error_quark        (void);
gboolean     cf_pdf_find_receipt_font  (char        **path,
                                        int          *index,
                                        GError      **error);

CfPdfWriter *cf_pdf_writer_new         (const char   *characters,
                                        const char   *title,
                                        GError      **error);
void         cf_pdf_writer_free        (CfPdfWriter  *self);
HPDF_Page    cf_pdf_writer_add_page    (CfPdfWriter  *self,
                                        double        width_pt,
                                        double        height_pt);
HPDF_Font    cf_pdf_writer_get_font    (CfPdfWriter  *self);
gboolean     cf_pdf_writer_failed      (CfPdfWriter  *self);
gboolean     cf_pdf_writer_save        (CfPdfWriter  *self,
                                        const char   *path,
                                        GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfPdfWriter, cf_pdf_writer_free)

G_END_DECLS
