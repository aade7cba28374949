/* cf-timestamp.h — dates and times as journals print them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CF_TIMESTAMP_ERROR (cf_timestamp_error_quark ())

typedef enum
{
  CF_TIMESTAMP_ERROR_INVALID,
} CfTimestampError;

/**
 * CfDateOrder:
 *
 * How to read a date written with the year last (`11/28/2026`, `28/11/2026`);
 * dates that start with the year are read the same way whatever the order.
 */
typedef enum
{
  CF_DATE_ORDER_YMD,
  CF_DATE_ORDER_MDY,
  CF_DATE_ORDER_DMY,
} CfDateOrder;

typedef struct
{
  int      year, month, day;
  int      hour, minute, second;
  gboolean has_date;
  gboolean has_time;
  gboolean has_offset;
  int      offset_minutes;   /* east of UTC, when has_offset */
} CfTimestamp;

GQuark   cf_timestamp_error_quark    (void);
gboolean cf_timestamp_parse_date     (const char   *text,
                                      CfDateOrder   order,
                                      CfTimestamp  *ts,
                                      GError      **error);
gboolean cf_timestamp_parse_time     (const char   *text,
                                      CfTimestamp  *ts,
                                      GError      **error);
gboolean cf_timestamp_parse          (const char   *text,
                                      CfDateOrder   order,
                                      CfTimestamp  *ts,
                                      GError      **error);
void     cf_timestamp_format_local   (const CfTimestamp *ts,
                                      char               out[20]);

G_END_DECLS
