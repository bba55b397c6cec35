"""Every CSV file in data/ is a resource, and every file in data/sources/ is a plan's source."""
from __future__ import annotations

from ipplans.validate.context import Context

CODES = ('unlisted-file',)
MESSAGES = {
    'unlisted-csv': ('no resource in datapackage.json names this CSV file: add a resource for it (with a schema) or remove it.',
                     'datapackage.json 中没有资源指向此 CSV 文件：请为其添加资源（含结构）或删除该文件。'),
    'unlisted-source': ('no plan names this source file in plans.source_file: link it from its plan or remove it.',
                        '没有方案在 plans.source_file 中引用此来源文件：请在对应方案中引用或删除。'),
}


def run(ctx: Context) -> None:
    listed = {r.path for r in ctx.resources.values()}
    data_dir = ctx.dir / 'data'
    if data_dir.is_dir():
        for csv_path in sorted(data_dir.glob('*.csv')):
            rel = csv_path.relative_to(ctx.dir).as_posix()
            if rel not in listed:
                ctx.add(rel, None, None, 'unlisted-file', 'unlisted-csv')
    sources_dir = data_dir / 'sources'
    if sources_dir.is_dir() and ctx.readable('plans'):
        named = {plan.get('source_file', '') for _, plan in ctx.rows('plans')}
        for source in sorted(sources_dir.iterdir()):
            rel = source.relative_to(ctx.dir).as_posix()
            if source.is_file() and rel not in named:
                ctx.add(rel, None, None, 'unlisted-file', 'unlisted-source')
