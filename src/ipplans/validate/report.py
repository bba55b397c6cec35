"""The validator's output: problems in package order, repeats capped, and the summary line."""
from __future__ import annotations

from collections import Counter

from ipplans.package import Package
from ipplans.text import visible
from ipplans.validate.problem import Problem

MAX_REPEATS = 20  # lines shown for one (file, check, field) before "… and N more"


def order(problems: list[Problem], package: Package | None) -> list[Problem]:
    """The descriptor first, then the files in descriptor order, then any other file; by row within a file."""
    resources = package.resources.values() if package else []
    rank = {r.path: i for i, r in enumerate(resources)}
    return sorted(problems, key=lambda p: (p.path != 'datapackage.json', rank.get(p.path, len(rank)), p.path, p.row or 0))


def report(problems: list[Problem], fmt: str = 'text', lang: str = 'both') -> list[str]:
    """Output lines: problems grouped by file, repeats capped, then the summary."""
    lines: list[str] = []
    shown: Counter = Counter()
    hidden: Counter = Counter()
    for problem in problems:
        key = (problem.path, problem.check, problem.field)
        shown[key] += 1
        if shown[key] > MAX_REPEATS:
            hidden[key] += 1
            continue
        lines.append(problem.github(lang) if fmt == 'github' else problem.text(lang))
    for (path, check, field), n in hidden.items():
        lines.append(f'{visible(path)}:-:{visible(field or "-")}: {check}: … and {n} more like the above | 同类问题另有 {n} 个')
    counts = Counter(p.path for p in problems)
    files = ', '.join(f'{visible(path)}: {n}' for path, n in counts.items())
    s = 's' if len(problems) != 1 else ''
    lines.append(f'{len(problems)} problem{s} in {len(counts)} file{"s" if len(counts) != 1 else ""} ({files}) | 共 {len(problems)} 个问题，涉及 {len(counts)} 个文件')
    return lines


def valid_summary(package: Package) -> str:
    """The one line printed for a valid package: its tables and their rows."""
    counts = {name: len(resource.rows) for name, resource in package.resources.items() if resource.table is not None}
    return f'valid: {len(counts)} tables, {sum(counts.values())} rows ({", ".join(f"{k} {v}" for k, v in counts.items())})'
