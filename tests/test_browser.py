"""The site in a real browser (Debian's Chromium driven by Playwright), as a reader uses it.

Each test opens pages through a local HTTP server, records every request the
browser makes (requests to any other host are aborted and reported), every
console error and every dialog, and checks them at the end.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from urllib.parse import quote, unquote, urlparse

import pytest

import sitekit
from conftest import ROOT, read_rows

LOCAL_HOSTS = {'127.0.0.1', 'localhost', '[::1]', '::1'}
LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
               '--disable-sync', '--no-first-run']


@pytest.fixture(scope='module')
def browser():
    if not sitekit.CHROMIUM.exists():
        pytest.skip(f'Chromium not found at {sitekit.CHROMIUM} (apt-get install chromium; .ci/run installs it)')
    sync_api = pytest.importorskip('playwright.sync_api')
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(sitekit.CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope='module')
def base(tmp_path_factory):
    with sitekit.serve(sitekit.real_site(tmp_path_factory.getbasetemp())) as address:
        yield address


@pytest.fixture(scope='module')
def xss_base(tmp_path_factory):
    with sitekit.serve(sitekit.xss_site(tmp_path_factory.getbasetemp())) as address:
        yield address


class Reader:
    """A browser tab that records what leaves the machine, console errors and dialogs."""

    def __init__(self, browser, **options) -> None:
        self.context = browser.new_context(**{'viewport': {'width': 1280, 'height': 900}, **options})
        self.foreign: list[str] = []
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route('**/*', self._route)
        self.page = self.context.new_page()
        self.page.on('console', lambda m: m.type == 'error' and self.errors.append(m.text))
        self.page.on('pageerror', lambda e: self.errors.append(str(e)))
        self.page.on('dialog', self._dialog)

    def _route(self, route) -> None:
        url = route.request.url
        self.requests.append(url)
        if urlparse(url).scheme in ('data', 'blob') or urlparse(url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def check(self) -> None:
        assert self.requests, 'the browser made no request at all'
        assert not self.foreign, f'requests to other hosts: {self.foreign}'
        assert not self.errors, f'console errors: {self.errors}'
        assert not self.dialogs, f'dialogs opened: {self.dialogs}'


@pytest.fixture
def reader(browser):
    tab = Reader(browser)
    yield tab
    tab.context.close()


def h1(reader: Reader) -> str:
    return reader.page.locator('article h1').first.inner_text().replace('¶', '').strip()


def test_home_to_a_plan_to_one_of_its_agencies_and_back(reader, base):
    plan = next(p for p in read_rows(ROOT, 'plans') if p['plan_id'] == 'tianjin-dongli-2020-2021')
    agencies = {a['agency_id']: a['name'] for a in read_rows(ROOT, 'agencies')}
    page = reader.page
    page.goto(base + '/')
    assert 'China local IP-protection plans' in h1(reader)
    page.locator('nav.md-nav--primary a', has_text='Plans').first.click()
    page.wait_for_url(base + '/plans/')
    page.locator('article a', has_text=plan['title']).first.click()
    page.wait_for_url(f"{base}/plans/{plan['plan_id']}/")
    assert h1(reader) == plan['title']
    link = page.locator('article a[href*="/agencies/"]').first
    region, agency_id = re.fullmatch(r'\.\./\.\./agencies/(\d{6})/#([a-z0-9-]+)', link.get_attribute('href')).groups()
    link.click()
    page.wait_for_url(f'{base}/agencies/{region}/#{agency_id}')
    heading = page.locator(f'article h2[id="{agency_id}"]')
    assert heading.inner_text().replace('¶', '').strip() == agencies[agency_id]
    assert heading.evaluate('h => { const r = h.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }'), \
        'the page did not scroll to the agency'
    back = page.locator(f'article [id="{agency_id}--{plan["plan_id"]}"] a[href*="/plans/{plan["plan_id"]}/"]')
    assert back.count() > 0, 'the agency section does not lead back to the plan'
    page.go_back()
    page.wait_for_url(f"{base}/plans/{plan['plan_id']}/")
    assert h1(reader) == plan['title']
    reader.check()


# A phone (iPhone 12–14 size) and a desktop screen.
SCREENS = {'phone': dict(viewport={'width': 390, 'height': 844}, device_scale_factor=3, is_mobile=True, has_touch=True),
           'desktop': dict(viewport={'width': 1280, 'height': 900})}


@pytest.mark.parametrize('screen', list(SCREENS))
def test_a_reader_reads_every_lead_task_of_a_bureau_on_its_section(browser, base, screen):
    """On the section of Rongchang's market-regulation bureau a reader reads the text of every task it
    leads, with the curators' English, without leaving the page: opening the list when it is closed."""
    agency_id = 'rongchang-market-regulation'
    measures = {m['measure_id']: m for m in read_rows(ROOT, 'measures')}
    lead = [measures[d['measure_id']] for d in read_rows(ROOT, 'responsibilities') if d['agency_id'] == agency_id and d['role'] == 'lead']
    assert lead
    role = next(f for f in json.loads((ROOT / 'schemas' / 'responsibilities.json').read_text(encoding='utf-8'))['fields']
                if f['name'] == 'role')['enumLabels']['lead']
    reader = Reader(browser, **SCREENS[screen])
    try:
        page = reader.page
        address = f'{base}/{sitekit.agency_address(agency_id)}'
        page.goto(address)
        width = SCREENS[screen]['viewport']['width']
        for plan_id in sorted({m['plan_id'] for m in lead}):
            mine = [m for m in lead if m['plan_id'] == plan_id]
            details = page.locator(f'section:has([id="{agency_id}--{plan_id}"]) details',
                                   has=page.locator('summary', has_text=f"{role['en']} {role['zh']} ({len(mine)})"))
            assert details.count() == 1, plan_id
            if not details.evaluate('d => d.open'):
                details.locator('summary').click()
            assert details.evaluate('d => d.open')
            for measure in mine:
                item = details.locator('li', has=page.locator(f'a[href$="/plans/{plan_id}/#{measure["measure_id"]}"]'))
                item.scroll_into_view_if_needed()
                assert item.is_visible(), measure['measure_id']
                text = sitekit.squash(item.inner_text())
                assert sitekit.squash(measure['text']) in text and sitekit.squash(measure['text_en']) in text, measure['measure_id']
                assert item.evaluate('e => { const r = e.getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth; }'), \
                    f"{measure['measure_id']}: the text runs off the screen"
        assert page.url == address, 'the reader had to leave the page'
        assert page.evaluate('document.documentElement.scrollWidth') <= width, 'the page scrolls sideways'
        reader.check()
    finally:
        reader.context.close()


