"""Precision and recall of scripts/ingest.py against hand-made rows.

Two sets of truth: the package's own five plans (data/*.csv, each linked to its source by
plans.source_file) and the test documents under tests/ingest_cases/<case>/ (source.txt with
expected_measures.csv: number,text and expected_responsibilities.csv: number,as_printed,role,
written by hand from reading the document).

A measure counts as found when its printed number and its text (compared after NFKC with every
space removed, the validator's notion of verbatim) equal an expected one; a responsibility when
its measure number, agency string (same comparison) and role do; a member (expected_members.csv of
a case, also in tests/real_corpus/) when its role, name, post and the agency part of its post do.
"""
from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ipplans.ingest.draft import draft
from ipplans.package import Package
from ipplans.paths import REPO as ROOT
from ipplans.text import compact

CASES = ROOT / 'tests' / 'ingest_cases'
REAL = ROOT / 'tests' / 'real_corpus'


@dataclass
class Score:
    name: str
    found: int
    drafted: int
    expected: int

    @property
    def precision(self) -> float:
        return self.found / self.drafted if self.drafted else (1.0 if not self.expected else 0.0)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else (1.0 if not self.drafted else 0.0)


def score(name: str, drafted: list[tuple], expected: list[tuple]) -> Score:
    found = sum((Counter(drafted) & Counter(expected)).values())
    return Score(name, found, len(drafted), len(expected))


def measure_keys(rows: list[dict[str, str]]) -> list[tuple[str, str]]:
    return [(compact(r['number']), compact(r['text'])) for r in rows]


def duty_keys(rows: list[dict[str, str]], number_of: dict[str, str] | None = None) -> list[tuple[str, str, str]]:
    return [(compact(number_of[r['measure_id']] if number_of else r['number']), compact(r['as_printed']), r['role']) for r in rows]


def drafted_keys(result) -> tuple[list, list]:
    number_of = {m['measure_id']: m['number'] for m in result.tables['measures']}
    return measure_keys(result.tables['measures']), duty_keys(result.tables['responsibilities'], number_of)


def target_keys(rows: list[dict[str, str]]) -> list[tuple[str, str, str]]:
    return [(r['year'], compact(r['text']), r['value']) for r in rows]


def evaluate_targets(package: Path = ROOT) -> list[Score]:
    """Targets of the five sources: year, text and value as the curated rows have them."""
    tables = Package.load(package).tables()
    scores = []
    for plan in tables['plans']:
        expected = [t for t in tables['targets'] if t['plan_id'] == plan['plan_id']]
        result = draft(package / plan['source_file'], package, plan_id=plan['plan_id'])
        scores.append(score(plan['plan_id'], target_keys(result.tables['targets']), target_keys(expected)))
    return scores


def evaluate_sources(package: Path = ROOT) -> list[tuple[Score, Score]]:
    tables = Package.load(package).tables()
    scores = []
    for plan in tables['plans']:
        measures = [m for m in tables['measures'] if m['plan_id'] == plan['plan_id']]
        number_of = {m['measure_id']: m['number'] for m in measures}
        duties = [r for r in tables['responsibilities'] if r['measure_id'] in number_of]
        result = draft(package / plan['source_file'], package, plan_id=plan['plan_id'])
        got_measures, got_duties = drafted_keys(result)
        scores.append((score(plan['plan_id'], got_measures, measure_keys(measures)),
                       score(plan['plan_id'], got_duties, duty_keys(duties, number_of))))
    return scores


def read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with open(path, encoding='utf-8', newline='') as handle:
        return list(csv.DictReader(handle))


def evaluate_cases(cases: Path = CASES, package: Path = ROOT) -> list[tuple[Score, Score]]:
    scores = []
    for case in sorted(p for p in cases.iterdir() if p.is_dir()):
        source = next(case.glob('source*.txt'))
        result = draft(source, package)
        got_measures, got_duties = drafted_keys(result)
        scores.append((score(case.name, got_measures, measure_keys(read_csv(case / 'expected_measures.csv'))),
                       score(case.name, got_duties, duty_keys(read_csv(case / 'expected_responsibilities.csv')))))
    return scores


