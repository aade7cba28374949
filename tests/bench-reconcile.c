/* bench-reconcile.c — a month of a four-terminal shop: the acquirer's
 * statement imported onto the terminals' journal, and the month reconciled
 *
 *   bench-reconcile [ROWS]     (100000 by default)
 *
 * Writes a journal of ROWS sales and refunds over 30 days and the
 * acquirer's statement of the same sales (no batch no., 流水号 and 检索号,
 * fees; 0.5 % not settled, 0.5 % settled but not in the journal, 0.1 %
 * settled for another amount), imports the journal, then times importing
 * the statement onto it against the sqlite3 shell's .import of the same
 * statement into a table with as many indexes, and times reconciling the
 * month. Numbers go to docs/BENCHMARKS.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "cf-importer.h"
#include "cf-reconcile.h"
#include "cf-settlement.h"
#include "cf-store.h"

#define DAYS      30
#define TERMINALS 4

static const char *sqlite_schema =
  "PRAGMA journal_mode = WAL;"
  "PRAGMA synchronous = NORMAL;"
  "CREATE TABLE statement (settled TEXT, d TEXT, t TEXT, terminal TEXT, voucher TEXT, ref TEXT, card TEXT,"
  "  type TEXT, amount TEXT, fee TEXT, net TEXT);"
  "CREATE UNIQUE INDEX s_key ON statement (ref, type);"
  "CREATE INDEX s_time ON statement (d, t);"
  "CREATE INDEX s_voucher ON statement (voucher, d);"
  "CREATE INDEX s_ref ON statement (ref);"
  "CREATE INDEX s_card ON statement (card, d);"
  "CREATE INDEX s_amount ON statement (amount, d);"
  "CREATE INDEX s_terminal ON statement (terminal, d);"
  "CREATE INDEX s_type ON statement (type, d);"
  "CREATE INDEX s_fee ON statement (fee, d);"
  "CREATE INDEX s_net ON statement (net, d);"
  "CREATE INDEX s_settled ON statement (settled, d);"
  "CREATE INDEX s_t ON statement (t);"
  "CREATE INDEX s_card2 ON statement (card);";

static void
write_files (const char  *dir,
             guint        n_rows,
             char       **journal_path,
             char       **statement_path)
{
  FILE *journal, *statement;
  GRand *rand = g_rand_new_with_seed (7);

  *journal_path = g_build_filename (dir, "journal.csv", NULL);
  *statement_path = g_build_filename (dir, "statement.csv", NULL);
  journal = fopen (*journal_path, "w");
  statement = fopen (*statement_path, "w");
  g_assert_nonnull (journal);
  g_assert_nonnull (statement);
  fprintf (journal, "交易日期,交易时间,终端号,批次号,凭证号,参考号,授权码,卡号,交易类型,交易金额\n");
  fprintf (statement, "清算日期,交易日期,交易时间,终端编号,流水号,检索号,卡号,交易类型,交易金额,手续费,清算金额\n");
  for (guint i = 0; i < n_rows; i++)
    {
      guint per_day = n_rows / DAYS + 1;
      guint day = i / per_day;
      guint sec = 8 * 3600 + (i % per_day) * (12 * 3600 / per_day);
      guint terminal = 10450001 + i % TERMINALS;
      gint64 amount = g_rand_int_range (rand, 100, 500000);
      gint64 fee = amount * 38 / 10000;
      const char *type = i % 50 == 0 ? "退货" : "消费";
      guint last4 = (guint) g_rand_int_range (rand, 0, 10000);
      char date[9], time[7];
      gboolean journal_has = i % 200 != 7;     /* 0.5 %: the terminal lost it */
      gboolean statement_has = i % 200 != 11;  /* 0.5 %: not settled */
      gint64 settled = i % 1000 == 3 ? amount + 100 : amount;

      g_snprintf (date, sizeof date, "202611%02u", 1 + day % 30);
      g_snprintf (time, sizeof time, "%02u%02u%02u", sec / 3600, (sec / 60) % 60, sec % 60);
      if (journal_has)
        fprintf (journal, "%s,%s,%u,%06u,%06u,%012u,%06u,622202******%04u,%s,%" G_GINT64_FORMAT ".%02u\n",
                 date, time, terminal, 1 + day, i / TERMINALS % 999999 + 1, 300000000u + i,
                 (guint) g_rand_int_range (rand, 0, 1000000), last4, type, amount / 100, (guint) (amount % 100));
      if (statement_has)
        fprintf (statement, "%s,%s,%s,%u,%06u,%012u,622202******%04u,%s,%" G_GINT64_FORMAT ".%02u,%" G_GINT64_FORMAT
                 ".%02u,%" G_GINT64_FORMAT ".%02u\n",
                 date, date, time, terminal, i / TERMINALS % 999999 + 1, 300000000u + i, last4, type,
                 settled / 100, (guint) (settled % 100), fee / 100, (guint) (fee % 100),
                 (settled - fee) / 100, (guint) ((settled - fee) % 100));
    }
  fclose (journal);
  fclose (statement);
  g_rand_free (rand);
}

