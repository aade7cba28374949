/* test-auth.c — PINs, signing in, wrong-PIN waits and locks, manager-only actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cf-auth.h"
#include "cf-store-private.h"
#include "cf-handover-report.h"
#include "cf-shift-service.h"
#include "cf-test-util.h"

static void
test_pin_rules (void)
{
  const char *refused[] = { "", "123", "1234", "0000", "98765", "12a4", "1234567890123", "0123456789" };
  const char *accepted[] = { "2580", "135790", "4711", "13579", "202611" };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_false (cf_auth_check_pin_rules (refused[i], &error));
      g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_WEAK_PIN);
    }
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    g_assert_true (cf_auth_check_pin_rules (accepted[i], NULL));
}

/* The first manager 001 with PIN 2580, and clerk 002 with PIN 4711. */
static void
add_staff (CfStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_auth_create_first_manager (store, "001", "王芳", "2580", &error));
  g_assert_no_error (error);
  g_assert_true (cf_auth_save_operator (store, "001", "002", "张伟", CF_ROLE_CLERK, "4711", &error));
  g_assert_no_error (error);
}

static void
test_first_manager (CfTestDb      *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfOperator) op = NULL;
  g_autofree char *hash = NULL;

  /* A journal may name operators before anyone signs in: they have no PIN. */
  cf_test_add_operator (f->store, "009", "journal clerk", CF_ROLE_MANAGER);
  g_assert_true (cf_auth_needs_first_manager (f->store));

  g_assert_false (cf_auth_create_first_manager (f->store, "001", "王芳", "1111", &error));
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_WEAK_PIN);
  g_clear_error (&error);
  g_assert_false (cf_auth_create_first_manager (f->store, "0 1", "王芳", "2580", &error));
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cf_auth_needs_first_manager (f->store));

  g_assert_true (cf_auth_create_first_manager (f->store, "001", "王芳", "2580", &error));
  g_assert_no_error (error);
  g_assert_false (cf_auth_needs_first_manager (f->store));

  /* The PIN is kept only as an Argon2id hash. */
  hash = cf_test_query_text (f->store, "SELECT pin_hash FROM operators WHERE operator_no = '001'");
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, "2580"));
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM operators WHERE pin_hash IS NULL AND operator_no = '009'"), ==, 1);

  /* A second "first" manager is refused: from now on a manager adds people. */
  g_assert_false (cf_auth_create_first_manager (f->store, "003", "李娜", "2580", &error));
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_NEEDS_MANAGER);
  g_clear_error (&error);

  op = cf_auth_sign_in (f->store, "001", "2580", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_operator_get_role (op), ==, CF_ROLE_MANAGER);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action IN ('create-first-manager', 'sign-in') "
                                                "AND operator_no = '001'"), ==, 2);

  /* Without a PIN nobody signs in. */
  g_assert_null (cf_auth_sign_in (f->store, "009", "2580", NULL, &error));
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_NO_PIN);
}

typedef struct
{
  const char *db_path;
  const char *pin;
  GDateTime  *at;
  GError     *error;
  gboolean    signed_in;
} Try;

static gpointer
try_in_thread (gpointer data)
{
  Try *attempt = data;
  g_autoptr(CfStore) store = cf_store_open (attempt->db_path, &attempt->error);
  g_autoptr(CfOperator) op = NULL;

  if (store != NULL)
    op = cf_auth_sign_in (store, "002", attempt->pin, attempt->at, &attempt->error);
  attempt->signed_in = op != NULL;
  return NULL;
}

/* Twenty-five tries started at once, one with the right PIN: each is
 * counted before its PIN is looked at, so only the first is checked and
 * the others are told to wait. */
