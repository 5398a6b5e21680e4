/* shoebox-money.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-money"

#include "config.h"

#include <glib/gi18n.h>
#include <limits.h>
#include <locale.h>
#include <string.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "shoebox-money.h"

typedef struct
{
  char code[4];
  int  digits;
} Currency;

/* The active ISO 4217 currencies and their minor-unit digits, in code
 * order. Amounts are kept in minor units, so a currency's digits say how
 * "1150.00" becomes 115000 (USD) and "171000" stays 171000 (JPY).
 */
static const Currency currencies[] = {
  { "AED", 2 }, { "AFN", 2 }, { "ALL", 2 }, { "AMD", 2 }, { "ANG", 2 }, { "AOA", 2 },
  { "ARS", 2 }, { "AUD", 2 }, { "AWG", 2 }, { "AZN", 2 }, { "BAM", 2 }, { "BBD", 2 },
  { "BDT", 2 }, { "BGN", 2 }, { "BHD", 3 }, { "BIF", 0 }, { "BMD", 2 }, { "BND", 2 },
  { "BOB", 2 }, { "BRL", 2 }, { "BSD", 2 }, { "BTN", 2 }, { "BWP", 2 }, { "BYN", 2 },
  { "BZD", 2 }, { "CAD", 2 }, { "CDF", 2 }, { "CHF", 2 }, { "CLP", 0 }, { "CNY", 2 },
  { "COP", 2 }, { "CRC", 2 }, { "CUP", 2 }, { "CVE", 2 }, { "CZK", 2 }, { "DJF", 0 },
  { "DKK", 2 }, { "DOP", 2 }, { "DZD", 2 }, { "EGP", 2 }, { "ERN", 2 }, { "ETB", 2 },
  { "EUR", 2 }, { "FJD", 2 }, { "FKP", 2 }, { "GBP", 2 }, { "GEL", 2 }, { "GHS", 2 },
  { "GIP", 2 }, { "GMD", 2 }, { "GNF", 0 }, { "GTQ", 2 }, { "GYD", 2 }, { "HKD", 2 },
  { "HNL", 2 }, { "HTG", 2 }, { "HUF", 2 }, { "IDR", 2 }, { "ILS", 2 }, { "INR", 2 },
  { "IQD", 3 }, { "IRR", 2 }, { "ISK", 0 }, { "JMD", 2 }, { "JOD", 3 }, { "JPY", 0 },
  { "KES", 2 }, { "KGS", 2 }, { "KHR", 2 }, { "KMF", 0 }, { "KPW", 2 }, { "KRW", 0 },
  { "KWD", 3 }, { "KYD", 2 }, { "KZT", 2 }, { "LAK", 2 }, { "LBP", 2 }, { "LKR", 2 },
  { "LRD", 2 }, { "LSL", 2 }, { "LYD", 3 }, { "MAD", 2 }, { "MDL", 2 }, { "MGA", 2 },
  { "MKD", 2 }, { "MMK", 2 }, { "MNT", 2 }, { "MOP", 2 }, { "MRU", 2 }, { "MUR", 2 },
  { "MVR", 2 }, { "MWK", 2 }, { "MXN", 2 }, { "MYR", 2 }, { "MZN", 2 }, { "NAD", 2 },
  { "NGN", 2 }, { "NIO", 2 }, { "NOK", 2 }, { "NPR", 2 }, { "NZD", 2 }, { "OMR", 3 },
  { "PAB", 2 }, { "PEN", 2 }, { "PGK", 2 }, { "PHP", 2 }, { "PKR", 2 }, { "PLN", 2 },
  { "PYG", 0 }, { "QAR", 2 }, { "RON", 2 }, { "RSD", 2 }, { "RUB", 2 }, { "RWF", 0 },
  { "SAR", 2 }, { "SBD", 2 }, { "SCR", 2 }, { "SDG", 2 }, { "SEK", 2 }, { "SGD", 2 },
  { "SHP", 2 }, { "SLE", 2 }, { "SOS", 2 }, { "SRD", 2 }, { "SSP", 2 }, { "STN", 2 },
  { "SVC", 2 }, { "SYP", 2 }, { "SZL", 2 }, { "THB", 2 }, { "TJS", 2 }, { "TMT", 2 },
  { "TND", 3 }, { "TOP", 2 }, { "TRY", 2 }, { "TTD", 2 }, { "TWD", 2 }, { "TZS", 2 },
  { "UAH", 2 }, { "UGX", 0 }, { "USD", 2 }, { "UYU", 2 }, { "UZS", 2 }, { "VES", 2 },
  { "VND", 0 }, { "VUV", 0 }, { "WST", 2 }, { "XAF", 0 }, { "XCD", 2 }, { "XOF", 0 },
  { "XPF", 0 }, { "YER", 2 }, { "ZAR", 2 }, { "ZMW", 2 }, { "ZWL", 2 },
};

