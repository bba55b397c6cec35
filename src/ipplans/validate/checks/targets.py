"""What the schemas of targets cannot say: a numeric target has a value and a unit, a qualitative one
has neither; the value and the baseline are numbers printed in the target's text; a baseline year
comes before the target year; a printed kind (预期性, 约束性) is printed; the unit and kind agree with
the indicator's. The coding passes follow the same rules, and so do the indicators themselves."""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator

from ipplans.encoding import sniff
from ipplans.text import compact
from ipplans.validate.context import Context

CODES = ('targets',)
MESSAGES = {
    'numeric-without-value': ('target {target} is numeric but has no value: give the number its text prints (in the unit of '
                              'unit_code), or set value_kind to qualitative if it prints none.',
                              '目标 {target} 为 numeric，但 value 为空：请填写原文所印的数值（以 unit_code 的单位计）；原文无数值时请将 value_kind 改为 qualitative。'),
    'numeric-without-unit': ('target {target} is numeric but has no unit_code: give the normalised unit of its value '
                             '(data/units.csv), or set value_kind to qualitative.',
                             '目标 {target} 为 numeric，但 unit_code 为空：请填写其数值的规范单位（见 data/units.csv），或将 value_kind 改为 qualitative。'),
    'qualitative-with-number': ('target {target} is qualitative but {name} is "{cell}": a qualitative target has no value, '
                                'unit_code or baseline; empty the cell, or set value_kind to numeric if the source prints a number.',
                                '目标 {target} 为 qualitative，但 {name} 为“{cell}”：定性目标没有数值、单位或基期；请清空该单元格，'
                                '原文确有数值时请将 value_kind 改为 numeric。'),
    'indicator-not-numeric': ('target {target} is numeric but its indicator {code} is qualitative (data/indicators.csv): '
                              'choose a numeric indicator, or other_numeric.',
                              '目标 {target} 为 numeric，但其指标 {code} 是定性指标（见 data/indicators.csv）：请选择数量指标，或 other_numeric。'),
    'unit-differs': ('target {target} has unit_code {cell} but its indicator {code} is measured in {expected}: convert the '
                     'value into {expected}, or choose the indicator that is measured in {cell}.',
                     '目标 {target} 的 unit_code 为 {cell}，但其指标 {code} 以 {expected} 计：请将数值换算为 {expected}，'
                     '或改选以 {cell} 计的指标。'),
    'baseline-incomplete': ('target {target} has a baseline {given} but no {missing}: give both, as the source prints them, '
                            'or neither.', '目标 {target} 有基期 {given}，却没有 {missing}：请按原文两者都填，或都不填。'),
    'baseline-not-before': ('target {target}: baseline_year {cell} is not before the target year {year}: a baseline is the '
                            'starting point (由2020年的X提高到Y); check both years against the source.',
                            '目标 {target}：基期年份 {cell} 不早于目标年份 {year}：基期是起点（“由2020年的X提高到Y”）；请对照原文核对两个年份。'),
    'number-not-in-text': ('target {target}: {name} {cell} is not a number printed in its text "{printed}" (compared after '
                           'NFKC, with 万 and 亿 multiplied out and money in 亿元): copy the number from the text, or extend '
                           'text to the words that print it.',
                           '目标 {target}：{name} {cell} 不是其原文“{printed}”中所印的数（按 NFKC 规范化比较，“万”“亿”已换算，金额以亿元计）：'
                           '请从原文抄录数值，或将 text 扩展到印有该数的文字。'),
    'binding-not-printed': ('target {target} is marked {cell} but neither its text nor its plan\'s source prints {word}: set '
                            'binding to not_stated unless the source says so.',
                            '目标 {target} 标为 {cell}，但其原文和所属方案的来源均未出现“{word}”：除非原文如此标明，请将 binding 改为 not_stated。'),
    'indicator-unit-kind': ('indicator {code} is {kind} but its {name} is "{cell}": {what}.',
                            '指标 {code} 为 {kind}，但其 {name} 为“{cell}”：{what_zh}。'),
}

PRINTED = {'expected': '预期', 'binding': '约束'}
NUMBER = re.compile(r'(\d+(?:\.\d+)?)\s*(万|亿)?')
MULTIPLIER = {'万': 1e4, '亿': 1e8}


def printed_numbers(text: str, unit_code: str) -> Iterator[float]:
    """Every number the text prints, with 万 / 亿 multiplied out; for money also in 亿元."""
    folded = re.sub(r'(?<=\d),(?=\d{3}(?!\d))', '', unicodedata.normalize('NFKC', text))   # 1,200 → 1200
    for digits, multiplier in NUMBER.findall(folded):
        number = float(digits) * MULTIPLIER.get(multiplier, 1)   # 25万件 is 250000, never 25
        yield number
        if unit_code == 'yuan_100m':
            yield number / 1e8


def is_printed(value: str, text: str, unit_code: str) -> bool:
    try:
        number = float(value)
    except ValueError:
        return True   # not a number: the type check upstream says so
    return any(math.isclose(number, printed, rel_tol=1e-9, abs_tol=1e-12) for printed in printed_numbers(text, unit_code))


