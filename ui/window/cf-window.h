/* cf-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-duplicate-issuer.h"
#include "cf-session.h"
#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_WINDOW (cf_window_get_type ())

G_DECLARE_FINAL_TYPE (CfWindow, cf_window, CF, WINDOW, AdwApplicationWindow)

typedef struct _CfLossesPage CfLossesPage;
typedef struct _CfHandoverPage CfHandoverPage;
typedef struct _CfSignInPage CfSignInPage;
typedef struct _CfAuditPage CfAuditPage;

CfWindow   *cf_window_new                (GtkApplication *app,
                                          CfStore       *store,
                                          const GError  *open_error);
void        cf_window_reload             (CfWindow      *self);
GListModel *cf_window_get_transactions   (CfWindow      *self);
const char *cf_window_get_visible_page   (CfWindow      *self);
const char *cf_window_get_visible_section (CfWindow     *self);
guint       cf_window_get_n_searches     (CfWindow      *self);
const char *cf_window_get_operator       (CfWindow      *self);
gboolean    cf_window_is_importing       (CfWindow      *self);
GtkEditable *cf_window_get_search_entry  (CfWindow      *self);
const char *cf_window_get_caption        (CfWindow      *self);
const char *cf_window_get_count_text     (CfWindow      *self);
GtkWidget  *cf_window_get_details        (CfWindow      *self);
GtkColumnView *cf_window_get_column_view (CfWindow      *self);
CfStore    *cf_window_get_store          (CfWindow      *self);
CfSession  *cf_window_get_session        (CfWindow      *self);
void        cf_window_present_preferences (CfWindow     *self);
CfLossesPage *cf_window_get_losses_page  (CfWindow      *self);
CfHandoverPage *cf_window_get_handover_page (CfWindow    *self);
GArray     *cf_window_get_selected_ids   (CfWindow      *self);
guint       cf_window_issue_duplicate    (CfWindow          *self,
                                          CfDuplicateReason  reason,
                                          const char        *reason_text,
                                          CfReceiptCopy      copy,
                                          const char        *pdf_path,
                                          const char        *print_export_path,
                                          GError           **error);
void        cf_window_import_files       (CfWindow      *self,
                                          const char * const *paths);

/* cf-window-session.c */
void        cf_window_lock               (CfWindow      *self,
                                          const char    *why);
gboolean    cf_window_is_locked          (CfWindow      *self);
gboolean    cf_window_lock_if_idle       (CfWindow      *self,
                                          gint64         now);
CfSignInPage *cf_window_get_sign_in_page (CfWindow      *self);
CfAuditPage *cf_window_get_audit_page    (CfWindow      *self);
const char *cf_window_get_audit_warning  (CfWindow      *self);

G_END_DECLS
