/* test-store.c — opening, migrating and guarding the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <time.h>
#include <utime.h>

#include "cf-card-number.h"
#include "cf-demo.h"
#include "cf-store-private.h"
#include "cf-partial-file.h"
#include "cf-test-util.h"
#include "cf-transaction-query.h"
#include "cf-transaction.h"

static void
test_new_database_is_migrated (CfTestDb      *f,
                               gconstpointer  data)
{
  g_assert_cmpint (cf_store_get_schema_version (f->store), ==, CF_STORE_SCHEMA_VERSION);
  if (cf_test_on_server ())
    {
      g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM information_schema.tables "
                                                     "WHERE table_schema = current_schema () AND table_name IN "
                                                     "('merchants','terminals','operators','imports','import_rejects',"
                                                     "'transactions','audit_log','settings')"), ==, 8);
      g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM pg_indexes WHERE tablename = 'transactions' "
                                                     "AND indexname LIKE 'transactions\\_%' AND indexname NOT LIKE '%key'"), ==, 14);
      return;
    }
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                                                 "('merchants','terminals','operators','imports','import_rejects',"
                                                 "'transactions','audit_log','settings')"), ==, 8);
  g_assert_cmpint (cf_test_query_int (f->store, "PRAGMA foreign_keys"), ==, 1);
  {
    g_autofree char *mode = cf_test_query_text (f->store, "PRAGMA journal_mode");
    g_assert_cmpstr (mode, ==, "wal");
  }
  /* Every search key has an index: twelve, and two partial ones for the
   * shop's and the channel's order numbers that journals leave empty. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                                                 "AND tbl_name = 'transactions' AND name LIKE 'transactions_%'"), ==, 14);
}

static void
test_reopen_keeps_data (CfTestDb      *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_store_set_setting (f->store, "merchant.name", "测试商店", &error));
  g_clear_object (&f->store);

  f->store = cf_store_open (f->db_path, &error);
  g_assert_no_error (error);
  {
    g_autofree char *name = cf_store_get_setting (f->store, "merchant.name");
    g_assert_cmpstr (name, ==, "测试商店");
  }
}

static void
test_newer_schema_refused_untouched (CfTestDb      *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autofree char *wal = g_strconcat (f->db_path, "-wal", NULL);

  if (cf_test_needs_file ())
    return;

  g_assert_true (cf_store_exec (f->store, "PRAGMA user_version = 99", &error));
  g_clear_object (&f->store);  /* checkpoints and removes the WAL */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_get_contents (f->db_path, &before, &before_len, NULL));
  again = cf_store_open (f->db_path, &error);
  g_assert_null (again);
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer"));
  g_assert_true (g_file_get_contents (f->db_path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_foreign_files_refused (CfTestDb      *f,
                            gconstpointer  data)
{
  g_autofree char *text_file = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *other_db = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  sqlite3 *db = NULL;
  g_autofree char *contents = NULL;

  if (cf_test_needs_file ())
    return;

  g_assert_true (g_file_set_contents (text_file, "this is not a database, just words words words", -1, NULL));
  store = cf_store_open (text_file, &error);
  g_assert_null (store);
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_OURS);
  g_assert_true (g_file_get_contents (text_file, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "this is not a database, just words words words");
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (other_db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE customers (id INTEGER)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = cf_store_open (other_db, &error);
  g_assert_null (store);
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_OURS);
}

static void
test_constraints_hold (CfTestDb      *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* A full card number cannot be stored even by a bug upstream. */
  g_assert_false (cf_store_exec (f->store,
                                 "INSERT INTO transactions (natural_key, local_time, type, amount_minor, currency, card_last4) "
                                 "VALUES ('k1', '2026-11-28 10:00:00', 'sale', 100, 'CNY', '4111111111111111')", &error));
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_SQL);
  g_clear_error (&error);

  g_assert_false (cf_store_exec (f->store,
                                 "INSERT INTO transactions (natural_key, local_time, type, amount_minor, currency) "
                                 "VALUES ('k2', '28/11/2026', 'sale', 100, 'CNY')", &error));
  g_clear_error (&error);
  g_assert_false (cf_store_exec (f->store,
                                 "INSERT INTO transactions (natural_key, local_time, type, amount_minor, currency) "
                                 "VALUES ('k3', '2026-11-28 10:00:00', 'gift', 100, 'CNY')", &error));
  g_clear_error (&error);
  g_assert_false (cf_store_exec (f->store,
                                 "INSERT INTO import_rejects (import_id, kind, line, raw_text, reason) "
                                 "VALUES (4242, 'rejected', 1, 'x', 'y')", &error));
  g_clear_error (&error);

  g_assert_true (cf_store_exec (f->store,
                                "INSERT INTO transactions (natural_key, local_time, type, amount_minor, currency) "
                                "VALUES ('k4', '2026-11-28 10:00:00', 'sale', 100, 'CNY')", &error));
  g_assert_false (cf_store_exec (f->store,
                                 "INSERT INTO transactions (natural_key, local_time, type, amount_minor, currency) "
                                 "VALUES ('k4', '2026-11-28 10:00:00', 'sale', 100, 'CNY')", &error));
  g_clear_error (&error);
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 1);
}

