/* cf-loss-dialog.c — the guided loss dialog: what is missing, impact, cause, customers, remedy
 *
 * Walks the clerk through what the merchant guide asks (docs/DOMAIN.md): which
 * slips are gone, what that affects (computed, not typed), why and who is
 * responsible, what each customer was told, and what is done about each
 * slip. Each step is checked before the next; Finish writes the incident,
 * its slips and any requests in one database transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-date-button.h"
#include "cf-loss-dialog-private.h"
#include "cf-loss-service.h"
#include "cf-message.h"
#include "cf-money.h"
#include "cf-operator-menu.h"
#include "cf-transaction-query.h"
#include "cf-transaction.h"

#define MAX_LISTED 500

/* A dialog closed before Finish keeps what was entered, to resume later. */
#define DRAFT_KEY "loss.draft"
static const char *const draft_fields[] = { "from", "to", "terminal", "description", "discovered-by",
                                            "discovered-at", "responsible", "notes" };

static const char *const steps[] = { "missing", "impact", "cause", "customers", "remedy" };

typedef struct
{
  CfTransaction *txn;
  GtkCheckButton *lost;
  GtkCheckButton *contacted;
  GtkDropDown    *proof;
  GtkEntry       *said;
  GtkDropDown    *remedy;
  GtkEntry       *reason;
} SlipRow;

struct _CfLossDialog
{
  AdwWindow       parent_instance;

  CfStore        *store;
  char           *operator_no;
  GtkStack       *stack;
  GtkButton      *back;
  GtkButton      *next;
  GtkLabel       *message;
  AdwWindowTitle *title;
  GHashTable     *fields;       /* name → widget, for the steps' single fields */
  GtkBox         *found_box;
  GtkBox         *customers_box;
  GtkBox         *remedy_box;
  GtkLabel       *impact_label;
  GtkLabel       *summary_label;
  GPtrArray      *rows;         /* SlipRow, every transaction listed in step 1 */
  guint           step;
  gint64          incident;
};

G_DEFINE_FINAL_TYPE (CfLossDialog, cf_loss_dialog, ADW_TYPE_WINDOW)

static void
slip_row_free (gpointer data)
{
  SlipRow *row = data;

  g_clear_object (&row->txn);
  g_free (row);
}

static GtkWidget *
field (CfLossDialog *self,
       const char   *name)
{
  return g_hash_table_lookup (self->fields, name);
}

static const char *
text_of (CfLossDialog *self,
         const char   *name)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field (self, name)));
  return *text != '\0' ? text : NULL;
}

static GPtrArray *
lost_rows (CfLossDialog *self)
{
  GPtrArray *lost = g_ptr_array_new ();

  for (guint i = 0; i < self->rows->len; i++)
    {
      SlipRow *row = g_ptr_array_index (self->rows, i);
      if (gtk_check_button_get_active (row->lost))
        g_ptr_array_add (lost, row);
    }
  return lost;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static char *
describe (CfTransaction *txn)
{
  g_autofree char *amount = cf_transaction_dup_amount_text (txn);
  g_autofree char *card = cf_transaction_dup_masked_card (txn, TRUE);

  return g_strdup_printf ("%s  %s  %s  %s  %s", cf_transaction_get_local_time (txn),
                          cf_transaction_get_voucher_no (txn) != NULL ? cf_transaction_get_voucher_no (txn) : "-",
                          cf_txn_type_get_label (cf_transaction_get_txn_type (txn)), amount, card);
}

/* The line under the steps: what is wrong, in red, or a notice, not. */
static void
say (CfLossDialog *self,
     const char   *text,
     gboolean      problem)
{
  gtk_label_set_text (self->message, text);
  if (problem)
    gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message), "error");
}

static void update_next (CfLossDialog *self);

/* Select all: an afternoon's lost slips are ticked in one click. */
static void
select_all_toggled_cb (GtkCheckButton *all,
                       CfLossDialog   *self)
{
  gboolean active = gtk_check_button_get_active (all);

  for (guint i = 0; i < self->rows->len; i++)
    gtk_check_button_set_active (((SlipRow *) g_ptr_array_index (self->rows, i))->lost, active);
}

