/* cf-test-util.c — fixtures shared by the tests: a fresh database per test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-card-number.h"
#include "cf-store-private.h"
#include "cf-test-util.h"

void
cf_test_db_setup (CfTestDb      *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("counterfoil-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "test.db", NULL);
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

void
cf_test_db_teardown (CfTestDb      *fixture,
                     gconstpointer  data)
{
  g_clear_object (&fixture->store);
  cf_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

char *
cf_test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/**
 * cf_test_file_has_pan:
 * @found: (out) (optional): the first full card number found
 *
 * Scans a file's bytes for any Luhn-valid run of 13–19 ASCII digits (a whole
 * run, not part of a longer one): what the database and its WAL must never hold.
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
      if (run >= 13 && run <= 19 && cf_card_number_luhn_valid (contents + start, run))
        {
          if (found != NULL)
            *found = g_strndup (contents + start, run);
          return TRUE;
        }
    }
  return FALSE;
}

gint64
cf_test_query_int (CfStore    *store,
                   const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cf_store_prepare (store, sql, &error);
  gint64 value;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
cf_test_query_text (CfStore    *store,
                    const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cf_store_prepare (store, sql, &error);
  char *value = NULL;

  g_assert_no_error (error);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
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
