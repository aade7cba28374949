/* cf-date-button.h — a calendar beside a date field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *cf_date_button_new (GtkEditable *field,
                               const char  *tooltip);

G_END_DECLS
