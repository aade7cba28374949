/* cf-import-assistant.c — teaching Counterfoil a file's layout
 *
 * Opened from the import summary for a file no profile reads (or, on
 * demand, for one that was read): the file's header and first values, a
 * guess at each column's meaning that the clerk corrects, how amounts and
 * dates are written, the rows that are not sales. Every change runs the
 * real import of the whole file into a database in memory, in a worker
 * thread, and shows the rows as they would be stored and the problems;
 * Save writes the profile to the user's data folder — where the command
 * line finds it too — and imports the file with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-import-assistant-private.h"
#include "cf-import-draft.h"
#include "cf-importer.h"
#include "cf-message.h"
#include "cf-money.h"
#include "cf-transaction.h"

#define PREVIEW_ROWS   20
#define PREVIEW_DELAY  250  /* ms after the last change */
#define SAMPLE_RECORDS 60

struct _CfImportAssistant
{
  AdwWindow         parent_instance;

  AdwActionRow     *header_row;
  GtkSpinButton    *header_spin;
  AdwComboRow      *encoding_row;
  AdwEntryRow      *name_row;
  AdwEntryRow      *title_row;
  AdwPreferencesGroup *file_group;
  AdwPreferencesGroup *columns_group;
  AdwComboRow      *unit_row;
  AdwComboRow      *sign_row;
  AdwComboRow      *decimal_row;
  AdwComboRow      *date_order_row;
  AdwComboRow      *method_row;
  AdwEntryRow      *currency_row;
  AdwEntryRow      *zone_row;
  AdwComboRow      *skip_field_row;
  AdwEntryRow      *skip_values_row;
  GtkLabel         *preview_label;
  GtkListBox       *preview_list;
  GtkWidget        *save_button;

  CfImportDraft    *draft;
  GPtrArray        *profiles;
  GPtrArray        *column_rows;     /* AdwComboRow, one per column */
  GtkStringList    *field_names;     /* "Leave out", then every field */
  gboolean          filling;         /* the widgets are being set from the draft */
  guint             preview_source;
  guint             generation;      /* of the newest preview asked for */
  gboolean          previewing;
  guint             n_problems;
  GCancellable     *cancellable;
  GtkWindow        *main_window;     /* (weak) the first window of the chain, which imports */
};

G_DEFINE_FINAL_TYPE (CfImportAssistant, cf_import_assistant, ADW_TYPE_WINDOW)

static void schedule_preview (CfImportAssistant *self);

/* Position 0 of a field list is "leave out"; the fields follow in order. */
static CfField
field_at (guint position)
{
  return position == 0 || position > CF_N_FIELDS ? CF_N_FIELDS : (CfField) (position - 1);
}

static guint
position_of (CfField field)
{
  return field >= CF_N_FIELDS ? 0 : (guint) field + 1;
}

static GtkStringList *
new_field_list (const char *none)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, none);
  for (guint f = 0; f < CF_N_FIELDS; f++)
    {
      /* The labels are for the middle of a sentence; a list starts them big. */
      const char *label = cf_field_get_label ((CfField) f);
      gunichar first = g_utf8_get_char (label);
      char head[8] = { 0 };
      g_autofree char *shown = NULL;

      g_unichar_to_utf8 (g_unichar_totitle (first), head);
      shown = g_strconcat (head, g_utf8_next_char (label), NULL);
      gtk_string_list_append (list, shown);
    }
  return list;
}

static void
set_choices (AdwComboRow        *row,
             const char * const *choices,
             guint               selected)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (choices);

  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (row, selected);
}

/* The widgets' state into the draft. */
static void
read_settings (CfImportAssistant *self)
{
  CfImportDraft *d = self->draft;
  static const CfAmountUnit units[] = { CF_AMOUNT_UNIT_UNKNOWN, CF_AMOUNT_UNIT_MAJOR, CF_AMOUNT_UNIT_MINOR };
  static const CfDateOrder orders[] = { CF_DATE_ORDER_YMD, CF_DATE_ORDER_DMY, CF_DATE_ORDER_MDY };

  g_free (d->name);
  d->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_free (d->title);
  d->title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  d->amount_unit = units[MIN (adw_combo_row_get_selected (self->unit_row), G_N_ELEMENTS (units) - 1)];
  d->reverse_sign = adw_combo_row_get_selected (self->sign_row) == 1;
  d->decimal_comma = adw_combo_row_get_selected (self->decimal_row) == 1;
  d->date_order = orders[MIN (adw_combo_row_get_selected (self->date_order_row), G_N_ELEMENTS (orders) - 1)];
  d->method = (CfPaymentMethod) MIN (adw_combo_row_get_selected (self->method_row), CF_PAYMENT_METHOD_OTHER);
  g_free (d->currency);
  d->currency = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->currency_row)), -1);
  g_strstrip (d->currency);
  g_free (d->time_zone);
  d->time_zone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->zone_row))));
  d->skip_field = field_at (adw_combo_row_get_selected (self->skip_field_row));
  g_free (d->skip_values);
  d->skip_values = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->skip_values_row)));
}

