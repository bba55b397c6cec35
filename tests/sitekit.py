"""Shared by the site tests: building a site once per session, serving it, reading its pages.

A build takes a few seconds, so each kind of site (the real package; a copy
carrying an XSS payload) is built once per test session, whichever test
module asks first, and cached here.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import html
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

from conftest import ROOT, copy_package, read_rows, write_rows

SITE_COMMAND = [sys.executable, '-m', 'ipplans', 'site']
CHROMIUM = Path('/usr/bin/chromium')

# What the XSS copy of the package carries in its text fields.
SCRIPT = '<script>alert(1)</script>'
IMAGE = '<img src=x onerror=alert(2)>'
MARKDOWN = '**bold** [link](http://example.com/) | pipe `code` --8<-- "/etc/passwd"'


def run_site(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*SITE_COMMAND, *args], capture_output=True, text=True)


def build(package: Path, root: Path, downloads: Path | None = None) -> Path:
    """Build the site of `package` under `root` (work copy in root/work, site in root/site)."""
    args = ['--package', str(package), '--work', str(root / 'work'), '--site-dir', str(root / 'site')]
    if downloads is not None:
        args += ['--downloads', str(downloads)]
    result = run_site(*args)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / 'site'


def fake_downloads(folder: Path) -> Path:
    """A downloads folder as scripts/export.py writes it: two files and their manifest."""
    folder.mkdir(parents=True)
    files = {'plans.csv': (ROOT / 'data' / 'plans.csv').read_bytes(),
             'whole-package.zip': b'PK\x05\x06' + bytes(18)}
    manifest = []
    for name, content in files.items():
        (folder / name).write_bytes(content)
        manifest.append({'file': name, 'bytes': len(content), 'sha256': hashlib.sha256(content).hexdigest(),
                         'description': f'test file {name}', 'table': 'plans' if name == 'plans.csv' else None})
    (folder / 'manifest.json').write_text(json.dumps(manifest), encoding='utf-8')
    return folder


@functools.cache
def real_site(base: Path) -> Path:
    """The site of the real package, with a small downloads folder."""
    root = base / 'real-site'
    return build(ROOT, root, fake_downloads(root / 'downloads'))


XSS_PLAN = 'tianjin-dongli-2020-2021'


@functools.cache
def xss_site(base: Path) -> Path:
    """The site of a copy of the package whose texts carry script, image and Markdown payloads."""
    root = base / 'xss-site'
    package = copy_package(_fresh(root / 'package'))
    plans = read_rows(package, 'plans')
    for plan in plans:
        if plan['plan_id'] == XSS_PLAN:
            plan['title'] = f'Plan {SCRIPT}'
            plan['source_url'] = 'javascript:alert(3)'
            plan['source_note'] = f'Note {IMAGE}'
    write_rows(package, 'plans', plans)
    measures = read_rows(package, 'measures')
    first = next(m for m in measures if m['plan_id'] == XSS_PLAN)
    first['text'] = f'{SCRIPT} {IMAGE} {MARKDOWN}'
    first['text_en'] = f'English {SCRIPT} {IMAGE} {MARKDOWN}'
    first['section'] = f'Section {SCRIPT}'
    first['section_en'] = f'Section in English {IMAGE}'
    write_rows(package, 'measures', measures)
    duties = read_rows(package, 'responsibilities')
    duty = next(r for r in duties if r['measure_id'] == first['measure_id'])
    duty['as_printed'] = f'As printed {IMAGE}'
    write_rows(package, 'responsibilities', duties)
    agencies = read_rows(package, 'agencies')
    agency = next(a for a in agencies if a['agency_id'] == duty['agency_id'])
    agency['name'] = f'Agency {SCRIPT}'
    write_rows(package, 'agencies', agencies)
    return build(package, root)


def _fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def xss_agency_id() -> str:
    measures = read_rows(ROOT, 'measures')
    first = next(m for m in measures if m['plan_id'] == XSS_PLAN)
    return next(r['agency_id'] for r in read_rows(ROOT, 'responsibilities') if r['measure_id'] == first['measure_id'])


def agency_address(agency_id: str, package: Path = ROOT) -> str:
    """Where an agency's section is: its region's page and its anchor (agencies/REGION/#AGENCY)."""
    region = next(a['region_code'] for a in read_rows(package, 'agencies') if a['agency_id'] == agency_id)
    return f'agencies/{region}/#{agency_id}'


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on a free localhost port; yields the base address."""
    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f'http://127.0.0.1:{server.server_address[1]}'
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def page(site: Path, path: str) -> str:
    """The HTML of the page at `path` (a directory URL such as plans/x/)."""
    return (site / path.strip('/') / 'index.html').read_text(encoding='utf-8')


class _Text(HTMLParser):
    """The visible text of the main content (<article>), tags dropped, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == 'article':
            self.depth += 1
        if tag in ('script', 'style'):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == 'article':
            self.depth -= 1
        if tag in ('script', 'style'):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


def article_text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    return squash(''.join(parser.parts))


def squash(text: str) -> str:
    """Text with runs of white space made single spaces (as a browser shows it)."""
    return re.sub(r'\s+', ' ', text).strip()


def section_markup(markup: str, anchor: str, nested: bool = False) -> str:
    """The markup from the heading with id `anchor` up to the next heading (with `nested`, up to the
    next heading of the same or a higher level, so that subsections are included)."""
    match = re.search(rf'<h([1-6])[^>]*\bid="{re.escape(anchor)}"', markup)
    assert match, f'no heading with id {anchor}'
    rest = markup[match.start():]
    levels = f'1-{match.group(1)}' if nested else '1-6'
    end = re.search(rf'<h[{levels}][ >]|</article>', rest[3:])
    return rest[: end.start() + 3] if end else rest


def visible(markup: str) -> str:
    """The text a fragment of markup shows."""
    return squash(html.unescape(re.sub(r'<[^>]+>', ' ', markup)))


def section_after(markup: str, anchor: str) -> str:
    """Visible text from the heading with id `anchor` up to the next heading."""
    return visible(section_markup(markup, anchor))
