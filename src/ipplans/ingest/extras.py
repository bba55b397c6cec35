"""Plan metadata, citations, targets and member lists for scripts/ingest.py."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ipplans.ingest.text import (CHAPTER, DOC_NUMBER, DAMAGED_DOC_NUMBER, Line, fold, is_date_line, is_noise, key,
                         metadata_fields, normalize_doc_number, parse_date)
from ipplans.ingest.vocabulary import (COMPOUND_SURNAMES, MEMBER_BODY, MEMBER_LIST_HEADING, MEMBER_ROLE_LABEL, OFFICE_GIVEN,
                                       OFFICE_HELD, POSITION_AT_END, POSITIONS, POST_START, SURNAMES, one_of)

PLAN_WORDS = r'(实施方案|工作方案|方案|实施意见|意见|推进计划|行动计划|计划|规划|办法|措施|纲要|工作要点|要点|细则|举措)'
WRAPPER = re.compile(r'(关于)?(印发|转发|下发)(.*?)《(.+)》的?(通知|函)')
DRAFT = re.compile(r'[(（]?(征求意见稿|送审稿|讨论稿|草案)[)）]?')


@dataclass
class PlanFacts:
    title: str = ''
    title_line: int = -1      # index of the plan's own title line (-1: none found)
    doc_number: str = ''
    issuer: str = ''
    publisher: str = ''
    date_signed: str = ''
    date_published: str = ''
    status: str = ''
    source_type: str = ''
    source_url: str = ''
    notes: list[str] = field(default_factory=list)


def plan_facts(lines: list[Line]) -> PlanFacts:
    """What the text says about the plan itself (not about the documents it cites)."""
    facts = PlanFacts()
    meta = metadata_fields(lines)
    _title(lines, meta, facts)
    _doc_number(lines, meta, facts)
    _dates_and_issuer(lines, meta, facts)
    facts.publisher = meta.get('发布机构', '') or meta.get('来源', '')
    url = re.search(r'https?://\S+', meta.get('地址', ''))
    facts.source_url = url.group(0) if url else ''
    text = '\n'.join(line.folded for line in lines)
    if DRAFT.search(text[:2000]):
        facts.status = 'draft_for_comment'
    elif re.search(r'有\s*效\s*性\s*[:：]?\s*(失效|废止)', text):
        facts.status = 'repealed'
    elif re.search(r'有\s*效\s*性\s*[:：]?\s*有效', text):
        facts.status = 'in_force'
    else:
        facts.status = 'issued' if facts.doc_number or facts.date_signed else 'unknown'
    # what the archived source is: a guess from the layout, which the summary asks to check
    if '索引号' in meta or '发布机构' in meta:
        facts.source_type = 'official_site'
    elif '来源' in meta or '地址' in meta:
        facts.source_type = 'repost'
    else:
        facts.source_type = 'document_file'
    return facts


def _title(lines: list[Line], meta: dict[str, str], facts: PlanFacts) -> None:
    """The plan's own title line (not the 关于印发《…》的通知 wrapper); else the page's 标题; else the wrapper's 《…》."""
    for index, line in enumerate(lines):
        folded = line.folded
        if not line.text or is_noise(line) or WRAPPER.search(folded) or folded.startswith(('附件', '附表')):
            continue
        bare = re.sub(r'[(（]\s*\d{4}\s*[-—–－至]\s*\d{4}\s*年?\s*[)）]$', '', DRAFT.sub('', folded).strip())
        if (len(bare) <= 60 and re.search(PLAN_WORDS + r'$', bare) and not re.search(r'[。,，;；:：]', bare)
                and not CHAPTER.match(folded) and not re.match(r'^[(（]', folded)):
            facts.title, facts.title_line = DRAFT.sub('', line.text).strip(), index
            return
    if meta.get('标题'):
        facts.title = re.sub(r'^[(（][^)）]{1,6}[)）]', '', meta['标题']).strip()
        facts.notes.append("title taken from the page's 标题 field")
        return
    for line in lines:
        match = WRAPPER.search(line.folded)
        if match and len(line.folded) < 120:
            facts.title = line.text[line.folded.index('《', match.start()) + 1:line.folded.rindex('》')]
            facts.notes.append('title taken from the transmitting notice')
            return


