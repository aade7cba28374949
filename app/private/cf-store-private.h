/* cf-store-private.h — what the rest of app/ may do with the store's connection
 *
 * Only app/ includes this: ui/ and pdf/ go through the functions of cf-store.h,
 * so that the SQL stays in one layer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "cf-store.h"

G_BEGIN_DECLS

sqlite3        *cf_store_get_db               (CfStore       *self);
gboolean        cf_store_exec                 (CfStore       *self,
                                               const char    *sql,
                                               GError       **error);
sqlite3_stmt   *cf_store_prepare              (CfStore       *self,
                                               const char    *sql,
                                               GError       **error);
gboolean        cf_store_set_error            (CfStore       *self,
                                               GError       **error,
                                               const char    *doing);
void            cf_store_now_utc              (char           out[21]);
gboolean        cf_store_step_done            (CfStore       *self,
                                               sqlite3_stmt  *stmt,
                                               const char    *doing,
                                               GError       **error);
gboolean        cf_store_finish_audited       (CfStore       *self,
                                               gboolean       ok,
                                               const char    *operator_no,
                                               const char    *action,
                                               const char    *object_type,
                                               gint64         object_id,
                                               const char    *details,
                                               GError       **error);
void            cf_store_set_busy_timeout     (CfStore       *self,
                                               int            ms);
void            cf_store_set_override         (CfStore       *self,
                                               const char    *manager_no);
int             cf_store_bind_text            (sqlite3_stmt  *stmt,
                                               int            index,
                                               const char    *text,
                                               sqlite3_destructor_type destroy);
int             cf_store_bind_identifier      (sqlite3_stmt  *stmt,
                                               int            index,
                                               const char    *text,
                                               sqlite3_destructor_type destroy);
void            cf_store_audit_hash_sql       (sqlite3_context  *context,
                                               int               argc,
                                               sqlite3_value   **argv);
char           *cf_store_dup_text             (sqlite3_stmt  *stmt,
                                               int            column);
GPtrArray      *cf_store_collect_rows         (sqlite3_stmt  *stmt);
CfTransaction  *cf_transaction_new_from_row   (sqlite3_stmt  *stmt);

/* The column list cf_transaction_new_from_row() expects, in its order. */
#define CF_TRANSACTION_COLUMNS \
  "t.id, t.local_time, t.utc_offset, t.time_zone, t.merchant_no, t.merchant_name, " \
  "t.terminal_no, t.operator_no, t.batch_no, t.voucher_no, t.ref_no, t.auth_code, " \
  "t.card_first6, t.card_last4, t.card_length, t.card_brand, t.card_kind, t.issuer, " \
  "t.acquirer, t.type, t.type_text, t.amount_minor, t.fee_minor, t.currency, t.status, " \
  "t.entry_mode, t.orig_voucher_no, t.orig_ref_no, t.orig_date, t.source_id, t.import_id, " \
  "t.source_line, (SELECT count(*) FROM duplicates d WHERE d.transaction_id = t.id), " \
  "EXISTS (SELECT 1 FROM loss_slips l WHERE l.transaction_id = t.id)"

/* Schema steps, one per version; cf-store-schema.c */
extern const char *const cf_store_migrations[CF_STORE_SCHEMA_VERSION];

G_END_DECLS
