/* cf-timestamp.c — dates and times as journals print them
 *
 * Accepted: 20261128, 2026-11-28, 2026/11/28, 2026.11.28, 2026年11月28日,
 * 11/28/2026 or 28/11/2026 (the profile says which), 14:03:22, 14:03, 140322,
 * 2:30:00 PM, 下午2:30, and date and time together with a space, a `T` or
 * nothing between them (20261128140322), optionally followed by Z or ±hh:mm.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-timestamp"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <string.h>

#include "cf-text.h"
#include "cf-timestamp.h"

G_DEFINE_QUARK (cf-timestamp-error-quark, cf_timestamp_error)

static int
read_number (const char **p,
             int          max_digits,
             int         *n_digits)
{
  int value = 0;
  int n = 0;

  while (n < max_digits && g_ascii_isdigit (**p))
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  *n_digits = n;
  return value;
}

static gboolean
skip_literal (const char **p,
              const char  *literal)
{
  gsize n = strlen (literal);

  if (strncmp (*p, literal, n) == 0)
    {
      *p += n;
      return TRUE;
    }
  return FALSE;
}

static void
skip_spaces (const char **p)
{
  while (**p == ' ' || **p == '\t')
    (*p)++;
}

static gboolean
is_date_separator (char c)
{
  return c == '-' || c == '/' || c == '.';
}

/* Reads a date at *p, advancing past it. */
static gboolean
read_date (const char  **p,
           CfDateOrder   order,
           CfTimestamp  *ts)
{
  const char *s = *p;
  int a, b, c, na, nb, nc;
  char sep;

  a = read_number (&s, 8, &na);
  if (na == 8)
    {
      /* 20261128 (and 20261128140322 continues with the time) */
      ts->year = a / 10000;
      ts->month = (a / 100) % 100;
      ts->day = a % 100;
    }
  else if (na == 4 && (is_date_separator (*s) || g_str_has_prefix (s, "年")))
    {
      gboolean cjk = skip_literal (&s, "年");
      sep = cjk ? '\0' : *s++;
      b = read_number (&s, 2, &nb);
      if (nb == 0 || (cjk ? !skip_literal (&s, "月") : *s++ != sep))
        return FALSE;
      c = read_number (&s, 2, &nc);
      if (nc == 0)
        return FALSE;
      if (cjk)
        skip_literal (&s, "日");
      ts->year = a;
      ts->month = b;
      ts->day = c;
    }
  else if ((na == 1 || na == 2) && is_date_separator (*s))
    {
      sep = *s++;
      b = read_number (&s, 2, &nb);
      if (nb == 0 || *s++ != sep)
        return FALSE;
      c = read_number (&s, 4, &nc);
      if (nc != 4 && nc != 2)
        return FALSE;
      if (nc == 2)
        c += 2000;
      ts->year = c;
      if (order == CF_DATE_ORDER_DMY)
        {
          ts->day = a;
          ts->month = b;
        }
      else if (order == CF_DATE_ORDER_YMD && ((a > 12 && b <= 12) || sep == '.'))
        {
          /* No order given and only one reading makes sense: 28/11/2026;
           * or dots, which only day-first countries write: 05.11.2026. */
          ts->day = a;
          ts->month = b;
        }
      else
        {
          ts->month = a;
          ts->day = b;
        }
    }
  else
    return FALSE;

  if (ts->year < 1970 || ts->year > 2200 ||
      !g_date_valid_dmy ((GDateDay) ts->day, (GDateMonth) ts->month, (GDateYear) ts->year))
    return FALSE;

  ts->has_date = TRUE;
  *p = s;
  return TRUE;
}

/* Reads a time at *p, advancing past it. */
static gboolean
read_time (const char  **p,
           CfTimestamp  *ts)
{
  const char *s = *p;
  int h, m = 0, sec = 0, n;
  int pm = -1;

  skip_spaces (&s);
  if (skip_literal (&s, "上午") || skip_literal (&s, "凌晨") || skip_literal (&s, "早上"))
    pm = 0;
  else if (skip_literal (&s, "下午") || skip_literal (&s, "晚上") || skip_literal (&s, "中午"))
    pm = 1;
  skip_spaces (&s);

  h = read_number (&s, 6, &n);
  if (n == 6)
    {
      /* 140322 */
      sec = h % 100;
      m = (h / 100) % 100;
      h /= 10000;
    }
  else if (n == 4 && *s != ':')
    {
      /* 1403 */
      m = h % 100;
      h /= 100;
    }
  else if (n == 1 || n == 2)
    {
      int nm, ns;

      if (*s == ':' || g_str_has_prefix (s, "时") || g_str_has_prefix (s, "点"))
        {
          if (*s == ':')
            s++;
          else
            s += strlen ("时");
          m = read_number (&s, 2, &nm);
          if (nm != 2 && !(nm == 1 && !g_ascii_isdigit (*s)))
            return FALSE;
          skip_literal (&s, "分");
          if (*s == ':')
            {
              s++;
              sec = read_number (&s, 2, &ns);
              if (ns != 2)
                return FALSE;
              /* Fractions of a second are dropped. */
              if (*s == '.' || *s == ',')
                {
                  s++;
                  while (g_ascii_isdigit (*s))
                    s++;
                }
            }
          else if (g_ascii_isdigit (*s))
            {
              sec = read_number (&s, 2, &ns);
              if (ns != 2)
                return FALSE;
              skip_literal (&s, "秒");
            }
        }
      else
        return FALSE;
    }
  else
    return FALSE;

  skip_spaces (&s);
  if (g_ascii_strncasecmp (s, "AM", 2) == 0 || g_ascii_strncasecmp (s, "A.M.", 4) == 0)
    {
      pm = 0;
      s += s[1] == '.' ? 4 : 2;
    }
  else if (g_ascii_strncasecmp (s, "PM", 2) == 0 || g_ascii_strncasecmp (s, "P.M.", 4) == 0)
    {
      pm = 1;
      s += s[1] == '.' ? 4 : 2;
    }

  if (pm >= 0)
    {
      if (h < 1 || h > 12)
        return FALSE;
      h = (h % 12) + (pm ? 12 : 0);
    }

  if (h > 23 || m > 59 || sec > 60)
    return FALSE;

  ts->hour = h;
  ts->minute = m;
  ts->second = sec > 59 ? 59 : sec;
  ts->has_time = TRUE;
  *p = s;
  return TRUE;
}

