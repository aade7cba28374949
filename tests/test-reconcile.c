/* test-reconcile.c — one transaction from every file, and the journal
 * against the statement: imported in either order, a sale is counted once
 * with two sources; what only one side has, and what they disagree on, is
 * told apart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cf-handover-report.h"
#include "cf-reconcile.h"
#include "cf-store-private.h"
#include "cf-test-util.h"

static void
import_ok (CfTestDb    *f,
           const char  *name,
           guint        imported,
           guint        joined,
           guint        discrepancies)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) report = cf_test_import (f, name, &error);

  g_assert_no_error (error);
  g_test_message ("%s: %u imported, %u joined, %u duplicates, %u rejected", name, report->imported, report->joined,
                  report->duplicates, report->rejected);
  g_assert_cmpuint (report->rejected, ==, 0);
  g_assert_cmpuint (report->imported, ==, imported);
  g_assert_cmpuint (report->joined, ==, joined);
  g_assert_cmpuint (report->discrepancies, ==, discrepancies);
}

static void
assert_reconciled (CfTestDb *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfReconciliation) r = cf_reconcile_compute (f->store, "2026-11-27 00:00:00", "2026-11-28 00:00:00",
                                                        NULL, &error);

  g_assert_no_error (error);
  /* 88.50 + 1,288.00 − 100.00 agree; 66.80 was settled as 68.60; 20.00 was
   * never settled; 45.00 was settled but the terminal has no record of it. */
  g_assert_cmpuint (r->count[CF_RECONCILE_MATCHED], ==, 3);
  g_assert_cmpint (r->amount_minor[CF_RECONCILE_MATCHED], ==, 127650);
  g_assert_cmpuint (r->count[CF_RECONCILE_DIFFERS], ==, 1);
  g_assert_cmpuint (r->count[CF_RECONCILE_UNSETTLED], ==, 1);
  g_assert_cmpint (r->amount_minor[CF_RECONCILE_UNSETTLED], ==, 2000);
  g_assert_cmpuint (r->count[CF_RECONCILE_MISSING], ==, 1);
  g_assert_cmpint (r->amount_minor[CF_RECONCILE_MISSING], ==, 4500);

  /* Six sales, not ten: the handover counts each once. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transactions"), ==, 6);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transaction_sources"), ==, 4);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transaction_discrepancies WHERE field = 'amount' "
                                                "AND stored IN ('66.80', '68.60') AND found IN ('66.80', '68.60')"), ==, 1);
  {
    g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 30, 12, 0, 0);
    CfHandoverScope scope = { "2026-11-27 00:00:00", "2026-11-28 00:00:00", NULL };
    g_autoptr(CfHandoverFigures) figures = cf_handover_compute (f->store, &scope, today, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (figures->count, ==, 6);
    /* The handover report's line. */
    g_assert_cmpuint (figures->reconciled[CF_RECONCILE_MATCHED], ==, 3);
    g_assert_cmpuint (figures->reconciled[CF_RECONCILE_DIFFERS], ==, 1);
    g_assert_cmpuint (figures->reconciled[CF_RECONCILE_UNSETTLED], ==, 1);
    g_assert_cmpuint (figures->reconciled[CF_RECONCILE_MISSING], ==, 1);
  }
}

static void
test_journal_then_statement (CfTestDb      *f,
                             gconstpointer  data)
{
  import_ok (f, "reconcile/journal.csv", 5, 0, 0);
  import_ok (f, "reconcile/statement.csv", 1, 4, 1);
  assert_reconciled (f);

  /* The statement's fee fills the journal's sale; its own numbers stay. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT fee_minor FROM transactions WHERE ref_no = '331709150201'"), ==, 50);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transactions WHERE ref_no = '331709150201' "
                                                "AND batch_no = '000101' AND auth_code = 'A12345'"), ==, 1);

  /* Either file again adds nothing. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CfImportReport) again = cf_test_import (f, "reconcile/statement.csv", &error);
    g_autoptr(CfImportReport) journal = cf_test_import (f, "reconcile/journal.csv", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (again->imported + again->joined, ==, 0);
    g_assert_cmpuint (again->duplicates, ==, 5);
    g_assert_cmpuint (journal->imported + journal->joined, ==, 0);
    g_assert_cmpuint (journal->duplicates, ==, 5);
  }
  assert_reconciled (f);
}

static void
test_statement_then_journal (CfTestDb      *f,
                             gconstpointer  data)
{
  import_ok (f, "reconcile/statement.csv", 5, 0, 0);
  import_ok (f, "reconcile/journal.csv", 1, 4, 1);
  assert_reconciled (f);
  /* The journal's batch and auth code fill what the statement lacked. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transactions WHERE ref_no = '331709150201' "
                                                "AND batch_no = '000101' AND auth_code = 'A12345' AND fee_minor = 50"), ==, 1);
}

/* Two stored sales either of which a row could be: the row is stored on its
 * own and the question is recorded, never a guess. */
static void
test_ambiguous_row_is_asked (CfTestDb      *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = g_build_filename (f->dir, "a.csv", NULL);
  g_autofree char *b = g_build_filename (f->dir, "b.csv", NULL);
  g_autoptr(CfImportReport) first = NULL;
  g_autoptr(CfImportReport) second = NULL;

  g_assert_true (g_file_set_contents (a, "date,time,terminal_id,batch_no,trace_no,amount,card_no\n"
                                         "2026-11-27,10:00:00,T1,000001,000001,10.00,622202******0128\n"
                                         "2026-11-27,10:04:00,T1,000001,000002,10.00,622202******0128\n", -1, NULL));
  g_assert_true (g_file_set_contents (b, "date,time,terminal_id,rrn,amount,card_no,fee\n"
                                         "2026-11-27,10:02:00,T1,331710020001,10.00,622202******0128,0.06\n", -1, NULL));
  first = cf_test_import (f, a, &error);
  g_assert_no_error (error);
  second = cf_test_import (f, b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->joined, ==, 0);
  g_assert_cmpuint (second->imported, ==, 1);
  g_assert_cmpuint (second->questions, ==, 1);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM match_questions WHERE rule = 'card' "
                                                "AND candidates = '1,2'"), ==, 1);
}

