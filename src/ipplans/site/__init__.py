#!/usr/bin/env python3
"""Generate the site's data pages from the package, then build the site with MkDocs.

    ipplans site [--package DIR] [--site-dir DIR] [--work DIR] [--downloads DIR]

Pages about tables, plans and agencies are written as plain Markdown (so the
site stays buildable by any MkDocs-compatible builder) into git-ignored
folders of the docs directory: plans/, agencies/, tables/ and generated/
(charts, the archived source texts and the fragments that the hand-written
pages include). By default they are generated in place, into this
repository's docs/, and the site is built from mkdocs.yml into site/.
With --work DIR, mkdocs.yml and the hand-written pages are first copied into
DIR and everything is generated and built there, leaving docs/ untouched.

Plans and tables get a page each; agencies get a section each on the page of
their region (agencies/<region_code>/#<agency>); their task lists are kept out
of the search index, so that every measure text is indexed once, on its plan's page.
After MkDocs, Pagefind indexes the built pages into site/pagefind/; the browser
loads it in small chunks (docs/javascripts/search.js: the header's results panel
and the Search page). Chinese is segmented by Pagefind Extended.

Every data value is escaped before it enters the Markdown, so a value such as
<script> shows as text. The site reads the downloads' manifest.json (written
by scripts/export.py) when it is there; without it the downloads page says the
downloads were not built. The build does not validate the package, so a broken
row can still be previewed; rows that refer to missing plans, measures or
agencies are shown without a link.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from hashlib import sha1
from html import escape
from pathlib import Path
from urllib.parse import quote


from ipplans.package import Package as DataPackage, PackageError
from ipplans.paths import REPO as ROOT
from ipplans.schema import foreign_keys, primary_key
from ipplans.site import svg as sitesvg

GENERATED_DIRS = ('plans', 'agencies', 'tables', 'generated')
SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
ROLES = {'lead': 'Lead 牵头', 'cooperating': 'Cooperating 配合', 'responsible': 'Responsible 责任'}
LEVELS = {'province': 'Province 省级', 'prefecture': 'Prefecture 地市级', 'county': 'County 区县级'}
CAUTION_SOURCES = {'repost', 'machine_translated_repost', 'mirror'}
# ASCII punctuation that is safe everywhere in Markdown; all other punctuation is written as an entity.
PLAIN_PUNCTUATION = set(',/;?%@')
# str.translate table for md(): ASCII punctuation with Markdown meaning → character references.
MARKDOWN_ESCAPES = {ord(char): f'&#{ord(char)};' for char in map(chr, range(128))
                    if not char.isalnum() and not char.isspace() and char not in PLAIN_PUNCTUATION}
MARKDOWN_ESCAPES[ord('\n')] = '<br>'


class SiteError(Exception):
    """A problem the reader of the message can fix (bad arguments, missing files)."""


# --- escaping -----------------------------------------------------------------------------------

def md(value: object) -> str:
    """A data value as Markdown that renders exactly as the text it is.

    Markdown allows raw HTML and gives meaning to much ASCII punctuation
    (emphasis, links, tables, headings, lists, attribute lists, snippets), so
    every ASCII punctuation character other than , / ; ? % @ becomes a
    numeric character reference, line breaks become <br>, and surrounding
    white space is dropped. Characters outside ASCII pass through unchanged.
    """
    return str(value).strip().replace('\r\n', '\n').replace('\r', '\n').translate(MARKDOWN_ESCAPES)


def code(value: object) -> str:
    """A data value in code font (a Markdown code span would show the escapes literally)."""
    return f'<code>{md(value)}</code>'


def attr(value: str) -> str:
    return escape(value, quote=True)


def page_name(ident: str) -> str:
    """File and anchor name for an identifier: the identifier when it is a plain slug, else a hash of it."""
    return ident if SLUG.match(ident) else 'id-' + sha1(ident.encode('utf-8')).hexdigest()[:12]


def words(code: str) -> str:
    """An enum code such as government_department as words."""
    return code.replace('_', ' ')


def table_md(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells must already be Markdown (escaped values)."""
    lines = ['| ' + ' | '.join(header) + ' |', '|' + '---|' * len(header)]
    lines += ['| ' + ' | '.join(cell or ' ' for cell in row) + ' |' for row in rows]
    return '\n'.join(lines) + '\n'


def facts_md(facts: list[tuple[str, str]]) -> str:
    """Label–value pairs as a list; values must already be Markdown."""
    return '\n'.join(f"- **{label}**: {value or '(not stated)'}" for label, value in facts) + '\n'


def link(text: str, target: str) -> str:
    """A Markdown link; `text` must already be Markdown, `target` a path we made."""
    return f'[{text}]({target})'


def external_link(url: str) -> str:
    """A link for an http(s) address from the data; anything else is shown as text only."""
    if re.match(r'^https?://[^\s<>"]+$', url):
        return f'<a href="{attr(url)}" rel="nofollow noopener">{md(url)}</a>'
    return md(url)


# --- raw HTML blocks ---------------------------------------------------------------------------
# The bulk of the plan and region pages (measures with their agencies, task lists, tables with
# links) is written as raw HTML blocks inside the Markdown: Markdown passes them through as they
# are, which is valid Markdown for any builder and several times faster for Python-Markdown than
# the same content as Markdown syntax. Values are escaped with md() there too (its character
# references are HTML), and links are written as the built site needs them, since MkDocs rewrites
# only Markdown links: see built().

def built(href: str) -> str:
    """A link from one generated page to another, as written in Markdown (to a .md file, relative to
    the page's file), as the built site needs it in raw HTML: each page is built as a folder
    (plans/x.md → plans/x/), so it sits one level deeper."""
    path, _, anchor = href.partition('#')
    return '../' + path.removesuffix('.md') + '/' + (f'#{anchor}' if anchor else '')


def a(text: str, href: str) -> str:
    """An HTML link; `text` must already be escaped."""
    return f'<a href="{attr(href)}">{text}</a>'


