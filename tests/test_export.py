"""The downloads, each opened by the reader a researcher would use on it.

Expected values come from the package itself (data/*.csv, schemas/*.json,
datapackage.json) read here independently of scripts/export.py.
"""
from __future__ import annotations

import csv
import functools
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, edit, read_rows

DESCRIPTOR = json.loads((ROOT / 'datapackage.json').read_text(encoding='utf-8'))
NAME = DESCRIPTOR['name']
TABLES = [r['name'] for r in DESCRIPTOR['resources']]
SCHEMAS = {r['name']: json.loads((ROOT / r['schema']).read_text(encoding='utf-8')) for r in DESCRIPTOR['resources']}
CREATED = dt.datetime.fromisoformat(DESCRIPTOR['created'].replace('Z', '+00:00'))


def run_export(out: Path, package: Path = ROOT, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / 'scripts' / 'export.py'), '--out', str(out),
                           '--package', str(package)], capture_output=True, text=True,
                          env={**os.environ, **env}, cwd=out.parent)


@pytest.fixture(scope='session')
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp('downloads') / 'downloads'
    result = run_export(out)
    assert result.returncode == 0, result.stderr
    return out


@functools.cache
def read_data_rows(table: str) -> tuple[tuple[str, ...], ...]:
    with open(ROOT / 'data' / f'{table}.csv', encoding='utf-8', newline='') as handle:
        return tuple(map(tuple, csv.reader(handle)))


def data_rows(table: str) -> list[list[str]]:
    """The table's CSV lines as lists of cells, header first (read once per session)."""
    return [list(row) for row in read_data_rows(table)]


def fields(table: str) -> list[dict]:
    return SCHEMAS[table]['fields']


def has_chinese(text: str) -> bool:
    return any('\u4e00' <= ch <= '\u9fff' for ch in text)


# ---------------------------------------------------------------- the set of files

def test_every_download_is_written_and_listed_in_the_manifest(built):
    per_table = {f'{t}{suffix}' for t in TABLES for suffix in ('.csv', '_excel.csv', '.parquet', '.dta')}
    expected = per_table | {f'{NAME}.xlsx', f'{NAME}.sqlite', f'{NAME}.zip'}
    assert {p.name for p in built.iterdir()} == expected | {'manifest.json'}
    manifest = json.loads((built / 'manifest.json').read_text(encoding='utf-8'))
    assert [item['file'] for item in manifest] == sorted(expected)
    for item in manifest:
        assert set(item) == {'file', 'bytes', 'sha256', 'description', 'table'}
        assert item['table'] == (item['file'].split('.')[0].removesuffix('_excel') if item['file'] in per_table else None)
        data = (built / item['file']).read_bytes()
        assert item['bytes'] == len(data)
        assert item['sha256'] == hashlib.sha256(data).hexdigest()
        assert item['description'].strip()


def test_two_runs_write_byte_identical_files(built, tmp_path):
    time.sleep(2.1)                       # zip times have a 2-second resolution
    again = tmp_path / 'again'
    result = run_export(again, TZ='Asia/Shanghai')
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in built.iterdir())
    assert names == sorted(p.name for p in again.iterdir())
    differ = [n for n in names if (built / n).read_bytes() != (again / n).read_bytes()]
    assert differ == []


@pytest.mark.parametrize('archive', [f'{NAME}.zip', f'{NAME}.xlsx'])
def test_zip_entries_carry_the_package_date_not_the_build_time(built, archive):
    with zipfile.ZipFile(built / archive) as z:
        stamps = {info.date_time for info in z.infolist()}
        assert stamps == {CREATED.timetuple()[:6]}
        if archive.endswith('.xlsx'):
            core = z.read('docProps/core.xml').decode('utf-8')
            assert re.findall(r'\d{4}-\d{2}-\d{2}T[\d:]+Z', core) == [CREATED.strftime('%Y-%m-%dT%H:%M:%SZ')] * 2


def test_export_removes_files_of_its_previous_run_only(built, tmp_path):
    out = tmp_path / 'out'
    shutil.copytree(built, out)
    manifest = json.loads((out / 'manifest.json').read_text(encoding='utf-8'))
    manifest.append({'file': 'old_table.csv', 'bytes': 1, 'sha256': '', 'description': 'gone'})
    (out / 'manifest.json').write_text(json.dumps(manifest), encoding='utf-8')
    (out / 'old_table.csv').write_text('x\n')
    (out / 'notes.txt').write_text('mine\n')
    assert run_export(out).returncode == 0
    assert not (out / 'old_table.csv').exists()
    assert (out / 'notes.txt').read_text() == 'mine\n'


