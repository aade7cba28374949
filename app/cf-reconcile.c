/* cf-reconcile.c — the terminal's journal against what was settled (对账)
 *
 * A transaction's records come from its first file and its sources (see
 * cf-import-match.c), each of a kind: the terminal's journal on one side;
 * the acquirer's statement, a wallet's bill or a processor's export on the
 * other. For a period, each transaction is matched (both sides), differs
 * (both, with an amount that does not agree), unsettled (journal only) or
 * missing from the journal (settled only: the terminal lost it, and its
 * slip with it). Demo data and imports from before files had kinds count
 * as the journal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-reconcile"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-money.h"
#include "cf-reconcile.h"
#include "cf-settlement.h"
#include "cf-store-private.h"
#include "cf-text.h"
#include "cf-types.h"

static const struct
{
  const char *nick;
  const char *label;
} classes[CF_RECONCILE_N_CLASSES] = {
  [CF_RECONCILE_MATCHED]   = { "matched",   N_("Matched") },
  [CF_RECONCILE_DIFFERS]   = { "differs",   N_("Amounts differ") },
  [CF_RECONCILE_FEE_DIFFERS] = { "fee",     N_("Fee not as agreed") },
  [CF_RECONCILE_UNSETTLED] = { "unsettled", N_("In the journal, not settled") },
  [CF_RECONCILE_MISSING]   = { "missing",   N_("Settled, not in the journal") },
  [CF_RECONCILE_EXPECTED]  = { "expected",  N_("Marked as expected") },
};

const char *
cf_reconcile_class_to_nick (CfReconcileClass klass)
{
  g_return_val_if_fail (klass < CF_RECONCILE_N_CLASSES, NULL);
  return classes[klass].nick;
}

/**
 * cf_reconcile_class_label:
 *
 * Returns: the class's name for people, translated
 */
const char *
cf_reconcile_class_label (CfReconcileClass klass)
{
  g_return_val_if_fail (klass < CF_RECONCILE_N_CLASSES, NULL);
  return _(classes[klass].label);
}

void
cf_reconciliation_free (CfReconciliation *self)
{
  if (self == NULL)
    return;
  for (guint c = 0; c < CF_RECONCILE_N_CLASSES; c++)
    g_clear_pointer (&self->ids[c], g_array_unref);
  g_free (self);
}

/* Whether the acquirer's fee on a sale (the statement's, at @column, then
 * the method and card kind) is more than a fen from what the agreed rate
 * makes; @expected gets what it makes. Refunds and voids are not priced. */
static gboolean
fee_is_off (const CfFeeRate  rates[CF_FEE_KIND_N],
            CfTxnType        type,
            gint64           amount,
            CfDbStmt    *stmt,
            int              column,
            gint64          *expected)
{
  const CfFeeRate *rate;
  gint64 fee, want;

  if (cf_db_column_type (stmt, column) == CF_DB_NULL ||
      (type != CF_TXN_TYPE_SALE && type != CF_TXN_TYPE_AUTH_COMPLETE))
    return FALSE;
  rate = cf_fee_rates_pick (rates, cf_fee_kind_of ((const char *) cf_db_column_text (stmt, column + 1),
                                                   (const char *) cf_db_column_text (stmt, column + 2)));
  if (rate == NULL)
    return FALSE;
  fee = cf_db_column_int64 (stmt, column);
  want = cf_fee_rate_expected (rate, amount);
  if (expected != NULL)
    *expected = want;
  return fee - want > 1 || want - fee > 1;
}

#define SCOPE \
  "t.local_time >= ?1 AND t.local_time < ?2 AND (?3 IS NULL OR t.terminal_no = ?3)"

/**
 * cf_reconcile_compute:
 * @from: first moment, `YYYY-MM-DD HH:MM:SS`
 * @to: the moment after the last
 * @terminal_no: (nullable): one terminal, or all
 *
 * Returns: (transfer full): each class's transactions, count and amount
 */
