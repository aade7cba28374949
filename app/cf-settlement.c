/* cf-settlement.c — what the acquirer settled: agreed fees, and the money that arrived
 *
 * A merchant agrees a rate per card kind and wallet with its acquirer (借记卡
 * 0.55% capped at ¥20, 贷记卡 0.6%, 微信 0.38%…); the statement's fee on each
 * sale is checked against it. What the statements settled is summed per
 * settlement day (清算日期; the sale's own day when a statement gives none),
 * beside the amount the clerk saw arrive in the bank account. Fees are
 * stored as their size; the fee of a refund or void is the one returned
 * with it, as statements show it (退货 −100.00, 手续费 −0.60).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-settlement"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-money.h"
#include "cf-settlement.h"
#include "cf-store-private.h"
#include "cf-text.h"

static const struct
{
  const char *nick;
  const char *label;
} fee_kinds[CF_FEE_KIND_N] = {
  [CF_FEE_KIND_DEBIT]       = { "debit",       N_("Debit cards") },
  [CF_FEE_KIND_CREDIT]      = { "credit",      N_("Credit cards") },
  [CF_FEE_KIND_CARD]        = { "card",        N_("Other cards") },
  [CF_FEE_KIND_WECHAT]      = { "wechat",      N_("WeChat Pay") },
  [CF_FEE_KIND_ALIPAY]      = { "alipay",      N_("Alipay") },
  [CF_FEE_KIND_UNIONPAY_QR] = { "unionpay_qr", N_("UnionPay QR") },
};

const char *
cf_fee_kind_to_nick (CfFeeKind kind)
{
  g_return_val_if_fail (kind < CF_FEE_KIND_N, NULL);
  return fee_kinds[kind].nick;
}

const char *
cf_fee_kind_label (CfFeeKind kind)
{
  g_return_val_if_fail (kind < CF_FEE_KIND_N, NULL);
  return _(fee_kinds[kind].label);
}

gboolean
cf_fee_kind_from_nick (const char *nick,
                       CfFeeKind  *kind)
{
  for (guint k = 0; k < CF_FEE_KIND_N; k++)
    if (g_strcmp0 (nick, fee_kinds[k].nick) == 0)
      {
        *kind = (CfFeeKind) k;
        return TRUE;
      }
  return FALSE;
}

/**
 * cf_fee_kind_of:
 * @payment_method: the transaction's method nick
 * @card_kind: (nullable): the card kind as the file wrote it
 *
 * Returns: which agreed rate prices the transaction
 */
CfFeeKind
cf_fee_kind_of (const char *payment_method,
                const char *card_kind)
{
  g_autofree char *folded = card_kind != NULL ? g_utf8_casefold (card_kind, -1) : NULL;

  if (g_strcmp0 (payment_method, "wechat") == 0)
    return CF_FEE_KIND_WECHAT;
  if (g_strcmp0 (payment_method, "alipay") == 0)
    return CF_FEE_KIND_ALIPAY;
  if (g_strcmp0 (payment_method, "unionpay_qr") == 0)
    return CF_FEE_KIND_UNIONPAY_QR;
  if (folded == NULL)
    return CF_FEE_KIND_CARD;
  /* 准贷记卡 is a credit card that is used like a debit one; it is priced as credit. */
  if (strstr (folded, "贷记") != NULL || strstr (folded, "信用") != NULL || strstr (folded, "credit") != NULL)
    return CF_FEE_KIND_CREDIT;
  if (strstr (folded, "借记") != NULL || strstr (folded, "储蓄") != NULL || strstr (folded, "debit") != NULL)
    return CF_FEE_KIND_DEBIT;
  return CF_FEE_KIND_CARD;
}

gboolean
cf_fee_rates_load (CfStore    *store,
                   CfFeeRate   rates[CF_FEE_KIND_N],
                   GError    **error)
{
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store, "SELECT kind, rate_ppm, cap_minor FROM fee_rates", error);

  memset (rates, 0, sizeof (CfFeeRate) * CF_FEE_KIND_N);
  if (stmt == NULL)
    return FALSE;
  while (cf_db_step (stmt) == CF_DB_ROW)
    {
      CfFeeKind kind;

      if (!cf_fee_kind_from_nick ((const char *) cf_db_column_text (stmt, 0), &kind))
        continue;
      rates[kind].set = TRUE;
      rates[kind].rate_ppm = (guint) cf_db_column_int (stmt, 1);
      rates[kind].cap_minor = cf_db_column_int64 (stmt, 2);
    }
  return TRUE;
}

