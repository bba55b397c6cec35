"""Code lists: which fields of a table hold codes, and each code's labels and definition, read from
their one home (the schemas and the code-list tables), never restated in code.

A field is coded when
- its schema constrains it to an `enum`: its codes are the enum's values in the schema's order,
  labelled by the field's `enumLabels` (a value without labels is its own label);
- it is the code of a code-list table, or refers to one through a foreign key. A code list is a
  table whose schema has the fields `label_en` and `label_zh` (agency_functions, coding_schemes,
  measure_code_lists); its codes are its rows, in table order, with their labels and `definition`.
  The code is the last field of its primary key; an earlier key field (measure_code_lists.scheme)
  is itself coded when it refers to another code list (coding_schemes). A code of a composite key
  is identified by all its fields: measure_codes.code by (scheme, code).

The Stata download numbers codes by their position here and labels the numbers; the data
dictionary lists every code list with its labels.
"""
from __future__ import annotations

from dataclasses import dataclass

from ipplans.package import Package, Resource

LABEL_FIELDS = ('label_en', 'label_zh')   # the fields that make a table a code list


@dataclass(frozen=True)
class Code:
    key: tuple[str, ...]      # the values that identify the code: (code,), or (scheme, code) for a composite key
    label_en: str
    label_zh: str
    definition: str = ''

    @property
    def value(self) -> str:
        return self.key[-1]


@dataclass(frozen=True)
class CodeList:
    fields: tuple[str, ...]   # the fields of the coded table that identify a code; the coded field last
    table: str | None         # the code-list table the codes come from; None for an enum
    codes: tuple[Code, ...]

    def numbers(self) -> dict[tuple[str, ...], int]:
        """Each code's key → its position in the list, from 1."""
        return {code.key: number for number, code in enumerate(self.codes, start=1)}


def is_code_list(resource: Resource | None) -> bool:
    return resource is not None and set(LABEL_FIELDS) <= set(resource.field_names) and bool(resource.primary_key)


def enum_list(spec: dict) -> CodeList:
    labels = spec.get('enumLabels', {}) or {}
    codes = []
    for value in spec['constraints']['enum']:
        own = labels.get(value, {})
        codes.append(Code((str(value),), own.get('en', '') or str(value), own.get('zh', '')))
    return CodeList((spec['name'],), None, tuple(codes))


def table_list(resource: Resource) -> CodeList:
    key = tuple(resource.primary_key)
    return CodeList(key, resource.name, tuple(
        Code(tuple(row.get(k, '') for k in key), row.get('label_en', ''), row.get('label_zh', ''),
             row.get('definition', '')) for row in resource.rows))


def code_list(package: Package, table: str, field: str, seen: frozenset[str] = frozenset()) -> CodeList | None:
    """The codes of one field of a table, or None when the field is not coded."""
    resource = package.resources.get(table)
    if resource is None or table in seen:
        return None
    spec = resource.docs.get(field, {})
    if 'enum' in (spec.get('constraints') or {}):
        return enum_list(spec)
    if is_code_list(resource) and resource.primary_key[-1] == field:
        return table_list(resource)
    for fields, ref, ref_fields in resource.foreign_keys:
        if field not in fields or ref == table or not is_code_list(package.resources.get(ref)):
            continue
        found = code_list(package, ref, ref_fields[fields.index(field)], seen | {table})
        back = dict(zip(ref_fields, fields))
        if found is not None and all(f in back for f in found.fields):
            return CodeList(tuple(back[f] for f in found.fields), found.table, found.codes)
    return None


def coded_fields(package: Package, table: str) -> dict[str, CodeList]:
    """Every coded field of a table, in field order, with its codes."""
    resource = package.resources.get(table)
    found = {}
    for name in resource.field_names if resource else []:
        codes = code_list(package, table, name)
        if codes is not None:
            found[name] = codes
    return found
