/* cf-test-util.c — fixtures shared by the tests: a fresh database per test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-audit-anchors.h"
#include "cf-card-number.h"
#include "cf-demo.h"
#include "cf-importer.h"
#include "cf-store-private.h"
#include "cf-test-util.h"

void
cf_test_db_setup (CfTestDb      *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("counterfoil-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = cf_test_on_server () ? cf_test_server_create_db ()
                                          : g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = cf_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

void
cf_test_rm_rf (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        cf_test_rm_rf (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/**
 * cf_test_db_add_demo:
 * @n_transactions: how many
 * @seed: which shop of that size
 *
 * Fills @fixture's database with a demo shop whose last sale is before noon
 * on 2026-11-29, the tests' "today".
 */
void
cf_test_db_add_demo (CfTestDb *fixture,
                     guint     n_transactions,
                     guint32   seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) until = g_date_time_new_local (2026, 11, 29, 12, 0, 0);

  g_assert_true (cf_demo_populate (fixture->store, n_transactions, seed, until, NULL, &error));
  g_assert_no_error (error);
}

void
cf_test_db_teardown (CfTestDb      *fixture,
                     gconstpointer  data)
{
  g_clear_object (&fixture->store);
  if (cf_test_on_server ())
    {
      g_autofree char *anchors = cf_audit_anchors_path (fixture->db_path);

      g_unlink (anchors);
      cf_test_server_drop_db (fixture->db_path);
    }
  cf_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

char *
cf_test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* SHA-256 hashes in hex (the audit chain's, a file's) hold long digit runs
 * by chance; a run inside such a token is not a card number. */
static gboolean
inside_hash (const char *contents,
             gsize       len,
             gsize       start,
             gsize       end)
{
  while (start > 0 && g_ascii_isxdigit (contents[start - 1]))
    start--;
  while (end < len && g_ascii_isxdigit (contents[end]))
    end++;
  return end - start >= 64;
}

/* A PDF's dates are written D:YYYYMMDDHHmmSS: fourteen digits that pass
 * Luhn one second in ten. */
static gboolean
is_pdf_date (const char *contents,
             gsize       start)
{
  return start >= 2 && contents[start - 2] == 'D' && contents[start - 1] == ':';
}

/**
 * cf_test_file_has_pan:
 * @found: (out) (optional): the first full card number found
 *
 * Scans a file's bytes for any Luhn-valid run of 13–19 ASCII digits (a whole
 * run, not part of a longer one or of a hash): what the database and its WAL must never hold.
 */
gboolean
cf_test_file_has_pan (const char  *path,
                      char       **found)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;

  for (gsize i = 0; i < len;)
    {
      gsize start = i;
      gsize run;

      while (i < len && g_ascii_isdigit (contents[i]))
        i++;
      if (i == start)
        {
          i++;
          continue;
        }
      run = i - start;
      if (run >= 13 && run <= 19 && cf_card_number_luhn_valid (contents + start, run) &&
          !inside_hash (contents, len, start, i) && !is_pdf_date (contents, start))
        {
          if (found != NULL)
            *found = g_strndup (contents + start, run);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * cf_test_pan_forms:
 *
 * Returns: the ways of writing a card number that must all be masked, each
 *   holding one of the two cards whose middles cf_test_text_has_pan() knows
 */
const char *const *
cf_test_pan_forms (void)
{
  static const char *const forms[] = {
    "6228480012345678903",
    "6228 4800 1234 5678 903",
    "6228-4800-1234-5678-903",
    "6228.4800.1234.5678.903",
    "6228/4800/1234/5678/903",
    "6228\u20134800\u20131234\u20135678\u2013903",
    "6228\u00a04800\u00a01234\u00a05678\u00a0903",
    "6228\u30004800\u30001234\u30005678\u3000903",
    "6228  4800  1234  5678  903",
    "\uff16\uff12\uff12\uff18\uff14\uff18\uff10\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19\uff10\uff13",
    "\uff16\uff12\uff12\uff18\u3000\uff14\uff18\uff10\uff10\u3000\uff11\uff12\uff13\uff14\u3000\uff15\uff16\uff17\uff18\u3000\uff19\uff10\uff13",
    "0006228480012345678903",
    "6228480012345678903=49121010000012345678",
    "%B6228480012345678903^ZHANG/SAN^4912101000000000000?",
    "Tel 138-0013-8000 6240 6198 4815 1415",
    "2026-11-28 6240 6198 4815 1415",
    "卡号：6228 4800 1234 5678 903，请核对",
    "amount(6228480012345678903)",
    "Card6240619848151415",
    NULL
  };
  return forms;
}

/**
 * cf_test_text_has_pan:
 *
 * Whether @text still shows the middle digits of either card of
 * cf_test_pan_forms(), written in any script with any separators, or the
 * track data after one.
 */
gboolean
cf_test_text_has_pan (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  if (text == NULL)
    return FALSE;
  /* A SHA-256 in hex (the audit chain's hashes) holds digits by chance, in
   * any order: "984815" among them is no card. */
  if (strlen (text) == 64 && strspn (text, "0123456789abcdef") == 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int value = g_unichar_digit_value (g_utf8_get_char (p));
      if (value >= 0)
        g_string_append_c (digits, (char) ('0' + value));
    }
  return strstr (digits->str, "001234567") != NULL ||   /* 6228480012345678903 */
         strstr (digits->str, "984815") != NULL ||      /* 6240619848151415 */
         strstr (digits->str, "4912101") != NULL;       /* its track data */
}

/**
 * cf_test_assert_no_pan_stored:
 *
 * Reads every text value of every table and fails the test on the first
 * that still shows a card number of cf_test_pan_forms().
 */
void
cf_test_assert_no_pan_stored (CfStore *store)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  CfDbStmt *stmt = cf_store_prepare (store, cf_store_is_server (store)
                                              ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema ()"
                                              : "SELECT name FROM sqlite_master WHERE type = 'table'", NULL);

  while (cf_db_step (stmt) == CF_DB_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) cf_db_column_text (stmt, 0)));
  cf_db_finalize (stmt);
  g_assert_cmpuint (tables->len, >, 5);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[t]);

      stmt = cf_store_prepare (store, sql, NULL);
      while (cf_db_step (stmt) == CF_DB_ROW)
        for (int c = 0; c < cf_db_column_count (stmt); c++)
          {
            const char *value = (const char *) cf_db_column_text (stmt, c);
            if (cf_test_text_has_pan (value))
              g_error ("%s.%s holds a card number: %s", (char *) tables->pdata[t], cf_db_column_name (stmt, c), value);
          }
      cf_db_finalize (stmt);
    }
}

