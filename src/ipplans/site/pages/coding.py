"""The Methodology page's fragment (generated/coding.md): the codebook, read from the code lists,
with how often each code is used, and the agreement figures, computed from the coding passes."""
from __future__ import annotations

from collections import Counter
from typing import Iterator

from ipplans import agreement
from ipplans.site.links import FRAGMENTS
from ipplans.site.markup import code, md, table_md
from ipplans.site.model import Site

FOLDERS = (FRAGMENTS,)


def pages(site: Site) -> Iterator[tuple[str, str]]:
    yield f'{FRAGMENTS}/coding.md', coding_fragment(site)


def agreement_md(rows: list[agreement.Agreement]) -> str:
    return table_md(['Scheme', 'Codes per measure', 'Measures', 'Same codes', "Cohen's kappa"],
                    [[code(a.scheme), md(a.values), str(a.measures), str(a.same), 'n/a' if a.kappa is None else f'{a.kappa:.2f}']
                     for a in rows])


def codebook_md(site: Site) -> str:
    used = Counter((r['scheme'], r['code']) for r in site.rows('measure_codes'))
    parts = []
    for scheme in site.rows('coding_schemes'):
        name = scheme['scheme']
        parts.append(f"### {md(scheme['label_en'])} · {md(scheme['label_zh'])} {{#scheme-{name.replace('_', '-')}}}\n")
        parts.append(f"{code(name)}, {md(scheme['values'])} code(s) per measure. {md(scheme['definition'])}\n")
        parts.append(table_md(['Code', 'Label', '标签', 'Definition', 'Measures'], [
            [code(row['code']), md(row['label_en']), md(row['label_zh']), md(row['definition']), str(used[(name, row['code'])])]
            for row in site.rows('measure_code_lists') if row['scheme'] == name]))
    return '\n'.join(parts)


def functions_md(site: Site) -> str:
    used = Counter(a.get('function', '') for a in site.rows('agencies'))
    return table_md(['Code', 'Label', '标签', 'Definition', 'National body', 'Agencies'], [
        [code(row['function']), md(row['label_en']), md(row['label_zh']), md(row['definition']),
         md(row.get('national_body_en', '')), str(used[row['function']])] for row in site.rows('agency_functions')])


def coding_fragment(site: Site) -> str:
    if not site.rows('measure_codes'):
        return 'The package holds no measure codes.\n'
    package = site.package
    return '\n'.join([
        '## Agreement between the two passes {#agreement}\n',
        agreement_md(agreement.between_passes(package)),
        f'\n{agreement.disagreements(package)} (measure, scheme) pairs were coded differently by the two passes; '
        'each was adjudicated, with the reason in `measure_codes.note`.\n',
        '## The rule-based coder against the reviewed codes {#rule-based}\n',
        agreement_md(agreement.rule_based_against_curated(package)),
        '\n## Codebook of measures {#codebook}\n',
        codebook_md(site),
        '## Agency functions {#functions}\n',
        functions_md(site),
    ])
