/* cf-import-summary.c — what an import did, file by file, with its rejected rows
 *
 * Shown after an import, and from Import History for every import on record:
 * the counts per file, each rejected or conflicting row with its line, column
 * and reason, and a button to save them as CSV for whoever fixes the source.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-import-report.h"
#include "cf-file-dialog.h"
#include "cf-format.h"
#include "cf-import-assistant.h"
#include "cf-import-summary-private.h"
#include "cf-message.h"

/* Beyond this, a list of rows is for the CSV, not for scrolling. */
#define MAX_SHOWN_PER_FILE 200

struct _CfImportSummary
{
  AdwWindow   parent_instance;

  GtkBox     *content;
  GtkLabel   *headline;
  GtkWidget  *save_button;

  GPtrArray  *reports;
  guint       n_shown_rejects;
};

G_DEFINE_FINAL_TYPE (CfImportSummary, cf_import_summary, ADW_TYPE_WINDOW)

static void
add_count_row (AdwPreferencesGroup *group,
               const char          *title,
               guint                count)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = g_strdup_printf ("%u", count);
  GtkWidget *value = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (value, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  adw_preferences_group_add (group, row);
}

static void
save_chosen_cb (const char * const *paths,
                gpointer            user_data)
{
  CfImportSummary *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!cf_import_summary_save_rejects (self, paths[0], &error))
    cf_show_message (GTK_WINDOW (self), _("The Rows Could Not Be Saved"), error->message);
}

static void
save_clicked_cb (CfImportSummary *self)
{
  cf_file_dialog_save (GTK_WIDGET (self), _("Save Rejected Rows"), _("rejected-rows.csv"), save_chosen_cb,
                       g_object_ref (self), g_object_unref);
}

/* The rows a file could not give, each with its line, column and reason. */
static void
add_rejects (CfImportSummary *self,
             CfImportReport  *r,
             const char      *name)
{
  GtkWidget *rows = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (rows), _("Rows not imported"));
  gtk_box_append (self->content, rows);
  for (guint j = 0; j < r->rejects->len && j < MAX_SHOWN_PER_FILE; j++)
    {
      CfImportReject *reject = g_ptr_array_index (r->rejects, j);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = reject->column != NULL
        ? g_strdup_printf (_("%s line %u, column %s"), name, reject->line, reject->column)
        : g_strdup_printf (_("%s line %u"), name, reject->line);
      g_autofree char *escaped = g_markup_escape_text (reject->reason, -1);
      g_autofree char *escaped_title = g_markup_escape_text (title, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      if (reject->kind == CF_IMPORT_REJECT_CONFLICT)
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (rows), row);
      self->n_shown_rejects++;
    }
  if (r->rejects->len > MAX_SHOWN_PER_FILE)
    {
      g_autofree char *more = g_strdup_printf (_("…and %u more: save the rejected rows to see them all"),
                                               r->rejects->len - MAX_SHOWN_PER_FILE);
      GtkWidget *label = gtk_label_new (more);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->content, label);
    }
}

static void
teach_clicked_cb (GtkButton       *button,
                  CfImportSummary *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "path");
  const char *profile = g_object_get_data (G_OBJECT (button), "profile");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportAssistant) assistant = cf_import_assistant_new (GTK_WINDOW (self), path, profile, &error);

  if (assistant == NULL)
    {
      cf_show_message (GTK_WINDOW (self), _("The File Could Not Be Read"), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (assistant));
}

/* The way to the import assistant, where the file is still there: to teach
 * Counterfoil a layout it could not read, or to change how one was read. */