def heading(level: int, text: str, anchor: str) -> str:
    """A heading with its permalink, as the toc extension writes one."""
    return (f'<h{level} id="{attr(anchor)}">{text}<a class="headerlink" href="#{attr(anchor)}" '
            f'title="Permanent link">&para;</a></h{level}>')


def facts_html(facts: list[tuple[str, str]]) -> str:
    """Label–value pairs as a list; values must already be escaped."""
    return '<ul>\n' + '\n'.join(f"<li><strong>{label}</strong>: {value or '(not stated)'}</li>"
                                 for label, value in facts) + '\n</ul>'


def table_html(header: list[str], rows: list[list[str]]) -> str:
    """A table; cells must already be escaped."""
    # A line break between cells, as Markdown writes them: text extractors (the search index) see words apart.
    head = '\n'.join(f'<th>{cell}</th>' for cell in header)
    body = '\n'.join('<tr>\n' + '\n'.join(f'<td>{cell}</td>' for cell in row) + '\n</tr>' for row in rows)
    return f'<table>\n<thead>\n<tr>\n{head}\n</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>'


def raw_block(parts: list[str]) -> str:
    """HTML parts as one raw block of the Markdown page (no blank line inside, one after). Only the
    block's own closing tag starts a line with </div> (hooks/data_blocks.py finds the end by it)."""
    return '<div class="data">\n' + '\n'.join(part for part in parts if part) + '\n</div>\n'


# --- the package, read -------------------------------------------------------------------------

@dataclass
class Package:
    directory: Path
    descriptor: dict
    schemas: dict[str, dict]
    tables: dict[str, list[dict[str, str]]]
    plans: dict[str, dict] = field(default_factory=dict)
    measures: dict[str, dict] = field(default_factory=dict)
    agencies: dict[str, dict] = field(default_factory=dict)
    _by_plan: dict[str, dict[str, list[dict[str, str]]]] = field(default_factory=dict, repr=False)
    region_names: dict[str, str] | None = field(default=None, repr=False)
    links: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)  # HTML links, made once each

    def rows(self, table: str) -> list[dict[str, str]]:
        return self.tables.get(table, [])

    def by_plan(self, table: str) -> dict[str, list[dict[str, str]]]:
        """Rows of `table` grouped by plan_id (computed once per table: plan pages ask per plan)."""
        if table not in self._by_plan:
            grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
            for row in self.rows(table):
                grouped[row.get('plan_id', '')].append(row)
            self._by_plan[table] = dict(grouped)
        return self._by_plan[table]


def sort_number(text: str) -> tuple[int, str]:
    return (int(text), '') if text.strip().isdigit() else (sys.maxsize, text)


def load_package(directory: Path) -> Package:
    try:
        data = DataPackage.load(directory)
    except PackageError as error:
        raise SiteError(f'{error} (pass the package directory with --package)') from None
    package = Package(directory, data.descriptor, {n: r.schema for n, r in data.resources.items()}, data.tables())
    package.plans = {r.get('plan_id', ''): r for r in package.rows('plans')}
    package.measures = {r.get('measure_id', ''): r for r in package.rows('measures')}
    package.agencies = {r.get('agency_id', ''): r for r in package.rows('agencies')}
    return package


def measures_in_order(package: Package, plan_id: str) -> list[dict[str, str]]:
    return sorted(package.by_plan('measures').get(plan_id, []), key=lambda r: sort_number(r.get('seq', '')))


def responsibilities_by_measure(package: Package) -> dict[str, list[dict[str, str]]]:
    grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in package.rows('responsibilities'):
        grouped[row.get('measure_id', '')].append(row)
    for rows in grouped.values():
        rows.sort(key=lambda r: sort_number(r.get('seq', '')))
    return grouped


def region_names(package: Package) -> dict[str, str]:
    """Region code → name, as the plans give it (worked out once: each region page asks)."""
    if package.region_names is None:
        package.region_names = {p.get('region_code', ''): p.get('region_name', '') for p in package.rows('plans')}
    return package.region_names


def plan_label(plan: dict[str, str]) -> str:
    """Plain-text short label: region and title."""
    return f"{plan.get('region_name', '')} · {plan.get('title', '')}"


# --- links between generated pages ----------------------------------------------------------

def plan_href(plan_id: str, prefix: str = '../') -> str:
    return f'{prefix}plans/{page_name(plan_id)}.md'


def region_href(region_code: str, prefix: str = '../') -> str:
    return f'{prefix}agencies/{page_name(region_code)}.md'


def agency_href(agency: dict[str, str], prefix: str = '../') -> str:
    """An agency's section on the page of its region."""
    return f"{region_href(agency.get('region_code', ''), prefix)}#{page_name(agency.get('agency_id', ''))}"


def measure_href(measure: dict[str, str], prefix: str = '../') -> str:
    return f"{plan_href(measure.get('plan_id', ''), prefix)}#{page_name(measure.get('measure_id', ''))}"


def link_once(package: Package, key: tuple[str, str], make) -> str:
    """An HTML link made once and reused: each agency and measure is linked from many rows."""
    if key not in package.links:
        package.links[key] = make()
    return package.links[key]


def agency_link(package: Package, agency_id: str) -> str:
    """The agency's name linked to its section, as HTML for a plan page."""
    agency = package.agencies.get(agency_id)
    return link_once(package, ('agency', agency_id), lambda: md(agency_id) if agency is None else
                     a(md(agency.get('name', agency_id)), built(agency_href(agency))))


def responsibility_text(package: Package, row: dict[str, str]) -> str:
    """The agency linked, with the string as printed when it differs from the canonical name (HTML)."""
    text = agency_link(package, row.get('agency_id', ''))
    printed = row.get('as_printed', '')
    name = package.agencies.get(row.get('agency_id', ''), {}).get('name', '')
    if printed and printed != name:
        text += f' (as printed: {md(printed)})'
    return text


# --- pages ---------------------------------------------------------------------------------------

