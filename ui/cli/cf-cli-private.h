/* cf-cli-private.h — what the command line's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-store.h"

G_BEGIN_DECLS

/* Exit status for a command used the wrong way, as sysexits' EX_USAGE is too. */
#define EXIT_USAGE 2

/**
 * CfCliContext:
 * @db_path: (nullable): `--db`; the default database when %NULL
 * @operator_no: (nullable): who runs the command: the global `--operator`,
 *   or the command's own; after cf_cli_sign_in(), who signed in
 * @manager_no: (nullable): `--manager`, authorising a manager-only command
 * @describing: print each command's help instead of running it
 * @exit_status: what cf_cli_parse_options() decided when it returned %FALSE
 *
 * One run of the command line: what the global options said, and who is
 * signed in. Every command gets it; nothing of it is global.
 */
typedef struct
{
  const char *db_path;
  char       *operator_no;
  char       *manager_no;
  gboolean    describing;
  int         exit_status;
} CfCliContext;

typedef int (*CfCliCommandFunc) (CfCliContext  *ctx,
                                 int            argc,
                                 char         **argv);

/**
 * CfCliSubcommand:
 * @name: as typed: `list`
 * @run: runs it; argv[0] is @name
 *
 * One subcommand of a command group such as `request`.
 */
typedef struct
{
  const char       *name;
  CfCliCommandFunc  run;
} CfCliSubcommand;

typedef enum
{
  CF_CLI_OPEN_EXISTING,            /* the database must be there */
  CF_CLI_OPEN_EXISTING_OR_EMPTY,   /* an empty one in memory when it is not */
  CF_CLI_OPEN_CREATE,              /* created when missing: for commands that add data */
} CfCliOpen;

/* cf-cli-context.c: shared option handling */
CfStore  *cf_cli_open_store      (CfCliContext          *ctx,
                                  CfCliOpen              how);
gboolean  cf_cli_check_out_path  (const char            *command,
                                  const char            *out);
gboolean  cf_cli_parse_options   (CfCliContext          *ctx,
                                  const char            *command,
                                  const char            *parameters,
                                  const char            *summary,
                                  GOptionEntry          *entries,
                                  int                   *argc,
                                  char                ***argv);
int       cf_cli_usage_error     (const char            *command,
                                  const char            *message);
gboolean  cf_cli_parse_id        (const char            *command,
                                  const char            *text,
                                  gint64                *id);
CfStore  *cf_cli_open_for_id     (CfCliContext          *ctx,
                                  const char            *command,
                                  const char            *id_text,
                                  gint64                *id);
int       cf_cli_dispatch        (CfCliContext          *ctx,
                                  const char            *command,
                                  const CfCliSubcommand *subcommands,
                                  guint                  n_subcommands,
                                  int                    argc,
                                  char                 **argv);

/* cf-cli-operator.c */
const char *cf_cli_sign_in       (CfCliContext          *ctx,
                                  CfStore               *store,
                                  const char            *command,
                                  const char            *operator_no,
                                  int                   *status);

/* One function per command, in the file of its group. */
int       cf_cli_run_import      (CfCliContext *ctx, int argc, char **argv);
int       cf_cli_run_demo        (CfCliContext *ctx, int argc, char **argv);
int       cf_cli_run_find        (CfCliContext *ctx, int argc, char **argv);
int       cf_cli_run_duplicate   (CfCliContext *ctx, int argc, char **argv);
int       cf_cli_run_verify      (CfCliContext *ctx, int argc, char **argv);
int       cf_cli_run_loss        (CfCliContext *ctx, int argc, char **argv);
int       cf_cli_run_request     (CfCliContext *ctx, int argc, char **argv);
int       cf_cli_run_shift       (CfCliContext *ctx, int argc, char **argv);
int       cf_cli_run_report      (CfCliContext *ctx, int argc, char **argv);
int       cf_cli_run_audit       (CfCliContext *ctx, int argc, char **argv);
int       cf_cli_run_check       (CfCliContext *ctx, int argc, char **argv);
int       cf_cli_run_backup      (CfCliContext *ctx, int argc, char **argv);
int       cf_cli_run_restore     (CfCliContext *ctx, int argc, char **argv);
int       cf_cli_run_migrate     (CfCliContext *ctx, int argc, char **argv);
int       cf_cli_run_shop        (CfCliContext *ctx, int argc, char **argv);
int       cf_cli_run_operator    (CfCliContext *ctx, int argc, char **argv);
int       cf_cli_run_profile     (CfCliContext *ctx, int argc, char **argv);
int       cf_cli_run_reconcile   (CfCliContext *ctx, int argc, char **argv);

G_END_DECLS
