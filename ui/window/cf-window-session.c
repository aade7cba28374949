/* cf-window-session.c — who is at the window: signing in, locking, backups, other writers
 *
 * The desk stays hidden behind the sign-in page until someone signs in,
 * and is hidden again by Ctrl+L, by the menu, or after the idle minutes
 * set in Preferences; locking also closes the window's dialogs. On start
 * the audit chain is verified and a broken one is announced across the
 * top of the desk. The database is backed up when the window closes and
 * once a day while it is open, and the database's data version is polled
 * each second (SQLite's data_version; on a server, the changes other desks
 * announce), so that what another process or desk writes shows up here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cf-auth.h"
#include "cf-manager-prompt.h"
#include "cf-message.h"
#include "cf-store-task.h"
#include "cf-window-private.h"

#define IDLE_CHECK_SECONDS   10
#define DATA_CHECK_SECONDS   1
#define DAILY_CHECK_SECONDS  3600

/* Signing in and locking */

static void
show_desk (CfWindow   *self,
           CfOperator *op)
{
  g_autofree char *label = cf_operator_dup_label (op);
  gboolean manager = cf_operator_get_role (op) == CF_ROLE_MANAGER;

  cf_session_sign_in (self->session, op);
  gtk_label_set_text (self->operator_label, label);
  adw_view_stack_page_set_visible (self->audit_stack_page, manager);
  gtk_widget_set_visible (gtk_widget_get_last_child (gtk_revealer_get_child (self->audit_banner)), manager);
  self->last_activity = g_get_monotonic_time ();
  gtk_stack_set_visible_child_name (self->session_stack, "desk");
  cf_window_reload (self);
  if (manager)
    cf_audit_page_reload (self->audit_page);
  self->data_version = cf_store_get_data_version (self->store);
}

static void
signed_in_cb (CfSignInPage *page,
              CfOperator   *op,
              CfWindow     *self)
{
  show_desk (self, op);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Dialogs of a locked window must not stay open over the sign-in page. */
static void
close_dialogs (CfWindow *self)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_window_get_transient_for (l->data) == GTK_WINDOW (self))
      gtk_window_close (l->data);
}

/**
 * cf_window_lock:
 * @why: for the audit log: `by hand`, `idle`
 *
 * Hides the desk behind the sign-in page until someone signs in.
 */
void
cf_window_lock (CfWindow   *self,
                const char *why)
{
  g_return_if_fail (CF_IS_WINDOW (self));

  if (self->session != NULL)
    cf_session_lock (self->session, why);
}

/* Whoever locked the session (the window, or a restore in Preferences),
 * the desk hides. */
static void
session_locked_cb (CfSession  *session,
                   const char *operator_no,
                   CfWindow   *self)
{
  close_dialogs (self);
  cf_window_search_forget (self);
  cf_sign_in_page_reset (self->sign_in_page, operator_no, TRUE);
  gtk_stack_set_visible_child_name (self->session_stack, "sign-in");
}

/**
 * cf_window_is_locked:
 *
 * Returns: whether nobody is signed in and the desk is hidden
 */
gboolean
cf_window_is_locked (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), TRUE);
  return self->session == NULL || cf_session_get_operator (self->session) == NULL;
}

/**
 * cf_window_lock_if_idle:
 * @now: a g_get_monotonic_time() reading
 *
 * Locks the window when nobody has touched it for the minutes set in
 * Preferences (lock-after-minutes; 0 never).
 *
 * Returns: whether it locked
 */
gboolean
cf_window_lock_if_idle (CfWindow *self,
                        gint64    now)
{
  guint minutes = self->settings != NULL ? g_settings_get_uint (self->settings, "lock-after-minutes") : 5;

  g_return_val_if_fail (CF_IS_WINDOW (self), FALSE);

  if (cf_window_is_locked (self) || minutes == 0 || now - self->last_activity < (gint64) minutes * 60 * G_USEC_PER_SEC)
    return FALSE;
  cf_window_lock (self, "idle");
  return TRUE;
}

static gboolean
idle_check_cb (gpointer data)
{
  cf_window_lock_if_idle (data, g_get_monotonic_time ());
  return G_SOURCE_CONTINUE;
}