def front_matter(**values: object) -> str:
    """YAML front matter. Themes print the title without escaping it, so the title is HTML-escaped here."""
    if 'title' in values:
        values['title'] = escape(str(values['title']), quote=True)
    lines = ['---']
    for key, value in values.items():
        if isinstance(value, dict):
            lines.append(f'{key}:')
            lines += [f'  {k}: {v}' for k, v in value.items()]
        else:
            lines.append(f'{key}: {json.dumps(value, ensure_ascii=False)}')
    return '\n'.join(lines + ['---', ''])


def plan_page(package: Package, plan: dict[str, str], duties: dict[str, list[dict[str, str]]]) -> str:
    plan_id = plan.get('plan_id', '')
    measures = measures_in_order(package, plan_id)
    targets = package.by_plan('targets').get(plan_id, [])
    out = [front_matter(title=plan.get('title', plan_id)),
           f"# {md(plan.get('title', plan_id))}\n", f"{md(plan.get('title_en', ''))}\n"]
    source = [md(words(plan.get('source_type', '')))]
    if plan.get('source_url'):
        source.append(external_link(plan['source_url']))
    archived = archived_source(package, plan)
    if archived:
        source.append(a('archived source text', f'../../generated/sources/{quote(archived.name)}'))
    agencies_named = {r.get('agency_id') for m in measures for r in duties.get(m.get('measure_id', ''), [])}
    meta = [
        ('Plan ID', md(plan_id)),
        ('Document number 发文字号', md(plan.get('doc_number', '')) or '(none printed)'),
        ('Issuer 发文机关', md(plan.get('issuer', ''))),
        ('Publisher 发布单位', md(plan.get('publisher', ''))),
        ('Region 地区', f"{md(plan.get('region_name', ''))} ({md(plan.get('region_code', ''))}), "
                      f"{md(plan.get('province', ''))}"),
        ('Level 层级', md(LEVELS.get(plan.get('admin_level', ''), plan.get('admin_level', '')))),
        ('Signed 成文日期', md(plan.get('date_signed', ''))),
        ('Published 发布日期', md(plan.get('date_published', ''))),
        ('Status 状态', md(words(plan.get('status', '')))),
        ('Source 来源', ' · '.join(s for s in source if s)),
        ('Contents', f'{len(measures)} measures, {len(targets)} targets, {len(agencies_named)} agencies named'),
    ]
    kind = 'warning' if plan.get('source_type') in CAUTION_SOURCES or plan.get('status') == 'draft_for_comment' else 'note'
    # The admonition as the admonition extension writes it.
    # Search results name the plan by region and title (many plans share a title); not shown, not indexed.
    title = f'<span hidden data-pagefind-ignore data-pagefind-meta="title">{md(plan_label(plan))}</span>'
    out.append(raw_block([title, facts_html(meta), f'<div class="admonition {kind}"><p class="admonition-title">'
                          f'Source and its reliability</p>', f'<p>{md(plan.get("source_note", ""))}</p></div>']))
    notes = package.by_plan('curation_notes').get(plan_id, [])
    if notes:
        out.append('## Curation notes {#curation-notes}\n')
        out.append('Every decision taken in turning the source into rows (from the curation_notes table).\n')
        out.append(raw_block([table_html(['Table · field', 'Row', 'Note'], [
            [md(f"{n.get('table_name', '')}.{n.get('field', '')}"), md(n.get('row_key', '')), md(n.get('note', ''))]
            for n in notes])]))
    out.append(measures_markdown(package, measures, duties))
    if targets:
        out.append('## Targets {#targets}\n')
        out.append(raw_block([table_html(['Year', 'Indicator', 'Value', 'Qualifier', 'Text', 'Measure'], [
            [md(t.get('year', '')), f"{md(t.get('indicator', ''))}<br>{md(t.get('indicator_en', ''))}",
             md(' '.join(x for x in (t.get('value', ''), t.get('unit', '')) if x)), md(t.get('qualifier', '')),
             md(t.get('text', '')),
             a(md(package.measures[t['measure_id']].get('number', '')), built(measure_href(package.measures[t['measure_id']])))
             if t.get('measure_id') in package.measures else md(t.get('measure_id', ''))]
            for t in sorted(targets, key=lambda t: (sort_number(t.get('year', '')), t.get('target_id', '')))])]))
    members = sorted(package.by_plan('members').get(plan_id, []), key=lambda r: sort_number(r.get('seq', '')))
    if members:
        out.append('## Members of coordinating bodies {#members}\n')
        out.append(raw_block([table_html(['Body', 'Role', 'Name', 'Post', 'Agency'], [
            [md(m.get('body', '')), md(m.get('role', '')), md(m.get('name', '')), md(m.get('post', '')),
             agency_link(package, m['agency_id']) if m.get('agency_id') else md(m.get('agency_as_printed', ''))]
            for m in members])]))
    citations = sorted(package.by_plan('citations').get(plan_id, []), key=lambda r: sort_number(r.get('seq', '')))
    if citations:
        out.append('## Documents cited {#citations}\n')
        out.append(raw_block([table_html(['Title', 'Document number (as printed)', 'Document number', 'Cited in', 'Note'], [
            [md(c.get('cited_title', '')), md(c.get('cited_doc_number', '')),
             md(c.get('cited_doc_number_normalized', '')), md(c.get('cited_in', '')), md(c.get('note', ''))]
            for c in citations])]))
    return '\n'.join(out)


