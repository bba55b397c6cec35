"""A citable release: CITATION.cff valid against its schema, one version everywhere, one licence story."""
from __future__ import annotations

import json
import re

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
