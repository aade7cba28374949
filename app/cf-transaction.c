/* cf-transaction.c — one card transaction as stored
 *
 * Immutable: built from a database row, read by the browser, the slip and the
 * command line. The card is only ever held masked. Properties exist for the
 * views that bind to them; C code calls the getters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-transaction"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-card-number.h"
#include "cf-money.h"
#include "cf-transaction-private.h"
#include "cf-transaction.h"

struct _CfTransaction
{
  GObject      parent_instance;

  gint64       id;
  char        *local_time;
  gboolean     has_utc_offset;
  int          utc_offset;
  char        *time_zone;
  char        *merchant_no;
  char        *merchant_name;
  char        *terminal_no;
  char        *operator_no;
  char        *batch_no;
  char        *voucher_no;
  char        *ref_no;
  char        *auth_code;
  char        *card_first6;
  char        *card_last4;
  guint        card_length;
  char        *card_brand;
  char        *card_kind;
  char        *issuer;
  char        *acquirer;
  CfTxnType    type;
  char        *type_text;
  gint64       amount_minor;
  gboolean     has_fee;
  gint64       fee_minor;
  char        *currency;
  char        *status;
  CfEntryMode  entry_mode;
  CfPaymentMethod payment_method;
  char        *orig_voucher_no;
  char        *orig_ref_no;
  char        *orig_date;
  char        *source_id;
  char        *order_no;
  char        *channel_no;
  char        *store_name;
  gint64       import_id;
  guint        source_line;
  guint        n_duplicates;
  gboolean     reported_lost;
};

G_DEFINE_FINAL_TYPE (CfTransaction, cf_transaction, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LOCAL_TIME,
  PROP_TERMINAL_NO,
  PROP_OPERATOR_NO,
  PROP_VOUCHER_NO,
  PROP_REF_NO,
  PROP_AUTH_CODE,
  PROP_MASKED_CARD,
  PROP_CARD_BRAND,
  PROP_TYPE_LABEL,
  PROP_AMOUNT_TEXT,
  PROP_SLIP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cf_transaction_finalize (GObject *object)
{
  CfTransaction *self = (CfTransaction *) object;

  g_free (self->local_time);
  g_free (self->time_zone);
  g_free (self->merchant_no);
  g_free (self->merchant_name);
  g_free (self->terminal_no);
  g_free (self->operator_no);
  g_free (self->batch_no);
  g_free (self->voucher_no);
  g_free (self->ref_no);
  g_free (self->auth_code);
  g_free (self->card_first6);
  g_free (self->card_last4);
  g_free (self->card_brand);
  g_free (self->card_kind);
  g_free (self->issuer);
  g_free (self->acquirer);
  g_free (self->type_text);
  g_free (self->currency);
  g_free (self->status);
  g_free (self->orig_voucher_no);
  g_free (self->orig_ref_no);
  g_free (self->orig_date);
  g_free (self->source_id);
  g_free (self->order_no);
  g_free (self->channel_no);
  g_free (self->store_name);

  G_OBJECT_CLASS (cf_transaction_parent_class)->finalize (object);
}

static void
cf_transaction_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CfTransaction *self = CF_TRANSACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_LOCAL_TIME:
      g_value_set_string (value, self->local_time);
      break;
    case PROP_TERMINAL_NO:
      g_value_set_string (value, self->terminal_no);
      break;
    case PROP_OPERATOR_NO:
      g_value_set_string (value, self->operator_no);
      break;
    case PROP_VOUCHER_NO:
      g_value_set_string (value, self->voucher_no);
      break;
    case PROP_REF_NO:
      g_value_set_string (value, self->ref_no);
      break;
    case PROP_AUTH_CODE:
      g_value_set_string (value, self->auth_code);
      break;
    case PROP_MASKED_CARD:
      g_value_take_string (value, cf_transaction_dup_masked_card (self, FALSE));
      break;
    case PROP_CARD_BRAND:
      g_value_set_string (value, self->card_brand);
      break;
    case PROP_TYPE_LABEL:
      g_value_set_string (value, self->type == CF_TXN_TYPE_OTHER && self->type_text != NULL
                                 ? self->type_text : cf_txn_type_get_label (self->type));
      break;
    case PROP_AMOUNT_TEXT:
      g_value_take_string (value, cf_transaction_dup_amount_text (self));
      break;
    case PROP_SLIP_STATUS:
      g_value_take_string (value, cf_transaction_dup_slip_status (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
cf_transaction_class_init (CfTransactionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_transaction_finalize;
  object_class->get_property = cf_transaction_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCAL_TIME] = string_property ("local-time");
  properties[PROP_TERMINAL_NO] = string_property ("terminal-no");
  properties[PROP_OPERATOR_NO] = string_property ("operator-no");
  properties[PROP_VOUCHER_NO] = string_property ("voucher-no");
  properties[PROP_REF_NO] = string_property ("ref-no");
  properties[PROP_AUTH_CODE] = string_property ("auth-code");
  properties[PROP_MASKED_CARD] = string_property ("masked-card");
  properties[PROP_CARD_BRAND] = string_property ("card-brand");
  properties[PROP_TYPE_LABEL] = string_property ("type-label");
  properties[PROP_AMOUNT_TEXT] = string_property ("amount-text");
  properties[PROP_SLIP_STATUS] = string_property ("slip-status");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_transaction_init (CfTransaction *self)
{
}

/**
 * cf_transaction_new_from_row:
 * @stmt: a statement positioned on a row of %CF_TRANSACTION_COLUMNS
 *
 * Returns: (transfer full): the transaction
 */
