/* cf-csv-reader.c — RFC 4180 records from a journal, whatever its encoding
 *
 * Terminal software and spreadsheets on Chinese Windows write GB18030 (GBK);
 * newer systems write UTF-8, sometimes with a BOM; Excel's "Unicode text" is
 * UTF-16 with a BOM. Everything is turned into UTF-8 once, then split into
 * records with quoting, embedded delimiters and line breaks handled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-csv-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-csv-reader.h"

G_DEFINE_QUARK (cf-csv-error-quark, cf_csv_error)

struct _CfCsvReader
{
  const char *text;      /* borrowed */
  gsize       len;
  gsize       pos;
  char        delimiter;

  guint       line;            /* next physical line number, from 1 */
  guint       record_line;     /* line the current record starts on */
  gsize       record_start;
  gsize       record_end;

  GString    *buf;             /* field values, NUL separated */
  GArray     *offsets;         /* guint: start of each field in buf */
};

static char *
convert_or_fail (const char  *data,
                 gsize        len,
                 const char  *from,
                 gsize       *utf8_len,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize read = 0;
  char *out;

  out = g_convert (data, (gssize) len, "UTF-8", from, &read, utf8_len, &local_error);
  if (out == NULL)
    {
      g_set_error (error, CF_CSV_ERROR, CF_CSV_ERROR_ENCODING,
                   _("the file is not valid %s at byte %lu"), from, (gulong) read);
      return NULL;
    }
  return out;
}

/* UTF-16 without a BOM shows itself by a zero in every other byte of ASCII text. */
static const char *
sniff_utf16 (const char *data,
             gsize       len)
{
  gsize n = MIN (len, 4096) & ~(gsize) 1;
  guint even_zero = 0;
  guint odd_zero = 0;

  if (n < 4)
    return NULL;
  for (gsize i = 0; i < n; i += 2)
    {
      even_zero += data[i] == '\0';
      odd_zero += data[i + 1] == '\0';
    }
  if (odd_zero > n / 4 && even_zero == 0)
    return "UTF-16LE";
  if (even_zero > n / 4 && odd_zero == 0)
    return "UTF-16BE";
  return NULL;
}

typedef enum
{
  LINE_ASCII,
  LINE_UTF8,     /* valid UTF-8 with characters beyond ASCII */
  LINE_OTHER,    /* not UTF-8: GB18030, or bytes of no encoding */
} LineKind;

static LineKind
classify_line (const char *line,
               gsize       len)
{
  gboolean ascii = TRUE;

  for (gsize i = 0; i < len && ascii; i++)
    ascii = (guchar) line[i] < 0x80;
  if (ascii)
    return LINE_ASCII;
  return g_utf8_validate_len (line, len, NULL) ? LINE_UTF8 : LINE_OTHER;
}

/* One line of a file, as UTF-8: UTF-8 itself, or GB18030 through @gb.
 * Returns whether it was wholly in that encoding; bytes that are not
 * become U+FFFD. */
static gboolean
append_line (GString    *out,
             const char *line,
             gsize       len,
             GIConv      gb)
{
  g_autofree char *converted = NULL;

  if (gb == NULL)
    {
      converted = g_utf8_make_valid (line, (gssize) len);
      g_string_append (out, converted);
      return g_utf8_validate_len (line, len, NULL);
    }
  converted = g_convert_with_iconv (line, (gssize) len, gb, NULL, NULL, NULL);
  g_iconv (gb, NULL, NULL, NULL, NULL);   /* a failed line leaves no state behind */
  if (converted != NULL)
    {
      g_string_append (out, converted);
      return TRUE;
    }
  converted = g_utf8_make_valid (line, (gssize) len);
  g_string_append (out, converted);
  return FALSE;
}

/* Decodes a file line by line in the encoding most of its lines are in
 * (UTF-8 or GB18030): rows pasted in from another export in the other
 * encoding, or bytes of no encoding, are listed in @foreign so that they
 * are refused rather than stored as mojibake, and shown as what they most
 * likely say. */
