/* cf-chain-page-private.h — cf-chain-page as the tests see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-chain-page.h"

G_BEGIN_DECLS

gboolean     cf_chain_page_is_loading      (CfChainPage *self);
guint        cf_chain_page_get_n_shown     (CfChainPage *self);
char        *cf_chain_page_dup_row_text    (CfChainPage *self,
                                            guint        index);
void         cf_chain_page_select_shop     (CfChainPage *self,
                                            const char  *code);
gboolean     cf_chain_page_is_finding      (CfChainPage *self);
guint        cf_chain_page_get_n_found     (CfChainPage *self);
char        *cf_chain_page_dup_found_text  (CfChainPage *self,
                                            guint        index);

G_END_DECLS