static void
setting_changed_cb (CfImportAssistant *self)
{
  if (self->filling)
    return;
  read_settings (self);
  schedule_preview (self);
}

/* A field goes to one column: choosing it for a column takes it from another. */
static void
column_changed_cb (AdwComboRow       *row,
                   GParamSpec        *pspec,
                   CfImportAssistant *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  CfField field = field_at (adw_combo_row_get_selected (row));

  if (self->filling)
    return;
  self->draft->fields[column] = field;
  self->filling = TRUE;
  for (guint c = 0; field != CF_N_FIELDS && c < self->draft->n_columns; c++)
    if (c != column && self->draft->fields[c] == field)
      {
        self->draft->fields[c] = CF_N_FIELDS;
        adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, c), 0);
      }
  self->filling = FALSE;
  schedule_preview (self);
}

/* A row per column: its header, its first values, what it holds. */
static void
fill_columns (CfImportAssistant *self)
{
  const char *const *header = cf_import_draft_get_header (self->draft);

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);

  for (guint c = 0; c < self->draft->n_columns; c++)
    {
      GtkWidget *row = adw_combo_row_new ();
      g_autoptr(GString) samples = g_string_new (NULL);
      g_autofree char *title = NULL;

      for (guint r = self->draft->header_index + 1, n = 0; r < self->draft->records->len && n < 3; r++)
        {
          const char *const *cells = g_ptr_array_index (self->draft->records, r);

          if (c < g_strv_length ((char **) cells) && *cells[c] != '\0')
            {
              g_string_append_printf (samples, "%s%s", n > 0 ? "  ·  " : "", cells[c]);
              n++;
            }
        }
      title = *header[c] != '\0' ? g_strdup (header[c]) : g_strdup_printf (_("Column %u"), c + 1);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), samples->len > 0 ? samples->str : _("(empty in the first rows)"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->field_names));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), position_of (self->draft->fields[c]));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (c));
      g_signal_connect (row, "notify::selected", G_CALLBACK (column_changed_cb), self);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }
}

static void
header_changed_cb (CfImportAssistant *self)
{
  guint index = (guint) gtk_spin_button_get_value_as_int (self->header_spin) - 1;

  if (self->filling || index >= self->draft->records->len || index == self->draft->header_index)
    return;
  cf_import_draft_set_header_index (self->draft, index);
  cf_import_draft_guess_fields (self->draft, self->profiles);
  self->filling = TRUE;
  fill_columns (self);
  self->filling = FALSE;
  schedule_preview (self);
}

/* What the encoding row offers after "found by Counterfoil": the encodings
 * shops' exports come in. */
static const char *const encodings[] = { "UTF-8", "GB18030", "Big5", "UTF-16LE", "UTF-16BE", "windows-1252", "Shift_JIS" };

static void show_problem (CfImportAssistant *self, const char *message);
static void schedule_preview (CfImportAssistant *self);

static void
show_file (CfImportAssistant *self)
{
  g_autofree char *file_text = g_strdup_printf (_("%s · %s"), self->draft->file, self->draft->encoding);

  adw_preferences_group_set_description (self->file_group, file_text);
  gtk_spin_button_set_range (self->header_spin, 1, self->draft->records->len);
  gtk_spin_button_set_value (self->header_spin, self->draft->header_index + 1);
}

/* The file read again in the encoding chosen; one it is not in is said, and
 * the choice goes back. */