CfReconciliation *
cf_reconcile_compute (CfStore     *store,
                      const char  *from,
                      const char  *to,
                      const char  *terminal_no,
                      GError     **error)
{
  g_autoptr(CfReconciliation) self = g_new0 (CfReconciliation, 1);
  g_autoptr(CfDbStmt) stmt = NULL;
  g_autoptr(CfDbStmt) questions = NULL;
  CfFeeRate rates[CF_FEE_KIND_N];
  int rc;

  for (guint c = 0; c < CF_RECONCILE_N_CLASSES; c++)
    self->ids[c] = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!cf_fee_rates_load (store, rates, error))
    return NULL;

  stmt = cf_store_prepare (store,
    "WITH k (id, kind) AS ("
    "  SELECT t.id, coalesce (i.kind, 'journal') FROM transactions t LEFT JOIN imports i ON i.id = t.import_id "
    "  WHERE " SCOPE
    "  UNION ALL "
    "  SELECT s.transaction_id, coalesce (i.kind, 'journal') FROM transaction_sources s "
    "  JOIN transactions t ON t.id = s.transaction_id LEFT JOIN imports i ON i.id = s.import_id WHERE " SCOPE ") "
    "SELECT t.id, max (k.kind = 'journal'), max (k.kind <> 'journal'), "
    "  EXISTS (SELECT 1 FROM transaction_discrepancies d WHERE d.transaction_id = t.id "
    "          AND d.field IN ('amount', 'currency') AND d.accepted_at IS NULL), "
    "  t.amount_minor, t.type, t.fee_minor, t.payment_method, t.card_kind, "
    "  EXISTS (SELECT 1 FROM reconcile_marks m WHERE m.transaction_id = t.id) "
    "FROM k JOIN transactions t ON t.id = k.id GROUP BY t.id ORDER BY t.local_time, t.id", error);
  if (stmt == NULL)
    return NULL;
  cf_db_bind_text (stmt, 1, from, -1, CF_DB_TRANSIENT);
  cf_db_bind_text (stmt, 2, to, -1, CF_DB_TRANSIENT);
  cf_sql_bind_text (stmt, 3, terminal_no, CF_DB_TRANSIENT);
  while ((rc = cf_db_step (stmt)) == CF_DB_ROW)
    {
      gint64 id = cf_db_column_int64 (stmt, 0);
      gboolean journal = cf_db_column_int (stmt, 1) != 0;
      gboolean settled = cf_db_column_int (stmt, 2) != 0;
      gboolean differs = cf_db_column_int (stmt, 3) != 0;
      gint64 amount = cf_db_column_int64 (stmt, 4);
      gboolean marked = cf_db_column_int (stmt, 9) != 0;
      CfTxnType type = CF_TXN_TYPE_OTHER;
      CfReconcileClass klass;

      cf_txn_type_from_nick ((const char *) cf_db_column_text (stmt, 5), &type);
      if (journal && settled)
        klass = differs ? CF_RECONCILE_DIFFERS
              : fee_is_off (rates, type, amount, stmt, 6, NULL) ? CF_RECONCILE_FEE_DIFFERS : CF_RECONCILE_MATCHED;
      else
        klass = marked ? CF_RECONCILE_EXPECTED : journal ? CF_RECONCILE_UNSETTLED : CF_RECONCILE_MISSING;
      self->count[klass]++;
      self->amount_minor[klass] += cf_txn_type_is_reversal (type) ? -amount : amount;
      g_array_append_val (self->ids[klass], id);
    }
  if (rc != CF_DB_DONE)
    {
      cf_store_set_error (store, error, _("reconciling"));
      return NULL;
    }

  questions = cf_store_prepare (store,
    "SELECT count (*) FROM match_questions q JOIN transactions t ON t.id = q.transaction_id "
    "WHERE q.resolved_at IS NULL AND " SCOPE, error);
  if (questions == NULL)
    return NULL;
  cf_db_bind_text (questions, 1, from, -1, CF_DB_TRANSIENT);
  cf_db_bind_text (questions, 2, to, -1, CF_DB_TRANSIENT);
  cf_sql_bind_text (questions, 3, terminal_no, CF_DB_TRANSIENT);
  if (cf_db_step (questions) == CF_DB_ROW)
    self->open_questions = (guint) cf_db_column_int (questions, 0);
  return g_steal_pointer (&self);
}

