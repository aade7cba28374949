/* cf-report-view.h — an A4 report shown page under page, as wide as there is room
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cf-report-doc.h"

G_BEGIN_DECLS

#define CF_TYPE_REPORT_VIEW (cf_report_view_get_type ())

G_DECLARE_FINAL_TYPE (CfReportView, cf_report_view, CF, REPORT_VIEW, GtkWidget)

GtkWidget   *cf_report_view_new         (void);
void         cf_report_view_set_report  (CfReportView  *self,
                                         CfReportDoc   *report);
CfReportDoc *cf_report_view_get_report  (CfReportView  *self);
gboolean     cf_report_print            (GtkWindow     *parent,
                                         CfReportDoc   *report,
                                         const char    *job_name,
                                         GError       **error);

G_END_DECLS
