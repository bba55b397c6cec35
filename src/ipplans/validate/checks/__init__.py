"""The validator's checks, in the order they run.

A check is one module here: CODES (the code names it prints), MESSAGES ({key: (English, Chinese)}
templates, filled per problem) and run(ctx), which reports through ctx.add. A check may also have
start(ctx), which runs once the descriptor has been read, before any other check's run (Frictionless
starts there, in a second process). The OPENING checks run first: package_files looks at the
names and modes of the files (if it finds a link, a special file or an unexpected file, nothing
else runs), then descriptor reads the descriptor (if it leaves ctx.package None, nothing else runs;
if it finds a property that is not safe to hand to Frictionless, Frictionless does not run).

To add a check: write its module, put it in CHECKS where its problems belong, and add a case to
tests/test_broken_packages.py.
"""
from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType

from ipplans.validate.checks import (agency_parents, alias_scopes, aliases, capture, coding, completeness, csv_structure,
                                     descriptor, documents, draft_notes, empty_table, file_encoding,
                                     frictionless_package, frictionless_tables, header, hygiene, items, nameplates,
                                     note_keys, orphans, package_files, provenance, regions, resource_files, retired_ids,
                                     schemas, source_hashes, source_history, targets, translations, unlisted_files)

OPENING: list[ModuleType] = [package_files, descriptor]
CHECKS: list[ModuleType] = OPENING + [
    schemas, resource_files, file_encoding, csv_structure, header, empty_table, unlisted_files,
    hygiene, provenance, items, translations, source_hashes, source_history, completeness, capture, regions, documents,
    coding, targets, orphans, agency_parents, nameplates, aliases, alias_scopes, note_keys, draft_notes, retired_ids,
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
