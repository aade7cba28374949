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
#include "cf-test-util.h"

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Who counterfoil() runs commands as (--operator), and the environment
 * it passes (NULL: this process's); cli_setup() resets both. */
static const char *run_as;
static char **run_env;

static void
counterfoil (Run        *run,
             const char *db,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("COUNTERFOIL_EXE"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  /* Signed in as the fixture's manager (COUNTERFOIL_PIN is set in main)
   * unless a command names its own --operator. */
  if (run_as != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--operator");
      g_ptr_array_add (argv, (gpointer) run_as);
    }
  va_start (args, db);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, run_env, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

#define TEST_PIN "2580"

/* A fresh database with its first manager, 099, and clerks 01 and 02, who
 * are also the operators the sample journals name; all with TEST_PIN. */
static void
cli_setup (CfTestDb      *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  run_as = "099";
  g_clear_pointer (&run_env, g_strfreev);
  cf_test_db_setup (f, data);
  g_assert_true (cf_auth_create_first_manager (f->store, "099", "赵敏", TEST_PIN, &error));
  g_assert_true (cf_auth_save_operator (f->store, "099", "01", "01", CF_ROLE_CLERK, TEST_PIN, &error));
  g_assert_true (cf_auth_save_operator (f->store, "099", "02", "02", CF_ROLE_CLERK, TEST_PIN, &error));
  g_assert_no_error (error);
}

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
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *files;
  JsonObject *first;
  JsonArray *rejects;

  g_clear_object (&f->store);
  counterfoil (&run, f->db_path, "import", "--json", journal, missing, NULL);
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
  run_clear (&run);
  counterfoil (&run, f->db_path, "import", "--json", journal, NULL);
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
  g_auto(Run) run = { 0 };

  g_clear_object (&f->store);
  counterfoil (&run, f->db_path, "import", "--dry-run", journal, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "journal-en.csv line 7, column amount: “12.3x” is not an amount"));
  g_assert_nonnull (strstr (run.out, "5 imported"));
  g_assert_nonnull (strstr (run.out, "dry run"));

  /* A dry run stored nothing. */
  run_clear (&run);
  counterfoil (&run, f->db_path, "find", "--json", NULL);
  g_assert_cmpstr (g_strstrip (run.out), ==, "[]");
}

static void
test_find_json (CfTestDb      *f,
                gconstpointer  data)
{
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_autofree char *statement = cf_test_data_path ("statement-zh-gb18030.csv");
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *found;
  JsonObject *txn;

  g_clear_object (&f->store);
  counterfoil (&run, f->db_path, "import", journal, statement, NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_clear (&run);
  counterfoil (&run, f->db_path, "find", "--voucher", "000102", "--json", NULL);
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
    run_clear (&run); \
    counterfoil (&run, f->db_path, "find", "--json", __VA_ARGS__, NULL); \
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
  COUNT (2, "--terminal", "10450001", "--operator", "02");
  COUNT (3, "--limit", "3");
  COUNT (0, "--voucher", "999999");
#undef COUNT

  /* A void is shown negative. */
  run_clear (&run);
  counterfoil (&run, f->db_path, "find", "--voucher", "000103", "--json", NULL);
  g_clear_pointer (&root, json_node_unref);
  root = parse_json (run.out);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (root), 0), "amount"),
                   ==, "-1234.56");
}

static void
test_usage_errors (CfTestDb      *f,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  g_clear_object (&f->store);
  counterfoil (&run, f->db_path, "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "frobnicate"));
  g_assert_nonnull (strstr (run.err, "import"));

  run_clear (&run);
  counterfoil (&run, f->db_path, "find", "--amount", "12,3x", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "12,3x"));

  run_clear (&run);
  counterfoil (&run, f->db_path, "find", "--from", "2026-02-30", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "2026-02-30"));

  run_clear (&run);
  counterfoil (&run, f->db_path, "import", NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_clear (&run);
  counterfoil (&run, f->db_path, "import", "--profile", "nonesuch", "x.csv", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "nonesuch"));
}

static void
test_demo (CfTestDb      *f,
           gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  counterfoil (&run, f->db_path, "demo", "--transactions", "3000", "--seed", "7", NULL);
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
  run_clear (&run);
  counterfoil (&run, f->db_path, "demo", "--transactions", "10", NULL);
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
  check = cf_test_query_text (f->store, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM imports"), ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'import'"), ==, 0);
}

