/* cf-test-render.c — comparing what Cairo paints with what a PDF shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cf-test-render.h"

/* Runs a program that must succeed; returns its standard output. */
char *
cf_test_run_command (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Page @page (from 1) of @pdf as poppler draws it, in RGB24 like a painted surface. */
cairo_surface_t *
cf_test_rasterize_pdf (const char *pdf,
                       guint       page,
                       guint       dpi)
{
  g_autofree char *dir = g_dir_make_tmp ("cf-raster-XXXXXX", NULL);
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *png = g_build_filename (dir, "page.png", NULL);
  g_autofree char *page_text = g_strdup_printf ("%u", page);
  g_autofree char *dpi_text = g_strdup_printf ("%u", dpi);
  const char *argv[] = { "pdftoppm", "-png", "-singlefile", "-f", page_text, "-l", page_text, "-r", dpi_text,
                         pdf, prefix, NULL };
  cairo_surface_t *loaded;
  cairo_surface_t *rgb;
  cairo_t *cr;

  g_free (cf_test_run_command (argv));
  loaded = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (loaded), ==, CAIRO_STATUS_SUCCESS);
  rgb = cairo_image_surface_create (CAIRO_FORMAT_RGB24, cairo_image_surface_get_width (loaded),
                                    cairo_image_surface_get_height (loaded));
  cr = cairo_create (rgb);
  cairo_set_source_surface (cr, loaded, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (rgb);
  cairo_surface_destroy (loaded);
  g_unlink (png);
  g_rmdir (dir);
  return rgb;
}

static guint
gray_at (cairo_surface_t *s,
         int              x,
         int              y)
{
  const guint8 *p = cairo_image_surface_get_data (s) + y * cairo_image_surface_get_stride (s) + x * 4;
  return (p[0] + p[1] + p[2]) / 3;
}

/* The worst 12×12 block (about one glyph at 100 dpi): how far apart the
 * two renderings' ink is there, in pixels' worth. Anti-aliasing and stroke
 * rounding move ink by fractions of a pixel along edges and keep its amount;
 * a missing, wrong or displaced glyph takes its ink away from the block. */
guint
cf_test_worst_block (cairo_surface_t *a,
                     cairo_surface_t *b)
{
  int w = MIN (cairo_image_surface_get_width (a), cairo_image_surface_get_width (b));
  int h = MIN (cairo_image_surface_get_height (a), cairo_image_surface_get_height (b));
  guint worst = 0;

  for (int by = 0; by < h; by += 12)
    for (int bx = 0; bx < w; bx += 12)
      {
        int ink_a = 0, ink_b = 0;

        for (int y = by; y < MIN (by + 12, h); y++)
          for (int x = bx; x < MIN (bx + 12, w); x++)
            {
              ink_a += 255 - (int) gray_at (a, x, y);
              ink_b += 255 - (int) gray_at (b, x, y);
            }
        worst = MAX (worst, (guint) (ABS (ink_a - ink_b) / 255));
      }
  return worst;
}

/* What a barcode reader (zbarimg, as a phone's camera would) reads off
 * @surface: the QR codes' payloads, one a line, without their type. */
char *
cf_test_decode_qr (cairo_surface_t *surface)
{
  g_autofree char *dir = g_dir_make_tmp ("cf-qr-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "slip.png", NULL);
  const char *argv[] = { "zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png, NULL };
  char *out;

  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  out = cf_test_run_command (argv);
  g_unlink (png);
  g_rmdir (dir);
  return out;
}
