/* cf-loss-service.c — lost slips: incidents, their impact, and replacement requests
 *
 * An incident records which slips are gone, why, who is responsible, what
 * the customers were told and what is done about each slip; a slip to be
 * replaced goes into a request to the POS provider, the acquiring bank or
 * the tax office, which moves only along its states (cf-request-status.c),
 * each move recorded with time, operator and note. An incident is written in
 * one database transaction with its slips, its requests and an audit entry.
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
#include "cf-report-doc.h"
#include "cf-store-private.h"

G_DEFINE_QUARK (cf-loss-error-quark, cf_loss_error)

#define RETENTION_MONTHS 13

static const char *const default_documents[] = {
  "business_licence", "tax_registration", "account_permit", "legal_rep_id", "application_letter", "slip_list",
};

gboolean
cf_loss_is_one_of (const char        *value,
           const char *const *allowed)
{
  for (guint i = 0; allowed[i] != NULL; i++)
    if (g_strcmp0 (value, allowed[i]) == 0)
      return TRUE;
  return FALSE;
}

void
cf_request_info_free (CfRequestInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->counterpart);
  g_free (info->counterpart_ref);
  g_free (info->created_at);
  g_free (info->submitted_at);
  g_free (info->due_date);
  g_free (info->fee_paid_on);
  g_free (info);
}

void
cf_incident_info_free (CfIncidentInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->created_at);
  g_free (info->period_from);
  g_free (info->period_to);
  g_free (info->cause);
  g_free (info->responsible);
  g_free (info->description);
  g_free (info);
}

char *
cf_loss_now_local (GDateTime *now)
{
  return g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
}

/**
 * cf_loss_add_working_days:
 *
 * Returns: (transfer full): @from plus @days days from Monday to Friday
 */
GDate *
cf_loss_add_working_days (const GDate *from,
                          guint        days)
{
  GDate *date = g_date_copy (from);

  while (days > 0)
    {
      g_date_add_days (date, 1);
      if (g_date_get_weekday (date) != G_DATE_SATURDAY && g_date_get_weekday (date) != G_DATE_SUNDAY)
        days--;
    }
  return date;
}

char *
cf_loss_format_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/**
 * cf_loss_compute_impact:
 * @now: the moment the retention window is counted back from
 * @impact: (out caller-allocates): the figures
 */
gboolean
cf_loss_compute_impact (CfStore       *store,
                        const gint64  *transaction_ids,
                        guint          n_ids,
                        GDateTime     *now,
                        CfLossImpact  *impact,
                        GError       **error)
{
  g_autoptr(GDateTime) retention = g_date_time_add_months (now, -RETENTION_MONTHS);
  g_autofree char *since = cf_loss_now_local (retention);
  g_autoptr(GHashTable) cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(CfDbStmt) stmt = NULL;

  memset (impact, 0, sizeof *impact);
  stmt = cf_store_prepare (store,
    "SELECT t.type, t.amount_minor, t.local_time, coalesce (t.card_first6, '') || '*' || coalesce (t.card_last4, ''), "
    "  t.type IN ('void', 'refund') OR EXISTS (SELECT 1 FROM transactions r WHERE r.type IN ('void', 'refund') AND "
    "    ((r.orig_ref_no IS NOT NULL AND r.orig_ref_no = t.ref_no) OR "
    "     (r.orig_voucher_no IS NOT NULL AND r.orig_voucher_no = t.voucher_no AND r.terminal_no IS t.terminal_no "
    "      AND r.batch_no IS t.batch_no))), "
    /* On the acquirer's statement: the sale was settled, and the
     * statement is a record of it while the slip is missing. */
    "  EXISTS (SELECT 1 FROM transaction_sources s JOIN imports i ON i.id = s.import_id "
    "          WHERE s.transaction_id = t.id AND i.kind <> 'journal') OR "
    "  EXISTS (SELECT 1 FROM imports i WHERE i.id = t.import_id AND i.kind <> 'journal') "
    "FROM transactions t WHERE t.id = ?", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      CfTxnType type = CF_TXN_TYPE_OTHER;
      gint64 amount;

      cf_db_bind_int64 (stmt, 1, transaction_ids[i]);
      if (cf_db_step (stmt) != CF_DB_ROW)
        {
          g_clear_pointer (&stmt, cf_db_finalize);
          g_set_error (error, CF_LOSS_ERROR, CF_LOSS_ERROR_NOT_FOUND, _("There is no transaction #%lld"),
                       (long long) transaction_ids[i]);
          return FALSE;
        }
      cf_txn_type_from_nick ((const char *) cf_db_column_text (stmt, 0), &type);
      amount = cf_db_column_int64 (stmt, 1);
      impact->count++;
      impact->count_by_type[type]++;
      /* One rule everywhere: voids and refunds count negative. */
      if (cf_txn_type_is_reversal (type))
        amount = -amount;
      else
        impact->gross_minor += amount;
      impact->amount_by_type[type] += amount;
      impact->net_minor += amount;
      impact->settled += cf_db_column_int (stmt, 5) != 0;
      if (g_strcmp0 ((const char *) cf_db_column_text (stmt, 2), since) >= 0)
        impact->in_retention++;
      if (g_strcmp0 ((const char *) cf_db_column_text (stmt, 3), "*") != 0)
        g_hash_table_add (cards, cf_sql_dup_text (stmt, 3));
      impact->refund_related += cf_db_column_int (stmt, 4) != 0;
      cf_db_reset (stmt);
    }
  g_clear_pointer (&stmt, cf_db_finalize);
  impact->cards = g_hash_table_size (cards);
  return TRUE;
}