static void
test_messages_follow_locale (CfTestDb      *f,
                             gconstpointer  data)
{
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_auto(Run) run = { 0 };

  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed");
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");
  g_clear_object (&f->store);

  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "journal-en.csv 第 7 行，amount 列：“12.3x”不是金额"));
  g_assert_nonnull (strstr (run.out, "导入 5"));

  run_clear (&run);
  counterfoil (&run, f->db_path, "find", "--voucher", "999999", NULL);
  g_assert_nonnull (strstr (run.out, "没有符合条件的交易"));

  run_clear (&run);
  counterfoil (&run, f->db_path, "find", "--voucher", "000103", NULL);
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
  g_auto(Run) run = { 0 };
  const char *p;

  g_clear_object (&f->store);
  counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* A voucher no. means nothing without its terminal. */
  run_clear (&run);
  counterfoil (&run, f->db_path, "duplicate", "--voucher", "000102", "--reason", "customer", "--out", pdf, NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_clear (&run);
  counterfoil (&run, f->db_path, "duplicate", "--voucher", "999999", "--terminal", "10450001", "--reason", "customer",
               "--out", pdf, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  run_clear (&run);
  counterfoil (&run, f->db_path, "duplicate", "--voucher", "000102", "--terminal", "10450001", "--reason", "retrieval",
               "--copy", "bank", "--operator", "01", "--out", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  p = strstr (run.out, "check code ");
  g_assert_nonnull (p);
  code = g_strndup (p + strlen ("check code "), 9);

  run_clear (&run);
  counterfoil (&run, f->db_path, "verify", code, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "GENUINE"));
  g_assert_nonnull (strstr (run.out, "voucher 000102"));
  g_assert_nonnull (strstr (run.out, "bank copy, reason: retrieval"));

  run_clear (&run);
  counterfoil (&run, f->db_path, "verify", "ZZZZ-ZZZZ", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "NOT GENUINE"));

  /* A period: a page each, one recorded duplicate each. */
  run_clear (&run);
  counterfoil (&run, f->db_path, "duplicate", "--from", "2026-11-28", "--to", "2026-11-28", "--reason", "tax",
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
  g_auto(Run) run = { 0 };

  g_clear_object (&f->store);
  counterfoil (&run, f->db_path, "import", journal, NULL);

  run_clear (&run);
  counterfoil (&run, f->db_path, "loss", "add", "1", "2", "--cause", "human", "--responsible", "01", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Loss incident #1: 2 slips"));

  run_clear (&run);
  counterfoil (&run, f->db_path, "loss", "add", "3", "--cause", "aliens", "--remedy", "request", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "aliens"));

  run_clear (&run);
  counterfoil (&run, f->db_path, "loss", "add", "--from", "2026-11-28 10:00", "--to", "2026-11-28 10:59", "--cause", "technical",
               "--remedy", "request", "--counterpart", "provider", "--operator", "02", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Loss incident #2: 2 slips"));

  run_clear (&run);
  counterfoil (&run, f->db_path, "loss", "list", NULL);
  g_assert_nonnull (strstr (run.out, "#2"));
  g_assert_nonnull (strstr (run.out, "#1"));

  run_clear (&run);
  counterfoil (&run, f->db_path, "request", "move", "1", "--to", "fulfilled", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "submitted, cancelled"));

  run_clear (&run);
  counterfoil (&run, f->db_path, "request", "move", "1", "--to", "submitted", "--note", "posted", "--operator", "02", NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_clear (&run);
  counterfoil (&run, f->db_path, "request", "show", "1", NULL);
  g_assert_nonnull (strstr (run.out, "provider  Submitted  2 slips  due 20"));
  /* Its history: created as a draft, then submitted by 02 with the note. */
  g_assert_nonnull (strstr (run.out, "Draft → Submitted  02  posted"));

  /* The letter the clerk takes to the bank. */
  {
    g_autofree char *letter = g_build_filename (f->dir, "letter.pdf", NULL);
    g_autofree char *text = NULL;

    run_clear (&run);
    counterfoil (&run, f->db_path, "request", "letter", "1", "--out", letter, NULL);
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
  g_auto(Run) run = { 0 };

  g_assert_true (cf_store_set_setting (f->store, "x", "y", NULL));
  {
    g_autoptr(GError) error = NULL;
    g_assert_true (cf_store_exec (f->store, "PRAGMA user_version = 42", &error));
  }
  g_clear_object (&f->store);
  counterfoil (&run, f->db_path, "find", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "newer"));
}

static void
test_audit_and_check (CfTestDb      *f,
                      gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  counterfoil (&run, f->db_path, "demo", "--transactions", "500", "--seed", "3", NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_clear (&run);
  counterfoil (&run, f->db_path, "audit", "verify", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "entries, each chained"));
  run_clear (&run);
  counterfoil (&run, f->db_path, "check", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "are sound"));

  /* Someone edits the log with another tool: both commands name the entry and fail. */
  f->store = cf_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (cf_store_exec (f->store, "DROP TRIGGER audit_log_append_only; "
                                          "UPDATE audit_log SET details = '{}' WHERE id = 2", &error));
  g_clear_object (&f->store);
  run_clear (&run);
  counterfoil (&run, f->db_path, "audit", "verify", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "entry 2 "));
  run_clear (&run);
  counterfoil (&run, f->db_path, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "entry 2 "));
  f->store = cf_store_open (f->db_path, &error);
  g_assert_no_error (error);
}

