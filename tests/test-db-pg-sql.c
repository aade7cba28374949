/* test-db-pg-sql.c — the services' SQL as a PostgreSQL server reads it
 *
 * Each rewrite of cf-db-pg-sql.c, on the statements the services write:
 * what changes, and what must not (quoted text, comments, a column that
 * merely looks like a keyword).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cf-db-pg.h"

static gboolean
every_table_has_id (const char *table,
                    gpointer    user_data)
{
  return !g_str_equal (table, "settings");
}

static void
assert_translated (const char *sqlite,
                   const char *server,
                   int         n_params,
                   gboolean    returns_id)
{
  int n = -1;
  gboolean adds_id = FALSE;
  g_autofree char *out = cf_db_pg_translate (sqlite, every_table_has_id, NULL, &n, &adds_id);

  g_assert_cmpstr (out, ==, server);
  g_assert_cmpint (n, ==, n_params);
  g_assert_cmpint (adds_id, ==, returns_id);
}

static void
test_placeholders (void)
{
  assert_translated ("SELECT a FROM t WHERE b = ? AND c = ?", "SELECT a FROM t WHERE b = $1 AND c = $2", 2, FALSE);
  assert_translated ("SELECT ?2, ?1, ?", "SELECT $2, $1, $3", 3, FALSE);
  /* A question mark in quoted text is text. */
  assert_translated ("SELECT 'why?' || ?", "SELECT 'why?' || $1", 1, FALSE);
  assert_translated ("SELECT 'it''s ?' FROM t WHERE x = ?", "SELECT 'it''s ?' FROM t WHERE x = $1", 1, FALSE);
  /* Nothing else says what type a parameter tested for NULL is. */
  assert_translated ("SELECT 1 WHERE ?1 IS NULL OR x = ?1", "SELECT 1 WHERE CAST ($1 AS text) IS NULL OR x = $1", 1, FALSE);
}

static void
test_comparisons (void)
{
  assert_translated ("SELECT 1 FROM t WHERE a IS ?", "SELECT 1 FROM t WHERE a IS NOT DISTINCT FROM $1", 1, FALSE);
  assert_translated ("SELECT 1 FROM t WHERE a IS NOT ?", "SELECT 1 FROM t WHERE a IS DISTINCT FROM $1", 1, FALSE);
  assert_translated ("SELECT 1 FROM t r WHERE r.a IS t.a", "SELECT 1 FROM t r WHERE r.a IS NOT DISTINCT FROM t.a", 0, FALSE);
  /* IS NULL and IS NOT NULL stay. */
  assert_translated ("SELECT 1 FROM t WHERE a IS NULL AND b IS NOT NULL", "SELECT 1 FROM t WHERE a IS NULL AND b IS NOT NULL",
                     0, FALSE);
  assert_translated ("SELECT 1 FROM t WHERE a LIKE 'x%'", "SELECT 1 FROM t WHERE a ILIKE 'x%'", 0, FALSE);
  /* SQLite's "use no index here" means nothing on a server. */
  assert_translated ("SELECT 1 FROM t WHERE +t.a = 1 AND b = 2 + 3", "SELECT 1 FROM t WHERE t.a = 1 AND b = 2 + 3", 0, FALSE);
}

static void
test_functions_and_names (void)
{
  assert_translated ("SELECT instr (a, char (31)) FROM main.t", "SELECT strpos (a, chr (31)) FROM t", 0, FALSE);
  assert_translated ("SELECT date (?1, '+1 day'), datetime (x, 'localtime')",
                     "SELECT cf_date ($1, '+1 day'), cf_datetime (x, 'localtime')", 1, FALSE);
  /* A column called date is a column. */
  assert_translated ("SELECT t.date, date FROM t", "SELECT t.date, date FROM t", 0, FALSE);
  assert_translated ("SELECT last_insert_rowid ()", "SELECT lastval ()", 0, FALSE);
  /* An unnamed subquery in FROM gets a name; a named one keeps its own. */
  assert_translated ("SELECT x FROM (SELECT 1 AS x)", "SELECT x FROM (SELECT 1 AS x) AS cf_subquery_1", 0, FALSE);
  assert_translated ("SELECT x FROM (SELECT 1 AS x) s WHERE x = 1", "SELECT x FROM (SELECT 1 AS x) s WHERE x = 1", 0, FALSE);
  assert_translated ("SELECT count (*) FROM (SELECT 1) WHERE 1 = 1",
                     "SELECT count (*) FROM (SELECT 1) AS cf_subquery_1 WHERE 1 = 1", 0, FALSE);
}

static void
test_inserts (void)
{
  /* The last insert's id comes back, as sqlite3_last_insert_rowid (). */
  assert_translated ("INSERT INTO shifts (a) VALUES (?)", "INSERT INTO shifts (a) VALUES ($1) RETURNING id", 1, TRUE);
  assert_translated ("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                     "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                     2, FALSE);
  assert_translated ("INSERT OR IGNORE INTO shift_terminals (a, b) VALUES (?, ?);",
                     "INSERT INTO shift_terminals (a, b) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id", 2, TRUE);
  /* A statement that says what it returns is left to say it. */
  assert_translated ("INSERT INTO transactions (a) VALUES (?) RETURNING source_line, id",
                     "INSERT INTO transactions (a) VALUES ($1) RETURNING source_line, id", 1, FALSE);
  assert_translated ("PRAGMA foreign_keys = ON", "", 0, FALSE);
  /* Comments and their question marks stay comments. */
  assert_translated ("SELECT 1 -- why?\nFROM t WHERE a = ?", "SELECT 1 -- why?\nFROM t WHERE a = $1", 1, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/db-pg-sql/placeholders", test_placeholders);
  g_test_add_func ("/db-pg-sql/comparisons", test_comparisons);
  g_test_add_func ("/db-pg-sql/functions-and-names", test_functions_and_names);
  g_test_add_func ("/db-pg-sql/inserts", test_inserts);
  return g_test_run ();
}
