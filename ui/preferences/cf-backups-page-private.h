/* cf-backups-page-private.h — cf-backups-page as the tests see it: what a person sees, and
 * doing what a click does, without the pointer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-backups-page.h"

G_BEGIN_DECLS

guint          cf_backups_page_get_n_backups (CfBackupsPage *self);
gboolean       cf_backups_page_is_busy    (CfBackupsPage *self);
void           cf_backups_page_restore    (CfBackupsPage *self,
                                           const char    *path);

G_END_DECLS
