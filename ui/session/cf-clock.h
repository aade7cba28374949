/* cf-clock.h — where a widget reads the time, so that a test can move it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CfClockFunc:
 *
 * Returns: (transfer full): the time now, as the caller should take it
 */
typedef GDateTime *(*CfClockFunc) (gpointer user_data);

G_END_DECLS
