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

#include "cf-reconcile.h"
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
  [CF_RECONCILE_UNSETTLED] = { "unsettled", N_("In the journal, not settled") },
  [CF_RECONCILE_MISSING]   = { "missing",   N_("Settled, not in the journal") },
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
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) questions = NULL;
  int rc;

  for (guint c = 0; c < CF_RECONCILE_N_CLASSES; c++)
    self->ids[c] = g_array_new (FALSE, FALSE, sizeof (gint64));

  stmt = cf_store_prepare (store,
    "WITH k (id, kind) AS ("
    "  SELECT t.id, coalesce (i.kind, 'journal') FROM transactions t LEFT JOIN imports i ON i.id = t.import_id "
    "  WHERE " SCOPE
    "  UNION ALL "
    "  SELECT s.transaction_id, coalesce (i.kind, 'journal') FROM transaction_sources s "
    "  JOIN transactions t ON t.id = s.transaction_id LEFT JOIN imports i ON i.id = s.import_id WHERE " SCOPE ") "
    "SELECT k.id, max (k.kind = 'journal'), max (k.kind <> 'journal'), "
    "  EXISTS (SELECT 1 FROM transaction_discrepancies d WHERE d.transaction_id = k.id "
    "          AND d.field IN ('amount', 'currency') AND d.accepted_at IS NULL), "
    "  t.amount_minor, t.type "
    "FROM k JOIN transactions t ON t.id = k.id GROUP BY k.id ORDER BY t.local_time, k.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  cf_sql_bind_text (stmt, 3, terminal_no, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gboolean journal = sqlite3_column_int (stmt, 1) != 0;
      gboolean settled = sqlite3_column_int (stmt, 2) != 0;
      gboolean differs = sqlite3_column_int (stmt, 3) != 0;
      gint64 amount = sqlite3_column_int64 (stmt, 4);
      CfTxnType type = CF_TXN_TYPE_OTHER;
      CfReconcileClass klass;

      cf_txn_type_from_nick ((const char *) sqlite3_column_text (stmt, 5), &type);
      klass = journal && settled ? (differs ? CF_RECONCILE_DIFFERS : CF_RECONCILE_MATCHED)
            : journal ? CF_RECONCILE_UNSETTLED : CF_RECONCILE_MISSING;
      self->count[klass]++;
      self->amount_minor[klass] += cf_txn_type_is_reversal (type) ? -amount : amount;
      g_array_append_val (self->ids[klass], id);
    }
  if (rc != SQLITE_DONE)
    {
      cf_store_set_error (store, error, _("reconciling"));
      return NULL;
    }

  questions = cf_store_prepare (store,
    "SELECT count (*) FROM match_questions q JOIN transactions t ON t.id = q.transaction_id "
    "WHERE q.resolved_at IS NULL AND " SCOPE, error);
  if (questions == NULL)
    return NULL;
  sqlite3_bind_text (questions, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (questions, 2, to, -1, SQLITE_TRANSIENT);
  cf_sql_bind_text (questions, 3, terminal_no, SQLITE_TRANSIENT);
  if (sqlite3_step (questions) == SQLITE_ROW)
    self->open_questions = (guint) sqlite3_column_int (questions, 0);
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
  g_autoptr(sqlite3_stmt) stmt = cf_store_prepare (store,
    "SELECT d.field, d.stored, d.found, coalesce (i.file_name, ''), s.source_line FROM transaction_discrepancies d "
    "JOIN transaction_sources s ON s.id = d.source_id LEFT JOIN imports i ON i.id = s.import_id "
    "WHERE d.transaction_id = ? AND d.accepted_at IS NULL ORDER BY d.id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, transaction_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *file = g_path_get_basename ((const char *) sqlite3_column_text (stmt, 3));

      g_ptr_array_add (out, g_strdup_printf (_("%s %s; %s line %d says %s"),
                                             field_label ((const char *) sqlite3_column_text (stmt, 0)),
                                             sqlite3_column_text (stmt, 1), file, sqlite3_column_int (stmt, 4),
                                             sqlite3_column_text (stmt, 2)));
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
  g_autoptr(sqlite3_stmt) stmt = cf_store_prepare (store,
    "SELECT i.file_name, t.source_line, coalesce (i.kind, 'journal'), NULL, 0 FROM transactions t "
    "LEFT JOIN imports i ON i.id = t.import_id WHERE t.id = ?1 "
    "UNION ALL "
    "SELECT i.file_name, s.source_line, coalesce (i.kind, 'journal'), s.matched_by, s.id FROM transaction_sources s "
    "LEFT JOIN imports i ON i.id = s.import_id WHERE s.transaction_id = ?1 ORDER BY 5", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, transaction_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CfTransactionSource *source = g_new0 (CfTransactionSource, 1);

      source->file = cf_sql_dup_text (stmt, 0);
      source->line = (guint) sqlite3_column_int (stmt, 1);
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
  g_autoptr(sqlite3_stmt) stmt = NULL;
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
      cf_sql_bind_text (stmt, 1, operator_no, SQLITE_STATIC);
      cf_sql_bind_text (stmt, 2, now, SQLITE_STATIC);
      cf_sql_bind_text (stmt, 3, note, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, transaction_id);
      ok = cf_store_step_done (store, stmt, _("accepting a difference"), error);
      if (ok && sqlite3_changes (cf_store_get_db (store)) == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("transaction #%lld has no difference between files to accept"), (long long) transaction_id);
          ok = FALSE;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  {
    g_autofree char *escaped = g_strescape (note, NULL);
    details = g_strdup_printf ("{\"note\":\"%s\"}", escaped);
  }
  return cf_store_finish_audited (store, ok, operator_no, "accept-difference", "transaction", transaction_id, details, error);
}
