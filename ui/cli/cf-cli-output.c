/* cf-cli-output.c — how the command line prints: table cells and JSON members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include "cf-cli-output.h"

/* Text width on a terminal: CJK characters take two cells. */
guint
cf_cli_display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

/* @text padded to @width terminal cells, then a gap. */
void
cf_cli_print_cell (GString    *line,
            const char *text,
            guint       width,
            gboolean    right)
{
  guint w = cf_cli_display_width (text);
  guint pad = w < width ? width - w : 0;

  if (right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
  g_string_append (line, text != NULL ? text : "");
  if (!right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (line, ' ');
  g_string_append (line, "  ");
}

void
cf_cli_json_set_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

/* A string member; NULL as JSON null. */
void
cf_cli_json_set_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}
