/* shoebox-labels.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "shoebox-csv.h"
#include "shoebox-pair.h"

G_BEGIN_DECLS

const char *shoebox_labels_condition   (ShoeboxCondition   condition);
const char *shoebox_labels_status      (ShoeboxStatus      status);
const char *shoebox_labels_box         (ShoeboxBox         box);
const char *shoebox_labels_size_system (ShoeboxSizeSystem  system);
char       *shoebox_labels_dup_size    (ShoeboxPair       *pair);
char       *shoebox_labels_dup_money   (gint64             minor_units,
                                        const char        *currency);
char       *shoebox_labels_dup_pair_name (ShoeboxPair     *pair);
char       *shoebox_labels_dup_date    (const char        *iso_date);
const char *shoebox_labels_csv_column  (ShoeboxCsvColumn   column);
const char *shoebox_labels_csv_field   (const char        *name);

G_END_DECLS
