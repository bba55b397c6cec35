"""Measures and their responsibilities for scripts/ingest.py: numbered items and annex task tables."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ipplans.ingest.agencies import looks_like_agency, looks_like_agency_list, split_agencies_marked
from ipplans.ingest.text import (BRACKETED, CHAPTER, CIRCLED, DAMAGED_SECTION, DOTTED, Line, fold, is_date_line, is_noise, key, sentence_head)

OPEN, CLOSE = '(〔[【', ')〕]】'
DEADLINE = re.compile(r'((?:19|20)\d{2}\s*年|底前|前完成|年底|年内|持续推进|长期坚持|长期推进|常态化推进|持续开展|每年|季度|上半年|下半年|按年度)')


@dataclass
class Duty:
    printed: str
    role: str            # lead / cooperating / responsible
    glued: bool = False  # printed without a separator after the previous agency


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
    for match in reversed(list(re.finditer(r'[(〔[【]', folded))):
        if re.search(r'(责任单位|牵头|负责|配合|责任部门)', folded[match.start():]):
            return match.start(), len(folded)
    return None


LABELS = [
    (re.compile(r'^(?:牵头单位|牵头部门|牵头)\s*[:：]'), 'lead'),
    (re.compile(r'^(?:配合单位|配合部门|协办单位|参与单位|协助单位)\s*[:：]'), 'cooperating'),
    (re.compile(r'^(?:责任单位|责任部门|负责单位|主责单位|实施单位)\s*[:：]'), 'responsible'),
]


LABEL_BREAK = re.compile(r'[;；]|(?:[,，、]|\s+)(?=\s*(?:牵头|配合|协办|参与|协助|责任|负责)(?:单位|部门)?\s*[:：])')
DUTY_LINE = re.compile(r'^(?:牵头单位|牵头部门|配合单位|配合部门|协办单位|参与单位|责任单位|责任部门|负责单位)\s*[:：]')
DEADLINE_LINE = re.compile(r'^(?:完成时限|完成时间|时间节点|时限要求|时限)\s*[:：]\s*')


def parse_duties(content: str) -> tuple[list[Duty], str] | None:
    """Duties and deadline of a bracket's content; None when the bracket is not about duties."""
    clauses = [c for c in LABEL_BREAK.split(content) if c.strip()]
    duties: list[Duty] = []
    deadline: list[str] = []
    has_lead = False
    for clause in clauses:
        clause = clause.strip()
        folded = fold(clause)
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
            elif re.search(r'牵头$', piece_folded):
                piece_role = 'lead'
            elif has_lead:
                piece_role = 'cooperating'   # the units after a lead: 配合 / 按职责分工负责
            else:
                piece_role = 'responsible'
            names = split_agencies_marked(piece)
            if not names or not all(looks_like_agency(n) for n, _ in names):
                return None
            has_lead = has_lead or piece_role == 'lead'
            duties.extend(Duty(n, piece_role, glued) for n, glued in names)
    if not duties:
        return None
    return duties, '；'.join(deadline)


TRAILING_LABEL = re.compile(r'(?<=[。;；])\s*(?=(?:牵头单位|牵头部门|责任单位|责任部门|负责单位)\s*[:：][^。]*。?$)')


def split_item(text: str) -> tuple[str, list[Duty], str]:
    """Measure text without its trailing responsibility bracket (or trailing 责任单位：… sentence),
    the duties and the deadline."""
    span = trailing_bracket(text)
    if span is None:
        label = TRAILING_LABEL.search(fold(text))
        parsed = parse_duties(text[label.end():].rstrip('。. ')) if label else None
        return (text[:label.start()].rstrip(), *parsed) if parsed else (text, [], '')
    start, end = span
    inner = text[start + 1:end - 1] if fold(text)[end - 1] in CLOSE else text[start + 1:end]
    parsed = parse_duties(inner)
    if parsed is None:
        return text, [], ''
    duties, deadline = parsed
    return text[:start].rstrip(), duties, deadline


# -- numbered items in the body --------------------------------------------------------------------
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


def body_items(lines: list[Line], start: int) -> tuple[list[Task], list[str]]:
    """Measures from numbered items after `start` (the plan title), and lines it could not place."""
    numbered = [classify(line) for line in lines[start:] if line.text and not is_noise(line)]
    if any(c and c[0] == 'dotted' for c in numbered):
        item_kind = 'dotted'        # 1. items; （一） lines are headings
    elif any(c and c[0] == 'bracketed' and not is_heading(c[2]) for c in numbered):
        item_kind = 'bracketed'     # （一） paragraphs are the items
    else:
        return [], []
    reader = ItemReader(item_kind)
    for line in lines[start:]:
        if line.text:
            reader.read(line)
    return reader.finish(), reader.skipped


