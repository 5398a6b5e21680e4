/* shoebox-money.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest amount Shoebox keeps, in minor units: fifteen digits, so
 * every amount is also exact as a double for charts.
 */
#define SHOEBOX_MONEY_MAX (G_GINT64_CONSTANT (999999999999999))

#define SHOEBOX_MONEY_ERROR (shoebox_money_error_quark ())

/**
 * ShoeboxMoneyError:
 * @SHOEBOX_MONEY_ERROR_INVALID: not a decimal number written with a dot
 * @SHOEBOX_MONEY_ERROR_NEGATIVE: a negative amount
 * @SHOEBOX_MONEY_ERROR_TOO_MANY_DECIMALS: more decimals than the currency has
 * @SHOEBOX_MONEY_ERROR_TOO_LARGE: over %SHOEBOX_MONEY_MAX minor units
 * @SHOEBOX_MONEY_ERROR_UNKNOWN_CURRENCY: not an ISO 4217 code Shoebox knows
 */
typedef enum
{
  SHOEBOX_MONEY_ERROR_INVALID,
  SHOEBOX_MONEY_ERROR_NEGATIVE,
  SHOEBOX_MONEY_ERROR_TOO_MANY_DECIMALS,
  SHOEBOX_MONEY_ERROR_TOO_LARGE,
  SHOEBOX_MONEY_ERROR_UNKNOWN_CURRENCY,
} ShoeboxMoneyError;

GQuark              shoebox_money_error_quark            (void);

const char * const *shoebox_money_get_currencies         (void);
int                 shoebox_money_get_digits             (const char  *currency);
gboolean            shoebox_money_is_currency            (const char  *currency);

gboolean            shoebox_money_parse                  (const char  *text,
                                                          const char  *currency,
                                                          gint64      *minor_units,
                                                          GError     **error);
char               *shoebox_money_format_plain           (gint64       minor_units,
                                                          const char  *currency);
char               *shoebox_money_format                 (gint64       minor_units,
                                                          const char  *currency);
char               *shoebox_money_format_for_locale      (gint64       minor_units,
                                                          const char  *currency,
                                                          const char  *locale);
char               *shoebox_money_format_with_separators (gint64       minor_units,
                                                          const char  *currency,
                                                          const char  *decimal_point,
                                                          const char  *thousands_separator,
                                                          const char  *grouping);

G_END_DECLS
