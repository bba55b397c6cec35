"""A gate that cannot be talked round (issue 15): every tool refuses files it may not read, validation
never uses the network, messages cannot forge a CI log line, archived sources are hashed and
add-only against the base, and the base gate judges a pull request's data with the base's own
validator, schemas and descriptor."""
from __future__ import annotations

import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import ROOT, copy_package, edit, line_of, read_rows, validate, write_rows

DL = 'tianjin-dongli-2020-2021'
RC = 'chongqing-rongchang-2021'


def parse(line: str) -> tuple[str, str, str, str] | None:
    head, sep, rest = line.partition(': ')
    if not sep or head.count(':') != 2:
        return None
    return (*head.split(':'), rest.split(':')[0])


def ipplans(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The command as a contributor runs it (the ipplans this interpreter imports)."""
    return subprocess.run([sys.executable, '-m', 'ipplans', *args], capture_output=True, text=True, env=env)


def source_of(package: Path, plan_id: str) -> str:
    return next(r['source_file'] for r in read_rows(package, 'plans') if r['plan_id'] == plan_id)


# -- messages cannot forge a log line or colour a terminal --------------------------------------
def test_a_file_name_cannot_forge_a_ci_log_line(package):
    (package / 'data' / 'sources' / 'x\n::error file=README.md::all good.txt').write_text('x', encoding='utf-8')
    (package / 'data' / 'sources' / 'y\r::warning::spoofed.txt').write_text('y', encoding='utf-8')
    for fmt in ('text', 'github'):
        code, out = validate(package, '--format', fmt)
        assert code == 1
        annotations = [line for line in out if line.startswith('::')]
        assert all(line.startswith('::error file=data/sources/') for line in annotations), out
        assert len(annotations) == (2 if fmt == 'github' else 0), out
        assert not any('\r' in line or '\n' in line for line in out)
        assert any('x\\n' in line for line in out), out


def test_an_escape_sequence_in_a_cell_is_shown_not_sent(package):
    line = edit(package, 'agencies', {'agency_id': 'dongli-court'}, note='\x1b[31mred\x1b[0m \u202egnp.exe')
    code, out = validate(package)
    assert ('data/agencies.csv', str(line), 'note', 'hygiene') in [parse(text) for text in out]
    assert not any('\x1b' in text or '\u202e' in text for text in out), out
    edit(package, 'agencies', {'agency_id': 'dongli-court'}, agency_id='dongli-court\x1b[2J')
    code, out = validate(package, '--format', 'github')
    assert not any('\x1b' in text for text in out) and any('\\x1b[2J' in text for text in out), out