/* A database from before transactions had sources, holding the statement's
 * rows as transactions of their own, is brought to one transaction each
 * when opened: the duplicate slip issued on a double stays with the one
 * kept, the amount that differed is recorded, the merges are audited. */
static void
test_old_doubles_are_merged (CfTestDb      *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean made;

  import_ok (f, "reconcile/journal.csv", 5, 0, 0);
  /* What an older Counterfoil stored for the statement: four doubles, one
   * with a different amount, and a duplicate slip issued on one of them. */
  made = cf_store_exec (f->store,
    "INSERT INTO imports (file_name, sha256, imported_at, profile, encoding) "
    "  VALUES ('statement.csv', printf ('%064d', 7), '2026-11-28T08:00:00Z', 'chinaums', 'GB18030');"
    "INSERT INTO transactions (natural_key, import_id, source_line, local_time, utc_offset, terminal_no, voucher_no, "
    "  ref_no, type, amount_minor, currency, fee_minor, card_last4, card_first6, card_length, payment_method) "
    "  SELECT 'ref' || char (31) || ref_no || char (31) || type, (SELECT max (id) FROM imports), source_line, "
    "    local_time, utc_offset, terminal_no, voucher_no, ref_no, type, "
    "    amount_minor + (CASE voucher_no WHEN '000313' THEN 180 ELSE 0 END), currency, 50, card_last4, card_first6, "
    "    card_length, payment_method FROM transactions WHERE voucher_no <> '000315';"
    "INSERT INTO duplicates (transaction_id, number, copy, reason, issued_at, output, code) "
    "  SELECT max (id), 1, 'merchant', 'tax', '2026-11-29T09:00:00Z', 'pdf', 'TEST-CODE' FROM transactions "
    "  WHERE voucher_no = '000312';"
    /* ...and what the tables of schema 10 were not there yet. */
    "DROP TABLE match_questions; DROP TABLE transaction_discrepancies; DROP TABLE transaction_sources; "
    "ALTER TABLE imports DROP COLUMN kind; PRAGMA user_version = 9;", &error);
  g_assert_no_error (error);
  g_assert_true (made);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transactions"), ==, 9);
  g_clear_object (&f->store);

  f->store = cf_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_store_get_schema_version (f->store), ==, CF_STORE_SCHEMA_VERSION);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transactions"), ==, 5);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transaction_sources WHERE matched_by = 'merge'"), ==, 4);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM audit_log WHERE action = 'merge-transactions'"), ==, 4);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transaction_discrepancies WHERE field = 'amount' "
                                                "AND stored = '66.80' AND found = '68.60'"), ==, 1);
  /* The slip's transaction is the one kept, with the journal's numbers. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM duplicates d JOIN transactions t "
                                                "ON t.id = d.transaction_id WHERE t.voucher_no = '000312'"), ==, 1);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transactions WHERE voucher_no = '000312' "
                                                "AND batch_no = '000101' AND fee_minor = 50"), ==, 1);
  {
    g_autoptr(GPtrArray) problems = cf_store_check (f->store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

/* A statement without fees is still the acquirer's: its settlement date
 * says so, and what it settled is matched, not counted as the journal. */
static void
test_statement_without_fees (CfTestDb      *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "settled.csv", NULL);
  g_autoptr(CfImportReport) report = NULL;
  g_autoptr(CfReconciliation) r = NULL;

  import_ok (f, "reconcile/journal.csv", 5, 0, 0);
  g_assert_true (g_file_set_contents (path,
    "清算日期,交易日期,交易时间,终端号,凭证号,检索参考号,交易金额\n"
    "20261128,20261127,091502,10480001,000311,331709150201,88.50\n"
    "20261128,20261127,101010,10480001,000312,331710101001,1288.00\n", -1, NULL));
  report = cf_test_import (f, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->kind, ==, "statement");
  g_assert_cmpuint (report->joined, ==, 2);
  r = cf_reconcile_compute (f->store, "2026-11-27 00:00:00", "2026-11-28 00:00:00", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->count[CF_RECONCILE_MATCHED], ==, 2);
  g_assert_cmpuint (r->count[CF_RECONCILE_UNSETTLED], ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, CfTestDb, NULL, cf_test_db_setup, func, cf_test_db_teardown)
  ADD ("/reconcile/journal-then-statement", test_journal_then_statement);
  ADD ("/reconcile/statement-then-journal", test_statement_then_journal);
  ADD ("/reconcile/ambiguous-row-is-asked", test_ambiguous_row_is_asked);
  ADD ("/reconcile/old-doubles-are-merged", test_old_doubles_are_merged);
  ADD ("/reconcile/statement-without-fees", test_statement_without_fees);
  return g_test_run ();
}
