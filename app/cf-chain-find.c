/* cf-chain-find.c — a transaction looked for in every shop of a chain
 *
 * A customer calls the head office about a payment and does not know which
 * shop took it: the same search a shop's desk runs (cf_store_find_transactions),
 * run in every shop the head office reads, each on a connection the server
 * lets it only read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-chain"

#include "config.h"

#include "cf-chain-find.h"

void
cf_shop_found_free (CfShopFound *found)
{
  if (found == NULL)
    return;
  cf_shop_info_free (found->shop);
  g_free (found->error);
  g_clear_pointer (&found->transactions, g_ptr_array_unref);
  g_free (found);
}

typedef struct
{
  GPtrArray                *found;
  const CfTransactionQuery *query;
} Finding;

static gboolean
find_in_shop (CfShopInfo    *shop,
              CfStore       *store,
              const GError  *open_error,
              gpointer       user_data,
              GError       **error)
{
  Finding *finding = user_data;
  CfShopFound *found = g_new0 (CfShopFound, 1);
  g_autoptr(GError) find_error = NULL;

  found->shop = cf_shop_info_copy (shop);
  if (store == NULL)
    found->error = g_strdup (open_error->message);
  else if ((found->transactions = cf_store_find_transactions (store, (CfTransactionQuery *) finding->query,
                                                              &find_error)) == NULL)
    found->error = g_strdup (find_error->message);
  if (found->transactions == NULL)
    found->transactions = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (finding->found, found);
  return TRUE;
}

/**
 * cf_chain_find:
 * @target: the head office desk's database
 * @query: what to look for; its limit holds in each shop
 *
 * Returns: (transfer full) (element-type CfShopFound): a shop each, by
 *   code, with what matched there or why it could not be searched
 */
GPtrArray *
cf_chain_find (const char                *target,
               const CfTransactionQuery  *query,
               GCancellable              *cancellable,
               GError                   **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_shop_found_free);
  Finding finding = { found, query };

  if (!cf_chain_foreach_shop (target, find_in_shop, &finding, cancellable, error))
    return NULL;
  return g_steal_pointer (&found);
}