CfTransaction *
cf_transaction_new_from_row (CfDbStmt *stmt)
{
  CfTransaction *self = g_object_new (CF_TYPE_TRANSACTION, NULL);
  int c = 0;

  self->id = cf_db_column_int64 (stmt, c++);
  self->local_time = cf_sql_dup_text (stmt, c++);
  self->has_utc_offset = cf_db_column_type (stmt, c) != CF_DB_NULL;
  self->utc_offset = cf_db_column_int (stmt, c++);
  self->time_zone = cf_sql_dup_text (stmt, c++);
  self->merchant_no = cf_sql_dup_text (stmt, c++);
  self->merchant_name = cf_sql_dup_text (stmt, c++);
  self->terminal_no = cf_sql_dup_text (stmt, c++);
  self->operator_no = cf_sql_dup_text (stmt, c++);
  self->batch_no = cf_sql_dup_text (stmt, c++);
  self->voucher_no = cf_sql_dup_text (stmt, c++);
  self->ref_no = cf_sql_dup_text (stmt, c++);
  self->auth_code = cf_sql_dup_text (stmt, c++);
  self->card_first6 = cf_sql_dup_text (stmt, c++);
  self->card_last4 = cf_sql_dup_text (stmt, c++);
  self->card_length = (guint) cf_db_column_int (stmt, c++);
  self->card_brand = cf_sql_dup_text (stmt, c++);
  self->card_kind = cf_sql_dup_text (stmt, c++);
  self->issuer = cf_sql_dup_text (stmt, c++);
  self->acquirer = cf_sql_dup_text (stmt, c++);
  if (!cf_txn_type_from_nick ((const char *) cf_db_column_text (stmt, c++), &self->type))
    self->type = CF_TXN_TYPE_OTHER;
  self->type_text = cf_sql_dup_text (stmt, c++);
  self->amount_minor = cf_db_column_int64 (stmt, c++);
  self->has_fee = cf_db_column_type (stmt, c) != CF_DB_NULL;
  self->fee_minor = cf_db_column_int64 (stmt, c++);
  self->currency = cf_sql_dup_text (stmt, c++);
  self->status = cf_sql_dup_text (stmt, c++);
  self->entry_mode = cf_entry_mode_from_nick ((const char *) cf_db_column_text (stmt, c++));
  self->orig_voucher_no = cf_sql_dup_text (stmt, c++);
  self->orig_ref_no = cf_sql_dup_text (stmt, c++);
  self->orig_date = cf_sql_dup_text (stmt, c++);
  self->source_id = cf_sql_dup_text (stmt, c++);
  self->import_id = cf_db_column_int64 (stmt, c++);
  self->source_line = (guint) cf_db_column_int (stmt, c++);
  self->n_duplicates = (guint) cf_db_column_int (stmt, c++);
  self->reported_lost = cf_db_column_int (stmt, c++) != 0;
  if (!cf_payment_method_from_nick ((const char *) cf_db_column_text (stmt, c++), &self->payment_method))
    self->payment_method = CF_PAYMENT_METHOD_OTHER;
  self->order_no = cf_sql_dup_text (stmt, c++);
  self->channel_no = cf_sql_dup_text (stmt, c++);
  self->store_name = cf_sql_dup_text (stmt, c++);

  return self;
}

