"""Each citation of a draft points into the register of documents (data/documents.csv): to the
document with the same number, else the same title; a document the register lacks is proposed as a
new row for the curator to complete. The plan itself may already be listed as a wanted plan."""
from __future__ import annotations

import re

from ipplans.ingest.text import key

GENRES = [('task_division', r'任务分工'), ('work_points', r'工作要点'), ('notice', r'通知$'),
          ('opinions', r'(意见|措施|举措)$')]


def genre(title: str) -> str:
    """The document's genre read from its title (see documents.genre in schemas/documents.json)."""
    return next((name for name, pattern in GENRES if re.search(pattern, title)), 'plan')


TRANSMITTED = re.compile(r'印发\s*[<〈《]([^>〉》]+)[>〉》]\s*的?通知$')


def inner_title(title: str) -> str:
    """The document a transmitting notice carries (…关于印发<X>的通知 → X): the register lists X itself."""
    match = TRANSMITTED.search(title)
    return match.group(1).strip() if match else title


def title_key(title: str) -> str:
    """Titles compared without 关于 at the start, spaces, width or bracket style."""
    return re.sub(r'^关于', '', key(inner_title(title)))


def find(register: list[dict[str, str]], number: str, title: str) -> dict[str, str] | None:
    """The register's document with this standard number, else with this title; None if neither."""
    if number:
        found = next((d for d in register if d.get('doc_number') == number), None)
        if found:
            return found
    wanted = title_key(title)
    return next((d for d in register if wanted and title_key(d.get('title', '')) == wanted), None)


def link_citations(draft, register: list[dict[str, str]], plan_id: str) -> None:
    """Fill document_id of the draft's citations; propose documents the register lacks, with a guess note each."""
    proposed: list[dict[str, str]] = draft.tables.setdefault('documents', [])
    for citation in draft.tables.get('citations', []):
        found = find(register + proposed, citation['cited_doc_number_normalized'], citation['cited_title'])
        if found:
            citation['document_id'] = found['document_id']
            continue
        document_id = f'{plan_id}-cited-{citation["seq"]}'
        title = inner_title(citation['cited_title'])
        proposed.append({'document_id': document_id, 'title': title,
                         'doc_number': citation['cited_doc_number_normalized'], 'genre': genre(title),
                         'local_ip_plan': 'false'})
        citation['document_id'] = document_id
        draft.guess('documents', document_id, 'document_id',
                    f'a document the register lacks, cited as 《{citation["cited_title"]}》: give it a lasting id, its issuer, '
                    'issuer_level and region_code, and set local_ip_plan to true if it is a local IP plan')


def note_wanted_plan(draft, register: list[dict[str, str]], number: str, title: str) -> None:
    """Say so when the register already lists the plan being drafted (as a wanted, uncurated plan)."""
    found = find(register, number, title)
    if found and not found.get('plan_id'):
        draft.uncertain.append(f'documents: the register lists this plan as {found["document_id"]} ({found["title"]}); '
                               'once added, set that row\'s plan_id to the new plan_id')
