"""No note that ingest wrote is left as it wrote it: a draft note is a question to the curator
(ingest's guess, to check), not a curation decision a reader can rely on."""
from __future__ import annotations

from ipplans.ingest.draft import NOTE_PREFIX
from ipplans.text import shorten
from ipplans.validate.context import Context

CODES = ('draft-note',)
MESSAGES = {
    'draft-note': ('note {note} is still the draft note ingest wrote ("{cell}"): check the guess against the source, then '
                   'rewrite the note as the decision taken (what the source shows and what was done), or delete it.',
                   '说明 {note} 仍是 ingest 写的草稿说明（“{cell}”）：请对照来源核实该推测，然后改写为所作的决定（来源如何、做了什么），或删除该说明。'),
}


def run(ctx: Context) -> None:
    if not ctx.readable('curation_notes'):
        return
    for line, note in ctx.rows('curation_notes'):
        if note.get('note', '').startswith(NOTE_PREFIX):
            ctx.add(ctx.path('curation_notes'), line, 'note', 'draft-note', 'draft-note', table='curation_notes',
                    note=note.get('note_id', ''), cell=shorten(note.get('note', ''), 60))
