/* cf-operators-page.c — Preferences: the people who work at the desk, and locking
 *
 * Every change here is a manager's: a clerk who tries one is asked for a
 * manager's PIN (cf_session_run_as_manager()). New operators get their PIN
 * typed twice by the manager, who tells it to them; operators can change
 * it themselves from the header bar's menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-auth.h"
#include "cf-message.h"
#include "cf-operators-page-private.h"
#include "cf-text.h"

struct _CfOperatorsPage
{
  AdwPreferencesPage  parent_instance;

  AdwPreferencesGroup *operators_group;
  GtkSpinButton      *idle_minutes;
  GPtrArray          *rows;        /* the operator rows, to remove on reload */

  CfSession          *session;
  GSettings          *settings;
  guint               n_operators;
};

G_DEFINE_FINAL_TYPE (CfOperatorsPage, cf_operators_page, ADW_TYPE_PREFERENCES_PAGE)

/* One change to one operator, maybe on a manager's authority. */
typedef struct
{
  CfOperatorsPage *page;
  char            *verb;
  char            *operator_no;
  char            *name;
  CfRole           role;
  char            *pin;
} Change;

static void
change_free (gpointer data)
{
  Change *change = data;

  g_clear_object (&change->page);
  g_free (change->verb);
  g_free (change->operator_no);
  g_free (change->name);
  if (change->pin != NULL)
    memset (change->pin, 0, strlen (change->pin));
  g_free (change->pin);
  g_free (change);
}

static gboolean
change_action (gpointer   data,
               GError   **error)
{
  Change *change = data;
  CfStore *store = cf_session_get_store (change->page->session);
  const char *by = cf_session_get_operator_no (change->page->session);
  gboolean ok;

  if (g_str_equal (change->verb, "save"))
    ok = cf_auth_save_operator (store, by, change->operator_no, change->name, change->role, change->pin, error);
  else if (g_str_equal (change->verb, "pin"))
    ok = cf_auth_set_pin (store, by, change->operator_no, change->pin, error);
  else if (g_str_equal (change->verb, "unlock"))
    ok = cf_auth_unlock (store, by, change->operator_no, error);
  else
    ok = cf_auth_set_active (store, by, change->operator_no, g_str_equal (change->verb, "enable"), error);
  if (ok)
    cf_operators_page_reload (change->page);
  return ok;
}

static void
run_change (CfOperatorsPage *self,
            Change          *change)
{
  change->page = g_object_ref (self);
  cf_session_run_as_manager (self->session, GTK_WIDGET (self), _("Manage the operators"),
                             _("The Operator Was Not Changed"), change_action, change, change_free);
}

static GtkWidget *
add_row (GtkWidget  *group,
         const char *title,
         gboolean    password)
{
  GtkWidget *row = password ? adw_password_entry_row_new () : adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static const char *
row_text (GtkWidget *group,
          const char *key)
{
  return gtk_editable_get_text (g_object_get_data (G_OBJECT (group), key));
}

static void
operator_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             CfOperatorsPage  *self)
{
  GtkWidget *group = adw_message_dialog_get_extra_child (dialog);
  Change *change;

  if (!g_str_equal (response, "save"))
    return;
  if (!g_str_equal (row_text (group, "pin"), row_text (group, "again")))
    {
      cf_show_message (cf_widget_get_window (GTK_WIDGET (self)), _("The Operator Was Not Changed"), _("The two PINs differ"));
      return;
    }
  change = g_new0 (Change, 1);
  change->operator_no = g_strstrip (g_strdup (row_text (group, "no")));
  change->name = g_strstrip (g_strdup (row_text (group, "name")));
  change->role = adw_combo_row_get_selected (g_object_get_data (G_OBJECT (group), "role")) == 1 ? CF_ROLE_MANAGER
                                                                                                : CF_ROLE_CLERK;
  change->pin = *row_text (group, "pin") != '\0' ? g_strdup (row_text (group, "pin")) : NULL;
  change->verb = g_strdup (g_object_get_data (G_OBJECT (dialog), "verb"));
  run_change (self, change);
}

/* What is wrong with the form, beside the field at fault, and Save only
 * when nothing is: a refused form would close and lose what was typed. */
static void
form_changed_cb (GtkWidget *group)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (gtk_widget_get_ancestor (group, ADW_TYPE_MESSAGE_DIALOG));
  gboolean adding = g_object_get_data (G_OBJECT (group), "adding") != NULL;
  gboolean pin_needed = adding || g_object_get_data (G_OBJECT (group), "pin-only") != NULL;
  const char *pin = row_text (group, "pin");
  const char *keys[] = { "no", "name", "pin", "again" };
  g_autoptr(GError) error = NULL;
  const char *fault = NULL;
  const char *problem = NULL;

  if (adding && cf_text_is_blank (row_text (group, "no")))
    fault = "no", problem = _("Give the operator's number");
  else if (gtk_widget_get_visible (g_object_get_data (G_OBJECT (group), "name")) && cf_text_is_blank (row_text (group, "name")))
    fault = "name", problem = _("Give the operator's name");
  else if ((pin_needed || *pin != '\0') && !cf_auth_check_pin_rules (pin, &error))
    fault = "pin", problem = error->message;
  else if (!g_str_equal (pin, row_text (group, "again")))
    fault = "again", problem = _("The two PINs differ");

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkWidget *row = g_object_get_data (G_OBJECT (group), keys[i]);

      /* A field left empty is only said; one typed wrong is marked. */
      if (fault != NULL && g_str_equal (keys[i], fault) && *gtk_editable_get_text (GTK_EDITABLE (row)) != '\0')
        gtk_widget_add_css_class (row, "error");
      else
        gtk_widget_remove_css_class (row, "error");
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         problem != NULL ? problem : g_object_get_data (G_OBJECT (group), "hint"));
  if (dialog != NULL)
    adw_message_dialog_set_response_enabled (dialog, "save", problem == NULL);
}

