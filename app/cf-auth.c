/* cf-auth.c — who may work at the desk: PINs, signing in, manager-only actions
 *
 * A PIN is kept only as libsodium's Argon2id string (salt and cost inside
 * it). Wrong PINs are counted in the database, not in the process, so that
 * restarting the app or switching to the command line does not reset them:
 * each wrong PIN makes the next try wait twice as long, and the fifth in a
 * row locks the operator for CF_AUTH_LOCK_MINUTES or until a manager
 * unlocks them. Everything here writes an audit entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-auth"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "cf-auth.h"
#include "cf-auth-private.h"
#include "cf-store-private.h"

G_DEFINE_QUARK (cf-auth-error-quark, cf_auth_error)

#define PIN_MIN_DIGITS 4
#define PIN_MAX_DIGITS 12

/* The database's UTC text form, which sorts as time does; rounded up to the
 * second, so that a wait is never cut short. */
char *
cf_auth_utc_text (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  int micro = g_date_time_get_microsecond (utc);
  g_autoptr(GDateTime) whole = g_date_time_add (utc, micro > 0 ? G_USEC_PER_SEC - micro : 0);

  return g_date_time_format (whole, "%Y-%m-%dT%H:%M:%SZ");
}

GDateTime *
cf_auth_now_or (GDateTime *now)
{
  return now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
}

/* 14:35 local time, for messages. */
char *
cf_auth_local_clock (const char *utc)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (utc, NULL);
  g_autoptr(GDateTime) local = time != NULL ? g_date_time_to_local (time) : NULL;

  return local != NULL ? g_date_time_format (local, "%H:%M") : g_strdup (utc);
}

/**
 * cf_auth_check_pin_rules:
 *
 * A PIN is 4 to 12 digits, not one digit repeated and not a run such as
 * 1234 or 9876: those are the first a thief tries.
 */
gboolean
cf_auth_check_pin_rules (const char  *pin,
                         GError     **error)
{
  gsize len = pin != NULL ? strlen (pin) : 0;
  gboolean same = TRUE, up = TRUE, down = TRUE;

  if (len < PIN_MIN_DIGITS || len > PIN_MAX_DIGITS)
    {
      g_set_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_WEAK_PIN,
                   _("A PIN has %d to %d digits"), PIN_MIN_DIGITS, PIN_MAX_DIGITS);
      return FALSE;
    }
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (pin[i]))
      {
        g_set_error_literal (error, CF_AUTH_ERROR, CF_AUTH_ERROR_WEAK_PIN, _("A PIN has digits only"));
        return FALSE;
      }
  for (gsize i = 1; i < len; i++)
    {
      same = same && pin[i] == pin[0];
      up = up && pin[i] == pin[i - 1] + 1;
      down = down && pin[i] == pin[i - 1] - 1;
    }
  if (same || up || down)
    {
      g_set_error_literal (error, CF_AUTH_ERROR, CF_AUTH_ERROR_WEAK_PIN,
                           _("That PIN is too easy to guess: not one digit repeated, not a run such as 1234"));
      return FALSE;
    }
  return TRUE;
}

/**
 * cf_auth_hash_pin:
 *
 * Returns: (transfer full): libsodium's Argon2id string for @pin (salt and
 *   cost inside), the only form a PIN is kept in
 */
char *
cf_auth_hash_pin (const char  *pin,
                  GError     **error)
{
  char hashed[crypto_pwhash_STRBYTES];

  if (sodium_init () < 0 ||
      crypto_pwhash_str (hashed, pin, strlen (pin),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error_literal (error, CF_AUTH_ERROR, CF_AUTH_ERROR_INVALID,
                           _("Not enough memory to protect the PIN; close other programs and try again"));
      return NULL;
    }
  return g_strdup (hashed);
}

gboolean
cf_auth_pin_matches (const char *hashed,
                     const char *pin)
{
  return sodium_init () >= 0 && hashed != NULL && pin != NULL &&
         crypto_pwhash_str_verify (hashed, pin, strlen (pin)) == 0;
}

void
cf_auth_account_clear (Account *account)
{
  g_free (account->name);
  g_free (account->pin_hash);
  g_free (account->next_try_at);
  g_free (account->locked_until);
}

gboolean
cf_auth_load_account (CfStore     *store,
                      const char  *operator_no,
                      Account     *account,
                      GError     **error)
{
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store,
    "SELECT name, role, active, pin_hash, failed_pins, next_try_at, locked_until FROM operators WHERE operator_no = ?",
    error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  cf_sql_bind_text (stmt, 1, operator_no, CF_DB_STATIC);
  found = cf_db_step (stmt) == CF_DB_ROW;
  if (found)
    {
      account->name = cf_sql_dup_text (stmt, 0);
      account->role = g_strcmp0 ((const char *) cf_db_column_text (stmt, 1), "manager") == 0 ? CF_ROLE_MANAGER
                                                                                               : CF_ROLE_CLERK;
      account->active = cf_db_column_int (stmt, 2) != 0;
      account->pin_hash = cf_sql_dup_text (stmt, 3);
      account->failed_pins = cf_db_column_int (stmt, 4);
      account->next_try_at = cf_sql_dup_text (stmt, 5);
      account->locked_until = cf_sql_dup_text (stmt, 6);
    }
  g_clear_pointer (&stmt, cf_db_finalize);
  if (!found)
    g_set_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_UNKNOWN_OPERATOR,
                 _("There is no operator no. %s"), operator_no != NULL ? operator_no : "");
  return found;
}

