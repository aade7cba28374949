/* cf-audit-anchors-private.h — the audit chain's head, read on an open connection
 *
 * For the store's own files (backup and restore read a database that is
 * not the store's yet); everyone else goes through cf-audit-anchors.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-db.h"

#include "cf-audit-anchors.h"

G_BEGIN_DECLS

gboolean    cf_audit_head                    (CfDb           *db,
                                              gint64         *id_out,
                                              char          **hash_out);
GPtrArray  *cf_audit_anchors_check_db        (CfDb           *db,
                                              GPtrArray      *anchors,
                                              gint64          up_to);

G_END_DECLS
