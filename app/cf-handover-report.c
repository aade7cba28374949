/* cf-handover-report.c — the manager's one-page account of a shift
 *
 * Figures for a scope — a period of shop time on some terminals — come
 * straight from SQL: totals by type, card brand, terminal and operator, the
 * hourly sales, slip custody (lost slips, duplicates issued), loss
 * incidents, replacement requests and imports. They are laid out as a
 * CfReportDoc with bilingual labels, so the same document reads the same
 * whatever the desk's language, and is marked DRAFT until a manager signs
 * it off. Signing keeps the document's operations with their SHA-256 under
 * the next sequence number; from then on the shift's report is that kept
 * document, whatever later imports or edits change underneath.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-handover"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-auth.h"
#include "cf-audit-anchors.h"
#include "cf-handover-report.h"
#include "cf-reconcile.h"
#include "cf-loss-service.h"
#include "cf-money.h"
#include "cf-shift-service.h"
#include "cf-store-private.h"

/* Money that left the card counts positive, money returned to it negative. */
#define SIGNED_AMOUNT \
  "CASE WHEN t.type IN ('void', 'refund', 'preauth_void', 'auth_complete_void') " \
  "THEN -t.amount_minor ELSE t.amount_minor END"

/* ?1 from, ?2 to, ?3 the terminals between unit separators or NULL. */
#define IN_SCOPE \
  "t.local_time >= ?1 AND t.local_time < ?2 " \
  "AND (?3 IS NULL OR instr (?3, char (31) || t.terminal_no || char (31)) > 0)"

#define DRAFT_MARKING "草稿 DRAFT"

static const struct { const char *nick; const char *label; } type_labels[] = {
  { "sale", "消费 Sale" },
  { "void", "撤销 Void" },
  { "refund", "退货 Refund" },
  { "preauth", "预授权 Pre-auth" },
  { "preauth_void", "预授权撤销 Pre-auth void" },
  { "auth_complete", "预授权完成 Completion" },
  { "auth_complete_void", "完成撤销 Completion void" },
  { "other", "其他 Other" },
};

static const struct { const char *nick; const char *label; } method_labels[] = {
  { "card", "银行卡 Card" },
  { "wechat", "微信支付 WeChat Pay" },
  { "alipay", "支付宝 Alipay" },
  { "unionpay_qr", "云闪付 UnionPay QR" },
  { "cash", "现金 Cash" },
  { "other", "其他 Other" },
};

static const struct { const char *nick; const char *label; } reason_labels[] = {
  { "customer", "顾客 Customer" },
  { "retrieval", "调单 Retrieval" },
  { "tax", "税务 Tax" },
  { "reconciliation", "对账 Reconciliation" },
  { "other", "其他 Other" },
};

static void
line_free (CfHandoverLine *line)
{
  g_free (line->label);
  g_free (line);
}

void
cf_handover_figures_free (CfHandoverFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->currency);
  g_clear_pointer (&figures->by_type, g_ptr_array_unref);
  g_clear_pointer (&figures->by_brand, g_ptr_array_unref);
  g_clear_pointer (&figures->by_method, g_ptr_array_unref);
  g_clear_pointer (&figures->by_terminal, g_ptr_array_unref);
  g_clear_pointer (&figures->by_operator, g_ptr_array_unref);
  g_clear_pointer (&figures->duplicates, g_ptr_array_unref);
  g_clear_pointer (&figures->incidents, g_ptr_array_unref);
  g_clear_pointer (&figures->imports, g_ptr_array_unref);
  g_free (figures);
}

static char *
terminal_list (const CfHandoverScope *scope)
{
  g_autofree char *joined = NULL;

  if (scope->terminals == NULL || scope->terminals[0] == NULL)
    return NULL;
  joined = g_strjoinv ("\x1f", (char **) scope->terminals);
  return g_strdup_printf ("\x1f%s\x1f", joined);
}

