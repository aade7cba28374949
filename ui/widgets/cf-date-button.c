/* cf-date-button.c — a calendar beside a date field
 *
 * A button that drops down a calendar, opened at the day the field holds;
 * the day chosen is written into the field as YYYY-MM-DD, keeping a time
 * typed after it. The field stays typeable: the calendar is a shortcut,
 * not the only way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cf-date-button.h"

static void
day_selected_cb (GtkCalendar *calendar,
                 GtkEditable *field)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
  const char *text = gtk_editable_get_text (field);
  const char *time = strlen (text) > 10 && text[10] == ' ' ? text + 10 : "";
  g_autofree char *joined = g_strconcat (date, time, NULL);

  gtk_editable_set_text (field, joined);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

/* Opens at the day the field holds, or today. */
static void
popover_show_cb (GtkPopover  *popover,
                 GtkEditable *field)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  const char *text = gtk_editable_get_text (field);
  int y, m, d;

  if (sscanf (text, "%4d-%2d-%2d", &y, &m, &d) == 3 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (y, m, d, 0, 0, 0);

      g_signal_handlers_block_by_func (calendar, day_selected_cb, field);
      gtk_calendar_select_day (calendar, day);
      g_signal_handlers_unblock_by_func (calendar, day_selected_cb, field);
    }
}

/**
 * cf_date_button_new:
 * @field: where the chosen day is written
 *
 * Returns: (transfer floating): the button, to put beside @field
 */
GtkWidget *
cf_date_button_new (GtkEditable *field,
                    const char  *tooltip)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (day_selected_cb), field, 0);
  g_signal_connect_object (popover, "show", G_CALLBACK (popover_show_cb), field, 0);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}
