"""The Changes pages (changes/): what each release changed in the data, row by row, and what has
changed since the last release.

For each version of CHANGELOG.md whose tag vX.Y.Z this clone has, the package at that tag is
compared with the package at the previous version's tag (ipplans.diff: rows added, removed and
changed per table by primary key, schema changes, the minimum version bump); the oldest version
is shown as what it first published. "Since the last release" compares the highest tag with the
package the site is built from. Each comparison is a page (changes/vX-Y-Z.md, changes/unreleased.md)
and a row of changes/index.md. A version without a tag here (CI clones often have none), a package
outside git, or a version that cannot be read is said on the page: the build never fails for it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ipplans.diff import common_ends
from ipplans.site.links import measure_href, plan_href
from ipplans.site.markup import a, built, code, external_link, front_matter, link, md, table_md
from ipplans.site.model import Site
from ipplans.site.releases import History, history

FOLDERS = ('changes',)
LIMIT = 200     # rows listed per table and kind on a page; the rest are counted
UNRELEASED = 'unreleased'


@dataclass
class Comparison:
    """One row of the index and one page: `new` compared with `old` (labels), or why it cannot be."""
    slug: str
    title: str
    version: str
    date: str
    old: str                 # what it is compared with ('' for a first release)
    new: str
    diff: object = None      # an ipplans.diff.PackageDiff
    notice: str = ''


def first(c: Comparison) -> bool:
    """The comparison of the oldest release with nothing: what it first published."""
    return c.slug != UNRELEASED and not c.old


def version_slug(version: str) -> str:
    return 'v' + version.replace('.', '-')


def pages(site: Site) -> Iterator[tuple[str, str]]:
    try:
        known = history(site.package.dir)
    except Exception as error:   # the build must not fail for the history: say why instead
        known = History([], notice=f'The release history could not be read ({type(error).__name__}: {error}).')
    comparisons = [unreleased(site, known)] + [released(site, known, index) for index in range(len(known.releases))]
    yield 'changes/index.md', index_page(site, known, comparisons)
    for comparison in comparisons:
        yield f'changes/{comparison.slug}.md', comparison_page(site, known, comparison)


def compare_versions(site: Site, old_ref: str | None, new_ref: str | None):
    """The diff of two versions: a ref is a tag, or None for the empty package (old) or the site's own package (new)."""
    from ipplans import diff as diffs           # only when a page is written: daff is not needed to --clean
    from ipplans.package import Package
    from ipplans.revisions import open_version

    def load(ref: str):
        with open_version(ref, site.package.dir) as version:
            return Package.load(version.dir), version.label
    old, old_label = load(old_ref) if old_ref else (None, 'nothing (the first release)')
    new, new_label = load(new_ref) if new_ref else (site.package, 'this site')
    return diffs.compare(old, new, old_label, new_label)


def attempt(comparison: Comparison, site: Site, old_ref: str | None, new_ref: str | None) -> Comparison:
    try:
        comparison.diff = compare_versions(site, old_ref, new_ref)
    except Exception as error:   # a tag that cannot be read, a package of another shape: said, not raised
        comparison.notice = f'The comparison could not be made: {error}'
    return comparison


def unreleased(site: Site, known: History) -> Comparison:
    latest = known.latest_tag
    comparison = Comparison(UNRELEASED, 'Since the last release', 'unreleased', '', latest or '', 'this site')
    if known.repo is None or latest is None:
        comparison.notice = known.notice or 'This clone has no release tag (vX.Y.Z) to compare with.'
        return comparison
    return attempt(comparison, site, latest, None)


def released(site: Site, known: History, index: int) -> Comparison:
    release = known.releases[index]
    previous = known.releases[index + 1] if index + 1 < len(known.releases) else None
    comparison = Comparison(version_slug(release.version), f'Changes in {release.version}', release.version, release.date,
                            (previous.tag or f'v{previous.version}') if previous else '', release.tag or f'v{release.version}')
    if release.tag is None:
        comparison.notice = (f'This clone has no tag v{release.version}, so its changes cannot be computed here. '
                             + known.notice)
        return comparison
    if previous is not None and previous.tag is None:
        comparison.notice = (f'This clone has no tag v{previous.version} (the version before), so the changes cannot be '
                             'computed here. ' + known.notice)
        return comparison
    return attempt(comparison, site, previous.tag if previous else None, release.tag)