# ---------------------------------------------------------------- CSV and pandas

def test_csv_files_are_the_package_tables_byte_for_byte(built):
    for table in TABLES:
        assert (built / f'{table}.csv').read_bytes() == (ROOT / 'data' / f'{table}.csv').read_bytes()


def test_excel_csv_has_a_bom_crlf_line_ends_and_the_same_cells(built):
    import pandas as pd
    for table in TABLES:
        raw = (built / f'{table}_excel.csv').read_bytes()
        assert raw.startswith(b'\xef\xbb\xbf') and not raw.startswith(b'\xef\xbb\xbf\xef\xbb\xbf')
        assert raw.count(b'\r\n') == raw.count(b'\n') == len(data_rows(table))
        excel = pd.read_csv(built / f'{table}_excel.csv', dtype=str, keep_default_na=False, encoding='utf-8-sig')
        plain = pd.read_csv(built / f'{table}.csv', dtype=str, keep_default_na=False)
        assert list(excel.columns) == data_rows(table)[0]
        pd.testing.assert_frame_equal(excel, plain)
        assert excel.values.tolist() == data_rows(table)[1:]


# ---------------------------------------------------------------- the Frictionless zip

def test_zip_loads_and_validates_with_frictionless(built):
    from frictionless import Package, Resource
    package = Package(str(built / f'{NAME}.zip'))
    assert package.name == NAME and package.version == DESCRIPTOR['version']
    assert [r.name for r in package.resources] == TABLES
    for resource in package.resources:
        own = Resource(str(ROOT / 'data' / f'{resource.name}.csv'))
        own.infer(stats=True)              # frictionless's own form of bytes and hash
        assert (resource.bytes, resource.hash) == (own.to_descriptor()['bytes'], own.to_descriptor()['hash'])
        assert resource.hash.startswith('sha256:')
    report = package.validate()
    assert report.valid, report.flatten(['resourceName', 'type', 'note'])[:10]
    assert sum(task.stats.get('rows', 0) for task in report.tasks) == sum(len(data_rows(t)) - 1 for t in TABLES)
    plans = package.get_resource('plans').read_rows()
    assert [r['title'] for r in plans] == [row['title'] for row in read_rows(ROOT, 'plans')]


def test_zip_holds_the_whole_package(built):
    with zipfile.ZipFile(built / f'{NAME}.zip') as z:
        names = z.namelist()
        assert names[0] == 'datapackage.json'
        expected = ({r['path'] for r in DESCRIPTOR['resources']} | {r['schema'] for r in DESCRIPTOR['resources']}
                    | {f'data/sources/{p.name}' for p in (ROOT / 'data' / 'sources').iterdir()})
        assert expected <= set(names)
        for name in expected:
            assert z.read(name) == (ROOT / name).read_bytes(), name
        assert {'LICENSE', 'CITATION.cff', 'README.md', 'CHANGELOG.md'} <= set(names)


def rewrite_zip(path: Path, change: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path) as z:
        members = [(info.filename, change.get(info.filename, z.read(info))) for info in z.infolist()]
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(name, data)


def failed_checks(report) -> dict[str, list[str]]:
    return {task.name: [error.type for error in task.errors] for task in report.tasks if not task.valid}


def test_frictionless_checks_the_zip_hashes(built, tmp_path):
    from frictionless import Package
    tampered = tmp_path / 'tampered.zip'
    shutil.copy(built / f'{NAME}.zip', tampered)
    plans = (ROOT / 'data' / 'plans.csv').read_bytes()
    rewrite_zip(tampered, {'data/plans.csv': plans.replace('荣昌区'.encode(), '荣昌县'.encode(), 1)})
    report = Package(str(tampered)).validate()
    assert failed_checks(report) == {'plans': ['hash-count']}


