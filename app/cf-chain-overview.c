/* cf-chain-overview.c — what a chain's head office looks after in every shop
 *
 * The head office's desk reads each shop through the same services a shop's
 * own desk uses — the loss list, the requests and their due dates, the
 * shifts and their signed reports, the reconciliation — on a connection of
 * its own into that shop, which the server lets it only read. Nothing here
 * knows a table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-chain"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-chain-overview.h"
#include "cf-loss-service.h"
#include "cf-reconcile.h"
#include "cf-shift-service.h"
#include "cf-store.h"

void
cf_shop_overview_free (CfShopOverview *overview)
{
  if (overview == NULL)
    return;
  cf_shop_info_free (overview->shop);
  g_free (overview->error);
  g_clear_pointer (&overview->open_losses, g_ptr_array_unref);
  g_clear_pointer (&overview->overdue_requests, g_ptr_array_unref);
  g_clear_pointer (&overview->unsigned_shifts, g_ptr_array_unref);
  g_free (overview);
}

/* Moves the items @keep chooses from @all into @into. */
static void
keep_only (GPtrArray *all,
           GPtrArray *into,
           gboolean (*keep) (gconstpointer item))
{
  for (guint i = 0; i < all->len; i++)
    if (keep (all->pdata[i]))
      g_ptr_array_add (into, g_steal_pointer (&all->pdata[i]));
}

static gboolean
is_open_loss (gconstpointer item)
{
  return !((const CfIncidentInfo *) item)->resolved;
}

static gboolean
is_overdue (gconstpointer item)
{
  return ((const CfRequestInfo *) item)->overdue;
}

static gboolean
is_unsigned (gconstpointer item)
{
  const CfShiftInfo *shift = item;

  return shift->ended_at != NULL && shift->report_sequence_no == 0;
}

static gboolean
read_shop (CfStore        *store,
           CfShopOverview *overview,
           GDateTime      *now,
           GError        **error)
{
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GPtrArray) shifts = NULL;
  g_autoptr(GDateTime) since = g_date_time_add_days (now, -CF_CHAIN_GAP_DAYS);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *from = g_date_time_format (since, "%Y-%m-%d 00:00:00");
  g_autofree char *to = g_date_time_format (tomorrow, "%Y-%m-%d 00:00:00");
  CfReconciliation *reconciliation;

  if ((incidents = cf_loss_list_incidents (store, error)) == NULL ||
      (requests = cf_loss_list_requests (store, now, error)) == NULL ||
      (shifts = cf_shift_list (store, error)) == NULL ||
      (reconciliation = cf_reconcile_compute (store, from, to, NULL, error)) == NULL)
    return FALSE;
  keep_only (incidents, overview->open_losses, is_open_loss);
  keep_only (requests, overview->overdue_requests, is_overdue);
  keep_only (shifts, overview->unsigned_shifts, is_unsigned);
  overview->gaps = reconciliation->count[CF_RECONCILE_DIFFERS] + reconciliation->count[CF_RECONCILE_FEE_DIFFERS] +
                   reconciliation->count[CF_RECONCILE_MISSING];
  overview->open_questions = reconciliation->open_questions;
  cf_reconciliation_free (reconciliation);
  return TRUE;
}

typedef struct
{
  GPtrArray *overviews;
  GDateTime *now;
} Overviewing;

static gboolean
overview_shop (CfShopInfo    *shop,
               CfStore       *store,
               const GError  *open_error,
               gpointer       user_data,
               GError       **error)
{
  Overviewing *overviewing = user_data;
  CfShopOverview *overview = g_new0 (CfShopOverview, 1);
  g_autoptr(GError) read_error = NULL;

  overview->shop = cf_shop_info_copy (shop);
  overview->open_losses = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_incident_info_free);
  overview->overdue_requests = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_request_info_free);
  overview->unsigned_shifts = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_shift_info_free);
  if (store == NULL)
    overview->error = g_strdup (open_error->message);
  else if (!read_shop (store, overview, overviewing->now, &read_error))
    overview->error = g_strdup (read_error->message);
  g_ptr_array_add (overviewing->overviews, overview);
  return TRUE;
}

/**
 * cf_chain_overview:
 * @target: the head office desk's database (its own shop is left aside)
 * @now: today, for what is overdue and the last days' gaps
 *
 * Reads every shop of the chain but head offices. A shop that cannot be
 * read (the server refused, a newer schema) is listed with why.
 *
 * Returns: (transfer full) (element-type CfShopOverview): a shop each, by
 *   code
 */
GPtrArray *
cf_chain_overview (const char    *target,
                   GDateTime     *now,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GPtrArray) overviews = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_shop_overview_free);
  Overviewing overviewing = { overviews, now };

  if (!cf_chain_foreach_shop (target, overview_shop, &overviewing, cancellable, error))
    return NULL;
  return g_steal_pointer (&overviews);
}
