"""The package as every tool reads it.

One model for the validator, the fixer, the exports, the site and ingest: the descriptor, its
resources in descriptor order, each with its schema and its rows (as stored, with their CSV line
numbers, and typed on demand), the archived sources, and the one rule for paths inside the package.

`Package.load` is strict: anything that keeps a table from being read raises PackageError with a
message naming the file and what to do. The validator builds a Package step by step instead
(see ipplans.validate), so that it can report every problem rather than stop at the first.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ipplans.csvtable import CSVSyntaxError, Table, parse_csv
from ipplans.paths import safe_relative
from ipplans.safety import Entry, read_bytes, unsafe_entries
from ipplans.schema import field_docs, foreign_keys, primary_key, typed_value


class PackageError(Exception):
    """The package cannot be read; the message says which file and why."""


class UnsafeFiles(PackageError):
    """The package holds a symbolic link, a special file or a file the layout does not allow
    (ipplans.safety): no tool reads it. The message names each entry and what to do."""
    def __init__(self, entries: list[Entry]):
        super().__init__('\n'.join(entry.line() for entry in entries))
        self.entries = entries


def check_files(directory: Path) -> None:
    """Raise UnsafeFiles when the package holds anything no tool may read (nothing is opened)."""
    found = unsafe_entries(directory)
    if found:
        raise UnsafeFiles(found)


def read_json(path: Path) -> object:
    """A JSON file (UTF-8, a byte-order mark allowed)."""
    return json.loads(read_bytes(path).decode('utf-8-sig'))


# What the tools need of the descriptor and the schemas before they can read anything (the
# validator reports each one that fails; Package.load stops at the first).
def is_descriptor(value: object) -> bool:
    """A JSON object with a "resources" list."""
    return isinstance(value, dict) and isinstance(value.get('resources'), list)


def is_resource_entry(value: object) -> bool:
    """A resource entry with a "name" and a "path" (strings)."""
    return isinstance(value, dict) and isinstance(value.get('name'), str) and isinstance(value.get('path'), str)


def is_schema(value: object) -> bool:
    """A Table Schema with a list of named fields."""
    return isinstance(value, dict) and isinstance(value.get('fields'), list) and \
        all(isinstance(f, dict) and isinstance(f.get('name'), str) for f in value['fields'])


@dataclass
class Resource:
    """One table: its descriptor entry, its schema and its rows (None until read, or if unreadable)."""
    name: str
    entry: dict
    schema: dict | None = None
    table: Table | None = None

    @property
    def path(self) -> str:
        return self.entry['path']

    @property
    def fields(self) -> list[dict]:
        return (self.schema or {}).get('fields', [])

    @property
    def field_names(self) -> list[str]:
        return [f['name'] for f in self.fields]

    @property
    def docs(self) -> dict[str, dict]:
        return field_docs(self.schema or {})

    @property
    def primary_key(self) -> list[str]:
        return primary_key(self.schema or {})

    @property
    def foreign_keys(self) -> list[tuple[list[str], str, list[str]]]:
        """(fields, referenced table, referenced fields), the table named even where the schema
        writes '' for a key into the table itself."""
        return [(fields, table or self.name, ref) for fields, table, ref in foreign_keys(self.schema or {})]

    @property
    def description(self) -> str:
        return (self.schema or {}).get('description') or self.entry.get('description', '')

    @property
    def rows(self) -> list[dict[str, str]]:
        return self.table.rows if self.table else []

    def numbered(self) -> list[tuple[int, dict[str, str]]]:
        """(CSV line, row) pairs."""
        return self.table.numbered() if self.table else []

    def typed(self) -> tuple[list[list], list[tuple[int, str, str]]]:
        """Rows as typed values in field order, and the cells that do not type: (line, field, why)."""
        missing = set((self.schema or {}).get('missingValues', ['']))
        rows, problems = [], []
        for line, row in self.numbered():
            values = []
            for spec in self.fields:
                try:
                    values.append(typed_value(spec, row.get(spec['name'], ''), missing))
                except ValueError as error:
                    problems.append((line, spec['name'], str(error)))
                    values.append(None)
            rows.append(values)
        return rows, problems


@dataclass
class Package:
    dir: Path
    descriptor: dict
    resources: dict[str, Resource] = field(default_factory=dict)   # in descriptor order

    # -- reading ------------------------------------------------------------------------------
    @classmethod
    def open(cls, directory: Path) -> Package:
        """The descriptor and its resource entries, nothing else read yet; UnsafeFiles before anything
        is read when the package holds a link, a special file or a file it should not."""
        check_files(directory)
        path = directory / 'datapackage.json'
        if not path.is_file():
            raise PackageError(f'{directory}: no datapackage.json here; give the package directory')
        try:
            descriptor = read_json(path)
        except (ValueError, UnicodeDecodeError, RecursionError) as error:
            raise PackageError(f'{path}: not valid JSON ({error})') from None
        if not is_descriptor(descriptor):
            raise PackageError(f'{path}: the descriptor must be a JSON object with a "resources" list')
        package = cls(directory, descriptor)
        for number, entry in enumerate(descriptor['resources']):
            if not is_resource_entry(entry):
                raise PackageError(f'datapackage.json: resource {number} needs a "name" and a "path" (strings)')
            package.resources[entry['name']] = Resource(entry['name'], entry)
        return package

    @classmethod
    def load(cls, directory: Path) -> Package:
        """The whole package, every schema and table read; PackageError on the first problem."""
        package = cls.open(directory)
        for resource in package.resources.values():
            resource.schema = package.read_schema(resource)
            resource.table = package.read_table(resource)
        return package

    def file(self, rel: object) -> Path | None:
        """The file a path in the package names, or None when the path would leave the package."""
        pure = safe_relative(rel)
        return None if pure is None else self.dir / pure

    def read_schema(self, resource: Resource) -> dict:
        schema = resource.entry.get('schema')
        if isinstance(schema, dict):
            loaded = schema
        else:
            path = self.file(schema)
            if path is None or not path.is_file():
                raise PackageError(f'resource {resource.name}: its schema file {schema!r} does not exist')
            try:
                loaded = read_json(path)
            except (ValueError, UnicodeDecodeError, RecursionError) as error:
                raise PackageError(f'{schema}: not valid JSON ({error})') from None
        if not is_schema(loaded):
            raise PackageError(f'{schema if isinstance(schema, str) else "datapackage.json"}: '
                               f'the schema of resource {resource.name} needs a list of named fields')
        return loaded

    def read_table(self, resource: Resource) -> Table:
        path = self.file(resource.path)
        if path is None:
            raise PackageError(f'datapackage.json: path {resource.path!r} leaves the package directory')
        try:
            text = read_bytes(path).decode('utf-8-sig')
            return parse_csv(text)
        except OSError as error:
            raise PackageError(f'{resource.path}: cannot be read: {error.strerror}') from None
        except UnicodeDecodeError:
            raise PackageError(f'{resource.path}: not UTF-8 text; run `ipplans validate` for details') from None
        except CSVSyntaxError as error:
            raise PackageError(f'{resource.path}:{error.line}: the CSV does not parse ({error}); '
                               'run `ipplans validate` for details') from None

    # -- what the tools ask ---------------------------------------------------------------------
    @property
    def name(self) -> str:
        return str(self.descriptor.get('name', ''))

    @property
    def version(self) -> str:
        return str(self.descriptor.get('version', ''))

    @property
    def table_names(self) -> list[str]:
        return list(self.resources)

    def tables(self) -> dict[str, list[dict[str, str]]]:
        """Every table's rows as stored, by table name."""
        return {name: resource.rows for name, resource in self.resources.items()}

    def rows(self, name: str) -> list[dict[str, str]]:
        """The rows of a table as stored (strings); [] for a table the package lacks."""
        resource = self.resources.get(name)
        return resource.rows if resource else []

    def schema(self, name: str) -> dict:
        resource = self.resources.get(name)
        return (resource.schema or {}) if resource else {}

    def source_file(self, plan: dict[str, str]) -> Path | None:
        """The plan's archived raw text, when its path stays in the package and the file exists."""
        path = self.file(plan.get('source_file', ''))
        return path if path is not None and path.is_file() else None


def load_for_command(prog: str, directory: Path) -> Package | None:
    """The package for a command line tool, or None after printing why it cannot be read (exit status 2)."""
    try:
        return Package.load(directory)
    except PackageError as error:
        print(f'{prog}: {error}', file=sys.stderr)
        return None