def test_a_broken_foreign_key_shows_in_the_zip_and_the_database(package, tmp_path):
    from frictionless import Package
    edit(package, 'responsibilities', {'seq': '1', 'measure_id': 'chongqing-rongchang-2021-001'},
         agency_id='no-such-agency')
    out = tmp_path / 'out'
    result = run_export(out, package)
    assert result.returncode == 0, result.stderr
    report = Package(str(out / f'{NAME}.zip')).validate()
    assert failed_checks(report) == {'responsibilities': ['foreign-key']}
    con = sqlite3.connect(out / f'{NAME}.sqlite')
    con.execute('PRAGMA foreign_keys = ON')
    assert con.execute('PRAGMA foreign_key_check').fetchall() == [('responsibilities', 1, 'agencies', 0)]


# ---------------------------------------------------------------- XLSX and openpyxl

def test_workbook_has_a_sheet_per_table_with_the_values_of_data(built):
    from openpyxl import load_workbook
    book = load_workbook(built / f'{NAME}.xlsx')
    assert book.sheetnames == TABLES + ['data_dictionary', 'about']
    for table in TABLES:
        sheet = book[table]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        expected = data_rows(table)
        assert rows[0] == expected[0]
        assert len(rows) == len(expected)
        types = [f['type'] for f in fields(table)]
        for got, want in zip(rows[1:], expected[1:]):
            for value, text, kind in zip(got, want, types):
                if text == '':
                    assert value is None
                elif kind == 'string':
                    assert value == text        # Chinese text intact, codes stay text
                elif kind == 'integer':
                    assert value == int(text) and isinstance(value, int)
                elif kind == 'number':
                    assert value == float(text)
                elif kind == 'date':
                    assert value == dt.datetime.fromisoformat(text)
        for column, kind in enumerate(types, start=1):
            if kind == 'date':
                assert {sheet.cell(r, column).number_format for r in range(2, sheet.max_row + 1)
                        if sheet.cell(r, column).value is not None} <= {'yyyy-mm-dd'}
    assert has_chinese(book['measures'].cell(2, 7).value)


def test_workbook_data_dictionary_is_read_from_the_schemas(built):
    from openpyxl import load_workbook
    sheet = load_workbook(built / f'{NAME}.xlsx')['data_dictionary']
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ('table', 'field', 'type', 'constraints', 'description', 'description_zh')
    expected = [(t, f['name'], f['type'], f.get('description'), f.get('description_zh'))
                for t in TABLES for f in fields(t)]
    assert [(r[0], r[1], r[2], r[4], r[5]) for r in rows[1:]] == expected
    constraints = {(r[0], r[1]): r[3] for r in rows[1:]}
    assert 'primary key' in constraints[('plans', 'plan_id')]
    assert 'references agencies.agency_id' in constraints[('responsibilities', 'agency_id')]
    assert 'lead | cooperating | responsible' in constraints[('responsibilities', 'role')]


def test_workbook_keeps_text_that_starts_with_an_equals_sign_as_text(package, tmp_path):
    from openpyxl import load_workbook
    edit(package, 'measures', {'measure_id': 'chongqing-rongchang-2021-001'}, text='=HYPERLINK("x")')
    out = tmp_path / 'out'
    assert run_export(out, package).returncode == 0
    sheet = load_workbook(out / f'{NAME}.xlsx')['measures']
    column = next(c.column for c in sheet[1] if c.value == 'text')
    cell = sheet.cell(row=2, column=column)
    assert (cell.value, cell.data_type) == ('=HYPERLINK("x")', 's')


# ---------------------------------------------------------------- SQLite

SQL_TYPES = {'string': 'TEXT', 'integer': 'INTEGER', 'number': 'REAL', 'date': 'TEXT', 'boolean': 'INTEGER'}
BOOLEAN_CELLS = {'true': '1', 'false': '0'}   # SQLite has no boolean: true is 1


