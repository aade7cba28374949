/* cf-demo.h — a realistic shop to try Counterfoil on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-types.h"

G_BEGIN_DECLS

/* The PIN every demo operator signs in with; a demo shop is for trying out. */
#define CF_DEMO_PIN "2580"

gboolean cf_demo_populate (CfStore       *store,
                           guint          n_transactions,
                           guint32        seed,
                           GDateTime     *until,
                           GCancellable  *cancellable,
                           GError       **error);

gboolean cf_demo_add_shifts (CfStore       *store,
                             guint          days,
                             GError       **error);

G_END_DECLS
