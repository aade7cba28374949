/* cf-shift-service.c — shifts: who worked which terminals when, and to whom they handed over
 *
 * A clerk opens a shift on some terminals (or all) and closes it, handing
 * over to the next person with notes. A manager may define a shift after
 * the fact — terminal journals are often imported days later — and close
 * someone else's. Shifts on a common terminal never overlap, so every
 * transaction belongs to at most one shift: the one whose [start, end)
 * holds its local time on its terminal. Each change leaves an audit entry
 * in the same database transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-shift"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-auth.h"
#include "cf-shift-service.h"
#include "cf-store-private.h"
#include "cf-timestamp.h"

/* Far enough in the future to stand for "still open" in comparisons. */
#define OPEN_END "9999-12-31 23:59:59"

G_DEFINE_QUARK (cf-shift-error-quark, cf_shift_error)

void
cf_shift_info_free (CfShiftInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->operator_no);
  g_free (info->operator_name);
  g_free (info->started_at);
  g_free (info->ended_at);
  g_strfreev (info->terminals);
  g_free (info->handed_to);
  g_free (info->handed_to_name);
  g_free (info->notes);
  g_free (info->variance);
  g_free (info->closed_by);
  g_free (info);
}

/**
 * cf_shift_normalize_time:
 * @text: a date and time as people write them: `2026-11-28 14:00`, `2026/11/28 14:00:30`, …
 * @is_end: whether @text ends a period: a date alone then means the end of that day
 *
 * Returns: (transfer full) (nullable): `YYYY-MM-DD HH:MM:SS`, or %NULL with @error set
 */
char *
cf_shift_normalize_time (const char  *text,
                         gboolean     is_end,
                         GError     **error)
{
  CfTimestamp ts = { 0 };
  char out[20];

  if (text != NULL && cf_timestamp_parse (text, CF_DATE_ORDER_YMD, &ts, NULL) && ts.has_date && !ts.has_time)
    {
      g_autoptr(GDateTime) day = g_date_time_new_utc (ts.year, ts.month, ts.day, 0, 0, 0);
      g_autoptr(GDateTime) next = day != NULL ? g_date_time_add_days (day, is_end ? 1 : 0) : NULL;

      if (next != NULL)
        return g_date_time_format (next, "%Y-%m-%d %H:%M:%S");
    }
  if (text == NULL || !cf_timestamp_parse (text, CF_DATE_ORDER_YMD, &ts, NULL) || !ts.has_date || !ts.has_time)
    {
      g_set_error (error, CF_SHIFT_ERROR, CF_SHIFT_ERROR_INVALID,
                   _("“%s” is not a date and time such as 2026-11-28 14:00"), text != NULL ? text : "");
      return NULL;
    }
  cf_timestamp_format_local (&ts, out);
  return g_strdup (out);
}

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
}

/* The operator's role, or NULL with @error set when there is no such operator. */
static char *
lookup_role (CfStore     *store,
             const char  *operator_no,
             GError     **error)
{
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store, "SELECT role FROM operators WHERE operator_no = ? AND active = 1", error);
  char *role = NULL;

  if (stmt == NULL)
    return NULL;
  cf_sql_bind_text (stmt, 1, operator_no, CF_DB_STATIC);
  if (cf_db_step (stmt) == CF_DB_ROW)
    role = cf_sql_dup_text (stmt, 0);
  g_clear_pointer (&stmt, cf_db_finalize);
  if (role == NULL)
    g_set_error (error, CF_SHIFT_ERROR, CF_SHIFT_ERROR_NOT_FOUND,
                 _("There is no operator no. %s; add them in Preferences first"), operator_no != NULL ? operator_no : "");
  return role;
}

/* Refuses a period that would share a transaction with another shift: the
 * periods intersect and so do the terminal sets (an empty set is all). */
