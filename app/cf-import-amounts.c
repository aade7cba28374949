/* cf-import-amounts.c — how much, read exactly: the unit each amount column
 * is written in, the decimal comma, and the sums a row's amounts must make
 *
 * A wrong amount stored without a word is the worst thing an import can do.
 * So the unit is read from each column's own header (“交易金额(单位:分)” is
 * fen) or the profile, never guessed from the values, and where a file
 * carries several amounts the profile's sums (gross − fee = net, total =
 * gross + tax + tip) are checked on every row: a row that does not add up is
 * refused, naming its columns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-importer-private.h"
#include "cf-money.h"
#include "cf-text.h"

/* What a unit is called inside brackets or after 单位 / "in". */
static CfAmountUnit
unit_from_word (const char *word)
{
  static const char *const minor[] = { "分", "fen", "cent", "cents", "minor", "minorunits" };
  static const char *const major[] = { "元", "yuan", "rmb", "cny", "dollars", "usd", "eur", "hkd" };
  g_autofree char *key = cf_text_header_key (word);
  const char *w = key;

  if (g_str_has_prefix (w, "单位"))
    w += strlen ("单位");
  else if (g_str_has_prefix (w, "in"))
    w += 2;
  if (g_strv_contains (minor, w))
    return CF_AMOUNT_UNIT_MINOR;
  if (g_strv_contains (major, w) || g_str_has_prefix (w, "+元") || g_str_has_prefix (w, "-元"))
    return CF_AMOUNT_UNIT_MAJOR;
  return CF_AMOUNT_UNIT_UNKNOWN;
}

/**
 * cf_import_unit_from_header:
 * @header: a column's header as written
 *
 * `交易金额(分)`, `交易金额（单位：分）`, `金额[分]`, `Amount (cents)`,
 * `amount in cents` and `amount_cents` are in minor units; `金额（元）` in
 * major ones. Only a unit standing apart says so: `分润（元）` is yuan.
 *
 * Returns: the unit the header states, or %CF_AMOUNT_UNIT_UNKNOWN
 */
CfAmountUnit
cf_import_unit_from_header (const char *header)
{
  g_autofree char *folded = cf_text_fold_width (header);
  g_autofree char *lower = g_utf8_casefold (folded, -1);
  g_autoptr(GRegex) bracketed = g_regex_new ("[(\\[【]([^)\\]】]*)[)\\]】]", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  CfAmountUnit unit = CF_AMOUNT_UNIT_UNKNOWN;
  const char *tail;

  g_regex_match (bracketed, lower, 0, &match);
  while (g_match_info_matches (match) && unit == CF_AMOUNT_UNIT_UNKNOWN)
    {
      g_autofree char *inside = g_match_info_fetch (match, 1);
      unit = unit_from_word (inside);
      g_match_info_next (match, NULL);
    }
  if (unit != CF_AMOUNT_UNIT_UNKNOWN)
    return unit;

  /* "amount in cents", "amount_cents", "金额单位分" */
  if ((tail = strstr (lower, " in ")) != NULL)
    return unit_from_word (tail + 1);
  if ((tail = strrchr (lower, '_')) != NULL && unit_from_word (tail + 1) == CF_AMOUNT_UNIT_MINOR)
    return CF_AMOUNT_UNIT_MINOR;
  if ((tail = strstr (lower, "单位")) != NULL)
    return unit_from_word (tail);
  return CF_AMOUNT_UNIT_UNKNOWN;
}

static int
find_column (ImportRun  *run,
             const char *term)
{
  g_autofree char *name = g_strstrip (g_strdup (term));
  CfField field = cf_field_from_name (name);
  g_autofree char *key = NULL;

  if (field != CF_N_FIELDS)
    return run->columns[field];
  key = cf_text_header_key (name);
  for (guint c = 0; c < run->n_header; c++)
    {
      g_autofree char *other = cf_text_header_key (run->header[c]);
      if (g_str_equal (key, other))
        return (int) c;
    }
  return -1;
}

/* A check applies to a file that has every column it names. */
static gboolean
resolve_check (ImportRun   *run,
               const char  *text,
               ImportCheck *check)
{
  g_auto(GStrv) sides = g_strsplit (text, "=", 2);
  g_autoptr(GRegex) operators = g_regex_new ("\\s([+-])\\s", 0, 0, NULL);
  g_auto(GStrv) parts = g_regex_split (operators, sides[1], 0);
  int sign = 1;

  check->text = text;
  check->n_terms = 0;
  if ((check->lhs = find_column (run, sides[0])) < 0)
    return FALSE;
  /* The split keeps the captured operators between the terms. */
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *term = g_strstrip (g_strdup (parts[i]));
      gboolean optional = g_str_has_suffix (term, "?");

      if (g_str_equal (term, "+") || g_str_equal (term, "-"))
        {
          sign = term[0] == '-' ? -1 : 1;
          continue;
        }

      /* "Tip?": a column some versions of the export leave out. */
      if (optional)
        term[strlen (term) - 1] = '\0';
      if (check->n_terms == IMPORT_CHECK_MAX_TERMS)
        return FALSE;
      if ((check->terms[check->n_terms] = find_column (run, term)) < 0)
        {
          if (optional)
            continue;
          return FALSE;
        }
      check->signs[check->n_terms++] = sign;
      sign = 1;
    }
  return check->n_terms > 0;
}

