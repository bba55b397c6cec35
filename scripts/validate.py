"""Validate a package directory: upstream Frictionless checks plus our own.

    python scripts/validate.py [PACKAGE_DIR] [--format text|github]

Prints one line per problem, `PATH:ROW:FIELD: CHECK: message` (ROW is the CSV
line, header = 1; `-` where a row or field does not apply), then a summary.
Exit status: 0 valid, 1 invalid, 2 unusable arguments. It never writes.
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import TABLES, Table, compact, field_docs, load_schema, number_value, parse_csv  # noqa: E402

MAX_REPEATS = 20  # lines shown for one (file, check, field) before "… and N more"


@dataclass(frozen=True)
class Problem:
    path: str
    row: int | None
    field: str | None
    check: str
    message: str

    def text(self) -> str:
        row = '-' if self.row is None else str(self.row)
        return f'{self.path}:{row}:{self.field or "-"}: {self.check}: {self.message}'

    def github(self) -> str:
        def prop(value: str) -> str:
            return value.replace('%', '%25').replace('\r', '%0D').replace('\n', '%0A').replace(':', '%3A').replace(',', '%2C')
        line = f',line={self.row}' if self.row else ''
        msg = f'{self.field + ": " if self.field else ""}{self.message}'.replace('%', '%25').replace('\r', '%0D').replace('\n', '%0A')
        return f'::error file={prop(self.path)}{line},title={prop(self.check)}::{msg}'


class Validator:
    def __init__(self, package_dir: Path):
        self.dir = package_dir
        self.problems: list[Problem] = []
        self.descriptor: dict = {}
        self.resources: dict[str, dict] = {}
        self.schemas: dict[str, dict] = {}
        self.tables: dict[str, Table] = {}
        self.unreadable: set[str] = set()   # resources whose file could not be read as CSV

    def add(self, path: str, row: int | None, field: str | None, check: str, message: str) -> None:
        self.problems.append(Problem(path, row, field, check, message))

    def describe(self, table: str, field: str) -> str:
        doc = field_docs(self.schemas.get(table, {})).get(field, {})
        return f' [{field}: {doc["description"]}]' if doc.get('description') else ''

    # -- package and files ---------------------------------------------------
    def load_package(self) -> bool:
        path = self.dir / 'datapackage.json'
        if not path.is_file():
            self.add('datapackage.json', None, None, 'package-json', 'datapackage.json is missing: every package needs its descriptor at the top of the directory.')
            return False
        import json
        try:
            self.descriptor = json.loads(path.read_bytes().decode('utf-8-sig'))
        except UnicodeDecodeError:
            self.add('datapackage.json', None, None, 'package-json', 'datapackage.json is not UTF-8 text: save it as UTF-8.')
            return False
        except json.JSONDecodeError as error:
            self.add('datapackage.json', error.lineno, None, 'package-json', f'not valid JSON: {error.msg} at line {error.lineno} column {error.colno}; fix the syntax (a missing comma or quote is the usual cause).')
            return False
        if not isinstance(self.descriptor, dict) or not isinstance(self.descriptor.get('resources'), list):
            self.add('datapackage.json', None, 'resources', 'package-descriptor', 'the descriptor must be a JSON object with a "resources" list.')
            return False
        for index, resource in enumerate(self.descriptor['resources']):
            if not isinstance(resource, dict) or not isinstance(resource.get('name'), str) or not isinstance(resource.get('path'), str):
                self.add('datapackage.json', None, f'resources[{index}]', 'package-descriptor', 'each resource needs a "name" and a "path" (a string).')
                continue
            self.resources[resource['name']] = resource
        for name in TABLES:
            if name not in self.resources:
                self.add('datapackage.json', None, 'resources', 'package-descriptor', f'no resource named "{name}": the package must list data/{name}.csv with schema schemas/{name}.json.')
        return True

    def load_schemas(self) -> None:
        import json
        for name, resource in self.resources.items():
            schema = resource.get('schema')
            where = schema if isinstance(schema, str) else 'datapackage.json'
            try:
                loaded = load_schema(self.dir, resource)
            except FileNotFoundError:
                self.add(where, None, None, 'schema', f'schema file of resource "{name}" does not exist.')
                continue
            except (ValueError, UnicodeDecodeError) as error:
                self.add(where, None, None, 'schema', f'schema of resource "{name}" does not parse as JSON ({error}); fix its syntax.')
                continue
            if not isinstance(loaded, dict) or not isinstance(loaded.get('fields'), list):
                self.add(where, None, 'fields', 'schema', f'schema of resource "{name}" has no "fields" list.')
                continue
            self.schemas[name] = loaded

    def read_files(self) -> None:
        for name, resource in self.resources.items():
            rel = resource['path']
            path = self.dir / rel
            if not path.is_file():
                self.add(rel, None, None, 'resource-path', f'file named by resource "{name}" does not exist; create it or fix "path" in datapackage.json.')
                self.unreadable.add(name)
                continue
            raw = path.read_bytes()
            if b'\x00' in raw:
                self.add(rel, raw[:raw.index(b'\x00')].count(b'\n') + 1, None, 'binary', 'the file contains NUL bytes: it is not a text CSV (a spreadsheet saved in its own format?). Export it again as CSV UTF-8.')
                self.unreadable.add(name)
                continue
            try:
                text = raw.decode('utf-8')
            except UnicodeDecodeError as error:
                line = raw[:error.start].count(b'\n') + 1
                try:
                    raw.decode('gb18030')
                    hint = 'it looks like GBK/GB18030 (Excel on Chinese Windows). Re-save it as "CSV UTF-8 (逗号分隔)" or run make fix.'
                except UnicodeDecodeError:
                    hint = 'save it as UTF-8.'
                self.add(rel, line, None, 'encoding', f'the file is not UTF-8: {hint}')
                self.unreadable.add(name)
                continue
            if text.startswith('\ufeff'):
                self.add(rel, 1, None, 'bom', 'the file starts with a UTF-8 byte-order mark; the package stores CSV without it. Run make fix to remove it.')
                text = text[1:]
            if '\r' in text:
                kind = 'mixed' if re.search(r'(?<!\r)\n', text) else 'Windows (CRLF)'
                self.add(rel, text[:text.index('\r')].count('\n') + 1, None, 'line-endings', f'{kind} line endings; the package uses LF only. Run make fix.')
            if text and not text.endswith(('\n', '\r')):
                self.add(rel, text.count('\n') + 1, None, 'trailing-newline', 'the last line has no newline at the end. Run make fix.')
            if not text.strip():
                self.add(rel, None, None, 'empty-file', 'the file is empty: it needs at least the header row.')
                self.unreadable.add(name)
                continue
            self.tables[name] = parse_csv(text)
            self.check_header(name)

    def check_header(self, name: str) -> None:
        schema = self.schemas.get(name)
        if not schema:
            return
        expected = [f.get('name') for f in schema['fields']]
        actual = self.tables[name].header
        if actual == expected:
            return
        rel = self.resources[name]['path']
        if len(actual) == 1 and (';' in actual[0] or '\t' in actual[0]):
            sep = 'semicolons' if ';' in actual[0] else 'tabs'
            self.add(rel, 1, None, 'delimiter', f'the header is separated by {sep}; the package uses commas. Export again as CSV (comma-separated).')
            self.unreadable.add(name)
            return
        missing = [f for f in expected if f not in actual]
        extra = [f for f in actual if f not in expected]
        if missing:
            self.add(rel, 1, ','.join(missing), 'header', f'missing column(s) {", ".join(missing)}; the header must be: {",".join(expected)}')
        if extra:
            self.add(rel, 1, ','.join(extra), 'header', f'unexpected column(s) {", ".join(extra)}; the header must be: {",".join(expected)}')
        if not missing and not extra:
            self.add(rel, 1, None, 'header', f'columns are out of order; the header must be: {",".join(expected)}')
        self.unreadable.add(name)

    # -- upstream Frictionless ---------------------------------------------------
    def run_frictionless(self) -> None:
        from frictionless import Package

        advice = {
            'type-error': 'the value does not have the field\'s type',
            'primary-key': 'this key already appears on an earlier row: make it unique',
            'foreign-key': 'the referenced row does not exist: add it to the referenced table first or correct the id',
        }
        try:
            report = Package(str(self.dir / 'datapackage.json')).validate()
        except Exception as error:  # a descriptor Frictionless cannot even open
            self.add('datapackage.json', None, None, 'package-descriptor', f'Frictionless cannot open the package: {error}')
            return
        for error in report.errors:
            self.add('datapackage.json', None, None, 'package-descriptor', error.message)
        for task in report.tasks:
            name = task.name
            if name in self.unreadable:
                continue
            rel = self.resources.get(name, {}).get('path', task.place)
            short_rows = {e.row_number for e in task.errors if e.type == 'missing-cell'}
            pk_rows = {e.row_number for e in task.errors if e.type == 'primary-key'}
            width = len(self.schemas.get(name, {}).get('fields', []))
            for row in sorted(short_rows):
                cells = len(self.tables[name].rows[row - 2]) if name in self.tables and 0 <= row - 2 < len(self.tables[name].rows) else None
                self.add(rel, row, None, 'missing-cell', f'the row has fewer cells than the header ({width}): a comma is missing, '
                         'or a line break inside a text cell was not quoted. Every row needs one cell per column, empty cells included.')
            for error in task.errors:
                row = getattr(error, 'row_number', None)
                field = getattr(error, 'field_name', None)
                if error.type == 'missing-cell' or (row in short_rows and error.type == 'constraint-error'):
                    continue  # reported once per row above
                if error.type == 'unique-error' and row in pk_rows:
                    continue  # the primary-key line says it
                if error.type == 'primary-key':
                    key = self.schemas.get(name, {}).get('primaryKey', [])
                    field = ','.join(key) if isinstance(key, list) else str(key)
                if error.type == 'foreign-key':
                    match = re.search(r'for "([^"]+)"', error.note)
                    field = match.group(1) if match else None
                if error.type in ('schema-error', 'resource-error', 'source-error', 'scheme-error', 'format-error', 'encoding-error'):
                    self.add(rel, None, None, error.type, error.note or error.message)
                    continue
                message = error.note
                if error.type in advice:
                    message = f'{advice[error.type]} ({error.note})'
                if error.type == 'type-error':
                    message = f'{getattr(error, "cell", "")!r}: ' + message + self.type_hint(name, field)
                if error.type == 'constraint-error':
                    message = self.constraint_message(name, field, getattr(error, 'cell', ''), error.note)
                if field:
                    message += self.describe(name, field)
                self.add(rel, row, field, error.type, message)

    def constraint_message(self, table: str, field: str | None, cell: str, note: str) -> str:
        constraints = field_docs(self.schemas.get(table, {})).get(field or '', {}).get('constraints', {})
        if note.startswith('constraint "required"'):
            return 'the cell is empty but a value is required.'
        if note.startswith('constraint "enum"'):
            return f'{cell!r} is not an allowed value; use one of: {", ".join(map(str, constraints.get("enum", [])))}.'
        if note.startswith('constraint "pattern"'):
            return f'{cell!r} does not have the required form {constraints.get("pattern")} (ASCII only: check for full-width letters, digits or dashes).'
        if note.startswith(('constraint "minimum"', 'constraint "maximum"')):
            return f'{cell!r} is out of range ({note}).'
        return f'{cell!r}: {note}.'

    def type_hint(self, table: str, field: str | None) -> str:
        doc = field_docs(self.schemas.get(table, {})).get(field or '', {})
        hints = {'date': '; write dates as YYYY-MM-DD (2021-12-31), not 2021年12月 or 2021/12/31',
                 'integer': '; write a whole number in ASCII digits',
                 'number': '; write a number in ASCII digits (25万 becomes 250000)'}
        return hints.get(doc.get('type', ''), '')

    # -- our own checks ----------------------------------------------------------
    def rows(self, name: str):
        table = self.tables.get(name)
        if table is None or name in self.unreadable:
            return []
        return list(zip(table.lines, table.rows))

    def path(self, name: str) -> str:
        return self.resources[name]['path']

    def check_hygiene(self) -> None:
        for name in self.tables:
            if name in self.unreadable:
                continue
            for line, row in self.rows(name):
                for field, value in row.items():
                    problem = text_problem(value)
                    if problem:
                        self.add(self.path(name), line, field, 'hygiene', problem + self.describe(name, field))

    def check_provenance(self) -> None:
        plans = {row['plan_id']: row for _, row in self.rows('plans')}
        sources: dict[str, str] = {}
        for line, plan in self.rows('plans'):
            rel = plan.get('source_file', '')
            if not rel:
                self.add(self.path('plans'), line, 'source_file', 'provenance', 'the plan has no source: archive its raw text under data/sources/ and name the file here.')
                continue
            source = self.dir / rel
            if not source.is_file() or '..' in Path(rel).parts:
                self.add(self.path('plans'), line, 'source_file', 'provenance', f'source file {rel} does not exist: archive the raw text there, as received.')
                continue
            try:
                sources[plan['plan_id']] = compact(source.read_bytes().decode('utf-8-sig', errors='replace'))
            except OSError as error:
                self.add(self.path('plans'), line, 'source_file', 'provenance', f'cannot read {rel}: {error}')
        measure_plan = {row['measure_id']: row['plan_id'] for _, row in self.rows('measures')}

        def check(table: str, fields: list[str], plan_of) -> None:
            for line, row in self.rows(table):
                plan_id = plan_of(row)
                source = sources.get(plan_id)
                if source is None:
                    continue
                for field in fields:
                    value = row.get(field, '')
                    if value and compact(value) not in source:
                        self.add(self.path(table), line, field, 'provenance',
                                 f'not found in the source {plans[plan_id]["source_file"]} (compared after NFKC and removing whitespace): '
                                 f'copy it verbatim from the source.{self.describe(table, field)}')

        check('measures', ['text', 'section', 'chapter', 'deadline'], lambda r: r.get('plan_id'))
        check('targets', ['text'], lambda r: r.get('plan_id'))
        check('responsibilities', ['as_printed'], lambda r: measure_plan.get(r.get('measure_id')))
        check('members', ['name_as_printed', 'post', 'agency_as_printed', 'role_as_printed'], lambda r: r.get('plan_id'))
        check('citations', ['cited_title', 'cited_doc_number'], lambda r: r.get('plan_id'))

    def check_completeness(self) -> None:
        by_plan: dict[str, list[tuple[int, dict]]] = defaultdict(list)
        for line, row in self.rows('measures'):
            by_plan[row.get('plan_id', '')].append((line, row))
        for line, plan in self.rows('plans'):
            if plan['plan_id'] not in by_plan and 'measures' in self.tables and 'measures' not in self.unreadable:
                self.add(self.path('plans'), line, 'plan_id', 'completeness', 'the plan has no measures: add its numbered tasks to data/measures.csv.')
        for plan_id, items in by_plan.items():
            for position, (line, row) in enumerate(items, start=1):
                if row.get('seq') != str(position):
                    self.add(self.path('measures'), line, 'seq', 'completeness',
                             f'measure {position} of plan {plan_id} has seq {row.get("seq")!r}: seq must run 1, 2, 3 … in row order without gaps or repeats.')
                    break
            values = [number_value(row.get('number', '')) for _, row in items]
            if None in values:
                continue  # numbers that are not numerals (such as 一是) cannot be checked for gaps
            for position, ((line, row), value) in enumerate(zip(items, values), start=1):
                if value != position:
                    what = 'repeats an earlier number' if value in values[:position - 1] else f'where {position} was expected'
                    self.add(self.path('measures'), line, 'number', 'completeness',
                             f'plan {plan_id}: number {row["number"]!r} {what}; the printed numbering must have no gaps or repeats (add the missing task or fix the number).')
                    break

    def check_aliases(self) -> None:
        aliases = {(row['region_code'], row['alias']): (line, row['agency_id']) for line, row in self.rows('agency_aliases')}
        agency_region = {row['agency_id']: row['region_code'] for _, row in self.rows('agencies')}
        plan_region = {row['plan_id']: row['region_code'] for _, row in self.rows('plans')}
        measure_plan = {row['measure_id']: row['plan_id'] for _, row in self.rows('measures')}
        for line, row in self.rows('agency_aliases'):
            region = agency_region.get(row['agency_id'])
            if region and region != row['region_code']:
                self.add(self.path('agency_aliases'), line, 'region_code', 'alias',
                         f'the alias is for region {row["region_code"]} but agency {row["agency_id"]} belongs to region {region}.')

        def resolve(table: str, line: int, printed: str, agency_id: str, region: str | None, field: str) -> None:
            if not printed or region is None:
                return
            found = aliases.get((region, printed))
            if found is None:
                self.add(self.path(table), line, field, 'alias',
                         f'{printed!r} is not in data/agency_aliases.csv for region {region}: add the row "{region},{printed},{agency_id or "AGENCY_ID"}".')
            elif agency_id and found[1] != agency_id:
                self.add(self.path(table), line, 'agency_id', 'alias',
                         f'{printed!r} is mapped to {found[1]} in data/agency_aliases.csv (line {found[0]}) but this row says {agency_id}: make them agree.')

        for line, row in self.rows('responsibilities'):
            region = plan_region.get(measure_plan.get(row.get('measure_id', ''), ''))
            resolve('responsibilities', line, row.get('as_printed', ''), row.get('agency_id', ''), region, 'as_printed')
        for line, row in self.rows('members'):
            resolve('members', line, row.get('agency_as_printed', ''), row.get('agency_id', ''), plan_region.get(row.get('plan_id', '')), 'agency_as_printed')

    def run(self) -> list[Problem]:
        if self.load_package():
            self.load_schemas()
            self.read_files()
            self.run_frictionless()
            self.check_hygiene()
            self.check_provenance()
            self.check_completeness()
            self.check_aliases()
        return self.problems


_LOOKALIKE_SPACE = re.compile(r'[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]')


def text_problem(value: str) -> str | None:
    """Why a stored cell is unhygienic, or None."""
    if value != value.strip():
        return 'leading or trailing whitespace: remove it (run make fix).'
    for char in value:
        category = unicodedata.category(char)
        if category == 'Cc':
            return f'control character U+{ord(char):04X}: remove it (a line break or tab inside a cell is not allowed).'
        if category in ('Cf', 'Co', 'Cs') or char == '\ufffd':
            return f'invisible or invalid character U+{ord(char):04X} ({unicodedata.name(char, "unnamed")}): remove it.'
    match = _LOOKALIKE_SPACE.search(value)
    if match:
        return f'non-standard space U+{ord(match.group()):04X}: use an ordinary space (U+0020) or none.'
    if value[:1] in ('=', '+', '-', '@'):
        return f'the cell starts with {value[0]!r}, which spreadsheet programs run as a formula: rephrase or drop the leading character.'
    return None


def summarize(problems: list[Problem]) -> list[str]:
    counts = Counter(p.path for p in problems)
    parts = ', '.join(f'{path}: {n}' for path, n in counts.items())
    return [f'{len(problems)} problem{"s" if len(problems) != 1 else ""} in {len(counts)} file{"s" if len(counts) != 1 else ""} ({parts})']


def order(problems: list[Problem], resources: dict[str, dict]) -> list[Problem]:
    rank = {r['path']: i for i, r in enumerate(resources.values())}
    return sorted(problems, key=lambda p: (p.path != 'datapackage.json', rank.get(p.path, len(rank)), p.path, p.row or 0))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('package_dir', nargs='?', default='.', help='package directory (default: .)')
    parser.add_argument('--format', choices=['text', 'github'], default='text', help='output form (github: workflow annotations)')
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    package_dir = Path(args.package_dir)
    if not package_dir.is_dir():
        print(f'{package_dir}: not a directory: give the package directory (the one holding datapackage.json).', file=sys.stderr)
        return 2
    validator = Validator(package_dir)
    problems = order(validator.run(), validator.resources)
    shown: Counter = Counter()
    hidden: Counter = Counter()
    for problem in problems:
        key = (problem.path, problem.check, problem.field)
        shown[key] += 1
        if shown[key] > MAX_REPEATS:
            hidden[key] += 1
            continue
        print(problem.github() if args.format == 'github' else problem.text())
    for (path, check, field), n in hidden.items():
        print(f'{path}:-:{field or "-"}: {check}: … and {n} more like the above')
    if problems:
        for line in summarize(problems):
            print(line)
        return 1
    counts = {name: len(table.rows) for name, table in validator.tables.items()}
    print(f'valid: {len(counts)} tables, {sum(counts.values())} rows ({", ".join(f"{k} {v}" for k, v in counts.items())})')
    return 0


if __name__ == '__main__':
    sys.exit(main())
