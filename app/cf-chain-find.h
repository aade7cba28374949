/* cf-chain-find.h — a transaction looked for in every shop of a chain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-chain.h"
#include "cf-transaction-query.h"

G_BEGIN_DECLS

/**
 * CfShopFound:
 * @shop: the shop
 * @error: (nullable): why the shop could not be searched
 * @transactions: (element-type CfTransaction): what matched there
 */
typedef struct
{
  CfShopInfo *shop;
  char       *error;
  GPtrArray  *transactions;
} CfShopFound;

void        cf_shop_found_free   (CfShopFound              *found);
GPtrArray  *cf_chain_find        (const char               *target,
                                  const CfTransactionQuery *query,
                                  GCancellable             *cancellable,
                                  GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfShopFound, cf_shop_found_free)

G_END_DECLS
