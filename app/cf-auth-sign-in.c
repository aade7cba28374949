/* cf-auth-sign-in.c — signing in: each PIN try counted before it is
 * checked, waits and locks, refused tries coalesced, the manager's role
 * checked, and a manager's approval for a clerk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-auth"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-auth.h"
#include "cf-auth-private.h"

static guint
seconds_until (const char *until,
               GDateTime  *now)
{
  g_autoptr(GDateTime) then = until != NULL ? g_date_time_new_from_iso8601 (until, NULL) : NULL;
  GTimeSpan span = then != NULL ? g_date_time_difference (then, now) : 0;

  return span > 0 ? (guint) ((span + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND) : 0;
}

/* The one answer for a try that could not be counted: the same whether the
 * PIN was right or wrong, so that it tells nothing about the PIN. */
static gboolean
set_busy_error (GError **error)
{
  g_clear_error (error);
  g_set_error_literal (error, CF_AUTH_ERROR, CF_AUTH_ERROR_BUSY,
                       _("The PIN could not be checked now: another program is writing to the database. "
                         "Try again in a moment."));
  return FALSE;
}

/* Runs @sql (binding the operator as ?1 and @text as ?2) inside the
 * caller's transaction. */
static gboolean
update_account (CfStore     *store,
                const char  *sql,
                const char  *operator_no,
                const char  *text,
                GError     **error)
{
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store, sql, error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  cf_sql_bind_text (stmt, 1, operator_no, CF_DB_STATIC);
  if (text != NULL)
    cf_db_bind_text (stmt, 2, text, -1, CF_DB_STATIC);
  ok = cf_store_step_done (store, stmt, _("counting a PIN try"), error);
  return ok;
}

/* Refused tries (locked, or too soon) are counted on the operator and
 * written to the audit log at most once a minute, with how many there
 * were: a script hammering a locked operator cannot flood the log. Runs
 * inside the caller's transaction, which it commits. */
static void
refuse_try (CfStore    *store,
            const char *operator_no,
            GDateTime  *now,
            const char *why)
{
  g_autoptr(GDateTime) minute_ago = g_date_time_add_seconds (now, -CF_AUTH_REFUSAL_LOG_SECONDS);
  g_autofree char *now_text = cf_auth_utc_text (now);
  g_autofree char *minute_ago_text = cf_auth_utc_text (minute_ago);
  g_autofree char *logged_at = NULL;
  gint64 refused = 0;
  CfDbStmt *stmt;
  gboolean ok;

  ok = update_account (store, "UPDATE operators SET refused_tries = refused_tries + 1 WHERE operator_no = ?1",
                       operator_no, NULL, NULL);
  stmt = ok ? cf_store_prepare (store, "SELECT refused_tries, refusals_logged_at FROM operators WHERE operator_no = ?",
                                NULL) : NULL;
  if (stmt != NULL)
    {
      cf_sql_bind_text (stmt, 1, operator_no, CF_DB_STATIC);
      if (cf_db_step (stmt) == CF_DB_ROW)
        {
          refused = cf_db_column_int64 (stmt, 0);
          logged_at = cf_sql_dup_text (stmt, 1);
        }
      cf_db_finalize (stmt);
    }
  if (ok && (logged_at == NULL || g_strcmp0 (logged_at, minute_ago_text) <= 0))
    {
      g_autofree char *details = g_strdup_printf ("%s; %" G_GINT64_FORMAT " refused tries since the last entry",
                                                  why, refused);
      ok = update_account (store, "UPDATE operators SET refused_tries = 0, refusals_logged_at = ?2 WHERE operator_no = ?1",
                           operator_no, now_text, NULL);
      cf_store_finish_audited (store, ok, operator_no, "sign-in-refused", "operator", 0, details, NULL);
      return;
    }
  if (!ok || !cf_store_exec (store, "COMMIT", NULL))
    cf_store_exec (store, "ROLLBACK", NULL);
}

/* Whether @account is the only active manager who can sign in: nobody
 * could unlock them. */
static gboolean
is_last_manager (CfStore *store,
                 Account *account)
{
  g_autoptr(CfDbStmt) stmt = NULL;
  gint64 managers = 0;

  if (account->role != CF_ROLE_MANAGER)
    return FALSE;
  stmt = cf_store_prepare (store, "SELECT count(*) FROM operators WHERE role = 'manager' AND active = 1 "
                                  "AND pin_hash IS NOT NULL", NULL);
  if (stmt != NULL && cf_db_step (stmt) == CF_DB_ROW)
    managers = cf_db_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, cf_db_finalize);
  return managers <= 1;
}

