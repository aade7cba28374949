/* cf-reconcile-page-private.h — cf-reconcile-page as the tests see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-reconcile-page.h"
#include "cf-reconcile.h"

G_BEGIN_DECLS

void         cf_reconcile_page_set_period     (CfReconcilePage  *self,
                                               const char       *from,
                                               const char       *to,
                                               const char       *terminal_no);
gboolean     cf_reconcile_page_is_busy        (CfReconcilePage  *self);
gboolean     cf_reconcile_page_accept         (CfReconcilePage  *self,
                                               gint64            transaction_id,
                                               const char       *note,
                                               GError          **error);
const char  *cf_reconcile_page_get_class_title (CfReconcilePage *self,
                                               CfReconcileClass  klass);
GtkWidget   *cf_reconcile_page_get_lost_button (CfReconcilePage *self,
                                               guint             index);
gboolean     cf_reconcile_page_link           (CfReconcilePage  *self,
                                               gint64            record_id,
                                               gint64            transaction_id,
                                               GError          **error);
gboolean     cf_reconcile_page_mark_expected  (CfReconcilePage  *self,
                                               gint64            transaction_id,
                                               const char       *note,
                                               GError          **error);
gboolean     cf_reconcile_page_set_deposit    (CfReconcilePage  *self,
                                               const char       *date,
                                               gint64            amount_minor,
                                               const char       *note,
                                               GError          **error);
gboolean     cf_reconcile_page_sign_off       (CfReconcilePage  *self,
                                               GError          **error);
const char  *cf_reconcile_page_get_settlement_row (CfReconcilePage *self,
                                               guint             index);
void         cf_reconcile_page_open_report    (CfReconcilePage  *self);

G_END_DECLS
