"""Where each generated thing lives, and the links to it.

Hrefs are written as in Markdown, to the .md file and relative to a page one folder below docs/
(`prefix` '../'), or from docs/ itself (prefix ''); built() turns them into raw-HTML links.
"""
from __future__ import annotations

import re
from urllib.parse import quote

from ipplans.site.markup import a, built, link, md, page_name
from ipplans.site.model import Row, Site

# The folder of what the hand-written pages include (fragments, charts, archived sources): not pages
# themselves (mkdocs.yml excludes its Markdown from the build; pymdownx.snippets reads it).
FRAGMENTS = 'generated'


def plan_href(plan_id: str, prefix: str = '../') -> str:
    return f'{prefix}plans/{page_name(plan_id)}.md'


def region_href(region_code: str, prefix: str = '../') -> str:
    return f'{prefix}agencies/{page_name(region_code)}.md'


def agency_href(agency: Row, prefix: str = '../') -> str:
    """An agency's section on the page of its region."""
    return f"{region_href(agency.get('region_code', ''), prefix)}#{page_name(agency.get('agency_id', ''))}"


def measure_href(measure: Row, prefix: str = '../') -> str:
    return f"{plan_href(measure.get('plan_id', ''), prefix)}#{page_name(measure.get('measure_id', ''))}"


def table_page_name(table: str) -> str:
    return page_name(table.replace('_', '-'))


def table_link(table: str) -> str:
    """A table's name linked to its page, from another page of the data dictionary."""
    return link(md(table), f'{table_page_name(table)}.md') if table else '(unknown)'


def source_href(name: str) -> str:
    """An archived source text, from a plan's page as built (plans/x/)."""
    return f'../../{FRAGMENTS}/sources/{quote(name)}'


def download_anchor(file: str) -> str:
    return 'file-' + re.sub(r'[^a-z0-9]+', '-', file.lower()).strip('-')


def chart_image(name: str, alt: str, prefix: str) -> str:
    return f'![{md(alt)}]({prefix}{FRAGMENTS}/{name}.svg)\n'


def agency_name(site: Site, agency: Row) -> str:
    """The agency's name with its second nameplates, as Chinese writes a body with two names:
    重庆市荣昌区市场监督管理局（重庆市荣昌区知识产权局） (escaped)."""
    plates = [row.get('nameplate', '') for row in site.agency_facts.nameplates.get(agency.get('agency_id', ''), [])]
    name = md(agency.get('name', agency.get('agency_id', '')))
    return name + (f"（{'、'.join(md(p) for p in plates)}）" if plates else '')


def agency_link(site: Site, agency_id: str) -> str:
    """The agency's name (and second nameplates) linked to its section, as HTML for a plan page; an
    internal unit is followed by the agency it belongs to."""
    def make() -> str:
        agency = site.agencies.get(agency_id)
        if agency is None:
            return md(agency_id)
        link = a(agency_name(site, agency), built(agency_href(agency)))
        parent = site.agencies.get(agency.get('parent_agency_id', ''))
        if parent is not None:
            link += f" (unit of {a(agency_name(site, parent), built(agency_href(parent)))})"
        return link
    return site.link_once(('agency', agency_id), make)


def task_link(site: Site, row: Row) -> str:
    """A task as its measure's number linked to the measure's text on the plan's page. (How the plan
    prints the agency's name is shown there, and among the aliases here.)"""
    measure_id = row.get('measure_id', '')
    measure = site.measures.get(measure_id)
    return site.link_once(('measure', measure_id), lambda: f'{md(measure_id)} (measure not found)' if measure is None else
                          a(md(measure.get('number', '') or measure.get('seq', '')), built(measure_href(measure))))
