"""What the pages call the fields and their values, read from the schemas: the labels of a field are
its `title` and `title_zh`, those of its allowed values (roles, levels, source types) its enumLabels.
"""
from __future__ import annotations

from ipplans.schema import enum_labels, field_title, label
from ipplans.site.markup import md


def field_label(schema: dict, field: str) -> str:
    """A field's label in a list of facts, English and Chinese: 'Document number 发文字号' (escaped, as
    the schema's other text is, for a page's Markdown and raw HTML)."""
    return md(' '.join(x for x in field_title(schema, field) if x))


def columns(schema: dict, *fields: str) -> list[str]:
    """Column headings for some fields of a table: their English labels (escaped)."""
    return [md(field_title(schema, field)[0]) for field in fields]


def words(value: str) -> str:
    """An allowed value such as government_department as words (for fields whose schema gives no labels)."""
    return value.replace('_', ' ')


def value_words(schema: dict, field: str, value: str) -> str:
    """An allowed value in English: its label from the schema, else the value as words."""
    return enum_labels(schema, field).get(value, {}).get('en') or words(value)


def value_labels(schema: dict, field: str) -> dict[str, str]:
    """Each labelled value of a field → 'English 中文', in the schema's order."""
    return {value: label(schema, field, value) for value in enum_labels(schema, field)}


def caution_values(schema: dict, field: str) -> set[str]:
    """The values readers must be warned about ("caution": true in the schema's enumLabels)."""
    return {value for value, labels in enum_labels(schema, field).items() if labels.get('caution')}
