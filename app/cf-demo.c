/* cf-demo.c — a realistic shop to try Counterfoil on
 *
 * One merchant with four terminals and six operators, trading every day for
 * as many months as the number of transactions needs: busier at lunch and in
 * the evening, sales with chip and contactless cards of Chinese and
 * international schemes, voids on the same batch that name their original's
 * voucher, and refunds days later that name their original's reference no.
 * The same seed gives the same shop. Card numbers are only first 6 + last 4.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cf-auth.h"
#include "cf-demo.h"
#include "cf-handover-report.h"
#include "cf-shift-service.h"
#include "cf-store-private.h"

#define MERCHANT_NO   "898310058120417"
#define MERCHANT_NAME "望京便利超市（阜通店）"
#define TXNS_PER_DAY  120

static const char *const terminals[] = { "10458321", "10458322", "10458323", "10458324" };

static const struct { const char *no; const char *name; CfRole role; } operators[] = {
  { "001", "王芳", CF_ROLE_CLERK },
  { "002", "李娜", CF_ROLE_CLERK },
  { "003", "张伟", CF_ROLE_CLERK },
  { "004", "Chen Jie", CF_ROLE_CLERK },
  { "005", "刘洋", CF_ROLE_CLERK },
  { "099", "赵敏（店长）", CF_ROLE_MANAGER },
};

/* The demo staff, all with CF_DEMO_PIN. Someone already there (the
 * manager who created the database) keeps their own name, role and PIN. */
static gboolean
add_demo_operators (CfStore  *store,
                    GError  **error)
{
  g_autofree char *pin_hash = cf_auth_hash_pin (CF_DEMO_PIN, error);
  g_autoptr(CfDbStmt) stmt = NULL;
  char now[21];
  gboolean ok = TRUE;

  if (pin_hash == NULL)
    return FALSE;
  stmt = cf_store_prepare (store, "INSERT INTO operators (operator_no, name, role, created_at, pin_hash) "
                                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (operator_no) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  cf_store_now_utc (now);
  for (guint o = 0; ok && o < G_N_ELEMENTS (operators); o++)
    {
      cf_sql_bind_text (stmt, 1, operators[o].no, CF_DB_STATIC);
      cf_sql_bind_text (stmt, 2, operators[o].name, CF_DB_STATIC);
      cf_sql_bind_text (stmt, 3, cf_role_to_nick (operators[o].role), CF_DB_STATIC);
      cf_sql_bind_text (stmt, 4, now, CF_DB_STATIC);
      cf_sql_bind_text (stmt, 5, pin_hash, CF_DB_STATIC);
      ok = cf_store_step_done (store, stmt, "adding the demo operators", error);
    }
  return ok;
}

static const struct
{
  const char *first6;
  guint       length;
  const char *brand;
  const char *kind;
  const char *issuer;
  guint       weight;
} cards[] = {
  { "622202", 19, "UnionPay", "借记卡", "中国工商银行", 18 },
  { "621700", 19, "UnionPay", "借记卡", "中国建设银行", 15 },
  { "622848", 19, "UnionPay", "借记卡", "中国农业银行", 10 },
  { "621661", 19, "UnionPay", "借记卡", "中国银行", 9 },
  { "622588", 16, "UnionPay", "贷记卡", "招商银行", 12 },
  { "625907", 16, "UnionPay", "贷记卡", "交通银行", 6 },
  { "628288", 16, "UnionPay", "贷记卡", "中信银行", 5 },
  { "427020", 16, "Visa", "Credit", "ICBC Visa", 6 },
  { "411111", 16, "Visa", "Credit", "Chase", 4 },
  { "542418", 16, "Mastercard", "Credit", "China Merchants Bank", 4 },
  { "356827", 16, "JCB", "Credit", "MUFG", 2 },
  { "377168", 15, "American Express", "Credit", "American Express", 1 },
};

static const char *const acquirer = "银联商务";

static guint
pick_card (GRand *rand)
{
  guint total = 0;
  guint roll;

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    total += cards[i].weight;
  roll = (guint) g_rand_int_range (rand, 0, (gint32) total);
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      if (roll < cards[i].weight)
        return i;
      roll -= cards[i].weight;
    }
  return 0;
}