static void
list_transactions (CfLossDialog *self,
                   GPtrArray    *txns,
                   gboolean      ticked)
{
  clear_box (self->found_box);
  g_ptr_array_set_size (self->rows, 0);
  if (txns->len > 1)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Select all %u", "_Select all %u",
                                                             MIN (txns->len, MAX_LISTED)),
                                                MIN (txns->len, MAX_LISTED));
      GtkWidget *all = gtk_check_button_new_with_mnemonic (label);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (all), ticked);
      g_signal_connect_object (all, "toggled", G_CALLBACK (select_all_toggled_cb), self, 0);
      gtk_widget_add_css_class (all, "heading");
      gtk_box_append (self->found_box, all);
    }
  for (guint i = 0; i < txns->len && i < MAX_LISTED; i++)
    {
      SlipRow *row = g_new0 (SlipRow, 1);
      g_autofree char *label = describe (g_ptr_array_index (txns, i));

      row->txn = g_object_ref (g_ptr_array_index (txns, i));
      row->lost = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (label));
      gtk_check_button_set_active (row->lost, ticked);
      g_signal_connect_object (row->lost, "toggled", G_CALLBACK (update_next), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->found_box, GTK_WIDGET (row->lost));
      g_ptr_array_add (self->rows, row);
    }
  if (txns->len == 0)
    gtk_box_append (self->found_box, gtk_label_new (_("No transaction in this period.")));
  update_next (self);
}

static void
find_clicked_cb (CfLossDialog *self)
{
  g_autoptr(CfTransactionQuery) query = cf_transaction_query_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  const char *from = text_of (self, "from");
  const char *to = text_of (self, "to");

  /* No period would list the shop's oldest sales: say what is missing. */
  if (from == NULL && to == NULL)
    {
      say (self, _("Give the period the lost slips are from: From and To"), TRUE);
      return;
    }
  query->terminal_no = g_strdup (text_of (self, "terminal"));
  query->limit = MAX_LISTED;
  query->sort_ascending = TRUE;
  if ((from != NULL && !cf_transaction_query_set_from (query, from, &error)) ||
      (to != NULL && !cf_transaction_query_set_to (query, to, &error)) ||
      (found = cf_store_find_transactions (self->store, query, &error)) == NULL)
    {
      say (self, error->message, TRUE);
      return;
    }
  say (self, "", TRUE);
  list_transactions (self, found, FALSE);
}

static void show_summary (CfLossDialog *self);

static void
build_customers_and_remedies (CfLossDialog *self)
{
  const char *proofs[] = { _("No other proof"), _("Membership card"), _("Bank or card statement"),
                           _("E-payment record"), _("Other proof"), NULL };
  const char *remedies[] = { _("Issue a duplicate"), _("Request from the acquiring bank"),
                             _("Request from the POS provider"), _("No action"), NULL };
  g_autoptr(GPtrArray) lost = lost_rows (self);

  clear_box (self->customers_box);
  clear_box (self->remedy_box);
  for (guint i = 0; i < lost->len; i++)
    {
      SlipRow *row = g_ptr_array_index (lost, i);
      g_autofree char *label = describe (row->txn);
      GtkWidget *c = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *r = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *rline = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *title = gtk_label_new (label);
      GtkWidget *rtitle = gtk_label_new (label);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_xalign (GTK_LABEL (rtitle), 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_add_css_class (rtitle, "heading");

      if (row->contacted == NULL)
        {
          row->contacted = GTK_CHECK_BUTTON (g_object_ref_sink (gtk_check_button_new_with_label (_("Contacted"))));
          row->proof = GTK_DROP_DOWN (g_object_ref_sink (gtk_drop_down_new_from_strings (proofs)));
          row->said = GTK_ENTRY (g_object_ref_sink (gtk_entry_new ()));
          gtk_entry_set_placeholder_text (row->said, _("What the customer was told"));
          row->remedy = GTK_DROP_DOWN (g_object_ref_sink (gtk_drop_down_new_from_strings (remedies)));
          row->reason = GTK_ENTRY (g_object_ref_sink (gtk_entry_new ()));
          gtk_entry_set_placeholder_text (row->reason, _("Why no action (needed for “No action”)"));
          /* The summary follows each choice; a remedy's label does not resize the row. */
          g_signal_connect_object (row->remedy, "notify::selected", G_CALLBACK (show_summary), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (row->remedy, "notify::selected", G_CALLBACK (update_next), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (row->reason, "changed", G_CALLBACK (update_next), self, G_CONNECT_SWAPPED);
          gtk_widget_set_size_request (GTK_WIDGET (row->remedy), 280, -1);
          gtk_widget_set_size_request (GTK_WIDGET (row->proof), 200, -1);
          gtk_accessible_update_property (GTK_ACCESSIBLE (row->remedy), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remedy"), -1);
          gtk_accessible_update_property (GTK_ACCESSIBLE (row->proof), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Other proof the customer has"), -1);
        }
      /* Built again after Back: the old boxes are gone with clear_box (), the
       * row's own widgets are kept, with what was typed in them. */

      gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->contacted));
      gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->proof));
      gtk_widget_set_hexpand (GTK_WIDGET (row->said), TRUE);
      gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->said));
      gtk_box_append (GTK_BOX (c), title);
      gtk_box_append (GTK_BOX (c), line);
      gtk_box_append (self->customers_box, c);

      gtk_box_append (GTK_BOX (rline), GTK_WIDGET (row->remedy));
      gtk_widget_set_hexpand (GTK_WIDGET (row->reason), TRUE);
      gtk_box_append (GTK_BOX (rline), GTK_WIDGET (row->reason));
      gtk_box_append (GTK_BOX (r), rtitle);
      gtk_box_append (GTK_BOX (r), rline);
      gtk_box_append (self->remedy_box, r);
    }
}

