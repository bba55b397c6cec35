"""The rows pass Frictionless' table checks: cell counts, types, constraints, primary and foreign keys.

Frictionless' errors are reported in our words, in its order (within a row, its order is not the
order of the fields), once per row where one cause shows as several errors.
"""
from __future__ import annotations

import re
from types import SimpleNamespace

from ipplans.package import Resource
from ipplans.schema import TYPE_NAMES, TYPES
from ipplans.validate.context import Context

CODES = ('blank-row', 'missing-cell', 'extra-cell', 'skipped', 'type-error', 'constraint-error', 'unique-error',
         'primary-key', 'foreign-key')  # and the type of any other Frictionless error
MESSAGES = {
    'blank-row': ('blank line: delete it (make fix removes blank lines).', '空行：请删除（make fix 会删除空行）。'),
    'missing-cell': ('the row has fewer cells than the header ({width}): a comma is missing, or a line break inside a text cell was not quoted. Every row needs one cell per column, empty cells included.',
                     '此行单元格少于表头（{width} 列）：缺少逗号，或文本单元格中的换行未加引号。每行每列都需要一个单元格，空单元格也要保留逗号。'),
    'extra-cell': ('the row has more cells than the header ({width}): a text cell containing a comma is probably not quoted; put that cell in double quotes.',
                   '此行单元格多于表头（{width} 列）：可能是含逗号的文本单元格未加引号；请用双引号括起该单元格。'),
    'upstream-skipped': ('the upstream checks of this table stopped because a table it refers to ({tables}) could not be read: fix that file first, then validate again.',
                         '此表的上游检查已中止，因为其引用的表（{tables}）无法读取：请先修正该文件，再重新校验。'),
    'type-error': ('"{cell}" is not a valid {type}{hint}.', '“{cell}”不是有效的{type_zh}{hint_zh}。'),
    'required': ('the cell is empty but a value is required.', '单元格为空，但此字段必填。'),
    'enum': ('"{cell}" is not an allowed value; use one of: {values}.', '“{cell}”不是允许的取值；请使用其中之一：{values}。'),
    'pattern': ('"{cell}" does not have the required form {pattern}{hint}.', '“{cell}”不符合格式 {pattern}{hint_zh}。'),
    'range': ('"{cell}" is out of range ({note}).', '“{cell}”超出范围（{note}）。'),
    'unique': ('"{cell}" repeats an earlier row; each value must be unique.', '“{cell}”与前面的行重复；此字段的值必须唯一。'),
    'constraint': ('"{cell}": {note}.', '“{cell}”：{note}。'),
    'primary-key': ('duplicate key: an earlier row has the same {fields}; make it unique.', '主键重复：前面已有相同 {fields} 的行；请保证唯一。'),
    'foreign-key': ('"{value}" does not exist in {ref_table}.{ref}: add that row to data/{ref_table}.csv first, or correct the id.',
                    '“{value}”在 {ref_table}.{ref} 中不存在：请先在 data/{ref_table}.csv 中添加该行，或更正此标识。'),
    'frictionless': ('{note}', '{note}'),
}

# Errors Frictionless gives when it cannot read a table (or one the table refers to).
READ_ERRORS = ('encoding-error', 'source-error', 'scheme-error', 'format-error')
IDENTIFIER_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$'   # the schemas' identifier form, explained in words
# Constraint → message key; enum and pattern name their allowed values or form.
CONSTRAINT_KEYS = {'required': 'required', 'unique': 'unique', 'minimum': 'range', 'maximum': 'range', 'enum': 'enum', 'pattern': 'pattern'}


def constraint_name(note: str) -> str:
    """The constraint a Frictionless constraint error is about ('enum', 'pattern' …; '' if unknown).

    Frictionless (5.x) keeps the constraint's name only in the English note, 'constraint "enum" is
    "[…]"'; the error carries no structured form of it."""
    match = re.match(r'constraint "(\w+)"', note or '')
    return match.group(1) if match else ''


def constraint_message(doc: dict, note: str) -> tuple[str, dict]:
    """Message key and parameters for a constraint error in the field `doc`."""
    key = CONSTRAINT_KEYS.get(constraint_name(note), 'constraint')
    constraints = doc.get('constraints', {})
    if key == 'enum':
        return key, {'values': ', '.join(map(str, constraints.get('enum', [])))}
    if key == 'pattern':
        pattern = constraints.get('pattern', '')
        identifier = pattern == IDENTIFIER_PATTERN
        return key, {'pattern': pattern, 'hint': ' (lower-case ASCII letters and digits, joined by single hyphens)' if identifier else '',
                     'hint_zh': '（小写 ASCII 字母和数字，以单个连字符连接）' if identifier else ''}
    return key, {}


