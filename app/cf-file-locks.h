/* cf-file-locks.h — SQLite's file locks held so that no close() elsewhere drops them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void cf_file_locks_install (void);

G_END_DECLS