static void
show_impact (CfLossDialog *self)
{
  g_autoptr(GPtrArray) lost = lost_rows (self);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  CfLossImpact impact;

  for (guint i = 0; i < lost->len; i++)
    {
      gint64 id = cf_transaction_get_id (((SlipRow *) g_ptr_array_index (lost, i))->txn);
      g_array_append_val (ids, id);
    }
  if (!cf_loss_compute_impact (self->store, (gint64 *) ids->data, ids->len, now, &impact, &error))
    {
      gtk_label_set_text (self->impact_label, error->message);
      return;
    }
  {
    g_autofree char *net = cf_money_format (impact.net_minor, "CNY");
    g_autofree char *gross = cf_money_format (impact.gross_minor, "CNY");

    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u slip, net %s (sales %s).\n",
                                               "%u slips, net %s (sales %s).\n", impact.count),
                            impact.count, net, gross);
  }
  for (guint t = 0; t < G_N_ELEMENTS (impact.count_by_type); t++)
    if (impact.count_by_type[t] > 0)
      {
        g_autofree char *amount = cf_money_format (impact.amount_by_type[t], "CNY");
        g_string_append_printf (text, "  %s: %u, %s\n", cf_txn_type_get_label ((CfTxnType) t), impact.count_by_type[t], amount);
      }
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                            "%u is a refund or void, or a sale refunded or voided later: a return may need its slip.\n",
                                            "%u are refunds or voids, or sales refunded or voided later: a return may need their slip.\n",
                                            impact.refund_related), impact.refund_related);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                            "%u is inside the 13-month window in which the bank may still ask for the slip.\n",
                                            "%u are inside the 13-month window in which the bank may still ask for the slip.\n",
                                            impact.in_retention), impact.in_retention);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u card: the customer to contact.\n",
                                            "%u cards: the customers to contact.\n", impact.cards), impact.cards);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                            "%u is on the acquirer's statement or a wallet's bill: a record of the sale while "
                                            "its slip is missing (Reconciliation).",
                                            "%u are on the acquirer's statement or a wallet's bill: a record of the sale while "
                                            "its slip is missing (Reconciliation).", impact.settled), impact.settled);
  gtk_label_set_text (self->impact_label, text->str);
}

