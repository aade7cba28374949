/* cf-transaction-query.h — what a clerk is looking for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cf-types.h"

G_BEGIN_DECLS

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
                                                      GPtrArray                *params);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfTransactionQuery, cf_transaction_query_free)

G_END_DECLS
