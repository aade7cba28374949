/* cf-loss-requests.c — replacement requests followed to the end: listed in
 * the order that needs attention, moved through their states with a note
 * for the history, their documents, the counterpart's reference, the fee
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-loss-service"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-auth.h"
#include "cf-loss-private.h"
#include "cf-loss-service.h"
#include "cf-money.h"
#include "cf-request-status.h"

/**
 * cf_loss_list_requests:
 * @today: the day overdue and due-soon are counted from
 *
 * Returns: (transfer full) (element-type CfRequestInfo): the requests, the
 *   soonest due first, then the newest
 */
GPtrArray *
cf_loss_list_requests (CfStore    *store,
                       GDateTime  *today,
                       GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_request_info_free);
  g_autoptr(GDate) date = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (today),
                                          (GDateMonth) g_date_time_get_month (today),
                                          (GDateYear) g_date_time_get_year (today));
  g_autoptr(GDate) soon = cf_loss_add_working_days (date, DUE_SOON_WORKING_DAYS);
  g_autofree char *today_text = cf_loss_format_date (date);
  g_autofree char *soon_text = cf_loss_format_date (soon);
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store,
    "SELECT r.id, r.incident_id, r.counterpart, r.counterpart_ref, r.status, r.created_at, r.submitted_at, "
    "  r.due_date, r.fee_minor, r.fee_paid_on, (SELECT count(*) FROM request_slips s WHERE s.request_id = r.id) "
    "FROM replacement_requests r ORDER BY r.due_date IS NULL, r.due_date, r.id DESC", error);

  if (stmt == NULL)
    return NULL;
  while (cf_db_step (stmt) == CF_DB_ROW)
    {
      CfRequestInfo *info = g_new0 (CfRequestInfo, 1);

      info->id = cf_db_column_int64 (stmt, 0);
      info->incident_id = cf_db_column_int64 (stmt, 1);
      info->counterpart = cf_sql_dup_text (stmt, 2);
      info->counterpart_ref = cf_sql_dup_text (stmt, 3);
      cf_request_status_from_nick ((const char *) cf_db_column_text (stmt, 4), &info->status);
      info->created_at = cf_sql_dup_text (stmt, 5);
      info->submitted_at = cf_sql_dup_text (stmt, 6);
      info->due_date = cf_sql_dup_text (stmt, 7);
      info->has_fee = cf_db_column_type (stmt, 8) != CF_DB_NULL;
      info->fee_minor = cf_db_column_int64 (stmt, 8);
      info->fee_paid_on = cf_sql_dup_text (stmt, 9);
      info->n_slips = (guint) cf_db_column_int (stmt, 10);
      if (info->due_date != NULL && cf_request_status_is_open (info->status))
        {
          info->overdue = strcmp (info->due_date, today_text) < 0;
          info->due_soon = !info->overdue && strcmp (info->due_date, soon_text) <= 0;
        }
      g_ptr_array_add (list, info);
    }
  return g_steal_pointer (&list);
}

static int
attention_rank (const CfRequestInfo *r)
{
  if (r->overdue)
    return 0;
  if (r->due_soon)
    return 1;
  return cf_request_status_is_open (r->status) ? 2 : 3;
}

static int
compare_due (const CfRequestInfo *a,
             const CfRequestInfo *b)
{
  if ((a->due_date == NULL) != (b->due_date == NULL))
    return a->due_date == NULL ? 1 : -1;
  if (a->due_date != NULL && strcmp (a->due_date, b->due_date) != 0)
    return strcmp (a->due_date, b->due_date);
  return (a->id < b->id) - (a->id > b->id);
}

static int
compare_requests (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const CfRequestInfo *x = *(CfRequestInfo * const *) a;
  const CfRequestInfo *y = *(CfRequestInfo * const *) b;

  switch (GPOINTER_TO_INT (user_data))
    {
    case CF_REQUEST_ORDER_ATTENTION:
      if (attention_rank (x) != attention_rank (y))
        return attention_rank (x) - attention_rank (y);
      return compare_due (x, y);
    case CF_REQUEST_ORDER_NEWEST:
      return (x->id < y->id) - (x->id > y->id);
    case CF_REQUEST_ORDER_DUE:
    default:
      return compare_due (x, y);
    }
}