static void
activity_cb (CfWindow *self)
{
  self->last_activity = g_get_monotonic_time ();
}

static gboolean
key_activity_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 CfWindow              *self)
{
  activity_cb (self);
  return FALSE;
}

static gboolean
scroll_activity_cb (GtkEventControllerScroll *controller,
                    double                    dx,
                    double                    dy,
                    CfWindow                 *self)
{
  activity_cb (self);
  return FALSE;
}

static void
lock_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cf_window_lock (CF_WINDOW (widget), "by hand");
}

/* Changing one's own PIN */

static void
change_pin_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        CfWindow         *self)
{
  GtkWidget *group = adw_message_dialog_get_extra_child (dialog);
  const char *old_pin = gtk_editable_get_text (g_object_get_data (G_OBJECT (group), "old"));
  const char *new_pin = gtk_editable_get_text (g_object_get_data (G_OBJECT (group), "new"));
  const char *again = gtk_editable_get_text (g_object_get_data (G_OBJECT (group), "again"));
  g_autoptr(CfOperator) checked = NULL;
  g_autoptr(GError) error = NULL;

  g_autoptr(GDateTime) now = NULL;
  const char *me;

  if (!g_str_equal (response, "change") || cf_window_is_locked (self))
    return;
  me = cf_session_get_operator_no (self->session);
  now = cf_session_dup_now (self->session);
  if (!g_str_equal (new_pin, again))
    g_set_error_literal (&error, CF_AUTH_ERROR, CF_AUTH_ERROR_INVALID, _("The two new PINs differ"));
  else if ((checked = cf_auth_sign_in (self->store, me, old_pin, now, &error)) != NULL)
    cf_auth_set_pin (self->store, me, me, new_pin, &error);
  if (error != NULL)
    cf_show_message (GTK_WINDOW (self), _("The PIN Was Not Changed"), error->message);
}

static GtkWidget *
password_row (GtkWidget  *group,
              const char *title,
              const char *key)
{
  GtkWidget *row = adw_password_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_object_set_data (G_OBJECT (group), key, row);
  return row;
}

static void
change_pin_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *dialog;

  if (cf_window_is_locked (self))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Change My PIN"),
                                   _("A PIN has 4 to 12 digits, not one digit repeated and not a run such as 1234."));
  password_row (group, _("Current PIN"), "old");
  password_row (group, _("New PIN"), "new");
  password_row (group, _("The same new PIN again"), "again");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "change", _("C_hange"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (change_pin_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The audit log */

static void
verify_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CfWindow *self = user_data;   /* gone if cancelled: the window cancels as it goes */
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = cf_store_verify_finish (CF_STORE (source), result, NULL, &error);
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (problems == NULL)
    text = g_strdup_printf (_("The audit log could not be read: %s"), error->message);
  else if (problems->len > 0)
    text = g_strdup_printf (_("The audit log was altered: %s. Tell the manager; keep the backups."),
                            (const char *) g_ptr_array_index (problems, 0));
  gtk_label_set_text (self->audit_banner_label, text != NULL ? text : "");
  gtk_revealer_set_reveal_child (self->audit_banner, text != NULL);
}

/* In a worker: a log of years takes a while, and the window draws meanwhile. */
static void
verify_audit_chain (CfWindow *self)
{
  cf_store_verify_async (self->store, self->cancellable, verify_done_cb, self);
}

static void
show_audit_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  if (self->session == NULL || !cf_session_is_manager (self->session))
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "audit");
  cf_audit_page_reload (self->audit_page);
  cf_audit_page_verify (self->audit_page);
}

/* Other writers */

static gboolean
data_check_cb (gpointer data)
{
  CfWindow *self = data;
  gint64 version;
  gboolean connected = cf_store_is_connected (self->store);

  /* A server out of reach: said across the window until it answers again;
   * what other desks did meanwhile was not heard, so all is read again. */
  gtk_revealer_set_reveal_child (self->connection_banner, !connected);
  if (!connected || self->connection_lost)
    {
      self->connection_lost = !connected;
      if (connected)
        cf_window_reload (self);
      return G_SOURCE_CONTINUE;
    }
  if (cf_window_is_locked (self) || self->importing)
    return G_SOURCE_CONTINUE;
  version = cf_store_get_data_version (self->store);
  if (version != self->data_version)
    {
      self->data_version = version;
      cf_window_reload (self);
      if (cf_session_is_manager (self->session))
        cf_audit_page_reload (self->audit_page);
    }
  return G_SOURCE_CONTINUE;
}

