"""Plan pages: one page per plan (plans/<plan>.md) with its facts, its source and how reliable it
is, who does what (each agency it names, with its tasks by role), the curation notes, every measure
in order with the agencies named for it, its targets, the members of its coordinating bodies and
the documents it cites. Every measure text is indexed for search here, once, in Chinese and in the
curators' English (each heading, measure text, body and post is followed by its English, marked
lang="en"; the Chinese is marked lang="zh")."""
from __future__ import annotations

from collections import Counter, defaultdict
import re
from typing import Iterator

from ipplans.site.labels import columns, field_label, value_words
from ipplans.site.links import agency_link, measure_href, measure_number, plan_href, source_href, with_english_name
from ipplans.site.markup import (a, attr, built, external_link, facts_html, front_matter, heading, md, page_name,
                                 raw_block, table_html, translation, zh_en)
from ipplans.site.model import Row, Site, most_tasks_first, plan_label, sort_number

FOLDERS = ('plans',)


def pages(site: Site) -> Iterator[tuple[str, str]]:
    for plan in site.rows('plans'):
        yield plan_href(plan.get('plan_id', ''), ''), plan_page(site, plan)


def plan_page(site: Site, plan: Row) -> str:
    plan_id = plan.get('plan_id', '')
    measures = site.measures_in_order(plan_id)
    english_title = translation(plan.get('title_en', ''), 'p')
    body = '\n'.join(part for part in [
        who_does_what(site, measures),
        curation_notes(site, plan_id),
        measures_markdown(site, measures),
        targets(site, plan_id),
        members(site, plan_id),
        citations(site, plan_id),
    ] if part)
    return '\n'.join(part for part in [
        front_matter(title=plan.get('title', plan_id)),
        f"# <span lang=\"zh\">{md(plan.get('title', plan_id))}</span>\n",
        english_title and f'{english_title}\n',
        contents(body),
        about_block(site, plan, measures),
        body,
    ] if part)


HEADING = re.compile(r'^(#{2,3}) (.+) \{#([^}]+)\}$', re.M)


def contents(markdown: str) -> str:
    """The page's own ## and ### headings as a list of links, for phones: Material shows a page's table
    of contents in the drawer only for pages in the navigation, and plan pages are not (the
    stylesheet hides the list where the sidebar shows the table of contents)."""
    headings = HEADING.findall(markdown)
    if len(headings) < 2:
        return ''
    items = [f'<li class="level-{len(hashes)}"><a href="#{attr(anchor)}">{text}</a></li>' for hashes, text, anchor in headings]
    return raw_block(['<nav class="page-contents" aria-label="Contents 目录"><details>',
                      '<summary>Contents 目录</summary>', '<ul>', *items, '</ul>', '</details></nav>'])


def about_block(site: Site, plan: Row, measures: list[Row]) -> str:
    """The plan's facts and its source, with a warning when the source is a repost or the plan a draft."""
    plan_id = plan.get('plan_id', '')
    schema = site.schema('plans')
    source = [md(value_words(schema, 'source_type', plan.get('source_type', '')))]
    if plan.get('source_url'):
        source.append(external_link(plan['source_url']))
    archived = site.archived_source(plan)
    if archived:
        source.append(a('archived source text', source_href(archived.name)))
    duties = site.duties_by_measure
    agencies_named = {r.get('agency_id') for m in measures for r in duties.get(m.get('measure_id', ''), [])}
    targets = site.by_plan('targets').get(plan_id, [])

    def fact(field: str, value: str) -> tuple[str, str]:
        return field_label(schema, field), value

    meta = [
        fact('plan_id', md(plan_id)),
        fact('doc_number', md(plan.get('doc_number', '')) or '(none printed)'),
        fact('issuer', md(plan.get('issuer', ''))),
        fact('publisher', md(plan.get('publisher', ''))),
        fact('region_name', f"{md(plan.get('region_name', ''))} ({md(plan.get('region_code', ''))}), "
                            f"{md(plan.get('province', ''))}"),
        fact('admin_level', md(site.levels.get(plan.get('admin_level', ''), plan.get('admin_level', '')))),
        fact('date_signed', md(plan.get('date_signed', ''))),
        fact('date_published', md(plan.get('date_published', ''))),
        fact('status', md(value_words(schema, 'status', plan.get('status', '')))),
        ('Source 来源', ' · '.join(s for s in source if s)),
        ('Contents', f'{len(measures)} measures, {len(targets)} targets, {len(agencies_named)} agencies named'),
        ('English 英译', "under each Chinese text, the curators' translation, not an official one: the Chinese is "
                         f"authoritative ({a('how we translate', '../../translation/')}; 整理者译文，以中文为准)"),
    ]
    caution = plan.get('source_type') in site.caution_sources or plan.get('status') == 'draft_for_comment'
    kind = 'warning' if caution else 'note'
    # The admonition as the admonition extension writes it.
    # Search results name the plan by region and title (many plans share a title); not shown, not indexed.
    title = f'<span hidden data-pagefind-ignore data-pagefind-meta="title">{md(plan_label(plan))}</span>'
    return raw_block([title, facts_html(meta), f'<div class="admonition {kind}"><p class="admonition-title">'
                      f'Source and its reliability</p>', f'<p>{md(plan.get("source_note", ""))}</p></div>'])