def wait_for_results(page, query: str) -> list[str]:
    """Wait until Pagefind's interface shows its results for `query`; return their links (pages and
    sections within them)."""
    page.wait_for_function(
        "(query) => document.querySelector('.pagefind-ui__message')?.textContent.endsWith(' for ' + query)", arg=query)
    assert page.locator('.pagefind-ui__message').inner_text().split()[0] != 'No', query
    page.locator('a.pagefind-ui__result-link').first.wait_for()  # results load after the count shows
    # ...one by one: placeholders (class pagefind-ui__loading) stand in until each has loaded
    page.wait_for_function("() => !document.querySelector('.pagefind-ui__loading')")
    assert page.locator('.pagefind-ui__search-input').input_value() == query
    return [a.get_attribute('href') for a in page.locator('a.pagefind-ui__result-link').all()]


def search(reader: Reader, base: str, query: str) -> list[str]:
    """Type `query` into the search box in the header of the home page and press Enter, as a reader
    does; return the links of the results shown in the panel under the header."""
    page = reader.page
    page.goto(base + '/')
    box = page.locator('header .pf-header-search input')
    box.fill(query)
    box.press('Enter')
    links = wait_for_results(page, query)
    assert page.url == base + '/', 'the results should show on the page the reader is on'
    assert page.locator('.pf-panel').is_visible()
    return links


def index_hits(reader: Reader, base: str, query: str) -> list[str]:
    """Every section link the search index returns for `query`, all results and all their sections
    (the search page shows the first few and loads more on request), through Pagefind's own API and
    the search page's own preparation of the query (its words separated)."""
    page = reader.page
    page.goto(base + '/search/')
    return page.evaluate("""async (query) => {
        const pagefind = await import('../pagefind/pagefind.js');
        const found = await pagefind.search(window.searchTerms(query));
        const links = [];
        for (const result of found.results) {
            const data = await result.data();
            links.push(data.url, ...data.sub_results.map(s => s.url));
        }
        return links;
    }""", query)


