"""Tasks and their responsibilities, whatever the layout: what a task is, how a duty clause such as
（牵头单位：X；配合单位：Y；2021年底前） is read, and the numbered lines every layout meets."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ipplans.ingest.agencies import SUFFIX as AGENCY_SUFFIX, looks_like_agency, looks_like_agency_list, split_agencies_marked
from ipplans.ingest.text import BRACKETED, CHAPTER, CIRCLED, DOTTED, Line, fold
from ipplans.ingest.vocabulary import (DEADLINE, DUTY_MENTION, FIRST_IS_LEAD, LABEL_BREAK, LABELS, LEAD_AT_END,
                                       TRAILING_LABEL)

OPEN, CLOSE = '(〔[【', ')〕]】'


@dataclass
class Duty:
    printed: str
    role: str            # lead / cooperating / responsible
    glued: bool = False  # printed without a separator after the previous agency
    full: str = ''       # the name with the prefix and suffix its list shares (市知识产权、工商、版权局 → 市工商局)


@dataclass
class Task:
    number: str
    text: str
    chapter: str = ''
    section: str = ''
    deadline: str = ''
    duties: list[Duty] = field(default_factory=list)
    line: int = 0
    notes: list[str] = field(default_factory=list)
    section_taken: bool = False   # a table row's heading column has been read
    duties_cut: bool = False      # its duty bracket is cut off by the end of an excerpt


@dataclass
class Reading:
    """The tasks a layout reads from a plan."""
    tasks: list[Task]
    skipped: list[str]    # 'line N: …' for the lines it could not place
    source: str           # where the tasks came from, for the summary: 'numbered items in the body'
    first_line: int       # index of the line where the tasks begin (targets are read before it)


# -- responsibility brackets -----------------------------------------------------------------------
def trailing_bracket(text: str) -> tuple[int, int] | None:
    """Span of the bracket group that ends the text (ignoring a final 。), allowing nested brackets
    and a bracket whose closing mark was lost at the end of the line."""
    folded = fold(text)
    end = len(folded.rstrip('。. ;,'))
    if end and folded[end - 1] in CLOSE:
        depth = 0
        for index in range(end - 1, -1, -1):
            char = folded[index]
            if char in CLOSE:
                depth += 1
            elif char in OPEN:
                depth -= 1
                if depth == 0:
                    return index, end
        return None
    # an unclosed bracket: the last opening bracket whose content reads as a duty clause
    for index in reversed([i for i, char in enumerate(folded) if char in OPEN]):
        if DUTY_MENTION.search(folded, index):
            return index, len(folded)
    return None


def parse_duties(content: str) -> tuple[list[Duty], str] | None:
    """Duties and deadline of a bracket's content; None when the bracket is not about duties."""
    clauses = [c for c in LABEL_BREAK.split(content) if c.strip()]
    duties: list[Duty] = []
    deadline: list[str] = []
    has_lead = False
    for clause in clauses:
        clause = clause.strip()
        folded = fold(clause)
        if FIRST_IS_LEAD.search(folded):
            continue   # 列第一位者为牵头部门，下同: read for the whole plan by first_is_lead()
        role = None
        for pattern, labelled in LABELS:
            match = pattern.match(folded)
            if match:
                role, clause, folded = labelled, clause[match.end():].strip(), folded[match.end():].strip()
                break
        if role is None and DEADLINE.search(folded) and not looks_like_agency_list(clause):
            deadline.append(clause)
            continue
        # within a clause: "X牵头，Y按职责分工负责" / "X负责、Y" / "X、Y按职责分工负责"
        pieces = re.split(r'[,，]', clause) if role is None else [clause]
        for piece in pieces:
            piece_folded = fold(piece).strip()
            if not piece_folded:
                continue
            if role is not None:
                piece_role = 'cooperating' if role == 'responsible' and has_lead else role   # 牵头单位：X；责任单位：Y
            elif LEAD_AT_END.search(piece_folded):
                piece_role = 'lead'
            elif has_lead:
                piece_role = 'cooperating'   # the units after a lead: 配合 / 按职责分工负责
            else:
                piece_role = 'responsible'
            names = split_agencies_marked(piece)
            if not names:
                return None
            fulls = [n for n, _ in names] if all(looks_like_agency(n) for n, _ in names) else shared_names([n for n, _ in names])
            if fulls is None:
                return None
            has_lead = has_lead or piece_role == 'lead'
            duties.extend(Duty(n, piece_role, glued, '' if full == n else full) for (n, glued), full in zip(names, fulls))
    if not duties:
        return None
    return duties, '；'.join(deadline)


