/* cf-text.c — small text helpers for what spreadsheets and terminals write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-text"

#include "config.h"

#include <string.h>

#include "cf-text.h"

static gboolean
is_space_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0 || c == 0xFEFF || c == 0x200B;
}

/**
 * cf_text_fold_width:
 * @text: UTF-8 text
 *
 * Full-width forms (`１２３．５０`, `：`, ideographic space) become their ASCII
 * equivalents, which is what Chinese input methods put in numbers and times.
 *
 * Returns: (transfer full): the folded text
 */
char *
cf_text_fold_width (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  /* Most cells are ASCII already. */
  for (const char *p = text; ; p++)
    {
      if (*p == '\0')
        return g_strdup (text);
      if ((guchar) *p >= 0x80)
        break;
    }

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      /* A byte that starts no whole character (text from a command line,
       * cut short) stands for itself, as U+FFFD, and never reads past the end. */
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_unichar (out, 0xFFFD);
          p++;
          continue;
        }
      p = g_utf8_next_char (p);
      if (c >= 0xFF01 && c <= 0xFF5E)
        g_string_append_c (out, (char) (c - 0xFF01 + 0x21));
      else if (c == 0x3000 || c == 0x00A0)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * cf_text_clean_cell:
 * @text: a CSV cell as read
 *
 * Trims white space (including ideographic and no-break spaces) and unwraps what
 * spreadsheets add to keep leading zeros: `="000123"`, `'000123`, a leading tab.
 *
 * Returns: (transfer full): the cell's value
 */
char *
cf_text_clean_cell (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      while (start < end)
        {
          gunichar c = g_utf8_get_char (start);
          if (!is_space_char (c))
            break;
          start = g_utf8_next_char (start);
        }
      while (end > start)
        {
          const char *prev = g_utf8_prev_char (end);
          if (!is_space_char (g_utf8_get_char (prev)))
            break;
          end = prev;
        }

      if (end - start >= 3 && start[0] == '=' && start[1] == '"' && end[-1] == '"')
        {
          start += 2;
          end -= 1;
          again = TRUE;
        }
      else if (end - start >= 1 && start[0] == '\'')
        {
          start += 1;
          again = TRUE;
        }
    }

  return g_strndup (start, (gsize) (end - start));
}

/**
 * cf_text_header_key:
 * @text: a column header
 *
 * Reduces a header to what identifies it: case folded, width folded, without
 * spaces and punctuation, and without a trailing unit in brackets, so that
 * `交易金额（元）`, `Trace No.` and `trace_no` compare as `交易金额`, `traceno`.
 *
 * Returns: (transfer full): the key
 */
char *
cf_text_header_key (const char *text)
{
  g_autofree char *clean = cf_text_clean_cell (text);
  g_autofree char *folded = cf_text_fold_width (clean);
  g_autofree char *lower = g_utf8_casefold (folded, -1);
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(' || c == '[' || c == 0x3010 /* 【 */)
        depth++;
      else if ((c == ')' || c == ']' || c == 0x3011) && depth > 0)
        depth--;
      else if (depth > 0)
        continue;
      else if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }

  /* A header that is only a bracketed word, "(元)", keeps its content. */
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      out = g_string_new (NULL);
      for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          g_string_append_unichar (out, g_utf8_get_char (p));
    }

  return g_string_free (out, FALSE);
}

/**
 * cf_text_is_blank:
 * @text: (nullable): text
 *
 * Returns: whether @text is %NULL, empty or only white space
 */
gboolean
cf_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_space_char (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}
