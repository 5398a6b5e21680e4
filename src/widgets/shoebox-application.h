/* shoebox-application.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "shoebox-database.h"

G_BEGIN_DECLS

#define SHOEBOX_TYPE_APPLICATION (shoebox_application_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxApplication, shoebox_application, SHOEBOX, APPLICATION, AdwApplication)

ShoeboxApplication *shoebox_application_new          (void);
ShoeboxDatabase    *shoebox_application_get_database (ShoeboxApplication *self);

G_END_DECLS
