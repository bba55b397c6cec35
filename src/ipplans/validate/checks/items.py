"""Whole items, and values derived from their texts, agree with the source: a measure's text starts
right after its printed number and the measures follow the source's order (a fragment of an item, or
texts swapped between measures, each occur in the source and pass provenance, but not this); a
deadline_date is the date its printed deadline gives; a target's measure is a task of the target's
plan; a member's name is the name as printed without its spacing."""
from __future__ import annotations

import re

from ipplans.ingest.text import deadline_date
from ipplans.text import compact, shorten
from ipplans.validate.checks.provenance import read_sources
from ipplans.validate.context import Context

CODES = ('items',)
YEAR = re.compile(r'(?<!\d)(?:19|20)\d\d(?!\d)')
START = 12   # characters of a text that must follow its number in the source
MESSAGES = {
    'item-start': ('measure {number} of plan {plan}: its number followed by the start of its text ("{start}") is not in the '
                   'source {file}: the text must be the whole item, from just after its number; check that the text is this '
                   "item's and starts where the item starts.",
                   '方案 {plan} 的措施 {number}：来源 {file} 中找不到“编号 + 正文开头”（“{start}”）：正文必须是完整的条目，'
                   '紧接在编号之后开始；请核对正文是否属于该条目、是否从条目开头录入。'),
    'item-order': ('measure {number} of plan {plan}: its text comes before the text of measure {previous} in the source {file}: '
                   'measures follow the order of the source (seq); check whether texts were swapped between measures.',
                   '方案 {plan} 的措施 {number}：其正文在来源 {file} 中位于措施 {previous} 之前：措施须按来源顺序排列（seq）；'
                   '请检查是否有措施正文互相调换。'),
    'deadline-date': ('deadline_date {cell} contradicts the deadline "{deadline}", which gives {expected}: correct the one '
                      'that differs from the source.',
                      'deadline_date {cell} 与期限“{deadline}”（即 {expected}）不符：请按来源改正不一致的一方。'),
    'deadline-year': ('deadline_date {cell}: its year is not a year printed in the deadline "{deadline}": give the date the '
                      'deadline prints.',
                      'deadline_date {cell} 的年份不是期限“{deadline}”中所印的年份：请填写期限所印的日期。'),
    'target-plan': ('target {target} belongs to plan {plan}, but its measure {measure} is a task of plan {other}: link a '
                    'measure of the same plan, or none.',
                    '目标 {target} 属于方案 {plan}，但其措施 {measure} 属于方案 {other}：请关联同一方案的措施，或留空。'),
    'member-name': ('name "{cell}" is not the name as printed ("{printed}") without its spaces: name holds exactly the printed '
                    'name with the spacing removed.',
                    'name“{cell}”不是去掉空格后的原文姓名（“{printed}”）：name 只能是原文姓名去掉空格。'),
}


def run(ctx: Context) -> None:
    measures(ctx)
    deadlines(ctx)
    targets(ctx)
    members(ctx)


def measures(ctx: Context) -> None:
    if not ctx.readable('measures'):
        return
    sources = read_sources(ctx, report=False)
    last: dict[str, tuple[int, str]] = {}   # plan → (where its previous measure's text was found, that measure's number)
    for line, row in ctx.rows('measures'):
        plan, number, text = row.get('plan_id', ''), row.get('number', ''), compact(row.get('text', ''))
        if plan not in sources or not text or text not in sources[plan][1]:
            continue   # a text that is not in the source at all: provenance says so
        rel, source = sources[plan]
        if number and compact(number) + text[:START] not in source:
            ctx.add(ctx.path('measures'), line, 'text', 'items', 'item-start', table='measures', plan=plan, number=number,
                    start=shorten(number + row.get('text', '')[:START], 40), file=rel)
            continue
        after, previous = last.get(plan, (-1, ''))
        found = source.find(text, after + 1)
        if found < 0:
            ctx.add(ctx.path('measures'), line, 'text', 'items', 'item-order', table='measures', plan=plan, number=number,
                    previous=previous, file=rel)
        else:
            last[plan] = (found, number)


def deadlines(ctx: Context) -> None:
    if not ctx.readable('measures'):
        return
    for line, row in ctx.rows('measures'):
        printed, given = row.get('deadline', ''), row.get('deadline_date', '')
        if not given:
            continue
        expected = deadline_date(printed) if printed else None
        if expected and expected != given:
            ctx.add(ctx.path('measures'), line, 'deadline_date', 'items', 'deadline-date', table='measures', cell=given,
                    deadline=printed, expected=expected)
        elif not expected and YEAR.search(compact(printed)) and given[:4] not in YEAR.findall(compact(printed)):
            ctx.add(ctx.path('measures'), line, 'deadline_date', 'items', 'deadline-year', table='measures', cell=given,
                    deadline=printed)


def targets(ctx: Context) -> None:
    if not (ctx.readable('targets') and ctx.readable('measures')):
        return
    plan_of = {row.get('measure_id', ''): row.get('plan_id', '') for _, row in ctx.rows('measures')}
    for line, row in ctx.rows('targets'):
        measure, plan = row.get('measure_id', ''), row.get('plan_id', '')
        if measure in plan_of and plan_of[measure] != plan:
            ctx.add(ctx.path('targets'), line, 'measure_id', 'items', 'target-plan', table='targets',
                    target=row.get('target_id', ''), plan=plan, measure=measure, other=plan_of[measure])


def members(ctx: Context) -> None:
    if not ctx.readable('members'):
        return
    for line, row in ctx.rows('members'):
        name, printed = row.get('name', ''), row.get('name_as_printed', '')
        if name and printed and compact(name) != compact(printed):
            ctx.add(ctx.path('members'), line, 'name', 'items', 'member-name', table='members', cell=name, printed=printed)
