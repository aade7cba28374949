/* cf-import-store.c — a read row into the store: the prepared statements
 * of one run, a transaction inserted or told apart as a duplicate (the same)
 * or a conflict (same key, different content), merchants, terminals and
 * operators met for the first time, and the rows kept aside with why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-card-number.h"
#include "cf-csv-reader.h"
#include "cf-import-report.h"
#include "cf-importer-private.h"
#include "cf-money.h"
#include "cf-store-private.h"

gboolean
cf_import_prepare_statements (ImportRun  *run,
                              GError    **error)
{
#define INSERT_TRANSACTION CF_IMPORT_INSERT_TRANSACTION
#define TRANSACTION_VALUES \
    "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, " \
    "  ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37"
#define EXISTING_COLUMNS "id, amount_minor, local_time, card_last4, type, currency"

  /* A dry run writes into its scratch database and reads the shop's, so
   * that what the shop holds still counts as stored. */
  run->insert_txn = cf_store_prepare (run->store, run->against_live
    ? INSERT_TRANSACTION "SELECT " TRANSACTION_VALUES " WHERE NOT EXISTS "
      "(SELECT 1 FROM live.transactions WHERE natural_key = ?1) ON CONFLICT (natural_key) DO NOTHING"
    : INSERT_TRANSACTION "VALUES (" TRANSACTION_VALUES ") ON CONFLICT (natural_key) DO NOTHING", error);
  if (run->insert_txn == NULL)
    return FALSE;
  /* A server takes a journal's rows a batch at a time: one round trip each. */
  if (cf_store_is_server (run->store))
    run->batch = cf_import_batch_new ();

  run->find_existing = cf_store_prepare (run->store, run->against_live
    ? "SELECT " EXISTING_COLUMNS " FROM main.transactions WHERE natural_key = ?1 UNION ALL "
      "SELECT " EXISTING_COLUMNS " FROM live.transactions WHERE natural_key = ?1 LIMIT 1"
    : "SELECT " EXISTING_COLUMNS " FROM transactions WHERE natural_key = ?1", error);
  run->insert_reject = cf_store_prepare (run->store,
    "INSERT INTO import_rejects (import_id, kind, line, column_name, raw_text, reason, transaction_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  run->insert_merchant = cf_store_prepare (run->store,
    "INSERT INTO merchants (merchant_no, name, created_at) VALUES (?, ?, ?) "
    "ON CONFLICT (merchant_no) DO UPDATE SET name = coalesce (merchants.name, excluded.name)", error);
  run->insert_terminal = cf_store_prepare (run->store,
    "INSERT INTO terminals (terminal_no, merchant_no, created_at) VALUES (?, ?, ?) "
    "ON CONFLICT (terminal_no) DO UPDATE SET merchant_no = coalesce (terminals.merchant_no, excluded.merchant_no)", error);
  run->insert_operator = cf_store_prepare (run->store,
    "INSERT INTO operators (operator_no, name, created_at) VALUES (?, ?, ?) ON CONFLICT (operator_no) DO NOTHING", error);

  return run->find_existing != NULL && run->insert_reject != NULL && run->insert_merchant != NULL &&
         run->insert_terminal != NULL && run->insert_operator != NULL && cf_import_match_prepare (run, error);
}

/* An empty cell is stored as NULL; merchant and terminal numbers
 * (@mode CF_CARD_SCRUB_IDENTIFIER) are masked only where they are a card of
 * a real issuer range. */
static void
bind_or_null (CfDbStmt *stmt,
              int           index,
              const char   *text,
              CfCardScrub   mode)
{
  if (text == NULL || *text == '\0')
    cf_db_bind_null (stmt, index);
  else if (mode == CF_CARD_SCRUB_IDENTIFIER)
    cf_sql_bind_identifier (stmt, index, text, CF_DB_TRANSIENT);
  else
    cf_sql_bind_text (stmt, index, text, CF_DB_TRANSIENT);
}

