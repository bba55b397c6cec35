"""The agencies index (agencies/index.md): the regions whose plans name agencies, each linked to
its page of agencies, with their tasks counted by role."""
from __future__ import annotations

from collections import Counter
from typing import Iterator

from ipplans.schema import enum_labels
from ipplans.site.links import FUNCTIONS_PAGE, chart_image, region_href
from ipplans.site.markup import front_matter, link, md, table_md
from ipplans.site.model import Site

FOLDERS = ('agencies',)


def pages(site: Site) -> Iterator[tuple[str, str]]:
    yield 'agencies/index.md', agencies_index(site)


def agencies_index(site: Site) -> str:
    regions = site.agencies_by_region
    duties = site.agency_facts.duties
    rows = []
    for code in sorted(regions):
        counts = Counter(r.get('role', '') for a in regions[code] for r in duties.get(a.get('agency_id', ''), []))
        rows.append([link(md(site.region_names.get(code, '') or f'region {code}'), region_href(code)), md(code),
                     str(len(regions[code])), *(str(counts[r]) for r in site.roles)])
    role_names = enum_labels(site.schema('responsibilities'), 'role')
    return '\n'.join([
        front_matter(title='Agencies'), '# Agencies\n',
        f'{len(site.rows("agencies"))} agencies in {len(regions)} regions. Each region has a page with its '
        'agencies: their names, aliases and every task they lead, cooperate on or are responsible for, by plan, each '
        f"with its text. To compare one kind of body across regions (every market-regulation bureau, every court), see "
        f"{link('Functions', f'../{FUNCTIONS_PAGE}')}.\n",
        '## Regions {#regions}\n',
        table_md(['Region', 'Code', 'Agencies', *(f"{role_names[r].get('en', r)} tasks" for r in site.roles)], rows),
        '## Agencies by number of lead tasks {#lead-agencies}\n',
        chart_image('lead-agencies', 'Agencies by number of lead tasks', '../'),
    ])
