"""An alias scoped to a plan (agency_aliases.plan_id) is scoped to a plan of its own region: it
narrows the region, never leaves it. That the plan exists is the foreign key's to report; that the
spelling occurs in the plan's source is provenance's (the alias field is verbatim)."""
from __future__ import annotations

from ipplans.validate.context import Context

CODES = ('alias-scope',)
MESSAGES = {
    'alias-scope-region': ('the alias "{alias}" is for region {region} but is scoped to plan {plan} of region {plan_region}: a scope '
                           'narrows the region, so use a plan of region {region}, or give the alias the plan\'s region (and an '
                           'agency of that region).',
                           '别名“{alias}”属于地区 {region}，却限定于地区 {plan_region} 的方案 {plan}：限定范围只能缩小地区范围，'
                           '请改用地区 {region} 的方案，或将该别名的地区（及所指单位）改为该方案的地区。'),
}


def run(ctx: Context) -> None:
    aliases = ctx.rows('agency_aliases')
    plan_region = {row.get('plan_id', ''): row.get('region_code', '') for _, row in ctx.rows('plans')}
    for line, row in aliases:
        plan = row.get('plan_id', '')
        if plan in plan_region and plan_region[plan] != row.get('region_code', ''):
            ctx.add(ctx.path('agency_aliases'), line, 'plan_id', 'alias-scope', 'alias-scope-region', table='agency_aliases',
                    alias=row.get('alias', ''), region=row.get('region_code', ''), plan=plan, plan_region=plan_region[plan])
