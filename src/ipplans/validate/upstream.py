"""Frictionless' own validation of the package, run in a second process beside our checks.

It reads every table again and takes longer than all our checks together, so on two cores both run
side by side. The child returns plain data: for each error its type, row, field, cell and note, and
for a foreign-key error the key's fields and values.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

# Attributes of a Frictionless error passed from the child; missing ones are None.
ERROR_ATTRIBUTES = ('row_number', 'field_name', 'field_names', 'field_cells')


def upstream_report(descriptor: str) -> dict:
    """Frictionless' validation of the package as plain data (it runs in a child process)."""
    from frictionless import Package

    try:
        report = Package(descriptor).validate()
    except Exception as error:
        return {'open_error': str(error)}
    return {'errors': [error.message for error in report.errors],
            'tasks': [(task.name, [{'type': error.type, 'cell': getattr(error, 'cell', ''), 'note': error.note,
                                    'message': error.message} | {name: getattr(error, name, None) for name in ERROR_ATTRIBUTES}
                                   for error in task.errors])
                      for task in report.tasks]}


class Upstream:
    """Frictionless' report of one package: started in a second process when possible, else
    computed in this one when first asked for."""

    def __init__(self, descriptor: Path, parallel: bool = True):
        self.descriptor = str(descriptor)
        self.pool: ProcessPoolExecutor | None = None
        self.future: Future | None = None
        self.report: dict | None = None
        if parallel:
            try:
                self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context('spawn'))
                self.future = self.pool.submit(upstream_report, self.descriptor)
            except (OSError, RuntimeError):
                self.future = None  # no second process here: run it in this one when the result is needed

    def result(self) -> dict:
        if self.report is None:
            if self.future is not None:
                try:
                    self.report = self.future.result()
                except Exception:  # the child died (memory?): try again in this process
                    self.report = None
                self.future = None
            if self.pool is not None:
                self.pool.shutdown()
                self.pool = None
            if self.report is None:
                self.report = upstream_report(self.descriptor)
        return self.report
