"""Write a blank coding sheet for an independent (blind) pass over the targets.

    ipplans coding-sheet --out DIR [--pass b] [--package DIR]

DIR/target_coding_passes.csv has the table's header and one row per target that the pass has not
coded yet, with only `pass` and `target_id` filled: the coder fills indicator_code, value_kind,
unit_code, binding, baseline_value, baseline_year and note. DIR/context/targets.csv gives what the
coder reads for each target, and nothing another pass decided: its plan, measure, year, archived
source file and verbatim text (not the curators' label, value, unit or qualifier, and none of the
codes). The coder reads the codebook (docs/methodology.md, data/indicators.csv, data/units.csv)
and each plan's source in data/sources/, never data/targets.csv or data/target_coding_passes.csv.
Then `ipplans add DIR` appends the pass's rows and validates, and `ipplans agreement` gives
Cohen's kappa per field.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from ipplans.package import Package, load_for_command
from ipplans.paths import REPO

TABLE = 'target_coding_passes'
CONTEXT = ['target_id', 'plan_id', 'measure_id', 'year', 'source_file', 'text']


def sheet(package: Package, coding_pass: str) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(rows to fill, context rows) for the targets the pass has not coded."""
    done = {row['target_id'] for row in package.rows(TABLE) if row['pass'] == coding_pass}
    sources = {plan['plan_id']: plan['source_file'] for plan in package.rows('plans')}
    header = package.resources[TABLE].field_names
    todo = [t for t in package.rows('targets') if t['target_id'] not in done]
    blank = [{name: {'pass': coding_pass, 'target_id': t['target_id']}.get(name, '') for name in header} for t in todo]
    context = [{**{name: t.get(name, '') for name in CONTEXT}, 'source_file': sources.get(t['plan_id'], '')} for t in todo]
    return blank, context


def write_csv(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='') as handle:
        writer = csv.DictWriter(handle, header, lineterminator='\n')
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog='ipplans coding-sheet', description=__doc__.split('\n\n')[0],
                                     epilog=__doc__.split('\n\n', 2)[2], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--out', type=Path, required=True, metavar='DIR', help='folder to write the sheet into')
    parser.add_argument('--pass', dest='coding_pass', default='b', help='the pass to code (default: b)')
    parser.add_argument('--package', type=Path, default=REPO, metavar='DIR', help='package directory (default: this repository)')
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    package = load_for_command('coding-sheet', args.package)
    if package is None:
        return 2
    allowed = package.resources[TABLE].docs.get('pass', {}).get('constraints', {}).get('enum', [])
    if args.coding_pass not in allowed:
        print(f'coding-sheet: --pass must be one of {", ".join(allowed)}', file=sys.stderr)
        return 2
    blank, context = sheet(package, args.coding_pass)
    write_csv(args.out / f'{TABLE}.csv', package.resources[TABLE].field_names, blank)
    write_csv(args.out / 'context' / 'targets.csv', CONTEXT, context)
    print(f'{len(blank)} targets to code in pass {args.coding_pass}: fill {args.out / (TABLE + ".csv")} from the codebook '
          f'(docs/methodology.md, data/indicators.csv, data/units.csv) and the sources named in {args.out / "context" / "targets.csv"}; '
          f'then run: ipplans add {args.out}')
    return 0