def measures_markdown(package: Package, measures: list[dict[str, str]], duties: dict[str, list[dict[str, str]]]) -> str:
    """Chapters (when the plan has them) and sections as Markdown headings (the page's table of
    contents), each section's measures under it as one raw HTML block."""
    if not measures:
        return '## Measures {#measures}\n\nThe package holds no measures for this plan.\n'
    out: list[str] = []
    block: list[str] = []
    has_chapters = any(m.get('chapter') for m in measures)
    chapter = section = None
    count = 0
    if not has_chapters:
        out.append('## Measures {#measures}\n')
    for measure in measures:
        if has_chapters and measure.get('chapter', '') != chapter:
            out.append(raw_block(block) if block else '')
            block = []
            chapter, section = measure.get('chapter', ''), None
            count += 1
            out.append(f"## {md(chapter) or '(no chapter heading)'} {{#part-{count}}}\n")
        if measure.get('section', '') != section:
            out.append(raw_block(block) if block else '')
            block = []
            section = measure.get('section', '')
            count += 1
            out.append(f"### {md(section) or '(no section heading)'} {{#part-{count}}}\n")
        block.append(heading(4, md(measure.get('number', '')), page_name(measure.get('measure_id', ''))))
        block.append(f"<p>{md(measure.get('text', ''))}</p>")
        facts = []
        for role, label in ROLES.items():
            named = [responsibility_text(package, r) for r in duties.get(measure.get('measure_id', ''), [])
                     if r.get('role') == role]
            if named:
                facts.append((label, ' · '.join(named)))
        if measure.get('deadline') or measure.get('deadline_date'):
            date = f" ({md(measure['deadline_date'])})" if measure.get('deadline_date') else ''
            facts.append(('Deadline 时限', f"{md(measure.get('deadline', ''))}{date}"))
        block.append(facts_html(facts) if facts else '')
    out.append(raw_block(block) if block else '')
    return '\n'.join(part for part in out if part)


@dataclass
class AgencyFacts:
    """What the site shows about agencies, grouped from the responsibilities, aliases and members tables."""
    duties: dict[str, list[dict[str, str]]]
    aliases: dict[str, list[str]]
    memberships: dict[str, list[dict[str, str]]]

    @classmethod
    def of(cls, package: Package) -> AgencyFacts:
        facts = cls(defaultdict(list), defaultdict(list), defaultdict(list))
        for row in package.rows('responsibilities'):
            facts.duties[row.get('agency_id', '')].append(row)
        for row in package.rows('agency_aliases'):
            facts.aliases[row.get('agency_id', '')].append(row.get('alias', ''))
        for row in package.rows('members'):
            facts.memberships[row.get('agency_id', '')].append(row)
        return facts


def region_title(package: Package, code: str) -> str:
    """Plain-text title of a region's agency page."""
    name = region_names(package).get(code, '')
    return f'Agencies of {name}' if name else f'Agencies of region {code}'


def region_page(package: Package, code: str, agencies: list[dict[str, str]], facts: AgencyFacts) -> str:
    """One page for the agencies of a region, each agency a section. Search finds the agencies by
    their names, aliases and notes; their task lists (numbers that link to the plans' pages, where
    the tasks are indexed in full) are left out of the index."""
    title = region_title(package, code)
    out = [front_matter(title=title), f'# {md(title)}\n',
           f'{len(agencies)} agencies with region code {md(code)}. For each agency, its tasks in each plan by role: '
           'the numbers of the measures, each linked to its full text on the plan\'s page.\n']
    for agency in sorted(agencies, key=lambda a: (a.get('name', ''), a.get('agency_id', ''))):
        out.append(agency_section(package, agency, facts))
    return '\n'.join(out)


def agency_section(package: Package, agency: dict[str, str], facts: AgencyFacts) -> str:
    """The agency's heading (in the page's table of contents), then its facts and tasks as raw HTML."""
    agency_id = agency.get('agency_id', '')
    anchor = page_name(agency_id)
    duties = facts.duties.get(agency_id, [])
    counts = Counter(r.get('role', '') for r in duties)
    block = [f"<p>{md(agency.get('name_en', ''))}</p>"]
    meta = [('Agency ID', md(agency_id)), ('Kind 类别', md(words(agency.get('kind', '')))),
            ('Aliases seen in sources 来源中的写法', ' · '.join(md(a) for a in sorted(set(facts.aliases.get(agency_id, [])))) or '(none)'),
            ('Tasks', ', '.join(f'{counts[r]} {r}' for r in ROLES if counts[r]) or 'none')]
    if agency.get('note'):
        meta.append(('Note', md(agency['note'])))
    block.append(facts_html(meta))
    by_plan: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in duties:
        by_plan[package.measures.get(row.get('measure_id', ''), {}).get('plan_id', '')].append(row)
    for plan_id in sorted(by_plan, key=lambda p: (p not in package.plans, p)):
        plan = package.plans.get(plan_id)
        title = a(md(plan.get('title', plan_id)), built(plan_href(plan_id))) if plan else md(plan_id or '(unknown plan)')
        block.append('<section data-pagefind-ignore>')
        block.append(heading(4, title, f'{anchor}--{page_name(plan_id or "unknown")}'))
        rows = sorted(by_plan[plan_id], key=lambda r: sort_number(package.measures.get(r.get('measure_id', ''), {}).get('seq', '')))
        tasks = []
        for role, label in ROLES.items():
            mine = [task_link(package, row) for row in rows if row.get('role') == role]
            if mine:
                tasks.append((f'{label} ({len(mine)})', ' · '.join(mine)))
        block.append(facts_html(tasks))
        block.append('</section>')
    memberships = facts.memberships.get(agency_id, [])
    if memberships:
        block.append(heading(4, 'Members of coordinating bodies', f'{anchor}--coordinating-bodies'))
        block.append(table_html(['Plan', 'Body', 'Role', 'Name', 'Post'], [
            [a(md(package.plans[m['plan_id']].get('title', '')), built(plan_href(m['plan_id'])) + '#members')
             if m.get('plan_id') in package.plans else md(m.get('plan_id', '')),
             md(m.get('body', '')), md(m.get('role', '')), md(m.get('name', '')), md(m.get('post', ''))]
            for m in memberships]))
    return f"## {md(agency.get('name', agency_id))} {{#{anchor}}}\n\n" + raw_block(block)


def task_link(package: Package, row: dict[str, str]) -> str:
    """A task as its measure's number linked to the measure's text on the plan's page. (How the plan
    prints the agency's name is shown there, and among the aliases here.)"""
    measure_id = row.get('measure_id', '')
    measure = package.measures.get(measure_id)
    return link_once(package, ('measure', measure_id), lambda: f'{md(measure_id)} (measure not found)' if measure is None else
                     a(md(measure.get('number', '') or measure.get('seq', '')), built(measure_href(measure))))


