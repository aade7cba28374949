/* cf-cli-operator.c — who runs a command, and the operators themselves
 *
 *   counterfoil --operator NO [--manager NO] COMMAND …
 *   counterfoil operator list | add NO NAME [--role manager] | pin NO | unlock NO | disable NO | enable NO
 *
 * The first manager of a new database is added without signing in: there
 * is nobody to sign in as.
 *
 * A command that changes data signs its operator in first: the PIN comes
 * from COUNTERFOIL_PIN or is asked on the terminal without echo. --manager
 * lets a manager's PIN (COUNTERFOIL_MANAGER_PIN or the terminal) authorise
 * a manager-only command for a clerk, recorded with both names. New PINs
 * come from COUNTERFOIL_NEW_PIN or are asked twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "counterfoil"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

#include "cf-auth.h"
#include "cf-cli-json.h"
#include "cf-cli-private.h"

/* Asks on the terminal itself, so that a PIN never passes through a pipe
 * or shows on the screen. */
static char *
ask_terminal (const char  *prompt,
              GError     **error)
{
  FILE *tty = fopen ("/dev/tty", "r+");
  struct termios saved, quiet;
  char line[64] = "";
  gboolean echo_off;

  if (tty == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("no terminal to ask for the PIN on: set COUNTERFOIL_PIN"));
      return NULL;
    }
  echo_off = tcgetattr (fileno (tty), &saved) == 0;
  if (echo_off)
    {
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
    }
  fprintf (tty, "%s", prompt);
  fflush (tty);
  if (fgets (line, sizeof line, tty) == NULL)
    line[0] = '\0';
  if (echo_off)
    tcsetattr (fileno (tty), TCSAFLUSH, &saved);
  fprintf (tty, "\n");
  fclose (tty);
  line[strcspn (line, "\r\n")] = '\0';
  return g_strdup (line);
}

/* A PIN from @env_name, else from the terminal. */
static char *
read_pin (const char  *env_name,
          const char  *prompt,
          GError     **error)
{
  const char *from_env = g_getenv (env_name);

  if (from_env != NULL)
    return g_strdup (from_env);
  return ask_terminal (prompt, error);
}

/* A new PIN: from COUNTERFOIL_NEW_PIN, else asked twice. */
static char *
read_new_pin (const char  *whose,
              GError     **error)
{
  g_autofree char *prompt = g_strdup_printf (_("New PIN for %s: "), whose);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;

  if (g_getenv ("COUNTERFOIL_NEW_PIN") != NULL)
    return g_strdup (g_getenv ("COUNTERFOIL_NEW_PIN"));
  if ((first = ask_terminal (prompt, error)) == NULL || (again = ask_terminal (_("The same PIN again: "), error)) == NULL)
    return NULL;
  if (!g_str_equal (first, again))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("the two PINs differ"));
      return NULL;
    }
  return g_steal_pointer (&first);
}

/**
 * cf_cli_sign_in:
 * @command: for messages, `import`
 * @operator_no: (nullable): the command's own `--operator`, else the global one
 *
 * Signs in the operator a data-changing command runs as, and begins a
 * manager's override when `--manager` was given.
 *
 * Returns: (nullable): the operator's number, or %NULL after saying why
 *   not; *@status is then the exit status
 */
const char *
cf_cli_sign_in (CfCliContext *ctx,
                CfStore      *store,
                const char   *command,
                const char   *operator_no,
                int          *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfOperator) op = NULL;
  g_autofree char *pin = NULL;
  g_autofree char *prompt = NULL;

  if (operator_no != NULL)
    {
      g_free (ctx->operator_no);
      ctx->operator_no = g_strdup (operator_no);
    }
  if (ctx->operator_no == NULL)
    {
      g_printerr ("counterfoil %s: %s\n", command,
                  _("this changes data, so say who you are with --operator NO "
                    "(the PIN is read from COUNTERFOIL_PIN or asked on the terminal)"));
      *status = EXIT_USAGE;
      return NULL;
    }
  prompt = g_strdup_printf (_("PIN for operator %s: "), ctx->operator_no);
  if ((pin = read_pin ("COUNTERFOIL_PIN", prompt, &error)) == NULL ||
      (op = cf_auth_sign_in (store, ctx->operator_no, pin, NULL, &error)) == NULL)
    {
      g_printerr ("counterfoil %s: %s\n", command, error->message);
      *status = 1;
      return NULL;
    }
  if (ctx->manager_no != NULL)
    {
      g_autofree char *manager_prompt = g_strdup_printf (_("PIN for manager %s: "), ctx->manager_no);
      g_autofree char *manager_pin = read_pin ("COUNTERFOIL_MANAGER_PIN", manager_prompt, &error);

      if (manager_pin == NULL ||
          !cf_auth_begin_override (store, ctx->operator_no, ctx->manager_no, manager_pin, command, NULL, &error))
        {
          g_printerr ("counterfoil %s: %s\n", command, error->message);
          *status = 1;
          return NULL;
        }
    }
  return ctx->operator_no;
}

