/* test-cli-trust.c — the command line where trust is at stake: no write
 * lost to another open of the file, no card number stored or printed, no
 * back door through restore, an audit log that notices what is missing,
 * no file written over, no database created by reading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <stdlib.h>
#include <unistd.h>

#include "cf-store-private.h"
#include "cf-auth.h"
#include "cf-test-util.h"
#include "cf-test-cli.h"

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
  g_auto(CfTestRun) run = { 0 };
  gint64 imported;

  for (int i = 0; i < 5; i++)
    g_assert_true (cf_store_add_audit_entry (f->store, "099", "test-write", "test", i, NULL, &error));
  g_thread_join (g_thread_new ("chooser", open_and_close_database_files, f->db_path));

  /* A reader that, if it believed itself the last user, would checkpoint
   * and delete the WAL the window goes on writing into. */
  cf_test_counterfoil (&run, f->db_path, "find", "--voucher", "000001", NULL);
  g_assert_cmpint (run.status, ==, 0);
  cf_test_run_clear (&run);
  for (int i = 5; i < 10; i++)
    g_assert_true (cf_store_add_audit_entry (f->store, "099", "test-write", "test", i, NULL, &error));

  cf_test_counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 0);
  cf_test_run_clear (&run);
  imported = cf_store_count_transactions (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (imported, >, 0);

  for (int i = 10; i < 15; i++)
    g_assert_true (cf_store_add_audit_entry (f->store, "099", "test-write", "test", i, NULL, &error));
  g_thread_join (g_thread_new ("chooser", open_and_close_database_files, f->db_path));
  cf_test_counterfoil (&run, f->db_path, "find", "--voucher", "000001", NULL);
  g_assert_cmpint (run.status, ==, 0);
  cf_test_run_clear (&run);
  g_assert_cmpint (count_test_writes (f->store), ==, 15);
  g_clear_object (&f->store);

  reopened = cf_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_test_writes (reopened), ==, 15);
  g_assert_cmpint (cf_store_count_transactions (reopened, NULL), ==, imported);
  g_assert_cmpint (cf_test_query_int (reopened, "SELECT count(*) FROM imports"), ==, 1);
  g_assert_cmpint (cf_test_query_int (reopened, "SELECT count(*) FROM audit_log WHERE action = 'import'"), ==, 1);
  g_clear_object (&reopened);
  cf_test_counterfoil (&run, f->db_path, "check", NULL);
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
  g_auto(CfTestRun) run = { 0 };
  gint64 transactions = cf_store_count_transactions (f->store, NULL);

  cf_test_counterfoil (&run, f->db_path, "restore", file, NULL);
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
  g_auto(CfTestRun) run = { 0 };
  g_autoptr(GError) error = NULL;

  if (cf_test_needs_file ())
    return;

  cf_test_counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 0);
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "backup", "--out", good, NULL);
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
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, other, "demo", "--transactions", "50", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (cf_store_set_setting (f->store, "merchant.no", "898310048160001", &error));
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "restore", other, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "898310048160001"));
  g_assert_nonnull (strstr (run.err, "--other-shop"));
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "restore", "--other-shop", other, NULL);
  g_test_message ("restore --other-shop → %d\n%s%s", run.status, run.out, run.err);
  g_assert_cmpint (run.status, ==, 0);

  /* The restore and its record happened together; then the good backup
   * comes back, and the log, its anchors and every check agree. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'restore-backup' "
                                                "AND id = (SELECT max (id) FROM audit_log)"), ==, 1);
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "restore", "--other-shop", good, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "audit", "verify", NULL);
  g_assert_cmpint (run.status, ==, 0);
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "check", NULL);
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
  g_auto(CfTestRun) run = { 0 };

  cf_test_counterfoil (&run, f->db_path, "audit", "verify", NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, why));
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, why));
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "audit", "verify", "--anchor", fingerprint, NULL);
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
  g_auto(CfTestRun) run = { 0 };
  const char *line;

  if (cf_test_needs_file ())
    return;

  g_clear_object (&f->store);
  cf_test_counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 0);
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "shift", "open", "--at", "2026-11-28 08:00", NULL);
  g_assert_cmpint (run.status, ==, 0);
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "shift", "close", "--at", "2026-11-28 16:00", NULL);
  g_assert_cmpint (run.status, ==, 0);
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "report", "sign", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "backup", "--out", backup, NULL);
  g_assert_cmpint (run.status, ==, 0);

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "audit", "verify", NULL);
  g_assert_cmpint (run.status, ==, 0);
  line = strstr (run.out, "fingerprint now: ");
  g_assert_nonnull (line);
  fingerprint = g_strndup (line + strlen ("fingerprint now: "), strcspn (line + strlen ("fingerprint now: "), "\n"));
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "audit", "verify", "--anchor", fingerprint, NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* The fingerprint printed on the signed report checks against the log. */
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "report", "handover", "--shift", "1", "--text", NULL);
  g_assert_cmpint (run.status, ==, 0);
  line = strstr (run.out, "审计 A");
  g_assert_nonnull (line);
  g_free (fingerprint);
  fingerprint = g_strndup (line + strlen ("审计 "), strcspn (line + strlen ("审计 "), " \n"));
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "audit", "verify", "--anchor", fingerprint, NULL);
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
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "signed report No. 000001"));
  put_back (f->db_path, saved, saved_length);
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "check", NULL);
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
  g_auto(CfTestRun) run = { 0 };

  g_clear_object (&f->store);
  cf_test_counterfoil (&run, f->db_path, "import", journal, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_set_contents (existing, "a person's own file", -1, NULL));
  g_assert_true (g_file_set_contents (theirs, "also theirs", -1, NULL));

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "duplicate", "--voucher", "000102", "--terminal", "10450001", "--reason", "tax",
               "--out", existing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "exists already"));
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "duplicate", "--voucher", "000102", "--terminal", "10450001", "--reason", "tax",
               "--out", f->dir, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "is a folder"));
  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "report", "handover", "--from", "2026-11-28", "--to", "2026-11-28",
               "--out", existing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "a person's own file");
  f->store = cf_store_open (f->db_path, NULL);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM duplicates"), ==, 0);
  g_clear_object (&f->store);

  cf_test_run_clear (&run);
  cf_test_counterfoil (&run, f->db_path, "duplicate", "--voucher", "000102", "--terminal", "10450001", "--reason", "tax",
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

  cf_test_cli_operator = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(CfTestRun) run = { 0 };

      cf_test_counterfoil (&run, missing, commands[i][0], commands[i][1], commands[i][2], commands[i][3], NULL);
      g_test_message ("%s %s: %d %s", commands[i][0], commands[i][1] ? commands[i][1] : "", run.status, run.err);
      g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
    }
  /* A dry run reads the file against an empty shop, and stores nothing anywhere. */
  {
    g_auto(CfTestRun) run = { 0 };
    cf_test_counterfoil (&run, missing, "import", "--dry-run", journal, NULL);
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
  g_auto(CfTestRun) run = { 0 };
  guint k = 0;

#define NEXT_FORM next_form (forms, &k)
#define EXPECT_OK(...) G_STMT_START {                                        \
    cf_test_run_clear (&run);                                                        \
    cf_test_counterfoil (&run, f->db_path, __VA_ARGS__, NULL);                       \
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
  cf_test_cli_set_env ("COUNTERFOIL_NEW_PIN", "3690");
  EXPECT_OK ("operator", "add", "07", NEXT_FORM);
  EXPECT_OK ("loss", "show", "1");
  EXPECT_OK ("request", "show", "1");
  EXPECT_OK ("shift", "list");
  EXPECT_OK ("operator", "list");

  for (guint i = 0; forms[i] != NULL; i++)
    {
      cf_test_run_clear (&run);
      cf_test_counterfoil (&run, f->db_path, "verify", forms[i], NULL);
      g_assert_cmpint (run.status, !=, 0);
      g_assert_false (cf_test_text_has_pan (run.out));
      g_assert_false (cf_test_text_has_pan (run.err));
      cf_test_run_clear (&run);
      cf_test_counterfoil (&run, f->db_path, "find", "--amount", forms[i], NULL);
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
  if (!cf_test_cli_init (&argc, &argv))
    return 1;

  CF_TEST_ADD_CLI ("/cli/store/foreign-close-loses-nothing", test_foreign_close_loses_nothing);
  CF_TEST_ADD_CLI ("/cli/typed-card-numbers-masked", test_typed_card_numbers_masked);
  CF_TEST_ADD_CLI ("/cli/reading-creates-nothing", test_reading_creates_nothing);
  CF_TEST_ADD_CLI ("/cli/out-files", test_out_files);
  CF_TEST_ADD_CLI ("/cli/import/waits-for-writer", test_import_waits_for_writer);
  CF_TEST_ADD_CLI ("/cli/restore/refuses-back-doors", test_restore_refuses_back_doors);
  CF_TEST_ADD_CLI ("/cli/audit/anchors", test_audit_anchors);

  return g_test_run ();
}
