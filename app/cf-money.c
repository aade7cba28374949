/* cf-money.c — amounts as integer minor units, parsed from what journals print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-money"

/* Card numbers start at thirteen digits; no payment comes near a trillion. */
#define CF_MONEY_MAX_DIGITS 12

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-card-number.h"
#include "cf-money.h"
#include "cf-text.h"

G_DEFINE_QUARK (cf-money-error-quark, cf_money_error)

typedef struct
{
  const char *marker;
  const char *currency;
} CurrencyMarker;

/* Longest first, so that "US$" wins over "$". */
static const CurrencyMarker prefix_markers[] = {
  { "RMB", "CNY" }, { "CNY", "CNY" }, { "USD", "USD" }, { "US$", "USD" },
  { "HKD", "HKD" }, { "HK$", "HKD" }, { "EUR", "EUR" },
  { "¥", "CNY" }, { "￥", "CNY" }, { "$", "USD" }, { "€", "EUR" },
};

static const CurrencyMarker suffix_markers[] = {
  { "人民币", "CNY" }, { "元", "CNY" }, { "RMB", "CNY" }, { "CNY", "CNY" },
  { "USD", "USD" }, { "HKD", "HKD" }, { "EUR", "EUR" },
};

static gboolean
strip_prefix (const char **p,
              const char  *end,
              const char  *prefix)
{
  gsize n = strlen (prefix);

  if ((gsize) (end - *p) >= n && g_ascii_strncasecmp (*p, prefix, n) == 0)
    {
      *p += n;
      return TRUE;
    }
  return FALSE;
}

static gboolean
strip_suffix (const char  *p,
              const char **end,
              const char  *suffix)
{
  gsize n = strlen (suffix);

  if ((gsize) (*end - p) >= n && g_ascii_strncasecmp (*end - n, suffix, n) == 0)
    {
      *end -= n;
      return TRUE;
    }
  return FALSE;
}

static void
skip_spaces (const char **p,
             const char **end)
{
  while (*p < *end && g_ascii_isspace (**p))
    (*p)++;
  while (*end > *p && g_ascii_isspace ((*end)[-1]))
    (*end)--;
}

/* Signs, brackets and currency markers come in any order around the number:
 * -$45.00, $-45.00, (45.00), ¥-12, 12.00元, -12.00 RMB. Strips them from
 * [*p, *end) and says what they meant. */
static void
strip_decorations (const char **p,
                   const char **end,
                   gboolean    *negative,
                   const char **currency)
{
  gboolean changed = TRUE;

  while (changed && *p < *end)
    {
      changed = FALSE;
      skip_spaces (p, end);
      if (**p == '-' || strip_prefix (p, *end, "−"))
        {
          if (**p == '-')
            (*p)++;
          *negative = !*negative;
          changed = TRUE;
        }
      else if (**p == '+')
        {
          (*p)++;
          changed = TRUE;
        }
      else if (**p == '(' && (*end)[-1] == ')')
        {
          (*p)++;
          (*end)--;
          *negative = !*negative;
          changed = TRUE;
        }
      else
        {
          for (guint i = 0; i < G_N_ELEMENTS (prefix_markers); i++)
            if (strip_prefix (p, *end, prefix_markers[i].marker))
              {
                *currency = prefix_markers[i].currency;
                changed = TRUE;
                break;
              }
          for (guint i = 0; !changed && i < G_N_ELEMENTS (suffix_markers); i++)
            if (strip_suffix (*p, end, suffix_markers[i].marker))
              {
                *currency = suffix_markers[i].currency;
                changed = TRUE;
                break;
              }
          if (!changed && *end > *p && (*end)[-1] == '-')
            {
              /* Some ledgers print a trailing minus: 45.00- */
              (*end)--;
              *negative = !*negative;
              changed = TRUE;
            }
        }
    }
}

