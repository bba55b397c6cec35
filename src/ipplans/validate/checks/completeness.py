"""Every plan has measures, numbered seq 1, 2, 3 … in row order, and its printed numbering has
no gaps or repeats. What the archived source holds (plans.capture) decides how much is required:
a plan captured as metadata only has no measures, an excerpt may start past 1, and an excerpt that
stops before the plan's first task may have no measures when a curation note on its plans.capture
says so."""
from __future__ import annotations

from collections import defaultdict

from ipplans.text import number_value
from ipplans.validate.context import Context

CODES = ('completeness',)
MESSAGES = {
    'no-measures': ('the plan has no measures: add its numbered tasks to data/measures.csv (if the plan is an excerpt that '
                    'stops before its first task, say so in a curation note on plans.capture).',
                    '该方案没有措施：请将其编号任务添加到 data/measures.csv（如该方案为节选、在第一项任务之前截止，请在 plans.capture '
                    '的整理说明中写明）。'),
    'seq-order': ('measure {position} of plan {plan} has seq "{seq}": seq must run 1, 2, 3 … in row order without gaps or repeats.',
                  '方案 {plan} 的第 {position} 项措施 seq 为“{seq}”：seq 必须按行序从 1 起连续编号，不得跳号或重复。'),
    'number-repeat': ('plan {plan}: number "{number}" repeats an earlier number; the printed numbering must have no gaps or repeats (fix the number).',
                      '方案 {plan}：编号“{number}”与前面重复；原文编号不得跳号或重复（请更正编号）。'),
    'number-gap': ('plan {plan}: number "{number}" where {expected} was expected; the printed numbering must have no gaps or repeats (add the missing task or fix the number).',
                   '方案 {plan}：此处应为 {expected}，却是“{number}”；原文编号不得跳号或重复（请补上缺失的任务或更正编号）。'),
}


def check_plan(ctx: Context, plan_id: str, items: list[tuple[int, dict[str, str]]], partial: bool) -> None:
    """One plan's measures: seq in row order, then the printed numbers."""
    path = ctx.path('measures')
    for position, (line, row) in enumerate(items, start=1):
        if row.get('seq') != str(position):
            ctx.add(path, line, 'seq', 'completeness', 'seq-order', table='measures', position=position, plan=plan_id, seq=row.get('seq'))
            break
    values = [number_value(row.get('number', '')) for _, row in items]
    if None in values:
        return  # numbers that are not numerals (such as 一是) cannot be checked for gaps
    first = values[0] if partial and values else 1   # an excerpt may start mid-list
    for position, ((line, row), value) in enumerate(zip(items, values), start=first):
        if value != position:
            key = 'number-repeat' if value in values[:position - 1] else 'number-gap'
            ctx.add(path, line, 'number', 'completeness', key, table='measures', plan=plan_id, number=row.get('number'), expected=position)
            break


def run(ctx: Context) -> None:
    by_plan: dict[str, list[tuple[int, dict[str, str]]]] = defaultdict(list)
    for line, row in ctx.rows('measures'):
        by_plan[row.get('plan_id', '')].append((line, row))
    capture = {plan.get('plan_id'): plan.get('capture', 'full_text') for _, plan in ctx.rows('plans')}
    # an excerpt may stop before the first task (the preamble and goals only); the curator says so in a note
    explained = {row.get('row_key') for _, row in ctx.rows('curation_notes')
                 if row.get('table_name') == 'plans' and row.get('field') == 'capture'
                 and not row.get('note', '').startswith('Draft note by ingest')} if ctx.readable('curation_notes') else set()
    if ctx.readable('measures'):
        for line, plan in ctx.rows('plans'):
            plan_id = plan.get('plan_id')
            if plan_id in by_plan or plan.get('capture') == 'metadata_only':
                continue
            if not (plan.get('capture') == 'excerpt' and plan_id in explained):
                ctx.add(ctx.path('plans'), line, 'plan_id', 'completeness', 'no-measures', table='plans')
    for plan_id, items in by_plan.items():
        check_plan(ctx, plan_id, items, capture.get(plan_id, 'full_text') not in ('full_text', ''))
