"""From the full boundaries to the drawing's path data: one topology, simplified once.

topojson (pinned, with shapely) cuts the polygons that tile the country into shared arcs and
simplifies each arc once (Douglas-Peucker, tolerance in km), so neighbours keep one common
border: no slivers or overlaps where two prefectures meet. The same arcs give the province
borders, each drawn once: an arc between two provinces, or on the coast or the frontier.

At national scale most islands are specks below a pixel. A speck, a ring that touches no other
(an island, or a hole that nothing fills) and is smaller than MIN_AREA_FACTOR tolerances squared,
is left out; an island is kept if it is its unit's largest part, or lies in the South China Sea
or at the Diaoyu Islands, which the official map always shows. Exclaves on land always stay.
This is the slow step (about half a minute); geometry.py caches its result.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
import shapely
import topojson

from ipplans.chinamap import pathdata, source

MIN_AREA_FACTOR = 16
# lon/lat boxes whose islands are always drawn: South China Sea (Xisha, Zhongsha, Nansha,
# Huangyan Dao), Dongsha, and the Diaoyu Islands
ALWAYS_SHOWN = [(109.0, 3.0, 119.0, 17.5), (115.5, 20.3, 117.5, 21.2), (123.3, 25.5, 124.7, 26.1)]

Ring = list[int]            # arc indices; ~i is arc i reversed (the TopoJSON convention)
Polygon = list[list[Ring]]  # parts, each: outer ring, then holes


def build(tolerance_km: float) -> dict:
    """Path data of every prefecture-level shape, of the province borders and of the ten-dash line."""
    names, arcs, polygons = topology(tolerance_km)
    uses = arc_uses(polygons)
    kept = kept_rings(polygons, arcs, uses, MIN_AREA_FACTOR * tolerance_km ** 2, always_shown())
    dashes = [np.asarray(shapely.simplify(shapely.LineString(source.albers(np.asarray(dash, dtype=float))),
                                          tolerance_km).coords) for dash in source.read_dash_line()]
    rings_km = {code: [ring_points(r, arcs) for r in rings] for code, rings in kept.items()}
    frame = pathdata.Frame.around(np.vstack([p for rings in rings_km.values() for p in rings] + dashes))
    borders = shapely.line_merge(shapely.MultiLineString([frame.grid(arcs[i]) for i in border_arcs(polygons, kept, uses)]))
    return {
        'width': frame.width, 'height': frame.height,
        'shapes': [{'code': code, 'name': names[code], 'd': pathdata.rings_data([frame.grid(p) for p in rings_km[code]])}
                   for code in sorted(kept)],
        'borders': pathdata.lines_data([np.asarray(part.coords, dtype=np.int64) for part in shapely.get_parts(borders)]),
        'dash_line': pathdata.lines_data([frame.grid(dash) for dash in dashes]),
    }


def topology(tolerance_km: float) -> tuple[dict[str, str], list[np.ndarray], dict[str, Polygon]]:
    """The shapes' names, the simplified arcs (km) and each shape as arcs."""
    names, features = {}, []
    for shape in source.read_shapes():
        names[shape.code] = shape.name
        features.append({'type': 'Feature', 'id': shape.code, 'properties': {},
                         'geometry': {'type': 'MultiPolygon', 'coordinates': source.project_parts(shape.parts)}})
    # prequantize=False: the source's neighbours share their vertices exactly (a valid coverage)
    result = topojson.Topology({'type': 'FeatureCollection', 'features': features},
                               prequantize=False, toposimplify=tolerance_km).to_dict()
    polygons = {g['id']: g['arcs'] if g['type'] == 'MultiPolygon' else [g['arcs']]
                for g in result['objects']['data']['geometries']}
    return names, [np.asarray(arc, dtype=float) for arc in result['arcs']], polygons


def always_shown():
    """Whether a point (km) lies in one of the ALWAYS_SHOWN boxes (projected with their curved edges)."""
    boxes = [shapely.segmentize(shapely.box(*box), 0.1) for box in ALWAYS_SHOWN]
    regions = shapely.union_all([shapely.Polygon(source.albers(np.asarray(b.exterior.coords))) for b in boxes])
    shapely.prepare(regions)
    return lambda point: bool(shapely.contains_xy(regions, *point))


def arc_ids(ring: Ring) -> list[int]:
    return [i if i >= 0 else ~i for i in ring]


def ring_points(ring: Ring, arcs: list[np.ndarray]) -> np.ndarray:
    """A ring's points: its arcs joined end to start."""
    pieces = [arcs[i] if i >= 0 else arcs[~i][::-1] for i in ring]
    return np.vstack([pieces[0]] + [piece[1:] for piece in pieces[1:]])


def area(points: np.ndarray) -> float:
    x, y = points[:, 0], points[:, 1]
    return 0.5 * abs(float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1])))


def arc_uses(polygons: dict[str, Polygon]) -> Counter[int]:
    """How many rings each arc is part of: 1 on the coast or the frontier, 2 between two shapes."""
    return Counter(i for parts in polygons.values() for part in parts for ring in part for i in arc_ids(ring))


def kept_rings(polygons: dict[str, Polygon], arcs: list[np.ndarray], uses: Counter[int], min_area: float, shown
               ) -> dict[str, list[Ring]]:
    """The rings of each shape left once specks are dropped (see the module's docstring)."""

    def speck(ring: Ring) -> bool:   # touches no other ring (an island, a lake) and is small
        return all(uses[i] == 1 for i in arc_ids(ring)) and area(ring_points(ring, arcs)) < min_area

    kept = {}
    for code, parts in polygons.items():
        largest = int(np.argmax([area(ring_points(part[0], arcs)) for part in parts]))
        kept[code] = [ring for i, part in enumerate(parts)
                      if i == largest or not speck(part[0]) or shown(arcs[arc_ids(part[0])[0]][0])
                      for ring in [part[0], *(hole for hole in part[1:] if not speck(hole))]]
    return kept


def border_arcs(polygons: dict[str, Polygon], kept: dict[str, list[Ring]], uses: Counter[int]) -> list[int]:
    """Arcs of province borders, coasts and frontiers that are drawn: used once, or by two provinces.

    The first two digits of a GB/T 2260 code are its province's.
    """
    provinces: dict[int, set[str]] = defaultdict(set)
    for code, parts in polygons.items():
        for i in (i for part in parts for ring in part for i in arc_ids(ring)):
            provinces[i].add(code[:2])
    drawn = {i for rings in kept.values() for ring in rings for i in arc_ids(ring)}
    return sorted(i for i in drawn if uses[i] == 1 or len(provinces[i]) > 1)