/* Backups */

static gboolean
daily_backup_due (CfStore *store)
{
  g_autoptr(GPtrArray) backups = cf_store_list_backups (store);
  GStatBuf info;

  if (backups->len == 0 || g_stat (g_ptr_array_index (backups, 0), &info) != 0)
    return TRUE;
  return (gint64) info.st_mtime < g_get_real_time () / G_USEC_PER_SEC - 24 * 3600;
}

static void
daily_backup_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  CfWindow *self = user_data;   /* gone if cancelled: the window cancels as it goes */
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cf_store_back_up_finish (CF_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->backing_up = FALSE;
  if (path == NULL)
    cf_show_message (GTK_WINDOW (self), _("The Daily Backup Failed"), error->message);
}

static gboolean
daily_backup_cb (gpointer data)
{
  CfWindow *self = data;

  /* A server's database is backed up on the server. */
  if (self->backing_up || self->settings == NULL || !g_settings_get_boolean (self->settings, "backup-daily") ||
      cf_store_is_server (self->store) || !daily_backup_due (self->store))
    return G_SOURCE_CONTINUE;
  self->backing_up = TRUE;
  cf_session_back_up_async (self->session, self->cancellable, daily_backup_done_cb, self);
  return G_SOURCE_CONTINUE;
}

/* The window's life */

/* Watches @window's input, before any widget handles it and without
 * consuming it, as activity of @self: the window itself and its dialogs. */
static void
watch_activity (CfWindow  *self,
                GtkWidget *window)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *controllers[] = { key, motion, scroll, GTK_EVENT_CONTROLLER (click) };

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (key_activity_cb), self, 0);
  g_signal_connect_object (motion, "motion", G_CALLBACK (activity_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (scroll_activity_cb), self, 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (activity_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (controllers); i++)
    {
      gtk_event_controller_set_name (controllers[i], "cf-activity");
      gtk_event_controller_set_propagation_phase (controllers[i], GTK_PHASE_CAPTURE);
      gtk_widget_add_controller (window, controllers[i]);
    }
  g_object_set_data (G_OBJECT (window), "cf-activity-of", self);  /* watched once */
}

/* Someone typing in a dialog (the loss dialog, Preferences) is using the
 * window too: input in the application's other windows keeps it from
 * locking as idle. (A dialog is listed before its transient-for is set,
 * so every new toplevel but another main window counts.) */
static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      CfWindow   *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (!CF_IS_WINDOW (window) && g_object_get_data (G_OBJECT (window), "cf-activity-of") == NULL)
        watch_activity (self, GTK_WIDGET (window));
    }
}

void
cf_window_session_init (CfWindow *self)
{
  watch_activity (self, GTK_WIDGET (self));
  g_signal_connect_object (gtk_window_get_toplevels (), "items-changed", G_CALLBACK (toplevels_changed_cb), self, 0);
  gtk_stack_set_visible_child_name (self->session_stack, "desk");
}

/* A head office's desk is there for the shops: it opens on them. (Whether
 * it is one is known once the store is open.) */
static void
chain_available_cb (CfWindow *self)
{
  if (cf_chain_page_is_available (self->chain_page))
    adw_view_stack_set_visible_child_name (self->view_stack, "shops");
}