static void
test_rollback_leaves_nothing (CfTestDb      *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_store_exec (f->store, "BEGIN", &error));
  g_assert_true (cf_store_exec (f->store,
                                "INSERT INTO transactions (natural_key, local_time, type, amount_minor, currency) "
                                "VALUES ('k', '2026-11-28 10:00:00', 'sale', 100, 'CNY')", &error));
  g_assert_true (cf_store_add_audit_entry (f->store, "001", "test", NULL, 0, NULL, &error));
  g_assert_true (cf_store_exec (f->store, "ROLLBACK", &error));

  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log"), ==, 0);
}

static void
test_find_by_each_key (CfTestDb      *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const char *rows =
    "INSERT INTO transactions (natural_key, local_time, terminal_no, operator_no, voucher_no, ref_no, auth_code, "
    "  card_first6, card_last4, card_length, type, amount_minor, currency) VALUES "
    "('a', '2026-11-27 09:00:00', 'T1', '01', '000101', '330000000001', 'AAA111', '622202', '0128', 19, 'sale', 8850, 'CNY'),"
    "('b', '2026-11-28 10:00:00', 'T1', '02', '000102', '330000000002', 'BBB222', '411111', '1111', 16, 'sale', 1000, 'CNY'),"
    "('c', '2026-11-28 23:59:59', 'T2', '02', '000101', '330000000003', 'CCC333', '411111', '1111', 16, 'refund', 8850, 'CNY');";
  g_autoptr(CfTransactionQuery) q = NULL;
  g_autoptr(GPtrArray) found = NULL;

  g_assert_true (cf_store_exec (f->store, rows, &error));

#define FIND(setup, n) \
  G_STMT_START { \
    g_clear_pointer (&q, cf_transaction_query_free); \
    g_clear_pointer (&found, g_ptr_array_unref); \
    q = cf_transaction_query_new (); \
    setup; \
    found = cf_store_find_transactions (f->store, q, &error); \
    g_assert_no_error (error); \
    g_assert_cmpuint (found->len, ==, n); \
  } G_STMT_END

  FIND (q->voucher_no = g_strdup ("000101"), 2);
  FIND (q->ref_no = g_strdup ("330000000002"), 1);
  FIND (q->auth_code = g_strdup ("CCC333"), 1);
  FIND (q->card_last4 = g_strdup ("1111"), 2);
  FIND ((q->has_amount = TRUE, q->amount_minor = 8850), 2);
  FIND (q->terminal_no = g_strdup ("T1"), 2);
  FIND (q->operator_no = g_strdup ("02"), 2);
  FIND (g_assert_true (cf_transaction_query_set_from (q, "2026-11-28", NULL)), 2);
  FIND (g_assert_true (cf_transaction_query_set_to (q, "2026-11-28", NULL)), 3);
  FIND ((cf_transaction_query_set_from (q, "2026-11-28", NULL), cf_transaction_query_set_to (q, "2026-11-28 12:00", NULL)), 1);
  FIND ((q->voucher_no = g_strdup ("000101"), q->terminal_no = g_strdup ("T2")), 1);
  FIND (q->limit = 2, 2);

  /* Newest first, refunds shown negative. */
  FIND ((void) 0, 3);
  g_assert_cmpstr (cf_transaction_get_local_time (g_ptr_array_index (found, 0)), ==, "2026-11-28 23:59:59");
  g_assert_cmpint (cf_transaction_get_signed_amount (g_ptr_array_index (found, 0)), ==, -8850);
  {
    g_autofree char *card = cf_transaction_dup_masked_card (g_ptr_array_index (found, 2), FALSE);
    g_assert_cmpstr (card, ==, "622202*********0128");
  }
#undef FIND
}

