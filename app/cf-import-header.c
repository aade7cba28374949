/* cf-import-header.c — finding a file's header and reading its layout:
 * which profile and columns, the preamble above it, the order of its
 * dates, and the rows that are not data (totals, repeated headers, blanks)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cf-card-number.h"
#include "cf-csv-reader.h"
#include "cf-importer-private.h"
#include "cf-money.h"
#include "cf-text.h"
#include "cf-timestamp.h"

#define HEADER_SEARCH_LINES 50

gboolean
cf_import_is_totals_row (CfCsvReader *reader)
{
  static const char *const words[] = { "合计", "总计", "小计", "汇总", "共计", "total", "grand total", "subtotal", "sum" };
  guint n = cf_csv_reader_get_n_fields (reader);
  guint checked = 0;

  /* The word stands in one of the first non-empty cells. */
  for (guint i = 0; i < n && checked < 2; i++)
    {
      const char *field = cf_csv_reader_get_field (reader, i);
      g_autofree char *cell = NULL;
      g_autofree char *lower = NULL;

      /* Most rows start with a date: no allocation for them. */
      if (g_ascii_isdigit (*field))
        return FALSE;
      cell = cf_text_clean_cell (field);
      if (*cell == '\0')
        continue;
      checked++;
      lower = g_utf8_casefold (cell, -1);
      for (guint w = 0; w < G_N_ELEMENTS (words); w++)
        if (g_str_has_prefix (lower, words[w]))
          return TRUE;
    }
  return FALSE;
}

/* Notes (Alipay's # lines), the totals block that closes a WeChat bill, and
 * the rows the profile says are not sales (payouts, fee lines, failed
 * payments): counted as skipped, never as rejected. */
