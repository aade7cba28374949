/* cf-transaction.h — one card transaction as stored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cf-types.h"

G_BEGIN_DECLS

#define CF_TYPE_TRANSACTION (cf_transaction_get_type ())

G_DECLARE_FINAL_TYPE (CfTransaction, cf_transaction, CF, TRANSACTION, GObject)

gint64       cf_transaction_get_id              (CfTransaction *self);
const char  *cf_transaction_get_local_time      (CfTransaction *self);
gboolean     cf_transaction_get_utc_offset      (CfTransaction *self,
                                                 int           *minutes);
const char  *cf_transaction_get_time_zone       (CfTransaction *self);
const char  *cf_transaction_get_merchant_no     (CfTransaction *self);
const char  *cf_transaction_get_merchant_name   (CfTransaction *self);
const char  *cf_transaction_get_terminal_no     (CfTransaction *self);
const char  *cf_transaction_get_operator_no     (CfTransaction *self);
const char  *cf_transaction_get_batch_no        (CfTransaction *self);
const char  *cf_transaction_get_voucher_no      (CfTransaction *self);
const char  *cf_transaction_get_ref_no          (CfTransaction *self);
const char  *cf_transaction_get_auth_code       (CfTransaction *self);
const char  *cf_transaction_get_card_first6     (CfTransaction *self);
const char  *cf_transaction_get_card_last4      (CfTransaction *self);
guint        cf_transaction_get_card_length     (CfTransaction *self);
char        *cf_transaction_dup_masked_card     (CfTransaction *self,
                                                 gboolean       last4_only);
const char  *cf_transaction_get_card_brand      (CfTransaction *self);
const char  *cf_transaction_get_card_kind       (CfTransaction *self);
const char  *cf_transaction_get_issuer          (CfTransaction *self);
const char  *cf_transaction_get_acquirer        (CfTransaction *self);
CfTxnType    cf_transaction_get_txn_type        (CfTransaction *self);
const char  *cf_transaction_get_type_text       (CfTransaction *self);
gint64       cf_transaction_get_amount_minor    (CfTransaction *self);
gint64       cf_transaction_get_signed_amount   (CfTransaction *self);
gboolean     cf_transaction_get_fee_minor       (CfTransaction *self,
                                                 gint64        *fee);
const char  *cf_transaction_get_currency        (CfTransaction *self);
char        *cf_transaction_dup_amount_text     (CfTransaction *self);
const char  *cf_transaction_get_status          (CfTransaction *self);
CfEntryMode  cf_transaction_get_entry_mode      (CfTransaction *self);
CfPaymentMethod cf_transaction_get_payment_method (CfTransaction *self);
const char  *cf_transaction_get_orig_voucher_no (CfTransaction *self);
const char  *cf_transaction_get_orig_ref_no     (CfTransaction *self);
const char  *cf_transaction_get_orig_date       (CfTransaction *self);
const char  *cf_transaction_get_source_id       (CfTransaction *self);
const char  *cf_transaction_get_order_no        (CfTransaction *self);
const char  *cf_transaction_get_channel_no      (CfTransaction *self);
const char  *cf_transaction_get_store_name      (CfTransaction *self);
gint64       cf_transaction_get_import_id       (CfTransaction *self);
guint        cf_transaction_get_source_line     (CfTransaction *self);
guint        cf_transaction_get_n_duplicates    (CfTransaction *self);
gboolean     cf_transaction_get_reported_lost   (CfTransaction *self);
char        *cf_transaction_dup_slip_status     (CfTransaction *self);

G_END_DECLS