def measure_hits(links: list[str]) -> list[str]:
    """The measures a list of result links points at (their anchors on plan pages)."""
    measure_ids = {m['measure_id'] for m in read_rows(ROOT, 'measures')}
    return [urlparse(l).fragment for l in links
            if urlparse(l).path.startswith('/plans/') and urlparse(l).fragment in measure_ids]


def test_search_for_a_chinese_term_reaches_the_measures_that_contain_it(reader, base):
    query = '地理标志'
    expected = {m['measure_id'] for m in read_rows(ROOT, 'measures') if query in m['text']}
    assert expected
    assert set(measure_hits(index_hits(reader, base, query))) == expected
    links = search(reader, base, query)
    shown = set(measure_hits(links))
    assert shown and shown <= expected, shown - expected
    first = next(l for l in links if urlparse(l).fragment in expected)
    reader.page.locator(f'a.pagefind-ui__result-link[href="{first}"]').first.click()
    anchor = urlparse(first).fragment
    reader.page.wait_for_url(re.compile(rf'/plans/[a-z0-9-]+/.*#{anchor}$'))
    heading = reader.page.locator(f'[id="{anchor}"]')
    assert heading.is_visible()
    following = heading.evaluate('h => h.nextElementSibling.textContent')
    assert query in following
    reader.check()


@pytest.mark.parametrize('query', ['市场监管局', '知识产权'])
def test_search_finds_agencies_and_common_terms_in_the_measures(reader, base, query):
    duties = defaultdict(str)
    for duty in read_rows(ROOT, 'responsibilities'):
        duties[duty['measure_id']] += duty['as_printed']
    containing = {m['measure_id'] for m in read_rows(ROOT, 'measures') if query in m['text'] + duties[m['measure_id']]}
    hits = set(measure_hits(index_hits(reader, base, query)))
    assert containing <= hits, f'{query}: measures not found: {sorted(containing - hits)}'
    # A page is a result when it holds every word of the query (市场 监管), but the sections shown
    # under it are those holding any of them, so a measure with the words apart may come up too;
    # nine in ten measures found must contain the query itself.
    wrong = hits - containing
    assert len(wrong) <= len(hits) // 10, f'{query}: measures found that do not contain it: {wrong}'
    assert search(reader, base, query), f'{query}: the search page shows no result'
    reader.check()


@pytest.mark.parametrize('query, chinese', [('trade secret', '商业秘密'), ('geographical indication', '地理标志')])
def test_an_english_query_finds_the_measures_through_the_curators_english(reader, base, query, chinese):
    """English queries find what the Chinese finds: the measures whose English (measures.text_en, the
    guide's rendering of the Chinese term) holds the query are all in the index's results, and the
    search page lists only such measures, among them ones whose Chinese holds the term."""
    measures = {m['measure_id']: m for m in read_rows(ROOT, 'measures')}
    holding = {i for i, m in measures.items() if query in m['text_en'].lower()}
    assert {i for i in holding if chinese in measures[i]['text']}, f'no measure renders {chinese} as {query}'
    hits = set(measure_hits(index_hits(reader, base, query)))
    assert holding <= hits, f'{query}: measures not found: {sorted(holding - hits)}'
    # "trade" begins "trademark" too: the sections listed under a page are those holding every word.
    shown = set(measure_hits(search(reader, base, query)))
    assert shown and shown <= holding, shown - holding
    assert any(chinese in measures[i]['text'] for i in shown)
    reader.check()


