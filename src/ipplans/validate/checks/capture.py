"""A measure is cut off only where a partial capture can cut it: the first or last measure of a plan
whose archived source is not its full text; a plan captured as metadata only has no measures."""
from __future__ import annotations

from collections import defaultdict

from ipplans.validate.context import Context

CODES = ('capture',)
MESSAGES = {
    'cut-off-whole-plan': ('measure {measure} is marked cut_off but plan {plan} is captured as full_text: set plans.capture to '
                           'what the source holds (excerpt …), or the measure back to whole.',
                           '措施 {measure} 标为 cut_off，但方案 {plan} 的 capture 为 full_text：请将 plans.capture 改为来源实际内容（excerpt 等），'
                           '或将该措施改回 whole。'),
    'cut-off-middle': ('measure {measure} is marked cut_off but is neither the first nor the last measure of plan {plan}: only '
                       'the ends of an excerpt can cut a measure; set it back to whole.',
                       '措施 {measure} 标为 cut_off，但不是方案 {plan} 的第一项或最后一项：节选只会截断首尾措施；请改回 whole。'),
    'metadata-with-measures': ('plan {plan} is captured as metadata_only but has measures: set capture to what the source holds.',
                               '方案 {plan} 的 capture 为 metadata_only，却有措施：请将 capture 改为来源实际内容。'),
}


def run(ctx: Context) -> None:
    plans = {plan.get('plan_id'): (line, plan) for line, plan in ctx.rows('plans')}
    by_plan: dict[str, list[tuple[int, dict[str, str]]]] = defaultdict(list)
    for line, row in ctx.rows('measures'):
        by_plan[row.get('plan_id', '')].append((line, row))
    for plan_id, items in by_plan.items():
        if plan_id not in plans:
            continue
        line, plan = plans[plan_id]
        if plan.get('capture') == 'metadata_only':
            ctx.add(ctx.path('plans'), line, 'capture', 'capture', 'metadata-with-measures', table='plans', plan=plan_id)
        for position, (row_line, row) in enumerate(items):
            if row.get('capture') != 'cut_off':
                continue
            if plan.get('capture') == 'full_text':
                key = 'cut-off-whole-plan'
            elif position not in (0, len(items) - 1):
                key = 'cut-off-middle'
            else:
                continue
            ctx.add(ctx.path('measures'), row_line, 'capture', 'capture', key, table='measures', measure=row.get('measure_id'), plan=plan_id)
