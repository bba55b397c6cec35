"""A curation note's row_key names rows that exist: the key fields of its table joined by ':', or a
leading part of them."""
from __future__ import annotations

from ipplans.validate.context import Context

CODES = ('note-key',)
MESSAGES = {
    'note-key': ('row_key "{cell}" is not a row of {ref_table}: give the primary key of the row the note is about ({form}, or a leading part of it), or leave it empty for a note on many rows.',
                 'row_key“{cell}”不是 {ref_table} 表中的行：请填写该说明所涉行的主键（{form}，或其前段），涉及多行时留空。'),
}


def run(ctx: Context) -> None:
    keys: dict[str, set[str]] = {}
    named = {note.get('table_name') for _, note in ctx.rows('curation_notes')}
    for name, resource in ctx.resources.items():
        if resource.schema is None or name not in named:
            continue
        key = resource.primary_key
        # a leading part of the key (a measure_id for its responsibilities) names all its rows
        keys[name] = {':'.join(row.get(k, '') for k in key[:n]) for _, row in ctx.rows(name) for n in range(1, len(key) + 1)}
    for line, note in ctx.rows('curation_notes'):
        table, row_key = note.get('table_name', ''), note.get('row_key', '')
        if row_key and table in keys and table not in ctx.unreadable and row_key not in keys[table]:
            ctx.add(ctx.path('curation_notes'), line, 'row_key', 'note-key', 'note-key', table='curation_notes',
                    cell=row_key, ref_table=table, form=':'.join(ctx.resources[table].primary_key))
