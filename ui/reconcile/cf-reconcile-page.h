/* cf-reconcile-page.h — the Reconciliation section: the journal against
 * what was settled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-session.h"

G_BEGIN_DECLS

#define CF_TYPE_RECONCILE_PAGE (cf_reconcile_page_get_type ())

G_DECLARE_FINAL_TYPE (CfReconcilePage, cf_reconcile_page, CF, RECONCILE_PAGE, GtkBox)

CfReconcilePage *cf_reconcile_page_new     (CfSession       *session);
void             cf_reconcile_page_reload  (CfReconcilePage *self);

G_END_DECLS