gint64
cf_transaction_get_id (CfTransaction *self)
{
  g_return_val_if_fail (CF_IS_TRANSACTION (self), 0);
  return self->id;
}

/**
 * cf_transaction_get_local_time:
 *
 * Returns: the wall time at the terminal, `YYYY-MM-DD HH:MM:SS`
 */
const char *
cf_transaction_get_local_time (CfTransaction *self)
{
  g_return_val_if_fail (CF_IS_TRANSACTION (self), NULL);
  return self->local_time;
}

/**
 * cf_transaction_get_utc_offset:
 * @minutes: (out): the terminal's offset from UTC, east positive
 *
 * Returns: whether the offset is known
 */
gboolean
cf_transaction_get_utc_offset (CfTransaction *self,
                               int           *minutes)
{
  g_return_val_if_fail (CF_IS_TRANSACTION (self), FALSE);
  *minutes = self->utc_offset;
  return self->has_utc_offset;
}

#define STRING_GETTER(field) \
  const char * \
  cf_transaction_get_##field (CfTransaction *self) \
  { \
    g_return_val_if_fail (CF_IS_TRANSACTION (self), NULL); \
    return self->field; \
  }

STRING_GETTER (time_zone)
STRING_GETTER (merchant_no)
STRING_GETTER (merchant_name)
STRING_GETTER (terminal_no)
STRING_GETTER (operator_no)
STRING_GETTER (batch_no)
STRING_GETTER (voucher_no)
STRING_GETTER (ref_no)
STRING_GETTER (auth_code)
STRING_GETTER (card_first6)
STRING_GETTER (card_last4)
STRING_GETTER (card_brand)
STRING_GETTER (card_kind)
STRING_GETTER (issuer)
STRING_GETTER (acquirer)
STRING_GETTER (type_text)
STRING_GETTER (currency)
STRING_GETTER (status)
STRING_GETTER (orig_voucher_no)
STRING_GETTER (orig_ref_no)
STRING_GETTER (orig_date)
STRING_GETTER (source_id)
STRING_GETTER (order_no)
STRING_GETTER (channel_no)
STRING_GETTER (store_name)

#undef STRING_GETTER

guint
cf_transaction_get_card_length (CfTransaction *self)
{
  g_return_val_if_fail (CF_IS_TRANSACTION (self), 0);
  return self->card_length;
}

/**
 * cf_transaction_dup_masked_card:
 * @last4_only: hide the first six digits even where they are stored
 *
 * Returns: (transfer full): the card as it may be shown, `622202******1234`,
 *   or "" when the source gave no card
 */
char *
cf_transaction_dup_masked_card (CfTransaction *self,
                                gboolean       last4_only)
{
  g_return_val_if_fail (CF_IS_TRANSACTION (self), NULL);
  return cf_card_number_format (self->card_first6, self->card_last4, self->card_length, last4_only);
}

