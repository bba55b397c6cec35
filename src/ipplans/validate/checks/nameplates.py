"""A second nameplate names one agency: it is not the agency's own name, not the name of another
agency of the region (that would be the same body recorded twice), and not carried by two agencies
of one region (a text naming it would resolve to both)."""
from __future__ import annotations

from ipplans.validate.context import Context

CODES = ('nameplate',)
MESSAGES = {
    'nameplate-own-name': ('"{nameplate}" is the name of agency {agency} itself, not a second nameplate: delete this row.',
                           '“{nameplate}”就是单位 {agency} 本身的名称，不是另一块牌子：请删除此行。'),
    'nameplate-is-agency': ('"{nameplate}" is a second nameplate of {agency} but also the name of agency {other} of the same region: '
                            'a body with two nameplates is one agency, so map the rows of {other} to {agency} (responsibilities, '
                            'members, aliases) and delete {other}, or delete this row if they are different bodies.',
                            '“{nameplate}”是单位 {agency} 的另一块牌子，又是同一地区单位 {other} 的名称：一个机构两块牌子只算一个单位，'
                            '请将 {other} 的相关行（责任、成员、别名）改为 {agency} 并删除 {other}；若两者确为不同单位，请删除此行。'),
    'nameplate-twice': ('"{nameplate}" is already a nameplate of agency {other} (line {line}) in the same region: a nameplate names one '
                        'body; keep the row of the agency that carries it.',
                        '“{nameplate}”已是同一地区单位 {other} 的牌子（第 {line} 行）：一块牌子只对应一个单位；请只保留实际加挂它的单位的行。'),
}


def run(ctx: Context) -> None:
    rows = ctx.rows('agency_nameplates')
    agencies = {row.get('agency_id', ''): row for _, row in ctx.rows('agencies')}
    named = {(row.get('region_code', ''), row.get('name', '')): agency for agency, row in agencies.items()}
    carried: dict[tuple[str, str], tuple[int, str]] = {}
    for line, row in rows:
        agency, nameplate = row.get('agency_id', ''), row.get('nameplate', '')
        if agency not in agencies:
            continue   # the foreign key's to report
        region = agencies[agency].get('region_code', '')

        def report(key: str, **params) -> None:
            ctx.add(ctx.path('agency_nameplates'), line, 'nameplate', 'nameplate', key, table='agency_nameplates',
                    nameplate=nameplate, agency=agency, **params)

        other = named.get((region, nameplate))
        if other == agency:
            report('nameplate-own-name')
        elif other:
            report('nameplate-is-agency', other=other)
        elif (region, nameplate) in carried and carried[region, nameplate][1] != agency:
            report('nameplate-twice', other=carried[region, nameplate][1], line=carried[region, nameplate][0])
        carried.setdefault((region, nameplate), (line, agency))
