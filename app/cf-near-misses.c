/* cf-near-misses.c — what a search that found nothing almost found
 *
 * A customer's memory is right about most things and wrong about one: the
 * day, a few jiao of the amount, or which card. Each kind of near miss keeps
 * one clue and lets the others go: the same card ending on the days around,
 * the same amount within a yuan, the same time on any card.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-near-misses"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cf-money.h"
#include "cf-near-misses.h"
#include "cf-store-task.h"
#include "cf-transaction.h"

#define DAYS_AROUND 3
#define AMOUNT_AROUND 100   /* minor units: one yuan */

void
cf_near_miss_free (CfNearMiss *self)
{
  if (self == NULL)
    return;
  g_free (self->reason);
  g_clear_pointer (&self->transactions, g_ptr_array_unref);
  g_free (self);
}

/* What any near miss keeps: the kind of sale, not the clues. */
static CfTransactionQuery *
query_keeping_kind (const CfTransactionQuery *query)
{
  CfTransactionQuery *relaxed = cf_transaction_query_new ();

  relaxed->terminal_no = g_strdup (query->terminal_no);
  relaxed->card_brand = g_strdup (query->card_brand);
  relaxed->has_type = query->has_type;
  relaxed->type = query->type;
  relaxed->has_method = query->has_method;
  relaxed->method = query->method;
  relaxed->limit = CF_NEAR_MISSES_PER_KIND;
  return relaxed;
}

static char *
shift_day (const char *local_time,
           int         days,
           const char *clock)
{
  int y, m, d;
  g_autoptr(GDate) date = NULL;

  if (local_time == NULL || sscanf (local_time, "%d-%d-%d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return NULL;
  date = g_date_new_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
  if (days < 0)
    g_date_subtract_days (date, (guint) -days);
  else
    g_date_add_days (date, (guint) days);
  return g_strdup_printf ("%04d-%02d-%02d %s", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date), clock);
}

static gboolean
has_day (const CfTransactionQuery *query)
{
  return query->from != NULL || query->to != NULL;
}

static gboolean
has_time (const CfTransactionQuery *query)
{
  return query->n_time_windows > 0 || query->time_prefix != NULL;
}

/* Each kind, with its reason, for the clues @query has. */
static GPtrArray *
near_miss_queries (const CfTransactionQuery *query,
                   GPtrArray                *reasons)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_transaction_query_free);
  const char *card = query->card_last4 != NULL ? query->card_last4 : query->last4_or_voucher_end;

  if (card != NULL && (has_day (query) || has_time (query) || query->has_amount))
    {
      CfTransactionQuery *relaxed = query_keeping_kind (query);

      relaxed->card_last4 = g_strdup (query->card_last4);
      relaxed->last4_or_voucher_end = g_strdup (query->last4_or_voucher_end);
      if (has_day (query))
        {
          relaxed->from = shift_day (query->from != NULL ? query->from : query->to, -DAYS_AROUND, "00:00:00");
          relaxed->to = shift_day (query->to != NULL ? query->to : query->from, DAYS_AROUND, "23:59:59");
          g_ptr_array_add (reasons, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "Ending %s, within %d day of the day asked",
                                                                  "Ending %s, within %d days of the day asked",
                                                                  DAYS_AROUND), card, DAYS_AROUND));
        }
      else
        g_ptr_array_add (reasons, g_strdup_printf (_("Ending %s, at any time and amount"), card));
      g_ptr_array_add (queries, relaxed);
    }

  if (query->has_amount)
    {
      CfTransactionQuery *relaxed = query_keeping_kind (query);
      g_autofree char *around = cf_money_format (AMOUNT_AROUND, NULL);

      relaxed->from = g_strdup (query->from);
      relaxed->to = g_strdup (query->to);
      relaxed->has_amount_range = TRUE;
      relaxed->amount_min = MAX (query->amount_minor - AMOUNT_AROUND, 0);
      relaxed->amount_max = query->amount_minor + AMOUNT_AROUND;
      g_ptr_array_add (reasons, g_strdup_printf (has_day (query) ? _("The amount within %s, the same day, any card")
                                                                 : _("The amount within %s, any day and card"),
                                                 around));
      g_ptr_array_add (queries, relaxed);
    }

  if (has_time (query) && (card != NULL || query->has_amount))
    {
      CfTransactionQuery *relaxed = query_keeping_kind (query);

      relaxed->from = g_strdup (query->from);
      relaxed->to = g_strdup (query->to);
      relaxed->n_time_windows = query->n_time_windows;
      memcpy (relaxed->time_windows, query->time_windows, sizeof relaxed->time_windows);
      relaxed->time_prefix = g_strdup (query->time_prefix);
      g_ptr_array_add (reasons, g_strdup (has_day (query) ? _("The same time and day, any card and amount")
                                                          : _("The same time of day, any card and amount")));
      g_ptr_array_add (queries, relaxed);
    }

  return queries;
}

/**
 * cf_near_misses_find:
 * @query: a search that found nothing
 *
 * Returns: (transfer full) (element-type CfNearMiss): the kinds that found
 *   something, none of them listing a transaction an earlier one did
 */
GPtrArray *
cf_near_misses_find (CfStore                   *store,
                     const CfTransactionQuery  *query,
                     GError                   **error)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) queries = near_miss_queries (query, reasons);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) misses = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_near_miss_free);

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  for (guint i = 0; i < queries->len; i++)
    {
      g_autoptr(GPtrArray) found = cf_store_find_transactions (store, g_ptr_array_index (queries, i), error);
      g_autoptr(CfNearMiss) miss = NULL;

      if (found == NULL)
        return NULL;
      miss = g_new0 (CfNearMiss, 1);
      miss->reason = g_strdup (g_ptr_array_index (reasons, i));
      miss->transactions = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint j = 0; j < found->len; j++)
        {
          CfTransaction *txn = g_ptr_array_index (found, j);
          gint64 id = cf_transaction_get_id (txn);

          if (g_hash_table_contains (seen, &id))
            continue;
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
          g_ptr_array_add (miss->transactions, g_object_ref (txn));
        }
      if (miss->transactions->len > 0)
        g_ptr_array_add (misses, g_steal_pointer (&miss));
    }
  return g_steal_pointer (&misses);
}

static gpointer
find_job (CfStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return cf_near_misses_find (store, data, error);
}

/**
 * cf_near_misses_find_async:
 *
 * Looks for the near misses in a worker with its own connection.
 */
void
cf_near_misses_find_async (CfStore                  *store,
                           const CfTransactionQuery *query,
                           GCancellable             *cancellable,
                           GAsyncReadyCallback       callback,
                           gpointer                  user_data)
{
  g_return_if_fail (CF_IS_STORE (store));

  cf_store_run_in_thread (store, find_job, cf_transaction_query_copy (query),
                          (GDestroyNotify) cf_transaction_query_free, (GDestroyNotify) g_ptr_array_unref,
                          cancellable, callback, user_data);
}

/**
 * cf_near_misses_find_finish:
 *
 * Returns: (transfer full) (element-type CfNearMiss): as cf_near_misses_find()
 */
GPtrArray *
cf_near_misses_find_finish (CfStore       *store,
                            GAsyncResult  *result,
                            GError       **error)
{
  return cf_store_run_finish (store, result, error);
}