static gboolean
check_overlap (CfStore             *store,
               gint64               except_id,
               const char * const  *terminals,
               const char          *started_at,
               const char          *ended_at,
               GError             **error)
{
  /* The new shift's terminals as one string, each between unit separators. */
  g_autofree char *joined = terminals != NULL && terminals[0] != NULL ? g_strjoinv ("\x1f", (char **) terminals) : NULL;
  g_autofree char *list = joined != NULL ? g_strdup_printf ("\x1f%s\x1f", joined) : NULL;
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store,
    "SELECT s.id, s.operator_no, s.started_at, coalesce (s.ended_at, '') FROM shifts s "
    "WHERE s.id != ?1 AND s.started_at < ?3 AND coalesce (s.ended_at, '" OPEN_END "') > ?2 "
    "  AND (?4 IS NULL "
    "       OR NOT EXISTS (SELECT 1 FROM shift_terminals st WHERE st.shift_id = s.id) "
    "       OR EXISTS (SELECT 1 FROM shift_terminals st WHERE st.shift_id = s.id "
    "                  AND instr (?4, char (31) || st.terminal_no || char (31)) > 0)) "
    "ORDER BY s.started_at LIMIT 1", error);
  gboolean ok = TRUE;

  if (stmt == NULL)
    return FALSE;
  cf_db_bind_int64 (stmt, 1, except_id);
  cf_sql_bind_text (stmt, 2, started_at, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 3, ended_at != NULL ? ended_at : OPEN_END, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 4, list, CF_DB_STATIC);
  if (cf_db_step (stmt) == CF_DB_ROW)
    {
      const char *end = (const char *) cf_db_column_text (stmt, 3);

      g_set_error (error, CF_SHIFT_ERROR, CF_SHIFT_ERROR_OVERLAP,
                   _("This overlaps shift #%lld of operator %s (%s – %s) on a common terminal"),
                   (long long) cf_db_column_int64 (stmt, 0), cf_db_column_text (stmt, 1),
                   cf_db_column_text (stmt, 2), *end != '\0' ? end : _("still open"));
      ok = FALSE;
    }
  return ok;
}

