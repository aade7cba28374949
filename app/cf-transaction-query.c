/* cf-transaction-query.c — what a clerk is looking for, as SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-transaction-query"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cf-money.h"
#include "cf-spoken-time.h"
#include "cf-text.h"
#include "cf-timestamp.h"
#include "cf-transaction-query.h"

G_DEFINE_BOXED_TYPE (CfTransactionQuery, cf_transaction_query,
                     cf_transaction_query_copy, cf_transaction_query_free)

CfTransactionQuery *
cf_transaction_query_new (void)
{
  return g_new0 (CfTransactionQuery, 1);
}

CfTransactionQuery *
cf_transaction_query_copy (const CfTransactionQuery *self)
{
  CfTransactionQuery *copy = g_memdup2 (self, sizeof *self);

  copy->voucher_no = g_strdup (self->voucher_no);
  copy->ref_no = g_strdup (self->ref_no);
  copy->auth_code = g_strdup (self->auth_code);
  copy->card_last4 = g_strdup (self->card_last4);
  copy->terminal_no = g_strdup (self->terminal_no);
  copy->operator_no = g_strdup (self->operator_no);
  copy->from = g_strdup (self->from);
  copy->to = g_strdup (self->to);
  copy->last4_or_voucher_end = g_strdup (self->last4_or_voucher_end);
  copy->time_prefix = g_strdup (self->time_prefix);
  copy->card_brand = g_strdup (self->card_brand);
  return copy;
}

void
cf_transaction_query_free (CfTransactionQuery *self)
{
  if (self == NULL)
    return;
  g_free (self->voucher_no);
  g_free (self->ref_no);
  g_free (self->auth_code);
  g_free (self->card_last4);
  g_free (self->terminal_no);
  g_free (self->operator_no);
  g_free (self->from);
  g_free (self->to);
  g_free (self->last4_or_voucher_end);
  g_free (self->time_prefix);
  g_free (self->card_brand);
  g_free (self);
}

static gboolean
set_bound (char       **field,
           const char  *text,
           gboolean     end_of_day,
           GError     **error)
{
  CfTimestamp ts = { 0 };
  char local[20];

  if (!cf_timestamp_parse (text, CF_DATE_ORDER_YMD, &ts, error))
    return FALSE;
  if (!ts.has_time && end_of_day)
    {
      ts.hour = 23;
      ts.minute = 59;
      ts.second = 59;
    }
  cf_timestamp_format_local (&ts, local);
  g_free (*field);
  *field = g_strdup (local);
  return TRUE;
}

/**
 * cf_transaction_query_set_from:
 * @text: a date (from its first second) or a date and time
 */
gboolean
cf_transaction_query_set_from (CfTransactionQuery  *self,
                               const char          *text,
                               GError             **error)
{
  return set_bound (&self->from, text, FALSE, error);
}

/**
 * cf_transaction_query_set_to:
 * @text: a date (to its last second) or a date and time
 */
gboolean
cf_transaction_query_set_to (CfTransactionQuery  *self,
                             const char          *text,
                             GError             **error)
{
  return set_bound (&self->to, text, TRUE, error);
}

static void
add_equal (GString    *where,
           GPtrArray  *params,
           const char *column,
           const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (where, " AND t.%s = ?", column);
  g_ptr_array_add (params, g_strdup (value));
}

static char *
time_of_day (int second)
{
  return g_strdup_printf ("%02d:%02d:%02d", second / 3600, second / 60 % 60, second % 60);
}

static void
add_time_windows (GString                  *where,
                  GPtrArray                *params,
                  const CfTransactionQuery *self)
{
  if (self->n_time_windows == 0)
    return;
  g_string_append (where, " AND (");
  for (guint i = 0; i < self->n_time_windows; i++)
    {
      const CfTimeWindow *w = &self->time_windows[i];

      if (i > 0)
        g_string_append (where, " OR ");
      /* One that runs past midnight is the evening's end and the morning's start. */
      g_string_append (where, w->from <= w->to ? "substr (t.local_time, 12, 8) BETWEEN ? AND ?"
                                               : "(substr (t.local_time, 12, 8) >= ? OR substr (t.local_time, 12, 8) <= ?)");
      g_ptr_array_add (params, time_of_day (w->from));
      g_ptr_array_add (params, time_of_day (w->to));
    }
  g_string_append (where, ")");
}

