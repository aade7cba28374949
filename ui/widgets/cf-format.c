/* cf-format.c — moments and names as people read them, in their locale
 *
 * The database keeps when something happened as UTC in ISO 8601
 * (2026-12-01T12:20:48Z); the window shows it in the desk's time zone and
 * the reader's date format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-format.h"

/**
 * cf_format_counterpart:
 * @counterpart: `provider`, `acquirer` or `tax_office`, as requests store it
 *
 * Returns: whom a replacement request is sent to, as people call them
 */
const char *
cf_format_counterpart (const char *counterpart)
{
  if (g_strcmp0 (counterpart, "provider") == 0)
    return _("POS provider");
  if (g_strcmp0 (counterpart, "tax_office") == 0)
    return _("Tax office");
  return _("Acquiring bank");
}

/**
 * cf_format_moment:
 * @iso_utc: (nullable): `2026-12-01T12:20:48Z`
 *
 * Returns: (transfer full): the moment in local time and the locale's date
 *   format (`12/01/2026 20:20`, `2026年12月01日 20:20`), or @iso_utc as it is
 *   when it is not a moment
 */
char *
cf_format_moment (const char *iso_utc)
{
  g_autoptr(GDateTime) utc = iso_utc != NULL ? g_date_time_new_from_iso8601 (iso_utc, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup (iso_utc != NULL ? iso_utc : "");
  return g_date_time_format (local, "%x %H:%M");
}