G_DEFINE_QUARK (shoebox-money-error-quark, shoebox_money_error)

static int
compare_currency (const void *key,
                  const void *member)
{
  const Currency *currency = member;

  return strcmp (key, currency->code);
}

static const Currency *
lookup_currency (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return NULL;

  return bsearch (code, currencies, G_N_ELEMENTS (currencies), sizeof currencies[0], compare_currency);
}

static gint64
power_of_ten (int digits)
{
  gint64 result = 1;

  for (int i = 0; i < digits; i++)
    result *= 10;

  return result;
}

/* Groups the digits of @integer_part as the locale's `grouping` string
 * says: each byte is the size of one group, from the right; the last one
 * repeats, and CHAR_MAX (or an empty string) means no more grouping.
 */
static char *
group_digits (const char *integer_part,
              const char *thousands_separator,
              const char *grouping)
{
  GString *result = g_string_new (NULL);
  gsize length = strlen (integer_part);
  GArray *cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *group = grouping;
  gsize position = length;
  int size = 0;

  if (thousands_separator == NULL || thousands_separator[0] == '\0' || grouping == NULL)
    group = "";

  while (*group != '\0' || size > 0)
    {
      if (*group != '\0')
        {
          if (*group == CHAR_MAX || *group <= 0)
            break;
          size = *group;
          group++;
        }

      if (position <= (gsize) size)
        break;

      position -= size;
      g_array_append_val (cuts, position);
    }

  for (gsize i = 0; i < length; i++)
    {
      for (guint c = 0; c < cuts->len; c++)
        if (g_array_index (cuts, gsize, c) == i)
          g_string_append (result, thousands_separator);
      g_string_append_c (result, integer_part[i]);
    }

  g_array_unref (cuts);
  return g_string_free (result, FALSE);
}

/**
 * shoebox_money_get_currencies:
 *
 * Returns: (transfer none) (array zero-terminated=1): the ISO 4217 codes
 *   Shoebox knows, in alphabetical order
 */
const char * const *
shoebox_money_get_currencies (void)
{
  static const char **codes = NULL;

  if (g_once_init_enter (&codes))
    {
      const char **list = g_new0 (const char *, G_N_ELEMENTS (currencies) + 1);

      for (gsize i = 0; i < G_N_ELEMENTS (currencies); i++)
        list[i] = currencies[i].code;
      g_once_init_leave (&codes, list);
    }

  return (const char * const *) codes;
}

/**
 * shoebox_money_get_digits:
 * @currency: an ISO 4217 code such as `EUR`
 *
 * Returns: how many minor-unit digits @currency has (2 for EUR, 0 for
 *   JPY, 3 for KWD), or -1 when Shoebox does not know it
 */
int
shoebox_money_get_digits (const char *currency)
{
  const Currency *found = lookup_currency (currency);

  return found != NULL ? found->digits : -1;
}

gboolean
shoebox_money_is_currency (const char *currency)
{
  return lookup_currency (currency) != NULL;
}

/**
 * shoebox_money_parse:
 * @text: an amount as typed or read from a CSV file, e.g. `1150.00`
 * @currency: the ISO 4217 code the amount is in
 * @minor_units: (out): the amount in minor units
 * @error: return location for a #GError
 *
 * Reads a non-negative decimal number written with a dot and at most the
 * currency's digits (`1150`, `1150.5` and `1150.00` for USD; `171000` for
 * JPY). Spaces around it are allowed; group separators, signs and
 * anything else are not: a wrong price is an error, never a guess.
 *
 * Returns: %TRUE if @text is an amount in @currency
 */
