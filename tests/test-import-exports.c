/* test-import-exports.c — the real exports Counterfoil has a profile for,
 * each read from a file written to its provider's published layout: which
 * profile is chosen without being named, how many rows go in, and every
 * stored amount, type, currency, time and offset, exactly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cf-handover-report.h"
#include "cf-import-draft.h"
#include "cf-import-report.h"
#include "cf-importer-private.h"
#include "cf-store-private.h"
#include "cf-test-util.h"
#include "cf-time-zone.h"
#include "cf-transaction-query.h"

typedef struct
{
  const char *file;
  const char *profile;
  guint       imported;
  guint       skipped;
  guint       rejected;
  const char *amount_column;
  CfAmountUnit unit;
  /* Every stored row, oldest first: "ref type method amount currency time offset". */
  const char *ledger;
} Export;

static const Export exports[] = {
  { "exports/wechat-pay.csv", "wechat-pay", 6, 2, 0, "订单金额", CF_AMOUNT_UNIT_MAJOR,
    /* Two partial refunds of one order are two rows, each its own amount;
     * a revoked order is a void beside its payment. */
    "4200001234202611270001234567 sale wechat 8850 CNY 2026-11-27 09:15:02 480\n"
    "4200001234202611270001234568 sale wechat 128800 CNY 2026-11-27 10:02:41 480\n"
    "4200001234202611270001234568 refund wechat 10000 CNY 2026-11-27 15:30:00 480\n"
    "4200001234202611270001234568 refund wechat 20000 CNY 2026-11-27 16:10:00 480\n"
    "4200001234202611270001234569 sale wechat 1200 CNY 2026-11-27 17:00:00 480\n"
    "4200001234202611270001234569 void wechat 1200 CNY 2026-11-27 17:00:30 480" },
  { "exports/alipay-account-log.csv", "alipay-account-log", 3, 6, 0, "收入金额（+元） − 支出金额（-元）", CF_AMOUNT_UNIT_MAJOR,
    /* The fee line and the withdrawal are skipped, and so are the # notes. */
    "2026112722001400001234567890 sale alipay 8850 CNY 2026-11-27 09:20:11 480\n"
    "2026112722001400001234567891 sale alipay 128800 CNY 2026-11-27 11:45:30 480\n"
    "2026112722001400001234567891 refund alipay 10000 CNY 2026-11-27 16:02:09 480" },
  { "exports/alipay-trade.csv", "alipay-trade", 3, 4, 0, "订单金额（元）", CF_AMOUNT_UNIT_MAJOR,
    "2026112722001400001234567890 sale alipay 8850 CNY 2026-11-27 09:20:11 480\n"
    "2026112722001400001234567891 sale alipay 128800 CNY 2026-11-27 11:45:30 480\n"
    "2026112722001400001234567891 refund alipay 10000 CNY 2026-11-27 16:02:09 480" },
  { "exports/chinaums.csv", "chinaums", 4, 1, 1, "交易金额", CF_AMOUNT_UNIT_MAJOR,
    /* 检索号 is the reference no.; the RRN Excel rounded is refused. */
    "331709150201 sale card 8850 CNY 2026-11-27 09:15:02 480\n"
    "331710101001 sale card 128800 CNY 2026-11-27 10:10:10 480\n"
    "331715000001 refund card 10000 CNY 2026-11-27 15:00:00 480\n"
    "331716000001 void card 6680 CNY 2026-11-27 16:00:00 480" },
  { "exports/unionpay-statement.csv", "generic", 4, 0, 0, "交易金额(单位:分)", CF_AMOUNT_UNIT_MINOR,
    /* The date from 清算日期, the time from a 交易日期时间 that holds only it. */
    "331709150201 sale card 8850 CNY 2026-11-27 09:15:02 480\n"
    "331710101001 sale card 128800 CNY 2026-11-27 10:10:10 480\n"
    "331715000001 refund card 10000 CNY 2026-11-27 15:00:00 480\n"
    "331716000009 sale card 1999 CNY 2026-11-27 16:00:00 480" },
  { "exports/allinpay-vsp.csv", "allinpay-vsp", 4, 0, 0, "交易金额", CF_AMOUNT_UNIT_MAJOR,
    /* The time beside its own date column; the wallet's rows paid with it. */
    "331709150201 sale card 8850 CNY 2026-11-27 09:15:02 480\n"
    " sale wechat 128800 CNY 2026-11-27 10:02:41 480\n"
    " refund wechat 10000 CNY 2026-11-27 15:30:00 480\n"
    "331716000001 void card 8850 CNY 2026-11-27 16:00:00 480" },
  { "exports/allinpay-yst-checkfile.txt", "allinpay-yst-checkfile", 4, 1, 0, "交易金额(单位:分)", CF_AMOUNT_UNIT_MINOR,
    /* No header row: the columns by position; amounts in fen; the top-up skipped. */
    " sale wechat 8850 CNY 2026-11-28 09:15:02 480\n"
    " sale card 128800 CNY 2026-11-28 10:10:10 480\n"
    " refund wechat 2000 CNY 2026-11-28 15:00:00 480\n"
    " sale alipay 4550 CNY 2026-11-28 18:00:00 480" },
  { "exports/aggregator-fen.csv", "generic", 4, 1, 0, "交易金额(分)", CF_AMOUNT_UNIT_MINOR,
    /* An aggregator's statement (GBK): fen by header, the method per row, a
     * date glued to its time, a failed order skipped. */
    " sale wechat 8850 CNY 2026-11-27 09:15:02 480\n"
    " sale alipay 128800 CNY 2026-11-27 10:02:41 480\n"
    "331711300001 sale card 6680 CNY 2026-11-27 11:30:00 480\n"
    " refund alipay 10000 CNY 2026-11-27 15:30:00 480" },
  { "exports/square-legacy.csv", "square", 3, 0, 0, "Total Collected", CF_AMOUNT_UNIT_MAJOR,
    /* What the card was charged: tax and tip included; the money in the
     * Cash column makes a cash sale. */
    "PAYL0001 sale card 12375 USD 2026-11-27 00:00:00 \n"
    "PAYL0002 sale cash 1958 USD 2026-11-27 00:00:00 \n"
    "PAYL0003 refund cash 1958 USD 2026-11-28 00:00:00 " },
  { "exports/stripe-payments.csv", "stripe-payments", 3, 1, 0, "Amount", CF_AMOUNT_UNIT_MAJOR,
    "ch_3QAbCdEfGh000001 sale card 2500 USD 2026-11-27 17:15:02 0\n"
    "ch_3QAbCdEfGh000002 sale card 125000 USD 2026-11-27 18:40:00 0\n"
    "ch_3QAbCdEfGh000004 sale card 999 EUR 2026-11-28 02:05:09 0" },
  { "exports/stripe-balance-itemized.csv", "stripe-balance-itemized", 3, 2, 0, "gross", CF_AMOUNT_UNIT_MAJOR,
    "ch_3QAbCdEfGh000001 sale card 2500 USD 2026-11-27 17:15:02 0\n"
    "ch_3QAbCdEfGh000002 sale card 125000 USD 2026-11-27 18:40:00 0\n"
    "re_3QAbCdEfGh000002 refund card 25000 USD 2026-11-28 09:00:00 0" },
  { "exports/stripe-balance.csv", "stripe-balance", 3, 2, 0, "Amount", CF_AMOUNT_UNIT_MAJOR,
    "ch_1QZz000001 sale card 2500 USD 2026-11-27 17:15:00 0\n"
    "py_1QZz000002 sale card 8000 USD 2026-11-27 18:00:00 0\n"
    "re_1QZz000003 refund card 2500 USD 2026-11-28 08:00:00 0" },
  { "exports/paypal.csv", "paypal", 4, 1, 0, "Gross", CF_AMOUNT_UNIT_MAJOR,
    /* PDT in July, PST in November, as the file says. */
    "2CD34567EF890123G sale card 4000 USD 2026-07-04 12:00:00 -420\n"
    "5TY05013RG002845M sale card 125000 USD 2026-11-27 09:15:02 -480\n"
    "8MC585209K746392H sale card 2500 USD 2026-11-27 10:02:41 -480\n"
    "1AB23456CD789012E refund card 25000 USD 2026-11-27 15:30:00 -480" },
  { "exports/paypal-de.csv", "paypal-de", 4, 1, 0, "Brutto", CF_AMOUNT_UNIT_MAJOR,
    /* Day first (05.11. is the fifth of November), decimal comma, MESZ. */
    "2CD34567EF890123L sale card 4000 EUR 2026-07-04 12:00:00 120\n"
    "8MC585209K746392J sale card 2500 EUR 2026-11-05 10:02:41 60\n"
    "5TY05013RG002845N sale card 125000 EUR 2026-11-27 09:15:02 60\n"
    "1AB23456CD789012K refund card 25000 EUR 2026-11-27 15:30:00 60" },
  { "exports/adyen-settlement.csv", "adyen-settlement", 3, 2, 0, "Gross Credit (GC) − Gross Debit (GC)", CF_AMOUNT_UNIT_MAJOR,
    "8816178952380554 sale card 4000 CHF 2026-07-04 12:00:00 120\n"
    "8816178952380553 sale card 12550 CHF 2026-11-27 09:15:02 60\n"
    "8816178952380553 refund card 2500 CHF 2026-11-27 16:00:00 60" },
  { "exports/shopify-payments.csv", "shopify-payments", 4, 1, 0, "Amount", CF_AMOUNT_UNIT_MAJOR,
    /* Two refunds of order #1001: told apart by time and amount. */
    "#1001 sale card 12550 USD 2026-11-27 09:15:02 -300\n"
    "#1002 sale card 4000 USD 2026-11-27 10:02:41 -300\n"
    "#1001 refund card 2500 USD 2026-11-27 15:30:00 -300\n"
    "#1001 refund card 1000 USD 2026-11-27 16:45:00 -300" },
  { "exports/sumup.csv", "sumup", 3, 1, 0, "Total Amount", CF_AMOUNT_UNIT_MAJOR,
    "TAAAA1BCD2E sale card 1250 GBP 2026-11-27 09:15:00 \n"
    "TAAAA1BCD2F sale card 102000 GBP 2026-11-27 10:40:00 \n"
    "TAAAA1BCD2G refund card 1250 GBP 2026-11-27 12:00:00 " },
  { "exports/sumup-de.csv", "sumup", 3, 1, 0, "Gesamtbetrag", CF_AMOUNT_UNIT_MAJOR,
    "TBBBB1CDE2F sale card 102000 EUR 2026-11-05 10:40:00 \n"
    "TBBBB1CDE2E sale card 1250 EUR 2026-11-27 09:15:00 \n"
    "TBBBB1CDE2G refund card 1250 EUR 2026-11-27 12:00:00 " },
};

