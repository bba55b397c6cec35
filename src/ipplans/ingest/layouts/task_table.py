"""Layout: an annex task table (序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限), its cells one per line
(wrapped or not, blank lines between or not) or one row per line (tabs, | or wide spaces)."""
from __future__ import annotations

import re

from ipplans.ingest.agencies import looks_like_agency_list, split_agencies_marked
from ipplans.ingest.tasks import Duty, Reading, Task, classify
from ipplans.ingest.text import BRACKETED, CHAPTER, DAMAGED_SECTION, Line, fold, is_date_line, is_noise, key, sentence_head
from ipplans.ingest.vocabulary import DEADLINE, HEADER_CELLS

# the body's first （一） heading: where the tasks the table details begin (targets are read before it)
FIRST_SECTION = re.compile(r'^[(（][一二三四五六七八九十]+[)）]')

def cells_of(line: Line) -> list[str]:
    """A table line split into cells when its cells are on one line (tabs, | or wide spaces)."""
    text = line.text.strip('|')
    if '\t' in text or '|' in text:
        return [c.strip() for c in re.split(r'\t|\|', text) if c.strip()]
    if re.search(r'\s{2,}', text):
        return [c.strip() for c in re.split(r'\s{2,}', text) if c.strip()]
    return [text]


def find(lines: list[Line], start: int) -> tuple[int, list[str]] | None:
    """Index after the header of an annex task table and its column names (anywhere in the text, `start` aside)."""
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


def read(lines: list[Line], start: int, header: tuple[int, list[str]]) -> Reading:
    """The table's tasks, with the sections of the body (between the title at `start` and the table) they belong to."""
    header_end, columns = header
    tasks, skipped = table_items(lines, header_end, columns)
    table_sections(tasks, lines[start:header_end])
    first = next((i for i in range(start + 1, len(lines)) if FIRST_SECTION.match(lines[i].folded)), len(lines))
    return Reading(tasks, skipped, f'an annex task table (columns {", ".join(columns)})', first)


def table_items(lines: list[Line], start: int, columns: list[str]) -> tuple[list[Task], list[str]]:
    """Tasks of a task table whose header ends before `start`, and the lines it could not place."""
    reader = RowReader(columns, one_line_rows=len(cells_of(lines[start - 1])) > 1)
    for line in lines[start:]:
        if line.text and not is_noise(line) and not reader.read(line):
            break
    return [t for t in reader.tasks if t.text], reader.skipped


class RowReader:
    """Reads a task table flattened to text: a number cell starts a row; text cells until the first
    agency-like cell are the task; agency-like cells fill the agency columns in order."""

    def __init__(self, columns: list[str], one_line_rows: bool):
        self.agency_columns = [c for c in columns if c in ('lead', 'cooperating', 'responsible')]
        self.heading_column = columns.count('task') > 1   # 主要任务 | 具体措施: the first is a heading
        self.one_line_rows = one_line_rows                 # each row printed on one line
        self.tasks: list[Task] = []
        self.skipped: list[str] = []
        self.section = ''
        self.current: Task | None = None
        self.filled = 0           # agency cells read for the current row
        self.cell_open = False    # the last agency cell ended with 、 (wrapped onto the next line)

    def read(self, line: Line) -> bool:
        """Read one line of the table; False where the table has ended."""
        cells = cells_of(line)
        if self.one_line_rows and len(cells) == 1 and self.tasks:
            return False   # a table copied with its rows on single lines ends where the rows end
        if self.tasks and (re.search(r'(印发|印制)$', line.folded) or any(is_date_line(c) for c in cells)):
            return False   # the closing signature or printing line of the document
        if re.fullmatch(r'\d{1,3}', key(cells[0])):
            self.current = Task(cells[0], '', section=self.section, line=line.number)
            self.tasks.append(self.current)
            self.filled, self.cell_open = 0, False
            cells = cells[1:]
        elif (self.current is None or self.filled) and not self.cell_open and not looks_like_agency_list(line.text) \
                and not DEADLINE.search(line.folded) and len(cells) == 1:
            if BRACKETED.match(line.folded) or DAMAGED_SECTION.match(line.folded) or CHAPTER.match(line.folded):
                self.section, self.current = line.text, None
            else:
                self.skipped.append(f'line {line.number}: {line.text[:40]}')
            return True
        if self.current is None:
            self.skipped.append(f'line {line.number}: {line.text[:40]}')
            return True
        for cell in cells:
            self.read_cell(self.current, cell, line.number)
        return True

    def read_cell(self, current: Task, cell: str, number: int) -> None:
        folded = fold(cell)
        agency_like = looks_like_agency_list(cell)
        if self.filled == 0 and not agency_like:
            if current.text and DEADLINE.search(folded) and len(folded) < 20:
                current.deadline = cell
            elif self.heading_column and not current.section_taken:
                current.section, current.section_taken = cell, True
                current.notes.append(f'line {number}: {cell[:20]} read as the task heading column')
            else:
                current.text += cell
        elif agency_like:
            if self.cell_open and current.duties:
                role = current.duties[-1].role
            elif self.filled < len(self.agency_columns):
                role = self.agency_columns[self.filled]
                self.filled += 1
            else:
                current.notes.append(f'line {number}: one agency cell more than the table has columns; read as {self.agency_columns[-1]}')
                role = self.agency_columns[-1]
            current.duties.extend(Duty(n, role, glued) for n, glued in split_agencies_marked(cell))
            self.cell_open = folded.rstrip()[-1:] in '、,'
        elif DEADLINE.search(folded):
            current.deadline = cell
        else:
            current.notes.append(f'line {number}: cell not placed: {cell[:30]}')
            self.skipped.append(f'line {number}: {cell[:40]}')


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
