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

/* One character of the text, as the scrubber sees it. */
typedef enum
{
  UNIT_OTHER,
  UNIT_DIGIT,
  UNIT_SEPARATOR,
} UnitKind;

typedef struct
{
  gsize    start;   /* byte offsets in the text */
  gsize    end;
  UnitKind kind;
  char     digit;   /* '0'–'9' for a digit of any script */
} Unit;

typedef struct
{
  guint first;      /* units */
  guint last;
} DigitGroup;

typedef struct
{
  guint    first_group;
  guint    last_group;
  guint    skip;    /* leading zeros that only pad the number */
  int      score;
  gboolean taken;
} Candidate;

/* What people and programs put between the groups of a card number: every
 * kind of space and dash, dots and slashes, in ASCII and full width. */
static gboolean
is_separator (gunichar c)
{
  switch (c)
    {
    case ' ': case '-': case '.': case '/': case '_': case '\t':
    case 0x00A0:                       /* no-break space */
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212:                       /* minus sign */
    case 0x2027: case 0x00B7: case 0x30FB:  /* middle dots */
    case 0x3000:                       /* ideographic space */
    case 0xFE58: case 0xFE63: case 0xFF0D: case 0xFF0E: case 0xFF0F: case 0xFF3F:
      return TRUE;
    default:
      return g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
    }
}

static GArray *
split_units (const char *text)
{
  GArray *units = g_array_new (FALSE, FALSE, sizeof (Unit));

  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      Unit unit = { (gsize) (p - text), 0, UNIT_OTHER, 0 };
      int value;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;   /* a stray byte: not part of any number */
          unit.end = (gsize) (p - text);
          g_array_append_val (units, unit);
          continue;
        }
      p = g_utf8_next_char (p);
      unit.end = (gsize) (p - text);
      value = g_unichar_digit_value (c);
      if (value >= 0)
        {
          unit.kind = UNIT_DIGIT;
          unit.digit = (char) ('0' + value);
        }
      else if (is_separator (c))
        unit.kind = UNIT_SEPARATOR;
      g_array_append_val (units, unit);
    }
  return units;
}

/* Whether a number of this length starting so could be a payment card of
 * a scheme in use (ISO/IEC 7812 issuer ranges). */
static gboolean
is_card_range (const char *digits,
               gsize       n)
{
  int two = (digits[0] - '0') * 10 + (digits[1] - '0');
  int four = two * 100 + (digits[2] - '0') * 10 + (digits[3] - '0');

  switch (digits[0])
    {
    case '1':
      return n == 15;                                  /* UATP */
    case '2':
      return (four >= 2221 && four <= 2720) || (four >= 2200 && four <= 2204);
    case '3':
      return two == 34 || two == 37 || two == 35 || two == 30 || two == 36 || two == 38 || two == 39;
    case '4':
    case '5':
    case '6':
      return TRUE;
    case '8':
      return two == 81 && n >= 16;                     /* UnionPay's 81 range */
    default:
      return FALSE;
    }
}

/* The digits of groups @first..@last, without their separators. */
static gsize
collect_digits (const Unit       *units,
                const DigitGroup *groups,
                guint             first,
                guint             last,
                char             *out,
                gsize             room)
{
  gsize n = 0;

  for (guint g = first; g <= last; g++)
    for (guint u = groups[g].first; u <= groups[g].last; u++)
      {
        if (n == room)
          return n + 1;   /* too long to be a card */
        out[n++] = units[u].digit;
      }
  return n;
}

/* The text between two groups, when it only separates them. */
static gboolean
gap_joins (const Unit *units,
           guint       from,
           guint       to)
{
  if (to <= from || to - from > 3)
    return FALSE;
  for (guint u = from; u < to; u++)
    if (units[u].kind != UNIT_SEPARATOR)
      return FALSE;
  return TRUE;
}

/* Whether the text between groups @a and @a+1 equals that between @b and @b+1. */
static gboolean
same_gap (const char       *text,
          const Unit       *units,
          const DigitGroup *groups,
          guint             a,
          guint             b)
{
  gsize a_from = units[groups[a].last].end, a_to = units[groups[a + 1].first].start;
  gsize b_from = units[groups[b].last].end, b_to = units[groups[b + 1].first].start;

  return a_to - a_from == b_to - b_from && memcmp (text + a_from, text + b_from, a_to - a_from) == 0;
}

