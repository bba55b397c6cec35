"""A table whose schema says "rowsRequired": true has at least one row."""
from __future__ import annotations

from ipplans.validate.context import Context

CODES = ('empty-table',)
MESSAGES = {
    'empty-table': ('the file has a header but no rows: this table cannot be empty.', '文件只有表头没有数据行：此表不能为空。'),
}


def run(ctx: Context) -> None:
    for resource in ctx.tables():
        if not resource.rows and ctx.schema(resource.name).get('rowsRequired') and resource.name not in ctx.unreadable:
            ctx.add(resource.path, 1, None, 'empty-table', 'empty-table')