static char *
dup_ledger (CfStore *store)
{
  return cf_test_query_text (store,
                             "SELECT group_concat (line, char (10)) FROM ("
                             "  SELECT coalesce (ref_no, '') || ' ' || type || ' ' || payment_method || ' ' || amount_minor || ' ' || currency || ' ' ||"
                             "         local_time || ' ' || coalesce (CAST (utc_offset AS TEXT), '') AS line"
                             "  FROM transactions ORDER BY local_time, id)");
}

static void
test_export (CfTestDb      *f,
             gconstpointer  data)
{
  const Export *e = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) report = cf_test_import (f, e->file, &error);
  g_autoptr(CfImportReport) again = NULL;
  g_autofree char *ledger = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < report->rejects->len; i++)
    g_test_message ("line %u: %s", ((CfImportReject *) g_ptr_array_index (report->rejects, i))->line,
                    ((CfImportReject *) g_ptr_array_index (report->rejects, i))->reason);
  g_assert_cmpstr (report->profile, ==, e->profile);
  g_assert_cmpuint (report->imported, ==, e->imported);
  g_assert_cmpuint (report->skipped, ==, e->skipped);
  g_assert_cmpuint (report->rejected, ==, e->rejected);
  g_assert_cmpstr (report->amount_source, ==, e->amount_column);
  g_assert_cmpint (report->amount_unit, ==, e->unit);

  ledger = dup_ledger (f->store);
  g_assert_cmpstr (ledger, ==, e->ledger);

  /* The same file again adds nothing: every row is known by its key. */
  again = cf_test_import (f, e->file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->imported, ==, 0);
  g_assert_cmpuint (again->duplicates, ==, e->imported);
}

