/* cf-time-zone.c — the zones exports name, and the offset they had at a
 * wall time
 *
 * A journal's times are the terminal's wall clock; the zone is written in a
 * column or known from the profile, in whatever form the vendor chose: an
 * IANA name (Europe/Zurich, with its summer time, through GTimeZone), a
 * Rails or Windows display name (Square's “Pacific Time (US & Canada)”), an
 * abbreviation (PayPal's PDT, Adyen's CET) or an offset (+08:00). A name
 * that is none of these is not guessed at: the caller refuses the row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-time-zone"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cf-text.h"
#include "cf-time-zone.h"

struct _CfTimeZone
{
  char      *name;
  GTimeZone *zone;           /* NULL for a fixed offset */
  int        fixed_minutes;
};

/* The display names of Rails (Square, Shopify) and Windows, mapped to the
 * zone they stand for; compared by cf_text_header_key(). */
static const struct { const char *name; const char *iana; } display_names[] = {
  { "Pacific Time (US & Canada)", "America/Los_Angeles" }, { "Pacific Standard Time", "America/Los_Angeles" },
  { "Mountain Time (US & Canada)", "America/Denver" },     { "Mountain Standard Time", "America/Denver" },
  { "Central Time (US & Canada)", "America/Chicago" },     { "Central Standard Time", "America/Chicago" },
  { "Eastern Time (US & Canada)", "America/New_York" },    { "Eastern Standard Time", "America/New_York" },
  { "Atlantic Time (Canada)", "America/Halifax" },         { "Alaska", "America/Anchorage" },
  { "Hawaii", "Pacific/Honolulu" },                        { "Arizona", "America/Phoenix" },
  { "London", "Europe/London" },                           { "GMT Standard Time", "Europe/London" },
  { "Dublin", "Europe/Dublin" },                           { "Amsterdam", "Europe/Amsterdam" },
  { "Berlin", "Europe/Berlin" },                           { "W. Europe Standard Time", "Europe/Berlin" },
  { "Paris", "Europe/Paris" },                             { "Romance Standard Time", "Europe/Paris" },
  { "Zurich", "Europe/Zurich" },                           { "Madrid", "Europe/Madrid" },
  { "Rome", "Europe/Rome" },                               { "Vienna", "Europe/Vienna" },
  { "Stockholm", "Europe/Stockholm" },                     { "Central European Standard Time", "Europe/Warsaw" },
  { "Beijing", "Asia/Shanghai" },                          { "China Standard Time", "Asia/Shanghai" },
  { "北京时间", "Asia/Shanghai" },                           { "Hong Kong", "Asia/Hong_Kong" },
  { "Singapore", "Asia/Singapore" },                       { "Tokyo", "Asia/Tokyo" },
  { "Sydney", "Australia/Sydney" },                        { "AUS Eastern Standard Time", "Australia/Sydney" },
  { "Auckland", "Pacific/Auckland" },
};

/* Abbreviations stand for one offset each, summer or winter: PDT is -07:00
 * whatever the date. Ambiguous ones (IST, BST in Asia) are left out. CST is
 * the US's: processors that write abbreviations are American; Chinese
 * acquirers do not write a zone. */
static const struct { const char *name; int minutes; } abbreviations[] = {
  { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 }, { "WET", 0 }, { "WEST", 60 }, { "BST", 60 },
  { "CET", 60 }, { "CEST", 120 }, { "MEZ", 60 }, { "MESZ", 120 }, { "EET", 120 }, { "EEST", 180 },
  { "PST", -480 }, { "PDT", -420 }, { "MST", -420 }, { "MDT", -360 }, { "CST", -360 }, { "CDT", -300 },
  { "EST", -300 }, { "EDT", -240 }, { "AKST", -540 }, { "AKDT", -480 }, { "HST", -600 },
  { "HKT", 480 }, { "SGT", 480 }, { "JST", 540 }, { "KST", 540 },
  { "AWST", 480 }, { "ACST", 570 }, { "AEST", 600 }, { "AEDT", 660 }, { "NZST", 720 }, { "NZDT", 780 },
};

/* Without tzdata (a minimal container) the zones of the shops Counterfoil
 * was first written for still work: none has had summer time since 1991. */
static const struct { const char *name; int minutes; } fixed_zones[] = {
  { "Asia/Shanghai", 480 }, { "Asia/Hong_Kong", 480 }, { "Asia/Taipei", 480 }, { "Asia/Macau", 480 },
  { "Asia/Singapore", 480 }, { "Asia/Tokyo", 540 }, { "Etc/UTC", 0 },
};

