"""What Pagefind indexed, read back from the built site (for the tests and the benchmark)."""
from __future__ import annotations

import gzip
import json
from pathlib import Path


def read_search_index(site_dir: Path) -> list[dict]:
    """What Pagefind indexed: one entry per page (url, content, meta, anchors), read from its
    gzip-compressed fragment files. Pagefind puts a word break (U+200B) between the words it
    segments; it is removed from the content here, so the content reads as the page does."""
    entries = []
    for path in sorted((site_dir / 'pagefind' / 'fragment').glob('*.pf_fragment')):
        raw = gzip.decompress(path.read_bytes())
        entry = json.loads(raw.removeprefix(b'pagefind_dcd'))
        entry['content'] = entry['content'].replace('\u200b', '')
        entries.append(entry)
    return entries


def search_index_bytes(site_dir: Path) -> int:
    """Bytes of the index files a browser may fetch (word index, page fragments, metadata),
    not Pagefind's scripts and styles, whose size does not depend on the site."""
    return sum(p.stat().st_size for p in (site_dir / 'pagefind').rglob('*')
               if p.is_file() and p.suffix in ('.pf_index', '.pf_fragment', '.pf_meta', '.pf_filter'))