static void
show_summary (CfLossDialog *self)
{
  g_autoptr(GPtrArray) lost = lost_rows (self);
  guint counts[4] = { 0 };

  for (guint i = 0; i < lost->len; i++)
    {
      SlipRow *row = g_ptr_array_index (lost, i);
      counts[MIN (gtk_drop_down_get_selected (row->remedy), 3)]++;
    }
  {
    g_autofree char *text = g_strdup_printf (_("%u duplicates to issue, %u slips requested from the bank, %u from the POS provider, "
                                               "%u without action. Finish records it all at once."),
                                             counts[0], counts[1], counts[2], counts[3]);
    gtk_label_set_text (self->summary_label, text);
  }
}

static void
save_draft (CfLossDialog *self)
{
  g_autoptr(GKeyFile) draft = g_key_file_new ();
  g_autoptr(GPtrArray) lost = lost_rows (self);
  g_autofree char *data = NULL;
  g_autofree gint *remedies = g_new0 (gint, MAX (lost->len, 1));
  g_autofree gint *proofs = g_new0 (gint, MAX (lost->len, 1));
  g_autofree gboolean *contacted = g_new0 (gboolean, MAX (lost->len, 1));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) said = g_ptr_array_new ();
  g_autoptr(GPtrArray) reasons = g_ptr_array_new ();
  gboolean detailed = lost->len > 0 && ((SlipRow *) g_ptr_array_index (lost, 0))->remedy != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (draft_fields); i++)
    g_key_file_set_string (draft, "Draft", draft_fields[i],
                           gtk_editable_get_text (GTK_EDITABLE (field (self, draft_fields[i]))));
  g_key_file_set_integer (draft, "Draft", "cause", (gint) gtk_drop_down_get_selected (GTK_DROP_DOWN (field (self, "cause"))));
  for (guint i = 0; i < lost->len; i++)
    {
      SlipRow *row = g_ptr_array_index (lost, i);

      g_ptr_array_add (ids, g_strdup_printf ("%" G_GINT64_FORMAT, cf_transaction_get_id (row->txn)));
      if (detailed && row->remedy != NULL)
        {
          contacted[i] = gtk_check_button_get_active (row->contacted);
          proofs[i] = (gint) gtk_drop_down_get_selected (row->proof);
          remedies[i] = (gint) gtk_drop_down_get_selected (row->remedy);
          g_ptr_array_add (said, (gpointer) gtk_editable_get_text (GTK_EDITABLE (row->said)));
          g_ptr_array_add (reasons, (gpointer) gtk_editable_get_text (GTK_EDITABLE (row->reason)));
        }
    }
  g_key_file_set_string_list (draft, "Draft", "ids", (const char * const *) ids->pdata, ids->len);
  if (detailed && said->len == lost->len)
    {
      g_key_file_set_boolean_list (draft, "Draft", "contacted", contacted, lost->len);
      g_key_file_set_integer_list (draft, "Draft", "proofs", proofs, lost->len);
      g_key_file_set_integer_list (draft, "Draft", "remedies", remedies, lost->len);
      g_key_file_set_string_list (draft, "Draft", "said", (const char * const *) said->pdata, said->len);
      g_key_file_set_string_list (draft, "Draft", "reasons", (const char * const *) reasons->pdata, reasons->len);
    }
  data = g_key_file_to_data (draft, NULL, NULL);
  cf_store_set_setting (self->store, DRAFT_KEY, data, NULL);
}

