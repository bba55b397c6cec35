"""What the download formats share: the Download entry, the error that stops an export,
deterministic zip writing (the zip, the workbook), and a field's constraints in words (the
workbook's data dictionary, the SQLite _fields table, the Parquet field metadata)."""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from typing import Callable

from ipplans.package import Resource

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)   # the earliest time a zip entry can carry


class ExportError(Exception):
    """The package cannot be exported; the message says where and why."""


@dataclass
class Download:
    """One file of the downloads, as the manifest lists it; `build` makes its bytes."""
    file: str
    description: str
    table: str | None      # the one table the file holds; None for a file of the whole package
    build: Callable[[], bytes]


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


def constraint_text(res: Resource, field: dict) -> str:
    """The field's constraints and keys in words, for the data dictionary and the _fields table."""
    name = field['name']
    parts = []
    primary = res.primary_key
    if name in primary:
        parts.append('primary key' if len(primary) == 1 else f'primary key ({", ".join(primary)})')
    for fields, table, ref_fields in res.foreign_keys:
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
