/* fuzz-profile.c — any bytes as an import profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "cf-import-profile.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImportProfile) profile = cf_import_profile_new_from_data ((const char *) data, size, "fuzz.profile",
                                                                        &error);

  if (profile == NULL)
    g_assert_nonnull (error);
  else
    g_assert_nonnull (cf_import_profile_get_name (profile));
  return 0;
}
