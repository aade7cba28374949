/* test-cli.c — the command line, run as a person runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <stdlib.h>
#include <unistd.h>

#include "cf-store-private.h"
#include "cf-auth.h"
#include "cf-test-cli.h"
#include "cf-test-util.h"

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_import_json (CfTestDb      *f,
                  gconstpointer  data)
{
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *files;
  JsonObject *first;
  JsonArray *rejects;

  g_clear_object (&f->store);
  cf_test_counterfoil (&run, f->db_path, "import", "--json", journal, missing, NULL);
  g_assert_cmpint (run.status, ==, 1);  /* one file could not be read */

  root = parse_json (run.out);
  files = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (files), ==, 2);
  first = json_array_get_object_element (files, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "file"), ==, journal);
  g_assert_cmpint (json_object_get_int_member (first, "rows"), ==, 9);
  g_assert_cmpint (json_object_get_int_member (first, "imported"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (first, "duplicates"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (first, "conflicts"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (first, "rejected"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (first, "masked_pans"), ==, 0);
  rejects = json_object_get_array_member (first, "rejects");
  g_assert_cmpuint (json_array_get_length (rejects), ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rejects, 0), "line"), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rejects, 0), "column"), ==, "amount");
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (rejects, 0), "reason"), "12.3x"));
  g_assert_true (json_object_has_member (json_array_get_object_element (files, 1), "error"));

  /* Again: everything is a duplicate, and the exit status is clean. */
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "import", "--json", journal, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&root, json_node_unref);
  root = parse_json (run.out);
  first = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpint (json_object_get_int_member (first, "imported"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (first, "duplicates"), ==, 5);
}

static void
test_import_text_summary (CfTestDb      *f,
                          gconstpointer  data)
{
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_auto(CfTestRun) run = { 0 };

  g_clear_object (&f->store);
  cf_test_counterfoil (&run, f->db_path, "import", "--dry-run", journal, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "journal-en.csv line 7, column amount: “12.3x” is not an amount"));
  g_assert_nonnull (strstr (run.out, "5 imported"));
  g_assert_nonnull (strstr (run.out, "dry run"));

  /* A dry run stored nothing. */
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "find", "--json", NULL);
  g_assert_cmpstr (g_strstrip (run.out), ==, "[]");
}

static void
test_find_json (CfTestDb      *f,
                gconstpointer  data)
{
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_autofree char *statement = cf_test_data_path ("statement-zh-gb18030.csv");
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *found;
  JsonObject *txn;

  g_clear_object (&f->store);
  cf_test_counterfoil (&run, f->db_path, "import", journal, statement, NULL);
  g_assert_cmpint (run.status, ==, 0);

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "find", "--voucher", "000102", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  found = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (found), ==, 1);
  txn = json_array_get_object_element (found, 0);
  g_assert_cmpint (json_object_get_int_member (txn, "id"), >, 0);
  g_assert_cmpstr (json_object_get_string_member (txn, "time"), ==, "2026-11-28 09:20:44");
  g_assert_cmpstr (json_object_get_string_member (txn, "merchant_no"), ==, "898310048160001");
  g_assert_cmpstr (json_object_get_string_member (txn, "terminal_no"), ==, "10450001");
  g_assert_cmpstr (json_object_get_string_member (txn, "batch_no"), ==, "000123");
  g_assert_cmpstr (json_object_get_string_member (txn, "voucher_no"), ==, "000102");
  g_assert_cmpstr (json_object_get_string_member (txn, "ref_no"), ==, "332809204401");
  g_assert_cmpstr (json_object_get_string_member (txn, "auth_code"), ==, "123456");
  g_assert_cmpstr (json_object_get_string_member (txn, "card"), ==, "411111******1111");
  g_assert_cmpstr (json_object_get_string_member (txn, "type"), ==, "sale");
  g_assert_cmpstr (json_object_get_string_member (txn, "amount"), ==, "1234.56");
  g_assert_cmpstr (json_object_get_string_member (txn, "currency"), ==, "CNY");

