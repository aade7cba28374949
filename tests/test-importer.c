/* test-importer.c — journals into the store, end to end, with the ugly files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-importer.h"
#include "cf-store-private.h"
#include "cf-test-util.h"
#include "cf-transaction-query.h"
#include "cf-transaction.h"

static CfTransaction *
find_one (CfTestDb   *f,
          const char *voucher,
          const char *ref)
{
  g_autoptr(CfTransactionQuery) q = cf_transaction_query_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  q->voucher_no = g_strdup (voucher);
  q->ref_no = g_strdup (ref);
  found = cf_store_find_transactions (f->store, q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  return g_object_ref (g_ptr_array_index (found, 0));
}

static const CfImportReject *
reject_at (CfImportReport *report,
           guint           line)
{
  for (guint i = 0; i < report->rejects->len; i++)
    {
      const CfImportReject *r = g_ptr_array_index (report->rejects, i);
      if (r->line == line)
        return r;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_english_journal (CfTestDb      *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) report = cf_test_import (f, "journal-en.csv", &error);
  g_autoptr(CfTransaction) sale = NULL;
  g_autoptr(CfTransaction) voided = NULL;
  g_autoptr(CfTransaction) refund = NULL;
  const CfImportReject *r;
  gint64 fee;

  g_assert_no_error (error);
  g_assert_cmpstr (report->profile, ==, "generic");
  g_assert_cmpstr (report->encoding, ==, "UTF-8");
  g_assert_cmpuint (report->rows, ==, 9);
  g_assert_cmpuint (report->imported, ==, 5);
  g_assert_cmpuint (report->rejected, ==, 4);
  g_assert_cmpuint (report->duplicates, ==, 0);
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 5);

  r = reject_at (report, 7);
  g_assert_cmpstr (r->column, ==, "amount");
  g_assert_nonnull (strstr (r->reason, "12.3x"));
  r = reject_at (report, 8);
  g_assert_cmpstr (r->column, ==, "date");
  g_assert_nonnull (strstr (r->reason, "2026-11-31"));
  r = reject_at (report, 9);
  g_assert_cmpstr (r->column, ==, "amount");
  r = reject_at (report, 10);
  g_assert_null (r->column);
  g_assert_nonnull (strstr (r->reason, "7"));
  /* Rejected rows are kept for the clerk, with the raw text. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM import_rejects WHERE kind = 'rejected'"), ==, 4);
  {
    g_autofree char *raw = cf_test_query_text (f->store, "SELECT raw_text FROM import_rejects WHERE line = 7");
    g_assert_nonnull (strstr (raw, "12.3x"));
  }

  /* Excel's ="…" wrapping is gone; quoted commas and line breaks did not shift columns. */
  sale = find_one (f, "000102", NULL);
  g_assert_cmpstr (cf_transaction_get_terminal_no (sale), ==, "10450001");
  g_assert_cmpstr (cf_transaction_get_merchant_no (sale), ==, "898310048160001");
  g_assert_cmpstr (cf_transaction_get_batch_no (sale), ==, "000123");
  g_assert_cmpstr (cf_transaction_get_ref_no (sale), ==, "332809204401");
  g_assert_cmpstr (cf_transaction_get_auth_code (sale), ==, "123456");
  g_assert_cmpint (cf_transaction_get_amount_minor (sale), ==, 123456);
  g_assert_true (cf_transaction_get_fee_minor (sale, &fee));
  g_assert_cmpint (fee, ==, 741);
  g_assert_cmpstr (cf_transaction_get_card_first6 (sale), ==, "411111");
  g_assert_cmpstr (cf_transaction_get_card_last4 (sale), ==, "1111");
  g_assert_cmpstr (cf_transaction_get_card_brand (sale), ==, "Visa");
  g_assert_cmpstr (cf_transaction_get_local_time (sale), ==, "2026-11-28 09:20:44");
  g_assert_cmpint (cf_transaction_get_txn_type (sale), ==, CF_TXN_TYPE_SALE);

  voided = find_one (f, "000103", NULL);
  g_assert_cmpint (cf_transaction_get_txn_type (voided), ==, CF_TXN_TYPE_VOID);
  g_assert_cmpint (cf_transaction_get_signed_amount (voided), ==, -123456);

  /* A leading apostrophe and dropped zeros: '02 → 02, 104 → 000104. */
  refund = find_one (f, "000104", NULL);
  g_assert_cmpstr (cf_transaction_get_operator_no (refund), ==, "02");
  g_assert_cmpint (cf_transaction_get_txn_type (refund), ==, CF_TXN_TYPE_REFUND);
  g_assert_cmpstr (cf_transaction_get_currency (refund), ==, "USD");

  /* Every import leaves an audit entry with who did it. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'import' AND operator_no = '001'"), ==, 1);
}

static void
test_gb18030_statement (CfTestDb      *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) report = cf_test_import (f, "statement-zh-gb18030.csv", &error);
  g_autoptr(CfTransaction) sale = NULL;
  g_autoptr(CfTransaction) completion = NULL;
  g_autoptr(CfTransaction) refund = NULL;
  int offset;

  g_assert_no_error (error);
  g_assert_cmpstr (report->encoding, ==, "GB18030");
  g_assert_cmpuint (report->header_line, ==, 6);
  g_assert_cmpuint (report->imported, ==, 5);
  g_assert_cmpuint (report->skipped, ==, 2);   /* 合计 and 打印人 */
  g_assert_cmpuint (report->rejected, ==, 1);
  g_assert_cmpstr (reject_at (report, 12)->column, ==, "交易金额（元）");
  g_assert_cmpuint (report->masked_pans, ==, 1);

  sale = find_one (f, "000501", NULL);
  g_assert_cmpstr (cf_transaction_get_merchant_name (sale), ==, "望京便利超市（阜通店）");
  g_assert_cmpstr (cf_transaction_get_merchant_no (sale), ==, "898310048160002");
  g_assert_cmpstr (cf_transaction_get_issuer (sale), ==, "中国工商银行");
  g_assert_cmpstr (cf_transaction_get_local_time (sale), ==, "2026-11-27 14:03:22");
  g_assert_cmpint (cf_transaction_get_amount_minor (sale), ==, 128800);
  g_assert_true (cf_transaction_get_utc_offset (sale, &offset));
  g_assert_cmpint (offset, ==, 480);

  completion = find_one (f, "000505", NULL);
  g_assert_cmpint (cf_transaction_get_txn_type (completion), ==, CF_TXN_TYPE_AUTH_COMPLETE);
  g_assert_cmpint (cf_transaction_get_amount_minor (completion), ==, 20000);
  g_assert_cmpstr (cf_transaction_get_local_time (completion), ==, "2026-11-27 14:30:00");

  refund = find_one (f, "000504", NULL);
  g_assert_cmpint (cf_transaction_get_txn_type (refund), ==, CF_TXN_TYPE_REFUND);
  g_assert_cmpint (cf_transaction_get_amount_minor (refund), ==, 1200);

  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM merchants WHERE merchant_no = '898310048160002'"), ==, 1);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM operators WHERE operator_no IN ('001', '002')"), ==, 2);
}

