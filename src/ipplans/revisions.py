"""Other versions of the package: a package folder, a release zip, or a git revision.

    with open_version('v0.1.0') as version:      # a tag, a commit, a branch, 'latest', a folder or a .zip
        version.dir, version.label

A git revision is read with `git archive REV` into a temporary folder (the descriptor, the folders
its resources and schemas lie in), without touching the work tree and without network access. The
package is the one at the same place in the repository as the current package (the repository's
root by default). A release is a tag `vX.Y.Z` (release_tags); 'latest' names the highest one.

A clone may lack what is asked for: CI clones are often shallow and without tags. Every failure is
a RevisionError whose message says what is missing and how to fetch it, never a traceback; callers
that must not fail (the site) turn it into a notice.

CHANGELOG.md's release headings (`## [X.Y.Z] - YYYY-MM-DD`) give the versions (changelog_releases).
"""
from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import subprocess
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator

SEMVER = re.compile(r'(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)')
TAG = re.compile(r'v((0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*))')
RELEASE_HEADING = re.compile(r'^## \[([^\]]+)\] - (\d{4}-\d{2}-\d{2})\s*$', re.M)
FETCH_HINT = 'fetch the tags and the history with `git fetch --tags --unshallow` (or `git fetch --tags`)'


class RevisionError(Exception):
    """A version cannot be read; the message says what is missing and what to do."""


def version_key(version: str) -> tuple[int, int, int]:
    """(major, minor, patch) of X.Y.Z; ValueError for anything else."""
    match = SEMVER.fullmatch(version)
    if not match:
        raise ValueError(f'{version!r} is not a version X.Y.Z')
    return tuple(int(part) for part in match.groups())  # type: ignore[return-value]


@dataclass(frozen=True)
class Version:
    """A package of one version, read into `dir` (a temporary folder, or the folder given)."""
    dir: Path
    label: str           # what the user named, with the commit for a git revision: 'v0.1.0 (cbaf161)'
    commit: str = ''     # the full commit of a git revision, '' otherwise


# --- git --------------------------------------------------------------------------------------

def git(repo: Path, *args: str, binary: bool = False) -> str | bytes:
    """Run git in `repo`; RevisionError with git's message when it fails or is not installed."""
    if shutil.which('git') is None:
        raise RevisionError('git is not installed: only package folders and release zips can be compared')
    result = subprocess.run(['git', '-C', str(repo), *args], capture_output=True, text=not binary)
    if result.returncode != 0:
        error = result.stderr if isinstance(result.stderr, str) else result.stderr.decode('utf-8', 'replace')
        raise RevisionError(f'git {" ".join(args[:2])}: {error.strip() or "failed"}')
    return result.stdout


def git_location(folder: Path) -> tuple[Path, str] | None:
    """(repository root, the folder's path inside it, '' for the root), or None outside a git work tree."""
    try:
        top = git(folder, 'rev-parse', '--show-toplevel')
        prefix = git(folder, 'rev-parse', '--show-prefix')
    except (RevisionError, OSError):
        return None
    return Path(str(top).strip()), str(prefix).strip().strip('/')


def is_shallow(repo: Path) -> bool:
    try:
        return str(git(repo, 'rev-parse', '--is-shallow-repository')).strip() == 'true'
    except RevisionError:
        return False


def release_tags(repo: Path) -> dict[str, str]:
    """Version → tag, for every tag vX.Y.Z in the repository, highest version first; {} without git."""
    try:
        names = str(git(repo, 'tag', '--list', 'v*')).split()
    except (RevisionError, OSError):
        return {}
    tags = {match.group(1): name for name in names if (match := TAG.fullmatch(name))}
    return dict(sorted(tags.items(), key=lambda item: version_key(item[0]), reverse=True))


def latest_release_tag(repo: Path, below: str | None = None) -> str | None:
    """The tag of the highest release (below version `below`, when given), or None when there is none."""
    for version, tag in release_tags(repo).items():
        if below is None or version_key(version) < version_key(below):
            return tag
    return None


def commit_of(repo: Path, revision: str) -> str:
    """The full commit a revision names; RevisionError saying how to fetch it when the clone lacks it.
    (A revision that starts with '-' or holds control characters is refused, as ipplans.sources.Base
    refuses it: git would read it as an option.)"""
    if not revision or revision.startswith('-') or not revision.isprintable():
        raise RevisionError(f'{revision!r} is not a revision: give a tag, commit or branch, such as v0.1.0')
    try:
        return str(git(repo, 'rev-parse', '--verify', '--quiet', '--end-of-options', f'{revision}^{{commit}}')).strip()
    except RevisionError:
        shallow = ' (this clone is shallow)' if is_shallow(repo) else ''
        raise RevisionError(f'{revision}: no such tag, branch or commit in {repo}{shallow}; '
                            f'if it exists upstream, {FETCH_HINT}') from None


