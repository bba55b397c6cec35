"""Codes that make plans comparable: every measure coded under every scheme, functions shared
across jurisdictions, the agreement figures computed from the passes."""
from __future__ import annotations

import csv
import re
import subprocess
import sys
from collections import Counter, defaultdict

from sklearn.metrics import cohen_kappa_score

from conftest import ROOT, copy_package, read_rows, write_rows

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


# -- targets ------------------------------------------------------------------------------------
TARGET_CODES = ('indicator_code', 'value_kind', 'unit_code', 'binding', 'baseline_value', 'baseline_year')
INDICATORS = {r['indicator_code']: r for r in read_rows(ROOT, 'indicators')}


def test_a_target_is_numeric_exactly_when_it_has_a_value_and_a_unit():
    for t in read_rows(ROOT, 'targets'):
        assert (t['value_kind'] == 'numeric') == bool(t['value']) == bool(t['unit_code']), t['target_id']
        if t['value_kind'] == 'numeric':
            assert INDICATORS[t['indicator_code']]['value_kind'] == 'numeric', t['target_id']


def test_a_unit_per_10000_goes_with_its_denominator():
    per = {'count_per_10k_population': 'population', 'count_per_10k_market_entities': 'market_entities'}
    for code, row in INDICATORS.items():
        if row['value_kind'] == 'qualitative':
            assert not row['unit_code'] and not row['denominator'], code
        elif row['unit_code'] in per:
            assert row['denominator'] == per[row['unit_code']], code
        elif row['unit_code']:
            assert row['denominator'] not in per.values(), code
        assert not row['national_binding'] or row['national_note'], f'{code}: say where the national kind comes from'


def test_the_national_indicators_named_in_the_issue_are_in_the_code_list():
    national = {r['national_indicator_zh']: r for r in INDICATORS.values() if r['national_indicator_zh']}
    for name in ('每万人口高价值发明专利拥有量', '海外发明专利授权量', '知识产权使用费年进出口总额', '专利密集型产业增加值占GDP比重',
                 '版权产业增加值占GDP比重', '知识产权质押融资登记金额', '知识产权保护社会满意度', '知识产权民事一审案件服判息诉率'):
        assert name in national, name
    assert national['每万人口高价值发明专利拥有量']['unit_code'] == 'count_per_10k_population'
    assert national['版权产业增加值占GDP比重']['denominator'] == 'gdp'


def test_seed_targets_known_codes():
    """Read off the sources: 件 is a count for Jilin and a count per 10,000 people for Qianjiang; only
    Qianjiang prints a kind (预期性), and only for the two indicators before its remark."""
    targets = {t['target_id']: t for t in read_rows(ROOT, 'targets')}
    qj, jl = 'chongqing-qianjiang-draft', 'jilin-ip-strong-province'
    assert (targets[f'{qj}-t03']['unit'], targets[f'{qj}-t03']['unit_code']) == ('件', 'count_per_10k_population')
    assert (targets[f'{jl}-t07']['unit'], targets[f'{jl}-t07']['unit_code']) == ('件', 'count')
    assert targets[f'{qj}-t03']['indicator_code'] == 'invention_patents_per_10k'   # all patents, not the national high-value one
    assert [targets[f'{qj}-t0{n}']['binding'] for n in (3, 4, 5)] == ['expected', 'expected', 'not_stated']
    assert {t['binding'] for t in targets.values() if t['plan_id'] == jl} == {'not_stated'}
    assert targets[f'{jl}-t11']['indicator_code'] == 'overall_goal'
    seeds = (qj, jl, 'chongqing-rongchang-2021', 'anhui-huaibei-xiangshan-2021', 'tianjin-dongli-2020-2021')
    # in the seed plans every 总体目标 is an overall goal (elsewhere the codebook's first-clause rule may give
    # strong_ip_region to one that opens with 强市建设取得显著成效)
    assert all(t['indicator_code'] == 'overall_goal' for t in targets.values() if t['indicator'] == '总体目标' and t['plan_id'] in seeds)


def test_reviewed_target_codes_are_the_passes_codes():
    """A target coded by one pass carries pass a's codes; one the passes agree on carries them both."""
    passes = {(r['pass'], r['target_id']): r for r in read_rows(ROOT, 'target_coding_passes')}
    for t in read_rows(ROOT, 'targets'):
        codes = [t[f] for f in TARGET_CODES]
        if t['assigned_by'] == 'curator':
            assert [passes[('a', t['target_id'])][f] for f in TARGET_CODES] == codes, t['target_id']
        if t['assigned_by'] == 'agreed':
            assert all([passes[(p, t['target_id'])][f] for f in TARGET_CODES] == codes for p in ('a', 'b')), t['target_id']