static GBytes *
decode_by_line (const char  *bytes,
                gsize        len,
                const char **encoding,
                GArray      *foreign)
{
  g_autoptr(GString) out = g_string_sized_new (len + len / 2);
  guint n_utf8 = 0;
  guint n_other = 0;
  guint line_no = 1;
  const char *name;
  GIConv gb;

  for (const char *p = bytes, *end = bytes + len; p < end;)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      gsize line_len = (nl != NULL ? nl : end) - p;
      LineKind kind = classify_line (p, line_len);

      n_utf8 += kind == LINE_UTF8;
      n_other += kind == LINE_OTHER;
      p += line_len + (nl != NULL);
    }
  name = n_utf8 > n_other ? "UTF-8" : "GB18030";

  /* Most GBK files are GB18030 throughout: one conversion, no lines refused. */
  if (n_utf8 == 0)
    {
      gsize utf8_len = 0;
      char *whole = g_convert (bytes, (gssize) len, "UTF-8", "GB18030", NULL, &utf8_len, NULL);

      if (whole != NULL)
        {
          *encoding = name;
          return g_bytes_new_take (whole, utf8_len);
        }
    }

  gb = g_iconv_open ("UTF-8", "GB18030");
  for (const char *p = bytes, *end = bytes + len; p < end; line_no++)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      gsize line_len = (nl != NULL ? nl : end) - p;
      LineKind kind = classify_line (p, line_len);
      gboolean in_encoding;

      /* A line in the other encoding is shown as what it most likely says,
       * and refused. */
      if (kind == LINE_UTF8 && !g_str_equal (name, "UTF-8"))
        {
          append_line (out, p, line_len, NULL);
          in_encoding = FALSE;
        }
      else if (kind == LINE_OTHER && g_str_equal (name, "UTF-8"))
        {
          append_line (out, p, line_len, gb);
          in_encoding = FALSE;
        }
      else
        in_encoding = append_line (out, p, line_len, g_str_equal (name, "UTF-8") ? NULL : gb);
      if (!in_encoding && foreign != NULL)
        g_array_append_val (foreign, line_no);
      if (nl != NULL)
        g_string_append_c (out, '\n');
      p += line_len + (nl != NULL);
    }
  g_iconv_close (gb);
  *encoding = name;
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/**
 * cf_csv_decode:
 * @data: the file's bytes
 * @encoding: (out) (optional) (transfer none): the encoding found
 * @foreign_lines: (nullable) (element-type guint): receives the numbers of
 *   the lines (from 1) that are not in the file's encoding
 *
 * Detects UTF-8 (with or without a BOM), UTF-16 (BOM, or ASCII-heavy without)
 * and GB18030 (which includes GBK and GB2312), in that order. UTF-8 is not
 * copied: the result is a slice of @data without its BOM. A file whose lines
 * are partly UTF-8 and partly GB18030 is read in the encoding most of them
 * use, and the others are listed in @foreign_lines, for their rows to be
 * refused.
 *
 * Returns: (transfer full): the text as UTF-8
 */