static void
test_square_export (CfTestDb      *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) report = cf_test_import (f, "square.csv", &error);
  g_autoptr(CfTransactionQuery) q = cf_transaction_query_new ();
  g_autoptr(GPtrArray) found = NULL;
  CfTransaction *newest;
  gint64 fee;
  int offset;

  g_assert_no_error (error);
  g_assert_cmpstr (report->profile, ==, "square");
  g_assert_cmpuint (report->imported, ==, 4);
  g_assert_cmpuint (report->rejected, ==, 0);

  found = cf_store_find_transactions (f->store, q, &error);
  g_assert_cmpuint (found->len, ==, 4);
  newest = g_ptr_array_index (found, 0);
  g_assert_cmpstr (cf_transaction_get_local_time (newest), ==, "2026-11-29 09:01:00");
  g_assert_cmpint (cf_transaction_get_signed_amount (newest), ==, -1250);
  g_assert_cmpint (cf_transaction_get_entry_mode (newest), ==, CF_ENTRY_MODE_MANUAL);
  g_assert_cmpstr (cf_transaction_get_card_last4 (newest), ==, "0005");
  g_assert_cmpstr (cf_transaction_get_card_brand (newest), ==, "American Express");

  /* A payment and its refund share Square's transaction id; both are kept. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM transactions WHERE ref_no = 'TXN0002BBB'"), ==, 2);
  {
    g_autoptr(CfTransaction) first = find_one (f, NULL, "TXN0001AAA");
    g_assert_cmpint (cf_transaction_get_amount_minor (first), ==, 123456);
    g_assert_cmpstr (cf_transaction_get_local_time (first), ==, "2026-11-28 14:30:00");
    g_assert_cmpstr (cf_transaction_get_currency (first), ==, "USD");
    g_assert_true (cf_transaction_get_fee_minor (first, &fee));
    g_assert_cmpint (fee, ==, 3241);
    /* Square's zone name is stored as the zone it means, with November's offset. */
    g_assert_cmpstr (cf_transaction_get_time_zone (first), ==, "America/Los_Angeles");
    g_assert_true (cf_transaction_get_utc_offset (first, &offset));
    g_assert_cmpint (offset, ==, -8 * 60);
  }
}