static void
encoding_changed_cb (CfImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (self->encoding_row);
  const char *encoding = selected >= 1 && selected <= G_N_ELEMENTS (encodings) ? encodings[selected - 1] : NULL;
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;
  if (!cf_import_draft_read_in (self->draft, encoding, &error))
    {
      guint back = 0;

      for (guint i = 0; self->draft->chosen_encoding != NULL && i < G_N_ELEMENTS (encodings); i++)
        if (g_str_equal (encodings[i], self->draft->chosen_encoding))
          back = i + 1;
      self->filling = TRUE;
      adw_combo_row_set_selected (self->encoding_row, back);
      self->filling = FALSE;
      show_problem (self, error->message);
      return;
    }
  cf_import_draft_guess_fields (self->draft, self->profiles);
  self->filling = TRUE;
  show_file (self);
  fill_columns (self);
  self->filling = FALSE;
  schedule_preview (self);
}

/* Preview: the real import, into memory, in a worker thread. */

typedef struct
{
  char            *path;
  CfImportProfile *profile;
} PreviewJob;

typedef struct
{
  CfImportReport  *report;
  GPtrArray       *rows;
} PreviewResult;

static void
preview_job_free (PreviewJob *job)
{
  g_free (job->path);
  g_clear_object (&job->profile);
  g_free (job);
}

static void
preview_result_free (PreviewResult *result)
{
  g_clear_pointer (&result->report, cf_import_report_unref);
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_free (result);
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewJob *job = task_data;
  PreviewResult *result = g_new0 (PreviewResult, 1);
  GError *error = NULL;

  result->report = cf_import_preview_file (job->path, job->profile, CF_DATE_ORDER_YMD, PREVIEW_ROWS,
                                           &result->rows, &error);
  if (result->report == NULL)
    {
      preview_result_free (result);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) preview_result_free);
}

static void
add_preview_line (CfImportAssistant *self,
                  const char        *title,
                  const char        *subtitle,
                  gboolean           problem)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (problem)
    {
      gtk_widget_add_css_class (row, "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      self->n_problems++;
    }
  gtk_list_box_append (self->preview_list, row);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_list), TRUE);
}

static void
clear_preview (CfImportAssistant *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_list))) != NULL)
    gtk_list_box_remove (self->preview_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_list), FALSE);
  self->n_problems = 0;
}

static void
show_problem (CfImportAssistant *self,
              const char        *message)
{
  self->previewing = FALSE;
  clear_preview (self);
  gtk_label_set_text (self->preview_label, message);
  gtk_widget_add_css_class (GTK_WIDGET (self->preview_label), "error");
  self->n_problems = 1;
}

static void
show_preview (CfImportAssistant *self,
              PreviewResult     *result)
{
  CfImportReport *r = result->report;
  g_autofree char *headline = g_strdup_printf (_("Would import %u of %u rows: %u rejected, %u skipped. Amounts from “%s”, %s."),
                                               r->imported, r->rows, r->rejected, r->skipped,
                                               r->amount_source != NULL ? r->amount_source : "—",
                                               r->amount_unit == CF_AMOUNT_UNIT_MINOR ? _("in fen (cents)")
                                                                                      : _("in yuan (whole units)"));

  gtk_label_set_text (self->preview_label, headline);
  gtk_widget_remove_css_class (GTK_WIDGET (self->preview_label), "error");
  for (guint i = 0; i < result->rows->len; i++)
    {
      CfTransaction *txn = g_ptr_array_index (result->rows, i);
      g_autofree char *amount = cf_transaction_dup_amount_text (txn);
      g_autofree char *title = g_strdup_printf ("%s   %s   %s   %s", cf_transaction_get_local_time (txn),
                                                cf_txn_type_get_label (cf_transaction_get_txn_type (txn)),
                                                cf_payment_method_get_label (cf_transaction_get_payment_method (txn)),
                                                amount);
      const char *number = cf_transaction_get_ref_no (txn) != NULL ? cf_transaction_get_ref_no (txn)
                         : cf_transaction_get_voucher_no (txn) != NULL ? cf_transaction_get_voucher_no (txn)
                         : cf_transaction_get_source_id (txn);
      g_autofree char *subtitle = g_strdup_printf (_("Line %u · %s"), cf_transaction_get_source_line (txn),
                                                   number != NULL ? number : "");

      add_preview_line (self, title, subtitle, FALSE);
    }
  for (guint i = 0; i < r->rejects->len && i < PREVIEW_ROWS; i++)
    {
      CfImportReject *reject = g_ptr_array_index (r->rejects, i);
      g_autofree char *title = reject->column != NULL
        ? g_strdup_printf (_("Line %u, column %s"), reject->line, reject->column)
        : g_strdup_printf (_("Line %u"), reject->line);

      add_preview_line (self, title, reject->reason, TRUE);
    }
}

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  CfImportAssistant *self = CF_IMPORT_ASSISTANT (source);
  guint generation = GPOINTER_TO_UINT (user_data);
  g_autoptr(GError) error = NULL;
  PreviewResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  /* A newer change has asked for a newer preview: this one is stale. */
  if (generation != self->generation)
    {
      g_clear_pointer (&result, preview_result_free);
      return;
    }
  if (result == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  self->previewing = FALSE;
  clear_preview (self);
  show_preview (self, result);
  preview_result_free (result);
}

