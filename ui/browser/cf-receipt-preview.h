/* cf-receipt-preview.h — a slip on screen, drawn by the same painter as print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cf-receipt-doc.h"

G_BEGIN_DECLS

#define CF_TYPE_RECEIPT_PREVIEW (cf_receipt_preview_get_type ())

G_DECLARE_FINAL_TYPE (CfReceiptPreview, cf_receipt_preview, CF, RECEIPT_PREVIEW, GtkWidget)

GtkWidget    *cf_receipt_preview_new      (void);
void          cf_receipt_preview_set_doc  (CfReceiptPreview *self,
                                           CfReceiptDoc     *doc);
CfReceiptDoc *cf_receipt_preview_get_doc  (CfReceiptPreview *self);
void          cf_receipt_preview_set_zoom (CfReceiptPreview *self,
                                           double            zoom);
double        cf_receipt_preview_get_zoom (CfReceiptPreview *self);

G_END_DECLS
