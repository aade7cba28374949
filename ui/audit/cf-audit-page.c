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
#include "cf-audit-sentence.h"
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
  GtkColumnViewColumn *details_column;

  GListStore   *entries;

  /* owned */
  CfStore      *store;
  GtkStringList *actions;     /* as shown: "All actions", then labels */
  GStrv         action_nicks; /* the actions themselves, in the same order after "All" */
  GCancellable *cancellable;  /* cancelled when the page goes */
  gboolean      filling_actions;
  gboolean      verifying;
};

G_DEFINE_FINAL_TYPE (CfAuditPage, cf_audit_page, GTK_TYPE_BOX)

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
  /* The list shows what was verified, the manager's own latest entries too. */
  cf_audit_page_reload (self);
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

static void
cf_audit_page_dispose (GObject *object)
{
  CfAuditPage *self = (CfAuditPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->actions);
  gtk_widget_dispose_template (GTK_WIDGET (object), CF_TYPE_AUDIT_PAGE);
  g_clear_pointer (&self->action_nicks, g_strfreev);

  G_OBJECT_CLASS (cf_audit_page_parent_class)->dispose (object);
}

static void
cf_audit_page_class_init (CfAuditPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_audit_page_dispose;

  g_type_ensure (CF_TYPE_AUDIT_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/counterfoil/Counterfoil/cf-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfAuditPage, operator_entry);
  gtk_widget_class_bind_template_child (widget_class, CfAuditPage, action_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfAuditPage, object_entry);
  gtk_widget_class_bind_template_child (widget_class, CfAuditPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, CfAuditPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, CfAuditPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CfAuditPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CfAuditPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CfAuditPage, details_column);
  gtk_widget_class_bind_template_child (widget_class, CfAuditPage, entries);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, verify_clicked_cb);
}

/* This desk's own writes do not change the database's data_version, which
 * is how the window hears of other desks': the log is read again each time
 * it is shown. */
static void
mapped_cb (CfAuditPage *self)
{
  if (self->store != NULL)
    cf_audit_page_reload (self);
}

static void
details_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

/* What the entry says, as a sentence in the reader's language; the stored
 * text, as the chain hashed it, in the tooltip. */
static void
details_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  CfAuditEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *sentence = cf_audit_sentence (cf_audit_entry_get_action (entry), cf_audit_entry_get_details (entry));

  gtk_label_set_text (GTK_LABEL (label), sentence);
  gtk_widget_set_tooltip_text (label, cf_audit_entry_get_details (entry));
}

static void
cf_audit_page_init (CfAuditPage *self)
{
  g_autoptr(GtkListItemFactory) details = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (details, "setup", G_CALLBACK (details_setup_cb), NULL);
  g_signal_connect (details, "bind", G_CALLBACK (details_bind_cb), NULL);
  gtk_column_view_column_set_factory (self->details_column, details);
  self->cancellable = g_cancellable_new ();
  /* "All actions", then the actions the log holds (fill_actions()). */
  self->actions = gtk_string_list_new ((const char *[]) { _("All actions"), NULL });
  self->filling_actions = TRUE;
  gtk_drop_down_set_model (self->action_dropdown, G_LIST_MODEL (self->actions));
  self->filling_actions = FALSE;
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
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