/* Imports @text as a file of the fixture's folder. */
static CfImportReport *
import_text (CfTestDb    *f,
             const char  *text,
             GError     **error)
{
  g_autofree char *path = g_build_filename (f->dir, "export.csv", NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return cf_test_import (f, path, error);
}

static const CfImportReject *
only_reject (CfImportReport *report)
{
  g_assert_cmpuint (report->rejects->len, ==, 1);
  return g_ptr_array_index (report->rejects, 0);
}

/* A row whose amounts do not make the profile's sum is refused, and the
 * message names the columns; the rows that add up go in. */
static void
test_sums_refuse_a_row (CfTestDb      *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) report = import_text (f,
    "id,Type,Source,Amount,Fee,Net,Currency,Created (UTC),Available On (UTC)\n"
    "txn_1,charge,ch_1,25.00,1.03,23.97,usd,2026-11-27 17:15,2026-11-30 00:00\n"
    "txn_2,charge,ch_2,250.00,1.03,23.97,usd,2026-11-27 17:16,2026-11-30 00:00\n", &error);
  const CfImportReject *reject;

  g_assert_no_error (error);
  g_assert_cmpstr (report->profile, ==, "stripe-balance");
  g_assert_cmpuint (report->imported, ==, 1);
  reject = only_reject (report);
  g_assert_cmpuint (reject->line, ==, 3);
  g_assert_cmpstr (reject->column, ==, "Net");
  g_assert_nonnull (strstr (reject->reason, "Amount − Fee is 248.97"));
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM transactions WHERE ref_no = 'ch_2'"), ==, 0);
}

