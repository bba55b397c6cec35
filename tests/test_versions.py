"""Versions researchers can trust: the diff between two versions reports exactly what changed, the
version bump it needs follows the rules of CHANGELOG.md, identifiers of a release never vanish
without a recorded retirement, and the site's Changes pages say what each release changed.

Every test builds its own history: a scratch copy of the package committed to a temporary git
repository and tagged there, so nothing depends on the tags of this clone (CI clones have none),
and nothing pins the size of the data.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, copy_package, read_rows, write_rows
from ipplans.diff import actual_bump, compare, next_version, version_problem
from ipplans.package import Package
from ipplans.site.model import Site
from ipplans.site.pages import changes

RC = 'chongqing-rongchang-2021'
ENV = dict(os.environ, GIT_AUTHOR_NAME='test', GIT_AUTHOR_EMAIL='test@example.org', GIT_COMMITTER_NAME='test',
           GIT_COMMITTER_EMAIL='test@example.org', GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM='1')


def git(repo: Path, *args: str) -> str:
    return subprocess.run(['git', '-C', str(repo), *args], check=True, capture_output=True, text=True, env=ENV).stdout


def ipplans(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, '-m', 'ipplans', *args], cwd=cwd, capture_output=True, text=True, env=ENV)


def commit(repo: Path, message: str, tag: str | None = None) -> None:
    git(repo, 'add', '-A')
    git(repo, 'commit', '-q', '-m', message)
    if tag:
        git(repo, 'tag', '-a', tag, '-m', message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding a copy of the package (with its changelog and citation), tagged v0.1.0."""
    repo = tmp_path / 'repo'
    repo.mkdir()
    copy_package(repo)
    for name in ('CHANGELOG.md', 'CITATION.cff'):
        shutil.copy(ROOT / name, repo / name)
    git(repo, 'init', '-q', '-b', 'main')
    commit(repo, 'the package', tag='v0.1.0')
    return repo


def change_the_package(package: Path) -> dict[str, str]:
    """Add a measure, remove a measure, change one agency's English name; what was done."""
    measures = read_rows(package, 'measures')
    added = dict(measures[0], measure_id=f'{RC}-901', seq='999')
    removed = measures.pop(len(measures) // 2)
    write_rows(package, 'measures', measures + [added])
    agencies = read_rows(package, 'agencies')
    agency = agencies[0]
    old_name = agency['name_en']
    agency['name_en'] = old_name + ' (corrected)'
    write_rows(package, 'agencies', agencies)
    return {'added': added['measure_id'], 'removed': removed['measure_id'], 'agency': agency['agency_id'],
            'old': old_name, 'new': agency['name_en']}


def test_diff_of_two_tags_reports_exactly_the_rows_added_removed_and_changed(repo):
    done = change_the_package(repo)
    commit(repo, 'three changes', tag='v0.2.0')
    result = ipplans(repo, 'diff', 'v0.1.0', 'v0.2.0', '--format', 'json')
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    tables = {t['name']: t for t in report['tables']}
    measures, agencies = tables['measures'], tables['agencies']
    assert [row['measure_id'] for row in measures['added']] == [done['added']]
    assert [row['measure_id'] for row in measures['removed']] == [done['removed']]
    assert measures['changed'] == [] and measures['key'] == ['measure_id']
    assert agencies['changed'] == [{'key': done['agency'], 'cells': [{'field': 'name_en', 'old': done['old'], 'new': done['new']}]}]
    assert agencies['added'] == agencies['removed'] == []
    for name, table in tables.items():
        assert not (table['fields_added'] or table['fields_removed'] or table['fields_renamed']), name
        if name not in ('measures', 'agencies'):
            assert not (table['added'] or table['removed'] or table['changed']), name
    assert report['bump'] == 'minor'    # new and retired measure ids; the corrected cell alone is a patch
    text = ipplans(repo, 'diff', 'v0.1.0', 'v0.2.0').stdout
    assert f'added    {done["added"]}' in text and f'removed  {done["removed"]}' in text
    assert f'changed  {done["agency"]}' in text and 'name_en:' in text and 'Minimum version bump: minor' in text


def test_diff_reads_the_working_tree_a_package_folder_and_a_release_zip(repo, tmp_path):
    done = change_the_package(repo)
    zipped = tmp_path / 'release.zip'
    with zipfile.ZipFile(zipped, 'w') as archive:
        for path in sorted(repo.rglob('*')):
            if path.is_file() and '.git' not in path.parts:
                archive.write(path, path.relative_to(repo).as_posix())
    for args in (['v0.1.0'], ['v0.1.0', '.'], ['v0.1.0', str(zipped)]):
        result = ipplans(repo, 'diff', *args, '--format', 'json')
        assert result.returncode == 0, (args, result.stderr)
        measures = next(t for t in json.loads(result.stdout)['tables'] if t['name'] == 'measures')
        assert [row['measure_id'] for row in measures['added']] == [done['added']], args


def test_diff_of_a_revision_the_clone_lacks_says_how_to_fetch_it(repo):
    result = ipplans(repo, 'diff', 'v9.9.9', '.')
    assert result.returncode == 2
    assert 'v9.9.9' in result.stderr and 'git fetch --tags' in result.stderr and 'Traceback' not in result.stderr
    option = ipplans(repo, 'diff', '--', '--output=x', '.')     # never handed to git as an option
    assert option.returncode == 2 and 'is not a revision' in option.stderr and not (repo / 'x').exists()


def test_diff_writes_daffs_highlighter_diff_of_each_changed_table(repo, tmp_path):
    done = change_the_package(repo)
    result = ipplans(repo, 'diff', 'v0.1.0', '.', '--daff', str(tmp_path / 'daff'))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / 'daff').iterdir()) == ['agencies.csv', 'measures.csv']
    highlighted = (tmp_path / 'daff' / 'measures.csv').read_text(encoding='utf-8').splitlines()
    assert any(line.startswith('+++,' + done['added']) for line in highlighted)
    assert any(line.startswith('---,' + done['removed']) for line in highlighted)


