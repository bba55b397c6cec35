"""Which jurisdiction a raw plan belongs to, for scripts/ingest.py (only regions the package or the
province list knows; otherwise the contributor is asked for --region-code)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ipplans.ingest.text import fold

# GB/T 2260 codes of the provincial-level units.
PROVINCES = {
    '北京市': '110000', '天津市': '120000', '河北省': '130000', '山西省': '140000', '内蒙古自治区': '150000',
    '辽宁省': '210000', '吉林省': '220000', '黑龙江省': '230000', '上海市': '310000', '江苏省': '320000',
    '浙江省': '330000', '安徽省': '340000', '福建省': '350000', '江西省': '360000', '山东省': '370000',
    '河南省': '410000', '湖北省': '420000', '湖南省': '430000', '广东省': '440000', '广西壮族自治区': '450000',
    '海南省': '460000', '重庆市': '500000', '四川省': '510000', '贵州省': '520000', '云南省': '530000',
    '西藏自治区': '540000', '陕西省': '610000', '甘肃省': '620000', '青海省': '630000', '宁夏回族自治区': '640000',
    '新疆维吾尔自治区': '650000',
}
LEVEL_RANK = {'province': 0, 'prefecture': 1, 'county': 2}


@dataclass
class Region:
    code: str
    name: str           # full name, with province and prefecture
    short: str          # the last component, as printed in texts (相山区)
    province: str
    level: str


def known_regions(plans: list[dict[str, str]]) -> list[Region]:
    regions = {code: Region(code, name, name, name, 'province') for name, code in PROVINCES.items()}
    for row in plans:
        parts = re.findall(r'.+?(?:自治区|省|自治州|市|区|县|旗|盟|州)', row.get('region_name', ''))
        if row.get('region_code') and parts:
            regions[row['region_code']] = Region(row['region_code'], row['region_name'], parts[-1],
                                                 row.get('province', ''), row.get('admin_level', ''))
    return sorted(regions.values(), key=lambda r: r.code)


def detect_region(text: str, title: str, plans: list[dict[str, str]]) -> tuple[Region | None, str]:
    """The plan's region and how it was found (or why not)."""
    folded = fold(text)
    scores = []
    for region in known_regions(plans):
        names = {region.short}
        if region.level == 'province':
            names.add(re.sub(r'(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$', '', region.short))
        count = sum(folded.count(n) for n in names if len(n) >= 2)
        if count:
            scores.append((LEVEL_RANK.get(region.level, 0), count, region))
    # an unknown district/county named in the title, or agencies printed as 区…/县… in a province-level match
    title_places = re.findall(r'([\u4e00-\u9fff]{2,5}?(?:区|县|旗))(?!域|级|委|政府|人民)', fold(title))
    title_places = [p for p in title_places if not p.endswith(('园区', '开发区', '高新区', '社区', '辖区', '城区', '地区', '片区', '试验区', '示范区'))]
    if not scores:
        return None, 'no jurisdiction known to the package is named in the text'
    scores.sort(key=lambda s: (s[0], s[1]), reverse=True)
    rank, count, best = scores[0]
    for place in title_places:
        if not any(place in r.short or r.short in place for _, _, r in scores if LEVEL_RANK.get(r.level, 0) == 2):
            return None, f'the title names {place}, which the package does not know yet'
    local = len(re.findall(r'(?:^|[、,，(（:：])区(?:市场监管局|公安局|财政局|司法局|法院|检察院|科技局|委宣传部)', folded))
    local += len(re.findall(r'(?:^|[、,，(（:：])县(?:市场监管局|公安局|财政局|司法局|法院|检察院|科技局|委宣传部)', folded))
    if best.level != 'county' and local >= 2:
        return None, f'the text names {best.short} but its agencies are printed as 区…/县… units of a district or county the package does not know'
    return best, f'{best.short} is named {count} time(s) in the text'