static gint64
create_request (CfStore    *store,
                gint64      incident_id,
                const char *counterpart,
                const char *created_at,
                const char *operator_no,
                GError    **error)
{
  g_autoptr(CfDbStmt) stmt = NULL;
  gint64 id = 0;

  stmt = cf_store_prepare (store, "INSERT INTO replacement_requests (incident_id, counterpart, created_at) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  cf_db_bind_int64 (stmt, 1, incident_id);
  cf_sql_bind_text (stmt, 2, counterpart, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 3, created_at, CF_DB_STATIC);
  if (cf_store_step_done (store, stmt, _("recording a request"), error))
    id = cf_db_last_insert_rowid (cf_store_get_db (store));
  g_clear_pointer (&stmt, cf_db_finalize);
  if (id == 0)
    return 0;

  stmt = cf_store_prepare (store, "INSERT INTO request_history (request_id, from_status, to_status, at, operator_no, note) "
                                  "VALUES (?, NULL, 'draft', ?, ?, NULL)", error);
  if (stmt == NULL)
    return 0;
  cf_db_bind_int64 (stmt, 1, id);
  cf_sql_bind_text (stmt, 2, created_at, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 3, operator_no, CF_DB_STATIC);
  if (!cf_store_step_done (store, stmt, _("recording a request"), error))
    id = 0;
  g_clear_pointer (&stmt, cf_db_finalize);
  if (id == 0)
    return 0;

  stmt = cf_store_prepare (store, "INSERT INTO request_documents (request_id, kind) VALUES (?, ?)", error);
  if (stmt == NULL)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (default_documents) && id != 0; i++)
    {
      cf_db_bind_int64 (stmt, 1, id);
      cf_sql_bind_text (stmt, 2, default_documents[i], CF_DB_STATIC);
      if (!cf_store_step_done (store, stmt, _("recording a request"), error))
        id = 0;
    }
  return id;
}