def plans_index(package: Package) -> str:
    counts = Counter(m.get('plan_id', '') for m in package.rows('measures'))
    targets = Counter(t.get('plan_id', '') for t in package.rows('targets'))
    rows = [[link(md(p.get('title', '')), plan_href(p.get('plan_id', ''))), md(p.get('region_name', '')),
             md(LEVELS.get(p.get('admin_level', ''), p.get('admin_level', ''))), md(words(p.get('status', ''))),
             md(p.get('date_signed', '') or p.get('date_published', '')),
             str(counts[p.get('plan_id', '')]), str(targets[p.get('plan_id', '')])]
            for p in sorted(package.rows('plans'), key=lambda p: (p.get('province', ''), p.get('region_name', ''), p.get('plan_id', '')))]
    return '\n'.join([
        front_matter(title='Plans'), '# Plans\n',
        f'{len(rows)} plans. Each page gives the plan\'s metadata, its source and how reliable it is, the curation '
        'notes, and every measure in order with the agencies named for it.\n',
        table_md(['Plan', 'Region', 'Level', 'Status', 'Date', 'Measures', 'Targets'], rows),
        chart_image('measures-per-plan', 'Measures per plan', '../'),
        chart_image('deadlines', 'Deadlines and target years', '../'),
    ])


def agencies_index(package: Package, facts: AgencyFacts) -> str:
    """The regions whose plans name agencies, each linked to its page of agencies."""
    grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
    for agency in package.rows('agencies'):
        grouped[agency.get('region_code', '')].append(agency)
    regions = region_names(package)
    rows = []
    for code in sorted(grouped):
        counts = Counter(r.get('role', '') for a in grouped[code] for r in facts.duties.get(a.get('agency_id', ''), []))
        rows.append([link(md(regions.get(code, '') or f'region {code}'), region_href(code)), md(code),
                     str(len(grouped[code])), *(str(counts[r]) for r in ROLES)])
    return '\n'.join([
        front_matter(title='Agencies'), '# Agencies\n',
        f'{len(package.rows("agencies"))} agencies in {len(grouped)} regions. Each region has a page with its '
        'agencies: their names, aliases and every task they lead, cooperate on or are responsible for, by plan.\n',
        '## Regions {#regions}\n',
        table_md(['Region', 'Code', 'Agencies', 'Lead tasks', 'Cooperating tasks', 'Responsible tasks'], rows),
        '## Agencies by number of lead tasks {#lead-agencies}\n',
        chart_image('lead-agencies', 'Agencies by number of lead tasks', '../'),
    ])


# --- data dictionary ----------------------------------------------------------------------------

def table_order(package: Package) -> list[str]:
    return list(package.schemas)  # descriptor order


def constraints_text(spec: dict) -> str:
    c = spec.get('constraints', {}) or {}
    parts = []
    if c.get('required'):
        parts.append('required')
    if c.get('unique'):
        parts.append('unique')
    if 'enum' in c:
        parts.append('one of ' + ', '.join(code(v) for v in c['enum']))
    if 'pattern' in c:
        parts.append('pattern ' + code(c['pattern']))
    for key, label in (('minimum', 'minimum'), ('maximum', 'maximum'), ('minLength', 'min length'), ('maxLength', 'max length')):
        if key in c:
            parts.append(f'{label} {md(c[key])}')
    return '; '.join(parts) or 'none'


def examples(rows: list[dict[str, str]], name: str, limit: int = 3) -> list[str]:
    seen: list[str] = []
    for row in rows:
        value = row.get(name, '')
        if value and value not in seen:
            seen.append(value)
            if len(seen) == limit:
                break
    return [v if len(v) <= 60 else v[:60] + '…' for v in seen]


def table_page(package: Package, name: str, manifest: list[dict] | None) -> str:
    schema = package.schemas.get(name, {})
    resource = next(r for r in package.descriptor['resources'] if r.get('name') == name)
    rows = package.rows(name)
    out = [front_matter(title=f'Table {name}'), f'# {md(name)}\n',
           f"{md(resource.get('description') or schema.get('description', ''))}\n",
           f"{md(schema.get('description_zh', ''))}\n"]
    key = primary_key(schema)
    facts = [('Rows', str(len(rows))), ('File', code(resource.get('path', ''))),
             ('Primary key', ', '.join(code(k) for k in key) or '(none)')]
    files = table_downloads(name, manifest)
    if files:
        facts.append(('Downloads', ' · '.join(link(md(f), f'../download.md#{download_anchor(f)}') for f in files)))
    out.append(facts_md(facts))
    fks = foreign_keys(schema)
    referenced_by = [(other, fields, ref_fields) for other in table_order(package)
                     for fields, ref, ref_fields in foreign_keys(package.schemas.get(other, {})) if ref == name]
    if fks or referenced_by:
        out.append('## Links to other tables {#links}\n')
        items = [f"- {', '.join(code(f) for f in fields)} refers to {table_link(ref or name)} "
                 f"({', '.join(code(f) for f in ref_fields)})" for fields, ref, ref_fields in fks]
        items += [f"- {table_link(other)} ({', '.join(code(f) for f in fields)}) refers to this table "
                  f"({', '.join(code(f) for f in ref_fields)})" for other, fields, ref_fields in referenced_by]
        out.append('\n'.join(items) + '\n')
    out.append('## Fields {#fields}\n')
    for spec in schema.get('fields', []):
        fname = spec.get('name', '')
        out.append(f"### {md(fname)} {{#field-{page_name(fname.replace('_', '-'))}}}\n")
        type_text = md(spec.get('type', 'any')) + (f" ({md(spec['format'])})" if spec.get('format') not in (None, 'default') else '')
        out.append(facts_md([
            ('Type', type_text), ('Constraints', constraints_text(spec)),
            ('Description', md(spec.get('description', ''))), ('说明', md(spec.get('description_zh', ''))),
            ('Examples', ' · '.join(code(v) for v in examples(rows, fname)) or '(no values)')]))
    return '\n'.join(out)


