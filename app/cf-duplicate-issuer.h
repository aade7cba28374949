/* cf-duplicate-issuer.h — issuing duplicate slips, accountably
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-receipt-doc.h"
#include "cf-types.h"

G_BEGIN_DECLS

typedef enum
{
  CF_DUPLICATE_REASON_CUSTOMER,           /*< nick=customer >*/
  CF_DUPLICATE_REASON_RETRIEVAL,          /*< nick=retrieval >*/
  CF_DUPLICATE_REASON_TAX,                /*< nick=tax >*/
  CF_DUPLICATE_REASON_RECONCILIATION,     /*< nick=reconciliation >*/
  CF_DUPLICATE_REASON_OTHER,              /*< nick=other >*/
} CfDuplicateReason;

#define CF_DUPLICATE_ERROR (cf_duplicate_error_quark ())

typedef enum
{
  CF_DUPLICATE_ERROR_REASON,
  CF_DUPLICATE_ERROR_NOT_FOUND,
} CfDuplicateError;

/**
 * CfDuplicateRecord:
 *
 * One duplicate on record.
 */
typedef struct
{
  gint64  transaction_id;
  guint   number;
  char   *copy;
  char   *reason;
  char   *reason_text;
  char   *operator_no;
  char   *issued_at;
  char   *output;
  char   *code;
} CfDuplicateRecord;

/**
 * CfDuplicateRenderFunc:
 * @docs: (element-type CfReceiptDoc): the slips, numbered and coded
 *
 * Produces the duplicates (writes the PDF, prints). Called inside the
 * transaction that records them: when it fails, nothing is recorded.
 */
typedef gboolean (*CfDuplicateRenderFunc) (GPtrArray  *docs,
                                           gpointer    user_data,
                                           GError    **error);

GQuark             cf_duplicate_error_quark         (void);
const char        *cf_duplicate_reason_to_nick      (CfDuplicateReason   reason);
gboolean           cf_duplicate_reason_from_nick    (const char         *nick,
                                                     CfDuplicateReason  *reason);
const char        *cf_duplicate_reason_get_label    (CfDuplicateReason   reason);
void               cf_duplicate_record_free         (CfDuplicateRecord  *record);
GPtrArray         *cf_duplicate_issue               (CfStore            *store,
                                                     GPtrArray          *transactions,
                                                     CfReceiptCopy       copy,
                                                     CfDuplicateReason   reason,
                                                     const char         *reason_text,
                                                     const char         *operator_no,
                                                     const char         *output,
                                                     guint               columns,
                                                     CfDuplicateRenderFunc render,
                                                     gpointer            user_data,
                                                     GError            **error);
CfReceiptDoc      *cf_duplicate_preview             (CfStore            *store,
                                                     CfTransaction      *txn,
                                                     CfReceiptCopy       copy,
                                                     guint               columns);
GPtrArray         *cf_duplicate_list_for            (CfStore            *store,
                                                     gint64              transaction_id,
                                                     GError            **error);
CfDuplicateRecord *cf_duplicate_verify              (CfStore            *store,
                                                     const char         *code,
                                                     GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfDuplicateRecord, cf_duplicate_record_free)

G_END_DECLS