static gboolean
chosen (CfImportAssistant *self,
        CfField            field)
{
  for (guint c = 0; c < self->draft->n_columns; c++)
    if (self->draft->fields[c] == field)
      return TRUE;
  return FALSE;
}

/* What no import can do without, said before trying one. */
static char *
dup_missing (CfImportAssistant *self)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();

  if (!chosen (self, CF_FIELD_DATE) && !chosen (self, CF_FIELD_DATETIME) && !chosen (self, CF_FIELD_TIME))
    g_ptr_array_add (missing, (gpointer) _("the date"));
  if (!chosen (self, CF_FIELD_AMOUNT) && !chosen (self, CF_FIELD_INCOME) && !chosen (self, CF_FIELD_EXPENSE))
    g_ptr_array_add (missing, (gpointer) _("the amount"));
  if (!chosen (self, CF_FIELD_VOUCHER_NO) && !chosen (self, CF_FIELD_REF_NO) && !chosen (self, CF_FIELD_SOURCE_ID))
    g_ptr_array_add (missing, (gpointer) _("a number that tells the transactions apart (voucher no., reference no. or transaction id)"));
  if (missing->len == 0)
    return NULL;
  g_ptr_array_add (missing, NULL);
  return g_strjoinv ("; ", (char **) missing->pdata);
}

static gboolean
run_preview (gpointer user_data)
{
  CfImportAssistant *self = user_data;
  g_autofree char *text = cf_import_draft_to_profile_text (self->draft);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportProfile) profile = cf_import_profile_new_from_data (text, strlen (text), self->draft->name, &error);
  g_autoptr(GTask) task = NULL;
  g_autofree char *missing = dup_missing (self);
  PreviewJob *job;

  self->preview_source = 0;
  self->generation++;
  if (missing != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Choose the column that holds %s."), missing);
      show_problem (self, message);
      return G_SOURCE_REMOVE;
    }
  if (profile == NULL)
    {
      show_problem (self, error->message);
      return G_SOURCE_REMOVE;
    }

  job = g_new0 (PreviewJob, 1);
  job->path = g_strdup (self->draft->file);
  job->profile = g_steal_pointer (&profile);
  task = g_task_new (self, self->cancellable, preview_done_cb, GUINT_TO_POINTER (self->generation));
  g_task_set_task_data (task, job, (GDestroyNotify) preview_job_free);
  g_task_run_in_thread (task, preview_thread);
  return G_SOURCE_REMOVE;
}

static void
schedule_preview (CfImportAssistant *self)
{
  self->previewing = TRUE;
  gtk_label_set_text (self->preview_label, _("Reading the file…"));
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY, run_preview, self);
}

/* Save: the profile, then the file imported with it by the window. */

static void
import_with_window (CfImportAssistant *self)
{
  if (self->main_window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->main_window), "win.import-path", "s", self->draft->file);
}

static void
save_clicked_cb (CfImportAssistant *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = cf_import_assistant_save (self, &error);

  if (saved == NULL)
    {
      cf_show_message (GTK_WINDOW (self), _("The Profile Could Not Be Saved"), error->message);
      return;
    }
  import_with_window (self);
  gtk_window_close (GTK_WINDOW (self));
}

static void
cf_import_assistant_dispose (GObject *object)
{
  CfImportAssistant *self = CF_IMPORT_ASSISTANT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_IMPORT_ASSISTANT);
  G_OBJECT_CLASS (cf_import_assistant_parent_class)->dispose (object);
}

