/* cf-import-draft.c — a profile being written for a file Counterfoil does
 * not know
 *
 * The import assistant shows a file's first rows, guesses what each column
 * holds from every profile's names for it and from the values, lets the
 * clerk correct that, and writes the result as a profile in the user's data
 * folder, where `import` and the window find it. Nothing here guesses at
 * amounts: the preview the assistant shows is a real import into memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-import-draft"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cf-card-number.h"
#include "cf-csv-reader.h"
#include "cf-import-draft.h"
#include "cf-money.h"
#include "cf-text.h"

#define HEADER_SEARCH_RECORDS 30

static gboolean
is_word (const char *cell)
{
  for (const char *p = cell; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* The header is the first record with the most cells that are words. */
static guint
guess_header_index (GPtrArray *records)
{
  guint best = 0, best_words = 0;

  for (guint r = 0; r < records->len && r < HEADER_SEARCH_RECORDS; r++)
    {
      char **cells = g_ptr_array_index (records, r);
      guint words = 0;

      for (guint c = 0; cells[c] != NULL; c++)
        words += *cells[c] != '\0' && is_word (cells[c]);
      if (words > best_words)
        {
          best_words = words;
          best = r;
        }
    }
  return best;
}

/**
 * cf_import_draft_new_for_file:
 * @max_records: how many of the file's records to keep for showing
 *
 * Returns: (transfer full): a draft with the file's first records, its
 *   header guessed and no column chosen yet
 */
