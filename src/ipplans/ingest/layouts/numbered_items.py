"""Layout: tasks as numbered items of the plan's body (1. / 1、 / （1） / （一） / ① under 一、 and （一）
headings), their responsibilities in a trailing bracket, a trailing 责任单位：… sentence or the lines below."""
from __future__ import annotations

import re

from ipplans.ingest.tasks import CLOSE, Reading, Task, classify, duties_cut, is_heading, parse_duties, split_item
from ipplans.ingest.text import Line, fold, is_noise, sentence_head
from ipplans.ingest.vocabulary import DEADLINE_LINE, DUTY_LINE, NOT_TASK_HEADING, NOT_TASK_ITEM

NAME = 'numbered items in the body'


def find(lines: list[Line], start: int) -> str:
    """The kind of numbered line that holds the tasks after `start` (the plan title): 'dotted' (1. items
    under （一） headings) or 'bracketed' (（一） paragraphs); '' when there are none. Never None: this
    layout comes last and always applies, so a text without tasks reads as 0 numbered items."""
    numbered = [classify(line) for line in lines[start:] if line.text and not is_noise(line)]
    if any(c and c[0] == 'dotted' for c in numbered):
        return 'dotted'
    if any(c and c[0] == 'bracketed' and not is_heading(c[2]) for c in numbered):
        return 'bracketed'
    return ''


def read(lines: list[Line], start: int, item_kind: str) -> Reading:
    """Measures from the numbered items after `start`, and the lines it could not place."""
    tasks: list[Task] = []
    skipped: list[str] = []
    if item_kind:
        reader = ItemReader(item_kind)
        for line in lines[start:]:
            if line.text:
                reader.read(line)
        tasks, skipped = reader.finish(), reader.skipped
    first = next((i for i, line in enumerate(lines) if tasks and line.number == tasks[0].line), len(lines))
    return Reading(tasks, skipped, NAME, first)


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
        if kind and kind[0] == 'bracketed' and self.item_kind == 'dotted' and not is_heading(kind[2]) and split_item(kind[2])[1]:
            kind = (self.item_kind, *kind[1:])   # （一）a paragraph with its own duty bracket: a task, among 1. items elsewhere
        if kind and kind[0] == 'chapter':
            self.chapter, self.section, self.current = f'{kind[1]}{kind[2]}', '', None
        elif kind and kind[0] == 'bracketed' and (self.item_kind == 'dotted' or is_heading(kind[2])):
            self.section, self.current = f'{kind[1]}{kind[2] if is_heading(kind[2]) else sentence_head(kind[2])}', None
        elif kind and kind[0] == self.item_kind:
            self.current = Task(kind[1], kind[2], line=line.number)
            self.current.chapter, self.current.section = (self.chapter, self.section) if self.section else ('', self.chapter)
            if self.not_a_task(self.current):
                self.skipped.append(f'line {line.number}: {line.text[:40]} (background or principles, not a task)')
                self.current = None
                return
            self.tasks.append(self.current)
            self.update_open()
        elif self.current is not None and self.open and not re.match(r'^(附件|附表)', line.folded):
            self.current.text += line.text
            self.current.notes.append(f'joined with line {line.number}')
            self.update_open()
        elif self.tasks and self.current is None and not re.match(r'^(附件|附表)', line.folded):
            self.skipped.append(f'line {line.number}: {line.text[:40]}')

    @staticmethod
    def not_a_task(task: Task) -> bool:
        """An item of a preface, background or principles part (序言, 指导思想 …), by its headings or its own head."""
        own_head = re.split(r'[:：。]', fold(task.text), maxsplit=1)[0]
        return any(NOT_TASK_HEADING.search(fold(head)) for head in (task.chapter, task.section)) or bool(NOT_TASK_ITEM.match(own_head))

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
            task.duties_cut = duties_cut(task.text)
            body, duties, deadline = split_item(task.text)
            if not body.strip():
                # nothing but a bracket (a copy cut off inside it): keep it as printed, never an empty measure
                task.notes.append('the item holds only its responsibilities bracket; its text is kept as printed')
            elif duties or not task.duties:
                task.text, task.duties, task.deadline = body, duties, deadline or task.deadline
        return self.tasks
