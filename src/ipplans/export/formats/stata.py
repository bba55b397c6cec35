"""Each table as a Stata dataset, TABLE.dta: the form economists load with `use`.

One .dta per table, not a zip of them: Stata opens a .dta directly, also from a web address
(`use "https://…/measures.dta"`), but cannot `use` a file inside a zip; every other per-table
download is one file per table too, and the manifest lists each with its checksum.

What a Stata user gets (written with pandas' DataFrame.to_stata):
- format 118 (Stata 14 or later), whose strings, labels and names are UTF-8, so Chinese text
  survives; a text longer than 2,045 bytes makes its variable a strL (pandas' rule, asked for
  explicitly here), shorter texts are fixed-width str#;
- coded fields as integer variables with a value label carrying each code's English label: the
  fields constrained to an enum (labels from the schema's enumLabels) and the fields that are, or
  refer to, the code of a code-list table (labels from its label_en); see ipplans.codes. The
  number is the code's position in its list (the enum's order, or the code-list table's row
  order), from 1, so it can change between versions when a code is added in the middle; the code
  itself is kept as text in FIELD_code, right after FIELD, to compare versions or match the CSV.
  A value missing from its list (a broken row) is numbered after the list and labelled with
  itself, so nothing is lost. Each value label is named after its variable (pandas' rule);
- true/false fields as byte variables 0/1 labelled false/true;
- date fields as Stata dates (%td); integers as long (or double beyond Stata's long); numbers as
  double. A missing value is missing: `.` for numbers, codes and dates, "" for text (Stata's
  missing string);
- variable labels from each field's English description, cut to Stata's 80 characters at a word
  boundary and ended with "…" when longer (the full English and Chinese descriptions are in the
  data dictionary, the workbook's data_dictionary sheet and the SQLite _fields table); the
  dataset label is the table's title, else its description, cut the same way;
- variable names are the field names: they are ASCII and at most 32 characters (checked here),
  except that a word Stata or Mata reserves (pandas refuses both; here: `function`) gets a
  trailing underscore (`function_`). A name that still does not fit stops the export.
The file's time stamp is the package's `created` date and the byte order little-endian, so the
same input gives the same bytes on any machine.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from dataclasses import dataclass

from ipplans.codes import CodeList, coded_fields
from ipplans.export.load import TypedPackage
from ipplans.export.shared import Download, ExportError, zip_time
from ipplans.package import Resource

FILES = 'TABLE.dta'
ABOUT = ('each table for Stata 14+ (format 118, UTF-8): coded fields as integers with value labels '
         '(the code kept as FIELD_code), true/false as 0/1, Stata dates, variable labels from the '
         'field descriptions')

VERSION = 118            # Stata 14 or later: UTF-8 throughout
LABEL_LIMIT = 80         # characters of a variable label or the dataset label
STR_LIMIT = 2045         # bytes of a fixed-width string variable; longer texts are strL
NAME = re.compile(r'[A-Za-z_][A-Za-z0-9_]{0,31}')
CODE_SUFFIX = '_code'
BOOLEAN_LABELS = {0: 'false', 1: 'true'}   # the Table Schema's own words for the values


def fit(text: str, limit: int = LABEL_LIMIT) -> str:
    """Text as one line of at most `limit` characters, cut at a word boundary and ended with '…'."""
    text = ' '.join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if ' ' in cut:
        cut = cut[:cut.rindex(' ')]
    return cut.rstrip(' ,;:(—-') + '…'


def reserved_words() -> set[str]:
    from pandas.io.stata import StataParser
    return set(StataParser().RESERVED_WORDS)


def stata_name(table: str, field: str, reserved: set[str]) -> str:
    """The field's Stata name: itself, a reserved word with a trailing underscore; else ExportError."""
    name = field + '_' if field in reserved else field
    if not NAME.fullmatch(name):
        raise ExportError(f'schemas: {table}.{field}: not usable as a Stata variable name (ASCII letters, '
                          'digits and _, at most 32 characters, not starting with a digit); rename the field')
    return name


@dataclass
class Variable:
    name: str
    label: str
    values: object                         # a pandas Series
    value_labels: dict[int, str] | None = None
    date: bool = False


