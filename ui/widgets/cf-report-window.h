/* cf-report-window.h — a document previewed before it is saved or printed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-report-doc.h"

G_BEGIN_DECLS

#define CF_TYPE_REPORT_WINDOW (cf_report_window_get_type ())

G_DECLARE_FINAL_TYPE (CfReportWindow, cf_report_window, CF, REPORT_WINDOW, AdwWindow)

CfReportWindow *cf_report_window_new        (GtkWindow      *parent,
                                             CfReportDoc    *report,
                                             const char     *title,
                                             const char     *file_name);

G_END_DECLS