static const char *const sort_columns[] = {
  [CF_SORT_TIME]     = NULL,
  [CF_SORT_TERMINAL] = "t.terminal_no",
  [CF_SORT_OPERATOR] = "t.operator_no",
  [CF_SORT_VOUCHER]  = "t.voucher_no",
  [CF_SORT_REF]      = "t.ref_no",
  [CF_SORT_AUTH]     = "t.auth_code",
  [CF_SORT_CARD]     = "t.card_last4",
  [CF_SORT_BRAND]    = "t.card_brand",
  [CF_SORT_TYPE]     = "t.type",
  [CF_SORT_AMOUNT]   = "CASE WHEN t.type IN ('void', 'refund', 'preauth_void', 'auth_complete_void') "
                       "THEN -t.amount_minor ELSE t.amount_minor END",
  [CF_SORT_SLIP]     = "(SELECT count(*) FROM duplicates d WHERE d.transaction_id = t.id)",
};

/**
 * cf_transaction_query_is_empty:
 *
 * Returns: whether the query narrows nothing: every transaction matches
 */
gboolean
cf_transaction_query_is_empty (const CfTransactionQuery *self)
{
  return self->voucher_no == NULL && self->ref_no == NULL && self->auth_code == NULL &&
         self->card_last4 == NULL && self->terminal_no == NULL && self->operator_no == NULL &&
         self->from == NULL && self->to == NULL && !self->has_amount && !self->has_amount_range &&
         self->last4_or_voucher_end == NULL && self->time_prefix == NULL && self->n_time_windows == 0 &&
         !self->has_type &&
         self->card_brand == NULL && !self->has_method;
}

/**
 * cf_transaction_query_to_sql:
 * @columns: what to select, %CF_TRANSACTION_COLUMNS or `t.id`
 * @params: (element-type utf8): receives the text parameters, in order
 *
 * Returns: (transfer full): a SELECT in the query's order (newest first by default)
 */
char *
cf_transaction_query_to_sql (const CfTransactionQuery *self,
                             const char               *columns,
                             GPtrArray                *params)
{
  GString *sql = g_string_new (NULL);
  const char *sort = sort_columns[self->sort_column];

  g_string_append_printf (sql, "SELECT %s FROM transactions t WHERE 1 = 1", columns);
  add_equal (sql, params, "voucher_no", self->voucher_no);
  /* A wallet's or processor's own number, the shop's order no. or the
   * channel's stand where an RRN would. */
  if (self->ref_no != NULL)
    {
      g_string_append (sql, " AND (t.ref_no = ? OR t.source_id = ? OR t.order_no = ? OR t.channel_no = ?)");
      for (guint i = 0; i < 4; i++)
        g_ptr_array_add (params, g_strdup (self->ref_no));
    }
  add_equal (sql, params, "auth_code", self->auth_code);
  add_equal (sql, params, "card_last4", self->card_last4);
  add_equal (sql, params, "terminal_no", self->terminal_no);
  add_equal (sql, params, "operator_no", self->operator_no);
  add_equal (sql, params, "card_brand", self->card_brand);
  if (self->has_type)
    add_equal (sql, params, "type", cf_txn_type_to_nick (self->type));
  if (self->has_method)
    add_equal (sql, params, "payment_method", cf_payment_method_to_nick (self->method));
  if (self->from != NULL)
    {
      g_string_append (sql, " AND t.local_time >= ?");
      g_ptr_array_add (params, g_strdup (self->from));
    }
  if (self->to != NULL)
    {
      g_string_append (sql, " AND t.local_time <= ?");
      g_ptr_array_add (params, g_strdup (self->to));
    }
  if (self->time_prefix != NULL)
    {
      g_string_append_printf (sql, " AND substr (t.local_time, 12, %u) = ?", (guint) strlen (self->time_prefix));
      g_ptr_array_add (params, g_strdup (self->time_prefix));
    }
  add_time_windows (sql, params, self);
  if (self->has_amount)
    g_string_append_printf (sql, " AND t.amount_minor = %" G_GINT64_FORMAT, self->amount_minor);
  if (self->has_amount_range)
    g_string_append_printf (sql, " AND t.amount_minor BETWEEN %" G_GINT64_FORMAT " AND %" G_GINT64_FORMAT,
                            self->amount_min, self->amount_max);
  if (self->last4_or_voucher_end != NULL)
    {
      /* A voucher no. has six digits: its ending is one of a hundred, each an index lookup. */
      g_string_append (sql, " AND (t.card_last4 = ? OR t.voucher_no IN (");
      g_ptr_array_add (params, g_strdup (self->last4_or_voucher_end));
      for (guint i = 0; i < 100; i++)
        {
          g_string_append (sql, i > 0 ? ", ?" : "?");
          g_ptr_array_add (params, g_strdup_printf ("%02u%s", i, self->last4_or_voucher_end));
        }
      g_string_append (sql, "))");
    }

  if (sort != NULL)
    g_string_append_printf (sql, " ORDER BY %s %s, t.local_time DESC, t.id DESC", sort,
                            self->sort_ascending ? "ASC" : "DESC");
  else
    g_string_append_printf (sql, " ORDER BY t.local_time %s, t.id %s",
                            self->sort_ascending ? "ASC" : "DESC", self->sort_ascending ? "ASC" : "DESC");
  if (self->limit > 0)
    g_string_append_printf (sql, " LIMIT %u OFFSET %u", self->limit, self->offset);

  return g_string_free (sql, FALSE);
}