def test_sqlite_has_the_rows_types_and_keys_of_the_schemas(built):
    con = sqlite3.connect(built / f'{NAME}.sqlite')
    assert con.execute('PRAGMA integrity_check').fetchall() == [('ok',)]
    con.execute('PRAGMA foreign_keys = ON')
    assert con.execute('PRAGMA foreign_key_check').fetchall() == []
    for table in TABLES:
        schema = SCHEMAS[table]
        assert con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == len(data_rows(table)) - 1
        info = con.execute(f'PRAGMA table_info("{table}")').fetchall()
        assert [(c[1], c[2]) for c in info] == [(f['name'], SQL_TYPES[f['type']]) for f in schema['fields']]
        assert [c[1] for c in sorted(info, key=lambda c: c[5]) if c[5]] == schema['primaryKey']
        assert [bool(c[3]) for c in info] == [f.get('constraints', {}).get('required', False)
                                              for f in schema['fields']]
        keys = {(k[2], k[3], k[4]) for k in con.execute(f'PRAGMA foreign_key_list("{table}")')}
        as_list = lambda names: [names] if isinstance(names, str) else names   # a key is one field or a list
        assert keys == {(fk['reference']['resource'] or table, field, ref)   # '' is the table itself
                        for fk in schema.get('foreignKeys', [])
                        for field, ref in zip(as_list(fk['fields']), as_list(fk['reference']['fields']))}
        stored = con.execute(f'SELECT * FROM "{table}"').fetchall()
        assert [['' if v is None else str(v) for v in row] for row in stored] == \
            [[str(float(v)) if f['type'] == 'number' and v else BOOLEAN_CELLS[v] if f['type'] == 'boolean' else v
              for v, f in zip(row, schema['fields'])] for row in data_rows(table)[1:]]


def test_sqlite_refuses_a_row_that_breaks_a_key_or_a_constraint(built, tmp_path):
    copy = tmp_path / 'copy.sqlite'
    shutil.copy(built / f'{NAME}.sqlite', copy)
    con = sqlite3.connect(copy)
    con.execute('PRAGMA foreign_keys = ON')
    with pytest.raises(sqlite3.IntegrityError, match='FOREIGN KEY'):
        con.execute("INSERT INTO agency_aliases (region_code, alias, agency_id) VALUES ('500153', '新别名', 'no-such-agency')")
    with pytest.raises(sqlite3.IntegrityError, match='UNIQUE'):
        con.execute('INSERT INTO plans SELECT * FROM plans LIMIT 1')
    with pytest.raises(sqlite3.IntegrityError, match='CHECK'):
        con.execute("UPDATE responsibilities SET role = 'leader' WHERE rowid = 1")
    with pytest.raises(sqlite3.IntegrityError, match='NOT NULL'):
        con.execute('UPDATE measures SET text = NULL WHERE rowid = 1')


def test_sqlite_field_descriptions_are_queryable(built):
    con = sqlite3.connect(built / f'{NAME}.sqlite')
    got = con.execute('SELECT table_name, field_name, description, description_zh FROM _fields '
                      'ORDER BY (SELECT position FROM _tables t WHERE t.table_name = _fields.table_name), position')
    assert got.fetchall() == [(t, f['name'], f.get('description'), f.get('description_zh'))
                              for t in TABLES for f in fields(t)]
    assert dict(con.execute('SELECT table_name, rows FROM _tables')) == {t: len(data_rows(t)) - 1 for t in TABLES}
    assert dict(con.execute('SELECT key, value FROM _package'))['version'] == DESCRIPTOR['version']
    sql = con.execute("SELECT sql FROM sqlite_master WHERE name = 'measures'").fetchone()[0]
    assert SCHEMAS['measures']['fields'][6]['description'] in sql


# ---------------------------------------------------------------- Parquet, pyarrow and DuckDB

def test_parquet_columns_are_typed_and_hold_the_rows(built):
    import pyarrow as pa
    import pyarrow.parquet as pq
    arrow = {'string': pa.string(), 'integer': pa.int64(), 'number': pa.float64(), 'date': pa.date32(), 'boolean': pa.bool_()}
    for table in TABLES:
        read = pq.read_table(built / f'{table}.parquet')
        assert read.schema.names == data_rows(table)[0]
        assert [read.schema.field(f['name']).type for f in fields(table)] == [arrow[f['type']] for f in fields(table)]
        assert [read.schema.field(f['name']).metadata[b'description_zh'].decode() for f in fields(table)] == \
            [f['description_zh'] for f in fields(table)]
        assert read.num_rows == len(data_rows(table)) - 1
        rows = data_rows(table)
        for f in fields(table):
            want = [row[rows[0].index(f['name'])] for row in rows[1:]]
            got = read.column(f['name']).to_pylist()
            assert ['' if v is None else (v.isoformat() if isinstance(v, dt.date) else v) for v in got] == \
                [{'integer': int, 'number': float, 'boolean': lambda x: x == 'true'}.get(f['type'], str)(v) if v else '' for v in want]