gboolean
cf_import_is_not_a_sale (ImportRun   *run,
                         CfCsvReader *reader)
{
  if (run->in_summary)
    return TRUE;

  /* Most profiles mark no rows: nothing is read for them, as a million-row
   * journal goes through here. */
  if (cf_import_profile_marks_rows (run->profile))
    {
      g_autofree char *first = NULL;

      for (guint i = 0; i < cf_csv_reader_get_n_fields (reader) && first == NULL; i++)
        {
          char *cell = cf_import_cell (run, reader, i);
          if (*cell != '\0')
            first = cell;
          else
            g_free (cell);
        }
      if (first != NULL && cf_import_profile_is_comment (run->profile, first))
        return TRUE;
      if (first != NULL && cf_import_profile_is_summary_start (run->profile, first))
        {
          run->in_summary = TRUE;
          return TRUE;
        }
    }

  for (guint f = 0; f < CF_N_FIELDS; f++)
    {
      const char *raw;
      gpointer verdict;

      if (run->columns[f] < 0 || !cf_import_profile_has_skips (run->profile, (CfField) f) ||
          (guint) run->columns[f] >= cf_csv_reader_get_n_fields (reader))
        continue;
      /* A column of statuses or types holds a handful of words. */
      raw = cf_csv_reader_get_field (reader, (guint) run->columns[f]);
      if (!g_hash_table_lookup_extended (run->skip_verdicts[f], raw, NULL, &verdict))
        {
          g_autofree char *cell = cf_import_cell (run, reader, (guint) run->columns[f]);

          verdict = GINT_TO_POINTER (*cell != '\0' && cf_import_profile_skips (run->profile, (CfField) f, cell));
          g_hash_table_insert (run->skip_verdicts[f], g_strdup (raw), verdict);
        }
      if (verdict != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Exports that paginate repeat the header on every page. */
gboolean
cf_import_is_header_again (ImportRun   *run,
                           CfCsvReader *reader)
{
  guint n = cf_csv_reader_get_n_fields (reader);

  if (n < run->n_header)
    return FALSE;
  for (guint i = 0; i < run->n_header; i++)
    {
      g_autofree char *cell = cf_text_clean_cell (cf_csv_reader_get_field (reader, i));
      if (!g_str_equal (cell, run->header[i]))
        return FALSE;
    }
  return TRUE;
}

gboolean
cf_import_is_blank_row (CfCsvReader *reader)
{
  guint n = cf_csv_reader_get_n_fields (reader);

  for (guint i = 0; i < n; i++)
    if (!cf_text_is_blank (cf_csv_reader_get_field (reader, i)))
      return FALSE;
  return TRUE;
}

guint
cf_import_count_filled (CfCsvReader *reader)
{
  guint n = cf_csv_reader_get_n_fields (reader);
  guint filled = 0;

  for (guint i = 0; i < n; i++)
    filled += !cf_text_is_blank (cf_csv_reader_get_field (reader, i));
  return filled;
}

/* A preamble line such as "商户名称：某某超市" or "商户编号:,898…" names the merchant
 * for files whose rows do not. */
static void
read_preamble_line (ImportRun   *run,
                    CfCsvReader *reader)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_auto(GStrv) parts = NULL;
  guint n = cf_csv_reader_get_n_fields (reader);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *cell = cf_text_clean_cell (cf_csv_reader_get_field (reader, i));
      if (*cell != '\0')
        g_string_append_printf (line, "%s%s", line->len > 0 ? "\x1f" : "", cell);
    }

  /* Key and value split by a colon in one cell, or standing in two cells. */
  {
    const char *text = line->str;
    const char *colon = strstr (text, "：");
    const char *ascii_colon = strchr (text, ':');
    const char *cell_sep = strchr (text, '\x1f');
    const char *key_end;
    gsize sep_len = 1;
    g_autofree char *key = NULL;
    g_autofree char *value = NULL;
    g_autofree char *key_norm = NULL;

    if (ascii_colon != NULL && (colon == NULL || ascii_colon < colon))
      colon = NULL;
    key_end = colon != NULL ? colon : ascii_colon != NULL ? ascii_colon : cell_sep;
    if (colon != NULL)
      sep_len = strlen ("：");
    if (key_end == NULL)
      return;
    key = g_strndup (text, (gsize) (key_end - text));
    value = g_strdup (key_end + sep_len);
    g_strdelimit (value, "\x1f", ' ');
    g_strstrip (value);
    key_norm = cf_text_header_key (key);
    if (*value == '\0')
      return;

    if (g_str_equal (key_norm, "商户名称") || g_str_equal (key_norm, "商户名") || g_str_equal (key_norm, "merchantname"))
      {
        g_free (run->preamble_merchant_name);
        run->preamble_merchant_name = cf_card_number_scrub (value, CF_CARD_SCRUB_ANY, NULL);
      }
    else if (g_str_equal (key_norm, "商户编号") || g_str_equal (key_norm, "商户号") || g_str_equal (key_norm, "merchantno") ||
             g_str_equal (key_norm, "merchantid") || g_str_equal (key_norm, "mid"))
      {
        g_free (run->preamble_merchant_no);
        run->preamble_merchant_no = cf_card_number_scrub (value, CF_CARD_SCRUB_IDENTIFIER, NULL);
      }
  }
}

/* A journal may have a single "交易时间" column that holds the date as well:
 * a time column with no date column is read as date and time. The amount is
 * one column, or income and expense. */
static gboolean
header_is_usable (const int columns[CF_N_FIELDS])
{
  return (columns[CF_FIELD_AMOUNT] >= 0 || columns[CF_FIELD_INCOME] >= 0 || columns[CF_FIELD_EXPENSE] >= 0) &&
         (columns[CF_FIELD_DATE] >= 0 || columns[CF_FIELD_DATETIME] >= 0 || columns[CF_FIELD_TIME] >= 0);
}

static gboolean
header_has_key (const int columns[CF_N_FIELDS])
{
  return columns[CF_FIELD_VOUCHER_NO] >= 0 || columns[CF_FIELD_REF_NO] >= 0 || columns[CF_FIELD_SOURCE_ID] >= 0;
}

/* What a layout lacks to be read: said when no profile reads a file. */
static char *
dup_missing (const int columns[CF_N_FIELDS])
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();

  if (columns[CF_FIELD_DATE] < 0 && columns[CF_FIELD_DATETIME] < 0 && columns[CF_FIELD_TIME] < 0)
    g_ptr_array_add (missing, (char *) cf_field_get_label (CF_FIELD_DATE));
  if (columns[CF_FIELD_AMOUNT] < 0 && columns[CF_FIELD_INCOME] < 0 && columns[CF_FIELD_EXPENSE] < 0)
    g_ptr_array_add (missing, (char *) cf_field_get_label (CF_FIELD_AMOUNT));
  if (!header_has_key (columns))
    g_ptr_array_add (missing, (char *) _("voucher no., reference no. or transaction id"));
  g_ptr_array_add (missing, NULL);
  return g_strjoinv (", ", (char **) missing->pdata);
}

