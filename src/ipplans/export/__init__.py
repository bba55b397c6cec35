"""Write the downloads: every table in every format researchers use, and a manifest.

    python scripts/export.py --out DIR [--package DIR]

Writes into DIR (created if missing), from the package in --package (default: this repository):

  TABLE.csv          each table as stored in data/ (UTF-8, LF line ends), byte for byte
  TABLE_excel.csv    each table for Excel: UTF-8 with a byte-order mark and CRLF line ends
  TABLE.parquet      each table with typed columns (int64, float64, date32, string) and the
                     field descriptions in the Arrow schema metadata
  NAME.xlsx          one workbook: a sheet per table, a data_dictionary sheet, an about sheet
  NAME.sqlite        one SQLite database: declared types, PRIMARY/FOREIGN KEY constraints,
                     field descriptions in the _fields table (and as comments in the schema)
  NAME.zip           the whole Frictionless package; its datapackage.json gives every
                     resource's bytes and hash ("sha256:HEX", as frictionless v5 writes it)
  manifest.json      [{"file", "bytes", "sha256", "description"}], sorted by file name

NAME is the package's name in datapackage.json. The same input always gives byte-identical
files: rows keep their order in data/, zip entries carry the package's `created` date, and no
build time is written anywhere. Field descriptions are read from schemas/, never restated here.

Exit status: 0 written, 1 the package cannot be exported (every problem is printed as
PATH:ROW:FIELD: message), 2 unusable arguments.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import sqlite3
import sys
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Callable

from ipplans.csvtable import Table
from ipplans.package import Package as DataPackage, PackageError
from ipplans.paths import REPO as ROOT
from ipplans.schema import foreign_keys, primary_key

# Extra files of the repository that travel in the zip when they exist, so the zip alone
# says how to cite it and under which licence.
PACKAGE_EXTRAS = ('README.md', 'CHANGELOG.md', 'CITATION.cff', 'LICENSE')
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)   # the earliest time a zip entry can carry
WORKBOOK_SHEETS = ('data_dictionary', 'about')   # the workbook's sheets besides one per table
EXCEL_CELL_LIMIT = 32767
# The Table Schema types the exporter handles, and how SQLite declares them (dates as ISO 8601 text).
SQL_TYPES = {'string': 'TEXT', 'integer': 'INTEGER', 'number': 'REAL', 'date': 'TEXT'}


class ExportError(Exception):
    """The package cannot be exported; the message says where and why."""


@dataclass
class Resource:
    """One table of the package: its descriptor entry, schema, rows as stored and rows typed."""
    name: str
    descriptor: dict
    schema: dict
    table: Table
    typed: list[list[Any]]

    @property
    def fields(self) -> list[dict]:
        return self.schema['fields']

    @property
    def path(self) -> str:
        return self.descriptor['path']


@dataclass
class Package:
    dir: Path
    descriptor: dict
    resources: list[Resource]

    @property
    def name(self) -> str:
        return self.descriptor['name']


# ---------------------------------------------------------------- reading and typing

def parse_value(field: dict, text: str, missing: set[str]) -> Any:
    """The value of one cell as its schema types it: None when missing; raises ValueError."""
    if text in missing:
        return None
    kind = field.get('type', 'string')
    if kind == 'string':
        return text
    if kind == 'integer':
        if not re.fullmatch(r'[+-]?[0-9]+', text):
            raise ValueError(f'{text!r} is not an integer')
        return int(text)
    if kind == 'number':
        if not re.fullmatch(r'[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?', text):
            raise ValueError(f'{text!r} is not a number')
        return float(text)
    if kind == 'date':
        if field.get('format', 'default') != 'default':
            raise ValueError(f'date format {field["format"]!r} is not supported by the exporter')
        try:
            if re.fullmatch(r'\d{4}-\d{2}-\d{2}', text):
                return dt.date.fromisoformat(text)
        except ValueError:
            pass
        raise ValueError(f'{text!r} is not a date (YYYY-MM-DD)')
    raise ValueError(f'field type {kind!r} is not supported by the exporter')


def safe_member(path: str) -> str:
    """A path from the descriptor, checked to stay inside the package (it goes into the zip)."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or '..' in pure.parts or '\\' in path or not path:
        raise ExportError(f'datapackage.json: path {path!r} leaves the package directory')
    return str(pure)