static gboolean
check_incident (const CfLossIncidentInfo *info,
                const CfLossSlip         *slips,
                guint                     n_slips,
                GError                  **error)
{
  static const char *const causes[] = { "human", "technical", "environmental", "management", NULL };
  static const char *const counterparts[] = { "provider", "acquirer", "tax_office", NULL };
  static const char *const proofs[] = { "membership", "statement", "epayment", "other", NULL };

  if (n_slips == 0)
    {
      g_set_error_literal (error, CF_LOSS_ERROR, CF_LOSS_ERROR_INVALID, _("An incident needs at least one lost slip"));
      return FALSE;
    }
  if (!cf_loss_is_one_of (info->cause, causes))
    {
      g_set_error (error, CF_LOSS_ERROR, CF_LOSS_ERROR_INVALID,
                   _("The cause must be human, technical, environmental or management, not “%s”"),
                   info->cause != NULL ? info->cause : "");
      return FALSE;
    }
  for (guint i = 0; i < n_slips; i++)
    {
      if (slips[i].remedy == CF_LOSS_REMEDY_REQUEST && !cf_loss_is_one_of (slips[i].counterpart, counterparts))
        {
          g_set_error (error, CF_LOSS_ERROR, CF_LOSS_ERROR_INVALID,
                       _("Transaction #%lld: a replacement is requested from the POS provider, the acquiring bank or the tax office"),
                       (long long) slips[i].transaction_id);
          return FALSE;
        }
      if (slips[i].remedy == CF_LOSS_REMEDY_NONE && (slips[i].remedy_reason == NULL || *slips[i].remedy_reason == '\0'))
        {
          g_set_error (error, CF_LOSS_ERROR, CF_LOSS_ERROR_INVALID,
                       _("Transaction #%lld: say why nothing is done about its slip"), (long long) slips[i].transaction_id);
          return FALSE;
        }
      if (slips[i].proof != NULL && !cf_loss_is_one_of (slips[i].proof, proofs))
        {
          g_set_error (error, CF_LOSS_ERROR, CF_LOSS_ERROR_INVALID,
                       _("Transaction #%lld: unknown proof “%s”"), (long long) slips[i].transaction_id, slips[i].proof);
          return FALSE;
        }
    }
  return TRUE;
}

static gint64
insert_incident (CfStore                  *store,
                 const CfLossIncidentInfo *info,
                 const char               *created_at,
                 const char               *operator_no,
                 GError                  **error)
{
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store,
    "INSERT INTO loss_incidents (created_at, created_by, period_from, period_to, description, "
    "cause, discovered_by, discovered_at, responsible, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return 0;
  cf_sql_bind_text (stmt, 1, created_at, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 2, operator_no, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 3, info->period_from, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 4, info->period_to, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 5, info->description, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 6, info->cause, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 7, info->discovered_by, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 8, info->discovered_at, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 9, info->responsible, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 10, info->notes, CF_DB_STATIC);
  if (!cf_store_step_done (store, stmt, _("recording the incident"), error))
    return 0;
  return cf_db_last_insert_rowid (cf_store_get_db (store));
}

/* A slip asked for from @slip->counterpart joins that counterpart's request
 * of the incident, made on its first slip. */
static gboolean
add_to_request (CfStore          *store,
                gint64            incident_id,
                const CfLossSlip *slip,
                GHashTable       *requests,
                const char       *created_at,
                const char       *operator_no,
                const char       *doing,
                GError          **error)
{
  gint64 request_id = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (requests, slip->counterpart));
  g_autoptr(CfDbStmt) link = NULL;

  if (request_id == 0)
    {
      request_id = create_request (store, incident_id, slip->counterpart, created_at, operator_no, error);
      if (request_id == 0)
        return FALSE;
      g_hash_table_insert (requests, (gpointer) slip->counterpart, GSIZE_TO_POINTER (request_id));
    }
  link = cf_store_prepare (store, "INSERT INTO request_slips (request_id, transaction_id) VALUES (?, ?)", error);
  if (link == NULL)
    return FALSE;
  cf_db_bind_int64 (link, 1, request_id);
  cf_db_bind_int64 (link, 2, slip->transaction_id);
  return cf_store_step_done (store, link, doing, error);
}

