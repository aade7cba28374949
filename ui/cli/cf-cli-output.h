/* cf-cli-output.h — how the command line prints: table cells and JSON members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-report-doc.h"

G_BEGIN_DECLS

/* What a command prints besides the file it writes. */
typedef enum
{
  CF_CLI_PRINT_NOTHING,
  CF_CLI_PRINT_TEXT,
  CF_CLI_PRINT_JSON,
} CfCliPrint;

guint cf_cli_display_width   (const char  *text);
int   cf_cli_emit_report     (const char  *command,
                              CfReportDoc *doc,
                              const char  *out,
                              CfCliPrint   how,
                              GError      *error);
void  cf_cli_print_cell      (GString     *line,
                              const char  *text,
                              guint        width,
                              gboolean     right);
void  cf_cli_print_row       (GString     *line);
void  cf_cli_print_transactions (GPtrArray *found);

G_END_DECLS
