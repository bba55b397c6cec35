"""Which jurisdiction a raw plan belongs to, found through the package's national register
(the regions table: every province, prefecture and county of China, current and retired)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ipplans.ingest.text import fold

LEVEL_RANK = {'province': 0, 'prefecture': 1, 'county': 2}
CITED = re.compile(r'《[^》]*》')     # titles of other documents inside a title: not the issuer
# Agencies printed as units of an unnamed district or county: 区市场监管局, 县公安局 …
# An autonomous prefecture is printed by its short name: 博尔塔拉蒙古自治州 → 博尔塔拉州, 博州.
ETHNIC = re.compile(r'(蒙古|回族|藏族|彝族|壮族|苗族|土家族|布依族|侗族|傣族|景颇族|白族|哈尼族|傈僳族|朝鲜族|羌族|哈萨克|柯尔克孜|'
                    r'黎族|瑶族|纳西族|拉祜族|佤族|独龙族|怒族|普米族|傈|蒙)')
HEADING_LINES = 12   # page furniture can push the notice's own heading down a page
LOCAL_UNITS = re.compile(r'(?:^|[、,，(（:：])[区县](?:市场监管局|公安局|财政局|司法局|法院|检察院|科技局|委宣传部)')


@dataclass(frozen=True)
class Region:
    code: str
    name: str           # full name, with province and prefecture (plans.region_name)
    short: str          # the unit's own name, as texts print it (相山区)
    province: str
    level: str
    current: bool = True
    last_year: int = 9999   # the last year a retired code was listed


class Register:
    """The regions table, indexed for finding the jurisdictions a text names."""

    def __init__(self, rows: list[dict[str, str]]):
        by_code = {row['region_code']: row for row in rows}
        self.regions: dict[str, Region] = {}
        for row in rows:
            province = by_code.get(row.get('province_code', ''), row)
            self.regions[row['region_code']] = Region(row['region_code'], row['full_name'], row['name'], province['name'],
                                                      row['level'], row.get('status') != 'retired',
                                                      int(row['valid_to']) if row.get('valid_to') else 9999)
        self.parents = {code: [by_code[c]['name'] for c in (row.get('prefecture_code'), row.get('province_code'))
                               if c and c != code and c in by_code] for code, row in by_code.items()}
        self.parent_of = {row['region_code']: by_code.get(row.get('parent_code', ''), {}).get('name', '') for row in rows}

    def get(self, code: str) -> Region | None:
        return self.regions.get(code)

    def forms(self, region: Region) -> list[str]:
        """How a text may name the unit: its name and its name after its parent's (绍兴市柯桥区). A
        two-character name (东区, 城区) is too common a string to count unless its parent precedes it."""
        qualified = self.parent_of.get(region.code, '') + region.short
        forms = [qualified] if len(region.short) <= 2 else [region.short] if qualified == region.short else [region.short, qualified]
        if region.level == 'province':   # 吉林, 湖北, 内蒙古: a province by its short name
            short = re.sub(r'(省|市|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)$', '', region.short)
            forms += [short] if len(short) >= 2 and short != region.short else []
        if region.short.endswith('自治州'):
            base = ETHNIC.split(region.short.removesuffix('自治州'))[0]
            forms = [base + '州', base[:1] + '州'] + forms
        return forms


@dataclass
class Mention:
    region: Region
    count: int          # times the text prints the unit's name
    in_issuer: bool     # in the name of the issuing body: the plan's own jurisdiction
    in_title: bool      # in the plan's own title
    in_heading: bool    # in the first lines: the notice, the issuer
    qualified: bool     # printed after its parent's name, or its full name (never a province: it has no parent)
    ancestors: int      # how many of its prefecture and province the text names

    def rank(self) -> tuple:
        """Named in the heading, named with its parent, the most specific level, the best-supported."""
        return (self.in_issuer, self.in_title, self.in_heading, self.qualified, LEVEL_RANK.get(self.region.level, 0), self.ancestors, self.count)

    def among_namesakes(self) -> tuple:
        """Between units of the same name (宜宾市 the city and the retired county-level city; 江北区 of
        重庆 and of 宁波): named with its parent, its parents named, in use, in use most recently."""
        return (self.qualified, self.ancestors, self.region.current, self.region.last_year, LEVEL_RANK.get(self.region.level, 0))


def heading_of(text: str) -> str:
    """The first lines of the text (notice, issuer, title), without the titles of cited documents."""
    return CITED.sub('', '\n'.join([line for line in fold(text).splitlines() if line.strip()][:HEADING_LINES]))


def mentions(register: Register, text: str, title: str, issuer: str = '') -> list[Mention]:
    """Every unit the text names, the best of each group of namesakes."""
    folded, heading, own_title = fold(text), heading_of(text), CITED.sub('', fold(title))
    starts = {line.strip()[:2] for line in heading.splitlines() + [own_title]}
    best: dict[str, Mention] = {}
    for region in register.regions.values():
        forms = register.forms(region)
        count = sum(folded.count(form) for form in forms)
        opens = any(len(form) == 2 and form in starts for form in forms + [region.short])   # 荣县2022年…, 博州政发…
        if not count and not opens:
            continue
        qualified = region.level != 'province' and (forms[-1] in folded or region.name in folded)
        mention = Mention(region, max(count, 1), bool(issuer) and any(form in fold(issuer) for form in forms),
                          any(form in own_title for form in forms) or (opens and region.short in own_title),
                          opens or any(form in heading for form in forms), qualified,
                          sum(1 for name in register.parents.get(region.code, []) if name in folded))
        rival = best.get(region.short)
        if rival is None or mention.among_namesakes() > rival.among_namesakes():
            best[region.short] = mention
    return list(best.values())


def detect_region(text: str, title: str, register: Register, issuer: str = '') -> tuple[Region | None, str]:
    """The plan's region and how it was found (or why not)."""
    found = mentions(register, text, title, issuer)
    if not found:
        return None, 'the text names no jurisdiction of the register'
    titled = [m for m in found if m.in_issuer or m.in_title or m.in_heading]
    pool = titled or [m for m in found if m.count >= 2 or m.qualified]
    if not pool:
        return None, 'the text names jurisdictions only in passing'
    pool.sort(key=Mention.rank, reverse=True)
    best = pool[0]
    if not titled and best.region.level != 'county' and len(LOCAL_UNITS.findall(fold(text))) >= 2:
        return None, (f'the text names {best.region.short} but its agencies are printed as 区…/县… units of a district '
                      'or county it does not name; pass --region-code')
    where = 'in the issuer' if best.in_issuer else 'in the title' if best.in_title else 'in the heading' if best.in_heading else f'{best.count} time(s) in the text'
    retired = '' if best.region.current else ' (a retired code: check the plan\'s date)'
    return best.region, f'{best.region.short} is named {where}{retired}'
