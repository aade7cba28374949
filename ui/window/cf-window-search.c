/* cf-window-search.c — finding transactions: the search entry, the filter
 * popover, sorting by any column, and which columns are shown
 *
 * A search runs in a worker (cf_store_find_async); a new keystroke cancels
 * the one before it. The list loads its rows lazily, in the order SQL sorts
 * them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-money.h"
#include "cf-near-misses.h"
#include "cf-store.h"
#include "cf-transaction-list.h"
#include "cf-transaction-query.h"
#include "cf-window-private.h"

/* More rows than anyone scrolls through; a search finds the rest. Keeps the
 * window well under 200 MB on a million transactions. */
#define MAX_LISTED 200000

static const struct
{
  const char   *id;
  CfSortColumn  sort;
} column_info[N_COLUMNS] = {
  { "time", CF_SORT_TIME }, { "terminal", CF_SORT_TERMINAL }, { "operator", CF_SORT_OPERATOR },
  { "voucher", CF_SORT_VOUCHER }, { "ref", CF_SORT_REF }, { "auth", CF_SORT_AUTH },
  { "card", CF_SORT_CARD }, { "type", CF_SORT_TYPE }, { "amount", CF_SORT_AMOUNT },
  { "brand", CF_SORT_BRAND }, { "slip", CF_SORT_SLIP },
};

/* Sorting: GTK 4.8 cannot name the column view's sort column (that came in
 * 4.10), so each column's sorter answers a probe, and the order in which they
 * are asked tells which column leads and which way. */

static gpointer probe_a;
static gpointer probe_b;
static int probe_log[N_COLUMNS + 1];
static guint probe_n;
static int probe_answer_for = -1;

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  int column = GPOINTER_TO_INT (user_data);

  if (a != probe_a || b != probe_b)
    return GTK_ORDERING_EQUAL;
  if (probe_n < G_N_ELEMENTS (probe_log))
    probe_log[probe_n++] = column;
  return column == probe_answer_for ? GTK_ORDERING_SMALLER : GTK_ORDERING_EQUAL;
}

static void
read_sort (CfWindow     *self,
           CfSortColumn *column,
           gboolean     *ascending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);

  *column = CF_SORT_TIME;
  *ascending = FALSE;
  if (probe_a == NULL)
    {
      probe_a = g_object_new (G_TYPE_OBJECT, NULL);
      probe_b = g_object_new (G_TYPE_OBJECT, NULL);
    }

  probe_n = 0;
  probe_answer_for = -1;
  gtk_sorter_compare (sorter, probe_a, probe_b);
  if (probe_n == 0)
    return;

  *column = column_info[probe_log[0]].sort;
  probe_answer_for = probe_log[0];
  *ascending = gtk_sorter_compare (sorter, probe_a, probe_b) == GTK_ORDERING_SMALLER;
  probe_answer_for = -1;
}

static void
sorter_changed_cb (CfWindow  *self,
                   GtkSorterChange change,
                   GtkSorter *sorter)
{
  cf_window_start_search (self);
}

/* Searching */