def _doc_number(lines: list[Line], meta: dict[str, str], facts: PlanFacts) -> None:
    """The 发文字号 of the page's metadata, or a line near the top that is only a document number
    (never a number printed after a cited 《title》)."""
    if meta.get('发文字号') and DOC_NUMBER.search(fold(meta['发文字号'])):
        facts.doc_number = meta['发文字号'].strip()
        return
    for line in lines[:max(facts.title_line, 0) + 15]:
        match = DOC_NUMBER.match(line.folded.strip())
        rest = line.folded.strip()[match.end():] if match else ''
        if match and re.fullmatch(r'\s*(签发人\s*[:：].*)?', rest):   # 江府办发〔2022〕8号　　签发人：李明
            facts.doc_number = line.text.strip()[:match.end()]
            return


def _dates_and_issuer(lines: list[Line], meta: dict[str, str], facts: PlanFacts) -> None:
    """成文日期: the notice's signature date (2021年10月12日, 二〇二一年十月十二日, 20211110), else the
    page's 成文日期; 发布日期 from the page; the issuer from the organisation lines above the signature."""
    signed = parse_date(meta['成文日期']) if meta.get('成文日期') else None
    published = parse_date(meta['发布日期']) if meta.get('发布日期') else None
    signature_index = next((i for i, line in enumerate(lines) if line.text and is_date_line(line.text)), None)
    if signature_index is not None:
        signature = parse_date(lines[signature_index].text)
        if signed and signature and signed != signature:
            facts.notes.append(f'the notice is signed {lines[signature_index].text.strip()} but the page gives 成文日期 {signed}; '
                               'date_signed follows the signature')
        signed = signature or signed
        names = []
        for line in reversed(lines[max(0, signature_index - 8):signature_index]):
            if not line.text:
                continue
            if not re.fullmatch(r'[\u4e00-\u9fff\s]{4,40}(办公室|办公厅|人民政府|委员会|领导小组|局|委|厅)', line.folded.strip()):
                break
            names.append(re.sub(r'\s{2,}', '', line.text.strip()))
        facts.issuer = '、'.join(reversed(names))
    facts.date_signed, facts.date_published = signed or '', published or ''


def citations(lines: list[Line], until: int, own_title: str, notice_end: int) -> list[dict[str, str]]:
    """Documents cited in the notice (lines before `notice_end`, the plan's title) and the preamble (up to `until`)."""
    rows: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    own = key(re.sub(r'^关于', '', own_title))
    for index, line in enumerate(lines[:until]):
        if not line.text or is_noise(line):
            continue
        folded = line.folded
        for start in [m.start() for m in re.finditer('《', folded)]:
            depth, end = 0, None
            for pos in range(start, len(folded)):
                if folded[pos] == '《':
                    depth += 1
                elif folded[pos] == '》':
                    depth -= 1
                    if depth == 0:
                        end = pos
                        break
            if end is None or (start > 0 and folded.count('《', 0, start) > folded.count('》', 0, start)):
                continue
            title = line.text[start + 1:end]
            title_key = key(re.sub(r'^关于', '', title))
            if len(re.findall(r'[\u4e00-\u9fff]', title)) < 4 or (own and (title_key == own or (own.endswith(title_key) and len(title_key) * 3 >= len(own) * 2))):
                continue
            after = folded[end + 1:end + 40]
            number = ''
            bracket = re.match(r'\s*[(（]([^)）]{3,30})[)）]', after) or re.match(r'\s*[(（]([^)）]{3,30}号)', after)
            if bracket and (DOC_NUMBER.search(bracket.group(1)) or DAMAGED_DOC_NUMBER.fullmatch(bracket.group(1).strip())):
                offset = end + 1 + bracket.start(1)
                number = line.text[offset:offset + len(bracket.group(1))].strip()
            if (title_key, number) in seen or any(t == title_key for t, _ in seen) and not number:
                continue
            seen.add((title_key, number))
            where = 'notice' if index < notice_end else 'plan'
            rows.append({'cited_in': where, 'cited_title': title, 'cited_doc_number': number,
                         'cited_doc_number_normalized': normalize_doc_number(number) if number else ''})
    return rows