static void
test_income_and_expense_both_set (CfTestDb      *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) report = import_text (f,
    "账务流水号,业务流水号,商户订单号,发生时间,收入金额（+元）,支出金额（-元）,业务类型\n"
    "2026001,2088001,A1,2026-11-27 09:00:00,10.00,0.00,在线支付\n"
    "2026002,2088002,A2,2026-11-27 09:05:00,10.00,3.00,在线支付\n", &error);
  const CfImportReject *reject;

  g_assert_no_error (error);
  g_assert_cmpstr (report->profile, ==, "alipay-account-log");
  g_assert_cmpuint (report->imported, ==, 1);
  reject = only_reject (report);
  g_assert_cmpstr (reject->column, ==, "支出金额（-元）");
  g_assert_nonnull (strstr (reject->reason, "收入金额（+元）"));
}

/* 8850 in a column headed (单位:分) is ¥88.50; 88.50 there is refused, not
 * stored as ¥0.88 or ¥8,850.00. */
static void
test_unit_from_header (CfTestDb      *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) report = import_text (f,
    "交易日期,交易时间,终端号,凭证号,参考号,交易金额（单位：分）\n"
    "20261127,091502,10480001,000311,331709150201,8850\n"
    "20261127,091503,10480001,000312,331709150202,88.50\n", &error);

  g_assert_no_error (error);
  g_assert_cmpint (report->amount_unit, ==, CF_AMOUNT_UNIT_MINOR);
  g_assert_cmpuint (report->imported, ==, 1);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT amount_minor FROM transactions"), ==, 8850);
  g_assert_nonnull (strstr (only_reject (report)->reason, "whole number of fen"));

  g_assert_cmpint (cf_import_unit_from_header ("交易金额(分)"), ==, CF_AMOUNT_UNIT_MINOR);
  g_assert_cmpint (cf_import_unit_from_header ("金额[分]"), ==, CF_AMOUNT_UNIT_MINOR);
  g_assert_cmpint (cf_import_unit_from_header ("Amount (cents)"), ==, CF_AMOUNT_UNIT_MINOR);
  g_assert_cmpint (cf_import_unit_from_header ("amount in cents"), ==, CF_AMOUNT_UNIT_MINOR);
  g_assert_cmpint (cf_import_unit_from_header ("amount_cents"), ==, CF_AMOUNT_UNIT_MINOR);
  g_assert_cmpint (cf_import_unit_from_header ("金额单位：分"), ==, CF_AMOUNT_UNIT_MINOR);
  g_assert_cmpint (cf_import_unit_from_header ("交易金额（元）"), ==, CF_AMOUNT_UNIT_MAJOR);
  g_assert_cmpint (cf_import_unit_from_header ("分润（元）"), ==, CF_AMOUNT_UNIT_MAJOR);
  g_assert_cmpint (cf_import_unit_from_header ("交易金额"), ==, CF_AMOUNT_UNIT_UNKNOWN);
}