static char *
format_count (guint n)
{
  g_autofree char *digits = g_strdup_printf ("%u", n);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
read_filter (CfWindow            *self,
             CfTransactionQuery  *query,
             GPtrArray           *understood,
             GError             **error)
{
  const char *text;
  guint type = gtk_drop_down_get_selected (self->filter_type);
  guint method = gtk_drop_down_get_selected (self->filter_method);

#define FIELD(entry) (text = gtk_editable_get_text (GTK_EDITABLE (entry)), *text != '\0')

  if (FIELD (self->filter_from))
    {
      if (!cf_transaction_query_set_from (query, text, error))
        return FALSE;
      g_ptr_array_add (understood, g_strdup_printf (_("from %s"), query->from));
    }
  if (FIELD (self->filter_to))
    {
      if (!cf_transaction_query_set_to (query, text, error))
        return FALSE;
      g_ptr_array_add (understood, g_strdup_printf (_("to %s"), query->to));
    }
  if (FIELD (self->filter_terminal))
    {
      query->terminal_no = g_strdup (text);
      g_ptr_array_add (understood, g_strdup_printf (_("terminal %s"), text));
    }
  if (FIELD (self->filter_operator))
    {
      query->operator_no = g_strdup (text);
      g_ptr_array_add (understood, g_strdup_printf (_("operator %s"), text));
    }
  if (FIELD (self->filter_brand))
    {
      query->card_brand = g_strdup (text);
      g_ptr_array_add (understood, g_strdup_printf (_("card brand %s"), text));
    }
  if (FIELD (self->filter_amount_min) | FIELD (self->filter_amount_max))
    {
      const char *min = gtk_editable_get_text (GTK_EDITABLE (self->filter_amount_min));
      const char *max = gtk_editable_get_text (GTK_EDITABLE (self->filter_amount_max));
      g_autofree char *min_text = NULL;
      g_autofree char *max_text = NULL;

      query->has_amount_range = TRUE;
      query->amount_min = 0;
      query->amount_max = G_MAXINT64;
      if ((*min != '\0' && !cf_money_parse (min, &query->amount_min, NULL, error)) ||
          (*max != '\0' && !cf_money_parse (max, &query->amount_max, NULL, error)))
        return FALSE;
      min_text = cf_money_format (query->amount_min, NULL);
      max_text = *max != '\0' ? cf_money_format (query->amount_max, NULL) : g_strdup ("…");
      g_ptr_array_add (understood, g_strdup_printf (_("amount %s to %s"), min_text, max_text));
    }
  if (type > 0 && type != GTK_INVALID_LIST_POSITION)
    {
      query->has_type = TRUE;
      query->type = (CfTxnType) (type - 1);
      g_ptr_array_add (understood, g_strdup_printf (_("type %s"), cf_txn_type_get_label (query->type)));
    }
  if (method > 0 && method != GTK_INVALID_LIST_POSITION)
    {
      query->has_method = TRUE;
      query->method = (CfPaymentMethod) (method - 1);
      g_ptr_array_add (understood, g_strdup_printf (_("paid with %s"), cf_payment_method_get_label (query->method)));
    }
#undef FIELD
  return TRUE;
}

/* Nothing matched: what nearly did. The search counts as finished only
 * when they are shown. */
static void
near_misses_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CfWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) misses = cf_near_misses_find_finish (CF_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (misses == NULL)
    g_warning ("Could not look for near misses: %s", error->message);
  cf_near_misses_view_set_misses (self->near_misses, misses);
  if (cf_near_misses_view_get_n_rows (self->near_misses) > 0)
    {
      g_autofree char *described = g_strdup_printf ("%s\n%s", gtk_label_get_text (self->search_caption),
                                                   _("Nothing matches all of it. These come close:"));

      adw_status_page_set_description (self->no_results_page, described);
    }
  self->search_pending = FALSE;
  self->n_searches++;
}

static void
near_miss_activated_cb (CfWindow *self,
                        gint64    id)
{
  cf_window_show_transaction (self, id);
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CfWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfTransactionList) list = cf_transaction_list_new_finish (result, &error);
  g_autofree char *count = NULL;
  guint n;

  /* A cancelled search was replaced by another, which is still running. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (list == NULL)
    {
      self->search_pending = FALSE;
      gtk_label_set_text (self->search_caption, error->message);
      return;
    }

  cf_transaction_list_set_max_items (list, MAX_LISTED);
  g_set_object (&self->list, list);
  n = cf_transaction_list_get_n_matches (list);
  /* A new result is read from its top, not from where the last one was scrolled to. */
  {
    GtkScrollable *scrollable = GTK_SCROLLABLE (self->column_view);
    GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (scrollable);

    if (vadjustment != NULL && gtk_adjustment_get_value (vadjustment) > gtk_adjustment_get_lower (vadjustment))
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
  }
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (list));
  if (n > 0 && self->select_after_search == 0)
    cf_window_select_only (self, 0);
  count = format_count (n);
  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s transaction", "%s transactions", n), count);

    if (n > MAX_LISTED)
      {
        g_autofree char *listed = format_count (MAX_LISTED);
        g_autofree char *capped = g_strdup_printf (_("%s (the first %s listed; search to narrow)"), text, listed);
        gtk_label_set_text (self->count_label, capped);
      }
    else
      gtk_label_set_text (self->count_label, text);
  }
  gtk_stack_set_visible_child_name (self->results_stack, n > 0 ? "list" : "none");

  if (self->select_after_search > 0)
    {
      guint position;

      if (cf_transaction_list_find_id (list, self->select_after_search, &position))
        {
          cf_window_select_only (self, position);
          /* GTK 4.8 has no gtk_column_view_scroll_to(); the list view inside does. */
          for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
               child != NULL; child = gtk_widget_get_next_sibling (child))
            if (GTK_IS_LIST_VIEW (child))
              gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        }
      self->select_after_search = 0;
    }

  cf_window_update_detail (self);
  cf_near_misses_view_set_misses (self->near_misses, NULL);
  if (n == 0 && !cf_transaction_query_is_empty (cf_transaction_list_get_query (list)))
    {
      cf_near_misses_find_async (self->store, cf_transaction_list_get_query (list), self->search_cancellable,
                                 near_misses_done_cb, g_object_ref (self));
      return;
    }
  self->search_pending = FALSE;
  self->n_searches++;
}

