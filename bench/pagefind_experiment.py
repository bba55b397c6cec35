"""Measure Pagefind on a built bench site (an experiment, not part of the product).

    pip install 'pagefind[extended]==1.5.2'   # in a separate virtualenv: it is not a dependency
    PAGEFIND_PYTHON=/path/to/that/venv/bin/python .venv/bin/python bench/pagefind_experiment.py SITE_DIR

Indexes SITE_DIR with Pagefind Extended (Chinese segmentation) and times, in Debian's Chromium,
opening the home page and getting the first result for three queries. See bench/README.md.
"""
import os
import sys, threading, time, subprocess, json
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from playwright.sync_api import sync_playwright
site = Path(sys.argv[1])
t = time.perf_counter()
out = subprocess.run([os.environ.get('PAGEFIND_PYTHON', sys.executable), '-m', 'pagefind', '--site', str(site), '--root-selector', 'article',
                      '--force-language', 'zh', '--exclude-selectors', '.headerlink'], capture_output=True, text=True)
index_seconds = time.perf_counter() - t
size = sum(p.stat().st_size for p in (site / 'pagefind').rglob('*') if p.is_file())
class Q(SimpleHTTPRequestHandler):
    def log_message(self, *a): pass
srv = ThreadingHTTPServer(('127.0.0.1', 0), partial(Q, directory=str(site)))
threading.Thread(target=srv.serve_forever, daemon=True).start()
results = {}
with sync_playwright() as p:
    b = p.chromium.launch(executable_path='/usr/bin/chromium', args=['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'])
    for query in ('知识产权', '地理标志', '市场监管局'):
        page = b.new_page()
        start = time.perf_counter()
        page.goto(f'http://127.0.0.1:{srv.server_port}/')
        found = page.evaluate("""async (q) => {
            const pf = await import('/pagefind/pagefind.js');
            const r = await pf.search(q);
            const first = r.results.length ? await r.results[0].data() : null;
            return [r.results.length, first ? first.url : null, first ? first.excerpt.slice(0, 80) : null];
        }""", query)
        results[query] = (round(time.perf_counter() - start, 2), found)
        page.close()
    b.close()
srv.shutdown()
print(json.dumps({'index_seconds': round(index_seconds, 1), 'pagefind_mb': round(size / 2**20, 1), 'search': results, 'log_tail': out.stdout[-400:]}, ensure_ascii=False, indent=1))
