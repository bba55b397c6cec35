"""The package as the downloads read it: every table read through ipplans.package, checked
against its schema and typed once, for every format to share."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ipplans.package import Package, PackageError, Resource
from ipplans.paths import safe_relative
from ipplans.schema import TYPES
from ipplans.export.shared import ExportError

# A table's name names its download files (TABLE.csv …).
TABLE_NAME = re.compile(r'[a-z0-9][a-z0-9_.-]*')


@dataclass
class TypedPackage:
    """The package with each table's rows as typed values in field order (None where empty)."""
    package: Package
    rows: dict[str, list[list]]

    @property
    def resources(self) -> list[Resource]:
        return list(self.package.resources.values())

    @property
    def descriptor(self) -> dict:
        return self.package.descriptor

    @property
    def name(self) -> str:
        return self.package.name


def check_names(package: Package) -> None:
    if not package.descriptor.get('name'):
        raise ExportError('datapackage.json: the package has no name')
    entries = package.descriptor['resources']
    for number, entry in enumerate(entries):
        if not TABLE_NAME.fullmatch(entry['name']):
            raise ExportError(f'datapackage.json: resource {number} needs a path (one file) and a name '
                              'of lowercase letters, digits, _ . - (it names the download files)')
    if len(package.resources) < len(entries):
        raise ExportError('datapackage.json: two resources have the same name (it names the download files)')


def typed_rows(resource: Resource, problems: list[str]) -> list[list] | None:
    """The resource's rows typed, or None after adding to `problems` why they cannot be."""
    where = str(safe_relative(resource.path))
    unknown = sorted({f.get('type', 'string') for f in resource.fields} - set(TYPES))
    if unknown:
        problems.append(f'{where}:-:-: field types {unknown} are not supported by the exporter')
        return None
    if resource.table.header != resource.field_names:
        problems.append(f'{where}:1:-: header {resource.table.header} differs from the schema fields '
                        f'{resource.field_names}')
        return None
    rows, cells = resource.typed()
    problems += [f'{where}:{line}:{field}: {why}' for line, field, why in cells]
    return rows


def load(package_dir: Path) -> TypedPackage:
    """The package, every table typed; ExportError naming every cell that does not type."""
    try:
        package = Package.load(package_dir)
    except PackageError as error:
        raise ExportError(str(error)) from None
    check_names(package)
    problems: list[str] = []
    rows = {resource.name: typed_rows(resource, problems) for resource in package.resources.values()}
    if problems:
        raise ExportError('\n'.join(problems + ['run scripts/validate.py for the full report']))
    return TypedPackage(package, rows)
