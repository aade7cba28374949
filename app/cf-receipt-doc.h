/* cf-receipt-doc.h — a slip as a character grid: what to print, where, in which style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cf-qr-code.h"
#include "cf-types.h"

G_BEGIN_DECLS

typedef enum
{
  CF_RECEIPT_COPY_MERCHANT,               /*< nick=merchant >*/
  CF_RECEIPT_COPY_CARDHOLDER,             /*< nick=cardholder >*/
  CF_RECEIPT_COPY_BANK,                   /*< nick=bank >*/
} CfReceiptCopy;

typedef enum
{
  CF_RECEIPT_LINE_TEXT,
  CF_RECEIPT_LINE_RULE,
  CF_RECEIPT_LINE_QR,
} CfReceiptLineKind;

typedef enum
{
  CF_RECEIPT_BOLD   = 1 << 0,
  CF_RECEIPT_DOUBLE = 1 << 1,   /* twice as wide and as tall: half the cells */
} CfReceiptStyle;

/**
 * CfReceiptLine:
 * @text: for a text line, the line laid out already: spaces included, every
 *   character at its cell (see cf_receipt_char_cells()); for a QR line, the
 *   payload
 */
typedef struct
{
  CfReceiptLineKind kind;
  guint             style;
  char             *text;
  double            left;     /* points from the page's left edge to the first cell */
  double            top;      /* points from the slip's top */
  double            height;
  CfQrCode         *qr;       /* (nullable): a QR line's code */
} CfReceiptLine;

/**
 * CfDuplicateInfo:
 *
 * What makes a slip a duplicate: its number, when and by whom it was issued,
 * and the code that proves it genuine.
 */
typedef struct
{
  guint       number;
  const char *issued_at;     /* local time, `YYYY-MM-DD HH:MM:SS` */
  const char *issued_by;     /* operator, as shown */
  const char *code;          /* `ABCD-EFGH` */
  const char *chain;         /* (nullable) the audit chain's fingerprint, `A1234-3F9C2B1E` */
} CfDuplicateInfo;

/* The grid's geometry, in points, shared by every renderer so that they
 * agree to the point: a cell is half the font size wide (a CJK character
 * takes two), a double-size line doubles everything. The page is as wide
 * as the roll (58, 76 or 80 mm) and the grid fits what a printer prints on
 * it (about 48, 64 or 72 mm), centred. */
#define CF_RECEIPT_FONT_PT      8.5
#define CF_RECEIPT_CELL_PT      4.25
#define CF_RECEIPT_LINE_PT      11.0
#define CF_RECEIPT_BASELINE_PT  8.5
#define CF_RECEIPT_MARGIN_PT    8.0
#define CF_RECEIPT_QR_MODULE_PT 2.0
#define CF_RECEIPT_BOLD_STROKE_PT 0.35

#define CF_TYPE_RECEIPT_DOC (cf_receipt_doc_get_type ())

G_DECLARE_FINAL_TYPE (CfReceiptDoc, cf_receipt_doc, CF, RECEIPT_DOC, GObject)

guint            cf_receipt_char_cells           (gunichar               c);
guint            cf_receipt_text_cells           (const char            *text);
guint            cf_receipt_columns_for_paper    (guint                  paper_mm);
const char      *cf_receipt_copy_to_nick         (CfReceiptCopy          copy);
gboolean         cf_receipt_copy_from_nick       (const char            *nick,
                                                  CfReceiptCopy         *copy);
CfReceiptDoc    *cf_receipt_doc_new              (CfTransaction         *txn,
                                                  const char            *merchant_name,
                                                  const char            *merchant_no,
                                                  CfReceiptCopy          copy,
                                                  const CfDuplicateInfo *duplicate,
                                                  guint                  columns);
guint            cf_receipt_doc_get_columns      (CfReceiptDoc          *self);
guint            cf_receipt_doc_get_n_lines      (CfReceiptDoc          *self);
const CfReceiptLine *
                 cf_receipt_doc_get_line         (CfReceiptDoc          *self,
                                                  guint                  index);
char            *cf_receipt_doc_to_text          (CfReceiptDoc          *self);
double           cf_receipt_doc_get_width_pt     (CfReceiptDoc          *self);
guint            cf_receipt_paper_for_columns    (guint                  columns);
double           cf_receipt_doc_get_height_pt    (CfReceiptDoc          *self);
void             cf_receipt_doc_foreach_qr_module (CfReceiptDoc         *self,
                                                  const CfReceiptLine   *line,
                                                  CfQrRectFunc           func,
                                                  gpointer               user_data);
double           cf_receipt_line_get_font_pt     (const CfReceiptLine   *line);

/**
 * CfReceiptGlyphFunc:
 * @glyph: one character, UTF-8, not NUL-terminated
 * @x: its cell's left edge, in points from the slip's left
 * @baseline: its baseline, in points from the slip's top
 */
typedef void (*CfReceiptGlyphFunc) (const char *glyph,
                                    gsize       len,
                                    double      x,
                                    double      baseline,
                                    gpointer    user_data);

void             cf_receipt_line_foreach_glyph   (const CfReceiptLine   *line,
                                                  CfReceiptGlyphFunc     func,
                                                  gpointer               user_data);
char            *cf_receipt_doc_dup_characters   (CfReceiptDoc          *self);

G_END_DECLS
