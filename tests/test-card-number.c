/* test-card-number.c — Luhn, masking and the parts of a card we keep
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cf-card-number.h"
#include "cf-test-util.h"

static void
test_luhn (void)
{
  g_assert_true (cf_card_number_luhn_valid ("4111111111111111", 16));
  g_assert_true (cf_card_number_luhn_valid ("6222021234567890128", 19));
  g_assert_false (cf_card_number_luhn_valid ("4111111111111112", 16));
  g_assert_false (cf_card_number_luhn_valid ("", 0));
  g_assert_false (cf_card_number_luhn_valid ("41111a1111111111", 16));
}

static void
test_scrub (void)
{
  static const struct { const char *in; const char *out; guint masked; } cases[] = {
    { "4111111111111111", "411111******1111", 1 },
    { "6222021234567890128", "622202*********0128", 1 },
    { "card 4111 1111 1111 1111 on file", "card 411111******1111 on file", 1 },
    { "4111-1111-1111-1111", "411111******1111", 1 },
    { "two: 4111111111111111 and 5424180279791732.", "two: 411111******1111 and 542418******1732.", 2 },
    { "4111111111111112", "4111111111111112", 0 },           /* not Luhn-valid */
    { "332809150201", "332809150201", 0 },                   /* an RRN: too short */
    { "411111******1111", "411111******1111", 0 },           /* already masked */
    { "20261128140322", "20261128140322", 0 },               /* a timestamp that fails Luhn */
    { "12345678901234567890123", "12345678901234567890123", 0 }, /* longer than any card */
    { "卡号6222021234567890128，已核对", "卡号622202*********0128，已核对", 1 },
    { "", "", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint masked = 99;
      g_autofree char *out = cf_card_number_scrub (cases[i].in, CF_CARD_SCRUB_ANY, &masked);

      g_test_message ("%s", cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_cmpuint (masked, ==, cases[i].masked);
    }
}

static void
test_scrub_identifier (void)
{
  /* 8983100481600004 passes Luhn but cannot be a payment card: merchant numbers start with 8. */
  g_autofree char *merchant = cf_card_number_scrub ("898310048160004", CF_CARD_SCRUB_IDENTIFIER, NULL);
  g_autofree char *pan = cf_card_number_scrub ("4111111111111111", CF_CARD_SCRUB_IDENTIFIER, NULL);

  g_assert_true (cf_card_number_luhn_valid ("898310048160004", 15));
  g_assert_cmpstr (merchant, ==, "898310048160004");
  g_assert_cmpstr (pan, ==, "411111******1111");
}

/* Every way of writing a card number, alone and among other text, in
 * either mode: the middle digits never survive, the last four do. */
static void
test_scrub_every_form (void)
{
  const char *const *forms = cf_test_pan_forms ();

  for (guint i = 0; forms[i] != NULL; i++)
    for (CfCardScrub mode = CF_CARD_SCRUB_ANY; mode <= CF_CARD_SCRUB_IDENTIFIER; mode++)
      {
        guint masked = 0;
        g_autofree char *out = cf_card_number_scrub (forms[i], mode, &masked);

        g_test_message ("%s → %s", forms[i], out);
        g_assert_true (cf_test_text_has_pan (forms[i]));
        g_assert_false (cf_test_text_has_pan (out));
        g_assert_cmpuint (masked, ==, 1);
        g_assert_true (strstr (out, "8903") != NULL || strstr (out, "1415") != NULL);
      }
}

/* Where one number runs into the next, the card is masked, not its neighbour. */
static void
test_scrub_neighbours (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "Tel 138-0013-8000 6240 6198 4815 1415", "Tel 138-0013-8000 624061******1415" },
    { "2026-11-28 4913 9099 6030 8246 252", "2026-11-28 491390*********6252" },
    { "6240 6198 4815 1415 138-0013-8000", "624061******1415 138-0013-8000" },
    { "6228480012345678903=49121010000012345678", "622848*********8903=********************" },
    { "\uff16\uff12\uff12\uff18\uff14\uff18\uff10\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19\uff10\uff13 已付",
      "622848*********8903 已付" },
    { "0006228480012345678903", "622848*********8903" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = cf_card_number_scrub (cases[i].in, CF_CARD_SCRUB_ANY, NULL);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* What is not a card stays exactly as written. */
static void
test_scrub_leaves_other_numbers (void)
{
  static const char *const kept[] = {
    "4200001234202611281234567890",     /* a WeChat Pay transaction id */
    "2026-11-28 140322",
    "20261128 140322",
    "2026.11.28 14.03.22",
    "Tel 138-0013-8000",
    "¥1,234,567.89",
    "332809150201 000123 A1B2C3",
    "898310048160004",
  };

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *out = cf_card_number_scrub (kept[i], CF_CARD_SCRUB_IDENTIFIER, NULL);
      g_assert_cmpstr (out, ==, kept[i]);
    }
}

