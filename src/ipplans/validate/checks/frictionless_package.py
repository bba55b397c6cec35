"""Frictionless can open the package and finds nothing wrong with the descriptor.

Its validation starts in a second process as soon as the descriptor reads (`start`), and runs
beside our own checks; this check and frictionless_tables report what it found.
"""
from __future__ import annotations

from ipplans.validate.context import Context
from ipplans.validate.upstream import Upstream

CODES = ('package-descriptor',)
MESSAGES = {
    'frictionless-open': ('Frictionless cannot open the package: {error}', 'Frictionless 无法打开数据包：{error}'),
    'frictionless-package': ('{error}', '{error}'),
    'frictionless-skipped': ("Frictionless' checks (types, constraints, primary and foreign keys) were not run, because the "
                             'descriptor has the problems above: fix them and validate again.',
                             'Frictionless 的检查（类型、约束、主键和外键）未运行，因为描述文件存在上述问题：请修正后重新校验。'),
}


def start(ctx: Context) -> None:
    if not ctx.upstream_blocked:   # never hand Frictionless a descriptor that could make it fetch or skip anything
        ctx.upstream = Upstream(ctx.dir / 'datapackage.json')


def run(ctx: Context) -> None:
    report = ctx.upstream_report()
    if report.get('blocked'):
        ctx.add('datapackage.json', None, None, 'package-descriptor', 'frictionless-skipped')
        return
    if 'open_error' in report:  # a descriptor Frictionless cannot even open
        ctx.add('datapackage.json', None, None, 'package-descriptor', 'frictionless-open', error=report['open_error'])
        return
    for message in report['errors']:
        ctx.add('datapackage.json', None, None, 'package-descriptor', 'frictionless-package', error=message)