static void
cf_import_assistant_finalize (GObject *object)
{
  CfImportAssistant *self = CF_IMPORT_ASSISTANT (object);

  g_clear_pointer (&self->draft, cf_import_draft_free);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_object (&self->field_names);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->main_window);
  G_OBJECT_CLASS (cf_import_assistant_parent_class)->finalize (object);
}

static void
cf_import_assistant_class_init (CfImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_import_assistant_dispose;
  object_class->finalize = cf_import_assistant_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/counterfoil/Counterfoil/cf-import-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, CfImportAssistant, header_row);
  gtk_widget_class_bind_template_child (widget_class, CfImportAssistant, header_spin);
  gtk_widget_class_bind_template_child (widget_class, CfImportAssistant, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, CfImportAssistant, name_row);
  gtk_widget_class_bind_template_child (widget_class, CfImportAssistant, title_row);
  gtk_widget_class_bind_template_child (widget_class, CfImportAssistant, file_group);
  gtk_widget_class_bind_template_child (widget_class, CfImportAssistant, columns_group);
  gtk_widget_class_bind_template_child (widget_class, CfImportAssistant, unit_row);
  gtk_widget_class_bind_template_child (widget_class, CfImportAssistant, sign_row);
  gtk_widget_class_bind_template_child (widget_class, CfImportAssistant, decimal_row);
  gtk_widget_class_bind_template_child (widget_class, CfImportAssistant, date_order_row);
  gtk_widget_class_bind_template_child (widget_class, CfImportAssistant, method_row);
  gtk_widget_class_bind_template_child (widget_class, CfImportAssistant, currency_row);
  gtk_widget_class_bind_template_child (widget_class, CfImportAssistant, zone_row);
  gtk_widget_class_bind_template_child (widget_class, CfImportAssistant, skip_field_row);
  gtk_widget_class_bind_template_child (widget_class, CfImportAssistant, skip_values_row);
  gtk_widget_class_bind_template_child (widget_class, CfImportAssistant, preview_label);
  gtk_widget_class_bind_template_child (widget_class, CfImportAssistant, preview_list);
  gtk_widget_class_bind_template_child (widget_class, CfImportAssistant, save_button);
  gtk_widget_class_bind_template_callback (widget_class, setting_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, header_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
cf_import_assistant_init (CfImportAssistant *self)
{
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->column_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  self->field_names = new_field_list (_("Leave out"));
}

/* The draft's first state into the widgets. */
static void
fill (CfImportAssistant *self)
{
  const char *units[] = { _("As each column's header says, else whole units (88.50)"), _("Whole units: 88.50"),
                          _("Minor units (fen, cents): 8850"), NULL };
  const char *signs[] = { _("As written: refunds negative"), _("Reversed: money out is positive"), NULL };
  const char *decimals[] = { _("Point: 1,234.56"), _("Comma: 1.234,56"), NULL };
  const char *orders[] = { _("As the file's other dates show"), _("Day first"), _("Month first"), NULL };
  const char *methods[CF_PAYMENT_METHOD_OTHER + 2] = { NULL };
  g_autoptr(GtkStringList) skip_fields = new_field_list (_("Skip no rows"));
  g_autoptr(GtkStringList) encoding_list = gtk_string_list_new (NULL);
  g_autofree char *found = g_strdup_printf (_("Found by Counterfoil (%s)"), self->draft->encoding);
  guint chosen = 0;

  for (guint m = 0; m <= CF_PAYMENT_METHOD_OTHER; m++)
    methods[m] = cf_payment_method_get_label ((CfPaymentMethod) m);

  gtk_spin_button_set_increments (self->header_spin, 1, 5);
  show_file (self);
  gtk_string_list_append (encoding_list, found);
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      gtk_string_list_append (encoding_list, encodings[i]);
      if (self->draft->chosen_encoding != NULL && g_ascii_strcasecmp (encodings[i], self->draft->chosen_encoding) == 0)
        chosen = i + 1;
    }
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (encoding_list));
  adw_combo_row_set_selected (self->encoding_row, chosen);
  adw_action_row_set_subtitle (self->header_row, _("Of the first rows with text (titles and notes above it are left out)"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->draft->name);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), self->draft->title);
  set_choices (self->unit_row, units, (guint) self->draft->amount_unit);
  set_choices (self->sign_row, signs, self->draft->reverse_sign ? 1 : 0);
  set_choices (self->decimal_row, decimals, self->draft->decimal_comma ? 1 : 0);
  set_choices (self->date_order_row, orders, self->draft->date_order == CF_DATE_ORDER_DMY ? 1
                                             : self->draft->date_order == CF_DATE_ORDER_MDY ? 2 : 0);
  set_choices (self->method_row, methods, (guint) self->draft->method);
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row), self->draft->currency != NULL ? self->draft->currency : "");
  gtk_editable_set_text (GTK_EDITABLE (self->zone_row), self->draft->time_zone != NULL ? self->draft->time_zone : "");
  adw_combo_row_set_model (self->skip_field_row, G_LIST_MODEL (skip_fields));
  fill_columns (self);
}