/* Called once the window has its store: the sign-in page first. */
void
cf_window_session_start (CfWindow *self)
{
  g_signal_connect_object (self->session, "locked", G_CALLBACK (session_locked_cb), self, 0);
  self->sign_in_page = cf_sign_in_page_new (self->store);
  gtk_widget_set_vexpand (GTK_WIDGET (self->sign_in_page), TRUE);
  gtk_box_append (self->sign_in_box, GTK_WIDGET (self->sign_in_page));
  g_signal_connect_object (self->sign_in_page, "signed-in", G_CALLBACK (signed_in_cb), self, 0);
  cf_sign_in_page_reset (self->sign_in_page, cf_session_get_operator_no (self->session), FALSE);
  self->audit_page = cf_audit_page_new (self->store);
  gtk_widget_set_vexpand (GTK_WIDGET (self->audit_page), TRUE);
  gtk_box_append (self->audit_box, GTK_WIDGET (self->audit_page));
  /* A chain's head office sees every shop; the section shows once the
   * chain says this desk is one. */
  self->chain_page = cf_chain_page_new (self->store);
  gtk_widget_set_vexpand (GTK_WIDGET (self->chain_page), TRUE);
  gtk_box_append (self->chain_box, GTK_WIDGET (self->chain_page));
  g_object_bind_property (self->chain_page, "available", self->chain_stack_page, "visible", G_BINDING_SYNC_CREATE);
  chain_available_cb (self);
  gtk_stack_set_visible_child_name (self->session_stack, "sign-in");

  verify_audit_chain (self);
  self->idle_check_id = g_timeout_add_seconds (IDLE_CHECK_SECONDS, idle_check_cb, self);
  self->data_check_id = g_timeout_add_seconds (DATA_CHECK_SECONDS, data_check_cb, self);
  self->daily_backup_id = g_timeout_add_seconds (DAILY_CHECK_SECONDS, daily_backup_cb, self);
  daily_backup_cb (self);
}

static void
close_backup_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(CfWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cf_store_back_up_finish (CF_STORE (source), result, &error);
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (path == NULL)
    g_message ("The backup on close failed: %s", error->message);
  gtk_window_destroy (GTK_WINDOW (self));
  if (app != NULL)
    g_application_release (app);
}

/**
 * cf_window_session_close:
 *
 * Called when the window is asked to close: starts the backup on close in a
 * worker, the window saying so with a spinner and the application kept
 * running until it is done, then destroys the window.
 *
 * Returns: %TRUE when the window closes later, by itself
 */
gboolean
cf_window_session_close (CfWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->store == NULL || self->settings == NULL || !g_settings_get_boolean (self->settings, "backup-on-close") ||
      cf_store_is_server (self->store))
    return FALSE;
  self->closing = TRUE;
  gtk_stack_set_visible_child_name (self->session_stack, "closing");
  if (app != NULL)
    g_application_hold (G_APPLICATION (app));
  /* Not the window's cancellable: closing cancels that. */
  cf_session_back_up_async (self->session, NULL, close_backup_done_cb, g_object_ref (self));
  return TRUE;
}

void
cf_window_session_dispose (CfWindow *self)
{
  g_clear_handle_id (&self->idle_check_id, g_source_remove);
  g_clear_handle_id (&self->data_check_id, g_source_remove);
  g_clear_handle_id (&self->daily_backup_id, g_source_remove);
  g_clear_object (&self->session);
}

void
cf_window_session_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_activated);
  gtk_widget_class_install_action (widget_class, "win.change-pin", NULL, change_pin_activated);
  gtk_widget_class_install_action (widget_class, "win.show-audit", NULL, show_audit_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.lock", NULL);
}

/**
 * cf_window_get_sign_in_page:
 *
 * Returns: (transfer none) (nullable): the page shown while nobody is signed in
 */
CfSignInPage *
cf_window_get_sign_in_page (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return self->sign_in_page;
}

/**
 * cf_window_get_audit_page:
 *
 * Returns: (transfer none) (nullable): the Audit Log section
 */
CfAuditPage *
cf_window_get_audit_page (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return self->audit_page;
}

/**
 * cf_window_get_audit_warning:
 *
 * Returns: what the banner says about the audit chain, or "" when it holds
 */
const char *
cf_window_get_audit_warning (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return gtk_revealer_get_reveal_child (self->audit_banner) ? gtk_label_get_text (self->audit_banner_label) : "";
}

/**
 * cf_window_get_chain_page:
 *
 * Returns: (transfer none) (nullable): the Shops section (shown on a chain's
 *   head office only)
 */
CfChainPage *
cf_window_get_chain_page (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return self->chain_page;
}
