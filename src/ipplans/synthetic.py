"""Generate a synthetic package shaped like ours, for benchmarks and scale tests.

    python scripts/synthetic.py --plans 1000 --out DIR [--seed 1]

Every plan gets an archived source text that contains its measures, targets and agency
strings, so provenance checks do real work; roughly 40 measures per plan, 3 agencies per
measure, 25 agencies per region, Chinese text of realistic length. The schemas and the
descriptor are copied from the real package, so the synthetic package follows them exactly.
The same arguments always give the same files.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import sys
from pathlib import Path

from ipplans.coder import propose_function
from ipplans.package import Package
from ipplans.paths import REPO as ROOT
from ipplans.sources import sha256

PHRASES = ['加强知识产权保护', '完善行政执法和刑事司法衔接机制', '严厉打击侵权假冒行为', '推进知识产权强区建设', '健全知识产权纠纷多元化解决机制',
           '加大对专利、商标、著作权、地理标志等知识产权侵权假冒行为的打击力度', '建立重点商标保护名录', '开展知识产权执法保护专项行动',
           '推动建立知识产权执法部门与电商平台工作联动和信息推送机制', '培育高价值专利', '实施地理标志运用促进工程', '优化营商环境',
           '完善知识产权信用监管制度', '支持企业开展海外知识产权布局', '加强商业秘密保护', '推进知识产权质押融资', '开展知识产权宣传周活动',
           '建立知识产权维权援助工作体系', '提升知识产权公共服务能力', '加强植物新品种保护', '强化展会知识产权保护', '建设知识产权保护中心']
AGENCIES = [('区市场监管局', '市场监督管理局', 'government_department'), ('区公安局', '公安局', 'police'), ('区法院', '人民法院', 'court'),
            ('区检察院', '人民检察院', 'procuratorate'), ('区委宣传部', '委宣传部', 'party_organ'), ('区司法局', '司法局', 'government_department'),
            ('区科技局', '科学技术局', 'government_department'), ('区财政局', '财政局', 'government_department'), ('区商务局', '商务局', 'government_department'),
            ('区农业农村委', '农业农村委员会', 'government_department'), ('区文化旅游委', '文化和旅游发展委员会', 'government_department'),
            ('区发展改革委', '发展和改革委员会', 'government_department'), ('区教委', '教育委员会', 'government_department'),
            ('区人力社保局', '人力资源和社会保障局', 'government_department'), ('区经济信息委', '经济和信息化委员会', 'government_department'),
            ('区林业局', '林业局', 'government_department'), ('区民政局', '民政局', 'government_department'), ('区工商联', '工商业联合会', 'mass_organization'),
            ('区委组织部', '委组织部', 'party_organ'), ('区委网信办', '委网信办', 'party_organ'), ('区金融事务中心', '金融事务中心', 'public_institution'),
            ('区融媒体中心', '融媒体中心', 'public_institution'), ('海关', '海关', 'customs'), ('各镇街道', '各镇街道', 'collective'), ('有关部门', '有关部门', 'collective')]
NUMERALS = '一二三四五六七八九十'
SYNTHETIC_CODES = {'pillar': ['strict', 'broad', 'fast', 'foundations'], 'ip_right': ['general', 'patent', 'trademark'],
                   'instrument': ['administrative_enforcement', 'public_services', 'publicity_training'], 'measure_type': ['substantive']}


def measure_text(rng: random.Random) -> str:
    parts = rng.sample(PHRASES, rng.randint(3, 6))
    return '，'.join(parts) + '。'


CITED = dict(document_id='central-2019-strengthening-ip-protection', title='关于强化知识产权保护的意见',
             doc_number='中办发〔2019〕56号', issuer='中共中央办公厅、国务院办公厅', issuer_level='central', genre='opinions',
             local_ip_plan='false')


def add_plan(rows: dict[str, list[dict]], index: int, unit: dict[str, str], province: str, rng: random.Random
             ) -> tuple[str, list[str]]:
    """Append the rows of synthetic plan number index + 1, in jurisdiction `unit`; return its source file and lines."""
    plan_id = f'synthetic-{index + 1:05d}'
    region = unit['region_code']
    place = f'合成{index + 1}区'
    source_file = f'data/sources/{plan_id}.txt'
    lines = ['首页 > 政务公开 > 政策文件', f'{place}强化知识产权保护的实施方案', f'为贯彻落实《关于强化知识产权保护的意见》（中办发〔2019〕56号）精神，制定本方案。']
    target_value = rng.randint(2, 30)
    target_text = f'到2025年，每万人口发明专利拥有量达到{target_value}件'
    lines.append(target_text + '。')
    rows['plans'].append(dict(plan_id=plan_id, title=f'{place}强化知识产权保护的实施方案', title_en=f'Synthetic district {index + 1} plan', doc_number='',
                              issuer=f'{place}人民政府办公室', publisher='', region_code=region, region_name=unit['full_name'], province=province,
                              admin_level=unit['level'],
                              date_signed='2021-10-12', date_published='', status='issued', source_type='document_file', source_url='', source_retrieved='', capture='full_text',
                              source_file=source_file, source_note='Synthetic plan generated for benchmarks.'))
    used: dict[str, tuple[str, str, str]] = {}
    section = ''
    for seq in range(1, rng.randint(30, 50) + 1):
        if seq % 8 == 1:
            section = f'{NUMERALS[(seq // 8) % 10]}、{rng.choice(PHRASES)}'
            lines.append(section)
        text = measure_text(rng)
        measure_id = f'{plan_id}-{seq:03d}'
        rows['measures'].append(dict(measure_id=measure_id, plan_id=plan_id, seq=seq, number=f'{seq}.', chapter='', section=section, text=text,
                                     deadline='2021年12月底前完成' if seq % 3 else '持续推进', deadline_date='2021-12-31' if seq % 3 else '', capture='whole'))
        for scheme, codes in SYNTHETIC_CODES.items():   # one code per scheme, rotating through the list
            rows['measure_codes'].append(dict(measure_id=measure_id, scheme=scheme, code=codes[seq % len(codes)],
                                              assigned_by='rule_based', note=''))
        chosen = rng.sample(AGENCIES, rng.choice([2, 3, 3, 4]))
        for order, (alias, name, kind) in enumerate(chosen, start=1):
            agency_id = f'{plan_id}-agency-{AGENCIES.index((alias, name, kind)) + 1:02d}'
            used[agency_id] = (alias, name, kind)
            rows['responsibilities'].append(dict(measure_id=measure_id, seq=order, agency_id=agency_id,
                                                 role='lead' if order == 1 else 'cooperating', primary='true' if order == 1 else 'false',
                                                 as_printed=alias))
        lead, others = chosen[0][0], '、'.join(a for a, _, _ in chosen[1:])
        deadline = '2021年12月底前完成' if seq % 3 else '持续推进'
        lines.append(f'{seq}.{text}（牵头单位：{lead}；配合单位：{others}；{deadline}）')
    for agency_id, (alias, name, kind) in sorted(used.items()):
        rows['agencies'].append(dict(agency_id=agency_id, name=f'{place}{name}', name_en=f'Synthetic agency {agency_id}', region_code=region, kind=kind,
                                     function=propose_function(name, rows['agency_functions']) or 'collective', note=''))
        rows['agency_aliases'].append(dict(region_code=region, alias=alias, agency_id=agency_id))
    rows['targets'].append(dict(target_id=f'{plan_id}-t01', plan_id=plan_id, measure_id='', year=2025, indicator='每万人口发明专利拥有量',
                                indicator_en='invention patents per 10,000 people', value=target_value, unit='件', qualifier='', text=target_text,
                                indicator_code='invention_patents_per_10k', value_kind='numeric', unit_code='count_per_10k_population',
                                binding='not_stated', baseline_value='', baseline_year='', assigned_by='rule_based'))
    member_agency = sorted(used)[0]
    lines.append(f'召集人：张三   {used[member_agency][0]}局长')
    rows['members'].append(dict(plan_id=plan_id, seq=1, body=f'{place}知识产权联席会议', role='召集人', role_as_printed='召集人', name='张三', name_as_printed='张三',
                                post=f'{used[member_agency][0]}局长', agency_as_printed=used[member_agency][0], agency_id=member_agency))
    rows['citations'].append(dict(plan_id=plan_id, seq=1, cited_in='plan', cited_title='关于强化知识产权保护的意见', cited_doc_number='中办发〔2019〕56号',
                                  cited_doc_number_normalized='中办发〔2019〕56号', document_id=CITED['document_id'], note=''))
    rows['documents'].append(dict(document_id=plan_id, title=f'{place}强化知识产权保护的实施方案', issuer_level=unit['level'],
                                  region_code=region, date_signed='2021-10-12', genre='plan', local_ip_plan='true', plan_id=plan_id))
    rows['curation_notes'].append(dict(note_id=f'{plan_id}-n01', plan_id=plan_id, table_name='plans', row_key=plan_id, field='source_note', note='Synthetic.'))
    return source_file, lines


def generate(plans: int, out: Path, seed: int = 1) -> dict[str, int]:
    """Write a synthetic package with `plans` plans into `out`; return row counts per table."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    (out / 'data' / 'sources').mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / 'schemas', out / 'schemas', dirs_exist_ok=True)
    descriptor = json.loads((ROOT / 'datapackage.json').read_text(encoding='utf-8'))
    descriptor['name'] += '-synthetic'
    descriptor['sources'] = []
    (out / 'datapackage.json').write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + '\n', encoding='utf-8')
    rows: dict[str, list[dict]] = {resource['name']: [] for resource in descriptor['resources']}
    # Each plan gets a real jurisdiction of its own (aliases are keyed by region), from the register.
    real = Package.load(ROOT)
    for table in ('regions', 'agency_functions', 'coding_schemes', 'measure_code_lists', 'units', 'indicators'):   # reference tables, as in the real package
        rows[table] = real.rows(table)
    rows['documents'].append(CITED)   # the one document every synthetic plan cites
    by_code = {r['region_code']: r for r in rows['regions']}
    units = [r for r in rows['regions'] if r['status'] == 'current' and r['level'] != 'province']
    if plans > len(units):
        raise ValueError(f'at most {len(units)} synthetic plans: one per current prefecture or county')
    for index in range(plans):
        source_file, lines = add_plan(rows, index, units[index], by_code[units[index]['province_code']]['name'], rng)
        text = ('\n'.join(lines) + '\n').encode('utf-8')
        (out / source_file).write_bytes(text)
        rows['plans'][-1]['source_sha256'] = sha256(text)
    for resource in real.resources.values():
        with open(out / resource.path, 'w', encoding='utf-8', newline='') as handle:
            writer = csv.DictWriter(handle, resource.field_names, lineterminator='\n')
            writer.writeheader()
            writer.writerows(rows[resource.name])
    return {name: len(table) for name, table in rows.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--plans', type=int, required=True, help='number of plans')
    parser.add_argument('--out', type=Path, required=True, help='directory to write the package into')
    parser.add_argument('--seed', type=int, default=1)
    args = parser.parse_args(argv)
    counts = generate(args.plans, args.out, args.seed)
    print(', '.join(f'{k} {v}' for k, v in counts.items()))
    return 0


if __name__ == '__main__':
    sys.exit(main())