static gboolean
all_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

static void
set_day (CfTransactionQuery *self,
         int                 year,
         int                 month,
         int                 day)
{
  g_free (self->from);
  g_free (self->to);
  self->from = g_strdup_printf ("%04d-%02d-%02d 00:00:00", year, month, day);
  self->to = g_strdup_printf ("%04d-%02d-%02d 23:59:59", year, month, day);
}

/* "11-28", "11/28", "11月28日": the most recent such day, not in the future. */
static gboolean
parse_month_day (const char *token,
                 GDateTime  *now,
                 int        *year,
                 int        *month,
                 int        *day)
{
  int m, d;
  char sep;

  if (sscanf (token, "%2d%c%2d", &m, &sep, &d) != 3 || (sep != '-' && sep != '/' && sep != '.'))
    {
      if (sscanf (token, "%2d月%2d", &m, &d) != 2)
        return FALSE;
    }
  else
    {
      /* Nothing may follow the day. */
      const char *p = strchr (token, sep) + 1;
      while (g_ascii_isdigit (*p))
        p++;
      if (*p != '\0')
        return FALSE;
    }

  *year = g_date_time_get_year (now);
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) *year) &&
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) (*year - 1)))
    return FALSE;
  if (m > g_date_time_get_month (now) ||
      (m == g_date_time_get_month (now) && d > g_date_time_get_day_of_month (now)) ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) *year))
    (*year)--;
  *month = m;
  *day = d;
  return TRUE;
}

/* "14", "14:0", "14:03", "14:03:22" */
static gboolean
is_time_prefix (const char *token)
{
  guint colons = 0;
  gsize len = strlen (token);

  if (len < 3 || len > 8 || !g_ascii_isdigit (token[0]) || !g_ascii_isdigit (token[1]) || token[2] != ':')
    return FALSE;
  for (const char *p = token; *p != '\0'; p++)
    {
      if (*p == ':')
        colons++;
      else if (!g_ascii_isdigit (*p))
        return FALSE;
    }
  return colons <= 2 && token[0] <= '2';
}

static gboolean
looks_like_amount (const char *token)
{
  /* Decimal point, a currency marker, or a thousands separator. */
  return strchr (token, '.') != NULL || strchr (token, ',') != NULL || strchr (token, '$') != NULL ||
         g_str_has_prefix (token, "¥") || g_str_has_prefix (token, "￥") || g_str_has_suffix (token, "元") ||
         g_ascii_strncasecmp (token, "rmb", 3) == 0;
}

