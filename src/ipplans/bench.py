"""Benchmark validation, downloads and site on synthetic packages of growing size.

    python scripts/bench.py [--sizes 100,1000,3000] [--repeat 3] [--build-repeat 1] [--out bench/results.md]
                            [--work DIR] [--no-site] [--no-browser]

For each size it generates a synthetic package (scripts/synthetic.py), then measures, each as
the median wall time of --repeat runs (--build-repeat for the downloads and the site, which take
minutes at 3,000 plans) and the peak memory of the process:
  * our full validation (scripts/validate.py) and the upstream `frictionless validate` alone,
    which must agree that the package is valid, and must both find the same injected faults;
  * the downloads (scripts/export.py);
  * the site (scripts/site.py): time, output size, pages, search index size against the text
    it indexes, and how long Chromium takes from opening a page to showing search results.
Writes a Markdown table with the machine described to --out.
"""
from __future__ import annotations

import argparse
import csv
import html
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ipplans import synthetic
from ipplans.paths import REPO as ROOT
from ipplans.site.search_index import read_search_index, search_index_bytes

PYTHON = sys.executable
FRICTIONLESS = str(Path(sys.executable).parent / 'frictionless')
CHROMIUM = '/usr/bin/chromium'


def run(command: list[str], cwd: Path | None = None) -> tuple[float, float, int, str]:
    """Wall seconds, peak resident MB, exit status and output of one command."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING='1')
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    output_chunks = []
    reader = threading.Thread(target=lambda: output_chunks.append(process.stdout.read()))
    reader.start()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    reader.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, process.returncode, b''.join(output_chunks).decode('utf-8', 'replace')


def measure(command: list[str], repeat: int, cwd: Path | None = None, expect: int | None = 0) -> dict:
    runs = [run(command, cwd) for _ in range(repeat)]
    for _, _, code, output in runs:
        if expect is not None and code != expect:
            raise SystemExit(f'{" ".join(command)} exited {code}, expected {expect}:\n{output[-3000:]}')
    return {'seconds': statistics.median(r[0] for r in runs), 'mb': max(r[1] for r in runs), 'output': runs[-1][3], 'code': runs[-1][2]}


def inject_faults(package: Path) -> list[tuple[str, int]]:
    """The same four faults for both validators; returns (file, CSV line) of each."""
    faults = []

    def change(table: str, index: int, field: str, value: str) -> None:
        path = package / 'data' / f'{table}.csv'
        with open(path, encoding='utf-8', newline='') as handle:
            rows = list(csv.DictReader(handle))
        rows[index][field] = value
        with open(path, 'w', encoding='utf-8', newline='') as handle:
            writer = csv.DictWriter(handle, list(rows[0]), lineterminator='\n')
            writer.writeheader()
            writer.writerows(rows)
        faults.append((f'data/{table}.csv', index + 2))
    change('responsibilities', 10, 'agency_id', 'synthetic-00001-agency-99')   # dangling foreign key
    change('measures', 20, 'measure_id', 'synthetic-00001-001')                # duplicate primary key
    change('measures', 30, 'deadline_date', '2021-13-01')                      # impossible date
    change('responsibilities', 40, 'role', 'leader')                           # enum typo
    return faults


def fault_agreement(package: Path, work: Path) -> str:
    broken = work / 'broken'
    shutil.rmtree(broken, ignore_errors=True)
    shutil.copytree(package, broken)
    faults = inject_faults(broken)
    ours = run([PYTHON, str(ROOT / 'scripts' / 'validate.py'), str(broken), '--lang', 'en'])
    upstream = run([FRICTIONLESS, 'validate', '--json', 'datapackage.json'], cwd=broken)
    ours_found = {(m.group(1), int(m.group(2))) for m in re.finditer(r'^(data/[\w.]+):(\d+):', ours[3], flags=re.M)}
    report = json.loads(upstream[3][upstream[3].index('{'):])
    upstream_found = {(task['place'], error['rowNumber']) for task in report['tasks'] for error in task['errors'] if 'rowNumber' in error}
    both = [f for f in faults if f in ours_found and f in upstream_found]
    return (f'{len(both)}/{len(faults)} injected faults found by both (ours exit {ours[2]}, upstream exit {upstream[2]}); '
            f'upstream flagged {len(upstream_found)} rows, all also flagged by ours: {upstream_found <= ours_found}')


def visible_text(page: str) -> str:
    body = re.search(r'<article[^>]*>(.*?)</article>', page, flags=re.S)
    text = re.sub(r'<[^>]+>', ' ', body.group(1) if body else '')
    return re.sub(r'\s+', ' ', html.unescape(text)).strip()


def site_figures(site: Path) -> dict:
    """Pages, size, and the search index against the visible text of the pages it indexes (pages
    excluded from search, such as the agencies' region pages, are not counted in that text)."""
    pages = list(site.rglob('*.html'))
    size = sum(p.stat().st_size for p in site.rglob('*') if p.is_file())
    downloads = sum(p.stat().st_size for p in (site / 'downloads').rglob('*') if p.is_file())
    index_bytes = search_index_bytes(site)
    indexed = {entry['url'].lstrip('/') for entry in read_search_index(site)}
    text = sum(len(visible_text(p.read_text(encoding='utf-8')).encode('utf-8')) for p in pages
               if p.name == 'index.html' and (p.parent.relative_to(site).as_posix() + '/').removeprefix('./') in indexed)
    return {'pages': len(pages), 'site_mb': size / 2**20, 'downloads_mb': downloads / 2**20, 'index_mb': index_bytes / 2**20,
            'index_ratio': index_bytes / text if text else 0}


# A term most plans use (地理标志, geographical indications) and the one on every page of the site
# (知识产权, intellectual property), whose search is the slowest.
SEARCH_QUERIES = ('地理标志', '知识产权')


def search_ready(site: Path, runs: int = 3) -> dict[str, float] | None:
    """For each query, the median seconds from opening the home page, typing the query into the
    header's search box and pressing Enter, until the search page shows its first result, each run
    in a fresh tab of Chromium."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(CHROMIUM).exists():
        return None
    server = ThreadingHTTPServer(('127.0.0.1', 0), partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    times: dict[str, list[float]] = {query: [] for query in SEARCH_QUERIES}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=['--no-sandbox', '--disable-gpu', '--disable-background-networking',
                                                                                  '--disable-component-update', '--disable-sync', '--no-first-run'])
            for _ in range(runs):
                for query in SEARCH_QUERIES:
                    page = browser.new_page()
                    start = time.perf_counter()
                    page.goto(f'http://127.0.0.1:{server.server_port}/')
                    page.fill('.pf-header-search input', query)
                    page.press('.pf-header-search input', 'Enter')
                    page.wait_for_selector('a.pagefind-ui__result-link', timeout=120_000)
                    times[query].append(time.perf_counter() - start)
                    page.close()
            browser.close()
    finally:
        server.shutdown()
    return {query: statistics.median(seconds) for query, seconds in times.items()}


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def machine() -> str:
    cpu = ''
    try:
        cpu = next((line.split(':', 1)[1].strip() for line in open('/proc/cpuinfo') if line.startswith('model name')), '')
    except OSError:
        pass
    memory = ''
    try:
        memory = f'{int(open("/proc/meminfo").readline().split()[1]) / 2**20:.0f} GiB'
    except (OSError, ValueError, IndexError):
        pass
    return f'{os.cpu_count()} cores ({cpu or platform.processor()}), {memory} memory, {platform.system()} {platform.release()}, Python {platform.python_version()}'


def bench(sizes: list[int], repeat: int, build_repeat: int, work: Path, with_site: bool, with_browser: bool) -> list[dict]:
    real = measure([PYTHON, str(ROOT / 'scripts' / 'validate.py'), str(ROOT)], repeat)
    print(f'[real package] validate: {real["seconds"]:.2f}s', flush=True)
    results = [{'real': real}]
    for size in sizes:
        package = work / f'package-{size}'
        shutil.rmtree(package, ignore_errors=True)
        counts = synthetic.generate(size, package)
        row: dict = {'plans': size, 'measures': counts['measures'], 'responsibilities': counts['responsibilities']}
        print(f'[{size} plans] generated: {counts}', flush=True)
        row['ours'] = measure([PYTHON, str(ROOT / 'scripts' / 'validate.py'), str(package)], repeat)
        row['upstream'] = measure([FRICTIONLESS, 'validate', 'datapackage.json'], repeat, cwd=package)
        row['faults'] = fault_agreement(package, work)
        print(f'[{size} plans] validate: ours {row["ours"]["seconds"]:.1f}s, upstream {row["upstream"]["seconds"]:.1f}s; {row["faults"]}', flush=True)
        downloads = work / f'downloads-{size}'
        row['export'] = measure([PYTHON, str(ROOT / 'scripts' / 'export.py'), '--package', str(package), '--out', str(downloads)], build_repeat)
        print(f'[{size} plans] downloads: {row["export"]["seconds"]:.1f}s', flush=True)
        if with_site:
            site, build = work / f'site-{size}', work / f'build-{size}'
            row['site'] = measure([PYTHON, '-m', 'ipplans', 'site', '--package', str(package), '--site-dir', str(site),
                                   '--work', str(build), '--downloads', str(downloads)], build_repeat)
            row['site'].update(site_figures(site))
            row['search_ready'] = search_ready(site) if with_browser else None
            print(f'[{size} plans] site: {row["site"]["seconds"]:.1f}s, {row["site"]["site_mb"]:.0f} MB, {row["site"]["pages"]} pages, '
                  f'index ratio {row["site"]["index_ratio"]:.2f}, search ready {row["search_ready"]}', flush=True)
        results.append(row)
    return results


def ready_text(ready: dict[str, float] | None) -> str:
    return '–' if not ready else ' / '.join(f'{query} {seconds:.1f}' for query, seconds in ready.items())


def pages_mb(site: dict) -> float | None:
    """The built site's size without the downloads folder."""
    return site['site_mb'] - site['downloads_mb'] if 'site_mb' in site else None


def markdown(results: list[dict], repeat: int, build_repeat: int) -> str:
    real = next((r['real'] for r in results if 'real' in r), None)
    results = [r for r in results if 'real' not in r]
    def f(value, fmt='{:.1f}'):
        return '–' if value is None else fmt.format(value)
    lines = ['# Benchmark results', '',
             f'Generated by `make bench` (scripts/bench.py) on {machine()}.',
             f'Wall times are the median of {repeat} runs for validation and of {build_repeat} for the downloads and the site; memory is the peak resident set of the process.',
             'Site MB is the built site without the downloads (pages, assets, search index), then with them: MkDocs copies the downloads into site/downloads/. '
             'Site memory is the peak resident set of site.py or its largest child (MkDocs, Pagefind). '
             f'Search ready: median of 3 runs from opening the home page to the first result, for {" and ".join(SEARCH_QUERIES)}.',
             'Synthetic packages follow the real schemas (scripts/synthetic.py): about 40 measures per plan, 3 agencies per measure, an archived source per plan.', '',
             '| plans | measures | responsibilities | validate (ours) s | MB | frictionless alone s | MB | ratio | downloads s | site s | site memory MB | site MB (with downloads) | pages | search index MB | index / text | search ready s |',
             '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |']
    for r in results:
        site = r.get('site', {})
        lines.append(f'| {r["plans"]:,} | {r["measures"]:,} | {r["responsibilities"]:,} | {f(r["ours"]["seconds"])} | {f(r["ours"]["mb"], "{:.0f}")} | '
                     f'{f(r["upstream"]["seconds"])} | {f(r["upstream"]["mb"], "{:.0f}")} | {f(r["ours"]["seconds"] / r["upstream"]["seconds"], "{:.2f}")} | '
                     f'{f(r["export"]["seconds"])} | {f(site.get("seconds"))} | {f(site.get("mb"), "{:.0f}")} | {f(pages_mb(site), "{:.0f}")} ({f(site.get("site_mb"), "{:.0f}")}) | {site.get("pages", "–")} | '
                     f'{f(site.get("index_mb"))} | {f(site.get("index_ratio"), "{:.2f}")} | {ready_text(r.get("search_ready"))} |')
    lines += ['', '## Agreement on injected faults', '']
    lines += [f'- {r["plans"]:,} plans: {r["faults"]}' for r in results]
    lines += ['', '## Goals', '']
    big = max(results, key=lambda r: r['plans'])
    goals = [
        (f'full validation within 1.5x of frictionless alone at {big["plans"]:,} plans', big['ours']['seconds'] <= 1.5 * big['upstream']['seconds'],
         f'{big["ours"]["seconds"] / big["upstream"]["seconds"]:.2f}x'),
        (f'full validation under 15 s at {big["plans"]:,} plans', big['ours']['seconds'] < 15, f'{big["ours"]["seconds"]:.1f} s'),
        (f'validation peak memory under 2 GB at {big["plans"]:,} plans', big['ours']['mb'] < 2048, f'{big["ours"]["mb"]:.0f} MB'),
    ]
    if 'site' in big:
        goals += [(f'make site under 60 s at {big["plans"]:,} plans', big['site']['seconds'] < 60, f'{big["site"]["seconds"]:.1f} s'),
                  (f'site output under 300 MB at {big["plans"]:,} plans, not counting the downloads', pages_mb(big['site']) < 300, f'{pages_mb(big["site"]):.0f} MB'),
                  (f'site output under 300 MB at {big["plans"]:,} plans, counting the downloads', big['site']['site_mb'] < 300,
                   f'{big["site"]["site_mb"]:.0f} MB, of which downloads {big["site"]["downloads_mb"]:.0f} MB'),
                  ('search index no bigger than 1.2x the text it indexes', all(r['site']['index_ratio'] <= 1.2 for r in results if 'site' in r),
                   ', '.join(f'{r["site"]["index_ratio"]:.2f}' for r in results if 'site' in r))]
        if len(results) > 1:
            small = min(results, key=lambda r: r['plans'])
            growth = (big['site']['site_mb'] / small['site']['site_mb']) / (big['plans'] / small['plans'])
            goals.append(('site output grows linearly with plans (size per plan at the largest / at the smallest size)', growth < 1.5, f'{growth:.2f}'))
        thousand = next((r for r in results if r['plans'] == 1000 and r.get('search_ready') is not None), None)
        if thousand:
            goals.append(('search ready in Chromium within 2 s at 1,000 plans, for each query', max(thousand['search_ready'].values()) <= 2,
                          ready_text(thousand['search_ready'])))
    if real:
        goals.append(('make validate under 2 s on the real package', real['seconds'] < 2, f'{real["seconds"]:.2f} s'))
    lines += [f'- {"met" if ok else "NOT met"}: {goal} ({figure})' for goal, ok, figure in goals]
    return '\n'.join(lines) + '\n'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--sizes', default='100,1000,3000', help='comma-separated numbers of plans (default: 100,1000,3000)')
    parser.add_argument('--repeat', type=int, default=3, help='runs per measurement; the median is reported (default: 3)')
    parser.add_argument('--build-repeat', type=int, default=1, help='runs for the downloads and the site (default: 1)')
    parser.add_argument('--out', type=Path, default=ROOT / 'bench' / 'results.md', help='Markdown file to write')
    parser.add_argument('--work', type=Path, help='scratch directory (default: a temporary one, removed afterwards)')
    parser.add_argument('--no-site', action='store_true', help='skip the site build')
    parser.add_argument('--no-browser', action='store_true', help='skip the Chromium search measurement')
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(',') if s.strip()]
    work = args.work or Path(tempfile.mkdtemp(prefix='bench-'))
    try:
        results = bench(sizes, args.repeat, args.build_repeat, work, not args.no_site, not args.no_browser)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(markdown(results, args.repeat, args.build_repeat), encoding='utf-8')
    print(f'wrote {args.out}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
