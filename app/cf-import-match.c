/* cf-import-match.c — one transaction from every file: a row that another
 * file already brought in is attached to that transaction as a source
 *
 * The terminal's journal and the acquirer's statement record the same sale
 * with different numbers (the statement has no batch no.), so the same
 * natural key cannot tell them apart. A row is matched, in this order, by
 * reference no., by terminal + voucher no. + day, and by amount + card
 * ending + terminal within ten minutes — always of the same type, never to
 * a transaction of the same file. One candidate: the row becomes a source
 * of it, fills what the transaction lacks, and where it disagrees
 * (amount, currency, card, time) a discrepancy is recorded, never written
 * over. Several: the row is stored on its own and a question is recorded.
 *
 * Only days that hold other files' transactions are looked at, so a
 * journal imported into an empty database costs nothing here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-importer-private.h"
#include "cf-money.h"

#define MAX_CANDIDATES 5

/* The shop's tables: in a dry run, the attached live database's. */
#define LIVE(run, table) ((run)->against_live ? "live." table : "main." table)

/* Numbers both records have must agree: a voucher no. comes round again in
 * another batch, and two sales with different RRNs are two sales. */
#define NUMBERS_AGREE \
  " AND (t.ref_no IS NULL OR ?7 IS NULL OR t.ref_no = ?7) AND (t.batch_no IS NULL OR ?8 IS NULL OR t.batch_no = ?8)"

/* The unary + keeps SQLite on the index of the number looked up: without
 * statistics it would walk the type's index, every sale of the shop. */
#define NOT_THIS_FILE \
  " AND +t.import_id IS NOT ?9 AND NOT EXISTS (SELECT 1 FROM %s s WHERE s.transaction_id = t.id AND s.import_id IS ?9)"

