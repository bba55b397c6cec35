"""scripts/ingest.py: drafts that reproduce the curated plans, pass the validator, and generalise
to test documents in other layouts (tests/ingest_cases/, expected rows written by hand)."""
from __future__ import annotations

import csv
import functools
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from conftest import ROOT, read_rows, validate, write_rows
from ipplans.ingest import draft as ingest
from ipplans.ingest import evaluate as ingest_eval
from ipplans.schema import translations

CASES = ROOT / 'tests' / 'ingest_cases'
PLANS = {row['plan_id']: row for row in read_rows(ROOT, 'plans')}
# The regression corpus: the five seed plans, whose rows ingest reproduces exactly. Plans added since
# are judged by the validator and their reviewers, not by this test; a seed removed just drops out.
SEEDS = [p for p in ('chongqing-rongchang-2021', 'jilin-ip-strong-province', 'chongqing-qianjiang-draft',
                     'anhui-huaibei-xiangshan-2021', 'tianjin-dongli-2020-2021') if p in PLANS]
OWN = ('plans', 'measures', 'targets', 'members', 'citations')

# Thresholds. The five sources are the curated truth and are reproduced exactly today, so any
# drop there is a regression. The test documents are small (3 to 6 tasks): one wrong task costs
# at most 0.25 of a document's score, hence 0.75 per document; over all documents (60+ tasks,
# 130+ agency mentions) 0.95 allows about three misses before the test fails. Today they all
# score 1.00; README gives the first-run scores of the documents written before the code that reads them.
SOURCE_MIN = {'precision': 1.0, 'recall': 1.0}
CASE_MIN = {'per_document': 0.75, 'overall': 0.95}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / 'scripts' / 'ingest.py'), *args], capture_output=True, text=True, cwd=ROOT)


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding='utf-8', newline='') as handle:
        return list(csv.DictReader(handle))


def header(path: Path) -> list[str]:
    with open(path, encoding='utf-8', newline='') as handle:
        return next(csv.reader(handle))


def rewrite(path: Path, rows: list[dict[str, str]]) -> None:
    fields = header(path)
    with open(path, 'w', encoding='utf-8', newline='') as handle:
        writer = csv.DictWriter(handle, fields, lineterminator='\n')
        writer.writeheader()
        writer.writerows(rows)


# -- the five sources ----------------------------------------------------------------------------------
@functools.cache
def source_scores() -> dict:
    return {m.name: (m, d) for m, d in ingest_eval.evaluate_sources(ROOT)}


@pytest.mark.parametrize('plan_id', SEEDS)
def test_source_draft_reproduces_curated_measures_and_responsibilities(plan_id):
    measures, duties = source_scores()[plan_id]
    print(f'\n{plan_id}: measures P={measures.precision:.2f} R={measures.recall:.2f}; '
          f'responsibilities P={duties.precision:.2f} R={duties.recall:.2f}')
    assert measures.precision >= SOURCE_MIN['precision'] and measures.recall >= SOURCE_MIN['recall']
    assert duties.precision >= SOURCE_MIN['precision'] and duties.recall >= SOURCE_MIN['recall']


def place(package: Path, draft: Path, plan_id: str) -> None:
    """Replace a plan's rows in a scratch package by the draft's rows; add the proposed agencies, aliases and documents."""
    measure_ids = {row['measure_id'] for row in read_rows(package, 'measures') if row['plan_id'] == plan_id}
    target_ids = {row['target_id'] for row in read_rows(package, 'targets') if row['plan_id'] == plan_id}
    for table in OWN:
        kept = [row for row in read_rows(package, table) if row['plan_id'] != plan_id]
        write_rows(package, table, kept + read_csv(draft / f'{table}.csv'), header=header(draft / f'{table}.csv'))
    notes = read_rows(package, 'curation_notes')   # notes on the curated rows do not apply to the draft
    write_rows(package, 'curation_notes', [n for n in notes if n['plan_id'] != plan_id], header=list(notes[0]))
    passes = read_rows(package, 'target_coding_passes')   # nor do the coding passes of the curated targets
    write_rows(package, 'target_coding_passes', [p for p in passes if p['target_id'] not in target_ids], header=list(passes[0]))
    for table in ('responsibilities', 'measure_codes'):   # keyed by measure: the plan's old measures' rows go
        kept = [row for row in read_rows(package, table) if row['measure_id'] not in measure_ids]
        write_rows(package, table, kept + read_csv(draft / f'{table}.csv'), header=header(draft / f'{table}.csv'))
    for table in ('agencies', 'agency_aliases', 'documents'):
        write_rows(package, table, read_rows(package, table) + read_csv(draft / f'{table}.csv'), header=header(draft / f'{table}.csv'))
    codes = read_rows(package, 'measure_codes')   # the coder's proposals for measures the package has not coded
    coded = {c['measure_id'] for c in codes}
    write_rows(package, 'measure_codes', codes + [c for c in read_csv(draft / 'measure_codes.csv') if c['measure_id'] not in coded],
               header=list(codes[0]))


