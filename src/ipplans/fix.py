"""Fix the mechanical problems of a package's CSV files, printing every change.

    ipplans fix [PACKAGE_DIR] [--check]

What it changes, and nothing else:
  * encoding: GB18030/GBK or UTF-16 files are re-encoded as UTF-8; a UTF-8 byte-order mark is removed;
  * line endings: CRLF and lone CR become LF; the last line gets its newline; blank lines are removed;
  * cells: leading and trailing whitespace is removed; zero-width characters (U+200B–U+200D,
    U+2060, U+FEFF) are removed; non-standard spaces (no-break, en, em, ideographic …) become
    an ordinary space;
  * identifiers (fields whose schema has a pattern): full-width and lookalike characters become
    ASCII (Unicode NFKC, and ‐ ‑ ‒ – — − become -);
  * plans.source_sha256, when empty: the SHA-256 of the archived source the row names (check first
    that the file is the source as received). A recorded hash is never changed: if it no longer
    matches, the validator says what to do.
Cells are otherwise written back exactly. A GB18030 file whose bytes happen to be valid UTF-8 too
(possible for a few short strings) is read as UTF-8; the validator's provenance check then flags it.
Running it twice changes nothing the second time.
With --check it only reports (exit 1 if anything would change). Exit 2 on unusable arguments.
A package holding a symbolic link, a special file or an unexpected file (ipplans.safety) is refused
before anything is read (exit 1); files are read and replaced without following links.
"""
from __future__ import annotations

import argparse
import csv
import io
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

from ipplans.cli import parse_package_args
from ipplans.encoding import sniff
from ipplans.package import Package, PackageError, Resource, UnsafeFiles
from ipplans.safety import read_bytes, write_bytes
from ipplans.schema import identifier_fields
from ipplans.sources import FILE_FIELD, HASH_FIELD, sha256
from ipplans.text import ODD_SPACE, ZERO_WIDTH, visible

# Lookalike dashes in identifiers (NFKC leaves them as they are).
DASHES = str.maketrans({c: '-' for c in '\u2010\u2011\u2012\u2013\u2014\u2212'})
# What reading a file took, by the encoding ipplans.encoding.sniff found in it.
REENCODED = {'utf-16': 're-encoded UTF-16 → UTF-8', 'gb18030': 're-encoded GB18030/GBK → UTF-8'}
REMOVED_BOM = 'removed the UTF-8 byte-order mark'


def quoted(text: str) -> str:
    """Text for a change report, with invisible characters spelled out."""
    out = []
    for char in text:
        if unicodedata.category(char) in ('Cc', 'Cf', 'Zs') and char != ' ':
            out.append(f'\\u{ord(char):04x}')
        else:
            out.append(char)
    return '"' + ''.join(out) + '"'


def fix_cell(value: str, identifier: bool) -> str:
    value = ODD_SPACE.sub(' ', ZERO_WIDTH.sub('', value)).strip()
    if identifier:
        value = unicodedata.normalize('NFKC', value).translate(DASHES)
    return value


def decode(raw: bytes) -> tuple[str, list[str]] | None:
    """The text of a CSV file and what was done to read it, or None if it is not text we can read."""
    decoded = sniff(raw)
    if decoded.text is None:
        return None
    text, notes = decoded.text, [REENCODED[decoded.encoding]] if decoded.encoding in REENCODED else []
    if decoded.bom:                                              # sniff has left it out of the text
        notes.append(REMOVED_BOM)
    elif decoded.encoding == 'gb18030' and text.startswith('\ufeff'):   # GB18030's mark, 84 31 95 33
        text, notes = text[1:], notes + [REMOVED_BOM]
    # A mark left in UTF-16 text (after the one its codec drops) is a zero-width character of the
    # first header cell, which fix_cell removes and reports.
    return text, notes


def resource_identifiers(package: Package, resource: Resource) -> set[str]:
    """The resource's identifier fields; none when its schema cannot be read."""
    try:
        return identifier_fields(package.read_schema(resource))
    except PackageError:
        return set()


HashOf = Callable[[str], 'str | None']   # a source_file → the SHA-256 of its bytes (None: no such file)


def source_hashes(package: Package) -> HashOf:
    """The hash of an archived source the package names, read without following links."""
    def hash_of(rel: str) -> str | None:
        path = package.file(rel)
        try:
            return sha256(read_bytes(path)) if path is not None else None
        except OSError:
            return None
    return hash_of