static CfDbStmt *
prepare (ImportRun   *run,
         GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (3, 4);

static CfDbStmt *
prepare (ImportRun   *run,
         GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return cf_store_prepare (run->store, sql, error);
}

gboolean
cf_import_match_prepare (ImportRun  *run,
                         GError    **error)
{
  const char *txns = LIVE (run, "transactions");
  const char *sources = LIVE (run, "transaction_sources");

  /* Nothing in the shop's database comes from a dry run's import. */
  run->match_import_id = run->against_live ? -1 : run->report->import_id;
  run->match_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  run->match_day = prepare (run, error,
    "SELECT EXISTS (SELECT 1 FROM %s t WHERE t.local_time >= ?1 AND t.local_time < date (?1, '+1 day') "
    "AND t.import_id IS NOT ?9)", txns);
  run->match_source_key = prepare (run, error,
    "SELECT s.transaction_id, s.amount_minor, s.local_time, s.card_last4, s.currency FROM %s s "
    "WHERE s.natural_key = ?1", sources);
  run->match_by_ref = prepare (run, error,
    "SELECT t.id FROM %s t WHERE t.ref_no = ?1 AND +t.type = ?2" NOT_THIS_FILE " LIMIT " G_STRINGIFY (MAX_CANDIDATES),
    txns, sources);
  run->match_by_voucher = prepare (run, error,
    "SELECT t.id FROM %s t WHERE t.voucher_no = ?1 AND +t.terminal_no = ?3 AND +t.type = ?2 "
    "AND t.local_time >= date (?4) AND t.local_time < date (?4, '+1 day')" NUMBERS_AGREE NOT_THIS_FILE
    " LIMIT " G_STRINGIFY (MAX_CANDIDATES), txns, sources);
  run->match_by_card = prepare (run, error,
    "SELECT t.id FROM %s t WHERE t.card_last4 = ?6 AND +t.amount_minor = ?5 AND +t.terminal_no IS ?3 AND +t.type = ?2 "
    "AND t.local_time BETWEEN datetime (?4, '-10 minutes') AND datetime (?4, '+10 minutes')" NUMBERS_AGREE NOT_THIS_FILE
    " LIMIT " G_STRINGIFY (MAX_CANDIDATES), txns, sources);
  run->match_stored = prepare (run, error,
    "SELECT t.amount_minor, t.currency, t.local_time, t.card_last4 FROM %s t WHERE t.id = ?1", txns);
  run->match_insert_source = cf_store_prepare (run->store,
    "INSERT INTO transaction_sources (transaction_id, import_id, source_line, natural_key, matched_by, local_time, "
    "  amount_minor, fee_minor, currency, card_last4, terminal_no, batch_no, voucher_no, ref_no, settlement_date) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)", error);
  run->match_insert_discrepancy = cf_store_prepare (run->store,
    "INSERT INTO transaction_discrepancies (transaction_id, source_id, field, stored, found) VALUES (?1, ?2, ?3, ?4, ?5)",
    error);
  /* What the transaction lacks, the source gives; what it has, it keeps.
   * Columns with an index are set only where they are missing, so that the
   * usual row (the statement's fee onto the journal's sale) touches no index. */
  run->match_fill = run->against_live ? NULL : cf_store_prepare (run->store,
    "UPDATE transactions SET batch_no = coalesce (batch_no, ?2), auth_code = coalesce (auth_code, ?5), "
    "  card_brand = coalesce (card_brand, ?6), card_kind = coalesce (card_kind, ?7), issuer = coalesce (issuer, ?8), "
    "  acquirer = coalesce (acquirer, ?9), fee_minor = coalesce (fee_minor, ?10), "
    "  merchant_no = coalesce (merchant_no, ?11), merchant_name = coalesce (merchant_name, ?12) "
    "WHERE id = ?1 AND ((batch_no IS NULL AND ?2 IS NOT NULL) OR (auth_code IS NULL AND ?5 IS NOT NULL) OR "
    "  (card_brand IS NULL AND ?6 IS NOT NULL) OR (card_kind IS NULL AND ?7 IS NOT NULL) OR "
    "  (issuer IS NULL AND ?8 IS NOT NULL) OR (acquirer IS NULL AND ?9 IS NOT NULL) OR "
    "  (fee_minor IS NULL AND CAST (?10 AS INTEGER) IS NOT NULL) OR (merchant_no IS NULL AND ?11 IS NOT NULL) OR "
    "  (merchant_name IS NULL AND ?12 IS NOT NULL));"
    "", error);
  run->match_fill_indexed = run->against_live ? NULL : cf_store_prepare (run->store,
    "UPDATE transactions SET voucher_no = coalesce (voucher_no, ?3), ref_no = coalesce (ref_no, ?4), "
    "  operator_no = coalesce (operator_no, ?13), source_id = coalesce (source_id, ?14), "
    "  order_no = coalesce (order_no, ?15), channel_no = coalesce (channel_no, ?16), store_name = coalesce (store_name, ?17) "
    "WHERE id = ?1 AND ((voucher_no IS NULL AND ?3 IS NOT NULL) OR (ref_no IS NULL AND ?4 IS NOT NULL) OR "
    "  (operator_no IS NULL AND ?13 IS NOT NULL) OR (source_id IS NULL AND ?14 IS NOT NULL) OR "
    "  (order_no IS NULL AND ?15 IS NOT NULL) OR (channel_no IS NULL AND ?16 IS NOT NULL) OR "
    "  (store_name IS NULL AND ?17 IS NOT NULL))", error);
  run->match_insert_question = cf_store_prepare (run->store,
    "INSERT INTO match_questions (transaction_id, candidates, rule, asked_at) VALUES (?1, ?2, ?3, ?4)", error);

  return run->match_day != NULL && run->match_source_key != NULL && run->match_by_ref != NULL &&
         run->match_by_voucher != NULL && run->match_by_card != NULL && run->match_stored != NULL &&
         run->match_insert_source != NULL && run->match_insert_discrepancy != NULL &&
         (run->against_live || (run->match_fill != NULL && run->match_fill_indexed != NULL)) &&
         run->match_insert_question != NULL;
}

void
cf_import_match_clear (ImportRun *run)
{
  g_clear_pointer (&run->match_day, cf_db_finalize);
  g_clear_pointer (&run->match_source_key, cf_db_finalize);
  g_clear_pointer (&run->match_by_ref, cf_db_finalize);
  g_clear_pointer (&run->match_by_voucher, cf_db_finalize);
  g_clear_pointer (&run->match_by_card, cf_db_finalize);
  g_clear_pointer (&run->match_stored, cf_db_finalize);
  g_clear_pointer (&run->match_insert_source, cf_db_finalize);
  g_clear_pointer (&run->match_insert_discrepancy, cf_db_finalize);
  g_clear_pointer (&run->match_fill, cf_db_finalize);
  g_clear_pointer (&run->match_fill_indexed, cf_db_finalize);
  g_clear_pointer (&run->match_insert_question, cf_db_finalize);
  g_clear_pointer (&run->match_days, g_hash_table_unref);
  g_clear_pointer (&run->question_candidates, g_free);
}

/* Whether another file put a transaction on the row's day: if not, there
 * is nothing to match, and the row goes in as before. */
/* Whether the day's other sources were asked about already. */
static gboolean
day_is_known (ImportRun  *run,
              const Row  *row)
{
  char day[11];

  g_strlcpy (day, row->local_time, sizeof day);
  return g_hash_table_contains (run->match_days, day);
}

static gboolean
day_has_others (ImportRun  *run,
                const Row  *row)
{
  char day[11];
  gpointer known;
  gboolean others;

  g_strlcpy (day, row->local_time, sizeof day);
  if (g_hash_table_lookup_extended (run->match_days, day, NULL, &known))
    return known != NULL;
  cf_db_bind_text (run->match_day, 1, day, -1, CF_DB_TRANSIENT);
  cf_db_bind_int64 (run->match_day, 9, run->match_import_id);
  others = cf_db_step (run->match_day) == CF_DB_ROW && cf_db_column_int (run->match_day, 0) != 0;
  cf_db_reset (run->match_day);
  g_hash_table_insert (run->match_days, g_strdup (day), GINT_TO_POINTER (others));
  return others;
}

/* Up to MAX_CANDIDATES ids from one rule's statement. */
static guint
collect (ImportRun    *run,
         CfDbStmt *stmt,
         const Row    *row,
         gint64        ids[MAX_CANDIDATES])
{
  guint n = 0;

  cf_sql_bind_text (stmt, 1, NULL, CF_DB_STATIC);
  if (stmt == run->match_by_ref)
    cf_sql_bind_text (stmt, 1, row->values[CF_FIELD_REF_NO], CF_DB_TRANSIENT);
  else if (stmt == run->match_by_voucher)
    cf_sql_bind_text (stmt, 1, row->values[CF_FIELD_VOUCHER_NO], CF_DB_TRANSIENT);
  cf_db_bind_text (stmt, 2, cf_txn_type_to_nick (row->type), -1, CF_DB_STATIC);
  if (stmt != run->match_by_ref)
    {
      cf_sql_bind_text (stmt, 3, row->values[CF_FIELD_TERMINAL_NO], CF_DB_TRANSIENT);
      cf_db_bind_text (stmt, 4, row->local_time, -1, CF_DB_TRANSIENT);
    }
  if (stmt == run->match_by_card)
    {
      cf_db_bind_int64 (stmt, 5, row->amount);
      cf_db_bind_text (stmt, 6, row->last4, -1, CF_DB_TRANSIENT);
    }
  if (stmt != run->match_by_ref)
    {
      cf_sql_bind_identifier (stmt, 7, row->values[CF_FIELD_REF_NO], CF_DB_TRANSIENT);
      cf_sql_bind_text (stmt, 8, row->values[CF_FIELD_BATCH_NO], CF_DB_TRANSIENT);
    }
  cf_db_bind_int64 (stmt, 9, run->match_import_id);
  while (n < MAX_CANDIDATES && cf_db_step (stmt) == CF_DB_ROW)
    ids[n++] = cf_db_column_int64 (stmt, 0);
  cf_db_reset (stmt);
  cf_db_clear_bindings (stmt);
  return n;
}

static gboolean
add_discrepancy (ImportRun   *run,
                 gint64       transaction_id,
                 gint64       source_id,
                 const char  *field,
                 const char  *stored,
                 const char  *found,
                 GError     **error)
{
  CfDbStmt *s = run->match_insert_discrepancy;

  cf_db_bind_int64 (s, 1, transaction_id);
  cf_db_bind_int64 (s, 2, source_id);
  cf_db_bind_text (s, 3, field, -1, CF_DB_STATIC);
  cf_sql_bind_text (s, 4, stored, CF_DB_TRANSIENT);
  cf_sql_bind_text (s, 5, found, CF_DB_TRANSIENT);
  return cf_store_step_done (run->store, s, _("recording a difference between files"), error);
}

/* Seconds between two local times, as far as a minute or two matters. */
static gint64
seconds_apart (const char *a,
               const char *b)
{
  g_autoptr(GDateTime) x = NULL;
  g_autoptr(GDateTime) y = NULL;
  g_autofree char *ia = g_strdup_printf ("%.10sT%sZ", a, a + 11);
  g_autofree char *ib = g_strdup_printf ("%.10sT%sZ", b, b + 11);

  if (strlen (a) < 19 || strlen (b) < 19)
    return G_MAXINT64;
  x = g_date_time_new_from_iso8601 (ia, NULL);
  y = g_date_time_new_from_iso8601 (ib, NULL);
  if (x == NULL || y == NULL)
    return G_MAXINT64;
  return ABS (g_date_time_difference (x, y)) / G_USEC_PER_SEC;
}

/* Where the new source disagrees with the transaction. */
static gboolean
record_discrepancies (ImportRun   *run,
                      const Row   *row,
                      gint64       transaction_id,
                      gint64       source_id,
                      GError     **error)
{
  CfDbStmt *s = run->match_stored;
  gint64 amount;
  g_autofree char *currency = NULL;
  g_autofree char *time = NULL;
  g_autofree char *last4 = NULL;
  gboolean ok = TRUE;

  cf_db_bind_int64 (s, 1, transaction_id);
  if (cf_db_step (s) != CF_DB_ROW)
    {
      cf_db_reset (s);
      return TRUE;
    }
  amount = cf_db_column_int64 (s, 0);
  currency = cf_sql_dup_text (s, 1);
  time = cf_sql_dup_text (s, 2);
  last4 = cf_sql_dup_text (s, 3);
  cf_db_reset (s);

  if (amount != row->amount)
    {
      g_autofree char *stored = cf_money_to_decimal (amount);
      g_autofree char *found = cf_money_to_decimal (row->amount);
      ok = add_discrepancy (run, transaction_id, source_id, "amount", stored, found, error);
    }
  if (ok && g_strcmp0 (currency, row->currency) != 0)
    ok = add_discrepancy (run, transaction_id, source_id, "currency", currency, row->currency, error);
  if (ok && last4 != NULL && *row->last4 != '\0' && !g_str_equal (last4, row->last4))
    ok = add_discrepancy (run, transaction_id, source_id, "card", last4, row->last4, error);
  /* Terminals' and hosts' clocks differ by seconds; more is worth a look. */
  if (ok && time != NULL && seconds_apart (time, row->local_time) > 120)
    ok = add_discrepancy (run, transaction_id, source_id, "time", time, row->local_time, error);
  if (ok && (amount != row->amount || g_strcmp0 (currency, row->currency) != 0))
    run->report->discrepancies++;
  return ok;
}

static gboolean
attach (ImportRun   *run,
        const Row   *row,
        guint        line,
        gint64       transaction_id,
        const char  *rule,
        GError     **error)
{
  CfDbStmt *s = run->match_insert_source;
  const char *const *v = row->values;
  gint64 source_id;

  cf_db_bind_int64 (s, 1, transaction_id);
  if (run->report->import_id > 0)
    cf_db_bind_int64 (s, 2, run->report->import_id);
  cf_db_bind_int (s, 3, (int) line);
  cf_sql_bind_identifier (s, 4, row->natural_key, CF_DB_TRANSIENT);
  cf_db_bind_text (s, 5, rule, -1, CF_DB_STATIC);
  cf_db_bind_text (s, 6, row->local_time, -1, CF_DB_TRANSIENT);
  cf_db_bind_int64 (s, 7, row->amount);
  if (row->has_fee)
    cf_db_bind_int64 (s, 8, row->fee);
  cf_db_bind_text (s, 9, row->currency, -1, CF_DB_TRANSIENT);
  if (*row->last4 != '\0')
    cf_db_bind_text (s, 10, row->last4, -1, CF_DB_TRANSIENT);
  cf_sql_bind_identifier (s, 11, v[CF_FIELD_TERMINAL_NO], CF_DB_TRANSIENT);
  cf_sql_bind_text (s, 12, v[CF_FIELD_BATCH_NO], CF_DB_TRANSIENT);
  cf_sql_bind_text (s, 13, v[CF_FIELD_VOUCHER_NO], CF_DB_TRANSIENT);
  cf_sql_bind_identifier (s, 14, v[CF_FIELD_REF_NO], CF_DB_TRANSIENT);
  if (*row->settlement_date != '\0')
    cf_db_bind_text (s, 15, row->settlement_date, -1, CF_DB_TRANSIENT);
  if (!cf_store_step_done (run->store, s, _("attaching a file's row to its transaction"), error))
    return FALSE;
  source_id = cf_db_last_insert_rowid (cf_store_get_db (run->store));

  for (guint i = 0; run->match_fill != NULL && i < 2; i++)
    {
      CfDbStmt *f = i == 0 ? run->match_fill : run->match_fill_indexed;

      cf_db_bind_int64 (f, 1, transaction_id);
      if (i == 0)
        {
          cf_sql_bind_text (f, 2, v[CF_FIELD_BATCH_NO], CF_DB_TRANSIENT);
          cf_sql_bind_text (f, 5, v[CF_FIELD_AUTH_CODE], CF_DB_TRANSIENT);
          cf_sql_bind_text (f, 6, row->card_brand, CF_DB_TRANSIENT);
          cf_sql_bind_text (f, 7, v[CF_FIELD_CARD_KIND], CF_DB_TRANSIENT);
          cf_sql_bind_text (f, 8, v[CF_FIELD_ISSUER], CF_DB_TRANSIENT);
          cf_sql_bind_text (f, 9, v[CF_FIELD_ACQUIRER], CF_DB_TRANSIENT);
          if (row->has_fee)
            cf_db_bind_int64 (f, 10, row->fee);
          cf_sql_bind_identifier (f, 11, v[CF_FIELD_MERCHANT_NO], CF_DB_TRANSIENT);
          cf_sql_bind_text (f, 12, v[CF_FIELD_MERCHANT_NAME], CF_DB_TRANSIENT);
        }
      else
        {
          cf_sql_bind_text (f, 3, v[CF_FIELD_VOUCHER_NO], CF_DB_TRANSIENT);
          cf_sql_bind_identifier (f, 4, v[CF_FIELD_REF_NO], CF_DB_TRANSIENT);
          cf_sql_bind_text (f, 13, v[CF_FIELD_OPERATOR_NO], CF_DB_TRANSIENT);
          cf_sql_bind_identifier (f, 14, v[CF_FIELD_SOURCE_ID], CF_DB_TRANSIENT);
          cf_sql_bind_identifier (f, 15, v[CF_FIELD_ORDER_NO], CF_DB_TRANSIENT);
          cf_sql_bind_identifier (f, 16, v[CF_FIELD_CHANNEL_NO], CF_DB_TRANSIENT);
          cf_sql_bind_text (f, 17, v[CF_FIELD_STORE], CF_DB_TRANSIENT);
        }
      if (!cf_store_step_done (run->store, f, _("completing a transaction from another file"), error))
        return FALSE;
    }

  if (!record_discrepancies (run, row, transaction_id, source_id, error))
    return FALSE;
  run->report->joined++;
  return TRUE;
}

/**
 * cf_import_match_row:
 * @handled: (out): whether the row is done with (joined to a transaction, or
 *   a duplicate or conflict of a source); if not, it is inserted as usual,
 *   and a pending question is recorded once it has its id
 *
 * Returns: %FALSE with @error set when the database failed
 */
gboolean
cf_import_match_row (ImportRun    *run,
                     CfCsvReader  *reader,
                     const Row    *row,
                     guint         line,
                     gboolean     *handled,
                     GError      **error)
{
  static const struct { const char *rule; gsize offset; } rules[] = {
    { "ref", G_STRUCT_OFFSET (ImportRun, match_by_ref) },
    { "voucher", G_STRUCT_OFFSET (ImportRun, match_by_voucher) },
    { "card", G_STRUCT_OFFSET (ImportRun, match_by_card) },
  };
  gint64 ids[MAX_CANDIDATES];
  guint n = 0;
  guint r;

  *handled = FALSE;
  g_clear_pointer (&run->question_candidates, g_free);
  /* Asking the database anything waits for a server's batch on its way:
   * only a new day, or a day that has other sources, asks. */
  if (!day_is_known (run, row) && run->batch != NULL && !cf_import_batch_settle (run, error))
    return FALSE;
  if (!day_has_others (run, row))
    return TRUE;
  if (run->batch != NULL && !cf_import_batch_settle (run, error))
    return FALSE;

  /* This row again: a source already on record. */
  cf_sql_bind_identifier (run->match_source_key, 1, row->natural_key, CF_DB_TRANSIENT);
  if (cf_db_step (run->match_source_key) == CF_DB_ROW)
    {
      gint64 id = cf_db_column_int64 (run->match_source_key, 0);
      gboolean same = cf_db_column_int64 (run->match_source_key, 1) == row->amount &&
                      g_strcmp0 ((const char *) cf_db_column_text (run->match_source_key, 2), row->local_time) == 0;

      cf_db_reset (run->match_source_key);
      *handled = TRUE;
      if (same)
        {
          run->report->duplicates++;
          return TRUE;
        }
      {
        g_autofree char *raw_text = cf_import_dup_scrubbed_record (reader);
        g_autofree char *reason = g_strdup_printf (_("differs from what this file said before of transaction #%lld"),
                                                   (long long) id);
        return cf_import_store_reject (run, CF_IMPORT_REJECT_CONFLICT, line, NULL, reason, raw_text, id, error);
      }
    }
  cf_db_reset (run->match_source_key);

  /* This row's own transaction: the usual duplicate-or-conflict. */
  cf_sql_bind_identifier (run->find_existing, 1, row->natural_key, CF_DB_TRANSIENT);
  if (cf_db_step (run->find_existing) == CF_DB_ROW)
    {
      cf_db_reset (run->find_existing);
      return TRUE;
    }
  cf_db_reset (run->find_existing);

  for (r = 0; r < G_N_ELEMENTS (rules) && n == 0; r++)
    {
      CfDbStmt *stmt = G_STRUCT_MEMBER (CfDbStmt *, run, rules[r].offset);

      if ((r == 0 && row->values[CF_FIELD_REF_NO] == NULL) ||
          (r == 1 && (row->values[CF_FIELD_VOUCHER_NO] == NULL || row->values[CF_FIELD_TERMINAL_NO] == NULL)) ||
          (r == 2 && *row->last4 == '\0'))
        continue;
      n = collect (run, stmt, row, ids);
    }
  if (n == 1)
    {
      *handled = TRUE;
      return attach (run, row, line, ids[0], rules[r - 1].rule, error);
    }
  if (n > 1)
    {
      GString *list = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
      run->question_candidates = g_string_free (list, FALSE);
      run->question_rule = rules[r - 1].rule;
    }
  return TRUE;
}

/**
 * cf_import_match_ask:
 * @transaction_id: the row just stored on its own
 *
 * Records the question a row with several candidates left.
 */
gboolean
cf_import_match_ask (ImportRun  *run,
                     gint64      transaction_id,
                     GError    **error)
{
  CfDbStmt *s = run->match_insert_question;
  char now[21];

  if (run->question_candidates == NULL)
    return TRUE;
  cf_store_now_utc (now);
  cf_db_bind_int64 (s, 1, transaction_id);
  cf_db_bind_text (s, 2, run->question_candidates, -1, CF_DB_TRANSIENT);
  cf_db_bind_text (s, 3, run->question_rule, -1, CF_DB_STATIC);
  cf_db_bind_text (s, 4, now, -1, CF_DB_TRANSIENT);
  g_clear_pointer (&run->question_candidates, g_free);
  run->report->questions++;
  return cf_store_step_done (run->store, s, _("recording an open match"), error);
}
