/* cf-report-doc.c — an A4 document of blocks, laid out once into drawing operations
 *
 * Headings, paragraphs, label–value fields, tables with widths in
 * millimetres (rows never split; the header repeats on a new page),
 * signature and stamp boxes. Layout happens here, on the cell grid of the
 * monospaced font (a Chinese character two cells, anything else one), and
 * yields per page a list of operations — text at a baseline, lines, boxes —
 * that the PDF writer and the Cairo painter draw as they are. A page number
 * closes every page. The operations can be kept as bytes and drawn again
 * later exactly as they were — a signed report does not follow later edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-report-doc"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "cf-receipt-doc.h"
#include "cf-report-doc.h"

#define CONTENT_WIDTH_PT (CF_REPORT_PAGE_WIDTH_PT - 2 * CF_REPORT_MARGIN_PT)
#define BOTTOM_PT        (CF_REPORT_PAGE_HEIGHT_PT - CF_REPORT_MARGIN_PT - CF_REPORT_LINE_PT)
#define MM_TO_PT         (72.0 / 25.4)

struct _CfReportDoc
{
  GObject    parent_instance;

  char      *title;
  char      *marking;   /* DRAFT and the like, on every page */
  GPtrArray *pages;     /* GArray of CfReportOp */
  double     y;         /* next line's top on the current page */
  gboolean   finished;  /* footers added: nothing more can be added */
};

G_DEFINE_FINAL_TYPE (CfReportDoc, cf_report_doc, G_TYPE_OBJECT)

static void
op_clear (gpointer data)
{
  g_free (((CfReportOp *) data)->text);
}

static GArray *
new_page_ops (void)
{
  GArray *ops = g_array_new (FALSE, TRUE, sizeof (CfReportOp));

  g_array_set_clear_func (ops, op_clear);
  return ops;
}

static void
cf_report_doc_finalize (GObject *object)
{
  CfReportDoc *self = (CfReportDoc *) object;

  g_ptr_array_unref (self->pages);
  g_free (self->title);
  g_free (self->marking);

  G_OBJECT_CLASS (cf_report_doc_parent_class)->finalize (object);
}

static void
cf_report_doc_class_init (CfReportDocClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_report_doc_finalize;
}

static void
cf_report_doc_init (CfReportDoc *self)
{
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

static GArray *
current (CfReportDoc *self)
{
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

static void
add_text_op (CfReportDoc *self,
             double       x,
             double       baseline,
             double       size,
             gboolean     bold,
             const char  *text)
{
  CfReportOp op = { CF_REPORT_OP_TEXT, x, baseline, 0, 0, size, bold, g_strdup (text) };

  g_array_append_val (current (self), op);
}

static void
add_shape_op (CfReportDoc    *self,
              CfReportOpKind  kind,
              double          x,
              double          y,
              double          width,
              double          height)
{
  CfReportOp op = { kind, x, y, width, height, 0, FALSE, NULL };

  g_array_append_val (current (self), op);
}

static void
start_page (CfReportDoc *self)
{
  g_ptr_array_add (self->pages, new_page_ops ());
  self->y = CF_REPORT_MARGIN_PT;
}

/* Moves to a new page when @height does not fit on this one. */
static void
need (CfReportDoc *self,
      double       height)
{
  if (self->y + height > BOTTOM_PT)
    start_page (self);
}

static guint
cells_for (double points,
           double size)
{
  return (guint) (points / (CF_REPORT_CELL_PT * size / CF_REPORT_FONT_PT));
}

/* Breaks @text into lines of at most @cells cells, between words where it can. */
static GPtrArray *
wrap_cells (const char *text,
            guint       cells)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) paragraphs = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint p = 0; paragraphs[p] != NULL; p++)
    {
      GString *line = g_string_new (NULL);
      guint used = 0;
      gssize last_space = -1;

      for (const char *c = paragraphs[p]; *c != '\0'; c = g_utf8_next_char (c))
        {
          gunichar ch = g_utf8_get_char (c);
          guint w = cf_receipt_char_cells (ch);

          if (used + w > cells)
            {
              if (ch != ' ' && w == 1 && last_space > 0)
                {
                  g_autofree char *rest = g_strdup (line->str + last_space + 1);
                  g_string_truncate (line, (gsize) last_space);
                  g_ptr_array_add (lines, g_string_free (line, FALSE));
                  line = g_string_new (rest);
                  used = cf_receipt_text_cells (rest);
                }
              else
                {
                  g_ptr_array_add (lines, g_string_free (line, FALSE));
                  line = g_string_new (NULL);
                  used = 0;
                }
              last_space = -1;
              if (ch == ' ')
                continue;
            }
          if (ch == ' ')
            last_space = (gssize) line->len;
          g_string_append_unichar (line, ch);
          used += w;
        }
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  return lines;
}

