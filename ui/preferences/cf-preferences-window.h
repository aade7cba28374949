/* cf-preferences-window.h — the merchant, slips, the database, operators, backups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-session.h"

G_BEGIN_DECLS

#define CF_TYPE_PREFERENCES_WINDOW (cf_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CfPreferencesWindow, cf_preferences_window, CF, PREFERENCES_WINDOW, AdwPreferencesWindow)

CfPreferencesWindow *cf_preferences_window_new (GtkWindow *parent,
                                                CfSession *session);

G_END_DECLS