static void
print_operators (GPtrArray *operators)
{
  for (guint i = 0; i < operators->len; i++)
    {
      CfOperator *op = g_ptr_array_index (operators, i);
      GString *state = g_string_new (cf_operator_get_role (op) == CF_ROLE_MANAGER ? _("manager") : _("clerk"));

      if (!cf_operator_has_pin (op))
        g_string_append_printf (state, ", %s", _("no PIN yet"));
      if (cf_operator_get_locked_until (op) != NULL)
        g_string_append_printf (state, ", %s %s", _("locked until"), cf_operator_get_locked_until (op));
      if (!cf_operator_is_active (op))
        g_string_append_printf (state, ", %s", _("left"));
      g_print ("%-6s %s  (%s)\n", cf_operator_get_no (op), cf_operator_get_name (op), state->str);
      g_string_free (state, TRUE);
    }
}

static void
print_operators_json (GPtrArray *operators)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < operators->len; i++)
    {
      CfOperator *op = g_ptr_array_index (operators, i);

      json_builder_begin_object (b);
      cf_cli_json_set_string (b, "operator_no", cf_operator_get_no (op));
      cf_cli_json_set_string (b, "name", cf_operator_get_name (op));
      cf_cli_json_set_string (b, "role", cf_operator_get_role (op) == CF_ROLE_MANAGER ? "manager" : "clerk");
      cf_cli_json_set_bool (b, "has_pin", cf_operator_has_pin (op));
      cf_cli_json_set_string (b, "locked_until", cf_operator_get_locked_until (op));
      cf_cli_json_set_bool (b, "active", cf_operator_is_active (op));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  cf_cli_json_print (b);
}

static int
operator_list (CfCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) operators = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { NULL }
  };

  if (!cf_cli_parse_options (ctx, "operator list", NULL, _("List the people who work at the desk"), entries, &argc,
                             &argv))
    return ctx->exit_status;
  if (argc != 1)
    return cf_cli_usage_error ("operator list", _("list takes no arguments"));
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  if ((operators = cf_auth_list_operators (store, TRUE, &error)) == NULL)
    {
      g_printerr ("counterfoil operator list: %s\n", error->message);
      return 1;
    }
  if (json)
    print_operators_json (operators);
  else if (operators->len == 0)
    g_print ("%s\n", _("No operators yet: create the first manager with “counterfoil operator add NO NAME”."));
  else
    print_operators (operators);
  return 0;
}

static int
operator_add (CfCliContext  *ctx,
              int            argc,
              char         **argv)
{
  g_autofree char *operator_no = NULL;
  gboolean json = FALSE;
  g_autofree char *role_name = NULL;
  GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_name, N_("clerk (the default) or manager"), N_("ROLE") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("The manager adding them"), N_("NO") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object"), NULL },
    { NULL }
  };
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pin = NULL;
  const char *by;
  int status = 0;

  if (!cf_cli_parse_options (ctx, "operator add", _("NO NAME"),
                             _("Add an operator, or change one's name and role; the new PIN comes from "
                               "COUNTERFOIL_NEW_PIN or is asked twice. The first manager of a new database "
                               "is added without signing in."), entries, &argc, &argv))
    return ctx->exit_status;
  if (role_name != NULL && !g_str_equal (role_name, "clerk") && !g_str_equal (role_name, "manager"))
    return cf_cli_usage_error ("operator add", _("--role is clerk or manager"));
  if (argc != 3)
    return cf_cli_usage_error ("operator add", _("give the operator's number and name"));
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_CREATE)) == NULL)
    return 1;

  if (cf_auth_needs_first_manager (store))
    {
      if ((pin = read_new_pin (argv[1], &error)) == NULL ||
          !cf_auth_create_first_manager (store, argv[1], argv[2], pin, &error))
        {
          g_printerr ("counterfoil operator add: %s\n", error->message);
          return 1;
        }
      if (json)
        cf_cli_json_print_strings ("operator_no", argv[1], "done", "add", NULL);
      else
        g_print (_("%s (%s) is the first manager and can sign in now.\n"), argv[2], argv[1]);
      return 0;
    }
  if ((by = cf_cli_sign_in (ctx, store, "operator", operator_no, &status)) == NULL)
    return status;
  if ((pin = read_new_pin (argv[1], &error)) == NULL ||
      !cf_auth_save_operator (store, by, argv[1], argv[2],
                              g_strcmp0 (role_name, "manager") == 0 ? CF_ROLE_MANAGER : CF_ROLE_CLERK, pin, &error))
    {
      g_printerr ("counterfoil operator add: %s\n", error->message);
      return 1;
    }
  if (json)
    cf_cli_json_print_strings ("operator_no", argv[1], "done", "add", NULL);
  else
    g_print (_("Operator %s saved.\n"), argv[1]);
  return 0;
}