static void
test_utf16_tab_separated (CfTestDb      *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) report = cf_test_import (f, "excel-unicode.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (report->encoding, ==, "UTF-16LE");
  g_assert_cmpuint (report->imported, ==, 2);
}

static void
test_mixed_encodings (CfTestDb      *f,
                      gconstpointer  data)
{
  const char *header = "日期,时间,终端号,凭证号,参考号,卡号,金额,商户名称\n";

  for (guint majority_gbk = 0; majority_gbk <= 1; majority_gbk++)
    {
      g_autoptr(GString) file = g_string_new (NULL);
      g_autofree char *path = g_strdup_printf ("%s/mixed-%u.csv", f->dir, majority_gbk);
      g_autoptr(GError) error = NULL;
      g_autoptr(CfImportReport) report = NULL;
      g_autofree char *names = NULL;

      for (guint i = 0; i < 4; i++)
        {
          g_autofree char *row = g_strdup_printf ("2026-11-28,09:00:0%u,1045000%u,00000%u,3328000%u000%u,"
                                                  "622202******0128,%u0.00,望京便利超市\n", i, majority_gbk, i,
                                                  majority_gbk, i, i);
          const char *line = i == 0 ? header : row;
          /* The last row is in the other encoding. */
          gboolean as_gbk = (i == 3) ? !majority_gbk : majority_gbk;
          g_autofree char *bytes = NULL;
          gsize len = strlen (line);

          if (as_gbk)
            bytes = g_convert (line, -1, "GB18030", "UTF-8", NULL, &len, NULL);
          g_string_append_len (file, as_gbk ? bytes : line, (gssize) len);
        }
      g_assert_true (g_file_set_contents (path, file->str, (gssize) file->len, NULL));

      report = cf_test_import (f, path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (report->encoding, ==, majority_gbk ? "GB18030" : "UTF-8");
      g_assert_cmpuint (report->imported, ==, 2);
      g_assert_cmpuint (report->rejected, ==, 1);
      {
        const CfImportReject *r = g_ptr_array_index (report->rejects, 0);
        g_assert_cmpuint (r->line, ==, 4);
        g_assert_nonnull (strstr (r->reason, "one encoding"));
        /* Shown as what it says, to be read by a person. */
        g_assert_nonnull (strstr (r->raw_text, "望京便利超市"));
      }
      names = cf_test_query_text (f->store, "SELECT group_concat (DISTINCT merchant_name) FROM transactions");
      g_assert_cmpstr (names, ==, "望京便利超市");
    }
}

/* 05/11/2026 with nothing in the file to tell day from month: read month
 * first, and the report says so; the person can say day first. */
static void
test_ambiguous_dates_said (CfTestDb      *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "ambiguous.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) first = NULL;
  g_autoptr(CfImportReport) second = NULL;
  g_autoptr(CfImporter) importer = cf_importer_new (f->store);
  g_autofree char *day = NULL;

  g_assert_true (g_file_set_contents (path, "date,time,terminal_id,trace_no,rrn,card_no,amount\n"
                                            "05/11/2026,10:00:00,T1,000001,332800000001,622202******0128,10.00\n",
                                      -1, NULL));
  cf_importer_set_dry_run (importer, TRUE);
  first = cf_importer_import_file (importer, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (first->notes, 0), "05/11/2026 were read month first"));

  cf_importer_set_dry_run (importer, FALSE);
  cf_importer_set_operator (importer, "001");
  cf_importer_set_date_order (importer, CF_DATE_ORDER_DMY);
  second = cf_importer_import_file (importer, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->notes->len, ==, 0);
  day = cf_test_query_text (f->store, "SELECT substr (local_time, 1, 10) FROM transactions");
  g_assert_cmpstr (day, ==, "2026-11-05");

  /* A stored import keeps its notes for Import History. */
  {
    g_autofree char *later = g_build_filename (f->dir, "ambiguous-2.csv", NULL);
    g_autoptr(CfImporter) plain = cf_importer_new (f->store);
    g_autoptr(CfImportReport) third = NULL;
    g_autoptr(GPtrArray) history = NULL;
    CfImportReport *last;

    g_assert_true (g_file_set_contents (later, "date,time,terminal_id,trace_no,rrn,card_no,amount\n"
                                               "04/03/2026,10:00:00,T1,000002,332800000002,622202******0128,10.00\n",
                                        -1, NULL));
    cf_importer_set_operator (plain, "001");
    third = cf_importer_import_file (plain, later, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    history = cf_store_list_imports (f->store, 1, &error);
    g_assert_no_error (error);
    last = g_ptr_array_index (history, 0);
    g_assert_cmpuint (last->notes->len, ==, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (last->notes, 0), "04/03/2026 were read month first"));
  }
}