static void
test_indexes_used (CfTestDb      *f,
                   gconstpointer  data)
{
  /* Each search key's query plan starts from its index, never a full scan. */
  const char *queries[] = {
    "SELECT * FROM transactions t WHERE t.voucher_no = '1' ORDER BY t.local_time DESC",
    "SELECT * FROM transactions t WHERE t.ref_no = '1' ORDER BY t.local_time DESC",
    "SELECT * FROM transactions t WHERE t.auth_code = '1' ORDER BY t.local_time DESC",
    "SELECT * FROM transactions t WHERE t.card_last4 = '1' ORDER BY t.local_time DESC",
    "SELECT * FROM transactions t WHERE t.amount_minor = 1 ORDER BY t.local_time DESC",
    "SELECT * FROM transactions t WHERE t.terminal_no = '1' ORDER BY t.local_time DESC",
    "SELECT * FROM transactions t WHERE t.operator_no = '1' ORDER BY t.local_time DESC",
    "SELECT * FROM transactions t WHERE t.local_time >= '2026' ORDER BY t.local_time DESC",
    "SELECT * FROM transactions t WHERE t.type = 'refund' ORDER BY t.local_time DESC",
    "SELECT * FROM transactions t WHERE t.card_brand = 'Visa' AND t.type = 'refund' ORDER BY t.local_time DESC",
  };

  if (cf_test_needs_file ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", queries[i], NULL);
      g_autofree char *plan_detail = NULL;
      CfDbStmt *stmt = cf_store_prepare (f->store, sql, NULL);

      g_assert_cmpint (cf_db_step (stmt), ==, CF_DB_ROW);
      plan_detail = g_strdup ((const char *) cf_db_column_text (stmt, 3));
      cf_db_finalize (stmt);
      g_test_message ("%s → %s", queries[i], plan_detail);
      g_assert_nonnull (strstr (plan_detail, "USING INDEX"));
    }
}

static void
add_entries (CfStore *store,
             guint    n)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *details = g_strdup_printf ("{\"n\":%u}", i);

      g_assert_true (cf_store_add_audit_entry (store, i % 2 ? "001" : NULL, "test", "thing", i, details, &error));
      g_assert_no_error (error);
    }
}

/* The window hears of another desk's writes by its data version: it moves
 * when another connection commits, not for a read, on either engine. */
static void
test_data_version_follows_others (CfTestDb      *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) other = cf_store_open (f->db_path, &error);
  gint64 before;

  g_assert_no_error (error);
  before = cf_store_get_data_version (f->store);
  g_assert_cmpint (cf_store_count_transactions (other, NULL), ==, 0);
  g_assert_cmpint (cf_store_get_data_version (f->store), ==, before);

  g_assert_true (cf_store_add_audit_entry (other, "099", "test", NULL, 0, NULL, &error));
  g_assert_no_error (error);
  /* A server's announcement travels a socket: give it the time a window would. */
  for (guint i = 0; i < 200 && cf_store_get_data_version (f->store) == before; i++)
    g_usleep (10000);
  g_assert_cmpint (cf_store_get_data_version (f->store), !=, before);
}

static void
drop_connection (CfStore *victim,
                 CfStore *killer)
{
  g_autofree char *sql = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")",
                                          cf_test_query_int (victim, "SELECT pg_backend_pid ()"));

  g_assert_cmpint (cf_test_query_int (killer, sql), ==, 1);
}

/* The server drops a desk's connection: the next statement connects again;
 * a change it was in the middle of is lost whole, and said to be. */
