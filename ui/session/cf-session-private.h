/* cf-session-private.h — the session as the tests see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-session.h"

G_BEGIN_DECLS

void cf_session_set_clock (CfSession   *self,
                           CfClockFunc  clock,
                           gpointer     user_data);

G_END_DECLS
