/* cf-cli.h — the command line: the desk's work without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CfCliOpenWindowFunc:
 * @db_path: (nullable): the database `--db` named
 * @program: how the program was called, argv[0]
 *
 * Returns: the process exit status
 */
typedef int (*CfCliOpenWindowFunc) (const char *db_path,
                                    const char *program);

int cf_cli_run (int                 argc,
                char              **argv,
                CfCliOpenWindowFunc open_window);

G_END_DECLS