static gboolean
read_offset (const char  **p,
             CfTimestamp  *ts)
{
  const char *s = *p;
  int sign, hh, mm = 0, n;

  skip_spaces (&s);
  if (*s == 'Z' || *s == 'z')
    {
      ts->has_offset = TRUE;
      ts->offset_minutes = 0;
      *p = s + 1;
      return TRUE;
    }
  if (skip_literal (&s, "UTC") || skip_literal (&s, "GMT"))
    {
      if (*s != '+' && *s != '-')
        {
          ts->has_offset = TRUE;
          ts->offset_minutes = 0;
          *p = s;
          return TRUE;
        }
    }
  if (*s != '+' && *s != '-')
    return FALSE;
  sign = *s++ == '-' ? -1 : 1;
  hh = read_number (&s, 2, &n);
  if (n != 2)
    return FALSE;
  if (*s == ':')
    s++;
  if (g_ascii_isdigit (*s))
    {
      mm = read_number (&s, 2, &n);
      if (n != 2)
        return FALSE;
    }
  if (hh > 14 || mm > 59)
    return FALSE;
  ts->has_offset = TRUE;
  ts->offset_minutes = sign * (hh * 60 + mm);
  *p = s;
  return TRUE;
}

static gboolean fail (GError     **error,
                      const char  *format,
                      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError     **error,
      const char  *format,
      ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (CF_TIMESTAMP_ERROR, CF_TIMESTAMP_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

/**
 * cf_timestamp_parse_date:
 *
 * Reads a date alone; @ts's date fields are set.
 */
gboolean
cf_timestamp_parse_date (const char   *text,
                         CfDateOrder   order,
                         CfTimestamp  *ts,
                         GError      **error)
{
  g_autofree char *folded = cf_text_fold_width (text);
  g_autofree char *clean = cf_text_clean_cell (folded);
  const char *p = clean;

  if (!read_date (&p, order, ts) || *p != '\0')
    return fail (error, _("“%s” is not a date"), text);
  return TRUE;
}

/**
 * cf_timestamp_parse_time:
 *
 * Reads a time of day alone; @ts's time fields are set.
 */
gboolean
cf_timestamp_parse_time (const char   *text,
                         CfTimestamp  *ts,
                         GError      **error)
{
  g_autofree char *folded = cf_text_fold_width (text);
  g_autofree char *clean = cf_text_clean_cell (folded);
  const char *p = clean;

  if (!read_time (&p, ts))
    return fail (error, _("“%s” is not a time of day"), text);
  read_offset (&p, ts);
  skip_spaces (&p);
  if (*p != '\0')
    return fail (error, _("“%s” is not a time of day"), text);
  return TRUE;
}

/**
 * cf_timestamp_parse:
 *
 * Reads a date, optionally followed by a time and a UTC offset.
 */
gboolean
cf_timestamp_parse (const char   *text,
                    CfDateOrder   order,
                    CfTimestamp  *ts,
                    GError      **error)
{
  g_autofree char *folded = cf_text_fold_width (text);
  g_autofree char *clean = cf_text_clean_cell (folded);
  const char *p = clean;

  if (!read_date (&p, order, ts))
    return fail (error, _("“%s” is not a date"), text);

  if (*p == 'T' || *p == ' ' || g_ascii_isdigit (*p))
    {
      if (*p == 'T')
        p++;
      if (!read_time (&p, ts))
        return fail (error, _("“%s” is not a date and time"), text);
      read_offset (&p, ts);
    }
  skip_spaces (&p);
  if (*p != '\0')
    return fail (error, _("“%s” is not a date and time"), text);
  return TRUE;
}

/**
 * cf_timestamp_format_local:
 * @out: (out): `YYYY-MM-DD HH:MM:SS`, the wall time at the terminal
 */
void
cf_timestamp_format_local (const CfTimestamp *ts,
                           char               out[20])
{
  g_snprintf (out, 20, "%04d-%02d-%02d %02d:%02d:%02d",
              ts->year, ts->month, ts->day, ts->hour, ts->minute, ts->second);
}
