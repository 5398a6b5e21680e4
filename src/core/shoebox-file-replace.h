/* shoebox-file-replace.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _ShoeboxFileReplace ShoeboxFileReplace;

ShoeboxFileReplace *shoebox_file_replace_new        (GFile               *target,
                                                     GError             **error);
GOutputStream      *shoebox_file_replace_get_stream (ShoeboxFileReplace  *self);
gboolean            shoebox_file_replace_commit     (ShoeboxFileReplace  *self,
                                                     GError             **error);
void                shoebox_file_replace_free       (ShoeboxFileReplace  *self);

void                shoebox_file_replace_remove_leftovers (const char    *folder);
void                shoebox_file_sync_folder              (const char    *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoeboxFileReplace, shoebox_file_replace_free)

G_END_DECLS
