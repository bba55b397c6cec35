"""Each table as CSV for Excel, which takes a CSV's character set from its first bytes: with a
UTF-8 byte-order mark it reads UTF-8, without one the system code page (GBK on Chinese Windows)."""
from __future__ import annotations

from ipplans.csvtable import csv_bytes
from ipplans.export.load import TypedPackage
from ipplans.export.shared import Download

FILES = 'TABLE_excel.csv'
ABOUT = 'each table for Excel: UTF-8 with a byte-order mark and CRLF line ends'


def downloads(typed: TypedPackage) -> list[Download]:
    return [Download(f'{res.name}_excel.csv',
                     f'Table {res.name}, CSV for Excel (UTF-8 with byte-order mark, CRLF line ends): {res.description}',
                     res.name, lambda res=res: csv_bytes(res.table.header, res.table.rows, bom=True, newline='\r\n'))
            for res in typed.resources]
