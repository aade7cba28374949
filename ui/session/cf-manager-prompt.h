/* cf-manager-prompt.h — a manager's PIN for what a clerk may not do alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-clock.h"
#include "cf-store.h"

G_BEGIN_DECLS

/* Does the guarded thing; %FALSE with @error set when it did not happen. */
typedef gboolean (*CfGuardedAction) (gpointer   user_data,
                                     GError   **error);

void  cf_manager_prompt_run  (GtkWindow        *parent,
                              CfStore          *store,
                              const char       *operator_no,
                              CfClockFunc       clock,
                              gpointer          clock_data,
                              const char       *what,
                              const char       *failed_heading,
                              CfGuardedAction   action,
                              gpointer          user_data,
                              GDestroyNotify    destroy);

G_END_DECLS