@pytest.mark.parametrize('plan_id', SEEDS)
def test_source_draft_placed_in_the_package_passes_the_validator(package, tmp_path, plan_id):
    plan = PLANS[plan_id]
    out = tmp_path / 'draft'
    result = run(str(ROOT / plan['source_file']), '--out', str(out), '--plan-id', plan_id)
    assert result.returncode == 0, result.stderr
    # The contributor fills what the summary lists under "to fill" — and only that.
    to_fill = next(line for line in result.stdout.splitlines() if line.startswith('to fill'))
    assert 'plans.title_en' in to_fill and 'plans.source_note' in to_fill
    assert 'measures.text_en' in to_fill and 'measures.section_en' in to_fill, 'the English of every measure is to fill'
    assert 'region_code' not in to_fill, 'the region of every source is known to the package'
    plans = read_csv(out / 'plans.csv')
    plans[0]['title_en'], plans[0]['source_note'] = plan['title_en'], plan['source_note']
    rewrite(out / 'plans.csv', plans)
    # The English: every listed cell gets the contributor's translation (a stand-in here).
    for table in ('measures', 'members'):
        rows = read_csv(out / f'{table}.csv')
        for row in rows:
            for english, source in translations(json.loads((ROOT / 'schemas' / f'{table}.json').read_text(encoding='utf-8'))).items():
                if row[source] and not row[english]:
                    assert f'{table}.{english}' in to_fill, (table, english)
                    row[english] = 'translated by the contributor'
        rewrite(out / f'{table}.csv', rows)
    targets = read_csv(out / 'targets.csv')
    missing = [t for t in targets if not t['indicator_en']]
    assert bool(missing) == ('targets.indicator_en' in to_fill)
    for row in missing:
        row['indicator_en'] = 'filled by the contributor'
    rewrite(out / 'targets.csv', targets)
    place(package, out, plan_id)
    code, lines = validate(package)
    assert code == 0, '\n'.join(lines)


# -- the test documents ----------------------------------------------------------------------------------
CASE_NAMES = sorted(p.name for p in CASES.iterdir() if p.is_dir())


def test_at_least_ten_test_documents_with_hand_made_rows():
    assert len(CASE_NAMES) >= 10
    for name in CASE_NAMES:
        assert (CASES / name / 'expected_measures.csv').is_file() and (CASES / name / 'expected_responsibilities.csv').is_file()


def test_test_documents_meet_precision_recall_thresholds():
    scores = ingest_eval.evaluate_cases(CASES, ROOT)
    print('\n' + '\n'.join(ingest_eval.table(scores)))
    for measures, duties in scores:
        assert measures.precision >= CASE_MIN['per_document'] and measures.recall >= CASE_MIN['per_document'], measures
        assert duties.precision >= CASE_MIN['per_document'] and duties.recall >= CASE_MIN['per_document'], duties
    totals = [sum(getattr(s[i], f) for s in scores) for i in (0, 1) for f in ('found', 'drafted', 'expected')]
    found_m, drafted_m, expected_m, found_d, drafted_d, expected_d = totals
    assert found_m / drafted_m >= CASE_MIN['overall'] and found_m / expected_m >= CASE_MIN['overall']
    assert found_d / drafted_d >= CASE_MIN['overall'] and found_d / expected_d >= CASE_MIN['overall']


def draft_case(name: str, tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, Path]:
    out = tmp_path / name
    source = next((CASES / name).glob('source*.txt'))
    return run(str(source), '--out', str(out), *args), out


@pytest.mark.parametrize('name', [n for n in CASE_NAMES if (CASES / n / 'expected_plan.csv').is_file()])
def test_plan_metadata_of_test_documents(name, tmp_path):
    result, out = draft_case(name, tmp_path)
    assert result.returncode == 0, result.stderr
    plan = read_csv(out / 'plans.csv')[0]
    expected = {row['field']: row['value'] for row in read_csv(CASES / name / 'expected_plan.csv')}
    assert {field: plan[field] for field in expected} == expected


def test_preamble_without_tasks_yields_no_measures(tmp_path):
    result, out = draft_case('c08_preamble_only', tmp_path)
    assert read_csv(out / 'measures.csv') == [] and read_csv(out / 'responsibilities.csv') == []
    assert 'measures: 0 ' in result.stdout


