/* shoebox-profile-loader.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "shoebox-photos.h"
#include "shoebox-profile-align.h"

G_BEGIN_DECLS

/**
 * ShoeboxProfileResult:
 * @texture: the photo, as drawn: the shoe cut from its backdrop
 *   (transparent around it) when @message is %NULL
 * @profile: where the shoe is in @texture; the whole photo when @message is set
 * @outline: (element-type ShoeboxProfilePoint) (nullable): the shoe's outer
 *   contour in the pixels of @texture, or %NULL when no shoe was found
 * @message: (nullable): why the photo is shown uncropped, for the user
 *
 * One side-profile photo, analysed. Immutable once made, shared by reference.
 */
typedef struct
{
  GdkTexture     *texture;
  ShoeboxProfile  profile;
  GArray         *outline;
  char           *message;
} ShoeboxProfileResult;

#define SHOEBOX_TYPE_PROFILE_RESULT (shoebox_profile_result_get_type ())

GType                 shoebox_profile_result_get_type  (void) G_GNUC_CONST;
ShoeboxProfileResult *shoebox_profile_result_ref       (ShoeboxProfileResult *result);
void                  shoebox_profile_result_unref     (ShoeboxProfileResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoeboxProfileResult, shoebox_profile_result_unref)

#define SHOEBOX_TYPE_PROFILE_LOADER (shoebox_profile_loader_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxProfileLoader, shoebox_profile_loader, SHOEBOX, PROFILE_LOADER, GObject)

ShoeboxProfileLoader *shoebox_profile_loader_new         (ShoeboxPhotos        *photos);
ShoeboxProfileResult *shoebox_profile_loader_lookup      (ShoeboxProfileLoader *self,
                                                          const char           *file_name);
void                  shoebox_profile_loader_load_async  (ShoeboxProfileLoader *self,
                                                          const char           *file_name,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
ShoeboxProfileResult *shoebox_profile_loader_load_finish (ShoeboxProfileLoader *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

G_END_DECLS
