"""The Functions pages: one kind of body compared across China. Every agency is coded with its
function (agencies.function, a code of the agency_functions code list), so that the
market-regulation bureau of one district can be set beside those of others.

    functions/index.md        each function's tasks counted by role across all plans, then each
                              function with its labels and definition, read from the code list
    functions/<function>.md   one function: its agencies with their region, the plans that name
                              them and their tasks by role, the agencies that lead most first

A page per function keeps each page to one function's agencies: one page listing every agency of
the country would grow with the package (about 1 MB at 100 plans)."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterator

from ipplans.site.labels import field_label
from ipplans.site.links import (FUNCTIONS_PAGE, agency_href, agency_name, function_anchor, function_page, plan_href,
                                table_page_name, with_english_name)
from ipplans.site.markup import code, front_matter, link, md, table_md
from ipplans.site.model import Row, Site, most_tasks_first

FOLDERS = ('functions',)


def pages(site: Site) -> Iterator[tuple[str, str]]:
    agencies: dict[str, list[Row]] = defaultdict(list)
    for agency in site.rows('agencies'):
        agencies[agency.get('function', '')].append(agency)
    # The code list's functions that agencies have, in its order; then any code it lacks (an invalid
    # row, previewed), under the code itself.
    used = [f for f in site.functions if agencies.get(f)] + sorted(f for f in agencies if f not in site.functions)
    tasks = {a.get('agency_id', ''): Counter(r.get('role', '') for r in site.agency_facts.duties.get(a.get('agency_id', ''), []))
             for a in site.rows('agencies')}
    yield FUNCTIONS_PAGE, functions_index(site, used, agencies, tasks)
    plans = agency_plans(site)
    for function in used:
        yield function_page(function, ''), function_agencies(site, function, agencies[function], tasks, plans)


def functions_index(site: Site, used: list[str], agencies: dict[str, list[Row]], tasks: dict[str, Counter]) -> str:
    summary = []
    for function in used:
        counts = sum((tasks[a.get('agency_id', '')] for a in agencies[function]), Counter())
        summary.append([link(function_title(site, function), function_page(function)), str(len(agencies[function])),
                        str(len({a.get('region_code', '') for a in agencies[function]})), *(str(counts[r]) for r in site.roles)])
    code_list = f"../tables/{table_page_name('agency_functions')}.md#codes"
    out = [front_matter(title='Functions'), '# Functions 职能\n',
           f"Each agency is coded with its function ({code('agencies.function')}, from the code list "
           f"{link(code('agency_functions'), code_list)}), so that one kind "
           f"of body can be compared across regions: {len(used)} functions held by {len(site.rows('agencies'))} agencies. "
           'Each function has a page listing its agencies with their tasks. A task is one measure that names the agency '
           'in one role; an agency named in two roles for one measure counts in both.\n',
           '## Tasks by function and role {#by-role}\n',
           table_md([field_label(site.schema('agencies'), 'function'), 'Agencies', 'Regions',
                     *(md(label) for label in site.roles.values())], summary),
           '## Definitions {#definitions}\n']
    for function in used:
        out += [f'### {function_title(site, function)} {{#{function_anchor(function)}}}\n',
                f"{about(site, function)} {link('Its agencies and their tasks', function_page(function))}.\n"]
    return '\n'.join(out)


def function_title(site: Site, function: str) -> str:
    """The function's labels, 'Market regulation 市场监管' (escaped); the code itself when the code list lacks it."""
    row = site.functions.get(function)
    return f"{md(row.get('label_en', ''))} {md(row.get('label_zh', ''))}" if row else md(function or '(no function)')


def about(site: Site, function: str) -> str:
    """The function's definition and the national body it answers to, from the code list (Markdown)."""
    row = site.functions.get(function)
    if row is None:
        return 'This code is not in the code list of functions.'
    national = ' '.join(x for x in (md(row.get('national_body_en', '')), md(row.get('national_body_zh', ''))) if x)
    return md(row.get('definition', '')) + (f' National body: {national}.' if national else '')


def function_agencies(site: Site, function: str, agencies: list[Row], tasks: dict[str, Counter], plans: dict[str, list[str]]) -> str:
    """A function's page: its labels and definition, and its agencies with their region, plans and tasks by role."""
    rows = []
    for agency in sorted(agencies, key=lambda a: (*most_tasks_first(tasks[a.get('agency_id', '')], a.get('name', '')), a.get('agency_id', ''))):
        agency_id = agency.get('agency_id', '')
        rows.append([with_english_name(link(agency_name(site, agency), agency_href(agency)), agency),
                     md(site.region_full_names.get(agency.get('region_code', ''), agency.get('region_code', ''))),
                     '<br>'.join(link(md(site.plans[p].get('title', p)), plan_href(p)) if p in site.plans else md(p)
                                 for p in plans.get(agency_id, [])),
                     *(str(tasks[agency_id][r]) for r in site.roles)])
    row = site.functions.get(function, {})
    title = ' '.join(x for x in (row.get('label_en', ''), row.get('label_zh', '')) if x) or function
    return '\n'.join([
        front_matter(title=f'Function: {title}'), f'# {function_title(site, function)}\n',
        f"{about(site, function)}\n",
        f"Agencies: {len(agencies)}, in regions: {len({a.get('region_code', '') for a in agencies})}; those that lead most "
        f"tasks come first. Every function is on the {link('Functions', 'index.md')} page.\n",
        '## Agencies {#agencies}\n',
        table_md([field_label(site.schema('responsibilities'), 'agency_id'), field_label(site.schema('agencies'), 'region_code'),
                  'Plans', *(md(label) for label in site.roles.values())], rows)])


def agency_plans(site: Site) -> dict[str, list[str]]:
    """Agency → the plans that name it, for a task or as a member of a coordinating body (in plan order)."""
    named: dict[str, set[str]] = defaultdict(set)
    for agency_id, duties in site.agency_facts.duties.items():
        named[agency_id] |= {site.measures.get(d.get('measure_id', ''), {}).get('plan_id', '') for d in duties}
    for agency_id, memberships in site.agency_facts.memberships.items():
        named[agency_id] |= {m.get('plan_id', '') for m in memberships}
    order = {plan_id: i for i, plan_id in enumerate(site.plans)}
    return {agency_id: sorted((p for p in plans if p), key=lambda p: (order.get(p, len(order)), p)) for agency_id, plans in named.items()}
