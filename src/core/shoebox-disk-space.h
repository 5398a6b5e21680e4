/* shoebox-disk-space.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean    shoebox_disk_space_is_full_errno (int          saved_errno);
const char *shoebox_disk_space_strerror      (int          saved_errno);
gboolean    shoebox_disk_space_has_room      (const char  *folder,
                                              guint64      n_bytes);

G_END_DECLS