/**
 * cf_report_doc_get_title:
 *
 * Returns: the title printed in every page's footer
 */
const char *
cf_report_doc_get_title (CfReportDoc *self)
{
  g_return_val_if_fail (CF_IS_REPORT_DOC (self), NULL);
  return self->title;
}

/**
 * cf_report_doc_new:
 *
 * Returns: (transfer full): an empty document; @title is printed in every page's footer
 */
CfReportDoc *
cf_report_doc_new (const char *title)
{
  CfReportDoc *self = g_object_new (CF_TYPE_REPORT_DOC, NULL);

  self->title = g_strdup (title);
  start_page (self);
  return self;
}

void
cf_report_doc_add_heading (CfReportDoc *self,
                           const char  *text,
                           const char  *subtitle)
{
  double size = 1.6 * CF_REPORT_FONT_PT;
  double width = cf_receipt_text_cells (text) * CF_REPORT_CELL_PT * 1.6;

  need (self, 2.5 * CF_REPORT_LINE_PT);
  self->y += 1.8 * CF_REPORT_LINE_PT;
  add_text_op (self, (CF_REPORT_PAGE_WIDTH_PT - width) / 2, self->y - 0.3 * CF_REPORT_LINE_PT, size, TRUE, text);
  if (subtitle != NULL)
    {
      double sub_width = cf_receipt_text_cells (subtitle) * CF_REPORT_CELL_PT;

      self->y += CF_REPORT_LINE_PT;
      add_text_op (self, (CF_REPORT_PAGE_WIDTH_PT - sub_width) / 2, self->y - 4, CF_REPORT_FONT_PT, FALSE, subtitle);
    }
  self->y += 0.8 * CF_REPORT_LINE_PT;
}

void
cf_report_doc_add_paragraph (CfReportDoc *self,
                             const char  *text)
{
  g_autoptr(GPtrArray) lines = wrap_cells (text, cells_for (CONTENT_WIDTH_PT, CF_REPORT_FONT_PT));

  for (guint i = 0; i < lines->len; i++)
    {
      need (self, CF_REPORT_LINE_PT);
      self->y += CF_REPORT_LINE_PT;
      add_text_op (self, CF_REPORT_MARGIN_PT, self->y - 4, CF_REPORT_FONT_PT, FALSE, g_ptr_array_index (lines, i));
    }
  self->y += CF_REPORT_LINE_PT / 2;
}

/**
 * cf_report_doc_add_caption:
 *
 * A paragraph that stays on the page of the table after it: it starts a
 * new page unless the table's header and first row fit below it.
 */
void
cf_report_doc_add_caption (CfReportDoc *self,
                           const char  *text)
{
  need (self, CF_REPORT_LINE_PT * 6);
  cf_report_doc_add_paragraph (self, text);
}

/**
 * cf_report_doc_add_check_item:
 * @checked: whether the box is ticked
 *
 * A line of a checklist: a box drawn (not a glyph a font may lack), ticked
 * or empty, then @text.
 */
