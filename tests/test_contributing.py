"""CONTRIBUTING.md's worked example quotes real rows, and its sample message is what the validator says."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys

from conftest import ROOT, copy_package, edit, read_rows, validate, write_rows
from test_add import remove_plan

GUIDE = (ROOT / 'CONTRIBUTING.md').read_text(encoding='utf-8')


def csv_blocks() -> list[str]:
    return re.findall(r'```csv\n(.*?)```', GUIDE, flags=re.S)


def test_example_rows_are_rows_of_the_package():
    tables = {path.stem: path.read_text(encoding='utf-8') for path in (ROOT / 'data').glob('*.csv')}
    checked = 0
    for block in csv_blocks():
        for line in block.strip().split('\n'):
            if line.startswith(('plan_id,', 'measure_id,')) or '…' in line:
                continue  # a header, or a row shortened for the page
            assert any(line + '\n' in text for text in tables.values()), f'not a row of data/: {line}'
            checked += 1
    assert checked >= 5


def test_example_message_matches_the_validator(package):
    edit(package, 'measures', {'measure_id': 'tianjin-dongli-2020-2021-002'}, text='建立健全重大投融资活动中的知识产权尽职调查制度。')
    code, lines = validate(package)
    shown = re.search(r'```text\n(data/measures\.csv:\d+:text: provenance: )', GUIDE).group(1)
    assert any(line.startswith(shown) for line in lines), lines


def test_walkthrough_summary_is_what_ingest_prints_for_the_example(tmp_path):
    """The walkthrough quotes ingest's summary for its real excerpt: the same command prints those lines."""
    command = re.search(r'\.venv/bin/ipplans ingest (\S+) --out draft/ --plan-id (\S+)', GUIDE)
    copied = re.search(r'cp (\S+) ' + re.escape(command.group(1)), GUIDE)
    assert copied, 'the walkthrough archives the file it ingests'
    source = tmp_path / 'source.txt'
    shutil.copy(ROOT / copied.group(1), source)
    # the package as the walkthrough starts from: without the plan (added since, exactly this way), the
    # register still listing it as a wanted plan
    (tmp_path / 'package').mkdir()
    package = copy_package(tmp_path / 'package')
    if command.group(2) in {p['plan_id'] for p in read_rows(package, 'plans')}:
        removed = remove_plan(package, command.group(2))
        documents = read_rows(package, 'documents')
        write_rows(package, 'documents', documents + [dict(d, plan_id='') for d in removed.get('documents', [])],
                   header=list(documents[0]))
    result = subprocess.run([sys.executable, '-m', 'ipplans', 'ingest', str(source), '--out', str(tmp_path / 'draft'),
                             '--plan-id', command.group(2), '--package', str(package)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    quoted = re.search(r'prints a summary:\n\n```text\n(.*?)```', GUIDE, flags=re.S).group(1).strip().split('\n')
    printed = result.stdout.splitlines()
    for line in quoted:
        assert line in printed, f'the walkthrough quotes a line ingest does not print: {line}'
    # what the walkthrough tells the reader to use exists in the package
    functions = {row['function'] for row in read_rows(ROOT, 'agency_functions')}
    assert 'ip_administration' in functions
    wanted = {row['document_id']: row for row in read_rows(ROOT, 'documents')}
    assert wanted['sichuan-2021-work-points']['plan_id'] in ('', command.group(2))
