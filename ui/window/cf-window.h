/* cf-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-session.h"
#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_WINDOW (cf_window_get_type ())

G_DECLARE_FINAL_TYPE (CfWindow, cf_window, CF, WINDOW, AdwApplicationWindow)

CfWindow   *cf_window_new                (GtkApplication *app,
                                          CfStore       *store,
                                          const GError  *open_error);
void        cf_window_reload             (CfWindow      *self);
void        cf_window_present_preferences (CfWindow     *self);
GArray     *cf_window_get_selected_ids   (CfWindow      *self);

/* cf-window-session.c */
void        cf_window_lock               (CfWindow      *self,
                                          const char    *why);

G_END_DECLS
