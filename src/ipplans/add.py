"""Merge a reviewed draft into the package: new rows only, never a changed one, then the checks.

    ipplans add DRAFT_DIR [--package DIR] [--dry-run]

DRAFT_DIR holds CSV files named like the package's tables (plans.csv, measures.csv, …), as
`ipplans ingest` writes them and a contributor has reviewed them. For each row:

  * its key is new to the package: the row is appended to the table, in the draft's order;
  * the package has the same row already: it is skipped (running add twice changes nothing);
  * the package has a different row under the same key: a conflict. Nothing at all is written
    while there is a conflict; each one is listed with the fields that differ, so the
    contributor can rename the draft's row or correct the package's by hand.

Columns are matched by name and written in the schema's order; a draft column the schema does not
have, or a table the package does not have, stops the merge. Existing bytes of data/ are kept as
they are: new rows are appended. Then `ipplans validate` runs on the package and its exit status
is add's (0 valid, 1 invalid or conflicts, 2 unusable arguments). With --dry-run nothing is written.
A package or draft holding a symbolic link or a special file is refused before anything is read
(ipplans.safety); files are read and replaced without following links.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ipplans.csvtable import CSVSyntaxError, csv_bytes, parse_csv
from ipplans.encoding import sniff
from ipplans.package import Package, PackageError, Resource
from ipplans.paths import REPO
from ipplans.safety import read_bytes, refused, write_bytes
from ipplans.text import visible, visible_lines


class DraftError(Exception):
    """The draft cannot be merged as it is; the message names the file and what to do."""


@dataclass
class Merge:
    """What merging the draft would do, table by table."""
    new: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    same: dict[str, int] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)


def read_draft_table(path: Path, resource: Resource) -> list[tuple[int, dict[str, str]]]:
    """The draft's rows of one table with their line numbers, checked against the table's schema."""
    try:
        decoded = sniff(read_bytes(path))
    except OSError as error:
        raise DraftError(f'{path}: cannot be read: {error.strerror}') from None
    if decoded.text is None or decoded.encoding != 'utf-8':
        raise DraftError(f'{path}: not UTF-8 text ({decoded.encoding}); save it as "CSV UTF-8"')
    try:
        table = parse_csv(decoded.text)
    except CSVSyntaxError as error:
        raise DraftError(f'{path}:{error.line}: the CSV does not parse ({error}); a quote is probably not closed') from None
    unknown = [name for name in table.header if name not in resource.field_names]
    if unknown:
        raise DraftError(f'{path}:1: column(s) {", ".join(unknown)} are not fields of table {resource.name} '
                         f'({", ".join(resource.field_names)}); rename or remove them')
    return table.numbered()


def row_key(row: dict[str, str], key: list[str]) -> tuple[str, ...]:
    return tuple(row.get(name, '') for name in key)


def plan(package: Package, draft: Path) -> Merge:
    """Compare every draft table with the package's; nothing is written here."""
    files = sorted(draft.glob('*.csv'))
    unsafe = [entry for entry in map(refused, files) if entry]   # a draft is read like the package: no link, no fifo
    if unsafe:
        raise DraftError('\n'.join(entry.line() for entry in unsafe))
    if not files:
        raise DraftError(f'{draft}: no CSV files here; give the folder ingest wrote the draft into (--out)')
    merge = Merge()
    for path in files:
        resource = package.resources.get(path.stem)
        if resource is None:
            raise DraftError(f'{path}: the package has no table {path.stem!r} '
                             f'(tables: {", ".join(package.table_names)}); rename or remove the file')
        compare(path, resource, read_draft_table(path, resource), merge)
    return merge


def compare(path: Path, resource: Resource, rows: list[tuple[int, dict[str, str]]], merge: Merge) -> None:
    key = resource.primary_key or resource.field_names
    existing = {row_key(row, key): (line, row) for line, row in resource.numbered()}
    seen: dict[tuple[str, ...], int] = {}
    new = merge.new.setdefault(resource.name, [])
    for line, row in rows:
        full = {name: row.get(name, '') for name in resource.field_names}
        ident = row_key(full, key)
        label = ':'.join(ident)
        if ident in seen:
            merge.conflicts.append(f'{path}:{line}: {resource.name} {label} repeats line {seen[ident]} of the draft; '
                                   'give each row its own key')
            continue
        seen[ident] = line
        if ident not in existing:
            new.append(full)
        elif existing[ident][1] == full:
            merge.same[resource.name] = merge.same.get(resource.name, 0) + 1
        else:
            at, old = existing[ident]
            fields = [name for name in resource.field_names if old.get(name, '') != full[name]]
            merge.conflicts.append(f'{path}:{line}: {resource.name} {label} is already {resource.path}:{at} with other '
                                   f'values in {", ".join(fields)}; give the draft row a new key, or correct '
                                   f'{resource.path} by hand if the package is wrong')


def write(package: Package, merge: Merge) -> list[str]:
    """Append the new rows to each table's file; return what was done."""
    done = []
    for name, rows in merge.new.items():
        if not rows:
            continue
        resource = package.resources[name]
        path = package.file(resource.path)
        old = read_bytes(path)
        glue = b'' if not old or old.endswith(b'\n') else b'\n'
        body = csv_bytes(resource.field_names, rows).split(b'\n', 1)[1]   # the rows, without the header
        write_bytes(path, old + glue + body)
        done.append(f'{resource.path}: added {len(rows)} row{"s" if len(rows) != 1 else ""}')
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog='ipplans add', description=__doc__.split('\n\n')[0], epilog=__doc__.split('\n\n', 2)[2],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('draft', type=Path, help='folder with the reviewed draft CSV files')
    parser.add_argument('--package', type=Path, default=REPO, metavar='DIR', help='package directory (default: this repository)')
    parser.add_argument('--dry-run', action='store_true', help='say what would be added; write nothing')
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    if not args.draft.is_dir():
        print(f'add: {args.draft}: not a folder; give the folder ingest wrote the draft into', file=sys.stderr)
        return 2
    try:
        package = Package.load(args.package)
        merge = plan(package, args.draft)
    except (PackageError, DraftError) as error:
        print(visible_lines(f'add: {error}'), file=sys.stderr)
        return 2
    for name, count in merge.same.items():
        print(f'{name}: {count} row{"s" if count != 1 else ""} already in the package, skipped')
    if merge.conflicts:
        print('\n'.join(map(visible, merge.conflicts)))
        print(f'add: {len(merge.conflicts)} conflict{"s" if len(merge.conflicts) != 1 else ""}; nothing was written')
        return 1
    if args.dry_run:
        for name, rows in merge.new.items():
            print(f'{name}: would add {len(rows)} row{"s" if len(rows) != 1 else ""}')
        return 0
    try:
        print('\n'.join(write(package, merge)) or 'nothing new to add')
    except OSError as error:
        print(visible(f'add: {error.filename}: not written: {error.strerror}'), file=sys.stderr)
        return 1
    from ipplans.validate import main as validate   # the same checks as `make validate`
    return validate([str(args.package)])