/* As cf_auth_load_account(), and refuses an operator who no longer works here. */
gboolean
cf_auth_load_active_account (CfStore     *store,
                             const char  *operator_no,
                             Account     *account,
                             GError     **error)
{
  if (!cf_auth_load_account (store, operator_no, account, error))
    return FALSE;
  if (!account->active)
    {
      g_set_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_UNKNOWN_OPERATOR,
                   _("Operator no. %s no longer works here"), operator_no);
      return FALSE;
    }
  return TRUE;
}

/**
 * cf_auth_needs_first_manager:
 *
 * Returns: whether nobody could approve anything yet: no active manager
 *   has a PIN. The first start then asks for one.
 */
gboolean
cf_auth_needs_first_manager (CfStore *store)
{
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store,
    "SELECT NOT EXISTS (SELECT 1 FROM operators WHERE role = 'manager' AND active = 1 AND pin_hash IS NOT NULL)", NULL);
  gboolean needs = TRUE;

  if (stmt != NULL && cf_db_step (stmt) == CF_DB_ROW)
    needs = cf_db_column_int (stmt, 0) != 0;
  return needs;
}

static gboolean
check_operator_fields (const char  *operator_no,
                       const char  *name,
                       GError     **error)
{
  if (operator_no == NULL || *operator_no == '\0' || strlen (operator_no) > 16 ||
      strspn (operator_no, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_") != strlen (operator_no))
    {
      g_set_error_literal (error, CF_AUTH_ERROR, CF_AUTH_ERROR_INVALID,
                           _("An operator no. is 1 to 16 letters or digits, as printed on the slips"));
      return FALSE;
    }
  if (name == NULL || strspn (name, " \t") == strlen (name))
    {
      g_set_error_literal (error, CF_AUTH_ERROR, CF_AUTH_ERROR_INVALID, _("Give the operator’s name"));
      return FALSE;
    }
  return TRUE;
}

/* Inserts or updates an operator inside the caller's transaction. */
static gboolean
upsert_operator (CfStore     *store,
                 const char  *operator_no,
                 const char  *name,
                 CfRole       role,
                 const char  *pin_hash,
                 GError     **error)
{
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store,
    "INSERT INTO operators (operator_no, name, role, created_at, pin_hash) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (operator_no) DO UPDATE SET name = excluded.name, role = excluded.role, active = 1, "
    "  pin_hash = coalesce (excluded.pin_hash, operators.pin_hash)", error);
  char now[21];
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  cf_store_now_utc (now);
  cf_sql_bind_text (stmt, 1, operator_no, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 2, name, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 3, cf_role_to_nick (role), CF_DB_STATIC);
  cf_sql_bind_text (stmt, 4, now, CF_DB_STATIC);
  cf_db_bind_text (stmt, 5, pin_hash, -1, CF_DB_STATIC);
  ok = cf_store_step_done (store, stmt, _("saving an operator"), error);
  return ok;
}

/**
 * cf_auth_create_first_manager:
 *
 * Creates the manager a new database starts with, with the PIN they chose
 * there and then. Refused once any manager can sign in: from then on only
 * a manager adds operators.
 */
gboolean
cf_auth_create_first_manager (CfStore     *store,
                              const char  *operator_no,
                              const char  *name,
                              const char  *pin,
                              GError     **error)
{
  g_autofree char *hashed = NULL;
  gboolean ok;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);

  if (!check_operator_fields (operator_no, name, error) || !cf_auth_check_pin_rules (pin, error) ||
      (hashed = cf_auth_hash_pin (pin, error)) == NULL || !cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  /* Asked again inside the write lock: two first starts cannot both win. */
  ok = cf_auth_needs_first_manager (store);
  if (!ok)
    g_set_error_literal (error, CF_AUTH_ERROR, CF_AUTH_ERROR_NEEDS_MANAGER,
                         _("There is a manager already; a manager adds the other operators"));
  ok = ok && upsert_operator (store, operator_no, name, CF_ROLE_MANAGER, hashed, error);
  return cf_store_finish_audited (store, ok, operator_no, "create-first-manager", "operator", 0, name, error);
}

static CfOperator *
operator_from_row (CfDbStmt *stmt)
{
  CfOperator *op = cf_operator_new ((const char *) cf_db_column_text (stmt, 0),
                                    (const char *) cf_db_column_text (stmt, 1),
                                    g_strcmp0 ((const char *) cf_db_column_text (stmt, 2), "manager") == 0
                                    ? CF_ROLE_MANAGER : CF_ROLE_CLERK);

  cf_operator_set_access (op, cf_db_column_int (stmt, 3) != 0, cf_db_column_type (stmt, 4) != CF_DB_NULL,
                          (const char *) cf_db_column_text (stmt, 5));
  return op;
}

#define OPERATOR_COLUMNS \
  "operator_no, name, role, active, pin_hash, " \
  "CASE WHEN locked_until > strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') THEN locked_until END"

/**
 * cf_auth_list_operators:
 * @with_inactive: also those no longer working here
 *
 * Returns: (transfer full) (element-type CfOperator): operators by number,
 *   with whether they have a PIN and whether they are locked out now
 */
GPtrArray *
cf_auth_list_operators (CfStore   *store,
                        gboolean   with_inactive,
                        GError   **error)
{
  g_autoptr(GPtrArray) operators = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store,
    "SELECT " OPERATOR_COLUMNS " FROM operators WHERE active = 1 OR ?1 = 1 ORDER BY operator_no", error);

  if (stmt == NULL)
    return NULL;
  cf_db_bind_int (stmt, 1, with_inactive);
  while (cf_db_step (stmt) == CF_DB_ROW)
    g_ptr_array_add (operators, operator_from_row (stmt));
  return g_steal_pointer (&operators);
}

