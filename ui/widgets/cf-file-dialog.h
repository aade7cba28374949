/* cf-file-dialog.h — choosing where to save, or what to open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * CfFilesChosenFunc:
 * @paths: the files chosen, %NULL-terminated; one when saving
 *
 * Called only when files were chosen: Cancel calls nothing.
 */
typedef void (*CfFilesChosenFunc) (const char * const *paths,
                                   gpointer            user_data);

void cf_file_dialog_save (GtkWidget         *asking,
                          const char        *title,
                          const char        *suggested_name,
                          CfFilesChosenFunc  chosen,
                          gpointer           user_data,
                          GDestroyNotify     destroy);
void cf_file_dialog_open (GtkWidget         *asking,
                          const char        *title,
                          const char        *accept_label,
                          gboolean           multiple,
                          GtkFileFilter    **filters,
                          CfFilesChosenFunc  chosen,
                          gpointer           user_data,
                          GDestroyNotify     destroy);

G_END_DECLS
