/* cf-duplicate-dialog-private.h — the duplicate dialog as the tests see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-duplicate-dialog.h"

G_BEGIN_DECLS

/* The reason, its words and the copy, as the person left them. */
GtkDropDown *cf_duplicate_dialog_get_reason      (CfDuplicateDialog *self);
GtkEditable *cf_duplicate_dialog_get_reason_text (CfDuplicateDialog *self);
GtkDropDown *cf_duplicate_dialog_get_copy        (CfDuplicateDialog *self);

G_END_DECLS