def archive(repo: Path, commit: str, prefix: str, target: Path) -> None:
    """Extract the package at `prefix` of `commit` into `target`: the descriptor and the folders
    its resources and schemas lie in."""
    root = PurePosixPath(prefix) if prefix else PurePosixPath()
    try:
        descriptor = read_json_bytes(git(repo, 'show', f'{commit}:{(root / "datapackage.json").as_posix()}', binary=True))
    except RevisionError:
        raise RevisionError(f'{commit[:12]}: no {(root / "datapackage.json").as_posix()} at this revision') from None
    tops = {'datapackage.json'}
    for entry in descriptor.get('resources', []) if isinstance(descriptor, dict) else []:
        for key in ('path', 'schema'):
            value = entry.get(key) if isinstance(entry, dict) else None
            if isinstance(value, str) and value and not value.startswith(('/', '..')):
                tops.add(PurePosixPath(value).parts[0])
    listed = set(str(git(repo, 'ls-tree', '--name-only', commit, f'{root.as_posix()}/' if prefix else '.')).split())
    paths = sorted((root / top).as_posix() for top in tops if (root / top).as_posix() in listed)
    data = git(repo, 'archive', '--format=tar', commit, '--', *paths, binary=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(target, filter='data')


def read_json_bytes(data: bytes | str) -> object:
    try:
        return json.loads(data if isinstance(data, str) else data.decode('utf-8-sig'))
    except ValueError as error:
        raise RevisionError(f'datapackage.json is not valid JSON ({error})') from None


# --- zips -------------------------------------------------------------------------------------

def unzip_package(path: Path, target: Path) -> Path:
    """Extract a release zip; the package folder inside it (the zip's root, or its one top folder)."""
    try:
        with zipfile.ZipFile(path) as archive_:
            for name in archive_.namelist():
                if name.startswith('/') or '..' in PurePosixPath(name).parts:
                    raise RevisionError(f'{path}: entry {name!r} would leave the folder')
            archive_.extractall(target)
    except zipfile.BadZipFile as error:
        raise RevisionError(f'{path}: not a zip file ({error})') from None
    for candidate in [target, *sorted(p for p in target.iterdir() if p.is_dir())]:
        if (candidate / 'datapackage.json').is_file():
            return candidate
    raise RevisionError(f'{path}: no datapackage.json in the zip (give the package zip of a release)')


# --- one entry point --------------------------------------------------------------------------

@contextlib.contextmanager
def open_version(ref: str, where: Path | None = None) -> Iterator[Version]:
    """The package that `ref` names, in a folder that lasts as long as the `with` block.

    `ref` is a package folder, a release zip, 'latest' (the highest release tag) or a git revision.
    A revision is read from the git repository of `where` (default: the current folder), and the
    package from the place `where` has in that repository (its root, usually).
    """
    path = Path(ref)
    if path.is_dir():
        if not (path / 'datapackage.json').is_file():
            raise RevisionError(f'{ref}: a folder without datapackage.json; give a package folder')
        yield Version(path, ref)
        return
    with tempfile.TemporaryDirectory(prefix='ipplans-version-') as temp:
        if path.suffix.lower() == '.zip' and path.is_file():
            yield Version(unzip_package(path, Path(temp)), ref)
            return
        where = where or Path.cwd()
        location = git_location(where)
        if location is None:
            raise RevisionError(f'{ref}: not a package folder or a .zip, and {where} is not in a git repository '
                                'to read it from as a revision')
        top, prefix = location
        revision = ref
        if ref == 'latest':
            revision = latest_release_tag(top) or ''
            if not revision:
                raise RevisionError(f'latest: no release tag (vX.Y.Z) in {top}; CI clones often have none: {FETCH_HINT}')
        commit = commit_of(top, revision)
        archive(top, commit, prefix, Path(temp))
        label = revision if commit.startswith(revision) else f'{revision} ({commit[:7]})'
        yield Version(Path(temp) / prefix if prefix else Path(temp), label, commit)


# --- CHANGELOG.md -----------------------------------------------------------------------------

def changelog_releases(text: str) -> list[tuple[str, str]]:
    """(version, date) of every release heading `## [X.Y.Z] - YYYY-MM-DD`, in the file's order (newest first)."""
    return [(version, date) for version, date in RELEASE_HEADING.findall(text) if SEMVER.fullmatch(version)]


def changelog_section(text: str, version: str) -> str:
    """The body of a version's entry (`Unreleased` for the unreleased one), without its heading."""
    match = re.search(rf'^## \[{re.escape(version)}\][^\n]*\n(.*?)(?=^## |\Z)', text, flags=re.M | re.S)
    return match.group(1).strip() if match else ''