void
cf_report_doc_add_check_item (CfReportDoc *self,
                              gboolean     checked,
                              const char  *text)
{
  const double box = 8.0;
  const double indent = box + 6.0;
  g_autoptr(GPtrArray) lines = wrap_cells (text, cells_for (CONTENT_WIDTH_PT - indent, CF_REPORT_FONT_PT));

  for (guint i = 0; i < lines->len; i++)
    {
      need (self, CF_REPORT_LINE_PT);
      self->y += CF_REPORT_LINE_PT;
      if (i == 0)
        {
          double top = self->y - 4 - box + 1;

          add_shape_op (self, CF_REPORT_OP_RECT, CF_REPORT_MARGIN_PT, top, box, box);
          if (checked)
            {
              /* A tick: down to the bottom third, then up past the box's corner. */
              add_shape_op (self, CF_REPORT_OP_LINE, CF_REPORT_MARGIN_PT + 1.5, top + box * 0.5, box * 0.3, box * 0.35);
              add_shape_op (self, CF_REPORT_OP_LINE, CF_REPORT_MARGIN_PT + 1.5 + box * 0.3, top + box * 0.85,
                            box * 0.6, -box * 0.85);
            }
        }
      add_text_op (self, CF_REPORT_MARGIN_PT + indent, self->y - 4, CF_REPORT_FONT_PT, FALSE,
                   g_ptr_array_index (lines, i));
    }
}

/* "label   value", the value wrapped in its own column. */
void
cf_report_doc_add_field (CfReportDoc *self,
                         const char  *label,
                         const char  *value)
{
  const double label_pt = 150;
  g_autoptr(GPtrArray) lines = wrap_cells (value, cells_for (CONTENT_WIDTH_PT - label_pt, CF_REPORT_FONT_PT));

  if (value == NULL || *value == '\0')
    return;
  for (guint i = 0; i < lines->len; i++)
    {
      need (self, CF_REPORT_LINE_PT);
      self->y += CF_REPORT_LINE_PT;
      if (i == 0)
        add_text_op (self, CF_REPORT_MARGIN_PT, self->y - 4, CF_REPORT_FONT_PT, TRUE, label);
      add_text_op (self, CF_REPORT_MARGIN_PT + label_pt, self->y - 4, CF_REPORT_FONT_PT, FALSE, g_ptr_array_index (lines, i));
    }
}

/* "¥1,234.56", "-88.50", "CNY 12.00": a cell that is an amount. */
static gboolean
is_amount (const char *text)
{
  static GRegex *amount;

  if (g_once_init_enter (&amount))
    g_once_init_leave (&amount, g_regex_new ("^-?(?:[A-Z]{3} ?|[¥￥$€£])?-?[0-9][0-9,]*\\.[0-9]{2}$", G_REGEX_OPTIMIZE,
                                             0, NULL));
  return g_regex_match (amount, text, 0, NULL);
}

static void
table_row (CfReportDoc        *self,
           const char * const *cells,
           const double       *widths,
           guint               n_columns,
           gboolean            bold)
{
  GPtrArray *wrapped[16];
  guint height_lines = 1;
  double x = CF_REPORT_MARGIN_PT;
  double top;
  double height;

  for (guint c = 0; c < n_columns; c++)
    {
      wrapped[c] = wrap_cells (cells[c], MAX (1, cells_for (widths[c] - 6, CF_REPORT_FONT_PT)));
      height_lines = MAX (height_lines, wrapped[c]->len);
    }
  height = height_lines * CF_REPORT_LINE_PT + 4;
  need (self, height);
  top = self->y;
  for (guint c = 0; c < n_columns; c++)
    {
      for (guint l = 0; l < wrapped[c]->len; l++)
        {
          const char *text = g_ptr_array_index (wrapped[c], l);
          /* Amounts line up on their last digit, as in a ledger. */
          double left = !bold && is_amount (text)
                        ? x + widths[c] - 3 - cf_receipt_text_cells (text) * CF_REPORT_CELL_PT
                        : x + 3;

          add_text_op (self, left, top + (l + 1) * CF_REPORT_LINE_PT - 2, CF_REPORT_FONT_PT, bold, text);
        }
      add_shape_op (self, CF_REPORT_OP_RECT, x, top, widths[c], height);
      x += widths[c];
      g_ptr_array_unref (wrapped[c]);
    }
  self->y = top + height;
}

/**
 * cf_report_doc_add_table:
 * @widths_mm: (array length=n_columns): each column's width
 * @rows: (element-type GStrv): the rows' cells
 *
 * A table that continues on the next page with its header again; a row is
 * never split between pages.
 */