/**
 * cf_auth_get_operator:
 *
 * Returns: (transfer full): the active operator numbered @operator_no
 */
CfOperator *
cf_auth_get_operator (CfStore     *store,
                      const char  *operator_no,
                      GError     **error)
{
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store,
    "SELECT " OPERATOR_COLUMNS " FROM operators WHERE operator_no = ? AND active = 1", error);
  CfOperator *op = NULL;

  if (stmt == NULL)
    return NULL;
  cf_sql_bind_text (stmt, 1, operator_no, CF_DB_STATIC);
  if (cf_db_step (stmt) == CF_DB_ROW)
    op = operator_from_row (stmt);
  g_clear_pointer (&stmt, cf_db_finalize);
  if (op == NULL)
    g_set_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_UNKNOWN_OPERATOR,
                 _("There is no operator no. %s"), operator_no != NULL ? operator_no : "");
  return op;
}

/**
 * cf_auth_save_operator:
 * @by: the manager doing it
 * @pin: (nullable): their PIN, or %NULL to keep the one they have
 *
 * Adds an operator, or changes the name and role of one already there.
 * A manager may not take away their own manager role: someone must be
 * left who can approve.
 */
gboolean
cf_auth_save_operator (CfStore     *store,
                       const char  *by,
                       const char  *operator_no,
                       const char  *name,
                       CfRole       role,
                       const char  *pin,
                       GError     **error)
{
  g_autofree char *hashed = NULL;
  g_autofree char *details = NULL;
  gboolean ok;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);

  if (!cf_auth_require_manager (store, by, _("Only a manager adds operators or changes their role"), error) ||
      !check_operator_fields (operator_no, name, error) ||
      (pin != NULL && (!cf_auth_check_pin_rules (pin, error) || (hashed = cf_auth_hash_pin (pin, error)) == NULL)))
    return FALSE;
  if (g_strcmp0 (by, operator_no) == 0 && role != CF_ROLE_MANAGER && cf_store_get_override (store) == NULL)
    {
      g_set_error_literal (error, CF_AUTH_ERROR, CF_AUTH_ERROR_INVALID,
                           _("You cannot take away your own manager role; another manager can"));
      return FALSE;
    }
  if (!cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  ok = upsert_operator (store, operator_no, name, role, hashed, error);
  details = g_strdup_printf ("%s, %s%s", name, cf_role_to_nick (role), pin != NULL ? ", PIN set" : "");
  return cf_store_finish_audited (store, ok, by, "save-operator", "operator", 0, details, error);
}