# --- the version bump ---------------------------------------------------------------------------

def drop_field(package: Path) -> None:
    schema = json.loads((package / 'schemas' / 'targets.json').read_text(encoding='utf-8'))
    schema['fields'] = [f for f in schema['fields'] if f['name'] != 'unit']
    (package / 'schemas' / 'targets.json').write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding='utf-8')
    rows = read_rows(package, 'targets')
    write_rows(package, 'targets', [{k: v for k, v in row.items() if k != 'unit'} for row in rows])


def add_field(package: Path) -> None:
    schema = json.loads((package / 'schemas' / 'targets.json').read_text(encoding='utf-8'))
    schema['fields'].append({'name': 'source_page', 'type': 'integer', 'description': 'test'})
    (package / 'schemas' / 'targets.json').write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding='utf-8')
    write_rows(package, 'targets', [dict(row, source_page='') for row in read_rows(package, 'targets')])


def change_type(package: Path) -> None:
    schema = json.loads((package / 'schemas' / 'targets.json').read_text(encoding='utf-8'))
    next(f for f in schema['fields'] if f['name'] == 'value')['type'] = 'string'
    (package / 'schemas' / 'targets.json').write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding='utf-8')


def add_a_plan_row(package: Path) -> None:
    plans = read_rows(package, 'plans')
    write_rows(package, 'plans', plans + [dict(plans[0], plan_id='chongqing-rongchang-2031')])


def add_a_responsibility(package: Path) -> None:
    rows = read_rows(package, 'responsibilities')
    write_rows(package, 'responsibilities', rows + [dict(rows[0], seq='99')])


def correct_a_cell(package: Path) -> None:
    rows = read_rows(package, 'measures')
    rows[0]['deadline'] = '2099年底前'
    write_rows(package, 'measures', rows)


def describe_better(package: Path) -> None:
    schema = json.loads((package / 'schemas' / 'targets.json').read_text(encoding='utf-8'))
    schema['fields'][0]['description'] += ' Better said.'
    (package / 'schemas' / 'targets.json').write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding='utf-8')


@pytest.mark.parametrize('change, bump, reason', [
    (drop_field, 'major', 'field removed: targets.unit'),
    (change_type, 'major', 'type changed: targets.value'),
    (add_field, 'minor', 'field added: targets.source_page'),
    (add_a_plan_row, 'minor', 'plans: 1 row(s) added (new identifiers)'),
    (add_a_responsibility, 'patch', 'responsibilities: 1 row(s) added'),
    (correct_a_cell, 'patch', 'measures: 1 row(s) corrected'),
    (describe_better, 'patch', 'targets: descriptions or labels changed (target_id)'),
    (lambda package: None, 'none', None),
])
def test_the_minimum_bump_follows_the_changelogs_rules(tmp_path, change, bump, reason):
    before, after = copy_package(_folder(tmp_path / 'before')), copy_package(_folder(tmp_path / 'after'))
    change(after)
    diff = compare(Package.load(before), Package.load(after))
    assert diff.bump == bump, [r.text for r in diff.reasons()]
    if reason:
        assert any(r.text.startswith(reason) for r in diff.reasons()), [r.text for r in diff.reasons()]


