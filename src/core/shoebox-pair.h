/* shoebox-pair.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The longest a one-line text field may be, in characters, and the
 * longest notes, in bytes: the CSV contract and the editor share them.
 */
#define SHOEBOX_PAIR_MAX_SHORT_TEXT 256
#define SHOEBOX_PAIR_MAX_NOTES      (64 * 1024)

#define SHOEBOX_PAIR_ERROR (shoebox_pair_error_quark ())

/**
 * ShoeboxPairError:
 * @SHOEBOX_PAIR_ERROR_MISSING_SILHOUETTE: the pair has no silhouette
 * @SHOEBOX_PAIR_ERROR_INVALID_SIZE: the size is not a size of its system
 * @SHOEBOX_PAIR_ERROR_INVALID_DATE: a date is not a real `YYYY-MM-DD` date
 * @SHOEBOX_PAIR_ERROR_FUTURE_DATE: a date is after today
 * @SHOEBOX_PAIR_ERROR_INVALID_MONEY: an amount without a currency, or a
 *   currency Shoebox does not know
 * @SHOEBOX_PAIR_ERROR_TOO_LONG: a text is over its length limit
 * @SHOEBOX_PAIR_ERROR_INVALID_VALUE: a value outside its list of choices
 */
typedef enum
{
  SHOEBOX_PAIR_ERROR_MISSING_SILHOUETTE,
  SHOEBOX_PAIR_ERROR_INVALID_SIZE,
  SHOEBOX_PAIR_ERROR_INVALID_DATE,
  SHOEBOX_PAIR_ERROR_FUTURE_DATE,
  SHOEBOX_PAIR_ERROR_INVALID_MONEY,
  SHOEBOX_PAIR_ERROR_TOO_LONG,
  SHOEBOX_PAIR_ERROR_INVALID_VALUE,
} ShoeboxPairError;

typedef enum
{
  SHOEBOX_SIZE_SYSTEM_NONE,
  SHOEBOX_SIZE_SYSTEM_US_M,
  SHOEBOX_SIZE_SYSTEM_US_W,
  SHOEBOX_SIZE_SYSTEM_UK,
  SHOEBOX_SIZE_SYSTEM_EU,
  SHOEBOX_SIZE_SYSTEM_JP_CM,
} ShoeboxSizeSystem;

typedef enum
{
  SHOEBOX_CONDITION_NONE,
  SHOEBOX_CONDITION_DEADSTOCK,
  SHOEBOX_CONDITION_VNDS,
  SHOEBOX_CONDITION_WORN,
  SHOEBOX_CONDITION_BEATER,
} ShoeboxCondition;

/* UNKNOWN: not recorded; NONE: the pair came without a box. */
typedef enum
{
  SHOEBOX_BOX_UNKNOWN,
  SHOEBOX_BOX_ORIGINAL,
  SHOEBOX_BOX_NONE,
  SHOEBOX_BOX_DAMAGED,
} ShoeboxBox;

typedef enum
{
  SHOEBOX_STATUS_OWNED,
  SHOEBOX_STATUS_WISHLIST,
  SHOEBOX_STATUS_SOLD,
} ShoeboxStatus;

#define SHOEBOX_TYPE_SIZE_SYSTEM (shoebox_size_system_get_type ())
#define SHOEBOX_TYPE_CONDITION   (shoebox_condition_get_type ())
#define SHOEBOX_TYPE_BOX         (shoebox_box_get_type ())
#define SHOEBOX_TYPE_STATUS      (shoebox_status_get_type ())

GType        shoebox_size_system_get_type    (void) G_GNUC_CONST;
GType        shoebox_condition_get_type      (void) G_GNUC_CONST;
GType        shoebox_box_get_type            (void) G_GNUC_CONST;
GType        shoebox_status_get_type         (void) G_GNUC_CONST;

const char  *shoebox_size_system_to_string   (ShoeboxSizeSystem  system);
gboolean     shoebox_size_system_from_string (const char        *text,
                                              ShoeboxSizeSystem *system);
const char  *shoebox_condition_to_string     (ShoeboxCondition   condition);
gboolean     shoebox_condition_from_string   (const char        *text,
                                              ShoeboxCondition  *condition);
const char  *shoebox_box_to_string           (ShoeboxBox         box);
gboolean     shoebox_box_from_string         (const char        *text,
                                              ShoeboxBox        *box);
const char  *shoebox_status_to_string        (ShoeboxStatus      status);
gboolean     shoebox_status_from_string      (const char        *text,
                                              ShoeboxStatus     *status);

GQuark       shoebox_pair_error_quark        (void);
gboolean     shoebox_size_validate           (ShoeboxSizeSystem  system,
                                              const char        *size,
                                              GError           **error);
gboolean     shoebox_date_validate           (const char        *date,
                                              const GDate       *today,
                                              GError           **error);
char        *shoebox_date_dup_today          (void);
GDate       *shoebox_date_new_today          (void);

char        *shoebox_list_join               (const char * const *items);
char       **shoebox_list_split              (const char        *text);

#define SHOEBOX_TYPE_PAIR (shoebox_pair_get_type ())

G_DECLARE_FINAL_TYPE (ShoeboxPair, shoebox_pair, SHOEBOX, PAIR, GObject)

ShoeboxPair         *shoebox_pair_new                  (void);
ShoeboxPair         *shoebox_pair_copy                 (ShoeboxPair        *self);
void                 shoebox_pair_assign               (ShoeboxPair        *self,
                                                        ShoeboxPair        *other);
