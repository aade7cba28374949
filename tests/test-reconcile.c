/* test-reconcile.c — one transaction from every file, and the journal
 * against the statement: imported in either order, a sale is counted once
 * with two sources; what only one side has, and what they disagree on, is
 * told apart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cf-handover-report.h"
#include "cf-reconcile-report.h"
#include "cf-reconcile.h"
#include "cf-settlement.h"
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

/* The handover report's 对账 line for the day. */
static char *
handover_reconciled_line (CfTestDb *f)
{
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 30, 12, 0, 0);
  CfHandoverScope scope = { "2026-11-27 00:00:00", "2026-11-28 00:00:00", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfReportDoc) doc = cf_handover_build_period (f->store, &scope, today, &error);
  g_autofree char *text = NULL;
  const char *line;

  g_assert_no_error (error);
  text = cf_report_doc_to_text (doc);
  /* The label, and the value beside it, wrapped over the next lines. */
  line = strstr (text, "对账 Reconciled");
  g_assert_nonnull (line);
  return g_strndup (line, strstr (line, "类型 Type") != NULL ? (gsize) (strstr (line, "类型 Type") - line) : strlen (line));
}

static void
test_journal_then_statement (CfTestDb      *f,
                             gconstpointer  data)
{
  import_ok (f, "reconcile/journal.csv", 5, 0, 0);
  /* Before the acquirer's statement, nothing is "unsettled" yet: the report says what is missing. */
  {
    g_autofree char *line = handover_reconciled_line (f);

    g_test_message ("%s", line);
    g_assert_nonnull (strstr (line, "尚无对账单 no statement imported"));
    g_assert_nonnull (strstr (line, "(5 笔待核对"));
    g_assert_null (strstr (line, "未结算"));
  }
  import_ok (f, "reconcile/statement.csv", 1, 4, 1);
  assert_reconciled (f);
  {
    g_autofree char *line = handover_reconciled_line (f);

    g_test_message ("%s", line);
    g_assert_nonnull (strstr (line, "3 对上 matched · 1 未结算 unsettled · 1 流水无 missing"));
    g_assert_null (strstr (line, "尚无对账单"));
  }

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

  /* A file from before schema 10; a server begins at 11. */
  if (cf_test_needs_file ())
    return;

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
    /* ...and what the tables of schemas 10 and 11 were not there yet. */
    "DROP TABLE reconciliation_reports; DROP TABLE settlement_deposits; DROP TABLE fee_rates; "
    "DROP TABLE reconcile_marks; ALTER TABLE transactions DROP COLUMN settlement_date; "
    "DROP INDEX transactions_order; DROP INDEX transactions_channel; ALTER TABLE transactions DROP COLUMN order_no; "
    "ALTER TABLE transactions DROP COLUMN channel_no; ALTER TABLE transactions DROP COLUMN store_name; "
    "ALTER TABLE request_history DROP COLUMN approved_by; "
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


static CfReconciliation *
reconcile_day (CfTestDb *f)
{
  g_autoptr(GError) error = NULL;
  CfReconciliation *r = cf_reconcile_compute (f->store, "2026-11-27 00:00:00", "2026-11-28 00:00:00", NULL, &error);

  g_assert_no_error (error);
  return r;
}

static gint64
id_of_voucher (CfTestDb   *f,
               const char *voucher)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM transactions WHERE voucher_no = '%s'", voucher);

  return cf_test_query_int (f->store, sql);
}

/* The agreed rate prices each sale the statement settled; a fee more than
 * a fen away from it is told, and what the statement settled each day is
 * set beside what reached the bank. */
