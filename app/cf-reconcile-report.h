/* cf-reconcile-report.h — a period's reconciliation on A4, signed off by a manager
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-report-doc.h"
#include "cf-store.h"

G_BEGIN_DECLS

/* Which reconciliation: a period of shop time and one terminal or all. */
typedef struct
{
  const char *from;          /* `YYYY-MM-DD HH:MM:SS` */
  const char *to;            /* the moment after the last */
  const char *terminal_no;   /* nullable */
} CfReconcileScope;

CfReportDoc *cf_reconcile_report_build  (CfStore                 *store,
                                         const CfReconcileScope  *scope,
                                         GError                 **error);
gint64       cf_reconcile_report_sign   (CfStore                 *store,
                                         const CfReconcileScope  *scope,
                                         const char              *manager_no,
                                         GDateTime               *now,
                                         GError                 **error);
CfReportDoc *cf_reconcile_report_load   (CfStore                 *store,
                                         gint64                   sequence_no,
                                         GError                 **error);

G_END_DECLS
