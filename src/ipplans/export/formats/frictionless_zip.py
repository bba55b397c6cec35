"""The whole Frictionless package as one zip: datapackage.json at its root, with each table's
bytes and hash ("sha256:HEX", as frictionless v5 writes it), and every file the package names."""
from __future__ import annotations

import copy
import hashlib
import json

from ipplans.export.load import TypedPackage
from ipplans.export.shared import Download, ExportError, write_zip, zip_time
from ipplans.paths import safe_relative
from ipplans.safety import read_bytes

FILES = 'NAME.zip'
ABOUT = ('the whole Frictionless package; its datapackage.json gives every resource\'s bytes and hash '
         '("sha256:HEX", as frictionless v5 writes it)')

# Files of the repository that travel in the zip when they exist, so the zip alone says how to
# cite it and under which licence.
PACKAGE_EXTRAS = ('README.md', 'CHANGELOG.md', 'CITATION.cff', 'LICENSE')


def package_zip_bytes(typed: TypedPackage) -> bytes:
    """The zip; datapackage.json first, then every other member by name."""
    root = typed.package.dir
    descriptor = copy.deepcopy(typed.descriptor)
    members: dict[str, bytes] = {}

    def add(path: str) -> bytes:
        member = safe_relative(path)
        if member is None:
            raise ExportError(f'datapackage.json: path {path!r} leaves the package directory')
        name = str(member)
        if name not in members:
            try:
                members[name] = read_bytes(root / name)   # never through a link (ipplans.safety)
            except OSError as exc:
                raise ExportError(f'{name}: cannot be read: {exc.strerror}') from None
        return members[name]

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
        for path in sorted(sources_dir.iterdir()):   # the layout allows no subfolder (ipplans.safety)
            add(path.relative_to(root).as_posix())
    for extra in PACKAGE_EXTRAS:
        if (root / extra).is_file():
            add(extra)
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + '\n'
    ordered = [('datapackage.json', text.encode('utf-8'))] + sorted(members.items())
    return write_zip(ordered, zip_time(typed.descriptor))


def downloads(typed: TypedPackage) -> list[Download]:
    version = typed.descriptor.get('version', '')
    return [Download(f'{typed.name}.zip', f'The whole Frictionless data package, version {version}: datapackage.json '
                     '(with each file\'s bytes and sha256 hash), data/, data/sources/, schemas/.',
                     None, lambda: package_zip_bytes(typed))]