# --- the index --------------------------------------------------------------------------------

def totals(diff) -> tuple[str, str, str, str]:
    """Tables added and removed, and rows added, removed, changed in the tables both versions have."""
    kept = [t for t in diff.tables if t.status == 'kept']
    tables = ', '.join([f'+{t.name}' for t in diff.tables if t.status == 'added'] +
                       [f'−{t.name}' for t in diff.tables if t.status == 'removed'])
    return (md(tables) or '–', str(sum(len(t.added) for t in kept)), str(sum(len(t.removed) for t in kept)),
            str(sum(len(t.changed) for t in kept)))


def index_page(site: Site, known: History, comparisons: list[Comparison]) -> str:
    rows = []
    for c in comparisons:
        name = link(md('Unreleased' if c.slug == UNRELEASED else c.version), f'{c.slug}.md')
        compared = md(c.old) if c.old else 'first release'
        if c.diff is None:
            rows.append([name, md(c.date), compared, 'not computed here', '', '', '', ''])
        elif first(c):
            published = [t for t in c.diff.tables if t.status == 'added']
            rows.append([name, md(c.date), compared, f'{len(published)} tables published',
                         str(sum(len(t.added) for t in published)), '–', '–', '–'])
        else:
            rows.append([name, md(c.date), compared, *totals(c.diff), md(c.diff.bump)])
    out = [front_matter(title='Changes between versions'), '# Changes between versions\n',
           'What each release changed in the data, row by row: the rows added, removed and changed in each table '
           '(matched by the table\'s primary key), the fields added or removed, and the smallest version bump the '
           'changes need under the [versioning rules](../changelog.md). They are computed from the package at each '
           'release\'s git tag; `ipplans diff vX.Y.Z vA.B.C` (or `make diff FROM=… TO=…`) gives the same on any two '
           'versions. The [changelog](../changelog.md) says in words what each version changed; '
           '[identifiers](../identifiers.md) says which ids never change.\n']
    if known.notice:
        out.append(f'!!! note "Not every version could be compared here"\n\n    {md(known.notice)}\n')
    out.append(table_md(['Version', 'Released', 'Compared with', 'Tables added or removed', 'Rows added',
                         'Rows removed', 'Rows changed', 'Minimum bump'], rows))
    out.append('Rows added, removed and changed count the tables both versions have; a table added or removed '
               'is named in its column, and the first release counts every row it published.\n')
    return '\n'.join(out)


# --- a comparison's page ------------------------------------------------------------------------

def key_cell(site: Site, table: str, key: str) -> str:
    """A row's key, linked to its place in the site when that row is in the package the site shows.
    (Raw HTML links, as the plan pages' own: MkDocs cannot see the anchors of their raw HTML blocks.)"""
    if table == 'plans' and key in site.plans:
        return a(code(key), built(plan_href(key)))
    if table == 'measures' and key in site.measures and site.measures[key].get('plan_id', '') in site.plans:
        return a(code(key), built(measure_href(site.measures[key])))
    return code(key)


def more(count: int, shown: int, c: Comparison) -> str:
    if count <= shown:
        return ''
    new = c.new if c.slug != UNRELEASED else '.'
    return (f'\n… and {count - shown} more: `ipplans diff {md(c.old.split(" ")[0])} {md(new.split(" ")[0])} --all` '
            'lists them all.\n')


