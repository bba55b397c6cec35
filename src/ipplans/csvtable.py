"""CSV tables as the package stores them: UTF-8, a header row, and each row's line number."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass


@dataclass
class Table:
    """A CSV table as read by us: header, rows as dicts, and each row's line number (header = 1)."""
    header: list[str]
    rows: list[dict[str, str]]
    lines: list[int]

    def numbered(self) -> list[tuple[int, dict[str, str]]]:
        """(line, row) pairs."""
        return list(zip(self.lines, self.rows))


class CSVSyntaxError(ValueError):
    """A CSV file that does not parse; `line` is where the broken record starts (header = 1)."""
    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line


def parse_csv(text: str) -> Table:
    reader = csv.reader(io.StringIO(text, newline=''), strict=True)
    header: list[str] = []
    rows: list[dict[str, str]] = []
    lines: list[int] = []
    start = 1
    records = iter(reader)
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except csv.Error as error:
            raise CSVSyntaxError(str(error), start) from None
        if not header:
            header = record
        elif not record:
            pass  # a blank line: no row (the validator reports it)
        else:
            rows.append(dict(zip(header, record + [''] * (len(header) - len(record)))))
            lines.append(start)
        start = reader.line_num + 1
    return Table(header, rows, lines)


def csv_bytes(header: list[str], rows: list[dict[str, str]], *, bom: bool = False, newline: str = '\n') -> bytes:
    """A table as CSV bytes: UTF-8 (with a byte-order mark if asked), cells quoted only where needed."""
    out = io.StringIO(newline='')
    writer = csv.writer(out, lineterminator=newline)
    writer.writerow(header)
    writer.writerows([row.get(name, '') for name in header] for row in rows)
    return ('\ufeff' if bom else '').encode('utf-8') + out.getvalue().encode('utf-8')