def load_package(package_dir: Path) -> Package:
    try:
        data = DataPackage.open(package_dir)
    except PackageError as exc:
        raise ExportError(str(exc)) from None
    descriptor = data.descriptor
    if not descriptor.get('name'):
        raise ExportError('datapackage.json: the package has no name')
    problems: list[str] = []
    resources = []
    for number, entry in enumerate(descriptor.get('resources', [])):
        if not isinstance(entry, dict) or not isinstance(entry.get('path'), str) \
                or not re.fullmatch(r'[a-z0-9][a-z0-9_.-]*', str(entry.get('name'))):
            raise ExportError(f'datapackage.json: resource {number} needs a path (one file) and a name '
                              'of lowercase letters, digits, _ . - (it names the download files)')
        path = safe_member(entry['path'])
        try:
            schema = data.read_schema(data.resources[entry['name']])
            table = data.read_table(data.resources[entry['name']])
        except PackageError as exc:
            raise ExportError(str(exc)) from None
        names = [f['name'] for f in schema['fields']]
        unknown = sorted({f.get('type', 'string') for f in schema.get('fields', [])} - set(SQL_TYPES))
        if unknown:
            problems.append(f'{path}:-:-: field types {unknown} are not supported by the exporter')
            continue
        if table.header != names:
            problems.append(f'{path}:1:-: header {table.header} differs from the schema fields {names}')
            continue
        missing = set(schema.get('missingValues', ['']))
        typed = []
        for row, line in zip(table.rows, table.lines):
            values = []
            for field in schema['fields']:
                try:
                    values.append(parse_value(field, row[field['name']], missing))
                except ValueError as exc:
                    problems.append(f'{path}:{line}:{field["name"]}: {exc}')
                    values.append(None)
            typed.append(values)
        resources.append(Resource(entry['name'], entry, schema, table, typed))
    if problems:
        raise ExportError('\n'.join(problems + ['run scripts/validate.py for the full report']))
    return Package(package_dir, descriptor, resources)


def constraint_text(schema: dict, field: dict) -> str:
    """The field's constraints and keys in words, for the data dictionary and the _fields table."""
    name = field['name']
    parts = []
    primary = primary_key(schema)
    if name in primary:
        parts.append('primary key' if len(primary) == 1 else f'primary key ({", ".join(primary)})')
    for fields, table, ref_fields in foreign_keys(schema):
        if name in fields:
            parts.append(f'references {table}.{", ".join(ref_fields)}')
    for rule, value in field.get('constraints', {}).items():
        if value is True:
            parts.append(rule)
        elif rule == 'enum':
            parts.append('one of: ' + ' | '.join(map(str, value)))
        else:
            parts.append(f'{rule} {value}')
    if field.get('format', 'default') != 'default':
        parts.append(f'format {field["format"]}')
    return '; '.join(parts)


# ---------------------------------------------------------------- deterministic zips

def zip_time(descriptor: dict) -> tuple[int, int, int, int, int, int]:
    """Timestamp of every zip entry: the package's `created` date, else 1980-01-01."""
    try:
        created = dt.datetime.fromisoformat(str(descriptor.get('created', '')).replace('Z', '+00:00'))
    except ValueError:
        return ZIP_EPOCH
    return max(ZIP_EPOCH, created.timetuple()[:6])


