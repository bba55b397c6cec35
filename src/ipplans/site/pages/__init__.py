"""The page types of the site, in the order they are written.

A page type is one module here with
- FOLDERS: the folders under docs/ it writes into. generate() empties them before it writes and
  marks each as generated (a .gitignore that ignores everything in it); `ipplans site --clean`
  removes them; a --work build does not copy them from the repository's docs/;
- pages(site): yields (path under docs/, text or bytes) for each file it writes; each path must
  lie in one of its FOLDERS.
Pages are written as plain Markdown, so the site stays buildable by any MkDocs-compatible builder.
Adding a page type is one module and a line below (and a nav entry in mkdocs.yml if it is linked there).
"""
from __future__ import annotations

from types import ModuleType

from ipplans.site.pages import (agencies_index, changes, charts, cite, coding, coverage, downloads, functions, home, plan,
                                plans_index, region, repository_files, sources, tables)

PAGE_TYPES: list[ModuleType] = [
    plan, sources, region, plans_index, agencies_index, functions, tables, charts, coverage, home, cite, coding, downloads,
    repository_files, changes,
]


def generated_folders() -> list[str]:
    """Every folder under docs/ that a page type writes, once each, in the order first declared."""
    return list(dict.fromkeys(folder for page_type in PAGE_TYPES for folder in page_type.FOLDERS))
