/* fuzz-csv-reader.c — decoding and splitting any bytes as a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "cf-csv-reader.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GBytes) text = NULL;
  g_autoptr(CfCsvReader) reader = NULL;
  const char *encoding = NULL;
  const char *utf8;
  gsize len;
  char delimiter;

  text = cf_csv_decode (bytes, &encoding, NULL, NULL);
  if (text == NULL)
    return 0;
  utf8 = g_bytes_get_data (text, &len);
  delimiter = cf_csv_detect_delimiter (utf8, len);
  reader = cf_csv_reader_new (utf8, len, delimiter);
  for (guint records = 0; records < 100000 && cf_csv_reader_next (reader, NULL); records++)
    {
      g_autofree char *record = cf_csv_reader_dup_record_text (reader);

      for (guint i = 0; i < cf_csv_reader_get_n_fields (reader); i++)
        g_assert_nonnull (cf_csv_reader_get_field (reader, i));
      g_assert_true (g_utf8_validate (record, -1, NULL));
      (void) cf_csv_reader_get_fraction (reader);
    }
  return 0;
}