/* The closest any profile came, for the error when none reads the file. */
typedef struct
{
  CfImportProfile *profile;
  guint            score;
  guint            line;
  int              columns[CF_N_FIELDS];
} NearMiss;

/* The best profile for one row taken as a header; a provider's own profile
 * (one with a signature, all of whose columns are there) wins over the
 * general ones. */
static CfImportProfile *
best_profile_for_row (GPtrArray         *profiles,
                      const char *const *cells,
                      guint              n,
                      guint              line,
                      int                best_columns[CF_N_FIELDS],
                      NearMiss          *near)
{
  CfImportProfile *best = NULL;
  guint best_score = 0;

  for (guint p = 0; p < profiles->len; p++)
    {
      CfImportProfile *profile = g_ptr_array_index (profiles, p);
      int columns[CF_N_FIELDS];
      guint score = cf_import_profile_match_header (profile, cells, n, columns);

      if (score > near->score)
        {
          near->profile = profile;
          near->score = score;
          near->line = line;
          memcpy (near->columns, columns, sizeof columns);
        }
      if (score < 3 || !header_is_usable (columns))
        continue;
      if (cf_import_profile_has_signature (profile))
        score += 1000;
      if (score > best_score)
        {
          best_score = score;
          best = profile;
          memcpy (best_columns, columns, sizeof columns);
        }
    }
  return best;
}

/* The column a statement names the day each row was settled on. */
static int
find_settlement_column (ImportRun *run)
{
  static const char *const names[] = { "清算日期", "结算日期", "清算日", "结算日", "清分日期", "入账日期",
                                       "settlementdate", "settledate", "settledon", NULL };

  for (guint c = 0; c < run->n_header; c++)
    {
      g_autofree char *key = cf_text_header_key (run->header[c]);

      if (g_strv_contains (names, key))
        return (int) c;
    }
  return -1;
}

static void
take_header (ImportRun         *run,
             CfCsvReader       *reader,
             CfImportProfile   *profile,
             const char *const *cells,
             guint              n,
             const int          columns[CF_N_FIELDS])
{
  run->profile = g_object_ref (profile);
  memcpy (run->columns, columns, sizeof run->columns);
  run->n_header = n;
  run->header = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *clean = cf_import_profile_strip_cell (profile, cells[i]);
      run->header[i] = cf_card_number_scrub (clean, CF_CARD_SCRUB_ANY, NULL);
    }
  run->report->header_line = cf_csv_reader_get_line (reader);
  run->report->profile = g_strdup (cf_import_profile_get_name (profile));
  /* A terminal's journal has no fees and no settlement date; an acquirer's
   * statement has them. */
  run->settlement_column = find_settlement_column (run);
  run->report->kind = g_strdup (cf_import_profile_get_kind (profile) != NULL ? cf_import_profile_get_kind (profile)
                                : columns[CF_FIELD_FEE] >= 0 || columns[CF_FIELD_NET_AMOUNT] >= 0 ||
                                  run->settlement_column >= 0 ? "statement" : "journal");
  for (guint f = 0; f < CF_N_FIELDS; f++)
    if (columns[f] >= 0)
      cf_import_report_add_column (run->report, cf_field_get_name ((CfField) f), run->header[columns[f]]);
  cf_import_resolve_amounts (run);
}

