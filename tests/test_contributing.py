"""CONTRIBUTING.md's worked example quotes real rows, and its sample message is what the validator says."""
from __future__ import annotations

import re

from conftest import ROOT, edit, validate

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