void
cf_report_doc_add_table (CfReportDoc        *self,
                         const char * const *headers,
                         const guint        *widths_mm,
                         guint               n_columns,
                         GPtrArray          *rows)
{
  double widths[16];

  g_return_if_fail (n_columns > 0 && n_columns <= 16);
  for (guint c = 0; c < n_columns; c++)
    widths[c] = widths_mm[c] * MM_TO_PT;

  need (self, 3 * CF_REPORT_LINE_PT);
  table_row (self, headers, widths, n_columns, TRUE);
  for (guint r = 0; r < rows->len; r++)
    {
      guint pages = self->pages->len;

      need (self, CF_REPORT_LINE_PT + 4);
      if (self->pages->len != pages)
        table_row (self, headers, widths, n_columns, TRUE);
      table_row (self, g_ptr_array_index (rows, r), widths, n_columns, FALSE);
    }
  self->y += CF_REPORT_LINE_PT;
}

/* Boxes side by side to sign or stamp in, each with its label above. */
void
cf_report_doc_add_signatures (CfReportDoc        *self,
                              const char * const *labels)
{
  guint n = g_strv_length ((char **) labels);
  double gap = 12;
  double width = (CONTENT_WIDTH_PT - (n - 1) * gap) / MAX (n, 1);
  double box = 70;

  need (self, box + 2 * CF_REPORT_LINE_PT);
  self->y += CF_REPORT_LINE_PT;
  for (guint i = 0; i < n; i++)
    {
      double x = CF_REPORT_MARGIN_PT + i * (width + gap);

      add_text_op (self, x, self->y - 4, CF_REPORT_FONT_PT, TRUE, labels[i]);
      add_shape_op (self, CF_REPORT_OP_RECT, x, self->y + 4, width, box);
    }
  self->y += box + CF_REPORT_LINE_PT;
}

void
cf_report_doc_add_space (CfReportDoc *self,
                         double       points)
{
  self->y += points;
}

/**
 * cf_report_doc_add_bar_chart:
 * @labels: (array length=n_bars): under each bar
 * @values: (array length=n_bars): the bars' heights, in any unit; negative as zero
 * @caption: (nullable): above the chart
 *
 * Bars side by side across the page, each with its value above it in
 * @values' own unit divided by 100 (minor units shown as whole yuan).
 */
void
cf_report_doc_add_bar_chart (CfReportDoc        *self,
                             const char * const *labels,
                             const gint64       *values,
                             guint               n_bars,
                             const char         *caption)
{
  const double chart_pt = 110;
  double slot = CONTENT_WIDTH_PT / MAX (n_bars, 1);
  gint64 highest = 0;
  double base;

  for (guint i = 0; i < n_bars; i++)
    highest = MAX (highest, values[i]);
  need (self, chart_pt + 4 * CF_REPORT_LINE_PT);
  if (caption != NULL)
    {
      self->y += CF_REPORT_LINE_PT;
      add_text_op (self, CF_REPORT_MARGIN_PT, self->y - 4, CF_REPORT_FONT_PT, TRUE, caption);
    }
  self->y += CF_REPORT_LINE_PT;
  base = self->y + chart_pt;
  add_shape_op (self, CF_REPORT_OP_LINE, CF_REPORT_MARGIN_PT, base, CONTENT_WIDTH_PT, 0);
  for (guint i = 0; i < n_bars; i++)
    {
      double x = CF_REPORT_MARGIN_PT + i * slot;
      double height = highest > 0 ? chart_pt * MAX (values[i], 0) / (double) highest : 0;
      double small = 0.7 * CF_REPORT_FONT_PT;

      if (height > 0)
        {
          g_autofree char *figure = g_strdup_printf ("%" G_GINT64_FORMAT, values[i] / 100);
          double width = cf_receipt_text_cells (figure) * CF_REPORT_CELL_PT * 0.7;

          add_shape_op (self, CF_REPORT_OP_FILL, x + slot * 0.15, base - height, slot * 0.7, height);
          if (slot >= width)
            add_text_op (self, x + (slot - width) / 2, base - height - 2, small, FALSE, figure);
        }
      add_text_op (self, x + (slot - cf_receipt_text_cells (labels[i]) * CF_REPORT_CELL_PT * 0.7) / 2,
                   base + small + 2, small, FALSE, labels[i]);
    }
  self->y = base + 2 * CF_REPORT_LINE_PT;
}

/**
 * cf_report_doc_set_marking:
 * @marking: (nullable): e.g. "草稿 DRAFT", shown large at the top of every page
 */
