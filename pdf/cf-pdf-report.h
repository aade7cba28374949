/* cf-pdf-report.h — A4 reports as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-pdf-writer.h"
#include "cf-report-doc.h"

G_BEGIN_DECLS

gboolean cf_pdf_write_report (CfReportDoc  *report,
                              const char   *path,
                              GError      **error);

G_END_DECLS
