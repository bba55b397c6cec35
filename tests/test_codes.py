"""Codes that make plans comparable: every measure coded under every scheme, functions shared
across jurisdictions, the agreement figures computed from the passes."""
from __future__ import annotations

import csv
import re
import subprocess
import sys
from collections import Counter, defaultdict

from sklearn.metrics import cohen_kappa_score

from conftest import ROOT, read_rows

SCHEMES = {r['scheme']: r for r in read_rows(ROOT, 'coding_schemes')}
CODES = defaultdict(set)
for _row in read_rows(ROOT, 'measure_codes'):
    CODES[(_row['measure_id'], _row['scheme'])].add(_row['code'])


def test_every_measure_carries_every_scheme_with_the_right_number_of_codes():
    for measure in read_rows(ROOT, 'measures'):
        for name, scheme in SCHEMES.items():
            codes = CODES[(measure['measure_id'], name)]
            assert codes, (measure['measure_id'], name)
            if scheme['values'] == 'one':
                assert len(codes) == 1, (measure['measure_id'], name, codes)
            if scheme['max_codes']:
                assert len(codes) <= int(scheme['max_codes']), (measure['measure_id'], name, codes)


def test_adjudicated_codes_say_why():
    for row in read_rows(ROOT, 'measure_codes'):
        if row['assigned_by'] == 'adjudicated':
            assert len(row['note']) > 20, row


def test_the_same_kind_of_body_shares_its_function_across_jurisdictions():
    agencies = read_rows(ROOT, 'agencies')
    for ending, function in (('市场监督管理局', 'market_regulation'), ('人民法院', 'court'), ('人民检察院', 'procuratorate'),
                             ('宣传部', 'publicity'), ('司法局', 'justice')):
        named = [a for a in agencies if a['name'].endswith(ending)]
        assert named and {a['function'] for a in named} == {function}, ending
    police = [a for a in agencies if a['kind'] == 'police']
    assert police and {a['function'] for a in police} == {'public_security'}


def test_seed_measures_known_codes():
    # Xiangshan 4 is about trade secrets; Rongchang 34 (pledge financing) is finance; Jilin 16 (组织领导) a safeguard.
    assert 'trade_secret' in CODES[('anhui-huaibei-xiangshan-2021-004', 'ip_right')]
    assert 'finance_insurance' in CODES[('chongqing-rongchang-2021-034', 'instrument')]
    assert CODES[('jilin-ip-strong-province-016', 'measure_type')] == {'safeguard'}


def test_agreement_report_is_computed_from_the_two_passes():
    passes = read_rows(ROOT, 'measure_coding_passes')
    by_pass = {p: defaultdict(set) for p in ('a', 'b')}
    for row in passes:
        by_pass[row['pass']][(row['measure_id'], row['scheme'])].add(row['code'])
    measures = sorted({r['measure_id'] for r in passes})
    pillar = cohen_kappa_score([min(by_pass['a'][(m, 'pillar')]) for m in measures], [min(by_pass['b'][(m, 'pillar')]) for m in measures])
    out = subprocess.run([sys.executable, '-m', 'ipplans', 'agreement'], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    row = next(line for line in out.stdout.splitlines() if line.startswith('| pillar |'))
    assert row.rstrip(' |').endswith(f'{pillar:.2f}')
    differing = {(m, s) for m in measures for s in SCHEMES if by_pass['a'][(m, s)] != by_pass['b'][(m, s)]}
    assert f'{len(differing)} (measure, scheme) pairs differed' in out.stdout
    adjudicated = {(r['measure_id'], r['scheme']) for r in read_rows(ROOT, 'measure_codes') if r['assigned_by'] == 'adjudicated'}
    assert adjudicated == differing


def test_ingest_proposes_codes_marked_for_review(tmp_path):
    out = tmp_path / 'draft'
    result = subprocess.run([sys.executable, '-m', 'ipplans', 'ingest', str(ROOT / 'tests' / 'ingest_cases' / 'c02_halfwidth_departments' / 'source.txt'),
                             '--out', str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    proposed = list(csv.DictReader(open(out / 'measure_codes.csv', encoding='utf-8')))
    measures = {m['measure_id'] for m in csv.DictReader(open(out / 'measures.csv', encoding='utf-8'))}
    assert measures and {(r['measure_id'], r['scheme']) for r in proposed} == {(m, s) for m in measures for s in SCHEMES}
    assert {r['assigned_by'] for r in proposed} == {'rule_based'}
    assert re.search(r'measure_codes: \d+ codes proposed by the rule-based coder', result.stdout)