/* The wait after the @failed-th wrong PIN in a row of the last manager. */
static guint
last_manager_wait (int failed)
{
  return failed >= 7 ? CF_AUTH_LAST_MANAGER_MAX_WAIT : MIN (1u << (failed - 1), CF_AUTH_LAST_MANAGER_MAX_WAIT);
}

/* Counts one try before its PIN is looked at: in one short write
 * transaction the try is counted as wrong and the next must wait (the
 * fifth locks), so tries started at once are refused, not all checked; a
 * right PIN then clears the count. A try that cannot be counted is not
 * checked at all. */
static gboolean
claim_try (CfStore     *store,
           const char  *operator_no,
           GDateTime   *now,
           Account     *account,
           GError     **error)
{
  g_autofree char *label = NULL;
  g_autofree char *until_text = NULL;
  guint wait;
  int failed;

  if (!cf_store_exec (store, "BEGIN IMMEDIATE", NULL))
    return set_busy_error (error);
  if (!cf_auth_load_active_account (store, operator_no, account, error))
    {
      cf_store_exec (store, "ROLLBACK", NULL);
      return FALSE;
    }
  label = g_strdup_printf ("%s (%s)", account->name, operator_no);

  if (seconds_until (account->locked_until, now) > 0)
    {
      g_autofree char *clock = cf_auth_local_clock (account->locked_until);

      refuse_try (store, operator_no, now, "locked");
      g_set_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_LOCKED,
                   _("%s is locked after %d wrong PINs until %s, or until a manager unlocks them"),
                   label, CF_AUTH_MAX_WRONG_PINS, clock);
      return FALSE;
    }
  if ((wait = seconds_until (account->next_try_at, now)) > 0)
    {
      refuse_try (store, operator_no, now, "too soon after a wrong PIN");
      g_set_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_WAIT,
                   g_dngettext (GETTEXT_PACKAGE, "Wrong PIN before: wait %u second and try again",
                                "Wrong PIN before: wait %u seconds and try again", wait), wait);
      return FALSE;
    }
  if (account->pin_hash == NULL)
    {
      cf_store_exec (store, "ROLLBACK", NULL);
      g_set_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_NO_PIN,
                   _("%s has no PIN yet; a manager sets one under Operators"), label);
      return FALSE;
    }

  failed = account->failed_pins + 1;
  if (failed >= CF_AUTH_MAX_WRONG_PINS && is_last_manager (store, account))
    {
      /* Locking out the only manager would let anyone who can reach the
       * sign-in page stop the shop's approvals for a quarter of an hour at
       * will: the last manager is never locked, the wait only grows, to at
       * most a minute (sixty guesses an hour, each on record). */
      g_autoptr(GDateTime) next = g_date_time_add_seconds (now, last_manager_wait (failed));
      until_text = cf_auth_utc_text (next);
      if (!update_account (store, "UPDATE operators SET failed_pins = failed_pins + 1, next_try_at = ?2 "
                                  "WHERE operator_no = ?1", operator_no, until_text, NULL))
        goto busy;
    }
  else if (failed >= CF_AUTH_MAX_WRONG_PINS)
    {
      g_autoptr(GDateTime) until = g_date_time_add_minutes (now, CF_AUTH_LOCK_MINUTES);
      until_text = cf_auth_utc_text (until);
      if (!update_account (store, "UPDATE operators SET failed_pins = failed_pins + 1, next_try_at = NULL, "
                                  "locked_until = ?2 WHERE operator_no = ?1", operator_no, until_text, NULL))
        goto busy;
    }
  else
    {
      g_autoptr(GDateTime) next = g_date_time_add_seconds (now, 1u << (failed - 1));
      until_text = cf_auth_utc_text (next);
      if (!update_account (store, "UPDATE operators SET failed_pins = failed_pins + 1, next_try_at = ?2 "
                                  "WHERE operator_no = ?1", operator_no, until_text, NULL))
        goto busy;
    }
  if (!cf_store_exec (store, "COMMIT", NULL))
    goto busy;
  return TRUE;

busy:
  cf_store_exec (store, "ROLLBACK", NULL);
  return set_busy_error (error);
}

