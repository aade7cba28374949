/* cf-receipt-print.h — slips through GTK's print dialog, drawn by the painter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean cf_receipt_print (GtkWindow   *parent,
                           GPtrArray   *docs,
                           const char  *export_path,
                           GError     **error);

G_END_DECLS
