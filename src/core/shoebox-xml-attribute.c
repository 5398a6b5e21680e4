/* shoebox-xml-attribute.c
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "shoebox-xml-attribute.h"

/* libxml2 hands out its own allocations: callers keep GLib strings, so
 * they free every value the same way (g_free) whatever read it. */
char *
_shoebox_xml_dup_attribute (xmlNode    *node,
                            const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}