gboolean
cf_import_store_reject (ImportRun          *run,
                        CfImportRejectKind  kind,
                        guint               line,
                        const char         *column,
                        const char         *reason,
                        const char         *raw_text,
                        gint64              transaction_id,
                        GError            **error)
{
  /* Rows waiting in a batch go first: the report lists rows in the file's order. */
  if (run->batch != NULL && !cf_import_batch_flush (run, error))
    return FALSE;
  cf_import_report_add_reject (run->report, kind, line, column, reason, raw_text, transaction_id);

  cf_db_bind_int64 (run->insert_reject, 1, run->report->import_id);
  cf_sql_bind_text (run->insert_reject, 2, kind == CF_IMPORT_REJECT_CONFLICT ? "conflict" : "rejected", CF_DB_STATIC);
  cf_db_bind_int (run->insert_reject, 3, (int) line);
  bind_or_null (run->insert_reject, 4, column, CF_CARD_SCRUB_ANY);
  cf_sql_bind_text (run->insert_reject, 5, raw_text, CF_DB_TRANSIENT);
  cf_sql_bind_text (run->insert_reject, 6, reason, CF_DB_TRANSIENT);
  if (transaction_id > 0)
    cf_db_bind_int64 (run->insert_reject, 7, transaction_id);
  return cf_store_step_done (run->store, run->insert_reject, _("saving a rejected row"), error);
}

/* Reference data (merchant, terminal, operator) is added the first time a file names it. */
static gboolean
remember_reference_data (ImportRun  *run,
                         const Row  *row,
                         GError    **error)
{
  const char *merchant_no = row->values[CF_FIELD_MERCHANT_NO];
  const char *terminal_no = row->values[CF_FIELD_TERMINAL_NO];
  const char *operator_no = row->values[CF_FIELD_OPERATOR_NO];
  char now[21];

  /* Asked for every row: the clock is read only for what is new. */
  if ((merchant_no == NULL || g_hash_table_contains (run->seen_merchants, merchant_no)) &&
      (terminal_no == NULL || g_hash_table_contains (run->seen_terminals, terminal_no)) &&
      (operator_no == NULL || g_hash_table_contains (run->seen_operators, operator_no)))
    return TRUE;
  cf_store_now_utc (now);

  if (merchant_no != NULL && !g_hash_table_contains (run->seen_merchants, merchant_no))
    {
      cf_sql_bind_identifier (run->insert_merchant, 1, merchant_no, CF_DB_TRANSIENT);
      bind_or_null (run->insert_merchant, 2, row->values[CF_FIELD_MERCHANT_NAME], CF_CARD_SCRUB_ANY);
      cf_sql_bind_text (run->insert_merchant, 3, now, CF_DB_TRANSIENT);
      if (!cf_store_step_done (run->store, run->insert_merchant, _("saving a merchant"), error))
        return FALSE;
      g_hash_table_add (run->seen_merchants, g_strdup (merchant_no));
    }
  if (terminal_no != NULL && !g_hash_table_contains (run->seen_terminals, terminal_no))
    {
      cf_sql_bind_identifier (run->insert_terminal, 1, terminal_no, CF_DB_TRANSIENT);
      bind_or_null (run->insert_terminal, 2, merchant_no, CF_CARD_SCRUB_IDENTIFIER);
      cf_sql_bind_text (run->insert_terminal, 3, now, CF_DB_TRANSIENT);
      if (!cf_store_step_done (run->store, run->insert_terminal, _("saving a terminal"), error))
        return FALSE;
      g_hash_table_add (run->seen_terminals, g_strdup (terminal_no));
    }
  if (operator_no != NULL && !g_hash_table_contains (run->seen_operators, operator_no))
    {
      cf_sql_bind_text (run->insert_operator, 1, operator_no, CF_DB_TRANSIENT);
      cf_sql_bind_text (run->insert_operator, 2, operator_no, CF_DB_TRANSIENT);
      cf_sql_bind_text (run->insert_operator, 3, now, CF_DB_TRANSIENT);
      if (!cf_store_step_done (run->store, run->insert_operator, _("saving an operator"), error))
        return FALSE;
      g_hash_table_add (run->seen_operators, g_strdup (operator_no));
    }
  return TRUE;
}

