"""The Cite page's fragment (generated/cite.md): a citation of this version, its DOI (or that one is
still to be minted), the repository, the licences, and a BibTeX entry.

The title, version, authors and licences come from the descriptor; the DOI, the repository and the
release date from CITATION.cff (the file GitHub's "Cite this repository", Zenodo and reference
managers read), through ipplans.site.releases.
"""
from __future__ import annotations

from typing import Iterator

from ipplans.site.links import FRAGMENTS
from ipplans.site.markup import code, external_link, facts_md, md
from ipplans.site.model import Site
from ipplans.site.releases import History, history

FOLDERS = (FRAGMENTS,)
NO_DOI = 'to be minted at the first release'


def pages(site: Site) -> Iterator[tuple[str, str]]:
    yield f'{FRAGMENTS}/cite.md', cite_fragment(site.descriptor, history(site.package.dir))


def licence_md(licence: dict) -> str:
    """A licence as its name and title, linked when its path is a web address."""
    label = ' — '.join(md(x) for x in (licence.get('name', ''), licence.get('title', '')) if x)
    return external_link(licence.get('path', ''), label)


def doi_md(doi: str) -> str:
    return external_link(f'https://doi.org/{doi}', md(doi)) if doi else f'{md(NO_DOI)} (archived on Zenodo, which mints it)'


def bibtex(d: dict, known: History, authors: str, year: str) -> str:
    """A BibTeX entry as a code block; values are plain text there, so only braces need care."""
    def value(text: object) -> str:
        return str(text).replace('{', '(').replace('}', ')')
    fields = [('author', f'{{{value(authors)}}}'), ('title', value(d.get('title', ''))), ('year', value(year)),
              ('version', value(d.get('version', '')))]
    if known.doi:
        fields.append(('doi', value(known.doi)))
    if known.repository:
        fields.append(('url', value(known.repository)))
    licences = ', '.join(str(l.get('name', '')) for l in d.get('licenses', []) if isinstance(l, dict))
    fields.append(('note', value(f'Data set{", " + licences if licences else ""}')))
    lines = [f'@misc{{{value(d.get("name", "package")).replace("-", "_")},']
    lines += [f'  {name:<7} = {{{text}}}' + (',' if index < len(fields) - 1 else '') for index, (name, text) in enumerate(fields)]
    # An indented code block: plain Markdown, escaped by the renderer.
    return 'BibTeX:\n\n' + '\n'.join('    ' + line for line in lines + ['}']) + '\n'


def cite_fragment(d: dict, known: History | None = None) -> str:
    known = known or History([])
    authors = '; '.join(c.get('title', '') for c in d.get('contributors', []) if c.get('title')) or d.get('name', '')
    released = str(known.citation.get('date-released') or '')
    year = (released or d.get('created') or '')[:4]
    licences = ', '.join(licence_md(l) for l in d.get('licenses', []) if isinstance(l, dict))
    doi = f' https://doi.org/{md(known.doi)}' if known.doi else ''
    citation = (f"{md(authors)} ({md(year or 'n.d.')}). *{md(d.get('title', ''))}* (version {md(d.get('version', ''))}) "
                f"[data set].{doi}")
    return '\n'.join([
        f'> {citation}\n',
        facts_md([('Package name', code(d.get('name', ''))), ('Version', md(d.get('version', ''))),
                  ('Released', md(released)), ('DOI', doi_md(known.doi)),
                  ('Repository', external_link(known.repository) if known.repository else '(to be set in CITATION.cff)'),
                  ('Created', md(d.get('created', ''))), ('Licence', licences or '(none stated)')]),
        bibtex(d, known, authors, year),
    ])