CfTxnType
cf_transaction_get_txn_type (CfTransaction *self)
{
  g_return_val_if_fail (CF_IS_TRANSACTION (self), CF_TXN_TYPE_OTHER);
  return self->type;
}

/**
 * cf_transaction_get_amount_minor:
 *
 * Returns: the transaction's amount in minor units, never negative; its type
 *   says which way the money went
 */
gint64
cf_transaction_get_amount_minor (CfTransaction *self)
{
  g_return_val_if_fail (CF_IS_TRANSACTION (self), 0);
  return self->amount_minor;
}

/**
 * cf_transaction_get_signed_amount:
 *
 * Returns: the amount, negative for voids and refunds
 */
gint64
cf_transaction_get_signed_amount (CfTransaction *self)
{
  g_return_val_if_fail (CF_IS_TRANSACTION (self), 0);
  return cf_txn_type_is_reversal (self->type) ? -self->amount_minor : self->amount_minor;
}

gboolean
cf_transaction_get_fee_minor (CfTransaction *self,
                              gint64        *fee)
{
  g_return_val_if_fail (CF_IS_TRANSACTION (self), FALSE);
  *fee = self->fee_minor;
  return self->has_fee;
}

/**
 * cf_transaction_dup_amount_text:
 *
 * Returns: (transfer full): the signed amount for people, `-¥45.00`
 */
char *
cf_transaction_dup_amount_text (CfTransaction *self)
{
  g_return_val_if_fail (CF_IS_TRANSACTION (self), NULL);
  return cf_money_format (cf_transaction_get_signed_amount (self), self->currency);
}

/**
 * cf_transaction_get_payment_method:
 *
 * Returns: what the customer paid with
 */
CfPaymentMethod
cf_transaction_get_payment_method (CfTransaction *self)
{
  g_return_val_if_fail (CF_IS_TRANSACTION (self), CF_PAYMENT_METHOD_CARD);
  return self->payment_method;
}

CfEntryMode
cf_transaction_get_entry_mode (CfTransaction *self)
{
  g_return_val_if_fail (CF_IS_TRANSACTION (self), CF_ENTRY_MODE_UNKNOWN);
  return self->entry_mode;
}

gint64
cf_transaction_get_import_id (CfTransaction *self)
{
  g_return_val_if_fail (CF_IS_TRANSACTION (self), 0);
  return self->import_id;
}

/**
 * cf_transaction_get_n_duplicates:
 *
 * Returns: how many duplicates of the slip had been issued when the row was read
 */
guint
cf_transaction_get_n_duplicates (CfTransaction *self)
{
  g_return_val_if_fail (CF_IS_TRANSACTION (self), 0);
  return self->n_duplicates;
}

/**
 * cf_transaction_get_reported_lost:
 *
 * Returns: whether the slip is part of a loss incident
 */
gboolean
cf_transaction_get_reported_lost (CfTransaction *self)
{
  g_return_val_if_fail (CF_IS_TRANSACTION (self), FALSE);
  return self->reported_lost;
}

/**
 * cf_transaction_dup_slip_status:
 *
 * Returns: (transfer full): the paper slip's state for people: kept,
 *   reported lost, duplicates issued ×N, or both
 */
char *
cf_transaction_dup_slip_status (CfTransaction *self)
{
  g_return_val_if_fail (CF_IS_TRANSACTION (self), NULL);
  if (self->reported_lost && self->n_duplicates > 0)
    return g_strdup_printf (_("Lost · duplicates ×%u"), self->n_duplicates);
  if (self->reported_lost)
    return g_strdup (_("Reported lost"));
  if (self->n_duplicates > 0)
    return g_strdup_printf (_("Duplicates ×%u"), self->n_duplicates);
  return g_strdup (_("Kept"));
}

guint
cf_transaction_get_source_line (CfTransaction *self)
{
  g_return_val_if_fail (CF_IS_TRANSACTION (self), 0);
  return self->source_line;
}