static void
test_fees_and_deposits (CfTestDb      *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfReconciliation) r = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) differences = NULL;
  CfFeeRate card = { TRUE, 0, 0 };
  CfSettlementDay *day;
  guint ppm = 0;

  import_ok (f, "reconcile/statement.csv", 5, 0, 0);
  import_ok (f, "reconcile/journal.csv", 1, 4, 1);

  g_assert_true (cf_fee_rate_parse_percent ("0.6%", &ppm, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ppm, ==, 6000);
  g_assert_false (cf_fee_rate_parse_percent ("six", &ppm, NULL));
  g_assert_false (cf_fee_rate_parse_percent ("12", &ppm, NULL));
  card.rate_ppm = ppm;
  g_assert_true (cf_fee_rates_set (f->store, CF_FEE_KIND_CARD, &card, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM audit_log WHERE action = 'set-fee-rate'"), ==, 1);

  /* 1,288.00 × 0.6% = 7.728, charged 7.73; 88.50 × 0.6% = 0.531, charged 0.50. */
  r = reconcile_day (f);
  g_assert_cmpuint (r->count[CF_RECONCILE_MATCHED], ==, 2);
  g_assert_cmpuint (r->count[CF_RECONCILE_FEE_DIFFERS], ==, 1);
  g_assert_cmpint (r->amount_minor[CF_RECONCILE_FEE_DIFFERS], ==, 8850);
  differences = cf_reconcile_describe_differences (f->store, id_of_voucher (f, "000311"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (differences->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (differences, 0), ==, "fee 0.50; the agreed 0.60% makes 0.53");

  /* A debit card's own rate with a cap comes before the rate for all cards. */
  {
    CfFeeRate debit = { TRUE, 5500, 40 };
    CfFeeRate rates[CF_FEE_KIND_N];

    g_assert_cmpint (cf_fee_kind_of ("card", "借记卡"), ==, CF_FEE_KIND_DEBIT);
    g_assert_cmpint (cf_fee_kind_of ("card", "Credit"), ==, CF_FEE_KIND_CREDIT);
    g_assert_cmpint (cf_fee_kind_of ("wechat", NULL), ==, CF_FEE_KIND_WECHAT);
    g_assert_true (cf_fee_rates_set (f->store, CF_FEE_KIND_DEBIT, &debit, NULL, &error));
    g_assert_true (cf_fee_rates_load (f->store, rates, &error));
    g_assert_cmpint (cf_fee_rate_expected (cf_fee_rates_pick (rates, CF_FEE_KIND_DEBIT), 128800), ==, 40);
    g_assert_cmpint (cf_fee_rate_expected (cf_fee_rates_pick (rates, CF_FEE_KIND_CREDIT), 128800), ==, 773);
    g_assert_null (cf_fee_rates_pick (rates, CF_FEE_KIND_ALIPAY));
  }

  /* Everything the statement settled on the 28th, refund and the sale the
   * journal lacks included: its own net column adds up to 1,381.80. */
  days = cf_settlement_list_days (f->store, "2026-11-27 00:00:00", "2026-11-28 00:00:00", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  day = g_ptr_array_index (days, 0);
  g_assert_cmpstr (day->date, ==, "2026-11-28");
  g_assert_true (day->date_known);
  g_assert_cmpuint (day->count, ==, 5);
  g_assert_cmpint (day->gross_minor, ==, 139010);
  g_assert_cmpint (day->fee_minor, ==, 830);
  g_assert_cmpint (day->net_minor, ==, 138180);
  g_assert_false (day->has_deposit);

  g_assert_false (cf_settlement_set_deposit (f->store, "28/11/2026", 138000, NULL, NULL, NULL));
  g_assert_true (cf_settlement_set_deposit (f->store, "2026-11-28", 138000, "bank ref 0042", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&days, g_ptr_array_unref);
  days = cf_settlement_list_days (f->store, "2026-11-27 00:00:00", "2026-11-28 00:00:00", NULL, &error);
  day = g_ptr_array_index (days, 0);
  g_assert_true (day->has_deposit);
  g_assert_cmpint (day->deposit_minor - day->net_minor, ==, -180);
  g_assert_cmpstr (day->deposit_note, ==, "bank ref 0042");
}

/* The statement's 45.00 that the journal lacks, and the journal's 20.00 that
 * was never settled, are the same sale keyed in wrong at the terminal: a
 * person links them, and the reconciliation shows one sale that differs. */
static void
test_link_by_hand (CfTestDb      *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfReconciliation) before = NULL;
  g_autoptr(CfReconciliation) after = NULL;
  gint64 missing, unsettled;

  import_ok (f, "reconcile/journal.csv", 5, 0, 0);
  import_ok (f, "reconcile/statement.csv", 1, 4, 1);
  before = reconcile_day (f);
  missing = g_array_index (before->ids[CF_RECONCILE_MISSING], gint64, 0);
  unsettled = g_array_index (before->ids[CF_RECONCILE_UNSETTLED], gint64, 0);

  /* Not a record to itself, not two of the journal's. */
  g_assert_false (cf_reconcile_link (f->store, unsettled, unsettled, NULL, &error));
  g_clear_error (&error);
  g_assert_false (cf_reconcile_link (f->store, unsettled, id_of_voucher (f, "000311"), NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transactions"), ==, 6);

  g_assert_true (cf_reconcile_link (f->store, missing, unsettled, "1001", &error));
  g_assert_no_error (error);
  after = reconcile_day (f);
  g_assert_cmpuint (after->count[CF_RECONCILE_MISSING], ==, 0);
  g_assert_cmpuint (after->count[CF_RECONCILE_UNSETTLED], ==, 0);
  g_assert_cmpuint (after->count[CF_RECONCILE_DIFFERS], ==, 2);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transactions"), ==, 5);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transaction_sources WHERE matched_by = 'hand'"), ==, 1);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM audit_log WHERE action = 'link-transactions'"), ==, 1);
  /* The journal's record is the one kept; the statement's fee fills it. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transactions WHERE voucher_no = '000315' "
                                                "AND fee_minor = 27"), ==, 1);
}

/* A sale the acquirer settles the next day is marked as expected, with
 * why; one that was settled has nothing to expect. */
static void
test_mark_expected (CfTestDb      *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfReconciliation) before = NULL;
  g_autoptr(CfReconciliation) after = NULL;
  gint64 unsettled;

  import_ok (f, "reconcile/journal.csv", 5, 0, 0);
  import_ok (f, "reconcile/statement.csv", 1, 4, 1);
  before = reconcile_day (f);
  unsettled = g_array_index (before->ids[CF_RECONCILE_UNSETTLED], gint64, 0);

  g_assert_false (cf_reconcile_mark_expected (f->store, unsettled, NULL, "  ", &error));
  g_clear_error (&error);
  g_assert_false (cf_reconcile_mark_expected (f->store, id_of_voucher (f, "000311"), NULL, "later", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_true (cf_reconcile_mark_expected (f->store, unsettled, NULL, "sold after the cut-off: settled on the 29th", &error));
  g_assert_no_error (error);
  after = reconcile_day (f);
  g_assert_cmpuint (after->count[CF_RECONCILE_UNSETTLED], ==, 0);
  g_assert_cmpuint (after->count[CF_RECONCILE_EXPECTED], ==, 1);
  g_assert_cmpint (after->amount_minor[CF_RECONCILE_EXPECTED], ==, 2000);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM audit_log WHERE action = 'mark-expected'"), ==, 1);
}

/* The report lists what needs a person and the settlement; a manager signs
 * it, and it is read back as signed, or refused once altered. */
static void
test_report_signed (CfTestDb      *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfReportDoc) draft = NULL;
  g_autoptr(CfReportDoc) signed_doc = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 30, 9, 0, 0);
  g_autofree char *text = NULL;
  g_autofree char *signed_text = NULL;
  CfReconcileScope scope = { "2026-11-27 00:00:00", "2026-11-28 00:00:00", NULL };

  import_ok (f, "reconcile/journal.csv", 5, 0, 0);
  import_ok (f, "reconcile/statement.csv", 1, 4, 1);
  cf_test_add_operator (f->store, "1001", "Clerk", CF_ROLE_CLERK);
  cf_test_add_operator (f->store, "9001", "Manager", CF_ROLE_MANAGER);

  draft = cf_reconcile_report_build (f->store, &scope, &error);
  g_assert_no_error (error);
  text = cf_report_doc_to_text (draft);
  g_assert_nonnull (strstr (text, "草稿 DRAFT"));
  g_assert_nonnull (strstr (text, "流水无 Not in the journal"));
  g_assert_nonnull (strstr (text, "331718000001"));
  g_assert_nonnull (strstr (text, "68.60"));
  g_assert_nonnull (strstr (text, "1381.80"));

  g_assert_cmpint (cf_reconcile_report_sign (f->store, &scope, "1001", now, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (cf_reconcile_report_sign (f->store, &scope, "9001", now, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (cf_reconcile_report_sign (f->store, &scope, "9001", now, &error), ==, 2);
  signed_doc = cf_reconcile_report_load (f->store, 1, &error);
  g_assert_no_error (error);
  signed_text = cf_report_doc_to_text (signed_doc);
  g_assert_nonnull (strstr (signed_text, "No. R000001  9001 签核 signed  2026-11-30 09:00:00"));
  g_assert_null (strstr (signed_text, "DRAFT"));
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM audit_log WHERE action = 'sign-off-reconciliation'"), ==, 2);

  /* Frozen in the database; altered behind its back, refused. */
  g_assert_false (cf_store_exec (f->store, "DELETE FROM reconciliation_reports", NULL));
  cf_test_allow_tampering (f->store, "reconciliation_reports");
  g_assert_true (cf_store_exec (f->store, cf_test_on_server ()
                                            ? "UPDATE reconciliation_reports SET content = '\\x00'::bytea || content "
                                              "WHERE sequence_no = 1"
                                            : "UPDATE reconciliation_reports SET content = x'00' || content "
                                              "WHERE sequence_no = 1",
                                &error));
  g_clear_object (&signed_doc);
  signed_doc = cf_reconcile_report_load (f->store, 1, &error);
  g_assert_null (signed_doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
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
  ADD ("/reconcile/fees-and-deposits", test_fees_and_deposits);
  ADD ("/reconcile/link-by-hand", test_link_by_hand);
  ADD ("/reconcile/mark-expected", test_mark_expected);
  ADD ("/reconcile/report-signed", test_report_signed);
  return g_test_run ();
}
