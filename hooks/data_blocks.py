"""MkDocs hook: pass the generated pages' raw HTML blocks around Python-Markdown.

`ipplans site` writes the bulk of the plan and region pages (measures with their agencies, task
lists, tables with links) as raw HTML blocks, `<div class="data">` … `</div>`, which any Markdown
builder passes through unchanged. Python-Markdown still parses every tag in them, twice (MkDocs
looks for anchors, Markdown for where each block ends); at thousands of pages that is most of the
build. This hook lifts the blocks out before Markdown runs, leaving a placeholder paragraph, and
puts them back, unchanged, into the HTML that Markdown produced.

The pages come out the same without the hook, only more slowly (tests/test_site.py builds both
ways and compares them), so the Markdown stays buildable by other MkDocs-compatible builders.
The anchors inside the blocks are not seen by MkDocs' link validation, so links to them are
written in the blocks too (ipplans.site.links), where tests/test_site.py checks every one.
"""
from __future__ import annotations

import re

from ipplans.site.markup import DATA_BLOCK_END, DATA_BLOCK_START

# Exactly what ipplans.site.markup.raw_block() writes: only its last line is the end tag, and a blank
# line follows. Values inside are escaped (no '<' and no line break), so a block cannot end early;
# the placeholder contains '-', which escaped values never do.
BLOCK = re.compile(rf'^{re.escape(DATA_BLOCK_START)}\n.*?\n{re.escape(DATA_BLOCK_END)}$(?=\n\n|\n?\Z)', re.M | re.S)
PLACEHOLDER = 'data-block-placeholder-{}'
RESTORE = re.compile('<p>' + PLACEHOLDER.format(r'(\d+)') + '</p>')

_blocks: dict[str, list[str]] = {}


def on_page_markdown(markdown: str, page, config, files) -> str:
    blocks: list[str] = []

    def lift(match: re.Match) -> str:
        blocks.append(match.group(0))
        return PLACEHOLDER.format(len(blocks) - 1)

    markdown = BLOCK.sub(lift, markdown)
    _blocks[page.file.src_uri] = blocks
    return markdown


def on_page_content(html: str, page, config, files) -> str:
    blocks = _blocks.pop(page.file.src_uri, [])
    if not blocks:
        return html
    # Markdown writes a raw block followed by a blank line, except at the end of the page.
    restored = RESTORE.sub(lambda match: blocks[int(match.group(1))] + '\n', html)
    return restored.rstrip('\n') if RESTORE.fullmatch(html.rsplit('\n', 1)[-1]) else restored
