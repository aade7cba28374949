/* cf-backups-page.c — Preferences: when to back up, how many to keep, restoring
 *
 * Backups are taken when the window closes, once a day while it is open
 * and on demand, into the backups folder beside the database. Restoring
 * one is a manager's: it is checked first, the database as it stands is
 * kept aside, and the window locks afterwards so that everyone signs in
 * to the restored data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cf-backups-page-private.h"
#include "cf-file-dialog.h"
#include "cf-message.h"
#include "cf-store-task.h"

#define MAX_LISTED 20

struct _CfBackupsPage
{
  AdwPreferencesPage   parent_instance;

  AdwPreferencesGroup *when_group;
  AdwPreferencesGroup *restore_group;
  GtkWidget           *back_up_button;
  GtkWidget           *spinner;
  GtkSwitch           *on_close_switch;
  GtkSwitch           *daily_switch;
  GtkSpinButton       *keep_button;

  GPtrArray           *rows;

  CfSession           *session;
  GSettings           *settings;
  guint                n_backups;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (CfBackupsPage, cf_backups_page, ADW_TYPE_PREFERENCES_PAGE)

typedef struct
{
  CfBackupsPage *page;
  CfSession     *session;
  GtkWindow     *desk;     /* (nullable): the window Preferences is over */
  char          *path;
  CfRestoreFlags flags;
} Restore;

static void set_busy (CfBackupsPage *self,
                      gboolean       busy);

static void restore_path (CfBackupsPage  *self,
                          const char     *path,
                          CfRestoreFlags  flags);

static void
restore_anyway_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            CfBackupsPage    *self)
{
  if (g_str_equal (response, "restore"))
    restore_path (self, g_object_get_data (G_OBJECT (dialog), "path"),
                  GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "flags")));
}

/* Another merchant's backup, or one no anchor vouches for, replaces this
 * shop's data only when a manager says so, having read why. */
static void
confirm_restore_anyway (CfBackupsPage  *self,
                        const char     *path,
                        CfRestoreFlags  flags,
                        const GError   *refusal)
{
  gboolean other_shop = g_error_matches (refusal, CF_STORE_ERROR, CF_STORE_ERROR_OTHER_SHOP);
  GtkWidget *dialog = adw_message_dialog_new (cf_widget_get_window (GTK_WIDGET (self)),
                                              other_shop ? _("Restore Another Shop’s Backup?")
                                                         : _("Restore a Backup Nothing Vouches For?"),
                                              refusal->message);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore It All the Same"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (dialog), "flags",
                     GUINT_TO_POINTER (flags | (other_shop ? CF_RESTORE_OTHER_SHOP : CF_RESTORE_UNVOUCHED)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_anyway_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_free (gpointer data)
{
  Restore *restore = data;

  g_object_unref (restore->page);
  g_object_unref (restore->session);
  g_clear_object (&restore->desk);
  g_free (restore->path);
  g_free (restore);
}

static void
restore_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Restore *restore = user_data;
  GtkWindow *desk = restore->desk;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_as = cf_store_restore_finish (CF_STORE (source), result, &error);
  g_autofree char *body = NULL;

  set_busy (restore->page, FALSE);
  if (kept_as == NULL)
    {
      if (g_error_matches (error, CF_STORE_ERROR, CF_STORE_ERROR_OTHER_SHOP) ||
          g_error_matches (error, CF_STORE_ERROR, CF_STORE_ERROR_UNVOUCHED))
        confirm_restore_anyway (restore->page, restore->path, restore->flags, error);
      else
        cf_show_message (cf_widget_get_window (GTK_WIDGET (restore->page)), _("The Backup Was Not Restored"),
                         error->message);
      restore_free (restore);
      return;
    }
  body = g_strdup_printf (_("The database is now as it was in %s. What it held before is kept as %s. "
                            "Sign in again to go on."), restore->path, kept_as);
  cf_backups_page_reload (restore->page);
  gtk_window_close (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (restore->page))));
  cf_session_lock (restore->session, "restored a backup");
  cf_show_message (desk, _("Backup Restored"), body);
  restore_free (restore);
}

/* Runs with the manager's approval: the restore goes to a worker, which
 * carries the approval with it; the window keeps drawing meanwhile. */
