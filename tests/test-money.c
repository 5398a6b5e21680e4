/* test-money.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "shoebox-money.h"
#include "shoebox-pair.h"

static void
test_digits (void)
{
  g_assert_cmpint (shoebox_money_get_digits ("USD"), ==, 2);
  g_assert_cmpint (shoebox_money_get_digits ("EUR"), ==, 2);
  g_assert_cmpint (shoebox_money_get_digits ("GBP"), ==, 2);
  g_assert_cmpint (shoebox_money_get_digits ("CHF"), ==, 2);
  g_assert_cmpint (shoebox_money_get_digits ("CAD"), ==, 2);
  g_assert_cmpint (shoebox_money_get_digits ("AUD"), ==, 2);
  g_assert_cmpint (shoebox_money_get_digits ("CNY"), ==, 2);
  g_assert_cmpint (shoebox_money_get_digits ("SEK"), ==, 2);
  g_assert_cmpint (shoebox_money_get_digits ("JPY"), ==, 0);
  g_assert_cmpint (shoebox_money_get_digits ("KRW"), ==, 0);
  g_assert_cmpint (shoebox_money_get_digits ("KWD"), ==, 3);
  g_assert_cmpint (shoebox_money_get_digits ("usd"), ==, -1);
  g_assert_cmpint (shoebox_money_get_digits ("XYZ"), ==, -1);
  g_assert_cmpint (shoebox_money_get_digits ("USDX"), ==, -1);
  g_assert_cmpint (shoebox_money_get_digits (NULL), ==, -1);

  g_assert_true (g_strv_contains (shoebox_money_get_currencies (), "JPY"));
  g_assert_false (g_strv_contains (shoebox_money_get_currencies (), "XYZ"));
}

typedef struct
{
  const char *text;
  const char *currency;
  gint64      minor_units;
  int         error_code; /* -1: parses */
} ParseCase;

static const ParseCase parse_cases[] = {
  { "1150.00", "USD", 115000, -1 },
  { "1150", "USD", 115000, -1 },
  { "1150.5", "USD", 115050, -1 },
  { " 12.34 ", "EUR", 1234, -1 },
  { "0", "USD", 0, -1 },
  { "0.05", "USD", 5, -1 },
  { "171000", "JPY", 171000, -1 },
  { "1.234", "KWD", 1234, -1 },
  { "999999999999999", "JPY", G_GINT64_CONSTANT (999999999999999), -1 },
  { "-1.00", "USD", 0, SHOEBOX_MONEY_ERROR_NEGATIVE },
  { "-171000", "JPY", 0, SHOEBOX_MONEY_ERROR_NEGATIVE },
  { "abc", "USD", 0, SHOEBOX_MONEY_ERROR_INVALID },
  { "", "USD", 0, SHOEBOX_MONEY_ERROR_INVALID },
  { "1,150.00", "USD", 0, SHOEBOX_MONEY_ERROR_INVALID },
  { "1 150", "USD", 0, SHOEBOX_MONEY_ERROR_INVALID },
  { "1150,00", "EUR", 0, SHOEBOX_MONEY_ERROR_INVALID },
  { "1e3", "USD", 0, SHOEBOX_MONEY_ERROR_INVALID },
  { "1150.", "USD", 0, SHOEBOX_MONEY_ERROR_INVALID },
  { ".5", "USD", 0, SHOEBOX_MONEY_ERROR_INVALID },
  { "+5", "USD", 0, SHOEBOX_MONEY_ERROR_INVALID },
  { "--5", "USD", 0, SHOEBOX_MONEY_ERROR_INVALID },
  { "-", "USD", 0, SHOEBOX_MONEY_ERROR_INVALID },
  { "$5", "USD", 0, SHOEBOX_MONEY_ERROR_INVALID },
  { "5 USD", "USD", 0, SHOEBOX_MONEY_ERROR_INVALID },
  { "٥", "USD", 0, SHOEBOX_MONEY_ERROR_INVALID },
  { "1150.001", "USD", 0, SHOEBOX_MONEY_ERROR_TOO_MANY_DECIMALS },
  { "171000.5", "JPY", 0, SHOEBOX_MONEY_ERROR_TOO_MANY_DECIMALS },
  { "171000.0", "JPY", 0, SHOEBOX_MONEY_ERROR_TOO_MANY_DECIMALS },
  { "1.2345", "KWD", 0, SHOEBOX_MONEY_ERROR_TOO_MANY_DECIMALS },
  { "1.001x", "USD", 0, SHOEBOX_MONEY_ERROR_INVALID },
  { "10000000000000.00", "USD", 0, SHOEBOX_MONEY_ERROR_TOO_LARGE },
  { "99999999999999999999999", "JPY", 0, SHOEBOX_MONEY_ERROR_TOO_LARGE },
  { "12", "XYZ", 0, SHOEBOX_MONEY_ERROR_UNKNOWN_CURRENCY },
  { "12", "", 0, SHOEBOX_MONEY_ERROR_UNKNOWN_CURRENCY },
  { "12", NULL, 0, SHOEBOX_MONEY_ERROR_UNKNOWN_CURRENCY },
};

