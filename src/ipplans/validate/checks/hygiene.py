"""Cells hold clean plain text: no stray or odd whitespace, control or invisible characters,
formula prefixes or HTML tags, and identifiers (fields with a pattern) hold no lookalike characters."""
from __future__ import annotations

import re
import unicodedata

import regex   # Unicode properties (marks, scripts), which re lacks

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
    'radical': ('{char} U+{code} ({name}) only looks like the character {plain}: type {plain} itself (a PDF or OCR copy often '
                'gives radicals or compatibility forms).',
                '{char}（U+{code}，{name}）只是形似“{plain}”：请改用“{plain}”本字（PDF 或 OCR 复制常带入部首或兼容字形）。'),
    'combining': ('combining mark U+{code} ({name}) after "{base}": write the letter as one character, or remove the mark.',
                  '“{base}”后有组合符号 U+{code}（{name}）：请写成一个字符，或删除该符号。'),
    'mixed-script': ('the word "{word}" mixes Latin letters with Cyrillic or Greek lookalikes ({chars}): type it in Latin letters.',
                     '词“{word}”中拉丁字母与形近的西里尔或希腊字母（{chars}）混用：请全部用拉丁字母输入。'),
    'lookalike': ('"{cell}" contains full-width or lookalike characters ({chars}) in an identifier: use ASCII (make fix converts them).',
                  '标识“{cell}”中含有全角或形近字符（{chars}）：请改用 ASCII 字符（make fix 可自动转换）。'),
}

FORMULA_PREFIXES = ('=', '+', '-', '@')
LOOKALIKES = ('lookalike', 'radical', 'combining', 'mixed-script')
TAG = re.compile(r'<\s*/?\s*[A-Za-z!][^<>]*>')
# Characters that draw nothing or join another but are letters or marks to isprintable():
# variation selectors and the Hangul fillers.
BLANK_MARKS = re.compile('[\u115f\u1160\u3164\uffa0\ufe00-\ufe0f\U000e0100-\U000e01ef]')
# Kangxi and supplementary radicals, CJK compatibility ideographs: NFKC maps them to the ordinary character.
RADICALS = re.compile('[\u2e80-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]')
WORD = re.compile(r'[^\W\d_]+')

MARK = regex.compile(r'\p{M}')
# Letters that pass for Latin ones inside a Latin word.
OTHER_SCRIPT = regex.compile(r'[\p{Cyrillic}\p{Greek}]')
LATIN = regex.compile(r'\p{Latin}')
# Every character that _lookalike looks at: the fast path skips a cell without one.
SUSPECT = regex.compile('[\\p{M}\\p{Cyrillic}\\p{Greek}' + RADICALS.pattern[1:-1] + BLANK_MARKS.pattern[1:-1] + ']')


def text_problem(value: str, identifier: bool = False) -> tuple[str, dict] | None:
    """The first hygiene problem of a stored cell as (message key, parameters), or None."""
    # Fast path for the common clean cell: isprintable() is False for every control, format,
    # private-use, surrogate, unassigned or non-ASCII space character.
    if value.isprintable() and value == value.strip() and value[:1] not in FORMULA_PREFIXES and '<' not in value \
            and (not identifier or value.isascii()) and (value.isascii() or not SUSPECT.search(value)):
        return None
    if identifier and not value.isascii():
        odd = sorted({c for c in value if not c.isascii()})
        if unicodedata.normalize('NFKC', value).isascii() or odd:
            return 'lookalike', {'cell': value, 'chars': ' '.join(f'{c} U+{ord(c):04X}' for c in odd[:5])}
    if value != value.strip():
        return 'whitespace', {}
    for char in value:
        category = unicodedata.category(char)
        if category in ('Cc', 'Zl', 'Zp'):   # Zl, Zp: U+2028 and U+2029 break lines as \n does
            return 'control', {'code': f'{ord(char):04X}'}
        if category in ('Cf', 'Co', 'Cs', 'Cn') or char == '\ufffd' or BLANK_MARKS.match(char):
            return 'invisible', {'code': f'{ord(char):04X}', 'name': unicodedata.name(char, 'unnamed')}
    return _lookalike(value) or _other_problem(value)


def _lookalike(value: str) -> tuple[str, dict] | None:
    """Characters that pass for others: radicals for ideographs, stray combining marks, Cyrillic or
    Greek letters inside a Latin word (UTS #39's mixed-script words)."""
    radical = RADICALS.search(value)
    if radical:
        char = radical.group()
        return 'radical', {'char': char, 'code': f'{ord(char):04X}', 'name': unicodedata.name(char, 'unnamed'),
                           'plain': unicodedata.normalize('NFKC', char)}
    mark = MARK.search(value)
    if mark:
        char = mark.group()
        return 'combining', {'code': f'{ord(char):04X}', 'name': unicodedata.name(char, 'unnamed'),
                             'base': value[mark.start() - 1] if mark.start() else ''}
    for word in WORD.findall(value):
        if LATIN.search(word) and OTHER_SCRIPT.search(word):
            odd = sorted(set(OTHER_SCRIPT.findall(word)))
            return 'mixed-script', {'word': word, 'chars': ' '.join(f'{c} U+{ord(c):04X}' for c in odd[:5])}
    return None


def _other_problem(value: str) -> tuple[str, dict] | None:
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
                    check = 'markup' if key == 'markup' else 'lookalike' if key in LOOKALIKES else 'hygiene'
                    ctx.add(resource.path, line, field, check, key, table=resource.name, **params)
