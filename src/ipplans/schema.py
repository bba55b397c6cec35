"""Facts read from Table Schemas: keys, field documentation, labels of fields and of allowed values,
and the one map of the field types the tools handle (how each is typed, stored in SQLite and Arrow,
named in messages)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


# A key of several fields written as one value: curation_notes.row_key, retired_ids.old_id, the diff's row keys.
KEY_SEPARATOR = ':'


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


def identifier_fields(schema: dict) -> set[str]:
    """Fields holding identifiers or codes: those whose schema constrains them by a pattern."""
    return {f['name'] for f in field_docs(schema).values()
            if isinstance(f.get('constraints'), dict) and f['constraints'].get('pattern')}


def translations(schema: dict) -> dict[str, str]:
    """Fields holding the curators' English of another field ("translationOf"): {english field: its source field}."""
    return {f['name']: f['translationOf'] for f in field_docs(schema).values() if isinstance(f.get('translationOf'), str)}


def field_title(schema: dict, field: str) -> tuple[str, str]:
    """A field's labels (English, Chinese): its "title" and "title_zh"; the field's name and '' when it has none."""
    doc = field_docs(schema).get(field, {})
    return doc.get('title') or field, doc.get('title_zh', '')


def enum_labels(schema: dict, field: str) -> dict[str, dict[str, str]]:
    """The labels of a field's allowed values ({value: {"en": …, "zh": …}}, from "enumLabels")."""
    return field_docs(schema).get(field, {}).get('enumLabels', {}) or {}


def label(schema: dict, field: str, value: str) -> str:
    """An allowed value as 'English 中文' (its labels), or the value itself when it has none."""
    labels = enum_labels(schema, field).get(value)
    return ' '.join(x for x in (labels.get('en', ''), labels.get('zh', '')) if x) if labels else value


@dataclass(frozen=True)
class FieldType:
    sql: str        # the SQLite column type (dates as ISO 8601 text)
    arrow: str      # the pyarrow type (a function of pyarrow)
    en: str         # its name in messages
    zh: str
    hint_en: str = ''
    hint_zh: str = ''


TYPES: dict[str, FieldType] = {
    'string': FieldType('TEXT', 'string', 'text', '文本'),
    'integer': FieldType('INTEGER', 'int64', 'whole number', '整数', '; write a whole number in ASCII digits', '；请用半角数字写整数'),
    'number': FieldType('REAL', 'float64', 'number', '数值', '; write a number in ASCII digits (25万 becomes 250000)',
                        '；请用半角数字（“25万”写作 250000）'),
    'date': FieldType('TEXT', 'date32', 'date', '日期', '; write dates as YYYY-MM-DD (2021-12-31), not 2021年12月 or 2021/12/31',
                      '；日期请写作 YYYY-MM-DD（如 2021-12-31），不要写“2021年12月”或“2021/12/31”'),
    'boolean': FieldType('INTEGER', 'bool_', 'true/false value', '布尔值', '; write true or false', '；请写 true 或 false'),
}
TYPE_NAMES = {name: (t.en, t.zh) for name, t in TYPES.items()}


def typed_value(field: dict, text: str, missing: set[str]):
    """The value of one cell as its schema types it: None when missing; raises ValueError."""
    if text in missing:
        return None
    kind = field.get('type', 'string')
    if kind == 'string':
        return text
    if kind == 'integer':
        if not re.fullmatch(r'[+-]?[0-9]+', text):
            raise ValueError(f'{text!r} is not an integer')
        return int(text)
    if kind == 'number':
        if not re.fullmatch(r'[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?', text):
            raise ValueError(f'{text!r} is not a number')
        return float(text)
    if kind == 'boolean':   # the Table Schema default true and false values
        if text in ('true', 'True', 'TRUE', '1'):
            return True
        if text in ('false', 'False', 'FALSE', '0'):
            return False
        raise ValueError(f'{text!r} is not true or false')
    if kind == 'date':
        if field.get('format', 'default') != 'default':
            raise ValueError(f'date format {field["format"]!r} is not supported by the exporter')
        try:
            if re.fullmatch(r'\d{4}-\d{2}-\d{2}', text):
                return dt.date.fromisoformat(text)
        except ValueError:
            pass
        raise ValueError(f'{text!r} is not a date (YYYY-MM-DD)')
    raise ValueError(f'field type {kind!r} is not supported by the exporter')