static gboolean
insert_slips (CfStore          *store,
              gint64            incident_id,
              const CfLossSlip *slips,
              guint             n_slips,
              GHashTable       *requests,
              const char       *created_at,
              const char       *operator_no,
              GError          **error)
{
  static const char *const remedies[] = { "duplicate", "request", "none" };
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store,
    "INSERT INTO loss_slips (incident_id, transaction_id, contacted, customer_note, proof, remedy, remedy_reason) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_slips; i++)
    {
      const CfLossSlip *slip = &slips[i];
      g_autofree char *doing = g_strdup_printf (_("recording the slip of transaction #%lld"), (long long) slip->transaction_id);

      cf_db_bind_int64 (stmt, 1, incident_id);
      cf_db_bind_int64 (stmt, 2, slip->transaction_id);
      cf_db_bind_int (stmt, 3, slip->contacted ? 1 : 0);
      cf_sql_bind_text (stmt, 4, slip->customer_note, CF_DB_STATIC);
      cf_sql_bind_text (stmt, 5, slip->proof, CF_DB_STATIC);
      cf_sql_bind_text (stmt, 6, remedies[slip->remedy], CF_DB_STATIC);
      cf_sql_bind_text (stmt, 7, slip->remedy_reason, CF_DB_STATIC);
      if (!cf_store_step_done (store, stmt, doing, error))
        return FALSE;
      if (slip->remedy == CF_LOSS_REMEDY_REQUEST &&
          !add_to_request (store, incident_id, slip, requests, created_at, operator_no, doing, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * cf_loss_create_incident:
 * @slips: (array length=n_slips): the lost slips and what is done about each
 *
 * Writes the incident, its slips and one request per counterpart for the
 * slips to be replaced, with an audit entry, in one database transaction:
 * all of it or, on any failure, none of it.
 *
 * Returns: the incident's id, or 0 with @error set
 */
gint64
cf_loss_create_incident (CfStore                  *store,
                         const CfLossIncidentInfo *info,
                         const CfLossSlip         *slips,
                         guint                     n_slips,
                         const char               *operator_no,
                         GError                  **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *created_at = cf_loss_now_local (now);
  g_autoptr(GHashTable) requests = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *details = NULL;
  gint64 incident_id = 0;
  gboolean ok;

  g_return_val_if_fail (CF_IS_STORE (store), 0);

  if (!check_incident (info, slips, n_slips, error) || !cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return 0;
  ok = (incident_id = insert_incident (store, info, created_at, operator_no, error)) != 0 &&
       insert_slips (store, incident_id, slips, n_slips, requests, created_at, operator_no, error);
  if (ok)
    {
      details = g_strdup_printf ("{\"slips\":%u,\"requests\":%u,\"cause\":\"%s\"}",
                                 n_slips, g_hash_table_size (requests), info->cause);
      ok = cf_store_add_audit_entry (store, operator_no, "report-loss", "loss_incident", incident_id, details, error) &&
           cf_store_exec (store, "COMMIT", error);
    }
  if (!ok)
    {
      cf_store_exec (store, "ROLLBACK", NULL);
      return 0;
    }
  return incident_id;
}

/**
 * cf_loss_list_for_transaction:
 *
 * The loss reports a transaction's slip is in, for its details.
 *
 * Returns: (transfer full) (element-type GStrv): per report, newest first:
 *   the incident's ID, when it was reported, by whom, the remedy chosen for
 *   this slip, and its replacement request's ID and state ("" when none)
 */
GPtrArray *
cf_loss_list_for_transaction (CfStore  *store,
                              gint64    transaction_id,
                              GError  **error)
{
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store,
    "SELECT i.id, i.created_at, coalesce (i.created_by, ''), s.remedy, "
    "  coalesce (CAST ((SELECT r.id FROM request_slips rs JOIN replacement_requests r ON r.id = rs.request_id "
    "                   WHERE rs.transaction_id = s.transaction_id AND r.incident_id = i.id) AS TEXT), ''), "
    "  coalesce ((SELECT r.status FROM request_slips rs JOIN replacement_requests r ON r.id = rs.request_id "
    "             WHERE rs.transaction_id = s.transaction_id AND r.incident_id = i.id), '') "
    "FROM loss_slips s JOIN loss_incidents i ON i.id = s.incident_id "
    "WHERE s.transaction_id = ? ORDER BY i.id DESC", error);

  if (stmt == NULL)
    return NULL;
  cf_db_bind_int64 (stmt, 1, transaction_id);
  return cf_sql_collect_rows (g_steal_pointer (&stmt));
}

/**
 * cf_loss_list_incidents:
 *
 * An incident is resolved when every slip has a duplicate, a request that
 * was fulfilled, or a recorded decision to do nothing.
 *
 * Returns: (transfer full) (element-type CfIncidentInfo): the incidents, newest first
 */
GPtrArray *
cf_loss_list_incidents (CfStore  *store,
                        GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_incident_info_free);
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store,
    "SELECT i.id, i.created_at, i.period_from, i.period_to, i.cause, i.responsible, i.description, "
    "  count (s.transaction_id), "
    "  coalesce (sum (CASE WHEN t.type IN ('void', 'refund', 'preauth_void', 'auth_complete_void') "
    "                 THEN -t.amount_minor ELSE t.amount_minor END), 0), "
    "  sum (s.remedy = 'none' "
    "       OR EXISTS (SELECT 1 FROM duplicates d WHERE d.transaction_id = s.transaction_id) "
    "       OR EXISTS (SELECT 1 FROM request_slips rs JOIN request_history h ON h.request_id = rs.request_id "
    "                  WHERE rs.transaction_id = s.transaction_id AND h.to_status = 'fulfilled')) "
    "FROM loss_incidents i JOIN loss_slips s ON s.incident_id = i.id JOIN transactions t ON t.id = s.transaction_id "
    "GROUP BY i.id ORDER BY i.id DESC", error);

  if (stmt == NULL)
    return NULL;
  while (cf_db_step (stmt) == CF_DB_ROW)
    {
      CfIncidentInfo *info = g_new0 (CfIncidentInfo, 1);

      info->id = cf_db_column_int64 (stmt, 0);
      info->created_at = cf_sql_dup_text (stmt, 1);
      info->period_from = cf_sql_dup_text (stmt, 2);
      info->period_to = cf_sql_dup_text (stmt, 3);
      info->cause = cf_sql_dup_text (stmt, 4);
      info->responsible = cf_sql_dup_text (stmt, 5);
      info->description = cf_sql_dup_text (stmt, 6);
      info->n_slips = (guint) cf_db_column_int (stmt, 7);
      info->amount_minor = cf_db_column_int64 (stmt, 8);
      info->n_resolved = (guint) cf_db_column_int (stmt, 9);
      info->resolved = info->n_resolved == info->n_slips;
      g_ptr_array_add (list, info);
    }
  return g_steal_pointer (&list);
}

/**
 * cf_loss_cause_get_label:
 *
 * Returns: a cause's name for people, translated
 */
const char *
cf_loss_cause_get_label (const char *cause)
{
  if (g_strcmp0 (cause, "human") == 0)
    return _("human");
  if (g_strcmp0 (cause, "technical") == 0)
    return _("technical");
  if (g_strcmp0 (cause, "environmental") == 0)
    return _("environmental");
  if (g_strcmp0 (cause, "management") == 0)
    return _("management");
  return cause;
}

/* Each document as the window names it, in the reader's language, and as
 * the letter prints it, in both. */
static const struct
{
  const char *kind;
  const char *name;
  const char *label;
} document_labels[] = {
  { "business_licence",   N_("Business licence"), "营业执照 Business licence" },
  { "tax_registration",   N_("Tax registration certificate"), "税务登记证 Tax registration certificate" },
  { "account_permit",     N_("Account opening permit"), "开户许可证 Account opening permit" },
  { "legal_rep_id",       N_("Legal representative's ID"), "法定代表人身份证 Legal representative's ID" },
  { "application_letter", N_("This application letter"), "补办申请书 This application letter" },
  { "slip_list",          N_("List of lost slips"), "丢失签购单清单 List of lost slips" },
};

/**
 * cf_loss_document_name:
 *
 * Returns: a document's name for the window, in the reader's language; a
 *   document of the clerk's own (`bank_form`) by the name it was given
 */
const char *
cf_loss_document_name (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (document_labels); i++)
    if (g_strcmp0 (kind, document_labels[i].kind) == 0)
      return _(document_labels[i].name);
  return kind;
}

/**
 * cf_loss_document_label:
 *
 * Returns: a document kind's bilingual name, as printed on a letter:
 *   `营业执照 Business licence`
 */
const char *
cf_loss_document_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (document_labels); i++)
    if (g_strcmp0 (kind, document_labels[i].kind) == 0)
      return document_labels[i].label;
  return kind;
}

