"""Where a jurisdiction is on the map: the prefecture-level shapes a region code stands for.

The map draws one shape per prefecture-level unit, so a county-level unit is shown by its
prefecture's shape, a district of a municipality by the municipality's, and a province by all of
its shapes. The way up is the register's (data/regions.csv: prefecture_code, province_code).
"""
from __future__ import annotations

from collections.abc import Mapping, Set

Regions = Mapping[str, Mapping[str, str]]   # region_code → its row of data/regions.csv


def shapes_of(code: str, regions: Regions, shapes: Set[str]) -> tuple[str, ...]:
    """The shapes that show this code, ordered; none if the map cannot place it.

    A code that has a shape of its own (a prefecture, a municipality, a county-level unit that its
    province administers directly, Taiwan, Hong Kong, Macau) is that shape. A province is every
    shape whose code starts with its two digits (the GB/T 2260 rule). Any other unit is shown by
    its prefecture, or failing that its province, if that has a shape (a municipality's district).
    Unplaced: codes the register does not know, and new units the boundaries do not have yet
    (659011 新星市); a retired code is placed where its row says it was.
    """
    if code in shapes:
        return (code,)
    row = regions.get(code)
    if row is None:
        return ()
    if row.get('level') == 'province':
        return tuple(sorted(shape for shape in shapes if shape[:2] == code[:2]))
    for parent in (row.get('prefecture_code'), row.get('province_code')):
        if parent in shapes:
            return (parent,)
    return ()


def assign(shading: Mapping[str, str], order: list[str], regions: Regions, shapes: Set[str]
           ) -> tuple[dict[str, dict[str, list[str]]], list[str]]:
    """Which codes of each class fall on each shape, and the codes that cannot be placed.

    Returns shape → {class: codes} with the classes in `order` (the first one is the shape's fill)
    and the codes sorted; and the unplaced codes, sorted.
    """
    found: dict[str, dict[str, list[str]]] = {}
    unplaced = []
    rank = {key: i for i, key in enumerate(order)}
    for code in sorted(shading):
        places = shapes_of(code, regions, shapes)
        if not places:
            unplaced.append(code)
        for shape in places:
            found.setdefault(shape, {}).setdefault(shading[code], []).append(code)
    return {shape: dict(sorted(by_class.items(), key=lambda item: rank[item[0]])) for shape, by_class in found.items()}, unplaced
