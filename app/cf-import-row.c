/* cf-import-row.c — one row of a journal, cleaned, scrubbed and parsed:
 * identifiers, the time and its zone, the amount and its currency, the
 * card, the type; a row that cannot be read says which column and why
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

const char *
cf_import_row_own (Row  *row,
                   char *text)
{
  g_ptr_array_add (row->owned, text);
  return text;
}

/* Spreadsheets drop leading zeros from numeric ids: 123 was 000123. */
static const char *
pad_digits (Row        *row,
            const char *value,
            guint       width)
{
  gsize len;

  if (value == NULL)
    return NULL;
  len = strlen (value);
  if (len >= width)
    return value;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (value[i]))
      return value;
  return cf_import_row_own (row, g_strdup_printf ("%0*d%s", (int) (width - len), 0, value));
}

/* 6.22202E+15: a spreadsheet has already thrown the digits away. */
static gboolean
is_scientific (const char *value)
{
  const char *p = value;

  if (p == NULL || !g_ascii_isdigit (*p++))
    return FALSE;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p != 'e' && *p != 'E')
    return FALSE;
  p++;
  if (*p == '+')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  return *p == '\0';
}

static const char *
currency_from_text (const char *text)
{
  static const struct { const char *word; const char *code; } words[] = {
    { "人民币", "CNY" }, { "156", "CNY" }, { "RMB", "CNY" }, { "元", "CNY" },
    { "美元", "USD" }, { "840", "USD" }, { "港币", "HKD" }, { "港元", "HKD" }, { "344", "HKD" },
    { "欧元", "EUR" }, { "978", "EUR" }, { "日元", "JPY" }, { "392", "JPY" },
  };
  gsize len = strlen (text);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (text, words[i].word) == 0)
      return words[i].code;
  if (len == 3 && g_ascii_isalpha (text[0]) && g_ascii_isalpha (text[1]) && g_ascii_isalpha (text[2]))
    return NULL; /* caller upper-cases an ISO code */
  return "";
}


static gboolean
row_fail (RowError   *err,
          ImportRun  *run,
          CfField     field,
          char       *reason)
{
  err->column = run->columns[field] >= 0 ? (guint) run->columns[field] : G_MAXUINT;
  /* A reason may quote the cell; make sure no card number rides along. */
  err->reason = cf_card_number_scrub (reason, CF_CARD_SCRUB_ANY, NULL);
  g_free (reason);
  return FALSE;
}

/* Cleans and scrubs every mapped cell into row->values; @raw keeps the
 * clean text, for the structured ones to be parsed from (a date such as
 * 20261128140322 may pass Luhn by chance). */