#define COUNT(expected, ...) \
  G_STMT_START { \
    cf_test_run_clear (&run); \
    cf_test_counterfoil (&run, f->db_path, "find", "--json", __VA_ARGS__, NULL); \
    g_assert_cmpint (run.status, ==, 0); \
    g_clear_pointer (&root, json_node_unref); \
    root = parse_json (run.out); \
    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, expected); \
  } G_STMT_END

  COUNT (1, "--ref", "331714032201");
  COUNT (1, "--auth", "A1B2C3");
  COUNT (3, "--last4", "0128");
  COUNT (2, "--amount", "¥1,234.56");
  COUNT (2, "--amount", "66.8");
  COUNT (5, "--from", "2026-11-27", "--to", "2026-11-27");
  COUNT (2, "--from", "2026-11-27 15:00", "--to", "2026/11/27");
  COUNT (5, "--terminal", "10450001");
  COUNT (2, "--terminal", "10450001", "--cashier", "02");
  COUNT (3, "--limit", "3");
  COUNT (0, "--voucher", "999999");
#undef COUNT

  /* --operator always names who runs a command, never a filter. */
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "find", "--operator", "02", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--cashier"));

  /* A void is shown negative. */
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "find", "--voucher", "000103", "--json", NULL);
  g_clear_pointer (&root, json_node_unref);
  root = parse_json (run.out);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (root), 0), "amount"),
                   ==, "-1234.56");
}

static void
test_usage_errors (CfTestDb      *f,
                   gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };

  g_clear_object (&f->store);
  cf_test_counterfoil (&run, f->db_path, "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "frobnicate"));
  g_assert_nonnull (strstr (run.err, "import"));

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "find", "--amount", "12,3x", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "12,3x"));

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "find", "--from", "2026-02-30", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "2026-02-30"));

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "import", NULL);
  g_assert_cmpint (run.status, ==, 2);

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "import", "--profile", "nonesuch", "x.csv", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "nonesuch"));
}

/* The fixture's database has its own manager and clerks, where demo data
 * is refused: a demo shop is made in a database of its own, at the same path. */
static void
remove_database (CfTestDb *f)
{
  g_clear_object (&f->store);
  if (cf_test_on_server ())
    {
      cf_test_server_recreate_db (f->db_path);
      return;
    }
  for (const char *const *suffix = (const char *const[]) { "", "-wal", "-shm", NULL }; *suffix != NULL; suffix++)
    {
      g_autofree char *file = g_strconcat (f->db_path, *suffix, NULL);
      g_remove (file);
    }
}

static void
test_demo (CfTestDb      *f,
           gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  /* The fixture's database has its own manager and clerks: no demo data there. */
  cf_test_counterfoil (&run, f->db_path, "demo", "--transactions", "3000", "--seed", "7", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "database made for it"));
  cf_test_run_clear (&run);
  remove_database (f);

  cf_test_counterfoil (&run, f->db_path, "demo", "--transactions", "3000", "--seed", "7", NULL);
  g_assert_cmpint (run.status, ==, 0);

  f->store = cf_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 3000);
  /* Voids name their original's voucher on the same terminal and batch; refunds their reference no. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM transactions WHERE type = 'void'"), >, 0);
  g_assert_cmpint (cf_test_query_int (f->store,
                   "SELECT count(*) FROM transactions v WHERE v.type = 'void' AND NOT EXISTS "
                   "(SELECT 1 FROM transactions s WHERE s.type = 'sale' AND s.voucher_no = v.orig_voucher_no "
                   " AND s.terminal_no = v.terminal_no AND s.batch_no = v.batch_no AND s.amount_minor = v.amount_minor)"), ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM transactions WHERE type = 'refund'"), >, 0);
  g_assert_cmpint (cf_test_query_int (f->store,
                   "SELECT count(*) FROM transactions r WHERE r.type = 'refund' AND NOT EXISTS "
                   "(SELECT 1 FROM transactions s WHERE s.ref_no = r.orig_ref_no AND s.local_time < r.local_time)"), ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(DISTINCT card_brand) FROM transactions"), >=, 4);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM operators WHERE role = 'manager'"), ==, 1);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(DISTINCT terminal_no) FROM transactions"), ==, 4);
  /* Cards are only ever first six and last four digits. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM transactions WHERE length (card_first6) != 6 "
                                                 "OR length (card_last4) != 4"), ==, 0);
  g_clear_object (&f->store);

  /* A database that already has transactions is never filled with demo data. */
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "demo", "--transactions", "10", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "3000"));
}

