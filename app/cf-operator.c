/* cf-operator.c — a person who works at the desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cf-operator"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-operator.h"

struct _CfOperator
{
  GObject  parent_instance;

  char    *operator_no;
  char    *name;
  CfRole   role;
  gboolean active;
  gboolean has_pin;
  char    *locked_until;   /* UTC, while wrong PINs keep them out */
};

G_DEFINE_FINAL_TYPE (CfOperator, cf_operator, G_TYPE_OBJECT)

static void
cf_operator_finalize (GObject *object)
{
  CfOperator *self = (CfOperator *) object;

  g_free (self->operator_no);
  g_free (self->name);
  g_free (self->locked_until);

  G_OBJECT_CLASS (cf_operator_parent_class)->finalize (object);
}

static void
cf_operator_class_init (CfOperatorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_operator_finalize;
}

static void
cf_operator_init (CfOperator *self)
{
}

/**
 * cf_operator_new:
 *
 * Returns: (transfer full): an operator
 */
CfOperator *
cf_operator_new (const char *operator_no,
                 const char *name,
                 CfRole      role)
{
  CfOperator *self = g_object_new (CF_TYPE_OPERATOR, NULL);

  self->operator_no = g_strdup (operator_no);
  self->name = g_strdup (name != NULL ? name : operator_no);
  self->role = role;
  self->active = TRUE;
  return self;
}

const char *
cf_operator_get_no (CfOperator *self)
{
  g_return_val_if_fail (CF_IS_OPERATOR (self), NULL);
  return self->operator_no;
}

const char *
cf_operator_get_name (CfOperator *self)
{
  g_return_val_if_fail (CF_IS_OPERATOR (self), NULL);
  return self->name;
}

CfRole
cf_operator_get_role (CfOperator *self)
{
  g_return_val_if_fail (CF_IS_OPERATOR (self), CF_ROLE_CLERK);
  return self->role;
}

/**
 * cf_operator_dup_label:
 *
 * Returns: (transfer full): `王芳 (001)`, or the number alone when that is all there is
 */
char *
cf_operator_dup_label (CfOperator *self)
{
  g_return_val_if_fail (CF_IS_OPERATOR (self), NULL);
  if (g_strcmp0 (self->name, self->operator_no) == 0)
    return g_strdup (self->operator_no);
  return g_strdup_printf ("%s (%s)", self->name, self->operator_no);
}

/**
 * cf_operator_set_access:
 * @locked_until: (nullable): UTC time until which wrong PINs keep them out
 *
 * What the store knows of the operator's signing in.
 */
void
cf_operator_set_access (CfOperator *self,
                        gboolean    active,
                        gboolean    has_pin,
                        const char *locked_until)
{
  g_return_if_fail (CF_IS_OPERATOR (self));
  self->active = active;
  self->has_pin = has_pin;
  g_free (self->locked_until);
  self->locked_until = g_strdup (locked_until);
}

gboolean
cf_operator_is_active (CfOperator *self)
{
  g_return_val_if_fail (CF_IS_OPERATOR (self), FALSE);
  return self->active;
}

/**
 * cf_operator_has_pin:
 *
 * Returns: whether they can sign in: only an operator with a PIN can
 */
gboolean
cf_operator_has_pin (CfOperator *self)
{
  g_return_val_if_fail (CF_IS_OPERATOR (self), FALSE);
  return self->has_pin;
}

const char *
cf_operator_get_locked_until (CfOperator *self)
{
  g_return_val_if_fail (CF_IS_OPERATOR (self), NULL);
  return self->locked_until;
}