/* Seconds into the day, weighted towards lunch and the evening rush. */
static int
pick_second_of_day (GRand *rand)
{
  static const guint hour_weight[24] = {
    0, 0, 0, 0, 0, 0, 0, 2, 5, 6, 6, 8, 12, 10, 6, 5, 6, 8, 12, 13, 10, 7, 4, 1
  };
  guint total = 0;
  guint roll;

  for (guint h = 0; h < 24; h++)
    total += hour_weight[h];
  roll = (guint) g_rand_int_range (rand, 0, (gint32) total);
  for (guint h = 0; h < 24; h++)
    {
      if (roll < hour_weight[h])
        return (int) h * 3600 + g_rand_int_range (rand, 0, 3600);
      roll -= hour_weight[h];
    }
  return 12 * 3600;
}

static gint64
pick_amount (GRand *rand)
{
  /* Mostly small baskets, some large ones; prices end in .x0 or .00. */
  double r = g_rand_double (rand);
  gint64 yuan;

  if (r < 0.55)
    yuan = g_rand_int_range (rand, 3, 60);
  else if (r < 0.85)
    yuan = g_rand_int_range (rand, 60, 300);
  else if (r < 0.98)
    yuan = g_rand_int_range (rand, 300, 2000);
  else
    yuan = g_rand_int_range (rand, 2000, 12000);

  return yuan * 100 + (g_rand_boolean (rand) ? 0 : g_rand_int_range (rand, 0, 10) * 10);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

typedef struct
{
  char   terminal[9];
  char   batch[7];
  char   voucher[7];
  char   ref[13];
  char   local_time[20];
  gint64 amount;
  guint  card;
  char   last4[5];
  char   operator_no[4];
} DemoSale;

/* What a demo shop keeps while it trades: its dice, each terminal's batch
 * and voucher counters, the sales a refund or void can point back to. */
typedef struct
{
  CfStore      *store;
  GRand        *rand;
  CfDbStmt *insert;
  GArray       *recent;       /* DemoSale: the last month's sales */
  guint         first_today;  /* where today's sales begin in @recent */
  guint         voucher[G_N_ELEMENTS (terminals)];
  guint         batch[G_N_ELEMENTS (terminals)];
  guint64       ref_counter;
} DemoShop;

/* The merchant, its terminals and staff, and the settings a demo shop has. */
static gboolean
add_shop (DemoShop  *shop,
          GError   **error)
{
  char now[21];

  cf_store_now_utc (now);
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO merchants (merchant_no, name, address, created_at) "
                                            "VALUES ('%s', '%s', '北京市朝阳区阜通东大街6号', '%s')",
                                            MERCHANT_NO, MERCHANT_NAME, now);
    if (!cf_store_exec (shop->store, sql, error))
      return FALSE;
  }
  for (guint t = 0; t < G_N_ELEMENTS (terminals); t++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO terminals (terminal_no, merchant_no, label, created_at) "
                                              "VALUES ('%s', '%s', '收银台 %u', '%s')",
                                              terminals[t], MERCHANT_NO, t + 1, now);
      if (!cf_store_exec (shop->store, sql, error))
        return FALSE;
      shop->batch[t] = 100 + (guint) g_rand_int_range (shop->rand, 0, 200);
      shop->voucher[t] = (guint) g_rand_int_range (shop->rand, 1, 500000);
    }
  return add_demo_operators (shop->store, error) &&
         cf_store_set_setting (shop->store, "demo", "true", error) &&
         cf_store_set_setting (shop->store, "merchant.name", MERCHANT_NAME, error) &&
         cf_store_set_setting (shop->store, "merchant.no", MERCHANT_NO, error);
}