static void
add_assistant_row (CfImportSummary     *self,
                   AdwPreferencesGroup *group,
                   CfImportReport      *r)
{
  GtkWidget *row;
  GtkWidget *button;

  if (!g_file_test (r->file, G_FILE_TEST_IS_REGULAR))
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->error_message != NULL
                                                            ? _("Show Counterfoil how to read this file")
                                                            : _("Read this file differently"));
  button = gtk_button_new_with_mnemonic (r->error_message != NULL ? _("_Teach This Layout…") : _("_Import Assistant…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "path", g_strdup (r->file), g_free);
  g_object_set_data_full (G_OBJECT (button), "profile", g_strdup (r->profile), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (teach_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (group, row);
}

/* One file's counts and notes, or why it could not be read. */
static void
add_file (CfImportSummary *self,
          CfImportReport  *r)
{
  g_autofree char *name = g_path_get_basename (r->file);
  g_autofree char *escaped_name = g_markup_escape_text (name, -1);
  g_autofree char *description = NULL;
  g_autofree char *moment = NULL;
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped_name);
  gtk_box_append (self->content, group);
  if (r->error_message != NULL)
    {
      g_autofree char *escaped_error = g_markup_escape_text (r->error_message, -1);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), escaped_error);
      gtk_widget_add_css_class (group, "error");
      add_assistant_row (self, ADW_PREFERENCES_GROUP (group), r);
      return;
    }

  moment = cf_format_moment (r->imported_at);
  description = r->imported_at != NULL
    ? g_strdup_printf (_("Imported %s · profile %s · %s"), moment, r->profile, r->encoding)
    : g_strdup_printf (_("Profile %s · %s"), r->profile, r->encoding);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  if (r->amount_source != NULL)
    {
      /* Which column became the amount, and in which unit: a wrong choice
       * here is a wrong amount on every row, so it is said, not assumed. */
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Amounts from “%s”"), r->amount_source);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), r->amount_unit == CF_AMOUNT_UNIT_MINOR
                                                         ? _("In minor units: 8850 is 88.50 (fen, cents)")
                                                         : _("In whole units: 88.50 (yuan, dollars, euros)"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  add_count_row (ADW_PREFERENCES_GROUP (group), _("Imported"), r->imported);
  add_count_row (ADW_PREFERENCES_GROUP (group), _("Already stored (duplicates)"), r->duplicates);
  add_count_row (ADW_PREFERENCES_GROUP (group), _("Conflicts with stored transactions"), r->conflicts);
  add_count_row (ADW_PREFERENCES_GROUP (group), _("Rejected rows"), r->rejected);
  add_count_row (ADW_PREFERENCES_GROUP (group), _("Skipped (totals, notes, payouts, fee lines)"), r->skipped);
  add_count_row (ADW_PREFERENCES_GROUP (group), _("Full card numbers masked"), r->masked_pans);
  for (guint j = 0; j < r->notes->len; j++)
    {
      GtkWidget *note = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), g_ptr_array_index (r->notes, j));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (note), FALSE);
      gtk_widget_add_css_class (note, "warning");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), note);
    }
  add_assistant_row (self, ADW_PREFERENCES_GROUP (group), r);
  if (r->rejects->len > 0)
    add_rejects (self, r, name);
}

static void
show_reports (CfImportSummary *self)
{
  guint imported = 0, duplicates = 0, conflicts = 0, rejected = 0, failed = 0;
  gboolean any_rejects = FALSE;
  g_autofree char *headline = NULL;

  for (guint i = 0; i < self->reports->len; i++)
    {
      CfImportReport *r = g_ptr_array_index (self->reports, i);

      add_file (self, r);
      if (r->error_message != NULL)
        {
          failed++;
          continue;
        }
      imported += r->imported;
      duplicates += r->duplicates;
      conflicts += r->conflicts;
      rejected += r->rejected;
      any_rejects |= r->rejects->len > 0;
    }
  headline = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u file: %u imported, %u duplicates, %u conflicts, %u rejected, %u unreadable",
                                           "%u files: %u imported, %u duplicates, %u conflicts, %u rejected, %u unreadable",
                                           self->reports->len),
                              self->reports->len, imported, duplicates, conflicts, rejected, failed);
  gtk_label_set_text (self->headline, headline);
  gtk_widget_set_sensitive (self->save_button, any_rejects);
}

/**
 * cf_import_summary_new:
 * @reports: (element-type CfImportReport): one per file
 *
 * Returns: (transfer none): a modal window over @parent, not yet shown
 */
CfImportSummary *
cf_import_summary_new (GtkWindow  *parent,
                       GPtrArray  *reports,
                       const char *title)
{
  CfImportSummary *self = g_object_new (CF_TYPE_IMPORT_SUMMARY,
                                        "transient-for", parent,
                                        "title", title,
                                        NULL);

  self->reports = g_ptr_array_ref (reports);
  show_reports (self);
  return self;
}

const char *
cf_import_summary_get_headline (CfImportSummary *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_SUMMARY (self), NULL);
  return gtk_label_get_text (self->headline);
}

guint
cf_import_summary_get_n_shown_rejects (CfImportSummary *self)
{
  g_return_val_if_fail (CF_IS_IMPORT_SUMMARY (self), 0);
  return self->n_shown_rejects;
}

/**
 * cf_import_summary_save_rejects:
 *
 * Writes the rejected rows as CSV, with formula-like cells neutralised.
 */
gboolean
cf_import_summary_save_rejects (CfImportSummary  *self,
                                const char       *path,
                                GError          **error)
{
  g_return_val_if_fail (CF_IS_IMPORT_SUMMARY (self), FALSE);
  return cf_import_reports_write_rejects_csv (self->reports, path, error);
}

static void
cf_import_summary_finalize (GObject *object)
{
  CfImportSummary *self = (CfImportSummary *) object;

  g_clear_pointer (&self->reports, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_import_summary_parent_class)->finalize (object);
}

static void
cf_import_summary_class_init (CfImportSummaryClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cf_import_summary_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/counterfoil/Counterfoil/cf-import-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, CfImportSummary, content);
  gtk_widget_class_bind_template_child (widget_class, CfImportSummary, headline);
  gtk_widget_class_bind_template_child (widget_class, CfImportSummary, save_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
cf_import_summary_init (CfImportSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