static const char *
field_label (const char *field)
{
  if (g_strcmp0 (field, "amount") == 0)
    return _("amount");
  if (g_strcmp0 (field, "time") == 0)
    return _("time");
  if (g_strcmp0 (field, "card") == 0)
    return _("card ending");
  if (g_strcmp0 (field, "currency") == 0)
    return _("currency");
  return field;
}

/**
 * cf_reconcile_describe_differences:
 *
 * Returns: (transfer full) (element-type utf8): for each open discrepancy of
 *   the transaction, what it says and what the other file said:
 *   `amount 66.80; statement.csv line 4 says 68.60`
 */
GPtrArray *
cf_reconcile_describe_differences (CfStore  *store,
                                   gint64    transaction_id,
                                   GError  **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store,
    "SELECT d.field, d.stored, d.found, coalesce (i.file_name, ''), s.source_line FROM transaction_discrepancies d "
    "JOIN transaction_sources s ON s.id = d.source_id LEFT JOIN imports i ON i.id = s.import_id "
    "WHERE d.transaction_id = ? AND d.accepted_at IS NULL ORDER BY d.id", error);

  g_autoptr(CfDbStmt) priced = NULL;
  CfFeeRate rates[CF_FEE_KIND_N];

  if (stmt == NULL || !cf_fee_rates_load (store, rates, error))
    return NULL;
  /* The fee first: it is the acquirer's, not another file's. */
  priced = cf_store_prepare (store, "SELECT amount_minor, type, fee_minor, payment_method, card_kind FROM transactions "
                                    "WHERE id = ? AND EXISTS (SELECT 1 FROM transaction_sources WHERE transaction_id = id)",
                             error);
  if (priced == NULL)
    return NULL;
  cf_db_bind_int64 (priced, 1, transaction_id);
  if (cf_db_step (priced) == CF_DB_ROW)
    {
      CfTxnType type = CF_TXN_TYPE_OTHER;
      gint64 amount = cf_db_column_int64 (priced, 0);
      gint64 expected = 0;

      cf_txn_type_from_nick ((const char *) cf_db_column_text (priced, 1), &type);
      if (fee_is_off (rates, type, amount, priced, 2, &expected))
        {
          g_autofree char *fee = cf_money_to_decimal (cf_db_column_int64 (priced, 2));
          g_autofree char *want = cf_money_to_decimal (expected);
          g_autofree char *rate = cf_fee_rate_format (cf_fee_rates_pick (rates, cf_fee_kind_of (
                                    (const char *) cf_db_column_text (priced, 3),
                                    (const char *) cf_db_column_text (priced, 4))));

          g_ptr_array_add (out, g_strdup_printf (_("fee %s; the agreed %s makes %s"), fee, rate, want));
        }
    }
  cf_db_bind_int64 (stmt, 1, transaction_id);
  while (cf_db_step (stmt) == CF_DB_ROW)
    {
      g_autofree char *file = g_path_get_basename ((const char *) cf_db_column_text (stmt, 3));

      g_ptr_array_add (out, g_strdup_printf (_("%s %s; %s line %d says %s"),
                                             field_label ((const char *) cf_db_column_text (stmt, 0)),
                                             cf_db_column_text (stmt, 1), file, cf_db_column_int (stmt, 4),
                                             cf_db_column_text (stmt, 2)));
    }
  return g_steal_pointer (&out);
}

void
cf_transaction_source_free (CfTransactionSource *source)
{
  if (source == NULL)
    return;
  g_free (source->file);
  g_free (source->kind);
  g_free (source->matched_by);
  g_free (source);
}

/**
 * cf_reconcile_list_sources:
 *
 * Returns: (transfer full) (element-type CfTransactionSource): the files the
 *   transaction came from: the first, then each that brought it again
 */
