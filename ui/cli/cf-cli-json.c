/* cf-cli-json.c — what the command line prints with --json: members, the
 * transaction as `find` names its fields, and the document itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include "cf-cli-json.h"
#include "cf-money.h"
#include "cf-reconcile.h"

void
cf_cli_json_set_int (JsonBuilder *b,
                     const char  *name,
                     gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

/* A string member; NULL as JSON null. */
void
cf_cli_json_set_string (JsonBuilder *b,
                        const char  *name,
                        const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

void
cf_cli_json_set_bool (JsonBuilder *b,
                      const char  *name,
                      gboolean     value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

/* An amount as `find` prints one: "-1234.56", in the currency's major unit. */
void
cf_cli_json_set_money (JsonBuilder *b,
                       const char  *name,
                       gint64       minor)
{
  g_autofree char *decimal = cf_money_to_decimal (minor);

  cf_cli_json_set_string (b, name, decimal);
}

/* What a command that acts did, for --json: { "name": value, … } of whole
 * numbers, the names and values in pairs up to NULL. */
void
cf_cli_json_print_ints (const char *first_name,
                        ...)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  va_list args;

  json_builder_begin_object (b);
  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    cf_cli_json_set_int (b, name, va_arg (args, gint64));
  va_end (args);
  json_builder_end_object (b);
  cf_cli_json_print (b);
}

/* The same, of strings. */
void
cf_cli_json_print_strings (const char *first_name,
                           ...)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  va_list args;

  json_builder_begin_object (b);
  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    cf_cli_json_set_string (b, name, va_arg (args, const char *));
  va_end (args);
  json_builder_end_object (b);
  cf_cli_json_print (b);
}

/* The document, pretty-printed, as the command's whole output. */
void
cf_cli_json_print (JsonBuilder *b)
{
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autofree char *text = json_to_string (root, TRUE);

  g_print ("%s\n", text);
}

static void
add_sources (JsonBuilder   *b,
             CfStore       *store,
             CfTransaction *txn)
{
  /* Without the transaction's store (a chain's search), no sources. */
  g_autoptr(GPtrArray) sources = store != NULL ? cf_reconcile_list_sources (store, cf_transaction_get_id (txn), NULL)
                                               : NULL;

  json_builder_set_member_name (b, "sources");
  json_builder_begin_array (b);
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      CfTransactionSource *source = g_ptr_array_index (sources, i);
      g_autofree char *file = source->file != NULL ? g_path_get_basename (source->file) : NULL;

      json_builder_begin_object (b);
      cf_cli_json_set_string (b, "file", file);
      cf_cli_json_set_int (b, "line", source->line);
      cf_cli_json_set_string (b, "kind", source->kind);
      cf_cli_json_set_string (b, "matched_by", source->matched_by);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* A transaction as `find --json` prints it; every command uses these names. */
JsonNode *
cf_cli_json_transaction (CfStore       *store,
                         CfTransaction *txn)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *card = cf_transaction_dup_masked_card (txn, FALSE);
  g_autofree char *amount = cf_money_to_decimal (cf_transaction_get_signed_amount (txn));
  const struct { const char *name; const char *value; } strings[] = {
    { "time", cf_transaction_get_local_time (txn) },
    { "time_zone", cf_transaction_get_time_zone (txn) },
    { "merchant_no", cf_transaction_get_merchant_no (txn) },
    { "merchant_name", cf_transaction_get_merchant_name (txn) },
    { "terminal_no", cf_transaction_get_terminal_no (txn) },
    { "operator_no", cf_transaction_get_operator_no (txn) },
    { "batch_no", cf_transaction_get_batch_no (txn) },
    { "voucher_no", cf_transaction_get_voucher_no (txn) },
    { "ref_no", cf_transaction_get_ref_no (txn) },
    { "auth_code", cf_transaction_get_auth_code (txn) },
    { "card", *card != '\0' ? card : NULL },
    { "card_brand", cf_transaction_get_card_brand (txn) },
    { "issuer", cf_transaction_get_issuer (txn) },
    { "type", cf_txn_type_to_nick (cf_transaction_get_txn_type (txn)) },
    { "amount", amount },
    { "currency", cf_transaction_get_currency (txn) },
    { "status", cf_transaction_get_status (txn) },
    { "entry_mode", cf_entry_mode_to_nick (cf_transaction_get_entry_mode (txn)) },
    { "payment_method", cf_payment_method_to_nick (cf_transaction_get_payment_method (txn)) },
    { "source_id", cf_transaction_get_source_id (txn) },
    { "order_no", cf_transaction_get_order_no (txn) },
    { "channel_no", cf_transaction_get_channel_no (txn) },
    { "store", cf_transaction_get_store_name (txn) },
    { "orig_voucher_no", cf_transaction_get_orig_voucher_no (txn) },
    { "orig_ref_no", cf_transaction_get_orig_ref_no (txn) },
  };
  int offset;

  json_builder_begin_object (b);
  cf_cli_json_set_int (b, "id", cf_transaction_get_id (txn));
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    cf_cli_json_set_string (b, strings[i].name, strings[i].value);
  json_builder_set_member_name (b, "utc_offset_minutes");
  if (cf_transaction_get_utc_offset (txn, &offset))
    json_builder_add_int_value (b, offset);
  else
    json_builder_add_null_value (b);
  add_sources (b, store, txn);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