def shared_names(names: list[str]) -> list[str] | None:
    """The full names of a list that prints a shared prefix and suffix once (市知识产权、工商、版权局 →
    市知识产权局, 市工商局, 市版权局); None when the list does not read so."""
    suffix = AGENCY_SUFFIX.search(fold(names[-1])) if len(names) > 1 else None
    if not suffix or not looks_like_agency(names[-1]):
        return None
    prefix = names[0][0] if names[0][:1] in '区市县省' else ''
    fulls = []
    for name in names:
        full = name if looks_like_agency(name) else name + suffix.group(0)
        if prefix and not full.startswith(('区', '市', '县', '省')):
            full = prefix + full
        if not looks_like_agency(full) or len(name) > 8:
            return None
        fulls.append(full)
    return fulls


def split_item(text: str) -> tuple[str, list[Duty], str]:
    """Measure text without its trailing responsibility bracket (or trailing 责任单位：… sentence),
    the duties and the deadline."""
    span = trailing_bracket(text)
    if span is None:
        label = TRAILING_LABEL.search(fold(text))
        parsed = parse_duties(text[label.end():].rstrip('。. ')) if label else None
        return (text[:label.start()].rstrip(), *parsed) if parsed else (text, [], '')
    start, end = span
    closed = fold(text)[end - 1] in CLOSE
    inner = text[start + 1:end - 1] if closed else text[start + 1:end]
    parsed = parse_duties(inner)
    if parsed is None and not closed and any(pattern.match(fold(inner)) for pattern, _ in LABELS):
        # a duty bracket cut off by the end of an excerpt: its last name may be cut too
        complete = re.split(r'[、,，;；](?=[^、,，;；]*$)', inner)[0] if re.search(r'[、,，;；]', inner) else ''
        parsed = parse_duties(complete) if complete else None
        return text[:start].rstrip(), *(parsed or ([], ''))
    if parsed is None:
        return text, [], ''
    duties, deadline = parsed
    return text[:start].rstrip(), duties, deadline


def bracket_content(text: str) -> str:
    """What the bracket that ends the text holds ('' when it ends in none)."""
    span = trailing_bracket(text)
    return text[span[0] + 1:span[1] - 1] if span else ''


def duties_cut(text: str) -> bool:
    """The text ends in a duty bracket that never closes: an excerpt cut off inside the responsibilities."""
    span = trailing_bracket(text)
    if span is None or fold(text)[span[1] - 1] in CLOSE:
        return False
    return any(pattern.match(fold(text[span[0] + 1:span[1]])) for pattern, _ in LABELS)


def first_is_lead(tasks: list[Task], text: str) -> bool:
    """Where the plan says the first unit of a list leads (列第一位者为牵头部门), read its lists so:
    in each task whose units are all just responsible, the first leads and the others cooperate."""
    if not FIRST_IS_LEAD.search(fold(text)):
        return False
    for task in tasks:
        if len(task.duties) > 1 and all(d.role == 'responsible' for d in task.duties):
            task.duties[0].role = 'lead'
            for duty in task.duties[1:]:
                duty.role = 'cooperating'
    return True


# -- numbered lines --------------------------------------------------------------------
def classify(line: Line) -> tuple[str, str, str] | None:
    """('chapter'|'bracketed'|'dotted', number as printed, rest) for a numbered line."""
    circled = CIRCLED.match(line.text)
    if circled:
        return 'dotted', circled.group(1), circled.group(3).strip()
    for kind, pattern in (('dotted', DOTTED), ('bracketed', BRACKETED), ('chapter', CHAPTER)):
        match = pattern.match(line.folded)
        if match:
            rest_start = match.start(3)
            number = line.text[:match.end(2 if kind == 'chapter' else 1)].strip()
            rest = line.text[rest_start:].strip()
            if kind == 'chapter' and match.group(2) == '是' and ('。' in match.group(3) or len(match.group(3)) > 40):
                return None  # 一是…二是… inside a paragraph
            if kind == 'chapter' and match.group(2) in ',，':
                return None
            return kind, number, rest
    return None


def is_heading(rest: str) -> bool:
    folded = fold(rest)
    return '。' not in folded.rstrip('。') and len(folded) <= 40 and not DEADLINE.search(folded[:6])
