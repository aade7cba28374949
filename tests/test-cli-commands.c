/* test-cli-commands.c — every command's help, usage errors, and the shift,
 * report and request subcommands, run as a person runs them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cf-test-cli.h"
#include "cf-test-util.h"

/* Every command, and each subcommand of a group, as `--help` should describe it. */
static const char *const help_pages[][2] = {
  { "import", NULL }, { "find", NULL }, { "demo", NULL }, { "duplicate", NULL }, { "verify", NULL },
  { "loss", "add" }, { "loss", "list" }, { "loss", "show" },
  { "request", "list" }, { "request", "show" }, { "request", "move" }, { "request", "letter" },
  { "request", "doc" }, { "request", "fee" }, { "request", "ref" },
  { "shift", "open" }, { "shift", "close" }, { "shift", "define" }, { "shift", "list" },
  { "report", "handover" }, { "report", "sign" }, { "audit", "verify" }, { "check", NULL },
  { "backup", NULL }, { "restore", NULL },
  { "operator", "list" }, { "operator", "add" }, { "operator", "pin" }, { "operator", "unlock" },
  { "operator", "disable" }, { "operator", "enable" },
  { "profile", "list" }, { "profile", "show" }, { "profile", "test" }, { "reconcile", NULL },
  { "reconcile", "accept" }, { "reconcile", "link" }, { "reconcile", "expect" }, { "reconcile", "deposit" },
  { "reconcile", "rate" }, { "reconcile", "report" },
};

static void
test_help_describes_everything (CfTestDb      *f,
                                gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (help_pages); i++)
    {
      const char *command = help_pages[i][0];
      const char *sub = help_pages[i][1];
      g_autofree char *usage = g_strdup_printf ("counterfoil %s%s%s", command, sub != NULL ? " " : "", sub != NULL ? sub : "");
      g_auto(CfTestRun) run = { 0 };
      g_auto(CfTestRun) group = { 0 };

      cf_test_counterfoil (&run, f->db_path, command, sub != NULL ? sub : "--help", sub != NULL ? "--help" : NULL, NULL);
      g_test_message ("%s --help: %d %s", usage, run.status, run.err);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, usage));
      /* A group's help holds each of its subcommands'. */
      cf_test_counterfoil (&group, f->db_path, command, "--help", NULL);
      g_assert_cmpint (group.status, ==, 0);
      g_assert_nonnull (strstr (group.out, usage));
    }

  /* Each subcommand lists its own options, not another's. */
  {
    g_auto(CfTestRun) fee = { 0 };
    g_auto(CfTestRun) doc = { 0 };

    cf_test_counterfoil (&fee, f->db_path, "request", "fee", "--help", NULL);
    g_assert_nonnull (strstr (fee.out, "--amount"));
    g_assert_null (strstr (fee.out, "--state"));
    cf_test_counterfoil (&doc, f->db_path, "request", "doc", "--help", NULL);
    g_assert_nonnull (strstr (doc.out, "--state"));
    g_assert_null (strstr (doc.out, "--amount"));
    g_assert_nonnull (strstr (doc.out, "business_licence"));
    g_assert_nonnull (strstr (doc.out, "营业执照"));
  }
}

static void
test_bad_values_exit_2 (CfTestDb      *f,
                        gconstpointer  data)
{
  const char *bad[][8] = {
    { "duplicate", "1", "--reason", "customer", "--out", "x.pdf", "--paper", "60" },
    { "duplicate", "one", "--reason", "customer", "--out", "x.pdf", NULL },
    { "find", "--limit", "-1", NULL }, { "find", "--amount", "12,3x", NULL }, { "find", "stray", NULL },
    { "import", "--date-order", "ymd", "x.csv", NULL }, { "demo", "--transactions", "0", NULL },
    { "loss", NULL }, { "loss", "lose", NULL }, { "loss", "show", "abc", NULL }, { "loss", "add", "--remedy", "pray", "1", NULL },
    { "request", "show", "-3", NULL }, { "request", "fee", "1", "--amount", "lots", NULL },
    { "request", "doc", "1", "business_licence", "--state", "lost", NULL }, { "request", "move", "1", "--to", "gone", NULL },
    { "shift", "close", "x", NULL }, { "shift", "define", "--for", "01", NULL }, { "report", "sign", "first", NULL },
    { "report", "handover", "--text", NULL }, { "audit", "check", NULL }, { "check", "now", NULL },
    { "backup", "--keep", "-1", NULL }, { "operator", "add", "07", "Ann", "--role", "boss", NULL },
    { "operator", "pin", NULL }, { "restore", NULL }, { "verify", NULL }, { "find", "--nonsense", NULL },
    { "profile", "show", NULL }, { "profile", "test", NULL }, { "profile", "test", "a.csv", "--rows", "-1", NULL },
    { "profile", "test", "a.csv", "--profile", "nosuch", NULL },
    { "reconcile", NULL }, { "reconcile", "--from", "2026-11-27", NULL }, { "reconcile", "--from", "yesterday-ish", "--to", "2026-11-27", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(CfTestRun) run = { 0 };

      cf_test_counterfoil (&run, f->db_path, bad[i][0], bad[i][1], bad[i][2], bad[i][3], bad[i][4], bad[i][5], bad[i][6],
                           bad[i][7], NULL);
      g_test_message ("%s %s: %d %s", bad[i][0], bad[i][1] != NULL ? bad[i][1] : "", run.status, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, "counterfoil"));
      g_assert_cmpstr (run.out, ==, "");
    }
}

