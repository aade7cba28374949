/* test-crash.c — killed at any moment, the database stays whole
 *
 * Runs the real program and SIGKILLs it at random points of an import, a
 * duplicate and a backup, again and again within a time budget (half a
 * minute in all). After each kill: SQLite's integrity check passes, the audit
 * chain verifies, and the operation is either all there or not there at
 * all — never some rows of an import, never a duplicate PDF nobody
 * recorded, never a half backup under a backup's name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "cf-demo.h"
#include "cf-partial-file.h"
#include "cf-store-private.h"
#include "cf-test-util.h"

/* Seconds each kind of operation is killed for; three kinds, half a minute. */
#define BUDGET_SECONDS 10
#define MAX_KILLS      25
/* On a loaded machine one run can take the whole budget: whatever the clock
 * says, the tests go on until some runs were killed, up to this many. */
#define MAX_RUNS       40

/* Go on while there is time, or while nothing was killed yet. */
static gboolean
keep_going (gint64 start,
            guint  runs,
            guint  kills)
{
  /* On a server, undoing a killed writer's work is the server's: half the time. */
  gint64 budget = (cf_test_on_server () ? BUDGET_SECONDS / 2 : BUDGET_SECONDS) * G_USEC_PER_SEC;
  gboolean time_left = g_get_monotonic_time () - start < budget;

  return kills < MAX_KILLS && runs < MAX_RUNS && (time_left || kills < 3);
}

/* Runs the program; kills it after @delay_us unless it ended before.
 * Returns whether it was killed. */
static gboolean
run_and_kill (const char * const *argv,
              gint64              delay_us,
              gint64             *took_us)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  GPid pid;
  int status;
  pid_t done = 0;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  while (g_get_monotonic_time () - start < delay_us && (done = waitpid (pid, &status, WNOHANG)) == 0)
    g_usleep (500);
  if (done == 0)
    {
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
    }
  if (took_us != NULL)
    *took_us = g_get_monotonic_time () - start;
  g_spawn_close_pid (pid);
  if (done == 0)
    return TRUE;
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return FALSE;
}

/* The database is sound: the file, the links, the audit chain. */
static void
assert_sound (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = cf_store_open (db_path, &error);
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_no_error (error);
  problems = cf_store_check (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

static gint64
count (const char *db_path,
       const char *sql)
{
  g_autoptr(CfStore) store = cf_store_open (db_path, NULL);

  return cf_test_query_int (store, sql);
}

/* Whether a partial file of @target's name (`.NAME-XXXXXX.partial`) is in @dir. */
static gboolean
has_partial_of (const char *dir,
                const char *target)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s-", target);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix) && cf_partial_file_is_ours (name))
      return TRUE;
  return FALSE;
}

/* A run killed between counting its PIN try and clearing it leaves the try
 * counted (as it must: a try is never lost), so the next run would be told
 * to wait a second. What a manager's unlock does, between runs. */
static void
forget_pin_tries (const char *db_path)
{
  g_autoptr(CfStore) store = cf_store_open (db_path, NULL);

  g_assert_true (cf_store_exec (store, "UPDATE operators SET failed_pins = 0, next_try_at = NULL, locked_until = NULL",
                                NULL));
}

static void
crash_setup (CfTestDb      *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) until = g_date_time_new_local (2026, 11, 28, 22, 0, 0);

  cf_test_db_setup (f, data);
  g_assert_true (cf_demo_populate (f->store, 20000, 11, until, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);
  g_setenv ("COUNTERFOIL_PIN", CF_DEMO_PIN, TRUE);
}

/* A journal of @rows new transactions, numbered from @first. */
static char *
write_journal (const char *dir,
               guint       first,
               guint       rows)
{
  g_autofree char *name = g_strdup_printf ("journal-%u.csv", first);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) text = g_string_new ("date,time,terminal_id,batch_no,trace_no,rrn,card_no,amount,operator\n");

  for (guint i = first; i < first + rows; i++)
    g_string_append_printf (text, "2026-11-29,%02u:%02u:%02u,T9,000001,%06u,%012u,622202******%04u,%u.%02u,099\n",
                            8 + i / 3600 % 12, i / 60 % 60, i % 60, i, 880000000u + i, i % 10000, 1 + i % 700, i % 100);
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  return path;
}