/* A merchant number in UnionPay's 81 card range is a card to the scrubber. */
static void
test_scrub_identifier_ranges (void)
{
  char pan[20] = "810012345678901234";
  g_autofree char *out = NULL;

  for (char d = '0'; d <= '9'; d++)
    {
      pan[18] = d;
      pan[19] = '\0';
      if (cf_card_number_luhn_valid (pan, 19))
        break;
    }
  out = cf_card_number_scrub (pan, CF_CARD_SCRUB_IDENTIFIER, NULL);
  g_assert_true (cf_card_number_luhn_valid (pan, 19));
  g_assert_true (g_str_has_prefix (out, "810012*********"));
}

static void
test_parse (void)
{
  static const struct { const char *in; const char *first6; const char *last4; guint length; } cases[] = {
    { "622202******0128", "622202", "0128", 16 },
    { "6222 02** **** 0128", "622202", "0128", 16 },
    { "************4441", "", "4441", 16 },
    { "****4441", "", "4441", 0 },
    { "4441", "", "4441", 0 },
    { "Visa ending 1111", "", "1111", 0 },
    { "622202XXXXXXXXX0128", "622202", "0128", 19 },
    { "6222021234567890128", "622202", "0128", 19 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char first6[7];
      char last4[5];
      guint length;

      g_test_message ("%s", cases[i].in);
      g_assert_true (cf_card_number_parse (cases[i].in, first6, last4, &length));
      g_assert_cmpstr (first6, ==, cases[i].first6);
      g_assert_cmpstr (last4, ==, cases[i].last4);
      g_assert_cmpuint (length, ==, cases[i].length);
    }
}

static void
test_parse_rejected (void)
{
  const char *cases[] = { "", "N/A", "12", "123456", "13800138000" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char first6[7];
      char last4[5];
      guint length;

      g_test_message ("%s", cases[i]);
      g_assert_false (cf_card_number_parse (cases[i], first6, last4, &length));
    }
}

static void
test_format (void)
{
  g_autofree char *merchant = cf_card_number_format ("622202", "0128", 19, FALSE);
  g_autofree char *cardholder = cf_card_number_format ("622202", "0128", 19, TRUE);
  g_autofree char *unknown_length = cf_card_number_format ("622202", "0128", 0, FALSE);
  g_autofree char *none = cf_card_number_format (NULL, NULL, 0, FALSE);

  g_assert_cmpstr (merchant, ==, "622202*********0128");
  g_assert_cmpstr (cardholder, ==, "***************0128");
  g_assert_cmpstr (unknown_length, ==, "****0128");
  g_assert_cmpstr (none, ==, "");
}

static void
test_brand (void)
{
  g_assert_cmpstr (cf_card_number_guess_brand ("622202"), ==, "UnionPay");
  g_assert_cmpstr (cf_card_number_guess_brand ("411111"), ==, "Visa");
  g_assert_cmpstr (cf_card_number_guess_brand ("542418"), ==, "Mastercard");
  g_assert_cmpstr (cf_card_number_guess_brand ("222100"), ==, "Mastercard");
  g_assert_cmpstr (cf_card_number_guess_brand ("377168"), ==, "American Express");
  g_assert_cmpstr (cf_card_number_guess_brand ("356827"), ==, "JCB");
  g_assert_null (cf_card_number_guess_brand ("999999"));
  g_assert_null (cf_card_number_guess_brand (NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/card-number/luhn", test_luhn);
  g_test_add_func ("/card-number/scrub/any", test_scrub);
  g_test_add_func ("/card-number/scrub/identifier", test_scrub_identifier);
  g_test_add_func ("/card-number/scrub/every-form", test_scrub_every_form);
  g_test_add_func ("/card-number/scrub/neighbours", test_scrub_neighbours);
  g_test_add_func ("/card-number/scrub/other-numbers", test_scrub_leaves_other_numbers);
  g_test_add_func ("/card-number/scrub/identifier-ranges", test_scrub_identifier_ranges);
  g_test_add_func ("/card-number/parse/accepted", test_parse);
  g_test_add_func ("/card-number/parse/rejected", test_parse_rejected);
  g_test_add_func ("/card-number/format", test_format);
  g_test_add_func ("/card-number/brand", test_brand);

  return g_test_run ();
}
