"""Text rules shared by every tool: comparing with sources, item numbers, odd characters.

NFKC is applied where text is compared, never where it is stored.
"""
from __future__ import annotations

import re
import unicodedata

# Layout spaces that are not an ordinary space (no-break, en, em, ideographic …): the validator
# reports them, `ipplans fix` turns them into a space, ingest reads them as a space.
ODD_SPACE = re.compile('[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]')
# Zero-width characters that `ipplans fix` removes.
ZERO_WIDTH = re.compile('[\u200b\u200c\u200d\u2060\ufeff]')


def compact(text: str) -> str:
    """Form used to compare text with its source: NFKC, every whitespace removed.

    Sources mix full- and half-width punctuation and pad text with layout
    spaces (en spaces, NBSP, runs of blanks); none of that changes the words.
    Used for comparison only, never for storing.
    """
    return re.sub(r'\s+', '', unicodedata.normalize('NFKC', text))


_CN_DIGITS = {'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5,
              '六': 6, '七': 7, '八': 8, '九': 9}


def chinese_numeral(text: str) -> int | None:
    """Value of a Chinese numeral below 100 (一, 十, 十四, 二十三); None if it is not one."""
    if not text or any(c not in _CN_DIGITS and c != '十' for c in text):
        return None
    if '十' not in text:
        return _CN_DIGITS[text] if len(text) == 1 else None
    tens, _, units = text.partition('十')
    if len(tens) > 1 or len(units) > 1:
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def number_value(printed: str) -> int | None:
    """Value of a task number as printed: 1, 1., 1、, (1), （一）, 一、 → 1."""
    core = unicodedata.normalize('NFKC', printed).strip().strip('()（）.、．').strip()
    if core.isdigit():
        return int(core)
    return chinese_numeral(core)


def shorten(value: object, limit: int = 60) -> str:
    """A value for a one-line message: line breaks shown as ⏎, cut at `limit` characters."""
    text = str(value).replace('\n', '⏎').replace('\r', '')
    return text if len(text) <= limit else text[:limit] + '…'
