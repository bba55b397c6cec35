"""A gate that cannot be talked round (issue 15): every tool refuses files it may not read, validation
never uses the network, messages cannot forge a CI log line, archived sources are hashed and
add-only against the base, and the base gate judges a pull request's data with the base's own
validator, schemas and descriptor."""
from __future__ import annotations

import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import ROOT, copy_package, edit, line_of, read_rows, validate, write_rows

DL = 'tianjin-dongli-2020-2021'
RC = 'chongqing-rongchang-2021'


def parse(line: str) -> tuple[str, str, str, str] | None:
    head, sep, rest = line.partition(': ')
    if not sep or head.count(':') != 2:
        return None
    return (*head.split(':'), rest.split(':')[0])


def ipplans(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The command as a contributor runs it (the ipplans this interpreter imports)."""
    return subprocess.run([sys.executable, '-m', 'ipplans', *args], capture_output=True, text=True, env=env)


def source_of(package: Path, plan_id: str) -> str:
    return next(r['source_file'] for r in read_rows(package, 'plans') if r['plan_id'] == plan_id)


# -- messages cannot forge a log line or colour a terminal --------------------------------------
def test_a_file_name_cannot_forge_a_ci_log_line(package):
    (package / 'data' / 'sources' / 'x\n::error file=README.md::all good.txt').write_text('x', encoding='utf-8')
    (package / 'data' / 'sources' / 'y\r::warning::spoofed.txt').write_text('y', encoding='utf-8')
    for fmt in ('text', 'github'):
        code, out = validate(package, '--format', fmt)
        assert code == 1
        annotations = [line for line in out if line.startswith('::')]
        assert all(line.startswith('::error file=data/sources/') for line in annotations), out
        assert len(annotations) == (2 if fmt == 'github' else 0), out
        assert not any('\r' in line or '\n' in line for line in out)
        assert any('x\\n' in line for line in out), out


def test_an_escape_sequence_in_a_cell_is_shown_not_sent(package):
    line = edit(package, 'agencies', {'agency_id': 'dongli-court'}, note='\x1b[31mred\x1b[0m \u202egnp.exe')
    code, out = validate(package)
    assert ('data/agencies.csv', str(line), 'note', 'hygiene') in [parse(text) for text in out]
    assert not any('\x1b' in text or '\u202e' in text for text in out), out
    edit(package, 'agencies', {'agency_id': 'dongli-court'}, agency_id='dongli-court\x1b[2J')
    code, out = validate(package, '--format', 'github')
    assert not any('\x1b' in text for text in out) and any('\\x1b[2J' in text for text in out), out


# -- files: every tool refuses links, special and unexpected files, before reading anything ------
@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file outside the package, as a symbolic link would reach it."""
    path = tmp_path / 'host-secret.txt'
    path.write_text('HOST SECRET, never to be published\n', encoding='utf-8')
    return path


@pytest.fixture
def linked(tmp_path: Path, outside: Path) -> Path:
    """A package whose data/sources/ holds a link to a file outside it, and whose agencies.csv is a link too."""
    package = tmp_path / 'package'
    package.mkdir()
    copy_package(package)
    os.symlink(outside, package / 'data' / 'sources' / 'host.txt')
    real = tmp_path / 'agencies-outside.csv'
    real.write_bytes((package / 'data' / 'agencies.csv').read_bytes().replace(b'dongli-court', b'dongli-court\xe3\x80\x80'))
    (package / 'data' / 'agencies.csv').unlink()
    os.symlink(real, package / 'data' / 'agencies.csv')
    return package


def test_every_tool_refuses_a_symbolic_link_and_names_it(linked, tmp_path, outside):
    real = tmp_path / 'agencies-outside.csv'
    before = real.read_bytes()
    draft = tmp_path / 'draft'
    draft.mkdir()
    runs = {'validate': ipplans('validate', str(linked)),
            'fix': ipplans('fix', str(linked)),
            'export': ipplans('export', '--package', str(linked), '--out', str(tmp_path / 'out')),
            'site': ipplans('site', '--package', str(linked), '--work', str(tmp_path / 'work'), '--no-build'),
            'add': ipplans('add', str(draft), '--package', str(linked))}
    for tool, result in runs.items():
        said = result.stdout + result.stderr
        assert result.returncode != 0, (tool, said)
        assert 'data/sources/host.txt' in said and 'data/agencies.csv' in said and 'symbolic link' in said, (tool, said)
        assert 'HOST SECRET' not in said and 'Traceback' not in said, (tool, said)
    assert real.read_bytes() == before, 'fix wrote through the link'
    assert not (tmp_path / 'out').exists() or not any((tmp_path / 'out').iterdir())
    assert 'HOST SECRET' in outside.read_text(encoding='utf-8')


def test_every_tool_says_what_is_wrong_with_an_unreadable_descriptor(package, tmp_path):
    """A resource without its schema stops every command with a message naming the resource and what to add."""
    descriptor = json.loads((package / 'datapackage.json').read_text(encoding='utf-8'))
    next(r for r in descriptor['resources'] if r['name'] == 'measures').pop('schema')
    (package / 'datapackage.json').write_text(json.dumps(descriptor, ensure_ascii=False), encoding='utf-8')
    draft = tmp_path / 'draft'
    draft.mkdir()
    runs = {'validate': ipplans('validate', str(package)),
            'export': ipplans('export', '--package', str(package), '--out', str(tmp_path / 'out')),
            'site': ipplans('site', '--package', str(package), '--work', str(tmp_path / 'work'), '--no-build'),
            'agreement': ipplans('agreement', '--package', str(package)),
            'coding-sheet': ipplans('coding-sheet', '--out', str(tmp_path / 'sheet'), '--package', str(package)),
            'evaluate': ipplans('evaluate', '--package', str(package)),
            'add': ipplans('add', str(draft), '--package', str(package))}
    for tool, result in runs.items():
        said = result.stdout + result.stderr
        assert result.returncode != 0, (tool, said)
        assert 'measures' in said and 'schema' in said and 'Traceback' not in said, (tool, said)


def test_the_validator_reads_nothing_once_it_finds_an_unsafe_file(package):
    os.mkfifo(package / 'data' / 'sources' / 'pipe.txt')   # opening it would block the run
    edit(package, 'measures', {'measure_id': f'{DL}-004'}, text='不在来源中的文字。')
    code, out = validate(package)
    assert code == 1
    found = {parse(line) for line in out if parse(line)}
    assert found == {('data/sources/pipe.txt', '-', '-', 'unsafe-file')}, out


def test_fix_replaces_files_and_never_writes_through_a_link(tmp_path):
    from ipplans.safety import write_bytes
    target = tmp_path / 'outside.csv'
    target.write_text('keep\n', encoding='utf-8')
    link = tmp_path / 'link.csv'
    os.symlink(target, link)
    with pytest.raises(OSError):
        write_bytes(link, b'overwritten\n')
    assert target.read_text(encoding='utf-8') == 'keep\n' and link.is_symlink()
    plain = tmp_path / 'plain.csv'
    plain.write_text('old\n', encoding='utf-8')
    write_bytes(plain, b'new\n')
    assert plain.read_bytes() == b'new\n' and sorted(p.name for p in tmp_path.iterdir()) == ['link.csv', 'outside.csv', 'plain.csv']


def test_the_site_refuses_a_link_among_its_own_sources(tmp_path, outside):
    """MkDocs follows links in docs/: a link there would publish the file it points to."""
    from ipplans.site.build import check_site_sources
    from ipplans.site.model import SiteError
    (tmp_path / 'docs' / 'javascripts').mkdir(parents=True)
    (tmp_path / 'docs' / 'index.md').write_text('# x\n', encoding='utf-8')
    os.symlink(outside, tmp_path / 'docs' / 'javascripts' / 'extra.js')
    with pytest.raises(SiteError) as refused:
        check_site_sources(tmp_path)
    assert 'docs/javascripts/extra.js: a symbolic link' in str(refused.value)
    check_site_sources(ROOT)   # the repository's own are clean


def test_fix_and_add_show_escapes(package, tmp_path):
    edit(package, 'agencies', {'agency_id': 'dongli-court'}, note=' \x1b[31mred ')
    result = ipplans('fix', str(package), '--check')
    assert result.returncode == 1 and '\x1b' not in result.stdout and '001b[31mred' in result.stdout, result.stdout
    draft = tmp_path / 'draft'
    draft.mkdir()
    key = '"\x1b[31mx\n::error::forged"'
    (draft / 'agencies.csv').write_text(f'agency_id,name\n{key},a\n{key},b\n', encoding='utf-8')   # a repeated key: a conflict
    result = ipplans('add', str(draft), '--package', str(package))
    said = result.stdout + result.stderr
    assert result.returncode == 1 and 'repeats line' in said, said
    assert '\x1b' not in said and not any(line.startswith('::') for line in said.splitlines()), said


# -- no network during validation ---------------------------------------------------------------
class Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):   # noqa: N802 (the http.server name)
        Recorder.requests.append(self.path)
        body = (ROOT / 'schemas' / 'plans.json').read_bytes()
        self.send_response(200)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_an_http_schema_is_reported_and_never_fetched(package, monkeypatch):
    """A schema served on this machine: Frictionless would fetch it (in its own process) if it saw the
    descriptor; a socket guard catches any connection from this process too."""
    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Recorder.requests = []
    attempts = []

    def guard(self, address):
        attempts.append(address)
        raise OSError('network access during validation')
    try:
        url = f'http://127.0.0.1:{server.server_address[1]}/plans.json'
        data = json.loads((package / 'datapackage.json').read_text(encoding='utf-8'))
        data['resources'][0]['schema'] = url
        (package / 'datapackage.json').write_text(json.dumps(data, ensure_ascii=False), encoding='utf-8')
        monkeypatch.setattr(socket.socket, 'connect', guard)
        code, out = validate(package)
    finally:
        monkeypatch.undo()
        server.shutdown()
        server.server_close()
    assert Recorder.requests == [] and attempts == [], (Recorder.requests, attempts)
    assert code == 1
    assert ('datapackage.json', '-', 'resources.plans.schema', 'package-descriptor') in [parse(line) for line in out], out
    assert any(url in line and 'would fetch' in line for line in out), out
    assert any('were not run' in line for line in out), out


