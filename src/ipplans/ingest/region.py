"""Which jurisdiction a raw plan belongs to, found through the package's national register
(the regions table: every province, prefecture and county of China, current and retired)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ipplans.ingest.text import fold

LEVEL_RANK = {'province': 0, 'prefecture': 1, 'county': 2}
CITED = re.compile(r'《[^》]*》')     # titles of other documents inside a title: not the issuer
# Agencies printed as units of an unnamed district or county: 区市场监管局, 县公安局 …
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
        if len(region.short) <= 2:
            return [qualified]
        return [region.short] if qualified == region.short else [region.short, qualified]


@dataclass
class Mention:
    region: Region
    count: int          # times the text prints the unit's name
    in_title: bool
    qualified: bool     # printed after its parent's name, or its full name
    ancestors: int      # how many of its prefecture and province the text names

    def rank(self) -> tuple:
        """Named in the heading, named with its parent, the most specific level, the best-supported."""
        return (self.in_title, self.qualified, LEVEL_RANK.get(self.region.level, 0), self.ancestors, self.count)

    def among_namesakes(self) -> tuple:
        """Between units of the same name (宜宾市 the city and the retired county-level city; 江北区 of
        重庆 and of 宁波): named with its parent, its parents named, in use, in use most recently."""
        return (self.qualified, self.ancestors, self.region.current, self.region.last_year, LEVEL_RANK.get(self.region.level, 0))


def heading_of(text: str, title: str) -> str:
    """The title and the first lines of the text (issuer, notice), without the titles of cited documents."""
    first = [line for line in fold(text).splitlines() if line.strip()][:3]
    return CITED.sub('', '\n'.join([fold(title), *first]))


def mentions(register: Register, text: str, title: str) -> list[Mention]:
    """Every unit the text names, the best of each group of namesakes."""
    folded, heading = fold(text), heading_of(text, title)
    starts = {line.strip()[:2] for line in heading.splitlines()}
    best: dict[str, Mention] = {}
    for region in register.regions.values():
        forms = register.forms(region)
        count = sum(folded.count(form) for form in forms)
        opens = len(region.short) == 2 and region.short in starts    # 荣县2022年… : a short name opening the heading
        if not count and not opens:
            continue
        mention = Mention(region, max(count, 1), opens or any(form in heading for form in forms),
                          forms[-1] in folded or region.name in folded,
                          sum(1 for name in register.parents.get(region.code, []) if name in folded))
        rival = best.get(region.short)
        if rival is None or mention.among_namesakes() > rival.among_namesakes():
            best[region.short] = mention
    return list(best.values())


def detect_region(text: str, title: str, register: Register) -> tuple[Region | None, str]:
    """The plan's region and how it was found (or why not)."""
    found = mentions(register, text, title)
    if not found:
        return None, 'the text names no jurisdiction of the register'
    titled = [m for m in found if m.in_title]
    pool = titled or [m for m in found if m.count >= 2 or m.qualified]
    if not pool:
        return None, 'the text names jurisdictions only in passing'
    pool.sort(key=Mention.rank, reverse=True)
    best = pool[0]
    if not titled and best.region.level != 'county' and len(LOCAL_UNITS.findall(fold(text))) >= 2:
        return None, (f'the text names {best.region.short} but its agencies are printed as 区…/县… units of a district '
                      'or county it does not name; pass --region-code')
    where = 'in the title' if best.in_title else f'{best.count} time(s) in the text'
    retired = '' if best.region.current else ' (a retired code: check the plan\'s date)'
    return best.region, f'{best.region.short} is named {where}{retired}'
