/* cf-import-draft.h — a profile being written for a file Counterfoil does
 * not know: the file's first rows, a guess at each column, the profile text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cf-import-profile.h"
#include "cf-timestamp.h"
#include "cf-types.h"

G_BEGIN_DECLS

/**
 * CfImportDraft:
 * @records: (element-type GStrv): the file's first records, cells cleaned
 * @header_index: which of @records is the header
 * @fields: per column of the header, the field it is read as, or
 *   %CF_N_FIELDS to leave it out
 * @base: the profile the draft starts from: the one that read the file, or
 *   the general one; what the assistant does not show (prefixes, notes,
 *   summary blocks, sums, words) is kept from it
 *
 * What the import assistant edits; cf_import_draft_to_profile_text() turns it
 * into a profile.
 */
typedef struct
{
  char            *file;
  char            *encoding;         /* what the file was read in */
  char            *chosen_encoding;  /* NULL: found from the bytes; else saved with the profile */
  guint            max_records;
  CfImportProfile *base;             /* what the draft starts from and keeps */
  GPtrArray       *records;
  guint            header_index;
  guint            n_columns;
  CfField         *fields;

  char            *name;
  char            *title;
  CfDateOrder      date_order;       /* YMD: the file's dates decide */
  CfAmountUnit     amount_unit;      /* UNKNOWN: each header decides, else yuan */
  gboolean         reverse_sign;     /* money out written positive */
  gboolean         decimal_comma;
  char            *currency;
  char            *time_zone;
  CfPaymentMethod  method;
  CfField          skip_field;       /* CF_N_FIELDS: none */
  char            *skip_values;      /* "payout; fee" */
} CfImportDraft;

CfImportDraft *cf_import_draft_new_for_file      (const char      *path,
                                                  CfImportProfile *base,
                                                  guint            max_records,
                                                  GError         **error);
void           cf_import_draft_free              (CfImportDraft   *self);
gboolean       cf_import_draft_read_in           (CfImportDraft   *self,
                                                  const char      *encoding,
                                                  GError         **error);
const char *const *cf_import_draft_get_header    (CfImportDraft   *self);
void           cf_import_draft_set_header_index  (CfImportDraft   *self,
                                                  guint            index);
void           cf_import_draft_guess_fields      (CfImportDraft   *self,
                                                  GPtrArray       *profiles);
char          *cf_import_draft_to_profile_text   (CfImportDraft   *self);
char          *cf_import_draft_save              (CfImportDraft   *self,
                                                  GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfImportDraft, cf_import_draft_free)

G_END_DECLS