static void
test_tries_at_once_are_counted_first (CfTestDb      *f,
                                      gconstpointer  data)
{
  g_autoptr(GDateTime) t = g_date_time_new_utc (2026, 11, 29, 9, 0, 0);
  Try tries[25] = { { 0 } };
  GThread *threads[G_N_ELEMENTS (tries)];
  guint waits = 0;

  add_staff (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
    {
      tries[i] = (Try) { f->db_path, i == 12 ? "4711" : "9999", t, NULL, FALSE };
      threads[i] = g_thread_new ("try", try_in_thread, &tries[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
    {
      g_thread_join (threads[i]);
      if (g_error_matches (tries[i].error, CF_AUTH_ERROR, CF_AUTH_ERROR_WAIT))
        waits++;
      else if (!tries[i].signed_in)
        g_assert_error (tries[i].error, CF_AUTH_ERROR, CF_AUTH_ERROR_WRONG_PIN);
      g_clear_error (&tries[i].error);
    }
  g_assert_cmpuint (waits, ==, G_N_ELEMENTS (tries) - 1);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE operator_no = '002' "
                                                "AND action IN ('wrong-pin', 'sign-in', 'operator-locked')"), ==, 1);
  /* All the refused ones on the operator, in one or two entries. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'sign-in-refused'"), <=, 2);
}

/* While another program holds the write lock, a try is neither lost nor
 * checked, and the answer is the same for the right and a wrong PIN. */
static void
test_busy_database_tells_nothing (CfTestDb      *f,
                                  gconstpointer  data)
{
  g_autoptr(GDateTime) t = g_date_time_new_utc (2026, 11, 29, 9, 0, 0);
  g_autoptr(CfStore) writer = NULL;
  g_autoptr(GError) right_error = NULL;
  g_autoptr(GError) wrong_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfOperator) op = NULL;

  add_staff (f->store);
  writer = cf_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (cf_store_exec (writer, "BEGIN IMMEDIATE", &error));
  cf_store_set_busy_timeout (f->store, 50);

  g_assert_null (cf_auth_sign_in (f->store, "002", "4711", t, &right_error));
  g_assert_null (cf_auth_sign_in (f->store, "002", "9999", t, &wrong_error));
  g_assert_error (right_error, CF_AUTH_ERROR, CF_AUTH_ERROR_BUSY);
  g_assert_error (wrong_error, CF_AUTH_ERROR, CF_AUTH_ERROR_BUSY);
  g_assert_cmpstr (right_error->message, ==, wrong_error->message);

  g_assert_true (cf_store_exec (writer, "ROLLBACK", &error));
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT failed_pins FROM operators WHERE operator_no = '002'"), ==, 0);
  op = cf_auth_sign_in (f->store, "002", "4711", t, &error);
  g_assert_no_error (error);
  g_assert_nonnull (op);
}

/* Five hundred tries against a locked operator leave a handful of entries. */
static void
test_refused_tries_coalesce (CfTestDb      *f,
                             gconstpointer  data)
{
  g_autoptr(GDateTime) t0 = g_date_time_new_utc (2026, 11, 29, 9, 0, 0);
  g_autoptr(GError) error = NULL;

  add_staff (f->store);
  g_assert_true (cf_store_exec (f->store, "UPDATE operators SET locked_until = '2026-11-29T10:00:00Z' "
                                          "WHERE operator_no = '002'", &error));
  for (guint i = 0; i < 500; i++)
    {
      g_autoptr(GDateTime) t = g_date_time_add_seconds (t0, i / 10);   /* ten a second, for 50 s */
      g_assert_null (cf_auth_sign_in (f->store, "002", i % 2 ? "4711" : "9999", t, &error));
      g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_LOCKED);
      g_clear_error (&error);
    }
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'sign-in-refused'"), ==, 1);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT refused_tries FROM operators WHERE operator_no = '002'"), ==, 499);
  {
    g_autoptr(GDateTime) later = g_date_time_add_seconds (t0, 61);
    g_assert_null (cf_auth_sign_in (f->store, "002", "9999", later, &error));
    g_clear_error (&error);
  }
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'sign-in-refused' "
                                                "AND details = 'locked; 500 refused tries since the last entry'"), ==, 1);
}