static void
test_unknown_zone_refused (CfTestDb      *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) report = import_text (f,
    "date,time,time_zone,terminal_no,trace_no,rrn,amount\n"
    "2026-07-04,12:00:00,Europe/Zurich,T1,000001,100000000001,10.00\n"
    "2026-07-04,12:00:00,Mars Standard Time,T1,000002,100000000002,10.00\n", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 1);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT utc_offset FROM transactions"), ==, 120);
  g_assert_nonnull (strstr (only_reject (report)->reason, "Mars Standard Time"));
}

static void
test_time_zones (void)
{
  static const struct { const char *name; const char *time; int offset; const char *stored; } cases[] = {
    { "Europe/Zurich", "2026-07-04 12:00:00", 120, "Europe/Zurich" },
    { "Europe/Zurich", "2026-11-27 12:00:00", 60, "Europe/Zurich" },
    { "Pacific Time (US & Canada)", "2026-07-04 12:00:00", -420, "America/Los_Angeles" },
    { "Pacific Time (US & Canada)", "2026-11-27 12:00:00", -480, "America/Los_Angeles" },
    { "PDT", "2026-11-27 12:00:00", -420, "PDT" },
    { "cet", "2026-07-04 12:00:00", 60, "CET" },
    { "MESZ", "2026-07-04 12:00:00", 120, "MESZ" },
    { "+05:30", "2026-07-04 12:00:00", 330, "+05:30" },
    { "UTC+8", "2026-07-04 12:00:00", 480, "UTC+8" },
    { "GMT-0500", "2026-07-04 12:00:00", -300, "GMT-0500" },
    { "Asia/Shanghai", "2026-07-04 12:00:00", 480, "Asia/Shanghai" },
    /* The hour skipped in spring is summer time; the one repeated in
     * autumn, its first (summer) pass. */
    { "America/New_York", "2026-03-08 02:30:00", -240, "America/New_York" },
    { "America/New_York", "2026-11-01 01:30:00", -240, "America/New_York" },
    { "America/New_York", "2026-11-01 02:30:00", -300, "America/New_York" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CfTimeZone) zone = cf_time_zone_new (cases[i].name);
      CfTimestamp ts = { 0 };

      g_assert_true (cf_timestamp_parse (cases[i].time, CF_DATE_ORDER_YMD, &ts, NULL));
      g_assert_nonnull (zone);
      g_assert_cmpint (cf_time_zone_offset_at (zone, &ts), ==, cases[i].offset);
      g_assert_cmpstr (cf_time_zone_get_name (zone), ==, cases[i].stored);
    }
  g_assert_null (cf_time_zone_new ("Mars Standard Time"));
  g_assert_null (cf_time_zone_new ("CET-1CEST"));   /* a POSIX TZ string is not a name */
  g_assert_null (cf_time_zone_new (""));
}

/* A layout no profile reads is refused whole, naming the closest profile
 * and what its header lacks; nothing is stored. */
static void
test_unknown_layout (CfTestDb      *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) report = import_text (f,
    "# export of 2026-11-27\n"
    "Transaction ID,Created,Type,Status,Currency,Customer\n"
    "T1,2026-11-27 10:00,Sale,Completed,USD,Jane\n", &error);

  g_assert_null (report);
  g_assert_error (error, CF_IMPORT_ERROR, CF_IMPORT_ERROR_NO_HEADER);
  g_assert_nonnull (strstr (error->message, "the closest is"));
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_assert_nonnull (strstr (error->message, "amount"));
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM transactions"), ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM imports"), ==, 0);
}

/* What a sale was paid with is stored, and a clerk finds it by its name in
 * either language; the handover's breakdown has a line per method. */
