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
