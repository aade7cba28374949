/* cf-message.c — telling a person what went wrong, in a dialog they close;
 * what was saved or done, in a toast
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

static AdwToastOverlay *
find_toast_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = find_toast_overlay (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The overlay of @widget's window, or of the window it was opened over. */
static AdwToastOverlay *
toast_overlay_for (GtkWidget *widget)
{
  for (GtkWindow *window = GTK_IS_WINDOW (widget) ? GTK_WINDOW (widget) : cf_widget_get_window (widget);
       window != NULL; window = gtk_window_get_transient_for (window))
    {
      AdwToastOverlay *overlay = find_toast_overlay (GTK_WIDGET (window));

      if (overlay != NULL)
        return overlay;
    }
  return NULL;
}

/**
 * cf_show_done:
 * @widget: where it was done: its window's toast overlay, or that of the
 *   window it was opened over, tells it
 * @text: what was done, a sentence ("Backup made")
 *
 * Says that work finished, in a toast; a message dialog when no window
 * has an overlay.
 */
void
cf_show_done (GtkWidget  *widget,
              const char *text)
{
  AdwToastOverlay *overlay = toast_overlay_for (widget);

  if (overlay == NULL)
    {
      cf_show_message (cf_widget_get_window (widget), text, NULL);
      return;
    }
  {
    g_autofree char *escaped = g_markup_escape_text (text, -1);
    adw_toast_overlay_add_toast (overlay, adw_toast_new (escaped));
  }
}

static void
open_saved_cb (AdwToast   *toast,
               const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  if (uri != NULL)
    g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

/**
 * cf_show_saved:
 * @what: what was saved, a sentence start ("Duplicate No. 2 saved")
 * @path: the file
 *
 * Says where a file was saved, in a toast with Open.
 */
void
cf_show_saved (GtkWidget  *widget,
               const char *what,
               const char *path)
{
  AdwToastOverlay *overlay = toast_overlay_for (widget);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *folder = g_path_get_dirname (path);
  /* Translators: "Duplicate No. 2 saved as slip.pdf in /home/…" */
  g_autofree char *text = g_strdup_printf (_("%s as %s in %s"), what, name, folder);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    {
      cf_show_message (cf_widget_get_window (widget), what, text);
      return;
    }
  /* A toast's title is markup: a folder named "R&D" is text. */
  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_saved_cb), g_strdup (path),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}
