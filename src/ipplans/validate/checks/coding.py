"""Every measure carries every coding scheme, as many codes as the scheme allows; a responsibility's
primary flag follows its plan's roles."""
from __future__ import annotations

from collections import defaultdict

from ipplans.validate.context import Context

CODES = ('coding',)
MESSAGES = {
    'scheme-missing': ('measure {measure} has no code of scheme {scheme}: add a row to data/measure_codes.csv '
                       '(the codes are in data/measure_code_lists.csv; the Methodology page gives the codebook).',
                       '措施 {measure} 缺少 {scheme} 方案的代码：请在 data/measure_codes.csv 中添加一行（代码见 data/measure_code_lists.csv，编码手册见“方法”页）。'),
    'scheme-too-many': ('measure {measure} has {count} codes of scheme {scheme}, which allows {limit}: keep the ones that carry the measure.',
                        '措施 {measure} 在 {scheme} 方案下有 {count} 个代码，而该方案最多允许 {limit} 个：请只保留主要的代码。'),
    'primary-disagrees': ('primary is "{cell}" but should be "{expected}": true for the lead units where the measure names a '
                          'lead, else for every responsible unit; false for cooperating units.',
                          'primary 为“{cell}”，应为“{expected}”：措施列明牵头单位时牵头单位为 true，否则所有责任单位为 true；配合单位为 false。'),
}


def check_schemes(ctx: Context) -> None:
    codes: dict[tuple[str, str], int] = defaultdict(int)
    for _, row in ctx.rows('measure_codes'):
        codes[(row.get('measure_id', ''), row.get('scheme', ''))] += 1
    schemes = [row for _, row in ctx.rows('coding_schemes')]
    for line, measure in ctx.rows('measures'):
        for scheme in schemes:
            count = codes[(measure.get('measure_id', ''), scheme.get('scheme', ''))]
            limit = 1 if scheme.get('values') == 'one' else int(scheme['max_codes']) if scheme.get('max_codes', '').isdigit() else None
            params = dict(table='measures', measure=measure.get('measure_id'), scheme=scheme.get('scheme'))
            if not count:
                ctx.add(ctx.path('measures'), line, 'measure_id', 'coding', 'scheme-missing', **params)
            elif limit is not None and count > limit:
                ctx.add(ctx.path('measures'), line, 'measure_id', 'coding', 'scheme-too-many', count=count, limit=limit, **params)


def check_primary(ctx: Context) -> None:
    has_lead: dict[str, bool] = defaultdict(bool)
    for _, row in ctx.rows('responsibilities'):
        has_lead[row.get('measure_id', '')] |= row.get('role') == 'lead'
    for line, row in ctx.rows('responsibilities'):
        role = row.get('role')
        expected = 'true' if role == 'lead' or (role == 'responsible' and not has_lead[row.get('measure_id', '')]) else 'false'
        if row.get('primary', expected) != expected and row.get('primary') in ('true', 'false'):
            ctx.add(ctx.path('responsibilities'), line, 'primary', 'coding', 'primary-disagrees', table='responsibilities',
                    cell=row.get('primary'), expected=expected)


def run(ctx: Context) -> None:
    if ctx.readable('measure_codes') and ctx.readable('coding_schemes') and ctx.readable('measures'):
        check_schemes(ctx)
    if ctx.readable('responsibilities'):
        check_primary(ctx)
