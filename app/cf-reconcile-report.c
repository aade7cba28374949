/* cf-reconcile-report.c — a period's reconciliation on A4, signed off by a manager
 *
 * The same report document as the handover report, so the same painter
 * shows it and the same writer makes its PDF. Signing freezes the document
 * under the next number, with the audit log's head printed on it; a signed
 * report is read back as it was signed, or refused when its bytes no longer
 * match their SHA-256.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-reconcile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-audit-anchors.h"
#include "cf-auth.h"
#include "cf-money.h"
#include "cf-reconcile-report.h"
#include "cf-reconcile.h"
#include "cf-settlement.h"
#include "cf-store-private.h"
#include "cf-transaction.h"

#define DRAFT_MARKING "草稿 DRAFT"

/* A month of a busy shop can leave hundreds unsettled; the report lists
 * this many of a class and says how many more the window shows. */
#define MAX_ROWS_PER_CLASS 300

/* The report is in both languages whatever the reader's, like the handover's. */
static const char *const class_titles[CF_RECONCILE_N_CLASSES] = {
  [CF_RECONCILE_MATCHED]     = "对上 Matched",
  [CF_RECONCILE_DIFFERS]     = "金额不符 Amounts differ",
  [CF_RECONCILE_FEE_DIFFERS] = "手续费不符 Fee not as agreed",
  [CF_RECONCILE_UNSETTLED]   = "未结算 Not settled",
  [CF_RECONCILE_MISSING]     = "流水无 Not in the journal",
  [CF_RECONCILE_EXPECTED]    = "预期 Marked as expected",
};

/* What a row needs a person for: its differences, or why it is expected. */
static char *
row_note (CfStore          *store,
          CfReconcileClass  klass,
          gint64            id)
{
  g_autoptr(GPtrArray) differences = NULL;

  if (klass == CF_RECONCILE_EXPECTED)
    return cf_reconcile_dup_mark_note (store, id);
  differences = cf_reconcile_describe_differences (store, id, NULL);
  if (differences == NULL || differences->len == 0)
    return g_strdup ("");
  g_ptr_array_add (differences, NULL);
  return g_strjoinv ("; ", (char **) differences->pdata);
}