/**
 * cf_loss_document_kind_for:
 * @text: a document as a person names it: its kind (`business_licence`),
 *   its label, or either half of it (`营业执照`, `business licence`)
 *
 * Returns: the kind @text names; @text itself for a document of its own
 */
const char *
cf_loss_document_kind_for (const char *text)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;

  if (text == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (text));
  folded = g_utf8_casefold (trimmed, -1);
  for (guint i = 0; i < G_N_ELEMENTS (document_labels); i++)
    {
      const char *label = document_labels[i].label;
      const char *space = strchr (label, ' ');
      g_autofree char *chinese = g_strndup (label, (gsize) (space - label));
      g_autofree char *english = g_utf8_casefold (space + 1, -1);
      g_autofree char *whole = g_utf8_casefold (label, -1);

      if (g_str_equal (folded, document_labels[i].kind) || g_str_equal (folded, whole) ||
          g_str_equal (folded, chinese) || g_str_equal (folded, english))
        return document_labels[i].kind;
    }
  return text;
}

/**
 * cf_loss_document_kinds:
 *
 * Returns: (transfer container): the kinds every request lists, in order
 */
GPtrArray *
cf_loss_document_kinds (void)
{
  GPtrArray *kinds = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (document_labels); i++)
    g_ptr_array_add (kinds, (gpointer) document_labels[i].kind);
  return kinds;
}