def marked(old: str, new: str, context: int = 40) -> tuple[str, str]:
    """Two values escaped, the part that differs marked, long common parts cut to some context."""
    if not old or not new:
        return md(old) or '(empty)', md(new) or '(empty)'
    start, end = common_ends(old, new)
    head = old[:start] if start <= context else '…' + old[start - context:start]
    tail = old[len(old) - end:] if end <= context else old[len(old) - end:len(old) - end + context] + '…'

    def escaped(text: str) -> str:
        """md(), keeping a space where the text starts or ends with white space (md() drops it)."""
        return (' ' if text[:1].isspace() else '') + md(text) + (' ' if text[-1:].isspace() and text.strip() else '')

    def show(text: str) -> str:
        middle = text[start:len(text) - end]
        if middle and not middle.strip():
            middle = '␣' * len(middle)       # white space alone: made visible
        return escaped(head) + (f'<mark>{escaped(middle)}</mark>' if middle else '') + escaped(tail)
    return show(old), show(new)


def table_section(site: Site, c: Comparison, table) -> list[str]:
    out = [f'## {md(table.name)}\n',
           f'Rows matched by {md(", ".join(table.key)) or "their content"}: {len(table.added)} added, '
           f'{len(table.removed)} removed, {len(table.changed)} changed.\n']
    for kind, items in (('Added', table.added), ('Removed', table.removed)):
        if items:
            keys = [key_cell(site, table.name, table.row_key(row)) if kind == 'Added' else code(table.row_key(row))
                    for row in items[:LIMIT]]
            out += [f'### {kind} ({len(items)})\n', ' · '.join(keys) + '\n' + more(len(items), LIMIT, c)]
    if table.changed:
        rows = []
        for change in table.changed[:LIMIT]:
            for number, (field, old, new) in enumerate(change.cells):
                before, after = marked(old, new)
                rows.append([key_cell(site, table.name, change.key) if number == 0 else '', code(field), before, after])
        out += [f'### Changed ({len(table.changed)})\n', table_md(['Row', 'Field', 'Before', 'After'], rows)
                + more(len(table.changed), LIMIT, c)]
    return out


def comparison_page(site: Site, known: History, c: Comparison) -> str:
    out = [front_matter(title=c.title, search={'exclude': 'true'}), f'# {md(c.title)}\n']
    if c.slug == UNRELEASED:
        intro = (f'What has changed in the package this site shows since the last release, {code(c.old)}.'
                 if c.old else 'What has changed since the last release.')
    else:
        intro = (f'Version {md(c.version)}, released {md(c.date)} (tag {code(c.new)}), compared with '
                 + (f'the version before it ({code(c.old)}).' if c.old else 'nothing: the first release, everything it published.'))
        tag = c.new if c.new.startswith('v') else ''
        if tag and known.release_page(tag.split(' ')[0]):
            intro += f' Its downloads: {external_link(known.release_page(tag.split(" ")[0]), "the release " + md(tag.split(" ")[0]))}.'
    out.append(intro + ' [All versions](index.md).\n')
    if c.diff is None:
        out.append(f'!!! note "Not computed here"\n\n    {md(c.notice)}\n')
        return '\n'.join(out)
    from ipplans.diff import summary_rows, version_problem
    diff = c.diff
    rows = summary_rows(diff)
    if not rows:
        out.append('No changes in the data or the schemas.\n')
        return '\n'.join(out)
    out.append(table_md(['Table', 'Status', 'Rows before', 'Rows after', 'Added', 'Removed', 'Changed', 'Fields'],
                        [[md(cell) for cell in row] for row in rows]))
    if first(c):
        out.append('The first release: the tables it published, with their rows.\n')
        return '\n'.join(out)
    bump = f'The smallest version bump these changes need: **{md(diff.bump)}**'
    if c.slug != UNRELEASED and diff.old_version and diff.new_version:
        problem = version_problem(diff)
        bump += f' (the version went {md(diff.old_version)} → {md(diff.new_version)}' + (
            f'; {md(problem)})' if problem else ', enough)')
    out.append(bump + '. Why:\n')
    out.append('\n'.join(f'- {md(reason.bump)}: {md(reason.text)}' for reason in diff.reasons()) + '\n')
    for table in diff.tables:
        if table.status == 'kept' and (table.added or table.removed or table.changed):
            out += table_section(site, c, table)
    return '\n'.join(out)