static void
test_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      g_autoptr(GError) error = NULL;
      gint64 value = -42;
      gboolean parsed;

      g_test_message ("“%s” %s", c->text, c->currency);
      parsed = shoebox_money_parse (c->text, c->currency, &value, &error);
      if (c->error_code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (parsed);
          g_assert_cmpint (value, ==, c->minor_units);
        }
      else
        {
          g_assert_error (error, SHOEBOX_MONEY_ERROR, c->error_code);
          g_assert_false (parsed);
          /* A failed parse leaves the value alone. */
          g_assert_cmpint (value, ==, -42);
          g_assert_cmpstr (error->message, !=, "");
        }
    }
}

static void
test_format_plain_round_trips (void)
{
  static const char * const currencies[] = { "USD", "JPY", "KWD", "EUR" };
  static const gint64 values[] = { 0, 1, 5, 99, 100, 101, 115000, 171000, 89500, 999999999999999 };
  g_autofree char *usd = shoebox_money_format_plain (115000, "USD");
  g_autofree char *jpy = shoebox_money_format_plain (171000, "JPY");
  g_autofree char *cents = shoebox_money_format_plain (5, "USD");
  g_autofree char *kwd = shoebox_money_format_plain (1234, "KWD");

  g_assert_cmpstr (usd, ==, "1150.00");
  g_assert_cmpstr (jpy, ==, "171000");
  g_assert_cmpstr (cents, ==, "0.05");
  g_assert_cmpstr (kwd, ==, "1.234");

  for (guint c = 0; c < G_N_ELEMENTS (currencies); c++)
    for (guint v = 0; v < G_N_ELEMENTS (values); v++)
      {
        g_autofree char *text = shoebox_money_format_plain (values[v], currencies[c]);
        g_autoptr(GError) error = NULL;
        gint64 back = -1;

        g_assert_true (shoebox_money_parse (text, currencies[c], &back, &error));
        g_assert_no_error (error);
        g_assert_cmpint (back, ==, values[v]);
      }
}

