/* cf-import-profile.c — how one kind of journal names its columns
 *
 * A profile is a key file (data/import-profiles/NAME.profile): column header
 * synonyms per field, words for transaction types and entry modes, and the
 * date order, currency and time zone to assume. The built-in ones are compiled
 * in; files in $XDG_DATA_HOME/counterfoil/import-profiles add to or replace
 * them by name, so a shop can teach Counterfoil its acquirer's statement
 * without a new build.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-import-profile"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cf-import-profile.h"
#include "cf-text.h"
#include "cf-time-zone.h"


struct _CfImportProfile
{
  GObject      parent_instance;

  char        *name;
  char        *title;
  char        *origin;
  char        *text;                    /* the key file as written */
  CfDateOrder  date_order;
  char        *currency;
  char        *time_zone;
  GPtrArray   *synonyms[CF_N_FIELDS];   /* header keys, as cf_text_header_key() */
  GHashTable  *types;                   /* key → CfTxnType + 1 */
  GHashTable  *entry_modes;             /* key → CfEntryMode */
  GHashTable  *method_words;            /* key → CfPaymentMethod + 1: a processor's own codes */
  CfAmountUnit amount_unit;
  gboolean     decimal_comma;
  GStrv        strip_prefixes;          /* taken off the front of every cell: WeChat's ` */
  GStrv        comment_prefixes;        /* a row whose first cell starts so is a note */
  GPtrArray   *summary_starts;          /* header keys of a closing summary block's own header */
  GPtrArray   *signature;               /* header keys that must all be present */
  char       **headerless;              /* a file without a header row: its columns' names, in order */
  char        *encoding;                /* NULL: found from the bytes */
  GHashTable  *skips[CF_N_FIELDS];      /* value keys whose rows are not transactions */
  GStrv        checks;                  /* "Net = Gross - Fee", as written */
  gboolean     key_with_time;
  gboolean     reverse_sign;            /* money out written positive, money in negative */
  CfPaymentMethod payment_method;       /* for rows that do not say */
  char        *kind;                    /* journal, statement, wallet, processor; NULL: by its columns */
  GStrv        method_columns[CF_PAYMENT_METHOD_OTHER + 1];  /* an amount there means this method: Square's Cash */           /* ids repeat (an order and its refunds): time and amount tell them apart */
};

G_DEFINE_FINAL_TYPE (CfImportProfile, cf_import_profile, G_TYPE_OBJECT)

G_DEFINE_QUARK (cf-import-profile-error-quark, cf_import_profile_error)

static void
cf_import_profile_finalize (GObject *object)
{
  CfImportProfile *self = (CfImportProfile *) object;

  g_free (self->name);
  g_free (self->title);
  g_free (self->origin);
  g_free (self->text);
  g_free (self->kind);
  g_free (self->currency);
  g_free (self->time_zone);
  for (guint i = 0; i < CF_N_FIELDS; i++)
    g_clear_pointer (&self->synonyms[i], g_ptr_array_unref);
  g_clear_pointer (&self->types, g_hash_table_unref);
  g_clear_pointer (&self->entry_modes, g_hash_table_unref);
  g_clear_pointer (&self->method_words, g_hash_table_unref);
  g_clear_pointer (&self->strip_prefixes, g_strfreev);
  g_clear_pointer (&self->comment_prefixes, g_strfreev);
  g_clear_pointer (&self->summary_starts, g_ptr_array_unref);
  g_clear_pointer (&self->signature, g_ptr_array_unref);
  g_clear_pointer (&self->headerless, g_strfreev);
  g_clear_pointer (&self->encoding, g_free);
  for (guint i = 0; i < CF_N_FIELDS; i++)
    g_clear_pointer (&self->skips[i], g_hash_table_unref);
  g_clear_pointer (&self->checks, g_strfreev);
  for (guint i = 0; i <= CF_PAYMENT_METHOD_OTHER; i++)
    g_clear_pointer (&self->method_columns[i], g_strfreev);

  G_OBJECT_CLASS (cf_import_profile_parent_class)->finalize (object);
}

static void
cf_import_profile_class_init (CfImportProfileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_import_profile_finalize;
}

