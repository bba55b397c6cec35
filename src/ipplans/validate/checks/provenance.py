"""Every plan has its archived source, and every verbatim field (schema: "verbatim": true) occurs in
the source of its row's plan, compared after NFKC and removing whitespace."""
from __future__ import annotations

from collections.abc import Callable

from ipplans.text import compact
from ipplans.validate.context import Context

CODES = ('provenance',)
MESSAGES = {
    'source-none': ('the plan has no source: archive its raw text under data/sources/ and name the file here.',
                    '该方案没有来源：请将原始文本存档到 data/sources/ 并在此填写文件路径。'),
    'source-missing': ('source file {file} does not exist: archive the raw text there, as received.', '来源文件 {file} 不存在：请将原始文本按原样存档到该路径。'),
    'not-in-source': ('"{cell}" is not found in the source {file} (compared after NFKC and removing whitespace): copy it verbatim from the source.',
                      '“{cell}”在来源 {file} 中找不到（按 NFKC 规范化并去除空白后比较）：请从来源逐字复制。'),
}

PLAN_ID = 'plan_id'  # a row's plan: this field, or the plan of the row a foreign key points to (schemas/README.md)
PlanOf = Callable[[dict[str, str]], str | None]


def plan_of(ctx: Context, name: str, seen: frozenset[str] = frozenset()) -> PlanOf | None:
    """How to find the plan of a row of table `name`, or None when its rows have no plan."""
    resource = ctx.resources[name]
    if PLAN_ID in resource.field_names:
        return lambda row: row.get(PLAN_ID)
    for fields, ref, ref_fields in resource.foreign_keys:
        parent = plan_of(ctx, ref, seen | {name}) if ref in ctx.resources and ref not in seen | {name} else None
        if parent is not None:
            plans = {tuple(row.get(f) for f in ref_fields): parent(row) for _, row in ctx.rows(ref)}
            return lambda row: plans.get(tuple(row.get(f) for f in fields))
    return None


def read_sources(ctx: Context) -> dict[str, tuple[str, str]]:
    """Each plan's source as (path, compacted text), after reporting the plans whose source is missing."""
    sources: dict[str, tuple[str, str]] = {}
    for line, plan in ctx.rows('plans'):
        rel = plan.get('source_file', '')
        if not rel:
            ctx.add(ctx.path('plans'), line, 'source_file', 'provenance', 'source-none', table='plans')
            continue
        if ctx.source(rel) is None:
            ctx.add(ctx.path('plans'), line, 'source_file', 'provenance', 'source-missing', table='plans', file=rel)
            continue
        sources[plan.get(PLAN_ID, '')] = (rel, ctx.source_text(rel))
    return sources


def run(ctx: Context) -> None:
    sources = read_sources(ctx)
    for name, resource in ctx.resources.items():
        fields = [f['name'] for f in resource.fields if f.get('verbatim')]
        find_plan = plan_of(ctx, name) if fields else None
        if find_plan is None:
            continue
        for line, row in ctx.rows(name):
            plan_id = find_plan(row)
            if plan_id not in sources:
                continue
            rel, source = sources[plan_id]
            for field in fields:
                value = row.get(field, '')
                if value and compact(value) not in source:
                    ctx.add(resource.path, line, field, 'provenance', 'not-in-source', table=name, cell=value, file=rel)
