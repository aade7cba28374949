/* cf-store-merge.c — the doubles an older Counterfoil stored, made one
 *
 * Before transactions had sources, the acquirer's statement imported after
 * the terminal's journal stored every sale a second time. When a database
 * from before schema 10 is brought up to date, each such pair — two files, the same type, the
 * same reference no., or the same terminal, voucher no. and day with the
 * numbers both have agreeing — becomes one transaction: the second record
 * is kept as a source of the first, with any difference recorded; rows that
 * pointed at it point at the one kept; each merge is in the audit log. A
 * record that could pair with several, or a pair whose both halves have
 * duplicate slips, losses or requests of their own, is left as it is and
 * asked about, for nothing a slip or a request points to is removed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-store-private.h"

#define REFERENCED(x) \
  "(EXISTS (SELECT 1 FROM duplicates WHERE transaction_id = " x ") OR " \
  " EXISTS (SELECT 1 FROM loss_slips WHERE transaction_id = " x ") OR " \
  " EXISTS (SELECT 1 FROM request_slips WHERE transaction_id = " x "))"

/* The unary + keeps SQLite on the index of the number: without statistics
 * it would join on the type's index, every sale against every sale. */
static const char find_pairs[] =
  "CREATE TEMP TABLE merge_pairs AS "
  "SELECT a.id AS keep_id, b.id AS merge_id, 'ref' AS rule FROM transactions a JOIN transactions b "
  "  ON b.ref_no = a.ref_no AND +b.type = a.type AND b.id > a.id AND +b.import_id IS NOT a.import_id "
  "  WHERE a.ref_no IS NOT NULL AND (a.batch_no IS NULL OR b.batch_no IS NULL OR a.batch_no = b.batch_no) "
  "UNION "
  "SELECT a.id, b.id, 'voucher' FROM transactions a JOIN transactions b "
  "  ON b.voucher_no = a.voucher_no AND +b.terminal_no = a.terminal_no AND +b.type = a.type AND b.id > a.id "
  "  AND substr (b.local_time, 1, 10) = substr (a.local_time, 1, 10) AND +b.import_id IS NOT a.import_id "
  "  WHERE (a.ref_no IS NULL OR b.ref_no IS NULL OR a.ref_no = b.ref_no) "
  "  AND (a.batch_no IS NULL OR b.batch_no IS NULL OR a.batch_no = b.batch_no);"
  /* The same pair found by both rules is one pair. */
  "DELETE FROM merge_pairs WHERE rule = 'voucher' AND EXISTS (SELECT 1 FROM merge_pairs p "
  "  WHERE p.rule = 'ref' AND p.keep_id = merge_pairs.keep_id AND p.merge_id = merge_pairs.merge_id);"
  /* A record that could pair with several is a question, not a merge. */
  "CREATE TEMP TABLE merge_ambiguous AS SELECT id FROM ("
  "  SELECT keep_id AS id FROM merge_pairs GROUP BY keep_id HAVING count (*) > 1 UNION "
  "  SELECT merge_id FROM merge_pairs GROUP BY merge_id HAVING count (*) > 1 UNION "
  "  SELECT keep_id FROM merge_pairs WHERE keep_id IN (SELECT merge_id FROM merge_pairs) UNION "
  "  SELECT p.keep_id FROM merge_pairs p WHERE " REFERENCED ("p.keep_id") " AND " REFERENCED ("p.merge_id") ");"
  "INSERT INTO match_questions (transaction_id, candidates, rule, asked_at) "
  "  SELECT p.merge_id, p.keep_id, 'merge', strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') FROM merge_pairs p "
  "  WHERE p.keep_id IN (SELECT id FROM merge_ambiguous) OR p.merge_id IN (SELECT id FROM merge_ambiguous);"
  "DELETE FROM merge_pairs WHERE keep_id IN (SELECT id FROM merge_ambiguous) OR merge_id IN (SELECT id FROM merge_ambiguous);"
  /* The one a slip, a loss or a request points to is the one kept. */
  "UPDATE merge_pairs SET keep_id = merge_id, merge_id = keep_id WHERE " REFERENCED ("merge_pairs.merge_id") ";";