def test_the_blind_sheet_shows_no_codes_and_a_filled_sheet_gives_the_agreement(tmp_path):
    """The documented path of a second pass, on a copy: the sheet holds no code of pass a; filled and
    added, it is validated and `ipplans agreement` reports kappa per field. (The rows filled here are
    a test fixture, pass a with one change, not a coding pass.)"""
    (tmp_path / 'package').mkdir()
    package = copy_package(tmp_path / 'package')
    # As when targets were added since the last pass: three targets (an overall goal among them) lack pass b.
    passes = read_rows(package, 'target_coding_passes')
    pass_a_codes = {r['target_id']: r['indicator_code'] for r in passes if r['pass'] == 'a'}
    coded = sorted({r['target_id'] for r in passes if r['pass'] == 'b'})
    uncoded = {next(t for t in coded if pass_a_codes[t] == 'overall_goal'), *[t for t in coded if pass_a_codes[t] != 'overall_goal'][:2]}
    write_rows(package, 'target_coding_passes', [r for r in passes if not (r['pass'] == 'b' and r['target_id'] in uncoded)])
    sheet = tmp_path / 'sheet'
    made = subprocess.run([sys.executable, '-m', 'ipplans', 'coding-sheet', '--out', str(sheet), '--package', str(package)],
                          capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    blank = list(csv.DictReader(open(sheet / 'target_coding_passes.csv', encoding='utf-8')))
    context = list(csv.DictReader(open(sheet / 'context' / 'targets.csv', encoding='utf-8')))
    targets = read_rows(package, 'targets')
    coded_b = {r['target_id'] for r in read_rows(package, 'target_coding_passes') if r['pass'] == 'b'}
    assert {r['target_id'] for r in blank} == {t['target_id'] for t in targets} - coded_b   # only what pass b lacks
    assert {r['target_id'] for r in context} == {r['target_id'] for r in blank}
    assert all(r['pass'] == 'b' and not any(r[f] for f in TARGET_CODES + ('note',)) for r in blank)
    assert not set(context[0]) & set(TARGET_CODES + ('indicator', 'value', 'unit', 'qualifier'))
    pass_a = {r['target_id']: r for r in read_rows(package, 'target_coding_passes') if r['pass'] == 'a'}
    filled = [dict(pass_a[r['target_id']], **{'pass': 'b', 'note': ''}) for r in blank]
    changed = next(r for r in filled if r['indicator_code'] == 'overall_goal')
    changed['indicator_code'] = 'other_qualitative'
    with open(sheet / 'target_coding_passes.csv', 'w', encoding='utf-8', newline='') as handle:
        writer = csv.DictWriter(handle, list(blank[0]), lineterminator='\n')
        writer.writeheader()
        writer.writerows(filled)
    added = subprocess.run([sys.executable, '-m', 'ipplans', 'add', str(sheet), '--package', str(package)], capture_output=True, text=True)
    assert added.returncode == 0, added.stdout + added.stderr
    out = subprocess.run([sys.executable, '-m', 'ipplans', 'agreement', '--package', str(package)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    b = {r['target_id']: r for r in read_rows(package, 'target_coding_passes') if r['pass'] == 'b'}   # earlier and new rows
    ids = sorted(set(pass_a) & set(b))
    a_codes, b_codes = [pass_a[t]['indicator_code'] for t in ids], [b[t]['indicator_code'] for t in ids]
    kappa = cohen_kappa_score(a_codes, b_codes)
    same = sum(x == y for x, y in zip(a_codes, b_codes))
    row = next(line for line in out.stdout.splitlines() if line.startswith('| indicator_code |'))
    reported = row.strip('| ').split(' | ')
    assert reported[:3] == ['indicator_code', str(len(ids)), str(same)] and abs(float(reported[3]) - kappa) <= 0.01, row
    assert f'| indicator_code | {len(ids)} | {same + 1} |' not in out.stdout   # the changed row counts as a difference
    kinds = sum(pass_a[t]['value_kind'] == b[t]['value_kind'] for t in ids)
    assert any(line.startswith('| value_kind |') and f'| {len(ids)} | {kinds} |' in line for line in out.stdout.splitlines())