void
cf_report_doc_set_marking (CfReportDoc *self,
                           const char  *marking)
{
  g_return_if_fail (CF_IS_REPORT_DOC (self) && !self->finished);
  g_free (self->marking);
  self->marking = g_strdup (marking);
}

static void
add_footers (CfReportDoc *self)
{
  for (guint p = 0; p < self->pages->len; p++)
    {
      GArray *ops = g_ptr_array_index (self->pages, p);
      g_autofree char *footer = g_strdup_printf ("%s%s%s    %u / %u", self->title != NULL ? self->title : "",
                                                 self->marking != NULL ? "    " : "",
                                                 self->marking != NULL ? self->marking : "",
                                                 p + 1, self->pages->len);

      CfReportOp line = { CF_REPORT_OP_LINE, CF_REPORT_MARGIN_PT, CF_REPORT_PAGE_HEIGHT_PT - CF_REPORT_MARGIN_PT + 6,
                          CONTENT_WIDTH_PT, 0, 0, FALSE, NULL };
      CfReportOp text = { CF_REPORT_OP_TEXT, CF_REPORT_MARGIN_PT, CF_REPORT_PAGE_HEIGHT_PT - CF_REPORT_MARGIN_PT + 20,
                          0, 0, 0.8 * CF_REPORT_FONT_PT, FALSE, g_steal_pointer (&footer) };

      g_array_append_val (ops, line);
      g_array_append_val (ops, text);
      if (self->marking != NULL)
        {
          double size = 1.4 * CF_REPORT_FONT_PT;
          double width = cf_receipt_text_cells (self->marking) * CF_REPORT_CELL_PT * 1.4;
          CfReportOp mark = { CF_REPORT_OP_TEXT, CF_REPORT_PAGE_WIDTH_PT - CF_REPORT_MARGIN_PT - width,
                              CF_REPORT_MARGIN_PT - 18, 0, 0, size, TRUE, g_strdup (self->marking) };
          CfReportOp box = { CF_REPORT_OP_RECT, mark.x - 4, mark.y - size - 1, width + 8, size + 6, 0, FALSE, NULL };

          g_array_append_val (ops, mark);
          g_array_append_val (ops, box);
        }
    }
}

/**
 * cf_report_doc_get_n_pages:
 *
 * Finishes the layout (page footers) on first call.
 */
guint
cf_report_doc_get_n_pages (CfReportDoc *self)
{
  g_return_val_if_fail (CF_IS_REPORT_DOC (self), 0);
  if (!self->finished)
    {
      add_footers (self);
      self->finished = TRUE;
    }
  return self->pages->len;
}

#define OPS_FORMAT "(uddddd" "bs)"
#define DOC_FORMAT "(saa" OPS_FORMAT ")"

/**
 * cf_report_doc_to_bytes:
 *
 * Returns: (transfer full): the finished pages, to keep and draw again with
 *   cf_report_doc_new_from_bytes(); the same document gives the same bytes
 */
GBytes *
cf_report_doc_to_bytes (CfReportDoc *self)
{
  g_autoptr(GVariantBuilder) pages = g_variant_builder_new (G_VARIANT_TYPE ("aa" OPS_FORMAT));
  guint n = cf_report_doc_get_n_pages (self);
  g_autoptr(GVariant) doc = NULL;

  for (guint p = 0; p < n; p++)
    {
      GArray *ops = g_ptr_array_index (self->pages, p);

      g_variant_builder_open (pages, G_VARIANT_TYPE ("a" OPS_FORMAT));
      for (guint i = 0; i < ops->len; i++)
        {
          const CfReportOp *op = &g_array_index (ops, CfReportOp, i);

          g_variant_builder_add (pages, OPS_FORMAT, (guint32) op->kind, op->x, op->y, op->width, op->height,
                                 op->size, op->bold, op->text != NULL ? op->text : "");
        }
      g_variant_builder_close (pages);
    }
  doc = g_variant_ref_sink (g_variant_new ("(s@aa" OPS_FORMAT ")", self->title != NULL ? self->title : "",
                                           g_variant_builder_end (pages)));
  if (G_BYTE_ORDER != G_LITTLE_ENDIAN)
    {
      GVariant *swapped = g_variant_byteswap (doc);

      g_variant_unref (doc);
      doc = swapped;
    }
  return g_variant_get_data_as_bytes (doc);
}