def test_cited_document_numbers_are_not_taken_for_the_plans_own(tmp_path):
    result, out = draft_case('c10_cited_numbers', tmp_path)
    assert read_csv(out / 'plans.csv')[0]['doc_number'] == '鄂知发（2022）5号'
    got = [{k: r[k] for k in ('cited_in', 'cited_title', 'cited_doc_number')} for r in read_csv(out / 'citations.csv')]
    assert got == read_csv(CASES / 'c10_cited_numbers' / 'expected_citations.csv')


def test_member_list_with_spaced_and_carried_over_role_labels(tmp_path):
    result, out = draft_case('c12_bracketed_items_member_list', tmp_path)
    expected = read_csv(CASES / 'c12_bracketed_items_member_list' / 'expected_members.csv')
    got = [{k: r[k] for k in expected[0]} for r in read_csv(out / 'members.csv')]
    assert got == expected


def test_gb18030_and_bom_sources_are_read():
    gb = (CASES / 'c05_gb18030_bracketed_items' / 'source.txt').read_bytes()
    with pytest.raises(UnicodeDecodeError):
        gb.decode('utf-8')   # the case really is GB18030
    assert (CASES / 'c09_bom_chinese_numeral_date' / 'source.txt').read_bytes().startswith(b'\xef\xbb\xbf')
    titles = [ingest.draft(CASES / name / 'source.txt').tables['plans'][0]['title']
              for name in ('c05_gb18030_bracketed_items', 'c09_bom_chinese_numeral_date')]
    assert titles == ['梅州市梅县区知识产权保护工作方案', '柯桥区知识产权保护“十四五”行动方案']


# -- regions, agencies and the "to fill" convention ----------------------------------------------------
REGION_CASES = read_csv(CASES / 'regions.csv')


@pytest.mark.parametrize('case', REGION_CASES, ids=[c['case'] for c in REGION_CASES])
def test_jurisdiction_is_found_through_the_national_register(case):
    """Most test documents come from regions the package has no plan of: the register names them."""
    region = ingest.draft(next((CASES / case['case']).glob('source*.txt'))).tables['plans'][0]['region_code']
    assert region == case['region_code'], case['why']


@pytest.mark.parametrize('plan_id', SEEDS)
def test_jurisdiction_of_each_curated_plan_is_found(plan_id):
    assert ingest.draft(ROOT / PLANS[plan_id]['source_file']).tables['plans'][0]['region_code'] == PLANS[plan_id]['region_code']


def test_unknown_region_is_flagged_and_left_for_the_contributor(package, tmp_path):
    result, out = draft_case('c07_mid_list_page_numbers', tmp_path, '--plan-id', 'somewhere-2022')
    assert 'region: UNKNOWN' in result.stdout and 'names no jurisdiction' in result.stdout
    to_fill = next(line for line in result.stdout.splitlines() if line.startswith('to fill'))
    assert 'plans.region_code' in to_fill and 'agencies.region_code' in to_fill
    assert read_csv(out / 'plans.csv')[0]['region_code'] == ''
    # the validator rejects the placeholder with a clear message
    (package / 'data' / 'sources' / 'source.txt').write_bytes((CASES / 'c07_mid_list_page_numbers' / 'source.txt').read_bytes())
    place(package, out, 'somewhere-2022')
    code, lines = validate(package)
    assert code == 1
    assert any('plans.csv' in line and ':region_code: constraint-error: the cell is empty but a value is required' in line for line in lines), lines


def test_region_code_option_matches_agencies_of_that_region(tmp_path):
    result, out = draft_case('c07_mid_list_page_numbers', tmp_path, '--region-code', '500153')
    assert 'region: 500153 重庆市荣昌区 (given with --region-code)' in result.stdout
    agency_of = {r['as_printed']: r['agency_id'] for r in read_csv(out / 'responsibilities.csv')}
    assert agency_of['区市场监管局'] == 'rongchang-market-regulation'   # an alias of Rongchang
    assert agency_of['区司法局'] == 'rongchang-justice'
    new = {r['agency_id']: r for r in read_csv(out / 'agencies.csv')}
    assert agency_of['区委网信办'] in new and new[agency_of['区委网信办']]['region_code'] == '500153'
    assert new[agency_of['区委网信办']]['name'] == '重庆市荣昌区委网信办'
    assert agency_of['区委网信办'] == 'rongchang-cyberspace-affairs-office'   # id ending learnt from Dongli's agency
    assert 'the list starts at 8' in result.stdout


