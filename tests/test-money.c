/* test-money.c — amounts as journals print them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cf-money.h"

static void
test_parse_accepted (void)
{
  static const struct { const char *text; gint64 minor; const char *currency; } cases[] = {
    { "1,234.56", 123456, "" },
    { "¥1,234.56", 123456, "CNY" },
    { "￥1234.5", 123450, "CNY" },
    { "RMB 1234.56", 123456, "CNY" },
    { "1234.56元", 123456, "CNY" },
    { "1234.56 CNY", 123456, "CNY" },
    { "$1,234.56", 123456, "USD" },
    { "-$45.00", -4500, "USD" },
    { "$-45.00", -4500, "USD" },
    { "(45.00)", -4500, "" },
    { "($45.00)", -4500, "USD" },
    { "45.00-", -4500, "" },
    { "88", 8800, "" },
    { "88.5", 8850, "" },
    { ".5", 50, "" },
    { "  ２００．００ ", 20000, "" },
    { "0.00", 0, "" },
    { "12.300", 1230, "" },
    { "5,00", 500, "" },
    { "1.234,56", 123456, "" },
    { "1,234,567.89", 123456789, "" },
    { "+10", 1000, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = -1;
      char currency[4] = "?";

      g_test_message ("%s", cases[i].text);
      g_assert_true (cf_money_parse (cases[i].text, &minor, currency, &error));
      g_assert_no_error (error);
      g_assert_cmpint (minor, ==, cases[i].minor);
      g_assert_cmpstr (currency, ==, cases[i].currency);
    }
}

static void
test_parse_rejected (void)
{
  static const struct { const char *text; int code; } cases[] = {
    { "", CF_MONEY_ERROR_EMPTY },
    { "   ", CF_MONEY_ERROR_EMPTY },
    { "12,3x", CF_MONEY_ERROR_INVALID },
    { "abc", CF_MONEY_ERROR_INVALID },
    { "1,23,4.00", CF_MONEY_ERROR_INVALID },
    { "12.345", CF_MONEY_ERROR_PRECISION },
    { "1.2.3", CF_MONEY_ERROR_INVALID },
    { "$", CF_MONEY_ERROR_INVALID },
    { "-", CF_MONEY_ERROR_INVALID },
    { "十二元", CF_MONEY_ERROR_INVALID },
    { "99999999999999999999", CF_MONEY_ERROR_RANGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = 0;

      g_test_message ("%s", cases[i].text);
      g_assert_false (cf_money_parse (cases[i].text, &minor, NULL, &error));
      g_assert_error (error, CF_MONEY_ERROR, cases[i].code);
    }
}

static void
test_rejection_names_the_text (void)
{
  g_autoptr(GError) error = NULL;
  gint64 minor;

  g_assert_false (cf_money_parse ("12,3x", &minor, NULL, &error));
  g_assert_nonnull (strstr (error->message, "12,3x"));
}

static void
test_format (void)
{
  static const struct { gint64 minor; const char *currency; const char *text; const char *decimal; } cases[] = {
    { 123456, "CNY", "¥1,234.56", "1234.56" },
    { -4500, "USD", "-$45.00", "-45.00" },
    { 5, "CNY", "¥0.05", "0.05" },
    { 0, "CNY", "¥0.00", "0.00" },
    { 100000000, "JPY", "JPY 1,000,000.00", "1000000.00" },
    { -1, NULL, "-0.01", "-0.01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cf_money_format (cases[i].minor, cases[i].currency);
      g_autofree char *decimal = cf_money_to_decimal (cases[i].minor);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpstr (decimal, ==, cases[i].decimal);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse/accepted", test_parse_accepted);
  g_test_add_func ("/money/parse/rejected", test_parse_rejected);
  g_test_add_func ("/money/parse/names-the-text", test_rejection_names_the_text);
  g_test_add_func ("/money/format", test_format);

  return g_test_run ();
}
