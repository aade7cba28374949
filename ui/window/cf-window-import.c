/* cf-window-import.c — the window's imports: the file chooser, dropped
 * files, progress with Cancel, the summary, Import History, and demo data
 * for an empty database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-demo.h"
#include "cf-file-dialog.h"
#include "cf-import-summary.h"
#include "cf-importer.h"
#include "cf-store.h"
#include "cf-window-private.h"

/* Importing */

static void
import_progress_cb (guint    file_index,
                    double   fraction,
                    gpointer user_data)
{
  CfWindow *self = user_data;
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self->import_progress), "n-files"));

  /* Another program (a command-line import) holds the database: say so
   * rather than sit still; Cancel still works. */
  if (fraction < 0)
    {
      gtk_progress_bar_set_text (self->import_progress, _("Waiting for another program writing to the database…"));
      gtk_progress_bar_set_show_text (self->import_progress, TRUE);
      gtk_progress_bar_pulse (self->import_progress);
      return;
    }
  gtk_progress_bar_set_show_text (self->import_progress, FALSE);
  gtk_progress_bar_set_fraction (self->import_progress, (file_index + fraction) / MAX (n, 1));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CfWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = cf_importer_import_files_finish (CF_IMPORTER (source), result, &error);

  self->importing = FALSE;
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", TRUE);

  if (reports == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Files done before the cancel stay imported. */
          cf_window_reload (self);
          return;
        }
      reports = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_import_report_unref);
      {
        CfImportReport *failed = cf_import_report_new (_("Import"));
        failed->error_message = g_strdup (error->message);
        g_ptr_array_add (reports, failed);
      }
    }

  cf_window_reload (self);
  gtk_window_present (GTK_WINDOW (cf_import_summary_new (GTK_WINDOW (self), reports, _("Import Summary"))));
}

/**
 * cf_window_import_files:
 * @paths: (array zero-terminated=1): CSV files
 *
 * Imports in the background, with progress and a Cancel button, then shows a summary.
 */
void
cf_window_import_files (CfWindow           *self,
                        const char * const *paths)
{
  g_autoptr(CfImporter) importer = NULL;
  g_autofree char *label = NULL;
  guint n = g_strv_length ((char **) paths);

  g_return_if_fail (CF_IS_WINDOW (self));

  if (self->store == NULL || self->importing || n == 0)
    return;

  self->importing = TRUE;
  importer = cf_importer_new (self->store);
  cf_importer_set_operator (importer, cf_window_get_operator (self));

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Importing %u file…", "Importing %u files…", n), n);
  gtk_label_set_text (self->import_label, label);
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  g_object_set_data (G_OBJECT (self->import_progress), "n-files", GUINT_TO_POINTER (n));
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);

  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();
  cf_importer_import_files_async (importer, paths, self->import_cancellable,
                                  import_progress_cb, g_object_ref (self), g_object_unref,
                                  import_done_cb, g_object_ref (self));
}

static void
import_cancel_clicked_cb (CfWindow *self)
{
  g_cancellable_cancel (self->import_cancellable);
}

static void
files_chosen_cb (const char * const *paths,
                 gpointer            user_data)
{
  cf_window_import_files (CF_WINDOW (user_data), paths);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileFilter *filters[] = { csv, all, NULL };

  gtk_file_filter_set_name (csv, _("Journals and statements (CSV, TXT)"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "CSV");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_filter_add_suffix (csv, "TXT");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  cf_file_dialog_open (GTK_WIDGET (self), _("Import Journals"), _("_Import"), TRUE, filters, files_chosen_cb,
                       g_object_ref (self), g_object_unref);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CfWindow      *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (GSList *l = files; l != NULL; l = l->next)
    {
      char *path = g_file_get_path (l->data);
      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  if (paths->len == 0)
    return FALSE;
  g_ptr_array_add (paths, NULL);
  cf_window_import_files (self, (const char * const *) paths->pdata);
  return TRUE;
}

/* The import assistant's Save: the file again, read with the new profile. */
static void
import_path_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  const char *paths[] = { g_variant_get_string (parameter, NULL), NULL };

  cf_window_import_files (CF_WINDOW (widget), paths);
}

static void
import_history_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) imports = NULL;

  if (self->store == NULL)
    return;
  imports = cf_store_list_imports (self->store, 200, &error);
  for (guint i = 0; imports != NULL && i < imports->len; i++)
    cf_store_load_import_rejects (self->store, g_ptr_array_index (imports, i), NULL);
  if (imports == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (cf_import_summary_new (GTK_WINDOW (self), imports, _("Import History"))));
}

/* A demo shop to try Counterfoil on: a database of its own, never the one
 * open, in the user's data folder; it opens in a window of its own. */

static char *
demo_shop_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "counterfoil", "demo-shop.db", NULL);
}

static void
demo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(CfStore) store = NULL;
  GError *error = NULL;
  gint64 existing;

  store = cf_store_open (task_data, &error);
  if (store == NULL || (existing = cf_store_count_transactions (store, &error)) < 0)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Made once; opened as it is after that. */
  if (existing == 0 &&
      (!cf_demo_populate (store, 40000, (guint32) g_random_int (), NULL, cancellable, &error) ||
       !cf_demo_add_shifts (store, 7, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
demo_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CfWindow *self = CF_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) demo = NULL;
  g_autofree char *path = demo_shop_path ();
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-demo", TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_status_page_set_description (self->empty_page, error->message);
      return;
    }
  adw_status_page_set_description (self->empty_page, _("Import the journals of your POS terminals or your acquirer's "
                                                      "statements (CSV), or drop the files here."));
  demo = self_exe != NULL ? g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self_exe, "--db", path, NULL) : NULL;
  if (demo == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The demo shop is in %s; open it with counterfoil --db %s"), path, path);
      adw_status_page_set_description (self->empty_page, text);
    }
}

static void
open_demo_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr(GTask) task = NULL;

  gtk_widget_action_set_enabled (widget, "win.open-demo", FALSE);
  adw_status_page_set_description (self->empty_page, _("Making the demo shop: a few seconds…"));
  task = g_task_new (self, self->cancellable, demo_done_cb, NULL);
  g_task_set_task_data (task, demo_shop_path (), g_free);
  g_task_run_in_thread (task, demo_thread);
}

void
cf_window_import_init (CfWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/* After the template is set: its Cancel button's handler, and the actions. */
void
cf_window_import_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, import_cancel_clicked_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "win.import-history", NULL, import_history_activated);
  gtk_widget_class_install_action (widget_class, "win.import-path", "s", import_path_activated);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_activated);
}
