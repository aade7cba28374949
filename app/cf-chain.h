/* cf-chain.h — a chain's shops on one PostgreSQL server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-store.h"

G_BEGIN_DECLS

/**
 * CfShopInfo:
 * @code: as desks name it in their connection string: `shop=north`
 * @head_office: whose desks read every shop of the chain
 */
typedef struct
{
  char     *code;
  char     *name;
  char     *merchant_no;
  gboolean  head_office;
  char     *created_at;
} CfShopInfo;

/**
 * CfChainVisitFunc:
 * @store: (nullable): the shop, opened; %NULL when it could not be
 * @open_error: (nullable): why it could not be
 *
 * Returns: %FALSE with @error set to stop
 */
typedef gboolean (*CfChainVisitFunc) (CfShopInfo    *shop,
                                      CfStore       *store,
                                      const GError  *open_error,
                                      gpointer       user_data,
                                      GError       **error);

void        cf_shop_info_free         (CfShopInfo  *info);
CfShopInfo *cf_shop_info_copy         (const CfShopInfo *info);
GPtrArray  *cf_chain_list_shops       (const char  *target,
                                       GError     **error);
gboolean    cf_chain_add_shop         (const char  *target,
                                       const char  *code,
                                       const char  *name,
                                       const char  *merchant_no,
                                       gboolean     head_office,
                                       GError     **error);
gboolean    cf_chain_grant_desk       (const char  *target,
                                       const char  *code,
                                       const char  *db_user,
                                       GError     **error);
char       *cf_chain_shop_target      (const char  *target,
                                       const char  *code);
gboolean    cf_chain_foreach_shop     (const char        *target,
                                       CfChainVisitFunc   visit,
                                       gpointer           user_data,
                                       GCancellable      *cancellable,
                                       GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfShopInfo, cf_shop_info_free)

G_END_DECLS
