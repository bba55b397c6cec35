"""Every agency is named by a responsibility or a member, or is the parent of an agency that is
(a bureau a plan names only through its internal units)."""
from __future__ import annotations

from ipplans.validate.context import Context

CODES = ('orphan',)
MESSAGES = {
    'orphan-agency': ('no responsibility or member uses agency {agency}, nor any of its internal units: remove it, or add the rows that name it.',
                      '没有任何责任或成员记录使用单位 {agency} 或其内设机构：请删除该单位，或补充引用它的行。'),
}


def run(ctx: Context) -> None:
    if not (ctx.readable('responsibilities') and ctx.readable('members')):
        return
    used = {row.get('agency_id') for _, row in ctx.rows('responsibilities')} | {row.get('agency_id') for _, row in ctx.rows('members')}
    parent = {row.get('agency_id'): row.get('parent_agency_id') for _, row in ctx.rows('agencies')}
    for agency in list(used):
        seen = set()
        while parent.get(agency) and agency not in seen:   # up the chain; a cycle is the parents check's to report
            seen.add(agency)
            agency = parent[agency]
            used.add(agency)
    for line, row in ctx.rows('agencies'):
        if row.get('agency_id') not in used:
            ctx.add(ctx.path('agencies'), line, 'agency_id', 'orphan', 'orphan-agency', table='agencies', agency=row.get('agency_id'))
