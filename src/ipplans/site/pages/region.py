"""Region pages: the agencies of one region on one page (agencies/<region>.md), each agency a
section (agencies/<region>/#<agency>), its internal units as subsections right after it. Each
section lists the agency's tasks by plan and role, each with its number (linked to the measure on
the plan's page) and its text, so that a reader can read a bureau's tasks in one place. Search
finds the agencies by their names, second nameplates, aliases and notes; the task lists are left
out of the index, so that every measure text is indexed once, on its plan's page."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterator

from ipplans.site.labels import columns, field_label, value_words
from ipplans.site.links import FUNCTIONS_PAGE, agency_href, agency_name, function_page, plan_href, region_href, task_link
from ipplans.site.markup import (a, built, facts_html, front_matter, heading, link, md, page_name, raw_block, table_html,
                                 translation, zh_en)
from ipplans.site.model import Row, Site, sort_number

FOLDERS = ('agencies',)
# An agency's tasks in a plan are shown open when there are at most this many; a longer list (a bureau
# that leads most of a plan) opens on a click, so the agencies after it stay in reach.
OPEN_UP_TO = 10


def pages(site: Site) -> Iterator[tuple[str, str]]:
    for code, agencies in sorted(site.agencies_by_region.items()):
        yield region_href(code, ''), region_page(site, code, agencies)


def region_title(site: Site, code: str) -> str:
    """Plain-text title of a region's agency page."""
    name = site.region_names.get(code, '')
    return f'Agencies of {name}' if name else f'Agencies of region {code}'


def region_page(site: Site, code: str, agencies: list[Row]) -> str:
    title = region_title(site, code)
    out = [front_matter(title=title), f'# {md(title)}\n',
           f'{len(agencies)} agencies with region code {md(code)}. For each agency, its tasks in each plan by role, '
           'each with its text; the number links to the measure on the plan\'s page. '
           f"To compare one kind of body across regions, see {link('Functions', f'../{FUNCTIONS_PAGE}')}.\n"]
    for agency, depth in in_page_order(site, agencies):
        out.append(agency_section(site, agency, depth))
    return '\n'.join(out)


def in_page_order(site: Site, agencies: list[Row]) -> list[tuple[Row, int]]:
    """The region's agencies by name, each followed by its internal units (depth 1, 2 …); a unit whose
    parent is on another region's page (or missing) stands on its own."""
    by_name = lambda a: (a.get('name', ''), a.get('agency_id', ''))  # noqa: E731
    here = {a.get('agency_id', '') for a in agencies}
    units = site.agency_facts.units
    order: list[tuple[Row, int]] = []
    placed: set[str] = set()

    def place(agency: Row, depth: int) -> None:
        if agency.get('agency_id', '') in placed:
            return
        placed.add(agency.get('agency_id', ''))
        order.append((agency, depth))
        for unit in sorted(units.get(agency.get('agency_id', ''), []), key=by_name):
            if unit.get('agency_id', '') in here:
                place(unit, depth + 1)
    for agency in sorted(agencies, key=by_name):
        if agency.get('parent_agency_id', '') not in here:
            place(agency, 0)
    for agency in sorted(agencies, key=by_name):   # units in a cycle of parents (invalid, but previewed)
        place(agency, 0)
    return order


