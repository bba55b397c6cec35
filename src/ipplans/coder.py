"""The rule-based coder: proposes codes from the code lists' own keywords, for a curator to decide.

The keywords live in the code lists (agency_functions.keywords), so the coder, the site and the
downloads read one home. It proposes; it never overrides a curated code.
"""
from __future__ import annotations

import re


def propose_function(name: str, functions: list[dict[str, str]]) -> str:
    """The function whose keyword matches the agency's name longest ('' when none matches).
    Longest wins so that 镇人民政府 is a township, not a government, and 网络安全和信息化委员会
    is cyberspace, not industry and IT."""
    best = (0, '')
    for row in functions:
        if not row.get('keywords'):
            continue
        for match in re.finditer(row['keywords'], name):
            if len(match.group()) > best[0]:
                best = (len(match.group()), row['function'])
    return best[1]


# The code a single-valued scheme falls back to when no keyword matches.
FALLBACK = {'pillar': 'foundations', 'measure_type': 'substantive', 'ip_right': 'general'}


def hits(text: str, keywords: str) -> int:
    return len(re.findall(keywords, text)) if keywords else 0


def propose_measure_codes(text: str, schemes: list[dict[str, str]], code_lists: list[dict[str, str]]) -> dict[str, list[str]]:
    """Codes for one measure text, per scheme: for a scheme of one code, the code whose keywords
    occur most (ties to the first in the list); for one or more, every code whose keywords occur
    (instruments: the three with most hits). Falls back to FALLBACK, or the scheme's first code."""
    proposed = {}
    for scheme in schemes:
        name = scheme['scheme']
        scored = [(hits(text, row.get('keywords', '')), index, row['code'])
                  for index, row in enumerate(r for r in code_lists if r['scheme'] == name)]
        found = sorted((s for s in scored if s[0]), key=lambda s: (-s[0], s[1]))
        if name == 'ip_right':   # a specific right named, or IP in general, or both
            specific = [code for _, _, code in found if code != 'general']
            found_codes = specific if specific and len(specific) < 3 else ['general'] + (specific if len(specific) < 3 else [])
            proposed[name] = found_codes or [FALLBACK[name]]
            continue
        limit = 1 if scheme['values'] == 'one' else int(scheme.get('max_codes') or len(scored))
        codes = [code for _, _, code in found[:limit]]
        proposed[name] = codes or [FALLBACK.get(name) or scored[0][2]]
    return proposed


# The codes a target falls back to when no indicator's keyword matches, and the label ingest gives
# an overall goal (the sentence that opens with 到YYYY年).
OTHER_INDICATOR = {'numeric': 'other_numeric', 'qualitative': 'other_qualitative'}
OVERALL_GOAL = ('总体目标', 'overall_goal')


def propose_indicator(text: str, numeric: bool, indicators: list[dict[str, str]], label: str = '') -> str:
    """The indicator whose keyword matches the target's text longest, among the indicators a target of
    this kind can take (a number needs a numeric indicator; a qualitative target may take any, as
    地理标志数量合理稳定增长 does); an overall goal by its label; else the list's other code."""
    if not numeric and label == OVERALL_GOAL[0]:
        return OVERALL_GOAL[1]
    best = (0, '')
    for row in indicators:
        if not row.get('keywords') or (numeric and row.get('value_kind') != 'numeric'):
            continue
        for match in re.finditer(row['keywords'], text):
            if len(match.group()) > best[0]:
                best = (len(match.group()), row['indicator_code'])
    return best[1] or OTHER_INDICATOR['numeric' if numeric else 'qualitative']


def propose_unit(printed: str, units: list[dict[str, str]]) -> str:
    """The unit code whose printed forms (units.printed_as) match the printed unit whole ('' when none does)."""
    for row in units:
        if row.get('printed_as') and printed and re.fullmatch(row['printed_as'], printed):
            return row['unit_code']
    return ''
