/* cf-report-painter.h — an A4 report page drawn with Cairo and Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "cf-report-doc.h"

G_BEGIN_DECLS

void cf_report_painter_draw_page (CfReportDoc *doc,
                                  guint        page,
                                  cairo_t     *cr);

G_END_DECLS