CfImportDraft *
cf_import_draft_new_for_file (const char       *path,
                              CfImportProfile  *base,
                              guint             max_records,
                              GError          **error)
{
  g_autoptr(CfImportDraft) self = g_new0 (CfImportDraft, 1);

  if (base != NULL)
    self->base = g_object_ref (base);
  else if ((self->base = cf_import_profile_find ("generic", error)) == NULL)
    return NULL;
  self->file = g_strdup (path);
  self->max_records = max_records;
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->date_order = cf_import_profile_get_date_order (self->base);
  self->amount_unit = cf_import_profile_get_amount_unit (self->base);
  self->reverse_sign = cf_import_profile_get_reverse_sign (self->base);
  self->decimal_comma = cf_import_profile_get_decimal_comma (self->base);
  self->method = cf_import_profile_get_payment_method (self->base);
  self->skip_field = CF_N_FIELDS;
  self->currency = g_strdup (cf_import_profile_get_currency (self->base));
  self->time_zone = g_strdup (cf_import_profile_get_time_zone (self->base));
  /* A user's own profile is edited under its name; a built-in one is the
   * start of a new one. */
  if (g_str_has_prefix (cf_import_profile_get_origin (self->base), "/org/counterfoil/"))
    {
      g_autofree char *file_base = g_path_get_basename (path);
      char *dot = strrchr (file_base, '.');

      if (dot != NULL)
        *dot = '\0';
      self->title = g_strdup (file_base);
      self->name = g_strdup ("my-export");
    }
  else
    {
      self->title = g_strdup (cf_import_profile_get_title (self->base));
      self->name = g_strdup (cf_import_profile_get_name (self->base));
    }

  if (!cf_import_draft_read_in (self, cf_import_profile_get_encoding (self->base), error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * cf_import_draft_read_in:
 * @encoding: (nullable): what the file is in, as the clerk chose; %NULL
 *   for what Counterfoil finds (UTF-8, UTF-16, GB18030)
 *
 * Reads the file's first records again in @encoding, and guesses the header
 * anew when the columns changed. A chosen encoding is saved with the profile.
 *
 * Returns: %FALSE with @error set when the file is not in @encoding; the
 *   draft is then as it was
 */
gboolean
cf_import_draft_read_in (CfImportDraft  *self,
                         const char     *encoding,
                         GError        **error)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (self->file, FALSE, error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(CfCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *found = NULL;
  const char *data;
  gsize len;

  if (mapped == NULL)
    return FALSE;
  bytes = g_mapped_file_get_bytes (mapped);
  text = encoding != NULL ? cf_csv_decode_as (bytes, (found = encoding), error) : cf_csv_decode (bytes, &found, NULL, error);
  if (text == NULL)
    return FALSE;

  data = g_bytes_get_data (text, &len);
  reader = cf_csv_reader_new (data != NULL ? data : "", len, cf_csv_detect_delimiter (data != NULL ? data : "", len));
  while (records->len < self->max_records && cf_csv_reader_next (reader, NULL))
    {
      guint n = cf_csv_reader_get_n_fields (reader);
      char **cells = g_new0 (char *, n + 1);
      gboolean blank = TRUE;

      /* What the clerk is shown: a card number in the file is masked here too. */
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *clean = cf_import_profile_strip_cell (self->base, cf_csv_reader_get_field (reader, i));
          cells[i] = cf_card_number_scrub (clean, CF_CARD_SCRUB_ANY, NULL);
          blank &= *cells[i] == '\0';
        }
      if (blank)
        g_strfreev (cells);
      else
        g_ptr_array_add (records, cells);
    }
  if (records->len == 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("%s holds no rows"), self->file);
      return FALSE;
    }
  g_ptr_array_unref (self->records);
  self->records = g_steal_pointer (&records);
  g_free (self->encoding);
  self->encoding = g_strdup (found);
  g_free (self->chosen_encoding);
  self->chosen_encoding = g_strdup (encoding);
  cf_import_draft_set_header_index (self, guess_header_index (self->records));
  return TRUE;
}

void
cf_import_draft_free (CfImportDraft *self)
{
  if (self == NULL)
    return;
  g_free (self->file);
  g_free (self->encoding);
  g_free (self->chosen_encoding);
  g_clear_object (&self->base);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_free (self->fields);
  g_free (self->name);
  g_free (self->title);
  g_free (self->currency);
  g_free (self->time_zone);
  g_free (self->skip_values);
  g_free (self);
}

/**
 * cf_import_draft_get_header:
 *
 * Returns: (transfer none): the header record's cells
 */
const char *const *
cf_import_draft_get_header (CfImportDraft *self)
{
  return g_ptr_array_index (self->records, self->header_index);
}

/**
 * cf_import_draft_set_header_index:
 *
 * Makes record @index the header; every column is left out again.
 */
void
cf_import_draft_set_header_index (CfImportDraft *self,
                                  guint          index)
{
  g_return_if_fail (index < self->records->len);

  self->header_index = index;
  self->n_columns = g_strv_length (g_ptr_array_index (self->records, index));
  g_free (self->fields);
  self->fields = g_new (CfField, MAX (self->n_columns, 1));
  for (guint c = 0; c < self->n_columns; c++)
    self->fields[c] = CF_N_FIELDS;
}

static gboolean
field_taken (CfImportDraft *self,
             CfField        field)
{
  for (guint c = 0; c < self->n_columns; c++)
    if (self->fields[c] == field)
      return TRUE;
  return FALSE;
}

/* A column no profile names: its first value may still say what it is. */
static CfField
guess_from_value (const char *value)
{
  CfTimestamp ts = { 0 };
  gint64 minor;

  if (value == NULL || *value == '\0')
    return CF_N_FIELDS;
  if (cf_timestamp_parse (value, CF_DATE_ORDER_YMD, &ts, NULL))
    return ts.has_time ? CF_FIELD_DATETIME : CF_FIELD_DATE;
  if (strchr (value, '.') != NULL && cf_money_parse (value, &minor, NULL, NULL))
    return CF_FIELD_AMOUNT;
  return CF_N_FIELDS;
}

/**
 * cf_import_draft_guess_fields:
 * @profiles: (element-type CfImportProfile): whose names for each field to try
 *
 * Each column gets the field the best-fitting profile reads it as, then
 * what another profile calls it, then — for a date or an amount — what its
 * first value looks like. A field goes to one column only.
 */
void
cf_import_draft_guess_fields (CfImportDraft *self,
                              GPtrArray     *profiles)
{
  const char *const *header = cf_import_draft_get_header (self);
  const char *const *first = self->header_index + 1 < self->records->len
                             ? g_ptr_array_index (self->records, self->header_index + 1) : NULL;
  g_autofree guint *scores = g_new0 (guint, profiles->len);
  g_autofree guint *order = g_new0 (guint, profiles->len);
  int columns[CF_N_FIELDS];

  for (guint c = 0; c < self->n_columns; c++)
    self->fields[c] = CF_N_FIELDS;

  /* The draft's own profile first, then those that know most of the header. */
  cf_import_profile_match_header (self->base, header, self->n_columns, columns);
  for (guint f = 0; f < CF_N_FIELDS; f++)
    if (columns[f] >= 0 && (guint) columns[f] < self->n_columns)
      self->fields[columns[f]] = (CfField) f;

  for (guint p = 0; p < profiles->len; p++)
    {
      scores[p] = cf_import_profile_match_header (g_ptr_array_index (profiles, p), header, self->n_columns, columns);
      order[p] = p;
      for (guint q = p; q > 0 && scores[order[q]] > scores[order[q - 1]]; q--)
        {
          guint t = order[q];
          order[q] = order[q - 1];
          order[q - 1] = t;
        }
    }

  for (guint i = 0; i < profiles->len; i++)
    {
      cf_import_profile_match_header (g_ptr_array_index (profiles, order[i]), header, self->n_columns, columns);
      for (guint f = 0; f < CF_N_FIELDS; f++)
        if (columns[f] >= 0 && (guint) columns[f] < self->n_columns &&
            self->fields[columns[f]] == CF_N_FIELDS && !field_taken (self, (CfField) f))
          self->fields[columns[f]] = (CfField) f;
    }

  for (guint c = 0; first != NULL && c < self->n_columns && first[c] != NULL; c++)
    {
      CfField f;

      if (self->fields[c] != CF_N_FIELDS)
        continue;
      f = guess_from_value (first[c]);
      if (f != CF_N_FIELDS && !field_taken (self, f))
        self->fields[c] = f;
    }
}

/* The base profile as the start: what the assistant does not show stays;
 * what it does is written afresh. */
static GKeyFile *
key_file_from_base (CfImportDraft *self)
{
  static const char *const replaced[] = {
    "Name", "Title", "DateOrder", "Currency", "TimeZone", "AmountUnit", "AmountSign", "DecimalComma",
    "Method", "Signature",
  };
  GKeyFile *kf = g_key_file_new ();

  if (!g_key_file_load_from_data (kf, cf_import_profile_get_text (self->base), (gsize) -1, G_KEY_FILE_NONE, NULL))
    return kf;
  g_key_file_remove_group (kf, "Columns", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (replaced); i++)
    g_key_file_remove_key (kf, "Profile", replaced[i], NULL);
  return kf;
}

/**
 * cf_import_draft_to_profile_text:
 *
 * The profile reads the chosen columns by their headers, which also form its
 * signature: the files with these columns are read with it from now on.
 * The rest — prefixes, notes, summary blocks, sums, rows skipped, the words
 * for types and entry modes — is the base profile's.
 *
 * Returns: (transfer full): the profile, as a key file
 */
char *
cf_import_draft_to_profile_text (CfImportDraft *self)
{
  g_autoptr(GKeyFile) kf = key_file_from_base (self);
  g_autoptr(GPtrArray) signature = g_ptr_array_new ();
  const char *const *header = cf_import_draft_get_header (self);
  g_autofree char *base = g_path_get_basename (self->file);
  g_autofree char *comment = g_strdup_printf (" Counterfoil import profile, written by the import assistant for %s.\n"
                                              " Edit it freely; `counterfoil profile test FILE` shows how it reads a file.",
                                              base);
  g_autofree char *body = NULL;

  g_key_file_remove_comment (kf, NULL, NULL, NULL);
  g_key_file_set_comment (kf, NULL, NULL, comment, NULL);
  g_key_file_set_string (kf, "Profile", "Name", self->name);
  g_key_file_set_string (kf, "Profile", "Title", self->title);
  if (self->date_order != CF_DATE_ORDER_YMD)
    g_key_file_set_string (kf, "Profile", "DateOrder", self->date_order == CF_DATE_ORDER_DMY ? "dmy" : "mdy");
  if (self->currency != NULL && *self->currency != '\0')
    g_key_file_set_string (kf, "Profile", "Currency", self->currency);
  if (self->time_zone != NULL && *self->time_zone != '\0')
    g_key_file_set_string (kf, "Profile", "TimeZone", self->time_zone);
  if (self->amount_unit != CF_AMOUNT_UNIT_UNKNOWN)
    g_key_file_set_string (kf, "Profile", "AmountUnit", self->amount_unit == CF_AMOUNT_UNIT_MINOR ? "minor" : "major");
  if (self->reverse_sign)
    g_key_file_set_string (kf, "Profile", "AmountSign", "reversed");
  if (self->decimal_comma)
    g_key_file_set_boolean (kf, "Profile", "DecimalComma", TRUE);
  if (self->chosen_encoding != NULL)
    g_key_file_set_string (kf, "Profile", "FileEncoding", self->chosen_encoding);
  else
    g_key_file_remove_key (kf, "Profile", "FileEncoding", NULL);
  if (self->method != CF_PAYMENT_METHOD_CARD)
    g_key_file_set_string (kf, "Profile", "Method", cf_payment_method_to_nick (self->method));

  for (guint c = 0; c < self->n_columns; c++)
    if (self->fields[c] != CF_N_FIELDS && *header[c] != '\0')
      {
        g_key_file_set_string (kf, "Columns", cf_field_get_name (self->fields[c]), header[c]);
        g_ptr_array_add (signature, (gpointer) header[c]);
      }
  if (signature->len > 0)
    g_key_file_set_string_list (kf, "Profile", "Signature", (const char *const *) signature->pdata, signature->len);

  if (self->skip_field != CF_N_FIELDS && self->skip_values != NULL && !cf_text_is_blank (self->skip_values))
    {
      g_auto(GStrv) values = g_strsplit_set (self->skip_values, ";,，；", -1);
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();

      for (guint i = 0; values[i] != NULL; i++)
        if (*g_strstrip (values[i]) != '\0')
          g_ptr_array_add (kept, values[i]);
      if (kept->len > 0)
        g_key_file_set_string_list (kf, "Skip", cf_field_get_name (self->skip_field),
                                    (const char *const *) kept->pdata, kept->len);
    }
  body = g_key_file_to_data (kf, NULL, NULL);
  return g_steal_pointer (&body);
}

static gboolean
name_is_valid (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

/**
 * cf_import_draft_save:
 *
 * Writes the profile to `$XDG_DATA_HOME/counterfoil/import-profiles/NAME.profile`,
 * after reading it back as a profile; a built-in profile's name is refused,
 * so that a draft cannot silently change how every other file is read.
 *
 * Returns: (transfer full): the file written, or %NULL with @error set
 */
char *
cf_import_draft_save (CfImportDraft  *self,
                      GError        **error)
{
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CfImportProfile) check = NULL;
  g_autoptr(CfImportProfile) existing = NULL;

  if (!name_is_valid (self->name))
    {
      g_set_error (error, CF_IMPORT_PROFILE_ERROR, CF_IMPORT_PROFILE_ERROR_INVALID,
                   _("“%s” cannot be a profile's name: use letters, digits, - and _"), self->name);
      return NULL;
    }
  existing = cf_import_profile_find (self->name, NULL);
  if (existing != NULL && g_str_has_prefix (cf_import_profile_get_origin (existing), "/org/counterfoil/"))
    {
      g_set_error (error, CF_IMPORT_PROFILE_ERROR, CF_IMPORT_PROFILE_ERROR_INVALID,
                   _("“%s” is a built-in profile's name; choose another"), self->name);
      return NULL;
    }

  text = cf_import_draft_to_profile_text (self);
  dir = g_build_filename (g_get_user_data_dir (), "counterfoil", "import-profiles", NULL);
  file_name = g_strdup_printf ("%s.profile", self->name);
  path = g_build_filename (dir, file_name, NULL);
  if ((check = cf_import_profile_new_from_data (text, strlen (text), path, error)) == NULL)
    return NULL;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("Cannot create %s: %s"), dir, g_strerror (saved));
      return NULL;
    }
  if (!g_file_set_contents (path, text, -1, error))
    return NULL;
  return g_steal_pointer (&path);
}
