/* cf-test-cli.c — running the real program from a test, as a person runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/wait.h>

#include "cf-auth.h"
#include "cf-test-cli.h"

const char *cf_test_cli_operator;

/* The environment the program is run with (NULL: this process's);
 * cf_test_cli_setup() resets it. */
static char **run_env;

void
cf_test_run_clear (CfTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/**
 * cf_test_counterfoil:
 * @db: the database (--db)
 * @...: the command's words, %NULL-terminated
 *
 * Runs COUNTERFOIL_EXE, signed in as cf_test_cli_operator unless a command
 * names its own --operator, and keeps its output and exit status.
 */
void
cf_test_counterfoil (CfTestRun  *run,
                     const char *db,
                     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("COUNTERFOIL_EXE"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  if (cf_test_cli_operator != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--operator");
      g_ptr_array_add (argv, (gpointer) cf_test_cli_operator);
    }
  va_start (args, db);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, run_env, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

/* A fresh database with its first manager, 099, and clerks 01 and 02, who
 * are also the operators the sample journals name; all with CF_TEST_PIN. */
void
cf_test_cli_setup (CfTestDb      *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  cf_test_cli_operator = "099";
  g_clear_pointer (&run_env, g_strfreev);
  cf_test_db_setup (f, data);
  g_assert_true (cf_auth_create_first_manager (f->store, "099", "赵敏", CF_TEST_PIN, &error));
  g_assert_true (cf_auth_save_operator (f->store, "099", "01", "01", CF_ROLE_CLERK, CF_TEST_PIN, &error));
  g_assert_true (cf_auth_save_operator (f->store, "099", "02", "02", CF_ROLE_CLERK, CF_TEST_PIN, &error));
  g_assert_no_error (error);
}

/* This process's environment with @name set to @value (or unset, NULL),
 * for the runs that follow. */
void
cf_test_cli_set_env (const char *name,
                     const char *value)
{
  if (run_env == NULL)
    run_env = g_get_environ ();
  run_env = value != NULL ? g_environ_setenv (run_env, name, value, TRUE) : g_environ_unsetenv (run_env, name);
}

/**
 * cf_test_cli_init:
 *
 * g_test_init() for a program that runs the command line: the program to
 * run comes from COUNTERFOIL_EXE (meson sets it), every PIN it asks for is
 * CF_TEST_PIN.
 *
 * Returns: %FALSE when there is no program to run
 */
gboolean
cf_test_cli_init (int    *argc,
                  char ***argv)
{
  g_test_init (argc, argv, NULL);
  if (g_getenv ("COUNTERFOIL_EXE") == NULL)
    {
      g_printerr ("COUNTERFOIL_EXE is not set\n");
      return FALSE;
    }
  g_setenv ("COUNTERFOIL_PIN", CF_TEST_PIN, TRUE);
  return TRUE;
}
