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

#include "cf-message.h"
#include "cf-pdf-report.h"
#include "cf-report-view.h"
#include "cf-report-window.h"

struct _CfReportWindow
{
  AdwWindow  parent_instance;

  GtkWidget *view;
  char      *file_name;
};

G_DEFINE_FINAL_TYPE (CfReportWindow, cf_report_window, ADW_TYPE_WINDOW)

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  CfReportWindow  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (!cf_pdf_write_report (cf_report_window_get_report (self), path, &error))
        cf_show_message (GTK_WINDOW (self), _("The PDF Was Not Written"), error->message);
    }
  g_object_unref (chooser);
}

static void
save_clicked_cb (GtkButton      *button,
                 CfReportWindow *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save as PDF"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), self->file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_clicked_cb (GtkButton      *button,
                  CfReportWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!cf_report_print (GTK_WINDOW (self), cf_report_window_get_report (self), gtk_window_get_title (GTK_WINDOW (self)),
                        &error))
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
  G_OBJECT_CLASS (klass)->finalize = cf_report_window_finalize;
}

static void
cf_report_window_init (CfReportWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("Save _PDF…"));
  GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print…"));

  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_object (save, "clicked", G_CALLBACK (save_clicked_cb), self, 0);
  g_signal_connect_object (print, "clicked", G_CALLBACK (print_clicked_cb), self, 0);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), print);
  self->view = cf_report_view_new ();
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), self->view);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 860);
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