static gboolean
read_cells (ImportRun   *run,
            CfCsvReader *reader,
            Row         *row,
            const char **raw,
            RowError    *err)
{
  for (guint f = 0; f < CF_N_FIELDS; f++)
    {
      char *clean;
      CfCardScrub mode;
      guint masked = 0;

      if (run->columns[f] < 0)
        continue;
      clean = cf_import_cell (run, reader, (guint) run->columns[f]);
      if (*clean == '\0')
        {
          g_free (clean);
          continue;
        }
      raw[f] = cf_import_row_own (row, clean);

      switch (f)
        {
        case CF_FIELD_DATE:
        case CF_FIELD_TIME:
        case CF_FIELD_DATETIME:
        case CF_FIELD_AMOUNT:
        case CF_FIELD_FEE:
        case CF_FIELD_NET_AMOUNT:
        case CF_FIELD_INCOME:
        case CF_FIELD_EXPENSE:
        case CF_FIELD_REFUND_AMOUNT:
        case CF_FIELD_ORIG_DATE:
          row->values[f] = clean;
          continue;
        case CF_FIELD_CARD_NO:
        case CF_FIELD_MERCHANT_NAME:
        case CF_FIELD_ISSUER:
        case CF_FIELD_ACQUIRER:
        case CF_FIELD_STATUS:
          /* Free text: a card number in it is masked, the rest kept. */
          row->values[f] = cf_import_row_own (row, cf_card_number_scrub (clean, CF_CARD_SCRUB_ANY, NULL));
          continue;
        case CF_FIELD_MERCHANT_NO:
        case CF_FIELD_TERMINAL_NO:
        /* Processors' and wallets' ids are long numbers by nature (乐刷's
         * order no. has 16 digits): only one in a card's range is a card. */
        case CF_FIELD_REF_NO:
        case CF_FIELD_ORIG_REF_NO:
        case CF_FIELD_SOURCE_ID:
        case CF_FIELD_REFUND_ID:
        case CF_FIELD_ORDER_NO:
        case CF_FIELD_CHANNEL_NO:
          mode = CF_CARD_SCRUB_IDENTIFIER;
          break;
        default:
          mode = CF_CARD_SCRUB_ANY;
          break;
        }
      /* An identifier that holds a card number is not an identifier: a
       * shifted column or a wrong export. Masking it would store a wrong
       * key, so the row is refused. */
      row->values[f] = cf_import_row_own (row, cf_card_number_scrub (clean, mode, &masked));
      if (masked > 0)
        return row_fail (err, run, (CfField) f,
                         g_strdup_printf (_("“%s” is a card number, not a %s; the row was not stored"),
                                          row->values[f], cf_field_get_label ((CfField) f)));
    }

  /* Amounts and dates are parsed from the clean text, but a card number
   * there is refused in the same way. */
  for (guint f = 0; f < CF_N_FIELDS; f++)
    {
      guint masked = 0;
      g_autofree char *scrubbed = NULL;

      if (raw[f] == NULL || row->values[f] != raw[f])
        continue;
      scrubbed = cf_card_number_scrub (raw[f], CF_CARD_SCRUB_IDENTIFIER, &masked);
      if (masked > 0)
        return row_fail (err, run, (CfField) f,
                         g_strdup_printf (_("“%s” is a card number, not a %s; the row was not stored"),
                                          scrubbed, cf_field_get_label ((CfField) f)));
    }

  if (row->values[CF_FIELD_MERCHANT_NO] == NULL)
    row->values[CF_FIELD_MERCHANT_NO] = run->preamble_merchant_no;
  if (row->values[CF_FIELD_MERCHANT_NAME] == NULL)
    row->values[CF_FIELD_MERCHANT_NAME] = run->preamble_merchant_name;
  return TRUE;
}

/* The zone a row's wall time is in: its own column's, else the profile's. */
static gboolean
read_zone (ImportRun        *run,
           Row              *row,
           const CfTimestamp *ts,
           RowError         *err)
{
  const char *text = row->values[CF_FIELD_TIME_ZONE];
  CfTimeZone *zone = run->profile_zone;

  if (text != NULL)
    {
      gpointer cached;

      if (!g_hash_table_lookup_extended (run->zones, text, NULL, &cached))
        {
          cached = cf_time_zone_new (text);
          g_hash_table_insert (run->zones, g_strdup (text), cached);
        }
      if ((zone = cached) == NULL)
        return row_fail (err, run, CF_FIELD_TIME_ZONE,
                         g_strdup_printf (_("“%s” is not a time zone Counterfoil knows; write it as a name "
                                            "such as Europe/Zurich or an offset such as +01:00"), text));
    }
  if (zone != NULL)
    {
      row->has_offset = TRUE;
      row->utc_offset = cf_time_zone_offset_at (zone, ts);
      row->values[CF_FIELD_TIME_ZONE] = cf_time_zone_get_name (zone);
    }
  return TRUE;
}

/* When: the date and time, from one column or two, with the zone if known.
 * What a column is called does not decide what it holds: a statement's
 * 交易日期时间 may hold only 143022 beside its 清算日期, and a lone 交易时间
 * may hold the date too. */
