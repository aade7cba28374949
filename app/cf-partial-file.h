/* cf-partial-file.h — files written aside and renamed into place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *cf_partial_file_new      (const char  *target,
                                    GError     **error);
gboolean  cf_partial_file_is_ours  (const char  *name);
guint     cf_partial_file_prune    (const char  *dir,
                                    gint64       older_than_seconds);

G_END_DECLS