/* Whether @cells look like a row of a headerless @profile's file: as many
 * cells as it names columns (a trailing delimiter allowed), and a date and
 * an amount where it says they are. */
static gboolean
headerless_match (CfImportProfile   *profile,
                  const char *const *cells,
                  guint              n,
                  int                columns[CF_N_FIELDS])
{
  const char * const *names = cf_import_profile_get_headerless_columns (profile);
  guint n_names = names != NULL ? g_strv_length ((char **) names) : 0;
  CfTimestamp ts = { 0 };
  int when, amount;

  if (n_names == 0 || !(n == n_names || (n == n_names + 1 && *cells[n_names] == '\0')))
    return FALSE;
  if (cf_import_profile_match_header (profile, names, n_names, columns) < 3 || !header_is_usable (columns))
    return FALSE;
  when = columns[CF_FIELD_DATETIME] >= 0 ? columns[CF_FIELD_DATETIME] : columns[CF_FIELD_DATE];
  amount = columns[CF_FIELD_AMOUNT];
  return when >= 0 && amount >= 0 && cf_timestamp_parse (cells[when], CF_DATE_ORDER_YMD, &ts, NULL) && ts.has_date &&
         (g_ascii_isdigit (*cells[amount]) || (*cells[amount] == '-' && g_ascii_isdigit (cells[amount][1])));
}

static CfImportProfile *
headerless_profile_for_row (GPtrArray         *profiles,
                            const char *const *cells,
                            guint              n,
                            int                columns[CF_N_FIELDS])
{
  for (guint p = 0; p < profiles->len; p++)
    if (headerless_match (g_ptr_array_index (profiles, p), cells, n, columns))
      return g_ptr_array_index (profiles, p);
  return NULL;
}

/* Reads records until one is a header that a profile recognises, or the
 * first row of a file whose profile says it has none. */
gboolean
cf_import_find_header (ImportRun        *run,
                       CfCsvReader      *reader,
                       GPtrArray        *profiles,
                       GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  NearMiss near = { NULL, 0, 0, { 0 } };
  gboolean seen_a_row = FALSE;

  for (guint record = 0; record < HEADER_SEARCH_LINES; record++)
    {
      g_autofree const char **cells = NULL;
      int columns[CF_N_FIELDS];
      CfImportProfile *best;
      guint n;

      if (!cf_csv_reader_next (reader, &local_error))
        break;

      n = cf_csv_reader_get_n_fields (reader);
      cells = g_new0 (const char *, n + 1);
      for (guint i = 0; i < n; i++)
        cells[i] = cf_csv_reader_get_field (reader, i);

      if (!cf_import_is_blank_row (reader) && !seen_a_row &&
          (best = headerless_profile_for_row (profiles, cells, n, columns)) != NULL)
        {
          const char * const *names = cf_import_profile_get_headerless_columns (best);

          take_header (run, reader, best, names, g_strv_length ((char **) names), columns);
          run->report->header_line = 0;
          run->header_is_data = TRUE;
          return TRUE;
        }
      seen_a_row |= !cf_import_is_blank_row (reader);

      best = best_profile_for_row (profiles, cells, n, cf_csv_reader_get_line (reader), columns, &near);
      if (best != NULL)
        {
          take_header (run, reader, best, cells, n, columns);
          if (!header_has_key (run->columns))
            {
              g_set_error (error, CF_IMPORT_ERROR, CF_IMPORT_ERROR_NO_KEY_COLUMN,
                           _("%s line %u: the header has no voucher no. (凭证号, trace_no), reference no. "
                             "(参考号, rrn) or transaction id column, so its transactions cannot be told apart"),
                           run->display_name, run->report->header_line);
              return FALSE;
            }
          return TRUE;
        }

      read_preamble_line (run, reader);
    }

  if (local_error != NULL)
    {
      g_set_error (error, CF_IMPORT_ERROR, CF_IMPORT_ERROR_READ, "%s: %s",
                   run->display_name, local_error->message);
      return FALSE;
    }

  if (near.profile != NULL && near.score >= 2)
    {
      g_autofree char *missing = dup_missing (near.columns);

      g_set_error (error, CF_IMPORT_ERROR, CF_IMPORT_ERROR_NO_HEADER,
                   _("%s: no import profile reads this layout; the closest is “%s” (%s), whose header on line %u "
                     "lacks: %s. Import it with a profile of its own (see “counterfoil profile”)"),
                   run->display_name, cf_import_profile_get_name (near.profile),
                   cf_import_profile_get_title (near.profile), near.line, missing);
      return FALSE;
    }
  g_set_error (error, CF_IMPORT_ERROR, CF_IMPORT_ERROR_NO_HEADER,
               _("%s: no header row found in the first %u lines; expected columns such as "
                 "交易日期/date, 交易金额/amount and 凭证号/trace_no or 参考号/rrn"),
               run->display_name, HEADER_SEARCH_LINES);
  return FALSE;
}