static CfDbStmt *
prepare_scoped (CfStore                *store,
                const char             *sql,
                const CfHandoverScope  *scope,
                const char             *terminals,
                GError                **error)
{
  CfDbStmt *stmt = cf_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;
  cf_sql_bind_text (stmt, 1, scope->from, CF_DB_TRANSIENT);
  cf_sql_bind_text (stmt, 2, scope->to, CF_DB_TRANSIENT);
  cf_sql_bind_text (stmt, 3, terminals, CF_DB_TRANSIENT);
  return stmt;
}

/* Rows of (label, count, amount) into CfHandoverLines. */
static GPtrArray *
load_lines (CfStore                *store,
            const char             *sql,
            const CfHandoverScope  *scope,
            const char             *terminals,
            GError                **error)
{
  CfDbStmt *stmt = prepare_scoped (store, sql, scope, terminals, error);
  GPtrArray *lines;

  if (stmt == NULL)
    return NULL;
  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  while (cf_db_step (stmt) == CF_DB_ROW)
    {
      CfHandoverLine *line = g_new0 (CfHandoverLine, 1);

      line->label = cf_sql_dup_text (stmt, 0);
      line->count = (guint) cf_db_column_int64 (stmt, 1);
      line->amount_minor = cf_db_column_int64 (stmt, 2);
      g_ptr_array_add (lines, line);
    }
  cf_db_finalize (stmt);
  return lines;
}

/* Rows of text columns into GStrvs. */
static GPtrArray *
load_rows (CfStore                *store,
           const char             *sql,
           const CfHandoverScope  *scope,
           const char             *terminals,
           GError                **error)
{
  CfDbStmt *stmt = prepare_scoped (store, sql, scope, terminals, error);

  return stmt != NULL ? cf_sql_collect_rows (stmt) : NULL;
}

static gboolean
load_totals (CfStore                *store,
             const CfHandoverScope  *scope,
             const char             *terminals,
             CfHandoverFigures      *figures,
             GError                **error)
{
  CfDbStmt *stmt = prepare_scoped (store,
    "SELECT count (*), "
    "  coalesce (sum (CASE WHEN t.type IN ('sale', 'auth_complete') THEN t.amount_minor END), 0), "
    "  coalesce (sum (CASE WHEN t.type IN ('void', 'refund') THEN t.amount_minor END), 0), "
    "  coalesce (sum (" SIGNED_AMOUNT "), 0), "
    "  (SELECT count (DISTINCT l.transaction_id) FROM loss_slips l JOIN transactions t ON t.id = l.transaction_id "
    "   WHERE " IN_SCOPE "), "
    "  (SELECT currency FROM transactions t WHERE " IN_SCOPE " GROUP BY currency ORDER BY count (*) DESC LIMIT 1) "
    "FROM transactions t WHERE " IN_SCOPE, scope, terminals, error);

  if (stmt == NULL)
    return FALSE;
  if (cf_db_step (stmt) == CF_DB_ROW)
    {
      figures->count = (guint) cf_db_column_int64 (stmt, 0);
      figures->sales_minor = cf_db_column_int64 (stmt, 1);
      figures->reversals_minor = cf_db_column_int64 (stmt, 2);
      figures->net_minor = cf_db_column_int64 (stmt, 3);
      figures->slips_lost = (guint) cf_db_column_int64 (stmt, 4);
      figures->currency = g_strdup (cf_db_column_text (stmt, 5) != NULL ? (const char *) cf_db_column_text (stmt, 5)
                                                                         : "CNY");
    }
  cf_db_finalize (stmt);

  stmt = prepare_scoped (store, "SELECT CAST (substr (t.local_time, 12, 2) AS INTEGER), sum (t.amount_minor) "
                                "FROM transactions t WHERE " IN_SCOPE " AND t.type IN ('sale', 'auth_complete') "
                                "GROUP BY 1", scope, terminals, error);
  if (stmt == NULL)
    return FALSE;
  while (cf_db_step (stmt) == CF_DB_ROW)
    {
      int hour = cf_db_column_int (stmt, 0);

      if (hour >= 0 && hour < 24)
        figures->hourly_sales_minor[hour] = cf_db_column_int64 (stmt, 1);
    }
  cf_db_finalize (stmt);
  return TRUE;
}

