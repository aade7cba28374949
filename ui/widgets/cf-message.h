/* cf-message.h — telling a person what went wrong, in a dialog they close
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       cf_show_message      (GtkWindow  *parent,
                                 const char *heading,
                                 const char *body);
GtkWindow *cf_widget_get_window (GtkWidget  *widget);
void       cf_show_done         (GtkWidget  *widget,
                                 const char *text);
void       cf_show_saved        (GtkWidget  *widget,
                                 const char *what,
                                 const char *path);

G_END_DECLS