/* ?1 keeps, ?2 is merged into it as a source matched by ?3. */
static const char merge_one[] =
  "INSERT INTO transaction_sources (transaction_id, import_id, source_line, natural_key, matched_by, local_time, "
  "  amount_minor, fee_minor, currency, card_last4, terminal_no, batch_no, voucher_no, ref_no, settlement_date) "
  "  SELECT ?1, import_id, source_line, natural_key, ?3, local_time, amount_minor, fee_minor, currency, "
  "    card_last4, terminal_no, batch_no, voucher_no, ref_no, settlement_date FROM transactions WHERE id = ?2;"
  "INSERT INTO transaction_discrepancies (transaction_id, source_id, field, stored, found) "
  "  SELECT k.id, last_insert_rowid (), 'amount', printf ('%.2f', k.amount_minor / 100.0), printf ('%.2f', m.amount_minor / 100.0) "
  "  FROM transactions k, transactions m WHERE k.id = ?1 AND m.id = ?2 AND k.amount_minor <> m.amount_minor;"
  "INSERT INTO transaction_discrepancies (transaction_id, source_id, field, stored, found) "
  "  SELECT k.id, (SELECT max (id) FROM transaction_sources), 'currency', k.currency, m.currency "
  "  FROM transactions k, transactions m WHERE k.id = ?1 AND m.id = ?2 AND k.currency <> m.currency;"
  "INSERT INTO transaction_discrepancies (transaction_id, source_id, field, stored, found) "
  "  SELECT k.id, (SELECT max (id) FROM transaction_sources), 'card', k.card_last4, m.card_last4 "
  "  FROM transactions k, transactions m WHERE k.id = ?1 AND m.id = ?2 AND k.card_last4 <> m.card_last4;"
  "UPDATE transactions SET "
  "  batch_no = coalesce (batch_no, (SELECT batch_no FROM transactions WHERE id = ?2)), "
  "  voucher_no = coalesce (voucher_no, (SELECT voucher_no FROM transactions WHERE id = ?2)), "
  "  ref_no = coalesce (ref_no, (SELECT ref_no FROM transactions WHERE id = ?2)), "
  "  auth_code = coalesce (auth_code, (SELECT auth_code FROM transactions WHERE id = ?2)), "
  "  fee_minor = coalesce (fee_minor, (SELECT fee_minor FROM transactions WHERE id = ?2)), "
  "  issuer = coalesce (issuer, (SELECT issuer FROM transactions WHERE id = ?2)), "
  "  acquirer = coalesce (acquirer, (SELECT acquirer FROM transactions WHERE id = ?2)) "
  "  WHERE id = ?1;"
  /* What the merged one had brought from other files comes with it. */
  "UPDATE transaction_sources SET transaction_id = ?1 WHERE transaction_id = ?2;"
  "UPDATE transaction_discrepancies SET transaction_id = ?1 WHERE transaction_id = ?2;"
  "UPDATE import_rejects SET transaction_id = ?1 WHERE transaction_id = ?2;"
  "UPDATE match_questions SET transaction_id = ?1 WHERE transaction_id = ?2;"
  "DELETE FROM reconcile_marks WHERE transaction_id = ?2;"
  "DELETE FROM transactions WHERE id = ?2;";

static void
finalize_statement (gpointer stmt)
{
  cf_db_finalize (stmt);
}

/* The statements of merge_one, prepared once for all the pairs. */
static GPtrArray *
prepare_all (CfStore     *store,
             const char  *sql,
             GError     **error)
{
  g_autoptr(GPtrArray) stmts = g_ptr_array_new_with_free_func (finalize_statement);
  const char *tail = sql;

  while (tail != NULL && *tail != '\0')
    {
      /* One statement at a time: the next begins after a ';' outside quotes. */
      const char *end = tail;
      gboolean quoted = FALSE;
      g_autofree char *one = NULL;
      CfDbStmt *stmt;

      while (*end != '\0' && (quoted || *end != ';'))
        quoted ^= *end++ == '\'';
      one = g_strndup (tail, end - tail);
      tail = *end == ';' ? end + 1 : end;
      if (*g_strstrip (one) == '\0')
        continue;
      stmt = cf_store_prepare (store, one, error);
      if (stmt == NULL)
        {
          g_prefix_error (error, "%s", _("merging a transaction stored twice: "));
          return NULL;
        }
      g_ptr_array_add (stmts, stmt);
    }
  return g_steal_pointer (&stmts);
}

