/* cf-loss-incident.c — one loss incident, whole: its slips, what became of
 * each, and what is still to do
 *
 * A slip is settled by the same rule that resolves an incident: a duplicate
 * issued, a request fulfilled, or a decision to do nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-loss-service"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-loss-incident.h"
#include "cf-loss-private.h"
#include "cf-sql.h"

static void
incident_slip_free (CfIncidentSlip *slip)
{
  g_clear_object (&slip->transaction);
  g_free (slip->customer_note);
  g_free (slip->proof);
  g_free (slip->remedy_reason);
  g_free (slip->duplicate_issued_at);
  g_free (slip);
}

void
cf_incident_detail_free (CfIncidentDetail *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->info, cf_incident_info_free);
  g_free (self->created_by);
  g_free (self->discovered_by);
  g_free (self->discovered_at);
  g_free (self->notes);
  g_clear_pointer (&self->slips, g_ptr_array_unref);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_free (self);
}

static CfLossRemedy
remedy_from_nick (const char *nick)
{
  if (g_strcmp0 (nick, "duplicate") == 0)
    return CF_LOSS_REMEDY_DUPLICATE;
  if (g_strcmp0 (nick, "request") == 0)
    return CF_LOSS_REMEDY_REQUEST;
  return CF_LOSS_REMEDY_NONE;
}

static CfSlipState
slip_state (const CfIncidentSlip *slip,
            gboolean              fulfilled)
{
  if (slip->duplicate_issued_at != NULL)
    return CF_SLIP_DUPLICATE_ISSUED;
  if (fulfilled)
    return CF_SLIP_REQUEST_FULFILLED;
  switch (slip->remedy)
    {
    case CF_LOSS_REMEDY_DUPLICATE:
      return CF_SLIP_DUPLICATE_PENDING;
    case CF_LOSS_REMEDY_REQUEST:
      return CF_SLIP_REQUEST_OPEN;
    case CF_LOSS_REMEDY_NONE:
    default:
      return CF_SLIP_NOTHING_TO_DO;
    }
}

static gboolean
read_slips (CfStore          *store,
            CfIncidentDetail *detail,
            GError          **error)
{
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store,
    "SELECT s.transaction_id, s.contacted, s.customer_note, s.proof, s.remedy, s.remedy_reason, "
    "  (SELECT min (d.issued_at) FROM duplicates d WHERE d.transaction_id = s.transaction_id), "
    "  (SELECT r.id FROM request_slips rs JOIN replacement_requests r ON r.id = rs.request_id "
    "   WHERE rs.transaction_id = s.transaction_id ORDER BY r.incident_id IS ?1 DESC, r.id DESC LIMIT 1), "
    "  EXISTS (SELECT 1 FROM request_slips rs JOIN request_history h ON h.request_id = rs.request_id "
    "          WHERE rs.transaction_id = s.transaction_id AND h.to_status = 'fulfilled') "
    "FROM loss_slips s JOIN transactions t ON t.id = s.transaction_id "
    "WHERE s.incident_id = ?1 ORDER BY t.local_time, t.id", error);

  if (stmt == NULL)
    return FALSE;
  cf_db_bind_int64 (stmt, 1, detail->info->id);
  while (cf_db_step (stmt) == CF_DB_ROW)
    {
      CfIncidentSlip *slip = g_new0 (CfIncidentSlip, 1);
      g_autofree char *remedy = cf_sql_dup_text (stmt, 4);

      g_ptr_array_add (detail->slips, slip);
      slip->transaction = cf_store_get_transaction (store, cf_db_column_int64 (stmt, 0), error);
      if (slip->transaction == NULL)
        return FALSE;
      slip->contacted = cf_db_column_int (stmt, 1) != 0;
      slip->customer_note = cf_sql_dup_text (stmt, 2);
      slip->proof = cf_sql_dup_text (stmt, 3);
      slip->remedy = remedy_from_nick (remedy);
      slip->remedy_reason = cf_sql_dup_text (stmt, 5);
      slip->duplicate_issued_at = cf_sql_dup_text (stmt, 6);
      slip->request_id = cf_db_column_int64 (stmt, 7);
      slip->state = slip_state (slip, cf_db_column_int (stmt, 8) != 0);
    }
  return TRUE;
}

/* The incident's requests, and the status of the one each slip is in. */
static gboolean
read_requests (CfStore          *store,
               CfIncidentDetail *detail,
               GDateTime        *today,
               GError          **error)
{
  g_autoptr(GPtrArray) all = cf_loss_list_requests (store, today, error);

  if (all == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      CfRequestInfo *request = g_ptr_array_index (all, i);

      for (guint s = 0; s < detail->slips->len; s++)
        {
          CfIncidentSlip *slip = g_ptr_array_index (detail->slips, s);

          if (slip->request_id == request->id)
            slip->request_status = request->status;
        }
      if (request->incident_id == detail->info->id)
        g_ptr_array_add (detail->requests, g_steal_pointer (&all->pdata[i]));
    }
  return TRUE;
}

