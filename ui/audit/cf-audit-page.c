/* cf-audit-page.c — the Audit Log section: who did what, and whether the chain holds
 *
 * A manager's view of the append-only log: filtered by operator, action,
 * object and time in SQL, newest first, the latest MAX_SHOWN at most (the
 * count of all matches is shown). Verify recomputes the hash chain and
 * says which entry, if any, was altered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-audit-entry.h"
#include "cf-audit-page-private.h"
#include "cf-store-task.h"

#define MAX_SHOWN 5000

struct _CfAuditPage
{
  GtkBox        parent_instance;

  /* widgets */
  GtkEntry     *operator_entry;
  GtkDropDown  *action_dropdown;
  GtkEntry     *object_entry;
  GtkEntry     *from_entry;
  GtkEntry     *to_entry;
  GtkLabel     *count_label;
  GtkLabel     *status_label;
  GtkColumnView *column_view;

  /* owned */
  CfStore      *store;
  GListStore   *entries;
  GtkStringList *actions;     /* as shown: "All actions", then labels */
  GStrv         action_nicks; /* the actions themselves, in the same order after "All" */
  GCancellable *cancellable;  /* cancelled when the page goes */
  gboolean      filling_actions;
  gboolean      verifying;
};

G_DEFINE_FINAL_TYPE (CfAuditPage, cf_audit_page, GTK_TYPE_BOX)

typedef enum
{
  COLUMN_ID,
  COLUMN_TIME,
  COLUMN_OPERATOR,
  COLUMN_ACTION,
  COLUMN_OBJECT,
  COLUMN_DETAILS,
} Column;

static char *
cell_text (CfAuditEntry *entry,
           Column        column)
{
  switch (column)
    {
    case COLUMN_ID:
      return g_strdup_printf ("%" G_GINT64_FORMAT, cf_audit_entry_get_id (entry));
    case COLUMN_TIME:
      return cf_audit_entry_dup_local_time (entry);
    case COLUMN_OPERATOR:
      if (cf_audit_entry_get_operator_no (entry) == NULL)
        return g_strdup ("—");
      return g_strdup_printf ("%s %s", cf_audit_entry_get_operator_no (entry),
                              cf_audit_entry_get_operator_name (entry) != NULL ? cf_audit_entry_get_operator_name (entry) : "");
    case COLUMN_ACTION:
      return g_strdup (cf_audit_action_get_label (cf_audit_entry_get_action (entry)));
    case COLUMN_OBJECT:
      if (cf_audit_entry_get_object_type (entry) == NULL)
        return g_strdup ("");
      if (cf_audit_entry_get_object_id (entry) == 0)
        return g_strdup (cf_audit_entry_get_object_type (entry));
      return g_strdup_printf ("%s#%" G_GINT64_FORMAT, cf_audit_entry_get_object_type (entry),
                              cf_audit_entry_get_object_id (entry));
    case COLUMN_DETAILS:
    default:
      return g_strdup (cf_audit_entry_get_details (entry) != NULL ? cf_audit_entry_get_details (entry) : "");
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (data) == COLUMN_ID)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  g_autofree char *text = cell_text (gtk_list_item_get_item (item), GPOINTER_TO_INT (data));
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, GPOINTER_TO_INT (data) == COLUMN_DETAILS && *text != '\0' ? text : NULL);
}

