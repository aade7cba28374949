/* cf-spoken-time.c — days and times as customers say them
 *
 * A customer at the counter does not quote a timestamp: they say "the 24th",
 * "24号", "about 8pm", "晚上8点半". cf_spoken_normalize() rewrites such phrases,
 * which Chinese writes without spaces, into one word each that the search
 * reads: a day "24th" or "11-24", a time "20:00" (certain) or "8:00h"
 * (o'clock, morning or evening). A remembered time is a window, never an
 * instant: CF_SPOKEN_TIME_MARGIN either side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-spoken-time"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "cf-spoken-time.h"

#define DAY_SECONDS (24 * 60 * 60)

/* Where a word ends in Latin script; Chinese needs no boundary. */
#define BEFORE "(?<![0-9A-Za-z_.:,])"
#define AFTER  "(?![0-9A-Za-z_])"
#define MONTHS "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?" \
               "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?"

typedef enum { PERIOD_NONE, PERIOD_AM, PERIOD_NOON, PERIOD_PM } Period;

static Period
chinese_period (const char *word,
                gboolean   *past_midnight)
{
  static const char *const am[] = { "凌晨", "早上", "早晨", "清晨", "上午" };
  static const char *const pm[] = { "下午", "傍晚", "晚上", "夜里", "夜间" };

  *past_midnight = g_strcmp0 (word, "凌晨") == 0 || g_strcmp0 (word, "晚上") == 0 ||
                   g_strcmp0 (word, "夜里") == 0 || g_strcmp0 (word, "夜间") == 0;
  if (word == NULL || *word == '\0')
    return PERIOD_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (am); i++)
    if (g_str_equal (word, am[i]))
      return PERIOD_AM;
  for (guint i = 0; i < G_N_ELEMENTS (pm); i++)
    if (g_str_equal (word, pm[i]))
      return PERIOD_PM;
  return g_str_equal (word, "中午") ? PERIOD_NOON : PERIOD_NONE;
}

/* An hour on the 12-hour clock, with what was said around it, on the 24-hour clock. */
static int
to_24_hour (int      hour,
            Period   period,
            gboolean past_midnight)
{
  switch (period)
    {
    case PERIOD_AM:
      return hour == 12 && past_midnight ? 0 : hour;
    case PERIOD_NOON:
      return hour >= 1 && hour <= 5 ? hour + 12 : hour;
    case PERIOD_PM:
      if (hour == 12)
        return past_midnight ? 0 : 12;
      return hour < 12 ? hour + 12 : hour;
    case PERIOD_NONE:
    default:
      return hour;
    }
}

static int
group_int (const GMatchInfo *info,
           int               group)
{
  g_autofree char *text = g_match_info_fetch (info, group);

  return text != NULL && *text != '\0' ? atoi (text) : -1;
}

/* "晚上8点半", "下午3点15分", "8点": a period of the day (or none), an hour, its minutes. */
static gboolean
replace_chinese_time (const GMatchInfo *info,
                      GString          *out,
                      gpointer          user_data)
{
  g_autofree char *period_word = g_match_info_fetch (info, 1);
  g_autofree char *whole = g_match_info_fetch (info, 0);
  g_autofree char *half = g_match_info_fetch (info, 4);
  g_autofree char *quarter = g_match_info_fetch (info, 5);
  g_autofree char *three_quarters = g_match_info_fetch (info, 6);
  int hour = group_int (info, 2);
  int minute = group_int (info, 3);
  gboolean past_midnight;
  Period period = chinese_period (period_word, &past_midnight);

  if (half != NULL && *half != '\0')
    minute = 30;
  else if (quarter != NULL && *quarter != '\0')
    minute = 15;
  else if (three_quarters != NULL && *three_quarters != '\0')
    minute = 45;
  if (minute < 0)
    minute = 0;
  if (hour > 23 || minute > 59 || (period != PERIOD_NONE && hour > 12))
    {
      g_string_append (out, whole);
      return FALSE;
    }
  if (period == PERIOD_NONE)
    g_string_append_printf (out, " %d:%02dh ", hour, minute);
  else
    g_string_append_printf (out, " %02d:%02d ", to_24_hour (hour, period, past_midnight), minute);
  return FALSE;
}