static void
test_payment_methods (CfTestDb      *f,
                      gconstpointer  data)
{
  static const struct { const char *words; guint found; } searches[] = {
    { "微信", 6 }, { "WeChat", 6 }, { "wechat refund", 2 }, { "现金", 2 }, { "cash", 2 },
    { "card", 1 }, { "支付宝", 0 },
    /* The merchant's order no. and the wallet's own, as a reference no. */
    { "CF20261127002", 3 }, { "4200001234202611270001234567", 1 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) wechat = cf_test_import (f, "exports/wechat-pay.csv", &error);
  g_autoptr(CfImportReport) square = cf_test_import (f, "exports/square-legacy.csv", &error);
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 30, 12, 0, 0);
  g_autoptr(CfHandoverFigures) figures = NULL;
  CfHandoverScope scope = { "2026-11-27 00:00:00", "2026-11-28 00:00:00", NULL };
  gboolean saw_wechat = FALSE, saw_cash = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autoptr(CfTransactionQuery) query = cf_transaction_query_new ();
      g_autoptr(GPtrArray) understood = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) found = NULL;

      g_assert_true (cf_transaction_query_add_search (query, searches[i].words, now, understood));
      found = cf_store_find_transactions (f->store, query, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %u", searches[i].words, found->len);
      g_assert_cmpuint (found->len, ==, searches[i].found);
    }

  figures = cf_handover_compute (f->store, &scope, now, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < figures->by_method->len; i++)
    {
      CfHandoverLine *line = g_ptr_array_index (figures->by_method, i);

      if (g_str_equal (line->label, "wechat"))
        {
          /* 88.50 + 1,288.00 + 12.00 − 100.00 − 200.00 − 12.00 */
          g_assert_cmpuint (line->count, ==, 6);
          g_assert_cmpint (line->amount_minor, ==, 107650);
          saw_wechat = TRUE;
        }
      saw_cash |= g_str_equal (line->label, "cash");
    }
  g_assert_true (saw_wechat);
  g_assert_true (saw_cash);
  /* Brands are cards': the wallet's six are not "?" there. */
  for (guint i = 0; i < figures->by_brand->len; i++)
    g_assert_cmpuint (((CfHandoverLine *) g_ptr_array_index (figures->by_brand, i))->count, ==, 1);
}

/* A layout no profile reads, taught through a draft as the assistant does:
 * the guesses, the clerk's corrections, the saved profile read back, and
 * the file then imported without naming it. */
