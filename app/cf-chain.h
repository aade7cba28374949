/* cf-chain.h — a chain's shops on one PostgreSQL server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

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

void        cf_shop_info_free         (CfShopInfo  *info);
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfShopInfo, cf_shop_info_free)

G_END_DECLS