gboolean
shoebox_money_parse (const char  *text,
                     const char  *currency,
                     gint64      *minor_units,
                     GError     **error)
{
  g_autofree char *trimmed = NULL;
  const char *p;
  gint64 value = 0;
  int digits;
  int decimals = 0;
  gboolean seen_digit = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (minor_units != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));

  digits = shoebox_money_get_digits (currency);
  if (digits < 0)
    {
      if (currency == NULL || currency[0] == '\0')
        g_set_error (error, SHOEBOX_MONEY_ERROR, SHOEBOX_MONEY_ERROR_UNKNOWN_CURRENCY,
                     _("An amount needs a currency"));
      else
        g_set_error (error, SHOEBOX_MONEY_ERROR, SHOEBOX_MONEY_ERROR_UNKNOWN_CURRENCY,
                     _("“%s” is not an ISO 4217 currency code such as EUR, USD or JPY"),
                     currency);
      return FALSE;
    }

  p = trimmed;
  if (*p == '-')
    {
      gint64 ignored;

      if (p[1] != '-' && shoebox_money_parse (p + 1, currency, &ignored, NULL))
        {
          g_set_error (error, SHOEBOX_MONEY_ERROR, SHOEBOX_MONEY_ERROR_NEGATIVE,
                       _("“%s” is negative: an amount cannot be below zero"), trimmed);
          return FALSE;
        }
    }

  for (; g_ascii_isdigit (*p); p++)
    {
      seen_digit = TRUE;
      if (value > (SHOEBOX_MONEY_MAX - (*p - '0')) / 10)
        goto too_large;
      value = value * 10 + (*p - '0');
    }

  if (seen_digit && *p == '.' && g_ascii_isdigit (p[1]))
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          decimals++;
          if (decimals > digits)
            {
              /* Only digits may follow, or it was never a number. */
              while (g_ascii_isdigit (*p))
                p++;
              if (*p != '\0')
                break;

              if (digits == 0)
                g_set_error (error, SHOEBOX_MONEY_ERROR, SHOEBOX_MONEY_ERROR_TOO_MANY_DECIMALS,
                             _("“%s” has decimals, but %s amounts are whole numbers"),
                             trimmed, currency);
              else
                g_set_error (error, SHOEBOX_MONEY_ERROR, SHOEBOX_MONEY_ERROR_TOO_MANY_DECIMALS,
                             ngettext ("“%s” has too many decimals: %s amounts have %d",
                                       "“%s” has too many decimals: %s amounts have %d",
                                       digits),
                             trimmed, currency, digits);
              return FALSE;
            }
          if (value > (SHOEBOX_MONEY_MAX - (*p - '0')) / 10)
            goto too_large;
          value = value * 10 + (*p - '0');
        }
    }

  if (!seen_digit || *p != '\0')
    {
      g_set_error (error, SHOEBOX_MONEY_ERROR, SHOEBOX_MONEY_ERROR_INVALID,
                   _("“%s” is not an amount: write digits with a dot before the decimals, e.g. 1150.00"),
                   trimmed);
      return FALSE;
    }

  for (; decimals < digits; decimals++)
    {
      if (value > SHOEBOX_MONEY_MAX / 10)
        goto too_large;
      value *= 10;
    }

  *minor_units = value;
  return TRUE;

too_large:
  g_set_error (error, SHOEBOX_MONEY_ERROR, SHOEBOX_MONEY_ERROR_TOO_LARGE,
               _("“%s” is too large an amount"), trimmed);
  return FALSE;
}

/**
 * shoebox_money_format_plain:
 * @minor_units: a non-negative amount in minor units
 * @currency: a currency shoebox_money_get_digits() knows
 *
 * Writes the amount as shoebox_money_parse() reads it back: a dot and all
 * the currency's digits, no grouping (`1150.00`, `171000`). For files, not
 * for people.
 *
 * Returns: (transfer full): the amount
 */
char *
shoebox_money_format_plain (gint64      minor_units,
                            const char *currency)
{
  int digits = shoebox_money_get_digits (currency);
  gint64 scale;

  g_return_val_if_fail (minor_units >= 0, NULL);
  g_return_val_if_fail (digits >= 0, NULL);

  if (digits == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, minor_units);

  scale = power_of_ten (digits);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%0*" G_GINT64_FORMAT,
                          minor_units / scale, digits, minor_units % scale);
}

/**
 * shoebox_money_format_with_separators:
 * @minor_units: a non-negative amount in minor units
 * @currency: a currency shoebox_money_get_digits() knows
 * @decimal_point: what separates the decimals
 * @thousands_separator: (nullable): what separates digit groups
 * @grouping: (nullable): group sizes, as in `struct lconv`
 *
 * Returns: (transfer full): the amount followed by its currency code
 */
