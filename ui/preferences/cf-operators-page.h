/* cf-operators-page.h — Preferences: the people who work at the desk, and locking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-session.h"

G_BEGIN_DECLS

#define CF_TYPE_OPERATORS_PAGE (cf_operators_page_get_type ())

G_DECLARE_FINAL_TYPE (CfOperatorsPage, cf_operators_page, CF, OPERATORS_PAGE, AdwPreferencesPage)

CfOperatorsPage *cf_operators_page_new     (CfSession       *session,
                                            GSettings       *settings);
void             cf_operators_page_reload  (CfOperatorsPage *self);

G_END_DECLS
