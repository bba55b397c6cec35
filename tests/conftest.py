"""Shared fixtures: a scratch copy of the real package, CSV editing, running the validator."""
from __future__ import annotations

import csv
import io
import os
import shutil
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / 'scripts'))

REQUIRE_ALL = os.environ.get('REQUIRE_ALL_TESTS') == '1'

# The property tests draw the same examples on every run, so CI's verdict on a commit does not depend on luck;
# HYPOTHESIS_PROFILE=explore draws new ones (run it when changing ingest or the validator, and keep what it finds).
settings.register_profile('fixed', derandomize=True)
settings.register_profile('explore', derandomize=False, max_examples=1000)
settings.load_profile(os.environ.get('HYPOTHESIS_PROFILE', 'fixed'))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under REQUIRE_ALL_TESTS=1 (CI) a skipped test is a failed test."""
    outcome = yield
    report = outcome.get_result()
    if REQUIRE_ALL and report.skipped:
        report.outcome = 'failed'
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f'skipped under REQUIRE_ALL_TESTS=1: {reason}'


def copy_package(target: Path) -> Path:
    for name in ('datapackage.json',):
        shutil.copy(ROOT / name, target / name)
    for name in ('data', 'schemas'):
        shutil.copytree(ROOT / name, target / name)
    return target


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A scratch copy of the real package that a test may break."""
    return copy_package(tmp_path)


def read_rows(package_dir: Path, table: str) -> list[dict[str, str]]:
    with open(package_dir / 'data' / f'{table}.csv', encoding='utf-8', newline='') as handle:
        return list(csv.DictReader(handle))


def write_rows(package_dir: Path, table: str, rows: list[dict[str, str]], header: list[str] | None = None) -> None:
    header = header or list(rows[0])
    with open(package_dir / 'data' / f'{table}.csv', 'w', encoding='utf-8', newline='') as handle:
        writer = csv.DictWriter(handle, header, lineterminator='\n')
        writer.writeheader()
        writer.writerows(rows)


def line_of(package_dir: Path, table: str, match: dict[str, str]) -> int:
    """The CSV line number (header = 1) of the first row whose fields equal `match`."""
    for index, row in enumerate(read_rows(package_dir, table)):
        if all(row[k] == v for k, v in match.items()):
            return index + 2
    raise AssertionError(f'no row in {table} matches {match}')


def edit(package_dir: Path, table: str, match: dict[str, str], **changes: str) -> int:
    """Change the first row whose fields equal `match`; return its CSV line number (header = 1)."""
    rows = read_rows(package_dir, table)
    for index, row in enumerate(rows):
        if all(row[k] == v for k, v in match.items()):
            row.update(changes)
            write_rows(package_dir, table, rows)
            return index + 2
    raise AssertionError(f'no row in {table} matches {match}')


def validate(package_dir: Path, *args: str) -> tuple[int, list[str]]:
    import validate as validator
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        code = validator.main([str(package_dir), *args])
    return code, buffer.getvalue().splitlines()
