"""Archived sources are add-only: against the base revision (`ipplans validate --base REV`), every
source file the base holds is still there, byte for byte, unless a curation note says why.

The note that counts: a row of curation_notes with table_name `plans`, row_key the plan's id (the
plan that named the file in the base), field `source_file`, and a note saying what changed and why;
it must be new in this change (a note the base already has does not count again). The base is read
with git (ipplans.sources.Base), never from the network. Without --base this check does nothing.
"""
from __future__ import annotations

from ipplans.csvtable import CSVSyntaxError, parse_csv
from ipplans.sources import FILE_FIELD, SOURCES_DIR, TABLE, Base, git_blob_id
from ipplans.validate.context import Context

CODES = ('source-history',)
MESSAGES = {
    'source-changed': ('this archived source differs from the file in the base revision {base}: archived sources are add-only and '
                       'never edited. Restore it (git checkout {base} -- {file}). If the archived text itself was wrong, add a '
                       'curation note (table_name plans, row_key {plan}, field source_file) saying what changed and why, empty '
                       'plans.source_sha256 of {plan} and run make fix.',
                       '此存档来源与基准版本 {base} 中的文件不同：存档来源只增不改。请恢复（git checkout {base} -- {file}）。'
                       '如果存档文本本身有误，请添加一条整理说明（table_name 为 plans，row_key 为 {plan}，field 为 source_file）'
                       '写明改了什么及原因，清空 {plan} 的 plans.source_sha256 并运行 make fix。'),
    'source-removed': ('this archived source of plan {plan}, in the base revision {base}, was removed: archived sources are '
                       'add-only. Restore it (git checkout {base} -- {file}). If it must go, add a curation note (table_name '
                       'plans, row_key {plan}, field source_file) saying why.',
                       '基准版本 {base} 中方案 {plan} 的此存档来源被删除：存档来源只增不删。请恢复（git checkout {base} -- {file}）。'
                       '如确需删除，请添加一条整理说明（table_name 为 plans，row_key 为 {plan}，field 为 source_file）写明原因。'),
    'source-removed-plan': ('this archived source and its plan {plan}, both in the base revision {base}, were removed: sources '
                            'and their plans are add-only. Restore them (git checkout {base} -- {file} data/); withdrawing a '
                            'plan is a maintainer\'s decision, outside this check.',
                            '基准版本 {base} 中的此存档来源及其方案 {plan} 均被删除：来源及其方案只增不删。请恢复'
                            '（git checkout {base} -- {file} data/）；撤下方案须由维护者决定，不在本检查范围内。'),
}


def base_rows(base: Base, table: str) -> list[dict[str, str]]:
    """The rows of a table of the base ([] when the base has none that parses)."""
    data = base.read(f'data/{table}.csv')
    try:
        return parse_csv(data.decode('utf-8-sig')).rows if data else []
    except (UnicodeDecodeError, CSVSyntaxError):
        return []


def note_key(note: dict[str, str]) -> tuple:
    return tuple(sorted(note.items()))


def run(ctx: Context) -> None:
    base = ctx.base
    if base is None:
        return
    archived = base.files(SOURCES_DIR)
    if not archived:
        return
    base_plans = {plan.get(FILE_FIELD, ''): plan.get('plan_id', '') for plan in base_rows(base, TABLE)}
    plans_now = {plan.get('plan_id', '') for _, plan in ctx.rows(TABLE)}
    old_notes = {note_key(note) for note in base_rows(base, 'curation_notes')}
    explained = {note.get('row_key', '') for _, note in ctx.rows('curation_notes')
                 if note.get('table_name') == TABLE and note.get('field') == FILE_FIELD and note.get('note', '').strip()
                 and note_key(note) not in old_notes}
    for rel, blob in sorted(archived.items()):
        data = ctx.source(rel)
        if data is not None and git_blob_id(data) == blob:
            continue
        plan = base_plans.get(rel, '')
        if plan and plan in explained and plan in plans_now:
            continue
        if data is not None:
            key = 'source-changed'
        else:
            key = 'source-removed' if plan in plans_now else 'source-removed-plan'
        ctx.add(rel, None, None, 'source-history', key, file=rel, plan=plan or '?', base=base.rev)