static void
cf_import_profile_init (CfImportProfile *self)
{
  for (guint i = 0; i < CF_N_FIELDS; i++)
    self->synonyms[i] = g_ptr_array_new_with_free_func (g_free);
  self->types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->entry_modes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->method_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->summary_starts = g_ptr_array_new_with_free_func (g_free);
  self->signature = g_ptr_array_new_with_free_func (g_free);
}

static void
add_words (GHashTable *table,
           char      **words,
           int         value)
{
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      char *key = cf_text_header_key (words[i]);
      if (*key != '\0')
        g_hash_table_replace (table, key, GINT_TO_POINTER (value));
      else
        g_free (key);
    }
}

static gboolean
invalid (GError     **error,
         const char  *origin,
         const char  *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError     **error,
         const char  *origin,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, CF_IMPORT_PROFILE_ERROR, CF_IMPORT_PROFILE_ERROR_INVALID,
               _("import profile %s: %s"), origin, message);
  return FALSE;
}

static void
add_keys (GPtrArray *keys,
          char     **words)
{
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      char *key = cf_text_header_key (words[i]);
      if (*key != '\0')
        g_ptr_array_add (keys, key);
      else
        g_free (key);
    }
}

/* [Profile]: what the file is and how its values are written. */
static gboolean
load_profile_group (CfImportProfile  *self,
                    GKeyFile         *kf,
                    GError          **error)
{
  g_autofree char *order = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *method = NULL;
  g_autofree char *sign = NULL;
  g_auto(GStrv) summary = NULL;
  g_auto(GStrv) signature = NULL;
  g_autoptr(GError) local_error = NULL;

  self->name = g_key_file_get_string (kf, "Profile", "Name", NULL);
  if (self->name == NULL || *self->name == '\0')
    return invalid (error, self->origin, _("the [Profile] group has no Name"));
  self->title = g_key_file_get_locale_string (kf, "Profile", "Title", NULL, NULL);
  if (self->title == NULL)
    self->title = g_strdup (self->name);
  self->currency = g_key_file_get_string (kf, "Profile", "Currency", NULL);
  if (self->currency == NULL)
    self->currency = g_strdup ("CNY");
  self->time_zone = g_key_file_get_string (kf, "Profile", "TimeZone", NULL);
  if (self->time_zone != NULL)
    {
      g_autoptr(CfTimeZone) zone = cf_time_zone_new (self->time_zone);

      if (zone == NULL)
        return invalid (error, self->origin,
                        _("unknown TimeZone “%s” (use a name such as Asia/Shanghai or an offset such as +08:00)"),
                        self->time_zone);
    }

  order = g_key_file_get_string (kf, "Profile", "DateOrder", NULL);
  if (order == NULL || g_ascii_strcasecmp (order, "ymd") == 0)
    self->date_order = CF_DATE_ORDER_YMD;
  else if (g_ascii_strcasecmp (order, "mdy") == 0)
    self->date_order = CF_DATE_ORDER_MDY;
  else if (g_ascii_strcasecmp (order, "dmy") == 0)
    self->date_order = CF_DATE_ORDER_DMY;
  else
    return invalid (error, self->origin, _("DateOrder must be ymd, mdy or dmy, not “%s”"), order);

  unit = g_key_file_get_string (kf, "Profile", "AmountUnit", NULL);
  if (unit == NULL)
    self->amount_unit = CF_AMOUNT_UNIT_UNKNOWN;
  else if (g_str_equal (unit, "major") || g_str_equal (unit, "yuan") || g_str_equal (unit, "dollars"))
    self->amount_unit = CF_AMOUNT_UNIT_MAJOR;
  else if (g_str_equal (unit, "minor") || g_str_equal (unit, "fen") || g_str_equal (unit, "cents"))
    self->amount_unit = CF_AMOUNT_UNIT_MINOR;
  else
    return invalid (error, self->origin, _("AmountUnit must be major (yuan) or minor (fen, cents), not “%s”"), unit);

  self->decimal_comma = g_key_file_get_boolean (kf, "Profile", "DecimalComma", &local_error);
  if (local_error != NULL && !g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
    return invalid (error, self->origin, "%s", local_error->message);

  self->key_with_time = g_key_file_get_boolean (kf, "Profile", "IdentityWithTime", NULL);
  self->kind = g_key_file_get_string (kf, "Profile", "Kind", NULL);
  if (self->kind != NULL && g_str_equal (self->kind, "auto"))
    g_clear_pointer (&self->kind, g_free);
  if (self->kind != NULL && !g_str_equal (self->kind, "journal") && !g_str_equal (self->kind, "statement") &&
      !g_str_equal (self->kind, "wallet") && !g_str_equal (self->kind, "processor"))
    return invalid (error, self->origin, _("Kind must be journal, statement, wallet, processor or auto, not “%s”"), self->kind);
  sign = g_key_file_get_string (kf, "Profile", "AmountSign", NULL);
  if (sign != NULL && !g_str_equal (sign, "reversed") && !g_str_equal (sign, "as-written"))
    return invalid (error, self->origin, _("AmountSign must be as-written or reversed, not “%s”"), sign);
  self->reverse_sign = g_strcmp0 (sign, "reversed") == 0;
  method = g_key_file_get_string (kf, "Profile", "Method", NULL);
  if (method == NULL)
    self->payment_method = CF_PAYMENT_METHOD_CARD;
  else if (!cf_payment_method_from_nick (method, &self->payment_method))
    return invalid (error, self->origin,
                    _("Method must be card, wechat, alipay, unionpay_qr, cash or other, not “%s”"), method);
  self->strip_prefixes = g_key_file_get_string_list (kf, "Profile", "StripPrefix", NULL, NULL);
  self->comment_prefixes = g_key_file_get_string_list (kf, "Profile", "CommentPrefix", NULL, NULL);
  summary = g_key_file_get_string_list (kf, "Profile", "SummaryStart", NULL, NULL);
  add_keys (self->summary_starts, summary);
  signature = g_key_file_get_string_list (kf, "Profile", "Signature", NULL, NULL);
  add_keys (self->signature, signature);
  self->headerless = g_key_file_get_string_list (kf, "Profile", "HeaderlessColumns", NULL, NULL);
  self->encoding = g_key_file_get_string (kf, "Profile", "FileEncoding", NULL);
  if (self->encoding != NULL && *g_strstrip (self->encoding) == '\0')
    g_clear_pointer (&self->encoding, g_free);
  return TRUE;
}

/* "Net Total = Total Collected - Fees": one term, =, terms joined by + or -,
 * each a field's name or a column's header, operators between spaces. */
static gboolean
check_is_valid (const char *check)
{
  g_auto(GStrv) sides = g_strsplit (check, "=", -1);
  g_auto(GStrv) terms = NULL;

  if (g_strv_length (sides) != 2 || cf_text_is_blank (sides[0]) || cf_text_is_blank (sides[1]))
    return FALSE;
  terms = g_regex_split_simple ("\\s[+-]\\s", sides[1], 0, 0);
  for (guint i = 0; terms[i] != NULL; i++)
    if (cf_text_is_blank (terms[i]))
      return FALSE;
  return TRUE;
}

/* [Skip] and [Checks]: rows that are not transactions, sums that must hold. */
static gboolean
load_rules (CfImportProfile  *self,
            GKeyFile         *kf,
            GError          **error)
{
  g_auto(GStrv) skip_keys = g_key_file_get_keys (kf, "Skip", NULL, NULL);
  g_auto(GStrv) check_keys = g_key_file_get_keys (kf, "Checks", NULL, NULL);
  g_autoptr(GPtrArray) checks = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; skip_keys != NULL && skip_keys[i] != NULL; i++)
    {
      CfField field = cf_field_from_name (skip_keys[i]);
      g_auto(GStrv) values = NULL;

      if (field == CF_N_FIELDS)
        return invalid (error, self->origin, _("[Skip] names “%s”, which is not a field"), skip_keys[i]);
      values = g_key_file_get_string_list (kf, "Skip", skip_keys[i], NULL, NULL);
      if (self->skips[field] == NULL)
        self->skips[field] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      add_words (self->skips[field], values, 1);
    }

  for (guint i = 0; check_keys != NULL && check_keys[i] != NULL; i++)
    {
      char *check = g_key_file_get_string (kf, "Checks", check_keys[i], NULL);

      if (check == NULL || !check_is_valid (check))
        {
          g_free (check);
          return invalid (error, self->origin,
                          _("[Checks] %s must read like “Net = Gross - Fee”"), check_keys[i]);
        }
      g_ptr_array_add (checks, check);
    }
  for (guint m = 0; m <= CF_PAYMENT_METHOD_OTHER; m++)
    self->method_columns[m] = g_key_file_get_string_list (kf, "MethodColumns",
                                                          cf_payment_method_to_nick ((CfPaymentMethod) m), NULL, NULL);

  g_ptr_array_add (checks, NULL);
  self->checks = (GStrv) g_ptr_array_free (g_steal_pointer (&checks), FALSE);
  return TRUE;
}

