/* shoebox-sort-key.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "shoebox-sort-key.h"

/* One key of an ORDER BY, over many rows: each row's value is added as it
 * is read and answered with a slot, one per distinct value; at the end
 * the distinct values alone are sorted the way SQLite compares them, and
 * the slots become places (equal values share one). 100,000 pairs have a
 * few hundred colorways, four currencies, some thousand days: sorting
 * those is nothing, so the cost is one hash and one comparison per row.
 *
 * The table is its own, not a GHashTable: a row's text lives only until
 * the statement steps, and only a new value is copied; the hash is taken
 * once, over the bytes, and kept beside the value.
 */

/* One value as SQLite holds it. */
typedef struct
{
  int         type;   /* SQLITE_NULL, _INTEGER, _FLOAT, _TEXT, _BLOB */
  int         length;
  guint32     hash;
  union
  {
    gint64      integer;
    double      real;
    const char *bytes;
  };
} Value;

struct _ShoeboxSortKey
{
  gboolean      nocase;
  GArray       *values;   /* Value, by slot */
  guint32      *table;    /* slot + 1, 0 where empty; open addressing */
  guint32       mask;     /* the table's size - 1 */
  GStringChunk *bytes;    /* the distinct texts and blobs */
};

/* Compared the way SQLite compares them: numbers before text, text
 * before blobs; text as bytes, or without regard to ASCII case as COLLATE
 * NOCASE (sqlite3StrNICmp folds ASCII letters only).
 */
static int
storage_class (int type)
{
  return type == SQLITE_TEXT ? 1 : type == SQLITE_BLOB ? 2 : 0;
}

static int
compare_bytes (const Value *a,
               const Value *b,
               gboolean     nocase)
{
  int n = MIN (a->length, b->length);

  if (!nocase)
    {
      int result = memcmp (a->bytes, b->bytes, n);

      if (result != 0)
        return result < 0 ? -1 : 1;
    }
  else
    for (int i = 0; i < n; i++)
      {
        guchar x = (guchar) g_ascii_tolower (a->bytes[i]);
        guchar y = (guchar) g_ascii_tolower (b->bytes[i]);

        if (x != y)
          return x < y ? -1 : 1;
        /* sqlite3StrNICmp stops at a NUL: what follows is not compared. */
        if (x == 0)
          break;
      }

  return (a->length > b->length) - (a->length < b->length);
}

static int
compare_values (const Value *a,
                const Value *b,
                gboolean     nocase)
{
  int class_a = storage_class (a->type);
  int class_b = storage_class (b->type);

  if (class_a != class_b)
    return class_a < class_b ? -1 : 1;
  if (class_a != 0)
    return compare_bytes (a, b, nocase && class_a == 1);
  if (a->type == SQLITE_INTEGER && b->type == SQLITE_INTEGER)
    return (a->integer > b->integer) - (a->integer < b->integer);
  {
    double x = a->type == SQLITE_INTEGER ? (double) a->integer : a->real;
    double y = b->type == SQLITE_INTEGER ? (double) b->integer : b->real;

    return (x > y) - (x < y);
  }
}

static guint32
mix64 (guint64 bits)
{
  bits ^= bits >> 33;
  bits *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  bits ^= bits >> 33;
  return (guint32) bits;
}

/* FNV-1a over the bytes. */
static guint32
hash_bytes (const char *bytes,
            int         length,
            int         type)
{
  guint32 hash = 2166136261u ^ (guint32) type;

  for (int i = 0; i < length; i++)
    hash = (hash ^ (guchar) bytes[i]) * 16777619u;
  return hash;
}

/* The same value, bit for bit; values that only compare equal (1 and
 * 1.0, "A" and "a" under NOCASE) get slots of their own and share a
 * place when ranked.
 */
static gboolean
same_value (const Value *a,
            const Value *b)
{
  if (a->type != b->type || a->hash != b->hash)
    return FALSE;
  switch (a->type)
    {
    case SQLITE_INTEGER:
      return a->integer == b->integer;
    case SQLITE_FLOAT:
      return memcmp (&a->real, &b->real, sizeof (double)) == 0;
    default:
      return a->length == b->length && memcmp (a->bytes, b->bytes, a->length) == 0;
    }
}

static void
grow_table (ShoeboxSortKey *self)
{
  guint32 size = (self->mask + 1) * 2;
  const Value *values = (const Value *) (gconstpointer) self->values->data;

  g_free (self->table);
  self->table = g_new0 (guint32, size);
  self->mask = size - 1;
  for (guint32 slot = 0; slot < self->values->len; slot++)
    {
      guint32 at = values[slot].hash & self->mask;

      while (self->table[at] != 0)
        at = (at + 1) & self->mask;
      self->table[at] = slot + 1;
    }
}

/* The slot of @value, a new one (with its bytes copied) if it is new. */
static guint32
add_value (ShoeboxSortKey *self,
           Value          *value)
{
  const Value *values = (const Value *) (gconstpointer) self->values->data;
  guint32 at = value->hash & self->mask;
  guint32 slot;

  for (; self->table[at] != 0; at = (at + 1) & self->mask)
    if (same_value (&values[self->table[at] - 1], value))
      return self->table[at] - 1;

  slot = self->values->len;
  if (value->type == SQLITE_TEXT || value->type == SQLITE_BLOB)
    value->bytes = g_string_chunk_insert_len (self->bytes, value->bytes, value->length);
  g_array_append_val (self->values, *value);
  self->table[at] = slot + 1;
  /* Half full at most, so that a search ends soon. */
  if (self->values->len * 2 > self->mask + 1)
    grow_table (self);
  return slot;
}