def test_a_compound_term_finds_the_pages_holding_all_its_words_not_just_the_first(reader, base):
    # Left to itself Pagefind would look for 知识 alone: every plan would come up.
    query = '知识产权保护中心'
    containing = {m['measure_id'] for m in read_rows(ROOT, 'measures') if query in m['text']}
    assert containing
    plans = {m['plan_id'] for m in read_rows(ROOT, 'measures') if m['measure_id'] in containing}
    links = index_hits(reader, base, query)
    assert containing <= set(measure_hits(links))
    pages = {urlparse(l).path for l in links if not urlparse(l).fragment}
    assert {f'/plans/{p}/' for p in plans} <= pages
    assert len(pages) < len({urlparse(l).path for l in index_hits(reader, base, '知识') if not urlparse(l).fragment})
    # The search page says which plan each result is: region and title (plans often share a title).
    search(reader, base, query)
    titles = reader.page.locator('.pagefind-ui__result-title').all_inner_texts()
    labels = {f"{plan['region_name']} · {plan['title']}" for plan in read_rows(ROOT, 'plans')}
    assert labels & set(titles), titles
    assert not {plan['title'] for plan in read_rows(ROOT, 'plans')} & set(titles), titles
    reader.check()


def test_an_agency_is_found_by_its_name_and_by_an_alias_printed_in_a_plan(reader, base):
    agency = next(a for a in read_rows(ROOT, 'agencies') if a['agency_id'] == 'dongli-market-regulation')
    section = sitekit.agency_address(agency['agency_id'])
    for query in (agency['name'], '区市场监管局'):
        assert f'/{section}' in index_hits(reader, base, query), query
    reader.check()


def test_a_region_s_name_finds_its_agencies_page(reader, base):
    """A reader types a district's name (东丽区): the browser cuts a name it does not know into single
    characters, which find nothing the index keeps in longer words; every region with agencies in the
    package is found by its name as the register spells it."""
    regions = {r['region_code']: r['name'] for r in read_rows(ROOT, 'regions')}
    codes = {a['region_code'] for a in read_rows(ROOT, 'agencies') if a['region_code']}
    missed = [regions[code] for code in sorted(codes)
              if f'/agencies/{code}/' not in {urlparse(l).path for l in index_hits(reader, base, regions[code])}]
    assert not missed, f'regions whose agencies page their name does not find: {missed}'
    assert '/agencies/120110/' in {urlparse(l).path for l in search(reader, base, '东丽区')}
    reader.check()


def test_refining_a_query_updates_the_address_so_back_returns_to_it(reader, base):
    page = reader.page
    page.goto(base + '/search/?q=' + quote('商标'))
    wait_for_results(page, '商标')
    assert page.locator('header .pf-header-search input').input_value() == '商标'
    page.locator('.pagefind-ui__search-input').fill('地理标志')
    wait_for_results(page, '地理标志')
    assert unquote(urlparse(page.url).query) == 'q=地理标志'
    page.locator('a.pagefind-ui__result-link').first.click()
    page.wait_for_url(re.compile(r'/plans/'))
    page.go_back()
    wait_for_results(page, '地理标志')
    reader.check()


def test_the_results_panel_closes_and_without_javascript_the_search_page_says_what_to_do(reader, base, browser):
    search(reader, base, '商标')
    reader.page.keyboard.press('Escape')
    assert not reader.page.locator('.pf-panel').is_visible()
    reader.check()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + '/')
    page.locator('header .pf-header-search input').fill('商标')
    page.locator('header .pf-header-search input').press('Enter')
    page.wait_for_url(re.compile(r'/search/\?q='))
    text = page.locator('article').inner_text()
    assert 'Search needs JavaScript' in text and '检索需要启用 JavaScript' in text
    assert page.locator('article a[href="../download/"]').count() >= 1
    context.close()


def test_every_main_page_loads_without_errors_or_foreign_requests(reader, base):
    for path in ('', 'search/', 'plans/', 'agencies/', 'functions/', 'tables/', 'tables/measures/', 'charts/', 'coverage/', 'download/', 'cite/',
                 'contributing/', 'changelog/', 'plans/chongqing-rongchang-2021/', sitekit.agency_address('rongchang-market-regulation'),
                 'functions/market-regulation/'):
        response = reader.page.goto(f'{base}/{path}')
        assert response.status == 200, path
        for image in reader.page.locator('article img').all():
            assert image.evaluate('i => i.complete && i.naturalWidth > 0'), f'{path}: image not shown'
    reader.check()


