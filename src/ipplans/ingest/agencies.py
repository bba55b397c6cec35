"""Agency strings for scripts/ingest.py: telling them from prose, splitting lists, matching, proposing.

Splitting uses only the printed text (separators, name endings, second name
plates), never the package's aliases, so what a draft prints as an agency does
not depend on what the package already knows. Matching then looks each printed
string up in agency_aliases.csv and agencies.csv of the plan's region: an alias
scoped to a plan (agency_aliases.plan_id) only in that plan, where it comes
first; an agency also by its second nameplates (agency_nameplates.csv).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ipplans.ingest.text import fold, key
from ipplans.ingest.vocabulary import ROLE_WORDS_AT_END

# How agency names end (after removing bracketed second names).
SUFFIX = re.compile(r'(局|委|院|部|办|中心|会|室|处|所|队|站|(?<![学本专])科|股|厅|府|司|社|协|镇街|街道|镇|乡|海关|支行|分行|行|公司|联|团|部门|单位|党校|办事处|'
                    r'管委会|集团|银保监分局|小组|检察院|法院|法庭|协会|学会|商会|研究院|大学|学院|电视台|报社|区委|县委|市委|园区|开发区|高新区)$')
# Bodies that carry a second name plate, printed after the first name with its bracket lost.
SECOND_NAMES = ('知识产权局', '新闻出版局', '版权局', '电影局', '外事办', '港澳办', '台办', '宗教局', '档案局', '保密局', '密码局', '扶贫办')
LIST_SEPARATORS = re.compile(r'[、,，;；/]|\s+|及(?=[区市县省各])')
PREFIXES = ('区', '市', '县', '省', '州', '旗')


def strip_brackets(text: str) -> str:
    """Text without bracketed parts, balanced or not: 区委宣传部(区新闻出版局 → 区委宣传部."""
    out = re.sub(r'\([^()]*\)', '', fold(text))
    out = re.sub(r'\([^()]*$', '', out)
    return out.replace(')', '').replace('(', '')


def looks_like_agency(text: str) -> bool:
    core = strip_brackets(text).strip(' 、,')
    core = ROLE_WORDS_AT_END.sub('', core)
    if not core or len(core) > 24 or re.search(r'[。:;！？!?]|\d{4}', core):
        return False
    if SUFFIX.search(core) or core in ('有关部门', '相关部门', '各成员单位', '成员单位'):
        return True
    second = re.search(r'\(([^()]+)\)?', fold(text))   # 区委宣传(区新闻出版局): the second name carries it
    return bool(second and SUFFIX.search(second.group(1)) and len(core) <= 12)


def names_an_agency(text: str) -> bool:
    """Some part of the text, split at list separators, reads as an agency's name."""
    return any(looks_like_agency(part) for part in LIST_SEPARATORS.split(fold(text)) if part.strip())


def looks_like_agency_list(text: str) -> bool:
    parts = [p for p in LIST_SEPARATORS.split(fold(text)) if p.strip()]
    return bool(parts) and all(looks_like_agency(p) for p in parts)


def _split_glued(name: str) -> list[str]:
    """Split names whose separator was lost (区市场监管局区文化旅游委), keeping second name plates joined."""
    folded = fold(name)
    cuts = [0]
    for match in re.finditer(r'(?<=[局委院部办会室处所队站厅府])(?=区|市(?!场)|县|各|公安|人行|团区委)', folded):
        left = folded[cuts[-1]:match.start()]
        right = folded[match.start():]
        if not looks_like_agency(left) or left.endswith(('区委', '市委', '县委')) and not right.startswith(('区', '市', '县', '各')):
            continue
        if any(right.lstrip('区市县省').startswith(second) for second in SECOND_NAMES):
            continue
        if '(' in left and ')' not in left:
            continue
        cuts.append(match.start())
    cuts.append(len(name))
    return [name[a:b] for a, b in zip(cuts, cuts[1:]) if name[a:b].strip()]


def split_agencies(text: str) -> list[str]:
    """Printed agency strings of a list such as 区法院、区检察院、区市场监管局（知识产权局）按职责分工负责."""
    return [name for name, _ in split_agencies_marked(text)]


def split_agencies_marked(text: str) -> list[tuple[str, bool]]:
    """Like split_agencies, each name with True when it was printed glued to the previous one (separator lost)."""
    text = text.strip(' 、,，;；。')
    folded = fold(text)
    parts: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(folded):
        if char in '(〔[【':
            depth += 1
        elif char in ')〕]】':
            depth = max(0, depth - 1)
        elif depth == 0 and (char in '、,，;；/' or (char == '及' and folded[index + 1:index + 2] in ('区', '市', '县', '省', '各'))):
            parts.append(text[start:index])
            start = index + 1
        elif depth == 0 and char.isspace():
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    names: list[tuple[str, bool]] = []
    for part in parts:
        part = part.strip(' 、,，')
        part_folded = fold(part)
        match = ROLE_WORDS_AT_END.search(part_folded)
        while match and match.start() > 0:
            part = part[:match.start()].strip(' 、,，')
            part_folded = fold(part)
            match = ROLE_WORDS_AT_END.search(part_folded)
        if part:
            names.extend((name, index > 0) for index, name in enumerate(_split_glued(part)))
    return names


# -- matching ---------------------------------------------------------------------------------------
def variants(printed: str) -> list[str]:
    """Comparison keys of a printed name: as folded, without bracketed second names, with and without 区/市/省 prefix."""
    base = key(printed)
    forms = [base, strip_brackets(base)]
    for second in SECOND_NAMES:
        for prefix in ('',) + PREFIXES:
            glued = prefix + second
            rest = forms[1][:-len(glued)]
            # 市市场监管局知识产权局 → 市市场监管局; never 市知识产权局 → 市 (a second name is printed after a first one)
            if forms[1].endswith(glued) and len(forms[1]) > len(glued) and SUFFIX.search(rest):
                forms.append(rest)
    out: list[str] = []
    for form in forms:
        form = form.rstrip(')')
        for candidate in (form, form[1:] if form[:1] in PREFIXES else None, *(p + form for p in PREFIXES if form[:1] not in PREFIXES)):
            if candidate and candidate not in out:
                out.append(candidate)
    return out


@dataclass
class Match:
    agency_id: str
    how: str           # 'alias' (printed exactly as an alias), 'normalised', 'new'


@dataclass
class AgencyBook:
    """The agencies and aliases of one region, indexed for matching printed strings."""
    region_code: str
    exact: dict[str, str] = field(default_factory=dict)       # alias as printed -> agency_id
    loose: dict[str, set[str]] = field(default_factory=dict)  # comparison key -> agency_ids
    slug_of_core: dict[str, str] = field(default_factory=dict)
    region_slug: str = ''

    @classmethod
    def load(cls, tables: dict[str, list[dict[str, str]]], region_code: str, region_name: str, plan_id: str = '') -> 'AgencyBook':
        """The book of one region as one plan reads it: the region's aliases, and those scoped to this
        plan (which come first); aliases scoped to the region's other plans are left out."""
        book = cls(region_code)
        agencies = tables.get('agencies', [])
        aliases = [row for row in tables.get('agency_aliases', []) if row.get('region_code') == region_code
                   and row.get('plan_id', '') in ('', plan_id)]
        scoped = [row for row in aliases if row.get('plan_id')]
        for row in [row for row in aliases if not row.get('plan_id')] + scoped:   # a plan's own alias overrides the region's
            book.exact[row['alias']] = row['agency_id']
        for row in aliases:
            book.add(row['alias'], row['agency_id'])
        prefixes = sorted({region_name, region_name[-3:], *(region_name[i:] for i in range(len(region_name)))}, key=len, reverse=True)
        own = [row for row in agencies if row.get('region_code') == region_code]
        own_ids = {row['agency_id'] for row in own}
        names = [(row.get('name', ''), row['agency_id']) for row in own]
        names += [(row.get('nameplate', ''), row.get('agency_id', '')) for row in tables.get('agency_nameplates', [])
                  if row.get('agency_id') in own_ids]   # a second nameplate names its agency, as its name does
        for name, agency_id in names:
            book.add(name, agency_id)
            for prefix in prefixes:
                if prefix and name.startswith(prefix) and len(name) > len(prefix):
                    book.add(name[len(prefix):], agency_id)
                    break
        for row in scoped:   # within the plan, its scoped spelling is the only reading of its loose forms too
            for form in variants(row['alias']):
                book.loose[form] = {row['agency_id']}
        firsts = [row['agency_id'].split('-')[0] for row in own]
        if firsts:
            book.region_slug = max(set(firsts), key=firsts.count)
        region_names = {row.get('region_code', ''): row.get('region_name', '') for row in tables.get('plans', [])}
        book.slug_of_core = learn_slugs(agencies, tables.get('agency_aliases', []), region_names)
        return book

    def add(self, name: str, agency_id: str) -> None:
        for form in variants(name):
            self.loose.setdefault(form, set()).add(agency_id)

    def match(self, printed: str) -> Match | None:
        if printed in self.exact:
            return Match(self.exact[printed], 'alias')
        for form in variants(printed):
            found = self.loose.get(form)
            if found and len(found) == 1:
                return Match(next(iter(found)), 'normalised')
        return None

    def parent_of(self, printed: str) -> str | None:
        """The agency whose name a unit's printed name starts with (区市场监管局法规科 → the bureau), longest first."""
        folded = fold(printed)
        for end in range(len(folded) - 1, 1, -1):
            match = self.match(folded[:end])
            if match:
                return match.agency_id
        return None


def core_name(name: str, region_name: str = '') -> str:
    """An agency name without its jurisdiction: (天津市东丽区)商务局 → 商务局, 区商务局 → 商务局; second names dropped."""
    folded = strip_brackets(key(name))
    region = key(region_name)
    for start in range(len(region) - 1):
        if folded.startswith(region[start:]) and len(folded) > len(region) - start:
            folded = folded[len(region) - start:]
            break
    if folded[:1] in PREFIXES and len(folded) > 2 and not folded.startswith('市场'):
        folded = folded[1:]
    for second in SECOND_NAMES:
        for prefix in ('',) + PREFIXES:
            if folded.endswith(prefix + second) and len(folded) > len(prefix + second):
                return folded[:-len(prefix + second)]
    return folded


def learn_slugs(agencies: list[dict[str, str]], aliases: list[dict[str, str]], region_names: dict[str, str]) -> dict[str, str]:
    """English id endings learnt from the package: 商务局 → commerce (from dongli-commerce, 天津市东丽区商务局,
    and from aliases such as 区市场监管局 → dongli-market-regulation)."""
    seen: dict[str, dict[str, int]] = {}
    named = [(row.get('agency_id', ''), row.get('name', ''), row.get('region_code', '')) for row in agencies]
    named += [(row.get('agency_id', ''), row.get('alias', ''), row.get('region_code', '')) for row in aliases]
    for agency_id, name, code in named:
        parts = agency_id.split('-', 1)
        if len(parts) == 2:
            counts = seen.setdefault(core_name(name, region_names.get(code, '')), {})
            counts[parts[1]] = counts.get(parts[1], 0) + 1
    return {core: max(sorted(c), key=c.get) for core, c in seen.items() if core}


KINDS = [
    # a section or outstation of a body, or all of them (稽查科(竞争科), 法规科, 各所队)
    (r'((?<![学本专])科|股|监管所|派出所|中队|大队)(\([^()]*\))?$|^各?(科室|所队|所|队)$', 'internal_unit'),
    (r'法院|法庭', 'court'), (r'检察', 'procuratorate'), (r'公安', 'police'), (r'海关', 'customs'),
    (r'银保监|人民银行|人行|证监|金融监管', 'financial_regulator'),
    (r'^(各|有关|相关)|成员单位', 'collective'),
    (r'人大', 'peoples_congress'), (r'政协', 'cppcc'),
    (r'委宣传部|委组织部|网信办|委统战部|政法委|党校|纪委|委办公室|编办', 'party_organ'),
    (r'团区委|团市委|团县委|工商联|妇联|科协|总工会|残联|文联', 'mass_organization'),
    (r'开发区|高新区|园区|管委会', 'development_zone'),
    (r'街道|镇|乡', 'township'),
    (r'融媒体|中心|电视台|学校|大学|学院|医院', 'public_institution'),
]


def guess_kind(printed: str) -> str:
    folded = fold(printed)
    for pattern, kind in KINDS:
        if re.search(pattern, folded):
            return kind
    return 'government_department'
