/* cf-import-assistant-private.h — cf-import-assistant as the tests see it:
 * its rows, its preview, and doing what Save does, without the pointer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-import-assistant.h"
#include "cf-import-profile.h"

G_BEGIN_DECLS

guint        cf_import_assistant_get_n_columns     (CfImportAssistant *self);
AdwComboRow *cf_import_assistant_get_column_row    (CfImportAssistant *self,
                                                    guint              column);
CfField      cf_import_assistant_get_column_field  (CfImportAssistant *self,
                                                    guint              column);
void         cf_import_assistant_set_column_field  (CfImportAssistant *self,
                                                    guint              column,
                                                    CfField            field);
gboolean     cf_import_assistant_is_previewing     (CfImportAssistant *self);
const char  *cf_import_assistant_get_preview_text  (CfImportAssistant *self);
guint        cf_import_assistant_get_n_problems    (CfImportAssistant *self);
char        *cf_import_assistant_save              (CfImportAssistant *self,
                                                    GError           **error);

G_END_DECLS