# -- targets ----------------------------------------------------------------------------------------------
NUMERIC = re.compile(r'(\d+(?:\.\d+)?)\s*(万|亿)?\s*(件|家|个|所|项|人|亿元|万元|元|%|个百分点|次|名|户|件次|座|分)(以上|左右)?')
PREDICATE = re.compile(r'(得到|更加|发生|获批|进一步|达到|取得|明显|显著|合理|不断|基本|全面|实现|超过|突破|增长|提升|提高)')
OPENER = re.compile(r'^\s*(力争)?(?:(?:到|至)\s*((?:19|20)\d{2})\s*年|((?:19|20)\d{2})\s*年\s*[,，])')


def targets(lines: list[Line], stop: int) -> list[dict[str, str]]:
    """Targets of the goals part (before the first task), in the scope of a sentence that opens with
    到YYYY年 / 力争到YYYY年: that sentence is the overall goal; each later sentence is a target, split
    into its clauses when some of them carry a number (培育示范学校100所、示范企业500家 → two)."""
    rows: list[dict[str, str]] = []
    year = None
    for line in lines[:stop]:
        if not line.text or is_noise(line):
            continue
        text = line.text
        if CHAPTER.match(line.folded):
            year = None   # a new chapter leaves the goals' scope
            # a heading run on with its paragraph (a page copied onto one line): 二、工作目标 到2025年，…
            run_on = re.match(r'^\S{2,24}[\s\u3000]+(\S.*)$', text)
            if not run_on:
                continue
            text = run_on.group(1)
        for sentence in re.findall(r'[^。]+。?', text):
            # （上述指标均为预期性指标）: the kind of the numbered targets of the sentence
            kind = next((word for word in ('预期性', '约束性') if word in fold(sentence)), '')
            folded = fold(sentence)
            opener = OPENER.match(folded)
            clauses = [c for c in re.split(r'[,，;；、]', _without_note(sentence)) if c.strip(' 。')]
            if opener:
                year = opener.group(2) or opener.group(3)
                rows.append(_target(year, '总体目标', sentence.strip(), '力争' if opener.group(1) else ''))
                clauses = [c for c in clauses[1:] if NUMERIC.search(fold(c))]   # numbers in the opening sentence
            elif not year:
                continue
            elif not any(NUMERIC.search(fold(c)) for c in clauses):
                clauses = [sentence]
            for clause in clauses:
                numeric = bool(NUMERIC.search(fold(clause)))
                qualifier = kind if kind and numeric else ('力争' if '力争' in fold(clause) else '')
                rows.append(_target(year, '', clause.strip() if clause is sentence else clause.strip(' ，,；;、。'), qualifier))
    return rows


def _without_note(sentence: str) -> str:
    """A sentence without a bracketed remark such as （上述指标均为预期性指标）."""
    return re.sub(r'[(（][^()（）]*[)）]', '', sentence)


def _target(year: str, indicator: str, text: str, qualifier: str) -> dict[str, str]:
    value = unit = ''
    if not indicator:
        folded = fold(text)
        match = NUMERIC.search(folded)
        head = folded[:match.start()] if match else folded
        cut = PREDICATE.search(head)
        indicator = re.sub(r'^(力争|培育|新增|建成|打造|累计|全[区市县省]|我[区市县省])', '', head[:cut.start()] if cut and cut.start() > 1 else head)
        indicator = indicator.strip('“”" ，,。') or folded[:12]
        if match:
            value = number_text(float(match.group(1)) * {'万': 10000, '亿': 100000000}.get(match.group(2) or '', 1))
            unit = match.group(3) if match.group(3) != '元' else (match.group(2) or '') + '元'   # 3200亿元 is printed 亿元
    return {'year': year, 'indicator': indicator, 'value': value, 'unit': unit, 'qualifier': qualifier, 'text': text}