def table_link(name: str) -> str:
    return link(md(name), f'{page_name(name.replace("_", "-"))}.md') if name else '(unknown)'


def tables_index(package: Package) -> str:
    rows = [[table_link(n), md(next(r for r in package.descriptor['resources'] if r.get('name') == n).get('description', '')),
             md(package.schemas.get(n, {}).get('description_zh', '')), str(len(package.rows(n)))]
            for n in table_order(package)]
    return '\n'.join([
        front_matter(title='Data dictionary'), '# Data dictionary\n',
        'Every table of the package, its fields and how the tables link. The descriptions are read from '
        'the Table Schemas in `schemas/`, the only place where they are written.\n',
        table_md(['Table', 'Description', '说明', 'Rows'], rows),
        '## How the tables link {#diagram}\n',
        'Each curve is a foreign key: it leaves the referring field (left) and ends at the referenced '
        'field (dot). PK marks primary-key fields, FK fields that refer to another table.\n',
        chart_image('tables', 'Diagram of the tables and their foreign keys', '../'),
    ])


# --- charts --------------------------------------------------------------------------------------

def chart_image(name: str, alt: str, prefix: str) -> str:
    return f'![{md(alt)}]({prefix}generated/{name}.svg)\n'


# Up to this many plans the chart has a bar per plan; beyond, it counts plans by number of measures
# (a bar per plan would be unreadable, and at 3,000 plans a 1.3 MB image on the home page).
PLAN_BARS = 40