def section(heading_line: str, header: list[str], rows: list[list[str]], intro: str = '') -> str:
    """A section of the page holding one table, or nothing when there are no rows."""
    if not rows:
        return ''
    return '\n'.join(part for part in (heading_line, intro, raw_block([table_html(header, rows)])) if part)


def who_does_what(site: Site, measures: list[Row]) -> str:
    """Who does what 谁做什么: each agency named in the plan's measures with its tasks here, a column per
    role the plan uses (the count, then the numbers linked to the measures below); the agencies that
    lead most first."""
    tasks: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for measure in measures:
        for duty in site.duties_by_measure.get(measure.get('measure_id', ''), []):
            if duty.get('role') in site.roles:
                tasks[duty.get('agency_id', '')][duty['role']].append(measure)
    roles = [role for role in site.roles if any(role in mine for mine in tasks.values())]

    def order(agency_id: str) -> tuple:
        counts = Counter({role: len(mine) for role, mine in tasks[agency_id].items()})
        return *most_tasks_first(counts, site.agencies.get(agency_id, {}).get('name', '')), agency_id

    def cell(mine: list[Row]) -> str:
        numbers = ' · '.join(a(measure_number(m), f"#{page_name(m.get('measure_id', ''))}") for m in mine)
        return f'{len(mine)}: {numbers}' if mine else ''
    header = [field_label(site.schema('responsibilities'), 'agency_id'), *(md(site.roles[role]) for role in roles)]
    return section('## Who does what 谁做什么 {#who-does-what}\n', header, [
        [with_english_name(agency_link(site, agency_id), site.agencies.get(agency_id, {})),
         *(cell(tasks[agency_id].get(role, [])) for role in roles)]
        for agency_id in sorted(tasks, key=order)],
        'Each agency the measures below name, with its tasks in this plan by role: how many, and their numbers.\n')


def curation_notes(site: Site, plan_id: str) -> str:
    notes = site.by_plan('curation_notes').get(plan_id, [])
    header = ['Table · field', *columns(site.schema('curation_notes'), 'row_key', 'note')]
    return section('## Curation notes {#curation-notes}\n', header, [
        [md(f"{n.get('table_name', '')}.{n.get('field', '')}"), md(n.get('row_key', '')), md(n.get('note', ''))]
        for n in notes], 'Every decision taken in turning the source into rows (from the curation_notes table).\n')


def target_measure(site: Site, target: Row) -> str:
    if target.get('measure_id') not in site.measures:
        return md(target.get('measure_id', ''))
    measure = site.measures[target['measure_id']]
    return a(md(measure.get('number', '')), built(measure_href(measure)))


def targets(site: Site, plan_id: str) -> str:
    rows = sorted(site.by_plan('targets').get(plan_id, []), key=lambda t: (sort_number(t.get('year', '')), t.get('target_id', '')))
    header = columns(site.schema('targets'), 'year', 'indicator', 'value', 'qualifier', 'text', 'measure_id')
    return section('## Targets {#targets}\n', header, [
        [md(t.get('year', '')), f"{md(t.get('indicator', ''))}<br>{md(t.get('indicator_en', ''))}",
         md(' '.join(x for x in (t.get('value', ''), t.get('unit', '')) if x)), md(t.get('qualifier', '')),
         md(t.get('text', '')), target_measure(site, t)]
        for t in rows])


