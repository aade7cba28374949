/* cf-chain-page.h — the Shops section of a chain's head office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_CHAIN_PAGE (cf_chain_page_get_type ())

G_DECLARE_FINAL_TYPE (CfChainPage, cf_chain_page, CF, CHAIN_PAGE, GtkBox)

CfChainPage *cf_chain_page_new          (CfStore     *store);
void         cf_chain_page_reload       (CfChainPage *self);
gboolean     cf_chain_page_is_available (CfChainPage *self);
void         cf_chain_page_find         (CfChainPage *self,
                                         const char  *text);

G_END_DECLS