def measures_per_plan_chart(package: Package) -> str:
    measure_counts = Counter(m.get('plan_id', '') for m in package.rows('measures'))
    plans = package.rows('plans')
    if len(plans) <= PLAN_BARS:
        plans = sorted(plans, key=lambda p: (-measure_counts[p.get('plan_id', '')], p.get('plan_id', '')))
        return sitesvg.horizontal_bars('Measures per plan', [
            sitesvg.Bar(plan_label(p), (measure_counts[p.get('plan_id', '')],)) for p in plans], ['measures'])
    counts = [measure_counts[p.get('plan_id', '')] for p in plans]
    width = max(1, -(-(max(counts) + 1) // 20))  # at most 20 columns
    if width > 1:
        width = -(-width // 5) * 5  # a round number of measures per column
    plans_in = Counter(count // width for count in counts)
    columns = range(max(plans_in) + 1)
    labels = [str(c * width) if width == 1 else f'{c * width}–{c * width + width - 1}' for c in columns]
    return sitesvg.columns(f'Plans by number of measures ({len(plans)} plans)', labels,
                           [(plans_in[c],) for c in columns], ['plans'])


def charts(package: Package, duties_by_agency: dict[str, list[dict[str, str]]]) -> dict[str, str]:
    per_plan = measures_per_plan_chart(package)
    leaders = []
    for agency in package.rows('agencies'):
        counts = Counter(r.get('role', '') for r in duties_by_agency.get(agency.get('agency_id', ''), []))
        if counts['lead'] or counts['responsible']:
            leaders.append(sitesvg.Bar(agency.get('name', ''), (counts['lead'], counts['responsible'])))
    leaders.sort(key=lambda b: (-b.values[0], -b.values[1], b.label))
    lead_chart = sitesvg.horizontal_bars(
        'Agencies by number of lead tasks (top 20)', leaders[:20],
        ['lead (牵头)', 'responsible (责任单位, where the plan does not name a lead)'])
    deadline_years = Counter(m['deadline_date'][:4] for m in package.rows('measures')
                             if re.match(r'^\d{4}-', m.get('deadline_date', '')))
    target_years = Counter(t['year'] for t in package.rows('targets') if re.match(r'^\d{4}$', t.get('year', '')))
    years = sorted(set(deadline_years) | set(target_years))
    axis = [str(y) for y in range(int(years[0]), int(years[-1]) + 1)] if years else []
    deadlines = sitesvg.columns('Deadlines and target years', axis,
                                [(deadline_years[y], target_years[y]) for y in axis],
                                ['measures due (dated deadlines)', 'targets set for the year'])
    boxes, edges = [], []
    for name in table_order(package):
        schema = package.schemas.get(name, {})
        fks = foreign_keys(schema)
        boxes.append(sitesvg.Box(name, [f.get('name', '') for f in schema.get('fields', [])],
                                 set(primary_key(schema)), {f for fields, _, _ in fks for f in fields}))
        edges += [(name, f, ref or name, rf) for fields, ref, ref_fields in fks for f, rf in zip(fields, ref_fields)]
    diagram = sitesvg.table_diagram('Tables and foreign keys', boxes, edges)
    return {'measures-per-plan': per_plan, 'lead-agencies': lead_chart, 'deadlines': deadlines, 'tables': diagram}


def charts_fragment(package: Package) -> str:
    undated = sum(1 for m in package.rows('measures') if not m.get('deadline_date'))
    return '\n'.join([
        chart_image('measures-per-plan', 'Measures per plan', ''),
        chart_image('lead-agencies', 'Agencies by number of lead tasks', ''),
        'Plans that name only 责任单位 (responsible units) without telling the lead from the cooperating '
        'agencies are counted in the lighter colour.\n',
        chart_image('deadlines', 'Deadlines and target years', ''),
        f'{undated} of {len(package.rows("measures"))} measures state no dated deadline (ongoing tasks, '
        'or none printed); they are not in this chart.\n',
    ])


# --- home, cite, downloads ----------------------------------------------------------------------

def home_fragment(package: Package) -> str:
    d = package.descriptor
    plans = package.rows('plans')
    counts = [('plans', len(plans)), ('measures', len(package.rows('measures'))),
              ('agencies', len(package.rows('agencies'))), ('agency mentions', len(package.rows('responsibilities'))),
              ('targets', len(package.rows('targets'))), ('coordinating-body members', len(package.rows('members'))),
              ('cited documents', len(package.rows('citations'))), ('curation notes', len(package.rows('curation_notes')))]
    levels = list(LEVELS)
    by_province: dict[str, Counter] = defaultdict(Counter)
    for plan in plans:
        by_province[plan.get('province', '')][plan.get('admin_level', '')] += 1
    rows = [[md(p), *(str(c[l]) for l in levels), str(sum(c.values()))] for p, c in sorted(by_province.items())]
    return '\n'.join([
        f"**Version {md(d.get('version', '(unversioned)'))}** · " + ' · '.join(f'{n} {label}' for label, n in counts) + '\n',
        '## Coverage at a glance {#coverage}\n',
        table_md(['Province', *(md(LEVELS[l]) for l in levels), 'Plans'], rows),
        chart_image('measures-per-plan', 'Measures per plan', ''),
    ])


def licence_md(licence: dict) -> str:
    """A licence as its name and title, linked when its path is a web address."""
    label = ' — '.join(md(x) for x in (licence.get('name', ''), licence.get('title', '')) if x)
    path = licence.get('path', '')
    return f'<a href="{attr(path)}" rel="nofollow noopener">{label}</a>' if re.match(r'^https?://[^\s<>"]+$', path) else label


def cite_fragment(package: Package) -> str:
    d = package.descriptor
    authors = '; '.join(c.get('title', '') for c in d.get('contributors', []) if c.get('title')) or d.get('name', '')
    year = (d.get('created') or '')[:4]
    licences = ', '.join(licence_md(l) for l in d.get('licenses', []) if isinstance(l, dict))
    citation = f"{md(authors)} ({md(year or 'n.d.')}). *{md(d.get('title', ''))}* (version {md(d.get('version', ''))}) [data set]."
    return '\n'.join([
        f'> {citation}\n',
        facts_md([('Package name', code(d.get('name', ''))), ('Version', md(d.get('version', ''))),
                  ('Created', md(d.get('created', ''))), ('Licence', licences or '(none stated)')]),
    ])


def load_manifest(downloads: Path) -> list[dict] | None:
    path = downloads / 'manifest.json'
    if not path.is_file():
        return None
    try:
        entries = json.loads(path.read_text(encoding='utf-8'))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise SiteError(f'{path}: not valid JSON ({error})') from None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get('file'), str) for e in entries):
        raise SiteError(f'{path}: expected a JSON list of objects with "file", "bytes", "sha256", "description"')
    return entries


def download_anchor(file: str) -> str:
    return 'file-' + re.sub(r'[^a-z0-9]+', '-', file.lower()).strip('-')


def download_table(file: str, tables: list[str]) -> str | None:
    """The table a download holds alone (TABLE.csv, TABLE_excel.csv, TABLE.parquet …), if any."""
    stem = Path(file).name.split('.')[0]
    return next((t for t in tables if re.fullmatch(rf'{re.escape(t)}(_[a-z]+)?', stem)), None)


def table_downloads(name: str, manifest: list[dict] | None) -> list[str]:
    """Files of the manifest that hold this one table, in any format."""
    return [e['file'] for e in manifest or [] if download_table(e['file'], [name]) == name]


def human_size(size: int) -> str:
    for unit in ('bytes', 'KB', 'MB', 'GB'):
        if size < 1024 or unit == 'GB':
            return f'{size} {unit}' if unit == 'bytes' else f'{size:.1f} {unit}'
        size /= 1024
    return str(size)


def downloads_fragment(manifest: list[dict] | None, downloads: Path, tables: list[str]) -> str:
    """The downloads as a table: whole-package files first, then each table's files in table order."""
    if manifest is None:
        return ('!!! warning "The downloads were not built"\n\n'
                '    This copy of the site was built without the download files. `make site` writes them '
                '(with `scripts/export.py`) before it builds the site.\n')
    rows = []
    order = {name: index for index, name in enumerate(tables)}
    for entry in sorted(manifest, key=lambda e: (order.get(download_table(e['file'], tables) or '', -1), e['file'])):
        file = entry['file']
        safe = not (Path(file).is_absolute() or '..' in Path(file).parts)
        name = md(file)
        if safe and (downloads / file).is_file():
            name = f'<a id="{download_anchor(file)}"></a>' + link(name, 'downloads/' + quote(file))
        else:
            name = f'<a id="{download_anchor(file)}"></a>{name} (missing)'
        size = entry.get('bytes')
        rows.append([name, md(entry.get('description', '')),
                     f'{human_size(size)}<br>({size} bytes)' if isinstance(size, int) else md(size or ''),
                     code(entry.get('sha256', ''))])
    return table_md(['File', 'What it holds', 'Size', 'SHA-256'], rows) + (
        '\nCheck a file with `sha256sum FILE` (Linux), `shasum -a 256 FILE` (macOS) or '
        '`certutil -hashfile FILE SHA256` (Windows).\n')


# --- writing and building -------------------------------------------------------------------

def archived_source(package: Package, plan: dict[str, str]) -> Path | None:
    """The plan's archived raw text, when it lies in data/sources/ and exists."""
    relative = plan.get('source_file', '')
    if not re.match(r'^data/sources/[A-Za-z0-9_.-]+\.txt$', relative):
        return None
    path = package.directory / relative
    return path if path.is_file() else None


def generate(package: Package, docs: Path, downloads: Path) -> int:
    """Write every generated page into `docs`; return how many Markdown pages were written."""
    for name in GENERATED_DIRS:
        shutil.rmtree(docs / name, ignore_errors=True)
        (docs / name).mkdir(parents=True)
    written = 0

    def write(relative: str, text: str) -> None:
        nonlocal written
        path = docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding='utf-8', newline='\n')
        written += relative.endswith('.md') and not relative.startswith('generated/')

    duties = responsibilities_by_measure(package)
    facts = AgencyFacts.of(package)
    manifest = load_manifest(downloads)

    for plan in package.rows('plans'):
        write(f"plans/{page_name(plan.get('plan_id', ''))}.md", plan_page(package, plan, duties))
        source = archived_source(package, plan)
        if source:
            (docs / 'generated' / 'sources').mkdir(exist_ok=True)
            shutil.copyfile(source, docs / 'generated' / 'sources' / source.name)
    by_region: dict[str, list[dict[str, str]]] = defaultdict(list)
    for agency in package.rows('agencies'):
        by_region[agency.get('region_code', '')].append(agency)
    for code, agencies in sorted(by_region.items()):
        write(f'agencies/{page_name(code)}.md', region_page(package, code, agencies, facts))
    write('plans/index.md', plans_index(package))
    write('agencies/index.md', agencies_index(package, facts))
    write('tables/index.md', tables_index(package))
    for name in table_order(package):
        write(f"tables/{page_name(name.replace('_', '-'))}.md", table_page(package, name, manifest))
    for name, svg in charts(package, facts.duties).items():
        write(f'generated/{name}.svg', svg)
    write('generated/home.md', home_fragment(package))
    write('generated/charts.md', charts_fragment(package))
    write('generated/cite.md', cite_fragment(package))
    write('generated/downloads.md', downloads_fragment(manifest, downloads, table_order(package)))
    # The repository's own files are the one home of these pages' text.
    for name, title in (('CHANGELOG.md', 'Changelog'), ('CONTRIBUTING.md', 'Contributing')):
        source = ROOT / name
        write(f'generated/{name.lower()}', source.read_text(encoding='utf-8') if source.is_file()
              else f'# {title}\n\nNo {name} was found in the repository.\n')
    return written


def source_date_epoch(descriptor: dict) -> str:
    """The package's own date as the build date (sitemap lastmod and gzip header), so builds repeat exactly."""
    if os.environ.get('SOURCE_DATE_EPOCH'):
        return os.environ['SOURCE_DATE_EPOCH']
    try:
        created = datetime.fromisoformat(str(descriptor.get('created', '')).replace('Z', '+00:00'))
    except ValueError:
        return '0'
    if created.tzinfo is None:
        created = created.replace(tzinfo=timezone.utc)
    return str(int(created.timestamp()))


def prepare_work(work: Path) -> None:
    """Copy mkdocs.yml, the theme overrides, the MkDocs hook and the hand-written pages (not generated ones, not downloads) into `work`."""
    work.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / 'mkdocs.yml', work / 'mkdocs.yml')
    for folder in ('overrides', 'hooks'):
        shutil.rmtree(work / folder, ignore_errors=True)
        shutil.copytree(ROOT / folder, work / folder, ignore=shutil.ignore_patterns('__pycache__'))
    skip = set(GENERATED_DIRS) | {'downloads'}
    if (work / 'docs').exists():
        shutil.rmtree(work / 'docs')
    shutil.copytree(ROOT / 'docs', work / 'docs', ignore=lambda d, names: [n for n in names if Path(d) == ROOT / 'docs' and n in skip])