static gboolean
restore_draft (CfLossDialog *self)
{
  g_autofree char *data = cf_store_get_setting (self->store, DRAFT_KEY);
  g_autoptr(GKeyFile) draft = g_key_file_new ();
  g_autoptr(GPtrArray) txns = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) ids = NULL;
  gsize n_ids = 0;

  if (data == NULL || !g_key_file_load_from_data (draft, data, -1, G_KEY_FILE_NONE, NULL))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (draft_fields); i++)
    {
      g_autofree char *value = g_key_file_get_string (draft, "Draft", draft_fields[i], NULL);
      if (value != NULL)
        gtk_editable_set_text (GTK_EDITABLE (field (self, draft_fields[i])), value);
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (field (self, "cause")),
                              (guint) g_key_file_get_integer (draft, "Draft", "cause", NULL));
  ids = g_key_file_get_string_list (draft, "Draft", "ids", &n_ids, NULL);
  for (gsize i = 0; ids != NULL && i < n_ids; i++)
    {
      CfTransaction *txn = cf_store_get_transaction (self->store, g_ascii_strtoll (ids[i], NULL, 10), NULL);
      if (txn != NULL)
        g_ptr_array_add (txns, txn);
    }
  list_transactions (self, txns, TRUE);

  if (g_key_file_has_key (draft, "Draft", "remedies", NULL))
    {
      gsize n = 0;
      g_autofree gint *remedies = g_key_file_get_integer_list (draft, "Draft", "remedies", &n, NULL);
      g_autofree gint *proofs = g_key_file_get_integer_list (draft, "Draft", "proofs", NULL, NULL);
      g_autofree gboolean *contacted = g_key_file_get_boolean_list (draft, "Draft", "contacted", NULL, NULL);
      g_auto(GStrv) said = g_key_file_get_string_list (draft, "Draft", "said", NULL, NULL);
      g_auto(GStrv) reasons = g_key_file_get_string_list (draft, "Draft", "reasons", NULL, NULL);

      build_customers_and_remedies (self);
      for (guint i = 0; i < self->rows->len && i < n && remedies != NULL && proofs != NULL && contacted != NULL &&
                        said != NULL && reasons != NULL; i++)
        {
          SlipRow *row = g_ptr_array_index (self->rows, i);

          gtk_check_button_set_active (row->contacted, contacted[i]);
          gtk_drop_down_set_selected (row->proof, (guint) proofs[i]);
          gtk_drop_down_set_selected (row->remedy, (guint) remedies[i]);
          gtk_editable_set_text (GTK_EDITABLE (row->said), said[i] != NULL ? said[i] : "");
          gtk_editable_set_text (GTK_EDITABLE (row->reason), reasons[i] != NULL ? reasons[i] : "");
        }
    }
  return TRUE;
}

static gboolean
close_request_cb (CfLossDialog *self)
{
  g_autoptr(GPtrArray) lost = lost_rows (self);

  if (self->incident == 0 && lost->len > 0)
    save_draft (self);
  return FALSE;
}

/* Whether the step holds what it needs; the field at fault is marked, and
 * with @focus it takes the focus. */
static gboolean
step_is_complete (CfLossDialog *self,
                  gboolean      focus)
{
  g_autoptr(GPtrArray) lost = lost_rows (self);
  gboolean complete = TRUE;

  switch (self->step)
    {
    case 0:
      return lost->len > 0;
    case 2:
      {
        GtkWidget *responsible = field (self, "responsible");

        complete = text_of (self, "responsible") != NULL;
        if (complete)
          gtk_widget_remove_css_class (responsible, "error");
        else if (focus)
          {
            gtk_widget_add_css_class (responsible, "error");
            gtk_widget_grab_focus (responsible);
          }
        return complete;
      }
    case 4:
      for (guint i = 0; i < lost->len; i++)
        {
          SlipRow *row = g_ptr_array_index (lost, i);
          gboolean missing = gtk_drop_down_get_selected (row->remedy) == 3 &&
                             *gtk_editable_get_text (GTK_EDITABLE (row->reason)) == '\0';

          if (!missing)
            gtk_widget_remove_css_class (GTK_WIDGET (row->reason), "error");
          else if (focus)
            {
              gtk_widget_add_css_class (GTK_WIDGET (row->reason), "error");
              if (complete)
                gtk_widget_grab_focus (GTK_WIDGET (row->reason));
            }
          complete = complete && !missing;
        }
      return complete;
    default:
      return TRUE;
    }
}

/* Next waits until the step holds what it needs. */
static void
update_next (CfLossDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->next), step_is_complete (self, FALSE));
}

static void
update_buttons (CfLossDialog *self)
{
  static const char *titles[] = { N_("1 of 5: What Is Missing"), N_("2 of 5: Impact"), N_("3 of 5: Cause and Responsibility"),
                                  N_("4 of 5: Customers"), N_("5 of 5: Remedy") };

  gtk_stack_set_visible_child_name (self->stack, steps[self->step]);
  adw_window_title_set_subtitle (self->title, _(titles[self->step]));
  gtk_widget_set_sensitive (GTK_WIDGET (self->back), self->step > 0);
  gtk_button_set_label (self->next, self->step == G_N_ELEMENTS (steps) - 1 ? _("_Finish") : _("_Next"));
  update_next (self);
}