static gboolean
read_when (ImportRun   *run,
           Row         *row,
           const char **raw,
           RowError    *err)
{
  static const CfField date_sources[] = { CF_FIELD_DATETIME, CF_FIELD_DATE, CF_FIELD_TIME };
  CfDateOrder order = run->date_order;
  CfTimestamp ts = { 0 };
  CfField date_field = CF_N_FIELDS;
  CfField first_error = CF_N_FIELDS;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) first_message = NULL;

  /* The date: the first column that holds one, with its time if it has it. */
  for (guint i = 0; i < G_N_ELEMENTS (date_sources) && date_field == CF_N_FIELDS; i++)
    {
      CfField f = date_sources[i];
      CfTimestamp candidate = { 0 };

      if (raw[f] == NULL || (f == CF_FIELD_TIME && (raw[CF_FIELD_DATE] != NULL || raw[CF_FIELD_DATETIME] != NULL)))
        continue;
      g_clear_error (&error);
      if (cf_timestamp_parse (raw[f], order, &candidate, &error))
        {
          ts = candidate;
          date_field = f;
        }
      else if (first_error == CF_N_FIELDS)
        {
          first_error = f;
          first_message = g_steal_pointer (&error);
        }
    }
  if (date_field == CF_N_FIELDS)
    {
      if (first_error != CF_N_FIELDS)
        return row_fail (err, run, first_error, g_strdup (first_message->message));
      return row_fail (err, run, run->columns[CF_FIELD_DATE] >= 0 ? CF_FIELD_DATE :
                                 run->columns[CF_FIELD_DATETIME] >= 0 ? CF_FIELD_DATETIME : CF_FIELD_TIME,
                       g_strdup (_("the date is missing")));
    }

  /* The time, from another column when the date's has none. */
  if (!ts.has_time)
    {
      static const CfField time_sources[] = { CF_FIELD_TIME, CF_FIELD_DATETIME };

      for (guint i = 0; i < G_N_ELEMENTS (time_sources) && !ts.has_time; i++)
        {
          CfField f = time_sources[i];

          if (f == date_field || raw[f] == NULL)
            continue;
          g_clear_error (&error);
          if (!cf_timestamp_parse_time (raw[f], &ts, &error))
            return row_fail (err, run, f, g_strdup (error->message));
        }
      if (!ts.has_time && run->columns[CF_FIELD_TIME] >= 0 && date_field != CF_FIELD_TIME)
        return row_fail (err, run, CF_FIELD_TIME, g_strdup (_("the time is missing")));
    }

  cf_timestamp_format_local (&ts, row->local_time);
  if (ts.has_offset)
    {
      row->has_offset = TRUE;
      row->utc_offset = ts.offset_minutes;
      return TRUE;
    }
  return read_zone (run, row, &ts, err);
}

/* One amount cell, in its column's unit; a blank one is zero. */
static gboolean
read_amount (ImportRun   *run,
             CfField      field,
             const char  *text,
             gint64      *minor,
             char         marker[4],
             RowError    *err)
{
  g_autoptr(GError) error = NULL;

  *minor = 0;
  if (text != NULL && !cf_import_parse_amount (run, run->columns[field], text, minor, marker, &error))
    return row_fail (err, run, field, g_strdup (error->message));
  return TRUE;
}

/* How much: the amount (one column, or income − expense), the fee, the
 * profile's sums, and in which currency. */
static gboolean
read_money (ImportRun   *run,
            CfCsvReader *reader,
            Row         *row,
            const char **raw,
            RowError    *err)
{
  char marker[4] = "";
  const char *text;
  char *unbalanced;
  guint column;

  if (run->columns[CF_FIELD_AMOUNT] >= 0)
    {
      if (raw[CF_FIELD_AMOUNT] == NULL)
        return row_fail (err, run, CF_FIELD_AMOUNT, g_strdup (_("the amount is missing")));
      if (!read_amount (run, CF_FIELD_AMOUNT, raw[CF_FIELD_AMOUNT], &row->amount, marker, err))
        return FALSE;
    }
  else
    {
      gint64 income, expense;

      if (raw[CF_FIELD_INCOME] == NULL && raw[CF_FIELD_EXPENSE] == NULL)
        return row_fail (err, run, run->columns[CF_FIELD_INCOME] >= 0 ? CF_FIELD_INCOME : CF_FIELD_EXPENSE,
                         g_strdup (_("the amount is missing")));
      if (!read_amount (run, CF_FIELD_INCOME, raw[CF_FIELD_INCOME], &income, marker, err) ||
          !read_amount (run, CF_FIELD_EXPENSE, raw[CF_FIELD_EXPENSE], &expense, marker, err))
        return FALSE;
      if (income != 0 && expense != 0)
        return row_fail (err, run, CF_FIELD_EXPENSE,
                         g_strdup_printf (_("both %s and %s hold an amount; a row is money in or money out, "
                                            "and which one is not for Counterfoil to guess"),
                                          run->header[run->columns[CF_FIELD_INCOME]],
                                          run->header[run->columns[CF_FIELD_EXPENSE]]));
      row->amount = income != 0 ? ABS (income) : -ABS (expense);
    }

  if (cf_import_profile_get_reverse_sign (run->profile))
    row->amount = -row->amount;

  if (raw[CF_FIELD_FEE] != NULL)
    {
      if (!read_amount (run, CF_FIELD_FEE, raw[CF_FIELD_FEE], &row->fee, NULL, err))
        return FALSE;
      row->has_fee = TRUE;
      row->fee = ABS (row->fee);
    }
  if (raw[CF_FIELD_REFUND_AMOUNT] != NULL)
    {
      if (!read_amount (run, CF_FIELD_REFUND_AMOUNT, raw[CF_FIELD_REFUND_AMOUNT], &row->refund_amount, NULL, err))
        return FALSE;
      row->has_refund_amount = row->refund_amount != 0;
    }

  if ((unbalanced = cf_import_check_sums (run, reader, &column)) != NULL)
    {
      err->column = column;
      err->reason = unbalanced;
      return FALSE;
    }

  if ((text = row->values[CF_FIELD_CURRENCY]) != NULL)
    {
      const char *code = currency_from_text (text);

      if (code == NULL)
        {
          g_strlcpy (row->currency, text, sizeof row->currency);
          for (guint i = 0; i < 3; i++)
            row->currency[i] = g_ascii_toupper (row->currency[i]);
        }
      else if (*code != '\0')
        g_strlcpy (row->currency, code, sizeof row->currency);
      else
        return row_fail (err, run, CF_FIELD_CURRENCY,
                         g_strdup_printf (_("“%s” is not a currency"), text));
    }
  else if (*marker != '\0')
    g_strlcpy (row->currency, marker, sizeof row->currency);
  else
    g_strlcpy (row->currency, cf_import_profile_get_currency (run->profile), sizeof row->currency);
  return TRUE;
}

