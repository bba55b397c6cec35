"""The plans index (plans/index.md): every plan with its region, level, status, date and counts."""
from __future__ import annotations

from collections import Counter
from typing import Iterator

from ipplans.site.labels import columns, value_words
from ipplans.site.links import chart_image, plan_href
from ipplans.site.markup import front_matter, link, md, table_md
from ipplans.site.model import Site

FOLDERS = ('plans',)


def pages(site: Site) -> Iterator[tuple[str, str]]:
    yield 'plans/index.md', plans_index(site)


def plans_index(site: Site) -> str:
    counts = Counter(m.get('plan_id', '') for m in site.rows('measures'))
    targets = Counter(t.get('plan_id', '') for t in site.rows('targets'))
    schema = site.schema('plans')
    rows = [[link(md(p.get('title', '')), plan_href(p.get('plan_id', ''))), md(p.get('region_name', '')),
             md(site.levels.get(p.get('admin_level', ''), p.get('admin_level', ''))),
             md(value_words(schema, 'status', p.get('status', ''))),
             md(p.get('date_signed', '') or p.get('date_published', '')),
             str(counts[p.get('plan_id', '')]), str(targets[p.get('plan_id', '')])]
            for p in sorted(site.rows('plans'), key=lambda p: (p.get('province', ''), p.get('region_name', ''), p.get('plan_id', '')))]
    return '\n'.join([
        front_matter(title='Plans'), '# Plans\n',
        f'{len(rows)} plans. Each page gives the plan\'s metadata, its source and how reliable it is, the curation '
        'notes, and every measure in order with the agencies named for it.\n',
        table_md(['Plan', *columns(site.schema('plans'), 'region_name', 'admin_level', 'status'), 'Date', 'Measures', 'Targets'], rows),
        chart_image('measures-per-plan', 'Measures per plan', '../'),
        chart_image('deadlines', 'Deadlines and target years', '../'),
    ])