static void
test_draft_teaches_a_layout (CfTestDb      *f,
                             gconstpointer  data)
{
  const char *text =
    "Kassenbericht Filiale 3\n"
    "Beleg,Zeitpunkt,Kasse,Umsatz,Vorgang,Kunde\n"
    "B-1001,2026-11-27 09:15:02,K1,\"-12,50\",Verkauf,Anna\n"
    "B-1002,2026-11-27 09:20:00,K1,\"-1.020,00\",Verkauf,Ben\n"
    "B-1003,2026-11-27 10:00:00,K1,\"12,50\",Storno,Anna\n"
    "B-1004,2026-11-27 18:00:00,K1,\"500,00\",Abschöpfung,\n";
  g_autofree char *path = g_build_filename (f->dir, "kasse.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportDraft) draft = NULL;
  g_autoptr(GPtrArray) profiles = cf_import_profile_load_all (NULL, &error);
  g_autoptr(CfImportReport) before = NULL;
  g_autoptr(CfImportReport) after = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *ledger = NULL;
  const char *const *header;

  /* A run that failed half-way may have left the profile behind. */
  {
    g_autofree char *left = g_build_filename (g_get_user_data_dir (), "counterfoil", "import-profiles",
                                              "test-kasse.profile", NULL);
    g_remove (left);
  }
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  before = cf_test_import (f, path, &error);
  g_assert_null (before);
  g_clear_error (&error);

  draft = cf_import_draft_new_for_file (path, NULL, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (draft->header_index, ==, 1);
  header = cf_import_draft_get_header (draft);
  g_assert_cmpstr (header[3], ==, "Umsatz");
  cf_import_draft_guess_fields (draft, profiles);
  /* Nothing names these columns; the date is told by its value. */
  g_assert_cmpint (draft->fields[1], ==, CF_FIELD_DATETIME);

  /* The clerk's corrections: what each column is, the sign, the rows to skip. */
  draft->fields[0] = CF_FIELD_SOURCE_ID;
  draft->fields[2] = CF_FIELD_TERMINAL_NO;
  draft->fields[3] = CF_FIELD_AMOUNT;
  draft->fields[4] = CF_FIELD_TXN_TYPE;
  draft->reverse_sign = TRUE;
  draft->decimal_comma = TRUE;
  draft->method = CF_PAYMENT_METHOD_CASH;
  g_free (draft->currency);
  draft->currency = g_strdup ("EUR");
  g_free (draft->time_zone);
  draft->time_zone = g_strdup ("Europe/Berlin");
  draft->skip_field = CF_FIELD_TXN_TYPE;
  draft->skip_values = g_strdup ("Abschöpfung");

  g_free (draft->name);
  draft->name = g_strdup ("generic");
  g_assert_null (cf_import_draft_save (draft, &error));
  g_assert_error (error, CF_IMPORT_PROFILE_ERROR, CF_IMPORT_PROFILE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (draft->name);
  draft->name = g_strdup ("test-kasse");
  saved = cf_import_draft_save (draft, &error);
  g_assert_no_error (error);

  after = cf_test_import (f, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->profile, ==, "test-kasse");
  g_assert_cmpuint (after->imported, ==, 3);
  g_assert_cmpuint (after->skipped, ==, 1);
  ledger = dup_ledger (f->store);
  g_assert_cmpstr (ledger, ==,
                   " sale cash 1250 EUR 2026-11-27 09:15:02 60\n"
                   " sale cash 102000 EUR 2026-11-27 09:20:00 60\n"
                   " void cash 1250 EUR 2026-11-27 10:00:00 60");
  g_assert_cmpint (g_unlink (saved), ==, 0);
}

/* A Taipei shop's Big5 export: read as GB18030 by default, so no profile
 * knows it; the clerk chooses Big5 in the assistant, and the profile saved
 * with it reads the file in Big5 from then on, its names intact. A file not
 * in the encoding chosen is refused, naming the line. */
static void
test_draft_chooses_an_encoding (CfTestDb      *f,
                                gconstpointer  data)
{
  const char *text =
    "日期,時間,收銀機,單號,金額,門市\n"
    "2026-11-27,09:15:02,K1,A001,88.50,臺北門市\n"
    "2026-11-27,10:00:00,K1,A002,120.00,臺北門市\n";
  g_autofree char *path = g_build_filename (f->dir, "big5.csv", NULL);
  g_autofree char *big5 = NULL;
  gsize big5_len = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportDraft) draft = NULL;
  g_autoptr(CfImportReport) after = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *names = NULL;

  {
    g_autofree char *left = g_build_filename (g_get_user_data_dir (), "counterfoil", "import-profiles",
                                              "test-big5.profile", NULL);
    g_remove (left);
  }
  big5 = g_convert (text, -1, "Big5", "UTF-8", NULL, &big5_len, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, big5, (gssize) big5_len, NULL));
  g_assert_null (cf_test_import (f, path, &error));
  g_clear_error (&error);

  draft = cf_import_draft_new_for_file (path, NULL, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (draft->encoding, ==, "GB18030");
  g_assert_cmpstr (cf_import_draft_get_header (draft)[0], !=, "日期");
  g_assert_false (cf_import_draft_read_in (draft, "UTF-8", &error));
  g_assert_error (error, CF_CSV_ERROR, CF_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "line 1"));
  g_clear_error (&error);
  g_assert_true (cf_import_draft_read_in (draft, "Big5", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cf_import_draft_get_header (draft)[0], ==, "日期");
  g_assert_cmpstr (cf_import_draft_get_header (draft)[5], ==, "門市");

  draft->fields[0] = CF_FIELD_DATE;
  draft->fields[1] = CF_FIELD_TIME;
  draft->fields[2] = CF_FIELD_TERMINAL_NO;
  draft->fields[3] = CF_FIELD_SOURCE_ID;
  draft->fields[4] = CF_FIELD_AMOUNT;
  draft->fields[5] = CF_FIELD_MERCHANT_NAME;
  g_free (draft->currency);
  draft->currency = g_strdup ("TWD");
  g_free (draft->name);
  draft->name = g_strdup ("test-big5");
  saved = cf_import_draft_save (draft, &error);
  g_assert_no_error (error);

  after = cf_test_import (f, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->profile, ==, "test-big5");
  g_assert_cmpstr (after->encoding, ==, "Big5");
  g_assert_cmpuint (after->imported, ==, 2);
  names = cf_test_query_text (f->store, "SELECT group_concat (DISTINCT merchant_name) FROM transactions");
  g_assert_cmpstr (names, ==, "臺北門市");
  g_assert_cmpint (g_unlink (saved), ==, 0);
}

/* A statement in the column names 拉卡拉's terminals' merchants see (its
 * layout is not published): read by the general profile, the settlement
 * day kept with each row, 拉卡拉流水号 as the processor's own number. */
static void
test_lakala_style_statement (CfTestDb      *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) report = import_text (f,
    "商户号,终端号,交易日期,交易时间,交易类型,交易金额,手续费,结算金额,卡号,参考号,POS流水号,拉卡拉流水号,清算日期\n"
    "822290070110001,A0012345,20261127,091502,刷卡消费,88.50,0.48,88.02,622202******0128,331709150201,000311,LKL2611270001,1128\n"
    "822290070110001,A0012345,20261127,120000,扫码消费,20.00,0.08,19.92,,,000312,LKL2611270002,1128\n"
    "822290070110001,A0012345,20261127,150000,扫码退款,20.00,0.08,19.92,,,000313,LKL2611270003,1128\n",
    &error);

  g_assert_no_error (error);
  g_assert_cmpstr (report->profile, ==, "generic");
  g_assert_cmpstr (report->kind, ==, "statement");
  g_assert_cmpuint (report->imported, ==, 3);
  g_assert_cmpuint (report->rejected, ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transactions WHERE settlement_date = '2026-11-28'"), ==, 3);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transactions WHERE source_id LIKE 'LKL%'"), ==, 3);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transactions WHERE type = 'refund' "
                                                "AND amount_minor = 2000 AND voucher_no = '000313'"), ==, 1);
}