static char *
run_for_output (const char * const *argv,
                char              **err,
                int                *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, err, &wait_status, &error))
    g_error ("%s: %s", argv[0], error->message);
  *status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;
  return out;
}

/**
 * cf_test_assert_pdf_valid:
 *
 * Runs poppler (text extraction, document info) and, where it is installed,
 * qpdf --check over @pdf, failing the test on any warning; the document
 * must carry a title, a producer and a creation date.
 *
 * Returns: (transfer full): the text poppler extracts
 */
char *
cf_test_assert_pdf_valid (const char *pdf)
{
  const char *text_argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  const char *info_argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *err = NULL;
  g_autofree char *info = NULL;
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  char *text;
  int status;

  text = run_for_output (text_argv, &err, &status);
  if (status != 0 || *err != '\0')
    g_error ("pdftotext %s: %s", pdf, err);
  g_clear_pointer (&err, g_free);
  info = run_for_output (info_argv, &err, &status);
  if (status != 0 || *err != '\0')
    g_error ("pdfinfo %s: %s", pdf, err);
  g_assert_nonnull (strstr (info, "Title:"));
  g_assert_nonnull (strstr (info, "Producer:        Counterfoil"));
  g_assert_nonnull (strstr (info, "CreationDate:"));

  if (qpdf != NULL)
    {
      const char *qpdf_argv[] = { "qpdf", "--check", pdf, NULL };
      g_autofree char *out = NULL;

      g_clear_pointer (&err, g_free);
      out = run_for_output (qpdf_argv, &err, &status);
      if (status != 0 || *err != '\0' || strstr (out, "WARNING") != NULL)
        g_error ("qpdf --check %s: %s%s", pdf, out, err);
    }
  return text;
}