def _folder(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


@pytest.mark.parametrize('old, new, needed, ok', [
    ('0.1.0', '0.1.0', 'patch', False),
    ('0.1.0', '0.1.1', 'patch', True),
    ('0.1.0', '0.1.1', 'minor', False),
    ('0.1.0', '0.2.0', 'minor', True),
    ('0.1.0', '0.2.0', 'major', True),     # 0.y.z: a major change is released as a minor one
    ('1.2.0', '1.3.0', 'major', False),
    ('1.2.0', '2.0.0', 'major', True),
    ('1.2.0', '1.1.0', 'none', False),     # backwards
    ('1.2.0', '1.2.0', 'none', True),
])
def test_the_version_must_be_bumped_at_least_as_the_changes_need(old, new, needed, ok):
    class Diff:
        old_version, new_version, bump = old, new, needed
    assert (version_problem(Diff) is None) == ok, version_problem(Diff)


def test_next_version_and_the_bump_between_two_versions():
    assert next_version('0.1.0', 'minor') == next_version('0.1.0', 'major') == '0.2.0'
    assert next_version('1.4.2', 'major') == '2.0.0' and next_version('1.4.2', 'patch') == '1.4.3'
    assert actual_bump('0.1.0', '0.2.0') == 'minor' and actual_bump('0.2.0', '0.1.9') == 'backwards'


def test_diff_check_version_fails_when_the_version_was_not_raised(repo):
    add_a_plan_row(repo)
    result = ipplans(repo, 'diff', 'v0.1.0', '.', '--check-version')
    assert result.returncode == 1 and 'at least a minor bump' in result.stderr


# --- identifiers ----------------------------------------------------------------------------------

def renumber_a_measure(package: Path) -> tuple[str, str]:
    """Give a released measure another id (and the rows that point at it); (old id, new id)."""
    old, new = f'{RC}-007', f'{RC}-907'
    for table in ('measures', 'responsibilities', 'measure_codes', 'measure_coding_passes', 'targets'):
        rows = read_rows(package, table)
        for row in rows:
            if row.get('measure_id') == old:
                row['measure_id'] = new
        write_rows(package, table, rows)
    return old, new


def test_ids_fails_on_a_renumbered_measure_and_passes_once_its_retirement_is_recorded(repo):
    old, new = renumber_a_measure(repo)
    result = ipplans(repo, 'ids', '--since', 'v0.1.0')
    assert result.returncode == 1, result.stdout + result.stderr
    line = next(l for l in result.stdout.splitlines() if old in l)
    assert line.startswith('data/measures.csv:-:measure_id: ids: ')
    assert 'data/retired_ids.csv' in line and 'v0.1.0' in line
    assert ' | ' in line and '标识符' in line.split(' | ', 1)[1]            # English, then Chinese
    write_rows(repo, 'retired_ids', [{'table_name': 'measures', 'old_id': old, 'new_id': new, 'date_retired': '2026-12-03',
                                      'version': '', 'reason': 'renumbered', 'note': 'test'}])
    result = ipplans(repo, 'ids', '--since', 'v0.1.0')
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'every identifier of v0.1.0' in result.stdout


def test_a_retirement_is_itself_valid_data(repo):
    old, new = renumber_a_measure(repo)
    write_rows(repo, 'retired_ids', [{'table_name': 'measures', 'old_id': old, 'new_id': new, 'date_retired': '2026-12-03',
                                      'version': '', 'reason': 'renumbered', 'note': 'test'}])
    result = ipplans(repo, 'validate', '.')
    assert result.returncode == 0, result.stdout[-3000:]


def test_ids_refuses_a_new_identifier_that_carries_a_status(repo):
    add_a_plan_row(repo)
    plans = read_rows(repo, 'plans')
    plans[-1]['plan_id'] = 'chongqing-wanzhou-2023-draft'
    write_rows(repo, 'plans', plans)
    result = ipplans(repo, 'ids', '--since', 'v0.1.0')
    assert result.returncode == 1
    assert f'data/plans.csv:{len(plans) + 1}:plan_id: ids: new plan_id "chongqing-wanzhou-2023-draft"' in result.stdout


def test_ids_without_a_release_tag_passes_with_a_notice(repo):
    git(repo, 'tag', '-d', 'v0.1.0')
    renumber_a_measure(repo)
    result = ipplans(repo, 'ids')
    assert result.returncode == 0 and 'no release tag' in result.stdout


# --- the Changes pages --------------------------------------------------------------------------

CHANGELOG = '''# Changelog

## [Unreleased]

## [0.2.0] - 2026-12-01

### Added
- A test change.

## [0.1.0] - 2026-11-23

First release.
'''


def change_pages(package: Path) -> dict[str, str]:
    """The Changes pages generated for the package, their character references resolved."""
    site = Site(Package.load(package), package / 'docs' / 'downloads', None)
    return {path: html.unescape(text) for path, text in changes.pages(site)}


def set_version(package: Path, version: str) -> None:
    descriptor = json.loads((package / 'datapackage.json').read_text(encoding='utf-8'))
    descriptor['version'] = version
    (package / 'datapackage.json').write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding='utf-8')


