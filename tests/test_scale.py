"""Scale: a synthetic package of 100 plans (about 4,000 measures, 12,000 responsibilities).

No timing here (speed goals live in `make bench`): these tests check that everything still
works at that size and that outputs grow linearly, which a quadratic change would break."""
from __future__ import annotations

import csv
import re
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import sitekit
from ipplans.site.search_index import read_search_index, search_index_bytes
from ipplans import synthetic
from conftest import ROOT, read_rows, validate

PLANS = 100


@pytest.fixture(scope='module')
def big_package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp('synthetic') / 'package'
    synthetic.generate(PLANS, out)
    return out


def count_rows(path: Path) -> int:
    with open(path, encoding='utf-8', newline='') as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def test_synthetic_package_is_valid_for_us_and_upstream(big_package):
    code, lines = validate(big_package)
    assert code == 0, lines[:20]
    assert count_rows(big_package / 'data' / 'measures.csv') > 30 * PLANS
    upstream = subprocess.run([str(Path(sys.executable).parent / 'frictionless'), 'validate', 'datapackage.json'], cwd=big_package, capture_output=True, text=True)
    assert upstream.returncode == 0


def test_faults_in_a_large_package_are_all_found(big_package, tmp_path):
    import shutil
    broken = tmp_path / 'broken'
    shutil.copytree(big_package, broken)
    from ipplans.bench import inject_faults
    faults = inject_faults(broken)
    code, lines = validate(broken, '--lang', 'en')
    assert code == 1
    reported = {(line.split(':')[0], int(line.split(':')[1])) for line in lines if line.startswith('data/') and line.split(':')[1].isdigit()}
    assert set(faults) <= reported


def test_downloads_of_a_large_package_hold_every_row(big_package, tmp_path):
    out = tmp_path / 'downloads'
    result = subprocess.run([sys.executable, str(ROOT / 'scripts' / 'export.py'), '--package', str(big_package), '--out', str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    database = next(out.glob('*.sqlite'))
    with sqlite3.connect(database) as connection:
        for table in ('measures', 'responsibilities', 'agencies'):
            assert connection.execute(f'SELECT count(*) FROM {table}').fetchone()[0] == count_rows(big_package / 'data' / f'{table}.csv')


def chrome_bytes(markup: str) -> int:
    """Bytes of a page outside its <article> and its own table of contents: the theme's header,
    navigation, search box and footer, which every page carries."""
    article = len(markup[markup.index('<article'):markup.index('</article>')].encode('utf-8'))
    toc = re.search(r'<nav class="md-nav md-nav--secondary".*?</nav>\s*</div>', markup, re.S)
    return len(markup.encode('utf-8')) - article - (len(toc.group(0).encode('utf-8')) if toc else 0)


def test_site_of_a_large_package_grows_linearly_and_indexes_each_text_once(big_package, tmp_path):
    site = sitekit.build(big_package, tmp_path)
    pages = {p.relative_to(site).parent.as_posix(): p.read_text(encoding='utf-8') for p in site.rglob('index.html')}
    # Every page carries the navigation: were the plan or agency pages listed in it, each page would
    # grow with the package. So no page's chrome may outgrow that of a small hand-written page.
    fixed = chrome_bytes(pages['cite'])
    assert max(chrome_bytes(markup) for markup in pages.values()) < 1.5 * fixed
    # The home page and its images stay small: the measures-per-plan chart counts plans by number of
    # measures rather than drawing a bar per plan.
    home = len(pages['.'].encode('utf-8')) + sum((site / src).stat().st_size for src in re.findall(r'<img[^>]+src="([^"]+)"', pages['.']))
    assert home < 100_000, home
    chart = (site / 'generated' / 'measures-per-plan.svg').read_text(encoding='utf-8')
    columns = {label: int(n) for label, n in re.findall(r'<title>([\d–]+): plans (\d+)</title>', chart)}
    assert sum(columns.values()) == PLANS, columns
    per_plan = Counter(row['plan_id'] for row in read_rows(big_package, 'measures'))
    for label, n in columns.items():
        low, _, high = label.partition('–')
        assert n == sum(1 for count in per_plan.values() if int(low) <= count <= int(high or low)), label
    # A page per plan and per region, each holding only its own rows: none grows with the package.
    # A function's page compares one kind of body across the country: a short row per agency of that kind.
    functions = {path for path in pages if path.startswith('functions/')}
    assert functions
    for path in functions:
        agencies = pages[path].count('<tr>') - 1
        assert len(pages[path].encode('utf-8')) < 2 * fixed + 600 * agencies, (path, agencies)
    listings = {'.', 'plans', 'agencies', 'functions', 'tables'} | functions
    biggest = max((len(markup.encode('utf-8')), path) for path, markup in pages.items() if path not in listings)
    assert biggest[0] < 150_000, biggest
    # Each plan adds two pages (its own and its region's), each with the chrome, and shows its rows
    # (measures, responsibilities, source text) a few times: in full on its page and in the search
    # index, as excerpts on its region's page. Five times its share of the package is ample.
    data = sum(p.stat().st_size for p in (big_package / 'data').rglob('*') if p.is_file())
    output = sum(p.stat().st_size for p in site.rglob('*') if p.is_file() and 'assets' not in p.relative_to(site).parts)
    assert output / PLANS < 2 * fixed + 5 * data / PLANS, (output / PLANS, fixed, data / PLANS)
    # Every page but those below is indexed, once, and the text the index holds is no more than
    # the visible text of those pages (the region pages' task lists, numbers linking to the plans'
    # pages, are left out).
    entries = read_search_index(site)
    indexed = [e['url'].strip('/') or '.' for e in entries]
    # Left out: the search page, and the Changes pages of single comparisons, whose rows repeat texts
    # indexed on the plans' pages (they say so in their front matter: search: exclude).
    unindexed = {path for path, markup in pages.items() if 'data-pagefind-body' not in markup}
    assert unindexed <= {'search'} | {path for path in pages if path.startswith('changes/')}, unindexed
    assert sorted(indexed) == sorted(path for path in pages if path not in unindexed)
    visible = sum(len(sitekit.article_text(pages[path]).encode('utf-8')) for path in indexed)
    held = sum(len(e['content'].encode('utf-8')) for e in entries)
    assert held <= 1.2 * visible, (held, visible)
    # The index files a browser may fetch (compressed word index, page fragments and metadata;
    # not Pagefind's fixed-size scripts) stay within 1.2 times that text.
    index = search_index_bytes(site)
    assert index <= 1.2 * visible, (index, visible)
