/* cf-sign-in-page.c — who is at the desk: the first manager, signing in, unlocking
 *
 * The window shows this page instead of its desk until someone signs in,
 * and again whenever it is locked. A new database has nobody who could
 * approve anything, so the page then asks for the first manager and the
 * PIN they choose (there is no default PIN). After a wrong PIN the button
 * waits as long as the store says the operator must.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-auth.h"
#include "cf-sign-in-page-private.h"

struct _CfSignInPage
{
  GtkBox                parent_instance;

  /* widgets */
  GtkLabel             *title;
  GtkLabel             *description;
  GtkStack             *mode_stack;
  AdwEntryRow          *no_row;
  AdwEntryRow          *name_row;
  AdwPasswordEntryRow  *new_pin_row;
  AdwPasswordEntryRow  *again_row;
  AdwComboRow          *operator_row;
  AdwPasswordEntryRow  *pin_row;
  GtkLabel             *message;
  GtkButton            *button;

  /* owned */
  CfStore              *store;
  GPtrArray            *operators;   /* CfOperator, as listed in operator_row */
  guint                 focus_pin_id;
  guint                 countdown_id;
  CfClockFunc           clock;       /* (nullable): the wall clock when NULL */
  gpointer              clock_data;
};

G_DEFINE_FINAL_TYPE (CfSignInPage, cf_sign_in_page, GTK_TYPE_BOX)

enum { SIGNED_IN, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
set_message (CfSignInPage *self,
             const char   *text)
{
  gtk_label_set_text (self->message, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL && *text != '\0');
}

/* The time tries are counted against: the page's clock, or NULL for the
 * store to read the wall clock. */
static GDateTime *
dup_now (CfSignInPage *self)
{
  return self->clock != NULL ? self->clock (self->clock_data) : NULL;
}

static CfOperator *
selected_operator (CfSignInPage *self)
{
  guint i = adw_combo_row_get_selected (self->operator_row);

  return self->operators != NULL && i < self->operators->len ? g_ptr_array_index (self->operators, i) : NULL;
}

/* Keeps the button shut while the chosen operator must wait after wrong PINs. */
static gboolean
countdown_cb (gpointer data)
{
  CfSignInPage *self = data;
  CfOperator *op = selected_operator (self);
  g_autoptr(GDateTime) now = dup_now (self);
  guint wait = op != NULL ? cf_auth_seconds_to_wait (self->store, cf_operator_get_no (op), now) : 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->button), wait == 0);
  if (wait == 0)
    {
      gtk_button_set_label (self->button, _("_Sign In"));
      self->countdown_id = 0;
      return G_SOURCE_REMOVE;
    }
  {
    g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Try Again in %u Second",
                                                           "Try Again in %u Seconds", wait), wait);
    gtk_button_set_label (self->button, label);
  }
  return G_SOURCE_CONTINUE;
}

static void
update_wait (CfSignInPage *self)
{
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  if (countdown_cb (self) == G_SOURCE_CONTINUE)
    self->countdown_id = g_timeout_add_seconds (1, countdown_cb, self);
}

static void
emit_signed_in (CfSignInPage *self,
                CfOperator   *op)
{
  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_pin_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->again_row), "");
  set_message (self, NULL);
  g_signal_emit (self, signals[SIGNED_IN], 0, op);
}

static void
create_first_manager (CfSignInPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfOperator) op = NULL;
  g_autofree char *no = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->no_row))));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->new_pin_row));

  if (!g_str_equal (pin, gtk_editable_get_text (GTK_EDITABLE (self->again_row))))
    {
      set_message (self, _("The two PINs differ; type the same PIN twice"));
      return;
    }
  if (!cf_auth_create_first_manager (self->store, no, name, pin, &error) ||
      (op = cf_auth_sign_in (self->store, no, pin, NULL, &error)) == NULL)
    {
      set_message (self, error->message);
      return;
    }
  emit_signed_in (self, op);
}

static void
sign_in (CfSignInPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfOperator) signed_in = NULL;
  g_autoptr(GDateTime) now = dup_now (self);
  CfOperator *op = selected_operator (self);

  if (op == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (self->button)))
    return;
  signed_in = cf_auth_sign_in (self->store, cf_operator_get_no (op),
                               gtk_editable_get_text (GTK_EDITABLE (self->pin_row)), now, &error);
  if (signed_in == NULL)
    {
      set_message (self, error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
      update_wait (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
      return;
    }
  emit_signed_in (self, signed_in);
}

static void
button_clicked_cb (CfSignInPage *self)
{
  if (cf_sign_in_page_is_setup (self))
    create_first_manager (self);
  else
    sign_in (self);
}

static gboolean
focus_pin_cb (gpointer user_data)
{
  CfSignInPage *self = user_data;

  self->focus_pin_id = 0;
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
  return G_SOURCE_REMOVE;
}

static void
operator_selected_cb (CfSignInPage *self)
{
  set_message (self, NULL);
  update_wait (self);
  /* Who was chosen types their PIN next: once the list's popover has closed
   * and given the focus back, it moves on to the PIN. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->focus_pin_id == 0)
    self->focus_pin_id = g_idle_add_full (G_PRIORITY_LOW, focus_pin_cb, self, NULL);
}

static void
cf_sign_in_page_dispose (GObject *object)
{
  CfSignInPage *self = (CfSignInPage *) object;

  g_clear_handle_id (&self->countdown_id, g_source_remove);
  g_clear_handle_id (&self->focus_pin_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->operators, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), CF_TYPE_SIGN_IN_PAGE);

  G_OBJECT_CLASS (cf_sign_in_page_parent_class)->dispose (object);
}

static void
cf_sign_in_page_class_init (CfSignInPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_sign_in_page_dispose;

  /**
   * CfSignInPage::signed-in:
   * @operator: who signed in
   */
  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 1, CF_TYPE_OPERATOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/counterfoil/Counterfoil/cf-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfSignInPage, title);
  gtk_widget_class_bind_template_child (widget_class, CfSignInPage, description);
  gtk_widget_class_bind_template_child (widget_class, CfSignInPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, CfSignInPage, no_row);
  gtk_widget_class_bind_template_child (widget_class, CfSignInPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, CfSignInPage, new_pin_row);
  gtk_widget_class_bind_template_child (widget_class, CfSignInPage, again_row);
  gtk_widget_class_bind_template_child (widget_class, CfSignInPage, operator_row);
  gtk_widget_class_bind_template_child (widget_class, CfSignInPage, pin_row);
  gtk_widget_class_bind_template_child (widget_class, CfSignInPage, message);
  gtk_widget_class_bind_template_child (widget_class, CfSignInPage, button);
  gtk_widget_class_bind_template_callback (widget_class, button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, operator_selected_cb);
}