static void
expect (CfTestDb   *f,
        int         status,
        const char *in_out,
        ...) G_GNUC_NULL_TERMINATED;

/* Runs a command and checks its exit status and a piece of what it printed. */
static void
expect (CfTestDb   *f,
        int         status,
        const char *in_out,
        ...)
{
  g_auto(CfTestRun) run = { 0 };
  const char *words[16] = { NULL };
  va_list args;

  va_start (args, in_out);
  for (guint i = 0; i < G_N_ELEMENTS (words) - 1; i++)
    if ((words[i] = va_arg (args, const char *)) == NULL)
      break;
  va_end (args);
  cf_test_counterfoil (&run, f->db_path, words[0], words[1], words[2], words[3], words[4], words[5], words[6], words[7],
                       words[8], words[9], words[10], words[11], words[12], words[13], words[14], NULL);
  g_test_message ("%s %s → %d\n%s%s", words[0], words[1] != NULL ? words[1] : "", run.status, run.out, run.err);
  g_assert_cmpint (run.status, ==, status);
  if (in_out != NULL)
    g_assert_nonnull (strstr (status == 0 ? run.out : run.err, in_out));
}

static void
test_shifts_and_reports (CfTestDb      *f,
                         gconstpointer  data)
{
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_autofree char *pdf = g_build_filename (f->dir, "handover.pdf", NULL);

  g_clear_object (&f->store);
  expect (f, 0, "5 imported", "import", journal, NULL);

  expect (f, 0, "Shift #1 opened", "shift", "open", "--operator", "01", "--at", "2026-11-28 08:00", NULL);
  expect (f, 0, "Shift #1 closed", "shift", "close", "--operator", "01", "--to", "02", "--at", "2026-11-28 20:00",
          "--notes", "till counted", NULL);
  /* A shift worked before Counterfoil, recorded by a manager. */
  expect (f, 0, "Shift #2 recorded", "shift", "define", "--for", "02", "--from", "2026-11-29 08:00",
          "--until", "2026-11-29 12:00", NULL);
  expect (f, 1, NULL, "shift", "define", "--operator", "02", "--for", "02", "--from", "2026-11-30 08:00",
          "--until", "2026-11-30 12:00", NULL);
  expect (f, 0, "Shift #3 opened", "shift", "open", "--operator", "02", NULL);
  expect (f, 0, "still open", "shift", "list", NULL);
  expect (f, 0, "#1", "shift", "list", NULL);
  expect (f, 0, "#2", "shift", "list", NULL);

  expect (f, 0, "01", "report", "handover", "--shift", "1", "--text", NULL);
  expect (f, 0, NULL, "report", "handover", "--from", "2026-11-28", "--to", "2026-11-28", "--out", pdf, NULL);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  expect (f, 1, "exists already", "report", "handover", "--shift", "1", "--out", pdf, NULL);

  /* Only a manager signs off, once; the report gets its number. */
  expect (f, 1, NULL, "report", "sign", "1", "--operator", "02", NULL);
  expect (f, 0, "no. 000001", "report", "sign", "1", NULL);
  expect (f, 1, NULL, "report", "sign", "1", NULL);
  expect (f, 0, "signed no. 000001", "shift", "list", NULL);
}