def code_numbers(rows: list[list], columns: list[int], codes: CodeList) -> tuple[list, dict[int, str]]:
    """Each row's code as its number (None when missing), and the labels of the numbers."""
    numbers = codes.numbers()
    labels = {numbers[code.key]: code.label_en or code.value for code in codes.codes}
    values = []
    for row in rows:
        key = tuple(row[i] for i in columns)
        if any(v is None for v in key):
            values.append(None)
            continue
        if key not in numbers:                      # not in its list: numbered after it, labelled with itself
            numbers[key] = max(numbers.values(), default=0) + 1
            labels[numbers[key]] = key[-1]
        values.append(numbers[key])
    return values, labels


def small_int(values: list, labels: dict) -> str:
    """The smallest nullable integer type pandas writes as byte, int or long for these numbers."""
    top = max([v for v in values if v is not None] + list(labels) + [0])
    return 'Int8' if top <= 100 else 'Int16' if top <= 32740 else 'Int32'


def variables(typed: TypedPackage, res: Resource) -> list[Variable]:
    import pandas as pd

    rows = typed.rows[res.name]
    position = {name: i for i, name in enumerate(res.field_names)}
    coded = coded_fields(typed.package, res.name)
    reserved = reserved_words()
    out: list[Variable] = []
    for spec in res.fields:
        field, kind = spec['name'], spec.get('type', 'string')
        name = stata_name(res.name, field, reserved)
        label = fit(spec.get('description', ''))
        column = [row[position[field]] for row in rows]
        if field in coded:
            numbers, labels = code_numbers(rows, [position[f] for f in coded[field].fields], coded[field])
            out.append(Variable(name, label, pd.Series(pd.array(numbers, dtype=small_int(numbers, labels))), labels))
            out.append(Variable(stata_name(res.name, field + CODE_SUFFIX, reserved),
                                fit(f'{field} as text: the code as in the CSV'),
                                pd.Series(['' if v is None else v for v in column], dtype=object)))
        elif kind == 'boolean':
            out.append(Variable(name, label, pd.Series(pd.array([None if v is None else int(v) for v in column],
                                                                dtype='Int8')), dict(BOOLEAN_LABELS)))
        elif kind == 'integer':
            out.append(Variable(name, label, pd.Series(pd.array(column, dtype='Int64'))))
        elif kind == 'number':
            out.append(Variable(name, label, pd.Series([float('nan') if v is None else v for v in column],
                                                       dtype='float64')))
        elif kind == 'date':
            out.append(Variable(name, label, pd.Series([None if v is None else dt.datetime(v.year, v.month, v.day)
                                                        for v in column], dtype='datetime64[s]'), date=True))
        else:
            out.append(Variable(name, label, pd.Series(['' if v is None else v for v in column], dtype=object)))
    names = [v.name for v in out]
    clashes = sorted({n for n in names if names.count(n) > 1})
    if clashes:
        raise ExportError(f'schemas: {res.name}: Stata variable names {clashes} occur twice (a coded field '
                          f'FIELD also writes FIELD{CODE_SUFFIX}); rename a field')
    return out


def dta_bytes(typed: TypedPackage, res: Resource) -> bytes:
    import pandas as pd
    from pandas.io.stata import InvalidColumnName

    found = variables(typed, res)
    frame = pd.DataFrame({v.name: v.values for v in found})
    long_texts = [v.name for v in found if v.values.dtype == object and
                  max((len(s.encode('utf-8')) for s in v.values), default=0) > STR_LIMIT]
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter('error', InvalidColumnName)   # never let pandas rename a variable silently
        frame.to_stata(buffer, write_index=False, version=VERSION, byteorder='<',
                       time_stamp=dt.datetime(*zip_time(typed.descriptor)),
                       data_label=fit(res.entry.get('title') or res.description),
                       variable_labels={v.name: v.label for v in found},
                       value_labels={v.name: v.value_labels for v in found if v.value_labels},
                       convert_dates={v.name: 'td' for v in found if v.date},
                       convert_strl=long_texts)
    return buffer.getvalue()


def downloads(typed: TypedPackage) -> list[Download]:
    return [Download(f'{res.name}.dta',
                     f'Table {res.name}, Stata 14+ dataset (.dta format 118) with value labels on coded fields '
                     f'and variable labels: {res.description}',
                     res.name, lambda res=res: dta_bytes(typed, res))
            for res in typed.resources]
