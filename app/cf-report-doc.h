/* cf-report-doc.h — an A4 document of blocks, laid out once into drawing operations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A4 in points; text on a grid of half-em cells of the monospaced slip font,
 * so that every renderer breaks lines at the same places without measuring. */
#define CF_REPORT_PAGE_WIDTH_PT   595.0
#define CF_REPORT_PAGE_HEIGHT_PT  842.0
#define CF_REPORT_MARGIN_PT       56.0
#define CF_REPORT_FONT_PT         10.0
#define CF_REPORT_CELL_PT         5.0
#define CF_REPORT_LINE_PT         15.0
#define CF_REPORT_FILL_GREY       0.6

typedef enum
{
  CF_REPORT_OP_TEXT,   /* text at x, y (baseline), size, bold */
  CF_REPORT_OP_LINE,   /* from x, y to x + width, y + height */
  CF_REPORT_OP_RECT,   /* outline at x, y (top left), width, height */
  CF_REPORT_OP_FILL,   /* grey area at x, y (top left), width, height */
} CfReportOpKind;

typedef struct
{
  CfReportOpKind kind;
  double         x, y, width, height;
  double         size;
  gboolean       bold;
  char          *text;
} CfReportOp;

#define CF_TYPE_REPORT_DOC (cf_report_doc_get_type ())

G_DECLARE_FINAL_TYPE (CfReportDoc, cf_report_doc, CF, REPORT_DOC, GObject)

CfReportDoc      *cf_report_doc_new             (const char   *title);
const char       *cf_report_doc_get_title       (CfReportDoc  *self);
void              cf_report_doc_add_heading     (CfReportDoc  *self,
                                                 const char   *text,
                                                 const char   *subtitle);
void              cf_report_doc_add_paragraph   (CfReportDoc  *self,
                                                 const char   *text);
void              cf_report_doc_add_caption     (CfReportDoc  *self,
                                                 const char   *text);
void              cf_report_doc_add_check_item  (CfReportDoc  *self,
                                                 gboolean      checked,
                                                 const char   *text);
void              cf_report_doc_add_field       (CfReportDoc  *self,
                                                 const char   *label,
                                                 const char   *value);
void              cf_report_doc_add_table       (CfReportDoc  *self,
                                                 const char * const *headers,
                                                 const guint  *widths_mm,
                                                 guint         n_columns,
                                                 GPtrArray    *rows);
void              cf_report_doc_add_signatures  (CfReportDoc  *self,
                                                 const char * const *labels);
void              cf_report_doc_add_space       (CfReportDoc  *self,
                                                 double        points);
void              cf_report_doc_add_bar_chart   (CfReportDoc  *self,
                                                 const char * const *labels,
                                                 const gint64 *values,
                                                 guint         n_bars,
                                                 const char   *caption);
void              cf_report_doc_set_marking     (CfReportDoc  *self,
                                                 const char   *marking);
GBytes           *cf_report_doc_to_bytes        (CfReportDoc  *self);
CfReportDoc      *cf_report_doc_new_from_bytes  (GBytes       *bytes,
                                                 GError      **error);
guint             cf_report_doc_get_n_pages     (CfReportDoc  *self);
GArray           *cf_report_doc_get_page        (CfReportDoc  *self,
                                                 guint         page);
char             *cf_report_doc_dup_characters  (CfReportDoc  *self);
char             *cf_report_doc_to_text         (CfReportDoc  *self);

G_END_DECLS
