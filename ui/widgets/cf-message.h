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

G_END_DECLS
