"""What the pages call the fields and their values.

The labels of allowed values (roles, levels, source types) are read from the schemas' enumLabels.
The field labels below are the site's own for now: they are meant to move into the schemas as
each field's `title` and `title_zh`, and then to be read from there as the value labels are.
"""
from __future__ import annotations

from ipplans.schema import enum_labels, label

# (table, field) → (English, Chinese): fact labels show both, table columns the English.
FIELD_LABELS: dict[tuple[str, str], tuple[str, str]] = {
    ('plans', 'plan_id'): ('Plan ID', ''),
    ('plans', 'doc_number'): ('Document number', '发文字号'),
    ('plans', 'issuer'): ('Issuer', '发文机关'),
    ('plans', 'publisher'): ('Publisher', '发布单位'),
    ('plans', 'region_name'): ('Region', '地区'),
    ('plans', 'admin_level'): ('Level', '层级'),
    ('plans', 'date_signed'): ('Signed', '成文日期'),
    ('plans', 'date_published'): ('Published', '发布日期'),
    ('plans', 'status'): ('Status', '状态'),
    ('measures', 'deadline'): ('Deadline', '时限'),
    ('agencies', 'agency_id'): ('Agency ID', ''),
    ('agencies', 'kind'): ('Kind', '类别'),
    ('agencies', 'function'): ('Function', '职能'),
    ('agencies', 'region_code'): ('Region', '地区'),
    ('responsibilities', 'agency_id'): ('Agency', '单位'),
    ('agencies', 'note'): ('Note', ''),
    ('curation_notes', 'row_key'): ('Row', ''),
    ('curation_notes', 'note'): ('Note', ''),
    ('targets', 'year'): ('Year', ''),
    ('targets', 'indicator'): ('Indicator', ''),
    ('targets', 'value'): ('Value', ''),
    ('targets', 'qualifier'): ('Qualifier', ''),
    ('targets', 'text'): ('Text', ''),
    ('targets', 'measure_id'): ('Measure', ''),
    ('members', 'plan_id'): ('Plan', ''),
    ('members', 'body'): ('Body', ''),
    ('members', 'role'): ('Role', ''),
    ('members', 'name'): ('Name', ''),
    ('members', 'post'): ('Post', ''),
    ('members', 'agency_id'): ('Agency', ''),
    ('citations', 'cited_title'): ('Title', ''),
    ('citations', 'cited_doc_number'): ('Document number (as printed)', ''),
    ('citations', 'cited_doc_number_normalized'): ('Document number', ''),
    ('citations', 'cited_in'): ('Cited in', ''),
    ('citations', 'note'): ('Note', ''),
}


def field_label(table: str, field: str) -> str:
    """A field's label in a list of facts: 'Document number 发文字号'."""
    return ' '.join(x for x in FIELD_LABELS[table, field] if x)


def columns(table: str, *fields: str) -> list[str]:
    """Column headings for some fields of a table (their English labels)."""
    return [FIELD_LABELS[table, field][0] for field in fields]


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
