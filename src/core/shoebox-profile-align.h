/* shoebox-profile-align.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SHOEBOX_PROFILE_ALIGN_ERROR (shoebox_profile_align_error_quark ())

/**
 * ShoeboxProfileAlignError:
 * @SHOEBOX_PROFILE_ALIGN_ERROR_TOO_SMALL: the image is too small to analyse
 * @SHOEBOX_PROFILE_ALIGN_ERROR_NO_BACKGROUND: the border is not a plain
 *   background (a busy scene), or the subject fills the whole photo
 * @SHOEBOX_PROFILE_ALIGN_ERROR_NO_SHOE: the background is plain, but nothing
 *   big enough to be a shoe stands out from it
 *
 * Every error means the same to the user: the photo is shown uncropped
 * (see shoebox_profile_align_init_uncropped()), and the message says why.
 */
typedef enum
{
  SHOEBOX_PROFILE_ALIGN_ERROR_TOO_SMALL,
  SHOEBOX_PROFILE_ALIGN_ERROR_NO_BACKGROUND,
  SHOEBOX_PROFILE_ALIGN_ERROR_NO_SHOE,
} ShoeboxProfileAlignError;

/**
 * ShoeboxProfileToe:
 * @SHOEBOX_PROFILE_TOE_UNKNOWN: the shape does not tell (both ends alike)
 * @SHOEBOX_PROFILE_TOE_LEFT: the toe points to the left of the image
 * @SHOEBOX_PROFILE_TOE_RIGHT: the toe points to the right of the image
 */
typedef enum
{
  SHOEBOX_PROFILE_TOE_UNKNOWN,
  SHOEBOX_PROFILE_TOE_LEFT,
  SHOEBOX_PROFILE_TOE_RIGHT,
} ShoeboxProfileToe;

/**
 * ShoeboxProfileBox:
 * @x: left column, in the pixels of the original image
 * @y: top row
 * @width: width in pixels, at least 1
 * @height: height in pixels, at least 1
 */
typedef struct
{
  int x;
  int y;
  int width;
  int height;
} ShoeboxProfileBox;

/**
 * ShoeboxProfile:
 * @image_width: width of the analysed image
 * @image_height: height of the analysed image
 * @box: the shoe's bounding box; its bottom edge is the sole
 * @toe: which way the toe points in the image
 * @mirror: %TRUE when the image must be mirrored for the Shoebox convention,
 *   toe to the left (that is, when @toe is %SHOEBOX_PROFILE_TOE_RIGHT)
 *
 * What shoebox_profile_align_analyze() found in one side-profile photo.
 * A user's "Flip" sets @toe to the other side (and @mirror with it).
 */
typedef struct
{
  int               image_width;
  int               image_height;
  ShoeboxProfileBox box;
  ShoeboxProfileToe toe;
  gboolean          mirror;
} ShoeboxProfile;

/**
 * ShoeboxProfilePoint:
 * @x: column, in the pixels of the original image
 * @y: row
 *
 * One point of a shoe's outer contour.
 */
typedef struct
{
  double x;
  double y;
} ShoeboxProfilePoint;

/**
 * ShoeboxProfilePlacement:
 * @scale: image pixels to target pixels, the same along both axes
 * @x_offset: target x of the image's column 0
 * @y_offset: target y of the image's row 0
 * @mirror: %TRUE when the image is drawn mirrored
 *
 * Where one image goes in an aligned drawing: image pixel (x, y) lands on
 * (@x_offset + s × @scale × x, @y_offset + @scale × y), where s is -1 when
 * @mirror is set and 1 otherwise. The shoe's box lands on the rectangle
 * from (0, baseline − @scale × box height) to (target length, baseline);
 * clip to it to crop.
 */
typedef struct
{
  double   scale;
  double   x_offset;
  double   y_offset;
  gboolean mirror;
} ShoeboxProfilePlacement;

/**
 * ShoeboxProfileMask:
 *
 * Which pixels of an analysed photo are the shoe: its background and its
 * shadow on the floor left out, its inside kept whole. Opaque; made by
 * shoebox_profile_align_analyze_masked(), applied with
 * shoebox_profile_mask_cut_out().
 */
typedef struct _ShoeboxProfileMask ShoeboxProfileMask;

GQuark   shoebox_profile_align_error_quark    (void);

gboolean shoebox_profile_align_analyze        (const guint8             *data,
                                               int                       width,
                                               int                       height,
                                               int                       rowstride,
                                               int                       n_channels,
                                               ShoeboxProfile           *profile,
                                               GArray                  **outline,
                                               GError                  **error);
gboolean shoebox_profile_align_analyze_masked (const guint8             *data,
                                               int                       width,
                                               int                       height,
                                               int                       rowstride,
                                               int                       n_channels,
                                               ShoeboxProfile           *profile,
                                               GArray                  **outline,
                                               ShoeboxProfileMask      **mask,
                                               GError                  **error);
void     shoebox_profile_align_init_uncropped (ShoeboxProfile           *profile,
                                               int                       width,
                                               int                       height);
double   shoebox_profile_align_place          (const ShoeboxProfile     *profiles,
                                               guint                     n_profiles,
                                               double                    target_length,
                                               ShoeboxProfileToe         toe,
                                               ShoeboxProfilePlacement  *placements);

GBytes  *shoebox_profile_mask_cut_out         (const ShoeboxProfileMask *mask,
                                               const guint8             *data,
                                               int                       width,
                                               int                       height,
                                               int                       rowstride,
                                               int                       n_channels);
void     shoebox_profile_mask_free            (ShoeboxProfileMask       *mask);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoeboxProfileMask, shoebox_profile_mask_free)

G_END_DECLS
