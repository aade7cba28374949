/* cf-reconcile-actions.h — the questions the Reconciliation section asks
 * before it changes anything: a note, the sale to link, a deposit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-settlement.h"
#include "cf-transaction.h"

G_BEGIN_DECLS

/* What the page does with the answers, once the dialog has closed. */
typedef gboolean (*CfReconcileNoteAnswer)    (GtkWidget    *page,
                                              gint64        transaction_id,
                                              const char   *note,
                                              GError      **error);
typedef gboolean (*CfReconcileLinkAnswer)    (GtkWidget    *page,
                                              gint64        record_id,
                                              gint64        transaction_id,
                                              GError      **error);
typedef gboolean (*CfReconcileDepositAnswer) (GtkWidget    *page,
                                              const char   *date,
                                              gint64        amount_minor,
                                              const char   *note,
                                              GError      **error);

void  cf_reconcile_ask_note     (GtkWidget              *page,
                                 gint64                  transaction_id,
                                 const char             *heading,
                                 const char             *body,
                                 const char             *placeholder,
                                 const char             *answer_label,
                                 const char             *failed_heading,
                                 CfReconcileNoteAnswer   answer);
void  cf_reconcile_ask_link     (GtkWidget              *page,
                                 CfTransaction          *record,
                                 GPtrArray              *candidates,
                                 CfReconcileLinkAnswer   answer);
void  cf_reconcile_ask_deposit  (GtkWidget              *page,
                                 const CfSettlementDay  *day,
                                 CfReconcileDepositAnswer answer);

GtkWidget *cf_reconcile_settlement_group_new (GPtrArray  *days,
                                              GCallback   deposit_clicked,
                                              gpointer    page,
                                              GPtrArray  *row_texts);

G_END_DECLS