def foreign_key(resource: Resource, error) -> tuple[str, str, str] | None:
    """(referenced table, its fields, the values not found) of a foreign-key error, from the schema
    key on the error's fields; None if the schema has no such key."""
    for fields, ref_table, ref_fields in resource.foreign_keys:
        if fields == error.field_names:
            return ref_table, ', '.join(ref_fields), ', '.join(error.field_cells)
    return None


class RowFacts:
    """The rows of one table with an error that stands for the others in the row."""
    def __init__(self, errors: list):
        def rows(kind: str) -> set[int]:
            return {e.row_number for e in errors if e.type == kind}
        self.blank, self.short, self.long, self.duplicate_key = rows('blank-row'), rows('missing-cell'), rows('extra-cell'), rows('primary-key')

    def said(self, error) -> bool:
        """The error is already said by the line of its row (blank, short) or by its key."""
        row = error.row_number
        return (error.type in ('blank-row', 'missing-cell', 'extra-cell') or row in self.blank
                or (row in self.short and error.type == 'constraint-error')   # the empty cells of a short row
                or (error.type == 'unique-error' and row in self.duplicate_key))  # the primary-key line says it


def report_rows(ctx: Context, resource: Resource, facts: RowFacts) -> None:
    """One line per blank, short or long row."""
    width = len(resource.fields)
    for row in sorted(facts.blank):
        ctx.add(resource.path, row, None, 'blank-row', 'blank-row')
    for row in sorted(facts.short - facts.blank):
        ctx.add(resource.path, row, None, 'missing-cell', 'missing-cell', width=width)
    for row in sorted(facts.long - facts.blank):
        ctx.add(resource.path, row, None, 'extra-cell', 'extra-cell', width=width)


def report_error(ctx: Context, resource: Resource, error, lookalikes: set) -> None:
    """One Frictionless error of a row or cell, in our words."""
    name, rel, row, field, cell = resource.name, resource.path, error.row_number, error.field_name, error.cell
    doc = resource.docs.get(field, {})
    if error.type == 'type-error':
        kind = doc.get('type', 'string')
        en, zh = TYPE_NAMES.get(kind, (kind, kind))
        hint = TYPES[kind] if kind in TYPES else None
        ctx.add(rel, row, field, 'type-error', 'type-error', table=name, cell=cell, type=en, type_zh=zh,
                hint=hint.hint_en if hint else '', hint_zh=hint.hint_zh if hint else '')
    elif error.type == 'constraint-error':
        if (rel, row, field) in lookalikes:
            return  # a lookalike id also fails its pattern: the hygiene check said it once, with the fix
        key, params = constraint_message(doc, error.note)
        ctx.add(rel, row, field, 'constraint-error', key, table=name, cell=cell, note=error.note, **params)
    elif error.type == 'unique-error':
        ctx.add(rel, row, field, 'unique-error', 'unique', table=name, cell=cell)
    elif error.type == 'primary-key':
        fields = ','.join(resource.primary_key)
        ctx.add(rel, row, fields, 'primary-key', 'primary-key', fields=fields)
    elif error.type == 'foreign-key' and foreign_key(resource, error):
        ref_table, ref, value = foreign_key(resource, error)
        ctx.add(rel, row, ', '.join(error.field_names), 'foreign-key', 'foreign-key', table=name, value=value, ref_table=ref_table, ref=ref)
    elif error.type == 'foreign-key':
        ctx.add(rel, row, None, 'foreign-key', 'frictionless', note=error.note)
    else:
        ctx.add(rel, row, field, error.type, 'frictionless', table=name, note=error.note or error.message)


def run(ctx: Context) -> None:
    lookalikes = {(p.path, p.row, p.field) for p in ctx.problems if p.check == 'lookalike'}
    for name, task_errors in ctx.upstream_report().get('tasks', []):
        resource = ctx.resources.get(name)
        if resource is None or resource.schema is None or name in ctx.unreadable:
            continue
        errors = [SimpleNamespace(**error) for error in task_errors]
        facts = RowFacts(errors)
        report_rows(ctx, resource, facts)
        for error in errors:
            if error.type in READ_ERRORS and ctx.unreadable:
                broken = ', '.join(sorted(ctx.resources[n].path for n in ctx.unreadable if n in ctx.resources))
                ctx.add(resource.path, None, None, 'skipped', 'upstream-skipped', tables=broken)
            elif not facts.said(error):
                report_error(ctx, resource, error, lookalikes)
