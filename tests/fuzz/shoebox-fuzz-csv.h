/* shoebox-fuzz-csv.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "shoebox-csv.h"

G_BEGIN_DECLS

void shoebox_fuzz_check_csv_report (ShoeboxCsvReport *report);

G_END_DECLS
