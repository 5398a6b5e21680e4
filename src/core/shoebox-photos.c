/* shoebox-photos.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "shoebox-photos"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "shoebox-photos-private.h"

/* How photos are kept:
 *
 * - A photo is a file in the photos folder named after the SHA-256 of its
 *   bytes, "<64 hex digits>.<extension>", so the same image added twice is
 *   stored once, and a name from the database can always be checked
 *   against one strict pattern before it becomes a path.
 * - The stored file is the original, byte for byte; the EXIF orientation
 *   is applied to what is decoded from it, never written back.
 * - An import copies into a temporary file in the photos folder, hashing
 *   and decoding while it copies, and renames the copy into place only
 *   once it is known to be an image: a photo file is whole or absent.
 * - Thumbnails are PNGs in the cache folder, one subfolder per size,
 *   named after the photo's hash (the hash is the whole identity of the
 *   image, so a thumbnail is never stale).
 * - Imports and decodes run on one small pool of threads shared by the
 *   whole process, so a grid scrolling over 100,000 pairs queues requests
 *   instead of starting a thread each. Decodes are taken newest first (the
 *   cells the user looks at now), imports oldest first (the order the
 *   user picked the files in), and a request cancelled while it waits
 *   returns at once and is never decoded.
 */

G_DEFINE_FINAL_TYPE (ShoeboxPhotos, shoebox_photos, G_TYPE_OBJECT)

G_DEFINE_QUARK (shoebox-photos-error-quark, shoebox_photos_error)

enum
{
  PROP_0,
  PROP_PHOTOS_DIRECTORY,
  PROP_CACHE_DIRECTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_hex_digit (char c)
{
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

gboolean
_shoebox_photos_is_valid_file_name (const char *file_name)
{
  gsize length = strlen (file_name);

  if (length < HASH_LENGTH + 2 || length > HASH_LENGTH + 1 + MAX_EXTENSION_LENGTH)
    return FALSE;

  for (gsize i = 0; i < HASH_LENGTH; i++)
    if (!is_hex_digit (file_name[i]))
      return FALSE;

  if (file_name[HASH_LENGTH] != '.')
    return FALSE;

  for (gsize i = HASH_LENGTH + 1; i < length; i++)
    if (!g_ascii_islower (file_name[i]) && !g_ascii_isdigit (file_name[i]))
      return FALSE;

  return TRUE;
}

gboolean
_shoebox_photos_ensure_directory (const char  *path,
                                  GError     **error)
{
  int saved_errno;

  if (g_mkdir_with_parents (path, 0700) == 0)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s", g_strerror (saved_errno));
  return FALSE;
}

/* The error for a file that cannot be opened or read, in the user's words. */
void
_shoebox_photos_set_unreadable_error (GError    **error,
                                      const char *display_name,
                                      GError     *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_UNREADABLE,
                 _("“%s” could not be found"), display_name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_UNREADABLE,
                 _("Shoebox is not allowed to read “%s”"), display_name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_UNREADABLE,
                 _("“%s” is a folder, not an image"), display_name);
  else
    g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_UNREADABLE,
                 _("“%s” could not be read: %s"), display_name, cause->message);
}

void
_shoebox_photos_set_not_an_image_error (GError    **error,
                                        const char *display_name,
                                        GError     *cause)
{
  /* An image, in a format whose loader is missing. */
  if (g_error_matches (cause, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_NO_LOADER))
    {
      g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_NO_LOADER,
                   _("“%s” cannot be opened: %s"), display_name, cause->message);
      return;
    }

  g_debug ("“%s” does not decode: %s", display_name, cause != NULL ? cause->message : "no image");
  g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_NOT_AN_IMAGE,
               _("“%s” is not an image Shoebox can read"), display_name);
}

void
_shoebox_photos_set_file_too_large_error (GError    **error,
                                          const char *display_name)
{
  g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_TOO_LARGE,
               _("“%s” is too large: Shoebox takes photos of up to %d MiB"),
               display_name, (int) (SHOEBOX_PHOTOS_MAX_FILE_SIZE / (1024 * 1024)));
}

static void
shoebox_photos_finalize (GObject *object)
{
  ShoeboxPhotos *self = SHOEBOX_PHOTOS (object);

  g_clear_pointer (&self->photos_directory, g_free);
  g_clear_pointer (&self->cache_directory, g_free);

  G_OBJECT_CLASS (shoebox_photos_parent_class)->finalize (object);
}

static void
shoebox_photos_constructed (GObject *object)
{
  ShoeboxPhotos *self = SHOEBOX_PHOTOS (object);

  G_OBJECT_CLASS (shoebox_photos_parent_class)->constructed (object);

  if (self->photos_directory == NULL)
    self->photos_directory = g_build_filename (g_get_user_data_dir (), "shoebox", "photos", NULL);
  if (self->cache_directory == NULL)
    self->cache_directory = g_build_filename (g_get_user_cache_dir (), "shoebox", "thumbnails", NULL);
}