/* This process's environment with @name set to @value (or unset, NULL). */
static void
set_run_env (const char *name,
             const char *value)
{
  if (run_env == NULL)
    run_env = g_get_environ ();
  run_env = value != NULL ? g_environ_setenv (run_env, name, value, TRUE) : g_environ_unsetenv (run_env, name);
}

static void
test_operators_and_pins (CfTestDb      *f,
                         gconstpointer  data)
{
  g_autofree char *fresh = g_build_filename (f->dir, "fresh.db", NULL);
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_autofree char *details = NULL;
  g_auto(Run) run = { 0 };

  /* Changing data without saying who: refused, nothing stored. */
  run_as = NULL;
  counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--operator NO"));
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 0);
  /* Reading needs nobody. */
  run_clear (&run);
  counterfoil (&run, f->db_path, "find", "--amount", "1.00", NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* A wrong PIN: refused and on record. */
  run_as = "01";
  set_run_env ("COUNTERFOIL_PIN", "9090");
  run_clear (&run);
  counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Wrong PIN"));
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'wrong-pin' AND operator_no = '01'"), ==, 1);

  /* No PIN anywhere and no terminal: a clear refusal, not a hang. */
  set_run_env ("COUNTERFOIL_PIN", NULL);
  g_usleep (2100 * 1000);  /* the wrong PIN's one-second wait, rounded up */
  run_clear (&run);
  counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "COUNTERFOIL_PIN"));

  /* The clerk, signed in, imports; a manager-only command is refused... */
  set_run_env ("COUNTERFOIL_PIN", TEST_PIN);
  run_clear (&run);
  counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  set_run_env ("COUNTERFOIL_NEW_PIN", "3690");
  counterfoil (&run, f->db_path, "operator", "add", "03", "李娜", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Only a manager"));

  /* ...unless a manager authorises it with their PIN: both names on record. */
  set_run_env ("COUNTERFOIL_MANAGER_PIN", TEST_PIN);
  run_clear (&run);
  counterfoil (&run, f->db_path, "--manager", "099", "operator", "add", "03", "李娜", NULL);
  g_assert_cmpint (run.status, ==, 0);
  details = cf_test_query_text (f->store, "SELECT details FROM audit_log WHERE action = 'save-operator' AND operator_no = '01'");
  g_assert_nonnull (strstr (details, "[manager override: 099]"));

  /* The new clerk signs in with the PIN the manager gave. */
  run_as = "03";
  set_run_env ("COUNTERFOIL_PIN", "3690");
  run_clear (&run);
  counterfoil (&run, f->db_path, "shift", "open", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "opened"));

  /* A new database: its first manager is created from the command line. */
  run_as = NULL;
  set_run_env ("COUNTERFOIL_NEW_PIN", "1111");
  run_clear (&run);
  counterfoil (&run, fresh, "operator", "add", "M1", "店长", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "too easy"));
  set_run_env ("COUNTERFOIL_NEW_PIN", "7319");
  run_clear (&run);
  counterfoil (&run, fresh, "operator", "add", "M1", "店长", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "first manager"));
  run_clear (&run);
  counterfoil (&run, fresh, "operator", "list", NULL);
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
  g_auto(Run) run = { 0 };
  gint64 audit_before;
  gsize length;

  counterfoil (&run, f->db_path, "backup", "--out", backup, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), >, 0);

  /* A damaged file is refused and the database stays as it is. */
  g_assert_true (g_file_get_contents (backup, &contents, &length, NULL));
  memset (contents + length / 2, 0x5a, 4096);
  g_assert_true (g_file_set_contents (damaged, contents, (gssize) length, NULL));
  run_clear (&run);
  counterfoil (&run, f->db_path, "restore", damaged, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "cannot be restored"));
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), >, 0);

  /* A clerk may not restore. */
  run_as = "01";
  run_clear (&run);
  counterfoil (&run, f->db_path, "restore", backup, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Only a manager"));

  /* The manager restores: the import is gone, even for the connection
   * that stayed open; the database as it was is kept; the log says so. */
  run_as = "099";
  audit_before = cf_test_query_int (f->store, "SELECT count(*) FROM audit_log");
  run_clear (&run);
  counterfoil (&run, f->db_path, "restore", backup, NULL);
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
  run_clear (&run);
  counterfoil (&run, f->db_path, "check", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

/* What a file chooser does to the folder it shows: open each of the
 * database's files, read a little, close. */
static gpointer
open_and_close_database_files (gpointer data)
{
  const char *db_path = data;
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);
      char head[64];
      int fd = g_open (path, O_RDONLY, 0);

      if (fd >= 0)
        {
          g_assert_cmpint (read (fd, head, sizeof head), >=, 0);
          close (fd);
        }
    }
  return NULL;
}

