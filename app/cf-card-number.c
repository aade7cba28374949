/* cf-card-number.c — card numbers: Luhn, masking, and the parts we may keep
 *
 * PCI DSS allows at most the first six and last four digits anywhere but the
 * card itself, so a full number is reduced the moment it is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-card-number"

#include "config.h"

#include <string.h>

#include "cf-card-number.h"

#define PAN_MIN 13
#define PAN_MAX 19

gboolean
cf_card_number_luhn_valid (const char *digits,
                           gsize       n_digits)
{
  guint sum = 0;
  gboolean dbl = FALSE;

  if (n_digits == 0)
    return FALSE;

  for (gsize i = n_digits; i > 0; i--)
    {
      guint d = (guint) (digits[i - 1] - '0');

      if (d > 9)
        return FALSE;
      if (dbl)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
      dbl = !dbl;
    }

  return sum % 10 == 0;
}

typedef struct
{
  gsize start;   /* byte offset of the group's first digit */
  gsize end;     /* one past its last digit */
} DigitGroup;

static gboolean
is_group_separator (const char *text,
                    gsize       from,
                    gsize       to)
{
  /* "6222 0212 3456 7890", "6222-0212-…": one space or dash between groups. */
  return to - from == 1 && (text[from] == ' ' || text[from] == '-');
}

/**
 * cf_card_number_scrub:
 * @text: any text read from a file
 * @mode: how suspicious to be
 * @n_masked: (out) (optional): how many card numbers were masked
 *
 * Finds card numbers — 13 to 19 digits, possibly grouped by single spaces or
 * dashes, passing the Luhn check — and keeps only their first six and last
 * four digits: `6222021234567890123` becomes `622202*********0123`.
 *
 * Returns: (transfer full): the text with card numbers masked
 */
char *
cf_card_number_scrub (const char  *text,
                      CfCardScrub  mode,
                      guint       *n_masked)
{
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (DigitGroup));
  GString *out = NULL;
  gsize len;
  gsize copied = 0;
  guint masked = 0;

  g_return_val_if_fail (text != NULL, NULL);

  len = strlen (text);
  for (gsize i = 0; i < len;)
    {
      if (g_ascii_isdigit (text[i]))
        {
          DigitGroup g = { i, i };
          while (g.end < len && g_ascii_isdigit (text[g.end]))
            g.end++;
          g_array_append_val (groups, g);
          i = g.end;
        }
      else
        i++;
    }

  for (guint i = 0; i < groups->len; i++)
    {
      char digits[PAN_MAX + 1];
      gsize n = 0;
      guint last = G_MAXUINT;

      /* The longest run of joinable groups from here that is a card number. */
      for (guint j = i; j < groups->len; j++)
        {
          const DigitGroup *g = &g_array_index (groups, DigitGroup, j);
          gsize glen = g->end - g->start;

          if (j > i && !is_group_separator (text, g_array_index (groups, DigitGroup, j - 1).end, g->start))
            break;
          if (n + glen > PAN_MAX)
            break;
          memcpy (digits + n, text + g->start, glen);
          n += glen;
          if (n >= PAN_MIN && cf_card_number_luhn_valid (digits, n))
            last = j;
        }

      if (last == G_MAXUINT)
        continue;

      /* Recount the digits of the match found. */
      n = 0;
      for (guint j = i; j <= last; j++)
        {
          const DigitGroup *g = &g_array_index (groups, DigitGroup, j);
          memcpy (digits + n, text + g->start, g->end - g->start);
          n += g->end - g->start;
        }

      if (mode == CF_CARD_SCRUB_IDENTIFIER && (digits[0] < '2' || digits[0] > '6'))
        {
          i = last;
          continue;
        }

      if (out == NULL)
        out = g_string_sized_new (len);
      g_string_append_len (out, text + copied,
                           (gssize) (g_array_index (groups, DigitGroup, i).start - copied));
      g_string_append_len (out, digits, 6);
      for (gsize k = 6; k < n - 4; k++)
        g_string_append_c (out, '*');
      g_string_append_len (out, digits + n - 4, 4);
      copied = g_array_index (groups, DigitGroup, last).end;
      masked++;
      i = last;
    }

  if (n_masked != NULL)
    *n_masked = masked;

  if (out == NULL)
    return g_strdup (text);

  g_string_append (out, text + copied);
  return g_string_free (out, FALSE);
}

static gboolean
is_mask_char (gunichar c)
{
  return c == '*' || c == 'x' || c == 'X' || c == '#' || c == 0x2022 /* • */ || c == 0xFF0A /* ＊ */;
}

