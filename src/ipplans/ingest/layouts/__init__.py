"""How a plan lays out its tasks: layout readers tried in order; the first that finds its layout reads the tasks.

A layout is a module with
    find(lines, start) -> what `read` needs, or None when the text is not laid out this way
    read(lines, start, found) -> tasks.Reading
where `lines` are the source's lines (ingest.text.split_lines) and `start` the index of the plan's
title line. A new layout is a module here, its place in LAYOUTS (before numbered_items, which
always applies) and a test document in tests/ingest_cases/.
"""
from __future__ import annotations

from ipplans.ingest.layouts import numbered_items, task_table
from ipplans.ingest.tasks import Reading
from ipplans.ingest.text import Line

LAYOUTS = [task_table, numbered_items]


def read_tasks(lines: list[Line], start: int) -> Reading:
    for layout in LAYOUTS:
        found = layout.find(lines, start)
        if found is not None:
            return layout.read(lines, start, found)
    raise AssertionError('unreachable: numbered_items always applies')
