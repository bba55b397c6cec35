"""The Download page's fragments: generated/downloads.md, each file of the downloads' manifest with
its link, what it holds, its size and its SHA-256 checksum (whole-package files first, then each
table's files in table order; the manifest says which table a file holds); and
generated/releases.md, every released version of CHANGELOG.md with links to its downloads, the
assets of its GitHub release (by tag), its checksums and what it changed."""
from __future__ import annotations

from typing import Iterator
from urllib.parse import quote

from ipplans.paths import safe_relative
from ipplans.site.links import FRAGMENTS, download_anchor
from ipplans.site.markup import code, external_link, link, md, table_md
from ipplans.site.model import Site
from ipplans.site.releases import History, history

FOLDERS = (FRAGMENTS,)
NOT_BUILT = ('!!! warning "The downloads were not built"\n\n'
             '    This copy of the site was built without the download files. `make site` writes them '
             '(with `scripts/export.py`) before it builds the site.\n')


def pages(site: Site) -> Iterator[tuple[str, str]]:
    yield f'{FRAGMENTS}/downloads.md', downloads_fragment(site)
    yield f'{FRAGMENTS}/releases.md', releases_fragment(site, history(site.package.dir))


def human_size(size: int) -> str:
    for unit in ('bytes', 'KB', 'MB', 'GB'):
        if size < 1024 or unit == 'GB':
            return f'{size} {unit}' if unit == 'bytes' else f'{size:.1f} {unit}'
        size /= 1024
    return str(size)


def file_cell(site: Site, file: str) -> str:
    """The file's name with its anchor, linked when the file is there."""
    anchor = f'<a id="{download_anchor(file)}"></a>'
    if safe_relative(file) is not None and (site.downloads / file).is_file():
        return anchor + link(md(file), 'downloads/' + quote(file))
    return f'{anchor}{md(file)} (missing)'


def downloads_fragment(site: Site) -> str:
    if site.manifest is None:
        return NOT_BUILT
    order = {name: index for index, name in enumerate(site.table_names)}
    rows = []
    for entry in sorted(site.manifest, key=lambda e: (order.get(e.get('table') or '', -1), e['file'])):
        size = entry.get('bytes')
        rows.append([file_cell(site, entry['file']), md(entry.get('description', '')),
                     f'{human_size(size)}<br>({size} bytes)' if isinstance(size, int) else md(size or ''),
                     code(entry.get('sha256', ''))])
    return table_md(['File', 'What it holds', 'Size', 'SHA-256'], rows) + (
        '\nCheck a file with `sha256sum FILE` (Linux), `shasum -a 256 FILE` (macOS) or '
        '`certutil -hashfile FILE SHA256` (Windows).\n')


def releases_fragment(site: Site, known: History) -> str:
    """Every released version, newest first, with its downloads as its GitHub release's assets."""
    if not known.releases:
        return 'No version has been released yet.\n'
    package_zip = f'{site.descriptor.get("name", "package")}.zip'
    rows = []
    for release in known.releases:
        tag = f'v{release.version}'
        changes = link('what changed', f'changes/v{release.version.replace(".", "-")}.md')
        if known.repository:
            files = ' · '.join([external_link(known.release_page(tag), 'all files'),
                                external_link(known.release_file(tag, package_zip), md(package_zip)),
                                external_link(known.release_file(tag, 'SHA256SUMS'), 'SHA256SUMS')])
        else:
            files = f'the GitHub release {code(tag)}'
        rows.append([md(release.version), md(release.date), files, changes])
    out = [table_md(['Version', 'Released', 'Downloads', 'Changes'], rows)]
    if not known.repository:
        out.append('The repository\'s address is not set yet (`repository-code` in CITATION.cff), so the releases '
                   'are not linked here.\n')
    out.append('Each release carries every file listed above, for that version, and `SHA256SUMS`: check the files with '
               '`sha256sum -c SHA256SUMS`. Cite the version you used.\n')
    return '\n'.join(out)
