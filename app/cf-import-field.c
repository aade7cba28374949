/* cf-import-field.c — the fields an import fills, by the names profiles and
 * the JSON output use and the names people read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-import-profile.h"

static const struct
{
  const char *name;
  const char *label;
} field_info[CF_N_FIELDS] = {
  [CF_FIELD_DATE]            = { "date",            N_("date") },
  [CF_FIELD_TIME]            = { "time",            N_("time") },
  [CF_FIELD_DATETIME]        = { "datetime",        N_("date and time") },
  [CF_FIELD_MERCHANT_NO]     = { "merchant_no",     N_("merchant no.") },
  [CF_FIELD_MERCHANT_NAME]   = { "merchant_name",   N_("merchant name") },
  [CF_FIELD_TERMINAL_NO]     = { "terminal_no",     N_("terminal no.") },
  [CF_FIELD_OPERATOR_NO]     = { "operator_no",     N_("operator no.") },
  [CF_FIELD_BATCH_NO]        = { "batch_no",        N_("batch no.") },
  [CF_FIELD_VOUCHER_NO]      = { "voucher_no",      N_("voucher no.") },
  [CF_FIELD_REF_NO]          = { "ref_no",          N_("reference no.") },
  [CF_FIELD_AUTH_CODE]       = { "auth_code",       N_("auth code") },
  [CF_FIELD_CARD_NO]         = { "card_no",         N_("card no.") },
  [CF_FIELD_CARD_BRAND]      = { "card_brand",      N_("card brand") },
  [CF_FIELD_CARD_KIND]       = { "card_kind",       N_("card kind") },
  [CF_FIELD_ISSUER]          = { "issuer",          N_("issuer") },
  [CF_FIELD_ACQUIRER]        = { "acquirer",        N_("acquirer") },
  [CF_FIELD_TXN_TYPE]        = { "type",            N_("transaction type") },
  [CF_FIELD_AMOUNT]          = { "amount",          N_("amount") },
  [CF_FIELD_FEE]             = { "fee",             N_("fee") },
  [CF_FIELD_NET_AMOUNT]      = { "net_amount",      N_("net amount") },
  [CF_FIELD_STATUS]          = { "status",          N_("status") },
  [CF_FIELD_ENTRY_MODE]      = { "entry_mode",      N_("entry mode") },
  [CF_FIELD_CURRENCY]        = { "currency",        N_("currency") },
  [CF_FIELD_TIME_ZONE]       = { "time_zone",       N_("time zone") },
  [CF_FIELD_ORIG_VOUCHER_NO] = { "orig_voucher_no", N_("original voucher no.") },
  [CF_FIELD_ORIG_REF_NO]     = { "orig_ref_no",     N_("original reference no.") },
  [CF_FIELD_ORIG_DATE]       = { "orig_date",       N_("original date") },
  [CF_FIELD_SOURCE_ID]       = { "source_id",       N_("transaction id") },
  [CF_FIELD_INCOME]          = { "income",          N_("income") },
  [CF_FIELD_EXPENSE]         = { "expense",         N_("expense") },
  [CF_FIELD_REFUND_AMOUNT]   = { "refund_amount",   N_("refund amount") },
  [CF_FIELD_REFUND_ID]       = { "refund_id",       N_("refund id") },
  [CF_FIELD_PAYMENT_METHOD]  = { "payment_method",  N_("payment method") },
  [CF_FIELD_ORDER_NO]        = { "order_no",        N_("merchant order no.") },
  [CF_FIELD_CHANNEL_NO]      = { "channel_no",      N_("channel transaction no.") },
  [CF_FIELD_STORE]           = { "store",           N_("store") },
};

/**
 * cf_field_get_name:
 *
 * Returns: the field's key in profiles and the JSON output, `voucher_no`
 */
const char *
cf_field_get_name (CfField field)
{
  g_return_val_if_fail (field < CF_N_FIELDS, NULL);
  return field_info[field].name;
}

/**
 * cf_field_from_name:
 * @name: a field's key, `voucher_no`
 *
 * Returns: the field, or %CF_N_FIELDS when @name names none
 */
CfField
cf_field_from_name (const char *name)
{
  for (guint f = 0; f < CF_N_FIELDS; f++)
    if (g_strcmp0 (name, field_info[f].name) == 0)
      return (CfField) f;
  return CF_N_FIELDS;
}

/**
 * cf_field_get_label:
 *
 * Returns: the field's name for people, translated
 */
const char *
cf_field_get_label (CfField field)
{
  g_return_val_if_fail (field < CF_N_FIELDS, NULL);
  return _(field_info[field].label);
}

