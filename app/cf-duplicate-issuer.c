/* cf-duplicate-issuer.c — issuing duplicate slips, accountably
 *
 * A duplicate is numbered per transaction, carries a check code — an HMAC
 * of the transaction's key and the number under a secret made once per
 * database — and is recorded with who, when, why, which copy and where it
 * went, in the same database transaction as an audit entry. The slip is
 * produced inside that transaction: a duplicate that was not produced is
 * not recorded, and one that was is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-duplicate-issuer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-audit-anchors.h"
#include "cf-duplicate-issuer.h"
#include "cf-enum-types.h"
#include "cf-store-private.h"
#include "cf-text.h"
#include "cf-transaction.h"

G_DEFINE_QUARK (cf-duplicate-error-quark, cf_duplicate_error)

#define SECRET_KEY "duplicate.secret"

/* Crockford's base32: no I, L, O, U, so that a code read aloud survives. */
static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

static const char *const reason_labels[] = {
  [CF_DUPLICATE_REASON_CUSTOMER]       = N_("Customer request"),
  [CF_DUPLICATE_REASON_RETRIEVAL]      = N_("Bank retrieval request"),
  [CF_DUPLICATE_REASON_TAX]            = N_("Tax or accounting"),
  [CF_DUPLICATE_REASON_RECONCILIATION] = N_("Internal reconciliation"),
  [CF_DUPLICATE_REASON_OTHER]          = N_("Other"),
};

const char *
cf_duplicate_reason_to_nick (CfDuplicateReason reason)
{
  g_return_val_if_fail (reason <= CF_DUPLICATE_REASON_OTHER, "other");
  return cf_enum_to_nick (CF_TYPE_DUPLICATE_REASON, reason);
}

gboolean
cf_duplicate_reason_from_nick (const char        *nick,
                               CfDuplicateReason *reason)
{
  int value;

  if (!cf_enum_from_nick (CF_TYPE_DUPLICATE_REASON, nick, &value))
    return FALSE;
  *reason = (CfDuplicateReason) value;
  return TRUE;
}

const char *
cf_duplicate_reason_get_label (CfDuplicateReason reason)
{
  g_return_val_if_fail (reason <= CF_DUPLICATE_REASON_OTHER, "");
  return _(reason_labels[reason]);
}

void
cf_duplicate_record_free (CfDuplicateRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->copy);
  g_free (record->reason);
  g_free (record->reason_text);
  g_free (record->operator_no);
  g_free (record->issued_at);
  g_free (record->output);
  g_free (record->code);
  g_free (record);
}

static char *
ensure_secret (CfStore  *store,
               GError  **error)
{
  char *secret = cf_store_get_setting (store, SECRET_KEY);

  if (secret == NULL)
    {
      GString *hex = g_string_new (NULL);

      for (guint i = 0; i < 8; i++)
        g_string_append_printf (hex, "%08x", g_random_int ());
      secret = g_string_free (hex, FALSE);
      if (!cf_store_set_setting (store, SECRET_KEY, secret, error))
        g_clear_pointer (&secret, g_free);
    }
  return secret;
}

static char *
natural_key_of (CfStore *store,
                gint64   transaction_id)
{
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store, "SELECT natural_key FROM transactions WHERE id = ?", NULL);
  char *key = NULL;

  if (stmt == NULL)
    return NULL;
  cf_db_bind_int64 (stmt, 1, transaction_id);
  if (cf_db_step (stmt) == CF_DB_ROW)
    key = cf_sql_dup_text (stmt, 0);
  return key;
}

/* XXXX-XXXX: the first 40 bits of the HMAC, in base32. */
static char *
make_code (const char *secret,
           const char *natural_key,
           gint64      transaction_id,
           guint       number)
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) secret, strlen (secret));
  g_autofree char *message = g_strdup_printf ("%s|%" G_GINT64_FORMAT "|%u", natural_key, transaction_id, number);
  guint8 digest[32];
  gsize len = sizeof digest;
  guint64 bits = 0;
  char code[10];

  g_hmac_update (hmac, (const guchar *) message, -1);
  g_hmac_get_digest (hmac, digest, &len);
  for (guint i = 0; i < 5; i++)
    bits = bits << 8 | digest[i];
  for (int i = 7; i >= 0; i--)
    {
      code[i < 4 ? i : i + 1] = alphabet[bits & 31];
      bits >>= 5;
    }
  code[4] = '-';
  code[9] = '\0';
  return g_strdup (code);
}

