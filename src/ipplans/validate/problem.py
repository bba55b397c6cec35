"""One problem the validator found, and its two output forms (a text line, a GitHub annotation).

Both show every part through ipplans.text.visible: a file name, a cell or a value from the package
can hold a newline or an escape sequence, and must never start a line of its own in a CI log (a
forged `::error`) or colour a terminal.
"""
from __future__ import annotations

from dataclasses import dataclass

from ipplans.text import visible


@dataclass(frozen=True)
class Problem:
    path: str
    row: int | None       # the CSV line (header = 1), or None where no row applies
    field: str | None
    check: str            # the check's code name, as printed
    en: str
    zh: str

    def message(self, lang: str = 'both') -> str:
        return visible({'en': self.en, 'zh': self.zh}.get(lang, f'{self.en} | {self.zh}'))

    def text(self, lang: str = 'both') -> str:
        row = '-' if self.row is None else str(self.row)
        return f'{visible(self.path)}:{row}:{visible(self.field or "-")}: {visible(self.check)}: {self.message(lang)}'

    def github(self, lang: str = 'both') -> str:
        def escape(value: str) -> str:
            return value.replace('%', '%25').replace('\r', '%0D').replace('\n', '%0A')

        def prop(value: str) -> str:
            return escape(value).replace(':', '%3A').replace(',', '%2C')
        line = f',line={self.row}' if self.row else ''
        field = visible(self.field) + ': ' if self.field else ''
        return f'::error file={prop(visible(self.path))}{line},title={prop(visible(self.check))}::{escape(field + self.message(lang))}'