char *
shoebox_money_format_with_separators (gint64      minor_units,
                                      const char *currency,
                                      const char *decimal_point,
                                      const char *thousands_separator,
                                      const char *grouping)
{
  int digits = shoebox_money_get_digits (currency);
  g_autofree char *integer_part = NULL;
  g_autofree char *grouped = NULL;
  gint64 scale;

  g_return_val_if_fail (minor_units >= 0, NULL);
  g_return_val_if_fail (digits >= 0, NULL);
  g_return_val_if_fail (decimal_point != NULL, NULL);

  scale = power_of_ten (digits);
  integer_part = g_strdup_printf ("%" G_GINT64_FORMAT, minor_units / scale);
  grouped = group_digits (integer_part, thousands_separator, grouping);

  if (digits == 0)
    return g_strdup_printf ("%s %s", grouped, currency);

  return g_strdup_printf ("%s%s%0*" G_GINT64_FORMAT " %s",
                          grouped, decimal_point, digits, minor_units % scale, currency);
}

/* ICU's currency format for @locale (`de_DE`, `en_US`): the symbol,
 * its place and spacing, the separators and grouping the locale's
 * people read, with @currency's own number of decimals. NULL when ICU
 * cannot format it.
 */
static char *
format_with_icu (gint64      minor_units,
                 const char *currency,
                 const char *locale)
{
  int digits = shoebox_money_get_digits (currency);
  g_autofree char *decimal = shoebox_money_format_plain (minor_units, currency);
  UErrorCode status = U_ZERO_ERROR;
  UNumberFormat *format;
  UChar code[4];
  UChar text[128];
  int32_t length;

  if (decimal == NULL || strlen (currency) != 3)
    return NULL;

  format = unum_open (UNUM_CURRENCY, NULL, 0, locale, NULL, &status);
  if (U_FAILURE (status))
    return NULL;

  u_charsToUChars (currency, code, 4);
  unum_setTextAttribute (format, UNUM_CURRENCY_CODE, code, 3, &status);
  unum_setAttribute (format, UNUM_MIN_FRACTION_DIGITS, digits);
  unum_setAttribute (format, UNUM_MAX_FRACTION_DIGITS, digits);
  /* From the decimal text, not a double: every digit stays exact. */
  length = unum_formatDecimal (format, decimal, -1, text, G_N_ELEMENTS (text), NULL, &status);
  unum_close (format);
  if (U_FAILURE (status) || length <= 0 || length >= (int32_t) G_N_ELEMENTS (text))
    return NULL;

  return g_utf16_to_utf8 ((const gunichar2 *) text, length, NULL, NULL, NULL);
}

/* The ICU locale of a POSIX locale name: "de_DE.UTF-8@euro" → "de_DE";
 * NULL for C and POSIX, which have no money conventions.
 */
static char *
dup_icu_locale (const char *posix_locale)
{
  if (posix_locale == NULL || *posix_locale == '\0'
      || g_str_equal (posix_locale, "C") || g_str_has_prefix (posix_locale, "C.")
      || g_str_equal (posix_locale, "POSIX"))
    return NULL;

  return g_strndup (posix_locale, strcspn (posix_locale, ".@"));
}

/**
 * shoebox_money_format_for_locale:
 * @minor_units: a non-negative amount in minor units
 * @currency: a currency shoebox_money_get_digits() knows
 * @locale: (nullable): a POSIX locale name, `de_DE.UTF-8`, or %NULL or
 *   `C` for none
 *
 * Formats an amount as people in @locale write it, by ICU's currency
 * formatting: `$1,150.00` in `en_US`, `1.150,00 €` in `de_DE`, `¥171,000`
 * in `en_US` for yen. The C locale has no such conventions: there, and
 * should ICU fail, the amount is followed by its ISO code, `1150.00 USD`.
 *
 * Returns: (transfer full): the amount for display
 */
char *
shoebox_money_format_for_locale (gint64      minor_units,
                                 const char *currency,
                                 const char *locale)
{
  g_autofree char *icu_locale = dup_icu_locale (locale);
  char *text = NULL;

  g_return_val_if_fail (minor_units >= 0, NULL);
  g_return_val_if_fail (shoebox_money_get_digits (currency) >= 0, NULL);

  if (icu_locale != NULL)
    text = format_with_icu (minor_units, currency, icu_locale);
  if (text == NULL)
    text = shoebox_money_format_with_separators (minor_units, currency, ".", NULL, NULL);
  return text;
}

/**
 * shoebox_money_format:
 * @minor_units: a non-negative amount in minor units
 * @currency: a currency shoebox_money_get_digits() knows
 *
 * Formats an amount for people in the locale the process runs in
 * (LC_MONETARY): see shoebox_money_format_for_locale(). Storage and CSV
 * use shoebox_money_format_plain() instead.
 *
 * Returns: (transfer full): the amount for display
 */
char *
shoebox_money_format (gint64      minor_units,
                      const char *currency)
{
  return shoebox_money_format_for_locale (minor_units, currency, setlocale (LC_MONETARY, NULL));
}
