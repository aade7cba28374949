/* cf-cli-json.h — what the command line prints with --json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cf-store.h"
#include "cf-transaction.h"

G_BEGIN_DECLS

void      cf_cli_json_set_int     (JsonBuilder   *b,
                                   const char    *name,
                                   gint64         value);
void      cf_cli_json_set_string  (JsonBuilder   *b,
                                   const char    *name,
                                   const char    *value);
void      cf_cli_json_set_bool    (JsonBuilder   *b,
                                   const char    *name,
                                   gboolean       value);
void      cf_cli_json_set_money   (JsonBuilder   *b,
                                   const char    *name,
                                   gint64         minor);
void      cf_cli_json_print       (JsonBuilder   *b);
void      cf_cli_json_print_ints  (const char    *first_name,
                                   ...) G_GNUC_NULL_TERMINATED;
void      cf_cli_json_print_strings (const char  *first_name,
                                   ...) G_GNUC_NULL_TERMINATED;
JsonNode *cf_cli_json_transaction (CfStore       *store,
                                   CfTransaction *txn);

G_END_DECLS
