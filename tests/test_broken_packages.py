"""A corpus of broken packages, each made from the real data by one small edit.

Each case asserts the check id, file, row and field the validator reports, and
that the message is bilingual and never a traceback.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from conftest import edit, line_of, read_rows, validate, write_rows

RC = 'chongqing-rongchang-2021'
DL = 'tianjin-dongli-2020-2021'


def data(package: Path, table: str) -> Path:
    return package / 'data' / f'{table}.csv'


def lines(package: Path, table: str) -> list[str]:
    return data(package, table).read_text(encoding='utf-8').split('\n')


def put_lines(package: Path, table: str, content: list[str]) -> None:
    data(package, table).write_text('\n'.join(content), encoding='utf-8')


def change_line(package: Path, table: str, index: int, change, check: str, field: str = '-') -> tuple:
    """Rewrite line `index` (0 = header) of a table with `change`; the problem expected there."""
    content = lines(package, table)
    content[index] = change(content[index])
    put_lines(package, table, content)
    return f'data/{table}.csv', index + 1, field, check


# -- encodings -------------------------------------------------------------------
def gbk(p):
    data(p, 'agencies').write_bytes(data(p, 'agencies').read_text(encoding='utf-8').encode('gb18030'))
    return 'data/agencies.csv', 2, '-', 'encoding'


def utf16(p):
    data(p, 'targets').write_bytes(data(p, 'targets').read_text(encoding='utf-8').encode('utf-16'))
    return 'data/targets.csv', '-', '-', 'encoding'


def bom(p):
    data(p, 'citations').write_bytes(b'\xef\xbb\xbf' + data(p, 'citations').read_bytes())
    return 'data/citations.csv', 1, '-', 'bom'


def crlf(p):
    data(p, 'citations').write_bytes(data(p, 'citations').read_bytes().replace(b'\n', b'\r\n'))
    return 'data/citations.csv', 1, '-', 'line-endings'


def mixed_endings(p):
    return change_line(p, 'targets', 4, lambda line: line + '\r', 'line-endings')


def no_final_newline(p):
    data(p, 'plans').write_bytes(data(p, 'plans').read_bytes().rstrip(b'\n'))
    return 'data/plans.csv', len(read_rows(p, 'plans')) + 1, '-', 'trailing-newline'


# -- structure -------------------------------------------------------------------
def empty_file(p):
    data(p, 'members').write_bytes(b'')
    return 'data/members.csv', '-', '-', 'empty-file'


def header_only(p):
    put_lines(p, 'agency_aliases', lines(p, 'agency_aliases')[:1] + [''])
    return 'data/agency_aliases.csv', 1, '-', 'empty-table'


def semicolons(p):
    put_lines(p, 'citations', [line.replace(',', ';') for line in lines(p, 'citations')])
    return 'data/citations.csv', 1, '-', 'delimiter'


def tabs(p):
    put_lines(p, 'members', [line.replace(',', '\t') for line in lines(p, 'members')])
    return 'data/members.csv', 1, '-', 'delimiter'


def missing_column(p):
    rows = read_rows(p, 'targets')
    for row in rows:
        del row['qualifier']
    write_rows(p, 'targets', rows)
    return 'data/targets.csv', 1, 'qualifier', 'header'


def extra_column(p):
    rows = read_rows(p, 'targets')
    for row in rows:
        row['comment'] = ''
    write_rows(p, 'targets', rows)
    return 'data/targets.csv', 1, 'comment', 'header'


def renamed_column(p):
    return change_line(p, 'agencies', 0, lambda line: line.replace('name_en', 'english_name'), 'header', 'name_en')


def reordered_columns(p):
    rows = read_rows(p, 'agency_aliases')
    write_rows(p, 'agency_aliases', rows, header=['alias', 'region_code', 'agency_id', 'plan_id'])
    return 'data/agency_aliases.csv', 1, '-', 'header'


def quote_before(p, text: str, count: int):
    return change_line(p, 'members', 9, lambda line: line.replace(text, text[0] + '"' + text[1:], count), 'unbalanced-quote')


def unbalanced_quote(p):
    return quote_before(p, ',区经信局', 1)      # a quoted cell that is never closed


def text_after_closing_quote(p):
    return quote_before(p, ',区经信局', -1)     # two quotes: the second closes the first mid-cell


def too_many_cells(p):
    return change_line(p, 'targets', 5, lambda line: line + ',extra', 'extra-cell')


def too_few_cells(p):
    return change_line(p, 'agency_aliases', 3, lambda line: line.rsplit(',', 1)[0], 'missing-cell')


def blank_line(p):
    content = lines(p, 'citations')
    content.insert(3, '')
    put_lines(p, 'citations', content)
    return 'data/citations.csv', 4, '-', 'blank-row'


def nul_bytes(p):
    data(p, 'curation_notes').write_bytes(data(p, 'curation_notes').read_bytes()[:200] + b'\x00\x00PK\x03\x04')
    return 'data/curation_notes.csv', 2, '-', 'binary'


# -- values ----------------------------------------------------------------------
def wrong_type(p):
    return 'data/measures.csv', edit(p, 'measures', {'measure_id': f'{RC}-004'}, seq='four'), 'seq', 'type-error'


def impossible_date(p):
    return 'data/measures.csv', edit(p, 'measures', {'measure_id': f'{DL}-002'}, deadline_date='2021-13-01'), 'deadline_date', 'type-error'


def chinese_date(p):
    return 'data/plans.csv', edit(p, 'plans', {'plan_id': DL}, date_signed='2021年8月26日'), 'date_signed', 'type-error'


def enum_typo(p):
    return 'data/responsibilities.csv', edit(p, 'responsibilities', {'measure_id': f'{RC}-001', 'seq': '1'}, role='Lead'), 'role', 'constraint-error'


def id_pattern(p):
    return 'data/agencies.csv', edit(p, 'agencies', {'agency_id': 'dongli-court'}, agency_id='Dongli Court'), 'agency_id', 'constraint-error'


def duplicate_key(p):
    return 'data/targets.csv', edit(p, 'targets', {'target_id': f'{RC}-t02'}, target_id=f'{RC}-t01'), 'target_id', 'primary-key'


def fk_measure_plan(p):
    return 'data/measures.csv', edit(p, 'measures', {'measure_id': f'{RC}-001'}, plan_id='chongqing-rongchang-2020'), 'plan_id', 'foreign-key'


def fk_responsibility_measure(p):
    return 'data/responsibilities.csv', edit(p, 'responsibilities', {'measure_id': f'{RC}-002', 'seq': '1'}, measure_id=f'{RC}-099'), 'measure_id', 'foreign-key'


def fk_responsibility_agency(p):
    return 'data/responsibilities.csv', edit(p, 'responsibilities', {'measure_id': f'{RC}-002', 'seq': '1'}, agency_id='rongchang-nowhere'), 'agency_id', 'foreign-key'


def fk_alias_agency(p):
    return 'data/agency_aliases.csv', edit(p, 'agency_aliases', {'alias': '区林业局', 'region_code': '500153'}, agency_id='rongchang-forest'), 'agency_id', 'foreign-key'


def fk_target_plan(p):
    return 'data/targets.csv', edit(p, 'targets', {'target_id': f'{RC}-t01'}, plan_id='rongchang'), 'plan_id', 'foreign-key'


def fk_target_measure(p):
    return 'data/targets.csv', edit(p, 'targets', {'target_id': f'{DL}-t01'}, measure_id=f'{DL}-099'), 'measure_id', 'foreign-key'


def fk_member_plan(p):
    return 'data/members.csv', edit(p, 'members', {'seq': '3'}, plan_id='anhui-xiangshan'), 'plan_id', 'foreign-key'


def fk_member_agency(p):
    return 'data/members.csv', edit(p, 'members', {'seq': '3'}, agency_id='xiangshan-propaganda'), 'agency_id', 'foreign-key'


def fk_citation_plan(p):
    return 'data/citations.csv', edit(p, 'citations', {'plan_id': DL, 'seq': '1'}, plan_id='dongli'), 'plan_id', 'foreign-key'


def fk_note_plan(p):
    return 'data/curation_notes.csv', edit(p, 'curation_notes', {'note_id': f'{RC}-n01'}, plan_id='rongchang'), 'plan_id', 'foreign-key'


def note_table_unknown(p):
    return 'data/curation_notes.csv', edit(p, 'curation_notes', {'note_id': f'{RC}-n01'}, table_name='nonexistent'), 'table_name', 'note-key'


def orphan_plan(p):
    rows = read_rows(p, 'plans')
    extra = dict(rows[0], plan_id='chongqing-rongchang-2022', source_file='data/sources/copy.txt')
    (p / 'data' / 'sources' / 'copy.txt').write_bytes((p / rows[0]['source_file']).read_bytes())
    write_rows(p, 'plans', rows + [extra])
    return 'data/plans.csv', len(rows) + 2, 'plan_id', 'completeness'


def orphan_agency(p):
    rows = read_rows(p, 'agencies')
    rows.append(dict(rows[0], agency_id='dongli-zoo'))
    write_rows(p, 'agencies', rows)
    return 'data/agencies.csv', len(rows) + 1, 'agency_id', 'orphan'


# -- text ------------------------------------------------------------------------
def trailing_space(p):
    return 'data/agencies.csv', edit(p, 'agencies', {'agency_id': 'dongli-court'}, name='天津市东丽区人民法院 '), 'name', 'hygiene'


def nbsp(p):
    return 'data/agencies.csv', edit(p, 'agencies', {'agency_id': 'dongli-court'}, name_en="Dongli District\u00a0People's Court"), 'name_en', 'hygiene'


def zero_width(p):
    return 'data/measures.csv', edit(p, 'measures', {'measure_id': f'{RC}-003'}, section='(二)完善知识产权\u200b保护机制'), 'section', 'hygiene'


def control_char(p):
    return 'data/plans.csv', edit(p, 'plans', {'plan_id': DL}, title_en='Dongli\x07 plan'), 'title_en', 'hygiene'


def fullwidth_dash_in_id(p):
    return 'data/agencies.csv', edit(p, 'agencies', {'agency_id': 'dongli-court'}, agency_id='dongli－court'), 'agency_id', 'lookalike'


def fullwidth_letter_in_id(p):
    return 'data/plans.csv', edit(p, 'plans', {'plan_id': DL}, region_code='１２0110'), 'region_code', 'lookalike'


def kangxi_radical(p):
    # a PDF copy's ⼈ (U+2F08) for 人: NFKC hides it from the provenance check, so hygiene must see it
    return 'data/measures.csv', edit(p, 'measures', {'measure_id': f'{RC}-003'}, section='(二)完善知识产权保护机制⼈'), 'section', 'lookalike'


def cyrillic_letter_in_english(p):
    return 'data/agencies.csv', edit(p, 'agencies', {'agency_id': 'dongli-court'}, name_en="Dongli District People's Сourt"), 'name_en', 'lookalike'


def combining_mark(p):
    return 'data/agencies.csv', edit(p, 'agencies', {'agency_id': 'dongli-court'}, note='Cafe\u0301 of the court'), 'note', 'lookalike'


def variation_selector(p):
    return 'data/agencies.csv', edit(p, 'agencies', {'agency_id': 'dongli-court'}, name='天津市东丽区人民\ufe0f法院'), 'name', 'hygiene'


def hangul_filler(p):
    return 'data/plans.csv', edit(p, 'plans', {'plan_id': DL}, title_en='Dongli\u3164plan'), 'title_en', 'hygiene'


def line_separator(p):
    return 'data/plans.csv', edit(p, 'plans', {'plan_id': DL}, title_en='Dongli\u2028plan'), 'title_en', 'hygiene'


def script_tag(p):
    return 'data/agencies.csv', edit(p, 'agencies', {'agency_id': 'dongli-court'}, note='<script>alert(1)</script>'), 'note', 'markup'


@pytest.mark.parametrize('char', ['=', '+', '-', '@'])
def test_formula_prefix(package, char):
    line = edit(package, 'agencies', {'agency_id': 'dongli-court'}, note=f'{char}SUM(A1:A9)')
    assert_reported(package, ('data/agencies.csv', line, 'note', 'hygiene'))


# -- whole items ---------------------------------------------------------------------
def measure_text(p, measure_id):
    return next(r['text'] for r in read_rows(p, 'measures') if r['measure_id'] == measure_id)


def one_number_not_a_numeral(p):
    # it used to switch the gap check off for the whole plan
    return 'data/measures.csv', edit(p, 'measures', {'measure_id': f'{RC}-005'}, number='x'), 'number', 'completeness'


def draft_note_left_as_ingest_wrote_it(p):
    rows = read_rows(p, 'curation_notes')
    rows[0]['note'] = 'Draft note by ingest, to check and then rewrite or delete: plans.source_type guessed as repost'
    write_rows(p, 'curation_notes', rows)
    return 'data/curation_notes.csv', 2, 'note', 'draft-note'


def fragment_of_an_item(p):
    # a piece from the middle of the item: it occurs in the source, so only the item's start can tell
    fragment = measure_text(p, f'{RC}-003')[20:40]
    return 'data/measures.csv', edit(p, 'measures', {'measure_id': f'{RC}-003'}, text=fragment), 'text', 'items'


def texts_swapped_between_measures(p):
    third, fourth = measure_text(p, f'{RC}-003'), measure_text(p, f'{RC}-004')
    edit(p, 'measures', {'measure_id': f'{RC}-004'}, text=third)
    return 'data/measures.csv', edit(p, 'measures', {'measure_id': f'{RC}-003'}, text=fourth), 'text', 'items'


def deadline_date_contradicts_deadline(p):
    # the deadline prints 2021年12月底前完成
    return 'data/measures.csv', edit(p, 'measures', {'measure_id': f'{DL}-002'}, deadline_date='2022-12-31'), 'deadline_date', 'items'


def target_of_another_plans_measure(p):
    return 'data/targets.csv', edit(p, 'targets', {'target_id': f'{DL}-t01'}, measure_id=f'{RC}-003'), 'measure_id', 'items'


def member_name_not_as_printed(p):
    return 'data/members.csv', edit(p, 'members', {'plan_id': 'anhui-huaibei-xiangshan-2021', 'seq': '2'}, name='杨春'), 'name', 'items'


# -- provenance ------------------------------------------------------------------
def text_not_in_source(p):
    return 'data/measures.csv', edit(p, 'measures', {'measure_id': f'{DL}-004'}, text='持续开展打击刑事犯罪行动。'), 'text', 'provenance'


def missing_source_file(p):
    (p / 'data' / 'sources' / '004_c940acec651e5f4d.txt').unlink()
    return 'data/plans.csv', line_of(p, 'plans', {'plan_id': DL}), 'source_file', 'provenance'


def plan_without_source(p):
    return 'data/plans.csv', edit(p, 'plans', {'plan_id': DL}, source_file=''), 'source_file', 'provenance'


# -- package ---------------------------------------------------------------------
def invalid_json(p):
    text = (p / 'datapackage.json').read_text(encoding='utf-8')
    (p / 'datapackage.json').write_text(text.replace('"version": "0.1.0",', '"version": "0.1.0"'), encoding='utf-8')
    line = text[:text.index('"version"')].count('\n') + 2
    return 'datapackage.json', line, '-', 'package-json'


def not_a_descriptor(p):
    (p / 'datapackage.json').write_text('["data/plans.csv"]\n', encoding='utf-8')
    return 'datapackage.json', '-', 'resources', 'package-descriptor'


def resource_path_missing(p):
    descriptor = json.loads((p / 'datapackage.json').read_text(encoding='utf-8'))
    descriptor['resources'][5]['path'] = 'data/target.csv'
    (p / 'datapackage.json').write_text(json.dumps(descriptor, ensure_ascii=False), encoding='utf-8')
    return 'data/target.csv', '-', '-', 'resource-path'


def schema_does_not_parse(p):
    (p / 'schemas' / 'members.json').write_text('{"fields": [', encoding='utf-8')
    return 'schemas/members.json', '-', '-', 'schema'


def unlisted_csv(p):
    (p / 'data' / 'measures_new.csv').write_text('measure_id\n', encoding='utf-8')
    return 'data/measures_new.csv', '-', '-', 'unlisted-file'


def descriptor(p, change) -> None:
    """Rewrite datapackage.json after `change(descriptor)`."""
    data = json.loads((p / 'datapackage.json').read_text(encoding='utf-8'))
    change(data)
    (p / 'datapackage.json').write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding='utf-8')


def resource(p, name: str, **changes) -> None:
    descriptor(p, lambda d: next(r for r in d['resources'] if r['name'] == name).update(changes))


# -- files no tool may read (ipplans.safety) ---------------------------------------------
def symlink_in_sources(p):
    os.symlink('/etc/passwd', p / 'data' / 'sources' / 'passwd.txt')   # it would ship in the zip and on the site
    return 'data/sources/passwd.txt', '-', '-', 'unsafe-file'


def symlinked_table(p):
    outside = p.parent / f'{p.name}-outside.csv'
    outside.write_bytes(data(p, 'agencies').read_bytes())
    data(p, 'agencies').unlink()
    os.symlink(outside, data(p, 'agencies'))   # make fix would write through it
    return 'data/agencies.csv', '-', '-', 'unsafe-file'


def fifo_in_sources(p):
    os.mkfifo(p / 'data' / 'sources' / 'pipe.txt')   # reading it would hang
    return 'data/sources/pipe.txt', '-', '-', 'unsafe-file'


def subfolder_in_sources(p):
    (p / 'data' / 'sources' / 'more').mkdir()
    (p / 'data' / 'sources' / 'more' / 'x.txt').write_text('不在任何方案中', encoding='utf-8')
    return 'data/sources/more', '-', '-', 'unsafe-file'


def unexpected_file_in_data(p):
    (p / 'data' / 'notes.md').write_text('draft\n', encoding='utf-8')
    return 'data/notes.md', '-', '-', 'unsafe-file'


def symlinked_schemas_folder(p):
    (p / 'schemas').rename(p / 'schemas-real')
    os.symlink(p / 'schemas-real', p / 'schemas')
    return 'schemas', '-', '-', 'unsafe-file'


# -- a descriptor that would make Frictionless fetch, open or skip something ----------------
def http_schema(p):
    resource(p, 'plans', schema='http://127.0.0.1:9/plans.json')
    return 'datapackage.json', '-', 'resources.plans.schema', 'package-descriptor'


def http_resource_path(p):
    resource(p, 'targets', path='https://example.org/targets.csv')
    return 'datapackage.json', '-', 'resources.targets.path', 'package-descriptor'


def file_url_path(p):
    resource(p, 'targets', path='file:///etc/passwd')
    return 'datapackage.json', '-', 'resources.targets.path', 'package-descriptor'


def absolute_schema_path(p):
    resource(p, 'members', schema='/etc/passwd')
    return 'datapackage.json', '-', 'resources.members.schema', 'package-descriptor'


def http_profile(p):
    resource(p, 'citations', profile='https://example.org/profile.json')
    return 'datapackage.json', '-', 'resources.citations.profile', 'package-descriptor'


def package_profile(p):
    descriptor(p, lambda d: d.update(profile='ftp://example.org/profile.json'))
    return 'datapackage.json', '-', 'profile', 'package-descriptor'


def comment_rows(p):
    resource(p, 'measure_coding_passes', dialect={'commentRows': [2, 3, 4]})   # Frictionless would not see those rows
    return 'datapackage.json', '-', 'resources.measure_coding_passes.dialect', 'package-descriptor'


def comment_char(p):
    resource(p, 'measures', dialect={'commentChar': 'c'})
    return 'datapackage.json', '-', 'resources.measures.dialect', 'package-descriptor'


def header_rows(p):
    resource(p, 'targets', dialect={'headerRows': [1, 2]})
    return 'datapackage.json', '-', 'resources.targets.dialect', 'package-descriptor'


def skip_initial_space(p):
    resource(p, 'agencies', dialect={'csv': {'skipInitialSpace': True}})
    return 'datapackage.json', '-', 'resources.agencies.dialect', 'package-descriptor'


def layout_skip_rows(p):
    resource(p, 'responsibilities', layout={'skipRows': [2]})
    return 'datapackage.json', '-', 'resources.responsibilities.layout', 'package-descriptor'


def inline_data(p):
    resource(p, 'members', data=[['plan_id'], ['x']])
    return 'datapackage.json', '-', 'resources.members.data', 'package-descriptor'


def reinterpreted_encoding(p):
    resource(p, 'plans', encoding='latin-1')
    return 'datapackage.json', '-', 'resources.plans.encoding', 'package-descriptor'


def unchecked_source_hash(p):
    descriptor(p, lambda d: d['sources'][0].update(hash='sha256:' + '0' * 64))   # it looks verified, but nothing checks it
    return 'datapackage.json', '-', 'sources[0].hash', 'package-descriptor'


# -- archived sources: hashed, each archived once ------------------------------------------
def source(p, plan_id: str) -> Path:
    return p / next(r['source_file'] for r in read_rows(p, 'plans') if r['plan_id'] == plan_id)


def source_edited(p):
    path = source(p, DL)
    path.write_bytes(path.read_bytes() + '持续开展打击刑事犯罪行动。\n'.encode('utf-8'))   # to match a fabricated measure
    return 'data/plans.csv', line_of(p, 'plans', {'plan_id': DL}), 'source_sha256', 'source-hash'


def source_hash_missing(p):
    return 'data/plans.csv', edit(p, 'plans', {'plan_id': DL}, source_sha256=''), 'source_sha256', 'constraint-error'


def source_hash_malformed(p):
    return 'data/plans.csv', edit(p, 'plans', {'plan_id': DL}, source_sha256='sha256:abc'), 'source_sha256', 'constraint-error'


def same_source_twice(p, content: bytes):
    rows = read_rows(p, 'plans')
    (p / 'data' / 'sources' / 'again.txt').write_bytes(content)
    extra = dict(rows[-1], plan_id='tianjin-dongli-again', source_file='data/sources/again.txt',
                 source_sha256=hashlib.sha256(content).hexdigest())
    write_rows(p, 'plans', rows + [extra])
    return 'data/plans.csv', len(rows) + 2, 'source_file', 'source-duplicate'


def source_archived_twice(p):
    return same_source_twice(p, source(p, DL).read_bytes())


def source_archived_twice_respaced(p):
    # the same text with full-width digits and other line breaks: the same document (NFKC, whitespace removed)
    text = source(p, DL).read_text(encoding='utf-8').replace('\n', '\r\n  ').replace('2021', '２０２１')
    return same_source_twice(p, text.encode('utf-8'))


# -- the register, captures and codes ----------------------------------------------
JL = 'jilin-ip-strong-province'


def region_name_disagrees(p):
    return 'data/plans.csv', edit(p, 'plans', {'plan_id': DL}, region_name='天津市东丽县'), 'region_name', 'region'


def province_of_another_code(p):
    # the contributor's case: a code of Shanghai (310104) with province 湖北省
    return 'data/plans.csv', edit(p, 'plans', {'plan_id': DL}, region_code='310104'), 'province', 'region'


def level_disagrees(p):
    return 'data/plans.csv', edit(p, 'plans', {'plan_id': JL}, admin_level='prefecture'), 'admin_level', 'region'


def retired_code_after_its_years(p):
    # 500226 荣昌县 was last listed in 2014; Rongchang's plan is of 2021
    return 'data/plans.csv', edit(p, 'plans', {'plan_id': RC}, region_code='500226', region_name='重庆市荣昌县'), 'region_code', 'region'


def cut_off_in_a_full_text(p):
    return 'data/measures.csv', edit(p, 'measures', {'measure_id': f'{DL}-042'}, capture='cut_off'), 'capture', 'capture'


def cut_off_in_the_middle(p):
    edit(p, 'plans', {'plan_id': DL}, capture='excerpt')
    return 'data/measures.csv', edit(p, 'measures', {'measure_id': f'{DL}-010'}, capture='cut_off'), 'capture', 'capture'


def metadata_only_with_measures(p):
    return 'data/plans.csv', edit(p, 'plans', {'plan_id': DL}, capture='metadata_only'), 'capture', 'capture'


def measure_without_a_pillar(p):
    rows = read_rows(p, 'measure_codes')
    write_rows(p, 'measure_codes', [r for r in rows if not (r['measure_id'] == f'{DL}-005' and r['scheme'] == 'pillar')], header=list(rows[0]))
    return 'data/measures.csv', line_of(p, 'measures', {'measure_id': f'{DL}-005'}), 'measure_id', 'coding'


def measure_with_two_pillars(p):
    rows = read_rows(p, 'measure_codes')
    pillar = next(r for r in rows if r['measure_id'] == f'{DL}-005' and r['scheme'] == 'pillar')
    other = 'strict' if pillar['code'] != 'strict' else 'broad'
    write_rows(p, 'measure_codes', rows + [dict(pillar, code=other)], header=list(rows[0]))
    return 'data/measures.csv', line_of(p, 'measures', {'measure_id': f'{DL}-005'}), 'measure_id', 'coding'


def cooperating_unit_marked_primary(p):
    return ('data/responsibilities.csv', edit(p, 'responsibilities', {'measure_id': f'{DL}-002', 'seq': '2'}, primary='true'),
            'primary', 'coding')


def script_address_as_source_url(p):
    return 'data/plans.csv', edit(p, 'plans', {'plan_id': DL}, source_url='javascript:alert(document.cookie)'), 'source_url', 'constraint-error'


def document_number_not_standard(p):
    doc = 'central-2019-strengthening-ip-protection'
    return 'data/documents.csv', edit(p, 'documents', {'document_id': doc}, doc_number='中办发[2019]56号'), 'doc_number', 'document'


def document_level_not_its_regions(p):
    doc = 'huaibei-2021-strengthening-ip-protection-plan'   # 340600 is a prefecture
    return 'data/documents.csv', edit(p, 'documents', {'document_id': doc}, issuer_level='county'), 'issuer_level', 'document'


def central_document_with_a_region(p):
    doc = 'central-2019-strengthening-ip-protection'
    return 'data/documents.csv', edit(p, 'documents', {'document_id': doc}, region_code='110000'), 'issuer_level', 'document'


def citation_of_another_documents_number(p):
    # Xiangshan cites 皖办发〔2020〕15号 but the citation is pointed at Huaibei's document (淮办发〔2021〕14号)
    line = edit(p, 'citations', {'plan_id': 'anhui-huaibei-xiangshan-2021', 'seq': '1'},
                document_id='huaibei-2021-strengthening-ip-protection-plan')
    return 'data/citations.csv', line, 'cited_doc_number_normalized', 'document'


def fk_citation_document(p):
    line = edit(p, 'citations', {'plan_id': 'anhui-huaibei-xiangshan-2021', 'seq': '1'}, document_id='no-such-document')
    return 'data/citations.csv', line, 'document_id', 'foreign-key'


# -- targets ---------------------------------------------------------------------------
QJ = 'chongqing-qianjiang-draft'
TARGETS = 'data/targets.csv'


def target(p, target_id, field, check, **changes):
    return TARGETS, edit(p, 'targets', {'target_id': target_id}, **changes), field, check


def numeric_target_without_value(p):
    return target(p, f'{JL}-t05', 'value', 'targets', value='')


def numeric_target_without_unit_code(p):
    return target(p, f'{JL}-t06', 'unit_code', 'targets', unit_code='')


def qualitative_target_with_a_value(p):
    return target(p, f'{RC}-t01', 'value', 'targets', value='3')


def value_not_printed_in_the_text(p):
    return target(p, f'{JL}-t07', 'value', 'targets', value='1200')     # 高价值发明专利1000件


def value_without_its_multiplier(p):
    return target(p, f'{JL}-t08', 'value', 'targets', value='25')       # 有效注册商标25万件 is 250000


def baseline_year_not_before_the_target_year(p):
    return target(p, f'{QJ}-t03', 'baseline_year', 'targets', baseline_value='3', baseline_year='2025')


def baseline_value_without_its_year(p):
    return target(p, f'{QJ}-t03', 'baseline_year', 'targets', baseline_value='3')


def baseline_not_printed_in_the_text(p):
    return target(p, f'{QJ}-t03', 'baseline_value', 'targets', baseline_value='2.1', baseline_year='2020')


def expected_where_the_source_prints_no_kind(p):
    return target(p, f'{JL}-t05', 'binding', 'targets', binding='expected')   # Jilin prints neither 预期性 nor 约束性


def unit_other_than_the_indicators(p):
    return target(p, f'{QJ}-t03', 'unit_code', 'targets', unit_code='count')  # per 10,000 people, printed 件


def number_for_a_qualitative_indicator(p):
    return target(p, f'{JL}-t05', 'indicator_code', 'targets', indicator_code='overall_goal')


def indicator_not_in_the_code_list(p):
    return target(p, f'{JL}-t05', 'indicator_code', 'foreign-key', indicator_code='model_schools')


def unit_not_in_the_code_list(p):
    return target(p, f'{JL}-t05', 'unit_code', 'foreign-key', unit_code='pieces')


def value_kind_typo(p):
    return target(p, f'{JL}-t05', 'value_kind', 'constraint-error', value_kind='Numeric')


def binding_in_chinese(p):
    return target(p, f'{QJ}-t03', 'binding', 'constraint-error', binding='预期性')


def coding_pass_qualitative_with_a_unit(p):
    line = edit(p, 'target_coding_passes', {'pass': 'a', 'target_id': f'{RC}-t02'}, unit_code='count')
    return 'data/target_coding_passes.csv', line, 'unit_code', 'targets'


def coding_pass_of_an_unknown_target(p):
    line = edit(p, 'target_coding_passes', {'pass': 'a', 'target_id': f'{RC}-t02'}, target_id=f'{RC}-t99')
    return 'data/target_coding_passes.csv', line, 'target_id', 'foreign-key'


def qualitative_indicator_with_a_unit(p):
    return 'data/indicators.csv', edit(p, 'indicators', {'indicator_code': 'overall_goal'}, unit_code='count'), 'unit_code', 'targets'
# -- agencies as they are: internal units, nameplates, scoped aliases -------------------------------
def internal_unit_without_parent(p):
    return 'data/agencies.csv', edit(p, 'agencies', {'agency_id': 'dongli-media-centre'}, kind='internal_unit'), 'parent_agency_id', 'parent'


def parent_of_a_department(p):
    # a court is not a unit of the justice bureau: only an internal unit has a parent
    return 'data/agencies.csv', edit(p, 'agencies', {'agency_id': 'dongli-court'}, parent_agency_id='dongli-justice'), 'parent_agency_id', 'parent'


def internal_unit_its_own_parent(p):
    line = edit(p, 'agencies', {'agency_id': 'dongli-media-centre'}, kind='internal_unit', parent_agency_id='dongli-media-centre')
    return 'data/agencies.csv', line, 'parent_agency_id', 'parent'


def internal_units_in_a_circle(p):
    edit(p, 'agencies', {'agency_id': 'dongli-commerce'}, kind='internal_unit', parent_agency_id='dongli-media-centre')
    line = edit(p, 'agencies', {'agency_id': 'dongli-media-centre'}, kind='internal_unit', parent_agency_id='dongli-commerce')
    return 'data/agencies.csv', line, 'parent_agency_id', 'parent'


def parent_in_another_region(p):
    line = edit(p, 'agencies', {'agency_id': 'dongli-media-centre'}, kind='internal_unit', parent_agency_id='rongchang-market-regulation')
    return 'data/agencies.csv', line, 'parent_agency_id', 'parent'


def parent_that_does_not_exist(p):
    line = edit(p, 'agencies', {'agency_id': 'dongli-media-centre'}, kind='internal_unit', parent_agency_id='dongli-publicity')
    return 'data/agencies.csv', line, 'parent_agency_id', 'foreign-key'


def alias_scoped_to_a_plan_of_another_region(p):
    line = edit(p, 'agency_aliases', {'region_code': '120110', 'alias': '区法院'}, plan_id=RC)
    return 'data/agency_aliases.csv', line, 'plan_id', 'alias-scope'


def alias_scoped_to_a_plan_that_does_not_exist(p):
    line = edit(p, 'agency_aliases', {'region_code': '120110', 'alias': '区法院'}, plan_id='tianjin-dongli-2019')
    return 'data/agency_aliases.csv', line, 'plan_id', 'foreign-key'


def scoped_alias_not_in_its_plans_source(p):
    # a spelling scoped to a plan is one that plan prints
    line = edit(p, 'agency_aliases', {'region_code': '120110', 'alias': '区法院'}, alias='区人民法院', plan_id=DL)
    return 'data/agency_aliases.csv', line, 'alias', 'provenance'


def add_nameplate(p, **row) -> int:
    rows = read_rows(p, 'agency_nameplates')
    write_rows(p, 'agency_nameplates', rows + [row], header=['agency_id', 'nameplate', 'nameplate_en', 'note'])
    return len(rows) + 2


def nameplate_is_the_agencys_own_name(p):
    line = add_nameplate(p, agency_id='dongli-court', nameplate='天津市东丽区人民法院', nameplate_en='Dongli court', note='')
    return 'data/agency_nameplates.csv', line, 'nameplate', 'nameplate'


def nameplate_is_another_agency(p):
    # the publicity department's second name would make the media centre the same body
    line = add_nameplate(p, agency_id='dongli-publicity-department', nameplate='天津市东丽区融媒体中心', nameplate_en='Media centre', note='')
    return 'data/agency_nameplates.csv', line, 'nameplate', 'nameplate'


def nameplate_carried_twice(p):
    add_nameplate(p, agency_id='dongli-market-regulation', nameplate='天津市东丽区知识产权局', nameplate_en='Dongli IP Office', note='')
    line = add_nameplate(p, agency_id='dongli-science-and-technology', nameplate='天津市东丽区知识产权局', nameplate_en='Dongli IP Office', note='')
    return 'data/agency_nameplates.csv', line, 'nameplate', 'nameplate'


def nameplate_of_no_agency(p):
    line = add_nameplate(p, agency_id='dongli-ip-office', nameplate='天津市东丽区知识产权局', nameplate_en='Dongli IP Office', note='')
    return 'data/agency_nameplates.csv', line, 'agency_id', 'foreign-key'


# -- the curators' English -------------------------------------------------------------
XS = 'anhui-huaibei-xiangshan-2021'


def measure_without_english(p):
    return 'data/measures.csv', edit(p, 'measures', {'measure_id': f'{DL}-002'}, text_en=''), 'text_en', 'constraint-error'


def chapter_without_english(p):
    return 'data/measures.csv', edit(p, 'measures', {'measure_id': f'{RC}-001'}, chapter_en=''), 'chapter_en', 'translation'


def post_without_english(p):
    return 'data/members.csv', edit(p, 'members', {'plan_id': XS, 'seq': '2'}, post_en=''), 'post_en', 'translation'


def retire(p, **row):
    """Record one retired id; the CSV line it is on."""
    base = {'table_name': 'measures', 'old_id': f'{RC}-099', 'new_id': '', 'date_retired': '2026-12-01', 'version': '',
            'reason': 'withdrawn', 'note': 'test'}
    write_rows(p, 'retired_ids', [dict(base, **row)])
    return 2


def retired_id_still_in_use(p):
    return 'data/retired_ids.csv', retire(p, old_id=f'{RC}-001'), 'old_id', 'retired-id'


def retired_id_replaced_by_a_missing_row(p):
    return 'data/retired_ids.csv', retire(p, new_id=f'{RC}-098', reason='merged'), 'new_id', 'retired-id'


def retired_id_of_a_table_without_stable_ids(p):
    return 'data/retired_ids.csv', retire(p, table_name='responsibilities'), 'table_name', 'retired-id'


CASES = [gbk, utf16, bom, crlf, mixed_endings, no_final_newline,
         empty_file, header_only, semicolons, tabs, missing_column, extra_column, renamed_column, reordered_columns,
         unbalanced_quote, text_after_closing_quote, too_many_cells, too_few_cells, blank_line, nul_bytes,
         wrong_type, impossible_date, chinese_date, enum_typo, id_pattern, duplicate_key,
         fk_measure_plan, fk_responsibility_measure, fk_responsibility_agency, fk_alias_agency, fk_target_plan,
         fk_target_measure, fk_member_plan, fk_member_agency, fk_citation_plan, fk_note_plan, note_table_unknown, orphan_plan, orphan_agency,
         trailing_space, nbsp, zero_width, control_char, fullwidth_dash_in_id, fullwidth_letter_in_id, script_tag,
         one_number_not_a_numeral, draft_note_left_as_ingest_wrote_it, fragment_of_an_item, texts_swapped_between_measures, deadline_date_contradicts_deadline,
         target_of_another_plans_measure, member_name_not_as_printed,
         kangxi_radical, cyrillic_letter_in_english, combining_mark, variation_selector, hangul_filler, line_separator,
         text_not_in_source, missing_source_file, plan_without_source,
         invalid_json, not_a_descriptor, resource_path_missing, schema_does_not_parse, unlisted_csv,
         symlink_in_sources, symlinked_table, fifo_in_sources, subfolder_in_sources, unexpected_file_in_data,
         symlinked_schemas_folder,
         http_schema, http_resource_path, file_url_path, absolute_schema_path, http_profile, package_profile,
         comment_rows, comment_char, header_rows, skip_initial_space, layout_skip_rows, inline_data,
         reinterpreted_encoding, unchecked_source_hash,
         source_edited, source_hash_missing, source_hash_malformed, source_archived_twice, source_archived_twice_respaced,
         region_name_disagrees, province_of_another_code, level_disagrees, retired_code_after_its_years,
         cut_off_in_a_full_text, cut_off_in_the_middle, metadata_only_with_measures,
         measure_without_a_pillar, measure_with_two_pillars, cooperating_unit_marked_primary,
         document_number_not_standard, document_level_not_its_regions, central_document_with_a_region,
         citation_of_another_documents_number, fk_citation_document, script_address_as_source_url,
         numeric_target_without_value, numeric_target_without_unit_code, qualitative_target_with_a_value,
         value_not_printed_in_the_text, value_without_its_multiplier, baseline_year_not_before_the_target_year,
         baseline_value_without_its_year, baseline_not_printed_in_the_text, expected_where_the_source_prints_no_kind,
         unit_other_than_the_indicators, number_for_a_qualitative_indicator, indicator_not_in_the_code_list,
         unit_not_in_the_code_list, value_kind_typo, binding_in_chinese, coding_pass_qualitative_with_a_unit,
         coding_pass_of_an_unknown_target, qualitative_indicator_with_a_unit,
         internal_unit_without_parent, parent_of_a_department, internal_unit_its_own_parent, internal_units_in_a_circle,
         parent_in_another_region, parent_that_does_not_exist, alias_scoped_to_a_plan_of_another_region,
         alias_scoped_to_a_plan_that_does_not_exist, scoped_alias_not_in_its_plans_source, nameplate_is_the_agencys_own_name,
         nameplate_is_another_agency, nameplate_carried_twice, nameplate_of_no_agency,
         measure_without_english, chapter_without_english, post_without_english,
         retired_id_still_in_use, retired_id_replaced_by_a_missing_row, retired_id_of_a_table_without_stable_ids]


def parse(line: str) -> tuple[str, str, str, str] | None:
    head, sep, rest = line.partition(': ')
    if not sep or head.count(':') != 2:
        return None
    path, row, field = head.split(':')
    return path, row, field, rest.split(':')[0]


def assert_reported(package: Path, expected: tuple) -> list[str]:
    code, out = validate(package)
    assert code == 1, out
    path, row, field, check = expected
    found = [parse(line) for line in out]
    assert (path, str(row), field, check) in found, '\n'.join(out)
    line = out[found.index((path, str(row), field, check))]
    assert ' | ' in line and any('\u4e00' <= c <= '\u9fff' for c in line.split(' | ', 1)[1]), 'message must be bilingual'
    assert not any(f and f[3] == 'internal-error' for f in found), '\n'.join(out)
    assert 'Traceback' not in '\n'.join(out)
    return out


@pytest.mark.parametrize('case', CASES, ids=[c.__name__ for c in CASES])
def test_broken_package_is_reported_where_it_is_broken(package, case):
    assert_reported(package, case(package))


def test_repeats_are_capped_with_a_count(package):
    rows = read_rows(package, 'responsibilities')
    for row in rows:
        row['as_printed'] = row['as_printed'] + ' '
    write_rows(package, 'responsibilities', rows)
    code, out = validate(package)
    hygiene = [line for line in out if parse(line) and parse(line)[3] == 'hygiene']
    assert len(hygiene) == 21  # 20 shown, then the count line
    assert hygiene[-1].startswith(f'data/responsibilities.csv:-:as_printed: hygiene: … and {len(rows) - 20} more')


def test_lang_option_gives_one_language(package):
    edit(package, 'agencies', {'agency_id': 'dongli-court'}, name='天津市东丽区人民法院 ')
    _, english = validate(package, '--lang', 'en')
    _, chinese = validate(package, '--lang', 'zh')
    assert 'leading or trailing whitespace' in english[0] and ' | ' not in english[0]
    assert '首尾有空白' in chinese[0] and 'leading' not in chinese[0]


def test_an_excerpt_may_start_past_the_first_item_a_full_text_may_not(package):
    rows = read_rows(package, 'measures')
    kept = [r for r in rows if not (r['plan_id'] == DL and int(r['seq']) <= 3)]
    for r in kept:
        if r['plan_id'] == DL:
            r['seq'] = str(int(r['seq']) - 3)
    gone = {r['measure_id'] for r in rows} - {r['measure_id'] for r in kept}
    write_rows(package, 'measures', kept, header=list(rows[0]))
    for table in ('responsibilities', 'measure_codes', 'measure_coding_passes'):
        rows = read_rows(package, table)
        write_rows(package, table, [r for r in rows if r['measure_id'] not in gone], header=list(rows[0]))
    # agencies named only by the removed items go too, as a curator cutting the excerpt would do
    used = {r['agency_id'] for table in ('responsibilities', 'members') for r in read_rows(package, table)}
    for table in ('agencies', 'agency_aliases'):
        rows = read_rows(package, table)
        write_rows(package, table, [r for r in rows if r['agency_id'] in used], header=list(rows[0]))
    code, out = validate(package)
    assert any(parse(line) and parse(line)[3] == 'completeness' and 'where 1 was expected' in line for line in out), out
    edit(package, 'plans', {'plan_id': DL}, capture='excerpt')
    code, out = validate(package)
    assert code == 0, out