/**
 * cf_import_assistant_new:
 * @parent: the window it belongs to; Save asks the first window of its
 *   chain (the main window, `win.import-path`) to import the file
 * @path: the file to teach
 * @profile_name: (nullable): the profile that read it, to start from; the
 *   general one when %NULL or no longer there
 *
 * Returns: (transfer full): the assistant, its guesses made and its first
 *   preview under way, or %NULL with @error set when the file cannot be read
 */
CfImportAssistant *
cf_import_assistant_new (GtkWindow   *parent,
                         const char  *path,
                         const char  *profile_name,
                         GError     **error)
{
  g_autoptr(CfImportAssistant) self = NULL;
  g_autoptr(CfImportProfile) base = profile_name != NULL ? cf_import_profile_find (profile_name, NULL) : NULL;
  g_autoptr(CfImportDraft) draft = cf_import_draft_new_for_file (path, base, SAMPLE_RECORDS, error);
  g_autoptr(GPtrArray) profiles = NULL;

  if (draft == NULL || (profiles = cf_import_profile_load_all (NULL, error)) == NULL)
    return NULL;
  self = g_object_ref_sink (g_object_new (CF_TYPE_IMPORT_ASSISTANT, "transient-for", parent, NULL));
  /* The summary it was opened from may be closed before Save. */
  for (GtkWindow *w = parent; w != NULL; w = gtk_window_get_transient_for (w))
    g_set_weak_pointer (&self->main_window, w);
  self->draft = g_steal_pointer (&draft);
  self->profiles = g_steal_pointer (&profiles);
  cf_import_draft_guess_fields (self->draft, self->profiles);
  fill (self);
  self->filling = FALSE;
  g_signal_connect_swapped (self->encoding_row, "notify::selected", G_CALLBACK (encoding_changed_cb), self);
  read_settings (self);
  schedule_preview (self);
  return g_steal_pointer (&self);
}

guint
cf_import_assistant_get_n_columns (CfImportAssistant *self)
{
  return self->draft->n_columns;
}

AdwComboRow *
cf_import_assistant_get_column_row (CfImportAssistant *self,
                                    guint              column)
{
  g_return_val_if_fail (column < self->column_rows->len, NULL);
  return g_ptr_array_index (self->column_rows, column);
}

CfField
cf_import_assistant_get_column_field (CfImportAssistant *self,
                                      guint              column)
{
  g_return_val_if_fail (column < self->draft->n_columns, CF_N_FIELDS);
  return self->draft->fields[column];
}

/* As choosing it in the column's list does. */
void
cf_import_assistant_set_column_field (CfImportAssistant *self,
                                      guint              column,
                                      CfField            field)
{
  adw_combo_row_set_selected (cf_import_assistant_get_column_row (self, column), position_of (field));
}

gboolean
cf_import_assistant_is_previewing (CfImportAssistant *self)
{
  return self->previewing;
}

const char *
cf_import_assistant_get_preview_text (CfImportAssistant *self)
{
  return gtk_label_get_text (self->preview_label);
}

/**
 * cf_import_assistant_get_n_problems:
 *
 * Returns: how many rows the preview shows as refused (or 1 for a profile
 *   that cannot be read)
 */
guint
cf_import_assistant_get_n_problems (CfImportAssistant *self)
{
  return self->n_problems;
}

/**
 * cf_import_assistant_save:
 *
 * Does what Save does, but for importing the file.
 *
 * Returns: (transfer full): the profile's file, or %NULL with @error set
 */
char *
cf_import_assistant_save (CfImportAssistant  *self,
                          GError            **error)
{
  read_settings (self);
  return cf_import_draft_save (self->draft, error);
}
