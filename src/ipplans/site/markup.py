"""Markdown and HTML for the generated pages: escaping every data value, and the few shapes the
pages are made of (fact lists, tables, raw HTML blocks, headings, front matter).

Every data value is escaped with md() before it enters a page, so a value such as <script>
shows as text.
"""
from __future__ import annotations

import json
import re
from hashlib import sha1
from html import escape

SLUG = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
WEB_ADDRESS = re.compile(r'^https?://[^\s<>"]+$')
# ASCII punctuation that is safe everywhere in Markdown; all other punctuation is written as an entity.
PLAIN_PUNCTUATION = set(',/;?%@')
# str.translate table for md(): ASCII punctuation with Markdown meaning → character references.
MARKDOWN_ESCAPES = {ord(char): f'&#{ord(char)};' for char in map(chr, range(128))
                    if not char.isalnum() and not char.isspace() and char not in PLAIN_PUNCTUATION}
MARKDOWN_ESCAPES[ord('\n')] = '<br>'
# A raw HTML block starts and ends with these lines; hooks/data_blocks.py finds the blocks by them.
DATA_BLOCK_START = '<div class="data">'
DATA_BLOCK_END = '</div>'


# --- escaping -----------------------------------------------------------------------------------

def md(value: object) -> str:
    """A data value as Markdown that renders exactly as the text it is.

    Markdown allows raw HTML and gives meaning to much ASCII punctuation
    (emphasis, links, tables, headings, lists, attribute lists, snippets), so
    every ASCII punctuation character other than , / ; ? % @ becomes a
    numeric character reference, line breaks become <br>, and surrounding
    white space is dropped. Characters outside ASCII pass through unchanged.
    """
    return str(value).strip().replace('\r\n', '\n').replace('\r', '\n').translate(MARKDOWN_ESCAPES)


def translation(en: object, tag: str = 'span') -> str:
    """The curators' English of a Chinese text, escaped, marked lang="en" with class "translation"
    (which the stylesheet sets under the Chinese, in a lighter colour); nothing when there is none.
    `tag` 'p' gives it a line of its own."""
    english = md(en)
    return f'<{tag} class="translation" lang="en">{english}</{tag}>' if english else ''


def zh_en(zh: object, en: object, between: str = ' ') -> str:
    """A Chinese value and the curators' English of it, each escaped and marked with its language
    (lang="zh", and the English as translation() marks it); the Chinese alone when there is no English."""
    chinese = f'<span lang="zh">{md(zh)}</span>'
    english = translation(en)
    return f'{chinese}{between}{english}' if english else chinese


def code(value: object) -> str:
    """A data value in code font (a Markdown code span would show the escapes literally)."""
    return f'<code>{md(value)}</code>'


def attr(value: str) -> str:
    return escape(value, quote=True)


def page_name(ident: str) -> str:
    """File and anchor name for an identifier: the identifier when it is a plain slug, else a hash of it."""
    return ident if SLUG.match(ident) else 'id-' + sha1(ident.encode('utf-8')).hexdigest()[:12]


# --- Markdown ------------------------------------------------------------------------------------

def table_md(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells must already be Markdown (escaped values)."""
    lines = ['| ' + ' | '.join(header) + ' |', '|' + '---|' * len(header)]
    lines += ['| ' + ' | '.join(cell or ' ' for cell in row) + ' |' for row in rows]
    return '\n'.join(lines) + '\n'


def facts_md(facts: list[tuple[str, str]]) -> str:
    """Label–value pairs as a list; values must already be Markdown."""
    return '\n'.join(f"- **{label}**: {value or '(not stated)'}" for label, value in facts) + '\n'


def link(text: str, target: str) -> str:
    """A Markdown link; `text` must already be Markdown, `target` a path we made."""
    return f'[{text}]({target})'


def external_link(url: str, text: str | None = None) -> str:
    """A link for an http(s) address from the data; anything else is shown as its text only."""
    text = md(url) if text is None else text
    return f'<a href="{attr(url)}" rel="nofollow noopener">{text}</a>' if WEB_ADDRESS.match(url) else text


def front_matter(**values: object) -> str:
    """YAML front matter. Themes print the title without escaping it, so the title is HTML-escaped here."""
    if 'title' in values:
        values['title'] = escape(str(values['title']), quote=True)
    lines = ['---']
    for key, value in values.items():
        if isinstance(value, dict):
            lines.append(f'{key}:')
            lines += [f'  {k}: {v}' for k, v in value.items()]
        else:
            lines.append(f'{key}: {json.dumps(value, ensure_ascii=False)}')
    return '\n'.join(lines + ['---', ''])


# --- raw HTML blocks ---------------------------------------------------------------------------
# The bulk of the plan and region pages (measures with their agencies, task lists, tables with
# links) is written as raw HTML blocks inside the Markdown: Markdown passes them through as they
# are, which is valid Markdown for any builder and several times faster for Python-Markdown than
# the same content as Markdown syntax. Values are escaped with md() there too (its character
# references are HTML), and links are written as the built site needs them, since MkDocs rewrites
# only Markdown links: see built().

def built(href: str) -> str:
    """A link from one generated page to another, as written in Markdown (to a .md file, relative to
    the page's file), as the built site needs it in raw HTML: each page is built as a folder
    (plans/x.md → plans/x/), so it sits one level deeper."""
    path, _, anchor = href.partition('#')
    return '../' + path.removesuffix('.md') + '/' + (f'#{anchor}' if anchor else '')


def a(text: str, href: str) -> str:
    """An HTML link; `text` must already be escaped."""
    return f'<a href="{attr(href)}">{text}</a>'


def heading(level: int, text: str, anchor: str) -> str:
    """A heading with its permalink, as the toc extension writes one."""
    return (f'<h{level} id="{attr(anchor)}">{text}<a class="headerlink" href="#{attr(anchor)}" '
            f'title="Permanent link">&para;</a></h{level}>')


def facts_html(facts: list[tuple[str, str]]) -> str:
    """Label–value pairs as a list; values must already be escaped."""
    return '<ul>\n' + '\n'.join(f"<li><strong>{label}</strong>: {value or '(not stated)'}</li>"
                                 for label, value in facts) + '\n</ul>'


def table_html(header: list[str], rows: list[list[str]]) -> str:
    """A table; cells must already be escaped."""
    # A line break between cells, as Markdown writes them: text extractors (the search index) see words apart.
    head = '\n'.join(f'<th>{cell}</th>' for cell in header)
    body = '\n'.join('<tr>\n' + '\n'.join(f'<td>{cell}</td>' for cell in row) + '\n</tr>' for row in rows)
    return f'<table>\n<thead>\n<tr>\n{head}\n</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>'


def raw_block(parts: list[str]) -> str:
    """HTML parts as one raw block of the Markdown page (no blank line inside, one after). Only the
    block's own closing tag starts a line with </div> (hooks/data_blocks.py finds the end by it)."""
    return f'{DATA_BLOCK_START}\n' + '\n'.join(part for part in parts if part) + f'\n{DATA_BLOCK_END}\n'