static gboolean
match_word (const char         *token,
            CfTransactionQuery *self,
            GPtrArray          *understood)
{
  static const struct { const char *word; CfTxnType type; } types[] = {
    { "sale", CF_TXN_TYPE_SALE }, { "消费", CF_TXN_TYPE_SALE }, { "void", CF_TXN_TYPE_VOID },
    { "撤销", CF_TXN_TYPE_VOID }, { "消费撤销", CF_TXN_TYPE_VOID }, { "refund", CF_TXN_TYPE_REFUND },
    { "退货", CF_TXN_TYPE_REFUND }, { "退款", CF_TXN_TYPE_REFUND }, { "预授权完成", CF_TXN_TYPE_AUTH_COMPLETE },
    { "preauth", CF_TXN_TYPE_PREAUTH }, { "预授权", CF_TXN_TYPE_PREAUTH },
  };
  static const struct { const char *word; const char *brand; } brands[] = {
    { "unionpay", "UnionPay" }, { "银联", "UnionPay" }, { "visa", "Visa" }, { "mastercard", "Mastercard" },
    { "万事达", "Mastercard" }, { "jcb", "JCB" }, { "amex", "American Express" },
    { "americanexpress", "American Express" }, { "运通", "American Express" }, { "diners", "Diners Club" },
    { "discover", "Discover" },
  };
  g_autofree char *lower = g_utf8_casefold (token, -1);
  CfPaymentMethod method;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (lower, types[i].word))
      {
        self->has_type = TRUE;
        self->type = types[i].type;
        g_ptr_array_add (understood, g_strdup_printf (_("type %s"), cf_txn_type_get_label (types[i].type)));
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (brands); i++)
    if (g_str_equal (lower, brands[i].word))
      {
        g_free (self->card_brand);
        self->card_brand = g_strdup (brands[i].brand);
        g_ptr_array_add (understood, g_strdup_printf (_("card brand %s"), brands[i].brand));
        return TRUE;
      }
  if (cf_payment_method_from_word (token, &method))
    {
      self->has_method = TRUE;
      self->method = method;
      g_ptr_array_add (understood, g_strdup_printf (_("paid with %s"), cf_payment_method_get_label (method)));
      return TRUE;
    }
  return FALSE;
}

/* "20:00", "8点", "about 8", "晚上": a window around a time of day. */
static gboolean
read_time_of_day (CfTransactionQuery *self,
                  const char         *token,
                  gboolean            said_time,
                  GPtrArray          *understood)
{
  CfTimeWindow windows[2];
  g_autofree char *described = NULL;
  guint n_windows = cf_spoken_read_time (token, said_time, windows, &described);

  if (n_windows == 0)
    return FALSE;
  self->n_time_windows = n_windows;
  memcpy (self->time_windows, windows, sizeof windows);
  g_ptr_array_add (understood, g_steal_pointer (&described));
  return TRUE;
}

/**
 * cf_transaction_query_add_search:
 * @text: what the clerk typed: `000123`, `332809150201`, `1234`, `88.50`,
 *   `¥88.5`, `11-28`, `2026-11-28`, `14:0`, `A1B2C3`, `visa`, `退货`, …
 * @now: the moment "11-28" is the most recent of
 * @understood: (element-type utf8): receives how each word was read, for
 *   the clerk to see
 *
 * Narrows the query by every word of @text: six digits are a voucher no.,
 * twelve a reference no., four a card's or voucher's ending, a number with a
 * decimal point or currency an amount, and so on.
 *
 * Returns: %FALSE if some word meant nothing (it is listed in @understood)
 */
