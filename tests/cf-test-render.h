/* cf-test-render.h — comparing what Cairo paints with what a PDF shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

char            *cf_test_run_command     (const char * const *argv);
cairo_surface_t *cf_test_rasterize_pdf   (const char         *pdf,
                                          guint               page,
                                          guint               dpi);
guint            cf_test_worst_block     (cairo_surface_t    *a,
                                          cairo_surface_t    *b);
char            *cf_test_decode_qr       (cairo_surface_t    *surface);

G_END_DECLS
