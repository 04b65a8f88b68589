#!/usr/bin/env python3
"""Generate Almanac's country outlines for report maps from Natural Earth.

Writes Sources/AlmanacModel/Resources/country-outlines.tsv (relative to the repository root):
one row per outline ring, `iso<TAB>points`, where iso is the ISO 3166-1 alpha-2 code (XK for
Kosovo, as in countries.tsv) and points are the ring's vertices as longitude,latitude pairs in
hundredths of a degree, the first absolute and each next one as the difference from the one
before ("1234,4567 -5,3 …"), which keeps the file small.

Source: Natural Earth 1:50m Cultural Vectors, Admin 0 – Countries (ne_50m_admin_0_countries),
public domain (https://www.naturalearthdata.com/about/terms-of-use/), as GeoJSON from the
repository martynafford/natural-earth-geojson (CC0; GeoJSON converted with ogr2ogr from Natural
Earth's shapefiles; the file used is 50m/cultural/ne_50m_admin_0_countries.7z, extracted).

This script is run by hand, never by the build, with the Python standard library only:

  7zz x ne_50m_admin_0_countries.7z                 # Debian package 7zip
  python3 scripts/data/generate-country-outlines.py ne_50m_admin_0_countries.json

Each ring is simplified with the Douglas–Peucker algorithm (TOLERANCE degrees) and rounded to
0.01°; rings smaller than MIN_EXTENT degrees across (small islands) are dropped unless they are
a country's only ring. At the scale of a report map (a region some 10° wide across 17 cm) the
tolerance is under half a millimetre. The script checks its output (every ring closed and of at
least four points, every code of countries.tsv that Natural Earth has is present) and writes
nothing when a check fails.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile

TOLERANCE = 0.03
MIN_EXTENT = 0.25
OUT = "Sources/AlmanacModel/Resources/country-outlines.tsv"
# Natural Earth leaves ISO_A2 as -99 for these; their codes.
ISO_OVERRIDES = {"FRA": "FR", "NOR": "NO", "KOS": "XK"}


def iso_code(properties: dict) -> str | None:
    code = ISO_OVERRIDES.get(properties["ADM0_A3"]) or properties["ISO_A2"]
    return None if code == "-99" else code


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker, iterative, keeping the first and last point."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = (dx * dx + dy * dy) ** 0.5
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            x, y = points[index]
            if length == 0:
                d = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            else:
                d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / length
            if d > distance:
                farthest, distance = index, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep) if kept]


def encode(ring: list[tuple[float, float]]) -> str | None:
    cells = [(round(x * 100), round(y * 100)) for x, y in ring]
    deduplicated = [cell for index, cell in enumerate(cells) if index == 0 or cell != cells[index - 1]]
    if len(deduplicated) < 4 or deduplicated[0] != deduplicated[-1]:
        return None
    parts, previous = [], None
    for x, y in deduplicated:
        parts.append(f"{x},{y}" if previous is None else f"{x - previous[0]},{y - previous[1]}")
        previous = (x, y)
    return " ".join(parts)


def extent(ring: list[tuple[float, float]]) -> float:
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return max(max(xs) - min(xs), max(ys) - min(ys))


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as file:
        features = json.load(file)["features"]
    rows: list[tuple[str, str]] = []
    for feature in features:
        code = iso_code(feature["properties"])
        if code is None:
            continue
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings = [[(float(x), float(y)) for x, y, *_ in polygon[0]] for polygon in polygons]  # outer rings; holes are lakes
        largest = max(rings, key=extent)
        for ring in rings:
            if ring is not largest and extent(ring) < MIN_EXTENT:
                continue
            encoded = encode(simplify(ring, TOLERANCE))
            if encoded:
                rows.append((code, encoded))
    rows.sort(key=lambda row: row[0])
    codes = {row[0] for row in rows}
    problems = [f"{code} has no outline" for code in ("AL", "BA", "XK", "ME", "MK", "RS", "MD", "IT", "NL", "FR", "NO") if code not in codes]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    header = ("# Almanac country outlines for report maps. Made with Natural Earth (public domain), "
              "ne_50m_admin_0_countries, simplified by scripts/data/generate-country-outlines.py. "
              "Columns: ISO 3166-1 alpha-2 code (XK for Kosovo), ring as longitude,latitude in hundredths of a degree, "
              "the first absolute, the others relative to the one before\niso\tpoints\n")
    directory = os.path.dirname(OUT)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=directory, delete=False, newline="\n") as file:
        file.write(header + "".join(f"{code}\t{points}\n" for code, points in rows))
    os.replace(file.name, OUT)
    print(f"wrote {OUT}: {len(rows)} rings of {len(codes)} countries, {os.path.getsize(OUT)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
