/* cf-cli-private.h — what the command line's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-store.h"

G_BEGIN_DECLS

/* Exit status for a command used the wrong way, as sysexits' EX_USAGE is too. */
#define EXIT_USAGE 2

typedef enum
{
  CF_CLI_OPEN_EXISTING,            /* the database must be there */
  CF_CLI_OPEN_EXISTING_OR_EMPTY,   /* an empty one in memory when it is not */
  CF_CLI_OPEN_CREATE,              /* created when missing: for commands that add data */
} CfCliOpen;

CfStore  *cf_cli_open_store     (const char    *db_path,
                                 CfCliOpen      how);
gboolean  cf_cli_check_out_path (const char    *command,
                                 const char    *out);
gboolean  cf_cli_wants_help     (int            argc,
                                 char         **argv);
gboolean  cf_cli_parse_options  (const char    *command,
                                 const char    *parameters,
                                 const char    *summary,
                                 GOptionEntry  *entries,
                                 int           *argc,
                                 char        ***argv);
int       cf_cli_run_import     (const char    *db_path,
                                 int            argc,
                                 char         **argv);
int       cf_cli_run_find       (const char    *db_path,
                                 int            argc,
                                 char         **argv);
int       cf_cli_run_demo       (const char    *db_path,
                                 int            argc,
                                 char         **argv);
int       cf_cli_run_loss       (const char    *db_path,
                                 int            argc,
                                 char         **argv);
int       cf_cli_run_request    (const char    *db_path,
                                 int            argc,
                                 char         **argv);
int       cf_cli_run_shift      (const char    *db_path,
                                 int            argc,
                                 char         **argv);
int       cf_cli_run_report     (const char    *db_path,
                                 int            argc,
                                 char         **argv);
int       cf_cli_run_audit      (const char    *db_path,
                                 int            argc,
                                 char         **argv);
int       cf_cli_run_check      (const char    *db_path,
                                 int            argc,
                                 char         **argv);
int       cf_cli_run_backup     (const char    *db_path,
                                 int            argc,
                                 char         **argv);
int       cf_cli_run_restore    (const char    *db_path,
                                 int            argc,
                                 char         **argv);
int       cf_cli_run_operator   (const char    *db_path,
                                 int            argc,
                                 char         **argv);
void        cf_cli_set_identity (const char    *operator_no,
                                 const char    *manager_no);
const char *cf_cli_get_operator (void);
const char *cf_cli_sign_in      (CfStore       *store,
                                 const char    *command,
                                 const char    *operator_no,
                                 int           *status);

G_END_DECLS
