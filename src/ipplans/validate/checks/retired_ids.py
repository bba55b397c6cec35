"""The register of retired identifiers (retired_ids) keeps its promise: each row names a table of
stable identifiers, its old id is no longer given to any row of that table (a retired id is never
reused), and its new id, when given, is a row of that table now. Whether every identifier of the
last release is still here or retired needs that release: `ipplans ids --since REV` checks it."""
from __future__ import annotations

from ipplans.schema import KEY_SEPARATOR
from ipplans.validate.context import Context

TABLE = 'retired_ids'
CODES = ('retired-id',)
MESSAGES = {
    'retired-table': ('table_name "{cell}" is not a table with stable identifiers; use one of: {tables}.',
                      'table_name“{cell}”不是具有稳定标识符的表；请使用其中之一：{tables}。'),
    'retired-in-use': ('old_id "{cell}" is retired but is still an id of {ref_table}: a retired id is never given to a row again '
                       '(docs/identifiers.md); give that row a new id, or delete this retirement if the id was never retired.',
                       'old_id“{cell}”已停用，却仍是 {ref_table} 表中的标识符：停用的标识符不得再分配给任何行（见 docs/identifiers.md）；'
                       '请给该行分配新标识符，或在该标识符并未停用时删除此登记行。'),
    'retired-new-missing': ('new_id "{cell}" is not an id of {ref_table}: give the id of the row that replaces the old one '
                            '({form}), or leave new_id empty when nothing replaces it.',
                            'new_id“{cell}”不是 {ref_table} 表中的标识符：请填写取代旧标识符的行的标识符（{form}），无取代者时留空。'),
}


def run(ctx: Context) -> None:
    rows = ctx.rows(TABLE)
    if not rows:
        return
    path = ctx.path(TABLE)
    stable = {name: r for name, r in ctx.resources.items() if (r.schema or {}).get('stableIds') and r.primary_key}
    ids: dict[str, set[str]] = {}
    for line, row in rows:
        table, old, new = row.get('table_name', ''), row.get('old_id', ''), row.get('new_id', '')
        if table not in stable:
            if table:   # an empty one is a missing required value, said upstream
                ctx.add(path, line, 'table_name', 'retired-id', 'retired-table', table=TABLE, cell=table,
                        tables=', '.join(stable))
            continue
        if table in ctx.unreadable:
            continue
        if table not in ids:
            key = stable[table].primary_key
            ids[table] = {KEY_SEPARATOR.join(r.get(k, '') for k in key) for _, r in ctx.rows(table)}
        form = KEY_SEPARATOR.join(stable[table].primary_key)
        if old in ids[table]:
            ctx.add(path, line, 'old_id', 'retired-id', 'retired-in-use', table=TABLE, cell=old, ref_table=table)
        if new and new not in ids[table]:
            ctx.add(path, line, 'new_id', 'retired-id', 'retired-new-missing', table=TABLE, cell=new, ref_table=table, form=form)