static void
test_wrong_pins_wait_then_lock (CfTestDb      *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t0 = g_date_time_new_utc (2026, 11, 29, 9, 0, 0);
  g_autoptr(GDateTime) t = g_date_time_ref (t0);
  g_autoptr(CfOperator) op = NULL;
  guint expected_wait[] = { 1, 2, 4, 8 };

  add_staff (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (expected_wait); i++)
    {
      GDateTime *next;

      g_assert_null (cf_auth_sign_in (f->store, "002", "9999", t, &error));
      g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_WRONG_PIN);
      g_clear_error (&error);
      g_assert_cmpuint (cf_auth_seconds_to_wait (f->store, "002", t), ==, expected_wait[i]);

      /* Even the right PIN is not looked at before the wait is over. */
      g_assert_null (cf_auth_sign_in (f->store, "002", "4711", t, &error));
      g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_WAIT);
      g_clear_error (&error);

      next = g_date_time_add_seconds (t, expected_wait[i]);
      g_date_time_unref (t);
      t = next;
    }

  /* The fifth wrong PIN in a row locks them out for a quarter of an hour. */
  g_assert_null (cf_auth_sign_in (f->store, "002", "9999", t, &error));
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpuint (cf_auth_seconds_to_wait (f->store, "002", t), ==, CF_AUTH_LOCK_MINUTES * 60);
  {
    g_autoptr(GDateTime) later = g_date_time_add_minutes (t, CF_AUTH_LOCK_MINUTES - 1);
    g_assert_null (cf_auth_sign_in (f->store, "002", "4711", later, &error));
    g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_LOCKED);
    g_clear_error (&error);
  }

  /* Every try is on record. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'wrong-pin' AND operator_no = '002'"), ==, 4);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'operator-locked'"), ==, 1);
  /* Refused tries are counted, and written at most once a minute with their number. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'sign-in-refused'"), ==, 2);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'sign-in-refused' "
                                                "AND details = 'locked; 4 refused tries since the last entry'"), ==, 1);

  /* A clerk cannot unlock; a manager can, and the right PIN then works. */
  g_assert_false (cf_auth_unlock (f->store, "002", "002", &error));
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_NEEDS_MANAGER);
  g_clear_error (&error);
  g_assert_true (cf_auth_unlock (f->store, "001", "002", &error));
  g_assert_no_error (error);
  op = cf_auth_sign_in (f->store, "002", "4711", t, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_operator_get_no (op), ==, "002");
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT failed_pins FROM operators WHERE operator_no = '002'"), ==, 0);
  g_assert_cmpuint (cf_auth_seconds_to_wait (f->store, "002", t), ==, 0);
}

static void
test_lock_expires (CfTestDb      *f,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) t = g_date_time_new_utc (2026, 11, 29, 9, 0, 0);
  g_autoptr(GDateTime) after = g_date_time_add_minutes (t, CF_AUTH_MAX_WRONG_PINS - 1 + CF_AUTH_LOCK_MINUTES + 1);
  g_autoptr(CfOperator) op = NULL;
  g_autoptr(GError) error = NULL;

  add_staff (f->store);
  for (int i = 0; i < CF_AUTH_MAX_WRONG_PINS; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_minutes (t, i);
      g_assert_null (cf_auth_sign_in (f->store, "002", "1357", at, NULL));
    }
  g_assert_cmpuint (cf_auth_seconds_to_wait (f->store, "002", t), >, 0);
  op = cf_auth_sign_in (f->store, "002", "4711", after, &error);
  g_assert_no_error (error);
  g_assert_nonnull (op);
}

/* Nobody can lock out the only manager: the waits grow to a minute, each
 * try is on record, and the right PIN after the wait signs in. With a
 * second manager, the fifth wrong PIN locks as for anyone. */
