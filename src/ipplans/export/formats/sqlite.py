"""One SQLite database: every table with its declared types, keys, NOT NULL and allowed values,
and the field descriptions in _fields and as comments in the schema (sqlite3's .schema shows them)."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
import tempfile
from pathlib import Path

from ipplans.export.load import TypedPackage
from ipplans.export.shared import Download, constraint_text
from ipplans.package import Resource
from ipplans.schema import TYPES

FILES = 'NAME.sqlite'
ABOUT = ('one SQLite database: declared types, PRIMARY/FOREIGN KEY constraints, field descriptions '
         'in the _fields table (and as comments in the schema)')

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


def sql_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sql_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def column_sql(field: dict, primary: list[str]) -> str:
    name = field['name']
    column = f'{sql_name(name)} {TYPES[field.get("type", "string")].sql}'
    rules = field.get('constraints', {})
    if rules.get('required'):
        column += ' NOT NULL'
    if rules.get('unique') and primary != [name]:
        column += ' UNIQUE'
    if 'enum' in rules:
        column += f' CHECK ({sql_name(name)} IN ({", ".join(sql_literal(str(v)) for v in rules["enum"])}))'
    return column


def create_table_sql(res: Resource) -> str:
    items = [(column_sql(field, res.primary_key), field.get('description', '')) for field in res.fields]
    if res.primary_key:
        items.append((f'PRIMARY KEY ({", ".join(map(sql_name, res.primary_key))})', ''))
    for fields, table, ref_fields in res.foreign_keys:
        items.append((f'FOREIGN KEY ({", ".join(map(sql_name, fields))}) '
                      f'REFERENCES {sql_name(table)} ({", ".join(map(sql_name, ref_fields))})', ''))
    body = []
    for index, (text, comment) in enumerate(items):
        comma = ',' if index < len(items) - 1 else ''
        body.append(f'  {text}{comma}' + (f'  -- {" ".join(comment.split())}' if comment else ''))
    return f'CREATE TABLE {sql_name(res.name)} (\n' + '\n'.join(body) + '\n)'


def insert_table(con: sqlite3.Connection, typed: TypedPackage, res: Resource, position: int) -> None:
    """The table, its rows, an index per foreign key, and its rows of _tables and _fields."""
    rows = typed.rows[res.name]
    con.execute(create_table_sql(res))
    placeholders = ', '.join('?' for _ in res.fields)
    con.executemany(f'INSERT INTO {sql_name(res.name)} VALUES ({placeholders})',
                    [[v.isoformat() if isinstance(v, dt.date) else v for v in row] for row in rows])
    for fields, _, _ in res.foreign_keys:
        con.execute(f'CREATE INDEX {sql_name(res.name + "__" + "__".join(fields))} '
                    f'ON {sql_name(res.name)} ({", ".join(map(sql_name, fields))})')
    con.execute('INSERT INTO _tables VALUES (?, ?, ?, ?, ?)',
                (res.name, position, len(rows), res.schema.get('description'), res.schema.get('description_zh')))
    con.executemany('INSERT INTO _fields VALUES (?, ?, ?, ?, ?, ?, ?)',
                    [(res.name, i, f['name'], f.get('type', 'string'), constraint_text(res, f),
                      f.get('description'), f.get('description_zh'))
                     for i, f in enumerate(res.fields, start=1)])


def sqlite_bytes(typed: TypedPackage) -> bytes:
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / 'package.sqlite'
        con = sqlite3.connect(path, isolation_level=None)
        try:
            con.execute('PRAGMA journal_mode = OFF')
            con.execute('PRAGMA page_size = 4096')
            con.executescript(META_SQL)
            con.execute('BEGIN')
            d = typed.descriptor
            meta = {'name': d['name'], 'title': d.get('title', ''), 'version': d.get('version', ''),
                    'created': d.get('created', ''), 'description': d.get('description', ''),
                    'licenses': json.dumps(d.get('licenses', []), ensure_ascii=False)}
            con.executemany('INSERT INTO _package VALUES (?, ?)', sorted(meta.items()))
            for position, res in enumerate(typed.resources, start=1):
                insert_table(con, typed, res, position)
            con.execute('COMMIT')
            con.execute('VACUUM')
        finally:
            con.close()
        return path.read_bytes()


def downloads(typed: TypedPackage) -> list[Download]:
    return [Download(f'{typed.name}.sqlite', f'All {len(typed.resources)} tables in one SQLite database with primary '
                     'and foreign keys; field descriptions in the _fields table.', None, lambda: sqlite_bytes(typed))]