static gint64
count_test_writes (CfStore *store)
{
  return cf_test_query_int (store, "SELECT count(*) FROM audit_log WHERE action = 'test-write'");
}

/* The window's connection stays open and writes; another thread of the
 * same process opens and closes the database's files; a second process
 * reads and writes; the window writes on and quits. Nothing is lost. */
static void
test_foreign_close_loses_nothing (CfTestDb      *f,
                                  gconstpointer  data)
{
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) reopened = NULL;
  g_auto(Run) run = { 0 };
  gint64 imported;

  for (int i = 0; i < 5; i++)
    g_assert_true (cf_store_add_audit_entry (f->store, "099", "test-write", "test", i, NULL, &error));
  g_thread_join (g_thread_new ("chooser", open_and_close_database_files, f->db_path));

  /* A reader that, if it believed itself the last user, would checkpoint
   * and delete the WAL the window goes on writing into. */
  counterfoil (&run, f->db_path, "find", "--voucher", "000001", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  for (int i = 5; i < 10; i++)
    g_assert_true (cf_store_add_audit_entry (f->store, "099", "test-write", "test", i, NULL, &error));

  counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  imported = cf_store_count_transactions (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (imported, >, 0);

  for (int i = 10; i < 15; i++)
    g_assert_true (cf_store_add_audit_entry (f->store, "099", "test-write", "test", i, NULL, &error));
  g_thread_join (g_thread_new ("chooser", open_and_close_database_files, f->db_path));
  counterfoil (&run, f->db_path, "find", "--voucher", "000001", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_cmpint (count_test_writes (f->store), ==, 15);
  g_clear_object (&f->store);

  reopened = cf_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_test_writes (reopened), ==, 15);
  g_assert_cmpint (cf_store_count_transactions (reopened, NULL), ==, imported);
  g_assert_cmpint (cf_test_query_int (reopened, "SELECT count(*) FROM imports"), ==, 1);
  g_assert_cmpint (cf_test_query_int (reopened, "SELECT count(*) FROM audit_log WHERE action = 'import'"), ==, 1);
  g_clear_object (&reopened);
  counterfoil (&run, f->db_path, "check", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

/* Changes a database as someone with the sqlite3 shell would, triggers and all. */
static void
tamper (const char *path,
        const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* The same, through a store, whose connection knows cf_audit_hash (): for
 * recomputing the chain as an attacker who read the source would. */
static void
rewrite_chain (const char *path,
               const char *edit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = cf_store_open (path, &error);
  g_autofree char *sql = g_strdup_printf (
    "DROP TRIGGER audit_log_append_only; %s;"
    "CREATE TEMP TABLE ordered AS SELECT row_number () OVER (ORDER BY id) AS n, * FROM audit_log;"
    "CREATE TEMP TABLE chain AS WITH RECURSIVE c (n, id, prev_hash, hash) AS ("
    "  SELECT n, id, '', cf_audit_hash ('', at, operator_no, action, object_type, object_id, details) FROM ordered WHERE n = 1"
    "  UNION ALL SELECT o.n, o.id, c.hash, cf_audit_hash (c.hash, o.at, o.operator_no, o.action, o.object_type, o.object_id, o.details)"
    "  FROM ordered o JOIN c ON o.n = c.n + 1) SELECT id, prev_hash, hash FROM c;"
    "UPDATE audit_log SET prev_hash = (SELECT prev_hash FROM temp.chain c WHERE c.id = audit_log.id),"
    "                     hash = (SELECT hash FROM temp.chain c WHERE c.id = audit_log.id);"
    "CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE (ABORT, 'the audit log cannot be changed'); END;", edit);

  g_assert_no_error (error);
  g_assert_true (cf_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void
assert_restore_refused (CfTestDb   *f,
                        const char *file,
                        const char *why)
{
  g_auto(Run) run = { 0 };
  gint64 transactions = cf_store_count_transactions (f->store, NULL);

  counterfoil (&run, f->db_path, "restore", file, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, why));
  g_assert_null (strstr (run.err, ".restoring"));
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'restore-backup'"), ==, 0);
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, transactions);
  g_assert_cmpint (transactions, >, 0);
}

/* Restore is no back door: files that are not this shop's backups, or
 * backups changed since they were made, are refused and change nothing. */
static void
test_restore_refuses_back_doors (CfTestDb      *f,
                                 gconstpointer  data)
{
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_autofree char *good = g_build_filename (f->dir, "good.db", NULL);
  g_autofree char *zero = g_build_filename (f->dir, "zero.db", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "junk.db", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.db", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  const char *tampered[][2] = {
    { "DELETE FROM operators", "no manager" },
    { "CREATE TRIGGER quiet BEFORE INSERT ON duplicates BEGIN SELECT 1; END", "schema" },
    { "DROP TRIGGER audit_log_kept", "schema" },
    { "DROP TRIGGER audit_log_kept; DELETE FROM audit_log WHERE id > (SELECT max (id) - 3 FROM audit_log); "
      "CREATE TRIGGER audit_log_kept BEFORE DELETE ON audit_log "
      "BEGIN SELECT RAISE (ABORT, 'the audit log cannot be shortened'); END", "vouches" },
  };
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;

  counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  counterfoil (&run, f->db_path, "backup", "--out", good, NULL);
  g_assert_cmpint (run.status, ==, 0);

  g_assert_true (g_file_set_contents (zero, "", 0, NULL));
  assert_restore_refused (f, zero, "empty");
  tamper (empty, "PRAGMA user_version = 0");
  assert_restore_refused (f, empty, "empty");
  g_assert_true (g_file_set_contents (junk, "not a database at all, only words", -1, NULL));
  assert_restore_refused (f, junk, "junk.db");
  g_assert_cmpint (symlink (f->db_path, link), ==, 0);
  assert_restore_refused (f, link, "the database itself");

  for (guint i = 0; i < G_N_ELEMENTS (tampered); i++)
    {
      g_autofree char *copy = g_strdup_printf ("%s/tampered-%u.db", f->dir, i);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, (gssize) length, NULL));
      tamper (copy, tampered[i][0]);
      assert_restore_refused (f, copy, tampered[i][1]);
    }

  /* A chain recomputed end to end after an edit is whole, but it no
   * longer matches the head anchored when the backup was made. */
  {
    g_autofree char *copy = g_build_filename (f->dir, "rewritten.db", NULL);
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (copy, contents, (gssize) length, NULL));
    rewrite_chain (copy, "UPDATE audit_log SET details = 'nothing happened' WHERE id = 2");
    assert_restore_refused (f, copy, "anchors written outside it");
  }

  /* Another shop's sound backup needs the manager to say so. */
  run_clear (&run);
  counterfoil (&run, other, "demo", "--transactions", "50", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (cf_store_set_setting (f->store, "merchant.no", "898310048160001", &error));
  run_clear (&run);
  counterfoil (&run, f->db_path, "restore", other, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "898310048160001"));
  g_assert_nonnull (strstr (run.err, "--other-shop"));
  run_clear (&run);
  counterfoil (&run, f->db_path, "restore", "--other-shop", other, NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* The restore and its record happened together; then the good backup
   * comes back, and the log, its anchors and every check agree. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'restore-backup' "
                                                "AND id = (SELECT max (id) FROM audit_log)"), ==, 1);
  run_clear (&run);
  counterfoil (&run, f->db_path, "restore", "--other-shop", good, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  counterfoil (&run, f->db_path, "audit", "verify", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  counterfoil (&run, f->db_path, "check", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
put_back (const char *db_path,
          const char *contents,
          gsize       length)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_assert_true (g_file_set_contents (db_path, contents, (gssize) length, NULL));
}

/* audit verify, with and without the fingerprint from paper, and check all fail. */
static void
expect_altered (CfTestDb   *f,
                const char *why,
                const char *fingerprint)
{
  g_auto(Run) run = { 0 };

  counterfoil (&run, f->db_path, "audit", "verify", NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, why));
  run_clear (&run);
  counterfoil (&run, f->db_path, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, why));
  run_clear (&run);
  counterfoil (&run, f->db_path, "audit", "verify", "--anchor", fingerprint, NULL);
  g_assert_cmpint (run.status, ==, 1);
}

/* What the chain alone cannot see: the newest entries removed, the whole
 * chain recomputed after an edit, a signed report altered with its hash. */
static void
test_audit_anchors (CfTestDb      *f,
                    gconstpointer  data)
{
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_autofree char *backup = g_build_filename (f->dir, "b.db", NULL);
  g_autofree char *fingerprint = NULL;
  g_autofree char *saved = NULL;
  gsize saved_length = 0;
  g_auto(Run) run = { 0 };
  const char *line;

  g_clear_object (&f->store);
  counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  counterfoil (&run, f->db_path, "shift", "open", "--at", "2026-11-28 08:00", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  counterfoil (&run, f->db_path, "shift", "close", "--at", "2026-11-28 16:00", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  counterfoil (&run, f->db_path, "report", "sign", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  counterfoil (&run, f->db_path, "backup", "--out", backup, NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_clear (&run);
  counterfoil (&run, f->db_path, "audit", "verify", NULL);
  g_assert_cmpint (run.status, ==, 0);
  line = strstr (run.out, "fingerprint now: ");
  g_assert_nonnull (line);
  fingerprint = g_strndup (line + strlen ("fingerprint now: "), strcspn (line + strlen ("fingerprint now: "), "\n"));
  run_clear (&run);
  counterfoil (&run, f->db_path, "audit", "verify", "--anchor", fingerprint, NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* The fingerprint printed on the signed report checks against the log. */
  run_clear (&run);
  counterfoil (&run, f->db_path, "report", "handover", "--shift", "1", "--text", NULL);
  g_assert_cmpint (run.status, ==, 0);
  line = strstr (run.out, "审计 A");
  g_assert_nonnull (line);
  g_free (fingerprint);
  fingerprint = g_strndup (line + strlen ("审计 "), strcspn (line + strlen ("审计 "), " \n"));
  run_clear (&run);
  counterfoil (&run, f->db_path, "audit", "verify", "--anchor", fingerprint, NULL);
  g_assert_cmpint (run.status, ==, 0);

  g_assert_true (g_file_get_contents (f->db_path, &saved, &saved_length, NULL));

  /* The newest entries removed: the chain is whole, the anchors are not met. */
  tamper (f->db_path, "DROP TRIGGER audit_log_kept; DELETE FROM audit_log WHERE id > (SELECT max (id) - 2 FROM audit_log)");
  expect_altered (f, "removed", fingerprint);
  put_back (f->db_path, saved, saved_length);

  /* The chain recomputed from an edit to its end: whole, and rewritten. */
  rewrite_chain (f->db_path, "UPDATE audit_log SET details = 'nothing happened' WHERE id = 2");
  expect_altered (f, "rewritten", fingerprint);
  put_back (f->db_path, saved, saved_length);

  /* A signed report replaced together with its SHA-256. */
  tamper (f->db_path, "DROP TRIGGER handover_reports_frozen; "
                      "UPDATE handover_reports SET content = X'00', "
                      "sha256 = '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d'");
  run_clear (&run);
  counterfoil (&run, f->db_path, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "signed report No. 000001"));
  put_back (f->db_path, saved, saved_length);
  run_clear (&run);
  counterfoil (&run, f->db_path, "check", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

/* The command line never writes over a file, nor records a duplicate it
 * cannot write; a person's own NAME.partial is left alone. */
static void
test_out_files (CfTestDb      *f,
                gconstpointer  data)
{
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_autofree char *existing = g_build_filename (f->dir, "mine.pdf", NULL);
  g_autofree char *theirs = g_build_filename (f->dir, "slip.pdf.partial", NULL);
  g_autofree char *slip = g_build_filename (f->dir, "slip.pdf", NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0 };

  g_clear_object (&f->store);
  counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_set_contents (existing, "a person's own file", -1, NULL));
  g_assert_true (g_file_set_contents (theirs, "also theirs", -1, NULL));

  run_clear (&run);
  counterfoil (&run, f->db_path, "duplicate", "--voucher", "000102", "--terminal", "10450001", "--reason", "tax",
               "--out", existing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "exists already"));
  run_clear (&run);
  counterfoil (&run, f->db_path, "duplicate", "--voucher", "000102", "--terminal", "10450001", "--reason", "tax",
               "--out", f->dir, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "is a folder"));
  run_clear (&run);
  counterfoil (&run, f->db_path, "report", "handover", "--from", "2026-11-28", "--to", "2026-11-28",
               "--out", existing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "a person's own file");
  f->store = cf_store_open (f->db_path, NULL);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM duplicates"), ==, 0);
  g_clear_object (&f->store);

  run_clear (&run);
  counterfoil (&run, f->db_path, "duplicate", "--voucher", "000102", "--terminal", "10450001", "--reason", "tax",
               "--out", slip, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_free (contents);
  g_assert_true (g_file_get_contents (theirs, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "also theirs");
  g_free (cf_test_assert_pdf_valid (slip));
}

/* A second import while another writer holds the database waits for it,
 * saying so, instead of failing with "database is locked". */
static void
test_import_waits_for_writer (CfTestDb      *f,
                              gconstpointer  data)
{
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  const char *argv[] = { g_getenv ("COUNTERFOIL_EXE"), "--db", f->db_path, "--operator", "099", "import", journal, NULL };
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GPid pid;
  int wait_status;
  int err_fd;

  g_assert_true (cf_store_exec (f->store, "BEGIN IMMEDIATE", &error));
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                           G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                           NULL, NULL, &pid, NULL, NULL, &err_fd, &error));
  g_assert_no_error (error);
  while (strstr (seen->str, "waiting") == NULL)
    {
      char buffer[256];
      gssize n = read (err_fd, buffer, sizeof buffer - 1);

      g_assert_cmpint (n, >, 0);   /* it must not end while the other writer holds on */
      buffer[n] = '\0';
      g_string_append (seen, buffer);
    }
  g_assert_true (cf_store_exec (f->store, "ROLLBACK", &error));
  waitpid (pid, &wait_status, 0);
  g_spawn_close_pid (pid);
  close (err_fd);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), >, 0);
}

/* A command that only reads or explains never leaves a database behind. */
static void
test_reading_creates_nothing (CfTestDb      *f,
                              gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "nowhere", "shop.db", NULL);
  g_autofree char *folder = g_path_get_dirname (missing);
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  const char *commands[][4] = {
    { "loss", "list", "--help", NULL }, { "loss", "add", "--help", NULL }, { "request", "list", "--help", NULL },
    { "shift", "list", "--help", NULL }, { "check", "--help", NULL }, { "find", "--help", NULL },
    { "loss", "list", NULL }, { "request", "show", "1", NULL }, { "shift", "list", NULL }, { "check", NULL },
    { "audit", "verify", NULL }, { "find", "--voucher", "000101", NULL }, { "operator", "list", NULL },
    { "verify", "ABCD-EFGH", NULL }, { "backup", NULL }, { "report", "handover", "--shift", "1" },
  };

  run_as = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };

      counterfoil (&run, missing, commands[i][0], commands[i][1], commands[i][2], commands[i][3], NULL);
      g_test_message ("%s %s: %d %s", commands[i][0], commands[i][1] ? commands[i][1] : "", run.status, run.err);
      g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
    }
  /* A dry run reads the file against an empty shop, and stores nothing anywhere. */
  {
    g_auto(Run) run = { 0 };
    counterfoil (&run, missing, "import", "--dry-run", journal, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "5 imported"));
    g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  }
}