/* "5,00" and "1.234,56": a comma followed by one or two final digits is the
 * decimal separator, as in the semicolon-separated exports of Europe.
 * Returns the number with the separators swapped, or NULL when it is not
 * written that way. */
static char *
dup_with_decimal_point (const char *p,
                        const char *end)
{
  const char *last_comma = NULL;
  guint n_commas = 0;
  GString *swapped;

  for (const char *q = p; q < end; q++)
    if (*q == ',')
      {
        last_comma = q;
        n_commas++;
      }
  if (n_commas != 1 || (end - last_comma != 2 && end - last_comma != 3) ||
      memchr (last_comma, '.', (gsize) (end - last_comma)) != NULL)
    return NULL;
  swapped = g_string_new_len (p, end - p);
  for (gsize i = 0; i < swapped->len; i++)
    {
      if (swapped->str[i] == ',')
        swapped->str[i] = '.';
      else if (swapped->str[i] == '.')
        swapped->str[i] = ',';
    }
  return g_string_free (swapped, FALSE);
}

typedef enum
{
  NUMBER_OK,
  NUMBER_INVALID,
  NUMBER_RANGE,
  NUMBER_PRECISION,
} NumberResult;

/* The bare number: digits with thousands commas in threes, then at most two
 * decimals that are not zero. */
static NumberResult
parse_number (const char *p,
              const char *end,
              guint64    *minor,
              guint      *n_digits)
{
  guint64 units = 0;
  guint64 fraction = 0;
  guint n_fraction = 0;
  guint group_len = 0;
  gboolean seen_comma = FALSE;

  *n_digits = 0;
  for (; p < end && *p != '.'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (units > (G_MAXINT64 / 1000))
            return NUMBER_RANGE;
          units = units * 10 + (guint64) (*p - '0');
          (*n_digits)++;
          group_len++;
        }
      else if (*p == ',' && *n_digits > 0 && (!seen_comma || group_len == 3))
        {
          seen_comma = TRUE;
          group_len = 0;
        }
      else
        return NUMBER_INVALID;
    }
  if (seen_comma && group_len != 3)
    return NUMBER_INVALID;

  if (p < end)
    {
      for (p++ /* '.' */; p < end; p++)
        {
          if (!g_ascii_isdigit (*p))
            return NUMBER_INVALID;
          if (n_fraction < 2)
            {
              fraction = fraction * 10 + (guint64) (*p - '0');
              n_fraction++;
            }
          else if (*p != '0')
            return NUMBER_PRECISION;
        }
      if (*n_digits == 0 && n_fraction == 0)
        return NUMBER_INVALID;
    }
  else if (*n_digits == 0)
    return NUMBER_INVALID;

  for (; n_fraction < 2; n_fraction++)
    fraction *= 10;
  *minor = units * 100 + fraction;
  return NUMBER_OK;
}

/**
 * cf_money_parse:
 * @text: an amount as a journal prints it: `1,234.56`, `¥1,234.56`, `RMB 1234.56`,
 *   `1234.56元`, `$1,234.56`, `-$45.00`, `(45.00)`, full-width digits too
 * @minor_out: (out): the amount in minor units (fen, cents), negative when the text is
 * @currency_out: (out) (optional): the ISO 4217 code a currency marker named, or ""
 *
 * Returns: %TRUE if @text is an amount
 */
