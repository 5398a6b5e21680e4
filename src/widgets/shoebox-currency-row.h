/* shoebox-currency-row.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

const char *shoebox_currency_row_get_currency (AdwComboRow *row);
void        shoebox_currency_row_set_currency (AdwComboRow *row,
                                               const char  *currency);

G_END_DECLS
