/* cf-chain-overview.h — what a chain's head office looks after in every shop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-chain.h"

G_BEGIN_DECLS

/* How far back the head office looks for reconciliation gaps. */
#define CF_CHAIN_GAP_DAYS 30

/**
 * CfShopOverview:
 * @shop: the shop
 * @error: (nullable): why the shop could not be read; the lists are empty then
 * @open_losses: (element-type CfIncidentInfo): loss incidents not resolved
 * @overdue_requests: (element-type CfRequestInfo): open replacement
 *   requests past their due date
 * @unsigned_shifts: (element-type CfShiftInfo): ended shifts whose
 *   handover report no manager has signed
 * @gaps: transactions of the last %CF_CHAIN_GAP_DAYS days whose settlement
 *   differs from the journal, or that one side lacks
 * @open_questions: matches the import left for a person to decide
 */
typedef struct
{
  CfShopInfo *shop;
  char       *error;
  GPtrArray  *open_losses;
  GPtrArray  *overdue_requests;
  GPtrArray  *unsigned_shifts;
  guint       gaps;
  guint       open_questions;
} CfShopOverview;

void        cf_shop_overview_free   (CfShopOverview *overview);
GPtrArray  *cf_chain_overview       (const char     *target,
                                     GDateTime      *now,
                                     GCancellable   *cancellable,
                                     GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfShopOverview, cf_shop_overview_free)

G_END_DECLS