/**
 * cf_import_resolve_amounts:
 *
 * Once the header is known: the unit of each column and the profile's sums
 * on this file's columns; the report says which column became the amount
 * and in which unit.
 */
void
cf_import_resolve_amounts (ImportRun *run)
{
  CfAmountUnit profile_unit = cf_import_profile_get_amount_unit (run->profile);
  const char *const *checks = cf_import_profile_get_checks (run->profile);
  int amount_column;

  run->column_units = g_new0 (CfAmountUnit, run->n_header);
  for (guint c = 0; c < run->n_header; c++)
    {
      CfAmountUnit unit = cf_import_unit_from_header (run->header[c]);

      if (unit == CF_AMOUNT_UNIT_UNKNOWN)
        unit = profile_unit != CF_AMOUNT_UNIT_UNKNOWN ? profile_unit : CF_AMOUNT_UNIT_MAJOR;
      run->column_units[c] = unit;
    }

  run->checks = g_array_new (FALSE, FALSE, sizeof (ImportCheck));
  for (guint i = 0; checks != NULL && checks[i] != NULL; i++)
    {
      ImportCheck check;

      if (resolve_check (run, checks[i], &check))
        g_array_append_val (run->checks, check);
    }

  for (guint m = 0; m <= CF_PAYMENT_METHOD_OTHER; m++)
    {
      const char *const *headers = cf_import_profile_get_method_columns (run->profile, (CfPaymentMethod) m);

      run->method_columns[m] = -1;
      for (guint i = 0; headers != NULL && headers[i] != NULL && run->method_columns[m] < 0; i++)
        run->method_columns[m] = find_column (run, headers[i]);
    }

  amount_column = run->columns[CF_FIELD_AMOUNT];
  g_free (run->report->amount_source);
  if (amount_column >= 0)
    run->report->amount_source = g_strdup (run->header[amount_column]);
  else if (run->columns[CF_FIELD_INCOME] >= 0 && run->columns[CF_FIELD_EXPENSE] >= 0)
    {
      amount_column = run->columns[CF_FIELD_INCOME];
      run->report->amount_source = g_strdup_printf ("%s − %s", run->header[amount_column],
                                                    run->header[run->columns[CF_FIELD_EXPENSE]]);
    }
  if (amount_column >= 0)
    run->report->amount_unit = run->column_units[amount_column];
}

/* "1.234,56" as "1234.56"; spaces and apostrophes between thousands go too. */
static char *
dup_from_decimal_comma (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '.' || *p == ' ' || *p == '\'')
        continue;
      g_string_append_c (out, *p == ',' ? '.' : *p);
    }
  return g_string_free (out, FALSE);
}

/**
 * cf_import_parse_amount:
 * @column: the column @text is in, whose unit it is written in
 * @marker: (out) (optional): a currency the text named, or ""
 *
 * Returns: whether @text is an amount; @minor holds it in fen or cents
 */
gboolean
cf_import_parse_amount (ImportRun   *run,
                        int          column,
                        const char  *text,
                        gint64      *minor,
                        char         marker[4],
                        GError     **error)
{
  g_autofree char *swapped = NULL;

  if (cf_import_profile_get_decimal_comma (run->profile))
    text = swapped = dup_from_decimal_comma (text);
  if (!cf_money_parse (text, minor, marker, error))
    return FALSE;
  if (column >= 0 && run->column_units[column] == CF_AMOUNT_UNIT_MINOR)
    {
      /* 8850 read as 8850.00: a fraction here means the unit is not what
       * the header says, and nothing is stored on a guess. */
      if (*minor % 100 != 0)
        {
          g_set_error (error, CF_MONEY_ERROR, CF_MONEY_ERROR_INVALID,
                       _("“%s” is not a whole number of fen (cents), as the column's header says it is"), text);
          return FALSE;
        }
      *minor /= 100;
    }
  return TRUE;
}