/* The row as it stands in the file, for the clerk; card numbers masked. */
char *
cf_import_dup_scrubbed_record (CfCsvReader *reader)
{
  g_autofree char *raw = cf_csv_reader_dup_record_text (reader);

  return cf_card_number_scrub (raw, CF_CARD_SCRUB_ANY, NULL);
}

static void
append_difference (GString    *out,
                   const char *difference)
{
  if (out->len > 0)
    g_string_append (out, "; ");
  g_string_append (out, difference);
}

/* Returns: (nullable): how the stored transaction differs from the row, or NULL if it does not */
static char *
describe_conflict (CfDbStmt *existing,
                   const Row    *row)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 id = cf_db_column_int64 (existing, 0);
  gint64 amount = cf_db_column_int64 (existing, 1);
  const char *time = (const char *) cf_db_column_text (existing, 2);
  const char *last4 = (const char *) cf_db_column_text (existing, 3);
  const char *type = (const char *) cf_db_column_text (existing, 4);
  const char *currency = (const char *) cf_db_column_text (existing, 5);

  if (amount != row->amount || g_strcmp0 (currency, row->currency) != 0)
    {
      g_autofree char *stored = cf_money_format (amount, currency);
      g_autofree char *here = cf_money_format (row->amount, row->currency);
      g_autofree char *difference = g_strdup_printf (_("amount %s, stored %s"), here, stored);
      append_difference (out, difference);
    }
  if (g_strcmp0 (time, row->local_time) != 0)
    {
      g_autofree char *difference = g_strdup_printf (_("time %s, stored %s"), row->local_time, time);
      append_difference (out, difference);
    }
  if (last4 != NULL && *row->last4 != '\0' && g_strcmp0 (last4, row->last4) != 0)
    {
      g_autofree char *difference = g_strdup_printf (_("card ending %s, stored %s"), row->last4, last4);
      append_difference (out, difference);
    }
  if (g_strcmp0 (type, cf_txn_type_to_nick (row->type)) != 0)
    {
      CfTxnType stored_type = CF_TXN_TYPE_OTHER;
      g_autofree char *difference = NULL;

      cf_txn_type_from_nick (type, &stored_type);
      difference = g_strdup_printf (_("type %s, stored %s"),
                                    cf_txn_type_get_label (row->type), cf_txn_type_get_label (stored_type));
      append_difference (out, difference);
    }

  if (out->len == 0)
    return NULL;
  return g_strdup_printf (_("differs from stored transaction #%lld: %s"), (long long) id, out->str);
}

/**
 * cf_import_bind_transaction:
 * @first: the statement's parameter before this row's first (0, or the
 *   rows before it in a batch × CF_IMPORT_TRANSACTION_COLUMNS)
 *
 * Binds @row as the values of one transaction.
 */