static void
test_killed_import_leaves_nothing (CfTestDb      *f,
                                   gconstpointer  data)
{
  g_autofree char *journal = g_build_filename (f->dir, "big.csv", NULL);
  g_autoptr(GString) text = g_string_new ("date,time,terminal_id,batch_no,trace_no,rrn,card_no,amount\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;
  const char *argv[] = { g_getenv ("COUNTERFOIL_EXE"), "--db", f->db_path, "--operator", "099", "import", "--progress", journal, NULL };
  GPid pid;
  int wait_status;
  int err_fd;
  g_autoptr(GString) seen = g_string_new (NULL);

  for (guint i = 0; i < 300000; i++)
    g_string_append_printf (text, "2026-11-28,10:00:00,T1,000001,%06u,%012u,622202******%04u,%u.00\n",
                            i % 1000000, 330000000u + i, i % 10000, 1 + i % 500);
  g_assert_true (g_file_set_contents (journal, text->str, (gssize) text->len, NULL));
  g_clear_object (&f->store);

  /* Kill the import halfway through its rows, inside its transaction:
   * whatever it wrote must vanish whole. */
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                           G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                           NULL, NULL, &pid, NULL, NULL, &err_fd, &error));
  g_assert_no_error (error);
  for (;;)
    {
      char buffer[256];
      gssize n = read (err_fd, buffer, sizeof buffer - 1);

      g_assert_cmpint (n, >, 0);  /* the import must not end before it is half done */
      buffer[n] = '\0';
      g_string_append (seen, buffer);
      {
        const char *last = g_strrstr (seen->str, ": ");
        if (last != NULL && strchr (last, '%') != NULL && atoi (last + 2) >= 40)
          break;
      }
    }
  kill (pid, SIGKILL);
  waitpid (pid, &wait_status, 0);
  g_spawn_close_pid (pid);
  close (err_fd);
  g_assert_true (WIFSIGNALED (wait_status));

  f->store = cf_store_open (f->db_path, &error);
  g_assert_no_error (error);
  /* A file is checked page by page; a server rolls back the connection that died. */
  if (!cf_test_on_server ())
    {
      check = cf_test_query_text (f->store, "PRAGMA integrity_check");
      g_assert_cmpstr (check, ==, "ok");
    }
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM imports"), ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'import'"), ==, 0);
}

static void
test_messages_follow_locale (CfTestDb      *f,
                             gconstpointer  data)
{
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_auto(CfTestRun) run = { 0 };

  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed");
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");
  g_clear_object (&f->store);

  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  cf_test_counterfoil (&run, f->db_path, "import", journal, NULL);
  g_test_message ("%s%s", run.out, run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "journal-en.csv 第 7 行，amount 列：“12.3x”不是金额"));
  g_assert_nonnull (strstr (run.out, "导入 5"));

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "find", "--voucher", "999999", NULL);
  g_assert_nonnull (strstr (run.out, "没有符合条件的交易"));

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "find", "--voucher", "000103", NULL);
  g_assert_nonnull (strstr (run.out, "消费撤销"));
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
}

