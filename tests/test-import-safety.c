/* test-import-safety.c — what an import must never do: store a card
 * number, store a file twice, keep half a file after a cancel or a
 * failure, or hold the shop while a dry run reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-importer.h"
#include "cf-store-private.h"
#include "cf-test-util.h"

static void
assert_no_pan_in_database (CfTestDb *f)
{
  g_autofree char *wal = g_strconcat (f->db_path, "-wal", NULL);
  g_autofree char *found = NULL;

  /* On a server, every text column is read instead of the file's bytes. */
  if (cf_test_on_server ())
    {
      g_autoptr(CfStore) store = cf_store_open (f->db_path, NULL);

      g_assert_nonnull (store);
      cf_test_assert_no_pan_stored (store);
      return;
    }
  g_assert_true (g_file_test (f->db_path, G_FILE_TEST_EXISTS));
  if (cf_test_file_has_pan (f->db_path, &found) || cf_test_file_has_pan (wal, &found))
    g_error ("a full card number reached the database: %s", found);
}

static void
test_full_card_numbers_never_stored (CfTestDb      *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) report = cf_test_import (f, "full-pans-semicolon.csv", &error);
  g_autoptr(CfImportReport) zh = cf_test_import (f, "statement-zh-gb18030.csv", &error);
  g_autofree char *source = cf_test_data_path ("full-pans-semicolon.csv");

  g_assert_no_error (error);
  /* The fixture does hold full numbers, or this test would prove nothing. */
  g_assert_true (cf_test_file_has_pan (source, NULL));

  g_assert_cmpuint (report->masked_pans, ==, 5);
  g_assert_cmpuint (report->imported, ==, 2);
  g_assert_cmpuint (report->rejected, ==, 1);
  for (guint i = 0; i < report->rejects->len; i++)
    {
      const CfImportReject *r = g_ptr_array_index (report->rejects, i);
      g_assert_null (strstr (r->raw_text, "4111111111111111"));
      g_assert_nonnull (strstr (r->raw_text, "411111******1111"));
    }

  assert_no_pan_in_database (f);
  g_clear_object (&f->store);
  assert_no_pan_in_database (f);
}

/* Every way of writing a card number, in every column of a journal (and in
 * the header and the file's name): the row is either stored with the
 * number masked or refused with a reason, and no table holds it whole. */