static void
test_last_manager_never_locked (CfTestDb      *f,
                                gconstpointer  data)
{
  g_autoptr(GDateTime) t = g_date_time_new_utc (2026, 11, 29, 9, 0, 0);
  g_autoptr(GDateTime) at = g_date_time_ref (t);
  g_autoptr(CfOperator) op = NULL;
  g_autoptr(GError) error = NULL;

  add_staff (f->store);
  for (int i = 0; i < 12; i++)
    {
      guint wait;
      GDateTime *next;

      g_assert_null (cf_auth_sign_in (f->store, "001", "1357", at, &error));
      g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_WRONG_PIN);
      g_clear_error (&error);
      wait = cf_auth_seconds_to_wait (f->store, "001", at);
      g_assert_cmpuint (wait, >=, 1);
      g_assert_cmpuint (wait, <=, CF_AUTH_LAST_MANAGER_MAX_WAIT);
      next = g_date_time_add_seconds (at, wait);
      g_date_time_unref (at);
      at = next;
    }
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM operators WHERE locked_until IS NOT NULL"), ==, 0);
  op = cf_auth_sign_in (f->store, "001", "2580", at, &error);
  g_assert_no_error (error);
  g_assert_nonnull (op);
  g_clear_object (&op);

  /* A second manager: now 001 can be unlocked by someone, and is locked. */
  g_assert_true (cf_auth_save_operator (f->store, "001", "003", "李娜", CF_ROLE_MANAGER, "3690", &error));
  g_assert_no_error (error);
  for (int i = 0; i < CF_AUTH_MAX_WRONG_PINS; i++)
    {
      GDateTime *next = g_date_time_add_seconds (at, 60);
      g_date_time_unref (at);
      at = next;
      g_assert_null (cf_auth_sign_in (f->store, "001", "1357", at, &error));
      g_clear_error (&error);
    }
  g_assert_cmpuint (cf_auth_seconds_to_wait (f->store, "001", at), ==, CF_AUTH_LOCK_MINUTES * 60);
}

static void
test_manager_only (CfTestDb      *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;

  add_staff (f->store);

  /* What a clerk may not do, each refused with a reason. */
  g_assert_false (cf_auth_save_operator (f->store, "002", "003", "李娜", CF_ROLE_CLERK, "4711", &error));
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_NEEDS_MANAGER);
  g_clear_error (&error);
  g_assert_false (cf_auth_save_operator (f->store, "002", "002", "张伟", CF_ROLE_MANAGER, NULL, &error));
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_NEEDS_MANAGER);
  g_clear_error (&error);
  g_assert_false (cf_auth_set_pin (f->store, "002", "001", "4747", &error));
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_NEEDS_MANAGER);
  g_clear_error (&error);
  g_assert_false (cf_auth_set_active (f->store, "002", "001", FALSE, &error));
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_NEEDS_MANAGER);
  g_clear_error (&error);
  g_assert_false (cf_auth_set_merchant_setting (f->store, "002", "merchant.name", "别家", &error));
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_NEEDS_MANAGER);
  g_clear_error (&error);
  g_assert_null (cf_store_get_setting (f->store, "merchant.name"));

  /* A clerk changes their own PIN. */
  g_assert_true (cf_auth_set_pin (f->store, "002", "002", "4747", &error));
  g_assert_no_error (error);
  g_assert_null (cf_auth_sign_in (f->store, "002", "4711", NULL, NULL));
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 2);
    g_autoptr(CfOperator) op = cf_auth_sign_in (f->store, "002", "4747", later, &error);
    g_assert_no_error (error);
  }

  /* A manager cannot leave the shop without a manager by accident. */
  g_assert_false (cf_auth_set_active (f->store, "001", "001", FALSE, &error));
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cf_auth_save_operator (f->store, "001", "001", "王芳", CF_ROLE_CLERK, NULL, &error));
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_INVALID);
  g_clear_error (&error);

  /* A manager lets a clerk go: they can no longer sign in, their name stays. */
  g_assert_true (cf_auth_set_active (f->store, "001", "002", FALSE, &error));
  g_assert_no_error (error);
  g_assert_null (cf_auth_sign_in (f->store, "002", "4747", NULL, &error));
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_UNKNOWN_OPERATOR);
  g_clear_error (&error);
  all = cf_auth_list_operators (f->store, TRUE, &error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_false (cf_operator_is_active (g_ptr_array_index (all, 1)));
  g_assert_true (cf_operator_has_pin (g_ptr_array_index (all, 1)));

  g_assert_true (cf_auth_set_merchant_setting (f->store, "001", "merchant.name", "好又多超市", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'set-merchant-profile' "
                                                "AND operator_no = '001' AND details = '好又多超市'"), ==, 1);
}