static void
test_duplicate_and_verify (CfTestDb      *f,
                           gconstpointer  data)
{
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_autofree char *pdf = g_build_filename (f->dir, "dup.pdf", NULL);
  g_autofree char *day = g_build_filename (f->dir, "day.pdf", NULL);
  g_autofree char *code = NULL;
  g_auto(CfTestRun) run = { 0 };
  const char *p;

  g_clear_object (&f->store);
  cf_test_counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* A voucher no. means nothing without its terminal. */
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "duplicate", "--voucher", "000102", "--reason", "customer", "--out", pdf, NULL);
  g_assert_cmpint (run.status, ==, 2);

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "duplicate", "--voucher", "999999", "--terminal", "10450001", "--reason", "customer",
               "--out", pdf, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "duplicate", "--voucher", "000102", "--terminal", "10450001", "--reason", "retrieval",
               "--copy", "bank", "--operator", "01", "--out", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  p = strstr (run.out, "check code ");
  g_assert_nonnull (p);
  code = g_strndup (p + strlen ("check code "), 9);

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "verify", code, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "GENUINE"));
  g_assert_nonnull (strstr (run.out, "voucher 000102"));
  g_assert_nonnull (strstr (run.out, "bank copy, reason: retrieval"));

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "verify", "ZZZZ-ZZZZ", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "NOT GENUINE"));

  /* A period: a page each, one recorded duplicate each. */
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "duplicate", "--from", "2026-11-28", "--to", "2026-11-28", "--reason", "tax",
               "--out", day, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_object (&f->store);
  {
    g_autoptr(GError) error = NULL;
    f->store = cf_store_open (f->db_path, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM duplicates"), ==, 6);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT max (number) FROM duplicates"), ==, 2);
  {
    const char *argv[] = { "pdfinfo", day, NULL };
    g_autofree char *info = NULL;
    const char *pages;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &info, NULL, NULL, NULL));
    pages = strstr (info, "Pages:");
    g_assert_nonnull (pages);
    g_assert_cmpint (atoi (pages + strlen ("Pages:")), ==, 5);
  }
}

static void
test_loss_and_requests (CfTestDb      *f,
                        gconstpointer  data)
{
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_auto(CfTestRun) run = { 0 };

  g_clear_object (&f->store);
  cf_test_counterfoil (&run, f->db_path, "import", journal, NULL);

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "loss", "add", "1", "2", "--cause", "human", "--responsible", "01", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Loss incident #1: 2 slips"));

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "loss", "add", "3", "--cause", "aliens", "--remedy", "request", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "aliens"));

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "loss", "add", "--from", "2026-11-28 10:00", "--to", "2026-11-28 10:59", "--cause", "technical",
               "--remedy", "request", "--counterpart", "provider", "--operator", "02", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Loss incident #2: 2 slips"));

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "loss", "list", NULL);
  g_assert_nonnull (strstr (run.out, "#2"));
  g_assert_nonnull (strstr (run.out, "#1"));

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "request", "move", "1", "--to", "fulfilled", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "submitted, cancelled"));

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "request", "move", "1", "--to", "submitted", "--note", "posted", "--operator", "02", NULL);
  g_assert_cmpint (run.status, ==, 0);

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "request", "show", "1", NULL);
  g_assert_nonnull (strstr (run.out, "provider  Submitted  2 slips  due 20"));
  /* Its history: created as a draft, then submitted by 02 with the note. */
  g_assert_nonnull (strstr (run.out, "Draft → Submitted  02  posted"));

  /* The letter the clerk takes to the bank. */
  {
    g_autofree char *letter = g_build_filename (f->dir, "letter.pdf", NULL);
    g_autofree char *text = NULL;

    cf_test_run_clear (&run);
    cf_test_counterfoil (&run, f->db_path, "request", "letter", "1", "--out", letter, NULL);
    g_assert_cmpint (run.status, ==, 0);
    text = cf_test_assert_pdf_valid (letter);
    g_assert_nonnull (strstr (text, "Application for Replacement of POS Sales Slips"));
    g_assert_nonnull (strstr (text, "000103"));  /* the 10 o'clock slips went to the provider */
  }
}