void
cf_window_start_search (CfWindow *self)
{
  g_autoptr(CfTransactionQuery) query = NULL;
  g_autoptr(GPtrArray) understood = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  const char *text;

  if (self->store == NULL)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  query = cf_transaction_query_new ();
  read_sort (self, &query->sort_column, &query->sort_ascending);
  if (!read_filter (self, query, understood, &error))
    {
      gtk_label_set_text (self->filter_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->filter_error), TRUE);
      gtk_label_set_text (self->search_caption, error->message);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->filter_error), FALSE);
  /* The filter button shows that filters are on, and how many. */
  {
    guint n_filters = understood->len;
    g_autofree char *tooltip = n_filters > 0
      ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Filter by Field: %u filter on", "Filter by Field: %u filters on",
                                      n_filters), n_filters)
      : g_strdup (_("Filter by Field"));

    gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button), tooltip);
    if (n_filters > 0)
      gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "suggested-action");
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "suggested-action");
  }
  cf_transaction_query_add_search (query, text, now, understood);

  /* Say how the search was read, so that the clerk can trust it. */
  /* The caption says the order the list is in, as the column headers name it. */
  if (understood->len == 0)
    {
      static const char *const columns[] = {
        [CF_SORT_TIME] = N_("Date/time"), [CF_SORT_TERMINAL] = N_("Terminal"), [CF_SORT_OPERATOR] = N_("Operator"),
        [CF_SORT_VOUCHER] = N_("Voucher no."), [CF_SORT_REF] = N_("Ref. no."), [CF_SORT_AUTH] = N_("Auth code"),
        [CF_SORT_CARD] = N_("Card"), [CF_SORT_BRAND] = N_("Brand"), [CF_SORT_TYPE] = N_("Type"),
        [CF_SORT_AMOUNT] = N_("Amount"), [CF_SORT_SLIP] = N_("Slip"),
      };
      g_autofree char *caption = NULL;

      if (query->sort_column == CF_SORT_TIME)
        caption = g_strdup (query->sort_ascending ? _("All transactions, oldest first") : _("All transactions, newest first"));
      else
        caption = g_strdup_printf (query->sort_ascending ? _("All transactions, by %s, ascending")
                                                         : _("All transactions, by %s, descending"),
                                   _(columns[MIN (query->sort_column, CF_SORT_SLIP)]));
      gtk_label_set_text (self->search_caption, caption);
    }
  else
    {
      g_autofree char *joined = NULL;
      g_autofree char *caption = NULL;

      g_ptr_array_add (understood, NULL);
      joined = g_strjoinv (" · ", (char **) understood->pdata);
      caption = g_strdup_printf (_("Looking for %s"), joined);
      gtk_label_set_text (self->search_caption, caption);
      adw_status_page_set_description (self->no_results_page, caption);
    }

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();
  self->search_pending = TRUE;
  /* The old count does not stand for the new search while it runs. */
  gtk_label_set_text (self->count_label, _("Searching…"));
  cf_transaction_list_new_async (self->store, query, self->search_cancellable, search_done_cb, g_object_ref (self));
}

