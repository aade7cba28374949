/* cf-receipt-painter.h — a slip drawn with Cairo and Pango, cell by cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "cf-receipt-doc.h"

G_BEGIN_DECLS

void cf_receipt_painter_get_size (CfReceiptDoc *doc,
                                  double       *width_pt,
                                  double       *height_pt);
void cf_receipt_painter_draw     (CfReceiptDoc *doc,
                                  cairo_t      *cr);
PangoLayout *cf_receipt_painter_new_layout (cairo_t *cr,
                                            double   size);

G_END_DECLS
