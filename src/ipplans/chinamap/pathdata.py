"""SVG path data on an integer grid: compact, and the same bytes for the same lines.

The map's user unit is a tenth of a pixel of the 1,000-pixel-wide drawing (GRID), so every
coordinate is an integer: no decimals to format. Paths are relative ("l"), with no separator
before a minus sign. Rings start at their lowest point (x, then y) and lines run from their
lower end, so the output does not depend on where the simplifier happened to start a ring.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

WIDTH_PX = 1000     # the drawing's width in pixels
GRID = 10           # user units per pixel
MARGIN_PX = 10


@dataclass(frozen=True)
class Frame:
    """Kilometres (projected, y up) → grid units (y down), fitted to the drawing's width."""
    x0: float
    y1: float
    scale: float    # grid units per km
    width: int      # grid units
    height: int

    @classmethod
    def around(cls, points_km: np.ndarray) -> Frame:
        x0, y0 = points_km.min(axis=0)
        x1, y1 = points_km.max(axis=0)
        margin = MARGIN_PX * GRID
        scale = (WIDTH_PX * GRID - 2 * margin) / (x1 - x0)
        return cls(float(x0), float(y1), float(scale), WIDTH_PX * GRID, int(np.ceil((y1 - y0) * scale)) + 2 * margin)

    def grid(self, points_km: np.ndarray) -> np.ndarray:
        margin = MARGIN_PX * GRID
        x = (points_km[:, 0] - self.x0) * self.scale + margin
        y = (self.y1 - points_km[:, 1]) * self.scale + margin
        return np.rint(np.column_stack([x, y])).astype(np.int64)


def distinct(points: np.ndarray) -> np.ndarray:
    """Without consecutive repeats (points that fell on the same grid cell)."""
    if len(points) < 2:
        return points
    step = np.any(points[1:] != points[:-1], axis=1)
    return points[np.concatenate([[True], step])]


def ring(points: np.ndarray) -> np.ndarray:
    """A closed ring without its closing point, started at its lowest point."""
    points = distinct(points)
    if len(points) > 1 and (points[0] == points[-1]).all():
        points = points[:-1]
    start = int(np.lexsort((points[:, 1], points[:, 0]))[0])
    return np.roll(points, -start, axis=0)


def line(points: np.ndarray) -> tuple[np.ndarray, bool]:
    """An open line run from its lower end, or a closed one as a ring; and whether it is closed."""
    points = distinct(points)
    if len(points) > 2 and (points[0] == points[-1]).all():
        return ring(points), True
    if tuple(points[-1]) < tuple(points[0]):
        points = points[::-1]
    return points, False


def numbers(values: np.ndarray) -> str:
    """Integers as SVG path numbers: a space before each, except where a minus sign separates."""
    return ''.join(f'{v}' if v < 0 else f' {v}' for v in values.ravel().tolist()).lstrip()


def subpath(points: np.ndarray, closed: bool) -> str:
    """One subpath: M, then relative steps, then z if closed (a lone point stays a dot: l0 0)."""
    head = f'M{numbers(points[0])}'
    steps = np.diff(points, axis=0)
    if not len(steps):
        return head + ('z' if closed else 'l0 0')
    return head + 'l' + numbers(steps) + ('z' if closed else '')


def rings_data(rings: list[np.ndarray]) -> str:
    """Path data of a polygon's rings (grid points), in a fixed order."""
    return ''.join(sorted(subpath(ring(r), True) for r in rings))


def lines_data(lines: list[np.ndarray]) -> str:
    """Path data of lines (grid points), in a fixed order."""
    return ''.join(sorted(subpath(*line(points)) for points in lines))