/* "8pm", "8:30 p.m.", "12am" */
static gboolean
replace_am_pm (const GMatchInfo *info,
               GString          *out,
               gpointer          user_data)
{
  g_autofree char *whole = g_match_info_fetch (info, 0);
  g_autofree char *marker = g_match_info_fetch (info, 3);
  int hour = group_int (info, 1);
  int minute = MAX (group_int (info, 2), 0);
  gboolean pm = g_ascii_tolower (marker[0]) == 'p';

  if (hour < 1 || hour > 12 || minute > 59)
    {
      g_string_append (out, whole);
      return FALSE;
    }
  if (hour == 12)
    hour = pm ? 12 : 0;
  else if (pm)
    hour += 12;
  g_string_append_printf (out, " %02d:%02d ", hour, minute);
  return FALSE;
}

/* "8 o'clock": morning or evening, as "8点" */
static gboolean
replace_o_clock (const GMatchInfo *info,
                 GString          *out,
                 gpointer          user_data)
{
  g_autofree char *whole = g_match_info_fetch (info, 0);
  int hour = group_int (info, 1);
  int minute = MAX (group_int (info, 2), 0);

  if (hour > 23 || minute > 59)
    g_string_append (out, whole);
  else
    g_string_append_printf (out, " %d:%02dh ", hour, minute);
  return FALSE;
}

static int
month_number (const char *name)
{
  static const char *const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec" };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (name, months[i], 3) == 0)
      return (int) i + 1;
  return 0;
}

/* "Nov 24", "24th of November" */
static gboolean
replace_month_day (const GMatchInfo *info,
                   GString          *out,
                   gpointer          user_data)
{
  gboolean day_first = GPOINTER_TO_INT (user_data);
  g_autofree char *month_text = g_match_info_fetch (info, day_first ? 2 : 1);
  int day = group_int (info, day_first ? 1 : 2);
  int month = month_number (month_text);

  g_string_append_printf (out, " %d-%d ", month, day);
  return FALSE;
}

/* "2026年11月24日", "11月24号", "24号" */
static gboolean
replace_chinese_date (const GMatchInfo *info,
                      GString          *out,
                      gpointer          user_data)
{
  int year = group_int (info, 1);
  int month = group_int (info, 2);
  int day = group_int (info, 3);

  if (year > 0 && month > 0)
    g_string_append_printf (out, " %04d-%02d-%02d ", year, month, day);
  else if (month > 0)
    g_string_append_printf (out, " %d-%d ", month, day);
  else
    g_string_append_printf (out, " %dth ", day);
  return FALSE;
}

static char *
replace (const char          *text,
         const char          *pattern,
         GRegexEvalCallback   eval,
         gpointer             user_data)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);

  g_assert (regex != NULL);
  return g_regex_replace_eval (regex, text, -1, 0, 0, eval, user_data, NULL);
}

/**
 * cf_spoken_normalize:
 * @text: what the clerk typed, its width already folded
 *
 * Returns: (transfer full): @text with each spoken day or time one word
 */
char *
cf_spoken_normalize (const char *text)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;
  g_autofree char *f = NULL;
  g_autoptr(GRegex) words = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  a = replace (text, "(凌晨|早上|早晨|清晨|上午|中午|下午|傍晚|晚上|夜里|夜间)?\\s*([0-9]{1,2})\\s*[点點时時]"
                     "(?:\\s*([0-9]{1,2})\\s*分?|\\s*(半)|\\s*(一刻)|\\s*(三刻))?",
               replace_chinese_time, NULL);
  b = replace (a, BEFORE "([0-9]{1,2})(?::([0-9]{2}))?\\s*([ap])\\.?m\\.?" AFTER, replace_am_pm, NULL);
  c = replace (b, BEFORE "([0-9]{1,2})(?::([0-9]{2}))?\\s*o'?clock" AFTER, replace_o_clock, NULL);
  d = replace (c, BEFORE MONTHS "\\s*([0-9]{1,2})(?:st|nd|rd|th)?" AFTER, replace_month_day, GINT_TO_POINTER (FALSE));
  e = replace (d, BEFORE "([0-9]{1,2})(?:st|nd|rd|th)?\\.?\\s*(?:of\\s+)?" MONTHS AFTER,
               replace_month_day, GINT_TO_POINTER (TRUE));
  f = replace (e, "(?:([0-9]{4})\\s*年\\s*)?(?:([0-9]{1,2})\\s*月\\s*)?([0-9]{1,2})\\s*[号號日]",
               replace_chinese_date, NULL);

  /* The rest of what Chinese runs together: relative days, periods, "about". */
  words = g_regex_new ("(今天|今日|昨天|昨日|前天|凌晨|早上|早晨|清晨|上午|中午|下午|傍晚|晚上|夜里|夜间"
                       "|左右|前后|大概|大约|约|卡尾号|尾号)", G_REGEX_OPTIMIZE, 0, NULL);
  return g_regex_replace (words, f, -1, 0, " \\1 ", 0, NULL);
}

