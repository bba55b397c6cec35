"""Shared helpers: reading the package, its schemas and its CSV files, text normalisation."""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository: src/ipplans/common.py

# Order in which tables are documented, exported and checked.
TABLES = ['plans', 'measures', 'responsibilities', 'agencies', 'agency_aliases',
          'targets', 'members', 'citations', 'curation_notes']


def compact(text: str) -> str:
    """Form used to compare text with its source: NFKC, every whitespace removed.

    Sources mix full- and half-width punctuation and pad text with layout
    spaces (en spaces, NBSP, runs of blanks); none of that changes the words.
    Used for comparison only, never for storing.
    """
    return re.sub(r'\s+', '', unicodedata.normalize('NFKC', text))


_CN_DIGITS = {'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5,
              '六': 6, '七': 7, '八': 8, '九': 9}


def chinese_numeral(text: str) -> int | None:
    """Value of a Chinese numeral below 100 (一, 十, 十四, 二十三); None if it is not one."""
    if not text or any(c not in _CN_DIGITS and c != '十' for c in text):
        return None
    if '十' not in text:
        return _CN_DIGITS[text] if len(text) == 1 else None
    tens, _, units = text.partition('十')
    if len(tens) > 1 or len(units) > 1:
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def number_value(printed: str) -> int | None:
    """Value of a task number as printed: 1, 1., 1、, (1), （一）, 一、 → 1."""
    core = unicodedata.normalize('NFKC', printed).strip().strip('()（）.、．').strip()
    if core.isdigit():
        return int(core)
    return chinese_numeral(core)


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding='utf-8'))


def load_descriptor(package_dir: Path) -> dict:
    return load_json(package_dir / 'datapackage.json')


def load_schema(package_dir: Path, resource: dict) -> dict:
    schema = resource.get('schema')
    if isinstance(schema, str):
        return load_json(package_dir / schema)
    return schema or {}


def resources_by_name(descriptor: dict) -> dict[str, dict]:
    return {r['name']: r for r in descriptor.get('resources', []) if isinstance(r, dict) and 'name' in r}


@dataclass
class Table:
    """A CSV table as read by us: header, rows as dicts, and each row's line number (header = 1)."""
    header: list[str]
    rows: list[dict[str, str]]
    lines: list[int]


class CSVSyntaxError(ValueError):
    """A CSV file that does not parse; `line` is where the broken record starts (header = 1)."""
    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line


def parse_csv(text: str) -> Table:
    reader = csv.reader(io.StringIO(text, newline=''), strict=True)
    header: list[str] = []
    rows: list[dict[str, str]] = []
    lines: list[int] = []
    start = 1
    records = iter(reader)
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except csv.Error as error:
            raise CSVSyntaxError(str(error), start) from None
        if not header:
            header = record
        elif not record:
            pass  # a blank line: no row (the validator reports it)
        else:
            rows.append(dict(zip(header, record + [''] * (len(header) - len(record)))))
            lines.append(start)
        start = reader.line_num + 1
    return Table(header, rows, lines)


def read_table(package_dir: Path, resource: dict) -> Table:
    raw = (package_dir / resource['path']).read_bytes()
    return parse_csv(raw.decode('utf-8-sig'))


def load_tables(package_dir: Path = ROOT) -> dict[str, list[dict[str, str]]]:
    """Every table of a valid package as a list of row dicts (strings, as stored)."""
    descriptor = load_descriptor(package_dir)
    return {r['name']: read_table(package_dir, r).rows for r in descriptor['resources']}


def as_list(names: str | list[str]) -> list[str]:
    """A Table Schema key, which may be one field name or a list of them, as a list."""
    return [names] if isinstance(names, str) else list(names)


def primary_key(schema: dict) -> list[str]:
    return as_list(schema.get('primaryKey', []) or [])


def foreign_keys(schema: dict) -> list[tuple[list[str], str, list[str]]]:
    """(fields, referenced table, referenced fields) of each foreign key; '' is the table itself."""
    keys = []
    for key in schema.get('foreignKeys', []) or []:
        reference = key.get('reference', {})
        keys.append((as_list(key.get('fields', [])), reference.get('resource', ''), as_list(reference.get('fields', []))))
    return keys


def field_docs(schema: dict) -> dict[str, dict]:
    return {f['name']: f for f in schema.get('fields', []) if isinstance(f, dict) and 'name' in f}


def parse_package_args(parser: argparse.ArgumentParser, argv: list[str] | None, missing: str) -> tuple[argparse.Namespace | None, int]:
    """Parse the arguments of a command whose first argument is a package directory.

    Returns (arguments, 0), or (None, exit status) after --help (0) or unusable arguments (2):
    an unknown option, or a package directory that does not exist (`missing` says what to give).
    """
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return None, 0 if exit_.code == 0 else 2
    if not Path(args.package_dir).is_dir():
        print(f'{args.package_dir}: not a directory: {missing}', file=sys.stderr)
        return None, 2
    return args, 0


# --- the built site's search index (scripts/site.py runs Pagefind) --------------------------------

def read_search_index(site_dir: Path) -> list[dict]:
    """What Pagefind indexed: one entry per page (url, content, meta, anchors), read from its
    gzip-compressed fragment files. Pagefind puts a word break (U+200B) between the words it
    segments; it is removed from the content here, so the content reads as the page does."""
    entries = []
    for path in sorted((site_dir / 'pagefind' / 'fragment').glob('*.pf_fragment')):
        raw = gzip.decompress(path.read_bytes())
        entry = json.loads(raw.removeprefix(b'pagefind_dcd'))
        entry['content'] = entry['content'].replace('\u200b', '')
        entries.append(entry)
    return entries


def search_index_bytes(site_dir: Path) -> int:
    """Bytes of the index files a browser may fetch (word index, page fragments, metadata),
    not Pagefind's scripts and styles, whose size does not depend on the site."""
    return sum(p.stat().st_size for p in (site_dir / 'pagefind').rglob('*')
               if p.is_file() and p.suffix in ('.pf_index', '.pf_fragment', '.pf_meta', '.pf_filter'))