/* An enclosed document of the letter, ticked when it is ready. */
typedef struct
{
  gboolean  ready;
  char     *label;
} DocumentLine;

static void
document_line_clear (gpointer data)
{
  g_free (((DocumentLine *) data)->label);
}

/**
 * cf_loss_build_letter:
 * @today: the letter's date
 *
 * The application letter for a replacement request: the merchant, the lost
 * slips (time, terminal, voucher, reference, amount), the documents
 * enclosed, and boxes to sign and stamp — in Chinese with English subtitles.
 *
 * Returns: (transfer full): the letter, or %NULL with @error set
 */
CfReportDoc *
cf_loss_build_letter (CfStore     *store,
                      gint64       request_id,
                      GDateTime   *today,
                      GError     **error)
{
  g_autoptr(CfReportDoc) doc = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) documents = g_array_new (FALSE, FALSE, sizeof (DocumentLine));
  g_autofree char *counterpart = NULL;
  g_autofree char *date = g_date_time_format (today, "%Y-%m-%d");
  g_autofree char *number = g_strdup_printf ("#%lld", (long long) request_id);
  g_autofree char *name = cf_store_get_setting (store, "merchant.name");
  g_autofree char *merchant_no = cf_store_get_setting (store, "merchant.no");
  g_autofree char *address = cf_store_get_setting (store, "merchant.address");
  g_autofree char *phone = cf_store_get_setting (store, "merchant.phone");
  gint64 total = 0;
  g_autoptr(CfDbStmt) stmt = NULL;
  const char *to;
  g_autofree char *acquirer = NULL;
  g_autofree char *to_owned = NULL;
  const char *headers[] = { "交易时间 Time", "终端号 Terminal", "凭证号 Voucher", "参考号 Ref. no.", "卡号 Card",
                            "授权码 Auth", "金额 Amount" };
  const guint widths[] = { 26, 22, 20, 30, 18, 18, 26 };
  const char *signatures[] = { "申请人 Applicant", "负责人 Manager", "商户盖章 Merchant stamp", NULL };

  g_array_set_clear_func (documents, document_line_clear);

  stmt = cf_store_prepare (store, "SELECT counterpart FROM replacement_requests WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  cf_db_bind_int64 (stmt, 1, request_id);
  if (cf_db_step (stmt) == CF_DB_ROW)
    counterpart = cf_sql_dup_text (stmt, 0);
  g_clear_pointer (&stmt, cf_db_finalize);
  if (counterpart == NULL)
    {
      g_set_error (error, CF_LOSS_ERROR, CF_LOSS_ERROR_NOT_FOUND, _("There is no request #%lld"), (long long) request_id);
      return NULL;
    }

  stmt = cf_store_prepare (store, "SELECT t.local_time, t.terminal_no, t.voucher_no, t.ref_no, "
                                  "  CASE WHEN t.type IN ('void', 'refund', 'preauth_void', 'auth_complete_void') "
                                  "       THEN -t.amount_minor ELSE t.amount_minor END, t.currency, "
                                  "  t.merchant_name, t.merchant_no, t.card_last4, t.auth_code, t.acquirer "
                                  "FROM request_slips s JOIN transactions t ON t.id = s.transaction_id "
                                  "WHERE s.request_id = ? ORDER BY t.local_time", error);
  if (stmt == NULL)
    return NULL;
  cf_db_bind_int64 (stmt, 1, request_id);
  while (cf_db_step (stmt) == CF_DB_ROW)
    {
      char **row = g_new0 (char *, 8);

      row[0] = cf_sql_dup_text (stmt, 0);
      for (int c = 1; c <= 3; c++)
        row[c] = g_strdup (cf_db_column_text (stmt, c) != NULL ? (const char *) cf_db_column_text (stmt, c) : "-");
      row[4] = cf_db_column_text (stmt, 8) != NULL ? g_strdup_printf ("*%s", cf_db_column_text (stmt, 8)) : g_strdup ("-");
      row[5] = g_strdup (cf_db_column_text (stmt, 9) != NULL ? (const char *) cf_db_column_text (stmt, 9) : "-");
      row[6] = cf_money_format (cf_db_column_int64 (stmt, 4), (const char *) cf_db_column_text (stmt, 5));
      if (acquirer == NULL && cf_db_column_text (stmt, 10) != NULL)
        acquirer = cf_sql_dup_text (stmt, 10);
      total += cf_db_column_int64 (stmt, 4);
      g_ptr_array_add (rows, row);
      /* A journal's own merchant fields stand in for an unset profile. */
      if (name == NULL && cf_db_column_text (stmt, 6) != NULL)
        name = cf_sql_dup_text (stmt, 6);
      if (merchant_no == NULL && cf_db_column_text (stmt, 7) != NULL)
        merchant_no = cf_sql_dup_text (stmt, 7);
    }
  g_clear_pointer (&stmt, cf_db_finalize);

  stmt = cf_store_prepare (store, "SELECT kind, state FROM request_documents WHERE request_id = ? ORDER BY rowid", error);
  if (stmt == NULL)
    return NULL;
  cf_db_bind_int64 (stmt, 1, request_id);
  while (cf_db_step (stmt) == CF_DB_ROW)
    {
      DocumentLine line = { g_strcmp0 ((const char *) cf_db_column_text (stmt, 1), "missing") != 0,
                            g_strdup (cf_loss_document_label ((const char *) cf_db_column_text (stmt, 0))) };

      g_array_append_val (documents, line);
    }
  g_clear_pointer (&stmt, cf_db_finalize);

  /* The acquirer the journal names is the one the letter goes to. */
  if (g_str_equal (counterpart, "provider"))
    to_owned = g_strdup ("致：POS 服务商 To: the POS service provider");
  else if (g_str_equal (counterpart, "tax_office"))
    to_owned = g_strdup ("致：主管税务机关 To: the tax office");
  else if (acquirer != NULL)
    to_owned = g_strdup_printf ("致：%s（收单机构） To: %s, the acquirer", acquirer, acquirer);
  else
    to_owned = g_strdup ("致：收单银行 To: the acquiring bank");
  to = to_owned;

  doc = cf_report_doc_new ("签购单补办申请 Application for replacement slips");
  cf_report_doc_add_heading (doc, "签购单补办申请", "Application for Replacement of POS Sales Slips");
  cf_report_doc_add_paragraph (doc, to);
  cf_report_doc_add_field (doc, "商户名称 Merchant", name);
  cf_report_doc_add_field (doc, "商户编号 Merchant no.", merchant_no);
  cf_report_doc_add_field (doc, "地址 Address", address);
  cf_report_doc_add_field (doc, "电话 Telephone", phone);
  cf_report_doc_add_field (doc, "申请编号 Request no.", number);
  cf_report_doc_add_field (doc, "日期 Date", date);
  cf_report_doc_add_space (doc, CF_REPORT_LINE_PT / 2);
  {
    g_autofree char *sum = cf_money_format (total, "CNY");
    g_autofree char *text = g_strdup_printf ("本商户下列 %u 笔银行卡交易的签购单已遗失，特申请补办签购单副本，合计 %s。\n"
                                             "The sales slips of the %u card transactions below have been lost; we request "
                                             "replacement copies (total %s).", rows->len, sum, rows->len, sum);
    cf_report_doc_add_paragraph (doc, text);
  }
  cf_report_doc_add_table (doc, headers, widths, G_N_ELEMENTS (headers), rows);
  cf_report_doc_add_paragraph (doc, "随附材料 Documents enclosed:");
  for (guint i = 0; i < documents->len; i++)
    cf_report_doc_add_check_item (doc, g_array_index (documents, DocumentLine, i).ready,
                                  g_array_index (documents, DocumentLine, i).label);
  cf_report_doc_add_space (doc, CF_REPORT_LINE_PT / 2);
  cf_report_doc_add_paragraph (doc, "我们承诺以上信息真实，补办的签购单仅用于对账、退换货及税务用途。\n"
                                    "We confirm the above is true; the copies will serve reconciliation, returns and tax records only.");
  cf_report_doc_add_signatures (doc, signatures);
  return g_steal_pointer (&doc);
}