static const char *
next_form (const char *const *forms,
           guint             *k)
{
  if (forms[*k] == NULL)
    *k = 0;
  return forms[(*k)++];
}

/* Free text typed by staff — a duplicate's reason, a loss's description,
 * who found it and who is responsible, a request's note and reference, a
 * shift's notes and variance, an operator's name, a code to verify — holds
 * a card number however written; none is stored or printed whole. */
static void
test_typed_card_numbers_masked (CfTestDb      *f,
                                gconstpointer  data)
{
  const char *const *forms = cf_test_pan_forms ();
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  g_autofree char *pdf = g_build_filename (f->dir, "dup.pdf", NULL);
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  guint k = 0;

#define NEXT_FORM next_form (forms, &k)
#define EXPECT_OK(...) G_STMT_START {                                        \
    run_clear (&run);                                                        \
    counterfoil (&run, f->db_path, __VA_ARGS__, NULL);                       \
    g_test_message ("%s%s", run.out, run.err);                               \
    g_assert_cmpint (run.status, ==, 0);                                     \
    g_assert_false (cf_test_text_has_pan (run.out));                         \
    g_assert_false (cf_test_text_has_pan (run.err));                         \
  } G_STMT_END

  g_clear_object (&f->store);
  EXPECT_OK ("import", journal);
  EXPECT_OK ("duplicate", "--voucher", "000102", "--terminal", "10450001", "--reason", NEXT_FORM, "--out", pdf);
  EXPECT_OK ("loss", "add", "1", "2", "--cause", "human", "--responsible", NEXT_FORM,
             "--discovered-by", NEXT_FORM, "--description", NEXT_FORM, "--remedy", "request");
  EXPECT_OK ("loss", "add", "3", "--cause", "human", "--remedy", "none", "--reason", NEXT_FORM);
  EXPECT_OK ("request", "move", "1", "--to", "submitted", "--note", NEXT_FORM);
  EXPECT_OK ("request", "ref", "1", NEXT_FORM);
  EXPECT_OK ("shift", "open", "--at", "2026-11-28 08:00");
  EXPECT_OK ("shift", "close", "--at", "2026-11-28 16:00", "--notes", NEXT_FORM, "--variance", NEXT_FORM);
  set_run_env ("COUNTERFOIL_NEW_PIN", "3690");
  EXPECT_OK ("operator", "add", "07", NEXT_FORM);
  EXPECT_OK ("loss", "show", "1");
  EXPECT_OK ("request", "show", "1");
  EXPECT_OK ("shift", "list");
  EXPECT_OK ("operator", "list");

  for (guint i = 0; forms[i] != NULL; i++)
    {
      run_clear (&run);
      counterfoil (&run, f->db_path, "verify", forms[i], NULL);
      g_assert_cmpint (run.status, !=, 0);
      g_assert_false (cf_test_text_has_pan (run.out));
      g_assert_false (cf_test_text_has_pan (run.err));
      run_clear (&run);
      counterfoil (&run, f->db_path, "find", "--amount", forms[i], NULL);
      g_assert_false (cf_test_text_has_pan (run.err));
    }
