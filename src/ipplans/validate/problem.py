"""One problem the validator found, and its two output forms (a text line, a GitHub annotation)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str
    row: int | None       # the CSV line (header = 1), or None where no row applies
    field: str | None
    check: str            # the check's code name, as printed
    en: str
    zh: str

    def message(self, lang: str = 'both') -> str:
        return {'en': self.en, 'zh': self.zh}.get(lang, f'{self.en} | {self.zh}')

    def text(self, lang: str = 'both') -> str:
        row = '-' if self.row is None else str(self.row)
        return f'{self.path}:{row}:{self.field or "-"}: {self.check}: {self.message(lang)}'

    def github(self, lang: str = 'both') -> str:
        def escape(value: str) -> str:
            return value.replace('%', '%25').replace('\r', '%0D').replace('\n', '%0A')

        def prop(value: str) -> str:
            return escape(value).replace(':', '%3A').replace(',', '%2C')
        line = f',line={self.row}' if self.row else ''
        return f'::error file={prop(self.path)}{line},title={prop(self.check)}::{escape((self.field + ": " if self.field else "") + self.message(lang))}'