static void
add_class_rows (CfReportDoc      *doc,
                CfStore          *store,
                CfReconciliation *r,
                CfReconcileClass  klass)
{
  const char *headers[] = { "时间 Time", "终端 Terminal", "凭证号 Voucher", "参考号 Ref. no.", "金额 Amount", "说明 Note" };
  const guint widths[] = { 28, 20, 18, 27, 24, 50 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n = r->ids[klass]->len;

  if (n == 0)
    return;
  cf_report_doc_add_caption (doc, class_titles[klass]);
  for (guint i = 0; i < n && i < MAX_ROWS_PER_CLASS; i++)
    {
      gint64 id = g_array_index (r->ids[klass], gint64, i);
      g_autoptr(CfTransaction) txn = cf_store_get_transaction (store, id, NULL);
      char **row;

      if (txn == NULL)
        continue;
      row = g_new0 (char *, 7);
      row[0] = g_strndup (cf_transaction_get_local_time (txn), 16);
      row[1] = g_strdup (cf_transaction_get_terminal_no (txn) != NULL ? cf_transaction_get_terminal_no (txn) : "—");
      row[2] = g_strdup (cf_transaction_get_voucher_no (txn) != NULL ? cf_transaction_get_voucher_no (txn) : "—");
      row[3] = g_strdup (cf_transaction_get_ref_no (txn) != NULL ? cf_transaction_get_ref_no (txn) : "—");
      row[4] = cf_transaction_dup_amount_text (txn);
      row[5] = row_note (store, klass, id);
      g_ptr_array_add (rows, row);
    }
  cf_report_doc_add_table (doc, headers, widths, G_N_ELEMENTS (headers), rows);
  if (n > MAX_ROWS_PER_CLASS)
    {
      g_autofree char *more = g_strdup_printf ("另有 %u 笔，见对账页面。 %u more: see the Reconciliation section.",
                                               n - MAX_ROWS_PER_CLASS, n - MAX_ROWS_PER_CLASS);
      cf_report_doc_add_paragraph (doc, more);
    }
}

static void
add_summary (CfReportDoc      *doc,
             CfReconciliation *r)
{
  const char *headers[] = { "对账结果 Result", "笔数 Count", "金额 Amount" };
  const guint widths[] = { 85, 30, 52 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint c = 0; c < CF_RECONCILE_N_CLASSES; c++)
    {
      char **row = g_new0 (char *, 4);

      row[0] = g_strdup (class_titles[c]);
      row[1] = g_strdup_printf ("%u", r->count[c]);
      row[2] = cf_money_format (r->amount_minor[c], NULL);
      g_ptr_array_add (rows, row);
    }
  cf_report_doc_add_table (doc, headers, widths, G_N_ELEMENTS (headers), rows);
  if (r->open_questions > 0)
    {
      g_autofree char *questions = g_strdup_printf ("%u 行可能属于多笔交易，待人工确认。 "
                                                    "%u rows could be more than one transaction and wait for a person.",
                                                    r->open_questions, r->open_questions);
      cf_report_doc_add_paragraph (doc, questions);
    }
}

static gboolean
add_settlement (CfReportDoc             *doc,
                CfStore                 *store,
                const CfReconcileScope  *scope,
                GError                 **error)
{
  const char *headers[] = { "清算日 Settled", "笔数 Count", "清算 Gross", "手续费 Fee", "净额 Net", "到账 Deposited",
                            "差额 Difference" };
  const guint widths[] = { 25, 15, 26, 22, 26, 26, 27 };
  g_autoptr(GPtrArray) days = cf_settlement_list_days (store, scope->from, scope->to, scope->terminal_no, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  CfFeeRate rates[CF_FEE_KIND_N];
  g_autoptr(GString) agreed = g_string_new ("约定费率 Agreed rates: ");
  gboolean any_rate = FALSE, any_guessed = FALSE;

  if (days == NULL || !cf_fee_rates_load (store, rates, error))
    return FALSE;
  cf_report_doc_add_caption (doc, "清算与到账 Settled and deposited");
  for (guint i = 0; i < days->len; i++)
    {
      CfSettlementDay *day = g_ptr_array_index (days, i);
      char **row = g_new0 (char *, 8);

      row[0] = day->date_known ? g_strdup (day->date) : g_strdup_printf ("%s*", day->date);
      any_guessed |= !day->date_known;
      row[1] = g_strdup_printf ("%u", day->count);
      row[2] = cf_money_to_decimal (day->gross_minor);
      row[3] = cf_money_to_decimal (day->fee_minor);
      row[4] = cf_money_to_decimal (day->net_minor);
      row[5] = day->has_deposit ? cf_money_to_decimal (day->deposit_minor) : g_strdup ("—");
      row[6] = day->has_deposit ? cf_money_to_decimal (day->deposit_minor - day->net_minor) : g_strdup ("—");
      g_ptr_array_add (rows, row);
    }
  if (rows->len == 0)
    cf_report_doc_add_paragraph (doc, "本期没有对账单。 No statement covers this period.");
  else
    cf_report_doc_add_table (doc, headers, widths, G_N_ELEMENTS (headers), rows);
  if (any_guessed)
    cf_report_doc_add_paragraph (doc, "* 对账单未给清算日，按交易日。 * The statement gave no settlement date: the day of the sale.");
  for (guint k = 0; k < CF_FEE_KIND_N; k++)
    if (rates[k].set)
      {
        g_autofree char *rate = cf_fee_rate_format (&rates[k]);

        g_string_append_printf (agreed, "%s%s %s", any_rate ? "; " : "", cf_fee_kind_to_nick ((CfFeeKind) k), rate);
        any_rate = TRUE;
      }
  if (!any_rate)
    g_string_append (agreed, "— (未设置 none set)");
  cf_report_doc_add_paragraph (doc, agreed->str);
  return TRUE;
}

static CfReportDoc *
build (CfStore                 *store,
       const CfReconcileScope  *scope,
       const char              *marking,
       GError                 **error)
{
  g_autoptr(CfReconciliation) r = cf_reconcile_compute (store, scope->from, scope->to, scope->terminal_no, error);
  g_autofree char *merchant = cf_store_get_setting (store, "merchant.name");
  g_autofree char *merchant_no = cf_store_get_setting (store, "merchant.no");
  g_autofree char *period = g_strdup_printf ("%.16s — %.16s", scope->from, scope->to);
  const char *signatures[] = { "对账人 Reconciled by", "店长 Manager", NULL };
  g_autoptr(CfReportDoc) doc = NULL;

  if (r == NULL)
    return NULL;
  doc = cf_report_doc_new ("对账报告 Reconciliation report");
  cf_report_doc_set_marking (doc, marking);
  cf_report_doc_add_heading (doc, "对账报告", "Reconciliation Report");
  cf_report_doc_add_field (doc, "商户 Merchant", merchant != NULL ? merchant : "—");
  cf_report_doc_add_field (doc, "商户编号 Merchant no.", merchant_no);
  cf_report_doc_add_field (doc, "时段 Period", period);
  cf_report_doc_add_field (doc, "终端 Terminal", scope->terminal_no != NULL ? scope->terminal_no : "全部 All");
  cf_report_doc_add_space (doc, CF_REPORT_LINE_PT / 2);
  add_summary (doc, r);
  for (CfReconcileClass c = CF_RECONCILE_DIFFERS; c < CF_RECONCILE_N_CLASSES; c++)
    add_class_rows (doc, store, r, c);
  if (!add_settlement (doc, store, scope, error))
    return NULL;
  cf_report_doc_add_signatures (doc, signatures);
  return g_steal_pointer (&doc);
}

/**
 * cf_reconcile_report_build:
 *
 * Returns: (transfer full) (nullable): the DRAFT report of the period, or
 *   %NULL with @error set
 */
CfReportDoc *
cf_reconcile_report_build (CfStore                 *store,
                           const CfReconcileScope  *scope,
                           GError                 **error)
{
  return build (store, scope, DRAFT_MARKING, error);
}

/**
 * cf_reconcile_report_sign:
 * @manager_no: the signing manager
 *
 * Freezes the period's report under the next number. Audited.
 *
 * Returns: the report's number, or 0 with @error set
 */
gint64
cf_reconcile_report_sign (CfStore                 *store,
                          const CfReconcileScope  *scope,
                          const char              *manager_no,
                          GDateTime               *now,
                          GError                 **error)
{
  g_autoptr(CfReportDoc) doc = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(CfDbStmt) stmt = NULL;
  g_autoptr(GError) anchor_error = NULL;
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  g_autofree char *sum = NULL, *marking = NULL, *chain = NULL, *details = NULL, *anchor_detail = NULL;
  const char *signer = cf_store_get_override (store) != NULL ? cf_store_get_override (store) : manager_no;
  gint64 sequence_no = 0;
  gboolean kept;

  if (!cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return 0;
  if (!cf_auth_require_manager (store, manager_no, _("Only a manager can sign off a reconciliation report"), error))
    goto out;
  stmt = cf_store_prepare (store, "SELECT coalesce (max (sequence_no), 0) + 1 FROM reconciliation_reports", error);
  if (stmt == NULL)
    goto out;
  if (cf_db_step (stmt) == CF_DB_ROW)
    sequence_no = cf_db_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, cf_db_finalize);

  chain = cf_audit_current_fingerprint (store);
  marking = g_strdup_printf ("No. R%06lld  %s %s  %s%s%s", (long long) sequence_no, signer, "签核 signed", at,
                             chain != NULL ? "  审计 " : "", chain != NULL ? chain : "");
  if ((doc = build (store, scope, marking, error)) == NULL)
    goto out;
  content = cf_report_doc_to_bytes (doc);
  sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  stmt = cf_store_prepare (store, "INSERT INTO reconciliation_reports (sequence_no, period_from, period_to, terminal_no, "
                                  "signed_by, signed_at, sha256, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto out;
  cf_db_bind_int64 (stmt, 1, sequence_no);
  cf_db_bind_text (stmt, 2, scope->from, -1, CF_DB_STATIC);
  cf_db_bind_text (stmt, 3, scope->to, -1, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 4, scope->terminal_no, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 5, signer, CF_DB_STATIC);
  cf_db_bind_text (stmt, 6, at, -1, CF_DB_STATIC);
  cf_db_bind_text (stmt, 7, sum, -1, CF_DB_STATIC);
  cf_db_bind_blob (stmt, 8, g_bytes_get_data (content, NULL), (int) g_bytes_get_size (content), CF_DB_STATIC);
  kept = cf_store_step_done (store, stmt, _("keeping the signed report"), error);
  g_clear_pointer (&stmt, cf_db_finalize);
  details = g_strdup_printf ("{\"sequence_no\":%lld,\"from\":\"%s\",\"to\":\"%s\",\"sha256\":\"%s\"}",
                             (long long) sequence_no, scope->from, scope->to, sum);
  if (!cf_store_finish_audited (store, kept, manager_no, "sign-off-reconciliation", "reconciliation_report",
                                sequence_no, details, error))
    return 0;
  anchor_detail = g_strdup_printf ("No. R%06lld", (long long) sequence_no);
  if (!cf_audit_anchors_append (store, "signed-report", anchor_detail, &anchor_error))
    g_message ("%s", anchor_error->message);
  return sequence_no;

out:
  cf_store_exec (store, "ROLLBACK", NULL);
  return 0;
}

/**
 * cf_reconcile_report_load:
 *
 * Returns: (transfer full) (nullable): signed report No. @sequence_no as it
 *   was signed, or %NULL with @error set when there is none or its bytes
 *   were altered
 */
CfReportDoc *
cf_reconcile_report_load (CfStore  *store,
                          gint64    sequence_no,
                          GError  **error)
{
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store, "SELECT content, sha256 FROM reconciliation_reports "
                                                          "WHERE sequence_no = ?", error);
  g_autoptr(GBytes) content = NULL;
  g_autofree char *sum = NULL;

  if (stmt == NULL)
    return NULL;
  cf_db_bind_int64 (stmt, 1, sequence_no);
  if (cf_db_step (stmt) != CF_DB_ROW)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("there is no signed reconciliation report no. %lld"),
                   (long long) sequence_no);
      return NULL;
    }
  content = g_bytes_new (cf_db_column_blob (stmt, 0), (gsize) cf_db_column_bytes (stmt, 0));
  sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  if (g_strcmp0 (sum, (const char *) cf_db_column_text (stmt, 1)) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The signed reconciliation report no. %lld does not match its SHA-256: it was altered outside Counterfoil"),
                   (long long) sequence_no);
      return NULL;
    }
  return cf_report_doc_new_from_bytes (content, error);
}