/* How much a span of groups looks like one card number rather than the
 * end of one number and the start of another: the same separator all
 * through, a different one (or none) at its edges, a real issuer range. */
static int
score_span (const char       *text,
            const Unit       *units,
            const DigitGroup *groups,
            guint             chain_first,
            guint             chain_last,
            guint             first,
            guint             last,
            const char       *digits,
            gsize             n)
{
  int score = 0;
  gboolean uniform = TRUE;

  for (guint k = first + 1; k < last; k++)
    uniform = uniform && same_gap (text, units, groups, first, k);
  if (uniform)
    score += 8;
  if (first == chain_first || (first < last && !same_gap (text, units, groups, first - 1, first)))
    score += 2;
  if (last == chain_last || (first < last && !same_gap (text, units, groups, last, last - 1)))
    score += 2;
  if (is_card_range (digits, n))
    score += 4;
  if (n == 16 || n == 19)
    score += 1;
  return score;
}

static int
compare_by_position (gconstpointer a,
                     gconstpointer b)
{
  return (int) ((const Candidate *) a)->first_group - (int) ((const Candidate *) b)->first_group;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;

  if (x->score != y->score)
    return y->score - x->score;
  if (x->last_group - x->first_group != y->last_group - y->first_group)
    return (int) (y->last_group - y->first_group) - (int) (x->last_group - x->first_group);
  return (int) x->first_group - (int) y->first_group;
}

/* Track 1 and 2 data go on after the number (=YYMM, service code and
 * discretionary data; or ^NAME^YYMM…): none of those digits may stay.
 * Returns where they end, @after when there are none; @data_start is
 * where the digits begin. */
static gsize
track_data_end (const char *text,
                gsize       after,
                gsize      *data_start)
{
  gsize p = after;

  if (text[p] == '=' || text[p] == 'D' || text[p] == 'd')
    p++;
  else if (text[p] == '^')
    {
      const char *caret = strchr (text + p + 1, '^');
      if (caret == NULL || caret - (text + p) > 40)
        return after;
      p = (gsize) (caret - text) + 1;
    }
  else
    return after;

  if (!g_ascii_isdigit (text[p]))
    return after;
  *data_start = p;
  while (g_ascii_isdigit (text[p]))
    p++;
  return p;
}

/**
 * cf_card_number_might_hold:
 *
 * A quick look, without allocating, for text that has no room for a card
 * number: no run of thirteen digits (of any script) joined by the
 * separators the scrubber joins groups across. Dates, times, masked numbers
 * and most identifiers end here.
 *
 * Returns: %FALSE when @text certainly holds no card number
 */
gboolean
cf_card_number_might_hold (const char *text)
{
  guint run_digits = 0;
  guint gap = 0;

  for (const char *p = text; *p != '\0';)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        c = (gunichar) *p++;
      else
        {
          c = g_utf8_get_char_validated (p, -1);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              p++;
              run_digits = gap = 0;
              continue;
            }
          p = g_utf8_next_char (p);
        }

      if (c < 0x80 ? g_ascii_isdigit (c) : g_unichar_digit_value (c) >= 0)
        {
          if (++run_digits >= PAN_MIN)
            return TRUE;
          gap = 0;
        }
      else if (run_digits == 0 || !is_separator (c) || ++gap > 3)
        run_digits = gap = 0;   /* the run is broken: a card cannot span this */
    }
  return FALSE;
}

/**
 * cf_card_number_scrub:
 * @text: any text read from a file or typed by a person
 * @mode: how suspicious to be
 * @n_masked: (out) (optional): how many card numbers were masked
 *
 * Finds card numbers however they are written — 13 to 19 digits of any
 * script (full-width ６２２８ too), grouped by any kind of space, dash, dot
 * or slash, zero-padded, followed by track data — that pass the Luhn check,
 * and keeps only their first six and last four digits:
 * `6222 0212 3456 7890 123` becomes `622202*********0123`. Where numbers
 * run into each other (a phone number, then a card) the span that is most
 * like one card is masked, not its neighbour.
 *
 * Returns: (transfer full): the text with card numbers masked
 */