static double
time_sqlite_import (const char *dir,
                    const char *statement)
{
  g_autofree char *db = g_build_filename (dir, "sqlite-shell.db", NULL);
  g_autofree char *script = g_strdup_printf ("%s\n.import --csv --skip 1 '%s' statement\n", sqlite_schema, statement);
  g_autofree char *script_path = g_build_filename (dir, "import.sql", NULL);
  g_autofree char *command = NULL;
  g_autoptr(GTimer) timer = NULL;

  g_assert_true (g_file_set_contents (script_path, script, -1, NULL));
  command = g_strdup_printf ("sqlite3 '%s' < '%s'", db, script_path);
  timer = g_timer_new ();
  if (system (command) != 0)
    return -1;
  return g_timer_elapsed (timer, NULL);
}

int
main (int    argc,
      char **argv)
{
  guint n_rows = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("counterfoil-bench-XXXXXX", NULL);
  g_autofree char *journal = NULL;
  g_autofree char *statement = NULL;
  g_autofree char *db_path = g_build_filename (dir, "counterfoil.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfImporter) importer = NULL;
  g_autoptr(CfImportReport) first = NULL;
  g_autoptr(CfImportReport) second = NULL;
  g_autoptr(CfReconciliation) r = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GTimer) timer = NULL;
  double ours, theirs, reconcile;

  g_print ("bench-reconcile: writing a month's journal and statement of %u rows...\n", n_rows);
  write_files (dir, n_rows, &journal, &statement);
  theirs = time_sqlite_import (dir, statement);

  store = cf_store_open (db_path, &error);
  g_assert_no_error (error);
  importer = cf_importer_new (store);
  first = cf_importer_import_file (importer, journal, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  timer = g_timer_new ();
  second = cf_importer_import_file (importer, statement, NULL, NULL, NULL, &error);
  ours = g_timer_elapsed (timer, NULL);
  g_assert_no_error (error);

  /* The agreed rate is set, so that every settled sale's fee is checked too. */
  {
    CfFeeRate card = { TRUE, 3800, 0 };  /* the statement charges 0.38 %, truncated */
    g_assert_true (cf_fee_rates_set (store, CF_FEE_KIND_CARD, &card, NULL, &error));
  }
  g_timer_start (timer);
  r = cf_reconcile_compute (store, "2026-11-01 00:00:00", "2026-12-01 00:00:00", NULL, &error);
  g_assert_no_error (error);
  days = cf_settlement_list_days (store, "2026-11-01 00:00:00", "2026-12-01 00:00:00", NULL, &error);
  reconcile = g_timer_elapsed (timer, NULL);
  g_assert_no_error (error);

  g_print ("journal:            %u imported\n", first->imported);
  g_print ("statement onto it:  %.2f s, %u joined, %u imported, %u differ, %u questions, %u rejected\n",
           ours, second->joined, second->imported, second->discrepancies, second->questions, second->rejected);
  if (theirs > 0)
    g_print ("sqlite3 .import:    %.2f s into a table with 13 indexes; ratio %.2fx (target <= 1.25x)\n",
             theirs, ours / theirs);
  g_print ("reconcile a month:  %.2f s: %u matched, %u differ, %u fees off, %u unsettled, %u missing, "
           "%u settlement days (target <= 2 s)\n",
           reconcile, r->count[CF_RECONCILE_MATCHED], r->count[CF_RECONCILE_DIFFERS], r->count[CF_RECONCILE_FEE_DIFFERS],
           r->count[CF_RECONCILE_UNSETTLED], r->count[CF_RECONCILE_MISSING], days->len);

  g_clear_object (&importer);
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (dir);
  }
  return 0;
}
