"""Every archived source is the file whose SHA-256 its plan records (plans.source_sha256), and no
document is archived twice: not the same bytes, nor the same text after NFKC and whitespace removal."""
from __future__ import annotations

import re

from ipplans.sources import FILE_FIELD, HASH_FIELD, TABLE, sha256
from ipplans.validate.context import Context

CODES = ('source-hash', 'source-duplicate')
MESSAGES = {
    'source-hash-differs': ('the archived source {file} is not the file this plan recorded (SHA-256 {recorded}…, the file now '
                            'has {actual}…): archived sources are never edited. Restore the file as it was received (for example '
                            'git checkout origin/main -- {file}). If the plan is new and the hash was copied wrong, empty this '
                            'cell and run make fix, which records the hash of the file.',
                            '存档来源 {file} 与本方案记录的文件不符（记录的 SHA-256 为 {recorded}…，现为 {actual}…）：存档来源从不修改。'
                            '请恢复为收到时的文件（例如 git checkout origin/main -- {file}）。如果是新方案且哈希抄错，请清空此单元格并运行 '
                            'make fix，它会记录该文件的哈希。'),
    'source-same-bytes': ('{file} has the same bytes as {other}, the source of plan {plan}: the document is archived twice. '
                          'Keep one plan and one source file; if this is another document, archive its own text.',
                          '{file} 与方案 {plan} 的来源 {other} 字节完全相同：同一文件被存档了两次。请只保留一个方案和一个来源文件；'
                          '如果这是另一份文件，请存档它自己的文本。'),
    'source-same-text': ('{file} has the same text as {other}, the source of plan {plan} (compared after NFKC and removing '
                         'whitespace): the document is archived twice. Keep one plan and one source file; if this is another '
                         'document, archive its own text.',
                         '{file} 与方案 {plan} 的来源 {other} 文本相同（按 NFKC 规范化并去除空白后比较）：同一文件被存档了两次。'
                         '请只保留一个方案和一个来源文件；如果这是另一份文件，请存档它自己的文本。'),
}

HEX = re.compile(r'[0-9a-f]{64}')


def run(ctx: Context) -> None:
    if not ctx.readable(TABLE) or HASH_FIELD not in ctx.resources[TABLE].field_names:
        return
    path = ctx.path(TABLE)
    by_hash: dict[str, tuple[str, str]] = {}    # hash → (file, plan) of the first plan with those bytes
    by_text: dict[str, tuple[str, str]] = {}    # compacted text → (file, plan)
    for line, plan in ctx.rows(TABLE):
        rel, recorded, plan_id = plan.get(FILE_FIELD, ''), plan.get(HASH_FIELD, ''), plan.get('plan_id', '')
        data = ctx.source(rel) if rel else None
        if data is None:
            continue   # no file: the provenance check says so
        actual = sha256(data)
        if HEX.fullmatch(recorded) and recorded != actual:   # empty or malformed: Frictionless says so, with the field's meaning
            ctx.add(path, line, HASH_FIELD, 'source-hash', 'source-hash-differs', table=TABLE, file=rel,
                    recorded=recorded[:12], actual=actual[:12])
        if actual in by_hash and by_hash[actual][0] != rel:
            other, first = by_hash[actual]
            ctx.add(path, line, FILE_FIELD, 'source-duplicate', 'source-same-bytes', table=TABLE, file=rel, other=other, plan=first)
            continue
        by_hash.setdefault(actual, (rel, plan_id))
        text = ctx.source_text(rel)
        if text and text in by_text and by_text[text][0] != rel:
            other, first = by_text[text]
            ctx.add(path, line, FILE_FIELD, 'source-duplicate', 'source-same-text', table=TABLE, file=rel, other=other, plan=first)
        else:
            by_text.setdefault(text, (rel, plan_id))