def test_duckdb_reads_the_parquet_files_with_their_types(built):
    import duckdb
    con = duckdb.connect()
    for table in TABLES:
        count = con.execute(f"SELECT count(*) FROM read_parquet('{built / table}.parquet')").fetchone()[0]
        assert count == len(data_rows(table)) - 1
    types = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM "
                             f"read_parquet('{built}/plans.parquet'))").fetchall())
    assert (types['plan_id'], types['date_signed']) == ('VARCHAR', 'DATE')
    late = con.execute(f"SELECT count(*) FROM read_parquet('{built}/measures.parquet') "
                       "WHERE deadline_date > DATE '2021-06-30'").fetchone()[0]
    assert late == sum(1 for row in read_rows(ROOT, 'measures') if row['deadline_date'] > '2021-06-30')


# ---------------------------------------------------------------- Stata, as pandas reads it

def code_lists() -> dict[str, dict]:
    """The code-list tables (those with English and Chinese labels), read from data/."""
    return {t: SCHEMAS[t] for t in TABLES if {'label_en', 'label_zh'} <= {f['name'] for f in fields(t)}}


def stata_reserved() -> set[str]:
    from pandas.io.stata import StataParser
    return set(StataParser().RESERVED_WORDS)


def stata_variable(field: str) -> str:
    """What a Stata user finds a field under: its name, or with a trailing _ for a reserved word."""
    return field + '_' if field in stata_reserved() else field


@functools.cache
def read_dta(path: Path):
    """(data without label conversion, value labels, variable labels, dataset label, time stamp, types)."""
    import pandas as pd
    with pd.io.stata.StataReader(path) as reader:
        data = reader.read(convert_categoricals=False, convert_dates=True)
        return (data, reader.value_labels(), reader.variable_labels(), reader.data_label, reader.time_stamp,
                dict(zip(reader._varlist, reader._typlist)))


def labelled(path: Path, table: str, field: str) -> list[str]:
    """Each row's value of a coded field as a Stata user sees it: the label of its number (None where the
    cell is empty, which Stata holds as missing)."""
    data, value_labels, *_ = read_dta(path)
    variable = stata_variable(field)
    return [None if v != v else value_labels[variable][int(v)] for v in data[variable]]


def test_stata_files_hold_every_row_and_every_field_under_a_valid_name(built):
    for table in TABLES:
        data, value_labels, variable_labels, *_ = read_dta(built / f'{table}.dta')
        assert len(data) == len(data_rows(table)) - 1
        expected = []
        for f in fields(table):
            expected.append(stata_variable(f['name']))
            if stata_variable(f['name']) in value_labels and f['type'] != 'boolean':
                expected.append(f['name'] + '_code')        # the code as text, next to its labelled number
        assert list(data.columns) == expected
        for name in data.columns:
            assert re.fullmatch(r'[A-Za-z_][A-Za-z0-9_]{0,31}', name) and name not in stata_reserved(), name
            assert 0 < len(variable_labels[name]) <= 80, (table, name)
        for f in fields(table):
            label = variable_labels[stata_variable(f['name'])]
            description = ' '.join(f['description'].split())
            assert label == description or (label.endswith('…') and description.startswith(label[:-1])), label


def test_stata_text_is_the_csv_text(built):
    """Every text cell, Chinese included, as the CSV holds it; an empty cell is Stata's empty string."""
    for table in TABLES:
        data, value_labels, *_ = read_dta(built / f'{table}.dta')
        header, *rows = data_rows(table)
        for f in fields(table):
            if f['type'] == 'string':
                name = f['name'] + '_code' if stata_variable(f['name']) in value_labels else f['name']
                assert data[name].tolist() == [row[header.index(f['name'])] for row in rows], (table, name)
    text = data_rows('measures')[1][data_rows('measures')[0].index('text')]
    assert has_chinese(text) and read_dta(built / 'measures.dta')[0]['text'][0] == text


