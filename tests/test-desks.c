/* test-desks.c — four desks writing to one shop at once
 *
 * Four processes of the real program, each a desk working through its own
 * list: one imports journals, two issue duplicates of the same sale, one
 * moves a replacement request along, and every command signs in (an audit
 * entry each). Then: every command succeeded, the duplicates are numbered
 * 1 to N with no gap and none twice, every import and move is there, and
 * the audit log is one chain holding an entry for each. On a file (core)
 * and on a server (suite server) alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/wait.h>

#include "cf-auth.h"
#include "cf-test-cli.h"

#define ROUNDS 12            /* commands per desk */
#define ROWS_PER_FILE 20

static const char *const moves[] = { "submitted", "under_review", "approved", "fulfilled", "closed" };

/* A journal of its own for each import: ROWS_PER_FILE sales no other file has. */
static char *
write_journal (const char *dir,
               guint       n)
{
  g_autoptr(GString) csv = g_string_new ("date,time,terminal_id,operator,trace_no,rrn,card_no,transaction_type,amount\n");
  g_autofree char *name = g_strdup_printf ("journal-%02u.csv", n);
  char *path = g_build_filename (dir, name, NULL);

  for (guint r = 0; r < ROWS_PER_FILE; r++)
    g_string_append_printf (csv, "2026-11-27,%02u:%02u:%02u,10450009,01,%06u,%012u,622202******%04u,SALE,%u.%02u\n",
                            8 + n % 12, r, n, n * 1000 + r, 500000000 + n * 1000 + r, (n * 37 + r) % 10000,
                            10 + r, n % 100);
  g_assert_true (g_file_set_contents (path, csv->str, -1, NULL));
  return path;
}

/* A desk: a shell running its commands one after the other; the first
 * that fails ends it, with its message kept. */
static GPid
start_desk (const char  *db,
            GPtrArray   *commands,
            int         *err_fd)
{
  g_autoptr(GString) script = g_string_new ("set -e\n");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/bin/sh", "-c", NULL, NULL };
  GPid pid;

  for (guint i = 0; i < commands->len; i++)
    {
      g_autofree char *quoted_exe = g_shell_quote (g_getenv ("COUNTERFOIL_EXE"));
      g_autofree char *quoted_db = g_shell_quote (db);

      g_string_append_printf (script, "%s --db %s %s >/dev/null\n", quoted_exe, quoted_db,
                              (const char *) commands->pdata[i]);
    }
  argv[2] = script->str;
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                           &pid, NULL, NULL, err_fd, &error));
  g_assert_no_error (error);
  return pid;
}

static void
test_four_desks_at_once (CfTestDb      *f,
                         gconstpointer  data)
{
  g_autofree char *journal = cf_test_data_path ("journal-en.csv");
  GPtrArray *desks[4];
  g_auto(CfTestRun) run = { 0 };
  GPid pids[4];
  int err_fds[4];
  gint64 broken = -1;
  g_autoptr(GError) error = NULL;
  guint n_moves = 0;

  /* The shop as it opens: a clerk for each desk (an operator signing in at two
   * desks at the same moment may be told to wait: a try is counted before its
   * PIN is compared), one journal, a lost slip with its request to the provider. */
  g_assert_true (cf_auth_save_operator (f->store, "099", "03", "03", CF_ROLE_CLERK, CF_TEST_PIN, &error));
  g_clear_object (&f->store);
  cf_test_counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 0);
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "loss", "add", "3", "--cause", "human", "--remedy", "request",
                       "--counterpart", "provider", NULL);
  g_assert_cmpint (run.status, ==, 0);

  for (guint d = 0; d < 4; d++)
    desks[d] = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autofree char *file = write_journal (f->dir, i);
      g_autofree char *quoted = g_shell_quote (file);

      g_ptr_array_add (desks[0], g_strdup_printf ("--operator 03 import %s", quoted));
      for (guint d = 1; d <= 2; d++)
        {
          g_autofree char *pdf = g_strdup_printf ("%s/dup-%u-%02u.pdf", f->dir, d, i);
          g_autofree char *quoted_pdf = g_shell_quote (pdf);

          g_ptr_array_add (desks[d], g_strdup_printf ("--operator 0%u duplicate --voucher 000102 --terminal 10450001 "
                                                      "--reason customer --out %s", d, quoted_pdf));
        }
      if (i < G_N_ELEMENTS (moves))
        {
          g_ptr_array_add (desks[3], g_strdup_printf ("--operator 099 request move 1 --to %s --note 'desk 4'", moves[i]));
          n_moves++;
        }
      else
        g_ptr_array_add (desks[3], g_strdup ("--operator 099 find --voucher 000102"));
    }

  for (guint d = 0; d < 4; d++)
    pids[d] = start_desk (f->db_path, desks[d], &err_fds[d]);
  for (guint d = 0; d < 4; d++)
    {
      g_autoptr(GIOChannel) channel = g_io_channel_unix_new (err_fds[d]);
      g_autofree char *said = NULL;
      int status;

      g_io_channel_set_close_on_unref (channel, TRUE);
      g_io_channel_read_to_end (channel, &said, NULL, NULL);
      waitpid (pids[d], &status, 0);
      g_spawn_close_pid (pids[d]);
      if (said != NULL && *said != '\0')
        g_test_message ("desk %u said: %s", d + 1, said);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }

  for (guint d = 0; d < 4; d++)
    g_ptr_array_unref (desks[d]);
  f->store = cf_store_open (f->db_path, &error);
  g_assert_no_error (error);

  /* Both duplicate desks' slips: Nos. 1 to 2 × ROUNDS, none twice, none skipped. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM duplicates"), ==, 2 * ROUNDS);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (DISTINCT number) FROM duplicates"), ==, 2 * ROUNDS);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT min (number) FROM duplicates"), ==, 1);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT max (number) FROM duplicates"), ==, 2 * ROUNDS);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (DISTINCT transaction_id) FROM duplicates"), ==, 1);

  /* Every import, every row of it; every move, in its order. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM imports"), ==, 1 + ROUNDS);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transactions WHERE terminal_no = '10450009'"),
                   ==, ROUNDS * ROWS_PER_FILE);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM request_history WHERE note = 'desk 4'"), ==, n_moves);
  {
    g_autofree char *status = cf_test_query_text (f->store, "SELECT status FROM replacement_requests WHERE id = 1");
    g_assert_cmpstr (status, ==, moves[n_moves - 1]);
  }

  /* One chain, with an entry for each thing done. */
  g_assert_true (cf_store_verify_audit_chain (f->store, &broken, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM audit_log WHERE action = 'issue-duplicate'"),
                   ==, 2 * ROUNDS);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM audit_log WHERE action = 'import'"), ==, 1 + ROUNDS);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM audit_log WHERE action = 'move-request'"),
                   ==, n_moves);
  /* Numbered one after the other, as they were chained. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT max (id) FROM audit_log"), ==,
                   cf_test_query_int (f->store, "SELECT count (*) FROM audit_log"));
}

int
main (int   argc,
      char *argv[])
{
  if (!cf_test_cli_init (&argc, &argv))
    return 1;
  CF_TEST_ADD_CLI ("/desks/four-at-once", test_four_desks_at_once);
  return g_test_run ();
}
