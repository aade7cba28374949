/* cf-details-pane.h — the selected transaction beside the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cf-store.h"
#include "cf-transaction.h"
#include "cf-receipt-doc.h"

G_BEGIN_DECLS

#define CF_TYPE_DETAILS_PANE (cf_details_pane_get_type ())

G_DECLARE_FINAL_TYPE (CfDetailsPane, cf_details_pane, CF, DETAILS_PANE, GtkBox)

GtkWidget     *cf_details_pane_new      (void);
void           cf_details_pane_set_store (CfDetailsPane *self,
                                          CfStore       *store);
void           cf_details_pane_show     (CfDetailsPane *self,
                                         CfTransaction *txn,
                                         guint          n_selected,
                                         guint          columns);
CfReceiptCopy  cf_details_pane_get_copy (CfDetailsPane *self);

G_END_DECLS