/* An aggregator's bill names the shop's order no., the channel's and the
 * store beside its own number: all are kept, and any of the numbers finds
 * the sale as a reference no. does. */
static void
test_order_and_channel_kept (CfTestDb      *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) report = import_text (f,
    "交易时间,交易单号,商户订单号,渠道流水号,门店名称,终端号,交易金额,支付方式,交易状态\n"
    "2026-11-27 12:00:00,P202611270001,SO-1001,4200001234202611270001,望京店,Y1001,20.00,微信,成功\n",
    &error);
  const char *const numbers[] = { "P202611270001", "SO-1001", "4200001234202611270001" };

  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 1);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transactions WHERE source_id = 'P202611270001' "
                                                "AND order_no = 'SO-1001' AND channel_no = '4200001234202611270001' "
                                                "AND store_name = '望京店' AND payment_method = 'wechat'"), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(CfTransactionQuery) query = cf_transaction_query_new ();
      g_autoptr(GPtrArray) found = NULL;

      query->ref_no = g_strdup (numbers[i]);
      found = cf_store_find_transactions (f->store, query, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, 1);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autofree char *base = g_path_get_basename (exports[i].file);
      g_autofree char *path = g_strdup_printf ("/import/export/%s", base);

      g_test_add (path, CfTestDb, &exports[i], cf_test_db_setup, test_export, cf_test_db_teardown);
    }
#define ADD(path, func) g_test_add (path, CfTestDb, NULL, cf_test_db_setup, func, cf_test_db_teardown)
  ADD ("/import/rules/sums-refuse-a-row", test_sums_refuse_a_row);
  ADD ("/import/rules/income-and-expense", test_income_and_expense_both_set);
  ADD ("/import/rules/unit-from-header", test_unit_from_header);
  ADD ("/import/rules/unknown-zone", test_unknown_zone_refused);
  ADD ("/import/rules/unknown-layout", test_unknown_layout);
  ADD ("/import/payment-methods", test_payment_methods);
  ADD ("/import/draft-teaches-a-layout", test_draft_teaches_a_layout);
  ADD ("/import/draft-chooses-an-encoding", test_draft_chooses_an_encoding);
  ADD ("/import/lakala-style-statement", test_lakala_style_statement);
  ADD ("/import/order-and-channel-kept", test_order_and_channel_kept);
  g_test_add_func ("/import/time-zones", test_time_zones);
  return g_test_run ();
}