static void
cf_sign_in_page_init (CfSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cf_sign_in_page_new:
 *
 * Returns: (transfer floating): the page, ready for cf_sign_in_page_reset()
 */
CfSignInPage *
cf_sign_in_page_new (CfStore *store)
{
  CfSignInPage *self = g_object_new (CF_TYPE_SIGN_IN_PAGE, NULL);

  self->store = g_object_ref (store);
  cf_sign_in_page_reset (self, NULL, FALSE);
  return self;
}

/**
 * cf_sign_in_page_reset:
 * @operator_no: (nullable): who to offer first, the operator who locked
 * @locked: whether the window was locked rather than just opened
 *
 * Lists the operators who can sign in again and clears what was typed;
 * asks for the first manager when there is none.
 */
void
cf_sign_in_page_reset (CfSignInPage *self,
                       const char   *operator_no,
                       gboolean      locked)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) all = NULL;
  guint selected = 0;

  g_return_if_fail (CF_IS_SIGN_IN_PAGE (self));

  set_message (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
  if (cf_auth_needs_first_manager (self->store))
    {
      gtk_label_set_text (self->title, _("Create the First Manager"));
      gtk_label_set_text (self->description,
                          _("A manager approves what a clerk may not do alone: duplicates are recorded under their name, "
                            "handover reports carry their signature. Choose the manager’s PIN now; "
                            "there is no default PIN."));
      gtk_stack_set_visible_child_name (self->mode_stack, "setup");
      gtk_button_set_label (self->button, _("_Create and Sign In"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->button), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->no_row));
      return;
    }

  g_clear_pointer (&self->operators, g_ptr_array_unref);
  self->operators = g_ptr_array_new_with_free_func (g_object_unref);
  all = cf_auth_list_operators (self->store, FALSE, NULL);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      CfOperator *op = g_ptr_array_index (all, i);
      g_autofree char *label = NULL;

      if (!cf_operator_has_pin (op))
        continue;
      label = g_strdup_printf ("%s (%s)%s", cf_operator_get_name (op), cf_operator_get_no (op),
                               cf_operator_get_role (op) == CF_ROLE_MANAGER ? _(" · manager") : "");
      if (g_strcmp0 (cf_operator_get_no (op), operator_no) == 0)
        selected = self->operators->len;
      g_ptr_array_add (self->operators, g_object_ref (op));
      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (self->operator_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->operator_row, selected);

  gtk_label_set_text (self->title, locked ? _("Counterfoil Is Locked") : _("Sign In"));
  {
    g_autofree char *base = cf_store_dup_display_name (self->store);
    g_autofree char *text = g_strdup_printf (locked ? _("%s is hidden until someone signs in with their PIN.")
                                                    : _("Choose who you are and type your PIN to work on %s."), base);
    gtk_label_set_text (self->description, text);
  }
  gtk_stack_set_visible_child_name (self->mode_stack, "sign-in");
  gtk_button_set_label (self->button, _("_Sign In"));
  update_wait (self);
  /* Whoever was offered types their PIN straight away. */
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
}

/**
 * cf_sign_in_page_is_setup:
 *
 * Returns: whether the page asks for the first manager
 */
gboolean
cf_sign_in_page_is_setup (CfSignInPage *self)
{
  g_return_val_if_fail (CF_IS_SIGN_IN_PAGE (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "setup") == 0;
}

/**
 * cf_sign_in_page_get_message:
 *
 * Returns: what the page says went wrong, or ""
 */
const char *
cf_sign_in_page_get_message (CfSignInPage *self)
{
  g_return_val_if_fail (CF_IS_SIGN_IN_PAGE (self), NULL);
  return gtk_label_get_text (self->message);
}

/**
 * cf_sign_in_page_set_clock:
 * @clock: (nullable): where the page reads the time; %NULL for the wall clock
 *
 * The time wrong PINs are counted against and waits are measured by, as
 * cf_auth_sign_in() takes it: a test sets one it moves by hand.
 */
void
cf_sign_in_page_set_clock (CfSignInPage *self,
                           CfClockFunc   clock,
                           gpointer      user_data)
{
  g_return_if_fail (CF_IS_SIGN_IN_PAGE (self));
  self->clock = clock;
  self->clock_data = user_data;
}