static void
search_changed_cb (CfWindow *self)
{
  cf_window_start_search (self);
}

static void
search_stop_cb (CfWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
search_activate_cb (CfWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
filter_changed_cb (CfWindow *self)
{
  if (!self->clearing)
    cf_window_start_search (self);
}

static void
find_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_search_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  GtkEntry *entries[] = { self->filter_from, self->filter_to, self->filter_terminal, self->filter_operator,
                          self->filter_amount_min, self->filter_amount_max, self->filter_brand };

  self->clearing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    gtk_editable_set_text (GTK_EDITABLE (entries[i]), "");
  gtk_drop_down_set_selected (self->filter_type, 0);
  gtk_drop_down_set_selected (self->filter_method, 0);
  self->clearing = FALSE;
  /* The entry's own search-changed follows, after its short delay. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    cf_window_start_search (self);
}

/**
 * cf_window_search_forget:
 *
 * Clears the search and every filter, for the next person at the desk: what
 * one clerk looked for is nobody else's business.
 */
void
cf_window_search_forget (CfWindow *self)
{
  gtk_popover_popdown (gtk_menu_button_get_popover (self->filter_button));
  clear_search_activated (GTK_WIDGET (self), "win.clear-search", NULL);
}

static void
apply_hidden_columns (CfWindow *self)
{
  g_auto(GStrv) hidden = self->settings != NULL ? g_settings_get_strv (self->settings, "hidden-columns") : NULL;
  gboolean shown[N_COLUMNS];

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autofree char *action = g_strdup_printf ("column-%s", column_info[i].id);
      GAction *a = g_action_map_lookup_action (G_ACTION_MAP (self), action);

      shown[i] = hidden == NULL || !g_strv_contains ((const char * const *) hidden, column_info[i].id);
      if (a != NULL)
        g_simple_action_set_state (G_SIMPLE_ACTION (a), g_variant_new_boolean (shown[i]));
    }
  cf_window_columns_fit (self, shown);
}

/* The list is narrower or wider: which columns fit. */
void
cf_window_search_width_changed (CfWindow *self)
{
  apply_hidden_columns (self);
}

static void
toggle_column_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CfWindow *self = user_data;
  const char *id = (const char *) g_action_get_name (G_ACTION (action)) + strlen ("column-");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) hidden = NULL;
  g_auto(GStrv) updated = NULL;
  gboolean now_visible = !g_variant_get_boolean (g_action_get_state (G_ACTION (action)));

  if (self->settings == NULL)
    {
      gboolean shown[N_COLUMNS];

      g_simple_action_set_state (action, g_variant_new_boolean (now_visible));
      for (guint i = 0; i < N_COLUMNS; i++)
        {
          g_autofree char *name = g_strdup_printf ("column-%s", column_info[i].id);
          GAction *a = g_action_map_lookup_action (G_ACTION_MAP (self), name);

          shown[i] = a == NULL || g_variant_get_boolean (g_action_get_state (a));
        }
      cf_window_columns_fit (self, shown);
      return;
    }

  hidden = g_settings_get_strv (self->settings, "hidden-columns");
  for (guint i = 0; hidden[i] != NULL; i++)
    if (!g_str_equal (hidden[i], id))
      g_strv_builder_add (builder, hidden[i]);
  if (!now_visible)
    g_strv_builder_add (builder, id);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "hidden-columns", (const char * const *) updated);
  apply_hidden_columns (self);
}

static void
hidden_columns_changed_cb (CfWindow *self)
{
  apply_hidden_columns (self);
}

