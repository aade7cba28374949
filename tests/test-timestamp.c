/* test-timestamp.c — dates and times as journals print them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cf-timestamp.h"

static void
check (const char  *text,
       CfDateOrder  order,
       const char  *expected,
       int          offset)
{
  CfTimestamp ts = { 0 };
  g_autoptr(GError) error = NULL;
  char local[20];

  g_test_message ("%s", text);
  g_assert_true (cf_timestamp_parse (text, order, &ts, &error));
  g_assert_no_error (error);
  cf_timestamp_format_local (&ts, local);
  g_assert_cmpstr (local, ==, expected);
  if (offset == G_MININT)
    g_assert_false (ts.has_offset);
  else
    {
      g_assert_true (ts.has_offset);
      g_assert_cmpint (ts.offset_minutes, ==, offset);
    }
}

static void
test_dates_and_date_times (void)
{
  check ("20261128", CF_DATE_ORDER_YMD, "2026-11-28 00:00:00", G_MININT);
  check ("2026-11-28", CF_DATE_ORDER_YMD, "2026-11-28 00:00:00", G_MININT);
  check ("2026/11/28", CF_DATE_ORDER_YMD, "2026-11-28 00:00:00", G_MININT);
  check ("2026.11.28", CF_DATE_ORDER_YMD, "2026-11-28 00:00:00", G_MININT);
  check ("2026-1-5", CF_DATE_ORDER_YMD, "2026-01-05 00:00:00", G_MININT);
  check ("2026年11月28日", CF_DATE_ORDER_YMD, "2026-11-28 00:00:00", G_MININT);
  check ("11/28/2026", CF_DATE_ORDER_MDY, "2026-11-28 00:00:00", G_MININT);
  check ("28/11/2026", CF_DATE_ORDER_DMY, "2026-11-28 00:00:00", G_MININT);
  check ("28/11/2026", CF_DATE_ORDER_YMD, "2026-11-28 00:00:00", G_MININT);
  check ("2026-11-28 14:03:22", CF_DATE_ORDER_YMD, "2026-11-28 14:03:22", G_MININT);
  check ("2026/11/28 14:03", CF_DATE_ORDER_YMD, "2026-11-28 14:03:00", G_MININT);
  check ("20261128140322", CF_DATE_ORDER_YMD, "2026-11-28 14:03:22", G_MININT);
  check ("20261128 140322", CF_DATE_ORDER_YMD, "2026-11-28 14:03:22", G_MININT);
  check ("2026-11-28T14:03:22Z", CF_DATE_ORDER_YMD, "2026-11-28 14:03:22", 0);
  check ("2026-11-28T14:03:22+08:00", CF_DATE_ORDER_YMD, "2026-11-28 14:03:22", 480);
  check ("2026-11-28T14:03:22.123-0500", CF_DATE_ORDER_YMD, "2026-11-28 14:03:22", -300);
  check ("11/28/2026 2:30:00 PM", CF_DATE_ORDER_MDY, "2026-11-28 14:30:00", G_MININT);
  check ("11/28/2026 12:05 AM", CF_DATE_ORDER_MDY, "2026-11-28 00:05:00", G_MININT);
  check ("２０２６－１１－２８　１４：０３：２２", CF_DATE_ORDER_YMD, "2026-11-28 14:03:22", G_MININT);
  check ("2024-02-29", CF_DATE_ORDER_YMD, "2024-02-29 00:00:00", G_MININT);
}

static void
test_times (void)
{
  static const struct { const char *text; int h, m, s; } cases[] = {
    { "14:03:22", 14, 3, 22 },
    { "14:03", 14, 3, 0 },
    { "140322", 14, 3, 22 },
    { "090000", 9, 0, 0 },
    { "2:30:00 PM", 14, 30, 0 },
    { "2:30 pm", 14, 30, 0 },
    { "12:00:00 AM", 0, 0, 0 },
    { "12:00:00 PM", 12, 0, 0 },
    { "下午2:30:00", 14, 30, 0 },
    { "上午9:05", 9, 5, 0 },
    { "14时03分22秒", 14, 3, 22 },
    { "9:05:07", 9, 5, 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CfTimestamp ts = { 0 };
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].text);
      g_assert_true (cf_timestamp_parse_time (cases[i].text, &ts, &error));
      g_assert_no_error (error);
      g_assert_cmpint (ts.hour, ==, cases[i].h);
      g_assert_cmpint (ts.minute, ==, cases[i].m);
      g_assert_cmpint (ts.second, ==, cases[i].s);
    }
}

static void
test_rejected (void)
{
  const char *dates[] = {
    "", "2026-11-31", "2026-13-01", "2025-02-29", "20261301", "11/28/26/1", "tomorrow",
    "2026-11-28 25:00:00", "2026-11-28 14:60", "2026-11-28 14:03:22 junk", "1899-01-01",
  };
  const char *times[] = { "", "24:00:00", "13:00 PM", "0:30 AM", "1:2:3", "noon", "14:03:22:11" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      CfTimestamp ts = { 0 };
      g_autoptr(GError) error = NULL;

      g_test_message ("date %s", dates[i]);
      g_assert_false (cf_timestamp_parse (dates[i], CF_DATE_ORDER_YMD, &ts, &error));
      g_assert_error (error, CF_TIMESTAMP_ERROR, CF_TIMESTAMP_ERROR_INVALID);
    }
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      CfTimestamp ts = { 0 };
      g_autoptr(GError) error = NULL;

      g_test_message ("time %s", times[i]);
      g_assert_false (cf_timestamp_parse_time (times[i], &ts, &error));
      g_assert_error (error, CF_TIMESTAMP_ERROR, CF_TIMESTAMP_ERROR_INVALID);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timestamp/parse/dates", test_dates_and_date_times);
  g_test_add_func ("/timestamp/parse/times", test_times);
  g_test_add_func ("/timestamp/parse/rejected", test_rejected);

  return g_test_run ();
}
