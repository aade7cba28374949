/* cf-session.c — who is at the desk, and what every section may ask of it
 *
 * The window's sections get this object, not the window: the store, the
 * operator signed in (a property, so that a section can follow it), a
 * manager's approval for what a clerk may not do alone, locking the desk
 * and a backup. The window listens to ::locked and to notify::operator to
 * show the sign-in page or the desk; nothing here knows the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include "cf-session-private.h"
#include "cf-store-task.h"

struct _CfSession
{
  GObject     parent_instance;

  CfStore    *store;
  GSettings  *settings;      /* (nullable) */
  CfOperator *operator;      /* signed in, or NULL while locked */
  char       *operator_no;   /* who was last signed in */
  CfClockFunc clock;         /* (nullable): the wall clock when NULL */
  gpointer    clock_data;
};

G_DEFINE_FINAL_TYPE (CfSession, cf_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_OPERATOR,
  N_PROPS
};

enum
{
  LOCKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
cf_session_finalize (GObject *object)
{
  CfSession *self = CF_SESSION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->operator);
  g_free (self->operator_no);

  G_OBJECT_CLASS (cf_session_parent_class)->finalize (object);
}

static void
cf_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CfSession *self = CF_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_OPERATOR:
      g_value_set_object (value, self->operator);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CfSession *self = CF_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_session_class_init (CfSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_session_finalize;
  object_class->get_property = cf_session_get_property;
  object_class->set_property = cf_session_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CF_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPERATOR] =
    g_param_spec_object ("operator", NULL, NULL, CF_TYPE_OPERATOR,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfSession::locked:
   * @operator_no: who was signed in
   *
   * The desk was locked: whoever shows it hides it until someone signs in.
   */
  signals[LOCKED] = g_signal_new ("locked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cf_session_init (CfSession *self)
{
}

/**
 * cf_session_new:
 * @settings: (nullable): the application's settings, for the last operator
 *   and how many backups to keep
 *
 * Returns: (transfer full): a session on @store with nobody signed in
 */
CfSession *
cf_session_new (CfStore   *store,
                GSettings *settings)
{
  CfSession *self = g_object_new (CF_TYPE_SESSION, "store", store, NULL);

  g_set_object (&self->settings, settings);
  if (settings != NULL)
    self->operator_no = g_settings_get_string (settings, "operator");
  return self;
}

CfStore *
cf_session_get_store (CfSession *self)
{
  g_return_val_if_fail (CF_IS_SESSION (self), NULL);
  return self->store;
}

/**
 * cf_session_get_operator:
 *
 * Returns: (transfer none) (nullable): who is signed in; %NULL while locked
 */
CfOperator *
cf_session_get_operator (CfSession *self)
{
  g_return_val_if_fail (CF_IS_SESSION (self), NULL);
  return self->operator;
}

/**
 * cf_session_get_operator_no:
 *
 * Returns: (nullable): the operator no. of who is, or was last, signed in
 */
const char *
cf_session_get_operator_no (CfSession *self)
{
  g_return_val_if_fail (CF_IS_SESSION (self), NULL);
  return self->operator_no != NULL && *self->operator_no != '\0' ? self->operator_no : NULL;
}

gboolean
cf_session_is_manager (CfSession *self)
{
  g_return_val_if_fail (CF_IS_SESSION (self), FALSE);
  return self->operator != NULL && cf_operator_get_role (self->operator) == CF_ROLE_MANAGER;
}

/**
 * cf_session_sign_in:
 * @op: whom cf_auth_sign_in() let in
 */
void
cf_session_sign_in (CfSession  *self,
                    CfOperator *op)
{
  g_return_if_fail (CF_IS_SESSION (self));
  g_return_if_fail (CF_IS_OPERATOR (op));

  g_set_object (&self->operator, op);
  g_free (self->operator_no);
  self->operator_no = g_strdup (cf_operator_get_no (op));
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "operator", self->operator_no);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATOR]);
}

/**
 * cf_session_lock:
 * @why: for the audit log: `by hand`, `idle`
 *
 * Signs the operator out, in the audit log, and emits ::locked.
 */
void
cf_session_lock (CfSession  *self,
                 const char *why)
{
  g_return_if_fail (CF_IS_SESSION (self));

  if (self->operator == NULL)
    return;
  cf_store_add_audit_entry (self->store, self->operator_no, "lock-window", NULL, 0, why, NULL);
  g_clear_object (&self->operator);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATOR]);
  g_signal_emit (self, signals[LOCKED], 0, self->operator_no);
}

/**
 * cf_session_run_as_manager:
 * @asking: the widget the request comes from; the prompt is its window's
 * @what: the action, for the prompt and the audit log
 * @failed_heading: the heading when it fails
 *
 * Does a manager-only @action as the signed-in operator, asking a manager
 * for their PIN first when that operator is a clerk.
 */
void
cf_session_run_as_manager (CfSession       *self,
                           GtkWidget       *asking,
                           const char      *what,
                           const char      *failed_heading,
                           CfGuardedAction  action,
                           gpointer         user_data,
                           GDestroyNotify   destroy)
{
  GtkRoot *root;

  g_return_if_fail (CF_IS_SESSION (self));
  g_return_if_fail (GTK_IS_WIDGET (asking));

  root = gtk_widget_get_root (asking);
  cf_manager_prompt_run (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, self->operator_no,
                         self->clock, self->clock_data, what, failed_heading, action, user_data, destroy);
}

/**
 * cf_session_get_backups_to_keep:
 *
 * Returns: how many backups Preferences keeps
 */
guint
cf_session_get_backups_to_keep (CfSession *self)
{
  g_return_val_if_fail (CF_IS_SESSION (self), 14);
  return self->settings != NULL ? g_settings_get_uint (self->settings, "backup-keep") : 14;
}

/**
 * cf_session_back_up_async:
 *
 * Backs the database up into its backups folder, in a worker, and keeps the
 * number of backups set in Preferences; finish with cf_store_back_up_finish().
 */
void
cf_session_back_up_async (CfSession           *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (CF_IS_SESSION (self));
  cf_store_back_up_async (self->store, cf_session_get_backups_to_keep (self), cancellable, callback, user_data);
}

/**
 * cf_session_dup_now:
 *
 * Returns: (transfer full) (nullable): the time PIN tries are counted
 *   against, or %NULL for the wall clock (as cf_auth_sign_in() takes it)
 */
GDateTime *
cf_session_dup_now (CfSession *self)
{
  g_return_val_if_fail (CF_IS_SESSION (self), NULL);
  return self->clock != NULL ? self->clock (self->clock_data) : NULL;
}

/**
 * cf_session_set_clock:
 * @clock: (nullable): where the session reads the time; %NULL for the wall clock
 *
 * For a test that moves the time by hand: a manager's PIN and one's own
 * PIN are then checked against it.
 */
void
cf_session_set_clock (CfSession   *self,
                      CfClockFunc  clock,
                      gpointer     user_data)
{
  g_return_if_fail (CF_IS_SESSION (self));
  self->clock = clock;
  self->clock_data = user_data;
}
