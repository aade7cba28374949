/* cf-pdf-receipt.h — slips as PDF through libharu, one page each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CF_PDF_ERROR (cf_pdf_error_quark ())

typedef enum
{
  CF_PDF_ERROR_FONT,
  CF_PDF_ERROR_LIBHARU,
  CF_PDF_ERROR_WRITE,
} CfPdfError;

GQuark    cf_pdf_error_quark        (void);
gboolean  cf_pdf_find_receipt_font  (char       **path,
                                     int         *index,
                                     GError     **error);
double    cf_receipt_page_height    (gpointer     doc);
gboolean  cf_pdf_write_report       (gpointer     report,
                                     const char  *path,
                                     GError     **error);
gboolean  cf_pdf_write_receipts     (GPtrArray   *docs,
                                     const char  *path,
                                     GError     **error);

G_END_DECLS
