/* cf-loss-dialog.h — the guided loss dialog: what is missing, impact, cause, customers, remedy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_LOSS_DIALOG (cf_loss_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CfLossDialog, cf_loss_dialog, CF, LOSS_DIALOG, AdwWindow)

CfLossDialog *cf_loss_dialog_new            (GtkWindow    *parent,
                                             CfStore      *store,
                                             const char   *operator_no,
                                             GArray       *preselected_ids);
void          cf_loss_dialog_back           (CfLossDialog *self);

G_END_DECLS
