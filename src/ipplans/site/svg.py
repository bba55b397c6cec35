"""Build-time SVG for the site: bar charts and the diagram of how the tables link.

Everything here returns a complete SVG document as text. Every label is
XML-escaped, coordinates are rounded, and nothing depends on the clock or on
the machine, so the same data always gives the same bytes. The site loads
no charting or diagram library: the pictures are drawn here, once, at build time.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from html import escape

FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', sans-serif"
SERIES_COLOURS = ['#3949ab', '#9fa8da', '#ef6c00', '#ffcc80']
INK = '#212121'
MUTED = '#616161'
GRID = '#e0e0e0'


def text_width(text: str, size: float) -> float:
    """Rough rendered width: wide (CJK) characters take a full em, others about 0.6 em."""
    return sum(size if unicodedata.east_asian_width(c) in 'WF' else size * 0.6 for c in text)


def shorten(text: str, size: float, limit: float) -> str:
    """The text cut with an ellipsis so that it fits `limit` pixels."""
    if text_width(text, size) <= limit:
        return text
    while text and text_width(text + '…', size) > limit:
        text = text[:-1]
    return text + '…'


def _num(value: float) -> str:
    return f'{value:.1f}'.rstrip('0').rstrip('.')


def _document(width: float, height: float, title: str, body: list[str]) -> str:
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{_num(width)}" height="{_num(height)}" '
            f'viewBox="0 0 {_num(width)} {_num(height)}" role="img" font-family="{escape(FONT)}">')
    return '\n'.join([head, f'<title>{escape(title)}</title>',
                      '<rect width="100%" height="100%" fill="#ffffff"/>', *body, '</svg>', ''])


def _text(x: float, y: float, text: str, size: float = 12, anchor: str = 'start',
          fill: str = INK, weight: str = 'normal') -> str:
    return (f'<text x="{_num(x)}" y="{_num(y)}" font-size="{_num(size)}" text-anchor="{anchor}" '
            f'fill="{fill}" font-weight="{weight}">{escape(text)}</text>')


def _legend(x: float, y: float, series: list[str]) -> list[str]:
    parts = []
    for index, name in enumerate(series):
        parts.append(f'<rect x="{_num(x)}" y="{_num(y - 10)}" width="12" height="12" fill="{SERIES_COLOURS[index]}"/>')
        parts.append(_text(x + 17, y, name, 12))
        x += 17 + text_width(name, 12) + 18
    return parts


@dataclass
class Bar:
    label: str
    values: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.values)


def horizontal_bars(title: str, bars: list[Bar], series: list[str], width: int = 760) -> str:
    """Stacked horizontal bars, one per row, labelled on the left with totals on the right."""
    size, row, top = 13, 26, 54 if len(series) > 1 else 36
    label_width = min(max((text_width(b.label, size) for b in bars), default=0) + 12, width * 0.45)
    plot_left, plot_right = label_width + 8, width - 48
    largest = max((b.total for b in bars), default=0) or 1
    scale = (plot_right - plot_left) / largest
    height = top + row * len(bars) + 12
    body = [_text(0, 18, title, 15, weight='bold')]
    if len(series) > 1:
        body += _legend(0, 42, series)
    for index, bar in enumerate(bars):
        y = top + index * row
        body.append(_text(plot_left - 8, y + row / 2 + 4, shorten(bar.label, size, label_width - 4), size, 'end'))
        x = plot_left
        for colour_index, value in enumerate(bar.values):
            if value:
                w = value * scale
                body.append(f'<rect x="{_num(x)}" y="{_num(y + 4)}" width="{_num(w)}" height="{row - 8}" '
                            f'fill="{SERIES_COLOURS[colour_index]}"><title>{escape(bar.label)}: '
                            f'{escape(series[colour_index])} {value}</title></rect>')
                x += w
        body.append(_text(x + 6, y + row / 2 + 4, str(bar.total), size, fill=MUTED))
    return _document(width, height, title, body)


def columns(title: str, labels: list[str], values: list[tuple[int, ...]], series: list[str],
            width: int = 760, height: int = 280) -> str:
    """Stacked vertical columns over an ordered axis (such as years), with a value above each."""
    top, bottom, left = 54 if len(series) > 1 else 36, 28, 36
    plot_height = height - top - bottom - 14  # room for the value above the tallest column
    largest = max((sum(v) for v in values), default=0) or 1
    step = (width - left) / max(len(labels), 1)
    bar_width = min(step * 0.7, 48)
    body = [_text(0, 18, title, 15, weight='bold')]
    if len(series) > 1:
        body += _legend(0, 42, series)
    base = top + 14 + plot_height
    for tick in sorted({0, largest // 2, largest}):
        y = base - tick / largest * plot_height
        body.append(f'<line x1="{left}" y1="{_num(y)}" x2="{width}" y2="{_num(y)}" stroke="{GRID}"/>')
        body.append(_text(left - 6, y + 4, str(tick), 11, 'end', MUTED))
    for index, (label, stack) in enumerate(zip(labels, values)):
        x = left + index * step + (step - bar_width) / 2
        y = base
        for colour_index, value in enumerate(stack):
            if value:
                h = value / largest * plot_height
                y -= h
                body.append(f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(bar_width)}" height="{_num(h)}" '
                            f'fill="{SERIES_COLOURS[colour_index]}"><title>{escape(label)}: '
                            f'{escape(series[colour_index])} {value}</title></rect>')
        if sum(stack):
            body.append(_text(x + bar_width / 2, y - 4, str(sum(stack)), 11, 'middle', MUTED))
        body.append(_text(x + bar_width / 2, base + 18, label, 11, 'middle'))
    return _document(width, height, title, body)


@dataclass
class Box:
    """One table in the diagram: its fields, which of them form the key, which point elsewhere."""
    name: str
    fields: list[str]
    key: set[str]
    links: set[str]


@dataclass
class Layout:
    """Where the diagram puts each table: its column (dependency depth) and top-left corner."""
    depth: dict[str, int]
    place: dict[str, tuple[float, float]]
    column_width: list[float]
    width: float
    height: float


DIAGRAM_FONT, DIAGRAM_ROW, DIAGRAM_HEAD = 12, 18, 24


def _depths(names: list[str], edges: list[tuple[str, str, str, str]]) -> dict[str, int]:
    """A table that refers to nothing has depth 0; every other, one more than the deepest it refers to."""
    refers = {n: {r for t, _, r, _ in edges if t == n and r != n and r in names} for n in names}
    depth: dict[str, int] = {}

    def level(name: str, seen: frozenset = frozenset()) -> int:
        if name not in depth:
            parents = refers[name] - seen - {name}
            depth[name] = 1 + max((level(p, seen | {name}) for p in parents), default=-1)
        return depth[name]

    for name in names:
        level(name)
    return depth


def _layout(boxes: list[Box], edges: list[tuple[str, str, str, str]]) -> Layout:
    names = [b.name for b in boxes]
    depth = _depths(names, edges)
    gap, col_gap = 22, 90
    widths = {b.name: max([text_width(b.name, 13) + 24] + [text_width(f, DIAGRAM_FONT) + 40 for f in b.fields]) for b in boxes}
    column_count = max(depth.values(), default=0) + 1
    column_width = [max([widths[n] for n in names if depth[n] == c] or [0]) for c in range(column_count)]
    place: dict[str, tuple[float, float]] = {}
    x, height = 0.0, 0.0
    for c in range(column_count):
        y = 30.0
        for box in boxes:
            if depth[box.name] == c:
                place[box.name] = (x, y)
                y += DIAGRAM_HEAD + DIAGRAM_ROW * len(box.fields) + gap
        height = max(height, y)
        x += column_width[c] + col_gap
    return Layout(depth, place, column_width, x - col_gap + 2, height)


def _edge(layout: Layout, boxes: dict[str, Box], edge: tuple[str, str, str, str]) -> list[str]:
    """A foreign key as a curve from the referring field to a dot at the referenced field."""
    table, field, ref_table, ref_field = edge
    depth = layout.depth

    def anchor(name: str, field: str, side: str) -> tuple[float, float]:
        bx, by = layout.place[name]
        fields = boxes[name].fields
        offset = DIAGRAM_HEAD + DIAGRAM_ROW * fields.index(field) + DIAGRAM_ROW / 2 if field in fields else DIAGRAM_HEAD / 2
        return (bx + (layout.column_width[depth[name]] if side == 'right' else 0), by + offset)

    x1, y1 = anchor(table, field, 'left')
    x2, y2 = anchor(ref_table, ref_field, 'right')
    if depth[ref_table] >= depth[table]:
        x2, y2 = anchor(ref_table, ref_field, 'left')
        bend = min(x1, x2) - 40
        path = f'M{_num(x1)},{_num(y1)} C{_num(bend)},{_num(y1)} {_num(bend)},{_num(y2)} {_num(x2)},{_num(y2)}'
    else:
        mid = (x1 + x2) / 2
        path = f'M{_num(x1)},{_num(y1)} C{_num(mid)},{_num(y1)} {_num(mid)},{_num(y2)} {_num(x2)},{_num(y2)}'
    return [f'<path d="{path}" fill="none" stroke="#7986cb" stroke-width="1.5">'
            f'<title>{escape(f"{table}.{field} → {ref_table}.{ref_field}")}</title></path>',
            f'<circle cx="{_num(x2)}" cy="{_num(y2)}" r="3" fill="#3949ab"/>']


def _box(layout: Layout, box: Box) -> list[str]:
    """A table as a box: its name in the header, then its fields, key fields in bold, marked PK / FK."""
    bx, by = layout.place[box.name]
    w = layout.column_width[layout.depth[box.name]]
    h = DIAGRAM_HEAD + DIAGRAM_ROW * len(box.fields)
    parts = [f'<rect x="{_num(bx)}" y="{_num(by)}" width="{_num(w)}" height="{_num(h)}" rx="4" '
             f'fill="#ffffff" stroke="#3949ab"/>',
             f'<rect x="{_num(bx)}" y="{_num(by)}" width="{_num(w)}" height="{DIAGRAM_HEAD}" rx="4" fill="#3949ab"/>',
             _text(bx + 8, by + 16, box.name, 13, fill='#ffffff', weight='bold')]
    for index, field in enumerate(box.fields):
        y = by + DIAGRAM_HEAD + DIAGRAM_ROW * index + 13
        mark = ('PK ' if field in box.key else '') + ('FK' if field in box.links else '')
        parts.append(_text(bx + 8, y, field, DIAGRAM_FONT, weight='bold' if field in box.key else 'normal'))
        if mark:
            parts.append(_text(bx + w - 6, y, mark.strip(), 10, 'end', MUTED))
    return parts


def table_diagram(title: str, boxes: list[Box], edges: list[tuple[str, str, str, str]]) -> str:
    """Tables as boxes in columns by dependency depth, foreign keys as curves.

    `edges` holds (table, field, referenced table, referenced field). A table
    that refers to nothing stands in the first column; every other table
    stands one column right of the deepest table it refers to.
    """
    layout = _layout(boxes, edges)
    by_name = {b.name: b for b in boxes}
    body = [_text(0, 18, title, 15, weight='bold')]
    for edge in edges:
        if edge[0] in layout.place and edge[2] in layout.place:
            body += _edge(layout, by_name, edge)
    for box in boxes:
        body += _box(layout, box)
    return _document(layout.width, layout.height, title, body)