static void
test_conflict_reported_not_overwritten (CfTestDb      *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) first = cf_test_import (f, "journal-en.csv", &error);
  g_autoptr(CfImportReport) overlap = cf_test_import (f, "overlap-en.csv", &error);
  g_autoptr(CfTransaction) stored = NULL;
  const CfImportReject *conflict;

  g_assert_no_error (error);
  g_assert_cmpuint (overlap->imported, ==, 1);
  g_assert_cmpuint (overlap->duplicates, ==, 1);
  g_assert_cmpuint (overlap->conflicts, ==, 1);

  conflict = reject_at (overlap, 3);
  g_assert_cmpint (conflict->kind, ==, CF_IMPORT_REJECT_CONFLICT);
  g_assert_nonnull (strstr (conflict->reason, "1,243.56"));
  g_assert_nonnull (strstr (conflict->reason, "1,234.56"));

  stored = find_one (f, "000102", NULL);
  g_assert_cmpint (cf_transaction_get_amount_minor (stored), ==, 123456);
  g_assert_cmpint (conflict->transaction_id, ==, cf_transaction_get_id (stored));
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM import_rejects WHERE kind = 'conflict'"), ==, 1);
}

static void
test_user_profile (CfTestDb      *f,
                   gconstpointer  data)
{
  g_autofree char *profile_dir = g_build_filename (f->dir, "profiles", NULL);
  g_autofree char *profile = g_build_filename (profile_dir, "acme-bank.profile", NULL);
  g_autofree char *journal = g_build_filename (f->dir, "acme.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) report = NULL;
  g_autoptr(CfTransaction) txn = NULL;

  g_assert_cmpint (g_mkdir_with_parents (profile_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (profile,
    "[Profile]\nName=acme-bank\nDateOrder=dmy\nCurrency=HKD\nTimeZone=+08:00\n"
    "[Columns]\ndate=Posting Day\ntime=Clock\nterminal_no=Till\nbatch_no=Lot\nvoucher_no=Slip Number\namount=Value\n"
    "card_no=Masked Card\ntype=Kind\n"
    "[Types]\nsale=Buy\nrefund=Give Back\n", -1, NULL));
  g_assert_true (g_file_set_contents (journal,
    "Posting Day,Clock,Till,Lot,Slip Number,Value,Masked Card,Kind\n"
    "05/11/2026,10:00:00,A1,000007,000042,99.00,****1234,Give Back\n", -1, NULL));

  g_setenv ("COUNTERFOIL_PROFILE_DIR", profile_dir, TRUE);
  report = cf_test_import (f, journal, &error);
  g_unsetenv ("COUNTERFOIL_PROFILE_DIR");

  g_assert_no_error (error);
  g_assert_cmpstr (report->profile, ==, "acme-bank");
  g_assert_cmpuint (report->imported, ==, 1);
  txn = find_one (f, "000042", NULL);
  g_assert_cmpstr (cf_transaction_get_local_time (txn), ==, "2026-11-05 10:00:00");
  g_assert_cmpstr (cf_transaction_get_currency (txn), ==, "HKD");
  g_assert_cmpint (cf_transaction_get_txn_type (txn), ==, CF_TXN_TYPE_REFUND);
}

static void
test_bad_profile_is_named (CfTestDb      *f,
                           gconstpointer  data)
{
  g_autofree char *profile = g_build_filename (f->dir, "broken.profile", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportProfile) p = NULL;

  g_assert_true (g_file_set_contents (profile, "[Profile]\nName=broken\nDateOrder=sideways\n[Columns]\ndate=d\n", -1, NULL));
  p = cf_import_profile_find (profile, &error);
  g_assert_null (p);
  g_assert_error (error, CF_IMPORT_PROFILE_ERROR, CF_IMPORT_PROFILE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "broken.profile"));
  g_assert_nonnull (strstr (error->message, "sideways"));
  g_clear_error (&error);

  p = cf_import_profile_find ("nonesuch", &error);
  g_assert_null (p);
  g_assert_error (error, CF_IMPORT_PROFILE_ERROR, CF_IMPORT_PROFILE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "square"));
  g_clear_error (&error);

  /* One broken profile among the user's does not stop imports: it is
   * passed over, and the import says so, naming the file. */
  g_setenv ("COUNTERFOIL_PROFILE_DIR", f->dir, TRUE);
  {
    g_autoptr(CfImportReport) report = cf_test_import (f, "journal-en.csv", &error);

    g_unsetenv ("COUNTERFOIL_PROFILE_DIR");
    g_assert_no_error (error);
    g_assert_cmpuint (report->imported, >, 0);
    g_assert_cmpuint (report->notes->len, ==, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (report->notes, 0), "broken.profile"));
    g_assert_nonnull (strstr (g_ptr_array_index (report->notes, 0), "sideways"));
  }
}

