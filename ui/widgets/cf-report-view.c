/* cf-report-view.c — an A4 report shown page under page, as wide as there is room
 *
 * A scrolled drawing area: each page drawn by the same painter that prints
 * it and that the PDF is compared with, scaled to the width, grey between
 * pages. cf_report_print() sends the same pages through GTK's print dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"


#include "cf-report-painter.h"
#include "cf-print.h"
#include "cf-report-view.h"

#define PAGE_GAP_PX 16

struct _CfReportView
{
  GtkWidget    parent_instance;

  GtkWidget   *scroller;
  GtkWidget   *area;
  CfReportDoc *report;
};

G_DEFINE_FINAL_TYPE (CfReportView, cf_report_view, GTK_TYPE_WIDGET)

static double
scale_for (int width)
{
  return (MAX (width, 200) - 2.0 * PAGE_GAP_PX) / CF_REPORT_PAGE_WIDTH_PT;
}

static void
draw_pages (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  CfReportView *self = user_data;
  double scale = scale_for (width);

  if (self->report == NULL)
    return;
  for (guint p = 0; p < cf_report_doc_get_n_pages (self->report); p++)
    {
      cairo_save (cr);
      cairo_translate (cr, PAGE_GAP_PX, PAGE_GAP_PX + p * (CF_REPORT_PAGE_HEIGHT_PT * scale + PAGE_GAP_PX));
      cairo_scale (cr, scale, scale);
      cf_report_painter_draw_page (self->report, p, cr);
      cairo_restore (cr);
    }
}

/* As tall as the pages are at this width, so that the scroller can scroll them. */
static void
update_height (CfReportView *self)
{
  double scale = scale_for (gtk_widget_get_width (self->area));
  guint n = self->report != NULL ? cf_report_doc_get_n_pages (self->report) : 0;

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->area),
                                       (int) (n * (CF_REPORT_PAGE_HEIGHT_PT * scale + PAGE_GAP_PX) + PAGE_GAP_PX));
  gtk_widget_queue_draw (self->area);
}

static void
area_resized_cb (GtkDrawingArea *area,
                 int             width,
                 int             height,
                 CfReportView   *self)
{
  update_height (self);
}

static void
cf_report_view_dispose (GObject *object)
{
  CfReportView *self = (CfReportView *) object;

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->report);
  G_OBJECT_CLASS (cf_report_view_parent_class)->dispose (object);
}

static void
cf_report_view_class_init (CfReportViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_report_view_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
cf_report_view_init (CfReportView *self)
{
  self->scroller = gtk_scrolled_window_new ();
  self->area = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_pages, self, NULL);
  g_signal_connect (self->area, "resize", G_CALLBACK (area_resized_cb), self);
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->area);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_add_css_class (self->scroller, "view");
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
cf_report_view_new (void)
{
  return g_object_new (CF_TYPE_REPORT_VIEW, NULL);
}

/**
 * cf_report_view_set_report:
 * @report: (nullable): what to show; nothing when %NULL
 */
void
cf_report_view_set_report (CfReportView *self,
                           CfReportDoc  *report)
{
  g_return_if_fail (CF_IS_REPORT_VIEW (self));
  g_set_object (&self->report, report);
  update_height (self);
}

/**
 * cf_report_view_get_report:
 *
 * Returns: (transfer none) (nullable): the report shown
 */
CfReportDoc *
cf_report_view_get_report (CfReportView *self)
{
  g_return_val_if_fail (CF_IS_REPORT_VIEW (self), NULL);
  return self->report;
}

static void
print_page_cb (GtkPrintOperation *operation,
               GtkPrintContext   *context,
               int                page_nr,
               CfReportDoc       *report)
{
  cf_report_painter_draw_page (report, (guint) page_nr, gtk_print_context_get_cairo_context (context));
}

/**
 * cf_report_print:
 * @job_name: what the print queue calls it
 *
 * Prints @report on A4 through GTK's print dialog, page by page as shown.
 *
 * Returns: %FALSE with @error set when it was not printed: see cf_print_run()
 */
gboolean
cf_report_print (GtkWindow    *parent,
                 CfReportDoc  *report,
                 const char   *job_name,
                 GError      **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, (int) cf_report_doc_get_n_pages (report));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, job_name);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (print_page_cb), report, 0);
  return cf_print_run (operation, parent, NULL, error);
}
