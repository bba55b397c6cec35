"""The map as one standalone SVG document: shapes filled by class, borders, ten-dash line, legend.

Everything is in grid units (pathdata.GRID per pixel of a 1,000-pixel-wide drawing), written in a
fixed order with integer numbers, so the same input always gives the same bytes.
"""
from __future__ import annotations

from collections.abc import Mapping
from html import escape

from ipplans.chinamap import pathdata
from ipplans.chinamap.geometry import Geometry
from ipplans.chinamap.place import Regions

INK = '#212121'
BORDER = '#4d4d4d'      # province borders, coasts, frontiers and the ten-dash line
PX = pathdata.GRID      # one pixel in user units
LEGEND_ROW = 24 * PX


def attribution(source: str) -> str:
    return f'Boundaries: Amap (高德地图), via {source} (MIT licence). Albers equal-area projection.'


def shape_title(code: str, name: str, by_class: Mapping[str, list[str]], classes: Mapping[str, tuple[str, str]],
                regions: Regions) -> str:
    """'340600 淮北市 — Curated plan: 340603 相山区': the shape, then what falls on it, by class."""
    def named(c: str) -> str:
        return f'{c} {regions[c]["name"]}' if c in regions else c
    notes = []
    for key, codes in by_class.items():
        others = [named(c) for c in codes if c != code]
        notes.append(classes[key][1] + (': ' + ', '.join(others) if others else ''))
    return f'{code} {name}' + (' — ' + '; '.join(notes) if notes else '')


def svg(geometry: Geometry, found: dict[str, dict[str, list[str]]], classes: Mapping[str, tuple[str, str]],
        base: tuple[str, str], title: str, description: str, regions: Regions, id_prefix: str, font: str) -> str:
    """The document (see chinamap.draw for what each argument means)."""
    p = escape(id_prefix)
    w, h = geometry.width, geometry.height
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w // PX}" height="{h // PX}" '
             f'role="img" aria-labelledby="{p}-title {p}-desc">',
             f'<title id="{p}-title">{escape(title)}</title>',
             f'<desc id="{p}-desc">{escape(description)}</desc>',
             f'<g id="{p}-shapes" fill="{escape(base[0])}" fill-rule="evenodd" stroke="#fff" stroke-width="{4 * PX // 10}" '
             'stroke-linejoin="round">']
    for shape in geometry.shapes:
        by_class = found.get(shape.code, {})
        name = regions[shape.code]['name'] if shape.code in regions else shape.name
        fill = f' fill="{escape(classes[next(iter(by_class))][0])}"' if by_class else ''
        label = shape_title(shape.code, name, by_class, classes, regions)
        parts.append(f'<path id="{p}-{shape.code}"{fill} d="{shape.d}"><title>{escape(label)}</title></path>')
    parts.append('</g>')
    parts.append(f'<path id="{p}-borders" fill="none" stroke="{BORDER}" stroke-width="{6 * PX // 10}" '
                 f'stroke-linejoin="round" stroke-linecap="round" d="{geometry.borders}"/>')
    parts.append(f'<path id="{p}-ten-dash-line" fill="none" stroke="{BORDER}" stroke-width="{12 * PX // 10}" '
                 f'stroke-linecap="round" d="{geometry.dash_line}"><title>南海断续线 (ten-dash line)</title></path>')
    parts += legend([*classes.values(), base], geometry, font)
    parts.append('</svg>')
    return ''.join(parts) + '\n'


def legend(entries: list[tuple[str, str]], geometry: Geometry, font: str) -> list[str]:
    """Swatches and labels at the bottom left (open sea west of the South China Sea), then the attribution."""
    x, bottom = 20 * PX, geometry.height - 20 * PX
    top = bottom - len(entries) * LEGEND_ROW - 16 * PX
    out = [f'<g font-family="{escape(font)}" font-size="{14 * PX}" fill="{INK}">']
    for i, (colour, label) in enumerate(entries):
        y = top + i * LEGEND_ROW
        out.append(f'<rect x="{x}" y="{y}" width="{20 * PX}" height="{14 * PX}" fill="{escape(colour)}" '
                   f'stroke="{BORDER}" stroke-width="{PX // 2}"/>'
                   f'<text x="{x + 28 * PX}" y="{y + 12 * PX}">{escape(label)}</text>')
    out.append(f'<text x="{x}" y="{bottom}" font-size="{11 * PX}">{escape(attribution(geometry.source))}</text></g>')
    return out
