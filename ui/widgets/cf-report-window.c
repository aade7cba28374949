/* cf-report-window.c — a document previewed before it is saved or printed
 *
 * The application letter and other A4 documents: the pages as they will
 * print, with Save PDF… (the libharu writer, the same file the command line
 * writes) and Print… in the header bar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-file-dialog.h"
#include "cf-message.h"
#include "cf-pdf-report.h"
#include "cf-report-view.h"
#include "cf-report-window-private.h"

struct _CfReportWindow
{
  AdwWindow  parent_instance;

  GtkWidget *view;
  char      *file_name;
};

G_DEFINE_FINAL_TYPE (CfReportWindow, cf_report_window, ADW_TYPE_WINDOW)

static void
save_chosen_cb (const char * const *paths,
                gpointer            user_data)
{
  CfReportWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!cf_pdf_write_report (cf_report_window_get_report (self), paths[0], &error))
    cf_show_message (GTK_WINDOW (self), _("The PDF Was Not Written"), error->message);
  else
    cf_show_saved (GTK_WIDGET (self), _("PDF saved"), paths[0]);
}

static void
save_clicked_cb (GtkButton      *button,
                 CfReportWindow *self)
{
  cf_file_dialog_save (GTK_WIDGET (self), _("Save as PDF"), self->file_name, save_chosen_cb, g_object_ref (self),
                       g_object_unref);
}

static void
print_clicked_cb (GtkButton      *button,
                  CfReportWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!cf_report_print (GTK_WINDOW (self), cf_report_window_get_report (self), gtk_window_get_title (GTK_WINDOW (self)),
                        &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cf_show_message (GTK_WINDOW (self), _("The Document Was Not Printed"), error->message);
}

static void
cf_report_window_finalize (GObject *object)
{
  g_free (CF_REPORT_WINDOW (object)->file_name);
  G_OBJECT_CLASS (cf_report_window_parent_class)->finalize (object);
}

static void
cf_report_window_class_init (CfReportWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cf_report_window_finalize;
  g_type_ensure (CF_TYPE_REPORT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/counterfoil/Counterfoil/cf-report-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CfReportWindow, view);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
}

static void
cf_report_window_init (CfReportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cf_report_window_new:
 * @title: the window's title, and the print job's
 * @file_name: offered when saving, such as `application-letter-3.pdf`
 */
CfReportWindow *
cf_report_window_new (GtkWindow   *parent,
                      CfReportDoc *report,
                      const char  *title,
                      const char  *file_name)
{
  CfReportWindow *self = g_object_new (CF_TYPE_REPORT_WINDOW, "title", title, "transient-for", parent, NULL);

  self->file_name = g_strdup (file_name);
  cf_report_view_set_report (CF_REPORT_VIEW (self->view), report);
  return self;
}

/**
 * cf_report_window_get_report:
 *
 * Returns: (transfer none): the document shown
 */
CfReportDoc *
cf_report_window_get_report (CfReportWindow *self)
{
  return cf_report_view_get_report (CF_REPORT_VIEW (self->view));
}
