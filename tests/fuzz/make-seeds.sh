#!/bin/bash
# Writes the small seed inputs of the fuzz harnesses, a handful each, into
# tests/fuzz/seeds/<harness>/: a start that already reaches past the first
# checks of each reader, so the fuzzer spends its time deeper. The seeds
# are committed; run this again only to change them:
#   tests/fuzz/make-seeds.sh
#
# The feed harness also reads ../shared/corpus/feeds at run time
# (build-aux/fuzz.sh passes it); those feeds are not copied here.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

seeds="$(cd "$(dirname "$0")" && pwd)/seeds"

# seed HARNESS NAME: the seed's bytes from stdin.
seed() {
    mkdir -p "$seeds/$1"
    cat >"$seeds/$1/$2"
}

rm -rf "$seeds"

# --- feed-parser: one of each format, and the fields with caps.
seed feed-parser rss20.xml <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Kicks &amp; More</title><link>https://kicks.example.com/</link>
<item><title>Air Max 97 <b>returns</b></title><link>/2026/air-max-97</link>
<guid isPermaLink="false">am97</guid><pubDate>Tue, 03 Mar 2026 10:00:00 +0100</pubDate>
<description>&lt;p&gt;Silver &lt;img src="/am97.jpg"&gt; bullet&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>Full <i>story</i></p>]]></content:encoded><dc:creator>Ana</dc:creator>
<enclosure url="https://kicks.example.com/am97.mp3" type="audio/mpeg" length="1234"/>
<media:thumbnail url="https://kicks.example.com/t.jpg"/><media:content url="m.png" type="image/png"/></item>
</channel></rss>
XML
seed feed-parser atom10.xml <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example.com/blog/">
<title type="html">Release &lt;em&gt;calendar&lt;/em&gt;</title><link href="/"/>
<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Dunk <b>Low</b></div></title>
<link rel="alternate" href="dunk-low"/><link rel="enclosure" href="d.jpg" type="image/jpeg" length="99"/>
<id>tag:atom.example.com,2026:1</id><updated>2026-02-30T25:61:00+14:00</updated><published>2026-03-01T08:00:00Z</published>
<summary type="html">&lt;p&gt;Panda&lt;br&gt;again&lt;/p&gt;</summary><content type="text">Plain</content>
<author><name>Bo</name></author></entry></feed>
XML
seed feed-parser rss10.rdf <<'XML'
<?xml version="1.0" encoding="iso-8859-1"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example.com/"><title>Caf&#233; sneakers</title><link>https://rdf.example.com/</link></channel>
<item rdf:about="https://rdf.example.com/1"><title>Gr&#252;n</title><link>https://rdf.example.com/1</link><dc:date>2026-03-01</dc:date></item>
</rdf:RDF>
XML
seed feed-parser jsonfeed11.json <<'JSON'
{"version":"https://jsonfeed.org/version/1.1","title":"JSON kicks","home_page_url":"https://json.example.com/",
 "items":[{"id":1,"url":"/p/1","title":"Samba &amp; co","content_html":"<p>OG <img src=\"x.webp\"></p>",
 "summary":"Short","date_published":"2026-03-01T10:00:00+02:00","image":"https://json.example.com/i.jpg",
 "authors":[{"name":"Cy"}],"attachments":[{"url":"https://json.example.com/a.mp4","mime_type":"video/mp4","size_in_bytes":5}]},
 {"id":"2","content_text":"Text only\nwith a line break"}]}
JSON
printf '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaa">]><rss version="0.91"><channel><title>&a;&a;</title><item><title>Not closed' |
    seed feed-parser broken-rss091.xml

# Reproducers of defects the fuzzers found (see the tests named in the
# fixes): a ';' ending a host, an %-escaped control character in a host.
printf '%s' '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>One</title><link href="//kicks.example;x"/></entry><entry xml:base="https://kicks.example;x"><title>Two</title><link href="?q"/></entry></feed>' |
    seed feed-parser semicolon-in-host.xml

# --- csv-preview and csv-import: a good row, quoting, lists, and bad values.
header="silhouette,brand,colorway,official_colorway,style_code,size,size_system,condition,box,extras,status,price_paid,currency,purchase_date,where_bought,estimated_value,storage_location,tags,notes,wear_dates"
for harness in csv-preview csv-import; do
    seed "$harness" full.csv <<CSV
$header
Air Jordan 1,Nike,Chicago,White/Black-Varsity Red,555088-101,10.5,US M,Deadstock,original,laces;receipt,Owned,1150.00,USD,2025-11-02,StockX,1400.00,Shelf A,grail;red,"Notes, with ""quotes""
and a line break",2026-01-01;2026-02-14
CSV
    seed "$harness" reordered.csv <<'CSV'
