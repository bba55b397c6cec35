"""The download formats, in the order they are built. A format is a module with

  FILES      the file name(s) it writes, as --help lists them (TABLE.csv, NAME.xlsx …)
  ABOUT      what they hold, for --help
  downloads(typed: TypedPackage) -> list[Download]
             its files: name, description, the table each holds (None for the whole package)
             and how to build its bytes.

Adding a format is adding its module to FORMATS; the manifest and --help are made from the list.
"""
from ipplans.export.formats import excel_csv, frictionless_zip, parquet, sqlite, stata, table_csv, xlsx

FORMATS = [table_csv, excel_csv, parquet, stata, xlsx, sqlite, frictionless_zip]
