"""The Methodology page's fragments (generated/coding.md, generated/targets.md): the codebooks, read
from the code lists, with how often each code is used, and the agreement figures, computed from the
coding passes."""
from __future__ import annotations

from collections import Counter
from typing import Iterator

from ipplans import agreement
from ipplans.site.links import FRAGMENTS
from ipplans.site.markup import code, md, table_md
from ipplans.schema import enum_labels
from ipplans.site.model import Site

FOLDERS = (FRAGMENTS,)


def pages(site: Site) -> Iterator[tuple[str, str]]:
    yield f'{FRAGMENTS}/coding.md', coding_fragment(site)
    yield f'{FRAGMENTS}/targets.md', targets_fragment(site)


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


def targets_fragment(site: Site) -> str:
    """The indicators and units with how many targets use each, and the agreement between the passes."""
    targets = site.rows('targets')
    used = Counter(t.get('indicator_code', '') for t in targets)
    numeric = Counter(t.get('indicator_code', '') for t in targets if t.get('value_kind') == 'numeric')
    kinds = {value: f"{labels['zh']} {labels['en']}" for value, labels in enum_labels(site.schema('indicators'), 'national_binding').items()}
    per = {value: labels['en'] for value, labels in enum_labels(site.schema('indicators'), 'denominator').items()}
    indicators = table_md(['Code', 'Label', '标签', 'Unit', 'Denominator', 'National indicator', 'National kind', 'Targets', 'Numeric'], [
        [code(row['indicator_code']), md(row['label_en']), md(row['label_zh']), code(row['unit_code']) if row.get('unit_code') else '',
         md(per.get(row.get('denominator', ''), '')), md(row.get('national_indicator_zh', '')), md(kinds.get(row.get('national_binding', ''), '')),
         str(used[row['indicator_code']]), str(numeric[row['indicator_code']])] for row in site.rows('indicators')])
    units_used = Counter(t.get('unit_code', '') for t in targets)
    units = table_md(['Code', 'Label', '标签', 'Definition', 'Targets'], [
        [code(row['unit_code']), md(row['label_en']), md(row['label_zh']), md(row['definition_en']), str(units_used[row['unit_code']])]
        for row in site.rows('units')])
    passes, coded = agreement.target_passes(site.package)
    if passes:
        agreed = '\n'.join(['### Agreement between the two passes {#target-agreement}\n',
                             table_md(['Field', 'Targets', 'Same value', "Cohen's kappa"],
                                      [[code(a.scheme), str(a.measures), str(a.same), 'n/a' if a.kappa is None else f'{a.kappa:.2f}']
                                       for a in passes])])
    else:
        agreed = (f'### Agreement between the two passes {{#target-agreement}}\n\n{coded} targets are coded in pass `a`; the '
                  'second, blind pass is not in yet, so no agreement can be given.\n')
    return '\n'.join([agreed, '### Indicators {#indicators}\n', indicators, '### Units {#units}\n', units])