# -- archived sources are hashed, and the hash is filled by fix ------------------------------------
def test_fix_records_the_hash_of_a_new_source_and_never_changes_a_recorded_one(package):
    recorded = next(r['source_sha256'] for r in read_rows(package, 'plans') if r['plan_id'] == DL)
    line = edit(package, 'plans', {'plan_id': DL}, source_sha256='')
    result = ipplans('fix', str(package))
    assert result.returncode == 0
    assert f'data/plans.csv:{line}:source_sha256: recorded the SHA-256 of {source_of(package, DL)}, {recorded}' in result.stdout
    assert next(r['source_sha256'] for r in read_rows(package, 'plans') if r['plan_id'] == DL) == recorded
    assert ipplans('fix', str(package)).stdout.strip() == 'nothing to fix'
    wrong = 'f' * 64
    edit(package, 'plans', {'plan_id': DL}, source_sha256=wrong)
    assert ipplans('fix', str(package)).stdout.strip() == 'nothing to fix'
    assert next(r['source_sha256'] for r in read_rows(package, 'plans') if r['plan_id'] == DL) == wrong
    code, out = validate(package)
    assert ('data/plans.csv', str(line), 'source_sha256', 'source-hash') in [parse(text) for text in out]


# -- archived sources are add-only against the base ----------------------------------------------
def git(repo: Path, *args: str) -> str:
    return subprocess.run(['git', '-C', str(repo), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding the package, its base commit tagged `base`."""
    path = tmp_path / 'repo'
    path.mkdir()
    copy_package(path)
    git(path, 'init', '-q')
    git(path, 'add', '-A')
    git(path, '-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'base')
    git(path, 'tag', 'base')
    return path


def fabricate_measure(package: Path, measure_id: str, fabricated: str, **changes: str) -> int:
    """What the attacker does: rewrite a task in its archived source, in place, record the new file's
    hash, and give the measure the fabricated text (whole item, number and order all consistent)."""
    from ipplans.sources import sha256
    measure = next(r for r in read_rows(package, 'measures') if r['measure_id'] == measure_id)
    path = package / source_of(package, measure['plan_id'])
    text = path.read_text(encoding='utf-8')
    assert text.count(measure['text']) == 1
    path.write_text(text.replace(measure['text'], fabricated), encoding='utf-8')
    edit(package, 'plans', {'plan_id': measure['plan_id']}, source_sha256=sha256(path.read_bytes()))
    return edit(package, 'measures', {'measure_id': measure_id}, text=fabricated, **changes)


def test_a_changed_source_of_the_base_fails_unless_a_new_note_says_why(repo):
    fabricated = '持续开展打击刑事犯罪专项行动。'
    fabricate_measure(repo, f'{DL}-004', fabricated)
    code, out = validate(repo)
    assert code == 0, out                                   # alone, the change looks consistent
    code, out = validate(repo, '--base', 'base')
    assert (source_of(repo, DL), '-', '-', 'source-history') in [parse(line) for line in out], out
    assert any('git checkout base -- ' in line and 'row_key tianjin-dongli-2020-2021' in line for line in out), out
    notes = read_rows(repo, 'curation_notes')
    notes.append(dict(notes[-1], note_id=f'{DL}-n99', plan_id=DL, table_name='plans', row_key=DL, field='source_file',
                      note='The archived copy lacked the last paragraph; replaced by the full page text.'))
    write_rows(repo, 'curation_notes', notes)
    code, out = validate(repo, '--base', 'base')
    assert code == 0, out


def test_a_removed_source_of_the_base_fails(repo):
    (repo / source_of(repo, RC)).unlink()
    code, out = validate(repo, '--base', 'base')
    assert (source_of(repo, RC), '-', '-', 'source-history') in [parse(line) for line in out], out


def test_an_unknown_base_is_an_unusable_argument(repo, tmp_path):
    result = ipplans('validate', str(repo), '--base', 'no-such-branch')
    assert result.returncode == 2 and 'no-such-branch' in result.stderr and 'Traceback' not in result.stderr
    assert ipplans('validate', str(repo), '--base', '--output=x').returncode == 2
    plain = tmp_path / 'plain'   # not in a git repository
    plain.mkdir()
    copy_package(plain)
    assert ipplans('validate', str(plain), '--base', 'main').returncode == 2


# -- the base gate ------------------------------------------------------------------------------
def test_the_base_gate_judges_a_pull_request_with_the_base_schemas(repo):
    """A pull request weakens a schema, edits an archived source and fabricates a measure that
    matches it: its own validator passes it; the base gate does not, and names the gate change."""
    schema_path = repo / 'schemas' / 'measures.json'
    schema = json.loads(schema_path.read_text(encoding='utf-8'))
    next(f for f in schema['fields'] if f['name'] == 'deadline_date')['type'] = 'string'   # weakened
    schema_path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + '\n', encoding='utf-8')
    fabricated = '全面取消知识产权行政处罚。'
    line = fabricate_measure(repo, f'{DL}-004', fabricated, deadline_date='2021年底')
    git(repo, 'add', '-A')
    git(repo, '-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'pull request')
    code, out = validate(repo)
    assert code == 0, out                                   # the pull request's own gate lets it through
    summary = repo.parent / 'summary.md'
    result = ipplans('gate', str(repo), '--base', 'base', '--format', 'github', env=dict(os.environ, GITHUB_STEP_SUMMARY=str(summary)))
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith('::warning title=gate change::1 file(s) of the gate changed (schemas/measures.json)'), lines
    assert f'::error file=data/measures.csv,line={line},title=type-error::deadline_date: ' in result.stdout, lines
    assert f'::error file={source_of(repo, DL)},title=source-history::' in result.stdout, lines
    assert 'a maintainer must review' in summary.read_text(encoding='utf-8').lower()
    assert json.loads(schema_path.read_text(encoding='utf-8')) == schema   # the pull request's checkout is left as it was


def test_the_local_base_gate_runs_the_base_code_not_the_pull_requests(tmp_path):
    """.ci/base-gate as a contributor runs it: a pull request that replaces the validator, weakens a
    schema and fabricates a measure with an edited source passes its own gate, not the base's."""
    repo = tmp_path / 'repo'
    repo.mkdir()
    copy_package(repo)
    shutil.copytree(ROOT / 'src', repo / 'src', ignore=shutil.ignore_patterns('__pycache__', '*.egg-info'))
    git(repo, 'init', '-q')
    git(repo, 'add', '-A')
    git(repo, '-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'base')
    checks = repo / 'src' / 'ipplans' / 'validate' / 'checks'
    for name in ('provenance', 'source_hashes', 'source_history'):   # the pull request's validator checks nothing
        text = (checks / f'{name}.py').read_text(encoding='utf-8')
        (checks / f'{name}.py').write_text(text.replace('\ndef run(ctx: Context) -> None:\n', '\ndef run(ctx: Context) -> None:\n    return\n'),
                                          encoding='utf-8')
    schema_path = repo / 'schemas' / 'targets.json'
    schema = json.loads(schema_path.read_text(encoding='utf-8'))
    value = next(f for f in schema['fields'] if f['name'] == 'value')
    value['type'] = 'string'   # weakened
    value.pop('constraints', None)
    schema_path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + '\n', encoding='utf-8')
    path = repo / source_of(repo, DL)
    path.write_bytes(path.read_bytes() + '到2021年，知识产权案件全部清零。\n'.encode('utf-8'))   # edited, hash left as it was
    line = edit(repo, 'targets', {'target_id': f'{DL}-t01'}, text='到2021年，知识产权案件全部清零', value='全部')
    own = ipplans('validate', str(repo), env=dict(os.environ, PYTHONPATH=str(repo / 'src')))
    assert own.returncode == 0, own.stdout                 # its own gate lets it through
    result = subprocess.run(['bash', str(ROOT / '.ci' / 'base-gate'), 'HEAD', str(repo)], capture_output=True, text=True,
                            env=dict(os.environ, PYTHON=sys.executable))
    assert result.returncode == 1, result.stdout + result.stderr
    found = [parse(text) for text in result.stdout.splitlines()]
    assert ('data/targets.csv', str(line), 'value', 'type-error') in found, result.stdout
    assert ('data/plans.csv', str(line_of(repo, 'plans', {'plan_id': DL})), 'source_sha256', 'source-hash') in found, result.stdout
    assert (source_of(repo, DL), '-', '-', 'source-history') in found, result.stdout
    assert result.stdout.startswith('gate-change: ') and 'src/ipplans/validate/checks/provenance.py' in result.stdout.splitlines()[0]


def test_the_base_gate_passes_a_data_only_pull_request(repo):
    notes = read_rows(repo, 'curation_notes')
    notes[0]['note'] += ' Checked again against the source.'
    write_rows(repo, 'curation_notes', notes)
    result = ipplans('gate', str(repo), '--base', 'base')
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'gate-change' not in result.stdout and 'passes the base gate' in result.stdout


def test_the_base_gate_refuses_a_link_in_the_pull_request(repo, outside):
    os.symlink(outside, repo / 'data' / 'sources' / 'host.txt')
    result = ipplans('gate', str(repo), '--base', 'base')
    assert result.returncode == 1
    assert ('data/sources/host.txt', '-', '-', 'unsafe-file') in [parse(line) for line in result.stdout.splitlines()]
    assert 'HOST SECRET' not in result.stdout


def test_the_workflow_runs_the_base_gate_from_the_base_branch():
    workflow = (ROOT / '.github' / 'workflows' / 'validate.yml').read_text(encoding='utf-8')
    assert 'pull_request_target' in workflow                       # the workflow file itself comes from the base
    assert 'ipplans gate pr --base' in workflow                    # the base's code judges the pull request's data
    assert 'persist-credentials: false' in workflow and 'contents: read' in workflow
    gate_job = workflow.split('base-gate:', 1)[1].split('\n  own-checks:', 1)[0]
    assert 'make -C pr' not in gate_job and 'pr/.venv' not in gate_job and 'bash pr/' not in gate_job   # never the PR's code
