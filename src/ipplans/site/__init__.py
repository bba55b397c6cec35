"""The site: data pages generated from the package, built with MkDocs, searched with Pagefind.

    markup.py   escaping every data value, and the Markdown/HTML shapes the pages are made of
    labels.py   what the pages call fields and allowed values (read from the schemas)
    model.py    the site's view of the package (groupings worked out once) and the manifest
    links.py    where each generated thing lives, and the links to it
    pages/      one module per page type, in the ordered list PAGE_TYPES
    svg.py      charts and the table diagram, drawn at build time
    build.py    generate, MkDocs, Pagefind, --clean; `ipplans site` is its main()
    search_index.py  what Pagefind indexed, read back (for the tests and the benchmark)
"""
from ipplans.site.build import main

__all__ = ['main']
