"""A plan's region name, province and level are the register's for its code; a retired code is not
used by a plan signed after the code's last year."""
from __future__ import annotations

from ipplans.validate.context import Context

CODES = ('region',)
MESSAGES = {
    'region-disagrees': ('{column} is "{cell}" but region {code} in data/regions.csv gives "{expected}": '
                         'write "{expected}", or correct region_code.',
                         '{column} 为“{cell}”，但 data/regions.csv 中地区 {code} 应为“{expected}”：请写“{expected}”，或更正 region_code。'),
    'region-retired': ('region {code} ({name}) was last listed in {last}, but the plan is dated {date}: use the code in use '
                       'when the plan was issued (data/regions.csv lists its successor under the same name or parent).',
                       '地区代码 {code}（{name}）最后列入名录是 {last} 年，而方案日期为 {date}：请使用方案发布时在用的代码'
                       '（data/regions.csv 中可按名称或上级查到）。'),
}


def expected_fields(region: dict[str, str], regions: dict[str, dict[str, str]]) -> dict[str, str]:
    """What the plan's own region fields must say for this register row."""
    province = regions.get(region.get('province_code', ''), {})
    return {'region_name': region.get('full_name', ''), 'province': province.get('name', ''), 'admin_level': region.get('level', '')}


def run(ctx: Context) -> None:
    if not ctx.readable('regions'):
        return
    regions = {row.get('region_code', ''): row for _, row in ctx.rows('regions')}
    for line, plan in ctx.rows('plans'):
        region = regions.get(plan.get('region_code', ''))
        if region is None:
            continue   # a code missing from the register is the foreign-key check's to report
        for field, expected in expected_fields(region, regions).items():
            if plan.get(field, '') != expected:
                ctx.add(ctx.path('plans'), line, field, 'region', 'region-disagrees', table='plans', column=field,
                        cell=plan.get(field, ''), code=region['region_code'], expected=expected)
        date = plan.get('date_signed') or plan.get('date_published') or ''
        if region.get('valid_to') and date[:4].isdigit() and int(date[:4]) > int(region['valid_to']):
            ctx.add(ctx.path('plans'), line, 'region_code', 'region', 'region-retired', table='plans', code=region['region_code'],
                    name=region.get('full_name', ''), last=region['valid_to'], date=date)