/**
 * cf_report_doc_new_from_bytes:
 *
 * Returns: (transfer full) (nullable): the document kept by
 *   cf_report_doc_to_bytes(), finished; %NULL with @error set when @bytes are
 *   not one
 */
CfReportDoc *
cf_report_doc_new_from_bytes (GBytes  *bytes,
                              GError **error)
{
  g_autoptr(GVariant) doc = g_variant_new_from_bytes (G_VARIANT_TYPE (DOC_FORMAT), bytes, FALSE);
  g_autoptr(GVariant) normal = NULL;
  g_autoptr(GVariantIter) pages = NULL;
  g_autoptr(CfReportDoc) self = NULL;
  GVariantIter *ops;
  const char *title;

  if (G_BYTE_ORDER != G_LITTLE_ENDIAN)
    normal = g_variant_byteswap (doc);
  else
    normal = g_variant_ref (doc);
  if (!g_variant_is_normal_form (normal))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The stored report is damaged");
      return NULL;
    }

  self = g_object_new (CF_TYPE_REPORT_DOC, NULL);
  g_variant_get (normal, "(&saa" OPS_FORMAT ")", &title, &pages);
  self->title = g_strdup (title);
  while (g_variant_iter_next (pages, "a" OPS_FORMAT, &ops))
    {
      guint32 kind;
      CfReportOp op = { 0 };
      const char *text;

      g_ptr_array_add (self->pages, new_page_ops ());
      while (g_variant_iter_next (ops, "(udddddb&s)", &kind, &op.x, &op.y, &op.width, &op.height,
                                  &op.size, &op.bold, &text))
        {
          CfReportOp copy = op;

          copy.kind = kind <= CF_REPORT_OP_FILL ? (CfReportOpKind) kind : CF_REPORT_OP_LINE;
          copy.text = copy.kind == CF_REPORT_OP_TEXT ? g_strdup (text) : NULL;
          g_array_append_val (current (self), copy);
        }
      g_variant_iter_free (ops);
    }
  self->finished = TRUE;
  return g_steal_pointer (&self);
}

/**
 * cf_report_doc_get_page:
 *
 * Returns: (transfer none) (element-type CfReportOp): what to draw on @page
 */
GArray *
cf_report_doc_get_page (CfReportDoc *self,
                        guint        page)
{
  g_return_val_if_fail (page < cf_report_doc_get_n_pages (self), NULL);
  return g_ptr_array_index (self->pages, page);
}

/**
 * cf_report_doc_dup_characters:
 *
 * Returns: (transfer full): every character the document prints, once each
 */
char *
cf_report_doc_dup_characters (CfReportDoc *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GString *out = g_string_new (NULL);
  guint n = cf_report_doc_get_n_pages (self);

  for (guint p = 0; p < n; p++)
    {
      GArray *ops = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < ops->len; i++)
        {
          const CfReportOp *op = &g_array_index (ops, CfReportOp, i);

          for (const char *c = op->text; c != NULL && *c != '\0'; c = g_utf8_next_char (c))
            if (!g_hash_table_contains (seen, GUINT_TO_POINTER (g_utf8_get_char (c))))
              {
                g_hash_table_add (seen, GUINT_TO_POINTER (g_utf8_get_char (c)));
                g_string_append_unichar (out, g_utf8_get_char (c));
              }
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * cf_report_doc_to_text:
 *
 * Returns: (transfer full): the text of every page, in drawing order, for tests
 */
char *
cf_report_doc_to_text (CfReportDoc *self)
{
  GString *out = g_string_new (NULL);
  guint n = cf_report_doc_get_n_pages (self);

  for (guint p = 0; p < n; p++)
    {
      GArray *ops = g_ptr_array_index (self->pages, p);

      g_string_append_printf (out, "--- page %u ---\n", p + 1);
      for (guint i = 0; i < ops->len; i++)
        if (g_array_index (ops, CfReportOp, i).kind == CF_REPORT_OP_TEXT)
          g_string_append_printf (out, "%s\n", g_array_index (ops, CfReportOp, i).text);
    }
  return g_string_free (out, FALSE);
}
