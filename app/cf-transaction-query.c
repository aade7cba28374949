/* cf-transaction-query.c — what a clerk is looking for, as SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-transaction-query"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-store-private.h"
#include "cf-timestamp.h"
#include "cf-transaction-query.h"

G_DEFINE_BOXED_TYPE (CfTransactionQuery, cf_transaction_query,
                     cf_transaction_query_copy, cf_transaction_query_free)

CfTransactionQuery *
cf_transaction_query_new (void)
{
  return g_new0 (CfTransactionQuery, 1);
}

CfTransactionQuery *
cf_transaction_query_copy (const CfTransactionQuery *self)
{
  CfTransactionQuery *copy = g_memdup2 (self, sizeof *self);

  copy->voucher_no = g_strdup (self->voucher_no);
  copy->ref_no = g_strdup (self->ref_no);
  copy->auth_code = g_strdup (self->auth_code);
  copy->card_last4 = g_strdup (self->card_last4);
  copy->terminal_no = g_strdup (self->terminal_no);
  copy->operator_no = g_strdup (self->operator_no);
  copy->from = g_strdup (self->from);
  copy->to = g_strdup (self->to);
  return copy;
}

void
cf_transaction_query_free (CfTransactionQuery *self)
{
  if (self == NULL)
    return;
  g_free (self->voucher_no);
  g_free (self->ref_no);
  g_free (self->auth_code);
  g_free (self->card_last4);
  g_free (self->terminal_no);
  g_free (self->operator_no);
  g_free (self->from);
  g_free (self->to);
  g_free (self);
}

static gboolean
set_bound (char       **field,
           const char  *text,
           gboolean     end_of_day,
           GError     **error)
{
  CfTimestamp ts = { 0 };
  char local[20];

  if (!cf_timestamp_parse (text, CF_DATE_ORDER_YMD, &ts, error))
    return FALSE;
  if (!ts.has_time && end_of_day)
    {
      ts.hour = 23;
      ts.minute = 59;
      ts.second = 59;
    }
  cf_timestamp_format_local (&ts, local);
  g_free (*field);
  *field = g_strdup (local);
  return TRUE;
}

/**
 * cf_transaction_query_set_from:
 * @text: a date (from its first second) or a date and time
 */
gboolean
cf_transaction_query_set_from (CfTransactionQuery  *self,
                               const char          *text,
                               GError             **error)
{
  return set_bound (&self->from, text, FALSE, error);
}

/**
 * cf_transaction_query_set_to:
 * @text: a date (to its last second) or a date and time
 */
gboolean
cf_transaction_query_set_to (CfTransactionQuery  *self,
                             const char          *text,
                             GError             **error)
{
  return set_bound (&self->to, text, TRUE, error);
}

static void
add_equal (GString    *where,
           GPtrArray  *params,
           const char *column,
           const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (where, " AND t.%s = ?", column);
  g_ptr_array_add (params, g_strdup (value));
}

/**
 * cf_transaction_query_to_sql:
 * @params: (element-type utf8): receives the text parameters, in order
 *
 * Returns: (transfer full): a SELECT of %CF_TRANSACTION_COLUMNS, newest first
 */
char *
cf_transaction_query_to_sql (const CfTransactionQuery *self,
                             GPtrArray                *params)
{
  GString *sql = g_string_new ("SELECT " CF_TRANSACTION_COLUMNS " FROM transactions t WHERE 1");

  add_equal (sql, params, "voucher_no", self->voucher_no);
  add_equal (sql, params, "ref_no", self->ref_no);
  add_equal (sql, params, "auth_code", self->auth_code);
  add_equal (sql, params, "card_last4", self->card_last4);
  add_equal (sql, params, "terminal_no", self->terminal_no);
  add_equal (sql, params, "operator_no", self->operator_no);
  if (self->from != NULL)
    {
      g_string_append (sql, " AND t.local_time >= ?");
      g_ptr_array_add (params, g_strdup (self->from));
    }
  if (self->to != NULL)
    {
      g_string_append (sql, " AND t.local_time <= ?");
      g_ptr_array_add (params, g_strdup (self->to));
    }
  if (self->has_amount)
    g_string_append_printf (sql, " AND t.amount_minor = %" G_GINT64_FORMAT, self->amount_minor);

  g_string_append (sql, " ORDER BY t.local_time DESC, t.id DESC");
  if (self->limit > 0)
    g_string_append_printf (sql, " LIMIT %u OFFSET %u", self->limit, self->offset);

  return g_string_free (sql, FALSE);
}