/**
 * cf_fee_rates_set:
 * @rate: the agreed rate; one not set removes the kind's
 *
 * Audited.
 */
gboolean
cf_fee_rates_set (CfStore          *store,
                  CfFeeKind         kind,
                  const CfFeeRate  *rate,
                  const char       *operator_no,
                  GError          **error)
{
  g_autoptr(CfDbStmt) stmt = NULL;
  g_autofree char *details = NULL;
  gboolean ok;

  g_return_val_if_fail (kind < CF_FEE_KIND_N, FALSE);
  if (rate->set && (rate->rate_ppm > 100000 || rate->cap_minor < 0))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("a fee rate is between 0% and 10%, and its cap is not negative"));
      return FALSE;
    }
  if (!cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  stmt = cf_store_prepare (store, rate->set
    ? "INSERT INTO fee_rates (kind, rate_ppm, cap_minor) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (kind) DO UPDATE SET rate_ppm = excluded.rate_ppm, cap_minor = excluded.cap_minor"
    : "DELETE FROM fee_rates WHERE kind = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      cf_db_bind_text (stmt, 1, fee_kinds[kind].nick, -1, CF_DB_STATIC);
      if (rate->set)
        {
          cf_db_bind_int (stmt, 2, (int) rate->rate_ppm);
          if (rate->cap_minor > 0)
            cf_db_bind_int64 (stmt, 3, rate->cap_minor);
        }
      ok = cf_store_step_done (store, stmt, _("keeping the agreed fee rate"), error);
    }
  details = rate->set
    ? g_strdup_printf ("{\"kind\":\"%s\",\"rate_ppm\":%u,\"cap_minor\":%" G_GINT64_FORMAT "}",
                       fee_kinds[kind].nick, rate->rate_ppm, rate->cap_minor)
    : g_strdup_printf ("{\"kind\":\"%s\",\"removed\":true}", fee_kinds[kind].nick);
  return cf_store_finish_audited (store, ok, operator_no, "set-fee-rate", "fee_rate", 0, details, error);
}

/**
 * cf_fee_rates_pick:
 *
 * Returns: (nullable): the rate that prices @kind: a debit or credit card
 *   falls back to the rate for all cards; %NULL when none was agreed
 */
const CfFeeRate *
cf_fee_rates_pick (const CfFeeRate  rates[CF_FEE_KIND_N],
                   CfFeeKind        kind)
{
  if (rates[kind].set)
    return &rates[kind];
  if ((kind == CF_FEE_KIND_DEBIT || kind == CF_FEE_KIND_CREDIT) && rates[CF_FEE_KIND_CARD].set)
    return &rates[CF_FEE_KIND_CARD];
  return NULL;
}

/**
 * cf_fee_rate_expected:
 *
 * Returns: the fee the rate makes on @amount_minor, rounded half up to the
 *   minor unit, no more than the cap
 */
gint64
cf_fee_rate_expected (const CfFeeRate *rate,
                      gint64           amount_minor)
{
  gint64 magnitude = amount_minor < 0 ? -amount_minor : amount_minor;
  gint64 fee = (magnitude * (gint64) rate->rate_ppm + 500000) / 1000000;

  if (rate->cap_minor > 0 && fee > rate->cap_minor)
    fee = rate->cap_minor;
  return fee;
}

/**
 * cf_fee_rate_parse_percent:
 * @text: `0.55`, `0.55%` or `0.55 %`
 *
 * Returns: whether @text is a percentage with at most four decimals,
 *   between 0 and 10
 */
gboolean
cf_fee_rate_parse_percent (const char  *text,
                           guint       *rate_ppm,
                           GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  gsize len = strlen (clean);
  guint whole = 0, fraction = 0, decimals = 0;
  const char *p = clean;

  if (len > 0 && (clean[len - 1] == '%'))
    clean[--len] = '\0';
  g_strchomp (clean);
  for (; g_ascii_isdigit (*p) && whole <= 100; p++)
    whole = whole * 10 + (guint) (*p - '0');
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p) && decimals < 5; p++, decimals++)
      fraction = fraction * 10 + (guint) (*p - '0');
  if (p == clean || *p != '\0' || decimals > 4 || whole > 10 || (whole == 10 && fraction > 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a fee rate: write a percentage between 0 and 10, such as 0.55"), text);
      return FALSE;
    }
  while (decimals++ < 4)
    fraction *= 10;
  *rate_ppm = whole * 10000 + fraction;
  return TRUE;
}

