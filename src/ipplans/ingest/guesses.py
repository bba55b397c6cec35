"""What a draft guesses beyond what the text prints: how much of the document the source holds,
and the codes of each measure. Every guess is a draft curation note for the reviewer."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ipplans.coder import propose_measure_codes
from ipplans.text import number_value

if TYPE_CHECKING:
    from ipplans.ingest.draft import Draft

# Characters of text after the title from which a copy without tasks counts as an excerpt, not metadata only.
EXCERPT_MIN_CHARS = 200
# A measure's text ends with one of these when the copy did not stop inside it.
WHOLE_ENDINGS = tuple('。；;！!？?）)】〕]') + ('等',)


def guess_capture(result: Draft, body_length: int = 0) -> None:
    """What the source holds, guessed: no measures at all (metadata only, said loudly), a last measure
    that stops mid-sentence or a list that starts past 1 (an excerpt), else the full text."""
    plan = result.tables['plans'][0]
    measures = result.tables['measures']
    if not measures:
        # a copy that holds the plan's opening (notice, preamble, goals) but stops before the first task is an
        # excerpt; one that holds hardly any of its text is metadata only
        plan['capture'] = 'excerpt' if body_length >= EXCERPT_MIN_CHARS else 'metadata_only'
        result.guess('plans', plan['plan_id'], 'capture', f'NO MEASURES FOUND: capture set to {plan["capture"]} '
                     f'({body_length} characters of text after the title). If the copy stops before the first task, '
                     'rewrite this note to say so (the validator accepts an excerpt without measures only with such a note); '
                     'if the text does hold tasks, its layout is one ingest cannot read yet: add the rows by hand or report the layout.')
        return
    last = measures[-1]
    if not last['text'].rstrip().endswith(WHOLE_ENDINGS):
        last['capture'], plan['capture'] = 'cut_off', 'excerpt'
        result.guess('measures', last['measure_id'], 'capture',
                     f'measure {last["number"]} ends mid-sentence ({last["text"][-12:]!r}): marked cut_off and the plan '
                     'an excerpt; if the source is whole, set both back')
    elif plan['capture'] == 'excerpt':
        pass   # already said where the copy stops (a cut-off duty bracket)
    elif number_value(measures[0]['number']) not in (None, 1):
        plan['capture'] = 'excerpt'
        result.guess('plans', plan['plan_id'], 'capture', 'the numbering starts past 1: capture set to excerpt; check it')
    else:
        result.guess('plans', plan['plan_id'], 'capture', 'capture guessed as full_text; say excerpt, body_only or '
                     'annex_only if the copy holds only part of the document')


def propose_codes(result: Draft, schemes: list[dict[str, str]], code_lists: list[dict[str, str]]) -> None:
    """Codes the rule-based coder proposes for every measure, marked rule_based until reviewed."""
    rows = result.tables.setdefault('measure_codes', [])
    for measure in result.tables['measures']:
        for scheme, codes in propose_measure_codes(measure['text'], schemes, code_lists).items():
            rows += [{'measure_id': measure['measure_id'], 'scheme': scheme, 'code': code, 'assigned_by': 'rule_based',
                      'note': 'Proposed by the rule-based coder from the code list\'s keywords; review it.'} for code in codes]
    if rows:
        result.uncertain.append(f'measure_codes: {len(rows)} codes proposed by the rule-based coder (assigned_by rule_based): '
                                'review them against the codebook (Methodology page), then set assigned_by to curator')