/* Runs each statement with ?1 = @keep, ?2 = @merge and ?3 = @matched_by. */
static gboolean
exec_pair (CfStore     *store,
           GPtrArray   *stmts,
           gint64       keep,
           gint64       merge,
           const char  *matched_by,
           GError     **error)
{
  for (guint i = 0; i < stmts->len; i++)
    {
      CfDbStmt *stmt = g_ptr_array_index (stmts, i);
      int rc;

      if (cf_db_bind_parameter_count (stmt) >= 1)
        cf_db_bind_int64 (stmt, 1, keep);
      if (cf_db_bind_parameter_count (stmt) >= 2)
        cf_db_bind_int64 (stmt, 2, merge);
      if (cf_db_bind_parameter_count (stmt) >= 3)
        cf_db_bind_text (stmt, 3, matched_by, -1, CF_DB_STATIC);
      rc = cf_db_step (stmt);
      cf_db_reset (stmt);
      if (rc != CF_DB_DONE)
        return cf_store_set_error (store, error, _("merging a transaction stored twice"));
    }
  return TRUE;
}

/**
 * cf_store_merge_doubles:
 * @merged: (out) (optional): how many pairs became one
 *
 * Inside the caller's transaction. See the file's comment.
 */
gboolean
cf_store_merge_doubles (CfStore  *self,
                        guint    *merged,
                        GError  **error)
{
  g_autoptr(CfDbStmt) pairs = NULL;
  g_autoptr(GPtrArray) merge = NULL;
  guint n = 0;

  if (!cf_store_exec (self, find_pairs, error))
    return FALSE;
  if ((merge = prepare_all (self, merge_one, error)) == NULL)
    return FALSE;
  pairs = cf_store_prepare (self, "SELECT keep_id, merge_id, rule FROM temp.merge_pairs ORDER BY merge_id", error);
  if (pairs == NULL)
    return FALSE;
  while (cf_db_step (pairs) == CF_DB_ROW)
    {
      gint64 keep = cf_db_column_int64 (pairs, 0);
      gint64 merged_id = cf_db_column_int64 (pairs, 1);
      g_autofree char *details = g_strdup_printf ("{\"kept\":%" G_GINT64_FORMAT ",\"merged\":%" G_GINT64_FORMAT
                                                  ",\"rule\":\"%s\"}", keep, merged_id, cf_db_column_text (pairs, 2));

      if (!exec_pair (self, merge, keep, merged_id, "merge", error) ||
          !cf_store_add_audit_entry (self, NULL, "merge-transactions", "transaction", keep, details, error))
        return FALSE;
      n++;
    }
  g_clear_pointer (&pairs, cf_db_finalize);
  g_clear_pointer (&merge, g_ptr_array_unref);
  if (!cf_store_exec (self, "DROP TABLE temp.merge_pairs; DROP TABLE temp.merge_ambiguous;", error))
    return FALSE;
  if (merged != NULL)
    *merged = n;
  return TRUE;
}

/**
 * cf_store_merge_pair:
 * @keep: the transaction kept
 * @merge: the one that becomes its source
 * @matched_by: `hand` or `merge`
 *
 * Inside the caller's transaction; the caller has checked that nothing a
 * slip, a loss or a request points to is removed.
 */
gboolean
cf_store_merge_pair (CfStore     *self,
                     gint64       keep,
                     gint64       merge,
                     const char  *matched_by,
                     GError     **error)
{
  g_autoptr(GPtrArray) stmts = prepare_all (self, merge_one, error);

  return stmts != NULL && exec_pair (self, stmts, keep, merge, matched_by, error);
}