GPtrArray *
cf_reconcile_list_sources (CfStore  *store,
                           gint64    transaction_id,
                           GError  **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_transaction_source_free);
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store,
    "SELECT i.file_name, t.source_line, coalesce (i.kind, 'journal'), NULL, 0 FROM transactions t "
    "LEFT JOIN imports i ON i.id = t.import_id WHERE t.id = ?1 "
    "UNION ALL "
    "SELECT i.file_name, s.source_line, coalesce (i.kind, 'journal'), s.matched_by, s.id FROM transaction_sources s "
    "LEFT JOIN imports i ON i.id = s.import_id WHERE s.transaction_id = ?1 ORDER BY 5", error);

  if (stmt == NULL)
    return NULL;
  cf_db_bind_int64 (stmt, 1, transaction_id);
  while (cf_db_step (stmt) == CF_DB_ROW)
    {
      CfTransactionSource *source = g_new0 (CfTransactionSource, 1);

      source->file = cf_sql_dup_text (stmt, 0);
      source->line = (guint) cf_db_column_int (stmt, 1);
      source->kind = cf_sql_dup_text (stmt, 2);
      source->matched_by = cf_sql_dup_text (stmt, 3);
      g_ptr_array_add (out, source);
    }
  return g_steal_pointer (&out);
}

/**
 * cf_reconcile_accept:
 * @note: why the difference is right (a tip added after, a partial refund
 *   settled with it)
 *
 * Accepts a transaction's open differences between files, with the note and
 * who accepted it; it counts as matched from then on. Audited.
 *
 * Returns: %FALSE with @error set when there is nothing open to accept
 */
gboolean
cf_reconcile_accept (CfStore     *store,
                     gint64       transaction_id,
                     const char  *operator_no,
                     const char  *note,
                     GError     **error)
{
  g_autoptr(CfDbStmt) stmt = NULL;
  g_autofree char *details = NULL;
  char now[21];
  gboolean ok;

  if (note == NULL || cf_text_is_blank (note))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("say why the difference is right: a note is kept with it"));
      return FALSE;
    }
  cf_store_now_utc (now);
  if (!cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  ok = (stmt = cf_store_prepare (store,
          "UPDATE transaction_discrepancies SET accepted_by = ?1, accepted_at = ?2, note = ?3 "
          "WHERE transaction_id = ?4 AND accepted_at IS NULL", error)) != NULL;
  if (ok)
    {
      cf_sql_bind_text (stmt, 1, operator_no, CF_DB_STATIC);
      cf_sql_bind_text (stmt, 2, now, CF_DB_STATIC);
      cf_sql_bind_text (stmt, 3, note, CF_DB_STATIC);
      cf_db_bind_int64 (stmt, 4, transaction_id);
      ok = cf_store_step_done (store, stmt, _("accepting a difference"), error);
      if (ok && cf_db_changes (cf_store_get_db (store)) == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("transaction #%lld has no difference between files to accept"), (long long) transaction_id);
          ok = FALSE;
        }
      g_clear_pointer (&stmt, cf_db_finalize);
    }
  {
    g_autofree char *escaped = g_strescape (note, NULL);
    details = g_strdup_printf ("{\"note\":\"%s\"}", escaped);
  }
  return cf_store_finish_audited (store, ok, operator_no, "accept-difference", "transaction", transaction_id, details, error);
}

/* Which sides a transaction is on: the terminal's journal, a statement. */
static gboolean
read_sides (CfStore   *store,
            gint64     transaction_id,
            gboolean  *journal,
            gboolean  *settled,
            GError   **error)
{
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store,
    "SELECT count (*), coalesce (max (CASE WHEN kind = 'journal' THEN 1 ELSE 0 END), 0), "
    "  coalesce (max (CASE WHEN kind <> 'journal' THEN 1 ELSE 0 END), 0) FROM ("
    "  SELECT coalesce (i.kind, 'journal') AS kind FROM transactions t LEFT JOIN imports i ON i.id = t.import_id "
    "  WHERE t.id = ?1 UNION ALL "
    "  SELECT coalesce (i.kind, 'journal') FROM transaction_sources s LEFT JOIN imports i ON i.id = s.import_id "
    "  WHERE s.transaction_id = ?1)", error);

  if (stmt == NULL)
    return FALSE;
  cf_db_bind_int64 (stmt, 1, transaction_id);
  if (cf_db_step (stmt) != CF_DB_ROW)
    return cf_store_set_error (store, error, _("reading a transaction's files"));
  if (cf_db_column_int (stmt, 0) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("there is no transaction #%lld"), (long long) transaction_id);
      return FALSE;
    }
  *journal = cf_db_column_int (stmt, 1) != 0;
  *settled = cf_db_column_int (stmt, 2) != 0;
  return TRUE;
}