/* Writes what a checked try came to: for a wrong PIN the entry (its count
 * was claimed before); for a right one the cleared count and @action. A
 * write that fails gives the same answer for both. */
static gboolean
record_outcome (CfStore     *store,
                const char  *operator_no,
                gboolean     right,
                Account     *account,
                GDateTime   *now,
                const char  *action,
                const char  *details,
                GError     **error)
{
  int failed = account->failed_pins + 1;
  int left = CF_AUTH_MAX_WRONG_PINS - failed;
  g_autofree char *label = g_strdup_printf ("%s (%s)", account->name, operator_no);
  g_autofree char *entry = NULL;
  gboolean ok;

  if (!cf_store_exec (store, "BEGIN IMMEDIATE", NULL))
    return set_busy_error (error);

  if (right)
    {
      ok = update_account (store, "UPDATE operators SET failed_pins = 0, next_try_at = NULL, locked_until = NULL, "
                                  "refused_tries = 0 WHERE operator_no = ?1", operator_no, NULL, NULL);
      return cf_store_finish_audited (store, ok, operator_no, action, "operator", 0, details, NULL) ||
             set_busy_error (error);
    }

  if (left <= 0 && is_last_manager (store, account))
    {
      guint wait = last_manager_wait (failed);

      entry = g_strdup_printf ("wrong PIN %d in a row; the only manager is not locked: next try after %u s",
                               failed, wait);
      if (!cf_store_finish_audited (store, TRUE, operator_no, "wrong-pin", "operator", 0, entry, NULL))
        return set_busy_error (error);
      g_set_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_WRONG_PIN,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Wrong PIN for %s. As the only manager they are not locked out, but the next try "
                                "waits %u second. A second manager could unlock them.",
                                "Wrong PIN for %s. As the only manager they are not locked out, but the next try "
                                "waits %u seconds. A second manager could unlock them.", wait),
                   label, wait);
      return FALSE;
    }
  if (left <= 0)
    {
      g_autoptr(GDateTime) until = g_date_time_add_minutes (now, CF_AUTH_LOCK_MINUTES);
      g_autofree char *until_text = cf_auth_utc_text (until);
      g_autofree char *clock = cf_auth_local_clock (until_text);

      entry = g_strdup_printf ("%d wrong PINs in a row; locked until %s", failed, until_text);
      if (!cf_store_finish_audited (store, TRUE, operator_no, "operator-locked", "operator", 0, entry, NULL))
        return set_busy_error (error);
      g_set_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_LOCKED,
                   _("Wrong PIN. %s is locked after %d wrong PINs until %s, or until a manager unlocks them"),
                   label, CF_AUTH_MAX_WRONG_PINS, clock);
      return FALSE;
    }

  entry = g_strdup_printf ("wrong PIN %d of %d; next try after %u s", failed, CF_AUTH_MAX_WRONG_PINS,
                           1u << (failed - 1));
  if (!cf_store_finish_audited (store, TRUE, operator_no, "wrong-pin", "operator", 0, entry, NULL))
    return set_busy_error (error);
  g_set_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_WRONG_PIN,
               g_dngettext (GETTEXT_PACKAGE, "Wrong PIN for %s: %d more try before they are locked",
                            "Wrong PIN for %s: %d more tries before they are locked", left),
               label, left);
  return FALSE;
}

/* Checks @pin for @operator_no: the try is counted first, then the PIN
 * compared, then the outcome written; on success the count is cleared and
 * @action recorded with @details. */
static gboolean
check_pin (CfStore     *store,
           const char  *operator_no,
           const char  *pin,
           GDateTime   *now,
           const char  *action,
           const char  *details,
           Account     *account,
           GError     **error)
{
  gboolean right;

  if (!claim_try (store, operator_no, now, account, error))
    return FALSE;
  right = cf_auth_pin_matches (account->pin_hash, pin);
  return record_outcome (store, operator_no, right, account, now, action, details, error);
}

/**
 * cf_auth_sign_in:
 * @now: (nullable): the time of the try, for the waits and locks
 *
 * Checks the operator's PIN and records the sign-in; a wrong PIN is
 * counted and recorded, and makes the next try wait.
 *
 * Returns: (transfer full): the operator, or %NULL with @error set
 *   (#CF_AUTH_ERROR_WRONG_PIN, _WAIT, _LOCKED, _NO_PIN, _UNKNOWN_OPERATOR)
 */