def csv_files(package_dir: Path) -> list[tuple[Path, set[str], HashOf | None]]:
    """The package's CSV files with their identifier fields, and how to hash the sources a file names
    (all of data/*.csv, without either, if the descriptor is unusable). UnsafeFiles first, when the
    package holds a link, a special file or an unexpected file."""
    try:
        package = Package.open(package_dir)
    except UnsafeFiles:
        raise
    except PackageError:
        files = [(path, set(), None) for path in sorted((package_dir / 'data').glob('*.csv'))]
    else:
        files = [(package.file(r.path), resource_identifiers(package, r), source_hashes(package))
                 for r in package.resources.values() if package.file(r.path) is not None]
    return [(path, ids, hashes) for path, ids, hashes in files if path.is_file()]


def fill_hash(header: list[str], row: list[str], hash_of: HashOf | None) -> str | None:
    """Record the hash of the row's archived source in its empty source_sha256 cell; the new value, or None."""
    if hash_of is None or HASH_FIELD not in header or FILE_FIELD not in header:
        return None
    at, source = header.index(HASH_FIELD), header.index(FILE_FIELD)
    if at >= len(row) or source >= len(row) or row[at] or not row[source]:
        return None
    row[at] = hash_of(row[source]) or ''
    return row[at] or None


def fix_file(path: Path, identifiers: set[str], rel: str, hash_of: HashOf | None = None) -> tuple[bytes | None, list[str]]:
    """The fixed bytes of one CSV file (None if unchanged or unreadable) and the change report."""
    raw = read_bytes(path)
    decoded = decode(raw)
    if decoded is None:
        return None, [f'{rel}: not changed: the file is not text in UTF-8, GB18030 or UTF-16 (binary?); export it again as CSV UTF-8.']
    text, notes = decoded
    changes = [f'{rel}: {note}' for note in notes]
    if text and not text.endswith(('\n', '\r')):
        changes.append(f'{rel}: added the newline at the end of the last line')
    if text.count('"') % 2:
        return None, changes + [f'{rel}: not changed: a double quote is never closed; fix it by hand (the validator shows the line).']
    reader = csv.reader(io.StringIO(text, newline=''))
    records: list[list[str]] = []
    header: list[str] = []
    start = 1
    for record in reader:
        if not record or (len(record) == 1 and not record[0].strip()):
            changes.append(f'{rel}:{start}: removed a blank line')
        elif not header:
            header = [fix_cell(cell, False) for cell in record]
            for cell, fixed in zip(record, header):
                if cell != fixed:
                    changes.append(f'{rel}:{start}:-: header {quoted(cell)} → {quoted(fixed)}')
            records.append(header)
        else:
            fixed_row = []
            for index, cell in enumerate(record):
                field = header[index] if index < len(header) else f'column {index + 1}'
                fixed = fix_cell(cell, field in identifiers)
                if fixed != cell:
                    changes.append(f'{rel}:{start}:{field}: {quoted(cell)} → {quoted(fixed)}')
                fixed_row.append(fixed)
            recorded = fill_hash(header, fixed_row, hash_of)
            if recorded:
                source = fixed_row[header.index(FILE_FIELD)]
                changes.append(f'{rel}:{start}:{HASH_FIELD}: recorded the SHA-256 of {source}, {recorded} '
                               '(check that the file is the source exactly as received)')
            records.append(fixed_row)
        start = reader.line_num + 1
    out = io.StringIO()
    csv.writer(out, lineterminator='\n').writerows(records)
    if text.count('\r') > out.getvalue().count('\r'):
        changes.insert(len(notes), f'{rel}: line endings → LF')
    result = out.getvalue().encode('utf-8')
    return (result if result != raw else None), changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0], epilog=__doc__.split('\n\n', 2)[2],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('package_dir', nargs='?', default='.', help='package directory (default: .)')
    parser.add_argument('--check', action='store_true', help='only report what would change; exit 1 if anything would')
    args, status = parse_package_args(parser, argv, 'give the package directory (the one holding datapackage.json).')
    if args is None:
        return status
    package_dir = Path(args.package_dir)
    try:
        files = csv_files(package_dir)
    except UnsafeFiles as error:
        print(f'fix: nothing read, nothing changed:\n{error}', file=sys.stderr)
        return 1
    changed = 0
    for path, identifiers, hashes in files:
        rel = path.relative_to(package_dir).as_posix()
        try:
            result, changes = fix_file(path, identifiers, rel, hashes)
        except OSError as error:
            print(visible(f'{rel}: not changed: {error.strerror}'), file=sys.stderr)
            continue
        for line in changes:
            print(visible(line))
        if result is not None:
            changed += 1
            if not args.check:
                write_bytes(path, result)
    verb = 'would change' if args.check else 'changed'
    print(f'{verb} {changed} file{"s" if changed != 1 else ""}' if changed else 'nothing to fix')
    return 1 if (args.check and changed) else 0


if __name__ == '__main__':
    sys.exit(main())