def build(work: Path, site_dir: Path, epoch: str) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING='1', SOURCE_DATE_EPOCH=epoch)
    # Not --quiet: that silences the warnings which --strict counts, and a broken link would pass.
    command = [sys.executable, '-m', 'mkdocs', 'build', '--strict',
               '--config-file', str(work / 'mkdocs.yml'), '--site-dir', str(site_dir.resolve())]
    result = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True)
    lines = [l for l in result.stderr.splitlines() if l.strip() and not l.startswith('INFO')]
    if result.returncode != 0:
        raise SiteError('mkdocs build failed:\n' + '\n'.join(lines))
    if lines:
        print('\n'.join(lines), file=sys.stderr)
    index_for_search(site_dir)


def index_for_search(site_dir: Path) -> None:
    """Index the built pages with Pagefind into site_dir/pagefind/.

    One Chinese index for every page (the pages mix Chinese data with English labels), so that
    Pagefind Extended segments the Chinese words; permalink signs are left out of the text.
    Only the content marked data-pagefind-body (overrides/main.html) is indexed.
    """
    command = [sys.executable, '-m', 'pagefind', '--site', str(site_dir.resolve()), '--force-language', 'zh',
               '--exclude-selectors', '.headerlink', '--quiet']
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SiteError('mkdocs build failed: Pagefind could not index the site:\n' + (result.stderr or result.stdout).strip())


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog='Exit status: 0 built, 1 build failed, 2 unusable arguments or input.')
    parser.add_argument('--package', type=Path, default=ROOT, help='package directory (default: this repository)')
    parser.add_argument('--site-dir', type=Path, default=ROOT / 'site', help='where to build the site (default: site/)')
    parser.add_argument('--work', type=Path, help='build directory: copy mkdocs.yml and docs/ there and generate '
                                                  'into it (default: generate into this repository\'s docs/)')
    parser.add_argument('--downloads', type=Path, help='folder with the download files and manifest.json, copied '
                                                       'into the site (default: docs/downloads of the build)')
    parser.add_argument('--no-build', action='store_true', help='generate the Markdown pages only')
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    try:
        package = load_package(args.package.resolve())
        if args.work:
            prepare_work(args.work)
            work = args.work
        else:
            work = ROOT
        docs = work / 'docs'
        if args.downloads and args.downloads.resolve() != (docs / 'downloads').resolve():
            if not args.downloads.is_dir():
                raise SiteError(f'{args.downloads}: no such folder')
            shutil.rmtree(docs / 'downloads', ignore_errors=True)
            shutil.copytree(args.downloads, docs / 'downloads')
        pages = generate(package, docs, docs / 'downloads')
        generated = time.monotonic()
        if not args.no_build:
            build(work, args.site_dir, source_date_epoch(package.descriptor))
    except SiteError as error:
        print(f'site.py: {error}', file=sys.stderr)
        return 1 if str(error).startswith('mkdocs build failed') else 2
    where = 'generated' if args.no_build else f'built into {args.site_dir}'
    finished = time.monotonic()
    print(f'site.py: {pages} data pages {where} in {finished - started:.1f} s'
          + ('' if args.no_build else f' (pages written in {generated - started:.1f} s, MkDocs and Pagefind '
                                      f'{finished - generated:.1f} s)'))
    return 0


if __name__ == '__main__':
    sys.exit(main())