static void
test_connection_lost (CfTestDb      *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) other = NULL;

  if (!cf_test_on_server ())
    {
      g_test_skip ("a server's connection");
      return;
    }
  other = cf_store_open (f->db_path, &error);
  g_assert_no_error (error);
  drop_connection (f->store, other);
  g_assert_cmpint (cf_store_count_transactions (f->store, &error), ==, 0);
  g_assert_no_error (error);

  g_assert_true (cf_store_exec (f->store, "BEGIN IMMEDIATE", &error));
  g_assert_true (cf_store_add_audit_entry (f->store, "099", "first-half", NULL, 0, NULL, &error));
  drop_connection (f->store, other);
  g_assert_false (cf_store_add_audit_entry (f->store, "099", "second-half", NULL, 0, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* Nothing is sent until the service ends the change it was in. */
  g_assert_false (cf_store_add_audit_entry (f->store, "099", "after", NULL, 0, NULL, &error));
  g_assert_nonnull (strstr (error->message, "lost"));
  g_clear_error (&error);
  g_assert_false (cf_store_exec (f->store, "COMMIT", &error));
  g_clear_error (&error);
  g_assert_cmpint (cf_test_query_int (other, "SELECT count (*) FROM audit_log"), ==, 0);

  /* Then the desk works on, on a new connection, its prepared statements too. */
  g_assert_true (cf_store_add_audit_entry (f->store, "099", "again", NULL, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_test_query_int (other, "SELECT count (*) FROM audit_log"), ==, 1);

  /* A write that finds the connection gone fails, and says so; it is not sent twice. */
  drop_connection (f->store, other);
  g_assert_false (cf_store_add_audit_entry (f->store, "099", "unsure", NULL, 0, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (cf_store_add_audit_entry (f->store, "099", "sure", NULL, 0, NULL, &error));
  g_assert_cmpint (cf_test_query_int (other, "SELECT count (*) FROM audit_log WHERE action = 'unsure'"), ==, 0);
}

/* On a server a backup is pg_dump's archive, read back whole before it is
 * kept; a restore refuses one that does not read back, and puts a sound one
 * in place in one transaction. */
static void
test_server_backup_and_restore (CfTestDb      *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *dump = g_build_filename (f->dir, "shop.dump", NULL);
  g_autofree char *cut = g_build_filename (f->dir, "cut.dump", NULL);
  g_autofree char *bytes = NULL;
  g_autofree char *kept_as = NULL;
  gsize length = 0;
  gint64 broken = -1;
  gint64 audit;

  if (!cf_test_on_server ())
    {
      g_test_skip ("a server's backup");
      return;
    }
  cf_test_db_add_demo (f, 300, 5);
  cf_test_add_operator (f->store, "099", "店长", CF_ROLE_MANAGER);
  audit = cf_test_query_int (f->store, "SELECT count (*) FROM audit_log");
  g_assert_true (cf_store_backup (f->store, dump, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (dump, G_FILE_TEST_IS_REGULAR));

  /* Work after the backup, then the backup put back. */
  g_assert_true (cf_store_exec (f->store, "DELETE FROM transactions WHERE id > 250", &error));
  g_assert_true (cf_store_add_audit_entry (f->store, "099", "after-backup", NULL, 0, NULL, &error));
  g_assert_true (cf_store_restore (f->store, dump, "099", 0, &kept_as, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 300);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM audit_log WHERE action = 'after-backup'"), ==, 0);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM audit_log"), ==, audit + 1);
  g_assert_true (cf_store_verify_audit_chain (f->store, &broken, NULL, &error));
  g_assert_cmpint (broken, ==, 0);
  problems = cf_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* A dump cut short is refused, and nothing changes. */
  g_assert_true (g_file_get_contents (dump, &bytes, &length, NULL));
  g_assert_true (g_file_set_contents (cut, bytes, (gssize) length / 2, NULL));
  g_assert_true (cf_store_exec (f->store, "DELETE FROM transactions WHERE id > 280", &error));
  g_assert_false (cf_store_restore (f->store, cut, "099", 0, &kept_as, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 280);
  /* …and so is a file that is no dump at all. */
  g_assert_false (cf_store_restore (f->store, f->dir, "099", 0, &kept_as, &error));
  g_clear_error (&error);
  g_assert_cmpint (cf_store_count_transactions (f->store, NULL), ==, 280);
}

static void
test_audit_chain (CfTestDb      *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 broken = -1;
  guint64 n = 0;

  add_entries (f->store, 6);
  g_assert_true (cf_store_verify_audit_chain (f->store, &broken, &n, &error));
  g_assert_cmpint (broken, ==, 0);
  g_assert_cmpuint (n, ==, 6);
  /* Each entry names the previous one's hash. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM audit_log a JOIN audit_log b ON b.id = a.id + 1 "
                                                "WHERE b.prev_hash = a.hash AND length (a.hash) = 64"), ==, 5);
  problems = cf_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* The database refuses edits and removals… */
  g_assert_false (cf_store_exec (f->store, "UPDATE audit_log SET operator_no = '666' WHERE id = 3", &error));
  g_clear_error (&error);
  g_assert_false (cf_store_exec (f->store, "DELETE FROM audit_log WHERE id = 3", &error));
  g_clear_error (&error);

  /* …and one made behind its back breaks the chain at that entry. */
  cf_test_allow_tampering (f->store, "audit_log");
  g_assert_true (cf_store_exec (f->store, "UPDATE audit_log SET operator_no = '666' WHERE id = 3", &error));
  g_assert_true (cf_store_verify_audit_chain (f->store, &broken, NULL, &error));
  g_assert_cmpint (broken, ==, 3);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = cf_store_check (f->store, &error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "entry 3"));
}

static void
test_audit_chain_removal (CfTestDb      *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 broken = -1;

  add_entries (f->store, 5);
  cf_test_allow_tampering (f->store, "audit_log");
  g_assert_true (cf_store_exec (f->store, "DELETE FROM audit_log WHERE id = 2", &error));
  g_assert_true (cf_store_verify_audit_chain (f->store, &broken, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 3);  /* the entry after the gap no longer follows */

  /* Entries added after a break still chain onto the last one. */
  add_entries (f->store, 1);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM audit_log a JOIN audit_log b ON b.id = 6 "
                                                "WHERE a.id = 5 AND b.prev_hash = a.hash"), ==, 1);
}

static guint
count_partial_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    n += cf_partial_file_is_ours (name);
  return n;
}

static void
test_backup (CfTestDb      *f,
             gconstpointer  data)
{
  char *named[4];
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "copies", "copy.db", NULL);
  g_autoptr(CfStore) copy = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GDateTime) first = g_date_time_new_local (2026, 11, 28, 23, 0, 0);

  if (cf_test_needs_file ())
    return;

  add_entries (f->store, 4);
  g_assert_true (cf_store_exec (f->store, "INSERT INTO transactions (natural_key, local_time, type, amount_minor, currency) "
                                          "VALUES ('k1', '2026-11-28 10:00:00', 'sale', 100, 'CNY')", &error));
  g_assert_true (cf_store_backup (f->store, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_partial_files (f->dir), ==, 0);

  copy = cf_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_test_query_int (copy, "SELECT count (*) FROM transactions"), ==, 1);
  g_assert_cmpint (cf_test_query_int (copy, "SELECT count (*) FROM audit_log"), ==, 4);
  problems = cf_store_check (copy, &error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Never over an existing file. */
  g_assert_false (cf_store_backup (f->store, path, &error));
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_OPEN);
  g_clear_error (&error);

  /* Default names sort by time; pruning keeps the latest. */
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_minutes (first, (int) i);

      named[i] = cf_store_dup_backup_path (f->store, when);
      g_assert_true (g_str_has_suffix (named[i], ".db"));
      g_assert_true (cf_store_backup (f->store, named[i], &error));
      g_assert_no_error (error);
    }
  /* A second backup in the same second is named for the next one. */
  {
    g_autoptr(GDateTime) last = g_date_time_add_minutes (first, 3);
    g_autofree char *again = cf_store_dup_backup_path (f->store, last);

    g_assert_cmpstr (again, !=, named[3]);
    g_assert_cmpint (strcmp (again, named[3]), >, 0);
  }
  /* What a killed backup left: removed once stale, kept while it may be in
   * progress; a person's own NAME.partial is never touched. */
  {
    g_autofree char *stale = cf_partial_file_new (named[0], &error);
    g_autofree char *fresh = cf_partial_file_new (named[1], &error);
    g_autofree char *theirs = g_strconcat (named[1], ".partial", NULL);
    struct utimbuf hours_ago = { time (NULL) - 7200, time (NULL) - 7200 };

    g_assert_no_error (error);
    g_assert_true (g_file_set_contents (theirs, "a person's own file", -1, NULL));
    g_assert_cmpint (g_utime (stale, &hours_ago), ==, 0);
    g_assert_cmpint (g_utime (theirs, &hours_ago), ==, 0);
    g_assert_cmpuint (cf_store_prune_backups (f->store, 2), ==, 2);
    g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (theirs, G_FILE_TEST_EXISTS));
  }
  g_assert_true (g_file_test (named[3], G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (named[2], G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (named[0], G_FILE_TEST_EXISTS));
  for (guint i = 0; i < 4; i++)
    g_free (named[i]);
}

/* About one SHA-256 in a hundred holds a run of digits that passes for a
 * card number, which the audit log's scrubber masks: the check must still
 * know the signed report for the one its sign-off recorded. */
static void
test_check_digest_like_a_card (CfTestDb      *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CfDbStmt) stmt = NULL;
  g_autofree char *content = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *details = NULL;

  /* The first report text whose digest the scrubber would mask. */
  for (guint i = 0; i < 1000000 && content == NULL; i++)
    {
      g_autofree char *candidate = g_strdup_printf ("handover report %u", i);
      g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, candidate, -1);
      guint masked = 0;

      g_free (cf_card_number_scrub (digest, CF_CARD_SCRUB_ANY, &masked));
      if (masked > 0)
        content = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (content);
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);

  g_assert_true (cf_store_exec (f->store, "INSERT INTO shifts (id, operator_no, started_at, ended_at) "
                                          "VALUES (1, '001', '2026-11-27 08:00:00', '2026-11-27 16:00:00')", &error));
  stmt = cf_store_prepare (f->store, "INSERT INTO handover_reports (sequence_no, shift_id, signed_by, signed_at, sha256, content) "
                                     "VALUES (1, 1, '099', '2026-11-27 16:05:00', ?, ?)", &error);
  g_assert_no_error (error);
  cf_db_bind_text (stmt, 1, sum, -1, CF_DB_STATIC);
  cf_db_bind_blob (stmt, 2, content, (int) strlen (content), CF_DB_STATIC);
  g_assert_cmpint (cf_db_step (stmt), ==, CF_DB_DONE);
  details = g_strdup_printf ("{\"sequence_no\":1,\"sha256\":\"%s\"}", sum);
  g_assert_true (cf_store_add_audit_entry (f->store, "099", "sign-off-handover", "shift", 1, details, &error));

  problems = cf_store_check (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Demo data goes only into a database made for it: not one that has its
 * own manager already, nor one that imported anything. */
static void
test_demo_only_in_its_own_database (CfTestDb      *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) until = g_date_time_new_local (2026, 11, 29, 12, 0, 0);

  cf_test_add_operator (f->store, "7001", "店长", CF_ROLE_MANAGER);
  g_assert_false (cf_demo_populate (f->store, 100, 1, until, NULL, &error));
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_EMPTY);
  g_assert_nonnull (strstr (error->message, "database made for it"));
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM operators"), ==, 1);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM transactions"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, CfTestDb, NULL, cf_test_db_setup, func, cf_test_db_teardown)
  ADD ("/store/audit-chain", test_audit_chain);
  ADD ("/store/data-version-follows-others", test_data_version_follows_others);
  ADD ("/store/connection-lost", test_connection_lost);
  ADD ("/store/server-backup-and-restore", test_server_backup_and_restore);
  ADD ("/store/demo-only-in-its-own-database", test_demo_only_in_its_own_database);
  ADD ("/store/audit-chain-removal", test_audit_chain_removal);
  ADD ("/store/backup", test_backup);
  ADD ("/store/open/migrates-new-database", test_new_database_is_migrated);
  ADD ("/store/open/reopen-keeps-data", test_reopen_keeps_data);
  ADD ("/store/open/refuses-newer-schema-untouched", test_newer_schema_refused_untouched);
  ADD ("/store/open/refuses-foreign-files", test_foreign_files_refused);
  ADD ("/store/constraints", test_constraints_hold);
  ADD ("/store/rollback-leaves-nothing", test_rollback_leaves_nothing);
  ADD ("/store/find/each-key", test_find_by_each_key);
  ADD ("/store/find/indexes-used", test_indexes_used);
  ADD ("/store/check/digest-like-a-card", test_check_digest_like_a_card);
#undef ADD

  return g_test_run ();
}
