"""The releases as the site shows them: the versions of CHANGELOG.md, the git tag of each where this
clone has it, the repository the releases are published in, and the citation metadata.

Nothing here may stop a build: a package outside git, a clone without tags (CI clones are often
shallow) or a missing CITATION.cff give a notice for the page to show instead.

The repository's address is REPOSITORY_URL from the environment (the site workflow sets it from
the repository it runs in), else CITATION.cff's repository-code; an address still holding the
placeholder OWNER counts as unset. A release's downloads are its GitHub release's assets, linked by
tag (RELEASE_DOWNLOAD).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ipplans.paths import REPO
from ipplans.revisions import FETCH_HINT, changelog_releases, git_location, is_shallow, release_tags

PLACEHOLDER = '/OWNER/'
RELEASE_PAGE = '{repository}/releases/tag/{tag}'
RELEASE_DOWNLOAD = '{repository}/releases/download/{tag}/{file}'


@dataclass
class Release:
    version: str
    date: str
    tag: str | None          # the tag vX.Y.Z when this clone has it


@dataclass
class History:
    releases: list[Release]                  # from CHANGELOG.md, newest first
    repo: Path | None = None                 # the git repository of the package, None outside git
    tags: dict[str, str] = field(default_factory=dict)   # version → tag, every release tag of the clone
    notice: str = ''                         # why tags are missing, for the pages to say
    citation: dict = field(default_factory=dict)

    @property
    def latest_tag(self) -> str | None:
        return next(iter(self.tags.values()), None)

    @property
    def repository(self) -> str:
        url = os.environ.get('REPOSITORY_URL') or str(self.citation.get('repository-code') or '')
        return '' if PLACEHOLDER in url or not url.startswith('https://') else url.rstrip('/')

    @property
    def doi(self) -> str:
        """The DOI of CITATION.cff (`doi`, or an identifier of type doi), '' until one is minted."""
        if self.citation.get('doi'):
            return str(self.citation['doi'])
        for identifier in self.citation.get('identifiers') or []:
            if isinstance(identifier, dict) and identifier.get('type') == 'doi' and identifier.get('value'):
                return str(identifier['value'])
        return ''

    def release_page(self, tag: str) -> str:
        return RELEASE_PAGE.format(repository=self.repository, tag=tag) if self.repository else ''

    def release_file(self, tag: str, file: str) -> str:
        return RELEASE_DOWNLOAD.format(repository=self.repository, tag=tag, file=file) if self.repository else ''


def repository_file(package_dir: Path, name: str) -> Path | None:
    """A file of the package's folder, else of this repository (CHANGELOG.md, CITATION.cff)."""
    for folder in (package_dir, REPO):
        if (folder / name).is_file():
            return folder / name
    return None


def read_citation(package_dir: Path) -> dict:
    path = repository_file(package_dir, 'CITATION.cff')
    if path is None:
        return {}
    import yaml   # only when a page asks: `ipplans site --clean` runs without the venv
    try:
        loaded = yaml.safe_load(path.read_text(encoding='utf-8'))
    except yaml.YAMLError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def history(package_dir: Path) -> History:
    changelog = repository_file(package_dir, 'CHANGELOG.md')
    versions = changelog_releases(changelog.read_text(encoding='utf-8')) if changelog else []
    result = History([Release(version, date, None) for version, date in versions], citation=read_citation(package_dir))
    location = git_location(package_dir)
    if location is None:
        result.notice = ('This site was built from a package outside a git repository (or without git), so the '
                         'changes between versions could not be computed here.')
        return result
    result.repo = location[0]
    result.tags = release_tags(result.repo)
    for release in result.releases:
        release.tag = result.tags.get(release.version)
    missing = [release.version for release in result.releases if release.tag is None]
    if missing:
        shallow = ' This clone is shallow.' if is_shallow(result.repo) else ''
        result.notice = (f'The clone this site was built from has no tag for version {", ".join(missing)} '
                         f'(clones made by CI often have no tags).{shallow} To see those changes here, '
                         f'{FETCH_HINT} and build again; the changelog says what each version changed.')
    return result