static void
build_filter_popover (CfWindow *self)
{
  const char *types[CF_TXN_TYPE_OTHER + 3] = { NULL };
  const char *methods[CF_PAYMENT_METHOD_OTHER + 3] = { NULL };
  struct { const char *label; GtkEntry **entry; const char *placeholder; } fields[] = {
    { N_("From"), &self->filter_from, "2026-11-01 08:00" },
    { N_("To"), &self->filter_to, "2026-11-28" },
    { N_("Terminal"), &self->filter_terminal, "10458321" },
    { N_("Operator"), &self->filter_operator, "001" },
    { N_("Amount from"), &self->filter_amount_min, "0.00" },
    { N_("Amount to"), &self->filter_amount_max, "1,000.00" },
    { N_("Card brand"), &self->filter_brand, "UnionPay" },
  };
  guint row = 0;
  GtkWidget *label;
  GtkWidget *clear;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++, row++)
    {
      label = gtk_label_new (_(fields[i].label));
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      *fields[i].entry = GTK_ENTRY (gtk_entry_new ());
      gtk_entry_set_placeholder_text (*fields[i].entry, fields[i].placeholder);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (*fields[i].entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                      -1);
      gtk_grid_attach (self->filter_grid, label, 0, (int) row, 1, 1);
      gtk_grid_attach (self->filter_grid, GTK_WIDGET (*fields[i].entry), 1, (int) row, 1, 1);
      g_signal_connect_object (*fields[i].entry, "activate", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (*fields[i].entry, "changed", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
    }

  types[0] = _("Any type");
  for (guint t = 0; t <= CF_TXN_TYPE_OTHER; t++)
    types[t + 1] = cf_txn_type_get_label ((CfTxnType) t);
  label = gtk_label_new (_("Type"));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  self->filter_type = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (types));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->filter_type), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_grid_attach (self->filter_grid, label, 0, (int) row, 1, 1);
  gtk_grid_attach (self->filter_grid, GTK_WIDGET (self->filter_type), 1, (int) row++, 1, 1);
  g_signal_connect_object (self->filter_type, "notify::selected", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);

  methods[0] = _("Any way of paying");
  for (guint m = 0; m <= CF_PAYMENT_METHOD_OTHER; m++)
    methods[m + 1] = cf_payment_method_get_label ((CfPaymentMethod) m);
  label = gtk_label_new (_("Paid with"));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  self->filter_method = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (methods));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->filter_method), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  gtk_grid_attach (self->filter_grid, label, 0, (int) row, 1, 1);
  gtk_grid_attach (self->filter_grid, GTK_WIDGET (self->filter_method), 1, (int) row++, 1, 1);
  g_signal_connect_object (self->filter_method, "notify::selected", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);

  self->filter_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->filter_error), "error");
  gtk_label_set_wrap (self->filter_error, TRUE);
  gtk_label_set_max_width_chars (self->filter_error, 30);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_error), FALSE);
  gtk_grid_attach (self->filter_grid, GTK_WIDGET (self->filter_error), 0, (int) row++, 2, 1);

  clear = gtk_button_new_with_mnemonic (_("_Clear All"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "win.clear-search");
  gtk_grid_attach (self->filter_grid, clear, 1, (int) row, 1, 1);
}

static void
build_columns (CfWindow *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (probe_compare, GINT_TO_POINTER ((int) i), NULL);
      g_autofree char *name = g_strdup_printf ("column-%s", column_info[i].id);
      g_autofree char *detailed = g_strdup_printf ("win.%s", name);
      g_autoptr(GSimpleAction) action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (TRUE));
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_column_view_column_get_title (self->columns[i]), detailed);

      gtk_column_view_column_set_sorter (self->columns[i], GTK_SORTER (sorter));
      g_signal_connect_object (action, "activate", G_CALLBACK (toggle_column_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
      g_menu_append_item (self->columns_menu, item);
    }
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Called once, from the window's init. */
void
cf_window_search_init (CfWindow *self)
{
  build_filter_popover (self);
  build_columns (self);
  cf_window_columns_init (self);
  self->near_misses = CF_NEAR_MISSES_VIEW (cf_near_misses_view_new ());
  gtk_box_prepend (self->no_results_box, GTK_WIDGET (self->near_misses));
  g_signal_connect_object (self->near_misses, "transaction-activated", G_CALLBACK (near_miss_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (search_stop_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self, G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::hidden-columns",
                             G_CALLBACK (hidden_columns_changed_cb), self, G_CONNECT_SWAPPED);
  apply_hidden_columns (self);
}

void
cf_window_search_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "win.clear-search", NULL, clear_search_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
}