def member_keys(rows: list[dict[str, str]]) -> list[tuple[str, str, str, str]]:
    return [(r['role'], compact(r['name']), compact(r.get('post', '')), compact(r.get('agency_as_printed', ''))) for r in rows]


def evaluate_members(cases: Path = CASES, package: Path = ROOT) -> list[Score]:
    """Member rows of each case against its expected_members.csv (none expected where the file is missing),
    so a list read where there is none counts against precision."""
    scores = []
    for case in sorted(p for p in cases.iterdir() if p.is_dir()):
        result = draft(next(case.glob('source*.txt')), package)
        scores.append(score(case.name, member_keys(result.tables['members']),
                            member_keys(read_csv(case / 'expected_members.csv'))))
    return scores


def total(name: str, scores: list[Score]) -> Score:
    return Score(name, sum(s.found for s in scores), sum(s.drafted for s in scores), sum(s.expected for s in scores))


def table(scores: list[tuple[Score, Score]]) -> list[str]:
    lines = ['| document | measures P | measures R | found/drafted/expected | responsibilities P | responsibilities R | found/drafted/expected |',
             '| --- | ---: | ---: | ---: | ---: | ---: | ---: |']
    for measures, duties in scores:
        lines.append(f'| {measures.name} | {measures.precision:.2f} | {measures.recall:.2f} | {measures.found}/{measures.drafted}/{measures.expected} '
                     f'| {duties.precision:.2f} | {duties.recall:.2f} | {duties.found}/{duties.drafted}/{duties.expected} |')
    total_m = score('all', [], [])
    total_d = score('all', [], [])
    for measures, duties in scores:
        for total, part in ((total_m, measures), (total_d, duties)):
            total.found += part.found
            total.drafted += part.drafted
            total.expected += part.expected
    lines.append(f'| **all** | {total_m.precision:.2f} | {total_m.recall:.2f} | {total_m.found}/{total_m.drafted}/{total_m.expected} '
                 f'| {total_d.precision:.2f} | {total_d.recall:.2f} | {total_d.found}/{total_d.drafted}/{total_d.expected} |')
    return lines


def print_evaluation(package: Path = ROOT) -> None:
    print('The five sources against data/*.csv:')
    print('\n'.join(table(evaluate_sources(package))))
    print('\nTargets of the five sources (year, text and value):')
    print('| plan | P | R | found/drafted/expected |\n| --- | ---: | ---: | ---: |')
    for s in evaluate_targets(package):
        print(f'| {s.name} | {s.precision:.2f} | {s.recall:.2f} | {s.found}/{s.drafted}/{s.expected} |')
    if CASES.is_dir():
        print('\nTest documents in tests/ingest_cases/ against their hand-made expected rows:')
        print('\n'.join(table(evaluate_cases(CASES, package))))
    print('\nMember lists (role, name, post and its agency), documents that print one or where one was drafted:')
    print('| documents | document | P | R | found/drafted/expected |\n| --- | --- | ---: | ---: | ---: |')
    for folder in (CASES, REAL):
        if not folder.is_dir():
            continue
        scores = evaluate_members(folder, package)
        for s in scores:
            if s.drafted or s.expected:
                print(f'| {folder.name} | {s.name} | {s.precision:.2f} | {s.recall:.2f} | {s.found}/{s.drafted}/{s.expected} |')
        s = total('all', scores)
        print(f'| {folder.name} | **all** | {s.precision:.2f} | {s.recall:.2f} | {s.found}/{s.drafted}/{s.expected} |')


def main(argv: list[str] | None = None) -> int:
    import argparse
    parser = argparse.ArgumentParser(description='Precision and recall of ingest on the package sources and tests/ingest_cases/, '
                                                 'and of its member lists also on tests/real_corpus/.')
    parser.add_argument('--package', type=Path, default=ROOT, metavar='DIR', help='package directory (default: this repository)')
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    print_evaluation(args.package)
    return 0