static char *scrub_once (const char  *text,
                         CfCardScrub  mode,
                         guint       *n_masked);

#define MAX_PASSES 16

/* Every digit of every run of thirteen or more digits (joined as the
 * scrubber joins groups) becomes '*': what is left holds no card. */
static char *
star_long_runs (const char *text)
{
  g_autoptr(GArray) units = split_units (text);
  const Unit *u = (const Unit *) (gpointer) units->data;
  g_autofree gboolean *star = g_new0 (gboolean, units->len + 1);
  GString *out = g_string_sized_new (strlen (text));
  guint run_first = 0;
  guint run_digits = 0;
  guint gap = 0;

  for (guint i = 0; i <= units->len; i++)
    {
      gboolean digit = i < units->len && u[i].kind == UNIT_DIGIT;

      if (digit)
        {
          if (run_digits == 0)
            run_first = i;
          run_digits++;
          gap = 0;
          continue;
        }
      if (i < units->len && run_digits > 0 && u[i].kind == UNIT_SEPARATOR && ++gap <= 3)
        continue;
      if (run_digits >= PAN_MIN)
        for (guint k = run_first; k < i; k++)
          star[k] = u[k].kind == UNIT_DIGIT;
      run_digits = gap = 0;
    }
  for (guint i = 0; i < units->len; i++)
    {
      if (star[i])
        g_string_append_c (out, '*');
      else
        g_string_append_len (out, text + u[i].start, (gssize) (u[i].end - u[i].start));
    }
  return g_string_free (out, FALSE);
}

char *
cf_card_number_scrub (const char  *text,
                      CfCardScrub  mode,
                      guint       *n_masked)
{
  guint total = 0;
  guint masked = 0;
  char *out;

  g_return_val_if_fail (text != NULL, NULL);

  /* The four digits a mask keeps can join the next digits into a new
   * card-like run; scrub again until nothing more is found, so that what
   * leaves here holds no run a second look would take for a card. */
  out = scrub_once (text, mode, &masked);
  total = masked;
  for (guint pass = 0; masked > 0; pass++)
    {
      char *again;

      /* Text made to keep this going (long runs of numbers built so that
       * every mask makes another) gets every long run starred at once. */
      if (pass == MAX_PASSES)
        {
          again = star_long_runs (out);
          g_free (out);
          out = again;
          break;
        }
      again = scrub_once (out, mode, &masked);
      g_free (out);
      out = again;
    }
  if (n_masked != NULL)
    *n_masked = total;
  return out;
}

/* The runs of digits between other characters. */
static GArray *
find_groups (GArray *units)
{
  const Unit *u = (const Unit *) (gpointer) units->data;
  GArray *groups = g_array_new (FALSE, FALSE, sizeof (DigitGroup));

  for (guint i = 0; i < units->len;)
    {
      if (u[i].kind == UNIT_DIGIT)
        {
          DigitGroup group = { i, i };
          while (group.last + 1 < units->len && u[group.last + 1].kind == UNIT_DIGIT)
            group.last++;
          g_array_append_val (groups, group);
          i = group.last + 1;
        }
      else
        i++;
    }
  return groups;
}

/* Every span of the chain of groups [chain_first, chain_last] that holds a
 * card-length, Luhn-valid number, appended to @candidates with its score. */
static void
add_chain_candidates (const char  *text,
                      const Unit  *u,
                      GArray      *groups,
                      guint        chain_first,
                      guint        chain_last,
                      CfCardScrub  mode,
                      GArray      *candidates)
{
  const DigitGroup *g = (const DigitGroup *) (gpointer) groups->data;

  for (guint first = chain_first; first <= chain_last; first++)
    for (guint last = first; last <= chain_last; last++)
      {
        char digits[64];
        gsize n = collect_digits (u, g, first, last, digits, sizeof digits);
        gsize skip = 0;
        Candidate c;

        if (n > sizeof digits)
          break;
        /* Zeros that pad a number beyond nineteen digits are not its own. */
        while (n - skip > PAN_MAX && digits[skip] == '0')
          skip++;
        if (n - skip > PAN_MAX)
          break;
        if (n - skip < PAN_MIN || !cf_card_number_luhn_valid (digits + skip, n - skip))
          continue;
        if (mode == CF_CARD_SCRUB_IDENTIFIER && !is_card_range (digits + skip, n - skip))
          continue;
        /* No card starts with 0, 19 or 20; dates and times do. */
        if (digits[skip] == '0' || (digits[skip] == '1' && digits[skip + 1] == '9') ||
            (digits[skip] == '2' && digits[skip + 1] == '0'))
          continue;

        c.first_group = first;
        c.last_group = last;
        c.skip = (guint) skip;
        c.score = score_span (text, u, g, chain_first, chain_last, first, last, digits + skip, n - skip);
        c.taken = FALSE;
        g_array_append_val (candidates, c);
      }
}