/* What a person typed: any case, with or without the dash, O for 0, I or L for 1. */
static char *
normalise_code (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c == 'O')
        c = '0';
      else if (c == 'I' || c == 'L')
        c = '1';
      if (strchr (alphabet, c) != NULL && c != '\0')
        g_string_append_c (out, c);
    }
  if (out->len == 8)
    g_string_insert_c (out, 4, '-');
  return g_string_free (out, FALSE);
}

static char *
operator_label (CfStore    *store,
                const char *operator_no)
{
  g_autoptr(CfDbStmt) stmt = NULL;
  char *label = NULL;

  if (operator_no == NULL)
    return g_strdup ("-");
  stmt = cf_store_prepare (store, "SELECT name FROM operators WHERE operator_no = ?", NULL);
  if (stmt != NULL)
    {
      cf_sql_bind_text (stmt, 1, operator_no, CF_DB_STATIC);
      if (cf_db_step (stmt) == CF_DB_ROW && g_strcmp0 ((const char *) cf_db_column_text (stmt, 0), operator_no) != 0)
        label = g_strdup_printf ("%s (%s)", cf_db_column_text (stmt, 0), operator_no);
      g_clear_pointer (&stmt, cf_db_finalize);
    }
  return label != NULL ? label : g_strdup (operator_no);
}

/**
 * cf_duplicate_preview:
 *
 * Returns: (transfer full): the slip as it would print, marked as a preview,
 *   not numbered and not recorded
 */
CfReceiptDoc *
cf_duplicate_preview (CfStore       *store,
                      CfTransaction *txn,
                      CfReceiptCopy  copy,
                      guint          columns)
{
  g_autofree char *name = cf_store_get_setting (store, "merchant.name");
  g_autofree char *no = cf_store_get_setting (store, "merchant.no");

  return cf_receipt_doc_new (txn, name, no, copy, NULL, columns);
}

/* The log's head after the duplicates goes into the anchor file; failing
 * to write it weakens the anchors, not the duplicate, so it is only said. */
static void
anchor_issue (CfStore   *store,
              GPtrArray *records)
{
  const CfDuplicateRecord *first = g_ptr_array_index (records, 0);
  g_autofree char *detail = g_strdup_printf ("transaction #%lld No. %u %s%s", (long long) first->transaction_id,
                                             first->number, first->code, records->len > 1 ? " and more" : "");
  g_autoptr(GError) error = NULL;

  if (!cf_audit_anchors_append (store, "duplicate", detail, &error))
    g_message ("%s", error->message);
}

/**
 * cf_duplicate_issue:
 * @transactions: (element-type CfTransaction): one duplicate each
 * @reason_text: (nullable): required for %CF_DUPLICATE_REASON_OTHER
 * @operator_no: (nullable): who issues them
 * @output: where they go, for the record: `pdf:/path/file.pdf`, `print`
 * @render: (scope call): produces the slips; its failure records nothing
 *
 * Returns: (transfer full) (element-type CfDuplicateRecord): what was issued
 */
