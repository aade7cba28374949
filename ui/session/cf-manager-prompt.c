/* cf-manager-prompt.c — a manager's PIN for what a clerk may not do alone
 *
 * A manager-only action is tried as the operator at the desk. When the
 * store refuses it for want of a manager, a manager standing by chooses
 * their name and types their PIN here; the action is then done once more
 * under their override, and the audit log names both. A clerk never meets
 * a dead button, and never learns a manager's PIN.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-auth.h"
#include "cf-manager-prompt.h"
#include "cf-message.h"

typedef struct
{
  GtkWindow       *parent;
  CfStore         *store;
  char            *operator_no;
  CfClockFunc      clock;       /* (nullable): the wall clock when NULL */
  gpointer         clock_data;
  char            *what;
  char            *failed_heading;
  CfGuardedAction  action;
  gpointer         user_data;
  GDestroyNotify   destroy;
  GPtrArray       *managers;   /* CfOperator, as listed in the prompt */
  AdwComboRow     *manager_row;
  AdwPasswordEntryRow *pin_row;
} Guard;

static void
guard_free (Guard *guard)
{
  if (guard->destroy != NULL)
    guard->destroy (guard->user_data);
  g_clear_object (&guard->parent);
  g_clear_object (&guard->store);
  g_free (guard->operator_no);
  g_free (guard->what);
  g_free (guard->failed_heading);
  g_clear_pointer (&guard->managers, g_ptr_array_unref);
  g_free (guard);
}

static void present_prompt (Guard *guard, const char *problem);

static void
prompt_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Guard            *guard)
{
  g_autoptr(GError) error = NULL;
  guint i = adw_combo_row_get_selected (guard->manager_row);
  CfOperator *manager = i < guard->managers->len ? g_ptr_array_index (guard->managers, i) : NULL;
  g_autofree char *pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (guard->pin_row)));
  g_autoptr(GDateTime) now = guard->clock != NULL ? guard->clock (guard->clock_data) : NULL;
  gboolean done;

  if (!g_str_equal (response, "approve") || manager == NULL)
    {
      guard_free (guard);
      return;
    }
  if (!cf_auth_begin_override (guard->store, guard->operator_no, cf_operator_get_no (manager), pin, guard->what, now,
                               &error))
    {
      /* Asked again, saying why: a wrong PIN, a wait, a lock. */
      present_prompt (guard, error->message);
      return;
    }
  done = guard->action (guard->user_data, &error);
  cf_auth_end_override (guard->store);
  if (!done)
    cf_show_message (guard->parent, guard->failed_heading, error->message);
  guard_free (guard);
}

/* Enter in the PIN approves, as the button would. */
static void
pin_activated_cb (AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "approve"))
    adw_message_dialog_response (dialog, "approve");
}

static void
present_prompt (Guard      *guard,
                const char *problem)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) all = cf_auth_list_operators (guard->store, FALSE, NULL);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *group = adw_preferences_group_new ();

  g_clear_pointer (&guard->managers, g_ptr_array_unref);
  guard->managers = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      CfOperator *op = g_ptr_array_index (all, i);
      g_autofree char *label = NULL;

      if (cf_operator_get_role (op) != CF_ROLE_MANAGER || !cf_operator_has_pin (op))
        continue;
      label = cf_operator_dup_label (op);
      gtk_string_list_append (names, label);
      g_ptr_array_add (guard->managers, g_object_ref (op));
    }

  body = problem != NULL
         ? g_strdup_printf (_("%s\n\n%s"), guard->what, problem)
         : g_strdup_printf (_("“%s” needs a manager. A manager can approve it here with their PIN; "
                              "the audit log will name you both."), guard->what);
  dialog = adw_message_dialog_new (guard->parent, _("Manager Approval Needed"), body);
  guard->manager_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (guard->manager_row), _("Manager"));
  adw_combo_row_set_model (guard->manager_row, G_LIST_MODEL (names));
  guard->pin_row = ADW_PASSWORD_ENTRY_ROW (adw_password_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (guard->pin_row), _("Manager’s PIN"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (guard->manager_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (guard->pin_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "approve", _("_Approve"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "approve", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "approve");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "approve", guard->managers->len > 0);
  g_signal_connect (dialog, "response", G_CALLBACK (prompt_response_cb), guard);
  g_signal_connect_swapped (guard->pin_row, "entry-activated", G_CALLBACK (pin_activated_cb), dialog);
  /* Asked again after a wrong PIN: the PIN row shows it. */
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (guard->pin_row), "error");
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (guard->pin_row));
}

/**
 * cf_manager_prompt_run:
 * @operator_no: who is at the desk
 * @what: the action, as the prompt and the audit log name it ("Sign off the handover report")
 * @failed_heading: the heading when it fails for another reason ("The Report Was Not Signed Off")
 * @action: does it; called once more under a manager's override when the
 *   first try is refused for want of a manager
 *
 * Does @action now, or after a manager approves it, or says why not.
 */
void
cf_manager_prompt_run (GtkWindow        *parent,
                       CfStore          *store,
                       const char       *operator_no,
                       CfClockFunc       clock,
                       gpointer          clock_data,
                       const char       *what,
                       const char       *failed_heading,
                       CfGuardedAction   action,
                       gpointer          user_data,
                       GDestroyNotify    destroy)
{
  g_autoptr(GError) error = NULL;
  Guard *guard;

  if (action (user_data, &error))
    {
      if (destroy != NULL)
        destroy (user_data);
      return;
    }
  if (!g_error_matches (error, CF_AUTH_ERROR, CF_AUTH_ERROR_NEEDS_MANAGER))
    {
      cf_show_message (parent, failed_heading, error->message);
      if (destroy != NULL)
        destroy (user_data);
      return;
    }

  guard = g_new0 (Guard, 1);
  guard->parent = parent != NULL ? g_object_ref (parent) : NULL;
  guard->store = g_object_ref (store);
  guard->operator_no = g_strdup (operator_no);
  guard->clock = clock;
  guard->clock_data = clock_data;
  guard->what = g_strdup (what);
  guard->failed_heading = g_strdup (failed_heading);
  guard->action = action;
  guard->user_data = user_data;
  guard->destroy = destroy;
  present_prompt (guard, NULL);
}
