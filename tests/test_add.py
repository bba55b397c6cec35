"""Growing the package: a plan removed leaves a valid package; `ipplans add` merges a draft's new
rows, skips rows already there, and refuses to overwrite a curated row."""
from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, read_rows, validate, write_rows

TABLES = [path.stem for path in sorted((ROOT / 'schemas').glob('*.json'))]


def fields_of(table: str) -> list[str]:
    return [f['name'] for f in json.loads((ROOT / 'schemas' / f'{table}.json').read_text(encoding='utf-8'))['fields']]


def plan_rows(package: Path, plan_id: str) -> dict[str, list[dict[str, str]]]:
    """Every row that belongs to one plan: rows with its plan_id (aliases scoped to it among them), rows
    of its measures or targets (by measure_id or target_id), and the agencies no other plan uses (with
    their parents, their aliases and their second nameplates)."""
    own = {t: [r for r in read_rows(package, t) if r['plan_id'] == plan_id] for t in TABLES if 'plan_id' in fields_of(t)}
    ids = {key: {r[key] for r in own[table]} for key, table in (('measure_id', 'measures'), ('target_id', 'targets'))}
    for table in TABLES:
        key = next((k for k in ids if k in fields_of(table)), None)
        if key and table not in own:
            own[table] = [r for r in read_rows(package, table) if r[key] in ids[key]]
    measures = ids['measure_id']
    rows = {t: read_rows(package, t) for t in ('responsibilities', 'members', 'agencies', 'agency_aliases', 'agency_nameplates')}
    parent = {a['agency_id']: a['parent_agency_id'] for a in rows['agencies']}

    def with_parents(agencies: set[str]) -> set[str]:
        out = set(agencies)
        for agency in agencies:
            while parent.get(agency) and parent[agency] not in out:
                agency = parent[agency]
                out.add(agency)
        return out
    used_elsewhere = with_parents({r['agency_id'] for r in rows['responsibilities'] if r['measure_id'] not in measures} |
                                  {m['agency_id'] for m in rows['members'] if m['plan_id'] != plan_id})
    used_here = with_parents({r['agency_id'] for r in own['responsibilities']} | {m['agency_id'] for m in own['members']})
    only_here = used_here - used_elsewhere
    own['agencies'] = [a for a in rows['agencies'] if a['agency_id'] in only_here]
    own['agency_aliases'] = [a for a in rows['agency_aliases'] if a['agency_id'] in only_here or a['plan_id'] == plan_id]
    own['agency_nameplates'] = [n for n in rows['agency_nameplates'] if n['agency_id'] in only_here]
    return own


def remove_plan(package: Path, plan_id: str) -> dict[str, list[dict[str, str]]]:
    """Take a plan out of a package copy (rows and archived source); return what was removed."""
    removed = plan_rows(package, plan_id)
    # a plan's row in the register that other plans cite stays, as a wanted plan: only its plan_id goes
    cited = {c['document_id'] for c in read_rows(package, 'citations') if c['plan_id'] != plan_id}
    kept = [d for d in removed.get('documents', []) if d['document_id'] in cited]
    if kept:
        removed['documents'] = [d for d in removed['documents'] if d not in kept]
        rows = read_rows(package, 'documents')
        write_rows(package, 'documents', [dict(r, plan_id='') if r in kept else r for r in rows], header=list(rows[0]))
    for table, gone in removed.items():
        rows = read_rows(package, table)
        header = list(rows[0])
        write_rows(package, table, [r for r in rows if r not in gone], header=header)
    source = removed['plans'][0]['source_file']
    (package / source).unlink()
    return removed


def write_draft(folder: Path, tables: dict[str, list[dict[str, str]]]) -> Path:
    folder.mkdir()
    for table, rows in tables.items():
        if rows:
            write_rows_to(folder / f'{table}.csv', rows)
    return folder


def write_rows_to(path: Path, rows: list[dict[str, str]]) -> None:
    with open(path, 'w', encoding='utf-8', newline='') as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator='\n')
        writer.writeheader()
        writer.writerows(rows)


def add(package: Path, draft: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, '-m', 'ipplans', 'add', str(draft), '--package', str(package), *args],
                          capture_output=True, text=True)


def fingerprint(package: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((package / 'data').glob('*.csv'))}


@pytest.mark.parametrize('plan_id', sorted(p['plan_id'] for p in read_rows(ROOT, 'plans')))
def test_removing_a_plan_leaves_a_valid_package(package, plan_id):
    removed = remove_plan(package, plan_id)
    assert removed['plans'], 'the plan was in the package'
    if not removed['measures']:   # only an excerpt that stops before the plan's first task has none
        assert removed['plans'][0]['capture'] in ('excerpt', 'metadata_only'), 'a plan without measures is partial'
    code, lines = validate(package)
    assert code == 0, '\n'.join(lines)
    assert plan_id not in {p['plan_id'] for p in read_rows(package, 'plans')}


