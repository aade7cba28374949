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

  AdwPreferencesGroup *restore_group;
  GPtrArray           *rows;

  GtkWidget           *back_up_button;
  GtkWidget           *spinner;

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
  g_autofree char *body = g_strdup_printf (_("Everything recorded since %s was taken will be replaced by the backup. "
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

static GtkWidget *
switch_row (CfBackupsPage *self,
            const char    *title,
            const char    *key)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  if (self->settings != NULL)
    g_settings_bind (self->settings, key, toggle, "active", G_SETTINGS_BIND_DEFAULT);
  gtk_widget_set_sensitive (toggle, self->settings != NULL);
  return row;
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
  G_OBJECT_CLASS (klass)->dispose = cf_backups_page_dispose;
}

static void
cf_backups_page_init (CfBackupsPage *self)
{
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
  GtkWidget *when = adw_preferences_group_new ();
  GtkWidget *keep_row = adw_action_row_new ();
  GtkWidget *keep = gtk_spin_button_new_with_range (1, 1000, 1);
  GtkWidget *now = gtk_button_new_with_mnemonic (_("_Back Up Now"));
  GtkWidget *other = gtk_button_new_with_mnemonic (_("Restore _Another File…"));
  g_autofree char *dir = g_path_get_dirname (cf_store_get_path (cf_session_get_store (session)));
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autofree char *description = g_strdup_printf (_("Each backup is one file in %s, checked before it counts."), folder);

  self->session = g_object_ref (session);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Backups"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "drive-harddisk-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (when), _("Backups"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (when), description);
  gtk_widget_add_css_class (now, "flat");
  g_signal_connect_object (now, "clicked", G_CALLBACK (back_up_clicked_cb), self, G_CONNECT_SWAPPED);
  self->back_up_button = now;
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  {
    GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    gtk_box_append (GTK_BOX (suffix), self->spinner);
    gtk_box_append (GTK_BOX (suffix), now);
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (when), suffix);
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (when), switch_row (self, _("Back up when the window closes"),
                                                                       "backup-on-close"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (when), switch_row (self, _("Back up once a day"), "backup-daily"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (keep_row), _("Backups to keep"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (keep_row), _("The oldest are removed beyond this number"));
  gtk_widget_set_valign (keep, GTK_ALIGN_CENTER);
  if (self->settings != NULL)
    g_settings_bind (self->settings, "backup-keep", gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (keep)), "value",
                     G_SETTINGS_BIND_DEFAULT);
  gtk_widget_set_sensitive (keep, self->settings != NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (keep_row), keep);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (when), keep_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (when));

  self->restore_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->restore_group, _("Restore"));
  adw_preferences_group_set_description (self->restore_group,
                                         _("A manager restores; the backup is checked first and the database as it "
                                           "is now is kept aside."));
  gtk_widget_add_css_class (other, "flat");
  g_signal_connect_object (other, "clicked", G_CALLBACK (restore_other_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (self->restore_group, other);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->restore_group);

  cf_backups_page_reload (self);
  return self;
}