/* Add (@op %NULL) or edit an operator; for a new PIN alone, @pin_only. */
static void
present_operator_dialog (CfOperatorsPage *self,
                         CfOperator      *op,
                         gboolean         pin_only)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *dialog;
  GtkWidget *no, *name, *role;
  const char *roles[] = { _("Clerk"), _("Manager"), NULL };

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   op == NULL ? _("Add an Operator") : pin_only ? _("Set a New PIN") : _("Change the Operator"),
                                   op == NULL || pin_only
                                   ? _("The PIN has 4 to 12 digits; tell it to the operator, who can change it later.")
                                   : _("Leave the PIN empty to keep theirs."));
  no = add_row (group, _("Operator no. (as printed on slips)"), FALSE);
  name = add_row (group, _("Name"), FALSE);
  role = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role), _("Role"));
  adw_combo_row_set_model (ADW_COMBO_ROW (role), G_LIST_MODEL (gtk_string_list_new (roles)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), role);
  g_object_set_data (G_OBJECT (group), "no", no);
  g_object_set_data (G_OBJECT (group), "name", name);
  g_object_set_data (G_OBJECT (group), "role", role);
  g_object_set_data (G_OBJECT (group), "pin", add_row (group, _("PIN"), TRUE));
  g_object_set_data (G_OBJECT (group), "again", add_row (group, _("The same PIN again"), TRUE));
  if (op != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (no), cf_operator_get_no (op));
      gtk_editable_set_text (GTK_EDITABLE (name), cf_operator_get_name (op));
      adw_combo_row_set_selected (ADW_COMBO_ROW (role), cf_operator_get_role (op) == CF_ROLE_MANAGER ? 1 : 0);
      gtk_widget_set_sensitive (no, FALSE);
      gtk_widget_set_visible (name, !pin_only);
      gtk_widget_set_visible (role, !pin_only);
    }
  g_object_set_data_full (G_OBJECT (dialog), "verb", g_strdup (pin_only ? "pin" : "save"), g_free);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (group), "adding", GINT_TO_POINTER (op == NULL));
  g_object_set_data (G_OBJECT (group), "pin-only", GINT_TO_POINTER (pin_only));
  g_object_set_data_full (G_OBJECT (group), "hint",
                          g_strdup (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group))), g_free);
  {
    const char *keys[] = { "no", "name", "pin", "again" };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      g_signal_connect_swapped (g_object_get_data (G_OBJECT (group), keys[i]), "changed", G_CALLBACK (form_changed_cb), group);
  }
  form_changed_cb (group);
  g_signal_connect_object (dialog, "response", G_CALLBACK (operator_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_clicked_cb (CfOperatorsPage *self)
{
  present_operator_dialog (self, NULL, FALSE);
}

static void
let_go_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Change           *change)
{
  CfOperatorsPage *self = g_object_get_data (G_OBJECT (dialog), "page");

  if (g_str_equal (response, "let-go"))
    run_change (self, change);
  else
    change_free (change);
}

static void
operator_button_cb (GtkButton       *button,
                    CfOperatorsPage *self)
{
  CfOperator *op = g_object_get_data (G_OBJECT (button), "operator");
  const char *verb = g_object_get_data (G_OBJECT (button), "verb");
  Change *change;

  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
  if (g_str_equal (verb, "edit") || g_str_equal (verb, "pin"))
    {
      present_operator_dialog (self, op, g_str_equal (verb, "pin"));
      return;
    }
  change = g_new0 (Change, 1);
  change->verb = g_strdup (verb);
  change->operator_no = g_strdup (cf_operator_get_no (op));
  /* Letting someone go ends their signing in at once: asked first. */
  if (g_str_equal (verb, "disable"))
    {
      g_autofree char *heading = g_strdup_printf (_("Let %s Go?"), cf_operator_get_name (op));
      GtkWidget *dialog = adw_message_dialog_new (cf_widget_get_window (GTK_WIDGET (self)), heading,
                                                  _("They can no longer sign in. What they did stays in the log "
                                                    "under their number; Bring Back undoes this."));

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "let-go", _("_Let Go"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "let-go", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "page", g_object_ref (self), g_object_unref);
      g_signal_connect (dialog, "response", G_CALLBACK (let_go_response_cb), change);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  run_change (self, change);
}

static GtkWidget *
operator_menu (CfOperatorsPage *self,
               CfOperator      *op)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *name = g_strdup_printf (_("Change %s"), cf_operator_get_name (op));
  const struct { const char *verb; const char *label; gboolean shown; } items[] = {
    { "edit", N_("Change Name or Role…"), cf_operator_is_active (op) },
    { "pin", N_("Set a New PIN…"), cf_operator_is_active (op) },
    { "unlock", N_("Unlock"), cf_operator_get_locked_until (op) != NULL },
    { "disable", N_("Let Go (No More Signing In)"), cf_operator_is_active (op) },
    { "enable", N_("Bring Back"), !cf_operator_is_active (op) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    if (items[i].shown)
      {
        GtkWidget *item = gtk_button_new_with_label (_(items[i].label));

        gtk_widget_add_css_class (item, "flat");
        g_object_set_data_full (G_OBJECT (item), "operator", g_object_ref (op), g_object_unref);
        g_object_set_data (G_OBJECT (item), "verb", (gpointer) items[i].verb);
        g_signal_connect_object (item, "clicked", G_CALLBACK (operator_button_cb), self, 0);
        gtk_box_append (GTK_BOX (box), item);
      }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Change This Operator"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return button;
}

/**
 * cf_operators_page_reload:
 *
 * Lists the operators again, with their role and whether they can sign in.
 */
void
cf_operators_page_reload (CfOperatorsPage *self)
{
  g_autoptr(GPtrArray) operators = cf_auth_list_operators (cf_session_get_store (self->session), TRUE, NULL);

  GtkWidget *seen = NULL;
  guint n_seen = 0;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->operators_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  self->n_operators = operators != NULL ? operators->len : 0;
  for (guint i = 0; i < self->n_operators; i++)
    {
      CfOperator *op = g_ptr_array_index (operators, i);
      const char *name = cf_operator_get_name (op);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = cf_operator_dup_label (op);
      GString *state = g_string_new (cf_operator_get_role (op) == CF_ROLE_MANAGER ? _("Manager") : _("Clerk"));

      if (!cf_operator_is_active (op))
        g_string_append_printf (state, " · %s", _("no longer works here"));
      else if (!cf_operator_has_pin (op))
        g_string_append_printf (state, " · %s", _("no PIN yet: cannot sign in"));
      if (cf_operator_get_locked_until (op) != NULL)
        g_string_append_printf (state, " · %s", _("locked after wrong PINs"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), state->str);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), operator_menu (self, op));
      g_string_free (state, TRUE);
      /* A number a journal named, never a person here: kept apart, below. */
      if (!cf_operator_has_pin (op) && cf_operator_get_role (op) == CF_ROLE_CLERK &&
          (name == NULL || *name == '\0' || g_str_equal (name, cf_operator_get_no (op))))
        {
          if (seen == NULL)
            {
              seen = adw_expander_row_new ();
              adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (seen),
                                             _("Numbers the terminals' journals name, not people who sign in here. Give "
                                               "one a name and a PIN to let them sign in."));
            }
          adw_expander_row_add_row (ADW_EXPANDER_ROW (seen), row);
          n_seen++;
          continue;
        }
      adw_preferences_group_add (self->operators_group, row);
      g_ptr_array_add (self->rows, row);
    }
  if (seen != NULL)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u operator no. seen in journals",
                                                             "%u operator nos. seen in journals", n_seen), n_seen);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (seen), title);
      adw_preferences_group_add (self->operators_group, seen);
      g_ptr_array_add (self->rows, seen);
    }
}

