/* cf-application.h — the GtkApplication: one database, its windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_APPLICATION (cf_application_get_type ())

G_DECLARE_FINAL_TYPE (CfApplication, cf_application, CF, APPLICATION, AdwApplication)

CfApplication *cf_application_new       (const char    *db_path);
const char    *cf_application_get_db_path (CfApplication *self);

G_END_DECLS