/* Runs one UPDATE on @operator_no inside a transaction with its audit entry. */
static gboolean
update_operator (CfStore     *store,
                 const char  *by,
                 const char  *operator_no,
                 const char  *sql,
                 const char  *bound_text,
                 const char  *action,
                 GError     **error)
{
  g_autoptr(CfDbStmt) stmt = NULL;
  gboolean ok;

  if (!cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  ok = (stmt = cf_store_prepare (store, sql, error)) != NULL;
  if (ok)
    {
      cf_sql_bind_text (stmt, 1, operator_no, CF_DB_STATIC);
      if (bound_text != NULL)
        cf_sql_bind_text (stmt, 2, bound_text, CF_DB_STATIC);
      ok = cf_store_step_done (store, stmt, action, error);
      if (ok && cf_db_changes (cf_store_get_db (store)) == 0)
        {
          g_set_error (error, CF_AUTH_ERROR, CF_AUTH_ERROR_UNKNOWN_OPERATOR,
                       _("There is no operator no. %s"), operator_no);
          ok = FALSE;
        }
      g_clear_pointer (&stmt, cf_db_finalize);
    }
  return cf_store_finish_audited (store, ok, by, action, "operator", 0, operator_no, error);
}

/**
 * cf_auth_set_pin:
 * @by: a manager, or the operator themselves (signed in with their old PIN)
 *
 * Gives @operator_no a new PIN and clears their wrong-PIN count.
 */
gboolean
cf_auth_set_pin (CfStore     *store,
                 const char  *by,
                 const char  *operator_no,
                 const char  *pin,
                 GError     **error)
{
  g_autofree char *hashed = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);

  if (g_strcmp0 (by, operator_no) != 0 &&
      !cf_auth_require_manager (store, by, _("Only a manager sets another operator’s PIN"), error))
    return FALSE;
  if (!cf_auth_check_pin_rules (pin, error) || (hashed = cf_auth_hash_pin (pin, error)) == NULL)
    return FALSE;
  return update_operator (store, by, operator_no,
                          "UPDATE operators SET pin_hash = ?2, failed_pins = 0, next_try_at = NULL, locked_until = NULL "
                          "WHERE operator_no = ?1", hashed, "set-pin", error);
}

/**
 * cf_auth_set_active:
 * @by: the manager doing it
 *
 * Lets an operator go (they can no longer sign in; their name stays on
 * what they did) or brings them back. The last manager cannot go.
 */
gboolean
cf_auth_set_active (CfStore     *store,
                    const char  *by,
                    const char  *operator_no,
                    gboolean     active,
                    GError     **error)
{
  g_return_val_if_fail (CF_IS_STORE (store), FALSE);

  if (!cf_auth_require_manager (store, by, _("Only a manager lets an operator go or brings one back"), error))
    return FALSE;
  if (!active && g_strcmp0 (by, operator_no) == 0)
    {
      g_set_error_literal (error, CF_AUTH_ERROR, CF_AUTH_ERROR_INVALID,
                           _("You cannot let yourself go; another manager can"));
      return FALSE;
    }
  return update_operator (store, by, operator_no,
                          active ? "UPDATE operators SET active = 1 WHERE operator_no = ?1"
                                 : "UPDATE operators SET active = 0 WHERE operator_no = ?1",
                          NULL, active ? "reactivate-operator" : "deactivate-operator", error);
}

/**
 * cf_auth_unlock:
 * @by: the manager doing it
 *
 * Lets an operator locked by wrong PINs try again at once.
 */
gboolean
cf_auth_unlock (CfStore     *store,
                const char  *by,
                const char  *operator_no,
                GError     **error)
{
  g_return_val_if_fail (CF_IS_STORE (store), FALSE);

  if (!cf_auth_require_manager (store, by, _("Only a manager unlocks an operator"), error))
    return FALSE;
  return update_operator (store, by, operator_no,
                          "UPDATE operators SET failed_pins = 0, next_try_at = NULL, locked_until = NULL "
                          "WHERE operator_no = ?1", NULL, "unlock-operator", error);
}

/**
 * cf_auth_set_merchant_setting:
 * @by: the manager doing it
 * @key: a `merchant.` setting: what slips and letters print as the shop
 *
 * Changes the merchant profile, with its audit entry, or neither.
 */
gboolean
cf_auth_set_merchant_setting (CfStore     *store,
                              const char  *by,
                              const char  *key,
                              const char  *value,
                              GError     **error)
{
  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_str_has_prefix (key, "merchant."), FALSE);

  if (!cf_auth_require_manager (store, by, _("Only a manager changes the merchant profile"), error) ||
      !cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  return cf_store_finish_audited (store, cf_store_set_setting (store, key, value, error), by,
                                  "set-merchant-profile", key, 0, value, error);
}
