"""Plan metadata, citations, targets and member lists for scripts/ingest.py."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest_text import (CHAPTER, DOC_NUMBER, DAMAGED_DOC_NUMBER, Line, fold, is_date_line, is_noise, key,
                         metadata_fields, normalize_doc_number, parse_date)

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
    notes: list[str] | None = None


def plan_facts(lines: list[Line]) -> PlanFacts:
    facts = PlanFacts(notes=[])
    meta = metadata_fields(lines)
    wrapper_title = ''
    for index, line in enumerate(lines):
        match = WRAPPER.search(line.folded)
        if match and len(line.folded) < 120 and not wrapper_title:
            start = line.folded.index('《', match.start()) + 1
            end = line.folded.rindex('》')
            wrapper_title = line.text[start:end]
    for index, line in enumerate(lines):
        folded = line.folded
        if not line.text or is_noise(line) or WRAPPER.search(folded) or folded.startswith(('附件', '附表')):
            continue
        bare = re.sub(r'[(（]\s*\d{4}\s*[-—–－至]\s*\d{4}\s*年?\s*[)）]$', '', DRAFT.sub('', folded).strip())
        if (len(bare) <= 60 and re.search(PLAN_WORDS + r'$', bare) and not re.search(r'[。,，;；:：]', bare)
                and not CHAPTER.match(folded) and not re.match(r'^[(（]', folded)):
            facts.title = DRAFT.sub('', line.text).strip()
            facts.title_line = index
            break
    if not facts.title and meta.get('标题'):
        facts.title = re.sub(r'^[(（][^)）]{1,6}[)）]', '', meta['标题']).strip()
        facts.notes.append('title taken from the page\'s 标题 field')
    if not facts.title and wrapper_title:
        facts.title = wrapper_title
        facts.notes.append('title taken from the transmitting notice')
    # document number: a metadata field or a line that is only a number, never a cited one
    if meta.get('发文字号') and DOC_NUMBER.search(fold(meta['发文字号'])):
        facts.doc_number = meta['发文字号'].strip()
    else:
        for line in lines[:max(facts.title_line, 0) + 15]:
            if DOC_NUMBER.fullmatch(re.sub(r'\s+', '', line.folded)) or re.fullmatch(r'[\u4e00-\u9fff]{1,12}\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*\d{1,4}\s*号', line.folded.strip()):
                facts.doc_number = line.text.strip()
                break
    # dates
    signed = parse_date(meta.get('成文日期', '')) if meta.get('成文日期') else None
    published = parse_date(meta.get('发布日期', '')) if meta.get('发布日期') else None
    signature_index = None
    for index, line in enumerate(lines):
        if line.text and is_date_line(line.text):
            signature_index = index
            break
    if signature_index is not None:
        signature = parse_date(lines[signature_index].text)
        if signed and signature and signed != signature:
            facts.notes.append(f'the notice is signed {lines[signature_index].text.strip()} but the page gives 成文日期 {signed}; '
                               'date_signed follows the signature')
        signed = signature or signed
    facts.date_signed, facts.date_published = signed or '', published or ''
    # issuer: the organisation lines just above the signature date
    if signature_index is not None:
        names = []
        for line in reversed(lines[max(0, signature_index - 8):signature_index]):
            if not line.text:
                continue
            if re.fullmatch(r'[\u4e00-\u9fff\s]{4,40}(办公室|办公厅|人民政府|委员会|领导小组|局|委|厅)', line.folded.strip()):
                names.append(re.sub(r'\s{2,}', '', line.text.strip()))
            else:
                break
        facts.issuer = '、'.join(reversed(names))
    facts.publisher = meta.get('发布机构', '') or meta.get('来源', '')
    url = re.search(r'https?://\S+', meta.get('地址', ''))
    facts.source_url = url.group(0) if url else ''
    # status
    text = '\n'.join(l.folded for l in lines)
    if DRAFT.search(text[:2000]):
        facts.status = 'draft_for_comment'
    elif re.search(r'有\s*效\s*性\s*[:：]?\s*(失效|废止)', text):
        facts.status = 'repealed'
    elif re.search(r'有\s*效\s*性\s*[:：]?\s*有效', text):
        facts.status = 'in_force'
    elif facts.doc_number or facts.date_signed:
        facts.status = 'issued'
    else:
        facts.status = 'unknown'
    # what the archived source is (a guess the contributor must check)
    if '索引号' in meta or '发布机构' in meta:
        facts.source_type = 'official_site'
    elif '来源' in meta or '地址' in meta:
        facts.source_type = 'repost'
    else:
        facts.source_type = 'document_file'
    return facts


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
NUMERIC = re.compile(r'([\u4e00-\u9fffA-Za-z“”"]{2,30}?)(?:达到|超过|突破|不低于|不少于|增至|提高到|提升至|培育|新增)?\s*(\d+(?:\.\d+)?)\s*(万|亿)?\s*'
                     r'(件|家|个|所|项|人|亿元|万元|元|%|个百分点|次|名|户|件次|座)(以上|左右)?')


def targets(lines: list[Line], stop: int) -> list[dict[str, str]]:
    """Targets in the goals part (before the first task): one per numeric indicator, and an overall goal
    for each sentence that opens with 到YYYY年 / 力争到YYYY年."""
    rows: list[dict[str, str]] = []
    for line in lines[:stop]:
        if not line.text or is_noise(line):
            continue
        sentences = re.findall(r'[^。]+。?', line.text)
        year = None
        for sentence in sentences:
            folded = fold(sentence)
            opener = re.match(r'^\s*(力争)?(?:到|至)\s*((?:19|20)\d{2})\s*年', folded)
            if opener:
                year = opener.group(2)
            if not year:
                continue
            qualifier = '力争' if re.search(r'力争', folded) else ''
            found = False
            for clause in re.split(r'[,，;；]', sentence):
                clause_folded = fold(clause)
                match = NUMERIC.search(clause_folded)
                if not match or re.search(r'(19|20)\d{2}年', clause_folded[match.start(2) - 1:match.end()]):
                    continue
                value = float(match.group(2)) * {'万': 10000, '亿': 100000000}.get(match.group(3) or '', 1)
                indicator = re.sub(r'^(力争|到\d{4}年|全[区市县省])', '', match.group(1)).strip('“”" ')
                rows.append({'year': year, 'indicator': indicator, 'value': _number(value), 'unit': match.group(4),
                             'qualifier': '预期性' if '预期性' in fold(line.text) else (qualifier or ''),
                             'text': clause.strip(' ，,；;')})
                found = True
            if opener and not found:
                rows.append({'year': year, 'indicator': '总体目标', 'value': '', 'unit': '', 'qualifier': qualifier,
                             'text': sentence.strip()})
    return rows


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


# -- member lists ---------------------------------------------------------------------------------------
ROLE_LABEL = re.compile(r'^((?:副\s*)?召\s*集\s*人|成\s*员|办\s*公\s*室\s*(?:副\s*)?主\s*任)\s*[:：]\s*')
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
        heading = re.match(r'^(.{2,30}?)(成员名单|组成人员名单|人员名单)$', folded)
        if heading:
            body, active = line.text[:len(heading.group(1))], True
            used.add(line.number)
            continue
        if not active:
            continue
        label = ROLE_LABEL.match(folded)
        rest = line.text
        if label:
            role_printed = line.text[:len(label.group(1))]
            role = re.sub(r'\s+', '', label.group(1))
            rest = line.text[label.end():]
            printed_now = role_printed
        else:
            printed_now = ''
        office = re.findall(r'([\u4e00-\u9fff]{2,3})同志兼任(办公室(?:副)?主任)', folded)
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
        rows.append({'body': body, 'role': {'召集人': '召集人', '副召集人': '副召集人', '成员': '成员'}.get(role, role),
                     'role_as_printed': printed_now, 'name': name, 'name_as_printed': name_printed, 'post': post,
                     'agency_as_printed': agency.group(1) if agency and agency.group(1) not in ('区委', '市委', '县委') else ''})
    return rows, used