/* What kind of transaction comes next, and the sale it undoes, if any. */
static CfTxnType
pick_kind (DemoShop        *shop,
           double           kind,
           guint           *t,
           const DemoSale **original)
{
  GArray *recent = shop->recent;

  *original = NULL;
  if (kind < 0.03 && recent->len > shop->first_today)
    {
      /* A void cancels a sale of the same terminal and day, before settlement. */
      *original = &g_array_index (recent, DemoSale, shop->first_today +
                                  (guint) g_rand_int_range (shop->rand, 0, (gint32) (recent->len - shop->first_today)));
      for (*t = 0; *t < G_N_ELEMENTS (terminals) && !g_str_equal (terminals[*t], (*original)->terminal); (*t)++)
        ;
      return CF_TXN_TYPE_VOID;
    }
  if (kind < 0.045 && shop->first_today > 0)
    {
      *original = &g_array_index (recent, DemoSale, (guint) g_rand_int_range (shop->rand, 0, (gint32) shop->first_today));
      return CF_TXN_TYPE_REFUND;
    }
  return kind < 0.055 ? CF_TXN_TYPE_AUTH_COMPLETE : CF_TXN_TYPE_SALE;
}

/* Table-like: one bound value per column of the INSERT, in its order. */
static gboolean
insert_sale (DemoShop       *shop,
             const DemoSale *sale,
             CfTxnType       type,
             const DemoSale *original,
             const char     *orig_date,
             double          entry_roll,
             GError        **error)
{
  CfDbStmt *insert = shop->insert;
  const char *entry = entry_roll < 0.55 ? "contactless" : entry_roll < 0.95 ? "chip" : entry_roll < 0.99 ? "swipe" : "manual";
  g_autofree char *key = g_strdup_printf ("tbv\x1f%s\x1f%s\x1f%s", sale->terminal, sale->batch, sale->voucher);
  char auth[7];
  int c = 1;

  g_snprintf (auth, sizeof auth, "%06d", g_rand_int_range (shop->rand, 0, 1000000));
  cf_sql_bind_text (insert, c++, key, CF_DB_STATIC);
  cf_sql_bind_text (insert, c++, sale->local_time, CF_DB_STATIC);
  cf_sql_bind_text (insert, c++, sale->terminal, CF_DB_STATIC);
  cf_sql_bind_text (insert, c++, sale->operator_no, CF_DB_STATIC);
  cf_sql_bind_text (insert, c++, sale->batch, CF_DB_STATIC);
  cf_sql_bind_text (insert, c++, sale->voucher, CF_DB_STATIC);
  cf_sql_bind_text (insert, c++, sale->ref, CF_DB_STATIC);
  cf_sql_bind_text (insert, c++, auth, CF_DB_STATIC);
  cf_sql_bind_text (insert, c++, cards[sale->card].first6, CF_DB_STATIC);
  cf_sql_bind_text (insert, c++, sale->last4, CF_DB_STATIC);
  cf_db_bind_int (insert, c++, (int) cards[sale->card].length);
  cf_sql_bind_text (insert, c++, cards[sale->card].brand, CF_DB_STATIC);
  cf_sql_bind_text (insert, c++, cards[sale->card].kind, CF_DB_STATIC);
  cf_sql_bind_text (insert, c++, cards[sale->card].issuer, CF_DB_STATIC);
  cf_sql_bind_text (insert, c++, acquirer, CF_DB_STATIC);
  cf_sql_bind_text (insert, c++, cf_txn_type_to_nick (type), CF_DB_STATIC);
  cf_sql_bind_text (insert, c++, type == CF_TXN_TYPE_SALE ? "消费" : type == CF_TXN_TYPE_VOID ? "消费撤销"
                                  : type == CF_TXN_TYPE_REFUND ? "退货" : "预授权完成", CF_DB_STATIC);
  cf_db_bind_int64 (insert, c++, sale->amount);
  cf_db_bind_int64 (insert, c++, (sale->amount * (cards[sale->card].length == 19 ? 38 : 60) + 5000) / 10000);
  cf_sql_bind_text (insert, c++, entry, CF_DB_STATIC);
  if (type == CF_TXN_TYPE_VOID)
    cf_sql_bind_text (insert, c++, original->voucher, CF_DB_TRANSIENT);
  else
    cf_db_bind_null (insert, c++);
  if (type == CF_TXN_TYPE_REFUND)
    {
      cf_sql_bind_text (insert, c++, original->ref, CF_DB_TRANSIENT);
      cf_sql_bind_text (insert, c++, orig_date, CF_DB_TRANSIENT);
    }
  else
    {
      cf_db_bind_null (insert, c++);
      cf_db_bind_null (insert, c++);
    }

  if (cf_db_step (insert) != CF_DB_DONE)
    return cf_store_set_error (shop->store, error, _("creating demo transactions"));
  cf_db_reset (insert);
  return TRUE;
}