def members(site: Site, plan_id: str) -> str:
    rows = sorted(site.by_plan('members').get(plan_id, []), key=lambda r: sort_number(r.get('seq', '')))
    header = columns(site.schema('members'), 'body', 'role', 'name', 'post', 'agency_id')
    return section('## Members of coordinating bodies {#members}\n', header, [
        [zh_en(m.get('body', ''), m.get('body_en', ''), '<br>'), md(m.get('role', '')), md(m.get('name', '')),
         zh_en(m.get('post', ''), m.get('post_en', ''), '<br>') if m.get('post', '').strip() else '',
         agency_link(site, m['agency_id']) if m.get('agency_id') else md(m.get('agency_as_printed', ''))]
        for m in rows])


def citations(site: Site, plan_id: str) -> str:
    rows = sorted(site.by_plan('citations').get(plan_id, []), key=lambda r: sort_number(r.get('seq', '')))
    fields = ('cited_title', 'cited_doc_number', 'cited_doc_number_normalized', 'cited_in', 'note')
    return section('## Documents cited {#citations}\n', columns(site.schema('citations'), *fields),
                   [[md(c.get(field, '')) for field in fields] for c in rows])


def responsibility_text(site: Site, row: Row) -> str:
    """The agency linked, with the string as printed when it differs from the canonical name (HTML)."""
    text = agency_link(site, row.get('agency_id', ''))
    printed = row.get('as_printed', '')
    name = site.agencies.get(row.get('agency_id', ''), {}).get('name', '')
    if printed and printed != name:
        text += f' (as printed: {md(printed)})'
    return text


def measure_html(site: Site, measure: Row) -> list[str]:
    """A measure as HTML parts: its number as a heading, its text, its agencies by role and its deadline."""
    facts = []
    duties = site.duties_by_measure.get(measure.get('measure_id', ''), [])
    for role, label in site.roles.items():
        named = [responsibility_text(site, r) for r in duties if r.get('role') == role]
        if named:
            facts.append((label, ' · '.join(named)))
    if measure.get('deadline') or measure.get('deadline_date'):
        date = f" ({md(measure['deadline_date'])})" if measure.get('deadline_date') else ''
        facts.append((field_label(site.schema('measures'), 'deadline'), f"{md(measure.get('deadline', ''))}{date}"))
    return [heading(4, md(measure.get('number', '')), page_name(measure.get('measure_id', ''))),
            f"<p lang=\"zh\">{md(measure.get('text', ''))}</p>",
            translation(measure.get('text_en', ''), 'p'),
            facts_html(facts) if facts else '']


def heading_text(chinese: str, english: str, missing: str) -> str:
    """A chapter or section heading: the Chinese as printed with the curators' English after it."""
    return zh_en(chinese, english) if chinese.strip() else missing


def measures_markdown(site: Site, measures: list[Row]) -> str:
    """Chapters (when the plan has them) and sections as Markdown headings (the page's table of
    contents), each section's measures under it as one raw HTML block."""
    if not measures:
        return '## Measures {#measures}\n\nThe package holds no measures for this plan.\n'
    out: list[str] = []
    block: list[str] = []
    has_chapters = any(m.get('chapter') for m in measures)
    chapter = section_title = None
    count = 0
    if not has_chapters:
        out.append('## Measures {#measures}\n')
    for measure in measures:
        if has_chapters and measure.get('chapter', '') != chapter:
            out.append(raw_block(block) if block else '')
            block = []
            chapter, section_title = measure.get('chapter', ''), None
            count += 1
            out.append(f"## {heading_text(chapter, measure.get('chapter_en', ''), '(no chapter heading)')} {{#part-{count}}}\n")
        if measure.get('section', '') != section_title:
            out.append(raw_block(block) if block else '')
            block = []
            section_title = measure.get('section', '')
            count += 1
            out.append(f"### {heading_text(section_title, measure.get('section_en', ''), '(no section heading)')} {{#part-{count}}}\n")
        block += measure_html(site, measure)
    out.append(raw_block(block) if block else '')
    return '\n'.join(part for part in out if part)