/**
 * cf_fee_rate_format:
 *
 * Returns: (transfer full): `0.55%`, or `0.55%, at most 20.00`
 */
char *
cf_fee_rate_format (const CfFeeRate *rate)
{
  CfFeeRate bare = { TRUE, rate->rate_ppm, 0 };
  /* 0.5500 reads as 0.55, 0.3800 as 0.38, 0.5950 as 0.595 */
  g_autofree char *percent = cf_fee_rate_to_text (&bare);

  if (rate->cap_minor > 0)
    {
      g_autofree char *cap = cf_money_to_decimal (rate->cap_minor);
      return g_strdup_printf (_("%s%%, at most %s"), percent, cap);
    }
  return g_strdup_printf ("%s%%", percent);
}

/**
 * cf_fee_rate_parse:
 * @text: the rate in percent, and a cap after a slash: `0.55 / 20.00`;
 *   empty for none agreed
 *
 * Returns: whether @text is a rate
 */
gboolean
cf_fee_rate_parse (const char  *text,
                   CfFeeRate   *rate,
                   GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "/", 2);
  char currency[4] = "";

  memset (rate, 0, sizeof *rate);
  if (parts[0] == NULL || (cf_text_is_blank (parts[0]) && parts[1] == NULL))
    return TRUE;
  if (!cf_fee_rate_parse_percent (parts[0], &rate->rate_ppm, error))
    return FALSE;
  if (parts[1] != NULL && !cf_money_parse (g_strstrip (parts[1]), &rate->cap_minor, currency, error))
    {
      g_prefix_error (error, _("the cap after the slash: "));
      return FALSE;
    }
  rate->set = TRUE;
  return TRUE;
}

/**
 * cf_fee_rate_to_text:
 *
 * Returns: (transfer full): the rate as cf_fee_rate_parse() reads it back,
 *   `0.55 / 20.00`; empty when not set
 */
char *
cf_fee_rate_to_text (const CfFeeRate *rate)
{
  g_autofree char *percent = NULL;
  g_autofree char *cap = NULL;
  gsize n;

  if (!rate->set)
    return g_strdup ("");
  percent = g_strdup_printf ("%u.%04u", rate->rate_ppm / 10000, rate->rate_ppm % 10000);
  n = strlen (percent);
  while (percent[n - 1] == '0' && percent[n - 3] != '.')
    percent[--n] = '\0';
  if (rate->cap_minor <= 0)
    return g_steal_pointer (&percent);
  cap = cf_money_to_decimal (rate->cap_minor);
  return g_strdup_printf ("%s / %s", percent, cap);
}

void
cf_settlement_day_free (CfSettlementDay *day)
{
  if (day == NULL)
    return;
  g_free (day->deposit_note);
  g_free (day);
}

#define REVERSAL "type IN ('void', 'refund', 'preauth_void', 'auth_complete_void')"
#define SCOPE \
  "t.local_time >= ?1 AND t.local_time < ?2 AND (?3 IS NULL OR t.terminal_no = ?3)"

/**
 * cf_settlement_list_days:
 *
 * Returns: (transfer full) (element-type CfSettlementDay): for the
 *   transactions of the period, what the statements settled per settlement
 *   day, with the deposit typed in for it
 */