gboolean
cf_money_parse (const char  *text,
                gint64      *minor_out,
                char         currency_out[4],
                GError     **error)
{
  g_autofree char *folded = NULL;
  g_autofree char *swapped = NULL;
  g_autofree char *shown = NULL;   /* the text in a message, card numbers masked */
  const char *p;
  const char *end;
  const char *currency = "";
  gboolean negative = FALSE;
  guint64 minor = 0;
  guint n_digits = 0;
  NumberResult result;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (minor_out != NULL, FALSE);

  folded = cf_text_fold_width (text);
  p = folded;
  end = folded + strlen (folded);
  skip_spaces (&p, &end);
  if (p == end)
    {
      g_set_error_literal (error, CF_MONEY_ERROR, CF_MONEY_ERROR_EMPTY, _("the amount is empty"));
      return FALSE;
    }

  strip_decorations (&p, &end, &negative, &currency);
  if ((swapped = dup_with_decimal_point (p, end)) != NULL)
    {
      p = swapped;
      end = swapped + strlen (swapped);
    }
  result = p == end ? NUMBER_INVALID : parse_number (p, end, &minor, &n_digits);

  /* No card payment comes near a trillion: more digits than that are
   * a card number or an id in the wrong column, never an amount. */
  if (result == NUMBER_OK && n_digits > CF_MONEY_MAX_DIGITS)
    {
      g_set_error (error, CF_MONEY_ERROR, CF_MONEY_ERROR_RANGE,
                   _("“%s” has more digits than any amount (a card number or an id in the wrong column?)"),
                   shown = cf_card_number_scrub (text, CF_CARD_SCRUB_ANY, NULL));
      return FALSE;
    }
  switch (result)
    {
    case NUMBER_OK:
      *minor_out = (gint64) minor * (negative ? -1 : 1);
      if (currency_out != NULL)
        g_strlcpy (currency_out, currency, 4);
      return TRUE;
    case NUMBER_PRECISION:
      g_set_error (error, CF_MONEY_ERROR, CF_MONEY_ERROR_PRECISION,
                   _("“%s” has more than two decimal places"), shown = cf_card_number_scrub (text, CF_CARD_SCRUB_ANY, NULL));
      return FALSE;
    case NUMBER_RANGE:
      g_set_error (error, CF_MONEY_ERROR, CF_MONEY_ERROR_RANGE,
                   _("“%s” is too large to be an amount"), shown = cf_card_number_scrub (text, CF_CARD_SCRUB_ANY, NULL));
      return FALSE;
    case NUMBER_INVALID:
    default:
      g_set_error (error, CF_MONEY_ERROR, CF_MONEY_ERROR_INVALID,
                   _("“%s” is not an amount"), shown = cf_card_number_scrub (text, CF_CARD_SCRUB_ANY, NULL));
      return FALSE;
    }
}

/**
 * cf_money_to_decimal:
 * @minor: an amount in minor units
 *
 * Returns: (transfer full): the amount as a plain decimal string, `-1234.56`
 */
char *
cf_money_to_decimal (gint64 minor)
{
  guint64 abs_minor = minor < 0 ? (guint64) -(minor + 1) + 1 : (guint64) minor;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u",
                          minor < 0 ? "-" : "",
                          abs_minor / 100, (guint) (abs_minor % 100));
}

/**
 * cf_money_format:
 * @minor: an amount in minor units
 * @currency: (nullable): ISO 4217 code
 *
 * Returns: (transfer full): the amount for people: `¥1,234.56`, `-$45.00`
 */
char *
cf_money_format (gint64      minor,
                 const char *currency)
{
  guint64 abs_minor = minor < 0 ? (guint64) -(minor + 1) + 1 : (guint64) minor;
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, abs_minor / 100);
  GString *out = g_string_new (minor < 0 ? "-" : "");
  gsize len = strlen (digits);
  const char *symbol = "";

  if (g_strcmp0 (currency, "CNY") == 0)
    symbol = "¥";
  else if (g_strcmp0 (currency, "USD") == 0)
    symbol = "$";
  else if (g_strcmp0 (currency, "EUR") == 0)
    symbol = "€";
  else if (g_strcmp0 (currency, "HKD") == 0)
    symbol = "HK$";
  else if (currency != NULL && *currency != '\0')
    g_string_append_printf (out, "%s ", currency);

  g_string_append (out, symbol);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  g_string_append_printf (out, ".%02u", (guint) (abs_minor % 100));

  return g_string_free (out, FALSE);
}
