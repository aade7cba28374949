/* bench-server.c — the shop on a PostgreSQL server, beside the same shop in a file
 *
 *   bench-server [ROWS]        (build-aux/dev bench; needs COUNTERFOIL_TEST_SERVER)
 *
 * 1. One journal of ROWS sales (1,000,000 by default) imported with the
 *    command line into a fresh file and into a fresh server database, in
 *    the same run; the target is the server within 2× the file.
 * 2. `find` by reference no. and by card ending, each as a whole process on
 *    the server (start, connect, query, print, exit); the median of nine,
 *    against 50 ms.
 * 3. Four desks issuing duplicates of the same sale at once, on the server:
 *    they must get Nos. 1 to 4 × N, none twice and none skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "cf-auth.h"
#include "cf-store.h"
#include "cf-test-server.h"
#include "cf-test-util.h"

#define PIN "2580"
#define DESK_DUPLICATES 10

static void
write_journal (const char *path,
               guint       rows)
{
  FILE *out = fopen (path, "w");

  g_assert_nonnull (out);
  fputs ("交易日期,交易时间,终端号,操作员,凭证号,参考号,卡号,交易类型,交易金额\n", out);
  for (guint r = 0; r < rows; r++)
    {
      guint day = r / 3000;
      guint second = (r % 3000) * 28;

      fprintf (out, "2026-%02u-%02u,%02u:%02u:%02u,1045%04u,0%u,%06u,%012u,622202******%04u,消费,%u.%02u\n",
               1 + (day / 28) % 12, 1 + day % 28, 7 + second / 3600, (second / 60) % 60, second % 60,
               r % 7, 1 + r % 5, r % 1000000, 300000000 + r, (r * 7919) % 10000, 1 + (r * 13) % 2000, r % 100);
    }
  g_assert_cmpint (fclose (out), ==, 0);
}

static void
add_staff (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = cf_store_open (db, &error);

  g_assert_no_error (error);
  g_assert_true (cf_auth_create_first_manager (store, "099", "店长", PIN, &error));
  for (guint d = 1; d <= 4; d++)
    {
      g_autofree char *no = g_strdup_printf ("0%u", d);
      g_assert_true (cf_auth_save_operator (store, "099", no, no, CF_ROLE_CLERK, PIN, &error));
    }
  g_assert_no_error (error);
}

/* Runs the program to the end; returns the seconds it took. */
static double
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s %s failed: %s", argv[3], argv[4], err);
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
import_into (const char *db,
             const char *journal)
{
  const char *argv[] = { g_getenv ("COUNTERFOIL_EXE"), "--db", db, "--operator", "099", "import", journal, NULL };

  add_staff (db);
  return run (argv);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median_find (const char *db,
             const char *option,
             const char *value)
{
  const char *argv[] = { g_getenv ("COUNTERFOIL_EXE"), "--db", db, "find", option, value, NULL };
  double times[9];

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    times[i] = run (argv);
  qsort (times, G_N_ELEMENTS (times), sizeof times[0], compare_doubles);
  return times[G_N_ELEMENTS (times) / 2];
}

static void
four_desks (const char *db,
            const char *dir)
{
  GPid pids[4];
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;

  for (guint d = 0; d < 4; d++)
    {
      g_autofree char *exe = g_shell_quote (g_getenv ("COUNTERFOIL_EXE"));
      g_autofree char *quoted_db = g_shell_quote (db);
      g_autofree char *script = g_strdup_printf ("set -e; for i in $(seq %u); do %s --db %s --operator 0%u duplicate "
                                                 "--ref 000300000001 --reason customer --out %s/d%u-$i.pdf >/dev/null; done",
                                                 DESK_DUPLICATES, exe, quoted_db, d + 1, dir, d);
      const char *argv[] = { "/bin/sh", "-c", script, NULL };

      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pids[d], &error));
      g_assert_no_error (error);
    }
  for (guint d = 0; d < 4; d++)
    {
      int status;

      waitpid (pids[d], &status, 0);
      g_spawn_close_pid (pids[d]);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    }
  store = cf_store_open (db, &error);
  g_assert_no_error (error);
  printf ("four desks, %u duplicates each of one sale: %.2f s; Nos. %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT
          ", %" G_GINT64_FORMAT " distinct of %" G_GINT64_FORMAT "\n",
          DESK_DUPLICATES, (g_get_monotonic_time () - start) / 1e6,
          cf_test_query_int (store, "SELECT min (number) FROM duplicates"),
          cf_test_query_int (store, "SELECT max (number) FROM duplicates"),
          cf_test_query_int (store, "SELECT count (DISTINCT number) FROM duplicates"),
          cf_test_query_int (store, "SELECT count (*) FROM duplicates"));
  g_assert_cmpint (cf_test_query_int (store, "SELECT max (number) FROM duplicates"), ==, 4 * DESK_DUPLICATES);
  g_assert_cmpint (cf_test_query_int (store, "SELECT count (DISTINCT number) FROM duplicates"), ==, 4 * DESK_DUPLICATES);
}

int
main (int   argc,
      char *argv[])
{
  guint rows = argc > 1 ? (guint) atoi (argv[1]) : 1000000;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("counterfoil-bench-server-XXXXXX", &error);
  g_autofree char *journal = g_build_filename (dir, "journal.csv", NULL);
  g_autofree char *file = g_build_filename (dir, "shop.db", NULL);
  g_autofree char *server = NULL;
  double on_file, on_server;

  if (g_getenv ("COUNTERFOIL_TEST_SERVER") == NULL)
    {
      printf ("bench-server: COUNTERFOIL_TEST_SERVER is not set (build-aux/dev bench starts a cluster)\n");
      return 77;
    }
  g_setenv ("COUNTERFOIL_TEST_ENGINE", "postgres", TRUE);
  g_setenv ("COUNTERFOIL_PIN", PIN, TRUE);
  server = cf_test_server_create_db ();
  write_journal (journal, rows);

  on_file = import_into (file, journal);
  on_server = import_into (server, journal);
  printf ("import of %u rows: file %.2f s (%.0f rows/s), server %.2f s (%.0f rows/s): %.2f×\n",
          rows, on_file, rows / on_file, on_server, rows / on_server, on_server / on_file);

  printf ("find --ref, as a whole process: file %.1f ms, server %.1f ms\n",
          median_find (file, "--ref", "000300000077") * 1e3, median_find (server, "--ref", "000300000077") * 1e3);
  printf ("find --last4, as a whole process: file %.1f ms, server %.1f ms\n",
          median_find (file, "--last4", "4242") * 1e3, median_find (server, "--last4", "4242") * 1e3);

  four_desks (server, dir);

  cf_test_server_drop_db (server);
  cf_test_rm_rf (dir);
  return 0;
}