gboolean             shoebox_pair_validate             (ShoeboxPair        *self,
                                                        GError            **error);
char                *shoebox_pair_dup_display_name     (ShoeboxPair        *self);
gint64               shoebox_pair_get_cost_per_wear    (ShoeboxPair        *self);

gint64               shoebox_pair_get_id               (ShoeboxPair        *self);
void                 shoebox_pair_set_id               (ShoeboxPair        *self,
                                                        gint64              id);
gint64               shoebox_pair_get_silhouette_id    (ShoeboxPair        *self);
void                 shoebox_pair_set_silhouette_id    (ShoeboxPair        *self,
                                                        gint64              silhouette_id);
const char          *shoebox_pair_get_silhouette_name  (ShoeboxPair        *self);
void                 shoebox_pair_set_silhouette_name  (ShoeboxPair        *self,
                                                        const char         *silhouette_name);
const char          *shoebox_pair_get_brand_name       (ShoeboxPair        *self);
void                 shoebox_pair_set_brand_name       (ShoeboxPair        *self,
                                                        const char         *brand_name);
const char          *shoebox_pair_get_colorway         (ShoeboxPair        *self);
void                 shoebox_pair_set_colorway         (ShoeboxPair        *self,
                                                        const char         *colorway);
const char          *shoebox_pair_get_official_colorway (ShoeboxPair       *self);
void                 shoebox_pair_set_official_colorway (ShoeboxPair       *self,
                                                         const char        *official_colorway);
const char          *shoebox_pair_get_style_code       (ShoeboxPair        *self);
void                 shoebox_pair_set_style_code       (ShoeboxPair        *self,
                                                        const char         *style_code);
const char          *shoebox_pair_get_size             (ShoeboxPair        *self);
void                 shoebox_pair_set_size             (ShoeboxPair        *self,
                                                        const char         *size);
ShoeboxSizeSystem    shoebox_pair_get_size_system      (ShoeboxPair        *self);
void                 shoebox_pair_set_size_system      (ShoeboxPair        *self,
                                                        ShoeboxSizeSystem   size_system);
ShoeboxCondition     shoebox_pair_get_condition        (ShoeboxPair        *self);
void                 shoebox_pair_set_condition        (ShoeboxPair        *self,
                                                        ShoeboxCondition    condition);
ShoeboxBox           shoebox_pair_get_box              (ShoeboxPair        *self);
void                 shoebox_pair_set_box              (ShoeboxPair        *self,
                                                        ShoeboxBox          box);
const char * const  *shoebox_pair_get_extras           (ShoeboxPair        *self);
void                 shoebox_pair_set_extras           (ShoeboxPair        *self,
                                                        const char * const *extras);
ShoeboxStatus        shoebox_pair_get_status           (ShoeboxPair        *self);
void                 shoebox_pair_set_status           (ShoeboxPair        *self,
                                                        ShoeboxStatus       status);
gint64               shoebox_pair_get_price_paid       (ShoeboxPair        *self);
void                 shoebox_pair_set_price_paid       (ShoeboxPair        *self,
                                                        gint64              price_paid);
const char          *shoebox_pair_get_currency         (ShoeboxPair        *self);
void                 shoebox_pair_set_currency         (ShoeboxPair        *self,
                                                        const char         *currency);
const char          *shoebox_pair_get_purchase_date    (ShoeboxPair        *self);
void                 shoebox_pair_set_purchase_date    (ShoeboxPair        *self,
                                                        const char         *purchase_date);
const char          *shoebox_pair_get_where_bought     (ShoeboxPair        *self);
void                 shoebox_pair_set_where_bought     (ShoeboxPair        *self,
                                                        const char         *where_bought);
gint64               shoebox_pair_get_estimated_value  (ShoeboxPair        *self);
void                 shoebox_pair_set_estimated_value  (ShoeboxPair        *self,
                                                        gint64              estimated_value);
const char          *shoebox_pair_get_storage_location (ShoeboxPair        *self);
void                 shoebox_pair_set_storage_location (ShoeboxPair        *self,
                                                        const char         *storage_location);
const char          *shoebox_pair_get_notes            (ShoeboxPair        *self);
void                 shoebox_pair_set_notes            (ShoeboxPair        *self,
                                                        const char         *notes);
const char * const  *shoebox_pair_get_tags             (ShoeboxPair        *self);
void                 shoebox_pair_set_tags             (ShoeboxPair        *self,
                                                        const char * const *tags);
gboolean             shoebox_pair_has_tag              (ShoeboxPair        *self,
                                                        const char         *tag);
const char * const  *shoebox_pair_get_wear_dates       (ShoeboxPair        *self);
void                 shoebox_pair_set_wear_dates       (ShoeboxPair        *self,
                                                        const char * const *wear_dates);
guint                shoebox_pair_get_wear_count       (ShoeboxPair        *self);
const char          *shoebox_pair_get_last_worn        (ShoeboxPair        *self);
const char          *shoebox_pair_get_created_at       (ShoeboxPair        *self);
void                 shoebox_pair_set_created_at       (ShoeboxPair        *self,
                                                        const char         *created_at);
const char          *shoebox_pair_get_updated_at       (ShoeboxPair        *self);
void                 shoebox_pair_set_updated_at       (ShoeboxPair        *self,
                                                        const char         *updated_at);

G_END_DECLS