static void
count_requests (CfStore           *store,
                GDateTime         *today,
                CfHandoverFigures *figures)
{
  g_autoptr(GPtrArray) requests = cf_loss_list_requests (store, today, NULL);

  for (guint i = 0; requests != NULL && i < requests->len; i++)
    {
      CfRequestInfo *request = g_ptr_array_index (requests, i);

      if (!cf_request_status_is_open (request->status))
        continue;
      figures->requests_open++;
      figures->requests_overdue += request->overdue;
      figures->requests_due_soon += request->due_soon;
    }
}

/**
 * cf_handover_compute:
 * @today: the day requests' deadlines are counted from
 *
 * Returns: (transfer full) (nullable): the figures of @scope, or %NULL with @error set
 */
/* The shift's sales against what was settled: a line of the report. */
static void
count_reconciled (CfStore                *store,
                  const CfHandoverScope  *scope,
                  CfHandoverFigures      *figures)
{
  guint n = scope->terminals != NULL ? g_strv_length ((char **) scope->terminals) : 0;

  for (guint t = 0; t < MAX (n, 1); t++)
    {
      g_autoptr(CfReconciliation) r = cf_reconcile_compute (store, scope->from, scope->to,
                                                            n > 0 ? scope->terminals[t] : NULL, NULL);

      for (guint c = 0; r != NULL && c < CF_RECONCILE_N_CLASSES; c++)
        figures->reconciled[c] += r->count[c];
    }
}