static void
test_manager_override (CfTestDb      *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *details = NULL;
  g_autoptr(GDateTime) signed_at = g_date_time_new_local (2026, 11, 28, 17, 0, 0);
  gint64 shift;

  add_staff (f->store);
  shift = cf_shift_open (f->store, "002", NULL, "2026-11-28 08:00", &error);
  g_assert_no_error (error);
  g_assert_true (cf_shift_close (f->store, shift, "2026-11-28 16:00", "001", NULL, NULL, "002", &error));
  g_assert_no_error (error);

  /* The clerk alone is refused. */
  g_assert_cmpint (cf_handover_sign_off (f->store, shift, "002", signed_at, &error), ==, 0);
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_NEEDS_MANAGER);
  g_clear_error (&error);

  /* A clerk's PIN does not authorise, nor does a wrong manager PIN. */
  g_assert_false (cf_auth_begin_override (f->store, "002", "002", "4711", "sign off", NULL, &error));
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_NEEDS_MANAGER);
  g_clear_error (&error);
  g_assert_false (cf_auth_begin_override (f->store, "002", "001", "2581", "sign off", NULL, &error));
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_WRONG_PIN);
  g_clear_error (&error);
  g_assert_null (cf_store_get_override (f->store));

  /* The manager's PIN lets the clerk's sign-off through, recorded with both names. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 2);
    g_assert_true (cf_auth_begin_override (f->store, "002", "001", "2580", "sign off", later, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (cf_handover_sign_off (f->store, shift, "002", signed_at, &error), >, 0);
  g_assert_no_error (error);
  cf_auth_end_override (f->store);
  details = cf_test_query_text (f->store, "SELECT details FROM audit_log WHERE action = 'sign-off-handover' AND operator_no = '002'");
  g_assert_nonnull (strstr (details, "[manager override: 001]"));
  /* The report carries the signature of the manager who approved it. */
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count (*) FROM handover_reports WHERE signed_by = '001'"), ==, 1);
  g_assert_cmpint (cf_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'manager-override' "
                                                "AND operator_no = '001' AND details LIKE 'for 002:%'"), ==, 1);

  /* Over: the clerk is refused again. */
  g_assert_false (cf_shift_define (f->store, "002", NULL, "2026-11-27 08:00", "2026-11-27 16:00", NULL, "002", &error));
  g_assert_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_NEEDS_MANAGER);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/auth/pin-rules", test_pin_rules);
  g_test_add ("/auth/first-manager", CfTestDb, NULL, cf_test_db_setup, test_first_manager, cf_test_db_teardown);
  g_test_add ("/auth/tries-at-once-counted-first", CfTestDb, NULL, cf_test_db_setup, test_tries_at_once_are_counted_first, cf_test_db_teardown);
  g_test_add ("/auth/busy-database-tells-nothing", CfTestDb, NULL, cf_test_db_setup, test_busy_database_tells_nothing, cf_test_db_teardown);
  g_test_add ("/auth/refused-tries-coalesce", CfTestDb, NULL, cf_test_db_setup, test_refused_tries_coalesce, cf_test_db_teardown);
  g_test_add ("/auth/wrong-pins-wait-then-lock", CfTestDb, NULL, cf_test_db_setup, test_wrong_pins_wait_then_lock,
              cf_test_db_teardown);
  g_test_add ("/auth/last-manager-never-locked", CfTestDb, NULL, cf_test_db_setup, test_last_manager_never_locked,
              cf_test_db_teardown);
  g_test_add ("/auth/lock-expires", CfTestDb, NULL, cf_test_db_setup, test_lock_expires, cf_test_db_teardown);
  g_test_add ("/auth/manager-only", CfTestDb, NULL, cf_test_db_setup, test_manager_only, cf_test_db_teardown);
  g_test_add ("/auth/manager-override", CfTestDb, NULL, cf_test_db_setup, test_manager_override, cf_test_db_teardown);

  return g_test_run ();
}
