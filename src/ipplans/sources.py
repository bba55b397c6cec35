"""Archived sources are hashed and add-only.

Each plan records the SHA-256 of its archived source's bytes in `plans.source_sha256` (the one home
of the hash; `ipplans fix` fills it for a new source, never over a recorded one). The validator
checks every file against it, and flags the same document archived twice (the same bytes, or the
same text after NFKC and whitespace removal).

Against a base revision (`ipplans validate --base REV`, and the CI's base gate), a source that
existed in the base must be there unchanged. `Base` reads the base's files from the package's git
repository (`git ls-tree`, `git cat-file`; no network, no checkout).
"""
from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

TABLE = 'plans'                 # the table that names each plan's archived source …
FILE_FIELD = 'source_file'      # … in this field,
HASH_FIELD = 'source_sha256'    # and records the SHA-256 of its bytes in this one
SOURCES_DIR = 'data/sources'


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def git_blob_id(data: bytes) -> str:
    """The id git gives these bytes as a file (a blob), to compare a file with the base's without reading it."""
    return hashlib.sha1(b'blob %d\0' % len(data) + data).hexdigest()


class BaseError(Exception):
    """The base revision cannot be read; the message says why and what to give."""


def _git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    try:
        result = subprocess.run(['git', '-C', str(repo), *args], capture_output=True, timeout=120)
    except FileNotFoundError:
        raise BaseError('git is not installed; --base needs it') from None
    except subprocess.TimeoutExpired:
        raise BaseError(f'git {args[0]} took too long') from None
    if check and result.returncode != 0:
        raise BaseError(result.stderr.decode('utf-8', 'replace').strip() or f'git {args[0]} failed')
    return result


class Base:
    """The package as it is in a base revision of its git repository, read through git."""

    def __init__(self, package_dir: Path, rev: str):
        if not rev or rev.startswith('-') or not rev.isprintable():
            raise BaseError(f'{rev!r} is not a revision: give a commit, branch or tag, such as origin/main')
        top = _git(package_dir, 'rev-parse', '--show-prefix', check=False)
        if top.returncode != 0:
            raise BaseError(f'{package_dir} is not inside a git repository, so it has no base revision')
        self.repo = package_dir
        self.prefix = top.stdout.decode('utf-8', 'surrogateescape').strip()   # the package's folder in the repository
        found = _git(package_dir, 'rev-parse', '--verify', '--quiet', '--end-of-options', f'{rev}^{{commit}}', check=False)
        if found.returncode != 0:
            raise BaseError(f'{rev!r} is not a commit of this repository (fetch it first, e.g. git fetch origin main)')
        self.rev = rev
        self.commit = found.stdout.decode().strip()

    def files(self, folder: str) -> dict[str, str]:
        """Every regular file under `folder` of the package in the base: path → git blob id."""
        listing = _git(self.repo, 'ls-tree', '-r', '-z', '--full-tree', self.commit, '--', self.prefix + folder).stdout
        files = {}
        for record in listing.decode('utf-8', 'surrogateescape').split('\0'):
            if not record:
                continue
            meta, path = record.split('\t', 1)
            mode, kind, blob = meta.split()
            if kind == 'blob' and mode in ('100644', '100755'):
                files[path[len(self.prefix):]] = blob
        return files

    def read(self, rel: str) -> bytes | None:
        """The bytes of one file of the package in the base, or None when the base has no such file."""
        result = _git(self.repo, 'cat-file', 'blob', f'{self.commit}:{self.prefix}{rel}', check=False)
        return result.stdout if result.returncode == 0 else None

    def changed(self) -> list[str]:
        """The repository's paths (relative to the package) that differ from the base: tracked files
        changed, added or removed in the working tree, and untracked files not ignored."""
        tracked = _git(self.repo, 'diff', '--name-only', '-z', '--no-renames', '--relative', self.commit, '--').stdout
        untracked = _git(self.repo, 'ls-files', '--others', '--exclude-standard', '-z').stdout
        names = (tracked + untracked).decode('utf-8', 'surrogateescape').split('\0')
        return sorted({name for name in names if name})