CfHandoverFigures *
cf_handover_compute (CfStore                *store,
                     const CfHandoverScope  *scope,
                     GDateTime              *today,
                     GError                **error)
{
  g_autoptr(CfHandoverFigures) figures = g_new0 (CfHandoverFigures, 1);
  g_autofree char *terminals = terminal_list (scope);

  /* One snapshot for every figure; a savepoint, as signing off holds a transaction already. */
  if (!cf_store_exec (store, "SAVEPOINT handover_figures", error))
    return NULL;
  if (!load_totals (store, scope, terminals, figures, error) ||
      (figures->by_type = load_lines (store,
         "SELECT t.type, count (*), sum (" SIGNED_AMOUNT ") FROM transactions t WHERE " IN_SCOPE
         " GROUP BY t.type ORDER BY count (*) DESC, t.type", scope, terminals, error)) == NULL ||
      (figures->by_method = load_lines (store,
         "SELECT t.payment_method, count (*), sum (" SIGNED_AMOUNT ") FROM transactions t WHERE " IN_SCOPE
         " GROUP BY t.payment_method ORDER BY 3 DESC, 1", scope, terminals, error)) == NULL ||
      /* Brands are cards': wallets and cash have none. */
      (figures->by_brand = load_lines (store,
         "SELECT trim (coalesce (t.card_brand, '?') || ' ' || coalesce (t.card_kind, '')), count (*), sum (" SIGNED_AMOUNT ") "
         "FROM transactions t WHERE " IN_SCOPE " AND t.payment_method = 'card' GROUP BY 1 ORDER BY 3 DESC, 1",
         scope, terminals, error)) == NULL ||
      (figures->by_terminal = load_lines (store,
         "SELECT coalesce (t.terminal_no, '?'), count (*), sum (" SIGNED_AMOUNT ") "
         "FROM transactions t WHERE " IN_SCOPE " GROUP BY 1 ORDER BY 1", scope, terminals, error)) == NULL ||
      (figures->by_operator = load_lines (store,
         "SELECT trim (coalesce (t.operator_no, '?') || ' ' || coalesce ((SELECT name FROM operators o "
         "  WHERE o.operator_no = t.operator_no), '')), count (*), sum (" SIGNED_AMOUNT ") "
         "FROM transactions t WHERE " IN_SCOPE " GROUP BY t.operator_no ORDER BY t.operator_no", scope, terminals, error)) == NULL ||
      /* Duplicates issued during the period, at the scope's terminals. */
      (figures->duplicates = load_rows (store,
         "SELECT substr (d.issued_at, 12, 5), coalesce (t.voucher_no, t.ref_no, ''), d.number, d.reason, "
         "  coalesce (d.operator_no, '') FROM duplicates d JOIN transactions t ON t.id = d.transaction_id "
         "WHERE d.issued_at >= ?1 AND d.issued_at < ?2 "
         "  AND (?3 IS NULL OR instr (?3, char (31) || t.terminal_no || char (31)) > 0) "
         "ORDER BY d.issued_at, d.id", scope, terminals, error)) == NULL ||
      (figures->incidents = load_rows (store,
         "SELECT i.id, substr (i.created_at, 1, 16), (SELECT count (*) FROM loss_slips s WHERE s.incident_id = i.id), "
         "  i.cause, coalesce (i.created_by, '') FROM loss_incidents i "
         "WHERE i.created_at >= ?1 AND i.created_at < ?2 AND ?3 IS ?3 ORDER BY i.created_at", scope, terminals, error)) == NULL ||
      /* Imports are stamped in UTC; the scope is shop time. */
      (figures->imports = load_rows (store,
         "SELECT datetime (replace (replace (m.imported_at, 'T', ' '), 'Z', ''), 'localtime'), m.file_name, m.imported, "
         "  m.rejected, m.conflicts FROM imports m "
         "WHERE datetime (replace (replace (m.imported_at, 'T', ' '), 'Z', ''), 'localtime') >= ?1 "
         "  AND datetime (replace (replace (m.imported_at, 'T', ' '), 'Z', ''), 'localtime') < ?2 AND ?3 IS ?3 "
         "ORDER BY m.imported_at", scope, terminals, error)) == NULL)
    {
      cf_store_exec (store, "ROLLBACK TO handover_figures; RELEASE handover_figures", NULL);
      return NULL;
    }
  for (guint i = 0; i < figures->imports->len; i++)
    figures->rows_rejected += (guint) g_ascii_strtoull (((char **) g_ptr_array_index (figures->imports, i))[3], NULL, 10);
  count_requests (store, today, figures);
  count_reconciled (store, scope, figures);
  cf_store_exec (store, "RELEASE handover_figures", NULL);
  return g_steal_pointer (&figures);
}

typedef enum
{
  LABEL_AS_IS,
  LABEL_TYPE,
  LABEL_METHOD,
  LABEL_REASON,
} LabelKind;

/* The report's bilingual name for a stored nick. */
static const char *
label_of (const char *nick,
          LabelKind   kind)
{
  for (guint i = 0; kind == LABEL_TYPE && i < G_N_ELEMENTS (type_labels); i++)
    if (g_strcmp0 (type_labels[i].nick, nick) == 0)
      return type_labels[i].label;
  for (guint i = 0; kind == LABEL_METHOD && i < G_N_ELEMENTS (method_labels); i++)
    if (g_strcmp0 (method_labels[i].nick, nick) == 0)
      return method_labels[i].label;
  for (guint i = 0; kind == LABEL_REASON && i < G_N_ELEMENTS (reason_labels); i++)
    if (g_strcmp0 (reason_labels[i].nick, nick) == 0)
      return reason_labels[i].label;
  return nick;
}

static void
add_breakdown (CfReportDoc       *doc,
               const char        *heading,
               GPtrArray         *lines,
               const char        *currency,
               LabelKind          labels)
{
  const char *headers[] = { heading, "笔数 Count", "金额 Amount" };
  const guint widths[] = { 85, 30, 52 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < lines->len; i++)
    {
      CfHandoverLine *line = g_ptr_array_index (lines, i);
      char **row = g_new0 (char *, 4);

      row[0] = g_strdup (label_of (line->label, labels));
      row[1] = g_strdup_printf ("%u", line->count);
      row[2] = cf_money_format (line->amount_minor, currency);
      g_ptr_array_add (rows, row);
    }
  if (rows->len == 0)
    g_ptr_array_add (rows, g_strdupv ((char *[]) { (char *) "—", (char *) "0", (char *) "—", NULL }));
  cf_report_doc_add_table (doc, headers, widths, G_N_ELEMENTS (headers), rows);
}

