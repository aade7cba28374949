/* bench-import.c — importing a million journal rows, beside sqlite3's own .import
 *
 * Writes a realistic journal (Chinese headers, quoted amounts, masked cards),
 * imports it with Counterfoil into a fresh database, then has the sqlite3
 * shell .import the same file into a table with as many indexes, and prints
 * both times and their ratio. The target is a ratio of at most 1.5.
 *
 *   build-aux/dev bench            (or: bench-import [ROWS])
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "cf-importer.h"
#include "cf-store.h"

static const char *sqlite_schema =
  "PRAGMA journal_mode = WAL;"
  "PRAGMA synchronous = NORMAL;"
  "CREATE TABLE journal (d TEXT, t TEXT, merchant TEXT, terminal TEXT, operator TEXT, batch TEXT, voucher TEXT,"
  "  ref TEXT, auth TEXT, card TEXT, kind TEXT, issuer TEXT, type TEXT, amount TEXT, fee TEXT, status TEXT);"
  "CREATE UNIQUE INDEX j_key ON journal (terminal, batch, voucher);"
  "CREATE INDEX j_time ON journal (d, t);"
  "CREATE INDEX j_voucher ON journal (voucher, d);"
  "CREATE INDEX j_ref ON journal (ref);"
  "CREATE INDEX j_auth ON journal (auth, d);"
  "CREATE INDEX j_card ON journal (card, d);"
  "CREATE INDEX j_amount ON journal (amount, d);"
  "CREATE INDEX j_terminal ON journal (terminal, d);"
  "CREATE INDEX j_operator ON journal (operator, d);"
  "CREATE INDEX j_type ON journal (type, d);"
  "CREATE INDEX j_kind ON journal (kind, d);"
  /* Counterfoil's twelfth, on the payment method: here on a column as uniform;
   * and its thirteenth, on the source's own id. */
  "CREATE INDEX j_status ON journal (status, d);"
  "CREATE INDEX j_merchant ON journal (merchant);";

static char *
write_journal (const char *dir,
               guint       n_rows)
{
  g_autofree char *path = g_build_filename (dir, "journal.csv", NULL);
  FILE *out = fopen (path, "w");
  GRand *rand = g_rand_new_with_seed (42);
  static const char *issuers[] = { "中国工商银行", "中国建设银行", "招商银行", "交通银行", "中国银行" };
  static const char *first6[] = { "622202", "621700", "622588", "625907", "621661" };

  g_assert_nonnull (out);
  fprintf (out, "交易日期,交易时间,商户编号,终端号,操作员,批次号,凭证号,参考号,授权码,卡号,卡类别,发卡行,交易类型,交易金额,手续费,交易状态\n");
  for (guint i = 0; i < n_rows; i++)
    {
      guint day = i / 3000;
      guint sec = (i % 3000) * 28;
      guint terminal = i % 8;
      guint k = (guint) g_rand_int_range (rand, 0, 5);
      gint64 amount = g_rand_int_range (rand, 100, 500000);

      fprintf (out, "%04u%02u%02u,%02u:%02u:%02u,898310048160001,%08u,%03u,%06u,%06u,%012u,%06u,%s******%04u,借记卡,%s,%s,\"%s%0*" G_GINT64_FORMAT ".%02u\",%.2f,成功\n",
               2024 + day / 336, 1 + (day / 28) % 12, 1 + day % 28,
               sec / 3600, (sec / 60) % 60, sec % 60,
               10450000 + terminal, 1 + (guint) g_rand_int_range (rand, 0, 9), 1 + day, i / 8 + 1,
               300000000u + i, (guint) g_rand_int_range (rand, 0, 1000000),
               first6[k], (guint) g_rand_int_range (rand, 0, 10000), issuers[k],
               i % 50 == 0 ? "退货" : "消费",
               amount >= 100000 ? "1," : "", amount >= 100000 ? 3 : 1,
               amount >= 100000 ? (amount / 100) % 1000 : amount / 100,
               (guint) (amount % 100), amount * 0.0038 / 100.0);
    }
  fclose (out);
  g_rand_free (rand);
  return g_steal_pointer (&path);
}

static double
time_sqlite_import (const char *dir,
                    const char *journal)
{
  g_autofree char *db = g_build_filename (dir, "sqlite-shell.db", NULL);
  g_autofree char *script = g_strdup_printf ("%s\n.import --csv --skip 1 '%s' journal\n", sqlite_schema, journal);
  g_autofree char *script_path = g_build_filename (dir, "import.sql", NULL);
  g_autofree char *command = NULL;
  g_autoptr(GTimer) timer = NULL;
  int status;

  g_assert_true (g_file_set_contents (script_path, script, -1, NULL));
  command = g_strdup_printf ("sqlite3 '%s' < '%s'", db, script_path);
  timer = g_timer_new ();
  status = system (command);
  if (status != 0)
    {
      g_printerr ("bench-import: the sqlite3 shell failed (%d); is the sqlite3 package installed?\n", status);
      return -1;
    }
  return g_timer_elapsed (timer, NULL);
}

int
main (int    argc,
      char **argv)
{
  guint n_rows = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  g_autofree char *dir = g_dir_make_tmp ("counterfoil-bench-XXXXXX", NULL);
  g_autofree char *journal = NULL;
  g_autofree char *db_path = g_build_filename (dir, "counterfoil.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfImporter) importer = NULL;
  g_autoptr(CfImportReport) report = NULL;
  g_autoptr(GTimer) timer = NULL;
  struct rusage usage;
  double ours, theirs;
  GStatBuf st;

  g_print ("bench-import: writing a journal of %u rows...\n", n_rows);
  journal = write_journal (dir, n_rows);
  g_stat (journal, &st);

  theirs = time_sqlite_import (dir, journal);

  store = cf_store_open (db_path, &error);
  g_assert_no_error (error);
  importer = cf_importer_new (store);
  timer = g_timer_new ();
  report = cf_importer_import_file (importer, journal, NULL, NULL, NULL, &error);
  ours = g_timer_elapsed (timer, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported + report->rejected + report->duplicates, ==, n_rows);
  getrusage (RUSAGE_SELF, &usage);

  g_print ("file:               %.1f MB, %u rows\n", st.st_size / 1e6, n_rows);
  g_print ("counterfoil import: %.2f s (%.0f rows/s), %u imported, %u rejected, peak RSS %ld MB\n",
           ours, n_rows / ours, report->imported, report->rejected, usage.ru_maxrss / 1024);
  if (theirs > 0)
    g_print ("sqlite3 .import:    %.2f s into a table with 13 indexes\n"
             "ratio:              %.2fx (target <= 1.5x)\n", theirs, ours / theirs);

  g_clear_object (&importer);
  g_clear_object (&store);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (cmd) != 0)
      g_printerr ("bench-import: could not remove %s\n", dir);
  }
  return theirs > 0 && ours / theirs > 1.5 ? 1 : 0;
}