def test_stata_value_labels_are_the_english_labels_of_the_schemas_enums(built):
    checked = 0
    for table in TABLES:
        header, *rows = data_rows(table)
        for f in fields(table):
            if 'enum' in f.get('constraints', {}):
                labels = {value: f['enumLabels'][value]['en'] for value in f['constraints']['enum']}
                assert labelled(built / f'{table}.dta', table, f['name']) == \
                    [labels.get(row[header.index(f['name'])]) for row in rows], (table, f['name'])
                # numbered by their order in the schema, from 1, as the README and the data dictionary say
                assert read_dta(built / f'{table}.dta')[1][stata_variable(f['name'])] == \
                    {number: labels[value] for number, value in enumerate(f['constraints']['enum'], start=1)}
                checked += 1
    assert checked >= 5
    assert set(labelled(built / 'responsibilities.dta', 'responsibilities', 'role')) >= {'Lead', 'Cooperating'}


def test_stata_value_labels_are_the_code_lists_english_labels(built):
    assert {'agency_functions', 'measure_code_lists', 'coding_schemes'} <= set(code_lists())
    functions = {r['function']: r['label_en'] for r in read_rows(ROOT, 'agency_functions')}
    agencies = read_rows(ROOT, 'agencies')
    assert labelled(built / 'agencies.dta', 'agencies', 'function') == [functions[a['function']] for a in agencies]
    assert read_dta(built / 'agencies.dta')[1][stata_variable('function')] == \
        dict(enumerate(functions.values(), start=1))             # numbered by the code list's rows, from 1
    codes = {(r['scheme'], r['code']): r['label_en'] for r in read_rows(ROOT, 'measure_code_lists')}
    schemes = {r['scheme']: r['label_en'] for r in read_rows(ROOT, 'coding_schemes')}
    coded = read_rows(ROOT, 'measure_codes')
    for table in ('measure_codes', 'measure_code_lists'):
        rows = read_rows(ROOT, table)
        assert labelled(built / f'{table}.dta', table, 'code') == [codes[(r['scheme'], r['code'])] for r in rows]
        assert labelled(built / f'{table}.dta', table, 'scheme') == [schemes[r['scheme']] for r in rows]
    trade_secret = [i for i, r in enumerate(coded) if r['code'] == 'trade_secret']
    data, value_labels, *_ = read_dta(built / 'measure_codes.dta')
    assert trade_secret and {value_labels['code'][data['code'][i]] for i in trade_secret} == \
        {codes[('ip_right', 'trade_secret')]}
    # one number for one code in every file, so labelled codes merge across tables
    for table, other in (('agencies', 'agency_functions'), ('measure_codes', 'measure_code_lists')):
        field = 'function' if table == 'agencies' else 'code'
        one, two = read_dta(built / f'{table}.dta'), read_dta(built / f'{other}.dta')
        assert one[1][stata_variable(field)] == two[1][stata_variable(field)]


def test_stata_true_false_is_a_labelled_0_1(built):
    header, *rows = data_rows('responsibilities')
    data, value_labels, _, _, _, types = read_dta(built / 'responsibilities.dta')
    assert data['primary'].tolist() == [{'true': 1, 'false': 0}[row[header.index('primary')]] for row in rows]
    assert value_labels['primary'] == {0: 'false', 1: 'true'}
    assert types['primary'] == 'b'          # byte


def test_stata_numbers_and_dates_are_typed_and_missing_stays_missing(built):
    import pandas as pd
    kinds = {'integer', 'number', 'date'}
    seen = set()
    for table in TABLES:
        data, *_ = read_dta(built / f'{table}.dta')
        header, *rows = data_rows(table)
        for f in fields(table):
            if f['type'] not in kinds:
                continue
            want = [row[header.index(f['name'])] for row in rows]
            got = data[stata_variable(f['name'])].tolist()
            for text, value in zip(want, got):
                if text == '':
                    assert pd.isna(value), (table, f['name'])
                    seen.add('missing ' + f['type'])
                elif f['type'] == 'date':
                    assert value == pd.Timestamp(text), (table, f['name'])
                else:
                    assert value == float(text), (table, f['name'])
    assert {'missing integer', 'missing number', 'missing date'} <= seen
    assert read_dta(built / 'measures.dta')[5]['deadline_date'] == 'd'        # a Stata date (%td)


def test_stata_files_carry_the_table_description_and_the_package_date(built):
    for table in TABLES:
        _, _, _, data_label, time_stamp, _ = read_dta(built / f'{table}.dta')
        description = ' '.join(DESCRIPTOR['resources'][TABLES.index(table)]['description'].split())
        assert 0 < len(data_label) <= 80
        assert data_label == description or (data_label.endswith('…') and description.startswith(data_label[:-1]))
        assert time_stamp == CREATED.strftime('%d %b %Y %H:%M')