/**
 * cf_spoken_is_filler:
 * @next_is_time: (out): set when the word says a time follows ("about 8")
 *
 * Returns: whether @word only joins the others ("the", "on", "左右")
 */
gboolean
cf_spoken_is_filler (const char *word,
                     gboolean   *next_is_time)
{
  static const char *const before_time[] = { "about", "around", "approx", "approx.", "approximately", "circa",
                                             "ca.", "at", "~", "约", "大约", "大概" };
  static const char *const others[] = { "on", "the", "of", "ending", "ends", "左右", "前后", "在", "卡尾号", "尾号" };

  *next_is_time = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (before_time); i++)
    if (g_ascii_strcasecmp (word, before_time[i]) == 0)
      return *next_is_time = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (g_ascii_strcasecmp (word, others[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The most recent @day of a month, today or before. */
static gboolean
latest_day_of_month (GDateTime *now,
                     int        day,
                     int       *year,
                     int       *month)
{
  int y = g_date_time_get_year (now);
  int m = g_date_time_get_month (now);

  if (day < 1 || day > 31)
    return FALSE;
  if (day > g_date_time_get_day_of_month (now))
    m--;
  for (guint tries = 0; tries < 12; tries++, m--)
    {
      if (m < 1)
        {
          m = 12;
          y--;
        }
      if (g_date_valid_dmy ((GDateDay) day, (GDateMonth) m, (GDateYear) y))
        {
          *year = y;
          *month = m;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * cf_spoken_read_day:
 * @word: "24th", "24" (no leading zero), "today", "昨天", "前天"
 * @now: the moment the most recent such day is counted back from
 *
 * Returns: whether @word names a day, the most recent one not in the future
 */
gboolean
cf_spoken_read_day (const char *word,
                    GDateTime  *now,
                    int        *year,
                    int        *month,
                    int        *day)
{
  static const struct { const char *word; int days_ago; } relative[] = {
    { "today", 0 }, { "今天", 0 }, { "今日", 0 }, { "yesterday", 1 }, { "昨天", 1 }, { "昨日", 1 }, { "前天", 2 },
  };
  g_autoptr(GRegex) ordinal = g_regex_new ("^([1-9][0-9]?)(st|nd|rd|th)?$", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (relative); i++)
    if (g_ascii_strcasecmp (word, relative[i].word) == 0)
      {
        g_autoptr(GDateTime) then = g_date_time_add_days (now, -relative[i].days_ago);

        g_date_time_get_ymd (then, year, month, day);
        return TRUE;
      }

  if (!g_regex_match (ordinal, word, 0, &info))
    return FALSE;
  *day = group_int (info, 1);
  return latest_day_of_month (now, *day, year, month);
}

static void
add_window (CfTimeWindow *window,
            int           second_of_day)
{
  window->from = second_of_day - CF_SPOKEN_TIME_MARGIN;
  window->to = second_of_day + CF_SPOKEN_TIME_MARGIN + 59;
  if (window->from < 0)
    window->from += DAY_SECONDS;
  if (window->to >= DAY_SECONDS)
    window->to -= DAY_SECONDS;
}

static char *
clock_text (int second_of_day)
{
  return g_strdup_printf ("%02d:%02d", second_of_day / 3600, second_of_day / 60 % 60);
}

static guint
read_period (const char   *word,
             CfTimeWindow  windows[2],
             char        **described)
{
  static const struct { const char *words[3]; const char *name; int from_hour; int to_hour; } periods[] = {
    { { "morning", "上午", "早上" }, N_("in the morning"), 6, 12 },
    { { "noon", "midday", "中午" }, N_("around noon"), 11, 14 },
    { { "afternoon", "下午", NULL }, N_("in the afternoon"), 12, 18 },
    { { "evening", "晚上", "傍晚" }, N_("in the evening"), 17, 24 },
    { { "night", "夜里", "夜间" }, N_("at night"), 20, 24 },
    { { "凌晨", "早晨", "清晨" }, N_("in the early hours"), 0, 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    for (guint w = 0; w < G_N_ELEMENTS (periods[i].words) && periods[i].words[w] != NULL; w++)
      if (g_ascii_strcasecmp (word, periods[i].words[w]) == 0)
        {
          g_autofree char *from = clock_text (periods[i].from_hour * 3600);
          g_autofree char *to = clock_text (periods[i].to_hour * 3600 - 60);

          windows[0].from = periods[i].from_hour * 3600;
          windows[0].to = periods[i].to_hour * 3600 - 1;
          /* TRANSLATORS: "in the evening (17:00–23:59)" */
          *described = g_strdup_printf (_("%s (%s–%s)"), _(periods[i].name), from, to);
          return 1;
        }
  return 0;
}

/**
 * cf_spoken_read_time:
 * @word: "20:00", "8:30" (a time of day, certain), "8:00h" (o'clock: morning
 *   or evening), "evening", "晚上"; with @bare_hour, also "8"
 * @windows: (out caller-allocates): receives one window, or two for a time
 *   that may be morning or evening
 * @described: (out) (transfer full): the window as the clerk reads it
 *
 * Returns: how many windows @word names; 0 if it is not a time
 */
guint
cf_spoken_read_time (const char    *word,
                     gboolean       bare_hour,
                     CfTimeWindow   windows[2],
                     char         **described)
{
  g_autoptr(GRegex) clock = g_regex_new ("^([0-9]{1,2})(?::([0-9]{2}))?(h?)$", 0, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *o_clock = NULL;
  g_autofree char *minutes = NULL;
  int hour, minute;
  guint n;

  *described = NULL;
  if (read_period (word, windows, described) > 0)
    return 1;
  if (!g_regex_match (clock, word, 0, &info))
    return 0;
  minutes = g_match_info_fetch (info, 2);
  o_clock = g_match_info_fetch (info, 3);
  if ((minutes == NULL || *minutes == '\0') && *o_clock == '\0' && !bare_hour)
    return 0;
  hour = group_int (info, 1);
  minute = MAX (group_int (info, 2), 0);
  if (hour > 23 || minute > 59)
    return 0;

  add_window (&windows[0], hour * 3600 + minute * 60);
  n = 1;
  /* "8点", "8 o'clock", "about 8": morning or evening; "8:30" is the morning. */
  if ((*o_clock != '\0' || minutes == NULL || *minutes == '\0') && hour >= 1 && hour <= 11)
    add_window (&windows[n++], (hour + 12) * 3600 + minute * 60);

  {
    g_autofree char *first = clock_text (hour * 3600 + minute * 60);
    g_autofree char *first_from = clock_text (windows[0].from);
    g_autofree char *first_to = clock_text (windows[0].to);

    if (n == 1)
      /* TRANSLATORS: "around 20:00 (19:30–20:30)" */
      *described = g_strdup_printf (_("around %s (%s–%s)"), first, first_from, first_to);
    else
      {
        g_autofree char *second = clock_text ((hour + 12) * 3600 + minute * 60);

        /* TRANSLATORS: "around 08:00 or 20:00 (30 minutes either side)" */
        *described = g_strdup_printf (_("around %s or %s (%d minutes either side)"), first, second,
                                      CF_SPOKEN_TIME_MARGIN / 60);
      }
  }
  return n;
}