static gint64
insert_shift (CfStore             *store,
              const char          *operator_no,
              const char * const  *terminals,
              const char          *started_at,
              const char          *ended_at,
              const char          *notes,
              const char          *by,
              gboolean             defined_later,
              GError             **error)
{
  g_autoptr(CfDbStmt) stmt = NULL;
  gboolean ok;
  gint64 id;

  stmt = cf_store_prepare (store, "INSERT INTO shifts (operator_no, started_at, ended_at, notes, opened_by, closed_by, "
                                  "defined_later) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  cf_sql_bind_text (stmt, 1, operator_no, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 2, started_at, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 3, ended_at, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 4, notes != NULL && *notes != '\0' ? notes : NULL, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 5, by, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 6, ended_at != NULL ? by : NULL, CF_DB_STATIC);
  cf_db_bind_int (stmt, 7, defined_later);
  ok = cf_store_step_done (store, stmt, "recording the shift", error);
  g_clear_pointer (&stmt, cf_db_finalize);
  if (!ok)
    return 0;
  id = cf_db_last_insert_rowid (cf_store_get_db (store));

  stmt = cf_store_prepare (store, "INSERT OR IGNORE INTO shift_terminals (shift_id, terminal_no) VALUES (?, ?)", error);
  if (stmt == NULL)
    return 0;
  for (guint i = 0; terminals != NULL && terminals[i] != NULL; i++)
    {
      cf_db_reset (stmt);
      cf_db_bind_int64 (stmt, 1, id);
      cf_sql_bind_text (stmt, 2, terminals[i], CF_DB_STATIC);
      if (cf_db_step (stmt) != CF_DB_DONE)
        {
          cf_store_set_error (store, error, "recording the shift's terminals");
          return 0;
        }
    }
  return id;
}

/**
 * cf_shift_open:
 * @terminals: (nullable) (array zero-terminated=1): the terminals worked; %NULL or empty for all
 * @started_at: (nullable): when it began; %NULL for now
 *
 * Returns: the new shift's id, or 0 with @error set
 */
gint64
cf_shift_open (CfStore             *store,
               const char          *operator_no,
               const char * const  *terminals,
               const char          *started_at,
               GError             **error)
{
  g_autofree char *start = started_at != NULL ? cf_shift_normalize_time (started_at, FALSE, error) : now_text ();
  g_autofree char *role = NULL;
  gint64 open_id;
  gint64 id = 0;

  if (start == NULL)
    return 0;
  if (!cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return 0;
  role = lookup_role (store, operator_no, error);
  if (role != NULL && (open_id = cf_shift_find_open (store, operator_no)) != 0)
    g_set_error (error, CF_SHIFT_ERROR, CF_SHIFT_ERROR_OVERLAP,
                 _("Operator %s already has shift #%lld open; close it first"), operator_no, (long long) open_id);
  else if (role != NULL && check_overlap (store, 0, terminals, start, NULL, error))
    id = insert_shift (store, operator_no, terminals, start, NULL, NULL, operator_no, FALSE, error);
  if (!cf_store_finish_audited (store, id != 0, operator_no, "open-shift", "shift", id, NULL, error))
    return 0;
  return id;
}

/**
 * cf_shift_close:
 * @ended_at: (nullable): when it ended; %NULL for now
 * @handed_to: (nullable): the operator no. of who takes over
 * @closed_by: the shift's own operator, or a manager
 */
gboolean
cf_shift_close (CfStore     *store,
                gint64       shift_id,
                const char  *ended_at,
                const char  *handed_to,
                const char  *notes,
                const char  *variance,
                const char  *closed_by,
                GError     **error)
{
  g_autofree char *end = ended_at != NULL ? cf_shift_normalize_time (ended_at, TRUE, error) : now_text ();
  g_autoptr(CfShiftInfo) shift = NULL;
  g_autofree char *closer_role = NULL;
  g_autofree char *taker_role = NULL;
  g_autofree char *refusal = NULL;
  g_autoptr(CfDbStmt) stmt = NULL;
  gboolean ok = FALSE;

  if (end == NULL)
    return FALSE;
  if (!cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  shift = cf_shift_get (store, shift_id, error);
  if (shift == NULL)
    ;
  else if (shift->ended_at != NULL)
    g_set_error (error, CF_SHIFT_ERROR, CF_SHIFT_ERROR_INVALID, _("Shift #%lld was already closed at %s"),
                 (long long) shift_id, shift->ended_at);
  else if ((closer_role = lookup_role (store, closed_by, error)) == NULL)
    ;
  else if (g_strcmp0 (closed_by, shift->operator_no) != 0 &&
           !cf_auth_require_manager (store, closed_by,
                                     (refusal = g_strdup_printf (_("Only %s or a manager can close shift #%lld"),
                                                                 shift->operator_no, (long long) shift_id)),
                                     error))
    ;
  else if (g_strcmp0 (end, shift->started_at) <= 0)
    g_set_error (error, CF_SHIFT_ERROR, CF_SHIFT_ERROR_INVALID, _("A shift must end after it started (%s)"),
                 shift->started_at);
  else if (handed_to != NULL && *handed_to != '\0' && (taker_role = lookup_role (store, handed_to, error)) == NULL)
    ;
  else if ((stmt = cf_store_prepare (store, "UPDATE shifts SET ended_at = ?, handed_to = ?, notes = ?, variance = ?, "
                                            "closed_by = ? WHERE id = ?", error)) != NULL)
    {
      cf_sql_bind_text (stmt, 1, end, CF_DB_STATIC);
      cf_sql_bind_text (stmt, 2, handed_to != NULL && *handed_to != '\0' ? handed_to : NULL, CF_DB_STATIC);
      cf_sql_bind_text (stmt, 3, notes != NULL && *notes != '\0' ? notes : NULL, CF_DB_STATIC);
      cf_sql_bind_text (stmt, 4, variance != NULL && *variance != '\0' ? variance : NULL, CF_DB_STATIC);
      cf_sql_bind_text (stmt, 5, closed_by, CF_DB_STATIC);
      cf_db_bind_int64 (stmt, 6, shift_id);
      ok = cf_store_step_done (store, stmt, "closing the shift", error);
      g_clear_pointer (&stmt, cf_db_finalize);
    }
  return cf_store_finish_audited (store, ok, closed_by, "close-shift", "shift", shift_id, NULL, error);
}

/**
 * cf_shift_define:
 * @defined_by: a manager's operator no.
 *
 * Records a shift after the fact, already closed.
 *
 * Returns: the new shift's id, or 0 with @error set
 */
gint64
cf_shift_define (CfStore             *store,
                 const char          *operator_no,
                 const char * const  *terminals,
                 const char          *started_at,
                 const char          *ended_at,
                 const char          *notes,
                 const char          *defined_by,
                 GError             **error)
{
  g_autofree char *start = cf_shift_normalize_time (started_at, FALSE, error);
  g_autofree char *end = start != NULL ? cf_shift_normalize_time (ended_at, TRUE, error) : NULL;
  g_autofree char *role = NULL;
  gint64 id = 0;

  if (end == NULL)
    return 0;
  if (g_strcmp0 (end, start) <= 0)
    {
      g_set_error (error, CF_SHIFT_ERROR, CF_SHIFT_ERROR_INVALID, _("A shift must end after it started (%s)"), start);
      return 0;
    }
  if (!cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return 0;
  if (cf_auth_require_manager (store, defined_by, _("Only a manager can define a shift after the fact"), error) &&
      (role = lookup_role (store, operator_no, error)) != NULL &&
      check_overlap (store, 0, terminals, start, end, error))
    id = insert_shift (store, operator_no, terminals, start, end, notes, defined_by, TRUE, error);
  if (!cf_store_finish_audited (store, id != 0, defined_by, "define-shift", "shift", id, NULL, error))
    return 0;
  return id;
}

#define SHIFT_COLUMNS \
  "s.id, s.operator_no, (SELECT name FROM operators WHERE operator_no = s.operator_no), s.started_at, s.ended_at, " \
  "(SELECT group_concat (terminal_no, char (31)) FROM (SELECT terminal_no FROM shift_terminals " \
  "  WHERE shift_id = s.id ORDER BY terminal_no)), " \
  "s.handed_to, (SELECT name FROM operators WHERE operator_no = s.handed_to), s.notes, s.variance, s.closed_by, " \
  "s.defined_later, coalesce ((SELECT sequence_no FROM handover_reports WHERE shift_id = s.id), 0)"

static CfShiftInfo *
shift_from_row (CfDbStmt *stmt)
{
  CfShiftInfo *info = g_new0 (CfShiftInfo, 1);
  const char *terminals = (const char *) cf_db_column_text (stmt, 5);

  info->id = cf_db_column_int64 (stmt, 0);
  info->operator_no = cf_sql_dup_text (stmt, 1);
  info->operator_name = cf_sql_dup_text (stmt, 2);
  info->started_at = cf_sql_dup_text (stmt, 3);
  info->ended_at = cf_sql_dup_text (stmt, 4);
  info->terminals = terminals != NULL ? g_strsplit (terminals, "\x1f", -1) : g_new0 (char *, 1);
  info->handed_to = cf_sql_dup_text (stmt, 6);
  info->handed_to_name = cf_sql_dup_text (stmt, 7);
  info->notes = cf_sql_dup_text (stmt, 8);
  info->variance = cf_sql_dup_text (stmt, 9);
  info->closed_by = cf_sql_dup_text (stmt, 10);
  info->defined_later = cf_db_column_int (stmt, 11);
  info->report_sequence_no = cf_db_column_int64 (stmt, 12);
  return info;
}

/**
 * cf_shift_get:
 *
 * Returns: (transfer full) (nullable): the shift, or %NULL with @error set
 */
CfShiftInfo *
cf_shift_get (CfStore  *store,
              gint64    shift_id,
              GError  **error)
{
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store, "SELECT " SHIFT_COLUMNS " FROM shifts s WHERE s.id = ?", error);
  CfShiftInfo *info = NULL;

  if (stmt == NULL)
    return NULL;
  cf_db_bind_int64 (stmt, 1, shift_id);
  if (cf_db_step (stmt) == CF_DB_ROW)
    info = shift_from_row (stmt);
  g_clear_pointer (&stmt, cf_db_finalize);
  if (info == NULL)
    g_set_error (error, CF_SHIFT_ERROR, CF_SHIFT_ERROR_NOT_FOUND, _("There is no shift #%lld"), (long long) shift_id);
  return info;
}

/**
 * cf_shift_list:
 *
 * Returns: (transfer full) (element-type CfShiftInfo): every shift, the latest first
 */
GPtrArray *
cf_shift_list (CfStore  *store,
               GError  **error)
{
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store, "SELECT " SHIFT_COLUMNS " FROM shifts s "
                                                "ORDER BY s.started_at DESC, s.id DESC", error);
  GPtrArray *shifts;

  if (stmt == NULL)
    return NULL;
  shifts = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_shift_info_free);
  while (cf_db_step (stmt) == CF_DB_ROW)
    g_ptr_array_add (shifts, shift_from_row (stmt));
  return shifts;
}

/**
 * cf_shift_find_open:
 *
 * Returns: the id of @operator_no's open shift, or 0 when they have none
 */
gint64
cf_shift_find_open (CfStore    *store,
                    const char *operator_no)
{
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store, "SELECT id FROM shifts WHERE operator_no = ? AND ended_at IS NULL "
                                                "ORDER BY started_at DESC LIMIT 1", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  cf_sql_bind_text (stmt, 1, operator_no, CF_DB_STATIC);
  if (cf_db_step (stmt) == CF_DB_ROW)
    id = cf_db_column_int64 (stmt, 0);
  return id;
}
