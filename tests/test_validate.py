"""Each of our checks fails on a deliberately broken copy of the real data, at the right place."""
from __future__ import annotations

import hashlib
import re
import subprocess
import sys

from conftest import ROOT, edit, read_rows, validate, write_rows

RC = 'chongqing-rongchang-2021'


def problems(lines):
    """Parse `PATH:ROW:FIELD: CHECK: message` lines into (path, row, field, check)."""
    out = []
    for line in lines:
        head, _, rest = line.partition(': ')
        if head.count(':') != 2:
            continue
        path, row, field = head.split(':')
        out.append((path, row, field, rest.split(':')[0]))
    return out


def test_real_package_is_valid(package):
    code, lines = validate(package)
    assert code == 0, lines
    assert re.match(r'valid: \d+ tables, \d+ rows', lines[-1]), lines[-1]


def test_provenance_measure_text_not_in_source(package):
    line = edit(package, 'measures', {'measure_id': f'{RC}-005'}, text='探索健全公证存证、仲裁、调解、行政执法、司法保护之间的衔接机制。')
    code, lines = validate(package)
    assert code == 1
    assert ('data/measures.csv', str(line), 'text', 'provenance') in problems(lines)
    assert any('copy it verbatim' in l for l in lines)


def test_provenance_accepts_width_and_whitespace_variants(package):
    """Full-width brackets and extra spaces still match a half-width source (NFKC, whitespace removed)."""
    edit(package, 'measures', {'measure_id': f'{RC}-001'}, text='编制知识产权保护和发展“十四五” 专项规划。')
    edit(package, 'responsibilities', {'measure_id': f'{RC}-001', 'seq': '1'}, as_printed='区市场监管局（区知识产权局）')
    rows = read_rows(package, 'agency_aliases')
    rows.append({'region_code': '500153', 'alias': '区市场监管局（区知识产权局）', 'agency_id': 'rongchang-market-regulation'})
    write_rows(package, 'agency_aliases', rows)
    code, lines = validate(package)
    assert code == 0, lines


def test_provenance_as_printed_agency_not_in_source(package):
    line = edit(package, 'responsibilities', {'measure_id': f'{RC}-002', 'seq': '2'}, as_printed='区财务局')
    code, lines = validate(package)
    assert ('data/responsibilities.csv', str(line), 'as_printed', 'provenance') in problems(lines)


def test_provenance_target_text_not_in_source(package):
    line = edit(package, 'targets', {'target_id': 'jilin-ip-strong-province-t07'}, text='培育知识产权示范学校120所')
    code, lines = validate(package)
    assert ('data/targets.csv', str(line), 'text', 'provenance') in problems(lines)


def test_provenance_missing_source_file(package):
    (package / 'data' / 'sources' / '002_e28b6c53a957f5e4.txt').unlink()
    code, lines = validate(package)
    line = 1 + [p['plan_id'] for p in read_rows(package, 'plans')].index('chongqing-qianjiang-draft') + 1
    assert ('data/plans.csv', str(line), 'source_file', 'provenance') in problems(lines)


def test_completeness_gap_in_numbering(package):
    line = edit(package, 'measures', {'measure_id': f'{RC}-007'}, number='8')
    code, lines = validate(package)
    assert code == 1
    assert ('data/measures.csv', str(line), 'number', 'completeness') in problems(lines)


def test_completeness_repeated_chinese_numeral(package):
    line = edit(package, 'measures', {'measure_id': 'jilin-ip-strong-province-003'}, number='(二)')
    code, lines = validate(package)
    assert ('data/measures.csv', str(line), 'number', 'completeness') in problems(lines)
    assert any('repeats' in l for l in lines)


def test_completeness_plan_without_measures(package):
    rows = read_rows(package, 'plans')
    rows.append(dict(rows[0], plan_id='chongqing-rongchang-2022', source_file=rows[0]['source_file'].replace('000_', '000_')))
    rows[-1]['source_file'] = 'data/sources/000_dbafd7ed91485d87.txt'
    write_rows(package, 'plans', rows)
    code, lines = validate(package)
    # the duplicated source_file is caught upstream (unique), the missing measures by us
    assert ('data/plans.csv', str(len(rows) + 1), 'plan_id', 'completeness') in problems(lines)


def test_completeness_excerpt_stopping_before_the_first_task(package):
    # an excerpt may hold only the preamble and goals; it needs a curation note on its capture, and then no measures
    rows = read_rows(package, 'plans')
    extra = dict(rows[0], plan_id='chongqing-rongchang-2022', source_file='data/sources/copy.txt', capture='excerpt')
    (package / 'data' / 'sources' / 'copy.txt').write_bytes((package / rows[0]['source_file']).read_bytes())
    write_rows(package, 'plans', rows + [extra])
    code, lines = validate(package)
    assert ('data/plans.csv', str(len(rows) + 2), 'plan_id', 'completeness') in problems(lines)
    notes = read_rows(package, 'curation_notes')
    notes.append(dict(notes[0], note_id='chongqing-rongchang-2022-n01', plan_id='chongqing-rongchang-2022', table_name='plans',
                      row_key='chongqing-rongchang-2022', field='capture', note='The excerpt stops before the first task.'))
    write_rows(package, 'curation_notes', notes)
    code, lines = validate(package)
    assert ('data/plans.csv', str(len(rows) + 2), 'plan_id', 'completeness') not in problems(lines)