def test_a_removed_plan_comes_back_through_add(package, tmp_path):
    plan_id = read_rows(ROOT, 'plans')[-1]['plan_id']
    source = read_rows(ROOT, 'plans')[-1]['source_file']
    removed = remove_plan(package, plan_id)
    (package / source).write_bytes((ROOT / source).read_bytes())   # the contributor archives the source first
    draft = write_draft(tmp_path / 'draft', removed)
    result = add(package, draft)
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'data/plans.csv: added 1 row' in result.stdout
    if removed['measures']:
        assert f'data/measures.csv: added {len(removed["measures"])} rows' in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].startswith('valid:')
    for table in TABLES:   # every row is back, none changed
        assert sorted(map(sorted, map(dict.items, read_rows(package, table)))) == \
               sorted(map(sorted, map(dict.items, read_rows(ROOT, table)))), table


def test_add_twice_changes_nothing_the_second_time(package, tmp_path):
    plan_id = read_rows(ROOT, 'plans')[0]['plan_id']
    draft = write_draft(tmp_path / 'draft', plan_rows(package, plan_id))
    before = fingerprint(package)
    result = add(package, draft)
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'already in the package, skipped' in result.stdout and 'nothing new to add' in result.stdout
    assert fingerprint(package) == before


def test_a_changed_row_is_a_conflict_and_nothing_is_written(package, tmp_path):
    plan_id = read_rows(ROOT, 'plans')[0]['plan_id']
    rows = plan_rows(package, plan_id)
    rows['measures'][2]['text'] = '改写过的措施文本'
    rows['targets'] = [dict(rows['targets'][0], target_id=rows['targets'][0]['target_id'] + '-new')] if rows['targets'] else []
    draft = write_draft(tmp_path / 'draft', rows)
    before = fingerprint(package)
    result = add(package, draft)
    assert result.returncode == 1
    measure_id = rows['measures'][2]['measure_id']
    assert f'{draft}/measures.csv:4: measures {measure_id} is already data/measures.csv:' in result.stdout
    assert 'other values in text' in result.stdout and 'nothing was written' in result.stdout
    assert fingerprint(package) == before


def test_a_column_the_schema_lacks_stops_the_merge(package, tmp_path):
    draft = tmp_path / 'draft'
    draft.mkdir()
    (draft / 'plans.csv').write_text('plan_id,colour\nx,blue\n', encoding='utf-8')
    result = add(package, draft)
    assert result.returncode == 2
    assert f'{draft}/plans.csv:1: column(s) colour are not fields of table plans' in result.stderr
    assert 'Traceback' not in result.stderr


def test_dry_run_writes_nothing(package, tmp_path):
    plan_id = read_rows(ROOT, 'plans')[-1]['plan_id']
    removed = remove_plan(package, plan_id)
    draft = write_draft(tmp_path / 'draft', removed)
    before = fingerprint(package)
    result = add(package, draft, '--dry-run')
    assert result.returncode == 0 and 'plans: would add 1 row' in result.stdout
    if removed['measures']:
        assert f'measures: would add {len(removed["measures"])} rows' in result.stdout
    assert fingerprint(package) == before


def test_a_draft_written_before_the_agency_columns_still_merges(package, tmp_path):
    """A draft without agencies.parent_agency_id and agency_aliases.plan_id (written before they existed)
    merges with those cells empty: an agency with no parent, an alias for the whole region."""
    plans = [p['plan_id'] for p in read_rows(ROOT, 'plans')]
    plan_id = next(p for p in plans if not any(a['plan_id'] for a in plan_rows(package, p)['agency_aliases'])
                   and plan_rows(package, p)['agencies'])
    source = next(p['source_file'] for p in read_rows(ROOT, 'plans') if p['plan_id'] == plan_id)
    removed = remove_plan(package, plan_id)
    (package / source).write_bytes((ROOT / source).read_bytes())
    for table, column in (('agencies', 'parent_agency_id'), ('agency_aliases', 'plan_id')):
        assert all(not row.pop(column) for row in removed[table])
    result = add(package, write_draft(tmp_path / 'draft', removed))
    assert result.returncode == 0, result.stdout + result.stderr
    for table in ('agencies', 'agency_aliases'):   # every row back as it was, the new cells empty
        assert sorted(map(sorted, map(dict.items, read_rows(package, table)))) == \
               sorted(map(sorted, map(dict.items, read_rows(ROOT, table)))), table
