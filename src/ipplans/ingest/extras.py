"""Plan metadata, citations, targets and member lists for scripts/ingest.py."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ipplans.ingest.text import (CHAPTER, DOC_NUMBER, DAMAGED_DOC_NUMBER, Line, fold, is_date_line, is_noise, key,
                         metadata_fields, normalize_doc_number, parse_date)
from ipplans.ingest.vocabulary import MEMBER_LIST_HEADING, MEMBER_ROLE_LABEL, OFFICE_HELD

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
POST_AGENCY = re.compile(r'^(.+?(?:局|委|院|部|办|中心|分局|办事处|街道|镇|乡|管委会|办公室|政府))(?=党|副|局长|主任|委员|常务|成员|部长|院长|检察长|镇长|书记|$|[(（])')


def members(lines: list[Line]) -> tuple[list[dict[str, str]], set[int]]:
    """Rows of a member list (召集人 / 副召集人 / 成员, role labels spaced out or carried over) and the lines used."""
    rows: list[dict[str, str]] = []
    used: set[int] = set()
    body = ''
    role, role_printed = '', ''
    active = False
    for line in lines:
        if not line.text:
            continue
        folded = line.folded
        heading = MEMBER_LIST_HEADING.match(folded)
        if heading:
            body, active = line.text[:len(heading.group(1))], True
            used.add(line.number)
            continue
        if not active:
            continue
        label = MEMBER_ROLE_LABEL.match(folded)
        rest = line.text
        if label:
            role_printed = line.text[:len(label.group(1))]
            role = re.sub(r'\s+', '', label.group(1))
            rest = line.text[label.end():]
            printed_now = role_printed
        else:
            printed_now = ''
        office = OFFICE_HELD.findall(folded)
        if office:
            for name, office_role in office:
                rows.append({'body': body, 'role': office_role, 'role_as_printed': '兼任' + office_role, 'name': name,
                             'name_as_printed': name, 'post': '', 'agency_as_printed': ''})
            used.add(line.number)
            active = False
            continue
        match = re.match(r'^(.*?\S)\s+(\S+)$', rest.strip())
        if not match or not role:
            if not label:
                active = False if rows else active
            continue
        name_printed, post = match.group(1), match.group(2)
        name = re.sub(r'\s+', '', name_printed)
        if not re.fullmatch(r'[\u4e00-\u9fff]{2,4}', name):
            continue
        agency = POST_AGENCY.match(post)
        used.add(line.number)
        rows.append({'body': body, 'role': role,
                     'role_as_printed': printed_now, 'name': name, 'name_as_printed': name_printed, 'post': post,
                     'agency_as_printed': agency.group(1) if agency and agency.group(1) not in ('区委', '市委', '县委') else ''})
    return rows, used