static void
test_request_documents_fees_references (CfTestDb      *f,
                                        gconstpointer  data)
{
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_auto(CfTestRun) show = { 0 };
  guint n_documents = 0;

  g_clear_object (&f->store);
  expect (f, 0, "5 imported", "import", journal, NULL);
  expect (f, 0, "Loss incident #1", "loss", "add", "1", "--cause", "human", "--remedy", "request", NULL);

  expect (f, 0, NULL, "request", "doc", "1", "营业执照", "--state", "ready", "--file", "/scans/licence.pdf", NULL);
  expect (f, 0, NULL, "request", "doc", "1", "bank_form", "--state", "missing", NULL);
  expect (f, 0, NULL, "request", "fee", "1", "--amount", "50", "--paid-on", "2026-11-30", NULL);
  expect (f, 0, NULL, "request", "ref", "1", "ICBC-2026-1129-007", NULL);
  expect (f, 1, NULL, "request", "ref", "9", "ICBC-1", NULL);

  cf_test_counterfoil (&show, f->db_path, "request", "show", "1", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "[ready] Business licence  /scans/licence.pdf"));
  g_assert_nonnull (strstr (show.out, "[missing] bank_form"));
  g_assert_nonnull (strstr (show.out, "50.00"));
  g_assert_nonnull (strstr (show.out, "2026-11-30"));
  g_assert_nonnull (strstr (show.out, "their reference no. ICBC-2026-1129-007"));
  /* Naming the licence as it is shown changed it; it did not add a document. */
  for (const char *p = show.out; (p = strstr (p, "    [")) != NULL; p++)
    n_documents++;
  g_assert_cmpuint (n_documents, ==, 7);
}

/* profile list, show and test, and import saying where its amounts came
 * from; a file no profile reads stores nothing and exits 1. */
