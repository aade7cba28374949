/* cf-operator-menu.c — a button beside a "who" field that lists the people
 * who sign in here
 *
 * The field stays free text (the night guard who found the folder is no
 * operator), but the usual answer is one click: the operators, by name and
 * number. Numbers only seen in terminals' journals (no PIN, never signed in)
 * are not people to name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-auth.h"
#include "cf-operator-menu.h"

/**
 * cf_operator_menu_text_for:
 *
 * Returns: (transfer full) (nullable): how operator @operator_no is written
 *   into a field, or %NULL if there is no such operator
 */
char *
cf_operator_menu_text_for (CfStore      *store,
                           const char   *operator_no,
                           CfOperatorAs  as)
{
  g_autoptr(CfOperator) op = operator_no != NULL ? cf_auth_get_operator (store, operator_no, NULL) : NULL;

  if (op == NULL)
    return NULL;
  if (as == CF_OPERATOR_AS_NO)
    return g_strdup (cf_operator_get_no (op));
  return g_strdup_printf ("%s (%s)", cf_operator_get_name (op), cf_operator_get_no (op));
}

static void
person_clicked_cb (GtkButton *button,
                   GtkEditable *target)
{
  gtk_editable_set_text (target, g_object_get_data (G_OBJECT (button), "text"));
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
  gtk_widget_grab_focus (GTK_WIDGET (target));
}

/**
 * cf_operator_menu_new:
 * @target: the field the chosen person is written into
 *
 * Returns: (transfer floating): a menu button listing the active operators
 */
GtkWidget *
cf_operator_menu_new (CfStore      *store,
                      GtkEditable  *target,
                      CfOperatorAs  as)
{
  g_autoptr(GPtrArray) operators = cf_auth_list_operators (store, FALSE, NULL);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  for (guint i = 0; operators != NULL && i < operators->len; i++)
    {
      CfOperator *op = g_ptr_array_index (operators, i);
      g_autofree char *label = NULL;
      GtkWidget *item;

      if (!cf_operator_has_pin (op))
        continue;
      label = g_strdup_printf ("%s (%s)", cf_operator_get_name (op), cf_operator_get_no (op));
      item = gtk_button_new_with_label (label);
      gtk_widget_add_css_class (item, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (item))), 0);
      g_object_set_data_full (G_OBJECT (item), "text",
                              as == CF_OPERATOR_AS_NO ? g_strdup (cf_operator_get_no (op)) : g_steal_pointer (&label),
                              g_free);
      g_signal_connect_object (item, "clicked", G_CALLBACK (person_clicked_cb), target, 0);
      gtk_box_append (GTK_BOX (box), item);
    }

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "avatar-default-symbolic");
  gtk_widget_set_tooltip_text (button, _("Choose an Operator"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose an Operator"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, gtk_widget_get_first_child (box) != NULL);
  return button;
}