static void
shoebox_photos_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ShoeboxPhotos *self = SHOEBOX_PHOTOS (object);

  switch (prop_id)
    {
    case PROP_PHOTOS_DIRECTORY:
      g_value_set_string (value, self->photos_directory);
      break;

    case PROP_CACHE_DIRECTORY:
      g_value_set_string (value, self->cache_directory);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_photos_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ShoeboxPhotos *self = SHOEBOX_PHOTOS (object);

  switch (prop_id)
    {
    case PROP_PHOTOS_DIRECTORY:
      g_free (self->photos_directory);
      self->photos_directory = g_value_dup_string (value);
      break;

    case PROP_CACHE_DIRECTORY:
      g_free (self->cache_directory);
      self->cache_directory = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shoebox_photos_class_init (ShoeboxPhotosClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shoebox_photos_finalize;
  object_class->constructed = shoebox_photos_constructed;
  object_class->get_property = shoebox_photos_get_property;
  object_class->set_property = shoebox_photos_set_property;

  /**
   * ShoeboxPhotos:photos-directory:
   *
   * The folder of the photo files; by default
   * `$XDG_DATA_HOME/shoebox/photos`.
   */
  properties[PROP_PHOTOS_DIRECTORY] =
    g_param_spec_string ("photos-directory", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * ShoeboxPhotos:cache-directory:
   *
   * The folder of the thumbnails, one subfolder per size; by default
   * `$XDG_CACHE_HOME/shoebox/thumbnails`.
   */
  properties[PROP_CACHE_DIRECTORY] =
    g_param_spec_string ("cache-directory", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shoebox_photos_init (ShoeboxPhotos *self)
{
}

/**
 * shoebox_photos_check_file_name:
 * @file_name: a photo's name, as the database keeps it
 * @error: where to put the reason it is refused
 *
 * Checks that @file_name is a name Shoebox gives photos: 64 lowercase hex
 * digits, a dot and a short lowercase extension. Nothing else (no "/",
 * no "..") ever reaches a path.
 *
 * Returns: %TRUE when the name is valid
 */
gboolean
shoebox_photos_check_file_name (const char  *file_name,
                                GError     **error)
{
  g_autofree char *shown = NULL;

  g_return_val_if_fail (file_name != NULL, FALSE);

  if (_shoebox_photos_is_valid_file_name (file_name))
    return TRUE;

  shown = g_utf8_make_valid (file_name, -1);
  g_set_error (error, SHOEBOX_PHOTOS_ERROR, SHOEBOX_PHOTOS_ERROR_INVALID_NAME,
               _("“%s” is not the name of a Shoebox photo"), shown);
  return FALSE;
}

/**
 * shoebox_photos_new:
 *
 * Creates the photo store of the user's data and cache folders.
 *
 * Returns: (transfer full): a new #ShoeboxPhotos
 */
ShoeboxPhotos *
shoebox_photos_new (void)
{
  return g_object_new (SHOEBOX_TYPE_PHOTOS, NULL);
}

/**
 * shoebox_photos_new_for_directories:
 * @photos_directory: (nullable): the photos folder, %NULL for the default
 * @cache_directory: (nullable): the thumbnails folder, %NULL for the default
 *
 * Returns: (transfer full): a new #ShoeboxPhotos
 */
ShoeboxPhotos *
shoebox_photos_new_for_directories (const char *photos_directory,
                                    const char *cache_directory)
{
  return g_object_new (SHOEBOX_TYPE_PHOTOS,
                       "photos-directory", photos_directory,
                       "cache-directory", cache_directory,
                       NULL);
}

const char *
shoebox_photos_get_photos_directory (ShoeboxPhotos *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PHOTOS (self), NULL);

  return self->photos_directory;
}

const char *
shoebox_photos_get_cache_directory (ShoeboxPhotos *self)
{
  g_return_val_if_fail (SHOEBOX_IS_PHOTOS (self), NULL);

  return self->cache_directory;
}

/**
 * shoebox_photos_dup_path:
 * @self: a #ShoeboxPhotos
 * @file_name: a photo's name, as shoebox_photos_import() gave it
 * @error: where to put the reason the name is refused
 *
 * Returns: (transfer full) (nullable): the stored photo file, or %NULL
 *   when @file_name is not a valid photo name. The file may be missing.
 */
GFile *
shoebox_photos_dup_path (ShoeboxPhotos  *self,
                         const char     *file_name,
                         GError        **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (SHOEBOX_IS_PHOTOS (self), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  if (!shoebox_photos_check_file_name (file_name, error))
    return NULL;

  path = g_build_filename (self->photos_directory, file_name, NULL);
  return g_file_new_for_path (path);
}
