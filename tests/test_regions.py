"""The national register of jurisdictions: complete, in sync with the pinned registers, and what plans point into."""
from __future__ import annotations

import subprocess
import sys
from collections import Counter

from conftest import ROOT, read_rows

REGIONS = {r['region_code']: r for r in read_rows(ROOT, 'regions')}


def test_every_current_unit_of_china_is_there():
    current = Counter(r['level'] for r in REGIONS.values() if r['status'] == 'current')
    # 31 provinces of the mainland, Hong Kong, Macau and Taiwan; about 333 prefectures, 2,800+ counties
    assert current['province'] == 34
    assert 330 <= current['prefecture'] <= 340
    assert 2800 <= current['county'] <= 2900


def test_known_units_with_their_parents_and_full_names():
    assert REGIONS['500153']['full_name'] == '重庆市荣昌区' and REGIONS['500153']['parent_code'] == '500000'
    assert REGIONS['340603']['full_name'] == '安徽省淮北市相山区' and REGIONS['340603']['prefecture_code'] == '340600'
    assert REGIONS['420100']['name'] == '武汉市' and REGIONS['420100']['level'] == 'prefecture'
    assert REGIONS['310104']['full_name'] == '上海市徐汇区'
    assert REGIONS['710000']['name'] == '台湾省' and REGIONS['710000']['note']


def test_retired_codes_keep_their_years():
    rongchang_county = REGIONS['500226']
    assert (rongchang_county['name'], rongchang_county['status']) == ('荣昌县', 'retired')
    assert (rongchang_county['valid_from'], rongchang_county['valid_to']) == ('1997', '2014')
    assert REGIONS['500153']['valid_from'] == '2015'   # Rongchang became a district in 2015


def test_every_plan_and_agency_points_into_the_register():
    for table in ('plans', 'agencies', 'agency_aliases'):
        for row in read_rows(ROOT, table):
            assert row['region_code'] in REGIONS, (table, row)


def test_register_file_is_what_the_pinned_registers_give():
    result = subprocess.run([sys.executable, '-m', 'ipplans', 'regions', '--check'], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'up to date' in result.stdout


def test_check_reports_a_hand_edited_register(package):
    path = package / 'data' / 'regions.csv'
    path.write_text(path.read_text(encoding='utf-8').replace('荣昌区', '荣昌市'), encoding='utf-8')
    result = subprocess.run([sys.executable, '-m', 'ipplans', 'regions', '--check', '--package', str(package)],
                            capture_output=True, text=True)
    assert result.returncode == 1 and 'OUT OF DATE' in result.stdout