def test_a_script_in_the_data_shows_as_text_and_never_runs(reader, xss_base):
    page = reader.page
    for path in (f'plans/{sitekit.XSS_PLAN}/', sitekit.agency_address(sitekit.xss_agency_id()), 'plans/'):
        page.goto(f'{xss_base}/{path}')
        page.wait_for_load_state('load')
        text = page.locator('article').inner_text()
        assert sitekit.SCRIPT in text, path
        assert page.locator('article script').count() == 0
        assert page.locator('article img[src="x"]').count() == 0
    page.goto(f'{xss_base}/plans/{sitekit.XSS_PLAN}/')
    article = page.locator('article').inner_text()
    for payload in (sitekit.IMAGE, sitekit.MARKDOWN):
        assert payload in article
    assert page.title().startswith(f'Plan {sitekit.SCRIPT}')
    # Search results quote the payload as text too.
    search(reader, xss_base, 'alert')
    results = page.locator('.pagefind-ui__results').inner_text()
    assert 'alert(1)' in results and page.locator('.pagefind-ui__results script, .pagefind-ui__results img[src="x"]').count() == 0
    reader.check()


def test_the_coverage_map_fits_a_phone_and_its_tables_scroll_inside_the_page(browser, base):
    context = browser.new_context(viewport={'width': 390, 'height': 844}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    errors: list[str] = []
    page.on('console', lambda m: m.type == 'error' and errors.append(m.text))
    page.goto(f'{base}/coverage/')
    image = page.locator('article img').first
    width, natural = image.evaluate('i => [i.getBoundingClientRect().width, i.naturalWidth]')
    assert natural > 0 and 300 <= width <= 390, (width, natural)
    assert page.evaluate('document.documentElement.scrollWidth') <= 390, 'the page scrolls sideways on a phone'
    assert 'Known plans not yet curated' in page.locator('article').inner_text()
    assert not errors, errors
    context.close()


# Pages a reader comes for: home, a plan, an agency page, the data dictionary, a search, a comparison.
ACCESSIBILITY_PAGES = ('', 'plans/tianjin-dongli-2020-2021/', sitekit.agency_address('dongli-market-regulation').split('#')[0],
                       'tables/measures/', 'search/?q=%E5%95%86%E4%B8%9A%E7%A7%98%E5%AF%86', 'functions/')


@pytest.mark.parametrize('screen', list(SCREENS))
def test_no_serious_or_critical_accessibility_violation(browser, base, screen):
    """axe-core (the copy bundled by axe-playwright-python, run in this browser, no network) finds no
    serious or critical WCAG violation on the pages a reader comes for."""
    axe = pytest.importorskip('axe_playwright_python.sync_playwright').Axe()
    reader = Reader(browser, **SCREENS[screen])
    found = {}
    for path in ACCESSIBILITY_PAGES:
        reader.page.goto(f'{base}/{path}')
        reader.page.wait_for_load_state('networkidle')
        violations = axe.run(reader.page).response['violations']
        bad = [f"{v['id']} ({v['impact']}, {len(v['nodes'])}×: {v['nodes'][0]['html'][:80]})"
               for v in violations if v['impact'] in ('serious', 'critical')]
        if bad:
            found[path] = bad
    assert not found, found
    reader.check()
    reader.context.close()


@pytest.mark.parametrize('screen', list(SCREENS))
def test_a_reader_finds_a_part_of_a_long_plan_through_its_contents(browser, base, screen):
    """A long plan read on a phone: its contents list every chapter and section of the page, and a
    tap on one brings its heading on screen; on a desktop the sidebar's table of contents does that
    job and the list is not shown twice."""
    reader = Reader(browser, **SCREENS[screen])
    page = reader.page
    page.goto(f'{base}/plans/chongqing-rongchang-2021/')
    contents = page.locator('article nav.page-contents')
    headings = page.locator('article h2[id], article h3[id]')
    anchors = [h.get_attribute('id') for h in headings.all()]
    if screen == 'desktop':
        assert not contents.is_visible()
        assert page.locator('.md-sidebar--secondary a[href="#part-2"]').is_visible()
    else:
        assert contents.is_visible()
        contents.locator('summary').click()
        links = [link.get_attribute('href') for link in contents.locator('a').all()]
        assert links == [f'#{anchor}' for anchor in anchors]
        target = anchors[-1]
        contents.locator(f'a[href="#{target}"]').click()
        page.wait_for_timeout(300)
        heading = page.locator(f'article [id="{target}"]')
        assert heading.evaluate('h => { const r = h.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }')
    reader.check()
    reader.context.close()