class Sources:
    """Each plan's archived source, compacted, read once and only when asked (provenance reports missing ones)."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.files = {plan.get('plan_id', ''): plan.get('source_file', '') for _, plan in ctx.rows('plans')}
        self.texts: dict[str, str] = {}

    def text(self, plan_id: str) -> str:
        if plan_id not in self.texts:
            path = self.ctx.package.file(self.files.get(plan_id, '')) if self.files.get(plan_id) else None
            self.texts[plan_id] = compact(sniff(path.read_bytes()).text or '') if path is not None and path.is_file() else ''
        return self.texts[plan_id]


def check_row(ctx: Context, table: str, line: int, row: dict[str, str], target: dict[str, str],
              indicators: dict[str, dict[str, str]]) -> None:
    """The rules a row of codes must follow, in targets (which has value) and in target_coding_passes (which has not)."""
    path, target_id = ctx.path(table), row.get('target_id', '')

    def report(at: str, key: str, **params) -> None:
        ctx.add(path, line, at, 'targets', key, table=table, target=target_id, **params)

    kind, unit = row.get('value_kind'), row.get('unit_code', '')
    has_value = 'value' in row
    indicator = indicators.get(row.get('indicator_code', ''))
    if kind == 'numeric':
        if has_value and not row.get('value'):
            report('value', 'numeric-without-value')
        if not unit:
            report('unit_code', 'numeric-without-unit')
        if indicator and indicator.get('value_kind') == 'qualitative':
            report('indicator_code', 'indicator-not-numeric', code=row.get('indicator_code'))
        elif indicator and unit and indicator.get('unit_code') and indicator['unit_code'] != unit:
            report('unit_code', 'unit-differs', cell=unit, code=row.get('indicator_code'), expected=indicator['unit_code'])
    elif kind == 'qualitative':
        for field in ('value', 'unit_code', 'baseline_value', 'baseline_year'):
            if row.get(field):
                report(field, 'qualitative-with-number', name=field, cell=row[field])
    baseline, baseline_year = row.get('baseline_value', ''), row.get('baseline_year', '')
    if bool(baseline) != bool(baseline_year):
        given, missing = ('baseline_value', 'baseline_year') if baseline else ('baseline_year', 'baseline_value')
        report(missing, 'baseline-incomplete', given=given, missing=missing)
    year = target.get('year', '')
    if baseline_year.isdigit() and year.isdigit() and int(baseline_year) >= int(year):
        report('baseline_year', 'baseline-not-before', cell=baseline_year, year=year)
    text = target.get('text', '')
    for field in ('value', 'baseline_value'):
        if row.get(field) and kind == 'numeric' and not is_printed(row[field], text, unit):
            report(field, 'number-not-in-text', name=field, cell=row[field], printed=text)


def check_binding(ctx: Context, sources: Sources, line: int, row: dict[str, str]) -> None:
    word = PRINTED.get(row.get('binding', ''))
    if word and word not in compact(row.get('text', '')) and word not in sources.text(row.get('plan_id', '')):
        ctx.add(ctx.path('targets'), line, 'binding', 'targets', 'binding-not-printed', table='targets',
                target=row.get('target_id'), cell=row.get('binding'), word=word + '性')


def check_indicators(ctx: Context) -> None:
    for line, row in ctx.rows('indicators'):
        kind = row.get('value_kind')
        for field in ('unit_code', 'denominator'):
            other = 'denominator' if field == 'unit_code' else 'unit_code'
            if kind == 'qualitative' and row.get(field):
                what = ('a qualitative indicator has no unit or denominator; empty it, or make the indicator numeric',
                        '定性指标没有单位和分母；请清空，或将该指标改为 numeric')
            elif kind == 'numeric' and not row.get(field) and row.get(other):
                what = (f'a numeric indicator with a {other} needs a {name} too (none for an absolute amount)',
                        f'有 {other} 的数量指标也须填写 {name}（绝对量的分母为 none）')
            else:
                continue
            ctx.add(ctx.path('indicators'), line, field, 'targets', 'indicator-unit-kind', table='indicators',
                    code=row.get('indicator_code'), kind=kind, name=field, cell=row.get(field, ''), what=what[0], what_zh=what[1])


def run(ctx: Context) -> None:
    if not ctx.readable('targets'):
        return
    indicators = {row.get('indicator_code', ''): row for _, row in ctx.rows('indicators')}
    targets = {row.get('target_id', ''): row for _, row in ctx.rows('targets')}
    sources = Sources(ctx)
    for line, row in ctx.rows('targets'):
        check_row(ctx, 'targets', line, row, row, indicators)
        check_binding(ctx, sources, line, row)
    for line, row in ctx.rows('target_coding_passes'):
        check_row(ctx, 'target_coding_passes', line, row, targets.get(row.get('target_id', ''), {}), indicators)
    check_indicators(ctx)
