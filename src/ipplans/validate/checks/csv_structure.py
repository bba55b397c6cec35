"""Each table file has content and parses as CSV (every quoted cell closed)."""
from __future__ import annotations

from ipplans.csvtable import CSVSyntaxError, parse_csv
from ipplans.validate.context import Context

CODES = ('empty-file', 'unbalanced-quote')
MESSAGES = {
    'empty-file': ('the file is empty: it needs at least the header row ({header}).', '文件为空：至少需要表头行（{header}）。'),
    'unbalanced-quote': ('a double quote in this row is not balanced (a quoted cell is never closed, or text follows its closing quote): quote the whole cell and write "" for a quote inside it.',
                         '此行的双引号不成对（带引号的单元格没有闭合，或闭合引号后还有文字）：请用引号括起整个单元格，单元格内的引号写作 ""。'),
}


def run(ctx: Context) -> None:
    for name in list(ctx.texts):
        text = ctx.texts.pop(name)  # parsed, the table holds the rows: the text can go
        resource = ctx.resources[name]
        if not text.strip():
            ctx.add(resource.path, None, None, 'empty-file', 'empty-file', header=','.join(resource.field_names))
            ctx.unreadable.add(name)
            continue
        try:
            resource.table = parse_csv(text)
        except CSVSyntaxError as error:
            ctx.add(resource.path, error.line, None, 'unbalanced-quote', 'unbalanced-quote')
            ctx.unreadable.add(name)