def test_printed_variants_match_existing_agencies_and_get_alias_rows(tmp_path):
    source = tmp_path / 'variants.txt'
    source.write_text('荣昌区测试方案\n一、任务\n1.开展测试。（责任单位：区市场监管局（区知识产权局）、市场监管局、区委宣传部（区新闻出版局）、區財政局）\n',
                      encoding='utf-8')
    result = run(str(source), '--out', str(tmp_path / 'out'), '--region-code', '500153')
    duties = read_csv(tmp_path / 'out' / 'responsibilities.csv')
    assert [(d['as_printed'], d['agency_id']) for d in duties] == [
        ('区市场监管局（区知识产权局）', 'rongchang-market-regulation'), ('市场监管局', 'rongchang-market-regulation'),
        ('区委宣传部（区新闻出版局）', 'rongchang-publicity-department'), ('區財政局', 'rongchang-finance')]
    assert read_csv(tmp_path / 'out' / 'agencies.csv') == []
    aliases = {(a['region_code'], a['alias']): a['agency_id'] for a in read_csv(tmp_path / 'out' / 'agency_aliases.csv')}
    assert aliases == {('500153', d['as_printed']): d['agency_id'] for d in duties}
    assert "matched to rongchang-finance after normalisation" in result.stdout


# -- the command -------------------------------------------------------------------------------------------
def test_help_documents_the_to_fill_convention():
    result = run('--help')
    assert result.returncode == 0
    assert 'left EMPTY' in result.stdout and '--region-code' in result.stdout and '--plan-id' in result.stdout


def test_same_input_gives_byte_identical_files(tmp_path):
    first, out1 = draft_case('c03_table_wrapped_cells', tmp_path / 'a')
    second, out2 = draft_case('c03_table_wrapped_cells', tmp_path / 'b')
    for name in ingest.OUTPUT_TABLES:
        assert (out1 / f'{name}.csv').read_bytes() == (out2 / f'{name}.csv').read_bytes()


def test_bad_input_gets_a_message_not_a_traceback(tmp_path):
    binary = tmp_path / 'plan.doc'
    binary.write_bytes(b'\xd0\xcf\x11\xe0\x00\x00\x00garbage')
    result = run(str(binary), '--out', str(tmp_path / 'out'))
    assert result.returncode == 1 and 'NUL bytes' in result.stderr and 'Traceback' not in result.stderr
    result = run(str(tmp_path / 'missing.txt'), '--out', str(tmp_path / 'out'))
    assert result.returncode == 1 and 'cannot read' in result.stderr and 'Traceback' not in result.stderr
    result = run(str(binary), '--out', str(tmp_path / 'out'), '--region-code', '5001')
    assert result.returncode == 2 and '6-digit' in result.stderr


@pytest.mark.parametrize('plan_id', SEEDS)
def test_source_figures_do_not_lean_on_the_curated_rows(package, plan_id):
    """The same measures and agency strings come out of a package that has never seen the plan:
    its rows, and the agencies and aliases of its region, removed."""
    region = PLANS[plan_id]['region_code']
    measure_ids = {row['measure_id'] for row in read_rows(package, 'measures') if row['plan_id'] == plan_id}
    for table in OWN:
        rows = read_rows(package, table)
        write_rows(package, table, [r for r in rows if r['plan_id'] != plan_id], header=list(rows[0]))
    rows = read_rows(package, 'responsibilities')
    write_rows(package, 'responsibilities', [r for r in rows if r['measure_id'] not in measure_ids], header=list(rows[0]))
    for table in ('agencies', 'agency_aliases'):
        rows = read_rows(package, table)
        write_rows(package, table, [r for r in rows if r['region_code'] != region], header=list(rows[0]))
    source = ROOT / PLANS[plan_id]['source_file']
    cold = ingest_eval.drafted_keys(ingest.draft(source, package, plan_id=plan_id))
    warm = ingest_eval.drafted_keys(ingest.draft(source, ROOT, plan_id=plan_id))
    assert cold == warm


# Judgements the text cannot show: what the archived page is, and Dongli's issuer, named only in a sentence.
JUDGED = {'title_en', 'source_note', 'source_type'}
JUDGED_PER_PLAN = {'tianjin-dongli-2020-2021': {'issuer'}}


@pytest.mark.parametrize('plan_id', SEEDS)
def test_source_draft_reproduces_plan_row_citations_and_members(plan_id):
    result = ingest.draft(ROOT / PLANS[plan_id]['source_file'], ROOT, plan_id=plan_id)
    plan = result.tables['plans'][0]
    skip = JUDGED | JUDGED_PER_PLAN.get(plan_id, set())
    assert {k: v for k, v in plan.items() if k not in skip} == {k: v for k, v in PLANS[plan_id].items() if k not in skip}
    fields = ('cited_in', 'cited_title', 'cited_doc_number', 'cited_doc_number_normalized')
    assert [[c[f] for f in fields] for c in result.tables['citations']] == \
        [[c[f] for f in fields] for c in read_rows(ROOT, 'citations') if c['plan_id'] == plan_id]
    english = set(translations(json.loads((ROOT / 'schemas' / 'members.json').read_text(encoding='utf-8'))))
    assert [{k: v for k, v in m.items() if k not in english} for m in result.tables['members']] == \
        [{k: v for k, v in m.items() if k not in english} for m in read_rows(ROOT, 'members') if m['plan_id'] == plan_id]