gboolean
cf_transaction_query_add_search (CfTransactionQuery *self,
                                 const char         *text,
                                 GDateTime          *now,
                                 GPtrArray          *understood)
{
  g_autofree char *width_folded = cf_text_fold_width (text);
  g_autofree char *folded = cf_spoken_normalize (width_folded);
  g_auto(GStrv) tokens = g_strsplit_set (folded, " \t,，;；", -1);
  gboolean all_understood = TRUE;
  gboolean time_follows = FALSE;

  /* A comma separates words unless it groups digits: "1,234.56" stays one word. */
  if (g_regex_match_simple ("[0-9],[0-9]{3}", folded, 0, 0))
    {
      g_strfreev (tokens);
      tokens = g_strsplit_set (folded, " \t;；", -1);
    }

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *token = g_strstrip (tokens[i]);
      gsize len = strlen (token);
      CfTimestamp ts = { 0 };
      int year, month, day;
      gint64 minor;

      gboolean said_time = time_follows;

      if (len == 0)
        continue;
      time_follows = FALSE;

      if (cf_spoken_is_filler (token, &time_follows) || read_time_of_day (self, token, said_time, understood))
        ;
      else if (all_digits (token) && len == 6)
        {
          g_free (self->voucher_no);
          self->voucher_no = g_strdup (token);
          g_ptr_array_add (understood, g_strdup_printf (_("voucher no. %s"), token));
        }
      else if (all_digits (token) && len == 12)
        {
          g_free (self->ref_no);
          self->ref_no = g_strdup (token);
          g_ptr_array_add (understood, g_strdup_printf (_("reference no. %s"), token));
        }
      else if (all_digits (token) && len == 4)
        {
          g_free (self->last4_or_voucher_end);
          self->last4_or_voucher_end = g_strdup (token);
          g_ptr_array_add (understood, g_strdup_printf (_("card or voucher ending %s"), token));
        }
      else if (all_digits (token) && len == 8 && cf_timestamp_parse_date (token, CF_DATE_ORDER_YMD, &ts, NULL))
        {
          set_day (self, ts.year, ts.month, ts.day);
          g_ptr_array_add (understood, g_strdup_printf (_("on %04d-%02d-%02d"), ts.year, ts.month, ts.day));
        }
      else if (all_digits (token) && len == 8)
        {
          g_free (self->terminal_no);
          self->terminal_no = g_strdup (token);
          g_ptr_array_add (understood, g_strdup_printf (_("terminal %s"), token));
        }
      else if (token[0] != '0' && cf_spoken_read_day (token, now, &year, &month, &day))
        {
          /* "24", "24th", "24号", "yesterday": the day a customer remembers. */
          set_day (self, year, month, day);
          g_ptr_array_add (understood, g_strdup_printf (_("on %04d-%02d-%02d"), year, month, day));
        }
      else if (all_digits (token) && len <= 3)
        {
          g_free (self->operator_no);
          self->operator_no = g_strdup (token);
          g_ptr_array_add (understood, g_strdup_printf (_("operator %s"), token));
        }
      else if (len >= 8 && cf_timestamp_parse_date (token, CF_DATE_ORDER_YMD, &ts, NULL))
        {
          set_day (self, ts.year, ts.month, ts.day);
          g_ptr_array_add (understood, g_strdup_printf (_("on %04d-%02d-%02d"), ts.year, ts.month, ts.day));
        }
      else if (parse_month_day (token, now, &year, &month, &day))
        {
          set_day (self, year, month, day);
          g_ptr_array_add (understood, g_strdup_printf (_("on %04d-%02d-%02d"), year, month, day));
        }
      else if (is_time_prefix (token))
        {
          g_free (self->time_prefix);
          self->time_prefix = g_strdup (token);
          g_ptr_array_add (understood, g_strdup_printf (_("at %s…"), token));
        }
      else if (looks_like_amount (token) && cf_money_parse (token, &minor, NULL, NULL))
        {
          g_autofree char *shown = cf_money_format (ABS (minor), NULL);

          self->has_amount = TRUE;
          self->amount_minor = ABS (minor);
          g_ptr_array_add (understood, g_strdup_printf (_("amount %s"), shown));
        }
      else if (match_word (token, self, understood))
        ;
      else if (len == 6 && g_regex_match_simple ("^[0-9A-Za-z]{6}$", token, 0, 0))
        {
          g_free (self->auth_code);
          self->auth_code = g_ascii_strup (token, -1);
          g_ptr_array_add (understood, g_strdup_printf (_("auth code %s"), self->auth_code));
        }
      else if (len >= 10 && strpbrk (token, "0123456789") != NULL &&
               g_regex_match_simple ("^[#A-Za-z0-9_-]+$", token, 0, 0))
        {
          /* ch_3QAbCd…, 4200001234202611270001234567, 5TY05013RG002845M:
           * a processor's or a wallet's number for the transaction. */
          g_free (self->ref_no);
          self->ref_no = g_strdup (token);
          g_ptr_array_add (understood, g_strdup_printf (_("reference no. %s"), token));
        }
      else
        {
          g_ptr_array_add (understood, g_strdup_printf (_("“%s” not understood"), token));
          all_understood = FALSE;
        }
    }

  return all_understood;
}