def test_changes_pages_show_each_release_and_what_is_not_released_yet(repo):
    (repo / 'CHANGELOG.md').write_text(CHANGELOG, encoding='utf-8')
    done = change_the_package(repo)
    set_version(repo, '0.2.0')
    commit(repo, 'release 0.2.0', tag='v0.2.0')
    correct_a_cell(repo)                    # not released yet
    pages = change_pages(repo)
    assert sorted(pages) == ['changes/index.md', 'changes/unreleased.md', 'changes/v0-1-0.md', 'changes/v0-2-0.md']
    index = pages['changes/index.md']
    assert '[Unreleased](unreleased.md)' in index and '(v0-2-0.md)' in index and '(v0-1-0.md)' in index
    release = pages['changes/v0-2-0.md']
    for identifier in (done['added'], done['removed'], done['agency']):
        assert identifier in release
    assert '<mark> (corrected)</mark> |' in release          # the part of the cell that changed, marked
    assert 'the version went 0.1.0 → 0.2.0, enough' in release
    unreleased = pages['changes/unreleased.md']
    assert '2099年底前' in unreleased and done['added'] not in unreleased
    assert 'first release' in pages['changes/v0-1-0.md']


def test_changes_pages_say_when_a_tag_is_missing_and_never_fail(repo):
    (repo / 'CHANGELOG.md').write_text(CHANGELOG, encoding='utf-8')
    commit(repo, 'release 0.2.0', tag='v0.2.0')
    git(repo, 'tag', '-d', 'v0.1.0')
    pages = change_pages(repo)
    assert 'no tag v0.1.0' in pages['changes/v0-1-0.md']
    assert 'no tag v0.1.0' in pages['changes/v0-2-0.md']   # the version before it
    assert 'git fetch --tags' in pages['changes/index.md']


def test_changes_pages_of_a_package_outside_git_say_so(package):
    pages = change_pages(package)
    assert 'outside a git repository' in pages['changes/unreleased.md']
    assert 'changes/index.md' in pages


def add_a_note(package: Path) -> None:
    notes = read_rows(package, 'curation_notes')
    write_rows(package, 'curation_notes', notes + [dict(notes[0], note_id=f'{RC}-n99', note='A new note.')])


def test_a_release_refuses_a_version_raised_less_than_its_changes_need(repo, tmp_path):
    add_a_note(repo)                                       # a new identifier: at least a minor bump
    set_version(repo, '0.1.1')
    cff = (repo / 'CITATION.cff').read_text(encoding='utf-8')
    (repo / 'CITATION.cff').write_text(re.sub(r'(?m)^version: .*$', 'version: 0.1.1', cff)
                                       .replace(re.search(r'(?m)^date-released: .*$', cff).group(0), 'date-released: 2026-12-24'),
                                       encoding='utf-8')
    changelog = (repo / 'CHANGELOG.md').read_text(encoding='utf-8')
    (repo / 'CHANGELOG.md').write_text(changelog.replace('## [Unreleased]', '## [Unreleased]\n\n## [0.1.1] - 2026-12-24', 1),
                                       encoding='utf-8')
    env = dict(ENV, GITHUB_REPOSITORY='')
    dry = subprocess.run([sys.executable, '-m', 'ipplans', 'release', '--package', str(repo), '--out', str(tmp_path / 'dry')],
                         capture_output=True, text=True, env=env)
    assert dry.returncode == 0, dry.stderr                       # a dry run warns and still writes the files
    assert 'warning: a release would refuse this' in dry.stdout and 'at least 0.2.0' in dry.stdout
    assert (tmp_path / 'dry' / 'SHA256SUMS').is_file()
    commit(repo, 'release 0.1.1', tag='v0.1.1')
    out = tmp_path / 'out'
    result = subprocess.run([sys.executable, '-m', 'ipplans', 'release', '--package', str(repo), '--out', str(out),
                             '--tag', 'v0.1.1'], capture_output=True, text=True, env=env)
    assert result.returncode == 1 and not out.exists()
    assert 'at least a minor bump' in result.stderr and 'at least 0.2.0' in result.stderr