GBytes *
cf_csv_decode (GBytes      *data,
               const char **encoding,
               GArray      *foreign_lines,
               GError     **error)
{
  gsize len;
  const char *bytes = g_bytes_get_data (data, &len);
  gsize skip = 0;
  const char *name = NULL;
  const char *found = NULL;
  gsize utf8_len = 0;
  char *out;

  if (bytes == NULL)
    bytes = "";

  if (len >= 3 && memcmp (bytes, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;
  else if (len >= 2 && memcmp (bytes, "\xFF\xFE", 2) == 0)
    {
      name = "UTF-16LE";
      skip = 2;
    }
  else if (len >= 2 && memcmp (bytes, "\xFE\xFF", 2) == 0)
    {
      name = "UTF-16BE";
      skip = 2;
    }
  else
    name = sniff_utf16 (bytes, len);
  bytes += skip;
  len -= skip;

  if (name != NULL)
    {
      /* UTF-16: one encoding for the whole file. */
      out = convert_or_fail (bytes, len, name, &utf8_len, error);
      if (out != NULL && memchr (out, '\0', utf8_len) != NULL)
        {
          g_free (out);
          g_set_error_literal (error, CF_CSV_ERROR, CF_CSV_ERROR_ENCODING,
                               _("the file contains NUL bytes: it is not a text file"));
          return NULL;
        }
      if (out != NULL && encoding != NULL)
        *encoding = name;
      return out != NULL ? g_bytes_new_take (out, utf8_len) : NULL;
    }

  if (memchr (bytes, '\0', len) != NULL)
    {
      g_set_error_literal (error, CF_CSV_ERROR, CF_CSV_ERROR_ENCODING,
                           _("the file contains NUL bytes: it is not a text file"));
      return NULL;
    }
  if (g_utf8_validate_len (bytes, len, NULL))
    {
      if (encoding != NULL)
        *encoding = "UTF-8";
      return g_bytes_new_from_bytes (data, skip, len);
    }

  {
    g_autoptr(GBytes) text = decode_by_line (bytes, len, &found, foreign_lines);

    if (encoding != NULL)
      *encoding = found;
    return g_steal_pointer (&text);
  }
}

/**
 * cf_csv_decode_as:
 * @encoding: what the file is in, as a person or a profile says: `Big5`,
 *   `windows-1252`, `GB18030`…
 *
 * Reads the whole file in @encoding, or fails naming the line whose bytes
 * are not in it: a file read in the wrong encoding is refused, not stored
 * as mojibake.
 *
 * Returns: (transfer full): the text as UTF-8
 */
GBytes *
cf_csv_decode_as (GBytes      *data,
                  const char  *encoding,
                  GError     **error)
{
  gsize len;
  const char *bytes = g_bytes_get_data (data, &len);
  g_autoptr(GError) local_error = NULL;
  gsize read = 0, utf8_len = 0;
  char *out;

  if (bytes == NULL)
    bytes = "";
  /* A BOM says UTF-8 or UTF-16 whatever is asked: it is taken off, and the
   * text must still be in the encoding asked. */
  if (len >= 3 && memcmp (bytes, "\xEF\xBB\xBF", 3) == 0 && g_ascii_strcasecmp (encoding, "UTF-8") == 0)
    {
      bytes += 3;
      len -= 3;
    }
  out = g_convert (bytes, (gssize) len, "UTF-8", encoding, &read, &utf8_len, &local_error);
  if (out == NULL)
    {
      guint line = 1;

      if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
        {
          g_set_error (error, CF_CSV_ERROR, CF_CSV_ERROR_ENCODING, _("“%s” is not an encoding this system knows"),
                       encoding);
          return NULL;
        }
      for (gsize i = 0; i < read && i < len; i++)
        line += bytes[i] == '\n';
      g_set_error (error, CF_CSV_ERROR, CF_CSV_ERROR_ENCODING, _("line %u is not %s (at byte %lu)"), line, encoding,
                   (gulong) read);
      return NULL;
    }
  if (memchr (out, '\0', utf8_len) != NULL)
    {
      g_free (out);
      g_set_error_literal (error, CF_CSV_ERROR, CF_CSV_ERROR_ENCODING,
                           _("the file contains NUL bytes: it is not a text file"));
      return NULL;
    }
  /* What a Windows program writes first in UTF-16 and some others' UTF-8. */
  if (utf8_len >= 3 && memcmp (out, "\xEF\xBB\xBF", 3) == 0)
    {
      memmove (out, out + 3, utf8_len - 3);
      utf8_len -= 3;
    }
  return g_bytes_new_take (out, utf8_len);
}

/**
 * cf_csv_detect_delimiter:
 *
 * Picks comma, tab or semicolon: the one that splits the most of the first
 * lines into the same number of fields, more than one. Quoted text is skipped,
 * and a title or a "商户名称：…" line above the header does not spoil the vote.
 *
 * Returns: the delimiter, ',' when nothing better is found
 */
char
cf_csv_detect_delimiter (const char *text,
                         gsize       len)
{
  static const char candidates[] = { ',', '\t', ';', '|' };
  char best = ',';
  guint best_score = 0;
  gsize sample = MIN (len, 64 * 1024);

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
      guint in_line = 0;
      gboolean quoted = FALSE;
      guint lines = 0;
      GHashTableIter iter;
      gpointer key, value;
      guint score = 0;

      for (gsize i = 0; i < sample && lines < 50; i++)
        {
          char ch = text[i];

          if (ch == '"')
            quoted = !quoted;
          else if (!quoted && ch == candidates[c])
            in_line++;
          else if (!quoted && ch == '\n')
            {
              if (in_line > 0)
                {
                  guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (in_line)));
                  g_hash_table_insert (counts, GUINT_TO_POINTER (in_line), GUINT_TO_POINTER (seen + 1));
                }
              in_line = 0;
              lines++;
            }
        }
      if (in_line > 0)
        {
          guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (in_line)));
          g_hash_table_insert (counts, GUINT_TO_POINTER (in_line), GUINT_TO_POINTER (seen + 1));
        }

      /* Lines that agree on the field count, weighted a little by that count. */
      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          guint n_lines = GPOINTER_TO_UINT (value);
          guint n_delims = GPOINTER_TO_UINT (key);
          guint s = n_lines * 16 + MIN (n_delims, 15);

          if (n_lines >= 1 && s > score)
            score = s;
        }

      if (score > best_score)
        {
          best_score = score;
          best = candidates[c];
        }
    }

  return best;
}

/**
 * cf_csv_reader_new:
 * @text: (transfer none): UTF-8 text that outlives the reader
 *
 * Returns: (transfer full): a reader positioned before the first record
 */
CfCsvReader *
cf_csv_reader_new (const char *text,
                   gsize       len,
                   char        delimiter)
{
  CfCsvReader *self = g_new0 (CfCsvReader, 1);

  self->text = text;
  self->len = len;
  self->delimiter = delimiter;
  self->line = 1;
  self->buf = g_string_sized_new (1024);
  self->offsets = g_array_sized_new (FALSE, FALSE, sizeof (guint), 64);
  return self;
}

void
cf_csv_reader_free (CfCsvReader *self)
{
  if (self == NULL)
    return;
  g_string_free (self->buf, TRUE);
  g_array_unref (self->offsets);
  g_free (self);
}