static gboolean
finish (CfLossDialog *self)
{
  static const char *const proof_nicks[] = { NULL, "membership", "statement", "epayment", "other" };
  g_autoptr(GPtrArray) lost = lost_rows (self);
  g_autoptr(GArray) slips = g_array_new (FALSE, TRUE, sizeof (CfLossSlip));
  g_autoptr(GError) error = NULL;
  const char *causes[] = { "human", "technical", "environmental", "management" };
  CfLossIncidentInfo info = { 0 };

  for (guint i = 0; i < lost->len; i++)
    {
      SlipRow *row = g_ptr_array_index (lost, i);
      guint remedy = gtk_drop_down_get_selected (row->remedy);
      const char *said = gtk_editable_get_text (GTK_EDITABLE (row->said));
      const char *reason = gtk_editable_get_text (GTK_EDITABLE (row->reason));
      CfLossSlip slip = { cf_transaction_get_id (row->txn), gtk_check_button_get_active (row->contacted),
                          *said != '\0' ? said : NULL, proof_nicks[MIN (gtk_drop_down_get_selected (row->proof), 4)],
                          remedy == 0 ? CF_LOSS_REMEDY_DUPLICATE : remedy == 3 ? CF_LOSS_REMEDY_NONE : CF_LOSS_REMEDY_REQUEST,
                          *reason != '\0' ? reason : NULL, remedy == 2 ? "provider" : "acquirer" };
      g_array_append_val (slips, slip);
    }

  info.period_from = text_of (self, "from");
  info.period_to = text_of (self, "to");
  info.description = text_of (self, "description");
  info.cause = causes[MIN (gtk_drop_down_get_selected (GTK_DROP_DOWN (field (self, "cause"))), 3)];
  info.discovered_by = text_of (self, "discovered-by");
  info.discovered_at = text_of (self, "discovered-at");
  info.responsible = text_of (self, "responsible");
  info.notes = text_of (self, "notes");

  self->incident = cf_loss_create_incident (self->store, &info, (CfLossSlip *) slips->data, slips->len,
                                            self->operator_no, &error);
  if (self->incident == 0)
    {
      say (self, error->message, TRUE);
      return FALSE;
    }
  cf_store_set_setting (self->store, DRAFT_KEY, NULL, NULL);
  {
    g_autofree char *done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Loss #%lld reported: %u slip",
                                                          "Loss #%lld reported: %u slips", slips->len),
                                             (long long) self->incident, slips->len);
    GtkWindow *over = gtk_window_get_transient_for (GTK_WINDOW (self));

    if (over != NULL)
      cf_show_done (GTK_WIDGET (over), done);
  }
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/**
 * cf_loss_dialog_next:
 *
 * Checks the current step and goes to the next, or finishes on the last.
 *
 * Returns: whether it moved on; when not, the message says why
 */
gboolean
cf_loss_dialog_next (CfLossDialog *self)
{
  g_autoptr(GPtrArray) lost = lost_rows (self);

  say (self, "", TRUE);
  switch (self->step)
    {
    case 0:
      if (lost->len == 0)
        {
          say (self, _("Tick the transactions whose slips are missing."), TRUE);
          return FALSE;
        }
      show_impact (self);
      break;
    case 2:
      if (!step_is_complete (self, TRUE))
        {
          say (self, _("Name the person responsible for the slips."), TRUE);
          return FALSE;
        }
      build_customers_and_remedies (self);
      break;
    case 3:
      show_summary (self);
      break;
    case 4:
      if (!step_is_complete (self, TRUE))
        {
          say (self, _("Say why no action is taken for every slip marked “No action”."), TRUE);
          return FALSE;
        }
      return finish (self);
    default:
      break;
    }
  self->step++;
  update_buttons (self);
  return TRUE;
}

void
cf_loss_dialog_back (CfLossDialog *self)
{
  if (self->step > 0)
    self->step--;
  say (self, "", TRUE);
  update_buttons (self);
}

static void
next_clicked_cb (CfLossDialog *self)
{
  cf_loss_dialog_next (self);
}

static void
back_clicked_cb (CfLossDialog *self)
{
  cf_loss_dialog_back (self);
}

