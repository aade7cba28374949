/* cf-cli-output.h — how the command line prints: table cells and JSON members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cf-report-doc.h"

G_BEGIN_DECLS

guint cf_cli_display_width   (const char  *text);
int   cf_cli_emit_report     (const char  *command,
                              CfReportDoc *doc,
                              const char  *out,
                              gboolean     text,
                              GError      *error);
void  cf_cli_print_cell      (GString     *line,
                              const char  *text,
                              guint        width,
                              gboolean     right);
void  cf_cli_print_row       (GString     *line);
void  cf_cli_json_set_int    (JsonBuilder *b,
                              const char  *name,
                              gint64       value);
void  cf_cli_json_set_string (JsonBuilder *b,
                              const char  *name,
                              const char  *value);

G_END_DECLS
