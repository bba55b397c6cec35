"""The charts (generated/<chart>.svg), drawn at build time from the data, and the charts fragment
(generated/charts.md) that the Charts page includes. Other pages show them with chart_image()."""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from ipplans.schema import foreign_keys, primary_key
from ipplans.site import svg
from ipplans.site.links import FRAGMENTS, chart_image
from ipplans.site.model import Site, plan_label

FOLDERS = (FRAGMENTS,)
# Up to this many plans the chart has a bar per plan; beyond, it counts plans by number of measures
# (a bar per plan would be unreadable, and at 3,000 plans a 1.3 MB image on the home page).
PLAN_BARS = 40


def pages(site: Site) -> Iterator[tuple[str, str]]:
    charts = {'measures-per-plan': measures_per_plan, 'lead-agencies': lead_agencies,
              'deadlines': deadlines, 'tables': table_diagram}
    for name, draw in charts.items():
        yield f'{FRAGMENTS}/{name}.svg', draw(site)
    yield f'{FRAGMENTS}/charts.md', charts_fragment(site)


def charts_fragment(site: Site) -> str:
    measures = site.rows('measures')
    undated = sum(1 for m in measures if not m.get('deadline_date'))
    return '\n'.join([
        chart_image('measures-per-plan', 'Measures per plan', ''),
        chart_image('lead-agencies', 'Agencies by number of lead tasks', ''),
        'Plans that name only 责任单位 (responsible units) without telling the lead from the cooperating '
        'agencies are counted in the lighter colour.\n',
        chart_image('deadlines', 'Deadlines and target years', ''),
        f'{undated} of {len(measures)} measures state no dated deadline (ongoing tasks, '
        'or none printed); they are not in this chart.\n',
    ])


def measures_per_plan(site: Site) -> str:
    measure_counts = Counter(m.get('plan_id', '') for m in site.rows('measures'))
    plans = site.rows('plans')
    if len(plans) <= PLAN_BARS:
        plans = sorted(plans, key=lambda p: (-measure_counts[p.get('plan_id', '')], p.get('plan_id', '')))
        return svg.horizontal_bars('Measures per plan', [
            svg.Bar(plan_label(p), (measure_counts[p.get('plan_id', '')],)) for p in plans], ['measures'])
    counts = [measure_counts[p.get('plan_id', '')] for p in plans]
    width = max(1, -(-(max(counts) + 1) // 20))  # at most 20 columns
    if width > 1:
        width = -(-width // 5) * 5  # a round number of measures per column
    plans_in = Counter(count // width for count in counts)
    columns = range(max(plans_in) + 1)
    labels = [str(c * width) if width == 1 else f'{c * width}–{c * width + width - 1}' for c in columns]
    return svg.columns(f'Plans by number of measures ({len(plans)} plans)', labels,
                       [(plans_in[c],) for c in columns], ['plans'])


def lead_agencies(site: Site) -> str:
    leaders = []
    for agency in site.rows('agencies'):
        counts = Counter(r.get('role', '') for r in site.agency_facts.duties.get(agency.get('agency_id', ''), []))
        if counts['lead'] or counts['responsible']:
            leaders.append(svg.Bar(agency.get('name', ''), (counts['lead'], counts['responsible'])))
    leaders.sort(key=lambda b: (-b.values[0], -b.values[1], b.label))
    return svg.horizontal_bars('Agencies by number of lead tasks (top 20)', leaders[:20],
                               ['lead (牵头)', 'responsible (责任单位, where the plan does not name a lead)'])


def deadlines(site: Site) -> str:
    deadline_years = Counter(m['deadline_date'][:4] for m in site.rows('measures')
                             if re.match(r'^\d{4}-', m.get('deadline_date', '')))
    target_years = Counter(t['year'] for t in site.rows('targets') if re.match(r'^\d{4}$', t.get('year', '')))
    years = sorted(set(deadline_years) | set(target_years))
    axis = [str(y) for y in range(int(years[0]), int(years[-1]) + 1)] if years else []
    return svg.columns('Deadlines and target years', axis, [(deadline_years[y], target_years[y]) for y in axis],
                       ['measures due (dated deadlines)', 'targets set for the year'])


def table_diagram(site: Site) -> str:
    boxes, edges = [], []
    for name in site.table_names:
        schema = site.schema(name)
        fks = foreign_keys(schema)
        boxes.append(svg.Box(name, [f.get('name', '') for f in schema.get('fields', [])],
                             set(primary_key(schema)), {f for fields, _, _ in fks for f in fields}))
        edges += [(name, f, ref or name, rf) for fields, ref, ref_fields in fks for f, rf in zip(fields, ref_fields)]
    return svg.table_diagram('Tables and foreign keys', boxes, edges)
