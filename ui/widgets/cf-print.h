/* cf-print.h — running a print operation, the one way every section prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean cf_print_run (GtkPrintOperation  *operation,
                       GtkWindow          *parent,
                       const char         *export_path,
                       GError            **error);

G_END_DECLS