def test_source_targets_reproduce_the_curated_ones_except_targets_inside_tasks():
    scores = {s.name: s for s in ingest_eval.evaluate_targets(ROOT)}
    for plan_id, s in ((p, scores[p]) for p in SEEDS):
        if plan_id == 'tianjin-dongli-2020-2021':   # its one target is stated inside task 16: not drafted (README)
            assert (s.drafted, s.expected) == (0, 1)
        else:
            assert s.found == s.drafted == s.expected, s


@pytest.mark.parametrize('name', [n for n in CASE_NAMES if (CASES / n / 'expected_targets.csv').is_file()])
def test_targets_of_test_documents(name):
    result = ingest.draft(CASES / name / 'source.txt')
    expected = read_csv(CASES / name / 'expected_targets.csv')
    assert ingest_eval.target_keys(result.tables['targets']) == \
        [(t['year'], ingest_eval.compact(t['text']), t['value']) for t in expected]


def fill_blanks(out: Path, to_fill: str) -> None:
    """What a contributor does with the summary's "to fill" line: give every listed empty cell a value."""
    for name in ingest.OUTPUT_TABLES:
        rows = read_csv(out / f'{name}.csv')
        for row in rows:
            for field, value in row.items():
                if not value and f'{name}.{field}' in to_fill:
                    row[field] = 'filled by the contributor'
        rewrite(out / f'{name}.csv', rows)


def test_new_plan_from_a_new_region_validates_once_the_listed_blanks_are_filled(package, tmp_path):
    name = 'c10_cited_numbers'
    shutil.copy(CASES / name / 'source.txt', package / 'data' / 'sources' / 'hubei-2022.txt')
    result = run(str(package / 'data' / 'sources' / 'hubei-2022.txt'), '--out', str(tmp_path / 'out'),
                 '--package', str(package), '--plan-id', 'hubei-ip-protection-2022')
    assert result.returncode == 0, result.stderr
    to_fill = next(line for line in result.stdout.splitlines() if line.startswith('to fill'))
    assert to_fill.split(': ', 1)[1].split(', ') == [
        'agencies.name_en (4 rows)', 'measures.section_en (3 rows)', 'measures.text_en (3 rows)', 'plans.source_note (1 row)',
        'plans.title_en (1 row)']
    agencies = read_csv(tmp_path / 'out' / 'agencies.csv')
    assert {a['name']: a['kind'] for a in agencies} == {'湖北省知识产权局': 'government_department', '各市州知识产权局': 'collective',
                                                        '湖北省司法厅': 'government_department', '湖北省高级人民法院': 'court'}
    assert all(a['agency_id'].startswith('hubei-') and a['region_code'] == '420000' for a in agencies)
    fill_blanks(tmp_path / 'out', to_fill)
    place(package, tmp_path / 'out', 'hubei-ip-protection-2022')
    code, lines = validate(package)
    assert code == 0, '\n'.join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(['1.', '（一）', '一、', '12', '区市场监管局', '、', '（责任单位：', '）', '牵头', '配合单位：', '；',
                                 '〔', '〕', '2021年12月底前', '序号', '工作任务', '牵头单位', '\n', '\n\n', '。', '《', '》',
                                 '〔2021〕3号', '召 集 人：', '   ', '到2025年', '达到3件', 'x', '区', '(', ')']), max_size=60))
@example(pieces=['1.', '（责任单位：'])  # found by CI: an item that is only a cut-off bracket gave an empty measure
def test_any_text_gives_a_draft_not_a_traceback(tmp_path, pieces):
    source = tmp_path / 'fuzz.txt'
    source.write_text(''.join(pieces), encoding='utf-8')
    result = ingest.draft(source)
    for row in result.tables['measures']:
        assert row['text'] and row['text'] == row['text'].strip()