static void
test_rejects_csv_neutralises_formulas (CfTestDb      *f,
                                       gconstpointer  data)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_import_report_unref);
  CfImportReport *report = cf_import_report_new ("/x/journal.csv");
  g_autofree char *path = g_build_filename (f->dir, "rejects.csv", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;

  cf_import_report_add_reject (report, CF_IMPORT_REJECT_BAD_ROW, 7, "金额", "“=1+1” is not an amount",
                               "=HYPERLINK(\"http://x\"),+1,-2,@SUM(A1)", 0);
  cf_import_report_add_reject (report, CF_IMPORT_REJECT_CONFLICT, 9, NULL, "differs", "a,\"b\"", 3);
  g_ptr_array_add (reports, report);

  g_assert_true (cf_import_reports_write_rejects_csv (reports, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "file,line,column,kind,reason,row\r\n"));
  /* A cell starting with = + - @ would run as a formula: it gets an apostrophe. */
  g_assert_nonnull (strstr (csv, "\"journal.csv\",7,\"金额\",\"rejected\",\"“=1+1” is not an amount\",\"'=HYPERLINK(\"\"http://x\"\"),+1,-2,@SUM(A1)\"\r\n"));
  g_assert_nonnull (strstr (csv, "\"journal.csv\",9,\"\",\"conflict\",\"differs\",\"a,\"\"b\"\"\"\r\n"));
}

