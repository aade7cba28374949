/* cf-file-dialog.c — choosing where to save, or what to open
 *
 * One way for every file chooser of the window: modal over the window that
 * asks, through the desktop's portal where there is one. The rule for
 * Cancel is the same everywhere: nothing is called, nothing is written,
 * and @destroy still runs, once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-file-dialog.h"
#include "cf-message.h"

typedef struct
{
  CfFilesChosenFunc chosen;
  gpointer          user_data;
  GDestroyNotify    destroy;
} Choice;

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             Choice          *choice)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          if (path != NULL)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);
      if (paths->len > 1)
        choice->chosen ((const char * const *) paths->pdata, choice->user_data);
    }
  if (choice->destroy != NULL)
    choice->destroy (choice->user_data);
  g_free (choice);
  g_object_unref (chooser);
}

static void
show (GtkFileChooserNative *chooser,
      CfFilesChosenFunc     chosen,
      gpointer              user_data,
      GDestroyNotify        destroy)
{
  Choice *choice = g_new0 (Choice, 1);

  choice->chosen = chosen;
  choice->user_data = user_data;
  choice->destroy = destroy;
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * cf_file_dialog_save:
 * @asking: the widget that asks; the chooser is over its window
 * @suggested_name: the file name offered
 * @chosen: (scope notified): gets the path chosen
 */
void
cf_file_dialog_save (GtkWidget         *asking,
                     const char        *title,
                     const char        *suggested_name,
                     CfFilesChosenFunc  chosen,
                     gpointer           user_data,
                     GDestroyNotify     destroy)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, cf_widget_get_window (asking),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  show (chooser, chosen, user_data, destroy);
}

/**
 * cf_file_dialog_open:
 * @accept_label: the button that opens, with its mnemonic: `_Import`
 * @filters: (nullable) (array zero-terminated=1): the filters offered, the first chosen
 * @chosen: (scope notified): gets the paths chosen
 */
void
cf_file_dialog_open (GtkWidget         *asking,
                     const char        *title,
                     const char        *accept_label,
                     gboolean           multiple,
                     GtkFileFilter    **filters,
                     CfFilesChosenFunc  chosen,
                     gpointer           user_data,
                     GDestroyNotify     destroy)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, cf_widget_get_window (asking),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, accept_label, _("_Cancel"));

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), multiple);
  for (guint i = 0; filters != NULL && filters[i] != NULL; i++)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filters[i]);
  show (chooser, chosen, user_data, destroy);
}