/* 05/11/2026 is May or November: when the person or the profile does not
 * say, the file's other dates do. A first number over 12 anywhere means day
 * first; a second number over 12, month first. When nothing tells, dates
 * are read month first, and the report says so, with an example. */
CfDateOrder
cf_import_detect_date_order (ImportRun   *run,
                             CfDateOrder  chosen,
                             const char  *text,
                             gsize        len,
                             char         delimiter)
{
  g_autoptr(CfCsvReader) reader = cf_csv_reader_new (text, len, delimiter);
  int column = run->columns[CF_FIELD_DATE] >= 0 ? run->columns[CF_FIELD_DATE]
             : run->columns[CF_FIELD_DATETIME] >= 0 ? run->columns[CF_FIELD_DATETIME]
             : run->columns[CF_FIELD_TIME];
  g_autofree char *example = NULL;
  guint seen = 0;

  if (chosen != CF_DATE_ORDER_YMD)
    return chosen;
  if (cf_import_profile_get_date_order (run->profile) != CF_DATE_ORDER_YMD || column < 0)
    return cf_import_profile_get_date_order (run->profile);

  while (seen < 5000 && cf_csv_reader_next (reader, NULL))
    {
      int a, b, y;
      char s1, s2;

      if (cf_csv_reader_get_line (reader) <= run->report->header_line ||
          (guint) column >= cf_csv_reader_get_n_fields (reader))
        continue;
      seen++;
      if (sscanf (cf_csv_reader_get_field (reader, (guint) column), "%d%c%d%c%d", &a, &s1, &b, &s2, &y) == 5 &&
          s1 == s2 && (s1 == '/' || s1 == '.' || s1 == '-') && y > 31)
        {
          if ((a > 12 && b <= 12) || s1 == '.')
            return CF_DATE_ORDER_DMY;
          if (b > 12 && a <= 12)
            return CF_DATE_ORDER_MDY;
          if (example == NULL && a != b && a >= 1 && b >= 1)
            example = g_strndup (cf_csv_reader_get_field (reader, (guint) column), 32);
        }
    }
  if (example != NULL)
    {
      g_autofree char *clean = cf_text_clean_cell (example);
      g_ptr_array_add (run->report->notes,
                       g_strdup_printf (_("Dates such as %s were read month first: nothing in the file tells day from "
                                          "month. If the day comes first, import it again with --date-order dmy "
                                          "(or DateOrder=dmy in its profile)."), clean));
    }
  return CF_DATE_ORDER_YMD;
}