ShoeboxSortKey *
shoebox_sort_key_new (gboolean nocase)
{
  ShoeboxSortKey *self = g_new0 (ShoeboxSortKey, 1);

  self->nocase = nocase;
  self->values = g_array_new (FALSE, FALSE, sizeof (Value));
  self->mask = 63;
  self->table = g_new0 (guint32, self->mask + 1);
  self->bytes = g_string_chunk_new (4096);
  return self;
}

/**
 * shoebox_sort_key_add_column:
 * @self: the key
 * @stmt: a statement on a row
 * @column: the key's column in it
 *
 * Returns: the slot of the row's value, or %SHOEBOX_SORT_KEY_NULL
 */
guint32
shoebox_sort_key_add_column (ShoeboxSortKey *self,
                             sqlite3_stmt   *stmt,
                             int             column)
{
  Value value = { .type = sqlite3_column_type (stmt, column) };

  switch (value.type)
    {
    case SQLITE_INTEGER:
      return shoebox_sort_key_add_integer (self, sqlite3_column_int64 (stmt, column));
    case SQLITE_FLOAT:
      value.real = sqlite3_column_double (stmt, column);
      {
        guint64 bits;

        memcpy (&bits, &value.real, sizeof bits);
        value.hash = mix64 (bits) ^ SQLITE_FLOAT;
      }
      return add_value (self, &value);
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      value.bytes = value.type == SQLITE_TEXT ? (const char *) sqlite3_column_text (stmt, column)
                                              : (const char *) sqlite3_column_blob (stmt, column);
      value.length = sqlite3_column_bytes (stmt, column);
      if (value.bytes == NULL)
        value.bytes = "";
      value.hash = hash_bytes (value.bytes, value.length, value.type);
      return add_value (self, &value);
    default:
      return SHOEBOX_SORT_KEY_NULL;
    }
}

/* Each call to sqlite3_column_*() takes the connection's mutex: the two
 * below read a value in one call where shoebox_sort_key_add_column()
 * needs two or three, for columns whose CHECK constraints (or whose
 * expression) leave fewer cases.
 */

/**
 * shoebox_sort_key_add_integer_column:
 * @self: the key
 * @stmt: a statement on a row
 * @column: the key's column in it, which holds only integers, or NULL
 *   where @null_as says
 * @null_as: the integer that stands for NULL: the column never holds it
 *
 * Returns: the slot of the row's value, or %SHOEBOX_SORT_KEY_NULL
 */
guint32
shoebox_sort_key_add_integer_column (ShoeboxSortKey *self,
                                     sqlite3_stmt   *stmt,
                                     int             column,
                                     gint64          null_as)
{
  gint64 integer = sqlite3_column_int64 (stmt, column);

  return integer == null_as ? SHOEBOX_SORT_KEY_NULL : shoebox_sort_key_add_integer (self, integer);
}

/**
 * shoebox_sort_key_add_text_column:
 * @self: the key
 * @stmt: a statement on a row
 * @column: the key's column in it, which holds only NULL or text without
 *   a NUL byte, never a blob
 *
 * Returns: the slot of the row's value, or %SHOEBOX_SORT_KEY_NULL
 */
guint32
shoebox_sort_key_add_text_column (ShoeboxSortKey *self,
                                  sqlite3_stmt   *stmt,
                                  int             column)
{
  Value value = { .type = SQLITE_TEXT, .bytes = (const char *) sqlite3_column_text (stmt, column) };

  if (value.bytes == NULL)
    return SHOEBOX_SORT_KEY_NULL;
  value.length = strlen (value.bytes);
  value.hash = hash_bytes (value.bytes, value.length, value.type);
  return add_value (self, &value);
}

guint32
shoebox_sort_key_add_integer (ShoeboxSortKey *self,
                              gint64          integer)
{
  Value value = { .type = SQLITE_INTEGER, .integer = integer, .hash = mix64 ((guint64) integer) };

  return add_value (self, &value);
}

static int
compare_slots (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  ShoeboxSortKey *self = data;
  const Value *values = (const Value *) (gconstpointer) self->values->data;

  return compare_values (&values[*(const guint32 *) a], &values[*(const guint32 *) b], self->nocase);
}

/**
 * shoebox_sort_key_rank:
 * @self: the key, with every row added
 * @slots: (array length=n_slots) (inout): the rows' slots, replaced by
 *   their places: 0 for the least value, equal values sharing one;
 *   %SHOEBOX_SORT_KEY_NULL stays
 * @n_slots: how many
 *
 * Returns: the number of places
 */
guint32
shoebox_sort_key_rank (ShoeboxSortKey *self,
                       guint32        *slots,
                       gsize           n_slots)
{
  const Value *values = (const Value *) (gconstpointer) self->values->data;
  guint32 n_values = self->values->len;
  g_autoptr(GArray) by_value = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n_values);
  g_autofree guint32 *place_of = g_new (guint32, MAX (n_values, 1));
  const guint32 *sorted;
  guint32 place = 0;

  for (guint32 slot = 0; slot < n_values; slot++)
    g_array_append_val (by_value, slot);
  g_array_sort_with_data (by_value, compare_slots, self);
  sorted = (const guint32 *) (gconstpointer) by_value->data;
  for (guint32 i = 0; i < n_values; i++)
    {
      if (i > 0 && compare_values (&values[sorted[i - 1]], &values[sorted[i]], self->nocase) != 0)
        place++;
      place_of[sorted[i]] = place;
    }

  for (gsize i = 0; i < n_slots; i++)
    if (slots[i] != SHOEBOX_SORT_KEY_NULL)
      slots[i] = place_of[slots[i]];

  return n_values > 0 ? place + 1 : 0;
}

void
shoebox_sort_key_free (ShoeboxSortKey *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->values);
  g_free (self->table);
  g_string_chunk_free (self->bytes);
  g_free (self);
}
