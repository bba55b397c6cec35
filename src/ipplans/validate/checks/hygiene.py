"""Cells hold clean plain text: no stray or odd whitespace, control or invisible characters,
formula prefixes or HTML tags, and identifiers (fields with a pattern) hold no lookalike characters."""
from __future__ import annotations

import re
import unicodedata

from ipplans.schema import identifier_fields
from ipplans.text import ODD_SPACE, shorten
from ipplans.validate.context import Context

CODES = ('hygiene', 'lookalike', 'markup')
MESSAGES = {
    'whitespace': ('leading or trailing whitespace: remove it (make fix does).', '首尾有空白：请删除（make fix 可自动处理）。'),
    'control': ('control character U+{code} (a line break or tab inside a cell?): remove it.', '含控制字符 U+{code}（单元格内的换行或制表符？）：请删除。'),
    'invisible': ('invisible or invalid character U+{code} ({name}): remove it (make fix removes zero-width characters).',
                  '含不可见或无效字符 U+{code}（{name}）：请删除（make fix 会删除零宽字符）。'),
    'odd-space': ('non-standard space U+{code} ({name}): use an ordinary space (make fix does).', '含非标准空格 U+{code}（{name}）：请改用普通空格（make fix 可自动处理）。'),
    'formula': ('the cell starts with "{char}", which spreadsheet programs run as a formula: rephrase it or drop the leading character.',
                '单元格以“{char}”开头，表格软件会将其当作公式执行：请改写或去掉开头字符。'),
    'markup': ('the cell contains the HTML tag {tag}: the package stores plain text; remove the tag.', '单元格含有 HTML 标签 {tag}：本数据包只存纯文本；请删除标签。'),
    'lookalike': ('"{cell}" contains full-width or lookalike characters ({chars}) in an identifier: use ASCII (make fix converts them).',
                  '标识“{cell}”中含有全角或形近字符（{chars}）：请改用 ASCII 字符（make fix 可自动转换）。'),
}

FORMULA_PREFIXES = ('=', '+', '-', '@')
TAG = re.compile(r'<\s*/?\s*[A-Za-z!][^<>]*>')


def text_problem(value: str, identifier: bool = False) -> tuple[str, dict] | None:
    """The first hygiene problem of a stored cell as (message key, parameters), or None."""
    # Fast path for the common clean cell: isprintable() is False for every control, format,
    # private-use, surrogate, unassigned or non-ASCII space character.
    if value.isprintable() and value == value.strip() and value[:1] not in FORMULA_PREFIXES and '<' not in value \
            and (not identifier or value.isascii()):
        return None
    if identifier and not value.isascii():
        odd = sorted({c for c in value if not c.isascii()})
        if unicodedata.normalize('NFKC', value).isascii() or odd:
            return 'lookalike', {'cell': value, 'chars': ' '.join(f'{c} U+{ord(c):04X}' for c in odd[:5])}
    if value != value.strip():
        return 'whitespace', {}
    for char in value:
        category = unicodedata.category(char)
        if category == 'Cc':
            return 'control', {'code': f'{ord(char):04X}'}
        if category in ('Cf', 'Co', 'Cs', 'Cn') or char == '\ufffd':
            return 'invisible', {'code': f'{ord(char):04X}', 'name': unicodedata.name(char, 'unnamed')}
    match = ODD_SPACE.search(value)
    if match:
        return 'odd-space', {'code': f'{ord(match.group()):04X}', 'name': unicodedata.name(match.group(), 'space')}
    if value[:1] in FORMULA_PREFIXES:
        return 'formula', {'char': value[0]}
    tag = TAG.search(value)
    if tag:
        return 'markup', {'tag': shorten(tag.group(), 30)}
    return None


def run(ctx: Context) -> None:
    for resource in ctx.tables():
        identifiers = identifier_fields(resource.schema or {})
        for line, row in ctx.rows(resource.name):
            for field, value in row.items():
                found = text_problem(value, identifier=field in identifiers)
                if found:
                    key, params = found
                    check = key if key in ('lookalike', 'markup') else 'hygiene'
                    ctx.add(resource.path, line, field, check, key, table=resource.name, **params)
