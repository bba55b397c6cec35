"""The release steps, runnable anywhere: check, write every download, checksum them, write notes.

    ipplans release [--package DIR] [--out DIR] [--notes FILE] [--tag vX.Y.Z]
    make release-dry-run               (dist/release/ and dist/RELEASE_NOTES.md; no tag needed)

0. The package is valid (ipplans validate).
1. The version is the same in datapackage.json, CITATION.cff and the newest release heading of
   CHANGELOG.md (`## [X.Y.Z] - YYYY-MM-DD`, whose date is CITATION.cff's date-released); with
   --tag, the tag is vX.Y.Z. In GitHub Actions, CITATION.cff's repository-code is this repository.
2. Against the previous release (the highest tag vX.Y.Z below this version; a dry run whose
   version is already tagged compares with that tag): every identifier of that release is still
   there or recorded in retired_ids (ipplans ids), and the version is bumped at least as much as
   the changes need (ipplans diff --check-version).
3. Every download (ipplans export) into --out (default dist/release/), and SHA256SUMS there: one
   line `SHA256  FILE` per file, as `sha256sum -c SHA256SUMS` checks it; then each checksum is
   verified.
4. The release notes (--notes): the CHANGELOG entry, the changes in the data since the previous
   release (counts per table and the minimum bump), how to check the files.

Without --tag it is a dry run: what a release would refuse at steps 1–2 because the version was not
raised yet is printed as a warning and the files are written all the same. A lost identifier, files
that disagree on the version, and a download that cannot be written are errors either way. The
release workflow (.github/workflows/release.yml) runs it with --tag on every tag v* and attaches
the files to the GitHub release.

Exit status: 0 written; 1 an error above (nothing written); 2 unusable arguments.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ipplans import diff as diffs
from ipplans import ids
from ipplans.export import ExportError, export
from ipplans.package import Package, PackageError
from ipplans.paths import REPO
from ipplans.revisions import (RevisionError, changelog_releases, changelog_section, git_location, latest_release_tag,
                               open_version, release_tags)

SUMS = 'SHA256SUMS'


@dataclass
class Findings:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def fail(self, message: str, release: bool) -> None:
        """An error for a release; for a dry run, a warning of what the release would refuse."""
        (self.errors if release else self.warnings).append(message if release else f'a release would refuse this: {message}')


class TextDates(yaml.SafeLoader):
    """YAML that keeps dates as written (CITATION.cff's date-released is compared as text)."""


TextDates.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != 'tag:yaml.org,2002:timestamp']
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def read_citation(folder: Path) -> dict:
    """CITATION.cff of the package folder (or the repository), {} when there is none."""
    for path in (folder / 'CITATION.cff', REPO / 'CITATION.cff'):
        if path.is_file():
            loaded = yaml.load(path.read_text(encoding='utf-8'), Loader=TextDates)
            return loaded if isinstance(loaded, dict) else {}
    return {}


def read_changelog(folder: Path) -> str:
    for path in (folder / 'CHANGELOG.md', REPO / 'CHANGELOG.md'):
        if path.is_file():
            return path.read_text(encoding='utf-8')
    return ''


def check_valid(folder: Path, found: Findings) -> None:
    """Step 0: the validator finds no problem."""
    from ipplans.validate import run
    from ipplans.validate.report import order, report
    context = run(folder)
    problems = order(context.problems, context.package)
    if problems:
        found.errors += report(problems, 'text', 'en')
    else:
        found.notes.append('the package is valid')


