"""The repository's own CHANGELOG.md and CONTRIBUTING.md as fragments (generated/changelog.md,
generated/contributing.md) that the Changelog and Contributing pages include: the files are the
one home of that text."""
from __future__ import annotations

from typing import Iterator

from ipplans.paths import REPO
from ipplans.site.links import FRAGMENTS
from ipplans.site.model import Site

FOLDERS = (FRAGMENTS,)
FILES = {'CHANGELOG.md': 'Changelog', 'CONTRIBUTING.md': 'Contributing'}  # file → page title


def pages(site: Site) -> Iterator[tuple[str, str]]:
    for name, title in FILES.items():
        source = REPO / name
        yield f'{FRAGMENTS}/{name.lower()}', (source.read_text(encoding='utf-8') if source.is_file()
                                              else f'# {title}\n\nNo {name} was found in the repository.\n')