/* What: the type, from the file's words or the amount's sign; the entry mode. */
static void
read_type (ImportRun *run,
           Row       *row)
{
  const char *text;

  if ((text = row->values[CF_FIELD_TXN_TYPE]) != NULL)
    {
      gboolean known;
      gpointer cached;

      /* A journal repeats a handful of words a million times. */
      if (g_hash_table_lookup_extended (run->type_words, text, NULL, &cached))
        {
          known = GPOINTER_TO_INT (cached) > 0;
          row->type = (CfTxnType) (ABS (GPOINTER_TO_INT (cached)) - 1);
        }
      else
        {
          row->type = cf_import_profile_map_type (run->profile, text, &known);
          g_hash_table_insert (run->type_words, g_strdup (text),
                               GINT_TO_POINTER (((int) row->type + 1) * (known ? 1 : -1)));
        }
      row->type_text = text;
      if (!known && row->amount < 0)
        row->type = CF_TXN_TYPE_REFUND;
    }
  else
    row->type = row->amount < 0 ? CF_TXN_TYPE_REFUND : CF_TXN_TYPE_SALE;
  /* WeChat's bill keeps the order's amount beside what was refunded. */
  if (row->has_refund_amount && (row->type == CF_TXN_TYPE_REFUND || cf_txn_type_is_reversal (row->type)))
    row->amount = row->refund_amount;
  row->amount = ABS (row->amount);

  if ((text = row->values[CF_FIELD_ENTRY_MODE]) != NULL)
    row->entry_mode = cf_import_profile_map_entry_mode (run->profile, text);

  /* A word the table does not know (a scheme's code, a processor's own
   * name) leaves the file's own method: a card for a terminal's journal. */
  row->payment_method = cf_import_profile_get_payment_method (run->profile);
  if ((text = row->values[CF_FIELD_PAYMENT_METHOD]) != NULL)
    {
      if (!cf_import_profile_map_method (run->profile, text, &row->payment_method))
        cf_payment_method_from_word (text, &row->payment_method);
    }
  else if (row->entry_mode == CF_ENTRY_MODE_UNKNOWN && (text = row->values[CF_FIELD_ENTRY_MODE]) != NULL &&
           cf_payment_method_from_word (text, &row->payment_method))
    ;  /* 交易方式: 微信, 支付宝 */
  else if (row->type_text != NULL)
    {
      /* 交易类型: 微信支付, 支付宝退款; a handful of words, a million rows. */
      gpointer cached;
      CfPaymentMethod method;

      if (!g_hash_table_lookup_extended (run->method_words, row->type_text, NULL, &cached))
        {
          cached = GINT_TO_POINTER (cf_payment_method_from_word (row->type_text, &method) ? (int) method + 1 : 0);
          g_hash_table_insert (run->method_words, g_strdup (row->type_text), cached);
        }
      if (GPOINTER_TO_INT (cached) > 0)
        row->payment_method = (CfPaymentMethod) (GPOINTER_TO_INT (cached) - 1);
    }
}