static void
test_profiles (CfTestDb      *f,
               gconstpointer  data)
{
  g_autofree char *wechat = cf_test_data_path ("exports/wechat-pay.csv");
  g_autofree char *unknown = g_build_filename (f->dir, "unknown.csv", NULL);
  g_auto(CfTestRun) json = { 0 };
  g_auto(CfTestRun) count = { 0 };

  g_clear_object (&f->store);
  expect (f, 0, "wechat-pay ", "profile", "list", NULL);
  expect (f, 0, "alipay-account-log ", "profile", "list", NULL);
  expect (f, 0, "[Columns]", "profile", "show", "square", NULL);
  expect (f, 1, "nosuch", "profile", "show", "nosuch", NULL);
  {
    g_autofree char *checkfile = cf_test_data_path ("exports/allinpay-yst-checkfile.txt");

    expect (f, 0, "Profile allinpay-yst-checkfile, UTF-8, no header row: columns by position", "profile", "test",
            checkfile, NULL);
  }

  expect (f, 0, "refund_id        ← 微信退款单号", "profile", "test", wechat, NULL);
  expect (f, 0, "Would import 6 of 8 rows: 0 rejected, 2 skipped", "profile", "test", wechat, NULL);
  expect (f, 0, "Refund  ¥200.00  ref. 4200001234202611270001234568", "profile", "test", wechat, "--rows", "6", NULL);
  /* Trying a file stores nothing. */
  cf_test_counterfoil (&count, f->db_path, "find", "--ref", "4200001234202611270001234568", NULL);
  g_assert_null (strstr (count.out, "4200001234202611270001234568"));

  expect (f, 0, "amounts from “订单金额”, in whole units", "import", wechat, NULL);
  cf_test_counterfoil (&json, f->db_path, "import", "--json", wechat, NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_nonnull (strstr (json.out, "\"amount_column\" : \"订单金额\""));
  g_assert_nonnull (strstr (json.out, "\"amount_unit\" : \"major\""));
  expect (f, 0, "4200001234202611270001234568", "find", "--ref", "4200001234202611270001234568", NULL);

  g_assert_true (g_file_set_contents (unknown, "Transaction ID,Created,Type,Status\nT1,2026-11-27,Sale,OK\n", -1, NULL));
  expect (f, 1, "lacks", "import", unknown, NULL);
  expect (f, 1, "lacks", "profile", "test", unknown, NULL);
}

/* The journal and the statement of a day, then what does not reconcile. */
static void
test_reconcile (CfTestDb      *f,
                gconstpointer  data)
{
  g_autofree char *journal = cf_test_data_path ("reconcile/journal.csv");
  g_autofree char *statement = cf_test_data_path ("reconcile/statement.csv");
  g_auto(CfTestRun) json = { 0 };

  g_clear_object (&f->store);
  expect (f, 0, "5 imported", "import", journal, NULL);
  expect (f, 0, "4 already stored from another file, added to them as sources", "import", statement, NULL);
  expect (f, 0, "amount 66.80; statement.csv line 4 says 68.60", "reconcile", "--from", "2026-11-27", "--to", "2026-11-27", NULL);
  expect (f, 0, "#6  2026-11-27 18:00:00  ¥45.00  terminal 10480001  voucher 000316", "reconcile", "--from", "2026-11-27",
          "--to", "2026-11-27", NULL);
  cf_test_counterfoil (&json, f->db_path, "reconcile", "--from", "2026-11-27", "--to", "2026-11-27", "--terminal", "10480001",
                       "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_nonnull (strstr (json.out, "\"unsettled\" : {\n    \"count\" : 1,\n    \"amount\" : \"20.00\""));
  g_assert_nonnull (strstr (json.out, "\"missing\" : {\n    \"count\" : 1,\n    \"amount\" : \"45.00\""));
  /* A difference accepted, with a note, counts as matched; a second time
   * there is nothing to accept; no note is a usage error. */
  expect (f, 2, "--note", "reconcile", "accept", "3", NULL);
  expect (f, 0, NULL, "reconcile", "accept", "3", "--note", "tip added after the slip was printed", NULL);
  expect (f, 1, "no difference between files to accept", "reconcile", "accept", "3", "--note", "again", NULL);
  expect (f, 0, "Matched                               4", "reconcile", "--from", "2026-11-27", "--to", "2026-11-27", NULL);
  /* The day after holds nothing. */
  expect (f, 0, "Matched                               0", "reconcile", "--from", "2026-11-28", "--to", "2026-11-28", NULL);

  /* The agreed rate, the deposit, and what the statement settled. */
  expect (f, 2, "not a fee rate", "reconcile", "rate", "card", "six", NULL);
  expect (f, 2, "the kind is one of", "reconcile", "rate", "gold", "0.6", NULL);
  expect (f, 0, "card         Other cards      0.60%", "reconcile", "rate", "card", "0.6", NULL);
  expect (f, 0, "fee 0.50; the agreed 0.60% makes 0.53", "reconcile", "--from", "2026-11-27", "--to", "2026-11-27", NULL);
  expect (f, 1, "not a settlement day", "reconcile", "deposit", "28.11.2026", "1380.00", NULL);
  expect (f, 0, "1380.00 deposited for 2026-11-28", "reconcile", "deposit", "2026-11-28", "1380.00", NULL);
  expect (f, 0, "2026-11-28   5 settled  gross 1390.10  fees 8.30  net 1381.80  deposited 1380.00  difference -1.80",
          "reconcile", "--from", "2026-11-27", "--to", "2026-11-27", NULL);

  /* The sale not settled is expected; then the statement's stray row is linked to it by hand instead. */
  expect (f, 1, "nothing to expect", "reconcile", "expect", "1", "--note", "later", NULL);
  expect (f, 0, "#5 is marked as expected", "reconcile", "expect", "5", "--note", "settled on the 29th", NULL);
  expect (f, 0, "Marked as expected                    1", "reconcile", "--from", "2026-11-27", "--to", "2026-11-27", NULL);
  expect (f, 1, "both in the journal", "reconcile", "link", "5", "1", NULL);
  expect (f, 0, "#6 and #5 are one transaction now", "reconcile", "link", "6", "5", NULL);
  expect (f, 0, "Settled, not in the journal           0", "reconcile", "--from", "2026-11-27", "--to", "2026-11-27", NULL);

  /* The report, as a DRAFT and signed. */
  {
    g_autofree char *draft = g_build_filename (f->dir, "reconciliation.pdf", NULL);
    g_autofree char *signed_pdf = g_build_filename (f->dir, "signed.pdf", NULL);
    g_autofree char *pages = NULL;

    expect (f, 2, "--out FILE.pdf", "reconcile", "report", "--from", "2026-11-27", "--to", "2026-11-27", NULL);
    expect (f, 0, "对账报告", "reconcile", "report", "--from", "2026-11-27", "--to", "2026-11-27", "--text", NULL);
    expect (f, 0, NULL, "reconcile", "report", "--from", "2026-11-27", "--to", "2026-11-27", "--out", draft, NULL);
    g_free (cf_test_assert_pdf_valid (draft));
    expect (f, 0, NULL, "reconcile", "report", "--from", "2026-11-27", "--to", "2026-11-27", "--sign", "--out", signed_pdf, NULL);
    pages = cf_test_assert_pdf_valid (signed_pdf);
    g_assert_nonnull (strstr (pages, "R000001"));
    expect (f, 0, "No. R000001", "reconcile", "report", "--no", "1", "--text", NULL);
    expect (f, 1, "no signed reconciliation report no. 2", "reconcile", "report", "--no", "2", "--text", NULL);
  }
}