CfOperator *
cf_auth_sign_in (CfStore     *store,
                 const char  *operator_no,
                 const char  *pin,
                 GDateTime   *now,
                 GError     **error)
{
  g_auto(Account) account = { 0 };
  g_autoptr(GDateTime) when = cf_auth_now_or (now);

  g_return_val_if_fail (CF_IS_STORE (store), NULL);

  /* A head office's user looks into a shop: a sign-in there would be a
   * change, and the server allows none. */
  if (cf_store_reads_only (store))
    {
      g_set_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_READS_ONLY,
                   _("The head office reads shop %s and changes nothing there: nobody signs in to it from here. "
                     "Sign in at the head office's own shop."), cf_store_get_shop (store));
      return NULL;
    }
  if (!check_pin (store, operator_no, pin, when, "sign-in", NULL, &account, error))
    return NULL;
  return cf_auth_get_operator (store, operator_no, error);
}

/**
 * cf_auth_seconds_to_wait:
 *
 * Returns: how long @operator_no must wait before the next PIN try: the
 *   wrong-PIN delay, or the rest of a lock
 */
guint
cf_auth_seconds_to_wait (CfStore    *store,
                         const char *operator_no,
                         GDateTime  *now)
{
  g_auto(Account) account = { 0 };
  g_autoptr(GDateTime) when = cf_auth_now_or (now);

  if (!cf_auth_load_account (store, operator_no, &account, NULL))
    return 0;
  return MAX (seconds_until (account.locked_until, when), seconds_until (account.next_try_at, when));
}

/**
 * cf_auth_require_manager:
 * @refusal: what to say when @operator_no is not a manager
 *
 * Passes a manager, or anyone while a manager's override is in force
 * (cf_auth_begin_override()).
 *
 * Returns: %FALSE with #CF_AUTH_ERROR_NEEDS_MANAGER (@refusal) for a clerk,
 *   or #CF_AUTH_ERROR_UNKNOWN_OPERATOR
 */
gboolean
cf_auth_require_manager (CfStore     *store,
                         const char  *operator_no,
                         const char  *refusal,
                         GError     **error)
{
  g_auto(Account) account = { 0 };

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);

  if (!cf_auth_load_active_account (store, operator_no, &account, error))
    return FALSE;
  if (account.role == CF_ROLE_MANAGER || cf_store_get_override (store) != NULL)
    return TRUE;
  g_set_error_literal (error, CF_AUTH_ERROR, CF_AUTH_ERROR_NEEDS_MANAGER, refusal);
  return FALSE;
}

/**
 * cf_auth_begin_override:
 * @operator_no: the clerk who asks
 * @manager_no: the manager who authorises
 * @what: what it is for, for the audit log
 *
 * Checks the manager's PIN (counted as a sign-in try) and, until
 * cf_auth_end_override(), lets manager-only actions through for
 * @operator_no; every audit entry written meanwhile names the manager too.
 */
gboolean
cf_auth_begin_override (CfStore     *store,
                        const char  *operator_no,
                        const char  *manager_no,
                        const char  *pin,
                        const char  *what,
                        GDateTime   *now,
                        GError     **error)
{
  g_auto(Account) account = { 0 };
  g_autoptr(GDateTime) when = cf_auth_now_or (now);
  g_autofree char *details = g_strdup_printf ("for %s: %s", operator_no != NULL ? operator_no : "-", what);

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (cf_store_get_override (store) == NULL, FALSE);

  /* A clerk's PIN must not count as a manager's: look before checking. */
  if (!cf_auth_load_active_account (store, manager_no, &account, error))
    return FALSE;
  if (account.role != CF_ROLE_MANAGER)
    {
      g_set_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_NEEDS_MANAGER,
                   _("Operator no. %s is not a manager"), manager_no);
      return FALSE;
    }
  cf_auth_account_clear (&account);
  memset (&account, 0, sizeof account);
  if (!check_pin (store, manager_no, pin, when, "manager-override", details, &account, error))
    return FALSE;
  cf_store_set_override (store, manager_no);
  return TRUE;
}

/**
 * cf_auth_end_override:
 *
 * Ends what cf_auth_begin_override() allowed.
 */
void
cf_auth_end_override (CfStore *store)
{
  g_return_if_fail (CF_IS_STORE (store));
  cf_store_set_override (store, NULL);
}