def test_pipe_separated_table_rows_are_read_and_pipe_menus_dropped(tmp_path):
    source = tmp_path / 'pipes.txt'
    source.write_text('| 首页 | 政务公开 | 政策文件 | 互动交流 |\n某区知识产权保护工作方案\n'
                      '| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n| --- | --- | --- | --- |\n'
                      '| 1 | 开展执法行动。 | 区市场监管局 | 区公安局、区商务局 |\n'
                      '| 2 | 建立调解组织。 | 区司法局 | 区法院 |\n', encoding='utf-8')
    result = ingest.draft(source)
    assert [(m['number'], m['text']) for m in result.tables['measures']] == [('1', '开展执法行动。'), ('2', '建立调解组织。')]
    number_of = {m['measure_id']: m['number'] for m in result.tables['measures']}
    assert [(number_of[r['measure_id']], r['as_printed'], r['role']) for r in result.tables['responsibilities']] == [
        ('1', '区市场监管局', 'lead'), ('1', '区公安局', 'cooperating'), ('1', '区商务局', 'cooperating'),
        ('2', '区司法局', 'lead'), ('2', '区法院', 'cooperating')]


# -- the development corpus of real documents (tests/real_corpus/README.md) ------------------------------
REAL = ROOT / 'tests' / 'real_corpus'
REAL_CASES = sorted(p for p in REAL.iterdir() if p.is_dir()) if REAL.is_dir() else []


def test_jurisdiction_of_real_documents():
    """First run, before the rules for issuers, headings and autonomous prefectures: 39 of 46."""
    expected = {case.name: {r['field']: r['value'] for r in read_csv(case / 'expected_plan.csv')}.get('region_code', '')
                for case in REAL_CASES}
    got = {case.name: ingest.draft(case / 'source.txt').tables['plans'][0]['region_code'] for case in REAL_CASES}
    wrong = {name: (expected[name], got[name]) for name in expected if expected[name] != got[name]}
    assert len(REAL_CASES) >= 40 and len(wrong) <= 0.1 * len(REAL_CASES), wrong


@pytest.mark.parametrize('plan_id', SEEDS)
def test_citations_point_into_the_register_or_propose_a_document_with_a_note(plan_id):
    result = ingest.draft(ROOT / PLANS[plan_id]['source_file'], ROOT, plan_id=plan_id)
    register = {d['document_id'] for d in read_rows(ROOT, 'documents')}
    curated = [c for c in read_rows(ROOT, 'citations') if c['plan_id'] == plan_id]
    proposed = {d['document_id']: d for d in result.tables['documents']}
    notes = {n['row_key'] for n in result.tables['curation_notes'] if n['table_name'] == 'documents'}
    for drafted, kept in zip(result.tables['citations'], curated):
        if drafted['document_id'] in register:
            assert drafted['document_id'] == kept['document_id'], drafted
        else:
            assert drafted['document_id'] in proposed and drafted['document_id'] in notes, drafted
            assert not proposed[drafted['document_id']]['title'].endswith('通知'), 'the register lists the transmitted document'


def test_dongli_citations_of_one_document_under_two_numbers():
    if 'tianjin-dongli-2020-2021' not in SEEDS:
        pytest.skip('the Dongli plan is not in the package')
    result = ingest.draft(ROOT / PLANS['tianjin-dongli-2020-2021']['source_file'], ROOT, plan_id='tianjin-dongli-2020-2021')
    by_number = {c['cited_doc_number_normalized']: c['document_id'] for c in result.tables['citations']}
    # the number in the notice is matched by the title of the document it transmits; the other number is
    # new to the register, so ingest proposes it and leaves the merge to the curator
    assert by_number['津市场监管办〔2021〕39号'] == 'tianjin-2020-2021-ip-protection-promotion-plan'
    assert by_number['津党办发〔2020〕14号'] == 'tianjin-2020-strengthening-ip-protection-opinions'
    assert by_number['津市场监管办〔2020〕39号'] in {d['document_id'] for d in result.tables['documents']}


# -- what real documents print (issue 14): rules written for the development corpus, tested on a small text
UNITS = ROOT / 'tests' / 'ingest_units'


def test_first_listed_unit_leads_where_the_plan_says_so_and_a_cut_bracket_keeps_its_whole_names():
    result = ingest.draft(UNITS / 'first_listed_leads.txt', ROOT, plan_id='unit-first-listed', region_code='330523')
    measures = {m['number']: m for m in result.tables['measures']}
    duties = [(d['measure_id'][-3:], d['as_printed'], d['role'], d['primary']) for d in result.tables['responsibilities']]
    # 一、序言 1. is background, not a task, and the reader is told so
    assert list(measures) == ['1.', '2.', '3.', '4.', '5.']
    assert measures['1.']['text'].startswith('加强商标专用权保护')
    assert any('not a task' in line and '知识产权是重要的战略资源' in line for line in result.unplaced)
    # 列第一位者为牵头部门，下同: in every list without a lead word the first unit leads
    assert duties[:5] == [('001', '县市场监管局', 'lead', 'true'), ('001', '县公安局', 'cooperating', 'false'),
                          ('001', '县法院', 'cooperating', 'false'), ('002', '县司法局', 'lead', 'true'),
                          ('002', '县市场监管局', 'cooperating', 'false')]
    # X牵头，Y等有关单位按职责分工负责。完成时限：… : the list ending goes, the deadline after the full stop is read
    assert ('003', '县工商联', 'cooperating', 'false') in duties
    assert measures['3.']['deadline_date'] == '2022-12-31'
    # a bracket naming units that ingest cannot read is left in the text and said
    assert measures['4.']['text'].endswith('）')
    assert any('measure 4.' in line and 'still ends in a bracket' in line for line in result.uncertain)
    # a duty bracket cut off by the end of the copy: the text without it, the whole names kept, the plan an excerpt
    assert measures['5.']['text'] == '推动专利导航工作。'
    assert [d for d in duties if d[0] == '005'] == [('005', '县市场监管局', 'responsible', 'true')]
    assert result.tables['plans'][0]['capture'] == 'excerpt'