GPtrArray *
cf_settlement_list_days (CfStore     *store,
                         const char  *from,
                         const char  *to,
                         const char  *terminal_no,
                         GError     **error)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_settlement_day_free);
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store,
    "WITH settled (day, known, amount, fee) AS ("
    "  SELECT coalesce (t.settlement_date, substr (t.local_time, 1, 10)), t.settlement_date IS NOT NULL, "
    "    CASE WHEN t." REVERSAL " THEN -t.amount_minor ELSE t.amount_minor END, "
    "    CASE WHEN t." REVERSAL " THEN -coalesce (t.fee_minor, 0) ELSE coalesce (t.fee_minor, 0) END "
    "  FROM transactions t JOIN imports i ON i.id = t.import_id WHERE i.kind <> 'journal' AND " SCOPE
    "  UNION ALL "
    "  SELECT coalesce (s.settlement_date, substr (s.local_time, 1, 10)), s.settlement_date IS NOT NULL, "
    "    CASE WHEN t." REVERSAL " THEN -s.amount_minor ELSE s.amount_minor END, "
    "    CASE WHEN t." REVERSAL " THEN -coalesce (s.fee_minor, 0) ELSE coalesce (s.fee_minor, 0) END "
    "  FROM transaction_sources s JOIN transactions t ON t.id = s.transaction_id JOIN imports i ON i.id = s.import_id "
    "  WHERE i.kind <> 'journal' AND " SCOPE ") "
    "SELECT d.day, min (d.known), count (*), sum (d.amount), sum (d.fee), p.amount_minor, p.note "
    "FROM settled d LEFT JOIN settlement_deposits p ON p.settlement_date = d.day "
    "GROUP BY d.day, p.amount_minor, p.note ORDER BY d.day", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  cf_db_bind_text (stmt, 1, from, -1, CF_DB_TRANSIENT);
  cf_db_bind_text (stmt, 2, to, -1, CF_DB_TRANSIENT);
  cf_sql_bind_text (stmt, 3, terminal_no, CF_DB_TRANSIENT);
  while ((rc = cf_db_step (stmt)) == CF_DB_ROW)
    {
      CfSettlementDay *day = g_new0 (CfSettlementDay, 1);

      g_strlcpy (day->date, (const char *) cf_db_column_text (stmt, 0), sizeof day->date);
      day->date_known = cf_db_column_int (stmt, 1) != 0;
      day->count = (guint) cf_db_column_int (stmt, 2);
      day->gross_minor = cf_db_column_int64 (stmt, 3);
      day->fee_minor = cf_db_column_int64 (stmt, 4);
      day->net_minor = day->gross_minor - day->fee_minor;
      day->has_deposit = cf_db_column_type (stmt, 5) != CF_DB_NULL;
      day->deposit_minor = cf_db_column_int64 (stmt, 5);
      day->deposit_note = cf_sql_dup_text (stmt, 6);
      g_ptr_array_add (days, day);
    }
  if (rc != CF_DB_DONE)
    {
      cf_store_set_error (store, error, _("summing what was settled"));
      return NULL;
    }
  return g_steal_pointer (&days);
}

/**
 * cf_settlement_set_deposit:
 * @date: the settlement day, `YYYY-MM-DD`
 * @amount_minor: what arrived in the bank account for it
 * @note: (nullable): the bank's reference, or why it differs
 *
 * Keeps the amount the clerk saw deposited, replacing one typed before.
 * Audited.
 */
gboolean
cf_settlement_set_deposit (CfStore     *store,
                           const char  *date,
                           gint64       amount_minor,
                           const char  *note,
                           const char  *operator_no,
                           GError     **error)
{
  g_autoptr(CfDbStmt) stmt = NULL;
  g_autofree char *details = NULL;
  g_autofree char *escaped = g_strescape (note != NULL ? note : "", NULL);
  GDate parsed;
  char now[21];
  gboolean ok;

  g_date_clear (&parsed, 1);
  if (date != NULL && strlen (date) == 10)
    g_date_set_parse (&parsed, date);
  if (!g_date_valid (&parsed) || date[4] != '-' || date[7] != '-')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a settlement day: write it as YYYY-MM-DD"), date != NULL ? date : "");
      return FALSE;
    }
  cf_store_now_utc (now);
  if (!cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  stmt = cf_store_prepare (store,
    "INSERT INTO settlement_deposits (settlement_date, amount_minor, entered_by, entered_at, note) "
    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (settlement_date) DO UPDATE SET amount_minor = excluded.amount_minor, "
    "entered_by = excluded.entered_by, entered_at = excluded.entered_at, note = excluded.note", error);
  ok = stmt != NULL;
  if (ok)
    {
      cf_db_bind_text (stmt, 1, date, -1, CF_DB_STATIC);
      cf_db_bind_int64 (stmt, 2, amount_minor);
      cf_sql_bind_text (stmt, 3, operator_no, CF_DB_STATIC);
      cf_db_bind_text (stmt, 4, now, -1, CF_DB_STATIC);
      cf_sql_bind_text (stmt, 5, note != NULL && !cf_text_is_blank (note) ? note : NULL, CF_DB_STATIC);
      ok = cf_store_step_done (store, stmt, _("keeping the deposit"), error);
    }
  details = g_strdup_printf ("{\"settlement_date\":\"%s\",\"amount_minor\":%" G_GINT64_FORMAT ",\"note\":\"%s\"}",
                             date, amount_minor, escaped);
  return cf_store_finish_audited (store, ok, operator_no, "enter-deposit", "settlement_day", 0, details, error);
}