void
cf_import_bind_transaction (ImportRun *run,
                            CfDbStmt  *s,
                            int        first,
                            const Row *row,
                            guint      line)
{
  const char *const *v = row->values;
  int f = first;

  cf_sql_bind_identifier (s, f + 1, row->natural_key, CF_DB_TRANSIENT);
  if (run->report->import_id > 0)
    cf_db_bind_int64 (s, f + 2, run->report->import_id);
  cf_db_bind_int (s, f + 3, (int) line);
  cf_sql_bind_text (s, f + 4, row->local_time, CF_DB_TRANSIENT);
  if (row->has_offset)
    cf_db_bind_int (s, f + 5, row->utc_offset);
  bind_or_null (s, f + 6, v[CF_FIELD_TIME_ZONE], CF_CARD_SCRUB_ANY);
  bind_or_null (s, f + 7, v[CF_FIELD_MERCHANT_NO], CF_CARD_SCRUB_IDENTIFIER);
  bind_or_null (s, f + 8, v[CF_FIELD_MERCHANT_NAME], CF_CARD_SCRUB_ANY);
  bind_or_null (s, f + 9, v[CF_FIELD_TERMINAL_NO], CF_CARD_SCRUB_IDENTIFIER);
  bind_or_null (s, f + 10, v[CF_FIELD_OPERATOR_NO], CF_CARD_SCRUB_ANY);
  bind_or_null (s, f + 11, v[CF_FIELD_BATCH_NO], CF_CARD_SCRUB_ANY);
  bind_or_null (s, f + 12, v[CF_FIELD_VOUCHER_NO], CF_CARD_SCRUB_ANY);
  bind_or_null (s, f + 13, v[CF_FIELD_REF_NO], CF_CARD_SCRUB_IDENTIFIER);
  bind_or_null (s, f + 14, v[CF_FIELD_AUTH_CODE], CF_CARD_SCRUB_ANY);
  bind_or_null (s, f + 15, row->first6, CF_CARD_SCRUB_ANY);
  bind_or_null (s, f + 16, row->last4, CF_CARD_SCRUB_ANY);
  if (row->card_length > 0)
    cf_db_bind_int (s, f + 17, (int) row->card_length);
  bind_or_null (s, f + 18, row->card_brand, CF_CARD_SCRUB_ANY);
  bind_or_null (s, f + 19, v[CF_FIELD_CARD_KIND], CF_CARD_SCRUB_ANY);
  bind_or_null (s, f + 20, v[CF_FIELD_ISSUER], CF_CARD_SCRUB_ANY);
  bind_or_null (s, f + 21, v[CF_FIELD_ACQUIRER], CF_CARD_SCRUB_ANY);
  cf_sql_bind_text (s, f + 22, cf_txn_type_to_nick (row->type), CF_DB_STATIC);
  bind_or_null (s, f + 23, row->type_text, CF_CARD_SCRUB_ANY);
  cf_db_bind_int64 (s, f + 24, row->amount);
  if (row->has_fee)
    cf_db_bind_int64 (s, f + 25, row->fee);
  cf_sql_bind_text (s, f + 26, row->currency, CF_DB_TRANSIENT);
  bind_or_null (s, f + 27, v[CF_FIELD_STATUS], CF_CARD_SCRUB_ANY);
  if (row->entry_mode != CF_ENTRY_MODE_UNKNOWN)
    cf_sql_bind_text (s, f + 28, cf_entry_mode_to_nick (row->entry_mode), CF_DB_STATIC);
  bind_or_null (s, f + 29, v[CF_FIELD_ORIG_VOUCHER_NO], CF_CARD_SCRUB_ANY);
  bind_or_null (s, f + 30, v[CF_FIELD_ORIG_REF_NO], CF_CARD_SCRUB_IDENTIFIER);
  bind_or_null (s, f + 31, v[CF_FIELD_ORIG_DATE], CF_CARD_SCRUB_ANY);
  bind_or_null (s, f + 32, v[CF_FIELD_SOURCE_ID], CF_CARD_SCRUB_IDENTIFIER);
  cf_sql_bind_text (s, f + 33, cf_payment_method_to_nick (row->payment_method), CF_DB_STATIC);
  if (*row->settlement_date != '\0')
    cf_db_bind_text (s, f + 34, row->settlement_date, -1, CF_DB_TRANSIENT);
  bind_or_null (s, f + 35, v[CF_FIELD_ORDER_NO], CF_CARD_SCRUB_IDENTIFIER);
  bind_or_null (s, f + 36, v[CF_FIELD_CHANNEL_NO], CF_CARD_SCRUB_IDENTIFIER);
  bind_or_null (s, f + 37, v[CF_FIELD_STORE], CF_CARD_SCRUB_ANY);
}