/* One transaction at @sec seconds into @date. */
static gboolean
trade_once (DemoShop   *shop,
            GDateTime  *date,
            int         sec,
            GError    **error)
{
  GRand *rand = shop->rand;
  guint t = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (terminals));
  guint op = sec < 15 * 3600 ? (guint) g_rand_int_range (rand, 0, 2) : (guint) g_rand_int_range (rand, 2, 5);
  /* Drawn in this order, so that a seed makes the same shop it always made. */
  double kind = g_rand_double (rand);
  double entry_roll = g_rand_double (rand);
  const DemoSale *original;
  CfTxnType type = pick_kind (shop, kind, &t, &original);
  DemoSale sale = { 0 };
  char orig_date[11] = "";

  shop->voucher[t] = shop->voucher[t] % 999999 + 1;
  shop->ref_counter += 1 + (guint64) g_rand_int_range (rand, 0, 40);
  g_strlcpy (sale.terminal, terminals[t], sizeof sale.terminal);
  g_snprintf (sale.batch, sizeof sale.batch, "%06u", shop->batch[t]);
  g_snprintf (sale.voucher, sizeof sale.voucher, "%06u", shop->voucher[t]);
  g_snprintf (sale.ref, sizeof sale.ref, "%012" G_GUINT64_FORMAT,
              (guint64) (shop->ref_counter % G_GUINT64_CONSTANT (1000000000000)));
  g_snprintf (sale.local_time, sizeof sale.local_time, "%04d-%02d-%02d %02d:%02d:%02d",
              g_date_time_get_year (date), g_date_time_get_month (date),
              g_date_time_get_day_of_month (date), sec / 3600, (sec / 60) % 60, sec % 60);
  g_strlcpy (sale.operator_no, operators[op].no, sizeof sale.operator_no);

  if (original != NULL)
    {
      sale.amount = original->amount;
      sale.card = original->card;
      g_strlcpy (sale.last4, original->last4, sizeof sale.last4);
      if (type == CF_TXN_TYPE_REFUND && g_rand_int_range (rand, 0, 3) == 0)
        sale.amount = MAX (100, original->amount / 2 / 10 * 10);  /* a partial refund */
      memcpy (orig_date, original->local_time, 10);
    }
  else
    {
      sale.amount = pick_amount (rand);
      sale.card = pick_card (rand);
      g_snprintf (sale.last4, sizeof sale.last4, "%04d", g_rand_int_range (rand, 0, 10000));
    }

  if (!insert_sale (shop, &sale, type, original, orig_date, entry_roll, error))
    return FALSE;
  if (type == CF_TXN_TYPE_SALE)
    g_array_append_val (shop->recent, sale);
  return TRUE;
}

/* A day's @todays transactions, in the order of the day. */
static gboolean
trade_day (DemoShop   *shop,
           GDateTime  *date,
           guint       todays,
           GError    **error)
{
  g_autoptr(GArray) seconds = g_array_sized_new (FALSE, FALSE, sizeof (int), todays);

  /* Each terminal settles once a day: a new batch. */
  for (guint t = 0; t < G_N_ELEMENTS (terminals); t++)
    shop->batch[t] = shop->batch[t] % 999999 + 1;
  shop->first_today = shop->recent->len;

  for (guint i = 0; i < todays; i++)
    {
      int sec = pick_second_of_day (shop->rand);
      g_array_append_val (seconds, sec);
    }
  g_array_sort (seconds, compare_ints);
  for (guint i = 0; i < todays; i++)
    if (!trade_once (shop, date, g_array_index (seconds, int, i), error))
      return FALSE;

  /* Refunds reach back about a month. */
  if (shop->recent->len > 30 * TXNS_PER_DAY)
    g_array_remove_range (shop->recent, 0, shop->recent->len - 30 * TXNS_PER_DAY);
  return TRUE;
}