guint
cf_operators_page_get_n_operators (CfOperatorsPage *self)
{
  g_return_val_if_fail (CF_IS_OPERATORS_PAGE (self), 0);
  return self->n_operators;
}

static void
cf_operators_page_dispose (GObject *object)
{
  CfOperatorsPage *self = (CfOperatorsPage *) object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (cf_operators_page_parent_class)->dispose (object);
}

static void
cf_operators_page_class_init (CfOperatorsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_operators_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/counterfoil/Counterfoil/cf-operators-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfOperatorsPage, operators_group);
  gtk_widget_class_bind_template_child (widget_class, CfOperatorsPage, idle_minutes);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
cf_operators_page_init (CfOperatorsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/**
 * cf_operators_page_new:
 * @settings: (nullable): the application's settings, for the idle lock
 *
 * Returns: (transfer floating): the page
 */
CfOperatorsPage *
cf_operators_page_new (CfSession *session,
                       GSettings *settings)
{
  CfOperatorsPage *self = g_object_new (CF_TYPE_OPERATORS_PAGE, NULL);

  self->session = g_object_ref (session);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  if (self->settings != NULL)
    g_settings_bind (self->settings, "lock-after-minutes", gtk_spin_button_get_adjustment (self->idle_minutes),
                     "value", G_SETTINGS_BIND_DEFAULT);
  gtk_widget_set_sensitive (GTK_WIDGET (self->idle_minutes), self->settings != NULL);

  cf_operators_page_reload (self);
  return self;
}
