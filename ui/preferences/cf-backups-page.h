/* cf-backups-page.h — Preferences: when to back up, how many to keep, restoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-session.h"

G_BEGIN_DECLS

#define CF_TYPE_BACKUPS_PAGE (cf_backups_page_get_type ())

G_DECLARE_FINAL_TYPE (CfBackupsPage, cf_backups_page, CF, BACKUPS_PAGE, AdwPreferencesPage)

CfBackupsPage *cf_backups_page_new        (CfSession     *session,
                                           GSettings     *settings);
void           cf_backups_page_reload     (CfBackupsPage *self);

G_END_DECLS