/* Every day's trade, up to @end_day, within the open transaction. */
static gboolean
trade (DemoShop      *shop,
       GDateTime     *end_day,
       guint          n_transactions,
       GCancellable  *cancellable,
       GError       **error)
{
  guint n_days = MAX (1, (n_transactions + TXNS_PER_DAY - 1) / TXNS_PER_DAY);
  guint made = 0;
  g_autofree char *details = NULL;

  shop->ref_counter = G_GUINT64_CONSTANT (100000000000) + (guint64) g_rand_int_range (shop->rand, 0, 1000000) * 1000;
  for (guint day = 0; day < n_days && made < n_transactions; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (end_day, -(int) (n_days - 1 - day));
      guint todays = MIN (TXNS_PER_DAY - 20 + (guint) g_rand_int_range (shop->rand, 0, 41), n_transactions - made);

      if (day == n_days - 1)
        todays = n_transactions - made;
      if (g_cancellable_set_error_if_cancelled (cancellable, error) || !trade_day (shop, date, todays, error))
        return FALSE;
      made += todays;
    }
  details = g_strdup_printf ("%u demo transactions", made);
  return cf_store_add_audit_entry (shop->store, NULL, "create-demo", NULL, 0, details, error);
}

/**
 * cf_demo_populate:
 * @store: an empty store
 * @n_transactions: how many transactions in all
 * @seed: the random seed; the same seed gives the same shop
 * @until: (nullable): the day after the last day of trading; today when %NULL
 *
 * Fills an empty store with a demo shop, in one transaction. A store that
 * already holds transactions is refused, so a real shop's data never mixes
 * with invented ones.
 */
gboolean
cf_demo_populate (CfStore       *store,
                  guint          n_transactions,
                  guint32        seed,
                  GDateTime     *until,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GDateTime) end = until != NULL ? g_date_time_ref (until) : g_date_time_new_now_local ();
  g_autoptr(GDateTime) end_midnight = g_date_time_new_local (g_date_time_get_year (end), g_date_time_get_month (end),
                                                            g_date_time_get_day_of_month (end), 0, 0, 0);
  /* Trading runs up to yesterday, so that nothing lies in the future. */
  g_autoptr(GDateTime) end_day = g_date_time_add_days (end_midnight, -1);
  g_autoptr(GArray) recent = g_array_new (FALSE, FALSE, sizeof (DemoSale));
  g_autoptr(CfDbStmt) insert = NULL;
  DemoShop shop = { store, rand, NULL, recent, 0, { 0 }, { 0 }, 0 };
  gint64 existing;
  gboolean ok;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);

  existing = cf_store_count_transactions (store, error);
  if (existing < 0)
    return FALSE;
  if (existing > 0)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_EMPTY,
                   _("%s already holds %lld transactions; demo data goes only into an empty database"),
                   cf_store_get_path (store), (long long) existing);
      return FALSE;
    }
  /* A shop's own database, even before its first import, has its people:
   * demo clerks with a published PIN and reports signed in its manager's
   * name have no place there. */
  {
    g_autoptr(CfDbStmt) used = cf_store_prepare (store, "SELECT (SELECT count (*) FROM operators) + "
                                                            "(SELECT count (*) FROM imports)", error);

    if (used == NULL || cf_db_step (used) != CF_DB_ROW)
      return FALSE;
    if (cf_db_column_int64 (used, 0) > 0)
      {
        g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_EMPTY,
                     _("%s is a shop's own database (it has operators or imports); demo data goes only into a "
                       "database made for it"), cf_store_get_path (store));
        return FALSE;
      }
  }

  /* As for an import: room in the page cache for the thirteen indexes. */
  if (!cf_store_exec (store, "PRAGMA cache_size = -131072", error) ||
      !cf_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;

  ok = add_shop (&shop, error) &&
       (insert = cf_store_prepare (store,
          "INSERT INTO transactions (natural_key, local_time, utc_offset, time_zone, merchant_no, merchant_name, "
          "  terminal_no, operator_no, batch_no, voucher_no, ref_no, auth_code, card_first6, card_last4, card_length, "
          "  card_brand, card_kind, issuer, acquirer, type, type_text, amount_minor, fee_minor, currency, status, "
          "  entry_mode, orig_voucher_no, orig_ref_no, orig_date) "
          "VALUES (?1, ?2, 480, 'Asia/Shanghai', '" MERCHANT_NO "', '" MERCHANT_NAME "', ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
          "  ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, 'CNY', '成功', ?20, ?21, ?22, ?23)", error)) != NULL;
  shop.insert = insert;
  ok = ok && trade (&shop, end_day, n_transactions, cancellable, error);
  g_clear_pointer (&insert, cf_db_finalize);
  if (ok)
    ok = cf_store_exec (store, "COMMIT", error);
  if (!ok)
    cf_store_exec (store, "ROLLBACK", NULL);
  return ok;
}

