/* cf-reconcile.h — the terminal's journal against what was settled (对账)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-store.h"

G_BEGIN_DECLS

/**
 * CfReconcileClass:
 * @CF_RECONCILE_MATCHED: in the journal and settled, agreeing
 * @CF_RECONCILE_DIFFERS: in both, but the amount or currency differs
 * @CF_RECONCILE_FEE_DIFFERS: in both and agreeing, but the acquirer's fee is
 *   not what the merchant's agreed rate makes
 * @CF_RECONCILE_UNSETTLED: in the journal, in no statement: chase the acquirer
 * @CF_RECONCILE_MISSING: settled, but not in the journal: the terminal lost it
 *   — a candidate lost slip
 * @CF_RECONCILE_EXPECTED: on one side only, and marked as expected with a
 *   note (settled the next day)
 */
typedef enum
{
  CF_RECONCILE_MATCHED,
  CF_RECONCILE_DIFFERS,
  CF_RECONCILE_FEE_DIFFERS,
  CF_RECONCILE_UNSETTLED,
  CF_RECONCILE_MISSING,
  CF_RECONCILE_EXPECTED,
  CF_RECONCILE_N_CLASSES
} CfReconcileClass;

typedef struct
{
  guint       count[CF_RECONCILE_N_CLASSES];
  gint64      amount_minor[CF_RECONCILE_N_CLASSES];   /* reversals negative */
  GArray     *ids[CF_RECONCILE_N_CLASSES];            /* gint64 transaction ids, oldest first */
  guint       open_questions;
} CfReconciliation;

/* One file's record of a transaction. */
typedef struct
{
  char   *file;        /* NULL for demo data */
  guint   line;
  char   *kind;        /* journal, statement, wallet, processor */
  char   *matched_by;  /* NULL for the file that first brought it in; ref, voucher, card, hand, merge */
} CfTransactionSource;

void              cf_transaction_source_free  (CfTransactionSource *source);
GPtrArray        *cf_reconcile_list_sources   (CfStore          *store,
                                               gint64            transaction_id,
                                               GError          **error);
const char       *cf_reconcile_class_to_nick  (CfReconcileClass  klass);
const char       *cf_reconcile_class_label    (CfReconcileClass  klass);
CfReconciliation *cf_reconcile_compute        (CfStore          *store,
                                               const char       *from,
                                               const char       *to,
                                               const char       *terminal_no,
                                               GError          **error);
void              cf_reconciliation_free      (CfReconciliation *self);
gboolean          cf_reconcile_accept         (CfStore          *store,
                                               gint64            transaction_id,
                                               const char       *operator_no,
                                               const char       *note,
                                               GError          **error);
gboolean          cf_reconcile_link           (CfStore          *store,
                                               gint64            record_id,
                                               gint64            transaction_id,
                                               const char       *operator_no,
                                               GError          **error);
gboolean          cf_reconcile_mark_expected  (CfStore          *store,
                                               gint64            transaction_id,
                                               const char       *operator_no,
                                               const char       *note,
                                               GError          **error);
char             *cf_reconcile_dup_mark_note  (CfStore          *store,
                                               gint64            transaction_id);
GPtrArray        *cf_reconcile_describe_differences (CfStore    *store,
                                                     gint64      transaction_id,
                                                     GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfReconciliation, cf_reconciliation_free)

G_END_DECLS