GPtrArray *
cf_duplicate_issue (CfStore               *store,
                    GPtrArray             *transactions,
                    CfReceiptCopy          copy,
                    CfDuplicateReason      reason,
                    const char            *reason_text,
                    const char            *operator_no,
                    const char            *output,
                    guint                  columns,
                    CfDuplicateRenderFunc  render,
                    gpointer               user_data,
                    GError               **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_duplicate_record_free);
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *secret = NULL;
  g_autofree char *merchant_name = NULL;
  g_autofree char *merchant_no = NULL;
  g_autofree char *issued_by = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *issued_at = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  g_autofree char *chain = NULL;
  g_autoptr(CfDbStmt) next_number = NULL;
  g_autoptr(CfDbStmt) insert = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (transactions != NULL && transactions->len > 0, NULL);

  if (reason == CF_DUPLICATE_REASON_OTHER && cf_text_is_blank (reason_text))
    {
      g_set_error_literal (error, CF_DUPLICATE_ERROR, CF_DUPLICATE_ERROR_REASON,
                           _("Say why the duplicate is issued: the reason “other” needs a few words"));
      return NULL;
    }

  if (!cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return NULL;

  secret = ensure_secret (store, error);
  if (secret == NULL)
    goto out;
  merchant_name = cf_store_get_setting (store, "merchant.name");
  merchant_no = cf_store_get_setting (store, "merchant.no");
  issued_by = operator_label (store, operator_no);
  chain = cf_audit_current_fingerprint (store);

  next_number = cf_store_prepare (store, "SELECT coalesce (max (number), 0) + 1 FROM duplicates WHERE transaction_id = ?", error);
  insert = cf_store_prepare (store, "INSERT INTO duplicates (transaction_id, number, copy, reason, reason_text, "
                                    "operator_no, issued_at, output, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (next_number == NULL || insert == NULL)
    goto out;

  for (guint i = 0; i < transactions->len; i++)
    {
      CfTransaction *txn = g_ptr_array_index (transactions, i);
      gint64 id = cf_transaction_get_id (txn);
      g_autofree char *key = natural_key_of (store, id);
      CfDuplicateRecord *record;
      CfDuplicateInfo info;
      g_autofree char *details = NULL;

      if (key == NULL)
        {
          g_set_error (error, CF_DUPLICATE_ERROR, CF_DUPLICATE_ERROR_NOT_FOUND,
                       _("There is no transaction #%lld"), (long long) id);
          goto out;
        }

      cf_db_bind_int64 (next_number, 1, id);
      cf_db_step (next_number);
      record = g_new0 (CfDuplicateRecord, 1);
      record->transaction_id = id;
      record->number = (guint) cf_db_column_int (next_number, 0);
      cf_db_reset (next_number);
      record->copy = g_strdup (cf_receipt_copy_to_nick (copy));
      record->reason = g_strdup (cf_duplicate_reason_to_nick (reason));
      record->reason_text = g_strdup (reason_text);
      record->operator_no = g_strdup (operator_no);
      record->issued_at = g_strdup (issued_at);
      record->output = g_strdup (output);
      record->code = make_code (secret, key, id, record->number);
      g_ptr_array_add (records, record);

      cf_db_bind_int64 (insert, 1, id);
      cf_db_bind_int (insert, 2, (int) record->number);
      cf_sql_bind_text (insert, 3, record->copy, CF_DB_STATIC);
      cf_sql_bind_text (insert, 4, record->reason, CF_DB_STATIC);
      cf_sql_bind_text (insert, 5, reason_text, CF_DB_STATIC);
      cf_sql_bind_text (insert, 6, operator_no, CF_DB_STATIC);
      cf_sql_bind_text (insert, 7, issued_at, CF_DB_STATIC);
      cf_sql_bind_text (insert, 8, output, CF_DB_STATIC);
      cf_sql_bind_text (insert, 9, record->code, CF_DB_STATIC);
      if (cf_db_step (insert) != CF_DB_DONE)
        {
          cf_store_set_error (store, error, _("recording a duplicate"));
          goto out;
        }
      cf_db_reset (insert);
      cf_db_clear_bindings (insert);

      details = g_strdup_printf ("{\"number\":%u,\"copy\":\"%s\",\"reason\":\"%s\",\"output\":\"%s\",\"code\":\"%s\"}",
                                 record->number, record->copy, record->reason, output, record->code);
      if (!cf_store_add_audit_entry (store, operator_no, "issue-duplicate", "transaction", id, details, error))
        goto out;

      info.number = record->number;
      info.issued_at = issued_at;
      info.issued_by = issued_by;
      info.code = record->code;
      info.chain = chain;
      g_ptr_array_add (docs, cf_receipt_doc_new (txn, merchant_name, merchant_no, copy, &info, columns));
    }

  /* Produce them while the records are still uncommitted. */
  ok = render (docs, user_data, error);

out:
  g_clear_pointer (&next_number, cf_db_finalize);
  g_clear_pointer (&insert, cf_db_finalize);
  if (ok)
    ok = cf_store_exec (store, "COMMIT", error);
  if (!ok)
    {
      cf_store_exec (store, "ROLLBACK", NULL);
      return NULL;
    }
  anchor_issue (store, records);
  return g_steal_pointer (&records);
}

static CfDuplicateRecord *
record_from_row (CfDbStmt *stmt)
{
  CfDuplicateRecord *r = g_new0 (CfDuplicateRecord, 1);

  r->transaction_id = cf_db_column_int64 (stmt, 0);
  r->number = (guint) cf_db_column_int (stmt, 1);
  r->copy = cf_sql_dup_text (stmt, 2);
  r->reason = cf_sql_dup_text (stmt, 3);
  r->reason_text = cf_sql_dup_text (stmt, 4);
  r->operator_no = cf_sql_dup_text (stmt, 5);
  r->issued_at = cf_sql_dup_text (stmt, 6);
  r->output = cf_sql_dup_text (stmt, 7);
  r->code = cf_sql_dup_text (stmt, 8);
  return r;
}

#define RECORD_COLUMNS "transaction_id, number, copy, reason, reason_text, operator_no, issued_at, output, code"

/**
 * cf_duplicate_list_for:
 *
 * Returns: (transfer full) (element-type CfDuplicateRecord): the duplicates
 *   issued of a transaction, first first
 */
GPtrArray *
cf_duplicate_list_for (CfStore  *store,
                       gint64    transaction_id,
                       GError  **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_duplicate_record_free);
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store, "SELECT " RECORD_COLUMNS " FROM duplicates WHERE transaction_id = ? "
                                                "ORDER BY number", error);

  if (stmt == NULL)
    return NULL;
  cf_db_bind_int64 (stmt, 1, transaction_id);
  while (cf_db_step (stmt) == CF_DB_ROW)
    g_ptr_array_add (records, record_from_row (stmt));
  return g_steal_pointer (&records);
}