def agency_section(site: Site, agency: Row, depth: int = 0) -> str:
    """The agency's heading (in the page's table of contents; an internal unit's one level below its
    parent's), then its facts and tasks as raw HTML."""
    agency_id = agency.get('agency_id', '')
    anchor = page_name(agency_id)
    facts = site.agency_facts
    counts = Counter(r.get('role', '') for r in facts.duties.get(agency_id, []))
    aliases = ' · '.join([md(a) for a in sorted(set(facts.aliases.get(agency_id, [])))] +
                         [f"{md(alias)} (in {a(md(plan_id), built(plan_href(plan_id)))} only)"
                          for alias, plan_id in sorted(set(facts.scoped_aliases.get(agency_id, [])))])
    schema = site.schema('agencies')
    meta = [(field_label(schema, 'agency_id'), md(agency_id)),
            (field_label(schema, 'kind'), md(value_words(schema, 'kind', agency.get('kind', ''))))]
    function = site.functions.get(agency.get('function', ''))
    if function:
        meta.append((field_label(schema, 'function'), a(zh_en(function.get('label_zh', ''), function.get('label_en', '')),
                                                        built(function_page(agency['function'])))))
    parent = site.agencies.get(agency.get('parent_agency_id', ''))
    if agency.get('parent_agency_id'):
        meta.append(('Unit of 所属单位', a(agency_name(site, parent), built(agency_href(parent))) if parent
                     else md(agency['parent_agency_id'])))
    for plate in facts.nameplates.get(agency_id, []):
        meta.append(('Second nameplate 另一块牌子', f"{md(plate.get('nameplate', ''))} ({md(plate.get('nameplate_en', ''))})"))
    units = sorted(facts.units.get(agency_id, []), key=lambda u: (u.get('name', ''), u.get('agency_id', '')))
    if units:
        meta.append(('Internal units 内设机构', ' · '.join(a(md(u.get('name', '')), built(agency_href(u))) for u in units)))
    meta += [('Aliases seen in sources 来源中的写法', aliases or '(none)'),
             ('Tasks', ', '.join(f'{counts[r]} {r}' for r in site.roles if counts[r]) or 'none')]
    if agency.get('note'):
        meta.append((field_label(schema, 'note'), md(agency['note'])))
    level = 2 + min(depth, 1)   # the parts of a section are one level below its heading: no level skipped
    block = [translation(agency.get('name_en', ''), 'p'), facts_html(meta), *tasks_by_plan(site, agency_id, anchor, level + 1)]
    memberships = facts.memberships.get(agency_id, [])
    if memberships:
        block.append(heading(level + 1, 'Members of coordinating bodies', f'{anchor}--coordinating-bodies'))
        block.append(table_html(columns(site.schema('members'), 'plan_id', 'body', 'role', 'name', 'post'), [
            [a(md(site.plans[m['plan_id']].get('title', '')), built(plan_href(m['plan_id'])) + '#members')
             if m.get('plan_id') in site.plans else md(m.get('plan_id', '')),
             zh_en(m.get('body', ''), m.get('body_en', ''), '<br>'), md(m.get('role', '')), md(m.get('name', '')),
             zh_en(m.get('post', ''), m.get('post_en', ''), '<br>') if m.get('post', '').strip() else '']
            for m in memberships]))
    return f"{'#' * level} {agency_name(site, agency)} {{#{anchor}}}\n\n" + raw_block(block)


def tasks_by_plan(site: Site, agency_id: str, anchor: str, level: int) -> list[str]:
    """For each plan that names the agency, its tasks there by role, each with its text (HTML parts,
    not indexed: the plan's page indexes the texts)."""
    by_plan: dict[str, list[Row]] = defaultdict(list)
    for row in site.agency_facts.duties.get(agency_id, []):
        by_plan[site.measures.get(row.get('measure_id', ''), {}).get('plan_id', '')].append(row)
    parts = []
    for plan_id in sorted(by_plan, key=lambda p: (p not in site.plans, p)):
        plan = site.plans.get(plan_id)
        title = a(md(plan.get('title', plan_id)), built(plan_href(plan_id))) if plan else md(plan_id or '(unknown plan)')
        rows = sorted(by_plan[plan_id], key=lambda r: sort_number(site.measures.get(r.get('measure_id', ''), {}).get('seq', '')))
        shown = ' open' if len(rows) <= OPEN_UP_TO else ''
        parts += ['<section data-pagefind-ignore>', heading(level, title, f'{anchor}--{page_name(plan_id or "unknown")}')]
        for role, label in site.roles.items():
            mine = [row for row in rows if row.get('role') == role]
            if mine:
                parts += [f'<details{shown}>', f'<summary>{md(label)} ({len(mine)})</summary>', '<ul class="tasks">',
                          *(task_item(site, row) for row in mine), '</ul>', '</details>']
        parts.append('</section>')
    return parts


def task_item(site: Site, row: Row) -> str:
    """A task: its number linked to the measure on the plan's page, its text and the curators' English under it."""
    measure = site.measures.get(row.get('measure_id', ''), {})
    return (f"<li><p>{task_link(site, row)} <span lang=\"zh\">{md(measure.get('text', ''))}</span></p>"
            f"{translation(measure.get('text_en', ''), 'p')}</li>")