static void
end_field (CfCsvReader *self)
{
  guint start;

  g_string_append_c (self->buf, '\0');
  start = (guint) self->buf->len;
  g_array_append_val (self->offsets, start);
}

/* After a spreadsheet's `="`: the quoted part, kept with its quotes so that
 * the cell cleaner can unwrap ="000123". Returns whether the quote closed. */
static gboolean
read_formula_text (CfCsvReader *self,
                   gsize       *i)
{
  const char *t = self->text;
  gboolean closed = FALSE;

  g_string_append_c (self->buf, '"');
  while (*i < self->len && !closed)
    {
      if (t[*i] == '"' && *i + 1 < self->len && t[*i + 1] == '"')
        {
          g_string_append_c (self->buf, '"');
          *i += 2;
        }
      else if (t[*i] == '"')
        {
          (*i)++;
          closed = TRUE;
        }
      else
        {
          if (t[*i] == '\n')
            self->line++;
          g_string_append_c (self->buf, t[(*i)++]);
        }
    }
  g_string_append_c (self->buf, '"');
  return closed;
}

/**
 * cf_csv_reader_next:
 *
 * Reads the next record. Returns %FALSE at the end of the text, or with
 * @error set when a quote is never closed.
 */
gboolean
cf_csv_reader_next (CfCsvReader  *self,
                    GError      **error)
{
  const char *t = self->text;
  gsize i = self->pos;
  gboolean quoted = FALSE;
  guint quote_line = 0;
  guint zero = 0;

  if (i >= self->len)
    return FALSE;

  g_string_truncate (self->buf, 0);
  g_array_set_size (self->offsets, 0);
  g_array_append_val (self->offsets, zero);
  self->record_line = self->line;
  self->record_start = i;

  while (i < self->len)
    {
      char ch = t[i];

      if (quoted)
        {
          if (ch == '"')
            {
              if (i + 1 < self->len && t[i + 1] == '"')
                {
                  g_string_append_c (self->buf, '"');
                  i += 2;
                  continue;
                }
              quoted = FALSE;
              i++;
              continue;
            }
          if (ch == '\n')
            self->line++;
          else if (ch == '\r' && !(i + 1 < self->len && t[i + 1] == '\n'))
            self->line++;
          g_string_append_c (self->buf, ch);
          i++;
          continue;
        }

      if (ch == '"')
        {
          /* A quote opens quoting only at the start of a field (or after
           * spreadsheet's "=" prefix); elsewhere it is an ordinary character. */
          guint field_start = g_array_index (self->offsets, guint, self->offsets->len - 1);
          gsize field_len = self->buf->len - field_start;

          if (field_len == 0 || (field_len == 1 && self->buf->str[field_start] == '='))
            {
              quote_line = self->line;
              i++;
              if (field_len == 1)
                quoted = !read_formula_text (self, &i);
              else
                quoted = TRUE;
              continue;
            }
          g_string_append_c (self->buf, ch);
          i++;
          continue;
        }

      if (ch == self->delimiter)
        {
          end_field (self);
          i++;
          continue;
        }

      if (ch == '\r' || ch == '\n')
        {
          self->record_end = i;
          if (ch == '\r' && i + 1 < self->len && t[i + 1] == '\n')
            i++;
          i++;
          self->line++;
          self->pos = i;
          g_string_append_c (self->buf, '\0');
          return TRUE;
        }

      g_string_append_c (self->buf, ch);
      i++;
    }

  if (quoted)
    {
      g_set_error (error, CF_CSV_ERROR, CF_CSV_ERROR_UNTERMINATED_QUOTE,
                   _("line %u: a quoted field is never closed"), quote_line);
      self->pos = self->len;
      return FALSE;
    }

  self->record_end = i;
  self->pos = i;
  g_string_append_c (self->buf, '\0');
  return TRUE;
}

guint
cf_csv_reader_get_n_fields (CfCsvReader *self)
{
  return self->offsets->len;
}

/**
 * cf_csv_reader_get_field:
 *
 * Returns: (transfer none): field @index of the current record, valid until
 *   the next call to cf_csv_reader_next()
 */
const char *
cf_csv_reader_get_field (CfCsvReader *self,
                         guint        index)
{
  g_return_val_if_fail (index < self->offsets->len, NULL);
  return self->buf->str + g_array_index (self->offsets, guint, index);
}

guint
cf_csv_reader_get_line (CfCsvReader *self)
{
  return self->record_line;
}

/**
 * cf_csv_reader_dup_record_text:
 *
 * Returns: (transfer full): the current record as it stands in the file
 */
char *
cf_csv_reader_dup_record_text (CfCsvReader *self)
{
  return g_strndup (self->text + self->record_start, self->record_end - self->record_start);
}

double
cf_csv_reader_get_fraction (CfCsvReader *self)
{
  return self->len == 0 ? 1.0 : (double) self->pos / (double) self->len;
}