/**
 * cf_import_profile_new_from_data:
 * @origin: where the data came from, for error messages
 *
 * Returns: (transfer full): the profile described by a key file
 */
CfImportProfile *
cf_import_profile_new_from_data (const char  *data,
                                 gsize        len,
                                 const char  *origin,
                                 GError     **error)
{
  g_autoptr(CfImportProfile) self = g_object_new (CF_TYPE_IMPORT_PROFILE, NULL);
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  guint n_columns = 0;

  self->origin = g_strdup (origin);
  self->text = g_strndup (data, len);
  if (!g_key_file_load_from_data (kf, data, len, G_KEY_FILE_NONE, &local_error))
    {
      invalid (error, origin, "%s", local_error->message);
      return NULL;
    }
  if (!load_profile_group (self, kf, error))
    return NULL;

  for (guint f = 0; f < CF_N_FIELDS; f++)
    {
      g_auto(GStrv) words = g_key_file_get_string_list (kf, "Columns", cf_field_get_name ((CfField) f), NULL, NULL);

      add_keys (self->synonyms[f], words);
      n_columns += self->synonyms[f]->len;
    }
  if (n_columns == 0)
    {
      invalid (error, origin, _("the [Columns] group names no columns"));
      return NULL;
    }

  for (guint t = 0; t <= CF_TXN_TYPE_OTHER; t++)
    {
      g_auto(GStrv) words = g_key_file_get_string_list (kf, "Types", cf_txn_type_to_nick ((CfTxnType) t), NULL, NULL);
      add_words (self->types, words, (int) t + 1);
    }
  for (guint m = CF_ENTRY_MODE_SWIPE; m <= CF_ENTRY_MODE_MANUAL; m++)
    {
      g_auto(GStrv) words = g_key_file_get_string_list (kf, "EntryModes", cf_entry_mode_to_nick ((CfEntryMode) m), NULL, NULL);
      add_words (self->entry_modes, words, (int) m);
    }
  for (guint m = 0; m <= CF_PAYMENT_METHOD_OTHER; m++)
    {
      g_auto(GStrv) words = g_key_file_get_string_list (kf, "Methods", cf_payment_method_to_nick ((CfPaymentMethod) m),
                                                        NULL, NULL);
      add_words (self->method_words, words, (int) m + 1);
    }

  if (!load_rules (self, kf, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * cf_import_profile_find:
 * @name_or_path: a profile's name, or the path of a `.profile` file
 *
 * Returns: (transfer full): the profile
 */
CfImportProfile *
cf_import_profile_find (const char  *name_or_path,
                        GError     **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  if (g_str_has_suffix (name_or_path, ".profile") || strchr (name_or_path, G_DIR_SEPARATOR) != NULL)
    {
      g_autofree char *contents = NULL;
      gsize len;

      if (!g_file_get_contents (name_or_path, &contents, &len, error))
        return NULL;
      return cf_import_profile_new_from_data (contents, len, name_or_path, error);
    }

  all = cf_import_profile_load_all (NULL, error);
  if (all == NULL)
    return NULL;

  for (guint i = 0; i < all->len; i++)
    {
      CfImportProfile *p = g_ptr_array_index (all, i);

      if (g_str_equal (p->name, name_or_path))
        return g_object_ref (p);
      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", p->name);
    }

  g_set_error (error, CF_IMPORT_PROFILE_ERROR, CF_IMPORT_PROFILE_ERROR_NOT_FOUND,
               _("there is no import profile “%s” (known: %s)"), name_or_path, names->str);
  return NULL;
}

const char *
cf_import_profile_get_name (CfImportProfile *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PROFILE (self), NULL);
  return self->name;
}

const char *
cf_import_profile_get_title (CfImportProfile *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PROFILE (self), NULL);
  return self->title;
}

CfDateOrder
cf_import_profile_get_date_order (CfImportProfile *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PROFILE (self), CF_DATE_ORDER_YMD);
  return self->date_order;
}

