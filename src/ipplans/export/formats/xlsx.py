"""One Excel workbook: a sheet per table, the data dictionary, and what the package is.

Every value is stored as it is (text as text even when it starts with '=', dates as dates),
so the workbook is the file to use when a task number's printed form (1. or (1)) matters.
"""
from __future__ import annotations

import datetime as dt
import io
import unicodedata
import zipfile
from typing import Any

from ipplans.export.load import TypedPackage
from ipplans.export.shared import Download, ExportError, constraint_text, rezip, zip_time

FILES = 'NAME.xlsx'
ABOUT = 'one workbook: a sheet per table, a data_dictionary sheet, an about sheet'

WORKBOOK_SHEETS = ('data_dictionary', 'about')   # the workbook's sheets besides one per table
EXCEL_CELL_LIMIT = 32767
DICTIONARY_HEADER = ['table', 'field', 'type', 'constraints', 'description', 'description_zh']


def dictionary_rows(typed: TypedPackage) -> list[list[str]]:
    return [[res.name, field['name'], field.get('type', 'string'), constraint_text(res, field),
             field.get('description', ''), field.get('description_zh', '')]
            for res in typed.resources for field in res.fields]


def about_rows(typed: TypedPackage) -> list[list[Any]]:
    d = typed.descriptor
    licences = '; '.join(f'{lic.get("name", "")} ({lic.get("path", "")})' for lic in d.get('licenses', []))
    rows: list[list[Any]] = [
        ['property', 'value'],
        ['title', d.get('title', '')],
        ['name', d['name']],
        ['version', d.get('version', '')],
        ['created', d.get('created', '')],
        ['licence of the data', licences],
        ['description', d.get('description', '')],
        ['data dictionary', 'sheet data_dictionary: every field of every table, its type, constraints and meaning'],
        [],
        ['sheet', 'rows', 'description', 'description_zh'],
    ]
    for res in typed.resources:
        rows.append([res.name, len(typed.rows[res.name]), res.schema.get('description', res.entry.get('description', '')),
                     res.schema.get('description_zh', '')])
    return rows


def display_width(text: str) -> int:
    """Columns the text takes in a spreadsheet: Chinese characters are twice as wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in 'WF' else 1 for ch in text)


def check_excel_limits(typed: TypedPackage) -> None:
    """Excel refuses sheet names over 31 characters, repeated names and cells over 32,767 characters."""
    names = [res.name for res in typed.resources]
    problems = [f'datapackage.json: table name {n!r} is longer than the 31 characters of an Excel sheet name'
                for n in names if len(n) > 31]
    problems += [f'datapackage.json: table name {n!r} is also the name of a workbook sheet of its own'
                 for n in names if n in WORKBOOK_SHEETS]
    for res in typed.resources:
        for line, row in res.numbered():
            problems += [f'{res.path}:{line}:{name}: {len(value):,} characters, more than an Excel cell holds (32,767)'
                         for name, value in row.items() if len(value) > EXCEL_CELL_LIMIT]
    if problems:
        raise ExportError('\n'.join(problems))


def add_sheet(book, title: str, header: list[str], rows: list[list[Any]]) -> None:
    """A sheet with a bold, frozen, filtered header and columns as wide as their text."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = book.create_sheet(title)
    ws.append(header)
    for row in rows:
        ws.append(row)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = dict(enumerate(map(len, header), start=1))
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(r, c)
            if isinstance(value, str):
                cell.data_type = 's'   # text stays text, even when it starts with '='
                widths[c] = max(widths.get(c, 0), min(display_width(value), 60))
            elif isinstance(value, dt.date):
                cell.number_format = 'yyyy-mm-dd'
                widths[c] = max(widths.get(c, 0), 10)
    for c, width in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = width + 2
    ws.freeze_panes = 'A2'
    if rows:
        ws.auto_filter.ref = ws.dimensions


def xlsx_bytes(typed: TypedPackage) -> bytes:
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    check_excel_limits(typed)
    book = Workbook()
    book.remove(book.active)
    for res in typed.resources:
        add_sheet(book, res.name, res.table.header, typed.rows[res.name])
    dictionary, about = WORKBOOK_SHEETS
    add_sheet(book, dictionary, DICTIONARY_HEADER, dictionary_rows(typed))
    rows = about_rows(typed)
    add_sheet(book, about, rows[0], rows[1:])
    book[about].auto_filter.ref = None

    when = zip_time(typed.descriptor)
    book.properties.created = book.properties.modified = dt.datetime(*when)
    book.properties.creator = book.properties.title = typed.descriptor.get('title', typed.name)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w', zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()   # save_workbook() would stamp the build time
    return rezip(buffer.getvalue(), when)


def downloads(typed: TypedPackage) -> list[Download]:
    return [Download(f'{typed.name}.xlsx', f'All {len(typed.resources)} tables in one Excel workbook: a sheet per '
                     'table, a data_dictionary sheet and an about sheet.', None, lambda: xlsx_bytes(typed))]