/**
 * cf_test_import:
 * @name: a file of tests/data, or an absolute path
 *
 * Imports it as operator 001 into the fixture's database.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
CfImportReport *
cf_test_import (CfTestDb   *f,
                const char *name,
                GError    **error)
{
  g_autoptr(CfImporter) importer = cf_importer_new (f->store);
  g_autofree char *path = g_path_is_absolute (name) ? g_strdup (name) : cf_test_data_path (name);

  cf_importer_set_operator (importer, "001");
  return cf_importer_import_file (importer, path, NULL, NULL, NULL, error);
}

gint64
cf_test_query_int (CfStore    *store,
                   const char *sql)
{
  g_autoptr(GError) error = NULL;
  CfDbStmt *stmt = cf_store_prepare (store, sql, &error);
  gint64 value;

  g_assert_no_error (error);
  g_assert_cmpint (cf_db_step (stmt), ==, CF_DB_ROW);
  value = cf_db_column_int64 (stmt, 0);
  cf_db_finalize (stmt);
  return value;
}

char *
cf_test_query_text (CfStore    *store,
                    const char *sql)
{
  g_autoptr(GError) error = NULL;
  CfDbStmt *stmt = cf_store_prepare (store, sql, &error);
  char *value = NULL;

  g_assert_no_error (error);
  if (cf_db_step (stmt) == CF_DB_ROW && cf_db_column_type (stmt, 0) != CF_DB_NULL)
    value = g_strdup ((const char *) cf_db_column_text (stmt, 0));
  cf_db_finalize (stmt);
  return value;
}

/* An operator as a journal names them (or renamed): a role, no PIN.
 * Straight into the table, for fixtures; people are added through cf-auth. */
void
cf_test_add_operator (CfStore    *store,
                      const char *operator_no,
                      const char *name,
                      CfRole      role)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO operators (operator_no, name, role, created_at) "
                                          "VALUES ('%s', '%s', '%s', '2026-01-01T00:00:00Z') "
                                          "ON CONFLICT (operator_no) DO UPDATE SET name = excluded.name, role = excluded.role",
                                          operator_no, name, cf_role_to_nick (role));

  g_assert_true (cf_store_exec (store, sql, NULL));
}

/**
 * cf_test_allow_tampering:
 * @table: a table the database guards (the audit log, signed reports)
 *
 * Lifts the database's guard on @table, as someone with the database's own
 * tools could: SQLite's triggers are dropped, the server's disabled (the
 * audit log keeps the trigger that chains new entries).
 */
void
cf_test_allow_tampering (CfStore    *store,
                         const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  if (cf_store_is_server (store))
    sql = g_strdup_printf ("ALTER TABLE %s DISABLE TRIGGER %s_%s", table, table,
                           g_str_equal (table, "audit_log") ? "kept" : "frozen");
  else
    {
      g_autoptr(GString) drops = g_string_new (NULL);
      g_autofree char *query = g_strdup_printf ("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                                "AND tbl_name = '%s'", table);
      g_autoptr(CfDbStmt) stmt = cf_store_prepare (store, query, &error);

      g_assert_no_error (error);
      while (cf_db_step (stmt) == CF_DB_ROW)
        g_string_append_printf (drops, "DROP TRIGGER %s;", cf_db_column_text (stmt, 0));
      sql = g_string_free (g_steal_pointer (&drops), FALSE);
    }
  g_assert_true (cf_store_exec (store, sql, &error));
  g_assert_no_error (error);
}