static void
test_card_numbers_in_every_field (CfTestDb      *f,
                                  gconstpointer  data)
{
  static const char *const columns[] = {
    "date", "time", "merchant_id", "merchant_name", "terminal_id", "operator", "batch_no", "trace_no",
    "rrn", "auth_code", "card_no", "card_type", "issuer", "acquirer", "transaction_type", "amount", "fee",
    "status", "currency", "transaction_id",
  };
  static const char *const normal[] = {
    "2026-11-28", "09:15:02", "898310048160001", "Corner Shop", "10450001", "01", "000123", NULL,
    NULL, "A1B2C3", "622202******0128", "Debit", "ICBC", "UMS", "SALE", "88.50", "0.34",
    "OK", "CNY", NULL,
  };
  const char *const *forms = cf_test_pan_forms ();
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autofree char *name = g_build_filename (f->dir, "journal 6228-4800-1234-5678-903.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) report = NULL;
  guint n_rows = 0;

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    g_string_append_printf (csv, "%s%s", c > 0 ? "," : "", columns[c]);
  g_string_append (csv, ",memo(6228480012345678903)\n");

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    for (guint k = 0; forms[k] != NULL; k++)
      {
        n_rows++;
        for (guint d = 0; d < G_N_ELEMENTS (columns); d++)
          {
            g_autofree char *own = NULL;
            const char *cell = normal[d];

            if (d == c)
              cell = forms[k];
            else if (g_str_equal (columns[d], "trace_no"))
              cell = own = g_strdup_printf ("%06u", n_rows);
            else if (g_str_equal (columns[d], "rrn"))
              cell = own = g_strdup_printf ("3328%08u", n_rows);
            else if (g_str_equal (columns[d], "transaction_id"))
              cell = own = g_strdup_printf ("T%u", n_rows);
            g_string_append_printf (csv, "%s\"%s\"", d > 0 ? "," : "", cell);
          }
        g_string_append (csv, ",\"memo\"\n");
      }
  g_assert_true (g_file_set_contents (name, csv->str, (gssize) csv->len, NULL));
  g_assert_true (cf_test_text_has_pan (csv->str));

  report = cf_test_import (f, name, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows, ==, n_rows);
  g_assert_cmpuint (report->imported + report->rejected + report->duplicates + report->conflicts, ==, n_rows);
  g_assert_cmpuint (report->imported, >, 0);
  g_assert_cmpuint (report->rejected, >, 0);
  g_assert_false (cf_test_text_has_pan (report->file));
  for (guint i = 0; i < report->rejects->len; i++)
    {
      const CfImportReject *r = g_ptr_array_index (report->rejects, i);
      g_assert_false (cf_test_text_has_pan (r->reason));
      g_assert_false (cf_test_text_has_pan (r->raw_text));
      g_assert_false (cf_test_text_has_pan (r->column));
    }
  /* A card number in an amount column is refused, never read as an amount. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM transactions WHERE abs (amount_minor) > 100000000"), ==, 0);
  cf_test_assert_no_pan_stored (f->store);
  {
    const char *files[] = { f->db_path, "-wal" };
    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *path = i == 0 ? g_strdup (f->db_path) : g_strconcat (f->db_path, files[i], NULL);
        g_autofree char *bytes = NULL;
        gsize len = 0;

        if (!g_file_get_contents (path, &bytes, &len, NULL))
          continue;
        g_assert_null (memmem (bytes, len, "001234567", 9));
        g_assert_null (memmem (bytes, len, "984815", 6));
      }
  }
}

/* Lines in the other encoding (a row pasted in from another export) are
 * refused, never stored as mojibake; the rest are read as the file is. */

static void
test_reimport_adds_nothing (CfTestDb      *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) first = cf_test_import (f, "journal-en.csv", &error);
  g_autoptr(CfImportReport) again = cf_test_import (f, "journal-en.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (first->imported, ==, 5);
  g_assert_cmpuint (again->imported, ==, 0);
  g_assert_cmpuint (again->duplicates, ==, 5);
  g_assert_cmpuint (again->conflicts, ==, 0);
  g_assert_cmpstr (again->sha256, ==, first->sha256);
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 5);
}


/* On a server a journal goes in batches, each on its way while the next
 * rows are read: a row the schema refuses, in a batch on its way or in the
 * last, is kept aside, the others go in, and the report keeps the file's
 * order. */
static void
test_refused_rows_in_order (CfTestDb      *f,
                            gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("date,time,terminal_id,operator,trace_no,rrn,card_no,transaction_type,amount\n");
  g_autofree char *path = g_build_filename (f->dir, "big.csv", NULL);
  g_autoptr(CfImporter) importer = NULL;
  g_autoptr(CfImportReport) report = NULL;
  g_autoptr(CfImportReport) again = NULL;
  g_autoptr(GError) error = NULL;
  const guint refused[] = { 2, 701, 1152 };

  if (!cf_test_on_server ())
    {
      g_test_skip ("a server's batches");
      return;
    }
  for (guint r = 0; r < 1300; r++)
    {
      /* Lines are r + 2; three rows carry the amount the server refuses. */
      gboolean bad = r + 2 == refused[0] || r + 2 == refused[1] || r + 2 == refused[2];

      g_string_append_printf (csv, "2026-11-20,%02u:%02u:%02u,10450001,01,%06u,%012u,622202******%04u,SALE,%s\n",
                              r / 3600, r / 60 % 60, r % 60, r, 700000000 + r, r % 10000,
                              bad ? "123.45" : r % 100 == 45 ? "10.46" : "10.45");
    }
  g_assert_true (g_file_set_contents (path, csv->str, -1, NULL));
  g_assert_true (cf_store_exec (f->store, "ALTER TABLE transactions ADD CONSTRAINT no_12345 "
                                          "CHECK (amount_minor <> 12345)", &error));
  importer = cf_importer_new (f->store);
  report = cf_importer_import_file (importer, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 1297);
  g_assert_cmpuint (report->rejected, ==, 3);
  g_assert_cmpuint (report->rejects->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_cmpuint (((CfImportReject *) report->rejects->pdata[i])->line, ==, refused[i]);
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 1297);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM import_rejects"), ==, 3);

  /* Again: every row the server took is a duplicate, the others refused again. */
  again = cf_importer_import_file (importer, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->imported, ==, 0);
  g_assert_cmpuint (again->duplicates, ==, 1297);
  g_assert_cmpuint (again->rejected, ==, 3);
}

static void
test_dry_run_stores_nothing (CfTestDb      *f,
                             gconstpointer  data)
{
  g_autoptr(CfImporter) importer = cf_importer_new (f->store);
  g_autofree char *path = cf_test_data_path ("journal-en.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) report = NULL;

  cf_importer_set_dry_run (importer, TRUE);
  report = cf_importer_import_file (importer, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (report->dry_run);
  g_assert_cmpuint (report->imported, ==, 5);
  g_assert_cmpuint (report->rejected, ==, 4);
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM imports"), ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log"), ==, 0);
}

static void
test_unreadable_files_store_nothing (CfTestDb      *f,
                                     gconstpointer  data)
{
  static const struct { const char *name; int code; const char *says; } cases[] = {
    { "no-header.csv", CF_IMPORT_ERROR_NO_HEADER, "header" },
    { "no-key-column.csv", CF_IMPORT_ERROR_NO_KEY_COLUMN, "voucher" },
    { "unterminated-quote.csv", CF_IMPORT_ERROR_READ, "line 2" },
    { "does-not-exist.csv", CF_IMPORT_ERROR_READ, "does-not-exist.csv" },
    { "empty.csv", CF_IMPORT_ERROR_NO_HEADER, "empty" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) good = cf_test_import (f, "excel-unicode.txt", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CfImportReport) report = cf_test_import (f, cases[i].name, &error);

      g_test_message ("%s: %s", cases[i].name, error != NULL ? error->message : "(no error)");
      g_assert_null (report);
      g_assert_error (error, CF_IMPORT_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_clear_error (&error);
    }

  /* What was stored before is untouched. */
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 2);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM imports"), ==, 1);
}

static char *
write_big_journal (const char *dir,
                   guint       n_rows)
{
  g_autofree char *path = g_build_filename (dir, "big.csv", NULL);
  GString *text = g_string_new ("date,time,terminal_id,batch_no,trace_no,rrn,card_no,amount\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "2026-11-28,10:%02u:%02u,T1,000001,%06u,%012" G_GUINT64_FORMAT ",622202******%04u,%u.%02u\n",
                            (i / 60) % 60, i % 60, i + 1, (guint64) 330000000000u + i, i % 10000, 1 + i % 900, i % 100);
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  g_string_free (text, TRUE);
  return g_steal_pointer (&path);
}

static void
cancel_on_progress (guint    file_index,
                    double   fraction,
                    gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static void
test_cancel_leaves_nothing (CfTestDb      *f,
                            gconstpointer  data)
{
  g_autofree char *path = write_big_journal (f->dir, 20000);
  g_autoptr(CfImporter) importer = cf_importer_new (f->store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportReport) report = NULL;

  report = cf_importer_import_file (importer, path, cancellable, cancel_on_progress, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM imports"), ==, 0);

  /* And the same file imports whole afterwards. */
  g_clear_error (&error);
  g_clear_pointer (&report, cf_import_report_unref);
  report = cf_importer_import_file (importer, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 20000);
}

typedef struct
{
  GMainLoop *loop;
  GPtrArray *reports;
  GError    *error;
  guint      progress_calls;
  double     last_fraction;
} AsyncState;

static void
async_progress (guint    file_index,
                double   fraction,
                gpointer user_data)
{
  AsyncState *state = user_data;

  /* Delivered in the caller's context, the main thread. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  state->progress_calls++;
  state->last_fraction = fraction;
}

static void
async_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncState *state = user_data;

  state->reports = cf_importer_import_files_finish (CF_IMPORTER (source), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_async_import (CfTestDb      *f,
                   gconstpointer  data)
{
  g_autofree char *big = write_big_journal (f->dir, 10000);
  g_autofree char *bad = cf_test_data_path ("no-header.csv");
  const char *paths[] = { big, bad, NULL };
  g_autoptr(CfImporter) importer = cf_importer_new (f->store);
  AsyncState state = { g_main_loop_new (NULL, FALSE), NULL, NULL, 0, 0 };
  CfImportReport *r;

  cf_importer_import_files_async (importer, paths, NULL, async_progress, &state, NULL, async_done, &state);
  g_main_loop_run (state.loop);

  g_assert_no_error (state.error);
  g_assert_cmpuint (state.reports->len, ==, 2);
  r = g_ptr_array_index (state.reports, 0);
  g_assert_null (r->error_message);
  g_assert_cmpuint (r->imported, ==, 10000);
  r = g_ptr_array_index (state.reports, 1);
  g_assert_nonnull (r->error_message);
  g_assert_cmpuint (state.progress_calls, >, 1);
  g_assert_cmpfloat (state.last_fraction, ==, 1.0);

  /* The worker's connection committed; this one sees the rows. */
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 10000);

  g_ptr_array_unref (state.reports);
  g_main_loop_unref (state.loop);
}

typedef struct
{
  AsyncState  async;
  const char *db_path;
  gboolean    tried;
  gboolean    could_write;
} DryRunState;

static void
dry_run_progress (guint    file_index,
                  double   fraction,
                  gpointer user_data)
{
  DryRunState *state = user_data;

  async_progress (file_index, fraction, &state->async);
  if (!state->tried && fraction > 0 && fraction < 1)
    {
      g_autoptr(CfStore) other = cf_store_open (state->db_path, NULL);

      cf_store_set_busy_timeout (other, 0);
      state->tried = TRUE;
      state->could_write = cf_store_exec (other, "BEGIN IMMEDIATE", NULL) && cf_store_exec (other, "ROLLBACK", NULL);
    }
}

/* A dry run holds no write lock on the shop while it reads a big file
 * (others go on writing, a clerk can sign in), and still counts what the
 * shop holds as stored. */
static void
test_dry_run_leaves_the_shop_writable (CfTestDb      *f,
                                       gconstpointer  data)
{
  g_autofree char *big = write_big_journal (f->dir, 30000);
  const char *paths[] = { big, NULL };
  g_autoptr(CfImporter) first = cf_importer_new (f->store);
  g_autoptr(CfImporter) dry = cf_importer_new (f->store);
  g_autoptr(CfImportReport) stored = NULL;
  g_autoptr(GError) error = NULL;
  DryRunState state = { { g_main_loop_new (NULL, FALSE), NULL, NULL, 0, 0 }, f->db_path, FALSE, FALSE };
  CfImportReport *r;

  cf_importer_set_operator (first, "001");
  stored = cf_importer_import_file (first, big, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->imported, ==, 30000);

  cf_importer_set_dry_run (dry, TRUE);
  cf_importer_import_files_async (dry, paths, NULL, dry_run_progress, &state, NULL, async_done, &state.async);
  g_main_loop_run (state.async.loop);
  g_assert_no_error (state.async.error);
  g_assert_true (state.tried);
  g_assert_true (state.could_write);
  r = g_ptr_array_index (state.async.reports, 0);
  g_assert_cmpuint (r->imported, ==, 0);
  g_assert_cmpuint (r->duplicates, ==, 30000);
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 30000);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM imports"), ==, 1);

  g_ptr_array_unref (state.async.reports);
  g_main_loop_unref (state.async.loop);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, CfTestDb, NULL, cf_test_db_setup, func, cf_test_db_teardown)
  ADD ("/import/full-card-numbers-never-stored", test_full_card_numbers_never_stored);
  ADD ("/import/reimport-adds-nothing", test_reimport_adds_nothing);
  ADD ("/import/refused-rows-in-order", test_refused_rows_in_order);
  ADD ("/import/card-numbers-in-every-field", test_card_numbers_in_every_field);
  ADD ("/import/dry-run-stores-nothing", test_dry_run_stores_nothing);
  ADD ("/import/unreadable-files-store-nothing", test_unreadable_files_store_nothing);
  ADD ("/import/cancel-leaves-nothing", test_cancel_leaves_nothing);
  ADD ("/import/async", test_async_import);
  ADD ("/import/dry-run-leaves-the-shop-writable", test_dry_run_leaves_the_shop_writable);
#undef ADD

  return g_test_run ();
}