static void
test_newer_database_refused (CfTestDb      *f,
                             gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };

  g_assert_true (cf_store_set_setting (f->store, "x", "y", NULL));
  {
    g_autoptr(GError) error = NULL;
    g_assert_true (cf_store_exec (f->store, cf_test_on_server () ? "UPDATE counterfoil_schema SET version = 42"
                                                                 : "PRAGMA user_version = 42", &error));
  }
  g_clear_object (&f->store);
  cf_test_counterfoil (&run, f->db_path, "find", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "newer"));
}

static void
test_audit_and_check (CfTestDb      *f,
                      gconstpointer  data)
{
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(GError) error = NULL;

  remove_database (f);
  cf_test_counterfoil (&run, f->db_path, "demo", "--transactions", "500", "--seed", "3", NULL);
  g_assert_cmpint (run.status, ==, 0);

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "audit", "verify", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "entries, each chained"));
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "check", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "are sound"));

  /* Someone edits the log with another tool: both commands name the entry and fail. */
  f->store = cf_store_open (f->db_path, &error);
  g_assert_no_error (error);
  cf_test_allow_tampering (f->store, "audit_log");
  g_assert_true (cf_store_exec (f->store, "UPDATE audit_log SET details = '{}' WHERE id = 2", &error));
  g_clear_object (&f->store);
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "audit", "verify", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "entry 2 "));
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "entry 2 "));
  f->store = cf_store_open (f->db_path, &error);
  g_assert_no_error (error);
}

static void
test_operators_and_pins (CfTestDb      *f,
                         gconstpointer  data)
{
  g_autofree char *fresh = g_build_filename (f->dir, "fresh.db", NULL);
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_autofree char *details = NULL;
  g_auto(CfTestRun) run = { 0 };

  /* Changing data without saying who: refused, nothing stored. */
  cf_test_cli_operator = NULL;
  cf_test_counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--operator NO"));
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 0);
  /* Reading needs nobody. */
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "find", "--amount", "1.00", NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* A wrong PIN: refused and on record. */
  cf_test_cli_operator = "01";
  cf_test_cli_set_env ("COUNTERFOIL_PIN", "9090");
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Wrong PIN"));
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'wrong-pin' AND operator_no = '01'"), ==, 1);

  /* No PIN anywhere and no terminal: a clear refusal, not a hang. */
  cf_test_cli_set_env ("COUNTERFOIL_PIN", NULL);
  g_usleep (2100 * 1000);  /* the wrong PIN's one-second wait, rounded up */
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "COUNTERFOIL_PIN"));

  /* The clerk, signed in, imports; a manager-only command is refused... */
  cf_test_cli_set_env ("COUNTERFOIL_PIN", CF_TEST_PIN);
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 0);
  cf_test_run_clear (&run);
  cf_test_cli_set_env ("COUNTERFOIL_NEW_PIN", "3690");
  cf_test_counterfoil (&run, f->db_path, "operator", "add", "03", "李娜", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Only a manager"));

  /* ...unless a manager authorises it with their PIN: both names on record. */
  cf_test_cli_set_env ("COUNTERFOIL_MANAGER_PIN", CF_TEST_PIN);
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "--manager", "099", "operator", "add", "03", "李娜", NULL);
  g_assert_cmpint (run.status, ==, 0);
  details = cf_test_query_text (f->store, "SELECT details FROM audit_log WHERE action = 'save-operator' AND operator_no = '01'");
  g_assert_nonnull (strstr (details, "[manager override: 099]"));

  /* The new clerk signs in with the PIN the manager gave. */
  cf_test_cli_operator = "03";
  cf_test_cli_set_env ("COUNTERFOIL_PIN", "3690");
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "shift", "open", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "opened"));

  /* A new database: its first manager is created from the command line. */
  cf_test_cli_operator = NULL;
  cf_test_cli_set_env ("COUNTERFOIL_NEW_PIN", "1111");
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, fresh, "operator", "add", "M1", "店长", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "too easy"));
  cf_test_cli_set_env ("COUNTERFOIL_NEW_PIN", "7319");
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, fresh, "operator", "add", "M1", "店长", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "first manager"));
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, fresh, "operator", "list", NULL);
  g_assert_nonnull (strstr (run.out, "M1     店长  (manager)"));
}