static gboolean
query_flag (CfStore     *store,
            const char  *sql,
            gint64       a,
            gint64       b,
            gboolean    *flag,
            GError     **error)
{
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  cf_db_bind_int64 (stmt, 1, a);
  cf_db_bind_int64 (stmt, 2, b);
  if (cf_db_step (stmt) != CF_DB_ROW)
    return cf_store_set_error (store, error, _("linking two records"));
  *flag = cf_db_column_int (stmt, 0) != 0;
  return TRUE;
}

#define REFERENCED \
  "EXISTS (SELECT 1 FROM duplicates WHERE transaction_id = ?1) OR " \
  "EXISTS (SELECT 1 FROM loss_slips WHERE transaction_id = ?1) OR " \
  "EXISTS (SELECT 1 FROM request_slips WHERE transaction_id = ?1)"

/* Whether the two may be one: one from the journal alone, the other from
 * statements alone, of the same type. */
static gboolean
check_linkable (CfStore  *store,
                gint64    record_id,
                gint64    transaction_id,
                GError  **error)
{
  gboolean a_journal, a_settled, b_journal, b_settled, same_type = FALSE;

  if (record_id == transaction_id)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("a record is not linked to itself"));
      return FALSE;
    }
  if (!read_sides (store, record_id, &a_journal, &a_settled, error) ||
      !read_sides (store, transaction_id, &b_journal, &b_settled, error))
    return FALSE;
  if ((a_journal && b_journal) || (a_settled && b_settled))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("#%lld and #%lld are both in the %s: a link joins the journal's record to a statement's"),
                   (long long) record_id, (long long) transaction_id,
                   a_journal && b_journal ? _("journal") : _("statements"));
      return FALSE;
    }
  if (!query_flag (store, "SELECT a.type = b.type FROM transactions a, transactions b WHERE a.id = ?1 AND b.id = ?2",
                   record_id, transaction_id, &same_type, error))
    return FALSE;
  if (!same_type)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("#%lld and #%lld are not the same kind of transaction: a sale is linked only to a sale"),
                   (long long) record_id, (long long) transaction_id);
      return FALSE;
    }
  return TRUE;
}

/**
 * cf_reconcile_link:
 * @record_id: a transaction on one side only (a statement's row the
 *   matching could not place)
 * @transaction_id: the transaction it is, on the other side
 *
 * Makes the two one by hand: the record becomes a source of the
 * transaction (matched by `hand`), its differences recorded, what pointed
 * at it moved; an open match question on either is resolved. The one a
 * duplicate slip, loss or request points to is the one kept; two such are
 * refused, for nothing they point to is removed. Audited.
 */