/**
 * cf_card_number_parse:
 * @text: a card cell: `622202******1234`, `6222 02** **** 1234`, `****1234`,
 *   `1234` (a PAN suffix), `Visa ending 1234`
 * @first6_out: (out): the first six digits when the cell shows them, else ""
 * @last4_out: (out): the last four digits
 * @length_out: (out): the card number's length when the cell tells it, else 0
 *
 * Returns: %TRUE if @text shows at least the last four digits of a card
 */
gboolean
cf_card_number_parse (const char *text,
                      char        first6_out[7],
                      char        last4_out[5],
                      guint      *length_out)
{
  g_autofree char *scrubbed = cf_card_number_scrub (text, CF_CARD_SCRUB_ANY, NULL);
  g_autoptr(GString) token = g_string_new (NULL);
  g_autofree char *s = NULL;
  gsize n;
  gsize lead = 0;
  gsize tail = 0;
  gboolean ok = FALSE;

  first6_out[0] = '\0';
  last4_out[0] = '\0';
  *length_out = 0;

  /* Keep the last token of digits and mask characters that ends in at least
   * four digits; spaces and dashes inside a number join its groups. */
  for (const char *p = scrubbed; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\0' && (g_ascii_isdigit (c) || is_mask_char (c)))
        g_string_append_c (token, g_ascii_isdigit (c) ? (char) c : '*');
      else if (c == ' ' || c == '-')
        continue;
      else if (token->len > 0)
        {
          gsize t = 0;
          while (t < token->len && g_ascii_isdigit (token->str[token->len - 1 - t]))
            t++;
          if (t >= 4)
            {
              g_free (s);
              s = g_strdup (token->str);
            }
          g_string_truncate (token, 0);
        }
      if (c == '\0')
        break;
    }

  if (s == NULL)
    return FALSE;

  n = strlen (s);
  while (lead < n && g_ascii_isdigit (s[lead]))
    lead++;
  while (tail < n && g_ascii_isdigit (s[n - 1 - tail]))
    tail++;

  if (n >= PAN_MIN && n <= PAN_MAX)
    {
      *length_out = (guint) n;
      if (lead >= 6)
        {
          memcpy (first6_out, s, 6);
          first6_out[6] = '\0';
        }
    }
  else if (n > 4 && lead == n)
    return FALSE; /* a bare number that is not a card: an id, a phone */

  memcpy (last4_out, s + n - 4, 4);
  last4_out[4] = '\0';
  ok = TRUE;

  return ok;
}

/**
 * cf_card_number_format:
 * @first6: (nullable): first six digits, or "" when unknown or not to be shown
 * @last4: last four digits
 * @length: the number's length, or 0 when unknown
 * @last4_only: hide the first six even when known (cardholder copy)
 *
 * Returns: (transfer full): the masked number, `622202******1234` or `****1234`
 */
char *
cf_card_number_format (const char *first6,
                       const char *last4,
                       guint       length,
                       gboolean    last4_only)
{
  GString *out = g_string_new (NULL);
  gboolean show_first = !last4_only && first6 != NULL && strlen (first6) == 6 && length >= PAN_MIN;
  guint n_stars = length >= PAN_MIN ? length - 4 - (show_first ? 6 : 0) : 4;

  if (last4 == NULL || *last4 == '\0')
    return g_string_free (out, FALSE);

  if (show_first)
    g_string_append (out, first6);
  for (guint i = 0; i < n_stars; i++)
    g_string_append_c (out, '*');
  g_string_append (out, last4);
  return g_string_free (out, FALSE);
}

/**
 * cf_card_number_guess_brand:
 * @first6: (nullable): the card's first digits
 *
 * Returns: (nullable): the scheme the issuer identification number belongs to
 */
const char *
cf_card_number_guess_brand (const char *first6)
{
  int two;
  int four;

  if (first6 == NULL || strlen (first6) < 4)
    return NULL;

  two = (first6[0] - '0') * 10 + (first6[1] - '0');
  four = two * 100 + (first6[2] - '0') * 10 + (first6[3] - '0');

  if (two == 62 || two == 81)
    return "UnionPay";
  if (first6[0] == '4')
    return "Visa";
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720))
    return "Mastercard";
  if (two == 34 || two == 37)
    return "American Express";
  if (two == 35)
    return "JCB";
  if (two == 36 || two == 30 || two == 38)
    return "Diners Club";
  if (four == 6011 || two == 65)
    return "Discover";
  return NULL;
}