/* The transactions to start with, ticked; else the draft left last time. */
/* Beside a field in its grid: a calendar, or the list of operators. */
static void
attach_beside (CfLossDialog *self,
               const char   *name,
               GtkWidget    *widget)
{
  GtkWidget *entry = field (self, name);
  GtkGrid *grid = GTK_GRID (gtk_widget_get_parent (entry));
  int column, row, width, height;

  gtk_grid_query_child (grid, entry, &column, &row, &width, &height);
  gtk_grid_attach (grid, widget, column + width, row, 1, 1);
}

static void
start (CfLossDialog *self,
       GArray       *preselected)
{
  /* Who found it and who answers for it are, nearly always, people here. */
  {
    const char *const people[] = { "discovered-by", "responsible" };
    g_autofree char *me = cf_operator_menu_text_for (self->store, self->operator_no, CF_OPERATOR_AS_NAME_AND_NO);

    for (guint i = 0; i < G_N_ELEMENTS (people); i++)
      attach_beside (self, people[i], cf_operator_menu_new (self->store, GTK_EDITABLE (field (self, people[i])),
                                                            CF_OPERATOR_AS_NAME_AND_NO));
    if (me != NULL)
      gtk_editable_set_text (GTK_EDITABLE (field (self, "discovered-by")), me);
  }
  if ((preselected == NULL || preselected->len == 0) && restore_draft (self))
    say (self, _("The draft saved when this dialog was last closed is back; Finish records it."), FALSE);
  else if (preselected != NULL && preselected->len > 0)
    {
      g_autoptr(GPtrArray) txns = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < preselected->len; i++)
        {
          CfTransaction *txn = cf_store_get_transaction (self->store, g_array_index (preselected, gint64, i), NULL);
          if (txn != NULL)
            g_ptr_array_add (txns, txn);
        }
      list_transactions (self, txns, TRUE);
    }
  update_buttons (self);
}

/**
 * cf_loss_dialog_new:
 * @preselected_ids: (nullable) (element-type gint64): transactions to start with, ticked
 *
 * Returns: (transfer none): the dialog over @parent, not yet shown
 */
CfLossDialog *
cf_loss_dialog_new (GtkWindow  *parent,
                    CfStore    *store,
                    const char *operator_no,
                    GArray     *preselected_ids)
{
  CfLossDialog *self = g_object_new (CF_TYPE_LOSS_DIALOG, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->operator_no = g_strdup (operator_no);
  start (self, preselected_ids);
  return self;
}

const char *
cf_loss_dialog_get_step (CfLossDialog *self)
{
  g_return_val_if_fail (CF_IS_LOSS_DIALOG (self), NULL);
  return steps[self->step];
}

const char *
cf_loss_dialog_get_message (CfLossDialog *self)
{
  g_return_val_if_fail (CF_IS_LOSS_DIALOG (self), NULL);
  return gtk_label_get_text (self->message);
}

/**
 * cf_loss_dialog_get_field:
 * @name: `from`, `to`, `terminal`, `description`, `cause`, `discovered-by`,
 *   `responsible`, `notes`, or `remedy-N` / `reason-N` for the Nth lost slip
 *
 * Returns: (transfer none) (nullable): the widget, for tests to fill in
 */
GtkWidget *
cf_loss_dialog_get_field (CfLossDialog *self,
                          const char   *name)
{
  g_autoptr(GPtrArray) lost = NULL;

  g_return_val_if_fail (CF_IS_LOSS_DIALOG (self), NULL);

  if (g_str_has_prefix (name, "remedy-") || g_str_has_prefix (name, "reason-"))
    {
      guint n = (guint) g_ascii_strtoull (name + 7, NULL, 10);
      SlipRow *row;

      lost = lost_rows (self);
      if (n >= lost->len)
        return NULL;
      row = g_ptr_array_index (lost, n);
      return g_str_has_prefix (name, "remedy-") ? GTK_WIDGET (row->remedy) : GTK_WIDGET (row->reason);
    }
  return field (self, name);
}

/**
 * cf_loss_dialog_get_incident:
 *
 * Returns: the incident Finish recorded, or 0
 */
gint64
cf_loss_dialog_get_incident (CfLossDialog *self)
{
  g_return_val_if_fail (CF_IS_LOSS_DIALOG (self), 0);
  return self->incident;
}

static void
cf_loss_dialog_dispose (GObject *object)
{
  CfLossDialog *self = (CfLossDialog *) object;

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      SlipRow *row = g_ptr_array_index (self->rows, i);
      g_clear_object (&row->contacted);
      g_clear_object (&row->proof);
      g_clear_object (&row->said);
      g_clear_object (&row->remedy);
      g_clear_object (&row->reason);
    }
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->operator_no, g_free);

  G_OBJECT_CLASS (cf_loss_dialog_parent_class)->dispose (object);
}

