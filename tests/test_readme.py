"""The README's Download and Load it sections hold for the files export.py writes: the table
names every download, and the Python and DuckDB snippets run in a downloads folder."""
from __future__ import annotations

import csv
import json
import re
import subprocess
import sys

import pytest

from conftest import ROOT
from test_export import TABLES, built  # noqa: F401  (the session's downloads folder)
from test_release import readme_section


def fenced_blocks(section: str) -> list[tuple[str, str]]:
    """(language, code) of every fenced code block in a README section."""
    return re.findall(r'^```(\w*)\n(.*?)^```', section, flags=re.M | re.S)


LOAD_IT = fenced_blocks(readme_section('Load it'))
PYTHON = [code for lang, code in LOAD_IT if lang == 'python']
SQL = [code for lang, code in LOAD_IT if lang == 'sql']
STATA = [code for lang, code in LOAD_IT if lang == 'stata']


def test_load_it_has_python_duckdb_r_and_excel_instructions():
    languages = [lang for lang, _ in LOAD_IT]
    assert languages.count('python') >= 2 and 'sql' in languages and 'r' in languages
    text = readme_section('Load it')
    assert 'import pandas' in text and 'from frictionless import' in text and 'Excel' in text


@pytest.mark.parametrize('code', PYTHON, ids=[code.splitlines()[0] for code in PYTHON])
def test_python_snippet_runs_in_the_downloads_folder(built, code):  # noqa: F811
    result = subprocess.run([sys.executable, '-c', code], cwd=built, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert 'False' not in result.stdout      # the frictionless snippet prints validate().valid


@pytest.mark.parametrize('code', SQL)
def test_duckdb_snippet_runs_in_the_downloads_folder(built, code, monkeypatch):  # noqa: F811
    import duckdb
    monkeypatch.chdir(built)
    rows = duckdb.connect().execute(code).fetchall()
    assert rows and all(row[1] > 0 for row in rows)
    assert sum(row[1] for row in rows) == len(csv_rows('measures'))


def test_stata_snippet_names_files_and_variables_the_downloads_have(built):  # noqa: F811
    """No Stata here to run it: the files it opens exist and the variables it names are in them."""
    import pandas as pd
    assert STATA
    for code in STATA:
        variables = set()
        for name in re.findall(r'\b(\w+\.dta)\b', code):
            with pd.io.stata.StataReader(built / name) as reader:
                variables |= set(reader.variable_labels())
        named = re.findall(r'(?:^tab|\bif|\bm:1)\s+(\w+)', code, flags=re.M)
        assert named and set(named) <= variables, set(named) - variables


def csv_rows(table: str) -> list[dict]:
    with open(ROOT / 'data' / f'{table}.csv', encoding='utf-8', newline='') as handle:
        return list(csv.DictReader(handle))


def test_download_table_names_every_file_export_writes(built):  # noqa: F811
    section = readme_section('Download')
    names = re.findall(r'^\| `([^`]+)` \|', section, flags=re.M)
    listed = set()
    for name in names:
        listed |= {name.replace('TABLE', t) for t in TABLES} if 'TABLE' in name else {name}
    written = {item['file'] for item in json.loads((built / 'manifest.json').read_text(encoding='utf-8'))}
    assert listed == written | {'manifest.json'}


def test_readme_sections_exist_in_order():
    text = (ROOT / 'README.md').read_text(encoding='utf-8')
    headings = re.findall(r'^## (.+)$', text, flags=re.M)
    assert [h for h in headings if h in ('Download', 'Load it', 'Cite')] == ['Download', 'Load it', 'Cite']
