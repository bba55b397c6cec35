"""The validator's checks, in the order they run.

A check is one module here: CODES (the code names it prints), MESSAGES ({key: (English, Chinese)}
templates, filled per problem) and run(ctx), which reports through ctx.add. A check may also have
start(ctx), which runs once the descriptor has been read, before any check's run (Frictionless
starts there, in a second process). The first check reads the descriptor; if it leaves
ctx.package None, nothing else runs.

To add a check: write its module, put it in CHECKS where its problems belong, and add a case to
tests/test_broken_packages.py.
"""
from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType

from ipplans.validate.checks import (aliases, capture, coding, completeness, csv_structure, descriptor, documents, empty_table,
                                     file_encoding, frictionless_package, frictionless_tables, header, hygiene, note_keys,
                                     orphans, provenance, regions, resource_files, retired_ids, schemas, unlisted_files)

CHECKS: list[ModuleType] = [
    descriptor, schemas, resource_files, file_encoding, csv_structure, header, empty_table, unlisted_files,
    hygiene, provenance, completeness, capture, regions, documents, coding, orphans, aliases, note_keys, retired_ids,
    frictionless_package, frictionless_tables,   # reported last: they wait for the second process
]

# Not a check's: the runner reports it when a check fails, instead of a traceback.
RUNNER_MESSAGES = {
    'internal-error': ('the validator failed in step {step}: {error}. Please report this with the file that caused it.',
                       '校验程序在 {step} 步骤中出错：{error}。请连同出错的文件一起报告。'),
}


def registry(tables: Iterable[dict[str, tuple[str, str]]]) -> dict[str, tuple[str, str]]:
    """One dictionary of every message; a key defined twice is a mistake."""
    messages: dict[str, tuple[str, str]] = {}
    for table in tables:
        for key, templates in table.items():
            assert key not in messages, f'message {key!r} is defined twice'
            messages[key] = templates
    return messages


MESSAGES = registry([check.MESSAGES for check in CHECKS] + [RUNNER_MESSAGES])