#undef EXPECT_OK
#undef NEXT_FORM

  store = cf_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_test_query_int (store, "SELECT count(*) FROM loss_incidents"), ==, 2);
  cf_test_assert_no_pan_stored (store);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("COUNTERFOIL_EXE") == NULL)
    {
      g_printerr ("COUNTERFOIL_EXE is not set\n");
      return 1;
    }

  g_setenv ("COUNTERFOIL_PIN", TEST_PIN, TRUE);
#define ADD(path, func) g_test_add (path, CfTestDb, NULL, cli_setup, func, cf_test_db_teardown)
  ADD ("/cli/import/json", test_import_json);
  ADD ("/cli/import/text-summary", test_import_text_summary);
  ADD ("/cli/find/json", test_find_json);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/demo", test_demo);
  ADD ("/cli/refuses-newer-database", test_newer_database_refused);
  ADD ("/cli/messages-follow-locale", test_messages_follow_locale);
  ADD ("/cli/duplicate-and-verify", test_duplicate_and_verify);
  ADD ("/cli/loss-and-requests", test_loss_and_requests);
  ADD ("/cli/audit-and-check", test_audit_and_check);
  ADD ("/cli/operators-and-pins", test_operators_and_pins);
  ADD ("/cli/backup-and-restore", test_backup_and_restore);
  ADD ("/cli/import/killed-leaves-nothing", test_killed_import_leaves_nothing);
  ADD ("/cli/store/foreign-close-loses-nothing", test_foreign_close_loses_nothing);
  ADD ("/cli/typed-card-numbers-masked", test_typed_card_numbers_masked);
  ADD ("/cli/reading-creates-nothing", test_reading_creates_nothing);
  ADD ("/cli/out-files", test_out_files);
  ADD ("/cli/import/waits-for-writer", test_import_waits_for_writer);
  ADD ("/cli/restore/refuses-back-doors", test_restore_refuses_back_doors);
  ADD ("/cli/audit/anchors", test_audit_anchors);
#undef ADD

  return g_test_run ();
}
