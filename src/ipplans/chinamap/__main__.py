"""Preview: python -m ipplans.chinamap OUT.svg [--tolerance KM] [--cache-dir DIR] [CODE ...]

Writes the map with the given region codes shaded as one class, using data/regions.csv to place them.
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

from ipplans.chinamap import DEFAULT_TOLERANCE_KM, draw
from ipplans.paths import REPO


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[1])
    parser.add_argument('out', type=Path)
    parser.add_argument('codes', nargs='*', help='region codes to shade')
    parser.add_argument('--tolerance', type=float, default=DEFAULT_TOLERANCE_KM, help='simplification tolerance in km')
    parser.add_argument('--cache-dir', type=Path, help='where the simplified geometry is cached (default: .cache/)')
    args = parser.parse_intermixed_args(argv)
    with open(REPO / 'data' / 'regions.csv', encoding='utf-8', newline='') as handle:
        regions = {row['region_code']: row for row in csv.DictReader(handle)}
    svg = draw(dict.fromkeys(args.codes, 'shaded'), {'shaded': ('#08519c', 'Shaded')}, 'Preview of the map of China',
               regions=regions, tolerance_km=args.tolerance, cache_dir=args.cache_dir)
    args.out.write_text(svg, encoding='utf-8')
    print(f'{args.out}: {len(svg.encode()):,} bytes')
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