/**
 * cf_demo_add_shifts:
 * @days: how many of the last trading days get shifts
 *
 * Two shifts a day on every terminal — 07:00 to 15:00 and 15:00 to 23:00,
 * each handed to the next clerk — over the last @days days with
 * transactions, recorded by the manager; all but the last day's signed off.
 * For a demo shop made by cf_demo_populate().
 */
gboolean
cf_demo_add_shifts (CfStore  *store,
                    guint     days,
                    GError  **error)
{
  static const char *const notes[] = {
    "钱箱已清点，无差异。", "终端 3 打印纸已更换。", "一位顾客来电索取签购单复印件，已补打。",
    "Cash counted, no difference.", "交班前已做结算。",
  };
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store, "SELECT substr (max (local_time), 1, 10) FROM transactions", error);
  g_autoptr(GDateTime) last_day = NULL;
  g_autofree char *day_text = NULL;

  if (stmt == NULL)
    return FALSE;
  if (cf_db_step (stmt) == CF_DB_ROW && cf_db_column_text (stmt, 0) != NULL)
    day_text = cf_sql_dup_text (stmt, 0);
  g_clear_pointer (&stmt, cf_db_finalize);
  if (day_text == NULL)
    return TRUE;
  {
    int y = 0, m = 0, d = 0;

    if (sscanf (day_text, "%d-%d-%d", &y, &m, &d) != 3)
      return TRUE;
    last_day = g_date_time_new_local (y, m, d, 0, 0, 0);
  }

  for (guint back = days; back-- > 0;)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (last_day, -(int) back);
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
      guint n = g_date_time_get_day_of_year (day);
      /* The five clerks take turns; the day's early clerk is the late one's successor. */
      const char *early = operators[n % 5].no;
      const char *late = operators[(n + 2) % 5].no;
      const char *next_early = operators[(n + 1) % 5].no;
      g_autofree char *start = g_strdup_printf ("%s 07:00", date);
      g_autofree char *middle = g_strdup_printf ("%s 15:00", date);
      g_autofree char *end = g_strdup_printf ("%s 23:00", date);
      g_autoptr(GDateTime) signed_at = g_date_time_add_hours (day, 24 + 9);
      gint64 first, second;

      first = cf_shift_define (store, early, NULL, start, middle, notes[n % G_N_ELEMENTS (notes)], "099", error);
      second = first != 0 ? cf_shift_define (store, late, NULL, middle, end, notes[(n + 2) % G_N_ELEMENTS (notes)],
                                             "099", error) : 0;
      if (second == 0)
        return FALSE;
      if (!cf_store_exec (store, "BEGIN", error))
        return FALSE;
      {
        g_autofree char *sql = g_strdup_printf ("UPDATE shifts SET handed_to = '%s' WHERE id = %" G_GINT64_FORMAT "; "
                                                "UPDATE shifts SET handed_to = '%s' WHERE id = %" G_GINT64_FORMAT,
                                                late, first, next_early, second);

        if (!cf_store_exec (store, sql, error) || !cf_store_exec (store, "COMMIT", error))
          {
            cf_store_exec (store, "ROLLBACK", NULL);
            return FALSE;
          }
      }
      if (back > 0 && (cf_handover_sign_off (store, first, "099", signed_at, error) == 0 ||
                       cf_handover_sign_off (store, second, "099", signed_at, error) == 0))
        return FALSE;
    }
  return TRUE;
}
