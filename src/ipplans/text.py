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


# Characters that must never reach a log or a terminal as they are: controls (a newline would start
# a forged `::warning` line in a CI log, ESC starts a terminal escape sequence), line and paragraph
# separators, format characters (bidi overrides reorder what a reader sees, zero-width ones hide),
# surrogates (an undecodable file name) and unassigned code points.
_HIDDEN_CATEGORIES = frozenset({'Cc', 'Cf', 'Cs', 'Co', 'Cn', 'Zl', 'Zp'})
_NAMED_ESCAPES = {'\n': '\\n', '\r': '\\r', '\t': '\\t'}


def visible(value: object) -> str:
    """Text from the package (a file name, a cell, a value) safe to print on one line: every
    control, format or separator character spelled as an escape (\\n, \\x1b, \\u202e), so no message
    can forge a CI log line or colour a terminal. Clean text, the usual case, comes back unchanged."""
    text = str(value)
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char.isprintable() or unicodedata.category(char) not in _HIDDEN_CATEGORIES:
            out.append(char)
        elif char in _NAMED_ESCAPES:
            out.append(_NAMED_ESCAPES[char])
        elif ord(char) < 0x100:
            out.append(f'\\x{ord(char):02x}')
        elif ord(char) < 0x10000:
            out.append(f'\\u{ord(char):04x}')
        else:
            out.append(f'\\U{ord(char):08x}')
    return ''.join(out)


def visible_lines(text: object) -> str:
    """A message of several lines, each made `visible` (for errors that list one problem a line)."""
    return '\n'.join(visible(line) for line in str(text).split('\n'))
