"""The Cite page's fragment (generated/cite.md): a citation of this version and its licences,
from the descriptor."""
from __future__ import annotations

from typing import Iterator

from ipplans.site.links import FRAGMENTS
from ipplans.site.markup import code, external_link, facts_md, md
from ipplans.site.model import Site

FOLDERS = (FRAGMENTS,)


def pages(site: Site) -> Iterator[tuple[str, str]]:
    yield f'{FRAGMENTS}/cite.md', cite_fragment(site.descriptor)


def licence_md(licence: dict) -> str:
    """A licence as its name and title, linked when its path is a web address."""
    label = ' — '.join(md(x) for x in (licence.get('name', ''), licence.get('title', '')) if x)
    return external_link(licence.get('path', ''), label)


def cite_fragment(d: dict) -> str:
    authors = '; '.join(c.get('title', '') for c in d.get('contributors', []) if c.get('title')) or d.get('name', '')
    year = (d.get('created') or '')[:4]
    licences = ', '.join(licence_md(l) for l in d.get('licenses', []) if isinstance(l, dict))
    citation = f"{md(authors)} ({md(year or 'n.d.')}). *{md(d.get('title', ''))}* (version {md(d.get('version', ''))}) [data set]."
    return '\n'.join([
        f'> {citation}\n',
        facts_md([('Package name', code(d.get('name', ''))), ('Version', md(d.get('version', ''))),
                  ('Created', md(d.get('created', ''))), ('Licence', licences or '(none stated)')]),
    ])