static gboolean
restore_action (gpointer   data,
                GError   **error)
{
  Restore *restore = data;
  Restore *job = g_new0 (Restore, 1);

  job->page = g_object_ref (restore->page);
  job->session = g_object_ref (restore->session);
  job->desk = restore->desk != NULL ? g_object_ref (restore->desk) : NULL;
  job->path = g_strdup (restore->path);
  job->flags = restore->flags;
  set_busy (restore->page, TRUE);
  cf_store_restore_async (cf_session_get_store (restore->session), restore->path,
                          cf_session_get_operator_no (restore->session), restore->flags, NULL, restore_done_cb, job);
  return TRUE;
}

/**
 * cf_backups_page_restore:
 *
 * Asks a manager (the one signed in, or one who types their PIN) and
 * restores @path.
 */
void
cf_backups_page_restore (CfBackupsPage *self,
                         const char    *path)
{
  restore_path (self, path, CF_RESTORE_DEFAULT);
}

static void
restore_path (CfBackupsPage  *self,
              const char     *path,
              CfRestoreFlags  flags)
{
  Restore *restore = g_new0 (Restore, 1);
  GtkWindow *prefs = cf_widget_get_window (GTK_WIDGET (self));
  GtkWindow *desk = prefs != NULL ? gtk_window_get_transient_for (prefs) : NULL;

  restore->page = g_object_ref (self);
  restore->session = g_object_ref (self->session);
  restore->desk = desk != NULL ? g_object_ref (desk) : NULL;
  restore->path = g_strdup (path);
  restore->flags = flags;
  cf_session_run_as_manager (self->session, GTK_WIDGET (self), _("Restore a backup"), _("The Backup Was Not Restored"),
                             restore_action, restore, restore_free);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CfBackupsPage    *self)
{
  if (g_str_equal (response, "restore"))
    cf_backups_page_restore (self, g_object_get_data (G_OBJECT (dialog), "path"));
}

static void
confirm_restore (CfBackupsPage *self,
                 const char    *path)
{
  g_autofree char *base = g_path_get_basename (path);
  gboolean server = cf_store_is_server (cf_session_get_store (self->session));
  g_autofree char *body = g_strdup_printf (server ? _("Everything recorded since %s was taken will be replaced by the "
                                                      "backup, on the server, for every desk. Nothing of the database "
                                                      "as it is now is kept: make a backup first if it may be needed.")
                                                  : _("Everything recorded since %s was taken will be replaced by the backup. "
                                                      "The database as it is now is kept in the backups folder."), base);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Restore This Backup?"), body);

  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_clicked_cb (GtkButton     *button,
                    CfBackupsPage *self)
{
  confirm_restore (self, g_object_get_data (G_OBJECT (button), "path"));
}

static void
restore_chosen_cb (const char * const *paths,
                   gpointer            user_data)
{
  confirm_restore (CF_BACKUPS_PAGE (user_data), paths[0]);
}

static void
restore_other_clicked_cb (CfBackupsPage *self)
{
  cf_file_dialog_open (GTK_WIDGET (self), _("Restore a Backup"), _("_Choose"), FALSE, NULL, restore_chosen_cb,
                       g_object_ref (self), g_object_unref);
}

static void
back_up_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CfBackupsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cf_store_back_up_finish (CF_STORE (source), result, &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  set_busy (self, FALSE);
  if (path == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cf_show_message (root != NULL ? GTK_WINDOW (root) : NULL, _("The Backup Failed"), error->message);
      return;
    }
  cf_backups_page_reload (self);
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (_("Backed up and checked")));
}

/* In a worker: seconds on a large shop, and Preferences stays responsive. */
static void
back_up_clicked_cb (CfBackupsPage *self)
{
  set_busy (self, TRUE);
  cf_session_back_up_async (self->session, NULL, back_up_done_cb, g_object_ref (self));
}

static void
set_busy (CfBackupsPage *self,
          gboolean       busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->back_up_button, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_group), !busy);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
}

/**
 * cf_backups_page_is_busy:
 *
 * Returns: whether a backup or a restore started here is running
 */
gboolean
cf_backups_page_is_busy (CfBackupsPage *self)
{
  g_return_val_if_fail (CF_IS_BACKUPS_PAGE (self), FALSE);
  return self->busy;
}