/**
 * cf_loss_sort_requests:
 * @requests: (element-type CfRequestInfo): as cf_loss_list_requests() gives them
 */
void
cf_loss_sort_requests (GPtrArray      *requests,
                       CfRequestOrder  order)
{
  g_ptr_array_sort_with_data (requests, compare_requests, GINT_TO_POINTER (order));
}

/**
 * cf_loss_move_request:
 * @note: (nullable): what happened, for the history
 * @now: when; submission starts the due date's count of working days
 *
 * Moves a request to its next state, or refuses with a message that says
 * which moves are allowed from where it stands.
 */
gboolean
cf_loss_move_request (CfStore          *store,
                      gint64            request_id,
                      CfRequestStatus   to,
                      const char       *note,
                      const char       *operator_no,
                      GDateTime        *now,
                      GError          **error)
{
  g_autofree char *at = cf_loss_now_local (now);
  g_autofree char *due = NULL;
  g_autofree char *details = NULL;
  g_autoptr(CfDbStmt) stmt = NULL;
  CfRequestStatus from = CF_REQUEST_DRAFT;
  gboolean found;
  gboolean ok = FALSE;

  if (!cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;

  stmt = cf_store_prepare (store, "SELECT status FROM replacement_requests WHERE id = ?", error);
  if (stmt == NULL)
    goto out;
  cf_db_bind_int64 (stmt, 1, request_id);
  found = cf_db_step (stmt) == CF_DB_ROW;
  if (found)
    cf_request_status_from_nick ((const char *) cf_db_column_text (stmt, 0), &from);
  g_clear_pointer (&stmt, cf_db_finalize);
  if (!found)
    {
      g_set_error (error, CF_LOSS_ERROR, CF_LOSS_ERROR_NOT_FOUND, _("There is no request #%lld"), (long long) request_id);
      goto out;
    }
  if (!cf_request_status_can_move (from, to))
    {
      g_autofree char *allowed = cf_request_status_dup_moves (from);
      g_set_error (error, CF_LOSS_ERROR, CF_LOSS_ERROR_REFUSED_MOVE,
                   _("Request #%lld is %s and cannot become %s; from %s it can go to: %s"),
                   (long long) request_id, cf_request_status_to_nick (from), cf_request_status_to_nick (to),
                   cf_request_status_to_nick (from), allowed);
      goto out;
    }
  /* Whether a replacement was granted, and what it costs, is for a manager to record. */
  if ((to == CF_REQUEST_APPROVED || to == CF_REQUEST_REJECTED) &&
      !cf_auth_require_manager (store, operator_no, _("Only a manager records a request as approved or rejected"), error))
    goto out;

  if (to == CF_REQUEST_SUBMITTED)
    {
      g_autoptr(GDate) day = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                                             (GDateMonth) g_date_time_get_month (now),
                                             (GDateYear) g_date_time_get_year (now));
      g_autofree char *setting = cf_store_get_setting (store, "request.due_working_days");
      guint days = setting != NULL ? (guint) g_ascii_strtoull (setting, NULL, 10) : DEFAULT_DUE_WORKING_DAYS;
      g_autoptr(GDate) due_day = cf_loss_add_working_days (day, days > 0 ? days : DEFAULT_DUE_WORKING_DAYS);

      due = cf_loss_format_date (due_day);
    }

  stmt = cf_store_prepare (store, "UPDATE replacement_requests SET status = ?, "
                                  "submitted_at = coalesce (?, submitted_at), due_date = coalesce (?, due_date) "
                                  "WHERE id = ?", error);
  if (stmt == NULL)
    goto out;
  cf_sql_bind_text (stmt, 1, cf_request_status_to_nick (to), CF_DB_STATIC);
  cf_sql_bind_text (stmt, 2, to == CF_REQUEST_SUBMITTED ? at : NULL, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 3, due, CF_DB_STATIC);
  cf_db_bind_int64 (stmt, 4, request_id);
  if (!cf_store_step_done (store, stmt, _("moving the request"), error))
    goto out;
  g_clear_pointer (&stmt, cf_db_finalize);

  stmt = cf_store_prepare (store, "INSERT INTO request_history (request_id, from_status, to_status, at, operator_no, note, "
                                  "  approved_by) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto out;
  cf_db_bind_int64 (stmt, 1, request_id);
  cf_sql_bind_text (stmt, 2, cf_request_status_to_nick (from), CF_DB_STATIC);
  cf_sql_bind_text (stmt, 3, cf_request_status_to_nick (to), CF_DB_STATIC);
  cf_sql_bind_text (stmt, 4, at, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 5, operator_no, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 6, note, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 7, cf_store_get_override (store), CF_DB_STATIC);
  if (!cf_store_step_done (store, stmt, _("moving the request"), error))
    goto out;

  details = g_strdup_printf ("{\"from\":\"%s\",\"to\":\"%s\"}", cf_request_status_to_nick (from), cf_request_status_to_nick (to));
  ok = cf_store_add_audit_entry (store, operator_no, "move-request", "replacement_request", request_id, details, error);

out:
  g_clear_pointer (&stmt, cf_db_finalize);
  if (ok)
    ok = cf_store_exec (store, "COMMIT", error);
  if (!ok)
    cf_store_exec (store, "ROLLBACK", NULL);
  return ok;
}

static gboolean
request_exists (CfStore  *store,
                gint64    request_id,
                GError  **error)
{
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store, "SELECT 1 FROM replacement_requests WHERE id = ?", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  cf_db_bind_int64 (stmt, 1, request_id);
  found = cf_db_step (stmt) == CF_DB_ROW;
  g_clear_pointer (&stmt, cf_db_finalize);
  if (!found)
    g_set_error (error, CF_LOSS_ERROR, CF_LOSS_ERROR_NOT_FOUND, _("There is no request #%lld"), (long long) request_id);
  return found;
}

/**
 * cf_loss_set_document:
 * @kind: a document: `business_licence`, its label or either half of it
 *   (see cf_loss_document_kind_for()), or any other name to add one
 * @state: `missing`, `ready` or `submitted`
 * @file: (nullable): where a copy of it is
 */
gboolean
cf_loss_set_document (CfStore     *store,
                      gint64       request_id,
                      const char  *kind,
                      const char  *state,
                      const char  *file,
                      const char  *operator_no,
                      GError     **error)
{
  static const char *const states[] = { "missing", "ready", "submitted", NULL };
  g_autofree char *details = NULL;
  g_autoptr(CfDbStmt) stmt = NULL;
  gboolean ok;

  kind = cf_loss_document_kind_for (kind);
  details = g_strdup_printf ("{\"document\":\"%s\",\"state\":\"%s\"}", kind, state);

  if (!cf_loss_is_one_of (state, states) || kind == NULL || *kind == '\0')
    {
      g_set_error (error, CF_LOSS_ERROR, CF_LOSS_ERROR_INVALID,
                   _("A document is missing, ready or submitted, not “%s”"), state != NULL ? state : "");
      return FALSE;
    }

  if (!cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  ok = request_exists (store, request_id, error) &&
       (stmt = cf_store_prepare (store, "INSERT INTO request_documents (request_id, kind, state, file) VALUES (?, ?, ?, ?) "
                                        "ON CONFLICT (request_id, kind) DO UPDATE SET state = excluded.state, "
                                        "file = coalesce (excluded.file, request_documents.file)", error)) != NULL;
  if (ok)
    {
      cf_db_bind_int64 (stmt, 1, request_id);
      cf_sql_bind_text (stmt, 2, kind, CF_DB_STATIC);
      cf_sql_bind_text (stmt, 3, state, CF_DB_STATIC);
      cf_sql_bind_text (stmt, 4, file, CF_DB_STATIC);
      ok = cf_db_step (stmt) == CF_DB_DONE || cf_store_set_error (store, error, _("changing the request"));
      g_clear_pointer (&stmt, cf_db_finalize);
    }
  return cf_store_finish_audited (store, ok, operator_no, "set-request-document", "replacement_request", request_id, details, error);
}

/**
 * cf_loss_list_documents:
 *
 * Returns: (transfer full) (element-type GStrv): for each document, its kind, state and file ("" when none)
 */
GPtrArray *
cf_loss_list_documents (CfStore  *store,
                        gint64    request_id,
                        GError  **error)
{
  CfDbStmt *stmt = cf_store_prepare (store, "SELECT kind, state, file FROM request_documents WHERE request_id = ? "
                                                "ORDER BY rowid", error);

  if (stmt == NULL)
    return NULL;
  cf_db_bind_int64 (stmt, 1, request_id);
  return cf_sql_collect_rows (stmt);
}

/**
 * cf_loss_list_history:
 *
 * Returns: (transfer full) (element-type GStrv): each move of the request,
 *   oldest first: time, from status ("" for creation), to status, operator,
 *   note, the manager who approved it ("" when none had to)
 */
GPtrArray *
cf_loss_list_history (CfStore  *store,
                      gint64    request_id,
                      GError  **error)
{
  CfDbStmt *stmt = cf_store_prepare (store, "SELECT at, from_status, to_status, operator_no, note, approved_by "
                                                "FROM request_history WHERE request_id = ? ORDER BY id", error);

  if (stmt == NULL)
    return NULL;
  cf_db_bind_int64 (stmt, 1, request_id);
  return cf_sql_collect_rows (stmt);
}

/**
 * cf_loss_set_reference:
 * @reference: (nullable): the bank's or provider's own number for the request
 */
gboolean
cf_loss_set_reference (CfStore     *store,
                       gint64       request_id,
                       const char  *reference,
                       const char  *operator_no,
                       GError     **error)
{
  g_autofree char *details = g_strdup_printf ("{\"reference\":\"%s\"}", reference != NULL ? reference : "");
  g_autoptr(CfDbStmt) stmt = NULL;
  gboolean ok;

  if (!cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  ok = request_exists (store, request_id, error) &&
       (stmt = cf_store_prepare (store, "UPDATE replacement_requests SET counterpart_ref = ? WHERE id = ?", error)) != NULL;
  if (ok)
    {
      cf_sql_bind_text (stmt, 1, reference, CF_DB_STATIC);
      cf_db_bind_int64 (stmt, 2, request_id);
      ok = cf_store_step_done (store, stmt, _("changing the request"), error);
      g_clear_pointer (&stmt, cf_db_finalize);
    }
  return cf_store_finish_audited (store, ok, operator_no, "set-request-reference", "replacement_request", request_id, details, error);
}

/**
 * cf_loss_set_fee:
 * @paid_on: (nullable): `YYYY-MM-DD`, or %NULL while unpaid
 */
gboolean
cf_loss_set_fee (CfStore     *store,
                 gint64       request_id,
                 gint64       fee_minor,
                 const char  *paid_on,
                 const char  *operator_no,
                 GError     **error)
{
  g_autofree char *details = g_strdup_printf ("{\"fee_minor\":%lld,\"paid_on\":\"%s\"}", (long long) fee_minor,
                                              paid_on != NULL ? paid_on : "");
  g_autoptr(CfDbStmt) stmt = NULL;
  gboolean ok;

  if (fee_minor < 0)
    {
      g_set_error_literal (error, CF_LOSS_ERROR, CF_LOSS_ERROR_INVALID, _("A fee cannot be negative"));
      return FALSE;
    }
  if (!cf_auth_require_manager (store, operator_no, _("Only a manager records a request’s fee"), error))
    return FALSE;

  if (!cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  ok = request_exists (store, request_id, error) &&
       (stmt = cf_store_prepare (store, "UPDATE replacement_requests SET fee_minor = ?, fee_paid_on = ? WHERE id = ?",
                                 error)) != NULL;
  if (ok)
    {
      cf_db_bind_int64 (stmt, 1, fee_minor);
      cf_sql_bind_text (stmt, 2, paid_on, CF_DB_STATIC);
      cf_db_bind_int64 (stmt, 3, request_id);
      ok = cf_db_step (stmt) == CF_DB_DONE || cf_store_set_error (store, error, _("changing the request"));
      g_clear_pointer (&stmt, cf_db_finalize);
    }
  return cf_store_finish_audited (store, ok, operator_no, "set-request-fee", "replacement_request", request_id, details, error);
}
