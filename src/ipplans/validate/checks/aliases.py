"""Every printed agency name resolves through agency_aliases.csv, in its plan's region, to the
agency the row names; and each alias belongs to its agency's region."""
from __future__ import annotations

from ipplans.validate.context import Context

CODES = ('alias',)
MESSAGES = {
    'alias-region': ('the alias is for region {region} but agency {agency} belongs to region {agency_region}.',
                     '该别名属于地区 {region}，但单位 {agency} 属于地区 {agency_region}。'),
    'alias-missing': ('"{printed}" is not in data/agency_aliases.csv for region {region}: add the row "{region},{printed},{agency}".',
                      '“{printed}”不在地区 {region} 的 data/agency_aliases.csv 中：请添加一行“{region},{printed},{agency}”。'),
    'alias-mismatch': ('"{printed}" is mapped to {mapped} in data/agency_aliases.csv (line {line}) but this row says {agency}: make them agree.',
                       '“{printed}”在 data/agency_aliases.csv（第 {line} 行）中对应 {mapped}，但此行为 {agency}：请使两者一致。'),
}


def check_alias_regions(ctx: Context) -> None:
    agency_region = {row.get('agency_id'): row.get('region_code') for _, row in ctx.rows('agencies')}
    for line, row in ctx.rows('agency_aliases'):
        region = agency_region.get(row.get('agency_id'))
        if region and region != row.get('region_code'):
            ctx.add(ctx.path('agency_aliases'), line, 'region_code', 'alias', 'alias-region', table='agency_aliases',
                    region=row.get('region_code'), agency=row.get('agency_id'), agency_region=region)


def run(ctx: Context) -> None:
    check_alias_regions(ctx)
    aliases = {(row.get('region_code'), row.get('alias')): (line, row.get('agency_id')) for line, row in ctx.rows('agency_aliases')}
    plan_region = {row.get('plan_id'): row.get('region_code') for _, row in ctx.rows('plans')}
    measure_plan = {row.get('measure_id'): row.get('plan_id') for _, row in ctx.rows('measures')}

    def resolve(table: str, line: int, printed: str, agency_id: str, region: str | None, field: str) -> None:
        if not printed or region is None:
            return
        found = aliases.get((region, printed))
        if found is None:
            ctx.add(ctx.path(table), line, field, 'alias', 'alias-missing', printed=printed, region=region, agency=agency_id or 'AGENCY_ID')
        elif agency_id and found[1] != agency_id:
            ctx.add(ctx.path(table), line, 'agency_id', 'alias', 'alias-mismatch', printed=printed, mapped=found[1], line=found[0], agency=agency_id)

    for line, row in ctx.rows('responsibilities'):
        region = plan_region.get(measure_plan.get(row.get('measure_id', '')))
        resolve('responsibilities', line, row.get('as_printed', ''), row.get('agency_id', ''), region, 'as_printed')
    for line, row in ctx.rows('members'):
        resolve('members', line, row.get('agency_as_printed', ''), row.get('agency_id', ''), plan_region.get(row.get('plan_id', '')), 'agency_as_printed')