const char *
cf_import_profile_get_currency (CfImportProfile *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PROFILE (self), NULL);
  return self->currency;
}

/**
 * cf_import_profile_get_time_zone:
 *
 * Returns: (nullable): the zone the journal's times are in, when the profile knows
 */
const char *
cf_import_profile_get_time_zone (CfImportProfile *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PROFILE (self), NULL);
  return self->time_zone;
}


/**
 * cf_import_profile_match_header:
 * @headers: the cells of a candidate header row
 * @columns: (out caller-allocates): for each #CfField, the column that holds
 *   it, or -1
 *
 * Each field takes the column named by its earliest synonym that is still
 * free; a column serves one field.
 *
 * Returns: how many fields were found
 */
guint
cf_import_profile_match_header (CfImportProfile   *self,
                                const char *const *headers,
                                guint              n_headers,
                                int                columns[CF_N_FIELDS])
{
  char **keys = g_new0 (char *, n_headers + 1);
  guint matched = 0;

  for (guint f = 0; f < CF_N_FIELDS; f++)
    columns[f] = -1;

  for (guint c = 0; c < n_headers; c++)
    {
      g_autofree char *cell = cf_import_profile_strip_cell (self, headers[c]);
      keys[c] = cf_text_header_key (cell);
    }

  /* A profile for one provider's file applies only where its own columns are. */
  for (guint s = 0; s < self->signature->len; s++)
    if (!g_strv_contains ((const char *const *) keys, g_ptr_array_index (self->signature, s)))
      {
        g_strfreev (g_steal_pointer (&keys));
        return 0;
      }

  /* Fields in the profile's order, each taking the column its earliest synonym
   * names: "交易日期" wins over a "清算日期" further left, and a column serves
   * one field only. */
  for (guint f = 0; f < CF_N_FIELDS; f++)
    for (guint syn = 0; syn < self->synonyms[f]->len && columns[f] < 0; syn++)
      for (guint c = 0; c < n_headers; c++)
        {
          gboolean taken = FALSE;

          if (*keys[c] == '\0' || !g_str_equal (keys[c], g_ptr_array_index (self->synonyms[f], syn)))
            continue;
          for (guint g = 0; g < CF_N_FIELDS && !taken; g++)
            taken = columns[g] == (int) c;
          if (!taken)
            {
              columns[f] = (int) c;
              matched++;
              break;
            }
        }

  g_strfreev (g_steal_pointer (&keys));
  return matched;
}