/* What the customer remembers, read as the window reads it; near misses when nothing matches. */
static void
test_find_spoken_and_near_misses (CfTestDb      *f,
                                  gconstpointer  data)
{
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_autofree char *lined_up = g_build_filename (f->dir, "lined-up.csv", NULL);
  g_autoptr(GError) error = NULL;

  expect (f, 0, "5 imported", "import", journal, NULL);
  expect (f, 0, "000101", "find", "--search", "2026-11-28 about 9am 0128", NULL);
  expect (f, 0, "around 09:00 (08:30–09:30)", "find", "--search", "2026-11-28 about 9am 0128", NULL);
  expect (f, 0, "No transaction matches.", "find", "--search", "2026-11-27 0128", NULL);
  expect (f, 0, "Ending 0128, within 3 days of the day asked", "find", "--search", "2026-11-27 0128", NULL);
  expect (f, 0, "000101", "find", "--search", "2026-11-27 0128", NULL);
  expect (f, 0, "The amount within 1.00, the same day, any card", "find", "--search", "2026-11-28 ¥88.00", NULL);
  expect (f, 2, "“frobnicate” not understood", "find", "--search", "frobnicate", NULL);

  /* A terminal, voucher and reference no. side by side are no card number,
   * even when their digits together pass the Luhn check. */
  g_file_set_contents (lined_up,
                       "date,time,merchant_id,terminal_id,operator,batch_no,trace_no,rrn,auth_code,card_no,"
                       "transaction_type,amount\n"
                       "2026-11-30,22:42:23,898310048160001,10458324,01,000123,358397,100939940724,964153,"
                       "622202******2934,SALE,39.70\n", -1, &error);
  g_assert_no_error (error);
  expect (f, 0, "1 imported", "import", lined_up, NULL);
  expect (f, 0, "10458324  358397  100939940724", "find", "--voucher", "358397", NULL);
}

/* Runs a command with --json and returns its output as an object (or the
 * first element of an array), checking that @member is there. */
static JsonObject *
json_of (CfTestDb   *f,
         JsonNode  **root,
         const char *member,
         ...) G_GNUC_NULL_TERMINATED;

static JsonObject *
json_of (CfTestDb   *f,
         JsonNode  **root,
         const char *member,
         ...)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *words[12] = { NULL };
  JsonObject *object;
  va_list args;

  va_start (args, member);
  for (guint i = 0; i < G_N_ELEMENTS (words) - 2; i++)
    if ((words[i] = va_arg (args, const char *)) == NULL)
      {
        words[i] = "--json";
        break;
      }
  va_end (args);
  cf_test_counterfoil (&run, f->db_path, words[0], words[1], words[2], words[3], words[4], words[5], words[6], words[7],
                       words[8], words[9], words[10], NULL);
  g_test_message ("%s %s --json → %d\n%s%s", words[0], words[1], run.status, run.out, run.err);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  g_clear_pointer (root, json_node_unref);
  *root = json_node_copy (json_parser_get_root (parser));
  object = JSON_NODE_HOLDS_ARRAY (*root) ? json_array_get_object_element (json_node_get_array (*root), 0)
                                         : json_node_get_object (*root);
  g_assert_nonnull (object);
  g_assert_true (json_object_has_member (object, member));
  return object;
}

