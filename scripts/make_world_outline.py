"""Regenerate ``src/wirewatch/web/static/world.json``: the offline world outline of the map page.

Source: Natural Earth 1:110m Admin 0 countries (public domain, https://www.naturalearthdata.com),
as shipped inside the geopandas 0.14.x wheel on PyPI
(``geopandas/datasets/naturalearth_lowres/naturalearth_lowres.{shp,dbf}``). The shapefile is read
with ``struct`` (no GIS dependency); coordinates are rounded to 0.1 degree and projected
equirectangularly (x = lon + 180, y = 90 - lat, so the world is the box 0 0 360 180).

Usage::

    pip download --no-deps "geopandas==0.14.4" -d /tmp/gp
    python scripts/make_world_outline.py /tmp/gp/geopandas-0.14.4-py3-none-any.whl
"""

from __future__ import annotations

import json
import struct
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "wirewatch" / "web" / "static" / "world.json"
BASE = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"


def read_dbf(data: bytes) -> list[dict[str, str]]:
    n, header_len, rec_len = struct.unpack("<IHH", data[4:12])
    fields = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos : pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    out = []
    for i in range(n):
        rec = data[header_len + i * rec_len : header_len + (i + 1) * rec_len]
        off = 1
        row = {}
        for name, length in fields:
            row[name] = rec[off : off + length].decode("utf-8", "replace").strip()
            off += length
        out.append(row)
    return out


def read_shp(data: bytes) -> list[list[list[tuple[float, float]]]]:
    pos = 100
    shapes = []
    while pos < len(data):
        _, words = struct.unpack(">ii", data[pos : pos + 8])
        content = data[pos + 8 : pos + 8 + 2 * words]
        pos += 8 + 2 * words
        (stype,) = struct.unpack("<i", content[:4])
        if stype != 5:
            shapes.append([])
            continue
        n_parts, n_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44 : 44 + 4 * n_parts]))
        pts_off = 44 + 4 * n_parts
        pts = struct.unpack(f"<{2 * n_points}d", content[pts_off : pts_off + 16 * n_points])
        xy = list(zip(pts[0::2], pts[1::2], strict=True))
        rings = [xy[a:b] for a, b in zip(parts, parts[1:] + [n_points], strict=True)]
        shapes.append(rings)
    return shapes


def path_d(rings: list[list[tuple[float, float]]]) -> str:
    out = []
    for ring in rings:
        pts: list[str] = []
        for lon, lat in ring:
            p = f"{lon + 180:.1f} {90 - lat:.1f}"
            if not pts or pts[-1] != p:
                pts.append(p)
        if len(pts) >= 3:
            out.append("M" + "L".join(pts) + "Z")
    return "".join(out)


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as zf:
        shapes = read_shp(zf.read(BASE + ".shp"))
        rows = read_dbf(zf.read(BASE + ".dbf"))
    countries = [
        {"iso_a3": r.get("iso_a3", ""), "name": r.get("name", ""), "d": path_d(s)}
        for r, s in zip(rows, shapes, strict=True)
        if s
    ]
    doc = {
        "source": "Natural Earth 1:110m Admin 0 countries, via the geopandas 0.14.4 wheel (PyPI)",
        "license": "public domain (Natural Earth terms of use)",
        "projection": "equirectangular: x = lon + 180, y = 90 - lat; viewBox 0 0 360 180",
        "countries": countries,
    }
    OUT.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(countries)} countries)")


if __name__ == "__main__":
    main(sys.argv[1])