/**
 * cf_import_profile_map_type:
 * @known: (out): whether the profile knows the word
 *
 * Returns: the transaction type a journal's word means, %CF_TXN_TYPE_OTHER if unknown
 */
CfTxnType
cf_import_profile_map_type (CfImportProfile *self,
                            const char      *text,
                            gboolean        *known)
{
  g_autofree char *key = cf_text_header_key (text);
  int value = GPOINTER_TO_INT (g_hash_table_lookup (self->types, key));

  *known = value != 0;
  return value != 0 ? (CfTxnType) (value - 1) : CF_TXN_TYPE_OTHER;
}

CfEntryMode
cf_import_profile_map_entry_mode (CfImportProfile *self,
                                  const char      *text)
{
  g_autofree char *key = cf_text_header_key (text);

  return (CfEntryMode) GPOINTER_TO_INT (g_hash_table_lookup (self->entry_modes, key));
}

/**
 * cf_import_profile_map_method:
 * @text: a method column's value, such as 通联's 支付模式 `SCAN_WEIXIN`
 *
 * Returns: whether the profile's [Methods] name @text; then @method is set
 */
gboolean
cf_import_profile_map_method (CfImportProfile *self,
                              const char      *text,
                              CfPaymentMethod *method)
{
  g_autofree char *key = cf_text_header_key (text);
  int value = GPOINTER_TO_INT (g_hash_table_lookup (self->method_words, key));

  if (value == 0)
    return FALSE;
  *method = (CfPaymentMethod) (value - 1);
  return TRUE;
}

