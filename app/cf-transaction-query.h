/* cf-transaction-query.h — what a clerk is looking for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cf-types.h"

G_BEGIN_DECLS

/**
 * CfSortColumn:
 *
 * What a list of transactions is ordered by; ties go newest first.
 */
typedef enum
{
  CF_SORT_TIME,
  CF_SORT_TERMINAL,
  CF_SORT_OPERATOR,
  CF_SORT_VOUCHER,
  CF_SORT_REF,
  CF_SORT_AUTH,
  CF_SORT_CARD,
  CF_SORT_BRAND,
  CF_SORT_TYPE,
  CF_SORT_AMOUNT,
  CF_SORT_SLIP,
} CfSortColumn;

/**
 * CfTransactionQuery:
 *
 * Search criteria; every field that is set narrows the result. Strings are
 * matched exactly; @from and @to are local times `YYYY-MM-DD HH:MM:SS`,
 * inclusive.
 */
struct _CfTransactionQuery
{
  char     *voucher_no;
  char     *ref_no;
  char     *auth_code;
  char     *card_last4;
  char     *terminal_no;
  char     *operator_no;
  char     *from;
  char     *to;
  gboolean  has_amount;
  gint64    amount_minor;
  char     *last4_or_voucher_end;   /* 4 digits: a card's last four, or a voucher no.'s */
  char     *time_prefix;            /* "14:0": the time of day starts so */
  guint     n_time_windows;         /* "8点": 08:00 or 20:00, give or take */
  CfTimeWindow time_windows[2];
  gboolean  has_amount_range;
  gint64    amount_min;
  gint64    amount_max;
  gboolean  has_type;
  CfTxnType type;
  char     *card_brand;
  gboolean  has_method;
  CfPaymentMethod method;
  CfSortColumn sort_column;
  gboolean  sort_ascending;
  guint     limit;       /* 0: no limit */
  guint     offset;
};

#define CF_TYPE_TRANSACTION_QUERY (cf_transaction_query_get_type ())

GType                cf_transaction_query_get_type   (void) G_GNUC_CONST;
CfTransactionQuery  *cf_transaction_query_new        (void);
CfTransactionQuery  *cf_transaction_query_copy       (const CfTransactionQuery *self);
void                 cf_transaction_query_free       (CfTransactionQuery       *self);
gboolean             cf_transaction_query_set_from   (CfTransactionQuery       *self,
                                                      const char               *text,
                                                      GError                  **error);
gboolean             cf_transaction_query_set_to     (CfTransactionQuery       *self,
                                                      const char               *text,
                                                      GError                  **error);
char                *cf_transaction_query_to_sql     (const CfTransactionQuery *self,
                                                      const char               *columns,
                                                      GPtrArray                *params);
gboolean             cf_transaction_query_add_search (CfTransactionQuery       *self,
                                                      const char               *text,
                                                      GDateTime                *now,
                                                      GPtrArray                *understood);
gboolean             cf_transaction_query_is_empty   (const CfTransactionQuery *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfTransactionQuery, cf_transaction_query_free)

G_END_DECLS