def check_versions(package: Package, folder: Path, tag: str | None, found: Findings) -> str:
    """Step 1; returns the CHANGELOG date of the version ('' when it has none)."""
    version = package.version
    citation = read_citation(folder)
    releases = changelog_releases(read_changelog(folder))
    newest, date = releases[0] if releases else ('', '')
    if not (version == str(citation.get('version', '')) == newest):
        found.errors.append(f'the version differs: datapackage.json {version!r}, CITATION.cff {citation.get("version")!r}, '
                            f'newest CHANGELOG.md release {newest!r}; make them one')
    elif str(citation.get('date-released', '')) != date:
        found.errors.append(f'CITATION.cff date-released {citation.get("date-released")!r} is not the CHANGELOG date {date!r}')
    else:
        found.notes.append(f'version {version} in datapackage.json, CITATION.cff and CHANGELOG.md ({date})')
    if tag is not None and tag != f'v{version}':
        found.errors.append(f'the tag {tag} does not name version {version}: tag v{version}, or fix the version')
    repository = os.environ.get('GITHUB_REPOSITORY')
    if repository:
        expected = f'{os.environ.get("GITHUB_SERVER_URL", "https://github.com")}/{repository}'
        if citation.get('repository-code') != expected:
            found.fail(f'CITATION.cff repository-code is {citation.get("repository-code")!r}, this repository is {expected}',
                       tag is not None)
    return date


def previous_release(folder: Path, version: str, tag: str | None) -> str | None:
    """The tag to compare with (see step 2), or None when there is no earlier release here."""
    location = git_location(folder)
    if location is None:
        return None
    tags = release_tags(location[0])
    if tag is None and version in tags:
        return tags[version]
    try:
        return latest_release_tag(location[0], below=version)
    except ValueError:
        return None


def check_history(package: Package, folder: Path, tag: str | None, found: Findings) -> tuple[str | None, diffs.PackageDiff | None]:
    """Step 2: identifiers and the version bump against the previous release; its tag and the diff."""
    try:
        previous = previous_release(folder, package.version, tag)
    except RevisionError as error:
        found.warnings.append(f'the earlier releases cannot be read: {error}')
        return None, None
    if previous is None:
        found.notes.append('no earlier release tag here (a first release, or a clone without tags): '
                           'nothing to compare identifiers and version with')
        return None, None
    try:
        with open_version(previous, folder) as version:
            old = Package.load(version.dir)
            label = version.label
    except (RevisionError, PackageError) as error:
        found.errors.append(f'{previous}: {error}')
        return previous, None
    problems, checked = ids.check(old, package, label)
    found.errors += [problem.text() for problem in problems]
    if not problems:
        found.notes.append(f'every identifier of {label} is still here or retired ({sum(checked.values())} checked)')
    diff = diffs.compare(old, package, label, f'version {package.version}')
    problem = diffs.version_problem(diff)
    if problem:
        found.fail(f'{problem} (since {label}; at least {diffs.next_version(diff.old_version, diff.bump)})', tag is not None)
    else:
        found.notes.append(f'version {diff.old_version} → {package.version}: enough for the changes since {label} '
                           f'(minimum bump: {diff.bump})')
    return previous, diff


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, 'rb') as handle:
        for block in iter(lambda: handle.read(1 << 20), b''):
            digest.update(block)
    return digest.hexdigest()


def write_checksums(folder: Path) -> list[str]:
    """SHA256SUMS for every file of the folder (not itself), sorted by name; its lines."""
    lines = [f'{sha256(path)}  {path.name}' for path in sorted(folder.iterdir()) if path.is_file() and path.name != SUMS]
    (folder / SUMS).write_text('\n'.join(lines) + '\n', encoding='utf-8', newline='\n')
    return lines


def verify_checksums(folder: Path) -> list[str]:
    """What does not match SHA256SUMS (a changed, missing or unlisted file); [] when every file verifies."""
    listed = {}
    for line in (folder / SUMS).read_text(encoding='utf-8').splitlines():
        digest, _, name = line.partition('  ')
        listed[name] = digest
    problems = [f'{name}: missing' for name in listed if not (folder / name).is_file()]
    problems += [f'{name}: checksum differs' for name, digest in listed.items()
                 if (folder / name).is_file() and sha256(folder / name) != digest]
    problems += [f'{path.name}: not in {SUMS}' for path in folder.iterdir() if path.is_file() and path.name not in listed | {SUMS: ''}]
    return problems