static void
test_killed_imports (CfTestDb      *f,
                     gconstpointer  data)
{
  const guint rows = 20000;
  gint64 start = g_get_monotonic_time ();
  gint64 took = 0;
  guint next = 1, kills = 0, runs = 0;

  /* One run to the end: how long an import takes here. */
  {
    g_autofree char *journal = write_journal (f->dir, next, rows);
    const char *argv[] = { g_getenv ("COUNTERFOIL_EXE"), "--db", f->db_path, "--operator", "099", "import", journal, NULL };

    g_assert_false (run_and_kill (argv, G_MAXINT64, &took));
    next += rows;
  }

  while (keep_going (start, runs++, kills))
    {
      g_autofree char *journal = write_journal (f->dir, next, rows);
      const char *argv[] = { g_getenv ("COUNTERFOIL_EXE"), "--db", f->db_path, "--operator", "099", "import", journal, NULL };
      gint64 txns = count (f->db_path, "SELECT count (*) FROM transactions");
      gint64 imports = count (f->db_path, "SELECT count (*) FROM imports");
      gint64 entries = count (f->db_path, "SELECT count (*) FROM audit_log WHERE action = 'import'");
      gint64 added;

      forget_pin_tries (f->db_path);
      kills += run_and_kill (argv, g_random_int_range (0, (gint32) took), NULL);
      next += rows;
      assert_sound (f->db_path);
      /* The whole file, with its import and audit entry, or none of it. */
      added = count (f->db_path, "SELECT count (*) FROM transactions") - txns;
      g_assert_true (added == 0 || added == rows);
      g_assert_cmpint (count (f->db_path, "SELECT count (*) FROM imports") - imports, ==, added == rows);
      g_assert_cmpint (count (f->db_path, "SELECT count (*) FROM audit_log WHERE action = 'import'") - entries, ==,
                       added == rows);
    }
  g_test_message ("%u imports killed at random points", kills);
  g_assert_cmpuint (kills, >, 0);
}

static void
test_killed_duplicates (CfTestDb      *f,
                        gconstpointer  data)
{
  gint64 start = g_get_monotonic_time ();
  gint64 took = 0;
  guint run = 0, kills = 0;
  gint64 per_run = 0;
  g_autoptr(CfStore) store = cf_store_open (f->db_path, NULL);
  g_autofree char *day = cf_test_query_text (store, "SELECT substr (max (local_time), 1, 10) FROM transactions");

  g_clear_object (&store);
  while (keep_going (start, run, kills))
    {
      g_autofree char *name = g_strdup_printf ("dup-%u.pdf", run);
      g_autofree char *pdf = g_build_filename (f->dir, name, NULL);
      const char *argv[] = { g_getenv ("COUNTERFOIL_EXE"), "--db", f->db_path, "--operator", "099", "duplicate",
                             "--from", day, "--to", day, "--reason", "tax", "--out", pdf, NULL };
      gint64 before = count (f->db_path, "SELECT count (*) FROM duplicates");
      gint64 entries = count (f->db_path, "SELECT count (*) FROM audit_log WHERE action = 'issue-duplicate'");
      gint64 added;
      gboolean killed;

      forget_pin_tries (f->db_path);
      killed = run_and_kill (argv, run == 0 ? G_MAXINT64 : g_random_int_range (0, (gint32) took), run == 0 ? &took : NULL);
      kills += killed;
      assert_sound (f->db_path);
      added = count (f->db_path, "SELECT count (*) FROM duplicates") - before;
      if (run == 0)
        per_run = added;
      /* All the day's duplicates with their audit entries, or none. */
      g_assert_true (added == 0 || added == per_run);
      g_assert_cmpint (count (f->db_path, "SELECT count (*) FROM audit_log WHERE action = 'issue-duplicate'") - entries,
                       ==, added);
      /* No PDF of duplicates that were not recorded. */
      if (added == 0)
        g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
      else
        g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS) || has_partial_of (f->dir, name));
      run++;
    }
  g_test_message ("%u duplicate runs killed at random points", kills);
  g_assert_cmpuint (kills, >, 0);
}

static void
test_killed_backups (CfTestDb      *f,
                     gconstpointer  data)
{
  gint64 start = g_get_monotonic_time ();
  gint64 took = 0;
  guint run = 0, kills = 0;

  if (cf_test_needs_file ())
    return;

  while (keep_going (start, run, kills))
    {
      g_autofree char *name = g_strdup_printf ("backup-%u.db", run);
      g_autofree char *out = g_build_filename (f->dir, name, NULL);
      const char *argv[] = { g_getenv ("COUNTERFOIL_EXE"), "--db", f->db_path, "backup", "--out", out, NULL };

      kills += run_and_kill (argv, run == 0 ? G_MAXINT64 : g_random_int_range (0, (gint32) took), run == 0 ? &took : NULL);
      assert_sound (f->db_path);
      /* A file under the backup's name is a whole, checked backup. */
      if (g_file_test (out, G_FILE_TEST_EXISTS))
        assert_sound (out);
      run++;
    }
  g_test_message ("%u backups killed at random points", kills);
  g_assert_cmpuint (kills, >, 0);
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
  g_test_add ("/crash/killed-imports", CfTestDb, NULL, crash_setup, test_killed_imports, cf_test_db_teardown);
  g_test_add ("/crash/killed-duplicates", CfTestDb, NULL, crash_setup, test_killed_duplicates, cf_test_db_teardown);
  g_test_add ("/crash/killed-backups", CfTestDb, NULL, crash_setup, test_killed_backups, cf_test_db_teardown);

  return g_test_run ();
}
