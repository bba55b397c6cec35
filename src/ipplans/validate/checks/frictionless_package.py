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
}


def start(ctx: Context) -> None:
    ctx.upstream = Upstream(ctx.dir / 'datapackage.json')


def run(ctx: Context) -> None:
    report = ctx.upstream_report()
    if 'open_error' in report:  # a descriptor Frictionless cannot even open
        ctx.add('datapackage.json', None, None, 'package-descriptor', 'frictionless-open', error=report['open_error'])
        return
    for message in report['errors']:
        ctx.add('datapackage.json', None, None, 'package-descriptor', 'frictionless-package', error=message)