/* Every command that prints speaks JSON too, with find's names for a transaction's fields. */
static void
test_json_everywhere (CfTestDb      *f,
                      gconstpointer  data)
{
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_autofree char *pdf = g_build_filename (f->dir, "dup.pdf", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o;
  JsonObject *slip;

  g_clear_object (&f->store);
  expect (f, 0, "5 imported", "import", journal, NULL);

  o = json_of (f, &root, "lost_slips", "loss", "add", "1", "2", "--cause", "human", "--responsible", "01", NULL);
  g_assert_cmpint (json_object_get_int_member (o, "id"), ==, 1);
  slip = json_array_get_object_element (json_object_get_array_member (o, "lost_slips"), 0);
  g_assert_cmpstr (json_object_get_string_member (slip, "state"), ==, "duplicate_pending");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (slip, "transaction"), "voucher_no"), ==,
                   "000101");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (slip, "transaction"), "amount"), ==,
                   "88.50");
  o = json_of (f, &root, "amount", "loss", "list", NULL);
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (o, "amount"), ==, "1323.06");
  o = json_of (f, &root, "impact", "loss", "show", "1", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "impact"), "net"), ==, "1323.06");

  expect (f, 0, "Loss incident #2", "loss", "add", "3", "--cause", "human", "--remedy", "request", NULL);
  o = json_of (f, &root, "status", "request", "list", NULL);
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "draft");
  o = json_of (f, &root, "status", "request", "move", "1", "--to", "submitted", NULL);
  g_assert_cmpint (json_object_get_int_member (o, "request_id"), ==, 1);
  o = json_of (f, &root, "history", "request", "show", "1", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "history")), ==, 2);

  o = json_of (f, &root, "shift_id", "shift", "open", "--operator", "01", "--at", "2026-11-28 08:00", NULL);
  o = json_of (f, &root, "shift_id", "shift", "close", "--operator", "01", "--at", "2026-11-28 20:00", NULL);
  o = json_of (f, &root, "terminals", "shift", "list", NULL);
  g_assert_cmpstr (json_object_get_string_member (o, "operator_no"), ==, "01");
  o = json_of (f, &root, "text", "report", "handover", "--shift", "1", NULL);
  g_assert_cmpint (json_object_get_int_member (o, "pages"), >=, 1);
  o = json_of (f, &root, "report_sequence_no", "report", "sign", "1", NULL);
  g_assert_cmpint (json_object_get_int_member (o, "report_sequence_no"), ==, 1);

  o = json_of (f, &root, "role", "operator", "list", NULL);
  o = json_of (f, &root, "code", "duplicate", "2", "--reason", "customer", "--out", pdf, NULL);
  {
    g_autofree char *code = g_strdup (json_object_get_string_member (o, "code"));

    o = json_of (f, &root, "genuine", "verify", code, NULL);
    g_assert_true (json_object_get_boolean_member (o, "genuine"));
    g_assert_cmpstr (json_object_get_string_member (
      json_object_get_object_member (json_object_get_object_member (o, "duplicate"), "transaction"), "voucher_no"), ==,
      "000102");
  }
  o = json_of (f, &root, "fingerprint", "audit", "verify", NULL);
  g_assert_true (json_object_get_boolean_member (o, "ok"));
  g_assert_cmpint (json_object_get_int_member (o, "entries"), >, 5);
  o = json_of (f, &root, "problems", "check", NULL);
  g_assert_true (json_object_get_boolean_member (o, "ok"));
  /* A server's database is backed up on the server. */
  if (cf_test_on_server ())
    return;
  o = json_of (f, &root, "backup", "backup", NULL);
  g_assert_true (g_file_test (json_object_get_string_member (o, "backup"), G_FILE_TEST_IS_REGULAR));
}

int
main (int    argc,
      char **argv)
{
  if (!cf_test_cli_init (&argc, &argv))
    return 1;

  CF_TEST_ADD_CLI ("/cli/commands/help-describes-everything", test_help_describes_everything);
  CF_TEST_ADD_CLI ("/cli/commands/bad-values-exit-2", test_bad_values_exit_2);
  CF_TEST_ADD_CLI ("/cli/commands/shifts-and-reports", test_shifts_and_reports);
  CF_TEST_ADD_CLI ("/cli/commands/request-documents-fees-references", test_request_documents_fees_references);
  CF_TEST_ADD_CLI ("/cli/commands/profiles", test_profiles);
  CF_TEST_ADD_CLI ("/cli/commands/reconcile", test_reconcile);
  CF_TEST_ADD_CLI ("/cli/commands/find-spoken-and-near-misses", test_find_spoken_and_near_misses);
  CF_TEST_ADD_CLI ("/cli/commands/json-everywhere", test_json_everywhere);

  return g_test_run ();
}