notes,silhouette,price_paid,currency,unknown,size
'=1+1,Samba,171000,JPY,x,27.5
,,,,,
CSV
    seed "$harness" bad-values.csv <<'CSV'
silhouette,condition,status,box,purchase_date,price_paid,currency,size_system,wear_dates
Dunk Low,Mint,Stolen,maybe,2026-02-30,12.345,usd,US X,2026-13-01;nope\;x\\
CSV
    printf '\xef\xbb\xbfsilhouette;brand\r\n"Gel-Lyte III";Asics\r\n"unterminated' | seed "$harness" semicolons-bom.csv
done

# --- date-parser: the shapes feeds use, and near misses.
printf '2026-03-01T10:00:00Z' | seed date-parser iso8601
printf '2026-03-01 10:00:00.123456+05:30' | seed date-parser iso8601-space
printf 'Tue, 03 Mar 2026 10:00:00 +0100' | seed date-parser rfc822
printf 'Sun Mar  1 10:00:00 2026' | seed date-parser asctime
printf 'Thu Aug 30 2012 17:26:16 GMT+0200 (CEST)' | seed date-parser javascript
printf '03 Mar 26 10:00 EST' | seed date-parser rfc822-short
printf '2026-W09-7' | seed date-parser iso-week

# --- html-text: two bytes of cap (little-endian), then the HTML.
printf '\x00\x00<p>Hello <b>world</b>&nbsp;&amp; <img src="/a.jpg"> more</p>' | seed html-text paragraph
printf '\x10\x00<div>caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x91\x9f</div><br>tail' | seed html-text cut-multibyte
printf '\x40\x00<script>alert(1)</script><style>p{}</style><!-- c --><![CDATA[x]]>&#x1F45F;&bogus;' | seed html-text dropped
printf '\x03\x00\xff\xfe bad \x01\x7f utf-8 \xc3' | seed html-text invalid-utf8
printf '\x00\x01<html><body><table><tr><td>a</td><td>b</td></tr></table><img src=" x y "></body></html>' | seed html-text document

# --- opml-import: nesting, disabled sources, bad addresses.
seed opml-import folders.opml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Feeds</title></head><body>
<outline text="Sneakers"><outline type="rss" text="Kicks" title="Kicks &amp; co" xmlUrl="https://kicks.example.com/feed"/>
<outline text="Off" xmlUrl="HTTP://Off.Example.com:80/rss?x=1#f" isDisabled="true"/></outline>
<outline text="Bad" xmlUrl="javascript:alert(1)"/><outline xmlurl="ftp://example.com/feed"/>
</body></opml>
XML
printf '<opml><body><outline title="a\tb\nc" xmlUrl=" https://example.com/a "/><outline xmlUrl="https://example.com/a"/></body></opml>' |
    seed opml-import duplicates.opml
printf '<opml version="1.0"><body><outline xmlUrl="//example.com/rel"/><outline xmlUrl="https://[::1]/"/></body></opml>' |
    seed opml-import odd-urls.opml
printf '<opml version="2.0"><body><outline text="Off" xmlUrl="HTTP://kicks%%08.example/rss"/></body></opml>' |
    seed opml-import encoded-control-host.opml
printf '<opml version="2.0"><body><outline text="Off" xmlUrl="HTTP://kicks%%23.example/rss"/></body></opml>' |
    seed opml-import encoded-hash-host.opml

# --- profile-align: width−1, height−1, flags (bit 0 alpha, bits 1–2 row
# padding), then pixels. A dark shoe on white, its toe to the left; the
# same with alpha and padding; a busy scene; a blank one.
python3 - "$seeds/profile-align" <<'PY'
import os, sys
out = sys.argv[1]
os.makedirs(out, exist_ok=True)

def image(name, width, height, flags, pixel):
    channels = 4 if flags & 1 else 3
    padding = (flags >> 1) & 3
    data = bytearray([width - 1, height - 1, flags])
    for y in range(height):
        for x in range(width):
            data += bytes(pixel(x, y)[:channels])
        data += bytes(padding)
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)

def shoe(x, y):
    # A sole along the bottom third and a taller heel on the right.
    inside = 6 <= x < 42 and 20 <= y < 26 or 28 <= x < 42 and 12 <= y < 26
    return (30, 30, 30, 255) if inside else (250, 250, 250, 255)

image("shoe-rgb", 48, 32, 0, shoe)
image("shoe-rgba-padded", 48, 32, 1 | 2 << 1, shoe)
image("busy", 16, 16, 0, lambda x, y: ((x * 37) % 256, (y * 91) % 256, (x * y) % 256, 255))
image("blank", 8, 8, 0, lambda x, y: (255, 255, 255, 255))
PY

echo "Seeds written to $seeds"