static void
add_column (CfAuditPage *self,
            const char  *title,
            Column       column,
            gboolean     expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

static const char *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

/* Finds the entries the filters ask for. */
static void
find_entries (CfAuditPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  guint action_index = gtk_drop_down_get_selected (self->action_dropdown);
  const char *action = action_index > 0 && action_index != GTK_INVALID_LIST_POSITION && self->action_nicks != NULL
                       ? self->action_nicks[action_index - 1] : NULL;
  CfAuditFilter filter = { entry_text (self->operator_entry), action, entry_text (self->object_entry),
                           entry_text (self->from_entry), entry_text (self->to_entry) };
  gint64 total = 0;

  found = cf_audit_find (self->store, &filter, MAX_SHOWN, &total, &error);
  g_list_store_remove_all (self->entries);
  if (found == NULL)
    {
      gtk_label_set_text (self->count_label, error->message);
      return;
    }
  g_list_store_splice (self->entries, 0, 0, found->pdata, found->len);
  if (total > (gint64) found->len)
    {
      g_autofree char *text = g_strdup_printf (_("The newest %u of %lld entries; filter to see others"),
                                               found->len, (long long) total);
      gtk_label_set_text (self->count_label, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld entry", "%lld entries", (gulong) total),
                                               (long long) total);
      gtk_label_set_text (self->count_label, text);
    }
}

/* The action choices: every action the log holds, after "all". */
static void
fill_actions (CfAuditPage *self)
{
  g_auto(GStrv) actions = cf_audit_list_actions (self->store);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) shown = NULL;
  guint index = gtk_drop_down_get_selected (self->action_dropdown);
  g_autofree char *keep = NULL;

  if (index > 0 && index != GTK_INVALID_LIST_POSITION && self->action_nicks != NULL)
    keep = g_strdup (self->action_nicks[index - 1]);
  for (guint i = 0; actions[i] != NULL; i++)
    g_strv_builder_add (labels, cf_audit_action_get_label (actions[i]));
  shown = g_strv_builder_end (labels);
  self->filling_actions = TRUE;
  gtk_string_list_splice (self->actions, 1, g_list_model_get_n_items (G_LIST_MODEL (self->actions)) - 1,
                          (const char * const *) shown);
  g_strfreev (self->action_nicks);
  self->action_nicks = g_steal_pointer (&actions);
  gtk_drop_down_set_selected (self->action_dropdown, 0);
  for (guint i = 0; keep != NULL && self->action_nicks[i] != NULL; i++)
    if (g_str_equal (self->action_nicks[i], keep))
      gtk_drop_down_set_selected (self->action_dropdown, i + 1);
  self->filling_actions = FALSE;
}

static void
verify_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CfAuditPage *self = user_data;   /* gone if cancelled: the page cancels as it goes */
  g_autoptr(GError) error = NULL;
  guint64 n = 0;
  g_autoptr(GPtrArray) problems = cf_store_verify_finish (CF_STORE (source), result, &n, &error);
  g_autofree char *text = NULL;
  gboolean sound = problems != NULL && problems->len == 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->verifying = FALSE;
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), sound ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), sound ? "success" : "error");
  if (problems == NULL)
    text = g_strdup (error->message);
  else if (!sound)
    text = g_strdup_printf (_("Altered: %s"), (const char *) g_ptr_array_index (problems, 0));
  else
    text = g_strdup_printf (_("Chain verified: %llu entries, none altered or removed, agreeing with every anchor"),
                            (unsigned long long) n);
  gtk_label_set_text (self->status_label, text);
}

/**
 * cf_audit_page_verify:
 *
 * Recomputes the chain, compares it with its anchors, and says whether it
 * holds — in a worker, the page saying so meanwhile.
 */
void
cf_audit_page_verify (CfAuditPage *self)
{
  g_return_if_fail (CF_IS_AUDIT_PAGE (self));

  if (self->verifying)
    return;
  self->verifying = TRUE;
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
  gtk_label_set_text (self->status_label, _("Verifying the chain…"));
  cf_store_verify_async (self->store, self->cancellable, verify_done_cb, self);
}

/**
 * cf_audit_page_is_verifying:
 *
 * Returns: whether a verification is running
 */
gboolean
cf_audit_page_is_verifying (CfAuditPage *self)
{
  g_return_val_if_fail (CF_IS_AUDIT_PAGE (self), FALSE);
  return self->verifying;
}

static void
filter_changed_cb (CfAuditPage *self)
{
  if (!self->filling_actions)
    find_entries (self);
}

static void
verify_clicked_cb (CfAuditPage *self)
{
  cf_audit_page_verify (self);
}