def test_pandas_reads_every_stata_file_with_its_labels_as_categories(built):
    import pandas as pd
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        for table in TABLES:
            pd.read_stata(built / f'{table}.dta')
    agencies = pd.read_stata(built / 'agencies.dta')
    functions = {r['function']: r['label_en'] for r in read_rows(ROOT, 'agency_functions')}
    assert list(agencies[stata_variable('function')].astype(str)) == [functions[a['function']] for a in read_rows(ROOT, 'agencies')]


def test_stata_keeps_a_code_missing_from_its_list_and_a_long_text(package, tmp_path):
    edit(package, 'agencies', {'agency_id': read_rows(package, 'agencies')[0]['agency_id']}, function='no_such_function')
    long_text = '长' * 800                      # 2,400 bytes: more than a fixed-width Stata string holds
    edit(package, 'measures', {'measure_id': 'chongqing-rongchang-2021-001'}, text=long_text)
    out = tmp_path / 'out'
    result = run_export(out, package)
    assert result.returncode == 0, result.stderr
    data, value_labels, *_, types = read_dta(out / 'agencies.dta')
    assert data['function_code'][0] == 'no_such_function'
    assert value_labels[stata_variable('function')][data[stata_variable('function')][0]] == 'no_such_function'
    data, *_, types = read_dta(out / 'measures.dta')
    assert data['text'][0] == long_text and types['text'] == 'Q'      # strL


# ---------------------------------------------------------------- LibreOffice

SOFFICE = shutil.which('soffice') or shutil.which('libreoffice')
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason='LibreOffice (soffice) is not installed; '
                                   '.ci/run installs libreoffice-calc-nogui')
# Export as UTF-8 CSV (44 comma, 34 quote, 76 UTF-8); token 12, -1, writes every sheet to FILE-SHEET.csv.
CSV_OUT = 'csv:Text - txt - csv (StarCalc):44,34,76,1'
CSV_OUT_ALL_SHEETS = CSV_OUT + ',,0,false,true,false,false,false,-1'