static void
test_more_real_world_layouts (CfTestDb      *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) zh = cf_test_import (f, "journal-zh-datetime-gbk.txt", &error);
  g_autoptr(CfImportReport) dmy = NULL;
  g_autoptr(CfImportReport) en = NULL;
  g_autoptr(CfTransaction) voided = NULL;
  g_autoptr(CfTransaction) early = NULL;
  g_autoptr(CfTransaction) visa = NULL;

  /* Tab-separated GBK with one "交易时间" column holding date and time, 58.00元, a 合计 row. */
  g_assert_no_error (error);
  g_assert_cmpstr (zh->encoding, ==, "GB18030");
  g_assert_cmpuint (zh->imported, ==, 3);
  g_assert_cmpuint (zh->skipped, ==, 1);
  voided = find_one (f, "000012", NULL);
  g_assert_cmpstr (cf_transaction_get_local_time (voided), ==, "2026-11-28 09:05:40");
  g_assert_cmpint (cf_transaction_get_txn_type (voided), ==, CF_TXN_TYPE_VOID);
  g_assert_cmpstr (cf_transaction_get_operator_no (voided), ==, "张三");
  g_assert_cmpstr (cf_transaction_get_card_kind (voided), ==, "借记卡");

  /* 05/11/2026 is the fifth of November when another date of the file is 25/11/2026. */
  dmy = cf_test_import (f, "day-first-dates.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dmy->imported, ==, 3);
  early = find_one (f, "000001", "330510000001");
  g_assert_cmpstr (cf_transaction_get_local_time (early), ==, "2026-11-05 10:00:00");

  /* Title-case English headers with dots and spaces, a statement title above them. */
  en = cf_test_import (f, "statement-en-title-case.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (en->header_line, ==, 5);
  g_assert_cmpuint (en->imported, ==, 2);
  g_assert_cmpuint (en->skipped, ==, 1);
  visa = find_one (f, "000345", NULL);
  g_clear_pointer (&zh, cf_import_report_unref);
  zh = cf_test_import (f, "settlement-first-fen.csv", &error);
  g_assert_no_error (error);
  /* A header repeated on every page of an export is skipped, not rejected. */
  {
    g_autoptr(CfImportReport) repeated = cf_test_import (f, "repeated-header.csv", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (repeated->imported, ==, 2);
    g_assert_cmpuint (repeated->skipped, ==, 1);
    g_assert_cmpuint (repeated->rejected, ==, 0);
  }
  /* 交易日期 is the date even where 清算日期 stands left of it; 交易金额(分) counts fen. */
  {
    g_autoptr(CfTransaction) fen = find_one (f, "000001", "330000000001");
    g_assert_cmpstr (cf_transaction_get_local_time (fen), ==, "2026-11-28 10:10:10");
    g_assert_cmpint (cf_transaction_get_amount_minor (fen), ==, 8850);
    g_assert_cmpuint (zh->rejected, ==, 1);
  }
  g_assert_cmpstr (cf_transaction_get_merchant_no (visa), ==, "898310048160009");
  g_assert_cmpstr (cf_transaction_get_auth_code (visa), ==, "A12B34");
  g_assert_cmpint (cf_transaction_get_amount_minor (visa), ==, 125000);
  g_assert_cmpstr (cf_transaction_get_local_time (visa), ==, "2026-11-28 14:03:22");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, CfTestDb, NULL, cf_test_db_setup, func, cf_test_db_teardown)
  ADD ("/import/english-journal", test_english_journal);
  ADD ("/import/gb18030-statement-with-preamble-and-totals", test_gb18030_statement);
  ADD ("/import/square-export", test_square_export);
  ADD ("/import/utf16-tab-separated", test_utf16_tab_separated);
  ADD ("/import/mixed-encodings", test_mixed_encodings);
  ADD ("/import/ambiguous-dates-said", test_ambiguous_dates_said);
  ADD ("/import/conflict-reported-not-overwritten", test_conflict_reported_not_overwritten);
  ADD ("/import/profile/user-profile", test_user_profile);
  ADD ("/import/profile/errors-named", test_bad_profile_is_named);
  ADD ("/import/rejects-csv-neutralises-formulas", test_rejects_csv_neutralises_formulas);
  ADD ("/import/more-real-world-layouts", test_more_real_world_layouts);
#undef ADD

  return g_test_run ();
}
