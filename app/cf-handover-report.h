/* cf-handover-report.h — the manager's one-page account of a shift
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-reconcile.h"
#include "cf-report-doc.h"
#include "cf-store.h"

G_BEGIN_DECLS

/**
 * CfHandoverScope:
 * @from: first moment, `YYYY-MM-DD HH:MM:SS`, shop time
 * @to: the moment after the last
 * @terminals: (nullable): the terminals; %NULL or empty for all
 */
typedef struct
{
  const char          *from;
  const char          *to;
  const char * const  *terminals;
} CfHandoverScope;

/* One line of a breakdown: what, how many, how much (voids and refunds negative). */
typedef struct
{
  char   *label;
  guint   count;
  gint64  amount_minor;
} CfHandoverLine;

typedef struct
{
  char       *currency;
  GPtrArray  *by_type;              /* CfHandoverLine, label = type nick */
  GPtrArray  *by_method;            /* label = payment method nick */
  GPtrArray  *by_brand;             /* label = brand and kind, cards only */
  GPtrArray  *by_terminal;
  GPtrArray  *by_operator;          /* label = "no. name" */
  guint       count;
  gint64      sales_minor;          /* sales and auth completions */
  gint64      reversals_minor;      /* voids and refunds, as a positive sum */
  gint64      net_minor;
  gint64      hourly_sales_minor[24];
  guint       slips_lost;
  GPtrArray  *duplicates;           /* GStrv: time, voucher, no., reason, operator */
  GPtrArray  *incidents;            /* GStrv: no., opened, slips, cause, state */
  guint       requests_open;
  guint       requests_due_soon;
  guint       requests_overdue;
  GPtrArray  *imports;              /* GStrv: time, file, imported, rejected, conflicts */
  guint       rows_rejected;
  guint       reconciled[CF_RECONCILE_N_CLASSES];
} CfHandoverFigures;

CfHandoverFigures *cf_handover_compute        (CfStore                *store,
                                               const CfHandoverScope  *scope,
                                               GDateTime              *today,
                                               GError                **error);
void               cf_handover_figures_free   (CfHandoverFigures      *figures);
CfReportDoc       *cf_handover_build_period   (CfStore                *store,
                                               const CfHandoverScope  *scope,
                                               GDateTime              *today,
                                               GError                **error);
CfReportDoc       *cf_handover_build_shift    (CfStore                *store,
                                               gint64                  shift_id,
                                               GDateTime              *today,
                                               GError                **error);
gint64             cf_handover_sign_off       (CfStore                *store,
                                               gint64                  shift_id,
                                               const char             *manager_no,
                                               GDateTime              *now,
                                               GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfHandoverFigures, cf_handover_figures_free)

G_END_DECLS
