"""Identifiers researchers use never change: every identifier of an earlier release is still in the
package, or recorded in retired_ids.

    ipplans ids [--since REV] [PACKAGE_DIR] [--format text|github] [--lang both|en|zh]
    make ids                       (against the latest release tag, when the clone has one)

A table's identifiers are its primary key values when its schema says "stableIds": true (plans,
measures, agencies, targets, documents, curation notes, regions, the code lists); a key of several
fields is written joined by ':'. For each such table of the release REV (a tag, a commit, a package
folder or a release zip; default 'latest', the highest tag vX.Y.Z), every identifier must be in the
package now, or have a row in data/retired_ids.csv (table_name, old_id, new_id or empty,
date_retired, reason). New identifiers must not carry a status word (draft, final …): what an id
says cannot change, and a status does. The policy is docs/identifiers.md.

Prints one line per problem, `PATH:ROW:FIELD: ids: message` in English and Chinese (the validator's
form; --format github gives workflow annotations), then a summary. Without a release tag (a clone
without tags, as CI clones often are), or with --since latest naming a tag whose commit a shallow
clone lacks, it says so and exits 0: there is nothing to check against.

Exit status: 0 no identifier lost; 1 problems; 2 unusable arguments or a version that cannot be read.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ipplans.cli import parse_package_args
from ipplans.package import Package, PackageError, Resource
from ipplans.revisions import FETCH_HINT, RevisionError, git_location, latest_release_tag, open_version
from ipplans.schema import KEY_SEPARATOR
from ipplans.validate.problem import Problem
from ipplans.validate.report import report

RETIRED = 'retired_ids'
# Words that say what may change: a status, a stage, a relative age.
# ('new' and 'old' are left out: they are parts of names, as in Pudong New Area.)
STATUS_WORDS = {'draft', 'drafts', 'final', 'revised', 'revision', 'temp', 'tmp', 'latest', 'proposed', 'zqyj', 'zhengqiu'}

MESSAGES = {
    'id-gone': ('{table}.{field} "{id}" was published in {release} (line {line} there) and is not in {path} now: '
                'identifiers never change or disappear (docs/identifiers.md). Restore the row with this id, or record '
                'the id in data/retired_ids.csv: table_name {table}, old_id {id}, new_id (the id that replaces it, or '
                'empty), date_retired, reason.',
                '{table}.{field}“{id}”已在 {release} 中发布（当时第 {line} 行），现在 {path} 中却没有了：标识符一经发布'
                '不得更改或消失（见 docs/identifiers.md）。请恢复使用该标识符的行，或在 data/retired_ids.csv 中登记：'
                'table_name 填 {table}，old_id 填 {id}，new_id 填取代它的标识符（无则留空），并填写 date_retired 和 reason。'),
    'id-status': ('new {field} "{id}" carries the status word "{word}": an identifier never changes, so it must not say '
                  'what can (draft, final …). Name it by region and year or a short name instead (docs/identifiers.md).',
                  '新的 {field}“{id}”含有状态词“{word}”：标识符永不更改，因此不得包含会变化的信息（draft、final 等）。'
                  '请改用地区加年份或简称命名（见 docs/identifiers.md）。'),
}


def stable_tables(*packages: Package) -> list[str]:
    """Tables whose schema declares stable identifiers in any of the packages, in their order."""
    names: dict[str, None] = {}
    for package in packages:
        for name, resource in package.resources.items():
            if (resource.schema or {}).get('stableIds'):
                names[name] = None
    return list(names)


def ids_of(resource: Resource | None) -> dict[str, int]:
    """Identifier → CSV line, for a table with a primary key."""
    if resource is None or not resource.primary_key:
        return {}
    return {KEY_SEPARATOR.join(row.get(name, '') for name in resource.primary_key): line for line, row in resource.numbered()}


def status_word(identifier: str) -> str | None:
    return next((word for word in re.split(r'[-_:]', identifier.lower()) if word in STATUS_WORDS), None)


def problem(key: str, path: str, row: int | None, field: str, **params: str) -> Problem:
    en, zh = MESSAGES[key]
    return Problem(path, row, field, 'ids', en.format(path=path, field=field, **params), zh.format(path=path, field=field, **params))


def check(old: Package, new: Package, release: str) -> tuple[list[Problem], dict[str, int]]:
    """The problems, and how many identifiers of the release were checked per table."""
    retired = {(row.get('table_name', ''), row.get('old_id', '')) for row in new.rows(RETIRED)}
    problems: list[Problem] = []
    checked: dict[str, int] = {}
    released = {identifier for name in stable_tables(new, old) for identifier in ids_of(old.resources.get(name))}
    flagged: set[str] = set()
    for name in stable_tables(new, old):
        before, after = old.resources.get(name), new.resources.get(name)
        old_ids, new_ids = ids_of(before), ids_of(after)
        if before is not None:
            checked[name] = len(old_ids)
        resource = after or before
        field = KEY_SEPARATOR.join(resource.primary_key)
        path = resource.path
        for identifier, line in old_ids.items():
            if identifier not in new_ids and (name, identifier) not in retired:
                problems.append(problem('id-gone', path, None, field, table=name, id=identifier, release=release, line=str(line)))
        for identifier, line in new_ids.items():
            word = status_word(identifier)
            if word is None or inherited(identifier, released | flagged):
                continue
            flagged.add(identifier)
            problems.append(problem('id-status', path, line, field, id=identifier, word=word))
    return problems, checked


def inherited(identifier: str, known: set[str]) -> bool:
    """The identifier is a known one, or starts with one (a measure of a plan, a plan's document
    in the register): a status word there was already released, or already reported."""
    parts = identifier.split('-')
    return any('-'.join(parts[:end]) in known for end in range(1, len(parts) + 1))


def main(argv: list[str] | None = None) -> int:
    summary, rest = __doc__.split('\n\n', 1)
    parser = argparse.ArgumentParser(prog='ipplans ids', description=summary, epilog=rest,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('package_dir', nargs='?', default='.', help='the package now (default: .)')
    parser.add_argument('--since', default='latest', metavar='REV',
                        help='the release to check against: a tag, commit, package folder or zip (default: latest, the highest tag vX.Y.Z)')
    parser.add_argument('--format', choices=['text', 'github'], default='text')
    parser.add_argument('--lang', choices=['both', 'en', 'zh'], default='both')
    args, status = parse_package_args(parser, argv, 'give the package directory (the one holding datapackage.json).')
    if args is None:
        return status
    here = Path(args.package_dir)
    if args.since == 'latest':
        location = git_location(here)
        if location is None or latest_release_tag(location[0]) is None:
            print(f'ids: no release tag (vX.Y.Z) here, so no earlier release to check against; nothing checked. '
                  f'(A clone without tags? {FETCH_HINT}.) | 没有发布标签，无可对照的早期版本，未作检查。')
            return 0
    try:
        new = Package.load(here)
        with open_version(args.since, here) as version:
            old = Package.load(version.dir)
            label = version.label
    except RevisionError as error:
        if args.since == 'latest':   # a tag whose commit a shallow clone lacks: as if it had no tag
            print(f'ids: the latest release cannot be read here, so nothing was checked: {error}')
            return 0
        print(f'ids: {error}', file=sys.stderr)
        return 2
    except PackageError as error:
        print(f'ids: {error}', file=sys.stderr)
        return 2
    problems, checked = check(old, new, label)
    counts = ', '.join(f'{name} {n}' for name, n in checked.items())
    if problems:
        print('\n'.join(report(problems, args.format, args.lang)))
        return 1
    print(f'ids: every identifier of {label} is still here or retired ({sum(checked.values())} checked: {counts}) | '
          f'{label} 的标识符均在或已登记停用')
    return 0


if __name__ == '__main__':
    sys.exit(main())
