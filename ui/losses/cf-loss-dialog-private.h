/* cf-loss-dialog-private.h — cf-loss-dialog as the tests see it: what a person sees, and
 * doing what a click does, without the pointer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-loss-dialog.h"

G_BEGIN_DECLS

GtkWidget    *cf_loss_dialog_get_field      (CfLossDialog *self,
                                             const char   *name);
gint64        cf_loss_dialog_get_incident   (CfLossDialog *self);
const char   *cf_loss_dialog_get_message    (CfLossDialog *self);
const char   *cf_loss_dialog_get_step       (CfLossDialog *self);
gboolean      cf_loss_dialog_next           (CfLossDialog *self);

G_END_DECLS