typedef struct
{
  const char *title;           /* the shift, or the period */
  const char *outgoing;
  const char *incoming;
  const char *notes;
  const char *variance;
  const char *marking;         /* DRAFT, or the sequence no. */
} ReportHeader;

static CfReportDoc *
build (CfStore                *store,
       const CfHandoverScope  *scope,
       const ReportHeader     *header,
       GDateTime              *today,
       GError                **error)
{
  g_autoptr(CfHandoverFigures) figures = cf_handover_compute (store, scope, today, error);
  g_autofree char *merchant = cf_store_get_setting (store, "merchant.name");
  g_autofree char *merchant_no = cf_store_get_setting (store, "merchant.no");
  g_autofree char *period = g_strdup_printf ("%.16s — %.16s", scope->from, scope->to);
  g_autofree char *terminals = scope->terminals != NULL && scope->terminals[0] != NULL
                               ? g_strjoinv (", ", (char **) scope->terminals) : g_strdup ("全部 All");
  g_autofree char *sales = NULL, *reversals = NULL, *net = NULL, *count = NULL, *custody = NULL, *requests = NULL;
  const char *hours[24];
  char hour_text[24][3];
  g_autoptr(CfReportDoc) doc = NULL;
  const char *signatures[] = { "交班人 Outgoing", "接班人 Incoming", "店长 Manager", NULL };

  if (figures == NULL)
    return NULL;

  doc = cf_report_doc_new ("交接班报告 Shift handover report");
  cf_report_doc_set_marking (doc, header->marking);
  cf_report_doc_add_heading (doc, "交接班报告", "Shift Handover Report");
  cf_report_doc_add_field (doc, "商户 Merchant", merchant != NULL ? merchant : "—");
  cf_report_doc_add_field (doc, "商户编号 Merchant no.", merchant_no);
  cf_report_doc_add_field (doc, "班次 Shift", header->title);
  cf_report_doc_add_field (doc, "时段 Period", period);
  cf_report_doc_add_field (doc, "终端 Terminals", terminals);
  cf_report_doc_add_field (doc, "交班人 Outgoing", header->outgoing);
  cf_report_doc_add_field (doc, "接班人 Incoming", header->incoming);

  sales = cf_money_format (figures->sales_minor, figures->currency);
  reversals = cf_money_format (-figures->reversals_minor, figures->currency);
  net = cf_money_format (figures->net_minor, figures->currency);
  count = g_strdup_printf ("%u", figures->count);
  cf_report_doc_add_space (doc, CF_REPORT_LINE_PT / 2);
  cf_report_doc_add_field (doc, "交易笔数 Transactions", count);
  cf_report_doc_add_field (doc, "消费 Sales", sales);
  cf_report_doc_add_field (doc, "撤销退货 Voids, refunds", reversals);
  cf_report_doc_add_field (doc, "净额 Net", net);
  {
    const guint *r = figures->reconciled;
    g_autofree char *expected = r[CF_RECONCILE_EXPECTED] > 0
                              ? g_strdup_printf (" · %u 预期 expected", r[CF_RECONCILE_EXPECTED]) : g_strdup ("");
    gboolean no_statement = r[CF_RECONCILE_MATCHED] + r[CF_RECONCILE_MISSING] + r[CF_RECONCILE_DIFFERS] +
                            r[CF_RECONCILE_FEE_DIFFERS] + r[CF_RECONCILE_EXPECTED] == 0;
    /* Before the acquirer's statement is in, "unsettled" is no finding: say what it is. */
    g_autofree char *reconciled = no_statement
      ? g_strdup_printf ("尚无对账单 no statement imported for this period yet (%u 笔待核对 to check)",
                         r[CF_RECONCILE_UNSETTLED])
      : g_strdup_printf ("%u 对上 matched · %u 未结算 unsettled · %u 流水无 missing · %u 不符 differ%s",
                         r[CF_RECONCILE_MATCHED], r[CF_RECONCILE_UNSETTLED], r[CF_RECONCILE_MISSING],
                         r[CF_RECONCILE_DIFFERS] + r[CF_RECONCILE_FEE_DIFFERS], expected);
    cf_report_doc_add_field (doc, "对账 Reconciled", reconciled);
  }
  cf_report_doc_add_space (doc, CF_REPORT_LINE_PT / 2);

  add_breakdown (doc, "类型 Type", figures->by_type, figures->currency, LABEL_TYPE);
  add_breakdown (doc, "支付方式 Paid with", figures->by_method, figures->currency, LABEL_METHOD);
  add_breakdown (doc, "卡组织 Card brand", figures->by_brand, figures->currency, LABEL_AS_IS);
  add_breakdown (doc, "终端 Terminal", figures->by_terminal, figures->currency, LABEL_AS_IS);
  add_breakdown (doc, "操作员 Operator", figures->by_operator, figures->currency, LABEL_AS_IS);

  for (guint h = 0; h < 24; h++)
    {
      g_snprintf (hour_text[h], sizeof hour_text[h], "%02u", h);
      hours[h] = hour_text[h];
    }
  cf_report_doc_add_bar_chart (doc, hours, figures->hourly_sales_minor, 24, "每小时消费（元） Sales by hour");

  cf_report_doc_add_paragraph (doc, "签购单保管 Slip custody");
  custody = g_strdup_printf ("应有签购单 %u 张，其中报失 %u 张；补打 %u 张。\n"
                             "Slips expected %u, reported lost %u; duplicates issued %u.",
                             figures->count, figures->slips_lost, figures->duplicates->len,
                             figures->count, figures->slips_lost, figures->duplicates->len);
  cf_report_doc_add_paragraph (doc, custody);
  if (figures->duplicates->len > 0)
    {
      const char *headers[] = { "时间 Time", "凭证号 Voucher", "次 No.", "原因 Reason", "操作员 By" };
      const guint widths[] = { 25, 40, 20, 50, 32 };
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      for (guint i = 0; i < figures->duplicates->len; i++)
        {
          char **source = g_ptr_array_index (figures->duplicates, i);
          char **row = g_strdupv (source);

          g_free (row[3]);
          row[3] = g_strdup (label_of (source[3], LABEL_REASON));
          g_ptr_array_add (rows, row);
        }
      cf_report_doc_add_table (doc, headers, widths, G_N_ELEMENTS (headers), rows);
    }

  if (figures->incidents->len > 0)
    {
      const char *headers[] = { "编号 No.", "登记 Logged", "张数 Slips", "原因 Cause", "登记人 By" };
      const guint widths[] = { 20, 45, 22, 45, 35 };

      cf_report_doc_add_paragraph (doc, "本班登记的遗失 Losses logged in this shift");
      cf_report_doc_add_table (doc, headers, widths, G_N_ELEMENTS (headers), figures->incidents);
    }
  requests = g_strdup_printf ("补办申请：未完成 %u，即将到期 %u，已逾期 %u。\n"
                              "Replacement requests: open %u, due soon %u, overdue %u.",
                              figures->requests_open, figures->requests_due_soon, figures->requests_overdue,
                              figures->requests_open, figures->requests_due_soon, figures->requests_overdue);
  cf_report_doc_add_paragraph (doc, requests);

  if (figures->imports->len > 0)
    {
      const char *headers[] = { "时间 Time", "文件 File", "导入 Imported", "拒绝 Rejected", "冲突 Conflicts" };
      const guint widths[] = { 35, 62, 24, 24, 22 };

      cf_report_doc_add_paragraph (doc, "本班导入 Imports in this shift");
      cf_report_doc_add_table (doc, headers, widths, G_N_ELEMENTS (headers), figures->imports);
    }

  cf_report_doc_add_field (doc, "交班说明 Notes", header->notes != NULL && *header->notes != '\0' ? header->notes : "—");
  cf_report_doc_add_field (doc, "差异说明 Variance", header->variance != NULL && *header->variance != '\0' ? header->variance : "—");
  cf_report_doc_add_signatures (doc, signatures);
  return g_steal_pointer (&doc);
}