def write_zip(members: list[tuple[str, bytes]], when: tuple[int, ...]) -> bytes:
    """A zip of (name, data) in the given order, with fixed times, modes and compression."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w') as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=when)
            info.create_system = 3                       # unix, whatever machine builds it
            info.external_attr = 0o100644 << 16          # a regular file, rw-r--r--
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


def rezip(data: bytes, when: tuple[int, ...]) -> bytes:
    """The same zip with every entry's time and mode fixed (openpyxl stamps the build time)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return write_zip([(info.filename, archive.read(info)) for info in archive.infolist()], when)


# ---------------------------------------------------------------- one writer per format

def csv_bytes(table: Table, *, bom: bool, newline: str) -> bytes:
    out = io.StringIO(newline='')
    writer = csv.writer(out, lineterminator=newline)
    writer.writerow(table.header)
    writer.writerows([row[name] for name in table.header] for row in table.rows)
    return ('\ufeff' if bom else '').encode('utf-8') + out.getvalue().encode('utf-8')


def dictionary_rows(package: Package) -> list[list[str]]:
    rows = []
    for res in package.resources:
        for field in res.fields:
            rows.append([res.name, field['name'], field.get('type', 'string'), constraint_text(res.schema, field),
                         field.get('description', ''), field.get('description_zh', '')])
    return rows


DICTIONARY_HEADER = ['table', 'field', 'type', 'constraints', 'description', 'description_zh']


def about_rows(package: Package) -> list[list[Any]]:
    d = package.descriptor
    licences = '; '.join(f'{lic.get("name", "")} ({lic.get("path", "")})' for lic in d.get('licenses', []))
    rows: list[list[Any]] = [
        ['property', 'value'],
        ['title', d.get('title', '')],
        ['name', d['name']],
        ['version', d.get('version', '')],
        ['created', d.get('created', '')],
        ['licence of the data', licences],
        ['description', d.get('description', '')],
        ['data dictionary', 'sheet data_dictionary: every field of every table, its type, constraints and meaning'],
        [],
        ['sheet', 'rows', 'description', 'description_zh'],
    ]
    for res in package.resources:
        rows.append([res.name, len(res.typed), res.schema.get('description', res.descriptor.get('description', '')),
                     res.schema.get('description_zh', '')])
    return rows