class ItemReader:
    """Reads a plan body line by line into tasks: headings, items, their continuation lines and
    responsibilities printed in a trailing bracket or on the lines below the item."""

    def __init__(self, item_kind: str):
        self.item_kind = item_kind
        self.tasks: list[Task] = []
        self.skipped: list[str] = []
        self.chapter = self.section = ''
        self.current: Task | None = None
        self.open = False              # the current item may continue on the next line
        self.uses_brackets = False     # items of this document end with a duty bracket

    def read(self, line: Line) -> None:
        if is_noise(line):
            if self.current is not None and self.open:
                self.current.notes.append(f'line {line.number} dropped as page noise inside the item')
            return
        if self.current is not None and self.duties_below(line):
            return
        kind = classify(line)
        if kind and kind[0] == 'bracketed' and self.item_kind == 'dotted' and self.current is not None and self.open \
                and re.match(r'^[(（]\s*\d', line.folded):
            kind = None   # （1）…（2）… inside an item that has not closed yet: part of its text
        if kind and kind[0] == 'chapter':
            self.chapter, self.section, self.current = f'{kind[1]}{kind[2]}', '', None
        elif kind and kind[0] == 'bracketed' and (self.item_kind == 'dotted' or is_heading(kind[2])):
            self.section, self.current = f'{kind[1]}{kind[2] if is_heading(kind[2]) else sentence_head(kind[2])}', None
        elif kind and kind[0] == self.item_kind:
            self.current = Task(kind[1], kind[2], line=line.number)
            self.current.chapter, self.current.section = (self.chapter, self.section) if self.section else ('', self.chapter)
            self.tasks.append(self.current)
            self.update_open()
        elif self.current is not None and self.open and not re.match(r'^(附件|附表)', line.folded):
            self.current.text += line.text
            self.current.notes.append(f'joined with line {line.number}')
            self.update_open()
        elif self.tasks and self.current is None and not re.match(r'^(附件|附表)', line.folded):
            self.skipped.append(f'line {line.number}: {line.text[:40]}')

    def duties_below(self, line: Line) -> bool:
        """Responsibilities printed below the item: a whole-line bracket, 责任单位：…, 完成时限：…"""
        task = self.current
        bracket = re.fullmatch(r'[(〔[【](.+)[)〕\]】][。.]?', line.folded)
        has_duties = task.duties or split_item(task.text)[1]
        parsed = parse_duties(line.text[1:len(bracket.group(1)) + 1]) if bracket and not has_duties else None
        deadline = DEADLINE_LINE.match(line.folded)
        if not parsed and not deadline and not DUTY_LINE.match(line.folded):
            return False
        if deadline:
            task.deadline = line.text[deadline.end():].strip()
        else:
            parsed = parsed or parse_duties(line.text)
            if parsed:
                task.duties.extend(parsed[0])
                task.notes.append(f'responsibilities read from line {line.number}, below the item')
            else:
                self.skipped.append(f'line {line.number}: {line.text[:40]}')
        self.open = False
        return True

    def update_open(self) -> None:
        text = fold(self.current.text)
        if split_item(self.current.text)[1]:
            self.uses_brackets = True
            self.open = text.rstrip()[-1:] not in CLOSE + '。'   # a duty bracket wrapped onto the next line
        else:
            self.open = not re.search(r'[。！!]$', text) or self.uses_brackets

    def finish(self) -> list[Task]:
        for task in self.tasks:
            body, duties, deadline = split_item(task.text)
            if duties or not task.duties:
                task.text, task.duties, task.deadline = body, duties, deadline or task.deadline
        return self.tasks


# -- annex task tables -----------------------------------------------------------------------------
HEADER_CELLS = {
    'number': re.compile(r'^(序号|编号)$'),
    'task': re.compile(r'^(工作任务|重点任务|主要任务|任务|工作内容|具体措施|任务内容|具体任务|工作措施)$'),
    'lead': re.compile(r'^(牵头单位|牵头部门|牵头)$'),
    'cooperating': re.compile(r'^(配合单位|配合部门|协办单位|参与单位|协助单位)$'),
    'responsible': re.compile(r'^(责任单位|责任部门|负责单位)$'),
    'deadline': re.compile(r'^(完成时限|完成时间|时间节点|时限要求|进度安排|时限)$'),
}


def cells_of(line: Line) -> list[str]:
    """A table line split into cells when its cells are on one line (tabs, | or wide spaces)."""
    text = line.text.strip('|')
    if '\t' in text or '|' in text:
        return [c.strip() for c in re.split(r'\t|\|', text) if c.strip()]
    if re.search(r'\s{2,}', text):
        return [c.strip() for c in re.split(r'\s{2,}', text) if c.strip()]
    return [text]


