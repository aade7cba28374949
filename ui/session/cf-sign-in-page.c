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

static void
operator_selected_cb (CfSignInPage *self)
{
  set_message (self, NULL);
  update_wait (self);
}

static void
cf_sign_in_page_dispose (GObject *object)
{
  CfSignInPage *self = (CfSignInPage *) object;

  g_clear_handle_id (&self->countdown_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->operators, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_sign_in_page_parent_class)->dispose (object);
}

static void
cf_sign_in_page_class_init (CfSignInPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_sign_in_page_dispose;

  /**
   * CfSignInPage::signed-in:
   * @operator: who signed in
   */
  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 1, CF_TYPE_OPERATOR);
}

static AdwPasswordEntryRow *
pin_row_new (const char *title)
{
  GtkWidget *row = adw_password_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return ADW_PASSWORD_ENTRY_ROW (row);
}

static AdwEntryRow *
entry_row_new (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return ADW_ENTRY_ROW (row);
}

static void
cf_sign_in_page_init (CfSignInPage *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("system-lock-screen-symbolic");
  GtkWidget *setup = adw_preferences_group_new ();
  GtkWidget *unlock = adw_preferences_group_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Counterfoil"), NULL));
  gtk_box_append (GTK_BOX (self), header);

  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 520);
  gtk_widget_set_valign (content, GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_widget_set_margin_top (content, 36);
  gtk_widget_set_margin_bottom (content, 36);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 96);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (content), icon);
  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "title-1");
  gtk_label_set_wrap (self->title, TRUE);
  gtk_label_set_justify (self->title, GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->title));
  self->description = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->description, TRUE);
  gtk_label_set_justify (self->description, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->description), "dim-label");
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->description), 12);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->description));

  /* The first manager */
  self->no_row = entry_row_new (_("Operator no. (as printed on slips)"));
  self->name_row = entry_row_new (_("Name"));
  self->new_pin_row = pin_row_new (_("PIN (4 to 12 digits)"));
  self->again_row = pin_row_new (_("The same PIN again"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (setup), GTK_WIDGET (self->no_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (setup), GTK_WIDGET (self->name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (setup), GTK_WIDGET (self->new_pin_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (setup), GTK_WIDGET (self->again_row));
  g_signal_connect_object (self->again_row, "entry-activated", G_CALLBACK (button_clicked_cb), self, G_CONNECT_SWAPPED);

  /* Signing in */
  self->operator_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->operator_row), _("Operator"));
  /* The whole name, number and role, not cut short at the row's end. */
  adw_combo_row_set_use_subtitle (self->operator_row, TRUE);
  self->pin_row = pin_row_new (_("PIN"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (unlock), GTK_WIDGET (self->operator_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (unlock), GTK_WIDGET (self->pin_row));
  g_signal_connect_object (self->pin_row, "entry-activated", G_CALLBACK (button_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->operator_row, "notify::selected", G_CALLBACK (operator_selected_cb), self,
                           G_CONNECT_SWAPPED);

  self->mode_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->mode_stack, FALSE);
  gtk_stack_add_named (self->mode_stack, setup, "setup");
  gtk_stack_add_named (self->mode_stack, unlock, "sign-in");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->mode_stack));

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_justify (self->message, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->message));

  self->button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Sign In")));
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "suggested-action");
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "pill");
  gtk_widget_set_halign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (GTK_WIDGET (self->button), 12);
  g_signal_connect_object (self->button, "clicked", G_CALLBACK (button_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->button));

  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_box_append (GTK_BOX (self), scroller);
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
    g_autofree char *base = g_path_get_basename (cf_store_get_path (self->store));
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
