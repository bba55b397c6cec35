"""Validate a package directory: upstream Frictionless checks plus our own.

    python scripts/validate.py [PACKAGE_DIR] [--format text|github] [--lang both|en|zh] [--base REV]

Prints one line per problem, `PATH:ROW:FIELD: CHECK: message` (ROW is the CSV
line, header = 1; `-` where a row or field does not apply), the message in
English and Chinese with what to do, then a summary. Exit status: 0 valid,
1 invalid, 2 unusable arguments. It never writes, and never uses the network.

With --base REV it also applies the add-only rules against that revision of
the package's git repository (read with git, no checkout): an archived source
of the base may not be changed or removed without a curation note saying why.

The checks are modules in ipplans.validate.checks, run in the order of CHECKS.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from ipplans.cli import parse_package_args
from ipplans.sources import Base, BaseError
from ipplans.text import visible
from ipplans.validate.checks import CHECKS, MESSAGES, OPENING
from ipplans.validate.context import Context
from ipplans.validate.report import order, report, valid_summary


def step(ctx: Context, check: ModuleType, function: Callable[[Context], None]) -> None:
    """Run one check's function; a failure is reported as a problem, never a traceback (the tests look for it)."""
    try:
        function(ctx)
    except Exception as error:
        name = check.__name__.rsplit('.', 1)[-1]
        ctx.add('datapackage.json', None, None, 'internal-error', 'internal-error', step=name, error=f'{type(error).__name__}: {error}')


def run(package_dir: Path, base: Base | None = None) -> Context:
    """Every check on the package in `package_dir` (and the add-only rules against `base`, if
    given); the problems are in the returned context."""
    ctx = Context(package_dir, MESSAGES, base=base)
    for check in OPENING:
        step(ctx, check, check.run)
        if ctx.refused:
            return ctx  # files no tool may read: nothing is read
    if ctx.package is None:
        return ctx  # no usable descriptor: nothing else can be read
    others = CHECKS[len(OPENING):]
    for check in others:
        if hasattr(check, 'start'):
            step(ctx, check, check.start)
    for check in others:
        step(ctx, check, check.run)
    return ctx


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('package_dir', nargs='?', default='.', help='package directory (default: .)')
    parser.add_argument('--format', choices=['text', 'github'], default='text', help='output form (github: workflow annotations)')
    parser.add_argument('--lang', choices=['both', 'en', 'zh'], default='both', help='language of the messages (default: both)')
    parser.add_argument('--base', metavar='REV', help='also apply the add-only rules against this git revision (e.g. origin/main)')
    args, status = parse_package_args(parser, argv, 'give the package directory (the one holding datapackage.json). | 不是目录：请给出数据包目录（含 datapackage.json 的目录）。')
    if args is None:
        return status
    try:
        base = Base(Path(args.package_dir), args.base) if args.base is not None else None
    except BaseError as error:
        print(visible(f'--base {args.base}: {error} | 无法读取基准版本：请给出本仓库中的提交、分支或标签（如 origin/main）。'), file=sys.stderr)
        return 2
    ctx = run(Path(args.package_dir), base)
    problems = order(ctx.problems, ctx.package)
    if problems:
        print('\n'.join(report(problems, args.format, args.lang)))
        return 1
    print(valid_summary(ctx.package))
    return 0


if __name__ == '__main__':
    sys.exit(main())
