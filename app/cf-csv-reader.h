/* cf-csv-reader.h — RFC 4180 records from a journal, whatever its encoding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CF_CSV_ERROR (cf_csv_error_quark ())

typedef enum
{
  CF_CSV_ERROR_ENCODING,
  CF_CSV_ERROR_UNTERMINATED_QUOTE,
} CfCsvError;

typedef struct _CfCsvReader CfCsvReader;

GQuark        cf_csv_error_quark            (void);
GBytes       *cf_csv_decode_as              (GBytes       *data,
                                            const char   *encoding,
                                            GError      **error);
GBytes       *cf_csv_decode                 (GBytes       *data,
                                             const char  **encoding,
                                             GArray       *foreign_lines,
                                             GError      **error);
char          cf_csv_detect_delimiter       (const char   *text,
                                             gsize         len);

CfCsvReader  *cf_csv_reader_new             (const char   *text,
                                             gsize         len,
                                             char          delimiter);
void          cf_csv_reader_free            (CfCsvReader  *self);
gboolean      cf_csv_reader_next            (CfCsvReader  *self,
                                             GError      **error);
guint         cf_csv_reader_get_n_fields    (CfCsvReader  *self);
const char   *cf_csv_reader_get_field       (CfCsvReader  *self,
                                             guint         index);
guint         cf_csv_reader_get_line        (CfCsvReader  *self);
char         *cf_csv_reader_dup_record_text (CfCsvReader  *self);
double        cf_csv_reader_get_fraction    (CfCsvReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfCsvReader, cf_csv_reader_free)

G_END_DECLS
