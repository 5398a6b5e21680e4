/* shoebox-xml-attribute.h
 *
 * Copyright 2026 The Shoebox developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

char *_shoebox_xml_dup_attribute (xmlNode    *node,
                                  const char *name);

G_END_DECLS
