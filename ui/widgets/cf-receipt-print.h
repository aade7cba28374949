/* cf-receipt-print.h — slips through GTK's print dialog, drawn by the painter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cf-receipt-doc.h"

G_BEGIN_DECLS

/**
 * CfReceiptPrintProduceFunc:
 *
 * Returns: (transfer full) (element-type CfReceiptDoc): the slips to print,
 *   or %NULL with @error set
 */
typedef GPtrArray *(*CfReceiptPrintProduceFunc) (gpointer   user_data,
                                                 GError   **error);

gboolean cf_receipt_print (GtkWindow                 *parent,
                           CfReceiptDoc              *layout,
                           CfReceiptPrintProduceFunc  produce,
                           gpointer                   user_data,
                           const char                *export_path,
                           GError                   **error);

G_END_DECLS
