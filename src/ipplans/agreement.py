"""How far coders agree: Cohen's kappa per coding scheme, between the two independent passes and
between the rule-based coder and the curated codes; and per coded field of the targets, between
their two passes once the second (blind) pass is in.

    ipplans agreement [--package DIR]

A scheme of one code per measure compares the two labels of each measure. A scheme of one or
more codes compares, for every measure and every code of the scheme, whether each side gave it
(a pooled yes/no kappa), and also counts the measures where both gave exactly the same set.
A target's fields take one value each and are compared as labels; the baseline is one label
(value and year together, empty when none is printed). Kappa is scikit-learn's cohen_kappa_score.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ipplans.coder import propose_measure_codes
from ipplans.package import Package, load_for_command
from ipplans.paths import REPO

Codes = dict[tuple[str, str], set[str]]   # (measure_id, scheme) → codes


@dataclass
class Agreement:
    scheme: str
    values: str          # 'one' or 'one or more'
    measures: int
    same: int            # measures where both sides gave the same code or set
    kappa: float | None  # None when kappa is undefined (one side gave a single label throughout)


def codes_of(rows: list[dict[str, str]]) -> Codes:
    grouped: Codes = defaultdict(set)
    for row in rows:
        grouped[(row['measure_id'], row['scheme'])].add(row['code'])
    return grouped


def compare(first: Codes, second: Codes, measures: list[str], schemes: list[dict], code_lists: list[dict]) -> list[Agreement]:
    from sklearn.metrics import cohen_kappa_score   # imported here: only this report needs it

    out = []
    for scheme in schemes:
        name = scheme['scheme']
        pairs = [(first.get((m, name), set()), second.get((m, name), set())) for m in measures]
        if scheme['values'] == 'one':
            a, b = [min(x, default='') for x, _ in pairs], [min(y, default='') for _, y in pairs]
        else:
            codes = [row['code'] for row in code_lists if row['scheme'] == name]
            a = [code in x for x, _ in pairs for code in codes]
            b = [code in y for _, y in pairs for code in codes]
        kappa = float(cohen_kappa_score(a, b)) if len(set(a) | set(b)) > 1 else None
        out.append(Agreement(name, scheme['values'], len(measures), sum(x == y for x, y in pairs),
                             None if kappa is None or kappa != kappa else kappa))   # rounded once, where shown
    return out


def between_passes(package: Package) -> list[Agreement]:
    passes = package.rows('measure_coding_passes')
    coded = sorted({row['measure_id'] for row in passes})
    return compare(codes_of([r for r in passes if r['pass'] == 'a']), codes_of([r for r in passes if r['pass'] == 'b']),
                   coded, package.rows('coding_schemes'), package.rows('measure_code_lists'))


def rule_based_against_curated(package: Package) -> list[Agreement]:
    """The rule-based coder's proposals against the reviewed codes (agreed or adjudicated)."""
    reviewed = [r for r in package.rows('measure_codes') if r['assigned_by'] in ('agreed', 'adjudicated', 'curator')]
    coded = {row['measure_id'] for row in reviewed}
    schemes, lists = package.rows('coding_schemes'), package.rows('measure_code_lists')
    proposed: Codes = {}
    for measure in package.rows('measures'):
        if measure['measure_id'] in coded:
            for scheme, codes in propose_measure_codes(measure['text'], schemes, lists).items():
                proposed[(measure['measure_id'], scheme)] = set(codes)
    return compare(codes_of(reviewed), proposed, sorted(coded), schemes, lists)


def disagreements(package: Package) -> int:
    """(measure, scheme) pairs the two passes coded differently (adjudicated since)."""
    return len({(r['measure_id'], r['scheme']) for r in package.rows('measure_codes') if r['assigned_by'] == 'adjudicated'})


# The coded fields of a target that a pass gives, compared one by one; 'baseline' is value and year together.
TARGET_FIELDS = ('indicator_code', 'value_kind', 'unit_code', 'binding', 'baseline')


def target_label(row: dict[str, str], field: str) -> str:
    if field == 'baseline':
        return f"{row.get('baseline_value', '')}@{row.get('baseline_year', '')}" if row.get('baseline_year') else ''
    return row.get(field, '')


def target_passes(package: Package) -> tuple[list[Agreement], int]:
    """Per coded field, agreement between passes a and b over the targets both coded (none: an empty
    list); and how many targets pass a has coded."""
    from sklearn.metrics import cohen_kappa_score

    by_pass: dict[str, dict[str, dict[str, str]]] = defaultdict(dict)
    for row in package.rows('target_coding_passes'):
        by_pass[row['pass']][row['target_id']] = row
    both = sorted(set(by_pass['a']) & set(by_pass['b']))
    out = []
    for field in TARGET_FIELDS if both else ():
        a = [target_label(by_pass['a'][t], field) for t in both]
        b = [target_label(by_pass['b'][t], field) for t in both]
        kappa = float(cohen_kappa_score(a, b)) if len(set(a) | set(b)) > 1 else None
        out.append(Agreement(field, 'one', len(both), sum(x == y for x, y in zip(a, b)),
                             None if kappa is None or kappa != kappa else kappa))   # rounded once, where shown
    return out, len(by_pass['a'])


def target_table(rows: list[Agreement]) -> list[str]:
    lines = ['| field | targets | same value | Cohen\'s kappa |', '| --- | ---: | ---: | ---: |']
    for a in rows:
        lines.append(f'| {a.scheme} | {a.measures} | {a.same} | {"n/a" if a.kappa is None else f"{a.kappa:.2f}"} |')
    return lines


def table(rows: list[Agreement]) -> list[str]:
    lines = ['| scheme | codes per measure | measures | same codes | Cohen\'s kappa |', '| --- | --- | ---: | ---: | ---: |']
    for a in rows:
        kappa = 'n/a' if a.kappa is None else f'{a.kappa:.2f}'
        lines.append(f'| {a.scheme} | {a.values} | {a.measures} | {a.same} | {kappa} |')
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog='ipplans agreement', description=__doc__.split('\n\n')[0])
    parser.add_argument('--package', type=Path, default=REPO, metavar='DIR', help='package directory (default: this repository)')
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    package = load_for_command('agreement', args.package)
    if package is None:
        return 2
    print('Between the two independent passes:')
    print('\n'.join(table(between_passes(package))))
    print(f'\n{disagreements(package)} (measure, scheme) pairs differed and were adjudicated.')
    print('\nRule-based coder against the reviewed codes:')
    print('\n'.join(table(rule_based_against_curated(package))))
    targets, coded = target_passes(package)
    if targets:
        print('\nTargets, between the two independent passes:')
        print('\n'.join(target_table(targets)))
    else:
        print(f'\nTargets: {coded} coded in pass a; the second, blind pass (b) is not in yet (see ipplans coding-sheet).')
    return 0