/**
 * cf_duplicate_verify:
 * @code: a check code as printed on a duplicate, typed in any case
 *
 * Returns: (transfer full): the duplicate the code belongs to, or %NULL with
 *   @error set when no duplicate of this database carries it
 */
CfDuplicateRecord *
cf_duplicate_verify (CfStore     *store,
                     const char  *code,
                     GError     **error)
{
  g_autofree char *normal = normalise_code (code);
  g_autofree char *secret = cf_store_get_setting (store, SECRET_KEY);
  g_autofree char *key = NULL;
  g_autofree char *expected = NULL;
  CfDuplicateRecord *record = NULL;
  g_autoptr(CfDbStmt) stmt = NULL;

  stmt = cf_store_prepare (store, "SELECT " RECORD_COLUMNS " FROM duplicates WHERE code = ?", error);
  if (stmt == NULL)
    return NULL;
  cf_sql_bind_text (stmt, 1, normal, CF_DB_STATIC);
  if (cf_db_step (stmt) == CF_DB_ROW)
    record = record_from_row (stmt);
  g_clear_pointer (&stmt, cf_db_finalize);

  /* The record must also be the one the secret signs: an edited row is not. */
  if (record != NULL && secret != NULL)
    {
      key = natural_key_of (store, record->transaction_id);
      expected = key != NULL ? make_code (secret, key, record->transaction_id, record->number) : NULL;
    }
  if (record == NULL || g_strcmp0 (expected, record->code) != 0)
    {
      cf_duplicate_record_free (record);
      g_set_error (error, CF_DUPLICATE_ERROR, CF_DUPLICATE_ERROR_NOT_FOUND,
                   _("%s is not the check code of any duplicate issued from this database"), code);
      return NULL;
    }
  return record;
}