def test_real_corpus_scores_reach_the_goals_of_issue_14():
    """Measures F1 ≥ 0.9, agency strings F1 ≥ 0.85 and numeric targets recall ≥ 0.8 on the development corpus. First run (before the rules
    for preambles, 列第一位, 等有关单位, full stops in brackets and cut brackets): measures P 0.29 R 0.67,
    agency strings P 1.00 R 0.31 (README)."""
    totals = {'measures': [0, 0, 0], 'agencies': [0, 0, 0]}
    for measures, duties in ingest_eval.evaluate_cases(REAL):
        for name, score in (('measures', measures), ('agencies', duties)):
            totals[name] = [a + b for a, b in zip(totals[name], (score.found, score.drafted, score.expected))]
    for name, goal in (('measures', 0.9), ('agencies', 0.85)):
        found, drafted, expected = totals[name]
        f1 = 2 * found / (drafted + expected) if drafted + expected else 1.0
        assert f1 >= goal, (name, found, drafted, expected, round(f1, 2))
    # numeric targets, by year and value: recall 0.8 (first run 3 of 14; a bare "2025年，" opening and a
    # heading run on with its paragraph were not read)
    found = expected = 0
    for case in REAL_CASES:
        wanted = {(r['year'], r['value']) for r in read_csv(case / 'expected_targets.csv')}
        got = {(r['year'], r['value']) for r in ingest.draft(case / 'source.txt').tables['targets'] if r['value']}
        found, expected = found + len(wanted & got), expected + len(wanted)
    assert expected and found / expected >= 0.8, (found, expected)


def test_real_corpus_member_lists_reach_the_recall_goal_and_none_is_invented():
    """Members recall ≥ 0.8 on the development corpus (role, name, post and its agency), and precision ≥ 0.8
    over all 51 excerpts, so a list read where a plan prints none counts. First run (r047-r051, before
    lists without a 成员名单 heading, 组长 / 副组长, names glued to posts, name(post)、… lines and
    办公室主任由…兼任 were read): 0 of 67 found, none drafted. The rules were written looking at these five
    lists (README), so the figure after them is not blind."""
    scores = ingest_eval.evaluate_members(REAL)
    found, drafted, expected = (sum(getattr(s, k) for s in scores) for k in ('found', 'drafted', 'expected'))
    assert expected >= 60 and found / expected >= 0.8, (found, drafted, expected)
    assert found / drafted >= 0.8, (found, drafted, expected)


def test_shared_suffix_lists_paragraph_items_among_dotted_ones_and_a_letter_o_in_a_chinese_year():
    """The two pages a contributor tried (issue 14): a list printing its ending once, （一） paragraphs with
    their own duty bracket in a plan whose other part has 1. items, and 二O一一年 with a Latin O."""
    result = ingest.draft(UNITS / 'shared_suffix_and_paragraph_items.txt', ROOT, plan_id='unit-shared', region_code='330500')
    assert [m['number'] for m in result.tables['measures']] == ['（一）', '（二）', '1.']
    assert result.tables['measures'][0]['text'] == '开展专项执法行动。严厉打击假冒专利和商标侵权行为，维护市场秩序。'
    duties = [(d['measure_id'][-3:], d['as_printed'], d['agency_id'], d['role']) for d in result.tables['responsibilities']]
    by_name = {printed: agency for _, printed, agency, _ in duties if _ != '003'}
    shared = [(printed, agency) for number, printed, agency, _ in duties if number == '003']
    # kept as printed, resolved to the same agencies as the full names printed elsewhere in the plan
    assert shared == [('市知识产权', by_name['市知识产权局']), ('工商', by_name['市工商局']), ('版权局', by_name['市版权局'])]
    assert len({by_name['市知识产权局'], by_name['市工商局'], by_name['市版权局']}) == 3
    assert any("'工商'" in line and '市工商局' in line for line in result.uncertain)
    assert result.tables['plans'][0]['date_signed'] == '2011-03-23'


