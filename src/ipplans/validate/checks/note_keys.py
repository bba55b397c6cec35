"""A curation note names what exists: its table_name is a table of the package, and its row_key
names rows of that table (the key fields joined by ':', or a leading part of them)."""
from __future__ import annotations

from ipplans.validate.context import Context

CODES = ('note-key',)
MESSAGES = {
    'note-table': ('note {note}: table_name "{cell}" is not a table of this package; use one of: {tables}.',
                   '说明 {note}：table_name“{cell}”不是本数据包中的表；请使用其中之一：{tables}。'),
    'note-key': ('row_key "{cell}" is not a row of {ref_table}: give the primary key of the row the note is about ({form}, or a leading part of it), or leave it empty for a note on many rows.',
                 'row_key“{cell}”不是 {ref_table} 表中的行：请填写该说明所涉行的主键（{form}，或其前段），涉及多行时留空。'),
}


def row_keys(ctx: Context, named: set[str]) -> dict[str, set[str]]:
    """For each table a note names, every key and leading part of a key of its rows."""
    keys: dict[str, set[str]] = {}
    for name, resource in ctx.resources.items():
        if resource.schema is None or name not in named:
            continue
        key = resource.primary_key
        # a leading part of the key (a measure_id for its responsibilities) names all its rows
        keys[name] = {':'.join(row.get(k, '') for k in key[:n]) for _, row in ctx.rows(name) for n in range(1, len(key) + 1)}
    return keys


def run(ctx: Context) -> None:
    notes = ctx.rows('curation_notes')
    keys = row_keys(ctx, {note.get('table_name') for _, note in notes})
    path = ctx.path('curation_notes') if notes else ''
    for line, note in notes:
        table, row_key = note.get('table_name', ''), note.get('row_key', '')
        if table and table not in ctx.resources:   # an empty one is a missing required value, said upstream
            ctx.add(path, line, 'table_name', 'note-key', 'note-table', table='curation_notes',
                    note=note.get('note_id', ''), cell=table, tables=', '.join(ctx.resources))
        elif row_key and table in keys and table not in ctx.unreadable and row_key not in keys[table]:
            ctx.add(path, line, 'row_key', 'note-key', 'note-key', table='curation_notes',
                    cell=row_key, ref_table=table, form=':'.join(ctx.resources[table].primary_key))