static void
test_backup_and_restore (CfTestDb      *f,
                         gconstpointer  data)
{
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_autofree char *backup = g_build_filename (f->dir, "before.db", NULL);
  g_autofree char *damaged = g_build_filename (f->dir, "damaged.db", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *contents = NULL;
  g_auto(CfTestRun) run = { 0 };
  gint64 audit_before;
  gsize length;

  if (cf_test_needs_file ())
    return;

  cf_test_counterfoil (&run, f->db_path, "backup", "--out", backup, NULL);
  g_assert_cmpint (run.status, ==, 0);
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), >, 0);

  /* A damaged file is refused and the database stays as it is. */
  g_assert_true (g_file_get_contents (backup, &contents, &length, NULL));
  memset (contents + length / 2, 0x5a, 4096);
  g_assert_true (g_file_set_contents (damaged, contents, (gssize) length, NULL));
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "restore", damaged, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "cannot be restored"));
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), >, 0);

  /* A clerk may not restore. */
  cf_test_cli_operator = "01";
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "restore", backup, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Only a manager"));

  /* The manager restores: the import is gone, even for the connection
   * that stayed open; the database as it was is kept; the log says so. */
  cf_test_cli_operator = "099";
  audit_before = cf_test_query_int (f->store, "SELECT count(*) FROM audit_log");
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "restore", backup, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log"), <, audit_before);
  kept = cf_test_query_text (f->store, "SELECT details FROM audit_log WHERE action = 'restore-backup'");
  g_assert_nonnull (strstr (kept, "before-restore-"));
  {
    g_autofree char *aside = g_strdup (strstr (kept, "kept as ") + strlen ("kept as "));
    g_autoptr(CfStore) old = cf_store_open (aside, NULL);
    g_assert_nonnull (old);
    g_assert_cmpint (cf_store_count_transactions (old, NULL), >, 0);
  }
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "check", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  if (!cf_test_cli_init (&argc, &argv))
    return 1;

  CF_TEST_ADD_CLI ("/cli/import/json", test_import_json);
  CF_TEST_ADD_CLI ("/cli/import/text-summary", test_import_text_summary);
  CF_TEST_ADD_CLI ("/cli/find/json", test_find_json);
  CF_TEST_ADD_CLI ("/cli/usage-errors", test_usage_errors);
  CF_TEST_ADD_CLI ("/cli/demo", test_demo);
  CF_TEST_ADD_CLI ("/cli/refuses-newer-database", test_newer_database_refused);
  CF_TEST_ADD_CLI ("/cli/messages-follow-locale", test_messages_follow_locale);
  CF_TEST_ADD_CLI ("/cli/duplicate-and-verify", test_duplicate_and_verify);
  CF_TEST_ADD_CLI ("/cli/loss-and-requests", test_loss_and_requests);
  CF_TEST_ADD_CLI ("/cli/audit-and-check", test_audit_and_check);
  CF_TEST_ADD_CLI ("/cli/operators-and-pins", test_operators_and_pins);
  CF_TEST_ADD_CLI ("/cli/backup-and-restore", test_backup_and_restore);
  CF_TEST_ADD_CLI ("/cli/import/killed-leaves-nothing", test_killed_import_leaves_nothing);

  return g_test_run ();
}