/**
 * cf_import_profile_get_amount_unit:
 *
 * Returns: whether the file's amounts are in yuan or fen, when the profile
 *   says; %CF_AMOUNT_UNIT_UNKNOWN leaves it to each column's header
 */
CfAmountUnit
cf_import_profile_get_amount_unit (CfImportProfile *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PROFILE (self), CF_AMOUNT_UNIT_UNKNOWN);
  return self->amount_unit;
}

/**
 * cf_import_profile_get_decimal_comma:
 *
 * Returns: whether amounts are written `1.234,56`
 */
gboolean
cf_import_profile_get_decimal_comma (CfImportProfile *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PROFILE (self), FALSE);
  return self->decimal_comma;
}

/**
 * cf_import_profile_get_checks:
 *
 * Returns: (transfer none): the sums each row must satisfy, as written in
 *   the profile: `Net Total = Total Collected + Fees`
 */
const char *const *
cf_import_profile_get_checks (CfImportProfile *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PROFILE (self), NULL);
  return (const char *const *) self->checks;
}

/**
 * cf_import_profile_strip_cell:
 *
 * Returns: (transfer full): the cell cleaned (cf_text_clean_cell()) and
 *   without the prefix the provider puts before every value
 */
char *
cf_import_profile_strip_cell (CfImportProfile *self,
                              const char      *cell)
{
  char *clean = cf_text_clean_cell (cell);

  for (guint i = 0; self->strip_prefixes != NULL && self->strip_prefixes[i] != NULL; i++)
    if (*self->strip_prefixes[i] != '\0' && g_str_has_prefix (clean, self->strip_prefixes[i]))
      {
        char *rest = cf_text_clean_cell (clean + strlen (self->strip_prefixes[i]));
        g_free (clean);
        return rest;
      }
  return clean;
}

/**
 * cf_import_profile_is_comment:
 * @first_cell: a row's first cell, stripped
 *
 * Returns: whether the row is a note (Alipay's `#` lines), not data
 */
gboolean
cf_import_profile_is_comment (CfImportProfile *self,
                              const char      *first_cell)
{
  for (guint i = 0; self->comment_prefixes != NULL && self->comment_prefixes[i] != NULL; i++)
    if (*self->comment_prefixes[i] != '\0' && g_str_has_prefix (first_cell, self->comment_prefixes[i]))
      return TRUE;
  return FALSE;
}

/**
 * cf_import_profile_is_summary_start:
 * @first_cell: a row's first cell, stripped
 *
 * Returns: whether the row heads the summary block that closes the file
 *   (WeChat's `总交易单数,应结订单总金额,…`): it and every row after it are
 *   totals, not transactions
 */
gboolean
cf_import_profile_is_summary_start (CfImportProfile *self,
                                    const char      *first_cell)
{
  g_autofree char *key = NULL;

  if (self->summary_starts->len == 0)
    return FALSE;
  key = cf_text_header_key (first_cell);
  for (guint i = 0; i < self->summary_starts->len; i++)
    if (g_str_equal (key, g_ptr_array_index (self->summary_starts, i)))
      return TRUE;
  return FALSE;
}

/**
 * cf_import_profile_skips:
 * @value: a row's cell of @field
 *
 * Returns: whether a row with this value is not a transaction (a payout, a
 *   fee line, a failed payment), to be counted as skipped
 */
gboolean
cf_import_profile_skips (CfImportProfile *self,
                         CfField          field,
                         const char      *value)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (field < CF_N_FIELDS, FALSE);
  if (self->skips[field] == NULL || value == NULL)
    return FALSE;
  key = cf_text_header_key (value);
  return g_hash_table_contains (self->skips[field], key);
}

/**
 * cf_import_profile_has_signature:
 *
 * Returns: whether the profile is one provider's, recognised by columns only
 *   its files have; such a profile wins over the general ones
 */