def soffice_to_csv(files: list[Path], out: Path, profile: Path, infilter: str | None = None,
                   convert_to: str = CSV_OUT) -> None:
    command = [SOFFICE, '--headless', '--norestore', f'-env:UserInstallation={profile.as_uri()}',
               '--convert-to', convert_to, '--outdir', str(out)]
    if infilter:
        command.insert(3, f'--infilter={infilter}')
    result = subprocess.run(command + [str(f) for f in files], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def read_csv_file(path: Path) -> list[list[str]]:
    with open(path, encoding='utf-8', newline='') as handle:
        return list(csv.reader(handle))


@needs_soffice
def test_libreoffice_reads_the_workbook_without_mojibake(built, tmp_path):
    soffice_to_csv([built / f'{NAME}.xlsx'], tmp_path / 'out', tmp_path / 'profile', convert_to=CSV_OUT_ALL_SHEETS)
    for table in TABLES:
        assert read_csv_file(tmp_path / 'out' / f'{NAME}-{table}.csv') == as_spreadsheet_shows(table), table
    dictionary = read_csv_file(tmp_path / 'out' / f'{NAME}-data_dictionary.csv')
    assert [row[5] for row in dictionary[1:]] == [f['description_zh'] for t in TABLES for f in fields(t)]


SPREADSHEET_NUMBER = re.compile(r'\((\d+)\)|(\d+)\.')


def as_spreadsheet_shows(table: str) -> list[list[str]]:
    """The table's rows with true and false as a spreadsheet shows a boolean: TRUE and FALSE."""
    booleans = {i for i, f in enumerate(fields(table)) if f['type'] == 'boolean'}
    return [data_rows(table)[0]] + [[v.upper() if i in booleans else v for i, v in enumerate(row)] for row in data_rows(table)[1:]]


@needs_soffice
def test_libreoffice_reads_the_excel_csv_without_mojibake(built, tmp_path):
    """Headless LibreOffice 7.4 does not take the character set from the BOM (measured: without
    --infilter it reads these files as Latin-1, BOM or not), so the test names UTF-8, as a user
    does in the Text Import dialog. It checks that the BOM is read as a BOM, not as part of the
    first column name; that CRLF ends give one row per record; that every cell survives. The one
    change is the spreadsheet's own: task numbers printed `1.` or `(1)` become the numbers 1 and
    -1 (Excel does the same; the README points to the XLSX for exact text)."""
    sources = [built / f'{t}_excel.csv' for t in TABLES]
    soffice_to_csv(sources, tmp_path / 'out', tmp_path / 'profile', infilter='CSV:44,34,76,1')
    for table in TABLES:
        got, want = read_csv_file(tmp_path / 'out' / f'{table}_excel.csv'), as_spreadsheet_shows(table)
        assert got[0] == want[0]
        assert len(got) == len(want)
        for got_row, want_row in zip(got[1:], want[1:]):
            for column, (value, text) in enumerate(zip(got_row, want_row)):
                number = SPREADSHEET_NUMBER.fullmatch(text)
                if number and value != text:
                    assert value == ('-' + number[1] if number[1] else number[2]), (table, want[0][column], text)
                else:
                    assert value == text, (table, want[0][column])
    plans = read_csv_file(tmp_path / 'out' / 'plans_excel.csv')
    assert has_chinese(plans[1][1])


# ---------------------------------------------------------------- bad input

def test_a_value_of_the_wrong_type_stops_the_export_with_its_location(package, tmp_path):
    line = edit(package, 'measures', {'measure_id': 'chongqing-rongchang-2021-002'}, seq='two')
    result = run_export(tmp_path / 'out', package)
    assert result.returncode == 1
    assert f"data/measures.csv:{line}:seq: 'two' is not an integer" in result.stderr
    assert 'Traceback' not in result.stderr
    assert not (tmp_path / 'out' / 'manifest.json').exists()


def test_a_path_leaving_the_package_is_refused(package, tmp_path):
    descriptor = json.loads((package / 'datapackage.json').read_text(encoding='utf-8'))
    descriptor['sources'].append({'title': 'x', 'path': '../../etc/passwd'})
    (package / 'datapackage.json').write_text(json.dumps(descriptor), encoding='utf-8')
    result = run_export(tmp_path / 'out', package)
    assert result.returncode == 1
    assert "path '../../etc/passwd' leaves the package directory" in result.stderr
    assert 'Traceback' not in result.stderr


def test_a_directory_without_a_package_is_an_unusable_argument(tmp_path):
    result = run_export(tmp_path / 'out', tmp_path / 'nowhere')
    assert result.returncode == 2
    assert 'datapackage.json not found' in result.stderr


def test_help_describes_the_files():
    result = subprocess.run([sys.executable, str(ROOT / 'scripts' / 'export.py'), '--help'],
                            capture_output=True, text=True)
    assert result.returncode == 0
    assert 'TABLE_excel.csv' in result.stdout and 'manifest.json' in result.stdout


def test_every_download_names_the_data_licence(built):
    """What the README's Licences section promises: the licence travels with the files."""
    import pyarrow.parquet as pq
    from openpyxl import load_workbook
    licence = DESCRIPTOR['licenses'][0]['name']
    with zipfile.ZipFile(built / f'{NAME}.zip') as z:
        assert json.loads(z.read('datapackage.json'))['licenses'] == DESCRIPTOR['licenses']
        assert f'license: {licence}' in z.read('CITATION.cff').decode('utf-8')
    about = dict(row[:2] for row in load_workbook(built / f'{NAME}.xlsx')['about'].iter_rows(values_only=True))
    assert licence in about['licence of the data']
    package = dict(sqlite3.connect(built / f'{NAME}.sqlite').execute('SELECT key, value FROM _package'))
    assert json.loads(package['licenses']) == DESCRIPTOR['licenses']
    for table in TABLES:
        assert json.loads(pq.read_schema(built / f'{table}.parquet').metadata[b'licenses']) == DESCRIPTOR['licenses']


def test_a_cell_too_long_for_excel_stops_the_export_with_its_location(package, tmp_path):
    line = edit(package, 'measures', {'measure_id': 'chongqing-rongchang-2021-003'}, text='长' * 32768)
    result = run_export(tmp_path / 'out', package)
    assert result.returncode == 1
    assert f'data/measures.csv:{line}:text: 32,768 characters, more than an Excel cell holds' in result.stderr
    assert 'Traceback' not in result.stderr