/* +08:00, +0800, +8, UTC+8, GMT-05:00, UTC+05:30 */
static gboolean
parse_offset (const char *text,
              int        *minutes)
{
  const char *p = text;
  int sign, hh = 0, mm = 0, n = 0;
  char extra;

  if (g_ascii_strncasecmp (p, "UTC", 3) == 0 || g_ascii_strncasecmp (p, "GMT", 3) == 0)
    p += 3;
  if (*p != '+' && *p != '-')
    return FALSE;
  sign = *p++ == '-' ? -1 : 1;
  for (; g_ascii_isdigit (p[n]); n++)
    ;
  if (n == 4 && sscanf (p, "%2d%2d%c", &hh, &mm, &extra) == 2)
    ;
  else if ((n == 1 || n == 2) && p[n] == ':' && sscanf (p, "%d:%2d%c", &hh, &mm, &extra) == 2)
    ;
  else if ((n == 1 || n == 2) && p[n] == '\0')
    hh = atoi (p);
  else
    return FALSE;
  if (hh > 14 || mm > 59)
    return FALSE;
  *minutes = sign * (hh * 60 + mm);
  return TRUE;
}

static CfTimeZone *
time_zone_fixed (const char *name,
                 int         minutes)
{
  CfTimeZone *self = g_new0 (CfTimeZone, 1);

  self->name = g_strdup (name);
  self->fixed_minutes = minutes;
  return self;
}

static CfTimeZone *
time_zone_iana (const char *name)
{
  GTimeZone *zone;
  CfTimeZone *self;

  /* g_time_zone_new_identifier() also reads POSIX TZ strings ("CET-1"):
   * only names that look like IANA ones are passed to it. */
  if (strchr (name, '/') == NULL && !g_str_equal (name, "UTC"))
    return NULL;
  zone = g_time_zone_new_identifier (name);
  if (zone == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (fixed_zones); i++)
        if (g_str_equal (name, fixed_zones[i].name))
          return time_zone_fixed (name, fixed_zones[i].minutes);
      return NULL;
    }
  self = g_new0 (CfTimeZone, 1);
  self->name = g_strdup (name);
  self->zone = zone;
  return self;
}

/**
 * cf_time_zone_new:
 * @name: a zone as an export writes it
 *
 * Returns: (transfer full) (nullable): the zone, or %NULL when @name is not
 *   one Counterfoil can tell the offset of
 */
CfTimeZone *
cf_time_zone_new (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  g_autofree char *key = NULL;
  int minutes;

  if (*trimmed == '\0')
    return NULL;
  if (parse_offset (trimmed, &minutes))
    return time_zone_fixed (trimmed, minutes);
  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (g_ascii_strcasecmp (trimmed, abbreviations[i].name) == 0)
      return time_zone_fixed (abbreviations[i].name, abbreviations[i].minutes);

  key = cf_text_header_key (trimmed);
  for (guint i = 0; i < G_N_ELEMENTS (display_names); i++)
    {
      g_autofree char *candidate = cf_text_header_key (display_names[i].name);

      if (g_str_equal (key, candidate))
        return time_zone_iana (display_names[i].iana);
    }
  return time_zone_iana (trimmed);
}

void
cf_time_zone_free (CfTimeZone *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_free (self);
}

/**
 * cf_time_zone_get_name:
 *
 * Returns: the IANA name, abbreviation or offset the zone was made from, as
 *   it is stored beside a transaction
 */
const char *
cf_time_zone_get_name (CfTimeZone *self)
{
  return self->name;
}

/* Days from 1970-01-01 to a civil date (proleptic Gregorian). */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

/**
 * cf_time_zone_offset_at:
 * @local: a wall time in the zone
 *
 * A wall time in the hour skipped in spring is taken as summer time already
 * (the clock moved on); one in the hour repeated in autumn as the first of
 * the two.
 *
 * Returns: minutes east of UTC at @local
 */
int
cf_time_zone_offset_at (CfTimeZone        *self,
                        const CfTimestamp *local)
{
  gint64 wall;
  int interval;

  if (self->zone == NULL)
    return self->fixed_minutes;
  wall = days_from_civil (local->year, local->month, local->day) * 86400 +
         local->hour * 3600 + local->minute * 60 + local->second;
  interval = g_time_zone_adjust_time (self->zone, G_TIME_TYPE_DAYLIGHT, &wall);
  return g_time_zone_get_offset (self->zone, interval) / 60;
}