gboolean
cf_import_profile_has_signature (CfImportProfile *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PROFILE (self), FALSE);
  return self->signature->len > 0;
}

/**
 * cf_import_profile_get_encoding:
 *
 * Returns: (nullable): the encoding the profile's files are in (Big5,
 *   windows-1252), or %NULL for what Counterfoil finds: UTF-8, UTF-16, GB18030
 */
const char *
cf_import_profile_get_encoding (CfImportProfile *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PROFILE (self), NULL);
  return self->encoding;
}

/**
 * cf_import_profile_get_headerless_columns:
 *
 * Returns: (transfer none) (nullable): for a file that has no header row
 *   (通联云商通's checkFile), the names of its columns in order, which the
 *   profile's [Columns] name; %NULL when the file has a header
 */
const char * const *
cf_import_profile_get_headerless_columns (CfImportProfile *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PROFILE (self), NULL);
  return (const char * const *) self->headerless;
}

/**
 * cf_import_profile_get_key_with_time:
 *
 * Returns: whether a row's id (an order no.) is shared by the order and its
 *   refunds, so that its time and amount are part of what identifies it
 */
gboolean
cf_import_profile_get_key_with_time (CfImportProfile *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PROFILE (self), FALSE);
  return self->key_with_time;
}

/**
 * cf_import_profile_get_origin:
 *
 * Returns: where the profile was read from: a resource path for a built-in
 *   one, else its file
 */
const char *
cf_import_profile_get_origin (CfImportProfile *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PROFILE (self), NULL);
  return self->origin;
}

/**
 * cf_import_profile_get_text:
 *
 * Returns: the profile as written, comments and all
 */
const char *
cf_import_profile_get_text (CfImportProfile *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PROFILE (self), NULL);
  return self->text;
}

/**
 * cf_import_profile_get_payment_method:
 *
 * Returns: what the file's rows were paid with when a row does not say:
 *   WeChat Pay for its bill, a card for a terminal's journal
 */
CfPaymentMethod
cf_import_profile_get_payment_method (CfImportProfile *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PROFILE (self), CF_PAYMENT_METHOD_CARD);
  return self->payment_method;
}

/**
 * cf_import_profile_get_method_columns:
 *
 * Returns: (transfer none) (nullable): the headers of the columns whose
 *   amount means the row was paid with @method (Square's `Cash`, `Card`)
 */
const char *const *
cf_import_profile_get_method_columns (CfImportProfile *self,
                                      CfPaymentMethod  method)
{
  g_return_val_if_fail (CF_IS_IMPORT_PROFILE (self), NULL);
  g_return_val_if_fail (method <= CF_PAYMENT_METHOD_OTHER, NULL);
  return (const char *const *) self->method_columns[method];
}

/**
 * cf_import_profile_get_reverse_sign:
 *
 * Returns: whether the file writes money going out (refunds) positive and
 *   money coming in negative, as some ledgers do
 */
gboolean
cf_import_profile_get_reverse_sign (CfImportProfile *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PROFILE (self), FALSE);
  return self->reverse_sign;
}

/**
 * cf_import_profile_marks_rows:
 *
 * Returns: whether the profile has note lines or a closing summary block to
 *   look for at the start of a row
 */
gboolean
cf_import_profile_marks_rows (CfImportProfile *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PROFILE (self), FALSE);
  return (self->comment_prefixes != NULL && self->comment_prefixes[0] != NULL) || self->summary_starts->len > 0;
}

/**
 * cf_import_profile_has_skips:
 *
 * Returns: whether rows are skipped by @field's value
 */
gboolean
cf_import_profile_has_skips (CfImportProfile *self,
                             CfField          field)
{
  g_return_val_if_fail (field < CF_N_FIELDS, FALSE);
  return self->skips[field] != NULL;
}

/**
 * cf_import_profile_get_kind:
 *
 * Returns: (nullable): what the profile's files are — `journal` (the
 *   terminal's), `statement` (the acquirer's), `wallet`, `processor` — or
 *   %NULL when a file's columns tell
 */
const char *
cf_import_profile_get_kind (CfImportProfile *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_PROFILE (self), NULL);
  return self->kind;
}