static GtkEntry *
filter_entry (CfAuditPage *self,
              GtkWidget   *bar,
              const char  *placeholder,
              int          width)
{
  GtkEntry *entry = GTK_ENTRY (gtk_entry_new ());

  gtk_entry_set_placeholder_text (entry, placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width);
  g_signal_connect_object (entry, "changed", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (entry));
  return entry;
}

static void
cf_audit_page_dispose (GObject *object)
{
  CfAuditPage *self = (CfAuditPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->entries);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->action_nicks, g_strfreev);

  G_OBJECT_CLASS (cf_audit_page_parent_class)->dispose (object);
}

static void
cf_audit_page_class_init (CfAuditPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_audit_page_dispose;
}

static void
cf_audit_page_init (CfAuditPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *status_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *verify = gtk_button_new_with_mnemonic (_("_Verify the Chain"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkNoSelection *selection;

  self->cancellable = g_cancellable_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->entries = g_list_store_new (CF_TYPE_AUDIT_ENTRY);
  self->actions = gtk_string_list_new ((const char *[]) { _("All actions"), NULL });

  gtk_widget_set_margin_start (status_bar, 12);
  gtk_widget_set_margin_end (status_bar, 12);
  gtk_widget_set_margin_top (status_bar, 8);
  self->status_label = GTK_LABEL (gtk_label_new (_("The chain has not been verified since the window opened")));
  gtk_label_set_xalign (self->status_label, 0);
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->status_label), TRUE);
  gtk_box_append (GTK_BOX (status_bar), GTK_WIDGET (self->status_label));
  g_signal_connect_object (verify, "clicked", G_CALLBACK (verify_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (status_bar), verify);
  gtk_box_append (GTK_BOX (self), status_bar);

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 8);
  gtk_widget_set_margin_bottom (bar, 6);
  self->operator_entry = filter_entry (self, bar, _("Operator no."), 10);
  self->action_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->actions)), NULL));
  g_signal_connect_object (self->action_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->action_dropdown));
  self->object_entry = filter_entry (self, bar, _("Object, e.g. shift#12"), 16);
  self->from_entry = filter_entry (self, bar, _("From YYYY-MM-DD"), 14);
  self->to_entry = filter_entry (self, bar, _("To YYYY-MM-DD"), 14);
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->count_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (self), bar);

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->entries)));
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (selection)));
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  add_column (self, _("No."), COLUMN_ID, FALSE);
  add_column (self, _("Time"), COLUMN_TIME, FALSE);
  add_column (self, _("Operator"), COLUMN_OPERATOR, FALSE);
  add_column (self, _("Action"), COLUMN_ACTION, FALSE);
  add_column (self, _("Object"), COLUMN_OBJECT, FALSE);
  add_column (self, _("Details"), COLUMN_DETAILS, TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->column_view));
  gtk_box_append (GTK_BOX (self), scroller);
}

/**
 * cf_audit_page_new:
 *
 * Returns: (transfer floating): the section
 */
CfAuditPage *
cf_audit_page_new (CfStore *store)
{
  CfAuditPage *self = g_object_new (CF_TYPE_AUDIT_PAGE, NULL);

  self->store = g_object_ref (store);
  cf_audit_page_reload (self);
  return self;
}

/**
 * cf_audit_page_reload:
 *
 * Reads the log again: the actions to choose from and the matching entries.
 */
void
cf_audit_page_reload (CfAuditPage *self)
{
  g_return_if_fail (CF_IS_AUDIT_PAGE (self));
  fill_actions (self);
  find_entries (self);
}

guint
cf_audit_page_get_n_shown (CfAuditPage *self)
{
  g_return_val_if_fail (CF_IS_AUDIT_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->entries));
}

/**
 * cf_audit_page_get_status:
 *
 * Returns: what the last verification found
 */
const char *
cf_audit_page_get_status (CfAuditPage *self)
{
  g_return_val_if_fail (CF_IS_AUDIT_PAGE (self), NULL);
  return gtk_label_get_text (self->status_label);
}
