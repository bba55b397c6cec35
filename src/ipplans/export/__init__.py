"""Write the downloads: every table in every format researchers use, and a manifest.

    ipplans export --out DIR [--package DIR]      (or python scripts/export.py …)

Writes into DIR (created if missing), from the package in --package (default: this repository),
the files of each format in ipplans.export.formats:

{formats}
  manifest.json      [{"file", "bytes", "sha256", "description", "table"}], sorted by file name;
                     "table" is the one table a file holds, null for a file of the whole package

TABLE is each table's name, NAME the package's name in datapackage.json. The same input always
gives byte-identical files: rows keep their order in data/, zip entries carry the package's
`created` date, and no build time is written anywhere. Field descriptions are read from
schemas/, never restated here.

Exit status: 0 written, 1 the package cannot be exported (every problem is printed as
PATH:ROW:FIELD: message), 2 unusable arguments.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import textwrap
from pathlib import Path

from ipplans.export.formats import FORMATS
from ipplans.export.load import TypedPackage, load
from ipplans.export.shared import Download, ExportError
from ipplans.paths import REPO
from ipplans.text import visible_lines

__all__ = ['Download', 'ExportError', 'FORMATS', 'downloads', 'export', 'main']


def downloads(typed: TypedPackage) -> list[Download]:
    """Every file of every format, in the order of FORMATS."""
    return [item for fmt in FORMATS for item in fmt.downloads(typed)]


def previous_files(out: Path) -> set[str]:
    """Files the last export listed in its manifest (only those may be removed as stale)."""
    try:
        return {item['file'] for item in json.loads((out / 'manifest.json').read_text(encoding='utf-8'))
                if '/' not in item['file'] and '\\' not in item['file']}
    except (OSError, ValueError, TypeError, KeyError):
        return set()


def export(package_dir: Path, out: Path) -> list[dict]:
    """Write every download and manifest.json into `out`; return the manifest."""
    files = [(item, item.build()) for item in downloads(load(package_dir))]   # all built before any is written
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


def help_text() -> str:
    """The module's documentation with each format's files and what they hold."""
    lines = [textwrap.fill(fmt.ABOUT, 95, initial_indent=f'  {fmt.FILES:<18} ', subsequent_indent=' ' * 21)
             for fmt in FORMATS]
    return __doc__.replace('{formats}', '\n'.join(lines))


def main(argv: list[str] | None = None) -> int:
    summary, rest = help_text().split('\n\n', 1)
    parser = argparse.ArgumentParser(description=summary, epilog=rest,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--out', required=True, type=Path, help='directory to write the downloads into')
    parser.add_argument('--package', type=Path, default=REPO, help='package directory (default: this repository)')
    args = parser.parse_args(argv)
    if not (args.package / 'datapackage.json').is_file():
        print(f'export: {args.package}/datapackage.json not found: --package must be a package directory',
              file=sys.stderr)
        return 2
    try:
        manifest = export(args.package, args.out)
    except ExportError as exc:
        print(visible_lines(exc), file=sys.stderr)
        print('export: stopped; fix the problems above', file=sys.stderr)
        return 1
    total = sum(item['bytes'] for item in manifest)
    for item in manifest:
        print(f'{item["bytes"]:>10,}  {args.out / item["file"]}')
    print(f'wrote {len(manifest)} files, {total:,} bytes, and manifest.json to {args.out}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