static void
test_format_display (void)
{
  struct
  {
    gint64      value;
    const char *currency;
    const char *decimal_point;
    const char *thousands;
    const char *grouping;
    const char *expected;
  } cases[] = {
    { 115000, "USD", ".", ",", "\3", "1,150.00 USD" },
    { 115000, "EUR", ",", ".", "\3", "1.150,00 EUR" },
    { 171000, "JPY", ".", ",", "\3", "171,000 JPY" },
    { 89500, "USD", ".", ",", "\3", "895.00 USD" },
    { 12345678900, "USD", ".", " ", "\3", "123 456 789.00 USD" },
    { 100000000, "INR", ".", ",", "\3\2", "10,00,000.00 INR" },
    { 115000, "USD", ".", "", "", "1150.00 USD" },
    { 115000, "USD", ".", NULL, NULL, "1150.00 USD" },
    { 0, "USD", ".", ",", "\3", "0.00 USD" },
    { 7, "JPY", ".", ",", "\3", "7 JPY" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = shoebox_money_format_with_separators (cases[i].value, cases[i].currency,
                                                                    cases[i].decimal_point,
                                                                    cases[i].thousands, cases[i].grouping);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  /* The tests run in the C locale, which has no money conventions. */
  {
    g_autofree char *text = shoebox_money_format (115000, "USD");

    g_assert_cmpstr (text, ==, "1150.00 USD");
  }
}

/* Each locale's own form, by ICU, with the currency's own decimals; the
 * C locale keeps the ISO code. (ICU spaces with a no-break space.)
 */
static void
test_format_locale (void)
{
  static const struct
  {
    gint64      value;
    const char *currency;
    const char *locale;
    const char *expected;
  } cases[] = {
    { 115000, "USD", "en_US.UTF-8", "$1,150.00" },
    { 115000, "EUR", "de_DE.UTF-8", "1.150,00\u00a0€" },
    { 115000, "USD", "de_DE.UTF-8", "1.150,00\u00a0$" },
    { 171000, "JPY", "de_DE.UTF-8", "171.000\u00a0¥" },
    { 171000, "JPY", "en_US", "¥171,000" },
    { 189000, "EUR", "de_DE.UTF-8@euro", "1.890,00\u00a0€" },
    { 99999999999999, "USD", "en_US.UTF-8", "$999,999,999,999.99" },
    { 0, "GBP", "en_GB.UTF-8", "£0.00" },
    { 115000, "USD", "C", "1150.00 USD" },
    { 115000, "USD", "C.UTF-8", "1150.00 USD" },
    { 115000, "USD", "POSIX", "1150.00 USD" },
    { 115000, "USD", NULL, "1150.00 USD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = shoebox_money_format_for_locale (cases[i].value, cases[i].currency, cases[i].locale);

      g_test_message ("%s %s: %s", cases[i].currency, cases[i].locale, text);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

typedef struct
{
  ShoeboxSizeSystem  system;
  const char        *size;
  gboolean           valid;
} SizeCase;

static const SizeCase size_cases[] = {
  { SHOEBOX_SIZE_SYSTEM_US_M, "10.5", TRUE },
  { SHOEBOX_SIZE_SYSTEM_US_M, "10", TRUE },
  { SHOEBOX_SIZE_SYSTEM_US_M, " 9 ", TRUE },
  { SHOEBOX_SIZE_SYSTEM_US_M, "10½", TRUE },
  { SHOEBOX_SIZE_SYSTEM_US_M, "6Y", TRUE },
  { SHOEBOX_SIZE_SYSTEM_US_M, "10C", TRUE },
  { SHOEBOX_SIZE_SYSTEM_US_M, "8Y", FALSE },
  { SHOEBOX_SIZE_SYSTEM_US_M, "0", FALSE },
  { SHOEBOX_SIZE_SYSTEM_US_M, "23", FALSE },
  { SHOEBOX_SIZE_SYSTEM_US_M, "10.3", FALSE },
  { SHOEBOX_SIZE_SYSTEM_US_M, "10.55", FALSE },
  { SHOEBOX_SIZE_SYSTEM_US_M, "-10", FALSE },
  { SHOEBOX_SIZE_SYSTEM_US_M, "ten", FALSE },
  { SHOEBOX_SIZE_SYSTEM_US_M, "", FALSE },
  { SHOEBOX_SIZE_SYSTEM_US_W, "11.5", TRUE },
  { SHOEBOX_SIZE_SYSTEM_UK, "9.5", TRUE },
  { SHOEBOX_SIZE_SYSTEM_UK, "30", FALSE },
  { SHOEBOX_SIZE_SYSTEM_UK, "6Y", FALSE },
  { SHOEBOX_SIZE_SYSTEM_EU, "42", TRUE },
  { SHOEBOX_SIZE_SYSTEM_EU, "42.5", TRUE },
  { SHOEBOX_SIZE_SYSTEM_EU, "42 2/3", TRUE },
  { SHOEBOX_SIZE_SYSTEM_EU, "44⅔", TRUE },
  { SHOEBOX_SIZE_SYSTEM_EU, "41 1/3", TRUE },
  { SHOEBOX_SIZE_SYSTEM_EU, "10", FALSE },
  { SHOEBOX_SIZE_SYSTEM_EU, "60", FALSE },
  { SHOEBOX_SIZE_SYSTEM_JP_CM, "27.5", TRUE },
  { SHOEBOX_SIZE_SYSTEM_JP_CM, "27 2/3", FALSE },
  { SHOEBOX_SIZE_SYSTEM_JP_CM, "9", FALSE },
  { SHOEBOX_SIZE_SYSTEM_JP_CM, "36", FALSE },
  { SHOEBOX_SIZE_SYSTEM_NONE, "10", FALSE },
};

static void
test_size_validation (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (size_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean valid = shoebox_size_validate (size_cases[i].system, size_cases[i].size, &error);

      g_test_message ("%s “%s”", shoebox_size_system_to_string (size_cases[i].system), size_cases[i].size);
      g_assert_cmpint (valid, ==, size_cases[i].valid);
      if (valid)
        g_assert_no_error (error);
      else
        g_assert_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_INVALID_SIZE);
    }
}

static void
test_size_system_names (void)
{
  ShoeboxSizeSystem system = SHOEBOX_SIZE_SYSTEM_NONE;
  ShoeboxCondition condition = SHOEBOX_CONDITION_NONE;
  ShoeboxStatus status = SHOEBOX_STATUS_OWNED;
  ShoeboxBox box = SHOEBOX_BOX_UNKNOWN;

  g_assert_cmpstr (shoebox_size_system_to_string (SHOEBOX_SIZE_SYSTEM_JP_CM), ==, "JP cm");
  g_assert_null (shoebox_size_system_to_string (SHOEBOX_SIZE_SYSTEM_NONE));
  g_assert_true (shoebox_size_system_from_string ("us w", &system));
  g_assert_cmpint (system, ==, SHOEBOX_SIZE_SYSTEM_US_W);
  g_assert_false (shoebox_size_system_from_string ("Mondopoint", &system));
  g_assert_false (shoebox_size_system_from_string ("", &system));

  g_assert_true (shoebox_condition_from_string ("vnds", &condition));
  g_assert_cmpint (condition, ==, SHOEBOX_CONDITION_VNDS);
  g_assert_false (shoebox_condition_from_string ("Mint", &condition));
  g_assert_true (shoebox_status_from_string ("Sold", &status));
  g_assert_cmpint (status, ==, SHOEBOX_STATUS_SOLD);
  g_assert_true (shoebox_box_from_string ("none", &box));
  g_assert_cmpint (box, ==, SHOEBOX_BOX_NONE);
  g_assert_cmpstr (shoebox_box_to_string (SHOEBOX_BOX_DAMAGED), ==, "damaged");
}

static void
test_dates (void)
{
  static const struct
  {
    const char *date;
    int         error_code; /* -1: valid */
  } cases[] = {
    { "2024-02-29", -1 },
    { "1997-11-01", -1 },
    { "2023-02-29", SHOEBOX_PAIR_ERROR_INVALID_DATE },
    { "2024-13-01", SHOEBOX_PAIR_ERROR_INVALID_DATE },
    { "2024-00-10", SHOEBOX_PAIR_ERROR_INVALID_DATE },
    { "2024-1-01", SHOEBOX_PAIR_ERROR_INVALID_DATE },
    { "24-01-01", SHOEBOX_PAIR_ERROR_INVALID_DATE },
    { "2024/01/01", SHOEBOX_PAIR_ERROR_INVALID_DATE },
    { "01-01-2024", SHOEBOX_PAIR_ERROR_INVALID_DATE },
    { "2024-01-01T10:00", SHOEBOX_PAIR_ERROR_INVALID_DATE },
    { "yesterday", SHOEBOX_PAIR_ERROR_INVALID_DATE },
    { "", SHOEBOX_PAIR_ERROR_INVALID_DATE },
    { "2999-01-01", SHOEBOX_PAIR_ERROR_FUTURE_DATE },
  };
  g_autoptr(GDate) today = g_date_new_dmy (15, G_DATE_JUNE, 2024);
  g_autoptr(GError) error = NULL;
  g_autofree char *now = shoebox_date_dup_today ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) case_error = NULL;
      gboolean valid = shoebox_date_validate (cases[i].date, NULL, &case_error);

      g_test_message ("“%s”", cases[i].date);
      if (cases[i].error_code < 0)
        {
          g_assert_no_error (case_error);
          g_assert_true (valid);
        }
      else
        {
          g_assert_error (case_error, SHOEBOX_PAIR_ERROR, cases[i].error_code);
          g_assert_false (valid);
        }
    }

  /* Today is fine, tomorrow (from a given today) is not. */
  g_assert_true (shoebox_date_validate (now, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (shoebox_date_validate ("2024-06-15", today, &error));
  g_assert_false (shoebox_date_validate ("2024-06-16", today, &error));
  g_assert_error (error, SHOEBOX_PAIR_ERROR, SHOEBOX_PAIR_ERROR_FUTURE_DATE);
  g_clear_error (&error);

  /* Compared by year, then month, then day: a later month or year with
   * an earlier day is still after today, an earlier one with a later day
   * is not.
   */
  g_assert_true (shoebox_date_validate ("2024-05-31", today, NULL));
  g_assert_true (shoebox_date_validate ("2023-12-31", today, NULL));
  g_assert_false (shoebox_date_validate ("2024-07-01", today, NULL));
  g_assert_false (shoebox_date_validate ("2025-01-01", today, NULL));
}

static void
test_lists (void)
{
  static const char * const items[] = { "a;b", "c\\d", "e\\;", "plain", "ü;", "\\", ";", NULL };
  g_autofree char *joined = shoebox_list_join (items);
  g_auto(GStrv) split = shoebox_list_split (joined);
  g_auto(GStrv) empties = shoebox_list_split ("a;;b;");
  g_auto(GStrv) trailing = shoebox_list_split ("x\\");
  g_autofree char *none = shoebox_list_join (NULL);

  g_assert_cmpstr (joined, ==, "a\\;b;c\\\\d;e\\\\\\;;plain;ü\\;;\\\\;\\;");
  g_assert_true (g_strv_equal ((const char * const *) split, items));

  g_assert_cmpuint (g_strv_length (empties), ==, 2);
  g_assert_cmpstr (empties[0], ==, "a");
  g_assert_cmpstr (empties[1], ==, "b");
  g_assert_cmpstr (trailing[0], ==, "x\\");
  g_assert_null (shoebox_list_split (""));
  g_assert_null (shoebox_list_split (NULL));
  g_assert_cmpstr (none, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/money/digits", test_digits);
  g_test_add_func ("/money/parse", test_parse);
  g_test_add_func ("/money/format-plain", test_format_plain_round_trips);
  g_test_add_func ("/money/format-display", test_format_display);
  g_test_add_func ("/money/format-locale", test_format_locale);
  g_test_add_func ("/pair/size/validate", test_size_validation);
  g_test_add_func ("/pair/enums/names", test_size_system_names);
  g_test_add_func ("/pair/dates", test_dates);
  g_test_add_func ("/pair/lists", test_lists);

  return g_test_run ();
}
