"""The plans' archived source texts (generated/sources/<file>.txt), copied as they are, so that
each plan page can link to the raw text its rows were taken from."""
from __future__ import annotations

from typing import Iterator

from ipplans.safety import read_bytes
from ipplans.site.links import FRAGMENTS
from ipplans.site.model import Site

FOLDERS = (FRAGMENTS,)


def pages(site: Site) -> Iterator[tuple[str, bytes]]:
    for plan in site.rows('plans'):
        source = site.archived_source(plan)
        if source:
            yield f'{FRAGMENTS}/sources/{source.name}', read_bytes(source)