def release_notes(package: Package, folder: Path, date: str, previous: str | None, diff: diffs.PackageDiff | None,
                  files: int) -> str:
    title = package.descriptor.get('title', package.name)
    entry = changelog_section(read_changelog(folder), package.version) or '(No CHANGELOG.md entry for this version.)'
    parts = [f'{title}, version {package.version}' + (f' ({date})' if date else ''), '', entry, '',
             '## Changes in the data' + (f' since {previous}' if diff else ''), '']
    if diff is None:
        parts.append('No earlier release tag to compare with.')
    else:
        parts += [diffs.markdown_summary(diff).rstrip(), '',
                  f'Every row added, removed or changed: `ipplans diff {previous} v{package.version}`, or the site\'s Changes page.']
    parts += ['', '## Files', '', f'{files} files: each table as CSV, Excel CSV, Parquet and Stata; the workbook, the SQLite '
              'database and the whole Frictionless package as a zip; `manifest.json` describes each file. '
              f'Check them with `sha256sum -c {SUMS}` (Linux), `shasum -a 256 -c {SUMS}` (macOS).']
    return '\n'.join(parts) + '\n'


def prepare(out: Path) -> str | None:
    """Empty the output folder, refusing one that holds anything but an earlier release's files."""
    if out.exists() and any(out.iterdir()) and not (out / SUMS).is_file():
        return f'{out} is not empty and holds no {SUMS}: give an empty folder (or one an earlier release wrote)'
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    return None


def main(argv: list[str] | None = None) -> int:
    summary, rest = __doc__.split('\n\n', 1)
    parser = argparse.ArgumentParser(prog='ipplans release', description=summary, epilog=rest,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--package', type=Path, default=REPO, help='package directory (default: this repository)')
    parser.add_argument('--out', type=Path, default=REPO / 'dist' / 'release', help='folder for the files (default: dist/release)')
    parser.add_argument('--notes', type=Path, help='write the release notes (Markdown) to this file')
    parser.add_argument('--tag', help='the tag being released (vX.Y.Z): a real release, whose checks must all pass')
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    try:
        package = Package.load(args.package)
    except PackageError as error:
        print(f'ipplans release: {error}', file=sys.stderr)
        return 2
    found = Findings()
    check_valid(args.package, found)
    date = check_versions(package, args.package, args.tag, found)
    previous, diff = check_history(package, args.package, args.tag, found)
    for note in found.notes:
        print(f'ok: {note}')
    for warning in found.warnings:
        print(f'warning: {warning}')
    if found.errors:
        for error in found.errors:
            print(f'error: {error}', file=sys.stderr)
        print('ipplans release: stopped; nothing written', file=sys.stderr)
        return 1
    problem = prepare(args.out)
    if problem:
        print(f'ipplans release: {problem}', file=sys.stderr)
        return 2
    try:
        manifest = export(args.package, args.out)
    except ExportError as error:
        print(f'{error}\nipplans release: the downloads cannot be written; nothing released', file=sys.stderr)
        return 1
    except Exception as error:   # a writer's own error (SQLite, Arrow, Stata) on data the validator let through
        print(f'{type(error).__name__}: {error}\nipplans release: the downloads cannot be written; nothing released',
              file=sys.stderr)
        return 1
    lines = write_checksums(args.out)
    unverified = verify_checksums(args.out)
    if unverified:
        print('\n'.join(f'error: {line}' for line in unverified), file=sys.stderr)
        return 1
    print(f'wrote {len(manifest)} downloads, manifest.json and {SUMS} ({len(lines)} files) to {args.out}; every checksum verifies')
    if args.notes:
        args.notes.parent.mkdir(parents=True, exist_ok=True)
        args.notes.write_text(release_notes(package, args.package, date, previous, diff, len(lines) + 1), encoding='utf-8')
        print(f'wrote the release notes to {args.notes}')
    print(f'release {args.tag}: the files are ready to attach' if args.tag else
          'dry run complete: nothing was tagged or published')
    return 0


if __name__ == '__main__':
    sys.exit(main())
