/* cf-shift-service.h — shifts: who worked which terminals when, and to whom they handed over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-store.h"

G_BEGIN_DECLS

#define CF_SHIFT_ERROR (cf_shift_error_quark ())

typedef enum
{
  CF_SHIFT_ERROR_INVALID,
  CF_SHIFT_ERROR_NOT_FOUND,
  CF_SHIFT_ERROR_OVERLAP,
  CF_SHIFT_ERROR_SIGNED,
} CfShiftError;

/**
 * CfShiftInfo:
 * @ended_at: (nullable): %NULL while the shift is open
 * @terminals: the terminals it covers; empty for all of them
 * @report_sequence_no: the signed report's number, 0 while not signed off
 */
typedef struct
{
  gint64    id;
  char     *operator_no;
  char     *operator_name;
  char     *started_at;
  char     *ended_at;
  GStrv     terminals;
  char     *handed_to;
  char     *handed_to_name;
  char     *notes;
  char     *variance;
  char     *closed_by;
  gboolean  defined_later;
  gint64    report_sequence_no;
} CfShiftInfo;

GQuark        cf_shift_error_quark     (void);
char         *cf_shift_normalize_time  (const char          *text,
                                        gboolean             is_end,
                                        GError             **error);
gint64        cf_shift_open            (CfStore             *store,
                                        const char          *operator_no,
                                        const char * const  *terminals,
                                        const char          *started_at,
                                        GError             **error);
gboolean      cf_shift_close           (CfStore             *store,
                                        gint64               shift_id,
                                        const char          *ended_at,
                                        const char          *handed_to,
                                        const char          *notes,
                                        const char          *variance,
                                        const char          *closed_by,
                                        GError             **error);
gint64        cf_shift_define          (CfStore             *store,
                                        const char          *operator_no,
                                        const char * const  *terminals,
                                        const char          *started_at,
                                        const char          *ended_at,
                                        const char          *notes,
                                        const char          *defined_by,
                                        GError             **error);
CfShiftInfo  *cf_shift_get             (CfStore             *store,
                                        gint64               shift_id,
                                        GError             **error);
GPtrArray    *cf_shift_list            (CfStore             *store,
                                        GError             **error);
gint64        cf_shift_find_open       (CfStore             *store,
                                        const char          *operator_no);
void          cf_shift_info_free       (CfShiftInfo         *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfShiftInfo, cf_shift_info_free)

G_END_DECLS