/**
 * cf_import_cell:
 *
 * Returns: (transfer full): the cell at @column, cleaned and without the
 *   profile's prefix; "" past the end of the row
 */
char *
cf_import_cell (ImportRun   *run,
                CfCsvReader *reader,
                guint        column)
{
  if (column >= cf_csv_reader_get_n_fields (reader))
    return g_strdup ("");
  return cf_import_profile_strip_cell (run->profile, cf_csv_reader_get_field (reader, column));
}

/**
 * cf_import_check_sums:
 * @column: (out): the column of the sum that does not hold
 *
 * Each of the profile's sums is checked as the file writes its signs and,
 * failing that, on the amounts' sizes (a refund's fee may be written
 * positive beside a negative amount). A blank cell is zero.
 *
 * Returns: (transfer full) (nullable): why the row does not add up, or
 *   %NULL when it does
 */
char *
cf_import_check_sums (ImportRun   *run,
                      CfCsvReader *reader,
                      guint       *column)
{
  for (guint i = 0; i < run->checks->len; i++)
    {
      const ImportCheck *check = &g_array_index (run->checks, ImportCheck, i);
      gint64 values[IMPORT_CHECK_MAX_TERMS + 1];
      gint64 signed_sum = 0, size_sum = 0;
      gboolean stated = TRUE;
      g_autoptr(GString) expression = g_string_new (NULL);
      g_autofree char *lhs_text = NULL;
      g_autofree char *sum_text = NULL;

      for (guint t = 0; t <= check->n_terms; t++)
        {
          int c = t == 0 ? check->lhs : check->terms[t - 1];
          g_autofree char *cell = cf_import_cell (run, reader, (guint) c);
          g_autoptr(GError) error = NULL;

          values[t] = 0;
          /* A file that leaves the sum's cell empty (a refund's settlement
           * not yet known) states nothing to check. */
          if (t == 0 && *cell == '\0')
            {
              stated = FALSE;
              break;
            }
          if (*cell != '\0' && !cf_import_parse_amount (run, c, cell, &values[t], NULL, &error))
            {
              *column = (guint) c;
              return g_strdup (error->message);
            }
        }
      if (!stated)
        continue;
      for (guint t = 0; t < check->n_terms; t++)
        {
          signed_sum += check->signs[t] * values[t + 1];
          size_sum += check->signs[t] * ABS (values[t + 1]);
        }
      if (values[0] == signed_sum || ABS (values[0]) == size_sum)
        continue;

      for (guint t = 0; t < check->n_terms; t++)
        g_string_append_printf (expression, "%s%s", t == 0 ? (check->signs[t] < 0 ? "−" : "") : (check->signs[t] < 0 ? " − " : " + "),
                                run->header[check->terms[t]]);
      lhs_text = cf_money_to_decimal (values[0]);
      sum_text = cf_money_to_decimal (signed_sum);
      *column = (guint) check->lhs;
      return g_strdup_printf (_("the amounts do not add up: %s is %s, but %s is %s; the row was not stored"),
                              run->header[check->lhs], lhs_text, expression->str, sum_text);
    }
  return NULL;
}

/**
 * cf_import_method_from_amounts:
 * @fallback: the method when no method column holds an amount
 *
 * Square says how a sale was paid by the column its money is in (Card,
 * Cash): the first of the profile's method columns with an amount wins.
 *
 * Returns: the row's method
 */
CfPaymentMethod
cf_import_method_from_amounts (ImportRun       *run,
                               CfCsvReader     *reader,
                               CfPaymentMethod  fallback)
{
  for (guint m = 0; m <= CF_PAYMENT_METHOD_OTHER; m++)
    {
      g_autofree char *cell = NULL;
      gint64 minor = 0;

      if (run->method_columns[m] < 0)
        continue;
      cell = cf_import_cell (run, reader, (guint) run->method_columns[m]);
      if (*cell != '\0' && cf_import_parse_amount (run, run->method_columns[m], cell, &minor, NULL, NULL) && minor != 0)
        return (CfPaymentMethod) m;
    }
  return fallback;
}