/**
 * cf_handover_build_period:
 *
 * Returns: (transfer full) (nullable): the DRAFT report for @scope, or %NULL with @error set
 */
CfReportDoc *
cf_handover_build_period (CfStore                *store,
                          const CfHandoverScope  *scope,
                          GDateTime              *today,
                          GError                **error)
{
  ReportHeader header = { "—", "—", "—", NULL, NULL, DRAFT_MARKING };

  return build (store, scope, &header, today, error);
}

static char *
person (const char *no,
        const char *name)
{
  if (no == NULL)
    return g_strdup ("—");
  return g_strdup_printf ("%s %s", no, name != NULL ? name : "");
}

static CfReportDoc *
build_unsigned (CfStore      *store,
                CfShiftInfo  *shift,
                const char   *marking,
                GDateTime    *today,
                GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *until = shift->ended_at != NULL ? g_strdup (shift->ended_at) : g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  g_autofree char *title = g_strdup_printf ("#%lld%s", (long long) shift->id, shift->ended_at == NULL ? " （进行中 open）" : "");
  g_autofree char *outgoing = person (shift->operator_no, shift->operator_name);
  g_autofree char *incoming = person (shift->handed_to, shift->handed_to_name);
  CfHandoverScope scope = { shift->started_at, until, (const char * const *) shift->terminals };
  ReportHeader header = { title, outgoing, incoming, shift->notes, shift->variance, marking };

  return build (store, &scope, &header, today, error);
}

