"""Each table exactly as the package stores it."""
from __future__ import annotations

from ipplans.export.load import TypedPackage
from ipplans.export.shared import Download
from ipplans.safety import read_bytes

FILES = 'TABLE.csv'
ABOUT = 'each table as stored in data/ (UTF-8, LF line ends), byte for byte'


def downloads(typed: TypedPackage) -> list[Download]:
    return [Download(f'{res.name}.csv', f'Table {res.name}, CSV (UTF-8, as in the package): {res.description}',
                     res.name, lambda res=res: read_bytes(typed.package.file(res.path)))
            for res in typed.resources]