gboolean
cf_reconcile_link (CfStore     *store,
                   gint64       record_id,
                   gint64       transaction_id,
                   const char  *operator_no,
                   GError     **error)
{
  g_autoptr(CfDbStmt) resolve = NULL;
  g_autofree char *details = NULL;
  gboolean record_held = FALSE, transaction_held = FALSE;
  gint64 keep = transaction_id, merge = record_id;
  char now[21];
  gboolean ok;

  if (!cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  ok = check_linkable (store, record_id, transaction_id, error) &&
       query_flag (store, "SELECT " REFERENCED, record_id, 0, &record_held, error) &&
       query_flag (store, "SELECT " REFERENCED, transaction_id, 0, &transaction_held, error);
  if (ok && record_held && transaction_held)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("#%lld and #%lld both have duplicate slips, losses or requests of their own: they are left apart"),
                   (long long) record_id, (long long) transaction_id);
      ok = FALSE;
    }
  if (ok && record_held)
    {
      keep = record_id;
      merge = transaction_id;
    }
  cf_store_now_utc (now);
  ok = ok && cf_store_merge_pair (store, keep, merge, "hand", error) &&
       (resolve = cf_store_prepare (store, "UPDATE match_questions SET resolved_by = ?1, resolved_at = ?2 "
                                           "WHERE transaction_id = ?3 AND resolved_at IS NULL", error)) != NULL;
  if (ok)
    {
      cf_sql_bind_text (resolve, 1, operator_no, CF_DB_STATIC);
      cf_db_bind_text (resolve, 2, now, -1, CF_DB_STATIC);
      cf_db_bind_int64 (resolve, 3, keep);
      ok = cf_store_step_done (store, resolve, _("linking two records"), error);
    }
  details = g_strdup_printf ("{\"kept\":%" G_GINT64_FORMAT ",\"merged\":%" G_GINT64_FORMAT ",\"rule\":\"hand\"}",
                             keep, merge);
  return cf_store_finish_audited (store, ok, operator_no, "link-transactions", "transaction", keep, details, error);
}

/**
 * cf_reconcile_mark_expected:
 * @note: why (settled the next day, a refund the bank books later)
 *
 * Marks a transaction on one side only as expected; it counts in its own
 * class from then on, with the note. Audited.
 */
gboolean
cf_reconcile_mark_expected (CfStore     *store,
                            gint64       transaction_id,
                            const char  *operator_no,
                            const char  *note,
                            GError     **error)
{
  g_autoptr(CfDbStmt) stmt = NULL;
  g_autofree char *details = NULL;
  g_autofree char *escaped = NULL;
  gboolean journal = FALSE, settled = FALSE;
  char now[21];
  gboolean ok;

  if (note == NULL || cf_text_is_blank (note))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("say why it is expected: a note is kept with it"));
      return FALSE;
    }
  cf_store_now_utc (now);
  if (!cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  ok = read_sides (store, transaction_id, &journal, &settled, error);
  if (ok && journal && settled)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("transaction #%lld is in the journal and was settled: there is nothing to expect"),
                   (long long) transaction_id);
      ok = FALSE;
    }
  ok = ok && (stmt = cf_store_prepare (store,
    "INSERT INTO reconcile_marks (transaction_id, marked_by, marked_at, note) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT (transaction_id) DO UPDATE SET marked_by = excluded.marked_by, marked_at = excluded.marked_at, "
    "note = excluded.note", error)) != NULL;
  if (ok)
    {
      cf_db_bind_int64 (stmt, 1, transaction_id);
      cf_sql_bind_text (stmt, 2, operator_no, CF_DB_STATIC);
      cf_db_bind_text (stmt, 3, now, -1, CF_DB_STATIC);
      cf_db_bind_text (stmt, 4, note, -1, CF_DB_STATIC);
      ok = cf_store_step_done (store, stmt, _("marking a record as expected"), error);
    }
  escaped = g_strescape (note, NULL);
  details = g_strdup_printf ("{\"note\":\"%s\"}", escaped);
  return cf_store_finish_audited (store, ok, operator_no, "mark-expected", "transaction", transaction_id, details, error);
}

/**
 * cf_reconcile_dup_mark_note:
 *
 * Returns: (transfer full) (nullable): why the transaction was marked as
 *   expected, or %NULL when it was not
 */
char *
cf_reconcile_dup_mark_note (CfStore *store,
                            gint64   transaction_id)
{
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store, "SELECT note FROM reconcile_marks WHERE transaction_id = ?", NULL);

  if (stmt == NULL)
    return NULL;
  cf_db_bind_int64 (stmt, 1, transaction_id);
  return cf_db_step (stmt) == CF_DB_ROW ? cf_sql_dup_text (stmt, 0) : NULL;
}