def number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


# -- member lists ---------------------------------------------------------------------------------------
# The agency at the head of a post: 区市场监管局党组书记、局长 → 区市场监管局; 办公室主任 → 办公室.
POST_AGENCY = re.compile(r'^(.*?(?:局|委|院|部|办|中心|分局|办事处|街道|镇|乡|管委会|办公室|政府|署|厅|会|联|司))'
                         r'(?=党|副|常务|成员|' + one_of(POSITIONS) + r'|$|[(（])')
NAME = re.compile(r'[\u4e00-\u9fff]{2,4}')
# name(post)、name(post)… on one line
NAME_IN_BRACKETS = re.compile(r'([\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3})\s*[(（]([^()（）]{2,40})[)）]')
OFFICE_WINDOW = 3   # non-empty lines after a list in which its office sentence is still read


def _surname_length(folded: str) -> int:
    """Length of the family name the text begins with (0 when it begins with none)."""
    if folded[:2] in COMPOUND_SURNAMES:
        return 2
    return 1 if folded[:1] in SURNAMES else 0


def _glued(folded: str) -> tuple[int, bool] | None:
    """Where a name printed without a space meets its post: (length of the first part, name first?).
    吴仪国务院副总理 → (2, True): the post ends in a position and begins where a post begins;
    国家版权局局长龙新民 → (7, False): the post before ends in a position, the name after has a family name."""
    if len(folded) < 5 or re.search(r'\s', folded):
        return None
    surname = _surname_length(folded)
    if surname and POSITION_AT_END.search(folded):
        short, long_ = surname + 1, surname + 2
        if POST_START.match(folded[short:]) and not POST_START.match(folded[long_:]):
            return short, True
        return (long_, True) if len(folded) - long_ >= 3 else None
    for length in (3, 2, 4):
        name = folded[-length:]
        if POSITION_AT_END.search(folded[:-length]) and _surname_length(name) and _surname_length(name) < length:
            return len(folded) - length, False
    return None


def _people(text: str, folded: str) -> list[tuple[str, str]]:
    """(name as printed, post as printed) of each person a clause of a member list names, or [] when it
    is not such a clause. Three layouts: name and post apart (张  三   县科技局局长), name(post)、name(post)…,
    and names glued to their posts, one or several separated by 、."""
    lead = len(folded) - len(folded.lstrip())
    end = len(folded.rstrip(' \t。.;；,，、'))
    text, folded = text[lead:end], folded[lead:end]
    if not folded:
        return []
    apart = re.match(r'^(.*?\S)\s+(\S+)$', folded)
    if apart and NAME.fullmatch(re.sub(r'\s+', '', apart.group(1))):
        return [(text[:apart.end(1)], text[apart.start(2):])]
    bracketed = list(NAME_IN_BRACKETS.finditer(folded))
    if bracketed and not re.sub(r'[、，,\s]', '', NAME_IN_BRACKETS.sub('', folded)):
        return [(text[m.start(1):m.end(1)], text[m.start(2):m.end(2)]) for m in bracketed]
    people = []
    for item in re.finditer(r'[^、，,]+', folded):
        split = _glued(item.group().strip())
        if not split:
            return []
        a, b = item.start() + (len(item.group()) - len(item.group().lstrip())), item.end()
        cut, name_first = split
        first, second = text[a:a + cut], text[a + cut:b].rstrip()
        people.append((first, second) if name_first else (second, first))
    return people