/* pin, unlock, disable, enable: one operator, by a manager (or, for a PIN,
 * by themselves). */
static int
change_operator (CfCliContext  *ctx,
                 int            argc,
                 char         **argv,
                 const char    *summary)
{
  g_autofree char *operator_no = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_no, N_("Who does it (a manager, but for one's own PIN)"), N_("NO") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object"), NULL },
    { NULL }
  };
  g_autofree char *command = g_strconcat ("operator ", argv[0], NULL);
  const char *verb = argv[0];
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *by;
  int status = 0;
  gboolean ok;

  if (!cf_cli_parse_options (ctx, command, _("NO"), summary, entries, &argc, &argv))
    return ctx->exit_status;
  if (argc != 2)
    return cf_cli_usage_error (command, _("give the operator's number"));
  if ((store = cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING)) == NULL)
    return 1;
  if ((by = cf_cli_sign_in (ctx, store, "operator", operator_no, &status)) == NULL)
    return status;

  if (g_str_equal (verb, "pin"))
    {
      g_autofree char *pin = read_new_pin (argv[1], &error);
      ok = pin != NULL && cf_auth_set_pin (store, by, argv[1], pin, &error);
    }
  else if (g_str_equal (verb, "unlock"))
    ok = cf_auth_unlock (store, by, argv[1], &error);
  else
    ok = cf_auth_set_active (store, by, argv[1], g_str_equal (verb, "enable"), &error);
  if (!ok)
    {
      g_printerr ("counterfoil %s: %s\n", command, error->message);
      return 1;
    }
  if (json)
    cf_cli_json_print_strings ("operator_no", argv[1], "done", verb, NULL);
  else if (g_str_equal (verb, "pin"))
    g_print (_("Operator %s has a new PIN.\n"), argv[1]);
  else if (g_str_equal (verb, "unlock"))
    g_print (_("Operator %s may try their PIN again.\n"), argv[1]);
  else if (g_str_equal (verb, "disable"))
    g_print (_("Operator %s can no longer sign in.\n"), argv[1]);
  else
    g_print (_("Operator %s can sign in again.\n"), argv[1]);
  return 0;
}

static int
operator_pin (CfCliContext *ctx, int argc, char **argv)
{
  return change_operator (ctx, argc, argv,
                          _("Set an operator's PIN (from COUNTERFOIL_NEW_PIN, or asked twice); a clerk may set their own"));
}

static int
operator_unlock (CfCliContext *ctx, int argc, char **argv)
{
  return change_operator (ctx, argc, argv, _("Let an operator locked out by wrong PINs try again"));
}

static int
operator_disable (CfCliContext *ctx, int argc, char **argv)
{
  return change_operator (ctx, argc, argv, _("Stop an operator who has left from signing in; their records stay"));
}

static int
operator_enable (CfCliContext *ctx, int argc, char **argv)
{
  return change_operator (ctx, argc, argv, _("Let an operator who was disabled sign in again"));
}

static const CfCliSubcommand operator_commands[] = {
  { "list", operator_list },
  { "add", operator_add },
  { "pin", operator_pin },
  { "unlock", operator_unlock },
  { "disable", operator_disable },
  { "enable", operator_enable },
};

int
cf_cli_run_operator (CfCliContext  *ctx,
                     int            argc,
                     char         **argv)
{
  return cf_cli_dispatch (ctx, "operator", operator_commands, G_N_ELEMENTS (operator_commands), argc, argv);
}