static gboolean
read_incident (CfStore          *store,
               CfIncidentDetail *detail,
               gint64            incident_id,
               GError          **error)
{
  g_autoptr(GPtrArray) incidents = cf_loss_list_incidents (store, error);
  g_autoptr(CfDbStmt) stmt = NULL;

  if (incidents == NULL)
    return FALSE;
  for (guint i = 0; i < incidents->len && detail->info == NULL; i++)
    if (((CfIncidentInfo *) g_ptr_array_index (incidents, i))->id == incident_id)
      detail->info = g_ptr_array_steal_index (incidents, i);
  if (detail->info == NULL)
    {
      g_set_error (error, CF_LOSS_ERROR, CF_LOSS_ERROR_NOT_FOUND, _("There is no loss incident #%lld"),
                   (long long) incident_id);
      return FALSE;
    }

  stmt = cf_store_prepare (store, "SELECT created_by, discovered_by, discovered_at, notes FROM loss_incidents WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  cf_db_bind_int64 (stmt, 1, incident_id);
  if (cf_db_step (stmt) == CF_DB_ROW)
    {
      detail->created_by = cf_sql_dup_text (stmt, 0);
      detail->discovered_by = cf_sql_dup_text (stmt, 1);
      detail->discovered_at = cf_sql_dup_text (stmt, 2);
      detail->notes = cf_sql_dup_text (stmt, 3);
    }
  return TRUE;
}

/**
 * cf_loss_get_incident:
 * @today: the day the requests' due dates and the slips' retention are counted from
 *
 * Returns: (transfer full): incident @incident_id with its slips, their
 *   state and its requests, or %NULL with @error set
 */
CfIncidentDetail *
cf_loss_get_incident (CfStore    *store,
                      gint64      incident_id,
                      GDateTime  *today,
                      GError    **error)
{
  g_autoptr(CfIncidentDetail) detail = g_new0 (CfIncidentDetail, 1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (CF_IS_STORE (store), NULL);

  detail->slips = g_ptr_array_new_with_free_func ((GDestroyNotify) incident_slip_free);
  detail->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_request_info_free);
  if (!read_incident (store, detail, incident_id, error) || !read_slips (store, detail, error) ||
      !read_requests (store, detail, today, error))
    return NULL;

  for (guint i = 0; i < detail->slips->len; i++)
    {
      gint64 id = cf_transaction_get_id (((CfIncidentSlip *) g_ptr_array_index (detail->slips, i))->transaction);
      g_array_append_val (ids, id);
    }
  if (!cf_loss_compute_impact (store, (const gint64 *) (gpointer) ids->data, ids->len, today, &detail->impact, error))
    return NULL;
  return g_steal_pointer (&detail);
}

/**
 * cf_incident_detail_pending_duplicates:
 *
 * Returns: (transfer full) (element-type CfTransaction): the slips whose
 *   duplicate is still to be issued
 */
GPtrArray *
cf_incident_detail_pending_duplicates (CfIncidentDetail *self)
{
  GPtrArray *pending = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->slips->len; i++)
    {
      CfIncidentSlip *slip = g_ptr_array_index (self->slips, i);

      if (slip->state == CF_SLIP_DUPLICATE_PENDING)
        g_ptr_array_add (pending, g_object_ref (slip->transaction));
    }
  return pending;
}

/**
 * cf_slip_state_describe:
 *
 * Returns: where @slip's remedy stands, for people, translated
 */
const char *
cf_slip_state_describe (const CfIncidentSlip *slip)
{
  switch (slip->state)
    {
    case CF_SLIP_DUPLICATE_PENDING:
      return _("Duplicate to issue");
    case CF_SLIP_DUPLICATE_ISSUED:
      return _("Duplicate issued");
    case CF_SLIP_REQUEST_OPEN:
      return slip->request_id > 0 ? _("Requested, waiting") : _("Request to make");
    case CF_SLIP_REQUEST_FULFILLED:
      return _("Copy received");
    case CF_SLIP_NOTHING_TO_DO:
    default:
      return _("Nothing to do, as decided");
    }
}
