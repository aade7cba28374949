/* cf-audit-entry.c — one line of the audit log, and finding them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-audit"

#include "config.h"


#include <glib/gi18n-lib.h>

#include "cf-audit-entry.h"
#include "cf-store-private.h"

struct _CfAuditEntry
{
  GObject  parent_instance;

  gint64   id;
  char    *at;
  char    *operator_no;
  char    *operator_name;
  char    *action;
  char    *object_type;
  gint64   object_id;
  char    *details;
};

G_DEFINE_FINAL_TYPE (CfAuditEntry, cf_audit_entry, G_TYPE_OBJECT)

static void
cf_audit_entry_finalize (GObject *object)
{
  CfAuditEntry *self = (CfAuditEntry *) object;

  g_free (self->at);
  g_free (self->operator_no);
  g_free (self->operator_name);
  g_free (self->action);
  g_free (self->object_type);
  g_free (self->details);

  G_OBJECT_CLASS (cf_audit_entry_parent_class)->finalize (object);
}

/* As the Audit Log lists it: a text per column, for its cells to bind. */
enum
{
  PROP_0,
  PROP_NUMBER,
  PROP_LOCAL_TIME,
  PROP_OPERATOR,
  PROP_ACTION_LABEL,
  PROP_OBJECT,
  PROP_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_object_text (CfAuditEntry *self)
{
  if (self->object_type == NULL)
    return g_strdup ("");
  if (self->object_id == 0)
    return g_strdup (self->object_type);
  return g_strdup_printf ("%s#%" G_GINT64_FORMAT, self->object_type, self->object_id);
}

static void
cf_audit_entry_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CfAuditEntry *self = CF_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_take_string (value, g_strdup_printf ("%" G_GINT64_FORMAT, self->id));
      break;
    case PROP_LOCAL_TIME:
      g_value_take_string (value, cf_audit_entry_dup_local_time (self));
      break;
    case PROP_OPERATOR:
      g_value_take_string (value, self->operator_no == NULL ? g_strdup ("—")
                                  : g_strdup_printf ("%s %s", self->operator_no,
                                                     self->operator_name != NULL ? self->operator_name : ""));
      break;
    case PROP_ACTION_LABEL:
      g_value_set_string (value, cf_audit_action_get_label (self->action));
      break;
    case PROP_OBJECT:
      g_value_take_string (value, dup_object_text (self));
      break;
    case PROP_DETAILS:
      g_value_set_string (value, self->details != NULL ? self->details : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_audit_entry_class_init (CfAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_audit_entry_finalize;
  object_class->get_property = cf_audit_entry_get_property;

  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCAL_TIME] = g_param_spec_string ("local-time", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPERATOR] = g_param_spec_string ("operator", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_LABEL] = g_param_spec_string ("action-label", NULL, NULL, NULL,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OBJECT] = g_param_spec_string ("object", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAILS] = g_param_spec_string ("details", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_audit_entry_init (CfAuditEntry *self)
{
}

gint64
cf_audit_entry_get_id (CfAuditEntry *self)
{
  g_return_val_if_fail (CF_IS_AUDIT_ENTRY (self), 0);
  return self->id;
}

const char *
cf_audit_entry_get_at (CfAuditEntry *self)
{
  g_return_val_if_fail (CF_IS_AUDIT_ENTRY (self), NULL);
  return self->at;
}

const char *
cf_audit_entry_get_operator_no (CfAuditEntry *self)
{
  g_return_val_if_fail (CF_IS_AUDIT_ENTRY (self), NULL);
  return self->operator_no;
}

const char *
cf_audit_entry_get_operator_name (CfAuditEntry *self)
{
  g_return_val_if_fail (CF_IS_AUDIT_ENTRY (self), NULL);
  return self->operator_name;
}

const char *
cf_audit_entry_get_action (CfAuditEntry *self)
{
  g_return_val_if_fail (CF_IS_AUDIT_ENTRY (self), NULL);
  return self->action;
}

const char *
cf_audit_entry_get_object_type (CfAuditEntry *self)
{
  g_return_val_if_fail (CF_IS_AUDIT_ENTRY (self), NULL);
  return self->object_type;
}

gint64
cf_audit_entry_get_object_id (CfAuditEntry *self)
{
  g_return_val_if_fail (CF_IS_AUDIT_ENTRY (self), 0);
  return self->object_id;
}

const char *
cf_audit_entry_get_details (CfAuditEntry *self)
{
  g_return_val_if_fail (CF_IS_AUDIT_ENTRY (self), NULL);
  return self->details;
}

/**
 * cf_audit_entry_dup_local_time:
 *
 * Returns: (transfer full): when, in local time: `2026-11-29 14:05:09`
 */
char *
cf_audit_entry_dup_local_time (CfAuditEntry *self)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (self->at, NULL);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M:%S") : g_strdup (self->at);
}

/* A date alone as the end of a range means the whole of that day. */
static char *
range_end (const char *to)
{
  return strlen (to) == 10 ? g_strconcat (to, "T23:59:59Z", NULL) : g_strdup (to);
}

/**
 * cf_audit_find:
 * @limit: at most this many, newest first
 * @n_matching: (out) (optional): how many match in all
 *
 * Returns: (transfer full) (element-type CfAuditEntry): matching entries,
 *   newest first
 */
GPtrArray *
cf_audit_find (CfStore             *store,
               const CfAuditFilter *filter,
               guint                limit,
               gint64              *n_matching,
               GError             **error)
{
  static const char *const where =
    " FROM audit_log a LEFT JOIN operators o ON o.operator_no = a.operator_no"
    " WHERE (?1 IS NULL OR a.operator_no = ?1) AND (?2 IS NULL OR a.action = ?2)"
    "   AND (?3 IS NULL OR a.object_type = ?3) AND (?4 IS NULL OR a.object_id = CAST (?4 AS BIGINT))"
    "   AND (?5 IS NULL OR a.at >= ?5) AND (?6 IS NULL OR a.at <= ?6)";
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *select = g_strconcat ("SELECT a.id, a.at, a.operator_no, o.name, a.action, a.object_type, a.object_id, "
                                         "a.details", where, " ORDER BY a.id DESC LIMIT ?7", NULL);
  g_autofree char *count = g_strconcat ("SELECT count (*)", where, NULL);
  g_autofree char *object_type = NULL;
  g_autofree char *end = NULL;
  gint64 object_id = 0;
  const char *sql[] = { select, count };

#define FIELD(f) (filter != NULL && filter->f != NULL && *filter->f != '\0' ? filter->f : NULL)
  if (FIELD (object) != NULL)
    {
      const char *hash = strchr (filter->object, '#');

      object_type = hash != NULL ? g_strndup (filter->object, (gsize) (hash - filter->object)) : g_strdup (filter->object);
      object_id = hash != NULL ? g_ascii_strtoll (hash + 1, NULL, 10) : 0;
    }
  if (FIELD (to) != NULL)
    end = range_end (filter->to);

  for (guint q = 0; q < G_N_ELEMENTS (sql); q++)
    {
      g_autoptr(CfDbStmt) stmt = cf_store_prepare (store, sql[q], error);

      if (stmt == NULL)
        return NULL;
      cf_sql_bind_text (stmt, 1, FIELD (operator_no), CF_DB_STATIC);
      cf_sql_bind_text (stmt, 2, FIELD (action), CF_DB_STATIC);
      cf_sql_bind_text (stmt, 3, object_type != NULL && *object_type != '\0' ? object_type : NULL, CF_DB_STATIC);
      if (object_id > 0)
        cf_db_bind_int64 (stmt, 4, object_id);
      cf_sql_bind_text (stmt, 5, FIELD (from), CF_DB_STATIC);
      cf_sql_bind_text (stmt, 6, end, CF_DB_STATIC);
      cf_db_bind_int64 (stmt, 7, limit);
      while (cf_db_step (stmt) == CF_DB_ROW)
        {
          CfAuditEntry *entry;

          if (q == 1)
            {
              if (n_matching != NULL)
                *n_matching = cf_db_column_int64 (stmt, 0);
              continue;
            }
          entry = g_object_new (CF_TYPE_AUDIT_ENTRY, NULL);
          entry->id = cf_db_column_int64 (stmt, 0);
          entry->at = cf_sql_dup_text (stmt, 1);
          entry->operator_no = cf_sql_dup_text (stmt, 2);
          entry->operator_name = cf_sql_dup_text (stmt, 3);
          entry->action = cf_sql_dup_text (stmt, 4);
          entry->object_type = cf_sql_dup_text (stmt, 5);
          entry->object_id = cf_db_column_int64 (stmt, 6);
          entry->details = cf_sql_dup_text (stmt, 7);
          g_ptr_array_add (entries, entry);
        }
      g_clear_pointer (&stmt, cf_db_finalize);
      if (n_matching == NULL)
        break;
    }
#undef FIELD
  return g_steal_pointer (&entries);
}

/**
 * cf_audit_list_actions:
 *
 * Returns: (transfer full): the actions the log holds, for a filter's choices
 */
GStrv
cf_audit_list_actions (CfStore *store)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(CfDbStmt) stmt = cf_store_prepare (store, "SELECT DISTINCT action FROM audit_log ORDER BY action", NULL);

  while (stmt != NULL && cf_db_step (stmt) == CF_DB_ROW)
    g_strv_builder_add (builder, (const char *) cf_db_column_text (stmt, 0));
  g_clear_pointer (&stmt, cf_db_finalize);
  return g_strv_builder_end (builder);
}

/* What each action is called where people read the log; the log itself
 * keeps the stable identifier. */
static const struct
{
  const char *action;
  const char *label;
} action_labels[] = {
  { "close-shift", N_("Closed a shift") },
  { "create-demo", N_("Created demo data") },
  { "create-first-manager", N_("Created the first manager") },
  { "deactivate-operator", N_("Let an operator go") },
  { "define-shift", N_("Defined a shift") },
  { "import", N_("Imported a file") },
  { "issue-duplicate", N_("Issued a duplicate") },
  { "lock-window", N_("Locked the window") },
  { "manager-override", N_("Manager approval") },
  { "move-request", N_("Moved a request") },
  { "open-shift", N_("Opened a shift") },
  { "operator-locked", N_("Operator locked out") },
  { "reactivate-operator", N_("Brought an operator back") },
  { "report-loss", N_("Reported lost slips") },
  { "restore-backup", N_("Restored a backup") },
  { "save-operator", N_("Saved an operator") },
  { "set-merchant-profile", N_("Changed the merchant profile") },
  { "set-pin", N_("Set a PIN") },
  { "set-request-document", N_("Marked a request’s document") },
  { "set-request-fee", N_("Recorded a request’s fee") },
  { "set-request-reference", N_("Recorded a request’s reference") },
  { "sign-in", N_("Signed in") },
  { "sign-in-refused", N_("Sign-in refused") },
  { "sign-off-handover", N_("Signed off a handover report") },
  { "unlock-operator", N_("Unlocked an operator") },
  { "wrong-pin", N_("Wrong PIN") },
};

/**
 * cf_audit_action_get_label:
 *
 * Returns: what @action is called in the reader's language, or @action
 *   itself when it has no name yet
 */
const char *
cf_audit_action_get_label (const char *action)
{
  for (guint i = 0; action != NULL && i < G_N_ELEMENTS (action_labels); i++)
    if (g_str_equal (action, action_labels[i].action))
      return _(action_labels[i].label);
  return action;
}