def find_table(lines: list[Line]) -> tuple[int, list[str]] | None:
    """Index after the header of an annex task table and its column names."""
    for index, line in enumerate(lines):
        first = cells_of(line)
        if not HEADER_CELLS['number'].match(key(first[0])):
            continue
        columns: list[str] = []
        cells = first[1:] if len(first) > 1 else []
        cursor = index + 1
        while len(cells) < 6 and cursor < len(lines) and cursor <= index + 12 and len(first) == 1:
            if lines[cursor].text:
                cells.append(lines[cursor].text)
            cursor += 1
            if cells and not any(p.match(key(cells[-1])) for p in HEADER_CELLS.values()):
                cells.pop()
                cursor -= 1
                break
        for cell in cells:
            for name, pattern in HEADER_CELLS.items():
                if pattern.match(key(cell)):
                    columns.append(name)
                    break
        if 'task' in columns and ({'lead', 'responsible'} & set(columns)):
            return (cursor if len(first) == 1 else index + 1), ['number'] + columns
    return None


def table_items(lines: list[Line], start: int, columns: list[str]) -> tuple[list[Task], list[str]]:
    """Tasks of a task table flattened to text: a number cell starts a row; text cells until the first
    agency-like cell are the task; agency-like cells fill the agency columns in order."""
    agency_columns = [c for c in columns if c in ('lead', 'cooperating', 'responsible')]
    tasks: list[Task] = []
    skipped: list[str] = []
    section = ''
    current: Task | None = None
    filled = 0           # agency cells read for the current row
    cell_open = False    # the last agency cell ended with 、 (wrapped onto the next line)
    one_line_rows = len(cells_of(lines[start - 1])) > 1
    heading_column = columns.count('task') > 1
    for line in lines[start:]:
        if not line.text or is_noise(line):
            continue
        cells = cells_of(line)
        if one_line_rows and len(cells) == 1 and tasks:
            break   # a table copied with its rows on single lines ends where the rows end
        if tasks and (re.search(r'(印发|印制)$', line.folded) or any(is_date_line(c) for c in cells)):
            break   # the closing signature or printing line of the document
        if re.fullmatch(r'\d{1,3}', key(cells[0])):
            current = Task(cells[0], '', section=section, line=line.number)
            tasks.append(current)
            filled, cell_open = 0, False
            cells = cells[1:]
        elif (current is None or filled) and not cell_open and not looks_like_agency_list(line.text) \
                and not DEADLINE.search(line.folded) and len(cells) == 1:
            if BRACKETED.match(line.folded) or DAMAGED_SECTION.match(line.folded) or CHAPTER.match(line.folded):
                section, current = line.text, None
            else:
                skipped.append(f'line {line.number}: {line.text[:40]}')
            continue
        if current is None:
            skipped.append(f'line {line.number}: {line.text[:40]}')
            continue
        for cell in cells:
            folded = fold(cell)
            agency_like = looks_like_agency_list(cell)
            if filled == 0 and not agency_like:
                if current.text and DEADLINE.search(folded) and len(folded) < 20:
                    current.deadline = cell
                elif heading_column and not current.section_taken:
                    current.section, current.section_taken = cell, True   # 主要任务 | 具体措施: the first is a heading
                    current.notes.append(f'line {line.number}: {cell[:20]} read as the task heading column')
                else:
                    current.text += cell
                continue
            if agency_like:
                if cell_open and current.duties:
                    role = current.duties[-1].role
                elif filled < len(agency_columns):
                    role = agency_columns[filled]
                    filled += 1
                else:
                    current.notes.append(f'line {line.number}: one agency cell more than the table has columns; read as {agency_columns[-1]}')
                    role = agency_columns[-1]
                current.duties.extend(Duty(n, role, glued) for n, glued in split_agencies_marked(cell))
                cell_open = folded.rstrip()[-1:] in '、,'
            elif DEADLINE.search(folded):
                current.deadline = cell
            else:
                current.notes.append(f'line {line.number}: cell not placed: {cell[:30]}')
                skipped.append(f'line {line.number}: {cell[:40]}')
    return [t for t in tasks if t.text], skipped


def table_sections(tasks: list[Task], body_lines: list[Line]) -> None:
    """Give annex tasks the body's headings: the section as the body prints it and its chapter."""
    chapter = ''
    body_sections: list[tuple[str, str, str]] = []   # (number, heading, chapter)
    for line in body_lines:
        kind = classify(line) if line.text else None
        if kind and kind[0] == 'chapter':
            chapter = f'{kind[1]}{kind[2]}'
        elif kind and kind[0] == 'bracketed':
            body_sections.append((kind[1], sentence_head(kind[2]), chapter))
    for task in tasks:
        printed = task.section
        folded = key(printed)
        bare = re.sub(r'^[(（]?[一二三四五六七八九十\d]*[)）]', '', folded)
        for number, heading, chapter_name in body_sections:
            if bare and key(heading).startswith(bare):
                task.section, task.chapter = f'{number}{heading[:len(bare)] if len(key(heading)) > len(bare) else heading}', chapter_name
                break