/* Which card: its first six and last four, and its brand. */
static gboolean
read_card (ImportRun *run,
           Row       *row,
           RowError  *err)
{
  const char *text = row->values[CF_FIELD_CARD_NO];

  if (text != NULL && !cf_card_number_parse (text, row->first6, row->last4, &row->card_length))
    {
      gboolean has_digit = FALSE;
      for (const char *p = text; *p != '\0'; p++)
        has_digit |= g_ascii_isdigit (*p);
      if (has_digit)
        return row_fail (err, run, CF_FIELD_CARD_NO,
                         g_strdup_printf (_("“%s” does not show the last four digits of a card"), text));
    }
  row->card_brand = row->values[CF_FIELD_CARD_BRAND];
  if (row->card_brand == NULL)
    row->card_brand = cf_card_number_guess_brand (row->first6);
  return TRUE;
}

/* The original's date, as ISO when it carries a year; slips print it as MMDD. */
static void
read_original_date (ImportRun   *run,
                    Row         *row,
                    const char **raw)
{
  CfTimestamp orig = { 0 };
  const char *o = raw[CF_FIELD_ORIG_DATE];

  if (o == NULL)
    return;
  if (cf_timestamp_parse (o, run->date_order, &orig, NULL))
    row->values[CF_FIELD_ORIG_DATE] = cf_import_row_own (row, g_strdup_printf ("%04d-%02d-%02d", orig.year, orig.month, orig.day));
  else if (strlen (o) == 4 && g_ascii_isdigit (o[0]) && g_ascii_isdigit (o[1]) && g_ascii_isdigit (o[2]) && g_ascii_isdigit (o[3]))
    row->values[CF_FIELD_ORIG_DATE] = cf_import_row_own (row, g_strdup_printf ("%.2s-%.2s", o, o + 2));
  else
    row->values[CF_FIELD_ORIG_DATE] = cf_import_row_own (row, cf_card_number_scrub (o, CF_CARD_SCRUB_ANY, NULL));
}

/* The day the acquirer settled the row. A statement may write it as MMDD:
 * the year is the transaction's, or the next one's when settled in January
 * for a sale of December. */
static gboolean
read_settlement_date (ImportRun   *run,
                      CfCsvReader *reader,
                      Row         *row,
                      RowError    *err)
{
  g_autofree char *text = NULL;
  CfTimestamp ts = { 0 };
  int year = atoi (row->local_time);

  row->settlement_date[0] = '\0';
  if (run->settlement_column < 0)
    return TRUE;
  text = cf_import_cell (run, reader, (guint) run->settlement_column);
  if (text == NULL || *text == '\0')
    return TRUE;
  if (strlen (text) == 4 && strspn (text, "0123456789") == 4)
    {
      ts.month = (text[0] - '0') * 10 + (text[1] - '0');
      ts.day = (text[2] - '0') * 10 + (text[3] - '0');
      ts.year = ts.month < atoi (row->local_time + 5) ? year + 1 : year;
      if (!g_date_valid_dmy ((GDateDay) ts.day, (GDateMonth) ts.month, (GDateYear) ts.year))
        ts.year = 0;
    }
  else if (g_strcmp0 (text, run->settlement_text) == 0)
    {
      memcpy (row->settlement_date, run->settlement_date, sizeof row->settlement_date);
      return TRUE;
    }
  else if (!cf_timestamp_parse (text, run->date_order, &ts, NULL) || !ts.has_date)
    ts.year = 0;
  if (ts.year == 0)
    {
      err->column = (guint) run->settlement_column;
      err->reason = g_strdup_printf (_("the settlement date “%s” is not a date"), text);
      return FALSE;
    }
  g_snprintf (row->settlement_date, sizeof row->settlement_date, "%04d-%02d-%02d", ts.year, ts.month, ts.day);
  if (strlen (text) != 4)
    {
      g_free (run->settlement_text);
      run->settlement_text = g_steal_pointer (&text);
      memcpy (run->settlement_date, row->settlement_date, sizeof run->settlement_date);
    }
  return TRUE;
}