/* The steps' single fields, by the names drafts and tests know them by. */
static const struct
{
  const char *name;
  const char *id;
} field_ids[] = {
  { "from", "from_entry" }, { "to", "to_entry" }, { "terminal", "terminal_entry" },
  { "description", "description_entry" }, { "cause", "cause_dropdown" }, { "discovered-by", "discovered_by_entry" },
  { "discovered-at", "discovered_at_entry" }, { "responsible", "responsible_entry" }, { "notes", "notes_entry" },
};

static void
cf_loss_dialog_class_init (CfLossDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_loss_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/counterfoil/Counterfoil/cf-loss-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CfLossDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CfLossDialog, back);
  gtk_widget_class_bind_template_child (widget_class, CfLossDialog, next);
  gtk_widget_class_bind_template_child (widget_class, CfLossDialog, message);
  gtk_widget_class_bind_template_child (widget_class, CfLossDialog, title);
  gtk_widget_class_bind_template_child (widget_class, CfLossDialog, found_box);
  gtk_widget_class_bind_template_child (widget_class, CfLossDialog, customers_box);
  gtk_widget_class_bind_template_child (widget_class, CfLossDialog, remedy_box);
  gtk_widget_class_bind_template_child (widget_class, CfLossDialog, impact_label);
  gtk_widget_class_bind_template_child (widget_class, CfLossDialog, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, find_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  /* Kept by name, for gtk_widget_get_template_child() at init. */
  for (guint i = 0; i < G_N_ELEMENTS (field_ids); i++)
    gtk_widget_class_bind_template_child_full (widget_class, field_ids[i].id, FALSE, 0);
}

/* A field is named by the label left of it in its grid: GTK 4.8 does not
 * make a mnemonic label a screen reader's name. */
static void
name_by_grid_label (GtkWidget *field)
{
  GtkWidget *parent = gtk_widget_get_parent (field);
  int column, row, width, height;

  if (!GTK_IS_GRID (parent))
    return;
  gtk_grid_query_child (GTK_GRID (parent), field, &column, &row, &width, &height);
  if (column > 0)
    {
      GtkWidget *label = gtk_grid_get_child_at (GTK_GRID (parent), column - 1, row);

      if (GTK_IS_LABEL (label))
        gtk_accessible_update_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
    }
}

static void
cf_loss_dialog_init (CfLossDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%d %H:%M");

  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_hash_table_new (g_str_hash, g_str_equal);
  self->rows = g_ptr_array_new_with_free_func (slip_row_free);
  for (guint i = 0; i < G_N_ELEMENTS (field_ids); i++)
    {
      GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), CF_TYPE_LOSS_DIALOG,
                                                                     field_ids[i].id));

      g_hash_table_insert (self->fields, (gpointer) field_ids[i].name, widget);
      name_by_grid_label (widget);
    }
  gtk_editable_set_text (GTK_EDITABLE (field (self, "discovered-at")), when);
  g_signal_connect_object (field (self, "responsible"), "changed", G_CALLBACK (update_next), self, G_CONNECT_SWAPPED);

  /* Each moment field says how it is written, and has a calendar beside it. */
  {
    const char *const moments[] = { "from", "to", "discovered-at" };

    for (guint i = 0; i < G_N_ELEMENTS (moments); i++)
      {
        GtkWidget *entry = field (self, moments[i]);

        gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("YYYY-MM-DD HH:MM"));
        attach_beside (self, moments[i], cf_date_button_new (GTK_EDITABLE (entry), _("Choose the day")));
      }
  }
}