/**
 * cf_import_store_outcome:
 * @inserted_id: the transaction the row became, or 0 when its key was stored already
 * @raw_text: (nullable): the row as read, scrubbed; read from @reader when %NULL
 *
 * What follows a row's insert: counted and asked about, or told apart as
 * a duplicate (the same) or a conflict (same key, different content).
 */
gboolean
cf_import_store_outcome (ImportRun    *run,
                         CfCsvReader  *reader,
                         const Row    *row,
                         guint         line,
                         const char   *raw_text,
                         gint64        inserted_id,
                         GError      **error)
{
  if (inserted_id > 0)
    {
      run->report->imported++;
      return cf_import_match_ask (run, inserted_id, error) && remember_reference_data (run, row, error);
    }

  /* Already stored: the same, or not? */
  cf_sql_bind_identifier (run->find_existing, 1, row->natural_key, CF_DB_TRANSIENT);
  if (cf_db_step (run->find_existing) == CF_DB_ROW)
    {
      g_autofree char *conflict = describe_conflict (run->find_existing, row);
      gint64 id = cf_db_column_int64 (run->find_existing, 0);

      cf_db_reset (run->find_existing);
      if (conflict != NULL)
        {
          g_autofree char *read = raw_text == NULL ? cf_import_dup_scrubbed_record (reader) : NULL;
          return cf_import_store_reject (run, CF_IMPORT_REJECT_CONFLICT, line, NULL, conflict,
                                         raw_text != NULL ? raw_text : read, id, error);
        }
      run->report->duplicates++;
      return TRUE;
    }
  cf_db_reset (run->find_existing);
  return cf_store_set_error (run->store, error, _("looking up a stored transaction"));
}

/**
 * cf_import_store_checked_out:
 *
 * A row the schema's own checks refused (the last line): kept aside with
 * the check's words, naming the row, not SQL.
 */
gboolean
cf_import_store_checked_out (ImportRun    *run,
                             guint         line,
                             const char   *raw_text,
                             GError      **error)
{
  g_autofree char *reason = g_strdup (cf_db_errmsg (cf_store_get_db (run->store)));

  return cf_import_store_reject (run, CF_IMPORT_REJECT_BAD_ROW, line, NULL, reason, raw_text, 0, error);
}

/* Inserts the row, or tells a duplicate from a conflict. On a server the
 * row joins the batch sent together (cf-import-batch.c). */
gboolean
cf_import_store_row (ImportRun   *run,
                     CfCsvReader *reader,
                     const Row   *row,
                     guint        line,
                     GError     **error)
{
  CfDbStmt *s = run->insert_txn;
  gboolean handled;
  int rc;

  if (!cf_import_match_row (run, reader, row, line, &handled, error))
    return FALSE;
  if (handled)
    return TRUE;
  if (run->batch != NULL)
    return cf_import_batch_add (run, reader, row, line, error);

  cf_import_bind_transaction (run, s, 0, row, line);
  rc = cf_db_step (s);
  cf_db_reset (s);
  cf_db_clear_bindings (s);

  if (rc == SQLITE_CONSTRAINT_CHECK)
    {
      g_autofree char *raw_text = cf_import_dup_scrubbed_record (reader);

      return cf_import_store_checked_out (run, line, raw_text, error);
    }
  if (rc != CF_DB_DONE)
    return cf_store_set_error (run->store, error, _("saving a transaction"));
  return cf_import_store_outcome (run, reader, row, line, NULL,
                                  cf_db_changes (cf_store_get_db (run->store)) > 0
                                    ? cf_db_last_insert_rowid (cf_store_get_db (run->store)) : 0,
                                  error);
}
