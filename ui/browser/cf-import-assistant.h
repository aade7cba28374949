/* cf-import-assistant.h — teaching Counterfoil a file's layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CF_TYPE_IMPORT_ASSISTANT (cf_import_assistant_get_type ())

G_DECLARE_FINAL_TYPE (CfImportAssistant, cf_import_assistant, CF, IMPORT_ASSISTANT, AdwWindow)

CfImportAssistant *cf_import_assistant_new (GtkWindow   *parent,
                                            const char  *path,
                                            const char  *profile_name,
                                            GError     **error);

G_END_DECLS
