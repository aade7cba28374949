/* cf-message.c — telling a person what went wrong, in a dialog they close
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cf-card-number.h"
#include "cf-message.h"

/**
 * cf_show_message:
 * @heading: what did not happen, in title case ("The Shift Was Not Closed")
 * @body: why, as the service said it
 *
 * Presents a message dialog over @parent with a single Close button.
 */
void
cf_show_message (GtkWindow  *parent,
                 const char *heading,
                 const char *body)
{
  g_autofree char *safe_body = body != NULL ? cf_card_number_scrub (body, CF_CARD_SCRUB_ANY, NULL) : NULL;
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, safe_body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cf_widget_get_window:
 *
 * Returns: (transfer none) (nullable): the window @widget is in, as the
 *   parent of what it shows; %NULL before it is in one
 */
GtkWindow *
cf_widget_get_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}
