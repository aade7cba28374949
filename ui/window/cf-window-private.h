/* cf-window-private.h — what the window's files share: its struct
 *
 * cf-window.c is the transaction browser; cf-window-session.c is who is
 * signed in, locking, backups and noticing other writers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-audit-page.h"
#include "cf-chain-page.h"
#include "cf-duplicate-issuer.h"
#include "cf-details-pane.h"
#include "cf-handover-page.h"
#include "cf-losses-page.h"
#include "cf-near-misses-view.h"
#include "cf-operator.h"
#include "cf-reconcile-page.h"
#include "cf-session.h"
#include "cf-sign-in-page.h"
#include "cf-transaction-list.h"
#include "cf-transaction-query.h"
#include "cf-width-probe.h"
#include "cf-window.h"

G_BEGIN_DECLS

#define N_COLUMNS 11

struct _CfWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwViewSwitcherTitle *window_title;
  AdwViewStack         *view_stack;
  GtkBox               *losses_box;
  CfLossesPage         *losses_page;
  GtkBox               *handover_box;
  CfHandoverPage       *handover_page;
  GtkBox               *reconcile_box;
  CfReconcilePage      *reconcile_page;
  GtkMenuButton        *operator_button;
  GtkLabel             *operator_label;
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *filter_button;
  GtkGrid              *filter_grid;
  GtkLabel             *search_caption;
  GtkLabel             *count_label;
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  AdwStatusPage        *error_page;
  GtkPaned             *paned;
  GtkStack             *results_stack;
  GtkColumnView        *column_view;
  GtkMultiSelection    *selection;
  AdwStatusPage        *no_results_page;
  GtkWidget            *detail_scroller;
  GtkBox               *detail_box;
  GtkBox               *no_results_box;
  CfWidthProbe         *list_probe;
  CfNearMissesView     *near_misses;        /* built in code */
  CfDetailsPane        *details;
  GtkColumnViewColumn  *columns[N_COLUMNS];
  GMenu                *columns_menu;
  GtkStack             *session_stack;
  GtkBox               *sign_in_box;
  CfSignInPage         *sign_in_page;
  GtkBox               *audit_box;
  CfAuditPage          *audit_page;
  AdwViewStackPage     *audit_stack_page;
  GtkBox               *chain_box;
  CfChainPage          *chain_page;
  AdwViewStackPage     *chain_stack_page;
  GtkRevealer          *audit_banner;
  GtkRevealer          *connection_banner;
  gboolean              connection_lost;
  GtkLabel             *audit_banner_label;

  /* filter popover fields, built in code */
  GtkEntry             *filter_from;
  GtkEntry             *filter_to;
  GtkEntry             *filter_terminal;
  GtkEntry             *filter_operator;
  GtkEntry             *filter_amount_min;
  GtkEntry             *filter_amount_max;
  GtkEntry             *filter_brand;
  GtkDropDown          *filter_type;
  GtkDropDown          *filter_method;
  GtkLabel             *filter_error;

  /* owned */
  CfStore              *store;
  GSettings            *settings;
  GCancellable         *search_cancellable;
  GCancellable         *import_cancellable;
  GCancellable         *cancellable;        /* cancelled when the window closes */
  CfTransactionList    *list;
  CfTransactionQuery   *filter;
  CfSession            *session;            /* who is at the desk; NULL without a store */
  gint64                last_activity;      /* monotonic µs of the last input */
  guint                 idle_check_id;
  guint                 data_check_id;
  gint64                data_version;
  guint                 daily_backup_id;
  gint64                select_after_search;
  guint                 n_searches;         /* finished, for tests */
  gboolean              search_pending;     /* one runs, not yet shown */
  gboolean              clearing;           /* one search for many cleared fields */
  gboolean              importing;
  gboolean              backing_up;         /* the daily backup is running */
  gboolean              closing;            /* the backup on close is running */
};

/* cf-window.c, for the other parts */
CfTransaction *cf_window_current_transaction (CfWindow *self);
guint          cf_window_paper_columns       (CfWindow *self);
void           cf_window_select_only         (CfWindow *self,
                                              guint     position);
void           cf_window_start_search        (CfWindow *self);

/* cf-window-details.c */
void           cf_window_update_detail       (CfWindow *self);
void           cf_window_show_transaction    (CfWindow *self,
                                              gint64    id);
void           cf_window_details_init        (CfWindow *self);

/* cf-window-search.c */
void      cf_window_search_init       (CfWindow  *self);
void      cf_window_search_class_init (GtkWidgetClass *widget_class);
void      cf_window_search_forget     (CfWindow  *self);
void      cf_window_search_width_changed (CfWindow *self);

/* cf-window-columns.c */
void      cf_window_columns_init      (CfWindow       *self);
void      cf_window_columns_fit       (CfWindow       *self,
                                       const gboolean  shown[N_COLUMNS]);

/* cf-window-import.c */
void      cf_window_import_init       (CfWindow  *self);
void      cf_window_import_class_init (GtkWidgetClass *widget_class);

/* cf-window-session.c */
void      cf_window_session_init      (CfWindow  *self);
void      cf_window_session_start     (CfWindow  *self);
void      cf_window_session_dispose   (CfWindow  *self);
void      cf_window_session_class_init (GtkWidgetClass *widget_class);
gboolean  cf_window_session_close     (CfWindow  *self);

/* For tests and benchmarks: what a person sees, and doing what a click does. */
CfAuditPage *cf_window_get_audit_page    (CfWindow      *self);
CfChainPage *cf_window_get_chain_page    (CfWindow      *self);
const char *cf_window_get_audit_warning  (CfWindow      *self);
const char *cf_window_get_caption        (CfWindow      *self);
GtkColumnView *cf_window_get_column_view (CfWindow      *self);
const char *cf_window_get_count_text     (CfWindow      *self);
GtkWidget  *cf_window_get_details        (CfWindow      *self);
CfHandoverPage *cf_window_get_handover_page (CfWindow    *self);
CfReconcilePage *cf_window_get_reconcile_page (CfWindow  *self);
CfLossesPage *cf_window_get_losses_page  (CfWindow      *self);
guint       cf_window_get_n_searches     (CfWindow      *self);
gboolean    cf_window_is_searching       (CfWindow      *self);
const char *cf_window_get_operator       (CfWindow      *self);
GtkEditable *cf_window_get_search_entry  (CfWindow      *self);
CfSession  *cf_window_get_session        (CfWindow      *self);
CfSignInPage *cf_window_get_sign_in_page (CfWindow      *self);
CfStore    *cf_window_get_store          (CfWindow      *self);
GListModel *cf_window_get_transactions   (CfWindow      *self);
const char *cf_window_get_visible_page   (CfWindow      *self);
const char *cf_window_get_visible_section (CfWindow     *self);
void        cf_window_import_files       (CfWindow      *self,
                                          const char * const *paths);
gboolean    cf_window_is_importing       (CfWindow      *self);
gboolean    cf_window_is_locked          (CfWindow      *self);
guint       cf_window_issue_duplicate    (CfWindow          *self,
                                          CfDuplicateReason  reason,
                                          const char        *reason_text,
                                          CfReceiptCopy      copy,
                                          const char        *pdf_path,
                                          const char        *print_export_path,
                                          GError           **error);
gboolean    cf_window_lock_if_idle       (CfWindow      *self,
                                          gint64         now);

G_END_DECLS
