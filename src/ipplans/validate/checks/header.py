"""Each table's header is its schema's fields, in order, separated by commas."""
from __future__ import annotations

from ipplans.package import Resource
from ipplans.validate.context import Context

CODES = ('delimiter', 'header')
MESSAGES = {
    'delimiter': ('the header is separated by {sep}; the package uses commas. Export again as CSV (comma-separated).',
                  '表头以{sep_zh}分隔；本数据包使用逗号。请重新导出为逗号分隔的 CSV。'),
    'header-missing': ('missing column(s) {columns}{renamed}; the header must be: {header}',
                       '缺少列 {columns}{renamed_zh}；表头应为：{header}'),
    'header-extra': ('unexpected column(s) {columns}; the header must be: {header}', '多出列 {columns}；表头应为：{header}'),
    'header-order': ('the columns are out of order; the header must be: {header}', '列的顺序不对；表头应为：{header}'),
}


def check_header(ctx: Context, resource: Resource) -> None:
    expected = resource.field_names
    actual = resource.table.header
    if actual == expected:
        return
    rel, header = resource.path, ','.join(expected)
    ctx.unreadable.add(resource.name)
    if len(actual) == 1 and (';' in actual[0] or '\t' in actual[0]):
        semicolon = ';' in actual[0]
        ctx.add(rel, 1, None, 'delimiter', 'delimiter', sep='semicolons' if semicolon else 'tabs', sep_zh='分号' if semicolon else '制表符')
        return
    missing = [f for f in expected if f not in actual]
    extra = [f for f in actual if f not in expected]
    if missing:
        renamed = ' (renamed from ' + ', '.join(extra) + '?)' if len(missing) == len(extra) else ''
        renamed_zh = '（是否由 ' + '、'.join(extra) + ' 改名而来？）' if len(missing) == len(extra) else ''
        ctx.add(rel, 1, ','.join(missing), 'header', 'header-missing', columns=', '.join(missing), renamed=renamed, renamed_zh=renamed_zh, header=header)
    if extra:
        ctx.add(rel, 1, ','.join(extra), 'header', 'header-extra', columns=', '.join(extra), header=header)
    if not missing and not extra:
        ctx.add(rel, 1, None, 'header', 'header-order', header=header)


def run(ctx: Context) -> None:
    for resource in ctx.tables():
        if resource.schema is not None:
            check_header(ctx, resource)