def _agency(post: str) -> str:
    agency = POST_AGENCY.match(fold(post))
    return post[:agency.end(1)] if agency and agency.group(1) not in ('区委', '市委', '县委') else ''


def _offices(line: Line, body: str) -> list[dict[str, str]]:
    """Office holders named in a sentence: 张三同志兼任办公室主任 / 办公室主任由X局局长张三兼任."""
    rows = []
    for match in OFFICE_HELD.finditer(line.folded):
        name = line.text[match.start(1):match.end(1)]
        rows.append({'body': body, 'role': match.group(2), 'role_as_printed': '兼任' + match.group(2), 'name': name,
                     'name_as_printed': name, 'post': '', 'agency_as_printed': ''})
    for match in OFFICE_GIVEN.finditer(line.folded):
        given, folded = line.text[match.start(2):match.end(2)], match.group(2)
        split = _glued(folded)
        if split and not split[1]:
            post, name = given[:split[0]], given[split[0]:]
        elif NAME.fullmatch(folded) and _surname_length(folded):
            post, name = '', given
        else:
            continue
        rows.append({'body': body, 'role': match.group(1), 'role_as_printed': line.text[match.start(1):match.end(1)],
                     'name': name, 'name_as_printed': name, 'post': post, 'agency_as_printed': _agency(post)})
    return rows


def members(lines: list[Line]) -> tuple[list[dict[str, str]], set[int]]:
    """Rows of member lists and the lines used. A list opens at a heading (X成员名单) or at its first role
    label (召集人 / 副召集人 / 组长 / 副组长 / 成员, spaced out or not, several on a line separated by ；);
    lines without a label carry the last one over; the office holders are read from the sentences just
    after the list. A list without a heading belongs to the body the text last says it sets up."""
    rows: list[dict[str, str]] = []
    used: set[int] = set()
    body, mentioned = '', ''
    role = ''
    active, listed, window = False, False, 0
    for line in lines:
        if not line.text:
            continue
        folded = line.folded
        heading = MEMBER_LIST_HEADING.match(folded)
        if heading:
            body, active, listed, role = line.text[:len(heading.group(1))], True, False, ''
            used.add(line.number)
            continue
        if active or window:
            offices = _offices(line, body)
            if offices:
                rows.extend(offices)
                used.add(line.number)
                active, window = False, window - 1 if window else OFFICE_WINDOW - 1
                continue
        found: list[dict[str, str]] = []
        labelled = False
        for clause in re.finditer(r'[^;；]+', folded):
            text, cfold = line.text[clause.start():clause.end()], clause.group()
            lead = len(cfold) - len(cfold.lstrip())
            label = MEMBER_ROLE_LABEL.match(cfold[lead:])
            printed = ''
            if label:
                printed = text[lead:lead + len(label.group(1))]
                now = re.sub(r'\s+', '', label.group(1))
                people = _people(text[lead + label.end():], cfold[lead + label.end():])
                if not people and not active:
                    continue
                role, labelled = now, True
            elif active and role:
                people = _people(text, cfold)
            else:
                people = []
            if label and people and not active:
                body, active = mentioned, True
            for i, (name, post) in enumerate(people):
                found.append({'body': body, 'role': role, 'role_as_printed': printed if i == 0 else '',
                              'name': re.sub(r'\s+', '', name), 'name_as_printed': name, 'post': post,
                              'agency_as_printed': _agency(post)})
        if found or labelled:
            rows.extend(found)
            listed = listed or bool(found)
            used.add(line.number)
            continue
        if active and listed:   # the list has ended (its office sentence, if on this line, was read above)
            active, listed, window = False, False, OFFICE_WINDOW - 1
            continue
        window = max(window - 1, 0)
        mentions = list(MEMBER_BODY.finditer(folded))
        if mentions and not active:   # 建立由X牵头的Y联席会议: the body is Y
            name = line.text[mentions[-1].start(1):mentions[-1].end(1)]
            mentioned = name[name.rfind('的') + 1:]
    return rows, used