def display_width(text: str) -> int:
    """Columns the text takes in a spreadsheet: Chinese characters are twice as wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in 'WF' else 1 for ch in text)


def check_excel_limits(package: Package) -> None:
    """Excel refuses sheet names over 31 characters, repeated names and cells over 32,767 characters."""
    names = [res.name for res in package.resources]
    problems = [f'datapackage.json: table name {n!r} is longer than the 31 characters of an Excel sheet name'
                for n in names if len(n) > 31]
    problems += [f'datapackage.json: table name {n!r} is also the name of a workbook sheet of its own'
                 for n in names if n in WORKBOOK_SHEETS]
    for res in package.resources:
        for row, line in zip(res.table.rows, res.table.lines):
            problems += [f'{res.path}:{line}:{name}: {len(value):,} characters, more than an Excel cell holds (32,767)'
                         for name, value in row.items() if len(value) > EXCEL_CELL_LIMIT]
    if problems:
        raise ExportError('\n'.join(problems))


def xlsx_bytes(package: Package) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    check_excel_limits(package)
    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)

    def sheet(title: str, header: list[str], rows: list[list[Any]]) -> None:
        ws = book.create_sheet(title)
        ws.append(header)
        for row in rows:
            ws.append(row)
        for cell in ws[1]:
            cell.font = bold
        widths = dict(enumerate(map(len, header), start=1))
        for r, row in enumerate(rows, start=2):
            for c, value in enumerate(row, start=1):
                cell = ws.cell(r, c)
                if isinstance(value, str):
                    cell.data_type = 's'   # text stays text, even when it starts with '='
                    widths[c] = max(widths.get(c, 0), min(display_width(value), 60))
                elif isinstance(value, dt.date):
                    cell.number_format = 'yyyy-mm-dd'
                    widths[c] = max(widths.get(c, 0), 10)
        for c, width in widths.items():
            ws.column_dimensions[get_column_letter(c)].width = width + 2
        ws.freeze_panes = 'A2'
        if rows:
            ws.auto_filter.ref = ws.dimensions

    for res in package.resources:
        sheet(res.name, res.table.header, res.typed)
    dictionary, about = WORKBOOK_SHEETS
    sheet(dictionary, DICTIONARY_HEADER, dictionary_rows(package))
    rows = about_rows(package)
    sheet(about, rows[0], rows[1:])
    book[about].auto_filter.ref = None

    when = zip_time(package.descriptor)
    stamp = dt.datetime(*when)
    book.properties.created = stamp
    book.properties.modified = stamp
    book.properties.creator = package.descriptor.get('title', package.name)
    book.properties.title = package.descriptor.get('title', package.name)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w', zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()   # save_workbook() would stamp the build time
    return rezip(buffer.getvalue(), when)


def sql_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sql_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def one_line(text: str) -> str:
    return ' '.join(text.split())


def create_table_sql(res: Resource) -> str:
    primary = primary_key(res.schema)
    lines = []
    for field in res.fields:
        name = field['name']
        column = f'{sql_name(name)} {SQL_TYPES[field.get("type", "string")]}'
        rules = field.get('constraints', {})
        if rules.get('required'):
            column += ' NOT NULL'
        if rules.get('unique') and primary != [name]:
            column += ' UNIQUE'
        if 'enum' in rules:
            column += f' CHECK ({sql_name(name)} IN ({", ".join(sql_literal(str(v)) for v in rules["enum"])}))'
        lines.append((column, field.get('description', '')))
    clauses = []
    if primary:
        clauses.append(f'PRIMARY KEY ({", ".join(map(sql_name, primary))})')
    for fields, table, ref_fields in foreign_keys(res.schema):
        clauses.append(f'FOREIGN KEY ({", ".join(map(sql_name, fields))}) '
                       f'REFERENCES {sql_name(table or res.name)} ({", ".join(map(sql_name, ref_fields))})')
    # Each column carries its description as a comment: sqlite3's .schema shows them.
    items = lines + [(clause, '') for clause in clauses]
    body = []
    for index, (text, comment) in enumerate(items):
        comma = ',' if index < len(items) - 1 else ''
        body.append(f'  {text}{comma}' + (f'  -- {one_line(comment)}' if comment else ''))
    return f'CREATE TABLE {sql_name(res.name)} (\n' + '\n'.join(body) + '\n)'


META_SQL = """
CREATE TABLE _package (
  key TEXT PRIMARY KEY,  -- a property of datapackage.json
  value TEXT NOT NULL
);
CREATE TABLE _tables (
  table_name TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  rows INTEGER NOT NULL,
  description TEXT,
  description_zh TEXT
);
CREATE TABLE _fields (
  table_name TEXT NOT NULL REFERENCES _tables (table_name),
  position INTEGER NOT NULL,
  field_name TEXT NOT NULL,
  type TEXT NOT NULL,         -- the Table Schema type (dates are stored as ISO 8601 text)
  constraints TEXT NOT NULL,
  description TEXT,
  description_zh TEXT,
  PRIMARY KEY (table_name, field_name)
);
"""


def sqlite_bytes(package: Package, workdir: Path) -> bytes:
    path = workdir / 'package.sqlite'
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute('PRAGMA journal_mode = OFF')
        con.execute('PRAGMA page_size = 4096')
        con.executescript(META_SQL)
        con.execute('BEGIN')
        d = package.descriptor
        meta = {'name': d['name'], 'title': d.get('title', ''), 'version': d.get('version', ''),
                'created': d.get('created', ''), 'description': d.get('description', ''),
                'licenses': json.dumps(d.get('licenses', []), ensure_ascii=False)}
        con.executemany('INSERT INTO _package VALUES (?, ?)', sorted(meta.items()))
        for position, res in enumerate(package.resources, start=1):
            con.execute(create_table_sql(res))
            placeholders = ', '.join('?' for _ in res.fields)
            con.executemany(f'INSERT INTO {sql_name(res.name)} VALUES ({placeholders})',
                            [[v.isoformat() if isinstance(v, dt.date) else v for v in row] for row in res.typed])
            for fields, _, _ in foreign_keys(res.schema):
                con.execute(f'CREATE INDEX {sql_name(res.name + "__" + "__".join(fields))} '
                            f'ON {sql_name(res.name)} ({", ".join(map(sql_name, fields))})')
            con.execute('INSERT INTO _tables VALUES (?, ?, ?, ?, ?)',
                        (res.name, position, len(res.typed), res.schema.get('description'),
                         res.schema.get('description_zh')))
            con.executemany('INSERT INTO _fields VALUES (?, ?, ?, ?, ?, ?, ?)',
                            [(res.name, i, f['name'], f.get('type', 'string'), constraint_text(res.schema, f),
                              f.get('description'), f.get('description_zh'))
                             for i, f in enumerate(res.fields, start=1)])
        con.execute('COMMIT')
        con.execute('VACUUM')
    finally:
        con.close()
    data = path.read_bytes()
    path.unlink()
    return data


def parquet_bytes(package: Package, res: Resource) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow_types = {'string': pa.string(), 'integer': pa.int64(), 'number': pa.float64(),
                   'date': pa.date32()}
    fields = []
    for f in res.fields:
        meta = {'description': f.get('description', ''), 'description_zh': f.get('description_zh', ''),
                'constraints': constraint_text(res.schema, f)}
        fields.append(pa.field(f['name'], arrow_types[f.get('type', 'string')],
                               nullable=not f.get('constraints', {}).get('required', False), metadata=meta))
    d = package.descriptor
    schema = pa.schema(fields, metadata={
        'table': res.name, 'description': res.schema.get('description', ''),
        'description_zh': res.schema.get('description_zh', ''),
        'package': d['name'], 'version': d.get('version', ''),
        'licenses': json.dumps(d.get('licenses', []), ensure_ascii=False)})
    columns = list(zip(*res.typed)) if res.typed else [[] for _ in res.fields]
    table = pa.table([pa.array(list(col), type=field.type) for col, field in zip(columns, fields)], schema=schema)
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


def package_zip_bytes(package: Package) -> bytes:
    """The Frictionless package as a zip, datapackage.json at its root with bytes and hash."""
    root = package.dir
    descriptor = json.loads(json.dumps(package.descriptor))
    members: dict[str, bytes] = {}

    def add(path: str) -> bytes:
        path = safe_member(path)
        if path not in members:
            try:
                members[path] = (root / path).read_bytes()
            except OSError as exc:
                raise ExportError(f'{path}: cannot be read: {exc.strerror}') from None
        return members[path]

    for entry in descriptor.get('resources', []):
        data = add(entry['path'])
        entry['bytes'] = len(data)
        entry['hash'] = 'sha256:' + hashlib.sha256(data).hexdigest()
        if isinstance(entry.get('schema'), str):
            add(entry['schema'])
    for source in descriptor.get('sources', []):
        if source.get('path'):
            add(source['path'])
    sources_dir = root / 'data' / 'sources'
    if sources_dir.is_dir():
        for path in sorted(sources_dir.rglob('*')):
            if path.is_file():
                add(path.relative_to(root).as_posix())
    for extra in PACKAGE_EXTRAS:
        if (root / extra).is_file():
            add(extra)
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + '\n'
    ordered = [('datapackage.json', text.encode('utf-8'))] + sorted(members.items())
    return write_zip(ordered, zip_time(package.descriptor))


# ---------------------------------------------------------------- putting it together

@dataclass
class Download:
    file: str
    description: str
    build: Callable[[], bytes]
    table: str | None = None    # the one table the file holds; None for a file of the whole package


def downloads(package: Package, workdir: Path) -> list[Download]:
    name, version = package.name, package.descriptor.get('version', '')
    count = len(package.resources)
    items = []
    for res in package.resources:
        about = res.schema.get('description') or res.descriptor.get('description', '')
        items += [
            Download(f'{res.name}.csv', f'Table {res.name}, CSV (UTF-8, as in the package): {about}',
                     lambda res=res: (package.dir / res.path).read_bytes(), res.name),
            Download(f'{res.name}_excel.csv',
                     f'Table {res.name}, CSV for Excel (UTF-8 with byte-order mark, CRLF line ends): {about}',
                     lambda res=res: csv_bytes(res.table, bom=True, newline='\r\n'), res.name),
            Download(f'{res.name}.parquet',
                     f'Table {res.name}, Parquet with typed columns and field descriptions: {about}',
                     lambda res=res: parquet_bytes(package, res), res.name),
        ]
    items += [
        Download(f'{name}.xlsx', f'All {count} tables in one Excel workbook: a sheet per table, '
                 'a data_dictionary sheet and an about sheet.', lambda: xlsx_bytes(package)),
        Download(f'{name}.sqlite', f'All {count} tables in one SQLite database with primary and foreign keys; '
                 'field descriptions in the _fields table.', lambda: sqlite_bytes(package, workdir)),
        Download(f'{name}.zip', f'The whole Frictionless data package, version {version}: datapackage.json '
                 '(with each file\'s bytes and sha256 hash), data/, data/sources/, schemas/.',
                 lambda: package_zip_bytes(package)),
    ]
    return items


def previous_files(out: Path) -> set[str]:
    """Files the last export listed in its manifest (only those may be removed as stale)."""
    try:
        return {item['file'] for item in json.loads((out / 'manifest.json').read_text(encoding='utf-8'))
                if '/' not in item['file'] and '\\' not in item['file']}
    except (OSError, ValueError, TypeError, KeyError):
        return set()


def export(package_dir: Path, out: Path) -> list[dict]:
    """Write every download and manifest.json into `out`; return the manifest."""
    package = load_package(package_dir)
    with tempfile.TemporaryDirectory() as work:      # build everything before writing anything
        files = [(item, item.build()) for item in downloads(package, Path(work))]
    out.mkdir(parents=True, exist_ok=True)
    stale = previous_files(out)
    manifest = []
    for item, data in files:
        temp = out / f'.{item.file}.tmp'
        temp.write_bytes(data)
        os.replace(temp, out / item.file)
        manifest.append({'file': item.file, 'bytes': len(data), 'sha256': hashlib.sha256(data).hexdigest(),
                         'description': item.description, 'table': item.table})
    manifest.sort(key=lambda item: item['file'])
    for name in stale - {item['file'] for item in manifest}:
        (out / name).unlink(missing_ok=True)
    (out / 'manifest.json').write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + '\n', encoding='utf-8')
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog='\n\n'.join(__doc__.split('\n\n')[1:]))
    parser.add_argument('--out', required=True, type=Path, help='directory to write the downloads into')
    parser.add_argument('--package', type=Path, default=ROOT, help='package directory (default: this repository)')
    args = parser.parse_args(argv)
    if not (args.package / 'datapackage.json').is_file():
        print(f'export: {args.package}/datapackage.json not found: --package must be a package directory',
              file=sys.stderr)
        return 2
    try:
        manifest = export(args.package, args.out)
    except ExportError as exc:
        print(exc, file=sys.stderr)
        print('export: stopped; fix the problems above', file=sys.stderr)
        return 1
    total = sum(item['bytes'] for item in manifest)
    for item in manifest:
        print(f'{item["bytes"]:>10,}  {args.out / item["file"]}')
    print(f'wrote {len(manifest)} files, {total:,} bytes, and manifest.json to {args.out}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
