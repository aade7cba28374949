/* cf-transaction-private.h — a transaction read from a row of the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-sql.h"
#include "cf-transaction.h"

G_BEGIN_DECLS

/* The column list cf_transaction_new_from_row() expects, in its order. */
#define CF_TRANSACTION_COLUMNS \
  "t.id, t.local_time, t.utc_offset, t.time_zone, t.merchant_no, t.merchant_name, " \
  "t.terminal_no, t.operator_no, t.batch_no, t.voucher_no, t.ref_no, t.auth_code, " \
  "t.card_first6, t.card_last4, t.card_length, t.card_brand, t.card_kind, t.issuer, " \
  "t.acquirer, t.type, t.type_text, t.amount_minor, t.fee_minor, t.currency, t.status, " \
  "t.entry_mode, t.orig_voucher_no, t.orig_ref_no, t.orig_date, t.source_id, t.import_id, " \
  "t.source_line, (SELECT count(*) FROM duplicates d WHERE d.transaction_id = t.id), " \
  "EXISTS (SELECT 1 FROM loss_slips l WHERE l.transaction_id = t.id), t.payment_method, " \
  "t.order_no, t.channel_no, t.store_name"

CfTransaction *cf_transaction_new_from_row (CfDbStmt *stmt);

G_END_DECLS
