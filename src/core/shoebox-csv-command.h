/* shoebox-csv-command.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int shoebox_csv_command_run (const char *import_path,
                             const char *export_path);

G_END_DECLS
