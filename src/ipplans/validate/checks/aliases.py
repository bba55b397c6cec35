"""Every printed agency name resolves through agency_aliases.csv, in its plan's region, to the
agency the row names; and each alias belongs to its agency's region.

An alias with a plan_id holds only within that plan, and there it comes before an alias of the
whole region; an alias without one holds in every plan of its region."""
from __future__ import annotations

from ipplans.validate.context import Context

CODES = ('alias',)
MESSAGES = {
    'alias-region': ('the alias is for region {region} but agency {agency} belongs to region {agency_region}.',
                     '该别名属于地区 {region}，但单位 {agency} 属于地区 {agency_region}。'),
    'alias-missing': ('"{printed}" is not in data/agency_aliases.csv for region {region} (nor for plan {plan}): add the row '
                      '"{region},{printed},{agency},{scope}" ({scope_en}).',
                      '“{printed}”不在地区 {region}（或方案 {plan}）的 data/agency_aliases.csv 中：请添加一行'
                      '“{region},{printed},{agency},{scope}”（{scope_zh}）。'),
    'alias-mismatch': ('"{printed}" is mapped to {mapped} in data/agency_aliases.csv (line {line}) but this row says {agency}: make them agree, '
                       'or, if the spelling means {agency} only in plan {plan}, add the row "{region},{printed},{agency},{plan}".',
                       '“{printed}”在 data/agency_aliases.csv（第 {line} 行）中对应 {mapped}，但此行为 {agency}：请使两者一致；'
                       '若该写法仅在方案 {plan} 中指 {agency}，请添加一行“{region},{printed},{agency},{plan}”。'),
}


def check_alias_regions(ctx: Context) -> None:
    agency_region = {row.get('agency_id'): row.get('region_code') for _, row in ctx.rows('agencies')}
    for line, row in ctx.rows('agency_aliases'):
        region = agency_region.get(row.get('agency_id'))
        if region and region != row.get('region_code'):
            ctx.add(ctx.path('agency_aliases'), line, 'region_code', 'alias', 'alias-region', table='agency_aliases',
                    region=row.get('region_code'), agency=row.get('agency_id'), agency_region=region)


def alias_book(ctx: Context) -> dict[tuple[str, str, str], tuple[int, str]]:
    """(region, plan or '', spelling) → (line, agency_id)."""
    return {(row.get('region_code', ''), row.get('plan_id', ''), row.get('alias', '')): (line, row.get('agency_id', ''))
            for line, row in ctx.rows('agency_aliases')}


def lookup(book: dict[tuple[str, str, str], tuple[int, str]], region: str, plan: str, printed: str) -> tuple[int, str] | None:
    """What a printed spelling names in one plan: the plan's own alias first, then the region's."""
    return book.get((region, plan, printed)) or book.get((region, '', printed))


def run(ctx: Context) -> None:
    check_alias_regions(ctx)
    book = alias_book(ctx)
    plan_region = {row.get('plan_id'): row.get('region_code') for _, row in ctx.rows('plans')}
    measure_plan = {row.get('measure_id'): row.get('plan_id') for _, row in ctx.rows('measures')}
    kinds = {row.get('agency_id'): row.get('kind') for _, row in ctx.rows('agencies')}

    def resolve(table: str, line: int, printed: str, agency_id: str, plan: str, field: str) -> None:
        region = plan_region.get(plan)
        if not printed or region is None:
            return
        found = lookup(book, region, plan, printed)
        if found is None:
            # an internal unit's bare name (法规科) holds in one plan, not in the whole region
            scoped = kinds.get(agency_id) == 'internal_unit'
            ctx.add(ctx.path(table), line, field, 'alias', 'alias-missing', printed=printed, region=region, plan=plan,
                    agency=agency_id or 'AGENCY_ID', scope=plan if scoped else '',
                    scope_en='scoped to this plan, as an internal unit\'s name' if scoped else 'for the whole region; '
                    'put the plan_id in the last cell if the spelling names this agency in this plan only',
                    scope_zh='限于本方案，因为这是内设机构的名称' if scoped else '适用于整个地区；若该写法仅在本方案中指此单位，请在最后一格填写 plan_id')
        elif agency_id and found[1] != agency_id:
            ctx.add(ctx.path(table), line, 'agency_id', 'alias', 'alias-mismatch', printed=printed, mapped=found[1], line=found[0],
                    agency=agency_id, plan=plan, region=region)

    for line, row in ctx.rows('responsibilities'):
        resolve('responsibilities', line, row.get('as_printed', ''), row.get('agency_id', ''), measure_plan.get(row.get('measure_id', ''), ''), 'as_printed')
    for line, row in ctx.rows('members'):
        resolve('members', line, row.get('agency_as_printed', ''), row.get('agency_id', ''), row.get('plan_id', ''), 'agency_as_printed')
