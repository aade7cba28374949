/* cf-audit-sentence.h — an audit entry's details as a sentence in the reader's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cf_audit_sentence (const char *action,
                         const char *details);

G_END_DECLS
