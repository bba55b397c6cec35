"""Scale: a synthetic package of 100 plans (about 4,000 measures, 12,000 responsibilities).

No timing here (speed goals live in `make bench`): these tests check that everything still
works at that size and that outputs grow linearly, which a quadratic change would break."""
from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import synthetic
from conftest import ROOT, validate

PLANS = 100


@pytest.fixture(scope='module')
def big_package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp('synthetic') / 'package'
    synthetic.generate(PLANS, out)
    return out


def count_rows(path: Path) -> int:
    with open(path, encoding='utf-8', newline='') as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def test_synthetic_package_is_valid_for_us_and_upstream(big_package):
    code, lines = validate(big_package)
    assert code == 0, lines[:20]
    assert count_rows(big_package / 'data' / 'measures.csv') > 30 * PLANS
    upstream = subprocess.run([str(Path(sys.executable).parent / 'frictionless'), 'validate', 'datapackage.json'], cwd=big_package, capture_output=True, text=True)
    assert upstream.returncode == 0


def test_faults_in_a_large_package_are_all_found(big_package, tmp_path):
    import shutil
    broken = tmp_path / 'broken'
    shutil.copytree(big_package, broken)
    from bench import inject_faults
    faults = inject_faults(broken)
    code, lines = validate(broken, '--lang', 'en')
    assert code == 1
    reported = {(line.split(':')[0], int(line.split(':')[1])) for line in lines if line.startswith('data/') and line.split(':')[1].isdigit()}
    assert set(faults) <= reported


def test_downloads_of_a_large_package_hold_every_row(big_package, tmp_path):
    out = tmp_path / 'downloads'
    result = subprocess.run([sys.executable, str(ROOT / 'scripts' / 'export.py'), '--package', str(big_package), '--out', str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    database = next(out.glob('*.sqlite'))
    with sqlite3.connect(database) as connection:
        for table in ('measures', 'responsibilities', 'agencies'):
            assert connection.execute(f'SELECT count(*) FROM {table}').fetchone()[0] == count_rows(big_package / 'data' / f'{table}.csv')