def test_alias_missing_for_as_printed_string(package):
    rows = [r for r in read_rows(package, 'agency_aliases') if not (r['region_code'] == '500153' and r['alias'] == '区财政局')]
    write_rows(package, 'agency_aliases', rows)
    code, lines = validate(package)
    found = [p for p in problems(lines) if p[3] == 'alias']
    assert found and all(p[0] == 'data/responsibilities.csv' and p[2] == 'as_printed' for p in found)
    assert any('500153,区财政局,rongchang-finance' in l for l in lines)


def test_alias_disagrees_with_agency_id(package):
    line = edit(package, 'responsibilities', {'measure_id': f'{RC}-002', 'seq': '2'}, agency_id='rongchang-justice')
    code, lines = validate(package)
    assert ('data/responsibilities.csv', str(line), 'agency_id', 'alias') in problems(lines)


def test_hygiene_whitespace_zero_width_and_formula(package):
    l1 = edit(package, 'agencies', {'agency_id': 'rongchang-court'}, name_en=" Rongchang District People's Court")
    l2 = edit(package, 'agencies', {'agency_id': 'rongchang-finance'}, name='重庆市荣昌区\u200b财政局')
    l3 = edit(package, 'agencies', {'agency_id': 'rongchang-justice'}, note='=HYPERLINK("http://example.org")')
    code, lines = validate(package)
    found = problems(lines)
    assert ('data/agencies.csv', str(l1), 'name_en', 'hygiene') in found
    assert ('data/agencies.csv', str(l2), 'name', 'hygiene') in found
    assert ('data/agencies.csv', str(l3), 'note', 'hygiene') in found


def test_upstream_foreign_key_primary_key_type_and_enum(package):
    fk = edit(package, 'responsibilities', {'measure_id': f'{RC}-003', 'seq': '1'}, agency_id='rongchang-nowhere')
    pk = edit(package, 'agencies', {'agency_id': 'rongchang-forestry'}, agency_id='rongchang-court')
    date = edit(package, 'measures', {'measure_id': 'tianjin-dongli-2020-2021-002'}, deadline_date='2021年12月')
    enum = edit(package, 'responsibilities', {'measure_id': f'{RC}-004', 'seq': '1'}, role='leader')
    code, lines = validate(package)
    found = problems(lines)
    assert ('data/responsibilities.csv', str(fk), 'agency_id', 'foreign-key') in found
    assert ('data/agencies.csv', str(pk), 'agency_id', 'primary-key') in found
    assert ('data/measures.csv', str(date), 'deadline_date', 'type-error') in found
    assert any('YYYY-MM-DD' in l for l in lines)
    assert ('data/responsibilities.csv', str(enum), 'role', 'constraint-error') in found


def test_reports_every_problem_with_summary(package):
    edit(package, 'measures', {'measure_id': f'{RC}-010'}, text='不在来源中的文字。')
    edit(package, 'agencies', {'agency_id': 'rongchang-court'}, name='重庆市荣昌区人民法院 ')
    code, lines = validate(package)
    checks = {p[3] for p in problems(lines)}
    assert {'provenance', 'hygiene'} <= checks
    assert lines[-1].startswith('2 problems in 2 files')


def test_github_annotations(package):
    line = edit(package, 'measures', {'measure_id': f'{RC}-010'}, text='不在来源中的文字。')
    code, lines = validate(package, '--format', 'github')
    assert code == 1
    assert any(l.startswith(f'::error file=data/measures.csv,line={line},title=provenance::text: ') for l in lines)


def test_exit_codes_and_cli(package, tmp_path):
    ok = subprocess.run([sys.executable, str(ROOT / 'scripts' / 'validate.py'), str(package)], capture_output=True, text=True)
    assert ok.returncode == 0
    missing = subprocess.run([sys.executable, str(ROOT / 'scripts' / 'validate.py'), str(tmp_path / 'nowhere')], capture_output=True, text=True)
    assert missing.returncode == 2 and 'not a directory' in missing.stderr
    bad_flag = subprocess.run([sys.executable, str(ROOT / 'scripts' / 'validate.py'), '--format', 'xml'], capture_output=True, text=True)
    assert bad_flag.returncode == 2


def test_validation_never_writes(package):
    edit(package, 'measures', {'measure_id': f'{RC}-010'}, text=' 不在来源中的文字。')
    (package / 'data' / 'plans.csv').write_bytes(b'\xef\xbb\xbf' + (package / 'data' / 'plans.csv').read_bytes().replace(b'\n', b'\r\n'))
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in package.rglob('*') if p.is_file()}
    code, lines = validate(package)
    assert code == 1
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in package.rglob('*') if p.is_file()}
    assert before == after