/* Which transaction: the numbers that identify it, and the key it is stored
 * under so that importing the same file again adds nothing. */
static gboolean
read_identity (ImportRun   *run,
               Row         *row,
               const char **raw,
               RowError    *err)
{
  const char *terminal, *batch, *voucher, *ref, *source, *type, *refund;

  for (CfField f = CF_FIELD_BATCH_NO; f <= CF_FIELD_REF_NO; f++)
    if (is_scientific (row->values[f]))
      return row_fail (err, run, f,
                       g_strdup_printf (_("“%s” was turned into a rounded number by a spreadsheet; "
                                          "export the column as text"), row->values[f]));
  read_original_date (run, row, raw);
  row->values[CF_FIELD_BATCH_NO] = pad_digits (row, row->values[CF_FIELD_BATCH_NO], 6);
  row->values[CF_FIELD_VOUCHER_NO] = pad_digits (row, row->values[CF_FIELD_VOUCHER_NO], 6);
  row->values[CF_FIELD_ORIG_VOUCHER_NO] = pad_digits (row, row->values[CF_FIELD_ORIG_VOUCHER_NO], 6);

  terminal = row->values[CF_FIELD_TERMINAL_NO];
  batch = row->values[CF_FIELD_BATCH_NO];
  voucher = row->values[CF_FIELD_VOUCHER_NO];
  ref = row->values[CF_FIELD_REF_NO];
  source = row->values[CF_FIELD_SOURCE_ID];
  type = cf_txn_type_to_nick (row->type);
  refund = row->values[CF_FIELD_REFUND_ID];
  /* A refund has its own number where the file gives one: two partial
   * refunds of one order are two transactions. */
  if (row->type != CF_TXN_TYPE_SALE && refund != NULL && strspn (refund, "0") != strlen (refund))
    row->natural_key = g_strdup_printf ("rid\x1f%s\x1f%s", refund, type);
  else if (terminal != NULL && batch != NULL && voucher != NULL)
    row->natural_key = g_strdup_printf ("tbv\x1f%s\x1f%s\x1f%s", terminal, batch, voucher);
  else if (ref != NULL)
    row->natural_key = g_strdup_printf ("ref\x1f%s\x1f%s", ref, type);
  else if (source != NULL)
    row->natural_key = g_strdup_printf ("src\x1f%s\x1f%s", source, type);
  else if (terminal != NULL && voucher != NULL)
    row->natural_key = g_strdup_printf ("tdv\x1f%s\x1f%.10s\x1f%s", terminal, row->local_time, voucher);
  else
    return row_fail (err, run,
                     run->columns[CF_FIELD_VOUCHER_NO] >= 0 ? CF_FIELD_VOUCHER_NO : CF_FIELD_REF_NO,
                     g_strdup (voucher != NULL
                               ? _("a voucher no. needs its terminal no. to identify a transaction, and there is no reference no.")
                               : _("neither a voucher no. nor a reference no. is given")));

  if (cf_import_profile_get_key_with_time (run->profile) && !g_str_has_prefix (row->natural_key, "tbv"))
    {
      char *keyed = g_strdup_printf ("%s\x1f%s\x1f%" G_GINT64_FORMAT, row->natural_key, row->local_time, row->amount);
      g_free (row->natural_key);
      row->natural_key = keyed;
    }
  return TRUE;
}

/**
 * cf_import_parse_row:
 *
 * Reads one row of the file into @row: every cell cleaned and scrubbed, then
 * when, how much, what, which card and which transaction. The first thing
 * wrong stops it, said in @err with the column it is in.
 *
 * Returns: whether the row can be stored
 */
gboolean
cf_import_parse_row (ImportRun   *run,
                     CfCsvReader *reader,
                     Row         *row,
                     RowError    *err)
{
  const char *raw[CF_N_FIELDS] = { NULL };

  if (!read_cells (run, reader, row, raw, err) ||
      !read_when (run, row, raw, err) ||
      !read_settlement_date (run, reader, row, err) ||
      !read_money (run, reader, row, raw, err))
    return FALSE;
  read_type (run, row);
  if (row->values[CF_FIELD_PAYMENT_METHOD] == NULL)
    row->payment_method = cf_import_method_from_amounts (run, reader, row->payment_method);
  return read_card (run, row, err) && read_identity (run, row, raw, err);
}
