/* cf-cli.h — the command line: the desk's work without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int cf_cli_run (int    argc,
                char **argv);

G_END_DECLS