/**
 * cf_handover_build_shift:
 *
 * Returns: (transfer full) (nullable): the shift's report — as signed when it
 *   was, else a DRAFT from the figures now — or %NULL with @error set
 */
CfReportDoc *
cf_handover_build_shift (CfStore    *store,
                         gint64      shift_id,
                         GDateTime  *today,
                         GError    **error)
{
  g_autoptr(CfShiftInfo) shift = cf_shift_get (store, shift_id, error);
  g_autoptr(CfDbStmt) stmt = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *stored_sum = NULL;
  g_autofree char *sum = NULL;

  if (shift == NULL)
    return NULL;
  if (shift->report_sequence_no == 0)
    return build_unsigned (store, shift, DRAFT_MARKING, today, error);

  stmt = cf_store_prepare (store, "SELECT content, sha256 FROM handover_reports WHERE shift_id = ?", error);
  if (stmt == NULL)
    return NULL;
  cf_db_bind_int64 (stmt, 1, shift_id);
  if (cf_db_step (stmt) == CF_DB_ROW)
    {
      content = g_bytes_new (cf_db_column_blob (stmt, 0), (gsize) cf_db_column_bytes (stmt, 0));
      stored_sum = cf_sql_dup_text (stmt, 1);
    }
  g_clear_pointer (&stmt, cf_db_finalize);
  if (content != NULL)
    sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  if (content == NULL || g_strcmp0 (sum, stored_sum) != 0)
    {
      g_set_error (error, CF_SHIFT_ERROR, CF_SHIFT_ERROR_SIGNED,
                   _("The signed report of shift #%lld does not match its SHA-256: it was altered outside Counterfoil"),
                   (long long) shift_id);
      return NULL;
    }
  return cf_report_doc_new_from_bytes (content, error);
}

/**
 * cf_handover_sign_off:
 * @manager_no: the signing manager
 *
 * Freezes the closed shift's report under the next sequence number.
 *
 * Returns: the sequence number, or 0 with @error set
 */
