/* cf-text.h — small text helpers for what spreadsheets and terminals write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *cf_text_fold_width        (const char *text);
char     *cf_text_clean_cell        (const char *text);
char     *cf_text_header_key        (const char *text);
gboolean  cf_text_is_blank          (const char *text);

G_END_DECLS