static char *
describe_backup (const char *path)
{
  GStatBuf info;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *when = NULL;
  g_autofree char *size = NULL;

  if (g_stat (path, &info) != 0)
    return g_strdup ("");
  time = g_date_time_new_from_unix_local (info.st_mtime);
  when = g_date_time_format (time, "%Y-%m-%d %H:%M");
  size = g_format_size ((guint64) info.st_size);
  return g_strdup_printf ("%s · %s", when, size);
}

/**
 * cf_backups_page_reload:
 *
 * Lists the backups in the backups folder again, newest first.
 */
void
cf_backups_page_reload (CfBackupsPage *self)
{
  g_autoptr(GPtrArray) backups = cf_store_list_backups (cf_session_get_store (self->session));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->restore_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  self->n_backups = backups->len;
  for (guint i = 0; i < MIN (backups->len, MAX_LISTED); i++)
    {
      const char *path = g_ptr_array_index (backups, i);
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *subtitle = describe_backup (path);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "path", g_strdup (path), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (restore_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->restore_group, row);
      g_ptr_array_add (self->rows, row);
    }
  if (backups->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups yet"));
      adw_preferences_group_add (self->restore_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

guint
cf_backups_page_get_n_backups (CfBackupsPage *self)
{
  g_return_val_if_fail (CF_IS_BACKUPS_PAGE (self), 0);
  return self->n_backups;
}

static void
cf_backups_page_dispose (GObject *object)
{
  CfBackupsPage *self = (CfBackupsPage *) object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (cf_backups_page_parent_class)->dispose (object);
}

static void
cf_backups_page_class_init (CfBackupsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_backups_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/counterfoil/Counterfoil/cf-backups-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfBackupsPage, when_group);
  gtk_widget_class_bind_template_child (widget_class, CfBackupsPage, restore_group);
  gtk_widget_class_bind_template_child (widget_class, CfBackupsPage, back_up_button);
  gtk_widget_class_bind_template_child (widget_class, CfBackupsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CfBackupsPage, on_close_switch);
  gtk_widget_class_bind_template_child (widget_class, CfBackupsPage, daily_switch);
  gtk_widget_class_bind_template_child (widget_class, CfBackupsPage, keep_button);
  gtk_widget_class_bind_template_callback (widget_class, back_up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, restore_other_clicked_cb);
}

static void
cf_backups_page_init (CfBackupsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/**
 * cf_backups_page_new:
 * @settings: (nullable): the application's settings
 *
 * Returns: (transfer floating): the page
 */
CfBackupsPage *
cf_backups_page_new (CfSession *session,
                     GSettings *settings)
{
  CfBackupsPage *self = g_object_new (CF_TYPE_BACKUPS_PAGE, NULL);
  g_autofree char *dir = g_path_get_dirname (cf_store_get_path (cf_session_get_store (session)));
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  gboolean server = cf_store_is_server (cf_session_get_store (session));
  g_autofree char *description = server ? g_strdup (_("This shop's database is on a PostgreSQL server: a backup made "
                                                      "here is a pg_dump archive, read back whole before it counts. "
                                                      "Backups on a schedule are the server's to make."))
                                        : g_strdup_printf (_("Each backup is one file in %s, checked before it counts."),
                                                           folder);
  struct { GtkWidget *widget; const char *key; const char *property; } bound[] = {
    { GTK_WIDGET (self->on_close_switch), "backup-on-close", "active" },
    { GTK_WIDGET (self->daily_switch), "backup-daily", "active" },
    { GTK_WIDGET (self->keep_button), "backup-keep", "value" },
  };

  self->session = g_object_ref (session);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  adw_preferences_group_set_description (self->when_group, description);
  if (server)
    adw_preferences_group_set_description (self->restore_group,
                                           _("A manager restores; the dump is read back whole first, then replaces the "
                                             "database on the server in one transaction."));
  for (guint i = 0; i < G_N_ELEMENTS (bound); i++)
    {
      GObject *target = GTK_IS_SPIN_BUTTON (bound[i].widget)
                        ? G_OBJECT (gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (bound[i].widget)))
                        : G_OBJECT (bound[i].widget);

      if (self->settings != NULL)
        g_settings_bind (self->settings, bound[i].key, target, bound[i].property, G_SETTINGS_BIND_DEFAULT);
      gtk_widget_set_sensitive (bound[i].widget, self->settings != NULL && !server);
    }

  cf_backups_page_reload (self);
  return self;
}