/* The most card-like spans that do not overlap, in the order of the text. */
static void
choose_candidates (GArray *candidates,
                   guint   n_groups)
{
  g_autofree gboolean *group_taken = g_new0 (gboolean, n_groups + 1);

  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      gboolean free = TRUE;

      for (guint k = c->first_group; k <= c->last_group && free; k++)
        free = !group_taken[k];
      if (!free)
        continue;
      c->taken = TRUE;
      for (guint k = c->first_group; k <= c->last_group; k++)
        group_taken[k] = TRUE;
    }
  for (guint i = candidates->len; i > 0; i--)
    if (!g_array_index (candidates, Candidate, i - 1).taken)
      g_array_remove_index_fast (candidates, i - 1);
  g_array_sort (candidates, compare_by_position);
}

/* @text with each chosen number masked (first six, last four) and the
 * track data after it starred. */
static char *
write_masked (const char *text,
              const Unit *u,
              GArray     *groups,
              GArray     *candidates,
              guint      *n_masked)
{
  const DigitGroup *g = (const DigitGroup *) (gpointer) groups->data;
  GString *out = g_string_sized_new (strlen (text));
  gsize copied = 0;

  *n_masked = 0;
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);
      char digits[64];
      gsize n = collect_digits (u, g, c->first_group, c->last_group, digits, sizeof digits);
      gsize start = u[g[c->first_group].first].start;
      gsize number_end = u[g[c->last_group].last].end;
      gsize data_start = number_end;
      gsize end;

      if (start < copied)
        continue;   /* inside the track data of the card before */
      end = track_data_end (text, number_end, &data_start);
      g_string_append_len (out, text + copied, (gssize) (start - copied));
      g_string_append_len (out, digits + c->skip, 6);
      for (gsize m = c->skip + 6; m < n - 4; m++)
        g_string_append_c (out, '*');
      g_string_append_len (out, digits + n - 4, 4);
      g_string_append_len (out, text + number_end, (gssize) (data_start - number_end));
      for (gsize m = data_start; m < end; m++)
        g_string_append_c (out, '*');
      copied = end;
      (*n_masked)++;
    }
  g_string_append (out, text + copied);
  return g_string_free (out, FALSE);
}

static char *
scrub_once (const char  *text,
            CfCardScrub  mode,
            guint       *n_masked)
{
  g_autoptr(GArray) units = NULL;
  g_autoptr(GArray) groups = NULL;
  g_autoptr(GArray) candidates = NULL;
  const Unit *u;
  guint masked = 0;
  char *out;

  if (!cf_card_number_might_hold (text))
    {
      if (n_masked != NULL)
        *n_masked = 0;
      return g_strdup (text);
    }

  units = split_units (text);
  u = (const Unit *) (gpointer) units->data;
  groups = find_groups (units);
  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  /* Chains of groups joined by separators; every span of a chain may be the number. */
  for (guint chain_first = 0; chain_first < groups->len;)
    {
      const DigitGroup *g = (const DigitGroup *) (gpointer) groups->data;
      guint chain_last = chain_first;

      while (chain_last + 1 < groups->len && gap_joins (u, g[chain_last].last + 1, g[chain_last + 1].first))
        chain_last++;
      add_chain_candidates (text, u, groups, chain_first, chain_last, mode, candidates);
      chain_first = chain_last + 1;
    }

  choose_candidates (candidates, groups->len);
  out = write_masked (text, u, groups, candidates, &masked);
  if (n_masked != NULL)
    *n_masked = masked;
  return out;
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
