"""The home page's fragment (generated/home.md): the version, what the package holds, counted
from the data, and its coverage by province and level."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterator

from ipplans.site.links import FRAGMENTS, chart_image
from ipplans.site.markup import md, table_md
from ipplans.site.model import Site

FOLDERS = (FRAGMENTS,)
# What the version line counts: (table, what its rows are).
COUNTED = [('plans', 'plans'), ('measures', 'measures'), ('agencies', 'agencies'),
           ('responsibilities', 'agency mentions'), ('targets', 'targets'), ('members', 'coordinating-body members'),
           ('citations', 'cited documents'), ('curation_notes', 'curation notes')]


def pages(site: Site) -> Iterator[tuple[str, str]]:
    yield f'{FRAGMENTS}/home.md', home_fragment(site)


def home_fragment(site: Site) -> str:
    version = md(site.descriptor.get('version', '(unversioned)'))
    counts = ' · '.join(f'{len(site.rows(table))} {label}' for table, label in COUNTED)
    by_province: dict[str, Counter] = defaultdict(Counter)
    for plan in site.rows('plans'):
        by_province[plan.get('province', '')][plan.get('admin_level', '')] += 1
    levels = site.levels
    rows = [[md(p), *(str(c[l]) for l in levels), str(sum(c.values()))] for p, c in sorted(by_province.items())]
    return '\n'.join([
        f'**Version {version}** · {counts}\n',
        '## Coverage at a glance {#coverage}\n',
        table_md(['Province', *(md(label) for label in levels.values()), 'Plans'], rows),
        chart_image('measures-per-plan', 'Measures per plan', ''),
    ])