def test_a_copy_that_stops_before_the_first_task_is_an_excerpt_and_a_bare_page_metadata_only(tmp_path):
    stops = ingest.draft(REAL / 'r003_baoji' / 'source.txt', ROOT, plan_id='unit-baoji')
    assert stops.tables['plans'][0]['capture'] == 'excerpt'
    assert any(n['field'] == 'capture' and 'NO MEASURES FOUND' in n['note'] for n in stops.tables['curation_notes'])
    bare = tmp_path / 'bare.txt'
    bare.write_text('宝鸡市国家知识产权强市建设试点工作方案\n发布时间：2022-11-21\n', encoding='utf-8')
    assert ingest.draft(bare, ROOT, plan_id='unit-bare').tables['plans'][0]['capture'] == 'metadata_only'


# -- internal units, scoped aliases and second nameplates ---------------------------------------------------
def test_scoped_aliases_hold_in_their_plan_only_and_second_nameplates_name_their_agency(package, tmp_path):
    """法规科 of one plan is the market regulation bureau's (an alias scoped to that plan); in another plan
    of the region it is unknown, so ingest proposes an internal unit, guesses its parent from the
    publisher and scopes its alias to that plan. 区知识产权局, printed alone, is the second nameplate of
    the market regulation bureau; 区财政局 is an alias of the whole region."""
    agencies = read_rows(package, 'agencies')
    write_rows(package, 'agencies', agencies + [dict(
        agencies[0], agency_id='rongchang-market-regulation-legal-section', name='重庆市荣昌区市场监督管理局法规科',
        name_en='Legal Affairs Section', region_code='500153', kind='internal_unit', function='market_regulation',
        parent_agency_id='rongchang-market-regulation', note='Synthetic.')])
    aliases = read_rows(package, 'agency_aliases')
    write_rows(package, 'agency_aliases', aliases + [dict(region_code='500153', alias='法规科',
                                                          agency_id='rongchang-market-regulation-legal-section', plan_id='rongchang-test-a')])
    text = ('[ 发布机构 ] 重庆市荣昌区司法局\n荣昌区测试工作方案\n一、任务\n'
            '1.开展测试。（责任单位：法规科、区知识产权局、区财政局）\n'
            '2.规范执法。（责任单位：区市场监管局稽查科(竞争科)）\n')
    source = tmp_path / 'test.txt'
    source.write_text(text, encoding='utf-8')

    def drafted(plan_id: str) -> tuple[dict[str, str], ingest.Draft]:
        result = ingest.draft(source, package, plan_id=plan_id, region_code='500153')
        return {d['as_printed']: d['agency_id'] for d in result.tables['responsibilities']}, result

    in_a, draft_a = drafted('rongchang-test-a')
    assert in_a['法规科'] == 'rongchang-market-regulation-legal-section'
    assert in_a['区知识产权局'] == 'rongchang-market-regulation'   # by its nameplate: no new agency for it
    assert in_a['区财政局'] == 'rongchang-finance'
    assert '法规科' not in {a['alias'] for a in draft_a.tables['agency_aliases']}   # the package has it for this plan

    in_b, draft_b = drafted('rongchang-test-b')
    assert in_b['区知识产权局'] == 'rongchang-market-regulation' and in_b['区财政局'] == 'rongchang-finance'
    proposed = {a['agency_id']: a for a in draft_b.tables['agencies']}
    unit = proposed[in_b['法规科']]
    assert (unit['kind'], unit['parent_agency_id']) == ('internal_unit', 'rongchang-justice')   # the publisher's unit
    inspection = proposed[in_b['区市场监管局稽查科(竞争科)']]
    assert (inspection['kind'], inspection['parent_agency_id']) == ('internal_unit', 'rongchang-market-regulation')
    scopes = {a['alias']: a['plan_id'] for a in draft_b.tables['agency_aliases']}
    assert scopes['法规科'] == 'rongchang-test-b'              # a bare unit name holds in its plan only
    assert scopes['区市场监管局稽查科(竞争科)'] == ''          # named with its bureau: the whole region
    notes = ' '.join(n['note'] for n in draft_b.tables['curation_notes'])
    assert 'looks like an internal unit' in notes and 'scoped to this plan' in notes

    # without the nameplate, 区知识产权局 would be a new agency: the test depends on it
    write_rows(package, 'agency_nameplates', [], header=['agency_id', 'nameplate', 'nameplate_en', 'note'])
    in_a, _ = drafted('rongchang-test-a')
    assert in_a['区知识产权局'] != 'rongchang-market-regulation'
