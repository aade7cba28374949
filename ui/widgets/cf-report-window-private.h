/* cf-report-window-private.h — cf-report-window as the tests see it: what a person sees, and
 * doing what a click does, without the pointer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-report-window.h"

G_BEGIN_DECLS

CfReportDoc    *cf_report_window_get_report (CfReportWindow *self);

G_END_DECLS
