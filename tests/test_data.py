"""The curated package: complete, valid upstream, and faithful to facts read off the sources."""
from __future__ import annotations

import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from conftest import ROOT, read_rows

# The five seed plans. These tests are curation regression tests: facts read off their sources.
# They never pin the size of the package, so adding or removing another plan leaves them green.
RC, JL, QJ, XS, DL = ('chongqing-rongchang-2021', 'jilin-ip-strong-province', 'chongqing-qianjiang-draft',
                      'anhui-huaibei-xiangshan-2021', 'tianjin-dongli-2020-2021')
SEEDS = (RC, JL, QJ, XS, DL)


def test_upstream_frictionless_cli_reports_package_valid():
    cli = Path(sys.executable).parent / 'frictionless'
    result = subprocess.run([str(cli), 'validate', 'datapackage.json'], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'INVALID' not in result.stdout


def test_our_validator_reports_package_valid():
    result = subprocess.run([sys.executable, 'scripts/validate.py'], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith('valid:')


def test_every_seed_plan_has_all_its_numbered_tasks():
    counts = Counter(row['plan_id'] for row in read_rows(ROOT, 'measures'))
    assert {plan: counts[plan] for plan in SEEDS} == {RC: 48, JL: 18, QJ: 15, XS: 17, DL: 42}


def test_seed_plans_with_region_codes_and_levels():
    plans = {row['plan_id']: row for row in read_rows(ROOT, 'plans')}
    assert {p: (plans[p]['region_code'], plans[p]['admin_level']) for p in SEEDS} == {
        RC: ('500153', 'county'), JL: ('220000', 'province'), QJ: ('500114', 'county'),
        XS: ('340603', 'county'), DL: ('120110', 'county')}
    assert plans[XS]['doc_number'] == '相区办发〔2021〕40号'
    assert plans[DL]['doc_number'] == '津丽知略〔2021〕1号'
    assert plans[QJ]['status'] == 'draft_for_comment'
    assert plans[DL]['status'] == 'in_force'
    assert plans[JL]['source_type'] == 'machine_translated_repost'
    assert plans[JL]['source_url'] == 'http://www.jxjgzhdj.cn/jlxw/381.html'
    assert plans[XS]['date_signed'] == '2021-10-12'
    assert plans[DL]['date_signed'] == '2021-08-26'


def test_sources_are_archived_byte_for_byte():
    seeds = ROOT.parent / 'shared' / 'seeds'
    for plan in read_rows(ROOT, 'plans'):
        archived = (ROOT / plan['source_file']).read_bytes()
        seed = seeds / Path(plan['source_file']).name
        if seed.exists():  # the seeds sit beside the checkout in development and CI
            assert archived == seed.read_bytes(), plan['source_file']


def test_seed_plans_name_406_agency_mentions_with_roles():
    plan_of = {m['measure_id']: m['plan_id'] for m in read_rows(ROOT, 'measures')}
    rows = [r for r in read_rows(ROOT, 'responsibilities') if plan_of[r['measure_id']] in SEEDS]
    assert Counter(plan_of[r['measure_id']] for r in rows) == {RC: 178, QJ: 47, XS: 81, DL: 100}  # Jilin names none
    assert {r['role'] for r in rows} == {'lead', 'cooperating', 'responsible'}


def _responsibilities(measure_id):
    return [(r['as_printed'], r['role']) for r in read_rows(ROOT, 'responsibilities') if r['measure_id'] == measure_id]


def test_rongchang_task_34_lists_financial_centre_as_lead_and_cooperating():
    measure = next(m for m in read_rows(ROOT, 'measures') if m['plan_id'] == RC and m['number'] == '34')
    assert measure['text'] == '努力推进知识产权质押融资,促进高价值知识产权转移转化和价值实现'
    assert _responsibilities(measure['measure_id']) == [
        ('区金融事务中心', 'lead'), ('区金融事务中心', 'cooperating'),
        ('区市场监管局(区知识产权局)', 'cooperating'), ('区科技局', 'cooperating')]


def test_rongchang_lost_brackets_kept_as_printed_and_resolved_to_one_agency():
    rows = read_rows(ROOT, 'responsibilities')
    spellings = {'区市场监管局', '区市场监管局(区知识产权局)', '区市场监管局(知识产权局)', '区市场监管局区知识产权局'}
    agencies = {r['agency_id'] for r in rows if r['measure_id'].startswith(RC) and r['as_printed'] in spellings}
    assert len(agencies) == 1
    assert any(r['as_printed'] == '区市场监管局区知识产权局' for r in rows)


def test_dongli_deadlines_as_printed_and_as_dates():
    measures = [m for m in read_rows(ROOT, 'measures') if m['plan_id'] == DL]
    assert {m['deadline'] for m in measures} == {'持续推进', '2021年12月底前完成'}
    for m in measures:
        assert m['deadline_date'] == ('2021-12-31' if m['deadline'] == '2021年12月底前完成' else '')
    task2 = next(m for m in measures if m['number'] == '2.')
    assert _responsibilities(task2['measure_id']) == [
        ('区金融局', 'lead'), ('区发改委', 'cooperating'), ('区合作交流办', 'cooperating'),
        ('区科技局', 'cooperating'), ('区市场监管局', 'cooperating')]


def test_targets_read_off_the_sources():
    targets = read_rows(ROOT, 'targets')
    numeric = {(t['plan_id'], t['year'], float(t['value']), t['unit'], t['qualifier']) for t in targets if t['value']}
    assert {(JL, '2022', 100.0, '所', ''), (JL, '2022', 500.0, '家', ''), (JL, '2022', 1000.0, '件', ''),
            (JL, '2022', 250000.0, '件', ''), (JL, '2022', 90.0, '件', ''),
            (QJ, '2025', 3.0, '件', '预期性'), (QJ, '2025', 1200.0, '件', '预期性')} <= numeric
    assert any(t['plan_id'] == QJ and not t['value'] and '地理标志' in t['text'] for t in targets)


def test_xiangshan_joint_conference_members():
    members = [m for m in read_rows(ROOT, 'members') if m['plan_id'] == XS]
    roles = Counter(m['role'] for m in members)
    assert roles == {'召集人': 1, '副召集人': 1, '成员': 25, '办公室主任': 1, '办公室副主任': 1}
    dong = next(m for m in members if m['name'] == '董伟')
    assert dong['name_as_printed'] == '董  伟' and dong['post'] == '区发改委副主任（挂职）'
    assert dong['agency_id'] == 'xiangshan-development-reform'


def test_citations_include_the_central_opinions_and_both_dongli_numbers():
    citations = read_rows(ROOT, 'citations')
    assert {RC, JL} <= {c['plan_id'] for c in citations if c['cited_doc_number_normalized'] == '中办发〔2019〕56号'}
    dongli = {c['cited_doc_number'] for c in citations if c['plan_id'] == DL}
    assert {'津市场监管办〔2021〕39号', '津市场监管办〔2020〕39号'} <= dongli


def test_curation_notes_cover_the_known_source_defects():
    notes = ' '.join(n['note'] for n in read_rows(ROOT, 'curation_notes'))
    for defect in ('[bookmark: _GoBack]', '区金融事务中心', '区市场监管局区知识产权局', '〔2020〕39号', '[/s2/]', 'twice'):
        assert defect in notes, defect


def test_every_agency_and_alias_is_used():
    used = {r['agency_id'] for r in read_rows(ROOT, 'responsibilities')} | {m['agency_id'] for m in read_rows(ROOT, 'members')}
    assert {a['agency_id'] for a in read_rows(ROOT, 'agencies')} <= used


def test_stored_text_is_not_normalised():
    """Sources mix half- and full-width brackets; the stored strings keep whichever the source used."""
    printed = {r['as_printed'] for r in read_rows(ROOT, 'responsibilities')}
    assert '区市场监管局(区知识产权局)' in printed and '区市场监管局（知识产权局）' in printed
    assert any(unicodedata.normalize('NFKC', s) != s for s in printed)


def test_resource_descriptions_are_kept_in_sync_with_schemas():
    """The schema is the home of a table's description; datapackage.json repeats it for Frictionless tools."""
    import json
    descriptor = json.loads((ROOT / 'datapackage.json').read_text(encoding='utf-8'))
    for resource in descriptor['resources']:
        schema = json.loads((ROOT / resource['schema']).read_text(encoding='utf-8'))
        assert resource['description'] == schema['description'], resource['name']


def test_cross_check_corrections_are_in_the_data():
    """Findings of the independent cross-check pass (see the closing note of the data package issue)."""
    notes = {n['note_id']: n for n in read_rows(ROOT, 'curation_notes')}
    assert notes['jilin-ip-strong-province-n03']['row_key'] == 'jilin-ip-strong-province-t08'
    target = next(t for t in read_rows(ROOT, 'targets') if t['target_id'] == 'jilin-ip-strong-province-t08')
    assert target['text'] == '有效注册商标25万件'
    rongchang = next(p for p in read_rows(ROOT, 'plans') if p['plan_id'] == RC)
    assert (rongchang['date_signed'], rongchang['date_published']) == ('2021-11-10', '2021-11-18')


def test_readme_quotes_no_row_counts_that_a_new_plan_would_make_stale():
    """The README describes the package; the site's home page and the downloads give the counts, read
    from the data. (Counts in CHANGELOG entries describe their release and are checked when it is cut.)"""
    import re
    text = re.sub(r'\s+', ' ', (ROOT / 'README.md').read_text(encoding='utf-8'))
    quoted = re.findall(r'\b(\d{2,5}|[Ff]ive|[Ss]ix) (plans|measures|agency mentions|agencies|targets|coordinating-body members|'
                        r'cited documents|curation notes|responsibilities)\b', text)
    assert not quoted, f'README.md quotes counts of the data: {quoted}'


def test_second_nameplates_are_recorded_once_on_the_body_that_carries_them():
    """区知识产权局 and 区新闻出版局 are second nameplates (sources 000 and 003): one row each in
    agency_nameplates, never an agency of their own, and every printed form of them maps to the body."""
    plates = {(n['agency_id'], n['nameplate']) for n in read_rows(ROOT, 'agency_nameplates')}
    assert {('rongchang-market-regulation', '重庆市荣昌区知识产权局'), ('rongchang-publicity-department', '重庆市荣昌区新闻出版局'),
            ('xiangshan-market-regulation', '淮北市相山区知识产权局')} <= plates
    agencies = read_rows(ROOT, 'agencies')
    region = {a['agency_id']: a['region_code'] for a in agencies}
    names = {(a['region_code'], a['name']) for a in agencies}
    for agency_id, nameplate in plates:
        assert (region[agency_id], nameplate) not in names, nameplate
    carrier = {agency_id for agency_id, _ in plates}
    plan_of = {m['measure_id']: m['plan_id'] for m in read_rows(ROOT, 'measures')}
    seen = set()
    for duty in read_rows(ROOT, 'responsibilities'):
        for second, bodies in (('知识产权局', {RC: 'rongchang-market-regulation', XS: 'xiangshan-market-regulation'}),
                               ('新闻出版局', {RC: 'rongchang-publicity-department'})):
            plan = plan_of[duty['measure_id']]
            if second in duty['as_printed'] and plan in bodies:
                assert duty['agency_id'] == bodies[plan] and duty['agency_id'] in carrier, duty
                seen.add((plan, second))
    assert seen == {(RC, '知识产权局'), (XS, '知识产权局'), (RC, '新闻出版局')}


def test_the_seed_plans_name_no_internal_unit_and_scope_only_what_a_plan_defines():
    """Curated from the five sources: no agency they name is a unit inside another (curation notes say
    why for the branches and offices), and 各成员单位 is scoped to the Dongli plan whose leading group it means."""
    plan_of = {m['measure_id']: m['plan_id'] for m in read_rows(ROOT, 'measures')}
    named = {r['agency_id'] for r in read_rows(ROOT, 'responsibilities') if plan_of[r['measure_id']] in SEEDS}
    named |= {m['agency_id'] for m in read_rows(ROOT, 'members') if m['plan_id'] in SEEDS}
    kinds = {a['agency_id']: (a['kind'], a['parent_agency_id']) for a in read_rows(ROOT, 'agencies')}
    assert all(kinds[a][0] != 'internal_unit' and not kinds[a][1] for a in named - {''})
    scoped = {(a['region_code'], a['alias']): a['plan_id'] for a in read_rows(ROOT, 'agency_aliases') if a['plan_id']}
    assert scoped.get(('120110', '各成员单位')) == DL
    assert ('500153', '有关部门') not in scoped