gint64
cf_handover_sign_off (CfStore     *store,
                      gint64       shift_id,
                      const char  *manager_no,
                      GDateTime   *now,
                      GError     **error)
{
  g_autoptr(CfShiftInfo) shift = NULL;
  g_autoptr(CfReportDoc) doc = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  g_autofree char *marking = NULL;
  g_autofree char *details = NULL;
  g_autofree char *chain = NULL;
  g_autofree char *anchor_detail = NULL;
  g_autoptr(GError) anchor_error = NULL;
  g_autoptr(CfDbStmt) stmt = NULL;
  gboolean kept;
  const char *signer;
  gint64 sequence_no = 0;

  /* Approved by a manager's PIN for a clerk: the report carries the manager's signature. */
  signer = cf_store_get_override (store) != NULL ? cf_store_get_override (store) : manager_no;
  if (!cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return 0;
  if (!cf_auth_require_manager (store, manager_no, _("Only a manager can sign off a handover report"), error))
    goto out;
  if ((shift = cf_shift_get (store, shift_id, error)) == NULL)
    goto out;
  if (shift->ended_at == NULL)
    {
      g_set_error (error, CF_SHIFT_ERROR, CF_SHIFT_ERROR_INVALID, _("Shift #%lld is still open: close it before signing off"),
                   (long long) shift_id);
      goto out;
    }
  if (shift->report_sequence_no != 0)
    {
      g_set_error (error, CF_SHIFT_ERROR, CF_SHIFT_ERROR_SIGNED, _("Shift #%lld was already signed off as report no. %lld"),
                   (long long) shift_id, (long long) shift->report_sequence_no);
      goto out;
    }
  stmt = cf_store_prepare (store, "SELECT coalesce (max (sequence_no), 0) + 1 FROM handover_reports", error);
  if (stmt == NULL)
    goto out;
  if (cf_db_step (stmt) == CF_DB_ROW)
    sequence_no = cf_db_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, cf_db_finalize);

  /* The log's head as it was signed is printed: paper that vouches for it. */
  chain = cf_audit_current_fingerprint (store);
  marking = g_strdup_printf ("No. %06lld  %s %s  %s%s%s", (long long) sequence_no, signer, "签核 signed", at,
                             chain != NULL ? "  审计 " : "", chain != NULL ? chain : "");
  doc = build_unsigned (store, shift, marking, now, error);
  if (doc == NULL)
    goto out;
  content = cf_report_doc_to_bytes (doc);
  sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  stmt = cf_store_prepare (store, "INSERT INTO handover_reports (sequence_no, shift_id, signed_by, signed_at, sha256, content) "
                                  "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto out;
  cf_db_bind_int64 (stmt, 1, sequence_no);
  cf_db_bind_int64 (stmt, 2, shift_id);
  cf_sql_bind_text (stmt, 3, signer, CF_DB_STATIC);
  cf_sql_bind_text (stmt, 4, at, CF_DB_STATIC);
  cf_db_bind_text (stmt, 5, sum, -1, CF_DB_STATIC);
  cf_db_bind_blob (stmt, 6, g_bytes_get_data (content, NULL), (int) g_bytes_get_size (content), CF_DB_STATIC);
  details = g_strdup_printf ("{\"sequence_no\":%lld,\"sha256\":\"%s\"}", (long long) sequence_no, sum);
  kept = cf_store_step_done (store, stmt, "keeping the signed report", error);
  g_clear_pointer (&stmt, cf_db_finalize);
  if (!cf_store_finish_audited (store, kept, manager_no, "sign-off-handover", "shift", shift_id, details, error))
    return 0;
  anchor_detail = g_strdup_printf ("No. %06lld", (long long) sequence_no);
  if (!cf_audit_anchors_append (store, "signed-report", anchor_detail, &anchor_error))
    g_message ("%s", anchor_error->message);
  return sequence_no;

out:
  cf_store_exec (store, "ROLLBACK", NULL);
  return 0;
}
