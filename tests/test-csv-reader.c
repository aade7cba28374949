/* test-csv-reader.c — RFC 4180 records, delimiters and encodings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cf-csv-reader.h"
#include "cf-text.h"

static GPtrArray *
read_all (const char *text,
          char        delimiter,
          GArray     *lines)
{
  g_autoptr(CfCsvReader) reader = cf_csv_reader_new (text, strlen (text), delimiter);
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;

  while (cf_csv_reader_next (reader, &error))
    {
      guint n = cf_csv_reader_get_n_fields (reader);
      char **fields = g_new0 (char *, n + 1);
      guint line = cf_csv_reader_get_line (reader);

      for (guint i = 0; i < n; i++)
        fields[i] = g_strdup (cf_csv_reader_get_field (reader, i));
      g_ptr_array_add (records, fields);
      if (lines != NULL)
        g_array_append_val (lines, line);
    }
  g_assert_no_error (error);
  return records;
}

static void
assert_fields (GPtrArray   *records,
               guint        index,
               const char *const *expected)
{
  char **fields = g_ptr_array_index (records, index);

  g_assert_cmpstrv (fields, expected);
}

static void
test_quoting (void)
{
  const char *text =
    "a,b,c\r\n"
    "\"x, with comma\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n"
    "plain,,end\n"
    "=\"000123\",'0042,\ttabbed\n"
    "last,line,no newline";
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) records = read_all (text, ',', lines);
  const char *r0[] = { "a", "b", "c", NULL };
  const char *r1[] = { "x, with comma", "say \"hi\"", "two\r\nlines", NULL };
  const char *r2[] = { "plain", "", "end", NULL };
  const char *r3[] = { "=\"000123\"", "'0042", "\ttabbed", NULL };
  const char *r4[] = { "last", "line", "no newline", NULL };

  g_assert_cmpuint (records->len, ==, 5);
  assert_fields (records, 0, r0);
  assert_fields (records, 1, r1);
  assert_fields (records, 2, r2);
  assert_fields (records, 3, r3);
  assert_fields (records, 4, r4);

  /* Line numbers are where each record starts, counting the embedded line break. */
  g_assert_cmpuint (g_array_index (lines, guint, 1), ==, 2);
  g_assert_cmpuint (g_array_index (lines, guint, 2), ==, 4);
  g_assert_cmpuint (g_array_index (lines, guint, 4), ==, 6);
}

static void
test_excel_artefacts_cleaned (void)
{
  g_autofree char *a = cf_text_clean_cell ("=\"000123\"");
  g_autofree char *b = cf_text_clean_cell ("'0042");
  g_autofree char *c = cf_text_clean_cell ("\t10450001 ");
  g_autofree char *d = cf_text_clean_cell ("\u3000望京\u3000");
  g_autofree char *key = cf_text_header_key (" 交易金额（元） ");
  g_autofree char *key2 = cf_text_header_key ("Trace No.");

  g_assert_cmpstr (a, ==, "000123");
  g_assert_cmpstr (b, ==, "0042");
  g_assert_cmpstr (c, ==, "10450001");
  g_assert_cmpstr (d, ==, "望京");
  g_assert_cmpstr (key, ==, "交易金额");
  g_assert_cmpstr (key2, ==, "traceno");
}

static void
test_unterminated_quote (void)
{
  const char *text = "a,b\n\"open,2\n3,4\n";
  g_autoptr(CfCsvReader) reader = cf_csv_reader_new (text, strlen (text), ',');
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_csv_reader_next (reader, &error));
  g_assert_false (cf_csv_reader_next (reader, &error));
  g_assert_error (error, CF_CSV_ERROR, CF_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_nonnull (strstr (error->message, "line 2"));
}

static void
test_delimiter (void)
{
  const char *comma = "title line\n商户名称：测试\na,b,c,d\n1,2,3,4\n5,6,7,8\n";
  const char *tab = "a\tb\tc\n1\t2,5\t3\n4\t5\t6\n";
  const char *semicolon = "Date;Amount;Note\n2026-11-28;5,00;x\n2026-11-28;6,00;y, z\n";
  const char *quoted = "\"a;b\",c,d\n\"1;2\",3,4\n";

  g_assert_cmpint (cf_csv_detect_delimiter (comma, strlen (comma)), ==, ',');
  g_assert_cmpint (cf_csv_detect_delimiter (tab, strlen (tab)), ==, '\t');
  g_assert_cmpint (cf_csv_detect_delimiter (semicolon, strlen (semicolon)), ==, ';');
  g_assert_cmpint (cf_csv_detect_delimiter (quoted, strlen (quoted)), ==, ',');
}

static void
check_decode (const char *bytes,
              gsize       len,
              const char *expected_text,
              const char *expected_encoding)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) in = g_bytes_new (bytes, len);
  const char *encoding = NULL;
  g_autoptr(GBytes) out = cf_csv_decode (in, &encoding, NULL, &error);
  gsize out_len = 0;
  const char *text;

  g_assert_no_error (error);
  text = g_bytes_get_data (out, &out_len);
  g_assert_cmpmem (text, out_len, expected_text, strlen (expected_text));
  g_assert_cmpstr (encoding, ==, expected_encoding);
}

static void
test_encodings (void)
{
  const char *utf8 = "交易日期,金额\n";
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", utf8, NULL);
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, NULL, NULL);
  gsize u16_len = 0;
  g_autofree char *u16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &u16_len, NULL);
  g_autofree char *u16_bom = g_malloc (u16_len + 2);
  gsize u16be_len = 0;
  g_autofree char *u16be = g_convert ("date,amount\n", -1, "UTF-16BE", "UTF-8", NULL, &u16be_len, NULL);

  memcpy (u16_bom, "\xFF\xFE", 2);
  memcpy (u16_bom + 2, u16, u16_len);

  check_decode (utf8, strlen (utf8), utf8, "UTF-8");
  check_decode (bom, strlen (bom), utf8, "UTF-8");
  check_decode (gb, strlen (gb), utf8, "GB18030");
  check_decode (u16_bom, u16_len + 2, utf8, "UTF-16LE");
  check_decode (u16be, u16be_len, "date,amount\n", "UTF-16BE");
}

/* Bytes of no encoding: the text is still read (as U+FFFD), and the line
 * is named for its row to be refused; a NUL is no text at all. */
static void
test_encoding_rejected (void)
{
  const char bytes[] = "a,b\nok,\x81\x20\xff\xfe,x\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) in = g_bytes_new (bytes, sizeof bytes - 1);
  g_autoptr(GArray) foreign = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GBytes) out = cf_csv_decode (in, NULL, foreign, &error);
  g_autoptr(GBytes) binary = g_bytes_new ("a,b\n\0\1\2", 7);
  g_autoptr(GBytes) none = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (out);
  g_assert_true (g_utf8_validate (g_bytes_get_data (out, NULL), (gssize) g_bytes_get_size (out), NULL));
  g_assert_cmpuint (foreign->len, ==, 1);
  g_assert_cmpuint (g_array_index (foreign, guint, 0), ==, 2);

  none = cf_csv_decode (binary, NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, CF_CSV_ERROR, CF_CSV_ERROR_ENCODING);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/excel-artefacts", test_excel_artefacts_cleaned);
  g_test_add_func ("/csv/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/csv/delimiter", test_delimiter);
  g_test_add_func ("/csv/encodings", test_encodings);
  g_test_add_func ("/csv/encoding-rejected", test_encoding_rejected);

  return g_test_run ();
}
